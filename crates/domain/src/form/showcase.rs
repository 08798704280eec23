//! The showcase form definitions, shipped as data (`data/forms/*.json`) and embedded here so
//! that the state API serves them and the app's first-start snapshot contains them. This
//! module only embeds text; parsing happens in [`super::Form::from_json`].

/// Anwohner-/Bewohnerparkausweis (LeiKa 99108001001000).
pub const BEWOHNERPARKAUSWEIS: &str =
    include_str!("../../../../data/forms/bewohnerparkausweis.json");
/// Anmeldung einer Wohnung, with co-moving persons (LeiKa 99115005104000).
pub const WOHNSITZ_ANMELDUNG: &str = include_str!("../../../../data/forms/wohnsitz-anmeldung.json");
/// Digitaler Bauantrag (LeiKa 99012008001000).
pub const BAUGENEHMIGUNG: &str = include_str!("../../../../data/forms/baugenehmigung.json");
/// Hundesteuer-Anmeldung (LeiKa 99102013000000).
pub const HUNDESTEUER: &str = include_str!("../../../../data/forms/hundesteuer.json");
/// Gewerbeanmeldung, GewA 1 (LeiKa 99050012104000).
pub const GEWERBEANMELDUNG: &str = include_str!("../../../../data/forms/gewerbeanmeldung.json");
/// The general application for every service without a form of its own (no LeiKa key: the
/// draft carries the service's).
pub const ANLIEGEN: &str = include_str!("../../../../data/forms/anliegen.json");

/// Every showcase definition as (form id, JSON).
pub fn showcase_definitions() -> Vec<(&'static str, &'static str)> {
    vec![
        ("bewohnerparkausweis", BEWOHNERPARKAUSWEIS),
        ("wohnsitz-anmeldung", WOHNSITZ_ANMELDUNG),
        ("baugenehmigung", BAUGENEHMIGUNG),
        ("hundesteuer", HUNDESTEUER),
        ("gewerbeanmeldung", GEWERBEANMELDUNG),
        (crate::catalog::GENERAL_APPLICATION_FORM, ANLIEGEN),
    ]
}

/// The JSON of one showcase form, by form id.
pub fn showcase_definition(id: &str) -> Option<&'static str> {
    showcase_definitions()
        .into_iter()
        .find(|(form_id, _)| *form_id == id)
        .map(|(_, json)| json)
}
