//! Walking a form in the real window the way a person does: a valid answer for every field,
//! filling a page (typing, choosing, attaching files), moving on to the review and sending.
//! Shared by the journeys that go through the wizard (`citizen.rs`, `screens.rs`, `device.rs`,
//! `general.rs`).

use std::time::Duration;

use domain::form::{Date, FieldKind, FormDefinition, Item};
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::a11y::axe;
use crate::{artifacts_dir, App, Result};

const LONG: Duration = Duration::from_secs(60);
const SHORT: Duration = Duration::from_secs(15);

/// Fills the visible fields of the current wizard page from `answers` (nested JSON by
/// element id) the way a person would: typing, clicking radios and checkboxes, choosing from
/// selects, adding repeat entries. Returns how much it changed and which attachment inputs
/// still need a file.
const FILL: &str = include_str!("fill.js");

/// Today by the clock the app and the state API run with (see `e2e::clock`).
pub fn today() -> Date {
    crate::clock::today()
}

/// A valid answer for every field (as in the form engine's showcase tests), as JSON.
pub fn valid_answers(def: &FormDefinition, yes: bool) -> Value {
    fn fill(
        def: &FormDefinition,
        items: &[Item],
        yes: bool,
        out: &mut serde_json::Map<String, Value>,
    ) {
        let today = today();
        for item in items {
            match item {
                Item::Group(group) => {
                    let mut inner = serde_json::Map::new();
                    fill(def, &group.items, yes, &mut inner);
                    let value = match group.repeat {
                        Some(repeat) => {
                            Value::Array(vec![Value::Object(inner); repeat.min.max(1) as usize])
                        }
                        None => Value::Object(inner),
                    };
                    out.insert(group.id.clone(), value);
                }
                Item::Field(field) => {
                    if field.compute.is_some() {
                        continue;
                    }
                    let value = match &field.kind {
                        FieldKind::Text {
                            min_length,
                            max_length,
                            ..
                        }
                        | FieldKind::MultilineText {
                            min_length,
                            max_length,
                            ..
                        } => {
                            let len = min_length
                                .unwrap_or(0)
                                .max(8)
                                .min(max_length.unwrap_or(u32::MAX))
                                as usize;
                            json!("Beispieltext".chars().cycle().take(len).collect::<String>())
                        }
                        FieldKind::Integer { min, .. } => json!(min.unwrap_or(1).to_string()),
                        FieldKind::Decimal { min, .. } => {
                            json!(min.map(|m| m.to_string()).unwrap_or_else(|| "1".into()))
                        }
                        FieldKind::Money { min_cents, .. } => json!(min_cents.unwrap_or(100_000)),
                        FieldKind::Date { min, max } => {
                            let mut date = today.add_months(-360).expect("30 years ago");
                            if let Some(min) = min.and_then(|b| b.resolve(today)) {
                                date = date.max(min);
                            }
                            if let Some(max) = max.and_then(|b| b.resolve(today)) {
                                date = date.min(max);
                            }
                            json!(date.to_string())
                        }
                        FieldKind::YesNo => json!(
                            yes || field.id == "angaben_richtig"
                                || field.id.ends_with("_bestaetigt")
                                || field.id == "rauchwarnmelder"
                        ),
                        FieldKind::Choice {
                            codes,
                            multiple,
                            min_selected,
                            ..
                        } => {
                            let list = def.codes(codes).unwrap_or_default();
                            if *multiple {
                                let n = min_selected.unwrap_or(1).max(1) as usize;
                                json!(list
                                    .iter()
                                    .take(n)
                                    .map(|c| c.code.clone())
                                    .collect::<Vec<_>>())
                            } else {
                                json!(list.first().map(|c| c.code.clone()).unwrap_or_default())
                            }
                        }
                        FieldKind::Time => json!("08:30"),
                        FieldKind::DateTime => json!(format!("{today}T08:30")),
                        FieldKind::Email => json!("antrag@example.de"),
                        FieldKind::Phone => json!("0361 123456"),
                        FieldKind::Iban => json!("DE89 3704 0044 0532 0130 00"),
                        FieldKind::PostalCode => json!("99084"),
                        FieldKind::Municipality => json!("160510000000"),
                        FieldKind::Address => {
                            json!({"strasse": "Anger", "hausnummer": "1", "plz": "99084", "ort": "Erfurt"})
                        }
                        FieldKind::Attachment { min_count, .. } => {
                            json!(vec!["file"; min_count.unwrap_or(1).max(1) as usize])
                        }
                        FieldKind::Info { .. } => continue,
                    };
                    out.insert(field.id.clone(), value);
                }
            }
        }
    }
    let mut out = serde_json::Map::new();
    for page in &def.pages {
        fill(def, &page.items, yes, &mut out);
    }
    Value::Object(out)
}

/// A form the app ships (showcase or imported from XDatenfelder), by id.
pub fn definition(id: &str) -> FormDefinition {
    catalog_seed::shipped_form(id)
        .unwrap_or_else(|| panic!("{id} is shipped"))
        .clone()
}

/// A small file of the type an attachment field accepts.
pub fn attachment_file(accept: &str, n: usize) -> Result<std::path::PathBuf> {
    let dir = artifacts_dir().join("upload");
    std::fs::create_dir_all(&dir)?;
    if accept.contains("pdf") || accept.is_empty() {
        let path = dir.join(if n == 0 {
            "lageplan.pdf".to_owned()
        } else {
            format!("plan-{n}.pdf")
        });
        std::fs::write(
            &path,
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        )?;
        Ok(path)
    } else {
        let path = dir.join(if n == 0 {
            "foto.png".to_owned()
        } else {
            format!("foto-{n}.png")
        });
        // A 1x1 PNG.
        let png: [u8; 67] = [
            0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
            0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
            0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78,
            0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00,
            0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
        ];
        std::fs::write(&path, png)?;
        Ok(path)
    }
}

/// Fills the current page until nothing changes any more (rules may reveal more fields).
pub async fn fill_page(app: &App, answers: &Value) -> Result<()> {
    for _ in 0..6 {
        let result = app.client.execute(FILL, vec![answers.clone()]).await?;
        let mut changed = result["changed"].as_u64().unwrap_or(0);
        for id in result["files"].as_array().cloned().unwrap_or_default() {
            let (id, have) = id
                .as_str()
                .unwrap_or_default()
                .split_once('#')
                .unwrap_or_default();
            let have: usize = have.parse().unwrap_or(0);
            let input = app.client.find(Locator::Id(id)).await?;
            let accept = input.attr("accept").await?.unwrap_or_default();
            // Beside the picker, a camera input for the image types (shown on touch devices).
            let camera = app
                .client
                .execute(
                    "const c = document.getElementById(arguments[0] + '-camera'); return c ? c.getAttribute('capture') + '|' + c.accept : '';",
                    vec![json!(id)],
                )
                .await?;
            let camera = camera.as_str().unwrap_or_default();
            if accept.is_empty() || accept.contains("image/") {
                assert!(
                    camera.starts_with("environment|image/"),
                    "{id} offers the camera for images: {camera:?}"
                );
            } else {
                assert!(
                    camera.is_empty(),
                    "{id} takes no images, so no camera: {camera:?}"
                );
            }
            let file = attachment_file(&accept, have)?;
            input.send_keys(&file.display().to_string()).await?;
            // Wait until the shell stored it and the list shows it.
            let listed = format!(
                "#{id} ~ .attachment-list .attachment:nth-child({})",
                have + 1
            );
            app.wait_for(&listed, SHORT).await?;
            changed += 1;
        }
        if changed == 0 {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Ok(())
}

/// Clicks the element matching `css` (a DOM click, as assistive technology sends it; the
/// keyboard journey uses real key presses).
pub async fn click(app: &App, css: &str) -> Result<()> {
    app.wait_for(css, SHORT).await?;
    let clicked = app
        .client
        .execute(
            "const e = document.querySelector(arguments[0]); if (!e) return false; e.scrollIntoView({block: 'center'}); e.click(); return true;",
            vec![json!(css)],
        )
        .await?;
    if clicked == json!(true) {
        Ok(())
    } else {
        Err(format!("{css} could not be clicked").into())
    }
}

/// Sends the application from the review; waits for its status page.
pub async fn submit(app: &App) -> Result<()> {
    click(app, "#wizard-submit").await?;
    let deadline = std::time::Instant::now() + LONG;
    while std::time::Instant::now() < deadline {
        if app
            .client
            .find(Locator::Id("submission-status"))
            .await
            .is_ok()
        {
            return Ok(());
        }
        if let Ok(summary) = app.client.find(Locator::Id("error-summary")).await {
            let text = summary.text().await?;
            app.screenshot("failed-submit").await?;
            return Err(format!("submit refused: {text}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.screenshot("failed-submit").await?;
    let main = app.client.find(Locator::Css("main")).await?.text().await?;
    Err(format!("no status page after submit; the page says: {main}").into())
}

pub async fn heading(app: &App) -> Result<String> {
    Ok(app
        .client
        .find(Locator::Css("main h1"))
        .await?
        .text()
        .await?)
}

/// Opens a service's page and starts (or continues) its application.
pub async fn start_application(app: &App, leika_key: &str) -> Result<()> {
    crate::steps::goto(app, &format!("/leistung/{leika_key}")).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    for attempt in 0..3 {
        click(app, "#start-application, #start-general-application").await?;
        if app.wait_for("#wizard-heading", SHORT).await.is_ok() {
            return Ok(());
        }
        let banner = match app.client.find(Locator::Id("error-banner")).await {
            Ok(element) => element.text().await?,
            Err(_) => String::new(),
        };
        println!("start of {leika_key}, attempt {attempt}: no wizard yet; error banner {banner:?}");
        app.screenshot(&format!("failed-start-{leika_key}")).await?;
    }
    Err(format!("the application for {leika_key} did not start").into())
}

/// Walks the wizard from its current page to the review: axe and a screenshot on each page,
/// then fill and continue. Returns the number of pages.
pub async fn walk_to_review(
    app: &App,
    form_id: &str,
    answers: &Value,
    report: &mut Vec<Value>,
    shots: bool,
) -> Result<usize> {
    let mut pages = 0;
    loop {
        if app.client.find(Locator::Id("wizard-submit")).await.is_ok() {
            return Ok(pages);
        }
        pages += 1;
        assert!(
            pages < 30,
            "{form_id}: the wizard reaches the review within 30 pages"
        );
        let title = heading(app).await?;
        axe(app, &format!("{form_id} page {pages} ({title})"), report).await?;
        fill_page(app, answers).await?;
        if shots {
            app.screenshot(&format!("wizard-{form_id}-{pages:02}"))
                .await?;
        }
        // Every answer is saved before moving on; a save that never ends or fails is a
        // failure of the journey, not something to wait out.
        let saved = app
            .wait_for_text("#save-status", SHORT, |t| !t.contains("…"))
            .await?;
        assert!(
            !saved.contains("Nicht gespeichert") && !saved.contains("Not saved"),
            "{form_id}: page {pages} ({title}) saved its answers: {saved:?}"
        );
        click(app, "#wizard-next").await?;
        // Either the next page (a new heading) or the error summary.
        let deadline = std::time::Instant::now() + SHORT;
        let mut clicked_at = std::time::Instant::now();
        loop {
            if app.client.find(Locator::Id("error-summary")).await.is_ok() {
                let text = app
                    .client
                    .find(Locator::Id("error-summary"))
                    .await?
                    .text()
                    .await?;
                app.screenshot(&format!("wizard-{form_id}-stuck")).await?;
                return Err(format!(
                    "{form_id}: page {pages} ({title}) has errors after filling: {text}"
                )
                .into());
            }
            if heading(app).await.unwrap_or_default() != title {
                break;
            }
            if std::time::Instant::now() > deadline {
                app.screenshot(&format!("wizard-{form_id}-stuck")).await?;
                return Err(format!("{form_id}: page {pages} ({title}) did not move on").into());
            }
            // A click can land on a control that moved under it (a file list growing): again.
            if clicked_at.elapsed() > Duration::from_secs(3) {
                println!("{form_id}: page {pages} ({title}): continue again");
                click(app, "#wizard-next").await?;
                clicked_at = std::time::Instant::now();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Chooses the home municipality in the settings by postal code or name; waits until the
/// settings show `expect`.
pub async fn choose_home(app: &App, query: &str, expect: &str) -> Result<()> {
    crate::steps::goto(app, "/einstellungen").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.wait_for("#home-municipality", SHORT)
        .await?
        .send_keys(query)
        .await?;
    click(app, "#home-results .home-choice").await?;
    app.wait_for_text("#home-current", SHORT, |t| t.contains(expect))
        .await?;
    Ok(())
}

/// Types into a field the way the FILL script does (value + input event).
pub async fn type_into(app: &App, css: &str, text: &str) -> Result<()> {
    app.wait_for(css, SHORT).await?;
    app.client
        .execute(
            "const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(css), json!(text)],
        )
        .await?;
    Ok(())
}
