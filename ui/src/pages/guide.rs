//! A life situation as a guide ("Umzug", "Geburt eines Kindes"): the usual steps in order, each
//! with when and why, the office responsible at the person's place, and the way to apply in
//! the app (the service's own form, or the general application). The steps come from the
//! catalog (`domain::Guide`), the offices from the same authority index as the service page.

use domain::Language;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::app::AppContext;
use crate::l10n::{t_args, tr, use_language, Shown};

/// One step as shown.
#[derive(Debug, Clone, PartialEq)]
struct StepText {
    leika_key: String,
    name: Shown,
    when: Shown,
    why: Shown,
    /// The office responsible at the person's place, if the place is known.
    office: Option<Shown>,
    own_form: bool,
    /// Whether we checked who is responsible (else derived from the LeiKa type: hedged).
    confirmed: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct GuideText {
    name: Shown,
    intro: Shown,
    steps: Vec<StepText>,
    place_known: bool,
}

fn guide_text(ctx: &AppContext, id: &str, language: Language) -> Option<GuideText> {
    let home = ctx.settings.with(|s| s.home_municipality.clone());
    ctx.catalog.with(|c| {
        let catalog = &c.as_ref()?.catalog;
        let situation = catalog.life_situation(id)?;
        let guide = situation.guide.as_ref()?;
        let authorities = catalog.authority_index();
        let steps = guide
            .steps
            .iter()
            .filter_map(|step| {
                let service = catalog.service(&step.leika_key)?;
                Some(StepText {
                    leika_key: step.leika_key.clone(),
                    name: Shown::of(&service.name, language),
                    when: Shown::of(&step.when, language),
                    why: Shown::of(&step.why, language),
                    office: home.as_deref().and_then(|ags| {
                        authorities
                            .responsible_for(service, ags)
                            .map(|a| Shown::of(&a.name, language))
                    }),
                    own_form: service.form_id.is_some(),
                    confirmed: service.responsibility_confirmed,
                })
            })
            .collect();
        Some(GuideText {
            name: Shown::of(&situation.name, language),
            intro: Shown::of(&guide.intro, language),
            steps,
            place_known: home.is_some(),
        })
    })
}

#[component]
pub fn GuidePage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let guide = Memo::new(move |_| guide_text(&ctx, &id(), language.get()));
    view! {
        <nav class="breadcrumb" aria-label=tr("service-breadcrumb")>
            <a class="kern-link" href=crate::routes::HOME>{tr("nav-services")}</a>
        </nav>
        {move || match guide.get() {
            None => view! {
                <h1 id="guide-heading" class="kern-heading-large" tabindex="-1">{tr("app-loading")}</h1>
            }.into_any(),
            Some(guide) => view! { <Guide guide=guide/> }.into_any(),
        }}
    }
}

#[component]
fn Guide(guide: GuideText) -> impl IntoView {
    let language = use_language();
    view! {
        <article class="guide">
            <h1 id="guide-heading" class="kern-heading-large" tabindex="-1">
                {move || t_args(language.get(), "guide-link", &[("name", guide.name.text.clone().into())])}
            </h1>
            <p class="kern-body kern-body--large" lang=guide.intro.lang>{guide.intro.text.clone()}</p>
            {(!guide.place_known).then(|| view! {
                <p id="guide-needs-place" class="kern-body">
                    {tr("guide-needs-place")}" "
                    <a class="kern-link" href=crate::routes::HOME_PLACE>{tr("service-choose-place-link")}</a>
                </p>
            })}
            <ol id="guide-steps" class="guide-steps">
                {guide.steps.into_iter().map(|step| view! { <Step step=step/> }).collect_view()}
            </ol>
        </article>
    }
}

#[component]
fn Step(step: StepText) -> impl IntoView {
    let confirmed = step.confirmed;
    let apply = if step.own_form {
        "guide-apply-own"
    } else {
        "guide-apply-general"
    };
    view! {
        <li class="guide-step kern-card" data-leika-key=step.leika_key.clone()>
            <div class="kern-card__container">
                <div class="kern-card__header">
                    <h2 class="kern-title guide-step__name">
                        <a class="kern-link" href=crate::routes::service(&step.leika_key) lang=step.name.lang>{step.name.text}</a>
                    </h2>
                </div>
                <div class="kern-card__body">
                    <p class="kern-body guide-step__when">
                        <span class="kern-body--bold">{tr("guide-when")}": "</span>
                        <span lang=step.when.lang>{step.when.text}</span>
                    </p>
                    <p class="kern-body" lang=step.why.lang>{step.why.text}</p>
                    {step.office.map(|office| view! {
                        <p class="kern-body guide-step__office">
                            <span class="kern-body--bold">{tr("guide-office")}": "</span>
                            <span lang=office.lang>{office.text}</span>
                        </p>
                        {(!confirmed).then(|| view! { <p class="kern-body kern-body--small">{tr("service-unconfirmed")}</p> })}
                    })}
                    <p class="kern-body">
                        <a class="kern-link" href=crate::routes::service(&step.leika_key)>{tr(apply)}</a>
                    </p>
                </div>
            </div>
        </li>
    }
}

/// The guides on the start page: one link per life situation that has a guide.
#[component]
pub fn GuideLinks() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let links = move || {
        ctx.catalog.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.catalog
                        .life_situations
                        .iter()
                        .filter(|l| l.guide.is_some())
                        .map(|l| (l.id.clone(), Shown::of(&l.name, language.get())))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !links().is_empty()>
            <nav class="guides" aria-labelledby="guides-heading">
                <h2 id="guides-heading" class="kern-heading-small">{tr("guides-heading")}</h2>
                <p class="kern-body">{tr("guides-intro")}</p>
                <ul class="guides__list">
                    {move || links().into_iter().map(|(id, name)| view! {
                        <li>
                            <a id=format!("guide-{id}") class="kern-link" href=crate::routes::guide(&id) lang=name.lang>{name.text}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        </Show>
    }
}
