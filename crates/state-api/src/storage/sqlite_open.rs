//! Opening the SQLite file: each connection's settings, the migrations, and the thread that
//! checkpoints the WAL.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use super::super::migrations::MIGRATIONS;
use crate::error::Error;

pub(super) fn open(path: &Path, sync_full: bool) -> Result<Connection, Error> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(
        None,
        "synchronous",
        if sync_full { "FULL" } else { "NORMAL" },
    )?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Statement journals (every statement in a write's savepoint has one) and sorts stay in
    // memory: on disk SQLite created and deleted a temporary file per write.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(conn)
}

pub(super) fn migrate(conn: &mut Connection) -> Result<(), Error> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(Error::Corrupt(format!(
            "the database is at schema version {version}, this server knows {known}"
        )));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// How often the checkpoint thread copies the WAL's committed pages into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);

/// A thread of its own that checkpoints the WAL (PASSIVE: it never blocks the writer or a
/// reader), so the writer thread never stops for a checkpoint inside a COMMIT. Runs until the
/// returned sender is dropped.
pub(super) fn start_checkpoints(
    path: &Path,
    sync_full: bool,
) -> Result<std::sync::mpsc::Sender<()>, Error> {
    let conn = open(path, sync_full)?;
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    std::thread::Builder::new()
        .name("sqlite-checkpoint".into())
        .spawn(move || {
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                stopped.recv_timeout(CHECKPOINT_EVERY)
            {
                if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    tracing::warn!(error = %e, "a WAL checkpoint failed; the next one tries again");
                }
            }
        })?;
    Ok(stop)
}
