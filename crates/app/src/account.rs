//! Who uses the app: logging in through the system browser (OAuth 2 + PKCE with a loopback
//! redirect, RFC 8252), logging out, forgetting the person's data on this device, and taking
//! over a login kept from before data had owners. The store shows the data of the person
//! logged in, and only theirs; tokens never leave the app's core.

use std::time::Duration;

use domain::ipc::{AccountView, Forgotten};
use store::Owner;
use sync::{Account, PendingLogin};

use crate::{App, Error};

/// How long the app waits for the person to finish logging in in the browser (long enough for
/// an eID card and its PIN, short enough that the loopback port does not stay open for long).
pub const LOGIN_TIMEOUT: Duration = Duration::from_secs(300);

/// The account as the window shows it.
fn view(account: Account) -> AccountView {
    AccountView {
        logged_in: account.logged_in,
        display_name: account.display_name,
        trust_level: account.trust_level,
        needs_login: account.needs_login,
    }
}

impl App {
    pub async fn account(&self) -> Result<AccountView, Error> {
        // Locked between sessions, the device's person is nobody's business.
        drop(self.store()?);
        Ok(view(self.session.account().await?))
    }

    /// Starts a login: the caller opens its address in the system browser.
    pub async fn begin_login(&self) -> Result<PendingLogin, Error> {
        Ok(self.session.begin_login().await?)
    }

    /// Waits for the browser's answer (at most `timeout`), then shows the store of the person
    /// who logged in. Who that is comes from the state API for this login; if it cannot say,
    /// the login is undone rather than kept under the wrong person.
    pub async fn finish_login(
        &self,
        pending: PendingLogin,
        timeout: Duration,
    ) -> Result<AccountView, Error> {
        let account = self.session.finish_login(pending, timeout).await?;
        let _change = self.account_change.lock().await;
        match self.session.identity().await {
            Ok((_, subject)) => self.store()?.set_owner(&Owner::Account(subject))?,
            Err(error) => {
                let _ = self.session.logout().await;
                self.store()?.set_owner(&Owner::Device)?;
                return Err(error.into());
            }
        }
        self.nudge_sync();
        Ok(view(account))
    }

    /// Logs out; whatever the logout at the state API did, the person's data is hidden.
    pub async fn log_out(&self) -> Result<AccountView, Error> {
        let _change = self.account_change.lock().await;
        let logged_out = self.session.logout().await;
        self.store()?.set_owner(&Owner::Device)?;
        logged_out?;
        self.account().await
    }

    /// Logs out and deletes the person's data from this device (a shared tablet before the
    /// next person, a phone that changes hands). The logout's network part is best effort;
    /// the deletion is not: its error is the answer. `files_deleted` deletes the files the app
    /// saved (printouts, documents) and says how many; it runs after the store's deletion.
    pub async fn forget_personal_data(
        &self,
        files_deleted: impl FnOnce() -> u32,
    ) -> Result<Forgotten, Error> {
        let _change = self.account_change.lock().await;
        // Tokens first: whatever happens next, nobody is left logged in as this person.
        let _ = self.session.logout().await;
        let store = self.store()?;
        store.set_owner(&Owner::Device)?;
        let forgotten = store.forget_personal_data()?;
        Ok(Forgotten {
            drafts: forgotten.drafts,
            submissions: forgotten.submissions,
            unsent: forgotten.unsent,
            messages: forgotten.messages,
            reports: forgotten.reports,
            printouts: files_deleted(),
        })
    }

    /// A login kept in the keychain that the store does not know the person of (kept from
    /// before data had owners): the store takes the logged-in person as the one using the
    /// app. Runs when the app starts and when it comes online; does nothing while nobody is
    /// logged in.
    pub async fn take_over_kept_login(&self) {
        let _change = self.account_change.lock().await;
        let unknown = self
            .store()
            .and_then(|s| Ok(s.owner()?))
            .is_ok_and(|owner| owner == Owner::Device);
        if !unknown || !self.logged_in().await {
            return;
        }
        if let Ok((_, subject)) = self.session.identity().await {
            if let Ok(store) = self.store() {
                let _ = store.set_owner(&Owner::Account(subject));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::TestApp;

    use super::*;

    #[tokio::test]
    async fn logging_out_hides_the_persons_data_even_offline() {
        let test = TestApp::new();
        let draft = test
            .app
            .start_draft(domain::ipc::StartDraftRequest {
                form_id: "bewohnerparkausweis".into(),
                leika_key: "99108008000000".into(),
            })
            .expect("a draft");
        assert_eq!(test.app.applications().await.expect("a list").len(), 1);
        // No state API answers here: the logout's network part fails or is skipped, the
        // hiding does not.
        let _ = test.app.log_out().await;
        assert_eq!(
            test.app.store().expect("store").owner().expect("owner"),
            Owner::Device
        );
        assert!(
            test.app.applications().await.expect("a list").is_empty(),
            "Anna's draft is not shown to whoever uses the device next"
        );
        let hidden = test.app.load_draft(domain::ipc::DraftRef {
            draft_id: draft.draft_id,
        });
        assert!(matches!(hidden, Err(Error::NotFound)), "{hidden:?}");
    }

    #[tokio::test]
    async fn forgetting_deletes_the_data_and_counts_the_files() {
        let test = TestApp::new();
        test.app
            .start_draft(domain::ipc::StartDraftRequest {
                form_id: "bewohnerparkausweis".into(),
                leika_key: "99108008000000".into(),
            })
            .expect("a draft");
        let forgotten = test
            .app
            .forget_personal_data(|| 2)
            .await
            .expect("forgotten");
        assert_eq!((forgotten.drafts, forgotten.printouts), (1, 2));
        test.app
            .store()
            .expect("store")
            .set_owner(&Owner::Account("anna".into()))
            .expect("anna again");
        assert!(
            test.app.applications().await.expect("a list").is_empty(),
            "deleted, not hidden"
        );
    }
}
