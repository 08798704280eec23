//! The showcase forms load, compile their rules, validate and report progress; every message
//! id they can emit is listed in `MESSAGE_IDS` and has a suggested text in both languages.

// In wasm32 the same cases run under node through wasm-bindgen-test.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use domain::form::{self, Answers, Date, Form, FormDefinition, MESSAGE_IDS};

fn today() -> Date {
    Date::parse("2026-11-26").expect("test date")
}

fn load(id: &str) -> Form {
    let json = form::showcase::showcase_definition(id)
        .unwrap_or_else(|| panic!("showcase form {id} exists"));
    Form::from_json(json).unwrap_or_else(|e| panic!("showcase form {id} compiles: {e}"))
}

#[test]
fn every_showcase_definition_parses_and_compiles() {
    let expected = [
        ("bewohnerparkausweis", "99108001001000"),
        ("wohnsitz-anmeldung", "99115005104000"),
        ("baugenehmigung", "99012008001000"),
        ("hundesteuer", "99102013000000"),
        ("gewerbeanmeldung", "99050012104000"),
    ];
    let all = form::showcase_definitions();
    assert_eq!(all.len(), expected.len(), "five showcase forms");
    for (id, leika) in expected {
        let form = load(id);
        assert_eq!(form.id(), id, "form id matches its file name");
        assert_eq!(
            form.definition().leika_key.as_deref(),
            Some(leika),
            "{id} carries its real LeiKa key"
        );
        let empty = form.evaluate(&Answers::new(), today());
        assert!(
            !empty.is_submittable(),
            "{id}: an empty draft cannot be submitted"
        );
        assert!(empty.progress.required > 0, "{id}: has required answers");
        assert_eq!(empty.progress.answered, 0, "{id}: nothing answered yet");
        for problem in &empty.problems {
            assert!(
                MESSAGE_IDS.contains(&problem.message.as_str()),
                "{id}: {} is listed",
                problem.message
            );
        }
        // Serialising and parsing again gives the same definition.
        let json = serde_json::to_string(form.definition()).expect("serialise");
        let again = FormDefinition::from_json(&json).expect("parse again");
        assert_eq!(&again, form.definition(), "{id} round-trips through JSON");
    }
}

#[test]
fn showcase_labels_are_in_german_and_english() {
    for (id, json) in form::showcase_definitions() {
        let def = FormDefinition::from_json(json).expect("parses");
        for (path, field) in def.fields() {
            assert!(!field.label.de.is_empty(), "{id}.{path} has a German label");
            assert!(
                field.label.en.as_deref().is_some_and(|en| !en.is_empty()),
                "{id}.{path} has an English label"
            );
        }
        for (name, list) in &def.code_lists {
            for code in &list.codes {
                assert!(
                    code.label.en.is_some(),
                    "{id}: code {name}/{} has an English label",
                    code.code
                );
            }
        }
    }
}

#[test]
fn bauantrag_is_large_with_attachments_and_conditional_sections() {
    let form = load("baugenehmigung");
    let fields = form.definition().fields();
    assert!(
        fields.len() >= 150,
        "the Bauantrag has at least 150 fields, has {}",
        fields.len()
    );
    let attachments = fields
        .iter()
        .filter(|(_, f)| matches!(f.kind, form::FieldKind::Attachment { .. }))
        .count();
    assert!(
        attachments >= 8,
        "the Bauantrag asks for several attachments, has {attachments}"
    );
    let conditional_pages = form
        .definition()
        .pages
        .iter()
        .filter(|p| p.show_if.is_some())
        .count();
    assert!(
        conditional_pages >= 4,
        "sections depend on the building type, {conditional_pages} do"
    );

    let mut answers = Answers::new();
    let path = form::FieldPath::parse("vorhaben.gebaeudeart").expect("path");
    answers.set(&path, "wohngebaeude".into());
    let progress = form.progress(&answers, today());
    let visible: Vec<&str> = progress
        .pages
        .iter()
        .filter(|p| p.visible)
        .map(|p| p.id.as_str())
        .collect();
    assert!(
        visible.contains(&"wohnen"),
        "residential page shown for a residential building: {visible:?}"
    );
    assert!(
        !visible.contains(&"gewerbe"),
        "commercial page hidden for a residential building: {visible:?}"
    );
    assert!(
        !visible.contains(&"landwirtschaft"),
        "agriculture page hidden: {visible:?}"
    );
}

#[test]
fn every_message_id_has_suggested_texts_in_both_languages() {
    let ftl = include_str!("../src/form/messages.ftl.txt");
    let (de, en) = ftl.split_once("# en").expect("an `# en` section");
    assert!(de.contains("# de"), "a `# de` section comes first");
    for id in MESSAGE_IDS {
        assert!(
            form::is_message_id(id),
            "{id} is kebab-case with the form- prefix"
        );
        for (lang, section) in [("de", de), ("en", en)] {
            assert!(
                section.lines().any(|l| l.starts_with(&format!("{id} ="))),
                "{id} has a {lang} text"
            );
        }
    }
    let mut sorted = MESSAGE_IDS.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        MESSAGE_IDS.len(),
        "message ids are listed once"
    );
}

#[test]
fn every_check_message_in_the_showcase_is_listed() {
    for (id, json) in form::showcase_definitions() {
        let def = FormDefinition::from_json(json).expect("parses");
        let mut messages = Vec::new();
        fn walk(items: &[form::Item], out: &mut Vec<String>) {
            for item in items {
                match item {
                    form::Item::Field(f) => out.extend(f.checks.iter().map(|c| c.message.clone())),
                    form::Item::Group(g) => {
                        out.extend(g.checks.iter().map(|c| c.message.clone()));
                        walk(&g.items, out);
                    }
                }
            }
        }
        for page in &def.pages {
            walk(&page.items, &mut messages);
        }
        for message in messages {
            assert!(
                MESSAGE_IDS.contains(&message.as_str()),
                "{id}: check message {message} is in MESSAGE_IDS"
            );
        }
    }
}
