//! Catalog refresh: the catalog with `If-None-Match`, then every form version it announces that
//! the device lacks, then the drafts of changed forms carried over by field id.
//!
//! Order matters for faults: forms are fetched before anything is stored, and the catalog (with
//! its new ETag) is stored last, so a refresh cut off half-way is simply done again next time.
//! Never drops a draft's answer: what does not carry over goes to the draft's review list.

use std::sync::Mutex;

use domain::catalog::CatalogOrigin;
use domain::form::FormDefinition;
use store::{Store, UnixMillis};

use crate::{CatalogFetch, StateApiClient, SyncError};

/// What a refresh did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refreshed {
    /// A newer catalog was stored.
    Updated { version: String },
    /// The state API answered 304: what the device has is current.
    Unchanged,
    /// The state API could not be reached; the local catalog stays in use.
    Offline,
}

fn locked(store: &Mutex<Store>) -> Result<std::sync::MutexGuard<'_, Store>, SyncError> {
    store
        .lock()
        .map_err(|_| SyncError::Malformed("the store lock is poisoned".into()))
}

/// Refreshes the stored catalog and forms. An unreachable state API is `Offline`, not an error.
pub async fn refresh_catalog(
    client: &StateApiClient,
    store: &Mutex<Store>,
    now: UnixMillis,
    stored_at: &str,
) -> Result<Refreshed, SyncError> {
    let etag = locked(store)?.catalog_etag()?;
    let (catalog, etag) = match client.fetch_catalog(etag.as_deref()).await {
        Ok(CatalogFetch::NotModified) => return Ok(Refreshed::Unchanged),
        Ok(CatalogFetch::Changed { catalog, etag }) => (catalog, etag),
        Err(error) if error.is_transient() => return Ok(Refreshed::Offline),
        Err(error) => return Err(error),
    };
    let mut new_forms: Vec<FormDefinition> = Vec::new();
    for form in &catalog.forms {
        let known = locked(store)?
            .form_definition(&form.id, &form.version)?
            .is_some();
        if known {
            continue;
        }
        match client.fetch_form(&form.id, &form.version).await {
            Ok(definition) => new_forms.push(definition),
            Err(error) if error.is_transient() => return Ok(Refreshed::Offline),
            Err(error) => return Err(error),
        }
    }
    let mut store = locked(store)?;
    for definition in &new_forms {
        store.save_form_definition(definition, now)?;
        store.migrate_drafts(definition, now)?;
    }
    let previous = store.catalog_version()?;
    store.save_catalog(
        &catalog,
        CatalogOrigin::StateApi,
        etag.as_deref(),
        stored_at,
    )?;
    // The same content under a new ETag (the first refresh after the seed) changes nothing
    // the person sees.
    if previous.as_deref() == Some(catalog.version.as_str()) {
        Ok(Refreshed::Unchanged)
    } else {
        Ok(Refreshed::Updated {
            version: catalog.version.clone(),
        })
    }
}
