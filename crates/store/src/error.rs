//! Errors of the store, worded for the person at the IPC boundary by the shell.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a database we can read (corrupt, foreign or wrong key).
    #[error("{path} is not a readable database")]
    NotADatabase { path: PathBuf },
    /// The disk is full: nothing was written, the earlier state is intact.
    #[error("the disk is full")]
    DiskFull,
    #[error("the schema could not be brought up to date: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("stored data could not be decoded: {0}")]
    Decode(#[from] serde_json::Error),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull,
            _ => StoreError::Sqlite(error),
        }
    }
}

impl StoreError {
    pub(crate) fn from_open(path: &Path, error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => {
                StoreError::NotADatabase { path: path.to_path_buf() }
            }
            _ => StoreError::from(error),
        }
    }
}
