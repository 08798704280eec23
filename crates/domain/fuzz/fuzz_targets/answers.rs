//! Any bytes as the answers to each showcase form: validation never panics and is
//! deterministic.
#![no_main]

use domain::form::{showcase_definitions, Answers, Date, Form};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(answers) = serde_json::from_slice::<Answers>(data) else {
        return;
    };
    let today = Date::parse("2026-11-26").unwrap_or_else(|| unreachable!());
    for (_, json) in showcase_definitions() {
        let Ok(form) = Form::from_json(json) else {
            continue;
        };
        let first = form.evaluate(&answers, today);
        assert_eq!(
            first,
            form.evaluate(&answers, today),
            "validation is deterministic"
        );
    }
});
