//! The wizard's review page: every answer as the person reads it, page by page, with a link
//! back to change it, and the submit button. A child of `wizard.rs`.

use super::*;

/// The answer as the person reads it on the review page (`domain::form::shown`).
pub fn display_value(
    definition: &domain::form::FormDefinition,
    field: &domain::form::Field,
    value: &Value,
    language: Language,
) -> String {
    domain::form::shown::value(definition, field, value, language, &yes_no(language))
}

/// The words a yes/no answer is shown with.
pub fn yes_no(language: Language) -> domain::form::shown::YesNo {
    domain::form::shown::YesNo {
        yes: crate::l10n::t_args(language, "wizard-yes", &[]),
        no: crate::l10n::t_args(language, "wizard-no", &[]),
    }
}

/// One row of the review: page index, label, value, the field's DOM id.
#[derive(Debug, Clone, PartialEq)]
struct ReviewRow {
    page: usize,
    /// The field's label and the language it is in (German where the form has no translation).
    label: Shown,
    value: String,
    target: String,
}

fn review_rows(wizard: &Wizard, language: Language) -> Vec<(Shown, Vec<ReviewRow>)> {
    fn walk(
        wizard: &Wizard,
        items: &[Item],
        prefix: &FieldPath,
        page: usize,
        language: Language,
        out: &mut Vec<ReviewRow>,
    ) {
        for item in items {
            match item {
                Item::Field(field) => {
                    let path = prefix.child(&field.id);
                    if matches!(field.kind, FieldKind::Info { .. })
                        || field.feldart == domain::form::Feldart::Hidden
                        || wizard
                            .checked
                            .with_untracked(|c| c.evaluation.is_hidden(&path))
                    {
                        continue;
                    }
                    let value = if field.compute.is_some() {
                        wizard
                            .checked
                            .with_untracked(|c| c.evaluation.computed.get(&path).cloned())
                            .unwrap_or_default()
                    } else {
                        wizard
                            .answers
                            .with_untracked(|a| a.get(&path).cloned())
                            .unwrap_or_default()
                    };
                    out.push(ReviewRow {
                        page,
                        label: Shown::of(&field.label, language),
                        value: wizard
                            .form
                            .with_value(|f| display_value(f.definition(), field, &value, language)),
                        target: dom_id(&path),
                    });
                }
                Item::Group(group) => {
                    let path = prefix.child(&group.id);
                    if wizard
                        .checked
                        .with_untracked(|c| c.evaluation.is_hidden(&path))
                    {
                        continue;
                    }
                    if group.repeat.is_some() {
                        let count = wizard
                            .answers
                            .with_untracked(|a| {
                                a.get(&path).and_then(|v| v.as_list().map(<[Value]>::len))
                            })
                            .unwrap_or(0);
                        for i in 0..count {
                            walk(
                                wizard,
                                &group.items,
                                &path.parent_instance(&group.id, i),
                                page,
                                language,
                                out,
                            );
                        }
                    } else {
                        walk(wizard, &group.items, &path, page, language, out);
                    }
                }
            }
        }
    }
    let pages = wizard.form.with_value(|f| f.definition().pages.clone());
    pages
        .iter()
        .enumerate()
        .filter(|(i, _)| wizard.page_visible(*i))
        .map(|(i, page)| {
            let mut rows = Vec::new();
            walk(
                wizard,
                &page.items,
                &FieldPath::root(),
                i,
                language,
                &mut rows,
            );
            (Shown::of(&page.title, language), rows)
        })
        .collect()
}

#[component]
pub(super) fn Review(wizard: Wizard) -> impl IntoView {
    let language = use_language();
    let navigate = use_navigate();
    let ctx = expect_context::<AppContext>();
    let sending = RwSignal::new(false);
    let all_errors = Signal::derive(move || {
        let mut problems = wizard.submit_problems.get();
        if problems.is_empty() && wizard.show_all.get() {
            problems = wizard
                .checked
                .with(|c| c.evaluation.errors().cloned().collect());
        }
        problems
    });
    let submit = move |_| {
        let errors: Vec<Problem> = wizard
            .checked
            .with_untracked(|c| c.evaluation.errors().cloned().collect());
        if !errors.is_empty() {
            wizard.show_all.set(true);
            focus_soon("#error-summary");
            return;
        }
        sending.set(true);
        let navigate = navigate.clone();
        let body = DraftRef {
            draft_id: wizard.draft_id.get_value(),
        };
        spawn_local(async move {
            let answer = request::<_, SubmitResponse>(command::SUBMIT_DRAFT, &body).await;
            sending.set(false);
            match answer {
                Ok(SubmitResponse::Queued { submission_id }) => {
                    ctx.changes.update(|n| *n += 1);
                    navigate(
                        &crate::routes::submitted(&submission_id),
                        Default::default(),
                    );
                }
                Ok(SubmitResponse::Invalid { problems }) => {
                    wizard.submit_problems.set(problems);
                    focus_soon("#error-summary");
                }
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let back = move |_| {
        let count = wizard.page_count();
        let mut target = count;
        while target > 0 {
            target -= 1;
            if wizard.page_visible(target) {
                wizard.go_to(target);
                return;
            }
        }
    };
    view! {
        <ErrorSummary wizard=wizard problems=all_errors/>
        <h1 id="wizard-heading" class="kern-heading-large" tabindex="-1">{tr("wizard-review-heading")}</h1>
        <p class="kern-body">{tr("wizard-review-intro")}</p>
        {move || review_rows(&wizard, language.get()).into_iter().map(|(title, rows)| view! {
            <section class="review-section">
                <h2 class="kern-heading-small" lang=title.lang>{title.text}</h2>
                <dl class="review-list">
                    {rows.into_iter().map(|row| {
                        let target = row.target.clone();
                        let page = row.page;
                        let change_label = t_args(language.get(), "wizard-change-field", &[("field", Arg::from(row.label.text.as_str()))]);
                        view! {
                            <div class="review-row">
                                <dt class="kern-body kern-body--bold review-key" lang=row.label.lang>{row.label.text.clone()}</dt>
                                <dd class="kern-body review-value">
                                    {if row.value.is_empty() { tr("wizard-not-answered")() } else { row.value.clone() }}
                                </dd>
                                <dd class="review-change">
                                    <a class="kern-link" href=format!("#{}", row.target) aria-label=change_label on:click=move |ev| {
                                        ev.prevent_default();
                                        wizard.go_to_quietly(page);
                                        focus_id_soon(target.clone());
                                    }>{tr("wizard-change")}</a>
                                </dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            </section>
        }).collect_view()}
        <details::RememberMyDetails wizard=wizard/>
        <crate::pages::printout::SavePrintout
            of=domain::ipc::PrintoutOf::Draft { draft_id: wizard.draft_id.get_value() }
            label="summary-save" hint="summary-explained"/>
        <div class="kern-btn-wrapper wizard-nav">
            <button id="wizard-submit" type="button" class="kern-btn kern-btn--primary" on:click=submit disabled=move || sending.get()>
                <span class="kern-label">{tr("wizard-submit")}</span>
            </button>
            <button id="wizard-back" type="button" class="kern-btn kern-btn--secondary" on:click=back>
                <span class="kern-label">{tr("wizard-back")}</span>
            </button>
        </div>
    }
}
