//! Logging in from the app, for real: the app opens the state API's login page in the "system
//! browser" (RFC 8252), the person logs in there, the redirect reaches the app's loopback
//! listener, and the app shows who is logged in; the refresh token is in the keychain, so the
//! login survives a restart; logging out removes it.

use std::time::Duration;

use e2e::steps::{
    follow, goto, invoke, log_in, parking_permit_draft, queue_parking_permit,
    status_on_my_applications,
};
use e2e::{App, Result, StateApi};
use serde_json::json;

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

/// Checks that nothing of Anna shows: no application on "my applications", no message in the
/// inbox, her draft and her application cannot be opened, even by id.
async fn nothing_of_anna(app: &App, draft_id: &str, submission_id: &str, who: &str) -> Result<()> {
    // On screen: "my applications" has loaded (its sections are there) and lists nothing.
    follow(app, "#nav-applications").await?;
    app.wait_for("#drafts-heading", SHORT).await?;
    let items = app
        .client
        .find_all(fantoccini::Locator::Css(".application"))
        .await?;
    assert!(items.is_empty(), "{who} sees none of Anna's applications");
    // Through the shell, as the pages ask it: nothing listed, nothing to open, even by id.
    let listed = invoke(app, "list_applications", json!({})).await?;
    assert_eq!(listed, json!([]), "{who}: no application listed");
    let inbox = invoke(app, "list_inbox", json!({})).await?;
    assert_eq!(inbox, json!([]), "{who}: no message listed");
    let draft = invoke(
        app,
        "load_draft",
        json!({ "request": { "draft_id": draft_id } }),
    )
    .await;
    assert!(
        draft.is_err(),
        "{who} cannot open Anna's draft by id: {draft:?}"
    );
    let submission = invoke(
        app,
        "load_submission",
        json!({ "request": { "submission_id": submission_id } }),
    )
    .await;
    assert!(
        submission.is_err(),
        "{who} cannot open Anna's application by id: {submission:?}"
    );
    follow(app, "#nav-inbox").await?;
    app.wait_for("#inbox-heading", SHORT).await?;
    let text = app
        .wait_for_text("#main", SHORT, |t| !t.is_empty() && !t.contains("…"))
        .await?;
    assert!(
        !text.contains(CANARY),
        "{who} does not see Anna's message: {text:?}"
    );
    Ok(())
}

const CANARY: &str = "Kanarienvogel-7Q";

/// #14, on a shared tablet without assisted mode: Anna's drafts, applications and messages are
/// hers. After her logout the next person (not logged in, then Ben) sees nothing of them, not
/// even by id; her next login shows them again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn after_a_logout_the_next_person_sees_nothing_of_the_last() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    log_in(&app, "anna", "Anna", LONG).await?;

    // Anna sends an application, the authority writes to her, and she leaves a draft.
    let submission_id = queue_parking_permit(&app).await?;
    follow(&app, "#nav-applications").await?;
    status_on_my_applications(&app, &submission_id, "status-received", LONG).await?;
    api.send_message(
        &submission_id,
        CANARY,
        "Bitte reichen Sie noch ein Foto ein.",
    )
    .await?;
    let draft_id = parking_permit_draft(&app, &e2e::clock::today().to_string()).await?;
    invoke(
        &app,
        "save_answer",
        json!({ "request": { "draft_id": draft_id, "path": "antragsteller.familienname", "value": CANARY } }),
    )
    .await?;
    follow(&app, "#nav-inbox").await?;
    app.wait_for_text("#main", LONG, |t| t.contains(CANARY))
        .await?;
    follow(&app, "#nav-applications").await?;
    app.wait_for(".application", SHORT).await?;

    // Anna logs out: the next person, not logged in, sees nothing of her.
    follow(&app, "#nav-settings").await?;
    follow(&app, "#log-out").await?;
    app.wait_for("#log-in", LONG).await?;
    nothing_of_anna(&app, &draft_id, &submission_id, "the next person").await?;
    let mut report = Vec::new();
    follow(&app, "#nav-applications").await?;
    app.wait_for("#applications-heading", SHORT).await?;
    e2e::a11y::axe(&app, "my applications after a logout", &mut report).await?;
    app.screenshot("shared-tablet-after-logout").await?;

    // Ben logs in on the same tablet: nothing of Anna either.
    log_in(&app, "ben", "Ben", LONG).await?;
    nothing_of_anna(&app, &draft_id, &submission_id, "Ben").await?;
    follow(&app, "#nav-settings").await?;
    follow(&app, "#log-out").await?;
    app.wait_for("#log-in", LONG).await?;

    // Anna comes back: her draft, her application and her message are there.
    log_in(&app, "anna", "Anna", LONG).await?;
    follow(&app, "#nav-applications").await?;
    app.wait_for(
        &format!("li.application[data-application-id='{submission_id}']"),
        LONG,
    )
    .await?;
    app.wait_for(
        &format!("li.application[data-application-id='{draft_id}']"),
        SHORT,
    )
    .await?;
    let draft = invoke(
        &app,
        "load_draft",
        json!({ "request": { "draft_id": draft_id } }),
    )
    .await?;
    assert!(
        draft.to_string().contains(CANARY),
        "Anna's draft is intact: {draft}"
    );
    follow(&app, "#nav-inbox").await?;
    app.wait_for_text("#main", LONG, |t| t.contains(CANARY))
        .await?;
    // Log out, so the next journey starts as nobody.
    follow(&app, "#nav-settings").await?;
    follow(&app, "#log-out").await?;
    app.wait_for("#log-in", LONG).await?;
    app.quit().await?;
    api.stop().await;
    assert_eq!(
        e2e::a11y::write_report(&report, "axe-report-shared-tablet.json")?,
        0
    );
    Ok(())
}

/// The value of an input, by its id.
async fn input_value(app: &App, id: &str) -> Result<String> {
    let value = app
        .client
        .execute(
            "const e = document.getElementById(arguments[0]); return e ? e.value : null;",
            vec![json!(id)],
        )
        .await?;
    Ok(value.as_str().unwrap_or_default().to_string())
}

/// #18 prefill: on a phone, the person keeps the details of one application (only when asked,
/// from the review) and a later form offers them for its empty fields of the person; what she
/// typed stays; deleting them in the settings ends the offer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn details_kept_from_one_application_fill_the_next_only_when_asked() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    let mut report = Vec::new();

    // A complete parking permit, opened at its review: keep its details.
    let parking = parking_permit_draft(&app, &e2e::clock::today().to_string()).await?;
    invoke(
        &app,
        "set_draft_page",
        json!({ "request": { "draft_id": parking, "page_id": "review" } }),
    )
    .await?;
    goto(&app, &format!("/antrag/{parking}")).await?;
    app.wait_for("#wizard-submit", LONG).await?;
    assert!(
        app.client
            .find(fantoccini::Locator::Css("#fill-my-details"))
            .await
            .is_err(),
        "nothing is offered before anything was kept"
    );
    app.wait_for("#remember-my-details", SHORT).await?;
    e2e::a11y::axe(&app, "review with keep my details", &mut report).await?;
    follow(&app, "#remember-my-details").await?;
    app.wait_for("#my-details-remembered", SHORT).await?;

    // A dog-tax form: she typed her given names already; the rest comes from what she kept.
    let dog = invoke(
        &app,
        "start_draft",
        json!({ "request": { "leika_key": "99102013000000", "form_id": "hundesteuer" } }),
    )
    .await?;
    let dog = dog["draft_id"].as_str().ok_or("a draft id")?.to_string();
    invoke(
        &app,
        "save_answer",
        json!({ "request": { "draft_id": dog, "path": "halter.vornamen", "value": "Anne-Marie" } }),
    )
    .await?;
    goto(&app, &format!("/antrag/{dog}")).await?;
    let offer = app
        .wait_for_text(".my-details-offer", LONG, |t| t.contains("Familienname"))
        .await?;
    assert!(
        !offer.contains("Vornamen"),
        "the typed given names are not offered for replacing: {offer:?}"
    );
    e2e::a11y::axe(&app, "wizard with the offer of kept details", &mut report).await?;
    app.screenshot("details-offer-phone").await?;
    follow(&app, "#fill-my-details").await?;
    app.wait_for("#my-details-filled", SHORT).await?;
    assert_eq!(
        input_value(&app, "f-halter-familienname").await?,
        "Beispiel"
    );
    assert_eq!(input_value(&app, "f-halter-vornamen").await?, "Anne-Marie");
    assert_eq!(input_value(&app, "f-halter-anschrift").await?, "Anger");
    assert!(
        offer.contains("Anschrift"),
        "the kept address is offered too: {offer:?}"
    );
    app.screenshot("details-filled-phone").await?;
    // Kept by the shell like anything typed.
    let deadline = std::time::Instant::now() + SHORT;
    loop {
        let stored = invoke(
            &app,
            "load_draft",
            json!({ "request": { "draft_id": dog } }),
        )
        .await?;
        if stored["answers"]["halter"]["familienname"] == "Beispiel" {
            assert_eq!(stored["answers"]["halter"]["vornamen"], "Anne-Marie");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the filled answer is saved: {stored}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // Deleting them in the settings ends the offer.
    follow(&app, "#nav-settings").await?;
    app.wait_for_text("#my-details-kept", SHORT, |t| t.contains("Familienname"))
        .await?;
    e2e::a11y::axe(&app, "settings with kept details", &mut report).await?;
    follow(&app, "#forget-my-details").await?;
    let deadline = std::time::Instant::now() + SHORT;
    while app
        .client
        .find(fantoccini::Locator::Css("#my-details-kept"))
        .await
        .is_ok()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the details are deleted"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mine = invoke(&app, "load_my_details", json!({})).await?;
    assert_eq!(mine["details"], json!({}), "nothing kept: {mine}");
    app.quit().await?;
    api.stop().await;
    assert_eq!(
        e2e::a11y::write_report(&report, "axe-report-my-details.json")?,
        0
    );
    Ok(())
}
