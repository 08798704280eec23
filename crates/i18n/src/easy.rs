//! What a machine can check of Leichte Sprache (the rules of the Netzwerk Leichte Sprache):
//! short sentences, no abbreviations, no genitive, no Konjunktiv, no stiff connectives, and long
//! compounds split with a middle dot (Bewohner·park·ausweis). The rest (one statement per
//! sentence, hard words explained) needs a person; this catches what slips back in when a text
//! is edited. Used by the tests of every Leichte Sprache text: the UI's Fluent files, the
//! featured services, the life situations and the forms.

/// At most this many words in a sentence.
pub const MAX_WORDS: usize = 15;
/// A word of more letters than this is split with `·` or `-`.
pub const MAX_UNSPLIT_LETTERS: usize = 14;

/// Abbreviations Leichte Sprache writes out.
const ABBREVIATIONS: &[&str] = &[
    "z. B.", "z.B.", "bzw.", "ggf.", "usw.", "etc.", "d. h.", "d.h.", "u. a.", "u.a.", "evtl.",
    "inkl.", "ca.", "vgl.", "gem.",
];

/// Words that mark a genitive.
const GENITIVE: &[&str] = &[
    "des", "eines", "meines", "deines", "Ihres", "seines", "ihres", "unseres", "wessen", "dessen",
    "deren",
];

/// Konjunktiv forms.
const KONJUNKTIV: &[&str] = &[
    "würde", "würden", "würdest", "hätte", "hätten", "wäre", "wären", "könnte", "könnten",
    "müsste", "müssten", "sollte", "sollten", "dürfte", "dürften",
];

/// Connectives of official German that Leichte Sprache says plainly.
const HARD_CONNECTIVES: &[&str] = &[
    "sowie",
    "bezüglich",
    "hinsichtlich",
    "gemäß",
    "zwecks",
    "seitens",
    "mittels",
    "aufgrund",
    "infolge",
    "sofern",
    "soweit",
    "wobei",
    "wodurch",
    "weshalb",
    "jedoch",
    "dennoch",
    "sodass",
];

/// One rule a text breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EasyProblem {
    LongSentence { words: usize, sentence: String },
    UnsplitWord(String),
    Abbreviation(&'static str),
    Semicolon,
    Genitive(&'static str),
    Konjunktiv(&'static str),
    HardConnective(&'static str),
}

/// Every rule `text` breaks. Fluent placeables (`{ $name }`) count as one word.
pub fn problems(text: &str) -> Vec<EasyProblem> {
    let text = without_placeables(text);
    let mut out = Vec::new();
    for sentence in sentences(&text) {
        let words: Vec<&str> = words(sentence).collect();
        if words.len() > MAX_WORDS {
            out.push(EasyProblem::LongSentence {
                words: words.len(),
                sentence: sentence.to_owned(),
            });
        }
        for word in words {
            let letters = word.chars().filter(|c| c.is_alphanumeric()).count();
            let exempt = word
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '.' | '·' | '-'));
            if letters > MAX_UNSPLIT_LETTERS && !exempt {
                out.push(EasyProblem::UnsplitWord(word.to_owned()));
            }
        }
    }
    for abbreviation in ABBREVIATIONS {
        let starts_a_word = text.match_indices(abbreviation).any(|(at, _)| {
            !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        });
        if starts_a_word {
            out.push(EasyProblem::Abbreviation(abbreviation));
        }
    }
    if text.contains(';') {
        out.push(EasyProblem::Semicolon);
    }
    let bare: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let listed = |list: &'static [&'static str]| {
        list.iter()
            .copied()
            .filter(|w| bare.contains(w))
            .collect::<Vec<_>>()
    };
    out.extend(listed(GENITIVE).into_iter().map(EasyProblem::Genitive));
    out.extend(listed(KONJUNKTIV).into_iter().map(EasyProblem::Konjunktiv));
    out.extend(
        listed(HARD_CONNECTIVES)
            .into_iter()
            .map(EasyProblem::HardConnective),
    );
    out
}

fn without_placeables(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    out.push('X');
                }
                depth += 1;
            }
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Sentences end at `.`, `!`, `?` or `:` before white space, and at line breaks.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut cuts = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        let after_end = matches!(previous, Some('.' | '!' | '?' | ':'));
        if c == '\n' || (c.is_whitespace() && after_end) {
            cuts.push(at);
        }
        previous = Some(c);
    }
    let mut start = 0;
    let mut pieces = Vec::new();
    for cut in cuts {
        pieces.push(&text[start..cut]);
        start = cut;
    }
    pieces.push(&text[start..]);
    pieces.into_iter().map(str::trim).filter(|s| !s.is_empty())
}

fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easy_text_passes() {
        let text =
            "Sie brauchen den Fahrzeug·schein. Das ist die Zulassungs·bescheinigung Teil 1. \
                    Die Gebühr ist { $amount }.";
        assert_eq!(problems(text), vec![]);
    }

    #[test]
    fn each_rule_is_caught() {
        let long = "Sie können den Antrag hier in der App stellen und ihn dann später mit allen \
                    Unterlagen senden.";
        assert!(matches!(
            problems(long).as_slice(),
            [EasyProblem::LongSentence { words: 17, .. }]
        ));
        assert_eq!(
            problems("Bringen Sie den Bewohnerparkausweis mit."),
            vec![EasyProblem::UnsplitWord("Bewohnerparkausweis".into())]
        );
        assert_eq!(
            problems("Zum Beispiel Hunde, Katzen usw. mitbringen."),
            vec![EasyProblem::Abbreviation("usw.")]
        );
        assert_eq!(
            problems("Die Adresse des Betriebs."),
            vec![EasyProblem::Genitive("des")]
        );
        assert_eq!(
            problems("Das würde gehen."),
            vec![EasyProblem::Konjunktiv("würde")]
        );
        assert_eq!(
            problems("Name sowie Adresse."),
            vec![EasyProblem::HardConnective("sowie")]
        );
        assert_eq!(
            problems("Erst das; dann das."),
            vec![EasyProblem::Semicolon]
        );
        // Not an abbreviation inside a word, not a genitive inside a word.
        assert_eq!(problems("Sie wohnen in Amerika. Desto besser."), vec![]);
        // A placeable is one word, whatever it holds.
        assert_eq!(problems("{ $place } des { $name }").len(), 1);
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        let text = "Eins zwei. Drei vier!\nFünf: sechs";
        let all: Vec<&str> = sentences(text).collect();
        assert_eq!(all, vec!["Eins zwei.", "Drei vier!", "Fünf:", "sechs"]);
        // A date's points are no ends of sentences.
        assert_eq!(sentences("Ab 1.9.2025 gilt das.").count(), 1);
    }
}
