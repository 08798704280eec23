//! The life situations (Lebenslagen) of the LeiKa file, with our slug ids and English names
//! from `data/life-situations.csv`.
//!
//! This module only maps names to ids; it must never invent a life situation that the LeiKa
//! file does not use (the tests check both directions).

use std::collections::HashMap;

use domain::{LifeSituation, Localized};
use serde::Deserialize;

use crate::csv_rows::{for_each_row, DataFile};
use crate::SeedError;

#[derive(Deserialize)]
struct Row {
    id: String,
    name_de: String,
    name_en: String,
}

/// Parses the life situations, in file order.
pub(crate) fn parse(file: DataFile) -> Result<Vec<LifeSituation>, SeedError> {
    let mut out: Vec<LifeSituation> = Vec::with_capacity(64);
    for_each_row(file, |row: Row, line| {
        let id = row.id.trim();
        let valid_slug = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid_slug {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("bad slug id {id:?}"),
            ));
        }
        if row.name_de.trim().is_empty() || row.name_en.trim().is_empty() {
            return Err(SeedError::invalid(
                file.name,
                line,
                "German and English names required",
            ));
        }
        if out
            .iter()
            .any(|l| l.id == id || l.name.de == row.name_de.trim())
        {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("duplicate {id:?}"),
            ));
        }
        out.push(LifeSituation {
            id: id.to_string(),
            name: Localized::new(row.name_de.trim(), row.name_en.trim()),
        });
        Ok(())
    })?;
    Ok(out)
}

/// German name (as the LeiKa file writes it) → slug id.
pub(crate) fn ids_by_german_name(all: &[LifeSituation]) -> HashMap<&str, &str> {
    all.iter()
        .map(|l| (l.name.de.as_str(), l.id.as_str()))
        .collect()
}
