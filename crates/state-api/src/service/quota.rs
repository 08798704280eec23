//! Per-citizen quotas: submissions per day (the citizen's day in Europe/Berlin, as the forms'
//! date rules count it) and attachment bytes held. The storage checks them in the transaction
//! that creates a submission; this module works out the day and words the refusals.

use axum::http::StatusCode;

use super::Backend;
use crate::error::Problem;
use crate::storage::Quota;

/// Longest day in Berlin (the day the clocks go back) plus a margin.
const AROUND_A_DAY_MS: i64 = 26 * 60 * 60 * 1000;

/// The first instant in `(lo, hi]` where `same(t)` turns false, given `same(lo)` and
/// `!same(hi)` (a day boundary, to the millisecond).
fn boundary(mut lo: i64, mut hi: i64, same: impl Fn(i64) -> bool) -> i64 {
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if same(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

/// The start of the citizen's day at `now` and the start of the next (unix ms).
pub fn citizen_day_bounds(now: i64) -> Option<(i64, i64)> {
    let today = domain::calendar::citizen_day(now)?;
    let is_today = |t: i64| domain::calendar::citizen_day(t) == Some(today);
    let start = boundary(now.saturating_sub(AROUND_A_DAY_MS), now, |t| !is_today(t));
    let next = boundary(now, now.saturating_add(AROUND_A_DAY_MS), is_today);
    Some((start, next))
}

impl Backend {
    /// The quotas of a create now.
    pub(crate) fn quota_now(&self) -> Result<(Quota, i64), Problem> {
        let now = self.now();
        let (day_start, next_day) = citizen_day_bounds(now).ok_or_else(Problem::internal)?;
        let limits = &self.config().limits;
        let quota = Quota {
            day_start,
            per_day: limits.submissions_per_day,
            attachment_bytes: limits.attachment_bytes_per_citizen,
        };
        Ok((quota, next_day))
    }

    /// The refusal when the citizen created `per_day` submissions today; retry at `next_day`.
    pub(crate) fn over_daily_quota(&self, per_day: u64, next_day: i64) -> Problem {
        let seconds = (next_day.saturating_sub(self.now()) + 999) / 1000;
        let mut problem = Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "quota_submissions_per_day",
            "Daily submission limit reached",
        )
        .detail(format!(
            "at most {per_day} new submissions per citizen per day (Europe/Berlin); \
             try again tomorrow"
        ));
        problem.retry_after = Some(u64::try_from(seconds.max(1)).unwrap_or(1));
        problem
    }

    /// The refusal when the citizen's attachments would exceed their storage quota.
    pub(crate) fn over_attachment_quota(&self, held: u64, announced: u64) -> Problem {
        let limit = self.config().limits.attachment_bytes_per_citizen;
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "quota_attachment_bytes",
            "Attachment storage limit reached",
        )
        .detail(format!(
            "at most {limit} bytes of attachments are kept per citizen; {held} are held and \
             {announced} more were announced"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> i64 {
        domain::calendar::parse_instant(text).expect("an instant")
    }

    #[test]
    fn the_citizens_day_runs_from_berlin_midnight_to_berlin_midnight() {
        let (start, next) = citizen_day_bounds(at("2028-03-01T00:30:00+01:00")).expect("a day");
        assert_eq!(start, at("2028-03-01T00:00:00+01:00"), "Berlin midnight");
        assert_eq!(next, at("2028-03-02T00:00:00+01:00"), "the next");
        // The day the clocks go back is 25 hours long.
        let (start, next) = citizen_day_bounds(at("2028-10-29T12:00:00+01:00")).expect("a day");
        assert_eq!(
            start,
            at("2028-10-29T00:00:00+02:00"),
            "summer time midnight"
        );
        assert_eq!(next - start, 25 * 3_600_000, "25 hours");
    }
}
