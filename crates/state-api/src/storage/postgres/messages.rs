//! Idempotent answers, the inbox (messages and their documents), replies and accessibility
//! reports in PostgreSQL. Semantics as in `storage::sqlite` and `storage::sqlite_replies`.

use std::collections::HashMap;

use ::postgres::Row;

use super::super::rows::{to_i64, to_u64};
use super::submissions::insert_event;
use super::{limit_of, Tx, FEED_BOUND};
use crate::error::Error;
use crate::storage::*;

pub(super) fn idempotent_response(
    conn: &mut super::Session,
    scope: &str,
    subject: &str,
    key: &str,
) -> Result<Option<StoredResponse>, Error> {
    let row = conn.query_opt(
        "SELECT subject, fingerprint, status, body FROM idempotency
         WHERE scope = $1 AND subject = $2 AND key = $3",
        &[&scope, &subject, &key],
    )?;
    row.map(|row| {
        let status: i32 = row.try_get(2)?;
        Ok(StoredResponse {
            subject: row.try_get(0)?,
            fingerprint: row.try_get(1)?,
            status: u16::try_from(status)
                .map_err(|_| Error::Corrupt(format!("stored answer status {status}")))?,
            body: row.try_get(3)?,
        })
    })
    .transpose()
}

pub(super) fn insert_idempotency(
    tx: &mut Tx<'_>,
    scope: &str,
    key: &str,
    response: &StoredResponse,
) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO idempotency (scope, key, subject, fingerprint, status, body)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &scope,
            &key,
            &response.subject,
            &response.fingerprint,
            &i32::from(response.status),
            &response.body,
        ],
    )?;
    Ok(())
}

/// Stores a message under the cursor `(transaction id << 20) + n` (see `super`).
pub(super) fn add_message(tx: &mut Tx<'_>, m: &MessageRecord) -> Result<i64, Error> {
    let n = tx.next_row()?;
    let cursor: i64 = tx
        .query_one(
            "INSERT INTO messages (cursor, id, subject, submission_id, title, body, at, sender)
             VALUES ((pg_current_xact_id()::text::bigint << 20) + $8, $1, $2, $3, $4, $5, $6, $7)
             RETURNING cursor",
            &[
                &m.id,
                &m.subject,
                &m.submission_id,
                &m.title,
                &m.body,
                &m.at,
                &m.sender,
                &n,
            ],
        )?
        .try_get(0)?;
    for (position, d) in m.documents.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        tx.execute(
            "INSERT INTO message_documents
               (message_id, document_id, position, name, media_type, size, sha512, content)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &m.id,
                &d.id,
                &position,
                &d.name,
                &d.media_type,
                &to_i64(d.size),
                &d.sha512,
                &d.content,
            ],
        )?;
    }
    Ok(cursor)
}

/// A document from its first five columns (id, name, media type, size, SHA-512), without
/// its bytes.
fn document_row(row: &Row, from: usize) -> Result<DocumentRecord, Error> {
    Ok(DocumentRecord {
        id: row.try_get(from)?,
        name: row.try_get(from + 1)?,
        media_type: row.try_get(from + 2)?,
        size: to_u64(row.try_get(from + 3)?),
        sha512: row.try_get(from + 4)?,
        content: Vec::new(),
    })
}

/// The inbox feed: only cursors below the snapshot's bound (see `super`), with the documents
/// of the messages (without their bytes).
pub(super) fn messages(
    tx: &mut Tx<'_>,
    subject: &str,
    since: i64,
    limit: usize,
) -> Result<Vec<MessageRecord>, Error> {
    let sql = format!(
        "SELECT id, subject, submission_id, title, body, at, cursor, sender FROM messages
         WHERE subject = $1 AND cursor > $2 AND cursor < {FEED_BOUND}
         ORDER BY cursor LIMIT $3"
    );
    let rows = tx.query(&sql, &[&subject, &since, &limit_of(limit)])?;
    let mut messages = rows
        .iter()
        .map(|row| {
            Ok(MessageRecord {
                id: row.try_get(0)?,
                subject: row.try_get(1)?,
                submission_id: row.try_get(2)?,
                title: row.try_get(3)?,
                body: row.try_get(4)?,
                at: row.try_get(5)?,
                cursor: row.try_get(6)?,
                sender: row.try_get(7)?,
                documents: Vec::new(),
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    if messages.is_empty() {
        return Ok(messages);
    }
    let ids: Vec<String> = messages.iter().map(|m| m.id.clone()).collect();
    let index: HashMap<String, usize> = ids.iter().cloned().zip(0..).collect();
    let documents = tx.query(
        "SELECT message_id, document_id, name, media_type, size, sha512 FROM message_documents
         WHERE message_id = ANY($1) ORDER BY message_id, position",
        &[&ids],
    )?;
    for row in documents {
        let owner: String = row.try_get(0)?;
        let document = document_row(&row, 1)?;
        if let Some(message) = index.get(&owner).and_then(|&i| messages.get_mut(i)) {
            message.documents.push(document);
        }
    }
    Ok(messages)
}

pub(super) fn message_document(
    conn: &mut super::Session,
    subject: &str,
    message: &str,
    document: &str,
) -> Result<Option<DocumentRecord>, Error> {
    let row = conn.query_opt(
        "SELECT d.document_id, d.name, d.media_type, d.size, d.sha512, d.content
         FROM message_documents d JOIN messages m ON m.id = d.message_id
         WHERE m.subject = $1 AND d.message_id = $2 AND d.document_id = $3",
        &[&subject, &message, &document],
    )?;
    row.map(|row| {
        Ok(DocumentRecord {
            content: row.try_get(5)?,
            ..document_row(&row, 0)?
        })
    })
    .transpose()
}

/// Numbers the report one above the highest so far: gapless, as SQLite numbers them (two at
/// once collide and one runs again).
pub(super) fn create_report(
    tx: &mut Tx<'_>,
    report: &ReportRecord,
    respond: &Respond<'_>,
) -> Result<StoredResponse, Error> {
    let sequence: i64 = tx
        .query_one(
            "INSERT INTO accessibility_reports (sequence, id, report, received_at)
             SELECT COALESCE(MAX(sequence), 0) + 1, $1, $2, $3 FROM accessibility_reports
             RETURNING sequence",
            &[&report.id, &report.report_json, &report.received_at],
        )?
        .try_get(0)?;
    let response = respond(sequence)?;
    insert_idempotency(tx, "report", &report.id, &response)?;
    Ok(response)
}

pub(super) fn reports(conn: &mut super::Session, limit: usize) -> Result<Vec<ReportRecord>, Error> {
    conn.query(
        "SELECT id, sequence, report, received_at FROM accessibility_reports
         ORDER BY sequence DESC LIMIT $1",
        &[&limit_of(limit)],
    )?
    .iter()
    .map(|row| {
        Ok(ReportRecord {
            id: row.try_get(0)?,
            sequence: row.try_get(1)?,
            report_json: row.try_get(2)?,
            received_at: row.try_get(3)?,
        })
    })
    .collect()
}

/// Keeps a reply only while its submission waits for one, checked on the submission's row
/// locked in this transaction.
pub(super) fn add_reply(
    tx: &mut Tx<'_>,
    reply: &ReplyRecord,
    event: &StatusEvent,
    respond: &Respond<'_>,
) -> Result<Option<StoredResponse>, Error> {
    let waiting: Option<String> = tx
        .query_opt(
            "SELECT status FROM submissions WHERE id = $1 FOR UPDATE",
            &[&reply.submission_id],
        )?
        .map(|row| row.try_get(0))
        .transpose()?;
    if waiting.as_deref() != Some(Status::ActionRequired.as_str()) {
        return Ok(None);
    }
    tx.execute(
        "INSERT INTO replies (id, submission_id, subject, idempotency_key, content, sealed,
             received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &reply.id,
            &reply.submission_id,
            &reply.subject,
            &reply.key,
            &reply.content,
            &reply.sealed,
            &reply.received_at,
        ],
    )?;
    let cursor = insert_event(tx, &reply.submission_id, event)?;
    let response = respond(cursor)?;
    insert_idempotency(tx, "reply", &reply.key, &response)?;
    Ok(Some(response))
}

pub(super) fn replies(
    conn: &mut super::Session,
    submission: &str,
) -> Result<Vec<ReplyRecord>, Error> {
    conn.query(
        "SELECT id, submission_id, subject, idempotency_key, content, sealed, received_at
         FROM replies WHERE submission_id = $1 ORDER BY received_at, id COLLATE \"C\"",
        &[&submission],
    )?
    .iter()
    .map(|row| {
        Ok(ReplyRecord {
            id: row.try_get(0)?,
            submission_id: row.try_get(1)?,
            subject: row.try_get(2)?,
            key: row.try_get(3)?,
            content: row.try_get(4)?,
            sealed: row.try_get(5)?,
            received_at: row.try_get(6)?,
        })
    })
    .collect()
}
