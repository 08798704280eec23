//! The compiled form and its one validation pass: visibility, computed values, every problem,
//! progress and the data to submit, all from (form, answers, today). The UI runs it on every
//! keystroke, the shell before queueing, the server on receipt. It never fails and never
//! panics: bad answers become problems, bad definitions are refused by [`Form::new`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::checks::{check_value, Finding, ADDRESS_PARTS};
use super::date::Date;
use super::expr::{self, Env, Expr, Ref, Target, Val};
use super::model::{
    is_valid_id, Check, Field, FieldKind, FormDefinition, Item, Repeat, Severity, FORMAT_VERSION,
};
use super::num::Num;
use super::pattern::{compile_pattern, Pattern};
use super::types::{self, Base, Ty};
use super::value::{Answers, FieldPath, Record, Segment, Value};

mod compile;
mod walk;

pub use compile::is_message_id;
use compile::{set_levels, Compiler, Scope};
use walk::Walk;

/// A message argument for Fluent: a number, a text, or an amount or date that the reader's
/// language writes in its own way ([`Arg::text_in`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Int(i64),
    Text(String),
    /// An amount in cents.
    Money {
        cents: i64,
    },
    /// A calendar date (`2026-12-01`).
    Date {
        date: String,
    },
}

impl Arg {
    /// The amount or date as `language` writes it (`30,70 €`, `€30.70`; `01.12.2026`);
    /// `None` for a number or text, which go to Fluent as they are.
    pub fn text_in(&self, language: crate::catalog::Language) -> Option<String> {
        match self {
            Arg::Money { cents } => Some(crate::format::money(*cents, language)),
            Arg::Date { date } => Some(
                super::Date::parse(date)
                    .map_or_else(|| date.clone(), |d| crate::format::date(d, language)),
            ),
            Arg::Int(_) | Arg::Text(_) => None,
        }
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}
impl From<String> for Arg {
    fn from(t: String) -> Self {
        Arg::Text(t)
    }
}
impl From<&str> for Arg {
    fn from(t: &str) -> Self {
        Arg::Text(t.to_owned())
    }
}

/// One problem with the answers: where, which message, how bad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub path: FieldPath,
    /// A Fluent message id, `form-…`.
    pub message: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
    pub severity: Severity,
    /// The id of the page the problem is on.
    pub page: String,
}

/// Why a definition was refused. Rule errors name the form, the element, the property and
/// the column in the rule text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DefinitionError {
    #[error("form definition is not valid JSON: {0}")]
    Json(String),
    #[error("form `{form}`: format version {found} is not supported (this build reads {FORMAT_VERSION})")]
    Format { form: String, found: u32 },
    #[error("form `{form}`, element `{element}`: {problem}")]
    Element {
        form: String,
        element: String,
        problem: String,
    },
    #[error("{0}")]
    Rule(Box<RuleError>),
}

/// A rule that does not parse or refers to nothing, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("form `{form}`, element `{element}`, {property} at column {column}: {message} (in `{expression}`)")]
pub struct RuleError {
    pub form: String,
    pub element: String,
    /// `show_if`, `required_if`, `compute`, or the check and argument.
    pub property: String,
    /// 1-based column in the rule text, in characters.
    pub column: usize,
    pub message: String,
    pub expression: String,
}

/// Progress of one page of the wizard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageProgress {
    pub id: String,
    /// False when the page's `show_if` hides it; the wizard skips it.
    pub visible: bool,
    pub required: u32,
    pub answered: u32,
    pub errors: u32,
    pub warnings: u32,
    /// Visible, every required answer given, no errors.
    pub done: bool,
}

/// Progress for the wizard: pages done, required answers given, what is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Progress {
    pub pages: Vec<PageProgress>,
    pub required: u32,
    pub answered: u32,
    /// Visible required answers still missing, in form order.
    pub missing: Vec<FieldPath>,
}

impl Progress {
    pub fn pages_done(&self) -> usize {
        self.pages.iter().filter(|p| p.visible && p.done).count()
    }
    pub fn pages_visible(&self) -> usize {
        self.pages.iter().filter(|p| p.visible).count()
    }
}

/// Everything one validation pass finds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Evaluation {
    /// Every problem, in form order.
    pub problems: Vec<Problem>,
    /// Hidden elements (their descendants are hidden too). Their answers stay in the draft.
    pub hidden: Vec<FieldPath>,
    /// Visible elements that are required now (`required` or a true `required_if`; repeat
    /// groups with a minimum), for the UI's required marker.
    pub required: Vec<FieldPath>,
    /// Computed values, by path, as they are submitted.
    pub computed: BTreeMap<FieldPath, Value>,
    pub progress: Progress,
}

impl Evaluation {
    /// No errors (warnings allowed): the submission may be queued.
    pub fn is_submittable(&self) -> bool {
        !self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    /// Is the element at this path hidden (itself or through an ancestor)?
    pub fn is_hidden(&self, path: &FieldPath) -> bool {
        self.hidden
            .iter()
            .any(|h| path.segments().starts_with(h.segments()))
    }
}

// ---------------------------------------------------------------------------------------------
// Compiled form

#[derive(Clone)]
struct CCheck {
    rule: Expr,
    message: String,
    severity: Severity,
    args: Vec<(String, Expr)>,
}

#[derive(Clone)]
struct CField {
    id: String,
    kind: FieldKind,
    required: bool,
    required_if: Option<Expr>,
    show_if: Option<Expr>,
    compute: Option<Expr>,
    /// 1 + the longest chain of computed fields this one depends on; 0 if not computed.
    level: u32,
    checks: Vec<CCheck>,
    codes: Vec<String>,
    /// The compiled `pattern` of a text field (boxed: keeps `CItem`'s variants of a size).
    pattern: Option<Box<Pattern>>,
}

#[derive(Clone)]
struct CGroup {
    id: String,
    repeat: Option<Repeat>,
    optional: bool,
    show_if: Option<Expr>,
    checks: Vec<CCheck>,
    items: Vec<CItem>,
    has_computed: bool,
}

#[derive(Clone)]
enum CItem {
    Group(CGroup),
    /// Boxed: a field holds its label in seven languages, a group only a little.
    Field(Box<CField>),
}

#[derive(Clone)]
struct CPage {
    id: String,
    show_if: Option<Expr>,
    items: Vec<CItem>,
}

/// What a form may know beyond its answers: the citizen's day and, where the person's
/// municipality publishes it in its statute, the fee there (`place_fee()` in a rule). The app,
/// the shell and the state API fill it the same way, from the catalog and the person's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub today: Date,
    /// The fee the statute of the person's municipality sets for the service (for one
    /// period), where the catalog knows it.
    pub place_fee: Option<Num>,
}

impl Facts {
    /// Only the day: `place_fee()` is unknown (null).
    pub fn on(today: Date) -> Facts {
        Facts {
            today,
            place_fee: None,
        }
    }

    /// The day, and the fee `service`'s statute sets at `place` (8-digit AGS or 12-digit
    /// ARS), where the catalog knows it.
    pub fn at_place(
        today: Date,
        service: Option<&crate::catalog::Service>,
        place: Option<&str>,
    ) -> Facts {
        let place_fee = service
            .zip(place)
            .and_then(|(service, place)| service.fee_at(place))
            .map(|fee| Num::from_cents(fee.cents));
        Facts { today, place_fee }
    }
}

/// A checked form definition with its rules parsed and resolved: build it once, validate
/// many times. `Send + Sync`: the server shares one in an `Arc`; the UI may clone it.
#[derive(Clone)]
pub struct Form {
    definition: FormDefinition,
    pages: Vec<CPage>,
    levels: u32,
}

impl std::fmt::Debug for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Form")
            .field("id", &self.definition.id)
            .field("version", &self.definition.version)
            .finish()
    }
}

impl Form {
    /// Parses and compiles a JSON definition.
    pub fn from_json(json: &str) -> Result<Form, DefinitionError> {
        let definition =
            FormDefinition::from_json(json).map_err(|e| DefinitionError::Json(e.to_string()))?;
        Form::new(definition)
    }

    /// Checks a definition and compiles its rules.
    pub fn new(definition: FormDefinition) -> Result<Form, DefinitionError> {
        if definition.format != FORMAT_VERSION {
            return Err(DefinitionError::Format {
                form: definition.id.clone(),
                found: definition.format,
            });
        }
        let mut compiler = Compiler {
            def: &definition,
            computed_deps: BTreeMap::new(),
        };
        if definition.id.is_empty() || definition.version.is_empty() {
            return Err(compiler.element_error("", "a form needs an id and a version"));
        }
        let mut seen_pages = BTreeSet::new();
        let root: Vec<&Item> = definition
            .pages
            .iter()
            .flat_map(|p| p.items.iter())
            .collect();
        let mut seen = BTreeSet::new();
        let mut pages = Vec::with_capacity(definition.pages.len());
        for page in &definition.pages {
            if !seen_pages.insert(page.id.as_str()) {
                return Err(compiler.element_error(&page.id, "the page id is used twice"));
            }
            let mut scopes = vec![Scope {
                items: root.clone(),
                path: String::new(),
            }];
            let show_if = compiler.opt_rule(page.show_if.as_ref(), &page.id, "show_if", &scopes)?;
            let items = compiler.items(&page.items, &mut scopes, &mut seen)?;
            pages.push(CPage {
                id: page.id.clone(),
                show_if,
                items,
            });
        }
        if let Some((element, problem)) = super::reminders::check(&definition) {
            return Err(compiler.element_error(&element, problem));
        }
        let levels = compiler.levels()?;
        for page in &mut pages {
            set_levels(&mut page.items, "", &levels);
        }
        let levels = levels.values().copied().max().unwrap_or(0);
        Ok(Form {
            definition,
            pages,
            levels,
        })
    }

    pub fn definition(&self) -> &FormDefinition {
        &self.definition
    }

    pub fn id(&self) -> &str {
        &self.definition.id
    }

    /// One full pass: computed values, visibility, every problem, progress.
    pub fn evaluate(&self, answers: &Answers, today: Date) -> Evaluation {
        self.evaluate_with(answers, Facts::on(today))
    }

    /// [`Form::evaluate`] with what the form may know beyond the answers ([`Facts`]).
    pub fn evaluate_with(&self, answers: &Answers, facts: Facts) -> Evaluation {
        let (working, computed) = self.with_computed(answers, facts);
        let mut walk = Walk::new(facts, None);
        walk.run(self, &working.0);
        Evaluation {
            problems: walk.problems,
            hidden: walk.hidden,
            required: walk.required_paths,
            computed,
            progress: Progress {
                pages: walk.pages,
                required: walk.required,
                answered: walk.answered,
                missing: walk.missing,
            },
        }
    }

    /// Every problem with the answers (the same as `evaluate(..).problems`).
    pub fn validate(&self, answers: &Answers, today: Date) -> Vec<Problem> {
        self.validate_with(answers, Facts::on(today))
    }

    /// [`Form::validate`] with [`Facts`].
    pub fn validate_with(&self, answers: &Answers, facts: Facts) -> Vec<Problem> {
        self.evaluate_with(answers, facts).problems
    }

    /// Progress for the wizard (the same as `evaluate(..).progress`).
    pub fn progress(&self, answers: &Answers, today: Date) -> Progress {
        self.evaluate(answers, today).progress
    }

    /// The data to submit: visible answers of known elements, with computed values; or every
    /// problem if there is an error. Hidden answers stay in the draft but are not submitted.
    pub fn submission(&self, answers: &Answers, today: Date) -> Result<Answers, Vec<Problem>> {
        self.submission_with(answers, Facts::on(today))
    }

    /// [`Form::submission`] with [`Facts`].
    pub fn submission_with(
        &self,
        answers: &Answers,
        facts: Facts,
    ) -> Result<Answers, Vec<Problem>> {
        let (working, _) = self.with_computed(answers, facts);
        let mut walk = Walk::new(facts, Some(Record::new()));
        walk.run(self, &working.0);
        if walk.problems.iter().any(|p| p.severity == Severity::Error) {
            return Err(walk.problems);
        }
        Ok(Answers(walk.out.unwrap_or_default()))
    }

    /// The answers with computed values written in, level by level.
    fn with_computed(
        &self,
        answers: &Answers,
        facts: Facts,
    ) -> (Answers, BTreeMap<FieldPath, Value>) {
        let mut computed = BTreeMap::new();
        if self.levels == 0 {
            return (answers.clone(), computed);
        }
        let mut working = answers.clone();
        for level in 1..=self.levels {
            let mut writes = Vec::new();
            {
                let mut stack = vec![&working.0];
                let mut path = FieldPath::root();
                for page in &self.pages {
                    compute_items(
                        &page.items,
                        level,
                        facts,
                        &mut stack,
                        &mut path,
                        &mut writes,
                    );
                }
            }
            for (path, value) in writes {
                working.set(&path, value.clone());
                computed.insert(path, value);
            }
        }
        (working, computed)
    }
}

static EMPTY: Record = Record::new();

fn compute_items(
    items: &[CItem],
    level: u32,
    facts: Facts,
    stack: &mut Vec<&Record>,
    path: &mut FieldPath,
    writes: &mut Vec<(FieldPath, Value)>,
) {
    for item in items {
        match item {
            CItem::Field(field) => {
                if field.level != level {
                    continue;
                }
                let Some(rule) = &field.compute else { continue };
                let val = expr::eval(rule, &Lookup { stack, facts });
                let value = val_to_value(&field.kind, val);
                path.push(Segment {
                    id: field.id.clone(),
                    index: None,
                });
                writes.push((path.clone(), value));
                path.pop();
            }
            CItem::Group(group) => {
                if !group.has_computed {
                    continue;
                }
                let Some(record) = stack.last().copied() else {
                    continue;
                };
                match (group.repeat, record.get(&group.id)) {
                    (Some(_), Some(Value::List(instances))) => {
                        for (i, instance) in instances.iter().enumerate() {
                            let Some(inner) = instance.as_record() else {
                                continue;
                            };
                            path.push(Segment {
                                id: group.id.clone(),
                                index: Some(i),
                            });
                            stack.push(inner);
                            compute_items(&group.items, level, facts, stack, path, writes);
                            stack.pop();
                            path.pop();
                        }
                    }
                    (Some(_), _) => {}
                    (None, value) => {
                        let inner = value.and_then(Value::as_record).unwrap_or(&EMPTY);
                        path.push(Segment {
                            id: group.id.clone(),
                            index: None,
                        });
                        stack.push(inner);
                        compute_items(&group.items, level, facts, stack, path, writes);
                        stack.pop();
                        path.pop();
                    }
                }
            }
        }
    }
}

/// A rule value as the answer a field of this kind holds.
fn val_to_value(kind: &FieldKind, val: Val) -> Value {
    match (kind, val) {
        (_, Val::Null) => Value::Null,
        (FieldKind::Money { .. }, Val::Num(n)) => n.to_cents().map_or(Value::Null, Value::Int),
        (FieldKind::Integer { .. }, Val::Num(n)) => {
            n.round(0).to_int().map_or(Value::Null, Value::Int)
        }
        (FieldKind::Decimal { scale, .. }, Val::Num(n)) => {
            Value::Text(n.round(scale.unwrap_or(6)).to_string())
        }
        (FieldKind::YesNo, Val::Bool(b)) => Value::Bool(b),
        (FieldKind::Date { .. }, Val::Date(d)) => Value::Text(d.to_string()),
        (FieldKind::Choice { multiple: true, .. }, Val::List(items)) => Value::List(
            items
                .into_iter()
                .filter_map(|v| match v {
                    Val::Text(t) => Some(Value::Text(t)),
                    _ => None,
                })
                .collect(),
        ),
        (_, Val::Text(t)) => Value::Text(t),
        (_, Val::Num(n)) => Value::Text(n.to_string()),
        (_, Val::Date(d)) => Value::Text(d.to_string()),
        (_, Val::Bool(b)) => Value::Bool(b),
        (_, Val::List(_)) => Value::Null,
    }
}

/// Rule lookups over the stack of records from the form down to the current scope.
struct Lookup<'s, 'a> {
    stack: &'s [&'a Record],
    facts: Facts,
}

impl Env for Lookup<'_, '_> {
    fn lookup(&self, r: &Ref) -> Val {
        let Some(index) = self.stack.len().checked_sub(1 + r.up) else {
            return Val::Null;
        };
        match self.stack.get(index) {
            Some(record) => follow(record, &r.ids, r.target),
            None => Val::Null,
        }
    }
    fn today(&self) -> Date {
        self.facts.today
    }
    fn place_fee(&self) -> Option<Num> {
        self.facts.place_fee
    }
}

fn follow(record: &Record, ids: &[String], target: Target) -> Val {
    let Some((first, rest)) = ids.split_first() else {
        return Val::Null;
    };
    let Some(value) = record.get(first) else {
        return Val::Null;
    };
    if rest.is_empty() {
        return to_val(value, target);
    }
    match value {
        Value::Record(inner) => follow(inner, rest, target),
        Value::List(items) => Val::List(
            items
                .iter()
                .map(|item| {
                    item.as_record()
                        .map_or(Val::Null, |r| follow(r, rest, target))
                })
                .collect(),
        ),
        _ => Val::Null,
    }
}

fn to_val(value: &Value, target: Target) -> Val {
    if value.is_empty() && !matches!(target, Target::Group) {
        return Val::Null;
    }
    match target {
        Target::Text | Target::AddressPart => match value {
            Value::Text(t) => Val::Text(t.clone()),
            _ => Val::Null,
        },
        Target::Int | Target::Decimal => {
            super::checks::value_num(value).map_or(Val::Null, Val::Num)
        }
        Target::Cents => {
            super::checks::value_cents(value).map_or(Val::Null, |c| Val::Num(Num::from_cents(c)))
        }
        Target::Date => value
            .as_text()
            .and_then(Date::parse)
            .map_or(Val::Null, Val::Date),
        Target::Bool => match value {
            Value::Bool(b) => Val::Bool(*b),
            _ => Val::Null,
        },
        Target::Codes => match value {
            Value::List(items) => Val::List(
                items
                    .iter()
                    .map(|i| i.as_text().map_or(Val::Null, |t| Val::Text(t.to_owned())))
                    .collect(),
            ),
            Value::Text(t) => Val::List(vec![Val::Text(t.clone())]),
            _ => Val::Null,
        },
        Target::Files | Target::Group => match value {
            Value::List(items) => Val::List(items.iter().map(|_| Val::Bool(true)).collect()),
            Value::Record(r) if !r.is_empty() => Val::Bool(true),
            _ => Val::Null,
        },
        Target::Address => match value {
            Value::Record(_) => Val::Bool(true),
            _ => Val::Null,
        },
        Target::Unresolved => Val::Null,
    }
}
