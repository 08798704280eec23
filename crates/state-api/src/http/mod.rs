//! The HTTP surface: routes, extractors, limits and thin handlers over the service layer.
//!
//! Handlers parse, call one [`crate::service::Backend`] method and map its answer; they must
//! never hold rules of their own or touch storage directly.

mod admin;
mod auth;
mod catalog;
mod catalog_schema;
mod decisions;
mod handovers;
pub mod openapi;
mod replies;
mod reports;
mod submissions;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post, put};
use axum::Router;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

use crate::error::Problem;
use crate::service::{sha256_hex, Citizen};
use crate::state::AppState;

/// The public API as an axum router, for in-process tests and for [`crate::serve`]. The back
/// office is not part of it (see [`back_office_router`]).
pub fn router(state: AppState) -> Router {
    let limits = state.config().limits.clone();
    let uploads = Router::new()
        .route(
            "/v1/submissions/{id}/attachments/{attachment_id}",
            patch(submissions::upload_chunk).head(submissions::upload_state),
        )
        .layer(DefaultBodyLimit::max(limits.max_chunk));
    // A reply carries its documents in its body.
    let replies = Router::new()
        .route("/v1/submissions/{id}/replies", post(replies::reply))
        .layer(DefaultBodyLimit::max(limits.max_reply_body));
    // A handover carries its ciphertext in its body.
    let handovers = Router::new()
        .route(
            "/v1/handovers/{mailbox}",
            put(handovers::put).get(handovers::get),
        )
        .layer(DefaultBodyLimit::max(state.config().handover_max_bytes));
    let public = Router::new()
        .route("/health", get(catalog::health))
        .route(
            "/.well-known/openid-configuration",
            get(auth::openid_configuration),
        )
        .route("/.well-known/jwks.json", get(auth::jwks))
        .route(
            "/oauth/authorize",
            get(auth::authorize_page).post(auth::authorize_login),
        )
        .route("/oauth/token", post(auth::token))
        .route("/oauth/userinfo", get(auth::userinfo))
        .route("/oauth/revoke", post(auth::revoke))
        .route("/v1/openapi.json", get(openapi::openapi_json))
        .route("/v1/catalog", get(catalog::get_catalog))
        .route("/v1/forms/{id}/{version}", get(catalog::form_definition))
        .route("/v1/authorities", get(catalog::authorities))
        .route("/v1/destinations/{id}/keys", get(catalog::destination_keys))
        .route(
            "/v1/submissions",
            post(submissions::create).get(submissions::list),
        )
        .route("/v1/submissions/{id}", get(submissions::get_one))
        .route("/v1/submissions/{id}/submit", post(submissions::submit))
        .route(
            "/v1/submissions/{id}/withdrawal",
            post(submissions::withdraw),
        )
        .route("/v1/inbox", get(submissions::inbox))
        .route(
            "/v1/messages/{id}/documents/{document}",
            get(replies::message_document),
        )
        .route("/v1/accessibility-reports", post(reports::create))
        .route("/v1/handovers/{mailbox}/pickup", post(handovers::pick_up))
        .route(
            "/v1/handovers/{mailbox}/state",
            get(handovers::handover_state),
        )
        .layer(DefaultBodyLimit::max(limits.max_json_body))
        .merge(uploads)
        .merge(replies)
        .merge(handovers)
        .fallback(|| async { Problem::not_found() })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            rate_limit,
        ));
    common_layers(public, &limits).with_state(state)
}

/// The back office (`/admin/v1/...`) as an axum router: served on a listener of its own
/// (`--admin-listen`, loopback or an internal network), never on the public one.
pub fn back_office_router(state: AppState) -> Router {
    let limits = state.config().limits.clone();
    let admin = Router::new()
        .route("/admin/v1/accessibility-reports", get(reports::list))
        .route("/admin/v1/submissions", get(admin::list))
        .route(
            "/admin/v1/submissions/{id}/status",
            post(admin::move_status),
        )
        .route("/admin/v1/submissions/{id}/replies", get(replies::list))
        .route("/admin/v1/submissions/{id}/sealed", get(decisions::sealed))
        .route(
            "/admin/v1/submissions/{id}/attachments/{attachment_id}",
            get(decisions::attachment),
        )
        .route(
            "/admin/v1/submissions/{id}/decision",
            post(decisions::decide),
        )
        .route(
            "/admin/v1/destinations/{id}/keys/rotate",
            post(admin::rotate_keys),
        )
        .layer(DefaultBodyLimit::max(limits.max_json_body))
        // A message carries its documents in its body.
        .merge(
            Router::new()
                .route("/admin/v1/messages", post(admin::send_message))
                .layer(DefaultBodyLimit::max(limits.max_reply_body)),
        )
        .fallback(|| async { Problem::not_found() });
    common_layers(admin, &limits).with_state(state)
}

/// Timeouts and problem documents for the framework's own refusals, on every listener.
fn common_layers(router: Router<AppState>, limits: &crate::config::Limits) -> Router<AppState> {
    router
        .layer(RequestBodyTimeoutLayer::new(limits.request_timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(axum::middleware::from_fn(problems_for_framework_errors))
}

/// Turns the framework's own refusals (a malformed query or path, a wrong method, a timeout:
/// plain text or empty bodies) into problem documents, so every error has one shape.
async fn problems_for_framework_errors(request: Request, next: Next) -> Response {
    let head = request.method() == axum::http::Method::HEAD;
    let response = next.run(request).await;
    let status = response.status();
    if head || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let media = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if media.starts_with("application/problem+json")
        || media.starts_with("application/json")
        || media.starts_with("text/html")
    {
        return response;
    }
    let (_, body) = response.into_parts();
    let detail = axum::body::to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let code = match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::REQUEST_TIMEOUT => "request_timeout",
        StatusCode::PAYLOAD_TOO_LARGE => "body_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid_body",
        _ if status.is_server_error() => "internal",
        _ => "bad_request",
    };
    let title = status.canonical_reason().unwrap_or("Error");
    let mut problem = Problem::new(status, code, title);
    if !detail.trim().is_empty() {
        problem = problem.detail(detail);
    }
    problem.into_response()
}

/// The `Idempotency-Key` header's value: one header at most (two are refused, not guessed
/// between), the quoted form of the IETF draft (a structured-field string) unquoted.
pub(crate) fn idempotency_key(headers: &axum::http::HeaderMap) -> Result<Option<String>, Problem> {
    let mut values = headers.get_all("idempotency-key").iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(Problem::bad_request(
            "idempotency_key_repeated",
            "send one Idempotency-Key header",
        ));
    }
    let text = first.to_str().unwrap_or_default().trim();
    let unquoted = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    Ok(Some(unquoted.to_string()))
}

/// The bearer token of a request, if any.
pub(crate) fn bearer(parts: &axum::http::HeaderMap) -> Option<&str> {
    let value = parts.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// Refuses a client that sends too fast with 429 and `Retry-After`. A client is a verified
/// citizen (its access token checked here once and handed on to the handler) or else its peer
/// address: an unchecked bearer value is no identity, or a new random one per request would
/// get a fresh bucket each time (brute force of passwords and the back-office token, report
/// spam).
async fn rate_limit(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let Some(rate) = state.config().limits.rate_per_second.filter(|r| *r > 0.0) else {
        return next.run(request).await;
    };
    let verified = match bearer(request.headers()) {
        Some(token) => state.backend().citizen_for(token).await.ok(),
        None => None,
    };
    let client = match &verified {
        Some(citizen) => format!("c:{}", &sha256_hex(citizen.subject.as_bytes())[..24]),
        None => match request.extensions().get::<ConnectInfo<SocketAddr>>() {
            Some(ConnectInfo(peer)) => format!("ip:{}", peer.ip()),
            None => "unknown".to_string(),
        },
    };
    if let Some(citizen) = verified {
        request.extensions_mut().insert(citizen);
    }
    let (now, burst) = (state.backend().now(), state.config().limits.rate_burst);
    let taken = state
        .backend()
        .shared(move |c| c.take_token(&client, now, rate, burst))
        .await
        .unwrap_or_else(|_| {
            // The shared buckets are out of reach: serve (the storage answers for itself)
            // rather than refuse everyone.
            tracing::warn!("the rate limit could not be checked");
            None
        });
    if let Some(seconds) = taken {
        let mut problem = Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many requests",
        )
        .detail("slow down and retry after the given seconds");
        problem.retry_after = Some(seconds);
        return problem.into_response();
    }
    next.run(request).await
}

impl FromRequestParts<AppState> for Citizen {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        // Checked already by the rate limit (same request, same token)?
        if let Some(citizen) = parts.extensions.get::<Citizen>() {
            return Ok(citizen.clone());
        }
        let token = bearer(&parts.headers).ok_or_else(Problem::unauthorized)?;
        state.backend().citizen_for(token).await
    }
}

/// The back office credential, checked.
pub(crate) struct Admin;

impl FromRequestParts<AppState> for Admin {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| peer.ip());
        state
            .backend()
            .check_admin(bearer(&parts.headers), peer)
            .await?;
        Ok(Admin)
    }
}

/// A JSON body with a status, from a serializable value.
pub(crate) fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (status, [(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(_) => Problem::internal().into_response(),
    }
}

/// A JSON body extractor whose failures are problem documents.
pub(crate) struct JsonBody<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequest<S> for JsonBody<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|e| {
                Problem::new(e.status(), "body_unreadable", "Body unreadable").detail(e.body_text())
            })?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| Problem::invalid_body(&e))
    }
}

/// Raw body bytes whose failures (too large, too slow) are problem documents.
pub(crate) struct RawBody(pub axum::body::Bytes);

impl<S: Send + Sync> axum::extract::FromRequest<S> for RawBody {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|e| {
                let code = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    "body_too_large"
                } else {
                    "body_unreadable"
                };
                Problem::new(e.status(), code, "Body not accepted").detail(e.body_text())
            })?;
        Ok(RawBody(bytes))
    }
}
