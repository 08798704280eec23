//! Applications: a draft checked by the same engine the state API uses and queued durably in
//! the outbox for the place that is responsible; "my applications"; taking over one queued
//! without a login; withdrawing one that was sent.

use domain::form::Form;
use domain::ipc::{ApplicationSummary, DraftRef, SubmissionRef, SubmissionView, SubmitResponse};
use domain::problem::ProblemCode;
use store::Owner;
use sync::SyncError;
use uuid::Uuid;

use crate::{parse_id, views, App, Error};

/// The person's place as the settings hold it, when it is a municipality key (AGS, 8 or 12
/// digits): it routes an application to the office responsible there, and its statute's
/// fee is the one the form computes.
fn place_of(home_municipality: Option<String>) -> Option<String> {
    home_municipality
        .filter(|ags| matches!(ags.len(), 8 | 12) && ags.bytes().all(|b| b.is_ascii_digit()))
}

impl App {
    /// Validates with the same engine the state API uses; only a valid draft is queued,
    /// durably, and the outbox worker is woken.
    pub fn submit_draft(&self, request: DraftRef) -> Result<SubmitResponse, Error> {
        let draft_id = parse_id(&request.draft_id)?;
        let today = self.today()?;
        let store = self.store()?;
        let draft = store.draft(draft_id)?.ok_or(Error::NotFound)?;
        let definition = views::form_of(&store, &draft.form_id, &draft.form_version)?;
        let form = Form::new(definition).map_err(|_| Error::FormBroken)?;
        let place = place_of(store.settings()?.home_municipality);
        let facts = views::facts(
            &store,
            draft.service_key.as_deref(),
            place.as_deref(),
            today,
        );
        let data = match form.submission_with(&draft.answers, facts) {
            Err(problems) => return Ok(SubmitResponse::Invalid { problems }),
            Ok(data) => data,
        };
        // The general application has no office of its own: without the place it would go
        // nowhere. Nothing is queued; the draft stays as it is.
        if draft.form_id == domain::GENERAL_APPLICATION_FORM && place.is_none() {
            return Err(Error::PlaceNeeded);
        }
        let submission_id = Uuid::new_v4();
        store.submit_for_place(draft_id, submission_id, &data, place.as_deref(), self.now())?;
        drop(store);
        self.nudge_sync();
        Ok(SubmitResponse::Queued {
            submission_id: submission_id.to_string(),
        })
    }

    /// Drafts being edited, then applications, newest first within each.
    pub async fn applications(&self) -> Result<Vec<ApplicationSummary>, Error> {
        let logged_in = self.logged_in().await;
        views::applications(&*self.store()?, logged_in, self.today()?)
    }

    pub async fn submission(&self, request: SubmissionRef) -> Result<SubmissionView, Error> {
        let logged_in = self.logged_in().await;
        views::submission_view(
            &*self.store()?,
            parse_id(&request.submission_id)?,
            logged_in,
        )
    }

    /// The logged-in person takes an application queued on this device without a login as
    /// theirs: from now on it is sent under their account, and only theirs.
    pub fn claim_submission(&self, request: SubmissionRef) -> Result<(), Error> {
        self.store()?
            .claim_submission(parse_id(&request.submission_id)?)?;
        self.nudge_sync();
        Ok(())
    }

    /// Withdraws a sent application (#18): the state API marks it withdrawn and the timeline
    /// keeps the step. It needs a connection and the login of the person who sent it; the
    /// server answers a repeated withdrawal the same, so a retry after a lost answer is safe.
    pub async fn withdraw(&self, request: SubmissionRef) -> Result<SubmissionView, Error> {
        let id = parse_id(&request.submission_id)?;
        // Only an application the store shows (the person's own), sent and not yet decided.
        let server_ref = {
            let store = self.store()?;
            let submission = store.submission(id)?.ok_or(Error::NotFound)?;
            let status = domain::ipc::ApplicationStatus::from(submission.status);
            match submission.server_ref {
                Some(server_ref) if status.can_be_withdrawn() => server_ref,
                _ => return Err(Error::NotWithdrawable),
            }
        };
        let (token, subject) = self.session.identity().await?;
        // Under the account the store shows, which is the one that sent it (the server checks
        // too).
        if self.store()?.owner()? != Owner::Account(subject) {
            return Err(Error::LoginRequired);
        }
        let answer = self
            .client
            .withdraw(&token, &server_ref)
            .await
            .map_err(withdraw_error)?;
        // The steps the answer brings, each with the verdict on the authority's signature.
        let history = sync::judged_history(&self.client, &answer, self.now()).await;
        self.store()?.record_history(id, &history)?;
        self.submission(request).await
    }
}

fn withdraw_error(error: SyncError) -> Error {
    match error.problem() {
        Some((409, Some(problem))) if problem.is(ProblemCode::NotWithdrawable) => {
            Error::NotWithdrawable
        }
        Some((404, _)) => Error::NotFound,
        _ => Error::Sync(error),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use domain::ipc::{ApplicationStatus, SettingsUpdate, StartDraftRequest};
    use serde_json::json;

    use crate::testing::TestApp;

    use super::*;

    fn general_application(test: &TestApp, complete: bool) -> String {
        let draft = test
            .app
            .start_draft(StartDraftRequest {
                form_id: domain::GENERAL_APPLICATION_FORM.into(),
                leika_key: "99108008000000".into(),
            })
            .expect("a draft")
            .draft_id;
        let mut answers = vec![
            ("art", json!("beantragen")),
            ("beschreibung", json!("Ich möchte meinen Hund abmelden.")),
            ("antragsteller.familienname", json!("Muster")),
            ("antragsteller.vornamen", json!("Anna")),
            (
                "antragsteller.anschrift",
                json!({"strasse": "Anger", "hausnummer": "1", "plz": "99084", "ort": "Erfurt"}),
            ),
            ("antragsteller.antwortweg", json!("postfach")),
            ("einwilligung", json!(true)),
        ];
        if complete {
            answers.push(("angaben_richtig", json!(true)));
        }
        for (path, value) in answers {
            test.app
                .save_answer(domain::ipc::SaveAnswerRequest {
                    draft_id: draft.clone(),
                    path: path.into(),
                    value,
                })
                .expect("saved");
        }
        draft
    }

    fn set_place(test: &TestApp, place: Option<&str>) {
        test.app
            .update_settings(
                SettingsUpdate {
                    home_municipality: Some(place.map(str::to_string)),
                    ..Default::default()
                },
                || false,
            )
            .expect("settings");
    }

    async fn nudged(test: &TestApp) -> bool {
        let wakeup = test.app.sync_wakeup();
        tokio::time::timeout(Duration::from_millis(20), wakeup.notified())
            .await
            .is_ok()
    }

    #[tokio::test]
    async fn only_a_valid_draft_for_a_place_is_queued_and_the_worker_woken() {
        let test = TestApp::new();
        set_place(&test, Some("16051000"));

        // Missing an answer: the problems come back, nothing is queued.
        let draft = general_application(&test, false);
        let answer = test
            .app
            .submit_draft(DraftRef {
                draft_id: draft.clone(),
            })
            .expect("an answer");
        let SubmitResponse::Invalid { problems } = answer else {
            panic!("invalid: {answer:?}");
        };
        assert!(
            problems
                .iter()
                .any(|p| p.path.to_string() == "angaben_richtig"),
            "{problems:?}"
        );
        assert!(!nudged(&test).await, "nothing to send");

        // Complete: queued for the place, the worker woken, the list says queued.
        let draft = general_application(&test, true);
        let answer = test
            .app
            .submit_draft(DraftRef { draft_id: draft })
            .expect("queued");
        let SubmitResponse::Queued { submission_id } = answer else {
            panic!("queued: {answer:?}");
        };
        assert!(nudged(&test).await, "the worker is told");
        let list = test.app.applications().await.expect("a list");
        let queued = list.iter().find(|a| a.id == submission_id).expect("listed");
        assert_eq!(queued.status, ApplicationStatus::Queued);
        let place = test
            .app
            .store()
            .expect("store")
            .submission_place(parse_id(&submission_id).expect("an id"))
            .expect("read");
        assert_eq!(place.as_deref(), Some("16051000"), "routed to the place");
    }

    #[tokio::test]
    async fn a_general_application_without_a_place_is_not_queued() {
        let test = TestApp::new();
        for place in [None, Some("Erfurt"), Some("1605100")] {
            set_place(&test, place);
            let draft = general_application(&test, true);
            let refused = test.app.submit_draft(DraftRef {
                draft_id: draft.clone(),
            });
            assert!(
                matches!(refused, Err(Error::PlaceNeeded)),
                "{place:?}: {refused:?}"
            );
            let kept = test
                .app
                .load_draft(DraftRef { draft_id: draft })
                .expect("the draft stays");
            assert_ne!(
                kept.answers,
                domain::form::Answers::new(),
                "with its answers"
            );
        }
        assert!(!nudged(&test).await);
        let list = test.app.applications().await.expect("a list");
        assert!(list.iter().all(|a| a.status == ApplicationStatus::Draft));
    }

    #[tokio::test]
    async fn what_was_not_sent_or_is_decided_cannot_be_withdrawn() {
        let test = TestApp::new();
        set_place(&test, Some("16051000"));
        let draft = general_application(&test, true);
        let SubmitResponse::Queued { submission_id } = test
            .app
            .submit_draft(DraftRef { draft_id: draft })
            .expect("queued")
        else {
            panic!("queued");
        };
        // Queued, not yet at the state API: nothing to withdraw, and no network is asked.
        let refused = test
            .app
            .withdraw(SubmissionRef {
                submission_id: submission_id.clone(),
            })
            .await;
        assert!(
            matches!(refused, Err(Error::NotWithdrawable)),
            "{refused:?}"
        );
        let unknown = test
            .app
            .withdraw(SubmissionRef {
                submission_id: Uuid::from_u128(3).to_string(),
            })
            .await;
        assert!(matches!(unknown, Err(Error::NotFound)), "{unknown:?}");
    }

    /// #16: a service whose form is imported from an XDatenfelder message starts a draft on
    /// that form with the state API out of reach (it ships with the app), and the form's own
    /// rules judge it before anything is queued: here the no-parking zone's date rule
    /// (XDatenfelder 2.0, `check: F99108121 >= F99108120`) and its code list.
    #[tokio::test]
    async fn an_imported_form_is_started_offline_and_checked_by_its_own_rules() {
        let test = TestApp::new();
        set_place(&test, Some("16051000"));
        let draft = test
            .app
            .start_draft(StartDraftRequest {
                form_id: "S99108011".into(),
                leika_key: "99108011153000".into(),
            })
            .expect("a draft on the shipped import, offline");
        assert_eq!(draft.definition.id, "S99108011");
        let draft = draft.draft_id;
        let today = test.app.today().expect("today");
        let save = |path: &str, value: serde_json::Value| {
            test.app
                .save_answer(domain::ipc::SaveAnswerRequest {
                    draft_id: draft.clone(),
                    path: path.into(),
                    value,
                })
                .expect("saved");
        };
        save("G99108111.F60000227", json!("Muster"));
        save("G99108111.F60000228", json!("Anna"));
        save("G99108111.F99108112", json!("0361 123456"));
        save("G99108112.F99108114", json!("Anger 1"));
        save("G99108112.F99108115", json!("99084"));
        save("G99108112.F99108116", json!("Erfurt"));
        save("G99108112.F99108117", json!("15"));
        save("G99108112.F99108118", json!("hausseite"));
        let first = today.add_days(20).expect("a date");
        save("G99108113.F99108120", json!(first.to_string()));
        save(
            "G99108113.F99108121",
            json!(today.add_days(19).expect("a date").to_string()),
        );
        save("G99108113.F99108122", json!("07:00"));
        save("G99108113.F99108123", json!("14:00"));
        let submit = || {
            test.app
                .submit_draft(DraftRef {
                    draft_id: draft.clone(),
                })
                .expect("an answer")
        };
        let SubmitResponse::Invalid { problems } = submit() else {
            panic!("the last day before the first is refused");
        };
        let messages: Vec<(String, String)> = problems
            .iter()
            .map(|p| (p.path.to_string(), p.message.clone()))
            .collect();
        assert_eq!(
            messages,
            vec![(
                "G99108113.F99108121".to_string(),
                "form-end-before-start".to_string()
            )],
            "exactly the imported rule speaks"
        );
        save("G99108112.F99108118", json!("mitten-auf-der-strasse"));
        save("G99108113.F99108121", json!(first.to_string()));
        let SubmitResponse::Invalid { problems } = submit() else {
            panic!("a code outside the code list is refused");
        };
        assert!(
            problems
                .iter()
                .all(|p| p.path.to_string() == "G99108112.F99108118"),
            "{problems:?}"
        );
        save("G99108112.F99108118", json!("beide"));
        let SubmitResponse::Queued { .. } = submit() else {
            panic!("valid: queued");
        };
    }
}
