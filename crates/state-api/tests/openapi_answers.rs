//! The OpenAPI document is true: a journey through the real server's main routes, answers and
//! refusals, each answer held to its operation in the document (the status described, the
//! media type described, the body valid against the described schema with no field left
//! undescribed). Broken copies of the document show that a wrong schema, an undescribed
//! status or media type fail.
mod common;
mod spec;

use base64::Engine;
use common::{authorize_params, new_id, sha512_hex, TestServer, PARKING, REDIRECT};
use reqwest::RequestBuilder;
use serde_json::{json, Value};
use spec::Answer;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;
const UPLOAD: &str = "/v1/submissions/{id}/attachments/{attachment_id}";
const SUBMIT: &str = "/v1/submissions/{id}/submit";
const WITHDRAWAL: &str = "/v1/submissions/{id}/withdrawal";
const REPLIES: &str = "/v1/submissions/{id}/replies";
const MOVE: &str = "/admin/v1/submissions/{id}/status";
const HANDOVER: &str = "/v1/handovers/{mailbox}";
const PICKUP: &str = "/v1/handovers/{mailbox}/pickup";
const HANDOVER_STATE: &str = "/v1/handovers/{mailbox}/state";

/// The answers seen on the way.
#[derive(Default)]
struct Journey {
    answers: Vec<Answer>,
}

impl Journey {
    /// Keeps the answer to `method path` (the operation's template) and hands it back.
    async fn see(
        &mut self,
        method: &'static str,
        path: &'static str,
        response: reqwest::Response,
    ) -> Answer {
        let answer = Answer::of(method, path, response).await;
        self.answers.push(answer.clone());
        answer
    }

    /// Sends `request` and keeps its answer; its status.
    async fn send(
        &mut self,
        method: &'static str,
        path: &'static str,
        request: RequestBuilder,
    ) -> u16 {
        let response = request.send().await.expect("an answer");
        self.see(method, path, response).await.status
    }

    fn saw(&self, method: &str, path: &str, status: u16) -> bool {
        self.answers
            .iter()
            .any(|a| a.method == method && a.path == path && a.status == status)
    }
}

#[tokio::test]
async fn real_answers_agree_with_the_document() {
    let server = TestServer::start().await;
    let mut j = Journey::default();
    reading(&mut j, &server).await;
    let anna = log_in(&mut j, &server, "anna").await;
    let id = submission(&mut j, &server, &anna).await;
    back_office_and_reply(&mut j, &server, &anna, &id).await;
    withdrawals_reports_logout(&mut j, &server, &anna, &id).await;
    handovers(&mut j, &server).await;
    // The rate limit, on a server that allows one request now and then.
    let strict = TestServer::start_with(|c| {
        c.limits.rate_per_second = Some(0.01);
        c.limits.rate_burst = 1.0;
    })
    .await;
    for _ in 0..2 {
        j.send("get", "/health", strict.http.get(strict.url("/health")))
            .await;
    }

    let doc = spec::document();
    let problems: Vec<String> = j
        .answers
        .iter()
        .flat_map(|a| spec::answer_problems(&doc, a))
        .collect();
    assert!(
        problems.is_empty(),
        "the server's answers and the document disagree:\n{}",
        problems.join("\n")
    );
    for (method, path, status) in [
        ("post", "/v1/submissions", 400),
        ("post", "/v1/submissions", 401),
        ("post", "/v1/submissions", 422),
        ("get", "/v1/submissions/{id}", 404),
        ("patch", UPLOAD, 409),
        ("patch", UPLOAD, 413),
        ("post", SUBMIT, 409),
        ("post", SUBMIT, 422),
        ("post", WITHDRAWAL, 409),
        ("post", REPLIES, 409),
        ("post", MOVE, 409),
        ("get", "/v1/authorities", 400),
        ("get", "/v1/authorities", 404),
        ("get", "/v1/authorities", 422),
        ("get", "/oauth/userinfo", 401),
        ("post", "/oauth/token", 400),
        ("post", "/oauth/token", 415),
        ("get", "/admin/v1/submissions", 401),
        ("get", "/admin/v1/submissions", 422),
        ("post", "/v1/accessibility-reports", 422),
        ("get", "/health", 429),
        ("put", HANDOVER, 200),
        ("put", HANDOVER, 400),
        ("put", HANDOVER, 404),
        ("put", HANDOVER, 409),
        ("put", HANDOVER, 503),
        ("get", HANDOVER, 404),
        ("get", HANDOVER, 410),
        ("post", PICKUP, 410),
        ("post", PICKUP, 422),
        ("get", HANDOVER_STATE, 404),
    ] {
        assert!(
            j.saw(method, path, status),
            "the journey met {method} {path} {status}"
        );
    }
    wrong_documents_fail(&doc, &j.answers);
}

/// What anyone may read: health, the catalog (and its 304), the document, discovery, keys,
/// forms and authorities, with their refusals.
async fn reading(j: &mut Journey, server: &TestServer) {
    let http = &server.http;
    let catalog = http.get(server.url("/v1/catalog")).send().await;
    let catalog = catalog.expect("the catalog");
    let etag = catalog.headers().get("etag").cloned().expect("an ETag");
    j.see("get", "/v1/catalog", catalog).await;
    let again = http
        .get(server.url("/v1/catalog"))
        .header("if-none-match", etag);
    assert_eq!(j.send("get", "/v1/catalog", again).await, 304);
    for (path, url) in [
        ("/health", "/health"),
        ("/v1/openapi.json", "/v1/openapi.json"),
        (
            "/.well-known/openid-configuration",
            "/.well-known/openid-configuration",
        ),
        ("/.well-known/jwks.json", "/.well-known/jwks.json"),
        ("/v1/destinations/{id}/keys", "/v1/destinations/erfurt/keys"),
        (
            "/v1/destinations/{id}/keys",
            "/v1/destinations/nowhere/keys",
        ),
        ("/v1/forms/{id}/{version}", "/v1/forms/nope/1"),
        ("/v1/authorities", "/v1/authorities?ars=16051000"),
        (
            "/v1/authorities",
            "/v1/authorities?ars=16051000&leika=99108001001000",
        ),
        (
            "/v1/authorities",
            "/v1/authorities?ars=16051000&leika=00000000000000",
        ),
        ("/v1/authorities", "/v1/authorities?ars=erfurt"),
        ("/v1/authorities", "/v1/authorities"),
        (
            "/oauth/authorize",
            "/oauth/authorize?client_id=someone-else",
        ),
    ] {
        j.send("get", path, http.get(server.url(url))).await;
    }
}

/// The login as a browser and the app do it, every step seen: the page, a wrong password, the
/// form, the token, a used code; then the profile with and without the token.
async fn log_in(j: &mut Journey, server: &TestServer, username: &str) -> String {
    let http = &server.http;
    let page = http
        .get(server.url("/oauth/authorize"))
        .query(&authorize_params());
    let page = page.send().await.expect("the login page");
    let cookie = page
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("the login cookie")
        .to_string();
    let page = j.see("get", "/oauth/authorize", page).await;
    let csrf = common::csrf_token_of(&String::from_utf8_lossy(&page.body)).expect("a CSRF token");
    let login = |password: &str| {
        let mut form = authorize_params();
        form.extend([
            ("csrf_token", csrf.clone()),
            ("username", username.to_string()),
            ("password", password.to_string()),
        ]);
        let post = http.post(server.url("/oauth/authorize"));
        post.header("cookie", &cookie).form(&form)
    };
    assert_eq!(
        j.send("post", "/oauth/authorize", login("wrong")).await,
        401
    );
    let right = login("demo").send().await.expect("the login");
    let location = right
        .headers()
        .get("location")
        .cloned()
        .expect("a redirect");
    assert_eq!(j.see("post", "/oauth/authorize", right).await.status, 303);
    let code = location
        .to_str()
        .unwrap_or_default()
        .split(['?', '&'])
        .find_map(|part| part.strip_prefix("code="))
        .expect("a code")
        .to_string();
    let exchange = |code: &str| {
        http.post(server.url("/oauth/token")).form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("client_id", "thueringen-app"),
            ("code_verifier", common::VERIFIER),
        ])
    };
    let tokens = exchange(&code).send().await.expect("tokens");
    let tokens = j.see("post", "/oauth/token", tokens).await;
    assert_eq!(tokens.status, 200);
    assert_eq!(j.send("post", "/oauth/token", exchange(&code)).await, 400);
    let access = tokens.json()["access_token"]
        .as_str()
        .expect("an access token")
        .to_string();
    let info = http.get(server.url("/oauth/userinfo"));
    j.send("get", "/oauth/userinfo", info.bearer_auth(&access))
        .await;
    j.send(
        "get",
        "/oauth/userinfo",
        http.get(server.url("/oauth/userinfo")),
    )
    .await;
    access
}

/// A submission for Erfurt with one attachment sealed for it: created (and refused without a
/// key, a token, or with the key's other body), uploaded (a wrong offset, too many bytes),
/// submitted (too early, then twice with other data), read back.
async fn submission(j: &mut Journey, server: &TestServer, anna: &str) -> String {
    let (http, id) = (&server.http, new_id());
    let attachment = "a1b2c3d4-0000-4000-8000-000000000001";
    let (created, sealed) = server
        .create_sealed(anna, &id, &[(attachment, b"%PDF-1.7 Nachweis")])
        .await;
    assert_eq!(j.see("post", "/v1/submissions", created).await.status, 201);
    let other = server
        .create(anna, &id, &json!({"serviceKey": PARKING}))
        .await;
    j.see("post", "/v1/submissions", other).await;
    let create = || {
        let post = http.post(server.url("/v1/submissions"));
        post.json(&json!({"serviceKey": PARKING}))
    };
    j.send("post", "/v1/submissions", create().bearer_auth(anna))
        .await;
    let no_token = create().header("Idempotency-Key", new_id());
    j.send("post", "/v1/submissions", no_token).await;

    let data = json!({"kennzeichen": "EF-AB 1"});
    j.see("post", SUBMIT, server.submit(anna, &id, &data).await)
        .await;
    let bytes = &sealed[0];
    let wrong_offset = server.upload(anna, &id, attachment, 5, &bytes[..1]).await;
    j.see("patch", UPLOAD, wrong_offset).await;
    let too_long = [bytes.clone(), vec![0; 10]].concat();
    let too_long = server.upload(anna, &id, attachment, 0, &too_long).await;
    j.see("patch", UPLOAD, too_long).await;
    let stored = server.upload(anna, &id, attachment, 0, bytes).await;
    assert_eq!(j.see("patch", UPLOAD, stored).await.status, 200);
    for target in [attachment, "00000000-0000-4000-8000-000000000009"] {
        let url = server.url(&format!("/v1/submissions/{id}/attachments/{target}"));
        j.send("head", UPLOAD, http.head(url).bearer_auth(anna))
            .await;
    }
    let submitted = server.submit(anna, &id, &data).await;
    assert_eq!(j.see("post", SUBMIT, submitted).await.status, 200);
    let other_data = json!({"kennzeichen": "EF-XY 9"});
    j.see("post", SUBMIT, server.submit(anna, &id, &other_data).await)
        .await;

    for (path, url) in [
        ("/v1/submissions", "/v1/submissions?since=0".to_string()),
        ("/v1/submissions", "/v1/submissions?since=soon".to_string()),
        ("/v1/submissions/{id}", format!("/v1/submissions/{id}")),
        (
            "/v1/submissions/{id}",
            format!("/v1/submissions/{}", new_id()),
        ),
        ("/v1/inbox", "/v1/inbox".to_string()),
    ] {
        j.see("get", path, server.get(anna, &url).await).await;
    }
    id
}

/// The back office asks for a document (and tries a move it may not make), sends a Bescheid;
/// the citizen fetches it and answers, once (a second answer is not awaited).
async fn back_office_and_reply(j: &mut Journey, server: &TestServer, anna: &str, id: &str) {
    let http = &server.http;
    let status = format!("/admin/v1/submissions/{id}/status");
    let ask = json!({"status": "ACTION_REQUIRED", "reasons": ["Meldebescheinigung fehlt"]});
    let moved = server.admin_post(&status, &ask).await;
    assert_eq!(j.see("post", MOVE, moved).await.status, 200);
    let back = server
        .admin_post(&status, &json!({"status": "SUBMITTED"}))
        .await;
    j.see("post", MOVE, back).await;
    let document = json!({"name": "Bescheid.pdf", "mediaType": "application/pdf",
        "content": B64.encode(b"%PDF-1.7 Bescheid")});
    let message = json!({"submissionId": id, "title": "Bescheid", "body": "Anbei.",
        "documents": [document]});
    let sent = server.admin_post("/admin/v1/messages", &message).await;
    assert_eq!(j.see("post", "/admin/v1/messages", sent).await.status, 201);

    let inbox = j.see("get", "/v1/inbox", server.get(anna, "/v1/inbox").await);
    let inbox = inbox.await.json();
    let message = &inbox["items"][0];
    let message_id = message["messageId"].as_str().unwrap_or_default();
    let document_id = message["documents"][0]["documentId"]
        .as_str()
        .unwrap_or_default();
    for target in [document_id, "nope"] {
        let url = format!("/v1/messages/{message_id}/documents/{target}");
        let fetched = server.get(anna, &url).await;
        j.see("get", "/v1/messages/{id}/documents/{document}", fetched)
            .await;
    }

    let content = domain::reply::ReplyContent {
        submission_id: id.to_string(),
        text: "Anbei die Meldebescheinigung.".into(),
        documents: Vec::new(),
    };
    let plain = domain::receipt::canonical_json(&serde_json::to_value(&content).expect("JSON"));
    let key = server.encryption_key("erfurt").await;
    let reply = json!({
        "encryptedReply": jose::encrypt(plain.as_bytes(), &key, "application/json").expect("sealed"),
        "replySha512": sha512_hex(plain.as_bytes()),
    });
    let answer = || {
        let post = http.post(server.url(&format!("/v1/submissions/{id}/replies")));
        post.bearer_auth(anna)
            .header("Idempotency-Key", new_id())
            .json(&reply)
    };
    assert_eq!(j.send("post", REPLIES, answer()).await, 201);
    j.send("post", REPLIES, answer()).await;
    let replies = server
        .admin_get(&format!("/admin/v1/submissions/{id}/replies"))
        .await;
    j.see("get", "/admin/v1/submissions/{id}/replies", replies)
        .await;
}

/// Withdrawals (the sent application; one never submitted), the back office's lists and its
/// refusals, reports of a barrier (good and bad), and the logout.
async fn withdrawals_reports_logout(j: &mut Journey, server: &TestServer, anna: &str, id: &str) {
    let http = &server.http;
    let withdraw = |id: &str| {
        let post = http.post(server.url(&format!("/v1/submissions/{id}/withdrawal")));
        post.bearer_auth(anna)
    };
    assert_eq!(j.send("post", WITHDRAWAL, withdraw(id)).await, 200);
    let draft = new_id();
    let body = json!({"serviceKey": PARKING, "ars": common::ERFURT});
    let created = server.create(anna, &draft, &body).await;
    j.see("post", "/v1/submissions", created).await;
    j.send("post", WITHDRAWAL, withdraw(&draft)).await;

    for (path, url) in [
        ("/admin/v1/submissions", "/admin/v1/submissions?limit=1"),
        ("/admin/v1/submissions", "/admin/v1/submissions?status=DONE"),
        (
            "/admin/v1/submissions",
            "/admin/v1/submissions?after=nonsense",
        ),
        (
            "/admin/v1/accessibility-reports",
            "/admin/v1/accessibility-reports",
        ),
    ] {
        j.see("get", path, server.admin_get(url).await).await;
    }
    let guess = http.get(server.admin_url("/admin/v1/submissions"));
    j.send("get", "/admin/v1/submissions", guess.bearer_auth("guess"))
        .await;

    for body in [
        json!({"description": "Der Knopf ist nicht erreichbar.", "language": "de"}),
        json!({"description": ""}),
    ] {
        let report = http.post(server.url("/v1/accessibility-reports"));
        let report = report.header("Idempotency-Key", new_id()).json(&body);
        j.send("post", "/v1/accessibility-reports", report).await;
    }
    let revoke = http
        .post(server.url("/oauth/revoke"))
        .form(&[("token", anna)]);
    j.send("post", "/oauth/revoke", revoke).await;
    let not_a_form = http
        .post(server.url("/oauth/token"))
        .json(&json!({"grant_type": "x"}));
    j.send("post", "/oauth/token", not_a_form).await;
}

/// A handover from a tablet to a phone, without a login: left (again, with other bytes,
/// empty, under a wrong name), fetched, watched, picked up (with a wrong id, then twice), and
/// refused afterwards; a server with no room left refuses one.
async fn handovers(j: &mut Journey, server: &TestServer) {
    let http = &server.http;
    let mailbox = uuid::Uuid::new_v4().simple().to_string();
    let at = |path: &str| server.url(&path.replace("{mailbox}", &mailbox));
    let leave = |url: String, bytes: &'static [u8]| http.put(url).body(bytes);
    assert_eq!(
        j.send("put", HANDOVER, leave(at(HANDOVER), b"sealed"))
            .await,
        201
    );
    j.send("put", HANDOVER, leave(at(HANDOVER), b"sealed"))
        .await;
    j.send("put", HANDOVER, leave(at(HANDOVER), b"other")).await;
    j.send("put", HANDOVER, leave(at(HANDOVER), b"")).await;
    let wrong = server.url("/v1/handovers/NOT-A-MAILBOX");
    j.send("put", HANDOVER, leave(wrong, b"sealed")).await;
    assert_eq!(j.send("get", HANDOVER, http.get(at(HANDOVER))).await, 200);
    j.send("get", HANDOVER_STATE, http.get(at(HANDOVER_STATE)))
        .await;
    let pick_up = |id: &str| http.post(at(PICKUP)).json(&json!({ "pickupId": id }));
    j.send("post", PICKUP, pick_up("not-a-uuid")).await;
    assert_eq!(j.send("post", PICKUP, pick_up(&new_id())).await, 200);
    j.send("post", PICKUP, pick_up(&new_id())).await;
    j.send("get", HANDOVER, http.get(at(HANDOVER))).await;
    j.send("get", HANDOVER_STATE, http.get(at(HANDOVER_STATE)))
        .await;
    let never = server.url(&format!("/v1/handovers/{}", "0".repeat(32)));
    j.send("get", HANDOVER, http.get(never.clone())).await;
    j.send("get", HANDOVER_STATE, http.get(format!("{never}/state")))
        .await;
    let full = TestServer::start_with(|c| c.handover_held_bytes = 1).await;
    let url = full.url(&format!("/v1/handovers/{}", "1".repeat(32)));
    j.send("put", HANDOVER, full.http.put(url).body(&b"sealed"[..]))
        .await;
}

/// The same answers against broken copies of the document: each is found out.
fn wrong_documents_fail(doc: &Value, answers: &[Answer]) {
    let found = |change: &dyn Fn(&mut Value), needle: &str| {
        let mut wrong = doc.clone();
        change(&mut wrong);
        let problems: Vec<String> = answers
            .iter()
            .flat_map(|a| spec::answer_problems(&wrong, a))
            .collect();
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "expected a problem naming {needle:?}, got {problems:?}"
        );
    };
    // An undescribed status.
    found(
        &|d| {
            d["paths"]["/v1/submissions"]["post"]["responses"]
                .as_object_mut()
                .map(|r| r.remove("201"));
        },
        "POST /v1/submissions answered 201: the status is not described",
    );
    // A wrong schema: other status values; a field the server sends left undescribed.
    found(
        &|d| d["components"]["schemas"]["SubmissionStatus"]["enum"] = json!(["DONE"]),
        "POST /v1/submissions answered 201 (application/json)",
    );
    found(
        &|d| {
            d["components"]["schemas"]["Submission"]["properties"]
                .as_object_mut()
                .map(|p| p.remove("createdAt"));
        },
        "createdAt",
    );
    // Problems described as plain JSON, as the document had them before.
    found(
        &|d| {
            let answer = &mut d["paths"]["/v1/submissions/{id}"]["get"]["responses"]["404"];
            answer["content"] =
                json!({"application/json": answer["content"]["application/problem+json"].clone()});
        },
        "media type \"application/problem+json\" is not described",
    );
}
