//! Why a message could not be imported at all. Everything short of that (an unknown element,
//! a constraint or rule we cannot express) goes into the [`crate::Report`] instead.

use thiserror::Error;

/// A message that cannot become a form. Each variant names the element (as a path of
/// element names and FIM ids, e.g. `stammdatenschema[S1]/struktur[2]/anzahl`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("not well-formed XML: {0}")]
    Xml(String),
    #[error("the root element is `{found}`, not an XDatenfelder `xdatenfelder.stammdatenschema.0102` message")]
    NotStammdatenschema { found: String },
    #[error("the root element's namespace `{found}` is neither XDatenfelder 2 (`urn:xoev-de:fim:standard:xdatenfelder_2`) nor 3.0.0 (`urn:xoev-de:fim:standard:xdatenfelder_3.0.0`)")]
    UnknownNamespace { found: String },
    #[error("`{path}`: the required element `{element}` is missing")]
    Missing { path: String, element: String },
    #[error("`{path}`: `{value}` is not valid here: {reason}")]
    Invalid {
        path: String,
        value: String,
        reason: String,
    },
    #[error("`{path}`: the schema nests deeper than {limit} levels")]
    TooDeep { path: String, limit: usize },
    #[error("the imported form is refused by the form engine: {0}")]
    Definition(String),
}

/// Why a genericode code list could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeListError {
    #[error("not well-formed XML: {0}")]
    Xml(String),
    #[error("the root element is `{0}`, not a genericode `CodeList`")]
    NotCodeList(String),
    #[error("`{path}`: the required element `{element}` is missing")]
    Missing { path: String, element: String },
    #[error("`{path}`: {reason}")]
    Invalid { path: String, reason: String },
}
