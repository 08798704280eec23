//! Drafts that travel between devices (#14): on the device that hands one over, the mailbox
//! and code while the pickup is awaited; on the device that picks it up, the draft made whole
//! in one transaction.

use std::io::Cursor;

use domain::form::{Answers, FieldPath};
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::owner::VISIBLE;
use crate::SubmissionStatus;
use crate::{NewDraft, Store, StoreError, UnixMillis, MAX_ATTACHMENT_BYTES};

/// A draft handed over, its pickup awaited.
#[derive(Clone, PartialEq, Eq)]
pub struct HandedOver {
    pub draft: Uuid,
    /// The mailbox's name on the state API.
    pub mailbox: String,
    /// The code as shown (its key): kept only in this encrypted store.
    pub code: String,
    pub expires_at: UnixMillis,
}

impl std::fmt::Debug for HandedOver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandedOver")
            .field("draft", &self.draft)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// A draft that arrived from another device.
#[derive(Debug, Clone)]
pub struct ReceivedDraft<'a> {
    /// The mailbox it came from.
    pub mailbox: &'a str,
    /// The id the draft gets here, and the id of this device's pickup, when it is new.
    pub id: Uuid,
    pub pickup_id: Uuid,
    pub form_id: &'a str,
    pub form_version: &'a str,
    pub service_key: Option<&'a str>,
    pub page: Option<&'a str>,
    pub answers: &'a Answers,
    pub files: &'a [ReceivedFile],
    pub now: UnixMillis,
}

/// A file of a draft that arrived, with its bytes.
#[derive(Clone)]
pub struct ReceivedFile {
    pub link: Uuid,
    pub field: FieldPath,
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for ReceivedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReceivedFile")
            .field("link", &self.link)
            .field("bytes", &self.bytes.len())
            .finish_non_exhaustive()
    }
}

/// An application taken back out of the outbox into its draft ([`Store::take_back`]): what
/// queues it again exactly as it was ([`Store::submit_for_place`]).
#[derive(Clone)]
pub struct TakenBack {
    pub draft: Uuid,
    pub submission: Uuid,
    pub payload: Answers,
    pub place: Option<String>,
}

impl std::fmt::Debug for TakenBack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TakenBack")
            .field("draft", &self.draft)
            .field("submission", &self.submission)
            .finish_non_exhaustive()
    }
}

fn handed_over(row: &rusqlite::Row<'_>) -> rusqlite::Result<HandedOver> {
    let draft: String = row.get(0)?;
    Ok(HandedOver {
        draft: Uuid::parse_str(&draft).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })?,
        mailbox: row.get(1)?,
        code: row.get(2)?,
        expires_at: row.get(3)?,
    })
}

impl Store {
    /// Notes that `handover.draft` waits in a mailbox for its pickup (one handover per draft:
    /// a new one replaces the last).
    pub fn record_handover(
        &self,
        handover: &HandedOver,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        self.touch_editing(handover.draft, now, "hand over")?;
        tx.execute(
            "INSERT OR REPLACE INTO handover (draft_id, mailbox, code, expires_at, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                handover.draft.to_string(),
                handover.mailbox,
                handover.code,
                handover.expires_at,
                now
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The handover awaited for `draft`, if any (of a draft the person now may see).
    pub fn handover_of(&self, draft: Uuid) -> Result<Option<HandedOver>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT h.draft_id, h.mailbox, h.code, h.expires_at FROM handover h
                     JOIN draft d ON d.id = h.draft_id WHERE h.draft_id = ?1 AND d.{VISIBLE}"
                ),
                [draft.to_string()],
                handed_over,
            )
            .optional()?)
    }

    /// Every handover awaited on this device, of drafts the person now may see.
    pub fn handovers(&self) -> Result<Vec<HandedOver>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT h.draft_id, h.mailbox, h.code, h.expires_at FROM handover h
             JOIN draft d ON d.id = h.draft_id WHERE d.{VISIBLE} ORDER BY h.created_at"
        ))?;
        let rows = stmt.query_map([], handed_over)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The handover of `draft` ended without a pickup (expired, or taken back): the draft stays.
    pub fn end_handover(&self, draft: Uuid) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM handover WHERE draft_id = ?1",
            [draft.to_string()],
        )?;
        Ok(())
    }

    /// Takes an application the outbox never tried to send back into its draft, so it can be
    /// handed over (a visitor without a login on the tablet): the submission and its outbox
    /// row go, the draft is editable again, in one transaction. Refused (`InvalidState`) once
    /// the outbox claimed it even once: the state API may have it, and a copy handed over
    /// could then arrive twice. The outbox worker claims under the same store lock, so the
    /// two cannot cross.
    pub fn take_back(&self, submission: Uuid) -> Result<TakenBack, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let id = submission.to_string();
        let found: Option<(Option<String>, String, Option<String>)> = tx
            .query_row(
                &format!(
                    "SELECT s.draft_id, s.payload, s.ars FROM submission s
                     JOIN outbox o ON o.submission_id = s.id
                     WHERE s.id = ?1 AND s.{VISIBLE} AND o.state = 'pending' AND o.attempts = 0
                       AND s.server_ref IS NULL AND s.status = ?2"
                ),
                params![id, SubmissionStatus::Initiated.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let on_its_way = || StoreError::InvalidState {
            what: "submission",
            id: id.clone(),
            state: "on its way".into(),
            action: "take back",
        };
        let Some((Some(draft), payload, place)) = found else {
            return match self.submission(submission)? {
                Some(_) => Err(on_its_way()),
                None => Err(StoreError::not_found("submission", submission)),
            };
        };
        let draft = Uuid::parse_str(&draft).map_err(|_| on_its_way())?;
        let payload: Answers = serde_json::from_str(&payload)?;
        tx.execute("DELETE FROM submission WHERE id = ?1", [&id])?;
        tx.execute(
            "UPDATE draft SET state = 'editing' WHERE id = ?1",
            [draft.to_string()],
        )?;
        tx.commit()?;
        Ok(TakenBack {
            draft,
            submission,
            payload,
            place,
        })
    }

    /// Makes a draft that arrived from another device whole, in one transaction: the draft
    /// (owned by the person using the app now), its answers and its files, and which mailbox
    /// it came from. Answers `(draft id, pickup id, new)`: for a mailbox picked up here
    /// before (its confirmation lost), the draft and pickup made then, and nothing changes.
    pub fn receive_draft(
        &self,
        draft: &ReceivedDraft<'_>,
    ) -> Result<(Uuid, Uuid, bool), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let known: Option<(String, String)> = tx
            .query_row(
                "SELECT draft_id, pickup_id FROM handover_received WHERE mailbox = ?1",
                [draft.mailbox],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, pickup)) = known {
            let parse = |text: &str| {
                Uuid::parse_str(text).map_err(|_| StoreError::InvalidState {
                    what: "handover",
                    id: String::new(),
                    state: "unreadable id".into(),
                    action: "receive a draft",
                })
            };
            return Ok((parse(&id)?, parse(&pickup)?, false));
        }
        self.create_draft(&NewDraft {
            id: draft.id,
            form_id: draft.form_id,
            form_version: draft.form_version,
            service_key: draft.service_key,
            now: draft.now,
        })?;
        for (name, value) in &draft.answers.0 {
            let path = FieldPath::parse(name).ok_or_else(|| StoreError::InvalidState {
                what: "answer",
                id: draft.id.to_string(),
                state: "unreadable path".into(),
                action: "receive a draft",
            })?;
            self.write_answer(draft.id, &path, value, draft.now)?;
        }
        let mut fields: Vec<&FieldPath> = Vec::new();
        for file in draft.files {
            let content = self.stream_content(
                &mut Cursor::new(&file.bytes),
                &file.media_type,
                MAX_ATTACHMENT_BYTES,
                None,
                draft.now,
            )?;
            self.insert_link(
                draft.id,
                file.link,
                &file.field,
                &content.sha512,
                &file.name,
                draft.now,
            )?;
            if !fields.contains(&&file.field) {
                fields.push(&file.field);
            }
        }
        for field in fields {
            self.write_files_answer(draft.id, field, draft.now)?;
        }
        if let Some(page) = draft.page {
            tx.execute(
                "UPDATE draft SET page = ?2 WHERE id = ?1",
                params![draft.id.to_string(), page],
            )?;
        }
        tx.execute(
            "INSERT INTO handover_received (mailbox, draft_id, pickup_id) VALUES (?1, ?2, ?3)",
            params![
                draft.mailbox,
                draft.id.to_string(),
                draft.pickup_id.to_string()
            ],
        )?;
        tx.commit()?;
        Ok((draft.id, draft.pickup_id, true))
    }
}

#[cfg(test)]
mod tests {
    use domain::form::Value;

    use super::*;

    fn store() -> Store {
        Store::open_in_memory().expect("store")
    }

    /// A parking-permit draft being edited; its id.
    fn new_draft(store: &Store) -> Uuid {
        let draft = Uuid::new_v4();
        store
            .create_draft(&NewDraft {
                id: draft,
                form_id: "bewohnerparkausweis",
                form_version: "1.0.0",
                service_key: None,
                now: 1,
            })
            .expect("draft");
        draft
    }

    fn answers() -> Answers {
        serde_json::from_value(serde_json::json!({
            "name": "Kanarienvogel",
            "kinder": [{"vorname": "Ada"}],
        }))
        .expect("answers")
    }

    fn file(field: &str) -> ReceivedFile {
        ReceivedFile {
            link: Uuid::new_v4(),
            field: FieldPath::parse(field).expect("a path"),
            name: "Nachweis.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: b"%PDF-1.7 Kanarienvogel".to_vec(),
        }
    }

    #[test]
    fn a_received_draft_is_whole_with_its_files_and_arrives_once() {
        let store = store();
        let answers = answers();
        let files = [file("nachweis")];
        let received = ReceivedDraft {
            mailbox: "0123456789abcdef0123456789abcdef",
            id: Uuid::new_v4(),
            pickup_id: Uuid::new_v4(),
            form_id: "bewohnerparkausweis",
            form_version: "1.0.0",
            service_key: Some("99108008000000"),
            page: Some("person"),
            answers: &answers,
            files: &files,
            now: 1_000,
        };
        assert_eq!(
            store.receive_draft(&received).expect("received"),
            (received.id, received.pickup_id, true)
        );
        let draft = store.draft(received.id).expect("read").expect("there");
        assert_eq!(
            draft.answers.0.get("name"),
            Some(&Value::Text("Kanarienvogel".into()))
        );
        assert!(draft.answers.0.contains_key("kinder"));
        assert!(
            draft.answers.0.contains_key("nachweis"),
            "the file field lists its file"
        );
        assert_eq!(draft.page.as_deref(), Some("person"));
        let attached = store.draft_attachments(received.id).expect("files");
        assert_eq!(attached.len(), 1);
        assert_eq!(attached[0].id, files[0].link);
        let mut bytes = Vec::new();
        store
            .read_attachment(&attached[0].content.sha512, &mut bytes)
            .expect("bytes");
        assert_eq!(bytes, files[0].bytes);
        // Picked up again (its confirmation lost): nothing doubles, the same pickup is named.
        let again = ReceivedDraft {
            id: Uuid::new_v4(),
            pickup_id: Uuid::new_v4(),
            ..received.clone()
        };
        assert_eq!(
            store.receive_draft(&again).expect("again"),
            (received.id, received.pickup_id, false)
        );
        assert_eq!(store.drafts().expect("drafts").len(), 1);
        assert_eq!(
            store.draft_attachments(received.id).expect("files").len(),
            1
        );
    }

    #[test]
    fn only_an_application_never_tried_is_taken_back_and_it_queues_again_as_it_was() {
        let store = store();
        let draft = new_draft(&store);
        let submission = Uuid::new_v4();
        let payload = answers();
        store
            .submit_for_place(draft, submission, &payload, Some("160510000000"), 2)
            .expect("queued");
        let taken = store.take_back(submission).expect("taken back");
        assert_eq!(taken.draft, draft);
        assert_eq!(taken.payload, payload);
        assert_eq!(taken.place.as_deref(), Some("160510000000"));
        assert!(store.submission(submission).expect("read").is_none());
        assert!(store.outbox_entry(submission).expect("read").is_none());
        assert_eq!(
            store.draft(draft).expect("read").expect("there").state,
            crate::DraftState::Editing
        );
        // Queued again as it was; once the outbox tried it, it stays where it is.
        store
            .submit_for_place(draft, submission, &taken.payload, taken.place.as_deref(), 3)
            .expect("queued again");
        store.outbox_claim(submission, 4).expect("claimed");
        assert!(matches!(
            store.take_back(submission),
            Err(StoreError::InvalidState { .. })
        ));
        assert!(matches!(
            store.take_back(Uuid::new_v4()),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn a_handover_waits_with_its_draft_and_goes_with_it() {
        let store = store();
        let draft = new_draft(&store);
        let handover = HandedOver {
            draft,
            mailbox: "0123456789abcdef0123456789abcdef".into(),
            code: "7K3M-Q9XA-0000-1111".into(),
            expires_at: 86_400_000,
        };
        store.record_handover(&handover, 2).expect("recorded");
        assert_eq!(
            store.handover_of(draft).expect("read"),
            Some(handover.clone())
        );
        assert_eq!(store.handovers().expect("read"), vec![handover.clone()]);
        assert!(
            !format!("{handover:?}").contains("7K3M"),
            "Debug hides the code"
        );
        store.end_handover(draft).expect("ended");
        assert_eq!(store.handover_of(draft).expect("read"), None);
        store.record_handover(&handover, 3).expect("again");
        store.delete_draft(draft).expect("deleted");
        assert!(store.handovers().expect("read").is_empty());
        assert!(
            store.record_handover(&handover, 4).is_err(),
            "no draft, no handover"
        );
    }
}
