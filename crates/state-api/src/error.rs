//! Errors: the library's [`Error`] (start-up and storage failures) and the HTTP [`Problem`]
//! (RFC 9457 `application/problem+json`) every endpoint answers with when it refuses.
//!
//! A problem carries a stable `code` clients branch on, never a message to match; it must
//! never carry personal data (answers, names) or internal details (SQL, paths).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// Why the server could not start or a storage operation failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("configuration: {0}")]
    Config(String),
    #[error("storage: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("a storage task failed: {0}")]
    Task(String),
    /// A PostgreSQL error: its SQLSTATE and message, never its detail (which may quote values).
    #[error("database: {}", crate::storage::postgres::describe(.0))]
    Postgres(#[from] ::postgres::Error),
    /// No connection from the pool in time (the database is down or every connection is busy).
    #[error("database connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    /// A write found its precondition gone (another request changed the record meanwhile).
    #[error("conflict: {0}")]
    Conflict(String),
}

/// One problem with one field of a submission or request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// A JSON pointer or FIM element id of the field (e.g. `/attachments/0/size`, `F60000227`).
    pub field: String,
    /// A stable code, e.g. `required`, `too_long`, `unknown_media_type`.
    pub code: String,
    /// A short English explanation for developers; the app shows its own localized text.
    pub detail: String,
    /// Arguments of the message (for form problems: the Fluent arguments).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub args: std::collections::BTreeMap<String, String>,
}

impl FieldProblem {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        FieldProblem {
            field: field.into(),
            code: code.into(),
            detail: detail.into(),
            args: Default::default(),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:thueringen-app:problem:<code>`).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The stable code (the last part of `type`).
    pub code: String,
    /// Field-level details, for validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// For a rate limit: seconds to wait (also sent as `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// For a resumable upload: how many bytes the server holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload_offset: Option<u64>,
}

impl Problem {
    pub fn new(status: StatusCode, code: &str, title: &str) -> Self {
        Problem {
            kind: format!("urn:thueringen-app:problem:{code}"),
            title: title.to_string(),
            status: status.as_u16(),
            detail: None,
            code: code.to_string(),
            errors: Vec::new(),
            retry_after: None,
            upload_offset: None,
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn errors(mut self, errors: Vec<FieldProblem>) -> Self {
        self.errors = errors;
        self
    }

    pub fn bad_request(code: &str, detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::BAD_REQUEST, code, "Bad request").detail(detail)
    }

    pub fn not_found() -> Self {
        Problem::new(StatusCode::NOT_FOUND, "not_found", "Not found")
    }

    /// The body is not JSON at all.
    pub fn malformed_json(error: &serde_json::Error) -> Self {
        Problem::bad_request("malformed_json", format!("the body is not JSON: {error}"))
    }

    /// The body is JSON but not of the request's shape.
    pub fn invalid_body(error: &serde_json::Error) -> Self {
        Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
            "Invalid request body",
        )
        .detail(error.to_string())
    }

    pub fn unauthorized() -> Self {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
        )
        .detail("send a valid bearer access token")
    }

    pub fn validation(errors: Vec<FieldProblem>) -> Self {
        Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "Validation failed",
        )
        .errors(errors)
    }

    pub fn internal() -> Self {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
        )
        .detail("the server could not complete the request; try again later")
    }

    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl From<Error> for Problem {
    fn from(error: Error) -> Self {
        if let Error::Conflict(why) = &error {
            // Another request (on this or another instance) changed the record between the
            // checks and the write: the client retries and then meets what that one did.
            tracing::info!(%why, "a write lost a race with another request");
            return Problem::new(
                StatusCode::CONFLICT,
                domain::problem::ProblemCode::SubmitInFlight.as_str(),
                "Changed meanwhile",
            )
            .detail("another request changed this submission meanwhile; retry later");
        }
        tracing::error!(%error, "request failed inside the server");
        Problem::internal()
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status_code();
        let retry_after = self.retry_after;
        let upload_offset = self.upload_offset;
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if let Some(offset) = upload_offset {
            headers.insert("upload-offset", HeaderValue::from(offset));
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
