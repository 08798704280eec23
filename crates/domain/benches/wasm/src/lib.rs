//! The validation bench compiled to wasm32: the host (node) supplies a millisecond clock
//! and reads the percentiles back. Only for measuring; ships nowhere.

use std::sync::Mutex;

use domain::form::{showcase, synthetic, Date, Form};

extern "C" {
    /// Milliseconds from the host (`performance.now()`).
    fn now() -> f64;
}

static RESULTS: Mutex<Vec<f64>> = Mutex::new(Vec::new());

fn clock() -> f64 {
    // SAFETY: `now` is a plain host function without arguments or side effects on memory.
    unsafe { now() }
}

fn percentiles(runs: usize, mut f: impl FnMut()) -> [f64; 3] {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = clock();
            f();
            clock() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| {
        times
            .get(((runs as f64 * q) as usize).min(runs.saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
    };
    [at(0.5), at(0.99), at(1.0)]
}

/// Runs the benches; results (ms): validate median, p99, max; parse median, p99, max.
#[no_mangle]
pub extern "C" fn run(runs: u32) -> u32 {
    let today = Date::parse("2026-11-26").unwrap_or_else(|| unreachable!());
    let Ok(form) = Form::new(synthetic::definition(500, 3, 20)) else {
        return 1;
    };
    let answers = synthetic::answers(form.definition(), 20, 7);
    for _ in 0..500 {
        std::hint::black_box(form.evaluate(&answers, today));
    }
    let validate = percentiles(runs as usize, || {
        std::hint::black_box(form.evaluate(std::hint::black_box(&answers), today));
    });
    let parse = percentiles((runs as usize / 4).max(1), || {
        std::hint::black_box(
            Form::from_json(std::hint::black_box(showcase::BAUGENEHMIGUNG)).is_ok(),
        );
    });
    if let Ok(mut results) = RESULTS.lock() {
        results.clear();
        results.extend(validate);
        results.extend(parse);
    }
    0
}

#[no_mangle]
pub extern "C" fn result(i: u32) -> f64 {
    RESULTS
        .lock()
        .ok()
        .and_then(|r| r.get(i as usize).copied())
        .unwrap_or(-1.0)
}
