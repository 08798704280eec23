//! All services of the federal service catalog (LeiKa) from `data/leika-services.csv`.
//!
//! Every row becomes a [`Service`] with its real 14-digit key, German name, topic, OZG bundle,
//! legal basis and life situation. The responsible level is only *inferred* from the LeiKa
//! type here (`responsibility_confirmed: false`); the featured services confirm it. This module
//! must never change a key or a name from the file.

use std::collections::{HashMap, HashSet};

use domain::{Localized, ResponsibleLevel, Service};
use serde::Deserialize;

use crate::csv_rows::{for_each_row, is_digits, non_empty, DataFile};
use crate::SeedError;

#[derive(Deserialize)]
struct Row {
    leika_key: String,
    name: String,
    leika_type: String,
    #[allow(dead_code)]
    ozg_id: String,
    ozg_service: String,
    lebenslage: String,
    themenfeld: String,
    law: String,
}

/// The level a LeiKa type points to: 5 = municipality, 4 = Land, 1 = federal; "2/3" (federal
/// law executed by the Land or the municipalities) and mixed or unknown types go to the
/// district, the level that executes most of them in Thüringen.
pub(crate) fn level_of_leika_type(leika_type: &str) -> ResponsibleLevel {
    match leika_type.trim() {
        "5" => ResponsibleLevel::Municipality,
        "4" => ResponsibleLevel::Land,
        "1" => ResponsibleLevel::Federal,
        _ => ResponsibleLevel::District,
    }
}

/// Parses every service in file order. `life_situation_ids` maps the German life situation
/// names of the file to our slug ids; an unknown name is an error.
pub(crate) fn parse(
    file: DataFile,
    life_situation_ids: &HashMap<&str, &str>,
) -> Result<Vec<Service>, SeedError> {
    let mut services = Vec::with_capacity(4_900);
    let mut seen: HashSet<String> = HashSet::with_capacity(4_900);
    for_each_row(file, |row: Row, line| {
        let key = row.leika_key.trim();
        if !is_digits(key, 14) {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("bad LeiKa key {key:?}"),
            ));
        }
        if !seen.insert(key.to_string()) {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("duplicate key {key}"),
            ));
        }
        let name = row.name.trim();
        if name.is_empty() {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("{key} has no name"),
            ));
        }
        let life_situation = match non_empty(&row.lebenslage) {
            None => None,
            Some(german) => match life_situation_ids.get(german.as_str()) {
                Some(id) => Some((*id).to_string()),
                None => {
                    return Err(SeedError::invalid(
                        file.name,
                        line,
                        format!("life situation {german:?} is not in data/life-situations.csv"),
                    ))
                }
            },
        };
        services.push(Service {
            leika_key: key.to_string(),
            name: Localized::de(name),
            life_situation,
            topic: non_empty(&row.themenfeld),
            ozg_bundle: non_empty(&row.ozg_service),
            law: non_empty(&row.law),
            responsible_level: level_of_leika_type(&row.leika_type),
            responsibility_confirmed: false,
            featured: false,
            summary: None,
            who_can_apply: None,
            fees: None,
            duration: None,
            documents: Vec::new(),
            form_id: None,
            keywords: Vec::new(),
            fee_schedule: Vec::new(),
        });
        Ok(())
    })?;
    Ok(services)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leika_types_map_to_levels() {
        let cases = [
            ("5", ResponsibleLevel::Municipality),
            ("4", ResponsibleLevel::Land),
            ("1", ResponsibleLevel::Federal),
            ("2/3", ResponsibleLevel::District),
            ("1, 2/3", ResponsibleLevel::District),
            ("", ResponsibleLevel::District),
            ("6", ResponsibleLevel::District),
        ];
        for (leika_type, level) in cases {
            assert_eq!(
                level_of_leika_type(leika_type),
                level,
                "LeiKa type {leika_type:?}"
            );
        }
    }

    #[test]
    fn a_bad_key_names_file_and_line() {
        let file = DataFile {
            name: "test.csv",
            text: "leika_key,name,leika_type,ozg_id,ozg_service,lebenslage,themenfeld,law\n\
                   99108001001000,Bewohnerparkausweis Erteilung,2/3,1,X,,Y,\n\
                   9910800100,Kaputt,2/3,1,X,,Y,\n",
        };
        let err = parse(file, &HashMap::new()).err().map(|e| e.to_string());
        let message = err.unwrap_or_default();
        assert!(
            message.starts_with("test.csv, line 3:"),
            "error names file and line: {message}"
        );
    }
}
