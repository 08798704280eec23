//! Attachments (scans, photos, PDFs): content-addressed by SHA-512, streamed in 64 KiB chunks
//! into the encrypted database, so they are encrypted at rest like everything else and a
//! transaction makes them all-or-nothing (never half-written, even when killed or the disk
//! fills up). Files next to the database would be plaintext.
//!
//! What it must never do: keep an attachment above its size limit, hand out content that does
//! not match its hash, or keep part of an attachment after a failed write.

use std::io::{Read, Write};

use domain::form::files::{files_answer, AttachedFile};
use domain::form::FieldPath;
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha512};
use uuid::Uuid;

use crate::{Store, StoreError, UnixMillis};

/// No attachment is larger than this, whatever a form allows (50 MiB).
pub const MAX_ATTACHMENT_BYTES: u64 = 50 * 1024 * 1024;

const CHUNK: usize = 64 * 1024;

/// What is known about a stored attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentInfo {
    /// SHA-512 of the content, lowercase hex: its address.
    pub sha512: String,
    pub size: u64,
    pub media_type: String,
}

/// An attachment linked to a draft's file field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftAttachment {
    /// The caller's UUID for this link; also the id announced to the state API.
    pub id: Uuid,
    pub field_path: FieldPath,
    pub file_name: String,
    pub content: AttachmentInfo,
}

/// A file the person adds to a draft's file field.
#[derive(Debug, Clone, Copy)]
pub struct NewDraftFile<'a> {
    pub draft: Uuid,
    /// The caller's UUID for the link; also the id announced to the state API.
    pub link: Uuid,
    pub field: &'a FieldPath,
    pub file_name: &'a str,
    pub media_type: &'a str,
    /// The field's limit; never more than [`MAX_ATTACHMENT_BYTES`].
    pub max_bytes: u64,
    pub now: UnixMillis,
}

/// Reads until `buf` is full or the input ends; returns how much was read.
fn fill(reader: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

impl Store {
    /// Streams an attachment in. `max_bytes` is the field's limit (capped at
    /// [`MAX_ATTACHMENT_BYTES`]); `expected_sha512`, when given, must match the content.
    /// Storing the same content twice stores it once.
    pub fn put_attachment(
        &self,
        reader: &mut dyn Read,
        media_type: &str,
        max_bytes: u64,
        expected_sha512: Option<&str>,
        now: UnixMillis,
    ) -> Result<AttachmentInfo, StoreError> {
        let limit = max_bytes.min(MAX_ATTACHMENT_BYTES);
        self.put_content(reader, media_type, limit, expected_sha512, now)
    }

    /// [`Store::put_attachment`] up to `limit` bytes.
    pub(crate) fn put_content(
        &self,
        reader: &mut dyn Read,
        media_type: &str,
        limit: u64,
        expected_sha512: Option<&str>,
        now: UnixMillis,
    ) -> Result<AttachmentInfo, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let info = self.stream_content(reader, media_type, limit, expected_sha512, now)?;
        tx.commit()?;
        Ok(info)
    }

    /// Streams content in, inside the caller's transaction: on an error the caller's rollback
    /// removes what was written; content already stored is kept once.
    pub(crate) fn stream_content(
        &self,
        reader: &mut dyn Read,
        media_type: &str,
        limit: u64,
        expected_sha512: Option<&str>,
        now: UnixMillis,
    ) -> Result<AttachmentInfo, StoreError> {
        self.conn.execute(
            "INSERT INTO attachment (sha512, size, media_type, created_at) VALUES (':pending', 0, ?1, ?2)",
            params![media_type, now],
        )?;
        let row = self.conn.last_insert_rowid();
        let mut hasher = Sha512::new();
        let mut size: u64 = 0;
        let mut buf = vec![0u8; CHUNK];
        let mut seq: i64 = 0;
        loop {
            let n = fill(reader, &mut buf)?;
            if n == 0 {
                break;
            }
            size += n as u64;
            if size > limit {
                return Err(StoreError::TooLarge { limit }); // the transaction rolls back on drop
            }
            let chunk = buf.get(..n).unwrap_or_default();
            hasher.update(chunk);
            self.conn
                .prepare_cached(
                    "INSERT INTO attachment_chunk (attachment_id, seq, data) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![row, seq, chunk])?;
            seq += 1;
        }
        let sha512 = hex::encode(hasher.finalize());
        if expected_sha512.is_some_and(|e| !e.eq_ignore_ascii_case(&sha512)) {
            return Err(StoreError::HashMismatch);
        }
        if let Some(existing) = self.attachment(&sha512)? {
            // Already stored: this copy goes.
            self.conn.execute(
                "DELETE FROM attachment_chunk WHERE attachment_id = ?1",
                [row],
            )?;
            self.conn
                .execute("DELETE FROM attachment WHERE id = ?1", [row])?;
            return Ok(existing);
        }
        self.conn.execute(
            "UPDATE attachment SET sha512 = ?2, size = ?3 WHERE id = ?1",
            params![row, sha512, size as i64],
        )?;
        Ok(AttachmentInfo {
            sha512,
            size,
            media_type: media_type.to_owned(),
        })
    }

    /// What is known about the attachment with this hash.
    pub fn attachment(&self, sha512: &str) -> Result<Option<AttachmentInfo>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT sha512, size, media_type FROM attachment WHERE sha512 = ?1",
                [sha512.to_ascii_lowercase()],
                |r| {
                    Ok(AttachmentInfo {
                        sha512: r.get(0)?,
                        size: r.get::<_, i64>(1)? as u64,
                        media_type: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Streams an attachment out to `out` and checks its hash on the way; returns its size.
    /// On [`StoreError::HashMismatch`] the caller must discard what was written.
    pub fn read_attachment(&self, sha512: &str, out: &mut dyn Write) -> Result<u64, StoreError> {
        let sha512 = sha512.to_ascii_lowercase();
        let id: i64 = self
            .conn
            .query_row(
                "SELECT id FROM attachment WHERE sha512 = ?1",
                [&sha512],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("attachment", &sha512))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM attachment_chunk WHERE attachment_id = ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([id])?;
        let mut hasher = Sha512::new();
        let mut size = 0u64;
        while let Some(row) = rows.next()? {
            let data = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            hasher.update(data);
            out.write_all(data)?;
            size += data.len() as u64;
        }
        if hex::encode(hasher.finalize()) != sha512 {
            return Err(StoreError::HashMismatch);
        }
        Ok(size)
    }

    /// Links a stored attachment to a draft's file field under the caller's id `link`.
    pub fn attach_to_draft(
        &self,
        draft: Uuid,
        link: Uuid,
        field: &FieldPath,
        sha512: &str,
        file_name: &str,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let sha512 = sha512.to_ascii_lowercase();
        if self.attachment(&sha512)?.is_none() {
            return Err(StoreError::not_found("attachment", sha512));
        }
        let tx = self.conn.unchecked_transaction()?;
        self.touch_editing(draft, now, "attach a file")?;
        self.insert_link(draft, link, field, &sha512, file_name, now)?;
        tx.commit()?;
        Ok(())
    }

    /// The row that links stored content to a draft's field (inside the caller's transaction).
    pub(crate) fn insert_link(
        &self,
        draft: Uuid,
        link: Uuid,
        field: &FieldPath,
        sha512: &str,
        file_name: &str,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO draft_attachment (id, draft_id, field_path, sha512, file_name, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                link.to_string(),
                draft.to_string(),
                field.to_string(),
                sha512,
                file_name,
                now
            ],
        )?;
        Ok(())
    }

    /// A draft's attachments, by field and time added.
    pub fn draft_attachments(&self, draft: Uuid) -> Result<Vec<DraftAttachment>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT da.id, da.field_path, da.file_name, a.sha512, a.size, a.media_type
             FROM draft_attachment da JOIN attachment a ON a.sha512 = da.sha512
             WHERE da.draft_id = ?1 ORDER BY da.field_path, da.created_at, da.id",
        )?;
        let rows = stmt.query_map([draft.to_string()], |r| {
            let id: String = r.get(0)?;
            Ok(DraftAttachment {
                id: Uuid::parse_str(&id).unwrap_or_default(),
                field_path: FieldPath::parse(&r.get::<_, String>(1)?).unwrap_or_default(),
                file_name: r.get(2)?,
                content: AttachmentInfo {
                    sha512: r.get(3)?,
                    size: r.get::<_, i64>(4)? as u64,
                    media_type: r.get(5)?,
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a file to a draft's file field in one transaction: the content is streamed in (up
    /// to `file.max_bytes`, capped at [`MAX_ATTACHMENT_BYTES`]), linked under `file.link`, and
    /// the field's answer rewritten to list exactly the files linked to it. On any error
    /// (too large, a draft no longer being edited, a full disk) nothing of it is kept.
    pub fn add_draft_file(
        &self,
        file: &NewDraftFile<'_>,
        reader: &mut dyn Read,
    ) -> Result<DraftAttachment, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        // Checked first: a file for a draft that is gone or sent is not read at all.
        self.touch_editing(file.draft, file.now, "attach a file")?;
        let limit = file.max_bytes.min(MAX_ATTACHMENT_BYTES);
        let content = self.stream_content(reader, file.media_type, limit, None, file.now)?;
        self.insert_link(
            file.draft,
            file.link,
            file.field,
            &content.sha512,
            file.file_name,
            file.now,
        )?;
        self.write_files_answer(file.draft, file.field, file.now)?;
        tx.commit()?;
        Ok(DraftAttachment {
            id: file.link,
            field_path: file.field.clone(),
            file_name: file.file_name.to_string(),
            content,
        })
    }

    /// Removes a file from a draft and rewrites its field's answer, in one transaction.
    pub fn remove_draft_file(
        &self,
        draft: Uuid,
        link: Uuid,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        self.touch_editing(draft, now, "remove a file")?;
        let field: String = self
            .conn
            .query_row(
                "SELECT field_path FROM draft_attachment WHERE draft_id = ?1 AND id = ?2",
                params![draft.to_string(), link.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("attachment", link))?;
        self.conn.execute(
            "DELETE FROM draft_attachment WHERE draft_id = ?1 AND id = ?2",
            params![draft.to_string(), link.to_string()],
        )?;
        let field = FieldPath::parse(&field).unwrap_or_default();
        self.write_files_answer(draft, &field, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Writes the answer of a file field from the files linked to it (inside the caller's
    /// transaction).
    pub(crate) fn write_files_answer(
        &self,
        draft: Uuid,
        field: &FieldPath,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let linked: Vec<DraftAttachment> = self
            .draft_attachments(draft)?
            .into_iter()
            .filter(|a| &a.field_path == field)
            .collect();
        let ids: Vec<String> = linked.iter().map(|a| a.id.to_string()).collect();
        let answer = files_answer(linked.iter().zip(&ids).map(|(a, id)| AttachedFile {
            id,
            name: &a.file_name,
            media_type: &a.content.media_type,
            size: a.content.size,
            sha512: &a.content.sha512,
        }));
        self.write_answer(draft, field, &answer, now)
    }

    /// Deletes attachments no draft and no queued submission (its encrypted copies) refers to
    /// any more; returns how many.
    pub fn prune_attachments(&self) -> Result<usize, StoreError> {
        Ok(self.conn.execute(
            "DELETE FROM attachment WHERE sha512 NOT IN (SELECT sha512 FROM draft_attachment)
             AND sha512 NOT IN (SELECT sha512 FROM sealed_attachment)",
            [],
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewDraft;

    fn content(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i % 251) as u8).collect()
    }

    #[test]
    fn an_attachment_streams_in_and_out_whole_and_checked() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let data = content(200_000);
        let info =
            store.put_attachment(&mut data.as_slice(), "application/pdf", 1 << 20, None, 1)?;
        assert_eq!(
            info.sha512,
            hex::encode(Sha512::digest(&data)),
            "addressed by SHA-512"
        );
        assert_eq!(info.size, 200_000, "size recorded");
        let again = store.put_attachment(
            &mut data.as_slice(),
            "application/pdf",
            1 << 20,
            Some(&info.sha512),
            2,
        )?;
        assert_eq!(again, info, "same content, same address, stored once");
        let mut out = Vec::new();
        assert_eq!(
            store.read_attachment(&info.sha512, &mut out)?,
            200_000,
            "all bytes out"
        );
        assert_eq!(out, data, "the same bytes come back");
        Ok(())
    }

    #[test]
    fn too_large_or_wrong_hash_stores_nothing() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let data = content(100_000);
        let big = store.put_attachment(&mut data.as_slice(), "image/png", 99_999, None, 1);
        assert!(
            matches!(big, Err(StoreError::TooLarge { limit: 99_999 })),
            "limit named: {big:?}"
        );
        let wrong = store.put_attachment(&mut data.as_slice(), "image/png", 1 << 20, Some("00"), 1);
        assert!(
            matches!(wrong, Err(StoreError::HashMismatch)),
            "hash checked: {wrong:?}"
        );
        let rows: i64 = store
            .conn
            .query_row("SELECT count(*) FROM attachment_chunk", [], |r| r.get(0))?;
        assert_eq!(rows, 0, "no chunk of a refused attachment is kept");
        Ok(())
    }

    #[test]
    fn a_damaged_chunk_is_caught_on_reading() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let info =
            store.put_attachment(&mut content(1000).as_slice(), "image/png", 1 << 20, None, 1)?;
        store
            .conn
            .execute("UPDATE attachment_chunk SET data = x'00'", [])?;
        let result = store.read_attachment(&info.sha512, &mut Vec::new());
        assert!(
            matches!(result, Err(StoreError::HashMismatch)),
            "damage detected: {result:?}"
        );
        Ok(())
    }

    #[test]
    fn drafts_link_attachments_and_pruning_keeps_linked_ones() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let draft = Uuid::from_u128(1);
        store.create_draft(&NewDraft {
            id: draft,
            form_id: "f",
            form_version: "1",
            service_key: None,
            now: 1,
        })?;
        let kept = store.put_attachment(&mut content(10).as_slice(), "image/png", 100, None, 1)?;
        let loose = store.put_attachment(&mut content(20).as_slice(), "image/png", 100, None, 1)?;
        let field = FieldPath::root().child("nachweis");
        let link = Uuid::from_u128(77);
        store.attach_to_draft(draft, link, &field, &kept.sha512, "scan.png", 2)?;
        assert_eq!(
            store.prune_attachments()?,
            1,
            "only the loose one is pruned"
        );
        assert!(store.attachment(&loose.sha512)?.is_none(), "loose one gone");
        let linked = store.draft_attachments(draft)?;
        let expected = DraftAttachment {
            id: link,
            field_path: field,
            file_name: "scan.png".into(),
            content: kept,
        };
        assert_eq!(linked, vec![expected], "link kept");
        store.remove_draft_file(draft, link, 3)?;
        assert!(store.draft_attachments(draft)?.is_empty(), "unlinked");
        let again = store.remove_draft_file(draft, link, 4);
        assert!(
            matches!(again, Err(StoreError::NotFound { .. })),
            "unknown link named: {again:?}"
        );
        Ok(())
    }

    #[test]
    fn a_file_is_added_with_its_answer_in_one_transaction_or_not_at_all() -> Result<(), StoreError>
    {
        let store = Store::open_in_memory()?;
        let draft = Uuid::from_u128(1);
        store.create_draft(&NewDraft {
            id: draft,
            form_id: "f",
            form_version: "1",
            service_key: None,
            now: 1,
        })?;
        let field = FieldPath::root().child("nachweis");
        let file = |link: u128, max_bytes: u64| NewDraftFile {
            draft,
            link: Uuid::from_u128(link),
            field: &field,
            file_name: "scan.pdf",
            media_type: "application/pdf",
            max_bytes,
            now: 2,
        };
        let answer = |store: &Store| -> Result<Option<domain::form::Value>, StoreError> {
            Ok(store
                .draft(draft)?
                .and_then(|d| d.answers.get(&field).cloned()))
        };
        let count = |store: &Store, table: &str| -> Result<i64, StoreError> {
            Ok(store
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };

        // Too large: no content, no link, no answer.
        let big = store.add_draft_file(&file(10, 999), &mut content(1000).as_slice());
        assert!(
            matches!(big, Err(StoreError::TooLarge { limit: 999 })),
            "{big:?}"
        );
        assert_eq!(count(&store, "attachment")?, 0, "no content kept");
        assert_eq!(count(&store, "attachment_chunk")?, 0, "no chunk kept");
        assert_eq!(answer(&store)?, None, "no answer written");

        // Added: content, link and the answer listing it, together.
        let added = store.add_draft_file(&file(11, 1 << 20), &mut content(1000).as_slice())?;
        let listed = answer(&store)?.and_then(|a| a.as_list().map(<[_]>::len));
        assert_eq!(listed, Some(1), "the answer lists the file");
        assert_eq!(store.draft_attachments(draft)?, vec![added.clone()]);
        // The same content again is stored once and linked twice.
        store.add_draft_file(&file(12, 1 << 20), &mut content(1000).as_slice())?;
        assert_eq!(count(&store, "attachment")?, 1, "content stored once");
        let listed = answer(&store)?.and_then(|a| a.as_list().map(<[_]>::len));
        assert_eq!(listed, Some(2));

        // Removed: the answer follows.
        store.remove_draft_file(draft, Uuid::from_u128(12), 3)?;
        store.remove_draft_file(draft, Uuid::from_u128(11), 3)?;
        assert_eq!(answer(&store)?, None, "no file, no answer");
        let unknown = store.remove_draft_file(draft, Uuid::from_u128(11), 4);
        assert!(
            matches!(unknown, Err(StoreError::NotFound { .. })),
            "{unknown:?}"
        );

        // A draft that was sent takes no file, and nothing of the file stays.
        store.submit(draft, Uuid::from_u128(20), &domain::form::Answers::new(), 5)?;
        let chunks = count(&store, "attachment_chunk")?;
        let late = store.add_draft_file(&file(13, 1 << 20), &mut content(5000).as_slice());
        assert!(
            matches!(late, Err(StoreError::InvalidState { .. })),
            "{late:?}"
        );
        assert_eq!(
            count(&store, "attachment_chunk")?,
            chunks,
            "nothing streamed in"
        );
        Ok(())
    }
}
