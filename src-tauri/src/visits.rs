//! Assisted sessions on a shared device (#14): the commands over `app::visit`, and the watch
//! that ends a session after [`app::visit::IDLE_MINUTES`] without input and tells the window.

use app::visit::Idleness;

use crate::sync_task::emit;
use app::App;
use domain::ipc::{
    event, DevicePinRequest, EndVisitRequest, IpcError, UnlockRequest, VisitEnd, VisitEndedBy,
    VisitReport, VisitView,
};
use tauri::{AppHandle, Manager, Runtime, State};

#[tauri::command]
pub fn visit_status(app: State<'_, App>) -> Result<VisitView, IpcError> {
    Ok(app.visit_status()?)
}

#[tauri::command]
pub async fn start_visit(app: State<'_, App>) -> Result<VisitView, IpcError> {
    Ok(app.start_visit().await?)
}

#[tauri::command]
pub async fn end_visit(
    app: State<'_, App>,
    request: EndVisitRequest,
) -> Result<VisitEnd, IpcError> {
    Ok(app.end_visit(request.discard_unsent).await?)
}

/// A key or a touch in the window (the UI sends it at most every few seconds).
#[tauri::command]
pub fn note_activity(app: State<'_, App>) {
    app.note_input();
}

/// Sets the device up as shared with a PIN, or ends that.
#[tauri::command]
pub fn set_device_pin(
    app: State<'_, App>,
    request: DevicePinRequest,
) -> Result<VisitView, IpcError> {
    Ok(app.set_device_pin(request.pin.as_deref())?)
}

/// The Digitallotse's record of sessions held on this device.
#[tauri::command]
pub fn visit_report(app: State<'_, App>) -> Result<VisitReport, IpcError> {
    Ok(app.visit_report()?)
}

#[tauri::command]
pub fn lock_device(app: State<'_, App>) -> Result<VisitView, IpcError> {
    Ok(app.lock_device()?)
}

/// Runs the PIN's slow hash off the main thread.
#[tauri::command]
pub async fn unlock_device<R: Runtime>(
    handle: AppHandle<R>,
    request: UnlockRequest,
) -> Result<VisitView, IpcError> {
    let view = tauri::async_runtime::spawn_blocking(move || {
        handle.state::<App>().unlock_device(&request.pin)
    })
    .await
    .map_err(|_| app::Error::Internal("unlock task"))??;
    Ok(view)
}

/// Warns the window in a session's last idle minutes, ends an idle session and tells the
/// window, for the app's lifetime.
pub fn watch_idle<R: Runtime>(handle: &AppHandle<R>) {
    let handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            let app = handle.state::<App>();
            tokio::time::sleep(app.visit_watch_every()).await;
            match app.visit_idleness() {
                Ok(Idleness::EndingSoon { seconds }) => {
                    let _ = emit::<event::VisitEndingSoon, R>(&handle, seconds);
                }
                Ok(Idleness::Over) => {
                    if let Ok(true) = app.end_idle_visit().await {
                        app::trace::line("visit", "ended after inactivity");
                        let _ = emit::<event::VisitEnded, R>(&handle, VisitEndedBy::Inactivity);
                    }
                }
                Ok(Idleness::InUse) | Err(_) => {}
            }
        }
    });
}
