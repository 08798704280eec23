//! Profiles: the person (and people they act for, e.g. a child) with the answers that prefill
//! forms (name, address). Ids are the caller's UUIDs.

use domain::form::Answers;
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::owner::{CURRENT_OWNER, VISIBLE};
use crate::{Store, StoreError, UnixMillis};

/// The label of the profile that holds the person's own details (`domain::form::autofill`).
const MY_DETAILS: &str = "me";

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

    /// The details the person using the app now chose to keep for later forms (their own
    /// only: not the device's, not another account's).
    pub fn my_details(&self) -> Result<Option<Answers>, StoreError> {
        let data: Option<String> = self
            .conn
            .query_row(
                &format!(
                    "SELECT data FROM profile WHERE label = ?1 AND owner = {CURRENT_OWNER}
                     ORDER BY updated_at DESC LIMIT 1"
                ),
                [MY_DETAILS],
                |r| r.get(0),
            )
            .optional()?;
        Ok(data.map(|d| serde_json::from_str(&d)).transpose()?)
    }

    /// Keeps `details` as the person's own (replacing what was kept); `new_id` names the row
    /// when there was none.
    pub fn save_my_details(
        &self,
        new_id: Uuid,
        details: &Answers,
        now: UnixMillis,
    ) -> Result<(), StoreError> {
        let data = serde_json::to_string(details)?;
        let changed = self.conn.execute(
            &format!(
                "UPDATE profile SET data = ?2, updated_at = ?3
                 WHERE label = ?1 AND owner = {CURRENT_OWNER}"
            ),
            params![MY_DETAILS, data, now],
        )?;
        if changed == 0 {
            self.conn.execute(
                &format!(
                    "INSERT INTO profile (id, label, data, updated_at, owner)
                     VALUES (?1, ?2, ?3, ?4, {CURRENT_OWNER})"
                ),
                params![new_id.to_string(), MY_DETAILS, data, now],
            )?;
        }
        Ok(())
    }

    /// Removes the details the person using the app now kept.
    pub fn forget_my_details(&self) -> Result<(), StoreError> {
        self.conn.execute(
            &format!("DELETE FROM profile WHERE label = ?1 AND owner = {CURRENT_OWNER}"),
            [MY_DETAILS],
        )?;
        Ok(())
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

    #[test]
    fn my_details_are_mine_and_replaced_not_added() -> Result<(), StoreError> {
        use domain::form::{FieldPath, Value};
        let store = Store::open_in_memory()?;
        let name = FieldPath::root().child("family_name");
        let mut details = Answers::new();
        details.set(&name, Value::text("Beispiel"));
        store.set_owner(&crate::Owner::Account("anna".into()))?;
        assert_eq!(store.my_details()?, None);
        store.save_my_details(Uuid::from_u128(1), &details, 1)?;
        details.set(&name, Value::text("Muster"));
        store.save_my_details(Uuid::from_u128(2), &details, 2)?;
        assert_eq!(store.my_details()?, Some(details.clone()), "replaced");
        for other in [crate::Owner::Device, crate::Owner::Account("ben".into())] {
            store.set_owner(&other)?;
            assert_eq!(store.my_details()?, None, "{other:?} gets none of Anna's");
        }
        store.set_owner(&crate::Owner::Account("anna".into()))?;
        store.forget_my_details()?;
        assert_eq!(store.my_details()?, None, "forgotten");
        Ok(())
    }
}
