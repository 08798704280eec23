//! An assisted session on a shared tablet (#14), end to end in the real window with the real
//! keychain (Secret Service) and the real state API, at tablet size. A Digitallotsin (Anna)
//! is logged in and has a draft of her own; she sets the tablet up as shared with a PIN. She
//! starts a session; a visitor (Ben) logs in for it, sends an application with a canary in
//! his answers and leaves a draft with another. The session ends only once the visitor chose
//! to discard the unsent draft, and ends on the tablet's lock, not in Anna's account: nothing
//! of hers answers until her PIN (a wrong one is refused). Then the device's store, the data
//! folder, the webview's folders and the keychain hold nothing of him: the canaries are
//! nowhere in plain text, his session's folder is gone, Anna's kept login was never replaced
//! by his, and Anna finds her own draft and her login as she left them. Ben's application
//! arrived once, under his account.

use std::path::{Path, PathBuf};
use std::time::Duration;

use e2e::steps::{
    follow, goto, invoke, log_in, parking_permit_draft, set_answer, status_on_my_applications,
    submit_draft,
};
use e2e::wizard::{click, type_into};
use e2e::{App, Result, StateApi};
use keychain::KeyStore;
use serde_json::json;

const LONG: Duration = Duration::from_secs(90);
const SHORT: Duration = Duration::from_secs(20);
/// In the visitor's sent application, and in his unsent draft.
const SENT_CANARY: &str = "Kanarienvogel-Gesendet-5e1c";
const DRAFT_CANARY: &str = "Kanarienvogel-Entwurf-9b2d";
const PIN: &str = "246810";

/// Anna's refresh token as the OS keychain holds it (the app's service and entry).
fn kept_login() -> Result<Option<String>> {
    let keys = keychain::OsKeyStore::new("de.thueringen.app");
    Ok(keys
        .get("state-api-refresh-token")?
        .map(|s| s.expose().to_string()))
}

/// Every file under `dirs` (the state API's folder aside: it is the authority's side, checked
/// by its own tests) that holds one of the canaries in plain text.
fn canary_hits(dirs: &[PathBuf], except: &Path) -> Vec<String> {
    e2e::scan::canary_hits(dirs, Some(except), &[SENT_CANARY, DRAFT_CANARY])
}

async fn set_family_name(app: &App, draft_id: &str, name: &str) -> Result<()> {
    set_answer(app, draft_id, "antragsteller.familienname", json!(name)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn an_assisted_session_leaves_nothing_of_the_visitor_on_the_tablet() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;

    // The Digitallotsin, logged in, with a draft of her own.
    log_in(&app, "anna", "Anna", LONG).await?;
    let annas_login = kept_login()?.ok_or("Anna's login is kept in the keychain")?;
    let annas_draft = parking_permit_draft(&app, &e2e::clock::today().to_string()).await?;

    // She sets the tablet up as shared, then starts a session from the settings; the window
    // starts over with its notice.
    goto(&app, "/einstellungen").await?;
    type_into(&app, "#device-pin", PIN).await?;
    type_into(&app, "#device-pin-again", PIN).await?;
    click(&app, "#set-device-pin").await?;
    app.wait_for("#shared-on", SHORT).await?;
    follow(&app, "#start-visit").await?;
    app.wait_for("#visit-banner", LONG).await?;
    app.wait_for("#service-list li", LONG).await?;
    let mut report = Vec::new();
    e2e::a11y::axe(&app, "start page in an assisted session", &mut report).await?;
    app.screenshot("assisted-session-start-tablet").await?;
    let listed = invoke(&app, "list_applications", json!({})).await?;
    assert_eq!(listed, json!([]), "nothing of Anna's in the session");
    follow(&app, "#nav-settings").await?;
    app.wait_for("#log-in", SHORT).await?;
    e2e::a11y::axe(&app, "settings in an assisted session", &mut report).await?;

    // The visitor logs in for the session and sends an application.
    log_in(&app, "ben", "Ben", LONG).await?;
    assert_eq!(
        kept_login()?.as_deref(),
        Some(annas_login.as_str()),
        "the visitor's login is not kept in the keychain"
    );
    let sent_draft = parking_permit_draft(&app, &e2e::clock::today().to_string()).await?;
    set_family_name(&app, &sent_draft, SENT_CANARY).await?;
    let submitted = submit_draft(&app, &sent_draft).await?;
    let submission_id = submitted["submission_id"]
        .as_str()
        .ok_or("queued")?
        .to_string();
    follow(&app, "#nav-applications").await?;
    status_on_my_applications(&app, &submission_id, "status-received", LONG).await?;
    // On the tablet the list stands beside the application shown.
    goto(&app, &format!("/antraege/{submission_id}")).await?;
    let beside = app
        .wait_for(
            &format!(
                ".split-list [data-application-id=\"{submission_id}\"][aria-current=\"page\"]"
            ),
            SHORT,
        )
        .await?;
    assert!(
        beside.is_displayed().await?,
        "the list is beside the application at tablet size"
    );
    app.wait_for("#visit-banner #end-visit", SHORT).await?;
    e2e::a11y::axe(&app, "an application beside the list (tablet)", &mut report).await?;
    app.screenshot("assisted-application-beside-list-tablet")
        .await?;
    // ... and leaves a draft.
    let left = parking_permit_draft(&app, &e2e::clock::today().to_string()).await?;
    set_family_name(&app, &left, DRAFT_CANARY).await?;

    // Ending asks what happens to the unsent draft; the visitor discards it.
    follow(&app, "#end-visit").await?;
    app.wait_for("#visit-unsent-dialog[open]", SHORT).await?;
    let said = app
        .wait_for_text("#visit-unsent-body", SHORT, |t| t.contains('1'))
        .await?;
    assert!(said.contains('1'), "one draft is named: {said:?}");
    e2e::a11y::axe(&app, "unsent work when a session ends", &mut report).await?;
    app.screenshot("assisted-session-unsent-tablet").await?;
    follow(&app, "#visit-unsent-discard").await?;

    // The session is over and the tablet is locked: nothing of Anna's answers.
    app.wait_for("#lock-heading", LONG).await?;
    assert!(
        app.client
            .find(fantoccini::Locator::Id("visit-banner"))
            .await
            .is_err(),
        "the session is over"
    );
    let locked = invoke(&app, "list_applications", json!({})).await;
    assert!(locked.is_err(), "locked: {locked:?}");
    let locked = invoke(&app, "account", json!({})).await;
    assert!(locked.is_err(), "not even who she is: {locked:?}");
    e2e::a11y::axe(&app, "the shared tablet's lock", &mut report).await?;
    app.screenshot("assisted-session-lock-tablet").await?;
    type_into(&app, "#lock-pin", "000000").await?;
    click(&app, "#unlock-device").await?;
    app.wait_for("#lock-error .kern-error", SHORT).await?;
    type_into(&app, "#lock-pin", PIN).await?;
    click(&app, "#unlock-device").await?;
    app.wait_for("#service-list li", LONG).await?;
    let violations = e2e::a11y::write_report(&report, "axe-report-assisted.json")?;
    assert_eq!(violations, 0, "axe finds nothing: {report:?}");

    // Anna's tablet is as she left it: her login and her draft, nothing of Ben's.
    follow(&app, "#nav-settings").await?;
    app.wait_for_text("#account-state", LONG, |t| t.contains("Anna"))
        .await?;
    // Her record for the volunteer report: one session today, one application sent, the
    // service by name; nothing about Ben.
    let report = app
        .wait_for_text("#visit-report", SHORT, |t| t.contains("1 Beratung"))
        .await?;
    assert!(
        report.contains("1 mit gesendetem Antrag") && report.contains("Bewohnerparkausweis"),
        "the session is in her report: {report:?}"
    );
    assert!(!report.contains(SENT_CANARY) && !report.contains("Ben"));
    let listed = invoke(&app, "list_applications", json!({})).await?;
    let ids: Vec<&str> = listed
        .as_array()
        .map(|l| l.iter().filter_map(|a| a["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        ids,
        vec![annas_draft.as_str()],
        "only Anna's draft: {listed}"
    );
    for visitors in [&sent_draft, &left] {
        let opened = invoke(
            &app,
            "load_draft",
            json!({ "request": { "draft_id": visitors } }),
        )
        .await;
        assert!(opened.is_err(), "the visitor's draft is gone: {opened:?}");
    }
    // Her kept login is hers (the account line above names her); the app may have rotated it
    // since, when it asked who she is.
    assert!(kept_login()?.is_some(), "Anna's login is still kept");

    // Nothing of the visitor in plain text anywhere the app and its webview write: the data
    // folder (store, its WAL, saved files), the desktop's data and cache folders (the
    // webview's storage, the keyring's file), the temp folder; and no session folder left.
    let mut dirs = vec![app_dir.path().to_path_buf(), std::env::temp_dir()];
    for var in ["XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"] {
        if let Some(dir) = std::env::var_os(var) {
            dirs.push(PathBuf::from(dir));
        }
    }
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".cache/de.thueringen.app"));
        dirs.push(home.join(".local/share/de.thueringen.app"));
    }
    let hits = canary_hits(&dirs, server_dir.path());
    assert!(hits.is_empty(), "the visitor left traces: {hits:#?}");
    assert!(
        !app_dir.path().join("beratung").exists()
            || std::fs::read_dir(app_dir.path().join("beratung"))?
                .next()
                .is_none(),
        "no session folder is left"
    );

    // The application arrived once, under the visitor's account.
    let list = api.submissions().await?;
    let ours: Vec<&serde_json::Value> = list
        .iter()
        .filter(|s| s["submissionId"] == json!(submission_id))
        .collect();
    assert_eq!(ours.len(), 1, "sent exactly once: {list:?}");

    follow(&app, "#log-out").await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}

/// A session cut short by a kill of the app (no ending, no cleanup in the process): its store
/// could only be read with a key that died with the process, and the next start deletes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn a_session_killed_with_the_app_is_gone_after_the_next_start() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    goto(&app, "/einstellungen").await?;
    follow(&app, "#start-visit").await?;
    app.wait_for("#visit-banner", LONG).await?;
    let draft = parking_permit_draft(&app, &e2e::clock::today().to_string()).await?;
    set_family_name(&app, &draft, DRAFT_CANARY).await?;
    let sessions = app_dir.path().join("beratung");
    let files = e2e::scan::files_under(&sessions);
    assert!(!files.is_empty(), "the session's store is on disk");

    // SIGKILL: the process gets no chance to end the session.
    let binary = e2e::app_binary()?;
    let killed = std::process::Command::new("pkill")
        .args(["-KILL", "-f"])
        .arg(&binary)
        .status()?;
    assert!(killed.success(), "the app was running and is killed");
    drop(app);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let files = e2e::scan::files_under(&sessions);
    assert!(
        !files.is_empty(),
        "a kill leaves the session's files behind"
    );
    let hits = canary_hits(&[app_dir.path().to_path_buf()], server_dir.path());
    assert!(hits.is_empty(), "but nothing readable: {hits:#?}");

    // The next start deletes them before anything else.
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    let files = e2e::scan::files_under(&sessions);
    assert_eq!(
        files,
        Vec::<PathBuf>::new(),
        "nothing of the session is left"
    );
    assert!(
        app.client
            .find(fantoccini::Locator::Id("visit-banner"))
            .await
            .is_err(),
        "no session runs after the restart"
    );
    let listed = invoke(&app, "list_applications", json!({})).await?;
    assert_eq!(listed, json!([]), "the visitor's draft is gone");
    app.quit().await?;
    api.stop().await;
    Ok(())
}

/// A session nobody uses any more warns in its last moments, goes on when the visitor says so,
/// and ends by itself when nobody answers, with nothing left (a debug build is given 45 s
/// instead of 15 minutes).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn an_idle_session_warns_and_then_ends_by_itself() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch_with(
        app_dir.path(),
        &api,
        820,
        1180,
        &[("THUERINGEN_VISIT_IDLE_SECS", "45".into())],
    )
    .await?;
    app.wait_for("#service-list li", LONG).await?;
    goto(&app, "/einstellungen").await?;
    follow(&app, "#start-visit").await?;
    app.wait_for("#visit-banner", LONG).await?;
    let draft = parking_permit_draft(&app, &e2e::clock::today().to_string()).await?;
    set_family_name(&app, &draft, DRAFT_CANARY).await?;

    // No input: the warning comes, with the time left.
    app.wait_for("#visit-ending-dialog[open]", LONG).await?;
    let mut report = Vec::new();
    e2e::a11y::axe(&app, "an idle session's warning", &mut report).await?;
    app.screenshot("assisted-session-ending-tablet").await?;
    click(&app, "#visit-continue").await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    app.wait_for("#visit-banner", SHORT).await?;
    let opened = invoke(
        &app,
        "load_draft",
        json!({ "request": { "draft_id": draft } }),
    )
    .await;
    assert!(opened.is_ok(), "going on keeps the session: {opened:?}");

    // Nobody answers the next warning: the session ends, and nothing of it is left.
    app.wait_for("#visit-ending-dialog[open]", LONG).await?;
    let deadline = std::time::Instant::now() + LONG;
    while app_dir.path().join("beratung").exists()
        && std::fs::read_dir(app_dir.path().join("beratung"))?
            .next()
            .is_some()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the idle session ended"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    app.wait_for("#service-list li", LONG).await?;
    let listed = invoke(&app, "list_applications", json!({})).await?;
    assert_eq!(listed, json!([]), "the visitor's draft is gone");
    assert!(
        app.client
            .find(fantoccini::Locator::Id("visit-banner"))
            .await
            .is_err(),
        "no session runs"
    );
    let hits = canary_hits(&[app_dir.path().to_path_buf()], server_dir.path());
    assert!(hits.is_empty(), "{hits:#?}");
    let violations = e2e::a11y::write_report(&report, "axe-report-assisted-idle.json")?;
    assert_eq!(violations, 0, "axe finds nothing: {report:?}");
    app.quit().await?;
    api.stop().await;
    Ok(())
}

/// The new screens at phone size: the session's notice, the settings during a session, the
/// lock (axe-core finds nothing on any of them).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn the_session_and_lock_screens_pass_axe_at_phone_size() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    let mut report = Vec::new();
    goto(&app, "/einstellungen").await?;
    type_into(&app, "#device-pin", PIN).await?;
    type_into(&app, "#device-pin-again", PIN).await?;
    click(&app, "#set-device-pin").await?;
    app.wait_for("#shared-on", SHORT).await?;
    e2e::a11y::axe(&app, "settings of a shared device (phone)", &mut report).await?;
    follow(&app, "#start-visit").await?;
    app.wait_for("#visit-banner", LONG).await?;
    app.wait_for("#service-list li", LONG).await?;
    e2e::a11y::axe(&app, "start page in a session (phone)", &mut report).await?;
    app.screenshot("assisted-session-start-phone").await?;
    goto(&app, "/einstellungen").await?;
    app.wait_for("#log-in", SHORT).await?;
    e2e::a11y::axe(&app, "settings in a session (phone)", &mut report).await?;
    follow(&app, "#end-visit").await?;
    app.wait_for("#lock-heading", LONG).await?;
    e2e::a11y::axe(&app, "the lock (phone)", &mut report).await?;
    app.screenshot("assisted-session-lock-phone").await?;
    let violations = e2e::a11y::write_report(&report, "axe-report-assisted-phone.json")?;
    assert_eq!(violations, 0, "axe finds nothing: {report:?}");
    app.quit().await?;
    api.stop().await;
    Ok(())
}
