//! The mailbox's name and the key, both derived from the code (HKDF-SHA256, RFC 5869, with
//! separate labels), and the content sealed with AES-256-GCM under a random nonce, bound to
//! its mailbox (the name is the associated data, so content cannot be moved to another one).

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::hkdf::{KeyType, Salt, HKDF_SHA256};
use ring::rand::{SecureRandom, SystemRandom};

use crate::{Code, HandoverError};

const SALT: &[u8] = b"thueringen-app/handover/v1";
const MAILBOX_LABEL: &[u8] = b"thueringen-app/handover/v1/mailbox";
const KEY_LABEL: &[u8] = b"thueringen-app/handover/v1/key";
/// The first bytes of sealed content: the format, so a later one can be told apart.
const MAGIC: &[u8; 4] = b"THA1";

struct MailboxLength;

impl KeyType for MailboxLength {
    fn len(&self) -> usize {
        16
    }
}

impl Code {
    fn derived(&self, label: &[u8], length: usize) -> Result<Vec<u8>, HandoverError> {
        struct Length(usize);
        impl KeyType for Length {
            fn len(&self) -> usize {
                self.0
            }
        }
        let prk = Salt::new(HKDF_SHA256, SALT).extract(self.bytes());
        let labels = [label];
        let okm = prk
            .expand(&labels, Length(length))
            .map_err(|_| HandoverError::Randomness)?;
        let mut out = vec![0u8; length];
        okm.fill(&mut out).map_err(|_| HandoverError::Randomness)?;
        Ok(out)
    }

    /// The mailbox's name on the state API: 32 lower-case hex digits.
    pub fn mailbox(&self) -> String {
        let bytes = self
            .derived(MAILBOX_LABEL, MailboxLength.len())
            .unwrap_or_default();
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn key(&self) -> Result<LessSafeKey, HandoverError> {
        let mut bytes = self.derived(KEY_LABEL, AES_256_GCM.key_len())?;
        let key = UnboundKey::new(&AES_256_GCM, &bytes).map_err(|_| HandoverError::Randomness);
        zeroize::Zeroize::zeroize(&mut bytes);
        Ok(LessSafeKey::new(key?))
    }

    /// Seals `plain` for this code's mailbox.
    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>, HandoverError> {
        let key = self.key()?;
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| HandoverError::Randomness)?;
        let mailbox = self.mailbox();
        let mut body = plain.to_vec();
        key.seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(mailbox.as_bytes()),
            &mut body,
        )
        .map_err(|_| HandoverError::Randomness)?;
        let mut sealed = Vec::with_capacity(MAGIC.len() + NONCE_LEN + body.len());
        sealed.extend_from_slice(MAGIC);
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&body);
        Ok(sealed)
    }

    /// Opens what [`Code::seal`] made under this code; anything else, or anything changed,
    /// is [`HandoverError::DoesNotOpen`].
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, HandoverError> {
        let rest = sealed
            .strip_prefix(MAGIC.as_slice())
            .ok_or(HandoverError::DoesNotOpen)?;
        if rest.len() < NONCE_LEN {
            return Err(HandoverError::DoesNotOpen);
        }
        let (nonce, body) = rest.split_at(NONCE_LEN);
        let nonce =
            Nonce::try_assume_unique_for_key(nonce).map_err(|_| HandoverError::DoesNotOpen)?;
        let key = self.key()?;
        let mailbox = self.mailbox();
        let mut body = body.to_vec();
        let plain = key
            .open_in_place(nonce, Aad::from(mailbox.as_bytes()), &mut body)
            .map_err(|_| HandoverError::DoesNotOpen)?;
        Ok(plain.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code() -> Code {
        Code::generate().expect("randomness")
    }

    #[test]
    fn sealed_content_opens_under_its_code_only() {
        let code = code();
        let sealed = code.seal(b"Kanarienvogel-4711").expect("sealed");
        assert!(!sealed.windows(18).any(|w| w == b"Kanarienvogel-4711"));
        assert_eq!(code.open(&sealed).expect("opens"), b"Kanarienvogel-4711");
        assert_eq!(self::code().open(&sealed), Err(HandoverError::DoesNotOpen));
        // Twice sealed, two ciphertexts (a fresh nonce each time).
        assert_ne!(sealed, code.seal(b"Kanarienvogel-4711").expect("sealed"));
    }

    #[test]
    fn any_change_on_the_way_is_refused() {
        let code = code();
        let sealed = code.seal(b"answers").expect("sealed");
        for i in 0..sealed.len() {
            let mut changed = sealed.clone();
            changed[i] ^= 0x01;
            assert_eq!(
                code.open(&changed),
                Err(HandoverError::DoesNotOpen),
                "byte {i}"
            );
        }
        assert_eq!(
            code.open(&sealed[..sealed.len() - 1]),
            Err(HandoverError::DoesNotOpen)
        );
        assert_eq!(code.open(b"THA1"), Err(HandoverError::DoesNotOpen));
        assert_eq!(code.open(b""), Err(HandoverError::DoesNotOpen));
    }

    #[test]
    fn the_mailbox_is_fixed_by_the_code_and_says_nothing_of_the_key() {
        let code = code();
        let mailbox = code.mailbox();
        assert!(wire_like_name(&mailbox), "{mailbox}");
        assert_eq!(
            Code::parse(&code.grouped()).expect("a code").mailbox(),
            mailbox
        );
        assert_ne!(self::code().mailbox(), mailbox);
        let key = code.derived(KEY_LABEL, 32).expect("derived");
        let key_hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        assert!(!key_hex.contains(&mailbox));
    }

    /// 32 lower-case hex digits (the state API's `wire::is_mailbox_name`).
    fn wire_like_name(name: &str) -> bool {
        name.len() == 32 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }
}
