//! `THUERINGEN_TRACE_IPC=1` (set by the end-to-end harness): one line on stderr per command the
//! shell gets and per event it sends to the window, and the steps of the start (store opened,
//! catalog seeded, forms checked, set up), with milliseconds since start. Names only,
//! never arguments or payloads, so nothing personal is printed.

use std::sync::OnceLock;
use std::time::Instant;

fn start() -> Option<Instant> {
    static START: OnceLock<Option<Instant>> = OnceLock::new();
    *START.get_or_init(|| {
        std::env::var_os("THUERINGEN_TRACE_IPC")
            .is_some()
            .then(Instant::now)
    })
}

/// Starts the clock of the trace (call once at start; later calls do nothing).
pub fn init() {
    let _ = start();
}

/// Whether tracing is on.
pub fn enabled() -> bool {
    start().is_some()
}

/// Prints `[what ms] name` when tracing is on.
pub fn line(what: &str, name: &str) {
    if let Some(start) = start() {
        eprintln!("[{what} {:>7} ms] {name}", start.elapsed().as_millis());
    }
}
