//! Reports of accessibility problems the person wrote: kept (encrypted like everything here)
//! until the state API confirmed them, then kept with the state's reference number so the
//! person can see what they reported and quote it.
//!
//! A report is queued in one durably synced write, like a submission: once
//! [`Store::queue_report`] returns, it survives a killed app and a power cut. Nothing here
//! decides when to send; the sync engine does.

use domain::feedback::AccessibilityReport;
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::{Store, StoreError, UnixMillis};

/// Where a stored report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportDelivery {
    /// Waiting to be sent (or to be sent again at `next_attempt_at`).
    Pending,
    /// Confirmed by the state API.
    Sent,
    /// Refused for good by the state API; the text stays here.
    Refused,
}

impl ReportDelivery {
    fn parse(text: &str) -> ReportDelivery {
        match text {
            "sent" => ReportDelivery::Sent,
            "refused" => ReportDelivery::Refused,
            _ => ReportDelivery::Pending,
        }
    }
}

/// A stored report with its delivery state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReport {
    /// The report's id; also its Idempotency-Key at the state API.
    pub id: Uuid,
    pub report: AccessibilityReport,
    pub delivery: ReportDelivery,
    pub attempts: u32,
    pub next_attempt_at: UnixMillis,
    /// A short error code of the last failed attempt (never the report's text).
    pub last_error: Option<String>,
    /// The state's reference number, once sent.
    pub reference: Option<String>,
    pub created_at: UnixMillis,
    pub sent_at: Option<UnixMillis>,
}

const COLUMNS: &str =
    "id, body, state, attempts, next_attempt_at, last_error, reference, created_at, sent_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, String, StoredReport)> {
    let id: String = r.get(0)?;
    let body: String = r.get(1)?;
    let state: String = r.get(2)?;
    let attempts: i64 = r.get(3)?;
    Ok((
        id,
        body,
        StoredReport {
            id: Uuid::nil(),
            report: AccessibilityReport::default(),
            delivery: ReportDelivery::parse(&state),
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            next_attempt_at: r.get(4)?,
            last_error: r.get(5)?,
            reference: r.get(6)?,
            created_at: r.get(7)?,
            sent_at: r.get(8)?,
        },
    ))
}

fn decode(
    rows: impl Iterator<Item = rusqlite::Result<(String, String, StoredReport)>>,
) -> Result<Vec<StoredReport>, StoreError> {
    let mut reports = Vec::new();
    for found in rows {
        let (id, body, mut report) = found?;
        report.id = Uuid::parse_str(&id).map_err(|_| StoreError::Corrupt)?;
        report.report = serde_json::from_str(&body)?;
        reports.push(report);
    }
    Ok(reports)
}

impl Store {
    /// Keeps a report and queues it, durably (`synchronous=FULL`). Queuing the same id again
    /// is a no-op (a double tap).
    pub fn queue_report(
        &self,
        id: Uuid,
        report: &AccessibilityReport,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let body = serde_json::to_string(report)?;
        self.durably(|| {
            self.conn.execute(
                "INSERT INTO accessibility_report (id, body, state, attempts, next_attempt_at, created_at)
                 VALUES (?1, ?2, 'pending', 0, ?3, ?3) ON CONFLICT (id) DO NOTHING",
                params![id.to_string(), body, now],
            )?;
            Ok(())
        })
    }

    /// Every report, newest first.
    pub fn reports(&self) -> Result<Vec<StoredReport>, StoreError> {
        let sql =
            format!("SELECT {COLUMNS} FROM accessibility_report ORDER BY created_at DESC, id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], row)?;
        decode(rows)
    }

    /// One report.
    pub fn report(&self, id: Uuid) -> Result<Option<StoredReport>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM accessibility_report WHERE id = ?1");
        let found = self
            .conn
            .query_row(&sql, [id.to_string()], row)
            .optional()?;
        Ok(decode(found.into_iter().map(Ok))?.pop())
    }

    /// Reports waiting to be sent whose time has come, oldest first.
    pub fn reports_due(&self, now: UnixMillis) -> Result<Vec<StoredReport>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM accessibility_report
             WHERE state = 'pending' AND next_attempt_at <= ?1 ORDER BY created_at, id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([now], row)?;
        decode(rows)
    }

    /// When the next waiting report is due, if any waits.
    pub fn next_report_due(&self) -> Result<Option<UnixMillis>, StoreError> {
        Ok(self.conn.query_row(
            "SELECT min(next_attempt_at) FROM accessibility_report WHERE state = 'pending'",
            [],
            |r| r.get(0),
        )?)
    }

    /// The state API confirmed the report under `reference`.
    pub fn report_sent(
        &self,
        id: Uuid,
        reference: &str,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        self.set_report(
            id,
            "UPDATE accessibility_report SET state = 'sent', reference = ?2, sent_at = ?3,
               last_error = NULL WHERE id = ?1",
            params![id.to_string(), reference, now],
        )
    }

    /// An attempt failed for a passing reason: try again at `at`.
    pub fn report_retry_later(
        &self,
        id: Uuid,
        error_code: &str,
        at: UnixMillis,
    ) -> Result<(), StoreError> {
        self.set_report(
            id,
            "UPDATE accessibility_report SET attempts = attempts + 1, next_attempt_at = ?3,
               last_error = ?2 WHERE id = ?1 AND state = 'pending'",
            params![id.to_string(), error_code, at],
        )
    }

    /// The state API refused the report for good.
    pub fn report_refused(&self, id: Uuid, error_code: &str) -> Result<(), StoreError> {
        self.set_report(
            id,
            "UPDATE accessibility_report SET state = 'refused', attempts = attempts + 1,
               last_error = ?2 WHERE id = ?1 AND state = 'pending'",
            params![id.to_string(), error_code],
        )
    }

    fn set_report(
        &self,
        id: Uuid,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<(), StoreError> {
        if self.conn.execute(sql, params)? == 0 && self.report(id)?.is_none() {
            return Err(StoreError::not_found("accessibility report", id));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> AccessibilityReport {
        AccessibilityReport {
            description: text.into(),
            place: "Einstellungen".into(),
            ..AccessibilityReport::default()
        }
    }

    #[test]
    fn a_queued_report_waits_until_sent_and_keeps_its_reference() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let id = Uuid::from_u128(1);
        store.queue_report(id, &report("Kontrast zu schwach"), 100)?;
        store.queue_report(id, &report("double tap"), 101)?;
        let due = store.reports_due(100)?;
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].report.description, "Kontrast zu schwach");
        assert_eq!(store.next_report_due()?, Some(100));

        store.report_retry_later(id, "offline", 5_000)?;
        assert!(store.reports_due(4_999)?.is_empty());
        let waiting = store.report(id)?.ok_or(StoreError::Corrupt)?;
        assert_eq!(waiting.attempts, 1);
        assert_eq!(waiting.last_error.as_deref(), Some("offline"));

        store.report_sent(id, "BF-2026-000001", 6_000)?;
        assert!(store.reports_due(i64::MAX)?.is_empty());
        assert_eq!(store.next_report_due()?, None);
        let sent = store.report(id)?.ok_or(StoreError::Corrupt)?;
        assert_eq!(sent.delivery, ReportDelivery::Sent);
        assert_eq!(sent.reference.as_deref(), Some("BF-2026-000001"));
        assert_eq!(sent.sent_at, Some(6_000));
        assert_eq!(sent.last_error, None);
        // A late retry of an attempt that raced the success changes nothing.
        store.report_retry_later(id, "timeout", 9_000)?;
        assert_eq!(
            store.report(id)?.map(|r| r.delivery),
            Some(ReportDelivery::Sent)
        );
        Ok(())
    }

    #[test]
    fn refused_reports_stay_with_their_text_and_unknown_ids_are_named() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let id = Uuid::from_u128(2);
        store.queue_report(id, &report("Vorlesefunktion fehlt"), 1)?;
        store.queue_report(Uuid::from_u128(3), &report("zweite"), 2)?;
        store.report_refused(id, "validation_failed")?;
        let all = store.reports()?;
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].report.description, "zweite", "newest first");
        assert_eq!(all[1].delivery, ReportDelivery::Refused);
        assert_eq!(all[1].report.description, "Vorlesefunktion fehlt");
        assert!(matches!(
            store.report_sent(Uuid::from_u128(99), "x", 1),
            Err(StoreError::NotFound { .. })
        ));
        Ok(())
    }
}
