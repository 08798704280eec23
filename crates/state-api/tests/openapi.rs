//! The OpenAPI document: served, complete, and the checked-in copy is current.
//! Run with `UPDATE_OPENAPI=1` to rewrite `crates/state-api/openapi.json`.
mod common;

use common::TestServer;

#[test]
fn checked_in_openapi_document_is_current() {
    let generated = state_api::http::openapi::openapi_document();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, format!("{generated}\n")).expect("openapi.json is written");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored.trim_end() == generated.trim_end(),
        "crates/state-api/openapi.json is stale: run `UPDATE_OPENAPI=1 cargo test -p state-api --test openapi`"
    );
}

#[tokio::test]
async fn served_document_describes_every_route() {
    let server = TestServer::start().await;
    let doc: serde_json::Value = server
        .http
        .get(server.url("/v1/openapi.json"))
        .send()
        .await
        .expect("doc")
        .json()
        .await
        .expect("JSON");
    let paths = doc["paths"].as_object().expect("paths");
    for path in [
        "/health",
        "/v1/catalog",
        "/v1/forms/{id}/{version}",
        "/v1/authorities",
        "/v1/submissions",
        "/v1/submissions/{id}",
        "/v1/submissions/{id}/attachments/{attachment_id}",
        "/v1/submissions/{id}/submit",
        "/v1/inbox",
        "/.well-known/openid-configuration",
        "/oauth/authorize",
        "/oauth/token",
        "/oauth/userinfo",
        "/admin/v1/submissions",
        "/admin/v1/submissions/{id}/status",
        "/admin/v1/messages",
        "/v1/openapi.json",
    ] {
        assert!(paths.contains_key(path), "{path} is described");
    }
    assert!(
        doc["components"]["schemas"]["Problem"].is_object(),
        "the problem schema is there"
    );
}
