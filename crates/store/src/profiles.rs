//! Profiles: the person (and people they act for, e.g. a child) with the answers that prefill
//! forms (name, address). Ids are the caller's UUIDs.

use domain::form::Answers;
use rusqlite::params;
use uuid::Uuid;

use crate::owner::{CURRENT_OWNER, VISIBLE};
use crate::{Store, StoreError, UnixMillis};

/// A set of prefill answers under a label the person chose.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub id: Uuid,
    pub label: String,
    /// Answers keyed like a form's (FIM ids), used to prefill fields with `prefill` set.
    pub data: Answers,
    pub updated_at: UnixMillis,
}

impl Store {
    /// Stores or replaces a profile of the person using the app now (another person's
    /// profile with the same id is left alone).
    pub fn save_profile(&self, profile: &Profile) -> Result<(), StoreError> {
        self.conn.execute(
            &format!(
                "INSERT INTO profile (id, label, data, updated_at, owner)
                 VALUES (?1, ?2, ?3, ?4, {CURRENT_OWNER})
                 ON CONFLICT (id) DO UPDATE SET label = excluded.label, data = excluded.data,
                   updated_at = excluded.updated_at WHERE {VISIBLE}"
            ),
            params![
                profile.id.to_string(),
                profile.label,
                serde_json::to_string(&profile.data)?,
                profile.updated_at
            ],
        )?;
        Ok(())
    }

    /// All profiles, by label.
    pub fn profiles(&self) -> Result<Vec<Profile>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, label, data, updated_at FROM profile WHERE {VISIBLE} ORDER BY label, id"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut profiles = Vec::new();
        for row in rows {
            let (id, label, data, updated_at) = row?;
            let Ok(id) = Uuid::parse_str(&id) else {
                continue;
            };
            profiles.push(Profile {
                id,
                label,
                data: serde_json::from_str(&data)?,
                updated_at,
            });
        }
        Ok(profiles)
    }

    pub fn delete_profile(&self, id: Uuid) -> Result<(), StoreError> {
        self.conn.execute(
            &format!("DELETE FROM profile WHERE id = ?1 AND {VISIBLE}"),
            [id.to_string()],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use domain::form::{FieldPath, Value};

    use super::*;

    #[test]
    fn profiles_are_kept_replaced_and_deleted() -> Result<(), StoreError> {
        let store = Store::open_in_memory()?;
        let mut data = Answers::new();
        data.set(
            &FieldPath::root().child("familienname"),
            Value::text("Müller"),
        );
        let mut profile = Profile {
            id: Uuid::from_u128(1),
            label: "Ich".into(),
            data,
            updated_at: 1,
        };
        store.save_profile(&profile)?;
        profile.label = "Ida Müller".into();
        store.save_profile(&profile)?;
        assert_eq!(
            store.profiles()?,
            vec![profile.clone()],
            "replaced, not duplicated"
        );
        store.delete_profile(profile.id)?;
        assert!(store.profiles()?.is_empty(), "deleted");
        Ok(())
    }
}
