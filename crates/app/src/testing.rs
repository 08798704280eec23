//! An [`App`] for unit tests: an in-memory store, a login in memory only, a state API that is
//! never reached (nothing listens on port 9), and a clock the test sets.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use store::{Owner, Store};
use sync::{MemoryCredentials, Session, StateApiClient};

use crate::App;

/// 2026-12-05T10:00:00Z.
pub const NOW: i64 = 1_796_464_800_000;

/// The app and the hand of its clock.
pub struct TestApp {
    pub app: App,
    pub time: Arc<AtomicI64>,
}

impl TestApp {
    pub fn new() -> TestApp {
        let store = Store::open_in_memory().expect("an in-memory store");
        store
            .set_owner(&Owner::Account("anna".into()))
            .expect("an owner");
        TestApp::with_store(store)
    }

    pub fn with_store(store: Store) -> TestApp {
        let client = StateApiClient::new("http://127.0.0.1:9/").expect("a client");
        let session = Session::new(client.clone(), Arc::new(MemoryCredentials::new()));
        let time = Arc::new(AtomicI64::new(NOW));
        let hand = time.clone();
        let app = App::new(
            Ok(store),
            client,
            session,
            Arc::new(move || hand.load(Ordering::SeqCst)),
        );
        TestApp { app, time }
    }
}
