//! Data-driven checks of the whole seed catalog against the raw data files.

use std::collections::HashSet;

use domain::{Catalog, ResponsibleLevel};

use super::*;

/// The fewest featured services the app promises.
const MIN_FEATURED: usize = 45;

/// The five showcase services and the ids of their form definitions.
const SHOWCASE: [(&str, &str); 5] = [
    ("99108001001000", "bewohnerparkausweis"),
    ("99115005104000", "wohnsitz-anmeldung"),
    ("99012008001000", "baugenehmigung"),
    ("99102013000000", "hundesteuer"),
    ("99050012104000", "gewerbeanmeldung"),
];

fn catalog() -> Catalog {
    match seed_catalog() {
        Ok(catalog) => catalog,
        Err(e) => panic!("the seed catalog must build: {e}"),
    }
}

/// The distinct values of one column of a raw CSV text, read independently of the seed code.
fn column(text: &str, name: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    let index = headers.iter().position(|h| h == name);
    assert!(index.is_some(), "column {name} exists");
    let index = index.unwrap_or_default();
    reader
        .records()
        .map(|r| {
            r.map(|r| r.get(index).unwrap_or_default().to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// The featured keys, read from the JSON independently of the seed code.
fn featured_keys() -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(FEATURED.text).unwrap_or_default();
    value["services"]
        .as_array()
        .map(|services| {
            services
                .iter()
                .filter_map(|s| s["leika_key"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn counts_match_the_data_files() {
    let c = catalog();
    assert_eq!(c.services.len(), 4_813, "every LeiKa service");
    assert_eq!(
        c.services.len(),
        column(LEIKA.text, "leika_key").len(),
        "one per LeiKa row"
    );
    assert_eq!(c.municipalities.len(), 632, "all municipalities");
    assert_eq!(
        c.districts.len(),
        23,
        "17 Landkreise and 6 (former) kreisfreie Städte"
    );
    assert_eq!(c.postal_codes.len(), 1_041, "all postal-code rows");
    assert_eq!(
        c.authorities.len(),
        632 + 23 + 1,
        "one authority per municipality and district, plus the Land"
    );
}

#[test]
fn life_situations_cover_exactly_those_of_the_leika_file() {
    let c = catalog();
    let in_leika: HashSet<String> = column(LEIKA.text, "lebenslage")
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let ours: HashSet<String> = c
        .life_situations
        .iter()
        .map(|l| l.name.de.clone())
        .collect();
    assert_eq!(
        ours, in_leika,
        "one entry per life situation used in the LeiKa file"
    );
    assert_eq!(
        c.life_situations.len(),
        55,
        "the LeiKa file uses 55 life situations"
    );
    for l in &c.life_situations {
        let en = l.name.en.as_deref().unwrap_or_default();
        assert!(
            !en.is_empty() && en != l.name.de,
            "{} has an English name",
            l.id
        );
    }
    let ids: HashSet<&str> = c.life_situations.iter().map(|l| l.id.as_str()).collect();
    for s in &c.services {
        if let Some(id) = &s.life_situation {
            assert!(
                ids.contains(id.as_str()),
                "{} refers to known life situation {id}",
                s.leika_key
            );
        }
    }
    let without = c
        .services
        .iter()
        .filter(|s| s.life_situation.is_none())
        .count();
    assert_eq!(
        without, 16,
        "the 16 rows without a life situation have none"
    );
    let moving = c
        .service("99115005104000")
        .and_then(|s| s.life_situation.as_deref());
    assert_eq!(
        moving,
        Some("wohnen-umzug"),
        "registration belongs to moving house"
    );
}

#[test]
fn every_featured_key_is_a_real_leika_key() {
    let keys = featured_keys();
    assert!(
        keys.len() >= MIN_FEATURED,
        "at least {MIN_FEATURED} featured, got {}",
        keys.len()
    );
    let leika: HashSet<String> = column(LEIKA.text, "leika_key").into_iter().collect();
    for key in &keys {
        assert!(
            leika.contains(key),
            "featured key {key} exists in leika-services.csv"
        );
    }
    let unique: HashSet<&String> = keys.iter().collect();
    assert_eq!(unique.len(), keys.len(), "no service is featured twice");
}

#[test]
fn featured_services_are_complete_in_both_languages() {
    let c = catalog();
    let featured: Vec<_> = c.services.iter().filter(|s| s.featured).collect();
    assert_eq!(
        featured.len(),
        featured_keys().len(),
        "every featured entry is applied"
    );
    assert!(
        featured.len() >= MIN_FEATURED,
        "at least {MIN_FEATURED} featured services"
    );
    for s in featured {
        let key = &s.leika_key;
        assert!(s.name.en.is_some(), "{key} has an English name");
        for (field, text) in [
            ("summary", &s.summary),
            ("who_can_apply", &s.who_can_apply),
            ("fees", &s.fees),
            ("duration", &s.duration),
        ] {
            let complete = text
                .as_ref()
                .is_some_and(|t| !t.de.is_empty() && t.en.is_some());
            assert!(complete, "{key} has {field} in German and English");
        }
        assert!(!s.documents.is_empty(), "{key} lists the documents needed");
        assert!(!s.keywords.is_empty(), "{key} has search keywords");
        assert!(
            s.topic.is_some() || s.ozg_bundle.is_some(),
            "{key} keeps its LeiKa row data"
        );
        assert_ne!(
            s.responsible_level,
            ResponsibleLevel::Federal,
            "{key}: a Thüringen office"
        );
    }
}

#[test]
fn showcase_services_carry_their_forms_and_keywords() {
    let c = catalog();
    for (key, form_id) in SHOWCASE {
        let service = c.service(key);
        assert!(service.is_some_and(|s| s.featured), "{key} is featured");
        let found = service.and_then(|s| s.form_id.as_deref());
        assert_eq!(found, Some(form_id), "{key} links form {form_id}");
        assert!(
            service.is_some_and(|s| s.responsibility_confirmed),
            "{key} is confirmed"
        );
    }
    // #16: the services whose form is imported from an XDatenfelder message of data/xdf link
    // it by its FIM id, and the form is shipped and made for that service.
    for (file, key) in xdatenfelder::shipped::SERVICES {
        let service = c.service(key);
        assert!(service.is_some_and(|s| s.featured), "{key} is featured");
        let form_id = service
            .and_then(|s| s.form_id.as_deref())
            .unwrap_or_default();
        let form = crate::shipped_form(form_id)
            .unwrap_or_else(|| panic!("{key} links {form_id:?}, imported from {file}"));
        assert!(form_id.starts_with('S'), "{form_id} is the schema's FIM id");
        assert_eq!(form.leika_key.as_deref(), Some(*key), "{file} is for {key}");
    }
    let with_form = c.services.iter().filter(|s| s.form_id.is_some()).count();
    assert_eq!(
        with_form,
        SHOWCASE.len() + xdatenfelder::shipped::SERVICES.len(),
        "the showcase services and the imported forms' services have forms"
    );
    let keywords = |key: &str| {
        c.service(key)
            .map(|s| s.keywords.clone())
            .unwrap_or_default()
    };
    for word in ["Anwohnerparkausweis", "Parkausweis"] {
        assert!(
            keywords("99108001001000").iter().any(|k| k == word),
            "parking: {word}"
        );
    }
    for word in ["Ummeldung", "Umzug", "Anmeldung Wohnung"] {
        assert!(
            keywords("99115005104000").iter().any(|k| k == word),
            "registration: {word}"
        );
    }
    for word in ["Bauantrag", "Digitaler Bauantrag"] {
        assert!(
            keywords("99012008001000").iter().any(|k| k == word),
            "building: {word}"
        );
    }
    let parking_fees = c.service("99108001001000").and_then(|s| s.fees.clone());
    let parking_fees = parking_fees.map(|f| f.de).unwrap_or_default();
    for figure in [
        "Erfurt 100 €",
        "Jena 120 €",
        "Gotha 90 €",
        "Gera 90 €",
        "Weimar 30,60 €",
    ] {
        assert!(
            parking_fees.contains(figure),
            "parking fees name {figure}: {parking_fees}"
        );
    }
    let levels = [
        ("99108001001000", ResponsibleLevel::Municipality),
        ("99115005104000", ResponsibleLevel::Municipality),
        ("99012008001000", ResponsibleLevel::District),
        ("99102013000000", ResponsibleLevel::Municipality),
        ("99050012104000", ResponsibleLevel::Municipality),
    ];
    for (key, level) in levels {
        let found = c.service(key).map(|s| s.responsible_level);
        assert_eq!(found, Some(level), "{key} is handled at the checked level");
    }
}

#[test]
fn non_featured_services_are_inferred_not_confirmed() {
    let c = catalog();
    for s in c.services.iter().filter(|s| !s.featured) {
        assert!(
            !s.responsibility_confirmed,
            "{} is only inferred",
            s.leika_key
        );
        assert!(
            s.summary.is_none() && s.form_id.is_none(),
            "{} has no texts",
            s.leika_key
        );
    }
    let level = |key: &str| c.service(key).map(|s| s.responsible_level);
    assert_eq!(
        level("99001009004001"),
        Some(ResponsibleLevel::Municipality),
        "type 5"
    );
    assert_eq!(
        level("99007005000000"),
        Some(ResponsibleLevel::Federal),
        "type 1"
    );
    assert_eq!(
        level("99001002000000"),
        Some(ResponsibleLevel::District),
        "type 2/3"
    );
}

#[test]
fn every_municipality_has_a_responsible_authority_for_every_featured_service() {
    let c = catalog();
    let index = c.authority_index();
    let featured: Vec<_> = c.services.iter().filter(|s| s.featured).collect();
    for m in &c.municipalities {
        for s in &featured {
            let found = index.responsible_for(s, &m.ags);
            assert!(
                found.is_some(),
                "{} has an authority for {}",
                m.ags,
                s.leika_key
            );
            let level = found.map(|a| a.level);
            assert_eq!(
                level,
                Some(s.responsible_level),
                "{} is served at the service's own level for {}",
                m.ags,
                s.leika_key
            );
        }
    }
}

#[test]
fn authorities_are_named_for_their_places() {
    let c = catalog();
    let index = c.authority_index();
    let name = |key: &str, ags: &str| {
        c.service(key)
            .and_then(|s| index.responsible_for(s, ags))
            .map(|a| a.name.de.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        name("99108001001000", "16051000"),
        "Stadtverwaltung Erfurt",
        "Erfurt parking"
    );
    assert_eq!(
        name("99012008001000", "16051000"),
        "Stadtverwaltung Erfurt",
        "Erfurt builds"
    );
    assert_eq!(
        name("99102013000000", "16054000"),
        "Stadtverwaltung Suhl",
        "`Suhl, Stadt`"
    );
    assert_eq!(
        name("99102013000000", "16061001"),
        "Verwaltung von Arenshausen (Gemeinde-/Stadtverwaltung, \
         Verwaltungsgemeinschaft oder erfüllende Gemeinde)",
        "a Gemeinde whose administration we cannot name: the level, not an office"
    );
    assert_eq!(
        name("99012008001000", "16061001"),
        "Landratsamt Eichsfeld",
        "a Landkreis issues building permits"
    );
    assert_eq!(
        name("99012008001000", "16056000"),
        "Landratsamt Wartburgkreis",
        "Eisenach is part of the Wartburgkreis since 2021"
    );
    let land = c
        .authorities
        .iter()
        .find(|a| a.level == ResponsibleLevel::Land);
    assert_eq!(
        land.and_then(|a| a.address.as_deref()),
        Some("Jorge-Semprún-Platz 4, 99423 Weimar"),
        "the Landesverwaltungsamt sits in Weimar"
    );
    let ids: HashSet<&str> = c.authorities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), c.authorities.len(), "authority ids are unique");
    let phones = c.authorities.iter().filter(|a| a.phone.is_some()).count();
    assert_eq!(
        phones, 1,
        "no invented phone numbers: only the Land office has one"
    );
    let free = c.districts.iter().filter(|d| d.district_free_city).count();
    assert_eq!(
        free, 5,
        "five kreisfreie Städte remain after Eisenach joined a Landkreis"
    );
}

#[test]
fn postal_codes_lead_to_municipalities() {
    let c = catalog();
    let erfurt: Vec<&str> = c
        .municipalities_for_postal_code("99084")
        .iter()
        .map(|m| m.ags.as_str())
        .collect();
    assert_eq!(erfurt, vec!["16051000"], "99084 is Erfurt");
}

#[test]
fn version_is_a_stable_content_hash() {
    let a = catalog();
    let b = catalog();
    assert_eq!(a.version.len(), 16, "16 hex digits: {}", a.version);
    assert!(
        a.version.bytes().all(|b| b.is_ascii_hexdigit()),
        "hex: {}",
        a.version
    );
    assert_eq!(
        a.version, b.version,
        "the same content gives the same version"
    );
    let recomputed = content_version(&a).unwrap_or_default();
    assert_eq!(
        recomputed, a.version,
        "the version is the hash of the content"
    );
    let mut changed = a.clone();
    changed.services[0].keywords.push("geändert".into());
    let changed_version = content_version(&changed).unwrap_or_default();
    assert_ne!(
        changed_version, a.version,
        "any content change changes the version"
    );
}

#[test]
fn attribution_names_every_source() {
    for needle in ["Gert Hammes", "GeoNames", "CC BY 4.0", "MietNEinV"] {
        assert!(ATTRIBUTION.contains(needle), "the notice names {needle}");
    }
}

/// "12345" cents as the service pages write amounts: `123,45 €`, whole euros without cents.
fn euros(cents: i64) -> String {
    if cents % 100 == 0 {
        format!("{} €", cents / 100)
    } else {
        format!("{},{:02} €", cents / 100, cents % 100)
    }
}

/// #16: a fee table entry names a real municipality, and the service page's text says the
/// same amount for that town, so the page and the table cannot tell two different stories.
#[test]
fn every_fee_schedule_entry_agrees_with_the_service_page() {
    let c = catalog();
    let mut entries = 0;
    for service in c.services.iter().filter(|s| !s.fee_schedule.is_empty()) {
        let text = service
            .fees
            .as_ref()
            .map(|f| f.de.as_str())
            .unwrap_or_default();
        for fee in &service.fee_schedule {
            entries += 1;
            let town = c
                .municipality(&fee.ags)
                .unwrap_or_else(|| panic!("{}: {} is a municipality", service.leika_key, fee.ags));
            let bare = town.name.split(',').next().unwrap_or_default().trim();
            let bare = bare.strip_prefix("Stadt ").unwrap_or(bare);
            let said = format!("{bare} {}", euros(fee.cents));
            assert!(
                text.contains(&said),
                "{}: the page says {said:?} like the fee table: {text}",
                service.leika_key
            );
            assert!(
                !fee.source.trim().is_empty(),
                "{bare}: the statute is named"
            );
        }
    }
    assert!(entries >= 4, "the known parking fees are in the table");
}

/// The money fields a form computes, with their rules.
fn computed_fees(items: &[domain::form::Item], out: &mut Vec<(String, String)>) {
    for item in items {
        match item {
            domain::form::Item::Group(g) => computed_fees(&g.items, out),
            domain::form::Item::Field(f) => {
                if let (domain::form::FieldKind::Money { .. }, Some(rule)) = (&f.kind, &f.compute) {
                    out.push((f.id.clone(), rule.clone()));
                }
            }
        }
    }
}

fn shipped_form(form_id: &str) -> domain::form::FormDefinition {
    crate::shipped_form(form_id)
        .unwrap_or_else(|| panic!("{form_id} is shipped"))
        .clone()
}

/// #16: a form computes a fee for a service whose fee each municipality sets only from the
/// statute of the person's place (`place_fee()`), never from a number of its own: without the
/// place's statute any number is an example, and it contradicted the service page (30,70 € in
/// the form, 100 € in Erfurt). A fee the Land sets alike for every place (the building
/// permit's cost law) may be estimated.
#[test]
fn no_form_computes_a_fee_that_each_municipality_sets() {
    let c = catalog();
    for service in c.services.iter().filter(|s| s.form_id.is_some()) {
        if service.responsible_level != ResponsibleLevel::Municipality {
            continue;
        }
        let form_id = service.form_id.as_deref().unwrap_or_default();
        let mut fees = Vec::new();
        for page in &shipped_form(form_id).pages {
            computed_fees(&page.items, &mut fees);
        }
        for (field, rule) in fees {
            // The rule without its quoted codes ('12' is a period, not an amount).
            let unquoted: String = rule.split('\'').step_by(2).collect();
            assert!(
                rule.contains("place_fee()") && !unquoted.chars().any(|c| c.is_ascii_digit()),
                "{form_id}.{field}: the fee comes from the place's statute only: {rule}"
            );
        }
    }
}

/// #16: the service page and the form say the same fee: for every place in a service's fee
/// table, the form computes exactly that amount for the person living there.
#[test]
fn the_form_computes_the_fee_the_service_page_names() {
    let c = catalog();
    let today = domain::form::Date::parse("2026-12-05").expect("a date");
    let mut checked = 0;
    for service in c.services.iter().filter(|s| !s.fee_schedule.is_empty()) {
        let Some(form_id) = service.form_id.as_deref() else {
            continue;
        };
        let form = domain::form::Form::new(shipped_form(form_id)).expect("compiles");
        let answers: domain::form::Answers =
            serde_json::from_value(serde_json::json!({"laufzeit": "12"})).expect("answers");
        for fee in &service.fee_schedule {
            let facts = domain::form::Facts::at_place(today, Some(service), Some(&fee.ags));
            let evaluation = form.evaluate_with(&answers, facts);
            let computed: Vec<i64> = evaluation
                .computed
                .values()
                .filter_map(|v| match v {
                    domain::form::Value::Int(cents) => Some(*cents),
                    _ => None,
                })
                .collect();
            assert!(
                computed.contains(&fee.cents),
                "{form_id} at {}: the form computes {} cents like the page: {computed:?}",
                fee.ags,
                fee.cents
            );
            checked += 1;
        }
        // A place the table does not know: no amount, the town's statute decides.
        let elsewhere = domain::form::Facts::at_place(today, Some(service), Some("16061001"));
        let evaluation = form.evaluate_with(&answers, elsewhere);
        assert!(
            !evaluation
                .computed
                .values()
                .any(|v| matches!(v, domain::form::Value::Int(_))),
            "{form_id}: no amount where the statute is unknown"
        );
    }
    assert!(checked >= 4, "every known parking fee checked");
}
