//! Thüringen's districts, municipalities and postal codes from the official CSVs in `data/`,
//! and the authorities generated for them so that "who is responsible here" has an answer
//! for every place.
//!
//! Keys are taken from the files unchanged. This module must never invent a contact detail:
//! addresses are only set for the few offices listed in [`KNOWN_ADDRESSES`], phone numbers
//! only for the Land office; everything else stays `None` (the UI offers 115).

use std::collections::HashMap;

use domain::{
    Authority, AuthorityKind, District, Localized, Municipality, PostalCodeArea, ResponsibleLevel,
};
use serde::Deserialize;

use crate::csv_rows::{for_each_row, is_digits, DataFile};
use crate::SeedError;

/// The key of the Land Thüringen, the first two digits of every AGS.
pub(crate) const LAND_KEY: &str = "16";

/// Public postal addresses of city administrations we are sure of (main town hall), by AGS.
const KNOWN_ADDRESSES: &[(&str, &str)] = &[
    ("16051000", "Fischmarkt 1, 99084 Erfurt"),
    ("16052000", "Kornmarkt 12, 07545 Gera"),
    ("16053000", "Am Anger 15, 07743 Jena"),
    ("16055000", "Schwanseestraße 17, 99423 Weimar"),
    ("16067029", "Hauptmarkt 1, 99867 Gotha"),
];

/// What the district file says a district is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DistrictKind {
    Landkreis,
    KreisfreieStadt,
    /// A former district-free city now part of the named Landkreis (Eisenach since 2021):
    /// its key still exists in the AGS of its municipality, but that Landkreis serves it.
    FormerlyFree {
        now_part_of: String,
    },
}

impl DistrictKind {
    fn parse(kind: &str) -> Option<DistrictKind> {
        let kind = kind.trim();
        match kind {
            "Landkreis" => Some(DistrictKind::Landkreis),
            "kreisfreie Stadt" => Some(DistrictKind::KreisfreieStadt),
            _ => {
                let rest = kind.strip_prefix("kreisfreie Stadt (since ")?;
                let (_, after) = rest.split_once("part of the ")?;
                let name = after.strip_suffix(')')?.trim();
                (!name.is_empty()).then(|| DistrictKind::FormerlyFree {
                    now_part_of: name.to_string(),
                })
            }
        }
    }
}

#[derive(Deserialize)]
struct DistrictRow {
    kreis_key: String,
    name: String,
    kind: String,
    seat: String,
}

/// The districts in file order, each with its kind.
pub(crate) fn districts(file: DataFile) -> Result<Vec<(District, DistrictKind)>, SeedError> {
    let mut out: Vec<(District, DistrictKind)> = Vec::with_capacity(23);
    for_each_row(file, |row: DistrictRow, line| {
        let key = row.kreis_key.trim();
        if !is_digits(key, 5) || !key.starts_with(LAND_KEY) {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("bad district key {key:?}"),
            ));
        }
        if out.iter().any(|(d, _)| d.key == key) {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("duplicate {key}"),
            ));
        }
        let kind = DistrictKind::parse(&row.kind).ok_or_else(|| {
            SeedError::invalid(
                file.name,
                line,
                format!("unknown district kind {:?}", row.kind),
            )
        })?;
        out.push((
            District {
                key: key.to_string(),
                name: row.name.trim().to_string(),
                district_free_city: kind == DistrictKind::KreisfreieStadt,
                seat: row.seat.trim().to_string(),
            },
            kind,
        ));
        Ok(())
    })?;
    for (district, kind) in &out {
        if let DistrictKind::FormerlyFree { now_part_of } = kind {
            if !out.iter().any(|(d, _)| &d.name == now_part_of) {
                let message = format!(
                    "{} is part of unknown district {now_part_of:?}",
                    district.key
                );
                return Err(SeedError::invalid(file.name, 0, message));
            }
        }
    }
    Ok(out)
}

#[derive(Deserialize)]
struct MunicipalityRow {
    ags: String,
    name: String,
    #[allow(dead_code)]
    mietniveaustufe: String,
}

/// The municipalities in file order; each must lie in a known district.
pub(crate) fn municipalities(
    file: DataFile,
    districts: &[District],
) -> Result<Vec<Municipality>, SeedError> {
    let mut out: Vec<Municipality> = Vec::with_capacity(640);
    let mut seen: HashMap<String, u64> = HashMap::with_capacity(640);
    for_each_row(file, |row: MunicipalityRow, line| {
        let ags = row.ags.trim();
        if !is_digits(ags, 8) || !ags.starts_with(LAND_KEY) {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("bad AGS {ags:?}"),
            ));
        }
        if let Some(first) = seen.insert(ags.to_string(), line) {
            let message = format!("AGS {ags} already on line {first}");
            return Err(SeedError::invalid(file.name, line, message));
        }
        if !districts.iter().any(|d| ags.starts_with(d.key.as_str())) {
            let message = format!("AGS {ags} lies in no district of the district file");
            return Err(SeedError::invalid(file.name, line, message));
        }
        let name = row.name.trim();
        if name.is_empty() {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("AGS {ags} has no name"),
            ));
        }
        out.push(Municipality {
            ags: ags.to_string(),
            name: name.to_string(),
        });
        Ok(())
    })?;
    Ok(out)
}

#[derive(Deserialize)]
struct PostalCodeRow {
    plz: String,
    place: String,
    #[allow(dead_code)]
    kreis: String,
    kreis_key: String,
    #[allow(dead_code)]
    lat: String,
    #[allow(dead_code)]
    lon: String,
}

/// The postal-code rows in file order; each must name a known district.
pub(crate) fn postal_codes(
    file: DataFile,
    districts: &[District],
) -> Result<Vec<PostalCodeArea>, SeedError> {
    let mut out = Vec::with_capacity(1_100);
    for_each_row(file, |row: PostalCodeRow, line| {
        let plz = row.plz.trim();
        if !is_digits(plz, 5) {
            return Err(SeedError::invalid(
                file.name,
                line,
                format!("bad postal code {plz:?}"),
            ));
        }
        let district_key = row.kreis_key.trim();
        if !districts.iter().any(|d| d.key == district_key) {
            let message = format!("unknown district key {district_key:?}");
            return Err(SeedError::invalid(file.name, line, message));
        }
        out.push(PostalCodeArea {
            postal_code: plz.to_string(),
            place: row.place.trim().to_string(),
            district_key: district_key.to_string(),
        });
        Ok(())
    })?;
    Ok(out)
}

/// `Stadt Erfurt` / `Suhl, Stadt` → (`Erfurt` / `Suhl`, true); `Arenshausen` → (.., false).
fn bare_name(municipality: &str) -> (&str, bool) {
    if let Some(bare) = municipality.strip_prefix("Stadt ") {
        return (bare.trim(), true);
    }
    if let Some(bare) = municipality.strip_suffix(", Stadt") {
        return (bare.trim(), true);
    }
    (municipality.trim(), false)
}

fn known_address(ags: &str) -> Option<String> {
    KNOWN_ADDRESSES
        .iter()
        .find(|(key, _)| *key == ags)
        .map(|(_, address)| address.to_string())
}

/// One authority per municipality, one per district and one for the Land, in that order.
pub(crate) fn authorities(
    districts: &[(District, DistrictKind)],
    municipalities: &[Municipality],
) -> Vec<Authority> {
    let mut out = Vec::with_capacity(municipalities.len() + districts.len() + 1);
    for m in municipalities {
        let (bare, city) = bare_name(&m.name);
        let district_free = districts.iter().any(|(d, kind)| {
            d.key == m.district_key() && matches!(kind, DistrictKind::KreisfreieStadt)
        });
        let address = known_address(&m.ags);
        // Many of Thüringen's small municipalities run no administration of their own: a
        // Verwaltungsgemeinschaft or an erfüllende Gemeinde serves them. We have no public,
        // licensed register of those memberships yet (see data/README.md), so an office is
        // named only where it certainly exists (a district-free city, or a town hall whose
        // address we know); everywhere else the page names the level, never an office that
        // may not exist.
        let (name, kind) = if district_free || address.is_some() {
            let (de, en, kind) = if city {
                (
                    "Stadtverwaltung",
                    "City administration",
                    AuthorityKind::CityAdministration,
                )
            } else {
                (
                    "Gemeindeverwaltung",
                    "Municipal administration",
                    AuthorityKind::MunicipalAdministration,
                )
            };
            (
                Localized::new(format!("{de} {bare}"), format!("{en} {bare}")),
                kind,
            )
        } else {
            (
                Localized::new(
                    format!(
                        "Verwaltung von {bare} (Gemeinde-/Stadtverwaltung, \
                         Verwaltungsgemeinschaft oder erfüllende Gemeinde)"
                    ),
                    format!(
                        "Administration of {bare} (its own, its Verwaltungsgemeinschaft \
                         or its erfüllende Gemeinde)"
                    ),
                ),
                AuthorityKind::MunicipalAdministration,
            )
        };
        out.push(Authority {
            id: format!("municipality-{}", m.ags),
            name,
            kind,
            level: ResponsibleLevel::Municipality,
            area_key: m.ags.clone(),
            address,
            phone: None,
            opening_hours: None,
        });
    }
    for (district, kind) in districts {
        let landratsamt = |name: &str| {
            Localized::new(
                format!("Landratsamt {name}"),
                format!("District office {name}"),
            )
        };
        let (name, kind, address) = match kind {
            DistrictKind::Landkreis => (
                landratsamt(&district.name),
                AuthorityKind::DistrictOffice,
                None,
            ),
            DistrictKind::FormerlyFree { now_part_of } => (
                landratsamt(now_part_of),
                AuthorityKind::DistrictOffice,
                None,
            ),
            DistrictKind::KreisfreieStadt => (
                Localized::new(
                    format!("Stadtverwaltung {}", district.name),
                    format!("City administration {}", district.name),
                ),
                AuthorityKind::CityAdministration,
                known_address(&format!("{}000", district.key)),
            ),
        };
        out.push(Authority {
            id: format!("district-{}", district.key),
            name,
            kind,
            level: ResponsibleLevel::District,
            area_key: district.key.clone(),
            address,
            phone: None,
            opening_hours: None,
        });
    }
    out.push(Authority {
        id: format!("land-{LAND_KEY}"),
        name: Localized::new(
            "Thüringer Landesverwaltungsamt",
            "Thuringian State Administration Office",
        ),
        kind: AuthorityKind::StateOffice,
        level: ResponsibleLevel::Land,
        area_key: LAND_KEY.to_string(),
        address: Some("Jorge-Semprún-Platz 4, 99423 Weimar".to_string()),
        phone: Some("0361 57 3321000".to_string()),
        opening_hours: None,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_kinds_parse_including_eisenach() {
        assert_eq!(
            DistrictKind::parse("Landkreis"),
            Some(DistrictKind::Landkreis),
            "Landkreis"
        );
        assert_eq!(
            DistrictKind::parse("kreisfreie Stadt"),
            Some(DistrictKind::KreisfreieStadt),
            "kreisfreie Stadt"
        );
        assert_eq!(
            DistrictKind::parse("kreisfreie Stadt (since 1 July 2021 part of the Wartburgkreis)"),
            Some(DistrictKind::FormerlyFree {
                now_part_of: "Wartburgkreis".into()
            }),
            "Eisenach joined the Wartburgkreis"
        );
        assert_eq!(
            DistrictKind::parse("Bezirk"),
            None,
            "unknown kinds are rejected"
        );
    }

    #[test]
    fn municipality_names_lose_their_town_marker() {
        assert_eq!(bare_name("Stadt Erfurt"), ("Erfurt", true), "prefix form");
        assert_eq!(bare_name("Suhl, Stadt"), ("Suhl", true), "suffix form");
        assert_eq!(
            bare_name("Arenshausen"),
            ("Arenshausen", false),
            "a Gemeinde"
        );
    }
}
