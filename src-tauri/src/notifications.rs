//! Notifications through the operating system (#18), while the app is in the background. What
//! is due is decided in `app::reminders`; here the system is asked and shows it. The texts
//! (`domain::notify`) name nothing personal, because a locked screen shows them to whoever
//! holds the device.

use std::time::Duration;

use app::App;
use domain::notify::NotificationKind;
use domain::Language;
use sync::SyncEvent;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

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

/// Whether the operating system lets the app show notifications, asking the person where
/// the system does (Android 13 and later, iOS).
pub(crate) fn permitted<R: Runtime>(app: &AppHandle<R>) -> bool {
    use tauri::plugin::PermissionState;
    let notification = app.notification();
    match notification.permission_state() {
        Ok(PermissionState::Granted) => true,
        Ok(PermissionState::Denied) | Err(_) => false,
        Ok(_) => matches!(
            notification.request_permission(),
            Ok(PermissionState::Granted)
        ),
    }
}

/// Shows one notification of `kind` in `language`; whether the system took it.
fn show<R: Runtime>(app: &AppHandle<R>, kind: NotificationKind, language: Language) -> bool {
    let (title, body) = kind.message_ids();
    let (title, body) = app::printing::with_words(|words| {
        (
            words.format(language, title, &[]),
            words.format(language, body, &[]),
        )
    });
    let shown = app.notification().builder().title(title).body(body).show();
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
pub(crate) fn after_sync_event<R: Runtime>(handle: &AppHandle<R>, event: &SyncEvent) {
    let Some(kind) = app::reminders::kind_of(event) else {
        return;
    };
    let Ok(settings) = handle.state::<App>().settings() else {
        return;
    };
    if kind.allowed(&settings.notifications) && in_background(handle) {
        show(handle, kind, settings.language);
    }
}

/// Looks for unfinished applications worth a reminder, now and every interval.
pub(crate) fn start_reminders<R: Runtime>(handle: &AppHandle<R>) {
    let handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(reminder_interval()).await;
            remind(&handle);
        }
    });
}

/// In front, the person sees their drafts and dates anyway: reminded later. One notification
/// says it for all of a kind (it names none).
fn remind<R: Runtime>(handle: &AppHandle<R>) {
    if !in_background(handle) {
        return;
    }
    let app = handle.state::<App>();
    let Ok((settings, due)) = app.reminders_due() else {
        return;
    };
    for due in due {
        if show(handle, due.kind, settings.language) {
            let _ = app.note_shown(&due);
        }
    }
}
