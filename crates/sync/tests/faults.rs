//! Exactly once, whatever the network does: 200 submissions with attachments go through a
//! fault-injecting proxy (refused and cut connections mid-request and mid-upload, cut and
//! truncated answers, 500/502/503, 429 with Retry-After, delays), a pulled cable, and server
//! restarts between chunks; then the same while the worker is killed and restarted on the
//! same store file again and again. Every submission must be received by the server exactly
//! once with its data and attachment bytes intact.
//!
//! The faults come from a seeded RNG (`THUERINGEN_FAULT_SEED` overrides the seed). Time limits
//! are generous and nothing asserts on timing, so a loaded 2-core machine passes too.
//!
//! "Killed" here means the worker's task is aborted mid-flight (in-flight requests and store
//! calls are dropped at whatever await point they reached) and a new worker, with a new session
//! that only has the refresh token, starts on a freshly opened connection to the same store file.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::{Rng, SeedableRng};
use store::Store;
use sync::{MemoryCredentials, Session, SyncEvent, Worker};
use tokio::sync::mpsc;

use support::delivery::{
    check_exactly_once, failed, open_count, queue_all, relogin_if_asked, report, Progress,
};
use support::proxy::{FaultProxy, FaultRates};
use support::TestServer;

const SUBMISSIONS: u32 = 200;
const LIMIT: Duration = Duration::from_secs(600);
/// Longest time without one more submission sent (a stuck engine fails fast).
const STALL: Duration = Duration::from_secs(120);
/// Kills per run; then the last worker finishes (bounded time on a slow machine).
const MAX_KILLS: u32 = 40;

fn seed() -> u64 {
    std::env::var("THUERINGEN_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x7468_7565)
}

fn start(
    store: &Arc<Mutex<Store>>,
    session: &Arc<Session>,
    seed: u64,
    tx: &mpsc::UnboundedSender<SyncEvent>,
) -> Worker {
    Worker::start(
        store.clone(),
        session.clone(),
        support::fast_config(),
        rand::rngs::StdRng::seed_from_u64(seed),
        support::system_clock(),
        tx.clone(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_submissions_through_random_faults_arrive_exactly_once() {
    let seed = seed();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut server = TestServer::start().await;
    let rates = FaultRates::harsh();
    let proxy = FaultProxy::start(server.addr, seed, FaultRates::none()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let expected = queue_all(&store.lock().expect("store"), SUBMISSIONS, &mut rng);
    let session = Session::new(
        support::client(&proxy.base()),
        Arc::new(MemoryCredentials::new()),
    );
    support::login(&session, "anna").await;
    proxy.set_rates(rates);

    let (tx, rx) = mpsc::unbounded_channel();
    let log = support::event_log(rx);
    let worker = start(&store, &session, seed, &tx);
    let mut progress = Progress::new(LIMIT, STALL);
    let (mut restarts, mut outages, mut relogins, mut handled, mut turn) = (0, 0, 0, 0usize, 0u32);
    while open_count(&store) > 0 {
        progress.check(open_count(&store), || {
            format!("{}; {}", report(&store, &log), proxy.stats().summary())
        });
        assert!(
            failed(&store).is_empty(),
            "a transient fault failed a submission: {:?}",
            failed(&store)
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        turn += 1;
        if turn % 4 == 0 && restarts < 3 {
            // The server restarts between chunks (a new process on a new port behind the same address).
            let addr = server.restart().await;
            proxy.set_upstream(addr);
            restarts += 1;
        } else if turn % 7 == 0 && outages < 2 {
            proxy.set_offline(true);
            tokio::time::sleep(Duration::from_millis(rng.gen_range(200..1_500))).await;
            proxy.set_offline(false);
            worker.wake();
            outages += 1;
        }
        if relogin_if_asked(&session, &proxy, rates, &log, &mut handled).await {
            relogins += 1;
            worker.wake();
        }
    }
    worker.stop().await;
    check_exactly_once(&server, &store, &expected).await;
    let events = log.lock().map(|l| l.clone()).unwrap_or_default();
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, SyncEvent::Refused { .. })),
        "no refusal under transient faults"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, SyncEvent::Connectivity(sync::Reachability::Offline))),
        "the outage was noticed"
    );
    println!(
        "seed {seed}: {SUBMISSIONS} received exactly once; {restarts} server restarts, {outages} outages, {relogins} re-logins; proxy: {}",
        proxy.stats().summary()
    );
    // Every login stayed valid: a refresh answer lost to a cut connection or a killed
    // process is answered again within the server's grace, never "please log in again".
    assert_eq!(relogins, 0, "seed {seed}: the person had to log in again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_submissions_arrive_exactly_once_while_the_worker_is_killed_and_restarted() {
    let seed = seed() ^ 0x6b69_6c6c;
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let server = TestServer::start().await;
    let rates = FaultRates {
        refuse: 0.03,
        answer_5xx: 0.04,
        answer_429: 0.02,
        cut_request: 0.06,
        cut_response: 0.06,
        delay: 0.05,
    };
    let proxy = FaultProxy::start(server.addr, seed, FaultRates::none()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = support::temp_store_path(dir.path());
    let expected = queue_all(&support::open_store(&path), SUBMISSIONS, &mut rng);
    // The keychain stand-in: survives the "process", like the OS keychain does.
    let credentials = Arc::new(MemoryCredentials::new());
    let new_session = || Session::new(support::client(&proxy.base()), credentials.clone());
    let mut session = new_session();
    support::login(&session, "anna").await;
    proxy.set_rates(rates);

    let (tx, rx) = mpsc::unbounded_channel();
    let log = support::event_log(rx);
    let mut store = support::shared(support::open_store(&path));
    let mut worker = start(&store, &session, seed, &tx);
    let mut progress = Progress::new(LIMIT, STALL);
    let (mut kills, mut relogins, mut handled) = (0u32, 0u32, 0usize);
    while open_count(&store) > 0 {
        progress.check(open_count(&store), || {
            format!("after {kills} kills: {}", report(&store, &log))
        });
        assert!(
            failed(&store).is_empty(),
            "a kill failed a submission: {:?}",
            failed(&store)
        );
        tokio::time::sleep(Duration::from_millis(rng.gen_range(300..2_000))).await;
        if relogin_if_asked(&session, &proxy, rates, &log, &mut handled).await {
            relogins += 1;
        }
        if kills >= MAX_KILLS {
            continue; // enough kills: let the last worker finish the run
        }
        // Kill mid-flight; a new "process" opens the store file and the keychain again.
        worker.stop().await;
        drop(store);
        kills += 1;
        store = support::shared(support::open_store(&path));
        session = new_session();
        worker = start(&store, &session, seed.wrapping_add(u64::from(kills)), &tx);
    }
    worker.stop().await;
    check_exactly_once(&server, &store, &expected).await;
    println!(
        "seed {seed}: {SUBMISSIONS} received exactly once across {kills} kills, {relogins} re-logins; proxy: {}",
        proxy.stats().summary()
    );
    // Every login stayed valid: a refresh answer lost to a cut connection or a killed
    // process is answered again within the server's grace, never "please log in again".
    assert_eq!(relogins, 0, "seed {seed}: the person had to log in again");
}

const CHILD_STORE: &str = "THUERINGEN_SYNC_CHILD_STORE";
const CHILD_BASE: &str = "THUERINGEN_SYNC_CHILD_BASE";
const CHILD_CREDENTIALS: &str = "THUERINGEN_SYNC_CHILD_CREDENTIALS";
const CHILD_SEED: &str = "THUERINGEN_SYNC_CHILD_SEED";
/// Process kills per run; then the last worker process finishes the run.
const MAX_PROCESS_KILLS: u32 = 15;

/// The worker process of the test below: started by it (this test binary, run again with
/// `--exact`) and killed with SIGKILL. Without its environment it does nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn child_worker_process() {
    let (Some(store), Some(base), Some(credentials)) = (
        std::env::var_os(CHILD_STORE),
        std::env::var(CHILD_BASE).ok(),
        std::env::var_os(CHILD_CREDENTIALS),
    ) else {
        return; // not started as a worker process
    };
    let seed = std::env::var(CHILD_SEED)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let store = support::shared(support::open_store(std::path::Path::new(&store)));
    let credentials = Arc::new(support::FileCredentials(credentials.into()));
    let session = Session::new(support::client(&base), credentials);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let _worker = start(&store, &session, seed, &tx);
    while rx.recv().await.is_some() {}
}

async fn spawn_child(
    path: &std::path::Path,
    base: &str,
    credentials: &std::path::Path,
    seed: u64,
) -> tokio::process::Child {
    tokio::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "child_worker_process",
            "--test-threads=1",
            "--nocapture",
        ])
        .env(CHILD_STORE, path)
        .env(CHILD_BASE, base)
        .env(CHILD_CREDENTIALS, credentials)
        .env(CHILD_SEED, seed.to_string())
        .env(support::ANCHOR_VAR, support::anchor_pkcs8_hex())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the worker process starts")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_submissions_arrive_exactly_once_while_the_client_process_is_killed() {
    if std::env::var_os(CHILD_STORE).is_some() {
        return; // inside a worker process
    }
    let seed = seed() ^ 0x7072_6f63;
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let server = TestServer::start().await;
    let rates = FaultRates {
        refuse: 0.02,
        answer_5xx: 0.03,
        answer_429: 0.02,
        cut_request: 0.04,
        cut_response: 0.04,
        delay: 0.03,
    };
    let proxy = FaultProxy::start(server.addr, seed, FaultRates::none()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = support::temp_store_path(dir.path());
    let credentials_path = dir.path().join("refresh-token");
    let expected = queue_all(&support::open_store(&path), SUBMISSIONS, &mut rng);
    let login_session = Session::new(
        support::client(&proxy.base()),
        Arc::new(support::FileCredentials(credentials_path.clone())),
    );
    support::login(&login_session, "anna").await;
    proxy.set_rates(rates);
    // The test's own connection to the store file, to watch the outbox.
    let store = support::shared(support::open_store(&path));
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut progress = Progress::new(LIMIT, STALL);
    let (mut kills, mut relogins) = (0u32, 0u32);
    let mut child = spawn_child(&path, &proxy.base(), &credentials_path, seed).await;
    while open_count(&store) > 0 {
        progress.check(open_count(&store), || {
            format!("after {kills} process kills: {}", report(&store, &log))
        });
        assert!(
            failed(&store).is_empty(),
            "a kill failed a submission: {:?}",
            failed(&store)
        );
        tokio::time::sleep(Duration::from_millis(rng.gen_range(300..1_500))).await;
        let lost_login = !credentials_path.exists();
        if kills < MAX_PROCESS_KILLS || lost_login {
            // SIGKILL: no destructor, no flush; whatever the process was doing stops there.
            child.kill().await.expect("the worker process is killed");
            kills += 1;
            if lost_login {
                // The login was lost (counted; the test requires none): log in again to go on.
                proxy.set_rates(FaultRates::none());
                support::login(&login_session, "anna").await;
                proxy.set_rates(rates);
                relogins += 1;
            }
            child = spawn_child(
                &path,
                &proxy.base(),
                &credentials_path,
                seed.wrapping_add(u64::from(kills)),
            )
            .await;
        }
    }
    child.kill().await.expect("the last worker process stops");
    drop(store);
    let store = support::shared(support::open_store(&path));
    check_exactly_once(&server, &store, &expected).await;
    println!(
        "seed {seed}: {SUBMISSIONS} received exactly once across {kills} process kills (SIGKILL), {relogins} re-logins; proxy: {}",
        proxy.stats().summary()
    );
    // Every login stayed valid: a refresh answer lost to a cut connection or a killed
    // process is answered again within the server's grace, never "please log in again".
    assert_eq!(relogins, 0, "seed {seed}: the person had to log in again");
}
