//! The reference authority: the receiving side of a submission, in this process in the role
//! FIT-Connect gives the subscriber beside the delivery service (or, with
//! [`SubscriberMode::External`], apart from it: then this only checks the form and key ids of
//! what it forwards, and `crate::subscriber` opens and checks). The state API stores and
//! forwards only what the citizen's device encrypted for the authority (the data, the
//! metadata, every attachment); the authority opens them with its own key, which is never
//! stored in the database, checks every attachment against the metadata's hash, media type
//! and size, and the data against the form, and signs its receipt and each of its steps.

use axum::http::StatusCode;
use domain::metadata::Metadata;
use domain::problem::ProblemCode;

use super::{canonical_json, checks, sha512_hex, Backend};
use crate::config::SubscriberMode;
use crate::error::{FieldProblem, Problem};
use crate::storage::{StatusEvent, SubmissionRecord};
use crate::wire::SubmitSubmission;

/// What the authority found on opening a submission.
pub(crate) struct Opened {
    /// The data, when the authority in this process opened it; `None` when it was sealed for
    /// an authority that runs apart ([`SubscriberMode::External`]), which opens it itself.
    pub data: Option<serde_json::Value>,
    /// The SHA-512 of the data's canonical JSON: computed from the opened data, or as the
    /// device declared it (checked by the authority apart, before it signs a receipt).
    pub data_sha512: String,
    /// What the state API keeps of the data: the JWE, or the canonical JSON of plain data
    /// (no destination).
    pub stored: String,
    /// The encrypted metadata to keep.
    pub metadata: Option<String>,
    /// Each attachment's id with the SHA-512 of its plain bytes: what the receipt names
    /// (empty when the authority runs apart).
    pub attachments: Vec<(String, String)>,
}

fn problem(field: &str, code: &str, detail: &str) -> Problem {
    Problem::validation(vec![FieldProblem::new(field, code, detail)])
}

fn refused(problem: FieldProblem) -> Problem {
    Problem::validation(vec![problem])
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

    /// Checks, without opening it, that `token` is a JWE in compact form to a key
    /// `destination` holds (current or retired): what a state API that only forwards can
    /// know of it.
    async fn sealed_for(&self, destination: &str, token: &str, field: &str) -> Result<(), Problem> {
        let kid = checks::sealed_form(token).ok_or_else(|| {
            problem(
                field,
                "undecryptable",
                "not a JWE in compact form naming the receiving authority's key (kid)",
            )
        })?;
        let (destinations, destination) = (self.destinations().clone(), destination.to_string());
        let holds = tokio::task::spawn_blocking(move || destinations.holds_key(&destination, &kid))
            .await
            .map_err(|_| Problem::internal())??;
        if holds {
            Ok(())
        } else {
            Err(not_current())
        }
    }

    /// An attachment the authority can never open (sealed to a key it does not hold), and the
    /// create named its ciphertext: this start is over (410 on retry), the client starts anew.
    async fn end_start(&self, record: &SubmissionRecord, problem: Problem) -> Problem {
        let sub = record.id.clone();
        if let Err(failed) = self.db(move |s| s.abandon(&sub)).await {
            return failed;
        }
        problem.detail(
            "an attachment is encrypted to a key the authority does not hold: this submission \
             cannot be completed; fetch the keys again, encrypt anew and start over under a \
             new submission id",
        )
    }

    /// The data of a submit, and what the state API keeps of it. Data for a destination comes
    /// encrypted to that destination's key, with the metadata and the attachments: the
    /// authority in this process opens them to check them, an authority apart gets them as
    /// they came; only the ciphertext is kept. Plain data is taken only for a submission
    /// without a destination (no place given).
    pub(crate) async fn opened(
        &self,
        record: &SubmissionRecord,
        request: &SubmitSubmission,
    ) -> Result<Opened, Problem> {
        match (&request.encrypted_data, &request.data, &record.authority_id) {
            (Some(sealed), None, Some(destination)) => {
                let Some(declared) = &request.data_sha512 else {
                    return Err(problem(
                        "/dataSha512",
                        "required",
                        "the SHA-512 of the data comes with encrypted data",
                    ));
                };
                let metadata = request.encrypted_metadata.as_deref();
                if metadata.is_none() && !record.attachments.is_empty() {
                    return Err(problem(
                        "/encryptedMetadata",
                        "required",
                        "attachments come with the metadata that names their hashes",
                    ));
                }
                if self.config().subscriber == SubscriberMode::External {
                    return self
                        .forwarded(record, destination, sealed, declared, metadata)
                        .await;
                }
                let plaintext = self
                    .open_for(destination, sealed.clone(), "/encryptedData")
                    .await?;
                let (data, data_sha512) = checks::data_of(&plaintext).map_err(refused)?;
                let attachments = match metadata {
                    Some(metadata) => {
                        self.checked_attachments(record, destination, metadata, &data_sha512)
                            .await?
                    }
                    None => Vec::new(),
                };
                Ok(Opened {
                    data: Some(data),
                    data_sha512,
                    stored: sealed.clone(),
                    metadata: metadata.map(str::to_string),
                    attachments,
                })
            }
            (None, Some(data), None) => Ok(Opened {
                data: Some(data.clone()),
                data_sha512: sha512_hex(canonical_json(data).as_bytes()),
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

    /// A sealed submit for an authority that runs apart: kept as it came, after a check of
    /// the form and the key id of every sealed part (data, metadata, attachments); the
    /// authority opens them when it fetches them from the back office.
    async fn forwarded(
        &self,
        record: &SubmissionRecord,
        destination: &str,
        sealed: &str,
        declared: &str,
        metadata: Option<&str>,
    ) -> Result<Opened, Problem> {
        let declared = declared.to_ascii_lowercase();
        if declared.len() != 128 || !declared.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(problem("/dataSha512", "not_a_sha512", "128 hex digits"));
        }
        self.sealed_for(destination, sealed, "/encryptedData")
            .await?;
        if let Some(metadata) = metadata {
            self.sealed_for(destination, metadata, "/encryptedMetadata")
                .await?;
        }
        for attachment in &record.attachments {
            let id = attachment.announced.id.clone();
            let field = format!("/attachments/{id}");
            let sub = record.id.clone();
            let content = self.db(move |s| s.attachment_content(&sub, &id)).await?;
            let token = String::from_utf8(content)
                .map_err(|_| problem(&field, "undecryptable", "not a JWE in compact form"))?;
            match self.sealed_for(destination, &token, &field).await {
                Err(refusal) if refusal.code == ProblemCode::KeyNotCurrent.as_str() => {
                    return Err(self.end_start(record, refusal).await);
                }
                other => other?,
            }
        }
        Ok(Opened {
            data: None,
            data_sha512: declared,
            stored: sealed.to_string(),
            metadata: metadata.map(str::to_string),
            attachments: Vec::new(),
        })
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
        let announced: Vec<String> = record
            .attachments
            .iter()
            .map(|a| a.announced.id.clone())
            .collect();
        checks::metadata_matches(&metadata, data_sha512, &announced).map_err(refused)?;
        let limits = &self.config().limits;
        let mut problems = Vec::new();
        for part in &metadata.content_structure.attachments {
            let field = checks::attachment_field(part);
            let (sub, att) = (record.id.clone(), part.attachment_id.to_ascii_lowercase());
            let sealed = self.db(move |s| s.attachment_content(&sub, &att)).await?;
            let token = String::from_utf8(sealed)
                .map_err(|_| problem(&field, "undecryptable", "not a JWE in compact form"))?;
            let plain = match self.open_for(destination, token, &field).await {
                Err(refusal) if refusal.code == ProblemCode::KeyNotCurrent.as_str() => {
                    return Err(self.end_start(record, refusal).await);
                }
                other => other?,
            };
            problems.extend(checks::attachment_problems(part, &plain, limits));
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
        checks::metadata_of(&plain).map_err(refused)
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
        let token = super::destinations::step_event(
            &destination,
            &record.key,
            event.status.as_str(),
            event.at,
            event.reasons.clone(),
            self.now(),
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
        let receipt =
            super::destinations::receipt(&record.key, &destination, data_sha512, attachments, now);
        // RSA work (and a destination's first key) is CPU: not on the async workers.
        let destinations = self.destinations().clone();
        let signed = tokio::task::spawn_blocking(move || destinations.sign_receipt(&receipt))
            .await
            .map_err(|_| Problem::internal())??;
        Ok(Some(signed))
    }
}
