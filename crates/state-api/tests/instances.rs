//! Several instances of the server on one PostgreSQL database: nothing one instance keeps in
//! its own memory decides anything. A retry that lands on another instance meets the first
//! request's claim on its Idempotency-Key; a client's rate limit, a username's failed
//! passwords and a login form are the same whichever instance answers.
//!
//! Needs PostgreSQL (scripts/test.sh starts one; see `common::postgres_url`).

mod common;

use std::time::Duration;

use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_on_another_instance_meets_the_first_requests_claim_then_its_answer() {
    let Some(url) = postgres_url() else {
        return;
    };
    let servers = TestServer::instances(&url, 3, |c| {
        c.debug_create_delay = Duration::from_millis(800);
    })
    .await;
    let anna = servers[0].login("anna").await;
    let key = new_id();
    let body = serde_json::json!({ "serviceKey": PARKING, "ars": ERFURT, "attachments": [] });
    let first = {
        let (http, url, token, key, body) = (
            servers[0].http.clone(),
            servers[0].url("/v1/submissions"),
            anna.access.clone(),
            key.clone(),
            body.clone(),
        );
        tokio::spawn(async move {
            http.post(url)
                .bearer_auth(token)
                .header("Idempotency-Key", key)
                .json(&body)
                .send()
                .await
                .expect("the first create answers")
        })
    };
    tokio::time::sleep(Duration::from_millis(250)).await;
    let retry = servers[1].create(&anna.access, &key, &body).await;
    assert_eq!(
        retry.status(),
        409,
        "the second instance sees the first's request in flight"
    );
    let first = first.await.expect("joined");
    assert_eq!(first.status(), 201, "the first creates");
    let created: serde_json::Value = first.json().await.expect("JSON");
    let again = servers[2].create(&anna.access, &key, &body).await;
    assert_eq!(again.status(), 201, "a later retry on a third instance");
    assert_eq!(
        again
            .headers()
            .get("idempotent-replayed")
            .map(|v| v.as_bytes()),
        Some(&b"true"[..]),
        "is the kept answer"
    );
    let replayed: serde_json::Value = again.json().await.expect("JSON");
    assert_eq!(replayed, created, "the same answer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clients_rate_limit_is_one_bucket_across_the_instances() {
    let Some(url) = postgres_url() else {
        return;
    };
    let servers = TestServer::instances(&url, 3, |c| {
        c.limits.rate_per_second = Some(0.01);
        c.limits.rate_burst = 5.0;
    })
    .await;
    let mut statuses = Vec::new();
    for n in 0..7 {
        let server = &servers[n % servers.len()];
        let response = server
            .http
            .get(server.url("/v1/catalog"))
            .send()
            .await
            .expect("answers");
        statuses.push(response.status().as_u16());
    }
    assert_eq!(
        statuses,
        vec![200, 200, 200, 200, 200, 429, 429],
        "five in the burst, whichever instance answers; then the bucket is empty everywhere"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_form_from_one_instance_posts_to_another_and_failures_add_up_across_them() {
    let Some(url) = postgres_url() else {
        return;
    };
    let servers = TestServer::instances(&url, 3, |_| {}).await;
    let http = &servers[0].http;
    let page = open_login_page(http, &servers[0].base).await;
    let posted = post_login_on(http, &servers[1].base, &page, "anna", "demo").await;
    assert_eq!(
        posted.status(),
        303,
        "the form of one instance is good at another"
    );
    // Five wrong passwords for ben, spread over the instances, lock him out on all of them.
    for n in 0..5 {
        let base = &servers[n % servers.len()].base;
        let wrong = post_login(http, base, "ben", "wrong").await;
        assert!(
            matches!(wrong.status().as_u16(), 401 | 429),
            "a wrong password is refused"
        );
    }
    for server in &servers {
        let right = post_login(http, &server.base, "ben", "demo").await;
        assert_eq!(
            right.status(),
            429,
            "ben is locked out at every instance, even with his password"
        );
    }
}
