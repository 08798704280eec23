//! ThüringenApp's Tauri shell: opens the window, owns the app's state (store, state-API
//! client) and maps each IPC command onto the library crates.
//!
//! This crate is glue. A command is one call into the app's core (`crates/app`) and what only
//! the platform can do (windows, plugins, folders); logic belongs in `app`, `domain`, `store`
//! or `sync`.
//! Nothing here may hand a secret to the webview or log personal data.

mod applications;
mod clock;
mod commands;
mod handovers;
mod navigation;
mod notifications;
mod printing;
mod state;
mod sync_task;
mod visits;

use app::trace;
use tauri::{Manager, Runtime};

/// Registers the commands on a builder; generic so tests can use `tauri::test::mock_builder()`.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    // `THUERINGEN_TRACE_IPC=1` prints each command's name as it arrives (never its arguments),
    // so a window that waits for an answer shows whether the shell was asked at all.
    trace::init();
    builder.invoke_handler(move |invoke: tauri::ipc::Invoke<R>| {
        let handler = commands_of::<R>(tauri::generate_handler![
            commands::load_catalog,
            commands::refresh_catalog,
            commands::clock,
            commands::get_settings,
            commands::set_language,
            commands::load_texts,
            commands::update_settings,
            commands::sync_now,
            commands::storage_notice,
            commands::dismiss_storage_notice,
            applications::start_draft,
            applications::load_draft,
            applications::save_answer,
            applications::set_draft_page,
            applications::dismiss_review,
            applications::claim_submission,
            applications::withdraw_submission,
            applications::send_reply,
            printing::save_message_document,
            printing::open_message_document,
            printing::save_printout,
            printing::open_printout,
            applications::load_my_details,
            applications::remember_my_details,
            applications::forget_my_details,
            applications::delete_draft,
            applications::add_attachment,
            applications::remove_attachment,
            applications::submit_draft,
            applications::list_applications,
            applications::load_submission,
            applications::list_inbox,
            applications::mark_message_read,
            commands::account,
            commands::log_in,
            commands::log_out,
            commands::forget_personal_data,
            applications::send_accessibility_report,
            applications::list_accessibility_reports,
            visits::visit_status,
            visits::start_visit,
            visits::end_visit,
            visits::note_activity,
            visits::set_device_pin,
            visits::lock_device,
            visits::unlock_device,
            visits::visit_report,
            handovers::hand_over_draft,
            handovers::hand_over_submission,
            handovers::handover_state,
            handovers::receive_handover,
        ]);
        trace::line("ipc", invoke.message.command());
        handler(invoke)
    })
}

/// Gives the generated handler its type (the macro's closure names no parameter type).
fn commands_of<R: Runtime>(
    handler: impl Fn(tauri::ipc::Invoke<R>) -> bool,
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool {
    handler
}

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    clock::start();
    let builder = with_commands(tauri::Builder::default())
        // Opens the login page in the system browser (RFC 8252); the webview gets no opener
        // permission, only the shell calls it, and the plugin injects no click handler for
        // links into the webview.
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .plugin(navigation::guard())
        // Notifications are shown by the shell only (no webview permission), after consent.
        .plugin(tauri_plugin_notification::init())
        // When the window loses focus (the person switches apps, the phone goes to the
        // background), fold the WAL into the database file, so autosaves never pay for it.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::Focused(false) = event {
                if let Some(state) = window.try_state::<app::App>() {
                    trace::line("window", "unfocused: checkpoint");
                    if let Ok(store) = state.store() {
                        let _ = store.checkpoint();
                    }
                    trace::line("window", "checkpoint done");
                }
            }
        })
        .on_page_load(|_, payload| {
            trace::line(
                "page",
                match payload.event() {
                    tauri::webview::PageLoadEvent::Started => "load started",
                    tauri::webview::PageLoadEvent::Finished => "load finished",
                },
            )
        })
        .setup(|app| {
            let data_dir = state::data_dir(app.path().app_data_dir().ok())?;
            app.manage(state::open_app(&data_dir, &state::state_api()?)?);
            sync_task::start(app.handle());
            visits::watch_idle(app.handle());
            trace::line("start", "set up");
            Ok(())
        });
    if let Err(error) = builder.run(tauri::generate_context!()) {
        eprintln!("ThüringenApp could not start: {error}");
        std::process::exit(1);
    }
}
