//! Commands for applications: forms, drafts (autosaved per answer), attachments, submitting
//! into the outbox, and "my applications". Each command is a few lines over `store` and
//! `domain::form`; the mapping of stored rows onto IPC views lives in [`crate::views`].

use std::io::Cursor;

use base64::Engine;
use domain::form::{FieldPath, Form, FormDefinition, Value};
use domain::ipc::{
    AddAttachmentRequest, ApplicationSummary, AttachmentView, DismissReviewRequest, DraftRef,
    DraftView, ErrorCode, IpcError, RemoveAttachmentRequest, SaveAnswerRequest, Saved,
    SetDraftPageRequest, StartDraftRequest, SubmissionRef, SubmissionView, SubmitResponse,
};
use store::{NewDraft, Store, MAX_ATTACHMENT_BYTES};
use tauri::State;
use uuid::Uuid;

use crate::clock;
use crate::state::{storage_error, AppState};
use crate::views;

pub(crate) fn parse_id(text: &str) -> Result<Uuid, IpcError> {
    Uuid::parse_str(text)
        .map_err(|_| IpcError::new(ErrorCode::InvalidRequest, "error-invalid-request"))
}

fn parse_path(text: &str) -> Result<FieldPath, IpcError> {
    FieldPath::parse(text)
        .ok_or_else(|| IpcError::new(ErrorCode::InvalidRequest, "error-invalid-request"))
}

/// The newest definition of a form the device has: stored (from the state API) or shipped.
pub fn latest_form(store: &Store, form_id: &str) -> Result<FormDefinition, IpcError> {
    if let Some(definition) = store
        .latest_form_definition(form_id)
        .map_err(storage_error)?
    {
        return Ok(definition);
    }
    views::shipped_form(form_id)
        .ok_or_else(|| IpcError::new(ErrorCode::NotFound, "error-not-found"))
}

#[tauri::command]
pub fn start_draft(
    state: State<'_, AppState>,
    request: StartDraftRequest,
) -> Result<DraftView, IpcError> {
    let store = state.store()?;
    let definition = latest_form(&store, &request.form_id)?;
    let id = Uuid::new_v4();
    let new = NewDraft {
        id,
        form_id: &definition.id,
        form_version: &definition.version,
        service_key: Some(&request.leika_key),
        now: clock::now_millis(),
    };
    store.create_draft(&new).map_err(storage_error)?;
    views::draft_view(&store, id)
}

#[tauri::command]
pub fn load_draft(state: State<'_, AppState>, request: DraftRef) -> Result<DraftView, IpcError> {
    views::draft_view(&*state.store()?, parse_id(&request.draft_id)?)
}

#[tauri::command]
pub fn save_answer(
    state: State<'_, AppState>,
    request: SaveAnswerRequest,
) -> Result<Saved, IpcError> {
    let value: Value = serde_json::from_value(request.value)
        .map_err(|_| IpcError::new(ErrorCode::InvalidRequest, "error-invalid-request"))?;
    let now = clock::now_millis();
    state
        .store()?
        .save_answer(
            parse_id(&request.draft_id)?,
            &parse_path(&request.path)?,
            &value,
            now,
        )
        .map_err(storage_error)?;
    Ok(Saved {
        saved_at: clock::rfc3339(now),
    })
}

#[tauri::command]
pub fn set_draft_page(
    state: State<'_, AppState>,
    request: SetDraftPageRequest,
) -> Result<Saved, IpcError> {
    let now = clock::now_millis();
    state
        .store()?
        .set_draft_page(parse_id(&request.draft_id)?, &request.page_id, now)
        .map_err(storage_error)?;
    Ok(Saved {
        saved_at: clock::rfc3339(now),
    })
}

/// The person has seen an answer that a form update did not carry over.
#[tauri::command]
pub fn dismiss_review(
    state: State<'_, AppState>,
    request: DismissReviewRequest,
) -> Result<Saved, IpcError> {
    let now = clock::now_millis();
    state
        .store()?
        .dismiss_review(parse_id(&request.draft_id)?, &request.path, now)
        .map_err(storage_error)?;
    Ok(Saved {
        saved_at: clock::rfc3339(now),
    })
}

#[tauri::command]
pub fn delete_draft(state: State<'_, AppState>, request: DraftRef) -> Result<(), IpcError> {
    state
        .store()?
        .delete_draft(parse_id(&request.draft_id)?)
        .map_err(storage_error)
}

#[tauri::command]
pub fn add_attachment(
    state: State<'_, AppState>,
    request: AddAttachmentRequest,
) -> Result<AttachmentView, IpcError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(request.content_base64.as_bytes())
        .map_err(|_| IpcError::new(ErrorCode::InvalidRequest, "error-invalid-request"))?;
    let draft = parse_id(&request.draft_id)?;
    let field = parse_path(&request.field_path)?;
    let now = clock::now_millis();
    let store = state.store()?;
    let info = store
        .put_attachment(
            &mut Cursor::new(bytes),
            &request.media_type,
            MAX_ATTACHMENT_BYTES,
            None,
            now,
        )
        .map_err(storage_error)?;
    let link = Uuid::new_v4();
    store
        .attach_to_draft(draft, link, &field, &info.sha512, &request.file_name, now)
        .map_err(storage_error)?;
    views::refresh_attachment_answer(&store, draft, &field, now)?;
    Ok(views::attachment_view(&store::DraftAttachment {
        id: link,
        field_path: field,
        file_name: request.file_name,
        content: info,
    }))
}

#[tauri::command]
pub fn remove_attachment(
    state: State<'_, AppState>,
    request: RemoveAttachmentRequest,
) -> Result<(), IpcError> {
    let draft = parse_id(&request.draft_id)?;
    let store = state.store()?;
    let now = clock::now_millis();
    let link = parse_id(&request.attachment_id)?;
    let attachments = store.draft_attachments(draft).map_err(storage_error)?;
    let attachment = attachments
        .iter()
        .find(|a| a.id == link)
        .ok_or_else(|| IpcError::new(ErrorCode::NotFound, "error-not-found"))?;
    store
        .detach_from_draft(draft, link, now)
        .map_err(storage_error)?;
    views::refresh_attachment_answer(&store, draft, &attachment.field_path, now)
}

/// Validates with the same engine the state API uses; only a valid draft is queued, durably.
#[tauri::command]
pub fn submit_draft(
    state: State<'_, AppState>,
    request: DraftRef,
) -> Result<SubmitResponse, IpcError> {
    let draft_id = parse_id(&request.draft_id)?;
    let response = {
        let store = state.store()?;
        let draft = store
            .draft(draft_id)
            .map_err(storage_error)?
            .ok_or_else(|| IpcError::new(ErrorCode::NotFound, "error-not-found"))?;
        let definition = views::form_of(&store, &draft.form_id, &draft.form_version)?;
        let form = Form::new(definition)
            .map_err(|_| IpcError::new(ErrorCode::Internal, "error-form-broken"))?;
        let today =
            clock::today().ok_or_else(|| IpcError::new(ErrorCode::Internal, "error-internal"))?;
        // The home municipality routes it to the authority responsible there, and its
        // statute's fee is the one the form computes.
        let place = store
            .settings()
            .map_err(storage_error)?
            .home_municipality
            .filter(|ags| matches!(ags.len(), 8 | 12) && ags.bytes().all(|b| b.is_ascii_digit()));
        let facts = views::facts(
            &store,
            draft.service_key.as_deref(),
            place.as_deref(),
            today,
        );
        match form.submission_with(&draft.answers, facts) {
            Err(problems) => SubmitResponse::Invalid { problems },
            Ok(data) => {
                let submission_id = Uuid::new_v4();
                // The general application has no office of its own: without the place it
                // would go nowhere. Nothing is queued; the draft stays as it is.
                if draft.form_id == domain::GENERAL_APPLICATION_FORM && place.is_none() {
                    return Err(IpcError::new(
                        ErrorCode::InvalidRequest,
                        "error-place-needed",
                    ));
                }
                store
                    .submit_for_place(
                        draft_id,
                        submission_id,
                        &data,
                        place.as_deref(),
                        clock::now_millis(),
                    )
                    .map_err(storage_error)?;
                SubmitResponse::Queued {
                    submission_id: submission_id.to_string(),
                }
            }
        }
    };
    if matches!(response, SubmitResponse::Queued { .. }) {
        state.nudge_sync();
    }
    Ok(response)
}

#[tauri::command]
pub async fn list_applications(
    state: State<'_, AppState>,
) -> Result<Vec<ApplicationSummary>, IpcError> {
    let logged_in = state.logged_in().await;
    views::applications(&*state.store()?, logged_in)
}

/// The logged-in person takes an application queued on this device without a login as theirs:
/// from now on it is sent under their account, and only theirs.
#[tauri::command]
pub fn claim_submission(
    state: State<'_, AppState>,
    request: SubmissionRef,
) -> Result<(), IpcError> {
    state
        .store()?
        .claim_submission(parse_id(&request.submission_id)?)
        .map_err(storage_error)?;
    state.nudge_sync();
    Ok(())
}

#[tauri::command]
pub async fn load_submission(
    state: State<'_, AppState>,
    request: SubmissionRef,
) -> Result<SubmissionView, IpcError> {
    let logged_in = state.logged_in().await;
    views::submission_view(
        &*state.store()?,
        parse_id(&request.submission_id)?,
        logged_in,
    )
}
