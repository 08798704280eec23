//! A submission's status history: the statuses the state API reports and the authority's
//! steps brought home from the server's history, each appended once, in order.

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use super::{StatusChange, SubmissionStatus};
use crate::{Store, StoreError, UnixMillis};

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
pub(super) fn already_kept(kept: &[SubmissionStatus], steps: &[&StatusChange]) -> usize {
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

pub(super) fn status_from(name: &str) -> rusqlite::Result<SubmissionStatus> {
    SubmissionStatus::parse(name).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown status {name}").into(),
        )
    })
}

impl Store {
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
    pub(super) fn record_status_in(
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
        if current == status.as_str() {
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
                step.status.as_str(),
                step.at,
                step.note,
                step.signature.map(|s| s.name())
            ],
        )?;
        self.conn.execute(
            "UPDATE submission SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, step.status.as_str(), step.at],
        )?;
        Ok(())
    }

    pub(super) fn history(&self, id: &str) -> Result<Vec<StatusChange>, StoreError> {
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
}
