//! Reading the embedded CSV files row by row, with the line of every row for error messages.
//!
//! This module only reads `&'static str` data compiled into the binary; it must never open
//! a file or allocate more than one row at a time beyond what the caller keeps.

use serde::de::DeserializeOwned;

use crate::SeedError;

/// One embedded data file: its path (for error messages) and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DataFile {
    pub name: &'static str,
    pub text: &'static str,
}

/// Deserializes every row of a CSV file with a header line into `T`, calling `each` with
/// the row's line number (1-based, the header is line 1).
pub(crate) fn for_each_row<T, F>(file: DataFile, mut each: F) -> Result<(), SeedError>
where
    T: DeserializeOwned,
    F: FnMut(T, u64) -> Result<(), SeedError>,
{
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(file.text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|source| SeedError::Csv {
            file: file.name,
            line: 1,
            source,
        })?
        .clone();
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|source| SeedError::Csv {
                file: file.name,
                line: source.position().map_or(0, |p| p.line()),
                source,
            })?;
        if !more {
            return Ok(());
        }
        let line = record.position().map_or(0, |p| p.line());
        let row: T = record
            .deserialize(Some(&headers))
            .map_err(|source| SeedError::Csv {
                file: file.name,
                line,
                source,
            })?;
        each(row, line)?;
    }
}

/// `None` for an empty (or all-blank) field, the trimmed text otherwise.
pub(crate) fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// True when `text` is exactly `len` ASCII digits.
pub(crate) fn is_digits(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit())
}
