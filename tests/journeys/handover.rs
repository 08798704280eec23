//! Handing a draft over from a shared tablet to the visitor's own phone (#14), end to end:
//! two app instances at once, each with its own data folder and its own keychain (a Secret
//! Service on a D-Bus bus of its own), through the real state API.
//!
//! In an assisted session on the tablet a visitor fills a parking permit with a canary in the
//! answers and a photo attached, and hands it over: the tablet shows a QR symbol and the code.
//! On the phone the code is typed on "Meine Anträge"; the draft opens there, complete (the
//! answers and the attachment's bytes), and the tablet sees it picked up and deletes its copy.
//! The same code then fails on the phone ("used"). An application the visitor queued without
//! a login goes the same way, back into its draft first. A second handover, made while the state
//! API keeps handovers for seconds only, fails once its time is over ("expired"), and the
//! tablet keeps that draft. The session ends without asking about unsent work (nothing is
//! left), and the tablet's data folder holds no canary. axe-core finds nothing on the dialog
//! and on "Meine Anträge" with the code field, at tablet and phone size, nor on the code's
//! error in German and, right to left, in Arabic.

use std::time::Duration;

use e2e::keychain::OwnKeychain;
use e2e::steps::{follow, goto, invoke, parking_permit_draft, queue_parking_permit, set_answer};
use e2e::wizard::{click, type_into};
use e2e::{App, Result, StateApi};
use serde_json::json;

const LONG: Duration = Duration::from_secs(90);
const SHORT: Duration = Duration::from_secs(20);
const CANARY: &str = "Kanarienvogel-Uebergabe-3f7a";

/// Opens the handover dialog of a draft on "Meine Anträge" and reads the code it shows.
async fn hand_over(app: &App, draft_id: &str) -> Result<String> {
    // From another page, so "Meine Anträge" loads anew (drafts made through the commands).
    goto(app, "/einstellungen").await?;
    follow(app, "#nav-applications").await?;
    let button = format!("[data-application-id=\"{draft_id}\"] .hand-over-draft");
    app.wait_for(&button, SHORT).await?;
    click(app, &button).await?;
    let code = app
        .wait_for_text(".handover-dialog[open] .handover-code", LONG, |t| {
            t.trim().len() == 19
        })
        .await?;
    app.wait_for(".handover-dialog[open] svg.handover-qr path", SHORT)
        .await?;
    Ok(code.trim().to_string())
}

/// Types a code into the phone's "take over a draft" field and sends it.
async fn take_over(app: &App, code: &str) -> Result<()> {
    follow(app, "#nav-applications").await?;
    app.wait_for("#handover-code-input", SHORT).await?;
    type_into(app, "#handover-code-input", code).await?;
    click(app, "#handover-receive").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn a_draft_goes_from_the_tablet_to_the_visitors_phone_once() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let tablet_dir = tempfile::tempdir()?;
    let phone_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let mut report = Vec::new();

    // The tablet: an assisted session; the visitor fills a draft with a photo attached.
    let tablet = App::launch(tablet_dir.path(), &api, 820, 1180).await?;
    tablet.wait_for("#service-list li", LONG).await?;
    goto(&tablet, "/einstellungen").await?;
    follow(&tablet, "#start-visit").await?;
    tablet.wait_for("#visit-banner", LONG).await?;
    tablet.wait_for("#service-list li", LONG).await?;
    let draft = parking_permit_draft(&tablet, &e2e::clock::today().to_string()).await?;
    set_answer(&tablet, &draft, "antragsteller.familienname", json!(CANARY)).await?;
    let on_tablet = invoke(
        &tablet,
        "load_draft",
        json!({ "request": { "draft_id": draft } }),
    )
    .await?;

    // Handed over: the QR symbol and the code.
    let code = hand_over(&tablet, &draft).await?;
    e2e::a11y::axe(&tablet, "the handover dialog (tablet)", &mut report).await?;
    tablet.screenshot("handover-code-tablet").await?;

    // The phone, with its own data folder and keychain, takes the draft over.
    let keychain = OwnKeychain::start()?;
    let phone = App::launch_with(phone_dir.path(), &api, 390, 844, &keychain.env()).await?;
    phone.wait_for("#service-list li", LONG).await?;
    take_over(&phone, &code.to_lowercase().replace('-', " ")).await?;
    phone.wait_for("#wizard-heading", LONG).await?;
    let path: String = phone
        .client
        .execute("return location.pathname;", vec![])
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string();
    let phone_draft = path
        .strip_prefix("/antrag/")
        .ok_or_else(|| format!("the phone opened the draft: {path}"))?
        .to_string();
    let on_phone = invoke(
        &phone,
        "load_draft",
        json!({ "request": { "draft_id": phone_draft } }),
    )
    .await?;
    assert_eq!(
        on_phone["answers"], on_tablet["answers"],
        "every answer arrived as it was on the tablet"
    );
    assert_eq!(on_phone["answers"]["antragsteller"]["familienname"], CANARY);
    let sha = |view: &serde_json::Value| -> Vec<String> {
        view["attachments"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|a| a["sha512"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        sha(&on_phone),
        sha(&on_tablet),
        "the photo arrived, byte for byte"
    );
    assert_eq!(sha(&on_phone).len(), 1);
    phone.screenshot("handover-arrived-phone").await?;

    // The tablet sees the pickup and deletes its copy.
    tablet
        .wait_for(".handover-dialog[open] [data-stage=\"picked_up\"]", LONG)
        .await?;
    click(&tablet, ".handover-dialog[open] .handover-close").await?;
    let gone = invoke(
        &tablet,
        "load_draft",
        json!({ "request": { "draft_id": draft } }),
    )
    .await;
    assert!(gone.is_err(), "the tablet's copy is deleted: {gone:?}");
    tablet.wait_for("#handover-code-input", SHORT).await?;
    e2e::a11y::axe(&tablet, "taking over a draft (tablet)", &mut report).await?;

    // The same code a second time: used.
    take_over(&phone, &code).await?;
    let said = phone
        .wait_for_text("#handover-receive-error", SHORT, |t| !t.is_empty())
        .await?;
    assert!(said.contains("schon benutzt"), "used: {said:?}");
    e2e::a11y::axe(
        &phone,
        "taking over a draft, with an error (phone)",
        &mut report,
    )
    .await?;
    phone.screenshot("handover-used-phone").await?;
    let listed = invoke(&phone, "list_applications", json!({})).await?;
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(1),
        "one draft on the phone, not two: {listed}"
    );
    // The dialog at phone size too (a phone can hand a draft on in turn).
    hand_over(&phone, &phone_draft).await?;
    e2e::a11y::axe(&phone, "the handover dialog (phone)", &mut report).await?;
    phone.screenshot("handover-code-phone").await?;
    click(&phone, ".handover-dialog[open] .handover-close").await?;

    // An application the visitor queued without a login (none on the tablet): it goes back
    // into its draft and to the phone, and is no longer queued on the tablet.
    let queued = queue_parking_permit(&tablet).await?;
    let queued_code = hand_over(&tablet, &queued).await?;
    take_over(&phone, &queued_code).await?;
    phone.wait_for("#wizard-heading", LONG).await?;
    tablet
        .wait_for(".handover-dialog[open] [data-stage=\"picked_up\"]", LONG)
        .await?;
    click(&tablet, ".handover-dialog[open] .handover-close").await?;
    let left = invoke(&tablet, "list_applications", json!({})).await?;
    assert_eq!(
        left,
        json!([]),
        "nothing of it is left on the tablet: {left}"
    );
    let listed = invoke(&phone, "list_applications", json!({})).await?;
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(2),
        "two drafts on the phone now: {listed}"
    );

    // A handover nobody picks up in time: the state API keeps them for 12 s now.
    api.restart_with(|config| config.handover_ttl = Duration::from_secs(12))
        .await?;
    let second = parking_permit_draft(&tablet, &e2e::clock::today().to_string()).await?;
    let late_code = hand_over(&tablet, &second).await?;
    tokio::time::sleep(Duration::from_secs(14)).await;
    take_over(&phone, &late_code).await?;
    let said = phone
        .wait_for_text("#handover-receive-error", SHORT, |t| {
            t.contains("abgelaufen")
        })
        .await?;
    assert!(said.contains("24 Stunden"), "expired: {said:?}");
    tablet
        .wait_for(".handover-dialog[open] [data-stage=\"expired\"]", LONG)
        .await?;
    click(&tablet, ".handover-dialog[open] .handover-close").await?;
    let kept = invoke(
        &tablet,
        "load_draft",
        json!({ "request": { "draft_id": second } }),
    )
    .await;
    assert!(
        kept.is_ok(),
        "an expired handover leaves the draft: {kept:?}"
    );
    invoke(
        &tablet,
        "delete_draft",
        json!({ "request": { "draft_id": second } }),
    )
    .await?;

    // Right to left: the phone in Arabic, a mistyped code refused in Arabic.
    phone
        .client
        .execute("document.querySelector('#language-ar').click();", vec![])
        .await?;
    phone.wait_for("html[dir=\"rtl\"]", SHORT).await?;
    take_over(&phone, "7K3M-Q9XA").await?;
    let said = phone
        .wait_for_text("#handover-receive-error", SHORT, |t| t.contains("16"))
        .await?;
    assert!(!said.contains("Code"), "said in Arabic: {said:?}");
    e2e::a11y::axe(
        &phone,
        "taking over a draft, right to left (phone)",
        &mut report,
    )
    .await?;
    phone.screenshot("handover-code-refused-phone-rtl").await?;

    // The session ends with nothing unsent to ask about; nothing of the visitor is left.
    follow(&tablet, "#end-visit").await?;
    tablet.wait_for("#service-list li", LONG).await?;
    assert!(
        tablet
            .client
            .find(fantoccini::Locator::Id("visit-banner"))
            .await
            .is_err(),
        "the session is over"
    );
    let violations = e2e::a11y::write_report(&report, "axe-report-handover.json")?;
    assert_eq!(violations, 0, "axe finds nothing: {report:?}");
    phone.quit().await?;
    tablet.quit().await?;
    let hits = e2e::scan::canary_hits(&[tablet_dir.path().to_path_buf()], None, &[CANARY]);
    assert!(
        hits.is_empty(),
        "nothing of the visitor on the tablet: {hits:?}"
    );
    drop(keychain);
    api.stop().await;
    Ok(())
}
