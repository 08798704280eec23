//! ThüringenApp's UI: Leptos components on KERN CSS, every text from Fluent (`i18n`).
//!
//! The UI never talks to the network and never sees a secret: it calls the shell through
//! [`ipc`], the only module that knows Tauri. Search and (later) validation run here with the
//! same `domain` code the shell and the state API use.

mod app;
mod clock;
mod crash;
mod deferred;
mod focus;
mod ipc;
mod l10n;
mod modal;
mod pages;
mod routes;
mod timing;
mod visit;

fn main() {
    timing::once("wasm-start");
    crash::install();
    // The placeholder of index.html makes way for the UI.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
    timing::once("mounted");
    timing::once_painted("mounted-painted");
}
