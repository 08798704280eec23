//! The life situations (Lebenslagen) of the LeiKa file, with our slug ids and their names in
//! every language from `data/life-situations.csv` (`name_de`, `name_en`, `name_uk`, ...,
//! `name_de_ls` for Leichte Sprache).
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
    #[serde(default)]
    name_uk: Option<String>,
    #[serde(default)]
    name_ar: Option<String>,
    #[serde(default)]
    name_tr: Option<String>,
    #[serde(default)]
    name_ru: Option<String>,
    /// Leichte Sprache.
    #[serde(default)]
    name_de_ls: Option<String>,
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
            name: {
                let trimmed = |t: &Option<String>| {
                    t.as_deref()
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned)
                };
                Localized {
                    uk: trimmed(&row.name_uk),
                    ar: trimmed(&row.name_ar),
                    tr: trimmed(&row.name_tr),
                    ru: trimmed(&row.name_ru),
                    de_ls: trimmed(&row.name_de_ls),
                    ..Localized::new(row.name_de.trim(), row.name_en.trim())
                }
            },
            guide: None,
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
