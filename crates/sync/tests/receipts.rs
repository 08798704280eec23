//! The authority's signed receipt through the real state API: the worker checks it against
//! the trust anchor it was built with and against what it sent, and keeps the verdict; a key
//! set the anchor did not sign is refused and the application is not lost.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::SeedableRng;
use store::{OutboxState, Store};
use sync::{MemoryCredentials, Session, StateApiClient, SyncEvent, Worker};
use tokio::sync::mpsc;

use support::proxy::{FaultProxy, FaultRates};
use support::TestServer;

const LIMIT: Duration = Duration::from_secs(120);

struct Rig {
    _dir: Option<tempfile::TempDir>,
    store: Arc<Mutex<Store>>,
    session: Arc<Session>,
}

async fn rig(server: &TestServer, anchors: Vec<jose::RsaPublicJwk>) -> Rig {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let mut rig = rig_on(&server.base(), store, anchors).await;
    rig._dir = Some(dir);
    rig
}

/// A session with `anchors` on an existing store.
async fn rig_on(base: &str, store: Arc<Mutex<Store>>, anchors: Vec<jose::RsaPublicJwk>) -> Rig {
    let client = StateApiClient::new(base)
        .expect("a client")
        .with_trust_anchors(anchors);
    let session = Session::new(client, Arc::new(MemoryCredentials::new()));
    support::login(&session, "anna").await;
    support::use_as(&store.lock().expect("store"), "anna");
    Rig {
        _dir: None,
        store,
        session,
    }
}

fn start(rig: &Rig) -> (Worker, Arc<Mutex<Vec<SyncEvent>>>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let worker = Worker::start(
        rig.store.clone(),
        rig.session.clone(),
        support::fast_config(),
        rand::rngs::StdRng::seed_from_u64(7),
        support::system_clock(),
        tx,
    );
    (worker, support::event_log(rx))
}

fn anchor(server: &TestServer) -> jose::RsaPublicJwk {
    server
        .state
        .backend()
        .destinations()
        .anchor()
        .expect("the server's trust anchor")
}

fn local(rig: &Rig, id: uuid::Uuid) -> store::Submission {
    rig.store
        .lock()
        .expect("store")
        .submission(id)
        .expect("readable")
        .expect("kept")
}

async fn until_receipt(rig: &Rig, id: uuid::Uuid) -> domain::receipt::SignedReceipt {
    let deadline = tokio::time::Instant::now() + LIMIT;
    loop {
        if let Some(receipt) = local(rig, id).signed_receipt {
            return receipt;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no signed receipt within {LIMIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_receipt_signed_by_the_authority_under_the_anchor_is_verified_and_kept() {
    let server = TestServer::start().await;
    let rig = rig(&server, vec![anchor(&server)]).await;
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 1, Some("Ida Muster"), 2, 20_000, 1_000)
    };
    let (_worker, _log) = start(&rig);
    support::until_flushed(&rig.store, LIMIT)
        .await
        .expect("the outbox empties");
    let receipt = until_receipt(&rig, id).await;
    assert_eq!(receipt.problem, None, "the receipt holds");
    assert!(receipt.is_verified());
    assert_eq!(receipt.destination.as_deref(), Some("erfurt"));
    let on_server = server.submissions().await;
    assert_eq!(
        Some(receipt.token.as_str()),
        on_server[0].receipt.as_deref(),
        "the very receipt the authority signed"
    );
}

#[tokio::test]
async fn keys_not_signed_under_the_anchor_get_nothing_and_the_application_waits() {
    let server = TestServer::start().await;
    // The app trusts another anchor (as if the state API handed out keys of its own making):
    // nothing is encrypted to those keys, nothing is submitted, and nothing is lost.
    let stranger = jose::SigningKey::generate_sized("trust-anchor", 2048).expect("key");
    let rig = rig(&server, vec![stranger.public_jwk()]).await;
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 1, Some("Ida Muster"), 1, 5_000, 1_000)
    };
    let (worker, _log) = start(&rig);
    let deadline = tokio::time::Instant::now() + LIMIT;
    let entry = loop {
        let entry = rig
            .store
            .lock()
            .expect("store")
            .outbox_entry(id)
            .expect("readable")
            .expect("still queued");
        if entry.last_error.as_deref() == Some("destination_keys_untrusted") {
            break entry;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the untrusted keys are named: {entry:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        matches!(entry.state, OutboxState::Pending | OutboxState::Sending),
        "it waits (or is being tried again), it is not given up: {entry:?}"
    );
    let on_server = server.submissions().await;
    assert!(
        on_server
            .iter()
            .all(|s| s.status == state_api::storage::Status::Initiated),
        "nothing was submitted: {on_server:?}"
    );
    drop(worker);

    // The same device with the state's anchor: sent once, and its receipt holds.
    let fixed = rig_on(&server.base(), rig.store.clone(), vec![anchor(&server)]).await;
    let (_worker, _log) = start(&fixed);
    support::until_flushed(&fixed.store, LIMIT)
        .await
        .expect("the outbox empties");
    let on_server = server.submissions().await;
    let received: Vec<_> = on_server
        .iter()
        .filter(|s| s.status == state_api::storage::Status::Received)
        .collect();
    assert_eq!(received.len(), 1, "exactly once: {on_server:?}");
    assert_eq!(until_receipt(&fixed, id).await.problem, None);
}

#[tokio::test]
async fn a_receipt_given_later_by_the_back_office_arrives_with_the_status() {
    let server = TestServer::start_with(|c| c.auto_receive = false).await;
    let rig = rig(&server, vec![anchor(&server)]).await;
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 1, Some("Ida Muster"), 0, 0, 1_000)
    };
    let (worker, _log) = start(&rig);
    support::until_flushed(&rig.store, LIMIT)
        .await
        .expect("the outbox empties");
    assert!(local(&rig, id).signed_receipt.is_none(), "not received yet");
    let moved = reqwest::Client::new()
        .post(format!(
            "{}admin/v1/submissions/{id}/status",
            server.admin_base()
        ))
        .bearer_auth(support::ADMIN_TOKEN)
        .json(&serde_json::json!({"status": "RECEIVED"}))
        .send()
        .await
        .expect("status move");
    assert_eq!(moved.status(), 200);
    worker.wake();
    let receipt = until_receipt(&rig, id).await;
    assert_eq!(
        receipt.problem, None,
        "verified when it came with the status"
    );

    // The authority's later steps arrive signed by it, each checked on the device.
    for (status, reasons) in [("PROCESSING", vec![]), ("REJECTED", vec!["Nachweis fehlt"])] {
        let moved = reqwest::Client::new()
            .post(format!(
                "{}admin/v1/submissions/{id}/status",
                server.admin_base()
            ))
            .bearer_auth(support::ADMIN_TOKEN)
            .json(&serde_json::json!({"status": status, "reasons": reasons}))
            .send()
            .await
            .expect("status move");
        assert_eq!(moved.status(), 200);
    }
    worker.wake();
    let deadline = std::time::Instant::now() + LIMIT;
    let steps = loop {
        let history = local(&rig, id).history;
        if history.len() >= 5 || std::time::Instant::now() > deadline {
            break history;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    use domain::receipt::StepSignature::Verified;
    use store::SubmissionStatus::*;
    assert_eq!(
        steps
            .iter()
            .map(|s| (s.status, s.signature))
            .collect::<Vec<_>>(),
        [
            (Initiated, None),
            (Submitted, None),
            (Received, Some(Verified)),
            (Processing, Some(Verified)),
            (Rejected, Some(Verified)),
        ],
        "every step the authority took, signed by it"
    );
}

#[tokio::test]
async fn a_key_the_authority_no_longer_holds_is_fetched_anew() {
    // The server loses its destinations' keys: the restart makes new ones. The device still
    // holds the key set it checked before, and encrypts the next application's data and
    // attachment to keys nobody holds any more.
    let mut server = TestServer::start().await;
    // A restarted server listens elsewhere: the device reaches it through one address.
    let proxy = FaultProxy::start(server.addr, 1, FaultRates::none()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let rig = rig_on(&proxy.base(), store, vec![anchor(&server)]).await;
    let first = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 1, Some("Ida Muster"), 0, 0, 1_000)
    };
    let (worker, _log) = start(&rig);
    support::until_flushed(&rig.store, LIMIT)
        .await
        .expect("the first one arrives");
    server.forget_destination_keys();
    let moved = server.restart().await;
    proxy.set_upstream(moved);
    let second = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 2, Some("Ida Muster"), 1, 2_000, 2_000)
    };
    worker.wake();
    if let Err(stuck) = support::until_flushed(&rig.store, LIMIT).await {
        let entry = rig.store.lock().expect("store").outbox_entry(second);
        panic!("the second one arrives, sealed to the new key: {stuck}: {entry:?}");
    }
    let on_server = server.submissions().await;
    let received: Vec<_> = on_server
        .iter()
        .filter(|s| s.status == state_api::storage::Status::Received)
        .collect();
    assert_eq!(received.len(), 2, "each once");
    // The start whose attachment was encrypted to the lost key could never be completed: the
    // state API ended it, and the device started over with the attachment encrypted anew.
    let ended: Vec<_> = on_server.iter().filter(|s| s.expired).collect();
    assert_eq!(ended.len(), 1, "exactly that start: {on_server:?}");
    let second_on_server = received
        .iter()
        .find(|s| s.attachments.len() == 1)
        .expect("the second one, with its attachment");
    assert_eq!(
        support::received_attachments(second_on_server)
            .into_iter()
            .map(|(_, sha512)| sha512)
            .collect::<Vec<_>>(),
        [support::sha512_hex(&support::attachment_bytes(
            2 * 16,
            2_000
        ))],
        "the authority opened exactly the attached bytes"
    );
    assert_eq!(until_receipt(&rig, first).await.problem, None);
    assert_eq!(
        until_receipt(&rig, second).await.problem,
        None,
        "signed with the new key, checked with the new key set"
    );
}
