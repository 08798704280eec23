//! Checks of submitted data: the one place where the server validates an application's answers.
//!
//! Today it checks the shape (answers are an object keyed by FIM element ids); when the domain
//! form engine exposes its validation, [`validate_data`] calls it with the form definition, so
//! the server runs the very same rules as the app. It never does IO.

use crate::error::FieldProblem;

/// Every problem with `data`, answered for the form `form` (id, version) if one is known.
pub fn validate_data(
    form: Option<&serde_json::Value>,
    data: &serde_json::Value,
) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let Some(answers) = data.as_object() else {
        problems.push(FieldProblem::new(
            "/data",
            "not_an_object",
            "data must be a JSON object keyed by FIM element ids",
        ));
        return problems;
    };
    for key in answers.keys() {
        if !is_fim_element_id(key) {
            problems.push(FieldProblem::new(
                format!("/data/{key}"),
                "unknown_field_id",
                "answer keys are FIM element ids such as F60000227 or G60000123",
            ));
        }
    }
    // The form definition is passed in so the domain form engine can be wired in here.
    let _ = form;
    problems
}

/// `F…`/`G…` followed by digits (optionally a version suffix like `F123:1.2`).
fn is_fim_element_id(key: &str) -> bool {
    let id = key.split(':').next().unwrap_or(key);
    let mut chars = id.chars();
    matches!(chars.next(), Some('F' | 'G'))
        && id.len() > 1
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_must_be_keyed_by_fim_ids() {
        let ok = serde_json::json!({"F60000227": "Erfurt", "G60000086": [{"F1": 1}]});
        assert!(validate_data(None, &ok).is_empty(), "FIM ids are accepted");
        let bad = serde_json::json!({"name": "x"});
        let problems = validate_data(None, &bad);
        assert_eq!(problems.len(), 1, "one problem per bad key: {problems:?}");
        assert_eq!(problems[0].field, "/data/name", "the problem names the key");
        let not_object = serde_json::json!([1]);
        assert_eq!(
            validate_data(None, &not_object)[0].code,
            "not_an_object",
            "shape checked"
        );
    }
}
