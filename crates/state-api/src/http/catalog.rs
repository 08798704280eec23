//! `GET /health` and `GET /v1/catalog` (with ETag / If-None-Match).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::json;
use crate::error::{FieldProblem, Problem};
use crate::service::submissions::ags_of;
use crate::state::AppState;
use crate::wire::DestinationKeySet;

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

/// The service catalog (`domain::Catalog` as JSON, gzip-compressed when the client accepts
/// it). Send `If-None-Match` with the last ETag: an unchanged catalog answers 304 without a
/// body.
#[utoipa::path(get, path = "/v1/catalog", tag = "catalog",
    params(("If-None-Match" = Option<String>, Header, description = "The ETag the client holds")),
    responses(
        (status = 200, description = "The catalog (domain::Catalog)", body = super::catalog_schema::CatalogDoc,
            headers(("ETag" = String, description = "Strong entity tag of this catalog"))),
        (status = 304, description = "The client's copy is current"),
    ))]
pub async fn get_catalog(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let served = state.catalog();
    let gzip = accepts_gzip(&headers);
    let tag = if gzip {
        &served.gzip_etag
    } else {
        &served.etag
    };
    let etag = HeaderValue::from_str(tag).unwrap_or(HeaderValue::from_static("\"0\""));
    let cache = HeaderValue::from_static("no-cache");
    let vary = HeaderValue::from_static("accept-encoding");
    let fresh = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| served.matches(v));
    if fresh {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag),
                (header::CACHE_CONTROL, cache),
                (header::VARY, vary),
            ],
        )
            .into_response();
    }
    let json = HeaderValue::from_static("application/json");
    if gzip {
        return (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, json),
                (header::CONTENT_ENCODING, HeaderValue::from_static("gzip")),
                (header::ETAG, etag),
                (header::CACHE_CONTROL, cache),
                (header::VARY, vary),
            ],
            served.gzip.clone(),
        )
            .into_response();
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, json),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache),
            (header::VARY, vary),
        ],
        served.json.clone(),
    )
        .into_response()
}

/// Whether `Accept-Encoding` allows gzip (and does not refuse it with `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or("");
            let refused =
                parts.any(|p| p.replace(' ', "") == "q=0" || p.replace(' ', "") == "q=0.0");
            coding.eq_ignore_ascii_case("gzip") && !refused
        })
}

/// A form definition by form id and version.
#[utoipa::path(get, path = "/v1/forms/{id}/{version}", tag = "catalog",
    params(("id" = String, Path, description = "The form id, e.g. bewohnerparkausweis"), ("version" = String, Path, description = "e.g. 1.0.0")),
    responses((status = 200, description = "The form definition (domain::form::FormDefinition)", body = Object),
        (status = 404, description = "No form definition with this id and version", body = Problem)))]
pub async fn form_definition(
    State(state): State<AppState>,
    Path((id, version)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let form = state.backend().form(&id, &version).ok_or_else(|| {
        Problem::not_found().detail("no form definition with this id and version")
    })?;
    Ok(json(StatusCode::OK, form.definition()))
}

/// `?ars=&leika=`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuthorityQuery {
    /// The place: an 8-digit AGS or 12-digit ARS.
    pub ars: String,
    /// A LeiKa key: answer only the authority responsible for this service there.
    #[serde(default)]
    pub leika: Option<String>,
}

/// Authorities for a place: with `leika`, the one responsible for that service (walking
/// municipality → district → Land); without, every authority whose area contains the place.
#[utoipa::path(get, path = "/v1/authorities", tag = "catalog", params(AuthorityQuery),
    responses((status = 200, description = "domain::Authority values, most local first", body = Vec<super::catalog_schema::AuthorityDoc>),
        (status = 400, description = "`ars` missing", body = Problem),
        (status = 404, description = "Unknown service or nobody responsible", body = Problem),
        (status = 422, description = "Malformed ARS", body = Problem)))]
pub async fn authorities(
    State(state): State<AppState>,
    Query(query): Query<AuthorityQuery>,
) -> Result<Response, Problem> {
    let ags = ags_of(query.ars.trim()).ok_or_else(|| {
        Problem::validation(vec![FieldProblem::new(
            "ars",
            "invalid",
            "an 8-digit AGS or 12-digit ARS",
        )])
    })?;
    let catalog = &state.config().catalog;
    let found: Vec<&domain::Authority> = match &query.leika {
        Some(leika) => {
            let service = catalog
                .service(leika.trim())
                .ok_or_else(|| Problem::not_found().detail("no service with this LeiKa key"))?;
            let index = catalog.authority_index();
            let authority = index
                .responsible_for(service, &ags)
                .ok_or_else(|| Problem::not_found().detail("no authority is responsible here"))?;
            vec![authority]
        }
        None => {
            let mut list: Vec<&domain::Authority> = catalog
                .authorities
                .iter()
                .filter(|a| !a.area_key.is_empty() && ags.starts_with(&a.area_key))
                .collect();
            list.sort_by_key(|a| std::cmp::Reverse(a.area_key.len()));
            list
        }
    };
    Ok(json(StatusCode::OK, &found))
}

/// The keys of an authority that receives applications: the key its receipts are signed
/// with, signed under the state's trust anchor so that the app can check receipts without
/// trusting this server.
#[utoipa::path(get, path = "/v1/destinations/{id}/keys", tag = "catalog",
    params(("id" = String, Path, description = "The authority's id (domain::Authority.id)")),
    responses((status = 200, description = "The signed key set", body = DestinationKeySet),
        (status = 404, description = "No authority with this id", body = Problem)))]
pub async fn destination_keys(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let known = state
        .config()
        .catalog
        .authorities
        .iter()
        .any(|a| a.id == id);
    if !known {
        return Err(Problem::not_found().detail("no authority with this id"));
    }
    let now = state.backend().now() / 1000;
    // Making a destination's first key takes a moment of CPU: not on the async workers.
    let destinations = state.backend().destinations().clone();
    let key_set =
        tokio::task::spawn_blocking(move || destinations.key_set(&id, now).map(|t| (id, t)))
            .await
            .map_err(|_| Problem::internal())??;
    let (destination, key_set) = key_set;
    let cache = HeaderValue::from_static("public, max-age=300");
    Ok((
        [(header::CACHE_CONTROL, cache)],
        Json(DestinationKeySet {
            destination,
            key_set,
        }),
    )
        .into_response())
}
