//! OpenAPI schemas of the catalog types. `domain` stays free of OpenAPI, so these mirror
//! `domain::Catalog` and its parts for documentation only; a test checks that every field the
//! domain serializes is described here, and the OpenAPI tests check the seed catalog's JSON
//! against these schemas (what the domain leaves out when empty is not required here). Never
//! used to (de)serialize anything.
#![allow(dead_code)]

use utoipa::ToSchema;

/// A text in German and, where there are translations, English, Ukrainian, Arabic, Turkish,
/// Russian and Leichte Sprache (`de-LS`). An absent language is shown the German text.
#[derive(ToSchema)]
#[schema(as = Localized)]
pub struct LocalizedDoc {
    pub de: String,
    pub en: Option<String>,
    pub uk: Option<String>,
    pub ar: Option<String>,
    pub tr: Option<String>,
    pub ru: Option<String>,
    #[schema(rename = "de-LS")]
    pub de_ls: Option<String>,
}

/// Which level of government handles a service for a place.
#[derive(ToSchema)]
#[schema(as = ResponsibleLevel)]
#[allow(non_camel_case_types)]
pub enum ResponsibleLevelDoc {
    municipality,
    district,
    land,
    federal,
}

/// A kind of office.
#[derive(ToSchema)]
#[schema(as = AuthorityKind)]
#[allow(non_camel_case_types)]
pub enum AuthorityKindDoc {
    municipal_administration,
    district_office,
    city_administration,
    state_office,
    federal_office,
}

/// A life situation (Lebenslage) grouping services.
#[derive(ToSchema)]
#[schema(as = LifeSituation)]
pub struct LifeSituationDoc {
    pub id: String,
    pub name: LocalizedDoc,
    /// The usual steps in order, where we wrote a guide for the life situation.
    pub guide: Option<GuideDoc>,
}

/// A life situation as a guide: the usual steps in order.
#[derive(ToSchema)]
#[schema(as = Guide)]
pub struct GuideDoc {
    pub intro: LocalizedDoc,
    pub steps: Vec<GuideStepDoc>,
}

/// One step of a guide: a service of the catalog, when to use it and why.
#[derive(ToSchema)]
#[schema(as = GuideStep)]
pub struct GuideStepDoc {
    /// The LeiKa key of the service.
    pub leika_key: String,
    pub when: LocalizedDoc,
    pub why: LocalizedDoc,
}

/// One administrative service of the federal catalog (LeiKa).
#[derive(ToSchema)]
#[schema(as = Service)]
pub struct ServiceDoc {
    /// 14-digit FIM LeiKa key.
    pub leika_key: String,
    pub name: LocalizedDoc,
    pub life_situation: Option<String>,
    pub topic: Option<String>,
    pub ozg_bundle: Option<String>,
    pub law: Option<String>,
    pub responsible_level: ResponsibleLevelDoc,
    pub responsibility_confirmed: bool,
    pub featured: bool,
    pub summary: Option<LocalizedDoc>,
    pub who_can_apply: Option<LocalizedDoc>,
    pub fees: Option<LocalizedDoc>,
    pub duration: Option<LocalizedDoc>,
    /// The documents to bring; left out when none are listed (most services).
    #[schema(required = false)]
    pub documents: Vec<LocalizedDoc>,
    /// The form definition id (see `/v1/forms/{id}/{version}`).
    pub form_id: Option<String>,
    /// Extra search words; left out when there are none.
    #[schema(required = false)]
    pub keywords: Vec<String>,
    /// Fees municipalities' statutes set for the service, where known; left out when none are.
    #[schema(required = false)]
    pub fee_schedule: Vec<PlaceFeeDoc>,
}

/// What one fee amount covers.
#[derive(ToSchema)]
#[schema(as = FeePeriod)]
#[allow(non_camel_case_types)]
pub enum FeePeriodDoc {
    year,
    once,
}

/// A fee one municipality's statute sets for a service.
#[derive(ToSchema)]
#[schema(as = PlaceFee)]
pub struct PlaceFeeDoc {
    /// AGS (8 digits) of the municipality.
    pub ags: String,
    /// Amount in cents for one period.
    pub cents: i64,
    pub period: FeePeriodDoc,
    /// `YYYY-MM-DD`.
    pub valid_from: Option<String>,
    /// The statute as cited.
    pub source: String,
}

/// An office responsible for the places under its area key.
#[derive(ToSchema)]
#[schema(as = Authority)]
pub struct AuthorityDoc {
    pub id: String,
    pub name: LocalizedDoc,
    pub kind: AuthorityKindDoc,
    pub level: ResponsibleLevelDoc,
    /// AGS (8), district key (5), `16` for the Land, empty for federal offices.
    pub area_key: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub opening_hours: Option<LocalizedDoc>,
}

/// A district or district-free city.
#[derive(ToSchema)]
#[schema(as = District)]
pub struct DistrictDoc {
    pub key: String,
    pub name: String,
    pub district_free_city: bool,
    pub seat: String,
}

/// A municipality with its 8-digit AGS.
#[derive(ToSchema)]
#[schema(as = Municipality)]
pub struct MunicipalityDoc {
    pub ags: String,
    pub name: String,
}

/// A postal code and a place it covers.
#[derive(ToSchema)]
#[schema(as = PostalCodeArea)]
pub struct PostalCodeAreaDoc {
    pub postal_code: String,
    pub place: String,
    pub district_key: String,
}

/// A form id with its current version (`domain::FormVersion`); fetch it from
/// `/v1/forms/{id}/{version}`.
#[derive(ToSchema)]
#[schema(as = FormVersion)]
pub struct FormVersionDoc {
    pub id: String,
    pub version: String,
}

/// The whole catalog (`domain::Catalog`).
#[derive(ToSchema)]
#[schema(as = Catalog)]
pub struct CatalogDoc {
    /// Changes whenever the content changes; the base of the ETag.
    pub version: String,
    pub services: Vec<ServiceDoc>,
    pub life_situations: Vec<LifeSituationDoc>,
    pub authorities: Vec<AuthorityDoc>,
    pub districts: Vec<DistrictDoc>,
    pub municipalities: Vec<MunicipalityDoc>,
    pub postal_codes: Vec<PostalCodeAreaDoc>,
    /// The current version of every form the services name.
    pub forms: Vec<FormVersionDoc>,
}
