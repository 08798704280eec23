//! Commands for reports of accessibility problems: check with `domain::feedback`, keep in the
//! encrypted store, nudge the sync worker; list what the person reported.

use domain::feedback::AccessibilityReport;
use domain::ipc::{AccessibilityReportView, IpcError, ReportResponse, SendAccessibilityReport};
use tauri::State;
use uuid::Uuid;

use crate::clock;
use crate::state::{storage_error, AppState};
use crate::views;

/// Checks the report; if it can be sent, keeps it durably and queues it. The report's id is
/// made here and is its Idempotency-Key, so a retry can never file it twice.
#[tauri::command]
pub fn send_accessibility_report(
    state: State<'_, AppState>,
    request: SendAccessibilityReport,
) -> Result<ReportResponse, IpcError> {
    let report: AccessibilityReport = request.report;
    let problems = report.problems();
    if !problems.is_empty() {
        return Ok(ReportResponse::Invalid { problems });
    }
    let id = Uuid::new_v4();
    let view = {
        let store = state.store()?;
        store
            .queue_report(id, &report, clock::now_millis())
            .map_err(storage_error)?;
        views::report_view(&store, id)?
    };
    state.nudge_sync();
    Ok(ReportResponse::Queued { report: view })
}

/// The person's reports, newest first.
#[tauri::command]
pub fn list_accessibility_reports(
    state: State<'_, AppState>,
) -> Result<Vec<AccessibilityReportView>, IpcError> {
    let reports = state.store()?.reports().map_err(storage_error)?;
    Ok(reports.into_iter().map(views::report_view_of).collect())
}
