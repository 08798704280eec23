//! The printout of a sent application (#15): what was sent, its timeline and the receiving
//! authority's signed receipt, as a PDF the citizen can save, print or show to anyone.
//!
//! - [`Printout`] is a small document model (headings, paragraphs, notes, label/value facts,
//!   lists, embedded files) with every text already in the person's language; [`submission`]
//!   builds it from a sent application as the app shows it, [`draft`] the summary of an
//!   unsent one to take to the authority (#14: for people without a phone).
//! - [`render`] sets it on A4 pages with the bundled DejaVu Sans (Latin, Cyrillic, Arabic),
//!   shaping (HarfRust) and bidirectional order done here, and writes it with krilla as a tagged PDF that
//!   passes krilla's PDF/UA-1 checks (BITV 2.0 asks documents to be accessible too): a
//!   structure tree in reading order (headings, paragraphs, lists of label and value), the
//!   document's language and title, an outline, page footers marked as artifacts.
//! - The data exactly as sent (the canonical JSON whose SHA-512 the receipt names) and the
//!   signed receipt (JWS) travel inside the PDF as embedded files, so whoever holds the PDF
//!   can check the receipt's signature and recompute the hash without the app.
//!
//! Pure: no IO, no clock (the time of printing comes in); the same input gives the same bytes.

pub mod draft;
mod fonts;
mod page;
pub mod submission;
mod text;

use domain::calendar::UnixMillis;
use domain::Language;

/// A document to print: every text in `language`.
#[derive(Debug, Clone, PartialEq)]
pub struct Printout {
    /// The document's title (metadata and the window title of a PDF viewer).
    pub title: String,
    pub language: Language,
    /// When it was made, for the metadata.
    pub created_at: UnixMillis,
    /// The line at the foot of every page, before the page number.
    pub footer: String,
    pub blocks: Vec<Block>,
    pub files: Vec<File>,
}

/// A part of the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's heading (level 1) or a section's (level 2).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// Smaller print: an explanation.
    Note(String),
    /// Labelled values, such as the answers of a form.
    Facts(Vec<Fact>),
    /// A bulleted list, such as the documents to bring.
    List(Vec<String>),
}

impl Block {
    /// A section's heading (level 2).
    pub fn section(text: String) -> Block {
        Block::Heading { level: 2, text }
    }
}

/// Every given answer of `answers` as the app shows it (`domain::form::shown`), the yes/no
/// words from the UI's texts: what both the printout and the summary list.
pub(crate) fn answer_facts(
    definition: &domain::form::FormDefinition,
    answers: &domain::form::Answers,
    language: Language,
    words: &i18n::Localizer,
) -> Vec<Fact> {
    let yes_no = domain::form::shown::YesNo {
        yes: words.text(language, "wizard-yes"),
        no: words.text(language, "wizard-no"),
    };
    domain::form::shown::answer_rows(definition, answers, language, &yes_no)
        .into_iter()
        .map(|row| Fact {
            label: row.label,
            value: row.value,
        })
        .collect()
}

/// A value and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// A file carried inside the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub media_type: String,
    /// What it is, in the person's language (PDF/UA requires one).
    pub description: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum PrintoutError {
    #[error("the font bundled with the app cannot be read")]
    Font,
    #[error("two embedded files are named {0}")]
    DuplicateFile(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// The PDF of `printout`.
pub fn render(printout: &Printout) -> Result<Vec<u8>, PrintoutError> {
    page::render(printout)
}

#[cfg(test)]
mod tests;
