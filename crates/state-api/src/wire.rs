//! The JSON shapes on the wire (request and response bodies), with their OpenAPI schemas.
//!
//! Submission shapes follow FIT-Connect (camelCase, announced attachments by client UUIDs,
//! SHA-512 hashes). Conversions from storage records live here; no rules, no IO.

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::storage::{
    AttachmentRecord, DocumentRecord, MessageRecord, Status, StatusEvent, SubmissionRecord,
};

/// Formats unix milliseconds as RFC 3339 (UTC).
pub fn rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// A form schema reference (FIM XDatenfelder schema id and version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FormRef {
    /// e.g. `S00000001`
    pub id: String,
    pub version: String,
}

/// An attachment announced when a submission is created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnnouncedAttachment {
    /// A UUID the client made for this attachment.
    pub attachment_id: String,
    /// The file name: only for a submission without a destination. Where an authority
    /// receives it, the name travels in the encrypted metadata and is left out here.
    #[serde(default)]
    pub filename: String,
    /// e.g. `application/pdf`; must be one the server accepts. Left out where an authority
    /// receives it (in the encrypted metadata instead).
    #[serde(default)]
    pub media_type: String,
    /// Size in bytes of what will be uploaded (for an authority: of the JWE).
    pub size: u64,
    /// Lower-case hex SHA-512 of the bytes that will be uploaded (128 hex digits): for an
    /// authority, of the JWE (compact form) that encrypts the attachment.
    pub sha512: String,
}

/// `POST /v1/submissions`: create a submission (send `Idempotency-Key: <submission UUID>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateSubmission {
    /// The 14-digit LeiKa key of the service applied for.
    pub service_key: String,
    /// The applicant's place: an 8-digit AGS or a 12-digit ARS; decides the authority.
    #[serde(default)]
    pub ars: Option<String>,
    /// The form the data will follow. The server decides it from the service's catalog entry:
    /// name one of that form's versions or leave it out (the current version is taken);
    /// another form, or a form for a service that takes none, is refused (422,
    /// `form_not_of_service`).
    #[serde(default)]
    pub form: Option<FormRef>,
    #[serde(default)]
    pub announced_attachments: Vec<AnnouncedAttachment>,
    /// The authority the attachments are encrypted for (the one `GET /v1/authorities?ars=&leika=`
    /// names responsible): required with
    /// attachments where an authority is responsible, and refused (409,
    /// `destination_mismatch`) when it is not the responsible one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
}

/// `POST /v1/submissions/{id}/submit`: the data, finalising the submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmitSubmission {
    /// The answers, keyed by FIM element ids (`F…`, `G…`), in plain JSON: only for a
    /// submission without a destination (no place given). Where an authority receives it,
    /// the data must come as `encryptedData`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub data: Option<serde_json::Value>,
    /// The data encrypted for the receiving authority: a JWE in compact form (RSA-OAEP-256,
    /// A256GCM, `kid` of the encryption key in the destination's key set) over the canonical
    /// JSON of the answers. The state API keeps only this ciphertext; the authority opens it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_data: Option<String>,
    /// SHA-512 (hex) of the data serialized as compact JSON with sorted object keys: checked
    /// when present, required with `encryptedData` (a retry with new ciphertext of the same
    /// data is the same submit).
    #[serde(default)]
    pub data_sha512: Option<String>,
    /// The submission's metadata encrypted for the receiving authority (a JWE like
    /// `encryptedData`) over a FIT-Connect metadata document: the data's hash, each
    /// attachment's id, file name, media type and the SHA-512 of its plain bytes, the public
    /// service. Required when attachments were announced for an authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_metadata: Option<String>,
}

/// An attachment of a submission and how much of it has arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentState {
    pub attachment_id: String,
    pub filename: String,
    pub media_type: String,
    pub size: u64,
    pub sha512: String,
    /// Bytes received so far: resume an upload at this offset.
    pub received: u64,
    /// All bytes are there and their SHA-512 matched.
    pub complete: bool,
}

impl From<&AttachmentRecord> for AttachmentState {
    fn from(a: &AttachmentRecord) -> Self {
        AttachmentState {
            attachment_id: a.announced.id.clone(),
            filename: a.announced.filename.clone(),
            media_type: a.announced.media_type.clone(),
            size: a.announced.size,
            sha512: a.announced.sha512.clone(),
            received: a.received,
            complete: a.complete,
        }
    }
}

/// One step of the status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusEntry {
    pub status: Status,
    /// RFC 3339 time of the change.
    pub at: String,
    /// Reasons, for REJECTED and ACTION_REQUIRED.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The step as the receiving authority signed it, for its own steps (RECEIVED and after)
    /// of a submission with a destination: a Security Event Token (RFC 8417; JWS, PS512, `typ`
    /// `secevent+jwt`) with `iss` the destination, `sub` `submission:<submissionId>` and one
    /// event (`status`, `at` in Unix milliseconds, `reasons`), signed with a key of the
    /// destination's key set. A step without it was not taken by the authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_event: Option<String>,
}

impl From<&StatusEvent> for StatusEntry {
    fn from(e: &StatusEvent) -> Self {
        StatusEntry {
            status: e.status,
            at: rfc3339(e.at),
            reasons: e.reasons.clone(),
            note: e.note.clone(),
            signed_event: e.signed.clone(),
        }
    }
}

/// A submission as the citizen sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    pub submission_id: String,
    pub service_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ars: Option<String>,
    /// The responsible authority's id from the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    /// The current status (the last entry of `statusHistory`).
    pub status: Status,
    /// True when it was never submitted and its time ran out: start over with a new id.
    pub expired: bool,
    pub created_at: String,
    /// Until when an unsubmitted submission can still be finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_sha512: Option<String>,
    /// The receiving authority's receipt: a JWS (PS512, `typ` `receipt+jwt`) over the
    /// submission id, the destination, the time and the hashes of the data and attachments,
    /// signed with a key of the destination's key set (`GET /v1/destinations/{id}/keys`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// Change cursor: pass the highest one seen as `since` to get only newer changes.
    pub cursor: i64,
    pub attachments: Vec<AttachmentState>,
    pub status_history: Vec<StatusEntry>,
}

impl Submission {
    /// The back office's view: the server's reference as the id (the citizen's id is the
    /// same unless two citizens chose the same UUID).
    pub fn for_back_office(r: &SubmissionRecord) -> Self {
        let mut submission = Submission::from(r);
        submission.submission_id = r.id.clone();
        submission
    }
}

/// The citizen's view: the id is the citizen's own UUID.
impl From<&SubmissionRecord> for Submission {
    fn from(r: &SubmissionRecord) -> Self {
        Submission {
            submission_id: r.key.clone(),
            service_key: r.service_key.clone(),
            ars: r.ars.clone(),
            authority_id: r.authority_id.clone(),
            form: match (&r.form_id, &r.form_version) {
                (Some(id), Some(version)) => Some(FormRef {
                    id: id.clone(),
                    version: version.clone(),
                }),
                _ => None,
            },
            status: r.status,
            expired: r.expired,
            created_at: rfc3339(r.created_at),
            expires_at: r.expires_at.map(rfc3339),
            data_sha512: r.data_sha512.clone(),
            receipt: r.receipt.clone(),
            cursor: r.cursor,
            attachments: r.attachments.iter().map(AttachmentState::from).collect(),
            status_history: r.history.iter().map(StatusEntry::from).collect(),
        }
    }
}

/// A page of the back office listing, newest change first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionList {
    pub items: Vec<Submission>,
    /// The opaque cursor of the next page (pass as `after`); absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// A page of changed submissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionPage {
    pub items: Vec<Submission>,
    /// Pass as `since` next time (unchanged when there was nothing new).
    pub cursor: i64,
    /// True when the page was full: ask again with `cursor`.
    pub more: bool,
}

/// A message from an authority in the citizen's inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub message_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_id: Option<String>,
    pub title: String,
    pub body: String,
    pub sent_at: String,
    pub cursor: i64,
    /// The authority that wrote it (e.g. `Stadtverwaltung Erfurt`); empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sender: String,
    /// Documents the message carries (a Bescheid as PDF): fetch each from
    /// `GET /v1/messages/{messageId}/documents/{documentId}` and check its hash.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentInfo>,
}

/// A document of a message, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    pub document_id: String,
    /// The name the authority gave it.
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex SHA-512 of the bytes.
    pub sha512: String,
}

impl From<&DocumentRecord> for DocumentInfo {
    fn from(d: &DocumentRecord) -> Self {
        DocumentInfo {
            document_id: d.id.clone(),
            name: d.name.clone(),
            media_type: d.media_type.clone(),
            size: d.size,
            sha512: d.sha512.clone(),
        }
    }
}

/// Back office: a document to send with a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewDocument {
    pub name: String,
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub media_type: String,
    /// The bytes, standard base64.
    pub content: String,
}

/// `POST /v1/submissions/{id}/replies` (send `Idempotency-Key: <reply UUID>`): the citizen's
/// answer to an authority that asked for something (status ACTION_REQUIRED), with text and
/// documents (`domain::reply::ReplyContent`). Taken only while the application waits for an
/// answer (else 409 `not_awaiting_reply`); the authority's step to PROCESSING comes with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewReply {
    /// The reply encrypted for the receiving authority: a JWE in compact form (RSA-OAEP-256,
    /// A256GCM, `kid` of its encryption key) over the canonical JSON of the reply. Required
    /// where an authority receives the application; the state API keeps only this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_reply: Option<String>,
    /// The reply in plain JSON: only for an application without a destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub reply: Option<domain::reply::ReplyContent>,
    /// SHA-512 (hex) of the reply as compact JSON with sorted object keys: a retry with new
    /// ciphertext of the same reply is the same request.
    pub reply_sha512: String,
}

/// The answer to a reply: the state API holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReplyReceipt {
    /// The state API's reference of the reply.
    pub reply_id: String,
    pub received_at: String,
    pub reply_sha512: String,
    /// The application after the reply (the authority's step to PROCESSING).
    pub submission: Submission,
}

/// Back office: a reply as the reference authority opened it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedReply {
    pub reply_id: String,
    pub received_at: String,
    /// Whether it arrived encrypted for the authority.
    pub sealed: bool,
    pub text: String,
    /// The documents, without their bytes.
    pub documents: Vec<DocumentInfo>,
}

impl From<&MessageRecord> for Message {
    fn from(m: &MessageRecord) -> Self {
        Message {
            message_id: m.id.clone(),
            submission_id: m.submission_id.clone(),
            title: m.title.clone(),
            body: m.body.clone(),
            sent_at: rfc3339(m.at),
            cursor: m.cursor,
            sender: m.sender.clone(),
            documents: m.documents.iter().map(DocumentInfo::from).collect(),
        }
    }
}

/// A page of inbox messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InboxPage {
    pub items: Vec<Message>,
    pub cursor: i64,
    pub more: bool,
}

/// Back office: move a submission's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub status: Status,
    /// Required for REJECTED.
    #[serde(default)]
    pub reasons: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Back office: send an inbox message, to a citizen or to the owner of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewMessage {
    /// The citizen's subject; not needed when `submissionId` is given.
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub submission_id: Option<String>,
    pub title: String,
    pub body: String,
    /// The authority writing, as the citizen should see it. Defaults to the authority
    /// responsible for the submission (from the applicant's place), if known.
    #[serde(default)]
    pub sender: Option<String>,
    /// Documents the message carries, at most 5 of at most 10 MB each.
    #[serde(default)]
    pub documents: Vec<NewDocument>,
}

/// `POST /v1/accessibility-reports`: a report of an accessibility problem in the app (send
/// `Idempotency-Key: <report UUID>`). No login needed. Checked with the app's own rules.
///
/// This struct documents the body for OpenAPI; requests are read straight into
/// `domain::feedback::AccessibilityReport` (a test keeps the two in step).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewAccessibilityReport {
    /// Where the barrier is (a page of the app or a form), in the person's words.
    #[serde(default)]
    pub place: String,
    /// What happened. Required, at most 5,000 characters.
    pub description: String,
    /// Assistive technology in use, optional.
    #[serde(default)]
    pub assistive_technology: String,
    /// Whether the person wants an answer (then `email` or `phone` is required).
    #[serde(default)]
    pub wants_reply: bool,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    /// The language to answer in (`de`, `en`).
    #[serde(default)]
    pub language: String,
}

/// The answer to a report: its reference number, for the person to quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportReceipt {
    pub report_id: String,
    /// e.g. `BF-2026-000042`.
    pub reference: String,
    pub received_at: String,
}

/// A received report, for the back office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedReport {
    pub report_id: String,
    pub reference: String,
    pub received_at: String,
    #[schema(value_type = NewAccessibilityReport)]
    pub report: domain::feedback::AccessibilityReport,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The OpenAPI description of a report and the domain type it is read into have the same
    /// fields under the same names.
    #[test]
    fn the_documented_report_body_is_the_domain_report() {
        let keys = |value: serde_json::Value| -> Vec<String> {
            let mut keys: Vec<String> = value
                .as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            keys.sort();
            keys
        };
        let documented = serde_json::to_value(NewAccessibilityReport::default());
        let domain = serde_json::to_value(domain::feedback::AccessibilityReport::default());
        assert_eq!(
            keys(documented.unwrap_or_default()),
            keys(domain.unwrap_or_default())
        );
    }
}
