//! What is signed, FIT-Connect style: a destination's published keys (signed under the trust
//! anchor that ships inside the app) and the receipt an authority gives for an application
//! (signed with that destination's published signing key). The state API writes them and the
//! app checks them through these types, so both sides mean the same fields.

use serde::{Deserialize, Serialize};

use crate::{verify, JoseError, RsaPublicJwk};

/// The JWS `typ` of a destination's key set.
pub const KEY_SET_TYPE: &str = "destination-keys+jwt";
/// The JWS `typ` of a receipt.
pub const RECEIPT_TYPE: &str = "receipt+jwt";

/// A destination (an authority that receives applications) and its current public keys, valid
/// from `nbf` until `exp` (Unix seconds). Several signing keys may be listed while one is
/// replaced by the next; a receipt names its key by `kid`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DestinationKeys {
    /// The authority's id in the catalog.
    pub destination: String,
    pub keys: Vec<RsaPublicJwk>,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
}

/// An attachment as the receipt names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptAttachment {
    pub id: String,
    pub sha512: String,
}

/// The authority's confirmation that an application arrived: which one, where, when, and the
/// SHA-512 of exactly the data and attachments that arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Receipt {
    /// The citizen's id of the submission.
    pub submission: String,
    /// The receiving authority's id.
    pub destination: String,
    /// When it was received (Unix milliseconds).
    pub received_at: i64,
    /// SHA-512 (hex) of the canonical JSON of the data.
    pub data_sha512: String,
    pub attachments: Vec<ReceiptAttachment>,
    pub iat: i64,
}

/// Checks a key set: signed by one of the `anchors`, for `destination`, not expired at `now`
/// (Unix seconds, the device's clock; a minute of skew allowed). A set that seems to be from
/// the future is taken up to a day ahead: phones' clocks run late, and a set the anchor signed
/// later is no less the destination's; an expired one could be an old key replayed.
pub fn verify_key_set(
    token: &str,
    anchors: &[RsaPublicJwk],
    destination: &str,
    now: i64,
) -> Result<DestinationKeys, JoseError> {
    const SKEW: i64 = 60;
    const LATE_CLOCK: i64 = 24 * 60 * 60;
    let set: DestinationKeys = verify(token, KEY_SET_TYPE, anchors)?.claims;
    if set.destination != destination {
        return Err(JoseError::Content(format!(
            "keys of destination {:?}, not {destination:?}",
            set.destination
        )));
    }
    if now + LATE_CLOCK < set.nbf {
        return Err(JoseError::Content("the key set is not valid yet".into()));
    }
    if now - SKEW >= set.exp {
        return Err(JoseError::Content("the key set has expired".into()));
    }
    Ok(set)
}

/// Checks a receipt: signed by a signing key of `keys` (already checked with
/// [`verify_key_set`]) and about the destination those keys belong to.
pub fn verify_receipt(token: &str, keys: &DestinationKeys) -> Result<Receipt, JoseError> {
    let receipt: Receipt = verify(token, RECEIPT_TYPE, &keys.keys)?.claims;
    if receipt.destination != keys.destination {
        return Err(JoseError::Content(format!(
            "a receipt of destination {:?}, signed with the keys of {:?}",
            receipt.destination, keys.destination
        )));
    }
    Ok(receipt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SigningKey;

    fn key(kid: &str) -> SigningKey {
        SigningKey::generate_sized(kid, 2048).expect("key")
    }

    fn set(destination: &str, signing: &SigningKey) -> DestinationKeys {
        DestinationKeys {
            destination: destination.into(),
            keys: vec![signing.public_jwk()],
            iat: 1_000,
            nbf: 1_000,
            exp: 2_000,
        }
    }

    fn receipt(destination: &str) -> Receipt {
        Receipt {
            submission: "s-1".into(),
            destination: destination.into(),
            received_at: 1_500_000,
            data_sha512: "ab".repeat(64),
            attachments: vec![],
            iat: 1_500,
        }
    }

    #[test]
    fn a_receipt_is_checked_through_the_anchor_and_the_destination() {
        let (anchor, erfurt, jena) = (key("anchor"), key("erfurt-1"), key("jena-1"));
        let anchors = [anchor.public_jwk()];
        let signed = anchor
            .sign(KEY_SET_TYPE, &set("erfurt", &erfurt))
            .expect("sign");
        let keys = verify_key_set(&signed, &anchors, "erfurt", 1_500).expect("valid set");
        let token = erfurt.sign(RECEIPT_TYPE, &receipt("erfurt")).expect("sign");
        assert_eq!(
            verify_receipt(&token, &keys).expect("valid"),
            receipt("erfurt")
        );

        // Another destination's key set is not Erfurt's.
        assert!(verify_key_set(&signed, &anchors, "jena", 1_500).is_err());
        // Expired; from the future only within a day of a late clock.
        assert!(verify_key_set(&signed, &anchors, "erfurt", 2_100).is_err());
        assert!(verify_key_set(&signed, &anchors, "erfurt", 900).is_ok());
        assert!(verify_key_set(&signed, &anchors, "erfurt", 1_000 - 86_400 - 1).is_err());
        // A key set the state API made up (signed by a key that is not the anchor).
        let made_up = jena
            .sign(KEY_SET_TYPE, &set("erfurt", &jena))
            .expect("sign");
        assert!(matches!(
            verify_key_set(&made_up, &anchors, "erfurt", 1_500),
            Err(JoseError::UnknownKey(_))
        ));
        // Jena's key signing a receipt in Erfurt's name.
        let forged = jena.sign(RECEIPT_TYPE, &receipt("erfurt")).expect("sign");
        assert!(verify_receipt(&forged, &keys).is_err());
        // Erfurt's key, but a receipt in Jena's name.
        let elsewhere = erfurt.sign(RECEIPT_TYPE, &receipt("jena")).expect("sign");
        assert!(verify_receipt(&elsewhere, &keys).is_err());
        // A receipt is not a key set, nor the other way round.
        assert!(verify_receipt(&signed, &keys).is_err());
        assert!(verify_key_set(&token, &anchors, "erfurt", 1_500).is_err());
    }
}
