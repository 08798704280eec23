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

use super::date::Date;
use super::num::Num;

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

// ---------------------------------------------------------------------------------------------
// Lexer

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Num),
    Text(String),
    Id(String),
    Op(&'static str),
    End,
}

fn lex(source: &str) -> Result<Vec<(Tok, usize)>, ParseError> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |column: usize, message: &str| ParseError {
        column,
        message: message.to_owned(),
    };
    while let Some(&c) = chars.get(i) {
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_ascii_digit() || *c == '.')
            {
                i += 1;
            }
            let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
            let n = Num::parse(&text).ok_or_else(|| err(column, "not a number"))?;
            out.push((Tok::Num(n), column));
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
            {
                i += 1;
            }
            let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
            out.push((Tok::Id(text), column));
            continue;
        }
        if c == '\'' || c == '"' {
            let quote = c;
            i += 1;
            let mut text = String::new();
            loop {
                match chars.get(i) {
                    None => return Err(err(column, "text is not closed")),
                    Some(&q) if q == quote => break,
                    Some(&ch) => text.push(ch),
                }
                i += 1;
            }
            i += 1;
            out.push((Tok::Text(text), column));
            continue;
        }
        let next = chars.get(i + 1).copied();
        let (op, len): (&'static str, usize) = match (c, next) {
            ('=', Some('=')) => ("==", 2),
            ('!', Some('=')) => ("!=", 2),
            ('<', Some('=')) => ("<=", 2),
            ('>', Some('=')) => (">=", 2),
            ('&', Some('&')) => ("&&", 2),
            ('|', Some('|')) => ("||", 2),
            ('<', _) => ("<", 1),
            ('>', _) => (">", 1),
            ('!', _) => ("!", 1),
            ('+', _) => ("+", 1),
            ('-', _) => ("-", 1),
            ('*', _) => ("*", 1),
            ('/', _) => ("/", 1),
            ('(', _) => ("(", 1),
            (')', _) => (")", 1),
            ('[', _) => ("[", 1),
            (']', _) => ("]", 1),
            (',', _) => (",", 1),
            ('.', _) => (".", 1),
            ('=', _) => return Err(err(column, "use `==` to compare")),
            _ => return Err(err(column, "unexpected character")),
        };
        out.push((Tok::Op(op), column));
        i += len;
    }
    out.push((Tok::End, chars.len() + 1));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Parser

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    depth: usize,
}

/// Parses a rule. Errors name the column.
pub fn parse(source: &str) -> Result<Expr, ParseError> {
    if source.len() > MAX_RULE_LEN {
        return Err(ParseError {
            column: 1,
            message: format!("rule longer than {MAX_RULE_LEN} bytes"),
        });
    }
    let toks = lex(source)?;
    let mut parser = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let expr = parser.expr()?;
    match parser.peek() {
        Tok::End => Ok(expr),
        _ => Err(parser.error("unexpected text after the end of the rule")),
    }
}

impl Parser {
    fn peek(&self) -> &Tok {
        self.toks.get(self.pos).map_or(&Tok::End, |(t, _)| t)
    }
    fn column(&self) -> usize {
        self.toks.get(self.pos).map_or(1, |(_, c)| *c)
    }
    fn bump(&mut self) -> Tok {
        let tok = self.peek().clone();
        self.pos += 1;
        tok
    }
    fn error(&self, message: &str) -> ParseError {
        ParseError {
            column: self.column(),
            message: message.to_owned(),
        }
    }
    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }
    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Tok::Id(w) if w == word)
    }
    fn expect(&mut self, op: &str) -> Result<(), ParseError> {
        if self.is_op(op) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{op}`")))
        }
    }
    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("rule is nested too deeply"));
        }
        Ok(())
    }

    fn expr(&mut self) -> Result<Expr, ParseError> {
        self.enter()?;
        let result = self.or();
        self.depth -= 1;
        result
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.and()?;
        let depth = self.depth;
        while self.is_op("||") || self.is_word("or") {
            let column = self.column();
            self.pos += 1;
            self.enter()?;
            let right = self.and()?;
            left = Expr::Binary(BinOp::Or, Box::new(left), Box::new(right), column);
        }
        self.depth = depth;
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.not()?;
        let depth = self.depth;
        while self.is_op("&&") || self.is_word("and") {
            let column = self.column();
            self.pos += 1;
            self.enter()?;
            let right = self.not()?;
            left = Expr::Binary(BinOp::And, Box::new(left), Box::new(right), column);
        }
        self.depth = depth;
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, ParseError> {
        if self.is_op("!") || self.is_word("not") {
            self.pos += 1;
            self.enter()?;
            let inner = self.not();
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner?)));
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Expr, ParseError> {
        let left = self.sum()?;
        let op = match self.peek() {
            Tok::Op("==") => BinOp::Eq,
            Tok::Op("!=") => BinOp::Ne,
            Tok::Op("<") => BinOp::Lt,
            Tok::Op("<=") => BinOp::Le,
            Tok::Op(">") => BinOp::Gt,
            Tok::Op(">=") => BinOp::Ge,
            Tok::Id(w) if w == "in" => BinOp::In,
            _ => return Ok(left),
        };
        let column = self.column();
        self.pos += 1;
        let right = self.sum()?;
        Ok(Expr::Binary(op, Box::new(left), Box::new(right), column))
    }

    fn sum(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.product()?;
        let depth = self.depth;
        loop {
            let op = match self.peek() {
                Tok::Op("+") => BinOp::Add,
                Tok::Op("-") => BinOp::Sub,
                _ => {
                    self.depth = depth;
                    return Ok(left);
                }
            };
            let column = self.column();
            self.pos += 1;
            self.enter()?;
            let right = self.product()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right), column);
        }
    }

    fn product(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.unary()?;
        let depth = self.depth;
        loop {
            let op = match self.peek() {
                Tok::Op("*") => BinOp::Mul,
                Tok::Op("/") => BinOp::Div,
                _ => {
                    self.depth = depth;
                    return Ok(left);
                }
            };
            let column = self.column();
            self.pos += 1;
            self.enter()?;
            let right = self.unary()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right), column);
        }
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if self.is_op("-") {
            self.pos += 1;
            self.enter()?;
            let inner = self.unary();
            self.depth -= 1;
            return Ok(Expr::Neg(Box::new(inner?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let column = self.column();
        match self.bump() {
            Tok::Num(n) => Ok(Expr::Num(n)),
            Tok::Text(t) => Ok(Expr::Text(t)),
            Tok::Op("(") => {
                let inner = self.expr()?;
                self.expect(")")?;
                Ok(inner)
            }
            Tok::Op("[") => {
                let items = self.list("]")?;
                Ok(Expr::List(items))
            }
            Tok::Id(word) => match word.as_str() {
                "true" => Ok(Expr::Bool(true)),
                "false" => Ok(Expr::Bool(false)),
                "null" => Ok(Expr::Null),
                "and" | "or" | "not" | "in" => Err(ParseError {
                    column,
                    message: format!("`{word}` cannot start a value"),
                }),
                _ if self.is_op("(") => {
                    self.pos += 1;
                    let Some((func, least, most)) = Func::from_name(&word) else {
                        return Err(ParseError {
                            column,
                            message: format!("unknown function `{word}`"),
                        });
                    };
                    let args = self.list(")")?;
                    if args.len() < least || args.len() > most {
                        return Err(ParseError {
                            column,
                            message: format!(
                                "`{word}` takes {least} to {most} arguments, not {}",
                                args.len()
                            ),
                        });
                    }
                    Ok(Expr::Call(func, args, column))
                }
                _ => {
                    let mut ids = vec![word];
                    while self.is_op(".") {
                        self.pos += 1;
                        match self.bump() {
                            Tok::Id(id) => ids.push(id),
                            _ => {
                                return Err(ParseError {
                                    column,
                                    message: "expected a name after `.`".into(),
                                })
                            }
                        }
                        if ids.len() > 16 {
                            return Err(ParseError {
                                column,
                                message: "path is too long".into(),
                            });
                        }
                    }
                    Ok(Expr::Ref(Ref {
                        ids,
                        column,
                        up: 0,
                        target: Target::Unresolved,
                        fans_out: false,
                    }))
                }
            },
            Tok::End => Err(ParseError {
                column,
                message: "rule ends too early".into(),
            }),
            Tok::Op(op) => Err(ParseError {
                column,
                message: format!("unexpected `{op}`"),
            }),
        }
    }

    fn list(&mut self, close: &str) -> Result<Vec<Expr>, ParseError> {
        let mut items = Vec::new();
        if self.is_op(close) {
            self.pos += 1;
            return Ok(items);
        }
        loop {
            items.push(self.expr()?);
            if items.len() > 256 {
                return Err(self.error("list is too long"));
            }
            if self.is_op(",") {
                self.pos += 1;
                continue;
            }
            self.expect(close)?;
            return Ok(items);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
