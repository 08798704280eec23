//! The record of assisted sessions held on a shared device (#14), for the Digitallotse's
//! volunteer report: per session the day, the services worked on (LeiKa keys) and how it
//! ended. Nothing about the visitor: no name, no time of day, no answer.

use rusqlite::params;

use crate::{Store, StoreError};

/// One assisted session as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssistedSession {
    /// `YYYY-MM-DD` (the citizen's day).
    pub day: String,
    /// `sent`, `discarded` or `nothing` (the app's core names them).
    pub outcome: String,
    /// LeiKa keys, each once.
    pub services: Vec<String>,
}

impl Store {
    pub fn record_assisted_session(&self, session: &AssistedSession) -> Result<(), StoreError> {
        let services = serde_json::to_string(&session.services)?;
        self.conn.execute(
            "INSERT INTO assisted_session (day, outcome, services) VALUES (?1, ?2, ?3)",
            params![session.day, session.outcome, services],
        )?;
        Ok(())
    }

    /// Every recorded session, oldest first.
    pub fn assisted_sessions(&self) -> Result<Vec<AssistedSession>, StoreError> {
        let mut statement = self
            .conn
            .prepare("SELECT day, outcome, services FROM assisted_session ORDER BY id")?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (day, outcome, services) = row?;
            out.push(AssistedSession {
                day,
                outcome,
                services: serde_json::from_str(&services)?,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_kept_in_order_with_their_services() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        assert!(store.assisted_sessions()?.is_empty());
        let first = AssistedSession {
            day: "2026-12-06".into(),
            outcome: "sent".into(),
            services: vec!["99108001001000".into(), "99115004001005".into()],
        };
        let second = AssistedSession {
            day: "2026-12-07".into(),
            outcome: "discarded".into(),
            services: vec![],
        };
        store.record_assisted_session(&first)?;
        store.record_assisted_session(&second)?;
        assert_eq!(store.assisted_sessions()?, vec![first, second]);
        Ok(())
    }
}
