//! Runs the outbox worker of the `sync` crate for the app's lifetime and forwards its events
//! to the UI as the `domain::ipc::event`s. Nothing here decides when to send: the worker does.

use domain::ipc::{event, RefusedAnswer, StatusChanged, SubmissionRefused};
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
                        if matches!(event, SyncEvent::Connectivity(domain::ipc::Connectivity::Online)) {
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
fn emit<E: event::ShellEvent, R: Runtime>(
    app: &AppHandle<R>,
    payload: E::Payload,
) -> tauri::Result<()> {
    app.emit(E::NAME, payload)
}

/// Sends one worker event to the webview. A failed emit (window closing) loses nothing: the
/// UI reloads its lists from the store when it comes back.
fn forward<R: Runtime>(app: &AppHandle<R>, sync_event: SyncEvent) {
    if app::trace::enabled() {
        // The event's kind only: its payload may name an application.
        let kind = format!("{sync_event:?}");
        app::trace::line(
            "event",
            kind.split(['(', ' ', '{']).next().unwrap_or_default(),
        );
    }
    // Progress, a status or a message means the state API answered: the app is online, even
    // if it started offline and the worker never saw the network go away.
    if matches!(
        sync_event,
        SyncEvent::Progress(_)
            | SyncEvent::StatusChanged { .. }
            | SyncEvent::InboxUpdated { .. }
            | SyncEvent::ReportUpdated { .. }
    ) {
        let _ = emit::<event::ConnectivityChanged, R>(app, domain::ipc::Connectivity::Online);
    }
    let _ = match sync_event {
        SyncEvent::Progress(progress) => emit::<event::SyncProgressed, R>(app, progress),
        SyncEvent::Connectivity(connectivity) => {
            emit::<event::ConnectivityChanged, R>(app, connectivity)
        }
        SyncEvent::StatusChanged {
            submission_id,
            status,
        } => emit::<event::StatusChanged, R>(
            app,
            StatusChanged {
                submission_id: submission_id.to_string(),
                status,
            },
        ),
        SyncEvent::InboxUpdated { unread, .. } => emit::<event::InboxUpdated, R>(app, unread),
        SyncEvent::Refused {
            submission_id,
            problems,
        } => emit::<event::SubmissionRefused, R>(
            app,
            SubmissionRefused {
                submission_id: submission_id.to_string(),
                problems: problems
                    .into_iter()
                    .map(|p| RefusedAnswer {
                        path: p.field,
                        message_id: p.code,
                        args: p.args,
                    })
                    .collect(),
            },
        ),
        SyncEvent::LoginRequired => emit::<event::LoginRequired, R>(app, ()),
        SyncEvent::ReportUpdated { report_id } => {
            let view = app.state::<App>().accessibility_report(report_id);
            match view {
                Ok(view) => emit::<event::AccessibilityReportUpdated, R>(app, view),
                // The UI reloads the list when it shows it; nothing is lost.
                Err(_) => Ok(()),
            }
        }
        SyncEvent::Idle => Ok(()),
    };
}
