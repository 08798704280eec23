//! The simulated authority back office: list submissions, move statuses, send inbox messages.
//! Used by the `/admin/v1` endpoints and by the `state-api admin` CLI alike.
//!
//! It never acts for a citizen and is reachable only with the back office credential (HTTP) or
//! on the server's own data directory (CLI).

use axum::http::StatusCode;

use super::Backend;
use crate::error::{FieldProblem, Problem};
use crate::storage::{MessageRecord, Status, StatusEvent};
use crate::wire::{Message, NewMessage, StatusChange, Submission};

impl Backend {
    /// All submissions, newest change first, optionally of one status.
    pub async fn admin_submissions(
        &self,
        status: Option<Status>,
    ) -> Result<Vec<Submission>, Problem> {
        let records = self.db(move |s| s.all_submissions(status, 500)).await?;
        Ok(records.iter().map(Submission::for_back_office).collect())
    }

    /// Moves a submission's status, if the move is allowed.
    pub async fn admin_move_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Submission, Problem> {
        let lookup = id.to_string();
        let record = self
            .db(move |s| s.submission(&lookup))
            .await?
            .ok_or_else(|| Problem::not_found().detail("no such submission"))?;
        if !record.status.can_move_to(change.status) {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                "status_move_not_allowed",
                "Move not allowed",
            )
            .detail(format!(
                "{} cannot move to {}",
                record.status.as_str(),
                change.status.as_str()
            )));
        }
        if change.status == Status::Rejected && change.reasons.iter().all(|r| r.trim().is_empty()) {
            return Err(Problem::validation(vec![FieldProblem::new(
                "/reasons",
                "required",
                "a rejection needs at least one reason",
            )]));
        }
        let event = StatusEvent {
            status: change.status,
            at: self.now(),
            reasons: change.reasons,
            note: change.note,
        };
        let id = record.id.clone();
        self.db(move |s| s.add_status(&id, &event)).await?;
        tracing::info!(
            status = change.status.as_str(),
            "status moved by the back office"
        );
        let id = record.id.clone();
        let record = self
            .db(move |s| s.submission(&id))
            .await?
            .ok_or_else(Problem::internal)?;
        Ok(Submission::for_back_office(&record))
    }

    /// Sends an inbox message to a citizen (or to the owner of a submission).
    pub async fn admin_send_message(&self, message: NewMessage) -> Result<Message, Problem> {
        let mut responsible = None;
        let mut about = None;
        let subject = match (&message.submission_id, &message.subject) {
            (Some(id), _) => {
                let lookup = id.clone();
                let record = self
                    .db(move |s| s.submission(&lookup))
                    .await?
                    .ok_or_else(|| Problem::not_found().detail("no such submission"))?;
                responsible = record.authority_id.clone();
                // The citizen knows the submission by their own id.
                about = Some(record.key.clone());
                record.subject
            }
            (None, Some(subject)) => subject.clone(),
            (None, None) => {
                return Err(Problem::validation(vec![FieldProblem::new(
                    "/subject",
                    "required",
                    "name a citizen subject or a submission id",
                )]))
            }
        };
        if message.title.trim().is_empty() {
            return Err(Problem::validation(vec![FieldProblem::new(
                "/title", "required", "a title",
            )]));
        }
        // The writer as the citizen sees it: named by the back office, else the authority
        // responsible for the submission (authority names are German proper names).
        let sender = match message.sender.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => responsible
                .and_then(|id| {
                    self.config()
                        .catalog
                        .authorities
                        .iter()
                        .find(|a| a.id == id)
                        .map(|a| a.name.get(domain::Language::De).to_string())
                })
                .unwrap_or_default(),
        };
        let mut record = MessageRecord {
            id: uuid::Uuid::new_v4().to_string(),
            subject,
            submission_id: about,
            title: message.title,
            body: message.body,
            at: self.now(),
            cursor: 0,
            sender,
        };
        let stored = record.clone();
        record.cursor = self.db(move |s| s.add_message(&stored)).await?;
        tracing::info!("inbox message sent by the back office");
        Ok(Message::from(&record))
    }

    /// `GET /v1/inbox?since=`: the citizen's messages after a cursor.
    pub async fn inbox_since(
        &self,
        citizen: &super::Citizen,
        since: i64,
    ) -> Result<crate::wire::InboxPage, Problem> {
        let subject = citizen.subject.clone();
        let records = self.db(move |s| s.messages(&subject, since, 100)).await?;
        let cursor = records.iter().map(|m| m.cursor).max().unwrap_or(since);
        let more = records.len() == 100;
        Ok(crate::wire::InboxPage {
            items: records.iter().map(Message::from).collect(),
            cursor,
            more,
        })
    }
}
