//! The citizen's inbox (messages from authorities with their documents), the citizen's replies
//! to an authority, and the receipt of a report of an accessibility problem.

use serde::{Deserialize, Serialize};

use crate::Submission;

/// A message from an authority in the citizen's inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub message_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_id: Option<String>,
    pub title: String,
    pub body: String,
    pub sent_at: String,
    pub cursor: i64,
    /// The authority that wrote it (e.g. `Stadtverwaltung Erfurt`); left out when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sender: String,
    /// Documents the message carries (a Bescheid as PDF): fetch each from
    /// `GET /v1/messages/{messageId}/documents/{documentId}` and check its hash.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentInfo>,
}

/// A document of a message, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// A page of inbox messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct InboxPage {
    pub items: Vec<Message>,
    /// Pass as `since` next time.
    pub cursor: i64,
    /// True when the page was full: ask again with `cursor`.
    pub more: bool,
}

/// `POST /v1/submissions/{id}/replies` (send `Idempotency-Key: <reply UUID>`): the citizen's
/// answer to an authority that asked for something (status ACTION_REQUIRED), with text and
/// documents (`domain::reply::ReplyContent`). Taken only while the application waits for an
/// answer (else 409 `not_awaiting_reply`); the authority's step to PROCESSING comes with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewReply {
    /// The reply encrypted for the receiving authority: a JWE in compact form (RSA-OAEP-256,
    /// A256GCM, `kid` of its encryption key) over the canonical JSON of the reply. Required
    /// where an authority receives the application; the state API keeps only this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_reply: Option<String>,
    /// The reply in plain JSON: only for an application without a destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub reply: Option<domain::reply::ReplyContent>,
    /// SHA-512 (hex) of the reply as compact JSON with sorted object keys: a retry with new
    /// ciphertext of the same reply is the same request.
    pub reply_sha512: String,
}

/// The answer to a reply: the state API holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReplyReceipt {
    /// The state API's reference of the reply.
    pub reply_id: String,
    pub received_at: String,
    pub reply_sha512: String,
    /// The application after the reply (the authority's step to PROCESSING).
    pub submission: Submission,
}

/// The answer to a report of an accessibility problem: its reference number, for the person
/// to quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReportReceipt {
    pub report_id: String,
    /// e.g. `BF-2026-000042`.
    pub reference: String,
    pub received_at: String,
}
