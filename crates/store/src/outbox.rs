//! Submissions, their status history, and the outbox the sync engine works through.
//!
//! "Submit" is one transaction: the submission row (status `INITIATED`), its first history
//! entry, the outbox row and the draft marked queued; it is committed with
//! `synchronous=FULL`, so once [`Store::submit`] returns the submission survives a power cut.
//! The submission id is the caller's UUID and the Idempotency-Key of every send attempt.
//!
//! Outbox states: `pending` → `sending` ([`Store::outbox_claim`]) → `sent`
//! ([`Store::outbox_sent`]), or back to `pending` with a later attempt time
//! ([`Store::outbox_retry_later`]), or `failed` for good ([`Store::outbox_failed`]) until the
//! person retries ([`Store::outbox_requeue`]). After a crash, [`Store::outbox_recover`] puts
//! `sending` rows back to `pending` (the idempotency key makes the resend safe).
//!
//! What it must never do: lose a queued submission, send under a new id, or let a draft be
//! edited after it was queued.

mod history;
mod queue;
mod submissions;
#[cfg(test)]
pub(crate) mod tests;

use domain::form::Answers;
use uuid::Uuid;

#[cfg(doc)]
use crate::Store;
use crate::{Owner, UnixMillis};

/// The statuses of an application at the authority: the one type the state API, the wire and
/// the store share (`domain::status`).
pub use domain::status::SubmissionStatus;

/// One entry of a submission's status history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub status: SubmissionStatus,
    pub at: UnixMillis,
    pub note: Option<String>,
    /// Whether the authority signed this step, as the device found (`None`: no signature
    /// expected).
    pub signature: Option<domain::receipt::StepSignature>,
}

/// A submission as the person's "my applications" shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub id: Uuid,
    pub draft_id: Option<Uuid>,
    pub form_id: String,
    pub form_version: String,
    pub service_key: Option<String>,
    /// The answers as sent.
    pub payload: Answers,
    pub status: SubmissionStatus,
    /// The state API's reference, once it answered.
    pub server_ref: Option<String>,
    /// The SHA-512 of the data (`domain::receipt`) as the state API confirmed it on receipt.
    pub data_sha512: Option<String>,
    /// The receiving authority's signed receipt, as the device checked it.
    pub signed_receipt: Option<domain::receipt::SignedReceipt>,
    pub history: Vec<StatusChange>,
    pub created_at: UnixMillis,
    pub updated_at: UnixMillis,
}

/// Where an outbox entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxState {
    Pending,
    Sending,
    Sent,
    Failed,
}

impl OutboxState {
    fn name(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Failed => "failed",
        }
    }
    fn from_name(name: &str) -> OutboxState {
        match name {
            "sending" => OutboxState::Sending,
            "sent" => OutboxState::Sent,
            "failed" => OutboxState::Failed,
            _ => OutboxState::Pending,
        }
    }
}

/// One submission waiting to be (or being, or having been) sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    /// The submission id, also the Idempotency-Key.
    pub submission_id: Uuid,
    pub state: OutboxState,
    pub attempts: u32,
    pub next_attempt_at: UnixMillis,
    pub last_error: Option<String>,
    pub created_at: UnixMillis,
    pub updated_at: UnixMillis,
    /// Whose submission it is: it is sent only under this account ([`Owner::Device`]: not
    /// before someone logged in takes it, [`Store::claim_submission`]).
    pub owner: Owner,
}

fn uuid(text: String) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}
