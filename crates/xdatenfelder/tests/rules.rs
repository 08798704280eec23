//! Regeln in both versions: scripts in our rule language become conditions, checks and
//! calculations; prose, other languages and rules the engine refuses are noted.
mod support;

use domain::form::Item;
use support::*;
use xdatenfelder::XdfVersion;

#[test]
fn rules() {
    for v in BOTH {
        let trigger = entry("1:1", &field(v, "F1", "input", "bool", &[], ""));
        let with_rule =
            |r: &str| trigger.clone() + &entry("0:1", &field(v, "F2", "input", "num_int", &[], r));
        let f2 = |xml: &str| {
            let import = run(&message(v, xml)).unwrap_or_else(|e| panic!("{v:?}: {e}"));
            let f = import.definition.fields()[1].1.clone();
            (f, import)
        };
        let (f, import) = f2(&with_rule(&rule(
            v,
            "R1",
            "K",
            "show_if: F1 == true\nrequired_if: F1 == true",
        )));
        assert_eq!(
            (f.show_if.as_deref(), f.required_if.as_deref()),
            (Some("F1 == true"), Some("F1 == true")),
            "{v:?}"
        );
        assert!(import.report.is_empty(), "{v:?}: {:?}", reasons(&import));

        let (f, _) = f2(&with_rule(&rule(
            v,
            "R2",
            "V",
            "check: F2 >= 2\nmessage: form-number-too-small\narg min: 2\nseverity: warning",
        )));
        let c = &f.checks[0];
        assert_eq!(
            (
                c.id.as_str(),
                c.rule.as_str(),
                c.message.as_str(),
                c.severity
            ),
            (
                "R2",
                "F2 >= 2",
                "form-number-too-small",
                domain::form::Severity::Warning
            ),
            "{v:?}"
        );

        let (f, import) = f2(&with_rule(&rule(
            v,
            "R3",
            "V",
            "check: F2 >= 2\nmessage: form-made-up",
        )));
        assert_eq!(f.checks[0].message, "form-check-failed", "{v:?}");
        assert!(
            noted(&import, "message `form-made-up` has no text"),
            "{v:?}"
        );

        let (f, import) = f2(&with_rule(&rule(
            v,
            "R4",
            "B",
            "compute: if(F1 == true, 1, 0)",
        )));
        assert_eq!(f.compute.as_deref(), Some("if(F1 == true, 1, 0)"), "{v:?}");
        assert!(import.report.is_empty(), "{v:?}");

        let (f, import) = f2(&with_rule(&rule(
            v,
            "R5",
            "V",
            "function pruefe() { return true; }",
        )));
        assert!(
            f.checks.is_empty()
                && noted(&import, "regel[R5]: the script is not in our rule language"),
            "{v:?}: {:?}",
            reasons(&import)
        );

        let (f, import) = f2(&with_rule(&rule(v, "R6", "K", "show_if: F77 == true")));
        assert!(
            f.show_if.is_none(),
            "{v:?}: a rule on an unknown element is taken out"
        );
        assert!(
            noted(&import, "the form engine refuses the rule `F77 == true`"),
            "{v:?}: {:?}",
            reasons(&import)
        );

        let (f, import) = f2(&with_rule(&rule(v, "R7", "K", "show_if: F1 + 1")));
        assert!(
            f.show_if.is_none() && noted(&import, "refuses the rule"),
            "{v:?}: a type error too"
        );

        let prose = "<xdf:regel><xdf:identifikation><xdf:id>R8</xdf:id></xdf:identifikation>\
                     <xdf:freitextRegel>Nur wenn F1 ja ist.</xdf:freitextRegel><xdf:definition>Nur wenn F1 ja ist.</xdf:definition></xdf:regel>";
        let (_, import) = f2(&with_rule(prose));
        assert!(
            noted(
                &import,
                "regel[R8]: a rule in prose only, not enforced: \"Nur wenn F1 ja ist.\""
            ),
            "{v:?}: {:?}",
            reasons(&import)
        );

        let g = group(
            "G1",
            &entry("1:1", &field(v, "F1", "input", "bool", &[], "")),
            &rule(v, "R9", "V", "check: F1 == true"),
        );
        let import = run(&message(v, &entry("1:1", &g))).expect("imports");
        let Item::Group(g) = &import.definition.pages[0].items[0] else {
            panic!("a group")
        };
        assert_eq!(g.checks[0].rule, "F1 == true", "{v:?}: group rules");

        let schema_rule = entry("1:1", &field(v, "F1", "input", "bool", &[], ""))
            + &rule(v, "R10", "V", "check: F1 == true");
        assert!(
            noted(
                &run(&message(v, &schema_rule)).expect("imports"),
                "a rule on the whole schema"
            ),
            "{v:?}"
        );
    }
    let (_, import) = {
        let v = XdfVersion::V3;
        let xml = message(
            v,
            &(entry("1:1", &field(v, "F1", "input", "bool", &[], ""))
                + &entry(
                    "1:1",
                    &field(
                        v,
                        "F2",
                        "input",
                        "bool",
                        &[],
                        &rule(v, "R1", "B", "show_if: F1 == true"),
                    ),
                )),
        );
        let import = run(&xml).expect("imports");
        (import.definition.fields()[1].1.clone(), import)
    };
    assert!(
        noted(&import, "rule type B but the script is a condition"),
        "{:?}",
        reasons(&import)
    );
}

#[test]
fn a_deeply_nested_script_is_refused_by_the_engine_not_a_crash() {
    for v in BOTH {
        let deep = format!("show_if: {}true{}", "(".repeat(5000), ")".repeat(5000));
        let xml = message(
            v,
            &entry(
                "0:1",
                &field(v, "F1", "input", "bool", &[], &rule(v, "R1", "K", &deep)),
            ),
        );
        let import = run(&xml).expect("imports without the rule");
        assert!(import.definition.fields()[0].1.show_if.is_none(), "{v:?}");
        assert!(
            noted(&import, "refuses the rule"),
            "{v:?}: {:?}",
            reasons(&import)
        );
    }
}
