//! Answering the authority (#18), the engine's part: replies the person queued go out under
//! their own login, encrypted for the receiving authority (once: every retry sends the same
//! ciphertext), exactly once by their id; and the documents of the authority's messages are
//! fetched, checked by their hash and kept in the store.
//!
//! Like the rest of the engine it never holds the store lock across a network call and never
//! logs what a reply or a document says.

use std::sync::{Arc, Mutex};

use base64::Engine;
use domain::reply::{ReplyContent, ReplyDocument};
use keychain::Secret;
use sha2::{Digest, Sha512};
use store::{Owner, Store, StoredReply, UnixMillis};
use uuid::Uuid;

use crate::auth::Session;
use crate::error::SyncError;
use crate::plan::{self, Policy, Record};
use crate::seal::is_key_change;
use crate::wire;
use crate::worker::lock;

fn sha512_hex(bytes: &[u8]) -> String {
    hex::encode(Sha512::digest(bytes))
}

/// What delivering replies changed: the applications whose page should be read again.
#[derive(Debug, Default)]
pub(crate) struct Delivered {
    pub changed: Vec<(Uuid, store::SubmissionStatus)>,
    /// The last error that says the state API cannot be reached (the caller notes it).
    pub unreachable: Option<SyncError>,
}

/// The reply as it travels: the content (with the documents' bytes) and its hash.
fn content_of(
    store: &Store,
    reply: &StoredReply,
    server_ref: &str,
) -> Result<(Vec<u8>, String), SyncError> {
    let documents = store
        .reply_documents(reply.id)?
        .into_iter()
        .map(|d| ReplyDocument {
            size: d.bytes.len() as u64,
            sha512: sha512_hex(&d.bytes),
            content: base64::engine::general_purpose::STANDARD.encode(&d.bytes),
            name: d.name,
            media_type: d.media_type,
        })
        .collect();
    let content = ReplyContent {
        submission_id: server_ref.to_string(),
        text: reply.text.clone(),
        documents,
    };
    let value = serde_json::to_value(&content).map_err(|e| SyncError::Malformed(e.to_string()))?;
    let canonical = domain::receipt::canonical_json(&value).into_bytes();
    let hash = sha512_hex(&canonical);
    Ok((canonical, hash))
}

/// Sends one reply; the state API's receipt, or why not.
async fn send_one(
    store: &Arc<Mutex<Store>>,
    session: &Session,
    token: &Secret,
    reply: &StoredReply,
    owner: &Owner,
    now: UnixMillis,
) -> Result<wire::ReplyReceipt, SyncError> {
    let server_ref = lock(store)?
        .submission_of(reply.submission_id, owner)?
        .and_then(|s| s.server_ref)
        .ok_or_else(|| SyncError::LocalData("the application was not sent".into()))?;
    let (canonical, hash) = content_of(&*lock(store)?, reply, &server_ref)?;
    let client = session.client();
    // Where the application went decides the key: the state API names its destination.
    let destination = client.submission(token, &server_ref).await?.authority_id;
    let body = match &destination {
        Some(destination) => {
            let kept = lock(store)?.sealed_reply(reply.id, destination)?;
            let sealed = match kept {
                Some(sealed) => sealed,
                None => {
                    let keys = crate::seal::verified_keys(client, destination, now / 1000).await?;
                    let key = crate::seal::encryption_key(&keys)?;
                    let jwe = jose::encrypt(&canonical, key, "application/json")
                        .map_err(|e| SyncError::DestinationKeys(e.to_string()))?;
                    lock(store)?.keep_sealed_reply(reply.id, destination, &jwe)?
                }
            };
            wire::NewReply {
                encrypted_reply: Some(sealed),
                reply: None,
                reply_sha512: hash,
            }
        }
        None => wire::NewReply {
            encrypted_reply: None,
            reply: Some(
                serde_json::from_slice(&canonical)
                    .map_err(|e| SyncError::Malformed(e.to_string()))?,
            ),
            reply_sha512: hash,
        },
    };
    let answer = client.reply(token, &server_ref, reply.id, &body).await;
    if let (Err(error), Some(destination)) = (&answer, &destination) {
        if is_key_change(error) {
            // The authority's key changed: encrypt anew, with its key set fetched again.
            lock(store)?.forget_sealed_reply(reply.id)?;
            client.forget_key_set(destination);
        }
    }
    answer
}

/// Sends every due reply of the logged-in person, one after the other, and records each
/// outcome. A refusal keeps the reply (text and documents) on the device, marked refused.
pub(crate) async fn deliver(
    store: &Arc<Mutex<Store>>,
    session: &Session,
    policy: &Policy,
    now: UnixMillis,
    jitter: f64,
) -> Result<Delivered, SyncError> {
    let due = lock(store)?.replies_due(now)?;
    let mut delivered = Delivered::default();
    if due.is_empty() {
        return Ok(delivered);
    }
    let (token, subject) = session.identity().await?;
    let owner = Owner::Account(subject);
    for reply in due {
        // Never under another person's login (the store offers only the current owner's).
        if reply.owner != owner {
            continue;
        }
        let result = send_one(store, session, &token, &reply, &owner, now).await;
        if matches!(result, Err(SyncError::Unauthorized)) {
            session.rejected(&token).await;
        }
        let outcome = plan::after_attempt(
            policy,
            reply.attempts,
            &result.as_ref().map(|_| ()),
            now,
            jitter,
        );
        if let (Record::Sent, Ok(receipt)) = (&outcome, &result) {
            let at = crate::worker::parse_time(&receipt.received_at).unwrap_or(now);
            lock(store)?.reply_sent(reply.id, at)?;
            let history =
                crate::worker::judged_history(session.client(), &receipt.submission, now).await;
            lock(store)?.record_history(reply.submission_id, &history)?;
            let status = receipt.submission.status;
            delivered.changed.push((reply.submission_id, status));
        } else if let Err(error) = &result {
            let store_now = lock(store)?;
            match outcome {
                Record::Refused if !is_key_change(error) => {
                    store_now.reply_refused(reply.id, &error.code())?;
                    let status = store_now
                        .submission_of(reply.submission_id, &owner)?
                        .map_or(store::SubmissionStatus::Processing, |s| s.status);
                    delivered.changed.push((reply.submission_id, status));
                }
                Record::RetryAt { at, .. } => {
                    store_now.reply_retry_later(reply.id, &error.code(), at)?;
                }
                _ => {
                    let floor = i64::try_from(policy.floor.as_millis()).unwrap_or(1_000);
                    store_now.reply_retry_later(
                        reply.id,
                        &error.code(),
                        now.saturating_add(floor),
                    )?;
                }
            }
        }
        if let Err(error @ SyncError::Unreachable(_)) = result {
            delivered.unreachable = Some(error);
            break;
        }
    }
    Ok(delivered)
}

/// Fetches the documents of stored messages whose bytes are not here yet, under `token`
/// (the account the messages were fetched for); keeps those whose bytes hash as announced.
/// Returns how many were kept.
pub(crate) async fn fetch_documents(
    store: &Arc<Mutex<Store>>,
    client: &crate::StateApiClient,
    token: &Secret,
) -> Result<usize, SyncError> {
    let missing = lock(store)?.missing_message_documents()?;
    let mut kept = 0;
    for (message, document) in missing {
        let bytes = match client.message_document(token, &message, &document).await {
            Ok(bytes) => bytes,
            // Another account's message (a shared device): it waits for its own login.
            Err(SyncError::Refused { status: 404, .. }) => continue,
            Err(error) => return Err(error),
        };
        if lock(store)?.keep_message_document(&message, &document, &bytes)? {
            kept += 1;
        }
    }
    Ok(kept)
}
