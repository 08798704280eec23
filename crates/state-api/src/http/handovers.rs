//! Handover mailboxes (#14): ciphertext from a shared tablet to the citizen's own phone. No
//! login; rate-limited per address like every public route. See `service::handovers`.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::submissions::Binary;
use super::{json, JsonBody, RawBody};
use crate::error::Problem;
use crate::state::AppState;
use crate::wire::{HandoverState, Pickup};

/// The path parameter's description, the same on every route.
const MAILBOX: &str = "The mailbox's name: 32 lower-case hex digits, derived from the handover \
    code (another name is answered 404)";

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Leaves a handover's content (ciphertext the server cannot open) in a mailbox nobody has
/// used, for 24 hours. Repeat with the same bytes to get the same state (200).
#[utoipa::path(put, path = "/v1/handovers/{mailbox}", tag = "handovers",
    operation_id = "put_handover",
    params(("mailbox" = String, Path, description = MAILBOX)),
    request_body(description = "The ciphertext, at most 32 MiB by default (the media type is not checked)",
        content((Binary = "application/octet-stream"))),
    responses(
        (status = 201, description = "Kept: it waits for its pickup until expiresAt", body = HandoverState),
        (status = 200, description = "These bytes were kept here already and still wait (a retry)", body = HandoverState),
        (status = 400, description = "An empty body (handover_empty), or the body unreadable", body = Problem),
        (status = 404, description = "Not a mailbox name", body = Problem),
        (status = 409, description = "handover_exists: the mailbox holds other bytes, or held a handover that was picked up or expired", body = Problem),
        (status = 413, description = "The body is over the limit (body_too_large)", body = Problem),
        (status = 503, description = "handover_storage_full: the waiting handovers hold all the bytes the server allows; retry after Retry-After seconds", body = Problem,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
pub async fn put(
    State(state): State<AppState>,
    Path(mailbox): Path<String>,
    RawBody(body): RawBody,
) -> Result<Response, Problem> {
    let (created, handover) = state.backend().put_handover(&mailbox, body).await?;
    let status = match created {
        true => StatusCode::CREATED,
        false => StatusCode::OK,
    };
    Ok(no_store(json(status, &handover)))
}

/// The handover's content, while it waits for its pickup.
#[utoipa::path(get, path = "/v1/handovers/{mailbox}", tag = "handovers",
    operation_id = "get_handover",
    params(("mailbox" = String, Path, description = MAILBOX)),
    responses(
        (status = 200, description = "The ciphertext as it was left (Cache-Control: no-store)",
            content((Binary = "application/octet-stream"))),
        (status = 404, description = "No handover was ever left here (or not a mailbox name)", body = Problem),
        (status = 410, description = "handover_used: picked up already; handover_expired: its time is over. The content is gone", body = Problem),
    ))]
pub async fn get(
    State(state): State<AppState>,
    Path(mailbox): Path<String>,
) -> Result<Response, Problem> {
    let content = state.backend().handover_content(&mailbox).await?;
    let response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/octet-stream")],
        content,
    );
    Ok(no_store(response.into_response()))
}

/// Confirms the pickup: the content is deleted and the mailbox is used. Send the same
/// `pickupId` again (a retry after a lost answer) to get the same answer.
#[utoipa::path(post, path = "/v1/handovers/{mailbox}/pickup", tag = "handovers",
    operation_id = "pick_up_handover",
    params(("mailbox" = String, Path, description = MAILBOX)),
    request_body = Pickup,
    responses(
        (status = 200, description = "Picked up by this pickup (now, or before: a retry)", body = HandoverState),
        (status = 404, description = "No handover was ever left here (or not a mailbox name)", body = Problem),
        (status = 410, description = "handover_used: picked up by another pickup; handover_expired: its time is over", body = Problem),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 422, description = "A body not of this shape (invalid_body), or pickupId not a random UUID (validation_failed, pickup_id_invalid)", body = Problem),
    ))]
pub async fn pick_up(
    State(state): State<AppState>,
    Path(mailbox): Path<String>,
    JsonBody(pickup): JsonBody<Pickup>,
) -> Result<Response, Problem> {
    let handover = state.backend().pick_up_handover(&mailbox, &pickup).await?;
    Ok(no_store(json(StatusCode::OK, &handover)))
}

/// Where a handover stands (waiting, picked up, expired), for the device that left it: never
/// its content.
#[utoipa::path(get, path = "/v1/handovers/{mailbox}/state", tag = "handovers",
    operation_id = "handover_state",
    params(("mailbox" = String, Path, description = MAILBOX)),
    responses(
        (status = 200, description = "Its stage and times", body = HandoverState),
        (status = 404, description = "No handover was ever left here (or not a mailbox name), or it was forgotten a week after its expiry", body = Problem),
    ))]
pub async fn handover_state(
    State(state): State<AppState>,
    Path(mailbox): Path<String>,
) -> Result<Response, Problem> {
    let handover = state.backend().handover_state(&mailbox).await?;
    Ok(no_store(json(StatusCode::OK, &handover)))
}
