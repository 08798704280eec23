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
    let inbox = server.feed(&anna.access, "/v1/inbox", 1).await;
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

#[tokio::test]
async fn two_citizens_using_one_key_each_get_their_own_submission() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let ben = server.login("ben").await;
    let id = new_id();
    let annas = create_body(&[]);
    let mut bens = create_body(&[]);
    bens["ars"] = serde_json::json!("16051000");
    bens["announcedAttachments"] = serde_json::json!([]);
    bens["serviceKey"] = annas["serviceKey"].clone();
    let mut other = bens.clone();
    other["ars"] = serde_json::json!("160510000000");

    let created = server.create(&anna.access, &id, &annas).await;
    assert_eq!(created.status(), 201, "anna creates");
    let created = server.create(&ben.access, &id, &other).await;
    assert_eq!(
        created.status(),
        201,
        "ben's use of the same UUID, with another body, is his own submission (no oracle of anna's)"
    );
    assert_eq!(
        created.headers().get("idempotent-replayed"),
        None,
        "not a replay of anna's answer"
    );
    let again = server.create(&ben.access, &id, &other).await;
    assert_eq!(again.status(), 201, "ben's retry replays");
    assert_eq!(
        again
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true"),
        "ben's own answer is replayed"
    );

    // Each submits their own, independently.
    let submitted = server
        .submit(&ben.access, &id, &serde_json::json!({"x": "ben"}))
        .await;
    assert_eq!(submitted.status(), 200, "ben submits his");
    let annas_view: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(annas_view["status"], "INITIATED", "anna's is untouched");
    assert_eq!(annas_view["submissionId"], id.as_str(), "under her id");
    let submitted = server
        .submit(&anna.access, &id, &serde_json::json!({"x": "anna"}))
        .await;
    assert_eq!(submitted.status(), 200, "anna submits hers");

    // The same citizen reusing the key with another body still gets the conflict.
    let (status, code, _) = problem_code(server.create(&anna.access, &id, &other).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "idempotency_key_reused"),
        "anna's key with another body"
    );

    // The back office sees two submissions and reaches each owner.
    let listed: serde_json::Value = server
        .admin_get("/admin/v1/submissions")
        .await
        .json()
        .await
        .expect("JSON");
    let listed = listed["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(listed.len(), 2, "two submissions");
    for item in &listed {
        let sent = server
            .admin_post(
                "/admin/v1/messages",
                &serde_json::json!({"submissionId": item["submissionId"], "title": "Hallo", "body": "x"}),
            )
            .await;
        assert_eq!(sent.status(), 201, "a message about each");
    }
    for (who, token) in [("anna", &anna.access), ("ben", &ben.access)] {
        let inbox = server.feed(token, "/v1/inbox", 1).await;
        assert_eq!(
            inbox["items"].as_array().map(Vec::len),
            Some(1),
            "{who} has one"
        );
        assert_eq!(
            inbox["items"][0]["submissionId"],
            id.as_str(),
            "{who}'s message names the submission by {who}'s own id"
        );
    }
}
