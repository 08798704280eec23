//! One `datenfeld`: Feldart, Datentyp, Präzisierung, code lists, Vorbefüllung, cardinality.

use domain::form::{
    compile_pattern, Code, CodeList, Codes, DateBound, Feldart, Field, FieldKind, FimRef, Item,
    Localized, Num, Prefill,
};
use roxmltree::Node;

use crate::codelist::{CodeListRef, GenericodeList};
use crate::rules;
use crate::schema::{Anzahl, Ctx};
use crate::xml::{self, child, child_code, child_text, step};
use crate::ImportError;

/// A text field whose `maxLength` is at least this becomes a multi-line text (XDatenfelder has
/// no flag for it; long texts are descriptions, and a single line would refuse line breaks).
pub const MULTILINE_FROM_LENGTH: u32 = 500;

/// The patterns that stand for our format kinds: a `text` field with exactly this pattern
/// becomes that kind (with its own check, e.g. the IBAN checksum). Any other pattern stays a
/// pattern. Tools that do not know us still check the pattern.
pub const FORMAT_PATTERNS: &[(&str, &str)] = &[
    ("postal_code", "[0-9]{5}"),
    ("municipality", "[0-9]{12}"),
    ("email", "[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
    ("phone", "[+]?[0-9][0-9 ()/-]{4,}"),
    ("iban", "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,40}"),
];

fn format_kind(pattern: &str) -> Option<FieldKind> {
    let (name, _) = FORMAT_PATTERNS.iter().find(|(_, p)| *p == pattern)?;
    Some(match *name {
        "postal_code" => FieldKind::PostalCode,
        "municipality" => FieldKind::Municipality,
        "email" => FieldKind::Email,
        "phone" => FieldKind::Phone,
        _ => FieldKind::Iban,
    })
}

/// The Präzisierung: v3 carries attributes, v2 a text (often JSON such as
/// `{"minLength":"1","maxLength":"55"}`); both are read, entries taken as they are used.
#[derive(Debug, Default)]
struct Praezisierung {
    entries: Vec<(String, String)>,
}

impl Praezisierung {
    fn read(ctx: &mut Ctx<'_>, node: Option<Node<'_, '_>>, path: &str) -> Praezisierung {
        let mut p = Praezisierung::default();
        let Some(node) = node else { return p };
        for a in node.attributes() {
            p.entries
                .push((a.name().to_owned(), a.value().trim().to_owned()));
        }
        if let Some(text) = xml::text(node) {
            match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text) {
                Ok(map) => {
                    for (k, v) in map {
                        let v = match v {
                            serde_json::Value::String(s) => s.trim().to_owned(),
                            other => other.to_string(),
                        };
                        p.entries.push((k, v));
                    }
                }
                Err(_) => ctx.report.ignored(
                    path,
                    format!(
                        "the Präzisierung text `{text}` is neither attributes nor a JSON object"
                    ),
                ),
            }
        }
        p
    }

    fn take(&mut self, key: &str) -> Option<String> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        let (_, v) = self.entries.remove(i);
        (!v.is_empty()).then_some(v)
    }

    /// Notes every entry no kind used.
    fn leftovers(self, ctx: &mut Ctx<'_>, path: &str, datentyp: &str) {
        for (k, v) in self.entries {
            ctx.report.ignored(
                format!("{path}@{k}"),
                format!("`{k}={v}` does not apply to a field of Datentyp {datentyp}"),
            );
        }
    }
}

fn parse_or_note<T>(
    ctx: &mut Ctx<'_>,
    path: &str,
    key: &str,
    value: Option<String>,
    parse: impl Fn(&str) -> Option<T>,
    what: &str,
) -> Option<T> {
    let value = value?;
    let parsed = parse(&value);
    if parsed.is_none() {
        ctx.report
            .ignored(format!("{path}@{key}"), format!("`{value}` is not {what}"));
    }
    parsed
}

pub(crate) fn datenfeld(
    ctx: &mut Ctx<'_>,
    node: Node<'_, '_>,
    path: &str,
    id: String,
    fim: FimRef,
    anzahl: Anzahl,
) -> Result<Item, ImportError> {
    let ns = ctx.ns;
    ctx.unknown_children(
        node,
        path,
        &[
            "feldart",
            "datentyp",
            "praezisierung",
            "inhalt",
            "vorbefuellung",
            "werte",
            "codelisteReferenz",
            "codeKey",
            "nameKey",
            "helpKey",
            "maxSize",
            "mediaType",
            "regel",
            "bezeichnungEingabe",
            "hilfetextEingabe",
        ],
    );
    let missing = |element: &str| ImportError::Missing {
        path: path.to_owned(),
        element: element.to_owned(),
    };
    let feldart = child_code(node, ns, "feldart").ok_or_else(|| missing("feldart"))?;
    let datentyp = child_code(node, ns, "datentyp").ok_or_else(|| missing("datentyp"))?;
    let label = ctx.label(node, &fim.id);
    let mut hint = ctx.hint(node);
    let p_path = step(path, "praezisierung");
    let mut praez = Praezisierung::read(ctx, child(node, ns, "praezisierung"), &p_path);
    let inhalt = child_text(node, ns, "inhalt");
    let mut required = anzahl.min >= 1;
    let feldart_value = match feldart.as_str() {
        "input" => Feldart::Input,
        "select" => Feldart::Select,
        "label" => Feldart::Label,
        "hidden" => Feldart::Hidden,
        "locked" => Feldart::Locked,
        other => {
            ctx.report.approximated(
                step(path, "feldart"),
                format!("unknown Feldart `{other}`: taken as input"),
            );
            Feldart::Input
        }
    };
    let kind = match feldart_value {
        Feldart::Label => {
            required = false;
            let text = inhalt.clone().map(Localized::de).or_else(|| hint.take());
            FieldKind::Info {
                text: text.unwrap_or_else(|| label.clone()),
            }
        }
        Feldart::Select => match codes(ctx, node, path) {
            Some(codes) => {
                let multiple = anzahl.many();
                FieldKind::Choice {
                    codes,
                    multiple,
                    min_selected: (multiple && anzahl.min > 1).then_some(anzahl.min),
                    max_selected: if multiple { anzahl.max } else { None },
                }
            }
            None => FieldKind::Text {
                min_length: None,
                max_length: None,
                pattern: None,
                latin: false,
            },
        },
        _ => input_kind(ctx, node, path, &datentyp, &mut praez, anzahl),
    };
    praez.leftovers(ctx, &p_path, &datentyp);
    let multi_valued = matches!(
        kind,
        FieldKind::Choice { multiple: true, .. }
            | FieldKind::Attachment { .. }
            | FieldKind::Info { .. }
    );
    if anzahl.many() && !multi_valued {
        ctx.report.approximated(
            step(path, "anzahl"),
            format!(
                "cardinality {}:{} on a single-valued field: one value is asked for",
                anzahl.min,
                anzahl.max.map_or("*".to_owned(), |m| m.to_string())
            ),
        );
    }
    if inhalt.is_some() && !matches!(kind, FieldKind::Info { .. }) {
        ctx.report.ignored(
            step(path, "inhalt"),
            "a preset value (inhalt): our fields start empty",
        );
    }
    let prefill = match child_code(node, ns, "vorbefuellung").as_deref() {
        None | Some("keine") => Prefill::None,
        Some("optional") => Prefill::Optional,
        Some("verpflichtend") => Prefill::Required,
        Some(other) => {
            ctx.report.ignored(
                step(path, "vorbefuellung"),
                format!("unknown Vorbefüllung `{other}`"),
            );
            Prefill::None
        }
    };
    let mut field = Field {
        id,
        fim: Some(fim),
        label,
        hint,
        kind,
        required,
        required_if: None,
        show_if: None,
        compute: None,
        checks: Vec::new(),
        feldart: feldart_value,
        prefill,
    };
    rules::attach(ctx, node, path, rules::Target::Field(&mut field));
    if field.feldart == Feldart::Select && !matches!(field.kind, FieldKind::Choice { .. }) {
        field.feldart = Feldart::Input;
    }
    let unanswerable = matches!(field.feldart, Feldart::Hidden | Feldart::Locked);
    if unanswerable && field.required && field.compute.is_none() {
        field.required = false;
        ctx.report.approximated(
            step(path, "anzahl"),
            "a required hidden or locked field without a calculation: nobody could fill it in \
             (its preset value is not carried), so it is not required here",
        );
    }
    Ok(Item::Field(field))
}

fn input_kind(
    ctx: &mut Ctx<'_>,
    node: Node<'_, '_>,
    path: &str,
    datentyp: &str,
    praez: &mut Praezisierung,
    anzahl: Anzahl,
) -> FieldKind {
    let p_path = step(path, "praezisierung");
    let p = p_path.as_str();
    let u32_of = |s: &str| s.parse::<u32>().ok();
    match datentyp {
        "text" | "text_latin" => {
            let min_length = parse_or_note(
                ctx,
                p,
                "minLength",
                praez.take("minLength"),
                u32_of,
                "a length",
            );
            let max_length = parse_or_note(
                ctx,
                p,
                "maxLength",
                praez.take("maxLength"),
                u32_of,
                "a length",
            );
            let mut pattern = praez.take("pattern");
            if let Some(kind) = pattern.as_deref().and_then(format_kind) {
                if datentyp == "text" {
                    return kind;
                }
            }
            if let Some(source) = &pattern {
                if let Err(problem) = compile_pattern(source) {
                    ctx.report
                        .ignored(format!("{p}@pattern"), format!("`{source}`: {problem}"));
                    pattern = None;
                }
            }
            let latin = datentyp == "text_latin";
            if max_length.is_some_and(|m| m >= MULTILINE_FROM_LENGTH) {
                FieldKind::MultilineText {
                    min_length,
                    max_length,
                    pattern,
                    latin,
                }
            } else {
                FieldKind::Text {
                    min_length,
                    max_length,
                    pattern,
                    latin,
                }
            }
        }
        "date" => FieldKind::Date {
            min: parse_or_note(
                ctx,
                p,
                "minValue",
                praez.take("minValue"),
                DateBound::parse,
                "a date",
            ),
            max: parse_or_note(
                ctx,
                p,
                "maxValue",
                praez.take("maxValue"),
                DateBound::parse,
                "a date",
            ),
        },
        "time" => FieldKind::Time,
        "datetime" => FieldKind::DateTime,
        "bool" => FieldKind::YesNo,
        "num" => FieldKind::Decimal {
            min: parse_or_note(
                ctx,
                p,
                "minValue",
                praez.take("minValue"),
                Num::parse,
                "a number",
            ),
            max: parse_or_note(
                ctx,
                p,
                "maxValue",
                praez.take("maxValue"),
                Num::parse,
                "a number",
            ),
            scale: None,
            unit: None,
        },
        "num_int" => {
            let int = |s: &str| Num::parse(s).and_then(Num::to_int);
            FieldKind::Integer {
                min: parse_or_note(
                    ctx,
                    p,
                    "minValue",
                    praez.take("minValue"),
                    int,
                    "a whole number",
                ),
                max: parse_or_note(
                    ctx,
                    p,
                    "maxValue",
                    praez.take("maxValue"),
                    int,
                    "a whole number",
                ),
                unit: None,
            }
        }
        "num_currency" => {
            let cents = |s: &str| Num::parse(s).and_then(Num::to_cents);
            FieldKind::Money {
                min_cents: parse_or_note(
                    ctx,
                    p,
                    "minValue",
                    praez.take("minValue"),
                    cents,
                    "an amount",
                ),
                max_cents: parse_or_note(
                    ctx,
                    p,
                    "maxValue",
                    praez.take("maxValue"),
                    cents,
                    "an amount",
                ),
            }
        }
        "file" => {
            let accept: Vec<String> = xml::children(node, ctx.ns, "mediaType")
                .filter_map(xml::text)
                .collect();
            let max_bytes = parse_or_note(
                ctx,
                path,
                "maxSize",
                child_text(node, ctx.ns, "maxSize"),
                |s| s.parse::<u64>().ok(),
                "a size in bytes",
            );
            FieldKind::Attachment {
                accept,
                max_bytes,
                min_count: Some(anzahl.min.max(1)),
                max_count: anzahl.max,
            }
        }
        "obj" => {
            ctx.report.approximated(
                step(path, "datentyp"),
                "Datentyp obj: imported as a postal address (the one object type we know)",
            );
            FieldKind::Address
        }
        other => {
            ctx.report.approximated(
                step(path, "datentyp"),
                format!("unknown Datentyp `{other}`: taken as text"),
            );
            FieldKind::Text {
                min_length: None,
                max_length: None,
                pattern: None,
                latin: false,
            }
        }
    }
}

/// The options of a select field: the values the message carries (v3 `werte`), else the code
/// list its `codelisteReferenz` names, from the lists the caller passed. `None` (with a note)
/// when neither is there.
fn codes(ctx: &mut Ctx<'_>, node: Node<'_, '_>, path: &str) -> Option<Codes> {
    let ns = ctx.ns;
    if let Some(werte) = child(node, ns, "werte") {
        let mut codes = Vec::new();
        for (i, wert) in xml::children(werte, ns, "wert").enumerate() {
            if child_text(wert, ns, "hilfe").is_some() {
                ctx.report.ignored(
                    step(path, &format!("werte/wert[{}]/hilfe", i + 1)),
                    "a help text of a value: our options carry a label only",
                );
            }
            match (child_text(wert, ns, "code"), child_text(wert, ns, "name")) {
                (Some(code), name) => codes.push(Code {
                    label: Localized::de(name.unwrap_or_else(|| code.clone())),
                    code,
                }),
                (None, _) => ctx.report.ignored(
                    step(path, &format!("werte/wert[{}]", i + 1)),
                    "a value without code",
                ),
            }
        }
        if !codes.is_empty() {
            return Some(Codes::Inline(codes));
        }
    }
    let reference = child(node, ns, "codelisteReferenz").map(|r| {
        let find = |names: &[&str]| {
            r.descendants()
                .filter(|d| d.is_element() && names.contains(&d.tag_name().name()))
                .find_map(xml::text)
        };
        CodeListRef {
            canonical_uri: find(&["canonicalIdent", "canonicalIdentification", "canonicalUri"]),
            version: find(&["version"]),
            canonical_version_uri: find(&["canonicalVersionUri"]),
        }
    });
    let Some(reference) =
        reference.filter(|r| r.canonical_uri.is_some() || r.canonical_version_uri.is_some())
    else {
        ctx.report.approximated(
            path,
            "a select field without values or code list reference: taken as free text",
        );
        return None;
    };
    let Some(list) = ctx.options.code_lists.find(&reference) else {
        ctx.report.approximated(
            step(path, "codelisteReferenz"),
            format!(
                "code list {} (version {}) was not given to the import: taken as free text",
                reference
                    .canonical_uri
                    .as_deref()
                    .or(reference.canonical_version_uri.as_deref())
                    .unwrap_or_default(),
                reference.version.as_deref().unwrap_or("any")
            ),
        );
        return None;
    };
    if let Some(help) = child_text(node, ns, "helpKey") {
        ctx.report.ignored(
            step(path, "helpKey"),
            format!("the help column `{help}` of the code list: our options carry a label only"),
        );
    }
    let code_key = child_text(node, ns, "codeKey");
    let name_key = child_text(node, ns, "nameKey");
    let list = code_list(list, code_key.as_deref(), name_key.as_deref());
    if list.codes.is_empty() {
        ctx.report.approximated(
            step(path, "codelisteReferenz"),
            "the code list has no usable rows: taken as free text",
        );
        return None;
    }
    let name = list_name(&list, &ctx.code_lists);
    ctx.code_lists.insert(name.clone(), list);
    Some(Codes::Named(name))
}

fn code_list(list: &GenericodeList, code_key: Option<&str>, name_key: Option<&str>) -> CodeList {
    let code_column = code_key
        .map(str::to_owned)
        .or_else(|| list.key_column.clone())
        .or_else(|| list.columns.first().cloned())
        .unwrap_or_default();
    let name_column = name_key
        .map(str::to_owned)
        .or_else(|| list.columns.iter().find(|c| **c != code_column).cloned());
    let mut codes: Vec<Code> = Vec::new();
    for row in &list.rows {
        let Some(code) = GenericodeList::value(row, &code_column).filter(|c| !c.is_empty()) else {
            continue;
        };
        if codes.iter().any(|c| c.code == code) {
            continue;
        }
        let label = name_column
            .as_deref()
            .and_then(|n| GenericodeList::value(row, n))
            .filter(|l| !l.is_empty())
            .unwrap_or(code);
        codes.push(Code {
            code: code.to_owned(),
            label: Localized::de(label),
        });
    }
    CodeList {
        uri: Some(list.canonical_uri.clone()),
        version: list.version.clone(),
        codes,
    }
}

/// The key of a code list in the form: the last part of its URN (`…:hundegeschlecht`), made
/// unique; the same list (URI and version) used twice gets the same key.
fn list_name(list: &CodeList, taken: &std::collections::BTreeMap<String, CodeList>) -> String {
    if let Some((name, _)) = taken
        .iter()
        .find(|(_, l)| l.uri == list.uri && l.version == list.version)
    {
        return name.clone();
    }
    let uri = list.uri.as_deref().unwrap_or("codeliste");
    let base = uri
        .rsplit([':', '/'])
        .find(|s| !s.is_empty())
        .unwrap_or("codeliste")
        .to_owned();
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains_key(&name) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}
