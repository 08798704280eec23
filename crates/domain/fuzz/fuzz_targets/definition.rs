//! Any bytes as a form definition: parsing and compiling never panic, and a definition that
//! compiles validates an empty draft without panicking.
#![no_main]

use domain::form::{Answers, Date, Form};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(form) = Form::from_json(json) {
        let today = Date::parse("2026-11-26").unwrap_or_else(|| unreachable!());
        let _ = form.evaluate(&Answers::new(), today);
    }
});
