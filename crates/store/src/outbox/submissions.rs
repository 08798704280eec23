//! Reading submissions back (one, or all the person may see), and the receipts kept with them.

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use super::history::status_from;
use super::{uuid, Submission};
use crate::owner::VISIBLE;
use crate::{Owner, Store, StoreError};

impl Store {
    /// Keeps the state API's confirmation of what arrived: the SHA-512 of the data as it
    /// computed it on receipt (the app shows it, and whether it is the hash of what it sent).
    pub fn record_receipt(&self, submission: Uuid, data_sha512: &str) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE submission SET data_sha512 = ?2 WHERE id = ?1",
            params![submission.to_string(), data_sha512],
        )?;
        if changed == 0 {
            return Err(StoreError::not_found("submission", submission));
        }
        Ok(())
    }

    /// Keeps the receiving authority's signed receipt with what the device found when it
    /// checked it. A verified receipt is never replaced by one that does not hold.
    pub fn record_signed_receipt(
        &self,
        submission: Uuid,
        receipt: &domain::receipt::SignedReceipt,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(receipt)?;
        let verified_filter = if receipt.is_verified() {
            ""
        } else {
            " AND (signed_receipt IS NULL OR json_extract(signed_receipt, '$.problem') IS NOT NULL
               OR json_extract(signed_receipt, '$.receivedAt') IS NULL)"
        };
        let changed = self.conn.execute(
            &format!("UPDATE submission SET signed_receipt = ?2 WHERE id = ?1{verified_filter}"),
            params![submission.to_string(), json],
        )?;
        let exists = changed > 0
            || self
                .conn
                .query_row(
                    "SELECT 1 FROM submission WHERE id = ?1",
                    [submission.to_string()],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
        if !exists {
            return Err(StoreError::not_found("submission", submission));
        }
        Ok(())
    }

    /// The applicant's place a submission was queued for (see [`Store::submit_for_place`]).
    pub fn submission_place(&self, submission: Uuid) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT ars FROM submission WHERE id = ?1",
                [submission.to_string()],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    }

    /// One submission with its history, if the person using the app now may see it.
    pub fn submission(&self, submission: Uuid) -> Result<Option<Submission>, StoreError> {
        self.submission_where(submission, VISIBLE, &[])
    }

    /// One submission of `owner`, whoever uses the app now: the sync engine finishes what it
    /// began sending under that account even if a logout happened meanwhile.
    pub fn submission_of(
        &self,
        submission: Uuid,
        owner: &Owner,
    ) -> Result<Option<Submission>, StoreError> {
        let owner = owner.to_text();
        self.submission_where(submission, "owner = ?2", &[&owner])
    }

    fn submission_where(
        &self,
        submission: Uuid,
        filter: &str,
        extra: &[&dyn rusqlite::ToSql],
    ) -> Result<Option<Submission>, StoreError> {
        let id = submission.to_string();
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&id];
        values.extend_from_slice(extra);
        let row = self
            .conn
            .query_row(
                &format!(
                    "SELECT draft_id, form_id, form_version, service_key, payload, status,
                       server_ref, created_at, updated_at, data_sha512, signed_receipt
                       FROM submission
                       WHERE id = ?1 AND {filter}"
                ),
                values.as_slice(),
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        status_from(&r.get::<_, String>(5)?)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, i64>(7)?,
                        r.get::<_, i64>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, Option<String>>(10)?,
                    ))
                },
            )
            .optional()?;
        let Some((
            draft_id,
            form_id,
            form_version,
            service_key,
            payload,
            status,
            server_ref,
            created_at,
            updated_at,
            data_sha512,
            signed_receipt,
        )) = row
        else {
            return Ok(None);
        };
        Ok(Some(Submission {
            id: submission,
            draft_id: draft_id.map(uuid).transpose()?,
            form_id,
            form_version,
            service_key,
            payload: serde_json::from_str(&payload)?,
            status,
            server_ref,
            data_sha512,
            // A receipt kept in a form this version cannot read is left out, not an error.
            signed_receipt: signed_receipt.and_then(|json| serde_json::from_str(&json).ok()),
            history: self.history(&id)?,
            created_at,
            updated_at,
        }))
    }

    /// All submissions the person using the app now may see, with their history, newest first.
    pub fn submissions(&self) -> Result<Vec<Submission>, StoreError> {
        let ids: Vec<Uuid> = {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT id FROM submission WHERE {VISIBLE} ORDER BY created_at DESC, id"
            ))?;
            let rows = stmt.query_map([], |r| uuid(r.get(0)?))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut all = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(found) = self.submission(id)? {
                all.push(found);
            }
        }
        Ok(all)
    }
}
