//! A pooled connection that prepares each statement once: the blocking client prepares an
//! SQL text on every call (one more round trip), so [`Session`] keeps the prepared statements
//! of its connection by their text, and [`Caching`] hands such sessions to the pool. The pool
//! does not test a connection on every checkout (one more round trip); a broken one is noticed
//! when it is returned and replaced.

use std::collections::HashMap;

use ::postgres::{Client, GenericClient, NoTls, Statement};
use r2d2_postgres::PostgresConnectionManager;

/// A connection and the statements prepared on it.
pub(crate) struct Session {
    pub(super) client: Client,
    pub(super) statements: Statements,
}

/// Prepared statements of one connection, by their SQL text.
#[derive(Default)]
pub(crate) struct Statements(HashMap<String, Statement>);

impl Statements {
    /// The statement for `sql` on `client` (the connection these belong to).
    pub(super) fn get(
        &mut self,
        client: &mut impl GenericClient,
        sql: &str,
    ) -> Result<Statement, ::postgres::Error> {
        if let Some(statement) = self.0.get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(sql)?;
        self.0.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }
}

/// The statement calls of a session or a transaction, through the statement cache.
macro_rules! cached_calls {
    ($target:ty, $client:ident, $statements:ident) => {
        // Not every call is used on both targets.
        #[allow(dead_code)]
        impl $target {
            pub(crate) fn query(
                &mut self,
                sql: &str,
                params: &[&(dyn ::postgres::types::ToSql + Sync)],
            ) -> Result<Vec<::postgres::Row>, ::postgres::Error> {
                let statement = self.$statements.get(&mut self.$client, sql)?;
                self.$client.query(&statement, params)
            }

            pub(crate) fn query_one(
                &mut self,
                sql: &str,
                params: &[&(dyn ::postgres::types::ToSql + Sync)],
            ) -> Result<::postgres::Row, ::postgres::Error> {
                let statement = self.$statements.get(&mut self.$client, sql)?;
                self.$client.query_one(&statement, params)
            }

            pub(crate) fn query_opt(
                &mut self,
                sql: &str,
                params: &[&(dyn ::postgres::types::ToSql + Sync)],
            ) -> Result<Option<::postgres::Row>, ::postgres::Error> {
                let statement = self.$statements.get(&mut self.$client, sql)?;
                self.$client.query_opt(&statement, params)
            }

            pub(crate) fn execute(
                &mut self,
                sql: &str,
                params: &[&(dyn ::postgres::types::ToSql + Sync)],
            ) -> Result<u64, ::postgres::Error> {
                let statement = self.$statements.get(&mut self.$client, sql)?;
                self.$client.execute(&statement, params)
            }
        }
    };
}

pub(super) use cached_calls;

cached_calls!(Session, client, statements);

/// The pool's connection manager: sessions over tokio-postgres's blocking client.
pub(super) struct Caching(pub(super) PostgresConnectionManager<NoTls>);

impl r2d2::ManageConnection for Caching {
    type Connection = Session;
    type Error = ::postgres::Error;

    fn connect(&self) -> Result<Session, ::postgres::Error> {
        Ok(Session {
            client: self.0.connect()?,
            statements: Statements::default(),
        })
    }

    fn is_valid(&self, session: &mut Session) -> Result<(), ::postgres::Error> {
        self.0.is_valid(&mut session.client)
    }

    fn has_broken(&self, session: &mut Session) -> bool {
        self.0.has_broken(&mut session.client)
    }
}
