//! Versioned schema migrations. Never edit a released migration: add a new one.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::StoreError;

const MIGRATIONS: &[M<'static>] = &[
    // 1: catalog snapshot and settings.
    M::up(
        "CREATE TABLE catalog_snapshot (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version TEXT NOT NULL,
            etag TEXT,
            origin TEXT NOT NULL,
            stored_at TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );",
    ),
];

pub(crate) fn apply(conn: &mut Connection) -> Result<(), StoreError> {
    Migrations::from_slice(MIGRATIONS).to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        let migrations = rusqlite_migration::Migrations::from_slice(super::MIGRATIONS);
        assert!(migrations.validate().is_ok(), "every migration applies to an empty database");
    }
}
