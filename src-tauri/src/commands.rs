//! The IPC commands. Each is a few lines over the library crates; types come from
//! `domain::ipc`, so the UI and the shell share one contract.

use domain::ipc::{
    CatalogOrigin, CatalogResponse, ErrorCode, IpcError, RefreshResponse, SetLanguageRequest,
    Settings, SettingsUpdate,
};
use sync::CatalogFetch;
use tauri::State;

use crate::state::{now_rfc3339, storage_error, AppState};

#[tauri::command]
pub fn load_catalog(state: State<'_, AppState>) -> Result<CatalogResponse, IpcError> {
    let stored = state.store()?.catalog().map_err(storage_error)?;
    let stored = stored.ok_or_else(|| IpcError::new(ErrorCode::Storage, "error-storage"))?;
    Ok(CatalogResponse {
        catalog: stored.catalog,
        origin: stored.origin,
    })
}

#[tauri::command]
pub async fn refresh_catalog(state: State<'_, AppState>) -> Result<RefreshResponse, IpcError> {
    let etag = state.store()?.catalog_etag().map_err(storage_error)?;
    match state.client.fetch_catalog(etag.as_deref()).await {
        Ok(CatalogFetch::NotModified) => Ok(RefreshResponse::Unchanged),
        Ok(CatalogFetch::Changed { catalog, etag }) => {
            let mut store = state.store()?;
            let previous = store.catalog_version().map_err(storage_error)?;
            store
                .save_catalog(
                    &catalog,
                    CatalogOrigin::StateApi,
                    etag.as_deref(),
                    &now_rfc3339(),
                )
                .map_err(storage_error)?;
            // The same content under a new ETag (the first refresh after the seed) changes nothing
            // the person sees.
            if previous.as_deref() == Some(catalog.version.as_str()) {
                Ok(RefreshResponse::Unchanged)
            } else {
                Ok(RefreshResponse::Updated {
                    version: catalog.version.clone(),
                })
            }
        }
        Err(error) if error.is_transient() => Ok(RefreshResponse::Offline),
        Err(_) => Err(IpcError::new(ErrorCode::Network, "error-network")),
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

#[tauri::command]
pub fn update_settings(
    state: State<'_, AppState>,
    request: SettingsUpdate,
) -> Result<Settings, IpcError> {
    state
        .store()?
        .update_settings(&request)
        .map_err(storage_error)
}

/// Asks the outbox worker to try sending now (the person pressed "send now").
#[tauri::command]
pub fn sync_now(state: State<'_, AppState>) {
    state.nudge_sync();
}
