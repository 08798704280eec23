//! Errors: the library's [`Error`] (start-up and storage failures) and the HTTP [`Problem`]
//! (RFC 9457 `application/problem+json`, the wire's type, answered through its `axum`
//! feature) every endpoint answers with when it refuses.
//!
//! A problem carries a stable `code` clients branch on, never a message to match; it must
//! never carry personal data (answers, names) or internal details (SQL, paths).

use axum::http::StatusCode;

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

/// The problem document and its field problems: the wire's, which the app reads too.
pub use wire::{FieldProblem, Problem};

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
