//! Flush bench: 1,000 submissions queued while offline, then the network comes back; how long
//! until the outbox is empty, and how many submissions per second that is. Once without
//! attachments and once with a 1 MiB attachment each (the same content for all, so the store
//! keeps it once; every submission still uploads its own copy).
//!
//! Everything on loopback on this machine: the real state API (in-process, no rate limit), a
//! pass-through proxy that plays the network (offline, then back), the real encrypted store
//! file, and the worker with its default policy. Run: `cargo bench -p sync --bench flush`
//! (`FLUSH_N` changes the count, `FLUSH_CONCURRENCY` the parallel sends).
//!
//! Each case runs twice in the same run: applicants in Erfurt (the data encrypted to Erfurt's
//! key, #15) and applicants without a place (no destination, so plain data: the path before).

#[path = "../tests/support/mod.rs"]
#[allow(unused_imports)]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::SeedableRng;
use support::proxy::{FaultProxy, FaultRates};
use support::TestServer;
use sync::{MemoryCredentials, Session, StateApiClient, SyncEvent, Worker, WorkerConfig};
use tokio::sync::mpsc;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn run(
    n: u32,
    attachment: usize,
    concurrency: usize,
    place: Option<&str>,
) -> Result<(), Box<dyn std::error::Error>> {
    let server = TestServer::start().await;
    let proxy = FaultProxy::start(server.addr, 1, FaultRates::none()).await;
    let dir = tempfile::tempdir()?;
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let session = Session::new(
        StateApiClient::new(&proxy.base())?.with_trust_anchors(support::anchors()),
        Arc::new(MemoryCredentials::new()),
    );
    support::login(&session, "anna").await;
    // The store shows Anna's data and her queued applications are sent under her account
    // (#14); without it everything would wait for a person to take it and nothing would flush.
    {
        let guard = store.lock().map_err(|_| "store lock")?;
        support::use_as(&guard, "anna");
    }

    proxy.set_offline(true);
    let config = WorkerConfig {
        policy: sync::plan::Policy {
            concurrency,
            ..Default::default()
        },
        ..Default::default()
    };
    let (tx, mut rx) = mpsc::unbounded_channel();
    let worker = Worker::start(
        store.clone(),
        session.clone(),
        config,
        rand::rngs::StdRng::seed_from_u64(7),
        support::system_clock(),
        tx,
    );
    let queued = Instant::now();
    {
        let store = store.lock().map_err(|_| "store lock")?;
        let contents: Vec<Vec<u8>> = if attachment > 0 {
            vec![support::attachment_bytes(0, attachment)]
        } else {
            Vec::new()
        };
        for i in 0..n {
            support::queue_at(
                &store,
                i,
                Some("Bench"),
                &contents,
                1_000 + i64::from(i),
                place,
            );
        }
    }
    let queue_time = queued.elapsed();
    // Make sure the worker has noticed it is offline (it tries the due work first).
    tokio::time::sleep(Duration::from_millis(500)).await;

    let back = Instant::now();
    proxy.set_offline(false);
    worker.wake();
    let mut first: Option<Duration> = None;
    let limit = Duration::from_secs(1800);
    loop {
        let event = tokio::time::timeout(Duration::from_millis(200), rx.recv()).await;
        if let Ok(Some(SyncEvent::Progress(p))) = &event {
            if first.is_none()
                && p.stage == sync::Stage::At(domain::status::SubmissionStatus::Received)
            {
                first = Some(back.elapsed());
            }
        }
        let open = store
            .lock()
            .map_err(|_| "store lock")?
            .outbox_entries()?
            .iter()
            .filter(|e| e.state != store::OutboxState::Sent)
            .count();
        if open == 0 {
            break;
        }
        if back.elapsed() > limit {
            return Err(format!("{open} still open after {limit:?}").into());
        }
    }
    let flushed = back.elapsed();
    worker.stop().await;
    let received = server.submissions().await.len();
    if received == 0 {
        return Err("nothing arrived at the state API".into());
    }
    println!(
        "{} {n} submissions, attachment {} KiB, concurrency {concurrency}: queued in {:.2} s; network back → first received {:.0} ms, → queue empty {:.2} s = {:.0} submissions/s ({} on the server{})",
        if place.is_some() { "encrypted:" } else { "plain:    " },
        attachment / 1024,
        queue_time.as_secs_f64(),
        first.unwrap_or_default().as_secs_f64() * 1000.0,
        flushed.as_secs_f64(),
        f64::from(n) / flushed.as_secs_f64(),
        received,
        if received == 500 { ", the back office lists at most 500" } else { "" },
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = env("FLUSH_N", 1000) as u32;
    let concurrency = env("FLUSH_CONCURRENCY", 4);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        for attachment in [0, 1 << 20] {
            run(n, attachment, concurrency, None).await?;
            run(n, attachment, concurrency, Some(support::ERFURT)).await?;
        }
        Ok::<(), Box<dyn std::error::Error>>(())
    })
}
