//! Answering the authority (#18): a citizen's reply to an application the authority needs
//! something for (ACTION_REQUIRED), idempotent by the client's reply id; and the documents
//! an authority's message carries.
//!
//! Where an authority receives the application, the reply arrives encrypted to its key: the
//! reference authority (in this process, in the subscriber's role) opens it to check it, and
//! only the ciphertext is kept. It never logs what a reply says.

use axum::http::StatusCode;
use base64::Engine;
use domain::problem::ProblemCode;
use domain::reply::{ReplyContent, ReplyProblem};

use super::submissions::Stored;
use super::{sha256_hex, sha512_hex, Backend, Citizen};
use crate::error::{FieldProblem, Problem};
use crate::storage::{
    DocumentRecord, ReplyRecord, Status, StatusEvent, StoredResponse, SubmissionRecord,
};
use crate::wire::{rfc3339, DocumentInfo, NewDocument, NewReply, ReceivedReply, ReplyReceipt};

/// Most documents on one message of an authority.
pub const MAX_MESSAGE_DOCUMENTS: usize = 5;
/// The largest document on a message of an authority.
pub const MAX_MESSAGE_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

fn invalid(field: &str, code: &str, detail: &str) -> Problem {
    Problem::validation(vec![FieldProblem::new(field, code, detail)])
}

fn not_awaiting(status: Status) -> Problem {
    Problem::new(
        StatusCode::CONFLICT,
        ProblemCode::NotAwaitingReply.as_str(),
        "No answer awaited",
    )
    .detail(format!(
        "an application in status {} does not wait for an answer",
        status.as_str()
    ))
}

/// The problems of a reply's content: the rules of `domain::reply`, and each document's
/// bytes against the size and hash it names.
fn check_content(content: &ReplyContent, submission: &SubmissionRecord) -> Vec<FieldProblem> {
    let mut problems: Vec<FieldProblem> = content
        .problems()
        .iter()
        .map(|p| {
            let field = match p {
                ReplyProblem::Empty | ReplyProblem::TextTooLong => "/text",
                _ => "/documents",
            };
            FieldProblem::new(field, p.message_id(), p.message_id())
        })
        .collect();
    if content.submission_id != submission.key {
        problems.push(FieldProblem::new(
            "/submissionId",
            "other_submission",
            "the reply names another application",
        ));
    }
    for (i, document) in content.documents.iter().enumerate() {
        let bytes = base64::engine::general_purpose::STANDARD.decode(&document.content);
        let holds = bytes.as_ref().is_ok_and(|b| {
            b.len() as u64 == document.size && sha512_hex(b).eq_ignore_ascii_case(&document.sha512)
        });
        if !holds {
            problems.push(FieldProblem::new(
                format!("/documents/{i}"),
                "document_mismatch",
                "the bytes are not base64 of the named size and SHA-512",
            ));
        }
    }
    problems
}

impl Backend {
    /// `POST /v1/submissions/{id}/replies`.
    pub async fn reply(
        &self,
        citizen: &Citizen,
        id: &str,
        key: Option<&str>,
        body: &[u8],
    ) -> Result<Stored, Problem> {
        let key = super::idempotency_key(key, "reply")?;
        let request: NewReply =
            serde_json::from_slice(body).map_err(|e| Problem::malformed_json(&e))?;
        let record = self.own_submission(citizen, id).await?;
        // New ciphertext of the same reply is the same request.
        let fingerprint = sha256_hex(
            format!(
                "POST reply {} {}",
                record.id,
                request.reply_sha512.to_ascii_lowercase()
            )
            .as_bytes(),
        );
        let subject = citizen.subject.clone();
        let Some(_guard) = self.begin(format!("reply:{subject}:{key}")).await? else {
            return Err(super::key_in_flight());
        };
        let (lookup, who) = (key.clone(), subject.clone());
        if let Some(stored) = self
            .lookup(move |s| s.idempotent_response("reply", &who, &lookup))
            .await?
        {
            if stored.fingerprint != fingerprint {
                return Err(super::key_reused("reply"));
            }
            return Ok(Stored {
                status: stored.status,
                body: stored.body,
                replayed: true,
            });
        }
        if record.status != Status::ActionRequired {
            return Err(not_awaiting(record.status));
        }
        let (content, kept, sealed) = self.opened_reply(&record, &request).await?;
        let hash = sha512_hex(
            domain::receipt::canonical_json(
                &serde_json::to_value(&content).map_err(|_| Problem::internal())?,
            )
            .as_bytes(),
        );
        if !hash.eq_ignore_ascii_case(&request.reply_sha512) {
            return Err(invalid(
                "/replySha512",
                "hash_mismatch",
                "the reply does not hash to replySha512",
            ));
        }
        let problems = check_content(&content, &record);
        if !problems.is_empty() {
            return Err(Problem::validation(problems));
        }
        // The authority takes the answer up again: its step, signed by it.
        let mut event = StatusEvent {
            status: Status::Processing,
            at: self.now(),
            reasons: Vec::new(),
            note: None,
            signed: None,
        };
        event.signed = self.signed_event(&record, &event).await?;
        let reply = ReplyRecord {
            id: uuid::Uuid::new_v4().to_string(),
            submission_id: record.id.clone(),
            subject: subject.clone(),
            key,
            content: kept,
            sealed,
            received_at: event.at,
        };
        let (template, answered) = (record.clone(), event.clone());
        let (reply_id, received_at) = (reply.id.clone(), reply.received_at);
        let respond = move |cursor: i64| {
            let mut after = template.clone();
            after.status = answered.status;
            after.cursor = cursor;
            after.history.push(answered.clone());
            let receipt = ReplyReceipt {
                reply_id: reply_id.clone(),
                received_at: rfc3339(received_at),
                reply_sha512: hash.clone(),
                submission: crate::wire::Submission::from(&after),
            };
            let body = serde_json::to_string(&receipt)
                .map_err(|e| crate::error::Error::Task(e.to_string()))?;
            Ok(StoredResponse {
                subject: subject.clone(),
                fingerprint: fingerprint.clone(),
                status: 201,
                body,
            })
        };
        let stored = self
            .db(move |s| s.add_reply(&reply, &event, &respond))
            .await?;
        let Some(stored) = stored else {
            // The back office moved it on between the check and the write.
            return Err(not_awaiting(Status::Processing));
        };
        tracing::info!("reply received for the authority");
        Ok(Stored {
            status: stored.status,
            body: stored.body,
            replayed: false,
        })
    }

    /// The reply's content as the authority reads it, what the state API keeps (the JWE, or
    /// the plain JSON without a destination), and whether it came sealed.
    async fn opened_reply(
        &self,
        record: &SubmissionRecord,
        request: &NewReply,
    ) -> Result<(ReplyContent, String, bool), Problem> {
        match (
            &request.encrypted_reply,
            &request.reply,
            &record.authority_id,
        ) {
            (Some(token), None, Some(destination)) => {
                let bytes = self
                    .open_for(destination, token.clone(), "/encryptedReply")
                    .await?;
                let content: ReplyContent = serde_json::from_slice(&bytes).map_err(|_| {
                    invalid(
                        "/encryptedReply",
                        "not_a_reply",
                        "the opened reply is not a reply document",
                    )
                })?;
                Ok((content, token.clone(), true))
            }
            (None, Some(content), None) => {
                let kept = serde_json::to_string(content).map_err(|_| Problem::internal())?;
                Ok((content.clone(), kept, false))
            }
            (None, Some(_), Some(_)) => Err(Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ProblemCode::EncryptionRequired.as_str(),
                "Encryption required",
            )
            .detail("a reply to an authority must be encrypted to its key (encryptedReply)")),
            _ => Err(invalid(
                "/reply",
                "required",
                "exactly one of encryptedReply (with a destination) or reply",
            )),
        }
    }

    /// Back office: the replies to a submission, as the reference authority opens them.
    pub async fn admin_replies(&self, id: &str) -> Result<Vec<ReceivedReply>, Problem> {
        let lookup = id.to_string();
        let record = self
            .lookup(move |s| s.submission(&lookup))
            .await?
            .ok_or_else(|| Problem::not_found().detail("no such submission"))?;
        let lookup = record.id.clone();
        let replies = self.db(move |s| s.replies(&lookup)).await?;
        let mut opened = Vec::new();
        for reply in replies {
            let content: ReplyContent = if reply.sealed {
                let destination = record.authority_id.clone().unwrap_or_default();
                let bytes = self
                    .open_for(&destination, reply.content.clone(), "/encryptedReply")
                    .await?;
                serde_json::from_slice(&bytes).map_err(|_| Problem::internal())?
            } else {
                serde_json::from_str(&reply.content).map_err(|_| Problem::internal())?
            };
            opened.push(ReceivedReply {
                reply_id: reply.id,
                received_at: rfc3339(reply.received_at),
                sealed: reply.sealed,
                text: content.text,
                documents: content
                    .documents
                    .iter()
                    .enumerate()
                    .map(|(i, d)| DocumentInfo {
                        document_id: i.to_string(),
                        name: d.name.clone(),
                        media_type: d.media_type.clone(),
                        size: d.size,
                        sha512: d.sha512.clone(),
                    })
                    .collect(),
            });
        }
        Ok(opened)
    }

    /// `GET /v1/messages/{id}/documents/{document}`: one document of the citizen's message.
    pub async fn message_document(
        &self,
        citizen: &Citizen,
        message: &str,
        document: &str,
    ) -> Result<DocumentRecord, Problem> {
        let (subject, message, document) = (
            citizen.subject.clone(),
            message.to_string(),
            document.to_string(),
        );
        self.db(move |s| s.message_document(&subject, &message, &document))
            .await?
            .ok_or_else(|| Problem::not_found().detail("no such document"))
    }
}

/// The documents of a back office's message, checked and hashed.
pub(crate) fn message_documents(documents: &[NewDocument]) -> Result<Vec<DocumentRecord>, Problem> {
    if documents.len() > MAX_MESSAGE_DOCUMENTS {
        return Err(invalid(
            "/documents",
            "too_many",
            "at most 5 documents on a message",
        ));
    }
    documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let field = format!("/documents/{i}");
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(&d.content)
                .map_err(|_| invalid(&field, "not_base64", "content is not standard base64"))?;
            if bytes.is_empty() || bytes.len() > MAX_MESSAGE_DOCUMENT_BYTES {
                return Err(invalid(&field, "size", "1 byte to 10 MB"));
            }
            if !domain::reply::accepts(&d.media_type) {
                return Err(invalid(&field, "media_type", "PDF, JPEG or PNG"));
            }
            if d.name.trim().is_empty() || d.name.chars().count() > 200 {
                return Err(invalid(&field, "name", "a name of 1 to 200 characters"));
            }
            Ok(DocumentRecord {
                id: uuid::Uuid::new_v4().to_string(),
                name: d.name.trim().to_string(),
                media_type: d.media_type.clone(),
                size: bytes.len() as u64,
                sha512: sha512_hex(&bytes),
                content: bytes,
            })
        })
        .collect()
}
