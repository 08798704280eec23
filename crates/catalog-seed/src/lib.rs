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

use csv_rows::DataFile;
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

/// The id and version of every form shipped with the domain crate (the showcase forms).
fn shipped_form_versions() -> Vec<domain::FormVersion> {
    domain::form::showcase_definitions()
        .into_iter()
        .filter_map(|(_, json)| domain::form::FormDefinition::from_json(json).ok())
        .map(|definition| domain::FormVersion {
            id: definition.id,
            version: definition.version,
        })
        .collect()
}
