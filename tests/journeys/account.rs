//! Logging in from the app, for real: the app opens the state API's login page in the "system
//! browser" (RFC 8252), the person logs in there, the redirect reaches the app's loopback
//! listener, and the app shows who is logged in; the refresh token is in the keychain, so the
//! login survives a restart; logging out removes it.

use std::time::Duration;

use e2e::{App, Result, StateApi};

const LONG: Duration = Duration::from_secs(60);
const SHORT: Duration = Duration::from_secs(20);

/// Presses a button the way the other journeys do (a DOM click): WebKitWebDriver's own click can
/// be lost while the page re-renders after an event from the shell.
async fn press(app: &App, css: &str) -> Result<()> {
    app.wait_for(css, LONG).await?;
    app.client
        .execute(
            "document.querySelector(arguments[0]).click();",
            vec![serde_json::json!(css)],
        )
        .await?;
    Ok(())
}

async fn open_settings(app: &App) -> Result<()> {
    app.wait_for("#service-list li", LONG).await?;
    press(app, "#nav-settings").await?;
    if let Err(error) = app.wait_for("#account-state", SHORT).await {
        app.screenshot("account-settings-missing").await?;
        return Err(format!("the settings page shows no account section: {error}").into());
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn log_in_through_the_system_browser_survives_a_restart_and_log_out_forgets() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;

    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    open_settings(&app).await?;
    press(&app, "#log-in").await?;
    app.browser.complete_login("anna", LONG).await?;
    let state = app
        .wait_for_text("#account-state", LONG, |t| t.contains("Anna Beispiel"))
        .await?;
    assert!(
        state.contains("Anna"),
        "the app shows who logged in: {state:?}"
    );
    app.screenshot("account-logged-in").await?;
    app.quit().await?;

    // The refresh token is in the keychain: after a restart the person is still logged in.
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    open_settings(&app).await?;
    press(&app, "#log-out").await?;
    app.wait_for("#log-in", SHORT).await?;
    app.quit().await?;

    // Logged out for good: a restart shows the login button again.
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    open_settings(&app).await?;
    app.wait_for("#log-in", SHORT).await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}
