//! Fault tests: a corrupt or foreign database file, a wrong key, a key missing from the
//! keychain, a locked keychain, and the real keychain (Secret Service through gnome-keyring,
//! where a session bus is there). Always a clear error, the file kept (moved aside, never
//! deleted), and a way to recover or start over.

use std::path::Path;

use domain::form::{FieldPath, Value};
use keychain::{KeyStore, KeychainError, MemoryKeyStore, OsKeyStore};
use store::recovery::{move_aside, restore, set_aside, start_over};
use store::{DatabaseKey, NewDraft, Store, StoreError};
use uuid::Uuid;

const DRAFT: Uuid = Uuid::from_u128(0xc0de);

fn with_a_draft(db: &Path, key: &DatabaseKey) -> Result<(), StoreError> {
    let store = Store::open(db, key)?;
    store.create_draft(&NewDraft {
        id: DRAFT,
        form_id: "f",
        form_version: "1",
        service_key: None,
        now: 1,
    })?;
    store.save_answer(
        DRAFT,
        &FieldPath::root().child("name"),
        &Value::text("Ida Müller"),
        2,
    )?;
    Ok(())
}

fn name_in(store: &Store) -> Result<Option<Value>, StoreError> {
    Ok(store
        .draft(DRAFT)?
        .and_then(|d| d.answers.get(&FieldPath::root().child("name")).cloned()))
}

/// Folds the WAL into the main file so byte-level damage hits the real pages.
fn checkpoint(db: &Path, key: &DatabaseKey) -> Result<(), StoreError> {
    let store = Store::open(db, key)?;
    drop(store); // closing the last connection checkpoints and removes the WAL
    Ok(())
}

#[test]
fn a_wrong_key_is_named_the_file_moved_aside_and_recoverable(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("app.db");
    let right = DatabaseKey::from_bytes([1; 32]);
    with_a_draft(&db, &right)?;
    checkpoint(&db, &right)?;
    let before = std::fs::read(&db)?;

    let wrong = DatabaseKey::from_bytes([2; 32]);
    let result = Store::open(&db, &wrong);
    assert!(
        matches!(result, Err(StoreError::NotADatabase { .. })),
        "wrong key named: {:?}",
        result.err()
    );
    assert_eq!(
        std::fs::read(&db)?,
        before,
        "a failed open changes no byte of the file"
    );

    // Start over: the file is moved aside, a fresh store opens.
    let aside = move_aside(&db, "1700000000")?;
    assert_eq!(std::fs::read(&aside)?, before, "moved aside byte for byte");
    let fresh = Store::open(&db, &wrong)?;
    assert_eq!(name_in(&fresh)?, None, "the fresh store is empty");
    drop(fresh);
    assert_eq!(
        set_aside(&db)?,
        vec![aside.clone()],
        "the set-aside file is listed for recovery"
    );

    // Recover with the wrong key: refused, nothing moved.
    let refused = restore(&aside, &db, &wrong, "1700000001");
    assert!(
        matches!(refused, Err(StoreError::NotADatabase { .. })),
        "wrong key cannot recover"
    );
    assert!(aside.exists(), "the set-aside file is still there");

    // Recover with the right key: the old data is back, the fresh store is kept aside.
    let recovered = restore(&aside, &db, &right, "1700000002")?;
    assert_eq!(
        name_in(&recovered)?,
        Some(Value::text("Ida Müller")),
        "the person's draft is back"
    );
    assert_eq!(
        set_aside(&db)?.len(),
        1,
        "the replaced fresh store was moved aside, not deleted"
    );
    Ok(())
}

#[test]
fn a_foreign_file_is_named_and_kept() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("app.db");
    let foreign: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 256) as u8).collect();
    std::fs::write(&db, &foreign)?;
    let key = DatabaseKey::from_bytes([3; 32]);
    assert!(
        matches!(Store::open(&db, &key), Err(StoreError::NotADatabase { .. })),
        "foreign file named"
    );
    let keys = MemoryKeyStore::new();
    keys.set(store::key::KEY_NAME, &key.to_secret())?;
    let (fresh, aside) = start_over(&db, &keys, "9")?;
    assert_eq!(
        aside.map(std::fs::read).transpose()?,
        Some(foreign),
        "the foreign file is kept whole"
    );
    assert!(fresh.catalog()?.is_none(), "a fresh store");
    Ok(())
}

#[test]
fn a_damaged_first_page_is_named_and_a_damaged_later_page_is_caught(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("app.db");
    let key = DatabaseKey::from_bytes([4; 32]);
    with_a_draft(&db, &key)?;
    checkpoint(&db, &key)?;
    let good = std::fs::read(&db)?;
    assert!(
        good.len() >= 3 * 4096,
        "several pages to damage: {}",
        good.len()
    );

    let mut first = good.clone();
    for byte in &mut first[100..200] {
        *byte ^= 0xFF;
    }
    std::fs::write(&db, &first)?;
    assert!(
        matches!(Store::open(&db, &key), Err(StoreError::NotADatabase { .. })),
        "damaged page 1 named"
    );
    assert_eq!(std::fs::read(&db)?, first, "file kept as it was");

    // Damage every page after the first: SQLCipher's per-page HMAC catches it on reading.
    let mut later = good.clone();
    for page in later.chunks_mut(4096).skip(1) {
        for byte in &mut page[200..300] {
            *byte ^= 0x55;
        }
    }
    std::fs::write(&db, &later)?;
    let result = Store::open(&db, &key).and_then(|s| name_in(&s));
    assert!(
        matches!(
            result,
            Err(StoreError::NotADatabase { .. } | StoreError::Corrupt | StoreError::Migration(_))
        ),
        "damaged pages are an error, never garbage: {result:?}"
    );
    Ok(())
}

#[test]
fn a_key_missing_from_the_keychain_is_named_and_start_over_keeps_the_file(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("app.db");
    let keys = MemoryKeyStore::new();
    let old_key = DatabaseKey::from_keychain(&keys, &db)?;
    with_a_draft(&db, &old_key)?;
    keys.delete(store::key::KEY_NAME)?; // the keychain was reset

    let result = Store::open_with_keychain(&db, &keys);
    assert!(
        matches!(result, Err(StoreError::KeyMissing { .. })),
        "missing key named: {:?}",
        result.err()
    );
    assert_eq!(
        keys.get(store::key::KEY_NAME)?,
        None,
        "no key was made while the file exists"
    );

    let (fresh, aside) = start_over(&db, &keys, "5")?;
    assert_eq!(name_in(&fresh)?, None, "fresh store with a new key");
    drop(fresh);
    let aside = aside.ok_or("the old file was moved aside")?;
    let recovered = restore(&aside, &db, &old_key, "6")?;
    assert_eq!(
        name_in(&recovered)?,
        Some(Value::text("Ida Müller")),
        "recovered with the old key"
    );
    Ok(())
}

#[test]
fn a_locked_keychain_is_named_and_nothing_is_written() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("app.db");
    for error in [
        KeychainError::Locked {
            detail: "locked".into(),
        },
        KeychainError::Unavailable {
            detail: "no secret service".into(),
        },
    ] {
        let keys = MemoryKeyStore::failing(error.clone());
        let result = Store::open_with_keychain(&db, &keys);
        assert!(
            matches!(&result, Err(StoreError::Keychain(e)) if *e == error),
            "keychain error passed on as is: {:?}",
            result.err()
        );
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            0,
            "no file, no plaintext key written"
        );
    }
    Ok(())
}

/// The real keychain: the key is made on first start, kept in gnome-keyring, reused, and
/// written to no file. Needs a session bus with an unlocked Secret Service.
#[test]
fn the_real_keychain_holds_the_database_key() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        keychain::skip_without_keychain("DBUS_SESSION_BUS_ADDRESS is unset; run inside scripts/test.sh (dbus-run-session + gnome-keyring)");
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("app.db");
    let keys = OsKeyStore::new(format!(
        "de.thueringen.app.store-test-{}",
        std::process::id()
    ));
    keys.delete(store::key::KEY_NAME)?;
    {
        let store = Store::open_with_keychain(&db, &keys)?;
        store.create_draft(&NewDraft {
            id: DRAFT,
            form_id: "f",
            form_version: "1",
            service_key: None,
            now: 1,
        })?;
        store.save_answer(
            DRAFT,
            &FieldPath::root().child("name"),
            &Value::text("Ida Müller"),
            2,
        )?;
    }
    let secret = keys
        .get(store::key::KEY_NAME)?
        .ok_or("the key is in the keychain")?;
    let store = Store::open_with_keychain(&db, &keys)?;
    assert_eq!(
        name_in(&store)?,
        Some(Value::text("Ida Müller")),
        "reopened with the keychain's key"
    );
    drop(store);
    for entry in std::fs::read_dir(dir.path())? {
        let bytes = std::fs::read(entry?.path())?;
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(
            !text.contains(secret.expose()),
            "the key is in no file next to the database"
        );
        assert!(
            !text.contains("ida m"),
            "the person's data is not in plaintext on disk"
        );
    }
    keys.delete(store::key::KEY_NAME)?;
    Ok(())
}
