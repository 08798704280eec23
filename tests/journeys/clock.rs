//! The app, its shell and the state API agree on "today" at 00:30 Berlin time, when the UTC
//! date is still yesterday: the window, the shell and the server all run on a clock moved to
//! 00:30 on 1 March 2028 (a leap year's 29 February is "yesterday"), and all three refuse
//! 29 February as "in the past" for a parking permit's "valid from" and accept 1 March.
//!
//! This journey moves the clock of its own process, so it is a test binary of its own.

use std::time::Duration;

use e2e::steps::{
    follow, invoke, log_in, parking_permit_draft, send_with_my_account, status_on_my_applications,
    submit_draft,
};
use e2e::{App, Result, StateApi};
use serde_json::json;

const LONG: Duration = Duration::from_secs(90);
const SHORT: Duration = Duration::from_secs(20);

/// 00:30 on 1 March 2028 in Berlin (23:30 UTC on 29 February).
const HALF_PAST_MIDNIGHT: &str = "2028-03-01T00:30:00+01:00";

/// Types `text` into the input `id` as a person would (the field's input event).
async fn type_date(app: &App, id: &str, text: &str) -> Result<()> {
    app.client
        .execute(
            "const [id, text] = arguments; const el = document.getElementById(id); el.focus(); \
             el.value = text; el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(id), json!(text)],
        )
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn window_shell_and_state_api_agree_on_today_at_half_past_midnight_in_berlin() -> Result<()> {
    e2e::clock::move_to(HALF_PAST_MIDNIGHT)?;
    assert_eq!(e2e::clock::today().to_string(), "2028-03-01");
    let (yesterday, today) = ("2028-02-29", "2028-03-01");

    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    app.wait_for("#service-list li", LONG).await?;

    let clock = invoke(&app, "clock", json!({})).await?;
    let offset = clock["offset_ms"]
        .as_i64()
        .ok_or("the shell's clock offset")?;
    assert!(
        offset > 365 * 86_400_000,
        "the debug build's shell runs on the moved clock: {clock}"
    );

    // The shell refuses yesterday.
    let draft_id = parking_permit_draft(&app, yesterday).await?;
    let refused = submit_draft(&app, &draft_id).await?;
    assert_eq!(
        refused["outcome"], "invalid",
        "29 February is in the past at 00:30 on 1 March: {refused}"
    );
    assert!(
        refused["problems"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["message"] == "form-date-in-past")),
        "the shell names the date as in the past: {refused}"
    );

    // The window refuses yesterday and accepts today, on the page with "valid from".
    invoke(
        &app,
        "set_draft_page",
        json!({ "request": { "draft_id": draft_id, "page_id": "parkzone" } }),
    )
    .await?;
    app.client
        .execute(
            "history.pushState({}, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate', { state: {} }));",
            vec![json!(format!("/antrag/{draft_id}"))],
        )
        .await?;
    app.wait_for("#f-gueltig_ab", LONG).await?;
    type_date(&app, "f-gueltig_ab", "29.02.2028").await?;
    app.wait_for_text("#f-gueltig_ab-error", SHORT, |t| {
        t.contains("Vergangenheit")
    })
    .await?;
    app.screenshot("clock-half-past-midnight-yesterday-refused")
        .await?;
    type_date(&app, "f-gueltig_ab", "01.03.2028").await?;
    app.wait_for_text("#f-gueltig_ab-error", SHORT, |t| t.trim().is_empty())
        .await?;

    // The shell accepts today (the wizard saved it), and the state API accepts it too.
    invoke(
        &app,
        "save_answer",
        json!({ "request": { "draft_id": draft_id, "path": "gueltig_ab", "value": today } }),
    )
    .await?;
    let queued = submit_draft(&app, &draft_id).await?;
    assert_eq!(queued["outcome"], "queued", "today is accepted: {queued}");
    let submission_id = queued["submission_id"]
        .as_str()
        .ok_or("a submission id")?
        .to_string();
    log_in(&app, "anna", "Anna", LONG).await?;
    send_with_my_account(&app, &submission_id).await?;
    follow(&app, "#nav-applications").await?;
    status_on_my_applications(&app, &submission_id, "status-received", LONG).await?;
    app.screenshot("clock-half-past-midnight-received").await?;
    // Log out, so the refresh token leaves the session's keychain (the next journey starts as
    // a new person on a new device).
    follow(&app, "#nav-settings").await?;
    follow(&app, "#log-out").await?;
    app.wait_for("#log-in", LONG).await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}
