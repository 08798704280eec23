//! The accessibility statement (Erklärung zur Barrierefreiheit) and the feedback form for
//! accessibility problems (Barrieren melden), both required of public apps by the EU Web
//! Accessibility Directive and Thüringen's law. Every text is in `accessibility.ftl`.
//!
//! The form checks with `domain::feedback` (the rules the state API checks with too), and a
//! report is only called "stored" after the shell kept it. It must never lose what the person
//! typed: a refused or failed send keeps every field filled.

use domain::feedback::{
    AccessibilityReport, ReportField, ReportProblem, MAX_DESCRIPTION_CHARS, MAX_SHORT_CHARS,
};
use domain::ipc::{
    command, AccessibilityReportView, ReportResponse, ReportState, SendAccessibilityReport,
};
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use crate::app::AppContext;
use crate::focus::{focus_id_soon, focus_soon, local_time};
use crate::ipc::{call0, request};
use crate::l10n::{t_args, tr, use_language};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <article class="prose">
            <h1 id="a11y-heading" class="kern-heading-large" tabindex="-1">{tr("a11y-heading")}</h1>
            <p class="kern-body">{tr("a11y-intro")}</p>
            <h2 class="kern-heading-medium">{tr("a11y-status-heading")}</h2>
            <p class="kern-body">{tr("a11y-status")}</p>
            <h2 class="kern-heading-medium">{tr("a11y-gaps-heading")}</h2>
            <ul class="kern-list">
                <li class="kern-body">{tr("a11y-gap-easy-language")}</li>
                <li class="kern-body">{tr("a11y-gap-sign-language")}</li>
                <li class="kern-body">{tr("a11y-gap-authority-texts")}</li>
            </ul>
            <h2 class="kern-heading-medium">{tr("a11y-made-heading")}</h2>
            <p class="kern-body">{tr("a11y-made")}</p>
            <h2 class="kern-heading-medium">{tr("a11y-feedback-heading")}</h2>
            <p class="kern-body">{tr("a11y-feedback-intro")}" "
                <a class="kern-link" href=crate::routes::FEEDBACK>{tr("a11y-feedback-link")}</a>
            </p>
            <h2 class="kern-heading-medium">{tr("a11y-enforcement-heading")}</h2>
            <p class="kern-body">{tr("a11y-enforcement")}</p>
            <address class="kern-body a11y-address">{tr("a11y-enforcement-address")}</address>
        </article>
    }
}

/// What the person is typing, one signal per field. It lives as long as the app (provided at
/// the root), so a report half written survives a look at another page.
#[derive(Clone, Copy)]
pub struct ReportDraft {
    place: RwSignal<String>,
    description: RwSignal<String>,
    assistive_technology: RwSignal<String>,
    wants_reply: RwSignal<bool>,
    name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
}

impl Default for ReportDraft {
    fn default() -> Self {
        ReportDraft::new()
    }
}

impl ReportDraft {
    pub fn new() -> ReportDraft {
        ReportDraft {
            place: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            assistive_technology: RwSignal::new(String::new()),
            wants_reply: RwSignal::new(false),
            name: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
        }
    }

    fn report(&self, language: domain::Language) -> AccessibilityReport {
        AccessibilityReport {
            place: self.place.get_untracked(),
            description: self.description.get_untracked(),
            assistive_technology: self.assistive_technology.get_untracked(),
            wants_reply: self.wants_reply.get_untracked(),
            name: self.name.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            language: language.tag().to_string(),
        }
    }

    fn clear(&self) {
        self.place.set(String::new());
        self.description.set(String::new());
        self.assistive_technology.set(String::new());
    }
}

fn field_dom_id(field: ReportField) -> String {
    format!("feedback-{}", field.id().replace('_', "-"))
}

fn problem_text(problem: &ReportProblem, language: domain::Language) -> String {
    let max = if problem.field == ReportField::Description {
        MAX_DESCRIPTION_CHARS
    } else {
        MAX_SHORT_CHARS
    };
    t_args(language, problem.message_id, &[("max", Arg::from(max))])
}

fn field_label(field: ReportField) -> &'static str {
    match field {
        ReportField::Place => "feedback-place-label",
        ReportField::Description => "feedback-description-label",
        ReportField::AssistiveTechnology => "feedback-assistive-label",
        ReportField::Name => "feedback-name-label",
        ReportField::Email => "feedback-email-label",
        ReportField::Phone => "feedback-phone-label",
    }
}

/// A readable name for the page the person came from (`?seite=` of the footer link).
fn place_of(path: &str, ctx: AppContext, language: domain::Language) -> String {
    let text = |id: &str| t_args(language, id, &[]);
    use crate::routes::Page;
    let page = Page::of(path);
    if let Page::Service(key) = page {
        let name = ctx.catalog.with_untracked(|c| {
            c.as_ref()
                .and_then(|c| c.catalog.services.iter().find(|s| s.leika_key == key))
                .map(|s| s.name.get(language).to_string())
        });
        return name.unwrap_or_else(|| text("nav-services"));
    }
    let id = match page {
        Page::Draft => return text("feedback-place-application"),
        Page::Guide => "guides-heading",
        Page::Services => "catalog-heading",
        Page::Settings => "settings-heading",
        Page::Inbox => "inbox-heading",
        Page::Accessibility => "a11y-heading",
        Page::Privacy => "privacy-heading",
        Page::Imprint => "imprint-heading",
        Page::Applications => "applications-heading",
        Page::Service(_) | Page::Feedback | Page::Other => return String::new(),
    };
    text(id)
}

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let query = use_query_map();
    let came_from = query.with_untracked(|q| q.get("seite").unwrap_or_default());
    let draft = expect_context::<ReportDraft>();
    // A report not yet begun takes the page the person came from; one being written keeps its.
    let place = place_of(&came_from, ctx, language.get_untracked());
    if !place.is_empty() && draft.description.with_untracked(|d| d.trim().is_empty()) {
        draft.place.set(place);
    }
    let problems: RwSignal<Vec<ReportProblem>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    let just_sent: RwSignal<Option<String>> = RwSignal::new(None);
    let reports: RwSignal<Option<Vec<AccessibilityReportView>>> = RwSignal::new(None);

    let reload = move || {
        spawn_local(async move {
            let list = call0::<Vec<AccessibilityReportView>>(command::LIST_ACCESSIBILITY_REPORTS)
                .await
                .unwrap_or_default();
            reports.set(Some(list));
        });
    };
    Effect::new(move |_| {
        ctx.changes.track();
        reload();
    });

    // After a failed send the messages next to the fields follow the typing.
    let recheck = move || {
        if !problems.with_untracked(Vec::is_empty) {
            problems.set(draft.report(language.get_untracked()).problems());
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let report = draft.report(language.get_untracked());
        let found = report.problems();
        if !found.is_empty() {
            problems.set(found);
            focus_soon("#feedback-error-summary");
            return;
        }
        problems.set(Vec::new());
        failed.set(None);
        busy.set(true);
        spawn_local(async move {
            let body = SendAccessibilityReport { report };
            let answer =
                request::<_, ReportResponse>(command::SEND_ACCESSIBILITY_REPORT, &body).await;
            busy.set(false);
            match answer {
                Ok(ReportResponse::Queued { report }) => {
                    draft.clear();
                    just_sent.set(Some(report.report_id));
                    reload();
                    focus_soon("#feedback-thanks");
                }
                Ok(ReportResponse::Invalid { problems: found }) => {
                    problems.set(found);
                    focus_soon("#feedback-error-summary");
                }
                Err(error) => {
                    // Nothing was kept: every field stays as typed.
                    failed.set(Some(error.message_id));
                    focus_soon("#feedback-failed");
                }
            }
        });
    };
    let shown = move |field: ReportField| {
        problems.with(|p| {
            p.iter()
                .filter(|p| p.field == field)
                .copied()
                .collect::<Vec<_>>()
        })
    };
    let errors_for = move |field: ReportField| {
        let id = format!("{}-error", field_dom_id(field));
        view! {
            <div id=id class="field-messages">
                {move || shown(field).into_iter().map(|p| view! {
                    <p class="kern-error field-error">
                        <span class="kern-icon kern-icon--danger kern-icon--md" aria-hidden="true"></span>
                        <span class="kern-body">{problem_text(&p, language.get())}</span>
                    </p>
                }).collect_view()}
            </div>
        }
        .into_any()
    };
    let invalid = move |field: ReportField| move || (!shown(field).is_empty()).to_string();
    let text_input = move |field: ReportField,
                           signal: RwSignal<String>,
                           kind: &'static str,
                           autocomplete: &'static str,
                           hint: Option<&'static str>,
                           optional: bool| {
        let id = field_dom_id(field);
        let hint_id = format!("{id}-hint");
        let described = match hint {
            Some(_) => format!("{hint_id} {id}-error"),
            None => format!("{id}-error"),
        };
        view! {
            <div class="kern-form-input" class:kern-form-input--error=move || !shown(field).is_empty()>
                <label class="kern-label" for=id.clone()>{tr(field_label(field))}
                    {optional.then(|| view! { " " <span class="kern-label__optional">{tr("feedback-optional")}</span> })}
                </label>
                {hint.map(|h| view! { <div class="kern-hint" id=hint_id.clone()>{tr(h)}</div> })}
                {errors_for(field)}
                <input id=id class="kern-form-input__input" type=kind autocomplete=autocomplete
                    aria-describedby=described aria-invalid=invalid(field)
                    prop:value=move || signal.get()
                    on:input=move |ev| { signal.set(event_target_value(&ev)); recheck(); }/>
            </div>
        }
        .into_any()
    };

    view! {
        <article class="prose feedback">
            <nav class="breadcrumb" aria-label=tr("service-breadcrumb")>
                <a class="kern-link" href=crate::routes::ACCESSIBILITY>{tr("a11y-heading")}</a>
            </nav>
            <h1 id="feedback-heading" class="kern-heading-large" tabindex="-1">{tr("a11y-feedback-heading")}</h1>
            <p class="kern-body">{tr("feedback-intro")}</p>

            {move || just_sent.get().map(|id| {
                let state = reports.with(|r| r.as_ref().and_then(|r| r.iter().find(|x| x.report_id == id).cloned()));
                view! {
                    <div id="feedback-thanks" class="kern-alert kern-alert--success" role="status" tabindex="-1">
                        <div class="kern-alert__header">
                            <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
                            <h2 class="kern-title">{tr("feedback-thanks-heading")}</h2>
                        </div>
                        <div class="kern-alert__body">
                            <p class="kern-body" id="feedback-thanks-state">{state.map(|r| state_text(&r, language.get()))}</p>
                        </div>
                    </div>
                }
            })}

            {move || failed.get().map(|message_id| view! {
                <div id="feedback-failed" class="kern-alert kern-alert--danger" role="alert" tabindex="-1">
                    <div class="kern-alert__body"><p class="kern-body">{move || t_args(language.get(), &message_id, &[])}</p></div>
                </div>
            })}

            <Show when=move || !problems.with(Vec::is_empty)>
                <div id="feedback-error-summary" class="kern-alert kern-alert--danger error-summary" role="alert" tabindex="-1" aria-labelledby="feedback-error-summary-title">
                    <div class="kern-alert__header">
                        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                        <h2 id="feedback-error-summary-title" class="kern-title">{tr("feedback-error-summary")}</h2>
                    </div>
                    <div class="kern-alert__body">
                        <ul class="error-summary__list">
                            {move || problems.get().into_iter().map(|p| {
                                let target = field_dom_id(p.field);
                                let href = format!("#{target}");
                                view! {
                                    <li><a class="kern-link" href=href on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_id_soon(target.clone());
                                    }>{move || problem_text(&p, language.get())}</a></li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                </div>
            </Show>

            <form id="feedback-form" class="feedback-form" novalidate=true on:submit=on_submit>
                {text_input(ReportField::Place, draft.place, "text", "off", Some("feedback-place-hint"), true)}
                <div class="kern-form-input" class:kern-form-input--error=move || !shown(ReportField::Description).is_empty()>
                    <label class="kern-label" for="feedback-description">{tr("feedback-description-label")}</label>
                    <div class="kern-hint" id="feedback-description-hint">{tr("feedback-description-hint")}</div>
                    {errors_for(ReportField::Description)}
                    <textarea id="feedback-description" class="kern-form-input__input" rows="6" required=true
                        aria-required="true" aria-describedby="feedback-description-hint feedback-description-error"
                        aria-invalid=invalid(ReportField::Description)
                        prop:value=move || draft.description.get()
                        on:input=move |ev| { draft.description.set(event_target_value(&ev)); recheck(); }></textarea>
                </div>
                {text_input(ReportField::AssistiveTechnology, draft.assistive_technology, "text", "off", Some("feedback-assistive-hint"), true)}
                <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id="feedback-wants-reply"
                        prop:checked=move || draft.wants_reply.get()
                        on:change=move |ev| { draft.wants_reply.set(event_target_checked(&ev)); recheck(); }/>
                    <label class="kern-label" for="feedback-wants-reply">{tr("feedback-wants-reply")}</label>
                </div>
                <Show when=move || draft.wants_reply.get()>
                    <fieldset class="kern-fieldset feedback-contact" aria-describedby="feedback-contact-hint">
                        <legend class="kern-label">{tr("feedback-contact-legend")}</legend>
                        <div class="kern-hint" id="feedback-contact-hint">{tr("feedback-contact-hint")}</div>
                        {text_input(ReportField::Name, draft.name, "text", "name", None, true)}
                        {text_input(ReportField::Email, draft.email, "email", "email", None, false)}
                        {text_input(ReportField::Phone, draft.phone, "tel", "tel", None, false)}
                    </fieldset>
                </Show>
                <p class="kern-body kern-body--small">{tr("feedback-privacy")}</p>
                <button id="feedback-send" type="submit" class="kern-btn kern-btn--primary" aria-disabled=move || busy.get().to_string()>
                    <span class="kern-label">{tr("feedback-send")}</span>
                </button>
            </form>
            <p class="kern-body"><a class="kern-link" href="tel:115">{tr("feedback-phone-alternative")}</a></p>

            <h2 class="kern-heading-medium" id="feedback-yours">{tr("feedback-yours-heading")}</h2>
            <Show when=move || reports.with(|r| r.as_ref().is_some_and(|r| !r.is_empty()))
                fallback=move || view! { <p class="kern-body">{tr("feedback-yours-empty")}</p> }>
                <ul id="feedback-reports" class="feedback-reports">
                    <For each=move || reports.get().unwrap_or_default()
                        key=|r| (r.report_id.clone(), r.state, r.reference.clone())
                        children=move |r| {
                            let written = r.written_at.clone();
                            let text = r.clone();
                            view! {
                                <li class="kern-card feedback-report" data-report-id=r.report_id.clone() data-state=format!("{:?}", r.state).to_lowercase()>
                                    <div class="kern-card__container">
                                        <p class="kern-title">{(!r.place.is_empty()).then(|| r.place.clone())}</p>
                                        <p class="kern-body feedback-report__text">{r.description.clone()}</p>
                                        <p class="kern-body kern-body--small">{move || t_args(language.get(), "feedback-written", &[("time", Arg::from(local_time(&written, language.get())))])}</p>
                                        <p class="kern-body feedback-report__state">{move || state_text(&text, language.get())}</p>
                                    </div>
                                </li>
                            }
                        }/>
                </ul>
            </Show>
        </article>
    }
}

/// Where a report is, in plain words.
fn state_text(report: &AccessibilityReportView, language: domain::Language) -> String {
    match (report.state, &report.reference) {
        (ReportState::Sent, Some(reference)) => t_args(
            language,
            "feedback-state-sent",
            &[("reference", Arg::from(reference.clone()))],
        ),
        (ReportState::Refused, _) => t_args(language, "feedback-state-refused", &[]),
        _ => t_args(language, "feedback-state-waiting", &[]),
    }
}
