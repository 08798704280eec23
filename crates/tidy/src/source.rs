//! Rust source read just well enough for the checks, without a parser: comments and literals
//! told apart from code, `#[cfg(test)]` items found, `mod name;` declarations listed, a
//! function's body located. Offsets are byte offsets into the original text.

use std::ops::Range;

/// A string literal: where its contents start and the contents as written (escapes not
/// resolved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub start: usize,
    pub text: String,
}

/// A `mod name;` declaration (a module in a file of its own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModDecl {
    pub name: String,
    /// The `#[path = "…"]` attribute on it, if any.
    pub path_attr: Option<String>,
    /// Whether it is compiled only for tests (`#[cfg(test)]` on it or around it).
    pub in_test: bool,
    pub line: usize,
}

/// A Rust file split into code, comments and literals.
#[derive(Debug, Clone)]
pub struct Source {
    original: String,
    /// The text with every comment and the contents of every string and char literal replaced
    /// by spaces, byte for byte and newlines kept, so offsets and lines match the original.
    code: String,
    literals: Vec<Literal>,
    line_starts: Vec<usize>,
    tests: Vec<Range<usize>>,
}

fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

impl Source {
    pub fn parse(text: &str) -> Source {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut code = bytes.to_vec();
        let mut literals = Vec::new();
        let blank = |code: &mut Vec<u8>, range: Range<usize>| {
            for byte in &mut code[range] {
                if *byte != b'\n' {
                    *byte = b' ';
                }
            }
        };
        let mut i = 0;
        while i < n {
            let rest = &bytes[i..];
            let boundary = i == 0 || !is_ident(bytes[i - 1]);
            if rest.starts_with(b"//") {
                let end = rest.iter().position(|&b| b == b'\n').map_or(n, |p| i + p);
                blank(&mut code, i..end);
                i = end;
            } else if rest.starts_with(b"/*") {
                let (mut depth, mut j) = (1, i + 2);
                while j < n && depth > 0 {
                    if bytes[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if bytes[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                blank(&mut code, i..j);
                i = j;
            } else if let Some((open, hashes)) = boundary.then(|| raw_string_start(rest)).flatten()
            {
                let start = i + open;
                let closing: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let end = bytes[start..]
                    .windows(closing.len())
                    .position(|w| w == closing.as_slice())
                    .map_or(n, |p| start + p);
                literals.push(Literal {
                    start,
                    text: text[start..end].to_string(),
                });
                blank(&mut code, start..end);
                i = (end + closing.len()).min(n);
            } else if bytes[i] == b'"' {
                let mut j = i + 1;
                while j < n && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(n);
                literals.push(Literal {
                    start: i + 1,
                    text: text[i + 1..end].to_string(),
                });
                blank(&mut code, i + 1..end);
                i = end + 1;
            } else if bytes[i] == b'\'' && i + 1 < n {
                // A char literal ('x', '\n', '\u{..}', '"'), else a lifetime or label.
                let end = if bytes[i + 1] == b'\\' {
                    bytes[(i + 3).min(n)..]
                        .iter()
                        .position(|&b| b == b'\'')
                        .map(|p| i + 3 + p)
                } else {
                    let after = i + 1 + utf8_len(bytes[i + 1]);
                    (after < n && bytes[after] == b'\'').then_some(after)
                };
                match end {
                    Some(end) => {
                        blank(&mut code, i + 1..end);
                        i = end + 1;
                    }
                    None => i += 1,
                }
            } else {
                i += 1;
            }
        }
        let code = String::from_utf8(code).unwrap_or_else(|e| {
            // Only whole characters are blanked, so this cannot happen; stay total anyway.
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        });
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(p, _)| p + 1))
            .collect();
        let mut source = Source {
            original: text.to_string(),
            code,
            literals,
            line_starts,
            tests: Vec::new(),
        };
        source.tests = source.find_test_regions();
        source
    }

    /// The code with comments and literal contents blanked.
    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn literals(&self) -> &[Literal] {
        &self.literals
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// Whether an offset lies in code compiled only for tests.
    pub fn is_test(&self, offset: usize) -> bool {
        self.tests.iter().any(|r| r.contains(&offset))
    }

    /// Whether the file says `#![cfg(test)]` of itself.
    pub fn whole_file_is_test(&self) -> bool {
        self.tests
            .iter()
            .any(|r| r.start == 0 && r.end == self.code.len())
    }

    fn find_test_regions(&self) -> Vec<Range<usize>> {
        let code = self.code.as_bytes();
        let mut regions = Vec::new();
        for (at, _) in self.code.match_indices('#') {
            let inner = code.get(at + 1) == Some(&b'!');
            let open = if inner { at + 2 } else { at + 1 };
            if code.get(open) != Some(&b'[') {
                continue;
            }
            let Some(close) = matching(code, open) else {
                continue;
            };
            if !is_test_cfg(&self.code[open + 1..close]) {
                continue;
            }
            if inner {
                regions.push(0..code.len());
            } else {
                let item = skip_attributes(code, close + 1);
                regions.push(at..item_end(code, item));
            }
        }
        regions
    }

    /// Every `mod name;` (not inline modules), with its `#[path]` and whether it is test code.
    pub fn mod_decls(&self) -> Vec<ModDecl> {
        let code = self.code.as_bytes();
        let mut decls = Vec::new();
        for (at, _) in self.code.match_indices("mod") {
            if at > 0 && is_ident(code[at - 1]) {
                continue;
            }
            let mut j = at + 3;
            let ws = j;
            while j < code.len() && code[j].is_ascii_whitespace() {
                j += 1;
            }
            let name_start = j;
            while j < code.len() && is_ident(code[j]) {
                j += 1;
            }
            if name_start == ws || j == name_start {
                continue;
            }
            let name = &self.code[name_start..j];
            while j < code.len() && code[j].is_ascii_whitespace() {
                j += 1;
            }
            if code.get(j) != Some(&b';') {
                continue;
            }
            decls.push(ModDecl {
                name: name.trim_start_matches("r#").to_string(),
                path_attr: self.path_attribute_before(at),
                in_test: self.is_test(at),
                line: self.line_of(at),
            });
        }
        decls
    }

    /// The `#[path = "…"]` among the attributes (and visibility) right before `at`.
    fn path_attribute_before(&self, at: usize) -> Option<String> {
        let code = self.code.as_bytes();
        let mut j = at;
        let skip_ws = |mut j: usize| {
            while j > 0 && code[j - 1].is_ascii_whitespace() {
                j -= 1;
            }
            j
        };
        j = skip_ws(j);
        if j > 0 && code[j - 1] == b')' {
            j = matching_back(code, j - 1)?;
            j = skip_ws(j);
        }
        if self.code[..j].ends_with("pub") {
            j = skip_ws(j - 3);
        }
        let mut found = None;
        while j > 0 && code[j - 1] == b']' {
            let open = matching_back(code, j - 1)?;
            let attr = self.original[open + 1..j - 1].trim();
            if let Some(value) = attr.strip_prefix("path") {
                let value = value.trim_start().strip_prefix('=')?.trim();
                found = Some(value.trim_matches('"').to_string());
            }
            j = skip_ws(open.checked_sub(1)?);
        }
        found
    }

    /// The body of `fn name` (from its `{` to its `}`), the first such function in the file.
    pub fn fn_body(&self, name: &str) -> Option<Range<usize>> {
        let code = self.code.as_bytes();
        for (at, _) in self.code.match_indices("fn") {
            if at > 0 && is_ident(code[at - 1]) {
                continue;
            }
            if !code.get(at + 2).is_some_and(u8::is_ascii_whitespace) {
                continue;
            }
            let rest = self.code[at + 2..].trim_start();
            let Some(after_name) = rest.strip_prefix(name) else {
                continue;
            };
            if after_name.bytes().next().is_some_and(is_ident) {
                continue;
            }
            let from = self.code.len() - after_name.len();
            let end = item_end(code, from);
            let open = self.code[from..end].find('{')? + from;
            return Some(open..end);
        }
        None
    }
}

/// For a raw string at the start of `rest` (`r"`, `r#"`, `br##"`, `cr"`):
/// the offset of its contents and the number of `#`.
fn raw_string_start(rest: &[u8]) -> Option<(usize, usize)> {
    let prefix = if rest.starts_with(b"br") || rest.starts_with(b"cr") {
        2
    } else if rest.starts_with(b"r") {
        1
    } else {
        return None;
    };
    let hashes = rest[prefix..].iter().take_while(|&&b| b == b'#').count();
    (rest.get(prefix + hashes) == Some(&b'"')).then_some((prefix + hashes + 1, hashes))
}

/// Whether an attribute's text (inside `#[…]`) is a `cfg` that holds only for tests:
/// `cfg(test)` or `cfg(all(…, test, …))`.
pub fn is_test_cfg(attr: &str) -> bool {
    let attr: String = attr.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(predicate) = attr.strip_prefix("cfg(").and_then(|a| a.strip_suffix(')')) else {
        return false;
    };
    if predicate == "test" {
        return true;
    }
    let Some(args) = predicate
        .strip_prefix("all(")
        .and_then(|a| a.strip_suffix(')'))
    else {
        return false;
    };
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in args.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                if &args[start..i] == "test" {
                    return true;
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    &args[start..] == "test"
}

/// The offset of the bracket closing the one at `open` (`(`, `[` or `{`).
fn matching(code: &[u8], open: usize) -> Option<usize> {
    let (o, c) = match code[open] {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => (b'{', b'}'),
    };
    let mut depth = 0usize;
    for (i, &b) in code.iter().enumerate().skip(open) {
        if b == o {
            depth += 1;
        } else if b == c {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The offset of the bracket opening the one at `close` (`)` or `]`).
fn matching_back(code: &[u8], close: usize) -> Option<usize> {
    let (o, c) = if code[close] == b')' {
        (b'(', b')')
    } else {
        (b'[', b']')
    };
    let mut depth = 0usize;
    for i in (0..=close).rev() {
        if code[i] == c {
            depth += 1;
        } else if code[i] == o {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The offset after any further `#[…]` attributes starting at `from`.
fn skip_attributes(code: &[u8], mut from: usize) -> usize {
    loop {
        while from < code.len() && code[from].is_ascii_whitespace() {
            from += 1;
        }
        if code.get(from) == Some(&b'#') && code.get(from + 1) == Some(&b'[') {
            match matching(code, from + 1) {
                Some(close) => from = close + 1,
                None => return from,
            }
        } else {
            return from;
        }
    }
}

/// Where the item (or statement) starting at `from` ends: after its first `;` or its braced
/// body at bracket depth 0; at a `}` closing the block around it; else at the end.
fn item_end(code: &[u8], from: usize) -> usize {
    let mut depth = 0i32;
    let mut i = from;
    while i < code.len() {
        match code[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b';' if depth == 0 => return i + 1,
            b'{' if depth == 0 => return matching(code, i).map_or(code.len(), |c| c + 1),
            b'}' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    code.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_literals_are_told_apart_from_code() {
        let text = "let a = \"x // not a comment\"; // a comment \"not a literal\"\n\
                    /* block /* nested */ still */ let b = r#\"raw \" quote\"#;\n\
                    let c = '\"'; let d: &'static str = b\"bytes\"; let e = '\\'';\n";
        let source = Source::parse(text);
        let texts: Vec<&str> = source.literals().iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["x // not a comment", "raw \" quote", "bytes"]);
        assert!(!source.code().contains("comment"));
        assert!(!source.code().contains("nested"));
        assert!(!source.code().contains("still"));
        assert!(source.code().contains("let b = r#\""));
        assert!(source.code().contains("&'static str"));
        assert!(source.code().contains("let e = '  ';"));
        assert_eq!(source.code().len(), text.len());
        assert_eq!(source.line_of(source.literals()[1].start), 2);
    }

    #[test]
    fn raw_identifiers_are_not_raw_strings() {
        let source = Source::parse("let r#type = 1; let s = \"x\";");
        assert_eq!(source.literals().len(), 1);
        assert_eq!(source.literals()[0].text, "x");
    }

    #[test]
    fn multibyte_text_keeps_offsets() {
        let source = Source::parse("// Thüringen\nlet s = \"Grüße\"; fn f() {}\n");
        assert!(source.code().contains("fn f()"));
        assert_eq!(source.literals()[0].text, "Grüße");
    }

    #[test]
    fn test_cfgs() {
        assert!(is_test_cfg("cfg(test)"));
        assert!(is_test_cfg("cfg( test )"));
        assert!(is_test_cfg("cfg(all(test, feature = \"x\"))"));
        assert!(is_test_cfg("cfg(all(debug_assertions, test))"));
        assert!(!is_test_cfg("cfg(not(test))"));
        assert!(!is_test_cfg("cfg(any(test, feature = \"x\"))"));
        assert!(!is_test_cfg("cfg(all(not(test), unix))"));
        assert!(!is_test_cfg("derive(Debug)"));
    }

    #[test]
    fn test_items_are_found() {
        let text = "fn real() { now(); }\n\
                    #[cfg(test)]\n#[allow(unused)]\nfn helper() -> [u8; 2] { now(); [0; 2] }\n\
                    fn also_real() {}\n\
                    #[cfg(test)]\nmod tests {\n    fn t() { now(); }\n}\n\
                    fn after() { now(); }\n";
        let source = Source::parse(text);
        let lines: Vec<(usize, bool)> = source
            .code()
            .match_indices("now()")
            .map(|(at, _)| (source.line_of(at), source.is_test(at)))
            .collect();
        assert_eq!(lines, [(1, false), (4, true), (8, true), (10, false)]);
        assert!(!source.is_test(source.code().find("also_real").unwrap_or(0)));
        assert!(!source.whole_file_is_test());
        assert!(Source::parse("//! doc\n#![cfg(test)]\nfn f() {}\n").whole_file_is_test());
    }

    #[test]
    fn module_declarations_with_their_attributes() {
        let text = "mod plain;\npub(crate) mod visible;\n#[cfg(test)]\n#[path = \"x_tests.rs\"]\n\
                    mod tests;\nmod inline { fn f() {} }\n#[cfg(test)]\nmod wrapper {\n    mod deep;\n}\n\
                    // mod commented;\n";
        let decls = Source::parse(text).mod_decls();
        let got: Vec<(&str, Option<&str>, bool)> = decls
            .iter()
            .map(|d| (d.name.as_str(), d.path_attr.as_deref(), d.in_test))
            .collect();
        assert_eq!(
            got,
            [
                ("plain", None, false),
                ("visible", None, false),
                ("tests", Some("x_tests.rs"), true),
                ("deep", None, true),
            ]
        );
    }

    #[test]
    fn function_bodies() {
        let text = "fn other() { a(); }\nfn wall_millis() -> i64 {\n    read()\n}\nfn wall_millis_too() {}\n";
        let source = Source::parse(text);
        let body = source.fn_body("wall_millis").expect("found");
        assert_eq!(&text[body.clone()], "{\n    read()\n}");
        let read = text.find("read").unwrap_or(0);
        assert!(body.contains(&read));
        assert!(!body.contains(&text.find("a()").unwrap_or(0)));
        assert_eq!(source.fn_body("missing"), None);
    }
}
