//! The back office's exchange with the receiving authority's own system (FIT-Connect's
//! "subscriber"), when that runs apart from the state API: what a submission waiting for a
//! decision gives out (only ciphertext), and the authority's signed decision on it.

use serde::{Deserialize, Serialize};

use crate::FormRef;

/// An attachment of a sealed submission: its JWE is fetched on its own
/// (`GET /admin/v1/submissions/{id}/attachments/{attachmentId}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SealedAttachment {
    pub attachment_id: String,
    /// Size in bytes of the JWE (compact form).
    pub size: u64,
    /// Lower-case hex SHA-512 of the JWE, checked by the state API on upload.
    pub sha512: String,
}

/// A submitted application as the receiving authority fetches it to decide on it: the parts
/// the citizen's device encrypted for the authority, never opened by the state API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SealedSubmission {
    /// The server's reference (the back office's id, used in its paths).
    pub submission_id: String,
    /// The citizen's id of the submission: what the receipt and the signed events name.
    pub citizen_submission_id: String,
    /// The receiving authority (the destination whose key opens the parts).
    pub destination: String,
    /// The 14-digit LeiKa key of the service applied for.
    pub service_key: String,
    /// The form the data must follow, as the state API fixed it at create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    /// That form's definition (`domain::form::FormDefinition`, as served at
    /// `/v1/forms/{id}/{version}`), to check the data with the form engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub form_definition: Option<domain::form::FormDefinition>,
    /// The data: a JWE (compact form) over the canonical JSON of the answers.
    pub encrypted_data: String,
    /// The SHA-512 (hex) of the data the citizen's device declared; the authority checks it
    /// against what it opens.
    pub data_sha512: String,
    /// The FIT-Connect metadata (a JWE): the data's hash, each attachment's name, media type
    /// and plain hash. Present whenever there are attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_metadata: Option<String>,
    pub attachments: Vec<SealedAttachment>,
    /// When it was submitted (RFC 3339).
    pub submitted_at: String,
}

/// The receiving authority's decision on a submitted application: its step signed as a
/// Security Event Token, RECEIVED (accepted, with the signed receipt) or REJECTED (with the
/// reasons inside the event). The state API records it only when both signatures hold under
/// the destination's published key set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// The step (JWS, PS512, `typ` `secevent+jwt`, `iss` the destination, `sub`
    /// `submission:<citizenSubmissionId>`, one event with `status` RECEIVED or REJECTED, `at`
    /// in Unix milliseconds and, for REJECTED, the `reasons`).
    pub signed_event: String,
    /// With RECEIVED: the receipt (JWS, PS512, `typ` `receipt+jwt`) over the citizen's id of
    /// the submission, the destination, the time and the hashes of the data and of every
    /// attachment. Absent with REJECTED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
}
