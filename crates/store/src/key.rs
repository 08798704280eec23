//! The database key: a raw random 256-bit SQLCipher key, made on first start and kept in the
//! OS keychain under [`KEY_NAME`].
//!
//! What it must never do: write the key anywhere but the keychain (no file, no log, no
//! fallback when the keychain is locked), show it through `Debug`, or make a new key while a
//! database file exists (that would lock the person out of their own data).

use std::fmt;
use std::path::Path;

use keychain::{KeyStore, Secret};
use zeroize::Zeroizing;

use crate::StoreError;

/// The keychain entry that holds the database key.
pub const KEY_NAME: &str = "database-key";

/// A raw 256-bit SQLCipher key. `Debug` is redacted; memory is wiped on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseKey(Zeroizing<[u8; 32]>);

impl fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DatabaseKey(<redacted>)")
    }
}

impl DatabaseKey {
    /// A key from 32 raw bytes (tests and benches; the app uses [`DatabaseKey::from_keychain`]).
    pub fn from_bytes(bytes: [u8; 32]) -> DatabaseKey {
        DatabaseKey(Zeroizing::new(bytes))
    }

    /// Parses the keychain's form (64 hex digits). `None` for anything else.
    pub fn from_secret(secret: &Secret) -> Option<DatabaseKey> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        hex::decode_to_slice(secret.expose(), bytes.as_mut()).ok()?;
        Some(DatabaseKey(bytes))
    }

    /// A new random key from the OS random source.
    pub fn generate() -> DatabaseKey {
        DatabaseKey(keychain::random_key())
    }

    /// The keychain's form (64 hex digits).
    pub fn to_secret(&self) -> Secret {
        Secret::new(hex::encode(self.0.as_ref()))
    }

    /// The `PRAGMA key` statement for this key (SQLCipher's raw-key syntax, no KDF).
    pub(crate) fn pragma(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", self.hex().as_str()))
    }

    /// The key in hex, for SQLCipher statements; wiped on drop.
    pub(crate) fn hex(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(self.0.as_ref()))
    }

    /// The key for the database at `db_path`: read from the keychain, or, when neither key nor
    /// file exists (first start), made and stored in the keychain before any file is written.
    ///
    /// A file without a key is [`StoreError::KeyMissing`]; a locked or missing keychain is
    /// [`StoreError::Keychain`]. A damaged entry is reported, never replaced.
    pub fn from_keychain(keys: &dyn KeyStore, db_path: &Path) -> Result<DatabaseKey, StoreError> {
        match keys.get(KEY_NAME)? {
            Some(secret) => DatabaseKey::from_secret(&secret).ok_or(StoreError::Keychain(
                keychain::KeychainError::Damaged {
                    name: KEY_NAME.into(),
                },
            )),
            None if db_path.exists() => Err(StoreError::KeyMissing {
                path: db_path.to_path_buf(),
            }),
            None => {
                let key = DatabaseKey::generate();
                keys.set(KEY_NAME, &key.to_secret())?;
                Ok(key)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use keychain::{KeychainError, MemoryKeyStore};

    use super::*;

    #[test]
    fn debug_of_a_key_is_redacted() {
        let key = DatabaseKey::from_bytes([0xAB; 32]);
        let shown = format!("{key:?}");
        assert!(
            !shown.to_lowercase().contains("abab"),
            "the key bytes never show: {shown}"
        );
        assert_eq!(
            shown, "DatabaseKey(<redacted>)",
            "Debug names the type only"
        );
    }

    #[test]
    fn first_start_makes_a_key_and_later_starts_reuse_it() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("app.db");
        let keys = MemoryKeyStore::new();
        let first = DatabaseKey::from_keychain(&keys, &db)?;
        std::fs::write(&db, b"x")?;
        let again = DatabaseKey::from_keychain(&keys, &db)?;
        assert_eq!(first, again, "the stored key is reused");
        assert_eq!(
            keys.get(KEY_NAME)?,
            Some(first.to_secret()),
            "the key is in the keychain"
        );
        Ok(())
    }

    #[test]
    fn a_file_without_a_key_is_reported_not_rekeyed() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("app.db");
        std::fs::write(&db, b"x")?;
        let keys = MemoryKeyStore::new();
        let result = DatabaseKey::from_keychain(&keys, &db);
        assert!(
            matches!(result, Err(StoreError::KeyMissing { .. })),
            "missing key is named"
        );
        assert_eq!(
            keys.get(KEY_NAME)?,
            None,
            "no new key was made behind the person's back"
        );
        Ok(())
    }

    #[test]
    fn a_locked_keychain_is_a_typed_error() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::failing(KeychainError::Locked {
            detail: "test".into(),
        });
        let result = DatabaseKey::from_keychain(&keys, &dir.path().join("app.db"));
        assert!(
            matches!(
                result,
                Err(StoreError::Keychain(KeychainError::Locked { .. }))
            ),
            "locked keychain is reported as such: {result:?}"
        );
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            0,
            "nothing was written instead"
        );
        Ok(())
    }

    #[test]
    fn a_damaged_entry_is_reported_not_replaced() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        keys.set(KEY_NAME, &Secret::new("not hex"))?;
        let result = DatabaseKey::from_keychain(&keys, &dir.path().join("app.db"));
        assert!(
            matches!(
                result,
                Err(StoreError::Keychain(KeychainError::Damaged { .. }))
            ),
            "a damaged entry is named: {result:?}"
        );
        assert_eq!(
            keys.get(KEY_NAME)?,
            Some(Secret::new("not hex")),
            "the entry is kept"
        );
        Ok(())
    }
}
