//! The shell's clock: the one place in the app process that reads the time. Everything below
//! (the store, the sync worker, the form rules) gets "now" from here as a parameter, and the
//! UI learns this clock's offset through the `clock` command, so the window, the shell and the
//! sync worker share one "now" and one "today" (the citizen's day in Europe/Berlin,
//! `domain::calendar`).
//!
//! Debug builds started with `THUERINGEN_FAKE_NOW=<RFC 3339 instant>` run on a moved clock:
//! it starts at that instant and runs forward in real time (the end-to-end suite uses it to
//! prove it does not depend on the calendar). Release builds never read that variable: the
//! code that does is compiled only with `debug_assertions`.

use std::sync::{Arc, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use domain::calendar::UnixMillis;

/// Milliseconds this process's clock is ahead of the system clock (0 unless moved).
static OFFSET: OnceLock<i64> = OnceLock::new();

/// The environment variable a debug build's clock is moved with.
#[cfg(debug_assertions)]
pub const FAKE_NOW_VAR: &str = "THUERINGEN_FAKE_NOW";

fn system_millis() -> UnixMillis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The offset a moved clock needs so that it reads `fake` now.
#[cfg(debug_assertions)]
fn offset_for(fake: Option<&str>, system: UnixMillis) -> Result<i64, String> {
    match fake {
        None => Ok(0),
        Some(text) => domain::calendar::parse_instant(text)
            .map(|fake| fake.saturating_sub(system))
            .ok_or_else(|| format!("{FAKE_NOW_VAR} is not an RFC 3339 instant with an offset")),
    }
}

#[cfg(debug_assertions)]
fn configured_offset() -> i64 {
    let fake = std::env::var(FAKE_NOW_VAR).ok();
    match offset_for(fake.as_deref(), system_millis()) {
        Ok(offset) => {
            if offset != 0 {
                eprintln!("ThüringenApp runs on a moved clock ({FAKE_NOW_VAR}, debug build)");
            }
            offset
        }
        Err(message) => {
            eprintln!("{message}; the real clock is used");
            0
        }
    }
}

#[cfg(not(debug_assertions))]
fn configured_offset() -> i64 {
    0
}

/// Fixes the clock for this process; call once at start (later calls change nothing).
pub fn start() {
    let _ = offset_millis();
}

/// How far this process's clock is from the system clock (0 in every release build).
pub fn offset_millis() -> i64 {
    *OFFSET.get_or_init(configured_offset)
}

/// Now, in Unix milliseconds.
pub fn now_millis() -> UnixMillis {
    system_millis().saturating_add(offset_millis())
}

/// This clock for the app's core and its sync worker.
pub fn for_sync() -> sync::Clock {
    Arc::new(now_millis)
}

#[cfg(all(test, debug_assertions))]
mod tests {
    use super::*;

    #[test]
    fn a_fake_now_moves_the_clock_and_nonsense_is_refused() {
        let system = domain::calendar::parse_instant("2026-12-05T10:00:00Z").expect("instant");
        let offset = offset_for(Some("2028-03-01T00:30:00+01:00"), system).expect("moved");
        let moved = system + offset;
        assert_eq!(
            domain::calendar::citizen_day(moved),
            domain::form::Date::new(2028, 3, 1),
            "00:30 in Berlin is already 1 March, while UTC still says 29 February"
        );
        assert_eq!(offset_for(None, system), Ok(0));
        assert!(offset_for(Some("tomorrow"), system).is_err());
    }
}
