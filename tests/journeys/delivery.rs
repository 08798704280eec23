//! Delivery, end to end in the real window against the real state API: an application queued
//! while the state API is down waits in the outbox ("queued" on "my applications"); the state
//! API comes back, the person logs in, and the app sends it (with its attachment) exactly once
//! and shows "received"; a message from the authority then appears in the inbox with an unread
//! count, and on the application's page.
//!
//! The application is filled through the app's own IPC commands from the webview (the same
//! calls the wizard makes), so this journey is about the outbox and sync, not about typing;
//! the wizard's journeys are in `citizen.rs`.

use std::time::Duration;

use e2e::{App, Result, StateApi};
use fantoccini::Locator;
use serde_json::{json, Value};

const LONG: Duration = Duration::from_secs(90);
const SHORT: Duration = Duration::from_secs(20);

/// Calls a shell command from the webview, as the UI does; returns its answer or the error.
async fn invoke(app: &App, command: &str, args: Value) -> Result<Value> {
    let script = "const [cmd, args, done] = arguments; \
        window.__TAURI__.core.invoke(cmd, args).then(v => done({ ok: v === undefined ? null : v }), e => done({ err: e }));";
    let answer = app
        .client
        .execute_async(script, vec![json!(command), args])
        .await?;
    match answer.get("ok") {
        Some(value) => Ok(value.clone()),
        None => Err(format!("{command} failed: {}", answer["err"]).into()),
    }
}

/// A 1x1 PNG: a stand-in for a photographed registration certificate.
const PNG_1X1: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

async fn queue_parking_permit(app: &App) -> Result<String> {
    let draft = invoke(
        app,
        "start_draft",
        json!({ "request": { "leika_key": "99108001001000", "form_id": "bewohnerparkausweis" } }),
    )
    .await?;
    let draft_id = draft["draft_id"].as_str().ok_or("a draft id")?.to_string();
    let today = time_today();
    let answers = [
        ("antragsteller.familienname", json!("Beispiel")),
        ("antragsteller.vornamen", json!("Anna")),
        ("antragsteller.geburtsdatum", json!("1985-04-12")),
        (
            "antragsteller.anschrift",
            json!({ "strasse": "Anger", "hausnummer": "1", "plz": "99084", "ort": "Erfurt" }),
        ),
        ("antragsteller.hauptwohnsitz_seit", json!("2019-08-01")),
        ("fahrzeug.kennzeichen", json!("EF-AB 123")),
        ("fahrzeug.halter", json!("antragsteller")),
        ("bewohnerparkgebiet", json!("Altstadt A")),
        ("gueltig_ab", json!(today)),
        ("laufzeit", json!("12")),
        ("angaben_richtig", json!(true)),
    ];
    for (path, value) in answers {
        invoke(
            app,
            "save_answer",
            json!({ "request": { "draft_id": draft_id, "path": path, "value": value } }),
        )
        .await?;
    }
    invoke(
        app,
        "add_attachment",
        json!({ "request": {
            "draft_id": draft_id,
            "field_path": "fahrzeug.zulassungsbescheinigung",
            "file_name": "zulassung.png",
            "media_type": "image/png",
            "content_base64": PNG_1X1,
        } }),
    )
    .await?;
    let submitted = invoke(
        app,
        "submit_draft",
        json!({ "request": { "draft_id": draft_id } }),
    )
    .await?;
    assert_eq!(
        submitted["outcome"], "queued",
        "a complete application is queued: {submitted}"
    );
    Ok(submitted["submission_id"]
        .as_str()
        .ok_or("a submission id")?
        .to_string())
}

fn time_today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Follows a navigation link (a script click: WebKitWebDriver reports nav links covered while
/// the page re-renders after an event).
async fn follow(app: &App, css: &str) -> Result<()> {
    app.wait_for(css, SHORT).await?;
    app.client
        .execute(
            "document.querySelector(arguments[0]).click();",
            vec![json!(css)],
        )
        .await?;
    Ok(())
}

async fn status_on_my_applications(
    app: &App,
    submission_id: &str,
    status: &str,
    timeout: Duration,
) -> Result<()> {
    let css = format!("li.application[data-application-id='{submission_id}']");
    let deadline = std::time::Instant::now() + timeout;
    let mut seen = None;
    while std::time::Instant::now() < deadline {
        if let Ok(item) = app.client.find(Locator::Css(&css)).await {
            seen = item.attr("data-status").await?;
            if seen.as_deref() == Some(status) {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Err(
        format!("{submission_id} never showed {status} on my applications; last seen {seen:?}")
            .into(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn queued_offline_sent_after_login_received_and_answered_in_the_inbox() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let down = StateApi::down()?;
    let app = App::launch(app_dir.path(), &down, 1280, 800).await?;
    app.wait_for("#service-list li", LONG).await?;
    app.wait_for("#offline-banner", LONG).await?;

    let submission_id = queue_parking_permit(&app).await?;
    follow(&app, "#nav-applications").await?;
    status_on_my_applications(&app, &submission_id, "status-queued", SHORT).await?;
    app.screenshot("delivery-queued-offline").await?;

    // The state API comes back where the app expects it; the person logs in; the outbox sends.
    let mut api = StateApi::start_on(server_dir.path(), down.port).await?;
    follow(&app, "#nav-settings").await?;
    follow(&app, "#log-in").await?;
    app.browser.complete_login("anna", LONG).await?;
    app.wait_for_text("#account-state", LONG, |t| t.contains("Anna"))
        .await?;
    follow(&app, "#nav-applications").await?;
    status_on_my_applications(&app, &submission_id, "status-received", LONG).await?;
    let deadline = std::time::Instant::now() + SHORT;
    while app
        .client
        .find(Locator::Css("#offline-banner"))
        .await
        .is_ok()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the offline banner goes once the state API answered"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.screenshot("delivery-received").await?;

    // Exactly one submission arrived, with its attachment.
    let arrived = reqwest::Client::new()
        .get(format!("{}admin/v1/submissions", api.url()))
        .bearer_auth(e2e::ADMIN_TOKEN)
        .send()
        .await?
        .json::<Value>()
        .await?;
    let list = arrived
        .as_array()
        .or_else(|| arrived["items"].as_array())
        .cloned()
        .unwrap_or_default();
    let ours: Vec<&Value> = list
        .iter()
        .filter(|s| s["submissionId"] == json!(submission_id))
        .collect();
    assert_eq!(
        ours.len(),
        1,
        "the state API has the submission exactly once: {arrived}"
    );
    assert_eq!(
        ours[0]["status"], "RECEIVED",
        "the state API received it: {arrived}"
    );
    assert_eq!(
        ours[0]["attachments"][0]["complete"], true,
        "its attachment arrived whole: {arrived}"
    );

    // The authority answers; the message appears in the inbox, with the unread count.
    api.send_message(
        &submission_id,
        "Ihr Bewohnerparkausweis",
        "Ihr Ausweis liegt zur Abholung bereit.",
    )
    .await?;
    follow(&app, "#nav-inbox").await?;
    let inbox = app
        .wait_for_text("#inbox-list", LONG, |t| {
            t.contains("Ihr Bewohnerparkausweis")
        })
        .await?;
    assert!(
        inbox.contains("Ihr Bewohnerparkausweis"),
        "the message is listed: {inbox:?}"
    );
    app.screenshot("delivery-inbox").await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}
