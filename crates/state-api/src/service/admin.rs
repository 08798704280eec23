//! The simulated authority back office: list submissions, move statuses, send inbox messages.
//! Used by the `/admin/v1` endpoints and by the `state-api admin` CLI alike.
//!
//! It never acts for a citizen and is reachable only with the back office credential (HTTP) or
//! on the server's own data directory (CLI).

use axum::http::StatusCode;

use super::Backend;
use crate::error::{FieldProblem, Problem};
use crate::storage::{MessageRecord, Status, StatusEvent};
use crate::wire::{Message, NewMessage, StatusChange, Submission, SubmissionList};

/// The largest page of the back office listing.
pub const MAX_ADMIN_PAGE: usize = 500;

/// An opaque page cursor for the change cursor `cursor`.
fn page_cursor(cursor: i64) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("submissions:{cursor}"))
}

fn parse_page_cursor(text: &str) -> Option<i64> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim())
        .ok()?;
    String::from_utf8(bytes)
        .ok()?
        .strip_prefix("submissions:")?
        .parse()
        .ok()
}

/// The shortest back office token the server accepts.
pub const MIN_ADMIN_TOKEN_CHARS: usize = 32;

/// Refuses a configured back office token that is too short to resist guessing.
pub(crate) fn check_admin_token(token: Option<&str>) -> Result<(), crate::error::Error> {
    match token {
        Some(token) if token.chars().count() < MIN_ADMIN_TOKEN_CHARS => {
            Err(crate::error::Error::Config(format!(
                "the back office token must be at least {MIN_ADMIN_TOKEN_CHARS} characters"
            )))
        }
        _ => Ok(()),
    }
}

impl Backend {
    /// Checks the back office credential presented from `peer`. A failure is logged (never the
    /// presented value) and counted per peer address; too many lock that address out for a
    /// while, even with the right credential.
    pub async fn check_admin(
        &self,
        bearer: Option<&str>,
        peer: Option<std::net::IpAddr>,
    ) -> Result<(), Problem> {
        let Some(expected) = &self.config().admin_token else {
            return Err(Problem::not_found());
        };
        let key = match peer {
            Some(ip) => ip.to_string(),
            None => "unknown".to_string(),
        };
        let now = self.now();
        let locked = |until: i64| {
            let mut problem = Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "admin_locked",
                "Too many failed back office authentications",
            )
            .detail("this address is locked out of the back office for a while");
            problem.retry_after =
                Some(u64::try_from((until.saturating_sub(now) + 999) / 1000).unwrap_or(1));
            problem
        };
        let lookup = key.clone();
        if let Some(until) = self
            .shared(move |c| c.locked_until("admin", &lookup, now))
            .await?
        {
            return Err(locked(until));
        }
        if bearer.is_some_and(|given| super::same_secret(expected, given)) {
            let lookup = key.clone();
            self.shared(move |c| c.succeeded("admin", &lookup)).await?;
            return Ok(());
        }
        let peer = peer.map(|ip| ip.to_string()).unwrap_or_default();
        tracing::warn!(%peer, presented = bearer.is_some(), "back office authentication failed");
        let policy = self.lockout_policy("admin");
        if let Some(until) = self
            .shared(move |c| c.failed("admin", &key, now, &policy))
            .await?
        {
            tracing::warn!(%peer, "back office locked for this address after failed authentications");
            return Err(locked(until));
        }
        Err(Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Back office credential required",
        ))
    }

    /// A page of submissions, newest change first, optionally of one status: the first page,
    /// or the one after the opaque cursor `after` (a page's `next`). `limit` is capped at
    /// [`MAX_ADMIN_PAGE`]. A submission that changes while pages are read moves to the front.
    pub async fn admin_submissions(
        &self,
        status: Option<Status>,
        after: Option<&str>,
        limit: usize,
    ) -> Result<SubmissionList, Problem> {
        let before = match after {
            Some(cursor) => Some(parse_page_cursor(cursor).ok_or_else(|| {
                Problem::bad_request("cursor_invalid", "pass a page's next cursor unchanged")
            })?),
            None => None,
        };
        let limit = limit.clamp(1, MAX_ADMIN_PAGE);
        let mut records = self
            .db(move |s| s.all_submissions(status, before, limit + 1))
            .await?;
        let next = if records.len() > limit {
            records.truncate(limit);
            records.last().map(|r| page_cursor(r.cursor))
        } else {
            None
        };
        Ok(SubmissionList {
            items: records
                .iter()
                .map(crate::wire::submission_for_back_office)
                .collect(),
            next,
        })
    }

    /// Moves a submission's status, if the move is allowed.
    pub async fn admin_move_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Submission, Problem> {
        let lookup = id.to_string();
        let record = self
            .lookup(move |s| s.submission(&lookup))
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
        let sealed_apart = self.config().subscriber == crate::config::SubscriberMode::External
            && record.authority_id.is_some();
        if sealed_apart && change.status == Status::Received && record.receipt.is_none() {
            // Receiving opens the sealed parts to sign what arrived: the authority's program
            // does that, and posts its decision.
            return Err(Problem::new(
                StatusCode::CONFLICT,
                "status_move_not_allowed",
                "Move not allowed",
            )
            .detail(
                "the receiving authority runs apart: it receives through POST \
                 /admin/v1/submissions/{id}/decision",
            ));
        }
        if change.status == Status::Rejected && change.reasons.iter().all(|r| r.trim().is_empty()) {
            return Err(Problem::validation(vec![FieldProblem::new(
                "/reasons",
                "required",
                "a rejection needs at least one reason",
            )]));
        }
        let mut event = StatusEvent {
            status: change.status,
            at: self.now(),
            reasons: change.reasons,
            note: change.note,
            signed: None,
        };
        event.signed = self.signed_event(&record, &event).await?;
        let receipt = match (change.status, &record.data_sha512, &record.receipt) {
            (Status::Received, Some(hash), None) => {
                let attachments = self.received_attachments(&record).await?;
                self.signed_receipt(&record, hash, &attachments, event.at)
                    .await?
            }
            _ => None,
        };
        let (id, from) = (record.id.clone(), record.status);
        let moved = self
            .db(move |s| s.add_status(&id, &event, receipt.as_deref(), Some(from)))
            .await;
        if let Err(problem) = moved {
            if problem.status == 409 {
                return Err(Problem::new(
                    StatusCode::CONFLICT,
                    "status_changed",
                    "Changed meanwhile",
                )
                .detail("the submission's status changed meanwhile; read it again"));
            }
            return Err(problem);
        }
        tracing::info!(
            status = change.status.as_str(),
            "status moved by the back office"
        );
        let id = record.id.clone();
        let record = self
            .lookup(move |s| s.submission(&id))
            .await?
            .ok_or_else(Problem::internal)?;
        Ok(crate::wire::submission_for_back_office(&record))
    }

    /// Sends an inbox message to a citizen (or to the owner of a submission).
    pub async fn admin_send_message(&self, message: NewMessage) -> Result<Message, Problem> {
        let mut responsible = None;
        let mut about = None;
        let subject = match (&message.submission_id, &message.subject) {
            (Some(id), _) => {
                let lookup = id.clone();
                let record = self
                    .lookup(move |s| s.submission(&lookup))
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
        let documents = super::replies::message_documents(&message.documents)?;
        let mut record = MessageRecord {
            id: uuid::Uuid::new_v4().to_string(),
            subject,
            submission_id: about,
            title: message.title,
            body: message.body,
            at: self.now(),
            cursor: 0,
            sender,
            documents,
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
