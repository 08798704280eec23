//! The attachments of a queued submission encrypted for its receiving authority (#15). They
//! are encrypted once, before the submission is created on the state API, and kept here, so
//! every retry announces and uploads the same ciphertext (the state API checks an upload
//! against the hash announced at create). The bytes live with the other attachments, by their
//! hash, in the encrypted store; they go when the submission goes.

use rusqlite::params;
use uuid::Uuid;

use crate::attachments::MAX_ATTACHMENT_BYTES;
use crate::{Store, StoreError, UnixMillis};

/// The largest encrypted attachment: base64url of the largest plain one plus the JWE's
/// header, wrapped key, IV and tag.
pub const MAX_SEALED_BYTES: u64 = MAX_ATTACHMENT_BYTES.div_ceil(3) * 4 + 4096;

/// One attachment as it was encrypted for an authority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedAttachment {
    pub attachment_id: Uuid,
    /// The authority it was encrypted for.
    pub destination: String,
    /// The state API's id of the start it was announced in: a new start (after an expired
    /// one) encrypts anew, a retry of the same start uploads the same ciphertext.
    pub server_id: Uuid,
    /// SHA-512 (hex) of the encrypted bytes (a JWE in compact form): what is uploaded.
    pub sha512: String,
    pub size: u64,
}

impl Store {
    /// Keeps `jwe`, attachment `attachment` of `submission` encrypted for `destination` in
    /// the start `server_id`, replacing an earlier encryption of it.
    pub fn keep_sealed(
        &self,
        submission: Uuid,
        attachment: Uuid,
        (destination, server_id): (&str, Uuid),
        jwe: &[u8],
        now: UnixMillis,
    ) -> Result<SealedAttachment, StoreError> {
        let earlier: Vec<String> = self
            .sealed_attachments(submission)?
            .into_iter()
            .filter(|s| s.attachment_id == attachment)
            .map(|s| s.sha512)
            .collect();
        let info = self.put_content(
            &mut &jwe[..],
            "application/jose",
            MAX_SEALED_BYTES,
            None,
            now,
        )?;
        self.conn.execute(
            "INSERT OR REPLACE INTO sealed_attachment
             (submission_id, attachment_id, destination, server_id, sha512, size)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                submission.to_string(),
                attachment.to_string(),
                destination,
                server_id.to_string(),
                info.sha512,
                i64::try_from(info.size).unwrap_or(i64::MAX)
            ],
        )?;
        for sha512 in earlier {
            self.drop_unreferenced(&sha512)?;
        }
        Ok(SealedAttachment {
            attachment_id: attachment,
            destination: destination.to_string(),
            server_id,
            sha512: info.sha512,
            size: info.size,
        })
    }

    /// The encrypted attachments kept for `submission`.
    pub fn sealed_attachments(
        &self,
        submission: Uuid,
    ) -> Result<Vec<SealedAttachment>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT attachment_id, destination, server_id, sha512, size FROM sealed_attachment
             WHERE submission_id = ?1",
        )?;
        let rows = stmt.query_map([submission.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut sealed = Vec::new();
        for row in rows {
            let (id, destination, server_id, sha512, size) = row?;
            sealed.push(SealedAttachment {
                attachment_id: Uuid::parse_str(&id).map_err(|_| StoreError::Corrupt)?,
                destination,
                server_id: Uuid::parse_str(&server_id).map_err(|_| StoreError::Corrupt)?,
                sha512,
                size: u64::try_from(size).unwrap_or(0),
            });
        }
        Ok(sealed)
    }

    /// Forgets the encrypted attachments of `submission`.
    pub fn forget_sealed(&self, submission: Uuid) -> Result<(), StoreError> {
        let sealed = self.sealed_attachments(submission)?;
        self.conn.execute(
            "DELETE FROM sealed_attachment WHERE submission_id = ?1",
            [submission.to_string()],
        )?;
        for copy in sealed {
            self.drop_unreferenced(&copy.sha512)?;
        }
        Ok(())
    }

    /// Deletes the bytes with hash `sha512` when no draft and no encrypted copy refers to
    /// them (only bytes this module stored: a general prune could take an attachment the
    /// person is just adding).
    fn drop_unreferenced(&self, sha512: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM attachment WHERE sha512 = ?1
             AND sha512 NOT IN (SELECT sha512 FROM draft_attachment)
             AND sha512 NOT IN (SELECT sha512 FROM sealed_attachment)",
            [sha512],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_copies_are_kept_found_and_forgotten() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let (_, submission) = crate::outbox::tests::queued(&store)?;
        let attachment = Uuid::from_u128(7);
        let start = Uuid::from_u128(99);
        let kept = store.keep_sealed(
            submission,
            attachment,
            ("erfurt", start),
            b"eyJhbGciOi.x.y.z.w",
            1,
        )?;
        assert_eq!(store.sealed_attachments(submission)?, vec![kept.clone()]);
        let mut bytes = Vec::new();
        store.read_attachment(&kept.sha512, &mut bytes)?;
        assert_eq!(
            bytes, b"eyJhbGciOi.x.y.z.w",
            "the same ciphertext to upload"
        );
        store.prune_attachments()?;
        assert!(
            store.attachment(&kept.sha512)?.is_some(),
            "kept while queued"
        );
        // Encrypted anew (another start): the earlier ciphertext goes.
        let again = store.keep_sealed(
            submission,
            attachment,
            ("erfurt", Uuid::from_u128(98)),
            b"eyJhbGciOi.a.b.c.d",
            2,
        )?;
        assert_eq!(store.sealed_attachments(submission)?, vec![again.clone()]);
        assert!(store.attachment(&kept.sha512)?.is_none(), "replaced");
        let kept = again;
        store.forget_sealed(submission)?;
        assert!(store.sealed_attachments(submission)?.is_empty());
        assert!(
            store.attachment(&kept.sha512)?.is_none(),
            "its bytes go too"
        );
        Ok(())
    }
}
