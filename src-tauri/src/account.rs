//! Commands for the account: who is logged in, log in through the system browser (OAuth 2 +
//! PKCE with a loopback redirect, RFC 8252), log out. Tokens never leave the shell.

use std::time::Duration;

use domain::ipc::{AccountView, ErrorCode, IpcError};
use store::Owner;
use sync::SyncError;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

/// How long the app waits for the person to finish logging in in the browser (long enough for
/// an eID card and its PIN, short enough that the loopback port does not stay open for long).
const LOGIN_TIMEOUT: Duration = Duration::from_secs(300);

pub fn sync_error(error: SyncError) -> IpcError {
    match error {
        SyncError::Credentials(_) => {
            IpcError::new(ErrorCode::Keychain, "error-keychain-unavailable")
        }
        SyncError::LoginRequired | SyncError::Unauthorized => {
            IpcError::new(ErrorCode::LoginRequired, "error-login-required")
        }
        SyncError::Login(_) => IpcError::new(ErrorCode::LoginRequired, "error-login-failed"),
        _ => IpcError::new(ErrorCode::Network, "error-network"),
    }
}

#[tauri::command]
pub async fn account(state: State<'_, AppState>) -> Result<AccountView, IpcError> {
    state
        .session
        .account()
        .await
        .map(Into::into)
        .map_err(sync_error)
}

#[tauri::command]
pub async fn log_in<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<AccountView, IpcError> {
    let pending = state.session.begin_login().await.map_err(sync_error)?;
    app.opener()
        .open_url(pending.authorize_url().as_str(), None::<&str>)
        .map_err(|_| IpcError::new(ErrorCode::Internal, "error-browser-unavailable"))?;
    let account = state
        .session
        .finish_login(pending, LOGIN_TIMEOUT)
        .await
        .map_err(sync_error)?;
    let _change = state.account_change.lock().await;
    // The store shows the person who logged in, and only them: who that is comes from the
    // state API for this login. If it cannot say, the login is undone rather than kept
    // under the wrong person.
    match state.session.identity().await {
        Ok((_, subject)) => state
            .store()?
            .set_owner(&Owner::Account(subject))
            .map_err(crate::state::storage_error)?,
        Err(error) => {
            let _ = state.session.logout().await;
            state
                .store()?
                .set_owner(&Owner::Device)
                .map_err(crate::state::storage_error)?;
            return Err(sync_error(error));
        }
    }
    state.nudge_sync();
    Ok(account.into())
}

/// A login kept in the keychain that the store does not know the person of (kept from before
/// data had owners): the store takes the logged-in person as the one using the app. Runs when
/// the app starts and when it comes online; does nothing while nobody is logged in.
pub async fn take_over_kept_login(state: &AppState) {
    let _change = state.account_change.lock().await;
    let unknown = state
        .store()
        .and_then(|s| s.owner().map_err(crate::state::storage_error))
        .is_ok_and(|owner| owner == Owner::Device);
    if !unknown || !state.logged_in().await {
        return;
    }
    if let Ok((_, subject)) = state.session.identity().await {
        if let Ok(store) = state.store() {
            let _ = store.set_owner(&Owner::Account(subject));
        }
    }
}

#[tauri::command]
pub async fn log_out(state: State<'_, AppState>) -> Result<AccountView, IpcError> {
    let _change = state.account_change.lock().await;
    let logged_out = state.session.logout().await;
    // Whatever the logout did, the person's data is hidden now.
    state
        .store()?
        .set_owner(&Owner::Device)
        .map_err(crate::state::storage_error)?;
    logged_out.map_err(sync_error)?;
    state
        .session
        .account()
        .await
        .map(Into::into)
        .map_err(sync_error)
}

/// Logs out and deletes the person's data from this device (a shared tablet before the next
/// person, a phone that changes hands). The logout's network part is best effort; the deletion
/// is not: its error is the answer.
#[tauri::command]
pub async fn forget_personal_data<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<domain::ipc::Forgotten, IpcError> {
    let _change = state.account_change.lock().await;
    // Tokens first: whatever happens next, nobody is left logged in as this person.
    let _ = state.session.logout().await;
    let store = state.store()?;
    store
        .set_owner(&Owner::Device)
        .map_err(crate::state::storage_error)?;
    let forgotten = store
        .forget_personal_data()
        .map_err(crate::state::storage_error)?;
    Ok(domain::ipc::Forgotten {
        drafts: forgotten.drafts,
        submissions: forgotten.submissions,
        unsent: forgotten.unsent,
        messages: forgotten.messages,
        reports: forgotten.reports,
        // The PDFs it saved hold answers too; they go with the rest.
        printouts: crate::printing::forget_printouts(&app),
    })
}
