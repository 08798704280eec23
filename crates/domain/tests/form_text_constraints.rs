//! The `pattern` and `latin` constraints of text fields: checked by the engine (so by the UI,
//! the shell and the server alike), reported with message ids, refused when a pattern does
//! not compile.
use domain::form::{Answers, Date, DefinitionError, Form};

fn form(kind: serde_json::Value) -> Result<Form, DefinitionError> {
    let json = serde_json::json!({
        "id": "t", "version": "1", "title": {"de": "T"},
        "pages": [{"id": "p", "title": {"de": "P"}, "items": [
            {"type": "field", "id": "f", "label": {"de": "F"}, "kind": kind}
        ]}]
    });
    Form::from_json(&json.to_string())
}

/// The message ids (with the `char` argument where there is one) for the answer `text`.
fn check(kind: serde_json::Value, text: &str) -> Vec<String> {
    let form = form(kind).expect("the test form is valid");
    let answers: Answers =
        serde_json::from_value(serde_json::json!({ "f": text })).expect("answers");
    let today = Date::parse("2026-01-15").expect("date");
    form.evaluate(&answers, today)
        .problems
        .into_iter()
        .map(|p| match p.args.get("char") {
            Some(arg) => format!("{} {}", p.message, serde_json::json!(arg)),
            None => p.message,
        })
        .collect()
}

#[test]
fn a_pattern_must_match_the_whole_trimmed_answer() {
    let postal = serde_json::json!({"type": "text", "pattern": "[0-9]{5}"});
    let cases: &[(&str, &[&str])] = &[
        ("99084", &[]),
        (" 99084 ", &[]),
        ("990841", &["form-text-pattern"]),
        ("x99084", &["form-text-pattern"]),
        ("9908", &["form-text-pattern"]),
    ];
    for (text, expected) in cases {
        assert_eq!(check(postal.clone(), text), *expected, "answer {text:?}");
    }
    let multiline = serde_json::json!({"type": "multiline_text", "pattern": "\\d+(\\n\\d+)*"});
    assert!(
        check(multiline.clone(), "1\n22").is_empty(),
        "\\d and \\n work"
    );
    assert_eq!(check(multiline, "1\nx"), ["form-text-pattern"]);
}

#[test]
fn a_pattern_that_does_not_compile_refuses_the_definition() {
    for bad in ["[a-z", "(?<", "a{99999999}"] {
        let error = form(serde_json::json!({"type": "text", "pattern": bad})).expect_err("refused");
        assert!(
            matches!(&error, DefinitionError::Element { element, problem, .. }
                if element == "f" && problem.contains("pattern")),
            "{bad:?}: {error}"
        );
    }
}

#[test]
fn latin_text_takes_din_91379_c_and_names_the_first_other_character() {
    let latin = serde_json::json!({"type": "text", "latin": true});
    assert!(check(latin.clone(), "Zoë O'Brien-Łukasiewicz").is_empty());
    assert_eq!(check(latin.clone(), "Иван"), ["form-text-latin \"И\""]);
    assert_eq!(check(latin.clone(), "Anna 😀"), ["form-text-latin \"😀\""]);
    assert_eq!(
        check(latin, "Anna\u{2003}Berg"),
        ["form-text-latin \"U+2003\""],
        "an invisible character is named by its code point"
    );
    let plain = serde_json::json!({"type": "text"});
    assert!(
        check(plain, "Иван").is_empty(),
        "plain text takes any script"
    );
}

#[test]
fn the_new_constraints_survive_json() {
    let json = serde_json::json!({"type": "text", "pattern": "[A-Z]+", "latin": true});
    let kind: domain::form::FieldKind = serde_json::from_value(json.clone()).expect("parses");
    assert_eq!(serde_json::to_value(&kind).expect("serializes"), json);
    let plain: domain::form::FieldKind =
        serde_json::from_value(serde_json::json!({"type": "text"})).expect("parses");
    assert_eq!(
        serde_json::to_value(&plain).expect("serializes"),
        serde_json::json!({"type": "text"}),
        "absent constraints stay absent on the wire"
    );
}
