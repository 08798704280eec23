//! The shared state every handler gets: the prepared catalog, the service layer and the rate
//! limiter.
//!
//! Cheap to clone (one `Arc`). It never holds per-request data.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::catalog::ServedCatalog;
use crate::config::Config;
use crate::error::Error;
use crate::ratelimit::RateLimiter;
use crate::service::Backend;
use crate::storage::{SqliteStorage, Storage};

/// A task that runs beside the server.
pub type BackgroundTask = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// The server's state, shared by all requests.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    catalog: ServedCatalog,
    backend: Backend,
    limiter: RateLimiter,
}

impl AppState {
    /// Prepares the catalog and opens (or creates) the SQLite storage in the data directory.
    pub fn new(config: Config) -> Result<AppState, Error> {
        if config.data_dir.as_os_str().is_empty() {
            return Err(Error::Config("data_dir must be set".into()));
        }
        let storage = SqliteStorage::open(&config.data_dir, config.sync_full)?;
        AppState::with_storage(config, Arc::new(storage))
    }

    /// The same with another storage implementation.
    pub fn with_storage(config: Config, storage: Arc<dyn Storage>) -> Result<AppState, Error> {
        let catalog = ServedCatalog::new(&config.catalog)?;
        let limiter = RateLimiter::new(config.limits.rate_per_second, config.limits.rate_burst);
        let backend = Backend::new(storage, Arc::new(config))?;
        Ok(AppState {
            inner: Arc::new(Inner {
                catalog,
                backend,
                limiter,
            }),
        })
    }

    pub fn config(&self) -> &Config {
        self.inner.backend.config()
    }

    pub fn catalog(&self) -> &ServedCatalog {
        &self.inner.catalog
    }

    /// The service layer (also used by the admin CLI and by tests).
    pub fn backend(&self) -> &Backend {
        &self.inner.backend
    }

    pub(crate) fn limiter(&self) -> &RateLimiter {
        &self.inner.limiter
    }

    /// Tasks that run beside the server for as long as it serves (the expiry sweep).
    pub fn background_tasks(&self) -> Vec<BackgroundTask> {
        let state = self.clone();
        let sweep = async move {
            let every = state
                .config()
                .sweep_interval
                .max(std::time::Duration::from_millis(10));
            let mut ticker = tokio::time::interval(every);
            loop {
                ticker.tick().await;
                match state.backend().sweep().await {
                    Ok(0) => {}
                    Ok(count) => tracing::info!(count, "unfinished submissions expired"),
                    Err(problem) => tracing::warn!(code = %problem.code, "expiry sweep failed"),
                }
            }
        };
        vec![Box::pin(sweep)]
    }
}
