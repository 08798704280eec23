//! Reports of accessibility problems: anonymous, checked with the app's rules, idempotent,
//! numbered, kept across a restart of the server, listed for the back office.
mod common;

use common::{new_id, problem_code, TestServer};

async fn post(
    server: &TestServer,
    key: Option<&str>,
    body: &serde_json::Value,
) -> reqwest::Response {
    let mut request = server
        .http
        .post(server.url("/v1/accessibility-reports"))
        .json(body);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    request.send().await.expect("request")
}

async fn admin_reports(server: &TestServer) -> Vec<serde_json::Value> {
    let response = server
        .http
        .get(server.admin_url("/admin/v1/accessibility-reports"))
        .bearer_auth(common::ADMIN_TOKEN)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    response.json().await.expect("a JSON list")
}

#[tokio::test]
async fn a_report_is_received_once_with_a_reference_and_without_login() {
    let server = TestServer::start().await;
    let id = new_id();
    let body = serde_json::json!({
        "place": "Antrag Bewohnerparkausweis, Seite 2",
        "description": "  Die Fehlermeldung wird vom Screenreader nicht vorgelesen.  ",
        "assistiveTechnology": "Orca",
        "wantsReply": false,
        "email": "anna@example.org",
        "language": "de",
    });
    let first = post(&server, Some(&id), &body).await;
    assert_eq!(first.status(), 201, "no login needed");
    let receipt: serde_json::Value = first.json().await.expect("json");
    let reference = receipt["reference"]
        .as_str()
        .expect("a reference")
        .to_string();
    assert!(
        reference.starts_with("BF-") && reference.ends_with("000001"),
        "{reference}"
    );
    assert_eq!(receipt["reportId"], id);

    // A retry (the answer was lost on the way) gets the same answer and keeps one report.
    let again = post(&server, Some(&id.to_uppercase()), &body).await;
    assert_eq!(again.status(), 201);
    assert_eq!(
        again
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    let replay: serde_json::Value = again.json().await.expect("json");
    assert_eq!(replay, receipt);

    let kept = admin_reports(&server).await;
    assert_eq!(kept.len(), 1, "exactly one report");
    assert_eq!(kept[0]["reference"], reference.as_str());
    let report = &kept[0]["report"];
    assert_eq!(
        report["description"],
        "Die Fehlermeldung wird vom Screenreader nicht vorgelesen."
    );
    assert_eq!(report["assistiveTechnology"], "Orca");
    assert_eq!(
        report["email"], "",
        "no reply wanted, so no contact details are kept"
    );

    let second = post(
        &server,
        Some(&new_id()),
        &serde_json::json!({"description": "Zweite"}),
    )
    .await;
    let second: serde_json::Value = second.json().await.expect("json");
    assert!(second["reference"]
        .as_str()
        .is_some_and(|r| r.ends_with("000002")));
}

#[tokio::test]
async fn bad_reports_are_refused_with_the_apps_message_ids() {
    let server = TestServer::start().await;
    let blank = post(
        &server,
        Some(&new_id()),
        &serde_json::json!({"description": "   "}),
    )
    .await;
    let (status, code, problem) = problem_code(blank).await;
    assert_eq!((status, code.as_str()), (422, "validation_failed"));
    assert_eq!(problem["errors"][0]["field"], "/description");
    assert_eq!(
        problem["errors"][0]["code"],
        "feedback-error-description-missing"
    );

    let no_contact = post(
        &server,
        Some(&new_id()),
        &serde_json::json!({"description": "x", "wantsReply": true, "email": "nope"}),
    )
    .await;
    let (_, _, problem) = problem_code(no_contact).await;
    let codes: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    assert_eq!(codes, ["feedback-error-email-invalid"]);

    let (status, code, _) =
        problem_code(post(&server, None, &serde_json::json!({"description": "x"})).await).await;
    assert_eq!((status, code.as_str()), (400, "idempotency_key_missing"));
    let (status, code, _) = problem_code(
        post(
            &server,
            Some("not-a-uuid"),
            &serde_json::json!({"description": "x"}),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (400, "idempotency_key_invalid"));
    let (status, code, _) =
        problem_code(post(&server, Some(&new_id()), &serde_json::json!({"place": 5})).await).await;
    assert_eq!((status, code.as_str()), (422, "invalid_body"));

    let id = new_id();
    assert_eq!(
        post(&server, Some(&id), &serde_json::json!({"description": "a"}))
            .await
            .status(),
        201
    );
    let (status, code, _) =
        problem_code(post(&server, Some(&id), &serde_json::json!({"description": "b"})).await)
            .await;
    assert_eq!((status, code.as_str()), (422, "idempotency_key_reused"));

    assert!(
        admin_reports(&server).await.len() == 1,
        "only the valid report is kept"
    );
    let anonymous = server
        .http
        .get(server.admin_url("/admin/v1/accessibility-reports"))
        .send()
        .await
        .expect("request");
    assert_eq!(
        anonymous.status(),
        401,
        "the list is for the back office only"
    );
}
