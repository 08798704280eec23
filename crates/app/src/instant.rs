//! Instants as the window reads them.

use time::OffsetDateTime;

/// RFC 3339 in UTC for a Unix millisecond time (empty outside the calendar's range).
pub fn rfc3339(millis: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn instants_are_utc_to_the_millisecond() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            super::rfc3339(1_796_000_000_123),
            "2026-11-30T00:53:20.123Z"
        );
        assert_eq!(super::rfc3339(i64::MAX), "", "out of range says nothing");
    }
}
