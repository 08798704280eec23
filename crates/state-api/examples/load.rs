//! Load generator: N concurrent clients each create and submit submissions for D seconds
//! against a running server; prints submissions/s and latency percentiles of the pair.
//!
//! `cargo run --release -p state-api --example load -- http://127.0.0.1:8787 64 20 [MODE]`
//! (start the server with `--rate 0` so the per-client rate limit does not cap the run).
//!
//! BASE may name several instances, comma-separated: client i talks to instance i mod n (the
//! logins are made at the first; the instances share one database). Client i acts for demo
//! citizen i mod 3 (anna, ben, clara). MODE is `submit` (the
//! default), `health` (GET /health: the HTTP ceiling of the same machine and client), or
//! `fsync DIR` (no server: 4 KB written and fsynced in DIR, one per operation, by the clients
//! in turn: what the disk gives one durable commit each).
//! `scripts/bench-state-api.sh` runs them side by side.

use std::time::{Duration, Instant};

#[path = "../tests/common/mod.rs"]
#[allow(unused_imports)]
mod common;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let bases: Vec<String> = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8787".into())
        .split(',')
        .map(str::to_string)
        .collect();
    let clients: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let mode = args.next().unwrap_or_else(|| "submit".into());
    if mode == "fsync" {
        let dir = std::path::PathBuf::from(args.next().ok_or("fsync needs a directory")?);
        return fsync_rate(&dir, seconds);
    }
    let health = mode == "health";
    let base = bases[0].clone();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(clients)
        .timeout(Duration::from_secs(30))
        .build()?;
    // The demo citizens take turns (client i acts for citizen i mod 3): the quotas and their
    // checks are per citizen, as many citizens' applications are in a real day.
    let mut citizens = Vec::new();
    for name in ["anna", "ben", "clara"] {
        citizens.push(common::login_at(&http, &base, name).await.access);
    }
    // A service without a form of its own and no place (so no destination to encrypt for):
    // the create + submit protocol and its storage, not a form's rules, are measured.
    let catalog: serde_json::Value = http
        .get(format!("{base}/v1/catalog"))
        .send()
        .await?
        .json()
        .await?;
    let service = catalog["services"]
        .as_array()
        .and_then(|services| services.iter().find(|s| s["form_id"].is_null()))
        .and_then(|s| s["leika_key"].as_str())
        .ok_or("the catalog has no service without a form")?
        .to_string();
    let first_error = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for client in 0..clients {
        let base = bases[client % bases.len()].clone();
        let token = citizens[client % citizens.len()].clone();
        let (http, service) = (http.clone(), service.clone());
        let first_error = first_error.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0u64;
            while Instant::now() < deadline {
                if health {
                    let started = Instant::now();
                    match http.get(format!("{base}/health")).send().await {
                        Ok(r) if r.status().is_success() => latencies.push(started.elapsed()),
                        _ => errors += 1,
                    }
                    continue;
                }
                let id = common::new_id();
                let started = Instant::now();
                let created = http
                    .post(format!("{base}/v1/submissions"))
                    .bearer_auth(&token)
                    .header("Idempotency-Key", &id)
                    .json(&serde_json::json!({ "serviceKey": service }))
                    .send()
                    .await;
                let answer = match created {
                    Ok(r) if r.status() == 201 => {
                        http.post(format!("{base}/v1/submissions/{id}/submit"))
                            .bearer_auth(&token)
                            .json(&serde_json::json!({"data": {"kennzeichen": "EF-AB 123"}}))
                            .send()
                            .await
                    }
                    other => other,
                };
                let submitted = match answer {
                    Ok(r) if r.status() == 200 => true,
                    Ok(r) => {
                        let status = r.status();
                        let body = r.text().await.unwrap_or_default();
                        if let Ok(mut first) = first_error.lock() {
                            first.get_or_insert(format!("{status} {body}"));
                        }
                        false
                    }
                    Err(e) => {
                        if let Ok(mut first) = first_error.lock() {
                            first.get_or_insert(e.to_string());
                        }
                        false
                    }
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
    if let Some(first) = first_error.lock().ok().and_then(|f| f.clone()) {
        eprintln!("first error: {first}");
    }
    let elapsed = started.elapsed().as_secs_f64().max(seconds as f64);
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "mode={mode} clients={clients} seconds={seconds} done={} errors={errors} rate={:.0}/s p50={:?} p99={:?} max={:?}",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        all.last().copied().unwrap_or_default()
    );
    Ok(())
}

/// 4 KB written and fsynced, again and again, for `seconds`: one durable commit each.
fn fsync_rate(dir: &std::path::Path, seconds: u64) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write;
    let path = dir.join("fsync-probe");
    let mut file = std::fs::File::create(&path)?;
    let block = [0x5au8; 4096];
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut latencies = Vec::new();
    while Instant::now() < deadline {
        let started = Instant::now();
        file.write_all(&block)?;
        file.sync_data()?;
        latencies.push(started.elapsed());
    }
    drop(file);
    std::fs::remove_file(&path)?;
    latencies.sort();
    let p99 = latencies
        .get(latencies.len() * 99 / 100)
        .copied()
        .unwrap_or_default();
    println!(
        "mode=fsync seconds={seconds} done={} rate={:.0}/s p99={p99:?}",
        latencies.len(),
        latencies.len() as f64 / seconds.max(1) as f64
    );
    Ok(())
}
