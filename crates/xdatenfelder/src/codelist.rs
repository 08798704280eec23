//! Code lists in OASIS genericode 1.0, as XRepository publishes them, keyed by their
//! canonical URI (URN) and version. The caller reads the files (the library does no IO) and
//! hands their text to [`CodeLists::add_genericode`].

use roxmltree::{Document, Node};

use crate::error::CodeListError;
use crate::xml;

/// The genericode 1.0 namespace.
pub const GENERICODE_NS: &str = "http://docs.oasis-open.org/codelist/ns/genericode/1.0/";

/// One genericode code list: its identification and its rows (column id → value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenericodeList {
    pub canonical_uri: String,
    pub version: Option<String>,
    pub canonical_version_uri: Option<String>,
    pub short_name: Option<String>,
    /// Column ids in order.
    pub columns: Vec<String>,
    /// The key column (the first `Key`'s `ColumnRef`), where there is one.
    pub key_column: Option<String>,
    pub rows: Vec<Vec<(String, String)>>,
}

impl GenericodeList {
    /// The value of `column` in `row`.
    pub fn value<'a>(row: &'a [(String, String)], column: &str) -> Option<&'a str> {
        row.iter()
            .find(|(c, _)| c == column)
            .map(|(_, v)| v.as_str())
    }
}

/// The code lists an import may use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeLists {
    lists: Vec<GenericodeList>,
}

/// How a field names its code list (XDF `codelisteReferenz`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeListRef {
    pub canonical_uri: Option<String>,
    pub version: Option<String>,
    pub canonical_version_uri: Option<String>,
}

impl CodeLists {
    pub fn new() -> Self {
        CodeLists::default()
    }

    /// Reads one genericode document and adds its list.
    pub fn add_genericode(&mut self, xml_text: &str) -> Result<&GenericodeList, CodeListError> {
        let at = self.lists.len();
        self.lists.push(parse_genericode(xml_text)?);
        Ok(&self.lists[at])
    }

    pub fn len(&self) -> usize {
        self.lists.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// The list a reference names: by canonical version URI, else by canonical URI and
    /// version, else (a reference without version) the last list added with that URI.
    pub fn find(&self, reference: &CodeListRef) -> Option<&GenericodeList> {
        if let Some(cvu) = &reference.canonical_version_uri {
            if let Some(list) = self
                .lists
                .iter()
                .find(|l| l.canonical_version_uri.as_ref() == Some(cvu))
            {
                return Some(list);
            }
        }
        let uri = reference.canonical_uri.as_ref()?;
        let mut same_uri = self.lists.iter().filter(|l| &l.canonical_uri == uri);
        match &reference.version {
            Some(version) => same_uri.find(|l| l.version.as_ref() == Some(version)),
            None => same_uri.next_back(),
        }
    }
}

fn parse_genericode(text: &str) -> Result<GenericodeList, CodeListError> {
    if xml::nests_deeper_than(text, xml::MAX_XML_DEPTH) {
        return Err(CodeListError::Invalid {
            path: "(the XML document)".into(),
            reason: format!("elements nest deeper than {} levels", xml::MAX_XML_DEPTH),
        });
    }
    let doc = Document::parse(text).map_err(|e| CodeListError::Xml(e.to_string()))?;
    let root = doc.root_element();
    if root.tag_name().name() != "CodeList" || root.tag_name().namespace() != Some(GENERICODE_NS) {
        return Err(CodeListError::NotCodeList(xml::name_of(root)));
    }
    // genericode leaves its child elements unqualified; accept them in any namespace.
    fn find<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
        xml::elements(node).find(|c| c.tag_name().name() == name)
    }
    let missing = |path: &str, element: &str| CodeListError::Missing {
        path: path.to_owned(),
        element: element.to_owned(),
    };
    let identification =
        find(root, "Identification").ok_or_else(|| missing("CodeList", "Identification"))?;
    let canonical_uri = find(identification, "CanonicalUri")
        .and_then(xml::text)
        .ok_or_else(|| missing("CodeList/Identification", "CanonicalUri"))?;
    let version = find(identification, "Version").and_then(xml::text);
    let canonical_version_uri = find(identification, "CanonicalVersionUri").and_then(xml::text);
    let short_name = find(identification, "ShortName").and_then(xml::text);
    let mut columns = Vec::new();
    let mut key_column = None;
    if let Some(set) = find(root, "ColumnSet") {
        for c in xml::elements(set) {
            match c.tag_name().name() {
                "Column" => {
                    if let Some(id) = c.attribute("Id") {
                        columns.push(id.to_owned());
                    }
                }
                "Key" if key_column.is_none() => {
                    key_column = find(c, "ColumnRef")
                        .and_then(|r| r.attribute("Ref"))
                        .map(str::to_owned);
                }
                _ => {}
            }
        }
    }
    let body = find(root, "SimpleCodeList").ok_or_else(|| missing("CodeList", "SimpleCodeList"))?;
    let mut rows = Vec::new();
    for (i, row) in xml::elements(body)
        .filter(|r| r.tag_name().name() == "Row")
        .enumerate()
    {
        let mut values = Vec::new();
        for (j, value) in xml::elements(row)
            .filter(|v| v.tag_name().name() == "Value")
            .enumerate()
        {
            // Without ColumnRef, a value belongs to the column at its position.
            let column = value
                .attribute("ColumnRef")
                .map(str::to_owned)
                .or_else(|| columns.get(j).cloned())
                .ok_or_else(|| CodeListError::Invalid {
                    path: format!("CodeList/SimpleCodeList/Row[{}]/Value[{}]", i + 1, j + 1),
                    reason: "a value names no column and has no column at its position".into(),
                })?;
            let text = find(value, "SimpleValue")
                .and_then(xml::text)
                .unwrap_or_default();
            values.push((column, text));
        }
        rows.push(values);
    }
    Ok(GenericodeList {
        canonical_uri,
        version,
        canonical_version_uri,
        short_name,
        columns,
        key_column,
        rows,
    })
}
