#![cfg(not(target_arch = "wasm32"))]
//! Property tests: whatever a server or a person sends, the form engine neither panics nor
//! gives different answers for the same input.

use domain::form::{
    self, expr, synthetic, Answers, Date, DateBound, FieldPath, Form, Num, Record, Value,
};
use proptest::prelude::*;

fn today() -> Date {
    Date::parse("2026-11-26").expect("test date")
}

/// Any JSON-shaped answer, with keys that often hit real element ids.
fn value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("x".to_owned()),
        Just("f1".to_owned()),
        Just("g2".to_owned()),
        Just("rg0".to_owned()),
        Just("personen".to_owned()),
        Just("plz".to_owned()),
        Just("size".to_owned()),
        "[a-z_]{1,8}"
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::Int),
        any::<f64>().prop_map(Value::Float),
        ".{0,12}".prop_map(Value::Text),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::Text),
        "(DE|de)[0-9 ]{0,24}".prop_map(Value::Text),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            prop::collection::btree_map(key.clone(), inner, 0..6).prop_map(Value::Record),
        ]
    })
}

/// Answers for a definition: its own element ids with arbitrary values.
fn answers_for(ids: Vec<String>) -> impl Strategy<Value = Answers> {
    prop::collection::vec((prop::sample::select(ids), value()), 0..24)
        .prop_map(|pairs| Answers(pairs.into_iter().collect::<Record>()))
}

fn top_ids(form: &Form) -> Vec<String> {
    form.definition()
        .pages
        .iter()
        .flat_map(|p| p.items.iter().map(|i| i.id().to_owned()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn showcase_validation_never_panics_and_is_deterministic(pick in 0usize..5, seed in any::<u64>(), extra in prop::collection::vec(value(), 0..4)) {
        let all = form::showcase_definitions();
        let (_, json) = all[pick % all.len()];
        let form = Form::from_json(json).expect("showcase compiles");
        let ids = top_ids(&form);
        let mut answers = synthetic::answers(form.definition(), (seed % 4) as usize, seed);
        for (i, v) in extra.into_iter().enumerate() {
            if let Some(id) = ids.get((seed as usize).wrapping_add(i * 7) % ids.len().max(1)) {
                answers.0.insert(id.clone(), v);
            }
        }
        let first = form.evaluate(&answers, today());
        let second = form.evaluate(&answers, today());
        prop_assert_eq!(&first, &second, "same input, same evaluation");
        for problem in &first.problems {
            prop_assert!(form::MESSAGE_IDS.contains(&problem.message.as_str()), "{} is listed", problem.message);
        }
        let _ = form.submission(&answers, today());
    }

    #[test]
    fn arbitrary_answers_never_panic(pick in 0usize..5, answers in (0usize..5).prop_flat_map(|pick| {
        let all = form::showcase_definitions();
        let form = Form::from_json(all[pick % all.len()].1).expect("compiles");
        answers_for(top_ids(&form))
    })) {
        let all = form::showcase_definitions();
        for (_, json) in all.iter().skip(pick % all.len()).take(2) {
            let form = Form::from_json(json).expect("compiles");
            let a = form.evaluate(&answers, today());
            prop_assert_eq!(&a, &form.evaluate(&answers, today()), "deterministic");
        }
    }

    #[test]
    fn synthetic_definitions_of_any_size_compile_and_validate(n in 0usize..120, groups in 0usize..4, len in 0usize..6, seed in any::<u64>(), day in 0i64..40_000) {
        let def = synthetic::definition(n, groups, len);
        prop_assert_eq!(&def, &synthetic::definition(n, groups, len), "generator is deterministic");
        let form = Form::new(def).expect("synthetic definitions compile");
        let answers = synthetic::answers(form.definition(), len, seed);
        let today = Date::from_days(day).unwrap_or_else(today);
        prop_assert_eq!(form.evaluate(&answers, today), form.evaluate(&answers, today), "deterministic");
    }

    #[test]
    fn definition_parser_never_panics(json in ".{0,200}") {
        let _ = Form::from_json(&json);
    }

    #[test]
    fn mutated_showcase_json_never_panics(pick in 0usize..5, at in any::<prop::sample::Index>(), cut in 0usize..40, insert in "[\\[\\]{}\":,a-z0-9 ]{0,6}") {
        let all = form::showcase_definitions();
        let json = all[pick % all.len()].1;
        let at = at.index(json.len());
        let mut mutated = String::new();
        let boundary = (0..=at).rev().find(|i| json.is_char_boundary(*i)).unwrap_or(0);
        let end = (boundary + cut..=json.len()).find(|i| json.is_char_boundary(*i)).unwrap_or(json.len());
        mutated.push_str(&json[..boundary]);
        mutated.push_str(&insert);
        mutated.push_str(&json[end..]);
        if let Ok(form) = Form::from_json(&mutated) {
            let _ = form.evaluate(&Answers::new(), today());
        }
    }

    #[test]
    fn rule_parser_never_panics(source in "[a-z_0-9 .,()'\\[\\]=!<>&|+*/-]{0,60}") {
        let _ = expr::parse(&source);
    }

    #[test]
    fn scalar_parsers_never_panic(text in ".{0,30}") {
        let _ = Date::parse(&text);
        let _ = DateBound::parse(&text);
        let _ = Num::parse(&text);
        let _ = FieldPath::parse(&text);
        let _ = form::checks::iban_check(&text);
    }

    #[test]
    fn date_bounds_resolve_for_any_day(day in -1_000_000i64..3_000_000, months in -2000i32..2000, days in -100_000i32..100_000) {
        if let Some(today) = Date::from_days(day) {
            let _ = DateBound::Relative { days, months }.resolve(today);
            prop_assert_eq!(Date::from_days(today.to_days()), Some(today), "days round-trip");
        }
    }
}
