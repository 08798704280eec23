//! Exactly once on a scaled-out state API: three server instances share one PostgreSQL
//! database behind one address (a round-robin balancer, each new connection to the next
//! instance), and the app's real sync engine sends 100 submissions with attachments through a
//! fault-injecting proxy in front of it. A cut answer makes the client retry on a new
//! connection, so the retry lands on another instance than the first try, often while the
//! first is still running. No lock inside one process decides anything: each submission must
//! be on the server exactly once, with its data and every attachment byte.
//!
//! Needs PostgreSQL (scripts/test.sh starts one; see `support::postgres_url`).

mod support;

use std::sync::Arc;
use std::time::Duration;

use rand::SeedableRng;
use sync::{MemoryCredentials, Session, Worker};
use tokio::sync::mpsc;

use support::balancer::Balancer;
use support::delivery::{
    check_exactly_once, failed, open_count, queue_all, relogin_if_asked, report, Progress,
};
use support::proxy::{FaultProxy, FaultRates};
use support::TestServer;

const SUBMISSIONS: u32 = 100;
const INSTANCES: usize = 3;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_submissions_through_faults_arrive_exactly_once_at_three_instances() {
    let Some(url) = support::postgres_url() else {
        return;
    };
    let seed = std::env::var("THUERINGEN_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x696e_7374_u64);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let instances = TestServer::instances(&url, INSTANCES, |_| {}).await;
    let balancer = Balancer::start(instances.iter().map(|s| s.addr).collect()).await;
    let proxy = FaultProxy::start(balancer.addr, seed, FaultRates::none()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let expected = queue_all(&store.lock().expect("store"), SUBMISSIONS, &mut rng);
    let session = Session::new(
        support::client(&proxy.base()),
        Arc::new(MemoryCredentials::new()),
    );
    // The login's page comes from one instance and its form is posted to the next: they
    // share the form's key.
    support::login(&session, "anna").await;
    let rates = FaultRates::harsh();
    proxy.set_rates(rates);

    let (tx, rx) = mpsc::unbounded_channel();
    let log = support::event_log(rx);
    let worker = Worker::start(
        store.clone(),
        session.clone(),
        support::fast_config(),
        rand::rngs::StdRng::seed_from_u64(seed),
        support::system_clock(),
        tx.clone(),
    );
    let mut progress = Progress::new(Duration::from_secs(600), Duration::from_secs(120));
    let (mut relogins, mut handled) = (0, 0usize);
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
        if relogin_if_asked(&session, &proxy, rates, &log, &mut handled).await {
            relogins += 1;
            worker.wake();
        }
    }
    worker.stop().await;
    // Any instance's view is the database's: check through the first.
    check_exactly_once(&instances[0], &store, &expected).await;
    let spread = balancer.spread();
    println!(
        "seed {seed}: {SUBMISSIONS} received exactly once by {INSTANCES} instances \
         (connections per instance {spread:?}); proxy: {}",
        proxy.stats().summary()
    );
    assert!(
        spread.iter().all(|n| *n > 0),
        "every instance served: {spread:?}"
    );
    assert_eq!(relogins, 0, "seed {seed}: the person had to log in again");
}
