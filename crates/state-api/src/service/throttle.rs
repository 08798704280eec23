//! Failed attempts per key (a username, the back office) and the lockout that follows too many:
//! after `max_failures` failures within `window`, the key is refused for `duration`, whoever
//! tries and whatever they send. A success forgets the failures.
//!
//! In memory and per process, like the rate limit; times are the server's clock (unix ms), so
//! tests move them with [`super::Backend::advance_clock`]. Keys are kept only as hashes.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::config::Lockout;

/// Most keys remembered; beyond, keys whose window and lockout are over are forgotten first.
const MAX_KEYS: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    first_at: i64,
    locked_until: Option<i64>,
}

/// Failures and lockouts per key.
pub struct Throttle {
    policy: Lockout,
    keys: Mutex<HashMap<String, Failures>>,
}

fn millis(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

impl Throttle {
    pub fn new(policy: Lockout) -> Self {
        Throttle {
            policy,
            keys: Mutex::new(HashMap::new()),
        }
    }

    fn key(key: &str) -> String {
        super::sha256_hex(key.as_bytes())
    }

    /// Until when `key` is locked out (unix ms), if it is at `now`.
    pub fn locked_until(&self, key: &str, now: i64) -> Option<i64> {
        let keys = self.keys.lock().ok()?;
        keys.get(&Throttle::key(key))
            .and_then(|f| f.locked_until)
            .filter(|until| *until > now)
    }

    /// Counts a failure for `key` at `now`; returns until when it is locked out if this
    /// failure (or an earlier one) locked it.
    pub fn failed(&self, key: &str, now: i64) -> Option<i64> {
        let Ok(mut keys) = self.keys.lock() else {
            return None;
        };
        let window = millis(self.policy.window);
        if keys.len() >= MAX_KEYS {
            keys.retain(|_, f| {
                f.first_at.saturating_add(window) > now || f.locked_until.is_some_and(|u| u > now)
            });
            if keys.len() >= MAX_KEYS {
                // Still full (a flood of fresh keys): start over rather than grow without bound.
                keys.clear();
            }
        }
        let entry = keys.entry(Throttle::key(key)).or_insert(Failures {
            count: 0,
            first_at: now,
            locked_until: None,
        });
        if let Some(until) = entry.locked_until.filter(|until| *until > now) {
            return Some(until);
        }
        if entry.locked_until.is_some() || entry.first_at.saturating_add(window) <= now {
            // The lockout or the window is over: count afresh.
            *entry = Failures {
                count: 0,
                first_at: now,
                locked_until: None,
            };
        }
        entry.count = entry.count.saturating_add(1);
        if entry.count >= self.policy.max_failures.max(1) {
            let until = now.saturating_add(millis(self.policy.duration));
            entry.locked_until = Some(until);
            return Some(until);
        }
        None
    }

    /// Forgets the failures of `key` (a success).
    pub fn succeeded(&self, key: &str) {
        if let Ok(mut keys) = self.keys.lock() {
            keys.remove(&Throttle::key(key));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn throttle() -> Throttle {
        Throttle::new(Lockout {
            max_failures: 3,
            window: Duration::from_secs(60),
            duration: Duration::from_secs(600),
        })
    }

    #[test]
    fn the_nth_failure_in_the_window_locks_until_the_lockout_is_over() {
        let t = throttle();
        assert_eq!(t.failed("anna", 0), None, "first");
        assert_eq!(t.failed("anna", 1_000), None, "second");
        assert_eq!(t.failed("anna", 2_000), Some(602_000), "third locks");
        assert_eq!(t.locked_until("anna", 601_999), Some(602_000), "locked");
        assert_eq!(t.locked_until("ben", 3_000), None, "others are not");
        assert_eq!(t.locked_until("anna", 602_000), None, "over");
        assert_eq!(t.failed("anna", 602_000), None, "counted afresh");
    }

    #[test]
    fn failures_outside_the_window_and_before_a_success_are_forgotten() {
        let t = throttle();
        t.failed("anna", 0);
        t.failed("anna", 1_000);
        assert_eq!(t.failed("anna", 61_000), None, "the window moved on");
        t.failed("anna", 62_000);
        t.succeeded("anna");
        assert_eq!(t.failed("anna", 63_000), None, "a success reset the count");
    }
}
