//! A server killed with SIGKILL loses no submission it acknowledged: spawn the real binary,
//! create and submit, `kill -9`, start it again on the same data directory, read it back.
mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{create_body, new_id};

/// Starts the binary and returns it with its base URL (read from its log line).
fn start(data_dir: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_state-api"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let mut lines = BufReader::new(stderr).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut address = None;
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some(rest) = line.split("address=").nth(1) {
            address = rest.split_whitespace().next().map(str::to_string);
            break;
        }
    }
    // Keep draining the log so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines.by_ref() {});
    let address = address.expect("the server logs its address");
    (child, format!("http://{address}"))
}

#[tokio::test]
async fn an_acknowledged_submission_survives_sigkill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut child, base) = start(dir.path());
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client");
    let anna = common::login_at(&http, &base, "anna").await;
    let id = new_id();
    let mut body = create_body(&[]);
    // A service of the seed catalog whose entry names no form (free data): the test is about
    // durability, not about a form's rules.
    body["serviceKey"] = serde_json::json!("99001001000000");
    // No place, so no destination: plain data is taken (the encryption is tested elsewhere).
    if let Some(body) = body.as_object_mut() {
        body.remove("ars");
    }
    let created = http
        .post(format!("{base}/v1/submissions"))
        .bearer_auth(&anna.access)
        .header("Idempotency-Key", &id)
        .json(&body)
        .send()
        .await
        .expect("create");
    assert_eq!(
        created.status(),
        201,
        "created on the real binary with the seed catalog"
    );
    let submitted = http
        .post(format!("{base}/v1/submissions/{id}/submit"))
        .bearer_auth(&anna.access)
        .json(&serde_json::json!({"data": {}}))
        .send()
        .await
        .expect("submit");
    assert_eq!(submitted.status(), 200, "acknowledged");

    child.kill().expect("SIGKILL");
    let _ = child.wait();

    let (mut child, base) = start(dir.path());
    let read = http
        .get(format!("{base}/v1/submissions/{id}"))
        .bearer_auth(&anna.access)
        .send()
        .await
        .expect("read after restart");
    let status = read.status();
    let read: serde_json::Value = read.json().await.unwrap_or_default();
    let retry = http
        .post(format!("{base}/v1/submissions"))
        .bearer_auth(&anna.access)
        .header("Idempotency-Key", &id)
        .json(&body)
        .send()
        .await
        .map(|r| r.status());
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        status, 200,
        "the submission and the token survived the kill"
    );
    assert_eq!(read["status"], "RECEIVED", "with its acknowledged status");
    assert_eq!(
        retry.ok(),
        Some(reqwest::StatusCode::CREATED),
        "an outbox retry of the create after the restart is replayed, not duplicated"
    );
}
