#![no_main]
//! Any bytes: the import returns, and what it returns as Ok the form engine accepts.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = xdatenfelder::Options {
        code_lists: xdatenfelder::shipped::code_lists(),
        ..Default::default()
    };
    if let Ok(import) = xdatenfelder::import(text, &options) {
        if domain::form::Form::new(import.definition).is_err() {
            panic!("an import the engine refuses");
        }
    }
});
