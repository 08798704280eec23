//! Submissions in PostgreSQL: creating them (quota checked in the transaction), reading them
//! with their attachments and history, the change feed, uploads, submitting, status steps,
//! expiry. Semantics as in `storage::sqlite`, method by method.

use std::collections::HashMap;

use ::postgres::fallible_iterator::FallibleIterator;
use ::postgres::Row;

use super::super::rows::{status_of, to_i64, to_u64};
use super::messages::insert_idempotency;
use super::{limit_of, to_usize, Tx, FEED_BOUND};
use crate::error::Error;
use crate::storage::*;

const COLUMNS: &str = "id, subject, service_key, ars, authority_id, form_id, form_version, \
     status, created_at, expires_at, expired, data_sha512, cursor, idempotency_key, receipt, \
     metadata";

/// A submission from a row of [`COLUMNS`], without attachments and history.
fn head(row: &Row) -> Result<SubmissionRecord, Error> {
    let status: String = row.try_get(7)?;
    Ok(SubmissionRecord {
        id: row.try_get(0)?,
        subject: row.try_get(1)?,
        service_key: row.try_get(2)?,
        ars: row.try_get(3)?,
        authority_id: row.try_get(4)?,
        form_id: row.try_get(5)?,
        form_version: row.try_get(6)?,
        status: status_of(&status)?,
        created_at: row.try_get(8)?,
        expires_at: row.try_get(9)?,
        expired: row.try_get(10)?,
        data_sha512: row.try_get(11)?,
        cursor: row.try_get(12)?,
        key: row.try_get(13)?,
        receipt: row.try_get(14)?,
        metadata: row.try_get(15)?,
        attachments: Vec::new(),
        history: Vec::new(),
    })
}

/// Fills in the attachments and histories of `records` (two statements for all of them).
fn complete(tx: &mut Tx<'_>, rows: Vec<Row>) -> Result<Vec<SubmissionRecord>, Error> {
    let mut records = rows.iter().map(head).collect::<Result<Vec<_>, _>>()?;
    if records.is_empty() {
        return Ok(records);
    }
    let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
    let index: HashMap<String, usize> = ids.iter().cloned().zip(0..).collect();
    let attachments = tx.query(
        "SELECT submission_id, id, filename, media_type, size, sha512, received, complete
         FROM attachments WHERE submission_id = ANY($1) ORDER BY submission_id, position",
        &[&ids],
    )?;
    for row in attachments {
        let owner: String = row.try_get(0)?;
        let attachment = AttachmentRecord {
            announced: Announced {
                id: row.try_get(1)?,
                filename: row.try_get(2)?,
                media_type: row.try_get(3)?,
                size: to_u64(row.try_get(4)?),
                sha512: row.try_get(5)?,
            },
            received: to_u64(row.try_get(6)?),
            complete: row.try_get(7)?,
        };
        if let Some(record) = index.get(&owner).and_then(|&i| records.get_mut(i)) {
            record.attachments.push(attachment);
        }
    }
    let events = tx.query(
        "SELECT submission_id, status, at, reasons, note, signed FROM status_events
         WHERE submission_id = ANY($1) ORDER BY cursor",
        &[&ids],
    )?;
    for row in events {
        let owner: String = row.try_get(0)?;
        let status: String = row.try_get(1)?;
        let reasons: String = row.try_get(3)?;
        let reasons: Vec<String> = serde_json::from_str(&reasons)
            .map_err(|e| Error::Corrupt(format!("status reasons: {e}")))?;
        let event = StatusEvent {
            status: status_of(&status)?,
            at: row.try_get(2)?,
            reasons,
            note: row.try_get(4)?,
            signed: row.try_get(5)?,
        };
        if let Some(record) = index.get(&owner).and_then(|&i| records.get_mut(i)) {
            record.history.push(event);
        }
    }
    Ok(records)
}

/// Appends a status event and makes its cursor the submission's: returns the cursor.
pub(super) fn insert_event(tx: &mut Tx<'_>, id: &str, event: &StatusEvent) -> Result<i64, Error> {
    let reasons = serde_json::to_string(&event.reasons)
        .map_err(|e| Error::Corrupt(format!("status reasons: {e}")))?;
    let n = tx.next_row()?;
    let row = tx.query_one(
        "WITH event AS (
             INSERT INTO status_events (cursor, submission_id, status, at, reasons, note, signed)
             VALUES ((pg_current_xact_id()::text::bigint << 20) + $7, $1, $2, $3, $4, $5, $6)
             RETURNING cursor)
         UPDATE submissions SET status = $2, cursor = (SELECT cursor FROM event)
         WHERE id = $1 RETURNING cursor",
        &[
            &id,
            &event.status.as_str(),
            &event.at,
            &reasons,
            &event.note,
            &event.signed,
            &n,
        ],
    )?;
    Ok(row.try_get(0)?)
}

pub(super) fn create(
    tx: &mut Tx<'_>,
    new: &NewSubmission,
    quota: &Quota,
    respond: &Respond<'_>,
) -> Result<Created, Error> {
    // One citizen's creates take turns (until commit): their quota reads and inserts would
    // otherwise fail each other's serialization again and again.
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
        &[&format!("create:{}", new.subject)],
    )?;
    // Stops at the quota: a create never reads more than `per_day` rows.
    let today: i64 = tx
        .query_one(
            "SELECT COUNT(*) FROM (SELECT 1 FROM submissions
             WHERE subject = $1 AND created_at >= $2 LIMIT $3) AS today",
            &[
                &new.subject,
                &quota.day_start,
                &i64::try_from(quota.per_day).unwrap_or(i64::MAX),
            ],
        )?
        .try_get(0)?;
    let today = to_u64(today);
    if today >= quota.per_day {
        return Ok(Created::OverDailyQuota { today });
    }
    let held: i64 = tx
        .query_one(
            "SELECT COALESCE(SUM(a.size), 0)::bigint FROM attachments a
             JOIN submissions s ON s.id = a.submission_id
             WHERE s.subject = $1 AND s.status = 'INITIATED' AND NOT s.expired",
            &[&new.subject],
        )?
        .try_get(0)?;
    let held = to_u64(held);
    let announced: u64 = new.attachments.iter().map(|a| a.size).sum();
    if held.saturating_add(announced) > quota.attachment_bytes {
        return Ok(Created::OverAttachmentQuota { held });
    }
    let taken = tx
        .query_opt("SELECT 1 FROM submissions WHERE id = $1", &[&new.id])?
        .is_some();
    let id = if taken { &new.spare_id } else { &new.id };
    tx.execute(
        "INSERT INTO submissions (id, idempotency_key, subject, service_key, ars, authority_id,
             form_id, form_version, status, created_at, expires_at, cursor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0)",
        &[
            id,
            &new.key,
            &new.subject,
            &new.service_key,
            &new.ars,
            &new.authority_id,
            &new.form_id,
            &new.form_version,
            &Status::Initiated.as_str(),
            &new.created_at,
            &new.expires_at,
        ],
    )?;
    for (position, a) in new.attachments.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        tx.execute(
            "INSERT INTO attachments (submission_id, id, position, filename, media_type, size,
                 sha512)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                id,
                &a.id,
                &position,
                &a.filename,
                &a.media_type,
                &to_i64(a.size),
                &a.sha512,
            ],
        )?;
    }
    let event = StatusEvent {
        status: Status::Initiated,
        at: new.created_at,
        reasons: Vec::new(),
        note: None,
        signed: None,
    };
    let cursor = insert_event(tx, id, &event)?;
    let response = respond(cursor)?;
    insert_idempotency(tx, "create", &new.key, &response)?;
    Ok(Created::Stored(response))
}

pub(super) fn by_id(tx: &mut Tx<'_>, id: &str) -> Result<Option<SubmissionRecord>, Error> {
    let sql = format!("SELECT {COLUMNS} FROM submissions WHERE id = $1");
    let rows = tx.query(&sql, &[&id])?;
    Ok(complete(tx, rows)?.into_iter().next())
}

/// A submission's data as kept at submit.
pub(super) fn data(tx: &mut Tx<'_>, id: &str) -> Result<Option<String>, Error> {
    let rows = tx.query("SELECT data_json FROM submissions WHERE id = $1", &[&id])?;
    match rows.first() {
        Some(row) => Ok(row.try_get::<_, Option<String>>(0)?),
        None => Ok(None),
    }
}

pub(super) fn by_key(
    tx: &mut Tx<'_>,
    subject: &str,
    key: &str,
) -> Result<Option<SubmissionRecord>, Error> {
    let sql =
        format!("SELECT {COLUMNS} FROM submissions WHERE subject = $1 AND idempotency_key = $2");
    let rows = tx.query(&sql, &[&subject, &key])?;
    Ok(complete(tx, rows)?.into_iter().next())
}

/// The feed: only cursors below the snapshot's bound, which no later commit can undercut.
pub(super) fn changed(
    tx: &mut Tx<'_>,
    subject: &str,
    since: i64,
    limit: usize,
) -> Result<Vec<SubmissionRecord>, Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM submissions
         WHERE subject = $1 AND cursor > $2 AND cursor < {FEED_BOUND}
         ORDER BY cursor LIMIT $3"
    );
    let rows = tx.query(&sql, &[&subject, &since, &limit_of(limit)])?;
    complete(tx, rows)
}

pub(super) fn all(
    tx: &mut Tx<'_>,
    status: Option<Status>,
    before: Option<i64>,
    limit: usize,
) -> Result<Vec<SubmissionRecord>, Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM submissions
         WHERE ($1::text IS NULL OR status = $1) AND ($2::bigint IS NULL OR cursor < $2)
         ORDER BY cursor DESC LIMIT $3"
    );
    let status = status.map(Status::as_str);
    let rows = tx.query(&sql, &[&status, &before, &limit_of(limit)])?;
    complete(tx, rows)
}

/// The offset is checked against the attachment row locked in this transaction, so two
/// chunks at one offset (two instances) cannot both be appended.
pub(super) fn append_chunk(
    tx: &mut Tx<'_>,
    submission: &str,
    attachment: &str,
    offset: u64,
    data: &[u8],
) -> Result<Append, Error> {
    let received: i64 = tx
        .query_one(
            "SELECT received FROM attachments WHERE submission_id = $1 AND id = $2 FOR UPDATE",
            &[&submission, &attachment],
        )?
        .try_get(0)?;
    let received = to_u64(received);
    if received != offset {
        return Ok(Append::OffsetMismatch { received });
    }
    if data.is_empty() {
        return Ok(Append::Appended { received });
    }
    tx.execute(
        "INSERT INTO attachment_chunks (submission_id, attachment_id, byte_offset, data)
         VALUES ($1, $2, $3, $4)",
        &[&submission, &attachment, &to_i64(offset), &data],
    )?;
    let received = received.saturating_add(data.len() as u64);
    tx.execute(
        "UPDATE attachments SET received = $3 WHERE submission_id = $1 AND id = $2",
        &[&submission, &attachment, &to_i64(received)],
    )?;
    Ok(Append::Appended { received })
}

/// Hands each stored chunk of an attachment to `f`, in order, as they arrive from the
/// database (one statement: one snapshot).
pub(super) fn each_chunk(
    conn: &mut super::Session,
    submission: &str,
    attachment: &str,
    mut f: impl FnMut(&[u8]),
) -> Result<(), Error> {
    let mut rows = conn.client.query_raw(
        "SELECT data FROM attachment_chunks
         WHERE submission_id = $1 AND attachment_id = $2 ORDER BY byte_offset",
        [submission, attachment],
    )?;
    while let Some(row) = rows.next()? {
        f(row.try_get::<_, &[u8]>(0)?);
    }
    Ok(())
}

pub(super) fn complete_attachment(
    tx: &mut Tx<'_>,
    submission: &str,
    attachment: &str,
) -> Result<(), Error> {
    tx.execute(
        "UPDATE attachments SET complete = TRUE WHERE submission_id = $1 AND id = $2",
        &[&submission, &attachment],
    )?;
    Ok(())
}

pub(super) fn reset_attachment(
    tx: &mut Tx<'_>,
    submission: &str,
    attachment: &str,
) -> Result<(), Error> {
    tx.execute(
        "DELETE FROM attachment_chunks WHERE submission_id = $1 AND attachment_id = $2",
        &[&submission, &attachment],
    )?;
    tx.execute(
        "UPDATE attachments SET received = 0, complete = FALSE
         WHERE submission_id = $1 AND id = $2",
        &[&submission, &attachment],
    )?;
    Ok(())
}

/// Submits only a submission still open (INITIATED, not expired or abandoned), checked on its
/// row locked in this transaction: the service's check before it may be stale.
pub(super) fn submit(
    tx: &mut Tx<'_>,
    id: &str,
    arrival: &Arrival<'_>,
    events: &[StatusEvent],
    key: &str,
    respond: &Respond<'_>,
) -> Result<StoredResponse, Error> {
    let open = tx
        .query_opt(
            "SELECT status = 'INITIATED' AND NOT expired FROM submissions WHERE id = $1
             FOR UPDATE",
            &[&id],
        )?
        .map(|row| row.try_get::<_, bool>(0))
        .transpose()?;
    match open {
        Some(true) => {}
        Some(false) => {
            return Err(Error::Conflict(
                "the submission was submitted, expired or abandoned meanwhile".into(),
            ))
        }
        None => return Err(Error::Conflict("no such submission to submit".into())),
    }
    tx.execute(
        "UPDATE submissions SET data_json = $2, data_sha512 = $3, receipt = $4, metadata = $5,
             expires_at = NULL
         WHERE id = $1",
        &[
            &id,
            &arrival.data_json,
            &arrival.data_sha512,
            &arrival.receipt,
            &arrival.metadata,
        ],
    )?;
    let mut cursor = 0;
    for event in events {
        cursor = insert_event(tx, id, event)?;
    }
    let response = respond(cursor)?;
    insert_idempotency(tx, &format!("submit:{id}"), key, &response)?;
    Ok(response)
}

pub(super) fn add_status(
    tx: &mut Tx<'_>,
    id: &str,
    event: &StatusEvent,
    receipt: Option<&str>,
    from: Option<Status>,
) -> Result<i64, Error> {
    if let Some(from) = from {
        let now: Option<String> = tx
            .query_opt(
                "SELECT status FROM submissions WHERE id = $1 FOR UPDATE",
                &[&id],
            )?
            .map(|row| row.try_get(0))
            .transpose()?;
        if now.as_deref() != Some(from.as_str()) {
            return Err(Error::Conflict(
                "the submission's status changed meanwhile".into(),
            ));
        }
    }
    if let Some(receipt) = receipt {
        tx.execute(
            "UPDATE submissions SET receipt = $2 WHERE id = $1 AND receipt IS NULL",
            &[&id, &receipt],
        )?;
    }
    insert_event(tx, id, event)
}

/// Marks the due submissions expired first (a submit holding one's row makes this wait, and
/// then it is no longer due), then drops the bytes of exactly those.
pub(super) fn expire_due(tx: &mut Tx<'_>, now: i64) -> Result<usize, Error> {
    let expired: Vec<String> = tx
        .query(
            "UPDATE submissions SET expired = TRUE
             WHERE expires_at IS NOT NULL AND expires_at <= $1 AND NOT expired
             RETURNING id",
            &[&now],
        )?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()?;
    if !expired.is_empty() {
        tx.execute(
            "DELETE FROM attachment_chunks WHERE submission_id = ANY($1)",
            &[&expired],
        )?;
    }
    tx.execute("DELETE FROM auth_codes WHERE expires_at <= $1", &[&now])?;
    tx.execute("DELETE FROM tokens WHERE expires_at <= $1", &[&now])?;
    Ok(expired.len())
}

pub(super) fn abandon(tx: &mut Tx<'_>, submission: &str) -> Result<(), Error> {
    let ended = tx.execute(
        "UPDATE submissions SET expired = TRUE, expires_at = NULL
         WHERE id = $1 AND status = 'INITIATED' AND NOT expired",
        &[&submission],
    )?;
    if to_usize(ended) > 0 {
        tx.execute(
            "DELETE FROM attachment_chunks WHERE submission_id = $1",
            &[&submission],
        )?;
    }
    Ok(())
}
