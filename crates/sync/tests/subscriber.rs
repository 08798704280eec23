//! The whole chain with the receiving authority as a program of its own (#15): the state API
//! in external mode keeps each submit sealed, the authority's program
//! (`state_api::subscriber`) fetches, opens, checks and decides through the back office, and
//! the device learns the decision through its poll: through random faults every application
//! arrives exactly once with its attachments intact and a receipt the device verifies, and a
//! rejection reaches the person with the authority's signed reasons.

mod support;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::SeedableRng;
use store::{Store, SubmissionStatus};
use sync::{Session, SyncEvent, Worker};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use support::delivery::{check_exactly_once, failed, open_count, queue_all, report, Progress};
use support::proxy::{FaultProxy, FaultRates};
use support::TestServer;

const LIMIT: Duration = Duration::from_secs(300);

fn external(config: &mut state_api::Config) {
    config.subscriber = state_api::SubscriberMode::External;
}

/// The authority's program on `server`'s back office and key directory, deciding every
/// 100 ms until the returned sender is dropped or fired.
fn authority(server: &TestServer) -> oneshot::Sender<()> {
    let state = server.state.clone();
    let subscriber = state_api::subscriber::Subscriber::new(state_api::subscriber::Options {
        back_office: server.admin_base(),
        token: support::ADMIN_TOKEN.to_string(),
        destination_keys: server.dir.path().join("destination-keys"),
        limits: server.state.config().limits.clone(),
        clock: Arc::new(move || state.backend().now()),
    })
    .expect("the authority's program starts on the key directory");
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        subscriber
            .run(Duration::from_millis(100), async {
                let _ = stopped.await;
            })
            .await;
    });
    stop
}

fn start(
    rig_store: &Arc<Mutex<Store>>,
    session: &Arc<Session>,
) -> (Worker, Arc<Mutex<Vec<SyncEvent>>>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let worker = Worker::start(
        rig_store.clone(),
        session.clone(),
        support::fast_config(),
        rand::rngs::StdRng::seed_from_u64(15),
        support::system_clock(),
        tx,
    );
    (worker, support::event_log(rx))
}

fn local(store: &Arc<Mutex<Store>>, id: Uuid) -> store::Submission {
    store
        .lock()
        .expect("store")
        .submission(id)
        .expect("readable")
        .expect("kept")
}

/// Waits until the device holds the authority's decision on each of `ids`, a receipt judged.
async fn until_decided(store: &Arc<Mutex<Store>>, ids: &[Uuid]) {
    let deadline = tokio::time::Instant::now() + LIMIT;
    loop {
        let waiting: Vec<(Uuid, SubmissionStatus)> = ids
            .iter()
            .map(|id| (*id, local(store, *id)))
            .filter(|(_, s)| match s.status {
                // Decided and judged: a poll that could not fetch the key set yet holds its
                // cursor and brings the receipt again.
                SubmissionStatus::Received => {
                    !s.signed_receipt.as_ref().is_some_and(|r| r.is_verified())
                }
                SubmissionStatus::Rejected => false,
                _ => true,
            })
            .map(|(id, s)| (id, s.status))
            .collect();
        if waiting.is_empty() {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no decision reached the device within {LIMIT:?}: {waiting:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// When the authority's program starts deciding: at once, or once the device has taken every
/// submit's answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Deciding {
    FromTheStart,
    AfterTheSend,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_random_faults_each_application_is_decided_once_by_the_authority_apart() {
    through_faults(Deciding::AfterTheSend).await;
}

/// The same with the authority deciding while the device still sends: the worker polls while
/// sends are in flight, so a poll can bring the authority's RECEIVED before the submit's own
/// answer (SUBMITTED) comes back. `Store::outbox_sent` no longer records that older status on
/// top (it did, and the device then showed SUBMITTED for good: 3 of 3 runs before the fix).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_random_faults_while_the_authority_decides_during_the_send() {
    through_faults(Deciding::FromTheStart).await;
}

async fn through_faults(deciding: Deciding) {
    const SUBMISSIONS: u32 = 24;
    let server = TestServer::start_with(external).await;
    let early = (deciding == Deciding::FromTheStart).then(|| authority(&server));
    let seed = 0x7375_6273;
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let proxy = FaultProxy::start(server.addr, seed, FaultRates::none()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let expected = queue_all(&store.lock().expect("store"), SUBMISSIONS, &mut rng);
    let session = Session::new(
        support::client(&proxy.base()),
        Arc::new(sync::MemoryCredentials::new()),
    );
    support::login(&session, "anna").await;
    proxy.set_rates(FaultRates::harsh());
    let (worker, log) = start(&store, &session);
    let mut progress = Progress::new(LIMIT, Duration::from_secs(120));
    while open_count(&store) > 0 {
        progress.check(open_count(&store), || {
            format!("{}; {}", report(&store, &log), proxy.stats().summary())
        });
        assert!(
            failed(&store).is_empty(),
            "a transient fault failed a submission: {:?}",
            failed(&store)
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    proxy.set_rates(FaultRates::none());
    let _late = early.is_none().then(|| authority(&server));
    let ids: Vec<Uuid> = expected.keys().copied().collect();
    worker.wake();
    until_decided(&store, &ids).await;
    worker.stop().await;
    // Received once each on the server, with the ciphertext the device kept, and the
    // authority's receipt naming exactly the plain attachments.
    check_exactly_once(&server, &store, &expected).await;
    for id in &ids {
        let receipt = local(&store, *id)
            .signed_receipt
            .expect("the receipt came with the status");
        assert!(
            receipt.is_verified(),
            "the device verified the authority's receipt: {receipt:?}"
        );
        let steps: Vec<_> = local(&store, *id)
            .history
            .iter()
            .map(|s| (s.status, s.signature))
            .collect();
        assert_eq!(
            steps.last(),
            Some(&(
                SubmissionStatus::Received,
                Some(domain::receipt::StepSignature::Verified)
            )),
            "the authority's step, signed by it: {steps:?}"
        );
    }
    let events = log.lock().map(|l| l.clone()).unwrap_or_default();
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, SyncEvent::Refused { .. })),
        "no refusal under transient faults"
    );
}

#[tokio::test]
async fn a_rejection_by_the_authority_apart_reaches_the_person_with_its_signed_reasons() {
    let server = TestServer::start_with(external).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let session = Session::new(
        support::client(&server.base()),
        Arc::new(sync::MemoryCredentials::new()),
    );
    support::login(&session, "anna").await;
    support::use_as(&store.lock().expect("store"), "anna");
    // The form requires a name: the device here sends one without (the app's own check is
    // not in this engine's tests), which only the authority now refuses.
    let (refused, accepted) = {
        let store = store.lock().expect("store");
        (
            support::queue(&store, 1, None, 1, 3_000, 1_000),
            support::queue(&store, 2, Some("Ida Muster"), 1, 3_000, 1_000),
        )
    };
    let (worker, log) = start(&store, &session);
    support::until_flushed(&store, LIMIT)
        .await
        .expect("the outbox empties: the state API takes both sealed");
    for id in [refused, accepted] {
        assert_eq!(
            local(&store, id).status,
            SubmissionStatus::Submitted,
            "waiting for the authority"
        );
    }
    // The authority decides once the device holds the submits' answers (see
    // `through_random_faults_while_the_authority_decides_during_the_send`).
    let _authority = authority(&server);
    worker.wake();
    until_decided(&store, &[refused, accepted]).await;
    worker.stop().await;

    let rejected = local(&store, refused);
    assert_eq!(rejected.status, SubmissionStatus::Rejected);
    let step = rejected.history.last().expect("a last step");
    assert!(
        step.note
            .as_deref()
            .is_some_and(|n| n.contains("name: form-field-required")),
        "the authority's reason reaches the person: {step:?}"
    );
    assert_eq!(
        step.signature,
        Some(domain::receipt::StepSignature::Verified),
        "the refusal is the authority's, checked on the device"
    );
    assert!(
        rejected.signed_receipt.is_none(),
        "no receipt for a refusal"
    );
    let events = log.lock().map(|l| l.clone()).unwrap_or_default();
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, SyncEvent::Refused { .. })),
        "the state API refused nothing at submit: the authority decided later"
    );

    let received = local(&store, accepted);
    assert_eq!(received.status, SubmissionStatus::Received);
    let receipt = received.signed_receipt.expect("a receipt");
    assert!(receipt.is_verified(), "{receipt:?}");
    let on_server: HashMap<String, state_api::wire::Submission> = server
        .submissions()
        .await
        .into_iter()
        .map(|s| (s.submission_id.clone(), s))
        .collect();
    assert_eq!(on_server.len(), 2, "each once");
    let remote = &on_server[&received.server_ref.clone().expect("a server id")];
    assert_eq!(
        support::received_attachments(remote)
            .into_iter()
            .map(|(_, sha512)| sha512)
            .collect::<Vec<_>>(),
        [support::sha512_hex(&support::attachment_bytes(
            2 * 16,
            3_000
        ))],
        "the authority opened exactly the attached bytes"
    );
}
