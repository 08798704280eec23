//! Drafts: started on the newest form the device has, autosaved per answer, files added and
//! removed with their answer in one transaction, and the details a person keeps for later
//! forms (`domain::form::autofill`).

use std::io::Cursor;

use base64::Engine;
use domain::form::{autofill, FieldPath, FormDefinition, Value};
use domain::ipc::{
    AddAttachmentRequest, AttachmentView, DismissReviewRequest, DraftRef, DraftView, MyDetails,
    RemoveAttachmentRequest, SaveAnswerRequest, Saved, SetDraftPageRequest, StartDraftRequest,
};
use store::{NewDraft, NewDraftFile, Store, MAX_ATTACHMENT_BYTES};
use uuid::Uuid;

use crate::instant::rfc3339;
use crate::{parse_id, views, App, Error};

fn parse_path(text: &str) -> Result<FieldPath, Error> {
    FieldPath::parse(text).ok_or(Error::InvalidRequest)
}

/// The newest definition of a form the device has: stored (from the state API) or shipped.
pub fn latest_form(store: &Store, form_id: &str) -> Result<FormDefinition, Error> {
    if let Some(definition) = store.latest_form_definition(form_id)? {
        return Ok(definition);
    }
    views::shipped_form(form_id).ok_or(Error::NotFound)
}

impl App {
    pub fn start_draft(&self, request: StartDraftRequest) -> Result<DraftView, Error> {
        let store = self.store()?;
        let definition = latest_form(&store, &request.form_id)?;
        let id = Uuid::new_v4();
        store.create_draft(&NewDraft {
            id,
            form_id: &definition.id,
            form_version: &definition.version,
            service_key: Some(&request.leika_key),
            now: self.now(),
        })?;
        views::draft_view(&store, id)
    }

    pub fn load_draft(&self, request: DraftRef) -> Result<DraftView, Error> {
        views::draft_view(&*self.store()?, parse_id(&request.draft_id)?)
    }

    /// Autosave of one answer, committed before it returns.
    pub fn save_answer(&self, request: SaveAnswerRequest) -> Result<Saved, Error> {
        let value: Value =
            serde_json::from_value(request.value).map_err(|_| Error::InvalidRequest)?;
        let now = self.now();
        self.store()?.save_answer(
            parse_id(&request.draft_id)?,
            &parse_path(&request.path)?,
            &value,
            now,
        )?;
        Ok(Saved {
            saved_at: rfc3339(now),
        })
    }

    pub fn set_draft_page(&self, request: SetDraftPageRequest) -> Result<Saved, Error> {
        let now = self.now();
        self.store()?
            .set_draft_page(parse_id(&request.draft_id)?, &request.page_id, now)?;
        Ok(Saved {
            saved_at: rfc3339(now),
        })
    }

    /// The person has seen an answer that a form update did not carry over.
    pub fn dismiss_review(&self, request: DismissReviewRequest) -> Result<Saved, Error> {
        let now = self.now();
        self.store()?
            .dismiss_review(parse_id(&request.draft_id)?, &request.path, now)?;
        Ok(Saved {
            saved_at: rfc3339(now),
        })
    }

    pub fn delete_draft(&self, request: DraftRef) -> Result<(), Error> {
        Ok(self.store()?.delete_draft(parse_id(&request.draft_id)?)?)
    }

    /// Adds a file to a file field: stored encrypted, linked, and the field's answer listing
    /// it, all or nothing.
    pub fn add_attachment(&self, request: AddAttachmentRequest) -> Result<AttachmentView, Error> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(request.content_base64.as_bytes())
            .map_err(|_| Error::InvalidRequest)?;
        let field = parse_path(&request.field_path)?;
        let added = self.store()?.add_draft_file(
            &NewDraftFile {
                draft: parse_id(&request.draft_id)?,
                link: Uuid::new_v4(),
                field: &field,
                file_name: &request.file_name,
                media_type: &request.media_type,
                max_bytes: MAX_ATTACHMENT_BYTES,
                now: self.now(),
            },
            &mut Cursor::new(bytes),
        )?;
        Ok(views::attachment_view(&added))
    }

    /// Removes a file from a draft, and from its field's answer.
    pub fn remove_attachment(&self, request: RemoveAttachmentRequest) -> Result<(), Error> {
        Ok(self.store()?.remove_draft_file(
            parse_id(&request.draft_id)?,
            parse_id(&request.attachment_id)?,
            self.now(),
        )?)
    }

    /// The details the person keeps (for the one logged in, or the device when nobody is).
    pub fn my_details(&self) -> Result<MyDetails, Error> {
        Ok(MyDetails {
            details: self.store()?.my_details()?.unwrap_or_default(),
        })
    }

    /// Keeps the person's details as this draft gives them (only fields the form marks as the
    /// person's own), replacing what was kept.
    pub fn remember_my_details(&self, request: DraftRef) -> Result<MyDetails, Error> {
        let store = self.store()?;
        let draft = store
            .draft(parse_id(&request.draft_id)?)?
            .ok_or(Error::NotFound)?;
        let definition = views::form_of(&store, &draft.form_id, &draft.form_version)?;
        let details = autofill::details_from(&definition, &draft.answers);
        store.save_my_details(Uuid::new_v4(), &details, self.now())?;
        Ok(MyDetails { details })
    }

    pub fn forget_my_details(&self) -> Result<MyDetails, Error> {
        self.store()?.forget_my_details()?;
        Ok(MyDetails::default())
    }
}

#[cfg(test)]
mod tests {
    use domain::ipc::IpcError;

    use crate::testing::{TestApp, NOW};

    use super::*;

    fn start(test: &TestApp, form: &str) -> DraftView {
        test.app
            .start_draft(StartDraftRequest {
                form_id: form.into(),
                leika_key: "99108008000000".into(),
            })
            .expect("a draft")
    }

    fn attach(test: &TestApp, draft: &str, bytes: &[u8]) -> Result<AttachmentView, Error> {
        test.app.add_attachment(AddAttachmentRequest {
            draft_id: draft.into(),
            field_path: "fahrzeug.zulassungsbescheinigung".into(),
            file_name: "scan.pdf".into(),
            media_type: "application/pdf".into(),
            content_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        })
    }

    #[test]
    fn answers_are_saved_at_the_apps_time_and_malformed_requests_refused() {
        let test = TestApp::new();
        let draft = start(&test, "bewohnerparkausweis");
        let saved = test
            .app
            .save_answer(SaveAnswerRequest {
                draft_id: draft.draft_id.clone(),
                path: "fahrzeug.kennzeichen".into(),
                value: serde_json::json!("EF-AB 123"),
            })
            .expect("saved");
        assert_eq!(saved.saved_at, rfc3339(NOW), "the injected clock's time");
        test.time
            .store(NOW + 86_400_000, std::sync::atomic::Ordering::SeqCst);
        let later = test
            .app
            .set_draft_page(SetDraftPageRequest {
                draft_id: draft.draft_id.clone(),
                page_id: "fahrzeug".into(),
            })
            .expect("saved");
        assert_eq!(later.saved_at, rfc3339(NOW + 86_400_000), "a day later");
        let loaded = test
            .app
            .load_draft(DraftRef {
                draft_id: draft.draft_id.clone(),
            })
            .expect("loaded");
        let path = FieldPath::parse("fahrzeug.kennzeichen").expect("a path");
        assert_eq!(loaded.answers.get(&path), Some(&Value::text("EF-AB 123")));
        for (draft_id, path) in [
            ("not-a-uuid", "fahrzeug.kennzeichen"),
            (draft.draft_id.as_str(), ""),
        ] {
            let refused = test.app.save_answer(SaveAnswerRequest {
                draft_id: draft_id.into(),
                path: path.into(),
                value: serde_json::json!("x"),
            });
            assert!(refused.is_err(), "{draft_id} {path:?}");
        }
        let unknown = test.app.load_draft(DraftRef {
            draft_id: Uuid::from_u128(9).to_string(),
        });
        let told = IpcError::from(unknown.expect_err("unknown draft"));
        assert_eq!(told.message_id, "error-not-found");
    }

    #[test]
    fn a_file_and_its_answer_come_and_go_together() {
        let test = TestApp::new();
        let draft = start(&test, "bewohnerparkausweis");
        let added = attach(&test, &draft.draft_id, b"%PDF-1.7 scan").expect("added");
        let view = test
            .app
            .load_draft(DraftRef {
                draft_id: draft.draft_id.clone(),
            })
            .expect("loaded");
        assert_eq!(view.attachments, vec![added.clone()]);
        let answer = view
            .answers
            .get(&FieldPath::parse("fahrzeug.zulassungsbescheinigung").expect("a path"))
            .and_then(Value::as_list)
            .map(<[Value]>::len);
        assert_eq!(answer, Some(1), "validation sees the file");
        let bad = test.app.add_attachment(AddAttachmentRequest {
            content_base64: "not base64!".into(),
            ..AddAttachmentRequest {
                draft_id: draft.draft_id.clone(),
                field_path: "fahrzeug.zulassungsbescheinigung".into(),
                file_name: "x".into(),
                media_type: "application/pdf".into(),
                content_base64: String::new(),
            }
        });
        assert!(matches!(bad, Err(Error::InvalidRequest)), "{bad:?}");
        test.app
            .remove_attachment(RemoveAttachmentRequest {
                draft_id: draft.draft_id.clone(),
                attachment_id: added.attachment_id,
            })
            .expect("removed");
        let view = test
            .app
            .load_draft(DraftRef {
                draft_id: draft.draft_id,
            })
            .expect("loaded");
        assert!(view.attachments.is_empty());
        assert!(view
            .answers
            .get(&FieldPath::parse("fahrzeug.zulassungsbescheinigung").expect("a path"))
            .is_none());
    }
}
