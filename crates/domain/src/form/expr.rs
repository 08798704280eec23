//! The rule language: a small, typed-at-runtime expression language parsed into an AST and
//! evaluated by walking it. No eval, no scripting engine, no loops, bounded depth: a rule can
//! never run long, allocate without bound or panic.
//!
//! ```text
//! expr    := or
//! or      := and (("||" | "or") and)*
//! and     := not (("&&" | "and") not)*
//! not     := ("!" | "not") not | compare
//! compare := sum (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") sum)?
//! sum     := product (("+" | "-") product)*
//! product := unary (("*" | "/") unary)*
//! unary   := "-" unary | primary
//! primary := number | 'text' | "text" | true | false | null | "(" expr ")"
//!          | "[" (expr ("," expr)*)? "]" | name "(" args ")" | path
//! path    := id ("." id)*          (resolved from the innermost group outwards)
//! ```
//! Functions: `today()`, `date('2026-01-01')`, `add_days(d, n)`, `add_months(d, n)`,
//! `days_between(a, b)`, `age(birth)`, `count(x)`, `sum(x)`, `min(..)`, `max(..)`, `any(x)`,
//! `all(x)`, `filled(x)`, `empty(x)`, `len(text)`, `contains(list, x)`, `if(c, a, b)`,
//! `value_or(x, fallback)`, `round(x, digits)`, `place_fee()` (the fee the statute of the
//! person's municipality sets for the service, where the catalog knows it, else `null`). A path through a repeat group (`personen.alter`)
//! yields a list, for the aggregates. Unanswered values are `null`; `null` spreads through
//! arithmetic and comparison (`x != 'a'` is `null` while x is unanswered; write
//! `x == null` or `filled(x)` to ask), and `and`/`or` use three-valued logic. A condition
//! holds only when it is `true`; a check fails only when it is `false`.

mod evaluation;
mod lexer;
mod parser;
#[cfg(test)]
mod tests;

use super::num::Num;
pub use evaluation::{eval, Env, Val};
pub use parser::parse;

/// The longest rule text we parse and the deepest nesting we accept.
pub const MAX_RULE_LEN: usize = 4096;
pub const MAX_DEPTH: usize = 48;

/// A parse error at a 1-based column (in characters) of the rule text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Null,
    Bool(bool),
    Num(Num),
    Text(String),
    List(Vec<Expr>),
    Ref(Ref),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    /// An operation, with the column of its operator.
    Binary(BinOp, Box<Expr>, Box<Expr>, usize),
    /// A function call, with the column of the function's name.
    Call(Func, Vec<Expr>, usize),
}

/// A reference to an element, resolved against the definition when the form is compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct Ref {
    pub ids: Vec<String>,
    /// 1-based column of the reference in the rule text.
    pub column: usize,
    /// How many scopes up from the innermost the first id was found (set by the compiler).
    pub up: usize,
    /// What the path ends at (set by the compiler).
    pub target: Target,
    /// The path gives one value per repeat instance (set by the compiler).
    pub fans_out: bool,
}

/// What a resolved reference points at, which decides how an answer becomes a rule value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    #[default]
    Unresolved,
    Text,
    Int,
    Decimal,
    Cents,
    Date,
    Bool,
    Codes,
    Files,
    Address,
    AddressPart,
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Today,
    Date,
    AddDays,
    AddMonths,
    DaysBetween,
    Age,
    Count,
    Sum,
    Min,
    Max,
    Any,
    All,
    Filled,
    Empty,
    Len,
    Contains,
    If,
    ValueOr,
    Round,
    PlaceFee,
}

impl Func {
    fn from_name(name: &str) -> Option<(Func, usize, usize)> {
        // (function, fewest args, most args)
        Some(match name {
            "today" => (Func::Today, 0, 0),
            "date" => (Func::Date, 1, 1),
            "add_days" => (Func::AddDays, 2, 2),
            "add_months" => (Func::AddMonths, 2, 2),
            "days_between" => (Func::DaysBetween, 2, 2),
            "age" => (Func::Age, 1, 1),
            "count" => (Func::Count, 1, 1),
            "sum" => (Func::Sum, 1, 1),
            "min" => (Func::Min, 1, 16),
            "max" => (Func::Max, 1, 16),
            "any" => (Func::Any, 1, 1),
            "all" => (Func::All, 1, 1),
            "filled" => (Func::Filled, 1, 1),
            "empty" => (Func::Empty, 1, 1),
            "len" => (Func::Len, 1, 1),
            "contains" => (Func::Contains, 2, 2),
            "if" => (Func::If, 3, 3),
            "value_or" => (Func::ValueOr, 2, 2),
            "round" => (Func::Round, 2, 2),
            "place_fee" => (Func::PlaceFee, 0, 0),
            _ => return None,
        })
    }
}

impl Expr {
    /// Calls `f` on every reference, mutably (the compiler resolves them in place).
    pub fn visit_refs_mut(&mut self, f: &mut dyn FnMut(&mut Ref)) {
        match self {
            Expr::Ref(r) => f(r),
            Expr::List(items) | Expr::Call(_, items, _) => {
                for item in items {
                    item.visit_refs_mut(f);
                }
            }
            Expr::Not(inner) | Expr::Neg(inner) => inner.visit_refs_mut(f),
            Expr::Binary(_, a, b, _) => {
                a.visit_refs_mut(f);
                b.visit_refs_mut(f);
            }
            Expr::Null | Expr::Bool(_) | Expr::Num(_) | Expr::Text(_) => {}
        }
    }

    /// Calls `f` on every reference.
    pub fn visit_refs(&self, f: &mut dyn FnMut(&Ref)) {
        match self {
            Expr::Ref(r) => f(r),
            Expr::List(items) | Expr::Call(_, items, _) => {
                for item in items {
                    item.visit_refs(f);
                }
            }
            Expr::Not(inner) | Expr::Neg(inner) => inner.visit_refs(f),
            Expr::Binary(_, a, b, _) => {
                a.visit_refs(f);
                b.visit_refs(f);
            }
            Expr::Null | Expr::Bool(_) | Expr::Num(_) | Expr::Text(_) => {}
        }
    }
}
