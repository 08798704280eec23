//! The shared state every handler gets: the prepared catalog and the service layer.
//!
//! Cheap to clone (one `Arc`). It never holds per-request data.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::catalog::ServedCatalog;
use crate::config::Config;
use crate::error::Error;
use crate::service::Backend;
use crate::storage::{Coordination, InProcess, PostgresStorage, SqliteStorage, Storage};

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
}

impl AppState {
    /// Prepares the catalog and opens the storage: the shared PostgreSQL database when one is
    /// configured (it coordinates the instances too), else the SQLite database in the data
    /// directory (created if missing) with this process's own coordination.
    pub fn new(config: Config) -> Result<AppState, Error> {
        if let Some(options) = &config.postgres {
            // The blocking client runs a runtime of its own: connect on a thread of its own,
            // so this works inside an async runtime too.
            let connected = std::thread::scope(|scope| {
                scope
                    .spawn(|| PostgresStorage::connect(options))
                    .join()
                    .map_err(|_| Error::Task("connecting to PostgreSQL panicked".into()))
            })??;
            let shared = Arc::new(connected);
            return AppState::with_storage(config, shared.clone(), shared);
        }
        if config.data_dir.as_os_str().is_empty() {
            return Err(Error::Config("data_dir must be set".into()));
        }
        let storage =
            SqliteStorage::open_with(&config.data_dir, config.sync_full, config.group_commit)?;
        AppState::with_storage(config, Arc::new(storage), Arc::new(InProcess::default()))
    }

    /// The same with another storage and coordination.
    pub fn with_storage(
        config: Config,
        storage: Arc<dyn Storage>,
        coordination: Arc<dyn Coordination>,
    ) -> Result<AppState, Error> {
        let catalog = ServedCatalog::new(&config.catalog)?;
        let backend = Backend::new(storage, coordination, Arc::new(config))?;
        Ok(AppState {
            inner: Arc::new(Inner { catalog, backend }),
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
