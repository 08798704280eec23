//! The app's local store: one SQLCipher-encrypted SQLite file with the catalog the person last
//! saw, their settings and profiles, their drafts (autosaved per field), attachments, the
//! outbox, their submissions with status history and their inbox.
//!
//! This crate is the only place that writes SQL. It never talks to the network, never decides
//! policy (what to refresh, when to send: the shell and the sync engine do), never reads the
//! clock or makes ids (time and ids are parameters; the one exception is the random database
//! key, see [`key`]), and never deletes a file it cannot read (see [`recovery`]). Every write is
//! in SQLite before a call returns, so the UI may say "saved" only after a call succeeded.
//!
//! Durability: WAL with `synchronous=NORMAL`, which survives a killed app; [`Store::submit`]
//! commits with `synchronous=FULL`, so a queued submission also survives a power cut.

mod assisted;
mod attachments;
mod catalog;
mod drafts;
mod error;
mod forget;
mod forms;
mod handover;
mod inbox;
pub mod key;
mod migrations;
mod notified;
mod outbox;
mod owner;
mod profiles;
pub mod recovery;
mod replies;
mod reports;
mod sealed;
mod settings;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use assisted::AssistedSession;
pub use attachments::{AttachmentInfo, DraftAttachment, NewDraftFile, MAX_ATTACHMENT_BYTES};
pub use catalog::StoredCatalog;
pub use drafts::{Draft, DraftState, DraftSummary, NewDraft};
pub use error::StoreError;
pub use forget::Forgotten;
pub use handover::{HandedOver, ReceivedDraft, ReceivedFile, TakenBack};
pub use inbox::InboxMessage;
pub use key::DatabaseKey;
pub use keychain::{KeyStore, KeychainError, MemoryKeyStore, OsKeyStore};
pub use outbox::{OutboxEntry, OutboxState, StatusChange, Submission, SubmissionStatus};
pub use owner::Owner;
pub use profiles::Profile;
pub use replies::{DocumentInfo, MessageDocument, ReplyDelivery, ReplyDocument, StoredReply};
pub use reports::{ReportDelivery, StoredReport};
pub use sealed::{SealedAttachment, MAX_SEALED_BYTES};

/// SQLite checkpoints by itself only when the WAL reaches this many pages (32 MiB); normally
/// [`Store::checkpoint`] runs long before.
const AUTOCHECKPOINT_PAGES: i64 = 8192;

/// Milliseconds since the Unix epoch, from the caller's clock.
pub type UnixMillis = i64;

/// An open local store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Refuses a connection whose SQLite is not SQLCipher: plain SQLite accepts `PRAGMA key` in
/// silence and would keep everything in plaintext. `cipher_version` answers only in SQLCipher.
fn ensure_sqlcipher(conn: &Connection) -> Result<(), StoreError> {
    let version: Option<String> = conn
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .ok();
    if version.is_some_and(|v| !v.trim().is_empty()) {
        Ok(())
    } else {
        Err(StoreError::NotEncrypted)
    }
}

impl Store {
    /// Opens (or creates) the encrypted store at `path` with `key` and brings its schema up to
    /// date.
    ///
    /// A file that cannot be read with this key (corrupt, foreign, another key) is reported as
    /// [`StoreError::NotADatabase`] and left where it is; [`recovery`] moves it aside. An
    /// unencrypted file is [`StoreError::UnexpectedPlaintext`]: only
    /// [`Store::open_with_keychain`] adopts one, once, when the device has no key yet.
    pub fn open(path: &Path, key: &DatabaseKey) -> Result<Store, StoreError> {
        if is_plaintext_sqlite(path)? {
            return Err(StoreError::UnexpectedPlaintext {
                path: path.to_path_buf(),
            });
        }
        let conn = Connection::open(path).map_err(|e| StoreError::from_open(path, e))?;
        ensure_sqlcipher(&conn)?;
        conn.execute_batch(&key.pragma())
            .map_err(|e| StoreError::from_open(path, e))?;
        Self::finish_open(conn, path)
    }

    /// Opens the store with the key from the keychain, making the key on first start.
    /// See [`DatabaseKey::from_keychain`] for what can go wrong with the keychain.
    ///
    /// A plaintext store from before encryption is adopted only while the keychain holds no
    /// key (the device never had an encrypted store): it gets a new key and is encrypted in
    /// place. Once a key exists, a plaintext file in the store's place was put there by
    /// someone else (it would bypass SQLCipher's tamper detection) and is refused.
    pub fn open_with_keychain(path: &Path, keys: &dyn KeyStore) -> Result<Store, StoreError> {
        if is_plaintext_sqlite(path)? && keys.get(key::KEY_NAME)?.is_none() {
            let key = DatabaseKey::generate();
            // The key is kept before the file is encrypted: a crash in between leaves a
            // plaintext file beside a key, which is refused and moved aside, never lost.
            keys.set(key::KEY_NAME, &key.to_secret())?;
            encrypt_plaintext(path, &key)?;
            return Store::open(path, &key);
        }
        let key = DatabaseKey::from_keychain(keys, path)?;
        Store::open(path, &key)
    }

    /// Opens an unencrypted store. Only for measuring the cost of encryption and for tests;
    /// the app never calls it.
    #[doc(hidden)]
    pub fn open_plain(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::from_open(path, e))?;
        Self::finish_open(conn, path)
    }

    /// An in-memory store, for unit tests of callers.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        Self::configure(&conn)?;
        migrations::apply(&mut conn)?;
        Ok(Store {
            conn,
            path: PathBuf::from(":memory:"),
        })
    }

    fn finish_open(mut conn: Connection, path: &Path) -> Result<Store, StoreError> {
        Self::configure(&conn).map_err(|e| StoreError::from_open(path, e))?;
        migrations::apply(&mut conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn configure(conn: &Connection) -> rusqlite::Result<()> {
        // Touch the schema first so a foreign file or a wrong key fails here, not on first use.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL with synchronous=NORMAL survives a killed app; a submit forces a full sync.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted rows are overwritten, never left readable in free pages (a shared device).
        conn.pragma_update(None, "secure_delete", "ON")?;
        // 16 MB page cache: the catalog and a big draft stay decrypted in memory.
        conn.pragma_update(None, "cache_size", -16_000)?;
        // A checkpoint costs an fsync or two (milliseconds): keep it off the autosave path.
        // The shell calls `checkpoint` when the person pauses; this bound only catches a WAL
        // that grew anyway.
        conn.pragma_update(None, "wal_autocheckpoint", AUTOCHECKPOINT_PAGES)?;
        // After a checkpoint the WAL is cut back to 4 MiB, so it does not keep its peak size.
        conn.pragma_update(None, "journal_size_limit", 4 * 1024 * 1024)?;
        Ok(())
    }

    /// Runs `write` with `synchronous=FULL`: once it returns, what it wrote survives a killed
    /// app and a power cut (a queued application, report or reply). The usual `NORMAL` is
    /// restored whatever `write` answered. The pragma cannot change inside a transaction, so
    /// `write` opens its own.
    pub(crate) fn durably<T>(
        &self,
        write: impl FnOnce() -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        let written = write();
        let restored = self.conn.pragma_update(None, "synchronous", "NORMAL");
        let value = written?;
        restored?;
        Ok(value)
    }

    /// Folds the WAL into the database file (a passive checkpoint: never waits, never
    /// blocks). Call it when the person pauses (a few seconds after the last edit) and when
    /// the app goes to the background, so autosaves never pay for it.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// For tests of full disks: caps the file at `pages` pages (SQLite answers "full" beyond).
    #[doc(hidden)]
    pub fn set_max_page_count(&self, pages: u64) -> Result<u64, StoreError> {
        let set: i64 =
            self.conn
                .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                    r.get(0)
                })?;
        Ok(set as u64)
    }
}

/// SQLite's plaintext header; an encrypted file starts with random salt instead.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

fn is_plaintext_sqlite(path: &Path) -> Result<bool, StoreError> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e.into()),
    };
    let mut header = [0u8; 16];
    match file.read_exact(&mut header) {
        Ok(()) => Ok(&header == SQLITE_HEADER),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Encrypts a plaintext store (made before encryption was on) into a new file, checks that it
/// opens, then puts it in place of the plaintext one. A crash at any point leaves either the
/// plaintext file or the encrypted one in place, never neither.
fn encrypt_plaintext(path: &Path, key: &DatabaseKey) -> Result<(), StoreError> {
    let fail = |e| StoreError::from_open(path, e);
    let encrypted = path.with_extension("encrypting");
    if encrypted.exists() {
        std::fs::remove_file(&encrypted)?; // a leftover of a crashed earlier attempt
    }
    {
        let conn = Connection::open(path).map_err(fail)?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            .map_err(fail)?;
        // Fold the WAL into the main file so the export sees everything.
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(fail)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(fail)?;
        let ours: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'catalog_snapshot'",
                [],
                |r| r.get(0),
            )
            .map_err(fail)?;
        if version < 1 || ours != 1 {
            // Somebody else's SQLite file: not ours to encrypt or migrate.
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        let target = encrypted.to_string_lossy().replace('\'', "''");
        let hex = key.hex();
        let attach = zeroize::Zeroizing::new(format!(
            "ATTACH DATABASE '{target}' AS encrypted KEY \"x'{}'\";",
            hex.as_str()
        ));
        conn.execute_batch(&attach)?;
        conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
        conn.execute_batch(&format!(
            "PRAGMA encrypted.user_version = {version}; DETACH DATABASE encrypted;"
        ))?;
    }
    {
        let check = Connection::open(&encrypted)?;
        check.execute_batch(&key.pragma())?;
        check.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
    }
    std::fs::File::open(&encrypted)?.sync_all()?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            std::fs::remove_file(side)?;
        }
    }
    std::fs::rename(&encrypted, path)?;
    sync_dir(path);
    Ok(())
}

/// Makes a rename durable by syncing the directory it happened in (best effort where the
/// platform cannot open a directory).
pub(crate) fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent() {
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_runs_on_sqlcipher_and_overwrites_what_it_deletes(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(
            &dir.path().join("app.db"),
            &DatabaseKey::from_bytes([3; 32]),
        )?;
        let version: String = store
            .conn
            .query_row("PRAGMA cipher_version", [], |r| r.get(0))?;
        assert!(!version.is_empty(), "SQLCipher answers with its version");
        assert!(ensure_sqlcipher(&store.conn).is_ok());
        let secure_delete: i64 = store
            .conn
            .query_row("PRAGMA secure_delete", [], |r| r.get(0))?;
        assert_eq!(secure_delete, 1, "secure_delete is on from the start");
        store.forget_personal_data()?;
        let secure_delete: i64 = store
            .conn
            .query_row("PRAGMA secure_delete", [], |r| r.get(0))?;
        assert_eq!(secure_delete, 1, "and stays on after forgetting");
        Ok(())
    }

    #[test]
    fn an_encrypted_file_has_no_plaintext_header_and_needs_its_key(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("app.db");
        let key = DatabaseKey::from_bytes([7; 32]);
        {
            let store = Store::open(&path, &key)?;
            store.set_language(domain::Language::En)?;
        }
        let bytes = std::fs::read(&path)?;
        assert!(
            !bytes.starts_with(SQLITE_HEADER),
            "the file is not plaintext SQLite"
        );
        let other = DatabaseKey::from_bytes([8; 32]);
        assert!(
            matches!(
                Store::open(&path, &other),
                Err(StoreError::NotADatabase { .. })
            ),
            "another key cannot read it"
        );
        assert!(
            matches!(
                Store::open_plain(&path),
                Err(StoreError::NotADatabase { .. })
            ),
            "no key cannot read it"
        );
        let store = Store::open(&path, &key)?;
        assert_eq!(
            store.settings()?.language,
            domain::Language::En,
            "its key reads it"
        );
        Ok(())
    }

    #[test]
    fn a_plaintext_store_from_before_encryption_is_encrypted_in_place(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("app.db");
        {
            let store = Store::open_plain(&path)?;
            store.set_language(domain::Language::En)?;
        }
        let keys = keychain::MemoryKeyStore::new();
        let store = Store::open_with_keychain(&path, &keys)?;
        assert_eq!(
            store.settings()?.language,
            domain::Language::En,
            "settings carried over"
        );
        assert!(keys.get(key::KEY_NAME)?.is_some(), "a key was made for it");
        drop(store);
        assert!(
            !std::fs::read(&path)?.starts_with(SQLITE_HEADER),
            "now encrypted"
        );
        assert!(
            !path.with_extension("encrypting").exists(),
            "no temporary file left"
        );
        Ok(())
    }

    #[test]
    fn a_plaintext_file_swapped_in_after_encryption_is_never_adopted(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("app.db");
        let keys = keychain::MemoryKeyStore::new();
        drop(Store::open_with_keychain(&path, &keys)?);
        // Someone replaces the encrypted store with a plaintext one that looks like ours
        // (made by this very code, with a planted setting).
        std::fs::remove_file(&path)?;
        {
            let planted = Store::open_plain(&path)?;
            planted.set_language(domain::Language::En)?;
        }
        let planted = std::fs::read(&path)?;
        for result in [
            Store::open_with_keychain(&path, &keys).map(|_| ()),
            Store::open(&path, &DatabaseKey::from_bytes([9; 32])).map(|_| ()),
        ] {
            assert!(
                matches!(result, Err(StoreError::UnexpectedPlaintext { .. })),
                "refused: {result:?}"
            );
        }
        assert_eq!(std::fs::read(&path)?, planted, "left as it was");
        Ok(())
    }
}
