//! Random secrets (session ids, API tokens, one-time links) and their stored hashes.
//! Only the SHA-256 hash of a secret is ever stored.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// 256 random bits from the operating system, URL-safe base64 without padding.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    fill_random(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// 16 random bytes from the operating system (a WebAuthn user handle).
pub fn random_16() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    fill_random(&mut bytes);
    bytes
}

/// A random number below `n` (0 when `n` is 0), from the operating system's source.
pub fn random_below(n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut b = [0u8; 8];
    fill_random(&mut b);
    usize::try_from(u64::from_le_bytes(b) % n as u64).unwrap_or(0)
}

/// An API token: a recognisable prefix and 256 random bits.
pub fn new_api_token() -> String {
    format!("roma_{}", random_secret())
}

/// The hex SHA-256 of a secret, the form in which it is stored.
pub fn hash_secret(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Compares two strings in time that does not depend on where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub(crate) fn fill_random(bytes: &mut [u8]) {
    #[expect(
        clippy::expect_used,
        reason = "without the operating system's random source no secret can be made; nothing sensible can continue"
    )]
    getrandom::fill(bytes).expect("the operating system's random number generator failed");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_url_safe() {
        let a = random_secret();
        let b = random_secret();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
    }

    #[test]
    fn hash_is_stable_hex_sha256() {
        assert_eq!(
            hash_secret("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }
}
