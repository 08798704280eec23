//! Handing a draft over to the citizen's own phone, and picking one up (#14): the commands
//! over `app::handover`.

use app::App;
use domain::ipc::{DraftRef, HandoverView, IpcError, ReceiveHandoverRequest, SubmissionRef};
use tauri::State;

/// Seals the draft under a fresh code and leaves it on the state API; the code and its QR
/// symbol come back (the same while that handover waits).
#[tauri::command]
pub async fn hand_over_draft(
    app: State<'_, App>,
    request: DraftRef,
) -> Result<HandoverView, IpcError> {
    Ok(app.hand_over_draft(request).await?)
}

/// Takes an application the outbox never tried back into its draft and hands that over.
#[tauri::command]
pub async fn hand_over_submission(
    app: State<'_, App>,
    request: SubmissionRef,
) -> Result<HandoverView, IpcError> {
    Ok(app.hand_over_submission(request).await?)
}

/// Whether the draft was picked up (then it is deleted here) or its time is over.
#[tauri::command]
pub async fn handover_state(
    app: State<'_, App>,
    request: DraftRef,
) -> Result<HandoverView, IpcError> {
    Ok(app.handover_state(request).await?)
}

/// Picks a draft up with the code another device shows; it becomes the person's draft.
#[tauri::command]
pub async fn receive_handover(
    app: State<'_, App>,
    request: ReceiveHandoverRequest,
) -> Result<DraftRef, IpcError> {
    Ok(app.receive_handover(request).await?)
}
