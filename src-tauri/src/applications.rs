//! Commands for drafts, files, submitting, "my applications", withdrawing, replying, kept
//! details and accessibility reports: each one call into the app's core (`app`), its error
//! mapped through `From`.

use app::App;
use domain::ipc::{
    AccessibilityReportView, AddAttachmentRequest, ApplicationSummary, AttachmentView,
    DismissReviewRequest, DraftRef, DraftView, InboxMessage, IpcError, MessageRef, MyDetails,
    RemoveAttachmentRequest, ReportResponse, SaveAnswerRequest, Saved, SendAccessibilityReport,
    SetDraftPageRequest, StartDraftRequest, SubmissionRef, SubmissionView, SubmitResponse,
};
use domain::reply::NewReply;
use tauri::State;

#[tauri::command]
pub fn start_draft(app: State<'_, App>, request: StartDraftRequest) -> Result<DraftView, IpcError> {
    Ok(app.start_draft(request)?)
}

#[tauri::command]
pub fn load_draft(app: State<'_, App>, request: DraftRef) -> Result<DraftView, IpcError> {
    Ok(app.load_draft(request)?)
}

#[tauri::command]
pub fn save_answer(app: State<'_, App>, request: SaveAnswerRequest) -> Result<Saved, IpcError> {
    Ok(app.save_answer(request)?)
}

#[tauri::command]
pub fn set_draft_page(
    app: State<'_, App>,
    request: SetDraftPageRequest,
) -> Result<Saved, IpcError> {
    Ok(app.set_draft_page(request)?)
}

#[tauri::command]
pub fn dismiss_review(
    app: State<'_, App>,
    request: DismissReviewRequest,
) -> Result<Saved, IpcError> {
    Ok(app.dismiss_review(request)?)
}

#[tauri::command]
pub fn delete_draft(app: State<'_, App>, request: DraftRef) -> Result<(), IpcError> {
    Ok(app.delete_draft(request)?)
}

#[tauri::command]
pub fn add_attachment(
    app: State<'_, App>,
    request: AddAttachmentRequest,
) -> Result<AttachmentView, IpcError> {
    Ok(app.add_attachment(request)?)
}

#[tauri::command]
pub fn remove_attachment(
    app: State<'_, App>,
    request: RemoveAttachmentRequest,
) -> Result<(), IpcError> {
    Ok(app.remove_attachment(request)?)
}

#[tauri::command]
pub fn submit_draft(app: State<'_, App>, request: DraftRef) -> Result<SubmitResponse, IpcError> {
    Ok(app.submit_draft(request)?)
}

#[tauri::command]
pub async fn list_applications(app: State<'_, App>) -> Result<Vec<ApplicationSummary>, IpcError> {
    Ok(app.applications().await?)
}

#[tauri::command]
pub fn claim_submission(app: State<'_, App>, request: SubmissionRef) -> Result<(), IpcError> {
    Ok(app.claim_submission(request)?)
}

#[tauri::command]
pub async fn load_submission(
    app: State<'_, App>,
    request: SubmissionRef,
) -> Result<SubmissionView, IpcError> {
    Ok(app.submission(request).await?)
}

#[tauri::command]
pub async fn withdraw_submission(
    app: State<'_, App>,
    request: SubmissionRef,
) -> Result<SubmissionView, IpcError> {
    Ok(app.withdraw(request).await?)
}

#[tauri::command]
pub async fn send_reply(
    app: State<'_, App>,
    request: NewReply,
) -> Result<SubmissionView, IpcError> {
    Ok(app.send_reply(request).await?)
}

#[tauri::command]
pub fn list_inbox(app: State<'_, App>) -> Result<Vec<InboxMessage>, IpcError> {
    Ok(app.inbox()?)
}

#[tauri::command]
pub fn mark_message_read(app: State<'_, App>, request: MessageRef) -> Result<(), IpcError> {
    Ok(app.mark_message_read(request)?)
}

#[tauri::command]
pub fn load_my_details(app: State<'_, App>) -> Result<MyDetails, IpcError> {
    Ok(app.my_details()?)
}

#[tauri::command]
pub fn remember_my_details(app: State<'_, App>, request: DraftRef) -> Result<MyDetails, IpcError> {
    Ok(app.remember_my_details(request)?)
}

#[tauri::command]
pub fn forget_my_details(app: State<'_, App>) -> Result<MyDetails, IpcError> {
    Ok(app.forget_my_details()?)
}

#[tauri::command]
pub fn send_accessibility_report(
    app: State<'_, App>,
    request: SendAccessibilityReport,
) -> Result<ReportResponse, IpcError> {
    Ok(app.send_accessibility_report(request)?)
}

#[tauri::command]
pub fn list_accessibility_reports(
    app: State<'_, App>,
) -> Result<Vec<AccessibilityReportView>, IpcError> {
    Ok(app.accessibility_reports()?)
}
