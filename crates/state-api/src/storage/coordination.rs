//! What the instances of one server must agree on beyond the records: which request holds an
//! Idempotency-Key right now, each client's rate-limit bucket, and the failed attempts that
//! lock a username or an address out.
//!
//! One process alone ([`InProcess`], beside the SQLite storage) keeps these in memory. Several
//! instances sharing one PostgreSQL database keep them in it (`postgres::PostgresStorage`), so
//! no lock inside one process decides anything: a retry that lands on another instance meets
//! the same claim, the same bucket and the same count.
//!
//! None of this must survive a crash: a claim has a lease (a killed instance's claim lapses),
//! a bucket refills, a lockout ends. Keys are kept only as hashes (they may be tokens, names
//! or addresses).

use crate::error::Error;

/// A failure count policy: `max_failures` within `window_ms` lock the key for `lockout_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockoutPolicy {
    pub max_failures: u32,
    pub window_ms: i64,
    pub lockout_ms: i64,
}

/// Shared short-lived state of the server's instances. Every method is atomic across instances.
pub trait Coordination: Send + Sync + 'static {
    /// Claims `key` for one request until `until` (unix ms; the lease), unless a live claim
    /// holds it: `true` when this call claimed it. An expired claim is taken over.
    fn claim(&self, key: &str, now: i64, until: i64) -> Result<bool, Error>;
    /// Gives up the claim this request made with lease `until` (the request is over). A claim
    /// taken over after that lease ran out is another request's and stays.
    fn release(&self, key: &str, until: i64) -> Result<(), Error>;
    /// Takes one token from `client`'s bucket (`rate` tokens per second, at most `burst`):
    /// `Ok(None)` to let the request through, `Ok(Some(seconds))` to wait that long first.
    fn take_token(
        &self,
        client: &str,
        now: i64,
        rate: f64,
        burst: f64,
    ) -> Result<Option<u64>, Error>;
    /// Until when `key` is locked out (unix ms) in `scope` (`login`, `admin`), if it is at `now`.
    fn locked_until(&self, scope: &str, key: &str, now: i64) -> Result<Option<i64>, Error>;
    /// Counts a failure of `key` at `now`; returns until when it is locked out if this failure
    /// (or an earlier one) locked it.
    fn failed(
        &self,
        scope: &str,
        key: &str,
        now: i64,
        policy: &LockoutPolicy,
    ) -> Result<Option<i64>, Error>;
    /// Forgets the failures of `key` (a success).
    fn succeeded(&self, scope: &str, key: &str) -> Result<(), Error>;
    /// Whether the calls are cheap and never block (in memory), so callers may skip the
    /// blocking pool.
    fn in_memory(&self) -> bool {
        false
    }
}

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use crate::ratelimit::{self, Bucket};
use crate::service::throttle::Failures;

/// Most keys of each kind remembered in memory; beyond, the ones that mean nothing any more
/// are forgotten first, and if that is not enough (a flood of fresh keys) all of them: a
/// full bucket or an ended window is what a forgotten key starts with anyway.
const MAX_KEYS: usize = 100_000;

/// The coordination of one process: in memory, gone with the process. Right for a server that
/// runs alone (the SQLite storage); several instances need the database's (PostgreSQL).
#[derive(Default)]
pub struct InProcess {
    claims: Mutex<HashMap<String, i64>>,
    buckets: Mutex<HashMap<String, Bucket>>,
    failures: Mutex<HashMap<(String, String), Failures>>,
}

fn lock<T>(mutex: &Mutex<T>) -> Result<MutexGuard<'_, T>, Error> {
    mutex
        .lock()
        .map_err(|_| Error::Task("the coordination state was poisoned".into()))
}

fn hashed(key: &str) -> String {
    crate::service::sha256_hex(key.as_bytes())
}

impl Coordination for InProcess {
    fn claim(&self, key: &str, now: i64, until: i64) -> Result<bool, Error> {
        let mut claims = lock(&self.claims)?;
        if claims.len() >= MAX_KEYS {
            claims.retain(|_, lease| *lease > now);
        }
        let key = hashed(key);
        if claims.get(&key).is_some_and(|lease| *lease > now) {
            return Ok(false);
        }
        claims.insert(key, until);
        Ok(true)
    }

    fn release(&self, key: &str, until: i64) -> Result<(), Error> {
        let mut claims = lock(&self.claims)?;
        let key = hashed(key);
        if claims.get(&key) == Some(&until) {
            claims.remove(&key);
        }
        Ok(())
    }

    fn take_token(
        &self,
        client: &str,
        now: i64,
        rate: f64,
        burst: f64,
    ) -> Result<Option<u64>, Error> {
        let mut buckets = lock(&self.buckets)?;
        if buckets.len() >= MAX_KEYS {
            buckets.retain(|_, b| !ratelimit::is_full(b, now, rate, burst));
            if buckets.len() >= MAX_KEYS {
                buckets.clear();
            }
        }
        let key = hashed(client);
        let (after, wait) = ratelimit::take(buckets.get(&key).copied(), now, rate, burst);
        buckets.insert(key, after);
        Ok(wait)
    }

    fn locked_until(&self, scope: &str, key: &str, now: i64) -> Result<Option<i64>, Error> {
        let failures = lock(&self.failures)?;
        Ok(failures
            .get(&(scope.to_string(), hashed(key)))
            .and_then(|f| f.locked_at(now)))
    }

    fn failed(
        &self,
        scope: &str,
        key: &str,
        now: i64,
        policy: &LockoutPolicy,
    ) -> Result<Option<i64>, Error> {
        let mut failures = lock(&self.failures)?;
        if failures.len() >= MAX_KEYS {
            failures.retain(|_, f| !f.is_over(now, policy));
            if failures.len() >= MAX_KEYS {
                failures.clear();
            }
        }
        let key = (scope.to_string(), hashed(key));
        let (after, locked) = Failures::fail(failures.get(&key).copied(), now, policy);
        failures.insert(key, after);
        Ok(locked)
    }

    fn succeeded(&self, scope: &str, key: &str) -> Result<(), Error> {
        lock(&self.failures)?.remove(&(scope.to_string(), hashed(key)));
        Ok(())
    }

    fn in_memory(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_is_held_until_released_or_its_lease_ends() {
        let c = InProcess::default();
        assert!(c.claim("create:anna:k", 0, 1_000).expect("claim"), "first");
        assert!(!c.claim("create:anna:k", 10, 1_010).expect("claim"), "held");
        assert!(
            c.claim("create:ben:k", 10, 1_010).expect("claim"),
            "another key"
        );
        assert!(
            c.claim("create:anna:k", 1_000, 2_000).expect("claim"),
            "lease over"
        );
        c.release("create:anna:k", 1_000)
            .expect("the first request ends late");
        assert!(
            !c.claim("create:anna:k", 1_001, 2_001).expect("claim"),
            "the late end of the first request leaves the second's claim"
        );
        c.release("create:anna:k", 2_000).expect("released");
        assert!(
            c.claim("create:anna:k", 1_002, 2_002).expect("claim"),
            "released"
        );
    }

    #[test]
    fn buckets_are_per_client() {
        let c = InProcess::default();
        for i in 0..3 {
            assert_eq!(c.take_token("a", 0, 1.0, 3.0).expect("taken"), None, "{i}");
        }
        assert_eq!(c.take_token("a", 0, 1.0, 3.0).expect("taken"), Some(1));
        assert_eq!(
            c.take_token("b", 0, 1.0, 3.0).expect("taken"),
            None,
            "b's own"
        );
    }
}
