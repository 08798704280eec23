//! The real OS keychain: set, get and delete against the Secret Service. Runs only where a
//! session bus is there (scripts/test.sh starts one with an unlocked gnome-keyring); elsewhere
//! it prints why it skipped.

use keychain::{KeyStore, OsKeyStore, Secret};

#[test]
fn the_real_keychain_keeps_and_forgets_a_secret() -> Result<(), keychain::KeychainError> {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        keychain::skip_without_keychain("DBUS_SESSION_BUS_ADDRESS is unset; run inside scripts/test.sh (dbus-run-session + gnome-keyring)");
        return Ok(());
    }
    let store = OsKeyStore::new("de.thueringen.app.test");
    let name = format!("keychain-test-{}", std::process::id());
    store.set(&name, &Secret::new("s3cret"))?;
    assert_eq!(
        store.get(&name)?,
        Some(Secret::new("s3cret")),
        "the keychain gives back what it got"
    );
    store.set(&name, &Secret::new("other"))?;
    assert_eq!(
        store.get(&name)?,
        Some(Secret::new("other")),
        "set replaces"
    );
    store.delete(&name)?;
    assert_eq!(store.get(&name)?, None, "deleted entries are gone");
    Ok(())
}
