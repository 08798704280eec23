//! The form engine: form definitions, rules, validation and progress, written once for the
//! UI (wasm), the shell and the state API (issue 3).
//!
//! This module is pure: it never does IO, never reads a clock ("today" is a [`Date`]
//! parameter), never makes random numbers and never panics on a definition or an answer,
//! whatever a server or a person sends. Bad definitions are refused with a
//! [`DefinitionError`]; bad answers become [`Problem`]s (a path, a Fluent message id with
//! arguments, a severity), never prose.
//!
//! # Use
//! ```
//! use domain::form::{Answers, Date, Form};
//! let form = Form::from_json(domain::form::showcase::BEWOHNERPARKAUSWEIS).expect("showcase form");
//! let today = Date::parse("2026-11-26").expect("date");
//! let evaluation = form.evaluate(&Answers::new(), today);
//! assert!(!evaluation.is_submittable());
//! assert!(evaluation.problems.iter().all(|p| p.message.starts_with("form-")));
//! ```
//! `Form::evaluate` gives problems, hidden elements, computed values and progress in one pass;
//! `Form::submission` gives the data to send (visible answers only, computed values filled
//! in); [`migrate_draft`] carries a draft from one form version to the next.
//!
//! # Answers
//! Answers are a JSON object keyed by element ids. A group is a step in the path and holds a
//! record (`{"antragsteller": {"familienname": "Müller"}}`); a repeat group holds a list of
//! records (`{"personen": [{"vorname": "Ida"}]}`). Pages are not part of paths. Paths print
//! as `antragsteller.familienname`, `personen[0].vorname`.
//!
//! # Mapping from FIM XDatenfelder 2.0 / 3.0
//! | XDatenfelder | here |
//! | --- | --- |
//! | Stammdatenschema `S…` (id, version) | [`FormDefinition`] (`fim: {id, version}`, `version`) |
//! | Datenfeldgruppe `G…` | [`Group`] (`fim` keeps the `G…` id and version) |
//! | `struktur` entry with Multiplizität `1:1` | a group or field without `repeat`, `required: true` on fields |
//! | Multiplizität `0:1` on a group | [`Group::optional`]: its required fields bind only once something in it is answered |
//! | Multiplizität `m:n` / `m:*` on a group (n > 1) | [`Group::repeat`] `{min: m, max: n}` (`max` absent for `*`) |
//! | Multiplizität `0:*` on a `select` field | [`FieldKind::Choice`] with `multiple: true` |
//! | Multiplizität `m:n` on a `file` field | [`FieldKind::Attachment`] `min_count`, `max_count` |
//! | Datenfeld `F…` | [`Field`]; its `id` is the answer key (use the `F…` id when importing), `fim` keeps id and version |
//! | Feldart `input` | the field's kind |
//! | Feldart `select` + Codeliste | [`FieldKind::Choice`] with `codes` (a named [`CodeList`] with its XRepository `uri` and version, or inline) |
//! | Feldart `label` | [`FieldKind::Info`] (and `feldart: label`) |
//! | Feldart `hidden`, `locked` | [`Field::feldart`] `hidden` / `locked` |
//! | Datentyp `text`, `text_latin` | [`FieldKind::Text`] / `MultilineText` (`latin: true` for `text_latin`: DIN SPEC 91379 Datentyp C, see [`latin`]), or a format kind (`email`, `phone`, `iban`, `postal_code`, `municipality`) |
//! | Datentyp `date` | [`FieldKind::Date`] with `min`/`max`, also relative (`today`, `today-6m`) |
//! | Datentyp `bool` | [`FieldKind::YesNo`] |
//! | Datentyp `num`, `num_int`, `num_currency` | [`FieldKind::Decimal`], [`FieldKind::Integer`], [`FieldKind::Money`] (integer cents) |
//! | Datentyp `file` | [`FieldKind::Attachment`] (`accept` media types, `max_bytes`) |
//! | Datentyp `obj` | [`FieldKind::Address`] for postal addresses; other objects become groups |
//! | Datentyp `time`, `datetime` | [`FieldKind::Time`] (`HH:MM[:SS]`), [`FieldKind::DateTime`] (`YYYY-MM-DDTHH:MM[:SS]`, local); in rules they are texts that compare in time order |
//! | Präzisierung `minLength`, `maxLength` | `min_length`, `max_length` of text kinds |
//! | Präzisierung `minValue`, `maxValue` | `min`, `max` (`min_cents`, `max_cents` for money) |
//! | Präzisierung `pattern` | `pattern` of text kinds (anchored, as in XML Schema; checked with `regex-lite`, linear time; Unicode classes `\d`, `\w`, `\s`, `\p{L}`… as in the `regex` crate, see [`pattern`]) |
//! | Bezeichnung Eingabe / Ausgabe, Hilfetext | `label`, `hint` ([`Localized`], de and en) |
//! | Vorbefüllung `keine`, `optional`, `verpflichtend` | [`Field::prefill`] `none`, `optional`, `required` |
//! | Regel `R…`, type K (complex/conditional) | `show_if`, `required_if` on pages, groups and fields |
//! | Regel type V (validation) | [`Check`] (`id` keeps the `R…` id, `rule`, `message`, `severity`) |
//! | Regel type B (calculation) | [`Field::compute`] |
//! | Regel type M (multiplicity) | `repeat` min/max, or a [`Check`] with `count(…)` |
//! | Regel text (often prose only) | the rule expression is its machine form; see [`expr`] for the language |
//!
//! Rules are parsed, resolved against the definition and type-checked when the form is built
//! ([`Form::new`]): an unknown element, a syntax error or a type error (comparing a date with
//! a number, using a repeat group's values without an aggregate, a computed value of the
//! wrong type) refuses the definition with a [`RuleError`] naming the form, the element, the
//! property and the column.
//!
//! The crate `xdatenfelder` reads XDatenfelder 2.0 and 3.0.0 messages into this model along
//! this table (its README lists what it leaves out).
//!
//! What we add beyond FIM: pages (wizard steps), localized labels in one document, relative
//! date bounds, format kinds with checksums, and message ids for every problem.

pub mod autofill;
pub mod checks;
pub mod date;
mod engine;
pub mod expr;
pub mod files;
pub mod latin;
mod migrate;
pub mod model;
pub mod num;
pub mod pattern;
pub mod reminders;
pub mod showcase;
pub mod shown;
pub mod synthetic;
mod types;
pub mod value;

pub use crate::catalog::{Language, Localized};
pub use date::{Date, DateBound};
pub use engine::{
    is_message_id, Arg, DefinitionError, Evaluation, Facts, Form, PageProgress, Problem, Progress,
    RuleError,
};
pub use migrate::{migrate_draft, Migration, ReviewItem, ReviewReason};
pub use model::{
    Check, Code, CodeList, Codes, DataType, Feldart, Field, FieldKind, FimRef, FormDefinition,
    Group, Item, Page, Prefill, Repeat, Severity, FORMAT_VERSION,
};
pub use num::Num;
pub use pattern::{compile_pattern, Pattern};
pub use showcase::showcase_definitions;
pub use value::{Answers, FieldPath, Record, Segment, Value};

/// Every message id the engine and the showcase forms emit. The UI's Fluent files must have
/// each (the texts we suggest are in `messages.ftl.txt` beside this file).
pub const MESSAGE_IDS: &[&str] = &[
    // engine: any form
    "form-field-required",
    "form-type-mismatch",
    "form-text-single-line",
    "form-text-too-short",
    "form-text-too-long",
    "form-text-pattern",
    "form-text-latin",
    "form-number-invalid",
    "form-number-not-integer",
    "form-number-too-small",
    "form-number-too-large",
    "form-number-too-many-decimals",
    "form-money-invalid",
    "form-money-too-small",
    "form-money-too-large",
    "form-date-invalid",
    "form-date-in-past",
    "form-date-in-future",
    "form-date-too-early",
    "form-date-too-late",
    "form-time-invalid",
    "form-datetime-invalid",
    "form-choice-unknown",
    "form-choice-too-few",
    "form-choice-too-many",
    "form-email-invalid",
    "form-phone-invalid",
    "form-iban-invalid",
    "form-iban-checksum",
    "form-postal-code-invalid",
    "form-municipality-invalid",
    "form-attachment-type",
    "form-attachment-too-large",
    "form-attachment-too-few",
    "form-attachment-too-many",
    "form-repeat-too-few",
    "form-repeat-too-many",
    // checks of the showcase forms
    "form-confirmation-required",
    "form-consent-required",
    "form-end-before-start",
    "form-move-in-too-late",
    "form-person-too-young",
    "form-building-height-exceeds",
    "form-area-sum-mismatch",
    "form-parking-shortfall",
    "form-renewable-share-low",
    "form-smoke-alarm-required",
    "form-business-start-too-far",
    // checks of imported forms (FIM rules that name no message of their own)
    "form-check-failed",
    // checks of synthetic forms (benches, fuzzing)
    "form-synthetic-check",
];
