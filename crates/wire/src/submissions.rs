//! Submissions: create (announcing attachments), the resumable uploads' state, submit, the
//! status history, the pages of changes; and the destination key sets the data is sealed for.

use serde::{Deserialize, Serialize};

use crate::SubmissionStatus;

/// A form schema reference (FIM XDatenfelder schema id and version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct FormRef {
    /// e.g. `S00000001`
    pub id: String,
    pub version: String,
}

/// An attachment announced when a submission is created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AnnouncedAttachment {
    /// A UUID the client made for this attachment.
    pub attachment_id: String,
    /// The file name: only for a submission without a destination. Where an authority
    /// receives it, the name travels in the encrypted metadata and is left out here.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub filename: String,
    /// e.g. `application/pdf`; must be one the server accepts. Left out where an authority
    /// receives it (in the encrypted metadata instead).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub media_type: String,
    /// Size in bytes of what will be uploaded (for an authority: of the JWE).
    pub size: u64,
    /// Lower-case hex SHA-512 of the bytes that will be uploaded (128 hex digits): for an
    /// authority, of the JWE (compact form) that encrypts the attachment.
    pub sha512: String,
}

/// `POST /v1/submissions`: create a submission (send `Idempotency-Key: <submission UUID>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateSubmission {
    /// The 14-digit LeiKa key of the service applied for.
    pub service_key: String,
    /// The applicant's place: an 8-digit AGS or a 12-digit ARS; decides the authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ars: Option<String>,
    /// The form the data will follow. The server decides it from the service's catalog entry:
    /// name one of that form's versions or leave it out (the current version is taken);
    /// another form, or a form for a service that takes none, is refused (422,
    /// `form_not_of_service`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    #[serde(default)]
    pub announced_attachments: Vec<AnnouncedAttachment>,
    /// The authority the attachments are encrypted for (the one `GET /v1/authorities?ars=&leika=`
    /// names responsible): required with attachments where an authority is responsible, and
    /// refused (409, `destination_mismatch`) when it is not the responsible one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
}

/// `POST /v1/submissions/{id}/submit`: the data, finalising the submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubmitSubmission {
    /// The answers, keyed by FIM element ids (`F…`, `G…`), in plain JSON: only for a
    /// submission without a destination (no place given). Where an authority receives it,
    /// the data must come as `encryptedData`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub data: Option<serde_json::Value>,
    /// The data encrypted for the receiving authority: a JWE in compact form (RSA-OAEP-256,
    /// A256GCM, `kid` of the encryption key in the destination's key set) over the canonical
    /// JSON of the answers. The state API keeps only this ciphertext; the authority opens it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_data: Option<String>,
    /// SHA-512 (hex) of the data serialized as compact JSON with sorted object keys: checked
    /// when present, required with `encryptedData` (a retry with new ciphertext of the same
    /// data is the same submit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_sha512: Option<String>,
    /// The submission's metadata encrypted for the receiving authority (a JWE like
    /// `encryptedData`) over a FIT-Connect metadata document (`domain::metadata`): the data's
    /// hash, each attachment's id, file name, media type and the SHA-512 of its plain bytes,
    /// the public service. Required when attachments were announced for an authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_metadata: Option<String>,
}

/// An attachment of a submission and how much of it has arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AttachmentState {
    pub attachment_id: String,
    /// Empty where an authority receives the submission (the name is in the sealed metadata).
    pub filename: String,
    /// Empty where an authority receives the submission.
    pub media_type: String,
    pub size: u64,
    pub sha512: String,
    /// Bytes received so far: resume an upload at this offset.
    pub received: u64,
    /// All bytes are there and their SHA-512 matched.
    pub complete: bool,
}

/// One step of the status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct StatusEntry {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::SubmissionStatusSchema))]
    pub status: SubmissionStatus,
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

/// A submission as the citizen sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    pub submission_id: String,
    pub service_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ars: Option<String>,
    /// The responsible authority's id from the catalog (the destination).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    /// The current status (the last entry of `statusHistory`).
    #[cfg_attr(feature = "openapi", schema(value_type = crate::SubmissionStatusSchema))]
    pub status: SubmissionStatus,
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

/// A page of changed submissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubmissionPage {
    pub items: Vec<Submission>,
    /// Pass as `since` next time (unchanged when there was nothing new).
    pub cursor: i64,
    /// True when the page was full: ask again with `cursor`.
    pub more: bool,
}

/// A destination's public keys, signed under the trust anchor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DestinationKeySet {
    /// The authority's id in the catalog.
    pub destination: String,
    /// A JWS (PS512, `typ` `destination-keys+jwt`) signed by the trust anchor built into the
    /// app, over `{destination, keys (JWK), iat, nbf, exp}`. Check it before trusting a key.
    pub key_set: String,
}
