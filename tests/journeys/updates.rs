//! A form update while a draft is open, end to end: the state API publishes a new version of
//! the parking-permit form without one of its fields; the app fetches it, carries the draft
//! over, and the wizard shows the answer that did not carry over (its old value and why) until
//! the person says they have seen it, which the app keeps.

use std::time::Duration;

use e2e::a11y::{axe, write_report};
use e2e::steps::{follow, invoke, parking_permit_draft};
use e2e::{App, Result, StateApi};
use fantoccini::Locator;
use serde_json::json;

const LONG: Duration = Duration::from_secs(90);
const SHORT: Duration = Duration::from_secs(20);
const FORM: &str = "bewohnerparkausweis";
/// The field the new version drops, and the draft's answer to it.
const DROPPED: &str = "bewohnerparkgebiet";
const ANSWER: &str = "Altstadt A";

/// The state API with a new version of the parking-permit form that no longer asks for the
/// residents' parking zone.
fn parking_form_without_zone(config: &mut state_api::Config) {
    let Some(mut next) = config.forms.iter().find(|f| f.id == FORM).cloned() else {
        return;
    };
    next.version = format!("{}-ohne-gebiet", next.version);
    for page in &mut next.pages {
        page.items.retain(|item| item.id() != DROPPED);
    }
    for announced in &mut config.catalog.forms {
        if announced.id == FORM {
            announced.version = next.version.clone();
        }
    }
    config.catalog.version = format!("{}-update", config.catalog.version);
    config.forms.push(next);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn after_a_form_update_the_person_sees_what_did_not_carry_over() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 820, 1180).await?;
    app.wait_for_text(".catalog-origin", LONG, |t| t.contains("vom Landesdienst"))
        .await?;
    let today = e2e::clock::today().to_string();
    let draft_id = parking_permit_draft(&app, &today).await?;

    // The state publishes the new version; the app refreshes and carries the draft over.
    api.restart_with(parking_form_without_zone).await?;
    let refreshed = invoke(&app, "refresh_catalog", json!({})).await?;
    // "unchanged" when the app's own background refresh was first.
    assert!(
        refreshed["outcome"] == "updated" || refreshed["outcome"] == "unchanged",
        "the new catalog is fetched: {refreshed}"
    );

    follow(&app, "#nav-applications").await?;
    follow(
        &app,
        &format!("li.application[data-application-id='{draft_id}'] a"),
    )
    .await?;
    let item =
        format!("#form-updated li.review-item[data-path='{DROPPED}'][data-reason='removed']");
    let shown = app
        .wait_for_text(&item, LONG, |t| t.contains(ANSWER))
        .await?;
    assert!(
        shown.contains("Bewohnerparkgebiet (Zonenbezeichnung)"),
        "named with the label it had in the version it was given on: {shown:?}"
    );
    assert!(
        shown.contains("fragt nicht mehr danach"),
        "says why: {shown:?}"
    );
    app.screenshot("form-updated-tablet").await?;
    let mut report = Vec::new();
    axe(&app, "wizard after a form update (tablet)", &mut report).await?;
    let violations = write_report(&report, "axe-report-form-update.json")?;
    assert_eq!(violations, 0, "axe-core violations: {report:?}");

    // "Understood": the notice goes, and stays gone when the draft is opened again.
    follow(&app, &format!("{item} .dismiss-review")).await?;
    let deadline = std::time::Instant::now() + SHORT;
    while app.client.find(Locator::Css("#form-updated")).await.is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "the notice goes once seen"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let draft = invoke(
        &app,
        "load_draft",
        json!({ "request": { "draft_id": draft_id } }),
    )
    .await?;
    assert_eq!(
        draft["review"],
        json!([]),
        "the shell keeps that it was seen: {}",
        draft["review"]
    );
    assert!(
        draft["definition"]["version"]
            .as_str()
            .is_some_and(|v| v.ends_with("-ohne-gebiet")),
        "the draft is on the new version"
    );
    app.quit().await?;
    api.stop().await;
    Ok(())
}
