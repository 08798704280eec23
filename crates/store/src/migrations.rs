//! Versioned schema migrations. Never edit a released migration: add a new one, and add its
//! fixture to the upgrade test below (every earlier version, with data, is upgraded to the
//! latest there).

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::StoreError;

/// Times are milliseconds since the Unix epoch (the caller's clock); ids are UUIDs as text.
pub(crate) const MIGRATIONS: &[M<'static>] = &[
    // 1: catalog snapshot and settings. Released: never change.
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
    // 2: form definitions, drafts, attachments, submissions, outbox, inbox, profiles.
    M::up(
        "CREATE TABLE form_definition (
            form_id TEXT NOT NULL,
            version TEXT NOT NULL,
            body TEXT NOT NULL,
            stored_at INTEGER NOT NULL,
            PRIMARY KEY (form_id, version)
        ) WITHOUT ROWID;

        CREATE TABLE draft (
            id TEXT PRIMARY KEY,
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            started_on_version TEXT NOT NULL,
            service_key TEXT,
            page TEXT,
            state TEXT NOT NULL DEFAULT 'editing' CHECK (state IN ('editing', 'queued')),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE draft_answer (
            draft_id TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            depth INTEGER NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (draft_id, path)
        ) WITHOUT ROWID;
        CREATE TABLE draft_review (
            draft_id TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            reason TEXT NOT NULL,
            old_value TEXT NOT NULL,
            from_version TEXT NOT NULL,
            PRIMARY KEY (draft_id, path)
        ) WITHOUT ROWID;

        CREATE TABLE attachment (
            id INTEGER PRIMARY KEY,
            sha512 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE attachment_chunk (
            attachment_id INTEGER NOT NULL REFERENCES attachment (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (attachment_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE draft_attachment (
            id TEXT PRIMARY KEY,
            draft_id TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
            field_path TEXT NOT NULL,
            sha512 TEXT NOT NULL REFERENCES attachment (sha512),
            file_name TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX draft_attachment_by_draft ON draft_attachment (draft_id);

        CREATE TABLE submission (
            id TEXT PRIMARY KEY,
            draft_id TEXT,
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            service_key TEXT,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            server_ref TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE submission_status (
            submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            status TEXT NOT NULL,
            at INTEGER NOT NULL,
            note TEXT,
            PRIMARY KEY (submission_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE outbox (
            submission_id TEXT PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

        CREATE TABLE inbox_message (
            id TEXT PRIMARY KEY,
            submission_id TEXT,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            sender TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            read_at INTEGER
        );
        CREATE INDEX inbox_by_time ON inbox_message (received_at);

        CREATE TABLE profile (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );",
    ),
    // 3: reports of accessibility problems (Barrieren melden), kept until the state API
    // confirmed them.
    M::up(
        "CREATE TABLE accessibility_report (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'refused')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            reference TEXT,
            created_at INTEGER NOT NULL,
            sent_at INTEGER
        );
        CREATE INDEX accessibility_report_due ON accessibility_report (state, next_attempt_at);",
    ),
    // 4: the applicant's place (AGS/ARS) a submission is queued for, so the state API routes it.
    M::up("ALTER TABLE submission ADD COLUMN ars TEXT;"),
    // 5: whose data a row is (`device`, or `account:` and the subject; see `owner.rs`). What
    // was there before belongs to the device: nobody can tell whose it was, and the device is
    // what showed it so far. An outbox row belongs to its submission's owner.
    M::up(
        "ALTER TABLE draft ADD COLUMN owner TEXT NOT NULL DEFAULT 'device';
        ALTER TABLE submission ADD COLUMN owner TEXT NOT NULL DEFAULT 'device';
        ALTER TABLE inbox_message ADD COLUMN owner TEXT NOT NULL DEFAULT 'device';
        ALTER TABLE profile ADD COLUMN owner TEXT NOT NULL DEFAULT 'device';
        CREATE INDEX submission_by_owner ON submission (owner);",
    ),
    // 6: the state API's receipt: the SHA-512 of the data as it computed it on arrival.
    M::up("ALTER TABLE submission ADD COLUMN data_sha512 TEXT;"),
    // 7: the receiving authority's signed receipt as the device checked it (JSON of
    // `domain::receipt::SignedReceipt`).
    M::up("ALTER TABLE submission ADD COLUMN signed_receipt TEXT;"),
    // 8: whether the authority signed a step of the timeline, as the device found
    // (`domain::receipt::StepSignature::name`; NULL where no signature is expected).
    M::up("ALTER TABLE submission_status ADD COLUMN signature TEXT;"),
    // 9: the attachments of a submission encrypted for its receiving authority, kept so every
    // retry uploads the same ciphertext (the bytes are in `attachment`, by their hash).
    M::up(
        "CREATE TABLE sealed_attachment (
            submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
            attachment_id TEXT NOT NULL,
            destination TEXT NOT NULL,
            server_id TEXT NOT NULL,
            sha512 TEXT NOT NULL,
            size INTEGER NOT NULL,
            PRIMARY KEY (submission_id, attachment_id)
        ) WITHOUT ROWID;",
    ),
    // 10: the person's replies to an authority that asked for something (waiting to be sent,
    // sent or refused; the JWE once encrypted, so a retry sends the same), with their
    // documents; and the documents an authority's message carries (bytes once fetched).
    M::up(
        "CREATE TABLE reply (
            id TEXT PRIMARY KEY,
            submission_id TEXT NOT NULL,
            owner TEXT NOT NULL,
            text TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            sealed TEXT,
            sealed_for TEXT,
            created_at INTEGER NOT NULL,
            sent_at INTEGER
        );
        CREATE INDEX reply_by_submission ON reply (submission_id, created_at);
        CREATE TABLE reply_document (
            reply_id TEXT NOT NULL REFERENCES reply (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            sha512 TEXT NOT NULL,
            content BLOB NOT NULL,
            PRIMARY KEY (reply_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE message_document (
            message_id TEXT NOT NULL,
            document_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha512 TEXT NOT NULL,
            content BLOB,
            PRIMARY KEY (message_id, document_id)
        ) WITHOUT ROWID;",
    ),
    // 11: the reminders already shown as notifications (by kind and key), so each shows once.
    M::up(
        "CREATE TABLE notified (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID;",
    ),
    // 12: the assisted sessions a Digitallotse held on this device, for their volunteer
    // report: the day, the services (LeiKa keys) and the outcome; nothing about the person.
    M::up(
        "CREATE TABLE assisted_session (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            outcome TEXT NOT NULL,
            services TEXT NOT NULL
        );",
    ),
    // 13: drafts handed over to another device (#14), while the pickup is awaited: the
    // mailbox on the state API and the code the person types or scans (its key), kept here
    // in the encrypted store so the code can be shown again; gone with the draft. On the
    // device that picks one up, which mailbox became which draft under which pickup id, so a
    // pickup whose confirmation was lost is confirmed again, not made twice.
    M::up(
        "CREATE TABLE handover (
            draft_id TEXT PRIMARY KEY REFERENCES draft (id) ON DELETE CASCADE,
            mailbox TEXT NOT NULL,
            code TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE handover_received (
            mailbox TEXT PRIMARY KEY,
            draft_id TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
            pickup_id TEXT NOT NULL
        ) WITHOUT ROWID;",
    ),
];

pub(crate) fn apply(conn: &mut Connection) -> Result<(), StoreError> {
    Migrations::from_slice(MIGRATIONS).to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use domain::form::{FieldPath, Value};
    use rusqlite::params;
    use uuid::Uuid;

    use super::*;
    use crate::{DatabaseKey, NewDraft, Store};

    #[test]
    fn migrations_are_valid() {
        let migrations = Migrations::from_slice(MIGRATIONS);
        assert!(
            migrations.validate().is_ok(),
            "every migration applies to an empty database"
        );
    }

    /// Data as a store at schema `version` held it, written with that version's SQL.
    fn fill(conn: &Connection, version: usize) -> rusqlite::Result<()> {
        if version >= 1 {
            conn.execute(
                "INSERT INTO catalog_snapshot (id, version, etag, origin, stored_at, body)
                 VALUES (1, 'v1', '\"e1\"', 'seed', '2026-11-26T10:00:00Z', ?1)",
                [serde_json::json!({"version": "v1"}).to_string()],
            )?;
            conn.execute(
                "INSERT INTO setting (key, value) VALUES ('language', 'en')",
                [],
            )?;
        }
        if version >= 2 {
            conn.execute(
                "INSERT INTO draft (id, form_id, form_version, started_on_version, page,
                   created_at, updated_at) VALUES ('d2', 'f', '1', '1', 'p2', 1, 1)",
                [],
            )?;
            conn.execute(
                "INSERT INTO draft_answer (draft_id, path, depth, value) VALUES ('d2', 'a', 1, '\"x\"')",
                params![],
            )?;
        }
        if version >= 4 {
            conn.execute(
                "INSERT INTO submission (id, draft_id, form_id, form_version, payload, status,
                   created_at, updated_at, ars)
                 VALUES ('00000000-0000-0000-0000-000000000004', 'd2', 'f', '1', '{}',
                   'INITIATED', 1, 1, '16051000')",
                [],
            )?;
        }
        if version >= 5 {
            conn.execute(
                "INSERT INTO setting (key, value) VALUES ('owner', 'account:ida')",
                [],
            )?;
            conn.execute(
                "INSERT INTO draft (id, form_id, form_version, started_on_version, page,
                   created_at, updated_at, owner) VALUES ('d5', 'f', '1', '1', 'p5', 1, 1,
                   'account:ben')",
                [],
            )?;
        }
        if version >= 6 {
            conn.execute(
                "UPDATE submission SET data_sha512 = 'ab12' WHERE id =
                   '00000000-0000-0000-0000-000000000004'",
                [],
            )?;
        }
        if version >= 7 {
            conn.execute(
                "UPDATE submission SET signed_receipt = '{\"token\":\"a.b.c\",\"receivedAt\":7}'
                   WHERE id = '00000000-0000-0000-0000-000000000004'",
                [],
            )?;
        }
        if version >= 3 {
            conn.execute(
                "INSERT INTO accessibility_report (id, body, state, next_attempt_at, created_at)
                 VALUES ('00000000-0000-0000-0000-000000000003', '{\"description\":\"d3\"}',
                   'pending', 1, 1)",
                [],
            )?;
        }
        Ok(())
    }

    fn visible_drafts(store: &Store) -> Result<Vec<String>, StoreError> {
        let mut stmt = store.conn.prepare(&format!(
            "SELECT id FROM draft WHERE {} ORDER BY id",
            crate::owner::VISIBLE
        ))?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// What every version's fixture must still show after the upgrade.
    fn check(store: &Store, version: usize) -> Result<(), StoreError> {
        if version >= 1 {
            assert_eq!(
                store.catalog_version()?.as_deref(),
                Some("v1"),
                "catalog kept from v{version}"
            );
            assert_eq!(
                store.catalog_etag()?.as_deref(),
                Some("\"e1\""),
                "etag kept from v{version}"
            );
            assert_eq!(
                store.settings()?.language,
                domain::Language::En,
                "setting kept from v{version}"
            );
        }
        if version >= 2 {
            let id = "d2";
            let page: String =
                store
                    .conn
                    .query_row("SELECT page FROM draft WHERE id = ?1", [id], |r| r.get(0))?;
            assert_eq!(page, "p2", "draft kept from v{version}");
        }
        if version >= 4 {
            assert_eq!(
                store.submission_place(Uuid::from_u128(4))?.as_deref(),
                Some("16051000"),
                "place kept from v{version}"
            );
        }
        if (2..5).contains(&version) {
            // Data from before owners belongs to the device: whoever logs in still sees it.
            store.set_owner(&crate::Owner::Account("someone".into()))?;
            assert_eq!(
                visible_drafts(store)?,
                vec!["d2".to_string()],
                "the device's draft is seen after the upgrade (v{version})"
            );
            store.set_owner(&crate::Owner::Device)?;
        }
        if version >= 5 {
            assert_eq!(store.owner()?, crate::Owner::Account("ida".into()));
            assert_eq!(
                visible_drafts(store)?,
                vec!["d2".to_string()],
                "Ben's draft stays hidden from Ida after the upgrade (v{version})"
            );
        }
        if version >= 6 {
            let kept: Option<String> = store.conn.query_row(
                "SELECT data_sha512 FROM submission WHERE id = ?1",
                [Uuid::from_u128(4).to_string()],
                |r| r.get(0),
            )?;
            assert_eq!(
                kept.as_deref(),
                Some("ab12"),
                "receipt kept from v{version}"
            );
        }
        if version >= 7 {
            let kept: Option<String> = store.conn.query_row(
                "SELECT signed_receipt FROM submission WHERE id = ?1",
                [Uuid::from_u128(4).to_string()],
                |r| r.get(0),
            )?;
            let kept = kept.and_then(|json| {
                serde_json::from_str::<domain::receipt::SignedReceipt>(&json).ok()
            });
            assert_eq!(
                kept.map(|r| (r.token, r.received_at)),
                Some(("a.b.c".to_string(), Some(7))),
                "signed receipt kept from v{version}"
            );
        }
        if version >= 3 {
            let reports = store.reports()?;
            assert_eq!(reports.len(), 1, "report kept from v{version}");
            assert_eq!(reports[0].report.description, "d3");
        }
        // The latest schema works on the upgraded file.
        let draft = Uuid::from_u128(42);
        store.create_draft(&NewDraft {
            id: draft,
            form_id: "f",
            form_version: "1",
            service_key: None,
            now: 5,
        })?;
        store.save_answer(
            draft,
            &FieldPath::root().child("name"),
            &Value::text("Ida"),
            6,
        )?;
        assert!(
            store.draft(draft)?.is_some(),
            "a new draft works after upgrading from v{version}"
        );
        Ok(())
    }

    #[test]
    fn every_earlier_schema_version_with_data_upgrades_to_the_latest(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let key = DatabaseKey::from_bytes([3; 32]);
        for version in 1..=MIGRATIONS.len() {
            let path = dir.path().join(format!("v{version}.db"));
            {
                let mut conn = Connection::open(&path)?;
                conn.execute_batch(&key.pragma())?;
                Migrations::from_slice(&MIGRATIONS[..version]).to_latest(&mut conn)?;
                fill(&conn, version)?;
            }
            let store = Store::open(&path, &key)?;
            let user_version: i64 = store
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))?;
            assert_eq!(
                user_version as usize,
                MIGRATIONS.len(),
                "v{version} is brought to the latest"
            );
            check(&store, version)?;
        }
        Ok(())
    }

    #[test]
    fn a_plaintext_version_one_store_upgrades_and_is_encrypted(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("released.db");
        {
            let mut conn = Connection::open(&path)?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            Migrations::from_slice(&MIGRATIONS[..1]).to_latest(&mut conn)?;
            fill(&conn, 1)?;
        }
        let store = Store::open_with_keychain(&path, &keychain::MemoryKeyStore::new())?;
        check(&store, 1)?;
        Ok(())
    }
}
