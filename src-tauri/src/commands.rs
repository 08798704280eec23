//! Commands for the catalog, the settings, the clock and the account. Types come from
//! `domain::ipc`, so the UI and the shell share one contract; each command is one call into
//! the app's core, with what only the platform can do (asking the operating system, opening
//! the browser) handed in.

use app::App;
use domain::ipc::{
    AccountView, ClockView, Forgotten, IpcError, LoadTextsRequest, RefreshResponse,
    SetLanguageRequest, Settings, SettingsUpdate, StorageNotice, Texts,
};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

/// The stored catalog, as the JSON of a `CatalogResponse` sent as raw bytes (kept as JSON, so
/// neither decoded nor encoded again here; the window reads it once). Read off the main
/// thread, so the window's other start-up calls are answered meanwhile.
#[tauri::command]
pub async fn load_catalog<R: Runtime>(
    handle: AppHandle<R>,
) -> Result<tauri::ipc::Response, IpcError> {
    let json = tauri::async_runtime::spawn_blocking(move || {
        tauri::Manager::state::<App>(&handle).catalog_json()
    })
    .await
    .map_err(|_| app::Error::Internal("catalog task"))??;
    Ok(tauri::ipc::Response::new(json))
}

#[tauri::command]
pub async fn refresh_catalog(app: State<'_, App>) -> Result<RefreshResponse, IpcError> {
    Ok(app.refresh_catalog().await?)
}

/// The shell's clock for the window (one "now" and one "today" in the app).
#[tauri::command]
pub fn clock() -> ClockView {
    ClockView {
        offset_ms: crate::clock::offset_millis(),
    }
}

/// A language's texts for the window, which embeds only German. Public texts only.
#[tauri::command]
pub fn load_texts(request: LoadTextsRequest) -> Texts {
    app::settings::texts(request)
}

#[tauri::command]
pub fn get_settings(app: State<'_, App>) -> Result<Settings, IpcError> {
    Ok(app.settings()?)
}

#[tauri::command]
pub fn set_language(
    app: State<'_, App>,
    request: SetLanguageRequest,
) -> Result<Settings, IpcError> {
    Ok(app.set_language(request)?)
}

/// Changes settings; turning notifications on asks the operating system first (Android 13 and
/// iOS ask the person; desktops allow).
#[tauri::command]
pub fn update_settings<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
    request: SettingsUpdate,
) -> Result<Settings, IpcError> {
    Ok(app.update_settings(request, || crate::notifications::permitted(&handle))?)
}

/// Asks the outbox worker to try sending now (the person pressed "send now").
#[tauri::command]
pub fn sync_now(app: State<'_, App>) {
    app.nudge_sync();
}

/// The notice that the earlier data on this device was set aside, until dismissed.
#[tauri::command]
pub fn storage_notice(app: State<'_, App>) -> Result<Option<StorageNotice>, IpcError> {
    Ok(app.storage_notice()?)
}

#[tauri::command]
pub fn dismiss_storage_notice(app: State<'_, App>) -> Result<(), IpcError> {
    Ok(app.dismiss_storage_notice()?)
}

#[tauri::command]
pub async fn account(app: State<'_, App>) -> Result<AccountView, IpcError> {
    Ok(app.account().await?)
}

/// Logs in through the system browser (RFC 8252): the shell only opens the address.
#[tauri::command]
pub async fn log_in<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
) -> Result<AccountView, IpcError> {
    let pending = app.begin_login().await?;
    handle
        .opener()
        .open_url(pending.authorize_url().as_str(), None::<&str>)
        .map_err(|_| app::Error::BrowserUnavailable)?;
    Ok(app
        .finish_login(pending, app::account::LOGIN_TIMEOUT)
        .await?)
}

#[tauri::command]
pub async fn log_out(app: State<'_, App>) -> Result<AccountView, IpcError> {
    Ok(app.log_out().await?)
}

/// Logs out and deletes the person's data from this device, with the files the app saved.
#[tauri::command]
pub async fn forget_personal_data<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
) -> Result<Forgotten, IpcError> {
    Ok(app
        .forget_personal_data(|| crate::printing::forget_printouts(&handle))
        .await?)
}
