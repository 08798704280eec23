//! Handover mailboxes (#14) through the real server: ciphertext left by one device, fetched
//! by another until one pickup lands, then gone; the same after the server's 24 hours, and
//! the sweep drops what expired from the database. No login anywhere.
mod common;

use std::time::Duration;

use common::{postgres_url, problem_code, TestServer};
use serde_json::Value;

/// A fresh mailbox name: 32 lower-case hex digits.
fn mailbox() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Ciphertext as a device would leave it, with a marker to look for.
fn ciphertext(marker: &str) -> Vec<u8> {
    let mut bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    bytes.extend_from_slice(marker.as_bytes());
    bytes
}

fn new_pickup() -> String {
    uuid::Uuid::new_v4().to_string()
}

async fn put(server: &TestServer, mailbox: &str, bytes: &[u8]) -> reqwest::Response {
    let url = server.url(&format!("/v1/handovers/{mailbox}"));
    let request = server.http.put(url).body(bytes.to_vec());
    let request = request.header("content-type", "application/octet-stream");
    request.send().await.expect("an answer")
}

async fn fetch(server: &TestServer, mailbox: &str) -> reqwest::Response {
    let url = server.url(&format!("/v1/handovers/{mailbox}"));
    server.http.get(url).send().await.expect("an answer")
}

async fn pick_up(server: &TestServer, mailbox: &str, pickup_id: &str) -> reqwest::Response {
    let url = server.url(&format!("/v1/handovers/{mailbox}/pickup"));
    let body = serde_json::json!({ "pickupId": pickup_id });
    let request = server.http.post(url).json(&body);
    request.send().await.expect("an answer")
}

async fn state(server: &TestServer, mailbox: &str) -> reqwest::Response {
    let url = server.url(&format!("/v1/handovers/{mailbox}/state"));
    server.http.get(url).send().await.expect("an answer")
}

/// The status and the JSON body of an answer that is no problem.
async fn answer(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let no_store = response.headers().get("cache-control").cloned();
    assert_eq!(
        no_store.as_ref().and_then(|v| v.to_str().ok()),
        Some("no-store"),
        "{status}: no cache keeps a handover's answer"
    );
    (status, response.json().await.expect("JSON"))
}

/// A refusal's status and problem code.
async fn refusal(response: reqwest::Response) -> (u16, String) {
    let (status, code, _) = problem_code(response).await;
    (status, code)
}

fn refused(status: u16, code: &str) -> (u16, String) {
    (status, code.to_string())
}

/// What the database holds as the content of `mailbox` (`None`: no row; `Some(None)`: a row
/// without content), read past the server: the SQLite file, or the server's PostgreSQL schema.
async fn stored_content(server: &TestServer, mailbox: &str) -> Option<Option<Vec<u8>>> {
    let config = server.state.config();
    let mailbox = mailbox.to_string();
    match config.postgres.clone() {
        None => {
            let path = config.data_dir.join("state-api.sqlite3");
            let conn = rusqlite::Connection::open(path).expect("the database opens");
            conn.query_row(
                "SELECT content FROM handovers WHERE mailbox = ?1",
                [&mailbox],
                |row| row.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .expect("read")
        }
        Some(options) => tokio::task::spawn_blocking(move || {
            let mut client =
                postgres::Client::connect(&options.url, postgres::NoTls).expect("connects");
            let schema = options.schema.expect("a schema of its own");
            let sql = format!("SELECT content FROM {schema}.handovers WHERE mailbox = $1");
            let row = client.query_opt(&sql, &[&mailbox]).expect("read");
            row.map(|row| row.get::<_, Option<Vec<u8>>>(0))
        })
        .await
        .expect("joined"),
    }
}

#[tokio::test]
async fn a_handover_is_given_out_until_one_pickup_lands_and_then_gone() {
    let server = TestServer::start().await;
    let (mailbox, bytes) = (mailbox(), ciphertext("HANDOVER-CANARY-1"));
    let before = server.state.backend().now();
    let (status, left) = answer(put(&server, &mailbox, &bytes).await).await;
    assert_eq!(status, 201, "kept: {left}");
    assert_eq!(left["stage"], "waiting");
    let expires_at = left["expiresAt"].as_i64().expect("expiresAt");
    let day = 24 * 60 * 60 * 1000;
    assert!(
        (before + day..=server.state.backend().now() + day).contains(&expires_at),
        "24 hours from now: {expires_at}"
    );
    assert!(left.get("pickedUpAt").is_none(), "{left}");

    for _ in 0..2 {
        let fetched = fetch(&server, &mailbox).await;
        assert_eq!(fetched.status(), 200, "given out while it waits");
        let headers = fetched.headers().clone();
        assert_eq!(headers["content-type"], "application/octet-stream");
        assert_eq!(headers["cache-control"], "no-store");
        assert_eq!(fetched.bytes().await.expect("bytes").to_vec(), bytes);
    }
    let watched = state(&server, &mailbox).await;
    let text = watched.text().await.expect("text");
    assert!(!text.contains("HANDOVER-CANARY-1"), "never the content");
    let watched: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(watched, left, "the state says what the put said");

    let (phone, thief) = (new_pickup(), new_pickup());
    let (status, picked) = answer(pick_up(&server, &mailbox, &phone).await).await;
    assert_eq!(status, 200, "picked up: {picked}");
    assert_eq!(picked["stage"], "picked_up");
    assert_eq!(picked["expiresAt"], expires_at);
    assert!(picked["pickedUpAt"].as_i64().is_some(), "{picked}");
    assert_eq!(
        stored_content(&server, &mailbox).await,
        Some(None),
        "the content is deleted at the pickup"
    );
    assert_eq!(
        refusal(fetch(&server, &mailbox).await).await,
        refused(410, "handover_used"),
        "given out no more"
    );
    assert_eq!(
        refusal(pick_up(&server, &mailbox, &thief).await).await,
        refused(410, "handover_used"),
        "another pickup comes too late"
    );
    let (status, again) = answer(pick_up(&server, &mailbox, &phone).await).await;
    assert_eq!((status, &again), (200, &picked), "the same pickup: a retry");
    let (_, watched) = answer(state(&server, &mailbox).await).await;
    assert_eq!(watched, picked, "the tablet sees the pickup");
    assert_eq!(
        refusal(put(&server, &mailbox, &bytes).await).await,
        refused(409, "handover_exists"),
        "a used mailbox is not filled again"
    );
}

#[tokio::test]
async fn the_same_bytes_again_are_a_retry_and_other_bytes_are_refused() {
    let server = TestServer::start().await;
    let (mailbox, bytes) = (mailbox(), ciphertext("retry"));
    let (status, first) = answer(put(&server, &mailbox, &bytes).await).await;
    assert_eq!(status, 201);
    server
        .state
        .backend()
        .advance_clock(Duration::from_secs(60));
    let (status, again) = answer(put(&server, &mailbox, &bytes).await).await;
    assert_eq!(
        (status, &again),
        (200, &first),
        "the same bytes: the same state, the same expiry"
    );
    assert_eq!(
        refusal(put(&server, &mailbox, &ciphertext("other")).await).await,
        refused(409, "handover_exists"),
        "other bytes"
    );
    let fetched = fetch(&server, &mailbox).await;
    assert_eq!(
        fetched.bytes().await.expect("bytes").to_vec(),
        bytes,
        "kept"
    );
}

#[tokio::test]
async fn oversized_empty_malformed_and_unknown_are_refused() {
    let server = TestServer::start_with(|c| c.handover_max_bytes = 1024).await;
    let name = mailbox();
    assert_eq!(
        refusal(put(&server, &name, &[1u8; 1025]).await).await,
        refused(413, "body_too_large"),
        "over the limit"
    );
    assert_eq!(stored_content(&server, &name).await, None, "nothing kept");
    assert_eq!(
        refusal(put(&server, &name, b"").await).await,
        refused(400, "handover_empty")
    );
    let (status, _) = answer(put(&server, &name, &[1u8; 1024]).await).await;
    assert_eq!(status, 201, "at the limit");

    let upper = name.to_ascii_uppercase();
    let short = &name[..31];
    let long = format!("{name}0");
    let dotted = format!("{}..", &name[..30]);
    for bad in [upper.as_str(), short, long.as_str(), dotted.as_str(), "x"] {
        assert_eq!(
            refusal(put(&server, bad, b"bytes").await).await,
            refused(404, "not_found"),
            "{bad:?} is no mailbox"
        );
        assert_eq!(
            refusal(fetch(&server, bad).await).await,
            refused(404, "not_found")
        );
        assert_eq!(
            refusal(pick_up(&server, bad, &new_pickup()).await).await,
            refused(404, "not_found")
        );
        assert_eq!(
            refusal(state(&server, bad).await).await,
            refused(404, "not_found")
        );
    }

    let never = mailbox();
    assert_eq!(
        refusal(fetch(&server, &never).await).await,
        refused(404, "not_found")
    );
    assert_eq!(
        refusal(state(&server, &never).await).await,
        refused(404, "not_found")
    );
    assert_eq!(
        refusal(pick_up(&server, &never, &new_pickup()).await).await,
        refused(404, "not_found")
    );
    for bad in ["pickup-1", "", "00000000-0000-0000-0000-000000000000"] {
        assert_eq!(
            refusal(pick_up(&server, &name, bad).await).await,
            refused(422, "validation_failed"),
            "{bad:?} is no pickup id"
        );
    }
    let url = server.url(&format!("/v1/handovers/{name}/pickup"));
    let wrong_shape = server.http.post(url).json(&serde_json::json!({"id": 1}));
    let wrong_shape = wrong_shape.send().await.expect("an answer");
    assert_eq!(refusal(wrong_shape).await, refused(422, "invalid_body"));
    assert_eq!(
        fetch(&server, &name).await.status(),
        200,
        "refused pickups took nothing"
    );
}

#[tokio::test]
async fn a_handover_expires_by_the_servers_clock_and_the_sweep_drops_its_content() {
    // The sweep runs when the test says, not on the server's own schedule.
    let server = TestServer::start_with(|c| c.sweep_interval = Duration::from_secs(3600)).await;
    let (mailbox, bytes) = (mailbox(), ciphertext("HANDOVER-CANARY-2"));
    let (waiting, late) = (self::mailbox(), self::mailbox());
    for name in [&mailbox, &late] {
        assert_eq!(put(&server, name, &bytes).await.status(), 201);
    }
    let backend = server.state.backend();
    backend.advance_clock(Duration::from_secs(23 * 60 * 60));
    assert_eq!(put(&server, &waiting, &bytes).await.status(), 201);
    let picked = pick_up(&server, &late, &new_pickup()).await;
    assert_eq!(picked.status(), 200, "within its 24 hours");
    backend.advance_clock(Duration::from_secs(60 * 60 + 1));

    assert_eq!(
        refusal(fetch(&server, &mailbox).await).await,
        refused(410, "handover_expired"),
        "24 hours later, before any sweep"
    );
    assert_eq!(
        refusal(pick_up(&server, &mailbox, &new_pickup()).await).await,
        refused(410, "handover_expired")
    );
    let (_, watched) = answer(state(&server, &mailbox).await).await;
    assert_eq!(watched["stage"], "expired", "{watched}");
    assert_eq!(
        refusal(put(&server, &mailbox, &bytes).await).await,
        refused(409, "handover_exists"),
        "an expired mailbox is not filled again"
    );
    let (_, watched) = answer(state(&server, &late).await).await;
    assert_eq!(watched["stage"], "picked_up", "a pickup stays a pickup");
    assert_eq!(
        stored_content(&server, &mailbox).await,
        Some(Some(bytes.clone())),
        "until the sweep the bytes are there, given out to nobody"
    );

    backend.sweep().await.expect("swept");
    assert_eq!(
        stored_content(&server, &mailbox).await,
        Some(None),
        "the sweep dropped the content, the row stays"
    );
    assert_eq!(
        refusal(fetch(&server, &mailbox).await).await,
        refused(410, "handover_expired"),
        "and the mailbox still says why"
    );
    assert_eq!(
        fetch(&server, &waiting).await.status(),
        200,
        "a handover with time left keeps its content"
    );

    backend.advance_clock(Duration::from_secs(7 * 24 * 60 * 60));
    backend.sweep().await.expect("swept");
    for name in [&mailbox, &late] {
        assert_eq!(stored_content(&server, name).await, None, "forgotten");
        assert_eq!(
            refusal(state(&server, name).await).await,
            refused(404, "not_found")
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_eight_pickups_at_once_exactly_one_lands() {
    let server = TestServer::start().await;
    let mailbox = mailbox();
    assert_eq!(
        put(&server, &mailbox, &ciphertext("race")).await.status(),
        201
    );
    let url = server.url(&format!("/v1/handovers/{mailbox}/pickup"));
    let statuses = pickups_at_once(&[(server.http.clone(), url)], 8).await;
    assert_eq!(
        (
            statuses.iter().filter(|s| **s == 200).count(),
            statuses.len()
        ),
        (1, 8),
        "one pickup lands: {statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 410),
        "the others hear handover_used: {statuses:?}"
    );
}

/// `count` pickups with ids of their own, released together, spread over `targets`
/// (client, pickup URL); their statuses.
async fn pickups_at_once(targets: &[(reqwest::Client, String)], count: usize) -> Vec<u16> {
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(count));
    let tasks: Vec<_> = (0..count)
        .map(|i| {
            let (http, url) = targets[i % targets.len()].clone();
            let barrier = barrier.clone();
            tokio::spawn(async move {
                let body = serde_json::json!({ "pickupId": new_pickup() });
                barrier.wait().await;
                let answer = http.post(url).json(&body).send().await.expect("an answer");
                let status = answer.status().as_u16();
                if status == 410 {
                    let (_, code) = refusal(answer).await;
                    assert_eq!(code, "handover_used");
                }
                status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.expect("joined"));
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_on_one_database_share_the_mailboxes_and_one_pickup_lands() {
    let Some(url) = postgres_url() else {
        return;
    };
    let servers = TestServer::instances(&url, 3, |_| {}).await;
    let (mailbox, bytes) = (mailbox(), ciphertext("across"));
    assert_eq!(put(&servers[0], &mailbox, &bytes).await.status(), 201);
    let (status, _) = answer(put(&servers[1], &mailbox, &bytes).await).await;
    assert_eq!(status, 200, "a retry on another instance");
    let fetched = fetch(&servers[2], &mailbox).await;
    assert_eq!(fetched.bytes().await.expect("bytes").to_vec(), bytes);
    let targets: Vec<_> = servers
        .iter()
        .map(|s| {
            (
                s.http.clone(),
                s.url(&format!("/v1/handovers/{mailbox}/pickup")),
            )
        })
        .collect();
    let statuses = pickups_at_once(&targets, 9).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "one pickup lands on whichever instance: {statuses:?}"
    );
    for server in &servers {
        let (_, watched) = answer(state(server, &mailbox).await).await;
        assert_eq!(watched["stage"], "picked_up");
    }
}

#[tokio::test]
async fn the_bytes_waiting_handovers_hold_are_bounded() {
    let server = TestServer::start_with(|c| c.handover_held_bytes = 6000).await;
    let (first, second) = (mailbox(), mailbox());
    let bytes = ciphertext("full");
    assert_eq!(put(&server, &first, &bytes).await.status(), 201);
    let full = put(&server, &second, &bytes).await;
    let retry_after = full.headers().get("retry-after").cloned();
    assert_eq!(refusal(full).await, refused(503, "handover_storage_full"));
    assert!(retry_after.is_some(), "it says when to try again");
    assert_eq!(
        put(&server, &first, &bytes).await.status(),
        200,
        "a retry of what is kept still answers"
    );
    assert_eq!(pick_up(&server, &first, &new_pickup()).await.status(), 200);
    assert_eq!(
        put(&server, &second, &bytes).await.status(),
        201,
        "room again after the pickup"
    );
}

#[tokio::test]
async fn the_handover_routes_are_rate_limited_per_address_without_a_login() {
    let server = TestServer::start_with(|c| {
        c.limits.rate_per_second = Some(0.01);
        c.limits.rate_burst = 2.0;
    })
    .await;
    let name = mailbox();
    assert_eq!(put(&server, &name, b"bytes").await.status(), 201);
    assert_eq!(fetch(&server, &name).await.status(), 200);
    let limited = state(&server, &name).await;
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(refusal(limited).await, refused(429, "rate_limited"));
}
