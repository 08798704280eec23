//! The handover code: 80 random bits, written as 16 characters of Crockford's base 32 (digits
//! and capitals without I, L, O, U), grouped in fours for reading aloud and typing.

use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroize;

use crate::HandoverError;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters of a code (5 bits each).
const LENGTH: usize = 16;
/// Bytes of a code (80 bits).
pub(crate) const BYTES: usize = 10;

/// What a QR symbol of a handover holds before the code, so a scan of another QR symbol is
/// not taken for one (upper case and a colon: QR's compact alphanumeric mode).
pub const QR_PREFIX: &str = "THUERINGENAPP:UEBERGABE:";

/// A handover code. Its bytes are the secret the mailbox's key comes from: never logged
/// (`Debug` hides them), wiped when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Code([u8; BYTES]);

impl Drop for Code {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Code(…)")
    }
}

impl Code {
    /// A fresh code from the system's random number generator.
    pub fn generate() -> Result<Code, HandoverError> {
        let mut bytes = [0u8; BYTES];
        SystemRandom::new()
            .fill(&mut bytes)
            .map_err(|_| HandoverError::Randomness)?;
        Ok(Code(bytes))
    }

    pub(crate) fn bytes(&self) -> &[u8; BYTES] {
        &self.0
    }

    /// The 16 characters, without groups.
    fn characters(&self) -> String {
        let mut bits: u128 = 0;
        for byte in self.0 {
            bits = (bits << 8) | u128::from(byte);
        }
        (0..LENGTH)
            .rev()
            .map(|i| char::from(ALPHABET[((bits >> (i * 5)) & 31) as usize]))
            .collect()
    }

    /// As shown and read aloud: four groups of four, `7K3M-Q9XA-…`.
    pub fn grouped(&self) -> String {
        let characters = self.characters();
        let groups: Vec<&str> = (0..LENGTH / 4)
            .filter_map(|g| characters.get(g * 4..g * 4 + 4))
            .collect();
        groups.join("-")
    }

    /// What the QR symbol holds.
    pub fn qr_text(&self) -> String {
        format!("{QR_PREFIX}{}", self.characters())
    }

    /// Reads a code as a person typed it or a scanner read it: any case, with or without
    /// dashes and spaces, with the QR symbol's prefix or without; O is read as 0, I and L as
    /// 1 (Crockford's rule for what people confuse).
    pub fn parse(text: &str) -> Result<Code, HandoverError> {
        let text = text.trim();
        let text = match text.get(..QR_PREFIX.len()) {
            Some(head) if head.eq_ignore_ascii_case(QR_PREFIX) => &text[QR_PREFIX.len()..],
            _ => text,
        };
        let mut bits: u128 = 0;
        let mut count = 0;
        for c in text.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let value = ALPHABET
                .iter()
                .position(|&a| char::from(a) == c)
                .ok_or(HandoverError::NotACode)?;
            bits = (bits << 5) | value as u128;
            count += 1;
            if count > LENGTH {
                return Err(HandoverError::NotACode);
            }
        }
        if count != LENGTH {
            return Err(HandoverError::NotACode);
        }
        let mut bytes = [0u8; BYTES];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = (bits >> (8 * (BYTES - 1 - i))) as u8;
        }
        bits.zeroize();
        Ok(Code(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_from_every_way_it_is_written() {
        for _ in 0..200 {
            let code = Code::generate().expect("randomness");
            let grouped = code.grouped();
            assert_eq!(grouped.len(), 19);
            assert_eq!(Code::parse(&grouped), Ok(code.clone()));
            assert_eq!(Code::parse(&grouped.to_lowercase()), Ok(code.clone()));
            assert_eq!(Code::parse(&grouped.replace('-', " ")), Ok(code.clone()));
            assert_eq!(Code::parse(&code.qr_text()), Ok(code.clone()));
            assert_eq!(
                Code::parse(&format!("  {}\n", code.qr_text().to_lowercase())),
                Ok(code.clone())
            );
        }
    }

    #[test]
    fn letters_people_confuse_are_read_as_the_digits() {
        let code = Code::parse("0000-1111-0000-1111").expect("a code");
        assert_eq!(Code::parse("OOOO-IIII-oooo-llll"), Ok(code));
    }

    #[test]
    fn what_is_not_a_code_is_refused() {
        for text in [
            "",
            "ABCD-EFGH-JKMN-PQR",
            "ABCD-EFGH-JKMN-PQRST",
            "ABCD-EFGH-JKMN-PQRU",
            "THUERINGENAPP:UEBERGABE:",
            "https://example.org/ABCDEFGHJKMNPQRS",
        ] {
            assert_eq!(Code::parse(text), Err(HandoverError::NotACode), "{text}");
        }
    }

    #[test]
    fn codes_differ_and_debug_hides_them() {
        let a = Code::generate().expect("randomness");
        let b = Code::generate().expect("randomness");
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), "Code(…)");
    }
}
