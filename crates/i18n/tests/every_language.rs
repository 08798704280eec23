//! Every text the person reads exists in every language the app offers, and every Leichte
//! Sprache text keeps the rules a machine can check ([`i18n::easy`]): the UI's Fluent files, the
//! featured services, the life situations and their guides, and every showcase form (labels,
//! hints, options, messages).

use domain::Language;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use i18n::sources;
use serde_json::Value;

/// Names that every language writes as German does (a legal form's name).
const NAMES: &[&str] = &["GmbH & Co. KG"];

/// Every object `{"de": ..., ...}` in a JSON document, with its path.
fn texts<'a>(value: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(map) if map.get("de").is_some_and(Value::is_string) => {
            out.push((path, value))
        }
        Value::Object(map) => {
            for (key, child) in map {
                texts(child, format!("{path}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                texts(child, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The data's texts: the seeded catalog's featured services and life situations, and every
/// showcase form, each named by where it comes from.
fn data_texts() -> Vec<(String, Value)> {
    let catalog = catalog_seed::seed_catalog().expect("the seed catalog builds");
    let mut documents: Vec<(String, Value)> = catalog
        .services
        .iter()
        .filter(|s| s.featured)
        .map(|s| {
            let mut doc = serde_json::to_value(s).expect("a service serializes");
            // Authorities and LeiKa names outside the featured texts are German by nature.
            if let Value::Object(map) = &mut doc {
                map.retain(|k, _| {
                    matches!(
                        k.as_str(),
                        "name" | "summary" | "who_can_apply" | "fees" | "duration" | "documents"
                    )
                });
            }
            (format!("service {}", s.leika_key), doc)
        })
        .collect();
    // Life situations: the name, and the guide's intro and steps where there is a guide.
    documents.extend(catalog.life_situations.iter().map(|l| {
        (
            format!("life situation {}", l.id),
            serde_json::to_value(l).expect("serializes"),
        )
    }));
    for (id, json) in domain::form::showcase_definitions() {
        documents.push((
            format!("form {id}"),
            serde_json::from_str(json).expect("a showcase form is JSON"),
        ));
    }
    let mut out = Vec::new();
    for (name, doc) in &documents {
        let mut found = Vec::new();
        texts(doc, String::new(), &mut found);
        out.extend(
            found
                .into_iter()
                .map(|(path, text)| (format!("{name}{path}"), text.clone())),
        );
    }
    out
}

#[test]
fn every_text_of_the_data_is_written_in_every_language() {
    let texts = data_texts();
    assert!(
        texts.len() > 1000,
        "the walk finds the texts: {}",
        texts.len()
    );
    let mut missing = Vec::new();
    for (path, text) in &texts {
        let german = text["de"].as_str().unwrap_or_default();
        for language in Language::ALL.into_iter().filter(|&l| l != Language::De) {
            let translated = text.get(language.code()).and_then(Value::as_str);
            match translated {
                None => missing.push(format!("{path}: no {}", language.code())),
                Some(t) if t.trim().is_empty() => {
                    missing.push(format!("{path}: empty {}", language.code()))
                }
                // A name or code may stay as it is (IBAN, Telefon in Turkish), and Leichte
                // Sprache may keep a German text that is easy already.
                Some(t)
                    if t == german
                        && german.chars().count() > 12
                        && language != Language::DeLs
                        && !NAMES.contains(&german) =>
                {
                    missing.push(format!(
                        "{path}: {} left as the German source",
                        language.code()
                    ))
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} texts lack a translation, first: {:#?}",
        missing.len(),
        &missing[..missing.len().min(20)]
    );
}

#[test]
fn the_data_in_leichte_sprache_keeps_its_rules() {
    let mut broken = Vec::new();
    for (path, text) in data_texts() {
        if let Some(easy) = text.get("de-LS").and_then(Value::as_str) {
            for problem in i18n::easy::problems(easy) {
                broken.push(format!("{path}: {problem:?}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} problems, first: {:#?}",
        broken.len(),
        &broken[..broken.len().min(20)]
    );
}

/// The texts of a pattern: the text around placeables, and each variant of a select on its own.
fn pattern_texts(pattern: &Pattern<&str>, out: &mut Vec<String>) {
    let mut current = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => current.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Select { variants, .. } => {
                    for variant in variants {
                        pattern_texts(&variant.value, out);
                    }
                    current.push('X');
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    current.push_str(value)
                }
                Expression::Inline(_) => current.push('X'),
            },
        }
    }
    out.push(current);
}

#[test]
fn the_ui_in_leichte_sprache_keeps_its_rules() {
    let mut broken = Vec::new();
    let mut messages = 0;
    for source in sources().filter(|s| s.language == Language::DeLs) {
        let resource = parser::parse(source.text).expect("parses (see the unit tests)");
        for entry in resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let mut texts = Vec::new();
            if let Some(value) = &message.value {
                pattern_texts(value, &mut texts);
            }
            for attribute in &message.attributes {
                pattern_texts(&attribute.value, &mut texts);
            }
            messages += 1;
            for text in texts {
                for problem in i18n::easy::problems(&text) {
                    broken.push(format!("{}: {}: {problem:?}", source.file, message.id.name));
                }
            }
        }
    }
    assert!(
        messages > 300,
        "the Leichte Sprache files are embedded: {messages}"
    );
    assert!(broken.is_empty(), "{broken:#?}");
}
