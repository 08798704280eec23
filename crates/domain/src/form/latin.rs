//! DIN SPEC 91379 (String.Latin+ 1.2), Datentyp C: the characters FIM's Datentyp `text_latin`
//! allows. Datentyp C is every *normative* character of the specification: the Latin letters
//! (group `bll`, with the letters the specification lists as base letter + combining mark
//! sequences), the non-letters N1 to N4 (`bnlreq`, `bnl`, `bnlopt`, `bnlnot`: space,
//! apostrophes, hyphen, punctuation, digits, `€`, tab and line breaks) and the combining
//! diacritics (`dc`). Greek and Cyrillic letters are *extended* characters (Datentyp D and E)
//! and are refused here.
//!
//! The table below is the code points of those groups merged into ranges, taken from the
//! character list of String.Latin+ 1.2 as published (CC BY 4.0) in
//! <https://github.com/String-Latin/DIN-91379-Characters-and-Sequences>
//! (`DIN_SPEC_91379_Deprecated/latin_list_1.2.txt`). Every code point of the specification's
//! sequences is itself in Datentyp C, so checking character by character accepts every
//! sequence; it also accepts a combining mark after any allowed character, which the
//! specification does not list (a lenient reading, never a refusal of a valid name).

/// Inclusive ranges of the code points of Datentyp C, ascending.
const DATENTYP_C: &[(u32, u32)] = &[
    (0x0009, 0x000A),
    (0x000D, 0x000D),
    (0x0020, 0x007E),
    (0x00A0, 0x00AC),
    (0x00AE, 0x017E),
    (0x0187, 0x0188),
    (0x018F, 0x018F),
    (0x0197, 0x0197),
    (0x01A0, 0x01A1),
    (0x01AF, 0x01B0),
    (0x01B7, 0x01B7),
    (0x01CD, 0x01DC),
    (0x01DE, 0x01DF),
    (0x01E2, 0x01F0),
    (0x01F4, 0x01F5),
    (0x01F8, 0x01FF),
    (0x0212, 0x0213),
    (0x0218, 0x021B),
    (0x021E, 0x021F),
    (0x0227, 0x0233),
    (0x0259, 0x0259),
    (0x0268, 0x0268),
    (0x0292, 0x0292),
    (0x02B9, 0x02BA),
    (0x02BE, 0x02BF),
    (0x02C8, 0x02C8),
    (0x02CC, 0x02CC),
    (0x0300, 0x0302),
    (0x0304, 0x0304),
    (0x0306, 0x0308),
    (0x030B, 0x030C),
    (0x0310, 0x0310),
    (0x0315, 0x0315),
    (0x031B, 0x031B),
    (0x0323, 0x0323),
    (0x0325, 0x0328),
    (0x0331, 0x0331),
    (0x035F, 0x035F),
    (0x1E02, 0x1E03),
    (0x1E06, 0x1E07),
    (0x1E0A, 0x1E11),
    (0x1E1C, 0x1E2B),
    (0x1E2F, 0x1E37),
    (0x1E3A, 0x1E3B),
    (0x1E40, 0x1E49),
    (0x1E52, 0x1E5B),
    (0x1E5E, 0x1E63),
    (0x1E6A, 0x1E6F),
    (0x1E80, 0x1E87),
    (0x1E8C, 0x1E97),
    (0x1E9E, 0x1E9E),
    (0x1EA0, 0x1EF9),
    (0x2019, 0x2019),
    (0x2021, 0x2021),
    (0x20AC, 0x20AC),
];

/// Is this character in DIN SPEC 91379 Datentyp C?
pub fn is_din91379_c(c: char) -> bool {
    let c = u32::from(c);
    DATENTYP_C
        .binary_search_by(|&(low, high)| {
            if high < c {
                std::cmp::Ordering::Less
            } else if low > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The first character of `text` outside Datentyp C, for the message that names it.
pub fn first_outside_din91379_c(text: &str) -> Option<char> {
    text.chars().find(|c| !is_din91379_c(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_disjoint() {
        for pair in DATENTYP_C.windows(2) {
            assert!(
                pair[0].1 < pair[1].0 && pair[0].0 <= pair[0].1,
                "{pair:x?} ascending, disjoint"
            );
        }
    }

    #[test]
    fn names_from_across_europe_are_accepted() {
        for name in [
            "Müller-Lüdenscheidt",
            "O'Brien",
            "Nœl Schmidt-Strauß",
            "Łukasz Żółć",
            "Ștefan Țurcanu",
            "Đorđe Čolić",
            "Ørsted, Søren",
            "Björk Guðmundsdóttir",
            "L\u{0302}e",
            "Nguyễn Văn Thủy",
            "ẞ",
            "Karl-Bröger-Straße 17 – nein: -",
        ] {
            let name = name.replace('–', "-");
            assert_eq!(
                first_outside_din91379_c(&name),
                None,
                "{name} is Datentyp C"
            );
        }
    }

    #[test]
    fn other_scripts_emoji_and_controls_are_refused() {
        for (text, bad) in [
            ("Αθηνά", 'Α'),
            ("Иван", 'И'),
            ("李", '李'),
            ("Anna 😀", '😀'),
            ("a\u{0000}b", '\u{0000}'),
            ("soft\u{00AD}hyphen", '\u{00AD}'),
            ("“quoted”", '“'),
        ] {
            assert_eq!(first_outside_din91379_c(text), Some(bad), "{text:?}");
        }
    }
}
