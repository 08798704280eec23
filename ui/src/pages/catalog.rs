//! The start page: search the services of the state and its municipalities as you type.
//!
//! Search runs in the UI with `domain::search` over the catalog the shell loaded from the local
//! store, so it works offline and answers on every keystroke.

use std::sync::Arc;

use domain::ipc::CatalogOrigin;
use domain::search::SearchIndex;
use domain::{Language, Service};
use i18n::Arg;
use leptos::prelude::*;

use crate::app::AppContext;
use crate::l10n::{t_args, tr, use_language};

/// How many results are rendered at once; more are reached by refining the search.
const SHOWN: usize = 50;

/// One rendered result: the service's texts in the current language.
#[derive(Debug, Clone, PartialEq)]
struct ServiceRow {
    key: String,
    name: String,
    summary: Option<String>,
    life_situation: Option<String>,
    fees: Option<String>,
    featured: bool,
}

fn row(service: &Service, life_situation: Option<String>, language: Language) -> ServiceRow {
    ServiceRow {
        key: service.leika_key.clone(),
        name: service.name.get(language).to_string(),
        summary: service
            .summary
            .as_ref()
            .map(|s| s.get(language).to_string()),
        life_situation,
        fees: service.fees.as_ref().map(|s| s.get(language).to_string()),
        featured: service.featured,
    }
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let query = RwSignal::new(String::new());
    let index: RwSignal<Option<Arc<SearchIndex>>> = RwSignal::new(None);

    // Rebuild the index when the catalog or the language changes.
    Effect::new(move |_| {
        let language = language.get();
        let built = ctx.catalog.with(|c| {
            c.as_ref()
                .map(|c| Arc::new(SearchIndex::new(&c.catalog, language)))
        });
        index.set(built);
    });

    // (total hits, rows to show)
    let results = Memo::new(move |_| {
        let query = query.get();
        let language = language.get();
        let Some(index) = index.get() else {
            return (0, Vec::new());
        };
        ctx.catalog.with(|catalog| {
            let Some(catalog) = catalog else {
                return (0, Vec::new());
            };
            let catalog = &catalog.catalog;
            let hits = index.search(&query, None);
            let rows = hits
                .iter()
                .take(SHOWN)
                .filter_map(|hit| catalog.services.get(hit.index))
                .map(|service| {
                    let life_situation = service
                        .life_situation
                        .as_deref()
                        .and_then(|id| catalog.life_situation(id))
                        .map(|l| l.name.get(language).to_string());
                    row(service, life_situation, language)
                })
                .collect::<Vec<_>>();
            (hits.len(), rows)
        })
    });

    let loaded = move || ctx.catalog.with(Option::is_some);
    let origin_text = move || {
        ctx.origin.with(|origin| match origin {
            Some(CatalogOrigin::StateApi) => tr("catalog-source-state-api")(),
            Some(CatalogOrigin::Seed) => tr("catalog-source-seed")(),
            None => String::new(),
        })
    };

    view! {
        <section class="catalog" aria-labelledby="catalog-heading">
            <h1 id="catalog-heading" class="kern-heading-large">{tr("catalog-heading")}</h1>
            <div class="kern-form-input search">
                <label class="kern-label" for="service-search">{tr("catalog-search-label")}</label>
                <div class="kern-hint" id="service-search-hint">{tr("catalog-search-hint")}</div>
                <input
                    id="service-search"
                    class="kern-form-input__input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="service-search-hint"
                    aria-controls="service-list"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
            <Show
                when=loaded
                fallback=move || view! { <p class="kern-body" role="status">{tr("app-loading")}</p> }
            >
                <p id="result-count" class="kern-body kern-body--bold" role="status" aria-live="polite">
                    {move || {
                        let (total, _) = results.get();
                        t_args(language.get(), "catalog-result-count", &[("count", Arg::from(total))])
                    }}
                </p>
                <Show when=move || { results.with(|(total, _)| *total > SHOWN) }>
                    <p class="kern-body kern-body--muted">
                        {move || t_args(language.get(), "catalog-showing-first", &[("shown", Arg::from(SHOWN))])}
                    </p>
                </Show>
                <Show when=move || results.with(|(total, _)| *total == 0)>
                    <p class="kern-body">{tr("catalog-no-results")}</p>
                </Show>
                <ul id="service-list" class="service-list">
                    <For
                        each=move || results.get().1
                        key=|row| (row.key.clone(), row.name.clone())
                        children=move |row| view! { <ServiceItem row=row/> }
                    />
                </ul>
                <p class="kern-body kern-body--small catalog-origin">{origin_text}</p>
            </Show>
        </section>
    }
}

/// One service in the list.
#[component]
fn ServiceItem(row: ServiceRow) -> impl IntoView {
    let language = use_language();
    let key_text = t_args(
        language.get_untracked(),
        "catalog-leika-key",
        &[("key", Arg::from(row.key.as_str()))],
    );
    view! {
        <li class="service kern-card" data-leika-key=row.key.clone()>
            <div class="kern-card__container">
                <div class="kern-card__header">
                    <h2 class="kern-title service-name">{row.name.clone()}</h2>
                    {row.life_situation.clone().map(|ls| view! { <p class="kern-preline service-life-situation">{ls}</p> })}
                </div>
                <div class="kern-card__body">
                    {row.summary.clone().map(|s| view! { <p class="kern-body">{s}</p> })}
                    {row.fees.clone().map(|f| view! {
                        <p class="kern-body kern-body--small">
                            <span class="kern-body--bold">{tr("catalog-fees")}": "</span>{f}
                        </p>
                    })}
                    <p class="kern-body kern-body--small kern-body--muted">{key_text}</p>
                </div>
            </div>
        </li>
    }
}
