//! Reports of accessibility problems: anonymous, idempotent, rate-limited like every route.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::submissions::stored_response;
use super::{json, Admin, RawBody};
use crate::error::Problem;
use crate::state::AppState;
use crate::wire::{NewAccessibilityReport, ReceivedReport, ReportReceipt};

/// Receives a report of an accessibility problem in the app. No login needed. Repeat with the
/// same key and body to get the same answer.
#[utoipa::path(post, path = "/v1/accessibility-reports", tag = "accessibility", operation_id = "create_report",
    params(("Idempotency-Key" = String, Header, description = "The report's UUID, made by the client; kept for good")),
    request_body = NewAccessibilityReport,
    responses(
        (status = 201, description = "Received (or the replay of the first answer, with Idempotent-Replayed: true)", body = ReportReceipt),
        (status = 400, description = "Idempotency-Key missing, sent twice, the nil UUID or not a UUID; body unreadable or not JSON", body = Problem),
        (status = 409, description = "The first request with this key is still running", body = Problem),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 422, description = "Key reused with another body, a body not of this shape, or field problems (codes are the app's Fluent message ids)", body = Problem),
        (status = 429, description = "Too many requests (rate_limited, Retry-After)", body = Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, Problem> {
    let key = super::idempotency_key(&headers)?;
    let stored = state.backend().create_report(key.as_deref(), &body).await?;
    Ok(stored_response(stored, None))
}

/// The newest 500 reports (back office).
#[utoipa::path(get, path = "/admin/v1/accessibility-reports", tag = "back office",
    operation_id = "list_reports",
    security(("admin" = [])),
    responses((status = 200, description = "The newest reports first", body = Vec<ReceivedReport>),
        (status = 401, description = super::admin::ADMIN_401, body = Problem),
        (status = 404, description = super::admin::ADMIN_404, body = Problem),
        (status = 429, description = super::admin::ADMIN_429, body = Problem)))]
pub async fn list(State(state): State<AppState>, _admin: Admin) -> Result<Response, Problem> {
    let reports = state.backend().admin_reports().await?;
    Ok(json(StatusCode::OK, &reports))
}
