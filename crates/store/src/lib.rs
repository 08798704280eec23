//! The app's local store: one SQLite file that keeps the catalog the person last saw and their
//! settings (and, as the app grows, their drafts, outbox and inbox).
//!
//! This crate is the only place that writes SQL. It never talks to the network and never
//! decides policy (what to refresh, when to send): the shell and the sync engine do. Every write
//! is in SQLite before a call returns, so the UI may say "saved" only after a call succeeded.

mod catalog;
mod error;
mod migrations;
mod settings;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use catalog::StoredCatalog;
pub use error::StoreError;

/// An open local store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the store at `path` and brings its schema up to date.
    ///
    /// A file that is not a database is reported as [`StoreError::NotADatabase`] and left where
    /// it is; the caller decides whether to move it aside (never delete it).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let mut conn = Connection::open(path).map_err(|e| StoreError::from_open(path, e))?;
        Self::configure(&conn).map_err(|e| StoreError::from_open(path, e))?;
        migrations::apply(&mut conn)?;
        Ok(Store { conn, path: path.to_path_buf() })
    }

    /// An in-memory store, for unit tests of callers.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        Self::configure(&conn)?;
        migrations::apply(&mut conn)?;
        Ok(Store { conn, path: PathBuf::from(":memory:") })
    }

    fn configure(conn: &Connection) -> rusqlite::Result<()> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL with synchronous=NORMAL survives a killed app; a submit forces a full sync.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Touch the schema so a foreign file fails here, not on first use.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
