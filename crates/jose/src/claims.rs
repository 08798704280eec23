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
/// The JWS `typ` of a status event: a Security Event Token (RFC 8417 §2.3), as FIT-Connect's
/// events are.
pub const EVENT_TYPE: &str = "secevent+jwt";

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

/// A step an authority took with an application, signed by that authority: a Security Event
/// Token (RFC 8417) with exactly one event, whose URI names the step
/// ([`StatusEvent::uri_of`]): FIT-Connect's own for accepting and rejecting, ours for the
/// steps FIT-Connect has no event for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEvent {
    /// The authority (the destination's id).
    pub iss: String,
    /// When it was signed (Unix seconds).
    pub iat: i64,
    /// This event's unique id.
    pub jti: String,
    /// `submission:<the citizen's id of the submission>`.
    pub sub: String,
    pub events: std::collections::BTreeMap<String, EventDetail>,
}

/// What a status event says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventDetail {
    /// The state API's name of the status (`RECEIVED`, `REJECTED`, …).
    pub status: String,
    /// When the step was taken (Unix milliseconds).
    pub at: i64,
    /// The authority's reasons (a refusal, a request for more).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

impl StatusEvent {
    /// The event URI of a status.
    pub fn uri_of(status: &str) -> String {
        match status {
            "RECEIVED" => "https://schema.fitko.de/fit-connect/events/accept-submission".into(),
            "REJECTED" => "https://schema.fitko.de/fit-connect/events/reject-submission".into(),
            other => format!("urn:thueringen-app:events:{}", other.to_ascii_lowercase()),
        }
    }

    /// The event `destination` signs for the step `detail` of submission `submission`.
    pub fn new(
        destination: &str,
        submission: &str,
        detail: EventDetail,
        iat: i64,
        jti: String,
    ) -> StatusEvent {
        StatusEvent {
            iss: destination.to_string(),
            iat,
            jti,
            sub: format!("submission:{submission}"),
            events: [(StatusEvent::uri_of(&detail.status), detail)]
                .into_iter()
                .collect(),
        }
    }

    /// The one step this event is about, when its URI names that step's status.
    pub fn detail(&self) -> Option<&EventDetail> {
        let mut events = self.events.iter();
        match (events.next(), events.next()) {
            (Some((uri, detail)), None) if *uri == StatusEvent::uri_of(&detail.status) => {
                Some(detail)
            }
            _ => None,
        }
    }
}

/// Checks a status event: signed by a signing key of `keys` (already checked with
/// [`verify_key_set`]), issued by the destination those keys belong to, about `submission`,
/// with exactly one event whose URI names its status.
pub fn verify_status_event(
    token: &str,
    keys: &DestinationKeys,
    submission: &str,
) -> Result<EventDetail, JoseError> {
    let event: StatusEvent = verify(token, EVENT_TYPE, &keys.keys)?.claims;
    if event.iss != keys.destination {
        return Err(JoseError::Content(format!(
            "an event of {:?}, signed with the keys of {:?}",
            event.iss, keys.destination
        )));
    }
    if event.sub != format!("submission:{submission}") {
        return Err(JoseError::Content(
            "an event about another submission".into(),
        ));
    }
    event
        .detail()
        .cloned()
        .ok_or_else(|| JoseError::Content("not exactly one event of a known kind".into()))
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
        // A status event: Erfurt's, about this submission, of one step.
        let detail = EventDetail {
            status: "REJECTED".into(),
            at: 1_600_000,
            reasons: vec!["Nachweis fehlt".into()],
        };
        let event = StatusEvent::new("erfurt", "s-1", detail.clone(), 1_600, "e-1".into());
        let signed_event = erfurt.sign(EVENT_TYPE, &event).expect("sign");
        assert_eq!(
            verify_status_event(&signed_event, &keys, "s-1").expect("valid"),
            detail
        );
        assert!(
            verify_status_event(&signed_event, &keys, "s-2").is_err(),
            "another submission"
        );
        let by_jena = jena.sign(EVENT_TYPE, &event).expect("sign");
        assert!(
            verify_status_event(&by_jena, &keys, "s-1").is_err(),
            "not Erfurt's key"
        );
        let mut in_jena_name = event.clone();
        in_jena_name.iss = "jena".into();
        let in_jena_name = erfurt.sign(EVENT_TYPE, &in_jena_name).expect("sign");
        assert!(
            verify_status_event(&in_jena_name, &keys, "s-1").is_err(),
            "another issuer"
        );
        // An event whose URI says "accepted" while its detail says "rejected".
        let mut relabelled = event.clone();
        let inner = relabelled.events.pop_first().expect("one").1;
        relabelled
            .events
            .insert(StatusEvent::uri_of("RECEIVED"), inner);
        let relabelled = erfurt.sign(EVENT_TYPE, &relabelled).expect("sign");
        assert!(verify_status_event(&relabelled, &keys, "s-1").is_err());
        assert!(
            verify_status_event(&token, &keys, "s-1").is_err(),
            "a receipt is no event"
        );
        // A receipt is not a key set, nor the other way round.
        assert!(verify_receipt(&signed, &keys).is_err());
        assert!(verify_key_set(&token, &anchors, "erfurt", 1_500).is_err());
    }
}
