//! An assisted session ("Beratung") on a shared device: a Digitallotse lends the app to a
//! visitor, whose data lives in a store of its own with a key held in memory only, and whose
//! login is kept in memory only. Ending it deletes all of it.

use serde::{Deserialize, Serialize};

/// Whether an assisted session runs on this device now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct VisitView {
    pub active: bool,
    /// When it started (RFC 3339), while it runs.
    #[serde(default)]
    pub started_at: Option<String>,
    /// Minutes without input after which it ends by itself.
    pub idle_minutes: u32,
    /// The device is set up as shared (a Digitallotse's PIN guards it between sessions).
    #[serde(default)]
    pub shared: bool,
    /// Between sessions, locked: only the PIN, the catalog and starting a session answer.
    #[serde(default)]
    pub locked: bool,
}

/// Setting up (a PIN of 6 to 12 digits) or ending (`None`) a shared device.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevicePinRequest {
    pub pin: Option<String>,
}

impl std::fmt::Debug for DevicePinRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DevicePinRequest(<redacted>)")
    }
}

/// Unlocking a shared device.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnlockRequest {
    pub pin: String,
}

impl std::fmt::Debug for UnlockRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnlockRequest(<redacted>)")
    }
}

/// Ending an assisted session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndVisitRequest {
    /// End even though drafts or applications were not sent: they are deleted with the rest.
    /// Without it, a session that holds unsent work is not ended and the answer says what is
    /// unsent, so the visitor decides.
    pub discard_unsent: bool,
}

/// What ending an assisted session did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum VisitEnd {
    /// Ended: the session's store and login are gone from the device.
    Ended,
    /// Not ended: the visitor has drafts or applications not yet received by the state API.
    Unsent { drafts: u32, applications: u32 },
}

/// Why an assisted session ended without the button (payload of [`super::event::VISIT_ENDED`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitEndedBy {
    /// No input for [`VisitView::idle_minutes`].
    Inactivity,
}

/// The Digitallotse's record of assisted sessions on this device, by day (newest first), for
/// their volunteer report. Nothing about the visitors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct VisitReport {
    pub days: Vec<VisitDay>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitDay {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub sessions: u32,
    /// Sessions in which at least one application reached the state API.
    pub sent: u32,
    /// Sessions that ended with unsent work discarded.
    pub discarded: u32,
    /// The services worked on, by LeiKa key, with the number of sessions each.
    pub services: Vec<ServiceCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCount {
    pub leika_key: String,
    pub sessions: u32,
}
