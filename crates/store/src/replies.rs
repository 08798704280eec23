//! The person's replies to an authority that asked for something (ACTION_REQUIRED), kept
//! (encrypted like everything here) until the state API holds them; and the documents an
//! authority's message carries.
//!
//! A reply is kept in one durably synced write, like a submission: once
//! [`Store::queue_reply`] returns, it survives a killed app and a power cut. It belongs to the
//! owner of the application it answers and is sent only under that person's login. Nothing
//! here decides when to send; the sync engine does.

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha512};
use uuid::Uuid;

use crate::owner::{SENDABLE, VISIBLE};
use crate::{Owner, Store, StoreError, UnixMillis};

/// Where a reply is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyDelivery {
    /// Waiting to be sent (or to be sent again at `next_attempt_at`).
    Pending,
    /// The state API holds it.
    Sent,
    /// Refused for good by the state API; the text stays here.
    Refused,
}

/// A document of a reply, as the person picked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyDocument {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// A stored reply, without its documents' bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReply {
    /// Also its Idempotency-Key at the state API.
    pub id: Uuid,
    pub submission_id: Uuid,
    pub owner: Owner,
    pub text: String,
    /// Name, media type, size and SHA-512 of each document, in order.
    pub documents: Vec<DocumentInfo>,
    pub delivery: ReplyDelivery,
    pub attempts: u32,
    pub next_attempt_at: UnixMillis,
    /// A short error code of the last failed attempt (never the reply's text).
    pub last_error: Option<String>,
    pub created_at: UnixMillis,
    pub sent_at: Option<UnixMillis>,
}

/// A document without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha512: String,
}

/// A document an authority's message carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageDocument {
    pub message_id: String,
    pub document_id: String,
    pub info: DocumentInfo,
    /// Whether its bytes are here (fetched and checked against `info.sha512`).
    pub kept: bool,
}

fn sha512_hex(bytes: &[u8]) -> String {
    hex::encode(Sha512::digest(bytes))
}

const COLUMNS: &str = "id, submission_id, owner, text, state, attempts, next_attempt_at, \
    last_error, created_at, sent_at";

type Row = (
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    Option<String>,
    i64,
    Option<i64>,
);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
    ))
}

impl Store {
    /// Keeps a reply to `submission` with its documents for the submission's owner, durably
    /// (`synchronous=FULL`). Queuing the same id again changes nothing.
    pub fn queue_reply(
        &self,
        id: Uuid,
        submission: Uuid,
        text: &str,
        documents: &[ReplyDocument],
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        self.durably(|| self.insert_reply(id, submission, text, documents, now))
    }

    fn insert_reply(
        &self,
        id: Uuid,
        submission: Uuid,
        text: &str,
        documents: &[ReplyDocument],
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let owner: Option<String> = tx
            .query_row(
                &format!("SELECT owner FROM submission WHERE id = ?1 AND {VISIBLE}"),
                [submission.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        let owner = owner.ok_or_else(|| StoreError::not_found("submission", submission))?;
        let inserted = tx.execute(
            "INSERT INTO reply (id, submission_id, owner, text, state, next_attempt_at, created_at)
             VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?5) ON CONFLICT (id) DO NOTHING",
            params![id.to_string(), submission.to_string(), owner, text, now],
        )?;
        if inserted > 0 {
            for (position, document) in documents.iter().enumerate() {
                tx.execute(
                    "INSERT INTO reply_document (reply_id, position, name, media_type, sha512,
                       content) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        id.to_string(),
                        i64::try_from(position).unwrap_or(i64::MAX),
                        document.name,
                        document.media_type,
                        sha512_hex(&document.bytes),
                        document.bytes
                    ],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn decode_replies(&self, rows: Vec<Row>) -> Result<Vec<StoredReply>, StoreError> {
        rows.into_iter()
            .map(|r| {
                let id = Uuid::parse_str(&r.0).map_err(|_| StoreError::Corrupt)?;
                Ok(StoredReply {
                    id,
                    submission_id: Uuid::parse_str(&r.1).map_err(|_| StoreError::Corrupt)?,
                    owner: Owner::from_text(&r.2),
                    text: r.3,
                    documents: self.reply_document_infos(id)?,
                    delivery: match r.4.as_str() {
                        "sent" => ReplyDelivery::Sent,
                        "refused" => ReplyDelivery::Refused,
                        _ => ReplyDelivery::Pending,
                    },
                    attempts: u32::try_from(r.5).unwrap_or(u32::MAX),
                    next_attempt_at: r.6,
                    last_error: r.7,
                    created_at: r.8,
                    sent_at: r.9,
                })
            })
            .collect()
    }

    fn reply_document_infos(&self, id: Uuid) -> Result<Vec<DocumentInfo>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT name, media_type, length(content), sha512 FROM reply_document
             WHERE reply_id = ?1 ORDER BY position",
        )?;
        let rows = statement.query_map([id.to_string()], |r| {
            Ok(DocumentInfo {
                name: r.get(0)?,
                media_type: r.get(1)?,
                size: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                sha512: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The replies to an application the person may see, oldest first.
    pub fn replies_to(&self, submission: Uuid) -> Result<Vec<StoredReply>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM reply WHERE submission_id = ?1 AND {VISIBLE}
             ORDER BY created_at, id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement
            .query_map([submission.to_string()], row)?
            .collect::<Result<Vec<_>, _>>()?;
        self.decode_replies(rows)
    }

    /// Replies of the logged-in person due at `now`, oldest first.
    pub fn replies_due(&self, now: UnixMillis) -> Result<Vec<StoredReply>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM reply WHERE state = 'pending' AND next_attempt_at <= ?1
               AND {SENDABLE} ORDER BY created_at, id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement
            .query_map([now], row)?
            .collect::<Result<Vec<_>, _>>()?;
        self.decode_replies(rows)
    }

    /// When the logged-in person's next waiting reply is due, if one waits.
    pub fn next_reply_due(&self) -> Result<Option<UnixMillis>, StoreError> {
        Ok(self.conn.query_row(
            &format!(
                "SELECT min(next_attempt_at) FROM reply WHERE state = 'pending' AND {SENDABLE}"
            ),
            [],
            |r| r.get(0),
        )?)
    }

    /// The documents of a reply with their bytes, in order.
    pub fn reply_documents(&self, id: Uuid) -> Result<Vec<ReplyDocument>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT name, media_type, content FROM reply_document WHERE reply_id = ?1
             ORDER BY position",
        )?;
        let rows = statement.query_map([id.to_string()], |r| {
            Ok(ReplyDocument {
                name: r.get(0)?,
                media_type: r.get(1)?,
                bytes: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The reply encrypted for `destination` (a JWE), once: kept so every retry sends the
    /// same ciphertext. Returns what is kept for that destination.
    pub fn keep_sealed_reply(
        &self,
        id: Uuid,
        destination: &str,
        sealed: &str,
    ) -> Result<String, StoreError> {
        self.conn.execute(
            "UPDATE reply SET sealed = ?3, sealed_for = ?2
             WHERE id = ?1 AND (sealed IS NULL OR sealed_for IS NOT ?2)",
            params![id.to_string(), destination, sealed],
        )?;
        Ok(self.conn.query_row(
            "SELECT sealed FROM reply WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )?)
    }

    /// The kept ciphertext of a reply for `destination`, if any.
    pub fn sealed_reply(&self, id: Uuid, destination: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT sealed FROM reply WHERE id = ?1 AND sealed_for = ?2",
                params![id.to_string(), destination],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// Forgets the kept ciphertext (the authority's key changed: encrypt anew).
    pub fn forget_sealed_reply(&self, id: Uuid) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE reply SET sealed = NULL, sealed_for = NULL WHERE id = ?1",
            [id.to_string()],
        )?;
        Ok(())
    }

    /// The state API holds the reply (the ciphertext is no longer needed).
    pub fn reply_sent(&self, id: Uuid, at: UnixMillis) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE reply SET state = 'sent', sent_at = ?2, last_error = NULL, sealed = NULL,
               sealed_for = NULL WHERE id = ?1",
            params![id.to_string(), at],
        )?;
        Ok(())
    }

    /// An attempt failed for a passing reason: try again at `at`.
    pub fn reply_retry_later(
        &self,
        id: Uuid,
        error_code: &str,
        at: UnixMillis,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE reply SET attempts = attempts + 1, next_attempt_at = ?3, last_error = ?2
             WHERE id = ?1 AND state = 'pending'",
            params![id.to_string(), error_code, at],
        )?;
        Ok(())
    }

    /// The state API refused the reply for good (the text and documents stay here).
    pub fn reply_refused(&self, id: Uuid, error_code: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE reply SET state = 'refused', attempts = attempts + 1, last_error = ?2,
               sealed = NULL, sealed_for = NULL WHERE id = ?1 AND state = 'pending'",
            params![id.to_string(), error_code],
        )?;
        Ok(())
    }

    /// Notes the documents a fetched message carries (their bytes come later, by
    /// [`Store::keep_message_document`]); what is known already stays.
    pub fn note_message_documents(
        &self,
        message_id: &str,
        documents: &[(String, DocumentInfo)],
    ) -> Result<(), StoreError> {
        for (position, (document_id, info)) in documents.iter().enumerate() {
            self.conn.execute(
                "INSERT INTO message_document (message_id, document_id, position, name,
                   media_type, size, sha512) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (message_id, document_id) DO NOTHING",
                params![
                    message_id,
                    document_id,
                    i64::try_from(position).unwrap_or(i64::MAX),
                    info.name,
                    info.media_type,
                    i64::try_from(info.size).unwrap_or(i64::MAX),
                    info.sha512
                ],
            )?;
        }
        Ok(())
    }

    /// The documents of a message the person may see, in order.
    pub fn message_documents(&self, message_id: &str) -> Result<Vec<MessageDocument>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT d.message_id, d.document_id, d.name, d.media_type, d.size, d.sha512,
               d.content IS NOT NULL
             FROM message_document d JOIN inbox_message m ON m.id = d.message_id
             WHERE d.message_id = ?1 AND m.{VISIBLE} ORDER BY d.position"
        ))?;
        let rows = statement.query_map([message_id], |r| {
            Ok(MessageDocument {
                message_id: r.get(0)?,
                document_id: r.get(1)?,
                info: DocumentInfo {
                    name: r.get(2)?,
                    media_type: r.get(3)?,
                    size: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                    sha512: r.get(5)?,
                },
                kept: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Documents of any owner's messages whose bytes are not here yet: (message, document).
    pub fn missing_message_documents(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT message_id, document_id FROM message_document WHERE content IS NULL
             ORDER BY message_id, position",
        )?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Keeps a document's bytes if they hash to what the message said; returns whether they
    /// did (bytes that do not are not kept).
    pub fn keep_message_document(
        &self,
        message_id: &str,
        document_id: &str,
        bytes: &[u8],
    ) -> Result<bool, StoreError> {
        let changed = self.conn.execute(
            "UPDATE message_document SET content = ?3
             WHERE message_id = ?1 AND document_id = ?2 AND sha512 = ?4 AND size = ?5",
            params![
                message_id,
                document_id,
                bytes,
                sha512_hex(bytes),
                i64::try_from(bytes.len()).unwrap_or(i64::MAX)
            ],
        )?;
        Ok(changed > 0)
    }

    /// The bytes of a kept document of a message the person may see.
    pub fn message_document_bytes(
        &self,
        message_id: &str,
        document_id: &str,
    ) -> Result<Option<(DocumentInfo, Vec<u8>)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT d.name, d.media_type, d.size, d.sha512, d.content
                     FROM message_document d JOIN inbox_message m ON m.id = d.message_id
                     WHERE d.message_id = ?1 AND d.document_id = ?2 AND d.content IS NOT NULL
                       AND m.{VISIBLE}"
                ),
                params![message_id, document_id],
                |r| {
                    Ok((
                        DocumentInfo {
                            name: r.get(0)?,
                            media_type: r.get(1)?,
                            size: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                            sha512: r.get(3)?,
                        },
                        r.get(4)?,
                    ))
                },
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::InboxMessage;

    fn pdf(text: &str) -> ReplyDocument {
        ReplyDocument {
            name: "nachweis.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_reply_belongs_to_the_applications_owner_and_goes_only_under_that_login(
    ) -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let anna = Owner::Account("anna".into());
        store.set_owner(&anna)?;
        let (_, submission) = crate::outbox::tests::queued(&store)?;
        let reply = Uuid::from_u128(77);
        store.queue_reply(reply, submission, "Anbei.", &[pdf("%PDF a")], 10)?;
        store.queue_reply(reply, submission, "again", &[], 11)?;
        let kept = store.replies_to(submission)?;
        assert_eq!(kept.len(), 1, "queued once");
        assert_eq!(kept[0].owner, anna);
        assert_eq!(kept[0].text, "Anbei.");
        assert_eq!(kept[0].documents[0].size, 6);
        assert_eq!(kept[0].documents[0].sha512, sha512_hex(b"%PDF a"));
        assert_eq!(store.replies_due(10)?.len(), 1, "due for Anna");
        assert_eq!(store.reply_documents(reply)?, vec![pdf("%PDF a")]);

        store.set_owner(&Owner::Account("ben".into()))?;
        assert!(store.replies_due(10)?.is_empty(), "never sent as Ben");
        assert!(store.replies_to(submission)?.is_empty(), "nor shown to him");
        assert_eq!(store.next_reply_due()?, None);
        store.set_owner(&Owner::Device)?;
        assert!(store.replies_due(10)?.is_empty(), "nor without a login");

        store.set_owner(&anna)?;
        assert_eq!(
            store.keep_sealed_reply(reply, "erfurt", "a.b.c.d.e")?,
            "a.b.c.d.e"
        );
        assert_eq!(
            store.keep_sealed_reply(reply, "erfurt", "other")?,
            "a.b.c.d.e",
            "a retry sends the same ciphertext"
        );
        assert_eq!(store.sealed_reply(reply, "jena")?, None);
        store.reply_retry_later(reply, "offline", 50)?;
        assert!(store.replies_due(49)?.is_empty());
        assert_eq!(store.next_reply_due()?, Some(50));
        store.reply_sent(reply, 60)?;
        let sent = &store.replies_to(submission)?[0];
        assert_eq!(
            (sent.delivery, sent.sent_at),
            (ReplyDelivery::Sent, Some(60))
        );
        assert_eq!(
            store.sealed_reply(reply, "erfurt")?,
            None,
            "ciphertext dropped"
        );
        assert_eq!(store.next_reply_due()?, None);
        Ok(())
    }

    #[test]
    fn a_message_document_is_kept_only_when_it_hashes_as_announced() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        store.save_message(
            &InboxMessage {
                id: "m1".into(),
                submission_id: None,
                subject: "Bescheid".into(),
                body: "Anbei.".into(),
                sender: "Stadt Erfurt".into(),
                received_at: 1,
                read_at: None,
            },
            &Owner::Device,
        )?;
        let info = DocumentInfo {
            name: "Bescheid.pdf".into(),
            media_type: "application/pdf".into(),
            size: 9,
            sha512: sha512_hex(b"%PDF good"),
        };
        store.note_message_documents("m1", &[("d1".into(), info.clone())])?;
        store.note_message_documents("m1", &[("d1".into(), info.clone())])?;
        assert_eq!(
            store.missing_message_documents()?,
            vec![("m1".into(), "d1".into())]
        );
        assert!(
            !store.keep_message_document("m1", "d1", b"%PDF evil")?,
            "wrong bytes"
        );
        assert_eq!(store.message_document_bytes("m1", "d1")?, None);
        assert!(store.keep_message_document("m1", "d1", b"%PDF good")?);
        assert!(store.missing_message_documents()?.is_empty());
        let listed = store.message_documents("m1")?;
        assert_eq!(listed.len(), 1);
        assert!(listed[0].kept);
        assert_eq!(
            store.message_document_bytes("m1", "d1")?,
            Some((info, b"%PDF good".to_vec()))
        );
        Ok(())
    }
}
