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
use crate::l10n::{t_args, tr, use_language, DataText, Shown};

#[path = "wizard_update.rs"]
mod update;

#[path = "wizard_details.rs"]
mod details;
#[path = "wizard_field.rs"]
mod field;
#[path = "wizard_general.rs"]
mod general;
#[path = "wizard_repeat.rs"]
mod repeat;
#[path = "wizard_review.rs"]
mod review;

use field::render_field;
pub(crate) use field::{date_text, read_base64};
use repeat::{InstancePath, RepeatGroup};
use review::Review;
pub use review::{display_value, yes_no};

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
    let form_title = wizard.form.with_value(|f| f.definition().title.clone());
    // A form without a text in the person's language (one imported from XDatenfelder, which
    // carries German only) says so before its first field, in the person's language.
    let german_only = {
        let form_title = form_title.clone();
        move || {
            let language = language.get();
            (language != Language::De && form_title.language_of(language) == Language::De).then(
                || {
                    view! {
                        <div id="wizard-german-only" class="kern-alert kern-alert--info">
                            <div class="kern-alert__body">
                                <p class="kern-body">{tr("wizard-german-only")}</p>
                            </div>
                        </div>
                    }
                },
            )
        }
    };
    let pages = wizard.form.with_value(|f| f.definition().pages.clone());
    let count = pages.len();
    view! {
        <div class="wizard">
            <p class="wizard-form-title kern-preline"><DataText text=form_title/></p>
            {german_only}
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
        <h1 id="wizard-heading" class="kern-heading-large" tabindex="-1"><DataText text=title/></h1>
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
                let label = group.label.clone();
                let hint = group.hint.clone();
                let problems_path = path.clone();
                view! {
                    <fieldset class="kern-fieldset wizard-group" hidden=move || wizard.hidden(&hidden_path)>
                        <legend class="kern-label wizard-group__legend"><DataText text=label/></legend>
                        {hint.map(|h| view! { <div class="kern-hint"><DataText text=h/></div> })}
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
