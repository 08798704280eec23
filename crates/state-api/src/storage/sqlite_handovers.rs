//! The SQL of handover mailboxes in SQLite (see [`super::Storage`]). Every write runs on the
//! one writer connection, so each method's reads and writes are one atomic step.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::super::{HandoverPut, HandoverRecord, HandoverWithContent, Handovers, NewHandover};
use super::SqliteStorage;
use crate::error::Error;

const COLUMNS: &str = "mailbox, sha512, size, created_at, expires_at, pickup_id, picked_up_at,
    content IS NOT NULL";

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn record(row: &Row<'_>) -> rusqlite::Result<HandoverRecord> {
    Ok(HandoverRecord {
        mailbox: row.get(0)?,
        sha512: row.get(1)?,
        size: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
        created_at: row.get(3)?,
        expires_at: row.get(4)?,
        pickup_id: row.get(5)?,
        picked_up_at: row.get(6)?,
        holds_content: row.get(7)?,
    })
}

fn handover(conn: &Connection, mailbox: &str) -> Result<Option<HandoverRecord>, Error> {
    let sql = format!("SELECT {COLUMNS} FROM handovers WHERE mailbox = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([mailbox], record)
        .optional()?)
}

fn put(tx: &Connection, new: &NewHandover<'_>, held_limit: u64) -> Result<HandoverPut, Error> {
    if let Some(taken) = handover(tx, new.mailbox)? {
        return Ok(HandoverPut::Taken(taken));
    }
    let held: i64 = tx.query_row(
        "SELECT COALESCE(SUM(size), 0) FROM handovers WHERE content IS NOT NULL",
        [],
        |row| row.get(0),
    )?;
    let held = u64::try_from(held).unwrap_or(0);
    let size = new.content.len() as u64;
    if held.saturating_add(size) > held_limit {
        return Ok(HandoverPut::Full { held });
    }
    tx.execute(
        "INSERT INTO handovers (mailbox, content, sha512, size, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            new.mailbox,
            new.content,
            new.sha512,
            to_i64(size),
            new.created_at,
            new.expires_at
        ],
    )?;
    Ok(HandoverPut::Stored(HandoverRecord {
        mailbox: new.mailbox.to_string(),
        sha512: new.sha512.to_string(),
        size,
        created_at: new.created_at,
        expires_at: new.expires_at,
        pickup_id: None,
        picked_up_at: None,
        holds_content: true,
    }))
}

fn with_content(conn: &Connection, mailbox: &str) -> Result<Option<HandoverWithContent>, Error> {
    let sql = format!("SELECT {COLUMNS}, content FROM handovers WHERE mailbox = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([mailbox], |row| Ok((record(row)?, row.get(8)?)))
        .optional()?)
}

fn pick_up(
    tx: &Connection,
    mailbox: &str,
    pickup_id: &str,
    now: i64,
) -> Result<Option<HandoverRecord>, Error> {
    tx.execute(
        "UPDATE handovers SET content = NULL, pickup_id = ?2, picked_up_at = ?3
         WHERE mailbox = ?1 AND picked_up_at IS NULL AND expires_at > ?3",
        params![mailbox, pickup_id, now],
    )?;
    handover(tx, mailbox)
}

fn expire(tx: &Connection, now: i64, forget_before: i64) -> Result<usize, Error> {
    let emptied = tx.execute(
        "UPDATE handovers SET content = NULL
         WHERE expires_at <= ?1 AND content IS NOT NULL AND picked_up_at IS NULL",
        [now],
    )?;
    tx.execute(
        "DELETE FROM handovers WHERE expires_at <= ?1",
        [forget_before],
    )?;
    Ok(emptied)
}

impl Handovers for SqliteStorage {
    fn put_handover(&self, new: &NewHandover<'_>, held_limit: u64) -> Result<HandoverPut, Error> {
        self.write(|tx| put(tx, new, held_limit))
    }

    fn handover(&self, mailbox: &str) -> Result<Option<HandoverRecord>, Error> {
        self.read(|conn| handover(conn, mailbox))
    }

    fn handover_content(&self, mailbox: &str) -> Result<Option<HandoverWithContent>, Error> {
        self.read(|conn| with_content(conn, mailbox))
    }

    fn pick_up_handover(
        &self,
        mailbox: &str,
        pickup_id: &str,
        now: i64,
    ) -> Result<Option<HandoverRecord>, Error> {
        self.write(|tx| pick_up(tx, mailbox, pickup_id, now))
    }

    fn expire_handovers(&self, now: i64, forget_before: i64) -> Result<usize, Error> {
        self.write(|tx| expire(tx, now, forget_before))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handover_lives_as_the_storage_promises() {
        let dir = tempfile::tempdir().expect("temp dir");
        let storage = SqliteStorage::open(dir.path(), false).expect("opens");
        crate::storage::handover_tests::lifecycle(&storage);
        crate::storage::handover_tests::expiry(&storage);
    }

    #[test]
    fn of_pickups_at_once_exactly_one_lands() {
        let dir = tempfile::tempdir().expect("temp dir");
        let storage = SqliteStorage::open(dir.path(), false).expect("opens");
        crate::storage::handover_tests::pickups_at_once(&storage, &storage);
    }
}
