//! Delivery, end to end in the real window against the real state API: an application queued
//! while the state API is down waits in the outbox ("queued" on "my applications"); the state
//! API comes back, the person logs in, and the app sends it (with its attachment) exactly once
//! and shows "received"; a message from the authority then appears in the inbox with an unread
//! count, and on the application's page, with the receipt (the state API's hash of what
//! arrived, checked against what was sent); the person then withdraws the application.
//!
//! The application is filled through the app's own IPC commands from the webview (the same
//! calls the wizard makes), so this journey is about the outbox and sync, not about typing;
//! the wizard's journeys are in `citizen.rs`.

use std::time::Duration;

use base64::Engine;
use e2e::steps::{
    follow, goto, log_in, queue_parking_permit, send_with_my_account, status_on_my_applications,
};
use e2e::wizard::click;
use e2e::{App, Result, StateApi};
use fantoccini::Locator;
use serde_json::{json, Value};

const LONG: Duration = Duration::from_secs(90);

/// axe-core on the page as it is, at phone (390x844) and tablet (820x1180) size, with a
/// screenshot of each; then back at desktop size.
async fn at_phone_and_tablet(app: &App, what: &str, report: &mut Vec<Value>) -> Result<()> {
    for (width, height, size) in [(390, 844, "phone"), (820, 1180, "tablet")] {
        app.client.set_window_size(width, height).await?;
        e2e::a11y::axe(app, &format!("{what}, {size}"), report).await?;
        let name = format!("delivery-{}-{size}", what.replace(' ', "-"));
        app.screenshot(&name).await?;
    }
    app.client.set_window_size(1280, 800).await?;
    Ok(())
}
const SHORT: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn queued_offline_sent_after_login_received_and_answered_in_the_inbox() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let down = StateApi::down()?;
    let app = App::launch(app_dir.path(), &down, 1280, 800).await?;
    app.wait_for("#service-list li", LONG).await?;
    app.wait_for("#offline-banner", LONG).await?;
    // Living in Erfurt: the application goes to the authority responsible there, which signs
    // its receipt.
    e2e::wizard::choose_home(&app, "99084", "Erfurt").await?;

    let submission_id = queue_parking_permit(&app).await?;
    follow(&app, "#nav-applications").await?;
    status_on_my_applications(&app, &submission_id, "status-queued", SHORT).await?;
    app.screenshot("delivery-queued-offline").await?;

    // The state API comes back where the app expects it; the person logs in and sends the
    // application queued without a login with her account (#14: a login alone sends nothing
    // that was queued on the device); the outbox sends.
    let mut api = StateApi::start_on(server_dir.path(), down.port).await?;
    log_in(&app, "anna", "Anna", LONG).await?;
    send_with_my_account(&app, &submission_id).await?;
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
    let list = api.submissions().await?;
    let arrived = json!(list);
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
    // Encrypted for Erfurt on the device: the state API knows neither its name nor its type
    // (they are in the encrypted metadata); the signed receipt below names its plain hash.
    assert_eq!(
        (
            &ours[0]["attachments"][0]["filename"],
            &ours[0]["attachments"][0]["mediaType"]
        ),
        (&json!(""), &json!("")),
        "the attachment reached the state API only encrypted: {arrived}"
    );

    // The receipt (#15): the state API's hash of the data it received, shown on the
    // application's page and checked there against what the device sent.
    let server_hash = ours[0]["dataSha512"]
        .as_str()
        .ok_or("the state API kept the data's SHA-512")?
        .to_owned();
    goto(&app, &format!("/antraege/{submission_id}")).await?;
    app.wait_for("#receipt[data-matches='true']", LONG).await?;
    let shown = app
        .client
        .execute(
            "return document.getElementById('receipt-hash').textContent",
            vec![],
        )
        .await?;
    assert_eq!(
        shown,
        json!(server_hash),
        "the page shows the state API's hash of the data"
    );
    // The authority's signed receipt, checked by the app against the trust anchor it was
    // started with: verified, naming the authority the catalog names, and exactly the token
    // the state API holds.
    app.wait_for("#receipt-signature[data-signature='verified']", LONG)
        .await?;
    let token = ours[0]["receipt"]
        .as_str()
        .ok_or("the state API holds the authority's signed receipt")?;
    let (shown_token, signature_text) = (
        app.client
            .execute(
                "return document.getElementById('receipt-token').textContent",
                vec![],
            )
            .await?,
        app.client
            .execute(
                "return document.getElementById('receipt-signature').textContent",
                vec![],
            )
            .await?,
    );
    assert_eq!(
        shown_token,
        json!(token),
        "the very receipt the authority signed"
    );
    let authority = ours[0]["authorityId"]
        .as_str()
        .ok_or("the submission went to an authority")?;
    let catalog = catalog_seed::seed_catalog()?;
    let name = catalog
        .authorities
        .iter()
        .find(|a| a.id == authority)
        .map(|a| a.name.de.clone())
        .ok_or("the authority is in the catalog")?;
    assert!(
        signature_text.as_str().is_some_and(|t| t.contains(&name)),
        "the page names the signing authority {name}: {signature_text}"
    );
    // The timeline's "received" step: signed by the authority, checked by the app.
    app.wait_for(
        "#timeline li[data-status='status-received'] [data-signature='verified']",
        LONG,
    )
    .await?;
    let mut report = Vec::new();
    e2e::a11y::axe(&app, "receipt with signature", &mut report).await?;
    app.screenshot("delivery-receipt").await?;
    app.client
        .execute(
            "document.getElementById('timeline').scrollIntoView()",
            vec![],
        )
        .await?;
    app.screenshot("delivery-timeline-signed").await?;

    // The printout (#15): saved as a PDF in the person's Downloads folder, holding what the
    // page shows and, embedded, the data exactly as sent and the signed receipt, so anyone can
    // check them without the app.
    let path = e2e::steps::save_printout(&app, LONG).await?;
    assert!(
        path.starts_with(&app.downloads),
        "saved in the Downloads folder: {}",
        path.display()
    );
    let text = e2e::pdf::text(&path)?;
    assert!(
        text.contains(&name) && text.contains("Eingangsbestätigung"),
        "the printout names the signing authority and the receipt: {text}"
    );
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        squeezed.contains(&server_hash),
        "the printout shows the whole hash of what arrived"
    );
    let embedded = e2e::pdf::embedded(&path)?;
    let data = embedded
        .get("sent-data.json")
        .ok_or("the data as sent is inside the PDF")?;
    assert_eq!(
        e2e::pdf::sha512_hex(data),
        server_hash,
        "the embedded data is exactly what the state API hashed on arrival"
    );
    assert_eq!(
        embedded
            .get("receipt.jws")
            .map(|t| String::from_utf8_lossy(t).into_owned()),
        Some(token.to_owned()),
        "the embedded receipt is the one the authority signed"
    );
    e2e::a11y::axe(&app, "printout saved", &mut report).await?;
    app.screenshot("delivery-printout-saved").await?;

    // Notifications (#18) are off until the person agrees: the message below raises none.
    let daemon = e2e::notifications::NotificationDaemon::start().await?;

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
    assert_eq!(
        daemon.seen(),
        Vec::new(),
        "no notification before the person agreed"
    );

    // The person agrees to notifications and leaves the app (minimized); the authority's
    // request then raises one for the new status and one for the new message, in German, and
    // neither says what or about whom.
    goto(&app, "/einstellungen").await?;
    click(&app, "#notifications-enabled").await?;
    app.wait_for("#notifications-status:not([disabled])", SHORT)
        .await?;
    e2e::a11y::axe(&app, "notification settings", &mut report).await?;
    at_phone_and_tablet(&app, "notification settings", &mut report).await?;
    app.client
        .execute(
            "document.getElementById('notifications-heading').scrollIntoView()",
            vec![],
        )
        .await?;
    app.screenshot("delivery-notification-settings").await?;
    app.client.minimize_window().await?;

    // The authority needs something (#18): it asks, and its message carries a letter as a
    // PDF. The person saves the letter (the very bytes the authority sent) and answers with a
    // text and a document; the answer goes through the outbox, encrypted for the authority,
    // and arrives once; the authority takes the application up again.
    api.admin_post(
        &format!("admin/v1/submissions/{submission_id}/status"),
        &json!({"status": "ACTION_REQUIRED", "reasons": ["Meldebescheinigung fehlt"]}),
    )
    .await?;
    let letter = b"%PDF-1.4\n% Anforderung: Meldebescheinigung\n%%EOF\n".to_vec();
    api.admin_post(
        "admin/v1/messages",
        &json!({
            "submissionId": submission_id,
            "title": "Bitte reichen Sie eine Meldebescheinigung nach",
            "body": "Details im beigefügten Schreiben.",
            "documents": [{"name": "Schreiben.pdf", "mediaType": "application/pdf",
                           "content": base64::engine::general_purpose::STANDARD.encode(&letter)}],
        }),
    )
    .await?;
    let raised = daemon.wait_for_more_than(1, LONG).await?;
    let words = i18n::Localizer::new();
    let said = |id: &str| words.format(domain::Language::De, id, &[]);
    for (title, body) in [
        ("notify-status-title", "notify-status-body"),
        ("notify-message-title", "notify-message-body"),
    ] {
        assert!(
            raised
                .iter()
                .any(|n| n.summary == said(title) && n.body == said(body)),
            "{title} was raised: {raised:?}"
        );
    }
    for personal in [
        "Anna",
        "Beispiel",
        "Erfurt",
        "Bewohner",
        "Meldebescheinigung",
        "EF-AB",
    ] {
        assert!(
            raised
                .iter()
                .all(|n| !n.summary.contains(personal) && !n.body.contains(personal)),
            "no {personal} on a locked screen: {raised:?}"
        );
    }
    app.client.set_window_size(1280, 800).await?;
    goto(&app, &format!("/antraege/{submission_id}")).await?;
    app.wait_for(
        "#submission-status[data-status='status-action-required']",
        LONG,
    )
    .await?;
    app.wait_for(".message-document[data-kept='true']", LONG)
        .await?;
    click(&app, ".message-document__save").await?;
    let saved = app
        .wait_for(".message-document__saved[data-path]", LONG)
        .await?
        .attr("data-path")
        .await?
        .ok_or("the page says where the document is")?;
    assert_eq!(
        std::fs::read(&saved)?,
        letter,
        "the saved document is the authority's, byte for byte"
    );
    app.wait_for("#reply-text", SHORT).await?;
    e2e::a11y::axe(&app, "answer the authority", &mut report).await?;
    app.screenshot("delivery-reply-form").await?;
    at_phone_and_tablet(&app, "answer the authority", &mut report).await?;
    app.client
        .find(Locator::Id("reply-text"))
        .await?
        .send_keys("Anbei meine Meldebescheinigung.")
        .await?;
    let document = e2e::wizard::attachment_file("application/pdf", 7)?;
    app.client
        .find(Locator::Id("reply-documents"))
        .await?
        .send_keys(&document.display().to_string())
        .await?;
    app.wait_for("#reply-picked li", SHORT).await?;
    click(&app, "#reply-send").await?;
    app.wait_for("#replies li[data-state='sent']", LONG).await?;
    app.wait_for("#submission-status[data-status='status-processing']", LONG)
        .await?;
    let replies = api
        .admin_get(&format!("admin/v1/submissions/{submission_id}/replies"))
        .await?;
    let replies = replies.as_array().cloned().unwrap_or_default();
    assert_eq!(replies.len(), 1, "the answer arrived once: {replies:?}");
    assert_eq!(replies[0]["text"], "Anbei meine Meldebescheinigung.");
    assert_eq!(replies[0]["sealed"], true, "encrypted for the authority");
    assert_eq!(
        replies[0]["documents"][0]["sha512"],
        json!(e2e::pdf::sha512_hex(&std::fs::read(&document)?)),
        "with the document as picked"
    );
    assert!(
        app.client.find(Locator::Id("reply-text")).await.is_err(),
        "no answer is asked for any more"
    );
    e2e::a11y::axe(&app, "answer sent", &mut report).await?;
    app.screenshot("delivery-reply-sent").await?;

    // The person withdraws the application (#18): asked first (and "no" changes nothing),
    // then the state API marks it withdrawn, once, and the page and its timeline say so.
    goto(&app, &format!("/antraege/{submission_id}")).await?;
    click(&app, "#withdraw-application").await?;
    click(&app, "#withdraw-application-cancel").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let unchanged = api.submissions().await?;
    assert!(
        unchanged
            .iter()
            .any(|s| s["submissionId"] == json!(submission_id) && s["status"] == "PROCESSING"),
        "cancelling the dialog withdraws nothing: {}",
        json!(unchanged)
    );
    click(&app, "#withdraw-application").await?;
    e2e::a11y::axe(&app, "withdraw dialog", &mut report).await?;
    app.screenshot("delivery-withdraw-dialog").await?;
    click(&app, "#withdraw-application-confirm").await?;
    app.wait_for("#submission-status[data-status='status-withdrawn']", LONG)
        .await?;
    app.wait_for("#timeline [data-status='status-withdrawn']", SHORT)
        .await?;
    assert!(
        app.client
            .find(Locator::Id("withdraw-application"))
            .await
            .is_err(),
        "a withdrawn application cannot be withdrawn again"
    );
    e2e::a11y::axe(&app, "withdrawn application", &mut report).await?;
    app.screenshot("delivery-withdrawn").await?;
    let withdrawn = api.submissions().await?;
    let ours: Vec<&Value> = withdrawn
        .iter()
        .filter(|s| s["submissionId"] == json!(submission_id))
        .collect();
    assert_eq!(
        ours.iter().map(|s| s["status"].clone()).collect::<Vec<_>>(),
        vec![json!("WITHDRAWN")],
        "the state API has it withdrawn, once: {}",
        json!(withdrawn)
    );
    assert_eq!(
        e2e::a11y::write_report(&report, "axe-report-withdraw.json")?,
        0,
        "axe finds nothing on the withdrawal"
    );

    // The printout speaks the person's language, right to left too: in Arabic, on a phone,
    // the PDF is titled in Arabic with the service's Arabic name.
    goto(&app, "/einstellungen").await?;
    click(&app, "#settings-language-ar").await?;
    app.client.set_window_size(390, 844).await?;
    goto(&app, &format!("/antraege/{submission_id}")).await?;
    let path = e2e::steps::save_printout(&app, LONG).await?;
    let service = catalog
        .services
        .iter()
        .find(|s| s.leika_key == "99108001001000")
        .map(|s| s.name.get(domain::Language::Ar).to_owned())
        .ok_or("the parking permit is in the catalog")?;
    let title = i18n::Localizer::new().format(
        domain::Language::Ar,
        "printout-title",
        &[("service", service.into())],
    );
    assert_eq!(
        e2e::pdf::title(&path)?,
        title,
        "the printout's title in Arabic"
    );
    app.screenshot("delivery-printout-ar-phone").await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}

/// Submitting while logged out: the app says that sending needs a login (not "nothing more to
/// do"), on "my applications" and on the application's page, and offers the login right there;
/// after logging in from that prompt, the application is sent and received, once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn submitted_while_logged_out_waits_for_a_login_and_is_sent_from_the_prompt() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    // The journeys share one keychain: make sure nobody is logged in from an earlier one.
    e2e::steps::invoke(&app, "log_out", json!({})).await?;

    let submission_id = queue_parking_permit(&app).await?;
    follow(&app, "#nav-applications").await?;
    let item = format!("li.application[data-application-id='{submission_id}']");
    app.wait_for(&format!("{item} .waiting[data-waiting='login']"), SHORT)
        .await?;
    let notice = app
        .wait_for_text(".sending-notice[data-waiting='login']", SHORT, |t| {
            t.contains("Anmeldung")
        })
        .await?;
    assert!(
        !notice.contains("nichts weiter tun"),
        "the page does not claim that nothing is left to do: {notice:?}"
    );
    app.screenshot("delivery-waiting-for-login-phone").await?;
    let mut report = Vec::new();
    e2e::a11y::axe(
        &app,
        "my applications, waiting for a login (phone)",
        &mut report,
    )
    .await?;

    // The application's own page says the same and offers the login.
    follow(&app, &format!("{item} a")).await?;
    app.wait_for("#submission-heading", SHORT).await?;
    app.wait_for(
        ".sending-notice[data-waiting='login'] #log-in-to-send",
        SHORT,
    )
    .await?;
    e2e::a11y::axe(&app, "application waiting for a login (phone)", &mut report).await?;
    let violations = e2e::a11y::write_report(&report, "axe-report-waiting-for-login.json")?;
    assert_eq!(violations, 0, "axe-core violations: {report:?}");
    follow(&app, "#log-in-to-send").await?;
    app.browser.complete_login("anna", LONG).await?;

    follow(&app, "#nav-applications").await?;
    status_on_my_applications(&app, &submission_id, "status-received", LONG).await?;
    assert!(
        app.client
            .find(Locator::Css(".sending-notice"))
            .await
            .is_err(),
        "nothing waits any more"
    );
    let list = api.submissions().await?;
    let arrived = json!(list);
    let ours = list
        .iter()
        .filter(|s| s["submissionId"] == json!(submission_id))
        .count();
    assert_eq!(ours, 1, "sent exactly once: {arrived}");
    e2e::steps::invoke(&app, "log_out", json!({})).await?;
    app.quit().await?;
    Ok(())
}
