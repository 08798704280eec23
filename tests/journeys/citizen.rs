//! The citizen's journeys through the wizard in the real window: every page and every wizard
//! step of the showcase forms checked with axe-core (WCAG 2.1 A/AA), the error summary and its
//! links, repeat groups, attachments, a draft that survives a restart with the state API down,
//! and a whole application with the keyboard alone. Screens at phone, tablet and desktop sizes:
//! screens.rs; what the device keeps for the person: device.rs.

mod support;

use std::time::Duration;

use e2e::a11y::{axe, write_report};
use e2e::wizard::{
    attachment_file, choose_home, click, definition, fill_page, heading, start_application, submit,
    valid_answers, walk_to_review,
};
use e2e::{App, Result, StateApi};
use fantoccini::Locator;
use serde_json::json;

use support::{active_id, goto, LONG, PARKING, REGISTRATION, SHORT};

const BUILDING: &str = "99012008001000";

/// What a keyboard user does at the focused element to give the answer in `answers`:
/// type text, press Space, press an arrow key `n` times, pick a file, or nothing.
const KEY_ACTION: &str = include_str!("js/key_action.js");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn every_page_and_every_wizard_step_passes_axe() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    app.wait_for("#service-list li", LONG).await?;
    let mut report = Vec::new();

    axe(&app, "start", &mut report).await?;
    for (path, name) in [
        ("/leistungen", "services"),
        (&format!("/leistung/{PARKING}") as &str, "service detail"),
        ("/antraege", "my applications (empty)"),
        ("/postfach", "inbox (empty)"),
        ("/einstellungen", "settings"),
        ("/barrierefreiheit", "accessibility statement"),
        ("/barrierefreiheit/feedback", "accessibility feedback"),
    ] {
        goto(&app, path).await?;
        app.wait_for("main h1", SHORT).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        axe(&app, name, &mut report).await?;
    }

    // Choose a home municipality by postal code: the detail page then names the office.
    choose_home(&app, "99084", "Erfurt").await?;
    goto(&app, &format!("/leistung/{PARKING}")).await?;
    app.wait_for(".authority-name", SHORT).await?;
    axe(&app, "service detail with office", &mut report).await?;
    app.screenshot("service-detail-desktop").await?;

    for (form_id, key) in [
        ("bewohnerparkausweis", PARKING),
        ("wohnsitz-anmeldung", REGISTRATION),
        ("baugenehmigung", BUILDING),
        ("hundesteuer", "99102013000000"),
        ("gewerbeanmeldung", "99050012104000"),
    ] {
        let def = definition(form_id);
        let answers = valid_answers(&def, form_id != "baugenehmigung");
        start_application(&app, key).await?;
        // A failed step: the error summary shows, takes focus, and passes axe too.
        click(&app, "#wizard-next").await?;
        app.wait_for("#error-summary", SHORT).await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert_eq!(
            active_id(&app).await?,
            "error-summary",
            "{form_id}: focus moves to the error summary"
        );
        axe(&app, &format!("{form_id} error summary"), &mut report).await?;
        let pages = walk_to_review(
            &app,
            form_id,
            &answers,
            &mut report,
            form_id != "gewerbeanmeldung",
        )
        .await?;
        axe(&app, &format!("{form_id} review"), &mut report).await?;
        app.screenshot(&format!("wizard-{form_id}-review")).await?;
        println!("{form_id}: {pages} pages to the review");
        submit(&app).await?;
        axe(&app, &format!("{form_id} submitted"), &mut report).await?;
    }
    goto(&app, "/antraege").await?;
    app.wait_for(".application", SHORT).await?;
    axe(&app, "my applications (sent)", &mut report).await?;
    app.screenshot("applications-desktop").await?;

    // 200 % text and high contrast.
    goto(&app, "/einstellungen").await?;
    click(&app, "#text-size-largest").await?;
    click(&app, "#high-contrast").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    axe(&app, "settings at 200 % with high contrast", &mut report).await?;
    app.screenshot("settings-200-percent").await?;
    goto(&app, &format!("/leistung/{PARKING}")).await?;
    app.wait_for("#start-application", SHORT).await?;
    app.screenshot("service-detail-200-percent").await?;

    let total = write_report(&report, "axe-report.json")?;
    app.quit().await?;
    api.stop().await;
    assert_eq!(
        total, 0,
        "axe found WCAG 2.1 A/AA violations: see tests/artifacts/axe-report.json"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn parking_permit_offline_survives_a_restart_is_received_and_answered() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::down()?;
    let _ = &server_dir;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#offline-banner", LONG).await?;
    // The person lives in Erfurt (chosen offline, from the catalog on the device).
    choose_home(&app, "99084", "Erfurt").await?;
    goto(&app, "/").await?;
    let input = app.wait_for("#service-search", SHORT).await?;
    input.send_keys("Anwohnerparkausweis").await?;
    let link = format!("#service-list li[data-leika-key='{PARKING}'] a");
    click(&app, &link).await?;
    app.wait_for("#start-application", SHORT).await?;
    app.screenshot("parking-detail-phone").await?;
    click(&app, "#start-application").await?;
    app.wait_for("#wizard-heading", LONG).await?;
    let answers = valid_answers(&definition("bewohnerparkausweis"), true);
    let mut report = Vec::new();
    walk_to_review(
        &app,
        "bewohnerparkausweis-phone",
        &answers,
        &mut report,
        true,
    )
    .await?;
    app.screenshot("parking-review-phone").await?;
    let review = app.texts(".review-section").await?;
    assert!(!review.is_empty(), "the review lists the answers");

    // For a visit to the town hall (#14: without a phone of one's own): a summary of what is
    // filled in so far, offline, with the documents to bring and the office responsible in
    // Erfurt; nothing is sent.
    let path = e2e::steps::save_printout(&app, LONG).await?;
    assert!(path.starts_with(&app.downloads), "{}", path.display());
    let catalog = catalog_seed::seed_catalog()?;
    let service = catalog
        .services
        .iter()
        .find(|s| s.leika_key == PARKING)
        .ok_or("the parking permit is in the catalog")?;
    let office = catalog
        .authority_index()
        .responsible_for(service, "16051000")
        .map(|a| a.name.de.clone())
        .ok_or("someone is responsible in Erfurt")?;
    let text = e2e::pdf::text(&path)?;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in service
        .documents
        .iter()
        .map(|d| d.de.split_whitespace().collect::<Vec<_>>().join(" "))
        .chain([office, "Was Sie ausgefüllt haben".to_owned()])
    {
        assert!(
            flat.contains(&expected),
            "{expected:?} in the summary: {flat}"
        );
    }
    assert!(
        e2e::pdf::embedded(&path)?.is_empty(),
        "the summary carries no data files"
    );
    app.screenshot("parking-summary-saved-phone").await?;
    app.quit().await?;

    // Start again, still offline, on a tablet: the draft is there and resumes at the review.
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#open-applications .application", LONG)
        .await?;
    app.screenshot("start-open-draft-tablet").await?;
    click(&app, "#open-applications .application-name a").await?;
    app.wait_for("#wizard-submit", LONG).await?;
    let again = app.texts(".review-section").await?;
    assert_eq!(
        again, review,
        "the draft is intact after a restart, at the same page"
    );

    // The state API comes back; the application is sent.
    api = StateApi::start_on(server_dir.path(), api.port).await?;
    submit(&app).await?;
    app.screenshot("parking-submitted-tablet").await?;
    let status = app
        .client
        .find(Locator::Id("submission-status"))
        .await?
        .attr("data-status")
        .await?;
    println!("parking permit status after submit: {status:?}");
    assert!(
        status.as_deref().is_some_and(|s| s != "status-draft"),
        "the application left the draft state: {status:?}"
    );
    let path = app
        .client
        .execute("return location.pathname;", vec![])
        .await?;
    let submission_id = path
        .as_str()
        .and_then(|p| p.strip_prefix("/antraege/"))
        .unwrap_or_default()
        .to_owned();

    // The person logs in; the outbox sends; the status reaches "received".
    goto(&app, "/einstellungen").await?;
    click(&app, "#log-in").await?;
    app.browser.complete_login("anna", LONG).await?;
    app.wait_for_text("#account-state", LONG, |t| t.contains("Anna"))
        .await?;
    // Queued without a login: it goes only once she sends it with her account (#14).
    e2e::steps::send_with_my_account(&app, &submission_id).await?;
    goto(&app, &format!("/antraege/{submission_id}")).await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    loop {
        let status = match app.client.find(Locator::Id("submission-status")).await {
            Ok(element) => element.attr("data-status").await?.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if status == "status-received" {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the status reaches received (last {status})"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
        // The page reloads on the shell's status events; navigate again in case none came.
        goto(&app, "/antraege").await?;
        goto(&app, &format!("/antraege/{submission_id}")).await?;
    }
    axe(&app, "submission received", &mut report).await?;
    app.screenshot("parking-received-tablet").await?;

    // The authority writes; the message shows in the inbox (unread count) and on the timeline.
    api.send_message(
        &submission_id,
        "Ihr Bewohnerparkausweis",
        "Der Ausweis liegt zur Abholung bereit.",
    )
    .await?;
    app.wait_for("#unread-count", Duration::from_secs(90))
        .await?;
    goto(&app, &format!("/antraege/{submission_id}")).await?;
    app.wait_for_text("#submission-messages", SHORT, |t| t.contains("Abholung"))
        .await?;
    app.screenshot("parking-message-on-timeline-tablet").await?;
    click(&app, "#nav-inbox").await?;
    app.wait_for("#inbox-list .inbox-message", SHORT).await?;
    // Sent for Erfurt, the application went to the city's office, and its message says so.
    app.wait_for_text("#inbox-list .inbox-message", SHORT, |t| {
        t.contains("Erfurt")
    })
    .await?;
    axe(&app, "inbox with a message", &mut report).await?;
    app.screenshot("inbox-tablet").await?;
    app.quit().await?;
    api.stop().await;
    let total = write_report(&report, "axe-report-phone.json")?;
    assert_eq!(
        total, 0,
        "axe at phone size: see tests/artifacts/axe-report-phone.json"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn registration_with_two_co_moving_persons_one_removed() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;
    start_application(&app, REGISTRATION).await?;
    let mut answers = valid_answers(&definition("wohnsitz-anmeldung"), true);
    let first = answers["mitziehende_personen"][0].clone();
    let mut ida = first.clone();
    ida["vornamen"] = json!("Ida");
    let mut max = first.clone();
    max["vornamen"] = json!("Max");
    answers["mitziehende_personen"] = json!([ida, max]);
    let mut report = Vec::new();
    // Walk page by page; on the co-movers' page, remove Ida again before going on.
    let mut removed = false;
    for _ in 0..30 {
        if app.client.find(Locator::Id("wizard-submit")).await.is_ok() {
            break;
        }
        let title = heading(&app).await?;
        fill_page(&app, &answers).await?;
        if !removed
            && app
                .client
                .find(Locator::Css(
                    "[data-repeat='mitziehende_personen']:not([hidden]) .wizard-instance",
                ))
                .await
                .is_ok()
        {
            let count = app
                .client
                .find(Locator::Css("[data-repeat='mitziehende_personen']"))
                .await?
                .attr("data-count")
                .await?;
            assert_eq!(count.as_deref(), Some("2"), "two co-moving persons entered");
            app.screenshot("registration-two-persons-tablet").await?;
            axe(&app, "registration with two persons", &mut report).await?;
            click(&app, "#f-mitziehende_personen-0-remove").await?;
            app.wait_for("#f-mitziehende_personen-0-vornamen", SHORT)
                .await?;
            let deadline = std::time::Instant::now() + SHORT;
            loop {
                let value = app.client.execute("return document.getElementById('f-mitziehende_personen-0-vornamen').value;", vec![]).await?;
                if value == json!("Max") {
                    break;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "after removing Ida, Max is the first person (saw {value})"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            answers["mitziehende_personen"] = json!([answers["mitziehende_personen"][1].clone()]);
            removed = true;
            app.screenshot("registration-one-removed-tablet").await?;
        }
        click(&app, "#wizard-next").await?;
        let deadline = std::time::Instant::now() + SHORT;
        while heading(&app).await.unwrap_or_default() == title {
            if app.client.find(Locator::Id("error-summary")).await.is_ok() {
                let text = app
                    .client
                    .find(Locator::Id("error-summary"))
                    .await?
                    .text()
                    .await?;
                return Err(format!("registration page {title} has errors: {text}").into());
            }
            assert!(
                std::time::Instant::now() < deadline,
                "page {title} moves on"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    assert!(removed, "the co-movers' page was reached");
    let review = app.client.find(Locator::Css("main")).await?.text().await?;
    assert!(
        review.contains("Max") && !review.contains("Ida"),
        "the review lists Max only"
    );
    app.screenshot("registration-review-tablet").await?;
    submit(&app).await?;
    let sent = app
        .client
        .find(Locator::Id("sent-data"))
        .await?
        .text()
        .await?;
    assert!(
        sent.contains("Max") && !sent.contains("Ida"),
        "exactly what was submitted: Max only"
    );
    app.screenshot("registration-submitted-tablet").await?;
    app.quit().await?;
    api.stop().await;
    let total = write_report(&report, "axe-report-tablet.json")?;
    assert_eq!(total, 0, "axe at tablet size");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn building_permit_with_attachments_and_the_error_summary() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    app.wait_for("#service-list li", LONG).await?;
    start_application(&app, BUILDING).await?;
    let answers = valid_answers(&definition("baugenehmigung"), false);
    // A failed step: the summary takes focus; its first link moves focus to the field.
    click(&app, "#wizard-next").await?;
    app.wait_for("#error-summary", SHORT).await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        active_id(&app).await?,
        "error-summary",
        "focus on the error summary"
    );
    app.screenshot("building-error-summary-desktop").await?;
    let link = app.client.find(Locator::Css("#error-summary a")).await?;
    let target = link.attr("href").await?.unwrap_or_default();
    click(&app, "#error-summary a").await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let focused = active_id(&app).await?;
    assert!(
        target.ends_with(&format!("#{focused}")),
        "the summary link moves focus to its field: {target} vs {focused}"
    );
    let mut report = Vec::new();
    walk_to_review(
        &app,
        "baugenehmigung-attachments",
        &answers,
        &mut report,
        false,
    )
    .await?;
    let review = app.client.find(Locator::Css("main")).await?.text().await?;
    assert!(
        review.contains("lageplan.pdf") || review.contains("foto.png"),
        "attachments are on the review"
    );
    submit(&app).await?;
    app.screenshot("building-submitted-desktop").await?;
    let page = app.client.find(Locator::Css("main")).await?.text().await?;
    assert!(
        page.contains("lageplan.pdf") || page.contains("foto.png"),
        "the submission lists its attachments"
    );
    app.quit().await?;
    api.stop().await;
    Ok(())
}

/// Presses and releases one key, as the keyboard does (WebDriver actions).
async fn press(app: &App, key: fantoccini::key::Key) -> Result<()> {
    type_keys(app, &char::from(key).to_string()).await
}

/// Types `text` key by key into whatever has focus.
async fn type_keys(app: &App, text: &str) -> Result<()> {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let mut actions = KeyActions::new("keyboard".to_owned());
    for c in text.chars() {
        actions = actions
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    app.client.perform_actions(actions).await?;
    Ok(())
}

/// Presses Tab until the focused element matches `css` (at most `max` times).
async fn tab_to(app: &App, css: &str, max: usize) -> Result<()> {
    for _ in 0..max {
        let matches = app
            .client
            .execute(
                "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
                vec![json!(css)],
            )
            .await?;
        if matches == json!(true) {
            return Ok(());
        }
        press(app, fantoccini::key::Key::Tab).await?;
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    Err(format!("Tab never reached {css}").into())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn keyboard_only_parking_permit() -> Result<()> {
    use fantoccini::key::Key;
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    app.wait_for("#service-list li", LONG).await?;
    // From the top of the page: Tab to the search, type, Tab to the result, Enter.
    app.client
        .execute(
            "document.activeElement && document.activeElement.blur();",
            vec![],
        )
        .await?;
    tab_to(&app, "#service-search", 40).await?;
    type_keys(&app, "Anwohnerparkausweis").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    tab_to(&app, &format!("a[href='/leistung/{PARKING}']"), 40).await?;
    press(&app, Key::Enter).await?;
    app.wait_for("#start-application", SHORT).await?;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let focused = app
        .client
        .execute("return document.activeElement.tagName;", vec![])
        .await?;
    assert_eq!(
        focused,
        json!("H1"),
        "after navigating, focus is on the new page's heading"
    );
    tab_to(&app, "#start-application", 60).await?;
    press(&app, Key::Enter).await?;
    app.wait_for("#wizard-heading", LONG).await?;
    let answers = valid_answers(&definition("bewohnerparkausweis"), true);
    for page in 0..10 {
        if app.client.find(Locator::Id("wizard-submit")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let title = heading(&app).await?;
        // Walk the page with Tab, answering each control, until the continue button.
        let mut steps = 0;
        loop {
            steps += 1;
            assert!(steps < 150, "page {page}: Tab reaches the continue button");
            let at_next = app
                .client
                .execute(
                    "return document.activeElement && document.activeElement.id === 'wizard-next';",
                    vec![],
                )
                .await?;
            if at_next == json!(true) {
                break;
            }
            let action = app
                .client
                .execute(KEY_ACTION, vec![answers.clone()])
                .await?;
            match action["action"].as_str().unwrap_or("none") {
                "type" => {
                    let text = action["text"].as_str().unwrap_or_default().to_owned();
                    type_keys(&app, &text).await?;
                }
                "space" => press(&app, Key::Space).await?,
                "arrow" => {
                    let n = action["n"].as_i64().unwrap_or(0);
                    let key = if n >= 0 { Key::Down } else { Key::Up };
                    for _ in 0..n.unsigned_abs() {
                        press(&app, key).await?;
                    }
                }
                "file" => {
                    let file = attachment_file(action["accept"].as_str().unwrap_or_default(), 0)?;
                    app.client
                        .active_element()
                        .await?
                        .send_keys(&file.display().to_string())
                        .await?;
                    let id = action["id"].as_str().unwrap_or_default().to_owned();
                    app.wait_for(&format!("#{id} ~ .attachment-list .attachment"), SHORT)
                        .await?;
                }
                _ => {}
            }
            tokio::time::sleep(Duration::from_millis(80)).await;
            press(&app, Key::Tab).await?;
            tokio::time::sleep(Duration::from_millis(60)).await;
        }
        app.screenshot(&format!("keyboard-parking-{page:02}"))
            .await?;
        press(&app, Key::Enter).await?;
        let deadline = std::time::Instant::now() + SHORT;
        while heading(&app).await.unwrap_or_default() == title {
            if app.client.find(Locator::Id("error-summary")).await.is_ok() {
                let text = app
                    .client
                    .find(Locator::Id("error-summary"))
                    .await?
                    .text()
                    .await?;
                return Err(format!("keyboard: page {title} has errors: {text}").into());
            }
            assert!(
                std::time::Instant::now() < deadline,
                "keyboard: page {title} moves on"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    tab_to(&app, "#wizard-submit", 200).await?;
    press(&app, Key::Enter).await?;
    app.wait_for("#submission-status", LONG).await?;
    app.screenshot("keyboard-parking-submitted").await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}
