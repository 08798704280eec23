//! Numbers, money and dates as each of the app's languages writes them, and the tolerant
//! reading of what a person types back.
//!
//! The conventions are CLDR's for the language in Germany's context: German, Ukrainian,
//! Russian and Turkish write a decimal comma, English and Arabic a decimal point; digits are
//! always the Western ones (0-9), because amounts and dates on German documents are written so
//! (CLDR's `ar` would use Arabic-Indic digits, which would not match the person's Bescheid).
//! A small table rather than ICU4X: seven languages, two kinds of value, the same result in the
//! UI (wasm), the shell and the server, and no locale data in the UI's download (#20).
//!
//! Plural rules are Fluent's; dates with a time of day are formatted by the webview's `Intl`.

use crate::catalog::Language;
use crate::form::Date;

/// How a language writes numbers and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Conventions {
    decimal: char,
    /// Between groups of three digits (a no-break space where CLDR has one).
    group: char,
    /// `€100.00` rather than `100,00 €`.
    currency_first: bool,
    /// Between day, month and year (always day, month, year; never a US month first).
    date_separator: char,
}

fn conventions(language: Language) -> Conventions {
    match language {
        Language::De | Language::DeLs => Conventions {
            decimal: ',',
            group: '.',
            currency_first: false,
            date_separator: '.',
        },
        Language::En => Conventions {
            decimal: '.',
            group: ',',
            currency_first: true,
            date_separator: '/',
        },
        Language::Uk | Language::Ru => Conventions {
            decimal: ',',
            group: '\u{a0}',
            currency_first: false,
            date_separator: '.',
        },
        Language::Tr => Conventions {
            decimal: ',',
            group: '.',
            currency_first: true,
            date_separator: '.',
        },
        Language::Ar => Conventions {
            decimal: '.',
            group: ',',
            currency_first: false,
            date_separator: '/',
        },
    }
}

/// The locale to hand to the webview's `Intl` (times of day): the language's tag, with Western
/// digits asked for in Arabic as everywhere in this module.
pub fn intl_locale(language: Language) -> &'static str {
    match language {
        Language::Ar => "ar-u-nu-latn",
        other => other.tag(),
    }
}

/// A whole number with the language's group separator: `4.813`, `4,813`, `4 813`.
pub fn integer(n: i64, language: Language) -> String {
    let digits = n.unsigned_abs().to_string();
    let group = conventions(language).group;
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
    out
}

/// An amount of cents without the currency sign, as it stands in an input beside a `€`:
/// `1.234,56` (German), `1,234.56` (English).
pub fn amount(cents: i64, language: Language) -> String {
    let c = conventions(language);
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let whole = integer(i64::try_from(abs / 100).unwrap_or(i64::MAX), language);
    format!("{sign}{whole}{}{:02}", c.decimal, abs % 100)
}

/// An amount in euros: `100,00 €` (German), `€100.00` (English), `€100,00` (Turkish),
/// `100,00 Euro` (Leichte Sprache writes signs out).
pub fn money(cents: i64, language: Language) -> String {
    let amount = amount(cents, language);
    if language == Language::DeLs {
        format!("{amount}\u{a0}Euro")
    } else if conventions(language).currency_first {
        match amount.strip_prefix('-') {
            Some(rest) => format!("-€{rest}"),
            None => format!("€{amount}"),
        }
    } else {
        format!("{amount}\u{a0}€")
    }
}

/// A calendar date, numeric, day first: `01.12.2026`, `01/12/2026`.
pub fn date(date: Date, language: Language) -> String {
    let s = conventions(language).date_separator;
    format!(
        "{:02}{s}{:02}{s}{:04}",
        date.day(),
        date.month(),
        date.year()
    )
}

/// An instant as a person in Berlin reads it, date and time: `06.12.2026, 00:30` (the
/// UI's webview writes it with `Intl`; the printout on the device with this).
pub fn date_time(instant: crate::calendar::UnixMillis, language: Language) -> String {
    match crate::calendar::citizen_time(instant) {
        Some((day, hour, minute)) => format!("{}, {hour:02}:{minute:02}", date(day, language)),
        None => instant.to_string(),
    }
}

/// What a person typed as a date: `1.12.2026`, `01/12/2026` or `2026-12-01`, in any of the
/// app's languages (the order is always day, month, year, so nothing is ambiguous).
pub fn parse_date(text: &str) -> Option<Date> {
    let trimmed = text.trim();
    if let Some(date) = Date::parse(trimmed) {
        return Some(date);
    }
    let parts: Vec<&str> = trimmed.split(['.', '/']).map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let (day, month, year) = (
        day.parse::<u8>().ok()?,
        month.parse::<u8>().ok()?,
        year.parse::<i32>().ok()?,
    );
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Date::new(year, month, day)
}

/// What a person typed as an amount in euros, in cents: `12`, `12,5`, `12.50`, `1.234,56`,
/// `1,234.56`, `1 234,56 €`, `€ 12`. A single separator followed by one or two digits is the
/// decimal one in every language; followed by three digits it is read as the language writes
/// it (`1.234` is 1234 € in German, `1,234` is 1234 € in English). `None` for anything else,
/// more than two decimals included (the form engine then says it is not an amount).
pub fn parse_money(text: &str, language: Language) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .trim()
        .trim_end_matches("EUR")
        .trim_end_matches("Euro")
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let decimal = decimal_separator(digits, language);
    let (whole, fraction) = match decimal {
        Some(sep) => digits.rsplit_once(sep)?,
        None => (digits, ""),
    };
    let mut groups = whole.split(['.', ',']);
    let first = groups.next().unwrap_or_default();
    let grouped_by_threes = groups.all(|g| g.len() == 3);
    if first.is_empty() || (whole.len() > first.len() && (first.len() > 3 || !grouped_by_threes)) {
        return None;
    }
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    if whole.is_empty() || fraction.len() > 2 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let euros: i64 = whole.parse().ok()?;
    let cents = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse::<i64>().ok()?,
    };
    let total = euros.checked_mul(100)?.checked_add(cents)?;
    Some(if negative { -total } else { total })
}

/// Which separator in `digits` (only digits, `.` and `,`) is the decimal one, if any.
fn decimal_separator(digits: &str, language: Language) -> Option<char> {
    let last = digits.rfind(['.', ','])?;
    let sep = digits[last..].chars().next()?;
    let both = digits.contains('.') && digits.contains(',');
    if both {
        return Some(sep); // the last one: `1.234,56`, `1,234.56`
    }
    if digits.matches(sep).count() > 1 {
        return None; // only groups: `1.234.567`
    }
    let after = digits.len() - last - 1;
    if after == 3 {
        // `1.234` / `1,234`: a group where the language groups with this sign.
        return (conventions(language).group != sep).then_some(sep);
    }
    Some(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn money_is_written_as_each_language_writes_it() {
        let cases = [
            (Language::De, "1.234,56\u{a0}€"),
            (Language::DeLs, "1.234,56\u{a0}Euro"),
            (Language::En, "€1,234.56"),
            (Language::Uk, "1\u{a0}234,56\u{a0}€"),
            (Language::Ru, "1\u{a0}234,56\u{a0}€"),
            (Language::Tr, "€1.234,56"),
            (Language::Ar, "1,234.56\u{a0}€"),
        ];
        for (language, expected) in cases {
            assert_eq!(money(123_456, language), expected, "{language:?}");
        }
        assert_eq!(money(10_000, Language::De), "100,00\u{a0}€");
        assert_eq!(money(5, Language::En), "€0.05");
        assert_eq!(money(-3070, Language::En), "-€30.70");
        assert_eq!(money(-3070, Language::De), "-30,70\u{a0}€");
    }

    #[test]
    fn integers_are_grouped_by_threes() {
        assert_eq!(integer(4813, Language::De), "4.813");
        assert_eq!(integer(4813, Language::En), "4,813");
        assert_eq!(integer(4813, Language::Uk), "4\u{a0}813");
        assert_eq!(integer(999, Language::De), "999");
        assert_eq!(integer(1_000_000, Language::Tr), "1.000.000");
        assert_eq!(integer(-12_345, Language::En), "-12,345");
        assert_eq!(integer(0, Language::Ar), "0");
    }

    #[test]
    fn dates_are_day_first_in_every_language() {
        let d = day("2026-12-01");
        assert_eq!(date(d, Language::De), "01.12.2026");
        assert_eq!(date(d, Language::En), "01/12/2026");
        assert_eq!(date(d, Language::Ar), "01/12/2026");
        assert_eq!(date(d, Language::Ru), "01.12.2026");
        for language in Language::EVERY {
            assert_eq!(parse_date(&date(d, language)), Some(d), "{language:?}");
        }
    }

    #[test]
    fn typed_dates_are_read_in_any_of_the_written_forms() {
        let d = day("2026-12-01");
        for typed in [
            "1.12.2026",
            "01.12.2026",
            " 1/12/2026 ",
            "2026-12-01",
            "01. 12. 2026",
        ] {
            assert_eq!(parse_date(typed), Some(d), "{typed}");
        }
        for bad in [
            "",
            "12/2026",
            "31.02.2026",
            "1.12.26",
            "1.12.2026.1",
            "a.b.c",
            "2026-13-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn typed_amounts_are_read_in_every_language() {
        let every = |typed: &str, cents: Option<i64>| {
            for language in Language::EVERY {
                assert_eq!(
                    parse_money(typed, language),
                    cents,
                    "{typed} in {language:?}"
                );
            }
        };
        every("12", Some(1200));
        every("12,5", Some(1250));
        every("12.50", Some(1250));
        every("12,50 €", Some(1250));
        every("€ 12.50", Some(1250));
        every("1.234,56", Some(123_456));
        every("1,234.56", Some(123_456));
        every("1 234,56", Some(123_456));
        every("1\u{a0}234,56\u{a0}€", Some(123_456));
        every("1.234.567", Some(123_456_700));
        every("-5", Some(-500));
        every("", None);
        every("12,345.6.7", None);
        every("zwölf", None);
        every("1,2,3,4", None);
        every("12.34.567", None);
        // Three digits after a single sign: the language decides.
        assert_eq!(parse_money("1.234", Language::De), Some(123_400));
        assert_eq!(parse_money("1.234", Language::En), None);
        assert_eq!(parse_money("1,234", Language::En), Some(123_400));
        assert_eq!(parse_money("1,234", Language::De), None);
        // Whatever the language writes, it reads back.
        for language in Language::EVERY {
            for cents in [0, 5, 1250, 123_456, 100_000_000] {
                assert_eq!(
                    parse_money(&money(cents, language), language),
                    Some(cents),
                    "{language:?}"
                );
                assert_eq!(
                    parse_money(&amount(cents, language), language),
                    Some(cents),
                    "{language:?}"
                );
            }
        }
    }
}
