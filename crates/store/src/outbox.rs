//! Submissions, their status history, and the outbox the sync engine works through.
//!
//! "Submit" is one transaction: the submission row (status `INITIATED`), its first history
//! entry, the outbox row and the draft marked queued; it is committed with
//! `synchronous=FULL`, so once [`Store::submit`] returns the submission survives a power cut.
//! The submission id is the caller's UUID and the Idempotency-Key of every send attempt.
//!
//! Outbox states: `pending` → `sending` ([`Store::outbox_claim`]) → `sent`
//! ([`Store::outbox_sent`]), or back to `pending` with a later attempt time
//! ([`Store::outbox_retry_later`]), or `failed` for good ([`Store::outbox_failed`]) until the
//! person retries ([`Store::outbox_requeue`]). After a crash, [`Store::outbox_recover`] puts
//! `sending` rows back to `pending` (the idempotency key makes the resend safe).
//!
//! What it must never do: lose a queued submission, send under a new id, or let a draft be
//! edited after it was queued.

use domain::form::Answers;
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::owner::{CURRENT_OWNER, SENDABLE, VISIBLE};
use crate::{Owner, Store, StoreError, UnixMillis};

/// BundID / FIT-Connect-style statuses of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmissionStatus {
    Initiated,
    Submitted,
    Received,
    Processing,
    ActionRequired,
    Completed,
    Rejected,
    /// The citizen withdrew it.
    Withdrawn,
}

impl SubmissionStatus {
    /// The BundID name, e.g. `ACTION_REQUIRED`.
    pub fn name(self) -> &'static str {
        match self {
            SubmissionStatus::Initiated => "INITIATED",
            SubmissionStatus::Submitted => "SUBMITTED",
            SubmissionStatus::Received => "RECEIVED",
            SubmissionStatus::Processing => "PROCESSING",
            SubmissionStatus::ActionRequired => "ACTION_REQUIRED",
            SubmissionStatus::Completed => "COMPLETED",
            SubmissionStatus::Rejected => "REJECTED",
            SubmissionStatus::Withdrawn => "WITHDRAWN",
        }
    }

    pub fn from_name(name: &str) -> Option<SubmissionStatus> {
        Some(match name {
            "INITIATED" => SubmissionStatus::Initiated,
            "SUBMITTED" => SubmissionStatus::Submitted,
            "RECEIVED" => SubmissionStatus::Received,
            "PROCESSING" => SubmissionStatus::Processing,
            "ACTION_REQUIRED" => SubmissionStatus::ActionRequired,
            "COMPLETED" => SubmissionStatus::Completed,
            "REJECTED" => SubmissionStatus::Rejected,
            "WITHDRAWN" => SubmissionStatus::Withdrawn,
            _ => return None,
        })
    }
}

/// The status the person sees for a status the store holds (one mapping for the shell's views
/// and the sync worker's events).
impl From<SubmissionStatus> for domain::ipc::ApplicationStatus {
    fn from(status: SubmissionStatus) -> Self {
        use domain::ipc::ApplicationStatus as Shown;
        match status {
            SubmissionStatus::Initiated => Shown::Initiated,
            SubmissionStatus::Submitted => Shown::Submitted,
            SubmissionStatus::Received => Shown::Received,
            SubmissionStatus::Processing => Shown::Processing,
            SubmissionStatus::ActionRequired => Shown::ActionRequired,
            SubmissionStatus::Completed => Shown::Completed,
            SubmissionStatus::Rejected => Shown::Rejected,
            SubmissionStatus::Withdrawn => Shown::Withdrawn,
        }
    }
}

/// The steps taken on the state API's side, once it has the application (the authority's,
/// and the citizen's withdrawal there): a timeline takes them from the server's history
/// ([`Store::record_history`]).
const AUTHORITY_STEPS: [SubmissionStatus; 6] = [
    SubmissionStatus::Received,
    SubmissionStatus::Processing,
    SubmissionStatus::ActionRequired,
    SubmissionStatus::Completed,
    SubmissionStatus::Rejected,
    SubmissionStatus::Withdrawn,
];

/// How many of the server's authority `steps` the device already `kept`. Matched by order of
/// statuses, not by time (the device's clock and the server's differ): the kept steps are
/// normally the start of the server's. Where they are not (kept by an older version that
/// stored only the last status of each poll), everything up to the last occurrence of the
/// newest kept status counts as kept.
fn already_kept(kept: &[SubmissionStatus], steps: &[&StatusChange]) -> usize {
    let common = kept
        .iter()
        .zip(steps)
        .take_while(|(kept, step)| **kept == step.status)
        .count();
    if common == kept.len() {
        return common;
    }
    match kept.last() {
        Some(newest) => steps
            .iter()
            .rposition(|step| step.status == *newest)
            .map_or(steps.len().saturating_sub(1), |p| p + 1),
        None => 0,
    }
}

fn status_from(name: &str) -> rusqlite::Result<SubmissionStatus> {
    SubmissionStatus::from_name(name).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown status {name}").into(),
        )
    })
}

/// One entry of a submission's status history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub status: SubmissionStatus,
    pub at: UnixMillis,
    pub note: Option<String>,
    /// Whether the authority signed this step, as the device found (`None`: no signature
    /// expected).
    pub signature: Option<domain::receipt::StepSignature>,
}

/// A submission as the person's "my applications" shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub id: Uuid,
    pub draft_id: Option<Uuid>,
    pub form_id: String,
    pub form_version: String,
    pub service_key: Option<String>,
    /// The answers as sent.
    pub payload: Answers,
    pub status: SubmissionStatus,
    /// The state API's reference, once it answered.
    pub server_ref: Option<String>,
    /// The SHA-512 of the data (`domain::receipt`) as the state API confirmed it on receipt.
    pub data_sha512: Option<String>,
    /// The receiving authority's signed receipt, as the device checked it.
    pub signed_receipt: Option<domain::receipt::SignedReceipt>,
    pub history: Vec<StatusChange>,
    pub created_at: UnixMillis,
    pub updated_at: UnixMillis,
}

/// Where an outbox entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxState {
    Pending,
    Sending,
    Sent,
    Failed,
}

impl OutboxState {
    fn name(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Failed => "failed",
        }
    }
    fn from_name(name: &str) -> OutboxState {
        match name {
            "sending" => OutboxState::Sending,
            "sent" => OutboxState::Sent,
            "failed" => OutboxState::Failed,
            _ => OutboxState::Pending,
        }
    }
}

/// One submission waiting to be (or being, or having been) sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    /// The submission id, also the Idempotency-Key.
    pub submission_id: Uuid,
    pub state: OutboxState,
    pub attempts: u32,
    pub next_attempt_at: UnixMillis,
    pub last_error: Option<String>,
    pub created_at: UnixMillis,
    pub updated_at: UnixMillis,
    /// Whose submission it is: it is sent only under this account ([`Owner::Device`]: not
    /// before someone logged in takes it, [`Store::claim_submission`]).
    pub owner: Owner,
}

fn uuid(text: String) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn outbox_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxEntry> {
    Ok(OutboxEntry {
        submission_id: uuid(r.get(0)?)?,
        state: OutboxState::from_name(&r.get::<_, String>(1)?),
        attempts: r.get(2)?,
        next_attempt_at: r.get(3)?,
        last_error: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
        owner: Owner::from_text(&r.get::<_, Option<String>>(7)?.unwrap_or_default()),
    })
}

const OUTBOX_COLUMNS: &str =
    "submission_id, state, attempts, next_attempt_at, last_error, created_at, updated_at,
     (SELECT s.owner FROM submission s WHERE s.id = outbox.submission_id)";

impl Store {
    /// Queues a draft for sending: stores the submission (`INITIATED`), puts it in the outbox
    /// and marks the draft queued, in one durably synced transaction. `payload` is what
    /// validation made of the draft's answers. Submitting the same draft with the same id again
    /// is a no-op (a double tap); with another id it is refused.
    pub fn submit(
        &self,
        draft: Uuid,
        submission: Uuid,
        payload: &Answers,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        self.submit_for_place(draft, submission, payload, None, now)
    }

    /// [`Store::submit`], naming the applicant's place (8-digit AGS or 12-digit ARS), so the
    /// state API routes the application to the authority responsible there. The place is
    /// fixed with the submission: every retry sends the same request.
    pub fn submit_for_place(
        &self,
        draft: Uuid,
        submission: Uuid,
        payload: &Answers,
        place: Option<&str>,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let existing: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT draft_id FROM submission WHERE id = ?1",
                [submission.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(of) = existing {
            return if of == Some(draft.to_string()) {
                Ok(())
            } else {
                Err(StoreError::InvalidState {
                    what: "submission",
                    id: submission.to_string(),
                    state: "used by another draft".into(),
                    action: "submit",
                })
            };
        }
        let (form_id, form_version, service_key): (String, String, Option<String>) = self
            .conn
            .query_row(
                "SELECT form_id, form_version, service_key FROM draft WHERE id = ?1",
                [draft.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("draft", draft))?;
        self.durably(|| {
            let tx = self.conn.unchecked_transaction()?;
            self.touch_editing(draft, now, "submit")?;
            let id = submission.to_string();
            tx.execute(
                &format!(
                    "INSERT INTO submission (id, draft_id, form_id, form_version, service_key,
                       payload, status, created_at, updated_at, ars, owner)
                       VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'INITIATED', ?7, ?7, ?8, {CURRENT_OWNER})"
                ),
                params![
                    id,
                    draft.to_string(),
                    form_id,
                    form_version,
                    service_key,
                    serde_json::to_string(payload)?,
                    now,
                    place
                ],
            )?;
            tx.execute(
                "INSERT INTO submission_status (submission_id, seq, status, at) VALUES (?1, 0, 'INITIATED', ?2)",
                params![id, now],
            )?;
            tx.execute(
                "INSERT INTO outbox (submission_id, state, attempts, next_attempt_at, created_at, updated_at)
                 VALUES (?1, 'pending', 0, ?2, ?2, ?2)",
                params![id, now],
            )?;
            tx.execute(
                "UPDATE draft SET state = 'queued' WHERE id = ?1",
                [draft.to_string()],
            )?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Outbox entries due at `now` (pending, attempt time reached), oldest first: only the
    /// logged-in person's, never another account's or one queued without a login.
    pub fn outbox_due(&self, now: UnixMillis, limit: u32) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?1
               AND submission_id IN (SELECT id FROM submission WHERE {SENDABLE})
             ORDER BY next_attempt_at, created_at LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![now, limit], outbox_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every outbox entry the logged-in person can send, newest first.
    pub fn outbox_entries(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox
             WHERE submission_id IN (SELECT id FROM submission WHERE {SENDABLE})
             ORDER BY created_at DESC"
        ))?;
        let rows = stmt.query_map([], outbox_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn outbox_entry(&self, submission: Uuid) -> Result<Option<OutboxEntry>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {OUTBOX_COLUMNS} FROM outbox WHERE submission_id = ?1"),
                [submission.to_string()],
                outbox_row,
            )
            .optional()?)
    }

    /// Moves one outbox row from `from` to `to` with extra assignments; a row in another state
    /// is [`StoreError::InvalidState`].
    fn outbox_move(
        &self,
        submission: Uuid,
        (from, to): (OutboxState, OutboxState),
        set: &str,
        extra: &[&dyn rusqlite::ToSql],
        now: UnixMillis,
        action: &'static str,
    ) -> Result<(), StoreError> {
        let id = submission.to_string();
        let sql = format!(
            "UPDATE outbox SET state = ?1, updated_at = ?2 {set} WHERE submission_id = ?3 AND state = ?4"
        );
        let (to_name, from_name) = (to.name(), from.name());
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&to_name, &now, &id, &from_name];
        values.extend_from_slice(extra);
        let changed = self.conn.execute(&sql, values.as_slice())?;
        if changed == 1 {
            return Ok(());
        }
        let state = self
            .outbox_entry(submission)?
            .ok_or_else(|| StoreError::not_found("outbox entry", submission))?
            .state;
        Err(StoreError::InvalidState {
            what: "outbox entry",
            id,
            state: state.name().into(),
            action,
        })
    }

    /// The sync engine starts sending: `pending` → `sending`, one more attempt counted.
    pub fn outbox_claim(
        &self,
        submission: Uuid,
        now: UnixMillis,
    ) -> Result<OutboxEntry, StoreError> {
        self.outbox_move(
            submission,
            (OutboxState::Pending, OutboxState::Sending),
            ", attempts = attempts + 1",
            &[],
            now,
            "claim",
        )?;
        self.outbox_entry(submission)?
            .ok_or_else(|| StoreError::not_found("outbox entry", submission))
    }

    /// The state API accepted it: `sending` → `sent`, with its reference and status.
    pub fn outbox_sent(
        &self,
        submission: Uuid,
        server_ref: &str,
        status: SubmissionStatus,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        self.outbox_move(
            submission,
            (OutboxState::Sending, OutboxState::Sent),
            ", last_error = NULL",
            &[],
            now,
            "mark sent",
        )?;
        tx.execute(
            "UPDATE submission SET server_ref = ?2 WHERE id = ?1",
            params![submission.to_string(), server_ref],
        )?;
        self.record_status_in(submission, status, now, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Keeps the state API's confirmation of what arrived: the SHA-512 of the data as it
    /// computed it on receipt (the app shows it, and whether it is the hash of what it sent).
    pub fn record_receipt(&self, submission: Uuid, data_sha512: &str) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE submission SET data_sha512 = ?2 WHERE id = ?1",
            params![submission.to_string(), data_sha512],
        )?;
        if changed == 0 {
            return Err(StoreError::not_found("submission", submission));
        }
        Ok(())
    }

    /// Keeps the receiving authority's signed receipt with what the device found when it
    /// checked it. A verified receipt is never replaced by one that does not hold.
    pub fn record_signed_receipt(
        &self,
        submission: Uuid,
        receipt: &domain::receipt::SignedReceipt,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(receipt)?;
        let verified_filter = if receipt.is_verified() {
            ""
        } else {
            " AND (signed_receipt IS NULL OR json_extract(signed_receipt, '$.problem') IS NOT NULL
               OR json_extract(signed_receipt, '$.receivedAt') IS NULL)"
        };
        let changed = self.conn.execute(
            &format!("UPDATE submission SET signed_receipt = ?2 WHERE id = ?1{verified_filter}"),
            params![submission.to_string(), json],
        )?;
        let exists = changed > 0
            || self
                .conn
                .query_row(
                    "SELECT 1 FROM submission WHERE id = ?1",
                    [submission.to_string()],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
        if !exists {
            return Err(StoreError::not_found("submission", submission));
        }
        Ok(())
    }

    /// A transient failure: `sending` → `pending`, next try at `next_attempt_at`.
    pub fn outbox_retry_later(
        &self,
        submission: Uuid,
        error: &str,
        next_attempt_at: UnixMillis,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        self.outbox_move(
            submission,
            (OutboxState::Sending, OutboxState::Pending),
            ", last_error = ?5, next_attempt_at = ?6",
            &[&error, &next_attempt_at],
            now,
            "retry later",
        )
    }

    /// A permanent failure (the state API refused it): `sending` → `failed`.
    pub fn outbox_failed(
        &self,
        submission: Uuid,
        error: &str,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        self.outbox_move(
            submission,
            (OutboxState::Sending, OutboxState::Failed),
            ", last_error = ?5",
            &[&error],
            now,
            "mark failed",
        )
    }

    /// The state API refused the submission for good (422): `sending` → `failed` with the
    /// problems, and in the same transaction its draft goes back to editing, so the person sees
    /// what to correct and can submit again (under a new submission id). Nothing is dropped.
    /// Returns the draft's id.
    pub fn outbox_refused(
        &self,
        submission: Uuid,
        problems: &str,
        now: UnixMillis,
    ) -> Result<Option<Uuid>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        self.outbox_failed(submission, problems, now)?;
        let draft: Option<String> = self
            .conn
            .query_row(
                "SELECT draft_id FROM submission WHERE id = ?1",
                [submission.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let draft = draft.and_then(|d| Uuid::parse_str(&d).ok());
        if let Some(draft) = draft {
            self.conn.execute(
                "UPDATE draft SET state = 'editing', updated_at = ?2 WHERE id = ?1",
                params![draft.to_string(), now],
            )?;
        }
        tx.commit()?;
        Ok(draft)
    }

    /// The person asks to try a failed submission again: `failed` → `pending`, due now.
    pub fn outbox_requeue(&self, submission: Uuid, now: UnixMillis) -> Result<(), StoreError> {
        self.outbox_move(
            submission,
            (OutboxState::Failed, OutboxState::Pending),
            ", next_attempt_at = ?5",
            &[&now],
            now,
            "requeue",
        )
    }

    /// After a restart: rows left `sending` by a crash go back to `pending`, due now.
    /// Returns how many.
    pub fn outbox_recover(&self, now: UnixMillis) -> Result<usize, StoreError> {
        Ok(self.conn.execute(
            "UPDATE outbox SET state = 'pending', next_attempt_at = ?1, updated_at = ?1 WHERE state = 'sending'",
            [now],
        )?)
    }

    /// Records a status the state API reported. Appends to the history only when it differs
    /// from the current status; returns whether it did.
    pub fn record_status(
        &self,
        submission: Uuid,
        status: SubmissionStatus,
        at: UnixMillis,
        note: Option<&str>,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let changed = self.record_status_in(submission, status, at, note)?;
        tx.commit()?;
        Ok(changed)
    }

    /// Brings the state API's status history of a submission home: every step after the ones
    /// already kept (the authority's steps, from `Received` on), in order, with its time and
    /// note, so a timeline never skips a step that happened between two polls, and a step
    /// taken twice (processing, action required, processing) shows twice. Returns how many
    /// steps were added; the submission's status becomes the last one.
    pub fn record_history(
        &self,
        submission: Uuid,
        server: &[StatusChange],
    ) -> Result<usize, StoreError> {
        let id = submission.to_string();
        let tx = self.conn.unchecked_transaction()?;
        let exists: Option<String> = tx
            .query_row("SELECT id FROM submission WHERE id = ?1", [&id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::not_found("submission", submission));
        }
        let kept: Vec<SubmissionStatus> = self
            .history(&id)?
            .into_iter()
            .map(|change| change.status)
            .filter(|status| AUTHORITY_STEPS.contains(status))
            .collect();
        let steps: Vec<&StatusChange> = server
            .iter()
            .filter(|step| AUTHORITY_STEPS.contains(&step.status))
            .collect();
        let new = &steps[already_kept(&kept, &steps)..];
        for step in new {
            self.append_step(&id, step)?;
        }
        tx.commit()?;
        Ok(new.len())
    }

    /// [`Store::record_status`] inside the caller's transaction.
    fn record_status_in(
        &self,
        submission: Uuid,
        status: SubmissionStatus,
        at: UnixMillis,
        note: Option<&str>,
    ) -> Result<bool, StoreError> {
        let id = submission.to_string();
        let tx = &self.conn;
        let current: String = tx
            .query_row("SELECT status FROM submission WHERE id = ?1", [&id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::not_found("submission", submission))?;
        if current == status.name() {
            return Ok(false);
        }
        self.append_step(
            &id,
            &StatusChange {
                status,
                at,
                note: note.map(str::to_string),
                signature: None,
            },
        )?;
        Ok(true)
    }

    /// Adds one step at the end of a submission's timeline and makes it its status, inside
    /// the caller's transaction.
    fn append_step(&self, id: &str, step: &StatusChange) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO submission_status (submission_id, seq, status, at, note, signature)
             VALUES (?1, (SELECT coalesce(max(seq), -1) + 1 FROM submission_status WHERE submission_id = ?1), ?2, ?3, ?4, ?5)",
            params![
                id,
                step.status.name(),
                step.at,
                step.note,
                step.signature.map(|s| s.name())
            ],
        )?;
        self.conn.execute(
            "UPDATE submission SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, step.status.name(), step.at],
        )?;
        Ok(())
    }

    fn history(&self, id: &str) -> Result<Vec<StatusChange>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, at, note, signature FROM submission_status WHERE submission_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(StatusChange {
                status: status_from(&r.get::<_, String>(0)?)?,
                at: r.get(1)?,
                note: r.get(2)?,
                signature: r
                    .get::<_, Option<String>>(3)?
                    .as_deref()
                    .and_then(domain::receipt::StepSignature::from_name),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The applicant's place a submission was queued for (see [`Store::submit_for_place`]).
    pub fn submission_place(&self, submission: Uuid) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT ars FROM submission WHERE id = ?1",
                [submission.to_string()],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    }

    /// One submission with its history, if the person using the app now may see it.
    pub fn submission(&self, submission: Uuid) -> Result<Option<Submission>, StoreError> {
        self.submission_where(submission, VISIBLE, &[])
    }

    /// One submission of `owner`, whoever uses the app now: the sync engine finishes what it
    /// began sending under that account even if a logout happened meanwhile.
    pub fn submission_of(
        &self,
        submission: Uuid,
        owner: &Owner,
    ) -> Result<Option<Submission>, StoreError> {
        let owner = owner.to_text();
        self.submission_where(submission, "owner = ?2", &[&owner])
    }

    fn submission_where(
        &self,
        submission: Uuid,
        filter: &str,
        extra: &[&dyn rusqlite::ToSql],
    ) -> Result<Option<Submission>, StoreError> {
        let id = submission.to_string();
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&id];
        values.extend_from_slice(extra);
        let row = self
            .conn
            .query_row(
                &format!(
                    "SELECT draft_id, form_id, form_version, service_key, payload, status,
                       server_ref, created_at, updated_at, data_sha512, signed_receipt
                       FROM submission
                       WHERE id = ?1 AND {filter}"
                ),
                values.as_slice(),
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        status_from(&r.get::<_, String>(5)?)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, i64>(7)?,
                        r.get::<_, i64>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, Option<String>>(10)?,
                    ))
                },
            )
            .optional()?;
        let Some((
            draft_id,
            form_id,
            form_version,
            service_key,
            payload,
            status,
            server_ref,
            created_at,
            updated_at,
            data_sha512,
            signed_receipt,
        )) = row
        else {
            return Ok(None);
        };
        Ok(Some(Submission {
            id: submission,
            draft_id: draft_id.map(uuid).transpose()?,
            form_id,
            form_version,
            service_key,
            payload: serde_json::from_str(&payload)?,
            status,
            server_ref,
            data_sha512,
            // A receipt kept in a form this version cannot read is left out, not an error.
            signed_receipt: signed_receipt.and_then(|json| serde_json::from_str(&json).ok()),
            history: self.history(&id)?,
            created_at,
            updated_at,
        }))
    }

    /// All submissions the person using the app now may see, with their history, newest first.
    pub fn submissions(&self) -> Result<Vec<Submission>, StoreError> {
        let ids: Vec<Uuid> = {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT id FROM submission WHERE {VISIBLE} ORDER BY created_at DESC, id"
            ))?;
            let rows = stmt.query_map([], |r| uuid(r.get(0)?))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut all = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(found) = self.submission(id)? {
                all.push(found);
            }
        }
        Ok(all)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use domain::form::{FieldPath, Value};

    use super::*;
    use crate::{DraftState, NewDraft};

    pub(crate) fn queued(store: &Store) -> Result<(Uuid, Uuid), StoreError> {
        let (draft, submission) = (Uuid::from_u128(1), Uuid::from_u128(100));
        store.create_draft(&NewDraft {
            id: draft,
            form_id: "f",
            form_version: "1",
            service_key: Some("99102013000000"),
            now: 1,
        })?;
        store.save_answer(
            draft,
            &FieldPath::root().child("name"),
            &Value::text("Ida"),
            2,
        )?;
        let payload = store.draft(draft)?.map(|d| d.answers).unwrap_or_default();
        store.submit_for_place(draft, submission, &payload, Some("16051000"), 10)?;
        Ok((draft, submission))
    }

    #[test]
    fn the_applicants_place_is_kept_with_the_submission() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let (_, submission) = queued(&store)?;
        assert_eq!(
            store.submission_place(submission)?.as_deref(),
            Some("16051000")
        );
        assert_eq!(store.submission_place(Uuid::from_u128(999))?, None);
        Ok(())
    }

    #[test]
    fn submit_queues_the_draft_and_the_outbox_in_one_go() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        store.set_owner(&Owner::Account("ida".into()))?;
        let (draft, submission) = queued(&store)?;
        assert_eq!(
            store.draft(draft)?.map(|d| d.state),
            Some(DraftState::Queued),
            "draft queued"
        );
        let entry = store
            .outbox_entry(submission)?
            .ok_or(StoreError::not_found("outbox", submission))?;
        assert_eq!(
            (entry.state, entry.attempts, entry.next_attempt_at),
            (OutboxState::Pending, 0, 10),
            "pending now"
        );
        let sub = store
            .submission(submission)?
            .ok_or(StoreError::not_found("submission", submission))?;
        assert_eq!(sub.status, SubmissionStatus::Initiated, "initiated");
        assert_eq!(
            sub.payload.get(&FieldPath::root().child("name")),
            Some(&Value::text("Ida")),
            "payload kept"
        );
        store.submit(draft, submission, &sub.payload, 11)?;
        assert_eq!(
            store.outbox_entries()?.len(),
            1,
            "a double tap queues nothing new"
        );
        let other = store.submit(draft, Uuid::from_u128(101), &sub.payload, 12);
        assert!(
            matches!(other, Err(StoreError::InvalidState { .. })),
            "a queued draft cannot be sent twice: {other:?}"
        );
        let edit = store.save_answer(
            draft,
            &FieldPath::root().child("name"),
            &Value::text("X"),
            13,
        );
        assert!(
            matches!(edit, Err(StoreError::InvalidState { .. })),
            "a queued draft is not edited: {edit:?}"
        );
        let sync: i64 = store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        assert_eq!(
            sync, 1,
            "autosave runs on NORMAL again after the durable submit"
        );
        Ok(())
    }

    #[test]
    fn the_outbox_state_machine_allows_only_its_moves() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        store.set_owner(&Owner::Account("ida".into()))?;
        let (_, id) = queued(&store)?;
        assert_eq!(store.outbox_due(9, 10)?.len(), 0, "not due before its time");
        assert_eq!(store.outbox_due(10, 10)?.len(), 1, "due at its time");
        let claimed = store.outbox_claim(id, 20)?;
        assert_eq!(
            (claimed.state, claimed.attempts),
            (OutboxState::Sending, 1),
            "claimed, one attempt"
        );
        assert!(store.outbox_claim(id, 21).is_err(), "cannot claim twice");
        store.outbox_retry_later(id, "timeout", 100, 22)?;
        let entry = store
            .outbox_entry(id)?
            .ok_or(StoreError::not_found("outbox", id))?;
        assert_eq!(
            (
                entry.state,
                entry.next_attempt_at,
                entry.last_error.as_deref()
            ),
            (OutboxState::Pending, 100, Some("timeout")),
            "back off"
        );
        assert!(
            store.outbox_due(99, 10)?.is_empty(),
            "waits for its back-off"
        );
        store.outbox_claim(id, 100)?;
        assert_eq!(
            store.outbox_recover(101)?,
            1,
            "a crash while sending is recovered"
        );
        store.outbox_claim(id, 102)?;
        store.outbox_failed(id, "rejected: 422", 103)?;
        assert!(
            store.outbox_due(1_000, 10)?.is_empty(),
            "failed is not retried by itself"
        );
        store.outbox_requeue(id, 104)?;
        let entry = store.outbox_claim(id, 105)?;
        assert_eq!(entry.attempts, 4, "attempts counted across the whole life");
        store.outbox_sent(id, "TH-2026-0001", SubmissionStatus::Submitted, 106)?;
        let sub = store
            .submission(id)?
            .ok_or(StoreError::not_found("submission", id))?;
        assert_eq!(
            sub.server_ref.as_deref(),
            Some("TH-2026-0001"),
            "reference kept"
        );
        assert_eq!(
            sub.history.iter().map(|c| c.status).collect::<Vec<_>>(),
            vec![SubmissionStatus::Initiated, SubmissionStatus::Submitted],
            "history in order"
        );
        assert!(
            store.outbox_retry_later(id, "late", 1, 107).is_err(),
            "sent is final"
        );
        Ok(())
    }

    #[test]
    fn the_servers_history_comes_home_step_by_step_without_repeats() -> Result<(), StoreError> {
        use SubmissionStatus::*;
        let store = Store::open_in_memory()?;
        let (_, id) = queued(&store)?;
        let step = |status, at, note: Option<&str>| StatusChange {
            status,
            at,
            note: note.map(str::to_string),
            signature: (status != Initiated && status != Submitted)
                .then_some(domain::receipt::StepSignature::Verified),
        };
        // Between two polls the authority received, processed and asked for something.
        let first = [
            step(Initiated, 10, None),
            step(Submitted, 11, None),
            step(Received, 20, None),
            step(Processing, 21, None),
            step(ActionRequired, 22, Some("Nachweis fehlt")),
        ];
        let mut first = first;
        first[3].signature = Some(domain::receipt::StepSignature::Refused);
        assert_eq!(store.record_history(id, &first)?, 3, "every authority step");
        // The next poll repeats the history and adds: processing again, then completed.
        let mut second = first.to_vec();
        second.extend([step(Processing, 30, None), step(Completed, 31, None)]);
        assert_eq!(store.record_history(id, &second)?, 2, "only what is new");
        assert_eq!(
            store.record_history(id, &second)?,
            0,
            "a repeat adds nothing"
        );
        let sub = store
            .submission(id)?
            .ok_or(StoreError::not_found("submission", id))?;
        assert_eq!(
            sub.history.iter().map(|c| c.status).collect::<Vec<_>>(),
            vec![
                Initiated,
                Received,
                Processing,
                ActionRequired,
                Processing,
                Completed
            ],
            "the whole way, with processing twice"
        );
        assert_eq!(sub.status, Completed);
        assert_eq!(sub.history[3].note.as_deref(), Some("Nachweis fehlt"));
        assert_eq!(sub.history[3].at, 22, "the authority's time");
        assert_eq!(
            sub.history.iter().map(|c| c.signature).collect::<Vec<_>>(),
            [
                None,
                Some(domain::receipt::StepSignature::Verified),
                Some(domain::receipt::StepSignature::Refused),
                Some(domain::receipt::StepSignature::Verified),
                Some(domain::receipt::StepSignature::Verified),
                Some(domain::receipt::StepSignature::Verified),
            ],
            "each step keeps what the device found of its signature"
        );
        Ok(())
    }

    #[test]
    fn history_is_matched_by_order_not_by_the_device_clock() {
        use SubmissionStatus::*;
        let step = |status, at| StatusChange {
            status,
            at,
            note: None,
            signature: None,
        };
        let server = [
            step(Received, 100),
            step(Processing, 101),
            step(ActionRequired, 102),
        ];
        let refs: Vec<&StatusChange> = server.iter().collect();
        // Received kept at send time by a device clock ahead of the server: still one step.
        assert_eq!(already_kept(&[Received], &refs), 1);
        assert_eq!(already_kept(&[], &refs), 0);
        assert_eq!(
            already_kept(&[Received, Processing, ActionRequired], &refs),
            3
        );
        // An older version kept only the last status of a poll: what follows it is new.
        assert_eq!(already_kept(&[Processing], &refs), 2);
        // Nothing in common: only the current status is added.
        assert_eq!(already_kept(&[Completed], &refs), 2);
    }

    #[test]
    fn status_history_appends_only_changes() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let (_, id) = queued(&store)?;
        assert!(
            store.record_status(id, SubmissionStatus::Received, 20, None)?,
            "a change is recorded"
        );
        assert!(
            !store.record_status(id, SubmissionStatus::Received, 21, None)?,
            "a repeat is not"
        );
        assert!(
            store.record_status(
                id,
                SubmissionStatus::ActionRequired,
                22,
                Some("Nachweis fehlt")
            )?,
            "change"
        );
        let sub = store
            .submission(id)?
            .ok_or(StoreError::not_found("submission", id))?;
        assert_eq!(
            sub.status,
            SubmissionStatus::ActionRequired,
            "current status"
        );
        assert_eq!(sub.history.len(), 3, "three entries: {:?}", sub.history);
        assert_eq!(
            sub.history.last().and_then(|c| c.note.as_deref()),
            Some("Nachweis fehlt"),
            "note kept"
        );
        assert_eq!(store.submissions()?.len(), 1, "listed");
        for status in [
            "INITIATED",
            "SUBMITTED",
            "RECEIVED",
            "PROCESSING",
            "ACTION_REQUIRED",
            "COMPLETED",
            "REJECTED",
        ] {
            assert_eq!(
                SubmissionStatus::from_name(status).map(|s| s.name()),
                Some(status),
                "{status} round-trips"
            );
        }
        Ok(())
    }
}
