//! Checking the receiving authority's signed receipt (#15): the authority's key set must be
//! signed under a trust anchor built into the app, the receipt signed with a key of that set,
//! and what it confirms must be exactly what this device sent (the submission, the hash of
//! the data, the hash of every attachment). The state API in the middle can neither forge nor
//! alter a receipt that passes.

use domain::receipt::{ReceiptProblem, SignedReceipt};
use jose::RsaPublicJwk;
use store::{Owner, Store};
use uuid::Uuid;

use crate::client::StateApiClient;
use crate::error::SyncError;
use crate::wire;

/// The trust anchors from their JWK Set (`{"keys": [...]}`, as `state-api trust-anchor`
/// prints it). Empty text: none (receipts are then shown as not checkable).
pub fn trust_anchors(text: &str) -> Result<Vec<RsaPublicJwk>, SyncError> {
    #[derive(serde::Deserialize)]
    struct Set {
        keys: Vec<RsaPublicJwk>,
    }
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let set: Set = serde_json::from_str(text)
        .map_err(|e| SyncError::Malformed(format!("trust anchors: {e}")))?;
    for key in &set.keys {
        key.components()
            .map_err(|e| SyncError::Malformed(format!("trust anchor {}: {e}", key.kid)))?;
    }
    Ok(set.keys)
}

/// What this device sent for one submission: the hash of its data and of each attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub data_sha512: String,
    /// `(attachment id, SHA-512)`.
    pub attachments: Vec<(String, String)>,
}

impl Sent {
    /// Read from the store: the data as kept as sent, the attachments of its draft.
    pub fn of(store: &Store, id: Uuid, owner: &Owner) -> Result<Option<Sent>, SyncError> {
        let Some(submission) = store.submission_of(id, owner)? else {
            return Ok(None);
        };
        let data = serde_json::to_value(&submission.payload)
            .map_err(|e| SyncError::Malformed(e.to_string()))?;
        let attachments = match submission.draft_id {
            Some(draft) => store
                .draft_attachments(draft)?
                .into_iter()
                .map(|a| (a.id.to_string(), a.content.sha512))
                .collect(),
            None => Vec::new(),
        };
        Ok(Some(Sent {
            data_sha512: crate::data_sha512(&data),
            attachments,
        }))
    }
}

/// Judges a receipt against a key set: `Ok` with the time of receipt, or why it does not hold.
pub fn judge(
    receipt: &str,
    key_set: &str,
    anchors: &[RsaPublicJwk],
    destination: &str,
    submission_id: &str,
    sent: &Sent,
    now_secs: i64,
) -> Result<i64, ReceiptProblem> {
    if anchors.is_empty() {
        return Err(ReceiptProblem::NoTrustAnchor);
    }
    let keys = jose::verify_key_set(key_set, anchors, destination, now_secs)
        .map_err(|_| ReceiptProblem::KeysNotTrusted)?;
    judge_with(receipt, &keys, submission_id, sent)
}

/// Judges a receipt against a key set already checked under the anchor.
fn judge_with(
    receipt: &str,
    keys: &jose::DestinationKeys,
    submission_id: &str,
    sent: &Sent,
) -> Result<i64, ReceiptProblem> {
    let confirmed =
        jose::verify_receipt(receipt, keys).map_err(|_| ReceiptProblem::SignatureInvalid)?;
    let mut theirs: Vec<(String, String)> = confirmed
        .attachments
        .iter()
        .map(|a| (a.id.to_ascii_lowercase(), a.sha512.to_ascii_lowercase()))
        .collect();
    let mut ours: Vec<(String, String)> = sent
        .attachments
        .iter()
        .map(|(id, sha)| (id.to_ascii_lowercase(), sha.to_ascii_lowercase()))
        .collect();
    theirs.sort();
    ours.sort();
    let same = confirmed.submission.eq_ignore_ascii_case(submission_id)
        && confirmed
            .data_sha512
            .eq_ignore_ascii_case(&sent.data_sha512)
        && theirs == ours;
    if !same {
        return Err(ReceiptProblem::OtherContent);
    }
    Ok(confirmed.received_at)
}

/// Checks the receipt a submission carries, fetching its authority's key set. `None` when
/// there is no receipt yet, or the key set could not be fetched now (checked again later).
pub async fn check(
    client: &StateApiClient,
    submission: &wire::Submission,
    sent: &Sent,
    now_millis: i64,
) -> Option<SignedReceipt> {
    let token = submission.receipt.clone()?;
    let destination = submission.authority_id.clone();
    let verdict = match &destination {
        None => Err(ReceiptProblem::KeysNotTrusted),
        Some(_) if client.trust_anchors().is_empty() => Err(ReceiptProblem::NoTrustAnchor),
        Some(id) => match crate::seal::fresh_keys(client, id, now_millis / 1000).await {
            Ok(keys) => judge_with(&token, &keys, &submission.submission_id, sent),
            Err(SyncError::DestinationKeys(_)) => Err(ReceiptProblem::KeysNotTrusted),
            Err(error) if error.is_transient() => return None,
            Err(_) => Err(ReceiptProblem::KeysNotTrusted),
        },
    };
    Some(SignedReceipt {
        token,
        destination,
        received_at: verdict.ok(),
        problem: verdict.err(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jose::claims::{KEY_SET_TYPE, RECEIPT_TYPE};
    use jose::{DestinationKeys, Receipt, ReceiptAttachment, SigningKey};

    fn key(kid: &str) -> SigningKey {
        SigningKey::generate_sized(kid, 2048).expect("key")
    }

    fn sent() -> Sent {
        Sent {
            data_sha512: "aa".repeat(64),
            attachments: vec![("att-1".into(), "bb".repeat(64))],
        }
    }

    fn receipt(data: &str, attachments: &[(&str, &str)]) -> Receipt {
        Receipt {
            submission: "sub-1".into(),
            destination: "erfurt".into(),
            received_at: 1_700_000_000_000,
            data_sha512: data.into(),
            attachments: attachments
                .iter()
                .map(|(id, sha)| ReceiptAttachment {
                    id: (*id).into(),
                    sha512: (*sha).into(),
                })
                .collect(),
            iat: 1_700_000_000,
        }
    }

    #[test]
    fn trust_anchors_are_read_from_a_jwk_set() {
        let anchor = key("trust-anchor");
        let text = serde_json::json!({ "keys": [anchor.public_jwk()] }).to_string();
        assert_eq!(
            trust_anchors(&text).expect("read"),
            vec![anchor.public_jwk()]
        );
        assert_eq!(trust_anchors(" ").expect("none"), Vec::new());
        assert!(trust_anchors("{\"keys\": [{\"kty\": \"RSA\"}]}").is_err());
        let mut short = anchor.public_jwk();
        short.n = "AQAB".into();
        let text = serde_json::json!({ "keys": [short] }).to_string();
        assert!(
            trust_anchors(&text).is_err(),
            "a 24-bit modulus is no anchor"
        );
    }

    #[test]
    fn only_a_receipt_of_exactly_what_was_sent_under_the_anchor_holds() {
        let (anchor, erfurt, rogue) = (key("anchor"), key("erfurt-1"), key("rogue"));
        let anchors = [anchor.public_jwk()];
        let set = |signing: &SigningKey, by: &SigningKey| {
            let keys = DestinationKeys {
                destination: "erfurt".into(),
                keys: vec![signing.public_jwk()],
                iat: 100,
                nbf: 100,
                exp: 1_000,
            };
            by.sign(KEY_SET_TYPE, &keys).expect("sign")
        };
        let good_set = set(&erfurt, &anchor);
        let (aa, bb) = ("aa".repeat(64), "BB".repeat(64));
        let good = erfurt
            .sign(RECEIPT_TYPE, &receipt(&aa, &[("ATT-1", &bb)]))
            .expect("sign");
        let judge_now = |r: &str, s: &str, anchors: &[RsaPublicJwk]| {
            judge(r, s, anchors, "erfurt", "sub-1", &sent(), 500)
        };
        assert_eq!(judge_now(&good, &good_set, &anchors), Ok(1_700_000_000_000));
        assert_eq!(
            judge_now(&good, &good_set, &[]),
            Err(ReceiptProblem::NoTrustAnchor)
        );
        // The server in the middle hands out its own key for Erfurt, signed by itself.
        let replaced = set(&rogue, &rogue);
        let forged = rogue
            .sign(RECEIPT_TYPE, &receipt(&aa, &[("att-1", &bb)]))
            .expect("sign");
        assert_eq!(
            judge_now(&forged, &replaced, &anchors),
            Err(ReceiptProblem::KeysNotTrusted)
        );
        // A receipt signed with another key than Erfurt's published one.
        assert_eq!(
            judge_now(&forged, &good_set, &anchors),
            Err(ReceiptProblem::SignatureInvalid)
        );
        // Erfurt's signature over other data, or without the attachment.
        let other = erfurt
            .sign(RECEIPT_TYPE, &receipt(&"cc".repeat(64), &[("att-1", &bb)]))
            .expect("sign");
        assert_eq!(
            judge_now(&other, &good_set, &anchors),
            Err(ReceiptProblem::OtherContent)
        );
        let missing = erfurt.sign(RECEIPT_TYPE, &receipt(&aa, &[])).expect("sign");
        assert_eq!(
            judge_now(&missing, &good_set, &anchors),
            Err(ReceiptProblem::OtherContent)
        );
        // Another application's receipt.
        assert_eq!(
            judge(&good, &good_set, &anchors, "erfurt", "sub-2", &sent(), 500),
            Err(ReceiptProblem::OtherContent)
        );
        // An expired key set.
        assert_eq!(
            judge(
                &good,
                &good_set,
                &anchors,
                "erfurt",
                "sub-1",
                &sent(),
                5_000
            ),
            Err(ReceiptProblem::KeysNotTrusted)
        );
    }
}
