//! The reference authority: the receiving side of a submission, in this process in the role
//! FIT-Connect gives the subscriber beside the delivery service. The state API stores and
//! forwards only what the citizen's device encrypted for the authority (the data, the
//! metadata, every attachment); the authority opens them with its own key, which is never
//! stored in the database, checks every attachment against the metadata's hash, media type
//! and size, and the data against the form, and signs its receipt and each of its steps.

use axum::http::StatusCode;
use domain::metadata::Metadata;
use domain::problem::ProblemCode;

use super::{canonical_json, sha512_hex, Backend};
use crate::error::{FieldProblem, Problem};
use crate::storage::{StatusEvent, SubmissionRecord};
use crate::wire::SubmitSubmission;

/// What the authority found on opening a submission.
pub(crate) struct Opened {
    pub data: serde_json::Value,
    /// What the state API keeps of the data: the JWE, or the canonical JSON of plain data
    /// (no destination).
    pub stored: String,
    /// The encrypted metadata to keep.
    pub metadata: Option<String>,
    /// Each attachment's id with the SHA-512 of its plain bytes: what the receipt names.
    pub attachments: Vec<(String, String)>,
}

fn problem(field: &str, code: &str, detail: &str) -> Problem {
    Problem::validation(vec![FieldProblem::new(field, code, detail)])
}

fn not_current() -> Problem {
    Problem::new(
        StatusCode::CONFLICT,
        ProblemCode::KeyNotCurrent.as_str(),
        "Key not current",
    )
    .detail(
        "encrypted to a key the authority does not hold: fetch GET /v1/destinations/{id}/keys \
         again and encrypt anew",
    )
}

/// The attachments' ids with the hashes announced at create: of the plain bytes where no
/// authority receives them (no metadata).
fn announced_hashes(record: &SubmissionRecord) -> Vec<(String, String)> {
    record
        .attachments
        .iter()
        .map(|a| (a.announced.id.clone(), a.announced.sha512.clone()))
        .collect()
}

impl Backend {
    /// Opens `token` with `destination`'s key (current or retired), off the async workers.
    pub(crate) async fn open_for(
        &self,
        destination: &str,
        token: String,
        field: &str,
    ) -> Result<Vec<u8>, Problem> {
        let (destinations, destination) = (self.destinations().clone(), destination.to_string());
        let opened =
            tokio::task::spawn_blocking(move || destinations.decrypt(&destination, &token))
                .await
                .map_err(|_| Problem::internal())?;
        opened.map_err(|error| match error {
            jose::JoseError::UnknownKey(_) => not_current(),
            _ => problem(
                field,
                "undecryptable",
                "not a JWE the receiving authority can open (RSA-OAEP-256, A256GCM, its key)",
            ),
        })
    }

    /// The data of a submit, and what the state API keeps of it. Data for a destination comes
    /// encrypted to that destination's key, with the metadata and the attachments: the
    /// authority opens them to check them, and only the ciphertext is kept. Plain data is
    /// taken only for a submission without a destination (no place given).
    pub(crate) async fn opened(
        &self,
        record: &SubmissionRecord,
        request: &SubmitSubmission,
    ) -> Result<Opened, Problem> {
        match (&request.encrypted_data, &request.data, &record.authority_id) {
            (Some(sealed), None, Some(destination)) => {
                if request.data_sha512.is_none() {
                    return Err(problem(
                        "/dataSha512",
                        "required",
                        "the SHA-512 of the data comes with encrypted data",
                    ));
                }
                let plaintext = self
                    .open_for(destination, sealed.clone(), "/encryptedData")
                    .await?;
                let data: serde_json::Value = serde_json::from_slice(&plaintext).map_err(|_| {
                    problem("/encryptedData", "not_json", "the plaintext is not JSON")
                })?;
                let data_sha512 = sha512_hex(canonical_json(&data).as_bytes());
                let attachments = match &request.encrypted_metadata {
                    Some(metadata) => {
                        self.checked_attachments(record, destination, metadata, &data_sha512)
                            .await?
                    }
                    None if record.attachments.is_empty() => Vec::new(),
                    None => {
                        return Err(problem(
                            "/encryptedMetadata",
                            "required",
                            "attachments come with the metadata that names their hashes",
                        ))
                    }
                };
                Ok(Opened {
                    data,
                    stored: sealed.clone(),
                    metadata: request.encrypted_metadata.clone(),
                    attachments,
                })
            }
            (None, Some(data), None) => Ok(Opened {
                data: data.clone(),
                stored: canonical_json(data),
                metadata: None,
                attachments: announced_hashes(record),
            }),
            (None, Some(_), Some(_)) => Err(Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ProblemCode::EncryptionRequired.as_str(),
                "Encryption required",
            )
            .detail(
                "this submission goes to an authority: send its data as encryptedData, \
                 encrypted to the key in GET /v1/destinations/{id}/keys",
            )),
            (Some(_), _, None) => Err(problem(
                "/encryptedData",
                "no_destination",
                "a submission without a place has no authority to encrypt for",
            )),
            _ => Err(problem("/data", "required", "either data or encryptedData")),
        }
    }

    /// Opens the metadata and every attachment: the metadata must name the data's hash and
    /// exactly the announced attachments; each attachment must open, hash to what the
    /// metadata says, and be of an accepted media type, size and file name. The attachments'
    /// ids with their plain hashes.
    async fn checked_attachments(
        &self,
        record: &SubmissionRecord,
        destination: &str,
        metadata: &str,
        data_sha512: &str,
    ) -> Result<Vec<(String, String)>, Problem> {
        let metadata = self.metadata_of(destination, metadata).await?;
        if !metadata
            .content_structure
            .data
            .hash
            .content
            .eq_ignore_ascii_case(data_sha512)
        {
            return Err(problem(
                "/encryptedMetadata",
                "hash_mismatch",
                "the metadata names another data hash than the data's",
            ));
        }
        let mut named: Vec<String> = metadata
            .attachment_hashes()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let mut announced: Vec<String> = record
            .attachments
            .iter()
            .map(|a| a.announced.id.clone())
            .collect();
        named.sort();
        announced.sort();
        if named != announced {
            return Err(problem(
                "/encryptedMetadata",
                "attachments_differ",
                "the metadata names other attachments than were announced",
            ));
        }
        let limits = &self.config().limits;
        let mut problems = Vec::new();
        for part in &metadata.content_structure.attachments {
            let id = part.attachment_id.to_ascii_lowercase();
            let field = format!("/attachments/{id}");
            let (sub, att) = (record.id.clone(), id.clone());
            let sealed = self.db(move |s| s.attachment_content(&sub, &att)).await?;
            let token = String::from_utf8(sealed)
                .map_err(|_| problem(&field, "undecryptable", "not a JWE in compact form"))?;
            let plain = match self.open_for(destination, token, &field).await {
                Err(problem) if problem.code == ProblemCode::KeyNotCurrent.as_str() => {
                    // The attachment can never be opened, and the create named its
                    // ciphertext: this start is over, the client starts anew (410 on retry).
                    let sub = record.id.clone();
                    self.db(move |s| s.abandon(&sub)).await?;
                    return Err(problem.detail(
                        "an attachment is encrypted to a key the authority does not hold: \
                         this submission cannot be completed; fetch the keys again, encrypt \
                         anew and start over under a new submission id",
                    ));
                }
                other => other?,
            };
            if !sha512_hex(&plain).eq_ignore_ascii_case(&part.hash.content) {
                problems.push(FieldProblem::new(
                    field.clone(),
                    "hash_mismatch",
                    "the attachment differs from the hash in the metadata",
                ));
            }
            if plain.is_empty() || plain.len() as u64 > limits.max_attachment {
                problems.push(FieldProblem::new(
                    field.clone(),
                    "size_out_of_range",
                    format!("between 1 and {} bytes", limits.max_attachment),
                ));
            }
            if !limits
                .attachment_media_types
                .iter()
                .any(|m| m.eq_ignore_ascii_case(&part.mime_type))
            {
                problems.push(FieldProblem::new(
                    field.clone(),
                    "unsupported_media_type",
                    format!("one of {}", limits.attachment_media_types.join(", ")),
                ));
            }
            if part.filename.trim().is_empty() || part.filename.len() > 255 {
                problems.push(FieldProblem::new(
                    field,
                    "invalid",
                    "a file name of 1 to 255 bytes",
                ));
            }
        }
        if !problems.is_empty() {
            return Err(Problem::validation(problems));
        }
        Ok(metadata.attachment_hashes())
    }

    async fn metadata_of(&self, destination: &str, token: &str) -> Result<Metadata, Problem> {
        let plain = self
            .open_for(destination, token.to_string(), "/encryptedMetadata")
            .await?;
        let metadata: Metadata = serde_json::from_slice(&plain).map_err(|_| {
            problem(
                "/encryptedMetadata",
                "not_metadata",
                "the plaintext is not a metadata document",
            )
        })?;
        if metadata.content_structure.data.hash.kind != domain::metadata::HASH_TYPE {
            return Err(problem(
                "/encryptedMetadata",
                "unsupported_hash",
                "hashes are SHA-512",
            ));
        }
        Ok(metadata)
    }

    /// The attachments a receipt names for a submission already submitted: the plain hashes
    /// in its encrypted metadata, opened again; or the announced ones (no metadata: plain).
    pub(crate) async fn received_attachments(
        &self,
        record: &SubmissionRecord,
    ) -> Result<Vec<(String, String)>, Problem> {
        match (&record.metadata, &record.authority_id) {
            (Some(metadata), Some(destination)) => Ok(self
                .metadata_of(destination, metadata)
                .await?
                .attachment_hashes()),
            _ => Ok(announced_hashes(record)),
        }
    }

    /// A step the receiving authority took, signed by it as a Security Event Token (RFC 8417)
    /// about the citizen's id of the submission. `None` without a destination.
    pub(crate) async fn signed_event(
        &self,
        record: &SubmissionRecord,
        event: &StatusEvent,
    ) -> Result<Option<String>, Problem> {
        let Some(destination) = record.authority_id.clone() else {
            return Ok(None);
        };
        let token = jose::StatusEvent::new(
            &destination,
            &record.key,
            jose::EventDetail {
                status: event.status.as_str().to_string(),
                at: event.at,
                reasons: event.reasons.clone(),
            },
            self.now() / 1000,
            uuid::Uuid::new_v4().to_string(),
        );
        let destinations = self.destinations().clone();
        let signed = tokio::task::spawn_blocking(move || destinations.sign_event(&token))
            .await
            .map_err(|_| Problem::internal())??;
        Ok(Some(signed))
    }

    /// The receipt of a received submission, signed by the receiving authority: which
    /// submission (the citizen's id), where, when, and the hashes of the data and the
    /// attachments that arrived. `None` for a submission without a responsible authority (no
    /// place given): nobody received it who could sign.
    pub(crate) async fn signed_receipt(
        &self,
        record: &SubmissionRecord,
        data_sha512: &str,
        attachments: &[(String, String)],
        now: i64,
    ) -> Result<Option<String>, Problem> {
        let Some(destination) = record.authority_id.clone() else {
            return Ok(None);
        };
        let receipt = jose::Receipt {
            submission: record.key.clone(),
            destination,
            received_at: now,
            data_sha512: data_sha512.to_string(),
            attachments: attachments
                .iter()
                .map(|(id, sha512)| jose::ReceiptAttachment {
                    id: id.clone(),
                    sha512: sha512.clone(),
                })
                .collect(),
            iat: now / 1000,
        };
        // RSA work (and a destination's first key) is CPU: not on the async workers.
        let destinations = self.destinations().clone();
        let signed = tokio::task::spawn_blocking(move || destinations.sign_receipt(&receipt))
            .await
            .map_err(|_| Problem::internal())??;
        Ok(Some(signed))
    }
}
