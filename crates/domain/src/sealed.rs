//! Sealing confidential text (mediation records: names, contact details, notes) for storage:
//! XChaCha20-Poly1305 under a 256-bit key that lives outside the database, with a fresh
//! random 192-bit nonce per value and the value's place (e.g. `"families.name"`) as
//! associated data, so a sealed value copied into another column does not open.
//!
//! A sealed value is `1` (format version) · the key's 4-byte id · nonce (24) · ciphertext
//! with its 16-byte tag. The key id lets a keyring open values sealed under an earlier key
//! while a rotation re-seals them under the current one.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

const VERSION: u8 = 1;
const HEADER: usize = 1 + 4 + 24;

/// A 256-bit sealing key. Its Debug shows only its id.
#[derive(Clone, PartialEq, Eq)]
pub struct Key {
    bytes: [u8; 32],
    id: [u8; 4],
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Key")
            .field("id", &self.id())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("a sealing key is 32 bytes written as URL-safe base64 (43 characters)")]
    Malformed,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("the sealed value is damaged or not a sealed value")]
    Malformed,
    #[error("the sealed value was sealed under a key that is not in the keyring ({0})")]
    UnknownKey(String),
    #[error("the sealed value does not open: altered, or sealed for another place")]
    Forged,
}

/// The key's bytes are wiped from memory when it is dropped.
impl Drop for Key {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.bytes);
    }
}

impl Key {
    fn from_bytes(bytes: [u8; 32]) -> Key {
        let digest = Sha256::digest(bytes);
        let mut id = [0u8; 4];
        id.copy_from_slice(&digest[..4]);
        Key { bytes, id }
    }

    /// A new random key.
    pub fn generate() -> Key {
        let mut bytes = [0u8; 32];
        crate::token::fill_random(&mut bytes);
        Key::from_bytes(bytes)
    }

    /// A key as written in a key file or the environment (URL-safe base64, surrounding
    /// white space ignored).
    pub fn parse(text: &str) -> Result<Key, KeyError> {
        let raw = URL_SAFE_NO_PAD
            .decode(text.trim())
            .map_err(|_| KeyError::Malformed)?;
        let bytes: [u8; 32] = raw.try_into().map_err(|_| KeyError::Malformed)?;
        Ok(Key::from_bytes(bytes))
    }

    /// The key as written in a key file.
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.bytes)
    }

    /// A short public name of the key (not secret: derived by hashing it).
    pub fn id(&self) -> String {
        self.id.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The current key, which seals, and earlier keys, which still open.
#[derive(Debug, Clone)]
pub struct Keyring {
    current: Key,
    earlier: Vec<Key>,
}

impl Keyring {
    pub fn new(current: Key, earlier: Vec<Key>) -> Keyring {
        Keyring { current, earlier }
    }

    pub fn current(&self) -> &Key {
        &self.current
    }

    /// The ring a rotation re-seals with: `key` seals, every key of this ring still opens.
    pub fn rotated_to(&self, key: Key) -> Keyring {
        let earlier = std::iter::once(&self.current)
            .chain(&self.earlier)
            .filter(|k| k.id != key.id)
            .cloned()
            .collect();
        Keyring {
            current: key,
            earlier,
        }
    }

    /// Seals `text` for `place` under the current key.
    pub fn seal(&self, place: &str, text: &str) -> Vec<u8> {
        seal(&self.current, place, text)
    }

    /// Opens a value sealed for `place` under any key of the ring.
    pub fn open(&self, place: &str, sealed: &[u8]) -> Result<String, OpenError> {
        if sealed.len() < HEADER + 16 || sealed[0] != VERSION {
            return Err(OpenError::Malformed);
        }
        let id = &sealed[1..5];
        let key = std::iter::once(&self.current)
            .chain(&self.earlier)
            .find(|k| k.id == id)
            .ok_or_else(|| {
                OpenError::UnknownKey(id.iter().map(|b| format!("{b:02x}")).collect())
            })?;
        let cipher = XChaCha20Poly1305::new(&key.bytes.into());
        let mut nonce = [0u8; 24];
        nonce.copy_from_slice(&sealed[5..HEADER]);
        let plain = cipher
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &sealed[HEADER..],
                    aad: place.as_bytes(),
                },
            )
            .map_err(|_| OpenError::Forged)?;
        String::from_utf8(plain).map_err(|_| OpenError::Malformed)
    }

    /// Whether a sealed value should be re-sealed under the current key (a rotation).
    pub fn is_stale(&self, sealed: &[u8]) -> bool {
        sealed.get(1..5) != Some(&self.current.id[..])
    }
}

/// Seals `text` for `place` under `key`.
pub fn seal(key: &Key, place: &str, text: &str) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(&key.bytes.into());
    let mut nonce = [0u8; 24];
    crate::token::fill_random(&mut nonce);
    #[expect(
        clippy::expect_used,
        reason = "encryption with a valid key and nonce fails only beyond 256 GiB of text"
    )]
    let body = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: text.as_bytes(),
                aad: place.as_bytes(),
            },
        )
        .expect("sealing a value");
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.push(VERSION);
    out.extend_from_slice(&key.id);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_only_for_its_place_and_unaltered() {
        let ring = Keyring::new(Key::generate(), Vec::new());
        let text = "Ģimene Bērziņi, Ventspils; piezīme par bērnu skolā";
        let sealed = ring.seal("families.name", text);
        assert!(
            !sealed.windows(6).any(|w| w == "Ģimene".as_bytes()),
            "no plain text in the sealed bytes"
        );
        assert_eq!(ring.open("families.name", &sealed).as_deref(), Ok(text));
        assert_eq!(ring.open("members.note", &sealed), Err(OpenError::Forged));
        let mut altered = sealed.clone();
        if let Some(last) = altered.last_mut() {
            *last ^= 1;
        }
        assert_eq!(ring.open("families.name", &altered), Err(OpenError::Forged));
        assert_eq!(
            ring.open("families.name", b"plain"),
            Err(OpenError::Malformed)
        );
        // The same text seals differently every time (a fresh nonce).
        assert_ne!(sealed, ring.seal("families.name", text));
    }

    #[test]
    fn a_keyring_opens_values_of_earlier_keys_and_says_what_to_reseal() {
        let old = Key::generate();
        let sealed = seal(&old, "contacts.note", "vecā atslēga");
        let without = Keyring::new(Key::generate(), Vec::new());
        assert!(matches!(
            without.open("contacts.note", &sealed),
            Err(OpenError::UnknownKey(id)) if id == old.id()
        ));
        let ring = Keyring::new(Key::generate(), vec![old.clone()]);
        assert_eq!(
            ring.open("contacts.note", &sealed).as_deref(),
            Ok("vecā atslēga")
        );
        assert!(ring.is_stale(&sealed));
        let resealed = ring.seal("contacts.note", "vecā atslēga");
        assert!(!ring.is_stale(&resealed));
    }

    #[test]
    fn keys_round_trip_through_their_text_and_hide_in_debug() {
        let k = Key::generate();
        let text = k.encode();
        assert_eq!(text.len(), 43);
        assert_eq!(Key::parse(&format!(" {text}\n")), Ok(k.clone()));
        assert!(!format!("{k:?}").contains(&text));
        assert!(format!("{k:?}").contains(&k.id()));
        assert_eq!(Key::parse("short"), Err(KeyError::Malformed));
        assert_eq!(Key::parse(&"A".repeat(44)), Err(KeyError::Malformed));
    }

    #[test]
    fn a_rotated_ring_seals_under_the_new_key_and_still_opens_the_old_values() {
        let old = Keyring::new(Key::generate(), vec![Key::generate()]);
        let before = old.seal("families.name|F-1", "Vārds");
        let new = Key::generate();
        let rotated = old.rotated_to(new.clone());
        assert_eq!(rotated.current().id(), new.id());
        assert!(rotated.is_stale(&before));
        assert_eq!(
            rotated.open("families.name|F-1", &before).as_deref(),
            Ok("Vārds")
        );
        let after = rotated.seal("families.name|F-1", "Vārds");
        assert!(!rotated.is_stale(&after));
        // Rotating to a key already in the ring does not list it twice.
        assert_eq!(rotated.rotated_to(new).earlier.len(), 2);
    }
}
