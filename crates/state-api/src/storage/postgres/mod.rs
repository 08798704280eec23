//! The shared storage: one PostgreSQL database (a schema of it) for several instances of the
//! server at once, which also keeps what they coordinate ([`Coordination`]).
//!
//! Where SQLite has one writer, here many transactions run at once, on many instances:
//!
//! - Every write is one READ COMMITTED transaction whose preconditions are guarded by locks
//!   taken inside it: a row locked `FOR UPDATE`, a conditional `UPDATE`, one statement that
//!   reads and writes, and for a citizen's creates (their quota) an advisory lock per citizen,
//!   so each statement after it sees what the previous holder committed. It is run again (a
//!   bounded number of times, after a short random pause) on a deadlock, a serialization
//!   failure or a unique violation (two writers that took the same next number or id: the
//!   next attempt sees the other's row). Its closure must therefore be safe to run again.
//!   SERIALIZABLE was tried first: its page-level predicate locks made unrelated citizens'
//!   writes fail each other until the retries ran out (6 errors in 15 s at 64 clients, 286
//!   pairs/s; 402/s and none at READ COMMITTED, `scripts/bench-state-api.sh`).
//! - Reads of several statements (a submission with its attachments and history) run in one
//!   REPEATABLE READ READ ONLY transaction: one snapshot.
//! - Change cursors (status events, inbox messages) are `(transaction id << 20) + n`, n
//!   counting the rows the transaction added. A sequence would hand out numbers in start
//!   order, not commit order, and a client polling `since` could skip a row committed late
//!   under a lower number. The feeds only answer rows below the reading snapshot's `xmin`
//!   (shifted alike): every transaction below it has ended, so no row can appear there later.
//!
//! Nothing here logs or returns the URL or its password.

mod auth;
mod coordination;
mod handovers;
mod messages;
mod schema;
mod session;
mod submissions;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_races;
#[cfg(test)]
mod tests_records;
#[cfg(test)]
mod tests_setup;

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::time::Duration;

use ::postgres::error::SqlState;
use ::postgres::{Client, Config, IsolationLevel, NoTls, Transaction};
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::PostgresConnectionManager;
use rand::Rng;

use super::*;

type Manager = session::Caching;

pub(crate) use session::Session;

/// How many times a transaction refused for a serialization failure or a deadlock runs.
const ATTEMPTS: u32 = 30;
/// How long to wait for a connection, when connecting and from the pool.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Bits of a change cursor below the transaction id: rows one transaction may add to a feed.
const CURSOR_BITS: u32 = 20;

/// The highest change cursor every reader agrees is final, for the feeds' `WHERE`: all
/// transactions with an id below the snapshot's `xmin` have ended.
pub(super) const FEED_BOUND: &str = "(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)";

/// Where the shared database is.
#[derive(Clone, PartialEq, Eq)]
pub struct PostgresOptions {
    /// `postgres://user:password@host:port/database` (or key=value pairs). Never logged.
    pub url: String,
    /// The schema to use (created if missing); `None`: the URL's default (`public`).
    pub schema: Option<String>,
    /// Connections this instance keeps.
    pub pool_size: u32,
}

impl fmt::Debug for PostgresOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostgresOptions")
            .field("url", &"(hidden)")
            .field("schema", &self.schema)
            .field("pool_size", &self.pool_size)
            .finish()
    }
}

/// The PostgreSQL storage and coordination of one server instance.
pub struct PostgresStorage {
    pool: Connections,
    /// Connections for [`Coordination`]: autocommit, `synchronous_commit = off`.
    coordination: Connections,
    purges: coordination::Purges,
}

/// The pool. Each connection of the blocking client owns a small runtime of its own, which
/// can neither block nor be dropped on a thread of an async runtime (where a server's state
/// may be dropped): there the connections are ended on a thread of their own.
struct Connections(Option<Pool<Manager>>);

impl Connections {
    fn get(&self) -> Result<PooledConnection<Manager>, Error> {
        match &self.0 {
            Some(pool) => Ok(pool.get()?),
            None => Err(Error::Task("the database connections are closed".into())),
        }
    }
}

impl Drop for Connections {
    fn drop(&mut self) {
        let Some(pool) = self.0.take() else { return };
        if tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        let closing = std::thread::Builder::new()
            .name("state-api-pg-close".into())
            .spawn(move || drop(pool));
        if closing.is_err() {
            tracing::warn!("no thread to close the database connections on");
        }
    }
}

/// A PostgreSQL error as the server's [`Error`] shows it: the SQLSTATE and message of a
/// database error, never its DETAIL (it may quote the values of a row); the kind and cause of
/// any other (a refused connection).
pub(crate) fn describe(error: &::postgres::Error) -> String {
    if let Some(db) = error.as_db_error() {
        return format!("{} {}: {}", db.code().code(), db.severity(), db.message());
    }
    match std::error::Error::source(error) {
        Some(cause) => format!("{error}: {cause}"),
        None => error.to_string(),
    }
}

/// A schema name: a plain lower-case identifier (safe to write into SQL unquoted).
fn check_schema(schema: &str) -> Result<(), Error> {
    let mut chars = schema.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if first_ok && rest_ok && schema.len() <= 63 {
        Ok(())
    } else {
        Err(Error::Config(format!(
            "the database schema {schema:?} is not a name of [a-z_][a-z0-9_]{{0,62}}"
        )))
    }
}

/// The connection settings of `options`: the URL, the schema as `search_path`, timeouts.
fn client_config(options: &PostgresOptions) -> Result<Config, Error> {
    let mut config = Config::from_str(options.url.trim()).map_err(|e| {
        Error::Config(format!(
            "the PostgreSQL URL cannot be read ({}); expected postgres://user:password@host:port/database",
            describe(&e)
        ))
    })?;
    if let Some(schema) = &options.schema {
        check_schema(schema)?;
        let given = config.get_options().unwrap_or("").trim().to_string();
        let options = format!("{given} -c search_path={schema}");
        config.options(options.trim());
    }
    if config.get_application_name().is_none() {
        config.application_name("state-api");
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    Ok(config)
}

/// Where a configuration points, for messages: hosts, ports and database, no user, no password.
fn whereabouts(config: &Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|host| match host {
            ::postgres::config::Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            ::postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let ports: Vec<String> = config.get_ports().iter().map(u16::to_string).collect();
    let or = |list: Vec<String>, default: &str| match list.is_empty() {
        true => default.to_string(),
        false => list.join(","),
    };
    format!(
        "{} port {} database {}",
        or(hosts, "localhost"),
        or(ports, "5432"),
        config.get_dbname().unwrap_or("(the user's)")
    )
}

/// Whether PostgreSQL refused a transaction only for its timing: a serialization failure or
/// a deadlock, which running it again resolves.
fn is_transient(error: &Error) -> bool {
    match error {
        Error::Postgres(e) => e.code().is_some_and(|code| {
            *code == SqlState::T_R_SERIALIZATION_FAILURE
                || *code == SqlState::T_R_DEADLOCK_DETECTED
                || *code == SqlState::UNIQUE_VIOLATION
        }),
        _ => false,
    }
}

/// A short random pause before attempt `attempt + 1`: up to 1, 2, 4 ... 64 ms, so the
/// transactions that collided do not collide again in step.
fn back_off(attempt: u32) {
    let most = 1_000u64 << attempt.min(6);
    let micros = rand::thread_rng().gen_range(100..=most);
    std::thread::sleep(Duration::from_micros(micros));
}

/// How a transaction runs.
#[derive(Clone, Copy)]
enum Kind {
    /// A write of the records: READ COMMITTED, its preconditions guarded by locks.
    Write,
    /// A read of several statements: REPEATABLE READ READ ONLY, one snapshot.
    Read,
}

/// One attempt of a transaction, as its closure sees it.
pub(super) struct Tx<'c> {
    tx: Transaction<'c>,
    /// The connection's prepared statements (its `query`, `execute`... use them).
    statements: &'c mut session::Statements,
    /// Rows this attempt added to a feed (status events, messages).
    added: i64,
}

session::cached_calls!(Tx<'_>, tx, statements);

impl<'c> Deref for Tx<'c> {
    type Target = Transaction<'c>;
    fn deref(&self) -> &Transaction<'c> {
        &self.tx
    }
}

impl DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

impl Tx<'_> {
    /// The `n` of the next row this transaction adds to a feed: its cursor is
    /// `(pg_current_xact_id() << 20) + n` (1, 2, ... within one attempt).
    pub(super) fn next_row(&mut self) -> Result<i64, Error> {
        self.added += 1;
        if self.added >= 1 << CURSOR_BITS {
            return Err(Error::Task("too many feed rows in one transaction".into()));
        }
        Ok(self.added)
    }
}

impl PostgresStorage {
    /// Connects, creates the schema if asked, migrates it (one instance at a time, under an
    /// advisory lock) and opens the pool of `pool_size` connections. It blocks, like every
    /// call of this storage: call it off the async runtime (a thread of its own, or
    /// `spawn_blocking`).
    pub fn connect(options: &PostgresOptions) -> Result<PostgresStorage, Error> {
        let config = client_config(options)?;
        let place = whereabouts(&config);
        let mut client = config.connect(NoTls).map_err(|e| {
            Error::Config(format!(
                "cannot connect to PostgreSQL at {place}: {}",
                describe(&e)
            ))
        })?;
        schema::prepare(&mut client, options.schema.as_deref())?;
        // The migration connection's job is done; a failed goodbye changes nothing.
        let _ = client.close();
        let mut quick = config.clone();
        let given = quick.get_options().unwrap_or("").trim().to_string();
        quick.options(format!("{given} -c synchronous_commit=off").trim());
        let open = |config: Config, size: u32| {
            Pool::builder()
                .max_size(size.max(1))
                .test_on_check_out(false)
                .connection_timeout(CONNECT_TIMEOUT)
                .build(session::Caching(PostgresConnectionManager::new(
                    config, NoTls,
                )))
                .map_err(|e| {
                    Error::Config(format!(
                        "cannot open the connection pool to PostgreSQL at {place}: {e}"
                    ))
                })
        };
        let pool = open(config, options.pool_size)?;
        let coordination = open(quick, options.pool_size.div_ceil(2))?;
        tracing::info!(
            schema = options.schema.as_deref().unwrap_or("(default)"),
            pool = options.pool_size.max(1),
            "PostgreSQL storage ready"
        );
        Ok(PostgresStorage {
            pool: Connections(Some(pool)),
            coordination: Connections(Some(coordination)),
            purges: coordination::Purges::default(),
        })
    }

    /// A connection for single statements (each its own transaction).
    fn conn(&self) -> Result<PooledConnection<Manager>, Error> {
        self.pool.get()
    }

    /// Runs `f` as one READ COMMITTED transaction, again after a deadlock, a serialization
    /// failure or a unique violation (so `f` must be safe to run more than once).
    pub(super) fn write<T>(
        &self,
        f: impl FnMut(&mut Tx<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.transact(Kind::Write, f)
    }

    /// Runs `f` in one REPEATABLE READ READ ONLY transaction (one snapshot).
    pub(super) fn read<T>(
        &self,
        f: impl FnMut(&mut Tx<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.transact(Kind::Read, f)
    }

    /// Runs `f`'s statements for the coordination: each its own transaction (autocommit,
    /// READ COMMITTED), not waiting for the disk; again after a deadlock.
    pub(super) fn coordinate<T>(
        &self,
        mut f: impl FnMut(&mut Session) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut session = self.coordination.get()?;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match f(&mut session) {
                Err(e) if attempt < ATTEMPTS && is_transient(&e) => back_off(attempt),
                outcome => return outcome,
            }
        }
    }

    fn transact<T>(
        &self,
        kind: Kind,
        mut f: impl FnMut(&mut Tx<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut conn = self.conn()?;
        let Session { client, statements } = &mut *conn;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match Self::attempt(client, statements, kind, &mut f) {
                Err(e) if attempt < ATTEMPTS && is_transient(&e) => back_off(attempt),
                outcome => return outcome,
            }
        }
    }

    fn attempt<T>(
        conn: &mut Client,
        statements: &mut session::Statements,
        kind: Kind,
        f: &mut impl FnMut(&mut Tx<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let (level, read_only) = match kind {
            Kind::Write => (IsolationLevel::ReadCommitted, false),
            Kind::Read => (IsolationLevel::RepeatableRead, true),
        };
        let tx = conn
            .build_transaction()
            .isolation_level(level)
            .read_only(read_only)
            .start()?;
        let mut tx = Tx {
            tx,
            statements,
            added: 0,
        };
        // On an error the transaction is dropped, which rolls it back.
        let value = f(&mut tx)?;
        tx.tx.commit()?;
        Ok(value)
    }
}

/// A row count or size from the database as `usize` (never negative).
pub(super) fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// A `LIMIT` for the database.
pub(super) fn limit_of(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

impl Lookups for PostgresStorage {
    fn idempotent_response(
        &self,
        scope: &str,
        subject: &str,
        key: &str,
    ) -> Result<Option<StoredResponse>, Error> {
        messages::idempotent_response(&mut *self.conn()?, scope, subject, key)
    }

    fn submission(&self, id: &str) -> Result<Option<SubmissionRecord>, Error> {
        self.read(|tx| submissions::by_id(tx, id))
    }

    fn citizen_submission(
        &self,
        subject: &str,
        key: &str,
    ) -> Result<Option<SubmissionRecord>, Error> {
        self.read(|tx| submissions::by_key(tx, subject, key))
    }

    fn submissions_changed(
        &self,
        subject: &str,
        since: i64,
        limit: usize,
    ) -> Result<Vec<SubmissionRecord>, Error> {
        self.read(|tx| submissions::changed(tx, subject, since, limit))
    }

    fn token(&self, token_hash: &str) -> Result<Option<TokenRecord>, Error> {
        auth::token(&mut *self.conn()?, token_hash)
    }
}

impl Storage for PostgresStorage {
    fn create_submission(
        &self,
        new: &NewSubmission,
        quota: &Quota,
        respond: &Respond<'_>,
    ) -> Result<Created, Error> {
        self.write(|tx| submissions::create(tx, new, quota, respond))
    }

    fn submission_data(&self, id: &str) -> Result<Option<String>, Error> {
        self.read(|tx| submissions::data(tx, id))
    }

    fn all_submissions(
        &self,
        status: Option<Status>,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<SubmissionRecord>, Error> {
        self.read(|tx| submissions::all(tx, status, before, limit))
    }

    fn append_chunk(
        &self,
        submission: &str,
        attachment: &str,
        offset: u64,
        data: &[u8],
    ) -> Result<Append, Error> {
        self.write(|tx| submissions::append_chunk(tx, submission, attachment, offset, data))
    }

    fn attachment_content(&self, submission: &str, attachment: &str) -> Result<Vec<u8>, Error> {
        let mut content = Vec::new();
        submissions::each_chunk(&mut *self.conn()?, submission, attachment, |data| {
            content.extend_from_slice(data)
        })?;
        Ok(content)
    }

    fn attachment_sha512(&self, submission: &str, attachment: &str) -> Result<String, Error> {
        use sha2::{Digest, Sha512};
        let mut hasher = Sha512::new();
        submissions::each_chunk(&mut *self.conn()?, submission, attachment, |data| {
            hasher.update(data)
        })?;
        Ok(hex::encode(hasher.finalize()))
    }

    fn complete_attachment(&self, submission: &str, attachment: &str) -> Result<(), Error> {
        self.write(|tx| submissions::complete_attachment(tx, submission, attachment))
    }

    fn reset_attachment(&self, submission: &str, attachment: &str) -> Result<(), Error> {
        self.write(|tx| submissions::reset_attachment(tx, submission, attachment))
    }

    fn submit(
        &self,
        id: &str,
        arrival: &Arrival<'_>,
        events: &[StatusEvent],
        key: &str,
        respond: &Respond<'_>,
    ) -> Result<StoredResponse, Error> {
        self.write(|tx| submissions::submit(tx, id, arrival, events, key, respond))
    }

    fn add_status(
        &self,
        id: &str,
        event: &StatusEvent,
        receipt: Option<&str>,
        from: Option<Status>,
    ) -> Result<i64, Error> {
        self.write(|tx| submissions::add_status(tx, id, event, receipt, from))
    }

    fn add_message(&self, message: &MessageRecord) -> Result<i64, Error> {
        self.write(|tx| messages::add_message(tx, message))
    }

    fn messages(
        &self,
        subject: &str,
        since: i64,
        limit: usize,
    ) -> Result<Vec<MessageRecord>, Error> {
        self.read(|tx| messages::messages(tx, subject, since, limit))
    }

    fn expire_due(&self, now: i64) -> Result<usize, Error> {
        self.write(|tx| submissions::expire_due(tx, now))
    }

    fn abandon(&self, submission: &str) -> Result<(), Error> {
        self.write(|tx| submissions::abandon(tx, submission))
    }

    fn put_code(&self, code_hash: &str, code: &AuthCode) -> Result<(), Error> {
        self.write(|tx| auth::put_code(tx, code_hash, code))
    }

    fn take_code(&self, code_hash: &str) -> Result<Option<AuthCode>, Error> {
        self.write(|tx| auth::take_code(tx, code_hash))
    }

    fn put_token(&self, token_hash: &str, token: &TokenRecord) -> Result<(), Error> {
        self.write(|tx| auth::put_token(tx, token_hash, token))
    }

    fn use_refresh_token(&self, token_hash: &str, now: i64) -> Result<Option<TokenRecord>, Error> {
        self.write(|tx| auth::use_refresh_token(tx, token_hash, now))
    }

    fn revoke_family(&self, family: &str) -> Result<usize, Error> {
        self.write(|tx| auth::revoke_family(tx, family))
    }

    fn create_report(
        &self,
        report: &ReportRecord,
        respond: &Respond<'_>,
    ) -> Result<StoredResponse, Error> {
        self.write(|tx| messages::create_report(tx, report, respond))
    }

    fn reports(&self, limit: usize) -> Result<Vec<ReportRecord>, Error> {
        messages::reports(&mut *self.conn()?, limit)
    }

    fn add_reply(
        &self,
        reply: &ReplyRecord,
        event: &StatusEvent,
        respond: &Respond<'_>,
    ) -> Result<Option<StoredResponse>, Error> {
        self.write(|tx| messages::add_reply(tx, reply, event, respond))
    }

    fn replies(&self, submission: &str) -> Result<Vec<ReplyRecord>, Error> {
        messages::replies(&mut *self.conn()?, submission)
    }

    fn message_document(
        &self,
        subject: &str,
        message: &str,
        document: &str,
    ) -> Result<Option<DocumentRecord>, Error> {
        messages::message_document(&mut *self.conn()?, subject, message, document)
    }
}
