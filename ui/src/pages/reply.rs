//! Answering the authority (#18): on an application the authority needs something for
//! (ACTION_REQUIRED), the person writes an answer and adds documents; the shell keeps it and
//! the sync engine sends it under their login, exactly once. The page lists the answers with
//! where each stands. And the documents an authority's message carries (a Bescheid), saved
//! and opened in the system's viewer.

use domain::ipc::{command, PrintoutSaved, SubmissionView};
use domain::reply::{
    MessageDocument, MessageDocumentRef, NewReply, NewReplyDocument, ReplyState, ReplyView,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::AppContext;
use crate::focus::{focus_soon, local_time};
use crate::ipc::request;
use crate::l10n::{t_args, tr, use_language};
use i18n::Arg;

/// The form to answer the authority, for an application that waits for an answer.
#[component]
pub fn ReplyToAuthority(submission_id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let text = RwSignal::new(String::new());
    // The picked files (not reactive) and what the list shows of them: name and size.
    let files: StoredValue<Vec<web_sys::File>, LocalStorage> = StoredValue::new_local(Vec::new());
    let picked: RwSignal<Vec<(String, u64)>> = RwSignal::new(Vec::new());
    let keep = move |chosen: Vec<web_sys::File>| {
        picked.set(chosen.iter().map(|f| (f.name(), f.size() as u64)).collect());
        files.set_value(chosen);
    };
    let busy = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let on_pick = move |_| {
        let Some(element) = input.get() else { return };
        let Some(list) = element.files() else { return };
        let mut chosen = files.get_value();
        chosen.extend((0..list.length()).filter_map(|i| list.get(i)));
        element.set_value("");
        keep(chosen);
    };
    let remove = move |index: usize| {
        let mut chosen = files.get_value();
        if index < chosen.len() {
            chosen.remove(index);
        }
        keep(chosen);
    };
    let send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        busy.set(true);
        let submission_id = submission_id.clone();
        spawn_local(async move {
            let mut documents = Vec::new();
            for file in files.get_value() {
                let Ok(content) = crate::pages::wizard::read_base64(&file).await else {
                    busy.set(false);
                    ctx.error.set(Some(domain::ipc::IpcError::new(
                        domain::ipc::ErrorCode::InvalidRequest,
                        "error-file-unreadable",
                    )));
                    return;
                };
                documents.push(NewReplyDocument {
                    file_name: file.name(),
                    media_type: file.type_(),
                    content_base64: content,
                });
            }
            let body = NewReply {
                submission_id,
                text: text.get_untracked(),
                documents,
            };
            match request::<_, SubmissionView>(command::SEND_REPLY, &body).await {
                Ok(_) => {
                    text.set(String::new());
                    keep(Vec::new());
                    ctx.changes.update(|n| *n += 1);
                    focus_soon("#replies-heading");
                }
                Err(error) => ctx.error.set(Some(error)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="reply-form" aria-labelledby="reply-heading">
            <h2 id="reply-heading" class="kern-heading-small">{tr("reply-heading")}</h2>
            <p id="reply-hint" class="kern-body kern-body--small">{tr("reply-hint")}</p>
            <form on:submit=send novalidate=true>
                <div class="kern-form-input">
                    <label class="kern-label" for="reply-text">{tr("reply-text")}</label>
                    <textarea id="reply-text" class="kern-form-input__input" rows="5"
                        maxlength=domain::reply::MAX_TEXT_CHARS.to_string()
                        aria-describedby="reply-hint"
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            if let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                                text.set(area.value());
                            }
                        }></textarea>
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="reply-documents">{tr("reply-documents")}</label>
                    <p id="reply-documents-hint" class="kern-body kern-body--small">
                        {move || t_args(language.get(), "reply-documents-hint", &[
                            ("count", Arg::from(domain::reply::MAX_DOCUMENTS)),
                            ("mb", Arg::from((domain::reply::MAX_DOCUMENT_BYTES / (1024 * 1024)) as usize)),
                        ])}
                    </p>
                    <input node_ref=input id="reply-documents" class="kern-form-input__input attachment-input"
                        type="file" multiple=true accept=domain::reply::ACCEPT
                        aria-describedby="reply-documents-hint" on:change=on_pick/>
                    <ul id="reply-picked" class="kern-list">
                        {move || picked.get().into_iter().enumerate().map(|(i, (name, size))| {
                            let label = name.clone();
                            view! {
                                <li class="kern-body reply-picked">
                                    <span class="attachment-name">{name}" ("{size.div_ceil(1024)}" KB)"</span>" "
                                    <button type="button" class="kern-btn kern-btn--tertiary" on:click=move |_| remove(i)>
                                        <span class="kern-label">{move || t_args(language.get(), "wizard-remove-file", &[("name", Arg::from(label.as_str()))])}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
                <button id="reply-send" type="submit" class="kern-btn kern-btn--primary" disabled=move || busy.get()>
                    <span class="kern-label">{move || if busy.get() { tr("reply-sending")() } else { tr("reply-send")() }}</span>
                </button>
            </form>
        </section>
    }
}

fn state_id(state: &ReplyState) -> &'static str {
    match state {
        ReplyState::Waiting { login_needed: true } => "waiting-login",
        ReplyState::Waiting { .. } => "waiting",
        ReplyState::Sent { .. } => "sent",
        ReplyState::Refused { .. } => "refused",
    }
}

/// The person's answers to the authority, oldest first, each with where it stands.
#[component]
pub fn ReplyList(replies: Vec<ReplyView>) -> impl IntoView {
    let language = use_language();
    view! {
        <section class="replies" aria-labelledby="replies-heading">
            <h2 id="replies-heading" class="kern-heading-small" tabindex="-1">{tr("replies-heading")}</h2>
            <ul id="replies" class="timeline-messages">
                {replies.into_iter().map(|reply| {
                    let written = reply.written_at.clone();
                    let state = reply.state.clone();
                    let says = move || match &state {
                        ReplyState::Waiting { login_needed: true } => tr("reply-state-waiting-login")(),
                        ReplyState::Waiting { .. } => tr("reply-state-waiting")(),
                        ReplyState::Sent { at } => t_args(language.get(), "reply-state-sent", &[("at", Arg::from(local_time(at, language.get()).as_str()))]),
                        ReplyState::Refused { message_id } => t_args(language.get(), message_id, &[]),
                    };
                    view! {
                        <li class="kern-card timeline-message reply" data-state=state_id(&reply.state)>
                            <div class="kern-card__container">
                                <p class="kern-body kern-body--small"><bdi>{move || local_time(&written, language.get())}</bdi></p>
                                {(!reply.text.is_empty()).then(|| view! { <p class="kern-body inbox-body">{reply.text.clone()}</p> })}
                                {(!reply.documents.is_empty()).then(|| view! {
                                    <ul class="kern-list">
                                        {reply.documents.iter().map(|d| view! { <li class="kern-body"><bdi>{d.clone()}</bdi></li> }).collect_view()}
                                    </ul>
                                })}
                                <p class="kern-body kern-body--bold reply__state" role="status">{says}</p>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The documents an authority's message carries: each saved where the person finds their
/// files, then opened in the system's viewer on request.
#[component]
pub fn MessageDocuments(message_id: String, documents: Vec<MessageDocument>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    view! {
        <ul class="kern-list message-documents">
            {documents.into_iter().map(|document| {
                let saved: RwSignal<Option<String>> = RwSignal::new(None);
                let body = MessageDocumentRef {
                    message_id: message_id.clone(),
                    document_id: document.document_id.clone(),
                };
                let kept = document.kept;
                let save = {
                    let body = body.clone();
                    move |_| {
                        let body = body.clone();
                        spawn_local(async move {
                            match request::<_, PrintoutSaved>(command::SAVE_MESSAGE_DOCUMENT, &body).await {
                                Ok(done) => saved.set(Some(done.path)),
                                Err(error) => ctx.error.set(Some(error)),
                            }
                        });
                    }
                };
                let open = move |_| {
                    let body = body.clone();
                    spawn_local(async move {
                        if let Err(error) = request::<_, ()>(command::OPEN_MESSAGE_DOCUMENT, &body).await {
                            ctx.error.set(Some(error));
                        }
                    });
                };
                let name = document.name.clone();
                view! {
                    <li class="kern-body message-document" data-document-id=document.document_id.clone() data-kept=kept.to_string()>
                        <bdi class="attachment-name">{document.name.clone()}</bdi>" ("{document.size.div_ceil(1024)}" KB) "
                        {if kept {
                            let name = name.clone();
                            view! {
                                <button type="button" class="kern-btn kern-btn--secondary message-document__save" on:click=save>
                                    <span class="kern-label">{tr("message-document-save")}</span>
                                    <span class="kern-sr-only">" "{name}</span>
                                </button>
                            }.into_any()
                        } else {
                            view! { <span class="kern-body kern-body--small">{tr("message-document-coming")}</span> }.into_any()
                        }}
                        {move || saved.get().map(|path| {
                            let open = open.clone();
                            view! {
                                <p class="kern-body kern-body--small message-document__saved" role="status" data-path=path.clone()>
                                    {tr("printout-saved")}" "<bdi dir="ltr" class="printout__path">{path.clone()}</bdi>
                                </p>
                                <button type="button" class="kern-btn kern-btn--tertiary message-document__open" on:click=open>
                                    <span class="kern-label">{tr("message-document-open")}</span>
                                </button>
                            }
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
