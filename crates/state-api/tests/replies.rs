//! Answering the authority (#18): a reply only while the authority waits for one, encrypted
//! for it, kept once per key, opened by the authority; documents on the authority's messages,
//! only for their citizen.
mod common;

use base64::Engine;
use common::{files_contain, new_id, problem_code, sha512_hex, TestServer};
use domain::reply::{ReplyContent, ReplyDocument};
use serde_json::json;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

fn content(id: &str, text: &str, document: &[u8]) -> ReplyContent {
    ReplyContent {
        submission_id: id.to_string(),
        text: text.to_string(),
        documents: vec![ReplyDocument {
            name: "Meldebescheinigung.pdf".into(),
            media_type: "application/pdf".into(),
            size: document.len() as u64,
            sha512: sha512_hex(document),
            content: B64.encode(document),
        }],
    }
}

fn hash_of(content: &ReplyContent) -> String {
    let value = serde_json::to_value(content).expect("JSON");
    sha512_hex(domain::receipt::canonical_json(&value).as_bytes())
}

async fn sealed_body(server: &TestServer, content: &ReplyContent) -> serde_json::Value {
    let key = server.encryption_key("erfurt").await;
    let plain = domain::receipt::canonical_json(&serde_json::to_value(content).expect("JSON"));
    json!({
        "encryptedReply": jose::encrypt(plain.as_bytes(), &key, "application/json").expect("sealed"),
        "replySha512": hash_of(content),
    })
}

async fn reply(
    server: &TestServer,
    token: &str,
    id: &str,
    key: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    server
        .http
        .post(server.url(&format!("/v1/submissions/{id}/replies")))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .expect("reply request")
}

/// A submission for Erfurt, received, and then asked for a document by the authority.
async fn awaiting_answer(server: &TestServer, token: &str) -> String {
    let id = new_id();
    let (created, _) = server.create_sealed(token, &id, &[]).await;
    assert_eq!(created.status(), 201, "created");
    let submitted = server
        .submit(token, &id, &json!({"kennzeichen": "EF-AB 1"}))
        .await;
    assert_eq!(submitted.status(), 200, "submitted");
    let moved = server
        .admin_post(
            &format!("/admin/v1/submissions/{id}/status"),
            &json!({"status": "ACTION_REQUIRED", "reasons": ["Meldebescheinigung fehlt"]}),
        )
        .await;
    assert_eq!(moved.status(), 200, "asked for a document");
    id
}

#[tokio::test]
async fn a_reply_arrives_once_encrypted_and_the_authority_takes_the_application_up_again() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let ben = server.login("ben").await;
    let id = awaiting_answer(&server, &anna.access).await;
    let document = b"%PDF-1.7 Meldebescheinigung Anna".to_vec();
    let answer = content(&id, "Anbei die Meldebescheinigung.", &document);
    let key = new_id();

    let plain = json!({"reply": answer, "replySha512": hash_of(&answer)});
    let (status, code, _) =
        problem_code(reply(&server, &anna.access, &id, &key, &plain).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "encryption_required"),
        "an authority's application is answered only encrypted"
    );

    let body = sealed_body(&server, &answer).await;
    let (status, _, _) = problem_code(reply(&server, &ben.access, &id, &key, &body).await).await;
    assert_eq!(status, 404, "another citizen cannot answer it");

    let first = reply(&server, &anna.access, &id, &key, &body).await;
    assert_eq!(first.status(), 201, "received");
    let first: serde_json::Value = first.json().await.expect("receipt JSON");
    assert_eq!(first["submission"]["status"], "PROCESSING");
    assert_eq!(first["replySha512"], hash_of(&answer));
    let step = first["submission"]["statusHistory"]
        .as_array()
        .and_then(|h| h.last())
        .cloned()
        .unwrap_or_default();
    assert!(
        step["signedEvent"].is_string(),
        "the authority signs its step: {step}"
    );

    // A retry after a lost answer, with new ciphertext of the same reply: the same answer.
    let again_body = sealed_body(&server, &answer).await;
    assert_ne!(again_body["encryptedReply"], body["encryptedReply"]);
    let again = reply(&server, &anna.access, &id, &key, &again_body).await;
    assert_eq!(again.status(), 201);
    assert_eq!(
        again
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    let again: serde_json::Value = again.json().await.expect("JSON");
    assert_eq!(again["replyId"], first["replyId"]);

    // The same key for another reply is refused; a new reply is refused as not awaited.
    let other = content(&id, "Etwas anderes.", b"%PDF other");
    let (status, code, _) = problem_code(
        reply(
            &server,
            &anna.access,
            &id,
            &key,
            &sealed_body(&server, &other).await,
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "idempotency_key_reused"));
    let (status, code, _) = problem_code(
        reply(
            &server,
            &anna.access,
            &id,
            &new_id(),
            &sealed_body(&server, &other).await,
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, code.as_str()),
        (409, "not_awaiting_reply"),
        "the authority no longer waits for an answer"
    );

    // The authority reads exactly one reply, with the document's hash.
    let replies: serde_json::Value = server
        .admin_get(&format!("/admin/v1/submissions/{id}/replies"))
        .await
        .json()
        .await
        .expect("replies JSON");
    let replies = replies.as_array().cloned().unwrap_or_default();
    assert_eq!(replies.len(), 1, "once: {replies:?}");
    assert_eq!(replies[0]["text"], "Anbei die Meldebescheinigung.");
    assert_eq!(replies[0]["sealed"], true);
    assert_eq!(replies[0]["documents"][0]["sha512"], sha512_hex(&document));

    // What the state API keeps is ciphertext: the text is in no file of its data.
    let data_dir = server.state.config().data_dir.clone();
    assert_eq!(
        files_contain(&data_dir, b"Anbei die Meldebescheinigung"),
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn a_reply_is_checked_by_the_authority() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = awaiting_answer(&server, &anna.access).await;

    let mut wrong_bytes = content(&id, "x", b"%PDF real");
    wrong_bytes.documents[0].size = 3;
    let mut spreadsheet = content(&id, "x", b"a,b");
    spreadsheet.documents[0].media_type = "text/csv".into();
    let other_application = content(&new_id(), "x", b"%PDF");
    let empty = ReplyContent {
        submission_id: id.clone(),
        text: " ".into(),
        documents: Vec::new(),
    };
    for (case, answer) in [
        ("bytes not as named", wrong_bytes),
        ("a kind of document not taken", spreadsheet),
        ("another application", other_application),
        ("nothing", empty),
    ] {
        let body = sealed_body(&server, &answer).await;
        let (status, _, problem) =
            problem_code(reply(&server, &anna.access, &id, &new_id(), &body).await).await;
        assert_eq!(status, 422, "{case}: {problem}");
    }
    let mut lying = sealed_body(&server, &content(&id, "x", b"%PDF")).await;
    lying["replySha512"] = json!(sha512_hex(b"something else"));
    let (status, code, _) =
        problem_code(reply(&server, &anna.access, &id, &new_id(), &lying).await).await;
    assert_eq!((status, code.as_str()), (422, "validation_failed"));

    let replies: serde_json::Value = server
        .admin_get(&format!("/admin/v1/submissions/{id}/replies"))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(replies, json!([]), "nothing kept of a refused reply");
}

#[tokio::test]
async fn a_message_carries_documents_only_its_citizen_can_fetch() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let ben = server.login("ben").await;
    let id = awaiting_answer(&server, &anna.access).await;
    let pdf = b"%PDF-1.7 Bescheid".to_vec();
    let sent = server
        .admin_post(
            "/admin/v1/messages",
            &json!({
                "submissionId": id,
                "title": "Bescheid",
                "body": "Anbei Ihr Bescheid.",
                "documents": [{"name": "Bescheid.pdf", "mediaType": "application/pdf",
                               "content": B64.encode(&pdf)}],
            }),
        )
        .await;
    assert_eq!(sent.status(), 201);

    // The inbox feed may show the message one poll later (`TestServer::feed`).
    let inbox = server.feed(&anna.access, "/v1/inbox", 1).await;
    let message = &inbox["items"][0];
    let document = &message["documents"][0];
    assert_eq!(document["name"], "Bescheid.pdf");
    assert_eq!(document["size"], pdf.len());
    assert_eq!(document["sha512"], sha512_hex(&pdf));
    let path = format!(
        "/v1/messages/{}/documents/{}",
        message["messageId"].as_str().unwrap_or_default(),
        document["documentId"].as_str().unwrap_or_default()
    );
    let fetched = server.get(&anna.access, &path).await;
    assert_eq!(fetched.status(), 200);
    assert_eq!(
        fetched
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/pdf")
    );
    assert_eq!(fetched.bytes().await.expect("bytes").to_vec(), pdf);
    assert_eq!(
        server.get(&ben.access, &path).await.status(),
        404,
        "not Ben's"
    );

    for (case, document) in [
        (
            "not base64",
            json!({"name": "a.pdf", "mediaType": "application/pdf", "content": "%%%"}),
        ),
        (
            "a program",
            json!({"name": "a.exe", "mediaType": "application/x-msdownload", "content": B64.encode(b"MZ")}),
        ),
        (
            "empty",
            json!({"name": "a.pdf", "mediaType": "application/pdf", "content": ""}),
        ),
    ] {
        let refused = server
            .admin_post(
                "/admin/v1/messages",
                &json!({"submissionId": id, "title": "t", "body": "b", "documents": [document]}),
            )
            .await;
        assert_eq!(refused.status(), 422, "{case}");
    }
}
