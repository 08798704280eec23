//! The IPC commands. Each is a few lines over the library crates; types come from
//! `domain::ipc`, so the UI and the shell share one contract.

use domain::ipc::{
    CatalogResponse, ClockView, ErrorCode, IpcError, LoadTextsRequest, RefreshResponse,
    SetLanguageRequest, Settings, SettingsUpdate, Texts,
};
use tauri::State;

use crate::state::{storage_error, AppState};

/// The stored catalog, as the JSON of a [`CatalogResponse`] sent as raw bytes: it is kept as
/// JSON, so it is neither decoded nor encoded again here, and the window reads it once with
/// serde_json (#20: the catalog was the largest step of the start). Read off the main thread,
/// so the window's other start-up calls, asked at the same time, are answered meanwhile.
#[tauri::command]
pub async fn load_catalog(state: State<'_, AppState>) -> Result<tauri::ipc::Response, IpcError> {
    let store = state.shared_store()?;
    let stored = tauri::async_runtime::spawn_blocking(move || {
        let store = store
            .lock()
            .map_err(|_| IpcError::new(ErrorCode::Internal, "error-internal"))?;
        store.catalog_json().map_err(storage_error)
    })
    .await
    .map_err(|_| IpcError::new(ErrorCode::Internal, "error-internal"))??;
    let (json, origin) =
        stored.ok_or_else(|| IpcError::new(ErrorCode::Storage, "error-storage"))?;
    Ok(tauri::ipc::Response::new(
        CatalogResponse::json_from_stored(&json, origin),
    ))
}

#[tauri::command]
pub async fn refresh_catalog(state: State<'_, AppState>) -> Result<RefreshResponse, IpcError> {
    let store = state.shared_store()?;
    let now = crate::clock::now_millis();
    sync::refresh::refresh_catalog(&state.client, &store, now, &crate::clock::rfc3339(now))
        .await
        .map_err(crate::account::sync_error)
}

/// The shell's clock for the window (one "now" and one "today" in the app).
#[tauri::command]
pub fn clock() -> ClockView {
    ClockView {
        offset_ms: crate::clock::offset_millis(),
    }
}

/// A language's texts for the window, which embeds only German (#20). Public texts only.
#[tauri::command]
pub fn load_texts(request: LoadTextsRequest) -> Texts {
    Texts {
        language: request.language,
        files: i18n::sources_of(request.language)
            .map(|source| source.text.to_string())
            .collect(),
    }
}

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Result<Settings, IpcError> {
    state.store()?.settings().map_err(storage_error)
}

#[tauri::command]
pub fn set_language(
    state: State<'_, AppState>,
    request: SetLanguageRequest,
) -> Result<Settings, IpcError> {
    let store = state.store()?;
    store
        .set_language(request.language)
        .map_err(storage_error)?;
    store.settings().map_err(storage_error)
}

/// Changes settings. Turning notifications on asks the operating system first (Android 13
/// and iOS ask the person; desktops allow); refused there, they stay off and the person is told.
#[tauri::command]
pub fn update_settings<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    mut request: SettingsUpdate,
) -> Result<Settings, IpcError> {
    let refused = match &mut request.notifications {
        Some(wanted) if wanted.enabled => {
            let granted = crate::notifications::permitted(&app);
            wanted.enabled = granted;
            !granted
        }
        _ => false,
    };
    let settings = state
        .store()?
        .update_settings(&request)
        .map_err(storage_error)?;
    if refused {
        return Err(IpcError::new(
            ErrorCode::InvalidRequest,
            "error-notifications-refused",
        ));
    }
    Ok(settings)
}

/// Asks the outbox worker to try sending now (the person pressed "send now").
#[tauri::command]
pub fn sync_now(state: State<'_, AppState>) {
    state.nudge_sync();
}

/// The notice that the earlier data on this device was set aside, until dismissed.
#[tauri::command]
pub fn storage_notice(
    state: State<'_, AppState>,
) -> Result<Option<domain::ipc::StorageNotice>, IpcError> {
    let notice = state.store()?.set_aside_notice().map_err(storage_error)?;
    Ok(notice.map(|(kept_as, at)| domain::ipc::StorageNotice {
        kept_as,
        at: crate::clock::rfc3339(at),
    }))
}

/// The person has read the notice.
#[tauri::command]
pub fn dismiss_storage_notice(state: State<'_, AppState>) -> Result<(), IpcError> {
    state
        .store()?
        .dismiss_set_aside_notice()
        .map_err(storage_error)
}
