//! Notifications through the operating system (#18), while the app is in the background: a
//! new status of an application, a new message, and a reminder of an unfinished application
//! a few days after it was last changed. Only after the person agreed (settings), each kind
//! on its own switch; the texts (`domain::notify`) name nothing personal, because a locked
//! screen shows them to whoever holds the device.

use std::time::Duration;

use domain::form::reminders::ReminderWhen;
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
    let (title, body) = crate::printing::with_words(|words| {
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
pub(crate) fn after_sync_event<R: Runtime>(app: &AppHandle<R>, event: &SyncEvent) {
    let kind = match event {
        SyncEvent::StatusChanged { .. } => NotificationKind::StatusChanged,
        SyncEvent::InboxUpdated { new_messages, .. } if *new_messages > 0 => {
            NotificationKind::NewMessage
        }
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
    if !settings.notifications.enabled || !in_background(app) {
        // In front, the person sees their drafts and dates anyway: reminded later.
        return;
    }
    let (now, Some(today)) = (crate::clock::now_millis(), crate::clock::today()) else {
        return;
    };
    // Read once for both kinds about drafts; nothing is looked at for a kind switched off.
    let editing = editing(&store);
    let allowed = |kind: NotificationKind| kind.allowed(&settings.notifications);
    let mut due = Vec::new();
    if allowed(NotificationKind::DraftReminder) {
        due.push((
            NotificationKind::DraftReminder,
            unfinished(&editing, &settings, now),
        ));
    }
    if allowed(NotificationKind::Deadline) {
        due.push((
            NotificationKind::Deadline,
            dates(&store, &editing, ReminderWhen::Draft, today),
        ));
    }
    if allowed(NotificationKind::Expiry) {
        due.push((
            NotificationKind::Expiry,
            dates(&store, &editing, ReminderWhen::Sent, today),
        ));
    }
    for (kind, keys) in due {
        let keys: Vec<String> = keys
            .into_iter()
            .filter(|key| !store.was_notified(kind.name(), key).unwrap_or(true))
            .collect();
        // One notification says it for all of a kind (it names none).
        if !keys.is_empty() && show(app, kind, settings.language) {
            for key in keys {
                let _ = store.note_notified(kind.name(), &key, now);
            }
        }
    }
}

/// The drafts the person is still filling in.
fn editing(store: &store::Store) -> Vec<store::DraftSummary> {
    store
        .drafts()
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d.state == store::DraftState::Editing)
        .collect()
}

/// Unfinished drafts worth a reminder (`domain::notify::due_reminders`), by key.
fn unfinished(
    editing: &[store::DraftSummary],
    settings: &domain::ipc::Settings,
    now: i64,
) -> Vec<String> {
    let unfinished: Vec<Unfinished> = editing
        .iter()
        .map(|d| Unfinished {
            draft_id: d.id.to_string(),
            updated_at: d.updated_at,
        })
        .collect();
    due_reminders(&settings.notifications, now, &unfinished, &|_| false)
        .into_iter()
        .map(|r| r.key)
        .collect()
}

/// The dates the forms set that are due today (`domain::form::reminders`): deadlines of
/// unsent drafts, or the ends of what sent applications grant; by key (what, which
/// reminder, which date: a changed answer reminds anew).
fn dates(
    store: &store::Store,
    editing: &[store::DraftSummary],
    when: ReminderWhen,
    today: domain::form::Date,
) -> Vec<String> {
    let mut keys = Vec::new();
    let mut look = |id: String, form_id: &str, version: &str, answers: &domain::form::Answers| {
        if let Ok(definition) = crate::views::form_of(store, form_id, version) {
            for due in domain::form::reminders::due(&definition, answers, when, today) {
                keys.push(format!("{id}:{}:{}", due.reminder, due.date));
            }
        }
    };
    match when {
        ReminderWhen::Draft => {
            for summary in editing {
                if let Ok(Some(draft)) = store.draft(summary.id) {
                    look(
                        draft.id.to_string(),
                        &draft.form_id,
                        &draft.form_version,
                        &draft.answers,
                    );
                }
            }
        }
        ReminderWhen::Sent => {
            for submission in store.submissions().unwrap_or_default() {
                // Only what the authority granted (or may still grant) ends.
                let status = domain::ipc::ApplicationStatus::from(submission.status);
                if !matches!(
                    status,
                    domain::ipc::ApplicationStatus::Completed
                        | domain::ipc::ApplicationStatus::Received
                        | domain::ipc::ApplicationStatus::Processing
                        | domain::ipc::ApplicationStatus::Submitted
                ) {
                    continue;
                }
                look(
                    submission.id.to_string(),
                    &submission.form_id,
                    &submission.form_version,
                    &submission.payload,
                );
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use domain::form::{Date, FieldPath, Value};
    use store::{NewDraft, Store, SubmissionStatus};
    use uuid::Uuid;

    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    fn version_of(form: &str) -> String {
        crate::views::shipped_form(form)
            .map(|d| d.version)
            .expect("a shipped form")
    }

    #[test]
    fn the_dates_of_a_move_and_of_a_permit_come_due_by_the_day() -> Result<(), store::StoreError> {
        let store = Store::open_in_memory()?;
        let draft = Uuid::from_u128(1);
        let move_in = version_of("wohnsitz-anmeldung");
        store.create_draft(&NewDraft {
            id: draft,
            form_id: "wohnsitz-anmeldung",
            form_version: &move_in,
            service_key: None,
            now: 1,
        })?;
        let einzug = FieldPath::root().child("einzugsdatum");
        store.save_answer(draft, &einzug, &Value::text("2026-12-01"), 2)?;
        assert!(dates(
            &store,
            &editing(&store),
            ReminderWhen::Draft,
            day("2026-12-10")
        )
        .is_empty());
        assert_eq!(
            dates(
                &store,
                &editing(&store),
                ReminderWhen::Draft,
                day("2026-12-12")
            ),
            vec![format!("{draft}:meldefrist:2026-12-15")],
            "four days before the two weeks end"
        );

        // A parking permit granted for 12 months from 15 January: a month before its end.
        let permit = Uuid::from_u128(2);
        let version = version_of("bewohnerparkausweis");
        store.create_draft(&NewDraft {
            id: permit,
            form_id: "bewohnerparkausweis",
            form_version: &version,
            service_key: None,
            now: 3,
        })?;
        for (field, value) in [("gueltig_ab", "2027-01-15"), ("laufzeit", "12")] {
            store.save_answer(
                permit,
                &FieldPath::root().child(field),
                &Value::text(value),
                4,
            )?;
        }
        let payload = store.draft(permit)?.map(|d| d.answers).unwrap_or_default();
        let sent = Uuid::from_u128(3);
        store.submit_for_place(permit, sent, &payload, None, 5)?;
        assert!(
            dates(
                &store,
                &editing(&store),
                ReminderWhen::Sent,
                day("2027-12-20")
            )
            .is_empty(),
            "not while it is only queued on the device"
        );
        store.record_status(sent, SubmissionStatus::Completed, 6, None)?;
        assert_eq!(
            dates(
                &store,
                &editing(&store),
                ReminderWhen::Sent,
                day("2027-12-20")
            ),
            vec![format!("{sent}:ablauf:2028-01-15")]
        );
        assert!(dates(
            &store,
            &editing(&store),
            ReminderWhen::Sent,
            day("2028-01-16")
        )
        .is_empty());
        Ok(())
    }
}
