//! The outbox worker: the IO executor of [`crate::plan`]. It claims due outbox rows, creates
//! each submission with its Idempotency-Key, uploads the attachments resumably (HEAD for the
//! offset, PATCH chunks), submits, and records every outcome in the store; it polls status
//! and inbox with since-cursors and reports everything as [`SyncEvent`]s for the UI.
//!
//! Restart safety: the server is the record of progress. A restarted worker puts rows left
//! `sending` back to `pending` ([`store::Store::outbox_recover`]), the create is replayed by
//! its key, `HEAD` says how much of each attachment arrived, and the upload goes on from
//! there; a submit is replayed too. Nothing can arrive twice: every request is keyed by the
//! submission's id (or its derived restart id after a 410, see [`crate::plan::server_id`]).
//!
//! What it must never do: drop a queued submission (only a refusal by the server fails it, and
//! then the reasons go back to the person), spin while offline or logged out, hold the store
//! lock across a network call, or log answers, attachments or tokens.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use domain::ipc::{ApplicationStatus, Connectivity, SyncProgress};
use domain::problem::ProblemCode;
use keychain::Secret;
use rand::Rng;
use store::{InboxMessage, Owner, StatusChange, Store, SubmissionStatus, UnixMillis};
use tokio::sync::{mpsc, Notify};
use tokio::task::JoinSet;
use uuid::Uuid;

use crate::auth::Session;
use crate::error::{FieldProblem, SyncError};
use crate::plan::{self, Policy, Reach, Record, Step};
use crate::wire;

/// What the engine tells the shell (which forwards it to the UI as `domain::ipc::event`s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEvent {
    /// [`domain::ipc::event::SYNC_PROGRESS`]: sending (n of m attachments), sent, received.
    Progress(SyncProgress),
    /// [`domain::ipc::event::CONNECTIVITY`].
    Connectivity(Connectivity),
    /// [`domain::ipc::event::STATUS_CHANGED`].
    StatusChanged {
        submission_id: Uuid,
        status: ApplicationStatus,
    },
    /// [`domain::ipc::event::INBOX_UPDATED`]: new messages arrived; this many are unread.
    InboxUpdated {
        unread: u32,
        /// How many messages this poll brought that the device did not have (documents of
        /// known messages arriving later change the inbox too, but are no new message).
        new_messages: u32,
    },
    /// The state API refused a submission for good; it is `failed` in the outbox with these
    /// field problems, for the person to correct and send again.
    Refused {
        submission_id: Uuid,
        problems: Vec<FieldProblem>,
    },
    /// The login expired or was revoked: the UI asks the person to log in; queued work waits.
    LoginRequired,
    /// A report of an accessibility problem was confirmed (or refused) by the state API; the
    /// shell reads it from the store and emits
    /// [`domain::ipc::event::ACCESSIBILITY_REPORT_UPDATED`].
    ReportUpdated { report_id: Uuid },
    /// The outbox is empty of due work (sent, failed or waiting for a later time).
    Idle,
}

impl SyncEvent {
    /// The IPC event name and JSON payload the shell emits to the UI, per `domain::ipc::event`.
    /// `LoginRequired` and `Idle` have no event of their own: the shell refreshes the account
    /// view (`needs_login`) or does nothing. A refusal is reported as a status change back to
    /// `DRAFT` with the field problems (the contract has no refusal event yet).
    pub fn to_ipc(&self) -> Option<(&'static str, serde_json::Value)> {
        use domain::ipc::event;
        let json = |value: serde_json::Result<serde_json::Value>| value.ok();
        match self {
            SyncEvent::Progress(progress) => {
                Some((event::SYNC_PROGRESS, json(serde_json::to_value(progress))?))
            }
            SyncEvent::Connectivity(state) => {
                Some((event::CONNECTIVITY, json(serde_json::to_value(state))?))
            }
            SyncEvent::StatusChanged {
                submission_id,
                status,
            } => Some((
                event::STATUS_CHANGED,
                serde_json::json!({"submission_id": submission_id.to_string(), "status": status}),
            )),
            SyncEvent::InboxUpdated { unread, .. } => {
                Some((event::INBOX_UPDATED, serde_json::json!(unread)))
            }
            SyncEvent::Refused {
                submission_id,
                problems,
            } => Some((
                event::STATUS_CHANGED,
                serde_json::json!({
                    "submission_id": submission_id.to_string(),
                    "status": ApplicationStatus::Draft,
                    "problems": problems,
                }),
            )),
            SyncEvent::LoginRequired | SyncEvent::Idle | SyncEvent::ReportUpdated { .. } => None,
        }
    }
}

/// The worker's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerConfig {
    pub policy: Policy,
    /// Bytes per upload request.
    pub chunk_size: usize,
    /// How often status and inbox are polled while online.
    pub poll_interval: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            policy: Policy::default(),
            chunk_size: 256 * 1024,
            poll_interval: Duration::from_secs(60),
        }
    }
}

/// The time source: Unix milliseconds. The shell passes its one clock (`src-tauri/src/clock.rs`);
/// tests pass their own. This crate never reads the time for the worker's decisions.
pub type Clock = Arc<dyn Fn() -> UnixMillis + Send + Sync>;

/// How many times a submission is started over after its earlier try expired (410).
const MAX_GENERATIONS: u32 = 64;

/// A running worker. Dropping it stops it (in-flight requests are abandoned; the next start
/// resumes them safely).
pub struct Worker {
    wake: Arc<Notify>,
    task: tokio::task::JoinHandle<()>,
}

impl Worker {
    /// Starts the worker on the tokio runtime. `store` is shared with the shell (each call locks
    /// it briefly); `rng` is the jitter source (the shell seeds it from entropy, tests from a
    /// fixed seed); `events` receives every [`SyncEvent`].
    pub fn start<R: Rng + Send + 'static>(
        store: Arc<Mutex<Store>>,
        session: Arc<Session>,
        config: WorkerConfig,
        rng: R,
        clock: Clock,
        events: mpsc::UnboundedSender<SyncEvent>,
    ) -> Worker {
        let wake = Arc::new(Notify::new());
        let engine = Engine {
            store,
            session,
            config,
            clock,
            events,
            wake: wake.clone(),
            reach: Reach::Online,
            submission_cursor: 0,
            inbox_cursor: 0,
            next_poll: 0,
            back_online_at: 0,
            scanned_at: 0,
        };
        let task = tokio::spawn(engine.run(rng));
        Worker { wake, task }
    }

    /// Something changed (a submission was queued, the network came back, the person logged
    /// in): look now instead of at the next planned time.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Stops the worker and waits until it has.
    pub async fn stop(mut self) {
        self.task.abort();
        let _ = (&mut self.task).await;
    }

    /// Whether the worker's task ended (it only ends when stopped or on a store failure).
    pub fn is_finished(&self) -> bool {
        self.task.is_finished()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.task.abort();
    }
}

struct Engine {
    store: Arc<Mutex<Store>>,
    session: Arc<Session>,
    config: WorkerConfig,
    clock: Clock,
    events: mpsc::UnboundedSender<SyncEvent>,
    wake: Arc<Notify>,
    reach: Reach,
    submission_cursor: i64,
    inbox_cursor: i64,
    next_poll: UnixMillis,
    /// When the server last became reachable again after an outage.
    back_online_at: UnixMillis,
    /// When every outbox row was last read.
    scanned_at: UnixMillis,
}

fn lock(store: &Mutex<Store>) -> Result<std::sync::MutexGuard<'_, Store>, SyncError> {
    store
        .lock()
        .map_err(|_| SyncError::Malformed("the store lock is poisoned".into()))
}

pub(crate) fn parse_time(rfc3339: &str) -> Option<UnixMillis> {
    let t = time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
        .ok()?;
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).ok()
}

/// The SHA-512 (lower-case hex) of an application's data in its canonical form
/// (`domain::receipt`), as the state API computes it on arrival.
pub fn data_sha512(data: &serde_json::Value) -> String {
    use sha2::{Digest, Sha512};
    hex::encode(Sha512::digest(
        domain::receipt::canonical_json(data).as_bytes(),
    ))
}

/// The state API's status history of a submission as the store keeps it: every step with its
/// time and note (a refusal's reasons as its note) and the verdict on the authority's
/// signature of it (`signatures`, by position; see [`crate::events::judge_steps`]); steps of an
/// unknown name are left out.
pub fn status_history(
    submission: &wire::Submission,
    signatures: &[Option<domain::receipt::StepSignature>],
) -> Vec<StatusChange> {
    submission
        .status_history
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            Some(StatusChange {
                status: SubmissionStatus::from_name(&e.status)?,
                at: parse_time(&e.at)?,
                note: e
                    .note
                    .clone()
                    .or_else(|| (!e.reasons.is_empty()).then(|| e.reasons.join("; "))),
                signature: signatures.get(i).copied().flatten(),
            })
        })
        .collect()
}

/// [`status_history`] with the verdict on each step's signature, checked against the
/// destination's key set ([`crate::events::judge_steps`]): what the poll, the submit and a
/// withdrawal all record.
pub async fn judged_history(
    client: &crate::StateApiClient,
    submission: &wire::Submission,
    now: UnixMillis,
) -> Vec<StatusChange> {
    let signatures = crate::events::judge_steps(client, submission, parse_time, now).await;
    status_history(submission, &signatures)
}

/// Checks the signed receipt a submission carries (if any) against the trust anchors and what
/// this device sent, and keeps the verdict. A failure to read or write the store only means
/// the receipt is checked again with the next change.
async fn keep_receipt(
    store: &Arc<Mutex<Store>>,
    client: &crate::StateApiClient,
    id: Uuid,
    owner: &Owner,
    submission: &wire::Submission,
    now: UnixMillis,
) {
    if submission.receipt.is_none() {
        return;
    }
    let sent = match lock(store).and_then(|s| crate::receipt::Sent::of(&s, id, owner)) {
        Ok(Some(sent)) => sent,
        _ => return,
    };
    if let Some(checked) = crate::receipt::check(client, submission, &sent, now).await {
        if let Ok(store) = lock(store) {
            let _ = store.record_signed_receipt(id, &checked);
        }
    }
}

type Attempt = (Uuid, u32, Result<wire::Submission, SyncError>);

impl Engine {
    fn now(&self) -> UnixMillis {
        (self.clock)()
    }

    fn emit(&self, event: SyncEvent) {
        let _ = self.events.send(event);
    }

    fn set_reach(&mut self, reach: Reach) {
        let was_online = self.reach == Reach::Online;
        let was_offline = matches!(self.reach, Reach::Offline { .. });
        self.reach = reach;
        match reach {
            Reach::Offline { probes: 0 } if !was_offline => {
                self.emit(SyncEvent::Connectivity(Connectivity::Offline))
            }
            Reach::Online if !was_online => {
                if was_offline {
                    self.back_online_at = self.now();
                    self.emit(SyncEvent::Connectivity(Connectivity::Online));
                }
                self.next_poll = 0;
            }
            Reach::LoginRequired if was_online || was_offline => {
                self.emit(SyncEvent::LoginRequired)
            }
            _ => {}
        }
    }

    async fn run<R: Rng>(mut self, mut rng: R) {
        if let Ok(store) = lock(&self.store) {
            let _ = store.outbox_recover(self.now());
        }
        let mut flying: JoinSet<Attempt> = JoinSet::new();
        let mut in_flight: Vec<Uuid> = Vec::new();
        let mut logins = self.session.logins();
        let mut was_busy = true;
        loop {
            let entries = match self.entries(in_flight.len()) {
                Ok(entries) => entries,
                Err(_) => {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            };
            // Reports of barriers need no login: they go whenever the server is reachable.
            if !matches!(self.reach, Reach::Offline { .. })
                && self.report_due_in().is_some_and(|wait| wait.is_zero())
                && self.deliver_reports(rng.gen::<f64>()).await
            {
                continue;
            }
            // Replies to an authority go under their writer's login whenever it is reachable.
            if self.reach == Reach::Online
                && self.reply_due_in().is_some_and(|wait| wait.is_zero())
                && self.deliver_replies(rng.gen::<f64>()).await
            {
                continue;
            }
            // Status and inbox are polled when nothing is due, or when a long queue has kept
            // them waiting for four intervals: sending comes first.
            let now = self.now();
            let interval = i64::try_from(self.config.poll_interval.as_millis()).unwrap_or(i64::MAX);
            let nothing_due = !entries
                .iter()
                .any(|e| plan::is_due(e, now, self.back_online_at));
            if self.reach == Reach::Online
                && now >= self.next_poll
                && (nothing_due || now >= self.next_poll.saturating_add(interval.saturating_mul(4)))
            {
                self.next_poll = now.saturating_add(interval);
                if let Err(error) = self.poll().await {
                    self.note_error(&error).await;
                }
                continue;
            }
            let step = plan::next_step(
                &self.config.policy,
                self.reach,
                &entries,
                &in_flight,
                self.now(),
                self.back_online_at,
                rng.gen::<f64>(),
            );
            let wait = match step {
                Step::Send(ids) => {
                    was_busy = true;
                    for id in ids {
                        let claimed =
                            lock(&self.store).and_then(|s| Ok(s.outbox_claim(id, self.now())?));
                        let Ok(entry) = claimed else { continue };
                        in_flight.push(id);
                        let job = Job {
                            store: self.store.clone(),
                            session: self.session.clone(),
                            owner: entry.owner.clone(),
                            events: self.events.clone(),
                            chunk: self.config.chunk_size.max(1),
                            clock: self.clock.clone(),
                        };
                        flying.spawn(async move { (id, entry.attempts, job.send(id).await) });
                    }
                    continue;
                }
                Step::AwaitLogin => {
                    if !self.session.needs_login().await {
                        // A login finished while the last attempts were failing.
                        self.set_reach(Reach::Online);
                        continue;
                    }
                    Some(self.until_report_due(self.config.policy.idle))
                }
                Step::Probe { after } => Some(after),
                Step::Sleep(wait) => {
                    if in_flight.is_empty()
                        && was_busy
                        && !entries.iter().any(|e| {
                            e.state == store::OutboxState::Pending
                                && e.next_attempt_at <= self.now()
                        })
                    {
                        was_busy = false;
                        self.emit(SyncEvent::Idle);
                    }
                    Some(self.until_poll_due(self.until_report_due(wait)))
                }
            };
            let probing = matches!(step, Step::Probe { .. });
            let sleep = tokio::time::sleep(wait.unwrap_or(Duration::from_secs(3600)));
            tokio::select! {
                Some(joined) = flying.join_next(), if !flying.is_empty() => {
                    if let Ok((id, attempts, result)) = joined {
                        in_flight.retain(|f| *f != id);
                        self.record(id, attempts, result, rng.gen::<f64>()).await;
                    }
                }
                _ = self.wake.notified() => {
                    if let Reach::Offline { .. } = self.reach { self.probe().await; }
                }
                changed = logins.changed() => {
                    if changed.is_ok() {
                        // A login finished, perhaps of another person (a shared tablet). The
                        // server's cursors count everyone's changes, so the last person's
                        // cursor could skip this person's older statuses and messages: read
                        // from the start (what is stored already is only updated).
                        self.submission_cursor = 0;
                        self.inbox_cursor = 0;
                        self.next_poll = 0;
                        if self.reach == Reach::LoginRequired {
                            self.set_reach(Reach::Online);
                        }
                    }
                }
                _ = sleep => {
                    if probing { self.probe().await; }
                }
            }
        }
    }

    /// The rows the planner needs: while rows are due, only those (cheap with a long queue);
    /// otherwise, and right after coming back online, every row.
    fn entries(&mut self, in_flight: usize) -> Result<Vec<store::OutboxEntry>, SyncError> {
        let store = lock(&self.store)?;
        let now = self.now();
        if self.scanned_at >= self.back_online_at {
            let limit =
                u32::try_from(self.config.policy.concurrency + in_flight).unwrap_or(u32::MAX);
            let due = store.outbox_due(now, limit)?;
            if !due.is_empty() {
                return Ok(due);
            }
        }
        self.scanned_at = now;
        Ok(store.outbox_entries()?)
    }

    /// How long until the next waiting report is due (zero when one is due now).
    fn report_due_in(&self) -> Option<Duration> {
        let due = lock(&self.store).ok()?.next_report_due().ok()??;
        let ms = due.saturating_sub(self.now()).max(0);
        Some(Duration::from_millis(u64::try_from(ms).unwrap_or(0)))
    }

    /// `wait`, or less when a report is due earlier (but not below the policy's floor).
    /// `wait`, or less when the status and inbox poll falls due sooner: while online, the
    /// poll runs every `poll_interval`, not only when the planner's idle wait ends (with a
    /// 2-second interval, messages took the 60-second idle wait to show). A poll already due
    /// but held back by sends does not shorten the wait, so the loop never spins.
    fn until_poll_due(&self, wait: Duration) -> Duration {
        let until = self.next_poll.saturating_sub(self.now());
        if self.reach != Reach::Online || until <= 0 {
            return wait;
        }
        wait.min(Duration::from_millis(u64::try_from(until).unwrap_or(0)))
    }

    fn until_report_due(&self, wait: Duration) -> Duration {
        let replies = match self.reach {
            Reach::Online => self.reply_due_in(),
            _ => None,
        };
        match self.report_due_in().into_iter().chain(replies).min() {
            Some(due) => wait.min(due.max(self.config.policy.floor)),
            None => wait,
        }
    }

    /// How long until the logged-in person's next waiting reply is due.
    fn reply_due_in(&self) -> Option<Duration> {
        let due = lock(&self.store).ok()?.next_reply_due().ok()??;
        let ms = due.saturating_sub(self.now()).max(0);
        Some(Duration::from_millis(u64::try_from(ms).unwrap_or(0)))
    }

    /// Sends the due replies ([`crate::replies::deliver`]) and tells the UI which
    /// applications changed. Returns whether anything was recorded.
    async fn deliver_replies(&mut self, jitter: f64) -> bool {
        let now = self.now();
        let delivered =
            crate::replies::deliver(&self.store, &self.session, &self.config.policy, now, jitter)
                .await;
        match delivered {
            Ok(delivered) => {
                let progressed = !delivered.changed.is_empty();
                for (submission_id, status) in delivered.changed {
                    self.emit(SyncEvent::StatusChanged {
                        submission_id,
                        status,
                    });
                }
                if let Some(error) = delivered.unreachable {
                    self.note_error(&error).await;
                }
                progressed
            }
            Err(error) => {
                self.note_error(&error).await;
                false
            }
        }
    }

    /// Sends every due report, one after the other (they are small), and records each outcome.
    /// Returns whether anything was recorded (false when the store failed: the caller then
    /// falls through to its normal wait instead of spinning).
    async fn deliver_reports(&mut self, jitter: f64) -> bool {
        let due = match lock(&self.store).and_then(|s| Ok(s.reports_due(self.now())?)) {
            Ok(due) => due,
            Err(_) => return false,
        };
        let mut progressed = false;
        for stored in due {
            let body = stored.report.normalized();
            let result = self
                .session
                .client()
                .send_accessibility_report(stored.id, &body)
                .await;
            let now = self.now();
            let outcome = plan::after_attempt(
                &self.config.policy,
                stored.attempts,
                &result.as_ref().map(|_| ()),
                now,
                jitter,
            );
            let recorded = lock(&self.store).and_then(|store| {
                Ok(match (&outcome, &result) {
                    (Record::Sent, Ok(receipt)) => {
                        store.report_sent(stored.id, &receipt.reference, now)?;
                        true
                    }
                    (Record::Refused, Err(error)) => {
                        store.report_refused(stored.id, &error.code())?;
                        true
                    }
                    (Record::RetryAt { at, .. }, Err(error)) => {
                        store.report_retry_later(stored.id, &error.code(), *at)?;
                        false
                    }
                    (_, Err(error)) => {
                        let at = now.saturating_add(1_000);
                        store.report_retry_later(stored.id, &error.code(), at)?;
                        false
                    }
                    (_, Ok(_)) => false,
                })
            });
            match recorded {
                Ok(changed) => {
                    progressed = true;
                    if changed {
                        self.emit(SyncEvent::ReportUpdated {
                            report_id: stored.id,
                        });
                    }
                }
                Err(_) => return progressed,
            }
            if let Err(error @ SyncError::Unreachable(_)) = result {
                // The others would fail the same way: wait for the network.
                self.note_error(&error).await;
                return progressed;
            }
        }
        progressed
    }

    async fn probe(&mut self) {
        match self.session.client().health().await {
            Ok(()) => self.set_reach(Reach::Online),
            Err(_) => {
                if let Reach::Offline { probes } = self.reach {
                    self.reach = Reach::Offline {
                        probes: probes.saturating_add(1),
                    };
                }
            }
        }
    }

    async fn note_error(&mut self, error: &SyncError) {
        match error {
            // Only when the session agrees: a login may have finished meanwhile.
            SyncError::LoginRequired if self.session.needs_login().await => {
                self.set_reach(Reach::LoginRequired)
            }
            SyncError::Unreachable(_) if self.reach == Reach::Online => {
                self.set_reach(Reach::Offline { probes: 0 })
            }
            _ => {}
        }
    }

    async fn record(
        &mut self,
        id: Uuid,
        attempts: u32,
        result: Result<wire::Submission, SyncError>,
        jitter: f64,
    ) {
        let now = self.now();
        let outcome = plan::after_attempt(
            &self.config.policy,
            attempts,
            &result.as_ref().map(|_| ()),
            now,
            jitter,
        );
        let (event, reach_error) = match self.apply(id, now, outcome, result) {
            Ok(follow_up) => follow_up,
            Err(_) => return, // the store failed; the row stays `sending` until recovery
        };
        if let Some(error) = reach_error {
            self.note_error(&error).await;
        }
        if let Some(event) = event {
            self.emit(event);
        }
    }

    /// Writes the outcome of an attempt to the store; returns the event to emit and the error
    /// that may change the engine's reach.
    fn apply(
        &self,
        id: Uuid,
        now: UnixMillis,
        outcome: Record,
        result: Result<wire::Submission, SyncError>,
    ) -> Result<(Option<SyncEvent>, Option<SyncError>), SyncError> {
        let store = lock(&self.store)?;
        Ok(match (outcome, result) {
            (Record::Sent, Ok(sent)) => {
                let status = SubmissionStatus::from_name(&sent.status)
                    .unwrap_or(SubmissionStatus::Submitted);
                store.outbox_sent(id, &sent.submission_id, status, now)?;
                if let Some(receipt) = &sent.data_sha512 {
                    store.record_receipt(id, receipt)?;
                }
                let count = sent.attachments.len() as u32;
                let event = SyncEvent::Progress(SyncProgress {
                    submission_id: id.to_string(),
                    status: status.into(),
                    uploaded: count,
                    attachments: count,
                });
                (Some(event), None)
            }
            (Record::RetryAt { at, offline }, Err(error)) => {
                store.outbox_retry_later(id, &error.code(), at, now)?;
                let event = SyncEvent::Progress(SyncProgress {
                    submission_id: id.to_string(),
                    status: ApplicationStatus::Queued,
                    uploaded: 0,
                    attachments: 0,
                });
                (Some(event), offline.then_some(error))
            }
            (Record::AfterLogin, Err(error)) => {
                store.outbox_retry_later(id, &error.code(), now, now)?;
                (None, Some(error))
            }
            (Record::Refused, Err(error)) => {
                let problems = match error.problem() {
                    Some((_, Some(problem))) if !problem.errors.is_empty() => {
                        problem.errors.clone()
                    }
                    _ => vec![FieldProblem {
                        field: String::new(),
                        code: error.code(),
                        detail: String::new(),
                        args: Default::default(),
                    }],
                };
                // The problems (paths and codes, never values) go into last_error as JSON, so
                // the shell can show them after a restart too.
                let summary = serde_json::to_string(&problems).unwrap_or_else(|_| error.code());
                // The draft goes back to the person with the problems; nothing is dropped.
                store.outbox_refused(id, &summary, now)?;
                let event = SyncEvent::Refused {
                    submission_id: id,
                    problems,
                };
                (Some(event), None)
            }
            // after_attempt maps Ok to Sent and Err to the others.
            _ => (None, None),
        })
    }

    /// Status changes and new inbox messages since the cursors.
    async fn poll(&mut self) -> Result<(), SyncError> {
        let (token, subject) = self.session.identity().await?;
        let owner = Owner::Account(subject);
        // Only while the store shows this account (the shell sets it at login): during a
        // logout or a change of person nothing of this account is stored.
        if lock(&self.store)?.owner()? != owner {
            return Ok(());
        }
        let mut local: Option<HashMap<String, Uuid>> = None;
        loop {
            let page = self
                .call(&token, |c, t| {
                    let cursor = self.submission_cursor;
                    async move { c.submissions_since(&t, cursor).await }
                })
                .await?;
            for item in &page.items {
                let map = match &mut local {
                    Some(map) => map,
                    None => local.insert(self.local_ids()?),
                };
                let Some(&id) = map.get(&item.submission_id) else {
                    continue;
                };
                let Some(status) = SubmissionStatus::from_name(&item.status) else {
                    continue;
                };
                if status == SubmissionStatus::Initiated {
                    continue;
                }
                // Every step the server went through, not just the last: two steps between
                // two polls both reach the timeline.
                let client = self.session.client().clone();
                let history = judged_history(&client, item, self.now()).await;
                let changed = if history.is_empty() {
                    // A server without a history: its current status, now.
                    lock(&self.store)?.record_status(id, status, self.now(), None)
                } else {
                    lock(&self.store)?
                        .record_history(id, &history)
                        .map(|added| added > 0)
                };
                let unchecked = item.receipt.is_some()
                    && lock(&self.store)?
                        .submission_of(id, &owner)?
                        .is_some_and(|s| !s.signed_receipt.is_some_and(|r| r.is_verified()));
                if unchecked {
                    let client = self.session.client().clone();
                    keep_receipt(&self.store, &client, id, &owner, item, self.now()).await;
                }
                if matches!(changed, Ok(true)) {
                    self.emit(SyncEvent::StatusChanged {
                        submission_id: id,
                        status: status.into(),
                    });
                }
            }
            self.submission_cursor = page.cursor.max(self.submission_cursor);
            if !page.more {
                break;
            }
        }
        let mut new_messages = 0;
        loop {
            let page = self
                .call(&token, |c, t| {
                    let cursor = self.inbox_cursor;
                    async move { c.inbox_since(&t, cursor).await }
                })
                .await?;
            for message in &page.items {
                let submission_id = match &message.submission_id {
                    Some(server) => {
                        let map = match &mut local {
                            Some(map) => map,
                            None => local.insert(self.local_ids()?),
                        };
                        map.get(server).copied()
                    }
                    None => None,
                };
                let store = lock(&self.store)?;
                if store.message(&message.message_id)?.is_none() {
                    new_messages += 1;
                }
                let documents: Vec<(String, store::DocumentInfo)> = message
                    .documents
                    .iter()
                    .map(|d| {
                        (
                            d.document_id.clone(),
                            store::DocumentInfo {
                                name: d.name.clone(),
                                media_type: d.media_type.clone(),
                                size: d.size,
                                sha512: d.sha512.to_ascii_lowercase(),
                            },
                        )
                    })
                    .collect();
                store.save_message(
                    &InboxMessage {
                        id: message.message_id.clone(),
                        submission_id,
                        subject: message.title.clone(),
                        body: message.body.clone(),
                        sender: message.sender.clone(),
                        received_at: parse_time(&message.sent_at).unwrap_or_else(|| self.now()),
                        read_at: None,
                    },
                    &owner,
                )?;
                store.note_message_documents(&message.message_id, &documents)?;
            }
            self.inbox_cursor = page.cursor.max(self.inbox_cursor);
            if !page.more {
                break;
            }
        }
        // The documents the messages carry (a Bescheid), checked by their hash.
        let client = self.session.client().clone();
        let fetched = crate::replies::fetch_documents(&self.store, &client, &token).await?;
        if new_messages > 0 || fetched > 0 {
            let unread = lock(&self.store)?.unread_count()?;
            self.emit(SyncEvent::InboxUpdated {
                unread,
                new_messages,
            });
        }
        Ok(())
    }

    /// Server ids (the submission's own id, or its restart id) → local submission ids.
    fn local_ids(&self) -> Result<HashMap<String, Uuid>, SyncError> {
        let store = lock(&self.store)?;
        let mut map = HashMap::new();
        for submission in store.submissions()? {
            map.insert(submission.id.to_string(), submission.id);
            if let Some(server) = &submission.server_ref {
                map.insert(server.clone(), submission.id);
            }
        }
        Ok(map)
    }

    /// One authorized call; a 401 drops the token so the next call refreshes.
    async fn call<T, F, Fut>(&self, token: &Secret, f: F) -> Result<T, SyncError>
    where
        F: FnOnce(crate::client::StateApiClient, Secret) -> Fut,
        Fut: std::future::Future<Output = Result<T, SyncError>>,
    {
        let result = f(self.session.client().clone(), token.clone()).await;
        if matches!(result, Err(SyncError::Unauthorized)) {
            self.session.rejected(token).await;
        }
        result
    }
}

/// One send of one submission, on its own task.
struct Job {
    store: Arc<Mutex<Store>>,
    session: Arc<Session>,
    /// Whose submission this is: every request goes with a token of exactly this account.
    owner: Owner,
    events: mpsc::UnboundedSender<SyncEvent>,
    chunk: usize,
    clock: Clock,
}

struct Payload {
    create: wire::CreateSubmission,
    /// The data as sent (encrypted for its destination just before the submit).
    data: serde_json::Value,
    data_sha512: String,
    /// The attachments' ids, hashes and sizes as stored on the device (plain).
    attachments: Vec<(Uuid, String, u64)>,
    /// The attachments as the metadata describes them (for an authority).
    plain: Vec<domain::metadata::PlainAttachment>,
}

/// The attachments of a submission encrypted for its receiving authority.
struct Sealed {
    /// The create that announces them (as ciphertext, for `destination`).
    create: wire::CreateSubmission,
    /// What to upload: each attachment's id, and the hash and size of its JWE.
    uploads: Vec<(Uuid, String, u64)>,
    metadata: domain::metadata::Metadata,
}

impl Job {
    fn progress(&self, id: Uuid, uploaded: usize, attachments: usize) {
        let _ = self.events.send(SyncEvent::Progress(SyncProgress {
            submission_id: id.to_string(),
            status: ApplicationStatus::Sending,
            uploaded: uploaded as u32,
            attachments: attachments as u32,
        }));
    }

    fn payload(&self, id: Uuid) -> Result<Payload, SyncError> {
        let store = lock(&self.store)?;
        let submission = store
            .submission_of(id, &self.owner)?
            .ok_or_else(|| SyncError::LocalData("the queued submission is missing".into()))?;
        let attachments = match submission.draft_id {
            Some(draft) => store.draft_attachments(draft)?,
            None => Vec::new(),
        };
        let create = wire::CreateSubmission {
            service_key: submission.service_key.clone().unwrap_or_default(),
            ars: store.submission_place(id)?,
            form: Some(wire::FormRef {
                id: submission.form_id.clone(),
                version: submission.form_version.clone(),
            }),
            announced_attachments: attachments
                .iter()
                .map(|a| wire::AnnouncedAttachment {
                    attachment_id: a.id.to_string(),
                    filename: a.file_name.clone(),
                    media_type: a.content.media_type.clone(),
                    size: a.content.size,
                    sha512: a.content.sha512.clone(),
                })
                .collect(),
            destination: None,
        };
        let data = serde_json::to_value(&submission.payload)
            .map_err(|e| SyncError::Malformed(e.to_string()))?;
        // The hash of exactly what is sent: the state API refuses the data if it arrives
        // otherwise, and answers the hash it computed, which the person is shown as a receipt.
        let data_sha512 = data_sha512(&data);
        Ok(Payload {
            create,
            data,
            data_sha512,
            attachments: attachments
                .iter()
                .map(|a| (a.id, a.content.sha512.clone(), a.content.size))
                .collect(),
            plain: attachments
                .iter()
                .map(|a| domain::metadata::PlainAttachment {
                    id: a.id.to_string(),
                    filename: a.file_name.clone(),
                    media_type: a.content.media_type.clone(),
                    sha512: a.content.sha512.clone(),
                })
                .collect(),
        })
    }

    /// The attachments encrypted for the authority responsible for the applicant's place
    /// (the state API routes it), once: kept in the store, so every retry announces and
    /// uploads the same ciphertext. `None` without attachments or without an authority
    /// (they go in plain, as the data does).
    async fn sealed(
        &self,
        id: Uuid,
        server: Uuid,
        payload: &Payload,
    ) -> Result<Option<Sealed>, SyncError> {
        let (Some(ars), false) = (&payload.create.ars, payload.plain.is_empty()) else {
            return Ok(None);
        };
        let client = self.session.client();
        let Some(destination) = client
            .responsible_authority(&payload.create.service_key, ars)
            .await?
        else {
            return Ok(None);
        };
        let kept = lock(&self.store)?.sealed_attachments(id)?;
        let mut keys = None;
        let (mut uploads, mut announced) = (Vec::new(), Vec::new());
        for plain in &payload.plain {
            let attachment = Uuid::parse_str(&plain.id)
                .map_err(|_| SyncError::LocalData("an attachment without a UUID".into()))?;
            let found = kept
                .iter()
                .find(|k| {
                    k.attachment_id == attachment
                        && k.destination == destination
                        && k.server_id == server
                })
                .cloned();
            let sealed = match found {
                Some(sealed) => sealed,
                None => {
                    if keys.is_none() {
                        let now = (self.clock)() / 1000;
                        keys = Some(crate::seal::verified_keys(client, &destination, now).await?);
                    }
                    let key = crate::seal::encryption_key(
                        keys.as_ref()
                            .ok_or_else(|| SyncError::DestinationKeys("no key set".into()))?,
                    )?;
                    let mut bytes = zeroize::Zeroizing::new(Vec::new());
                    lock(&self.store)?.read_attachment(&plain.sha512, &mut *bytes)?;
                    let jwe = jose::encrypt(&bytes, key, &plain.media_type)
                        .map_err(|e| SyncError::DestinationKeys(e.to_string()))?;
                    lock(&self.store)?.keep_sealed(
                        id,
                        attachment,
                        (&destination, server),
                        jwe.as_bytes(),
                        (self.clock)(),
                    )?
                }
            };
            announced.push(wire::AnnouncedAttachment {
                attachment_id: plain.id.clone(),
                filename: String::new(),
                media_type: String::new(),
                size: sealed.size,
                sha512: sealed.sha512.clone(),
            });
            uploads.push((attachment, sealed.sha512, sealed.size));
        }
        let form = payload.create.form.as_ref();
        let metadata = domain::metadata::Metadata::new(
            &payload.data_sha512,
            (
                form.map(|f| f.id.as_str()).unwrap_or_default(),
                form.map(|f| f.version.as_str()).unwrap_or_default(),
            ),
            Some(payload.create.service_key.as_str()).filter(|k| !k.is_empty()),
            &payload.plain,
        );
        Ok(Some(Sealed {
            create: wire::CreateSubmission {
                announced_attachments: announced,
                destination: Some(destination),
                ..payload.create.clone()
            },
            uploads,
            metadata,
        }))
    }

    /// A token of the submission's own account, or [`SyncError::OtherAccount`]: an
    /// application is never sent as whoever happens to be logged in.
    async fn token(&self) -> Result<Secret, SyncError> {
        let (token, subject) = self.session.identity().await?;
        if Owner::Account(subject) != self.owner {
            return Err(SyncError::OtherAccount);
        }
        Ok(token)
    }

    async fn check<T>(&self, token: &Secret, result: Result<T, SyncError>) -> Result<T, SyncError> {
        if matches!(result, Err(SyncError::Unauthorized)) {
            self.session.rejected(token).await;
        }
        result
    }

    async fn send(self, id: Uuid) -> Result<wire::Submission, SyncError> {
        let payload = self.payload(id)?;
        self.progress(id, 0, payload.attachments.len());
        // Attachments encrypted for a start are kept with it: the starts before that one
        // expired (else it would not have been made), and trying them again would encrypt
        // anew for them and then change the body of the later start's create.
        let kept = lock(&self.store)?.sealed_attachments(id)?;
        let first = (0..MAX_GENERATIONS)
            .rev()
            .find(|g| kept.iter().any(|s| s.server_id == plan::server_id(id, *g)))
            .unwrap_or(0);
        for generation in first..MAX_GENERATIONS {
            let server = plan::server_id(id, generation);
            match self.send_as(id, server, &payload).await {
                Err(error) if is_expired(&error) => continue,
                other => return other,
            }
        }
        Err(SyncError::LocalData("too many expired starts".into()))
    }

    async fn send_as(
        &self,
        id: Uuid,
        server: Uuid,
        payload: &Payload,
    ) -> Result<wire::Submission, SyncError> {
        // Before any byte of an attachment leaves: encrypted for the receiving authority.
        let sealed = self.sealed(id, server, payload).await?;
        let (create, uploads) = match &sealed {
            Some(sealed) => (&sealed.create, &sealed.uploads),
            None => (&payload.create, &payload.attachments),
        };
        let token = self.token().await?;
        let created = self
            .session
            .client()
            .create_submission(&token, server, create)
            .await;
        let created = self.check(&token, created).await?;
        // Before any byte of the data leaves: encrypted to the receiving authority's key,
        // which counts only under the trust anchor (else the application waits).
        let submit = crate::seal::submit_body(
            self.session.client(),
            &created,
            &payload.data,
            &payload.data_sha512,
            sealed.as_ref().map(|s| &s.metadata),
            (self.clock)(),
        )
        .await?;
        let total = uploads.len();
        for (done, (attachment, sha512, size)) in uploads.iter().enumerate() {
            self.upload(server, *attachment, sha512, *size).await?;
            self.progress(id, done + 1, total);
        }
        let token = self.token().await?;
        let submitted = self.session.client().submit(&token, server, &submit).await;
        if let Err(error) = &submitted {
            crate::seal::after_refusal(self.session.client(), &created, error);
        }
        let submitted = self.check(&token, submitted).await?;
        keep_receipt(
            &self.store,
            self.session.client(),
            id,
            &self.owner,
            &submitted,
            (self.clock)(),
        )
        .await;
        // The authority's steps the answer already holds (received at once), each with the
        // verdict on its signature; the status itself is recorded with the outbox's move.
        let history = judged_history(self.session.client(), &submitted, (self.clock)()).await;
        if let Ok(store) = lock(&self.store) {
            let _ = store.record_history(id, &history);
        }
        Ok(submitted)
    }

    /// Uploads what the server lacks of one attachment. When the server already holds every
    /// byte, an empty chunk at the end asks it to confirm (its hash check may not have run:
    /// a final chunk whose request was cut off while the server worked on it leaves all bytes
    /// there but the attachment not complete, and `HEAD` cannot tell the two apart).
    async fn upload(
        &self,
        server: Uuid,
        attachment: Uuid,
        sha512: &str,
        size: u64,
    ) -> Result<(), SyncError> {
        let client = self.session.client().clone();
        let token = self.token().await?;
        let mut offset = self
            .check(
                &token,
                client.upload_offset(&token, server, attachment).await,
            )
            .await?;
        let mut content: Option<Vec<u8>> = None;
        let (mut restarted, mut confirmations) = (false, 0);
        loop {
            let (start, chunk) = match plan::next_chunk(size, offset, self.chunk as u64) {
                Some((start, len)) => {
                    if content.is_none() {
                        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
                        lock(&self.store)?.read_attachment(sha512, &mut bytes)?;
                        content = Some(bytes);
                    }
                    let range = usize::try_from(start).unwrap_or(usize::MAX)
                        ..usize::try_from(start + len).unwrap_or(usize::MAX);
                    let chunk = content
                        .as_ref()
                        .and_then(|c| c.get(range))
                        .ok_or_else(|| {
                            SyncError::LocalData("the attachment is shorter than announced".into())
                        })?
                        .to_vec();
                    (start, chunk)
                }
                None => {
                    confirmations += 1;
                    if confirmations > 3 {
                        return Err(SyncError::LocalData(
                            "the server holds every byte but does not complete the upload".into(),
                        ));
                    }
                    (size, Vec::new())
                }
            };
            let token = self.token().await?;
            let answer = client
                .upload_chunk(&token, server, attachment, start, chunk)
                .await;
            match self.check(&token, answer).await {
                Ok(state) if state.complete => return Ok(()),
                Ok(state) => offset = state.received,
                Err(error) => match error.problem() {
                    Some((409, Some(p))) if p.is(ProblemCode::UploadOffsetMismatch) => {
                        offset = p.upload_offset.unwrap_or(0);
                    }
                    Some((409, Some(p))) if p.is(ProblemCode::AttachmentComplete) => return Ok(()),
                    // An earlier attempt got as far as the submit (its answer was lost): the
                    // submit that follows is replayed.
                    Some((409, Some(p))) if p.is(ProblemCode::AlreadySubmitted) => return Ok(()),
                    Some((422, Some(p)))
                        if p.is(ProblemCode::AttachmentHashMismatch) && !restarted =>
                    {
                        restarted = true;
                        offset = 0;
                    }
                    _ => return Err(error),
                },
            }
        }
    }
}

fn is_expired(error: &SyncError) -> bool {
    matches!(error.problem(), Some((410, _)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_map_onto_the_ipc_contract() {
        let id = Uuid::from_u128(9);
        let progress = SyncProgress {
            submission_id: id.to_string(),
            status: ApplicationStatus::Sending,
            uploaded: 1,
            attachments: 2,
        };
        let cases = [
            (
                SyncEvent::Progress(progress.clone()),
                Some(("sync-progress", serde_json::to_value(&progress).ok())),
            ),
            (
                SyncEvent::Connectivity(Connectivity::Offline),
                Some(("connectivity", Some(serde_json::json!("offline")))),
            ),
            (
                SyncEvent::StatusChanged {
                    submission_id: id,
                    status: ApplicationStatus::ActionRequired,
                },
                Some((
                    "status-changed",
                    Some(
                        serde_json::json!({"submission_id": id.to_string(), "status": "ACTION_REQUIRED"}),
                    ),
                )),
            ),
            (
                SyncEvent::InboxUpdated {
                    unread: 3,
                    new_messages: 1,
                },
                Some(("inbox-updated", Some(serde_json::json!(3)))),
            ),
            (SyncEvent::LoginRequired, None),
            (SyncEvent::Idle, None),
        ];
        for (event, expected) in cases {
            let got = event.to_ipc().map(|(name, payload)| (name, Some(payload)));
            assert_eq!(got, expected, "{event:?}");
        }
        let refused = SyncEvent::Refused {
            submission_id: id,
            problems: vec![FieldProblem {
                field: "name".into(),
                code: "form-field-required".into(),
                detail: String::new(),
                args: Default::default(),
            }],
        };
        let (name, payload) = refused.to_ipc().expect("a refusal is shown");
        assert_eq!(name, "status-changed", "a refusal changes the status");
        assert_eq!(payload["status"], "DRAFT", "back to the person as a draft");
        assert_eq!(
            payload["problems"][0]["field"], "name",
            "with the field problems"
        );
    }
}
