//! What proves to the citizen what arrived: the data of an application in one canonical JSON
//! form (object keys sorted, no white space, serde_json's numbers and string escapes), whose
//! SHA-512 the app sends with the data and the state API checks, keeps and answers. The app
//! and the server use this one function, so the hash the person is shown is the hash of
//! exactly the bytes both sides mean. Pure, no IO.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `value` in canonical form.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(key) {
                    write_canonical(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The hash written short for people to compare by eye: the first and last eight hex digits
/// in groups of four (`1a2b 3c4d … 9e8f 7a6b`).
pub fn short_hash(hex: &str) -> String {
    if hex.len() < 16 || !hex.is_ascii() {
        return hex.to_owned();
    }
    let (head, tail) = (&hex[..8], &hex[hex.len() - 8..]);
    format!(
        "{} {} … {} {}",
        &head[..4],
        &head[4..],
        &tail[..4],
        &tail[4..]
    )
}

/// Why the device could not confirm the authority's signed receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptProblem {
    /// This build of the app trusts no anchor, so it cannot check any signature.
    NoTrustAnchor,
    /// The authority's published keys are not signed under the trust anchor (or are
    /// another authority's, or expired): someone in the middle may have replaced them.
    KeysNotTrusted,
    /// The receipt's signature does not match the authority's keys.
    SignatureInvalid,
    /// Signed by the authority, but about other data, attachments or another application
    /// than this device sent.
    OtherContent,
}

/// What the device found when it checked the authority's signature of one step of an
/// application (a Security Event Token the authority signs for each of its steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepSignature {
    /// Signed by the authority, under the trust anchor, about exactly this step.
    Verified,
    /// The step came without the authority's signature.
    Missing,
    /// A signature that does not hold, or that says something else than the step.
    Refused,
    /// The authority's keys could not be fetched or trusted when the step arrived.
    Unchecked,
}

impl StepSignature {
    /// The Fluent id of the message that says what the device found.
    pub fn message_id(self) -> &'static str {
        match self {
            StepSignature::Verified => "timeline-signed-verified",
            StepSignature::Missing => "timeline-signed-missing",
            StepSignature::Refused => "timeline-signed-refused",
            StepSignature::Unchecked => "timeline-signed-unchecked",
        }
    }

    /// The name the store keeps.
    pub fn name(self) -> &'static str {
        match self {
            StepSignature::Verified => "verified",
            StepSignature::Missing => "missing",
            StepSignature::Refused => "refused",
            StepSignature::Unchecked => "unchecked",
        }
    }

    /// The signature verdict of a stored name.
    pub fn from_name(name: &str) -> Option<StepSignature> {
        [
            StepSignature::Verified,
            StepSignature::Missing,
            StepSignature::Refused,
            StepSignature::Unchecked,
        ]
        .into_iter()
        .find(|s| s.name() == name)
    }
}

/// The receiving authority's signed receipt (a JWS) and what the device found when it
/// checked it against the trust anchor and against what it sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedReceipt {
    /// The JWS as the authority signed it, kept so it can be shown and checked again.
    pub token: String,
    /// The receiving authority's catalog id, as the state API named it.
    #[serde(default)]
    pub destination: Option<String>,
    /// When the authority received it (Unix milliseconds), from the checked receipt.
    #[serde(default)]
    pub received_at: Option<i64>,
    /// `None` when the receipt was checked and holds; else why not.
    #[serde(default)]
    pub problem: Option<ReceiptProblem>,
}

impl SignedReceipt {
    pub fn is_verified(&self) -> bool {
        self.problem.is_none() && self.received_at.is_some()
    }

    /// The Fluent id of what the device found of the signature (the verified message takes
    /// the authority's name and the time of receipt as `$authority` and `$time`).
    pub fn message_id(&self) -> &'static str {
        match (self.problem, self.received_at) {
            (None, Some(_)) => "receipt-signed-verified",
            (Some(ReceiptProblem::NoTrustAnchor), _) => "receipt-signed-no-anchor",
            (Some(ReceiptProblem::SignatureInvalid), _) => "receipt-signed-invalid",
            (Some(ReceiptProblem::OtherContent), _) => "receipt-signed-other-content",
            (Some(ReceiptProblem::KeysNotTrusted), _) | (None, None) => {
                "receipt-signed-keys-not-trusted"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_are_sorted_at_every_level_and_nothing_else_changes() {
        let a = json!({"b": 1, "a": {"y": [3, {"d": "ü", "c": null}], "x": true}});
        let b = json!({"a": {"x": true, "y": [3, {"c": null, "d": "ü"}]}, "b": 1});
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(
            canonical_json(&a),
            r#"{"a":{"x":true,"y":[3,{"c":null,"d":"ü"}]},"b":1}"#
        );
        assert_eq!(canonical_json(&json!("a\"b")), r#""a\"b""#);
    }

    #[test]
    fn a_short_hash_shows_both_ends() {
        let hex = "0123456789abcdef".repeat(8);
        assert_eq!(short_hash(&hex), "0123 4567 … 89ab cdef");
        assert_eq!(short_hash("abc"), "abc");
    }
}
