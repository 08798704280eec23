//! Checks of submitted data: the one place where the server validates an application's
//! answers, with the domain form engine, so the server runs the very rules the app ran.
//!
//! It never does IO; "today" comes in as a parameter.

use std::collections::BTreeMap;

use domain::form::{Answers, Arg, Date, Form, Severity};

use crate::error::FieldProblem;

/// Every blocking problem with `data`, for the form `form` if the submission names one.
/// Field paths are the engine's (`antragsteller.familienname`, `personen[0].vorname`), codes
/// are its Fluent message ids (`form-field-required`), `args` their arguments.
pub fn validate_data(
    form: Option<&Form>,
    data: &serde_json::Value,
    today: Option<Date>,
) -> Vec<FieldProblem> {
    if !data.is_object() {
        return vec![FieldProblem::new(
            "/data",
            "not_an_object",
            "data must be a JSON object keyed by element ids",
        )];
    }
    let answers: Answers = match serde_json::from_value(data.clone()) {
        Ok(answers) => answers,
        Err(e) => {
            return vec![FieldProblem::new(
                "/data",
                "not_answers",
                format!("not form answers: {e}"),
            )]
        }
    };
    let Some(form) = form else {
        return Vec::new();
    };
    let Some(today) = today else {
        return vec![FieldProblem::new(
            "/data",
            "clock_out_of_range",
            "the server clock is wrong",
        )];
    };
    form.validate(&answers, today)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| {
            let args: BTreeMap<String, String> = p
                .args
                .iter()
                .map(|(k, v)| {
                    let v = match v {
                        Arg::Int(n) => n.to_string(),
                        Arg::Text(t) => t.clone(),
                        // The wire carries plain strings: an amount in euros with a point
                        // (`30.70`), a date as ISO 8601.
                        Arg::Money { cents } => {
                            let sign = if *cents < 0 { "-" } else { "" };
                            let abs = cents.unsigned_abs();
                            format!("{sign}{}.{:02}", abs / 100, abs % 100)
                        }
                        Arg::Date { date } => date.clone(),
                    };
                    (k.clone(), v)
                })
                .collect();
            let mut problem =
                FieldProblem::new(p.path.to_string(), p.message.clone(), "see the message id");
            problem.args = args;
            problem
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Option<Date> {
        Date::parse("2026-11-26")
    }

    #[test]
    fn data_must_be_an_object() {
        let problems = validate_data(None, &serde_json::json!([1]), today());
        assert_eq!(problems.len(), 1, "one problem: {problems:?}");
        assert_eq!(problems[0].code, "not_an_object", "the shape is checked");
        assert!(
            validate_data(None, &serde_json::json!({"x": "y"}), today()).is_empty(),
            "no form: shape only"
        );
    }

    #[test]
    fn the_form_engine_reports_every_field_problem() {
        let form =
            Form::from_json(domain::form::showcase::BEWOHNERPARKAUSWEIS).expect("showcase form");
        let problems = validate_data(Some(&form), &serde_json::json!({}), today());
        assert!(
            !problems.is_empty(),
            "an empty application has required fields missing"
        );
        assert!(
            problems.iter().all(|p| p.code.starts_with("form-")),
            "codes are the engine's message ids: {problems:?}"
        );
    }
}
