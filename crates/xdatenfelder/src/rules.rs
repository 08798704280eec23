//! Regeln. A FIM rule carries prose (`freitextRegel` in v3, `definition` in v2) and may carry
//! a script (`skript` in v3, `script` in v2). We read a script written in our rule language
//! (`domain::form::expr`), one statement per line:
//!
//! ```text
//! show_if: F60000230 == true          # rule type K (complex): when the element is shown
//! required_if: F60000230 == true      # K: when a field is required
//! compute: count(G60000100) * 144     # B (calculation): a field's value
//! check: age(F60000229) >= 18         # V (validation) or M (multiplicity): must hold
//! message: form-person-too-young      # the check's message id (else form-check-failed)
//! severity: warning                   # error (default) or warning
//! arg min_age: 18                     # a message argument, an expression
//! ```
//!
//! Element names in expressions are the answer keys (the FIM ids). A rule in prose only, or
//! a script in another language, is not enforced and gets a note; a rule the form engine
//! refuses (unknown element, type error) is taken out again with a note.

use std::collections::BTreeMap;

use domain::form::{Check, DefinitionError, Field, Form, FormDefinition, Group, Item, Severity};
use roxmltree::Node;

use crate::schema::Ctx;
use crate::xml::{self, child_code, child_text, step};
use crate::ImportError;

/// The message of a check whose rule names none (or one we have no text for).
pub const GENERIC_MESSAGE: &str = "form-check-failed";

/// How many rules the engine may refuse before the import gives up.
pub const MAX_REFUSED_RULES: usize = 100;

/// What a rule is attached to.
pub(crate) enum Target<'a> {
    Group(&'a mut Group),
    Field(&'a mut Field),
}

#[derive(Debug, Default)]
struct Script {
    show_if: Vec<String>,
    required_if: Vec<String>,
    compute: Option<String>,
    check: Option<String>,
    message: Option<String>,
    severity: Option<Severity>,
    args: BTreeMap<String, String>,
}

/// Reads a script; `Err` names the line that is not one of our statements.
fn parse_script(text: &str) -> Result<Script, String> {
    let mut script = Script::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || {
            format!(
                "line {} `{line}` is not a statement of our rule language",
                n + 1
            )
        };
        let (key, value) = line.split_once(':').ok_or_else(bad)?;
        let value = value.trim().to_owned();
        if value.is_empty() {
            return Err(bad());
        }
        match key.trim() {
            "show_if" => script.show_if.push(value),
            "required_if" => script.required_if.push(value),
            "compute" if script.compute.is_none() => script.compute = Some(value),
            "check" if script.check.is_none() => script.check = Some(value),
            "message" => script.message = Some(value),
            "severity" => {
                script.severity = Some(match value.as_str() {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    _ => return Err(bad()),
                })
            }
            other => match other.strip_prefix("arg ") {
                Some(name) if !name.trim().is_empty() => {
                    script.args.insert(name.trim().to_owned(), value);
                }
                _ => return Err(bad()),
            },
        }
    }
    Ok(script)
}

fn and(existing: Option<String>, more: &[String]) -> Option<String> {
    let mut parts: Vec<String> = existing.into_iter().collect();
    parts.extend(more.iter().cloned());
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(
            parts
                .iter()
                .map(|p| format!("({p})"))
                .collect::<Vec<_>>()
                .join(" and "),
        ),
    }
}

/// Applies the `regel` children of `node` to `target`.
pub(crate) fn attach(ctx: &mut Ctx<'_>, node: Node<'_, '_>, path: &str, mut target: Target<'_>) {
    let ns = ctx.ns;
    for (i, regel) in xml::children(node, ns, "regel").enumerate() {
        let id = ctx
            .identification(regel, path)
            .map(|f| f.id)
            .unwrap_or_else(|_| format!("R{}", i + 1));
        let rpath = step(path, &format!("regel[{id}]"));
        let script = child_text(regel, ns, "skript").or_else(|| child_text(regel, ns, "script"));
        let Some(script) = script else {
            let prose = child_text(regel, ns, "freitextRegel")
                .or_else(|| child_text(regel, ns, "definition"))
                .or_else(|| child_text(regel, ns, "beschreibung"))
                .unwrap_or_default();
            let prose: String = prose.chars().take(120).collect();
            ctx.report.ignored(
                rpath,
                format!("a rule in prose only, not enforced: \"{prose}\""),
            );
            continue;
        };
        let script = match parse_script(&script) {
            Ok(s) => s,
            Err(why) => {
                ctx.report.ignored(
                    rpath,
                    format!("the script is not in our rule language ({why}); not enforced"),
                );
                continue;
            }
        };
        let typ = child_code(regel, ns, "typ");
        apply(ctx, &rpath, &id, typ.as_deref(), script, &mut target);
    }
}

fn apply(
    ctx: &mut Ctx<'_>,
    path: &str,
    id: &str,
    typ: Option<&str>,
    s: Script,
    target: &mut Target<'_>,
) {
    let says = if s.check.is_some() {
        "a check"
    } else if s.compute.is_some() {
        "a calculation"
    } else {
        "a condition"
    };
    let fits = match typ {
        None => true,
        Some("K") => s.check.is_none() && s.compute.is_none(),
        Some("B") => s.compute.is_some(),
        Some("V" | "M") => s.check.is_some(),
        Some(_) => false,
    };
    if !fits {
        ctx.report.approximated(
            path,
            format!(
                "rule type {} but the script is {says}; applied as written",
                typ.unwrap_or("?")
            ),
        );
    }
    let check = s.check.map(|rule| {
        let message = match s.message {
            Some(m) if domain::form::MESSAGE_IDS.contains(&m.as_str()) => m,
            Some(m) => {
                ctx.report.approximated(
                    path,
                    format!("message `{m}` has no text in our locales; {GENERIC_MESSAGE} is shown"),
                );
                GENERIC_MESSAGE.to_owned()
            }
            None => GENERIC_MESSAGE.to_owned(),
        };
        Check {
            id: id.to_owned(),
            rule,
            message,
            severity: s.severity.unwrap_or_default(),
            args: s.args,
        }
    });
    match target {
        Target::Field(field) => {
            field.show_if = and(field.show_if.take(), &s.show_if);
            field.required_if = and(field.required_if.take(), &s.required_if);
            if let Some(compute) = s.compute {
                field.compute = Some(compute);
            }
            field.checks.extend(check);
        }
        Target::Group(group) => {
            group.show_if = and(group.show_if.take(), &s.show_if);
            if !s.required_if.is_empty() || s.compute.is_some() {
                ctx.report.ignored(
                    path,
                    "required_if and compute apply to fields, not to groups",
                );
            }
            group.checks.extend(check);
        }
    }
}

/// Builds the form; while the engine refuses a rule, takes that rule out (with a note) and
/// tries again. Any other refusal is an error.
pub(crate) fn until_the_engine_accepts(
    ctx: &mut Ctx<'_>,
    mut definition: FormDefinition,
) -> Result<FormDefinition, ImportError> {
    // Each refusal costs a build of the whole form: bound the work a message can cause.
    for _ in 0..=MAX_REFUSED_RULES {
        match Form::new(definition.clone()) {
            Ok(_) => return Ok(definition),
            Err(DefinitionError::Rule(e)) => {
                if !remove_rule(&mut definition.pages, &e.element, &e.property) {
                    return Err(ImportError::Definition(e.to_string()));
                }
                ctx.report.ignored(
                    format!("form element {} ({})", e.element, e.property),
                    format!(
                        "the form engine refuses the rule `{}`: {}",
                        e.expression, e.message
                    ),
                );
            }
            Err(other) => return Err(ImportError::Definition(other.to_string())),
        }
    }
    Err(ImportError::Definition(format!(
        "the form engine refuses more than {MAX_REFUSED_RULES} rules; write them in our rule language"
    )))
}

/// Removes the rule `property` of the element at `element` (ids joined by `.`).
fn remove_rule(pages: &mut [domain::form::Page], element: &str, property: &str) -> bool {
    fn find<'a>(items: &'a mut [Item], ids: &[&str]) -> Option<&'a mut Item> {
        let (first, rest) = ids.split_first()?;
        let item = items.iter_mut().find(|i| i.id() == *first)?;
        if rest.is_empty() {
            return Some(item);
        }
        match item {
            Item::Group(g) => find(&mut g.items, rest),
            Item::Field(_) => None,
        }
    }
    let ids: Vec<&str> = element.split('.').collect();
    let Some(item) = pages.iter_mut().find_map(|p| find(&mut p.items, &ids)) else {
        return false;
    };
    let check_id = property
        .strip_prefix("check `")
        .and_then(|rest| rest.split('`').next());
    let (show_if, required_if, compute, checks) = match item {
        Item::Field(f) => (
            &mut f.show_if,
            Some(&mut f.required_if),
            Some(&mut f.compute),
            &mut f.checks,
        ),
        Item::Group(g) => (&mut g.show_if, None, None, &mut g.checks),
    };
    match (property, check_id) {
        ("show_if", _) => show_if.take().is_some(),
        ("required_if", _) => required_if.and_then(Option::take).is_some(),
        ("compute", _) => compute.and_then(Option::take).is_some(),
        (_, Some(id)) => {
            let before = checks.len();
            if let Some(i) = checks.iter().position(|c| c.id == id) {
                checks.remove(i);
            }
            checks.len() < before
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_read_statements_and_refuse_other_languages() {
        let s =
            parse_script("# a comment\ncheck: a > 1\nmessage: form-x\narg n: 2\nseverity: warning")
                .expect("ours");
        assert_eq!(s.check.as_deref(), Some("a > 1"));
        assert_eq!(s.args.get("n").map(String::as_str), Some("2"));
        assert_eq!(s.severity, Some(Severity::Warning));
        for other in [
            "function(x) { return x > 1; }",
            "if a then b",
            "check:",
            "severity: fatal",
            "arg : 1",
        ] {
            assert!(parse_script(other).is_err(), "{other:?} is not ours");
        }
    }

    #[test]
    fn several_conditions_all_hold() {
        assert_eq!(and(None, &[]), None);
        assert_eq!(and(Some("a".into()), &[]), Some("a".into()));
        assert_eq!(
            and(Some("a".into()), &["b or c".into()]),
            Some("(a) and (b or c)".into())
        );
    }
}
