//! Drafts: one row per application in progress, its answers one row per answered path, so an
//! autosave of one field is one small upsert. A draft remembers the form id and version its
//! answers belong to, the version it was started on, the person's page, and which values
//! need the person's review after a form update.
//!
//! What it must never do: lose an acknowledged answer (every save is committed before it
//! returns), or drop a value when a form changes (it goes to review instead).
//!
//! Paths: writing a path replaces everything below it (`personen` replaces `personen[0].name`);
//! a draft is read back by applying rows from the shortest path to the longest, so a later
//! write below an earlier whole-record write wins.

use domain::form::{migrate_draft, Answers, FieldPath, FormDefinition, Migration, ReviewItem};
use domain::form::{ReviewReason, Value};
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::owner::{CURRENT_OWNER, VISIBLE};
use crate::{Store, StoreError, UnixMillis};

/// Where a draft stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftState {
    /// The person is filling it in.
    Editing,
    /// It was submitted and sits in the outbox; no more edits.
    Queued,
}

impl DraftState {
    fn name(self) -> &'static str {
        match self {
            DraftState::Editing => "editing",
            DraftState::Queued => "queued",
        }
    }
    fn from_name(name: &str) -> DraftState {
        match name {
            "queued" => DraftState::Queued,
            _ => DraftState::Editing,
        }
    }
}

/// What the caller gives to start a draft.
#[derive(Debug, Clone)]
pub struct NewDraft<'a> {
    /// The caller's id for the draft (a fresh UUID).
    pub id: Uuid,
    pub form_id: &'a str,
    pub form_version: &'a str,
    /// The 14-digit LeiKa key of the service, if known.
    pub service_key: Option<&'a str>,
    pub now: UnixMillis,
}

/// A whole draft, as the form page needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: Uuid,
    pub form_id: String,
    /// The version the answers belong to now.
    pub form_version: String,
    /// The version the person started on.
    pub started_on_version: String,
    pub service_key: Option<String>,
    /// The id of the wizard page the person was on.
    pub page: Option<String>,
    pub state: DraftState,
    pub answers: Answers,
    /// Values that did not carry over to `form_version`: show them to the person.
    pub review: Vec<ReviewItem>,
    pub created_at: UnixMillis,
    pub updated_at: UnixMillis,
}

/// A line in "my applications in progress".
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSummary {
    pub id: Uuid,
    pub form_id: String,
    pub form_version: String,
    pub service_key: Option<String>,
    pub page: Option<String>,
    pub state: DraftState,
    pub needs_review: usize,
    pub updated_at: UnixMillis,
}

fn reason_name(reason: ReviewReason) -> &'static str {
    match reason {
        ReviewReason::Removed => "removed",
        ReviewReason::TypeChanged => "type_changed",
        ReviewReason::CodeRemoved => "code_removed",
    }
}

fn reason_from(name: &str) -> ReviewReason {
    match name {
        "type_changed" => ReviewReason::TypeChanged,
        "code_removed" => ReviewReason::CodeRemoved,
        _ => ReviewReason::Removed,
    }
}

/// The bounds of the rows below `path`: `path.…` and `path[…`.
fn below(path: &str) -> [String; 4] {
    [
        format!("{path}."),
        format!("{path}/"),
        format!("{path}["),
        format!("{path}\\"),
    ]
}

fn parse_uuid(text: &str) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// Starts a draft. Starting the same id twice is an error the caller should not see.
    pub fn create_draft(&self, draft: &NewDraft<'_>) -> Result<(), StoreError> {
        self.conn.execute(
            &format!(
                "INSERT INTO draft (id, form_id, form_version, started_on_version, service_key,
                   created_at, updated_at, owner) VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?5, {CURRENT_OWNER})"
            ),
            params![
                draft.id.to_string(),
                draft.form_id,
                draft.form_version,
                draft.service_key,
                draft.now
            ],
        )?;
        Ok(())
    }

    /// Checks that `draft` exists and is being edited, and stamps it with `now`.
    pub(crate) fn touch_editing(
        &self,
        draft: Uuid,
        now: UnixMillis,
        action: &'static str,
    ) -> Result<(), StoreError> {
        let changed = self
            .conn
            .prepare_cached(&format!(
                "UPDATE draft SET updated_at = ?2 WHERE id = ?1 AND state = 'editing' AND {VISIBLE}"
            ))?
            .execute(params![draft.to_string(), now])?;
        if changed == 1 {
            return Ok(());
        }
        match self.draft_state(draft)? {
            None => Err(StoreError::not_found("draft", draft)),
            Some(state) => Err(StoreError::InvalidState {
                what: "draft",
                id: draft.to_string(),
                state: state.name().into(),
                action,
            }),
        }
    }

    fn draft_state(&self, draft: Uuid) -> Result<Option<DraftState>, StoreError> {
        let state: Option<String> = self
            .conn
            .query_row(
                &format!("SELECT state FROM draft WHERE id = ?1 AND {VISIBLE}"),
                [draft.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(state.as_deref().map(DraftState::from_name))
    }

    /// Autosave of one answer: committed before it returns. `Value::Null` clears the answer.
    /// Writing a path replaces what was stored below it; a review flag on it is cleared (the
    /// person has looked at it).
    pub fn save_answer(
        &self,
        draft: Uuid,
        path: &FieldPath,
        value: &Value,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        if path.segments().is_empty() {
            return Err(StoreError::InvalidState {
                what: "path",
                id: String::new(),
                state: "empty".into(),
                action: "save an answer without a field",
            });
        }
        let tx = self.conn.unchecked_transaction()?;
        self.write_answer(draft, path, value, now)?;
        tx.commit()?;
        Ok(())
    }

    /// [`Store::save_answer`] inside the caller's transaction.
    pub(crate) fn write_answer(
        &self,
        draft: Uuid,
        path: &FieldPath,
        value: &Value,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let id = draft.to_string();
        let path_text = path.to_string();
        let tx = &self.conn;
        self.touch_editing(draft, now, "save an answer")?;
        let [dot_lo, dot_hi, idx_lo, idx_hi] = below(&path_text);
        tx.prepare_cached(
            "DELETE FROM draft_answer WHERE draft_id = ?1
               AND ((path > ?2 AND path < ?3) OR (path > ?4 AND path < ?5))",
        )?
        .execute(params![id, dot_lo, dot_hi, idx_lo, idx_hi])?;
        if matches!(value, Value::Null) {
            tx.prepare_cached("DELETE FROM draft_answer WHERE draft_id = ?1 AND path = ?2")?
                .execute(params![id, path_text])?;
        } else {
            tx.prepare_cached(
                "INSERT INTO draft_answer (draft_id, path, depth, value) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (draft_id, path) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![
                id,
                path_text,
                path.segments().len() as i64,
                serde_json::to_string(value)?
            ])?;
        }
        tx.prepare_cached("DELETE FROM draft_review WHERE draft_id = ?1 AND path = ?2")?
            .execute(params![id, path_text])?;
        Ok(())
    }

    /// Remembers the wizard page (its id) the person is on.
    pub fn set_draft_page(
        &self,
        draft: Uuid,
        page: &str,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        self.touch_editing(draft, now, "change page")?;
        tx.execute(
            "UPDATE draft SET page = ?2 WHERE id = ?1",
            params![draft.to_string(), page],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The person has looked at a value set aside by a form update and dismissed it.
    pub fn dismiss_review(
        &self,
        draft: Uuid,
        path: &FieldPath,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        self.touch_editing(draft, now, "dismiss a review")?;
        tx.execute(
            "DELETE FROM draft_review WHERE draft_id = ?1 AND path = ?2",
            params![draft.to_string(), path.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn draft_answers(&self, id: &str) -> Result<Answers, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, value FROM draft_answer WHERE draft_id = ?1 ORDER BY depth, path",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut answers = Answers::new();
        for row in rows {
            let (path, value) = row?;
            // A path that no longer parses (ids are validated on the way in) is skipped, not fatal.
            if let Some(path) = FieldPath::parse(&path) {
                answers.set(&path, serde_json::from_str(&value)?);
            }
        }
        Ok(answers)
    }

    fn draft_review(&self, id: &str) -> Result<Vec<ReviewItem>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, reason, old_value FROM draft_review WHERE draft_id = ?1 ORDER BY path",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut review = Vec::new();
        for row in rows {
            let (path, reason, old_value) = row?;
            review.push(ReviewItem {
                path: FieldPath::parse(&path).unwrap_or_default(),
                reason: reason_from(&reason),
                old_value: serde_json::from_str(&old_value)?,
            });
        }
        Ok(review)
    }

    /// For each answer set aside by a form update: the form version it was given on (to name
    /// it with that version's label when the new version no longer has the field).
    pub fn review_versions(&self, draft: Uuid) -> Result<Vec<(FieldPath, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, from_version FROM draft_review WHERE draft_id = ?1 ORDER BY path",
        )?;
        let rows = stmt.query_map([draft.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut found = Vec::new();
        for row in rows {
            let (path, version) = row?;
            if let Some(path) = FieldPath::parse(&path) {
                found.push((path, version));
            }
        }
        Ok(found)
    }

    /// A whole draft, or `None` if there is none with this id.
    pub fn draft(&self, draft: Uuid) -> Result<Option<Draft>, StoreError> {
        let id = draft.to_string();
        let row = self
            .conn
            .query_row(
                &format!(
                    "SELECT form_id, form_version, started_on_version, service_key, page, state,
                       created_at, updated_at FROM draft WHERE id = ?1 AND {VISIBLE}"
                ),
                [&id],
                |r| {
                    Ok(Draft {
                        id: draft,
                        form_id: r.get(0)?,
                        form_version: r.get(1)?,
                        started_on_version: r.get(2)?,
                        service_key: r.get(3)?,
                        page: r.get(4)?,
                        state: DraftState::from_name(&r.get::<_, String>(5)?),
                        answers: Answers::new(),
                        review: Vec::new(),
                        created_at: r.get(6)?,
                        updated_at: r.get(7)?,
                    })
                },
            )
            .optional()?;
        let Some(mut found) = row else {
            return Ok(None);
        };
        found.answers = self.draft_answers(&id)?;
        found.review = self.draft_review(&id)?;
        Ok(Some(found))
    }

    /// All drafts, the most recently edited first.
    pub fn drafts(&self) -> Result<Vec<DraftSummary>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, form_id, form_version, service_key, page, state, updated_at,
               (SELECT count(*) FROM draft_review r WHERE r.draft_id = d.id)
             FROM draft d WHERE {VISIBLE} ORDER BY updated_at DESC, id"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(DraftSummary {
                id: parse_uuid(&r.get::<_, String>(0)?)?,
                form_id: r.get(1)?,
                form_version: r.get(2)?,
                service_key: r.get(3)?,
                page: r.get(4)?,
                state: DraftState::from_name(&r.get::<_, String>(5)?),
                updated_at: r.get(6)?,
                needs_review: r.get::<_, i64>(7)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes a draft that is being edited (the person gave up). A queued draft stays with
    /// its submission.
    pub fn delete_draft(&self, draft: Uuid) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        self.touch_editing(draft, 0, "delete")?;
        tx.execute(
            "DELETE FROM draft_attachment WHERE draft_id = ?1",
            [draft.to_string()],
        )?;
        tx.execute("DELETE FROM draft WHERE id = ?1", [draft.to_string()])?;
        tx.commit()?;
        Ok(())
    }

    /// Carries a draft over to `new` (a newer version of its form): the answers whose field
    /// ids and types still match move over, the rest is stored for review. The definition the
    /// draft is on must be stored ([`Store::save_form_definition`]); `new` is stored too.
    /// A draft already on `new.version` is left alone (an empty migration is returned).
    pub fn migrate_draft(
        &self,
        draft: Uuid,
        new: &FormDefinition,
        now: UnixMillis,
    ) -> Result<Migration, StoreError> {
        let current = self
            .draft(draft)?
            .ok_or_else(|| StoreError::not_found("draft", draft))?;
        if current.form_id != new.id {
            return Err(StoreError::InvalidState {
                what: "draft",
                id: draft.to_string(),
                state: format!("on form {}", current.form_id),
                action: "migrate to another form",
            });
        }
        if current.form_version == new.version {
            return Ok(Migration {
                answers: current.answers,
                review: Vec::new(),
            });
        }
        let old = self
            .form_definition(&current.form_id, &current.form_version)?
            .ok_or_else(|| StoreError::FormVersionMissing {
                form_id: current.form_id.clone(),
                version: current.form_version.clone(),
            })?;
        let migration = migrate_draft(&old, new, &current.answers);
        let id = draft.to_string();
        let tx = self.conn.unchecked_transaction()?;
        self.touch_editing(draft, now, "migrate")?;
        self.save_form_definition_in(&tx, new, now)?;
        tx.execute("DELETE FROM draft_answer WHERE draft_id = ?1", [&id])?;
        for (key, value) in &migration.answers.0 {
            tx.execute(
                "INSERT INTO draft_answer (draft_id, path, depth, value) VALUES (?1, ?2, 1, ?3)",
                params![id, key, serde_json::to_string(value)?],
            )?;
        }
        for item in &migration.review {
            tx.execute(
                "INSERT INTO draft_review (draft_id, path, reason, old_value, from_version)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (draft_id, path) DO UPDATE SET reason = excluded.reason,
                   old_value = excluded.old_value, from_version = excluded.from_version",
                params![
                    id,
                    item.path.to_string(),
                    reason_name(item.reason),
                    serde_json::to_string(&item.old_value)?,
                    current.form_version
                ],
            )?;
        }
        tx.execute(
            "UPDATE draft SET form_version = ?2 WHERE id = ?1",
            params![id, new.version],
        )?;
        tx.commit()?;
        Ok(migration)
    }

    /// Migrates every draft being edited on another version of `new`'s form; for the shell
    /// after a catalog refresh. Returns the drafts that moved, with what needs review.
    pub fn migrate_drafts(
        &self,
        new: &FormDefinition,
        now: UnixMillis,
    ) -> Result<Vec<(Uuid, Migration)>, StoreError> {
        let ids: Vec<Uuid> = {
            let mut stmt = self.conn.prepare(
                "SELECT id FROM draft WHERE form_id = ?1 AND form_version <> ?2 AND state = 'editing'",
            )?;
            let rows = stmt.query_map(params![new.id, new.version], |r| {
                parse_uuid(&r.get::<_, String>(0)?)
            })?;
            rows.collect::<Result<_, _>>()?
        };
        ids.into_iter()
            .map(|id| Ok((id, self.migrate_draft(id, new, now)?)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
