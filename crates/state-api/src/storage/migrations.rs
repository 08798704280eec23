//! The server's schema, one migration per entry: entry `n` brings a database from
//! `user_version` n to n + 1. Entries are never edited once shipped; a change is a new entry.

pub(crate) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    service_key TEXT NOT NULL,
    ars TEXT,
    authority_id TEXT,
    form_id TEXT,
    form_version TEXT,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    expired INTEGER NOT NULL DEFAULT 0,
    data_json TEXT,
    data_sha512 TEXT,
    cursor INTEGER NOT NULL
);
CREATE INDEX submissions_by_subject ON submissions (subject, cursor);
CREATE INDEX submissions_expiring ON submissions (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE attachments (
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha512 TEXT NOT NULL,
    received INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (submission_id, id)
);
CREATE TABLE attachment_chunks (
    submission_id TEXT NOT NULL,
    attachment_id TEXT NOT NULL,
    offset INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (submission_id, attachment_id, offset)
);
CREATE TABLE status_events (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    status TEXT NOT NULL,
    at INTEGER NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    note TEXT
);
CREATE INDEX status_events_by_submission ON status_events (submission_id, cursor);
CREATE TABLE messages (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    submission_id TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX messages_by_subject ON messages (subject, cursor);
CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    subject TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE TABLE auth_codes (
    code_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    subject TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    client_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
"#,
    r#"
CREATE TABLE accessibility_reports (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    report TEXT NOT NULL,
    received_at INTEGER NOT NULL
);
"#,
    r#"
ALTER TABLE messages ADD COLUMN sender TEXT NOT NULL DEFAULT '';
"#,
    r#"
ALTER TABLE tokens ADD COLUMN family TEXT NOT NULL DEFAULT '';
ALTER TABLE tokens ADD COLUMN used_at INTEGER;
UPDATE tokens SET family = token_hash WHERE family = '';
CREATE INDEX tokens_by_family ON tokens (family);
"#,
    // Idempotency keys belong to whoever used them: a citizen's submission is found by
    // (subject, idempotency_key); `id` stays the server's own reference (the back office's),
    // equal to the key unless another citizen's submission held that id already.
    r#"
ALTER TABLE submissions ADD COLUMN idempotency_key TEXT NOT NULL DEFAULT '';
UPDATE submissions SET idempotency_key = id;
CREATE UNIQUE INDEX submissions_by_key ON submissions (subject, idempotency_key);
CREATE TABLE idempotency_scoped (
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (scope, subject, key)
);
INSERT INTO idempotency_scoped (scope, subject, key, fingerprint, status, body)
    SELECT scope, subject, key, fingerprint, status, body FROM idempotency;
DROP TABLE idempotency;
ALTER TABLE idempotency_scoped RENAME TO idempotency;
"#,
    // The receiving authority's signed receipt (a JWS), kept once the submission is received.
    r#"
ALTER TABLE submissions ADD COLUMN receipt TEXT;
"#,
    // The authority's signature of each of its steps (a Security Event Token).
    r#"
ALTER TABLE status_events ADD COLUMN signed TEXT;
"#,
    // The submission's metadata as the citizen's device encrypted it for the authority (a
    // JWE): file names, media types and the hashes of the plain attachments.
    r#"
ALTER TABLE submissions ADD COLUMN metadata TEXT;
"#,
    // The citizen's replies to an authority that asked for something (ACTION_REQUIRED), kept
    // as they came (a JWE for the authority), and documents an authority's message carries.
    r#"
CREATE TABLE replies (
    id TEXT PRIMARY KEY,
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    subject TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    content TEXT NOT NULL,
    sealed INTEGER NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX replies_by_key ON replies (subject, idempotency_key);
CREATE INDEX replies_by_submission ON replies (submission_id, received_at);
CREATE TABLE message_documents (
    message_id TEXT NOT NULL REFERENCES messages (id),
    document_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha512 TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (message_id, document_id)
);
"#,
    // A citizen's creates of the day are counted from the index alone, and the bytes held for
    // uploads from the few unfinished submissions (the quota checks of every create).
    r#"
CREATE INDEX submissions_created_by_subject ON submissions (subject, created_at);
CREATE INDEX submissions_unfinished_by_subject ON submissions (subject)
    WHERE status = 'INITIATED' AND expired = 0;
"#,
    // Handover mailboxes (#14): ciphertext under a name derived from a code, kept until its
    // pickup or its expiry; then the content is NULL and the row a tombstone for a while.
    r#"
CREATE TABLE handovers (
    mailbox TEXT PRIMARY KEY,
    content BLOB,
    sha512 TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    pickup_id TEXT,
    picked_up_at INTEGER
);
CREATE INDEX handovers_expiring ON handovers (expires_at);
CREATE INDEX handovers_held ON handovers (size) WHERE content IS NOT NULL;
"#,
    // A citizen's creates of the day, kept as one counter row: the daily quota check of every
    // create reads one row instead of counting the day's submissions. A missing row or one of
    // an earlier day is (re)started from a count bounded by the quota.
    r#"
CREATE TABLE daily_submissions (
    subject TEXT PRIMARY KEY,
    day_start INTEGER NOT NULL,
    count INTEGER NOT NULL
) WITHOUT ROWID;
"#,
];
