//! Authorization codes and tokens in PostgreSQL (stored by their hashes). Taking a code and
//! using a refresh token are one statement each, so of two requests with the same code or
//! token (on two instances) only one takes it first.

use ::postgres::Row;

use super::{to_usize, Tx};
use crate::error::Error;
use crate::storage::*;

const TOKEN_COLUMNS: &str = "kind, subject, client_id, scope, expires_at, family, used_at";

fn token_of(row: &Row) -> Result<TokenRecord, Error> {
    let kind: String = row.try_get(0)?;
    Ok(TokenRecord {
        kind: if kind == TokenKind::Refresh.as_str() {
            TokenKind::Refresh
        } else {
            TokenKind::Access
        },
        subject: row.try_get(1)?,
        client_id: row.try_get(2)?,
        scope: row.try_get(3)?,
        expires_at: row.try_get(4)?,
        family: row.try_get(5)?,
        used_at: row.try_get(6)?,
    })
}

pub(super) fn put_code(tx: &mut Tx<'_>, code_hash: &str, c: &AuthCode) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO auth_codes (code_hash, client_id, redirect_uri, code_challenge, subject,
             scope, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &code_hash,
            &c.client_id,
            &c.redirect_uri,
            &c.code_challenge,
            &c.subject,
            &c.scope,
            &c.expires_at,
        ],
    )?;
    Ok(())
}

/// Deletes the code and returns what it held, in one statement.
pub(super) fn take_code(tx: &mut Tx<'_>, code_hash: &str) -> Result<Option<AuthCode>, Error> {
    tx.query_opt(
        "DELETE FROM auth_codes WHERE code_hash = $1
         RETURNING client_id, redirect_uri, code_challenge, subject, scope, expires_at",
        &[&code_hash],
    )?
    .map(|row| {
        Ok(AuthCode {
            client_id: row.try_get(0)?,
            redirect_uri: row.try_get(1)?,
            code_challenge: row.try_get(2)?,
            subject: row.try_get(3)?,
            scope: row.try_get(4)?,
            expires_at: row.try_get(5)?,
        })
    })
    .transpose()
}

pub(super) fn put_token(tx: &mut Tx<'_>, token_hash: &str, t: &TokenRecord) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO tokens (token_hash, kind, subject, client_id, scope, expires_at, family,
             used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &token_hash,
            &t.kind.as_str(),
            &t.subject,
            &t.client_id,
            &t.scope,
            &t.expires_at,
            &t.family,
            &t.used_at,
        ],
    )?;
    Ok(())
}

pub(super) fn token(
    conn: &mut super::Session,
    token_hash: &str,
) -> Result<Option<TokenRecord>, Error> {
    let sql = format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE token_hash = $1");
    conn.query_opt(&sql, &[&token_hash])?
        .map(|row| token_of(&row))
        .transpose()
}

/// Locks the token, marks it used if it was not, and returns it as it was before: one
/// statement (a data-modifying CTE sees the row as the statement found it).
pub(super) fn use_refresh_token(
    tx: &mut Tx<'_>,
    token_hash: &str,
    now: i64,
) -> Result<Option<TokenRecord>, Error> {
    let sql = format!(
        "WITH before AS (
             SELECT {TOKEN_COLUMNS} FROM tokens WHERE token_hash = $1 FOR UPDATE),
         marked AS (
             UPDATE tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL)
         SELECT {TOKEN_COLUMNS} FROM before"
    );
    tx.query_opt(&sql, &[&token_hash, &now])?
        .map(|row| token_of(&row))
        .transpose()
}

pub(super) fn revoke_family(tx: &mut Tx<'_>, family: &str) -> Result<usize, Error> {
    Ok(to_usize(tx.execute(
        "DELETE FROM tokens WHERE family = $1",
        &[&family],
    )?))
}
