//! Runs the outbox worker of the `sync` crate for the app's lifetime and forwards its events
//! to the UI as the `domain::ipc::event`s `app::events` makes of them. Nothing here decides
//! when to send (the worker does) or what the window is told (the app's core does).

use app::events::ToWindow;
use domain::ipc::event;
use rand::SeedableRng;
use sync::{SyncEvent, Worker, WorkerConfig};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use app::App;

/// Starts the worker (when the store is open) and the loop that wakes it and forwards events.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<App>();
    let Ok(store) = state.shared_store() else {
        // No store (locked keychain): nothing can be queued, so nothing to send.
        return;
    };
    let session = state.session.clone();
    let wakeup = state.sync_wakeup();
    let clock = state.clock();
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let (events, mut received) = tokio::sync::mpsc::unbounded_channel();
        let worker = Worker::start(
            store,
            session,
            worker_config(),
            rand::rngs::StdRng::from_entropy(),
            clock,
            events,
        );
        app::trace::line("start", "sync worker started");
        app.state::<App>().take_over_kept_login().await;
        app::trace::line("start", "kept login looked at");
        crate::notifications::start_reminders(&app);
        app::trace::line("start", "reminders started");
        loop {
            tokio::select! {
                () = wakeup.notified() => worker.wake(),
                next = received.recv() => match next {
                    Some(event) => {
                        if matches!(event, SyncEvent::Connectivity(sync::Reachability::Online)) {
                            app.state::<App>().take_over_kept_login().await;
                        }
                        crate::notifications::after_sync_event(&app, &event);
                        forward(&app, event)
                    }
                    None => break,
                },
            }
        }
    });
}

/// The worker's settings; `THUERINGEN_SYNC_POLL_SECS` shortens the status and inbox poll (tests,
/// demos at a Digitallotse's desk).
fn worker_config() -> WorkerConfig {
    let mut config = WorkerConfig::default();
    if let Some(secs) = std::env::var("THUERINGEN_SYNC_POLL_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        config.poll_interval = std::time::Duration::from_secs(secs.max(1));
    }
    config
}

/// Emits `E` with its own payload type (`domain::ipc::event::ShellEvent`).
pub(crate) fn emit<E: event::ShellEvent, R: Runtime>(
    app: &AppHandle<R>,
    payload: E::Payload,
) -> tauri::Result<()> {
    app.emit(E::NAME, payload)
}

/// Sends one worker event to the webview, as `app::events` words it. A failed emit (window
/// closing) loses nothing: the UI reloads its lists from the store when it comes back.
fn forward<R: Runtime>(handle: &AppHandle<R>, sync_event: SyncEvent) {
    if app::trace::enabled() {
        // The event's kind only: its payload may name an application.
        let kind = format!("{sync_event:?}");
        app::trace::line(
            "event",
            kind.split(['(', ' ', '{']).next().unwrap_or_default(),
        );
    }
    for told in handle.state::<App>().to_window(sync_event) {
        let _ = match told {
            ToWindow::Progress(progress) => emit::<event::SyncProgressed, R>(handle, progress),
            ToWindow::Connectivity(connectivity) => {
                emit::<event::ConnectivityChanged, R>(handle, connectivity)
            }
            ToWindow::StatusChanged(changed) => emit::<event::StatusChanged, R>(handle, changed),
            ToWindow::InboxUpdated(unread) => emit::<event::InboxUpdated, R>(handle, unread),
            ToWindow::Refused(refused) => emit::<event::SubmissionRefused, R>(handle, refused),
            ToWindow::LoginRequired => emit::<event::LoginRequired, R>(handle, ()),
            ToWindow::ReportUpdated(view) => {
                emit::<event::AccessibilityReportUpdated, R>(handle, view)
            }
        };
    }
}
