//! The catalog endpoint over real HTTP: content, ETag and 304.
mod common;

use common::TestServer;

#[tokio::test]
async fn catalog_is_served_with_an_etag_and_304_on_a_match() {
    let server = TestServer::start().await;
    let response = server
        .http
        .get(server.url("/v1/catalog"))
        .send()
        .await
        .expect("catalog");
    assert_eq!(response.status(), 200, "the catalog is served");
    let etag = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .expect("the catalog carries an ETag");
    assert!(
        etag.starts_with('"') && !etag.starts_with("W/"),
        "a strong ETag: {etag}"
    );
    let catalog: domain::Catalog = response.json().await.expect("a domain::Catalog");
    assert_eq!(
        catalog,
        common::tiny_catalog(),
        "the catalog comes back unchanged"
    );

    let again = server
        .http
        .get(server.url("/v1/catalog"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .expect("conditional catalog");
    assert_eq!(again.status(), 304, "an unchanged catalog answers 304");
    let body = again.bytes().await.expect("an empty body");
    assert!(body.is_empty(), "a 304 has no body");

    let stale = server
        .http
        .get(server.url("/v1/catalog"))
        .header("If-None-Match", "\"old-version\"")
        .send()
        .await
        .expect("stale conditional catalog");
    assert_eq!(stale.status(), 200, "another ETag gets the full catalog");
}

#[tokio::test]
async fn health_answers() {
    let server = TestServer::start().await;
    let response = server
        .http
        .get(server.url("/health"))
        .send()
        .await
        .expect("health");
    assert_eq!(response.status(), 200, "health answers 200");
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["status"], "ok", "health says ok");
}

#[tokio::test]
async fn catalog_is_sent_gzip_compressed_to_clients_that_accept_it() {
    let server = TestServer::start().await;
    let response = server
        .http
        .get(server.url("/v1/catalog"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .expect("catalog");
    assert_eq!(response.status(), 200, "served");
    let encoding = response
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok());
    assert_eq!(
        encoding,
        Some("gzip"),
        "compressed for a client that accepts gzip"
    );
    let etag = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .expect("an ETag");
    let plain = server
        .http
        .get(server.url("/v1/catalog"))
        .send()
        .await
        .expect("catalog");
    let plain_etag = plain
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    assert_ne!(
        Some(etag.clone()),
        plain_etag,
        "each representation has its own strong ETag"
    );
    let again = server
        .http
        .get(server.url("/v1/catalog"))
        .header("Accept-Encoding", "gzip")
        .header("If-None-Match", &etag)
        .send()
        .await
        .expect("conditional");
    assert_eq!(again.status(), 304, "the gzip ETag revalidates too");
}
