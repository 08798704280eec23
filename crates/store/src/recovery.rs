//! When the database cannot be read (corrupt, foreign, another key) or its key is gone: the
//! file is moved aside, never deleted, and the person can recover it or start over.
//!
//! What it must never do: delete or overwrite a file it could not read, or put a file back in
//! place before it was proven readable.

use std::path::{Path, PathBuf};

use keychain::KeyStore;
use rusqlite::Connection;

use crate::{sync_dir, DatabaseKey, Store, StoreError};

const SIDE_FILES: [&str; 3] = ["", "-wal", "-shm"];

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Moves the database at `db` (and its `-wal` and `-shm`) to `<db>.unreadable-<stamp>`;
/// returns the new path of the main file. `stamp` comes from the caller's clock (e.g. Unix
/// seconds); an existing name gets a counter, so nothing is overwritten.
pub fn move_aside(db: &Path, stamp: &str) -> Result<PathBuf, StoreError> {
    let mut aside = with_suffix(db, &format!(".unreadable-{stamp}"));
    let mut n = 1;
    while SIDE_FILES.iter().any(|s| with_suffix(&aside, s).exists()) {
        aside = with_suffix(db, &format!(".unreadable-{stamp}-{n}"));
        n += 1;
    }
    for suffix in SIDE_FILES {
        let from = with_suffix(db, suffix);
        if from.exists() {
            std::fs::rename(&from, with_suffix(&aside, suffix))?;
        }
    }
    sync_dir(db);
    Ok(aside)
}

/// The files moved aside from `db` earlier, oldest name first, for a "recover" screen.
pub fn set_aside(db: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let (Some(dir), Some(name)) = (db.parent(), db.file_name()) else {
        return Ok(Vec::new());
    };
    let prefix = format!("{}.unreadable-", name.to_string_lossy());
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&prefix) && !file.ends_with("-wal") && !file.ends_with("-shm") {
            found.push(entry.path());
        }
    }
    found.sort();
    Ok(found)
}

/// Recovers a file moved aside, with the key it was made with (from a keychain backup, or
/// the keychain after it was unlocked or restored): checks that `key` reads it, moves the
/// current database (if any) aside under `stamp`, puts the recovered one in place and opens
/// it. A wrong key changes nothing.
pub fn restore(
    aside: &Path,
    db: &Path,
    key: &DatabaseKey,
    stamp: &str,
) -> Result<Store, StoreError> {
    {
        let fail = |e| StoreError::from_open(aside, e);
        let check = Connection::open(aside).map_err(fail)?;
        check.execute_batch(&key.pragma()).map_err(fail)?;
        check
            .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            .map_err(fail)?;
    }
    if db.exists() {
        move_aside(db, stamp)?;
    }
    for suffix in SIDE_FILES {
        let from = with_suffix(aside, suffix);
        if from.exists() {
            std::fs::rename(&from, with_suffix(db, suffix))?;
        }
    }
    sync_dir(db);
    Store::open(db, key)
}

/// Starts over: moves the database aside (if there is one) and opens a fresh one with the
/// keychain's key, making a key if the keychain has none. Returns the store and where the old
/// file went.
pub fn start_over(
    db: &Path,
    keys: &dyn KeyStore,
    stamp: &str,
) -> Result<(Store, Option<PathBuf>), StoreError> {
    let aside = if db.exists() {
        Some(move_aside(db, stamp)?)
    } else {
        None
    };
    Ok((Store::open_with_keychain(db, keys)?, aside))
}

#[cfg(test)]
mod tests {
    use keychain::MemoryKeyStore;

    use super::*;

    #[test]
    fn moving_aside_never_overwrites() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("app.db");
        std::fs::write(&db, b"one")?;
        let first = move_aside(&db, "100")?;
        std::fs::write(&db, b"two")?;
        let second = move_aside(&db, "100")?;
        assert_ne!(
            first, second,
            "a second move under the same stamp gets its own name"
        );
        assert_eq!(std::fs::read(&first)?, b"one", "first file intact");
        assert_eq!(std::fs::read(&second)?, b"two", "second file intact");
        assert_eq!(set_aside(&db)?, vec![first, second], "both listed");
        Ok(())
    }

    #[test]
    fn start_over_keeps_the_old_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("app.db");
        std::fs::write(&db, b"garbage")?;
        let keys = MemoryKeyStore::new();
        let (store, aside) = start_over(&db, &keys, "5")?;
        assert!(store.catalog()?.is_none(), "a fresh store");
        assert_eq!(
            aside.map(std::fs::read).transpose()?,
            Some(b"garbage".to_vec()),
            "old file kept"
        );
        Ok(())
    }
}
