//! The outbox tests' rig: a store and a session logged in as Anna, a worker started on them,
//! and waiting for the worker's events.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::SeedableRng;
use store::Store;
use sync::{MemoryCredentials, Session, SyncEvent, Worker};
use tokio::sync::mpsc;

use crate::support;

pub const LIMIT: Duration = Duration::from_secs(120);

pub struct Rig {
    pub _dir: tempfile::TempDir,
    pub store: Arc<Mutex<Store>>,
    pub session: Arc<Session>,
    pub credentials: Arc<MemoryCredentials>,
}

pub async fn rig(base: &str) -> Rig {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let credentials = Arc::new(MemoryCredentials::new());
    let session = Session::new(support::client(base), credentials.clone());
    support::login(&session, "anna").await;
    support::use_as(&store.lock().expect("store"), "anna");
    Rig {
        _dir: dir,
        store,
        session,
        credentials,
    }
}

pub fn start(rig: &Rig) -> (Worker, Arc<Mutex<Vec<SyncEvent>>>) {
    start_clocked(rig, support::system_clock())
}

pub fn start_clocked(rig: &Rig, clock: sync::Clock) -> (Worker, Arc<Mutex<Vec<SyncEvent>>>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let worker = Worker::start(
        rig.store.clone(),
        rig.session.clone(),
        support::fast_config(),
        rand::rngs::StdRng::seed_from_u64(1),
        clock,
        tx,
    );
    (worker, support::event_log(rx))
}

pub fn events(log: &Arc<Mutex<Vec<SyncEvent>>>) -> Vec<SyncEvent> {
    log.lock().map(|l| l.clone()).unwrap_or_default()
}

pub async fn until(
    log: &Arc<Mutex<Vec<SyncEvent>>>,
    what: &str,
    found: impl Fn(&SyncEvent) -> bool,
) {
    let deadline = tokio::time::Instant::now() + LIMIT;
    while !events(log).iter().any(&found) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no {what} event within {LIMIT:?}: {:?}",
            events(log)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
