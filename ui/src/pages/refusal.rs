//! A refused application: what the state API named, by field label and in words, and the way
//! back to the draft to correct it and send it again.

use domain::form::{FieldPath, FormDefinition};
use domain::ipc::Refusal;
use leptos::prelude::*;

use crate::l10n::{t_args, tr, use_language};

/// The label of the field at `path` (an answer path; indices are ignored), if the form has one.
fn label_of(definition: &FormDefinition, path: &str, language: domain::Language) -> Option<String> {
    let element =
        FieldPath::parse(path.trim_start_matches('/').replace('/', ".").as_str())?.element();
    definition
        .fields()
        .into_iter()
        .find(|(at, _)| *at == element)
        .map(|(_, field)| field.label.get(language).to_string())
}

#[component]
pub fn RefusalDetail(refusal: Refusal, definition: FormDefinition) -> impl IntoView {
    let language = use_language();
    let problems = refusal.problems.clone();
    let items = move || {
        problems
            .iter()
            .map(|p| {
                let label = label_of(&definition, &p.path, language.get());
                let args: Vec<(&str, i18n::Arg)> = p
                    .args
                    .iter()
                    .map(|(k, v)| (k.as_str(), i18n::Arg::from(v.as_str())))
                    .collect();
                let text = if domain::form::is_message_id(&p.message_id) {
                    t_args(language.get(), &p.message_id, &args)
                } else {
                    t_args(language.get(), "refusal-other", &[])
                };
                view! {
                    <li class="refusal-problem" data-path=p.path.clone() data-code=p.message_id.clone()>
                        {label.map(|l| view! { <span class="kern-body--bold">{l}": "</span> })}
                        {text}
                    </li>
                }
            })
            .collect_view()
    };
    let correct = refusal.draft_id.clone().map(|draft| {
        view! {
            <p class="kern-body">
                <a id="correct-application" class="kern-btn kern-btn--primary" href=crate::routes::draft(&draft)>
                    <span class="kern-label">{tr("refusal-correct")}</span>
                </a>
            </p>
        }
    });
    let has_problems = !refusal.problems.is_empty();
    view! {
        <section class="refusal" aria-labelledby="refusal-heading">
            <h2 id="refusal-heading" class="kern-heading-small">{tr("refusal-heading")}</h2>
            {has_problems.then(|| view! { <ul class="kern-list refusal-problems">{items}</ul> })}
            {if correct.is_some() {
                view! { <p class="kern-body">{tr("refusal-correct-explained")}</p> }.into_any()
            } else {
                view! { <p class="kern-body">{tr("refusal-resent")}</p> }.into_any()
            }}
            {correct}
        </section>
    }
}
