//! The state API's JSON shapes as this client reads and writes them (FIT-Connect style,
//! camelCase). Our own copies: the app never depends on the server crate. Unknown fields are
//! ignored, so the server may grow.

use keychain::Secret;
use serde::{Deserialize, Serialize};

/// A form schema reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FormRef {
    pub id: String,
    pub version: String,
}

/// An attachment announced at create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnouncedAttachment {
    pub attachment_id: String,
    /// Only for a submission without an authority: for one, the name and the media type go
    /// into the encrypted metadata, and size and hash are the JWE's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub filename: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub media_type: String,
    pub size: u64,
    pub sha512: String,
}

/// `POST /v1/submissions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateSubmission {
    pub service_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ars: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    #[serde(default)]
    pub announced_attachments: Vec<AnnouncedAttachment>,
    /// The authority the attachments are encrypted for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
}

/// `POST /v1/submissions/{id}/submit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubmitSubmission {
    /// Plain data: only for a submission without a destination (no place given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
    /// The data as a JWE for the receiving authority (see `crate::seal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_data: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_sha512: Option<String>,
    /// The FIT-Connect metadata (`domain::metadata`) as a JWE for the receiving authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_metadata: Option<String>,
}

/// An attachment and how much of it the server holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentState {
    pub attachment_id: String,
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub received: u64,
    #[serde(default)]
    pub complete: bool,
}

/// One step of a status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusEntry {
    pub status: String,
    pub at: String,
    #[serde(default)]
    pub reasons: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The authority's signature of the step (a Security Event Token), for its own steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_event: Option<String>,
}

/// A submission as the server reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    pub submission_id: String,
    #[serde(default)]
    pub service_key: String,
    pub status: String,
    #[serde(default)]
    pub expired: bool,
    #[serde(default)]
    pub data_sha512: Option<String>,
    /// The responsible authority's catalog id (the destination).
    #[serde(default)]
    pub authority_id: Option<String>,
    /// The receiving authority's signed receipt (JWS), once received.
    #[serde(default)]
    pub receipt: Option<String>,
    #[serde(default)]
    pub cursor: i64,
    #[serde(default)]
    pub attachments: Vec<AttachmentState>,
    #[serde(default)]
    pub status_history: Vec<StatusEntry>,
}

/// A destination's public keys, signed under the trust anchor (JWS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DestinationKeySet {
    pub destination: String,
    pub key_set: String,
}

/// A page of changed submissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionPage {
    pub items: Vec<Submission>,
    pub cursor: i64,
    #[serde(default)]
    pub more: bool,
}

/// A message from an authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub message_id: String,
    #[serde(default)]
    pub submission_id: Option<String>,
    pub title: String,
    pub body: String,
    pub sent_at: String,
    #[serde(default)]
    pub cursor: i64,
    /// The authority that wrote the message (empty when the server does not say).
    #[serde(default)]
    pub sender: String,
    /// Documents the message carries.
    #[serde(default)]
    pub documents: Vec<DocumentInfo>,
}

/// A document of a message, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    pub document_id: String,
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub sha512: String,
}

/// `POST /v1/submissions/{id}/replies`: the person's answer to the authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewReply {
    /// The reply (`domain::reply::ReplyContent`) as a JWE for the receiving authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_reply: Option<String>,
    /// Plain: only for an application without a destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<domain::reply::ReplyContent>,
    pub reply_sha512: String,
}

/// The state API holds the reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyReceipt {
    pub reply_id: String,
    pub received_at: String,
    pub reply_sha512: String,
    /// The application after the reply.
    pub submission: Submission,
}

/// A page of inbox messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub items: Vec<Message>,
    pub cursor: i64,
    #[serde(default)]
    pub more: bool,
}

/// The token endpoint's answer. The tokens are [`Secret`]s from the moment they are read: wiped
/// from memory when dropped, redacted in `Debug`.
#[derive(Clone, Deserialize)]
pub struct TokenResponse {
    #[serde(deserialize_with = "secret")]
    pub access_token: Secret,
    #[serde(default)]
    pub expires_in: u64,
    #[serde(default, deserialize_with = "optional_secret")]
    pub refresh_token: Option<Secret>,
}

fn secret<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Secret, D::Error> {
    // The String moves into the Secret; no copy is left behind.
    String::deserialize(deserializer).map(Secret::new)
}

fn optional_secret<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Secret>, D::Error> {
    Option::<String>::deserialize(deserializer).map(|value| value.map(Secret::new))
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

/// The token endpoint's refusal (RFC 6749 §5.2).
#[derive(Debug, Clone, Deserialize)]
pub struct OAuthError {
    pub error: String,
}

/// `/oauth/userinfo`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct UserInfo {
    pub sub: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub trust_level: Option<String>,
}

/// The parts of the OpenID Provider metadata the login uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OpenIdConfiguration {
    /// Must be the configured state API (checked before any endpoint is used).
    #[serde(default)]
    pub issuer: Option<String>,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
}

/// The state's answer to a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportReceipt {
    pub report_id: String,
    pub reference: String,
    #[serde(default)]
    pub received_at: String,
}
