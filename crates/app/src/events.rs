//! What the window is told about the sync engine's work: each `sync::SyncEvent`, in the
//! engine's own types, becomes the typed IPC events of `domain::ipc::event`. The shell emits
//! them; this decides what they say.

use domain::ipc::{
    AccessibilityReportView, ApplicationStatus, Connectivity, RefusedAnswer, StatusChanged,
    SubmissionRefused, SyncProgress,
};
use sync::{Reachability, Stage, SyncEvent};

use crate::App;

/// One event for the window, with its payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToWindow {
    Progress(SyncProgress),
    Connectivity(Connectivity),
    StatusChanged(StatusChanged),
    /// How many messages are unread.
    InboxUpdated(u32),
    Refused(SubmissionRefused),
    LoginRequired,
    ReportUpdated(AccessibilityReportView),
}

/// The status the person sees for a stage of sending.
fn shown(stage: Stage) -> ApplicationStatus {
    match stage {
        Stage::Queued => ApplicationStatus::Queued,
        Stage::Sending => ApplicationStatus::Sending,
        Stage::At(status) => status.into(),
    }
}

impl App {
    /// The events an engine event gives the window, in order. Progress, a status, a message or
    /// a report's answer means the state API answered: the app is online, even if it started
    /// offline and the worker never saw the network go away, so `Online` comes first. A
    /// report that cannot be read now gives nothing: the window reloads the list when it
    /// shows it.
    pub fn to_window(&self, event: SyncEvent) -> Vec<ToWindow> {
        let answered = matches!(
            event,
            SyncEvent::Progress(_)
                | SyncEvent::StatusChanged { .. }
                | SyncEvent::InboxUpdated { .. }
                | SyncEvent::ReportUpdated { .. }
        );
        let mut out = Vec::new();
        if answered {
            out.push(ToWindow::Connectivity(Connectivity::Online));
        }
        let event = match event {
            SyncEvent::Progress(progress) => Some(ToWindow::Progress(SyncProgress {
                submission_id: progress.submission_id.to_string(),
                status: shown(progress.stage),
                uploaded: progress.uploaded,
                attachments: progress.attachments,
            })),
            SyncEvent::Connectivity(Reachability::Online) => {
                Some(ToWindow::Connectivity(Connectivity::Online))
            }
            SyncEvent::Connectivity(Reachability::Offline) => {
                Some(ToWindow::Connectivity(Connectivity::Offline))
            }
            SyncEvent::StatusChanged {
                submission_id,
                status,
            } => Some(ToWindow::StatusChanged(StatusChanged {
                submission_id: submission_id.to_string(),
                status: status.into(),
            })),
            SyncEvent::InboxUpdated { unread, .. } => Some(ToWindow::InboxUpdated(unread)),
            SyncEvent::Refused {
                submission_id,
                problems,
            } => Some(ToWindow::Refused(SubmissionRefused {
                submission_id: submission_id.to_string(),
                problems: problems
                    .into_iter()
                    .map(|p| RefusedAnswer {
                        path: p.field,
                        message_id: p.code,
                        args: p.args,
                    })
                    .collect(),
            })),
            SyncEvent::LoginRequired => Some(ToWindow::LoginRequired),
            SyncEvent::ReportUpdated { report_id } => self
                .accessibility_report(report_id)
                .ok()
                .map(ToWindow::ReportUpdated),
            SyncEvent::Idle => None,
        };
        out.extend(event);
        out
    }
}

#[cfg(test)]
mod tests {
    use domain::status::SubmissionStatus;
    use sync::{FieldProblem, Progress};
    use uuid::Uuid;

    use crate::testing::TestApp;

    use super::*;

    #[test]
    fn the_window_hears_each_step_in_its_own_words() {
        let test = TestApp::new();
        let id = Uuid::from_u128(9);
        let online = ToWindow::Connectivity(Connectivity::Online);
        let progress = |stage| {
            SyncEvent::Progress(Progress {
                submission_id: id,
                stage,
                uploaded: 1,
                attachments: 2,
            })
        };
        let told = |status| {
            vec![
                online.clone(),
                ToWindow::Progress(SyncProgress {
                    submission_id: id.to_string(),
                    status,
                    uploaded: 1,
                    attachments: 2,
                }),
            ]
        };
        assert_eq!(
            test.app.to_window(progress(Stage::Sending)),
            told(ApplicationStatus::Sending)
        );
        assert_eq!(
            test.app.to_window(progress(Stage::Queued)),
            told(ApplicationStatus::Queued)
        );
        assert_eq!(
            test.app
                .to_window(progress(Stage::At(SubmissionStatus::Received))),
            told(ApplicationStatus::Received)
        );
        assert_eq!(
            test.app.to_window(SyncEvent::StatusChanged {
                submission_id: id,
                status: SubmissionStatus::ActionRequired,
            }),
            vec![
                online.clone(),
                ToWindow::StatusChanged(StatusChanged {
                    submission_id: id.to_string(),
                    status: ApplicationStatus::ActionRequired,
                })
            ]
        );
        assert_eq!(
            test.app.to_window(SyncEvent::InboxUpdated {
                unread: 3,
                new_messages: 1
            }),
            vec![online.clone(), ToWindow::InboxUpdated(3)]
        );
        // Going offline is said once, without "online" before it.
        assert_eq!(
            test.app
                .to_window(SyncEvent::Connectivity(Reachability::Offline)),
            vec![ToWindow::Connectivity(Connectivity::Offline)]
        );
        assert_eq!(
            test.app.to_window(SyncEvent::LoginRequired),
            vec![ToWindow::LoginRequired]
        );
        assert!(test.app.to_window(SyncEvent::Idle).is_empty());
        // A report the store does not have: online, and nothing else.
        assert_eq!(
            test.app
                .to_window(SyncEvent::ReportUpdated { report_id: id }),
            vec![online]
        );
    }

    #[test]
    fn a_refusal_names_the_answers_with_their_message_ids() {
        let test = TestApp::new();
        let id = Uuid::from_u128(4);
        let told = test.app.to_window(SyncEvent::Refused {
            submission_id: id,
            problems: vec![FieldProblem {
                field: "antragsteller.geburtsdatum".into(),
                code: "form-date-in-future".into(),
                detail: "not for the person".into(),
                args: [("max".to_string(), "2026-12-05".to_string())].into(),
            }],
        });
        assert_eq!(
            told,
            vec![ToWindow::Refused(SubmissionRefused {
                submission_id: id.to_string(),
                problems: vec![RefusedAnswer {
                    path: "antragsteller.geburtsdatum".into(),
                    message_id: "form-date-in-future".into(),
                    args: [("max".to_string(), "2026-12-05".to_string())].into(),
                }],
            })],
            "no 'online' for a refusal: it says nothing new about the connection"
        );
    }
}
