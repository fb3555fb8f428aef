//! Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): 6 digits, 30-second
//! steps, HMAC-SHA-1 — what every authenticator app reads from an `otpauth://` QR code —
//! and one-time recovery codes. A code is accepted one step either side of now (clocks
//! drift), and each step at most once: the caller keeps the last step used and passes it.

use hmac::{Hmac, KeyInit as _, Mac};
use sha1::Sha1;

/// Seconds per step.
pub const STEP: i64 = 30;
/// Digits of a code.
pub const DIGITS: u32 = 6;
/// The bytes of a new key (160 bits, as RFC 4226 recommends).
pub const KEY_BYTES: usize = 20;
/// How many recovery codes a user gets.
pub const RECOVERY_CODES: usize = 10;

/// A new random key.
pub fn new_key() -> Vec<u8> {
    let mut key = vec![0u8; KEY_BYTES];
    crate::token::fill_random(&mut key);
    key
}

/// HOTP (RFC 4226): the code for a counter (`u32::MAX`, which no typed code matches, for
/// a key HMAC refuses: it fails closed).
pub fn hotp(key: &[u8], counter: u64) -> u32 {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(key) else {
        return u32::MAX;
    };
    mac.update(&counter.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = usize::from(h[19] & 0x0f);
    let bin = (u32::from(h[offset]) & 0x7f) << 24
        | u32::from(h[offset + 1]) << 16
        | u32::from(h[offset + 2]) << 8
        | u32::from(h[offset + 3]);
    bin % 10u32.pow(DIGITS)
}

/// The step a moment (Unix seconds) falls in.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP)
}

/// The code for a moment, as the six digits an app shows.
pub fn code_at(key: &[u8], unix_seconds: i64) -> String {
    let counter = u64::try_from(step_at(unix_seconds)).unwrap_or(0);
    format!("{:06}", hotp(key, counter))
}

/// Checks a typed code (spaces ignored) against the steps around `now`. Returns the step
/// it matched, to be stored as the last used; `None` for a wrong code, or one whose step
/// is not after `last_used` (a code is good once).
pub fn verify(key: &[u8], typed: &str, now: i64, last_used: Option<i64>) -> Option<i64> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != DIGITS as usize
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || key.len() != KEY_BYTES
    {
        return None;
    }
    let now_step = step_at(now);
    let mut found = None;
    // Every candidate is computed and compared in constant time, whichever matches.
    for step in [now_step - 1, now_step, now_step + 1] {
        let Ok(counter) = u64::try_from(step) else {
            continue;
        };
        let code = format!("{:06}", hotp(key, counter));
        if crate::token::constant_time_eq(&code, &digits) && last_used.is_none_or(|l| step > l) {
            found = Some(step);
        }
    }
    found
}

/// RFC 4648 base32 without padding: how a key is typed into an app by hand.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// Reads a base32 key back (spaces ignored, any case); `None` for anything else.
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c.to_ascii_uppercase() {
            u @ b'A'..=b'Z' => u - b'A',
            d @ b'2'..=b'7' => d - b'2' + 26,
            _ => return None,
        };
        buffer = (buffer << 5) | u32::from(v);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

/// The key in groups of four, easier to type: "JBSW Y3DP EHPK 3PXP".
pub fn grouped(base32: &str) -> String {
    base32
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn otpauth_uri(issuer: &str, account: &str, key: &[u8]) -> String {
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP}",
        percent(issuer),
        percent(account),
        base32(key),
        percent(issuer)
    )
}

fn percent(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// New recovery codes: ten of ten characters from an alphabet without look-alikes
/// ("k7m2-p9x4-hw"), each good once; only their hashes are stored.
pub fn recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String = (0..10)
                .map(|_| char::from(ALPHABET[crate::token::random_below(ALPHABET.len())]))
                .collect();
            format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..10])
        })
        .collect()
}

/// A new random salt for one recovery code's hash.
pub fn recovery_salt() -> [u8; 16] {
    let mut salt = [0u8; 16];
    crate::token::fill_random(&mut salt);
    salt
}

/// A recovery code's stored hash: the hex SHA-256 of its own random salt and the code in
/// its normalised form. The codes carry about 50 bits, fewer than 112, so each is salted
/// (ASVS 2.6.2) and a leaked table cannot be searched for all codes at once.
pub fn recovery_hash(salt: &[u8], code: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(salt);
    h.update(normalise_recovery_code(code).as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A typed recovery code in the form its hash was made from (case, spaces and dashes
/// ignored).
pub fn normalise_recovery_code(typed: &str) -> String {
    let raw: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if raw.len() == 10 {
        format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..10])
    } else {
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 key and the 8-digit codes, of which an app shows the
    /// last six.
    const RFC_KEY: &[u8] = b"12345678901234567890";

    #[test]
    fn the_rfc_6238_test_vectors_hold() {
        for (t, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(code_at(RFC_KEY, t), eight[2..], "t={t}");
        }
    }

    #[test]
    fn the_rfc_4226_hotp_vectors_hold() {
        let expected = [
            755_224, 287_082, 359_152, 969_429, 338_314, 254_676, 287_922, 162_583, 399_871,
            520_489,
        ];
        for (counter, code) in expected.iter().enumerate() {
            assert_eq!(hotp(RFC_KEY, counter as u64), *code);
        }
    }

    #[test]
    fn a_code_is_good_one_step_either_side_and_only_once() {
        let key = new_key();
        let now = 1_800_000_015;
        let code = code_at(&key, now);
        let step = verify(&key, &code, now, None);
        assert_eq!(step, Some(step_at(now)));
        assert_eq!(verify(&key, &code, now, step), None, "used once");
        let earlier = code_at(&key, now - STEP);
        assert_eq!(verify(&key, &earlier, now, None), Some(step_at(now) - 1));
        let later = code_at(&key, now + STEP);
        assert_eq!(
            verify(&key, &format!("{} {}", &later[..3], &later[3..]), now, None),
            Some(step_at(now) + 1),
            "spaces are ignored"
        );
        let far = code_at(&key, now + 3 * STEP);
        assert_ne!(far, code);
        assert_eq!(verify(&key, &far, now, None), None, "two steps away");
        assert_eq!(verify(&key, "12345", now, None), None);
        assert_eq!(verify(&key, "abcdef", now, None), None);
    }

    #[test]
    fn base32_matches_rfc_4648() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32(plain.as_bytes()), encoded);
        }
        assert_eq!(grouped("JBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP");
        let key = new_key();
        assert_eq!(
            from_base32(&grouped(&base32(&key)).to_lowercase()),
            Some(key)
        );
        assert_eq!(from_base32("MZXW6!"), None);
    }

    #[test]
    fn the_otpauth_address_names_the_platform_and_the_account() {
        let uri = otpauth_uri("Romu platforma", "ilze.ozola@valmiera.lv", RFC_KEY);
        assert_eq!(
            uri,
            "otpauth://totp/Romu%20platforma:ilze.ozola@valmiera.lv?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Romu%20platforma&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn recovery_hashes_are_salted_and_typed_loosely() {
        let salt = [7u8; 16];
        let other = [8u8; 16];
        let h = recovery_hash(&salt, "k7m2-p9x4-hw");
        assert_eq!(h.len(), 64);
        assert_eq!(h, recovery_hash(&salt, "K7M2 P9X4 HW"));
        assert_ne!(h, recovery_hash(&other, "k7m2-p9x4-hw"));
        assert_ne!(h, recovery_hash(&salt, "k7m2-p9x4-hx"));
        assert_ne!(recovery_salt(), recovery_salt());
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_typed_loosely() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let unique: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), RECOVERY_CODES);
        for c in &codes {
            assert_eq!(c.len(), 12);
            assert_eq!(
                normalise_recovery_code(&c.to_uppercase().replace('-', " ")),
                *c
            );
        }
    }
}
