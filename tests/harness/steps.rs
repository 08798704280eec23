//! Steps several journeys share: calling the shell's commands from the webview, a parking
//! permit filled through those commands, following a link, waiting for a status.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::{App, Result};

const SHORT: Duration = Duration::from_secs(20);

/// Calls a shell command from the webview, as the UI does; returns its answer or the error.
pub async fn invoke(app: &App, command: &str, args: Value) -> Result<Value> {
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

/// Saves one answer of a draft through the shell, as the wizard does.
pub async fn set_answer(app: &App, draft_id: &str, path: &str, value: Value) -> Result<()> {
    invoke(
        app,
        "save_answer",
        json!({ "request": { "draft_id": draft_id, "path": path, "value": value } }),
    )
    .await?;
    Ok(())
}

/// A 1x1 PNG: a stand-in for a photographed registration certificate.
const PNG_1X1: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/// A parking-permit draft with every answer, valid from `valid_from` (`YYYY-MM-DD`), filled
/// through the app's own commands; returns the draft's id.
pub async fn parking_permit_draft(app: &App, valid_from: &str) -> Result<String> {
    let draft = invoke(
        app,
        "start_draft",
        json!({ "request": { "leika_key": "99108001001000", "form_id": "bewohnerparkausweis" } }),
    )
    .await?;
    let draft_id = draft["draft_id"].as_str().ok_or("a draft id")?.to_string();
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
        ("gueltig_ab", json!(valid_from)),
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
    Ok(draft_id)
}

/// Submits a draft through the shell; returns the shell's answer (`outcome` queued/invalid).
pub async fn submit_draft(app: &App, draft_id: &str) -> Result<Value> {
    invoke(
        app,
        "submit_draft",
        json!({ "request": { "draft_id": draft_id } }),
    )
    .await
}

/// A complete parking permit, valid from today by the journeys' clock, queued in the outbox;
/// returns the submission's id.
pub async fn queue_parking_permit(app: &App) -> Result<String> {
    let today = crate::clock::today().to_string();
    let draft_id = parking_permit_draft(app, &today).await?;
    let submitted = submit_draft(app, &draft_id).await?;
    assert_eq!(
        submitted["outcome"], "queued",
        "a complete application is queued: {submitted}"
    );
    Ok(submitted["submission_id"]
        .as_str()
        .ok_or("a submission id")?
        .to_string())
}

/// Goes to a route of the single-page app the way a link does.
pub async fn goto(app: &App, path: &str) -> Result<()> {
    app.client
        .execute(
            "history.pushState({}, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate', { state: {} }));",
            vec![json!(path)],
        )
        .await?;
    Ok(())
}

/// Follows a navigation link (a script click: WebKitWebDriver reports nav links covered while
/// the page re-renders after an event).
pub async fn follow(app: &App, css: &str) -> Result<()> {
    app.wait_for(css, SHORT).await?;
    app.client
        .execute(
            "document.querySelector(arguments[0]).click();",
            vec![json!(css)],
        )
        .await?;
    Ok(())
}

/// Logs `username` in from the settings page through the system browser and waits until the
/// account section names the person (`shown`).
pub async fn log_in(app: &App, username: &str, shown: &str, timeout: Duration) -> Result<()> {
    follow(app, "#nav-settings").await?;
    follow(app, "#log-in").await?;
    app.browser.complete_login(username, timeout).await?;
    app.wait_for_text("#account-state", timeout, |t| t.contains(shown))
        .await?;
    Ok(())
}

/// After a login: the person opens an application they queued on this device without a login
/// (on "my applications") and sends it with their account. Checks that the list says it waits
/// for that, and that nothing else sends it.
pub async fn send_with_my_account(app: &App, submission_id: &str) -> Result<()> {
    follow(app, "#nav-applications").await?;
    let item = format!("li.application[data-application-id='{submission_id}']");
    app.wait_for(&format!("{item} .waiting[data-waiting='claim']"), SHORT)
        .await?;
    app.wait_for(".sending-notice[data-waiting='claim']", SHORT)
        .await?;
    follow(app, &format!("{item} .application-name a")).await?;
    app.wait_for("#submission-heading", SHORT).await?;
    follow(
        app,
        ".sending-notice[data-waiting='claim'] #send-with-my-account",
    )
    .await?;
    Ok(())
}

/// Waits until "my applications" shows `status` (e.g. `status-received`) for a submission.
pub async fn status_on_my_applications(
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
            // The list re-renders on every sync event: an element found a moment ago may be
            // gone (stale); look again.
            if let Ok(now) = item.attr("data-status").await {
                seen = now;
                if seen.as_deref() == Some(status) {
                    return Ok(());
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Err(
        format!("{submission_id} never showed {status} on my applications; last seen {seen:?}")
            .into(),
    )
}

/// "Save as PDF" (a sent application's printout, or a draft's summary) on the page shown: the
/// path the page says the PDF was saved at.
pub async fn save_printout(app: &App, timeout: Duration) -> Result<std::path::PathBuf> {
    crate::wizard::click(app, "#printout-save").await?;
    let saved = app.wait_for("#printout-saved[data-path]", timeout).await?;
    let path = saved
        .attr("data-path")
        .await?
        .ok_or("the page says where the PDF is")?;
    Ok(std::path::PathBuf::from(path))
}
