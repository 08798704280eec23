//! The app frame: header with the KERN Kopfzeile and the language switch, the page, the footer.
//! It loads settings and the catalog from the shell once, then asks the shell to refresh the
//! catalog from the state API and says so when the state API cannot be reached.

use std::sync::Arc;

use domain::ipc::{
    command, CatalogOrigin, CatalogResponse, Connectivity as IpcConnectivity, InboxMessage,
    IpcError, RefreshResponse, SetLanguageRequest, Settings, TextSize,
};
use domain::Language;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Serialize;

use crate::deferred::{
    AccessibilityRoute, ApplicationsRoute, FeedbackRoute, GuideRoute, ImprintRoute, InboxRoute,
    PrivacyRoute, ServiceRoute, SettingsRoute, SubmissionRoute, WizardRoute,
};
use crate::ipc::{call, call0};
use crate::l10n::{t_args, tr, CurrentLanguage};
use crate::pages::catalog::CatalogPage;
use crate::routes;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// What the app knows about the network: unknown until the first refresh answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connectivity {
    Unknown,
    Online,
    Offline,
}

/// Shared app-wide state, provided as context.
#[derive(Clone, Copy)]
pub struct AppContext {
    pub catalog: RwSignal<Option<Arc<CatalogResponse>>>,
    /// Where the stored catalog came from; becomes `StateApi` once the state API confirmed it.
    pub origin: RwSignal<Option<CatalogOrigin>>,
    pub connectivity: RwSignal<Connectivity>,
    pub error: RwSignal<Option<IpcError>>,
    pub settings: RwSignal<Settings>,
    /// Unread inbox messages, for the navigation.
    pub unread: RwSignal<u32>,
    /// Bumped when the shell reports a status or outbox change; lists reload on it.
    pub changes: RwSignal<u32>,
    /// Whether an assisted session runs (`None` until the shell said).
    pub visit: RwSignal<Option<domain::ipc::VisitView>>,
    /// Seconds until an idle session ends, while the shell warns.
    pub visit_ending: RwSignal<Option<u32>>,
}

#[derive(Serialize)]
struct SetLanguageArgs {
    request: SetLanguageRequest,
}

async fn load_catalog(ctx: AppContext) {
    // Without the catalog the start page can only say "loading": a failed read is asked again
    // twice, a second apart, before the error is shown (a CI run once saw one read fail at
    // start and the page wait forever).
    let mut last_error = None;
    for attempt in 0..3 {
        if attempt > 0 {
            crate::ipc::sleep(1_000).await;
        }
        match crate::ipc::read0_json::<CatalogResponse>(command::LOAD_CATALOG, 10_000).await {
            Ok(catalog) => {
                crate::timing::once("catalog-read");
                ctx.origin.set(Some(catalog.origin));
                ctx.catalog.set(Some(Arc::new(catalog)));
                crate::crash::check_start_rendered();
                return;
            }
            Err(error) => last_error = Some(error),
        }
    }
    if let Some(error) = last_error {
        ctx.error.set(Some(error));
    }
}

async fn start(ctx: AppContext, language: RwSignal<Language>) {
    // The catalog, the start's largest answer, is asked for at once, beside the clock and the
    // settings rather than after them (#20); the refresh from the state API follows it.
    spawn_local(async move {
        load_catalog(ctx).await;
        refresh_catalog(ctx).await;
    });
    crate::clock::ensure().await;
    match crate::ipc::read0::<Settings>(command::GET_SETTINGS, 5_000).await {
        Ok(settings) => {
            // A language that cannot be loaded leaves the texts in German; one the person
            // chose meanwhile wins.
            switch_language(ctx, language, settings.language).await;
            let chosen = language.get_untracked();
            ctx.settings.set(Settings {
                language: chosen,
                ..settings
            });
        }
        Err(error) => ctx.error.set(Some(error)),
    }
}

/// Loads the texts of `chosen` and switches the window to it, unless another language was
/// chosen meanwhile ([`crate::l10n::load_choice`]); a language whose texts cannot be loaded
/// leaves the window as it is and says why. Whether it switched.
pub(crate) async fn switch_language(
    ctx: AppContext,
    language: RwSignal<Language>,
    chosen: Language,
) -> bool {
    match crate::l10n::load_choice(chosen).await {
        Ok(true) => {
            language.set(chosen);
            true
        }
        Ok(false) => false,
        Err(error) => {
            ctx.error.set(Some(error));
            false
        }
    }
}

/// Asks the shell to bring the catalog up to date from the state API, and says whether it
/// could be reached.
async fn refresh_catalog(ctx: AppContext) {
    // Patience above the client's connect and request timeouts: a slow state API is not asked
    // twice, a lost message is.
    match crate::ipc::read0::<RefreshResponse>(command::REFRESH_CATALOG, 40_000).await {
        Ok(RefreshResponse::Offline) => ctx.connectivity.set(Connectivity::Offline),
        Ok(RefreshResponse::Unchanged) => {
            // The shell stored the state API's answer; the content is what we show already.
            ctx.connectivity.set(Connectivity::Online);
            ctx.origin.set(Some(CatalogOrigin::StateApi));
        }
        Ok(RefreshResponse::Updated { .. }) => {
            ctx.connectivity.set(Connectivity::Online);
            load_catalog(ctx).await;
        }
        Err(error) => {
            ctx.connectivity.set(Connectivity::Offline);
            ctx.error.set(Some(error));
        }
    }
}

/// Applies text size and contrast as classes on `<html>` (the CSP forbids inline styles).
fn apply_display_settings(settings: &Settings) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let classes = root.class_list();
    for class in ["text-large", "text-largest", "high-contrast"] {
        let _ = classes.remove_1(class);
    }
    match settings.text_size {
        TextSize::Normal => {}
        TextSize::Large => {
            let _ = classes.add_1("text-large");
        }
        TextSize::Largest => {
            let _ = classes.add_1("text-largest");
        }
    }
    if settings.high_contrast {
        let _ = classes.add_1("high-contrast");
    }
}

/// Counts unread messages; quietly keeps the last count when the shell cannot say.
pub async fn refresh_unread(ctx: AppContext) {
    if let Ok(messages) = call0::<Vec<InboxMessage>>(command::LIST_INBOX).await {
        let unread = messages.iter().filter(|m| !m.read).count();
        ctx.unread.set(u32::try_from(unread).unwrap_or(u32::MAX));
    }
}

async fn listen_to_shell(ctx: AppContext) {
    use crate::ipc::listen_to;
    use domain::ipc::event::{
        AccessibilityReportUpdated, ConnectivityChanged, InboxUpdated, LoginRequired,
        StatusChanged, SubmissionRefused, SyncProgressed,
    };
    let changed = move || ctx.changes.update(|n| *n += 1);
    listen_to::<InboxUpdated>(move |unread| ctx.unread.set(unread)).await;
    listen_to::<ConnectivityChanged>(move |c| {
        ctx.connectivity.set(match c {
            IpcConnectivity::Online => Connectivity::Online,
            IpcConnectivity::Offline => Connectivity::Offline,
        });
    })
    .await;
    listen_to::<StatusChanged>(move |_| changed()).await;
    listen_to::<SyncProgressed>(move |_| changed()).await;
    // A login that ended or a refusal changes what "my applications" says waits for what.
    listen_to::<LoginRequired>(move |()| changed()).await;
    listen_to::<SubmissionRefused>(move |_| changed()).await;
    listen_to::<AccessibilityReportUpdated>(move |_| changed()).await;
    // An assisted session ended by itself: nothing of the visitor's screens may stay.
    listen_to::<domain::ipc::event::VisitEnded>(move |_| crate::visit::start_over()).await;
    listen_to::<domain::ipc::event::VisitEndingSoon>(move |seconds| {
        ctx.visit_ending.set(Some(seconds))
    })
    .await;
}

#[component]
pub fn App() -> impl IntoView {
    let language = RwSignal::new(Language::De);
    provide_context(CurrentLanguage(language));
    let ctx = AppContext {
        catalog: RwSignal::new(None),
        origin: RwSignal::new(None),
        connectivity: RwSignal::new(Connectivity::Unknown),
        error: RwSignal::new(None),
        settings: RwSignal::new(Settings::default()),
        unread: RwSignal::new(0),
        changes: RwSignal::new(0),
        visit: RwSignal::new(None),
        visit_ending: RwSignal::new(None),
    };
    provide_context(ctx);
    provide_context(crate::pages::accessibility::ReportDraft::new());

    // Keep <html lang> and <html dir> in step with the language, for screen readers,
    // hyphenation and the reading direction (Arabic runs right to left).
    Effect::new(move |_| {
        let current = language.get();
        crate::crash::prepare(current);
        let tag = current.tag();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", tag);
            let _ = root.set_attribute("dir", if current.is_rtl() { "rtl" } else { "ltr" });
        }
    });
    Effect::new(move |_| ctx.settings.with(apply_display_settings));

    crate::crash::note_recoveries();
    spawn_local(start(ctx, language));
    spawn_local(refresh_unread(ctx));
    spawn_local(listen_to_shell(ctx));
    spawn_local(crate::visit::load(ctx));

    view! {
        <Router>
            <a class="skip-link kern-link" href="#main" on:click=skip_to_main>{tr("app-skip-to-content")}</a>
            <header class="app-header">
                <div class="kern-kopfzeile">
                    <div class="kern-container">
                        <div class="kern-kopfzeile__content">
                            <span class="kern-kopfzeile__flagge" aria-hidden="true"></span>
                            <span class="kern-kopfzeile__label">{tr("app-kopfzeile")}</span>
                        </div>
                    </div>
                </div>
                <div class="kern-container app-bar">
                    <p class="app-title kern-title"><a class="app-home" href="/">{tr("app-title")}</a></p>
                    <LanguageSwitch/>
                </div>
                <Show when=move || !ctx.visit.with(|v| v.as_ref().is_some_and(|v| v.locked))>
                    <MainNav/>
                </Show>
            </header>
            <FocusOnNavigation/>
            <main id="main" class="kern-container" tabindex="-1">
                <crate::visit::VisitBanner/>
                <ConnectivityBanner/>
                <ErrorBanner/>
                <StorageNoticeBanner/>
                // A shared device between sessions shows its lock and nothing of its person.
                <Show when=move || !ctx.visit.with(|v| v.as_ref().is_some_and(|v| v.locked))
                    fallback=|| view! { <crate::visit::LockScreen/> }>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=CatalogPage/>
                    <Route path=path!("/leistungen") view=CatalogPage/>
                    <Route path=path!("/leistung/:key") view=ServiceRoute/>
                    <Route path=path!("/lebenslage/:id") view=GuideRoute/>
                    <Route path=path!("/antrag/:draft") view=WizardRoute/>
                    <Route path=path!("/antraege") view=ApplicationsRoute/>
                    <Route path=path!("/antraege/:id") view=SubmissionRoute/>
                    <Route path=path!("/postfach") view=InboxRoute/>
                    <Route path=path!("/einstellungen") view=SettingsRoute/>
                    <Route path=path!("/barrierefreiheit") view=AccessibilityRoute/>
                    <Route path=path!("/barrierefreiheit/feedback") view=FeedbackRoute/>
                    <Route path=path!("/datenschutz") view=PrivacyRoute/>
                    <Route path=path!("/impressum") view=ImprintRoute/>
                </Routes>
                </Show>
            </main>
            <Footer/>
        </Router>
    }
}

fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    crate::focus::focus_selector("#main");
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1 class="kern-heading-large" tabindex="-1">{tr("app-not-found")}</h1>
        <p class="kern-body"><a class="kern-link" href="/">{tr("app-back-home")}</a></p>
    }
}

/// Moves focus to the new page's heading after a navigation (not on first load), so screen
/// reader and keyboard users start at the top of the new content.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            crate::focus::focus_heading_soon();
        }
        path
    });
}

/// The main navigation with the unread count of the inbox.
#[component]
fn MainNav() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let location = use_location();
    let language = crate::l10n::use_language();
    let current = move |prefix: &'static str| {
        move || {
            let path = location.pathname.get();
            let here = crate::routes::Page::of(&path).section() == Some(prefix);
            here.then_some("page")
        }
    };
    let inbox_label = move || {
        let unread = ctx.unread.get();
        crate::l10n::t_args(
            language.get(),
            "nav-inbox-unread",
            &[("count", i18n::Arg::from(unread as usize))],
        )
    };
    view! {
        <nav class="main-nav" aria-label=tr("nav-label")>
            <ul class="kern-container main-nav__list">
                <li><a id="nav-services" class="main-nav__link" href=routes::HOME aria-current=current(routes::HOME)>{tr("nav-services")}</a></li>
                <li><a id="nav-applications" class="main-nav__link" href=routes::APPLICATIONS aria-current=current(routes::APPLICATIONS)>{tr("nav-applications")}</a></li>
                <li>
                    <a id="nav-inbox" class="main-nav__link" href=routes::INBOX aria-current=current(routes::INBOX)>
                        {tr("nav-inbox")}
                        <Show when=move || { ctx.unread.get() > 0 }>
                            " "<span id="unread-count" class="badge">{move || ctx.unread.get()}</span>
                            <span class="visually-hidden">" "{inbox_label}</span>
                        </Show>
                    </a>
                </li>
                <li><a id="nav-settings" class="main-nav__link" href=routes::SETTINGS aria-current=current(routes::SETTINGS)>{tr("nav-settings")}</a></li>
            </ul>
        </nav>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let language = crate::l10n::use_language();
    let ctx = expect_context::<AppContext>();
    let choose = move |chosen: Language| {
        spawn_local(async move {
            if !switch_language(ctx, language, chosen).await {
                return;
            }
            ctx.settings.update(|s| s.language = chosen);
            let args = SetLanguageArgs {
                request: SetLanguageRequest { language: chosen },
            };
            if let Err(error) = call::<_, Settings>(command::SET_LANGUAGE, &args).await {
                ctx.error.set(Some(error));
            }
        });
    };
    // On a phone the seven languages would take three rows above every page: there the list
    // opens from one button that names the language in use (CSS shows the list at once on
    // wider screens, where the button is hidden).
    let open = RwSignal::new(false);
    view! {
        <nav class="language-switch" class:open=move || open.get() aria-label=tr("app-language-switch")>
            // Named "Deutsch – Sprache wählen": the visible name first (WCAG 2.5.3).
            <button id="language-menu" type="button" class="kern-btn kern-btn--tertiary language-menu"
                aria-expanded=move || open.get().to_string() aria-controls="language-list"
                aria-label=move || format!("{} – {}", language.get().endonym(), t_args(language.get(), "app-language-switch", &[]))
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="kern-label language-menu__label">
                    <span lang=move || language.get().tag()>{move || language.get().endonym()}</span>
                    <span aria-hidden="true">" ▾"</span>
                </span>
            </button>
            <div id="language-list" class="language-list">
            // One button per language, named in itself with its own `lang`; the ids
            // (`language-de`, `language-en`, ...) are what the end-to-end journeys click.
            {Language::ALL
                .into_iter()
                .map(|offered| {
                    view! {
                        <button
                            id=format!("language-{}", offered.code())
                            type="button"
                            lang=offered.tag()
                            class="kern-btn kern-btn--tertiary"
                            aria-pressed=move || (language.get() == offered).to_string()
                            on:click=move |_| {
                                open.set(false);
                                choose(offered);
                            }
                        >
                            <span class="kern-label">{offered.endonym()}</span>
                        </button>
                    }
                })
                .collect_view()}
            </div>
        </nav>
    }
}

#[component]
fn ConnectivityBanner() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    view! {
        <Show when=move || ctx.connectivity.get() == Connectivity::Offline>
            <div id="offline-banner" class="kern-alert kern-alert--warning" role="status">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
                    <span class="kern-title">{tr("app-offline-title")}</span>
                </div>
                <div class="kern-alert__body">
                    <p class="kern-body">{tr("app-offline-body")}</p>
                </div>
            </div>
        </Show>
    }
}

/// Tells the person, until they dismiss it, that their earlier data on this device could not
/// be opened and was set aside (never deleted), what that means and where to get help.
#[component]
fn StorageNoticeBanner() -> impl IntoView {
    let language = crate::l10n::use_language();
    let notice: RwSignal<Option<domain::ipc::StorageNotice>> = RwSignal::new(None);
    spawn_local(async move {
        if let Ok(found) =
            call0::<Option<domain::ipc::StorageNotice>>(command::STORAGE_NOTICE).await
        {
            notice.set(found);
        }
    });
    let dismiss = move |_| {
        spawn_local(async move {
            if call0::<()>(command::DISMISS_STORAGE_NOTICE).await.is_ok() {
                notice.set(None);
                crate::focus::focus_selector("#main");
            }
        });
    };
    view! {
        {move || notice.get().map(|n| {
            let file = n.kept_as.clone();
            view! {
                <div id="storage-notice" class="kern-alert kern-alert--warning" role="region" aria-labelledby="storage-notice-title">
                    <div class="kern-alert__header">
                        <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
                        <h2 id="storage-notice-title" class="kern-title">{tr("storage-notice-heading")}</h2>
                    </div>
                    <div class="kern-alert__body">
                        <p class="kern-body">{move || crate::l10n::t_args(language.get(), "storage-notice-body", &[("file", i18n::Arg::from(file.as_str()))])}</p>
                        <p class="kern-body"><a class="kern-link" href="tel:115">{tr("storage-notice-help")}</a></p>
                        <button id="storage-notice-dismiss" type="button" class="kern-btn kern-btn--secondary" on:click=dismiss>
                            <span class="kern-label">{tr("storage-notice-dismiss")}</span>
                        </button>
                    </div>
                </div>
            }
        })}
    }
}

#[component]
fn ErrorBanner() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = crate::l10n::use_language();
    view! {
        {move || ctx.error.get().map(|error| {
            let text = crate::l10n::error_text(&error, language.get());
            view! {
                <div id="error-banner" class="kern-alert kern-alert--danger" role="alert">
                    <div class="kern-alert__body"><p class="kern-body">{text}</p></div>
                </div>
            }
        })}
    }
}

#[component]
fn Footer() -> impl IntoView {
    // The report form is told which page the person was on, so they need not describe it.
    let location = leptos_router::hooks::use_location();
    let report_href = move || {
        let path = location.pathname.get();
        if crate::routes::Page::of(&path) == crate::routes::Page::Feedback {
            return routes::FEEDBACK.to_string();
        }
        routes::feedback_from(&path)
    };
    view! {
        <footer class="app-footer" aria-label=tr("app-footer-nav")>
            <div class="kern-container">
                <ul class="footer-links">
                    <li><a class="kern-link" href="tel:115">{tr("app-help-115")}</a></li>
                    <li><a id="footer-accessibility" class="kern-link" href=routes::ACCESSIBILITY>{tr("a11y-link")}</a></li>
                    <li><a id="footer-report-barrier" class="kern-link" href=report_href>{tr("a11y-feedback-link")}</a></li>
                    <li><a id="footer-privacy" class="kern-link" href=routes::PRIVACY>{tr("privacy-link")}</a></li>
                    <li><a id="footer-imprint" class="kern-link" href=routes::IMPRINT>{tr("imprint-link")}</a></li>
                </ul>
                <details class="about">
                    <summary class="kern-link">{tr("app-about")}</summary>
                    <pre class="attribution">{include_str!("../../data/NOTICE")}</pre>
                </details>
            </div>
        </footer>
    }
}
