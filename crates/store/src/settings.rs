//! The person's settings (language, home municipality), as key-value rows.

use domain::ipc::Settings;
use domain::Language;
use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError};

const LANGUAGE: &str = "language";
const HOME_MUNICIPALITY: &str = "home_municipality";

impl Store {
    fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| row.get(0))
            .optional()?)
    }

    fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The settings; a missing or unknown value takes its default.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let language =
            self.setting(LANGUAGE)?.and_then(|tag| Language::from_tag(&tag)).unwrap_or_default();
        let home_municipality = self.setting(HOME_MUNICIPALITY)?;
        Ok(Settings { language, home_municipality })
    }

    pub fn set_language(&self, language: Language) -> Result<(), StoreError> {
        self.set_setting(LANGUAGE, language.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_defaults_to_german_and_is_kept() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        assert_eq!(store.settings()?.language, Language::De, "German is the default");
        store.set_language(Language::En)?;
        assert_eq!(store.settings()?.language, Language::En, "the choice is kept");
        Ok(())
    }
}
