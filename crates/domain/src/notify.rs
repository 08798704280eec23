//! Notifications through the operating system (#18): what the app may tell the person while
//! it is in the background, and when. Off until the person agrees; each kind can be switched
//! off. The texts say that something happened, never what or about whom: a notification can
//! be read on a locked screen by anyone holding the phone, so no name, service, authority or
//! answer is in it.
//!
//! Pure: the shell asks [`due_reminders`] with the time and the drafts, and shows what it
//! answers through the notification plugin.

use serde::{Deserialize, Serialize};

/// After this long without a change, an unfinished draft is worth a reminder.
pub const DRAFT_REMINDER_AFTER_MS: i64 = 3 * 24 * 60 * 60 * 1000;

/// What the person agreed to be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationSettings {
    /// The person agreed to notifications at all (off by default).
    pub enabled: bool,
    /// A new status of a sent application.
    pub status: bool,
    /// A new message from an authority.
    pub messages: bool,
    /// An unfinished draft, a few days after it was last changed.
    pub drafts: bool,
    /// A date the form sets: a deadline to apply by, the end of a permit.
    #[serde(default = "yes")]
    pub dates: bool,
}

fn yes() -> bool {
    true
}

impl Default for NotificationSettings {
    /// Nothing is shown until the person agrees; once they do, every kind is on until they
    /// switch it off.
    fn default() -> Self {
        NotificationSettings {
            enabled: false,
            status: true,
            messages: true,
            drafts: true,
            dates: true,
        }
    }
}

/// A kind of notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    StatusChanged,
    NewMessage,
    DraftReminder,
    /// A deadline a form sets for an application not sent yet.
    Deadline,
    /// The end of what a sent application grants (a permit).
    Expiry,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 5] = [
        NotificationKind::StatusChanged,
        NotificationKind::NewMessage,
        NotificationKind::DraftReminder,
        NotificationKind::Deadline,
        NotificationKind::Expiry,
    ];

    /// Whether `settings` let this kind be shown.
    pub fn allowed(self, settings: &NotificationSettings) -> bool {
        settings.enabled
            && match self {
                NotificationKind::StatusChanged => settings.status,
                NotificationKind::NewMessage => settings.messages,
                NotificationKind::DraftReminder => settings.drafts,
                NotificationKind::Deadline | NotificationKind::Expiry => settings.dates,
            }
    }

    /// The Fluent ids of its title and body: the same words for everyone, nothing personal.
    pub fn message_ids(self) -> (&'static str, &'static str) {
        match self {
            NotificationKind::StatusChanged => ("notify-status-title", "notify-status-body"),
            NotificationKind::NewMessage => ("notify-message-title", "notify-message-body"),
            NotificationKind::DraftReminder => ("notify-draft-title", "notify-draft-body"),
            NotificationKind::Deadline => ("notify-deadline-title", "notify-deadline-body"),
            NotificationKind::Expiry => ("notify-expiry-title", "notify-expiry-body"),
        }
    }

    /// The stored name (for the record of reminders already shown).
    pub fn name(self) -> &'static str {
        match self {
            NotificationKind::StatusChanged => "status_changed",
            NotificationKind::NewMessage => "new_message",
            NotificationKind::DraftReminder => "draft_reminder",
            NotificationKind::Deadline => "deadline",
            NotificationKind::Expiry => "expiry",
        }
    }
}

/// An unfinished draft as the reminder sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    pub draft_id: String,
    /// Unix milliseconds of its last change.
    pub updated_at: i64,
}

/// A reminder to show, and the key under which it is remembered as shown (a draft changed
/// and left again reminds again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub kind: NotificationKind,
    pub key: String,
}

/// The reminders due at `now` for `drafts` that were not shown yet (`shown` holds the keys
/// already shown), if the settings allow them. One notification at most per call, however
/// many drafts wait: it names none of them, so one says it for all.
pub fn due_reminders(
    settings: &NotificationSettings,
    now: i64,
    drafts: &[Unfinished],
    shown: &dyn Fn(&str) -> bool,
) -> Vec<Reminder> {
    if !NotificationKind::DraftReminder.allowed(settings) {
        return Vec::new();
    }
    drafts
        .iter()
        .filter(|d| now.saturating_sub(d.updated_at) >= DRAFT_REMINDER_AFTER_MS)
        .map(|d| Reminder {
            kind: NotificationKind::DraftReminder,
            key: format!("{}@{}", d.draft_id, d.updated_at),
        })
        .filter(|r| !shown(&r.key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 24 * 60 * 60 * 1000;

    fn on() -> NotificationSettings {
        NotificationSettings {
            enabled: true,
            ..NotificationSettings::default()
        }
    }

    #[test]
    fn nothing_is_shown_until_the_person_agrees_and_each_kind_can_be_switched_off() {
        let off = NotificationSettings::default();
        for kind in NotificationKind::ALL {
            assert!(!kind.allowed(&off), "{kind:?} off by default");
            assert!(kind.allowed(&on()), "{kind:?} on once agreed");
        }
        let no_status = NotificationSettings {
            status: false,
            ..on()
        };
        assert!(!NotificationKind::StatusChanged.allowed(&no_status));
        assert!(NotificationKind::NewMessage.allowed(&no_status));
        let stored_before_dates =
            r#"{"enabled":true,"status":true,"messages":true,"drafts":false}"#;
        let read: NotificationSettings =
            serde_json::from_str(stored_before_dates).expect("reads without `dates`");
        assert!(read.dates && !read.drafts);
    }

    #[test]
    fn a_draft_left_for_three_days_reminds_once_and_again_after_a_new_change() {
        let drafts = [
            Unfinished {
                draft_id: "old".into(),
                updated_at: 0,
            },
            Unfinished {
                draft_id: "fresh".into(),
                updated_at: 2 * DAY,
            },
        ];
        let none = |_: &str| false;
        let due = due_reminders(&on(), 3 * DAY, &drafts, &none);
        assert_eq!(due.len(), 1, "only the draft left for three days");
        assert_eq!(due[0].key, "old@0");
        let shown = |key: &str| key == "old@0";
        assert!(due_reminders(&on(), 3 * DAY + 1, &drafts[..1], &shown).is_empty());
        let changed = [Unfinished {
            draft_id: "old".into(),
            updated_at: 4 * DAY,
        }];
        assert_eq!(
            due_reminders(&on(), 7 * DAY, &changed, &shown).len(),
            1,
            "changed and left again: a new reminder"
        );
        assert!(
            due_reminders(&NotificationSettings::default(), 9 * DAY, &drafts, &none).is_empty(),
            "not without consent"
        );
    }

    #[test]
    fn the_texts_are_the_same_for_everyone() {
        for kind in NotificationKind::ALL {
            let (title, body) = kind.message_ids();
            assert!(title.starts_with("notify-") && body.starts_with("notify-"));
        }
    }
}
