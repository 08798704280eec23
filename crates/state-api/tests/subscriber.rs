//! The reference authority as a program of its own (#15): with the state API in external
//! mode a submit is kept sealed and stays SUBMITTED, the state API never holds the plaintext,
//! and the authority's program fetches, opens, checks and decides; its receipt and events are
//! signed with the destination's published key. What fails its checks (a changed ciphertext,
//! data the form refuses, a wrong declared hash) is rejected with reasons, nothing lost.
mod common;

use common::external::{
    citizen_view, external_server, external_server_with, published_keys, submitted, subscriber,
};
use common::{files_contain, new_id, problem_code, sha512_hex};
use serde_json::json;

const CANARY: &str = "Kanarienvogel-e91b-Erna-Beispiel";

fn history(view: &serde_json::Value) -> Vec<String> {
    view["statusHistory"]
        .as_array()
        .expect("a history")
        .iter()
        .map(|s| s["status"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn reasons(view: &serde_json::Value) -> Vec<String> {
    view["statusHistory"]
        .as_array()
        .and_then(|h| h.last())
        .and_then(|last| last["reasons"].as_array())
        .map(|r| {
            r.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_authority_apart_opens_checks_and_signs_and_the_state_api_never_holds_the_plaintext() {
    let server = external_server().await;
    let anna = server.login("anna").await;
    let attachment = (new_id(), format!("%PDF-1.7 {CANARY} Nachweis").into_bytes());
    let data = json!({ "name": CANARY, "note": format!("{CANARY} wohnt in Erfurt") });
    let (answer, id) = submitted(
        &server,
        &anna.access,
        &[(attachment.0.as_str(), &attachment.1)],
        &data,
    )
    .await;
    assert_eq!(
        answer["status"], "SUBMITTED",
        "kept sealed, waiting for the authority: {answer}"
    );
    assert!(answer.get("receipt").is_none(), "nobody received it yet");
    let data_dir = server.state.config().data_dir.clone();
    assert_eq!(
        files_contain(&data_dir, CANARY.as_bytes()),
        Vec::<String>::new(),
        "no file of the state API holds the plaintext"
    );

    let authority = subscriber(&server);
    let round = authority.round().await.expect("a round");
    assert_eq!((round.accepted, round.rejected), (1, 0), "{round:?}");
    let view = citizen_view(&server, &anna.access, &id).await;
    assert_eq!(history(&view), ["INITIATED", "SUBMITTED", "RECEIVED"]);

    // The receipt and the step hold under the key set the app checks, and name exactly what
    // the citizen sent.
    let keys = published_keys(&server, "erfurt").await;
    let receipt = jose::verify_receipt(view["receipt"].as_str().expect("a receipt"), &keys)
        .expect("signed by Erfurt");
    assert_eq!(receipt.submission, id);
    assert_eq!(
        receipt.data_sha512,
        sha512_hex(domain::receipt::canonical_json(&data).as_bytes()),
        "the hash of the data the authority opened"
    );
    assert_eq!(
        receipt
            .attachments
            .iter()
            .map(|a| (a.id.clone(), a.sha512.clone()))
            .collect::<Vec<_>>(),
        [(attachment.0.clone(), sha512_hex(&attachment.1))],
        "the attachment arrived intact"
    );
    let step = &view["statusHistory"][2];
    let signed = jose::verify_status_event(
        step["signedEvent"].as_str().expect("a signed step"),
        &keys,
        &id,
    )
    .expect("signed by Erfurt");
    assert_eq!(signed.status, "RECEIVED");

    // A submit retried after its answer was lost (new ciphertext of the same data) is
    // answered with the submission as it stands now: the decision is not undone.
    let again = server.submit(&anna.access, &id, &data).await;
    assert_eq!(again.status(), 200);
    assert_eq!(
        again
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    let again: serde_json::Value = again.json().await.expect("JSON");
    assert_eq!(
        again["status"], "RECEIVED",
        "the replay is not stale: {again}"
    );
    assert_eq!(again["receipt"], view["receipt"]);

    // Decided once: the next round finds nothing, and still no plaintext anywhere.
    let again = authority.round().await.expect("a round");
    assert_eq!((again.accepted, again.rejected), (0, 0), "{again:?}");
    assert_eq!(
        files_contain(&data_dir, CANARY.as_bytes()),
        Vec::<String>::new(),
        "nor after the decision"
    );
}

/// The data's JWE with one character of its ciphertext changed: still a JWE to the
/// destination's key (the state API cannot tell), but it no longer opens.
fn tampered(token: &str) -> String {
    let mut parts: Vec<String> = token.split('.').map(String::from).collect();
    let ciphertext = &mut parts[3];
    let first = ciphertext.remove(0);
    ciphertext.insert(0, if first == 'A' { 'B' } else { 'A' });
    parts.join(".")
}

#[tokio::test]
async fn what_fails_the_authoritys_checks_is_rejected_with_reasons_and_nothing_is_lost() {
    let form = json!({
        "id": "parken", "version": "1", "title": {"de": "Parken"},
        "pages": [{"id": "p", "title": {"de": "Seite"}, "items": [
            {"type": "field", "id": "name", "label": {"de": "Name"}, "kind": {"type": "text"}, "required": true}
        ]}]
    });
    let server = external_server_with(|config| {
        common::serve_form(config, serde_json::from_value(form).expect("a form"));
    })
    .await;
    let anna = server.login("anna").await;

    // A changed ciphertext.
    let changed = new_id();
    let created = server
        .create(&anna.access, &changed, &common::create_body(&[]))
        .await;
    assert_eq!(created.status(), 201);
    let mut body = server
        .submit_body(&anna.access, &changed, &json!({"name": "Ida"}))
        .await;
    let sent = tampered(body["encryptedData"].as_str().expect("sealed"));
    body["encryptedData"] = json!(sent);
    let answer = server
        .http
        .post(server.url(&format!("/v1/submissions/{changed}/submit")))
        .bearer_auth(&anna.access)
        .json(&body)
        .send()
        .await
        .expect("submit");
    assert_eq!(
        answer.status(),
        200,
        "the state API forwards what it cannot open"
    );

    // Data the form refuses, and a declared hash that is not the data's.
    let (_, refused) = submitted(&server, &anna.access, &[], &json!({})).await;
    let misdeclared = new_id();
    let created = server
        .create(&anna.access, &misdeclared, &common::create_body(&[]))
        .await;
    assert_eq!(created.status(), 201);
    let mut body = server
        .submit_body(&anna.access, &misdeclared, &json!({"name": "Ida"}))
        .await;
    body["dataSha512"] = json!(sha512_hex(b"something else"));
    let answer = server
        .http
        .post(server.url(&format!("/v1/submissions/{misdeclared}/submit")))
        .bearer_auth(&anna.access)
        .json(&body)
        .send()
        .await
        .expect("submit");
    assert_eq!(answer.status(), 200);

    let round = subscriber(&server).round().await.expect("a round");
    assert_eq!((round.accepted, round.rejected), (0, 3), "{round:?}");
    let keys = published_keys(&server, "erfurt").await;
    for (id, expected) in [
        (&changed, "/encryptedData: undecryptable"),
        (&refused, "name: form-field-required"),
        (&misdeclared, "/dataSha512: hash_mismatch"),
    ] {
        let view = citizen_view(&server, &anna.access, id).await;
        assert_eq!(
            history(&view),
            ["INITIATED", "SUBMITTED", "REJECTED"],
            "a clear status"
        );
        let given = reasons(&view);
        assert!(
            given.iter().any(|r| r.starts_with(expected)),
            "the reason names what failed ({expected}): {given:?}"
        );
        assert!(view.get("receipt").is_none(), "no receipt for a rejection");
        let step = &view["statusHistory"][2];
        let signed = jose::verify_status_event(
            step["signedEvent"].as_str().expect("a signed rejection"),
            &keys,
            id,
        )
        .expect("the rejection is Erfurt's");
        assert_eq!(signed.reasons, given, "the reasons are the signed ones");
    }
    // Nothing lost: the sealed data is still there for the authority.
    let sealed = server
        .admin_get(&format!("/admin/v1/submissions/{changed}/sealed"))
        .await;
    assert_eq!(sealed.status(), 200);
    let sealed: serde_json::Value = sealed.json().await.expect("JSON");
    assert_eq!(
        sealed["encryptedData"], sent,
        "the ciphertext as it came, for a look by a person"
    );
}

#[tokio::test]
async fn the_state_api_checks_the_form_and_key_of_what_it_forwards() {
    let server = external_server().await;
    let anna = server.login("anna").await;
    let submit = |id: String, body: serde_json::Value| {
        let request = server
            .http
            .post(server.url(&format!("/v1/submissions/{id}/submit")))
            .bearer_auth(&anna.access)
            .json(&body);
        async move { request.send().await.expect("submit") }
    };
    let id = new_id();
    let created = server
        .create(&anna.access, &id, &common::create_body(&[]))
        .await;
    assert_eq!(created.status(), 201);
    let good = server
        .submit_body(&anna.access, &id, &json!({"name": "Ida"}))
        .await;

    let mut not_a_jwe = good.clone();
    not_a_jwe["encryptedData"] = json!("{\"name\":\"Ida\"}");
    let (status, _, body) = problem_code(submit(id.clone(), not_a_jwe).await).await;
    assert_eq!(status, 422, "not a JWE: {body}");
    assert_eq!(body["errors"][0]["code"], "undecryptable");

    let stranger = jose::DecryptionKey::generate_sized("erfurt-enc-unknown", 2048).expect("key");
    let mut to_a_stranger = good.clone();
    to_a_stranger["encryptedData"] =
        json!(jose::encrypt(b"{}", &stranger.public_jwk(), "application/json").expect("sealed"));
    let (status, code, _) = problem_code(submit(id.clone(), to_a_stranger).await).await;
    assert_eq!((status, code.as_str()), (409, "key_not_current"));

    let (status, code, _) =
        problem_code(submit(id.clone(), json!({"data": {"name": "Ida"}})).await).await;
    assert_eq!((status, code.as_str()), (422, "encryption_required"));

    let mut undeclared = good.clone();
    undeclared["dataSha512"] = json!("not a hash");
    let (status, _, body) = problem_code(submit(id.clone(), undeclared).await).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["code"], "not_a_sha512");

    let taken = submit(id.clone(), good).await;
    assert_eq!(taken.status(), 200, "the well-formed one is taken");
}

#[tokio::test]
async fn the_state_api_binary_runs_the_authority() {
    let server = external_server().await;
    let anna = server.login("anna").await;
    let attachment = (new_id(), b"%PDF-1.7 Nachweis".to_vec());
    let (_, id) = submitted(
        &server,
        &anna.access,
        &[(attachment.0.as_str(), &attachment.1)],
        &json!({"name": "Ida"}),
    )
    .await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let token = dir.path().join("admin-token");
    std::fs::write(&token, common::ADMIN_TOKEN).expect("token file");
    let keys = server
        .state
        .config()
        .destination_keys_dir
        .clone()
        .expect("a key directory");
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_state-api"))
        .arg("subscriber")
        .arg("--back-office")
        .arg(&server.admin_base)
        .arg("--admin-token-file")
        .arg(&token)
        .arg("--destination-keys")
        .arg(&keys)
        .arg("--once")
        .env_remove("STATE_API_ADMIN_TOKEN")
        .output()
        .await
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "the round succeeds: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let counts: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the counts as JSON");
    assert_eq!(counts, json!({"accepted": 1, "rejected": 0, "skipped": 0}));
    let view = citizen_view(&server, &anna.access, &id).await;
    assert_eq!(view["status"], "RECEIVED");
    let receipt = jose::verify_receipt(
        view["receipt"].as_str().expect("a receipt"),
        &published_keys(&server, "erfurt").await,
    )
    .expect("signed with Erfurt's published key");
    assert_eq!(receipt.attachments[0].sha512, sha512_hex(&attachment.1));
}

#[tokio::test]
async fn an_external_subscriber_needs_the_shared_key_directory() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut config = state_api::Config::new(dir.path().join("data"), common::tiny_catalog());
    config.subscriber = state_api::SubscriberMode::External;
    let refused = state_api::AppState::new(config);
    assert!(
        matches!(refused, Err(state_api::Error::Config(_))),
        "external mode without --destination-keys does not start"
    );
}
