//! The rule language's parser: tokens to an [`Expr`] by recursive descent, with bounded
//! length and depth; errors name the column.

use super::lexer::{lex, Tok};
use super::{BinOp, Expr, Func, ParseError, Ref, Target, MAX_DEPTH, MAX_RULE_LEN};

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
