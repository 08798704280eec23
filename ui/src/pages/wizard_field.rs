//! One field of the wizard: the input for each kind (text, numbers, money and dates as the
//! person's language writes them, choices, yes/no, attachments), its label, hint and problems.
//! A child of `wizard.rs`, so it works on the wizard's state directly.

use super::*;

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
        // Named one by one (no catch-all), so a new kind must be given its input here.
        FieldKind::Text { .. }
        | FieldKind::MultilineText { .. }
        | FieldKind::Municipality
        | FieldKind::YesNo
        | FieldKind::Choice { .. }
        | FieldKind::Address
        | FieldKind::Attachment { .. }
        | FieldKind::Info { .. } => ("text", None, autocomplete),
    }
}

pub(super) fn render_field(wizard: Wizard, field: domain::form::Field, path: FieldPath) -> AnyView {
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
                        <p class="kern-body"><DataText text=text/></p>
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
                        let shown = code.label.clone();
                        view! {
                            <option value=code.code.clone() selected=move || wizard.text(&value_path) == c
                                lang=move || shown.language_of(language.get()).tag()>
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
                                <label class="kern-label" for=option_id><DataText text=label/></label>
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
        // The kinds a one-line text box serves, named one by one: a new kind fails to
        // compile here until it is given its input, instead of showing as a text box.
        kind @ (FieldKind::Text { .. }
        | FieldKind::Integer { .. }
        | FieldKind::Decimal { .. }
        | FieldKind::Time
        | FieldKind::DateTime
        | FieldKind::Email
        | FieldKind::Phone
        | FieldKind::Iban
        | FieldKind::PostalCode
        | FieldKind::Municipality) => {
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
pub(crate) async fn read_base64(file: &web_sys::File) -> Result<String, wasm_bindgen::JsValue> {
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
