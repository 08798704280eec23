//! Synthetic form definitions and answers of any size, for benchmarks, property tests and
//! fuzzing. Deterministic: the same arguments give the same definition and answers (a
//! seeded linear congruential generator, no randomness from outside).

use std::collections::BTreeMap;

use super::model::{
    Check, Code, CodeList, Codes, Feldart, Field, FieldKind, FormDefinition, Group, Item, Page,
    Prefill, Repeat, Severity, FORMAT_VERSION,
};
use super::value::{Answers, Record, Value};
use super::{DateBound, Num};
use crate::catalog::Localized;

/// Fields per page of the root scope.
const PAGE_SIZE: usize = 25;
/// Fields per repeat group.
const GROUP_SIZE: usize = 10;

/// A small deterministic generator (Knuth's MMIX LCG).
#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    /// A number below `n` (0 for n = 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
}

fn label(i: usize) -> Localized {
    Localized::new(format!("Feld {i}"), format!("Field {i}"))
}

fn kind_for(i: usize) -> FieldKind {
    match i % 14 {
        0 => FieldKind::YesNo,
        1 => FieldKind::Text {
            min_length: Some(2),
            max_length: Some(80),
            pattern: None,
            latin: false,
        },
        2 => FieldKind::Integer {
            min: Some(0),
            max: Some(1000),
            unit: None,
        },
        3 => FieldKind::Decimal {
            min: Some(Num::ZERO),
            max: None,
            scale: Some(2),
            unit: Some("m²".into()),
        },
        4 => FieldKind::Money {
            min_cents: Some(0),
            max_cents: Some(10_000_000),
        },
        5 => FieldKind::Date {
            min: DateBound::parse("today-100y"),
            max: DateBound::parse("today"),
        },
        6 => FieldKind::Choice {
            codes: Codes::Named("liste".into()),
            multiple: false,
            min_selected: None,
            max_selected: None,
        },
        7 => FieldKind::Choice {
            codes: Codes::Named("liste".into()),
            multiple: true,
            min_selected: Some(1),
            max_selected: Some(3),
        },
        8 => FieldKind::Email,
        9 => FieldKind::Phone,
        10 => FieldKind::Iban,
        11 => FieldKind::PostalCode,
        12 => FieldKind::MultilineText {
            min_length: None,
            max_length: Some(2000),
            pattern: None,
            latin: false,
        },
        _ => FieldKind::Address,
    }
}

/// Field `i` of a scope whose fields are named `f{j}`; rules refer to earlier fields.
fn field(i: usize, ids: &str) -> Field {
    let kind = kind_for(i);
    let id = format!("{ids}{i}");
    let flag = i - i % 14; // the yes/no field of this block of 14
    let mut field = Field {
        id,
        fim: None,
        label: label(i),
        hint: None,
        kind,
        required: i.is_multiple_of(3),
        required_if: None,
        show_if: None,
        compute: None,
        checks: Vec::new(),
        feldart: Feldart::Input,
        prefill: Prefill::None,
    };
    if !i.is_multiple_of(14) && i.is_multiple_of(5) {
        field.show_if = Some(format!("{ids}{flag} == true"));
    }
    if i % 7 == 1 && i > 14 {
        field.required_if = Some(format!("{ids}{flag} != false and filled({ids}{})", i - 13));
    }
    if i % 14 == 2 && i > 14 {
        // an integer compared with the integer of the previous block
        field.checks.push(Check {
            id: format!("R{i}"),
            rule: format!("{ids}{i} >= value_or({ids}{}, 0) - 500", i - 14),
            message: "form-synthetic-check".into(),
            severity: Severity::Warning,
            args: BTreeMap::from([("other".to_owned(), format!("{ids}{}", i - 14))]),
        });
    }
    if i % 14 == 4 && i > 14 {
        field.kind = FieldKind::Money {
            min_cents: None,
            max_cents: None,
        };
        field.compute = Some(format!(
            "value_or({ids}{}, 0) * 2 + value_or({ids}{}, 0)",
            i - 2,
            i - 1
        ));
    }
    field
}

/// A definition with `n_fields` fields in all: `repeat_groups` repeat groups (of up to
/// `repeat_len` instances each, 10 fields each) and the rest on pages of 25, with show-if,
/// required-if, checks, computed values and aggregates over the repeats.
pub fn definition(n_fields: usize, repeat_groups: usize, repeat_len: usize) -> FormDefinition {
    let repeat_groups = repeat_groups.min(n_fields);
    let in_groups = repeat_groups.saturating_mul(GROUP_SIZE).min(n_fields);
    let sizes: Vec<usize> = (0..repeat_groups)
        .map(|g| {
            in_groups
                .saturating_sub(g.saturating_mul(GROUP_SIZE))
                .min(GROUP_SIZE)
        })
        .filter(|size| *size > 0)
        .collect();
    // One computed aggregate per repeat group of more than two fields, within the total.
    let aggregates = sizes
        .iter()
        .filter(|size| **size > 2)
        .count()
        .min(n_fields - in_groups);
    let root_fields = n_fields - in_groups - aggregates;
    let mut pages = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for i in 0..root_fields {
        items.push(Item::Field(field(i, "f")));
        if items.len() == PAGE_SIZE {
            pages.push(std::mem::take(&mut items));
        }
    }
    let mut aggregates_left = aggregates;
    for (g, size) in sizes.into_iter().enumerate() {
        let group_items = (0..size).map(|i| Item::Field(field(i, "g"))).collect();
        let max = u32::try_from(repeat_len.max(1)).unwrap_or(u32::MAX);
        items.push(Item::Group(Group {
            id: format!("rg{g}"),
            fim: None,
            label: label(1000 + g),
            hint: None,
            repeat: Some(Repeat {
                min: 1,
                max: Some(max),
            }),
            optional: false,
            show_if: None,
            checks: Vec::new(),
            items: group_items,
        }));
        if size > 2 && aggregates_left > 0 {
            aggregates_left -= 1;
            items.push(Item::Field(Field {
                id: format!("summe_rg{g}"),
                fim: None,
                label: label(2000 + g),
                hint: None,
                kind: FieldKind::Decimal {
                    min: None,
                    max: None,
                    scale: Some(2),
                    unit: None,
                },
                required: false,
                required_if: None,
                show_if: None,
                compute: Some(format!("sum(rg{g}.g2) + count(rg{g})")),
                checks: vec![Check {
                    id: format!("R_rg{g}"),
                    rule: format!("count(rg{g}) <= {max}"),
                    message: "form-synthetic-check".into(),
                    severity: Severity::Error,
                    args: BTreeMap::new(),
                }],
                feldart: Feldart::Locked,
                prefill: Prefill::None,
            }));
        }
    }
    if !items.is_empty() {
        pages.push(items);
    }
    let codes = (0..12)
        .map(|i| Code {
            code: format!("c{i}"),
            label: Localized::new(format!("Wert {i}"), format!("Value {i}")),
        })
        .collect();
    FormDefinition {
        format: FORMAT_VERSION,
        id: format!("synthetic-{n_fields}-{repeat_groups}-{repeat_len}"),
        version: "1.0.0".into(),
        fim: None,
        leika_key: None,
        title: Localized::new("Synthetisches Formular", "Synthetic form"),
        description: None,
        reminders: Vec::new(),
        code_lists: BTreeMap::from([(
            "liste".to_owned(),
            CodeList {
                uri: None,
                version: None,
                codes,
            },
        )]),
        pages: pages
            .into_iter()
            .enumerate()
            .map(|(i, items)| Page {
                id: format!("p{i}"),
                title: Localized::new(format!("Seite {i}"), format!("Page {i}")),
                show_if: None,
                items,
            })
            .collect(),
    }
}

fn value_for(kind: &FieldKind, rng: &mut Lcg) -> Value {
    // One answer in twenty is deliberately wrong, so validation has problems to report.
    let wrong = rng.below(20) == 0;
    match kind {
        FieldKind::YesNo => Value::Bool(rng.below(2) == 0),
        FieldKind::Text { .. } | FieldKind::MultilineText { .. } => Value::Text(if wrong {
            "x".into()
        } else {
            format!("Antwort {}", rng.below(1000))
        }),
        FieldKind::Integer { .. } => Value::Int(if wrong {
            -5
        } else {
            i64::try_from(rng.below(1000)).unwrap_or(0)
        }),
        FieldKind::Decimal { .. } => Value::Text(format!("{}.{}", rng.below(500), rng.below(100))),
        FieldKind::Money { .. } => Value::Int(i64::try_from(rng.below(1_000_000)).unwrap_or(0)),
        FieldKind::Date { .. } => Value::Text(if wrong {
            "2999-01-01".into()
        } else {
            format!(
                "{}-{:02}-{:02}",
                1950 + rng.below(70),
                1 + rng.below(12),
                1 + rng.below(28)
            )
        }),
        FieldKind::Choice {
            multiple: false, ..
        } => Value::Text(format!("c{}", rng.below(if wrong { 20 } else { 12 }))),
        FieldKind::Choice { multiple: true, .. } => Value::List(
            (0..1 + rng.below(3))
                .map(|_| Value::Text(format!("c{}", rng.below(12))))
                .collect(),
        ),
        FieldKind::Email => Value::Text(if wrong {
            "kein-at".into()
        } else {
            format!("person{}@example.de", rng.below(100))
        }),
        FieldKind::Phone => Value::Text(format!("0361 {}", 100_000 + rng.below(900_000))),
        FieldKind::Iban => Value::Text(if wrong {
            "DE88370400440532013000".into()
        } else {
            "DE89 3704 0044 0532 0130 00".into()
        }),
        FieldKind::PostalCode => Value::Text(format!("{:05}", 1001 + rng.below(98_000))),
        FieldKind::Municipality => Value::Text("160510000000".into()),
        FieldKind::Address => Value::Record(Record::from([
            ("strasse".to_owned(), Value::Text("Anger".into())),
            (
                "hausnummer".to_owned(),
                Value::Text(format!("{}", 1 + rng.below(99))),
            ),
            ("plz".to_owned(), Value::Text("99084".into())),
            ("ort".to_owned(), Value::Text("Erfurt".into())),
        ])),
        FieldKind::Attachment { .. } => Value::List(vec![Value::Record(Record::from([
            ("id".to_owned(), Value::Text("a1".into())),
            ("name".to_owned(), Value::Text("plan.pdf".into())),
            (
                "media_type".to_owned(),
                Value::Text("application/pdf".into()),
            ),
            ("size".to_owned(), Value::Int(120_000)),
        ]))]),
        FieldKind::Time => Value::Text(format!("{:02}:{:02}", rng.below(24), rng.below(60))),
        FieldKind::DateTime => Value::Text(format!(
            "2026-0{}-1{}T{:02}:00",
            1 + rng.below(9),
            rng.below(10),
            rng.below(24)
        )),
        FieldKind::Info { .. } => Value::Null,
    }
}

fn fill(items: &[Item], repeat_len: usize, rng: &mut Lcg, record: &mut Record) {
    for item in items {
        match item {
            Item::Field(field) => {
                if field.compute.is_none() && !matches!(field.kind, FieldKind::Info { .. }) {
                    record.insert(field.id.clone(), value_for(&field.kind, rng));
                }
            }
            Item::Group(group) if group.repeat.is_some() => {
                let instances = (0..repeat_len)
                    .map(|_| {
                        let mut inner = Record::new();
                        fill(&group.items, repeat_len, rng, &mut inner);
                        Value::Record(inner)
                    })
                    .collect();
                record.insert(group.id.clone(), Value::List(instances));
            }
            Item::Group(group) => {
                let mut inner = Record::new();
                fill(&group.items, repeat_len, rng, &mut inner);
                record.insert(group.id.clone(), Value::Record(inner));
            }
        }
    }
}

/// Answers for any definition: every field answered, `repeat_len` instances per repeat group,
/// about one answer in twenty deliberately wrong. Deterministic for a seed.
pub fn answers(definition: &FormDefinition, repeat_len: usize, seed: u64) -> Answers {
    let mut rng = Lcg::new(seed);
    let mut record = Record::new();
    for page in &definition.pages {
        fill(&page.items, repeat_len, &mut rng, &mut record);
    }
    Answers(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_exact_and_generation_is_deterministic() {
        for (n, groups) in [(0, 0), (1, 3), (25, 0), (40, 3), (500, 3), (501, 5)] {
            let def = definition(n, groups, 20);
            assert_eq!(
                def.fields().len(),
                n,
                "definition({n}, {groups}, 20) has exactly {n} fields"
            );
            assert_eq!(
                def,
                definition(n, groups, 20),
                "same arguments, same definition"
            );
            assert_eq!(
                answers(&def, 3, 9),
                answers(&def, 3, 9),
                "same seed, same answers"
            );
        }
    }
}
