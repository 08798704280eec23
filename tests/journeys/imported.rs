//! Forms imported from FIM XDatenfelder messages (#16), end to end in the real window against
//! the real state API, at phone size: the services whose form is one of our XDatenfelder
//! messages in `data/xdf` (the XML is their only source; app and server import it) offer their
//! own application, not the general one; the wizard renders and checks the imported form like
//! a hand-written one; and each application arrives once, under the form's FIM id, at the
//! authority responsible in the person's town, where the reference authority checked it with
//! the same imported definition.
//!
//! The certificate of registration (XDatenfelder 3.0.0, values inline) is filled in English:
//! the form exists in German only, so the wizard says so in English and marks its German texts
//! `lang="de"` (WCAG 3.1.2). The no-parking zone (XDatenfelder 2.0, a genericode code list, a
//! date rule) is filled in German, with its optional sketch attached.

use std::time::Duration;

use e2e::steps::{follow, goto, log_in, status_on_my_applications};
use e2e::wizard::{
    choose_home, click, definition, start_application, valid_answers, walk_to_review,
};
use e2e::{App, Result, StateApi};
use fantoccini::Locator;
use serde_json::{json, Value};

const LONG: Duration = Duration::from_secs(90);
const SHORT: Duration = Duration::from_secs(20);

/// Each service whose form is imported from a shipped message: (LeiKa key, form id, language).
const IMPORTED: [(&str, &str, &str); 2] = [
    ("99115004001005", "S99115004", "en"),
    ("99108011153000", "S99108011", "de"),
];

async fn choose_language(app: &App, code: &str) -> Result<()> {
    goto(app, "/einstellungen").await?;
    click(app, &format!("#settings-language-{code}")).await?;
    app.wait_for(&format!("html[lang='{code}']"), SHORT).await?;
    Ok(())
}

/// The `lang` attributes of the elements `css` finds.
async fn langs(app: &App, css: &str) -> Result<Vec<Value>> {
    let found = app
        .client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute('lang'));",
            vec![json!(css)],
        )
        .await?;
    Ok(found.as_array().cloned().unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn forms_imported_from_xdatenfelder_are_filled_checked_and_sent() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    choose_home(&app, "99084", "Erfurt").await?;
    log_in(&app, "anna", "Anna", LONG).await?;

    let mut report = Vec::new();
    let mut sent: Vec<(String, &str, &str)> = Vec::new();
    for (leika_key, form_id, language) in IMPORTED {
        choose_language(&app, language).await?;
        // The service page offers the service's own form, not the general application.
        goto(&app, &format!("/leistung/{leika_key}")).await?;
        app.wait_for("#start-application", SHORT).await?;
        assert!(
            app.client
                .find(Locator::Id("start-general-application"))
                .await
                .is_err(),
            "{form_id}: a service with an imported form is not sent as a general request"
        );
        start_application(&app, leika_key).await?;

        // German only: said in the person's language, and the German texts are marked so.
        let notice = app.client.find(Locator::Id("wizard-german-only")).await;
        let heading = langs(&app, "#wizard-heading span").await?;
        if language == "de" {
            assert!(notice.is_err(), "{form_id}: no notice in German");
            assert_eq!(heading, vec![json!("de")], "{form_id}: heading");
        } else {
            let notice = notice?.text().await?;
            assert!(
                notice.contains("only available in German"),
                "{form_id}: the notice speaks {language}: {notice:?}"
            );
            assert_eq!(
                heading,
                vec![json!("de")],
                "{form_id}: the heading is German"
            );
            let labels = langs(&app, ".wizard-field .kern-label span[lang]").await?;
            assert!(
                !labels.is_empty() && labels.iter().all(|l| l == "de"),
                "{form_id}: every label is marked German: {labels:?}"
            );
            app.screenshot(&format!("imported-{form_id}-german-only-phone"))
                .await?;
        }

        let form = definition(form_id);
        let answers = valid_answers(&form, true);
        let pages = walk_to_review(&app, form_id, &answers, &mut report, true).await?;
        assert_eq!(pages, form.pages.len(), "{form_id}: one page per group");
        let review = langs(&app, ".review-key").await?;
        assert!(
            !review.is_empty() && review.iter().all(|l| l == "de"),
            "{form_id}: the review marks the German labels: {review:?}"
        );
        e2e::a11y::axe(&app, &format!("{form_id} review"), &mut report).await?;
        click(&app, "#wizard-submit").await?;
        app.wait_for("#submission-status", LONG).await?;
        let submission_id = app
            .client
            .execute("return location.pathname.split('/').pop();", vec![])
            .await?
            .as_str()
            .ok_or("the submission's page")?
            .to_string();
        app.screenshot(&format!("imported-{form_id}-sent-phone"))
            .await?;
        sent.push((submission_id, leika_key, form_id));
    }
    let violations = e2e::a11y::write_report(&report, "axe-report-imported.json")?;
    assert_eq!(
        violations, 0,
        "axe finds nothing on imported forms: {report:?}"
    );

    follow(&app, "#nav-applications").await?;
    for (submission_id, _, _) in &sent {
        status_on_my_applications(&app, submission_id, "status-received", LONG).await?;
    }
    let list = api.submissions().await?;
    let catalog = catalog_seed::seed_catalog()?;
    for (submission_id, leika_key, form_id) in &sent {
        let ours: Vec<&Value> = list
            .iter()
            .filter(|s| s["submissionId"] == json!(submission_id))
            .collect();
        assert_eq!(ours.len(), 1, "{form_id} sent exactly once: {list:?}");
        let arrived = ours[0];
        let form = definition(form_id);
        assert_eq!(
            (
                &arrived["serviceKey"],
                &arrived["form"]["id"],
                &arrived["form"]["version"]
            ),
            (&json!(leika_key), &json!(form_id), &json!(form.version)),
            "{form_id}: for its service, on the imported form: {arrived}"
        );
        let service = catalog.service(leika_key).ok_or("the service")?;
        if let Some(expected) = catalog
            .authority_index()
            .responsible_for(service, "16051000")
        {
            assert_eq!(
                arrived["authorityId"],
                json!(expected.id),
                "{form_id}: at the authority responsible in Erfurt: {arrived}"
            );
        }
        let attachments = arrived["attachments"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let with_file = form
            .fields()
            .iter()
            .any(|(_, f)| matches!(f.kind, domain::form::FieldKind::Attachment { .. }));
        assert_eq!(
            attachments.len(),
            usize::from(with_file),
            "{form_id}: the sketch, where the form has one: {arrived}"
        );
        assert!(
            attachments.iter().all(|a| a["complete"] == json!(true)),
            "{form_id}: attachments whole: {arrived}"
        );
    }

    // The account is left as it was found: journeys share one keychain.
    choose_language(&app, "de").await?;
    follow(&app, "#nav-settings").await?;
    follow(&app, "#log-out").await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}
