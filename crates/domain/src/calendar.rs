//! The citizen's day: the calendar date in Europe/Berlin, the day German law counts deadlines
//! in ("within two weeks of moving in", "not in the past"). The UI, the shell and the state API
//! all turn their one clock's instant into a day here, so they agree on "today" at any hour,
//! also between midnight and 01:00/02:00 Berlin time when the UTC date is still yesterday.
//!
//! Pure like the rest of the crate: the instant comes in as an argument. The time-zone rules
//! are Europe/Berlin's from the IANA database, embedded at compile time by `jiff` (no system
//! database, so the same rules hold in wasm and on every device).

use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::form::Date;

/// An instant as milliseconds since 1970-01-01T00:00:00Z.
pub type UnixMillis = i64;

/// The time zone the citizen's day is counted in.
static BERLIN: TimeZone = jiff::tz::get!("Europe/Berlin");

/// The calendar date in Berlin at the instant `now`; `None` only for an instant outside the
/// calendar's years.
pub fn citizen_day(now: UnixMillis) -> Option<Date> {
    let instant = Timestamp::from_millisecond(now).ok()?;
    let civil = BERLIN.to_datetime(instant);
    Date::new(
        i32::from(civil.year()),
        u8::try_from(civil.month()).ok()?,
        u8::try_from(civil.day()).ok()?,
    )
}

/// Parses an RFC 3339 instant with an offset (`2028-02-29T23:30:00+01:00`, `…Z`).
pub fn parse_instant(text: &str) -> Option<UnixMillis> {
    let instant: Timestamp = text.trim().parse().ok()?;
    Some(instant.as_millisecond())
}

/// An instant in RFC 3339 with Berlin's offset at that instant (`2028-03-01T00:30:00+01:00`).
pub fn format_instant(instant: UnixMillis) -> Option<String> {
    let instant = Timestamp::from_millisecond(instant).ok()?;
    let offset = BERLIN.to_offset(instant);
    Some(instant.display_with_offset(offset).to_string())
}

/// The Berlin date and wall-clock time (hour, minute) at an instant, as a person there read
/// it; `None` only outside the calendar's years.
pub fn citizen_time(instant: UnixMillis) -> Option<(Date, u8, u8)> {
    let civil = BERLIN.to_datetime(Timestamp::from_millisecond(instant).ok()?);
    let day = Date::new(
        i32::from(civil.year()),
        u8::try_from(civil.month()).ok()?,
        u8::try_from(civil.day()).ok()?,
    )?;
    Some((
        day,
        u8::try_from(civil.hour()).ok()?,
        u8::try_from(civil.minute()).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> UnixMillis {
        parse_instant(text).expect("an RFC 3339 instant")
    }

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn new_year_in_berlin_while_utc_is_still_in_the_old_year() {
        assert_eq!(
            citizen_day(at("2026-12-31T23:30:00Z")),
            Some(day("2027-01-01"))
        );
        assert_eq!(
            citizen_day(at("2026-12-31T22:59:59.999Z")),
            Some(day("2026-12-31"))
        );
        assert_eq!(
            citizen_day(at("2026-12-31T23:00:00Z")),
            Some(day("2027-01-01"))
        );
    }

    #[test]
    fn half_past_midnight_in_berlin_is_the_new_day_winter_and_summer() {
        // Winter (UTC+1): 00:30 Berlin is 23:30 UTC the day before.
        assert_eq!(
            citizen_day(at("2026-12-05T00:30:00+01:00")),
            Some(day("2026-12-05"))
        );
        assert_eq!(
            citizen_day(at("2026-12-04T23:30:00Z")),
            Some(day("2026-12-05"))
        );
        // Summer (UTC+2): 01:30 Berlin is 23:30 UTC the day before.
        assert_eq!(
            citizen_day(at("2026-07-14T23:30:00Z")),
            Some(day("2026-07-15"))
        );
        assert_eq!(
            citizen_day(at("2026-07-14T21:59:59Z")),
            Some(day("2026-07-14"))
        );
    }

    #[test]
    fn spring_forward_2026() {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
        assert_eq!(
            format_instant(at("2026-03-29T00:59:59Z")).as_deref(),
            Some("2026-03-29T01:59:59+01:00")
        );
        assert_eq!(
            format_instant(at("2026-03-29T01:00:00Z")).as_deref(),
            Some("2026-03-29T03:00:00+02:00")
        );
        // The evening before the switch is still UTC+1: 23:00 UTC is midnight.
        assert_eq!(
            citizen_day(at("2026-03-28T22:59:59Z")),
            Some(day("2026-03-28"))
        );
        assert_eq!(
            citizen_day(at("2026-03-28T23:00:00Z")),
            Some(day("2026-03-29"))
        );
        // The evening of the switch is UTC+2: 22:00 UTC is midnight.
        assert_eq!(
            citizen_day(at("2026-03-29T21:59:59Z")),
            Some(day("2026-03-29"))
        );
        assert_eq!(
            citizen_day(at("2026-03-29T22:00:00Z")),
            Some(day("2026-03-30"))
        );
    }

    #[test]
    fn fall_back_2026() {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
        assert_eq!(
            format_instant(at("2026-10-25T00:59:59Z")).as_deref(),
            Some("2026-10-25T02:59:59+02:00")
        );
        assert_eq!(
            format_instant(at("2026-10-25T01:00:00Z")).as_deref(),
            Some("2026-10-25T02:00:00+01:00")
        );
        // The evening before is UTC+2, the evening of the switch UTC+1.
        assert_eq!(
            citizen_day(at("2026-10-24T22:00:00Z")),
            Some(day("2026-10-25"))
        );
        assert_eq!(
            citizen_day(at("2026-10-25T22:59:59Z")),
            Some(day("2026-10-25"))
        );
        assert_eq!(
            citizen_day(at("2026-10-25T23:00:00Z")),
            Some(day("2026-10-26"))
        );
    }

    #[test]
    fn leap_day() {
        assert_eq!(
            citizen_day(at("2028-02-29T23:30:00+01:00")),
            Some(day("2028-02-29"))
        );
        assert_eq!(
            citizen_day(at("2028-02-29T23:30:00Z")),
            Some(day("2028-03-01"))
        );
        assert_eq!(
            citizen_day(at("2028-02-28T23:00:00Z")),
            Some(day("2028-02-29"))
        );
        // No 29 February in 2100 (a century, not divisible by 400).
        assert_eq!(
            citizen_day(at("2100-02-28T23:00:00Z")),
            Some(day("2100-03-01"))
        );
    }

    #[test]
    fn deadlines_counted_from_the_berlin_day() {
        // "Within two weeks of moving in", asked at 00:30 Berlin on 1 March 2028.
        let today = citizen_day(at("2028-03-01T00:30:00+01:00")).expect("a day");
        assert_eq!(today.add_days(14), Some(day("2028-03-15")));
        assert_eq!(today.add_days(-14), Some(day("2028-02-16")));
        // The last day of a month plus one month is clamped to the shorter month's end.
        assert_eq!(day("2028-01-31").add_months(1), Some(day("2028-02-29")));
        assert_eq!(day("2027-01-31").add_months(1), Some(day("2027-02-28")));
        assert_eq!(day("2026-03-31").add_months(1), Some(day("2026-04-30")));
        assert_eq!(day("2026-12-31").add_months(1), Some(day("2027-01-31")));
        assert_eq!(day("2028-02-29").add_months(12), Some(day("2029-02-28")));
        assert_eq!(day("2028-03-31").add_months(-1), Some(day("2028-02-29")));
    }

    #[test]
    fn instants_round_trip_and_nonsense_is_refused() {
        let instant = at("2028-02-29T23:30:00+01:00");
        assert_eq!(
            format_instant(instant).as_deref(),
            Some("2028-02-29T23:30:00+01:00")
        );
        assert_eq!(parse_instant("2028-02-29T23:30:00+01:00"), Some(instant));
        assert_eq!(parse_instant("2028-02-30T23:30:00Z"), None);
        assert_eq!(parse_instant("morgen"), None);
        assert_eq!(parse_instant("2028-02-29"), None);
        assert_eq!(citizen_day(i64::MAX), None);
        assert_eq!(citizen_day(i64::MIN), None);
    }

    #[test]
    fn wall_clock_time_in_berlin_winter_and_summer() {
        let (day, hour, minute) = citizen_time(at("2026-12-05T23:30:00Z")).expect("a time");
        assert_eq!((day, hour, minute), (self::day("2026-12-06"), 0, 30));
        let (day, hour, minute) = citizen_time(at("2026-07-01T10:05:00Z")).expect("a time");
        assert_eq!((day, hour, minute), (self::day("2026-07-01"), 12, 5));
    }
}
