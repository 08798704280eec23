//! The status of an application at the authority: the BundID / ZBP status values, plus the
//! rejection and the citizen's withdrawal. The state API keeps and sends them, the app reads
//! them, both through this one type: on the wire the SCREAMING_SNAKE names (`ACTION_REQUIRED`).

use serde::{Deserialize, Serialize};

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SubmissionStatus {
    /// Created, data not yet submitted.
    Initiated,
    Submitted,
    /// The authority took it in (its signed receipt).
    Received,
    Processing,
    /// The authority needs something from the citizen (an answer, a document).
    ActionRequired,
    Completed,
    Rejected,
    /// The citizen withdrew the application (the authority stops working on it).
    Withdrawn,
}

impl SubmissionStatus {
    pub const ALL: [SubmissionStatus; 8] = [
        SubmissionStatus::Initiated,
        SubmissionStatus::Submitted,
        SubmissionStatus::Received,
        SubmissionStatus::Processing,
        SubmissionStatus::ActionRequired,
        SubmissionStatus::Completed,
        SubmissionStatus::Rejected,
        SubmissionStatus::Withdrawn,
    ];

    /// The name as it travels and is stored.
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Initiated => "INITIATED",
            SubmissionStatus::Submitted => "SUBMITTED",
            SubmissionStatus::Received => "RECEIVED",
            SubmissionStatus::Processing => "PROCESSING",
            SubmissionStatus::ActionRequired => "ACTION_REQUIRED",
            SubmissionStatus::Completed => "COMPLETED",
            SubmissionStatus::Rejected => "REJECTED",
            SubmissionStatus::Withdrawn => "WITHDRAWN",
        }
    }

    /// A status by its name, in any case (`submitted` too).
    pub fn parse(text: &str) -> Option<SubmissionStatus> {
        SubmissionStatus::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text))
    }

    /// Whether the citizen may still withdraw an application in this status: once it is
    /// submitted and until the authority decided.
    pub fn can_be_withdrawn(self) -> bool {
        use SubmissionStatus::*;
        matches!(self, Submitted | Received | Processing | ActionRequired)
    }

    /// Whether the authority may move an application from `self` to `to`. Submitting is not
    /// the authority's move (only the citizen submits).
    pub fn can_move_to(self, to: SubmissionStatus) -> bool {
        use SubmissionStatus::*;
        matches!(
            (self, to),
            (Submitted, Received | Rejected)
                | (Received, Processing | ActionRequired | Completed | Rejected)
                | (Processing, ActionRequired | Completed | Rejected)
                | (ActionRequired, Processing | Completed | Rejected)
        )
    }
}

/// The status the person sees for a status at the authority (one mapping for the app's views
/// and the sync worker's events).
impl From<SubmissionStatus> for crate::ipc::ApplicationStatus {
    fn from(status: SubmissionStatus) -> Self {
        use crate::ipc::ApplicationStatus as Shown;
        match status {
            SubmissionStatus::Initiated => Shown::Initiated,
            SubmissionStatus::Submitted => Shown::Submitted,
            SubmissionStatus::Received => Shown::Received,
            SubmissionStatus::Processing => Shown::Processing,
            SubmissionStatus::ActionRequired => Shown::ActionRequired,
            SubmissionStatus::Completed => Shown::Completed,
            SubmissionStatus::Rejected => Shown::Rejected,
            SubmissionStatus::Withdrawn => Shown::Withdrawn,
        }
    }
}

impl std::fmt::Display for SubmissionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_travels_under_its_name_and_reads_back() {
        for status in SubmissionStatus::ALL {
            assert_eq!(
                serde_json::to_value(status).ok(),
                Some(serde_json::Value::from(status.as_str())),
                "{status} serializes as its name"
            );
            assert_eq!(
                serde_json::from_value::<SubmissionStatus>(status.as_str().into()).ok(),
                Some(status)
            );
            assert_eq!(SubmissionStatus::parse(status.as_str()), Some(status));
            assert_eq!(
                SubmissionStatus::parse(&status.as_str().to_lowercase()),
                Some(status)
            );
        }
        assert_eq!(SubmissionStatus::parse("DONE"), None);
    }

    #[test]
    fn withdrawal_ends_where_the_authority_decided() {
        use SubmissionStatus::*;
        let withdrawable: Vec<_> = SubmissionStatus::ALL
            .into_iter()
            .filter(|s| s.can_be_withdrawn())
            .collect();
        assert_eq!(
            withdrawable,
            vec![Submitted, Received, Processing, ActionRequired]
        );
        assert!(Submitted.can_move_to(Received));
        assert!(!Completed.can_move_to(Processing), "a decision is final");
        assert!(
            !Initiated.can_move_to(Submitted),
            "only the citizen submits"
        );
    }
}
