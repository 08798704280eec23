//! The JSON shapes on the wire. The bodies the app shares are the `wire` crate's (re-exported
//! here, so `state_api::wire` names every body the server reads or writes); this module adds
//! the conversions from storage records into them and the back office's own bodies, with their
//! OpenAPI schemas.

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use utoipa::ToSchema;

pub use ::wire::*;

use crate::storage::{
    AttachmentRecord, DocumentRecord, MessageRecord, StatusEvent, SubmissionRecord,
};

/// Formats unix milliseconds as RFC 3339 (UTC).
pub fn rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
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

/// The back office's view of a submission: the server's reference as the id (the citizen's id
/// is the same unless two citizens chose the same UUID).
pub fn submission_for_back_office(r: &SubmissionRecord) -> Submission {
    let mut submission = Submission::from(r);
    submission.submission_id = r.id.clone();
    submission
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

/// A page of the back office listing, newest change first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionList {
    pub items: Vec<Submission>,
    /// The opaque cursor of the next page (pass as `after`); absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Back office: move a submission's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    #[schema(value_type = SubmissionStatusSchema)]
    pub status: SubmissionStatus,
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
