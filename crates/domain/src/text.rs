//! Text folding for search: how a person types is not how the catalog spells.
//!
//! `fold` lowercases, maps umlauts and their transcriptions to one form (`ü`, `ue` → `u`),
//! `ß` → `ss`, drops other accents and turns punctuation into spaces. Query and catalog are
//! folded the same way, so "Ummeldüng", "UMMELDUNG" and "ummeldung" are one word, and "strasse"
//! finds "Straße". Pure and allocation-light; never fails.

/// Folds a text for comparison. The result is ASCII-ish lowercase words separated by one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' => "a",
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
            'ü' | 'ù' | 'ú' | 'û' => "u",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'ç' => "c",
            'ñ' => "n",
            'ß' | 'ẞ' => "ss",
            // Turkish letters as people type them without a Turkish keyboard.
            'ı' => "i",
            'ş' => "s",
            'ğ' => "g",
            // Russian ё is written е in most texts.
            'ё' => "е",
            // Arabic: the forms of alif, tā' marbūṭa and alif maqṣūra that searches treat as one.
            'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
            'ة' => "ه",
            'ى' => "ي",
            // Combining marks (the dot of a lower-cased Turkish İ, Arabic vowel signs, the
            // tatweel) are part of the letter before them: dropped, never a word break.
            '\u{300}'..='\u{36f}' | '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{640}' => continue,
            c if c.is_alphanumeric() => {
                out.push(c);
                last_space = false;
                continue;
            }
            _ => {
                if !last_space {
                    out.push(' ');
                    last_space = true;
                }
                continue;
            }
        };
        out.push_str(mapped);
        last_space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    // Transcribed umlauts: "ae"/"oe"/"ue" → the base vowel, on both sides of every comparison.
    // A word like "Feuer" folds to "feur"; that is fine because the query folds the same way.
    out.replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

#[cfg(test)]
mod tests {
    use super::fold;

    fn check(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "fold({input:?})");
    }

    #[test]
    fn folds_the_letters_of_every_language_as_people_type_them() {
        check("İkamet", "ikamet");
        check("Köpek vergisi ŞUBE", "kopek vergisi sube");
        check("Ağaç", "agac");
        check("Налог на собак", "налог на собак");
        check("Объём", "объем");
        check("ضريبة الكلاب", "ضريبه الكلاب");
        check("إقامة", "اقامه");
        check("مَكْتَب", "مكتب");
    }

    #[test]
    fn folds_case_umlauts_and_sharp_s() {
        check("Ummeldung", "ummeldung");
        check("Ummeldüng", "ummeldung");
        check("UMMELDUNG", "ummeldung");
        check("Straße", "strasse");
        check("Müller", "muller");
        check("Mueller", "muller");
        check("Gewerbe-Anmeldung (Erst)", "gewerbe anmeldung erst");
        check("  Kfz   Zulassung ", "kfz zulassung");
        check("", "");
    }
}
