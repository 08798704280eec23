//! The compiled form and its one validation pass: visibility, computed values, every problem,
//! progress and the data to submit, all from (form, answers, today). The UI runs it on every
//! keystroke, the shell before queueing, the server on receipt. It never fails and never
//! panics: bad answers become problems, bad definitions are refused by [`Form::new`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::checks::{check_value, compile_pattern, Finding, ADDRESS_PARTS};
use super::date::Date;
use super::expr::{self, Env, Expr, Ref, Target, Val};
use super::model::{
    is_valid_id, Check, Field, FieldKind, FormDefinition, Item, Repeat, Severity, FORMAT_VERSION,
};
use super::num::Num;
use super::types::{self, Base, Ty};
use super::value::{Answers, FieldPath, Record, Segment, Value};

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
    pattern: Option<Box<regex::Regex>>,
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

/// One level of name resolution: a container's items and its element path.
struct Scope<'d> {
    items: Vec<&'d Item>,
    path: String,
}

struct Compiler<'d> {
    def: &'d FormDefinition,
    /// element path → element paths of the computed fields its `compute` reads.
    computed_deps: BTreeMap<String, Vec<String>>,
}

fn join(prefix: &str, id: &str) -> String {
    if prefix.is_empty() {
        id.to_owned()
    } else {
        format!("{prefix}.{id}")
    }
}

impl<'d> Compiler<'d> {
    fn element_error(&self, element: &str, problem: impl Into<String>) -> DefinitionError {
        DefinitionError::Element {
            form: self.def.id.clone(),
            element: element.to_owned(),
            problem: problem.into(),
        }
    }

    fn rule(
        &mut self,
        source: &str,
        element: &str,
        property: &str,
        scopes: &[Scope<'d>],
        expect: Expect<'_>,
    ) -> Result<(Expr, Vec<String>), DefinitionError> {
        let rule_error = |column: usize, message: String| {
            DefinitionError::Rule(Box::new(RuleError {
                form: self.def.id.clone(),
                element: element.to_owned(),
                property: property.to_owned(),
                column,
                message,
                expression: source.to_owned(),
            }))
        };
        let mut expr = expr::parse(source).map_err(|e| rule_error(e.column, e.message))?;
        let mut failure = None;
        let mut targets = Vec::new();
        expr.visit_refs_mut(&mut |r: &mut Ref| {
            if failure.is_some() {
                return;
            }
            match resolve(r, scopes) {
                Ok(path) => targets.push(path),
                Err(message) => failure = Some(rule_error(r.column, message)),
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        let ty = types::check(&expr).map_err(|e| rule_error(e.column, e.message))?;
        if let Err(message) = expect.accepts(ty) {
            return Err(rule_error(types::column_of(&expr), message));
        }
        Ok((expr, targets))
    }

    fn opt_rule(
        &mut self,
        source: Option<&String>,
        element: &str,
        property: &str,
        scopes: &[Scope<'d>],
    ) -> Result<Option<Expr>, DefinitionError> {
        source
            .map(|s| {
                self.rule(s, element, property, scopes, Expect::Condition)
                    .map(|(e, _)| e)
            })
            .transpose()
    }

    fn checks(
        &mut self,
        checks: &[Check],
        element: &str,
        scopes: &[Scope<'d>],
    ) -> Result<Vec<CCheck>, DefinitionError> {
        let mut out = Vec::with_capacity(checks.len());
        for check in checks {
            if !is_message_id(&check.message) {
                return Err(self.element_error(
                    element,
                    format!(
                        "check `{}`: message id `{}` must be kebab-case and start with `form-`",
                        check.id, check.message
                    ),
                ));
            }
            let property = format!("check `{}`", check.id);
            let (rule, _) =
                self.rule(&check.rule, element, &property, scopes, Expect::Condition)?;
            let mut args = Vec::new();
            for (name, source) in &check.args {
                let (arg, _) = self.rule(
                    source,
                    element,
                    &format!("{property} argument `{name}`"),
                    scopes,
                    Expect::Value,
                )?;
                args.push((name.clone(), arg));
            }
            out.push(CCheck {
                rule,
                message: check.message.clone(),
                severity: check.severity,
                args,
            });
        }
        Ok(out)
    }

    fn items(
        &mut self,
        items: &'d [Item],
        scopes: &mut Vec<Scope<'d>>,
        seen: &mut BTreeSet<&'d str>,
    ) -> Result<Vec<CItem>, DefinitionError> {
        let prefix = scopes.last().map(|s| s.path.clone()).unwrap_or_default();
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let element = join(&prefix, item.id());
            if !is_valid_id(item.id()) {
                return Err(self.element_error(&element, "ids are ASCII letters, digits and `_`, not starting with a digit, at most 64 long"));
            }
            if !seen.insert(item.id()) {
                return Err(self.element_error(&element, "the id is used twice in the same group"));
            }
            match item {
                Item::Field(field) => {
                    out.push(CItem::Field(Box::new(self.field(field, &element, scopes)?)))
                }
                Item::Group(group) => {
                    if let Some(repeat) = group.repeat {
                        if repeat.max.is_some_and(|max| max < repeat.min || max == 0) {
                            return Err(self.element_error(
                                &element,
                                "repeat max must be at least min and at least 1",
                            ));
                        }
                    }
                    let show_if =
                        self.opt_rule(group.show_if.as_ref(), &element, "show_if", scopes)?;
                    scopes.push(Scope {
                        items: group.items.iter().collect(),
                        path: element.clone(),
                    });
                    let mut inner_seen = BTreeSet::new();
                    let inner = self.items(&group.items, scopes, &mut inner_seen);
                    let checks = inner.and_then(|inner| {
                        Ok((inner, self.checks(&group.checks, &element, scopes)?))
                    });
                    scopes.pop();
                    let (items, checks) = checks?;
                    if items.is_empty() {
                        return Err(self.element_error(&element, "a group needs at least one item"));
                    }
                    let has_computed = items.iter().any(|i| match i {
                        CItem::Field(f) => f.compute.is_some(),
                        CItem::Group(g) => g.has_computed,
                    });
                    out.push(CItem::Group(CGroup {
                        id: group.id.clone(),
                        repeat: group.repeat,
                        optional: group.optional,
                        show_if,
                        checks,
                        items,
                        has_computed,
                    }));
                }
            }
        }
        Ok(out)
    }

    fn field(
        &mut self,
        field: &'d Field,
        element: &str,
        scopes: &[Scope<'d>],
    ) -> Result<CField, DefinitionError> {
        let mut codes = Vec::new();
        let mut pattern = None;
        match &field.kind {
            FieldKind::Choice {
                codes: source,
                min_selected,
                max_selected,
                ..
            } => {
                let Some(list) = self.def.codes(source) else {
                    return Err(self.element_error(
                        element,
                        "the field's code list is not defined in `code_lists`",
                    ));
                };
                if list.is_empty() {
                    return Err(self.element_error(element, "the code list is empty"));
                }
                for code in list {
                    if codes.contains(&code.code) {
                        return Err(self.element_error(
                            element,
                            format!("code `{}` is listed twice", code.code),
                        ));
                    }
                    codes.push(code.code.clone());
                }
                if let (Some(min), Some(max)) = (min_selected, max_selected) {
                    if max < min {
                        return Err(
                            self.element_error(element, "max_selected is below min_selected")
                        );
                    }
                }
            }
            FieldKind::Text {
                pattern: Some(source),
                ..
            }
            | FieldKind::MultilineText {
                pattern: Some(source),
                ..
            } => {
                pattern = Some(
                    compile_pattern(source)
                        .map_err(|problem| self.element_error(element, problem))?,
                );
            }
            FieldKind::Info { .. } if field.compute.is_some() || field.required => {
                return Err(
                    self.element_error(element, "an info text cannot be required or computed")
                );
            }
            FieldKind::Attachment { .. } | FieldKind::Address if field.compute.is_some() => {
                return Err(
                    self.element_error(element, "attachments and addresses cannot be computed")
                );
            }
            _ => {}
        }
        let show_if = self.opt_rule(field.show_if.as_ref(), element, "show_if", scopes)?;
        let required_if =
            self.opt_rule(field.required_if.as_ref(), element, "required_if", scopes)?;
        let compute = match &field.compute {
            None => None,
            Some(source) => {
                let (expr, targets) = self.rule(
                    source,
                    element,
                    "compute",
                    scopes,
                    Expect::Compute(&field.kind),
                )?;
                self.computed_deps.insert(element.to_owned(), targets);
                Some(expr)
            }
        };
        let checks = self.checks(&field.checks, element, scopes)?;
        Ok(CField {
            id: field.id.clone(),
            kind: field.kind.clone(),
            required: field.required,
            required_if,
            show_if,
            compute,
            level: 0,
            checks,
            codes,
            pattern: pattern.map(Box::new),
        })
    }

    /// Levels of computed fields (1 = reads no computed field); an error on a cycle.
    fn levels(&self) -> Result<BTreeMap<String, u32>, DefinitionError> {
        fn visit(
            node: &str,
            deps: &BTreeMap<String, Vec<String>>,
            levels: &mut BTreeMap<String, u32>,
            active: &mut Vec<String>,
        ) -> Result<u32, String> {
            if let Some(level) = levels.get(node) {
                return Ok(*level);
            }
            if active.iter().any(|a| a == node) {
                return Err(node.to_owned());
            }
            active.push(node.to_owned());
            let mut level = 1;
            for dep in deps.get(node).into_iter().flatten() {
                if deps.contains_key(dep) {
                    level = level.max(visit(dep, deps, levels, active)?.saturating_add(1));
                }
            }
            active.pop();
            levels.insert(node.to_owned(), level);
            Ok(level)
        }
        let mut levels = BTreeMap::new();
        for node in self.computed_deps.keys() {
            visit(node, &self.computed_deps, &mut levels, &mut Vec::new()).map_err(|at| {
                self.element_error(&at, "computed values depend on each other in a cycle")
            })?;
        }
        Ok(levels)
    }
}

fn set_levels(items: &mut [CItem], prefix: &str, levels: &BTreeMap<String, u32>) {
    for item in items {
        match item {
            CItem::Field(field) => {
                if let Some(level) = levels.get(&join(prefix, &field.id)) {
                    field.level = *level;
                }
            }
            CItem::Group(group) => set_levels(&mut group.items, &join(prefix, &group.id), levels),
        }
    }
}

/// What a rule's value is used for, which decides the types it may have.
#[derive(Clone, Copy)]
enum Expect<'k> {
    /// `show_if`, `required_if`, a check: true or false.
    Condition,
    /// A message argument: one value.
    Value,
    /// The computed value of a field of this kind.
    Compute(&'k FieldKind),
}

impl Expect<'_> {
    fn accepts(self, ty: Ty) -> Result<(), String> {
        let ok = match (self, ty) {
            (_, Ty::Null) | (_, Ty::One(Base::Any)) => true,
            (Expect::Condition, Ty::One(base)) => base == Base::Bool,
            (Expect::Value, Ty::One(_)) => true,
            (Expect::Compute(kind), Ty::One(base)) => match kind {
                FieldKind::Integer { .. } | FieldKind::Decimal { .. } | FieldKind::Money { .. } => {
                    base == Base::Num
                }
                FieldKind::Date { .. } => base == Base::Date,
                FieldKind::YesNo => base == Base::Bool,
                FieldKind::Choice { multiple: true, .. } => false,
                _ => base != Base::Bool,
            },
            (Expect::Compute(FieldKind::Choice { multiple: true, .. }), Ty::List(base)) => {
                base == Base::Text || base == Base::Any
            }
            (_, Ty::List(_)) => false,
        };
        if ok {
            return Ok(());
        }
        Err(match self {
            Expect::Condition => format!(
                "a condition must be true or false, not {}",
                types::describe(ty)
            ),
            Expect::Value => format!(
                "a message argument needs one value, not {}",
                types::describe(ty)
            ),
            Expect::Compute(kind) => format!(
                "the computed value is {}, which a field of data type `{}` cannot hold",
                types::describe(ty),
                kind.data_type().name()
            ),
        })
    }
}

/// Message ids: `form-` and then lowercase ASCII words joined by single hyphens.
pub fn is_message_id(id: &str) -> bool {
    id.strip_prefix("form-").is_some_and(|rest| {
        !rest.is_empty()
            && rest.split('-').all(|w| {
                !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    })
}

/// Resolves a reference from the innermost scope outwards; returns the target's element path.
fn resolve(r: &mut Ref, scopes: &[Scope<'_>]) -> Result<String, String> {
    let Some((first, rest)) = r.ids.split_first() else {
        return Err("empty reference".into());
    };
    for (up, scope) in scopes.iter().rev().enumerate() {
        let Some(mut item) = scope.items.iter().find(|i| i.id() == first).copied() else {
            continue;
        };
        let mut path = join(&scope.path, first);
        let mut target = None;
        let mut fans_out = false;
        for (i, id) in rest.iter().enumerate() {
            match item {
                Item::Group(group) => match group.items.iter().find(|c| c.id() == id) {
                    Some(child) => {
                        fans_out |= group.repeat.is_some();
                        item = child;
                    }
                    None => return Err(format!("group `{path}` has no element `{id}`")),
                },
                Item::Field(field) => {
                    let last = i + 1 == rest.len();
                    if matches!(field.kind, FieldKind::Address)
                        && last
                        && ADDRESS_PARTS.contains(&id.as_str())
                    {
                        target = Some(Target::AddressPart);
                        break;
                    }
                    return Err(format!("field `{path}` has no part `{id}`"));
                }
            }
            path = join(&path, id);
        }
        let target = match (target, item) {
            (Some(t), _) => t,
            (None, Item::Group(group)) => {
                fans_out |= group.repeat.is_some();
                Target::Group
            }
            (None, Item::Field(field)) => match &field.kind {
                FieldKind::Text { .. }
                | FieldKind::MultilineText { .. }
                | FieldKind::Email
                | FieldKind::Phone
                | FieldKind::Iban
                | FieldKind::PostalCode
                | FieldKind::Municipality
                | FieldKind::Time
                | FieldKind::DateTime
                | FieldKind::Choice {
                    multiple: false, ..
                } => Target::Text,
                FieldKind::Choice { multiple: true, .. } => Target::Codes,
                FieldKind::Integer { .. } => Target::Int,
                FieldKind::Decimal { .. } => Target::Decimal,
                FieldKind::Money { .. } => Target::Cents,
                FieldKind::Date { .. } => Target::Date,
                FieldKind::YesNo => Target::Bool,
                FieldKind::Address => Target::Address,
                FieldKind::Attachment { .. } => Target::Files,
                FieldKind::Info { .. } => {
                    return Err(format!("`{path}` is an info text and has no value"))
                }
            },
        };
        r.up = up;
        r.target = target;
        r.fans_out = fans_out;
        return Ok(path);
    }
    Err(format!("no element `{}` is in reach", r.ids.join(".")))
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

// ---------------------------------------------------------------------------------------------
// The validation walk

struct Walk<'a> {
    facts: Facts,
    problems: Vec<Problem>,
    hidden: Vec<FieldPath>,
    pages: Vec<PageProgress>,
    required: u32,
    answered: u32,
    missing: Vec<FieldPath>,
    required_paths: Vec<FieldPath>,
    path: FieldPath,
    stack: Vec<&'a Record>,
    page: usize,
    findings: Vec<Finding>,
    /// The submission being built, when asked for.
    out: Option<Record>,
}

impl<'a> Walk<'a> {
    fn new(facts: Facts, out: Option<Record>) -> Self {
        Walk {
            facts,
            problems: Vec::new(),
            hidden: Vec::new(),
            pages: Vec::new(),
            required: 0,
            answered: 0,
            missing: Vec::new(),
            required_paths: Vec::new(),
            path: FieldPath::root(),
            stack: Vec::new(),
            page: 0,
            findings: Vec::new(),
            out,
        }
    }

    fn run(&mut self, form: &Form, root: &'a Record) {
        self.stack.push(root);
        for (index, page) in form.pages.iter().enumerate() {
            self.page = index;
            let visible = page.show_if.as_ref().is_none_or(|rule| self.holds(rule));
            self.pages.push(PageProgress {
                id: page.id.clone(),
                visible,
                required: 0,
                answered: 0,
                errors: 0,
                warnings: 0,
                done: false,
            });
            if !visible {
                continue;
            }
            let mut out = self.out.take();
            self.items(form, &page.items, false, out.as_mut());
            self.out = out;
        }
        for page in &mut self.pages {
            page.done = page.visible && page.errors == 0 && page.answered == page.required;
        }
    }

    fn holds(&self, rule: &Expr) -> bool {
        expr::eval(
            rule,
            &Lookup {
                stack: &self.stack,
                facts: self.facts,
            },
        )
        .is_true()
    }

    fn report(
        &mut self,
        forms: &Form,
        path: FieldPath,
        message: String,
        args: BTreeMap<String, Arg>,
        severity: Severity,
    ) {
        let page = forms
            .pages
            .get(self.page)
            .map(|p| p.id.clone())
            .unwrap_or_default();
        if let Some(progress) = self.pages.get_mut(self.page) {
            match severity {
                Severity::Error => progress.errors += 1,
                Severity::Warning => progress.warnings += 1,
            }
        }
        self.problems.push(Problem {
            path,
            message,
            args,
            severity,
            page,
        });
    }

    fn count_required(&mut self, answered: bool) {
        self.required += 1;
        self.required_paths.push(self.path.clone());
        if answered {
            self.answered += 1;
        }
        if let Some(progress) = self.pages.get_mut(self.page) {
            progress.required += 1;
            if answered {
                progress.answered += 1;
            }
        }
        if !answered {
            self.missing.push(self.path.clone());
        }
    }

    fn run_checks(&mut self, form: &Form, checks: &[CCheck]) {
        for check in checks {
            let env = Lookup {
                stack: &self.stack,
                facts: self.facts,
            };
            if expr::eval(&check.rule, &env) != Val::Bool(false) {
                continue;
            }
            let mut args = BTreeMap::new();
            for (name, arg) in &check.args {
                let value = match expr::eval(arg, &env) {
                    Val::Num(n) => n
                        .to_int()
                        .map_or_else(|| Arg::Text(n.to_string()), Arg::Int),
                    Val::Text(t) => Arg::Text(t),
                    Val::Date(d) => Arg::Date {
                        date: d.to_string(),
                    },
                    Val::Bool(b) => Arg::Text(b.to_string()),
                    Val::Null | Val::List(_) => Arg::Text(String::new()),
                };
                args.insert(name.clone(), value);
            }
            self.report(
                form,
                self.path.clone(),
                check.message.clone(),
                args,
                check.severity,
            );
        }
    }

    fn items(&mut self, form: &Form, items: &[CItem], relaxed: bool, mut out: Option<&mut Record>) {
        let Some(record) = self.stack.last().copied() else {
            return;
        };
        for item in items {
            match item {
                CItem::Field(field) => {
                    self.path.push(Segment {
                        id: field.id.clone(),
                        index: None,
                    });
                    self.field(form, field, record, relaxed, out.as_deref_mut());
                    self.path.pop();
                }
                CItem::Group(group) => {
                    self.path.push(Segment {
                        id: group.id.clone(),
                        index: None,
                    });
                    self.group(form, group, record, relaxed, out.as_deref_mut());
                    self.path.pop();
                }
            }
        }
    }

    fn field(
        &mut self,
        form: &Form,
        field: &CField,
        record: &'a Record,
        relaxed: bool,
        out: Option<&mut Record>,
    ) {
        if field.show_if.as_ref().is_some_and(|rule| !self.holds(rule)) {
            self.hidden.push(self.path.clone());
            return;
        }
        if matches!(field.kind, FieldKind::Info { .. }) {
            return;
        }
        let value = record.get(&field.id);
        let empty = value.is_none_or(Value::is_empty);
        let required = !relaxed
            && (field.required
                || field
                    .required_if
                    .as_ref()
                    .is_some_and(|rule| self.holds(rule)));
        if required {
            self.count_required(!empty);
            if empty {
                self.report(
                    form,
                    self.path.clone(),
                    "form-field-required".into(),
                    BTreeMap::new(),
                    Severity::Error,
                );
            }
        }
        if let (Some(value), false) = (value, empty) {
            let mut findings = std::mem::take(&mut self.findings);
            findings.clear();
            check_value(
                &field.kind,
                value,
                &field.codes,
                field.pattern.as_deref(),
                self.facts.today,
                &mut findings,
            );
            for finding in findings.drain(..) {
                let mut path = self.path.clone();
                if let Some(part) = finding.part {
                    path.push(Segment {
                        id: part,
                        index: None,
                    });
                }
                self.report(
                    form,
                    path,
                    finding.message.to_owned(),
                    finding.args,
                    Severity::Error,
                );
            }
            self.findings = findings;
            if let Some(out) = out {
                out.insert(field.id.clone(), value.clone());
            }
        }
        self.run_checks(form, &field.checks);
    }

    fn group(
        &mut self,
        form: &Form,
        group: &CGroup,
        record: &'a Record,
        relaxed: bool,
        out: Option<&mut Record>,
    ) {
        if group.show_if.as_ref().is_some_and(|rule| !self.holds(rule)) {
            self.hidden.push(self.path.clone());
            return;
        }
        let value = record.get(&group.id);
        let Some(repeat) = group.repeat else {
            let inner = match value {
                None | Some(Value::Null) => &EMPTY,
                Some(Value::Record(inner)) => inner,
                Some(_) => {
                    self.report(
                        form,
                        self.path.clone(),
                        "form-type-mismatch".into(),
                        BTreeMap::new(),
                        Severity::Error,
                    );
                    &EMPTY
                }
            };
            let relaxed = relaxed || (group.optional && inner.values().all(Value::is_empty));
            let mut sub = out.is_some().then(Record::new);
            self.stack.push(inner);
            self.items(form, &group.items, relaxed, sub.as_mut());
            self.run_checks(form, &group.checks);
            self.stack.pop();
            if let (Some(out), Some(sub)) = (out, sub) {
                if !sub.is_empty() {
                    out.insert(group.id.clone(), Value::Record(sub));
                }
            }
            return;
        };
        let instances: &[Value] = match value {
            None | Some(Value::Null) => &[],
            Some(Value::List(items)) => items,
            Some(_) => {
                self.report(
                    form,
                    self.path.clone(),
                    "form-type-mismatch".into(),
                    BTreeMap::new(),
                    Severity::Error,
                );
                &[]
            }
        };
        let count = instances.len();
        if !relaxed && repeat.min > 0 {
            self.count_required(count >= repeat.min as usize);
            if count < repeat.min as usize {
                let args = BTreeMap::from([("min".to_owned(), Arg::Int(i64::from(repeat.min)))]);
                self.report(
                    form,
                    self.path.clone(),
                    "form-repeat-too-few".into(),
                    args,
                    Severity::Error,
                );
            }
        }
        if let Some(max) = repeat.max {
            if count > max as usize {
                let args = BTreeMap::from([("max".to_owned(), Arg::Int(i64::from(max)))]);
                self.report(
                    form,
                    self.path.clone(),
                    "form-repeat-too-many".into(),
                    args,
                    Severity::Error,
                );
            }
        }
        let Some(Segment { id, .. }) = self.path.pop() else {
            return;
        };
        let mut list = Vec::new();
        for (i, instance) in instances.iter().enumerate() {
            self.path.push(Segment {
                id: id.clone(),
                index: Some(i),
            });
            let inner = match instance {
                Value::Record(inner) => inner,
                Value::Null => &EMPTY,
                _ => {
                    self.report(
                        form,
                        self.path.clone(),
                        "form-type-mismatch".into(),
                        BTreeMap::new(),
                        Severity::Error,
                    );
                    &EMPTY
                }
            };
            let mut sub = out.is_some().then(Record::new);
            self.stack.push(inner);
            self.items(form, &group.items, relaxed, sub.as_mut());
            self.run_checks(form, &group.checks);
            self.stack.pop();
            self.path.pop();
            if let Some(sub) = sub {
                list.push(Value::Record(sub));
            }
        }
        self.path.push(Segment { id, index: None });
        if let Some(out) = out {
            if !list.is_empty() {
                out.insert(group.id.clone(), Value::List(list));
            }
        }
    }
}
