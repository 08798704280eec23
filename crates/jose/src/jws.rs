//! JWS compact serialization (RFC 7515 §7.1) with PS512 only.

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{KeyPair, PublicKeyComponents};
use aws_lc_rs::signature::{RSA_PSS_2048_8192_SHA512, RSA_PSS_SHA512};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::jwk::{b64, generate_pair, unb64};
use crate::{JoseError, RsaPublicJwk};

/// The one signature algorithm accepted: RSASSA-PSS with SHA-512, as FIT-Connect uses.
pub const SIGNATURE_ALGORITHM: &str = "PS512";

#[derive(Serialize, Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    typ: Option<String>,
    /// Critical extensions: none are understood, so any is refused (RFC 7515 §4.1.11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    crit: Option<serde_json::Value>,
}

/// An RSA key pair that signs: a trust anchor or a destination's signing key.
pub struct SigningKey {
    kid: String,
    pair: KeyPair,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("kid", &self.kid)
            .finish()
    }
}

impl SigningKey {
    /// A new 4096-bit key (FIT-Connect's size), named `kid`.
    pub fn generate(kid: impl Into<String>) -> Result<Self, JoseError> {
        Self::generate_sized(kid, 4096)
    }

    /// A new key of 2048, 3072 or 4096 bits. Making a 4096-bit key takes seconds; test and
    /// demo servers make smaller ones.
    pub fn generate_sized(kid: impl Into<String>, bits: usize) -> Result<Self, JoseError> {
        Ok(SigningKey {
            kid: kid.into(),
            pair: generate_pair(bits)?,
        })
    }

    /// A key read back from its PKCS #8 form.
    pub fn from_pkcs8(kid: impl Into<String>, der: &[u8]) -> Result<Self, JoseError> {
        let pair = KeyPair::from_pkcs8(der).map_err(|e| JoseError::Key(e.to_string()))?;
        Ok(SigningKey {
            kid: kid.into(),
            pair,
        })
    }

    /// The private key in PKCS #8 form, to keep it in a key store.
    pub fn to_pkcs8(&self) -> Result<Vec<u8>, JoseError> {
        self.pair
            .as_der()
            .map(|der| der.as_ref().to_vec())
            .map_err(|_| JoseError::Key("could not encode the key".into()))
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The public half as a JWK for signatures.
    pub fn public_jwk(&self) -> RsaPublicJwk {
        RsaPublicJwk::of_pair(&self.pair, &self.kid, "sig", SIGNATURE_ALGORITHM)
    }

    /// `claims` signed as a JWS of type `typ`, in compact form.
    pub fn sign<T: Serialize>(&self, typ: &str, claims: &T) -> Result<String, JoseError> {
        let header = Header {
            alg: SIGNATURE_ALGORITHM.into(),
            kid: Some(self.kid.clone()),
            typ: Some(typ.into()),
            crit: None,
        };
        let header = serde_json::to_vec(&header).map_err(|e| JoseError::Content(e.to_string()))?;
        let payload = serde_json::to_vec(claims).map_err(|e| JoseError::Content(e.to_string()))?;
        let input = format!("{}.{}", b64(&header), b64(&payload));
        let mut signature = vec![0u8; self.pair.public_modulus_len()];
        self.pair
            .sign(
                &RSA_PSS_SHA512,
                &SystemRandom::new(),
                input.as_bytes(),
                &mut signature,
            )
            .map_err(|_| JoseError::Key("signing failed".into()))?;
        Ok(format!("{input}.{}", b64(&signature)))
    }
}

/// What a verified JWS said, and which key signed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified<T> {
    pub kid: String,
    pub claims: T,
}

/// Verifies `token` as a PS512 JWS of type `typ` signed by one of `keys` (matched by `kid`;
/// only keys for signatures with PS512), and reads its claims.
pub fn verify<T: DeserializeOwned>(
    token: &str,
    typ: &str,
    keys: &[RsaPublicJwk],
) -> Result<Verified<T>, JoseError> {
    let mut parts = token.trim().split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JoseError::Malformed("three parts separated by dots"));
    };
    let header: Header = serde_json::from_slice(&unb64(header_b64)?)
        .map_err(|_| JoseError::Malformed("the header is not a JOSE header"))?;
    if header.alg != SIGNATURE_ALGORITHM {
        return Err(JoseError::Algorithm(header.alg));
    }
    if header.crit.is_some() {
        return Err(JoseError::Malformed(
            "critical extensions are not understood",
        ));
    }
    let found = header.typ.unwrap_or_default();
    if found != typ {
        return Err(JoseError::Type {
            expected: typ.into(),
            found,
        });
    }
    let kid = header.kid.unwrap_or_default();
    let key = keys
        .iter()
        .find(|k| k.kid == kid && k.usage == "sig" && k.alg == SIGNATURE_ALGORITHM)
        .ok_or_else(|| JoseError::UnknownKey(kid.clone()))?;
    let (n, e) = key.components()?;
    let signature = unb64(signature_b64)?;
    let input = &token.trim()[..header_b64.len() + 1 + payload_b64.len()];
    PublicKeyComponents { n: &n, e: &e }
        .verify(&RSA_PSS_2048_8192_SHA512, input.as_bytes(), &signature)
        .map_err(|_| JoseError::Signature)?;
    let claims = serde_json::from_slice(&unb64(payload_b64)?)
        .map_err(|e| JoseError::Content(e.to_string()))?;
    Ok(Verified { kid, claims })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn keys() -> &'static (SigningKey, SigningKey) {
        static KEYS: OnceLock<(SigningKey, SigningKey)> = OnceLock::new();
        KEYS.get_or_init(|| {
            (
                SigningKey::generate("anchor-1").expect("key"),
                SigningKey::generate_sized("rogue", 2048).expect("key"),
            )
        })
    }

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Claims {
        submission: String,
    }

    fn claims() -> Claims {
        Claims {
            submission: "abc".into(),
        }
    }

    fn part(token: &str, i: usize) -> &str {
        token.split('.').nth(i).expect("part")
    }

    #[test]
    fn a_signature_verifies_with_its_public_key_only() {
        let (key, rogue) = keys();
        let token = key.sign("receipt+jwt", &claims()).expect("sign");
        let ok: Verified<Claims> =
            verify(&token, "receipt+jwt", &[key.public_jwk()]).expect("verifies");
        assert_eq!(ok.claims, claims());
        assert_eq!(ok.kid, "anchor-1");
        // The rogue key under the right name: the signature does not match.
        let mut impostor = rogue.public_jwk();
        impostor.kid = "anchor-1".into();
        assert_eq!(
            verify::<Claims>(&token, "receipt+jwt", &[impostor]).expect_err("refused"),
            JoseError::Signature
        );
        // Signed by the rogue key, which is not trusted.
        let forged = rogue.sign("receipt+jwt", &claims()).expect("sign");
        assert_eq!(
            verify::<Claims>(&forged, "receipt+jwt", &[key.public_jwk()]).expect_err("refused"),
            JoseError::UnknownKey("rogue".into())
        );
    }

    #[test]
    fn a_changed_payload_header_or_type_is_refused() {
        let (key, _) = keys();
        let trusted = [key.public_jwk()];
        let token = key.sign("receipt+jwt", &claims()).expect("sign");
        let other = b64(br#"{"submission":"abd"}"#);
        let tampered = format!("{}.{other}.{}", part(&token, 0), part(&token, 2));
        assert_eq!(
            verify::<Claims>(&tampered, "receipt+jwt", &trusted).expect_err("refused"),
            JoseError::Signature
        );
        assert!(matches!(
            verify::<Claims>(&token, "destination-keys+jwt", &trusted).expect_err("refused"),
            JoseError::Type { .. }
        ));
        for alg in ["none", "HS512", "RS256", "PS256"] {
            let header = b64(
                format!(r#"{{"alg":"{alg}","kid":"anchor-1","typ":"receipt+jwt"}}"#).as_bytes(),
            );
            let confused = format!("{header}.{}.{}", part(&token, 1), part(&token, 2));
            assert_eq!(
                verify::<Claims>(&confused, "receipt+jwt", &trusted).expect_err("refused"),
                JoseError::Algorithm(alg.into()),
                "{alg}"
            );
        }
        let crit = b64(br#"{"alg":"PS512","kid":"anchor-1","typ":"receipt+jwt","crit":["b64"]}"#);
        let critical = format!("{crit}.{}.{}", part(&token, 1), part(&token, 2));
        assert!(verify::<Claims>(&critical, "receipt+jwt", &trusted).is_err());
        for broken in ["", "a.b", "a.b.c.d", &format!("{}..", part(&token, 0))] {
            assert!(
                verify::<Claims>(broken, "receipt+jwt", &trusted).is_err(),
                "{broken:?}"
            );
        }
    }

    #[test]
    fn an_encryption_key_does_not_verify_signatures() {
        let (key, _) = keys();
        let token = key.sign("receipt+jwt", &claims()).expect("sign");
        let mut enc = key.public_jwk();
        enc.usage = "enc".into();
        enc.alg = "RSA-OAEP-256".into();
        assert!(matches!(
            verify::<Claims>(&token, "receipt+jwt", &[enc]).expect_err("refused"),
            JoseError::UnknownKey(_)
        ));
    }

    #[test]
    fn a_key_survives_its_pkcs8_form() {
        let (key, _) = keys();
        let der = key.to_pkcs8().expect("der");
        let back = SigningKey::from_pkcs8("anchor-1", &der).expect("read");
        assert_eq!(back.public_jwk(), key.public_jwk());
        let token = back.sign("receipt+jwt", &claims()).expect("sign");
        verify::<Claims>(&token, "receipt+jwt", &[key.public_jwk()]).expect("verifies");
        assert!(SigningKey::from_pkcs8("x", b"not a key").is_err());
    }
}
