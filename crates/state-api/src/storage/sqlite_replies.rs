//! The SQL of replies and of the documents of messages (see [`super::Storage`]).

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{insert_event, insert_idempotency};
use super::{DocumentRecord, MessageRecord, ReplyRecord, Respond, StatusEvent, StoredResponse};
use crate::error::Error;

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(super) fn insert_documents(tx: &Connection, message: &MessageRecord) -> Result<(), Error> {
    for (position, d) in message.documents.iter().enumerate() {
        tx.execute(
            "INSERT INTO message_documents
               (message_id, document_id, position, name, media_type, size, sha512, content)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                message.id,
                d.id,
                to_i64(position as u64),
                d.name,
                d.media_type,
                to_i64(d.size),
                d.sha512,
                d.content
            ],
        )?;
    }
    Ok(())
}

/// A document from its first five columns (id, name, media type, size, SHA-512), without
/// its bytes.
fn document_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentRecord> {
    Ok(DocumentRecord {
        id: row.get(0)?,
        name: row.get(1)?,
        media_type: row.get(2)?,
        size: u64::try_from(row.get::<_, i64>(3)?).unwrap_or(0),
        sha512: row.get(4)?,
        content: Vec::new(),
    })
}

/// The documents of a message, without their bytes.
pub(super) fn documents_of(conn: &Connection, message: &str) -> Result<Vec<DocumentRecord>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT document_id, name, media_type, size, sha512 FROM message_documents
         WHERE message_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([message], document_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

pub(super) fn message_document(
    conn: &Connection,
    subject: &str,
    message: &str,
    document: &str,
) -> Result<Option<DocumentRecord>, Error> {
    Ok(conn
        .query_row(
            "SELECT d.document_id, d.name, d.media_type, d.size, d.sha512, d.content
             FROM message_documents d JOIN messages m ON m.id = d.message_id
             WHERE m.subject = ?1 AND d.message_id = ?2 AND d.document_id = ?3",
            params![subject, message, document],
            |row| {
                Ok(DocumentRecord {
                    content: row.get(5)?,
                    ..document_row(row)?
                })
            },
        )
        .optional()?)
}

pub(super) fn add_reply(
    tx: &Connection,
    reply: &ReplyRecord,
    event: &StatusEvent,
    respond: &Respond<'_>,
) -> Result<Option<StoredResponse>, Error> {
    let waiting: Option<String> = tx
        .query_row(
            "SELECT status FROM submissions WHERE id = ?1",
            [&reply.submission_id],
            |row| row.get(0),
        )
        .optional()?;
    if waiting.as_deref() != Some(super::Status::ActionRequired.as_str()) {
        return Ok(None);
    }
    tx.execute(
        "INSERT INTO replies (id, submission_id, subject, idempotency_key, content, sealed,
           received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            reply.id,
            reply.submission_id,
            reply.subject,
            reply.key,
            reply.content,
            reply.sealed,
            reply.received_at
        ],
    )?;
    let cursor = insert_event(tx, &reply.submission_id, event)?;
    let response = respond(cursor)?;
    insert_idempotency(tx, "reply", &reply.key, &response)?;
    Ok(Some(response))
}

pub(super) fn replies(conn: &Connection, submission: &str) -> Result<Vec<ReplyRecord>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, submission_id, subject, idempotency_key, content, sealed, received_at
         FROM replies WHERE submission_id = ?1 ORDER BY received_at, id",
    )?;
    let rows = stmt.query_map([submission], |row| {
        Ok(ReplyRecord {
            id: row.get(0)?,
            submission_id: row.get(1)?,
            subject: row.get(2)?,
            key: row.get(3)?,
            content: row.get(4)?,
            sealed: row.get(5)?,
            received_at: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}
