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
    (
        "meldebescheinigung.xdf3.xml",
        include_str!("../../../data/xdf/meldebescheinigung.xdf3.xml"),
    ),
    (
        "halteverbot-umzug.xdf2.xml",
        include_str!("../../../data/xdf/halteverbot-umzug.xdf2.xml"),
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
    (
        "strassenseite.gc.xml",
        include_str!("../../../data/xdf/codelisten/strassenseite.gc.xml"),
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

/// The LeiKa key of the service each shipped message is the form of, as (file name, key):
/// a Stammdatenschema does not name its Leistung (FIM links them through the
/// Dokumentsteckbrief), so we say it here. The key goes into the submission's metadata
/// (FIT-Connect's public service type), and the seed catalog checks that a service links
/// only a form made for it. The round-trip fixtures of two showcase forms have none: no
/// service links them.
pub const SERVICES: &[(&str, &str)] = &[
    ("meldebescheinigung.xdf3.xml", "99115004001005"),
    ("halteverbot-umzug.xdf2.xml", "99108011153000"),
];

/// Every shipped message imported with the shipped code lists, as (file name, result).
pub fn imports() -> Vec<(&'static str, Result<Import, ImportError>)> {
    let code_lists = code_lists();
    MESSAGES
        .iter()
        .map(|(name, text)| {
            let options = Options {
                code_lists: code_lists.clone(),
                leika_key: SERVICES
                    .iter()
                    .find(|(file, _)| file == name)
                    .map(|(_, key)| (*key).to_owned()),
                ..Options::default()
            };
            (*name, import(text, &options))
        })
        .collect()
}
