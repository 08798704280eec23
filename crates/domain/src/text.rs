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
