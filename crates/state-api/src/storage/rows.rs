//! Rows to records and back: the SQL helpers the SQLite storage's methods share (reading a
//! submission with its attachments and history, appending a status event, keeping an
//! idempotent answer, reading a token).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::*;

/// A submission's data as kept at submit.
pub(super) fn submission_data(conn: &Connection, id: &str) -> Result<Option<String>, Error> {
    let found: Option<Option<String>> = conn
        .prepare_cached("SELECT data_json FROM submissions WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?;
    Ok(found.flatten())
}

/// One token by its hash.
pub(super) fn token_row(conn: &Connection, token_hash: &str) -> Result<Option<TokenRecord>, Error> {
    let found = conn
        .prepare_cached(
            "SELECT kind, subject, client_id, scope, expires_at, family, used_at FROM tokens
             WHERE token_hash = ?1",
        )?
        .query_row([token_hash], |row| {
            let kind: String = row.get(0)?;
            Ok(TokenRecord {
                kind: if kind == TokenKind::Refresh.as_str() {
                    TokenKind::Refresh
                } else {
                    TokenKind::Access
                },
                subject: row.get(1)?,
                client_id: row.get(2)?,
                scope: row.get(3)?,
                expires_at: row.get(4)?,
                family: row.get(5)?,
                used_at: row.get(6)?,
            })
        })
        .optional()?;
    Ok(found)
}

pub(super) fn status_of(text: &str) -> Result<Status, Error> {
    Status::parse(text).ok_or_else(|| Error::Corrupt(format!("unknown status {text}")))
}

pub(super) fn to_u64(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

pub(super) fn to_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

pub(super) const SUBMISSION_COLUMNS: &str =
    "id, subject, service_key, ars, authority_id, form_id, \
     form_version, status, created_at, expires_at, expired, data_sha512, cursor, idempotency_key, receipt, metadata";

pub(super) struct Head {
    record: SubmissionRecord,
    status: String,
}

pub(super) fn head(row: &Row<'_>) -> rusqlite::Result<Head> {
    Ok(Head {
        status: row.get(7)?,
        record: SubmissionRecord {
            id: row.get(0)?,
            subject: row.get(1)?,
            service_key: row.get(2)?,
            ars: row.get(3)?,
            authority_id: row.get(4)?,
            form_id: row.get(5)?,
            form_version: row.get(6)?,
            status: Status::Initiated,
            created_at: row.get(8)?,
            expires_at: row.get(9)?,
            expired: row.get::<_, i64>(10)? != 0,
            data_sha512: row.get(11)?,
            cursor: row.get(12)?,
            key: row.get(13)?,
            receipt: row.get(14)?,
            metadata: row.get(15)?,
            attachments: Vec::new(),
            history: Vec::new(),
        },
    })
}

/// Fills in status, attachments and history of a submission head.
pub(super) fn complete(conn: &Connection, head: Head) -> Result<SubmissionRecord, Error> {
    let mut record = head.record;
    record.status = status_of(&head.status)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, filename, media_type, size, sha512, received, complete FROM attachments
         WHERE submission_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([&record.id], |row| {
        Ok(AttachmentRecord {
            announced: Announced {
                id: row.get(0)?,
                filename: row.get(1)?,
                media_type: row.get(2)?,
                size: to_u64(row.get(3)?),
                sha512: row.get(4)?,
            },
            received: to_u64(row.get(5)?),
            complete: row.get::<_, i64>(6)? != 0,
        })
    })?;
    for row in rows {
        record.attachments.push(row?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT status, at, reasons, note, signed FROM status_events
         WHERE submission_id = ?1 ORDER BY cursor",
    )?;
    let rows = stmt.query_map([&record.id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, Option<String>>(3)?,
            row.get::<_, Option<String>>(4)?,
        ))
    })?;
    for row in rows {
        let (status, at, reasons, note, signed) = row?;
        let reasons: Vec<String> = serde_json::from_str(&reasons)
            .map_err(|e| Error::Corrupt(format!("status reasons: {e}")))?;
        record.history.push(StatusEvent {
            status: status_of(&status)?,
            at,
            reasons,
            note,
            signed,
        });
    }
    Ok(record)
}

pub(super) fn insert_event(tx: &Connection, id: &str, event: &StatusEvent) -> Result<i64, Error> {
    let reasons = serde_json::to_string(&event.reasons)
        .map_err(|e| Error::Corrupt(format!("status reasons: {e}")))?;
    tx.execute(
        "INSERT INTO status_events (submission_id, status, at, reasons, note, signed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            event.status.as_str(),
            event.at,
            reasons,
            event.note,
            event.signed
        ],
    )?;
    let cursor = tx.last_insert_rowid();
    tx.execute(
        "UPDATE submissions SET status = ?2, cursor = ?3 WHERE id = ?1",
        params![id, event.status.as_str(), cursor],
    )?;
    Ok(cursor)
}

pub(super) fn insert_idempotency(
    tx: &Connection,
    scope: &str,
    key: &str,
    response: &StoredResponse,
) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO idempotency (scope, key, subject, fingerprint, status, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            scope,
            key,
            response.subject,
            response.fingerprint,
            response.status,
            response.body
        ],
    )?;
    Ok(())
}
