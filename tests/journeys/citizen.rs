//! The citizen's journeys in the real window: every page and every wizard step of the showcase
//! forms checked with axe-core (WCAG 2.1 A/AA), the error summary and its links, repeat groups,
//! attachments, a draft that survives a restart with the state API down, and screenshots at
//! phone, tablet and desktop sizes.

use std::time::Duration;

use domain::form;
use e2e::a11y::{axe, write_report};
use e2e::wizard::{
    attachment_file, choose_home, click, definition, fill_page, heading, start_application, submit,
    type_into, valid_answers, walk_to_review,
};
use e2e::{artifacts_dir, App, Result, StateApi};
use fantoccini::Locator;
use serde_json::{json, Value};

const LONG: Duration = Duration::from_secs(60);
const SHORT: Duration = Duration::from_secs(15);

const PARKING: &str = "99108001001000";
const REGISTRATION: &str = "99115005104000";
const BUILDING: &str = "99012008001000";

/// What a keyboard user does at the focused element to give the answer in `answers`:
/// type text, press Space, press an arrow key `n` times, pick a file, or nothing.
const KEY_ACTION: &str = r#"
const answers = arguments[0];
function get(path) {
  let cur = answers;
  for (const part of path.split('.')) {
    const m = part.match(/^([^\[]+)(?:\[(\d+)\])?$/);
    if (cur == null || !m) return undefined;
    cur = cur[m[1]];
    if (m[2] !== undefined) { if (!Array.isArray(cur)) return undefined; cur = cur[+m[2]]; }
  }
  return cur;
}
const el = document.activeElement;
if (!el) return { action: 'none', id: '' };
const id = el.id || '';
const field = el.closest('.wizard-field[data-path]');
if (!field || field.dataset.computed === 'true') return { action: 'none', id };
const v = get(field.dataset.path);
if (v === undefined || v === null) return { action: 'none', id };
const k = field.dataset.kind;
if (k === 'yes_no') {
  const want = v ? 'yes' : 'no';
  if (el.checked && el.value === want) return { action: 'none', id };
  return want === 'yes' ? { action: 'space', id } : { action: 'arrow', n: 1, id };
}
if (k === 'choice' && el.type === 'radio') {
  const radios = [...field.querySelectorAll('input[type=radio]')];
  const target = radios.findIndex(r => r.value === v);
  const here = radios.indexOf(el);
  if (el.value === v && el.checked) return { action: 'none', id };
  if (target === here) return { action: 'space', id };
  return { action: 'arrow', n: target - here, id };
}
if (k === 'choice' && el.tagName === 'SELECT') {
  const index = [...el.options].findIndex(o => o.value === v);
  if (el.selectedIndex === index) return { action: 'none', id };
  return { action: 'arrow', n: index - el.selectedIndex, id };
}
if (k === 'choice_multiple') return { action: (v.includes(el.value) && !el.checked) ? 'space' : 'none', id };
if (k === 'attachment') return { action: field.querySelectorAll('.attachment').length ? 'none' : 'file', id, accept: el.accept || '' };
if (el.value !== '') return { action: 'none', id };
let text = String(v);
if (k === 'address') {
  const part = el.id === field.querySelector('input').id ? 'strasse' : el.id.split('-').pop();
  text = v[part] === undefined ? '' : String(v[part]);
} else if (k === 'date') { const [y, m, d] = text.split('-'); text = `${d}.${m}.${y}`; }
else if (k === 'money') { const c = Number(v); text = `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`; }
return text ? { action: 'type', text, id } : { action: 'none', id };
"#;

/// Goes to a route of the single-page app the way a link does.
async fn goto(app: &App, path: &str) -> Result<()> {
    app.client
        .execute(
            "history.pushState({}, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate', { state: {} }));",
            vec![json!(path)],
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

async fn active_id(app: &App) -> Result<String> {
    let id = app
        .client
        .execute(
            "return document.activeElement ? document.activeElement.id : '';",
            vec![],
        )
        .await?;
    Ok(id.as_str().unwrap_or_default().to_owned())
}

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

/// Puts the 500-field synthetic form into the catalog: it becomes the form of the dog tax
/// service, so the app can start it like any other.
fn with_synthetic_form(config: &mut state_api::Config) {
    let mut definition = form::synthetic::definition(500, 0, 0);
    definition.id = "synthetic-500".to_owned();
    definition.leika_key = Some("99102013000000".to_owned());
    if let Some(service) = config
        .catalog
        .services
        .iter_mut()
        .find(|s| s.leika_key == "99102013000000")
    {
        service.form_id = Some(definition.id.clone());
    }
    config.catalog.forms.push(domain::catalog::FormVersion {
        id: definition.id.clone(),
        version: definition.version.clone(),
    });
    config.catalog.version = format!("{}-synthetic", config.catalog.version);
    config.forms.push(definition);
}

/// Types into a field of the 500-field form and measures, in the webview, from the input
/// event to the validated, re-rendered field (after every microtask the update schedules):
/// performance.now() around it, a new value each time, alternately valid and invalid.
const MEASURE: &str = r#"
const [id, rounds, done] = arguments;
const input = document.getElementById(id);
const times = [];
let i = 0;
function next() {
  if (i >= rounds) { done(times); return; }
  const value = (i % 2 === 0) ? ('x'.repeat(1 + (i % 7))) : '';
  const t0 = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => { times.push(performance.now() - t0); i++; setTimeout(next, 5); }, 0);
}
next();
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn keystroke_to_validated_render_in_the_500_field_form() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start_with(server_dir.path(), with_synthetic_form).await?;
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    app.wait_for_text(".catalog-origin", LONG, |t| t.contains("vom Landesdienst"))
        .await?;
    start_application(&app, "99102013000000").await?;
    // The first text input of the page.
    let id = app
        .client
        .execute(
            "const f = document.querySelector('.wizard-field[data-kind=text] input'); return f ? f.id : null;",
            vec![],
        )
        .await?;
    let id = id
        .as_str()
        .ok_or("a text field on the first page")?
        .to_owned();
    let fields = app
        .client
        .execute(
            "return document.querySelectorAll('.wizard-field').length;",
            vec![],
        )
        .await?;
    let times = app
        .client
        .execute_async(MEASURE, vec![json!(id), json!(200)])
        .await?;
    let mut times: Vec<f64> = times
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    times.sort_by(|a, b| a.total_cmp(b));
    let pick = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    let (median, p95) = (pick(0.5), pick(0.95));
    let line = format!(
        "keystroke to validated render, 500-field form ({fields} fields on the page), {} inputs: median {median:.1} ms, p95 {p95:.1} ms, max {:.1} ms\n",
        times.len(),
        times.last().copied().unwrap_or_default()
    );
    print!("{line}");
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(artifacts_dir().join("timings.txt"))?
        .write_all(line.as_bytes())?;
    app.screenshot("synthetic-500-page-1").await?;
    app.quit().await?;
    api.stop().await;
    assert!(
        p95 < 100.0,
        "p95 keystroke to render under 100 ms, got {p95:.1}"
    );
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

/// Elements wider than the window (what would need sideways scrolling), as `tag#id.class`.
const OVERFLOW: &str = r#"
const width = document.documentElement.clientWidth;
const zoom = parseFloat(getComputedStyle(document.body).zoom) || 1;
const wide = [];
for (const e of document.querySelectorAll('main *, header *, footer *')) {
  if (e.children.length > 0 || e.closest('[hidden]')) continue;
  const r = e.getBoundingClientRect();
  const right = Math.max(r.right, r.right * zoom);
  if (r.width > 0 && right > width + 1) {
    let path = [];
    for (let a = e; a && a !== document.body && path.length < 6; a = a.parentElement) {
      const ar = a.getBoundingClientRect();
      path.push(`${a.tagName.toLowerCase()}.${String(a.className).split(' ')[0]}[${Math.round(ar.left)}-${Math.round(ar.right)}]`);
    }
    wide.push(`"${(e.textContent || '').trim().slice(0, 30)}" ${path.join(' < ')}`);
  }
}
return { scroll: document.documentElement.scrollWidth, width, zoom, wide: wide.slice(0, 8) };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn text_at_200_percent_on_a_phone_needs_no_sideways_scrolling() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    goto(&app, "/einstellungen").await?;
    click(&app, "#text-size-largest").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut problems = Vec::new();
    let mut check = async |name: &str| -> Result<()> {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let measured = app.client.execute(OVERFLOW, vec![]).await?;
        app.screenshot(&format!("text-200-phone-{name}")).await?;
        if measured["scroll"].as_i64() > measured["width"].as_i64() {
            problems.push(format!("{name}: {measured}"));
        }
        Ok(())
    };
    check("settings").await?;
    goto(&app, "/").await?;
    app.wait_for("#service-list li", SHORT).await?;
    check("start").await?;
    goto(&app, &format!("/leistung/{PARKING}")).await?;
    app.wait_for("#start-application", SHORT).await?;
    check("service-detail").await?;
    start_application(&app, PARKING).await?;
    check("wizard").await?;
    click(&app, "#wizard-next").await?;
    app.wait_for("#error-summary", SHORT).await?;
    check("error-summary").await?;
    goto(&app, "/antraege").await?;
    app.wait_for(".application", SHORT).await?;
    check("applications").await?;
    goto(&app, "/barrierefreiheit/feedback").await?;
    app.wait_for("#feedback-form", SHORT).await?;
    check("report-a-barrier").await?;
    app.quit().await?;
    api.stop().await;
    assert!(
        problems.is_empty(),
        "sideways scrolling at 200 %: {problems:#?}"
    );
    Ok(())
}

/// What every key screen must hold at every size, beyond its screenshot: nothing wider than
/// the window (no sideways scrolling, WCAG 1.4.10), one visible main heading, and the four
/// main navigation links on screen with a box a finger can hit (at least 24 px).
async fn screen_fits(app: &App, name: &str, width: u32) -> Result<()> {
    let layout = app
        .client
        .execute(
            "const nav = ['nav-services', 'nav-applications', 'nav-inbox', 'nav-settings'].map(id => { \
               const r = document.getElementById(id)?.getBoundingClientRect(); \
               return r ? { w: r.width, h: r.height, right: r.right } : null; }); \
             const h1 = [...document.querySelectorAll('h1')].filter(h => h.getBoundingClientRect().height > 0); \
             return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, h1: h1.length, nav };",
            vec![],
        )
        .await?;
    let scroll = layout["scroll"].as_f64().unwrap_or(f64::MAX);
    let inner = layout["inner"].as_f64().unwrap_or(0.0);
    assert!(
        scroll <= inner + 1.0,
        "{name}: the page is {scroll} px wide in a {inner} px window ({width} px asked): {layout}"
    );
    assert_eq!(
        layout["h1"],
        json!(1),
        "{name}: one visible main heading: {layout}"
    );
    for link in layout["nav"].as_array().into_iter().flatten() {
        let (w, h, right) = (
            link["w"].as_f64().unwrap_or(0.0),
            link["h"].as_f64().unwrap_or(0.0),
            link["right"].as_f64().unwrap_or(f64::MAX),
        );
        assert!(
            w >= 24.0 && h >= 24.0 && right <= inner + 1.0,
            "{name}: a navigation link is hidden, tiny or off screen: {layout}"
        );
    }
    assert_eq!(
        layout["nav"]
            .as_array()
            .map(|n| n.iter().filter(|l| !l.is_null()).count()),
        Some(4),
        "{name}: the four navigation links are there: {layout}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn key_screens_at_phone_tablet_and_desktop_size() -> Result<()> {
    for (width, height, size) in [
        (390, 844, "phone"),
        (820, 1180, "tablet"),
        (1280, 800, "desktop"),
    ] {
        let server_dir = tempfile::tempdir()?;
        let app_dir = tempfile::tempdir()?;
        let mut api = StateApi::start(server_dir.path()).await?;
        let app = App::launch(app_dir.path(), &api, width, height).await?;
        app.wait_for("#service-list li", LONG).await?;
        app.wait_for_text(".catalog-origin", LONG, |t| t.contains("vom Landesdienst"))
            .await?;
        app.screenshot(&format!("size-{size}-1-start")).await?;
        screen_fits(&app, &format!("{size} start"), width).await?;
        choose_home(&app, "Weimar", "Weimar").await?;
        app.screenshot(&format!("size-{size}-2-settings")).await?;
        screen_fits(&app, &format!("{size} settings"), width).await?;
        goto(&app, &format!("/leistung/{REGISTRATION}")).await?;
        app.wait_for(".authority-name", SHORT).await?;
        app.screenshot(&format!("size-{size}-3-service-detail"))
            .await?;
        screen_fits(&app, &format!("{size} service-detail"), width).await?;
        start_application(&app, REGISTRATION).await?;
        click(&app, "#wizard-next").await?;
        app.wait_for("#error-summary", SHORT).await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        app.screenshot(&format!("size-{size}-4-error-summary"))
            .await?;
        screen_fits(&app, &format!("{size} error-summary"), width).await?;
        goto(&app, "/antraege").await?;
        app.wait_for(".application", SHORT).await?;
        app.screenshot(&format!("size-{size}-5-applications"))
            .await?;
        screen_fits(&app, &format!("{size} applications"), width).await?;
        click(&app, ".withdraw-draft").await?;
        app.wait_for(".withdraw-dialog[open]", SHORT).await?;
        app.screenshot(&format!("size-{size}-6-withdraw-dialog"))
            .await?;
        screen_fits(&app, &format!("{size} withdraw-dialog"), width).await?;
        click(&app, ".withdraw-dialog[open] .withdraw-confirm").await?;
        app.wait_for_text("#drafts-heading ~ p", SHORT, |t| !t.is_empty())
            .await?;
        goto(&app, "/barrierefreiheit").await?;
        app.wait_for("#a11y-heading", SHORT).await?;
        app.screenshot(&format!("size-{size}-7-accessibility"))
            .await?;
        screen_fits(&app, &format!("{size} accessibility"), width).await?;
        // A life situation's guide, with the offices for Weimar, and the Datenschutzerklärung.
        goto(&app, "/lebenslage/wohnen-umzug").await?;
        app.wait_for("#guide-steps .guide-step__office", SHORT)
            .await?;
        app.screenshot(&format!("size-{size}-8-guide")).await?;
        screen_fits(&app, &format!("{size} guide"), width).await?;
        goto(&app, "/datenschutz").await?;
        app.wait_for("#privacy-heading", SHORT).await?;
        app.screenshot(&format!("size-{size}-9-privacy")).await?;
        screen_fits(&app, &format!("{size} privacy"), width).await?;
        app.quit().await?;
        api.stop().await;
    }
    Ok(())
}
