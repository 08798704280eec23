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

/// How deep elements may nest in a document we parse. `roxmltree` builds its tree
/// recursively, so a hostile document could exhaust the stack before any of our limits
/// applies: [`nests_deeper_than`] looks first. A Stammdatenschema nests a few dozen levels.
pub(crate) const MAX_XML_DEPTH: usize = 256;

/// Does any element of `text` nest deeper than `limit`? A linear scan that skips comments,
/// CDATA, processing instructions and declarations and respects quoted attribute values; on
/// malformed text it may count wrongly, but then the parser refuses the text anyway.
pub(crate) fn nests_deeper_than(text: &str, limit: usize) -> bool {
    let b = text.as_bytes();
    let skip_to = |from: usize, end: &[u8]| -> usize {
        b.get(from..)
            .and_then(|rest| rest.windows(end.len()).position(|w| w == end))
            .map_or(b.len(), |p| from + p + end.len())
    };
    let (mut i, mut depth) = (0, 0_usize);
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &b[i + 1..];
        if rest.starts_with(b"!--") {
            i = skip_to(i + 4, b"-->");
        } else if rest.starts_with(b"![CDATA[") {
            i = skip_to(i + 9, b"]]>");
        } else if rest.starts_with(b"?") {
            i = skip_to(i + 2, b"?>");
        } else if rest.starts_with(b"!") {
            i = skip_to(i + 2, b">");
        } else if rest.starts_with(b"/") {
            depth = depth.saturating_sub(1);
            i = skip_to(i + 2, b">");
        } else {
            let mut j = i + 1;
            let mut quote = None;
            while j < b.len() {
                let c = b[j];
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if c == b'"' || c == b'\'' => quote = Some(c),
                    None if c == b'>' => break,
                    None => {}
                }
                j += 1;
            }
            if j < b.len() && b[j - 1] != b'/' {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            i = j + 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::nests_deeper_than;

    #[test]
    fn depth_is_counted_past_comments_cdata_and_quotes() {
        assert!(!nests_deeper_than("<a><b/><c>x</c></a>", 2));
        assert!(nests_deeper_than("<a><b><c/></b></a>", 1));
        assert!(!nests_deeper_than("<a><b><c/></b></a>", 2));
        assert!(!nests_deeper_than(
            "<a><!-- <b><c> --><![CDATA[<d><e>]]><?p <f>?></a>",
            1
        ));
        assert!(
            nests_deeper_than(&"<a x=\"/>\">".repeat(5), 4),
            "a `/>` inside a quoted value closes nothing"
        );
        assert!(!nests_deeper_than(&"<a>".repeat(5), 5));
    }
}
