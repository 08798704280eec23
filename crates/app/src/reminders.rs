//! What the person is told while the app is in the background (#18): a new status of an
//! application, a new message, a reminder of an unfinished application, a date a form sets.
//! This decides what is due and for which keys; the shell shows it through the operating
//! system and notes it as shown. Only after the person agreed, each kind on its own switch.

use domain::form::reminders::ReminderWhen;
use domain::ipc::Settings;
use domain::notify::{due_reminders, NotificationKind, Unfinished};
use sync::SyncEvent;

use crate::{App, Error};

/// The notification a sync event calls for, if any (before settings and focus are asked).
pub fn kind_of(event: &SyncEvent) -> Option<NotificationKind> {
    match event {
        SyncEvent::StatusChanged { .. } => Some(NotificationKind::StatusChanged),
        SyncEvent::InboxUpdated { new_messages, .. } if *new_messages > 0 => {
            Some(NotificationKind::NewMessage)
        }
        _ => None,
    }
}

/// Notifications due now: one per kind, with the keys it is for (never shown twice for a
/// key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub kind: NotificationKind,
    pub keys: Vec<String>,
}

impl App {
    /// What is due now, by the person's settings; nothing while notifications are off.
    pub fn reminders_due(&self) -> Result<(Settings, Vec<Due>), Error> {
        let store = self.store()?;
        let settings = store.settings()?;
        if !settings.notifications.enabled {
            return Ok((settings, Vec::new()));
        }
        let (now, today) = (self.now(), self.today()?);
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
        let due = due
            .into_iter()
            .map(|(kind, keys)| Due {
                kind,
                keys: keys
                    .into_iter()
                    .filter(|key| !store.was_notified(kind.name(), key).unwrap_or(true))
                    .collect(),
            })
            .filter(|due| !due.keys.is_empty())
            .collect();
        Ok((settings, due))
    }

    /// The notification for `due` was shown: its keys are not reminded of again.
    pub fn note_shown(&self, due: &Due) -> Result<(), Error> {
        let store = self.store()?;
        for key in &due.keys {
            store.note_notified(due.kind.name(), key, self.now())?;
        }
        Ok(())
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
fn unfinished(editing: &[store::DraftSummary], settings: &Settings, now: i64) -> Vec<String> {
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
