//! The refresh token in the real OS keychain (gnome-keyring in a private D-Bus session, see
//! scripts/test.sh). Skips with a message when there is no session bus or no Secret Service.

use keychain::{KeychainError, OsKeyStore, Secret};
use sync::{Credentials, KeychainCredentials};

#[test]
fn the_refresh_token_lives_in_the_os_keychain() -> Result<(), KeychainError> {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        keychain::skip_without_keychain(
            "no D-Bus session bus, so no Secret Service to test against",
        );
        return Ok(());
    }
    let service = format!("de.thueringen.app.sync-test.{}", std::process::id());
    let credentials = KeychainCredentials::new(OsKeyStore::new(service.clone()));
    match credentials.save(&Secret::new("refresh-1")) {
        Err(error @ (KeychainError::Unavailable { .. } | KeychainError::Locked { .. })) => {
            keychain::skip_without_keychain(&format!("the keychain cannot be used here ({error})"));
            return Ok(());
        }
        other => other?,
    }
    assert_eq!(
        credentials.load()?,
        Some(Secret::new("refresh-1")),
        "read back from the keychain"
    );
    credentials.save(&Secret::new("refresh-2"))?;
    let reopened = KeychainCredentials::new(OsKeyStore::new(service));
    assert_eq!(
        reopened.load()?,
        Some(Secret::new("refresh-2")),
        "a rotated token replaces the old one"
    );
    reopened.clear()?;
    assert_eq!(
        credentials.load()?,
        None,
        "logout leaves nothing in the keychain"
    );
    Ok(())
}
