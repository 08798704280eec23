//! The import report: everything in the message the form does not carry as the message
//! meant it, with the element path and the reason. Nothing is dropped without an entry here.

use std::fmt;

/// What happened to an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Disposition {
    /// Left out: not part of the form (an unknown element, a rule in prose only, a
    /// constraint that does not apply or does not compile).
    Ignored,
    /// Carried over in a nearby form: the form behaves differently from what the message
    /// says (free text for a select whose code list is missing, one value for a `0:5` text).
    Approximated,
}

impl Disposition {
    pub fn name(self) -> &'static str {
        match self {
            Disposition::Ignored => "ignored",
            Disposition::Approximated => "approximated",
        }
    }
}

/// One entry of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The element, e.g. `stammdatenschema[S1]/datenfeldgruppe[G2]/datenfeld[F3]/praezisierung`.
    pub path: String,
    pub disposition: Disposition,
    pub reason: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({})",
            self.path,
            self.reason,
            self.disposition.name()
        )
    }
}

/// The notes of one import, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub notes: Vec<Note>,
}

impl Report {
    pub(crate) fn ignored(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.push(path.into(), Disposition::Ignored, reason.into());
    }

    pub(crate) fn approximated(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.push(path.into(), Disposition::Approximated, reason.into());
    }

    fn push(&mut self, path: String, disposition: Disposition, reason: String) {
        self.notes.push(Note {
            path,
            disposition,
            reason,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// The notes about this element or inside it.
    pub fn under<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes.iter().filter(move |n| n.path.starts_with(path))
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for note in &self.notes {
            writeln!(f, "{note}")?;
        }
        Ok(())
    }
}
