//! Limits against abuse over real HTTP: body size, rate per client, slow clients; and the
//! authorities lookup by ARS.
mod common;

use std::time::Duration;

use common::{problem_code, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn oversized_bodies_are_refused_with_a_problem() {
    let server = TestServer::start_with(|c| c.limits.max_json_body = 1024).await;
    let anna = server.login("anna").await;
    let big = serde_json::json!({"serviceKey": "x".repeat(5000)});
    let response = server.create(&anna.access, &common::new_id(), &big).await;
    let (status, code, _) = problem_code(response).await;
    assert_eq!(
        (status, code.as_str()),
        (413, "body_too_large"),
        "a body beyond the limit is 413"
    );
}

#[tokio::test]
async fn a_client_that_sends_too_fast_is_told_to_wait() {
    let server = TestServer::start_with(|c| {
        c.limits.rate_per_second = Some(1.0);
        c.limits.rate_burst = 5.0;
    })
    .await;
    let mut statuses = Vec::new();
    for _ in 0..8 {
        let response = server
            .http
            .get(server.url("/health"))
            .send()
            .await
            .expect("health");
        let retry = response.headers().get("retry-after").is_some();
        statuses.push((response.status().as_u16(), retry));
    }
    assert!(
        statuses[..5].iter().all(|(s, _)| *s == 200),
        "the burst passes: {statuses:?}"
    );
    assert!(
        statuses[5..].iter().all(|s| *s == (429, true)),
        "then 429 with Retry-After: {statuses:?}"
    );
}

#[tokio::test]
async fn a_new_random_bearer_per_request_does_not_escape_the_limit() {
    let server = TestServer::start_with(|c| {
        c.limits.rate_per_second = Some(1.0);
        c.limits.rate_burst = 5.0;
    })
    .await;
    let mut statuses = Vec::new();
    for n in 0..8 {
        // A password or back-office token guesser: a fresh, unverifiable bearer each time.
        let response = server
            .http
            .get(server.url("/v1/submissions"))
            .bearer_auth(format!("guess-{n}"))
            .send()
            .await
            .expect("request");
        statuses.push(response.status().as_u16());
    }
    assert!(
        statuses[5..].iter().all(|s| *s == 429),
        "unverified bearers share the peer's bucket: {statuses:?}"
    );
}

#[tokio::test]
async fn a_verified_citizen_has_a_bucket_of_their_own() {
    let server = TestServer::start_with(|c| {
        c.limits.rate_per_second = Some(1.0);
        c.limits.rate_burst = 5.0;
    })
    .await;
    // The login takes a few requests from this peer; the citizen's own requests then count
    // against the citizen, not against the address.
    let anna = server.login("anna").await;
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let response = server.get(&anna.access, "/v1/submissions").await;
        statuses.push(response.status().as_u16());
    }
    assert!(
        statuses.iter().all(|s| *s == 200),
        "a verified citizen's burst passes: {statuses:?}"
    );
    let sixth = server.get(&anna.access, "/v1/submissions").await;
    assert_eq!(sixth.status(), 429, "and is limited like anyone");
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let server =
        TestServer::start_with(|c| c.limits.header_read_timeout = Duration::from_millis(300)).await;
    let address = server.base.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connect");
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        .await
        .expect("partial headers");
    let mut buffer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut buffer)).await;
    assert!(
        read.is_ok(),
        "the server closes the connection of a slow client within the timeout"
    );
}

#[tokio::test]
async fn authorities_are_found_by_ars_and_service() {
    let server = TestServer::start().await;
    let get = |query: &str| {
        server
            .http
            .get(server.url(&format!("/v1/authorities?{query}")))
            .send()
    };
    let erfurt: serde_json::Value = get("ars=160510000000&leika=99108001001000")
        .await
        .expect("req")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        erfurt[0]["id"], "erfurt",
        "the city is responsible in Erfurt (12-digit ARS)"
    );
    let elsewhere: serde_json::Value = get("ars=16066001&leika=99108001001000")
        .await
        .expect("req")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        elsewhere[0]["id"], "tlvwa",
        "elsewhere the walk goes up to the Land"
    );
    let chain: serde_json::Value = get("ars=16051000")
        .await
        .expect("req")
        .json()
        .await
        .expect("JSON");
    let ids: Vec<&str> = chain
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        ["erfurt", "tlvwa"],
        "without a service: every office over the place, local first"
    );
    let (status, _, _) =
        problem_code(get("ars=16051000&leika=99000000000000").await.expect("req")).await;
    assert_eq!(status, 404, "an unknown service is 404");
    let (status, _, _) = problem_code(get("ars=abc").await.expect("req")).await;
    assert_eq!(status, 422, "a malformed ARS is 422");
}

#[tokio::test]
async fn framework_refusals_are_problem_documents_too() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let (status, code, _) =
        problem_code(server.get(&anna.access, "/v1/submissions?since=abc").await).await;
    assert_eq!(
        (status, code.as_str()),
        (400, "bad_request"),
        "a malformed query is a problem"
    );
    let wrong_method = server
        .http
        .delete(server.url("/v1/catalog"))
        .send()
        .await
        .expect("DELETE");
    let (status, code, _) = problem_code(wrong_method).await;
    assert_eq!(
        (status, code.as_str()),
        (405, "method_not_allowed"),
        "a wrong method is a problem"
    );
    let (status, code, _) = problem_code(server.get(&anna.access, "/v2/nothing").await).await;
    assert_eq!(
        (status, code.as_str()),
        (404, "not_found"),
        "an unknown path is a problem"
    );
}
