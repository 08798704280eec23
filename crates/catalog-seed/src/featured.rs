//! The services we describe in full, from `data/featured-services.json`: German and English
//! names, summaries, who can apply, fees, duration, documents, keywords, the checked
//! responsible level and, for the showcase services, the id of their online form.
//!
//! Featured texts are merged into the LeiKa row of the same key, so the row's topic, bundle,
//! law and life situation stay. This module must never create a service whose key is not in
//! the LeiKa file: an unknown key is an error.

use std::collections::HashMap;

use domain::{Localized, ResponsibleLevel, Service};
use serde::Deserialize;

use crate::csv_rows::DataFile;
use crate::SeedError;

/// A text we wrote in German and English (both required) and its other translations (the
/// tests require every language the app offers).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    de: String,
    en: String,
    #[serde(default)]
    uk: Option<String>,
    #[serde(default)]
    ar: Option<String>,
    #[serde(default)]
    tr: Option<String>,
    #[serde(default)]
    ru: Option<String>,
    #[serde(default, rename = "de-LS")]
    de_ls: Option<String>,
}

impl Text {
    fn is_complete(&self) -> bool {
        !self.de.trim().is_empty() && !self.en.trim().is_empty()
    }

    fn localized(&self) -> Localized {
        let trimmed = |t: &Option<String>| t.as_deref().map(|t| t.trim().to_owned());
        Localized {
            uk: trimmed(&self.uk),
            ar: trimmed(&self.ar),
            tr: trimmed(&self.tr),
            ru: trimmed(&self.ru),
            de_ls: trimmed(&self.de_ls),
            ..Localized::new(self.de.trim(), self.en.trim())
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Featured {
    leika_key: String,
    name: Text,
    summary: Text,
    who_can_apply: Text,
    fees: Text,
    duration: Text,
    documents: Vec<Text>,
    responsible_level: ResponsibleLevel,
    /// Defaults to true: we checked who is responsible in Thüringen.
    #[serde(default = "confirmed_by_default")]
    responsibility_confirmed: bool,
    keywords: Vec<String>,
    #[serde(default)]
    form_id: Option<String>,
    /// Fees set by named municipalities' statutes, as the `fees` text states them.
    #[serde(default)]
    fee_schedule: Vec<domain::PlaceFee>,
}

fn confirmed_by_default() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeaturedFile {
    /// A note for editors of the file; not used.
    #[allow(dead_code)]
    #[serde(default)]
    about: String,
    services: Vec<Featured>,
}

/// The line of the file where `needle` first occurs, for error messages (0 if not found).
pub(crate) fn line_of(text: &str, needle: &str) -> u64 {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(0, |i| i as u64 + 1)
}

/// Merges the featured services into `services` (which holds every LeiKa row).
pub(crate) fn apply(file: DataFile, services: &mut [Service]) -> Result<(), SeedError> {
    let parsed: FeaturedFile =
        serde_json::from_str(file.text).map_err(|e| SeedError::json(file.name, e))?;
    let index: HashMap<String, usize> = services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.leika_key.clone(), i))
        .collect();
    let mut form_ids: Vec<&str> = Vec::new();
    for featured in &parsed.services {
        let key = featured.leika_key.trim();
        let line = line_of(file.text, &format!("\"{key}\""));
        let fail = |message: String| SeedError::invalid(file.name, line, message);
        let Some(&position) = index.get(key) else {
            return Err(fail(format!(
                "LeiKa key {key} is not in data/leika-services.csv"
            )));
        };
        let texts = [
            ("name", &featured.name),
            ("summary", &featured.summary),
            ("who_can_apply", &featured.who_can_apply),
            ("fees", &featured.fees),
            ("duration", &featured.duration),
        ];
        for (field, text) in texts {
            if !text.is_complete() {
                return Err(fail(format!(
                    "{key}: {field} needs German and English text"
                )));
            }
        }
        if featured.documents.iter().any(|d| !d.is_complete()) {
            return Err(fail(format!(
                "{key}: every document needs German and English text"
            )));
        }
        if featured.keywords.iter().any(|k| k.trim().is_empty()) {
            return Err(fail(format!("{key}: empty keyword")));
        }
        if let Some(form_id) = &featured.form_id {
            if form_ids.contains(&form_id.as_str()) {
                return Err(fail(format!("{key}: form id {form_id:?} used twice")));
            }
            let Some(form) = crate::shipped_form(form_id) else {
                return Err(fail(format!(
                    "{key}: form id {form_id:?} names no shipped form (data/forms or data/xdf)"
                )));
            };
            if form.leika_key.as_deref().is_some_and(|k| k != key) {
                return Err(fail(format!(
                    "{key}: form {form_id:?} is for the service {:?}",
                    form.leika_key
                )));
            }
            form_ids.push(form_id);
        }
        let service = &mut services[position];
        if service.featured {
            return Err(fail(format!("{key} is featured twice")));
        }
        let leika_name = std::mem::take(&mut service.name.de);
        let mut keywords: Vec<String> = Vec::with_capacity(featured.keywords.len() + 1);
        for keyword in &featured.keywords {
            let keyword = keyword.trim().to_string();
            if !keywords.contains(&keyword) {
                keywords.push(keyword);
            }
        }
        // The official LeiKa name stays findable when our display name differs from it.
        if leika_name != featured.name.de.trim() && !keywords.contains(&leika_name) {
            keywords.push(leika_name);
        }
        service.name = featured.name.localized();
        service.summary = Some(featured.summary.localized());
        service.who_can_apply = Some(featured.who_can_apply.localized());
        service.fees = Some(featured.fees.localized());
        service.duration = Some(featured.duration.localized());
        service.documents = featured.documents.iter().map(Text::localized).collect();
        service.responsible_level = featured.responsible_level;
        service.responsibility_confirmed = featured.responsibility_confirmed;
        service.keywords = keywords;
        service.form_id = featured.form_id.clone();
        service.fee_schedule = featured.fee_schedule.clone();
        service.featured = true;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leika_row(key: &str) -> Service {
        Service {
            leika_key: key.into(),
            name: Localized::de("Hundesteuer"),
            life_situation: Some("tierhaltung".into()),
            topic: Some("Engagement & Hobby".into()),
            ozg_bundle: Some("Hundehaltung".into()),
            law: None,
            responsible_level: ResponsibleLevel::Land,
            responsibility_confirmed: false,
            featured: false,
            summary: None,
            who_can_apply: None,
            fees: None,
            duration: None,
            documents: vec![],
            form_id: None,
            keywords: vec![],
            fee_schedule: vec![],
        }
    }

    const ONE: &str = r#"{"services": [{
        "leika_key": "KEY",
        "name": {"de": "Hund anmelden", "en": "Register a dog"},
        "summary": {"de": "S", "en": "S"},
        "who_can_apply": {"de": "W", "en": "W"},
        "fees": {"de": "F", "en": "F"},
        "duration": {"de": "D", "en": "D"},
        "documents": [],
        "responsible_level": "municipality",
        "keywords": ["Hund"]
    }]}"#;

    #[test]
    fn featured_texts_merge_into_the_leika_row() {
        let mut services = vec![leika_row("99102013000000")];
        let text = ONE.replace("KEY", "99102013000000");
        let file = DataFile {
            name: "f.json",
            text: Box::leak(text.into_boxed_str()),
        };
        let result = apply(file, &mut services);
        assert!(result.is_ok(), "a valid file merges: {result:?}");
        let s = &services[0];
        assert!(s.featured, "marked featured");
        assert_eq!(
            s.responsible_level,
            ResponsibleLevel::Municipality,
            "level from the file"
        );
        assert!(s.responsibility_confirmed, "confirmed by default");
        assert_eq!(
            s.topic.as_deref(),
            Some("Engagement & Hobby"),
            "LeiKa topic kept"
        );
        assert_eq!(
            s.name.en.as_deref(),
            Some("Register a dog"),
            "English name set"
        );
        assert!(
            s.keywords.contains(&"Hundesteuer".to_string()),
            "LeiKa name kept as keyword"
        );
    }

    #[test]
    fn an_unknown_key_is_an_error_with_its_line() {
        let mut services = vec![leika_row("99102013000000")];
        let text = ONE.replace("KEY", "99999999999999");
        let file = DataFile {
            name: "f.json",
            text: Box::leak(text.into_boxed_str()),
        };
        let message = apply(file, &mut services)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            message.starts_with("f.json, line 2:"),
            "file and line named: {message}"
        );
        assert!(
            message.contains("99999999999999"),
            "the key named: {message}"
        );
    }

    fn error_with_form(key: &str, form_id: &str) -> String {
        let mut services = vec![leika_row(key)];
        let text = ONE.replace("KEY", key).replace(
            r#""keywords": ["Hund"]"#,
            &format!(r#""keywords": ["Hund"], "form_id": "{form_id}""#),
        );
        let file = DataFile {
            name: "f.json",
            text: Box::leak(text.into_boxed_str()),
        };
        match apply(file, &mut services) {
            Ok(()) => String::new(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_form_must_be_shipped_and_made_for_the_service_that_links_it() {
        // Shipped: a showcase form and an imported one, each for its own service.
        assert_eq!(error_with_form("99102013000000", "hundesteuer"), "");
        assert_eq!(error_with_form("99115004001005", "S99115004"), "");
        // Not shipped.
        let message = error_with_form("99102013000000", "hundesteuer-v9");
        assert!(
            message.contains("names no shipped form"),
            "an unknown form is refused: {message}"
        );
        // Shipped, but made for another service (its metadata would name the wrong one).
        let message = error_with_form("99102013000000", "S99115004");
        assert!(
            message.contains("is for the service"),
            "a form of another service is refused: {message}"
        );
    }
}
