//! Withdrawing a sent application: only the citizen's own, only once it is submitted and
//! until the authority decided, repeatable, and final for the back office too.
mod common;

use common::{create_body, new_id, problem_code, TestServer};
use serde_json::json;

async fn withdraw(server: &TestServer, token: &str, id: &str) -> reqwest::Response {
    server
        .http
        .post(server.url(&format!("/v1/submissions/{id}/withdrawal")))
        .bearer_auth(token)
        .send()
        .await
        .expect("withdrawal request")
}

async fn created(server: &TestServer, token: &str) -> String {
    let id = new_id();
    let response = server.create(token, &id, &create_body(&[])).await;
    assert_eq!(response.status(), 201, "created");
    id
}

fn statuses(submission: &serde_json::Value) -> Vec<String> {
    submission["statusHistory"]
        .as_array()
        .or_else(|| submission["status_history"].as_array())
        .into_iter()
        .flatten()
        .filter_map(|e| e["status"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn a_sent_application_is_withdrawn_once_by_its_citizen_only() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let ben = server.login("ben").await;
    let id = created(&server, &anna.access).await;

    let (status, code, _) = problem_code(withdraw(&server, &anna.access, &id).await).await;
    assert_eq!(
        (status, code.as_str()),
        (409, "not_withdrawable"),
        "nothing to withdraw before it is submitted"
    );

    let submitted = server.submit(&anna.access, &id, &json!({})).await;
    assert_eq!(submitted.status(), 200, "submitted");

    let (status, _, _) = problem_code(withdraw(&server, &ben.access, &id).await).await;
    assert_eq!(
        status, 404,
        "another citizen cannot see it, let alone withdraw it"
    );

    let first = withdraw(&server, &anna.access, &id).await;
    assert_eq!(first.status(), 200, "withdrawn");
    let first: serde_json::Value = first.json().await.expect("submission JSON");
    assert_eq!(first["status"], "WITHDRAWN");

    let again = withdraw(&server, &anna.access, &id).await;
    assert_eq!(
        again.status(),
        200,
        "a retry after a lost answer is answered the same"
    );
    let again: serde_json::Value = again.json().await.expect("submission JSON");
    assert_eq!(again["status"], "WITHDRAWN");
    let history = statuses(&again);
    assert_eq!(
        history.iter().filter(|s| *s == "WITHDRAWN").count(),
        1,
        "withdrawn once in the history: {history:?}"
    );

    let moved = server
        .admin_post(
            &format!("/admin/v1/submissions/{id}/status"),
            &json!({"status": "PROCESSING"}),
        )
        .await;
    let (status, code, _) = problem_code(moved).await;
    assert_eq!(
        (status, code.as_str()),
        (409, "status_move_not_allowed"),
        "the authority does not work on a withdrawn application"
    );
}

#[tokio::test]
async fn a_decided_application_cannot_be_withdrawn() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = created(&server, &anna.access).await;
    assert_eq!(
        server.submit(&anna.access, &id, &json!({})).await.status(),
        200
    );
    let path = format!("/admin/v1/submissions/{id}/status");
    for status in ["RECEIVED", "COMPLETED"] {
        let moved = server.admin_post(&path, &json!({ "status": status })).await;
        if moved.status() != 200 {
            // Submitting may already have moved it to RECEIVED.
            assert_eq!(status, "RECEIVED", "moved to {status}");
        }
    }
    let (status, code, _) = problem_code(withdraw(&server, &anna.access, &id).await).await;
    assert_eq!((status, code.as_str()), (409, "not_withdrawable"));
}
