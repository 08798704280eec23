//! The IPC contract between the UI (wasm) and the shell (Tauri commands).
//!
//! One request and one response type per command, and one error type, so the two sides cannot
//! drift apart: both compile against this module. Command names are constants here too. Nothing
//! secret ever crosses this boundary (tokens stay in the shell).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Language};

/// Command names, as registered in the shell and invoked by the UI.
pub mod command {
    pub const LOAD_CATALOG: &str = "load_catalog";
    pub const REFRESH_CATALOG: &str = "refresh_catalog";
    pub const GET_SETTINGS: &str = "get_settings";
    pub const SET_LANGUAGE: &str = "set_language";
}

/// Where the catalog on the device came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogOrigin {
    /// The snapshot shipped inside the app, used on first start.
    Seed,
    /// Downloaded from the state API.
    StateApi,
}

/// Answer of [`command::LOAD_CATALOG`]: the catalog as the local store holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogResponse {
    pub catalog: Catalog,
    pub origin: CatalogOrigin,
}

/// Answer of [`command::REFRESH_CATALOG`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RefreshResponse {
    /// A newer catalog was stored; the UI should load it again.
    Updated { version: String },
    /// The state API answered 304: what we have is current.
    Unchanged,
    /// The state API could not be reached; the local catalog stays in use.
    Offline,
}

/// The person's settings as the UI sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Settings {
    pub language: Language,
    /// The AGS of the person's home municipality, if chosen.
    #[serde(default)]
    pub home_municipality: Option<String>,
}

/// Arguments of [`command::SET_LANGUAGE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetLanguageRequest {
    pub language: Language,
}

/// A stable error code the UI can branch on (never match on message text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The local store cannot be read or written (disk full, corrupt file, locked keychain).
    Storage,
    /// The state API could not be reached or answered with an error.
    Network,
    /// The request itself was malformed.
    InvalidRequest,
    /// Something unexpected; the message says what the person can do.
    Internal,
}

/// The one error type across IPC: a code, a Fluent message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code:?}: {message_id}")]
pub struct IpcError {
    pub code: ErrorCode,
    /// A Fluent message id from `locales/*/errors.ftl`, e.g. `error-storage`.
    pub message_id: String,
    #[serde(default)]
    pub args: BTreeMap<String, String>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message_id: impl Into<String>) -> Self {
        IpcError {
            code,
            message_id: message_id.into(),
            args: BTreeMap::new(),
        }
    }

    pub fn with_arg(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.args.insert(key.into(), value.into());
        self
    }
}
