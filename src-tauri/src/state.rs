//! The app's state held by Tauri: the local store and the state-API client.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use domain::ipc::{CatalogOrigin, ErrorCode, IpcError};
use store::{recovery, KeyStore, KeychainError, OsKeyStore, Store, StoreError};
use sync::{KeychainCredentials, Session, SpkiPin, StateApiClient, SyncError, Timeouts, Transport};

/// The keychain service the database key is kept under (the app id).
const KEYCHAIN_SERVICE: &str = "de.thueringen.app";

/// Where the app keeps its data unless `THUERINGEN_DATA_DIR` says otherwise (tests, kiosks).
pub fn data_dir(platform_default: Option<PathBuf>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("THUERINGEN_DATA_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => platform_default.ok_or("no data directory on this platform")?,
    };
    std::fs::create_dir_all(&dir)?;
    private_to_this_user(&dir)?;
    Ok(dir)
}

/// The data directory is the person's alone (0700): other local users of a desktop cannot list
/// or read the store, its moved-aside files or attachments.
#[cfg(unix)]
fn private_to_this_user(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn private_to_this_user(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The state API this build talks to, and how: from the build's configuration
/// (`THUERINGEN_STATE_API_URL` and `THUERINGEN_STATE_API_PINS` when the shell is compiled; see
/// build.rs). A release build speaks only HTTPS with pinned keys; a debug build may also talk
/// plain HTTP to loopback, and a test may point it elsewhere with `THUERINGEN_STATE_API`.
pub struct StateApi {
    pub url: String,
    pub transport: Transport,
    /// The keys destination key sets must be signed under (`THUERINGEN_TRUST_ANCHOR` when the
    /// shell is compiled; a debug build may be given others at run time, for tests).
    pub trust_anchors: String,
}

pub fn state_api() -> Result<StateApi, SyncError> {
    let configured = env!("THUERINGEN_BUILD_STATE_API_URL").to_string();
    #[cfg(debug_assertions)]
    let url = std::env::var("THUERINGEN_STATE_API").unwrap_or(configured);
    #[cfg(not(debug_assertions))]
    let url = configured;
    let pins = SpkiPin::parse_list(env!("THUERINGEN_BUILD_STATE_API_PINS"))?;
    let transport = if cfg!(debug_assertions) {
        match pins.is_empty() {
            true => Transport::development(),
            false => Transport::pinned(pins)?.allowing_loopback_http(),
        }
    } else {
        Transport::pinned(pins)?
    };
    let built = env!("THUERINGEN_BUILD_TRUST_ANCHOR").to_string();
    #[cfg(debug_assertions)]
    let trust_anchors = std::env::var("THUERINGEN_TRUST_ANCHOR").unwrap_or(built);
    #[cfg(not(debug_assertions))]
    let trust_anchors = built;
    Ok(StateApi {
        url,
        transport,
        trust_anchors,
    })
}

/// Everything the commands share.
pub struct AppState {
    /// The open store, or why it could not be opened (a locked or missing keychain): the app
    /// still starts and every command that needs the store says what is wrong.
    store: Result<Arc<Mutex<Store>>, IpcError>,
    pub client: StateApiClient,
    /// The login at the state API (refresh token in the keychain, access token in memory).
    pub session: Arc<Session>,
    /// Wakes the outbox worker when something was queued or the person asks to send now.
    pub sync_wakeup: std::sync::Arc<tokio::sync::Notify>,
    /// Held while the person using the app changes (login, logout, forgetting, taking over a
    /// kept login), so the session and the store's owner change together.
    pub account_change: tokio::sync::Mutex<()>,
}

impl AppState {
    /// Opens the encrypted store in `data_dir` with its key from the OS keychain and seeds the
    /// catalog on first start.
    pub fn open(
        data_dir: &Path,
        state_api: &StateApi,
    ) -> Result<AppState, Box<dyn std::error::Error>> {
        let store = open_store(data_dir, &OsKeyStore::new(KEYCHAIN_SERVICE))
            .map(|store| Arc::new(Mutex::new(store)));
        if let Err(error) = &store {
            let cause = error
                .args
                .get("cause")
                .map(String::as_str)
                .unwrap_or_default();
            eprintln!("ThüringenApp: the local store is not available ({cause})");
        }
        let client = StateApiClient::with_transport(
            &state_api.url,
            Timeouts::default(),
            &state_api.transport,
        )?
        .with_trust_anchors(sync::receipt::trust_anchors(&state_api.trust_anchors)?);
        let credentials = KeychainCredentials::new(OsKeyStore::new(KEYCHAIN_SERVICE));
        let session = Session::new(client.clone(), Arc::new(credentials));
        Ok(AppState {
            store,
            client,
            session,
            sync_wakeup: Default::default(),
            account_change: Default::default(),
        })
    }

    /// Whether a login can send now (a refresh token that was not refused). Reads the
    /// keychain, no network; a keychain that cannot answer counts as logged out.
    pub async fn logged_in(&self) -> bool {
        self.session
            .account()
            .await
            .map(|account| account.logged_in)
            .unwrap_or(false)
    }

    /// Tells the outbox worker to look at the outbox now.
    pub fn nudge_sync(&self) {
        self.sync_wakeup.notify_one();
    }

    /// The store to share with the outbox worker, or why it is not available.
    pub fn shared_store(&self) -> Result<Arc<Mutex<Store>>, IpcError> {
        self.store.clone()
    }

    /// The store, or why it is not available.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        match &self.store {
            Ok(store) => store
                .lock()
                .map_err(|_| IpcError::new(ErrorCode::Internal, "error-internal")),
            Err(error) => Err(error.clone()),
        }
    }
}

/// Opens (or creates) the store. A file that cannot be read, whose key the keychain no longer
/// has, or an unencrypted file in the encrypted store's place, is moved aside (never deleted;
/// `store::recovery` can bring it back with its key) and a fresh store under a new key is made,
/// so the app starts. A locked or missing keychain is an error: nothing is
/// written without it.
fn open_store(data_dir: &Path, keys: &dyn KeyStore) -> Result<Store, IpcError> {
    let path = data_dir.join("thueringen-app.db");
    let now = crate::clock::now_millis();
    let mut store = match Store::open_with_keychain(&path, keys) {
        Err(
            StoreError::NotADatabase { .. }
            | StoreError::KeyMissing { .. }
            | StoreError::UnexpectedPlaintext { .. },
        ) => {
            let (store, aside) = recovery::start_over(&path, keys, &(now / 1000).to_string())
                .map_err(storage_error)?;
            if let Some(aside) = aside {
                eprintln!(
                    "ThüringenApp: an unreadable store was moved to {}",
                    aside.display()
                );
                // The person is told on the next screen, until they dismiss it.
                let name = aside
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                store.note_set_aside(&name, now).map_err(storage_error)?;
            }
            store
        }
        other => other.map_err(storage_error)?,
    };
    crate::trace::line("start", "store opened");
    // On the first start the app speaks the operating system's language when it is one of
    // ours; a language the person chose is never overridden.
    let system: Vec<String> = sys_locale::get_locales().collect();
    store
        .adopt_system_language(system.iter().map(String::as_str))
        .map_err(storage_error)?;
    if store.catalog_version().map_err(storage_error)?.is_none() {
        let catalog = catalog_seed::seed_catalog()
            .map_err(|_| IpcError::new(ErrorCode::Internal, "error-internal"))?;
        store
            .save_catalog(
                &catalog,
                CatalogOrigin::Seed,
                None,
                &crate::clock::rfc3339(now),
            )
            .map_err(storage_error)?;
        crate::trace::line("start", "catalog seeded");
    }
    // The forms shipped with the app, so drafts on them can migrate when the state API brings
    // a newer version.
    for (_, json) in domain::form::showcase_definitions() {
        let Ok(definition) = domain::form::FormDefinition::from_json(json) else {
            continue;
        };
        let stored = store
            .form_definition(&definition.id, &definition.version)
            .map_err(storage_error)?;
        if stored.is_none() {
            store
                .save_form_definition(&definition, now)
                .map_err(storage_error)?;
        }
    }
    crate::trace::line("start", "forms checked");
    Ok(store)
}

/// Maps a store error to what the person is told; `cause` tells the UI (and support) which
/// kind of storage problem it is, without personal data.
pub fn storage_error(error: StoreError) -> IpcError {
    let (code, message_id, cause) = match error {
        StoreError::Keychain(KeychainError::Locked { .. }) => (
            ErrorCode::Keychain,
            "error-keychain-locked",
            "keychain-locked",
        ),
        StoreError::Keychain(KeychainError::Unavailable { .. }) => (
            ErrorCode::Keychain,
            "error-keychain-unavailable",
            "keychain-unavailable",
        ),
        StoreError::NotFound { .. } => (ErrorCode::NotFound, "error-not-found", "not-found"),
        StoreError::InvalidState { .. } => (
            ErrorCode::InvalidRequest,
            "error-already-submitted",
            "invalid-state",
        ),
        StoreError::TooLarge { limit } => {
            return IpcError::new(ErrorCode::InvalidRequest, "error-attachment-too-large")
                .with_arg("limit_mb", (limit / (1024 * 1024)).to_string());
        }
        StoreError::HashMismatch => (
            ErrorCode::Storage,
            "error-attachment-corrupt",
            "hash-mismatch",
        ),
        other => {
            let (message_id, cause) = storage_message(other);
            (ErrorCode::Storage, message_id, cause)
        }
    };
    IpcError::new(code, message_id).with_arg("cause", cause)
}

fn storage_message(error: StoreError) -> (&'static str, &'static str) {
    match error {
        StoreError::DiskFull => ("error-disk-full", "disk-full"),
        StoreError::Keychain(_) => ("error-storage", "keychain"),
        StoreError::NotADatabase { .. } => ("error-storage", "unreadable"),
        StoreError::KeyMissing { .. } => ("error-storage", "key-missing"),
        StoreError::NotEncrypted => ("error-storage", "not-encrypted"),
        StoreError::UnexpectedPlaintext { .. } => ("error-storage", "unexpected-plaintext"),
        _ => ("error-storage", "storage"),
    }
}

#[cfg(test)]
mod tests {
    use store::MemoryKeyStore;

    use super::*;

    #[test]
    fn a_locked_keychain_leaves_no_store_and_a_clear_error(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::failing(KeychainError::Locked {
            detail: "test".into(),
        });
        let error = open_store(dir.path(), &keys)
            .err()
            .ok_or("a locked keychain opens nothing")?;
        assert_eq!(
            error.args.get("cause").map(String::as_str),
            Some("keychain-locked"),
            "cause named"
        );
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            0,
            "nothing written without a key"
        );
        Ok(())
    }

    #[test]
    fn an_unreadable_store_is_set_aside_and_the_person_is_told(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        std::fs::write(dir.path().join("thueringen-app.db"), b"not a database")?;
        let store = open_store(dir.path(), &keys)?;
        let (kept_as, _) = store
            .set_aside_notice()?
            .ok_or("the person is told that the earlier data was set aside")?;
        assert_eq!(
            std::fs::read(dir.path().join(&kept_as))?,
            b"not a database",
            "the earlier file is kept under the name the notice gives"
        );
        assert!(store.catalog_version()?.is_some(), "a fresh, seeded store");
        Ok(())
    }

    #[test]
    fn a_plaintext_file_planted_in_place_of_the_store_is_set_aside_not_adopted(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        drop(open_store(dir.path(), &keys)?);
        let path = dir.path().join("thueringen-app.db");
        std::fs::remove_file(&path)?;
        drop(Store::open_plain(&path)?);
        let store = open_store(dir.path(), &keys)?;
        let (kept_as, _) = store
            .set_aside_notice()?
            .ok_or("the person is told that a file was set aside")?;
        assert!(
            std::fs::read(dir.path().join(&kept_as))?.starts_with(b"SQLite format 3\0"),
            "the planted file was moved aside as it was"
        );
        assert!(
            !std::fs::read(&path)?.starts_with(b"SQLite format 3\0"),
            "the store in place is encrypted"
        );
        Ok(())
    }

    #[test]
    fn forgetting_deletes_files_set_aside_earlier() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        std::fs::write(dir.path().join("thueringen-app.db"), b"damaged")?;
        let store = open_store(dir.path(), &keys)?;
        assert!(
            std::fs::read_dir(dir.path())?.count() > 1,
            "a file was set aside"
        );
        let forgotten = store.forget_personal_data()?;
        assert_eq!(forgotten.set_aside_files, 1);
        let names: Vec<String> = std::fs::read_dir(dir.path())?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()?;
        assert!(
            names.iter().all(|n| !n.contains("unreadable")),
            "nothing set aside is left: {names:?}"
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn the_data_directory_is_private_to_this_user() -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::PermissionsExt;
        if std::env::var_os("THUERINGEN_DATA_DIR").is_some() {
            return Ok(()); // the environment chose the directory; nothing to check here
        }
        let parent = tempfile::tempdir()?;
        let wanted = parent.path().join("de.thueringen.app");
        std::fs::create_dir_all(&wanted)?;
        std::fs::set_permissions(&wanted, std::fs::Permissions::from_mode(0o755))?;
        let dir = data_dir(Some(wanted))?;
        let mode = std::fs::metadata(&dir)?.permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "only this user may enter the data directory");
        Ok(())
    }

    #[test]
    fn a_store_opens_seeded_and_reopens_with_its_key() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        let version = open_store(dir.path(), &keys)?.catalog_version()?;
        assert!(version.is_some(), "seeded on first start");
        assert_eq!(
            open_store(dir.path(), &keys)?.catalog_version()?,
            version,
            "reopened"
        );
        Ok(())
    }
}
