//! The form definition as it travels: versioned JSON (serde) with pages, nested groups, fields,
//! code lists and rule expressions as source text. This module only describes; it never
//! evaluates a rule or looks at an answer (see `engine`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::DateBound;
use super::num::Num;
use crate::catalog::Localized;

/// The version of this JSON format (not of a form). Bumped only on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// A form: what the person fills in for one service, in one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormDefinition {
    #[serde(default = "format_version")]
    pub format: u32,
    /// Our stable form id, e.g. `bewohnerparkausweis`.
    pub id: String,
    /// The form's own version (semantic, e.g. `1.2.0`); drafts remember it.
    pub version: String,
    /// The FIM schema (Stammdatenschema, `S…`) this form implements, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fim: Option<FimRef>,
    /// The 14-digit LeiKa key of the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leika_key: Option<String>,
    pub title: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Localized>,
    /// Named code lists (FIM Codelisten), referenced by fields of kind `choice`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub code_lists: BTreeMap<String, CodeList>,
    /// The wizard's steps, in order. Pages do not appear in answer paths.
    pub pages: Vec<Page>,
    /// Dates to remind the person of (a deadline, the end of a permit), counted from answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reminders: Vec<super::reminders::DateReminder>,
}

/// A reference to a FIM element (`S…`, `G…`, `F…`, `R…`) and its version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FimRef {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A code list: stable codes with localized labels. Codes never change meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeList {
    /// The XRepository URN, where the list is a published one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub codes: Vec<Code>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub code: String,
    pub label: Localized,
}

/// One step of the wizard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub id: String,
    pub title: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    pub items: Vec<Item>,
}

/// A page or group entry: a nested group or a field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item {
    Group(Group),
    Field(Field),
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Group(group) => &group.id,
            Item::Field(field) => &field.id,
        }
    }
}

/// A field group (FIM Datenfeldgruppe). Its id is a step in answer paths; its answers are a
/// record, or a list of records when it repeats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fim: Option<FimRef>,
    pub label: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Localized>,
    /// Present for repeat groups (FIM Multiplizität `min:max` with max > 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
    /// FIM `0:1`: when nothing in the group is answered, its required fields are not required.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    pub items: Vec<Item>,
}

/// How often a repeat group may occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    #[serde(default)]
    pub min: u32,
    /// `None` is FIM's `*`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// A field (FIM Datenfeld).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The answer key: the FIM field id for imported forms, a stable slug otherwise.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fim: Option<FimRef>,
    pub label: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Localized>,
    pub kind: FieldKind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// Required when this expression is true (FIM rule type K).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<String>,
    /// Shown (validated, submitted) only when this expression is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    /// A computed value (FIM rule type B); the person cannot change it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute: Option<String>,
    /// Cross-field checks (FIM rule type V).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// FIM Feldart; `input` and `select` follow from the kind, `hidden` and `locked` matter.
    #[serde(default, skip_serializing_if = "Feldart::is_default")]
    pub feldart: Feldart,
    /// FIM Vorbefüllung: may or must this be prefilled from the login (BundID)?
    #[serde(default, skip_serializing_if = "Prefill::is_default")]
    pub prefill: Prefill,
}

/// FIM Feldart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Feldart {
    #[default]
    Input,
    Select,
    Label,
    /// Not shown, but submitted (e.g. a prefilled key).
    Hidden,
    /// Shown read-only.
    Locked,
}

impl Feldart {
    fn is_default(&self) -> bool {
        *self == Feldart::Input
    }
}

/// FIM Vorbefüllung.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Prefill {
    #[default]
    None,
    Optional,
    Required,
}

impl Prefill {
    fn is_default(&self) -> bool {
        *self == Prefill::None
    }
}

/// A check: when `rule` is false, report `message` at this element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The rule's id (FIM `R…` where the rule came from FIM).
    pub id: String,
    /// The condition that must hold. Unanswered inputs make it pass (`required` covers them).
    pub rule: String,
    /// The Fluent message id, `form-…`.
    pub message: String,
    #[serde(default)]
    pub severity: Severity,
    /// Message arguments, each an expression (e.g. `"limit": "today()"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

/// How bad a problem is: errors block submission, warnings do not.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// The choice options of a field: a named list of the form, or inline codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Codes {
    Named(String),
    Inline(Vec<Code>),
}

/// What a field holds and how it is checked. The answer shape is given for each kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text (no line breaks). Answer: string.
    Text {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
        /// FIM Präzisierung `pattern`: the whole (trimmed) answer must match this regular
        /// expression (XML Schema style: implicitly anchored). Checked when the form is built.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pattern: Option<String>,
        /// FIM Datentyp `text_latin`: only the characters of DIN SPEC 91379 Datentyp C
        /// (String.Latin+ 1.2 normative characters), see [`super::latin`].
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        latin: bool,
    },
    /// Text with line breaks. Answer: string.
    MultilineText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
        /// As for [`FieldKind::Text`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pattern: Option<String>,
        /// As for [`FieldKind::Text`].
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        latin: bool,
    },
    /// A whole number. Answer: number or numeric string.
    Integer {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
        /// A unit shown next to the input (`m²`, `kg`), not translated.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// A decimal number. Answer: number or string (`12,5` or `12.5`).
    Decimal {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<Num>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<Num>,
        /// Most digits after the separator.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scale: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// An amount in euros. Answer: integer cents.
    Money {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_cents: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_cents: Option<i64>,
    },
    /// A calendar day. Answer: `YYYY-MM-DD`. Bounds may be relative to today.
    Date {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<DateBound>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<DateBound>,
    },
    /// A time of day. Answer: `HH:MM` or `HH:MM:SS` (24 hours).
    Time,
    /// A local date and time. Answer: `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
    /// Wire tag `datetime`, as FIM spells it.
    #[serde(rename = "datetime")]
    DateTime,
    /// Yes or no. Answer: boolean.
    YesNo,
    /// One code (or several with `multiple`). Answer: string, or list of strings.
    Choice {
        codes: Codes,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        multiple: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_selected: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_selected: Option<u32>,
    },
    /// An email address. Answer: string.
    Email,
    /// A phone number (digits, spaces, `+ / - ( )`). Answer: string.
    Phone,
    /// An IBAN, checked with its ISO 7064 checksum. Answer: string (spaces allowed).
    Iban,
    /// A German postal code (5 digits). Answer: string.
    PostalCode,
    /// A municipality by its 12-digit Regionalschlüssel (ARS). Answer: string.
    Municipality,
    /// A postal address. Answer: record with `strasse`, `hausnummer`, `plz`, `ort`,
    /// optional `zusatz` and `staat` (ISO 3166 alpha-2, default `DE`).
    Address,
    /// Uploaded files. Answer: list of `{id, name, media_type, size}`.
    Attachment {
        /// Accepted media types (`application/pdf`, `image/*`); empty accepts all.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        accept: Vec<String>,
        /// Largest file in bytes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_bytes: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_count: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_count: Option<u32>,
    },
    /// Static information text (FIM Feldart `label`). Never answered.
    Info { text: Localized },
}

/// The FIM Datentyp a field kind maps to; also what `migrate_draft` compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataType {
    Text,
    Date,
    Time,
    DateTime,
    Bool,
    Num,
    NumInt,
    NumCurrency,
    File,
    Obj,
    /// A single code from a code list (FIM: `text` with Feldart `select`).
    Code,
    /// Several codes (FIM: a `select` field with multiplicity > 1).
    Codes,
    /// No value (FIM Feldart `label`).
    None,
}

impl DataType {
    /// The name as on the wire (and, where FIM has it, as FIM spells it): `num_currency`.
    pub fn name(self) -> &'static str {
        match self {
            DataType::Text => "text",
            DataType::Date => "date",
            DataType::Time => "time",
            DataType::DateTime => "datetime",
            DataType::Bool => "bool",
            DataType::Num => "num",
            DataType::NumInt => "num_int",
            DataType::NumCurrency => "num_currency",
            DataType::File => "file",
            DataType::Obj => "obj",
            DataType::Code => "code",
            DataType::Codes => "codes",
            DataType::None => "none",
        }
    }
}

impl FieldKind {
    /// For an attachment field, the image types a camera photo may be offered as (the
    /// `accept` list's `image/…` entries, or `image/*` when it accepts anything); `None` for
    /// other fields and for attachment fields that take no images.
    pub fn camera_types(&self) -> Option<String> {
        let FieldKind::Attachment { accept, .. } = self else {
            return None;
        };
        if accept.is_empty() {
            return Some("image/*".into());
        }
        let images: Vec<&str> = accept
            .iter()
            .map(|t| t.trim())
            .filter(|t| t.starts_with("image/"))
            .collect();
        (!images.is_empty()).then(|| images.join(","))
    }

    pub fn data_type(&self) -> DataType {
        match self {
            FieldKind::Text { .. }
            | FieldKind::MultilineText { .. }
            | FieldKind::Email
            | FieldKind::Phone
            | FieldKind::Iban
            | FieldKind::PostalCode
            | FieldKind::Municipality => DataType::Text,
            FieldKind::Integer { .. } => DataType::NumInt,
            FieldKind::Decimal { .. } => DataType::Num,
            FieldKind::Money { .. } => DataType::NumCurrency,
            FieldKind::Date { .. } => DataType::Date,
            FieldKind::Time => DataType::Time,
            FieldKind::DateTime => DataType::DateTime,
            FieldKind::YesNo => DataType::Bool,
            FieldKind::Choice {
                multiple: false, ..
            } => DataType::Code,
            FieldKind::Choice { multiple: true, .. } => DataType::Codes,
            FieldKind::Address => DataType::Obj,
            FieldKind::Attachment { .. } => DataType::File,
            FieldKind::Info { .. } => DataType::None,
        }
    }
}

/// Element ids: ASCII letters, digits and `_`, not starting with a digit, at most 64 long.
/// (FIM ids such as `F60000227` qualify.)
pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    let Some(first) = bytes.next() else {
        return false;
    };
    id.len() <= 64
        && (first.is_ascii_alphabetic() || first == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl FormDefinition {
    /// Parses the JSON form without checking it; use [`super::Form::from_json`] to also
    /// compile its rules.
    pub fn from_json(json: &str) -> Result<FormDefinition, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Every field, depth first, with its element path (`group.field`, no indices).
    pub fn fields(&self) -> Vec<(String, &Field)> {
        fn walk<'a>(items: &'a [Item], prefix: &str, out: &mut Vec<(String, &'a Field)>) {
            for item in items {
                let path = if prefix.is_empty() {
                    item.id().to_owned()
                } else {
                    format!("{prefix}.{}", item.id())
                };
                match item {
                    Item::Field(field) => out.push((path, field)),
                    Item::Group(group) => walk(&group.items, &path, out),
                }
            }
        }
        let mut out = Vec::new();
        for page in &self.pages {
            walk(&page.items, "", &mut out);
        }
        out
    }

    /// The codes of a choice field's list, inline or named.
    pub fn codes<'a>(&'a self, codes: &'a Codes) -> Option<&'a [Code]> {
        match codes {
            Codes::Inline(list) => Some(list),
            Codes::Named(name) => self.code_lists.get(name).map(|list| list.codes.as_slice()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attachment(accept: &[&str]) -> FieldKind {
        FieldKind::Attachment {
            accept: accept.iter().map(|t| t.to_string()).collect(),
            max_bytes: None,
            min_count: None,
            max_count: None,
        }
    }

    #[test]
    fn the_camera_is_offered_only_for_image_types() {
        assert_eq!(
            attachment(&["application/pdf", "image/jpeg", "image/png"]).camera_types(),
            Some("image/jpeg,image/png".into())
        );
        assert_eq!(attachment(&[]).camera_types(), Some("image/*".into()));
        assert_eq!(attachment(&["application/pdf"]).camera_types(), None);
        assert_eq!(FieldKind::Email.camera_types(), None);
    }
}
