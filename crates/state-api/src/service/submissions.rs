//! Submissions, shaped like FIT-Connect: create (idempotent, announcing attachments), upload
//! attachments in resumable chunks checked by SHA-512, submit (refused while an attachment is
//! missing, validated), read the status history.
//!
//! Idempotency follows draft-ietf-httpapi-idempotency-key-header-07: a missing key is 400, a
//! key whose first request is still running is 409, a key reused with another body is 422,
//! otherwise the first answer is replayed. Keys are kept for good and belong to the citizen who
//! used them: another citizen's use of the same UUID is another submission, and nothing about
//! it shows (no "used with another body" oracle, no claiming of a UUID). Every lookup is scoped
//! to the citizen: another citizen's submission is "not found".

use axum::http::StatusCode;
use domain::problem::ProblemCode;

use super::validation::validate_data;
use super::{canonical_json, checks, sha256_hex, Backend, Citizen};
use crate::error::{FieldProblem, Problem};
use crate::storage::SubmissionRecord;
use crate::storage::{
    Announced, Arrival, Created, NewSubmission, Status, StatusEvent, StoredResponse,
};
use crate::wire::{
    AttachmentState, CreateSubmission, Submission, SubmissionPage, SubmitSubmission,
};

/// A stored answer for an idempotent request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub status: u16,
    pub body: String,
    /// True when this is a replay of an earlier answer.
    pub replayed: bool,
}

/// The state of an upload after a chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadState {
    pub attachment: AttachmentState,
}

const PAGE: usize = 100;

fn is_uuid(text: &str) -> bool {
    uuid::Uuid::parse_str(text).is_ok() && text.len() == 36
}

fn is_sha512_hex(text: &str) -> bool {
    text.len() == 128
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// An 8-digit AGS from an 8-digit AGS or a 12-digit ARS.
pub fn ags_of(ars: &str) -> Option<String> {
    if !ars.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match ars.len() {
        8 => Some(ars.to_string()),
        12 => Some(format!("{}{}", &ars[..5], &ars[9..])),
        _ => None,
    }
}

/// The largest JWE (compact form) of an attachment of `plain` bytes: base64url of the
/// ciphertext plus the header, the wrapped key (up to RSA-8192), the IV and the tag.
pub(crate) fn sealed_size(plain: u64) -> u64 {
    plain.div_ceil(3).saturating_mul(4).saturating_add(4096)
}

pub(super) fn expired_problem() -> Problem {
    Problem::new(StatusCode::GONE, "submission_expired", "Submission expired").detail(
        "this submission was never submitted and its time ran out; start over with a new \
         submission id",
    )
}

fn serialize<T: serde::Serialize>(value: &T) -> Result<String, crate::error::Error> {
    serde_json::to_string(value).map_err(|e| crate::error::Error::Task(format!("serialize: {e}")))
}

impl Backend {
    pub(super) fn is_expired(&self, record: &SubmissionRecord) -> bool {
        record.expired || record.expires_at.is_some_and(|at| at <= self.now())
    }

    /// The citizen's own submission, or 404 (also for other citizens' submissions).
    pub(crate) async fn own_submission(
        &self,
        citizen: &Citizen,
        id: &str,
    ) -> Result<SubmissionRecord, Problem> {
        let (subject, key) = (citizen.subject.clone(), id.trim().to_ascii_lowercase());
        let record = self
            .lookup(move |s| s.citizen_submission(&subject, &key))
            .await?;
        match record {
            Some(record) if record.subject == citizen.subject => Ok(record),
            _ => Err(Problem::not_found().detail("no such submission")),
        }
    }

    /// The announced attachments' problems. `sealed`: an authority receives them, so they
    /// come encrypted (sizes and hashes of the JWE) and their names and media types only in
    /// the encrypted metadata.
    fn check_announcements(&self, request: &CreateSubmission, sealed: bool) -> Vec<FieldProblem> {
        let limits = &self.config().limits;
        let mut problems = Vec::new();
        if request.announced_attachments.len() > limits.max_attachments {
            problems.push(FieldProblem::new(
                "/announcedAttachments",
                "too_many",
                format!("at most {} attachments", limits.max_attachments),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, a) in request.announced_attachments.iter().enumerate() {
            let at = |field: &str| format!("/announcedAttachments/{i}/{field}");
            if !is_uuid(&a.attachment_id) {
                problems.push(FieldProblem::new(
                    at("attachmentId"),
                    "not_a_uuid",
                    "a UUID",
                ));
            } else if !seen.insert(a.attachment_id.to_ascii_lowercase()) {
                problems.push(FieldProblem::new(
                    at("attachmentId"),
                    "duplicate",
                    "ids differ",
                ));
            }
            let max = if sealed {
                sealed_size(limits.max_attachment)
            } else {
                limits.max_attachment
            };
            if a.size == 0 || a.size > max {
                problems.push(FieldProblem::new(
                    at("size"),
                    "size_out_of_range",
                    format!("between 1 and {max} bytes"),
                ));
            }
            if !is_sha512_hex(&a.sha512) {
                problems.push(FieldProblem::new(
                    at("sha512"),
                    "not_a_sha512",
                    "128 hex digits",
                ));
            }
            if sealed {
                for (field, value) in [("filename", &a.filename), ("mediaType", &a.media_type)] {
                    if !value.is_empty() {
                        problems.push(FieldProblem::new(
                            at(field),
                            ProblemCode::EncryptionRequired.as_str(),
                            "for an authority, only in the encrypted metadata",
                        ));
                    }
                }
                continue;
            }
            if !limits
                .attachment_media_types
                .iter()
                .any(|m| m.eq_ignore_ascii_case(&a.media_type))
            {
                problems.push(FieldProblem::new(
                    at("mediaType"),
                    "unsupported_media_type",
                    format!("one of {}", limits.attachment_media_types.join(", ")),
                ));
            }
            if a.filename.trim().is_empty() || a.filename.len() > 255 {
                problems.push(FieldProblem::new(
                    at("filename"),
                    "invalid",
                    "1 to 255 bytes",
                ));
            }
        }
        problems
    }

    /// `POST /v1/submissions`.
    pub async fn create_submission(
        &self,
        citizen: &Citizen,
        key: Option<&str>,
        body: &[u8],
    ) -> Result<Stored, Problem> {
        let key = super::idempotency_key(key, "submission")?;
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| Problem::malformed_json(&e))?;
        let fingerprint =
            sha256_hex(format!("POST /v1/submissions {}", canonical_json(&value)).as_bytes());
        let Some(_guard) = self
            .begin(format!("create:{}:{key}", citizen.subject))
            .await?
        else {
            return Err(super::key_in_flight());
        };
        let delay = self.config().debug_create_delay;
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let (subject, lookup) = (citizen.subject.clone(), key.clone());
        if let Some(stored) = self
            .lookup(move |s| s.idempotent_response("create", &subject, &lookup))
            .await?
        {
            if stored.fingerprint != fingerprint {
                return Err(super::key_reused("submission"));
            }
            let (subject, lookup) = (citizen.subject.clone(), key.clone());
            let record = self
                .lookup(move |s| s.citizen_submission(&subject, &lookup))
                .await?;
            if record.as_ref().is_some_and(|r| self.is_expired(r)) {
                return Err(expired_problem());
            }
            return Ok(Stored {
                status: stored.status,
                body: stored.body,
                replayed: true,
            });
        }
        let request: CreateSubmission =
            serde_json::from_value(value).map_err(|e| Problem::invalid_body(&e))?;
        let mut problems = Vec::new();
        let catalog = &self.config().catalog;
        let service = catalog.service(&request.service_key);
        if service.is_none() {
            problems.push(FieldProblem::new(
                "/serviceKey",
                "unknown_service",
                "a LeiKa key of the catalog",
            ));
        }
        let form = match service {
            Some(service) => self.form_of_service(service, request.form.as_ref(), &mut problems),
            None => None,
        };
        let ags = match &request.ars {
            Some(ars) => match ags_of(ars) {
                Some(ags) => Some(ags),
                None => {
                    problems.push(FieldProblem::new(
                        "/ars",
                        "invalid",
                        "an 8-digit AGS or 12-digit ARS",
                    ));
                    None
                }
            },
            None => None,
        };
        let authority_id = match (service, &ags) {
            (Some(service), Some(ags)) => catalog
                .authority_index()
                .responsible_for(service, ags)
                .map(|a| a.id.clone()),
            _ => None,
        };
        problems.extend(self.check_announcements(&request, authority_id.is_some()));
        if !problems.is_empty() {
            return Err(Problem::validation(problems));
        }
        // Attachments are encrypted on the device for the authority it was told is
        // responsible: for another one they could not be opened.
        let sealed_for_another = match (&request.destination, &authority_id) {
            (Some(named), Some(responsible)) => named != responsible,
            (Some(_), None) => true,
            (None, Some(_)) => !request.announced_attachments.is_empty(),
            (None, None) => false,
        };
        if sealed_for_another {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                ProblemCode::DestinationMismatch.as_str(),
                "Destination mismatch",
            )
            .detail(format!(
                "the responsible authority is {}: ask GET /v1/authorities?ars=&leika= and \
                 encrypt for it",
                authority_id.as_deref().unwrap_or("none (no place given)")
            )));
        }
        let now = self.now();
        let ttl = i64::try_from(self.config().submission_ttl.as_millis()).unwrap_or(i64::MAX);
        let new = NewSubmission {
            id: key.clone(),
            spare_id: uuid::Uuid::new_v4().to_string(),
            key: key.clone(),
            subject: citizen.subject.clone(),
            service_key: request.service_key.clone(),
            ars: request.ars.clone(),
            authority_id,
            form_id: form.map(|f| f.definition().id.clone()),
            form_version: form.map(|f| f.definition().version.clone()),
            attachments: request
                .announced_attachments
                .iter()
                .map(|a| Announced {
                    id: a.attachment_id.to_ascii_lowercase(),
                    filename: a.filename.clone(),
                    media_type: a.media_type.to_ascii_lowercase(),
                    size: a.size,
                    sha512: a.sha512.clone(),
                })
                .collect(),
            created_at: now,
            expires_at: now.saturating_add(ttl),
        };
        let (subject, lookup) = (citizen.subject.clone(), key.clone());
        let exists = self
            .lookup(move |s| s.citizen_submission(&subject, &lookup))
            .await?;
        if exists.is_some() {
            return Err(super::key_reused("submission"));
        }
        let record = record_of_new(&new);
        let subject = citizen.subject.clone();
        let respond = move |cursor: i64| {
            let mut record = record.clone();
            record.cursor = cursor;
            Ok(StoredResponse {
                subject: subject.clone(),
                fingerprint: fingerprint.clone(),
                status: StatusCode::CREATED.as_u16(),
                body: serialize(&Submission::from(&record))?,
            })
        };
        let announced: u64 = new.attachments.iter().map(|a| a.size).sum();
        let (quota, next_day) = self.quota_now()?;
        let created = self
            .write(move |s| s.create_submission(&new, &quota, &respond))
            .await?;
        let stored = match created {
            Created::Stored(stored) => stored,
            Created::OverDailyQuota { .. } => {
                tracing::info!("daily submission quota reached");
                return Err(self.over_daily_quota(quota.per_day, next_day));
            }
            Created::OverAttachmentQuota { held } => {
                tracing::info!("attachment storage quota reached");
                return Err(self.over_attachment_quota(held, announced));
            }
        };
        tracing::debug!(service = %request.service_key, "submission created");
        Ok(Stored {
            status: stored.status,
            body: stored.body,
            replayed: false,
        })
    }

    /// `GET /v1/submissions/{id}`.
    pub async fn submission(&self, citizen: &Citizen, id: &str) -> Result<Submission, Problem> {
        let mut record = self.own_submission(citizen, id).await?;
        record.expired = self.is_expired(&record);
        Ok(Submission::from(&record))
    }

    /// `POST /v1/submissions/{id}/withdrawal`: the citizen withdraws a sent application. Only
    /// their own, only once it is submitted and until the authority decided; withdrawing a
    /// withdrawn application again answers the same (a retry after a lost answer is safe).
    pub async fn withdraw(&self, citizen: &Citizen, id: &str) -> Result<Submission, Problem> {
        let record = self.own_submission(citizen, id).await?;
        if record.status != Status::Withdrawn {
            if !record.status.can_be_withdrawn() {
                return Err(Problem::new(
                    StatusCode::CONFLICT,
                    ProblemCode::NotWithdrawable.as_str(),
                    "Cannot be withdrawn",
                )
                .detail(format!(
                    "an application in status {} cannot be withdrawn",
                    record.status.as_str()
                )));
            }
            let event = StatusEvent {
                status: Status::Withdrawn,
                at: self.now(),
                reasons: Vec::new(),
                note: None,
                signed: None,
            };
            let (key, from) = (record.id.clone(), record.status);
            self.db(move |s| s.add_status(&key, &event, None, Some(from)))
                .await?;
            tracing::info!("application withdrawn by the citizen");
        }
        self.submission(citizen, &record.id).await
    }

    /// `GET /v1/submissions?since=`.
    pub async fn submissions_since(
        &self,
        citizen: &Citizen,
        since: i64,
    ) -> Result<SubmissionPage, Problem> {
        let subject = citizen.subject.clone();
        let records = self
            .lookup(move |s| s.submissions_changed(&subject, since, PAGE))
            .await?;
        let cursor = records.iter().map(|r| r.cursor).max().unwrap_or(since);
        let more = records.len() == PAGE;
        let items = records
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.expired = self.is_expired(&r);
                Submission::from(&r)
            })
            .collect();
        Ok(SubmissionPage {
            items,
            cursor,
            more,
        })
    }

    /// `POST /v1/submissions/{id}/submit`: repeatable; the same body gives the same answer.
    pub async fn submit(
        &self,
        citizen: &Citizen,
        id: &str,
        body: &[u8],
    ) -> Result<Stored, Problem> {
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| Problem::malformed_json(&e))?;
        let record = self.own_submission(citizen, id).await?;
        let id = record.id.clone();
        // Encrypted data is new ciphertext on every retry: the same submit is the same hash of
        // the data it carries.
        let fingerprint = match value.get("encryptedData") {
            Some(_) => sha256_hex(
                format!(
                    "POST submit sealed {}",
                    value
                        .get("dataSha512")
                        .map(canonical_json)
                        .unwrap_or_default()
                )
                .as_bytes(),
            ),
            None => sha256_hex(format!("POST submit {}", canonical_json(&value)).as_bytes()),
        };
        let Some(_guard) = self.begin(format!("submit:{id}")).await? else {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                ProblemCode::SubmitInFlight.as_str(),
                "Request in progress",
            )
            .detail("this submission is being submitted; retry later"));
        };
        let (scope, subject) = (format!("submit:{id}"), citizen.subject.clone());
        if let Some(stored) = self
            .lookup(move |s| s.idempotent_response(&scope, &subject, "submit"))
            .await?
        {
            if stored.fingerprint != fingerprint {
                return Err(Problem::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ProblemCode::AlreadySubmitted.as_str(),
                    "Already submitted",
                )
                .detail("this submission was submitted with other data"));
            }
            // The submission as it stands now, not as it stood then: a step taken since the
            // first answer (the authority's decision, which an authority apart takes later)
            // must not look undone to a client whose first answer was lost.
            let mut now = self.own_submission(citizen, &record.key).await?;
            now.expired = self.is_expired(&now);
            return Ok(Stored {
                status: stored.status,
                body: serialize(&Submission::from(&now))?,
                replayed: true,
            });
        }
        if self.is_expired(&record) {
            return Err(expired_problem());
        }
        if record.status != Status::Initiated {
            return Err(already_submitted());
        }
        let request: SubmitSubmission =
            serde_json::from_value(value).map_err(|e| Problem::invalid_body(&e))?;
        let missing: Vec<FieldProblem> = record
            .attachments
            .iter()
            .filter(|a| !a.complete)
            .map(|a| {
                FieldProblem::new(
                    format!("/attachments/{}", a.announced.id),
                    "missing",
                    format!("{} of {} bytes received", a.received, a.announced.size),
                )
            })
            .collect();
        if !missing.is_empty() {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                ProblemCode::AttachmentsMissing.as_str(),
                "Attachments missing",
            )
            .detail("upload every announced attachment before submitting")
            .errors(missing));
        }
        let opened = self.opened(&record, &request).await?;
        let data_sha512 = opened.data_sha512.clone();
        // The authority in this process checks what it opened; one apart (the data stays
        // sealed here) checks when it fetches it, and decides through the back office.
        let decided_here = opened.data.is_some();
        if let Some(data) = &opened.data {
            let mut problems = Vec::new();
            problems.extend(checks::declared_hash(
                request.data_sha512.as_deref(),
                &data_sha512,
            ));
            problems.extend(validate_data(self.form_for(&record), data, self.today()));
            if !problems.is_empty() {
                return Err(Problem::validation(problems));
            }
        }
        // The plaintext goes now: only the ciphertext is kept.
        let super::authority::Opened {
            stored,
            metadata,
            attachments,
            ..
        } = opened;
        let now = self.now();
        let mut events = vec![StatusEvent {
            status: Status::Submitted,
            at: now,
            reasons: vec![],
            note: None,
            signed: None,
        }];
        if self.config().auto_receive && decided_here {
            // No note: the citizen reads the step's note on the timeline, and what the
            // authority accepted (the hashes of the data and of each attachment) is in its
            // signed receipt, which the app checks and shows.
            let mut received = StatusEvent {
                status: Status::Received,
                at: now,
                reasons: vec![],
                note: None,
                signed: None,
            };
            received.signed = self.signed_event(&record, &received).await?;
            events.push(received);
        }
        let receipt = match events.last().map(|e| e.status) {
            Some(Status::Received) => {
                self.signed_receipt(&record, &data_sha512, &attachments, now)
                    .await?
            }
            _ => None,
        };
        let mut after = record.clone();
        after.expires_at = None;
        after.data_sha512 = Some(data_sha512.clone());
        after.receipt = receipt.clone();
        after.status = events.last().map(|e| e.status).unwrap_or(Status::Submitted);
        after.history.extend(events.iter().cloned());
        let subject = citizen.subject.clone();
        let respond = move |cursor: i64| {
            let mut after = after.clone();
            after.cursor = cursor;
            Ok(StoredResponse {
                subject: subject.clone(),
                fingerprint: fingerprint.clone(),
                status: StatusCode::OK.as_u16(),
                body: serialize(&Submission::from(&after))?,
            })
        };
        let stored = self
            .write(move |s| {
                let arrival = Arrival {
                    data_json: &stored,
                    data_sha512: &data_sha512,
                    receipt: receipt.as_deref(),
                    metadata: metadata.as_deref(),
                };
                s.submit(&id, &arrival, &events, "submit", &respond)
            })
            .await?;
        tracing::info!(service = %record.service_key, "submission submitted");
        Ok(Stored {
            status: stored.status,
            body: stored.body,
            replayed: false,
        })
    }
}

fn record_of_new(new: &NewSubmission) -> SubmissionRecord {
    SubmissionRecord {
        id: new.id.clone(),
        key: new.key.clone(),
        subject: new.subject.clone(),
        service_key: new.service_key.clone(),
        ars: new.ars.clone(),
        authority_id: new.authority_id.clone(),
        form_id: new.form_id.clone(),
        form_version: new.form_version.clone(),
        status: Status::Initiated,
        created_at: new.created_at,
        expires_at: Some(new.expires_at),
        expired: false,
        data_sha512: None,
        receipt: None,
        metadata: None,
        cursor: 0,
        attachments: new
            .attachments
            .iter()
            .map(|a| crate::storage::AttachmentRecord {
                announced: a.clone(),
                received: 0,
                complete: false,
            })
            .collect(),
        history: vec![StatusEvent {
            status: Status::Initiated,
            at: new.created_at,
            reasons: vec![],
            note: None,
            signed: None,
        }],
    }
}

pub(super) fn already_submitted() -> Problem {
    Problem::new(
        StatusCode::CONFLICT,
        ProblemCode::AlreadySubmitted.as_str(),
        "Already submitted",
    )
    .detail("this submission has been submitted and can no longer change")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ars_becomes_ags() {
        assert_eq!(
            ags_of("16051000").as_deref(),
            Some("16051000"),
            "an AGS stays"
        );
        assert_eq!(
            ags_of("160510000000").as_deref(),
            Some("16051000"),
            "ARS: drop the Verband part"
        );
        assert_eq!(
            ags_of("160665008001").as_deref(),
            Some("16066001"),
            "ARS of a member town"
        );
        assert_eq!(ags_of("1605"), None, "too short");
        assert_eq!(ags_of("1605100x"), None, "digits only");
    }
}
