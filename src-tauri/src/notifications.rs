//! Notifications through the operating system (#18), while the app is in the background: a
//! new status of an application, a new message, and a reminder of an unfinished application
//! a few days after it was last changed. Only after the person agreed (settings), each kind
//! on its own switch; the texts (`domain::notify`) name nothing personal, because a locked
//! screen shows them to whoever holds the device.

use std::time::Duration;

use domain::notify::{due_reminders, NotificationKind, Unfinished};
use domain::Language;
use sync::SyncEvent;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// How often unfinished applications are looked at (`THUERINGEN_REMINDER_SECS` for tests).
fn reminder_interval() -> Duration {
    std::env::var("THUERINGEN_REMINDER_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(15 * 60), Duration::from_secs)
}

/// Whether the person is not looking at the app: no window is shown, focused and not
/// minimized.
fn in_background<R: Runtime>(app: &AppHandle<R>) -> bool {
    !app.webview_windows().values().any(|window| {
        window.is_visible().unwrap_or(false)
            && window.is_focused().unwrap_or(false)
            && !window.is_minimized().unwrap_or(false)
    })
}

/// Shows one notification of `kind` in `language`; whether the system took it.
fn show<R: Runtime>(app: &AppHandle<R>, kind: NotificationKind, language: Language) -> bool {
    let (title, body) = kind.message_ids();
    let words = i18n::Localizer::new();
    let shown = app
        .notification()
        .builder()
        .title(words.format(language, title, &[]))
        .body(words.format(language, body, &[]))
        .show();
    if shown.is_err() {
        // The kind only: never what it was about.
        eprintln!(
            "ThüringenApp: a notification could not be shown ({})",
            kind.name()
        );
    }
    shown.is_ok()
}

/// After an event of the sync engine: a new status or message, if allowed and in the
/// background.
pub(crate) fn after_sync_event<R: Runtime>(app: &AppHandle<R>, event: &SyncEvent) {
    let kind = match event {
        SyncEvent::StatusChanged { .. } => NotificationKind::StatusChanged,
        SyncEvent::InboxUpdated { unread } if *unread > 0 => NotificationKind::NewMessage,
        _ => return,
    };
    let settings = match app.state::<AppState>().store().map(|s| s.settings()) {
        Ok(Ok(settings)) => settings,
        _ => return,
    };
    if kind.allowed(&settings.notifications) && in_background(app) {
        show(app, kind, settings.language);
    }
}

/// Looks for unfinished applications worth a reminder, now and every interval.
pub(crate) fn start_reminders<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(reminder_interval()).await;
            remind(&app);
        }
    });
}

fn remind<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let Ok(store) = state.store() else { return };
    let Ok(settings) = store.settings() else {
        return;
    };
    let Ok(drafts) = store.drafts() else { return };
    let unfinished: Vec<Unfinished> = drafts
        .iter()
        .filter(|d| d.state == store::DraftState::Editing)
        .map(|d| Unfinished {
            draft_id: d.id.to_string(),
            updated_at: d.updated_at,
        })
        .collect();
    let kind = NotificationKind::DraftReminder.name();
    let due = due_reminders(
        &settings.notifications,
        crate::clock::now_millis(),
        &unfinished,
        &|key| store.was_notified(kind, key).unwrap_or(true),
    );
    // One notification says it for all (it names none); shown only while in the background,
    // else the person sees the drafts anyway and is reminded later.
    if due.is_empty() || !in_background(app) {
        return;
    }
    if show(app, NotificationKind::DraftReminder, settings.language) {
        for reminder in due {
            let _ = store.note_notified(kind, &reminder.key, crate::clock::now_millis());
        }
    }
}
