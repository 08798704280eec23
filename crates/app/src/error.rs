//! What can go wrong in the app's core, and what the person is told about it: every error
//! becomes an [`IpcError`] (a code the window acts on and a Fluent message id it shows) through
//! one `From`, so the shell maps errors with `?` and decides nothing about them.

use domain::ipc::{ErrorCode, IpcError};
use domain::reply::ReplyProblem;
use store::{KeychainError, StoreError};
use sync::SyncError;

/// An error of the app's core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The window sent something malformed (an id that is no UUID, a path, base64).
    #[error("the request is malformed")]
    InvalidRequest,
    /// What was asked for is not on this device (or not the person's).
    #[error("not found")]
    NotFound,
    /// A form definition the device holds cannot be compiled.
    #[error("the form definition is broken")]
    FormBroken,
    /// The general application goes to the office of the person's place: none is set.
    #[error("no place is set")]
    PlaceNeeded,
    /// The application is not sent, or already decided.
    #[error("the application cannot be withdrawn")]
    NotWithdrawable,
    /// The authority waits for no answer to this application.
    #[error("the authority waits for no answer")]
    NotAwaitingReply,
    /// The reply would be refused by the authority's rules.
    #[error("the reply is refused: {0:?}")]
    Reply(ReplyProblem),
    /// Only the person who sent it may act on it: someone else is logged in, or nobody.
    #[error("the login of the person who sent it is needed")]
    LoginRequired,
    /// A document of a message is not (or no longer) kept on the device.
    #[error("the document is not on the device")]
    DocumentMissing,
    /// A file (a printout, a document) could not be made or written.
    #[error("the file could not be saved ({0})")]
    SaveFailed(&'static str),
    /// A saved file could not be opened.
    #[error("the file could not be opened")]
    OpenFailed,
    /// The operating system refused notifications.
    #[error("notifications were refused")]
    NotificationsRefused,
    /// The system browser could not be opened for the login.
    #[error("no browser")]
    BrowserUnavailable,
    /// The store holds no catalog (it is seeded when the store is made).
    #[error("no catalog in the store")]
    CatalogMissing,
    /// The store could not be opened when the app started; what the person was told then.
    #[error("the store is not available")]
    StoreUnavailable(IpcError),
    #[error(transparent)]
    Storage(#[from] StoreError),
    #[error(transparent)]
    Sync(#[from] SyncError),
    /// The shared device is locked between sessions: its person's PIN first.
    #[error("the shared device is locked")]
    DeviceLocked,
    /// A PIN for a shared device must be 6 to 12 digits.
    #[error("the PIN is not acceptable")]
    PinUnacceptable,
    /// The PIN does not match.
    #[error("wrong PIN")]
    PinWrong,
    /// Too many wrong PINs: the next try waits.
    #[error("wait {seconds} s before the next PIN")]
    PinWait { seconds: u32 },
    /// What was typed or scanned is not a handover code.
    #[error("not a handover code")]
    HandoverCode,
    /// Nothing waits under this code (mistyped, or never handed over).
    #[error("no handover under this code")]
    HandoverUnknown,
    /// The handover was picked up already: a code works once.
    #[error("the handover was picked up already")]
    HandoverUsed,
    /// The handover's time is over.
    #[error("the handover expired")]
    HandoverExpired,
    /// The handover's content does not open or is not a draft this app reads.
    #[error("the handover is damaged")]
    HandoverDamaged,
    /// The handed over draft's form is unknown here and to the state API.
    #[error("the form of the handover is unknown")]
    HandoverFormUnknown,
    /// The draft with its files is over the state API's limit for a handover.
    #[error("the handover is too large")]
    HandoverTooLarge,
    /// The application is on its way to the authority already: it cannot be handed over.
    #[error("the application is on its way")]
    HandoverOnItsWay,
    /// Only a draft being edited can be handed over (not one already submitted).
    #[error("only a draft can be handed over")]
    HandoverNotADraft,
    /// A bug or a poisoned lock: nothing the person can act on.
    #[error("internal error ({0})")]
    Internal(&'static str),
}

impl From<Error> for IpcError {
    fn from(error: Error) -> IpcError {
        let plain = |code, message_id: &str| IpcError::new(code, message_id);
        match error {
            Error::InvalidRequest => plain(ErrorCode::InvalidRequest, "error-invalid-request"),
            Error::NotFound => plain(ErrorCode::NotFound, "error-not-found"),
            Error::FormBroken => plain(ErrorCode::Internal, "error-form-broken"),
            Error::PlaceNeeded => plain(ErrorCode::InvalidRequest, "error-place-needed"),
            Error::NotWithdrawable => plain(ErrorCode::InvalidRequest, "error-not-withdrawable"),
            Error::NotAwaitingReply => plain(ErrorCode::InvalidRequest, "error-not-awaiting-reply"),
            Error::Reply(problem) => {
                let error = plain(ErrorCode::InvalidRequest, problem.message_id());
                match problem.document() {
                    Some(name) => error.with_arg("name", name),
                    None => error,
                }
            }
            Error::LoginRequired => plain(ErrorCode::LoginRequired, "error-login-required"),
            Error::DocumentMissing => plain(ErrorCode::NotFound, "error-document-missing"),
            Error::SaveFailed(_) => plain(ErrorCode::Storage, "error-printout-failed"),
            Error::OpenFailed => plain(ErrorCode::NotFound, "error-printout-open-failed"),
            Error::NotificationsRefused => {
                plain(ErrorCode::InvalidRequest, "error-notifications-refused")
            }
            Error::BrowserUnavailable => plain(ErrorCode::Internal, "error-browser-unavailable"),
            Error::CatalogMissing => plain(ErrorCode::Storage, "error-storage"),
            Error::StoreUnavailable(told) => told,
            Error::Storage(error) => storage_error(error),
            Error::Sync(error) => sync_error(error),
            Error::DeviceLocked => plain(ErrorCode::InvalidRequest, "error-device-locked"),
            Error::PinUnacceptable => plain(ErrorCode::InvalidRequest, "error-pin-unacceptable"),
            Error::PinWrong => plain(ErrorCode::InvalidRequest, "error-pin-wrong"),
            Error::PinWait { seconds } => plain(ErrorCode::InvalidRequest, "error-pin-wait")
                .with_arg("seconds", seconds.to_string()),
            Error::HandoverCode => plain(ErrorCode::InvalidRequest, "error-handover-code"),
            Error::HandoverUnknown => plain(ErrorCode::NotFound, "error-handover-unknown"),
            Error::HandoverUsed => plain(ErrorCode::InvalidRequest, "error-handover-used"),
            Error::HandoverExpired => plain(ErrorCode::InvalidRequest, "error-handover-expired"),
            Error::HandoverDamaged => plain(ErrorCode::InvalidRequest, "error-handover-damaged"),
            Error::HandoverFormUnknown => plain(ErrorCode::NotFound, "error-handover-form-unknown"),
            Error::HandoverTooLarge => plain(ErrorCode::InvalidRequest, "error-handover-too-large"),
            Error::HandoverOnItsWay => {
                plain(ErrorCode::InvalidRequest, "error-handover-on-its-way")
            }
            Error::HandoverNotADraft => plain(ErrorCode::InvalidRequest, "error-already-submitted"),
            Error::Internal(_) => plain(ErrorCode::Internal, "error-internal"),
        }
    }
}

/// Maps a store error to what the person is told; `cause` tells the UI (and support) which
/// kind of storage problem it is, without personal data.
fn storage_error(error: StoreError) -> IpcError {
    let (code, message_id, cause) = match error {
        StoreError::Keychain(KeychainError::Locked { .. }) => (
            ErrorCode::Keychain,
            "error-keychain-locked",
            "keychain-locked",
        ),
        StoreError::Keychain(KeychainError::Unavailable { .. }) => (
            ErrorCode::Keychain,
            "error-keychain-unavailable",
            "keychain-unavailable",
        ),
        StoreError::NotFound { .. } => (ErrorCode::NotFound, "error-not-found", "not-found"),
        StoreError::InvalidState { .. } => (
            ErrorCode::InvalidRequest,
            "error-already-submitted",
            "invalid-state",
        ),
        StoreError::TooLarge { limit } => {
            return IpcError::new(ErrorCode::InvalidRequest, "error-attachment-too-large")
                .with_arg("limit_mb", (limit / (1024 * 1024)).to_string());
        }
        StoreError::HashMismatch => (
            ErrorCode::Storage,
            "error-attachment-corrupt",
            "hash-mismatch",
        ),
        other => {
            let (message_id, cause) = storage_message(other);
            (ErrorCode::Storage, message_id, cause)
        }
    };
    IpcError::new(code, message_id).with_arg("cause", cause)
}

fn storage_message(error: StoreError) -> (&'static str, &'static str) {
    match error {
        StoreError::DiskFull => ("error-disk-full", "disk-full"),
        StoreError::Keychain(_) => ("error-storage", "keychain"),
        StoreError::NotADatabase { .. } => ("error-storage", "unreadable"),
        StoreError::KeyMissing { .. } => ("error-storage", "key-missing"),
        StoreError::NotEncrypted => ("error-storage", "not-encrypted"),
        StoreError::UnexpectedPlaintext { .. } => ("error-storage", "unexpected-plaintext"),
        _ => ("error-storage", "storage"),
    }
}

/// Maps an error of the state-API client to what the person is told.
fn sync_error(error: SyncError) -> IpcError {
    match error {
        SyncError::Credentials(_) => {
            IpcError::new(ErrorCode::Keychain, "error-keychain-unavailable")
        }
        SyncError::LoginRequired | SyncError::Unauthorized => {
            IpcError::new(ErrorCode::LoginRequired, "error-login-required")
        }
        SyncError::Login(_) => IpcError::new(ErrorCode::LoginRequired, "error-login-failed"),
        _ => IpcError::new(ErrorCode::Network, "error-network"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn told(error: impl Into<Error>) -> (ErrorCode, String, Option<String>) {
        let ipc = IpcError::from(error.into());
        (ipc.code, ipc.message_id, ipc.args.get("cause").cloned())
    }

    #[test]
    fn the_person_is_told_what_happened_and_support_which_kind() {
        assert_eq!(
            told(StoreError::DiskFull),
            (
                ErrorCode::Storage,
                "error-disk-full".into(),
                Some("disk-full".into())
            )
        );
        assert_eq!(
            told(StoreError::Keychain(KeychainError::Locked {
                detail: "x".into()
            })),
            (
                ErrorCode::Keychain,
                "error-keychain-locked".into(),
                Some("keychain-locked".into())
            )
        );
        let too_large = IpcError::from(Error::from(StoreError::TooLarge {
            limit: 10 * 1024 * 1024,
        }));
        assert_eq!(too_large.message_id, "error-attachment-too-large");
        assert_eq!(
            too_large.args.get("limit_mb").map(String::as_str),
            Some("10")
        );
        assert_eq!(
            told(SyncError::LoginRequired),
            (
                ErrorCode::LoginRequired,
                "error-login-required".into(),
                None
            )
        );
        assert_eq!(
            told(Error::PlaceNeeded),
            (ErrorCode::InvalidRequest, "error-place-needed".into(), None)
        );
    }

    #[test]
    fn a_refused_reply_names_the_document() {
        let problems = domain::reply::problems(
            "Anbei",
            &[domain::reply::DocumentInfo {
                name: "virus.exe",
                media_type: "application/x-msdownload",
                size: 10,
            }],
        );
        let problem = problems.first().cloned().expect("a problem");
        let ipc = IpcError::from(Error::Reply(problem));
        assert_eq!(ipc.code, ErrorCode::InvalidRequest);
        assert_eq!(ipc.args.get("name").map(String::as_str), Some("virus.exe"));
    }
}
