//! The window's clock: the device's time plus the shell's offset (`command::CLOCK`), so the
//! window counts "today" from the same "now" as the shell and the sync worker, and "today" is
//! the citizen's day in Europe/Berlin (`domain::calendar`), whatever time zone the device is
//! set to. The offset is 0 in every release build.

use std::cell::Cell;

use domain::calendar::UnixMillis;
use domain::ipc::{command, ClockView};

thread_local! {
    /// The shell's offset once it answered.
    static OFFSET: Cell<Option<i64>> = const { Cell::new(None) };
}

/// Asks the shell for its clock once; later calls return at once. Without an answer (no
/// shell) the device's clock is used.
pub async fn ensure() {
    if OFFSET.with(Cell::get).is_some() {
        return;
    }
    let offset = crate::ipc::read0::<ClockView>(command::CLOCK, 5_000)
        .await
        .map(|clock| clock.offset_ms)
        .unwrap_or(0);
    OFFSET.with(|cell| cell.set(Some(offset)));
}

/// Now, in Unix milliseconds.
pub fn now_millis() -> UnixMillis {
    let device = js_sys::Date::now() as i64;
    device.saturating_add(OFFSET.with(Cell::get).unwrap_or(0))
}

/// Today: the citizen's day in Berlin (the form engine takes it as a parameter).
pub fn today() -> domain::form::Date {
    domain::calendar::citizen_day(now_millis())
        .or_else(|| domain::form::Date::new(2026, 1, 1))
        .expect("a clock within the calendar's years gives a day, and 2026-01-01 exists")
}
