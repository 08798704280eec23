//! Withdrawing a sent application (#18): the state API marks it withdrawn and the timeline
//! keeps the step. It needs a connection and the login of the person who sent it; the server
//! answers a repeated withdrawal the same, so a retry after a lost answer is safe.

use domain::ipc::{ErrorCode, IpcError, SubmissionRef, SubmissionView};
use domain::problem::ProblemCode;
use store::Owner;
use sync::SyncError;
use tauri::State;

use crate::account::sync_error;
use crate::applications::parse_id;
use crate::state::{storage_error, AppState};
use crate::views;

fn not_withdrawable() -> IpcError {
    IpcError::new(ErrorCode::InvalidRequest, "error-not-withdrawable")
}

fn withdraw_error(error: SyncError) -> IpcError {
    match error.problem() {
        Some((409, Some(problem))) if problem.is(ProblemCode::NotWithdrawable) => {
            not_withdrawable()
        }
        Some((404, _)) => IpcError::new(ErrorCode::NotFound, "error-not-found"),
        _ => sync_error(error),
    }
}

#[tauri::command]
pub async fn withdraw_submission(
    state: State<'_, AppState>,
    request: SubmissionRef,
) -> Result<SubmissionView, IpcError> {
    let id = parse_id(&request.submission_id)?;
    // Only an application the store shows (the person's own), sent and not yet decided.
    let server_ref = {
        let store = state.store()?;
        let submission = store
            .submission(id)
            .map_err(storage_error)?
            .ok_or_else(|| IpcError::new(ErrorCode::NotFound, "error-not-found"))?;
        let status = domain::ipc::ApplicationStatus::from(submission.status);
        match submission.server_ref {
            Some(server_ref) if status.can_be_withdrawn() => server_ref,
            _ => return Err(not_withdrawable()),
        }
    };
    let (token, subject) = state.session.identity().await.map_err(sync_error)?;
    // Under the account the store shows, which is the one that sent it (the server checks too).
    if state.store()?.owner().map_err(storage_error)? != Owner::Account(subject) {
        return Err(IpcError::new(
            ErrorCode::LoginRequired,
            "error-login-required",
        ));
    }
    let answer = state
        .client
        .withdraw(&token, &server_ref)
        .await
        .map_err(withdraw_error)?;
    // The steps the answer brings, each with the verdict on the authority's signature.
    let history = sync::judged_history(&state.client, &answer, crate::clock::now_millis()).await;
    state
        .store()?
        .record_history(id, &history)
        .map_err(storage_error)?;
    let logged_in = state.logged_in().await;
    views::submission_view(&*state.store()?, id, logged_in)
}
