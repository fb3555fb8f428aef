//! Password policy and hashing: Argon2id, 12 to 256 characters, no composition rules,
//! rejected when common (a bundled breach list) or when it contains the user's name or e-mail.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 256;

/// Argon2id with m = 19 456 KiB, t = 2, p = 1 (the OWASP minimum).
pub const M_COST_KIB: u32 = 19_456;
pub const T_COST: u32 = 2;
pub const P_COST: u32 = 1;

/// The 30 000 most common passwords of the zxcvbn frequency list (MIT, see data/).
static COMMON: &str = include_str!("../../../data/common-passwords.txt");

/// Why a new password is not accepted. Each maps to a Fluent message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    ContainsPersonal,
}

impl PasswordProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::Common => "password-common",
            PasswordProblem::ContainsPersonal => "password-personal",
        }
    }
}

/// Checks a new password against the policy. `name` and `email` are the account's.
pub fn check_new(password: &str, name: &str, email: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    if is_common(&lower) {
        return Err(PasswordProblem::Common);
    }
    if contains_personal(&lower, name, email) {
        return Err(PasswordProblem::ContainsPersonal);
    }
    Ok(())
}

fn is_common(lower: &str) -> bool {
    let squeezed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    // A listed password, or one with only digits or punctuation added at the end
    // ("dragon123456"), or one character repeated.
    let base = squeezed.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    let mut chars = squeezed.chars();
    let first = chars.next();
    if base.is_empty() || chars.all(|c| Some(c) == first) {
        return true;
    }
    COMMON
        .lines()
        .any(|p| p == squeezed || (!base.is_empty() && p == base))
}

fn contains_personal(lower: &str, name: &str, email: &str) -> bool {
    let email = email.trim().to_lowercase();
    let local = email.split('@').next().unwrap_or_default();
    let mut parts: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(str::to_lowercase)
        .collect();
    parts.push(local.to_owned());
    parts.push(email.clone());
    parts
        .iter()
        .filter(|p| p.chars().count() >= 3)
        .any(|p| lower.contains(p.as_str()))
}

fn hasher() -> Argon2<'static> {
    #[expect(
        clippy::expect_used,
        reason = "the parameters are constants that argon2 accepts; a test proves it"
    )]
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password to a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). CPU-heavy:
/// call it off the async executor.
pub fn hash(password: &str) -> String {
    let mut salt = [0u8; 16];
    crate::token::fill_random(&mut salt);
    #[expect(
        clippy::expect_used,
        reason = "16 random bytes always encode to a valid salt and hashing with valid parameters cannot fail"
    )]
    let salt = SaltString::encode_b64(&salt).expect("valid salt");
    #[expect(clippy::expect_used, reason = "see above")]
    let hashed = hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing");
    hashed.to_string()
}

/// Verifies a password against a stored PHC string. A malformed hash never verifies.
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Burns the same time as a real verification, for unknown accounts, so that timing
/// does not tell which e-mail addresses have an account.
pub fn verify_dummy(password: &str) {
    static DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jv4v0mB1g6q1oVZ3QHh8m4m0r5CqJc8k7w0l3n2vY5E";
    let _ = verify(password, DUMMY);
}

/// True when a stored hash was made with weaker parameters than today's and should be
/// replaced at the next successful login.
pub fn needs_rehash(stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return true;
    };
    let get = |k: &str| parsed.params.get_decimal(k).unwrap_or(0);
    parsed.algorithm.as_str() != "argon2id" || get("m") < M_COST_KIB || get("t") < T_COST
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules() {
        assert_eq!(
            check_new("short", "A B", "a@b.lv"),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_new("elevenchars", "A B", "a@b.lv"),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(check_new("zaļš kalns upe", "A B", "a@b.lv"), Ok(()));
        let long: String = "ķēniņš ".repeat(18).chars().take(128).collect();
        assert_eq!(check_new(&long, "A B", "a@b.lv"), Ok(()));
        let too_long: String = "x9".repeat(129);
        assert_eq!(
            check_new(&too_long, "A B", "a@b.lv"),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn no_composition_rules() {
        assert_eq!(check_new("mežazemeņuvīns", "A B", "a@b.lv"), Ok(()));
    }

    #[test]
    fn common_passwords_are_rejected() {
        assert_eq!(
            check_new("qwertyuiop123", "A B", "a@b.lv"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new("password1234", "A B", "a@b.lv"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new("1234567890123", "A B", "a@b.lv"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new("aaaaaaaaaaaaaa", "A B", "a@b.lv"),
            Err(PasswordProblem::Common)
        );
    }

    #[test]
    fn personal_data_is_rejected() {
        assert_eq!(
            check_new(
                "Bērziņš-ir-labs-99",
                "Anna Bērziņa-Bērziņš",
                "anna@kultura.lv"
            ),
            Err(PasswordProblem::ContainsPersonal)
        );
        assert_eq!(
            check_new("my anna.k secret", "X Y", "anna.k@kultura.lv"),
            Err(PasswordProblem::ContainsPersonal)
        );
    }

    #[test]
    fn hash_is_argon2id_with_owasp_parameters_and_verifies_exactly() {
        let h = hash("zaļš kalns upe");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("zaļš kalns upe", &h));
        assert!(!verify("zaļš kalns upe ", &h));
        assert!(!verify("ZAĻŠ KALNS UPE", &h));
        assert!(!verify("zaļš kalns up", &h));
        assert!(!verify("x", "not a hash"));
        assert!(!needs_rehash(&h));
        assert!(needs_rehash(
            "$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHQ$aGFzaA"
        ));
    }
}
