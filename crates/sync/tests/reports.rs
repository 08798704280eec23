//! Reports of accessibility problems through the worker against the real state API: kept on
//! the device while the server cannot be reached, sent without any login once it can, and
//! received exactly once through a proxy that cuts, refuses and delays connections.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use domain::feedback::AccessibilityReport;
use rand::SeedableRng;
use store::{ReportDelivery, Store};
use sync::{MemoryCredentials, Session, SyncEvent, Worker};
use tokio::sync::mpsc;
use uuid::Uuid;

use support::proxy::{FaultProxy, FaultRates};
use support::TestServer;

const LIMIT: Duration = Duration::from_secs(120);

fn report(n: usize) -> AccessibilityReport {
    AccessibilityReport {
        place: format!("Seite {n}"),
        description: format!("Barriere Nummer {n}: der Knopf hat keinen Namen."),
        wants_reply: n.is_multiple_of(2),
        email: "anna@example.org".into(),
        language: "de".into(),
        ..AccessibilityReport::default()
    }
}

fn start(store: &Arc<Mutex<Store>>, base: &str) -> (Worker, Arc<Mutex<Vec<SyncEvent>>>) {
    // No login at all: reporting a barrier must not need one.
    let session = Session::new(support::client(base), Arc::new(MemoryCredentials::new()));
    let (tx, rx) = mpsc::unbounded_channel();
    let worker = Worker::start(
        store.clone(),
        session,
        support::fast_config(),
        rand::rngs::StdRng::seed_from_u64(7),
        support::system_clock(),
        tx,
    );
    (worker, support::event_log(rx))
}

fn deliveries(store: &Arc<Mutex<Store>>) -> Vec<store::StoredReport> {
    store
        .lock()
        .map(|s| s.reports().unwrap_or_default())
        .unwrap_or_default()
}

async fn until_all_sent(store: &Arc<Mutex<Store>>, count: usize) {
    let deadline = tokio::time::Instant::now() + LIMIT;
    loop {
        let sent = deliveries(store)
            .iter()
            .filter(|r| r.delivery == ReportDelivery::Sent)
            .count();
        if sent == count {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{sent} of {count} reports sent after {LIMIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn reports_wait_offline_and_go_without_login_when_the_server_is_back() {
    let server = TestServer::start().await;
    let proxy = FaultProxy::start(server.addr, 1, FaultRates::none()).await;
    proxy.set_offline(true);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let ids: Vec<Uuid> = (0..3).map(|_| Uuid::new_v4()).collect();
    for (n, id) in ids.iter().enumerate() {
        store
            .lock()
            .expect("store")
            .queue_report(*id, &report(n), 1_000 + n as i64)
            .expect("queued");
    }
    let (worker, log) = start(&store, &proxy.base());

    // Offline: one attempt finds the network gone, then the reports wait (the worker probes
    // instead of trying each), with the reason, and nothing is lost.
    let deadline = tokio::time::Instant::now() + LIMIT;
    while !deliveries(&store)
        .iter()
        .any(|r| r.last_error.as_deref() == Some(sync::plan::UNREACHABLE))
    {
        assert!(tokio::time::Instant::now() < deadline, "no attempt offline");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(deliveries(&store)
        .iter()
        .all(|r| r.delivery == ReportDelivery::Pending));

    proxy.set_offline(false);
    worker.wake();
    until_all_sent(&store, 3).await;

    let received = server
        .state
        .backend()
        .admin_reports()
        .await
        .expect("the back office lists reports");
    assert_eq!(received.len(), 3, "each report arrived once");
    for stored in deliveries(&store) {
        let on_server = received
            .iter()
            .find(|r| r.report_id == stored.id.to_string())
            .expect("the server has it");
        assert_eq!(
            stored.reference.as_deref(),
            Some(on_server.reference.as_str())
        );
        assert_eq!(on_server.report.description, stored.report.description);
        let expected_email = if stored.report.wants_reply {
            "anna@example.org"
        } else {
            ""
        };
        assert_eq!(
            on_server.report.email, expected_email,
            "contact only when wanted"
        );
    }
    let updates = log
        .lock()
        .map(|l| {
            l.iter()
                .filter(|e| matches!(e, SyncEvent::ReportUpdated { .. }))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(updates, 3, "the UI hears of each");
    worker.stop().await;
}

#[tokio::test]
async fn through_a_hostile_network_every_report_arrives_exactly_once() {
    let server = TestServer::start().await;
    let proxy = FaultProxy::start(server.addr, 42, FaultRates::harsh()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    const COUNT: usize = 40;
    for n in 0..COUNT {
        store
            .lock()
            .expect("store")
            .queue_report(Uuid::new_v4(), &report(n), n as i64)
            .expect("queued");
    }
    let (worker, _log) = start(&store, &proxy.base());
    until_all_sent(&store, COUNT).await;
    worker.stop().await;
    let received = server
        .state
        .backend()
        .admin_reports()
        .await
        .expect("the back office lists reports");
    assert_eq!(received.len(), COUNT, "{}", proxy.stats().summary());
    let mut references: Vec<&str> = received.iter().map(|r| r.reference.as_str()).collect();
    references.sort_unstable();
    references.dedup();
    assert_eq!(references.len(), COUNT, "every reference is its own");
}
