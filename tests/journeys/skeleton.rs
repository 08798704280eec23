//! The walking skeleton's journeys in the real window: the service list renders from the
//! catalog, search filters as the person types (forgiving of case, umlauts and ß), the language
//! switch changes the texts, and with the state API down the app still lists the services from
//! its local store and says it is offline; a page whose code cannot be loaded says so and
//! opens when tried again.

use std::time::Duration;

use e2e::{record_timing, App, Result, StateApi};
use fantoccini::Locator;

const LONG: Duration = Duration::from_secs(60);
const SHORT: Duration = Duration::from_secs(15);

async fn search(app: &App, query: &str) -> Result<()> {
    let input = app.wait_for("#service-search", SHORT).await?;
    input.clear().await?;
    input.send_keys(query).await?;
    Ok(())
}

/// The LeiKa keys of the listed services, in order.
async fn listed_keys(app: &App) -> Result<Vec<String>> {
    let mut keys = Vec::new();
    for item in app
        .client
        .find_all(Locator::Css("#service-list li"))
        .await?
    {
        keys.push(item.attr("data-leika-key").await?.unwrap_or_default());
    }
    Ok(keys)
}

/// Waits until the first listed service has `key`.
/// The `lang` of the document.
async fn document_language(app: &App) -> Result<Option<String>> {
    Ok(app
        .client
        .find(Locator::Css("html"))
        .await?
        .attr("lang")
        .await?)
}

async fn first_result_becomes(app: &App, key: &str) -> Result<()> {
    let deadline = std::time::Instant::now() + SHORT;
    let mut seen = Vec::new();
    while std::time::Instant::now() < deadline {
        seen = listed_keys(app).await?;
        if seen.first().map(String::as_str) == Some(key) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!(
        "expected {key} first, listed {:?}",
        seen.iter().take(5).collect::<Vec<_>>()
    )
    .into())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn catalog_search_and_language_switch_in_the_real_window() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;

    app.wait_for("#service-list li", LONG).await?;
    record_timing(
        "session start to service list visible (cold data dir)",
        app.started.elapsed(),
    );
    let count = app
        .wait_for_text("#result-count", SHORT, |t| {
            t.contains("Leistungen gefunden")
        })
        .await?;
    // German groups thousands with a point ("4.813 Leistungen gefunden").
    let total: usize = count
        .split_whitespace()
        .next()
        .unwrap_or("0")
        .replace('.', "")
        .parse()
        .unwrap_or(0);
    assert!(
        total >= 4_000,
        "the whole federal catalog is listed, got {count:?}"
    );

    // The refresh reaches the state API, so the catalog's origin says so.
    app.wait_for_text(".catalog-origin", SHORT, |t| t.contains("vom Landesdienst"))
        .await?;
    assert!(
        app.client
            .find(Locator::Css("#offline-banner"))
            .await
            .is_err(),
        "online: no offline banner"
    );
    app.screenshot("skeleton-catalog-de").await?;

    for query in ["ummeldung", "Ummeldung", "Ummeldüng", "UMMELDUNG"] {
        search(&app, query).await?;
        first_result_becomes(&app, "99115005104000").await?;
    }
    search(&app, "anwohnerparkausweis").await?;
    first_result_becomes(&app, "99108001001000").await?;
    search(&app, "strasse").await?;
    let names = {
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.texts("#service-list li .service-name").await?
    };
    assert!(!names.is_empty(), "\"strasse\" finds services");
    assert!(
        names
            .iter()
            .any(|n| n.contains("Straße") || n.contains("straße")),
        "\"strasse\" finds names spelled with ß: {names:?}"
    );
    search(&app, "xqzv nichts").await?;
    app.wait_for_text("#result-count", SHORT, |t| t.contains("Keine Leistung"))
        .await?;
    search(&app, "hundesteuer").await?;
    first_result_becomes(&app, "99102013000000").await?;
    app.screenshot("skeleton-search-de").await?;

    // Two languages chosen in quick succession, the first one's texts not loaded yet (they
    // come from the shell): the second choice wins, whatever answers last.
    app.client
        .execute(
            "document.querySelector('#language-tr').click(); \
             document.querySelector('#language-de').click();",
            Vec::new(),
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    app.wait_for_text("#catalog-heading", SHORT, |t| {
        t == "Leistungen in Thüringen"
    })
    .await?;
    let lang = document_language(&app).await?;
    assert_eq!(lang.as_deref(), Some("de"), "the later choice stays");

    // Language switch: the texts change, and the search now matches English names too.
    app.client
        .find(Locator::Css("#language-en"))
        .await?
        .click()
        .await?;
    app.wait_for_text("#catalog-heading", SHORT, |t| t == "Services in Thuringia")
        .await?;
    app.wait_for_text("#result-count", SHORT, |t| t.contains("found"))
        .await?;
    let lang = document_language(&app).await?;
    assert_eq!(
        lang.as_deref(),
        Some("en"),
        "the document language follows the switch"
    );
    search(&app, "dog tax").await?;
    first_result_becomes(&app, "99102013000000").await?;
    app.screenshot("skeleton-search-en").await?;
    app.client
        .find(Locator::Css("#language-de"))
        .await?
        .click()
        .await?;
    app.wait_for_text("#catalog-heading", SHORT, |t| {
        t == "Leistungen in Thüringen"
    })
    .await?;
    app.quit().await?;
    api.stop().await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn with_the_state_api_down_the_services_come_from_the_local_store() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let app_dir = tempfile::tempdir()?;

    // First start online: the catalog is refreshed from the state API and stored; the language
    // choice is stored too.
    let mut api = StateApi::start(server_dir.path()).await?;
    let app = App::launch(app_dir.path(), &api, 1280, 800).await?;
    app.wait_for_text(".catalog-origin", LONG, |t| t.contains("vom Landesdienst"))
        .await?;
    app.client
        .find(Locator::Css("#language-en"))
        .await?
        .click()
        .await?;
    app.wait_for_text("#catalog-heading", SHORT, |t| t == "Services in Thuringia")
        .await?;
    app.quit().await?;

    // The state API goes down; the app starts again on the same data.
    api.stop().await;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    record_timing(
        "session start to service list visible (warm data dir, offline)",
        app.started.elapsed(),
    );
    app.wait_for("#offline-banner", SHORT).await?;
    app.wait_for_text("#offline-banner", SHORT, |t| t.contains("You are offline"))
        .await?;
    app.wait_for_text(".catalog-origin", SHORT, |t| {
        t.contains("from the state service")
    })
    .await?;
    app.wait_for_text("#catalog-heading", SHORT, |t| t == "Services in Thuringia")
        .await?;
    search(&app, "parking permit").await?;
    first_result_becomes(&app, "99108001001000").await?;
    app.screenshot("skeleton-offline-phone-en").await?;
    app.quit().await?;
    Ok(())
}

/// Watches the page parts the window fetches: from now on every `.wasm` fetched is noted in
/// `window.__fetched`, and with `true` every such fetch fails, as on a damaged installation
/// (`false` lets them through again). Other requests (the IPC) pass unchanged.
const PAGE_PARTS: &str = r#"
window.__fetched = [];
window.__blockParts = arguments[0];
if (!window.__realFetch) {
  const real = window.fetch;
  window.__realFetch = real;
  window.fetch = (input, init) => {
    const url = String(input && input.url ? input.url : input);
    if (url.endsWith(".wasm")) {
      if (window.__blockParts) {
        return Promise.reject(new TypeError("a page part is missing (the journey blocks it)"));
      }
      window.__fetched.push(url);
    }
    return real(input, init);
  };
}
return true;
"#;

#[tokio::test]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test.sh"]
async fn a_page_whose_code_cannot_be_loaded_says_so_and_the_wizard_loads_ahead() -> Result<()> {
    // Every page but the start page loads its code on first use (ui/src/deferred.rs). When
    // that fails, the page says what happened and what to do, offers to try again, and the
    // app goes on working.
    let app_dir = tempfile::tempdir()?;
    let api = StateApi::down()?;
    let app = App::launch(app_dir.path(), &api, 390, 844).await?;
    app.wait_for("#service-list li", LONG).await?;
    app.client
        .execute(PAGE_PARTS, vec![serde_json::json!(true)])
        .await?;
    e2e::steps::follow(&app, "#nav-settings").await?;
    app.wait_for_text("#part-failed", SHORT, |t| {
        t.contains("Dieser Teil der App ließ sich nicht laden") && t.contains("gespeichert")
    })
    .await?;
    // Focus goes to the message's heading, as after any navigation.
    let focused = app
        .client
        .execute("return document.activeElement.textContent;", vec![])
        .await?;
    assert_eq!(
        focused,
        serde_json::json!("Dieser Teil der App ließ sich nicht laden")
    );
    let mut report = Vec::new();
    e2e::a11y::axe(&app, "a page part that cannot be loaded", &mut report).await?;
    app.screenshot("page-part-failed-phone").await?;
    // The start page still works meanwhile: its code is already there.
    e2e::steps::follow(&app, "#nav-services").await?;
    search(&app, "Anwohnerparkausweis").await?;
    first_result_becomes(&app, "99108001001000").await?;
    // Once the part can be loaded again, trying again opens the page.
    e2e::steps::follow(&app, "#nav-settings").await?;
    app.wait_for("#part-retry", SHORT).await?;
    app.client
        .execute(PAGE_PARTS, vec![serde_json::json!(false)])
        .await?;
    app.client
        .find(Locator::Css("#part-retry"))
        .await?
        .click()
        .await?;
    app.wait_for("#home-municipality", SHORT).await?;
    assert!(
        app.texts("#part-failed").await?.is_empty(),
        "the message is gone once the page is there"
    );

    // A service page that offers to apply fetches the wizard's part while the person reads
    // it, so the form opens without waiting for its code.
    app.client
        .execute(PAGE_PARTS, vec![serde_json::json!(false)])
        .await?;
    e2e::steps::follow(&app, "#nav-services").await?;
    search(&app, "Anwohnerparkausweis").await?;
    e2e::steps::follow(&app, "#service-list li[data-leika-key='99108001001000'] a").await?;
    app.wait_for("#start-application", SHORT).await?;
    let deadline = std::time::Instant::now() + SHORT;
    loop {
        let fetched = app
            .client
            .execute("return window.__fetched;", vec![])
            .await?;
        let fetched = fetched.as_array().cloned().unwrap_or_default();
        if fetched.iter().any(|url| {
            url.as_str()
                .is_some_and(|u| u.ends_with("split_wizard.wasm"))
        }) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the wizard's part was not fetched from the service page: {fetched:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    e2e::steps::follow(&app, "#start-application").await?;
    app.wait_for("#wizard-heading", SHORT).await?;
    app.quit().await?;
    assert_eq!(
        e2e::a11y::write_report(&report, "axe-report-page-part.json")?,
        0
    );
    Ok(())
}
