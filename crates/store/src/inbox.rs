//! The person's inbox: messages from authorities (Bescheide, requests for documents), kept
//! with a read flag. Messages arrive from the sync engine; ids are the state API's.

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::owner::VISIBLE;
use crate::{Owner, Store, StoreError, UnixMillis};

/// One message from an authority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxMessage {
    /// The state API's id of the message.
    pub id: String,
    /// The submission it belongs to, if any.
    pub submission_id: Option<Uuid>,
    pub subject: String,
    pub body: String,
    /// The authority that sent it.
    pub sender: String,
    pub received_at: UnixMillis,
    /// When the person opened it; `None` while unread.
    pub read_at: Option<UnixMillis>,
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<InboxMessage> {
    let submission: Option<String> = r.get(1)?;
    Ok(InboxMessage {
        id: r.get(0)?,
        submission_id: submission.and_then(|s| Uuid::parse_str(&s).ok()),
        subject: r.get(2)?,
        body: r.get(3)?,
        sender: r.get(4)?,
        received_at: r.get(5)?,
        read_at: r.get(6)?,
    })
}

const COLUMNS: &str = "id, submission_id, subject, body, sender, received_at, read_at";

impl Store {
    /// Stores a message the sync engine fetched for `owner` (the account it was fetched
    /// under, not whoever uses the app by the time it is stored). Fetching it again updates
    /// its content but never its read flag or owner.
    pub fn save_message(&self, message: &InboxMessage, owner: &Owner) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO inbox_message (id, submission_id, subject, body, sender, received_at,
               read_at, owner)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, body = excluded.body,
               sender = excluded.sender,
               submission_id = excluded.submission_id, received_at = excluded.received_at",
            params![
                message.id,
                message.submission_id.map(|s| s.to_string()),
                message.subject,
                message.body,
                message.sender,
                message.received_at,
                message.read_at,
                owner.to_text()
            ],
        )?;
        Ok(())
    }

    /// All messages, newest first.
    pub fn inbox(&self) -> Result<Vec<InboxMessage>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM inbox_message WHERE {VISIBLE} ORDER BY received_at DESC, id"
        ))?;
        let rows = stmt.query_map([], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn message(&self, id: &str) -> Result<Option<InboxMessage>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM inbox_message WHERE id = ?1 AND {VISIBLE}"),
                [id],
                row,
            )
            .optional()?)
    }

    /// Marks a message read at `at` (the first time counts).
    pub fn mark_read(&self, id: &str, at: UnixMillis) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            &format!(
                "UPDATE inbox_message SET read_at = coalesce(read_at, ?2) WHERE id = ?1 AND {VISIBLE}"
            ),
            params![id, at],
        )?;
        if changed == 0 {
            return Err(StoreError::not_found("message", id));
        }
        Ok(())
    }

    pub fn unread_count(&self) -> Result<u32, StoreError> {
        Ok(self.conn.query_row(
            &format!("SELECT count(*) FROM inbox_message WHERE read_at IS NULL AND {VISIBLE}"),
            [],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_their_read_flag_across_refetches() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let message = InboxMessage {
            id: "m1".into(),
            submission_id: Some(Uuid::from_u128(5)),
            subject: "Bescheid".into(),
            body: "Ihr Antrag wurde bewilligt.".into(),
            sender: "Stadt Erfurt".into(),
            received_at: 10,
            read_at: None,
        };
        store.save_message(&message, &crate::Owner::Device)?;
        assert_eq!(store.unread_count()?, 1, "new message unread");
        store.mark_read("m1", 20)?;
        store.mark_read("m1", 30)?;
        store.save_message(&message, &crate::Owner::Device)?;
        let stored = store
            .message("m1")?
            .ok_or(StoreError::not_found("message", "m1"))?;
        assert_eq!(
            stored.read_at,
            Some(20),
            "first read time kept through a refetch"
        );
        assert_eq!(store.unread_count()?, 0, "nothing unread");
        assert_eq!(store.inbox()?, vec![stored], "listed");
        assert!(
            matches!(store.mark_read("nope", 1), Err(StoreError::NotFound { .. })),
            "unknown id named"
        );
        Ok(())
    }
}
