//! `GET /health` and `GET /v1/catalog` (with ETag / If-None-Match).

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::state::AppState;

/// The answer of `GET /health`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: &'static str,
    /// The catalog version being served.
    pub catalog_version: String,
}

/// Liveness: the server answers and which catalog it serves.
#[utoipa::path(get, path = "/health", tag = "meta",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok",
        catalog_version: state.config().catalog.version.clone(),
    })
}

/// The service catalog (`domain::Catalog` as JSON). Send `If-None-Match` with the last ETag:
/// an unchanged catalog answers 304 without a body.
#[utoipa::path(get, path = "/v1/catalog", tag = "catalog",
    params(("If-None-Match" = Option<String>, Header, description = "The ETag the client holds")),
    responses(
        (status = 200, description = "The catalog (domain::Catalog)", body = Object,
            headers(("ETag" = String, description = "Strong entity tag of this catalog"))),
        (status = 304, description = "The client's copy is current"),
    ))]
pub async fn get_catalog(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let served = state.catalog();
    let etag = HeaderValue::from_str(&served.etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let cache = HeaderValue::from_static("no-cache");
    let fresh = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| served.matches(v));
    if fresh {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag), (header::CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache),
        ],
        served.json.clone(),
    )
        .into_response()
}
