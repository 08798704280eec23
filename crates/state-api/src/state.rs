//! The shared state every handler gets: configuration, the prepared catalog and the service.
//!
//! Cheap to clone (one `Arc`). It never holds per-request data.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::catalog::ServedCatalog;
use crate::config::Config;
use crate::error::Error;

/// A task that runs beside the server.
pub type BackgroundTask = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// The server's state, shared by all requests.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    catalog: ServedCatalog,
}

impl AppState {
    /// Prepares the catalog and opens (or creates) the data directory.
    pub fn new(config: Config) -> Result<AppState, Error> {
        if config.data_dir.as_os_str().is_empty() {
            return Err(Error::Config("data_dir must be set".into()));
        }
        std::fs::create_dir_all(&config.data_dir)?;
        let catalog = ServedCatalog::new(&config.catalog)?;
        Ok(AppState {
            inner: Arc::new(Inner { config, catalog }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    pub fn catalog(&self) -> &ServedCatalog {
        &self.inner.catalog
    }

    /// Tasks that run beside the server for as long as it serves (the expiry sweep).
    pub fn background_tasks(&self) -> Vec<BackgroundTask> {
        Vec::new()
    }
}
