//! The catalog's tests: texts and their languages, and who is responsible where.

use super::*;

#[test]
fn a_text_without_a_translation_is_german_and_says_so() {
    let mut text = Localized::new("Hundesteuer", "Dog tax");
    assert_eq!(text.get(Language::Uk), "Hundesteuer");
    assert_eq!(text.language_of(Language::Uk), Language::De);
    assert_eq!(text.language_of(Language::En), Language::En);
    text.set(Language::Uk, "Податок на собак");
    text.set(Language::DeLs, " ");
    assert_eq!(text.get(Language::Uk), "Податок на собак");
    assert_eq!(text.language_of(Language::Uk), Language::Uk);
    // A blank translation counts as none.
    assert_eq!(text.get(Language::DeLs), "Hundesteuer");
    assert_eq!(
        text.language_of(Language::Ar),
        Language::De,
        "no Arabic text"
    );
    let json = serde_json::to_value(&text).expect("serializes");
    assert_eq!(json["uk"], "Податок на собак");
    assert!(json.get("ar").is_none(), "absent languages are not written");
    let back: Localized =
        serde_json::from_value(serde_json::json!({"de": "A", "de-LS": "B"})).expect("reads");
    assert_eq!(back.get(Language::DeLs), "B");
}

fn authority(level: ResponsibleLevel, key: &str, name: &str) -> Authority {
    Authority {
        id: format!("{level:?}-{key}"),
        name: Localized::de(name),
        kind: AuthorityKind::MunicipalAdministration,
        level,
        area_key: key.to_string(),
        address: None,
        phone: None,
        opening_hours: None,
    }
}

fn service(level: ResponsibleLevel) -> Service {
    Service {
        leika_key: "99108001001000".into(),
        name: Localized::de("Bewohnerparkausweis"),
        life_situation: None,
        topic: None,
        ozg_bundle: None,
        law: None,
        responsible_level: level,
        responsibility_confirmed: true,
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

#[test]
fn responsibility_walks_upwards_until_an_authority_is_found() {
    let catalog = Catalog {
        authorities: vec![
            authority(
                ResponsibleLevel::Municipality,
                "16051000",
                "Stadtverwaltung Erfurt",
            ),
            authority(
                ResponsibleLevel::District,
                "16066",
                "Landratsamt Schmalkalden-Meiningen",
            ),
            authority(ResponsibleLevel::Land, "16", "Landesverwaltungsamt"),
        ],
        ..Catalog::default()
    };
    let index = catalog.authority_index();
    let municipal = service(ResponsibleLevel::Municipality);
    let found = index
        .responsible_for(&municipal, "16051000")
        .map(|a| a.name.de.as_str());
    assert_eq!(
        found,
        Some("Stadtverwaltung Erfurt"),
        "the municipality itself answers"
    );
    let found = index
        .responsible_for(&municipal, "16066001")
        .map(|a| a.name.de.as_str());
    assert_eq!(
        found,
        Some("Landratsamt Schmalkalden-Meiningen"),
        "a municipality without its own office falls back to its district"
    );
    let found = index
        .responsible_for(&municipal, "16999999")
        .map(|a| a.name.de.as_str());
    assert_eq!(
        found,
        Some("Landesverwaltungsamt"),
        "the Land is the last resort"
    );
    let federal = service(ResponsibleLevel::Federal);
    assert_eq!(
        index.responsible_for(&federal, "16051000"),
        None,
        "no federal office here"
    );
}

#[test]
fn localized_text_falls_back_to_german() {
    let text = Localized::de("Hundesteuer");
    assert_eq!(
        text.get(Language::En),
        "Hundesteuer",
        "no English text: show German"
    );
    let text = Localized::new("Hundesteuer", "Dog tax");
    assert_eq!(
        text.get(Language::En),
        "Dog tax",
        "English where we have it"
    );
}

#[test]
fn language_tags_parse_with_regions() {
    assert_eq!(
        Language::from_tag("de-DE"),
        Some(Language::De),
        "region is ignored"
    );
    assert_eq!(
        Language::from_tag("EN_gb"),
        Some(Language::En),
        "case and underscore"
    );
    assert_eq!(Language::from_tag("fr"), None, "unsupported language");
    assert_eq!(
        Language::from_tag("uk_UA.UTF-8"),
        Some(Language::Uk),
        "a POSIX locale with encoding"
    );
    assert_eq!(
        Language::from_tag("de-x-ls"),
        Some(Language::DeLs),
        "the private-use tag is Leichte Sprache"
    );
}

#[test]
fn every_language_code_round_trips_and_leichte_sprache_stays_german() {
    for language in Language::EVERY {
        assert_eq!(
            Language::from_tag(language.code()),
            Some(language),
            "the stored code must load back as the same language"
        );
        let json = serde_json::to_string(&language).unwrap_or_default();
        assert_eq!(
            json,
            format!("\"{}\"", language.code()),
            "IPC carries the same code the store keeps"
        );
    }
    assert_eq!(
        Language::DeLs.tag(),
        "de",
        "Leichte Sprache is German for lang"
    );
    assert!(Language::Ar.is_rtl(), "Arabic runs right to left");
    assert!(
        Language::EVERY
            .iter()
            .filter(|l| l.is_rtl())
            .eq([Language::Ar].iter()),
        "only Arabic runs right to left"
    );
}
