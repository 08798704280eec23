//! One case per error: a message that cannot become a form is refused with an error that
//! names the element, in both versions, never with a panic.
mod support;

use support::*;
use xdatenfelder::{CodeListError, CodeLists, ImportError, XdfVersion};

fn refused(xml: &str) -> ImportError {
    match run(xml) {
        Ok(import) => panic!("imported: {:?}", import.definition.id),
        Err(e) => e,
    }
}

#[test]
fn messages_that_are_not_stammdatenschemas() {
    assert!(matches!(refused("<a>"), ImportError::Xml(_)));
    assert!(matches!(refused(""), ImportError::Xml(_)));
    let dtd = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>";
    assert!(
        matches!(refused(dtd), ImportError::Xml(_)),
        "no DTDs (entity expansion)"
    );
    let group_message = "<xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf=\"urn:xoev-de:fim:standard:xdatenfelder_3.0.0\"/>";
    assert_eq!(
        refused(group_message),
        ImportError::NotStammdatenschema {
            found: "xdatenfelder.datenfeldgruppe.0103".into()
        }
    );
    let other_ns = "<x:xdatenfelder.stammdatenschema.0102 xmlns:x=\"urn:xoev-de:fim:standard:xdatenfelder_1\"/>";
    assert_eq!(
        refused(other_ns),
        ImportError::UnknownNamespace {
            found: "urn:xoev-de:fim:standard:xdatenfelder_1".into()
        }
    );
    let no_ns = "<xdatenfelder.stammdatenschema.0102/>";
    assert_eq!(
        refused(no_ns),
        ImportError::UnknownNamespace {
            found: String::new()
        }
    );
}

#[test]
fn missing_and_malformed_parts_name_the_element() {
    for v in BOTH {
        let f = |id: &str| field(v, id, "input", "text", &[], "");
        let ns = v.namespace();
        let cases: Vec<(String, ImportError)> = vec![
            (
                format!("<xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf=\"{ns}\"><xdf:header/></xdf:xdatenfelder.stammdatenschema.0102>"),
                ImportError::Missing { path: "xdatenfelder.stammdatenschema.0102".into(), element: "stammdatenschema".into() },
            ),
            (
                message(v, "").replace("<xdf:identifikation><xdf:id>S1</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>", ""),
                ImportError::Missing { path: "stammdatenschema".into(), element: "identifikation".into() },
            ),
            (
                message(v, ""),
                ImportError::Missing { path: "stammdatenschema[S1]".into(), element: "struktur (with at least one element)".into() },
            ),
            (
                message(v, "<xdf:struktur><xdf:enthaelt/></xdf:struktur>"),
                ImportError::Missing { path: "stammdatenschema[S1]/struktur[1]".into(), element: "anzahl".into() },
            ),
            (
                message(v, &entry("2:1", &f("F1"))),
                ImportError::Invalid {
                    path: "stammdatenschema[S1]/struktur[1]/anzahl".into(),
                    value: "2:1".into(),
                    reason: "a cardinality is `min:max` with whole numbers, max `*` or at least min".into(),
                },
            ),
            (
                message(v, "<xdf:struktur><xdf:anzahl>1:1</xdf:anzahl></xdf:struktur>"),
                ImportError::Missing { path: "stammdatenschema[S1]/struktur[1]".into(), element: "enthaelt".into() },
            ),
            (
                message(v, &entry("1:1", "")),
                ImportError::Missing { path: "stammdatenschema[S1]/struktur[1]/enthaelt".into(), element: "datenfeldgruppe or datenfeld".into() },
            ),
            (
                message(v, &entry("1:1", "<xdf:datenfeld><xdf:identifikation/></xdf:datenfeld>")),
                ImportError::Missing { path: "stammdatenschema[S1]/struktur[1]/enthaelt/datenfeld".into(), element: "identifikation/id".into() },
            ),
            (
                message(v, &entry("1:1", &f("F1").replace("<xdf:feldart><code>input</code></xdf:feldart>", ""))),
                ImportError::Missing { path: "stammdatenschema[S1]/struktur[1]/enthaelt/datenfeld[F1]".into(), element: "feldart".into() },
            ),
            (
                message(v, &entry("1:1", &f("F1").replace("<xdf:datentyp><code>text</code></xdf:datentyp>", ""))),
                ImportError::Missing { path: "stammdatenschema[S1]/struktur[1]/enthaelt/datenfeld[F1]".into(), element: "datentyp".into() },
            ),
            (
                message(v, &entry("1:1", &group("G1", "", ""))),
                ImportError::Missing { path: "stammdatenschema[S1]/struktur[1]/enthaelt/datenfeldgruppe[G1]".into(), element: "struktur (a group needs at least one element)".into() },
            ),
        ];
        for (xml, expected) in cases {
            assert_eq!(refused(&xml), expected, "{v:?}");
        }
        for bad in ["1", "a:b", "1:", ":1", "-1:1", "1:1:1", "99999999999:*"] {
            let e = refused(&message(v, &entry(bad, &f("F1"))));
            assert!(
                matches!(&e, ImportError::Invalid { value, .. } if value == bad),
                "{v:?} {bad}: {e}"
            );
        }
    }
}

#[test]
fn nesting_is_bounded() {
    for v in BOTH {
        let mut inner = entry("1:1", &field(v, "F1", "input", "text", &[], ""));
        for i in 0..40 {
            inner = entry("1:1", &group(&format!("G{i}"), &inner, ""));
        }
        let e = refused(&message(v, &inner));
        assert!(
            matches!(e, ImportError::TooDeep { limit: 32, .. }),
            "{v:?}: {e}"
        );
    }
}

#[test]
fn errors_read_as_sentences_naming_the_element() {
    let e = refused(&message(XdfVersion::V3, &entry("x", "")));
    assert_eq!(
        e.to_string(),
        "`stammdatenschema[S1]/struktur[1]/anzahl`: `x` is not valid here: a cardinality is `min:max` with whole numbers, max `*` or at least min"
    );
}

#[test]
fn code_list_errors() {
    let mut lists = CodeLists::new();
    assert!(matches!(
        lists.add_genericode("<"),
        Err(CodeListError::Xml(_))
    ));
    assert_eq!(
        lists.add_genericode("<CodeList/>").err(),
        Some(CodeListError::NotCodeList("CodeList".into()))
    );
    let gc = "<gc:CodeList xmlns:gc=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\">";
    assert_eq!(
        lists.add_genericode(&format!("{gc}</gc:CodeList>")).err(),
        Some(CodeListError::Missing {
            path: "CodeList".into(),
            element: "Identification".into()
        })
    );
    assert_eq!(
        lists
            .add_genericode(&format!("{gc}<Identification/></gc:CodeList>"))
            .err(),
        Some(CodeListError::Missing {
            path: "CodeList/Identification".into(),
            element: "CanonicalUri".into()
        })
    );
    assert_eq!(
        lists
            .add_genericode(&format!(
                "{gc}<Identification><CanonicalUri>u</CanonicalUri></Identification></gc:CodeList>"
            ))
            .err(),
        Some(CodeListError::Missing {
            path: "CodeList".into(),
            element: "SimpleCodeList".into()
        })
    );
    let no_column = format!("{gc}<Identification><CanonicalUri>u</CanonicalUri></Identification><SimpleCodeList><Row><Value><SimpleValue>a</SimpleValue></Value></Row></SimpleCodeList></gc:CodeList>");
    assert!(matches!(
        lists.add_genericode(&no_column),
        Err(CodeListError::Invalid { .. })
    ));
    assert!(lists.is_empty(), "nothing half-read was kept");
}

#[test]
fn deep_xml_and_many_refused_rules_end_in_an_error_not_a_crash() {
    let deep = "<a>".repeat(200_000) + &"</a>".repeat(200_000);
    assert!(
        matches!(refused(&deep), ImportError::TooDeep { limit: 256, .. }),
        "a deep tree is refused before the parser sees it"
    );
    let mut lists = CodeLists::new();
    assert!(matches!(
        lists.add_genericode(&deep),
        Err(CodeListError::Invalid { .. })
    ));
    let v = XdfVersion::V3;
    let mut body = String::new();
    for i in 0..120 {
        body += &entry(
            "0:1",
            &field(
                v,
                &format!("F{i}"),
                "input",
                "bool",
                &[],
                &rule(v, &format!("R{i}"), "K", "show_if: F999 == true"),
            ),
        );
    }
    let e = refused(&message(v, &body));
    assert!(
        matches!(&e, ImportError::Definition(m) if m.contains("more than 100 rules")),
        "{e}"
    );
}
