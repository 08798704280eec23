//! Form definitions by id and version: the catalog's forms, and every version a draft was
//! started on, so a draft can be migrated when a newer version arrives. Never pruned while a
//! draft may need it.

use domain::form::FormDefinition;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::{Store, StoreError, UnixMillis};

impl Store {
    /// Stores a form definition (replacing the same id and version).
    pub fn save_form_definition(
        &self,
        form: &FormDefinition,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        self.save_form_definition_in(&tx, form, now)?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn save_form_definition_in(
        &self,
        tx: &Transaction<'_>,
        form: &FormDefinition,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        tx.execute(
            "INSERT INTO form_definition (form_id, version, body, stored_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (form_id, version) DO UPDATE SET body = excluded.body, stored_at = excluded.stored_at",
            params![form.id, form.version, serde_json::to_string(form)?, now],
        )?;
        Ok(())
    }

    /// One version of a form, if stored.
    pub fn form_definition(
        &self,
        form_id: &str,
        version: &str,
    ) -> Result<Option<FormDefinition>, StoreError> {
        let body: Option<String> = self
            .conn
            .query_row(
                "SELECT body FROM form_definition WHERE form_id = ?1 AND version = ?2",
                params![form_id, version],
                |r| r.get(0),
            )
            .optional()?;
        Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
    }

    /// The most recently stored version of a form, if any.
    pub fn latest_form_definition(
        &self,
        form_id: &str,
    ) -> Result<Option<FormDefinition>, StoreError> {
        let body: Option<String> = self
            .conn
            .query_row(
                "SELECT body FROM form_definition WHERE form_id = ?1 ORDER BY stored_at DESC, version DESC LIMIT 1",
                [form_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
    }
}
