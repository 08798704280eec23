//! The shipped XDatenfelder messages express two showcase forms: importing them gives the
//! showcase form back (same fields in the same groups, kinds, required-ness, constraints,
//! options, rules), up to the differences the standard forces, each named here:
//!
//! - answer keys are the FIM ids (`F…`, `G…`) instead of our slugs; rules are compared after
//!   renaming the slugs to the ids;
//! - XDatenfelder texts are German only: labels, hints, code labels and info texts are
//!   compared in German;
//! - pages are not part of XDatenfelder: the import makes one page per top-level group, so
//!   the item tree is compared, not the pages;
//! - an info text (Feldart `label`) comes back with `feldart: label`;
//! - a check's id is its rule's FIM id (`R…`), not the showcase's id;
//! - XDatenfelder 2.0 has no Vorbefüllung, no media types and no file size: the v2 message
//!   (bewohnerparkausweis) loses `prefill`, `accept` and `max_bytes`;
//! - a file field's `min_count` is at least 1 (an empty list is no answer, so `None` and
//!   `Some(1)` mean the same);
//! - a choice's list may come back inline (v3 `werte`) where the showcase names it; the codes
//!   are compared.
use std::collections::BTreeMap;

use domain::form::{
    synthetic, Answers, Codes, Date, Evaluation, Feldart, FieldKind, Form, FormDefinition, Item,
    Record, Value,
};
use xdatenfelder::shipped;

fn rename(expr: &str, ids: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut chars = expr.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' || c == '"' {
            out.push(c);
            for d in chars.by_ref() {
                out.push(d);
                if d == c {
                    break;
                }
            }
        } else if c.is_ascii_alphabetic() || c == '_' {
            let mut word = String::from(c);
            while let Some(&d) = chars.peek() {
                if d.is_ascii_alphanumeric() || d == '_' {
                    word.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push_str(ids.get(&word).map_or(word.as_str(), String::as_str));
        } else {
            out.push(c);
        }
    }
    out
}

fn items(def: &FormDefinition) -> Vec<&Item> {
    def.pages.iter().flat_map(|p| p.items.iter()).collect()
}

/// Slug → FIM id, by walking both trees in parallel.
fn id_map(a: &[&Item], b: &[&Item], out: &mut BTreeMap<String, String>) {
    assert_eq!(a.len(), b.len(), "same number of items");
    for (x, y) in a.iter().zip(b) {
        out.insert(x.id().to_owned(), y.id().to_owned());
        if let (Item::Group(g), Item::Group(h)) = (x, y) {
            id_map(
                &g.items.iter().collect::<Vec<_>>(),
                &h.items.iter().collect::<Vec<_>>(),
                out,
            );
        }
    }
}

/// The codes of a choice as (code, German label).
fn codes(def: &FormDefinition, codes: &Codes) -> Vec<(String, String)> {
    def.codes(codes)
        .unwrap_or_else(|| panic!("{codes:?} resolves"))
        .iter()
        .map(|c| (c.code.clone(), c.label.de.clone()))
        .collect()
}

struct Compare<'a> {
    showcase: &'a FormDefinition,
    imported: &'a FormDefinition,
    ids: BTreeMap<String, String>,
    v2: bool,
}

impl Compare<'_> {
    fn rules(&self, a: &Option<String>, b: &Option<String>, what: &str) {
        assert_eq!(a.as_ref().map(|r| rename(r, &self.ids)), *b, "{what}");
    }

    fn checks(&self, a: &[domain::form::Check], b: &[domain::form::Check], at: &str) {
        assert_eq!(a.len(), b.len(), "{at}: checks");
        for (c, d) in a.iter().zip(b) {
            assert_eq!(rename(&c.rule, &self.ids), d.rule, "{at}: check rule");
            assert_eq!(
                (&c.message, c.severity),
                (&d.message, d.severity),
                "{at}: check message"
            );
            let args: BTreeMap<_, _> = c
                .args
                .iter()
                .map(|(k, v)| (k.clone(), rename(v, &self.ids)))
                .collect();
            assert_eq!(args, d.args, "{at}: check args");
            assert!(
                d.id.starts_with('R'),
                "{at}: a check keeps its rule's FIM id"
            );
        }
    }

    fn items(&self, a: &[&Item], b: &[&Item]) {
        for (x, y) in a.iter().zip(b) {
            let at = format!("{} / {}", x.id(), y.id());
            match (x, y) {
                (Item::Group(g), Item::Group(h)) => {
                    assert_eq!(g.label.de, h.label.de, "{at}: label");
                    assert_eq!(
                        g.hint.as_ref().map(|t| &t.de),
                        h.hint.as_ref().map(|t| &t.de),
                        "{at}: hint"
                    );
                    assert_eq!(
                        (g.repeat, g.optional),
                        (h.repeat, h.optional),
                        "{at}: cardinality"
                    );
                    self.rules(&g.show_if, &h.show_if, &format!("{at}: show_if"));
                    self.checks(&g.checks, &h.checks, &at);
                    self.items(
                        &g.items.iter().collect::<Vec<_>>(),
                        &h.items.iter().collect::<Vec<_>>(),
                    );
                }
                (Item::Field(f), Item::Field(e)) => {
                    assert_eq!(f.label.de, e.label.de, "{at}: label");
                    assert_eq!(
                        f.hint.as_ref().map(|t| &t.de),
                        e.hint.as_ref().map(|t| &t.de),
                        "{at}: hint"
                    );
                    if let Some(fim) = &f.fim {
                        assert_eq!(
                            Some(&fim.id),
                            e.fim.as_ref().map(|r| &r.id),
                            "{at}: FIM id kept"
                        );
                    }
                    assert_eq!(f.required, e.required, "{at}: required");
                    self.rules(&f.show_if, &e.show_if, &format!("{at}: show_if"));
                    self.rules(
                        &f.required_if,
                        &e.required_if,
                        &format!("{at}: required_if"),
                    );
                    self.rules(&f.compute, &e.compute, &format!("{at}: compute"));
                    self.checks(&f.checks, &e.checks, &at);
                    if !self.v2 {
                        assert_eq!(f.prefill, e.prefill, "{at}: prefill");
                    }
                    self.kind(&at, f, e);
                }
                _ => panic!("{at}: a group and a field"),
            }
        }
    }

    fn kind(&self, at: &str, f: &domain::form::Field, e: &domain::form::Field) {
        match (&f.kind, &e.kind) {
            (
                FieldKind::Choice {
                    codes: a,
                    multiple: m,
                    min_selected: x,
                    max_selected: y,
                },
                FieldKind::Choice {
                    codes: b,
                    multiple: n,
                    min_selected: v,
                    max_selected: w,
                },
            ) => {
                assert_eq!(
                    codes(self.showcase, a),
                    codes(self.imported, b),
                    "{at}: options"
                );
                assert_eq!((m, x, y), (n, v, w), "{at}: selection bounds");
            }
            (FieldKind::Info { text: a }, FieldKind::Info { text: b }) => {
                assert_eq!(a.de, b.de, "{at}: info text");
                assert_eq!(
                    e.feldart,
                    Feldart::Label,
                    "{at}: an info text is Feldart label"
                );
            }
            (
                FieldKind::Attachment {
                    accept,
                    max_bytes,
                    min_count,
                    max_count,
                },
                FieldKind::Attachment {
                    accept: a2,
                    max_bytes: b2,
                    min_count: c2,
                    max_count: d2,
                },
            ) => {
                // An empty file list is no answer, so no minimum and a minimum of 1 are the same.
                let least = |n: &Option<u32>| n.unwrap_or(1).max(1);
                assert_eq!(
                    (least(min_count), max_count),
                    (least(c2), d2),
                    "{at}: file counts"
                );
                if !self.v2 {
                    assert_eq!((accept, max_bytes), (a2, b2), "{at}: media types and size");
                }
            }
            (a, b) => {
                assert_eq!(a, b, "{at}: kind");
                assert_eq!(f.feldart, e.feldart, "{at}: feldart");
            }
        }
    }
}

fn round_trip(showcase_json: &str, file: &str, v2: bool) {
    let showcase = FormDefinition::from_json(showcase_json).expect("showcase parses");
    let (_, result) = shipped::imports()
        .into_iter()
        .find(|(name, _)| *name == file)
        .expect("the file is shipped");
    let import = result.unwrap_or_else(|e| panic!("{file} imports: {e}"));
    let imported = import.definition;
    let mut ids = BTreeMap::new();
    id_map(&items(&showcase), &items(&imported), &mut ids);
    let compare = Compare {
        showcase: &showcase,
        imported: &imported,
        ids,
        v2,
    };
    compare.items(&items(&showcase), &items(&imported));
    assert_eq!(showcase.title.de, imported.title.de, "title");
    assert_eq!(showcase.version, imported.version, "version");
    assert_eq!(
        showcase.fields().len(),
        imported.fields().len(),
        "as many fields"
    );
    // The report says what the form does not carry as the message meant: here only that
    // Datentyp obj became an address.
    for note in &import.report.notes {
        assert!(
            note.reason.contains("Datentyp obj"),
            "{file}: unexpected note {note}"
        );
    }
}

#[test]
fn the_xdf3_hundesteuer_imports_as_the_showcase_form() {
    round_trip(
        domain::form::showcase::HUNDESTEUER,
        "hundesteuer.xdf3.xml",
        false,
    );
}

#[test]
fn the_xdf2_bewohnerparkausweis_imports_as_the_showcase_form() {
    round_trip(
        domain::form::showcase::BEWOHNERPARKAUSWEIS,
        "bewohnerparkausweis.xdf2.xml",
        true,
    );
}

#[test]
fn every_shipped_file_is_listed_and_imports() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/xdf");
    for (dir, listed) in [
        (root.clone(), shipped::MESSAGES),
        (root.join("codelisten"), shipped::CODE_LISTS),
    ] {
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("data/xdf is there")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".xml"))
            .collect();
        files.sort();
        let mut names: Vec<String> = listed.iter().map(|(n, _)| (*n).to_owned()).collect();
        names.sort();
        assert_eq!(
            files,
            names,
            "every file in {} is in xdatenfelder::shipped",
            dir.display()
        );
    }
    assert_eq!(
        shipped::code_lists().len(),
        shipped::CODE_LISTS.len(),
        "every code list parses"
    );
    for (name, result) in shipped::imports() {
        let import = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        domain::form::Form::new(import.definition).expect("the engine takes it");
    }
}

/// The showcase's answers under the imported form's keys (walking the showcase's items, so
/// record keys inside addresses and files stay as they are).
fn rekey(items: &[Item], record: &Record, ids: &BTreeMap<String, String>) -> Record {
    let mut out = Record::new();
    for item in items {
        let Some(value) = record.get(item.id()) else {
            continue;
        };
        let value = match (item, value) {
            (Item::Group(g), Value::Record(r)) => Value::Record(rekey(&g.items, r, ids)),
            (Item::Group(g), Value::List(list)) => Value::List(
                list.iter()
                    .map(|v| match v {
                        Value::Record(r) => Value::Record(rekey(&g.items, r, ids)),
                        other => other.clone(),
                    })
                    .collect(),
            ),
            (_, other) => other.clone(),
        };
        out.insert(ids[item.id()].clone(), value);
    }
    out
}

/// A problem as text, its path's element ids renamed (parts such as `plz` or a file index
/// are not element ids of these forms).
fn problems(evaluation: &Evaluation, ids: Option<&BTreeMap<String, String>>) -> Vec<String> {
    let mut out: Vec<String> = evaluation
        .problems
        .iter()
        .map(|p| {
            let path: Vec<String> = p
                .path
                .segments()
                .iter()
                .map(|s| {
                    let id = ids.and_then(|m| m.get(&s.id)).unwrap_or(&s.id);
                    match s.index {
                        Some(i) => format!("{id}[{i}]"),
                        None => id.clone(),
                    }
                })
                .collect();
            format!(
                "{} {} {:?} {:?}",
                path.join("."),
                p.message,
                p.args,
                p.severity
            )
        })
        .collect();
    out.sort();
    out
}

/// The same answers draw the same problems from the showcase form and its import, for many
/// generated answer sets (about one answer in twenty wrong, repeat groups of 1 to 3).
fn same_verdicts(showcase_json: &str, file: &str) {
    let showcase = FormDefinition::from_json(showcase_json).expect("showcase parses");
    let imported = shipped::imports()
        .into_iter()
        .find(|(name, _)| *name == file)
        .and_then(|(_, r)| r.ok())
        .expect("imports")
        .definition;
    let mut ids = BTreeMap::new();
    id_map(&items(&showcase), &items(&imported), &mut ids);
    let (a, b) = (
        Form::new(showcase.clone()).expect("showcase compiles"),
        Form::new(imported).expect("import compiles"),
    );
    let today = Date::parse("2026-06-15").expect("date");
    let all: Vec<Item> = items(&showcase).into_iter().cloned().collect();
    let mut compared = 0;
    for seed in 0..40 {
        let answers = synthetic::answers(&showcase, 1 + (seed as usize % 3), seed);
        let renamed = Answers(rekey(&all, &answers.0, &ids));
        let (x, y) = (a.evaluate(&answers, today), b.evaluate(&renamed, today));
        assert_eq!(
            problems(&x, Some(&ids)),
            problems(&y, None),
            "{file}, seed {seed}"
        );
        assert_eq!(
            x.is_submittable(),
            y.is_submittable(),
            "{file}, seed {seed}"
        );
        assert_eq!(
            x.hidden.len(),
            y.hidden.len(),
            "{file}, seed {seed}: hidden"
        );
        assert_eq!(
            x.computed.len(),
            y.computed.len(),
            "{file}, seed {seed}: computed"
        );
        compared += x.problems.len();
    }
    assert!(
        compared > 40,
        "the answers drew problems to compare ({compared})"
    );
}

#[test]
fn the_imports_judge_answers_as_the_showcase_forms_do() {
    same_verdicts(domain::form::showcase::HUNDESTEUER, "hundesteuer.xdf3.xml");
    same_verdicts(
        domain::form::showcase::BEWOHNERPARKAUSWEIS,
        "bewohnerparkausweis.xdf2.xml",
    );
}
