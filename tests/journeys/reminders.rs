//! Reminders through the operating system (#18), in the real app with a notification daemon
//! on the test's session bus: the person allows notifications and starts registering a home
//! they moved into 12 days ago; with the app in the background, the form's deadline (two weeks
//! from moving in) is reminded, once; four days later (the app started again on a clock moved
//! on) the draft left since then is reminded. Neither notification says what or about whom.

use std::time::Duration;

use domain::calendar::format_instant;
use e2e::notifications::NotificationDaemon;
use e2e::steps::{goto, invoke};
use e2e::wizard::click;
use e2e::{App, Result, StateApi};
use serde_json::json;

const LONG: Duration = Duration::from_secs(90);
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn a_deadline_and_a_draft_left_for_days_are_reminded_once() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let daemon = NotificationDaemon::start().await?;
    let often = [("THUERINGEN_REMINDER_SECS", "1".to_string())];
    let app = App::launch_with(app_dir.path(), &api, 1280, 800, &often).await?;
    app.wait_for("#service-list li", LONG).await?;
    goto(&app, "/einstellungen").await?;
    click(&app, "#notifications-enabled").await?;
    app.wait_for("#notifications-dates:not([disabled])", LONG)
        .await?;

    let moved_in = e2e::clock::today()
        .add_days(-12)
        .ok_or("a date 12 days ago")?
        .to_string();
    let draft = invoke(
        &app,
        "start_draft",
        json!({ "request": { "leika_key": "99115005104000", "form_id": "wohnsitz-anmeldung" } }),
    )
    .await?;
    let draft_id = draft["draft_id"].as_str().ok_or("a draft id")?.to_owned();
    invoke(
        &app,
        "save_answer",
        json!({ "request": { "draft_id": draft_id, "path": "einzugsdatum", "value": moved_in } }),
    )
    .await?;
    app.client.minimize_window().await?;

    let words = i18n::Localizer::new();
    let said = |id: &str| words.format(domain::Language::De, id, &[]);
    let seen = daemon.wait_for_more_than(0, LONG).await?;
    assert_eq!(
        (seen[0].summary.clone(), seen[0].body.clone()),
        (said("notify-deadline-title"), said("notify-deadline-body")),
        "the form's deadline: {seen:?}"
    );
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(daemon.seen().len(), 1, "once: {:?}", daemon.seen());
    app.quit().await?;

    // Four days later the draft has been left alone: a reminder of it (the deadline's date has
    // passed, so that one is not repeated).
    let later =
        format_instant(e2e::clock::now_millis() + 4 * DAY_MS).ok_or("an instant four days on")?;
    let mut env = often.to_vec();
    env.push(("THUERINGEN_FAKE_NOW", later));
    let app = App::launch_with(app_dir.path(), &api, 1280, 800, &env).await?;
    app.wait_for("#service-list li", LONG).await?;
    app.client.minimize_window().await?;
    let seen = daemon.wait_for_more_than(1, LONG).await?;
    assert_eq!(
        (seen[1].summary.clone(), seen[1].body.clone()),
        (said("notify-draft-title"), said("notify-draft-body")),
        "the unfinished draft: {seen:?}"
    );
    for personal in ["Anmeldung", "Wohnsitz", "Erfurt", &moved_in] {
        assert!(
            seen.iter()
                .all(|n| !n.summary.contains(personal) && !n.body.contains(personal)),
            "no {personal} on a locked screen: {seen:?}"
        );
    }
    app.quit().await?;
    api.stop().await;
    Ok(())
}
