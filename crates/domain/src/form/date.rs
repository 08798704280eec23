//! Calendar dates without a clock: parsing, day arithmetic and relative bounds such as
//! "not in the past" or "at most 6 months ago". "Today" is always a parameter; this module
//! never reads the time.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar (`YYYY-MM-DD` on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The smallest and largest years we accept; keeps all arithmetic far from overflow.
    pub const MIN_YEAR: i32 = 1;
    pub const MAX_YEAR: i32 = 9999;

    /// A date, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD` (exactly, ASCII digits only).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = i32::try_from(digits(0..4)?).ok()?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it is within the supported years.
    pub fn from_days(days: i64) -> Option<Date> {
        // Bounds keep the arithmetic safe: roughly years -5 million .. +5 million.
        if !(-2_000_000_000..=2_000_000_000).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(days)?)
    }

    /// Adds calendar months; the day is clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(self, months: i64) -> Option<Date> {
        let total = i64::from(self.year)
            .checked_mul(12)?
            .checked_add(i64::from(self.month) - 1)?
            .checked_add(months)?;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// Whole years from `self` to `other` (an age on `other` for a birth date `self`).
    pub fn years_until(self, other: Date) -> i64 {
        let mut years = i64::from(other.year) - i64::from(self.year);
        if (other.month, other.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not a date: {text}")))
    }
}

/// A bound for a date field: a fixed day or a day relative to "today".
///
/// Wire form (a string): `2024-01-01`, `today`, `today+14d`, `today-6m`, `today-18y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    Fixed(Date),
    /// `today` shifted by years, months and days (one unit per bound).
    Relative {
        days: i32,
        months: i32,
    },
}

impl DateBound {
    /// The concrete day for a given today; `None` if out of the calendar's range.
    pub fn resolve(self, today: Date) -> Option<Date> {
        match self {
            DateBound::Fixed(date) => Some(date),
            DateBound::Relative { days, months } => today
                .add_months(i64::from(months))?
                .add_days(i64::from(days)),
        }
    }

    /// Is this exactly "today"? Lets validation say "in the past" instead of a date.
    pub fn is_today(self) -> bool {
        matches!(self, DateBound::Relative { days: 0, months: 0 })
    }

    pub fn parse(text: &str) -> Option<DateBound> {
        let Some(rest) = text.strip_prefix("today") else {
            return Date::parse(text).map(DateBound::Fixed);
        };
        if rest.is_empty() {
            return Some(DateBound::Relative { days: 0, months: 0 });
        }
        let (sign, rest) = match rest.as_bytes().first() {
            Some(b'+') => (1, rest.get(1..)?),
            Some(b'-') => (-1, rest.get(1..)?),
            _ => return None,
        };
        let unit = rest.chars().last()?;
        let number = rest.get(..rest.len().checked_sub(1)?)?;
        if number.is_empty() || number.len() > 5 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i32 = number.parse().ok()?;
        let n = sign * n;
        match unit {
            'd' => Some(DateBound::Relative { days: n, months: 0 }),
            'w' => Some(DateBound::Relative {
                days: n.checked_mul(7)?,
                months: 0,
            }),
            'm' => Some(DateBound::Relative { days: 0, months: n }),
            'y' => Some(DateBound::Relative {
                days: 0,
                months: n.checked_mul(12)?,
            }),
            _ => None,
        }
    }
}

impl fmt::Display for DateBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateBound::Fixed(date) => write!(f, "{date}"),
            DateBound::Relative { days: 0, months: 0 } => f.write_str("today"),
            DateBound::Relative { days, months: 0 } => write!(f, "today{days:+}d"),
            DateBound::Relative { days: 0, months } if months % 12 == 0 => {
                write!(f, "today{:+}y", months / 12)
            }
            DateBound::Relative { days: 0, months } => write!(f, "today{months:+}m"),
            DateBound::Relative { days, months } => write!(f, "today{months:+}m{days:+}d"),
        }
    }
}

impl Serialize for DateBound {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateBound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        DateBound::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date bound: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|| panic!("test date {text} must parse"))
    }

    #[test]
    fn parse_and_display_round_trip() {
        for text in ["2026-11-26", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(d(text).to_string(), text, "{text} must round-trip");
        }
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-11-26",
            "2026-1-1",
            "２０２６-01-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad} is not a date");
        }
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(d("1970-01-01").to_days(), 0, "epoch is day 0");
        assert_eq!(
            d("2026-11-26").add_days(36),
            Some(d("2027-01-01")),
            "across a year"
        );
        assert_eq!(
            d("2024-01-31").add_months(1),
            Some(d("2024-02-29")),
            "clamped to leap day"
        );
        assert_eq!(
            d("2026-05-26").add_months(-6),
            Some(d("2025-11-26")),
            "six months back"
        );
        assert_eq!(
            d("2000-11-27").years_until(d("2026-11-26")),
            25,
            "birthday not yet reached"
        );
        assert_eq!(
            d("9999-12-31").add_days(1),
            None,
            "beyond the calendar is None"
        );
    }

    #[test]
    fn bounds() {
        let today = d("2026-11-26");
        let cases = [
            ("today", "2026-11-26"),
            ("today-6m", "2026-05-26"),
            ("today+14d", "2026-12-10"),
            ("today-18y", "2008-11-26"),
            ("2020-01-01", "2020-01-01"),
        ];
        for (bound, expected) in cases {
            let parsed = DateBound::parse(bound).unwrap_or_else(|| panic!("{bound} must parse"));
            assert_eq!(
                parsed.resolve(today),
                Some(d(expected)),
                "{bound} from {today}"
            );
            assert_eq!(
                DateBound::parse(&parsed.to_string()),
                Some(parsed),
                "{bound} round-trips"
            );
        }
        for bad in ["today+", "today6m", "today+6x", "tomorrow", "today+999999d"] {
            assert_eq!(DateBound::parse(bad), None, "{bad} is not a bound");
        }
    }
}
