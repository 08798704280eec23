//! Builders of small XDatenfelder messages for the table tests, in either version.
#![allow(dead_code)]

use xdatenfelder::{import, Import, ImportError, Options, XdfVersion};

pub const BOTH: [XdfVersion; 2] = [XdfVersion::V2, XdfVersion::V3];

/// A whole message around `structure` (the schema's `struktur` entries), with prefix `xdf`.
pub fn message(v: XdfVersion, structure: &str) -> String {
    message_with(v, "xdf", structure)
}

/// The same with another prefix (`""` for the default namespace).
pub fn message_with(v: XdfVersion, prefix: &str, structure: &str) -> String {
    let ns = v.namespace();
    let (decl, p) = if prefix.is_empty() {
        (format!("xmlns=\"{ns}\""), String::new())
    } else {
        (format!("xmlns:{prefix}=\"{ns}\""), format!("{prefix}:"))
    };
    let body = format!(
        "<xdf:xdatenfelder.stammdatenschema.0102 {decl}>\
         <xdf:header><xdf:nachrichtID>1</xdf:nachrichtID></xdf:header>\
         <xdf:stammdatenschema>\
         <xdf:identifikation><xdf:id>S1</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>\
         <xdf:name>Test</xdf:name>{structure}</xdf:stammdatenschema>\
         </xdf:xdatenfelder.stammdatenschema.0102>"
    );
    body.replace("xdf:", &p)
}

/// A `struktur` entry with this cardinality around `element`.
pub fn entry(anzahl: &str, element: &str) -> String {
    format!("<xdf:struktur><xdf:anzahl>{anzahl}</xdf:anzahl><xdf:enthaelt>{element}</xdf:enthaelt></xdf:struktur>")
}

/// A `datenfeld` `id` with Feldart, Datentyp, Präzisierung (attributes in v3, JSON in v2) and
/// further children.
pub fn field(
    v: XdfVersion,
    id: &str,
    feldart: &str,
    datentyp: &str,
    praez: &[(&str, &str)],
    more: &str,
) -> String {
    let praez = if praez.is_empty() {
        String::new()
    } else if v == XdfVersion::V3 {
        let attrs: Vec<String> = praez.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
        format!("<xdf:praezisierung {}/>", attrs.join(" "))
    } else {
        let map: serde_json::Map<String, serde_json::Value> = praez
            .iter()
            .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
            .collect();
        let json = serde_json::Value::Object(map).to_string();
        format!(
            "<xdf:praezisierung>{}</xdf:praezisierung>",
            json.replace('&', "&amp;").replace('<', "&lt;")
        )
    };
    format!(
        "<xdf:datenfeld><xdf:identifikation><xdf:id>{id}</xdf:id></xdf:identifikation>\
         <xdf:name>Name {id}</xdf:name><xdf:bezeichnungEingabe>Feld {id}</xdf:bezeichnungEingabe>\
         <xdf:feldart><code>{feldart}</code></xdf:feldart><xdf:datentyp><code>{datentyp}</code></xdf:datentyp>\
         {praez}{more}</xdf:datenfeld>"
    )
}

/// A `datenfeldgruppe` `id` with these `struktur` entries and further children.
pub fn group(id: &str, entries: &str, more: &str) -> String {
    format!(
        "<xdf:datenfeldgruppe><xdf:identifikation><xdf:id>{id}</xdf:id></xdf:identifikation>\
         <xdf:bezeichnungEingabe>Gruppe {id}</xdf:bezeichnungEingabe>{more}{entries}</xdf:datenfeldgruppe>"
    )
}

/// A rule with a script (`skript` in v3, `script` in v2) and, in v3, a type.
pub fn rule(v: XdfVersion, id: &str, typ: &str, script: &str) -> String {
    let script = script
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    match v {
        XdfVersion::V3 => format!(
            "<xdf:regel><xdf:identifikation><xdf:id>{id}</xdf:id></xdf:identifikation>\
             <xdf:typ><code>{typ}</code></xdf:typ><xdf:skript>{script}</xdf:skript></xdf:regel>"
        ),
        XdfVersion::V2 => format!(
            "<xdf:regel><xdf:identifikation><xdf:id>{id}</xdf:id></xdf:identifikation>\
             <xdf:script>{script}</xdf:script></xdf:regel>"
        ),
    }
}

pub fn run(xml: &str) -> Result<Import, ImportError> {
    import(xml, &Options::default())
}

pub fn run_with(xml: &str, options: &Options) -> Result<Import, ImportError> {
    import(xml, options)
}

/// The reasons of the report, for `contains` checks.
pub fn reasons(import: &Import) -> Vec<String> {
    import
        .report
        .notes
        .iter()
        .map(|n| format!("{}: {}", n.path, n.reason))
        .collect()
}

pub fn noted(import: &Import, needle: &str) -> bool {
    reasons(import).iter().any(|r| r.contains(needle))
}
