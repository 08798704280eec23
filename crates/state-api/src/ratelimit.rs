//! A token bucket per client (a verified citizen or a peer address): the arithmetic only.
//!
//! Where the buckets live is [`crate::storage::Coordination`]'s business: in memory for one
//! process, in the shared database for several instances. Both use [`take`] (the database
//! implementation says the same in SQL, and its tests compare the two).

/// A client's bucket: how many tokens it held at an instant (unix ms).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    pub tokens: f64,
    pub at: i64,
}

/// Takes one token from `bucket` (a new client's is full) at `now`, refilled at `rate` tokens
/// per second up to `burst`: the bucket after, and `None` to let the request through or
/// `Some(seconds)` to wait that long (at least 1) before the next one.
pub fn take(bucket: Option<Bucket>, now: i64, rate: f64, burst: f64) -> (Bucket, Option<u64>) {
    let burst = burst.max(1.0);
    let tokens = match bucket {
        None => burst,
        Some(b) => {
            let elapsed = now.saturating_sub(b.at).max(0) as f64 / 1000.0;
            (b.tokens + elapsed * rate).min(burst)
        }
    };
    if tokens >= 1.0 {
        (
            Bucket {
                tokens: tokens - 1.0,
                at: now,
            },
            None,
        )
    } else {
        (Bucket { tokens, at: now }, Some(wait_for(tokens, rate)))
    }
}

/// How long a client holding `tokens` (less than one) waits for the next, at `rate` tokens per
/// second: whole seconds, at least 1 (what `Retry-After` says).
pub fn wait_for(tokens: f64, rate: f64) -> u64 {
    ((1.0 - tokens) / rate).ceil().max(1.0) as u64
}

/// Whether a bucket is full again at `now` (a quiet client's, which may be forgotten).
pub fn is_full(bucket: &Bucket, now: i64, rate: f64, burst: f64) -> bool {
    let elapsed = now.saturating_sub(bucket.at).max(0) as f64 / 1000.0;
    bucket.tokens + elapsed * rate >= burst.max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_passes_then_the_client_waits_until_the_bucket_refills() {
        let mut bucket = None;
        for i in 0..3 {
            let (after, wait) = take(bucket, 0, 1.0, 3.0);
            assert_eq!(wait, None, "request {i} of the burst passes");
            bucket = Some(after);
        }
        let (after, wait) = take(bucket, 0, 1.0, 3.0);
        assert_eq!(wait, Some(1), "the fourth waits about a second");
        let (_, wait) = take(Some(after), 999, 1.0, 3.0);
        assert_eq!(wait, Some(1), "not yet a whole token after 999 ms");
        let (after, wait) = take(Some(after), 1_000, 1.0, 3.0);
        assert_eq!(wait, None, "one token after a second");
        assert!(!is_full(&after, 1_000, 1.0, 3.0), "not full yet");
        assert!(is_full(&after, 4_000, 1.0, 3.0), "full after three seconds");
    }

    #[test]
    fn a_slow_rate_asks_for_a_longer_wait() {
        let (empty, _) = take(None, 0, 0.1, 1.0);
        assert_eq!(
            take(Some(empty), 0, 0.1, 1.0).1,
            Some(10),
            "a token per 10 s"
        );
    }
}
