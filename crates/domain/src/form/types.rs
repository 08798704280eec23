//! Static types of rule expressions, checked when a form is compiled, so that a rule that
//! compares a date with a number, adds dates, or uses a repeat group's values without an
//! aggregate is refused with its column instead of silently never firing. Only looks at the
//! AST and the resolved references; never at answers.

use super::expr::{BinOp, Expr, Func, Ref, Target};

/// The type of one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// Unknown (an empty list).
    Any,
    Bool,
    Num,
    Text,
    Date,
}

/// The type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// The literal `null`: fits anywhere.
    Null,
    One(Base),
    /// Several values: a multiple choice, files, or one value per repeat instance.
    List(Base),
}

/// A type error at a 1-based column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    pub column: usize,
    pub message: String,
}

/// How a type is named in error messages.
pub fn describe(ty: Ty) -> &'static str {
    name(ty)
}

fn name(ty: Ty) -> &'static str {
    match ty {
        Ty::Null => "null",
        Ty::One(Base::Any) => "a value",
        Ty::One(Base::Bool) => "true/false",
        Ty::One(Base::Num) => "a number",
        Ty::One(Base::Text) => "a text",
        Ty::One(Base::Date) => "a date",
        Ty::List(_) => "a list (one value per repeat instance, selection or file)",
    }
}

fn err<T>(column: usize, message: impl Into<String>) -> Result<T, TypeError> {
    Err(TypeError {
        column,
        message: message.into(),
    })
}

/// The column where an expression starts, as near as the AST knows.
pub fn column_of(expr: &Expr) -> usize {
    match expr {
        Expr::Ref(r) => r.column,
        Expr::Binary(_, a, _, column) => column_of(a).min(*column),
        Expr::Call(_, _, column) => *column,
        Expr::Not(inner) | Expr::Neg(inner) => column_of(inner).saturating_sub(1).max(1),
        Expr::List(items) => items.first().map_or(1, column_of),
        Expr::Null | Expr::Bool(_) | Expr::Num(_) | Expr::Text(_) => 1,
    }
}

fn ref_ty(r: &Ref) -> Ty {
    let base = match r.target {
        Target::Text | Target::AddressPart => Base::Text,
        Target::Int | Target::Decimal | Target::Cents => Base::Num,
        Target::Date => Base::Date,
        Target::Bool | Target::Address | Target::Group => Base::Bool,
        Target::Codes => return Ty::List(Base::Text),
        Target::Files => return Ty::List(Base::Bool),
        Target::Unresolved => Base::Any,
    };
    if r.fans_out {
        Ty::List(base)
    } else {
        Ty::One(base)
    }
}

fn fits(a: Base, b: Base) -> bool {
    a == b || a == Base::Any || b == Base::Any
}

fn scalar(ty: Ty, column: usize, what: &str) -> Result<Option<Base>, TypeError> {
    match ty {
        Ty::Null => Ok(None),
        Ty::One(base) => Ok(Some(base)),
        Ty::List(_) => err(
            column,
            format!("{what} needs a single value, not {}; use count, sum, min, max, any, all or contains", name(ty)),
        ),
    }
}

fn want(ty: Ty, expected: Base, column: usize, what: &str) -> Result<(), TypeError> {
    match scalar(ty, column, what)? {
        None => Ok(()),
        Some(base) if fits(base, expected) => Ok(()),
        Some(_) => err(
            column,
            format!("{what} needs {}, not {}", name(Ty::One(expected)), name(ty)),
        ),
    }
}

/// The element type of a list or single value, for aggregates.
fn element(ty: Ty) -> Option<Base> {
    match ty {
        Ty::Null => None,
        Ty::One(base) | Ty::List(base) => Some(base),
    }
}

/// Infers the type of an expression, or says where and why it is wrong.
pub fn check(expr: &Expr) -> Result<Ty, TypeError> {
    match expr {
        Expr::Null => Ok(Ty::Null),
        Expr::Bool(_) => Ok(Ty::One(Base::Bool)),
        Expr::Num(_) => Ok(Ty::One(Base::Num)),
        Expr::Text(_) => Ok(Ty::One(Base::Text)),
        Expr::List(items) => {
            let mut base = Base::Any;
            for item in items {
                let ty = check(item)?;
                if let Some(b) = scalar(ty, column_of(item), "a list item")? {
                    if base == Base::Any {
                        base = b;
                    } else if !fits(base, b) {
                        return err(
                            column_of(item),
                            format!("a list mixes {} and {}", name(Ty::One(base)), name(ty)),
                        );
                    }
                }
            }
            Ok(Ty::List(base))
        }
        Expr::Ref(r) => Ok(ref_ty(r)),
        Expr::Not(inner) => {
            want(check(inner)?, Base::Bool, column_of(inner), "`not`")?;
            Ok(Ty::One(Base::Bool))
        }
        Expr::Neg(inner) => {
            want(check(inner)?, Base::Num, column_of(inner), "`-`")?;
            Ok(Ty::One(Base::Num))
        }
        Expr::Binary(op, a, b, column) => binary(*op, check(a)?, check(b)?, *column),
        Expr::Call(func, args, column) => call(*func, args, *column),
    }
}

fn binary(op: BinOp, x: Ty, y: Ty, column: usize) -> Result<Ty, TypeError> {
    let boolean = Ok(Ty::One(Base::Bool));
    match op {
        BinOp::And | BinOp::Or => {
            let what = if op == BinOp::And { "`and`" } else { "`or`" };
            want(x, Base::Bool, column, what)?;
            want(y, Base::Bool, column, what)?;
            boolean
        }
        BinOp::Eq | BinOp::Ne => {
            let (p, q) = (scalar(x, column, "`==`")?, scalar(y, column, "`==`")?);
            if let (Some(p), Some(q)) = (p, q) {
                if !fits(p, q) {
                    return err(
                        column,
                        format!("cannot compare {} with {}", name(x), name(y)),
                    );
                }
            }
            boolean
        }
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let (p, q) = (scalar(x, column, "`<`")?, scalar(y, column, "`<`")?);
            for base in [p, q].into_iter().flatten() {
                if base == Base::Bool {
                    return err(column, "true/false values cannot be ordered");
                }
            }
            if let (Some(p), Some(q)) = (p, q) {
                if !fits(p, q) {
                    return err(
                        column,
                        format!("cannot compare {} with {}", name(x), name(y)),
                    );
                }
            }
            boolean
        }
        BinOp::In => {
            let p = scalar(x, column, "`in`")?;
            match (p, y) {
                (_, Ty::Null) | (None, Ty::List(_)) => boolean,
                (Some(p), Ty::List(q)) if fits(p, q) => boolean,
                (Some(_), Ty::List(_)) => {
                    err(column, format!("{} cannot be in {}", name(x), name(y)))
                }
                (_, Ty::One(_)) => err(
                    column,
                    format!("`in` needs a list on the right, not {}", name(y)),
                ),
            }
        }
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
            for ty in [x, y] {
                if ty == Ty::One(Base::Date) {
                    return err(
                        column,
                        "dates cannot be calculated with; use add_days, add_months or days_between",
                    );
                }
                want(ty, Base::Num, column, "arithmetic")?;
            }
            Ok(Ty::One(Base::Num))
        }
    }
}

fn call(func: Func, args: &[Expr], column: usize) -> Result<Ty, TypeError> {
    let mut types = Vec::with_capacity(args.len());
    for arg in args {
        types.push(check(arg)?);
    }
    let arg = |i: usize| types.get(i).copied().unwrap_or(Ty::Null);
    let num = Ok(Ty::One(Base::Num));
    let boolean = Ok(Ty::One(Base::Bool));
    let date = Ok(Ty::One(Base::Date));
    match func {
        Func::Today => date,
        Func::PlaceFee => num,
        Func::Date => {
            want(arg(0), Base::Text, column, "date()")?;
            date
        }
        Func::AddDays | Func::AddMonths => {
            want(arg(0), Base::Date, column, "the first argument")?;
            want(arg(1), Base::Num, column, "the second argument")?;
            date
        }
        Func::DaysBetween => {
            want(arg(0), Base::Date, column, "days_between")?;
            want(arg(1), Base::Date, column, "days_between")?;
            num
        }
        Func::Age => {
            want(arg(0), Base::Date, column, "age")?;
            num
        }
        Func::Count => num,
        Func::Sum => match element(arg(0)) {
            None | Some(Base::Num) | Some(Base::Any) => num,
            Some(_) => err(column, format!("sum needs numbers, not {}", name(arg(0)))),
        },
        Func::Min | Func::Max => {
            let mut base = Base::Any;
            for ty in &types {
                match element(*ty) {
                    None | Some(Base::Any) => {}
                    Some(b @ (Base::Num | Base::Date)) if fits(base, b) => base = b,
                    Some(_) => return err(column, "min and max need numbers or dates of one kind"),
                }
            }
            Ok(if base == Base::Any {
                Ty::Null
            } else {
                Ty::One(base)
            })
        }
        Func::Any | Func::All => match element(arg(0)) {
            None | Some(Base::Bool) | Some(Base::Any) => boolean,
            Some(_) => err(
                column,
                format!("any and all need true/false values, not {}", name(arg(0))),
            ),
        },
        Func::Filled | Func::Empty => boolean,
        Func::Len => match arg(0) {
            Ty::Null | Ty::One(Base::Text) | Ty::One(Base::Any) | Ty::List(_) => num,
            other => err(
                column,
                format!("len needs a text or a list, not {}", name(other)),
            ),
        },
        Func::Contains => match (arg(0), scalar(arg(1), column, "the value to look for")?) {
            (Ty::List(p), Some(q)) if !fits(p, q) => err(
                column,
                format!("{} cannot contain {}", name(arg(0)), name(arg(1))),
            ),
            (Ty::One(Base::Text), Some(q)) if !fits(Base::Text, q) => {
                err(column, format!("a text cannot contain {}", name(arg(1))))
            }
            (Ty::One(b), _) if b != Base::Text && b != Base::Any => err(
                column,
                format!("contains needs a list or a text, not {}", name(arg(0))),
            ),
            _ => boolean,
        },
        Func::If => {
            want(arg(0), Base::Bool, column, "the condition of if")?;
            unify(arg(1), arg(2), column)
        }
        Func::ValueOr => unify(arg(0), arg(1), column),
        Func::Round => {
            want(arg(0), Base::Num, column, "round")?;
            want(arg(1), Base::Num, column, "round")?;
            num
        }
    }
}

fn unify(a: Ty, b: Ty, column: usize) -> Result<Ty, TypeError> {
    match (a, b) {
        (Ty::Null, other) | (other, Ty::Null) => Ok(other),
        (Ty::One(p), Ty::One(q)) if fits(p, q) => Ok(Ty::One(if p == Base::Any { q } else { p })),
        (Ty::List(p), Ty::List(q)) if fits(p, q) => {
            Ok(Ty::List(if p == Base::Any { q } else { p }))
        }
        _ => err(
            column,
            format!("the two results differ: {} and {}", name(a), name(b)),
        ),
    }
}
