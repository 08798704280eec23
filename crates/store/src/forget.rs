//! Forgetting the person's data on this device ("Meine Daten von diesem Gerät löschen"): for a
//! Digitallotse's tablet before the next person, or a phone that changes hands.
//!
//! Deletes drafts, attachments, submissions with their history, the outbox, the inbox, profiles,
//! sent reports of barriers, reports not yet sent that carry the person's name, e-mail or phone
//! (for a reply), and the home municipality, in one transaction, with SQLite's `secure_delete`
//! so the freed pages are overwritten, then truncates the WAL, and deletes the store files moved
//! aside after damage. Keeps what is not personal (the catalog, form definitions, language and
//! display settings) and anonymous reports of barriers not yet sent (the person asked for them
//! to go, and they say nothing about who wrote them).

use crate::{Store, StoreError};

/// What was deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    pub drafts: u32,
    pub submissions: u32,
    /// Submissions that were still waiting to be sent.
    pub unsent: u32,
    pub messages: u32,
    /// Reports of barriers not yet sent that carried contact details (they will not be sent).
    pub reports: u32,
    /// Unreadable store files that had been moved aside (with their own key).
    pub set_aside_files: u32,
}

/// Reports not yet sent that name the person: a name, an e-mail address or a phone number.
const PERSONAL_REPORTS: &str = "state = 'pending' AND (
        coalesce(json_extract(body, '$.name'), '') <> ''
        OR coalesce(json_extract(body, '$.email'), '') <> ''
        OR coalesce(json_extract(body, '$.phone'), '') <> '')";

const DELETE: &str = "
    DELETE FROM outbox;
    DELETE FROM submission_status;
    DELETE FROM sealed_attachment;
    DELETE FROM submission;
    DELETE FROM draft_attachment;
    DELETE FROM draft_review;
    DELETE FROM draft_answer;
    DELETE FROM draft;
    DELETE FROM attachment_chunk;
    DELETE FROM attachment;
    DELETE FROM notified;
    DELETE FROM reply_document;
    DELETE FROM reply;
    DELETE FROM message_document;
    DELETE FROM inbox_message;
    DELETE FROM profile;
    DELETE FROM accessibility_report WHERE state <> 'pending';
    DELETE FROM setting WHERE key IN ('home_municipality', 'set_aside_file', 'set_aside_at');
";

impl Store {
    fn count(&self, sql: &str) -> Result<u32, StoreError> {
        let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Deletes the person's data (see the module docs) and returns what was deleted.
    pub fn forget_personal_data(&self) -> Result<Forgotten, StoreError> {
        // Always on since the store opened (`Store::configure`); set again to be sure.
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        let result = (|| -> Result<Forgotten, StoreError> {
            let tx = self.conn.unchecked_transaction()?;
            let forgotten = Forgotten {
                drafts: self.count("SELECT count(*) FROM draft WHERE state = 'editing'")?,
                submissions: self.count("SELECT count(*) FROM submission")?,
                unsent: self
                    .count("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')")?,
                messages: self.count("SELECT count(*) FROM inbox_message")?,
                reports: self.count(&format!(
                    "SELECT count(*) FROM accessibility_report WHERE {PERSONAL_REPORTS}"
                ))?,
                set_aside_files: 0,
            };
            tx.execute_batch(DELETE)?;
            tx.execute(
                &format!("DELETE FROM accessibility_report WHERE {PERSONAL_REPORTS}"),
                [],
            )?;
            tx.commit()?;
            Ok(forgotten)
        })();
        let forgotten = result?;
        // The WAL still holds the deleted rows' pages until a checkpoint: write them back (now
        // overwritten) and cut the WAL.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        // Files moved aside after damage may hold the person's data too.
        let set_aside_files = if self.path.as_os_str() == ":memory:" {
            0
        } else {
            crate::recovery::delete_set_aside(&self.path)?
        };
        Ok(Forgotten {
            set_aside_files,
            ..forgotten
        })
    }
}

#[cfg(test)]
mod tests {
    use domain::feedback::AccessibilityReport;
    use domain::form::{FieldPath, Value};
    use uuid::Uuid;

    use crate::{InboxMessage, NewDraft, ReportDelivery, Store, StoreError};

    #[test]
    fn forgetting_deletes_the_persons_data_and_keeps_the_rest() -> Result<(), StoreError> {
        let dir = tempfile::tempdir().map_err(StoreError::from)?;
        let store = Store::open(
            &dir.path().join("app.db"),
            &crate::DatabaseKey::from_bytes([9; 32]),
        )?;
        store.set_language(domain::Language::En)?;
        store.set_home_municipality(Some("16051000"))?;
        for n in 1..=2u128 {
            store.create_draft(&NewDraft {
                id: Uuid::from_u128(n),
                form_id: "f",
                form_version: "1",
                service_key: None,
                now: 1,
            })?;
            store.save_answer(
                Uuid::from_u128(n),
                &FieldPath::root().child("name"),
                &Value::text("Ida Muster"),
                2,
            )?;
        }
        let payload = store
            .draft(Uuid::from_u128(2))?
            .map(|d| d.answers)
            .unwrap_or_default();
        store.submit(Uuid::from_u128(2), Uuid::from_u128(200), &payload, 3)?;
        store.save_message(
            &InboxMessage {
                id: "m1".into(),
                submission_id: None,
                subject: "Bescheid".into(),
                body: "…".into(),
                sender: String::new(),
                received_at: 4,
                read_at: None,
            },
            &crate::Owner::Device,
        )?;
        let report = AccessibilityReport {
            description: "Kontrast".into(),
            ..AccessibilityReport::default()
        };
        store.queue_report(Uuid::from_u128(300), &report, 5)?;
        store.queue_report(Uuid::from_u128(301), &report, 6)?;
        store.report_sent(Uuid::from_u128(301), "BF-1", 7)?;
        // A report waiting to be sent that asks for a reply holds the person's contact details
        // (#14): it goes with the rest of their data, and is not sent.
        let with_contact = AccessibilityReport {
            description: "Kontrast".into(),
            wants_reply: true,
            name: "Ida Muster".into(),
            email: "ida@example.org".into(),
            ..AccessibilityReport::default()
        };
        store.queue_report(Uuid::from_u128(302), &with_contact, 8)?;
        let phone_only = AccessibilityReport {
            description: "Fokus".into(),
            wants_reply: true,
            phone: "0361 123456".into(),
            ..AccessibilityReport::default()
        };
        store.queue_report(Uuid::from_u128(303), &phone_only, 9)?;

        let forgotten = store.forget_personal_data()?;
        assert_eq!(
            (
                forgotten.drafts,
                forgotten.submissions,
                forgotten.unsent,
                forgotten.messages
            ),
            (1, 1, 1, 1)
        );
        assert!(store.drafts()?.is_empty(), "drafts gone");
        assert!(store.submissions()?.is_empty(), "submissions gone");
        assert!(store.outbox_entries()?.is_empty(), "outbox gone");
        assert!(store.inbox()?.is_empty(), "inbox gone");
        assert_eq!(store.settings()?.home_municipality, None, "home forgotten");
        assert_eq!(
            store.settings()?.language,
            domain::Language::En,
            "display settings kept"
        );
        assert_eq!(forgotten.reports, 2, "two unsent reports named the person");
        let reports = store.reports()?;
        assert_eq!(reports.len(), 1, "the anonymous unsent report still goes");
        assert_eq!(reports[0].delivery, ReportDelivery::Pending);
        assert_eq!(reports[0].id, Uuid::from_u128(300));
        Ok(())
    }
}
