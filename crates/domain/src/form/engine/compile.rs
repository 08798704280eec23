//! Compiling a form definition: every name a rule uses resolved to an element path, every
//! expression type-checked against the field it belongs to, computed fields ordered, message
//! ids checked. A definition that fails here is refused by [`super::Form::new`] with the reason.

use super::*;

/// One level of name resolution: a container's items and its element path.
pub(super) struct Scope<'d> {
    pub(super) items: Vec<&'d Item>,
    pub(super) path: String,
}

pub(super) struct Compiler<'d> {
    pub(super) def: &'d FormDefinition,
    /// element path → element paths of the computed fields its `compute` reads.
    pub(super) computed_deps: BTreeMap<String, Vec<String>>,
}

pub(super) fn join(prefix: &str, id: &str) -> String {
    if prefix.is_empty() {
        id.to_owned()
    } else {
        format!("{prefix}.{id}")
    }
}

impl<'d> Compiler<'d> {
    pub(super) fn element_error(
        &self,
        element: &str,
        problem: impl Into<String>,
    ) -> DefinitionError {
        DefinitionError::Element {
            form: self.def.id.clone(),
            element: element.to_owned(),
            problem: problem.into(),
        }
    }

    pub(super) fn rule(
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

    pub(super) fn opt_rule(
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

    pub(super) fn checks(
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

    pub(super) fn items(
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

    pub(super) fn field(
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
    pub(super) fn levels(&self) -> Result<BTreeMap<String, u32>, DefinitionError> {
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

pub(super) fn set_levels(items: &mut [CItem], prefix: &str, levels: &BTreeMap<String, u32>) {
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
pub(super) enum Expect<'k> {
    /// `show_if`, `required_if`, a check: true or false.
    Condition,
    /// A message argument: one value.
    Value,
    /// The computed value of a field of this kind.
    Compute(&'k FieldKind),
}

impl Expect<'_> {
    pub(super) fn accepts(self, ty: Ty) -> Result<(), String> {
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
pub(super) fn resolve(r: &mut Ref, scopes: &[Scope<'_>]) -> Result<String, String> {
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
