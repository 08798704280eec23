//! The validation walk: one pass over the compiled form and the answers that decides
//! visibility, checks every visible answer and rule, and counts progress.

use super::*;

pub(super) struct Walk<'a> {
    pub(super) facts: Facts,
    pub(super) problems: Vec<Problem>,
    pub(super) hidden: Vec<FieldPath>,
    pub(super) pages: Vec<PageProgress>,
    pub(super) required: u32,
    pub(super) answered: u32,
    pub(super) missing: Vec<FieldPath>,
    pub(super) required_paths: Vec<FieldPath>,
    pub(super) path: FieldPath,
    pub(super) stack: Vec<&'a Record>,
    pub(super) page: usize,
    pub(super) findings: Vec<Finding>,
    /// The submission being built, when asked for.
    pub(super) out: Option<Record>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(facts: Facts, out: Option<Record>) -> Self {
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

    pub(super) fn run(&mut self, form: &Form, root: &'a Record) {
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

    pub(super) fn holds(&self, rule: &Expr) -> bool {
        expr::eval(
            rule,
            &Lookup {
                stack: &self.stack,
                facts: self.facts,
            },
        )
        .is_true()
    }

    pub(super) fn report(
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

    pub(super) fn count_required(&mut self, answered: bool) {
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

    pub(super) fn run_checks(&mut self, form: &Form, checks: &[CCheck]) {
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

    pub(super) fn items(
        &mut self,
        form: &Form,
        items: &[CItem],
        relaxed: bool,
        mut out: Option<&mut Record>,
    ) {
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

    pub(super) fn field(
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

    pub(super) fn group(
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
