//! Back office endpoints under `/admin/v1`, behind their own bearer credential.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::{json, Admin, JsonBody};
use crate::error::{FieldProblem, Problem};
use crate::state::AppState;
use crate::storage::Status;
use crate::wire::{Message, NewMessage, StatusChange, Submission, SubmissionList};

/// What every back office operation may answer (the credential check, `Admin`).
pub(super) const ADMIN_401: &str = "No valid back office credential";
pub(super) const ADMIN_404: &str = "The back office is not configured (no credential set)";
pub(super) const ADMIN_429: &str =
    "Too many failed authentications from this address: locked out for a while (Retry-After)";

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only submissions in this status (e.g. SUBMITTED).
    #[serde(default)]
    pub status: Option<String>,
    /// The `next` cursor of the page before (absent: the first page).
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 500 (default 100).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// Submissions, newest change first, a page at a time: follow `next` (also in the `Link`
/// header, `rel="next"`) until it is absent.
#[utoipa::path(get, path = "/admin/v1/submissions", tag = "back office", security(("admin" = [])),
    operation_id = "list_admin_submissions",
    params(ListQuery),
    responses((status = 200, description = "A page of submissions", body = SubmissionList, headers(("Link" = String, description = "rel=\"next\": the next page"))),
        (status = 400, description = "A cursor that is not a page's next, or `limit` not a number", body = Problem),
        (status = 401, description = ADMIN_401, body = Problem),
        (status = 404, description = ADMIN_404, body = Problem),
        (status = 422, description = "An unknown status", body = Problem),
        (status = 429, description = ADMIN_429, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    _admin: Admin,
    Query(query): Query<ListQuery>,
) -> Result<Response, Problem> {
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(text) => Some(Status::parse(text).ok_or_else(|| {
            Problem::validation(vec![FieldProblem::new(
                "status",
                "unknown_status",
                "a BundID status",
            )])
        })?),
    };
    let limit = query.limit.unwrap_or(100);
    let page = state
        .backend()
        .admin_submissions(status, query.after.as_deref(), limit)
        .await?;
    let link = page.next.as_ref().map(|next| {
        let mut link = format!("</admin/v1/submissions?after={next}&limit={limit}");
        if let Some(status) = status {
            link.push_str(&format!("&status={}", status.as_str()));
        }
        link.push_str(">; rel=\"next\"");
        link
    });
    let mut response = json(StatusCode::OK, &page);
    if let Some(value) = link.and_then(|l| axum::http::HeaderValue::from_str(&l).ok()) {
        response
            .headers_mut()
            .insert(axum::http::header::LINK, value);
    }
    Ok(response)
}

/// Moves a submission's status (RECEIVED, PROCESSING, ACTION_REQUIRED, COMPLETED, REJECTED).
#[utoipa::path(post, path = "/admin/v1/submissions/{id}/status", tag = "back office",
    security(("admin" = [])), params(("id" = String, Path)), request_body = StatusChange,
    responses((status = 200, description = "The submission after the move", body = Submission),
        (status = 400, description = "The body unreadable", body = Problem),
        (status = 401, description = ADMIN_401, body = Problem),
        (status = 404, description = "No such submission; or the back office is not configured", body = Problem),
        (status = 409, description = "Move not allowed from the current status, or the status changed meanwhile", body = Problem),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 422, description = "A body not of this shape, or reasons missing for REJECTED", body = Problem),
        (status = 429, description = ADMIN_429, body = Problem)))]
pub async fn move_status(
    State(state): State<AppState>,
    _admin: Admin,
    Path(id): Path<String>,
    JsonBody(change): JsonBody<StatusChange>,
) -> Result<Response, Problem> {
    let submission = state.backend().admin_move_status(&id, change).await?;
    Ok(json(StatusCode::OK, &submission))
}

/// Sends an inbox message to a citizen or to a submission's owner.
#[utoipa::path(post, path = "/admin/v1/messages", tag = "back office", security(("admin" = [])),
    request_body = NewMessage,
    responses((status = 201, description = "Sent", body = Message),
        (status = 400, description = "The body unreadable", body = Problem),
        (status = 401, description = ADMIN_401, body = Problem),
        (status = 404, description = "No such submission; or the back office is not configured", body = Problem),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 422, description = "A body not of this shape, no recipient, or a document not accepted", body = Problem),
        (status = 429, description = ADMIN_429, body = Problem)))]
pub async fn send_message(
    State(state): State<AppState>,
    _admin: Admin,
    JsonBody(message): JsonBody<NewMessage>,
) -> Result<Response, Problem> {
    let message = state.backend().admin_send_message(message).await?;
    Ok(json(StatusCode::CREATED, &message))
}

/// What a key rotation did.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct KeyRotation {
    /// The authority's id in the catalog.
    pub destination: String,
    /// The `kid` of the encryption key now retired: it still opens submissions sealed to it.
    pub retired: String,
    /// The `kid` of the new encryption key, named in key sets from now on.
    pub current: String,
}

/// Rotates an authority's encryption key: key sets name a new key from now on, and the old
/// one still opens what was sealed to it before (submissions in flight). Apps that cached
/// the old key set send to the old key until they fetch the new one; both are accepted.
#[utoipa::path(post, path = "/admin/v1/destinations/{id}/keys/rotate", tag = "back office",
    security(("admin" = [])),
    params(("id" = String, Path, description = "The authority's id (domain::Authority.id)")),
    responses((status = 200, description = "Rotated", body = KeyRotation),
        (status = 401, description = ADMIN_401, body = Problem),
        (status = 404, description = "No authority with this id; or the back office is not configured", body = Problem),
        (status = 429, description = ADMIN_429, body = Problem)))]
pub async fn rotate_keys(
    State(state): State<AppState>,
    _admin: Admin,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    if !state
        .config()
        .catalog
        .authorities
        .iter()
        .any(|a| a.id == id)
    {
        return Err(Problem::not_found().detail("no authority with this id"));
    }
    // Making an RSA key takes seconds of CPU: not on the async workers.
    let destinations = state.backend().destinations().clone();
    let (retired, current) = tokio::task::spawn_blocking({
        let id = id.clone();
        move || destinations.rotate(&id)
    })
    .await
    .map_err(|_| Problem::internal())??;
    tracing::info!(destination = %id, %retired, %current, "destination encryption key rotated");
    Ok(json(
        StatusCode::OK,
        &KeyRotation {
            destination: id,
            retired,
            current,
        },
    ))
}
