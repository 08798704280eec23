//! The back office's side of an authority that runs apart (FIT-Connect's subscriber,
//! `crate::subscriber`): it fetches what waits for its decision, only as ciphertext, and posts
//! its signed decision, which is recorded only when it holds under the destination's published
//! key set. The state API never opens what it gives out here.

use axum::http::StatusCode;

use super::Backend;
use crate::error::{FieldProblem, Problem};
use crate::storage::{Status, StatusEvent, SubmissionRecord};
use crate::wire::{Decision, FormRef, SealedAttachment, SealedSubmission, Submission};

/// How far ahead of the state API's clock a decision's time may be (the two clocks differ).
const CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;

fn not_verified(detail: impl Into<String>) -> Problem {
    Problem::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "decision_not_verified",
        "Decision not verified",
    )
    .detail(detail)
}

fn already_decided(status: Status) -> Problem {
    Problem::new(StatusCode::CONFLICT, "already_decided", "Already decided").detail(format!(
        "the submission is {} and no longer waits for the authority's decision",
        status.as_str()
    ))
}

fn not_sealed() -> Problem {
    Problem::new(StatusCode::CONFLICT, "not_sealed", "Nothing sealed").detail(
        "the submission was not submitted sealed for an authority (not submitted yet, or \
         without a place)",
    )
}

impl Backend {
    async fn back_office_record(&self, id: &str) -> Result<SubmissionRecord, Problem> {
        let lookup = id.to_string();
        self.lookup(move |s| s.submission(&lookup))
            .await?
            .ok_or_else(|| Problem::not_found().detail("no such submission"))
    }

    /// `GET /admin/v1/submissions/{id}/sealed`: the parts sealed for the receiving authority,
    /// as they came, with the form the data must follow.
    pub async fn admin_sealed(&self, id: &str) -> Result<SealedSubmission, Problem> {
        let record = self.back_office_record(id).await?;
        let (Some(destination), Some(data_sha512), true) = (
            record.authority_id.clone(),
            record.data_sha512.clone(),
            record.status != Status::Initiated,
        ) else {
            return Err(not_sealed());
        };
        let lookup = record.id.clone();
        let encrypted_data = self
            .db(move |s| s.submission_data(&lookup))
            .await?
            .ok_or_else(not_sealed)?;
        let form = self.form_for(&record);
        let submitted_at = record
            .history
            .iter()
            .find(|e| e.status == Status::Submitted)
            .map(|e| crate::wire::rfc3339(e.at))
            .unwrap_or_default();
        Ok(SealedSubmission {
            submission_id: record.id.clone(),
            citizen_submission_id: record.key.clone(),
            destination,
            service_key: record.service_key.clone(),
            form: form.map(|f| FormRef {
                id: f.definition().id.clone(),
                version: f.definition().version.clone(),
            }),
            form_definition: form.map(|f| f.definition().clone()),
            encrypted_data,
            data_sha512,
            encrypted_metadata: record.metadata.clone(),
            attachments: record
                .attachments
                .iter()
                .map(|a| SealedAttachment {
                    attachment_id: a.announced.id.clone(),
                    size: a.announced.size,
                    sha512: a.announced.sha512.clone(),
                })
                .collect(),
            submitted_at,
        })
    }

    /// `GET /admin/v1/submissions/{id}/attachments/{attachment}`: an attachment's JWE as it
    /// was uploaded, once the submission is submitted sealed.
    pub async fn admin_attachment(&self, id: &str, attachment: &str) -> Result<Vec<u8>, Problem> {
        let record = self.back_office_record(id).await?;
        if record.authority_id.is_none() || record.status == Status::Initiated {
            return Err(not_sealed());
        }
        let attachment = attachment.trim().to_ascii_lowercase();
        if !record
            .attachments
            .iter()
            .any(|a| a.complete && a.announced.id == attachment)
        {
            return Err(Problem::not_found().detail("no such attachment"));
        }
        let sub = record.id.clone();
        self.db(move |s| s.attachment_content(&sub, &attachment))
            .await
    }

    /// `POST /admin/v1/submissions/{id}/decision`: the receiving authority accepts (RECEIVED,
    /// with its receipt) or rejects (REJECTED, with reasons) a submission waiting for it. Its
    /// event, and its receipt, must be signed with a key of the destination's published key
    /// set and name this submission, the receipt the data's hash and exactly its attachments;
    /// posting the decision already recorded again answers as before (a retry), any other
    /// decision on a decided submission is refused.
    pub async fn admin_decide(&self, id: &str, decision: Decision) -> Result<Submission, Problem> {
        let record = self.back_office_record(id).await?;
        let Some(destination) = record.authority_id.clone() else {
            return Err(not_sealed());
        };
        if record.status == Status::Initiated {
            return Err(not_sealed());
        }
        let now = self.now();
        let destinations = self.destinations().clone();
        let keys = tokio::task::spawn_blocking(move || {
            destinations.published_keys(&destination, now / 1000)
        })
        .await
        .map_err(|_| Problem::internal())??;
        let detail = jose::verify_status_event(&decision.signed_event, &keys, &record.key)
            .map_err(|e| not_verified(format!("the signed event: {e}")))?;
        if record
            .history
            .iter()
            .any(|e| e.signed.as_deref() == Some(decision.signed_event.as_str()))
        {
            return Ok(crate::wire::submission_for_back_office(&record));
        }
        if record.status != Status::Submitted {
            return Err(already_decided(record.status));
        }
        let status = match Status::parse(&detail.status) {
            Some(status @ (Status::Received | Status::Rejected)) => status,
            _ => {
                return Err(not_verified(
                    "a decision is RECEIVED or REJECTED; later steps go through /status",
                ))
            }
        };
        if detail.at > now.saturating_add(CLOCK_SKEW_MS) {
            return Err(not_verified("the decision is dated in the future"));
        }
        let receipt = match (status, &decision.receipt) {
            (Status::Received, Some(receipt)) => {
                self.check_receipt(&record, receipt, &keys)?;
                Some(receipt.clone())
            }
            (Status::Received, None) => {
                return Err(Problem::validation(vec![FieldProblem::new(
                    "/receipt",
                    "required",
                    "accepting signs a receipt",
                )]))
            }
            (_, Some(_)) => {
                return Err(Problem::validation(vec![FieldProblem::new(
                    "/receipt",
                    "unexpected",
                    "a rejection has no receipt",
                )]))
            }
            (_, None) if detail.reasons.iter().all(|r| r.trim().is_empty()) => {
                return Err(Problem::validation(vec![FieldProblem::new(
                    "/signedEvent",
                    "reasons_required",
                    "a rejection names its reasons in the signed event",
                )]))
            }
            (_, None) => None,
        };
        let event = StatusEvent {
            status,
            at: detail.at,
            reasons: detail.reasons,
            note: None,
            signed: Some(decision.signed_event),
        };
        let lookup = record.id.clone();
        let recorded = self
            .db(move |s| s.add_status(&lookup, &event, receipt.as_deref(), Some(Status::Submitted)))
            .await;
        if let Err(problem) = recorded {
            if problem.status == StatusCode::CONFLICT.as_u16() {
                // Decided (or withdrawn) meanwhile.
                let now = self.back_office_record(id).await?;
                return Err(already_decided(now.status));
            }
            return Err(problem);
        }
        tracing::info!(
            status = status.as_str(),
            "decision of the receiving authority recorded"
        );
        let after = self.back_office_record(id).await?;
        Ok(crate::wire::submission_for_back_office(&after))
    }

    /// A receipt holds: signed with a key of `keys`, about this submission at its destination,
    /// naming the data's hash the device declared and exactly the announced attachments.
    fn check_receipt(
        &self,
        record: &SubmissionRecord,
        token: &str,
        keys: &jose::DestinationKeys,
    ) -> Result<(), Problem> {
        let receipt = jose::verify_receipt(token, keys)
            .map_err(|e| not_verified(format!("the receipt: {e}")))?;
        if receipt.submission != record.key {
            return Err(not_verified("the receipt is about another submission"));
        }
        if record
            .data_sha512
            .as_deref()
            .is_none_or(|hash| !hash.eq_ignore_ascii_case(&receipt.data_sha512))
        {
            return Err(not_verified(
                "the receipt names another data hash than was submitted",
            ));
        }
        let mut named: Vec<String> = receipt
            .attachments
            .iter()
            .map(|a| a.id.to_ascii_lowercase())
            .collect();
        let mut announced: Vec<String> = record
            .attachments
            .iter()
            .map(|a| a.announced.id.clone())
            .collect();
        named.sort();
        announced.sort();
        if named != announced {
            return Err(not_verified(
                "the receipt names other attachments than were submitted",
            ));
        }
        Ok(())
    }
}
