//! A state API whose receiving authority runs apart (`SubscriberMode::External`), and that
//! authority's program (`state_api::subscriber`) on the same key directory.

use std::sync::Arc;

use state_api::subscriber::{Options, Subscriber};
use state_api::{Config, SubscriberMode};

use super::{TestServer, ADMIN_TOKEN};

/// Sets `config` up for an authority apart: its key directory beside the data directory (not
/// in it: the data directory is what is scanned for plaintext).
pub fn external(config: &mut Config) {
    config.subscriber = SubscriberMode::External;
    let keys = config
        .data_dir
        .parent()
        .expect("the data directory is in the test's directory")
        .join("destination-keys");
    config.destination_keys_dir = Some(keys);
}

/// A server in external mode, adjusted further by `adjust`.
pub async fn external_server_with(adjust: impl FnOnce(&mut Config)) -> TestServer {
    TestServer::start_with(|config| {
        external(config);
        adjust(config);
    })
    .await
}

pub async fn external_server() -> TestServer {
    external_server_with(|_| {}).await
}

/// The authority's program for `server`: its back office, its key directory, its attachment
/// rules, and the server's clock (which tests may move).
pub fn subscriber(server: &TestServer) -> Subscriber {
    let state = server.state.clone();
    Subscriber::new(Options {
        back_office: server.admin_base.clone(),
        token: ADMIN_TOKEN.to_string(),
        destination_keys: server
            .state
            .config()
            .destination_keys_dir
            .clone()
            .expect("a key directory"),
        limits: server.state.config().limits.clone(),
        clock: Arc::new(move || state.backend().now()),
    })
    .expect("the subscriber starts on the key directory")
}

/// Creates, uploads and submits an application for Erfurt with `attachments` (id, plain
/// bytes), sealed as the app seals it; the submit's answer and the submission's id.
pub async fn submitted(
    server: &TestServer,
    token: &str,
    attachments: &[(&str, &[u8])],
    data: &serde_json::Value,
) -> (serde_json::Value, String) {
    let id = super::new_id();
    let (created, sealed) = server.create_sealed(token, &id, attachments).await;
    assert_eq!(created.status(), 201, "created");
    for ((attachment, _), bytes) in attachments.iter().zip(&sealed) {
        let uploaded = server.upload(token, &id, attachment, 0, bytes).await;
        assert!(uploaded.status().is_success(), "uploaded");
    }
    let answer = server.submit(token, &id, data).await;
    assert_eq!(answer.status(), 200, "the submit is taken");
    (answer.json().await.expect("JSON"), id)
}

/// The citizen's view of a submission.
pub async fn citizen_view(server: &TestServer, token: &str, id: &str) -> serde_json::Value {
    let answer = server.get(token, &format!("/v1/submissions/{id}")).await;
    assert_eq!(answer.status(), 200, "the citizen reads it");
    answer.json().await.expect("JSON")
}

/// The destination's key set as the app checks it: under the server's trust anchor.
pub async fn published_keys(server: &TestServer, destination: &str) -> jose::DestinationKeys {
    let answer: serde_json::Value = server
        .http
        .get(server.url(&format!("/v1/destinations/{destination}/keys")))
        .send()
        .await
        .expect("key set request")
        .json()
        .await
        .expect("key set JSON");
    let anchor = server
        .state
        .backend()
        .destinations()
        .anchor()
        .expect("the anchor");
    jose::verify_key_set(
        answer["keySet"].as_str().expect("keySet"),
        &[anchor],
        destination,
        server.state.backend().now() / 1000,
    )
    .expect("a key set under the anchor")
}
