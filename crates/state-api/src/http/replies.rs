//! Answering the authority (#18): the citizen's replies and the documents of messages.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::submissions::{stored_response, Binary};
use super::{json, Admin, RawBody};
use crate::error::Problem;
use crate::service::Citizen;
use crate::state::AppState;
use crate::wire::{NewReply, ReceivedReply, ReplyReceipt};

/// Answers an authority that needs something for an application (status ACTION_REQUIRED):
/// text and documents, encrypted for the receiving authority, which takes the application up
/// again (PROCESSING, its signed step). Repeat with the same key to get the same answer.
#[utoipa::path(post, path = "/v1/submissions/{id}/replies", tag = "submissions",
    security(("bearer" = [])),
    params(("id" = String, Path),
        ("Idempotency-Key" = String, Header, description = "The reply's UUID, made by the client")),
    request_body = NewReply,
    responses(
        (status = 201, description = "Received (or the replay of the first answer, with Idempotent-Replayed: true)", body = ReplyReceipt),
        (status = 400, description = "Idempotency-Key missing, sent twice or not a UUID; body unreadable or not JSON", body = Problem),
        (status = 401, description = "No valid access token", body = Problem),
        (status = 404, description = "No such submission of this citizen", body = Problem),
        (status = 409, description = "not_awaiting_reply: the application does not wait for an answer; the first request with this key is still running; or sealed to a key the authority no longer has (key_not_current)", body = Problem),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 422, description = "Field problems (codes are the app's Fluent message ids), a body not of this shape, key reused with another reply, encryption_required", body = Problem),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, Problem> {
    let key = super::idempotency_key(&headers)?;
    // Like a submit: a reply the server began is finished even if the client goes away.
    let work = tokio::spawn(async move {
        state
            .backend()
            .reply(&citizen, &id, key.as_deref(), &body)
            .await
    });
    let stored = work.await.map_err(|_| Problem::internal())??;
    Ok(stored_response(stored, None))
}

/// One document of a message in the citizen's inbox, as the authority sent it.
#[utoipa::path(get, path = "/v1/messages/{id}/documents/{document}", tag = "inbox",
    security(("bearer" = [])),
    params(("id" = String, Path), ("document" = String, Path)),
    responses(
        (status = 200, description = "The bytes, with the document's media type (its SHA-512 is in the message's `documents`)",
            content((Binary = "application/pdf"), (Binary = "image/jpeg"), (Binary = "image/png"))),
        (status = 401, description = "No valid access token", body = Problem),
        (status = 404, description = "No such document in this citizen's inbox", body = Problem),
    ))]
pub async fn message_document(
    State(state): State<AppState>,
    citizen: Citizen,
    Path((message, document)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let found = state
        .backend()
        .message_document(&citizen, &message, &document)
        .await?;
    let media_type = HeaderValue::from_str(&found.media_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let mut response = (StatusCode::OK, found.content).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, media_type);
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The replies to a submission, as the reference authority opened them (text, and each
/// document's name, size and hash).
#[utoipa::path(get, path = "/admin/v1/submissions/{id}/replies", tag = "back office",
    operation_id = "list_replies",
    security(("admin" = [])), params(("id" = String, Path)),
    responses((status = 200, description = "The replies, oldest first", body = Vec<ReceivedReply>),
        (status = 401, description = super::admin::ADMIN_401, body = Problem),
        (status = 404, description = "No such submission; or the back office is not configured", body = Problem),
        (status = 429, description = super::admin::ADMIN_429, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    _admin: Admin,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let replies = state.backend().admin_replies(&id).await?;
    Ok(json(StatusCode::OK, &replies))
}
