//! The errors of building the seed catalog: each names the data file and the line at fault.
//!
//! These errors describe broken data shipped in `data/`; they must never carry anything but
//! the file, the line and what is wrong there.

/// Why the seed catalog could not be built from the embedded data files.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// A CSV file is malformed (bad quoting, wrong number of fields, ...).
    #[error("{file}, line {line}: malformed CSV: {source}")]
    Csv {
        file: &'static str,
        line: u64,
        #[source]
        source: csv::Error,
    },
    /// A JSON file does not parse or does not have the expected shape.
    #[error("{file}, line {line}, column {column}: malformed JSON: {source}")]
    Json {
        file: &'static str,
        line: usize,
        column: usize,
        #[source]
        source: serde_json::Error,
    },
    /// A row parses but its content is wrong (unknown key, duplicate, bad format, ...).
    #[error("{file}, line {line}: {message}")]
    Invalid {
        file: &'static str,
        line: u64,
        message: String,
    },
    /// The catalog could not be serialized to compute its content version.
    #[error("cannot serialize the catalog to compute its version: {0}")]
    Version(#[source] serde_json::Error),
}

impl SeedError {
    pub(crate) fn invalid(file: &'static str, line: u64, message: impl Into<String>) -> Self {
        SeedError::Invalid {
            file,
            line,
            message: message.into(),
        }
    }

    pub(crate) fn json(file: &'static str, source: serde_json::Error) -> Self {
        SeedError::Json {
            file,
            line: source.line(),
            column: source.column(),
            source,
        }
    }
}
