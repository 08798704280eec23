//! The storage trait: everything the server keeps, as plain records, behind one interface with
//! two implementations: the embedded SQLite file of one instance ([`sqlite`], its writes
//! committed in groups) and a PostgreSQL database several instances share ([`postgres`]).
//! What the instances coordinate beyond the records is [`coordination`].
//!
//! Implementations must make every method atomic (one transaction) and durable against a
//! killed process once it returns, and check a write's preconditions inside it. This module
//! holds no rules (those are in `service`); the SQL lives only in the two implementations.

pub mod coordination;
mod group_commit;
#[cfg(test)]
mod handover_tests;
mod migrations;
pub mod postgres;
mod rows;
pub mod sqlite;
mod sqlite_replies;

use crate::error::Error;

pub use coordination::{Coordination, InProcess, LockoutPolicy};
pub use postgres::{PostgresOptions, PostgresStorage};
pub use sqlite::SqliteStorage;

/// The BundID / ZBP status values, plus the rejection and the withdrawal: the domain's, the
/// same type the wire carries and the app reads.
pub use domain::status::SubmissionStatus as Status;

/// An attachment as announced when the submission is created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announced {
    pub id: String,
    pub filename: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex SHA-512 of the whole attachment.
    pub sha512: String,
}

/// An attachment and how much of it has arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRecord {
    pub announced: Announced,
    pub received: u64,
    pub complete: bool,
}

/// One entry of a submission's status history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEvent {
    pub status: Status,
    /// Unix milliseconds.
    pub at: i64,
    pub reasons: Vec<String>,
    pub note: Option<String>,
    /// The step as the receiving authority signed it (a Security Event Token, RFC 8417): for
    /// the authority's own steps of a submission with a destination.
    pub signed: Option<String>,
}

/// What is needed to create a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubmission {
    /// The server's reference wanted for it (the citizen's key).
    pub id: String,
    /// The reference used instead when another citizen's submission holds `id` already.
    pub spare_id: String,
    /// The citizen's UUID for it (its Idempotency-Key), unique per citizen.
    pub key: String,
    pub subject: String,
    pub service_key: String,
    pub ars: Option<String>,
    pub authority_id: Option<String>,
    pub form_id: Option<String>,
    pub form_version: Option<String>,
    pub attachments: Vec<Announced>,
    pub created_at: i64,
    pub expires_at: i64,
}

/// A citizen's quotas, checked in the transaction that creates a submission (so concurrent
/// creates cannot slip past them together).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// Submissions created at or after this instant (the start of the citizen's day) count.
    pub day_start: i64,
    /// Most submissions per day, this one included.
    pub per_day: u64,
    /// Most attachment bytes held for the citizen (announced sizes of submissions that have
    /// not expired), this one's included.
    pub attachment_bytes: u64,
}

/// What creating a submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// Created; the answer kept for its key.
    Stored(StoredResponse),
    /// Nothing created: the citizen created this many today already.
    OverDailyQuota { today: u64 },
    /// Nothing created: the citizen's attachments hold this many bytes already.
    OverAttachmentQuota { held: u64 },
}

/// What arrives with a submit: the data (canonical JSON), its SHA-512, and the receiving
/// authority's signed receipt when it is received at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival<'a> {
    pub data_json: &'a str,
    pub data_sha512: &'a str,
    pub receipt: Option<&'a str>,
    /// The metadata encrypted for the authority (a JWE), when the device sent one.
    pub metadata: Option<&'a str>,
}

/// A submission as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionRecord {
    /// The server's reference (the back office's); usually equal to `key`.
    pub id: String,
    /// The citizen's UUID for it (its Idempotency-Key and its id in the citizen's API).
    pub key: String,
    pub subject: String,
    pub service_key: String,
    pub ars: Option<String>,
    pub authority_id: Option<String>,
    pub form_id: Option<String>,
    pub form_version: Option<String>,
    pub status: Status,
    pub created_at: i64,
    /// Unix ms after which an unsubmitted submission expires; `None` once submitted.
    pub expires_at: Option<i64>,
    pub expired: bool,
    pub data_sha512: Option<String>,
    /// The receiving authority's signed receipt (a JWS, see `jose::Receipt`), once received.
    pub receipt: Option<String>,
    /// The metadata encrypted for the authority (a JWE): file names, media types, the hashes
    /// of the plain attachments. Only the authority opens it.
    pub metadata: Option<String>,
    /// The change cursor: grows with every status event.
    pub cursor: i64,
    pub attachments: Vec<AttachmentRecord>,
    pub history: Vec<StatusEvent>,
}

/// A stored answer for an Idempotency-Key, replayed on a retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub subject: String,
    /// SHA-256 of the canonical request (method, path, body).
    pub fingerprint: String,
    pub status: u16,
    pub body: String,
}

/// An inbox message from an authority to a citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRecord {
    pub id: String,
    pub subject: String,
    pub submission_id: Option<String>,
    pub title: String,
    pub body: String,
    pub at: i64,
    /// The inbox cursor.
    pub cursor: i64,
    /// The authority that wrote it, as the citizen sees it.
    pub sender: String,
    /// The documents it carries (without their bytes when listed).
    pub documents: Vec<DocumentRecord>,
}

/// A document of an authority's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRecord {
    pub id: String,
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex SHA-512 of the bytes.
    pub sha512: String,
    /// The bytes: empty in listings, filled by [`Storage::message_document`].
    pub content: Vec<u8>,
}

/// A citizen's reply to an authority, kept as it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyRecord {
    /// The server's reference of the reply.
    pub id: String,
    /// The server's reference of the submission it answers.
    pub submission_id: String,
    pub subject: String,
    /// The citizen's Idempotency-Key for it.
    pub key: String,
    /// The JWE for the authority (`sealed`), or the plain JSON of a submission without one.
    pub content: String,
    pub sealed: bool,
    pub received_at: i64,
}

/// The result of appending one upload chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Append {
    /// Stored; the attachment now holds this many bytes.
    Appended { received: u64 },
    /// The chunk does not start where the stored bytes end.
    OffsetMismatch { received: u64 },
}

/// A pending authorization code (stored by its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthCode {
    pub client_id: String,
    pub redirect_uri: String,
    pub code_challenge: String,
    pub subject: String,
    pub scope: String,
    pub expires_at: i64,
}

/// An access or refresh token (stored by its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    pub kind: TokenKind,
    pub subject: String,
    pub client_id: String,
    pub scope: String,
    pub expires_at: i64,
    /// The login this token belongs to: every token issued from one authorization code and
    /// its refreshes shares it, so a reused refresh token revokes them all (RFC 9700 4.14.2).
    pub family: String,
    /// When a refresh token was used (it stays known until it expires, to detect reuse).
    pub used_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Access,
    Refresh,
}

impl TokenKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Access => "access",
            TokenKind::Refresh => "refresh",
        }
    }
}

/// A report of an accessibility problem as the server keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecord {
    /// The client's UUID for the report (its Idempotency-Key).
    pub id: String,
    /// Numbered in order of arrival; the reference number is made from it.
    pub sequence: i64,
    /// The checked, normalised report as JSON (`domain::feedback::AccessibilityReport`).
    pub report_json: String,
    pub received_at: i64,
}

/// A handover mailbox as kept (#14): ciphertext the server cannot open, under a name derived
/// from the code the handing device shows. Its content is dropped at the pickup or when it
/// expires; the row stays a while after that (a tombstone), so the mailbox answers 410.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverRecord {
    /// The mailbox's name (`wire::is_mailbox_name`).
    pub mailbox: String,
    /// Lower-case hex SHA-512 of the content (kept after the content is gone).
    pub sha512: String,
    pub size: u64,
    pub created_at: i64,
    /// Until when it can be picked up (exclusive: at this instant it has expired).
    pub expires_at: i64,
    /// The picking device's UUID for its pickup, once picked up.
    pub pickup_id: Option<String>,
    pub picked_up_at: Option<i64>,
    /// Whether the content is still kept.
    pub holds_content: bool,
}

/// A handover with its content (`None` once dropped), read together.
pub type HandoverWithContent = (HandoverRecord, Option<Vec<u8>>);

/// A handover to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewHandover<'a> {
    pub mailbox: &'a str,
    pub content: &'a [u8],
    /// Lower-case hex SHA-512 of `content`.
    pub sha512: &'a str,
    pub created_at: i64,
    pub expires_at: i64,
}

/// What keeping a handover did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandoverPut {
    /// Kept, in a mailbox nobody had used.
    Stored(HandoverRecord),
    /// Nothing kept: the mailbox is taken already (by this content or another); as it is.
    Taken(HandoverRecord),
    /// Nothing kept: the waiting handovers hold this many bytes already.
    Full { held: u64 },
}

/// Builds the answer kept for an idempotent request, given the change cursor the request made
/// (called inside the storage transaction, so answer and change are kept together).
pub type Respond<'a> = dyn Fn(i64) -> Result<StoredResponse, Error> + Send + Sync + 'a;

/// The reads on every request's path (the access token, the idempotent answer, the
/// citizen's submission), part of [`Storage`]. They never write, so where they are cheap
/// ([`Storage::inline_lookups`]) the service runs them on the request's own thread.
pub trait Lookups {
    /// The stored answer for an Idempotency-Key a subject (a citizen, or `anonymous`) used in
    /// a scope (`create`, `submit:<id>`, `report`). Keys of different subjects never meet.
    fn idempotent_response(
        &self,
        scope: &str,
        subject: &str,
        key: &str,
    ) -> Result<Option<StoredResponse>, Error>;
    /// A submission by the server's reference (back office).
    fn submission(&self, id: &str) -> Result<Option<SubmissionRecord>, Error>;
    /// A citizen's submission by the citizen's key.
    fn citizen_submission(
        &self,
        subject: &str,
        key: &str,
    ) -> Result<Option<SubmissionRecord>, Error>;
    /// A citizen's submissions whose cursor is above `since`, oldest change first.
    fn submissions_changed(
        &self,
        subject: &str,
        since: i64,
        limit: usize,
    ) -> Result<Vec<SubmissionRecord>, Error>;
    /// An access or refresh token by the hash of its value.
    fn token(&self, token_hash: &str) -> Result<Option<TokenRecord>, Error>;
}

/// What a [`WriteJob`] leaves to be told once its writes are committed: the COMMIT's outcome.
pub type Finish = Box<dyn FnOnce(Result<(), Error>) + Send>;

/// Storage calls that write, for the storage's own writer thread ([`Storage::spawn_write`]).
pub type WriteJob = Box<dyn FnOnce() -> Finish + Send>;

/// Everything the server keeps. Each method is one transaction.
pub trait Storage: Lookups + Handovers + Send + Sync + 'static {
    /// Whether the [`Lookups`] are cheap enough to run on an async worker: true where they
    /// read a local file through connections of their own and never wait on the network or
    /// a writer. Then a request skips two thread switches per lookup (the blocking pool's),
    /// which on a busy server cost more than the read itself.
    fn inline_lookups(&self) -> bool {
        false
    }
    /// Runs `job` (calls of this storage's write methods) on the storage's writer thread,
    /// where its writes do not wait for their COMMIT; the [`Finish`] it returns is told the
    /// COMMIT's outcome. Gives the job back where there is no writer thread (the caller then
    /// runs it on a thread that may wait).
    fn spawn_write(&self, job: WriteJob) -> Result<(), WriteJob> {
        Err(job)
    }
    /// Creates a submission with its INITIATED event and keeps its idempotent answer (scope
    /// `create`, the citizen's key), unless it would exceed the citizen's `quota`. It is
    /// stored under `new.id`, or under `new.spare_id` when another citizen's submission holds
    /// `new.id`. `respond` builds the answer to keep from the new change cursor.
    fn create_submission(
        &self,
        new: &NewSubmission,
        quota: &Quota,
        respond: &Respond<'_>,
    ) -> Result<Created, Error>;
    /// Submissions (back office), newest change first, optionally of one status, changed
    /// before the change cursor `before` (the next page), at most `limit`.
    fn all_submissions(
        &self,
        status: Option<Status>,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<SubmissionRecord>, Error>;
    /// Appends a chunk at `offset` if that is where the stored bytes end.
    fn append_chunk(
        &self,
        submission: &str,
        attachment: &str,
        offset: u64,
        data: &[u8],
    ) -> Result<Append, Error>;
    /// The data as kept at submit (a JWE for a destination, else canonical JSON), by the
    /// server's reference; `None` before the submit or for no such submission.
    fn submission_data(&self, id: &str) -> Result<Option<String>, Error>;
    /// The stored bytes of an attachment, in order (for the authority, which opens them).
    fn attachment_content(&self, submission: &str, attachment: &str) -> Result<Vec<u8>, Error>;
    /// Lower-case hex SHA-512 of the stored bytes of an attachment.
    fn attachment_sha512(&self, submission: &str, attachment: &str) -> Result<String, Error>;
    /// Marks an attachment complete (its hash was checked).
    fn complete_attachment(&self, submission: &str, attachment: &str) -> Result<(), Error>;
    /// Forgets the bytes of an attachment (its hash did not match), so it can be sent again.
    fn reset_attachment(&self, submission: &str, attachment: &str) -> Result<(), Error>;
    /// Finalises a submission: stores its data, appends the events, keeps the idempotent answer.
    /// `respond` builds the answer to keep from the new change cursor; it is returned.
    fn submit(
        &self,
        id: &str,
        arrival: &Arrival<'_>,
        events: &[StatusEvent],
        key: &str,
        respond: &Respond<'_>,
    ) -> Result<StoredResponse, Error>;
    /// Appends a status event; returns the new cursor. A `receipt` is kept with it when the
    /// submission has none yet. With `from`, only while the submission is still in that status
    /// (checked inside the write): otherwise `Error::Conflict`, nothing changed (two moves
    /// decided on the same status, on one instance or two, cannot both land).
    fn add_status(
        &self,
        id: &str,
        event: &StatusEvent,
        receipt: Option<&str>,
        from: Option<Status>,
    ) -> Result<i64, Error>;
    /// Stores an inbox message; returns its cursor.
    fn add_message(&self, message: &MessageRecord) -> Result<i64, Error>;
    fn messages(
        &self,
        subject: &str,
        since: i64,
        limit: usize,
    ) -> Result<Vec<MessageRecord>, Error>;
    /// Marks unsubmitted submissions past their expiry as expired and drops their bytes.
    fn expire_due(&self, now: i64) -> Result<usize, Error>;
    /// Ends an unsubmitted submission that can never be completed (its attachments are
    /// encrypted to a key the authority does not hold): expired at once, its bytes dropped,
    /// so a retry of its create answers 410 and the client starts over under its next id.
    fn abandon(&self, submission: &str) -> Result<(), Error>;
    fn put_code(&self, code_hash: &str, code: &AuthCode) -> Result<(), Error>;
    /// Returns and deletes a code (codes are single-use).
    fn take_code(&self, code_hash: &str) -> Result<Option<AuthCode>, Error>;
    fn put_token(&self, token_hash: &str, token: &TokenRecord) -> Result<(), Error>;
    /// Marks a refresh token used at `now` (if it was not yet) and returns it as it was
    /// before: `used_at: None` means this is its first use.
    fn use_refresh_token(&self, token_hash: &str, now: i64) -> Result<Option<TokenRecord>, Error>;
    /// Deletes every token of a login; returns how many.
    fn revoke_family(&self, family: &str) -> Result<usize, Error>;
    /// Keeps a report of an accessibility problem (its `sequence` is assigned here) and its
    /// idempotent answer (scope `report`), built by `respond` from the sequence.
    fn create_report(
        &self,
        report: &ReportRecord,
        respond: &Respond<'_>,
    ) -> Result<StoredResponse, Error>;
    /// Reports, newest first (back office).
    fn reports(&self, limit: usize) -> Result<Vec<ReportRecord>, Error>;
    /// Keeps a reply with the authority's step it leads to (`event`) and its idempotent
    /// answer (scope `reply`), built by `respond` from the new change cursor, if the
    /// submission still waits for an answer (ACTION_REQUIRED); `None` when it does not.
    fn add_reply(
        &self,
        reply: &ReplyRecord,
        event: &StatusEvent,
        respond: &Respond<'_>,
    ) -> Result<Option<StoredResponse>, Error>;
    /// The replies to a submission (server reference), oldest first.
    fn replies(&self, submission: &str) -> Result<Vec<ReplyRecord>, Error>;
    /// One document of a citizen's (`subject`) message, with its bytes.
    fn message_document(
        &self,
        subject: &str,
        message: &str,
        document: &str,
    ) -> Result<Option<DocumentRecord>, Error>;
}

/// The handover mailboxes (#14), part of [`Storage`] (each method one transaction, as there),
/// implemented apart: `sqlite::handovers`, `postgres::handovers`.
pub trait Handovers {
    /// Keeps a handover in a mailbox nobody has used (a row of it, content or tombstone, is
    /// there: [`HandoverPut::Taken`], nothing changed), unless the content of the handovers
    /// still holding theirs would exceed `held_limit` bytes with it ([`HandoverPut::Full`];
    /// checked inside the write, but on PostgreSQL writes running at once may each pass it).
    fn put_handover(&self, new: &NewHandover<'_>, held_limit: u64) -> Result<HandoverPut, Error>;
    /// A handover, without its content.
    fn handover(&self, mailbox: &str) -> Result<Option<HandoverRecord>, Error>;
    /// A handover with its content, while it is kept (one read: record and content agree).
    fn handover_content(&self, mailbox: &str) -> Result<Option<HandoverWithContent>, Error>;
    /// Picks a handover up if it still waits at `now` (not picked up, `expires_at` after
    /// `now`): records `pickup_id` and `now` and drops the content, in one statement, so of
    /// pickups running at once (on one instance or several) exactly one lands. The handover as
    /// it is afterwards (whoever picked it up); `None` for no such mailbox.
    fn pick_up_handover(
        &self,
        mailbox: &str,
        pickup_id: &str,
        now: i64,
    ) -> Result<Option<HandoverRecord>, Error>;
    /// Drops the content of handovers expired at `now` and not picked up (they stay as
    /// tombstones), and forgets handovers (tombstones) that expired at or before
    /// `forget_before`. How many lost their content.
    fn expire_handovers(&self, now: i64, forget_before: i64) -> Result<usize, Error>;
}
