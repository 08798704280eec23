//! Handing a draft over to the citizen's own phone (#14): the tablet shows a code (QR and
//! typed), the phone picks the draft up with it.

use serde::{Deserialize, Serialize};

/// Where a handover stands, as the device that handed over last learned it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandoverStage {
    /// The code works; the draft stays here until it is picked up.
    Waiting,
    /// Picked up: the draft is on the other device and was deleted here.
    PickedUp,
    /// Nobody picked it up in time: the draft stays here, the code works no more.
    Expired,
}

/// A QR symbol: `size` modules a side (quiet zone included), dark modules as an SVG path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrView {
    pub size: u32,
    pub path: String,
}

/// A draft handed over: the code to type or scan, until when it works, and where it stands.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverView {
    pub draft_id: String,
    pub stage: HandoverStage,
    /// The code in groups of four (`7K3M-Q9XA-…`); empty once picked up or expired.
    pub code: String,
    /// The same code as a QR symbol; `None` once picked up or expired.
    pub qr: Option<QrView>,
    /// Until when it can be picked up (RFC 3339).
    pub expires_at: String,
}

impl std::fmt::Debug for HandoverView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandoverView")
            .field("draft_id", &self.draft_id)
            .field("stage", &self.stage)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Picking a draft up with the code the other device shows.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiveHandoverRequest {
    pub code: String,
}

impl std::fmt::Debug for ReceiveHandoverRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiveHandoverRequest(<redacted>)")
    }
}
