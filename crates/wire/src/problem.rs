//! The state API's problem document (RFC 9457, `application/problem+json`), the one shape the
//! server writes when it refuses and the app reads. A problem carries a stable `code` clients
//! branch on (`domain::problem::ProblemCode` for the ones the app acts on), never a message to
//! match; it never carries personal data (answers, names) or internal details (SQL, paths).
//!
//! Reading is lenient (a proxy's or an older server's document with fields missing still
//! reads); the server always writes `type`, `title`, `status` and `code`, and the OpenAPI
//! schema says so.

use std::collections::BTreeMap;

use domain::problem::ProblemCode;
use serde::{Deserialize, Serialize};

/// One problem with one field of a submission or request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldProblem {
    /// A JSON pointer or FIM element id of the field (e.g. `/attachments/0/size`, `F60000227`).
    pub field: String,
    /// A stable code, e.g. `required`, `too_long`, `unknown_media_type`.
    pub code: String,
    /// A short English explanation for developers; the app shows its own localized text.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub detail: String,
    /// Arguments of the message (for form problems: the Fluent arguments).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:thueringen-app:problem:<code>`).
    #[serde(rename = "type", default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub kind: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The stable code (the last part of `type`).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
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
    /// A problem with its HTTP status (an `http::StatusCode` or its number), stable code and
    /// title.
    pub fn new(status: impl Into<u16>, code: &str, title: &str) -> Self {
        Problem {
            kind: format!("urn:thueringen-app:problem:{code}"),
            title: title.to_string(),
            status: status.into(),
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
        Problem::new(400u16, code, "Bad request").detail(detail)
    }

    pub fn not_found() -> Self {
        Problem::new(404u16, "not_found", "Not found")
    }

    /// The body is not JSON at all.
    pub fn malformed_json(error: &serde_json::Error) -> Self {
        Problem::bad_request("malformed_json", format!("the body is not JSON: {error}"))
    }

    /// The body is JSON but not of the request's shape.
    pub fn invalid_body(error: &serde_json::Error) -> Self {
        Problem::new(422u16, "invalid_body", "Invalid request body").detail(error.to_string())
    }

    pub fn unauthorized() -> Self {
        Problem::new(401u16, "unauthorized", "Authentication required")
            .detail("send a valid bearer access token")
    }

    pub fn validation(errors: Vec<FieldProblem>) -> Self {
        Problem::new(422u16, "validation_failed", "Validation failed").errors(errors)
    }

    pub fn internal() -> Self {
        Problem::new(500u16, "internal", "Internal error")
            .detail("the server could not complete the request; try again later")
    }

    /// The code, where it is one a client acts on.
    pub fn known(&self) -> Option<ProblemCode> {
        ProblemCode::parse(&self.code)
    }

    /// Whether this problem has `code`.
    pub fn is(&self, code: ProblemCode) -> bool {
        self.known() == Some(code)
    }
}

/// The server's answer with a problem (the `axum` feature, the server's): the status, the
/// document as `application/problem+json`, `Retry-After` and `Upload-Offset` where it names
/// them, and `WWW-Authenticate: Bearer` on a 401.
#[cfg(feature = "axum")]
impl axum::response::IntoResponse for Problem {
    fn into_response(self) -> axum::response::Response {
        use axum::http::{header, HeaderValue, StatusCode};
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let (retry_after, upload_offset) = (self.retry_after, self.upload_offset);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_leniently_and_writes_whole() {
        let sparse: Problem =
            serde_json::from_str(r#"{"code":"submit_in_flight"}"#).expect("a sparse problem");
        assert!(sparse.is(ProblemCode::SubmitInFlight));
        assert_eq!(sparse.status, 0, "what is missing reads as empty");
        let written = serde_json::to_value(Problem::not_found()).expect("JSON");
        assert_eq!(written["type"], "urn:thueringen-app:problem:not_found");
        assert_eq!(written["status"], 404);
        assert!(written.get("errors").is_none(), "empty lists are left out");
    }
}
