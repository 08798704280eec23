//! Per-citizen isolation: a citizen can never see or touch another citizen's submissions,
//! uploads or messages, on any endpoint.
mod common;

use common::{create_body, new_id, problem_code, TestServer};

#[tokio::test]
async fn another_citizen_gets_not_found_or_nothing_on_every_endpoint() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let ben = server.login("ben").await;
    let (id, attachment) = (new_id(), new_id());
    let bytes = b"anna's document".to_vec();
    let body = create_body(&[(&attachment, &bytes)]);
    assert_eq!(
        server.create(&anna.access, &id, &body).await.status(),
        201,
        "anna creates"
    );
    let sent = server
        .admin_post(
            "/admin/v1/messages",
            &serde_json::json!({"submissionId": id, "title": "Für Anna", "body": "privat"}),
        )
        .await;
    assert_eq!(sent.status(), 201, "a message to anna");

    // GET one
    let (status, _, _) = problem_code(
        server
            .get(&ben.access, &format!("/v1/submissions/{id}"))
            .await,
    )
    .await;
    assert_eq!(status, 404, "ben cannot read anna's submission");
    // HEAD upload state
    let head = server
        .http
        .head(server.url(&format!("/v1/submissions/{id}/attachments/{attachment}")))
        .bearer_auth(&ben.access)
        .send()
        .await
        .expect("HEAD");
    assert_eq!(head.status(), 404, "ben cannot see anna's upload state");
    // PATCH upload
    let (status, _, _) = problem_code(
        server
            .upload(&ben.access, &id, &attachment, 0, &bytes)
            .await,
    )
    .await;
    assert_eq!(status, 404, "ben cannot upload into anna's submission");
    // submit
    let (status, _, _) = problem_code(
        server
            .submit(&ben.access, &id, &serde_json::json!({}))
            .await,
    )
    .await;
    assert_eq!(status, 404, "ben cannot submit anna's submission");
    // create with anna's id as key
    let (status, code, problem) = problem_code(server.create(&ben.access, &id, &body).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "idempotency_key_reused"),
        "ben cannot take anna's id"
    );
    assert!(
        !problem.to_string().contains("anna"),
        "the refusal reveals nothing of anna"
    );
    // lists
    let list: serde_json::Value = server
        .get(&ben.access, "/v1/submissions")
        .await
        .json()
        .await
        .expect("page");
    assert_eq!(
        list["items"].as_array().map(Vec::len),
        Some(0),
        "ben's list is empty"
    );
    let inbox: serde_json::Value = server
        .get(&ben.access, "/v1/inbox")
        .await
        .json()
        .await
        .expect("inbox");
    assert_eq!(
        inbox["items"].as_array().map(Vec::len),
        Some(0),
        "ben's inbox is empty"
    );

    // anna's own view is untouched by all of ben's attempts
    let state = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await;
    let state: serde_json::Value = state.json().await.expect("JSON");
    assert_eq!(
        state["attachments"][0]["received"], 0,
        "ben's upload left no byte"
    );
    assert_eq!(state["status"], "INITIATED", "ben's submit changed nothing");
    let inbox: serde_json::Value = server
        .get(&anna.access, "/v1/inbox")
        .await
        .json()
        .await
        .expect("inbox");
    assert_eq!(
        inbox["items"].as_array().map(Vec::len),
        Some(1),
        "anna has her message"
    );
    let info: serde_json::Value = server
        .get(&ben.access, "/oauth/userinfo")
        .await
        .json()
        .await
        .expect("info");
    assert_eq!(info["sub"], "citizen-ben", "userinfo is ben's own");
}
