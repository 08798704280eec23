//! What the instances coordinate, in the shared database: claims of Idempotency-Keys, rate
//! buckets and failure counts, in UNLOGGED tables (they need not survive a crash, see
//! [`Coordination`]), each change one `INSERT ... ON CONFLICT DO UPDATE` at READ COMMITTED:
//! the conflicting row is locked and its latest version decides, so the statement is atomic
//! across instances without retries. They run on connections of their own,
//! one statement each in autocommit (one round trip), whose commits do not wait for the disk
//! (`synchronous_commit = off` for those sessions only).
//!
//! The arithmetic is the in-memory one's (`ratelimit::take`, `throttle::Failures::fail`),
//! said in SQL; the tests compare the two. Rows that mean nothing any more (lapsed claims,
//! full buckets, ended failures) are purged now and then, a bounded batch at a time, skipping
//! rows another transaction holds.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

use super::{PostgresStorage, Session};
use crate::error::Error;
use crate::storage::{Coordination, LockoutPolicy};

/// Every this many calls of one kind, an instance purges stale rows of its table.
const PURGE_EVERY: u64 = 256;
/// Most rows one purge deletes.
const PURGE_BATCH: i64 = 1_000;

/// Counters of the calls that decide when to purge.
#[derive(Default)]
pub(super) struct Purges {
    claims: AtomicU64,
    buckets: AtomicU64,
    failures: AtomicU64,
}

impl Purges {
    /// Whether this call purges (the first and then every [`PURGE_EVERY`]th).
    fn due(counter: &AtomicU64) -> bool {
        counter
            .fetch_add(1, Ordering::Relaxed)
            .is_multiple_of(PURGE_EVERY)
    }
}

fn hashed(key: &str) -> String {
    crate::service::sha256_hex(key.as_bytes())
}

/// Takes one token: a new bucket starts full (`burst`, at least 1) and passes; an existing one
/// refills by the time since (`$2 - at`, never negative) at `$3` per second up to `$4`, then
/// passes and loses a token if it holds one, else keeps what it holds. `passed` says which.
/// `LEVEL` is `ratelimit::take`'s `tokens`, in the same operations in the same order.
const TAKE: &str = "
INSERT INTO rate_buckets AS b (client_hash, tokens, at, passed)
VALUES ($1, $4::float8 - 1.0::float8, $2::bigint, TRUE)
ON CONFLICT (client_hash) DO UPDATE SET
    tokens = CASE WHEN LEVEL >= 1.0::float8 THEN LEVEL - 1.0::float8 ELSE LEVEL END,
    at = $2::bigint,
    passed = LEVEL >= 1.0::float8
RETURNING tokens, passed";

const LEVEL: &str = "LEAST(b.tokens + (GREATEST($2::bigint - b.at, 0)::float8 / 1000.0::float8) \
                     * $3::float8, $4::float8)";

/// Counts a failure, as `throttle::Failures::fail`: a key still locked stays as it is; a
/// lockout or window that is over (`first_at <= $5`, the window's start) counts afresh from 1;
/// else one more. Reaching `$4` failures locks until `$6`. `$7` is the lock of a first failure.
const FAIL: &str = "
INSERT INTO failures AS f (scope, key_hash, count, first_at, locked_until)
VALUES ($1, $2, 1, $3, $7)
ON CONFLICT (scope, key_hash) DO UPDATE SET
    count = CASE WHEN f.locked_until > $3 THEN f.count ELSE COUNTED END,
    first_at = CASE WHEN f.locked_until > $3 THEN f.first_at
                    WHEN AFRESH THEN $3
                    ELSE f.first_at END,
    locked_until = CASE WHEN f.locked_until > $3 THEN f.locked_until
                        WHEN COUNTED >= $4 THEN $6
                        ELSE NULL END
RETURNING locked_until";

const AFRESH: &str = "(f.locked_until IS NOT NULL OR f.first_at <= $5)";

/// The count after this failure (of a key not locked now); `u32` saturates.
const COUNTED: &str = "(CASE WHEN (f.locked_until IS NOT NULL OR f.first_at <= $5) THEN 1::bigint \
     ELSE LEAST(f.count + 1, 4294967295) END)";

static TAKE_SQL: LazyLock<String> = LazyLock::new(|| TAKE.replace("LEVEL", LEVEL));

static FAIL_SQL: LazyLock<String> =
    LazyLock::new(|| FAIL.replace("COUNTED", COUNTED).replace("AFRESH", AFRESH));

/// Deletes lapsed claims: a claim whose lease is over is what no claim is.
pub(super) fn purge_claims(tx: &mut Session, now: i64) -> Result<(), Error> {
    tx.execute(
        "DELETE FROM claims WHERE key_hash IN (
             SELECT key_hash FROM claims WHERE lease_until <= $1
             LIMIT $2 FOR UPDATE SKIP LOCKED)",
        &[&now, &PURGE_BATCH],
    )?;
    Ok(())
}

/// Deletes buckets idle long enough to be full whatever they held (`burst / rate` seconds):
/// a full bucket is what a new client gets.
pub(super) fn purge_buckets(
    tx: &mut Session,
    now: i64,
    rate: f64,
    burst: f64,
) -> Result<(), Error> {
    let full_after_ms = (burst / rate * 1000.0).ceil();
    if !(0.0..9.0e18).contains(&full_after_ms) {
        return Ok(());
    }
    let idle_since = now.saturating_sub(full_after_ms as i64);
    tx.execute(
        "DELETE FROM rate_buckets WHERE client_hash IN (
             SELECT client_hash FROM rate_buckets WHERE at <= $1
             LIMIT $2 FOR UPDATE SKIP LOCKED)",
        &[&idle_since, &PURGE_BATCH],
    )?;
    Ok(())
}

/// Deletes the failures of `scope` that mean nothing any more: window over, not locked.
pub(super) fn purge_failures(
    tx: &mut Session,
    scope: &str,
    now: i64,
    window_start: i64,
) -> Result<(), Error> {
    tx.execute(
        "DELETE FROM failures WHERE (scope, key_hash) IN (
             SELECT scope, key_hash FROM failures
             WHERE scope = $1 AND first_at <= $2 AND (locked_until IS NULL OR locked_until <= $3)
             LIMIT $4 FOR UPDATE SKIP LOCKED)",
        &[&scope, &window_start, &now, &PURGE_BATCH],
    )?;
    Ok(())
}

impl Coordination for PostgresStorage {
    fn claim(&self, key: &str, now: i64, until: i64) -> Result<bool, Error> {
        let key = hashed(key);
        let purge = Purges::due(&self.purges.claims);
        self.coordinate(|tx| {
            if purge {
                purge_claims(tx, now)?;
            }
            let won = tx.query_opt(
                "INSERT INTO claims AS c (key_hash, lease_until) VALUES ($1, $3)
                 ON CONFLICT (key_hash) DO UPDATE SET lease_until = EXCLUDED.lease_until
                 WHERE c.lease_until <= $2
                 RETURNING 1",
                &[&key, &now, &until],
            )?;
            Ok(won.is_some())
        })
    }

    fn release(&self, key: &str, until: i64) -> Result<(), Error> {
        let key = hashed(key);
        self.coordinate(|tx| {
            tx.execute(
                "DELETE FROM claims WHERE key_hash = $1 AND lease_until = $2",
                &[&key, &until],
            )?;
            Ok(())
        })
    }

    fn take_token(
        &self,
        client: &str,
        now: i64,
        rate: f64,
        burst: f64,
    ) -> Result<Option<u64>, Error> {
        let burst = burst.max(1.0);
        let key = hashed(client);
        let purge = Purges::due(&self.purges.buckets);
        let (tokens, passed) = self.coordinate(|tx| {
            if purge {
                purge_buckets(tx, now, rate, burst)?;
            }
            let row = tx.query_one(TAKE_SQL.as_str(), &[&key, &now, &rate, &burst])?;
            Ok((row.try_get::<_, f64>(0)?, row.try_get::<_, bool>(1)?))
        })?;
        if passed {
            return Ok(None);
        }
        Ok(Some(crate::ratelimit::wait_for(tokens, rate)))
    }

    fn locked_until(&self, scope: &str, key: &str, now: i64) -> Result<Option<i64>, Error> {
        let key = hashed(key);
        let row = self.conn()?.query_opt(
            "SELECT locked_until FROM failures
             WHERE scope = $1 AND key_hash = $2 AND locked_until > $3",
            &[&scope, &key, &now],
        )?;
        Ok(row.map(|row| row.try_get(0)).transpose()?)
    }

    fn failed(
        &self,
        scope: &str,
        key: &str,
        now: i64,
        policy: &LockoutPolicy,
    ) -> Result<Option<i64>, Error> {
        let key = hashed(key);
        let max = i64::from(policy.max_failures.max(1));
        let window_start = now.saturating_sub(policy.window_ms);
        let until = now.saturating_add(policy.lockout_ms);
        let first_lock = (1 >= max).then_some(until);
        let purge = Purges::due(&self.purges.failures);
        self.coordinate(|tx| {
            if purge {
                purge_failures(tx, scope, now, window_start)?;
            }
            let row = tx.query_one(
                FAIL_SQL.as_str(),
                &[&scope, &key, &now, &max, &window_start, &until, &first_lock],
            )?;
            Ok(row.try_get(0)?)
        })
    }

    fn succeeded(&self, scope: &str, key: &str) -> Result<(), Error> {
        let key = hashed(key);
        self.coordinate(|tx| {
            tx.execute(
                "DELETE FROM failures WHERE scope = $1 AND key_hash = $2",
                &[&scope, &key],
            )?;
            Ok(())
        })
    }
}
