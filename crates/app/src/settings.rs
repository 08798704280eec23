//! The catalog, the settings and the notice about data set aside: what the window reads at
//! start and changes from the settings page.

use domain::ipc::{
    CatalogResponse, LoadTextsRequest, RefreshResponse, SetLanguageRequest, Settings,
    SettingsUpdate, StorageNotice, Texts,
};

use crate::instant::rfc3339;
use crate::{App, Error};

impl App {
    /// The stored catalog as the JSON of a [`CatalogResponse`]: it is kept as JSON, so it is
    /// neither decoded nor encoded again (#20: the catalog was the largest step of the start).
    /// Blocking (it reads the store): the shell runs it off the main thread.
    pub fn catalog_json(&self) -> Result<Vec<u8>, Error> {
        let (json, origin) = self
            .store_even_if_locked()?
            .catalog_json()?
            .ok_or(Error::CatalogMissing)?;
        Ok(CatalogResponse::json_from_stored(&json, origin))
    }

    /// Asks the state API for a newer catalog and keeps it.
    pub async fn refresh_catalog(&self) -> Result<RefreshResponse, Error> {
        let store = self.shared_store()?;
        let now = self.now();
        use sync::refresh::Refreshed;
        Ok(
            match sync::refresh::refresh_catalog(&self.client, &store, now, &rfc3339(now)).await? {
                Refreshed::Updated { version } => RefreshResponse::Updated { version },
                Refreshed::Unchanged => RefreshResponse::Unchanged,
                Refreshed::Offline => RefreshResponse::Offline,
            },
        )
    }

    pub fn settings(&self) -> Result<Settings, Error> {
        Ok(self.store_even_if_locked()?.settings()?)
    }

    pub fn set_language(&self, request: SetLanguageRequest) -> Result<Settings, Error> {
        let store = self.store_even_if_locked()?;
        store.set_language(request.language)?;
        Ok(store.settings()?)
    }

    /// Changes settings. Turning notifications on asks `permitted` first (the operating
    /// system, which may ask the person); refused there, they stay off, the rest of the change
    /// is kept, and the answer says they were refused.
    pub fn update_settings(
        &self,
        mut request: SettingsUpdate,
        permitted: impl FnOnce() -> bool,
    ) -> Result<Settings, Error> {
        let refused = match &mut request.notifications {
            Some(wanted) if wanted.enabled => {
                wanted.enabled = permitted();
                !wanted.enabled
            }
            _ => false,
        };
        let settings = self.store()?.update_settings(&request)?;
        if refused {
            return Err(Error::NotificationsRefused);
        }
        Ok(settings)
    }

    /// The notice that the earlier data on this device was set aside, until dismissed.
    pub fn storage_notice(&self) -> Result<Option<StorageNotice>, Error> {
        let notice = self.store()?.set_aside_notice()?;
        Ok(notice.map(|(kept_as, at)| StorageNotice {
            kept_as,
            at: rfc3339(at),
        }))
    }

    /// The person has read the notice.
    pub fn dismiss_storage_notice(&self) -> Result<(), Error> {
        Ok(self.store()?.dismiss_set_aside_notice()?)
    }
}

/// A language's texts for the window, which embeds only German (#20). Public texts only.
pub fn texts(request: LoadTextsRequest) -> Texts {
    Texts {
        language: request.language,
        files: i18n::sources_of(request.language)
            .map(|source| source.text.to_string())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use domain::notify::NotificationSettings;

    use crate::testing::TestApp;

    use super::*;

    #[test]
    fn notifications_refused_by_the_system_stay_off_and_the_person_is_told() {
        let test = TestApp::new();
        let wanted = SettingsUpdate {
            notifications: Some(NotificationSettings {
                enabled: true,
                ..Default::default()
            }),
            ..Default::default()
        };
        let refused = test.app.update_settings(wanted.clone(), || false);
        assert!(
            matches!(refused, Err(Error::NotificationsRefused)),
            "{refused:?}"
        );
        let settings = test.app.settings().expect("settings");
        assert!(!settings.notifications.enabled, "still off");
        let allowed = test.app.update_settings(wanted, || true).expect("allowed");
        assert!(allowed.notifications.enabled);
        // Turning them off asks nobody.
        let off = SettingsUpdate {
            notifications: Some(NotificationSettings::default()),
            ..Default::default()
        };
        let settings = test
            .app
            .update_settings(off, || panic!("not asked"))
            .expect("off");
        assert!(!settings.notifications.enabled);
    }
}
