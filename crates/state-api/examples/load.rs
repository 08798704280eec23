//! Load generator: N concurrent clients each create and submit submissions for D seconds
//! against a running server; prints submissions/s and latency percentiles of the pair.
//!
//! `cargo run --release -p state-api --example load -- http://127.0.0.1:8787 64 20`
//! (start the server with `--rate 0` so the per-client rate limit does not cap the run).

use std::time::{Duration, Instant};

#[path = "../tests/common/mod.rs"]
#[allow(unused_imports)]
mod common;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let base = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8787".into());
    let clients: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(clients)
        .timeout(Duration::from_secs(30))
        .build()?;
    let tokens = common::login_at(&http, &base, "anna").await;
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (http, base, token) = (http.clone(), base.clone(), tokens.access.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0u64;
            while Instant::now() < deadline {
                let id = common::new_id();
                let started = Instant::now();
                let created = http
                    .post(format!("{base}/v1/submissions"))
                    .bearer_auth(&token)
                    .header("Idempotency-Key", &id)
                    .json(&common::create_body(&[]))
                    .send()
                    .await;
                let submitted = match created {
                    Ok(r) if r.status() == 201 => http
                        .post(format!("{base}/v1/submissions/{id}/submit"))
                        .bearer_auth(&token)
                        .json(&serde_json::json!({"data": {"kennzeichen": "EF-AB 123"}}))
                        .send()
                        .await
                        .map(|r| r.status() == 200)
                        .unwrap_or(false),
                    _ => false,
                };
                if submitted {
                    latencies.push(started.elapsed());
                } else {
                    errors += 1;
                }
            }
            (latencies, errors)
        }));
    }
    let started = Instant::now();
    let mut all = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (latencies, e) = task.await?;
        all.extend(latencies);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64().max(seconds as f64);
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "clients={clients} seconds={seconds} submissions={} errors={errors} rate={:.0}/s p50={:?} p99={:?} max={:?}",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        all.last().copied().unwrap_or_default()
    );
    Ok(())
}
