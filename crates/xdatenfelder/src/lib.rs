//! Imports FIM **XDatenfelder** Stammdatenschema messages (`xdatenfelder.stammdatenschema.0102`)
//! of version 2.0 (`urn:xoev-de:fim:standard:xdatenfelder_2`) and 3.0.0
//! (`urn:xoev-de:fim:standard:xdatenfelder_3.0.0`) into our form definitions
//! ([`domain::form::FormDefinition`]), with a [`Report`] of everything the form does not carry
//! as the message meant it (element path and reason; nothing is dropped without a note).
//!
//! Pure, like `domain`: no IO, no clock, no randomness; it compiles for wasm32. The caller
//! reads the message and any genericode code lists and passes their text in.
//!
//! ```
//! let xml = include_str!("../../../data/xdf/hundesteuer.xdf3.xml");
//! let import = xdatenfelder::import(xml, &xdatenfelder::Options::default()).expect("imports");
//! assert_eq!(import.version, xdatenfelder::XdfVersion::V3);
//! domain::form::Form::new(import.definition).expect("the engine takes it");
//! ```
//!
//! The mapping is the one of `domain::form` (its module docs have the table); what this
//! crate reads and what it leaves out is listed in its README.

mod codelist;
mod error;
mod field;
mod report;
mod rules;
mod schema;
pub mod shipped;
mod xml;

pub use codelist::{CodeListRef, CodeLists, GenericodeList, GENERICODE_NS};
pub use error::{CodeListError, ImportError};
pub use report::{Disposition, Note, Report};

use domain::form::FormDefinition;

/// The namespace of XDatenfelder 2.0.
pub const NS_V2: &str = "urn:xoev-de:fim:standard:xdatenfelder_2";
/// The namespace of XDatenfelder 3.0.0.
pub const NS_V3: &str = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";
/// The root element of a Stammdatenschema message (both versions).
pub const STAMMDATENSCHEMA_MESSAGE: &str = "xdatenfelder.stammdatenschema.0102";

/// What an import fills in where the message says nothing.
pub(crate) struct FormDefaults {
    pub version: &'static str,
    pub first_page_id: &'static str,
    pub first_page_de: &'static str,
    pub first_page_en: &'static str,
}

pub(crate) const FORM_DEFAULTS: FormDefaults = FormDefaults {
    version: "0",
    first_page_id: "angaben",
    first_page_de: "Angaben",
    first_page_en: "Details",
};

/// The XDatenfelder version of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XdfVersion {
    V2,
    V3,
}

impl XdfVersion {
    pub fn namespace(self) -> &'static str {
        match self {
            XdfVersion::V2 => NS_V2,
            XdfVersion::V3 => NS_V3,
        }
    }
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Our form id; default: the schema's FIM id (`S…`).
    pub form_id: Option<String>,
    /// The 14-digit LeiKa key of the service the form is for, where known.
    pub leika_key: Option<String>,
    /// Code lists for `codelisteReferenz` (select fields whose values the message does not
    /// carry inline).
    pub code_lists: CodeLists,
}

/// A successful import.
#[derive(Debug, Clone)]
pub struct Import {
    pub version: XdfVersion,
    /// The form; [`domain::form::Form::new`] accepts it (checked before it is returned).
    pub definition: FormDefinition,
    pub report: Report,
}

/// Imports one Stammdatenschema message. Fails only when no form can be made (not XML, not a
/// Stammdatenschema, a required element missing or malformed); anything less is a note in
/// the report. Never panics, whatever the input.
pub fn import(xml_text: &str, options: &Options) -> Result<Import, ImportError> {
    schema::import(xml_text, options)
}
