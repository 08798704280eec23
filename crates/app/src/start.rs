//! Opening the device's store when the app starts: recovery of a file that cannot be read,
//! the first language, the seed catalog and the forms shipped with the app.

use std::path::Path;

use domain::calendar::UnixMillis;
use domain::ipc::CatalogOrigin;
use store::{recovery, KeyStore, Store, StoreError};

use crate::instant::rfc3339;
use crate::Error;

/// The store's file in the app's data directory.
pub const STORE_FILE: &str = "thueringen-app.db";

/// Opens (or creates) the store. A file that cannot be read, whose key the keychain no longer
/// has, or an unencrypted file in the encrypted store's place, is moved aside (never deleted;
/// `store::recovery` can bring it back with its key) and a fresh store under a new key is made,
/// so the app starts. A locked or missing keychain is an error: nothing is
/// written without it.
pub fn open_store<'a>(
    data_dir: &Path,
    keys: &dyn KeyStore,
    system_languages: impl IntoIterator<Item = &'a str>,
    now: UnixMillis,
) -> Result<Store, Error> {
    let path = data_dir.join(STORE_FILE);
    let mut store = match Store::open_with_keychain(&path, keys) {
        Err(
            StoreError::NotADatabase { .. }
            | StoreError::KeyMissing { .. }
            | StoreError::UnexpectedPlaintext { .. },
        ) => {
            let (store, aside) = recovery::start_over(&path, keys, &(now / 1000).to_string())?;
            if let Some(aside) = aside {
                eprintln!(
                    "ThüringenApp: an unreadable store was moved to {}",
                    aside.display()
                );
                // The person is told on the next screen, until they dismiss it.
                let name = aside
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                store.note_set_aside(&name, now)?;
            }
            store
        }
        other => other?,
    };
    crate::trace::line("start", "store opened");
    // On the first start the app speaks the operating system's language when it is one of
    // ours; a language the person chose is never overridden.
    store.adopt_system_language(system_languages)?;
    if store.catalog_version()?.is_none() {
        let catalog =
            catalog_seed::seed_catalog().map_err(|_| Error::Internal("the seed catalog"))?;
        store.save_catalog(&catalog, CatalogOrigin::Seed, None, &rfc3339(now))?;
        crate::trace::line("start", "catalog seeded");
    }
    // The forms shipped with the app (showcase and imported from XDatenfelder), so they open
    // offline and drafts on them can migrate when the state API brings a newer version.
    for definition in catalog_seed::shipped_forms() {
        let stored = store.form_definition(&definition.id, &definition.version)?;
        if stored.is_none() {
            store.save_form_definition(definition, now)?;
        }
    }
    crate::trace::line("start", "forms checked");
    Ok(store)
}

#[cfg(test)]
mod tests {
    use domain::ipc::IpcError;
    use store::{KeychainError, MemoryKeyStore};

    use crate::testing::NOW;

    use super::*;

    #[test]
    fn a_locked_keychain_leaves_no_store_and_a_clear_error(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::failing(KeychainError::Locked {
            detail: "test".into(),
        });
        let error = open_store(dir.path(), &keys, [], NOW)
            .err()
            .map(IpcError::from)
            .ok_or("a locked keychain opens nothing")?;
        assert_eq!(
            error.args.get("cause").map(String::as_str),
            Some("keychain-locked"),
            "cause named"
        );
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            0,
            "nothing written without a key"
        );
        Ok(())
    }

    #[test]
    fn an_unreadable_store_is_set_aside_and_the_person_is_told(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        std::fs::write(dir.path().join("thueringen-app.db"), b"not a database")?;
        let store = open_store(dir.path(), &keys, [], NOW)?;
        let (kept_as, _) = store
            .set_aside_notice()?
            .ok_or("the person is told that the earlier data was set aside")?;
        assert_eq!(
            std::fs::read(dir.path().join(&kept_as))?,
            b"not a database",
            "the earlier file is kept under the name the notice gives"
        );
        assert!(store.catalog_version()?.is_some(), "a fresh, seeded store");
        Ok(())
    }

    #[test]
    fn a_plaintext_file_planted_in_place_of_the_store_is_set_aside_not_adopted(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        drop(open_store(dir.path(), &keys, [], NOW)?);
        let path = dir.path().join("thueringen-app.db");
        std::fs::remove_file(&path)?;
        drop(Store::open_plain(&path)?);
        let store = open_store(dir.path(), &keys, [], NOW)?;
        let (kept_as, _) = store
            .set_aside_notice()?
            .ok_or("the person is told that a file was set aside")?;
        assert!(
            std::fs::read(dir.path().join(&kept_as))?.starts_with(b"SQLite format 3\0"),
            "the planted file was moved aside as it was"
        );
        assert!(
            !std::fs::read(&path)?.starts_with(b"SQLite format 3\0"),
            "the store in place is encrypted"
        );
        Ok(())
    }

    #[test]
    fn forgetting_deletes_files_set_aside_earlier() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        std::fs::write(dir.path().join("thueringen-app.db"), b"damaged")?;
        let store = open_store(dir.path(), &keys, [], NOW)?;
        assert!(
            std::fs::read_dir(dir.path())?.count() > 1,
            "a file was set aside"
        );
        let forgotten = store.forget_personal_data()?;
        assert_eq!(forgotten.set_aside_files, 1);
        let names: Vec<String> = std::fs::read_dir(dir.path())?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()?;
        assert!(
            names.iter().all(|n| !n.contains("unreadable")),
            "nothing set aside is left: {names:?}"
        );
        Ok(())
    }

    #[test]
    fn a_store_opens_seeded_and_reopens_with_its_key() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let keys = MemoryKeyStore::new();
        let version = open_store(dir.path(), &keys, [], NOW)?.catalog_version()?;
        assert!(version.is_some(), "seeded on first start");
        assert_eq!(
            open_store(dir.path(), &keys, [], NOW)?.catalog_version()?,
            version,
            "reopened"
        );
        Ok(())
    }
}
