//! The journeys' clock. By default the real time; with `THUERINGEN_E2E_NOW=<RFC 3339 instant>`
//! a moved clock that starts there when the journey process starts and runs on in real time.
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

/// The offset from the system clock: `None` on the real clock.
static OFFSET: OnceLock<Option<i64>> = OnceLock::new();

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
        let text = std::env::var(MOVED_VAR).ok()?;
        let start = parse_instant(&text).unwrap_or_else(|| {
            panic!("{MOVED_VAR}={text:?} is not an RFC 3339 instant with an offset")
        });
        Some(start - system_millis())
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

/// Now for the state API when the clock is moved.
pub fn moved_now() -> Option<UnixMillis> {
    offset().map(|_| now_millis())
}

/// The app's environment for a moved clock (nothing on the real clock).
pub fn app_env() -> Option<(&'static str, String)> {
    let now = moved_now()?;
    Some((
        "THUERINGEN_FAKE_NOW",
        format_instant(now).expect("the journeys' clock is within the calendar's years"),
    ))
}
