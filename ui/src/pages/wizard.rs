//! The application wizard, rendered from the form definition: one page per step with a
//! progress indicator, every field kind, repeat groups, attachments, live validation with
//! `Form::evaluate` on each change (messages next to the field, an error summary at the top
//! that links to each field), a review page with "change" links, autosave through the shell
//! (the "saved" state shows only after the shell answered) and resume at the same page.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use domain::form::{
    Answers, Code, Evaluation, FieldKind, FieldPath, Form, Item, Problem, Severity, Value,
};
use domain::ipc::{
    command, AddAttachmentRequest, AttachmentView, DraftRef, DraftView, RemoveAttachmentRequest,
    SaveAnswerRequest, Saved, SetDraftPageRequest, SubmitResponse,
};
use domain::Language;
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use wasm_bindgen::JsCast;

use crate::app::AppContext;
use crate::clock::today;
use crate::focus::{focus_heading_soon, focus_id_soon, focus_soon, local_time};
use crate::ipc::request;
use crate::l10n::{t_args, tr, use_language};

#[path = "wizard_update.rs"]
mod update;

#[path = "wizard_details.rs"]
mod details;
#[path = "wizard_general.rs"]
mod general;

/// The DOM id of the input for an answer path: `personen[1].vorname` → `f-personen-1-vorname`.
pub fn dom_id(path: &FieldPath) -> String {
    let mut id = String::from("f");
    for segment in path.segments() {
        id.push('-');
        id.push_str(&segment.id);
        if let Some(index) = segment.index {
            id.push('-');
            id.push_str(&index.to_string());
        }
    }
    id
}

/// Formats a problem's message with its arguments.
pub fn problem_text(problem: &Problem, language: Language) -> String {
    let args: Vec<(&str, Arg)> = problem
        .args
        .iter()
        .map(|(k, v)| {
            let arg = match v {
                domain::form::Arg::Int(n) => Arg::Number(*n as f64),
                domain::form::Arg::Text(t) => Arg::from(t.as_str()),
                money_or_date => Arg::from(money_or_date.text_in(language).unwrap_or_default()),
            };
            (k.as_str(), arg)
        })
        .collect();
    t_args(language, &problem.message, &args)
}

/// The evaluation with lookups by path, rebuilt after each change.
struct Checked {
    evaluation: Evaluation,
    by_path: HashMap<String, Vec<Problem>>,
}

impl Checked {
    /// `place_fee`: the fee the statute of the person's place sets for the draft's service,
    /// where the catalog knows it (`place_fee()` in the form's rules).
    fn new(form: &Form, answers: &Answers, place_fee: Option<domain::form::Num>) -> Checked {
        let facts = domain::form::Facts {
            today: today(),
            place_fee,
        };
        let evaluation = form.evaluate_with(answers, facts);
        let mut by_path: HashMap<String, Vec<Problem>> = HashMap::new();
        for problem in &evaluation.problems {
            by_path
                .entry(problem.path.to_string())
                .or_default()
                .push(problem.clone());
        }
        Checked {
            evaluation,
            by_path,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum SaveState {
    Idle,
    Saving,
    Saved(String),
    Failed(String),
}

/// Everything the wizard's components share (all `Copy`).
#[derive(Clone, Copy)]
struct Wizard {
    draft_id: StoredValue<String>,
    /// The service the draft is for (the general application serves many).
    leika_key: StoredValue<String>,
    /// The fee of the person's place for that service, where the catalog knows it.
    place_fee: StoredValue<Option<domain::form::Num>>,
    form: StoredValue<Arc<Form>>,
    answers: RwSignal<Answers>,
    checked: RwSignal<Arc<Checked>>,
    /// Index into the pages; `pages.len()` is the review page.
    page: RwSignal<usize>,
    touched: RwSignal<HashSet<String>>,
    /// After a failed "continue": every problem of the page shows.
    show_all: RwSignal<bool>,
    in_flight: RwSignal<u32>,
    save: RwSignal<SaveState>,
    attachments: RwSignal<Vec<AttachmentView>>,
    /// Problems the shell reported on submit.
    submit_problems: RwSignal<Vec<Problem>>,
    /// Answers a form update did not carry over, until the person has seen them.
    review: RwSignal<Vec<domain::form::ReviewItem>>,
    /// Labels of those whose field the new version dropped.
    review_labels: StoredValue<std::collections::BTreeMap<String, domain::Localized>>,
}

impl Wizard {
    fn page_count(&self) -> usize {
        self.form.with_value(|f| f.definition().pages.len())
    }

    fn set(&self, path: &FieldPath, value: Value) {
        self.touched.update(|t| {
            t.insert(path.to_string());
        });
        let start = crate::focus::now_ms();
        self.answers.update(|a| {
            a.set(path, value.clone());
        });
        self.recheck();
        record_render_time(start);
        self.persist(path.to_string(), value);
    }

    fn recheck(&self) {
        let checked = self.answers.with(|a| {
            self.form
                .with_value(|f| Arc::new(Checked::new(f, a, self.place_fee.get_value())))
        });
        self.checked.set(checked);
    }

    fn persist(&self, path: String, value: Value) {
        let wizard = *self;
        let request_body = SaveAnswerRequest {
            draft_id: self.draft_id.get_value(),
            path,
            value: serde_json::to_value(&value).unwrap_or(serde_json::Value::Null),
        };
        self.in_flight.update(|n| *n += 1);
        self.save.set(SaveState::Saving);
        spawn_local(async move {
            let answer = request::<_, Saved>(command::SAVE_ANSWER, &request_body).await;
            wizard.in_flight.update(|n| *n = n.saturating_sub(1));
            match answer {
                Ok(saved) => {
                    if wizard.in_flight.get_untracked() == 0
                        && !matches!(wizard.save.get_untracked(), SaveState::Failed(_))
                    {
                        wizard.save.set(SaveState::Saved(saved.saved_at));
                    }
                }
                Err(error) => wizard.save.set(SaveState::Failed(error.message_id)),
            }
        });
    }

    fn value(&self, path: &FieldPath) -> Value {
        self.answers
            .with(|a| a.get(path).cloned().unwrap_or_default())
    }

    fn text(&self, path: &FieldPath) -> String {
        match self.value(path) {
            Value::Text(t) => t,
            Value::Int(n) => n.to_string(),
            Value::Float(f) => f.to_string(),
            _ => String::new(),
        }
    }

    fn hidden(&self, path: &FieldPath) -> bool {
        self.checked.with(|c| c.evaluation.is_hidden(path))
    }

    /// The problems to show at `path` now: after the person changed it, or after a failed step.
    fn shown_problems(&self, path: &FieldPath) -> Vec<Problem> {
        let key = path.to_string();
        let visible = self.show_all.get() || self.touched.with(|t| t.contains(&key));
        if !visible {
            return Vec::new();
        }
        self.checked
            .with(|c| c.by_path.get(&key).cloned().unwrap_or_default())
    }

    /// The errors of the page at `index` (visible fields only).
    fn page_errors(&self, index: usize) -> Vec<Problem> {
        let Some(page_id) = self
            .form
            .with_value(|f| f.definition().pages.get(index).map(|p| p.id.clone()))
        else {
            return Vec::new();
        };
        self.checked.with(|c| {
            c.evaluation
                .problems
                .iter()
                .filter(|p| p.page == page_id && p.severity == Severity::Error)
                .cloned()
                .collect()
        })
    }

    fn page_visible(&self, index: usize) -> bool {
        self.checked.with(|c| {
            c.evaluation
                .progress
                .pages
                .get(index)
                .is_none_or(|p| p.visible)
        })
    }

    fn go_to(&self, index: usize) {
        self.go_to_quietly(index);
        focus_heading_soon();
    }

    /// Changes the page without moving focus to its heading (the caller focuses a field).
    fn go_to_quietly(&self, index: usize) {
        self.page.set(index);
        self.show_all.set(false);
        let page_id = self
            .form
            .with_value(|f| f.definition().pages.get(index).map(|p| p.id.clone()))
            .unwrap_or_else(|| "review".to_owned());
        let body = SetDraftPageRequest {
            draft_id: self.draft_id.get_value(),
            page_id,
        };
        spawn_local(async move {
            let _ = request::<_, serde_json::Value>(command::SET_DRAFT_PAGE, &body).await;
        });
    }
}

/// Keeps the last keystroke-to-validated-state times for the end-to-end measurement.
fn record_render_time(start: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let window: &wasm_bindgen::JsValue = window.as_ref();
    // The DOM updates in the same task; the test reads the time after the next frame.
    let _ = js_sys::Reflect::set(
        window,
        &"__thueringenLastInput".into(),
        &wasm_bindgen::JsValue::from_f64(start),
    );
}

/// The fee the statute of the person's home municipality sets for the service, from the
/// catalog (the same table the service page shows).
fn place_fee(ctx: &AppContext, leika_key: &str) -> Option<domain::form::Num> {
    let home = ctx.settings.with_untracked(|s| s.home_municipality.clone());
    ctx.catalog.with_untracked(|c| {
        let service = c.as_ref()?.catalog.service(leika_key);
        domain::form::Facts::at_place(today(), service, home.as_deref()).place_fee
    })
}

#[component]
pub fn WizardPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let params = use_params_map();
    let draft_id = move || params.with(|p| p.get("draft").unwrap_or_default());
    let loaded: RwSignal<Option<Result<Wizard, String>>> = RwSignal::new(None);
    Effect::new(move |_| {
        let id = draft_id();
        spawn_local(async move {
            // "Today" for the date rules comes from the shell's clock.
            crate::clock::ensure().await;
            match request::<_, DraftView>(command::LOAD_DRAFT, &DraftRef { draft_id: id }).await {
                Ok(view) => match Form::new(view.definition.clone()) {
                    Ok(form) => {
                        let pages = form.definition().pages.clone();
                        let page = view
                            .current_page
                            .as_deref()
                            .and_then(|p| pages.iter().position(|x| x.id == p))
                            .or_else(|| {
                                (view.current_page.as_deref() == Some("review"))
                                    .then_some(pages.len())
                            })
                            .unwrap_or(0);
                        let form = Arc::new(form);
                        let place_fee = place_fee(&ctx, &view.leika_key);
                        let checked = Arc::new(Checked::new(&form, &view.answers, place_fee));
                        loaded.set(Some(Ok(Wizard {
                            draft_id: StoredValue::new(view.draft_id),
                            leika_key: StoredValue::new(view.leika_key),
                            place_fee: StoredValue::new(place_fee),
                            form: StoredValue::new(form),
                            answers: RwSignal::new(view.answers),
                            checked: RwSignal::new(checked),
                            page: RwSignal::new(page),
                            touched: RwSignal::new(HashSet::new()),
                            show_all: RwSignal::new(false),
                            in_flight: RwSignal::new(0),
                            save: RwSignal::new(SaveState::Idle),
                            attachments: RwSignal::new(view.attachments),
                            submit_problems: RwSignal::new(Vec::new()),
                            review: RwSignal::new(view.review),
                            review_labels: StoredValue::new(view.review_labels),
                        })));
                    }
                    Err(_) => loaded.set(Some(Err("error-internal".to_owned()))),
                },
                Err(error) => {
                    loaded.set(Some(Err(error.message_id.clone())));
                    ctx.error.set(Some(error));
                }
            }
        });
    });
    view! {
        {move || match loaded.get() {
            None => view! { <h1 class="kern-heading-large" tabindex="-1">{tr("app-loading")}</h1> }.into_any(),
            Some(Err(_)) => view! {
                <h1 class="kern-heading-large" tabindex="-1">{tr("wizard-not-found")}</h1>
                <p class="kern-body"><a class="kern-link" href=crate::routes::APPLICATIONS>{tr("nav-applications")}</a></p>
            }.into_any(),
            Some(Ok(wizard)) => view! { <WizardView wizard=wizard/> }.into_any(),
        }}
    }
}

#[component]
fn WizardView(wizard: Wizard) -> impl IntoView {
    let language = use_language();
    let title = move || {
        wizard
            .form
            .with_value(|f| f.definition().title.get(language.get()).to_string())
    };
    let pages = wizard.form.with_value(|f| f.definition().pages.clone());
    let count = pages.len();
    view! {
        <div class="wizard">
            <p class="wizard-form-title kern-preline">{title}</p>
            {wizard.form.with_value(|f| f.definition().leika_key.is_none()).then(|| view! {
                <general::GeneralRequestAbout leika_key=wizard.leika_key.get_value()/>
            })}
            <Progress wizard=wizard/>
            <SaveStatus wizard=wizard/>
            <update::FormUpdated wizard=wizard review=wizard.review old_labels=wizard.review_labels/>
            {move || {
                let index = wizard.page.get();
                if index >= count {
                    view! { <Review wizard=wizard/> }.into_any()
                } else {
                    view! { <PageView wizard=wizard index=index/> }.into_any()
                }
            }}
        </div>
    }
}

#[component]
fn Progress(wizard: Wizard) -> impl IntoView {
    let language = use_language();
    let text = move || {
        let pages = wizard.page_count();
        let index = wizard.page.get();
        // Count visible pages only, plus the review step.
        let visible: Vec<usize> = (0..pages).filter(|i| wizard.page_visible(*i)).collect();
        let total = visible.len() + 1;
        let current = visible
            .iter()
            .position(|i| *i == index)
            .map_or(total, |p| p + 1);
        (
            current,
            total,
            t_args(
                language.get(),
                "wizard-step-of",
                &[("current", Arg::from(current)), ("total", Arg::from(total))],
            ),
        )
    };
    view! {
        <div class="kern-progress wizard-progress">
            <p id="wizard-progress-label" class="kern-body kern-body--small">{move || text().2}</p>
            <progress aria-labelledby="wizard-progress-label" max=move || text().1 value=move || text().0></progress>
        </div>
    }
}

#[component]
fn SaveStatus(wizard: Wizard) -> impl IntoView {
    let language = use_language();
    view! {
        <p id="save-status" class="kern-body kern-body--small save-status" role="status" aria-live="polite">
            {move || match wizard.save.get() {
                SaveState::Idle => String::new(),
                SaveState::Saving => tr("wizard-saving")(),
                SaveState::Saved(at) => t_args(language.get(), "wizard-saved", &[("time", Arg::from(local_time(&at, language.get())))]),
                SaveState::Failed(id) => format!("{} {}", tr("wizard-save-failed")(), t_args(language.get(), &id, &[])),
            }}
        </p>
    }
}

/// "Label: message", or "Label – message" when the label is a question (no "?:").
fn summary_line(label: &str, text: &str) -> String {
    let label = label.trim();
    if label.ends_with(['?', ':', '!']) {
        format!("{label} – {text}")
    } else {
        format!("{label}: {text}")
    }
}

/// The error summary (GOV.UK pattern): a list of links to each field with a problem.
#[component]
fn ErrorSummary(wizard: Wizard, problems: Signal<Vec<Problem>>) -> impl IntoView {
    let language = use_language();
    let labels = wizard.form.with_value(|f| {
        f.definition()
            .fields()
            .into_iter()
            .map(|(path, field)| (path, field.label.clone()))
            .collect::<HashMap<_, _>>()
    });
    let labels = StoredValue::new(labels);
    view! {
        <Show when=move || !problems.with(Vec::is_empty)>
            <div id="error-summary" class="kern-alert kern-alert--danger error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                    <h2 id="error-summary-title" class="kern-title">{tr("wizard-error-summary")}</h2>
                </div>
                <div class="kern-alert__body">
                    <ul class="error-summary__list">
                        {move || problems.get().into_iter().map(|problem| {
                            let target = dom_id(&problem.path);
                            let href = format!("#{target}");
                            let label = labels.with_value(|l| l.get(&problem.path.element()).map(|x| x.get(language.get()).to_string())).unwrap_or_default();
                            let text = problem_text(&problem, language.get());
                            let page_id = problem.page.clone();
                            view! {
                                <li>
                                    <a class="kern-link" href=href on:click=move |ev| {
                                        ev.prevent_default();
                                        // The field may be on another page (submit problems).
                                        let index = wizard.form.with_value(|f| f.definition().pages.iter().position(|p| p.id == page_id));
                                        if let Some(index) = index {
                                            if index != wizard.page.get_untracked() {
                                                wizard.page.set(index);
                                                wizard.show_all.set(true);
                                            }
                                        }
                                        focus_id_soon(target.clone());
                                    }>{summary_line(&label, &text)}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </Show>
    }
}

#[component]
fn PageView(wizard: Wizard, index: usize) -> impl IntoView {
    let language = use_language();
    let page = wizard
        .form
        .with_value(|f| f.definition().pages.get(index).cloned());
    let Some(page) = page else {
        return view! { <p class="kern-body">{tr("wizard-not-found")}</p> }.into_any();
    };
    let summary = Signal::derive(move || {
        if wizard.show_all.get() {
            wizard.page_errors(index)
        } else {
            Vec::new()
        }
    });
    let count = wizard.page_count();
    let next = move |_| {
        if !wizard.page_errors(index).is_empty() {
            wizard.show_all.set(true);
            focus_soon("#error-summary");
            return;
        }
        let mut target = index + 1;
        while target < count && !wizard.page_visible(target) {
            target += 1;
        }
        wizard.go_to(target);
    };
    let back = move |_| {
        let mut target = index;
        while target > 0 {
            target -= 1;
            if wizard.page_visible(target) {
                wizard.go_to(target);
                return;
            }
        }
    };
    let title = page.title.clone();
    let items = page.items.clone();
    view! {
        <ErrorSummary wizard=wizard problems=summary/>
        <h1 id="wizard-heading" class="kern-heading-large" tabindex="-1">{move || title.get(language.get()).to_string()}</h1>
        // Right under the page's heading, where the focus lands: seen before the first field.
        <details::FillMyDetails wizard=wizard/>
        <form class="wizard-page" novalidate=true on:submit=move |ev| { ev.prevent_default(); }>
            {render_items(wizard, &items, &FieldPath::root())}
            <div class="kern-btn-wrapper wizard-nav">
                <button id="wizard-next" type="submit" class="kern-btn kern-btn--primary" on:click=next>
                    <span class="kern-label">{move || if index + 1 >= count { tr("wizard-to-review")() } else { tr("wizard-next")() }}</span>
                </button>
                {(index > 0).then(|| view! {
                    <button id="wizard-back" type="button" class="kern-btn kern-btn--secondary" on:click=back>
                        <span class="kern-label">{tr("wizard-back")}</span>
                    </button>
                })}
            </div>
        </form>
        <p class="kern-body wizard-leave">
            <a class="kern-link" href=crate::routes::APPLICATIONS>{tr("wizard-save-and-leave")}</a>
        </p>
    }
    .into_any()
}

fn render_items(wizard: Wizard, items: &[Item], prefix: &FieldPath) -> AnyView {
    items
        .iter()
        .map(|item| match item {
            Item::Field(field) => render_field(wizard, field.clone(), prefix.child(&field.id)),
            Item::Group(group) if group.repeat.is_some() => {
                view! { <RepeatGroup wizard=wizard group=group.clone() path=prefix.child(&group.id)/> }
                    .into_any()
            }
            Item::Group(group) => {
                let path = prefix.child(&group.id);
                let hidden_path = path.clone();
                let language = use_language();
                let label = group.label.clone();
                let hint = group.hint.clone();
                let problems_path = path.clone();
                view! {
                    <fieldset class="kern-fieldset wizard-group" hidden=move || wizard.hidden(&hidden_path)>
                        <legend class="kern-label wizard-group__legend">{move || label.get(language.get()).to_string()}</legend>
                        {hint.map(|h| view! { <div class="kern-hint">{move || h.get(language.get()).to_string()}</div> })}
                        <FieldErrors wizard=wizard path=problems_path/>
                        <div class="kern-fieldset__body">{render_items(wizard, &group.items, &path)}</div>
                    </fieldset>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn RepeatGroup(wizard: Wizard, group: domain::form::Group, path: FieldPath) -> impl IntoView {
    let language = use_language();
    let repeat = group
        .repeat
        .unwrap_or(domain::form::Repeat { min: 0, max: None });
    let min = repeat.min as usize;
    let list_path = path.clone();
    let count = Memo::new(move |_| {
        let len = wizard.answers.with(|a| {
            a.get(&list_path)
                .and_then(|v| v.as_list().map(<[Value]>::len))
                .unwrap_or(0)
        });
        len.max(min)
    });
    let max = repeat.max.map(|m| m as usize);
    let add_path = path.clone();
    let add = move |_| {
        let mut list: Vec<Value> = wizard
            .value(&add_path)
            .as_list()
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        while list.len() < count.get_untracked() {
            list.push(Value::Record(Default::default()));
        }
        list.push(Value::Record(Default::default()));
        let new_index = list.len() - 1;
        wizard.set(&add_path, Value::List(list));
        let first = add_path.instance_first(new_index);
        focus_id_soon(format!("{}-legend", dom_id(&first)));
    };
    let label = group.label.clone();
    let hidden_path = path.clone();
    let items = StoredValue::new(group.items.clone());
    let group_id = group.id.clone();
    let errors_path = path.clone();
    let add_id = format!("{}-add", dom_id(&path));
    let repeat_path = path.to_string();
    view! {
        <fieldset class="kern-fieldset wizard-repeat" hidden=move || wizard.hidden(&hidden_path)
            data-repeat=repeat_path data-count=move || count.get()>
            <legend class="kern-label wizard-group__legend">{let l = label.clone(); move || l.get(language.get()).to_string()}</legend>
            {group.hint.clone().map(|h| view! { <div class="kern-hint">{move || h.get(language.get()).to_string()}</div> })}
            <FieldErrors wizard=wizard path=errors_path/>
            <For each=move || 0..count.get() key=|i| *i children=move |i| {
                let instance = path.parent_instance(&group_id, i);
                let remove_path = path.clone();
                let legend_label = label.clone();
                let legend_id = format!("{}-legend", dom_id(&instance));
                let remove = move |_| {
                    let mut list: Vec<Value> = wizard.value(&remove_path).as_list().map(<[Value]>::to_vec).unwrap_or_default();
                    if i < list.len() {
                        list.remove(i);
                    }
                    wizard.set(&remove_path, Value::List(list));
                    focus_soon("#wizard-heading");
                };
                let instance_for_items = instance.clone();
                view! {
                    <fieldset class="kern-fieldset wizard-instance kern-card">
                        <legend id=legend_id.clone() tabindex="-1" class="kern-label">
                            {move || format!("{} {}", legend_label.get(language.get()), i + 1)}
                        </legend>
                        <div class="kern-fieldset__body">
                            {items.with_value(|items| render_items(wizard, items, &instance_for_items))}
                        </div>
                        <Show when=move || { count.get() > min }>
                            <button type="button" class="kern-btn kern-btn--tertiary repeat-remove"
                                id=format!("{}-remove", dom_id(&instance))
                                on:click=remove.clone()>
                                <span class="kern-label">{move || t_args(language.get(), "wizard-remove-entry", &[("number", Arg::from(i + 1))])}</span>
                            </button>
                        </Show>
                    </fieldset>
                }
            }/>
            <Show when=move || max.is_none_or(|m| count.get() < m)>
                <button type="button" class="kern-btn kern-btn--secondary repeat-add" id=add_id.clone()
                    on:click=add.clone()>
                    <span class="kern-label">{tr("wizard-add-entry")}</span>
                </button>
            </Show>
        </fieldset>
    }
}

/// Path helpers for repeat instances.
trait InstancePath {
    /// `a.b` + i → `a.b[i]`.
    fn parent_instance(&self, id: &str, index: usize) -> FieldPath;
    fn instance_first(&self, index: usize) -> FieldPath;
}

impl InstancePath for FieldPath {
    fn parent_instance(&self, id: &str, index: usize) -> FieldPath {
        let segments = self.segments();
        let parent = &segments[..segments.len().saturating_sub(1)];
        let mut path = FieldPath::root();
        for segment in parent {
            path = match segment.index {
                Some(i) => path.instance(&segment.id, i),
                None => path.child(&segment.id),
            };
        }
        path.instance(id, index)
    }

    fn instance_first(&self, index: usize) -> FieldPath {
        let id = self.last_id().unwrap_or_default().to_owned();
        self.parent_instance(&id, index)
    }
}

/// The messages for `path`, next to its field.
#[component]
fn FieldErrors(wizard: Wizard, path: FieldPath) -> impl IntoView {
    let language = use_language();
    let id = format!("{}-error", dom_id(&path));
    view! {
        <div id=id class="field-messages">
            {move || wizard.shown_problems(&path).into_iter().map(|p| {
                let text = problem_text(&p, language.get());
                if p.severity == Severity::Error {
                    view! {
                        <p class="kern-error field-error" role="alert">
                            <span class="kern-icon kern-icon--danger kern-icon--md" aria-hidden="true"></span>
                            <span class="kern-body">{text}</span>
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <p class="kern-body field-warning"><span class="kern-body--bold">{tr("wizard-note")}": "</span>{text}</p>
                    }.into_any()
                }
            }).collect_view()}
        </div>
    }
}

/// An amount's cents as the language writes them in an input beside `€` (`1.234,56`).
pub(crate) fn cents_text(value: &Value, language: Language) -> String {
    match value {
        Value::Int(cents) => domain::format::amount(*cents, language),
        Value::Text(t) => t.clone(),
        _ => String::new(),
    }
}

/// What the person typed as an amount (`domain::format::parse_money`); anything unreadable
/// stays text (the engine reports it).
fn parse_euros(text: &str, language: Language) -> Value {
    if text.trim().is_empty() {
        return Value::Null;
    }
    domain::format::parse_money(text, language)
        .map_or_else(|| Value::Text(text.to_owned()), Value::Int)
}

/// `2026-12-01` → `01.12.2026` (or as the language writes dates) for display.
pub(crate) fn date_text(value: &Value, language: Language) -> String {
    match value {
        Value::Text(t) => match domain::form::Date::parse(t) {
            Some(d) => domain::format::date(d, language),
            None => t.clone(),
        },
        _ => String::new(),
    }
}

/// A typed date (`domain::format::parse_date`) → `2026-12-01`; anything else stays as typed
/// (the engine reports it as not a date).
fn parse_date(text: &str) -> Value {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Value::Null;
    }
    domain::format::parse_date(trimmed).map_or_else(
        || Value::Text(trimmed.to_owned()),
        |d| Value::Text(d.to_string()),
    )
}

fn text_value(text: String) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        Value::Text(text)
    }
}

/// The kind's wire name, for `data-kind` (tests and styling).
fn kind_name(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Text { .. } => "text",
        FieldKind::MultilineText { .. } => "multiline_text",
        FieldKind::Integer { .. } => "integer",
        FieldKind::Decimal { .. } => "decimal",
        FieldKind::Money { .. } => "money",
        FieldKind::Date { .. } => "date",
        FieldKind::Time => "time",
        FieldKind::DateTime => "datetime",
        FieldKind::YesNo => "yes_no",
        FieldKind::Choice { multiple: true, .. } => "choice_multiple",
        FieldKind::Choice { .. } => "choice",
        FieldKind::Email => "email",
        FieldKind::Phone => "phone",
        FieldKind::Iban => "iban",
        FieldKind::PostalCode => "postal_code",
        FieldKind::Municipality => "municipality",
        FieldKind::Address => "address",
        FieldKind::Attachment { .. } => "attachment",
        FieldKind::Info { .. } => "info",
    }
}

/// Which HTML input a text-like kind gets: (type, inputmode, autocomplete).
fn input_kind(
    kind: &FieldKind,
    field: &domain::form::Field,
) -> (&'static str, Option<&'static str>, &'static str) {
    // The person's own details get their autofill token, from the form model (FIM ids).
    let autocomplete = domain::form::autofill::detail_of(field)
        .map(|d| d.autocomplete())
        .unwrap_or("off");
    match kind {
        FieldKind::Email => ("email", None, "email"),
        FieldKind::Phone => ("tel", None, "tel"),
        FieldKind::PostalCode => ("text", Some("numeric"), "postal-code"),
        FieldKind::Iban => ("text", None, "off"),
        FieldKind::Integer { .. } => ("text", Some("numeric"), "off"),
        FieldKind::Decimal { .. } | FieldKind::Money { .. } => ("text", Some("decimal"), "off"),
        FieldKind::Date { .. } => ("date", None, autocomplete),
        FieldKind::Time => ("time", None, "off"),
        FieldKind::DateTime => ("datetime-local", None, "off"),
        _ => ("text", None, autocomplete),
    }
}

fn render_field(wizard: Wizard, field: domain::form::Field, path: FieldPath) -> AnyView {
    if field.feldart == domain::form::Feldart::Hidden {
        return ().into_any();
    }
    let language = use_language();
    let id = dom_id(&path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let label = field.label.clone();
    let hint = field.hint.clone();
    let has_hint = hint.is_some();
    let hidden_path = path.clone();
    let required = {
        let path = path.clone();
        move || {
            wizard
                .checked
                .with(|c| c.evaluation.required.contains(&path))
        }
    };
    let required_path = path.clone();
    let invalid = {
        let path = path.clone();
        move || {
            wizard
                .shown_problems(&path)
                .iter()
                .any(|p| p.severity == Severity::Error)
                .to_string()
        }
    };
    let describedby = if has_hint {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    // A label without a translation (an imported form in German only) says so with `lang`.
    let label_text = {
        let label = label.clone();
        move || {
            let shown = crate::l10n::Shown::of(&label, language.get());
            view! { <span lang=shown.lang>{shown.text}</span> }
        }
    };
    let optional_mark = move || {
        if required() {
            String::new()
        } else {
            format!(" ({})", tr("wizard-optional")())
        }
    };
    let _ = required_path;
    let hint_view = hint.clone().map(|h| {
        let hint_id = hint_id.clone();
        let hint_lang = h.clone();
        view! { <div class="kern-hint" id=hint_id lang=move || hint_lang.language_of(language.get()).tag()>{move || h.get(language.get()).to_string()}</div> }
    });
    let computed = field.compute.is_some();
    let data_path = path.to_string();
    let data_kind = kind_name(&field.kind);
    let locked = computed || field.feldart == domain::form::Feldart::Locked;
    let errors = view! { <FieldErrors wizard=wizard path=path.clone()/> };

    let body = match field.kind.clone() {
        FieldKind::Info { text } => {
            return view! {
                <div class="kern-alert kern-alert--info wizard-info" hidden=move || wizard.hidden(&hidden_path)>
                    <div class="kern-alert__body">
                        <p class="kern-body kern-body--bold">{label_text}</p>
                        <p class="kern-body">{move || text.get(language.get()).to_string()}</p>
                    </div>
                </div>
            }
            .into_any();
        }
        FieldKind::YesNo => {
            let yes_path = path.clone();
            let no_path = path.clone();
            let value_path = path.clone();
            let current = move || match wizard.value(&value_path) {
                Value::Bool(b) => Some(b),
                _ => None,
            };
            let name = id.clone();
            return view! {
                <fieldset class="kern-fieldset wizard-field" hidden=move || wizard.hidden(&hidden_path)
                    data-path=data_path data-kind=data_kind aria-describedby=describedby>
                    <legend class="kern-label">{label_text}{optional_mark}</legend>
                    {hint_view}
                    {errors}
                    <div class="kern-fieldset__body kern-fieldset__body--horizontal">
                        <div class="kern-form-check">
                            <input class="kern-form-check__radio" type="radio" id=id.clone() name=name.clone() value="yes" disabled=locked
                                prop:checked={let current = current.clone(); move || current() == Some(true)}
                                on:change=move |_| wizard.set(&yes_path, Value::Bool(true))/>
                            <label class="kern-label" for=id.clone()>{tr("wizard-yes")}</label>
                        </div>
                        <div class="kern-form-check">
                            <input class="kern-form-check__radio" type="radio" id=format!("{id}-no") name=name value="no" disabled=locked
                                prop:checked=move || current() == Some(false)
                                on:change=move |_| wizard.set(&no_path, Value::Bool(false))/>
                            <label class="kern-label" for=format!("{id}-no")>{tr("wizard-no")}</label>
                        </div>
                    </div>
                </fieldset>
            }
            .into_any();
        }
        FieldKind::Choice {
            codes, multiple, ..
        } => {
            let codes: Vec<Code> = wizard
                .form
                .with_value(|f| f.definition().codes(&codes).map(<[Code]>::to_vec))
                .unwrap_or_default();
            if !multiple && codes.len() > 6 {
                let value_path = path.clone();
                let set_path = path.clone();
                let options = codes
                    .into_iter()
                    .map(|code| {
                        let value_path = value_path.clone();
                        let c = code.code.clone();
                        view! {
                            <option value=code.code.clone() selected=move || wizard.text(&value_path) == c>
                                {move || code.label.get(language.get()).to_string()}
                            </option>
                        }
                    })
                    .collect_view();
                let empty_path = path.clone();
                view! {
                    <div class="kern-form-input__select-wrapper">
                        <select id=id.clone() class="kern-form-input__select" disabled=locked
                            aria-describedby=describedby aria-invalid=invalid
                            on:change=move |ev| wizard.set(&set_path, text_value(event_target_value(&ev)))>
                            <option value="" selected=move || wizard.text(&empty_path).is_empty()>{tr("wizard-choose")}</option>
                            {options}
                        </select>
                    </div>
                }
                .into_any()
            } else {
                let name = id.clone();
                let options = codes
                    .into_iter()
                    .enumerate()
                    .map(|(n, code)| {
                        let option_id = if n == 0 { id.clone() } else { format!("{id}-{}", n) };
                        let value_path = path.clone();
                        let set_path = path.clone();
                        let c = code.code.clone();
                        let c2 = code.code.clone();
                        let checked = move || {
                            let value = wizard.value(&value_path);
                            match value {
                                Value::Text(t) => t == c,
                                Value::List(items) => items.iter().any(|v| v.as_text() == Some(c.as_str())),
                                _ => false,
                            }
                        };
                        let on_change = move |ev: web_sys::Event| {
                            if multiple {
                                let on = event_target_checked(&ev);
                                let mut items: Vec<Value> = wizard.value(&set_path).as_list().map(<[Value]>::to_vec).unwrap_or_default();
                                items.retain(|v| v.as_text() != Some(c2.as_str()));
                                if on {
                                    items.push(Value::Text(c2.clone()));
                                }
                                wizard.set(&set_path, if items.is_empty() { Value::Null } else { Value::List(items) });
                            } else {
                                wizard.set(&set_path, Value::Text(c2.clone()));
                            }
                        };
                        let label = code.label.clone();
                        view! {
                            <div class="kern-form-check">
                                <input class=if multiple { "kern-form-check__checkbox" } else { "kern-form-check__radio" }
                                    type=if multiple { "checkbox" } else { "radio" }
                                    id=option_id.clone() name=name.clone() value=code.code.clone() disabled=locked
                                    prop:checked=checked on:change=on_change/>
                                <label class="kern-label" for=option_id>{move || label.get(language.get()).to_string()}</label>
                            </div>
                        }
                    })
                    .collect_view();
                return view! {
                    <fieldset class="kern-fieldset wizard-field" hidden=move || wizard.hidden(&hidden_path)
                        data-path=data_path data-kind=data_kind aria-describedby=describedby>
                        <legend class="kern-label">{label_text}{optional_mark}</legend>
                        {hint_view}
                        {errors}
                        <div class="kern-fieldset__body">{options}</div>
                    </fieldset>
                }
                .into_any();
            }
        }
        FieldKind::Address => {
            let parts: [(&'static str, &'static str, &'static str); 6] = [
                ("strasse", "wizard-address-street", "address-line1"),
                ("hausnummer", "wizard-address-number", "off"),
                ("zusatz", "wizard-address-extra", "address-line2"),
                ("plz", "wizard-address-postal-code", "postal-code"),
                ("ort", "wizard-address-place", "address-level2"),
                ("staat", "wizard-address-country", "country"),
            ];
            let inputs = parts
                .into_iter()
                .enumerate()
                .map(|(n, (part, label_id, autocomplete))| {
                    let part_path = path.child(part);
                    let input_id = if n == 0 { id.clone() } else { dom_id(&part_path) };
                    let value_path = part_path.clone();
                    let set_path = part_path.clone();
                    let invalid = invalid.clone();
                    view! {
                        <div class="kern-form-input address-part">
                            <label class="kern-label" for=input_id.clone()>{tr(label_id)}</label>
                            <input class="kern-form-input__input" type="text" id=input_id autocomplete=autocomplete
                                disabled=locked aria-invalid=invalid
                                prop:value=move || wizard.text(&value_path)
                                on:input=move |ev| wizard.set(&set_path, text_value(event_target_value(&ev)))/>
                        </div>
                    }
                })
                .collect_view();
            return view! {
                <fieldset class="kern-fieldset wizard-field wizard-address" hidden=move || wizard.hidden(&hidden_path)
                    data-path=data_path data-kind=data_kind aria-describedby=describedby>
                    <legend class="kern-label">{label_text}{optional_mark}</legend>
                    {hint_view}
                    {errors}
                    <div class="kern-fieldset__body address-grid">{inputs}</div>
                </fieldset>
            }
            .into_any();
        }
        FieldKind::Attachment { accept, .. } => {
            let camera = field.kind.camera_types();
            let accept = accept.join(",");
            return view! {
                <div class="kern-form-input wizard-field wizard-attachment" hidden=move || wizard.hidden(&hidden_path)
                    data-path=data_path data-kind=data_kind>
                    <label class="kern-label" for=id.clone()>{label_text}{optional_mark}</label>
                    {hint_view}
                    {errors}
                    <AttachmentInput wizard=wizard path=path.clone() id=id.clone() accept=accept camera=camera describedby=describedby/>
                </div>
            }
            .into_any();
        }
        FieldKind::MultilineText { .. } => {
            let value_path = path.clone();
            let set_path = path.clone();
            view! {
                <textarea id=id.clone() class="kern-form-input__input" rows="5" readonly=locked
                    aria-describedby=describedby aria-invalid=invalid
                    prop:value=move || wizard.text(&value_path)
                    on:input=move |ev| wizard.set(&set_path, text_value(event_target_value(&ev)))></textarea>
            }
            .into_any()
        }
        FieldKind::Date { .. } => {
            let raw = RwSignal::new(date_text(&wizard.value(&path), language.get_untracked()));
            let set_path = path.clone();
            let format_id = format!("{id}-format");
            let described = format!("{describedby} {format_id}");
            view! {
                <div class="kern-hint" id=format_id>{move || {
                    // Today as the example: the format, never a date that has gone by.
                    let example = date_text(&Value::Text(today().to_string()), language.get());
                    t_args(language.get(), "wizard-date-format", &[("example", Arg::from(example))])
                }}</div>
                <input id=id.clone() class="kern-form-input__input kern-form-input__input--width-10" type="text" inputmode="numeric"
                    readonly=locked aria-describedby=described aria-invalid=invalid autocomplete="off"
                    prop:value=move || raw.get()
                    on:input=move |ev| { let t = event_target_value(&ev); raw.set(t.clone()); wizard.set(&set_path, parse_date(&t)); }/>
            }
            .into_any()
        }
        FieldKind::Money { .. } => {
            let raw = RwSignal::new(cents_text(&wizard.value(&path), language.get_untracked()));
            let set_path = path.clone();
            let computed_path = path.clone();
            view! {
                <div class="input-with-unit">
                    <input id=id.clone() class="kern-form-input__input" type="text" inputmode="decimal" readonly=locked
                        aria-describedby=describedby aria-invalid=invalid autocomplete="off"
                        prop:value=move || if computed { wizard.checked.with(|c| c.evaluation.computed.get(&computed_path).map(|v| cents_text(v, language.get()))).unwrap_or_default() } else { raw.get() }
                        on:input=move |ev| { let t = event_target_value(&ev); raw.set(t.clone()); wizard.set(&set_path, parse_euros(&t, language.get_untracked())); }/>
                    <span class="input-unit" aria-hidden="true">"€"</span>
                </div>
            }
            .into_any()
        }
        kind => {
            let (input_type, inputmode, autocomplete) = input_kind(&kind, &field);
            let unit = match &kind {
                FieldKind::Integer { unit, .. } | FieldKind::Decimal { unit, .. } => unit.clone(),
                _ => None,
            };
            let value_path = path.clone();
            let set_path = path.clone();
            let computed_path = path.clone();
            let value = move || {
                if computed {
                    wizard
                        .checked
                        .with(|c| {
                            c.evaluation.computed.get(&computed_path).map(|v| match v {
                                Value::Text(t) => t.clone(),
                                Value::Int(n) => n.to_string(),
                                Value::Float(f) => f.to_string(),
                                Value::Bool(b) => b.to_string(),
                                _ => String::new(),
                            })
                        })
                        .unwrap_or_default()
                } else {
                    wizard.text(&value_path)
                }
            };
            view! {
                <div class="input-with-unit">
                    <input id=id.clone() class="kern-form-input__input" type=input_type inputmode=inputmode
                        autocomplete=autocomplete readonly=locked
                        aria-describedby=describedby aria-invalid=invalid
                        prop:value=value
                        on:input=move |ev| wizard.set(&set_path, text_value(event_target_value(&ev)))/>
                    {unit.map(|u| view! { <span class="input-unit">{u}</span> })}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="kern-form-input wizard-field" hidden=move || wizard.hidden(&hidden_path)
            data-path=data_path data-kind=data_kind data-computed=computed.to_string()>
            <label class="kern-label" for=id>{label_text}{optional_mark}</label>
            {hint_view}
            {errors}
            {body}
        </div>
    }
    .into_any()
}

/// A file picker: reads the file, sends it base64-encoded to the shell, lists what is attached.
#[component]
fn AttachmentInput(
    wizard: Wizard,
    path: FieldPath,
    id: String,
    accept: String,
    /// Image types for a camera photo, when the field takes images.
    camera: Option<String>,
    describedby: String,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let field_path = path.to_string();
    let busy = RwSignal::new(false);
    let list_path = field_path.clone();
    let attached = move || {
        wizard
            .attachments
            .get()
            .into_iter()
            .filter(|a| a.field_path == list_path)
            .collect::<Vec<_>>()
    };
    let answer_path = StoredValue::new(path.clone());
    let sync_answer = move || answer_path.with_value(|p| sync_attachment_answer(wizard, p));
    let on_change = {
        let field_path = field_path.clone();
        move |ev: web_sys::Event| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(files) = input.files() else { return };
            let mut picked = Vec::new();
            for i in 0..files.length() {
                if let Some(file) = files.get(i) {
                    picked.push(file);
                }
            }
            input.set_value("");
            let field_path = field_path.clone();
            busy.set(true);
            spawn_local(async move {
                for file in picked {
                    let Ok(content) = read_base64(&file).await else {
                        continue;
                    };
                    let body = AddAttachmentRequest {
                        draft_id: wizard.draft_id.get_value(),
                        field_path: field_path.clone(),
                        file_name: file.name(),
                        media_type: if file.type_().is_empty() {
                            "application/octet-stream".into()
                        } else {
                            file.type_()
                        },
                        content_base64: content,
                    };
                    match request::<_, AttachmentView>(command::ADD_ATTACHMENT, &body).await {
                        Ok(view) => wizard.attachments.update(|a| a.push(view)),
                        Err(error) => ctx.error.set(Some(error)),
                    }
                }
                busy.set(false);
                sync_answer();
            });
        }
    };
    let language = use_language();
    // On a phone or tablet the camera is offered beside the file picker (`capture`), for the
    // image types the field accepts; a mouse-driven desktop hides it (see app.css).
    let camera = camera.map(|camera_types| {
        let camera_id = format!("{id}-camera");
        let on_camera = on_change.clone();
        view! {
            <div class="attachment-camera">
                <label class="kern-label" for=camera_id.clone()>{tr("wizard-take-photo")}</label>
                <input id=camera_id class="kern-form-input__input attachment-input" type="file" accept=camera_types
                    capture="environment" aria-describedby=describedby.clone() on:change=on_camera/>
            </div>
        }
    });
    view! {
        <input id=id class="kern-form-input__input attachment-input" type="file" multiple=true accept=accept
            aria-describedby=describedby.clone() on:change=on_change/>
        {camera}
        <Show when=move || busy.get()>
            <p class="kern-body" role="status">{tr("wizard-uploading")}</p>
        </Show>
        <ul class="attachment-list">
            <For each=attached key=|a| a.attachment_id.clone() children=move |a| {
                let attachment_id = a.attachment_id.clone();
                let name = a.file_name.clone();
                let size_kb = a.size.div_ceil(1024);
                let remove = move |_| {
                    let body = RemoveAttachmentRequest { draft_id: wizard.draft_id.get_value(), attachment_id: attachment_id.clone() };
                    let attachment_id = attachment_id.clone();
                    spawn_local(async move {
                        match request::<_, serde_json::Value>(command::REMOVE_ATTACHMENT, &body).await {
                            Ok(_) => {
                                wizard.attachments.update(|list| list.retain(|x| x.attachment_id != attachment_id));
                                sync_answer();
                            }
                            Err(error) => ctx.error.set(Some(error)),
                        }
                    });
                };
                let label_name = name.clone();
                view! {
                    <li class="attachment">
                        <span class="kern-body attachment-name">{name}" ("{size_kb}" KB)"</span>
                        <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" on:click=remove>
                            <span class="kern-label">{move || t_args(language.get(), "wizard-remove-file", &[("name", Arg::from(label_name.as_str()))])}</span>
                        </button>
                    </li>
                }
            }/>
        </ul>
    }
}

/// Mirrors the attachment field's answer locally (the shell stores it itself when a file is
/// added or removed), so validation sees the files at once.
fn sync_attachment_answer(wizard: Wizard, path: &FieldPath) {
    let key = path.to_string();
    let list: Vec<Value> = wizard
        .attachments
        .get_untracked()
        .into_iter()
        .filter(|a| a.field_path == key)
        .map(|a| {
            let mut record = domain::form::Record::new();
            record.insert("id".into(), Value::Text(a.attachment_id));
            record.insert("name".into(), Value::Text(a.file_name));
            record.insert("media_type".into(), Value::Text(a.media_type));
            record.insert(
                "size".into(),
                Value::Int(i64::try_from(a.size).unwrap_or(i64::MAX)),
            );
            Value::Record(record)
        })
        .collect();
    wizard.touched.update(|t| {
        t.insert(key);
    });
    wizard.answers.update(|a| {
        a.set(
            path,
            if list.is_empty() {
                Value::Null
            } else {
                Value::List(list)
            },
        );
    });
    wizard.recheck();
}

/// Reads a picked file and returns its content base64-encoded.
async fn read_base64(file: &web_sys::File) -> Result<String, wasm_bindgen::JsValue> {
    let reader = web_sys::FileReader::new()?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = reader.clone();
        let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = resolve.call1(
                &wasm_bindgen::JsValue::NULL,
                &done.result().unwrap_or_default(),
            );
        });
        let onerror = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        });
        reader.set_onload(Some(onload.unchecked_ref()));
        reader.set_onerror(Some(onerror.unchecked_ref()));
    });
    reader.read_as_data_url(file)?;
    let url = wasm_bindgen_futures::JsFuture::from(promise)
        .await?
        .as_string()
        .unwrap_or_default();
    Ok(url
        .split_once(',')
        .map(|(_, data)| data.to_owned())
        .unwrap_or_default())
}

/// The answer as the person reads it on the review page.
pub fn display_value(
    definition: &domain::form::FormDefinition,
    field: &domain::form::Field,
    value: &Value,
    language: Language,
) -> String {
    match (&field.kind, value) {
        (_, Value::Null) => String::new(),
        (FieldKind::YesNo, Value::Bool(b)) => {
            crate::l10n::t_args(language, if *b { "wizard-yes" } else { "wizard-no" }, &[])
        }
        (FieldKind::Money { .. }, Value::Int(cents)) => domain::format::money(*cents, language),
        (FieldKind::Money { .. }, v) => cents_text(v, language),
        (FieldKind::Date { .. }, v) => date_text(v, language),
        (FieldKind::Choice { codes, .. }, v) => {
            let codes = definition
                .codes(codes)
                .map(<[Code]>::to_vec)
                .unwrap_or_default();
            let label = |code: &str| {
                codes
                    .iter()
                    .find(|c| c.code == code)
                    .map(|c| c.label.get(language).to_string())
                    .unwrap_or_else(|| code.to_owned())
            };
            match v {
                Value::Text(t) => label(t),
                Value::List(items) => items
                    .iter()
                    .filter_map(Value::as_text)
                    .map(label)
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            }
        }
        (FieldKind::Address, Value::Record(r)) => {
            let part = |k: &str| {
                r.get(k)
                    .and_then(Value::as_text)
                    .unwrap_or_default()
                    .to_owned()
            };
            format!(
                "{} {}, {} {}",
                part("strasse"),
                part("hausnummer"),
                part("plz"),
                part("ort")
            )
        }
        (FieldKind::Attachment { .. }, Value::List(items)) => items
            .iter()
            .filter_map(|i| {
                i.as_record()
                    .and_then(|r| r.get("name"))
                    .and_then(Value::as_text)
            })
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::Text(t)) => t.clone(),
        (_, Value::Int(n)) => n.to_string(),
        (_, Value::Float(f)) => f.to_string(),
        (_, Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// One row of the review: page index, label, value, the field's DOM id.
#[derive(Debug, Clone, PartialEq)]
struct ReviewRow {
    page: usize,
    label: String,
    value: String,
    target: String,
}

fn review_rows(wizard: &Wizard, language: Language) -> Vec<(String, Vec<ReviewRow>)> {
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
                        label: field.label.get(language).to_string(),
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
            (page.title.get(language).to_string(), rows)
        })
        .collect()
}

#[component]
fn Review(wizard: Wizard) -> impl IntoView {
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
                <h2 class="kern-heading-small">{title}</h2>
                <dl class="review-list">
                    {rows.into_iter().map(|row| {
                        let target = row.target.clone();
                        let page = row.page;
                        let change_label = t_args(language.get(), "wizard-change-field", &[("field", Arg::from(row.label.as_str()))]);
                        view! {
                            <div class="review-row">
                                <dt class="kern-body kern-body--bold review-key">{row.label.clone()}</dt>
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
