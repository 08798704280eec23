//! The person's own details across forms (`domain::form::autofill`): on the way through a
//! form, an offer to fill the fields that are the person's own from what they kept; on the
//! review, an offer to keep this form's details for the next one. Nothing is kept or filled
//! unless the person asks; what was typed is never replaced.

use domain::form::autofill::{self, Detail};
use domain::form::Answers;
use domain::ipc::{command, DraftRef, MyDetails};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Wizard;
use crate::app::AppContext;
use crate::ipc::{call0, request};
use crate::l10n::{t_args, tr, use_language};

/// The names of `details`, joined for a sentence ("Familienname, Vornamen, Anschrift").
fn names(details: &[Detail], language: domain::Language) -> String {
    details
        .iter()
        .map(|d| t_args(language, d.message_id(), &[]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Fill in my saved details", while the form has empty fields the kept details can fill.
#[component]
pub fn FillMyDetails(wizard: Wizard) -> impl IntoView {
    let language = use_language();
    let kept: RwSignal<Option<Answers>> = RwSignal::new(None);
    let filled = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(mine) = call0::<MyDetails>(command::LOAD_MY_DETAILS).await {
            kept.set(Some(mine.details));
        }
    });
    let fill = move || {
        kept.with(|kept| match kept {
            Some(details) => wizard.answers.with(|answers| {
                wizard
                    .form
                    .with_value(|form| autofill::fill_from(form.definition(), details, answers))
            }),
            None => Vec::new(),
        })
    };
    let on_fill = move |_| {
        for (path, _, value) in fill() {
            wizard.set(&path, value);
        }
        filled.set(true);
    };
    view! {
        <Show when=move || filled.get()>
            <div class="kern-alert kern-alert--success" role="status" id="my-details-filled">
                <div class="kern-alert__body">
                    <p class="kern-body">{tr("wizard-details-filled")}</p>
                </div>
            </div>
        </Show>
        <Show when=move || !fill().is_empty()>
            <div class="kern-alert kern-alert--info my-details-offer">
                <div class="kern-alert__body">
                    <p class="kern-body">
                        {move || {
                            let details: Vec<Detail> = fill().into_iter().map(|(_, d, _)| d).collect();
                            t_args(
                                language.get(),
                                "wizard-details-offer",
                                &[("details", i18n::Arg::from(names(&details, language.get())))],
                            )
                        }}
                    </p>
                    <button id="fill-my-details" type="button" class="kern-btn kern-btn--secondary" on:click=on_fill>
                        <span class="kern-label">{tr("wizard-details-fill")}</span>
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// On the review: keep this form's details (the person's own fields only) for later forms.
#[component]
pub fn RememberMyDetails(wizard: Wizard) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let remembered = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let offered = move || {
        wizard.answers.with(|answers| {
            wizard.form.with_value(|form| {
                autofill::kept(&autofill::details_from(form.definition(), answers))
            })
        })
    };
    let remember = move |_| {
        busy.set(true);
        let body = DraftRef {
            draft_id: wizard.draft_id.get_value(),
        };
        spawn_local(async move {
            let answer = request::<_, MyDetails>(command::REMEMBER_MY_DETAILS, &body).await;
            busy.set(false);
            match answer {
                Ok(_) => remembered.set(true),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    view! {
        <Show when=move || !offered().is_empty()>
            <section class="remember-details" aria-labelledby="remember-details-heading">
                <h2 id="remember-details-heading" class="kern-heading-small">{tr("wizard-details-remember-heading")}</h2>
                <p class="kern-body">
                    {move || t_args(
                        language.get(),
                        "wizard-details-remember-body",
                        &[("details", i18n::Arg::from(names(&offered(), language.get())))],
                    )}
                </p>
                <Show when=move || !remembered.get() fallback=move || view! {
                    <p class="kern-body" role="status" id="my-details-remembered">{tr("wizard-details-remembered")}</p>
                }>
                    <button id="remember-my-details" type="button" class="kern-btn kern-btn--secondary" on:click=remember prop:disabled=move || busy.get()>
                        <span class="kern-label">{tr("wizard-details-remember")}</span>
                    </button>
                </Show>
            </section>
        </Show>
    }
}
