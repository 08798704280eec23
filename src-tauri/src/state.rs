//! Where the app keeps its data and which state API it talks to (the build's configuration),
//! and opening the [`App`] the commands share.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use app::App;
use domain::ipc::IpcError;
use store::OsKeyStore;
use sync::{KeychainCredentials, Session, SpkiPin, StateApiClient, SyncError, Timeouts, Transport};

use crate::clock;

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

/// Opens the app: the encrypted store in `data_dir` with its key from the OS keychain
/// (seeding the catalog on first start), the state-API client and the login.
pub fn open_app(data_dir: &Path, state_api: &StateApi) -> Result<App, Box<dyn std::error::Error>> {
    // An assisted session the app did not end (killed, crashed) left a store whose key died
    // with that process: it goes before anything else starts.
    match app::visit::remove_abandoned(data_dir) {
        Ok(0) => {}
        Ok(_) => eprintln!("ThüringenApp: an assisted session left by the last run was deleted"),
        Err(_) => {
            eprintln!("ThüringenApp: an assisted session left by the last run could not be deleted")
        }
    }
    let system: Vec<String> = sys_locale::get_locales().collect();
    let store = app::start::open_store(
        data_dir,
        &OsKeyStore::new(KEYCHAIN_SERVICE),
        system.iter().map(String::as_str),
        clock::now_millis(),
    )
    .map_err(IpcError::from);
    if let Err(error) = &store {
        let cause = error
            .args
            .get("cause")
            .map(String::as_str)
            .unwrap_or_default();
        eprintln!("ThüringenApp: the local store is not available ({cause})");
    }
    let client =
        StateApiClient::with_transport(&state_api.url, Timeouts::default(), &state_api.transport)?
            .with_trust_anchors(sync::receipt::trust_anchors(&state_api.trust_anchors)?);
    let credentials = KeychainCredentials::new(OsKeyStore::new(KEYCHAIN_SERVICE));
    let session = Session::new(client.clone(), Arc::new(credentials));
    let app = App::new(store, client, session, clock::for_sync()).with_visits_in(data_dir);
    // A debug build may end assisted sessions sooner, so a journey can watch it happen.
    #[cfg(debug_assertions)]
    let app = match std::env::var("THUERINGEN_VISIT_IDLE_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        Some(secs) => app.with_visit_idle_limit(std::time::Duration::from_secs(secs)),
        None => app,
    };
    Ok(app)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
