//! The catalog snapshot the person last saw: seeded on first start, replaced by the state
//! API's catalog when a refresh brings a new one. One row, replaced in one transaction, so a
//! crash mid-refresh leaves the previous catalog in place.

use domain::catalog::CatalogOrigin;
use domain::Catalog;
use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError};

/// The stored catalog with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCatalog {
    pub catalog: Catalog,
    pub origin: CatalogOrigin,
    /// The state API's ETag, for `If-None-Match` on the next refresh.
    pub etag: Option<String>,
    /// When it was stored (RFC 3339, from the caller's clock).
    pub stored_at: String,
}

fn origin_name(origin: CatalogOrigin) -> &'static str {
    match origin {
        CatalogOrigin::Seed => "seed",
        CatalogOrigin::StateApi => "state_api",
    }
}

fn origin_from(name: &str) -> CatalogOrigin {
    match name {
        "state_api" => CatalogOrigin::StateApi,
        _ => CatalogOrigin::Seed,
    }
}

impl Store {
    /// The stored catalog, or `None` before the first start seeded it.
    pub fn catalog(&self) -> Result<Option<StoredCatalog>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT body, origin, etag, stored_at FROM catalog_snapshot WHERE id = 1",
                [],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, Option<String>>(2)?,
                        row.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()?;
        let Some((body, origin, etag, stored_at)) = row else {
            return Ok(None);
        };
        let catalog: Catalog = serde_json::from_str(&body)?;
        Ok(Some(StoredCatalog {
            catalog,
            origin: origin_from(&origin),
            etag,
            stored_at,
        }))
    }

    /// The stored catalog as the JSON it is kept in, without decoding it, with where it came
    /// from: the shell hands it to the window as it is (#20), which reads it once.
    pub fn catalog_json(&self) -> Result<Option<(String, CatalogOrigin)>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT body, origin FROM catalog_snapshot WHERE id = 1",
                [],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
            )
            .optional()?;
        Ok(row.map(|(body, origin)| (body, origin_from(&origin))))
    }

    /// The ETag of the stored catalog, without decoding the catalog.
    pub fn catalog_etag(&self) -> Result<Option<String>, StoreError> {
        let etag = self
            .conn
            .query_row(
                "SELECT etag FROM catalog_snapshot WHERE id = 1",
                [],
                |row| row.get(0),
            )
            .optional()?;
        Ok(etag.flatten())
    }

    /// The stored catalog's version, without decoding the catalog.
    pub fn catalog_version(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT version FROM catalog_snapshot WHERE id = 1",
                [],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Replaces the stored catalog in one transaction.
    pub fn save_catalog(
        &mut self,
        catalog: &Catalog,
        origin: CatalogOrigin,
        etag: Option<&str>,
        stored_at: &str,
    ) -> Result<(), StoreError> {
        let body = serde_json::to_string(catalog)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO catalog_snapshot (id, version, etag, origin, stored_at, body)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET version = excluded.version, etag = excluded.etag,
               origin = excluded.origin, stored_at = excluded.stored_at, body = excluded.body",
            params![catalog.version, etag, origin_name(origin), stored_at, body],
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use domain::{Localized, ResponsibleLevel, Service};

    use super::*;

    fn catalog(version: &str) -> Catalog {
        Catalog {
            version: version.into(),
            services: vec![Service {
                leika_key: "99102013000000".into(),
                name: Localized::new("Hundesteuer", "Dog tax"),
                life_situation: None,
                topic: None,
                ozg_bundle: None,
                law: None,
                responsible_level: ResponsibleLevel::Municipality,
                responsibility_confirmed: true,
                featured: true,
                summary: None,
                who_can_apply: None,
                fees: None,
                duration: None,
                documents: vec![],
                form_id: Some("hundesteuer".into()),
                keywords: vec![],
                fee_schedule: vec![],
            }],
            ..Catalog::default()
        }
    }

    #[test]
    fn a_saved_catalog_survives_reopening_the_file() -> Result<(), StoreError> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("app.db");
        let key = crate::DatabaseKey::from_bytes([1; 32]);
        {
            let mut store = Store::open(&path, &key)?;
            assert_eq!(store.catalog()?, None, "a new store has no catalog");
            assert_eq!(store.catalog_json()?, None);
            store.save_catalog(
                &catalog("v1"),
                CatalogOrigin::Seed,
                None,
                "2026-11-26T10:00:00Z",
            )?;
            store.save_catalog(
                &catalog("v2"),
                CatalogOrigin::StateApi,
                Some("\"v2\""),
                "2026-11-26T11:00:00Z",
            )?;
        }
        let store = Store::open(&path, &key)?;
        let stored = store.catalog()?.ok_or(StoreError::DiskFull)?;
        assert_eq!(
            stored.catalog,
            catalog("v2"),
            "the last saved catalog is read back whole"
        );
        assert_eq!(stored.origin, CatalogOrigin::StateApi, "origin is kept");
        assert_eq!(
            store.catalog_etag()?.as_deref(),
            Some("\"v2\""),
            "etag is kept"
        );
        assert_eq!(
            store.catalog_version()?.as_deref(),
            Some("v2"),
            "version is kept"
        );
        // What the window gets: the same catalog as JSON, not decoded on the way.
        let (json, origin) = store.catalog_json()?.ok_or(StoreError::DiskFull)?;
        assert_eq!(origin, CatalogOrigin::StateApi);
        let read: Catalog = serde_json::from_str(&json)?;
        assert_eq!(read, catalog("v2"));
        Ok(())
    }

    #[test]
    fn a_foreign_file_is_reported_and_left_in_place() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("app.db");
        std::fs::write(
            &path,
            b"this is not a database, but somebody's file that must not vanish",
        )?;
        let result = Store::open(&path, &crate::DatabaseKey::from_bytes([1; 32]));
        assert!(
            matches!(result, Err(StoreError::NotADatabase { .. })),
            "foreign file is named as such"
        );
        assert!(path.exists(), "the file is not deleted");
        Ok(())
    }
}
