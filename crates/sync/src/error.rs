//! Errors of the sync engine, and the RFC 9457 problem documents the state API refuses with.
//!
//! Every error says whether trying again later can help ([`SyncError::is_transient`]), whether it
//! never will ([`SyncError::is_permanent`]), or whether the person must log in first
//! ([`SyncError::needs_login`]). Messages never carry tokens or personal data: problem
//! documents carry field paths and codes, not the values the person typed.

use std::time::Duration;

use domain::problem::ProblemCode;
use keychain::KeychainError;

/// The state API's problem document and its field problems: the wire's, the server's too.
pub use wire::{FieldProblem, Problem};

/// Why a call to the state API (or the login around it) did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// No connection, a timeout, a dropped connection or a cut-off answer: try again later.
    #[error("the state API cannot be reached: {0}")]
    Unreachable(String),
    /// The server refused with an error status, with its problem document when it sent one.
    #[error("the state API answered {status}{}", problem.as_ref().map(|p| format!(" ({})", p.code)).unwrap_or_default())]
    Refused {
        status: u16,
        problem: Option<Box<Problem>>,
        /// `Retry-After`, when the server sent one.
        retry_after: Option<Duration>,
    },
    /// The access token was not accepted (401).
    #[error("the state API did not accept the access token")]
    Unauthorized,
    /// There is no login, or it expired or was revoked: the person must log in again.
    #[error("login required")]
    LoginRequired,
    /// The login flow failed (denied, state mismatch, timed out, malformed redirect).
    #[error("login failed: {0}")]
    Login(String),
    /// The keychain could not keep or give the refresh token.
    #[error("credentials: {0}")]
    Credentials(#[from] KeychainError),
    /// The local store failed.
    #[error("local store: {0}")]
    Store(#[from] store::StoreError),
    /// The server answered something we cannot read.
    #[error("the state API's answer could not be read: {0}")]
    Malformed(String),
    #[error("invalid state API address {0:?}")]
    InvalidBaseUrl(String),
    /// The state API's address or TLS settings break the transport rules (plain HTTP outside
    /// loopback, a release without pins): a build configuration error, never retried.
    #[error("the connection to the state API would not be secure: {0}")]
    InsecureTransport(String),
    /// What is queued on the device cannot be sent as it is (a missing or damaged attachment).
    #[error("the queued data cannot be sent: {0}")]
    LocalData(String),
    /// The application belongs to another account than the one logged in now: it waits for
    /// its own person's login and is never sent as someone else.
    #[error("the application belongs to another account than the one logged in")]
    OtherAccount,
    /// The receiving authority's keys could not be trusted (not signed under the trust
    /// anchor, expired, or this build trusts no anchor): nothing is encrypted to them and the
    /// application waits.
    #[error("the authority's keys cannot be trusted: {0}")]
    DestinationKeys(String),
}

impl SyncError {
    /// Whether a later retry can succeed without anything changing on our side.
    pub fn is_transient(&self) -> bool {
        match self {
            SyncError::Unreachable(_) | SyncError::OtherAccount | SyncError::DestinationKeys(_) => {
                true
            }
            SyncError::Refused {
                status, problem, ..
            } => {
                *status >= 500
                    || *status == 429
                    || *status == 408
                    || (*status == 409
                        && problem
                            .as_ref()
                            .and_then(|p| p.known())
                            .is_some_and(ProblemCode::passes))
            }
            SyncError::Store(e) => {
                matches!(e, store::StoreError::Sqlite(_) | store::StoreError::Io(_))
            }
            _ => false,
        }
    }

    /// The person (or the app) must log in before this can work.
    pub fn needs_login(&self) -> bool {
        matches!(self, SyncError::Unauthorized | SyncError::LoginRequired)
    }

    /// Retrying the same request can never succeed: the person must change something.
    pub fn is_permanent(&self) -> bool {
        !self.is_transient() && !self.needs_login()
    }

    /// How long the server asked us to wait.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SyncError::Refused { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The HTTP status and problem code, if the server refused.
    pub fn problem(&self) -> Option<(u16, Option<&Problem>)> {
        match self {
            SyncError::Refused {
                status, problem, ..
            } => Some((*status, problem.as_deref())),
            _ => None,
        }
    }

    /// A short code for logs and the outbox's `last_error`: no personal data, no token.
    pub fn code(&self) -> String {
        match self {
            SyncError::Unreachable(_) => crate::plan::UNREACHABLE.into(),
            SyncError::Refused {
                status, problem, ..
            } => match problem {
                Some(p) if !p.code.is_empty() => format!("{status} {}", p.code),
                _ => status.to_string(),
            },
            SyncError::Unauthorized | SyncError::LoginRequired => "login_required".into(),
            SyncError::Login(_) => "login_failed".into(),
            SyncError::Credentials(_) => "keychain".into(),
            SyncError::Store(_) => "store".into(),
            SyncError::Malformed(_) => "malformed_answer".into(),
            SyncError::InvalidBaseUrl(_) => "invalid_base_url".into(),
            SyncError::InsecureTransport(_) => "insecure_transport".into(),
            SyncError::LocalData(_) => "local_data".into(),
            SyncError::OtherAccount => "other_account".into(),
            SyncError::DestinationKeys(_) => crate::seal::KEYS_UNTRUSTED.into(),
        }
    }
}

/// `Retry-After` as delta-seconds or an HTTP date (relative to `now`, Unix seconds).
pub fn parse_retry_after(value: &str, now_unix: i64) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = time::OffsetDateTime::parse(value, &time::format_description::well_known::Rfc2822)
        .ok()?
        .unix_timestamp();
    Some(Duration::from_secs(
        u64::try_from(at - now_unix).unwrap_or(0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, code: &str) -> SyncError {
        SyncError::Refused {
            status,
            problem: Some(Box::new(Problem {
                code: code.into(),
                status,
                ..Problem::default()
            })),
            retry_after: None,
        }
    }

    #[test]
    fn classification_drives_retries() {
        let cases = [
            (SyncError::Unreachable("reset".into()), true, false, false),
            (refused(503, ""), true, false, false),
            (refused(429, "rate_limited"), true, false, false),
            (
                refused(409, "idempotency_key_in_flight"),
                true,
                false,
                false,
            ),
            (refused(409, "attachment_complete"), false, true, false),
            (refused(422, "validation_failed"), false, true, false),
            (refused(410, "submission_expired"), false, true, false),
            (SyncError::Unauthorized, false, false, true),
            (SyncError::LoginRequired, false, false, true),
            (SyncError::Malformed("x".into()), false, true, false),
            (SyncError::LocalData("x".into()), false, true, false),
        ];
        for (error, transient, permanent, login) in cases {
            assert_eq!(error.is_transient(), transient, "transient: {error}");
            assert_eq!(error.is_permanent(), permanent, "permanent: {error}");
            assert_eq!(error.needs_login(), login, "needs login: {error}");
        }
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(
            parse_retry_after(" 3 ", 0),
            Some(Duration::from_secs(3)),
            "seconds"
        );
        let at = parse_retry_after("Thu, 01 Jan 1970 00:01:40 GMT", 40);
        assert_eq!(
            at,
            Some(Duration::from_secs(60)),
            "an HTTP date, relative to now"
        );
        assert_eq!(parse_retry_after("soon", 0), None, "nonsense is ignored");
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", 40),
            Some(Duration::ZERO),
            "a date in the past means now"
        );
    }
}
