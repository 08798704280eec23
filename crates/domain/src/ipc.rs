//! The IPC contract between the UI (wasm) and the shell (Tauri commands).
//!
//! One request and one response type per command, and one error type, so the two sides cannot
//! drift apart: both compile against this module. Command names are constants here too. Nothing
//! secret ever crosses this boundary (tokens stay in the shell).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Language};
use crate::feedback::{AccessibilityReport, ReportProblem};
use crate::form::{Answers, FormDefinition, Problem, ReviewItem};

// The person's settings and where the catalog came from are the device's own model (the store
// keeps them); the window reads and changes them through these commands as they are.
pub use crate::catalog::CatalogOrigin;
pub use crate::settings::{Settings, SettingsUpdate, TextSize};

/// Command names, as registered in the shell and invoked by the UI.
pub mod command;

/// Events the shell emits to the UI (names for `listen`), each with a payload type below.
pub mod event;
mod handover;
mod visit;

pub use handover::{HandoverStage, HandoverView, QrView, ReceiveHandoverRequest};
pub use visit::{
    DevicePinRequest, EndVisitRequest, ServiceCount, UnlockRequest, VisitDay, VisitEnd,
    VisitEndedBy, VisitReport, VisitView,
};

/// Payload of [`event::STATUS_CHANGED`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChanged {
    pub submission_id: String,
    pub status: ApplicationStatus,
}

/// Payload of [`event::SUBMISSION_REFUSED`]: which answers the state API refused, as paths and
/// Fluent message ids with arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionRefused {
    pub submission_id: String,
    pub problems: Vec<RefusedAnswer>,
}

/// One refused answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedAnswer {
    pub path: String,
    pub message_id: String,
    #[serde(default)]
    pub args: BTreeMap<String, String>,
}

/// Answer of [`command::LOAD_CATALOG`]: the catalog as the local store holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogResponse {
    pub catalog: Catalog,
    pub origin: CatalogOrigin,
}

impl CatalogResponse {
    /// This answer's JSON, from a catalog already kept as JSON (what `Catalog` serializes
    /// to), without decoding and encoding it again: the shell sends the catalog as raw bytes
    /// and the window reads them with serde_json (#20: the start's largest step).
    pub fn json_from_stored(catalog_json: &str, origin: CatalogOrigin) -> Vec<u8> {
        let origin = match origin {
            CatalogOrigin::Seed => "seed",
            CatalogOrigin::StateApi => "state_api",
        };
        let mut json = Vec::with_capacity(catalog_json.len() + 40);
        json.extend_from_slice(b"{\"catalog\":");
        json.extend_from_slice(catalog_json.as_bytes());
        json.extend_from_slice(b",\"origin\":\"");
        json.extend_from_slice(origin.as_bytes());
        json.extend_from_slice(b"\"}");
        json
    }
}

/// Answer of [`command::REFRESH_CATALOG`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RefreshResponse {
    /// A newer catalog was stored; the UI should load it again.
    Updated { version: String },
    /// The state API answered 304: what we have is current.
    Unchanged,
    /// The state API could not be reached; the local catalog stays in use.
    Offline,
}

/// Answer of [`command::CLOCK`]: the shell's clock, so the window counts "today" from the same
/// "now" as the shell and the sync worker (the citizen's day, `crate::calendar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ClockView {
    /// Milliseconds the shell's clock is ahead of the device's system clock: 0 in every release
    /// build; a debug build started on a moved clock reports how far it was moved.
    pub offset_ms: i64,
}

/// Whether the state API answers, as the shell last saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Connectivity {
    Online,
    Offline,
}

/// Arguments of [`command::START_DRAFT`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartDraftRequest {
    pub leika_key: String,
    pub form_id: String,
}

/// The details (name, date of birth, address, e-mail, phone) the person chose to keep on this
/// device for later forms, keyed as `form::autofill` keys them; empty when nothing is kept.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MyDetails {
    pub details: crate::form::Answers,
}

/// Arguments of commands that name one draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftRef {
    pub draft_id: String,
}

/// A draft as the wizard needs it: the form version it is on, the answers, where the person
/// was, and which answers need a look after a form update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub draft_id: String,
    pub leika_key: String,
    pub definition: FormDefinition,
    pub answers: Answers,
    #[serde(default)]
    pub current_page: Option<String>,
    /// Answers carried over from an older form version that the person should check.
    #[serde(default)]
    pub review: Vec<ReviewItem>,
    /// For review items whose field the current version no longer has: the label it had in
    /// the version the answer was given on, by element path (`group.field`).
    #[serde(default)]
    pub review_labels: BTreeMap<String, crate::catalog::Localized>,
    #[serde(default)]
    pub attachments: Vec<AttachmentView>,
    /// RFC 3339, from the shell's clock.
    pub updated_at: String,
}

/// Arguments of [`command::SAVE_ANSWER`]: set the answer at `path` (a field, or a whole group
/// or repeat list), e.g. `personen[1].vorname`. `null` clears it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveAnswerRequest {
    pub draft_id: String,
    pub path: String,
    pub value: serde_json::Value,
}

/// The answer of a save: the UI may show "saved" only after this arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// RFC 3339.
    pub saved_at: String,
}

/// Arguments of [`command::SET_DRAFT_PAGE`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetDraftPageRequest {
    pub draft_id: String,
    pub page_id: String,
}

/// Arguments of [`command::DISMISS_REVIEW`]: the person has seen an answer that a form update
/// did not carry over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DismissReviewRequest {
    pub draft_id: String,
    pub path: crate::form::FieldPath,
}

/// Arguments of [`command::ADD_ATTACHMENT`]: a file the person picked, base64-encoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddAttachmentRequest {
    pub draft_id: String,
    /// The attachment field's path, e.g. `unterlagen.lageplan`.
    pub field_path: String,
    pub file_name: String,
    pub media_type: String,
    pub content_base64: String,
}

/// An attachment held on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    /// Client-made UUID; also the id announced to the state API.
    pub attachment_id: String,
    pub field_path: String,
    pub file_name: String,
    pub media_type: String,
    pub size: u64,
    /// Hex SHA-512 of the content.
    pub sha512: String,
}

/// Arguments of [`command::REMOVE_ATTACHMENT`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoveAttachmentRequest {
    pub draft_id: String,
    pub attachment_id: String,
}

/// Answer of [`command::SUBMIT_DRAFT`]: either queued, or the problems that stop it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SubmitResponse {
    /// In the outbox, durable on disk; the sync engine sends it when it can.
    Queued { submission_id: String },
    /// Validation found errors; nothing was queued.
    Invalid { problems: Vec<Problem> },
}

/// BundID / ZBP status values, plus the device-side states before the server has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ApplicationStatus {
    /// Being filled in on the device.
    Draft,
    /// In the outbox, waiting for the network.
    Queued,
    /// Being sent (created, attachments uploading).
    Sending,
    Initiated,
    Submitted,
    Received,
    Processing,
    ActionRequired,
    Completed,
    Rejected,
    /// The person withdrew it; the authority stops working on it.
    Withdrawn,
}

impl ApplicationStatus {
    /// The Fluent id of the status in plain words (`status-queued`), for the UI and the
    /// printout alike.
    pub fn message_id(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "status-draft",
            ApplicationStatus::Queued => "status-queued",
            ApplicationStatus::Sending => "status-sending",
            ApplicationStatus::Initiated => "status-initiated",
            ApplicationStatus::Submitted => "status-submitted",
            ApplicationStatus::Received => "status-received",
            ApplicationStatus::Processing => "status-processing",
            ApplicationStatus::ActionRequired => "status-action-required",
            ApplicationStatus::Completed => "status-completed",
            ApplicationStatus::Rejected => "status-rejected",
            ApplicationStatus::Withdrawn => "status-withdrawn",
        }
    }

    /// Whether the person can still withdraw it: sent, and not yet decided.
    pub fn can_be_withdrawn(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Submitted
                | ApplicationStatus::Received
                | ApplicationStatus::Processing
                | ApplicationStatus::ActionRequired
        )
    }
}

/// One line of "my applications".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    /// The draft id for drafts, the submission id otherwise.
    pub id: String,
    pub leika_key: String,
    pub form_id: String,
    pub status: ApplicationStatus,
    /// RFC 3339.
    pub updated_at: String,
    /// For drafts: required answers given and required in all.
    #[serde(default)]
    pub answered: u32,
    #[serde(default)]
    pub required: u32,
    /// What sending waits for, if it waits.
    #[serde(default)]
    pub waiting: Option<Waiting>,
    /// A draft handed over to another device: until when it can be picked up (RFC 3339).
    #[serde(default)]
    pub handed_over_until: Option<String>,
}

/// What a queued application waits for before it can be sent, and so what the person can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Waiting {
    /// Nobody is logged in (or the login ended): sending needs a login, which the person can
    /// give now.
    Login,
    /// The state API could not be reached yet; the app tries again by itself, or now.
    Connection,
    /// The state API refused the application; retrying the same data cannot help.
    Refused,
    /// It was queued on this device while nobody was logged in, and the person logged in now
    /// has not taken it as theirs: it is sent only under the account of whoever takes it.
    Claim,
    /// The receiving authority's keys could not be checked against the state's trust anchor:
    /// nothing is encrypted to them, the application stays on the device and is tried again.
    AuthorityKeys,
}

impl Waiting {
    /// What the person reads (a Fluent message id).
    pub fn message_id(self) -> &'static str {
        match self {
            Waiting::Login => "waiting-login",
            Waiting::Connection => "waiting-connection",
            Waiting::Refused => "error-submission-refused",
            Waiting::Claim => "waiting-claim",
            Waiting::AuthorityKeys => "waiting-authority-keys",
        }
    }
}

/// One step of an application's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEntry {
    pub status: ApplicationStatus,
    /// RFC 3339.
    pub at: String,
    /// Reasons (for a rejection or action required), in the authority's words.
    #[serde(default)]
    pub note: Option<String>,
    /// For the authority's own steps of an application sent to an authority: whether the
    /// authority signed this step. `None` where no signature is expected.
    #[serde(default)]
    pub signature: Option<crate::receipt::StepSignature>,
}

/// Arguments of [`command::LOAD_SUBMISSION`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionRef {
    pub submission_id: String,
}

/// A submission with exactly what was sent and its timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionView {
    pub submission_id: String,
    pub leika_key: String,
    pub definition: FormDefinition,
    /// The data as submitted (visible answers and computed values).
    pub data: Answers,
    pub attachments: Vec<AttachmentView>,
    pub timeline: Vec<StatusEntry>,
    /// What sending waits for, if it waits.
    #[serde(default)]
    pub waiting: Option<Waiting>,
    /// The state API refused the application: what it named, and the draft to correct.
    #[serde(default)]
    pub refusal: Option<Refusal>,
    /// The state API's confirmation of what arrived, once it has the application.
    #[serde(default)]
    pub receipt: Option<Receipt>,
    /// The person's answers to the authority, oldest first.
    #[serde(default)]
    pub replies: Vec<crate::reply::ReplyView>,
    /// Whether the authority waits for an answer (ACTION_REQUIRED) that the person can give.
    #[serde(default)]
    pub can_reply: bool,
}

/// Arguments of [`command::SAVE_PRINTOUT`] and [`command::OPEN_PRINTOUT`]: what to print. The
/// webview names the application, never a file: the shell works out where the PDF goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "of", rename_all = "snake_case")]
pub enum PrintoutOf {
    /// A sent application with its receipt.
    Submission { submission_id: String },
    /// The summary of an application not sent, to take to the authority.
    Draft { draft_id: String },
}

/// Answer of [`command::SAVE_PRINTOUT`]: where the PDF was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintoutSaved {
    /// The full path, to tell the person where to find it.
    pub path: String,
}

/// What the state API confirmed it received: its reference, and the SHA-512 of the data as
/// it computed it on arrival, checked on the device against the data the device sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The state API's reference of the application.
    pub reference: String,
    /// Lower-case hex.
    pub data_sha512: String,
    /// Whether it is the hash of exactly the data this device sent.
    pub matches: bool,
    /// The receiving authority's signed receipt, once it arrived, as the device checked it
    /// (the UI names the authority from the catalog by `destination`).
    #[serde(default)]
    pub signed: Option<crate::receipt::SignedReceipt>,
}

/// Why the state API refused an application, and where to correct it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Refusal {
    /// The draft, back in editing, when it can still be corrected and sent again.
    #[serde(default)]
    pub draft_id: Option<String>,
    /// The answers the state API named (a path, a form message id or the server's code).
    pub problems: Vec<RefusedAnswer>,
}

/// A message from an authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxMessage {
    pub message_id: String,
    #[serde(default)]
    pub submission_id: Option<String>,
    pub subject: String,
    pub body: String,
    pub sender: String,
    /// RFC 3339.
    pub received_at: String,
    pub read: bool,
    /// Documents the message carries (a Bescheid as PDF).
    #[serde(default)]
    pub documents: Vec<crate::reply::MessageDocument>,
}

/// Arguments of [`command::MARK_MESSAGE_READ`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRef {
    pub message_id: String,
}

/// Payload of [`event::SYNC_PROGRESS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncProgress {
    pub submission_id: String,
    pub status: ApplicationStatus,
    /// While sending: attachments uploaded so far and in all.
    #[serde(default)]
    pub uploaded: u32,
    #[serde(default)]
    pub attachments: u32,
}

/// The account as the UI may see it (never a token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AccountView {
    pub logged_in: bool,
    #[serde(default)]
    pub display_name: Option<String>,
    /// BundID trust level: `basic`, `substantial`, `high`.
    #[serde(default)]
    pub trust_level: Option<String>,
    /// The login must be renewed (refresh token expired or revoked); queued work waits.
    #[serde(default)]
    pub needs_login: bool,
}

/// Arguments of [`command::SET_LANGUAGE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetLanguageRequest {
    pub language: Language,
}

/// Arguments of [`command::LOAD_TEXTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadTextsRequest {
    pub language: Language,
}

/// Answer of [`command::LOAD_TEXTS`]: the contents of a language's Fluent files. The UI embeds
/// only German and asks for another language when the person chooses it (#20: a smaller UI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub language: Language,
    pub files: Vec<String>,
}

/// Answer of [`command::STORAGE_NOTICE`]: the app's earlier data on this device could not be
/// opened (damaged file, or its key is gone from the keychain) and was moved aside, not
/// deleted; the app started afresh. Shown until the person dismisses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorageNotice {
    /// The file name the earlier data was kept under, in the app's data folder (for support).
    pub kept_as: String,
    /// RFC 3339.
    pub at: String,
}

/// Answer of [`command::FORGET_PERSONAL_DATA`]: the person is logged out and this much of their
/// data was deleted from the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forgotten {
    pub drafts: u32,
    pub submissions: u32,
    /// Applications that were still waiting to be sent (they will not be sent).
    pub unsent: u32,
    pub messages: u32,
    /// Reports of barriers not yet sent that held contact details (they will not be sent).
    #[serde(default)]
    pub reports: u32,
    /// PDFs the app saved for the person (printouts of sent applications, summaries).
    #[serde(default)]
    pub printouts: u32,
}

/// Request of [`command::SEND_ACCESSIBILITY_REPORT`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendAccessibilityReport {
    pub report: AccessibilityReport,
}

/// Answer of [`command::SEND_ACCESSIBILITY_REPORT`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ReportResponse {
    /// Kept on the device (encrypted) and queued; sent as soon as the state API is reachable.
    Queued { report: AccessibilityReportView },
    /// The report cannot be sent as it is; nothing was kept.
    Invalid { problems: Vec<ReportProblem> },
}

/// Where a report of a barrier is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    /// On the device, waiting for the state API.
    Waiting,
    /// The state API confirmed it and gave it a reference number.
    Sent,
    /// The state API refused it for good (it checks with the same rules, so this means an
    /// older app or a changed rule); the text stays on the device.
    Refused,
}

/// One of the person's reports, as "your reports" lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessibilityReportView {
    pub report_id: String,
    pub state: ReportState,
    /// The state's reference number (e.g. `BF-2026-000042`), once sent.
    #[serde(default)]
    pub reference: Option<String>,
    /// RFC 3339.
    pub written_at: String,
    #[serde(default)]
    pub sent_at: Option<String>,
    /// What the person wrote (their own words, shown only to them).
    pub place: String,
    pub description: String,
    /// The last send error as a Fluent message id while waiting.
    #[serde(default)]
    pub last_error: Option<String>,
}

/// A stable error code the UI can branch on (never match on message text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The local store cannot be read or written (disk full, corrupt file, locked keychain).
    Storage,
    /// The state API could not be reached or answered with an error.
    Network,
    /// The request itself was malformed.
    InvalidRequest,
    /// The draft, submission or message does not exist (any more).
    NotFound,
    /// The keychain is missing or locked: secrets cannot be read; nothing was written instead.
    Keychain,
    /// The person must log in (again) first.
    LoginRequired,
    /// Something unexpected; the message says what the person can do.
    Internal,
}

/// The one error type across IPC: a code, a Fluent message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code:?}: {message_id}")]
pub struct IpcError {
    pub code: ErrorCode,
    /// A Fluent message id from `locales/*/errors.ftl`, e.g. `error-storage`.
    pub message_id: String,
    #[serde(default)]
    pub args: BTreeMap<String, String>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message_id: impl Into<String>) -> Self {
        IpcError {
            code,
            message_id: message_id.into(),
            args: BTreeMap::new(),
        }
    }

    pub fn with_arg(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.args.insert(key.into(), value.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_answer_built_from_stored_json_reads_as_the_typed_answer() {
        let catalog: Catalog = serde_json::from_str(
            r#"{"version":"v1","services":[],"life_situations":[],"authorities":[],
                "districts":[],"municipalities":[],"postal_codes":[]}"#,
        )
        .expect("a minimal catalog");
        let stored = serde_json::to_string(&catalog).expect("catalog JSON");
        for origin in [CatalogOrigin::Seed, CatalogOrigin::StateApi] {
            let bytes = CatalogResponse::json_from_stored(&stored, origin);
            let read: CatalogResponse = serde_json::from_slice(&bytes).expect("valid JSON");
            let expected = CatalogResponse {
                catalog: catalog.clone(),
                origin,
            };
            assert_eq!(read, expected);
            let typed: CatalogResponse =
                serde_json::from_slice(&serde_json::to_vec(&expected).expect("encode"))
                    .expect("decode");
            assert_eq!(read, typed);
        }
    }
}
