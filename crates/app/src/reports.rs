//! Reports of accessibility problems: checked with `domain::feedback`, kept in the encrypted
//! store, sent by the sync worker; the list of what the person reported.

use domain::ipc::{AccessibilityReportView, ReportResponse, SendAccessibilityReport};
use uuid::Uuid;

use crate::{views, App, Error};

impl App {
    /// Checks the report; if it can be sent, keeps it durably and queues it. The report's id
    /// is made here and is its Idempotency-Key, so a retry can never file it twice.
    pub fn send_accessibility_report(
        &self,
        request: SendAccessibilityReport,
    ) -> Result<ReportResponse, Error> {
        let report = request.report;
        let problems = report.problems();
        if !problems.is_empty() {
            return Ok(ReportResponse::Invalid { problems });
        }
        let id = Uuid::new_v4();
        let view = {
            let store = self.store()?;
            store.queue_report(id, &report, self.now())?;
            views::report_view(&store, id)?
        };
        self.nudge_sync();
        Ok(ReportResponse::Queued { report: view })
    }

    /// The person's reports, newest first.
    pub fn accessibility_reports(&self) -> Result<Vec<AccessibilityReportView>, Error> {
        let reports = self.store()?.reports()?;
        Ok(reports.into_iter().map(views::report_view_of).collect())
    }

    /// One report as "your reports" shows it.
    pub fn accessibility_report(&self, id: Uuid) -> Result<AccessibilityReportView, Error> {
        views::report_view(&*self.store()?, id)
    }
}
