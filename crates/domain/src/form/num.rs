//! Exact decimal numbers for rules and decimal fields: a fixed-point value with six decimals
//! in an `i128`. All arithmetic is checked; it never panics and never rounds differently on
//! different machines (no floats in rule evaluation).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A decimal with six fractional digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Num(i128);

const SCALE: i128 = 1_000_000;
/// Keeps values far from `i128` limits so that one multiplication cannot overflow silently.
const LIMIT: i128 = 1_000_000_000_000_000_000_000_000; // 10^24 units = 10^18 whole

impl Num {
    pub const ZERO: Num = Num(0);

    fn checked(raw: i128) -> Option<Num> {
        (-LIMIT..=LIMIT).contains(&raw).then_some(Num(raw))
    }

    pub fn from_int(n: i64) -> Num {
        Num(i128::from(n) * SCALE)
    }

    /// Cents to euros: 3070 → 30.70.
    pub fn from_cents(cents: i64) -> Num {
        Num(i128::from(cents) * (SCALE / 100))
    }

    /// Euros to whole cents, rounded half away from zero.
    pub fn to_cents(self) -> Option<i64> {
        let unit = SCALE / 100;
        let rounded = if self.0 >= 0 {
            (self.0 + unit / 2) / unit
        } else {
            (self.0 - unit / 2) / unit
        };
        i64::try_from(rounded).ok()
    }

    /// The whole number, if there are no fractional digits.
    pub fn to_int(self) -> Option<i64> {
        if self.0 % SCALE != 0 {
            return None;
        }
        i64::try_from(self.0 / SCALE).ok()
    }

    /// Converts a JSON float; `None` for NaN, infinities and huge values.
    pub fn from_f64(f: f64) -> Option<Num> {
        if !f.is_finite() || f.abs() > 1e17 {
            return None;
        }
        // Round to the scale through the decimal representation to avoid binary noise.
        Num::parse(&format!("{f:.6}"))
    }

    /// Parses `12`, `-3.5`, `12,50` (German comma). No exponents, no thousands separators.
    pub fn parse(text: &str) -> Option<Num> {
        let text = text.trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, fraction) = match digits.find([',', '.']) {
            Some(at) => (digits.get(..at)?, digits.get(at + 1..)?),
            None => (digits, ""),
        };
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        if whole.len() > 18 || fraction.len() > 6 {
            return None;
        }
        if !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole: i128 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let mut frac: i128 = 0;
        let mut factor = SCALE;
        for b in fraction.bytes() {
            factor /= 10;
            frac += i128::from(b - b'0') * factor;
        }
        let raw = whole * SCALE + frac;
        Num::checked(if negative { -raw } else { raw })
    }

    /// Digits after the separator, ignoring trailing zeros.
    pub fn scale(self) -> u8 {
        let mut rest = (self.0 % SCALE).abs();
        if rest == 0 {
            return 0;
        }
        let mut digits = 6;
        while rest % 10 == 0 {
            rest /= 10;
            digits -= 1;
        }
        digits
    }

    pub fn checked_add(self, other: Num) -> Option<Num> {
        Num::checked(self.0.checked_add(other.0)?)
    }
    pub fn checked_sub(self, other: Num) -> Option<Num> {
        Num::checked(self.0.checked_sub(other.0)?)
    }
    pub fn checked_mul(self, other: Num) -> Option<Num> {
        Num::checked(self.0.checked_mul(other.0)? / SCALE)
    }
    pub fn checked_div(self, other: Num) -> Option<Num> {
        if other.0 == 0 {
            return None;
        }
        Num::checked(self.0.checked_mul(SCALE)?.checked_div(other.0)?)
    }
    pub fn checked_neg(self) -> Option<Num> {
        Num::checked(self.0.checked_neg()?)
    }

    /// Rounds half away from zero to `digits` decimals (0..=6).
    pub fn round(self, digits: u8) -> Num {
        let digits = u32::from(digits.min(6));
        let unit = 10_i128.pow(6 - digits);
        let half = unit / 2;
        let raw = if self.0 >= 0 {
            (self.0 + half) / unit * unit
        } else {
            (self.0 - half) / unit * unit
        };
        Num(raw)
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.abs();
        let whole = abs / SCALE;
        let frac = abs % SCALE;
        if frac == 0 {
            return write!(f, "{sign}{whole}");
        }
        let frac = format!("{frac:06}");
        write!(f, "{sign}{whole}.{}", frac.trim_end_matches('0'))
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Float(f64),
            Text(String),
        }
        let parsed = match Raw::deserialize(d)? {
            Raw::Int(n) => Some(Num::from_int(n)),
            Raw::Float(f) => Num::from_f64(f),
            Raw::Text(text) => Num::parse(&text),
        };
        parsed.ok_or_else(|| serde::de::Error::custom("not a decimal number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_display_and_arithmetic() {
        let n = |t: &str| Num::parse(t).unwrap_or_else(|| panic!("{t} must parse"));
        for (text, shown) in [
            ("12", "12"),
            ("12,50", "12.5"),
            ("-0.25", "-0.25"),
            (".5", "0.5"),
            ("+3", "3"),
        ] {
            assert_eq!(n(text).to_string(), shown, "{text} displays as {shown}");
        }
        for bad in ["", "-", "1e5", "1.2.3", "1 000", "0.1234567", "abc"] {
            assert_eq!(Num::parse(bad), None, "{bad} is not a number");
        }
        assert_eq!(
            n("0.1").checked_add(n("0.2")),
            Some(n("0.3")),
            "exact decimal sum"
        );
        assert_eq!(
            n("30.70").checked_mul(n("3")),
            Some(n("92.1")),
            "fee times count"
        );
        assert_eq!(
            n("1").checked_div(n("3")).map(|x| x.round(2)),
            Some(n("0.33")),
            "rounded division"
        );
        assert_eq!(
            n("1").checked_div(Num::ZERO),
            None,
            "division by zero is None"
        );
        assert_eq!(n("30.7").to_cents(), Some(3070), "euros to cents");
        assert_eq!(n("12.340").scale(), 2, "scale ignores trailing zeros");
        let big = n("999999999999999999");
        assert_eq!(big.checked_mul(big), None, "overflow is None, not a panic");
    }
}
