//! ThüringenApp's seed catalog: every LeiKa service, Thüringen's districts, municipalities,
//! postal codes and authorities, and our fully described featured services, built from the
//! files in `data/` that are compiled into the binary.
//!
//! [`seed_catalog`] is what the state API serves on a fresh start and what the app shows
//! before it has ever synced. It is pure: it never reads a file, the clock or the network at
//! run time, never invents a LeiKa key or a contact detail, and fails with the file and line
//! of any broken row instead of skipping it.

mod csv_rows;
mod error;
mod featured;
mod guides;
mod leika;
mod life_situations;
mod places;
mod version;

use std::sync::OnceLock;

use csv_rows::DataFile;
use domain::form::FormDefinition;
use domain::Catalog;

pub use error::SeedError;
pub use version::content_version;

/// The attribution notices of the data files, for the app's About page.
pub const ATTRIBUTION: &str = include_str!("../../../data/NOTICE");

const LEIKA: DataFile = DataFile {
    name: "data/leika-services.csv",
    text: include_str!("../../../data/leika-services.csv"),
};
const LIFE_SITUATIONS: DataFile = DataFile {
    name: "data/life-situations.csv",
    text: include_str!("../../../data/life-situations.csv"),
};
const FEATURED: DataFile = DataFile {
    name: "data/featured-services.json",
    text: include_str!("../../../data/featured-services.json"),
};
const GUIDES: DataFile = DataFile {
    name: "data/life-situation-guides.json",
    text: include_str!("../../../data/life-situation-guides.json"),
};
const DISTRICTS: DataFile = DataFile {
    name: "data/thueringen-kreise.csv",
    text: include_str!("../../../data/thueringen-kreise.csv"),
};
const MUNICIPALITIES: DataFile = DataFile {
    name: "data/thueringen-gemeinden.csv",
    text: include_str!("../../../data/thueringen-gemeinden.csv"),
};
const POSTAL_CODES: DataFile = DataFile {
    name: "data/thueringen-plz.csv",
    text: include_str!("../../../data/thueringen-plz.csv"),
};

/// Builds the whole seed catalog from the embedded data files.
///
/// Services keep the LeiKa file's order, places their files' order; authorities come as one
/// per municipality, one per district, then the Land. `version` is the content hash (see
/// [`content_version`]). Errors name the data file and line at fault.
pub fn seed_catalog() -> Result<Catalog, SeedError> {
    let mut life_situations = life_situations::parse(LIFE_SITUATIONS)?;
    let mut services = leika::parse(
        LEIKA,
        &life_situations::ids_by_german_name(&life_situations),
    )?;
    featured::apply(FEATURED, &mut services)?;
    guides::apply(GUIDES, &mut life_situations, &services)?;
    let districts_with_kind = places::districts(DISTRICTS)?;
    let districts: Vec<_> = districts_with_kind.iter().map(|(d, _)| d.clone()).collect();
    let municipalities = places::municipalities(MUNICIPALITIES, &districts)?;
    let postal_codes = places::postal_codes(POSTAL_CODES, &districts)?;
    let authorities = places::authorities(&districts_with_kind, &municipalities);
    let mut catalog = Catalog {
        version: String::new(),
        services,
        life_situations,
        authorities,
        districts,
        municipalities,
        postal_codes,
        forms: shipped_form_versions(),
    };
    catalog.version = content_version(&catalog)?;
    Ok(catalog)
}

#[cfg(test)]
mod tests;

/// Every form shipped with the app and served by the state API: the showcase forms written in
/// our JSON (`data/forms`, embedded by `domain::form::showcase`) and the forms imported from
/// the XDatenfelder messages of `data/xdf` (`xdatenfelder::shipped`), so the XML stays their
/// one source. A definition that does not parse or import is left out; tests check that none
/// is. Built once per process (the import takes milliseconds).
pub fn shipped_forms() -> &'static [FormDefinition] {
    static FORMS: OnceLock<Vec<FormDefinition>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let showcase = domain::form::showcase_definitions()
            .into_iter()
            .filter_map(|(_, json)| FormDefinition::from_json(json).ok());
        let imported = xdatenfelder::shipped::imports()
            .into_iter()
            .filter_map(|(_, result)| result.ok())
            .map(|import| import.definition);
        showcase.chain(imported).collect()
    })
}

/// One shipped form by id (each id is shipped in one version).
pub fn shipped_form(form_id: &str) -> Option<&'static FormDefinition> {
    shipped_forms().iter().find(|form| form.id == form_id)
}

/// The id and version of every shipped form.
fn shipped_form_versions() -> Vec<domain::FormVersion> {
    shipped_forms()
        .iter()
        .map(|definition| domain::FormVersion {
            id: definition.id.clone(),
            version: definition.version.clone(),
        })
        .collect()
}
