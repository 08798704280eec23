//! RSA public keys as JSON Web Keys (RFC 7517 §4, RFC 7518 §6.3.1).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::JoseError;

/// An RSA public key with its id, use (`sig` or `enc`) and algorithm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RsaPublicJwk {
    pub kty: String,
    pub kid: String,
    #[serde(rename = "use")]
    pub usage: String,
    pub alg: String,
    /// The modulus, base64url without padding, big-endian, no leading zero.
    pub n: String,
    /// The public exponent, the same way.
    pub e: String,
}

impl RsaPublicJwk {
    /// The modulus and exponent as bytes, checked: RSA, 2048 to 8192 bits, exponent 65537
    /// or another odd value of at most 32 bits.
    pub fn components(&self) -> Result<(Vec<u8>, Vec<u8>), JoseError> {
        if self.kty != "RSA" {
            return Err(JoseError::Key(format!("kty {:?} is not RSA", self.kty)));
        }
        let decode = |what: &str, text: &str| {
            URL_SAFE_NO_PAD
                .decode(text)
                .map_err(|_| JoseError::Key(format!("{what} is not base64url")))
        };
        let (n, e) = (decode("n", &self.n)?, decode("e", &self.e)?);
        if n.first() == Some(&0) || e.first() == Some(&0) {
            return Err(JoseError::Key("leading zero in n or e".into()));
        }
        let bits = n.len() * 8;
        if !(2048..=8192).contains(&bits) {
            return Err(JoseError::Key(format!("{bits}-bit modulus (2048 to 8192)")));
        }
        if e.is_empty() || e.len() > 4 || e.last().is_some_and(|b| b % 2 == 0) {
            return Err(JoseError::Key("unusual public exponent".into()));
        }
        Ok((n, e))
    }
}

impl RsaPublicJwk {
    /// The key's RFC 7638 thumbprint (SHA-256 over its required members, base64url): a name
    /// that changes with the key, so a replaced key never goes by the old one's `kid`.
    pub fn thumbprint(&self) -> String {
        let canonical = format!(
            r#"{{"e":"{}","kty":"{}","n":"{}"}}"#,
            self.e, self.kty, self.n
        );
        b64(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, canonical.as_bytes()).as_ref())
    }
}

/// A new RSA key pair of 2048, 3072 or 4096 bits (FIT-Connect: 4096; making one of those
/// takes seconds, so test and demo servers make smaller ones).
pub(crate) fn generate_pair(bits: usize) -> Result<aws_lc_rs::rsa::KeyPair, JoseError> {
    use aws_lc_rs::rsa::KeySize;
    let size = match bits {
        2048 => KeySize::Rsa2048,
        3072 => KeySize::Rsa3072,
        4096 => KeySize::Rsa4096,
        other => {
            return Err(JoseError::Key(format!(
                "{other}-bit keys are not made here"
            )))
        }
    };
    aws_lc_rs::rsa::KeyPair::generate(size)
        .map_err(|_| JoseError::Key("could not generate an RSA key".into()))
}

impl RsaPublicJwk {
    /// The public half of `pair` as a JWK named `kid`, for `usage` with `alg`.
    pub(crate) fn of_pair(
        pair: &aws_lc_rs::rsa::KeyPair,
        kid: &str,
        usage: &str,
        alg: &str,
    ) -> RsaPublicJwk {
        use aws_lc_rs::signature::KeyPair as _;
        let public = pair.public_key();
        RsaPublicJwk {
            kty: "RSA".into(),
            kid: kid.into(),
            usage: usage.into(),
            alg: alg.into(),
            n: b64(public.modulus().big_endian_without_leading_zero()),
            e: b64(public.exponent().big_endian_without_leading_zero()),
        }
    }
}

pub(crate) fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub(crate) fn unb64(text: &str) -> Result<Vec<u8>, JoseError> {
    URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| JoseError::Malformed("a part is not base64url"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwk(n: &[u8], e: &[u8]) -> RsaPublicJwk {
        RsaPublicJwk {
            kty: "RSA".into(),
            kid: "k".into(),
            usage: "sig".into(),
            alg: "PS512".into(),
            n: b64(n),
            e: b64(e),
        }
    }

    #[test]
    fn the_thumbprint_is_rfc_7638s() {
        // RFC 7638 §3.1.
        let key = RsaPublicJwk {
            kty: "RSA".into(),
            kid: "2011-04-29".into(),
            usage: "sig".into(),
            alg: "RS256".into(),
            n: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw".into(),
            e: "AQAB".into(),
        };
        assert_eq!(
            key.thumbprint(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn sizes_and_exponents_are_checked() {
        let mut n = vec![0xc5u8; 256];
        n[255] = 1;
        assert!(jwk(&n, &[1, 0, 1]).components().is_ok(), "2048 bits, 65537");
        assert!(
            jwk(&n[..128], &[1, 0, 1]).components().is_err(),
            "1024 bits"
        );
        assert!(jwk(&n, &[2]).components().is_err(), "even exponent");
        assert!(jwk(&n, &[0, 1, 0, 1]).components().is_err(), "leading zero");
        let mut other = jwk(&n, &[1, 0, 1]);
        other.kty = "EC".into();
        assert!(other.components().is_err(), "not RSA");
        other = jwk(&n, &[1, 0, 1]);
        other.n = "***".into();
        assert!(other.components().is_err(), "not base64url");
    }
}
