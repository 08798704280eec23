//! Errors of the store, worded for the person at the IPC boundary by the shell.

use std::path::{Path, PathBuf};

use keychain::KeychainError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but cannot be read: corrupt, foreign, or encrypted with another key.
    /// It was left where it is; [`crate::recovery`] moves it aside and offers a way back.
    #[error("{path} is not a readable database (corrupt, foreign or another key)")]
    NotADatabase { path: PathBuf },
    /// The database file exists but the keychain holds no key for it (the keychain was reset
    /// or belongs to another user). Nothing was changed; the person may restore the keychain
    /// and retry, or start over (the file is moved aside).
    #[error("the keychain holds no key for {path}")]
    KeyMissing { path: PathBuf },
    /// The keychain is missing, locked or failed. Nothing was written anywhere instead.
    #[error("the keychain cannot be used: {0}")]
    Keychain(#[from] KeychainError),
    /// A page of the open database fails its check (damaged on disk, or tampered with).
    /// Nothing was changed; the shell may offer to move the file aside and start over.
    #[error("the database is damaged")]
    Corrupt,
    /// The disk is full: nothing was written, the earlier state is intact.
    #[error("the disk is full")]
    DiskFull,
    /// An attachment is larger than allowed; nothing was stored.
    #[error("the attachment is larger than {limit} bytes")]
    TooLarge { limit: u64 },
    /// Content does not match the hash it was stored or announced under.
    #[error("the content does not match its SHA-512 hash")]
    HashMismatch,
    /// No row with this id.
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: String },
    /// A state change that the current state does not allow (e.g. a queued draft edited).
    #[error("{what} {id} is {state}; cannot {action}")]
    InvalidState {
        what: &'static str,
        id: String,
        state: String,
        action: &'static str,
    },
    /// The definition a draft was started on is not stored, so it cannot be migrated.
    #[error("form {form_id} version {version} is not stored")]
    FormVersionMissing { form_id: String, version: String },
    #[error("the schema could not be brought up to date: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("stored data could not be decoded: {0}")]
    Decode(#[from] serde_json::Error),
    /// The SQLite linked into this build is not SQLCipher (plain SQLite ignores `PRAGMA key`
    /// and would write the person's data in plaintext). Nothing was opened or written.
    #[error("this build's SQLite does not encrypt (no SQLCipher)")]
    NotEncrypted,
    /// An unencrypted SQLite file lies where this device keeps its encrypted store (the
    /// keychain has the store's key, so the store was encrypted before): somebody put it
    /// there, and it is never adopted. [`crate::recovery`] moves it aside.
    #[error("an unencrypted file lies in place of the encrypted store at {path}")]
    UnexpectedPlaintext { path: PathBuf },
    #[error("file error: {0}")]
    Io(std::io::Error),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                StoreError::Corrupt
            }
            _ => StoreError::Sqlite(error),
        }
    }
}

impl From<std::io::Error> for StoreError {
    fn from(error: std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::StorageFull {
            StoreError::DiskFull
        } else {
            StoreError::Io(error)
        }
    }
}

impl StoreError {
    /// Maps an error met while opening `path`: unreadable content becomes
    /// [`StoreError::NotADatabase`].
    pub(crate) fn from_open(path: &Path, error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                StoreError::NotADatabase {
                    path: path.to_path_buf(),
                }
            }
            _ => StoreError::from(error),
        }
    }

    pub(crate) fn not_found(what: &'static str, id: impl ToString) -> Self {
        StoreError::NotFound {
            what,
            id: id.to_string(),
        }
    }
}
