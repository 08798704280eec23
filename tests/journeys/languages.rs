//! Every language the app offers (#17), in the real window at phone size: the start page, a
//! service page, the whole parking-permit wizard with its error summary, a life situation's
//! guide, the settings and the Datenschutzerklärung. For each language: `<html lang dir>` right (Arabic right to left),
//! the texts in that language (compared with the Fluent files and the data, not with strings
//! written here), axe-core finds nothing, and nothing needs sideways scrolling at 390 px, with
//! normal text and with text at 200 %. Screenshots of every screen in the artifacts.

use std::time::Duration;

use domain::Language;
use e2e::a11y::{axe, write_report};
use e2e::steps::{goto, invoke};
use e2e::wizard::{click, definition, heading, start_application, valid_answers, walk_to_review};
use e2e::{App, Result, StateApi};
use serde_json::{json, Value};

const LONG: Duration = Duration::from_secs(60);
const SHORT: Duration = Duration::from_secs(20);
const PARKING: &str = "99108001001000";
/// A life situation with a guide.
const MOVING: &str = "wohnen-umzug";

/// What needs sideways scrolling: the page's width against the window's, and the first
/// elements that stick out.
const OVERFLOW: &str = r#"
const width = document.documentElement.clientWidth;
const wide = [];
for (const e of document.querySelectorAll('main *, header *, footer *')) {
  if (e.children.length > 0 || e.closest('[hidden]')) continue;
  const r = e.getBoundingClientRect();
  if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
    wide.push(`${e.tagName.toLowerCase()}#${e.id}.${String(e.className).split(' ')[0]} "${(e.textContent || '').trim().slice(0, 30)}" [${Math.round(r.left)}-${Math.round(r.right)}]`);
  }
}
return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 8) };
"#;

/// The page's language and direction, and the main heading's text.
const PAGE: &str =
    "return { lang: document.documentElement.lang, dir: document.documentElement.dir || 'ltr', \
    h1: (document.querySelector('h1') || {}).textContent || '' };";

struct Check<'a> {
    app: &'a App,
    report: Vec<Value>,
    overflow: Vec<String>,
}

impl Check<'_> {
    /// axe, the sideways-scrolling measure and a screenshot of the screen as it is.
    async fn screen(&mut self, name: &str, with_axe: bool) -> Result<()> {
        tokio::time::sleep(Duration::from_millis(300)).await;
        if with_axe {
            axe(self.app, name, &mut self.report).await?;
        }
        let measured = self.app.client.execute(OVERFLOW, vec![]).await?;
        if measured["scroll"].as_i64() > measured["width"].as_i64()
            || measured["wide"].as_array().is_some_and(|w| !w.is_empty())
        {
            self.overflow.push(format!("{name}: {measured}"));
        }
        self.app.screenshot(&name.replace([' ', '%'], "-")).await?;
        Ok(())
    }

    /// The page speaks `language`: `lang`, `dir`, and the main heading is `expected`.
    async fn speaks(&self, language: Language, expected: &str) -> Result<()> {
        let expected = expected.trim().to_owned();
        let deadline = std::time::Instant::now() + SHORT;
        loop {
            let page = self.app.client.execute(PAGE, vec![]).await?;
            let dir = if language.is_rtl() { "rtl" } else { "ltr" };
            let ok = page["lang"] == json!(language.tag())
                && page["dir"] == json!(dir)
                && page["h1"].as_str().map(str::trim) == Some(expected.as_str());
            if ok {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                return Err(format!(
                    "{}: expected lang {} dir {dir} and the heading {expected:?}, the page has {page}",
                    language.code(),
                    language.tag()
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }
}

async fn choose_language(app: &App, language: Language) -> Result<()> {
    goto(app, "/einstellungen").await?;
    click(app, &format!("#settings-language-{}", language.code())).await?;
    Ok(())
}

async fn text_size(app: &App, id: &str) -> Result<()> {
    goto(app, "/einstellungen").await?;
    click(app, &format!("#{id}")).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn every_screen_speaks_every_language_at_phone_size() -> Result<()> {
    let texts = i18n::Localizer::new();
    let catalog = catalog_seed::seed_catalog()?;
    let parking = catalog
        .service(PARKING)
        .ok_or("the parking permit is in the catalog")?
        .clone();
    let moving = catalog
        .life_situation(MOVING)
        .filter(|l| l.guide.is_some())
        .ok_or("moving house has a guide")?
        .clone();
    let form = definition("bewohnerparkausweis");
    let answers = valid_answers(&form, true);
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    let mut check = Check {
        app: &app,
        report: Vec::new(),
        overflow: Vec::new(),
    };

    // `THUERINGEN_LANGUAGES=ar,uk` narrows the walk while working on one language.
    let only = std::env::var("THUERINGEN_LANGUAGES").ok();
    let chosen = Language::ALL.into_iter().filter(|l| {
        only.as_deref()
            .is_none_or(|only| only.split(',').any(|c| c.trim() == l.code()))
    });
    for language in chosen {
        let code = language.code();
        let text = |id: &str| texts.text(language, id);
        choose_language(&app, language).await?;
        check.speaks(language, &text("settings-heading")).await?;
        check.screen(&format!("{code} settings"), true).await?;

        goto(&app, "/").await?;
        app.wait_for("#service-list li", SHORT).await?;
        check.speaks(language, &text("catalog-heading")).await?;
        check.screen(&format!("{code} start"), true).await?;

        // The service page: the featured texts in this language, marked as such.
        goto(&app, &format!("/leistung/{PARKING}")).await?;
        app.wait_for("#start-application", SHORT).await?;
        check.speaks(language, parking.name.get(language)).await?;
        let marked = app
            .client
            .execute(
                "return document.getElementById('service-heading').lang",
                vec![],
            )
            .await?;
        assert_eq!(
            marked,
            json!(language.tag()),
            "{code}: the service's name is written in this language"
        );
        check.screen(&format!("{code} service"), true).await?;

        // The wizard: its first page in this language, the error summary, then every page.
        start_application(&app, PARKING).await?;
        let first_page = form.pages[0].title.get(language);
        assert_eq!(
            heading(&app).await?.trim(),
            first_page.trim(),
            "{code}: page 1"
        );
        click(&app, "#wizard-next").await?;
        let summary = app
            .wait_for_text("#error-summary-title", SHORT, |t| !t.is_empty())
            .await?;
        assert_eq!(
            summary.trim(),
            text("wizard-error-summary").trim(),
            "{code}: the error summary's title"
        );
        check
            .screen(&format!("{code} wizard error summary"), true)
            .await?;
        walk_to_review(
            &app,
            &format!("parking-{code}"),
            &answers,
            &mut check.report,
            true,
        )
        .await?;
        check.screen(&format!("{code} wizard review"), true).await?;
        let draft_id = app
            .client
            .execute("return location.pathname.split('/').pop()", vec![])
            .await?;

        // A life situation as a guide, from the start page's link.
        goto(&app, "/").await?;
        click(&app, &format!("#guide-{MOVING}")).await?;
        app.wait_for("#guide-steps li", SHORT).await?;
        let name = moving.name.get(language).to_owned();
        check
            .speaks(
                language,
                &texts.format(language, "guide-link", &[("name", name.into())]),
            )
            .await?;
        check.screen(&format!("{code} guide"), true).await?;

        // The legal page, then the same screens with text at 200 %.
        goto(&app, "/datenschutz").await?;
        check.speaks(language, &text("privacy-heading")).await?;
        check.screen(&format!("{code} privacy"), true).await?;

        text_size(&app, "text-size-largest").await?;
        check
            .screen(&format!("{code} settings 200%"), false)
            .await?;
        goto(&app, "/").await?;
        app.wait_for("#service-list li", SHORT).await?;
        check.screen(&format!("{code} start 200%"), false).await?;
        goto(&app, &format!("/leistung/{PARKING}")).await?;
        app.wait_for("#start-application", SHORT).await?;
        check.screen(&format!("{code} service 200%"), false).await?;
        goto(
            &app,
            &format!("/antrag/{}", draft_id.as_str().unwrap_or_default()),
        )
        .await?;
        app.wait_for("#wizard-heading", SHORT).await?;
        check.screen(&format!("{code} wizard 200%"), false).await?;
        goto(&app, "/datenschutz").await?;
        app.wait_for("#privacy-heading", SHORT).await?;
        check.screen(&format!("{code} privacy 200%"), false).await?;
        text_size(&app, "text-size-normal").await?;

        // The next language starts its own application.
        invoke(
            &app,
            domain::ipc::command::DELETE_DRAFT,
            json!({ "request": { "draft_id": draft_id } }),
        )
        .await?;
    }

    let Check {
        report, overflow, ..
    } = check;
    app.quit().await?;
    api.stop().await;
    let violations = write_report(&report, "axe-report-languages.json")?;
    assert_eq!(violations, 0, "axe finds nothing in any language");
    assert!(overflow.is_empty(), "sideways scrolling: {overflow:#?}");
    Ok(())
}
