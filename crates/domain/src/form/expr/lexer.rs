//! The rule language's lexer: the rule text as tokens, each with its 1-based column.

use super::ParseError;
use crate::form::num::Num;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Num(Num),
    Text(String),
    Id(String),
    Op(&'static str),
    End,
}

pub(super) fn lex(source: &str) -> Result<Vec<(Tok, usize)>, ParseError> {
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
