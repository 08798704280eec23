//! The app's state held by Tauri: the local store and the state-API client.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use domain::ipc::{CatalogOrigin, ErrorCode, IpcError};
use store::{Store, StoreError};
use sync::StateApiClient;

/// Where the app keeps its data unless `THUERINGEN_DATA_DIR` says otherwise (tests, kiosks).
pub fn data_dir(platform_default: Option<PathBuf>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("THUERINGEN_DATA_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => platform_default.ok_or("no data directory on this platform")?,
    };
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// The state API's address: `THUERINGEN_STATE_API` or the reference server on loopback.
pub fn state_api_url() -> String {
    std::env::var("THUERINGEN_STATE_API").unwrap_or_else(|_| "http://127.0.0.1:8787/".to_string())
}

/// Everything the commands share.
pub struct AppState {
    store: Mutex<Store>,
    pub client: StateApiClient,
}

impl AppState {
    /// Opens the store in `data_dir` and seeds the catalog on first start.
    ///
    /// A database file that cannot be read is moved aside (never deleted) and a fresh one is
    /// made, so the app starts; the old file stays for recovery.
    pub fn open(data_dir: &Path, state_api: &str) -> Result<AppState, Box<dyn std::error::Error>> {
        let path = data_dir.join("thueringen-app.db");
        let mut store = match Store::open(&path) {
            Err(StoreError::NotADatabase { .. }) => {
                let aside =
                    data_dir.join(format!("thueringen-app.db.unreadable-{}", now_compact()));
                std::fs::rename(&path, &aside)?;
                Store::open(&path)?
            }
            other => other?,
        };
        if store.catalog_version()?.is_none() {
            let catalog = catalog_seed::seed_catalog()?;
            store.save_catalog(&catalog, CatalogOrigin::Seed, None, &now_rfc3339())?;
        }
        let client = StateApiClient::new(state_api)?;
        Ok(AppState {
            store: Mutex::new(store),
            client,
        })
    }

    /// The store, or a storage error if an earlier panic poisoned the lock.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        self.store
            .lock()
            .map_err(|_| IpcError::new(ErrorCode::Internal, "error-internal"))
    }
}

pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn now_compact() -> String {
    time::OffsetDateTime::now_utc().unix_timestamp().to_string()
}

/// Maps a store error to what the person is told.
pub fn storage_error(error: StoreError) -> IpcError {
    let message_id = match error {
        StoreError::DiskFull => "error-disk-full",
        _ => "error-storage",
    };
    IpcError::new(ErrorCode::Storage, message_id)
}
