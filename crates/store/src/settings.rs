//! The person's settings (language, home municipality), as key-value rows.

use domain::settings::{Settings, SettingsUpdate, TextSize};
use domain::Language;
use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError};

const LANGUAGE: &str = "language";
const HOME_MUNICIPALITY: &str = "home_municipality";
const TEXT_SIZE: &str = "text_size";
const HIGH_CONTRAST: &str = "high_contrast";
const NOTIFICATIONS: &str = "notifications";
const SET_ASIDE_FILE: &str = "set_aside_file";
const SET_ASIDE_AT: &str = "set_aside_at";
/// The verifier of a shared device's PIN (#14): a salted, slow hash made by the app's core,
/// never the PIN. Kept by "Meine Daten löschen" (it is the device's set-up, not a person's).
const SHARED_DEVICE_PIN: &str = "shared_device_pin";
/// Wrong PINs in a row and when the next try is allowed (Unix ms), so a restart of the app does
/// not give a guesser fresh tries.
const PIN_FAILURES: &str = "pin_failures";
const PIN_RETRY_AT: &str = "pin_retry_at";

fn text_size_name(size: TextSize) -> &'static str {
    match size {
        TextSize::Normal => "normal",
        TextSize::Large => "large",
        TextSize::Largest => "largest",
    }
}

impl Store {
    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    pub(crate) fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The verifier of the shared device's PIN, if the device is set up as shared.
    pub fn shared_device_pin(&self) -> Result<Option<String>, StoreError> {
        self.setting(SHARED_DEVICE_PIN)
    }

    /// Sets up the device as shared with this PIN verifier, or (`None`) ends that.
    pub fn set_shared_device_pin(&self, verifier: Option<&str>) -> Result<(), StoreError> {
        match verifier {
            Some(verifier) => self.set_setting(SHARED_DEVICE_PIN, verifier),
            None => {
                self.conn
                    .execute("DELETE FROM setting WHERE key = ?1", [SHARED_DEVICE_PIN])?;
                Ok(())
            }
        }
    }

    /// Wrong PINs in a row and when the next try is allowed (Unix ms); zeros when none.
    pub fn pin_attempts(&self) -> Result<(u32, i64), StoreError> {
        let failures = self
            .setting(PIN_FAILURES)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let retry_at = self
            .setting(PIN_RETRY_AT)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        Ok((failures, retry_at))
    }

    pub fn set_pin_attempts(&self, failures: u32, retry_at: i64) -> Result<(), StoreError> {
        self.set_setting(PIN_FAILURES, &failures.to_string())?;
        self.set_setting(PIN_RETRY_AT, &retry_at.to_string())
    }

    /// Notes that an earlier store could not be read and was moved aside as `file_name` (in the
    /// same folder), so the person can be told once and support can bring it back.
    pub fn note_set_aside(&self, file_name: &str, at: crate::UnixMillis) -> Result<(), StoreError> {
        self.set_setting(SET_ASIDE_FILE, file_name)?;
        self.set_setting(SET_ASIDE_AT, &at.to_string())
    }

    /// The earlier store moved aside, if the person has not acknowledged it yet: its file name
    /// and when it was moved.
    pub fn set_aside_notice(&self) -> Result<Option<(String, crate::UnixMillis)>, StoreError> {
        let Some(file) = self.setting(SET_ASIDE_FILE)? else {
            return Ok(None);
        };
        let at = self
            .setting(SET_ASIDE_AT)?
            .and_then(|t| t.parse().ok())
            .unwrap_or(0);
        Ok(Some((file, at)))
    }

    /// The person has read the notice.
    pub fn dismiss_set_aside_notice(&self) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM setting WHERE key IN (?1, ?2)",
            params![SET_ASIDE_FILE, SET_ASIDE_AT],
        )?;
        Ok(())
    }

    /// The settings; a missing or unknown value takes its default.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let language = self
            .setting(LANGUAGE)?
            .and_then(|tag| Language::from_tag(&tag))
            .unwrap_or_default();
        let home_municipality = self.setting(HOME_MUNICIPALITY)?;
        let text_size = match self.setting(TEXT_SIZE)?.as_deref() {
            Some("large") => TextSize::Large,
            Some("largest") => TextSize::Largest,
            _ => TextSize::Normal,
        };
        let high_contrast = self.setting(HIGH_CONTRAST)?.as_deref() == Some("true");
        // Unreadable is off: nothing is shown without a choice the app can read.
        let notifications = self
            .setting(NOTIFICATIONS)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        Ok(Settings {
            language,
            home_municipality,
            text_size,
            high_contrast,
            notifications,
        })
    }

    /// Changes the settings `update` names, in one transaction; returns the new settings.
    pub fn update_settings(&self, update: &SettingsUpdate) -> Result<Settings, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        if let Some(language) = update.language {
            self.set_setting(LANGUAGE, language.code())?;
        }
        if let Some(home) = &update.home_municipality {
            self.set_home_municipality(home.as_deref())?;
        }
        if let Some(size) = update.text_size {
            self.set_setting(TEXT_SIZE, text_size_name(size))?;
        }
        if let Some(high_contrast) = update.high_contrast {
            self.set_setting(HIGH_CONTRAST, if high_contrast { "true" } else { "false" })?;
        }
        if let Some(notifications) = &update.notifications {
            self.set_setting(NOTIFICATIONS, &serde_json::to_string(notifications)?)?;
        }
        tx.commit()?;
        self.settings()
    }

    pub fn set_language(&self, language: Language) -> Result<(), StoreError> {
        self.set_setting(LANGUAGE, language.code())
    }

    /// On first start: keeps the first of the operating system's `locales` (most preferred
    /// first, e.g. `uk-UA`, `en_GB.UTF-8`) that the app offers ([`Language::ALL`]), but only when
    /// no language is stored yet; a choice the person made is never overridden. Returns the
    /// language now in force.
    pub fn adopt_system_language<'a>(
        &self,
        locales: impl IntoIterator<Item = &'a str>,
    ) -> Result<Language, StoreError> {
        if self.setting(LANGUAGE)?.is_none() {
            let offered = locales
                .into_iter()
                .filter_map(Language::from_tag)
                .find(|language| Language::ALL.contains(language));
            if let Some(language) = offered {
                self.set_language(language)?;
            }
        }
        Ok(self.settings()?.language)
    }

    /// The person's home municipality (8-digit AGS), or `None` to forget it.
    pub fn set_home_municipality(&self, ags: Option<&str>) -> Result<(), StoreError> {
        match ags {
            Some(ags) => self.set_setting(HOME_MUNICIPALITY, ags),
            None => {
                self.conn
                    .execute("DELETE FROM setting WHERE key = ?1", [HOME_MUNICIPALITY])?;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_aside_notice_stays_until_dismissed() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        assert_eq!(store.set_aside_notice()?, None);
        store.note_set_aside("thueringen-app.db.unreadable-5", 5_000)?;
        assert_eq!(
            store.set_aside_notice()?,
            Some(("thueringen-app.db.unreadable-5".to_string(), 5_000))
        );
        store.dismiss_set_aside_notice()?;
        assert_eq!(store.set_aside_notice()?, None);
        Ok(())
    }

    #[test]
    fn old_language_values_load_and_every_language_round_trips() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        // Values written before the seven languages (the tag of German or English).
        for (old, language) in [("de", Language::De), ("en", Language::En)] {
            store.set_setting(LANGUAGE, old)?;
            assert_eq!(
                store.settings()?.language,
                language,
                "a value stored by an earlier version must still load"
            );
        }
        for language in Language::EVERY {
            store.set_language(language)?;
            assert_eq!(
                store.settings()?.language,
                language,
                "every language must come back as stored (Leichte Sprache is not German)"
            );
        }
        Ok(())
    }

    #[test]
    fn the_system_language_is_adopted_only_when_none_is_stored() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        assert_eq!(
            store.adopt_system_language(["fr-FR", "en_GB.UTF-8", "de-DE"])?,
            Language::En,
            "the first offered language of the system's list wins"
        );
        assert_eq!(
            store.adopt_system_language(["de-DE"])?,
            Language::En,
            "a stored language is never overridden by the system's"
        );
        let fresh = Store::open_in_memory()?;
        assert_eq!(
            fresh.adopt_system_language(["fr-FR", "pl"])?,
            Language::De,
            "none of ours: German, the source language"
        );
        Ok(())
    }

    #[test]
    fn language_defaults_to_german_and_is_kept() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        assert_eq!(
            store.settings()?.language,
            Language::De,
            "German is the default"
        );
        store.set_language(Language::En)?;
        assert_eq!(
            store.settings()?.language,
            Language::En,
            "the choice is kept"
        );
        store.set_home_municipality(Some("16051000"))?;
        assert_eq!(
            store.settings()?.home_municipality.as_deref(),
            Some("16051000"),
            "home kept"
        );
        store.set_home_municipality(None)?;
        assert_eq!(store.settings()?.home_municipality, None, "home forgotten");
        let update = SettingsUpdate {
            text_size: Some(TextSize::Largest),
            high_contrast: Some(true),
            home_municipality: Some(Some("16055000".into())),
            ..SettingsUpdate::default()
        };
        let settings = store.update_settings(&update)?;
        assert_eq!(
            (
                settings.text_size,
                settings.high_contrast,
                settings.language
            ),
            (TextSize::Largest, true, Language::En),
            "named settings changed, others kept"
        );
        assert_eq!(store.settings()?, settings, "and stored");
        Ok(())
    }
}
