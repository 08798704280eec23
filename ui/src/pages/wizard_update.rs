//! After a form update: the answers that did not carry over to the new version, each with its
//! old value and why, a way to give it again where the new form still asks for it, and
//! "understood" to put it away (kept by the shell, so it does not come back).

use domain::form::{ReviewItem, ReviewReason, Value};
use domain::ipc::{command, DismissReviewRequest, Saved};
use std::collections::BTreeMap;

use domain::{Language, Localized};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{display_value, dom_id, Wizard};
use crate::app::AppContext;
use crate::focus::focus_id_soon;
use crate::ipc::request;
use crate::l10n::{t_args, tr, use_language};

/// The Fluent id that says why a value did not carry over.
fn reason_id(reason: ReviewReason) -> &'static str {
    match reason {
        ReviewReason::Removed => "wizard-update-removed",
        ReviewReason::TypeChanged => "wizard-update-type-changed",
        ReviewReason::CodeRemoved => "wizard-update-code-removed",
    }
}

fn reason_name(reason: ReviewReason) -> &'static str {
    match reason {
        ReviewReason::Removed => "removed",
        ReviewReason::TypeChanged => "type-changed",
        ReviewReason::CodeRemoved => "code-removed",
    }
}

/// An old value in words, without its (possibly gone) field.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(n) => n.to_string(),
        Value::Float(x) => x.to_string(),
        Value::Text(text) => text.clone(),
        Value::List(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Record(record) => record.values().map(plain).collect::<Vec<_>>().join(", "),
    }
}

/// The label and old value as the person reads them, and the page that asks for it now.
fn describe(
    wizard: Wizard,
    old_labels: StoredValue<BTreeMap<String, Localized>>,
    item: &ReviewItem,
    language: Language,
) -> (String, String, Option<usize>) {
    wizard.form.with_value(|form| {
        let definition = form.definition();
        let element = item.path.element();
        let field = definition
            .fields()
            .into_iter()
            .find(|(path, _)| *path == element)
            .map(|(_, field)| field);
        let label = field
            .map(|f| f.label.get(language).to_string())
            .or_else(|| {
                old_labels
                    .with_value(|labels| labels.get(&element).map(|l| l.get(language).to_string()))
            })
            .unwrap_or_else(|| t_args(language, "wizard-update-no-label", &[]));
        let old = match (field, item.reason) {
            (Some(field), ReviewReason::Removed) | (Some(field), ReviewReason::CodeRemoved) => {
                let shown = display_value(definition, field, &item.old_value, language);
                if shown.is_empty() {
                    plain(&item.old_value)
                } else {
                    shown
                }
            }
            _ => plain(&item.old_value),
        };
        let first = item.path.segments().first().map(|s| s.id.clone());
        let page = match (field, item.reason) {
            (Some(_), ReviewReason::TypeChanged | ReviewReason::CodeRemoved) => {
                first.and_then(|id| {
                    definition
                        .pages
                        .iter()
                        .position(|p| p.items.iter().any(|i| i.id() == id))
                })
            }
            _ => None,
        };
        (label, old, page)
    })
}

#[component]
pub fn FormUpdated(
    wizard: Wizard,
    review: RwSignal<Vec<ReviewItem>>,
    old_labels: StoredValue<BTreeMap<String, Localized>>,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let dismiss = move |item: ReviewItem| {
        let body = DismissReviewRequest {
            draft_id: wizard.draft_id.get_value(),
            path: item.path.clone(),
        };
        spawn_local(async move {
            match request::<_, Saved>(command::DISMISS_REVIEW, &body).await {
                Ok(_) => review.update(|items| items.retain(|i| i.path != item.path)),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    view! {
        <Show when=move || !review.with(Vec::is_empty)>
            <div id="form-updated" class="kern-alert kern-alert--warning form-updated" role="region" aria-labelledby="form-updated-title">
                <div class="kern-alert__header">
                    <h2 id="form-updated-title" class="kern-title">{tr("wizard-update-heading")}</h2>
                </div>
                <div class="kern-alert__body">
                    <p class="kern-body">{tr("wizard-update-body")}</p>
                    <ul class="form-updated__list">
                        {move || review.get().into_iter().map(|item| {
                            let (label, old, page) = describe(wizard, old_labels, &item, language.get());
                            let reason = item.reason;
                            let target = dom_id(&item.path);
                            let this = item.clone();
                            view! {
                                <li class="review-item" data-path=item.path.to_string() data-reason=reason_name(reason)>
                                    <p class="kern-body"><span class="kern-body--bold">{label}</span>": "{old}</p>
                                    <p class="kern-body kern-body--small">{tr(reason_id(reason))}</p>
                                    <div class="kern-btn-wrapper">
                                        {page.map(|index| view! {
                                            <button type="button" class="kern-btn kern-btn--secondary give-again" on:click=move |_| {
                                                wizard.page.set(index);
                                                focus_id_soon(target.clone());
                                            }>
                                                <span class="kern-label">{tr("wizard-update-give-again")}</span>
                                            </button>
                                        })}
                                        <button type="button" class="kern-btn kern-btn--tertiary dismiss-review" on:click=move |_| dismiss(this.clone())>
                                            <span class="kern-label">{tr("wizard-update-dismiss")}</span>
                                        </button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </Show>
    }
}
