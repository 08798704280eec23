//! The reminders already shown as notifications, so each is shown once.

use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError, UnixMillis};

impl Store {
    /// Whether a notification of `kind` under `key` was shown already.
    pub fn was_notified(&self, kind: &str, key: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM notified WHERE kind = ?1 AND key = ?2",
                params![kind, key],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Notes that a notification of `kind` under `key` was shown at `at`.
    pub fn note_notified(&self, kind: &str, key: &str, at: UnixMillis) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO notified (kind, key, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (kind, key) DO NOTHING",
            params![kind, key, at],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminder_is_noted_once() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        assert!(!store.was_notified("draft_reminder", "d@1")?);
        store.note_notified("draft_reminder", "d@1", 5)?;
        store.note_notified("draft_reminder", "d@1", 6)?;
        assert!(store.was_notified("draft_reminder", "d@1")?);
        assert!(!store.was_notified("draft_reminder", "d@2")?);
        store.forget_personal_data()?;
        assert!(!store.was_notified("draft_reminder", "d@1")?, "forgotten");
        Ok(())
    }
}
