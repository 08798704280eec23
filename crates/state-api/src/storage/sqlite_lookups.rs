//! The [`Lookups`] in SQLite: the point reads on every request's path, on the lookup
//! connections (`SqliteStorage::lookup_read`), which the service runs on its async workers.

use rusqlite::{params, OptionalExtension};

use super::super::rows::*;
use super::super::*;
use super::SqliteStorage;

impl Lookups for SqliteStorage {
    fn idempotent_response(
        &self,
        scope: &str,
        subject: &str,
        key: &str,
    ) -> Result<Option<StoredResponse>, Error> {
        self.lookup_read(|conn| {
            let found = conn
                .prepare_cached(
                    "SELECT subject, fingerprint, status, body FROM idempotency
                     WHERE scope = ?1 AND subject = ?2 AND key = ?3",
                )?
                .query_row([scope, subject, key], |row| {
                    Ok(StoredResponse {
                        subject: row.get(0)?,
                        fingerprint: row.get(1)?,
                        status: row.get(2)?,
                        body: row.get(3)?,
                    })
                })
                .optional()?;
            Ok(found)
        })
    }

    fn submission(&self, id: &str) -> Result<Option<SubmissionRecord>, Error> {
        self.lookup_read(|conn| {
            let sql = format!("SELECT {SUBMISSION_COLUMNS} FROM submissions WHERE id = ?1");
            let found = conn
                .prepare_cached(&sql)?
                .query_row([id], head)
                .optional()?;
            found.map(|h| complete(conn, h)).transpose()
        })
    }

    fn citizen_submission(
        &self,
        subject: &str,
        key: &str,
    ) -> Result<Option<SubmissionRecord>, Error> {
        self.lookup_read(|conn| {
            let sql = format!(
                "SELECT {SUBMISSION_COLUMNS} FROM submissions
                 WHERE subject = ?1 AND idempotency_key = ?2"
            );
            let found = conn
                .prepare_cached(&sql)?
                .query_row([subject, key], head)
                .optional()?;
            found.map(|h| complete(conn, h)).transpose()
        })
    }

    fn submissions_changed(
        &self,
        subject: &str,
        since: i64,
        limit: usize,
    ) -> Result<Vec<SubmissionRecord>, Error> {
        self.lookup_read(|conn| {
            let sql = format!(
                "SELECT {SUBMISSION_COLUMNS} FROM submissions
                 WHERE subject = ?1 AND cursor > ?2 ORDER BY cursor LIMIT ?3"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let heads = stmt
                .query_map(params![subject, since, limit as i64], head)?
                .collect::<Result<Vec<_>, _>>()?;
            heads.into_iter().map(|h| complete(conn, h)).collect()
        })
    }

    fn token(&self, token_hash: &str) -> Result<Option<TokenRecord>, Error> {
        self.lookup_read(|conn| token_row(conn, token_hash))
    }
}
