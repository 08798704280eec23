//! Reports of accessibility problems (the feedback mechanism the EU Web Accessibility
//! Directive requires of public apps): anonymous, idempotent by the client's report id,
//! checked with the app's own rules (`domain::feedback`), numbered `BF-<year>-<sequence>`.
//!
//! It must never log what a report says or who wrote it.

use axum::http::StatusCode;
use domain::feedback::AccessibilityReport;

use super::submissions::Stored;
use super::{canonical_json, sha256_hex, Backend};
use crate::error::{FieldProblem, Problem};
use crate::storage::{ReportRecord, StoredResponse};
use crate::wire::{rfc3339, ReceivedReport, ReportReceipt};

/// Reports are not tied to a login; their idempotent answers are kept under this subject, in
/// their own scope, apart from every citizen's keys.
const ANONYMOUS: &str = "anonymous";

/// The reference number of the `sequence`-th report, received at `received_at` (unix ms).
pub fn reference(sequence: i64, received_at: i64) -> String {
    let year = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(received_at) * 1_000_000)
        .map(|t| t.year())
        .unwrap_or(0);
    format!("BF-{year}-{sequence:06}")
}

fn receipt(record: &ReportRecord) -> ReportReceipt {
    ReportReceipt {
        report_id: record.id.clone(),
        reference: reference(record.sequence, record.received_at),
        received_at: rfc3339(record.received_at),
    }
}

impl Backend {
    /// `POST /v1/accessibility-reports`.
    pub async fn create_report(&self, key: Option<&str>, body: &[u8]) -> Result<Stored, Problem> {
        let key = super::idempotency_key(key, "report")?;
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| Problem::malformed_json(&e))?;
        let fingerprint = sha256_hex(
            format!("POST /v1/accessibility-reports {}", canonical_json(&value)).as_bytes(),
        );
        let Some(_guard) = self.begin(format!("report:{key}")).await? else {
            return Err(super::key_in_flight());
        };
        let lookup = key.clone();
        if let Some(stored) = self
            .lookup(move |s| s.idempotent_response("report", ANONYMOUS, &lookup))
            .await?
        {
            if stored.fingerprint != fingerprint {
                return Err(super::key_reused("report"));
            }
            return Ok(Stored {
                status: stored.status,
                body: stored.body,
                replayed: true,
            });
        }
        let report: AccessibilityReport =
            serde_json::from_value(value).map_err(|e| Problem::invalid_body(&e))?;
        let problems = report.problems();
        if !problems.is_empty() {
            return Err(Problem::validation(
                problems
                    .iter()
                    .map(|p| {
                        FieldProblem::new(format!("/{}", p.field.id()), p.message_id, p.message_id)
                    })
                    .collect(),
            ));
        }
        let record = ReportRecord {
            id: key,
            sequence: 0,
            report_json: serde_json::to_string(&report.normalized())
                .map_err(|e| Problem::from(crate::error::Error::Task(e.to_string())))?,
            received_at: self.now(),
        };
        let template = record.clone();
        let respond = move |sequence: i64| {
            let mut numbered = template.clone();
            numbered.sequence = sequence;
            let body = serde_json::to_string(&receipt(&numbered))
                .map_err(|e| crate::error::Error::Task(e.to_string()))?;
            Ok(StoredResponse {
                subject: ANONYMOUS.to_string(),
                fingerprint: fingerprint.clone(),
                status: StatusCode::CREATED.as_u16(),
                body,
            })
        };
        let stored = self.db(move |s| s.create_report(&record, &respond)).await?;
        tracing::debug!("accessibility report received");
        Ok(Stored {
            status: stored.status,
            body: stored.body,
            replayed: false,
        })
    }

    /// `GET /admin/v1/accessibility-reports`: the newest 500.
    pub async fn admin_reports(&self) -> Result<Vec<ReceivedReport>, Problem> {
        let records = self.db(|s| s.reports(500)).await?;
        records
            .iter()
            .map(|record| {
                let report: AccessibilityReport = serde_json::from_str(&record.report_json)
                    .map_err(|e| Problem::from(crate::error::Error::Corrupt(e.to_string())))?;
                let receipt = receipt(record);
                Ok(ReceivedReport {
                    report_id: receipt.report_id,
                    reference: receipt.reference,
                    received_at: receipt.received_at,
                    report,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_carry_the_year_and_a_padded_sequence() {
        // 2026-11-26T12:00:00Z
        assert_eq!(reference(42, 1_795_694_400_000), "BF-2026-000042");
        assert_eq!(reference(1_234_567, 1_795_694_400_000), "BF-2026-1234567");
    }
}
