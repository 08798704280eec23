//! Back office endpoints under `/admin/v1`, behind their own bearer credential.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::{json, Admin, JsonBody};
use crate::error::{FieldProblem, Problem};
use crate::state::AppState;
use crate::storage::Status;
use crate::wire::{Message, NewMessage, StatusChange, Submission};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct StatusFilter {
    /// Only submissions in this status (e.g. SUBMITTED).
    #[serde(default)]
    pub status: Option<String>,
}

/// All submissions, newest change first (500 at most).
#[utoipa::path(get, path = "/admin/v1/submissions", tag = "back office", security(("admin" = [])),
    params(StatusFilter),
    responses((status = 200, body = Vec<Submission>), (status = 401, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    _admin: Admin,
    Query(filter): Query<StatusFilter>,
) -> Result<Response, Problem> {
    let status = match filter.status.as_deref() {
        None | Some("") => None,
        Some(text) => Some(Status::parse(text).ok_or_else(|| {
            Problem::validation(vec![FieldProblem::new(
                "status",
                "unknown_status",
                "a BundID status",
            )])
        })?),
    };
    let list = state.backend().admin_submissions(status).await?;
    Ok(json(StatusCode::OK, &list))
}

/// Moves a submission's status (RECEIVED, PROCESSING, ACTION_REQUIRED, COMPLETED, REJECTED).
#[utoipa::path(post, path = "/admin/v1/submissions/{id}/status", tag = "back office",
    security(("admin" = [])), params(("id" = String, Path)), request_body = StatusChange,
    responses((status = 200, body = Submission), (status = 404, body = Problem),
        (status = 409, description = "Move not allowed from the current status", body = Problem),
        (status = 422, body = Problem)))]
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
    responses((status = 201, body = Message), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn send_message(
    State(state): State<AppState>,
    _admin: Admin,
    JsonBody(message): JsonBody<NewMessage>,
) -> Result<Response, Problem> {
    let message = state.backend().admin_send_message(message).await?;
    Ok(json(StatusCode::CREATED, &message))
}
