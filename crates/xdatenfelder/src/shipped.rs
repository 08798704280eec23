//! The XDatenfelder messages shipped in `data/xdf/` (and the genericode code lists in
//! `data/xdf/codelisten/`), embedded at compile time like the showcase forms, so the state
//! API serves their import without reading files. A test checks that every file in those
//! folders is listed here.

use crate::{import, CodeLists, Import, ImportError, Options};

/// The shipped messages as (file name, text).
pub const MESSAGES: &[(&str, &str)] = &[
    (
        "hundesteuer.xdf3.xml",
        include_str!("../../../data/xdf/hundesteuer.xdf3.xml"),
    ),
    (
        "bewohnerparkausweis.xdf2.xml",
        include_str!("../../../data/xdf/bewohnerparkausweis.xdf2.xml"),
    ),
];

/// The shipped genericode code lists as (file name, text).
pub const CODE_LISTS: &[(&str, &str)] = &[
    (
        "halterart.gc.xml",
        include_str!("../../../data/xdf/codelisten/halterart.gc.xml"),
    ),
    (
        "laufzeit.gc.xml",
        include_str!("../../../data/xdf/codelisten/laufzeit.gc.xml"),
    ),
];

/// The shipped code lists, read. A list that does not parse is left out (a test checks that
/// none is).
pub fn code_lists() -> CodeLists {
    let mut lists = CodeLists::new();
    for (_, text) in CODE_LISTS {
        let _ = lists.add_genericode(text);
    }
    lists
}

/// Every shipped message imported with the shipped code lists, as (file name, result).
pub fn imports() -> Vec<(&'static str, Result<Import, ImportError>)> {
    let options = Options {
        code_lists: code_lists(),
        ..Options::default()
    };
    MESSAGES
        .iter()
        .map(|(name, text)| (*name, import(text, &options)))
        .collect()
}
