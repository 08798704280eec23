//! Commands for the details the person keeps for later forms (`domain::form::autofill`): kept
//! only when the person asks, only for the person logged in (or the device when nobody is),
//! filled into a new form only when the person asks, and removed on request.

use domain::form::autofill;
use domain::ipc::{DraftRef, IpcError, MyDetails};
use tauri::State;
use uuid::Uuid;

use crate::applications::parse_id;
use crate::clock;
use crate::state::{storage_error, AppState};
use crate::views;

#[tauri::command]
pub fn load_my_details(state: State<'_, AppState>) -> Result<MyDetails, IpcError> {
    let details = state.store()?.my_details().map_err(storage_error)?;
    Ok(MyDetails {
        details: details.unwrap_or_default(),
    })
}

/// Keeps the person's details as this draft gives them (only fields the form marks as the
/// person's own), replacing what was kept.
#[tauri::command]
pub fn remember_my_details(
    state: State<'_, AppState>,
    request: DraftRef,
) -> Result<MyDetails, IpcError> {
    let store = state.store()?;
    let draft = store
        .draft(parse_id(&request.draft_id)?)
        .map_err(storage_error)?
        .ok_or_else(views::not_found)?;
    let definition = views::form_of(&store, &draft.form_id, &draft.form_version)?;
    let details = autofill::details_from(&definition, &draft.answers);
    store
        .save_my_details(Uuid::new_v4(), &details, clock::now_millis())
        .map_err(storage_error)?;
    Ok(MyDetails { details })
}

#[tauri::command]
pub fn forget_my_details(state: State<'_, AppState>) -> Result<MyDetails, IpcError> {
    state.store()?.forget_my_details().map_err(storage_error)?;
    Ok(MyDetails::default())
}
