//! JWE compact serialization (RFC 7516 §7.1) with exactly RSA-OAEP-256 key encryption and
//! A256GCM content encryption (RFC 7518 §4.3, §5.3), as FIT-Connect encrypts submissions.
//!
//! The content key is random per document; the recipient's RSA key only wraps it. A wrong key
//! or a changed header, key, IV, ciphertext or tag fails in one place (the GCM tag), and a
//! content key that does not unwrap is replaced by a random one first (RFC 7516 §11.5), so a
//! sender cannot tell the two failures apart.

use aws_lc_rs::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use aws_lc_rs::rsa::{
    KeyPair, OaepPrivateDecryptingKey, OaepPublicEncryptingKey, PrivateDecryptingKey,
    PublicEncryptingKey, PublicKeyComponents, OAEP_SHA256_MGF1SHA256,
};
use serde::{Deserialize, Serialize};

use crate::jwk::{b64, generate_pair, unb64};
use crate::{JoseError, RsaPublicJwk};

/// The key encryption algorithm accepted.
pub const KEY_ALGORITHM: &str = "RSA-OAEP-256";
/// The content encryption algorithm accepted.
pub const CONTENT_ALGORITHM: &str = "A256GCM";

#[derive(Serialize, Deserialize)]
struct Header {
    alg: String,
    enc: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cty: Option<String>,
    /// Compression and critical extensions are not accepted (RFC 7516 §4.1.3, §4.1.13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    zip: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    crit: Option<serde_json::Value>,
}

fn random<const N: usize>() -> Result<[u8; N], JoseError> {
    let mut bytes = [0u8; N];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| JoseError::Key("no randomness".into()))?;
    Ok(bytes)
}

/// The `kid` a JWE names in its header, to choose among a recipient's keys (current and
/// retired) before decrypting; `None` for anything that is not a JWE header with a `kid`. The
/// header is not protected until the tag is checked: only a lookup key, never trusted.
pub fn key_id(token: &str) -> Option<String> {
    let header_b64 = token.trim().split('.').next()?;
    let header: Header = serde_json::from_slice(&unb64(header_b64).ok()?).ok()?;
    header.kid
}

/// Encrypts `plaintext` for the holder of `key` (an encryption key, `use` `enc`, algorithm
/// RSA-OAEP-256), with content type `cty`.
pub fn encrypt(plaintext: &[u8], key: &RsaPublicJwk, cty: &str) -> Result<String, JoseError> {
    if key.usage != "enc" || key.alg != KEY_ALGORITHM {
        return Err(JoseError::Key(format!(
            "key {:?} is not an {KEY_ALGORITHM} encryption key",
            key.kid
        )));
    }
    let (n, e) = key.components()?;
    let public: PublicEncryptingKey = PublicKeyComponents { n: &n, e: &e }
        .try_into()
        .map_err(|_| JoseError::Key("not a usable RSA key".into()))?;
    let oaep = OaepPublicEncryptingKey::new(public)
        .map_err(|_| JoseError::Key("not a usable RSA key".into()))?;
    let header = Header {
        alg: KEY_ALGORITHM.into(),
        enc: CONTENT_ALGORITHM.into(),
        kid: Some(key.kid.clone()),
        cty: Some(cty.into()),
        zip: None,
        crit: None,
    };
    let header = b64(&serde_json::to_vec(&header).map_err(|e| JoseError::Content(e.to_string()))?);
    let cek = zeroizing(random::<32>()?);
    let mut wrapped = vec![0u8; oaep.ciphertext_size()];
    let wrapped = oaep
        .encrypt(&OAEP_SHA256_MGF1SHA256, &cek.0, &mut wrapped, None)
        .map_err(|_| JoseError::Key("could not wrap the content key".into()))?
        .to_vec();
    let iv = random::<12>()?;
    let sealing = LessSafeKey::new(
        UnboundKey::new(&AES_256_GCM, &cek.0).map_err(|_| JoseError::Key("AES key".into()))?,
    );
    let mut ciphertext = plaintext.to_vec();
    let tag = sealing
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(iv),
            Aad::from(header.as_bytes()),
            &mut ciphertext,
        )
        .map_err(|_| JoseError::Key("encryption failed".into()))?;
    Ok(format!(
        "{header}.{}.{}.{}.{}",
        b64(&wrapped),
        b64(&iv),
        b64(&ciphertext),
        b64(tag.as_ref())
    ))
}

/// A content key, wiped when dropped.
struct Cek([u8; 32]);

impl Drop for Cek {
    fn drop(&mut self) {
        self.0 = [0; 32];
        std::hint::black_box(&self.0);
    }
}

fn zeroizing(bytes: [u8; 32]) -> Cek {
    Cek(bytes)
}

/// An RSA key pair that decrypts: a destination's encryption key.
pub struct DecryptionKey {
    kid: String,
    key: OaepPrivateDecryptingKey,
    der: Vec<u8>,
    public: RsaPublicJwk,
}

impl std::fmt::Debug for DecryptionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecryptionKey")
            .field("kid", &self.kid)
            .finish()
    }
}

impl DecryptionKey {
    /// A new key of 2048, 3072 or 4096 bits (FIT-Connect: 4096).
    pub fn generate_sized(kid: impl Into<String>, bits: usize) -> Result<Self, JoseError> {
        let pair = generate_pair(bits)?;
        let der = pair
            .as_der()
            .map_err(|_| JoseError::Key("could not encode the key".into()))?;
        Self::from_pkcs8(kid, der.as_ref())
    }

    /// A key read back from its PKCS #8 form.
    pub fn from_pkcs8(kid: impl Into<String>, der: &[u8]) -> Result<Self, JoseError> {
        let kid = kid.into();
        let pair = KeyPair::from_pkcs8(der).map_err(|e| JoseError::Key(e.to_string()))?;
        let public = RsaPublicJwk::of_pair(&pair, &kid, "enc", KEY_ALGORITHM);
        let private =
            PrivateDecryptingKey::from_pkcs8(der).map_err(|e| JoseError::Key(e.to_string()))?;
        let key = OaepPrivateDecryptingKey::new(private)
            .map_err(|_| JoseError::Key("not a usable RSA key".into()))?;
        Ok(DecryptionKey {
            kid,
            key,
            der: der.to_vec(),
            public,
        })
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The private key in PKCS #8 form, to keep it in a key store.
    pub fn to_pkcs8(&self) -> Vec<u8> {
        self.der.clone()
    }

    /// The public half as a JWK for encryption.
    pub fn public_jwk(&self) -> RsaPublicJwk {
        self.public.clone()
    }

    /// Decrypts a JWE made for this key (RSA-OAEP-256, A256GCM, this `kid`): the plaintext and
    /// the content type the sender named.
    pub fn decrypt(&self, token: &str) -> Result<(Vec<u8>, Option<String>), JoseError> {
        let mut parts = token.trim().split('.');
        let (Some(header_b64), Some(wrapped), Some(iv), Some(ciphertext), Some(tag), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Err(JoseError::Malformed("five parts separated by dots"));
        };
        let header: Header = serde_json::from_slice(&unb64(header_b64)?)
            .map_err(|_| JoseError::Malformed("the header is not a JOSE header"))?;
        if header.alg != KEY_ALGORITHM {
            return Err(JoseError::Algorithm(header.alg));
        }
        if header.enc != CONTENT_ALGORITHM {
            return Err(JoseError::Algorithm(header.enc));
        }
        if header.zip.is_some() || header.crit.is_some() {
            return Err(JoseError::Malformed(
                "compression and extensions are not accepted",
            ));
        }
        let kid = header.kid.unwrap_or_default();
        if kid != self.kid {
            return Err(JoseError::UnknownKey(kid));
        }
        let (wrapped, iv, tag) = (unb64(wrapped)?, unb64(iv)?, unb64(tag)?);
        let mut ciphertext = unb64(ciphertext)?;
        let iv: [u8; 12] = iv
            .try_into()
            .map_err(|_| JoseError::Malformed("the IV is not 96 bits"))?;
        if tag.len() != 16 {
            return Err(JoseError::Malformed("the tag is not 128 bits"));
        }
        // RFC 7516 §11.5: a key that does not unwrap goes on as a random key, so it fails at
        // the tag like any other change.
        let mut unwrapped = vec![0u8; self.key.min_output_size()];
        let cek = match self
            .key
            .decrypt(&OAEP_SHA256_MGF1SHA256, &wrapped, &mut unwrapped, None)
        {
            Ok(key) if key.len() == 32 => {
                let mut bytes = [0u8; 32];
                bytes.copy_from_slice(key);
                zeroizing(bytes)
            }
            _ => zeroizing(random::<32>()?),
        };
        unwrapped.iter_mut().for_each(|b| *b = 0);
        let opening = LessSafeKey::new(
            UnboundKey::new(&AES_256_GCM, &cek.0).map_err(|_| JoseError::Key("AES key".into()))?,
        );
        ciphertext.extend_from_slice(&tag);
        let plaintext = opening
            .open_in_place(
                Nonce::assume_unique_for_key(iv),
                Aad::from(header_b64.as_bytes()),
                &mut ciphertext,
            )
            .map_err(|_| JoseError::Signature)?
            .to_vec();
        Ok((plaintext, header.cty))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn keys() -> &'static (DecryptionKey, DecryptionKey) {
        static KEYS: OnceLock<(DecryptionKey, DecryptionKey)> = OnceLock::new();
        KEYS.get_or_init(|| {
            (
                DecryptionKey::generate_sized("erfurt-enc-1", 2048).expect("key"),
                DecryptionKey::generate_sized("jena-enc-1", 2048).expect("key"),
            )
        })
    }

    fn parts(token: &str) -> Vec<String> {
        token.split('.').map(str::to_owned).collect()
    }

    #[test]
    fn only_the_destination_decrypts_exactly_what_was_encrypted() {
        let (erfurt, jena) = keys();
        let plaintext = br#"{"name":"Ida Muster","kennzeichen":"EF-AB 123"}"#;
        let token = encrypt(plaintext, &erfurt.public_jwk(), "application/json").expect("seal");
        assert!(!token.contains("Ida"), "no plaintext in the token");
        let (opened, cty) = erfurt.decrypt(&token).expect("opens");
        assert_eq!(opened, plaintext);
        assert_eq!(cty.as_deref(), Some("application/json"));
        assert_eq!(key_id(&token).as_deref(), Some("erfurt-enc-1"));
        assert_eq!(key_id("e30.a.b.c.d"), None, "a header without kid");
        assert_eq!(key_id("not base64!.a.b.c.d"), None);
        let again = encrypt(plaintext, &erfurt.public_jwk(), "application/json").expect("seal");
        assert_ne!(again, token, "a fresh content key and IV every time");
        assert_eq!(
            jena.decrypt(&token).expect_err("not Jena's"),
            JoseError::UnknownKey("erfurt-enc-1".into())
        );
        // Jena's key under Erfurt's name: the content key does not unwrap, the tag fails.
        let mut impostor =
            DecryptionKey::from_pkcs8("erfurt-enc-1", &jena.to_pkcs8()).expect("key");
        assert_eq!(
            impostor.decrypt(&token).expect_err("wrong key"),
            JoseError::Signature
        );
        impostor = DecryptionKey::from_pkcs8("erfurt-enc-1", &erfurt.to_pkcs8()).expect("key");
        assert_eq!(impostor.decrypt(&token).expect("same key").0, plaintext);
    }

    #[test]
    fn any_change_to_any_part_is_refused() {
        let (erfurt, _) = keys();
        let token = encrypt(b"Antrag", &erfurt.public_jwk(), "application/json").expect("seal");
        let original = parts(&token);
        for i in 0..5 {
            let mut changed = original.clone();
            let mut bytes = unb64(&changed[i]).expect("b64");
            if let Some(first) = bytes.first_mut() {
                *first ^= 1;
            }
            changed[i] = b64(&bytes);
            assert!(
                erfurt.decrypt(&changed.join(".")).is_err(),
                "a flipped bit in part {i}"
            );
        }
        for (alg, enc) in [
            ("RSA-OAEP", "A256GCM"),
            ("RSA1_5", "A256GCM"),
            ("dir", "A256GCM"),
            ("RSA-OAEP-256", "A128GCM"),
        ] {
            let mut changed = original.clone();
            changed[0] =
                b64(format!(r#"{{"alg":"{alg}","enc":"{enc}","kid":"erfurt-enc-1"}}"#).as_bytes());
            assert!(
                matches!(
                    erfurt.decrypt(&changed.join(".")),
                    Err(JoseError::Algorithm(_))
                ),
                "{alg} {enc}"
            );
        }
        let mut zipped = original.clone();
        zipped[0] =
            b64(br#"{"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"erfurt-enc-1","zip":"DEF"}"#);
        assert!(erfurt.decrypt(&zipped.join(".")).is_err());
        for broken in ["", "a.b.c", "a.b.c.d.e.f"] {
            assert!(erfurt.decrypt(broken).is_err(), "{broken:?}");
        }
    }

    #[test]
    fn only_encryption_keys_encrypt() {
        let (erfurt, _) = keys();
        let mut signing = erfurt.public_jwk();
        signing.usage = "sig".into();
        signing.alg = "PS512".into();
        assert!(encrypt(b"x", &signing, "application/json").is_err());
    }
}
