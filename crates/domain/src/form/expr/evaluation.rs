//! Evaluating a rule: walking the [`Expr`] against the answers ([`Env`]); never panics, type
//! errors and overflow give `null`, and `null` spreads.

use super::{BinOp, Expr, Func, Ref};
use crate::form::date::Date;
use crate::form::num::Num;

/// A rule value.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Null,
    Bool(bool),
    Num(Num),
    Text(String),
    Date(Date),
    List(Vec<Val>),
}

impl Val {
    /// The value as a condition: only `true` is true (`null` is not).
    pub fn is_true(&self) -> bool {
        matches!(self, Val::Bool(true))
    }

    fn is_filled(&self) -> bool {
        match self {
            Val::Null => false,
            Val::Text(t) => !t.trim().is_empty(),
            Val::List(items) => items.iter().any(Val::is_filled),
            _ => true,
        }
    }
}

/// What evaluation needs from the outside: answers by reference, and today.
pub trait Env {
    fn lookup(&self, reference: &Ref) -> Val;
    fn today(&self) -> Date;
    /// The fee the statute of the person's municipality sets, where known (`place_fee()`).
    fn place_fee(&self) -> Option<Num> {
        None
    }
}

/// Evaluates an expression. Never panics; type errors and overflow give `null`.
pub fn eval(expr: &Expr, env: &dyn Env) -> Val {
    match expr {
        Expr::Null => Val::Null,
        Expr::Bool(b) => Val::Bool(*b),
        Expr::Num(n) => Val::Num(*n),
        Expr::Text(t) => Val::Text(t.clone()),
        Expr::List(items) => Val::List(items.iter().map(|e| eval(e, env)).collect()),
        Expr::Ref(r) => env.lookup(r),
        Expr::Not(inner) => match eval(inner, env) {
            Val::Bool(b) => Val::Bool(!b),
            _ => Val::Null,
        },
        Expr::Neg(inner) => match eval(inner, env) {
            Val::Num(n) => n.checked_neg().map_or(Val::Null, Val::Num),
            _ => Val::Null,
        },
        Expr::Binary(op, a, b, _) => binary(*op, a, b, env),
        Expr::Call(func, args, _) => call(*func, args, env),
    }
}

fn binary(op: BinOp, a: &Expr, b: &Expr, env: &dyn Env) -> Val {
    match op {
        BinOp::And => match eval(a, env) {
            Val::Bool(false) => Val::Bool(false),
            left => match (left, eval(b, env)) {
                (_, Val::Bool(false)) => Val::Bool(false),
                (Val::Bool(true), Val::Bool(true)) => Val::Bool(true),
                _ => Val::Null,
            },
        },
        BinOp::Or => match eval(a, env) {
            Val::Bool(true) => Val::Bool(true),
            left => match (left, eval(b, env)) {
                (_, Val::Bool(true)) => Val::Bool(true),
                (Val::Bool(false), Val::Bool(false)) => Val::Bool(false),
                _ => Val::Null,
            },
        },
        _ => {
            let (x, y) = (eval(a, env), eval(b, env));
            match op {
                // `x == null` and `x != null` ask whether x is answered; otherwise an
                // unanswered side makes the comparison unknown (null), so that `x != 'a'`
                // does not hold before x is answered.
                BinOp::Eq | BinOp::Ne => {
                    let literal_null = matches!(a, Expr::Null) || matches!(b, Expr::Null);
                    if !literal_null && (x == Val::Null || y == Val::Null) {
                        return Val::Null;
                    }
                    Val::Bool(equal(&x, &y) == (op == BinOp::Eq))
                }
                BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                    let ordering = match (&x, &y) {
                        (Val::Num(p), Val::Num(q)) => p.cmp(q),
                        (Val::Date(p), Val::Date(q)) => p.cmp(q),
                        (Val::Text(p), Val::Text(q)) => p.cmp(q),
                        _ => return Val::Null,
                    };
                    Val::Bool(match op {
                        BinOp::Lt => ordering.is_lt(),
                        BinOp::Le => ordering.is_le(),
                        BinOp::Gt => ordering.is_gt(),
                        _ => ordering.is_ge(),
                    })
                }
                BinOp::In => match (&x, &y) {
                    (Val::Null, _) => Val::Null,
                    (_, Val::List(items)) => Val::Bool(items.iter().any(|item| equal(&x, item))),
                    _ => Val::Null,
                },
                BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                    let (Val::Num(p), Val::Num(q)) = (x, y) else {
                        return Val::Null;
                    };
                    let result = match op {
                        BinOp::Add => p.checked_add(q),
                        BinOp::Sub => p.checked_sub(q),
                        BinOp::Mul => p.checked_mul(q),
                        _ => p.checked_div(q),
                    };
                    result.map_or(Val::Null, Val::Num)
                }
                BinOp::And | BinOp::Or => Val::Null,
            }
        }
    }
}

fn equal(x: &Val, y: &Val) -> bool {
    match (x, y) {
        (Val::Null, other) | (other, Val::Null) => !other.is_filled(),
        _ => x == y,
    }
}

fn flatten(val: Val) -> Vec<Val> {
    match val {
        Val::List(items) => items.into_iter().flat_map(flatten).collect(),
        other => vec![other],
    }
}

fn num_arg(args: &[Expr], i: usize, env: &dyn Env) -> Option<Num> {
    match eval(args.get(i)?, env) {
        Val::Num(n) => Some(n),
        _ => None,
    }
}

fn date_arg(args: &[Expr], i: usize, env: &dyn Env) -> Option<Date> {
    match eval(args.get(i)?, env) {
        Val::Date(d) => Some(d),
        Val::Text(t) => Date::parse(&t),
        _ => None,
    }
}

fn call(func: Func, args: &[Expr], env: &dyn Env) -> Val {
    let arg = |i: usize| args.get(i).map_or(Val::Null, |e| eval(e, env));
    let opt = |v: Option<Val>| v.unwrap_or(Val::Null);
    match func {
        Func::Today => Val::Date(env.today()),
        Func::PlaceFee => env.place_fee().map_or(Val::Null, Val::Num),
        Func::Date => opt(date_arg(args, 0, env).map(Val::Date)),
        Func::AddDays => opt((|| {
            let n = num_arg(args, 1, env)?.to_int()?;
            date_arg(args, 0, env)?.add_days(n).map(Val::Date)
        })()),
        Func::AddMonths => opt((|| {
            let n = num_arg(args, 1, env)?.to_int()?;
            date_arg(args, 0, env)?.add_months(n).map(Val::Date)
        })()),
        Func::DaysBetween => opt((|| {
            let (a, b) = (date_arg(args, 0, env)?, date_arg(args, 1, env)?);
            Some(Val::Num(Num::from_int(b.to_days() - a.to_days())))
        })()),
        Func::Age => opt((|| {
            let birth = date_arg(args, 0, env)?;
            Some(Val::Num(Num::from_int(birth.years_until(env.today()))))
        })()),
        Func::Count => {
            let n = flatten(arg(0)).iter().filter(|v| v.is_filled()).count();
            Val::Num(Num::from_int(i64::try_from(n).unwrap_or(i64::MAX)))
        }
        Func::Sum => {
            let mut total = Num::ZERO;
            for item in flatten(arg(0)) {
                match item {
                    Val::Num(n) => match total.checked_add(n) {
                        Some(t) => total = t,
                        None => return Val::Null,
                    },
                    Val::Null => {}
                    _ => return Val::Null,
                }
            }
            Val::Num(total)
        }
        Func::Min | Func::Max => {
            let mut best: Option<Val> = None;
            for e in args {
                for item in flatten(eval(e, env)) {
                    let better = match (&best, &item) {
                        (_, Val::Null) => false,
                        (None, _) => true,
                        (Some(Val::Num(b)), Val::Num(n)) => (func == Func::Min) == (n < b),
                        (Some(Val::Date(b)), Val::Date(d)) => (func == Func::Min) == (d < b),
                        _ => return Val::Null,
                    };
                    if better {
                        best = Some(item);
                    }
                }
            }
            best.unwrap_or(Val::Null)
        }
        Func::Any | Func::All => {
            let items: Vec<Val> = flatten(arg(0))
                .into_iter()
                .filter(|v| *v != Val::Null)
                .collect();
            let want = func == Func::Any;
            if items
                .iter()
                .any(|v| matches!(v, Val::Bool(b) if *b == want))
            {
                Val::Bool(want)
            } else if items.iter().all(|v| matches!(v, Val::Bool(_))) {
                Val::Bool(!want)
            } else {
                Val::Null
            }
        }
        Func::Filled => Val::Bool(arg(0).is_filled()),
        Func::Empty => Val::Bool(!arg(0).is_filled()),
        Func::Len => match arg(0) {
            Val::Text(t) => Val::Num(Num::from_int(
                i64::try_from(t.chars().count()).unwrap_or(i64::MAX),
            )),
            Val::List(items) => Val::Num(Num::from_int(
                i64::try_from(items.len()).unwrap_or(i64::MAX),
            )),
            _ => Val::Null,
        },
        Func::Contains => match (arg(0), arg(1)) {
            (_, Val::Null) => Val::Null,
            (Val::List(items), needle) => Val::Bool(items.iter().any(|i| equal(i, &needle))),
            (Val::Text(hay), Val::Text(needle)) => Val::Bool(hay.contains(&needle)),
            (Val::Null, _) => Val::Bool(false),
            _ => Val::Null,
        },
        Func::If => match arg(0) {
            Val::Bool(true) => arg(1),
            Val::Bool(false) => arg(2),
            _ => Val::Null,
        },
        Func::ValueOr => match arg(0) {
            v if v.is_filled() => v,
            _ => arg(1),
        },
        Func::Round => match (arg(0), num_arg(args, 1, env).and_then(Num::to_int)) {
            (Val::Num(n), Some(digits)) => {
                Val::Num(n.round(u8::try_from(digits.clamp(0, 6)).unwrap_or(0)))
            }
            _ => Val::Null,
        },
    }
}
