//! Submissions over real HTTP: idempotent create, chunked resumable uploads with SHA-512,
//! submit rules, validation with the form engine, status history, cursors and expiry.
mod common;

use std::time::Duration;

use common::{create_body, new_id, problem_code, serve_form, TestServer};

#[tokio::test]
async fn a_submission_goes_from_create_through_chunked_upload_to_received() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = new_id();
    let attachment = new_id();
    let plain: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
    // Encrypted for Erfurt: what is uploaded is the JWE.
    let (created, sealed) = server
        .create_sealed(&anna.access, &id, &[(&attachment, &plain)])
        .await;
    let bytes = sealed[0].clone();
    assert_eq!(created.status(), 201, "created");
    let location = created
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    assert_eq!(
        location,
        Some(format!("/v1/submissions/{id}")),
        "Location names the submission"
    );
    let body: serde_json::Value = created.json().await.expect("submission JSON");
    assert_eq!(body["status"], "INITIATED", "a new submission is INITIATED");
    assert_eq!(
        body["authorityId"], "erfurt",
        "the responsible authority follows from the ARS"
    );

    let early = server
        .submit(&anna.access, &id, &serde_json::json!({}))
        .await;
    let (status, code, problem) = problem_code(early).await;
    assert_eq!(
        (status, code.as_str()),
        (409, "attachments_missing"),
        "no submit before uploads"
    );
    assert_eq!(
        problem["errors"][0]["field"],
        format!("/attachments/{attachment}"),
        "the missing attachment is named"
    );

    let first = server
        .upload(&anna.access, &id, &attachment, 0, &bytes[..4000])
        .await;
    assert_eq!(first.status(), 200, "first chunk stored");
    assert_eq!(
        first
            .headers()
            .get("upload-offset")
            .and_then(|v| v.to_str().ok()),
        Some("4000"),
        "Upload-Offset says what the server holds"
    );
    // A broken connection: the client does not know what arrived and asks.
    let head = server
        .http
        .head(server.url(&format!("/v1/submissions/{id}/attachments/{attachment}")))
        .bearer_auth(&anna.access)
        .send()
        .await
        .expect("HEAD");
    assert_eq!(head.status(), 200, "HEAD answers");
    assert_eq!(
        head.headers()
            .get("upload-offset")
            .and_then(|v| v.to_str().ok()),
        Some("4000"),
        "resume from the stored offset"
    );
    let stale = server
        .upload(&anna.access, &id, &attachment, 0, &bytes[..4000])
        .await;
    assert_eq!(
        stale
            .headers()
            .get("upload-offset")
            .and_then(|v| v.to_str().ok()),
        Some("4000"),
        "a wrong offset tells where to go on"
    );
    let (status, code, _) = problem_code(stale).await;
    assert_eq!(
        (status, code.as_str()),
        (409, "upload_offset_mismatch"),
        "a resent chunk is refused"
    );
    let last = server
        .upload(&anna.access, &id, &attachment, 4000, &bytes[4000..])
        .await;
    assert_eq!(last.status(), 200, "last chunk stored");
    let state: serde_json::Value = last.json().await.expect("attachment JSON");
    assert_eq!(
        state["complete"], true,
        "the hash matched and the attachment is complete"
    );

    let submitted = server
        .submit(
            &anna.access,
            &id,
            &serde_json::json!({"kennzeichen": "EF-AB 123"}),
        )
        .await;
    assert_eq!(submitted.status(), 200, "submitted");
    let first_answer = submitted.text().await.expect("body");
    let answer: serde_json::Value = serde_json::from_str(&first_answer).expect("JSON");
    let now: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        answer["cursor"], now["cursor"],
        "the submit answer carries the current cursor"
    );
    let again = server
        .submit(
            &anna.access,
            &id,
            &serde_json::json!({"kennzeichen": "EF-AB 123"}),
        )
        .await;
    assert_eq!(again.status(), 200, "a repeated submit is answered again");
    assert_eq!(
        again
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true"),
        "marked as a replay"
    );
    assert_eq!(
        again.text().await.expect("body"),
        first_answer,
        "the same answer"
    );
    let other = server
        .submit(
            &anna.access,
            &id,
            &serde_json::json!({"kennzeichen": "EF-X 1"}),
        )
        .await;
    let (status, code, _) = problem_code(other).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "already_submitted"),
        "other data after submit is refused"
    );

    let read = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await;
    let read: serde_json::Value = read.json().await.expect("submission JSON");
    let history: Vec<&str> = read["statusHistory"]
        .as_array()
        .expect("a history")
        .iter()
        .filter_map(|e| e["status"].as_str())
        .collect();
    assert_eq!(
        history,
        ["INITIATED", "SUBMITTED", "RECEIVED"],
        "BundID status history"
    );
    assert!(
        read.get("expiresAt").is_none(),
        "a submitted submission no longer expires"
    );
    assert!(
        read["statusHistory"][2]
            .get("note")
            .is_none_or(|n| n.is_null()),
        "no machine note on the citizen's timeline (the hashes are the receipt's)"
    );
    assert_eq!(
        read["dataSha512"],
        serde_json::json!(common::sha512_hex(br#"{"kennzeichen":"EF-AB 123"}"#)),
        "the state API names the hash of the data it received"
    );
}

#[tokio::test]
async fn idempotency_key_rules_follow_the_draft() {
    let server =
        TestServer::start_with(|c| c.debug_create_delay = Duration::from_millis(400)).await;
    let anna = server.login("anna").await;
    let body = create_body(&[]);

    let missing = server
        .http
        .post(server.url("/v1/submissions"))
        .bearer_auth(&anna.access)
        .json(&body)
        .send()
        .await
        .expect("request");
    let (status, code, _) = problem_code(missing).await;
    assert_eq!(
        (status, code.as_str()),
        (400, "idempotency_key_missing"),
        "a missing key is 400"
    );
    let not_uuid = server.create(&anna.access, "hello", &body).await;
    assert_eq!(
        not_uuid.status(),
        400,
        "the key must be the submission's UUID"
    );
    let nil = server
        .create(&anna.access, "00000000-0000-0000-0000-000000000000", &body)
        .await;
    let (status, code, _) = problem_code(nil).await;
    assert_eq!(
        (status, code.as_str()),
        (400, "idempotency_key_invalid"),
        "the nil UUID is nobody's random id"
    );
    let twice = server
        .http
        .post(server.url("/v1/submissions"))
        .bearer_auth(&anna.access)
        .header("Idempotency-Key", new_id())
        .header("Idempotency-Key", new_id())
        .json(&body)
        .send()
        .await
        .expect("request");
    let (status, code, _) = problem_code(twice).await;
    assert_eq!(
        (status, code.as_str()),
        (400, "idempotency_key_repeated"),
        "two keys are refused, not guessed between"
    );

    let id = new_id();
    let (first, second) = tokio::join!(server.create(&anna.access, &id, &body), async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        server.create(&anna.access, &id, &body).await
    });
    assert_eq!(first.status(), 201, "the first request creates");
    let (status, code, _) = problem_code(second).await;
    assert_eq!(
        (status, code.as_str()),
        (409, "idempotency_key_in_flight"),
        "a concurrent retry is 409"
    );
    let first_body = first.text().await.expect("body");

    let replay = server.create(&anna.access, &id, &body).await;
    assert_eq!(replay.status(), 201, "a retry replays the stored status");
    assert_eq!(
        replay
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true"),
        "marked as a replay"
    );
    assert_eq!(
        replay.text().await.expect("body"),
        first_body,
        "and the stored body"
    );

    let mut other = body.clone();
    other["ars"] = serde_json::json!("16055000");
    let reused = server.create(&anna.access, &id, &other).await;
    let (status, code, _) = problem_code(reused).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "idempotency_key_reused"),
        "another body is 422"
    );

    let list = server.get(&anna.access, "/v1/submissions").await;
    let list: serde_json::Value = list.json().await.expect("page");
    assert_eq!(
        list["items"].as_array().map(Vec::len),
        Some(1),
        "exactly one submission exists"
    );
    let quoted_id = new_id();
    let quoted = server
        .create(&anna.access, &format!("\"{quoted_id}\""), &body)
        .await;
    assert_eq!(quoted.status(), 201, "the draft's quoted form is accepted");
    assert_eq!(
        quoted
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some(format!("/v1/submissions/{quoted_id}").as_str()),
        "the quoted key names the submission"
    );
}

#[tokio::test]
async fn announcements_are_checked_against_the_limits() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let body = serde_json::json!({
        "serviceKey": "99999999999999",
        "ars": "16x",
        "announcedAttachments": [
            {"attachmentId": "nope", "filename": "", "mediaType": "application/x-msdownload",
             "size": 100_000_000u64, "sha512": "abc"}
        ]
    });
    let response = server.create(&anna.access, &new_id(), &body).await;
    let (status, code, problem) = problem_code(response).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "validation_failed"),
        "field problems are 422"
    );
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    for expected in [
        "/announcedAttachments/0/attachmentId",
        "/announcedAttachments/0/size",
        "/announcedAttachments/0/mediaType",
        "/announcedAttachments/0/sha512",
        "/announcedAttachments/0/filename",
        "/serviceKey",
        "/ars",
    ] {
        assert!(
            fields.contains(&expected),
            "{expected} is reported: {fields:?}"
        );
    }
}

#[tokio::test]
async fn a_damaged_attachment_is_refused_and_can_be_sent_again() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let (id, attachment) = (new_id(), new_id());
    let bytes = b"%PDF-1.7 the real bytes".to_vec();
    let created = server
        .create(&anna.access, &id, &create_body(&[(&attachment, &bytes)]))
        .await;
    assert_eq!(created.status(), 201, "created");
    let too_much = server
        .upload(
            &anna.access,
            &id,
            &attachment,
            0,
            &[bytes.clone(), b"x".to_vec()].concat(),
        )
        .await;
    let (status, code, _) = problem_code(too_much).await;
    assert_eq!(
        (status, code.as_str()),
        (413, "attachment_too_large"),
        "beyond the announced size"
    );
    let mut damaged = bytes.clone();
    damaged[0] = b'X';
    let response = server
        .upload(&anna.access, &id, &attachment, 0, &damaged)
        .await;
    let (status, code, problem) = problem_code(response).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "attachment_hash_mismatch"),
        "SHA-512 is checked"
    );
    assert_eq!(problem["upload_offset"], 0, "start again from 0");
    let again = server
        .upload(&anna.access, &id, &attachment, 0, &bytes)
        .await;
    assert_eq!(
        again.status(),
        200,
        "the right bytes are accepted after a mismatch"
    );
    let unknown = server.upload(&anna.access, &id, &new_id(), 0, b"x").await;
    assert_eq!(
        unknown.status(),
        404,
        "an attachment that was not announced is unknown"
    );
}

#[tokio::test]
async fn data_is_validated_by_the_form_engine_with_every_field_problem() {
    let form = state_api::config::showcase_forms()
        .first()
        .cloned()
        .expect("a showcase form");
    let served_form = form.clone();
    let server = TestServer::start_with(move |config| serve_form(config, served_form)).await;
    let anna = server.login("anna").await;
    let served = server
        .http
        .get(server.url(&format!("/v1/forms/{}/{}", form.id, form.version)))
        .send()
        .await
        .expect("form");
    assert_eq!(served.status(), 200, "the form definition is served");
    let missing_form = server
        .http
        .get(server.url("/v1/forms/nope/1"))
        .send()
        .await
        .expect("form");
    assert_eq!(missing_form.status(), 404, "an unknown form is 404");

    let id = new_id();
    let mut body = create_body(&[]);
    body["form"] = serde_json::json!({"id": form.id, "version": form.version});
    let created = server.create(&anna.access, &id, &body).await;
    assert_eq!(created.status(), 201, "created with a form reference");
    let submitted = server
        .submit(&anna.access, &id, &serde_json::json!({}))
        .await;
    let (status, code, problem) = problem_code(submitted).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "validation_failed"),
        "empty answers fail"
    );
    let errors = problem["errors"].as_array().expect("errors");
    assert!(
        errors.len() > 1,
        "every field problem is listed: {errors:?}"
    );
    assert!(
        errors
            .iter()
            .all(|e| e["code"].as_str().is_some_and(|c| c.starts_with("form-"))),
        "codes are the form engine's message ids"
    );
    let status = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await;
    let status: serde_json::Value = status.json().await.expect("JSON");
    assert_eq!(
        status["status"], "INITIATED",
        "a refused submit changes nothing"
    );

    let mut unknown = create_body(&[]);
    unknown["form"] = serde_json::json!({"id": "nope", "version": "1"});
    let refused = server.create(&anna.access, &new_id(), &unknown).await;
    assert_eq!(
        refused.status(),
        422,
        "an unknown form reference is refused at create"
    );
}

#[tokio::test]
async fn unfinished_submissions_expire_with_a_clear_answer() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let (id, attachment) = (new_id(), new_id());
    let body = create_body(&[(&attachment, b"abc")]);
    assert_eq!(
        server.create(&anna.access, &id, &body).await.status(),
        201,
        "created"
    );
    server
        .state
        .backend()
        .advance_clock(Duration::from_secs(25 * 60 * 60));
    // The access token expired with the clock too: log in again.
    let anna = server.login("anna").await;
    let upload = server
        .upload(&anna.access, &id, &attachment, 0, b"abc")
        .await;
    let (status, code, _) = problem_code(upload).await;
    assert_eq!(
        (status, code.as_str()),
        (410, "submission_expired"),
        "uploads to it are gone"
    );
    let submit = server
        .submit(&anna.access, &id, &serde_json::json!({}))
        .await;
    assert_eq!(submit.status(), 410, "submit is gone too");
    let retry = server.create(&anna.access, &id, &body).await;
    assert_eq!(
        retry.status(),
        410,
        "a retry of the create says: start over"
    );
    let swept = server.state.backend().sweep().await.expect("sweep");
    assert_eq!(swept, 1, "the sweep marks it expired");
    let read = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await;
    let read: serde_json::Value = read.json().await.expect("JSON");
    assert_eq!(read["expired"], true, "reading it says expired");
    let fresh = server.create(&anna.access, &new_id(), &body).await;
    assert_eq!(fresh.status(), 201, "starting over with a new id works");
}

#[tokio::test]
async fn lists_and_inbox_return_changes_after_a_cursor() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let (a, b) = (new_id(), new_id());
    for id in [&a, &b] {
        assert_eq!(
            server
                .create(&anna.access, id, &create_body(&[]))
                .await
                .status(),
            201,
            "created"
        );
    }
    let page = server
        .feed(&anna.access, "/v1/submissions?since=0", 2)
        .await;
    assert_eq!(
        page["items"].as_array().map(Vec::len),
        Some(2),
        "both are new"
    );
    let cursor = page["cursor"].as_i64().expect("cursor");
    let empty: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions?since={cursor}"))
        .await
        .json()
        .await
        .expect("page");
    assert_eq!(
        empty["items"].as_array().map(Vec::len),
        Some(0),
        "nothing changed since"
    );
    assert_eq!(
        server
            .submit(&anna.access, &a, &serde_json::json!({}))
            .await
            .status(),
        200,
        "submitted"
    );
    let changed = server
        .feed(&anna.access, &format!("/v1/submissions?since={cursor}"), 1)
        .await;
    let ids: Vec<&str> = changed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|s| s["submissionId"].as_str())
        .collect();
    assert_eq!(ids, [a.as_str()], "only the submitted one changed");

    let sent = server
        .admin_post(
            "/admin/v1/messages",
            &serde_json::json!({"submissionId": a, "title": "Eingang bestätigt", "body": "Danke."}),
        )
        .await;
    assert_eq!(sent.status(), 201, "the back office sends a message");
    let inbox = server.feed(&anna.access, "/v1/inbox", 1).await;
    assert_eq!(
        inbox["items"][0]["title"], "Eingang bestätigt",
        "the message is in the inbox"
    );
    let cursor = inbox["cursor"].as_i64().expect("cursor");
    let later: serde_json::Value = server
        .get(&anna.access, &format!("/v1/inbox?since={cursor}"))
        .await
        .json()
        .await
        .expect("inbox");
    assert_eq!(
        later["items"].as_array().map(Vec::len),
        Some(0),
        "nothing new after the cursor"
    );
}

/// The receipt (#15): the data's SHA-512 the client sends must be the hash of its canonical
/// form (`domain::receipt`), or nothing is accepted; the answer carries the hash the server
/// computed, which the app shows the person.
#[tokio::test]
async fn the_data_hash_is_checked_and_answered_as_the_receipt() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = new_id();
    assert_eq!(
        server
            .create(&anna.access, &id, &create_body(&[]))
            .await
            .status(),
        201
    );
    let data = serde_json::json!({});
    let sealed = server.submit_body(&anna.access, &id, &data).await;
    let submit = |hash: String| {
        let mut body = sealed.clone();
        body["dataSha512"] = serde_json::json!(hash);
        let (http, url, token) = (
            server.http.clone(),
            server.url(&format!("/v1/submissions/{id}/submit")),
            anna.access.clone(),
        );
        async move {
            http.post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .expect("submit request")
        }
    };
    let wrong = submit("0".repeat(128)).await;
    let (status, _, problem) = problem_code(wrong).await;
    assert_eq!(status, 422, "a wrong hash is refused: {problem}");
    assert!(
        problem.to_string().contains("hash_mismatch"),
        "and named: {problem}"
    );
    let right = common::sha512_hex(domain::receipt::canonical_json(&data).as_bytes());
    let accepted = submit(right.clone()).await;
    assert_eq!(accepted.status(), 200, "the right hash is accepted");
    let answer: serde_json::Value = accepted.json().await.expect("submission JSON");
    assert_eq!(
        answer["dataSha512"],
        serde_json::json!(right),
        "and answered"
    );
}
