//! The outbox planner: pure decisions from outbox rows, the time, the engine's state and the
//! retry policy; no IO, no clock, no randomness of its own (jitter comes in as a number).
//!
//! The executor ([`crate::worker`]) asks [`next_step`] what to do, and [`after_attempt`] what
//! to record when an attempt ended. What it must never do: give up on a submission because the
//! network failed (only a refusal by the server is final), or plan a tight loop (every wait has
//! a floor, every retry a back-off).

use std::time::Duration;

use store::{OutboxEntry, OutboxState, UnixMillis};
use uuid::Uuid;

use crate::error::SyncError;

/// How the engine retries and paces itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// First back-off step; doubled per attempt.
    pub base: Duration,
    /// No back-off is longer than this (unless the server's `Retry-After` says so).
    pub cap: Duration,
    /// Submissions sent at the same time.
    pub concurrency: usize,
    /// Longest sleep when nothing is due (a wake-up comes earlier when something is queued).
    pub idle: Duration,
    /// Shortest sleep between two loop turns that found nothing to do.
    pub floor: Duration,
    /// Back-off of reachability probes while offline: base and cap.
    pub probe_base: Duration,
    pub probe_cap: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(5 * 60),
            concurrency: 4,
            idle: Duration::from_secs(60),
            floor: Duration::from_millis(50),
            probe_base: Duration::from_secs(1),
            probe_cap: Duration::from_secs(60),
        }
    }
}

/// Exponential back-off with full jitter (AWS Architecture Blog, "Exponential Backoff and
/// Jitter"): a uniformly random delay in `[0, min(cap, base·2^(attempt-1))]`, where `jitter`
/// is the random draw in `[0, 1)`. `Retry-After` is a floor: the server's word wins.
pub fn backoff(
    base: Duration,
    cap: Duration,
    attempt: u32,
    jitter: f64,
    retry_after: Option<Duration>,
) -> Duration {
    let exponent = attempt.saturating_sub(1).min(30);
    let ceiling = base.saturating_mul(1u32 << exponent).min(cap);
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let delay = ceiling.mul_f64(jitter);
    match retry_after {
        Some(wait) => delay.max(wait),
        None => delay,
    }
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// What the engine knows about the world outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Online,
    /// The server did not answer; `probes` failed probes since.
    Offline {
        probes: u32,
    },
    /// The login expired or was revoked: nothing is sent until the person logs in again.
    LoginRequired,
}

/// The next thing the executor should do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Claim and send these (due, not in flight, oldest first).
    Send(Vec<Uuid>),
    /// Wait for a login; queued work stays queued.
    AwaitLogin,
    /// Offline: probe the server after this wait.
    Probe { after: Duration },
    /// Nothing due: sleep at most this long (or until woken).
    Sleep(Duration),
}

/// The `last_error` code of an attempt that could not reach the server.
pub const UNREACHABLE: &str = "unreachable";

/// Whether a row is due: pending and its time has come, or it only waits because the network
/// was gone and the network came back (at `back_online_at`) after it was put back.
pub fn is_due(entry: &OutboxEntry, now: UnixMillis, back_online_at: UnixMillis) -> bool {
    entry.state == OutboxState::Pending
        && (entry.next_attempt_at <= now
            || (entry.last_error.as_deref() == Some(UNREACHABLE)
                && entry.updated_at <= back_online_at))
}

/// How many poll intervals a long queue may hold the status and inbox poll back.
pub const POLL_HELD_BACK_AT_MOST: i64 = 4;

/// Whether the status and inbox poll runs now: only online and once `next_poll` has come;
/// then when nothing is due to send, or when sending has held it back for
/// [`POLL_HELD_BACK_AT_MOST`] intervals (sending comes first, but a long queue must not hide
/// an authority's answer for long).
pub fn poll_now(
    reach: Reach,
    now: UnixMillis,
    next_poll: UnixMillis,
    interval: UnixMillis,
    nothing_due: bool,
) -> bool {
    let held_back_too_long =
        now >= next_poll.saturating_add(interval.saturating_mul(POLL_HELD_BACK_AT_MOST));
    reach == Reach::Online && now >= next_poll && (nothing_due || held_back_too_long)
}

/// Decides the next step. `entries` are outbox rows (any state), `in_flight_ids` the sends
/// that are running, `back_online_at` when the server last became reachable again.
pub fn next_step(
    policy: &Policy,
    reach: Reach,
    entries: &[OutboxEntry],
    in_flight_ids: &[Uuid],
    now: UnixMillis,
    back_online_at: UnixMillis,
    jitter: f64,
) -> Step {
    match reach {
        Reach::LoginRequired => return Step::AwaitLogin,
        Reach::Offline { probes } => {
            return Step::Probe {
                after: backoff(policy.probe_base, policy.probe_cap, probes, jitter, None)
                    .max(policy.floor),
            }
        }
        Reach::Online => {}
    }
    let free = policy.concurrency.saturating_sub(in_flight_ids.len());
    let mut due: Vec<&OutboxEntry> = entries
        .iter()
        .filter(|e| is_due(e, now, back_online_at))
        .filter(|e| !in_flight_ids.contains(&e.submission_id))
        .collect();
    due.sort_by_key(|e| (e.next_attempt_at, e.created_at));
    if free > 0 && !due.is_empty() {
        return Step::Send(due.iter().take(free).map(|e| e.submission_id).collect());
    }
    let next = entries
        .iter()
        .filter(|e| e.state == OutboxState::Pending && !is_due(e, now, back_online_at))
        .map(|e| e.next_attempt_at - now)
        .min();
    let wait = match next {
        Some(ms) => Duration::from_millis(u64::try_from(ms).unwrap_or(0)).min(policy.idle),
        None => policy.idle,
    };
    Step::Sleep(wait.max(policy.floor))
}

/// What to record after one attempt to send a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// Accepted by the state API.
    Sent,
    /// Try again at this time; `offline` when the server could not be reached at all.
    RetryAt { at: UnixMillis, offline: bool },
    /// Try again as soon as the person has logged in.
    AfterLogin,
    /// Refused for good: back to the person with the reasons.
    Refused,
}

/// The outcome of an attempt as the planner sees it.
pub fn after_attempt(
    policy: &Policy,
    attempts: u32,
    result: &Result<(), &SyncError>,
    now: UnixMillis,
    jitter: f64,
) -> Record {
    let error = match result {
        Ok(()) => return Record::Sent,
        Err(error) => *error,
    };
    if matches!(error, SyncError::LoginRequired) {
        return Record::AfterLogin;
    }
    // An answer we cannot read is no refusal: the server may have accepted, and the next
    // attempt's replays tell. Only a refusal the server states, or local data that cannot be
    // sent, goes back to the person.
    if error.is_permanent() && !matches!(error, SyncError::Malformed(_)) {
        return Record::Refused;
    }
    // Transient, or a token the server turned down (a refresh follows): back off.
    let wait = backoff(
        policy.base,
        policy.cap,
        attempts,
        jitter,
        error.retry_after(),
    );
    Record::RetryAt {
        at: now.saturating_add(millis(wait)),
        offline: matches!(error, SyncError::Unreachable(_)),
    }
}

/// The id a submission is created under after `generation` expiries. Generation 0 is the
/// submission's own id; each later one is derived from it, so a restart finds the same chain
/// without storing anything, and one server-side submission can only ever be submitted under
/// one id: the engine moves on to the next id only when the server said the previous one
/// expired unsubmitted (410).
pub fn server_id(submission: Uuid, generation: u32) -> Uuid {
    if generation == 0 {
        return submission;
    }
    use sha2::{Digest, Sha512};
    let digest = Sha512::new()
        .chain_update(b"thueringen-app/submission-restart/")
        .chain_update(submission.as_bytes())
        .chain_update(generation.to_be_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(digest.get(..16).unwrap_or(&[0u8; 16]));
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// The next chunk of an upload: `(offset, len)` or `None` when all bytes are there.
pub fn next_chunk(size: u64, server_offset: u64, chunk: u64) -> Option<(u64, u64)> {
    (server_offset < size).then(|| (server_offset, chunk.max(1).min(size - server_offset)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: u128, state: OutboxState, next: UnixMillis, created: UnixMillis) -> OutboxEntry {
        OutboxEntry {
            submission_id: Uuid::from_u128(id),
            state,
            attempts: 0,
            next_attempt_at: next,
            last_error: None,
            created_at: created,
            updated_at: created,
            owner: store::Owner::Account("anna".into()),
        }
    }

    fn policy() -> Policy {
        Policy {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(60),
            concurrency: 2,
            idle: Duration::from_secs(30),
            floor: Duration::from_millis(50),
            probe_base: Duration::from_secs(2),
            probe_cap: Duration::from_secs(20),
        }
    }

    #[test]
    fn backoff_is_full_jitter_capped_and_honours_retry_after() {
        let (b, c) = (Duration::from_secs(1), Duration::from_secs(60));
        let cases = [
            // attempt, jitter, retry-after, expected
            (1, 0.999_999, None, Duration::from_millis(999)),
            (1, 0.0, None, Duration::ZERO),
            (3, 0.5, None, Duration::from_secs(2)),
            (10, 1.0, None, Duration::from_secs(60)),
            (40, 1.0, None, Duration::from_secs(60)),
            (1, 0.1, Some(Duration::from_secs(7)), Duration::from_secs(7)),
            (
                10,
                0.5,
                Some(Duration::from_secs(7)),
                Duration::from_secs(30),
            ),
            (
                10,
                0.5,
                Some(Duration::from_secs(600)),
                Duration::from_secs(600),
            ),
            (2, f64::NAN, None, Duration::ZERO),
        ];
        for (attempt, jitter, retry_after, expected) in cases {
            let got = backoff(b, c, attempt, jitter, retry_after);
            let diff = got.abs_diff(expected);
            assert!(
                diff <= Duration::from_millis(1),
                "attempt {attempt}, jitter {jitter}, Retry-After {retry_after:?}: {got:?} ≠ {expected:?}"
            );
        }
    }

    #[test]
    fn next_step_table() {
        let p = policy();
        let a = entry(1, OutboxState::Pending, 100, 1);
        let b = entry(2, OutboxState::Pending, 50, 2);
        let c = entry(3, OutboxState::Pending, 10_000, 3);
        let sent = entry(4, OutboxState::Sent, 0, 0);
        let failed = entry(5, OutboxState::Failed, 0, 0);
        let sending = entry(6, OutboxState::Sending, 0, 0);
        let id = Uuid::from_u128;
        type Case = (&'static str, Reach, Vec<OutboxEntry>, Vec<Uuid>, i64, Step);
        let cases: Vec<Case> = vec![
            (
                "due ones oldest first",
                Reach::Online,
                vec![a.clone(), b.clone(), c.clone()],
                vec![],
                200,
                Step::Send(vec![id(2), id(1)]),
            ),
            (
                "limited by free slots",
                Reach::Online,
                vec![a.clone(), b.clone()],
                vec![id(9)],
                200,
                Step::Send(vec![id(2)]),
            ),
            (
                "in flight ones are skipped",
                Reach::Online,
                vec![a.clone(), b.clone()],
                vec![id(2)],
                200,
                Step::Send(vec![id(1)]),
            ),
            (
                "sleep until the next due",
                Reach::Online,
                vec![c.clone(), sent.clone()],
                vec![],
                200,
                Step::Sleep(Duration::from_millis(9_800)),
            ),
            (
                "idle when nothing is pending",
                Reach::Online,
                vec![sent, failed, sending],
                vec![],
                200,
                Step::Sleep(Duration::from_secs(30)),
            ),
            (
                "never a busy loop",
                Reach::Online,
                vec![entry(7, OutboxState::Pending, 201, 1)],
                vec![],
                200,
                Step::Sleep(Duration::from_millis(50)),
            ),
            (
                "full: wait for a send to end (the executor wakes on it)",
                Reach::Online,
                vec![a.clone()],
                vec![id(8), id(9)],
                200,
                Step::Sleep(Duration::from_secs(30)),
            ),
            (
                "login first",
                Reach::LoginRequired,
                vec![a.clone()],
                vec![],
                200,
                Step::AwaitLogin,
            ),
            (
                "offline: probe with back-off",
                Reach::Offline { probes: 3 },
                vec![a],
                vec![],
                200,
                Step::Probe {
                    after: Duration::from_secs(4),
                },
            ),
        ];
        for (name, reach, entries, flying, now, expected) in cases {
            let got = next_step(&p, reach, &entries, &flying, now, 0, 0.5);
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn back_online_makes_what_waited_for_the_network_due_at_once() {
        let p = policy();
        let mut waited = entry(1, OutboxState::Pending, 60_000, 1);
        waited.last_error = Some(UNREACHABLE.into());
        waited.updated_at = 500;
        let mut refused = entry(2, OutboxState::Pending, 60_000, 2);
        refused.last_error = Some("503".into());
        refused.updated_at = 500;
        let mut later = waited.clone();
        later.submission_id = Uuid::from_u128(3);
        later.updated_at = 2_000;
        let entries = vec![waited, refused, later];
        assert_eq!(
            next_step(&p, Reach::Online, &entries, &[], 1_000, 0, 0.5),
            Step::Sleep(Duration::from_secs(30)),
            "never back online: everything waits for its time"
        );
        assert_eq!(
            next_step(&p, Reach::Online, &entries, &[], 3_000, 1_000, 0.5),
            Step::Send(vec![Uuid::from_u128(1)]),
            "back online at 1000: only what waited for the network before that is due now"
        );
    }

    #[test]
    fn after_attempt_table() {
        let p = policy();
        let refused = |status: u16, code: &str| SyncError::Refused {
            status,
            problem: Some(Box::new(crate::error::Problem {
                code: code.into(),
                status,
                ..Default::default()
            })),
            retry_after: None,
        };
        let limited = SyncError::Refused {
            status: 429,
            problem: None,
            retry_after: Some(Duration::from_secs(5)),
        };
        let offline = SyncError::Unreachable("connection refused".into());
        let invalid = refused(422, "validation_failed");
        let in_flight = refused(409, "idempotency_key_in_flight");
        let unreadable = SyncError::Malformed("expected value at line 1".into());
        let local = SyncError::LocalData("attachment damaged".into());
        let unavailable = SyncError::Refused {
            status: 503,
            problem: None,
            retry_after: None,
        };
        let cases: Vec<(&str, u32, Result<(), &SyncError>, Record)> = vec![
            ("sent", 1, Ok(()), Record::Sent),
            (
                "offline backs off",
                3,
                Err(&offline),
                Record::RetryAt {
                    at: 1_000 + 2_000,
                    offline: true,
                },
            ),
            (
                "5xx backs off",
                1,
                Err(&unavailable),
                Record::RetryAt {
                    at: 1_500,
                    offline: false,
                },
            ),
            (
                "Retry-After wins",
                1,
                Err(&limited),
                Record::RetryAt {
                    at: 6_000,
                    offline: false,
                },
            ),
            ("validation is final", 1, Err(&invalid), Record::Refused),
            (
                "in flight is not",
                1,
                Err(&in_flight),
                Record::RetryAt {
                    at: 1_500,
                    offline: false,
                },
            ),
            (
                "an unreadable answer is retried, never taken as a refusal",
                1,
                Err(&unreadable),
                Record::RetryAt {
                    at: 1_500,
                    offline: false,
                },
            ),
            (
                "local data that cannot be sent goes back",
                1,
                Err(&local),
                Record::Refused,
            ),
            (
                "login waits",
                5,
                Err(&SyncError::LoginRequired),
                Record::AfterLogin,
            ),
            (
                "401 refreshes after a short wait",
                1,
                Err(&SyncError::Unauthorized),
                Record::RetryAt {
                    at: 1_500,
                    offline: false,
                },
            ),
        ];
        for (name, attempts, result, expected) in cases {
            assert_eq!(
                after_attempt(&p, attempts, &result, 1_000, 0.5),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn restart_ids_are_stable_distinct_uuids() {
        let id = Uuid::from_u128(42);
        assert_eq!(
            server_id(id, 0),
            id,
            "generation 0 is the submission's own id"
        );
        assert_eq!(
            server_id(id, 1),
            server_id(id, 1),
            "derived ids are stable across restarts"
        );
        assert_ne!(
            server_id(id, 1),
            server_id(id, 2),
            "each generation differs"
        );
        assert_ne!(
            server_id(id, 1),
            server_id(Uuid::from_u128(43), 1),
            "per submission"
        );
        assert_eq!(server_id(id, 1).get_version_num(), 4, "a well-formed UUID");
    }

    #[test]
    fn chunks_resume_at_the_server_offset() {
        assert_eq!(next_chunk(10, 0, 4), Some((0, 4)), "first chunk");
        assert_eq!(next_chunk(10, 8, 4), Some((8, 2)), "short last chunk");
        assert_eq!(next_chunk(10, 10, 4), None, "complete");
        assert_eq!(next_chunk(0, 0, 4), None, "empty");
    }

    #[test]
    fn the_poll_waits_for_its_time_and_for_sends_but_not_forever() {
        let (interval, next) = (60_000, 1_000_000);
        let offline = Reach::Offline { probes: 0 };
        // (reach, now, nothing due) -> poll now?
        let cases = [
            (Reach::Online, next - 1, true, false),
            (Reach::Online, next, true, true),
            (Reach::Online, next, false, false),
            (Reach::Online, next + 4 * interval - 1, false, false),
            (Reach::Online, next + 4 * interval, false, true),
            (offline, next + 10 * interval, true, false),
            (Reach::LoginRequired, next, true, false),
        ];
        for (reach, now, nothing_due, expected) in cases {
            assert_eq!(
                poll_now(reach, now, next, interval, nothing_due),
                expected,
                "{reach:?} at {now}, nothing due: {nothing_due}"
            );
        }
        assert!(
            !poll_now(Reach::Online, 0, i64::MAX, i64::MAX, true),
            "no overflow at the edge"
        );
    }
}
