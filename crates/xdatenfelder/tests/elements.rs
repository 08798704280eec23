//! One table per XDatenfelder element, run in both versions: what each element becomes in
//! our form, and what goes into the report.
mod support;

use domain::form::{Codes, DateBound, Feldart, Field, FieldKind, Item, Num, Prefill, Repeat};
use support::*;
use xdatenfelder::{CodeLists, Options, XdfVersion};

/// Präzisierung entries (name, value).
type Praez<'a> = &'a [(&'a str, &'a str)];

/// Imports one top-level field `F1` with this cardinality and returns it with the import.
fn one_field(v: XdfVersion, anzahl: &str, datenfeld: &str) -> (Field, xdatenfelder::Import) {
    let import =
        run(&message(v, &entry(anzahl, datenfeld))).unwrap_or_else(|e| panic!("{v:?}: {e}"));
    let field = match &import.definition.pages[0].items[0] {
        Item::Field(f) => f.clone(),
        Item::Group(_) => panic!("a field"),
    };
    (field, import)
}

fn kind(
    v: XdfVersion,
    datentyp: &str,
    praez: &[(&str, &str)],
) -> (FieldKind, xdatenfelder::Import) {
    let (f, i) = one_field(v, "1:1", &field(v, "F1", "input", datentyp, praez, ""));
    (f.kind, i)
}

fn text(
    min_length: Option<u32>,
    max_length: Option<u32>,
    pattern: Option<&str>,
    latin: bool,
) -> FieldKind {
    FieldKind::Text {
        min_length,
        max_length,
        pattern: pattern.map(str::to_owned),
        latin,
    }
}

#[test]
fn datentyp_and_praezisierung() {
    let cases: Vec<(&str, Praez, FieldKind)> = vec![
        ("text", &[], text(None, None, None, false)),
        (
            "text",
            &[("minLength", "2"), ("maxLength", "55")],
            text(Some(2), Some(55), None, false),
        ),
        (
            "text",
            &[("pattern", "[A-Z]{2}")],
            text(None, None, Some("[A-Z]{2}"), false),
        ),
        (
            "text_latin",
            &[("maxLength", "40")],
            text(None, Some(40), None, true),
        ),
        (
            "text",
            &[("maxLength", "2000")],
            FieldKind::MultilineText {
                min_length: None,
                max_length: Some(2000),
                pattern: None,
                latin: false,
            },
        ),
        ("text", &[("pattern", "[0-9]{5}")], FieldKind::PostalCode),
        (
            "text",
            &[("pattern", "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,40}")],
            FieldKind::Iban,
        ),
        (
            "date",
            &[("minValue", "1900-01-01"), ("maxValue", "today")],
            FieldKind::Date {
                min: DateBound::parse("1900-01-01"),
                max: DateBound::parse("today"),
            },
        ),
        ("time", &[], FieldKind::Time),
        ("datetime", &[], FieldKind::DateTime),
        ("bool", &[], FieldKind::YesNo),
        (
            "num",
            &[("minValue", "0.5"), ("maxValue", "99.9")],
            FieldKind::Decimal {
                min: Num::parse("0.5"),
                max: Num::parse("99.9"),
                scale: None,
                unit: None,
            },
        ),
        (
            "num_int",
            &[("minValue", "1"), ("maxValue", "10")],
            FieldKind::Integer {
                min: Some(1),
                max: Some(10),
                unit: None,
            },
        ),
        (
            "num_currency",
            &[("minValue", "0"), ("maxValue", "30.70")],
            FieldKind::Money {
                min_cents: Some(0),
                max_cents: Some(3070),
            },
        ),
        ("obj", &[], FieldKind::Address),
    ];
    for v in BOTH {
        for (datentyp, praez, expected) in &cases {
            assert_eq!(
                kind(v, datentyp, praez).0,
                *expected,
                "{v:?} {datentyp} {praez:?}"
            );
        }
    }
}

#[test]
fn what_praezisierung_cannot_say_is_reported() {
    for v in BOTH {
        let cases: &[(&str, Praez, &str)] = &[
            (
                "date",
                &[("pattern", "x")],
                "@pattern: `pattern=x` does not apply to a field of Datentyp date",
            ),
            (
                "text",
                &[("minValue", "3")],
                "@minValue: `minValue=3` does not apply",
            ),
            (
                "num_int",
                &[("minValue", "drei")],
                "@minValue: `drei` is not a whole number",
            ),
            (
                "text",
                &[("maxLength", "-1")],
                "@maxLength: `-1` is not a length",
            ),
            (
                "text",
                &[("pattern", "[a-z")],
                "@pattern: `[a-z`: the pattern does not compile",
            ),
            (
                "date",
                &[("maxValue", "31.12.2020")],
                "`31.12.2020` is not a date",
            ),
            (
                "frobnicate",
                &[],
                "unknown Datentyp `frobnicate`: taken as text",
            ),
            ("obj", &[], "Datentyp obj: imported as a postal address"),
        ];
        for (datentyp, praez, needle) in cases {
            let (_, import) = kind(v, datentyp, praez);
            assert!(
                noted(&import, needle),
                "{v:?} {datentyp} {praez:?}: {:?}",
                reasons(&import)
            );
        }
    }
    let (_, import) = one_field(
        XdfVersion::V2,
        "1:1",
        &field(
            XdfVersion::V2,
            "F1",
            "input",
            "text",
            &[],
            "<xdf:praezisierung>maximal 5 Zeichen</xdf:praezisierung>",
        ),
    );
    assert!(
        noted(&import, "neither attributes nor a JSON object"),
        "{:?}",
        reasons(&import)
    );
}

#[test]
fn feldart() {
    for v in BOTH {
        let (f, _) = one_field(
            v,
            "1:1",
            &field(
                v,
                "F1",
                "label",
                "text",
                &[],
                "<xdf:inhalt>Bitte lesen.</xdf:inhalt>",
            ),
        );
        assert_eq!(
            (f.kind, f.feldart, f.required),
            (
                FieldKind::Info {
                    text: domain::form::Localized::de("Bitte lesen.")
                },
                Feldart::Label,
                false
            ),
            "{v:?} label"
        );
        for (art, expected) in [
            ("hidden", Feldart::Hidden),
            ("locked", Feldart::Locked),
            ("input", Feldart::Input),
        ] {
            let (f, _) = one_field(v, "1:1", &field(v, "F1", art, "text", &[], ""));
            assert_eq!(f.feldart, expected, "{v:?} {art}");
        }
        let (f, import) = one_field(v, "1:1", &field(v, "F1", "slider", "num_int", &[], ""));
        assert_eq!(f.feldart, Feldart::Input);
        assert!(noted(&import, "unknown Feldart `slider`"), "{v:?}");
        let (_, import) = one_field(
            v,
            "1:1",
            &field(
                v,
                "F1",
                "locked",
                "text",
                &[],
                "<xdf:inhalt>vorgegeben</xdf:inhalt>",
            ),
        );
        assert!(
            noted(&import, "inhalt: a preset value"),
            "{v:?}: {:?}",
            reasons(&import)
        );
    }
}

#[test]
fn anzahl_on_fields_and_groups() {
    for v in BOTH {
        for (anzahl, required) in [("1:1", true), ("0:1", false)] {
            assert_eq!(
                one_field(v, anzahl, &field(v, "F1", "input", "text", &[], ""))
                    .0
                    .required,
                required,
                "{v:?} {anzahl}"
            );
        }
        let (f, import) = one_field(v, "0:3", &field(v, "F1", "input", "text", &[], ""));
        assert!(
            !f.required && noted(&import, "cardinality 0:3 on a single-valued field"),
            "{v:?}"
        );
        let (f, _) = one_field(v, "1:*", &field(v, "F1", "input", "file", &[], ""));
        assert!(
            matches!(
                f.kind,
                FieldKind::Attachment {
                    min_count: Some(1),
                    max_count: None,
                    ..
                }
            ) && f.required,
            "{v:?} files"
        );
        for (anzahl, repeat, optional) in [
            ("1:1", None, false),
            ("0:1", None, true),
            (
                "1:5",
                Some(Repeat {
                    min: 1,
                    max: Some(5),
                }),
                false,
            ),
            ("0:*", Some(Repeat { min: 0, max: None }), false),
        ] {
            let g = group(
                "G1",
                &entry("1:1", &field(v, "F1", "input", "text", &[], "")),
                "",
            );
            let import = run(&message(v, &entry(anzahl, &g))).expect("imports");
            let Item::Group(g) = &import.definition.pages[0].items[0] else {
                panic!("a group")
            };
            assert_eq!(
                (g.repeat, g.optional),
                (repeat, optional),
                "{v:?} group {anzahl}"
            );
            assert_eq!(
                import.definition.pages[0].id, "G1",
                "a top-level group is a page"
            );
        }
        let two = entry("0:0", &field(v, "F1", "input", "text", &[], ""))
            + &entry("1:1", &field(v, "F2", "input", "text", &[], ""));
        let import = run(&message(v, &two)).expect("imports");
        assert_eq!(
            import.definition.fields().len(),
            1,
            "{v:?}: 0:0 leaves the element out"
        );
        assert!(noted(&import, "cardinality 0:0"), "{v:?}");
    }
}

#[test]
fn texts_label_hint_and_prefill() {
    for v in BOTH {
        let more = "<xdf:hilfetextEingabe>So geht das.</xdf:hilfetextEingabe><xdf:vorbefuellung><code>optional</code></xdf:vorbefuellung>";
        let (f, _) = one_field(v, "1:1", &field(v, "F1", "input", "text", &[], more));
        assert_eq!(
            f.label.de, "Feld F1",
            "{v:?}: bezeichnungEingabe is the label"
        );
        assert_eq!(
            f.hint.map(|h| h.de).as_deref(),
            Some("So geht das."),
            "{v:?}"
        );
        assert_eq!(f.prefill, Prefill::Optional, "{v:?}");
        assert_eq!(f.fim.map(|r| r.id).as_deref(), Some("F1"));
        let bare = "<xdf:datenfeld><xdf:identifikation><xdf:id>F9</xdf:id></xdf:identifikation><xdf:name>Nur Name</xdf:name>\
                    <xdf:feldart><code>input</code></xdf:feldart><xdf:datentyp><code>text</code></xdf:datentyp></xdf:datenfeld>";
        assert_eq!(
            one_field(v, "1:1", bare).0.label.de,
            "Nur Name",
            "{v:?}: else the name"
        );
    }
}

fn genericode(uri: &str, version: &str) -> String {
    format!(
        "<gc:CodeList xmlns:gc=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\"><Identification>\
         <ShortName>t</ShortName><Version>{version}</Version><CanonicalUri>{uri}</CanonicalUri>\
         <CanonicalVersionUri>{uri}_{version}</CanonicalVersionUri></Identification><ColumnSet>\
         <Column Id=\"schluessel\"/><Column Id=\"wert\"/><Key Id=\"k\"><ColumnRef Ref=\"schluessel\"/></Key></ColumnSet>\
         <SimpleCodeList><Row><Value ColumnRef=\"schluessel\"><SimpleValue>a</SimpleValue></Value><Value ColumnRef=\"wert\"><SimpleValue>Alpha</SimpleValue></Value></Row>\
         <Row><Value ColumnRef=\"schluessel\"><SimpleValue>b</SimpleValue></Value><Value ColumnRef=\"wert\"><SimpleValue>Beta</SimpleValue></Value></Row></SimpleCodeList></gc:CodeList>"
    )
}

fn reference(v: XdfVersion, uri: &str, version: &str) -> String {
    match v {
        XdfVersion::V3 => format!("<xdf:codelisteReferenz><xdf:canonicalIdent>{uri}</xdf:canonicalIdent><xdf:version>{version}</xdf:version></xdf:codelisteReferenz>"),
        XdfVersion::V2 => format!("<xdf:codelisteReferenz><xdf:identifikation><xdf:id>C1</xdf:id></xdf:identifikation><xdf:genericodeIdentification>\
             <xdf:canonicalIdentification>{uri}</xdf:canonicalIdentification><xdf:version>{version}</xdf:version></xdf:genericodeIdentification></xdf:codelisteReferenz>"),
    }
}

#[test]
fn code_lists_inline_and_by_urn() {
    let mut lists = CodeLists::new();
    lists
        .add_genericode(&genericode("urn:de:test:liste", "2"))
        .expect("genericode reads");
    let options = Options {
        code_lists: lists,
        ..Options::default()
    };
    for v in BOTH {
        let xml = message(
            v,
            &entry(
                "1:1",
                &field(
                    v,
                    "F1",
                    "select",
                    "text",
                    &[],
                    &reference(v, "urn:de:test:liste", "2"),
                ),
            ),
        );
        let import = run_with(&xml, &options).expect("imports");
        let def = &import.definition;
        let (_, f) = &def.fields()[0];
        let FieldKind::Choice {
            codes,
            multiple: false,
            ..
        } = &f.kind
        else {
            panic!("{v:?}: a choice")
        };
        assert!(
            matches!(codes, Codes::Named(n) if n == "liste"),
            "{v:?}: named after the URN"
        );
        let got: Vec<(String, String)> = def
            .codes(codes)
            .expect("resolves")
            .iter()
            .map(|c| (c.code.clone(), c.label.de.clone()))
            .collect();
        assert_eq!(
            got,
            [("a".into(), "Alpha".into()), ("b".into(), "Beta".into())],
            "{v:?}"
        );
        assert_eq!(
            def.code_lists["liste"].uri.as_deref(),
            Some("urn:de:test:liste")
        );

        let missing = message(
            v,
            &entry(
                "1:1",
                &field(
                    v,
                    "F1",
                    "select",
                    "text",
                    &[],
                    &reference(v, "urn:de:test:andere", "1"),
                ),
            ),
        );
        let import = run_with(&missing, &options).expect("imports");
        assert!(
            matches!(import.definition.fields()[0].1.kind, FieldKind::Text { .. }),
            "{v:?}: free text"
        );
        assert!(
            noted(
                &import,
                "code list urn:de:test:andere (version 1) was not given"
            ),
            "{v:?}: {:?}",
            reasons(&import)
        );
        let wrong_version = message(
            v,
            &entry(
                "1:1",
                &field(
                    v,
                    "F1",
                    "select",
                    "text",
                    &[],
                    &reference(v, "urn:de:test:liste", "1"),
                ),
            ),
        );
        assert!(
            noted(
                &run_with(&wrong_version, &options).expect("imports"),
                "was not given"
            ),
            "{v:?}: versions matter"
        );

        let many = message(
            v,
            &entry(
                "0:*",
                &field(
                    v,
                    "F1",
                    "select",
                    "text",
                    &[],
                    &reference(v, "urn:de:test:liste", "2"),
                ),
            ),
        );
        let import = run_with(&many, &options).expect("imports");
        assert!(
            matches!(
                import.definition.fields()[0].1.kind,
                FieldKind::Choice {
                    multiple: true,
                    max_selected: None,
                    ..
                }
            ),
            "{v:?}: 0:* select"
        );
    }
    let inline = "<xdf:werte><xdf:wert><xdf:code>r</xdf:code><xdf:name>Rüde</xdf:name></xdf:wert><xdf:wert><xdf:code>h</xdf:code><xdf:name>Hündin</xdf:name></xdf:wert></xdf:werte>";
    let (f, _) = one_field(
        XdfVersion::V3,
        "1:1",
        &field(XdfVersion::V3, "F1", "select", "text", &[], inline),
    );
    let FieldKind::Choice {
        codes: Codes::Inline(codes),
        ..
    } = f.kind
    else {
        panic!("inline values")
    };
    assert_eq!(
        codes
            .iter()
            .map(|c| (c.code.as_str(), c.label.de.as_str()))
            .collect::<Vec<_>>(),
        [("r", "Rüde"), ("h", "Hündin")]
    );
}

#[test]
fn prefixes_unknown_elements_and_repeated_ids() {
    for v in BOTH {
        let body = entry("1:1", &field(v, "F1", "input", "text", &[], ""));
        for prefix in ["", "x", "fim3"] {
            let import = run(&message_with(v, prefix, &body))
                .unwrap_or_else(|e| panic!("{v:?} prefix {prefix:?}: {e}"));
            assert_eq!(
                import.definition.fields().len(),
                1,
                "{v:?} prefix {prefix:?}"
            );
        }
        let odd = field(
            v,
            "F1",
            "input",
            "text",
            &[],
            "<xdf:farbe>rot</xdf:farbe><other:x xmlns:other=\"urn:other\"/>",
        );
        let (_, import) = one_field(v, "1:1", &odd);
        assert!(
            noted(&import, "datenfeld[F1]/farbe: unknown element"),
            "{v:?}: {:?}",
            reasons(&import)
        );
        assert!(
            noted(&import, "datenfeld[F1]/{urn:other}x: unknown element"),
            "{v:?}"
        );
        let twice = body.clone() + &body;
        let import = run(&message(v, &twice)).expect("imports");
        let ids: Vec<&str> = import
            .definition
            .fields()
            .iter()
            .map(|(_, f)| f.id.as_str())
            .collect();
        assert_eq!(ids, ["F1", "F1_2"], "{v:?}");
        assert!(noted(&import, "kept under `F1_2`"), "{v:?}");
        let (f, import) = one_field(v, "1:1", &field(v, "60-000.1", "input", "text", &[], ""));
        assert_eq!(f.id, "_60_000_1", "{v:?}");
        assert!(
            noted(&import, "answers are kept under `_60_000_1`"),
            "{v:?}"
        );
    }
}

#[test]
fn choice_groups_and_value_help_are_noted() {
    for v in BOTH {
        let g = group(
            "G1",
            &entry("0:1", &field(v, "F1", "input", "text", &[], "")),
            "<xdf:art><code>X</code></xdf:art>",
        );
        let import = run(&message(v, &entry("1:1", &g))).expect("imports");
        assert!(
            noted(&import, "datenfeldgruppe[G1]/art: a choice group (art X"),
            "{v:?}: {:?}",
            reasons(&import)
        );
    }
    let v = XdfVersion::V3;
    let werte = "<xdf:werte><xdf:wert><xdf:code>a</xdf:code><xdf:name>A</xdf:name><xdf:hilfe>Erklärung</xdf:hilfe></xdf:wert></xdf:werte>";
    let (_, import) = one_field(v, "1:1", &field(v, "F1", "select", "text", &[], werte));
    assert!(
        noted(&import, "werte/wert[1]/hilfe: a help text of a value"),
        "{:?}",
        reasons(&import)
    );
}

#[test]
fn hidden_and_locked_fields_nobody_can_fill_are_not_required() {
    for v in BOTH {
        for art in ["hidden", "locked"] {
            let (f, import) = one_field(v, "1:1", &field(v, "F1", art, "text", &[], ""));
            assert!(!f.required, "{v:?} {art}");
            assert!(noted(&import, "nobody could fill it in"), "{v:?} {art}");
            let computed = rule(v, "R1", "B", "compute: 'fest'");
            let (f, import) = one_field(v, "1:1", &field(v, "F1", art, "text", &[], &computed));
            assert!(
                f.required && import.report.is_empty(),
                "{v:?} {art}: computed stays required"
            );
        }
        let (f, _) = one_field(v, "1:1", &field(v, "F1", "select", "text", &[], ""));
        assert_eq!(
            f.feldart,
            Feldart::Input,
            "{v:?}: a select without values is free input"
        );
    }
}

#[test]
fn a_minimal_message_without_optional_parts_imports() {
    for v in BOTH {
        let ns = v.namespace();
        let xml = format!(
            "<m:xdatenfelder.stammdatenschema.0102 xmlns:m=\"{ns}\"><m:stammdatenschema>\
             <m:identifikation><m:id>S7</m:id></m:identifikation>\
             <m:struktur><m:anzahl>1:1</m:anzahl><m:enthaelt><m:datenfeld>\
             <m:identifikation><m:id>F7</m:id></m:identifikation>\
             <m:feldart><code>input</code></m:feldart><m:datentyp><code>text</code></m:datentyp>\
             </m:datenfeld></m:enthaelt></m:struktur></m:stammdatenschema></m:xdatenfelder.stammdatenschema.0102>"
        );
        let import = run(&xml).unwrap_or_else(|e| panic!("{v:?}: {e}"));
        let def = &import.definition;
        assert_eq!(
            (def.id.as_str(), def.version.as_str(), def.title.de.as_str()),
            ("S7", "0", "S7"),
            "{v:?}"
        );
        assert_eq!(
            def.fields()[0].1.label.de,
            "F7",
            "{v:?}: the id stands in for a label"
        );
        assert_eq!(
            def.pages[0].id, "angaben",
            "{v:?}: top-level fields get a first page"
        );
        assert!(noted(&import, "the schema has no version"), "{v:?}");
    }
}
