//! The receipt an authority signs when it receives an application, and the destination keys
//! it is checked with: published under the trust anchor, so a client that trusts only the
//! anchor can check a receipt without trusting this server.
mod common;

use common::{create_body, new_id, sha512_hex, TestServer};
use serde_json::json;

async fn key_set(server: &TestServer, destination: &str) -> reqwest::Response {
    server
        .http
        .get(server.url(&format!("/v1/destinations/{destination}/keys")))
        .send()
        .await
        .expect("key set request")
}

async fn verified_keys(server: &TestServer, destination: &str) -> jose::DestinationKeys {
    let response = key_set(server, destination).await;
    assert_eq!(response.status(), 200, "the destination's keys are public");
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(body["destination"], destination);
    let anchor = server
        .state
        .backend()
        .destinations()
        .anchor()
        .expect("the anchor");
    let now = server.state.backend().now() / 1000;
    jose::verify_key_set(
        body["keySet"].as_str().expect("keySet"),
        &[anchor],
        destination,
        now,
    )
    .expect("the key set is signed under the anchor")
}

#[tokio::test]
async fn a_received_application_carries_a_receipt_signed_by_its_authority() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = new_id();
    let attachment = (new_id(), b"%PDF-1.7 Nachweis".to_vec());
    let (created, sealed) = server
        .create_sealed(&anna.access, &id, &[(attachment.0.as_str(), &attachment.1)])
        .await;
    assert_eq!(created.status(), 201);
    let uploaded = server
        .upload(&anna.access, &id, &attachment.0, 0, &sealed[0])
        .await;
    assert!(uploaded.status().is_success(), "uploaded");
    let data = json!({"kennzeichen": "EF-AB 123"});
    let submitted = server.submit(&anna.access, &id, &data).await;
    assert_eq!(submitted.status(), 200);
    let submitted: serde_json::Value = submitted.json().await.expect("JSON");
    assert_eq!(submitted["status"], "RECEIVED");
    let token = submitted["receipt"].as_str().expect("a receipt");

    let keys = verified_keys(&server, "erfurt").await;
    let receipt = jose::verify_receipt(token, &keys).expect("signed by Erfurt's key");
    assert_eq!(receipt.submission, id);
    assert_eq!(receipt.destination, "erfurt");
    assert_eq!(
        receipt.data_sha512,
        sha512_hex(domain::receipt::canonical_json(&data).as_bytes()),
        "the hash of exactly the data sent"
    );
    assert_eq!(receipt.attachments.len(), 1);
    assert_eq!(receipt.attachments[0].id, attachment.0);
    assert_eq!(receipt.attachments[0].sha512, sha512_hex(&attachment.1));

    // Read again later: the same receipt.
    let again: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(again["receipt"].as_str(), Some(token));
}

#[tokio::test]
async fn the_back_office_receiving_signs_the_receipt_then() {
    let server = TestServer::start_with(|c| c.auto_receive = false).await;
    let anna = server.login("anna").await;
    let id = new_id();
    assert_eq!(
        server
            .create(&anna.access, &id, &create_body(&[]))
            .await
            .status(),
        201
    );
    let submitted: serde_json::Value = server
        .submit(&anna.access, &id, &json!({}))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(submitted["status"], "SUBMITTED");
    assert!(submitted.get("receipt").is_none(), "nothing received yet");
    let moved = server
        .admin_post(
            &format!("/admin/v1/submissions/{id}/status"),
            &json!({"status": "RECEIVED"}),
        )
        .await;
    assert_eq!(moved.status(), 200);
    let now: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await
        .json()
        .await
        .expect("JSON");
    let keys = verified_keys(&server, "erfurt").await;
    let receipt = jose::verify_receipt(now["receipt"].as_str().expect("receipt"), &keys)
        .expect("signed by Erfurt's key");
    assert_eq!(receipt.submission, id);

    // Each of the authority's steps is signed by it (a Security Event Token); the steps the
    // state API takes (created, submitted) are not.
    let moved = server
        .admin_post(
            &format!("/admin/v1/submissions/{id}/status"),
            &json!({"status": "REJECTED", "reasons": ["Der Nachweis fehlt"]}),
        )
        .await;
    assert_eq!(moved.status(), 200);
    let now: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await
        .json()
        .await
        .expect("JSON");
    let steps = now["statusHistory"].as_array().expect("history");
    let signed: Vec<(String, Option<jose::EventDetail>)> = steps
        .iter()
        .map(|step| {
            (
                step["status"].as_str().unwrap_or_default().to_string(),
                step["signedEvent"].as_str().map(|token| {
                    jose::verify_status_event(token, &keys, &id).expect("signed by Erfurt")
                }),
            )
        })
        .collect();
    let names: Vec<(&str, bool)> = signed
        .iter()
        .map(|(s, d)| (s.as_str(), d.is_some()))
        .collect();
    assert_eq!(
        names,
        [
            ("INITIATED", false),
            ("SUBMITTED", false),
            ("RECEIVED", true),
            ("REJECTED", true)
        ]
    );
    let rejected = signed[3].1.clone().expect("signed");
    assert_eq!(rejected.status, "REJECTED");
    assert_eq!(rejected.reasons, ["Der Nachweis fehlt"]);
    assert!(
        jose::verify_status_event(
            steps[3]["signedEvent"].as_str().expect("token"),
            &keys,
            &new_id()
        )
        .is_err(),
        "about this submission only"
    );
}

#[tokio::test]
async fn keys_of_an_unknown_destination_are_not_found() {
    let server = TestServer::start().await;
    assert_eq!(key_set(&server, "nowhere").await.status(), 404);
    assert_eq!(key_set(&server, "..%2F..%2Fetc").await.status(), 404);
}

#[tokio::test]
async fn received_later_the_receipt_names_the_plain_attachments_from_the_metadata() {
    let server = TestServer::start_with(|c| c.auto_receive = false).await;
    let anna = server.login("anna").await;
    let id = new_id();
    let attachment = (new_id(), b"%PDF-1.7 Grundriss".to_vec());
    let (created, sealed) = server
        .create_sealed(&anna.access, &id, &[(attachment.0.as_str(), &attachment.1)])
        .await;
    assert_eq!(created.status(), 201);
    let uploaded = server
        .upload(&anna.access, &id, &attachment.0, 0, &sealed[0])
        .await;
    assert!(uploaded.status().is_success());
    let submitted = server.submit(&anna.access, &id, &json!({})).await;
    assert_eq!(submitted.status(), 200);
    let moved = server
        .admin_post(
            &format!("/admin/v1/submissions/{id}/status"),
            &json!({"status": "RECEIVED"}),
        )
        .await;
    assert_eq!(moved.status(), 200);
    let now: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await
        .json()
        .await
        .expect("JSON");
    let keys = verified_keys(&server, "erfurt").await;
    let receipt = jose::verify_receipt(now["receipt"].as_str().expect("receipt"), &keys)
        .expect("signed by Erfurt's key");
    assert_eq!(receipt.attachments.len(), 1);
    assert_eq!(
        receipt.attachments[0].sha512,
        sha512_hex(&attachment.1),
        "the hash of the plain attachment, from the metadata the authority opened again"
    );
    assert_ne!(receipt.attachments[0].sha512, sha512_hex(&sealed[0]));
}
