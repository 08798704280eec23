//! An answer as the person reads it: on the review page, on a sent application's page and in
//! the printout of what was sent. One function for all three (the UI in wasm, the printout on
//! the device), so a date, an amount or a choice reads the same everywhere.
//!
//! The two words that are not data (yes, no) come from the caller's Fluent bundle: the domain
//! holds no UI text.

use crate::catalog::Language;
use crate::format;

use super::model::{Code, Field, FieldKind, FormDefinition, Item};
use super::value::{Answers, FieldPath, Value};
use super::Date;

/// The words a yes/no answer is shown with, in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YesNo {
    pub yes: String,
    pub no: String,
}

/// The answer `value` of `field` as the person reads it (empty for no answer).
pub fn value(
    definition: &FormDefinition,
    field: &Field,
    value: &Value,
    language: Language,
    words: &YesNo,
) -> String {
    match (&field.kind, value) {
        (_, Value::Null) => String::new(),
        (FieldKind::YesNo, Value::Bool(b)) => if *b { &words.yes } else { &words.no }.clone(),
        (FieldKind::Money { .. }, Value::Int(cents)) => format::money(*cents, language),
        (FieldKind::Money { .. }, Value::Text(t)) => t.clone(),
        (FieldKind::Date { .. }, Value::Text(t)) => match Date::parse(t) {
            Some(d) => format::date(d, language),
            None => t.clone(),
        },
        (FieldKind::Choice { codes, .. }, v) => {
            let codes = definition.codes(codes).unwrap_or_default();
            let label = |code: &str| {
                codes
                    .iter()
                    .find(|c: &&Code| c.code == code)
                    .map_or_else(|| code.to_owned(), |c| c.label.get(language).to_string())
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
            let part = |k: &str| r.get(k).and_then(Value::as_text).unwrap_or_default();
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

/// One answer of a submitted application: the question and the answer as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub label: String,
    pub value: String,
}

/// Every given answer in `data`, in form order (each instance of a repeated group in turn).
pub fn answer_rows(
    definition: &FormDefinition,
    data: &Answers,
    language: Language,
    words: &YesNo,
) -> Vec<AnswerRow> {
    let mut out = Vec::new();
    let walker = Walker {
        definition,
        data,
        language,
        words,
    };
    for page in &definition.pages {
        walker.walk(&page.items, &FieldPath::root(), &mut out);
    }
    out
}

struct Walker<'a> {
    definition: &'a FormDefinition,
    data: &'a Answers,
    language: Language,
    words: &'a YesNo,
}

impl Walker<'_> {
    fn walk(&self, items: &[Item], prefix: &FieldPath, out: &mut Vec<AnswerRow>) {
        for item in items {
            match item {
                Item::Field(field) => {
                    let Some(answer) = self.data.get(&prefix.child(&field.id)) else {
                        continue;
                    };
                    if answer.is_empty() {
                        continue;
                    }
                    out.push(AnswerRow {
                        label: field.label.get(self.language).to_string(),
                        value: value(self.definition, field, answer, self.language, self.words),
                    });
                }
                Item::Group(group) => {
                    let path = prefix.child(&group.id);
                    match self.data.get(&path) {
                        Some(Value::List(instances)) => {
                            for i in 0..instances.len() {
                                self.walk(&group.items, &prefix.instance(&group.id, i), out);
                            }
                        }
                        Some(_) => self.walk(&group.items, &path, out),
                        None => {}
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::showcase_definitions;

    pub(super) fn definitions() -> Vec<FormDefinition> {
        showcase_definitions()
            .into_iter()
            .map(|(id, json)| {
                FormDefinition::from_json(json).unwrap_or_else(|e| panic!("{id}: {e}"))
            })
            .collect()
    }

    fn words() -> YesNo {
        YesNo {
            yes: "Ja".into(),
            no: "Nein".into(),
        }
    }

    #[test]
    fn every_kind_of_answer_reads_as_the_person_wrote_it() {
        for definition in definitions() {
            let data = crate::form::synthetic::answers(&definition, 2, 7);
            let rows = answer_rows(&definition, &data, Language::De, &words());
            assert!(!rows.is_empty(), "{}: no rows", definition.id);
            for row in &rows {
                assert!(
                    !row.label.is_empty(),
                    "{}: a row without a label",
                    definition.id
                );
                assert!(
                    !row.value.starts_with('{') && !row.value.starts_with('['),
                    "{}: {} shows raw data {}",
                    definition.id,
                    row.label,
                    row.value
                );
            }
        }
    }
}

#[cfg(test)]
mod formats {
    use super::*;

    /// A yes/no, a date and an amount read in the person's language, not as stored.
    #[test]
    fn yes_no_dates_and_amounts_in_the_language() {
        let words = YesNo {
            yes: "Ja".into(),
            no: "Nein".into(),
        };
        let definitions = super::tests::definitions();
        let fields: Vec<(&FormDefinition, &Field)> = definitions
            .iter()
            .flat_map(|d| d.fields().into_iter().map(move |(_, f)| (d, f)))
            .collect();
        let of = |pick: fn(&FieldKind) -> bool| {
            fields
                .iter()
                .find(|(_, f)| pick(&f.kind))
                .copied()
                .expect("the showcase forms have this kind of field")
        };
        let (d, yes_no) = of(|k| matches!(k, FieldKind::YesNo));
        assert_eq!(
            value(d, yes_no, &Value::Bool(false), Language::De, &words),
            "Nein"
        );
        let (d, date) = of(|k| matches!(k, FieldKind::Date { .. }));
        let day = Value::Text("2026-12-01".into());
        assert_eq!(value(d, date, &day, Language::De, &words), "01.12.2026");
        let (d, money) = of(|k| matches!(k, FieldKind::Money { .. }));
        assert_eq!(
            value(d, money, &Value::Int(3070), Language::De, &words),
            "30,70\u{a0}€"
        );
        assert_eq!(value(d, money, &Value::Null, Language::De, &words), "");
    }
}
