//! The only door to the OS keychain (Secret Service on Linux, Keychain on Apple, Credential
//! Manager on Windows), for the database key today and the refresh token later.
//!
//! What it must never do: hand out a secret through `Debug` or `Display`, fall back to a plain
//! file or to memory when the keychain is missing or locked (it reports a [`KeychainError`]
//! instead), or log anything it holds.
//!
//! Callers see the small [`KeyStore`] trait: [`OsKeyStore`] is the real keychain,
//! [`MemoryKeyStore`] keeps secrets in memory for unit tests and for an assisted session that
//! must leave nothing behind.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use zeroize::Zeroizing;

/// A secret value. Its `Debug` says only that it is one; it is wiped from memory on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(Zeroizing::new(value.into()))
    }

    /// The secret itself; keep the borrow short and never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// Why the keychain could not answer. None of these is ever "solved" by writing a secret
/// somewhere else.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum KeychainError {
    /// There is no keychain (no Secret Service on the session bus, an unsupported platform).
    #[error("no keychain is available: {detail}")]
    Unavailable { detail: String },
    /// The keychain is there but locked or refused access.
    #[error("the keychain is locked or refused access: {detail}")]
    Locked { detail: String },
    /// The keychain holds something under this name that is not what we stored.
    #[error("the keychain entry {name} is damaged")]
    Damaged { name: String },
    /// Anything else the platform reported.
    #[error("the keychain failed: {detail}")]
    Failed { detail: String },
}

/// Get, set and delete named secrets. Names are plain ASCII ids like `database-key`.
pub trait KeyStore: Send + Sync {
    /// The secret under `name`, or `None` when there is none.
    fn get(&self, name: &str) -> Result<Option<Secret>, KeychainError>;
    /// Stores (or replaces) the secret under `name`.
    fn set(&self, name: &str, secret: &Secret) -> Result<(), KeychainError>;
    /// Removes the secret under `name`; removing a missing one is not an error.
    fn delete(&self, name: &str) -> Result<(), KeychainError>;
}

/// Makes a random 256-bit key from the OS random source. The one place in the app's data
/// path that makes randomness itself: a key must never come from a caller that might pass
/// something predictable.
pub fn random_key() -> Zeroizing<[u8; 32]> {
    use rand::RngCore;
    let mut bytes = Zeroizing::new([0u8; 32]);
    rand::rngs::OsRng.fill_bytes(bytes.as_mut());
    bytes
}

/// [`random_key`], hex-encoded (64 characters).
pub fn random_key_hex() -> Secret {
    Secret::new(hex::encode(random_key().as_ref()))
}

/// Secrets in memory only: for unit tests, and for sessions that must leave nothing behind.
#[derive(Default)]
pub struct MemoryKeyStore {
    entries: Mutex<HashMap<String, Secret>>,
    refuse: Option<KeychainError>,
}

impl MemoryKeyStore {
    pub fn new() -> MemoryKeyStore {
        MemoryKeyStore::default()
    }

    /// A store that answers every call with `error`, to test how callers handle a locked or
    /// missing keychain.
    pub fn failing(error: KeychainError) -> MemoryKeyStore {
        MemoryKeyStore {
            entries: Mutex::default(),
            refuse: Some(error),
        }
    }

    fn entries(&self) -> Result<std::sync::MutexGuard<'_, HashMap<String, Secret>>, KeychainError> {
        if let Some(error) = &self.refuse {
            return Err(error.clone());
        }
        self.entries.lock().map_err(|_| KeychainError::Failed {
            detail: "in-memory keychain poisoned".into(),
        })
    }
}

impl KeyStore for MemoryKeyStore {
    fn get(&self, name: &str) -> Result<Option<Secret>, KeychainError> {
        Ok(self.entries()?.get(name).cloned())
    }
    fn set(&self, name: &str, secret: &Secret) -> Result<(), KeychainError> {
        self.entries()?.insert(name.to_owned(), secret.clone());
        Ok(())
    }
    fn delete(&self, name: &str) -> Result<(), KeychainError> {
        self.entries()?.remove(name);
        Ok(())
    }
}

/// The OS keychain, with every entry under one service name (the app id, e.g.
/// `de.thueringen.app`).
#[derive(Debug, Clone)]
pub struct OsKeyStore {
    service: String,
}

impl OsKeyStore {
    pub fn new(service: impl Into<String>) -> OsKeyStore {
        OsKeyStore {
            service: service.into(),
        }
    }
}

#[cfg(any(
    target_os = "linux",
    target_os = "macos",
    target_os = "ios",
    target_os = "windows"
))]
mod os {
    use super::{KeychainError, Secret};

    fn map(name: &str, error: keyring::Error) -> KeychainError {
        match error {
            keyring::Error::NoStorageAccess(e) => KeychainError::Locked {
                detail: e.to_string(),
            },
            keyring::Error::PlatformFailure(e) => KeychainError::Unavailable {
                detail: e.to_string(),
            },
            keyring::Error::BadEncoding(_) | keyring::Error::Ambiguous(_) => {
                KeychainError::Damaged {
                    name: name.to_owned(),
                }
            }
            other => KeychainError::Failed {
                detail: other.to_string(),
            },
        }
    }

    fn entry(service: &str, name: &str) -> Result<keyring::Entry, KeychainError> {
        keyring::Entry::new(service, name).map_err(|e| map(name, e))
    }

    pub(super) fn get(service: &str, name: &str) -> Result<Option<Secret>, KeychainError> {
        match entry(service, name)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map(name, e)),
        }
    }

    pub(super) fn set(service: &str, name: &str, secret: &Secret) -> Result<(), KeychainError> {
        entry(service, name)?
            .set_password(secret.expose())
            .map_err(|e| map(name, e))
    }

    pub(super) fn delete(service: &str, name: &str) -> Result<(), KeychainError> {
        match entry(service, name)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map(name, e)),
        }
    }
}

#[cfg(target_os = "android")]
mod os {
    //! Android: keyring 4's Android store (values encrypted with a key in the Android
    //! Keystore, kept in the app's SharedPreferences), registered once as keyring-core's
    //! default store. It finds the app's JNI context through `ndk-context`, which Tauri's
    //! Android runtime sets up.
    use std::sync::OnceLock;

    use super::{KeychainError, Secret};

    fn map(name: &str, error: keyring_core::Error) -> KeychainError {
        match error {
            keyring_core::Error::NoStorageAccess(e) => KeychainError::Locked {
                detail: e.to_string(),
            },
            keyring_core::Error::PlatformFailure(e) | keyring_core::Error::BadDataFormat(_, e) => {
                KeychainError::Unavailable {
                    detail: e.to_string(),
                }
            }
            keyring_core::Error::BadEncoding(_) | keyring_core::Error::Ambiguous(_) => {
                KeychainError::Damaged {
                    name: name.to_owned(),
                }
            }
            other => KeychainError::Failed {
                detail: other.to_string(),
            },
        }
    }

    fn entry(service: &str, name: &str) -> Result<keyring_core::Entry, KeychainError> {
        static STORE: OnceLock<Result<(), String>> = OnceLock::new();
        STORE
            .get_or_init(|| {
                android_native_keyring_store::Store::new()
                    .map(|store| {
                        let store: std::sync::Arc<keyring_core::CredentialStore> = store;
                        keyring_core::set_default_store(store);
                    })
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|detail| KeychainError::Unavailable { detail })?;
        keyring_core::Entry::new(service, name).map_err(|e| map(name, e))
    }

    pub(super) fn get(service: &str, name: &str) -> Result<Option<Secret>, KeychainError> {
        match entry(service, name)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(map(name, e)),
        }
    }

    pub(super) fn set(service: &str, name: &str, secret: &Secret) -> Result<(), KeychainError> {
        entry(service, name)?
            .set_password(secret.expose())
            .map_err(|e| map(name, e))
    }

    pub(super) fn delete(service: &str, name: &str) -> Result<(), KeychainError> {
        match entry(service, name)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(map(name, e)),
        }
    }
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "macos",
    target_os = "ios",
    target_os = "windows",
    target_os = "android"
)))]
mod os {
    //! No keychain on this platform: say so; never keep a secret anywhere else.
    use super::{KeychainError, Secret};

    fn unavailable() -> KeychainError {
        KeychainError::Unavailable {
            detail: "no keychain integration on this platform".into(),
        }
    }
    pub(super) fn get(_: &str, _: &str) -> Result<Option<Secret>, KeychainError> {
        Err(unavailable())
    }
    pub(super) fn set(_: &str, _: &str, _: &Secret) -> Result<(), KeychainError> {
        Err(unavailable())
    }
    pub(super) fn delete(_: &str, _: &str) -> Result<(), KeychainError> {
        Err(unavailable())
    }
}

impl KeyStore for OsKeyStore {
    fn get(&self, name: &str) -> Result<Option<Secret>, KeychainError> {
        os::get(&self.service, name)
    }
    fn set(&self, name: &str, secret: &Secret) -> Result<(), KeychainError> {
        os::set(&self.service, name, secret)
    }
    fn delete(&self, name: &str) -> Result<(), KeychainError> {
        os::delete(&self.service, name)
    }
}

/// For the tests that use the real keychain: whether to skip where there is none. Inside the
/// session `scripts/test.sh` makes (`THUERINGEN_REQUIRE_KEYCHAIN` set, gnome-keyring on a private
/// bus) a missing keychain is a failure, never a silent pass.
#[doc(hidden)]
pub fn skip_without_keychain(reason: &str) -> bool {
    assert!(
        std::env::var_os("THUERINGEN_REQUIRE_KEYCHAIN").is_none(),
        "the test session promised a keychain, but: {reason}"
    );
    println!("SKIPPED: {reason}");
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let secret = Secret::new("hunter2-very-secret");
        let shown = format!("{secret:?} {:?}", Some(&secret));
        assert!(
            !shown.contains("hunter2"),
            "Debug must not reveal the secret: {shown}"
        );
        assert!(
            shown.contains("redacted"),
            "Debug says a secret is there: {shown}"
        );
    }

    #[test]
    fn random_keys_are_256_bit_and_differ() {
        let (a, b) = (random_key_hex(), random_key_hex());
        assert_eq!(a.expose().len(), 64, "32 bytes in hex");
        assert!(
            a.expose().bytes().all(|c| c.is_ascii_hexdigit()),
            "only hex digits"
        );
        assert_ne!(a, b, "two keys from the OS random source differ");
    }

    #[test]
    fn memory_store_gets_sets_and_deletes() -> Result<(), KeychainError> {
        let store = MemoryKeyStore::new();
        assert_eq!(store.get("k")?, None, "nothing stored yet");
        store.set("k", &Secret::new("v"))?;
        assert_eq!(
            store.get("k")?,
            Some(Secret::new("v")),
            "what was set is read back"
        );
        store.delete("k")?;
        store.delete("k")?;
        assert_eq!(store.get("k")?, None, "deleted, and deleting twice is fine");
        Ok(())
    }

    #[test]
    fn a_failing_store_reports_its_error_on_every_call() {
        let locked = KeychainError::Locked {
            detail: "test".into(),
        };
        let store = MemoryKeyStore::failing(locked.clone());
        assert_eq!(store.get("k"), Err(locked.clone()), "get reports the lock");
        assert_eq!(
            store.set("k", &Secret::new("v")),
            Err(locked),
            "set reports the lock"
        );
    }
}
