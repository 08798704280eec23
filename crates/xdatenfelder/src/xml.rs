//! Small helpers over `roxmltree`: elements of the message's XDatenfelder namespace by local
//! name (whatever prefix the sender chose), trimmed text, and element paths for errors.

use roxmltree::Node;

/// The element children of `node`.
pub(crate) fn elements<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(Node::is_element)
}

/// The first child element in namespace `ns` with this local name.
pub(crate) fn child<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Option<Node<'a, 'i>> {
    elements(node).find(|c| is(*c, ns, name))
}

/// Every child element in namespace `ns` with this local name.
pub(crate) fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    ns: &'a str,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    elements(node).filter(move |c| is(*c, ns, name))
}

/// Is `node` the element `name` of namespace `ns`?
pub(crate) fn is(node: Node<'_, '_>, ns: &str, name: &str) -> bool {
    node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

/// The trimmed text of an element (all its text descendants), `None` when empty.
pub(crate) fn text(node: Node<'_, '_>) -> Option<String> {
    let mut out = String::new();
    for d in node.descendants().filter(Node::is_text) {
        out.push_str(d.text().unwrap_or_default());
    }
    let trimmed = out.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The trimmed text of the child element `name`, `None` when absent or empty.
pub(crate) fn child_text(node: Node<'_, '_>, ns: &str, name: &str) -> Option<String> {
    child(node, ns, name).and_then(text)
}

/// The code of an XÖV code element (`<xdf:datentyp><code>text</code></xdf:datentyp>`): the
/// `code` child in any namespace (XÖV leaves it unqualified), else the element's own text.
pub(crate) fn code(node: Node<'_, '_>) -> Option<String> {
    match elements(node).find(|c| c.tag_name().name() == "code") {
        Some(code) => text(code),
        None => text(node),
    }
}

/// The code of the child element `name`.
pub(crate) fn child_code(node: Node<'_, '_>, ns: &str, name: &str) -> Option<String> {
    child(node, ns, name).and_then(code)
}

/// How an element is named in paths: its qualified name with the prefix dropped.
pub(crate) fn name_of(node: Node<'_, '_>) -> String {
    match node.tag_name().namespace() {
        Some(ns) if !ns.starts_with("urn:xoev-de:fim:standard:xdatenfelder") => {
            format!("{{{ns}}}{}", node.tag_name().name())
        }
        _ => node.tag_name().name().to_owned(),
    }
}

/// Appends a step to an element path.
pub(crate) fn step(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}/{name}")
    }
}
