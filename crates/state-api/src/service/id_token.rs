//! OpenID Connect ID tokens: a JWS compact serialization (RFC 7515) signed with ES256 (ECDSA
//! P-256 with SHA-256, RFC 7518 section 3.4) under the server's key, whose public half is
//! published as a JWK Set (RFC 7517) at the discovery document's `jwks_uri`.
//!
//! The cryptography is `ring`'s (already the TLS stack's); this module only lays out header,
//! claims and signature. ring's `..._FIXED_SIGNING` gives the signature as `r || s`, 32 bytes
//! each, which is exactly what JWS wants (not the ASN.1 DER form). It only signs: the server
//! never accepts an ID token, so no verification (and no `alg` choice by an attacker) exists
//! here. It never logs a key or a token.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The one signing algorithm, as discovery advertises it.
pub const ALGORITHM: &str = "ES256";

/// The claims of an ID token (OpenID Connect Core 1.0, section 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdTokenClaims {
    pub iss: String,
    pub sub: String,
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
}

/// A public key in the JWK Set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Jwk {
    pub kty: String,
    pub crv: String,
    /// Base64url of the point's x coordinate (32 bytes).
    pub x: String,
    /// Base64url of the point's y coordinate (32 bytes).
    pub y: String,
    #[serde(rename = "use")]
    pub use_: String,
    pub alg: String,
    pub kid: String,
}

/// The JWK Set served at `jwks_uri`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

/// The server's ID token key.
pub struct IdTokenSigner {
    key_pair: EcdsaKeyPair,
    jwk: Jwk,
    rng: SystemRandom,
}

/// A new P-256 private key for ID tokens, as PKCS#8 DER (for instances that must share one).
pub fn generate_key() -> Result<Vec<u8>, Error> {
    EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &SystemRandom::new())
        .map(|der| der.as_ref().to_vec())
        .map_err(|_| Error::Config("cannot make an ID token key".into()))
}

impl IdTokenSigner {
    /// The signer for a PKCS#8 (DER) P-256 private key, or for a key made now when `pkcs8`
    /// is `None` (demo and test servers; tokens signed before a restart then no longer
    /// verify against the published key).
    pub fn new(pkcs8: Option<&[u8]>) -> Result<IdTokenSigner, Error> {
        let rng = SystemRandom::new();
        let generated;
        let der = match pkcs8 {
            Some(der) => der,
            None => {
                generated = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
                    .map_err(|_| Error::Config("cannot make an ID token key".into()))?;
                generated.as_ref()
            }
        };
        let key_pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, der, &rng)
            .map_err(|e| {
                Error::Config(format!("the ID token key is not a PKCS#8 P-256 key: {e}"))
            })?;
        // An uncompressed point: 0x04, then x and y, 32 bytes each.
        let point = key_pair.public_key().as_ref();
        let (x, y) = match point {
            [4, rest @ ..] if rest.len() == 64 => rest.split_at(32),
            _ => return Err(Error::Config("unexpected P-256 public key form".into())),
        };
        let kid = URL_SAFE_NO_PAD.encode(ring::digest::digest(&ring::digest::SHA256, point))[..16]
            .to_string();
        let jwk = Jwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: URL_SAFE_NO_PAD.encode(x),
            y: URL_SAFE_NO_PAD.encode(y),
            use_: "sig".into(),
            alg: ALGORITHM.into(),
            kid,
        };
        Ok(IdTokenSigner { key_pair, jwk, rng })
    }

    /// The published key set.
    pub fn jwks(&self) -> Jwks {
        Jwks {
            keys: vec![self.jwk.clone()],
        }
    }

    /// The signed ID token for `claims`.
    pub fn sign(&self, claims: &IdTokenClaims) -> Result<String, Error> {
        let header = serde_json::json!({"alg": ALGORITHM, "typ": "JWT", "kid": self.jwk.kid});
        let signing_input = format!("{}.{}", base64url_json(&header)?, base64url_json(claims)?);
        let signature = self
            .key_pair
            .sign(&self.rng, signing_input.as_bytes())
            .map_err(|_| Error::Task("signing the ID token failed".into()))?;
        Ok(format!(
            "{signing_input}.{}",
            URL_SAFE_NO_PAD.encode(signature.as_ref())
        ))
    }
}

/// Base64url (no padding) of a value's JSON.
fn base64url_json<T: Serialize>(value: &T) -> Result<String, Error> {
    let json = serde_json::to_vec(value).map_err(|e| Error::Task(e.to_string()))?;
    Ok(URL_SAFE_NO_PAD.encode(json))
}

/// The DER of a PKCS#8 private key from a PEM (`-----BEGIN PRIVATE KEY-----`) or DER file.
pub fn pkcs8_from_file(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(bytes.to_vec());
    };
    if !text.contains("-----BEGIN") {
        return Ok(bytes.to_vec());
    }
    if !text.contains("-----BEGIN PRIVATE KEY-----") {
        return Err(Error::Config(
            "the ID token key must be a PKCS#8 PEM (BEGIN PRIVATE KEY), e.g. from \
             `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`"
                .into(),
        ));
    }
    let body: String = text
        .lines()
        .skip_while(|l| !l.starts_with("-----BEGIN PRIVATE KEY-----"))
        .skip(1)
        .take_while(|l| !l.starts_with("-----END"))
        .map(str::trim)
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(body)
        .map_err(|e| Error::Config(format!("the ID token key PEM is damaged: {e}")))
}

#[cfg(test)]
mod tests {
    use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};

    use super::*;

    fn claims() -> IdTokenClaims {
        IdTokenClaims {
            iss: "http://127.0.0.1:8787".into(),
            sub: "citizen-anna".into(),
            aud: "thueringen-app".into(),
            exp: 2_000,
            iat: 1_000,
        }
    }

    #[test]
    fn a_signed_token_verifies_with_the_published_key_and_a_changed_one_does_not() {
        let signer = IdTokenSigner::new(None).expect("a key");
        let token = signer.sign(&claims()).expect("signed");
        let jwk = &signer.jwks().keys[0];
        let mut point = vec![4u8];
        point.extend(URL_SAFE_NO_PAD.decode(&jwk.x).expect("x"));
        point.extend(URL_SAFE_NO_PAD.decode(&jwk.y).expect("y"));
        let key = UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point);
        let (input, signature) = token.rsplit_once('.').expect("three parts");
        let signature = URL_SAFE_NO_PAD.decode(signature).expect("base64url");
        assert_eq!(signature.len(), 64, "r || s, not DER");
        assert!(key.verify(input.as_bytes(), &signature).is_ok(), "verifies");
        let forged = input.replacen('.', ".e30", 1);
        assert!(
            key.verify(forged.as_bytes(), &signature).is_err(),
            "other claims do not"
        );
    }

    #[test]
    fn a_configured_key_is_the_one_published() {
        let rng = SystemRandom::new();
        let der =
            EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).expect("a key");
        let one = IdTokenSigner::new(Some(der.as_ref())).expect("loads");
        let again = IdTokenSigner::new(Some(der.as_ref())).expect("loads");
        assert_eq!(
            one.jwks(),
            again.jwks(),
            "the same key, the same JWK and kid"
        );
        let pem = format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            base64::engine::general_purpose::STANDARD.encode(der.as_ref())
        );
        assert_eq!(
            pkcs8_from_file(pem.as_bytes()).expect("PEM"),
            der.as_ref(),
            "PEM and DER alike"
        );
        assert!(
            IdTokenSigner::new(Some(b"not a key")).is_err(),
            "junk is refused"
        );
    }
}
