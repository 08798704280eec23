//! The rule language's tests: parsing, evaluation and the errors' columns.

use super::*;
use crate::form::date::Date;

struct NoRefs;
impl Env for NoRefs {
    fn lookup(&self, _: &Ref) -> Val {
        Val::Null
    }
    fn today(&self) -> Date {
        Date::parse("2026-11-26").unwrap_or_else(|| unreachable!())
    }
}

#[test]
fn place_fee_is_null_unless_the_place_is_known() {
    struct AtErfurt;
    impl Env for AtErfurt {
        fn lookup(&self, _: &Ref) -> Val {
            Val::Null
        }
        fn today(&self) -> Date {
            Date::parse("2026-11-26").unwrap_or_else(|| unreachable!())
        }
        fn place_fee(&self) -> Option<Num> {
            Some(Num::from_cents(10_000))
        }
    }
    let expr = parse("place_fee()").unwrap_or_else(|e| panic!("parses: {e:?}"));
    assert_eq!(eval(&expr, &NoRefs), Val::Null, "unknown place");
    assert_eq!(eval(&expr, &AtErfurt), Val::Num(Num::from_cents(10_000)));
}

fn check(source: &str, expected: Val) {
    let expr = parse(source).unwrap_or_else(|e| panic!("`{source}` must parse: {e:?}"));
    assert_eq!(eval(&expr, &NoRefs), expected, "`{source}`");
}

fn check_error(source: &str, column: usize) {
    match parse(source) {
        Ok(expr) => panic!("`{source}` must not parse, got {expr:?}"),
        Err(e) => assert_eq!(e.column, column, "`{source}`: {}", e.message),
    }
}

fn num(text: &str) -> Val {
    Val::Num(Num::parse(text).unwrap_or_default())
}

#[test]
fn arithmetic_and_logic() {
    check("1 + 2 * 3", num("7"));
    check("(1 + 2) * 3", num("9"));
    check("30.70 * 3", num("92.1"));
    check("-2 - -3", num("1"));
    check("1 / 0", Val::Null);
    check("1 < 2 and 2 < 3", Val::Bool(true));
    check("null and false", Val::Bool(false));
    check("null or true", Val::Bool(true));
    check("null and true", Val::Null);
    check("!(1 == 1)", Val::Bool(false));
    check("'B' in ['A', 'B']", Val::Bool(true));
    check("null == null", Val::Bool(true));
    check("unanswered == null", Val::Bool(true));
    check("unanswered != null", Val::Bool(false));
    check("unanswered != 'a'", Val::Null);
    check("unanswered == 'a'", Val::Null);
    check("null + 1", Val::Null);
    check("'a' + 1", Val::Null);
}

#[test]
fn functions() {
    check(
        "today()",
        Val::Date(Date::parse("2026-11-26").unwrap_or_else(|| unreachable!())),
    );
    check(
        "add_months(date('2026-11-26'), -6) == date('2026-05-26')",
        Val::Bool(true),
    );
    check("days_between(date('2026-11-01'), today())", num("25"));
    check("age(date('2008-11-26'))", num("18"));
    check("sum([1, 2, null, 3])", num("6"));
    check("count([1, null, 'x', ''])", num("2"));
    check("min(3, [1, 5])", num("1"));
    check(
        "max(date('2026-01-01'), date('2025-01-01')) == date('2026-01-01')",
        Val::Bool(true),
    );
    check("if(1 > 2, 'a', 'b')", Val::Text("b".into()));
    check("value_or(null, 0)", num("0"));
    check("round(2 / 3, 2)", num("0.67"));
    check("any([false, true])", Val::Bool(true));
    check("all([])", Val::Bool(true));
    check("contains(['x'], 'x')", Val::Bool(true));
    check("len('Grüße')", num("5"));
}

#[test]
fn errors_name_the_column() {
    check_error("1 +", 4);
    check_error("a = 1", 3);
    check_error("frob(1)", 1);
    check_error("count(1, 2)", 1);
    check_error("'open", 1);
    check_error("1 2", 3);
    check_error("a.", 1);
    check_error("x # y", 3);
    check_error(&"(".repeat(100), 49);
    assert!(
        parse(&vec!["1"; 200].join(" + ")).is_err(),
        "long operator chains are refused (stack depth)"
    );
    assert!(
        parse(&vec!["a"; 40].join(" + ")).is_ok(),
        "40 terms are fine"
    );
}
