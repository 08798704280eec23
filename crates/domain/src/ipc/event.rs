//! Events the shell emits to the UI (names for `listen`), each with its payload type in
//! `ipc`.

/// Payload [`super::SyncProgress`]: an outbox item moved on (queued, sending n of m, sent).
pub const SYNC_PROGRESS: &str = "sync-progress";
/// Payload [`super::Connectivity`]: the state API became reachable or unreachable.
pub const CONNECTIVITY: &str = "connectivity";
/// Payload `u32`: unread messages after an inbox fetch brought new ones.
pub const INBOX_UPDATED: &str = "inbox-updated";
/// Payload [`super::StatusChanged`]: a submission's status changed.
pub const STATUS_CHANGED: &str = "status-changed";
/// Payload [`super::SubmissionRefused`]: the state API refused a submission for good; it
/// waits for the person to correct it.
pub const SUBMISSION_REFUSED: &str = "submission-refused";
/// No payload: the login expired or was revoked; queued work waits for a new login.
pub const LOGIN_REQUIRED: &str = "login-required";
/// Payload [`super::AccessibilityReportView`]: a report of a barrier was sent (or refused).
pub const ACCESSIBILITY_REPORT_UPDATED: &str = "accessibility-report-updated";

/// Payload [`super::VisitEndedBy`]: an assisted session ended by itself (inactivity); the
/// window starts over.
pub const VISIT_ENDED: &str = "visit-ended";
/// Payload `u32`: an assisted session ends in this many seconds unless someone touches the
/// window.
pub const VISIT_ENDING_SOON: &str = "visit-ending-soon";

/// An event with its name and payload type together: the shell emits and the UI listens
/// through this, so a name can only go with its own payload (the compiler checks it).
pub trait ShellEvent {
    const NAME: &'static str;
    type Payload: serde::Serialize + serde::de::DeserializeOwned + Clone + 'static;
}

macro_rules! shell_events {
    ($($(#[$doc:meta])* $event:ident = $name:ident: $payload:ty;)*) => {$(
        $(#[$doc])*
        pub struct $event;
        impl ShellEvent for $event {
            const NAME: &'static str = $name;
            type Payload = $payload;
        }
    )*};
}

shell_events! {
    /// [`SYNC_PROGRESS`].
    SyncProgressed = SYNC_PROGRESS: super::SyncProgress;
    /// [`CONNECTIVITY`].
    ConnectivityChanged = CONNECTIVITY: super::Connectivity;
    /// [`INBOX_UPDATED`]: the unread count.
    InboxUpdated = INBOX_UPDATED: u32;
    /// [`STATUS_CHANGED`].
    StatusChanged = STATUS_CHANGED: super::StatusChanged;
    /// [`SUBMISSION_REFUSED`].
    SubmissionRefused = SUBMISSION_REFUSED: super::SubmissionRefused;
    /// [`LOGIN_REQUIRED`].
    LoginRequired = LOGIN_REQUIRED: ();
    /// [`ACCESSIBILITY_REPORT_UPDATED`].
    AccessibilityReportUpdated = ACCESSIBILITY_REPORT_UPDATED: super::AccessibilityReportView;
    /// [`VISIT_ENDED`].
    VisitEnded = VISIT_ENDED: super::VisitEndedBy;
    /// [`VISIT_ENDING_SOON`]: the seconds left.
    VisitEndingSoon = VISIT_ENDING_SOON: u32;
}
