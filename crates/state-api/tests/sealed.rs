//! Data for an authority arrives encrypted to that authority's key and the state API keeps
//! only the ciphertext: a canary planted in the answers is nowhere in the server's data
//! directory; plain data, a JWE for another key and a changed ciphertext are refused; a retry
//! with new ciphertext of the same data is the same submit.
mod common;

use common::{create_body, files_contain, new_id, problem_code, sha512_hex, TestServer};
use serde_json::json;

const CANARY: &str = "Kanarienvogel-7f3a9c-Ida-Muster";

async fn created(server: &TestServer, token: &str) -> String {
    let id = new_id();
    let answer = server.create(token, &id, &create_body(&[])).await;
    assert_eq!(answer.status(), 201, "created");
    id
}

async fn post_submit(
    server: &TestServer,
    token: &str,
    id: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    server
        .http
        .post(server.url(&format!("/v1/submissions/{id}/submit")))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .expect("submit request")
}

#[tokio::test]
async fn the_state_api_keeps_no_plaintext_of_an_application() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = created(&server, &anna.access).await;
    let data = json!({ "name": CANARY, "note": format!("{CANARY} wohnt in Erfurt") });
    let answer = server.submit(&anna.access, &id, &data).await;
    assert_eq!(answer.status(), 200, "accepted");
    let answer: serde_json::Value = answer.json().await.expect("JSON");
    assert_eq!(
        answer["status"], "RECEIVED",
        "the authority opened and received it"
    );
    assert_eq!(
        answer["dataSha512"],
        json!(sha512_hex(
            domain::receipt::canonical_json(&data).as_bytes()
        )),
        "the hash of the data the authority opened"
    );
    // Checkpoint the WAL too: nothing of the data, in any file, in any form.
    let data_dir = server.state.config().data_dir.clone();
    drop(answer);
    assert_eq!(
        files_contain(&data_dir, CANARY.as_bytes()),
        Vec::<String>::new(),
        "no file of the state API holds the plaintext"
    );
    let listing = server.admin_get("/admin/v1/submissions").await;
    let listing = listing.text().await.expect("text");
    assert!(
        !listing.contains(CANARY),
        "nor does the back office listing"
    );
}

#[tokio::test]
async fn plain_or_foreign_or_changed_data_is_refused_and_a_retry_is_the_same_submit() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = created(&server, &anna.access).await;
    let data = json!({ "name": "Ida" });

    let (status, code, _) =
        problem_code(post_submit(&server, &anna.access, &id, &json!({ "data": data })).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "encryption_required"),
        "plain data for an authority is refused"
    );

    // Encrypted to a key Erfurt does not hold (an old one): fetch the keys again.
    let plain = domain::receipt::canonical_json(&data);
    let hash = sha512_hex(plain.as_bytes());
    let sealed_to = |key: &jose::DecryptionKey| {
        json!({
            "encryptedData": jose::encrypt(plain.as_bytes(), &key.public_jwk(), "application/json").expect("seal"),
            "dataSha512": hash,
        })
    };
    let old = jose::DecryptionKey::generate_sized("erfurt-enc-old", 2048).expect("key");
    let (status, code, _) =
        problem_code(post_submit(&server, &anna.access, &id, &sealed_to(&old)).await).await;
    assert_eq!((status, code.as_str()), (409, "key_not_current"));
    // Another key under the name of Erfurt's current one.
    let current = server.encryption_key("erfurt").await;
    let impostor = jose::DecryptionKey::generate_sized(current.kid.clone(), 2048).expect("key");
    let (status, _, problem) =
        problem_code(post_submit(&server, &anna.access, &id, &sealed_to(&impostor)).await).await;
    assert_eq!(status, 422, "another key's JWE is refused: {problem}");
    assert!(problem.to_string().contains("undecryptable"), "{problem}");

    // Erfurt's, with one bit of the ciphertext changed.
    let sealed = server.submit_body(&anna.access, &id, &data).await;
    let token = sealed["encryptedData"].as_str().expect("JWE");
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let flipped = if parts[3].starts_with('A') { "B" } else { "A" };
    parts[3].replace_range(0..1, flipped);
    let mut changed = sealed.clone();
    changed["encryptedData"] = json!(parts.join("."));
    let (status, _, problem) =
        problem_code(post_submit(&server, &anna.access, &id, &changed).await).await;
    assert_eq!(status, 422, "a changed ciphertext is refused: {problem}");

    // Accepted; a retry after a lost answer encrypts anew and is answered the same.
    let first = post_submit(&server, &anna.access, &id, &sealed).await;
    assert_eq!(first.status(), 200);
    let first: serde_json::Value = first.json().await.expect("JSON");
    let again = server.submit_body(&anna.access, &id, &data).await;
    assert_ne!(
        again["encryptedData"], sealed["encryptedData"],
        "new ciphertext"
    );
    let second = post_submit(&server, &anna.access, &id, &again).await;
    assert_eq!(second.status(), 200, "the same submit");
    let second: serde_json::Value = second.json().await.expect("JSON");
    assert_eq!(first, second, "the first answer, replayed");
    // Other data under the same id is not.
    let other = server
        .submit_body(&anna.access, &id, &json!({ "name": "Ben" }))
        .await;
    let (status, code, _) =
        problem_code(post_submit(&server, &anna.access, &id, &other).await).await;
    assert_eq!((status, code.as_str()), (422, "already_submitted"));
}

#[tokio::test]
async fn an_application_sealed_before_a_key_rotation_still_arrives_and_new_ones_use_the_new_key() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let data = json!({ "name": "Ida" });
    let before = created(&server, &anna.access).await;
    let sealed_before = server.submit_body(&anna.access, &before, &data).await;
    let old = server.encryption_key("erfurt").await;

    // Without the back office credential nothing rotates; an unknown authority is 404.
    let unauthorised = server
        .http
        .post(server.admin_url("/admin/v1/destinations/erfurt/keys/rotate"))
        .send()
        .await
        .expect("request");
    assert!(unauthorised.status().is_client_error());
    assert_eq!(server.encryption_key("erfurt").await.kid, old.kid);
    let unknown = server
        .admin_post("/admin/v1/destinations/nowhere/keys/rotate", &json!({}))
        .await;
    assert_eq!(unknown.status(), 404);

    let rotated = server
        .admin_post("/admin/v1/destinations/erfurt/keys/rotate", &json!({}))
        .await;
    assert_eq!(rotated.status(), 200);
    let rotated: serde_json::Value = rotated.json().await.expect("JSON");
    assert_eq!(rotated["retired"], json!(old.kid));
    let new = server.encryption_key("erfurt").await;
    assert_eq!(
        rotated["current"],
        json!(new.kid),
        "the key set names the new key"
    );
    assert_ne!(new.kid, old.kid);

    // Sealed to the old key while the rotation happened: it still arrives.
    let answer = post_submit(&server, &anna.access, &before, &sealed_before).await;
    assert_eq!(answer.status(), 200, "in flight across the rotation");
    let answer: serde_json::Value = answer.json().await.expect("JSON");
    assert_eq!(answer["status"], "RECEIVED");
    // A new application is sealed to the new key and arrives too.
    let after = created(&server, &anna.access).await;
    let sealed_after = server.submit_body(&anna.access, &after, &data).await;
    let header = sealed_after["encryptedData"].as_str().expect("JWE");
    assert_eq!(jose::key_id(header), Some(new.kid.clone()));
    let answer = post_submit(&server, &anna.access, &after, &sealed_after).await;
    assert_eq!(answer.status(), 200);
}

#[tokio::test]
async fn attachments_and_their_names_reach_the_authority_only_encrypted() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = new_id();
    let attachment = new_id();
    let plain = format!("%PDF-1.7 {CANARY} Mietvertrag").into_bytes();
    let (created, sealed) = server
        .create_sealed(&anna.access, &id, &[(attachment.as_str(), &plain)])
        .await;
    assert_eq!(created.status(), 201);
    let uploaded = server
        .upload(&anna.access, &id, &attachment, 0, &sealed[0])
        .await;
    assert!(uploaded.status().is_success());
    // The metadata must name the data's hash and the plain attachment's: without it, or
    // with another attachment hash, the authority refuses.
    let data = json!({ "name": "Ida" });
    let body = server.submit_body(&anna.access, &id, &data).await;
    let mut without = body.clone();
    without
        .as_object_mut()
        .expect("object")
        .remove("encryptedMetadata");
    let (status, _, problem) =
        problem_code(post_submit(&server, &anna.access, &id, &without).await).await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem.to_string().contains("/encryptedMetadata"),
        "{problem}"
    );
    let enc = server.encryption_key("erfurt").await;
    let plain_hash = sha512_hex(domain::receipt::canonical_json(&data).as_bytes());
    let lying = domain::metadata::Metadata::new(
        &plain_hash,
        ("bewohnerparkausweis", "1"),
        None,
        &[domain::metadata::PlainAttachment {
            id: attachment.clone(),
            filename: "nachweis.pdf".into(),
            media_type: "application/pdf".into(),
            sha512: sha512_hex(b"another document"),
        }],
    );
    let mut other = body.clone();
    other["encryptedMetadata"] = json!(jose::encrypt(
        &serde_json::to_vec(&lying).expect("JSON"),
        &enc,
        "application/json"
    )
    .expect("sealed"));
    let (status, _, problem) =
        problem_code(post_submit(&server, &anna.access, &id, &other).await).await;
    assert_eq!(status, 422);
    assert_eq!(
        problem["errors"][0]["field"],
        format!("/attachments/{attachment}"),
        "{problem}"
    );
    let answer = post_submit(&server, &anna.access, &id, &body).await;
    assert_eq!(answer.status(), 200);
    let answer: serde_json::Value = answer.json().await.expect("JSON");
    assert_eq!(answer["status"], "RECEIVED");

    let data_dir = server.state.config().data_dir.clone();
    for needle in [CANARY.as_bytes(), b"nachweis.pdf".as_slice()] {
        assert_eq!(
            files_contain(&data_dir, needle),
            Vec::<String>::new(),
            "no file of the state API holds {}",
            String::from_utf8_lossy(needle)
        );
    }
    let listing = server.admin_get("/admin/v1/submissions").await;
    let listing = listing.text().await.expect("listing");
    assert!(!listing.contains(CANARY) && !listing.contains("nachweis.pdf"));
}

#[tokio::test]
async fn attachments_for_an_authority_come_encrypted_for_the_responsible_one() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let attachment = new_id();
    let bytes = b"%PDF-1.7".as_slice();
    // In plain, with its name: refused for an authority.
    let mut body = create_body(&[(attachment.as_str(), bytes)]);
    body["ars"] = json!(common::ERFURT);
    body["destination"] = json!("erfurt");
    let (status, code, problem) =
        problem_code(server.create(&anna.access, &new_id(), &body).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "validation_failed"),
        "{problem}"
    );
    assert!(
        problem.to_string().contains("encryption_required"),
        "{problem}"
    );
    // Encrypted for another authority than the responsible one, or without naming it.
    for destination in [Some("jena"), None] {
        let mut body = json!({
            "serviceKey": common::PARKING,
            "ars": common::ERFURT,
            "announcedAttachments": [{
                "attachmentId": attachment,
                "size": 3000,
                "sha512": sha512_hex(b"jwe"),
            }],
        });
        if let Some(destination) = destination {
            body["destination"] = json!(destination);
        }
        let (status, code, _) =
            problem_code(server.create(&anna.access, &new_id(), &body).await).await;
        assert_eq!((status, code.as_str()), (409, "destination_mismatch"));
    }
}
