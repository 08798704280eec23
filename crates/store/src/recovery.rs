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

/// Starts over: moves the database aside (if there is one) and opens a fresh one under a new
/// key. Returns the store and where the old file went.
///
/// The new store never shares a key with what was moved aside: the old file stays readable
/// only with its own key (a keychain backup, see [`restore`]), not with the key the device
/// uses from now on.
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
    if aside.is_some() {
        keys.delete(crate::key::KEY_NAME)?;
    }
    Ok((Store::open_with_keychain(db, keys)?, aside))
}

/// Deletes every file moved aside from `db` (with their `-wal` and `-shm`): part of deleting
/// the person's data from the device. Returns how many were deleted.
pub fn delete_set_aside(db: &Path) -> Result<u32, StoreError> {
    let mut deleted = 0;
    for aside in set_aside(db)? {
        for suffix in SIDE_FILES {
            match std::fs::remove_file(with_suffix(&aside, suffix)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        deleted += 1;
    }
    sync_dir(db);
    Ok(deleted)
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

    #[test]
    fn starting_over_after_damage_uses_a_new_key() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("app.db");
        let keys = MemoryKeyStore::new();
        let old_key = DatabaseKey::from_keychain(&keys, &db)?;
        drop(Store::open(&db, &old_key)?);
        let (fresh, aside) = start_over(&db, &keys, "7")?;
        drop(fresh);
        let new_key = DatabaseKey::from_keychain(&keys, &db)?;
        assert_ne!(
            new_key.hex().as_str(),
            old_key.hex().as_str(),
            "the fresh store has its own key"
        );
        let aside = aside.ok_or("moved aside")?;
        let with_new_key = Store::open(&aside, &new_key);
        assert!(
            matches!(with_new_key, Err(StoreError::NotADatabase { .. })),
            "the device's key does not read what was moved aside"
        );
        assert!(
            Store::open(&aside, &old_key).is_ok(),
            "its own key still does"
        );
        Ok(())
    }

    #[test]
    fn set_aside_files_can_be_deleted_with_their_side_files(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("app.db");
        for stamp in ["1", "2"] {
            std::fs::write(&db, b"old")?;
            std::fs::write(with_suffix(&db, "-wal"), b"wal")?;
            move_aside(&db, stamp)?;
        }
        std::fs::write(&db, b"current")?;
        assert_eq!(delete_set_aside(&db)?, 2);
        let left: Vec<_> = std::fs::read_dir(dir.path())?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<Result<_, _>>()?;
        assert_eq!(
            left,
            vec![std::ffi::OsString::from("app.db")],
            "only the store is left"
        );
        Ok(())
    }
}
