//! A service in detail: what it is, who can apply, documents, fees, duration, the office
//! responsible at the person's home municipality (with address, opening hours, phone), 115,
//! and "start application" or "continue your draft".

use domain::ipc::{command, ApplicationStatus, ApplicationSummary, StartDraftRequest};
use domain::Language;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::app::AppContext;
use crate::ipc::{call0, request};
use crate::l10n::{t_args, tr, use_language, Shown};

/// Texts of one service in the current language, ready to render.
#[derive(Debug, Clone, PartialEq)]
struct Detail {
    key: String,
    name: Shown,
    summary: Option<Shown>,
    who: Option<Shown>,
    documents: Vec<Shown>,
    fees: Option<Shown>,
    duration: Option<Shown>,
    law: Option<String>,
    /// The form to apply with: the service's own, else the general application.
    form_id: String,
    own_form: bool,
    confirmed: bool,
    authority: Option<AuthorityText>,
    place: Option<String>,
    /// The fee at the person's place, where the service's fees differ by place.
    fee_here: Option<FeeHere>,
}

/// What the service costs where the person lives, from the municipalities' statutes.
#[derive(Debug, Clone, PartialEq)]
enum FeeHere {
    /// The statute of the place sets this amount.
    Known {
        fee: domain::PlaceFee,
        place: String,
    },
    /// The place's statute decides; we do not know its amount.
    Unknown { place: String },
}

#[derive(Debug, Clone, PartialEq)]
struct AuthorityText {
    name: Shown,
    address: Option<String>,
    phone: Option<String>,
    hours: Option<String>,
}

fn detail(ctx: &AppContext, key: &str, language: Language) -> Option<Detail> {
    let home = ctx.settings.with(|s| s.home_municipality.clone());
    ctx.catalog.with(|c| {
        let catalog = &c.as_ref()?.catalog;
        let service = catalog.service(key)?;
        let text = |l: &Option<domain::Localized>| l.as_ref().map(|t| Shown::of(t, language));
        let authority = home.as_deref().and_then(|ags| {
            catalog
                .authority_index()
                .responsible_for(service, ags)
                .map(|a| AuthorityText {
                    name: Shown::of(&a.name, language),
                    address: a.address.clone(),
                    phone: a.phone.clone(),
                    hours: a
                        .opening_hours
                        .as_ref()
                        .map(|h| h.get(language).to_string()),
                })
        });
        Some(Detail {
            key: service.leika_key.clone(),
            name: Shown::of(&service.name, language),
            summary: text(&service.summary),
            who: text(&service.who_can_apply),
            documents: service
                .documents
                .iter()
                .map(|d| Shown::of(d, language))
                .collect(),
            fees: text(&service.fees),
            duration: text(&service.duration),
            law: service.law.clone(),
            form_id: service.application_form().to_string(),
            own_form: service.form_id.is_some(),
            confirmed: service.responsibility_confirmed,
            fee_here: home.as_deref().and_then(|ags| {
                let place = catalog.municipality(ags)?.name.clone();
                if service.fee_schedule.is_empty() {
                    return None;
                }
                Some(match service.fee_at(ags) {
                    Some(fee) => FeeHere::Known {
                        fee: fee.clone(),
                        place,
                    },
                    None => FeeHere::Unknown { place },
                })
            }),
            authority,
            place: home
                .as_deref()
                .and_then(|ags| catalog.municipality(ags))
                .map(|m| m.name.clone()),
        })
    })
}

#[component]
pub fn ServicePage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let params = use_params_map();
    let key = move || params.with(|p| p.get("key").unwrap_or_default());
    let service = Memo::new(move |_| detail(&ctx, &key(), language.get()));
    // The open draft for this service, if any.
    let draft: RwSignal<Option<String>> = RwSignal::new(None);
    Effect::new(move |_| {
        let key = key();
        ctx.changes.track();
        spawn_local(async move {
            if let Ok(list) = call0::<Vec<ApplicationSummary>>(command::LIST_APPLICATIONS).await {
                draft.set(
                    list.into_iter()
                        .find(|a| a.leika_key == key && a.status == ApplicationStatus::Draft)
                        .map(|a| a.id),
                );
            }
        });
    });
    view! {
        {move || match service.get() {
            None => view! {
                <h1 class="kern-heading-large" tabindex="-1">{tr("app-loading")}</h1>
            }.into_any(),
            Some(d) => view! { <ServiceDetail detail=d draft=draft/> }.into_any(),
        }}
    }
}

/// "Erfurt: 100,00 € per year, since 01.09.2025 (statute …)" or "the statute of … decides".
fn fee_here_text(fee: &FeeHere, language: Language) -> String {
    match fee {
        FeeHere::Known { fee, place } => {
            let amount = domain::format::money(fee.cents, language);
            let id = match fee.period {
                domain::FeePeriod::Year => "service-fee-here-year",
                domain::FeePeriod::Once => "service-fee-here-once",
            };
            let mut text = t_args(
                language,
                id,
                &[("place", place.clone().into()), ("amount", amount.into())],
            );
            if let Some(since) = &fee.valid_from {
                let since = crate::pages::wizard::date_text(
                    &domain::form::Value::Text(since.clone()),
                    language,
                );
                text.push(' ');
                text.push_str(&t_args(
                    language,
                    "service-fee-since",
                    &[("since", since.into())],
                ));
            }
            text.push(' ');
            text.push_str(&t_args(
                language,
                "service-fee-source",
                &[("source", fee.source.clone().into())],
            ));
            text
        }
        FeeHere::Unknown { place } => t_args(
            language,
            "service-fee-unknown-here",
            &[("place", place.clone().into())],
        ),
    }
}

#[component]
fn ServiceDetail(detail: Detail, draft: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let navigate = use_navigate();
    let starting = RwSignal::new(false);
    let form_id = detail.form_id.clone();
    let key = detail.key.clone();
    let start = move |_| {
        let form_id = form_id.clone();
        if let Some(id) = draft.get_untracked() {
            navigate(&crate::routes::draft(&id), Default::default());
            return;
        }
        let key = key.clone();
        let navigate = navigate.clone();
        starting.set(true);
        spawn_local(async move {
            let answer = request::<_, serde_json::Value>(
                command::START_DRAFT,
                &StartDraftRequest {
                    leika_key: key,
                    form_id,
                },
            )
            .await;
            starting.set(false);
            match answer {
                Ok(view) => {
                    if let Some(id) = view.get("draft_id").and_then(|v| v.as_str()) {
                        navigate(&crate::routes::draft(id), Default::default());
                    }
                }
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let own_form = detail.own_form;
    // The general application needs the place: it goes to the office responsible there.
    let can_apply = own_form || detail.authority.is_some();
    if can_apply {
        // The wizard's code loads on first use: fetch it while the person reads this page.
        spawn_local(crate::deferred::preload_wizard());
    }
    let authority = detail.authority.clone();
    let place = detail.place.clone();
    view! {
        <nav class="breadcrumb" aria-label=tr("service-breadcrumb")>
            <a class="kern-link" href=crate::routes::HOME>{tr("nav-services")}</a>
        </nav>
        <article class="service-detail">
            <h1 id="service-heading" class="kern-heading-large" tabindex="-1" lang=detail.name.lang>{detail.name.text.clone()}</h1>
            {detail.summary.clone().map(|s| view! { <p class="kern-body kern-body--large" lang=s.lang>{s.text}</p> })}
            <div class="service-detail__panes">
                <div class="service-detail__main">
                    {detail.who.clone().map(|w| view! {
                        <section aria-labelledby="who-heading">
                            <h2 id="who-heading" class="kern-heading-small">{tr("service-who")}</h2>
                            <p class="kern-body" lang=w.lang>{w.text}</p>
                        </section>
                    })}
                    {(!detail.documents.is_empty()).then(|| view! {
                        <section aria-labelledby="documents-heading">
                            <h2 id="documents-heading" class="kern-heading-small">{tr("service-documents")}</h2>
                            <ul class="kern-list">
                                {detail.documents.iter().map(|d| view! { <li class="kern-body" lang=d.lang>{d.text.clone()}</li> }).collect_view()}
                            </ul>
                        </section>
                    })}
                    <dl class="kern-description-list">
                        {detail.fees.clone().map(|f| view! {
                            <div class="kern-description-list-item">
                                <dt class="kern-description-list-item__key">{tr("catalog-fees")}</dt>
                                <dd class="kern-description-list-item__value" lang=f.lang>{f.text}</dd>
                            </div>
                        })}
                        {detail.fee_here.clone().map(|fee| view! {
                            <div class="kern-description-list-item">
                                <dt class="kern-description-list-item__key">{tr("service-fee-here")}</dt>
                                <dd id="fee-here" class="kern-description-list-item__value">{move || fee_here_text(&fee, language.get())}</dd>
                            </div>
                        })}
                        {detail.duration.clone().map(|f| view! {
                            <div class="kern-description-list-item">
                                <dt class="kern-description-list-item__key">{tr("catalog-duration")}</dt>
                                <dd class="kern-description-list-item__value" lang=f.lang>{f.text}</dd>
                            </div>
                        })}
                        {detail.law.clone().map(|f| view! {
                            <div class="kern-description-list-item">
                                <dt class="kern-description-list-item__key">{tr("service-law")}</dt>
                                <dd class="kern-description-list-item__value">{f}</dd>
                            </div>
                        })}
                    </dl>
                    {(!own_form).then(|| view! {
                        <section aria-labelledby="general-heading" class="service-general">
                            <h2 id="general-heading" class="kern-heading-small">{tr("service-general-heading")}</h2>
                            <p class="kern-body">{tr("service-no-form")}</p>
                            {(!can_apply).then(|| view! {
                                <p id="general-needs-place" class="kern-body">{tr("service-general-needs-place")}" "
                                    <a class="kern-link" href=crate::routes::HOME_PLACE>{tr("service-choose-place-link")}</a>
                                </p>
                            })}
                        </section>
                    })}
                    <div class="kern-btn-wrapper service-actions">
                        {can_apply.then(|| view! {
                            <button id=if own_form { "start-application" } else { "start-general-application" }
                                type="button" class="kern-btn kern-btn--primary"
                                on:click=start disabled=move || starting.get()>
                                <span class="kern-label">{move || match (draft.get().is_some(), own_form) {
                                    (true, _) => tr("service-continue")(),
                                    (false, true) => tr("service-start")(),
                                    (false, false) => tr("service-start-general")(),
                                }}</span>
                            </button>
                        })}
                    </div>
                </div>
                <aside class="service-detail__aside kern-card" aria-labelledby="authority-heading">
                    <div class="kern-card__container">
                        <h2 id="authority-heading" class="kern-heading-small">{tr("service-authority")}</h2>
                        {match authority {
                            Some(a) => view! {
                                <p class="kern-body kern-body--bold authority-name" lang=a.name.lang>{a.name.text}</p>
                                {place.map(|p| view! { <p class="kern-body kern-body--small">{tr("service-for-place")}" "{p}</p> })}
                                {a.address.map(|x| view! { <p class="kern-body authority-address">{x}</p> })}
                                {a.hours.map(|h| view! { <p class="kern-body"><span class="kern-body--bold">{tr("service-hours")}": "</span>{h}</p> })}
                                {a.phone.map(|p| {
                                    let href = format!("tel:{}", p.replace([' ', '/', '-'], ""));
                                    view! { <p class="kern-body"><a class="kern-link" href=href>{tr("service-phone")}" "{p}</a></p> }
                                })}
                            }.into_any(),
                            None => view! {
                                <p class="kern-body">{tr("service-choose-place")}" "
                                    <a class="kern-link" href=crate::routes::HOME_PLACE>{tr("service-choose-place-link")}</a>
                                </p>
                            }.into_any(),
                        }}
                        {(!detail.confirmed).then(|| view! { <p class="kern-body kern-body--small">{tr("service-unconfirmed")}</p> })}
                        <p class="kern-body"><a id="call-115" class="kern-link" href="tel:115">{tr("service-call-115")}</a></p>
                    </div>
                </aside>
            </div>
        </article>
    }
}
