//! What the device keeps for the person, in the real window: earlier data it cannot read is
//! set aside and the person told, a person deletes their data on a shared tablet before the
//! next one, and a barrier reported offline without login survives a restart and arrives once.

mod support;

use std::time::Duration;

use e2e::a11y::{axe, write_report};
use e2e::wizard::{choose_home, click, start_application, type_into};
use e2e::{App, Result, StateApi};
use fantoccini::Locator;
use serde_json::json;

use support::{active_id, goto, LONG, PARKING, SHORT};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn a_barrier_reported_offline_without_login_survives_a_restart_and_arrives_once() -> Result<()>
{
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::down()?;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    let mut report = Vec::new();

    // From a service's page, the footer link says where the person was.
    goto(&app, &format!("/leistung/{PARKING}")).await?;
    app.wait_for("#start-application", SHORT).await?;
    click(&app, "#footer-report-barrier").await?;
    app.wait_for("#feedback-form", SHORT).await?;
    let place = app
        .client
        .execute(
            "return document.getElementById('feedback-place').value;",
            vec![],
        )
        .await?;
    assert!(
        place.as_str().is_some_and(|p| p.contains("parkausweis")),
        "the page the person came from is filled in: {place:?}"
    );

    // Sending an empty report: the error summary takes focus and links to the field.
    click(&app, "#feedback-send").await?;
    app.wait_for("#feedback-error-summary", SHORT).await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(active_id(&app).await?, "feedback-error-summary");
    axe(&app, "report a barrier, failed", &mut report).await?;
    app.screenshot("feedback-error-summary-phone").await?;
    click(&app, "#feedback-error-summary a").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(active_id(&app).await?, "feedback-description");

    // An answer is wanted, but the address is incomplete: named next to the field.
    let description = "Die Fehlermeldung im Antrag wird vom Screenreader nicht vorgelesen.";
    type_into(&app, "#feedback-description", description).await?;
    type_into(&app, "#feedback-assistive-technology", "Orca").await?;
    // A look at another page loses nothing of a report half written.
    goto(&app, "/einstellungen").await?;
    app.wait_for("#settings-heading", SHORT).await?;
    goto(&app, "/barrierefreiheit/feedback").await?;
    app.wait_for("#feedback-form", SHORT).await?;
    let kept = app
        .client
        .execute(
            "return document.getElementById('feedback-description').value;",
            vec![],
        )
        .await?;
    assert_eq!(
        kept,
        json!(description),
        "the half-written report is still there"
    );
    click(&app, "#feedback-wants-reply").await?;
    type_into(&app, "#feedback-email", "anna@").await?;
    click(&app, "#feedback-send").await?;
    app.wait_for_text("#feedback-error-summary", SHORT, |t| t.contains('@'))
        .await?;
    type_into(&app, "#feedback-email", "anna@example.org").await?;
    click(&app, "#feedback-send").await?;

    // Offline and not logged in: stored on the device, said so plainly.
    app.wait_for("#feedback-thanks", SHORT).await?;
    app.wait_for("#feedback-reports li[data-state='waiting']", SHORT)
        .await?;
    axe(&app, "report a barrier, stored offline", &mut report).await?;
    app.screenshot("feedback-stored-offline-phone").await?;
    app.quit().await?;

    // A restart, still offline: the report is still there, waiting.
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    goto(&app, "/barrierefreiheit/feedback").await?;
    app.wait_for("#feedback-reports li[data-state='waiting']", LONG)
        .await?;

    // The state API comes back: the report goes without any login, once, with a reference.
    api = StateApi::start_on(server_dir.path(), api.port).await?;
    let sent = app
        .wait_for_text(
            "#feedback-reports li[data-state='sent'] .feedback-report__state",
            Duration::from_secs(90),
            |t| t.contains("BF-"),
        )
        .await?;
    app.screenshot("feedback-sent-tablet").await?;
    axe(&app, "report a barrier, sent", &mut report).await?;
    let received = api.accessibility_reports().await?;
    assert_eq!(received.len(), 1, "the report arrived exactly once");
    let reference = received[0]["reference"].as_str().unwrap_or_default();
    assert!(
        sent.contains(reference),
        "the app shows the state's reference {reference}: {sent}"
    );
    assert_eq!(received[0]["report"]["description"], description);
    assert_eq!(received[0]["report"]["assistiveTechnology"], "Orca");
    assert_eq!(received[0]["report"]["email"], "anna@example.org");
    assert!(
        received[0]["report"]["place"]
            .as_str()
            .is_some_and(|p| p.contains("parkausweis")),
        "{}",
        received[0]["report"]
    );
    let violations = write_report(&report, "axe-report-feedback.json")?;
    assert_eq!(violations, 0, "axe violations on the report pages");
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn unreadable_earlier_data_is_set_aside_and_the_person_is_told() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    // A damaged file where the store should be (or one whose key the keychain lost).
    let damaged = b"SQLite format 3\0 but then nothing that makes sense".to_vec();
    std::fs::write(app_dir.path().join("thueringen-app.db"), &damaged)?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    let notice = app
        .wait_for_text("#storage-notice", SHORT, |t| t.contains("unreadable"))
        .await?;
    let mut report = Vec::new();
    axe(&app, "storage notice", &mut report).await?;
    app.screenshot("storage-notice-tablet").await?;
    // The notice names the file the earlier data is kept in; it is there, unchanged.
    let kept = std::fs::read_dir(app_dir.path())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| notice.contains(name.as_str()) && name != "thueringen-app.db")
        .ok_or(format!("no kept file named in the notice: {notice}"))?;
    assert_eq!(
        std::fs::read(app_dir.path().join(&kept))?,
        damaged,
        "nothing deleted"
    );
    // Understood: gone, and it stays gone after a restart.
    click(&app, "#storage-notice-dismiss").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(app
        .client
        .find(Locator::Id("storage-notice"))
        .await
        .is_err());
    app.quit().await?;
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(
        app.client
            .find(Locator::Id("storage-notice"))
            .await
            .is_err(),
        "dismissed for good"
    );
    app.quit().await?;
    api.stop().await;
    assert_eq!(write_report(&report, "axe-report-storage-notice.json")?, 0);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn on_a_shared_tablet_the_person_deletes_their_data_before_the_next_one() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    choose_home(&app, "99084", "Erfurt").await?;
    start_application(&app, PARKING).await?;
    goto(&app, "/einstellungen").await?;
    click(&app, "#log-in").await?;
    app.browser.complete_login("anna", LONG).await?;
    app.wait_for_text("#account-state", LONG, |t| t.contains("Anna"))
        .await?;
    goto(&app, "/antraege").await?;
    app.wait_for(".application", SHORT).await?;
    // Anna saved the summary of her draft for the town hall: a PDF in Downloads.
    let list = e2e::steps::invoke(&app, "list_applications", json!({})).await?;
    let draft = list
        .as_array()
        .and_then(|l| l.iter().find(|a| a["status"] == "DRAFT"))
        .and_then(|a| a["id"].as_str())
        .ok_or("Anna's draft is listed")?
        .to_owned();
    let saved = e2e::steps::invoke(
        &app,
        "save_printout",
        json!({ "request": { "of": "draft", "draft_id": draft } }),
    )
    .await?;
    let summary = std::path::PathBuf::from(saved["path"].as_str().ok_or("a path")?);
    assert!(summary.starts_with(&app.downloads) && summary.is_file());
    let theirs = app.downloads.join("Urlaubsfotos.pdf");
    std::fs::write(&theirs, b"%PDF not the app's")?;

    // Delete my data: a confirmation first, then logged out and nothing of Anna left.
    goto(&app, "/einstellungen").await?;
    click(&app, "#forget-device").await?;
    app.wait_for("#forget-dialog[open]", SHORT).await?;
    let mut report = Vec::new();
    axe(&app, "delete my data: confirmation", &mut report).await?;
    app.screenshot("forget-dialog-tablet").await?;
    click(&app, "#forget-confirm").await?;
    app.wait_for("#forget-done", SHORT).await?;
    assert!(
        !summary.exists(),
        "the summary Anna saved is deleted with her data"
    );
    assert!(theirs.exists(), "files the app did not save stay");
    app.wait_for_text("#account-state", SHORT, |t| !t.contains("Anna"))
        .await?;
    let home = app.texts("#home-current").await?.join(" ");
    assert!(
        !home.contains("Erfurt"),
        "the home municipality is forgotten: {home}"
    );
    axe(&app, "delete my data: done", &mut report).await?;
    goto(&app, "/antraege").await?;
    app.wait_for("#drafts-heading", SHORT).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        app.texts(".application").await?.is_empty(),
        "no drafts or applications left"
    );
    app.quit().await?;

    // The next person starts the app: logged out, nothing of Anna's.
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    assert!(
        app.texts("#open-applications .application")
            .await?
            .is_empty(),
        "the start page shows no one's applications"
    );
    goto(&app, "/einstellungen").await?;
    app.wait_for_text("#account-state", LONG, |t| !t.contains("Anna"))
        .await?;
    app.quit().await?;
    api.stop().await;
    assert_eq!(write_report(&report, "axe-report-forget.json")?, 0);
    Ok(())
}
