//! Validation per field kind and per rule, data-driven: each area has one `check` helper that
//! is the only place calling the engine, and each case is one line.

// In wasm32 the same cases run under node through wasm-bindgen-test.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use domain::form::{
    migrate_draft, Answers, Date, Form, FormDefinition, ReviewReason, Severity, Value,
};
use serde_json::json;

fn today() -> Date {
    Date::parse("2026-11-26").expect("test date")
}

/// A form with one page holding `items` (JSON), plus a named code list `farben`.
fn form(items: serde_json::Value) -> Form {
    let def = json!({
        "id": "test", "version": "1", "title": {"de": "Test"},
        "code_lists": {"farben": {"codes": [
            {"code": "rot", "label": {"de": "rot"}}, {"code": "gruen", "label": {"de": "grün"}},
            {"code": "blau", "label": {"de": "blau"}}]}},
        "pages": [{"id": "p", "title": {"de": "Seite"}, "items": items}]
    });
    Form::from_json(&def.to_string()).unwrap_or_else(|e| panic!("test form compiles: {e}"))
}

fn answers(value: serde_json::Value) -> Answers {
    serde_json::from_value(value).expect("answers parse")
}

/// Messages (as `path:message`) for one field of `kind` answered with `value`.
fn check(kind: serde_json::Value, value: serde_json::Value, expected: &[&str]) {
    let form = form(
        json!([{"type": "field", "id": "x", "label": {"de": "X"}, "kind": kind, "required": true}]),
    );
    let problems = form.validate(&answers(json!({ "x": value })), today());
    let got: Vec<String> = problems
        .iter()
        .map(|p| format!("{}:{}", p.path, p.message))
        .collect();
    assert_eq!(got, expected, "kind {kind} with answer {value}");
}

#[test]
fn required_and_empty() {
    let text = json!({"type": "text"});
    check(text.clone(), json!(null), &["x:form-field-required"]);
    check(text.clone(), json!("   "), &["x:form-field-required"]);
    check(json!({"type": "yes_no"}), json!(false), &[]);
    check(
        json!({"type": "choice", "codes": "farben", "multiple": true}),
        json!([]),
        &["x:form-field-required"],
    );
}

#[test]
fn text_kinds() {
    let text = json!({"type": "text", "min_length": 2, "max_length": 5});
    check(text.clone(), json!("ab"), &[]);
    check(text.clone(), json!("a"), &["x:form-text-too-short"]);
    check(text.clone(), json!("abcdef"), &["x:form-text-too-long"]);
    check(text.clone(), json!("a\nb"), &["x:form-text-single-line"]);
    check(text.clone(), json!(12), &["x:form-type-mismatch"]);
    check(json!({"type": "text", "max_length": 3}), json!("äöü"), &[]);
    check(
        json!({"type": "multiline_text", "max_length": 20}),
        json!("Zeile 1\nZeile 2"),
        &[],
    );
    // Patterns (the regex crate) and DIN 91379 Latin text, in wasm as natively.
    let postal = json!({"type": "text", "pattern": "\\d{5}"});
    check(postal.clone(), json!("99084"), &[]);
    check(postal, json!("9908a"), &["x:form-text-pattern"]);
    let latin = json!({"type": "text", "latin": true});
    check(latin.clone(), json!("Zoë Łukasiewicz-O'Brien"), &[]);
    check(latin, json!("Иван"), &["x:form-text-latin"]);
}

#[test]
fn number_kinds() {
    let int = json!({"type": "integer", "min": 0, "max": 10});
    check(int.clone(), json!(5), &[]);
    check(int.clone(), json!("7"), &[]);
    check(int.clone(), json!(-1), &["x:form-number-too-small"]);
    check(int.clone(), json!(11), &["x:form-number-too-large"]);
    check(int.clone(), json!("2,5"), &["x:form-number-not-integer"]);
    check(int.clone(), json!("zwei"), &["x:form-number-invalid"]);
    let dec = json!({"type": "decimal", "min": "0.5", "max": 100, "scale": 2});
    check(dec.clone(), json!("12,25"), &[]);
    check(dec.clone(), json!(12.5), &[]);
    check(dec.clone(), json!("0.1"), &["x:form-number-too-small"]);
    check(
        dec.clone(),
        json!("1.234"),
        &["x:form-number-too-many-decimals"],
    );
    check(dec.clone(), json!("100.01"), &["x:form-number-too-large"]);
    let money = json!({"type": "money", "min_cents": 100, "max_cents": 100000});
    check(money.clone(), json!(3070), &[]);
    check(money.clone(), json!(99), &["x:form-money-too-small"]);
    check(money.clone(), json!(100001), &["x:form-money-too-large"]);
    check(money.clone(), json!("30,70"), &["x:form-money-invalid"]);
}

#[test]
fn date_kind_with_relative_bounds() {
    let not_past = json!({"type": "date", "min": "today"});
    check(not_past.clone(), json!("2026-11-26"), &[]);
    check(
        not_past.clone(),
        json!("2026-11-25"),
        &["x:form-date-in-past"],
    );
    let recent = json!({"type": "date", "min": "today-6m", "max": "today"});
    check(recent.clone(), json!("2026-05-26"), &[]);
    check(
        recent.clone(),
        json!("2026-05-25"),
        &["x:form-date-too-early"],
    );
    check(
        recent.clone(),
        json!("2026-11-27"),
        &["x:form-date-in-future"],
    );
    check(
        json!({"type": "date", "max": "2020-12-31"}),
        json!("2021-01-01"),
        &["x:form-date-too-late"],
    );
    check(
        recent.clone(),
        json!("26.11.2026"),
        &["x:form-date-invalid"],
    );
    check(
        recent.clone(),
        json!("2026-02-30"),
        &["x:form-date-invalid"],
    );
}

#[test]
fn time_kinds() {
    check(json!({"type": "time"}), json!("08:30"), &[]);
    check(
        json!({"type": "time"}),
        json!("8.30 Uhr"),
        &["x:form-time-invalid"],
    );
    check(json!({"type": "datetime"}), json!("2026-11-26T08:30"), &[]);
    check(
        json!({"type": "datetime"}),
        json!("2026-11-26 08:30"),
        &["x:form-datetime-invalid"],
    );
}

#[test]
fn choice_kinds() {
    let one = json!({"type": "choice", "codes": "farben"});
    check(one.clone(), json!("rot"), &[]);
    check(one.clone(), json!("lila"), &["x:form-choice-unknown"]);
    check(one.clone(), json!(["rot"]), &["x:form-type-mismatch"]);
    let inline = json!({"type": "choice", "codes": [{"code": "J", "label": {"de": "ja"}}]});
    check(inline, json!("J"), &[]);
    let many = json!({"type": "choice", "codes": "farben", "multiple": true, "min_selected": 2, "max_selected": 2});
    check(many.clone(), json!(["rot", "blau"]), &[]);
    check(many.clone(), json!(["rot"]), &["x:form-choice-too-few"]);
    check(
        many.clone(),
        json!(["rot", "blau", "gruen"]),
        &["x:form-choice-too-many"],
    );
    check(
        many.clone(),
        json!(["rot", "lila", "blau"]),
        &["x.1:form-choice-unknown"],
    );
}

#[test]
fn format_kinds() {
    check(json!({"type": "email"}), json!("buerger@erfurt.de"), &[]);
    check(
        json!({"type": "email"}),
        json!("buerger(at)erfurt.de"),
        &["x:form-email-invalid"],
    );
    check(json!({"type": "phone"}), json!("+49 361 655-0"), &[]);
    check(
        json!({"type": "phone"}),
        json!("ruf mich an"),
        &["x:form-phone-invalid"],
    );
    check(
        json!({"type": "iban"}),
        json!("DE89 3704 0044 0532 0130 00"),
        &[],
    );
    check(
        json!({"type": "iban"}),
        json!("DE89 3704 0044 0532 0130 01"),
        &["x:form-iban-checksum"],
    );
    check(
        json!({"type": "iban"}),
        json!("DE89"),
        &["x:form-iban-invalid"],
    );
    check(json!({"type": "postal_code"}), json!("99084"), &[]);
    check(
        json!({"type": "postal_code"}),
        json!("9908"),
        &["x:form-postal-code-invalid"],
    );
    check(json!({"type": "municipality"}), json!("160510000000"), &[]);
    check(
        json!({"type": "municipality"}),
        json!("16051000"),
        &["x:form-municipality-invalid"],
    );
}

#[test]
fn address_kind() {
    let address = json!({"type": "address"});
    check(
        address.clone(),
        json!({"strasse": "Anger", "hausnummer": "1", "plz": "99084", "ort": "Erfurt"}),
        &[],
    );
    check(
        address.clone(),
        json!({"strasse": "Anger", "plz": "9908", "ort": "Erfurt"}),
        &[
            "x.hausnummer:form-field-required",
            "x.plz:form-postal-code-invalid",
        ],
    );
    check(
        address.clone(),
        json!({"strasse": "Rue", "hausnummer": "1", "plz": "75001 A", "ort": "Paris", "staat": "FR"}),
        &[],
    );
    check(
        address.clone(),
        json!("Anger 1, Erfurt"),
        &["x:form-type-mismatch"],
    );
}

#[test]
fn attachment_kind() {
    let kind = json!({"type": "attachment", "accept": ["application/pdf", "image/*"], "max_bytes": 1000, "min_count": 1, "max_count": 2});
    let pdf = json!({"id": "a", "name": "plan.pdf", "media_type": "application/pdf", "size": 900});
    let png = json!({"id": "b", "name": "foto.png", "media_type": "image/png", "size": 10});
    let exe = json!({"id": "c", "name": "virus.exe", "media_type": "application/x-msdownload", "size": 10});
    let big =
        json!({"id": "d", "name": "gross.pdf", "media_type": "application/pdf", "size": 1001});
    check(kind.clone(), json!([pdf, png]), &[]);
    check(kind.clone(), json!([exe]), &["x.0:form-attachment-type"]);
    check(
        kind.clone(),
        json!([big]),
        &["x.0:form-attachment-too-large"],
    );
    check(
        kind.clone(),
        json!([pdf, png, pdf]),
        &["x:form-attachment-too-many"],
    );
    check(
        kind.clone(),
        json!([{"name": "ohne-groesse.pdf", "media_type": "application/pdf"}]),
        &["x.0:form-type-mismatch"],
    );
}

/// Messages (as `path:message:severity`) for a form of `items` and `answers`.
fn check_rules(items: serde_json::Value, given: serde_json::Value, expected: &[&str]) {
    let form = form(items.clone());
    let problems = form.validate(&answers(given.clone()), today());
    let got: Vec<String> = problems
        .iter()
        .map(|p| {
            let severity = if p.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            format!("{}:{}:{severity}", p.path, p.message)
        })
        .collect();
    assert_eq!(got, expected, "answers {given}");
}

#[test]
fn show_if_hides_and_hidden_fields_are_not_validated() {
    let items = json!([
        {"type": "field", "id": "hund", "label": {"de": "Hund?"}, "kind": {"type": "yes_no"}, "required": true},
        {"type": "field", "id": "name", "label": {"de": "Name"}, "kind": {"type": "text", "max_length": 3}, "required": true, "show_if": "hund == true"}
    ]);
    check_rules(
        items.clone(),
        json!({"hund": true}),
        &["name:form-field-required:error"],
    );
    check_rules(
        items.clone(),
        json!({"hund": false, "name": "viel zu lang"}),
        &[],
    );
    let form = form(items);
    let draft = answers(json!({"hund": false, "name": "Bello"}));
    let evaluation = form.evaluate(&draft, today());
    assert_eq!(
        evaluation.hidden.len(),
        1,
        "the name is hidden: {:?}",
        evaluation.hidden
    );
    let submitted = form.submission(&draft, today()).expect("submittable");
    assert_eq!(
        submitted.0.get("name"),
        None,
        "hidden answers are not submitted"
    );
    assert_eq!(
        submitted.0.get("hund"),
        Some(&Value::Bool(false)),
        "visible answers are"
    );
}

#[test]
fn required_if_and_cross_field_checks() {
    let items = json!([
        {"type": "field", "id": "beginn", "label": {"de": "Beginn"}, "kind": {"type": "date"}, "required": true},
        {"type": "field", "id": "ende", "label": {"de": "Ende"}, "kind": {"type": "date"}, "required_if": "filled(beginn)",
         "checks": [{"id": "R1", "rule": "ende >= beginn", "message": "form-end-before-start"}]},
        {"type": "field", "id": "einzug", "label": {"de": "Einzug"}, "kind": {"type": "date"},
         "checks": [{"id": "R2", "rule": "einzug <= today()", "message": "form-date-in-future", "severity": "warning"}]}
    ]);
    check_rules(
        items.clone(),
        json!({}),
        &["beginn:form-field-required:error"],
    );
    check_rules(
        items.clone(),
        json!({"beginn": "2026-01-10"}),
        &["ende:form-field-required:error"],
    );
    check_rules(
        items.clone(),
        json!({"beginn": "2026-01-10", "ende": "2026-01-09"}),
        &["ende:form-end-before-start:error"],
    );
    check_rules(
        items.clone(),
        json!({"beginn": "2026-01-10", "ende": "2026-01-10", "einzug": "2026-11-27"}),
        &["einzug:form-date-in-future:warning"],
    );
}

#[test]
fn repeat_groups_with_min_max_aggregates_and_computed_values() {
    let items = json!([
        {"type": "group", "id": "personen", "label": {"de": "Person"}, "repeat": {"min": 1, "max": 2}, "items": [
            {"type": "field", "id": "name", "label": {"de": "Name"}, "kind": {"type": "text"}, "required": true},
            {"type": "field", "id": "geburt", "label": {"de": "Geburt"}, "kind": {"type": "date"},
             "checks": [{"id": "R1", "rule": "age(geburt) >= 18", "message": "form-person-too-young", "args": {"min_age": "18"}}]}
        ]},
        {"type": "field", "id": "anzahl", "label": {"de": "Anzahl"}, "kind": {"type": "integer"}, "compute": "count(personen)"},
        {"type": "field", "id": "gebuehr", "label": {"de": "Gebühr"}, "kind": {"type": "money"}, "compute": "anzahl * 12.50"}
    ]);
    check_rules(
        items.clone(),
        json!({}),
        &["personen:form-repeat-too-few:error"],
    );
    check_rules(
        items.clone(),
        json!({"personen": [{"name": "A"}, {}, {"name": "C"}]}),
        &[
            "personen:form-repeat-too-many:error",
            "personen[1].name:form-field-required:error",
        ],
    );
    check_rules(
        items.clone(),
        json!({"personen": [{"name": "A", "geburt": "2010-01-01"}]}),
        &["personen[0].geburt:form-person-too-young:error"],
    );
    let form = form(items);
    let draft = answers(json!({"personen": [{"name": "A"}, {"name": "B"}]}));
    let evaluation = form.evaluate(&draft, today());
    let computed: Vec<String> = evaluation
        .computed
        .iter()
        .map(|(p, v)| format!("{p}={v:?}"))
        .collect();
    assert_eq!(
        computed,
        ["anzahl=Int(2)", "gebuehr=Int(2500)"],
        "computed in dependency order"
    );
    let problem = form.validate(
        &answers(json!({"personen": [{"name": "A", "geburt": "2010-01-01"}]})),
        today(),
    );
    assert_eq!(
        problem.first().and_then(|p| p.args.get("min_age")).cloned(),
        Some(domain::form::Arg::Int(18)),
        "check arguments are evaluated"
    );
}

#[test]
fn optional_groups_bind_only_once_started() {
    let items = json!([{"type": "group", "id": "vertreter", "label": {"de": "Vertreter"}, "optional": true, "items": [
        {"type": "field", "id": "name", "label": {"de": "Name"}, "kind": {"type": "text"}, "required": true},
        {"type": "field", "id": "ort", "label": {"de": "Ort"}, "kind": {"type": "text"}, "required": true}
    ]}]);
    check_rules(items.clone(), json!({}), &[]);
    check_rules(
        items.clone(),
        json!({"vertreter": {"name": "X"}}),
        &["vertreter.ort:form-field-required:error"],
    );
}

#[test]
fn progress_counts_required_answers_per_page() {
    let def = json!({"id": "t", "version": "1", "title": {"de": "T"}, "pages": [
        {"id": "a", "title": {"de": "A"}, "items": [
            {"type": "field", "id": "x", "label": {"de": "X"}, "kind": {"type": "text"}, "required": true},
            {"type": "field", "id": "y", "label": {"de": "Y"}, "kind": {"type": "text"}, "required": true}]},
        {"id": "b", "title": {"de": "B"}, "show_if": "x == 'b'", "items": [
            {"type": "field", "id": "z", "label": {"de": "Z"}, "kind": {"type": "text"}, "required": true}]}
    ]});
    let form = Form::from_json(&def.to_string()).expect("compiles");
    let progress = form.progress(&answers(json!({"x": "a"})), today());
    assert_eq!(
        (progress.required, progress.answered),
        (2, 1),
        "page b is hidden, one of two answered"
    );
    assert_eq!(
        progress
            .missing
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["y"],
        "y is missing"
    );
    assert_eq!(
        (progress.pages_visible(), progress.pages_done()),
        (1, 0),
        "one visible page, not done"
    );
    let progress = form.progress(&answers(json!({"x": "b", "y": "1", "z": "2"})), today());
    assert_eq!(
        (progress.pages_visible(), progress.pages_done()),
        (2, 2),
        "both pages done"
    );
}

/// The definition error (as text) for a form of `items`.
fn check_definition_error(items: serde_json::Value, expected: &str) {
    let def = json!({"id": "kaputt", "version": "1", "title": {"de": "K"}, "pages": [{"id": "p", "title": {"de": "P"}, "items": items}]});
    match Form::from_json(&def.to_string()) {
        Ok(_) => panic!("{items} must be refused"),
        Err(e) => assert_eq!(e.to_string(), expected, "error for {items}"),
    }
}

#[test]
fn invalid_definitions_name_form_element_and_position() {
    let text = json!({"type": "text"});
    check_definition_error(
        json!([{"type": "field", "id": "a", "label": {"de": "A"}, "kind": text, "show_if": "b == 1"}]),
        "form `kaputt`, element `a`, show_if at column 1: no element `b` is in reach (in `b == 1`)",
    );
    check_definition_error(
        json!([{"type": "field", "id": "a", "label": {"de": "A"}, "kind": text, "required_if": "a = 1"}]),
        "form `kaputt`, element `a`, required_if at column 3: use `==` to compare (in `a = 1`)",
    );
    check_definition_error(
        json!([{"type": "field", "id": "a", "label": {"de": "A"}, "kind": text}, {"type": "field", "id": "a", "label": {"de": "A"}, "kind": text}]),
        "form `kaputt`, element `a`: the id is used twice in the same group",
    );
    check_definition_error(
        json!([{"type": "field", "id": "a", "label": {"de": "A"}, "kind": {"type": "choice", "codes": "fehlt"}}]),
        "form `kaputt`, element `a`: the field's code list is not defined in `code_lists`",
    );
    check_definition_error(
        json!([
        {"type": "field", "id": "a", "label": {"de": "A"}, "kind": {"type": "integer"}, "compute": "b + 1"},
        {"type": "field", "id": "b", "label": {"de": "B"}, "kind": {"type": "integer"}, "compute": "a + 1"}]),
        "form `kaputt`, element `a`: computed values depend on each other in a cycle",
    );
    check_definition_error(json!([{"type": "field", "id": "a", "label": {"de": "A"}, "kind": text,
        "checks": [{"id": "R", "rule": "true", "message": "Bitte prüfen"}]}]),
        "form `kaputt`, element `a`: check `R`: message id `Bitte prüfen` must be kebab-case and start with `form-`");
}

/// The migrated answers and review items for a draft moved from `old` to `new` items.
fn check_migration(
    old: serde_json::Value,
    new: serde_json::Value,
    draft: serde_json::Value,
    carried: serde_json::Value,
    review: &[(&str, ReviewReason)],
) {
    let def = |items: &serde_json::Value| -> FormDefinition {
        serde_json::from_value(json!({"id": "m", "version": "1", "title": {"de": "M"},
            "code_lists": {"l": {"codes": [{"code": "a", "label": {"de": "a"}}]}},
            "pages": [{"id": "p", "title": {"de": "P"}, "items": items}]}))
        .expect("definition")
    };
    let migration = migrate_draft(&def(&old), &def(&new), &answers(draft.clone()));
    assert_eq!(
        serde_json::to_value(&migration.answers).expect("json"),
        carried,
        "carried answers of {draft}"
    );
    let got: Vec<(String, ReviewReason)> = migration
        .review
        .iter()
        .map(|r| (r.path.to_string(), r.reason))
        .collect();
    let expected: Vec<(String, ReviewReason)> =
        review.iter().map(|(p, r)| (p.to_string(), *r)).collect();
    assert_eq!(got, expected, "review items of {draft}");
}

#[test]
fn drafts_migrate_by_id_and_data_type() {
    let f = |id: &str, kind: serde_json::Value| json!({"type": "field", "id": id, "label": {"de": id}, "kind": kind});
    let old = json!([f("name", json!({"type": "text"})), f("alter", json!({"type": "text"})), f("weg", json!({"type": "text"})), f("farbe", json!({"type": "text"})),
        {"type": "group", "id": "kinder", "label": {"de": "K"}, "repeat": {"max": 5}, "items": [f("vorname", json!({"type": "text"}))]}]);
    let new = json!([f("name", json!({"type": "text", "max_length": 3})), f("alter", json!({"type": "integer"})), f("farbe", json!({"type": "choice", "codes": "l"})),
        {"type": "group", "id": "kinder", "label": {"de": "K"}, "repeat": {"max": 5}, "items": [f("vorname", json!({"type": "email"}))]}]);
    let draft = json!({"name": "Anna", "alter": "12", "weg": "x", "farbe": "b", "kinder": [{"vorname": "Ida"}]});
    check_migration(
        old,
        new,
        draft,
        json!({"name": "Anna", "kinder": [{"vorname": "Ida"}]}),
        &[
            ("alter", ReviewReason::TypeChanged),
            ("farbe", ReviewReason::TypeChanged),
            ("weg", ReviewReason::Removed),
        ],
    );
}

#[test]
fn drafts_flag_codes_that_left_the_list_and_groups_that_changed_shape() {
    let f = |id: &str, kind: serde_json::Value| json!({"type": "field", "id": id, "label": {"de": id}, "kind": kind});
    let choice = json!({"type": "choice", "codes": "l"});
    let group = |repeat: bool| {
        let mut g = json!({"type": "group", "id": "adresse", "label": {"de": "A"}, "items": [f("ort", json!({"type": "text"}))]});
        if repeat {
            g["repeat"] = json!({"max": 3});
        }
        g
    };
    check_migration(
        json!([
            f("farbe", choice.clone()),
            f("farbe2", choice.clone()),
            group(false)
        ]),
        json!([f("farbe", choice.clone()), f("farbe2", choice), group(true)]),
        json!({"farbe": "a", "farbe2": "b", "adresse": {"ort": "Jena"}}),
        json!({"farbe": "a"}),
        &[
            ("adresse", ReviewReason::TypeChanged),
            ("farbe2", ReviewReason::CodeRemoved),
        ],
    );
}

#[test]
fn forms_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Form>();
    shareable::<domain::form::Evaluation>();
}

#[test]
fn rules_with_type_errors_are_refused_with_their_column() {
    let field = |id: &str, kind: serde_json::Value, property: &str, rule: &str| {
        let mut f = json!({"type": "field", "id": id, "label": {"de": id}, "kind": kind});
        f[property] = json!(rule);
        f
    };
    let int = json!({"type": "integer"});
    let date = json!({"type": "date"});
    let personen = json!({"type": "group", "id": "personen", "label": {"de": "P"}, "repeat": {"max": 3},
        "items": [{"type": "field", "id": "name", "label": {"de": "N"}, "kind": {"type": "text"}}]});
    let cases = [
        (field("a", int.clone(), "show_if", "a + 1"), "show_if at column 1: a condition must be true or false, not a number (in `a + 1`)"),
        (field("d", date.clone(), "required_if", "d > 3"), "required_if at column 3: cannot compare a date with a number (in `d > 3`)"),
        (field("d", date.clone(), "compute", "today() + 1"), "compute at column 9: dates cannot be calculated with; use add_days, add_months or days_between (in `today() + 1`)"),
        (field("m", json!({"type": "money"}), "compute", "'zehn'"), "compute at column 1: the computed value is a text, which a field of data type `num_currency` cannot hold (in `'zehn'`)"),
        (field("z", int.clone(), "show_if", "personen.name == 'Ida'"),
         "show_if at column 15: `==` needs a single value, not a list (one value per repeat instance, selection or file); use count, sum, min, max, any, all or contains (in `personen.name == 'Ida'`)"),
        (field("z", int, "show_if", "contains(personen.name, 3)"), "show_if at column 1: a list (one value per repeat instance, selection or file) cannot contain a number (in `contains(personen.name, 3)`)"),
    ];
    for (item, expected) in cases {
        let id = item["id"].as_str().unwrap_or_default().to_owned();
        check_definition_error(
            json!([personen.clone(), item]),
            &format!("form `kaputt`, element `{id}`, {expected}"),
        );
    }
    // Aggregates over the same values are fine.
    let ok = json!({"id": "ok", "version": "1", "title": {"de": "OK"}, "pages": [{"id": "p", "title": {"de": "P"}, "items": [personen,
        {"type": "field", "id": "z", "label": {"de": "Z"}, "kind": {"type": "integer"}, "show_if": "count(personen.name) > 1 and contains(personen.name, 'Ida')"}]}]});
    assert!(
        Form::from_json(&ok.to_string()).is_ok(),
        "aggregates over a repeat group type-check"
    );
}
