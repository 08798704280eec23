//! Handing a draft over to the citizen's own phone (#14), and picking one up.
//!
//! The device that hands over packs the draft with its files, seals it under a fresh code
//! (`handover` crate) and leaves the ciphertext in a mailbox on the state API; it shows the
//! code as a QR symbol and as 16 characters. The draft stays until the state API says it was
//! picked up, then it is deleted here. The phone opens the package with the code, makes it
//! its own draft in one transaction, and only then confirms the pickup, so the content
//! leaves the state API only once it is safe on the phone.

use domain::form::FieldPath;
use domain::ipc::{
    DraftRef, HandoverStage, HandoverView, QrView, ReceiveHandoverRequest, SubmissionRef,
};
use handover::{Code, HandoverError, Package, PackageFile, PACKAGE_VERSION};
use store::{HandedOver, ReceivedDraft, ReceivedFile, Store, StoreError};
use sync::SyncError;
use uuid::Uuid;

use crate::instant::rfc3339;
use crate::{parse_id, views, App, Error};

/// The view of a waiting handover, with its code and QR symbol.
fn waiting(handover: &HandedOver) -> Result<HandoverView, Error> {
    let code = Code::parse(&handover.code).map_err(|_| Error::Internal("kept handover code"))?;
    let symbol = handover::qr_symbol(&code.qr_text()).map_err(|_| Error::Internal("QR symbol"))?;
    Ok(HandoverView {
        draft_id: handover.draft.to_string(),
        stage: HandoverStage::Waiting,
        code: code.grouped(),
        qr: Some(QrView {
            size: symbol.size,
            path: symbol.path,
        }),
        expires_at: rfc3339(handover.expires_at),
    })
}

fn ended(handover: &HandedOver, stage: HandoverStage) -> HandoverView {
    HandoverView {
        draft_id: handover.draft.to_string(),
        stage,
        code: String::new(),
        qr: None,
        expires_at: rfc3339(handover.expires_at),
    }
}

/// The draft as it travels: answers, form, service, page and every file with its bytes.
fn package_of(store: &Store, draft: Uuid) -> Result<Package, Error> {
    let found = store.draft(draft)?.ok_or(Error::NotFound)?;
    if found.state != store::DraftState::Editing {
        return Err(Error::HandoverNotADraft);
    }
    let mut files = Vec::new();
    for attachment in store.draft_attachments(draft)? {
        let mut bytes = Vec::new();
        store.read_attachment(&attachment.content.sha512, &mut bytes)?;
        files.push(PackageFile::new(
            attachment.id.to_string(),
            attachment.field_path.to_string(),
            attachment.file_name,
            attachment.content.media_type,
            &bytes,
        ));
    }
    Ok(Package {
        version: PACKAGE_VERSION,
        service_key: found.service_key,
        form_id: found.form_id,
        form_version: found.form_version,
        page: found.page,
        answers: found.answers,
        files,
    })
}

/// What the state API's refusal of a handover means for the person.
fn refused(error: SyncError) -> Error {
    use domain::problem::ProblemCode;
    match error.problem() {
        Some((404, _)) => Error::HandoverUnknown,
        Some((410, Some(p))) if p.known() == Some(ProblemCode::HandoverExpired) => {
            Error::HandoverExpired
        }
        Some((410, _)) => Error::HandoverUsed,
        Some((413, _)) => Error::HandoverTooLarge,
        _ => Error::Sync(error),
    }
}

impl App {
    /// Hands a draft over: a fresh code and its mailbox filled, or the waiting handover of
    /// this draft as it is (one code per draft at a time).
    pub async fn hand_over_draft(&self, request: DraftRef) -> Result<HandoverView, Error> {
        let draft = parse_id(&request.draft_id)?;
        let now = self.now();
        let (code, sealed) = {
            let store = self.store()?;
            if let Some(handover) = store.handover_of(draft)? {
                if handover.expires_at > now {
                    return waiting(&handover);
                }
                store.end_handover(draft)?;
            }
            let package = package_of(&store, draft)?;
            let code = Code::generate().map_err(|_| Error::Internal("randomness"))?;
            let plain = package
                .to_bytes()
                .map_err(|_| Error::Internal("handover package"))?;
            let sealed = code
                .seal(&plain)
                .map_err(|_| Error::Internal("handover sealing"))?;
            (code, sealed)
        };
        let mailbox = code.mailbox();
        let state = self
            .client
            .put_handover(&mailbox, sealed)
            .await
            .map_err(refused)?;
        let handover = HandedOver {
            draft,
            mailbox,
            code: code.grouped(),
            expires_at: state.expires_at,
        };
        self.store()?.record_handover(&handover, self.now())?;
        waiting(&handover)
    }

    /// Hands over an application queued but never sent (a visitor who cannot log in on the
    /// tablet): it goes back into its draft, which is handed over; if that fails (no
    /// connection, too large) it is queued again exactly as it was, and the person is told.
    /// One the outbox already tried is refused: the state API may have it.
    pub async fn hand_over_submission(
        &self,
        request: SubmissionRef,
    ) -> Result<HandoverView, Error> {
        let submission = parse_id(&request.submission_id)?;
        let taken = self
            .store()?
            .take_back(submission)
            .map_err(|error| match error {
                StoreError::InvalidState { .. } => Error::HandoverOnItsWay,
                other => Error::Storage(other),
            })?;
        let handed = self
            .hand_over_draft(DraftRef {
                draft_id: taken.draft.to_string(),
            })
            .await;
        if handed.is_err() {
            self.store()?.submit_for_place(
                taken.draft,
                taken.submission,
                &taken.payload,
                taken.place.as_deref(),
                self.now(),
            )?;
            self.nudge_sync();
        }
        handed
    }

    /// Where the handover of a draft stands, asked of the state API: picked up (the draft is
    /// deleted here now), expired (the draft stays, the code is forgotten) or waiting. Without
    /// the state API, what the device knows: waiting until its time is over.
    pub async fn handover_state(&self, request: DraftRef) -> Result<HandoverView, Error> {
        let draft = parse_id(&request.draft_id)?;
        let handover = self.store()?.handover_of(draft)?.ok_or(Error::NotFound)?;
        self.settle_handover(&handover).await
    }

    async fn settle_handover(&self, handover: &HandedOver) -> Result<HandoverView, Error> {
        let asked = self.client.handover_state(&handover.mailbox).await;
        let stage = match asked {
            Ok(state) => match state.stage {
                sync::wire::HandoverStage::Waiting => HandoverStage::Waiting,
                sync::wire::HandoverStage::PickedUp => HandoverStage::PickedUp,
                sync::wire::HandoverStage::Expired => HandoverStage::Expired,
            },
            Err(error) if error.problem().is_some_and(|(status, _)| status == 404) => {
                HandoverStage::Expired
            }
            Err(_) if handover.expires_at > self.now() => HandoverStage::Waiting,
            Err(_) => HandoverStage::Expired,
        };
        let store = self.store()?;
        match stage {
            HandoverStage::Waiting => waiting(handover),
            HandoverStage::PickedUp => {
                store.delete_draft(handover.draft)?;
                Ok(ended(handover, stage))
            }
            HandoverStage::Expired => {
                store.end_handover(handover.draft)?;
                Ok(ended(handover, stage))
            }
        }
    }

    /// Asks after every waiting handover of the person using the app now (the drafts picked
    /// up are deleted). Answers how many were picked up.
    pub async fn settle_handovers(&self) -> Result<u32, Error> {
        let waiting = self.store()?.handovers()?;
        let mut picked_up = 0;
        for handover in waiting {
            if self.settle_handover(&handover).await?.stage == HandoverStage::PickedUp {
                picked_up += 1;
            }
        }
        Ok(picked_up)
    }

    /// Picks a draft up with the code another device shows: it becomes the person's own
    /// draft here, and only then does the state API hear of the pickup.
    pub async fn receive_handover(
        &self,
        request: ReceiveHandoverRequest,
    ) -> Result<DraftRef, Error> {
        let code = Code::parse(&request.code).map_err(|_| Error::HandoverCode)?;
        let mailbox = code.mailbox();
        let sealed = self
            .client
            .fetch_handover(&mailbox)
            .await
            .map_err(refused)?;
        let plain = code.open(&sealed).map_err(|_| Error::HandoverDamaged)?;
        let package = Package::from_bytes(&plain).map_err(|_| Error::HandoverDamaged)?;
        self.form_for(&package).await?;
        let files = package
            .files
            .iter()
            .map(received_file)
            .collect::<Result<Vec<_>, Error>>()?;
        let (draft, pickup, _) = self.store()?.receive_draft(&ReceivedDraft {
            mailbox: &mailbox,
            id: Uuid::new_v4(),
            pickup_id: Uuid::new_v4(),
            form_id: &package.form_id,
            form_version: &package.form_version,
            service_key: package.service_key.as_deref(),
            page: package.page.as_deref(),
            answers: &package.answers,
            files: &files,
            now: self.now(),
        })?;
        self.client
            .confirm_pickup(
                &mailbox,
                &sync::wire::Pickup {
                    pickup_id: pickup.to_string(),
                },
            )
            .await
            .map_err(|error| match refused(error) {
                // Another device confirmed first: this copy is not the person's to keep.
                Error::HandoverUsed => {
                    if let Ok(store) = self.store() {
                        let _ = store.delete_draft(draft);
                    }
                    Error::HandoverUsed
                }
                other => other,
            })?;
        Ok(DraftRef {
            draft_id: draft.to_string(),
        })
    }

    /// The package's form version on this device: stored, shipped, or fetched now from the
    /// state API (a tablet may have a newer one than the phone).
    async fn form_for(&self, package: &Package) -> Result<(), Error> {
        if views::form_of(&*self.store()?, &package.form_id, &package.form_version).is_ok() {
            return Ok(());
        }
        let definition = self
            .client
            .fetch_form(&package.form_id, &package.form_version)
            .await
            .map_err(|error| match error.problem() {
                Some((404, _)) => Error::HandoverFormUnknown,
                _ => Error::Sync(error),
            })?;
        self.store()?
            .save_form_definition(&definition, self.now())?;
        Ok(())
    }
}

fn received_file(file: &PackageFile) -> Result<ReceivedFile, Error> {
    Ok(ReceivedFile {
        link: Uuid::parse_str(&file.link).map_err(|_| Error::HandoverDamaged)?,
        field: FieldPath::parse(&file.field).ok_or(Error::HandoverDamaged)?,
        name: file.name.clone(),
        media_type: file.media_type.clone(),
        bytes: file
            .bytes()
            .map_err(|_: HandoverError| Error::HandoverDamaged)?,
    })
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use domain::ipc::{AddAttachmentRequest, SaveAnswerRequest, StartDraftRequest};

    use super::*;
    use crate::testing::TestApp;

    /// A parking-permit draft with a canary answer and a file; its id.
    fn draft(test: &TestApp) -> Uuid {
        let view = test
            .app
            .start_draft(StartDraftRequest {
                form_id: "bewohnerparkausweis".into(),
                leika_key: "99108001001000".into(),
            })
            .expect("a draft");
        test.app
            .save_answer(SaveAnswerRequest {
                draft_id: view.draft_id.clone(),
                path: "antragsteller.familienname".into(),
                value: serde_json::json!("Kanarienvogel"),
            })
            .expect("saved");
        test.app
            .add_attachment(AddAttachmentRequest {
                draft_id: view.draft_id.clone(),
                field_path: "fahrzeug.zulassungsbescheinigung".into(),
                file_name: "scan.pdf".into(),
                media_type: "application/pdf".into(),
                content_base64: base64::engine::general_purpose::STANDARD
                    .encode(b"%PDF-1.7 Kanarienvogel"),
            })
            .expect("attached");
        Uuid::parse_str(&view.draft_id).expect("an id")
    }

    #[test]
    fn a_package_carries_the_draft_whole_and_makes_it_again_in_another_store() {
        let tablet = TestApp::new();
        let id = draft(&tablet);
        let package = package_of(&tablet.app.store().expect("store"), id).expect("packed");
        assert_eq!(package.form_id, "bewohnerparkausweis");
        assert_eq!(package.service_key.as_deref(), Some("99108001001000"));
        assert_eq!(package.files.len(), 1);
        // Sealed and opened as the two devices do, then made a draft on the phone.
        let code = Code::generate().expect("randomness");
        let sealed = code
            .seal(&package.to_bytes().expect("bytes"))
            .expect("sealed");
        let opened = Package::from_bytes(&code.open(&sealed).expect("opens")).expect("read");
        let files: Vec<ReceivedFile> = opened
            .files
            .iter()
            .map(received_file)
            .collect::<Result<_, _>>()
            .expect("files");
        let phone = TestApp::new();
        let store = phone.app.store().expect("store");
        let (made, _, new) = store
            .receive_draft(&ReceivedDraft {
                mailbox: &code.mailbox(),
                id: Uuid::new_v4(),
                pickup_id: Uuid::new_v4(),
                form_id: &opened.form_id,
                form_version: &opened.form_version,
                service_key: opened.service_key.as_deref(),
                page: opened.page.as_deref(),
                answers: &opened.answers,
                files: &files,
                now: 1,
            })
            .expect("received");
        assert!(new);
        let on_tablet = views::draft_view(&tablet.app.store().expect("store"), id).expect("view");
        let on_phone = views::draft_view(&store, made).expect("view");
        assert_eq!(on_phone.answers, on_tablet.answers);
        let hashes = |v: &domain::ipc::DraftView| -> Vec<String> {
            v.attachments.iter().map(|a| a.sha512.clone()).collect()
        };
        assert_eq!(hashes(&on_phone), hashes(&on_tablet));
    }

    #[tokio::test]
    async fn a_queued_application_that_cannot_be_handed_over_is_queued_again_as_it_was() {
        let test = TestApp::new();
        let id = draft(&test);
        let submission = Uuid::new_v4();
        let answers = test
            .app
            .store()
            .expect("store")
            .draft(id)
            .expect("read")
            .expect("there")
            .answers;
        test.app
            .store()
            .expect("store")
            .submit(id, submission, &answers, 1)
            .expect("queued");
        // The state API cannot be reached (nothing listens on port 9).
        let answer = test
            .app
            .hand_over_submission(SubmissionRef {
                submission_id: submission.to_string(),
            })
            .await;
        assert!(matches!(answer, Err(Error::Sync(_))), "{answer:?}");
        let store = test.app.store().expect("store");
        let again = store
            .submission(submission)
            .expect("read")
            .expect("queued again");
        assert_eq!(again.payload, answers);
        let entry = store
            .outbox_entry(submission)
            .expect("read")
            .expect("in the outbox");
        assert_eq!(
            (entry.state, entry.attempts),
            (store::OutboxState::Pending, 0)
        );
        assert_eq!(
            store.draft(id).expect("read").expect("there").state,
            store::DraftState::Queued
        );
        assert!(store.handover_of(id).expect("read").is_none());
    }

    #[tokio::test]
    async fn an_application_the_outbox_tried_is_not_handed_over() {
        let test = TestApp::new();
        let id = draft(&test);
        let submission = Uuid::new_v4();
        {
            let store = test.app.store().expect("store");
            let answers = store.draft(id).expect("read").expect("there").answers;
            store.submit(id, submission, &answers, 1).expect("queued");
            store.outbox_claim(submission, 2).expect("claimed");
        }
        let answer = test
            .app
            .hand_over_submission(SubmissionRef {
                submission_id: submission.to_string(),
            })
            .await;
        assert!(matches!(answer, Err(Error::HandoverOnItsWay)), "{answer:?}");
    }

    #[test]
    fn a_submitted_draft_is_not_handed_over() {
        let test = TestApp::new();
        let id = draft(&test);
        test.app
            .store()
            .expect("store")
            .delete_draft(id)
            .expect("deleted");
        assert!(matches!(
            package_of(&test.app.store().expect("store"), id),
            Err(Error::NotFound)
        ));
    }

    #[test]
    fn the_state_apis_refusals_say_what_happened() {
        let refusal = |status: u16, code: &str| SyncError::Refused {
            status,
            problem: Some(Box::new(
                serde_json::from_value(serde_json::json!({"status": status, "code": code}))
                    .expect("a problem"),
            )),
            retry_after: None,
        };
        assert!(matches!(
            refused(refusal(404, "not_found")),
            Error::HandoverUnknown
        ));
        assert!(matches!(
            refused(refusal(410, "handover_used")),
            Error::HandoverUsed
        ));
        assert!(matches!(
            refused(refusal(410, "handover_expired")),
            Error::HandoverExpired
        ));
        assert!(matches!(
            refused(refusal(413, "body_too_large")),
            Error::HandoverTooLarge
        ));
        assert!(matches!(
            refused(SyncError::Unreachable("down".into())),
            Error::Sync(_)
        ));
    }

    #[tokio::test]
    async fn a_code_that_is_none_is_refused_before_the_network() {
        let test = TestApp::new();
        let answer = test
            .app
            .receive_handover(ReceiveHandoverRequest {
                code: "not a code".into(),
            })
            .await;
        assert!(matches!(answer, Err(Error::HandoverCode)), "{answer:?}");
    }
}
