//! Failed attempts per key (a username, the back office) and the lockout that follows too many:
//! after `max_failures` failures within the window, the key is refused for the lockout's
//! duration, whoever tries and whatever they send. A success forgets the failures.
//!
//! The arithmetic only: where the counts live is [`crate::storage::Coordination`]'s business
//! (in memory for one process, in the shared database for several instances). Times are the
//! server's clock (unix ms), so tests move them with [`super::Backend::advance_clock`].

use crate::config::Lockout;
use crate::storage::LockoutPolicy;

/// A key's failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: u32,
    pub first_at: i64,
    pub locked_until: Option<i64>,
}

fn millis(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

impl From<Lockout> for LockoutPolicy {
    fn from(lockout: Lockout) -> Self {
        LockoutPolicy {
            max_failures: lockout.max_failures,
            window_ms: millis(lockout.window),
            lockout_ms: millis(lockout.duration),
        }
    }
}

impl Failures {
    /// Until when these failures lock their key at `now`, if they do.
    pub fn locked_at(&self, now: i64) -> Option<i64> {
        self.locked_until.filter(|until| *until > now)
    }

    /// Whether these failures mean nothing any more at `now` (may be forgotten).
    pub fn is_over(&self, now: i64, policy: &LockoutPolicy) -> bool {
        self.first_at.saturating_add(policy.window_ms) <= now && self.locked_at(now).is_none()
    }

    /// Counts one more failure at `now` (`None`: the first): the failures after, and until
    /// when the key is locked if it is.
    pub fn fail(
        before: Option<Failures>,
        now: i64,
        policy: &LockoutPolicy,
    ) -> (Failures, Option<i64>) {
        let fresh = Failures {
            count: 0,
            first_at: now,
            locked_until: None,
        };
        let mut entry = before.unwrap_or(fresh);
        if let Some(until) = entry.locked_at(now) {
            return (entry, Some(until));
        }
        if entry.locked_until.is_some() || entry.first_at.saturating_add(policy.window_ms) <= now {
            // The lockout or the window is over: count afresh.
            entry = fresh;
        }
        entry.count = entry.count.saturating_add(1);
        if entry.count >= policy.max_failures.max(1) {
            let until = now.saturating_add(policy.lockout_ms);
            entry.locked_until = Some(until);
            return (entry, Some(until));
        }
        (entry, None)
    }
}

#[cfg(test)]
mod tests {
    use crate::storage::{Coordination, InProcess};

    use super::*;

    const POLICY: LockoutPolicy = LockoutPolicy {
        max_failures: 3,
        window_ms: 60_000,
        lockout_ms: 600_000,
    };

    #[test]
    fn the_nth_failure_in_the_window_locks_until_the_lockout_is_over() {
        let t = InProcess::default();
        let failed = |key: &str, now| t.failed("login", key, now, &POLICY).expect("counted");
        let locked = |key: &str, now| t.locked_until("login", key, now).expect("read");
        assert_eq!(failed("anna", 0), None, "first");
        assert_eq!(failed("anna", 1_000), None, "second");
        assert_eq!(failed("anna", 2_000), Some(602_000), "third locks");
        assert_eq!(locked("anna", 601_999), Some(602_000), "locked");
        assert_eq!(locked("ben", 3_000), None, "others are not");
        assert_eq!(
            t.locked_until("admin", "anna", 3_000).expect("read"),
            None,
            "another scope is not"
        );
        assert_eq!(locked("anna", 602_000), None, "over");
        assert_eq!(failed("anna", 602_000), None, "counted afresh");
    }

    #[test]
    fn failures_outside_the_window_and_before_a_success_are_forgotten() {
        let t = InProcess::default();
        let failed = |now| t.failed("login", "anna", now, &POLICY).expect("counted");
        failed(0);
        failed(1_000);
        assert_eq!(failed(61_000), None, "the window moved on");
        failed(62_000);
        t.succeeded("login", "anna").expect("forgotten");
        assert_eq!(failed(63_000), None, "a success reset the count");
    }
}
