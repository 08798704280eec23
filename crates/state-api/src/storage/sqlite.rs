//! The embedded storage: one SQLite file in the data directory, WAL mode, one writer
//! connection whose transactions are committed in groups (`group_commit`) and a few readers.
//!
//! The only module with SQL. It never decides anything: checks and rules are the service's.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha512};

use super::group_commit::{GroupCommit, MAX_BATCH};
use super::rows::*;
use super::*;

const READERS: usize = 4;
/// Connections kept for the [`Lookups`], which run on the async workers (two by default):
/// a worker must not wait behind a long read (an attachment streamed out) on a shared reader.
const LOOKUP_READERS: usize = 2;

/// SQLite storage in `<data_dir>/state-api.sqlite3`.
pub struct SqliteStorage {
    writer: std::sync::Arc<GroupCommit>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    lookup_readers: Vec<Mutex<Connection>>,
    /// Dropping it ends the checkpoint thread.
    _checkpoints: std::sync::mpsc::Sender<()>,
}

fn lock(mutex: &Mutex<Connection>) -> Result<MutexGuard<'_, Connection>, Error> {
    mutex
        .lock()
        .map_err(|_| Error::Task("a database connection was poisoned".into()))
}

impl SqliteStorage {
    /// Opens (creating and migrating if needed) the database in `data_dir`.
    pub fn open(data_dir: &Path, sync_full: bool) -> Result<SqliteStorage, Error> {
        SqliteStorage::open_with(data_dir, sync_full, true)
    }

    /// The same, with the group commit off (`grouped: false`, every write its own COMMIT):
    /// the throughput benchmark's baseline.
    pub fn open_with(
        data_dir: &Path,
        sync_full: bool,
        grouped: bool,
    ) -> Result<SqliteStorage, Error> {
        std::fs::create_dir_all(data_dir)?;
        let path = data_dir.join("state-api.sqlite3");
        let mut writer = open(&path, sync_full)?;
        migrate(&mut writer)?;
        // The checkpoint thread copies the WAL into the database, not the writer's COMMITs.
        writer.pragma_update(None, "wal_autocheckpoint", 0)?;
        let checkpoints = start_checkpoints(&path, sync_full)?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            readers.push(Mutex::new(open(&path, sync_full)?));
        }
        let mut lookup_readers = Vec::with_capacity(LOOKUP_READERS);
        for _ in 0..LOOKUP_READERS {
            lookup_readers.push(Mutex::new(open(&path, sync_full)?));
        }
        Ok(SqliteStorage {
            writer: std::sync::Arc::new(GroupCommit::new(
                writer,
                if grouped { MAX_BATCH } else { 1 },
            )?),
            readers,
            next_reader: AtomicUsize::new(0),
            lookup_readers,
            _checkpoints: checkpoints,
        })
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Error>) -> Result<T, Error> {
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        // Take the first free reader; if all are busy, wait for the one in turn.
        for i in 0..self.readers.len() {
            if let Some(reader) = self.readers.get((start + i) % self.readers.len()) {
                if let Ok(conn) = reader.try_lock() {
                    return f(&conn);
                }
            }
        }
        match self.readers.get(start % self.readers.len().max(1)) {
            Some(reader) => f(&*lock(reader)?),
            None => Err(Error::Task("no reader connection".into())),
        }
    }

    /// A point read of the [`Lookups`]: on a free lookup connection, else as any read.
    fn lookup_read<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Error>) -> Result<T, Error> {
        for reader in &self.lookup_readers {
            if let Ok(conn) = reader.try_lock() {
                return f(&conn);
            }
        }
        self.read(f)
    }

    /// One atomic write, committed (with the others of its group) before it returns.
    fn write<T: Send>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, Error> + Send,
    ) -> Result<T, Error> {
        self.writer.write(f)
    }

    /// Hands each stored chunk of an attachment to `f`, in order.
    fn each_chunk(
        &self,
        submission: &str,
        attachment: &str,
        mut f: impl FnMut(&[u8]),
    ) -> Result<(), Error> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT data FROM attachment_chunks
                 WHERE submission_id = ?1 AND attachment_id = ?2 ORDER BY offset",
            )?;
            let mut rows = stmt.query([submission, attachment])?;
            while let Some(row) = rows.next()? {
                f(row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?);
            }
            Ok(())
        })
    }
}

/// How many submissions `subject` created since `quota.day_start`, up to the quota: the day's
/// counter row, or (a new day, or a database from before the counter) a count that stops at
/// the quota, so a create never reads more than `per_day` rows.
fn creates_today(tx: &Connection, subject: &str, quota: &Quota) -> Result<u64, Error> {
    let counted: Option<(i64, i64)> = tx
        .prepare_cached("SELECT day_start, count FROM daily_submissions WHERE subject = ?1")?
        .query_row([subject], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if let Some((day_start, count)) = counted {
        if day_start == quota.day_start {
            return Ok(to_u64(count));
        }
    }
    let today: i64 = tx
        .prepare_cached(
            "SELECT COUNT(*) FROM (SELECT 1 FROM submissions
             WHERE subject = ?1 AND created_at >= ?2 LIMIT ?3)",
        )?
        .query_row(
            params![
                subject,
                quota.day_start,
                i64::try_from(quota.per_day).unwrap_or(i64::MAX)
            ],
            |row| row.get(0),
        )?;
    Ok(to_u64(today))
}

impl Storage for SqliteStorage {
    /// Point reads of the local file on connections of their own, in WAL mode: they never
    /// wait for the writer or its fsync.
    fn inline_lookups(&self) -> bool {
        true
    }

    fn spawn_write(&self, job: WriteJob) -> Result<(), WriteJob> {
        self.writer.spawn(job);
        Ok(())
    }

    fn create_submission(
        &self,
        new: &NewSubmission,
        quota: &Quota,
        respond: &Respond<'_>,
    ) -> Result<Created, Error> {
        self.write(|tx| {
            let today = creates_today(tx, &new.subject, quota)?;
            if today >= quota.per_day {
                return Ok(Created::OverDailyQuota { today });
            }
            let held: i64 = tx.query_row(
                "SELECT COALESCE(SUM(a.size), 0) FROM attachments a
                 JOIN submissions s ON s.id = a.submission_id
                 WHERE s.subject = ?1 AND s.status = 'INITIATED' AND s.expired = 0",
                [&new.subject],
                |row| row.get(0),
            )?;
            let held = to_u64(held);
            let announced: u64 = new.attachments.iter().map(|a| a.size).sum();
            if held.saturating_add(announced) > quota.attachment_bytes {
                return Ok(Created::OverAttachmentQuota { held });
            }
            let taken = tx
                .query_row("SELECT 1 FROM submissions WHERE id = ?1", [&new.id], |_| {
                    Ok(())
                })
                .optional()?
                .is_some();
            let id = if taken { &new.spare_id } else { &new.id };
            tx.prepare_cached(
                "INSERT INTO daily_submissions (subject, day_start, count) VALUES (?1, ?2, ?3)
                 ON CONFLICT (subject) DO UPDATE
                 SET day_start = excluded.day_start, count = excluded.count",
            )?
            .execute(params![
                new.subject,
                quota.day_start,
                i64::try_from(today.saturating_add(1)).unwrap_or(i64::MAX)
            ])?;
            tx.execute(
                "INSERT INTO submissions (id, idempotency_key, subject, service_key, ars,
                     authority_id, form_id, form_version, status, created_at, expires_at, cursor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)",
                params![
                    id,
                    new.key,
                    new.subject,
                    new.service_key,
                    new.ars,
                    new.authority_id,
                    new.form_id,
                    new.form_version,
                    Status::Initiated.as_str(),
                    new.created_at,
                    new.expires_at
                ],
            )?;
            for (position, a) in new.attachments.iter().enumerate() {
                tx.execute(
                    "INSERT INTO attachments (submission_id, id, position, filename, media_type,
                         size, sha512)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        id,
                        a.id,
                        position as i64,
                        a.filename,
                        a.media_type,
                        to_i64(a.size),
                        a.sha512
                    ],
                )?;
            }
            let event = StatusEvent {
                status: Status::Initiated,
                at: new.created_at,
                reasons: Vec::new(),
                signed: None,
                note: None,
            };
            let cursor = insert_event(tx, id, &event)?;
            let response = respond(cursor)?;
            insert_idempotency(tx, "create", &new.key, &response)?;
            Ok(Created::Stored(response))
        })
    }

    fn all_submissions(
        &self,
        status: Option<Status>,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<SubmissionRecord>, Error> {
        self.read(|conn| {
            let sql = format!(
                "SELECT {SUBMISSION_COLUMNS} FROM submissions
                 WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR cursor < ?2)
                 ORDER BY cursor DESC LIMIT ?3"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let heads = stmt
                .query_map(
                    params![status.map(Status::as_str), before, limit as i64],
                    head,
                )?
                .collect::<Result<Vec<_>, _>>()?;
            heads.into_iter().map(|h| complete(conn, h)).collect()
        })
    }

    fn append_chunk(
        &self,
        submission: &str,
        attachment: &str,
        offset: u64,
        data: &[u8],
    ) -> Result<Append, Error> {
        self.write(|tx| {
            let received: i64 = tx.query_row(
                "SELECT received FROM attachments WHERE submission_id = ?1 AND id = ?2",
                [submission, attachment],
                |row| row.get(0),
            )?;
            let received = to_u64(received);
            if received != offset {
                return Ok(Append::OffsetMismatch { received });
            }
            if data.is_empty() {
                return Ok(Append::Appended { received });
            }
            tx.execute(
                "INSERT INTO attachment_chunks (submission_id, attachment_id, offset, data)
                 VALUES (?1, ?2, ?3, ?4)",
                params![submission, attachment, to_i64(offset), data],
            )?;
            let received = received + data.len() as u64;
            tx.execute(
                "UPDATE attachments SET received = ?3 WHERE submission_id = ?1 AND id = ?2",
                params![submission, attachment, to_i64(received)],
            )?;
            Ok(Append::Appended { received })
        })
    }

    fn submission_data(&self, id: &str) -> Result<Option<String>, Error> {
        self.read(|conn| super::rows::submission_data(conn, id))
    }

    fn attachment_content(&self, submission: &str, attachment: &str) -> Result<Vec<u8>, Error> {
        let mut content = Vec::new();
        self.each_chunk(submission, attachment, |data| {
            content.extend_from_slice(data)
        })?;
        Ok(content)
    }

    fn attachment_sha512(&self, submission: &str, attachment: &str) -> Result<String, Error> {
        let mut hasher = Sha512::new();
        self.each_chunk(submission, attachment, |data| hasher.update(data))?;
        Ok(hex::encode(hasher.finalize()))
    }

    fn complete_attachment(&self, submission: &str, attachment: &str) -> Result<(), Error> {
        self.write(|tx| {
            tx.execute(
                "UPDATE attachments SET complete = 1 WHERE submission_id = ?1 AND id = ?2",
                [submission, attachment],
            )?;
            Ok(())
        })
    }

    fn reset_attachment(&self, submission: &str, attachment: &str) -> Result<(), Error> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM attachment_chunks WHERE submission_id = ?1 AND attachment_id = ?2",
                [submission, attachment],
            )?;
            tx.execute(
                "UPDATE attachments SET received = 0, complete = 0
                 WHERE submission_id = ?1 AND id = ?2",
                [submission, attachment],
            )?;
            Ok(())
        })
    }

    fn submit(
        &self,
        id: &str,
        arrival: &Arrival<'_>,
        events: &[StatusEvent],
        key: &str,
        respond: &Respond<'_>,
    ) -> Result<StoredResponse, Error> {
        self.write(|tx| {
            // Checked again inside the write: the expiry sweep or an abandon may have ended
            // the submission while its data was being checked.
            let changed = tx.execute(
                "UPDATE submissions SET data_json = ?2, data_sha512 = ?3, receipt = ?4,
                 metadata = ?5, expires_at = NULL
                 WHERE id = ?1 AND status = 'INITIATED' AND expired = 0",
                params![
                    id,
                    arrival.data_json,
                    arrival.data_sha512,
                    arrival.receipt,
                    arrival.metadata
                ],
            )?;
            if changed == 0 {
                return Err(Error::Conflict(
                    "the submission was submitted, expired or abandoned meanwhile".into(),
                ));
            }
            let mut cursor = 0;
            for event in events {
                cursor = insert_event(tx, id, event)?;
            }
            let response = respond(cursor)?;
            insert_idempotency(tx, &format!("submit:{id}"), key, &response)?;
            Ok(response)
        })
    }

    fn add_status(
        &self,
        id: &str,
        event: &StatusEvent,
        receipt: Option<&str>,
        from: Option<Status>,
    ) -> Result<i64, Error> {
        self.write(|tx| {
            if let Some(from) = from {
                let now: Option<String> = tx
                    .query_row(
                        "SELECT status FROM submissions WHERE id = ?1",
                        [id],
                        |row| row.get(0),
                    )
                    .optional()?;
                if now.as_deref() != Some(from.as_str()) {
                    return Err(Error::Conflict(
                        "the submission's status changed meanwhile".into(),
                    ));
                }
            }
            if let Some(receipt) = receipt {
                tx.execute(
                    "UPDATE submissions SET receipt = ?2 WHERE id = ?1 AND receipt IS NULL",
                    params![id, receipt],
                )?;
            }
            insert_event(tx, id, event)
        })
    }

    fn add_message(&self, m: &MessageRecord) -> Result<i64, Error> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO messages (id, subject, submission_id, title, body, at, sender)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    m.id,
                    m.subject,
                    m.submission_id,
                    m.title,
                    m.body,
                    m.at,
                    m.sender
                ],
            )?;
            let cursor = tx.last_insert_rowid();
            super::sqlite_replies::insert_documents(tx, m)?;
            Ok(cursor)
        })
    }

    fn messages(
        &self,
        subject: &str,
        since: i64,
        limit: usize,
    ) -> Result<Vec<MessageRecord>, Error> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, subject, submission_id, title, body, at, cursor, sender FROM messages
                 WHERE subject = ?1 AND cursor > ?2 ORDER BY cursor LIMIT ?3",
            )?;
            let rows = stmt.query_map(params![subject, since, limit as i64], |row| {
                Ok(MessageRecord {
                    id: row.get(0)?,
                    subject: row.get(1)?,
                    submission_id: row.get(2)?,
                    title: row.get(3)?,
                    body: row.get(4)?,
                    at: row.get(5)?,
                    cursor: row.get(6)?,
                    sender: row.get(7)?,
                    documents: Vec::new(),
                })
            })?;
            let mut messages = rows.collect::<Result<Vec<_>, _>>()?;
            for message in &mut messages {
                message.documents = super::sqlite_replies::documents_of(conn, &message.id)?;
            }
            Ok(messages)
        })
    }

    fn expire_due(&self, now: i64) -> Result<usize, Error> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM attachment_chunks WHERE submission_id IN (
                     SELECT id FROM submissions
                     WHERE expires_at IS NOT NULL AND expires_at <= ?1 AND expired = 0)",
                [now],
            )?;
            let count = tx.execute(
                "UPDATE submissions SET expired = 1
                 WHERE expires_at IS NOT NULL AND expires_at <= ?1 AND expired = 0",
                [now],
            )?;
            tx.execute("DELETE FROM auth_codes WHERE expires_at <= ?1", [now])?;
            tx.execute("DELETE FROM tokens WHERE expires_at <= ?1", [now])?;
            // Counters of days long past count nothing any more (a day is at most 25 hours).
            tx.execute(
                "DELETE FROM daily_submissions WHERE day_start < ?1",
                [now.saturating_sub(2 * 86_400_000)],
            )?;
            Ok(count)
        })
    }

    fn abandon(&self, submission: &str) -> Result<(), Error> {
        self.write(|tx| {
            let ended = tx.execute(
                "UPDATE submissions SET expired = 1, expires_at = NULL
                 WHERE id = ?1 AND status = 'INITIATED' AND expired = 0",
                [submission],
            )?;
            if ended > 0 {
                tx.execute(
                    "DELETE FROM attachment_chunks WHERE submission_id = ?1",
                    [submission],
                )?;
            }
            Ok(())
        })
    }

    fn put_code(&self, code_hash: &str, c: &AuthCode) -> Result<(), Error> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO auth_codes (code_hash, client_id, redirect_uri, code_challenge,
                     subject, scope, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    code_hash,
                    c.client_id,
                    c.redirect_uri,
                    c.code_challenge,
                    c.subject,
                    c.scope,
                    c.expires_at
                ],
            )?;
            Ok(())
        })
    }

    fn take_code(&self, code_hash: &str) -> Result<Option<AuthCode>, Error> {
        self.write(|tx| {
            let found = tx
                .query_row(
                    "SELECT client_id, redirect_uri, code_challenge, subject, scope, expires_at
                     FROM auth_codes WHERE code_hash = ?1",
                    [code_hash],
                    |row| {
                        Ok(AuthCode {
                            client_id: row.get(0)?,
                            redirect_uri: row.get(1)?,
                            code_challenge: row.get(2)?,
                            subject: row.get(3)?,
                            scope: row.get(4)?,
                            expires_at: row.get(5)?,
                        })
                    },
                )
                .optional()?;
            tx.execute("DELETE FROM auth_codes WHERE code_hash = ?1", [code_hash])?;
            Ok(found)
        })
    }

    fn put_token(&self, token_hash: &str, t: &TokenRecord) -> Result<(), Error> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO tokens (token_hash, kind, subject, client_id, scope, expires_at,
                                     family, used_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    token_hash,
                    t.kind.as_str(),
                    t.subject,
                    t.client_id,
                    t.scope,
                    t.expires_at,
                    t.family,
                    t.used_at
                ],
            )?;
            Ok(())
        })
    }

    fn use_refresh_token(&self, token_hash: &str, now: i64) -> Result<Option<TokenRecord>, Error> {
        self.write(|tx| {
            let found = token_row(tx, token_hash)?;
            if found.as_ref().is_some_and(|t| t.used_at.is_none()) {
                tx.execute(
                    "UPDATE tokens SET used_at = ?2 WHERE token_hash = ?1",
                    params![token_hash, now],
                )?;
            }
            Ok(found)
        })
    }

    fn revoke_family(&self, family: &str) -> Result<usize, Error> {
        self.write(|tx| Ok(tx.execute("DELETE FROM tokens WHERE family = ?1", [family])?))
    }

    fn create_report(
        &self,
        report: &ReportRecord,
        respond: &Respond<'_>,
    ) -> Result<StoredResponse, Error> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO accessibility_reports (id, report, received_at) VALUES (?1, ?2, ?3)",
                params![report.id, report.report_json, report.received_at],
            )?;
            let response = respond(tx.last_insert_rowid())?;
            insert_idempotency(tx, "report", &report.id, &response)?;
            Ok(response)
        })
    }

    fn reports(&self, limit: usize) -> Result<Vec<ReportRecord>, Error> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id, sequence, report, received_at FROM accessibility_reports
                 ORDER BY sequence DESC LIMIT ?1",
            )?;
            let rows = statement.query_map([to_i64(limit as u64)], |row| {
                Ok(ReportRecord {
                    id: row.get(0)?,
                    sequence: row.get(1)?,
                    report_json: row.get(2)?,
                    received_at: row.get(3)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    fn add_reply(
        &self,
        reply: &ReplyRecord,
        event: &StatusEvent,
        respond: &Respond<'_>,
    ) -> Result<Option<StoredResponse>, Error> {
        self.write(|tx| super::sqlite_replies::add_reply(tx, reply, event, respond))
    }

    fn replies(&self, submission: &str) -> Result<Vec<ReplyRecord>, Error> {
        self.read(|conn| super::sqlite_replies::replies(conn, submission))
    }

    fn message_document(
        &self,
        subject: &str,
        message: &str,
        document: &str,
    ) -> Result<Option<DocumentRecord>, Error> {
        self.read(|conn| super::sqlite_replies::message_document(conn, subject, message, document))
    }
}

// The handover mailboxes' SQL and their part of the storage (`super::Handovers`).
#[path = "sqlite_handovers.rs"]
mod handovers;
#[path = "sqlite_lookups.rs"]
mod lookups;
#[path = "sqlite_open.rs"]
mod opening;
use opening::{migrate, open, start_checkpoints};

#[cfg(test)]
#[path = "sqlite_tests.rs"]
mod tests;
