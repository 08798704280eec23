//! Handover mailboxes in PostgreSQL. Semantics as in `storage::sqlite::handovers`; here several
//! instances write at once, so each decision is one statement: a pickup is one conditional
//! `UPDATE` (of pickups running at once, the first to lock the row lands and the others,
//! re-checking the condition on the row it committed, change nothing), and a new mailbox is an
//! `INSERT … ON CONFLICT DO NOTHING` (of two at once, one inserts).

use ::postgres::Row;

use super::super::rows::{to_i64, to_u64};
use super::{PostgresStorage, Tx};
use crate::error::Error;
use crate::storage::{HandoverPut, HandoverRecord, HandoverWithContent, Handovers, NewHandover};

const COLUMNS: &str = "mailbox, sha512, size, created_at, expires_at, pickup_id, picked_up_at,
    content IS NOT NULL";

fn record(row: &Row) -> Result<HandoverRecord, Error> {
    Ok(HandoverRecord {
        mailbox: row.try_get(0)?,
        sha512: row.try_get(1)?,
        size: to_u64(row.try_get(2)?),
        created_at: row.try_get(3)?,
        expires_at: row.try_get(4)?,
        pickup_id: row.try_get(5)?,
        picked_up_at: row.try_get(6)?,
        holds_content: row.try_get(7)?,
    })
}

fn handover(tx: &mut Tx<'_>, mailbox: &str) -> Result<Option<HandoverRecord>, Error> {
    let sql = format!("SELECT {COLUMNS} FROM handovers WHERE mailbox = $1");
    tx.query_opt(&sql, &[&mailbox])?
        .map(|row| record(&row))
        .transpose()
}

fn put(tx: &mut Tx<'_>, new: &NewHandover<'_>, held_limit: u64) -> Result<HandoverPut, Error> {
    let size = new.content.len() as u64;
    // Twice at most: an insert that meets a row committed meanwhile reads it the second time.
    for _ in 0..2 {
        if let Some(taken) = handover(tx, new.mailbox)? {
            return Ok(HandoverPut::Taken(taken));
        }
        let held: i64 = tx
            .query_one(
                "SELECT COALESCE(SUM(size), 0)::BIGINT FROM handovers WHERE content IS NOT NULL",
                &[],
            )?
            .try_get(0)?;
        let held = to_u64(held);
        if held.saturating_add(size) > held_limit {
            return Ok(HandoverPut::Full { held });
        }
        let inserted = tx.execute(
            "INSERT INTO handovers (mailbox, content, sha512, size, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (mailbox) DO NOTHING",
            &[
                &new.mailbox,
                &new.content,
                &new.sha512,
                &to_i64(size),
                &new.created_at,
                &new.expires_at,
            ],
        )?;
        if inserted == 1 {
            return Ok(HandoverPut::Stored(HandoverRecord {
                mailbox: new.mailbox.to_string(),
                sha512: new.sha512.to_string(),
                size,
                created_at: new.created_at,
                expires_at: new.expires_at,
                pickup_id: None,
                picked_up_at: None,
                holds_content: true,
            }));
        }
    }
    Err(Error::Conflict(
        "a handover mailbox was filled and forgotten meanwhile".into(),
    ))
}

fn pick_up(
    tx: &mut Tx<'_>,
    mailbox: &str,
    pickup_id: &str,
    now: i64,
) -> Result<Option<HandoverRecord>, Error> {
    tx.execute(
        "UPDATE handovers SET content = NULL, pickup_id = $2, picked_up_at = $3
         WHERE mailbox = $1 AND picked_up_at IS NULL AND expires_at > $3",
        &[&mailbox, &pickup_id, &now],
    )?;
    // READ COMMITTED: this statement sees the pickup that landed, this one's or another's.
    handover(tx, mailbox)
}

fn expire(tx: &mut Tx<'_>, now: i64, forget_before: i64) -> Result<usize, Error> {
    let emptied = tx.execute(
        "UPDATE handovers SET content = NULL
         WHERE expires_at <= $1 AND content IS NOT NULL AND picked_up_at IS NULL",
        &[&now],
    )?;
    tx.execute(
        "DELETE FROM handovers WHERE expires_at <= $1",
        &[&forget_before],
    )?;
    Ok(super::to_usize(emptied))
}

impl Handovers for PostgresStorage {
    fn put_handover(&self, new: &NewHandover<'_>, held_limit: u64) -> Result<HandoverPut, Error> {
        self.write(|tx| put(tx, new, held_limit))
    }

    fn handover(&self, mailbox: &str) -> Result<Option<HandoverRecord>, Error> {
        let sql = format!("SELECT {COLUMNS} FROM handovers WHERE mailbox = $1");
        let mut conn = self.conn()?;
        conn.query_opt(&sql, &[&mailbox])?
            .map(|row| record(&row))
            .transpose()
    }

    fn handover_content(&self, mailbox: &str) -> Result<Option<HandoverWithContent>, Error> {
        let sql = format!("SELECT {COLUMNS}, content FROM handovers WHERE mailbox = $1");
        let mut conn = self.conn()?;
        conn.query_opt(&sql, &[&mailbox])?
            .map(|row| Ok((record(&row)?, row.try_get(8)?)))
            .transpose()
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
    use super::super::tests::Schema;
    use crate::storage::handover_tests;

    #[test]
    fn a_handover_lives_as_the_storage_promises() {
        let Some(db) = Schema::fresh() else { return };
        let storage = db.storage();
        handover_tests::lifecycle(&storage);
        handover_tests::expiry(&storage);
    }

    #[test]
    fn of_pickups_at_once_on_two_instances_exactly_one_lands() {
        let Some(db) = Schema::fresh() else { return };
        let (one, two) = (db.storage(), db.storage());
        handover_tests::pickups_at_once(&one, &two);
    }
}
