//! What exactly-once delivery means, checked from both ends: submissions queued in a real
//! store, the server's view of them afterwards, and the watchdogs of a long delivery run
//! (shared by the fault tests and the scaled-out test).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::Rng;
use store::{OutboxState, Store, SubmissionStatus};
use sync::{Session, SyncEvent};
use uuid::Uuid;

use super::proxy::{FaultProxy, FaultRates};
use super::TestServer;

/// What one submission should look like on the server.
pub struct Expected {
    pub data_sha512: String,
    pub attachments: Vec<String>,
}

/// Queues `count` submissions: one to three attachments of 1 byte to 60 KB (up to four
/// 16 KiB chunks each).
pub fn queue_all(store: &Store, count: u32, rng: &mut impl Rng) -> HashMap<Uuid, Expected> {
    super::use_as(store, "anna");
    let mut expected = HashMap::new();
    for n in 0..count {
        let count = rng.gen_range(1..=3);
        let size = rng.gen_range(1..60_000);
        let name = format!("Antrag {n}");
        let id = super::queue(store, n, Some(&name), count, size, 1_000 + i64::from(n));
        let payload = store
            .submission(id)
            .expect("readable")
            .expect("queued")
            .payload;
        let data = serde_json::to_value(&payload).expect("payload JSON");
        expected.insert(
            id,
            Expected {
                data_sha512: super::sha512_hex(super::canonical(&data).as_bytes()),
                attachments: (0..count)
                    .map(|a| super::sha512_hex(&super::attachment_bytes(n * 16 + a, size)))
                    .collect(),
            },
        );
    }
    expected
}

/// Every submission received exactly once, with its data and bytes; nothing else on the server.
pub async fn check_exactly_once(
    server: &TestServer,
    store: &Arc<Mutex<Store>>,
    expected: &HashMap<Uuid, Expected>,
) {
    let on_server = server.submissions().await;
    assert_eq!(
        on_server.len(),
        expected.len(),
        "one server-side submission per queued one, no more, no less"
    );
    let by_id: HashMap<&str, &state_api::wire::Submission> = on_server
        .iter()
        .map(|s| (s.submission_id.as_str(), s))
        .collect();
    assert_eq!(by_id.len(), on_server.len(), "no id twice on the server");
    let store = store.lock().expect("store");
    let mut seen = HashSet::new();
    for entry in store.outbox_entries().expect("outbox") {
        assert_eq!(
            entry.state,
            OutboxState::Sent,
            "every outbox entry sent: {entry:?}"
        );
        let local = store
            .submission(entry.submission_id)
            .expect("readable")
            .expect("kept");
        assert_eq!(
            local.status,
            SubmissionStatus::Received,
            "received, as the person sees it"
        );
        let server_id = local.server_ref.clone().expect("the server's id is kept");
        assert!(
            seen.insert(server_id.clone()),
            "no two local submissions share a server id"
        );
        let remote = by_id.get(server_id.as_str()).expect("the server has it");
        let want = expected.get(&entry.submission_id).expect("one of ours");
        assert_eq!(
            remote.status,
            state_api::storage::Status::Received,
            "received on the server"
        );
        let steps: Vec<_> = remote.status_history.iter().map(|h| h.status).collect();
        assert_eq!(
            steps,
            vec![
                state_api::storage::Status::Initiated,
                state_api::storage::Status::Submitted,
                state_api::storage::Status::Received
            ],
            "submitted once: {server_id}"
        );
        assert_eq!(
            remote.data_sha512.as_deref(),
            Some(want.data_sha512.as_str()),
            "data intact: {server_id}"
        );
        // Encrypted for the authority once: the state API holds exactly the ciphertext the
        // device kept, whatever was retried.
        let sealed = store
            .sealed_attachments(entry.submission_id)
            .expect("readable");
        let hashes: Vec<(String, String)> = remote
            .attachments
            .iter()
            .map(|a| (a.attachment_id.clone(), a.sha512.clone()))
            .collect();
        let kept: Vec<(String, String)> = remote
            .attachments
            .iter()
            .filter_map(|a| {
                sealed
                    .iter()
                    .find(|s| s.attachment_id.to_string() == a.attachment_id)
                    .map(|s| (a.attachment_id.clone(), s.sha512.clone()))
            })
            .collect();
        assert_eq!(
            hashes, kept,
            "attachments as the device encrypted them: {server_id}"
        );
        assert_eq!(sealed.len(), want.attachments.len(), "{server_id}");
        // What the authority opened is what the person attached: its signed receipt names
        // the plain hashes.
        let mut opened: Vec<String> = super::received_attachments(remote)
            .into_iter()
            .map(|(_, sha512)| sha512)
            .collect();
        let mut attached = want.attachments.clone();
        opened.sort();
        attached.sort();
        assert_eq!(opened, attached, "attachments intact: {server_id}");
        assert!(
            remote
                .attachments
                .iter()
                .all(|a| a.complete && a.received == a.size),
            "every byte arrived: {server_id}"
        );
    }
    assert_eq!(
        seen.len(),
        expected.len(),
        "every queued submission is in the outbox"
    );
}

pub fn open_count(store: &Arc<Mutex<Store>>) -> usize {
    store
        .lock()
        .expect("store")
        .outbox_entries()
        .expect("outbox")
        .iter()
        .filter(|e| matches!(e.state, OutboxState::Pending | OutboxState::Sending))
        .count()
}

/// The open entries and the last events, for a failure message.
pub fn report(store: &Arc<Mutex<Store>>, log: &Arc<Mutex<Vec<SyncEvent>>>) -> String {
    let open: Vec<String> = store
        .lock()
        .expect("store")
        .outbox_entries()
        .expect("outbox")
        .iter()
        .filter(|e| matches!(e.state, OutboxState::Pending | OutboxState::Sending))
        .map(|e| {
            format!(
                "{:?} attempts {} next {} error {:?}",
                e.state, e.attempts, e.next_attempt_at, e.last_error
            )
        })
        .collect();
    let events = log
        .lock()
        .map(|l| l.iter().rev().take(12).cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    format!("open: {open:?}; last events: {events:?}")
}

/// Fails the run when it takes longer than its limit or makes no progress for its stall time.
pub struct Progress {
    stall: Duration,
    deadline: tokio::time::Instant,
    open: usize,
    since: tokio::time::Instant,
}

impl Progress {
    pub fn new(limit: Duration, stall: Duration) -> Self {
        let now = tokio::time::Instant::now();
        Progress {
            stall,
            deadline: now + limit,
            open: usize::MAX,
            since: now,
        }
    }

    pub fn check(&mut self, open: usize, report: impl Fn() -> String) {
        let now = tokio::time::Instant::now();
        if open < self.open {
            self.open = open;
            self.since = now;
        }
        assert!(now < self.deadline, "not flushed in time: {}", report());
        assert!(
            now < self.since + self.stall,
            "no progress for {:?}: {}",
            self.stall,
            report()
        );
    }
}

pub fn failed(store: &Arc<Mutex<Store>>) -> Vec<String> {
    store
        .lock()
        .expect("store")
        .outbox_entries()
        .expect("outbox")
        .iter()
        .filter(|e| e.state == OutboxState::Failed)
        .map(|e| format!("{}: {:?}", e.submission_id, e.last_error))
        .collect()
}

/// Logs in again (with the faults paused) when the worker asks for it, so that a regression
/// is counted and reported (the tests require zero) instead of hanging the run.
pub async fn relogin_if_asked(
    session: &Session,
    proxy: &FaultProxy,
    rates: FaultRates,
    log: &Arc<Mutex<Vec<SyncEvent>>>,
    handled: &mut usize,
) -> bool {
    let asked = log
        .lock()
        .map(|l| {
            l.iter()
                .filter(|e| matches!(e, SyncEvent::LoginRequired))
                .count()
        })
        .unwrap_or(0);
    if asked > *handled
        && session
            .account()
            .await
            .map(|a| !a.logged_in)
            .unwrap_or(true)
    {
        *handled = asked;
        proxy.set_rates(FaultRates::none());
        super::login(session, "anna").await;
        proxy.set_rates(rates);
        return true;
    }
    *handled = asked.max(*handled);
    false
}
