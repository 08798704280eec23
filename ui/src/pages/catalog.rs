//! The start page: search the services of the state and its municipalities as you type.
//!
//! Search runs in the UI with `domain::search` over the catalog the shell loaded from the local
//! store, so it works offline and answers on every keystroke.

use std::sync::Arc;

use domain::catalog::ResponsibleLevel;
use domain::ipc::CatalogOrigin;
use domain::search::{self, SearchIndex};
use domain::{Language, Service};
use i18n::Arg;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::app::AppContext;
use crate::l10n::{t_args, tr, use_language, Shown};

/// How many results are rendered at once; more are reached by refining the search.
const SHOWN: usize = 50;
/// How long after the first rows are shown the search index is built (it is not needed for
/// the list without a query; building it takes about as long as the rest of the list).
const INDEX_AFTER_MS: i32 = 300;

/// One rendered result: the service's texts in the current language.
#[derive(Debug, Clone, PartialEq)]
struct ServiceRow {
    key: String,
    name: Shown,
    summary: Option<Shown>,
    life_situation: Option<String>,
    fees: Option<Shown>,
    featured: bool,
    /// The responsible authority at the chosen place.
    authority: Option<String>,
}

fn row(service: &Service, life_situation: Option<String>, language: Language) -> ServiceRow {
    ServiceRow {
        key: service.leika_key.clone(),
        name: Shown::of(&service.name, language),
        summary: service.summary.as_ref().map(|s| Shown::of(s, language)),
        life_situation,
        fees: service.fees.as_ref().map(|s| Shown::of(s, language)),
        featured: service.featured,
        authority: None,
    }
}

/// A built search index; two are equal only when they are the same build.
#[derive(Clone)]
struct Indexed(Option<Arc<SearchIndex>>);

impl PartialEq for Indexed {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let query = RwSignal::new(String::new());
    let life_situation = RwSignal::new(String::new());
    // The place whose responsible offices are shown; starts at the home municipality.
    let place = RwSignal::new(String::new());
    let local_only = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(home) = ctx.settings.with(|s| s.home_municipality.clone()) {
            if place.get_untracked().is_empty() {
                place.set(home);
            }
        }
    });
    let location = use_location();
    let is_start = move || location.pathname.get() == crate::routes::HOME;
    // The index of the catalog in the chosen language, rebuilt when either changes. A memo,
    // computed when the results ask for it: an effect that set a signal ran on its own
    // schedule, and once left the page at "no service found" with the catalog loaded.
    let index = Memo::new(move |_| {
        let language = language.get();
        let index = Indexed(ctx.catalog.with(|c| {
            c.as_ref()
                .map(|c| Arc::new(SearchIndex::new(&c.catalog, language)))
        }));
        if index.0.is_some() {
            crate::timing::once("search-index");
        }
        index
    });

    // (total hits, rows to show)
    let results = Memo::new(move |_| {
        let query = query.get();
        let language = language.get();
        let life_situation = life_situation.get();
        let place = place.get();
        let local_only = local_only.get();
        ctx.catalog.with(|catalog| {
            let Some(catalog) = catalog else {
                return (0, Vec::new());
            };
            let catalog = &catalog.catalog;
            let filter = (!life_situation.is_empty()).then_some(life_situation.as_str());
            // The list without a query needs no index: the start page does not wait for it.
            let mut hits = if search::is_blank(&query) {
                search::browse(catalog, filter)
            } else {
                match index.get().0 {
                    Some(index) => index.search(&query, filter),
                    None => Vec::new(),
                }
            };
            if local_only {
                hits.retain(|hit| {
                    catalog.services.get(hit.index).is_some_and(|s| {
                        matches!(
                            s.responsible_level,
                            ResponsibleLevel::Municipality | ResponsibleLevel::District
                        )
                    })
                });
            }
            let authorities = (!place.is_empty()).then(|| catalog.authority_index());
            let rows = hits
                .iter()
                .take(SHOWN)
                .filter_map(|hit| catalog.services.get(hit.index))
                .map(|service| {
                    let authority = authorities
                        .as_ref()
                        .and_then(|index| index.responsible_for(service, &place))
                        .map(|a| a.name.get(language).to_string());
                    let life_situation = service
                        .life_situation
                        .as_deref()
                        .and_then(|id| catalog.life_situation(id))
                        .map(|l| l.name.get(language).to_string());
                    let mut row = row(service, life_situation, language);
                    row.authority = authority;
                    row
                })
                .collect::<Vec<_>>();
            (hits.len(), rows)
        })
    });

    // Once the first rows are in the DOM (effects run after the render they follow): mark it
    // for the launch benchmark, and build the search index a moment later, so the first
    // keystroke finds it ready.
    let index_scheduled = StoredValue::new(false);
    Effect::new(move |_| {
        if results.with(|(_, rows)| rows.is_empty()) {
            return;
        }
        crate::timing::service_list_shown();
        if !index_scheduled.get_value() {
            index_scheduled.set_value(true);
            crate::focus::later(INDEX_AFTER_MS, move || {
                let _ = index.try_with_untracked(|_| ());
            });
        }
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
            <Show when=is_start>
                <crate::pages::applications::OpenApplications/>
                <crate::pages::guide::GuideLinks/>
            </Show>
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
            <CatalogFilters life_situation=life_situation place=place local_only=local_only/>
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
                        key=|row| (row.key.clone(), row.name.text.clone())
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
                    <h2 class="kern-title service-name">
                        <a class="kern-link service-link" href=crate::routes::service(&row.key) lang=row.name.lang>{row.name.text.clone()}</a>
                    </h2>
                    {row.life_situation.clone().map(|ls| view! { <p class="kern-preline service-life-situation">{ls}</p> })}
                </div>
                <div class="kern-card__body">
                    {row.summary.clone().map(|s| view! { <p class="kern-body" lang=s.lang>{s.text}</p> })}
                    {row.fees.clone().map(|f| view! {
                        <p class="kern-body kern-body--small">
                            <span class="kern-body--bold">{tr("catalog-fees")}": "</span><span lang=f.lang>{f.text}</span>
                        </p>
                    })}
                    {row.authority.clone().map(|a| view! {
                        <p class="kern-body kern-body--small service-authority">
                            <span class="kern-body--bold">{tr("catalog-responsible")}": "</span>{a}
                        </p>
                    })}
                    <p class="kern-body kern-body--small kern-body--muted">{key_text}</p>
                </div>
            </div>
        </li>
    }
}

/// Filters: life situation, the place whose offices are shown, and "handled locally" only.
#[component]
fn CatalogFilters(
    /// The chosen life situation's id; empty for all.
    life_situation: RwSignal<String>,
    /// The AGS of the place; empty for none.
    place: RwSignal<String>,
    /// Only services the municipality or district handles.
    local_only: RwSignal<bool>,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let situations = Memo::new(move |_| {
        let language = language.get();
        ctx.catalog.with(|c| {
            let mut list: Vec<(String, String)> = c
                .as_ref()
                .map(|c| {
                    c.catalog
                        .life_situations
                        .iter()
                        .map(|l| (l.id.clone(), l.name.get(language).to_string()))
                        .collect()
                })
                .unwrap_or_default();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        })
    });
    let places = Memo::new(move |_| {
        ctx.catalog.with(|c| {
            let mut list: Vec<(String, String)> = c
                .as_ref()
                .map(|c| {
                    c.catalog
                        .municipalities
                        .iter()
                        .map(|m| (m.ags.clone(), m.name.clone()))
                        .collect()
                })
                .unwrap_or_default();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        })
    });
    view! {
        <div class="catalog-filters">
            <div class="kern-form-input">
                <label class="kern-label" for="life-situation">{tr("catalog-life-situation")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select id="life-situation" class="kern-form-input__select"
                        on:change=move |ev| life_situation.set(event_target_value(&ev))>
                        <option value="" selected=move || life_situation.get().is_empty()>{tr("catalog-all-life-situations")}</option>
                        <For each=move || situations.get() key=|(id, name)| (id.clone(), name.clone())
                            children=move |(id, name)| {
                                let selected_id = id.clone();
                                view! { <option value=id selected=move || life_situation.get() == selected_id>{name}</option> }
                            }/>
                    </select>
                </div>
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="place">{tr("catalog-place")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select id="place" class="kern-form-input__select"
                        on:change=move |ev| place.set(event_target_value(&ev))>
                        <option value="" selected=move || place.get().is_empty()>{tr("catalog-no-place")}</option>
                        <For each=move || places.get() key=|(ags, _)| ags.clone()
                            children=move |(ags, name)| {
                                let selected_ags = ags.clone();
                                view! { <option value=ags selected=move || place.get() == selected_ags>{name}</option> }
                            }/>
                    </select>
                </div>
            </div>
            <div class="kern-form-check">
                <input id="local-only" class="kern-form-check__checkbox" type="checkbox"
                    prop:checked=move || local_only.get()
                    on:change=move |ev| local_only.set(event_target_checked(&ev))/>
                <label class="kern-label" for="local-only">{tr("catalog-local-only")}</label>
            </div>
        </div>
    }
}
