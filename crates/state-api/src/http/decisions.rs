//! The back office's endpoints for an authority that decides in a program of its own
//! (`state-api subscriber`): what waits for it, sealed, and its signed decision.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::admin::{ADMIN_401, ADMIN_429};
use super::{json, Admin, JsonBody};
use crate::error::Problem;
use crate::state::AppState;
use crate::wire::{Decision, SealedSubmission, Submission};

/// A submitted application's parts sealed for its receiving authority (data, metadata, the
/// attachments' ids), as they came: the state API does not open them. The authority lists
/// what waits for it with `GET /admin/v1/submissions?status=SUBMITTED`.
#[utoipa::path(get, path = "/admin/v1/submissions/{id}/sealed", tag = "back office",
    operation_id = "get_sealed_submission",
    security(("admin" = [])), params(("id" = String, Path)),
    responses((status = 200, description = "The sealed parts", body = SealedSubmission),
        (status = 401, description = ADMIN_401, body = Problem),
        (status = 404, description = "No such submission; or the back office is not configured", body = Problem),
        (status = 409, description = "not_sealed: not submitted yet, or without an authority", body = Problem),
        (status = 429, description = ADMIN_429, body = Problem)))]
pub async fn sealed(
    State(state): State<AppState>,
    _admin: Admin,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let sealed = state.backend().admin_sealed(&id).await?;
    Ok(json(StatusCode::OK, &sealed))
}

/// An attachment of a submitted application, as uploaded: a JWE (compact form) for the
/// receiving authority.
#[utoipa::path(get, path = "/admin/v1/submissions/{id}/attachments/{attachment_id}",
    tag = "back office", operation_id = "get_sealed_attachment",
    security(("admin" = [])), params(("id" = String, Path), ("attachment_id" = String, Path)),
    responses(
        (status = 200, description = "The JWE (its SHA-512 is the announced one)",
            content((String = "application/jose"))),
        (status = 401, description = ADMIN_401, body = Problem),
        (status = 404, description = "No such submission or attachment; or the back office is not configured", body = Problem),
        (status = 409, description = "not_sealed: not submitted yet, or without an authority", body = Problem),
        (status = 429, description = ADMIN_429, body = Problem)))]
pub async fn attachment(
    State(state): State<AppState>,
    _admin: Admin,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let bytes = state.backend().admin_attachment(&id, &attachment).await?;
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/jose"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The receiving authority's decision: RECEIVED with its signed receipt, or REJECTED with
/// the reasons in its signed event. Recorded only when the event and the receipt hold under
/// the destination's published key set and name this submission, its data's hash and its
/// attachments. The same decision posted again answers as the first time.
#[utoipa::path(post, path = "/admin/v1/submissions/{id}/decision", tag = "back office",
    operation_id = "decide_submission",
    security(("admin" = [])), params(("id" = String, Path)), request_body = Decision,
    responses((status = 200, description = "Recorded: the submission after it", body = Submission),
        (status = 400, description = "The body unreadable", body = Problem),
        (status = 401, description = ADMIN_401, body = Problem),
        (status = 404, description = "No such submission; or the back office is not configured", body = Problem),
        (status = 409, description = "already_decided (or withdrawn), or not_sealed", body = Problem),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 422, description = "decision_not_verified: a signature that does not hold under the destination's key set, or a receipt or event about something else; or a body not of this shape", body = Problem),
        (status = 429, description = ADMIN_429, body = Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    _admin: Admin,
    Path(id): Path<String>,
    JsonBody(decision): JsonBody<Decision>,
) -> Result<Response, Problem> {
    let submission = state.backend().admin_decide(&id, decision).await?;
    Ok(json(StatusCode::OK, &submission))
}
