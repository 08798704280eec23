//! The back office: its own credential, allowed status moves, rejection reasons, messages,
//! and the `state-api admin` CLI on a data directory.
mod common;

use common::{create_body, new_id, problem_code, TestServer};

#[tokio::test]
async fn back_office_needs_its_credential_and_moves_statuses_by_the_rules() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = new_id();
    assert_eq!(
        server
            .create(&anna.access, &id, &create_body(&[]))
            .await
            .status(),
        201,
        "created"
    );

    let path = format!("/admin/v1/submissions/{id}/status");
    let anonymous = server
        .http
        .post(server.admin_url(&path))
        .json(&serde_json::json!({"status": "PROCESSING"}))
        .send()
        .await
        .expect("request");
    assert_eq!(anonymous.status(), 401, "no credential, no back office");
    let citizen = server
        .http
        .post(server.admin_url(&path))
        .bearer_auth(&anna.access)
        .json(&serde_json::json!({"status": "PROCESSING"}))
        .send()
        .await
        .expect("request");
    assert_eq!(
        citizen.status(),
        401,
        "a citizen token is not the back office credential"
    );

    let early = server
        .admin_post(&path, &serde_json::json!({"status": "PROCESSING"}))
        .await;
    let (status, code, _) = problem_code(early).await;
    assert_eq!(
        (status, code.as_str()),
        (409, "status_move_not_allowed"),
        "not before it is submitted"
    );

    assert_eq!(
        server
            .submit(&anna.access, &id, &serde_json::json!({}))
            .await
            .status(),
        200,
        "submitted"
    );
    let processing = server
        .admin_post(&path, &serde_json::json!({"status": "PROCESSING"}))
        .await;
    assert_eq!(processing.status(), 200, "RECEIVED → PROCESSING");
    let action = server
        .admin_post(
            &path,
            &serde_json::json!({"status": "ACTION_REQUIRED", "reasons": ["Nachweis fehlt"]}),
        )
        .await;
    assert_eq!(action.status(), 200, "PROCESSING → ACTION_REQUIRED");
    let bare_reject = server
        .admin_post(&path, &serde_json::json!({"status": "REJECTED"}))
        .await;
    let (status, _, problem) = problem_code(bare_reject).await;
    assert_eq!(status, 422, "a rejection needs reasons");
    assert_eq!(
        problem["errors"][0]["field"], "/reasons",
        "the field is named"
    );
    let reject = server
        .admin_post(
            &path,
            &serde_json::json!({"status": "REJECTED", "reasons": ["Frist versäumt"]}),
        )
        .await;
    assert_eq!(reject.status(), 200, "rejected with a reason");
    let after = server
        .admin_post(&path, &serde_json::json!({"status": "COMPLETED"}))
        .await;
    assert_eq!(after.status(), 409, "a rejection is final");

    let seen: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(seen["status"], "REJECTED", "the citizen sees the rejection");
    let last = seen["statusHistory"]
        .as_array()
        .and_then(|h| h.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        last["reasons"],
        serde_json::json!(["Frist versäumt"]),
        "with its reasons"
    );

    let listed = server
        .admin_get("/admin/v1/submissions?status=REJECTED")
        .await;
    let listed: serde_json::Value = listed.json().await.expect("JSON");
    assert_eq!(
        listed["items"].as_array().map(Vec::len),
        Some(1),
        "the back office lists by status"
    );
}

#[tokio::test]
async fn back_office_is_off_without_a_configured_credential() {
    let server = TestServer::start_with(|c| c.admin_token = None).await;
    let response = server
        .admin_post(
            "/admin/v1/messages",
            &serde_json::json!({"subject": "x", "title": "t", "body": "b"}),
        )
        .await;
    assert_eq!(
        response.status(),
        404,
        "no credential configured: the endpoints do not exist"
    );
}

#[test]
fn the_cli_moves_statuses_sends_messages_and_reads_reports_on_a_data_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let id = new_id();
    runtime.block_on(async {
        let config = state_api::Config::new(dir.path(), common::tiny_catalog());
        let state = state_api::AppState::new(config).expect("state");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("port");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let serving = state.clone();
        let task = tokio::spawn(async move {
            let _ = state_api::serve_with_shutdown(listener, serving, std::future::pending()).await;
        });
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let anna = common::login_at(&http, &base, "anna").await;
        let created = http
            .post(format!("{base}/v1/submissions"))
            .bearer_auth(&anna.access)
            .header("Idempotency-Key", &id)
            .json(&{
                // No place, so no destination: plain data is taken.
                let mut body = create_body(&[]);
                if let Some(body) = body.as_object_mut() {
                    body.remove("ars");
                }
                body
            })
            .send()
            .await
            .expect("create");
        assert_eq!(created.status(), 201, "created");
        let submitted = http
            .post(format!("{base}/v1/submissions/{id}/submit"))
            .bearer_auth(&anna.access)
            .json(&serde_json::json!({"data": {}}))
            .send()
            .await
            .expect("submit");
        assert_eq!(submitted.status(), 200, "submitted");
        let reported = http
            .post(format!("{base}/v1/accessibility-reports"))
            .header("Idempotency-Key", new_id())
            .json(&serde_json::json!({"description": "Kontrast der Knöpfe zu schwach"}))
            .send()
            .await
            .expect("report");
        assert_eq!(reported.status(), 201, "reported");
        task.abort();
    });
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_state-api"))
            .args(["admin", "--data-dir"])
            .arg(dir.path())
            .args(args)
            .output()
            .expect("the binary runs")
    };
    let moved = run(&["set-status", &id, "PROCESSING"]);
    assert!(
        moved.status.success(),
        "set-status works: {}",
        String::from_utf8_lossy(&moved.stderr)
    );
    assert!(
        String::from_utf8_lossy(&moved.stdout).contains("PROCESSING"),
        "it prints the new status"
    );
    let refused = run(&["set-status", &id, "INITIATED"]);
    assert!(
        !refused.status.success(),
        "a move back to INITIATED is refused"
    );
    let message = run(&[
        "message",
        "--submission",
        &id,
        "--title",
        "Rückfrage",
        "--body",
        "Bitte melden",
    ]);
    assert!(
        message.status.success(),
        "message works: {}",
        String::from_utf8_lossy(&message.stderr)
    );
    let list = run(&["list", "--status", "PROCESSING"]);
    assert!(
        String::from_utf8_lossy(&list.stdout).contains(&id),
        "the list shows the submission"
    );
    let reports = run(&["reports"]);
    let printed = String::from_utf8_lossy(&reports.stdout);
    assert!(
        printed.contains("Kontrast der Knöpfe zu schwach") && printed.contains("BF-"),
        "the back office reads the reports: {printed}"
    );
}
