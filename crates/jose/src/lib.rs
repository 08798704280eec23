//! JOSE for ThüringenApp: RSA public keys as JWK (RFC 7517), JWS compact signatures
//! (RFC 7515) with PS512 (RSASSA-PSS, SHA-512; RFC 7518 §3.5) and JWE compact encryption
//! (RFC 7516) with RSA-OAEP-256 and A256GCM, as FIT-Connect signs and encrypts.
//!
//! Used for two things that must hold against the state API in the middle: a destination's
//! published keys are signed under a trust anchor that ships inside the app, and the receipt an
//! authority gives for an application is signed with that destination's published signing key.
//!
//! Why our own framing over AWS-LC and not a JOSE crate: the kept JOSE crates either sit on the
//! RustCrypto `rsa` crate (unfixed Marvin timing advisory RUSTSEC-2023-0071; `compact_jwt`,
//! `picky`), on OpenSSL (`josekit`: a C library to cross-compile for Android and iOS), or lack
//! what FIT-Connect needs (`jwt-simple`: no RSA-OAEP-256). The cryptography here is all
//! AWS-LC's (`aws-lc-rs`, already built for TLS); this crate only frames it, and it accepts
//! exactly one algorithm per use, so `alg: none`, HMAC-with-the-public-key and other
//! confusions are refused before any key is touched.

pub mod claims;
mod jwe;
mod jwk;
mod jws;

pub use claims::{
    verify_key_set, verify_receipt, verify_status_event, DestinationKeys, EventDetail, Receipt,
    ReceiptAttachment, StatusEvent,
};
pub use jwe::{encrypt, key_id, DecryptionKey, CONTENT_ALGORITHM, KEY_ALGORITHM};
pub use jwk::RsaPublicJwk;
pub use jws::{verify, SigningKey, Verified, SIGNATURE_ALGORITHM};

/// Why a key or a signed document was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum JoseError {
    #[error("not a JWS in compact form: {0}")]
    Malformed(&'static str),
    #[error("algorithm {0:?} is not accepted here (only PS512)")]
    Algorithm(String),
    #[error("the document is of type {found:?}, expected {expected:?}")]
    Type { expected: String, found: String },
    #[error("no trusted key with id {0:?}")]
    UnknownKey(String),
    #[error("the signature does not match the document and the key")]
    Signature,
    #[error("key: {0}")]
    Key(String),
    #[error("the signed content is not what was expected: {0}")]
    Content(String),
}
