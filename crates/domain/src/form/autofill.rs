//! The person's own details (name, date of birth, address, e-mail, phone) across forms: which
//! field of a form holds which detail, so the browser's autofill gets the right token and the
//! app can fill a new form from the details the person chose to keep (FIM Vorbefüllung).
//!
//! A detail is known by the field's FIM id where the FIM data field is the person's name, by
//! its kind for e-mail, phone and address, and by the id `geburtsdatum` (no FIM id in our
//! forms). Only fields the form marks as prefillable (`prefill`) and that are not inside a
//! repeat group are filled: a co-moving person, a representative or an architect are not the
//! person. Pure, like the rest of the domain.

use super::model::{Field, FieldKind, FormDefinition, Item, Prefill};
use super::value::{Answers, FieldPath, Value};

/// FIM data field "Familienname".
const FIM_FAMILY_NAME: &str = "F60000227";
/// FIM data field "Vornamen".
const FIM_GIVEN_NAMES: &str = "F60000228";

/// One of the person's details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    FamilyName,
    GivenNames,
    Birthday,
    Address,
    Email,
    Phone,
}

impl Detail {
    pub const ALL: [Detail; 6] = [
        Detail::FamilyName,
        Detail::GivenNames,
        Detail::Birthday,
        Detail::Address,
        Detail::Email,
        Detail::Phone,
    ];

    /// The key the details are kept under (one per detail, the same for every form).
    pub fn key(self) -> &'static str {
        match self {
            Detail::FamilyName => "family_name",
            Detail::GivenNames => "given_names",
            Detail::Birthday => "birthday",
            Detail::Address => "address",
            Detail::Email => "email",
            Detail::Phone => "phone",
        }
    }

    /// The HTML autofill token of an input that holds this detail (an address has one token
    /// per part, given by its parts).
    pub fn autocomplete(self) -> &'static str {
        match self {
            Detail::FamilyName => "family-name",
            Detail::GivenNames => "given-name",
            Detail::Birthday => "bday",
            Detail::Address => "street-address",
            Detail::Email => "email",
            Detail::Phone => "tel",
        }
    }

    /// The Fluent id of the detail's name (for "which details will be filled").
    pub fn message_id(self) -> &'static str {
        match self {
            Detail::FamilyName => "detail-family-name",
            Detail::GivenNames => "detail-given-names",
            Detail::Birthday => "detail-birthday",
            Detail::Address => "detail-address",
            Detail::Email => "detail-email",
            Detail::Phone => "detail-phone",
        }
    }
}

/// Which of the person's details `field` holds, if any.
pub fn detail_of(field: &Field) -> Option<Detail> {
    match field.fim.as_ref().map(|f| f.id.as_str()) {
        Some(FIM_FAMILY_NAME) => return Some(Detail::FamilyName),
        Some(FIM_GIVEN_NAMES) => return Some(Detail::GivenNames),
        _ => {}
    }
    match &field.kind {
        FieldKind::Email => Some(Detail::Email),
        FieldKind::Phone => Some(Detail::Phone),
        FieldKind::Address => Some(Detail::Address),
        FieldKind::Date { .. } if field.id == "geburtsdatum" => Some(Detail::Birthday),
        _ => None,
    }
}

/// The fields of `definition` that may be filled from the person's details: marked
/// prefillable, holding a detail, not inside a repeat group. The first field per detail wins.
pub fn prefillable(definition: &FormDefinition) -> Vec<(FieldPath, Detail)> {
    fn walk(items: &[Item], at: &FieldPath, out: &mut Vec<(FieldPath, Detail)>) {
        for item in items {
            match item {
                Item::Field(field) if field.prefill != Prefill::None => {
                    if let Some(detail) = detail_of(field) {
                        if !out.iter().any(|(_, d)| *d == detail) {
                            out.push((at.child(&field.id), detail));
                        }
                    }
                }
                Item::Field(_) => {}
                Item::Group(group) if group.repeat.is_some() => {}
                Item::Group(group) => walk(&group.items, &at.child(&group.id), out),
            }
        }
    }
    let mut out = Vec::new();
    for page in &definition.pages {
        walk(&page.items, &FieldPath::root(), &mut out);
    }
    out
}

/// Where a detail is kept in a set of details (top-level answers keyed by [`Detail::key`]).
pub fn detail_path(detail: Detail) -> FieldPath {
    FieldPath::root().child(detail.key())
}

/// The person's details as a form's answers give them (only the prefillable fields that are
/// answered), keyed by [`Detail::key`].
pub fn details_from(definition: &FormDefinition, answers: &Answers) -> Answers {
    let mut details = Answers::new();
    for (path, detail) in prefillable(definition) {
        if let Some(value) = answers.get(&path).filter(|v| !v.is_empty()) {
            details.set(&detail_path(detail), value.clone());
        }
    }
    details
}

/// The details kept in `details`, in a fixed order.
pub fn kept(details: &Answers) -> Vec<Detail> {
    Detail::ALL
        .into_iter()
        .filter(|d| details.get(&detail_path(*d)).is_some_and(|v| !v.is_empty()))
        .collect()
}

/// What filling `definition` from `details` would set: the prefillable fields that are still
/// empty in `answers` and for which a detail is kept. Nothing the person typed is replaced.
pub fn fill_from(
    definition: &FormDefinition,
    details: &Answers,
    answers: &Answers,
) -> Vec<(FieldPath, Detail, Value)> {
    prefillable(definition)
        .into_iter()
        .filter(|(path, _)| answers.get(path).is_none_or(Value::is_empty))
        .filter_map(|(path, detail)| {
            let value = details.get(&detail_path(detail))?;
            (!value.is_empty()).then(|| (path, detail, value.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::showcase_definitions;

    fn form(id: &str) -> FormDefinition {
        let (_, json) = showcase_definitions()
            .into_iter()
            .find(|(name, _)| *name == id)
            .unwrap_or_else(|| panic!("showcase form {id}"));
        FormDefinition::from_json(json).unwrap_or_else(|e| panic!("{id}: {e}"))
    }

    fn path(text: &str) -> FieldPath {
        FieldPath::parse(text).unwrap_or_else(|| panic!("path {text}"))
    }

    #[test]
    fn the_parking_permit_knows_the_persons_details_and_nothing_else() {
        let found: Vec<(String, Detail)> = prefillable(&form("bewohnerparkausweis"))
            .into_iter()
            .map(|(p, d)| (p.to_string(), d))
            .collect();
        assert_eq!(
            found,
            vec![
                ("antragsteller.familienname".into(), Detail::FamilyName),
                ("antragsteller.vornamen".into(), Detail::GivenNames),
                ("antragsteller.geburtsdatum".into(), Detail::Birthday),
                ("antragsteller.anschrift".into(), Detail::Address),
            ]
        );
    }

    #[test]
    fn people_in_repeat_groups_and_fields_not_marked_prefillable_are_not_the_person() {
        // The registration's co-moving persons repeat; its fields are not marked prefillable.
        assert!(prefillable(&form("wohnsitz-anmeldung")).is_empty());
        // The building permit names three people, none marked prefillable.
        assert!(prefillable(&form("baugenehmigung")).is_empty());
    }

    #[test]
    fn details_kept_from_one_form_fill_another_without_replacing_answers() {
        let parking = form("bewohnerparkausweis");
        let mut answers = Answers::new();
        answers.set(&path("antragsteller.familienname"), Value::text("Beispiel"));
        answers.set(&path("antragsteller.vornamen"), Value::text("Anna"));
        answers.set(
            &path("antragsteller.geburtsdatum"),
            Value::text("1985-04-12"),
        );
        answers.set(
            &path("antragsteller.email"),
            Value::text("anna@example.org"),
        );
        let details = details_from(&parking, &answers);
        assert_eq!(
            kept(&details),
            vec![Detail::FamilyName, Detail::GivenNames, Detail::Birthday],
            "only prefillable answered fields are kept: {details:?}"
        );

        let dog = form("hundesteuer");
        let mut typed = Answers::new();
        typed.set(&path("halter.vornamen"), Value::text("Anne-Marie"));
        let filled = fill_from(&dog, &details, &typed);
        let filled: Vec<(String, Value)> = filled
            .into_iter()
            .map(|(p, _, v)| (p.to_string(), v))
            .collect();
        assert_eq!(
            filled,
            vec![("halter.familienname".into(), Value::text("Beispiel"))],
            "the typed given name stays; no address was kept"
        );
    }
}
