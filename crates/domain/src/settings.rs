//! The person's settings on this device: language, home municipality, text size, contrast and
//! which notifications they agreed to. The store keeps them; the window shows and changes them
//! (`ipc` re-exports these types for its commands).

use serde::{Deserialize, Serialize};

use crate::catalog::Language;

/// The person's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Settings {
    pub language: Language,
    /// The AGS of the person's home municipality, if chosen.
    #[serde(default)]
    pub home_municipality: Option<String>,
    #[serde(default)]
    pub text_size: TextSize,
    #[serde(default)]
    pub high_contrast: bool,
    /// What the operating system may show while the app is in the background.
    #[serde(default)]
    pub notifications: crate::notify::NotificationSettings,
}

/// Text size steps; `Largest` is 200 % (WCAG 1.4.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Largest,
}

/// A change of settings (`update_settings`): the fields to change; `None` keeps a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SettingsUpdate {
    #[serde(default)]
    pub language: Option<Language>,
    /// `Some(None)` clears the home municipality.
    #[serde(default)]
    pub home_municipality: Option<Option<String>>,
    #[serde(default)]
    pub text_size: Option<TextSize>,
    #[serde(default)]
    pub high_contrast: Option<bool>,
    #[serde(default)]
    pub notifications: Option<crate::notify::NotificationSettings>,
}
