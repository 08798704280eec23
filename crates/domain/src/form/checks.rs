//! Checks of one answer against its field kind: formats (IBAN, postal code, ARS, email,
//! phone), bounds, code lists, attachments. Pure functions of (kind, value, today); they
//! report message ids and arguments, never prose, and never panic.

use std::collections::BTreeMap;

use super::date::{Date, DateBound};
use super::model::FieldKind;
use super::num::Num;
use super::pattern::Pattern;
use super::value::{Record, Value};
use super::Arg;

/// One finding about one answer; `part` names a sub-answer (`plz` of an address, `2` of a
/// file list) where the finding is about that part.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub part: Option<String>,
    pub message: &'static str,
    pub args: BTreeMap<String, Arg>,
}

fn finding(message: &'static str) -> Finding {
    Finding {
        part: None,
        message,
        args: BTreeMap::new(),
    }
}

fn with(mut f: Finding, key: &str, value: impl Into<Arg>) -> Finding {
    f.args.insert(key.to_owned(), value.into());
    f
}

fn at(mut f: Finding, part: impl Into<String>) -> Finding {
    f.part = Some(part.into());
    f
}

/// The answer as a number, from a JSON number or a numeric string (`12,5`).
pub(crate) fn value_num(value: &Value) -> Option<Num> {
    match value {
        Value::Int(n) => Some(Num::from_int(*n)),
        Value::Float(f) => Num::from_f64(*f),
        Value::Text(t) => Num::parse(t),
        _ => None,
    }
}

/// Integer cents, from a JSON integer (or an integral float).
pub(crate) fn value_cents(value: &Value) -> Option<i64> {
    match value {
        Value::Int(n) => Some(*n),
        Value::Float(f) => Num::from_f64(*f)?.to_int(),
        _ => None,
    }
}

/// Checks a non-empty answer. `codes` are the allowed codes of a choice field, `pattern` the
/// compiled `pattern` of a text field (see [`super::compile_pattern`]).
pub(crate) fn check_value(
    kind: &FieldKind,
    value: &Value,
    codes: &[String],
    pattern: Option<&Pattern>,
    today: Date,
    out: &mut Vec<Finding>,
) {
    let mismatch = || finding("form-type-mismatch");
    match kind {
        FieldKind::Text {
            min_length,
            max_length,
            latin,
            ..
        }
        | FieldKind::MultilineText {
            min_length,
            max_length,
            latin,
            ..
        } => {
            let Some(text) = value.as_text() else {
                return out.push(mismatch());
            };
            if matches!(kind, FieldKind::Text { .. }) && text.contains(['\n', '\r']) {
                out.push(finding("form-text-single-line"));
            }
            let len = text.trim().chars().count();
            if let Some(min) = *min_length {
                if len < min as usize {
                    out.push(with(finding("form-text-too-short"), "min", i64::from(min)));
                }
            }
            if let Some(max) = *max_length {
                if len > max as usize {
                    out.push(with(finding("form-text-too-long"), "max", i64::from(max)));
                }
            }
            if *latin {
                if let Some(c) = super::latin::first_outside_din91379_c(text) {
                    // An invisible character is named by its code point.
                    let shown = if c.is_control() || c.is_whitespace() {
                        format!("U+{:04X}", u32::from(c))
                    } else {
                        c.to_string()
                    };
                    out.push(with(finding("form-text-latin"), "char", shown));
                }
            }
            if let Some(pattern) = pattern {
                if !pattern.is_match(text.trim()) {
                    out.push(finding("form-text-pattern"));
                }
            }
        }
        FieldKind::Integer { min, max, .. } => {
            let Some(n) = value_num(value) else {
                return out.push(finding("form-number-invalid"));
            };
            let Some(n) = n.to_int() else {
                return out.push(finding("form-number-not-integer"));
            };
            if let Some(min) = *min {
                if n < min {
                    out.push(with(finding("form-number-too-small"), "min", min));
                }
            }
            if let Some(max) = *max {
                if n > max {
                    out.push(with(finding("form-number-too-large"), "max", max));
                }
            }
        }
        FieldKind::Decimal {
            min, max, scale, ..
        } => {
            let Some(n) = value_num(value) else {
                return out.push(finding("form-number-invalid"));
            };
            if let Some(scale) = *scale {
                if n.scale() > scale {
                    out.push(with(
                        finding("form-number-too-many-decimals"),
                        "scale",
                        i64::from(scale),
                    ));
                }
            }
            if let Some(min) = *min {
                if n < min {
                    out.push(with(
                        finding("form-number-too-small"),
                        "min",
                        min.to_string(),
                    ));
                }
            }
            if let Some(max) = *max {
                if n > max {
                    out.push(with(
                        finding("form-number-too-large"),
                        "max",
                        max.to_string(),
                    ));
                }
            }
        }
        FieldKind::Money {
            min_cents,
            max_cents,
        } => {
            let Some(cents) = value_cents(value) else {
                return out.push(finding("form-money-invalid"));
            };
            if let Some(min) = *min_cents {
                if cents < min {
                    out.push(with(
                        finding("form-money-too-small"),
                        "min",
                        Arg::Money { cents: min },
                    ));
                }
            }
            if let Some(max) = *max_cents {
                if cents > max {
                    out.push(with(
                        finding("form-money-too-large"),
                        "max",
                        Arg::Money { cents: max },
                    ));
                }
            }
        }
        FieldKind::Date { min, max } => {
            let Some(date) = value.as_text().and_then(Date::parse) else {
                return out.push(finding("form-date-invalid"));
            };
            check_date_bound(date, *min, today, true, out);
            check_date_bound(date, *max, today, false, out);
        }
        FieldKind::Time => text_format(value, is_time, "form-time-invalid", out),
        FieldKind::DateTime => text_format(value, is_datetime, "form-datetime-invalid", out),
        FieldKind::YesNo => {
            if !matches!(value, Value::Bool(_)) {
                out.push(mismatch());
            }
        }
        FieldKind::Choice {
            multiple: false, ..
        } => match value.as_text() {
            None => out.push(mismatch()),
            Some(code) if !codes.iter().any(|c| c == code) => {
                out.push(with(finding("form-choice-unknown"), "code", code));
            }
            Some(_) => {}
        },
        FieldKind::Choice {
            multiple: true,
            min_selected,
            max_selected,
            ..
        } => {
            let Some(items) = value.as_list() else {
                return out.push(mismatch());
            };
            let mut selected = 0_usize;
            for (i, item) in items.iter().enumerate() {
                match item.as_text() {
                    Some(code) if codes.iter().any(|c| c == code) => selected += 1,
                    Some(code) => out.push(at(
                        with(finding("form-choice-unknown"), "code", code),
                        i.to_string(),
                    )),
                    None => out.push(at(mismatch(), i.to_string())),
                }
            }
            if let Some(min) = *min_selected {
                if selected < min as usize {
                    out.push(with(finding("form-choice-too-few"), "min", i64::from(min)));
                }
            }
            if let Some(max) = *max_selected {
                if selected > max as usize {
                    out.push(with(finding("form-choice-too-many"), "max", i64::from(max)));
                }
            }
        }
        FieldKind::Email => text_format(value, is_email, "form-email-invalid", out),
        FieldKind::Phone => text_format(value, is_phone, "form-phone-invalid", out),
        FieldKind::PostalCode => {
            text_format(value, is_postal_code, "form-postal-code-invalid", out)
        }
        FieldKind::Municipality => text_format(value, is_ars, "form-municipality-invalid", out),
        FieldKind::Iban => match value.as_text() {
            None => out.push(mismatch()),
            Some(text) => match iban_check(text) {
                IbanCheck::Valid => {}
                IbanCheck::Malformed => out.push(finding("form-iban-invalid")),
                IbanCheck::Checksum => out.push(finding("form-iban-checksum")),
            },
        },
        FieldKind::Address => {
            let Some(record) = value.as_record() else {
                return out.push(mismatch());
            };
            check_address(record, out);
        }
        FieldKind::Attachment {
            accept,
            max_bytes,
            min_count,
            max_count,
        } => {
            let Some(files) = value.as_list() else {
                return out.push(mismatch());
            };
            for (i, file) in files.iter().enumerate() {
                let Some(file) = file.as_record() else {
                    out.push(at(mismatch(), i.to_string()));
                    continue;
                };
                let name = file
                    .get("name")
                    .and_then(Value::as_text)
                    .unwrap_or_default();
                let media_type = file
                    .get("media_type")
                    .and_then(Value::as_text)
                    .unwrap_or_default();
                if !accept.is_empty() && !accept.iter().any(|a| media_type_matches(a, media_type)) {
                    let f = with(finding("form-attachment-type"), "name", name);
                    out.push(at(with(f, "accepted", accept.join(", ")), i.to_string()));
                }
                let size = match file.get("size") {
                    Some(Value::Int(n)) => u64::try_from(*n).ok(),
                    _ => None,
                };
                match (size, *max_bytes) {
                    (None, _) => out.push(at(mismatch(), i.to_string())),
                    (Some(size), Some(max)) if size > max => {
                        let f = with(finding("form-attachment-too-large"), "name", name);
                        let max_mb = i64::try_from(max.div_ceil(1024 * 1024)).unwrap_or(i64::MAX);
                        out.push(at(with(f, "max_mb", max_mb), i.to_string()));
                    }
                    _ => {}
                }
            }
            if let Some(min) = *min_count {
                if files.len() < min as usize {
                    out.push(with(
                        finding("form-attachment-too-few"),
                        "min",
                        i64::from(min),
                    ));
                }
            }
            if let Some(max) = *max_count {
                if files.len() > max as usize {
                    out.push(with(
                        finding("form-attachment-too-many"),
                        "max",
                        i64::from(max),
                    ));
                }
            }
        }
        FieldKind::Info { .. } => {}
    }
}

fn check_date_bound(
    date: Date,
    bound: Option<DateBound>,
    today: Date,
    lower: bool,
    out: &mut Vec<Finding>,
) {
    let Some(bound) = bound else { return };
    let Some(limit) = bound.resolve(today) else {
        return;
    };
    let broken = if lower { date < limit } else { date > limit };
    if !broken {
        return;
    }
    out.push(match (lower, bound.is_today()) {
        (true, true) => finding("form-date-in-past"),
        (false, true) => finding("form-date-in-future"),
        (true, false) => with(
            finding("form-date-too-early"),
            "limit",
            Arg::Date {
                date: limit.to_string(),
            },
        ),
        (false, false) => with(
            finding("form-date-too-late"),
            "limit",
            Arg::Date {
                date: limit.to_string(),
            },
        ),
    });
}

fn text_format(value: &Value, ok: fn(&str) -> bool, message: &'static str, out: &mut Vec<Finding>) {
    match value.as_text() {
        None => out.push(finding("form-type-mismatch")),
        Some(text) if !ok(text.trim()) => out.push(finding(message)),
        Some(_) => {}
    }
}

/// The parts of an address answer; the first four are required.
pub const ADDRESS_PARTS: [&str; 6] = ["strasse", "hausnummer", "plz", "ort", "zusatz", "staat"];

fn check_address(record: &Record, out: &mut Vec<Finding>) {
    for part in ADDRESS_PARTS.iter().take(4) {
        if record.get(*part).is_none_or(Value::is_empty) {
            out.push(at(finding("form-field-required"), *part));
        }
    }
    for part in ADDRESS_PARTS {
        if let Some(value) = record.get(part) {
            if !value.is_empty() && value.as_text().is_none() {
                out.push(at(finding("form-type-mismatch"), part));
            }
        }
    }
    let country = record
        .get("staat")
        .and_then(Value::as_text)
        .map(str::trim)
        .unwrap_or("DE");
    let german = country.is_empty() || country.eq_ignore_ascii_case("DE");
    if let Some(plz) = record.get("plz").and_then(Value::as_text) {
        if german && !plz.trim().is_empty() && !is_postal_code(plz.trim()) {
            out.push(at(finding("form-postal-code-invalid"), "plz"));
        }
    }
}

fn media_type_matches(accepted: &str, actual: &str) -> bool {
    let actual = actual.trim().to_ascii_lowercase();
    let accepted = accepted.trim().to_ascii_lowercase();
    match accepted.strip_suffix("/*") {
        Some(prefix) => actual.split('/').next() == Some(prefix),
        None => accepted == actual,
    }
}

/// A plausible email address: `local@domain.tld`, no spaces, at most 254 characters.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
        && !local.contains('@')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A phone number: digits with spaces, `/`, `-`, `(`, `)`, an optional leading `+`; 5 to 20
/// digits.
pub fn is_phone(text: &str) -> bool {
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || " /-()".contains(c))
}

/// A German postal code: five digits, 01001 to 99998.
pub fn is_postal_code(text: &str) -> bool {
    text.len() == 5
        && text.bytes().all(|b| b.is_ascii_digit())
        && text
            .parse::<u32>()
            .is_ok_and(|n| (1001..=99998).contains(&n))
}

/// A time of day, `HH:MM` or `HH:MM:SS`.
pub fn is_time(text: &str) -> bool {
    let part = |range: std::ops::Range<usize>, max: u8| {
        text.get(range)
            .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u8>().ok())
            .is_some_and(|n| n <= max)
    };
    let bytes = text.as_bytes();
    match bytes.len() {
        5 => bytes.get(2) == Some(&b':') && part(0..2, 23) && part(3..5, 59),
        8 => {
            bytes.get(2) == Some(&b':')
                && bytes.get(5) == Some(&b':')
                && part(0..2, 23)
                && part(3..5, 59)
                && part(6..8, 59)
        }
        _ => false,
    }
}

/// A local date and time, `YYYY-MM-DDTHH:MM[:SS]`.
pub fn is_datetime(text: &str) -> bool {
    match text.split_once('T') {
        Some((date, time)) => Date::parse(date).is_some() && is_time(time),
        None => false,
    }
}

/// An Amtlicher Regionalschlüssel: 12 digits starting with a Land key 01 to 16.
pub fn is_ars(text: &str) -> bool {
    text.len() == 12
        && text.bytes().all(|b| b.is_ascii_digit())
        && text
            .get(..2)
            .and_then(|l| l.parse::<u8>().ok())
            .is_some_and(|l| (1..=16).contains(&l))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IbanCheck {
    Valid,
    /// Wrong characters or length for the country.
    Malformed,
    /// Well formed, but the ISO 7064 MOD 97-10 check digits do not match.
    Checksum,
}

/// Lengths of IBANs in the SEPA countries people in Thüringen meet most.
const IBAN_LENGTHS: [(&str, usize); 14] = [
    ("DE", 22),
    ("AT", 20),
    ("CH", 21),
    ("NL", 18),
    ("BE", 16),
    ("FR", 27),
    ("IT", 27),
    ("ES", 24),
    ("PL", 28),
    ("CZ", 24),
    ("LU", 20),
    ("DK", 18),
    ("GB", 22),
    ("LI", 21),
];

/// Checks an IBAN (spaces allowed, any case).
pub fn iban_check(text: &str) -> IbanCheck {
    let iban: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !(15..=34).contains(&iban.len()) || !iban.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return IbanCheck::Malformed;
    }
    let (Some(country), Some(check), Some(rest)) = (iban.get(..2), iban.get(2..4), iban.get(4..))
    else {
        return IbanCheck::Malformed;
    };
    if !country.bytes().all(|b| b.is_ascii_uppercase())
        || !check.bytes().all(|b| b.is_ascii_digit())
    {
        return IbanCheck::Malformed;
    }
    if let Some((_, len)) = IBAN_LENGTHS.iter().find(|(c, _)| *c == country) {
        if iban.len() != *len {
            return IbanCheck::Malformed;
        }
    }
    let mut remainder: u32 = 0;
    for b in rest.bytes().chain(country.bytes()).chain(check.bytes()) {
        let digit = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return IbanCheck::Malformed,
        };
        remainder = if digit >= 10 {
            (remainder * 100 + digit) % 97
        } else {
            (remainder * 10 + digit) % 97
        };
    }
    if remainder == 1 {
        IbanCheck::Valid
    } else {
        IbanCheck::Checksum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ok: fn(&str) -> bool, good: &[&str], bad: &[&str]) {
        for text in good {
            assert!(ok(text), "{text:?} must be accepted");
        }
        for text in bad {
            assert!(!ok(text), "{text:?} must be rejected");
        }
    }

    #[test]
    fn formats() {
        check(
            is_postal_code,
            &["99084", "07743", "01001"],
            &["9908", "990840", "00000", "99O84", ""],
        );
        check(
            is_ars,
            &["160510000000", "160650062062"],
            &["16051000", "170510000000", "00051000000a"],
        );
        check(
            is_email,
            &["buerger@erfurt.de", "a.b+c@thueringen.de"],
            &["a@b", "@erfurt.de", "a b@c.de", "a@.de", "a@b..de"],
        );
        check(
            is_phone,
            &["0361 655-0", "+49 361 6550", "(0361) 37 00"],
            &["12", "0361 abc", "++49 361"],
        );
    }

    #[test]
    fn iban() {
        let cases = [
            ("DE89 3704 0044 0532 0130 00", IbanCheck::Valid),
            ("de89370400440532013000", IbanCheck::Valid),
            ("GB82 WEST 1234 5698 7654 32", IbanCheck::Valid),
            ("DE88 3704 0044 0532 0130 00", IbanCheck::Checksum),
            ("DE89 3704 0044 0532 0130", IbanCheck::Malformed),
            ("DE89-3704-0044-0532-0130-00", IbanCheck::Malformed),
            ("", IbanCheck::Malformed),
        ];
        for (text, expected) in cases {
            assert_eq!(iban_check(text), expected, "IBAN {text:?}");
        }
    }
}
