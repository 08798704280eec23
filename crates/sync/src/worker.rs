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

mod due;
mod poll;
mod send;

use send::Job;

/// Where one queued application stands, as the worker moves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// In the outbox, waiting (again, after a failed try).
    Queued,
    /// Being sent (created, attachments uploading).
    Sending,
    /// At the state API, in this status.
    At(SubmissionStatus),
}

/// How far sending one application got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub submission_id: Uuid,
    pub stage: Stage,
    /// While sending: attachments uploaded so far and in all.
    pub uploaded: u32,
    pub attachments: u32,
}

/// Whether the state API answers, as the worker last saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reachability {
    Online,
    Offline,
}

/// What the engine reports, in its own types; the app's core (`app::events`) turns them into
/// what the window is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEvent {
    /// Sending (n of m attachments), sent, received.
    Progress(Progress),
    Connectivity(Reachability),
    /// An application's status at the authority changed.
    StatusChanged {
        submission_id: Uuid,
        status: SubmissionStatus,
    },
    /// New messages arrived; this many are unread.
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
    /// app reads it from the store to show it.
    ReportUpdated {
        report_id: Uuid,
    },
    /// The outbox is empty of due work (sent, failed or waiting for a later time).
    Idle,
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

pub(crate) fn lock(store: &Mutex<Store>) -> Result<std::sync::MutexGuard<'_, Store>, SyncError> {
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
                status: e.status,
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
/// this device sent, and keeps the verdict. False when it could not be judged now (the key
/// set out of reach, the store busy): the caller looks at it again rather than move on.
async fn keep_receipt(
    store: &Arc<Mutex<Store>>,
    client: &crate::StateApiClient,
    id: Uuid,
    owner: &Owner,
    submission: &wire::Submission,
    now: UnixMillis,
) -> bool {
    if submission.receipt.is_none() {
        return true;
    }
    let sent = match lock(store).and_then(|s| crate::receipt::Sent::of(&s, id, owner)) {
        Ok(Some(sent)) => sent,
        Ok(None) => return true,
        Err(_) => return false,
    };
    let Some(checked) = crate::receipt::check(client, submission, &sent, now).await else {
        return false;
    };
    match lock(store) {
        Ok(store) => store.record_signed_receipt(id, &checked).is_ok(),
        Err(_) => false,
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
                self.emit(SyncEvent::Connectivity(Reachability::Offline))
            }
            Reach::Online if !was_online => {
                if was_offline {
                    self.back_online_at = self.now();
                    self.emit(SyncEvent::Connectivity(Reachability::Online));
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
            // Status and inbox: `plan::poll_now` says when (sending comes first).
            let now = self.now();
            let interval = i64::try_from(self.config.poll_interval.as_millis()).unwrap_or(i64::MAX);
            let nothing_due = !entries
                .iter()
                .any(|e| plan::is_due(e, now, self.back_online_at));
            if plan::poll_now(self.reach, now, self.next_poll, interval, nothing_due) {
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
                store.outbox_sent(id, &sent.submission_id, sent.status, now)?;
                if let Some(receipt) = &sent.data_sha512 {
                    store.record_receipt(id, receipt)?;
                }
                let count = sent.attachments.len() as u32;
                let event = SyncEvent::Progress(Progress {
                    submission_id: id,
                    stage: Stage::At(sent.status),
                    uploaded: count,
                    attachments: count,
                });
                (Some(event), None)
            }
            (Record::RetryAt { at, offline }, Err(error)) => {
                store.outbox_retry_later(id, &error.code(), at, now)?;
                let event = SyncEvent::Progress(Progress {
                    submission_id: id,
                    stage: Stage::Queued,
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
}
