//! Marks of the start on the page's performance timeline (the User Timing API), as
//! `thueringen:<step>`: the launch benchmark (`scripts/bench-launch.sh`) reads them to say
//! where the start's time goes. Each step is marked once, so the timeline never grows while
//! the app runs; nothing leaves the device.

use std::cell::RefCell;

thread_local! {
    static MARKED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Marks `step` the first time it is called (and says whether this was the first time).
pub fn once(step: &'static str) -> bool {
    let first = MARKED.with(|marked| {
        let mut marked = marked.borrow_mut();
        let first = !marked.contains(&step);
        if first {
            marked.push(step);
        }
        first
    });
    if first {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark(&format!("thueringen:{step}"));
        }
    }
    first
}

/// Marks when the shell's answer to one of the start's commands arrived (before it is read).
pub fn answered(command: &str) {
    match command {
        domain::ipc::command::GET_SETTINGS => {
            once("settings-answered");
        }
        domain::ipc::command::LOAD_CATALOG => {
            once("catalog-answered");
        }
        _ => {}
    }
}

/// Marks `service-list` (what the benchmark waits for) once rows of `#service-list` are in
/// the DOM.
pub fn service_list_shown() {
    let in_dom = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("#service-list li").ok().flatten())
        .is_some();
    if in_dom && once("service-list") {
        // The frame after next has the list painted: `service-list-painted` is when the
        // person sees it.
        once_painted("service-list-painted");
    }
}

/// Marks `step` once the frame after next has run: what the DOM holds now is painted then.
/// Marked after the mount as well (`mounted-painted`), so the timeline shows how long a
/// frame takes when there is little to lay out, beside the frame that paints the list.
pub fn once_painted(step: &'static str) {
    after_frame(move || {
        after_frame(move || {
            let _ = once(step);
        })
    });
}

/// Runs `f` at the next animation frame (before the webview paints it).
fn after_frame(f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&callback));
    }
}
