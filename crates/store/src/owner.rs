//! Whose data a row is. Drafts, submissions (and so their outbox rows), inbox messages and
//! profiles carry an owner: an account at the state API, or this device while nobody is logged
//! in. The store knows who uses the app now (a setting, set by the shell at login and logout)
//! and shows only that person's rows and the device's: after a logout the next person sees
//! nothing of the last one.
//!
//! The SQL below reads the current owner inside each statement, so a query and the owner it
//! is filtered by can never come from two different moments.

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::{Store, StoreError};

/// The setting that holds who uses the app now ([`Owner::to_text`]).
const OWNER: &str = "owner";

/// Who a row belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Owner {
    /// This device while nobody is logged in: whoever uses it without a login sees it.
    #[default]
    Device,
    /// An account at the state API, by its subject (`sub`).
    Account(String),
}

impl Owner {
    /// The stored form: `device`, or `account:` and the subject.
    pub fn to_text(&self) -> String {
        match self {
            Owner::Device => "device".into(),
            Owner::Account(subject) => format!("account:{subject}"),
        }
    }

    /// Reads the stored form; anything else is the device (it shows nothing of an account).
    pub fn from_text(text: &str) -> Owner {
        match text.strip_prefix("account:") {
            Some(subject) if !subject.is_empty() => Owner::Account(subject.into()),
            _ => Owner::Device,
        }
    }

    pub fn is_account(&self) -> bool {
        matches!(self, Owner::Account(_))
    }
}

/// The owner new rows get: the person using the app now.
pub(crate) const CURRENT_OWNER: &str =
    "IFNULL((SELECT value FROM setting WHERE key = 'owner'), 'device')";

/// Rows the person using the app now may see: their own and the device's.
pub(crate) const VISIBLE: &str =
    "owner IN ('device', IFNULL((SELECT value FROM setting WHERE key = 'owner'), 'device'))";

/// Rows the person using the app now can send: their own, and only when logged in.
pub(crate) const SENDABLE: &str = "owner = (SELECT value FROM setting WHERE key = 'owner')";

impl Store {
    /// Who uses the app now.
    pub fn owner(&self) -> Result<Owner, StoreError> {
        Ok(self
            .setting(OWNER)?
            .as_deref()
            .map(Owner::from_text)
            .unwrap_or_default())
    }

    /// Someone logged in (an account) or out ([`Owner::Device`]): from now on only their
    /// rows and the device's are shown, and new rows are theirs.
    pub fn set_owner(&self, owner: &Owner) -> Result<(), StoreError> {
        match owner {
            Owner::Device => {
                self.conn
                    .execute("DELETE FROM setting WHERE key = ?1", [OWNER])?;
            }
            Owner::Account(_) => self.set_setting(OWNER, &owner.to_text())?,
        }
        Ok(())
    }

    /// Who a submission belongs to, if it is visible now.
    pub fn submission_owner(&self, submission: Uuid) -> Result<Option<Owner>, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row(
                &format!("SELECT owner FROM submission WHERE id = ?1 AND {VISIBLE}"),
                [submission.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(text.as_deref().map(Owner::from_text))
    }

    /// The logged-in person takes a submission that was queued on this device without a login
    /// as theirs, so it is sent under their account. Only a device's submission can be taken,
    /// and only by an account: another account's submission is never moved.
    pub fn claim_submission(&self, submission: Uuid) -> Result<(), StoreError> {
        let owner = self.owner()?;
        if !owner.is_account() {
            return Err(StoreError::InvalidState {
                what: "submission",
                id: submission.to_string(),
                state: "device".into(),
                action: "claim without a login",
            });
        }
        let changed = self.conn.execute(
            "UPDATE submission SET owner = ?2 WHERE id = ?1 AND owner = 'device'",
            params![submission.to_string(), owner.to_text()],
        )?;
        if changed == 1 || self.submission_owner(submission)? == Some(owner) {
            return Ok(());
        }
        Err(StoreError::not_found("submission", submission))
    }
}

#[cfg(test)]
mod tests {
    use domain::form::{FieldPath, Value};

    use super::*;
    use crate::{InboxMessage, NewDraft, Profile};

    fn draft(store: &Store, n: u128) -> Result<Uuid, StoreError> {
        let id = Uuid::from_u128(n);
        store.create_draft(&NewDraft {
            id,
            form_id: "f",
            form_version: "1",
            service_key: None,
            now: 1,
        })?;
        store.save_answer(id, &FieldPath::root().child("name"), &Value::text("Ida"), 2)?;
        Ok(id)
    }

    fn message(id: &str) -> InboxMessage {
        InboxMessage {
            id: id.into(),
            submission_id: None,
            subject: "Bescheid".into(),
            body: "…".into(),
            sender: "Stadt Erfurt".into(),
            received_at: 3,
            read_at: None,
        }
    }

    #[test]
    fn owners_round_trip_through_their_text() {
        for owner in [Owner::Device, Owner::Account("c-1".into())] {
            assert_eq!(Owner::from_text(&owner.to_text()), owner);
        }
        assert_eq!(Owner::from_text("account:"), Owner::Device);
        assert_eq!(Owner::from_text("anything"), Owner::Device);
    }

    #[test]
    fn a_logout_hides_the_persons_data_and_their_login_shows_it_again(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let store = Store::open_in_memory()?;
        let ida = Owner::Account("ida".into());
        let ben = Owner::Account("ben".into());
        let on_device = draft(&store, 1)?;
        store.set_owner(&ida)?;
        let idas = draft(&store, 2)?;
        let submission = Uuid::from_u128(20);
        store.submit(idas, submission, &domain::form::Answers::new(), 4)?;
        store.save_message(&message("m-ida"), &ida)?;
        store.save_profile(&Profile {
            id: Uuid::from_u128(30),
            label: "Ich".into(),
            data: domain::form::Answers::new(),
            updated_at: 5,
        })?;
        assert_eq!(store.drafts()?.len(), 2, "Ida sees hers and the device's");
        assert_eq!(store.outbox_due(10, 10)?.len(), 1, "Ida's is sendable");

        for other in [Owner::Device, ben] {
            store.set_owner(&other)?;
            let drafts: Vec<Uuid> = store.drafts()?.iter().map(|d| d.id).collect();
            assert_eq!(drafts, vec![on_device], "{other:?} sees only the device's");
            assert!(store.draft(idas)?.is_none(), "not even by id");
            assert!(store.submissions()?.is_empty());
            assert!(store.submission(submission)?.is_none());
            assert!(
                store.outbox_due(10, 10)?.is_empty(),
                "never sent as {other:?}"
            );
            assert!(store.outbox_entries()?.is_empty());
            assert!(store.inbox()?.is_empty());
            assert!(store.message("m-ida")?.is_none());
            assert_eq!(store.unread_count()?, 0);
            assert!(store.profiles()?.is_empty());
            assert!(
                store
                    .save_answer(idas, &FieldPath::root().child("name"), &Value::text("x"), 6)
                    .is_err(),
                "a hidden draft cannot be written"
            );
            assert!(store.delete_draft(idas).is_err(), "nor deleted");
            assert!(store.claim_submission(submission).is_err(), "nor taken");
        }
        store.set_owner(&ida)?;
        assert_eq!(store.drafts()?.len(), 2, "back after Ida's login");
        assert_eq!(store.inbox()?.len(), 1);
        assert_eq!(store.profiles()?.len(), 1);
        assert_eq!(store.outbox_due(10, 10)?.len(), 1);
        Ok(())
    }

    #[test]
    fn an_application_queued_without_a_login_is_sent_only_once_someone_takes_it(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let store = Store::open_in_memory()?;
        let id = draft(&store, 1)?;
        let submission = Uuid::from_u128(10);
        store.submit(id, submission, &domain::form::Answers::new(), 2)?;
        assert!(store.outbox_due(10, 10)?.is_empty(), "nobody to send it as");
        assert_eq!(store.submission_owner(submission)?, Some(Owner::Device));
        assert!(
            store.claim_submission(submission).is_err(),
            "the device cannot take it"
        );
        store.set_owner(&Owner::Account("ida".into()))?;
        assert!(
            store.outbox_due(10, 10)?.is_empty(),
            "a login alone does not send it as whoever logged in"
        );
        store.claim_submission(submission)?;
        assert_eq!(
            store.submission_owner(submission)?,
            Some(Owner::Account("ida".into()))
        );
        assert_eq!(
            store.outbox_due(10, 10)?.len(),
            1,
            "now it is Ida's to send"
        );
        store.set_owner(&Owner::Account("ben".into()))?;
        assert!(
            store.claim_submission(submission).is_err(),
            "Ben cannot take Ida's"
        );
        Ok(())
    }
}
