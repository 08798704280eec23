//! The app frame: header with the KERN Kopfzeile and the language switch, the page, the footer.
//! It loads settings and the catalog from the shell once, then asks the shell to refresh the
//! catalog from the state API and says so when the state API cannot be reached.

use std::sync::Arc;

use domain::ipc::{
    command, CatalogOrigin, CatalogResponse, IpcError, RefreshResponse, SetLanguageRequest,
    Settings,
};
use domain::Language;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Serialize;

use crate::ipc::{call, call0};
use crate::l10n::{tr, CurrentLanguage};
use crate::pages::catalog::CatalogPage;

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
}

#[derive(Serialize)]
struct SetLanguageArgs {
    request: SetLanguageRequest,
}

async fn load_catalog(ctx: AppContext) {
    match call0::<CatalogResponse>(command::LOAD_CATALOG).await {
        Ok(catalog) => {
            ctx.origin.set(Some(catalog.origin));
            ctx.catalog.set(Some(Arc::new(catalog)));
        }
        Err(error) => ctx.error.set(Some(error)),
    }
}

async fn start(ctx: AppContext, language: RwSignal<Language>) {
    match call0::<Settings>(command::GET_SETTINGS).await {
        Ok(settings) => language.set(settings.language),
        Err(error) => ctx.error.set(Some(error)),
    }
    load_catalog(ctx).await;
    match call0::<RefreshResponse>(command::REFRESH_CATALOG).await {
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

#[component]
pub fn App() -> impl IntoView {
    let language = RwSignal::new(Language::De);
    provide_context(CurrentLanguage(language));
    let ctx = AppContext {
        catalog: RwSignal::new(None),
        origin: RwSignal::new(None),
        connectivity: RwSignal::new(Connectivity::Unknown),
        error: RwSignal::new(None),
    };
    provide_context(ctx);

    // Keep <html lang> in step with the language, for screen readers and hyphenation.
    Effect::new(move |_| {
        let tag = language.get().tag();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", tag);
        }
    });

    spawn_local(start(ctx, language));

    view! {
        <a class="skip-link kern-link" href="#main">{tr("app-skip-to-content")}</a>
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
                <p class="app-title kern-title">{tr("app-title")}</p>
                <LanguageSwitch/>
            </div>
        </header>
        <main id="main" class="kern-container" tabindex="-1">
            <ConnectivityBanner/>
            <ErrorBanner/>
            <CatalogPage/>
        </main>
        <Footer/>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let language = crate::l10n::use_language();
    let ctx = expect_context::<AppContext>();
    let choose = move |chosen: Language| {
        language.set(chosen);
        spawn_local(async move {
            let args = SetLanguageArgs {
                request: SetLanguageRequest { language: chosen },
            };
            if let Err(error) = call::<_, Settings>(command::SET_LANGUAGE, &args).await {
                ctx.error.set(Some(error));
            }
        });
    };
    view! {
        <nav class="language-switch" aria-label=tr("app-language-switch")>
            <button
                id="language-de"
                type="button"
                lang="de"
                class="kern-btn kern-btn--tertiary"
                aria-pressed=move || (language.get() == Language::De).to_string()
                on:click=move |_| choose(Language::De)
            >
                <span class="kern-label">{tr("app-language-de")}</span>
            </button>
            <button
                id="language-en"
                type="button"
                lang="en"
                class="kern-btn kern-btn--tertiary"
                aria-pressed=move || (language.get() == Language::En).to_string()
                on:click=move |_| choose(Language::En)
            >
                <span class="kern-label">{tr("app-language-en")}</span>
            </button>
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

#[component]
fn ErrorBanner() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = crate::l10n::use_language();
    view! {
        {move || ctx.error.get().map(|error| {
            let args: Vec<(&str, i18n::Arg)> =
                error.args.iter().map(|(k, v)| (k.as_str(), i18n::Arg::from(v.as_str()))).collect();
            let text = crate::l10n::t_args(language.get(), &error.message_id, &args);
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
    view! {
        <footer class="app-footer">
            <div class="kern-container">
                <p class="kern-body">
                    <a class="kern-link" href="tel:115">{tr("app-help-115")}</a>
                </p>
                <details class="about">
                    <summary class="kern-link">{tr("app-about")}</summary>
                    <pre class="attribution">{include_str!("../../data/NOTICE")}</pre>
                </details>
            </div>
        </footer>
    }
}
