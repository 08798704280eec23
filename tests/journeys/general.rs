//! The general application (#16), end to end in the real window against the real state API:
//! a service without a form of its own (a dog-tax service) asks for the person's place first;
//! with it, the service page offers "send a request to the responsible office", the wizard
//! says which service and which office, the request is filled offline with a document, waits
//! for a login, is sent once with the person's account, and arrives at the authority
//! responsible for that service in the person's place. On the way, the parking permit's page
//! names the fee of the person's town from its statute, and the guide for moving house names
//! the office of each step in that town.

use std::time::Duration;

use e2e::steps::{follow, log_in, send_with_my_account, status_on_my_applications};
use e2e::wizard::{
    choose_home, click, definition, start_application, valid_answers, walk_to_review,
};
use e2e::{App, Result, StateApi};
use fantoccini::Locator;
use serde_json::json;

const LONG: Duration = Duration::from_secs(90);
const SHORT: Duration = Duration::from_secs(20);

/// A service without a form of its own (one of the dog-tax services).
fn service_without_form() -> Result<(String, String)> {
    let catalog = catalog_seed::seed_catalog()?;
    let service = catalog
        .services
        .iter()
        .find(|s| s.form_id.is_none() && s.name.de.starts_with("Hundesteuer"))
        .ok_or("a dog-tax service without a form")?;
    Ok((service.leika_key.clone(), service.name.de.clone()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn a_service_without_a_form_is_applied_for_with_the_general_application() -> Result<()> {
    let (leika_key, service_name) = service_without_form()?;
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let down = StateApi::down()?;
    let app = App::launch(app_dir.path(), &down, 820, 1180).await?;
    app.wait_for("#service-list li", LONG).await?;

    // Without a place, the page says where the request would go only once it knows the place.
    e2e::steps::goto(&app, &format!("/leistung/{leika_key}")).await?;
    app.wait_for("#general-needs-place", SHORT).await?;
    assert!(
        app.client
            .find(Locator::Id("start-general-application"))
            .await
            .is_err(),
        "no request without a place to send it to"
    );
    app.screenshot("general-needs-place-tablet").await?;

    choose_home(&app, "99084", "Erfurt").await?;

    // Moving house as a guide: every step names the office responsible in Erfurt, and the
    // registration of the new home (a municipal service) names Erfurt's.
    e2e::steps::goto(&app, "/").await?;
    click(&app, "#guide-wohnen-umzug").await?;
    app.wait_for("#guide-steps li", SHORT).await?;
    let steps = app.texts("#guide-steps > li").await?;
    let offices = app.texts("#guide-steps .guide-step__office").await?;
    let catalog = catalog_seed::seed_catalog()?;
    let guide = catalog
        .life_situation("wohnen-umzug")
        .and_then(|l| l.guide.as_ref())
        .ok_or("moving house has a guide")?;
    let with_office = guide
        .steps
        .iter()
        .filter_map(|step| catalog.service(&step.leika_key))
        .filter(|service| {
            catalog
                .authority_index()
                .responsible_for(service, "16051000")
                .is_some()
        })
        .count();
    assert_eq!(
        steps.len(),
        guide.steps.len(),
        "every step is listed: {steps:?}"
    );
    assert_eq!(
        offices.len(),
        with_office,
        "each step with an office in Erfurt names it: {offices:?}"
    );
    let registration = app
        .client
        .find(Locator::Css(
            "#guide-steps li[data-leika-key='99115005104000'] .guide-step__office",
        ))
        .await?
        .text()
        .await?;
    assert!(
        registration.contains("Erfurt"),
        "registering the new home goes to Erfurt's office: {registration:?}"
    );
    let mut guide_report = Vec::new();
    e2e::a11y::axe(&app, "guide moving house (Erfurt)", &mut guide_report).await?;
    assert_eq!(
        e2e::a11y::write_report(&guide_report, "axe-report-guide.json")?,
        0
    );
    app.screenshot("guide-moving-erfurt-tablet").await?;

    // Fees that are true: the parking permit's page names Erfurt's fee from its statute, and
    // the form no longer computes an example number that contradicts it.
    e2e::steps::goto(&app, "/leistung/99108001001000").await?;
    let fee = app
        .wait_for_text("#fee-here", SHORT, |t| t.contains("100,00"))
        .await?;
    // German writes the amount with a no-break space before the sign (domain::format::money).
    let fee = fee.replace('\u{a0}', " ");
    assert!(
        fee.contains("Erfurt") && fee.contains("100,00 €"),
        "Erfurt's fee: {fee:?}"
    );
    // ... and the form computes the same fee for a 12-month permit (not an example number).
    let parking = e2e::steps::parking_permit_draft(&app, &e2e::clock::today().to_string()).await?;
    e2e::steps::goto(&app, &format!("/antrag/{parking}")).await?;
    let fee_input = ".wizard-field[data-path='gebuehr'] input";
    let mut shown = serde_json::Value::Null;
    for _ in 0..6 {
        tokio::time::sleep(Duration::from_millis(700)).await;
        shown = app
            .client
            .execute(
                "const e = document.querySelector(arguments[0]); return e ? e.value : null;",
                vec![json!(fee_input)],
            )
            .await?;
        if shown.as_str().is_some_and(|v| !v.is_empty()) {
            break;
        }
        if app.client.find(Locator::Id("wizard-next")).await.is_ok() {
            click(&app, "#wizard-next").await?;
        }
    }
    assert_eq!(
        shown,
        json!("100,00"),
        "the parking form computes Erfurt's fee"
    );
    start_application(&app, &leika_key).await?;
    let about = app
        .wait_for_text("#general-request-service", SHORT, |t| {
            t.contains(&service_name)
        })
        .await?;
    assert!(
        about.contains(&service_name),
        "the wizard names the service: {about:?}"
    );
    let office = app
        .wait_for_text("#general-request-office", SHORT, |t| t.contains("Erfurt"))
        .await?;
    assert!(
        office.contains("Erfurt"),
        "and the office it goes to: {office:?}"
    );

    let form = definition(domain::GENERAL_APPLICATION_FORM);
    let mut answers = valid_answers(&form, true);
    answers["antragsteller"]["antwortweg"] = json!("postfach");
    let mut report = Vec::new();
    let pages = walk_to_review(&app, "anliegen", &answers, &mut report, true).await?;
    assert_eq!(pages, 3, "request, contact, declaration");
    let violations = e2e::a11y::write_report(&report, "axe-report-general.json")?;
    assert_eq!(
        violations, 0,
        "axe finds nothing on the general application: {report:?}"
    );
    click(&app, "#wizard-submit").await?;
    app.wait_for("#submission-status", LONG).await?;
    let submission_id = app
        .client
        .execute("return location.pathname.split('/').pop();", vec![])
        .await?
        .as_str()
        .ok_or("the submission's page")?
        .to_string();
    app.screenshot("general-queued-tablet").await?;

    // The state API comes back; the person logs in and sends it with her account.
    let mut api = StateApi::start_on(server_dir.path(), down.port).await?;
    log_in(&app, "anna", "Anna", LONG).await?;
    send_with_my_account(&app, &submission_id).await?;
    follow(&app, "#nav-applications").await?;
    status_on_my_applications(&app, &submission_id, "status-received", LONG).await?;

    let list = api.submissions().await?;
    let ours: Vec<&serde_json::Value> = list
        .iter()
        .filter(|s| s["submissionId"] == json!(submission_id))
        .collect();
    assert_eq!(ours.len(), 1, "sent exactly once: {list:?}");
    let arrived = ours[0];
    assert_eq!(
        arrived["serviceKey"],
        json!(leika_key),
        "for the service: {arrived}"
    );
    assert_eq!(
        arrived["form"]["id"],
        json!(domain::GENERAL_APPLICATION_FORM),
        "as a general application: {arrived}"
    );
    let catalog = catalog_seed::seed_catalog()?;
    let service = catalog.service(&leika_key).ok_or("the service")?;
    let expected = catalog
        .authority_index()
        .responsible_for(service, "16051000")
        .ok_or("an authority for Erfurt")?;
    assert_eq!(
        arrived["authorityId"],
        json!(expected.id),
        "it arrived at the authority responsible in Erfurt: {arrived}"
    );
    assert_eq!(
        arrived["attachments"][0]["complete"],
        json!(true),
        "with its document, whole: {arrived}"
    );

    // The account is left as it was found: journeys share one keychain.
    follow(&app, "#nav-settings").await?;
    follow(&app, "#log-out").await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}
