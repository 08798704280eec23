//! ThüringenApp's core, the app without its window: everything the shell's commands decide
//! (what a draft may take, what is queued, what the person sees of an application, who is
//! logged in, what is due for a reminder, what a printout holds), as functions over the
//! `store`, `sync` and `domain` crates, tested without a webview.
//!
//! The Tauri shell (`src-tauri`) holds one [`App`] and maps each IPC command onto one call
//! here; errors become the IPC's [`domain::ipc::IpcError`] through one `From`
//! ([`Error`]). Nothing here knows Tauri: no window, no plugin, no path of the platform. The
//! time comes from the [`Clock`] the shell hands in, so tests move it.

pub mod account;
pub mod drafts;
mod error;
pub mod events;
pub mod files;
pub mod handover;
pub mod inbox;
pub mod instant;
pub mod printing;
pub mod reminders;
pub mod replies;
pub mod reports;
pub mod settings;
pub mod shared_device;
pub mod start;
pub mod submissions;
pub mod trace;
pub mod views;
pub mod visit;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use domain::calendar::UnixMillis;
use domain::form::Date;
use domain::ipc::IpcError;
use store::Store;
use sync::{Session, StateApiClient};
use tokio::sync::Notify;
use uuid::Uuid;

pub use error::Error;

/// The app's clock: now, in Unix milliseconds (the shell's, moved in tests).
pub type Clock = sync::Clock;

/// The app's state: the local store, the state-API client and the login.
pub struct App {
    /// The open store, or what the person was told when it could not be opened (a locked or
    /// missing keychain): the app still starts and every call that needs the store says so.
    store: Result<Arc<Mutex<Store>>, IpcError>,
    pub client: StateApiClient,
    /// The login at the state API (refresh token in the keychain, access token in memory).
    pub session: Arc<Session>,
    /// Wakes the outbox worker when something was queued or the person asks to send now.
    sync_wakeup: Arc<Notify>,
    /// Held while the person using the app changes (login, logout, forgetting, taking over a
    /// kept login), so the session and the store's owner change together.
    account_change: tokio::sync::Mutex<()>,
    clock: Clock,
    /// Where assisted sessions keep their store ([`visit`]); `None`: none can be started.
    visits_dir: Option<PathBuf>,
    /// The assisted session running now, with what was set aside for it.
    visit: Mutex<Option<visit::Visit>>,
    /// When the person last touched the window (Unix ms), for a session's inactivity.
    last_input: AtomicI64,
    /// A shared device between sessions: the device's store answers nothing until its PIN
    /// ([`shared_device`]).
    locked: AtomicBool,
    /// Milliseconds without input after which an assisted session ends.
    idle_limit_ms: i64,
}

impl App {
    pub fn new(
        store: Result<Store, IpcError>,
        client: StateApiClient,
        session: Arc<Session>,
        clock: Clock,
    ) -> App {
        // A shared device starts locked.
        let shared = store
            .as_ref()
            .ok()
            .and_then(|s| s.shared_device_pin().ok().flatten())
            .is_some();
        App {
            store: store.map(|store| Arc::new(Mutex::new(store))),
            client,
            session,
            sync_wakeup: Default::default(),
            account_change: Default::default(),
            clock,
            visits_dir: None,
            visit: Mutex::new(None),
            last_input: AtomicI64::new(0),
            locked: AtomicBool::new(shared),
            idle_limit_ms: i64::from(visit::IDLE_MINUTES) * 60_000,
        }
    }

    /// Lets assisted sessions keep their store in `data_dir` ([`visit::VISITS_DIR`]).
    pub fn with_visits_in(mut self, data_dir: &std::path::Path) -> App {
        self.visits_dir = Some(data_dir.join(visit::VISITS_DIR));
        self
    }

    /// Now, by the app's clock.
    pub fn now(&self) -> UnixMillis {
        (self.clock)()
    }

    /// The app's clock, for the sync worker.
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    /// Today: the citizen's day in Europe/Berlin, as the UI and the state API count it.
    pub fn today(&self) -> Result<Date, Error> {
        domain::calendar::citizen_day(self.now()).ok_or(Error::Internal("date out of range"))
    }

    /// The store, or why it is not available: a shared device locked between sessions keeps
    /// its person's store closed ([`shared_device`]).
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, Error> {
        if self.locked.load(Ordering::SeqCst) && !self.visit_running()? {
            return Err(Error::DeviceLocked);
        }
        self.store_even_if_locked()
    }

    /// The store also while the shared device is locked: for what anyone may see (the catalog,
    /// the display settings) and for starting a session.
    pub(crate) fn store_even_if_locked(&self) -> Result<MutexGuard<'_, Store>, Error> {
        match &self.store {
            Ok(store) => store.lock().map_err(|_| Error::Internal("store lock")),
            Err(told) => Err(Error::StoreUnavailable(told.clone())),
        }
    }

    /// The store to share with the outbox worker, or why it is not available.
    pub fn shared_store(&self) -> Result<Arc<Mutex<Store>>, Error> {
        match &self.store {
            Ok(store) => Ok(store.clone()),
            Err(told) => Err(Error::StoreUnavailable(told.clone())),
        }
    }

    /// What wakes the outbox worker.
    pub fn sync_wakeup(&self) -> Arc<Notify> {
        self.sync_wakeup.clone()
    }

    /// Tells the outbox worker to look at the outbox now.
    pub fn nudge_sync(&self) {
        self.sync_wakeup.notify_one();
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
}

/// An id the window sent.
pub(crate) fn parse_id(text: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(text).map_err(|_| Error::InvalidRequest)
}

#[cfg(test)]
pub(crate) mod testing;
