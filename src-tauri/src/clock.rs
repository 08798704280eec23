//! The shell's clock: the one place that reads the time, so the crates below get it as a
//! parameter.

use domain::form::Date;
use time::OffsetDateTime;

pub fn now_millis() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// RFC 3339 in UTC for a Unix millisecond time.
pub fn rfc3339(millis: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// Today (UTC; the state API validates with the same day).
pub fn today() -> Option<Date> {
    let now = OffsetDateTime::now_utc();
    Date::new(now.year(), u8::from(now.month()), now.day())
}
