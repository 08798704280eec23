//! The service catalog as the citizen meets it: services, life situations, places and the
//! authorities responsible for them.
//!
//! Keys follow the German standards: services carry their 14-digit FIM LeiKa key, places their
//! official Amtlicher Gemeindeschlüssel (AGS, 8 digits) or district key (5 digits), and the Land
//! is `16`. Responsibility is found by walking a place's key upwards (municipality → district →
//! Land) until an authority of the right level is found. This module never does IO.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// The languages the app speaks. German is the source language; every text has a German form.
///
/// Leichte Sprache is German in simple language, so its HTML `lang` attribute stays `de` (screen
/// readers keep the German voice; a private-use tag such as `de-x-ls` is valid BCP 47 but tells
/// assistive technology nothing more). It is told apart from German by its [`Language::code`],
/// `de-LS`, which names its locale folder and is what the store keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    De,
    En,
    Uk,
    Ar,
    Tr,
    Ru,
    /// Leichte Sprache (German in simple language, Netzwerk Leichte Sprache rules).
    #[serde(rename = "de-LS")]
    DeLs,
}

impl Language {
    /// The languages the person can choose: every one whose locale files are complete (the
    /// tests in `crates/i18n` hold every language here to every key of German, and every text
    /// of the data to a translation in each).
    pub const ALL: [Language; 7] = [
        Language::De,
        Language::En,
        Language::Uk,
        Language::Ar,
        Language::Tr,
        Language::Ru,
        Language::DeLs,
    ];

    /// Every language the model knows (the same as [`Language::ALL`] since Leichte Sprache is
    /// written; a language being written goes here first and falls back to German).
    pub const EVERY: [Language; 7] = Language::ALL;

    /// The BCP 47 tag for `lang` attributes and locale-aware formatting (`de`, `en`, `ar`, ...).
    /// Leichte Sprache is German: `de`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::De | Language::DeLs => "de",
            Language::En => "en",
            Language::Uk => "uk",
            Language::Ar => "ar",
            Language::Tr => "tr",
            Language::Ru => "ru",
        }
    }

    /// The stable code that names the locale folder (`locales/<code>`) and is stored in the
    /// settings: the tag, except `de-LS` for Leichte Sprache.
    pub fn code(self) -> &'static str {
        match self {
            Language::DeLs => "de-LS",
            other => other.tag(),
        }
    }

    /// The language's name in itself, for the language switch (the same in every UI language,
    /// so not a Fluent message); shown with `lang` set to [`Language::tag`].
    pub fn endonym(self) -> &'static str {
        match self {
            Language::De => "Deutsch",
            Language::En => "English",
            Language::Uk => "Українська",
            Language::Ar => "العربية",
            Language::Tr => "Türkçe",
            Language::Ru => "Русский",
            Language::DeLs => "Leichte Sprache",
        }
    }

    /// Whether text in this language runs right to left (`dir="rtl"`).
    pub fn is_rtl(self) -> bool {
        matches!(self, Language::Ar)
    }

    /// The language for a stored code or an operating system's locale (`de-DE`, `en_GB.UTF-8`,
    /// `de-LS`). Region and encoding are ignored, except that `de-LS` (or the private-use
    /// `de-x-ls`) means Leichte Sprache.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.split('.').next().unwrap_or_default().replace('_', "-");
        if tag.eq_ignore_ascii_case("de-LS") || tag.eq_ignore_ascii_case("de-x-ls") {
            return Some(Language::DeLs);
        }
        let primary = tag.split('-').next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "de" => Some(Language::De),
            "en" => Some(Language::En),
            "uk" => Some(Language::Uk),
            "ar" => Some(Language::Ar),
            "tr" => Some(Language::Tr),
            "ru" => Some(Language::Ru),
            _ => None,
        }
    }
}

/// A text in German and, where we have them, its translations. A language without its own
/// text is shown the German one (the language of the authorities), and the UI marks it
/// `lang="de"` ([`Localized::language_of`]) so screen readers read it with a German voice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Localized {
    pub de: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
    /// Leichte Sprache.
    #[serde(rename = "de-LS", default, skip_serializing_if = "Option::is_none")]
    pub de_ls: Option<String>,
}

impl Localized {
    pub fn de(text: impl Into<String>) -> Self {
        Localized {
            de: text.into(),
            ..Localized::default()
        }
    }

    pub fn new(de: impl Into<String>, en: impl Into<String>) -> Self {
        Localized {
            de: de.into(),
            en: Some(en.into()),
            ..Localized::default()
        }
    }

    /// The text written in `language` itself, if there is one (German always is).
    pub fn text_in(&self, language: Language) -> Option<&str> {
        let text = match language {
            Language::De => return Some(&self.de),
            Language::En => &self.en,
            Language::Uk => &self.uk,
            Language::Ar => &self.ar,
            Language::Tr => &self.tr,
            Language::Ru => &self.ru,
            Language::DeLs => &self.de_ls,
        };
        text.as_deref().filter(|t| !t.trim().is_empty())
    }

    /// The text to show in `language`: its own, or the German one.
    pub fn get(&self, language: Language) -> &str {
        self.text_in(language).unwrap_or(&self.de)
    }

    /// The language [`Localized::get`] answers in: `language`, or German where the text has no
    /// translation (for the `lang` attribute of the element that shows it).
    pub fn language_of(&self, language: Language) -> Language {
        if self.text_in(language).is_some() {
            language
        } else {
            Language::De
        }
    }

    /// Sets the text of `language` (German replaces the source text).
    pub fn set(&mut self, language: Language, text: impl Into<String>) {
        let text = text.into();
        match language {
            Language::De => self.de = text,
            Language::En => self.en = Some(text),
            Language::Uk => self.uk = Some(text),
            Language::Ar => self.ar = Some(text),
            Language::Tr => self.tr = Some(text),
            Language::Ru => self.ru = Some(text),
            Language::DeLs => self.de_ls = Some(text),
        }
    }
}

/// Which level of government handles a service for a given place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ResponsibleLevel {
    /// The town or municipality (Gemeinde, Stadt): registration office, dog tax, trade office.
    Municipality,
    /// The district (Landratsamt) or the district-free city (kreisfreie Stadt).
    District,
    /// The Land Thüringen (Landesverwaltungsamt and other state offices).
    Land,
    /// A federal authority.
    Federal,
}

impl ResponsibleLevel {
    /// The key of the place at this level, cut from an AGS (`16051000` → `16051` → `16`).
    /// `None` for federal services, which have no Thüringen key.
    pub fn key_of(self, ags: &str) -> Option<&str> {
        let len = match self {
            ResponsibleLevel::Municipality => 8,
            ResponsibleLevel::District => 5,
            ResponsibleLevel::Land => 2,
            ResponsibleLevel::Federal => return None,
        };
        ags.get(..len)
    }

    /// The next level up, for the walk when no authority is found at this one.
    pub fn parent(self) -> Option<ResponsibleLevel> {
        match self {
            ResponsibleLevel::Municipality => Some(ResponsibleLevel::District),
            ResponsibleLevel::District => Some(ResponsibleLevel::Land),
            ResponsibleLevel::Land | ResponsibleLevel::Federal => None,
        }
    }
}

/// A life situation (Lebenslage) that groups services: moving house, building, a car, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifeSituation {
    /// A stable slug, e.g. `wohnen-umzug`.
    pub id: String,
    pub name: Localized,
    /// What to do in which order, for the life situations we wrote a guide for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<Guide>,
}

/// A life situation as a guide: the usual steps in order, each a service of the catalog, so
/// the app can name the authority responsible at the person's place for each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    pub intro: Localized,
    pub steps: Vec<GuideStep>,
}

/// One step of a [`Guide`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideStep {
    /// The service to use (LeiKa key).
    pub leika_key: String,
    /// When: a legal deadline or the moment ("within two weeks of moving in").
    pub when: Localized,
    /// What it is for, and the legal duty if there is one.
    pub why: Localized,
}

/// One administrative service (Verwaltungsleistung) of the federal catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    /// The 14-digit FIM LeiKa key, e.g. `99108001001000`.
    pub leika_key: String,
    pub name: Localized,
    /// The life situation's id, if the catalog assigns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_situation: Option<String>,
    /// The topic (Themenfeld) in German, as the federal catalog names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The OZG service bundle it belongs to (e.g. "Wohnsitzmeldungen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ozg_bundle: Option<String>,
    /// The legal basis, abbreviated (e.g. "BMG").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    pub responsible_level: ResponsibleLevel,
    /// True where we checked who is responsible in Thüringen; false where the level is only
    /// inferred from the LeiKa type, so the UI can say "ask 115 if unsure".
    #[serde(default)]
    pub responsibility_confirmed: bool,
    /// Services we describe in full (description, fees, documents, form).
    #[serde(default)]
    pub featured: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who_can_apply: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Localized>,
    /// The form definition id to apply online, where one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_id: Option<String>,
    /// Extra search words (synonyms, e.g. "Ummeldung" for "Wohnsitz Anmeldung").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The fees municipalities' statutes set for this service, where we know them. A place
    /// not listed sets its fee in its own statute, which the app then says instead of a number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fee_schedule: Vec<PlaceFee>,
}

/// A fee one municipality's statute (Gebührensatzung) sets for a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceFee {
    /// The AGS (8 digits) of the municipality whose statute sets it.
    pub ags: String,
    /// The amount in cents for one `period`.
    pub cents: i64,
    pub period: FeePeriod,
    /// Since when it applies (`YYYY-MM-DD`), where the statute says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// The statute as cited, so the person can look it up.
    pub source: String,
}

/// What one fee amount covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeePeriod {
    /// Per year of validity (a residents' parking permit).
    Year,
    /// Once per application.
    Once,
}

impl Service {
    /// The fee the statute of the municipality `ags` (8 digits, or a 12-digit ARS) sets for
    /// this service, if we know it. `None`: the statute of that place decides, unknown here.
    pub fn fee_at(&self, ags: &str) -> Option<&PlaceFee> {
        let ags = ags.get(..8)?;
        self.fee_schedule.iter().find(|fee| fee.ags == ags)
    }
}

/// The form of the general application ("Anliegen an die zuständige Stelle"): how a person
/// acts on any service that has no form of its own. It goes, like every application, to the
/// authority responsible for the service at the person's place.
pub const GENERAL_APPLICATION_FORM: &str = "anliegen";

impl Service {
    /// The form a person applies with: the service's own, else the general application.
    pub fn application_form(&self) -> &str {
        self.form_id.as_deref().unwrap_or(GENERAL_APPLICATION_FORM)
    }
}

/// A kind of office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorityKind {
    MunicipalAdministration,
    DistrictOffice,
    CityAdministration,
    StateOffice,
    FederalOffice,
}

/// An office that handles services for the places under its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authority {
    pub id: String,
    pub name: Localized,
    pub kind: AuthorityKind,
    pub level: ResponsibleLevel,
    /// The key of the area it serves: an AGS (8), a district key (5), `16` for the Land, empty
    /// for federal offices.
    pub area_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<Localized>,
}

/// A district (Landkreis) or district-free city (kreisfreie Stadt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    /// The first five digits of the AGS, e.g. `16051`.
    pub key: String,
    pub name: String,
    pub district_free_city: bool,
    pub seat: String,
}

/// A municipality (Gemeinde or Stadt) with its official key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    /// The 8-digit Amtlicher Gemeindeschlüssel, e.g. `16051000`.
    pub ags: String,
    pub name: String,
}

impl Municipality {
    pub fn district_key(&self) -> &str {
        self.ags.get(..5).unwrap_or(&self.ags)
    }
}

/// A postal code and a place it covers, so "where do I live" works offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalCodeArea {
    pub postal_code: String,
    pub place: String,
    pub district_key: String,
}

/// The whole catalog as one value: what the state API serves and the app caches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Catalog {
    /// A version that changes whenever the content changes (also the base of the ETag).
    pub version: String,
    pub services: Vec<Service>,
    pub life_situations: Vec<LifeSituation>,
    pub authorities: Vec<Authority>,
    pub districts: Vec<District>,
    pub municipalities: Vec<Municipality>,
    pub postal_codes: Vec<PostalCodeArea>,
    /// The current version of every form the services name. When a version changes, the app
    /// fetches the new definition and carries its drafts over by field id.
    #[serde(default)]
    pub forms: Vec<FormVersion>,
}

/// A form id with its current version, as the catalog announces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormVersion {
    pub id: String,
    pub version: String,
}

impl Catalog {
    pub fn service(&self, leika_key: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.leika_key == leika_key)
    }

    pub fn municipality(&self, ags: &str) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| m.ags == ags)
    }

    pub fn life_situation(&self, id: &str) -> Option<&LifeSituation> {
        self.life_situations.iter().find(|l| l.id == id)
    }

    /// The municipalities whose name or postal-code places match a postal code, best first.
    pub fn municipalities_for_postal_code(&self, postal_code: &str) -> Vec<&Municipality> {
        let places: Vec<&PostalCodeArea> = self
            .postal_codes
            .iter()
            .filter(|p| p.postal_code == postal_code)
            .collect();
        let mut found: Vec<&Municipality> = Vec::new();
        for area in &places {
            for m in &self.municipalities {
                if m.district_key() == area.district_key
                    && municipality_name_matches(&m.name, &area.place)
                    && !found.iter().any(|f| f.ags == m.ags)
                {
                    found.push(m);
                }
            }
        }
        found
    }

    /// Builds an index for the responsibility walk; build once, ask often.
    pub fn authority_index(&self) -> AuthorityIndex<'_> {
        let mut by_level_and_key = HashMap::new();
        for authority in &self.authorities {
            by_level_and_key.insert((authority.level, authority.area_key.as_str()), authority);
        }
        AuthorityIndex { by_level_and_key }
    }
}

/// `Stadt Erfurt` matches the place `Erfurt`; `Gemeinde X` or plain `X` likewise.
fn municipality_name_matches(municipality: &str, place: &str) -> bool {
    let bare = municipality
        .strip_prefix("Stadt ")
        .or_else(|| municipality.strip_prefix("Gemeinde "))
        .unwrap_or(municipality);
    let bare = bare.split(',').next().unwrap_or(bare).trim();
    bare.eq_ignore_ascii_case(place.trim())
}

/// Looks up who is responsible for a service at a place.
pub struct AuthorityIndex<'a> {
    by_level_and_key: HashMap<(ResponsibleLevel, &'a str), &'a Authority>,
}

impl<'a> AuthorityIndex<'a> {
    /// Walks the place's key upwards from the service's level until an authority is found.
    /// `ags` is the 8-digit key of the person's municipality.
    pub fn responsible_for(&self, service: &Service, ags: &str) -> Option<&'a Authority> {
        let mut level = Some(service.responsible_level);
        while let Some(current) = level {
            let key = current.key_of(ags).unwrap_or("");
            if let Some(found) = self.by_level_and_key.get(&(current, key)) {
                return Some(found);
            }
            level = current.parent();
        }
        None
    }
}

/// Where the catalog on the device came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogOrigin {
    /// The snapshot shipped inside the app, used on first start.
    Seed,
    /// Downloaded from the state API.
    StateApi,
}

#[cfg(test)]
mod tests;
