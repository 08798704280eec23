//! The PostgreSQL schema, one migration per entry: entry `n` brings a schema from version `n`
//! (the highest row of `schema_version`) to `n + 1`. Entries are never edited once shipped; a
//! change is a new entry. The first entry is the SQLite schema's final shape (see
//! `storage::migrations`) in PostgreSQL's types, not a replay of its history.
//!
//! Several instances may start at once: migrating runs under an advisory lock of the schema,
//! so one migrates and the others find it done.

use ::postgres::Client;
use sha2::{Digest, Sha256};

use crate::error::Error;

pub(super) const MIGRATIONS: &[&str] = &[
    // The records: submissions with their attachments and status history, the inbox, the
    // idempotent answers, codes and tokens, reports and replies. Change cursors are not a
    // sequence: a transaction's id shifted left by 20 bits plus its count of rows (see
    // `super::Tx::next_cursor`), so they grow in commit order as far as readers can see.
    r#"
CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL,
    subject TEXT NOT NULL,
    service_key TEXT NOT NULL,
    ars TEXT,
    authority_id TEXT,
    form_id TEXT,
    form_version TEXT,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    expired BOOLEAN NOT NULL DEFAULT FALSE,
    data_json TEXT,
    data_sha512 TEXT,
    receipt TEXT,
    metadata TEXT,
    cursor BIGINT NOT NULL
);
CREATE UNIQUE INDEX submissions_by_key ON submissions (subject, idempotency_key);
CREATE INDEX submissions_by_subject ON submissions (subject, cursor);
CREATE INDEX submissions_by_cursor ON submissions (cursor);
CREATE INDEX submissions_expiring ON submissions (expires_at)
    WHERE expires_at IS NOT NULL AND NOT expired;
CREATE TABLE attachments (
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha512 TEXT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0,
    complete BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (submission_id, id)
);
CREATE TABLE attachment_chunks (
    submission_id TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    byte_offset BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (submission_id, attachment_id, byte_offset)
);
CREATE TABLE status_events (
    cursor BIGINT PRIMARY KEY,
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    status TEXT NOT NULL,
    at BIGINT NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    note TEXT,
    signed TEXT
);
CREATE INDEX status_events_by_submission ON status_events (submission_id, cursor);
CREATE TABLE messages (
    cursor BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    submission_id TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    at BIGINT NOT NULL,
    sender TEXT NOT NULL DEFAULT ''
);
CREATE INDEX messages_by_subject ON messages (subject, cursor);
CREATE TABLE message_documents (
    message_id TEXT NOT NULL REFERENCES messages (id),
    document_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha512 TEXT NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (message_id, document_id)
);
CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (scope, subject, key)
);
CREATE TABLE auth_codes (
    code_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    subject TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX auth_codes_expiring ON auth_codes (expires_at);
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    client_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    family TEXT NOT NULL,
    used_at BIGINT
);
CREATE INDEX tokens_by_family ON tokens (family);
CREATE INDEX tokens_expiring ON tokens (expires_at);
CREATE TABLE accessibility_reports (
    sequence BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    report TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE TABLE replies (
    id TEXT PRIMARY KEY,
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    subject TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    content TEXT NOT NULL,
    sealed BOOLEAN NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX replies_by_key ON replies (subject, idempotency_key);
CREATE INDEX replies_by_submission ON replies (submission_id, received_at);
"#,
    // What the instances coordinate (see `storage::coordination`): nothing of it must survive
    // a crash, so the tables are UNLOGGED (no WAL; emptied by crash recovery). Keys are
    // SHA-256 hex.
    r#"
CREATE UNLOGGED TABLE claims (
    key_hash TEXT PRIMARY KEY,
    lease_until BIGINT NOT NULL
);
CREATE UNLOGGED TABLE rate_buckets (
    client_hash TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    at BIGINT NOT NULL,
    passed BOOLEAN NOT NULL
);
CREATE UNLOGGED TABLE failures (
    scope TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    count BIGINT NOT NULL,
    first_at BIGINT NOT NULL,
    locked_until BIGINT,
    PRIMARY KEY (scope, key_hash)
);
"#,
    // A citizen's creates of the day are counted from the index alone, and the bytes held for
    // uploads from the few unfinished submissions (the quota checks of every create).
    r#"
CREATE INDEX submissions_created_by_subject ON submissions (subject, created_at);
CREATE INDEX submissions_unfinished_by_subject ON submissions (subject)
    WHERE status = 'INITIATED' AND NOT expired;
"#,
    // Handover mailboxes (#14): ciphertext under a name derived from a code, kept until its
    // pickup or its expiry; then the content is NULL and the row a tombstone for a while.
    // Ciphertext does not compress: stored out of line without trying.
    r#"
CREATE TABLE handovers (
    mailbox TEXT PRIMARY KEY,
    content BYTEA,
    sha512 TEXT NOT NULL,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    pickup_id TEXT,
    picked_up_at BIGINT
);
ALTER TABLE handovers ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX handovers_expiring ON handovers (expires_at);
CREATE INDEX handovers_held ON handovers (size) WHERE content IS NOT NULL;
"#,
];

/// The advisory lock key of migrating `schema` (`""`: the URL's default): the first eight
/// bytes of a SHA-256, so instances on different schemas of one database do not wait for
/// each other.
fn lock_key(schema: &str) -> i64 {
    let digest = Sha256::digest(format!("thueringen state-api migrate {schema}").as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(first)
}

/// Creates `schema` if asked and brings it to the code's version, under the advisory lock.
/// The client's `search_path` names the schema already.
pub(super) fn prepare(client: &mut Client, schema: Option<&str>) -> Result<(), Error> {
    let key = lock_key(schema.unwrap_or(""));
    client.execute("SELECT pg_advisory_lock($1)", &[&key])?;
    let migrated = create_and_migrate(client, schema);
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&key]);
    migrated?;
    unlocked?;
    Ok(())
}

fn create_and_migrate(client: &mut Client, schema: Option<&str>) -> Result<(), Error> {
    if let Some(schema) = schema {
        // Checked by `super::check_schema`: a plain lower-case identifier, safe unquoted.
        client.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))?;
    }
    client.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version INTEGER PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )?;
    let version: i32 = client
        .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?
        .try_get(0)?;
    let known = MIGRATIONS.len();
    let at = usize::try_from(version)
        .map_err(|_| Error::Corrupt(format!("the schema is at version {version}")))?;
    if at > known {
        return Err(Error::Corrupt(format!(
            "the database is at schema version {version}, this server knows {known}"
        )));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(at) {
        let next =
            i32::try_from(index + 1).map_err(|_| Error::Corrupt("too many migrations".into()))?;
        let mut tx = client.transaction()?;
        tx.batch_execute(sql)?;
        tx.execute("INSERT INTO schema_version (version) VALUES ($1)", &[&next])?;
        tx.commit()?;
        tracing::info!(version = next, "database schema migrated");
    }
    Ok(())
}
