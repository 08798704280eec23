//! Focus management and small browser helpers: after a navigation focus goes to the new
//! page's heading, after a failed step to the error summary (WCAG 2.4.3, GOV.UK pattern).

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Focuses the first element matching `selector` and scrolls it into view.
pub fn focus_selector(selector: &str) -> bool {
    let Some(element) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    element.scroll_into_view();
    element.focus().is_ok()
}

/// Runs `f` after the current render (a macrotask later).
pub fn later(delay_ms: i32, f: impl FnOnce() + 'static) {
    let closure = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            closure.unchecked_ref(),
            delay_ms,
        );
    }
}

/// Focuses the page heading (`main h1`) once it is rendered.
pub fn focus_heading_soon() {
    fn attempt(left: u32) {
        later(50, move || {
            if !focus_selector("main h1") && left > 0 {
                attempt(left - 1);
            }
        });
    }
    attempt(20);
}

/// Focuses `selector` once it is rendered.
pub fn focus_soon(selector: &'static str) {
    fn attempt(selector: &'static str, left: u32) {
        later(30, move || {
            if !focus_selector(selector) && left > 0 {
                attempt(selector, left - 1);
            }
        });
    }
    attempt(selector, 20);
}

/// Focuses the element with `id` once it is rendered.
pub fn focus_id_soon(id: String) {
    fn attempt(id: String, left: u32) {
        later(30, move || {
            let found = document()
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            match found {
                Some(element) => {
                    element.scroll_into_view();
                    let _ = element.focus();
                }
                None if left > 0 => attempt(id, left - 1),
                None => {}
            }
        });
    }
    attempt(id, 20);
}

/// Milliseconds since page load (for the keystroke-to-render measurement).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Formats an RFC 3339 time as date and time in Berlin for `language`.
pub fn local_time(rfc3339: &str, language: domain::Language) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    berlin_time(&date, language)
}

/// Formats a Unix time in milliseconds as [`local_time`] does.
pub fn local_time_millis(millis: i64, language: domain::Language) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    berlin_time(&date, language)
}

fn berlin_time(date: &js_sys::Date, language: domain::Language) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    // Berlin time, as the citizen's day is counted (`domain::calendar`): "saved at 00:30" and
    // "today is 1 March" agree whatever time zone the device is set to.
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"Europe/Berlin".into());
    date.to_locale_string(domain::format::intl_locale(language), &options)
        .into()
}
