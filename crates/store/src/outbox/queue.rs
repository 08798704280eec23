//! Queueing a submission ([`Store::submit`]) and moving its outbox entry through its states:
//! claimed, sent, retried later, failed, refused, requeued, recovered after a crash.

use domain::form::Answers;
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use super::{uuid, OutboxEntry, OutboxState, SubmissionStatus};
use crate::owner::{CURRENT_OWNER, SENDABLE};
use crate::{Owner, Store, StoreError, UnixMillis};

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
        // A late answer to the send never takes back what the authority said since: a status
        // poll that ran while the send was in flight may already have brought its step
        // (received, processing, ...), and the send's own answer (submitted) is older.
        let current: String = tx.query_row(
            "SELECT status FROM submission WHERE id = ?1",
            [submission.to_string()],
            |r| r.get(0),
        )?;
        let authority_moved = SubmissionStatus::parse(&current).is_some_and(|s| {
            !matches!(s, SubmissionStatus::Initiated | SubmissionStatus::Submitted)
        });
        if !authority_moved {
            self.record_status_in(submission, status, now, None)?;
        }
        tx.commit()?;
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
}
