//! The message, the schema and its structure: groups, cardinalities, pages.

use std::collections::{BTreeMap, BTreeSet};

use domain::form::{CodeList, FimRef, FormDefinition, Group, Item, Localized, Page, Repeat};
use roxmltree::{Document, Node, ParsingOptions};

use crate::report::Report;
use crate::xml::{self, child, child_text, elements, step};
use crate::{field, rules, Import, ImportError, Options, XdfVersion, NS_V2, NS_V3};
use crate::{FORM_DEFAULTS, STAMMDATENSCHEMA_MESSAGE};

/// How deep groups may nest (a schema is a handful of levels; this bounds the recursion).
pub(crate) const MAX_DEPTH: usize = 32;

/// Elements every XDatenfelder element may carry that mean nothing for the form (who wrote
/// it, when, its status, relations, output texts). Read past without a note.
const METADATA: &[&str] = &[
    "identifikation",
    "name",
    "beschreibung",
    "definition",
    "bezug",
    "status",
    "freigabestatus",
    "statusGesetztAm",
    "statusGesetztDurch",
    "fachlicherErsteller",
    "versionshinweis",
    "gueltigAb",
    "gueltigBis",
    "freigabedatum",
    "veroeffentlichungsdatum",
    "letzteAenderung",
    "stichwort",
    "relation",
    "schemaelementart",
    "bezeichnungAusgabe",
    "hilfetextAusgabe",
    "ableitungsmodifikationenStruktur",
    "ableitungsmodifikationenRepraesentation",
    "dokumentsteckbrief",
];

/// A cardinality `min:max` (`max` `None` for `*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anzahl {
    pub min: u32,
    pub max: Option<u32>,
}

impl Anzahl {
    pub(crate) fn parse(text: &str) -> Option<Anzahl> {
        let (min, max) = text.trim().split_once(':')?;
        let min = min.trim().parse().ok()?;
        let max = match max.trim() {
            "*" => None,
            n => Some(n.parse().ok()?),
        };
        if max.is_some_and(|max| max < min) {
            return None;
        }
        Some(Anzahl { min, max })
    }

    pub(crate) fn many(self) -> bool {
        self.max.is_none_or(|max| max > 1)
    }
}

/// What every walker needs: the namespace, the options, the report, the named code lists.
pub(crate) struct Ctx<'o> {
    pub ns: &'static str,
    pub options: &'o Options,
    pub report: Report,
    pub code_lists: BTreeMap<String, CodeList>,
}

impl Ctx<'_> {
    /// Notes every child of `node` that is neither handled nor metadata.
    pub(crate) fn unknown_children(&mut self, node: Node<'_, '_>, path: &str, handled: &[&str]) {
        for c in elements(node) {
            let name = c.tag_name().name();
            let ours = c.tag_name().namespace() == Some(self.ns);
            if ours && (handled.contains(&name) || METADATA.contains(&name)) {
                continue;
            }
            self.report.ignored(
                step(path, &xml::name_of(c)),
                "unknown element (not part of this XDatenfelder version's Stammdatenschema)",
            );
        }
    }

    /// The FIM identification (`id`, `version`) of an element.
    pub(crate) fn identification(
        &self,
        node: Node<'_, '_>,
        path: &str,
    ) -> Result<FimRef, ImportError> {
        let missing = |element: &str| ImportError::Missing {
            path: path.to_owned(),
            element: element.to_owned(),
        };
        let ident =
            child(node, self.ns, "identifikation").ok_or_else(|| missing("identifikation"))?;
        let id = child_text(ident, self.ns, "id").ok_or_else(|| missing("identifikation/id"))?;
        Ok(FimRef {
            id,
            version: child_text(ident, self.ns, "version"),
        })
    }

    /// The input label: `bezeichnungEingabe`, else `name`, else the id.
    pub(crate) fn label(&self, node: Node<'_, '_>, fallback: &str) -> Localized {
        let text = child_text(node, self.ns, "bezeichnungEingabe")
            .or_else(|| child_text(node, self.ns, "bezeichnung"))
            .or_else(|| child_text(node, self.ns, "name"))
            .unwrap_or_else(|| fallback.to_owned());
        Localized::de(text)
    }

    /// The input help text, if any.
    pub(crate) fn hint(&self, node: Node<'_, '_>) -> Option<Localized> {
        child_text(node, self.ns, "hilfetextEingabe")
            .or_else(|| child_text(node, self.ns, "hilfetext"))
            .map(Localized::de)
    }
}

/// An element id as our engine takes it (ASCII letters, digits, `_`; not starting with a
/// digit; at most 64): FIM ids such as `F60000227` pass unchanged.
pub(crate) fn answer_key(fim_id: &str) -> String {
    let mut key: String = fim_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(60)
        .collect();
    if !key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        key.insert(0, '_');
    }
    key
}

/// Makes `key` unique among `seen` (`F1`, `F1_2`, `F1_3`, …).
pub(crate) fn unique(key: String, seen: &mut BTreeSet<String>) -> String {
    if seen.insert(key.clone()) {
        return key;
    }
    let mut n = 2_u32;
    loop {
        let candidate = format!("{key}_{n}");
        if seen.insert(candidate.clone()) {
            return candidate;
        }
        n = n.saturating_add(1);
    }
}

pub(crate) fn import(text: &str, options: &Options) -> Result<Import, ImportError> {
    let parsing = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 4_000_000,
    };
    if xml::nests_deeper_than(text, xml::MAX_XML_DEPTH) {
        return Err(ImportError::TooDeep {
            path: "(the XML document)".into(),
            limit: xml::MAX_XML_DEPTH,
        });
    }
    let doc =
        Document::parse_with_options(text, parsing).map_err(|e| ImportError::Xml(e.to_string()))?;
    let root = doc.root_element();
    if root.tag_name().name() != STAMMDATENSCHEMA_MESSAGE {
        return Err(ImportError::NotStammdatenschema {
            found: xml::name_of(root),
        });
    }
    let (ns, version) = match root.tag_name().namespace() {
        Some(NS_V2) => (NS_V2, XdfVersion::V2),
        Some(NS_V3) => (NS_V3, XdfVersion::V3),
        other => {
            return Err(ImportError::UnknownNamespace {
                found: other.unwrap_or("").to_owned(),
            })
        }
    };
    let mut ctx = Ctx {
        ns,
        options,
        report: Report::default(),
        code_lists: BTreeMap::new(),
    };
    let root_path = STAMMDATENSCHEMA_MESSAGE;
    ctx.unknown_children(root, root_path, &["header", "stammdatenschema"]);
    let schema = child(root, ns, "stammdatenschema").ok_or_else(|| ImportError::Missing {
        path: root_path.to_owned(),
        element: "stammdatenschema".to_owned(),
    })?;
    let definition = stammdatenschema(&mut ctx, schema)?;
    let definition = rules::until_the_engine_accepts(&mut ctx, definition)?;
    Ok(Import {
        version,
        definition,
        report: ctx.report,
    })
}

fn stammdatenschema(ctx: &mut Ctx<'_>, node: Node<'_, '_>) -> Result<FormDefinition, ImportError> {
    let fim = ctx.identification(node, "stammdatenschema")?;
    let path = format!("stammdatenschema[{}]", fim.id);
    ctx.unknown_children(
        node,
        &path,
        &[
            "struktur",
            "regel",
            "bezeichnungEingabe",
            "bezeichnung",
            "hilfetextEingabe",
            "hilfetext",
        ],
    );
    let schema_rules = xml::children(node, ctx.ns, "regel").count();
    for i in 0..schema_rules {
        ctx.report.ignored(
            step(&path, &format!("regel[{}]", i + 1)),
            "a rule on the whole schema: our forms carry rules on groups and fields; attach it to the element it checks",
        );
    }
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();
    for (i, s) in xml::children(node, ctx.ns, "struktur").enumerate() {
        if let Some(item) = struktur(
            ctx,
            s,
            &step(&path, &format!("struktur[{}]", i + 1)),
            &mut seen,
            1,
        )? {
            items.push(item);
        }
    }
    if items.is_empty() {
        return Err(ImportError::Missing {
            path,
            element: "struktur (with at least one element)".into(),
        });
    }
    let title = ctx.label(node, &fim.id);
    let description = ctx.hint(node);
    let id = ctx
        .options
        .form_id
        .clone()
        .unwrap_or_else(|| fim.id.clone());
    let version = fim.version.clone().unwrap_or_else(|| {
        ctx.report.approximated(
            format!("{path}/identifikation"),
            format!(
                "the schema has no version; the form gets version {}",
                FORM_DEFAULTS.version
            ),
        );
        FORM_DEFAULTS.version.to_owned()
    });
    Ok(FormDefinition {
        format: domain::form::FORMAT_VERSION,
        id,
        version,
        fim: Some(fim),
        leika_key: ctx.options.leika_key.clone(),
        title,
        description,
        code_lists: std::mem::take(&mut ctx.code_lists),
        pages: pages(items),
        // XDatenfelder has no reminders: a form that needs them says so in our JSON.
        reminders: Vec::new(),
    })
}

/// One page per top-level group (its id and label); top-level fields join the page before
/// them, or a first page of their own.
fn pages(items: Vec<Item>) -> Vec<Page> {
    let mut first_page_id = FORM_DEFAULTS.first_page_id.to_owned();
    while items.iter().any(|i| i.id() == first_page_id) {
        first_page_id.push('_');
    }
    let mut pages: Vec<Page> = Vec::new();
    for item in items {
        match (&item, pages.last_mut()) {
            (Item::Group(group), _) => pages.push(Page {
                id: group.id.clone(),
                title: group.label.clone(),
                show_if: None,
                items: vec![item],
            }),
            (Item::Field(_), Some(page)) => page.items.push(item),
            (Item::Field(_), None) => pages.push(Page {
                id: first_page_id.clone(),
                title: Localized::new(FORM_DEFAULTS.first_page_de, FORM_DEFAULTS.first_page_en),
                show_if: None,
                items: vec![item],
            }),
        }
    }
    pages
}

/// A `struktur` entry: its `anzahl` and the one element it contains.
pub(crate) fn struktur(
    ctx: &mut Ctx<'_>,
    node: Node<'_, '_>,
    path: &str,
    seen: &mut BTreeSet<String>,
    depth: usize,
) -> Result<Option<Item>, ImportError> {
    if depth > MAX_DEPTH {
        return Err(ImportError::TooDeep {
            path: path.to_owned(),
            limit: MAX_DEPTH,
        });
    }
    ctx.unknown_children(node, path, &["anzahl", "enthaelt"]);
    let raw = child_text(node, ctx.ns, "anzahl").ok_or_else(|| ImportError::Missing {
        path: path.to_owned(),
        element: "anzahl".into(),
    })?;
    let anzahl = Anzahl::parse(&raw).ok_or_else(|| ImportError::Invalid {
        path: step(path, "anzahl"),
        value: raw.clone(),
        reason: "a cardinality is `min:max` with whole numbers, max `*` or at least min".into(),
    })?;
    let enthaelt = child(node, ctx.ns, "enthaelt").ok_or_else(|| ImportError::Missing {
        path: path.to_owned(),
        element: "enthaelt".into(),
    })?;
    let inner_path = step(path, "enthaelt");
    ctx.unknown_children(enthaelt, &inner_path, &["datenfeldgruppe", "datenfeld"]);
    let element = elements(enthaelt)
        .find(|c| xml::is(*c, ctx.ns, "datenfeldgruppe") || xml::is(*c, ctx.ns, "datenfeld"))
        .ok_or_else(|| ImportError::Missing {
            path: inner_path.clone(),
            element: "datenfeldgruppe or datenfeld".into(),
        })?;
    let fim = ctx.identification(element, &step(&inner_path, element.tag_name().name()))?;
    let element_path = step(
        &inner_path,
        &format!("{}[{}]", element.tag_name().name(), fim.id),
    );
    if anzahl.max == Some(0) {
        ctx.report
            .ignored(&element_path, "cardinality 0:0: the element never occurs");
        return Ok(None);
    }
    let key = answer_key(&fim.id);
    if key != fim.id {
        ctx.report.approximated(
            &element_path,
            format!("the id is not an answer key here; answers are kept under `{key}`"),
        );
    }
    let id = unique(key.clone(), seen);
    if id != key {
        ctx.report.approximated(
            &element_path,
            format!("the element occurs twice in this group; the second one's answers are kept under `{id}`"),
        );
    }
    if xml::is(element, ctx.ns, "datenfeld") {
        return field::datenfeld(ctx, element, &element_path, id, fim, anzahl).map(Some);
    }
    datenfeldgruppe(ctx, element, &element_path, id, fim, anzahl, depth).map(Some)
}

fn datenfeldgruppe(
    ctx: &mut Ctx<'_>,
    node: Node<'_, '_>,
    path: &str,
    id: String,
    fim: FimRef,
    anzahl: Anzahl,
    depth: usize,
) -> Result<Item, ImportError> {
    ctx.unknown_children(
        node,
        path,
        &[
            "struktur",
            "regel",
            "bezeichnungEingabe",
            "hilfetextEingabe",
            "art",
        ],
    );
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();
    for (i, s) in xml::children(node, ctx.ns, "struktur").enumerate() {
        let inner = step(path, &format!("struktur[{}]", i + 1));
        if let Some(item) = struktur(ctx, s, &inner, &mut seen, depth + 1)? {
            items.push(item);
        }
    }
    if items.is_empty() {
        return Err(ImportError::Missing {
            path: path.to_owned(),
            element: "struktur (a group needs at least one element)".into(),
        });
    }
    if let Some(art) = xml::child_code(node, ctx.ns, "art") {
        let what = if art == "X" {
            "a choice group (art X: exactly one of its elements is filled in)".to_owned()
        } else {
            format!("group art `{art}`")
        };
        ctx.report.approximated(
            step(path, "art"),
            format!("{what}: imported as a plain group; a rule must say what it means"),
        );
    }
    let (repeat, optional) = match anzahl {
        a if a.many() => (
            Some(Repeat {
                min: a.min,
                max: a.max,
            }),
            false,
        ),
        a => (None, a.min == 0),
    };
    let mut group = Group {
        id,
        label: ctx.label(node, &fim.id),
        hint: ctx.hint(node),
        fim: Some(fim),
        repeat,
        optional,
        show_if: None,
        checks: Vec::new(),
        items,
    };
    rules::attach(ctx, node, path, rules::Target::Group(&mut group));
    Ok(Item::Group(group))
}
