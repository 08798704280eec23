//! Resumable uploads of a submission's attachments: where an upload stands (`HEAD`) and one
//! chunk (`PATCH` with `Upload-Offset`), checked against the announced size and SHA-512.

use axum::http::StatusCode;
use domain::problem::ProblemCode;

use super::submissions::{already_submitted, expired_problem};
use super::{Backend, Citizen};
use crate::error::{FieldProblem, Problem};
use crate::storage::{Append, Status};
use crate::wire::AttachmentState;

impl Backend {
    /// Where an upload stands (`HEAD` of an attachment).
    pub async fn upload_state(
        &self,
        citizen: &Citizen,
        id: &str,
        attachment: &str,
    ) -> Result<AttachmentState, Problem> {
        let record = self.own_submission(citizen, id).await?;
        let attachment = attachment.to_ascii_lowercase();
        record
            .attachments
            .iter()
            .find(|a| a.announced.id == attachment)
            .map(AttachmentState::from)
            .ok_or_else(not_announced)
    }

    /// `PATCH /v1/submissions/{id}/attachments/{attachmentId}` with `Upload-Offset`.
    pub async fn upload_chunk(
        &self,
        citizen: &Citizen,
        id: &str,
        attachment: &str,
        offset: Option<u64>,
        data: axum::body::Bytes,
    ) -> Result<AttachmentState, Problem> {
        let offset = offset.ok_or_else(|| {
            Problem::bad_request(
                "upload_offset_missing",
                "send Upload-Offset: <bytes already sent>",
            )
        })?;
        let record = self.own_submission(citizen, id).await?;
        if self.is_expired(&record) {
            return Err(expired_problem());
        }
        if record.status != Status::Initiated {
            return Err(already_submitted());
        }
        let attachment = attachment.to_ascii_lowercase();
        let current = record
            .attachments
            .iter()
            .find(|a| a.announced.id == attachment)
            .ok_or_else(not_announced)?;
        if current.complete {
            if offset == current.received && data.is_empty() {
                return Ok(AttachmentState::from(current));
            }
            return Err(Problem::new(
                StatusCode::CONFLICT,
                ProblemCode::AttachmentComplete.as_str(),
                "Attachment complete",
            )
            .detail("this attachment has arrived in full"));
        }
        let size = current.announced.size;
        if offset.saturating_add(data.len() as u64) > size {
            return Err(Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "attachment_too_large",
                "Too large",
            )
            .detail(format!("the announced size is {size} bytes")));
        }
        let (sub, att) = (record.id.clone(), attachment.clone());
        let appended = self
            .db(move |s| s.append_chunk(&sub, &att, offset, &data))
            .await?;
        let received = match appended {
            Append::Appended { received } => received,
            Append::OffsetMismatch { received } => {
                let mut problem = Problem::new(
                    StatusCode::CONFLICT,
                    ProblemCode::UploadOffsetMismatch.as_str(),
                    "Wrong offset",
                )
                .detail(format!(
                    "the server holds {received} bytes; continue from there"
                ));
                problem.upload_offset = Some(received);
                return Err(problem);
            }
        };
        let mut state = AttachmentState::from(current);
        state.received = received;
        if received == size {
            let (sub, att) = (record.id.clone(), attachment.clone());
            let hash = self.db(move |s| s.attachment_sha512(&sub, &att)).await?;
            let (sub, att) = (record.id.clone(), attachment.clone());
            if hash != current.announced.sha512 {
                self.db(move |s| s.reset_attachment(&sub, &att)).await?;
                let mut problem = Problem::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ProblemCode::AttachmentHashMismatch.as_str(),
                    "Attachment damaged",
                )
                .detail(
                    "the SHA-512 of the bytes differs from the announced one; send it again from 0",
                )
                .errors(vec![FieldProblem::new(
                    format!("/attachments/{attachment}"),
                    "hash_mismatch",
                    "SHA-512 differs",
                )]);
                problem.upload_offset = Some(0);
                return Err(problem);
            }
            self.db(move |s| s.complete_attachment(&sub, &att)).await?;
            state.complete = true;
        }
        Ok(state)
    }
}

fn not_announced() -> Problem {
    Problem::not_found().detail("no attachment with this id was announced for this submission")
}
