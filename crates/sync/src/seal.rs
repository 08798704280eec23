//! Encryption on the device (#15): an application's data leaves the device only encrypted to
//! the receiving authority's key, FIT-Connect style. The key comes from the authority's key
//! set, which counts only when it is signed under a trust anchor built into the app; the state
//! API in the middle keeps and forwards ciphertext it cannot open.

use domain::receipt::canonical_json;
use jose::DestinationKeys;

use crate::client::StateApiClient;

/// The outbox's `last_error` while the authority's keys cannot be trusted.
pub const KEYS_UNTRUSTED: &str = "destination_keys_untrusted";
use crate::error::SyncError;
use crate::wire;

/// How long a checked key set is used again before it is fetched anew (a new key reaches the
/// device within minutes; an authority that names another key as current ends it at once).
const KEY_SET_REUSE_SECS: i64 = 10 * 60;

/// The authority's key set: one checked in the last minutes, or fetched from the state API
/// and accepted only under the client's trust anchors, for `destination`, valid at `now_secs`.
pub async fn verified_keys(
    client: &StateApiClient,
    destination: &str,
    now_secs: i64,
) -> Result<DestinationKeys, SyncError> {
    if let Some(keys) = client.checked_key_set(destination, now_secs, KEY_SET_REUSE_SECS) {
        return Ok(keys);
    }
    fresh_keys(client, destination, now_secs).await
}

/// [`verified_keys`] fetched now (a receipt names a key the kept set may not know yet).
pub async fn fresh_keys(
    client: &StateApiClient,
    destination: &str,
    now_secs: i64,
) -> Result<DestinationKeys, SyncError> {
    if client.trust_anchors().is_empty() {
        return Err(SyncError::DestinationKeys(
            "this build trusts no anchor".into(),
        ));
    }
    let set = client.destination_keys(destination).await?;
    if set.destination != destination {
        return Err(SyncError::DestinationKeys(
            "the key set is another authority's".into(),
        ));
    }
    let keys = jose::verify_key_set(&set.key_set, client.trust_anchors(), destination, now_secs)
        .map_err(|e| SyncError::DestinationKeys(e.to_string()))?;
    client.keep_key_set(&keys, now_secs);
    Ok(keys)
}

/// Whether the state API refused because the authority no longer (or never) held the key
/// something was sealed to (`key_not_current`): seal anew to a freshly fetched key set.
pub(crate) fn is_key_change(error: &SyncError) -> bool {
    error
        .problem()
        .and_then(|(_, problem)| problem)
        .and_then(|p| p.known())
        == Some(domain::problem::ProblemCode::KeyNotCurrent)
}

/// After a refused submit: when the authority no longer holds the key the data was sealed
/// to, its key set is fetched anew for the next try (which the engine makes by itself).
pub fn after_refusal(client: &StateApiClient, created: &wire::Submission, error: &SyncError) {
    if let (true, Some(destination)) = (is_key_change(error), created.authority_id.as_deref()) {
        client.forget_key_set(destination);
    }
}

/// The submit of `data` (with its hash) for the submission the state API created: encrypted
/// to its destination's key, or plain when it has no destination (no place was given, so no
/// authority receives it and the state API keeps it as it came).
pub async fn submit_body(
    client: &StateApiClient,
    created: &wire::Submission,
    data: &serde_json::Value,
    data_sha512: &str,
    metadata: Option<&domain::metadata::Metadata>,
    now_millis: i64,
) -> Result<wire::SubmitSubmission, SyncError> {
    let Some(destination) = created.authority_id.as_deref() else {
        return Ok(wire::SubmitSubmission {
            data: Some(data.clone()),
            encrypted_data: None,
            data_sha512: Some(data_sha512.to_string()),
            encrypted_metadata: None,
        });
    };
    let keys = verified_keys(client, destination, now_millis / 1000).await?;
    let key = encryption_key(&keys)?;
    let seal = |plain: &[u8]| {
        jose::encrypt(plain, key, "application/json")
            .map_err(|e| SyncError::DestinationKeys(e.to_string()))
    };
    let plain = zeroize::Zeroizing::new(canonical_json(data));
    let encrypted_metadata = match metadata {
        Some(metadata) => Some(seal(&zeroize::Zeroizing::new(
            serde_json::to_vec(metadata).map_err(|e| SyncError::Malformed(e.to_string()))?,
        ))?),
        None => None,
    };
    Ok(wire::SubmitSubmission {
        data: None,
        encrypted_data: Some(seal(plain.as_bytes())?),
        data_sha512: Some(data_sha512.to_string()),
        encrypted_metadata,
    })
}

/// The encryption key (RSA-OAEP-256) of a checked key set.
pub fn encryption_key(keys: &DestinationKeys) -> Result<&jose::RsaPublicJwk, SyncError> {
    keys.keys
        .iter()
        .find(|k| k.usage == "enc" && k.alg == jose::KEY_ALGORITHM)
        .ok_or_else(|| SyncError::DestinationKeys("no encryption key in the key set".into()))
}
