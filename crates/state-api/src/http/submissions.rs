//! Submission, upload, status and inbox endpoints (citizen side, bearer auth).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{json, RawBody};
use crate::error::Problem;
use crate::service::submissions::Stored;
use crate::service::Citizen;
use crate::state::AppState;
use crate::wire::{
    AttachmentState, CreateSubmission, InboxPage, Submission, SubmissionPage, SubmitSubmission,
};

/// `?since=<cursor>`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Since {
    /// The highest `cursor` seen so far; 0 or absent for everything.
    #[serde(default)]
    pub since: i64,
}

pub(super) fn stored_response(stored: Stored, location: Option<String>) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        stored.body,
    )
        .into_response();
    if stored.replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    if let Some(location) = location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Creates a submission and announces its attachments. Repeat with the same key and body to
/// get the same answer.
#[utoipa::path(post, path = "/v1/submissions", tag = "submissions", operation_id = "create_submission",
    security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header, description = "The submission's UUID, made by the client; kept for good, and the citizen's own: another citizen's use of the same UUID is another submission")),
    request_body = CreateSubmission,
    responses(
        (status = 201, description = "Created (or the replay of the first answer, with Idempotent-Replayed: true)", body = Submission,
            headers(("Location" = String, description = "The submission's URL"))),
        (status = 400, description = "Idempotency-Key missing, sent twice, the nil UUID or not a UUID; body unreadable or not JSON", body = Problem),
        (status = 401, description = "No valid access token", body = Problem),
        (status = 409, description = "The first request with this key is still running (idempotency_key_in_flight), or the destination is not the authority responsible (destination_mismatch)", body = Problem),
        (status = 410, description = "The submission of this key expired unfinished: start over with a new id", body = Problem),
        (status = 413, description = "The body is over the limit, or the citizen's attachments would exceed their storage quota (quota_attachment_bytes)", body = Problem),
        (status = 422, description = "Key reused with another body, a body not of this shape (invalid_body), or field problems", body = Problem),
        (status = 429, description = "Too many requests (rate_limited), or the citizen's daily submission quota is reached (quota_submissions_per_day; Retry-After: the next day in Europe/Berlin)", body = Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    citizen: Citizen,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, Problem> {
    let key = super::idempotency_key(&headers)?;
    let stored = state
        .backend()
        .create_submission(&citizen, key.as_deref(), &body)
        .await?;
    let location = key.map(|k| format!("/v1/submissions/{}", k.trim().to_ascii_lowercase()));
    Ok(stored_response(stored, location))
}

/// The citizen's submissions changed after a cursor, oldest change first, 100 at most.
#[utoipa::path(get, path = "/v1/submissions", tag = "submissions", operation_id = "list_submissions",
    security(("bearer" = [])),
    params(Since),
    responses(
        (status = 200, description = "Changed submissions", body = SubmissionPage),
        (status = 400, description = "`since` is not a number", body = Problem),
        (status = 401, description = "No valid access token", body = Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    citizen: Citizen,
    Query(since): Query<Since>,
) -> Result<Response, Problem> {
    let page = state
        .backend()
        .submissions_since(&citizen, since.since)
        .await?;
    Ok(json(StatusCode::OK, &page))
}

/// One of the citizen's submissions, with its status history.
#[utoipa::path(get, path = "/v1/submissions/{id}", tag = "submissions", operation_id = "get_submission",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The submission id")),
    responses(
        (status = 200, description = "The submission", body = Submission),
        (status = 401, description = "No valid access token", body = Problem),
        (status = 404, description = "No such submission of this citizen", body = Problem),
    ))]
pub async fn get_one(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let submission = state.backend().submission(&citizen, &id).await?;
    Ok(json(StatusCode::OK, &submission))
}

// Raw bytes in a request or an answer: for the OpenAPI document only.
/// Raw bytes.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub(super) struct Binary(#[allow(dead_code)] Vec<u8>);

fn upload_headers(response: &mut Response, state: &AttachmentState) {
    let headers = response.headers_mut();
    headers.insert("upload-offset", HeaderValue::from(state.received));
    headers.insert("upload-length", HeaderValue::from(state.size));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// Uploads the next chunk of an announced attachment. Send `Upload-Offset` with the number of
/// bytes the server already holds (0 at first; after a broken connection ask with `HEAD`).
/// When the last byte arrives the SHA-512 is checked.
#[utoipa::path(patch, path = "/v1/submissions/{id}/attachments/{attachment_id}", tag = "submissions",
    security(("bearer" = [])),
    params(("id" = String, Path), ("attachment_id" = String, Path),
        ("Upload-Offset" = u64, Header, description = "Where this chunk starts")),
    request_body(description = "The chunk's bytes (the app sends them as application/offset+octet-stream; the media type is not checked)",
        content((Binary = "application/offset+octet-stream"), (Binary = "application/octet-stream"))),
    responses(
        (status = 200, description = "Stored; Upload-Offset says how many bytes the server holds", body = AttachmentState,
            headers(("Upload-Offset" = u64, description = "Bytes the server holds"), ("Upload-Length" = u64, description = "The announced size"))),
        (status = 400, description = "Upload-Offset missing or not a number (upload_offset_missing), or the body unreadable", body = Problem),
        (status = 401, description = "No valid access token", body = Problem),
        (status = 404, description = "No such submission of this citizen, or no such attachment announced", body = Problem),
        (status = 409, description = "Wrong offset (Upload-Offset header and upload_offset say where to go on), already submitted, or complete", body = Problem),
        (status = 410, description = "The submission expired", body = Problem),
        (status = 413, description = "Beyond the announced size or the chunk limit", body = Problem),
        (status = 422, description = "SHA-512 mismatch: the bytes were dropped, send again from 0", body = Problem),
    ))]
pub async fn upload_chunk(
    State(state): State<AppState>,
    citizen: Citizen,
    Path((id, attachment)): Path<(String, String)>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, Problem> {
    let offset = headers
        .get("upload-offset")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    // Stored and checked in a task of its own: a client that drops the connection while the
    // last chunk is being written must not leave the bytes stored but the attachment unchecked
    // (a dropped handler future would stop half-way).
    let work = tokio::spawn(async move {
        state
            .backend()
            .upload_chunk(&citizen, &id, &attachment, offset, body)
            .await
    });
    let attachment = work.await.map_err(|_| Problem::internal())??;
    let mut response = json(StatusCode::OK, &attachment);
    upload_headers(&mut response, &attachment);
    Ok(response)
}

/// How many bytes of an attachment the server holds (`Upload-Offset`), to resume an upload.
#[utoipa::path(head, path = "/v1/submissions/{id}/attachments/{attachment_id}", tag = "submissions",
    security(("bearer" = [])),
    params(("id" = String, Path), ("attachment_id" = String, Path)),
    responses(
        (status = 200, description = "Upload-Offset and Upload-Length headers",
            headers(("Upload-Offset" = u64, description = "Bytes the server holds"), ("Upload-Length" = u64, description = "The announced size"))),
        (status = 401, description = "No valid access token"),
        (status = 404, description = "No such submission of this citizen, or no such attachment announced"),
    ))]
pub async fn upload_state(
    State(state): State<AppState>,
    citizen: Citizen,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let attachment = state
        .backend()
        .upload_state(&citizen, &id, &attachment)
        .await?;
    let mut response = StatusCode::OK.into_response();
    upload_headers(&mut response, &attachment);
    Ok(response)
}

/// Submits the data. Refused (409) while an announced attachment is missing; validated (422
/// with every field problem) by the authority in process, or kept sealed (SUBMITTED) for an
/// authority apart, which decides later. Repeatable: the same body is answered again
/// (`Idempotent-Replayed`), with the submission as it stands now.
#[utoipa::path(post, path = "/v1/submissions/{id}/submit", tag = "submissions",
    security(("bearer" = [])),
    operation_id = "submit_submission",
    params(("id" = String, Path)),
    request_body = SubmitSubmission,
    responses(
        (status = 200, description = "Submitted (status SUBMITTED, then RECEIVED; SUBMITTED only, for an authority apart); a repeat gets the submission as it stands now", body = Submission),
        (status = 400, description = "The body unreadable or not JSON", body = Problem),
        (status = 401, description = "No valid access token", body = Problem),
        (status = 404, description = "No such submission of this citizen", body = Problem),
        (status = 409, description = "Attachments missing (errors list them), in progress, already submitted, or sealed to a key the authority no longer has (key_not_current)", body = Problem),
        (status = 410, description = "Expired unfinished: start over", body = Problem),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 422, description = "Validation failed (errors), a body not of this shape, not encrypted where an authority receives it, or submitted before with other data", body = Problem),
    ))]
pub async fn submit(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<String>,
    RawBody(body): RawBody,
) -> Result<Response, Problem> {
    // Like uploads: a submit the server began finishes even if the client goes away.
    let work = tokio::spawn(async move { state.backend().submit(&citizen, &id, &body).await });
    let stored = work.await.map_err(|_| Problem::internal())??;
    Ok(stored_response(stored, None))
}

/// Withdraws a sent application: its status becomes WITHDRAWN and the authority stops
/// working on it. Allowed from SUBMITTED until the authority decided; repeatable (a withdrawn
/// application answers as withdrawn).
#[utoipa::path(post, path = "/v1/submissions/{id}/withdrawal", tag = "submissions",
    security(("bearer" = [])),
    operation_id = "withdraw_submission",
    params(("id" = String, Path)),
    responses(
        (status = 200, description = "Withdrawn (status WITHDRAWN)", body = Submission),
        (status = 401, description = "No valid access token", body = Problem),
        (status = 404, description = "No such submission of this citizen", body = Problem),
        (status = 409, description = "not_withdrawable: not submitted yet, or already decided; or the status changed meanwhile", body = Problem),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let submission = state.backend().withdraw(&citizen, &id).await?;
    Ok(json(StatusCode::OK, &submission))
}

/// Messages from authorities to the citizen after a cursor, 100 at most.
#[utoipa::path(get, path = "/v1/inbox", tag = "inbox", security(("bearer" = [])),
    params(Since),
    responses(
        (status = 200, description = "Messages after the cursor", body = InboxPage),
        (status = 400, description = "`since` is not a number", body = Problem),
        (status = 401, description = "No valid access token", body = Problem),
    ))]
pub async fn inbox(
    State(state): State<AppState>,
    citizen: Citizen,
    Query(since): Query<Since>,
) -> Result<Response, Problem> {
    let page = state.backend().inbox_since(&citizen, since.since).await?;
    Ok(json(StatusCode::OK, &page))
}
