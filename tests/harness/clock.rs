//! The journeys' clock: always a moved clock that starts at a chosen instant when the journey
//! process starts and runs on in real time. With `THUERINGEN_E2E_NOW=<RFC 3339 instant>` it
//! starts there; otherwise at noon (Berlin) of today's date, so a journey that types "today"
//! just before midnight never has it checked just after (a run started at 23:58 Berlin time
//! used to fail on "the date may not be in the past").
//! The state API (in this process) and every app the harness launches get the same moved "now"
//! (`Config::fake_now`, `THUERINGEN_FAKE_NOW`: both honoured by debug builds only), and the
//! journeys compute every date they type from [`today`], never from a calendar literal, so the
//! suite passes on any day. `scripts/test.sh` runs the date-sensitive journeys a second time
//! on a moved clock to prove it.

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use domain::calendar::{citizen_day, format_instant, parse_instant, UnixMillis};
use domain::form::Date;

/// The variable that moves the journeys' clock.
pub const MOVED_VAR: &str = "THUERINGEN_E2E_NOW";

fn system_millis() -> UnixMillis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The offset from the system clock.
static OFFSET: OnceLock<Option<i64>> = OnceLock::new();

/// Noon of the citizen's day at `now`: 12:00 in winter, 13:00 in summer (CET's offset), half a
/// day from either midnight.
fn noon_of_the_day(now: UnixMillis) -> UnixMillis {
    let day = citizen_day(now).expect("the system clock is within the calendar's years");
    parse_instant(&format!("{day}T12:00:00+01:00")).expect("a date at noon is an instant")
}

/// Moves this journey process's clock to `instant` (RFC 3339); call before starting a server
/// or an app. A journey that needs a particular hour lives in a test binary of its own.
pub fn move_to(instant: &str) -> Result<(), String> {
    let start = parse_instant(instant)
        .ok_or_else(|| format!("{instant:?} is not an RFC 3339 instant with an offset"))?;
    OFFSET
        .set(Some(start - system_millis()))
        .map_err(|_| "the journeys' clock was read before it was moved".to_string())
}

fn offset() -> Option<i64> {
    *OFFSET.get_or_init(|| {
        let system = system_millis();
        let start = match std::env::var(MOVED_VAR) {
            Ok(text) => parse_instant(&text).unwrap_or_else(|| {
                panic!("{MOVED_VAR}={text:?} is not an RFC 3339 instant with an offset")
            }),
            Err(_) => noon_of_the_day(system),
        };
        Some(start - system)
    })
}

/// Now by the journeys' clock.
pub fn now_millis() -> UnixMillis {
    system_millis().saturating_add(offset().unwrap_or(0))
}

/// Today as the app and the state API count it: the citizen's day in Europe/Berlin.
pub fn today() -> Date {
    citizen_day(now_millis()).expect("the journeys' clock is within the calendar's years")
}

/// Now for the state API (the journeys' clock is always moved).
pub fn moved_now() -> Option<UnixMillis> {
    offset().map(|_| now_millis())
}

/// The app's environment for the moved clock.
pub fn app_env() -> Option<(&'static str, String)> {
    let now = moved_now()?;
    Some((
        "THUERINGEN_FAKE_NOW",
        format_instant(now).expect("the journeys' clock is within the calendar's years"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noon_is_half_a_day_from_either_midnight_in_winter_and_summer() {
        for (now, noon) in [
            ("2026-12-05T23:58:00+01:00", "2026-12-05T12:00:00+01:00"),
            ("2026-12-06T00:01:00+01:00", "2026-12-06T12:00:00+01:00"),
            ("2026-07-01T00:30:00+02:00", "2026-07-01T13:00:00+02:00"),
            ("2026-03-29T03:30:00+02:00", "2026-03-29T13:00:00+02:00"),
        ] {
            let now = parse_instant(now).expect("an instant");
            let noon = parse_instant(noon).expect("an instant");
            assert_eq!(noon_of_the_day(now), noon);
        }
    }
}
