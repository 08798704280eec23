//! A token-bucket rate limit per client (bearer token or peer address).
//!
//! In memory and per process: enough for the reference server. It never stores a token
//! itself, only a short hash of it.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Buckets per client key.
pub struct RateLimiter {
    rate: Option<f64>,
    burst: f64,
    buckets: Mutex<HashMap<String, Bucket>>,
}

const MAX_CLIENTS: usize = 100_000;

impl RateLimiter {
    pub fn new(rate: Option<f64>, burst: f64) -> Self {
        RateLimiter {
            rate,
            burst: burst.max(1.0),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Is there a limit at all?
    pub fn is_on(&self) -> bool {
        self.rate.is_some_and(|r| r > 0.0)
    }

    /// `Ok` to let a request through, `Err(seconds)` to wait before the next one.
    pub fn check(&self, client: &str) -> Result<(), u64> {
        let Some(rate) = self.rate.filter(|r| *r > 0.0) else {
            return Ok(());
        };
        let Ok(mut buckets) = self.buckets.lock() else {
            return Ok(());
        };
        let now = Instant::now();
        if buckets.len() >= MAX_CLIENTS {
            // Forget full buckets (clients that have been quiet): they would be full anyway.
            let burst = self.burst;
            buckets.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * rate < burst);
        }
        let bucket = buckets.entry(client.to_string()).or_insert(Bucket {
            tokens: self.burst,
            at: now,
        });
        let refill = now.duration_since(bucket.at).as_secs_f64() * rate;
        bucket.tokens = (bucket.tokens + refill).min(self.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_passes_then_the_client_waits() {
        let limiter = RateLimiter::new(Some(1.0), 3.0);
        for i in 0..3 {
            assert!(
                limiter.check("a").is_ok(),
                "request {i} of the burst passes"
            );
        }
        assert_eq!(
            limiter.check("a"),
            Err(1),
            "the fourth waits about a second"
        );
        assert!(
            limiter.check("b").is_ok(),
            "another client has its own bucket"
        );
        let off = RateLimiter::new(None, 1.0);
        for _ in 0..10 {
            assert!(
                off.check("a").is_ok(),
                "no limit configured: everything passes"
            );
        }
    }
}
