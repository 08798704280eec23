//! Search over the service catalog as the person types.
//!
//! Forgiving by design: case, umlauts and their transcriptions, `ß`/`ss` (see [`crate::text`]),
//! word order and small typos (one edit in words of five letters or more) do not stop a match.
//! Every word of the query must match some word of the service. Results are ranked: a match in
//! the name beats one in the keywords, which beats one in the bundle, topic or law; a whole word
//! beats a prefix, which beats a substring, which beats a typo. Featured services (the ones most
//! people come for) get a boost worth more than the gap between a keyword and a name match, so
//! "Ummeldung" puts moving house before "Kraftfahrzeug Ummeldung"; a query that names the other
//! service fully ("kfz ummeldung") still finds it first, because every word must match. A query
//! that is exactly a service's name or one of its keywords gets a bonus over one that is only a
//! word inside them.
//! The index is built once per catalog; a query is a linear scan, fast enough for 10,000
//! services on every keystroke in wasm.

use crate::catalog::{Catalog, Language};
use crate::text::fold;

/// Added to a featured service's score: more than a name match beats a keyword match by (160).
const FEATURED_BOOST: u32 = 200;

/// Added when the whole query is exactly the service's name, or exactly one of its keywords:
/// "Ummeldung" is a keyword of moving house, only a word in "Ummeldung Auto".
const NAME_PHRASE_BONUS: u32 = 100;
const KEYWORD_PHRASE_BONUS: u32 = 50;

/// Folded search text of one service.
#[derive(Debug, Clone)]
struct Entry {
    /// The whole folded name(s) and keywords, for the exact-phrase bonus.
    phrases: Vec<(String, u32)>,
    name: Vec<String>,
    keywords: Vec<String>,
    other: Vec<String>,
    featured: bool,
    life_situation: Option<String>,
}

/// A prepared index of a catalog's services for one language.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// One search hit: the position of the service in `Catalog::services` and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
}

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether `query` has no word to search for (empty, or only spaces and punctuation): then
/// [`browse`] gives the hits, and no index is needed.
pub fn is_blank(query: &str) -> bool {
    words(query).is_empty()
}

/// What a blank query lists, without an index: every service of the life situation (or all),
/// featured first, in catalog order; the same hits as [`SearchIndex::search`] with a blank
/// query. The start page shows this list, so it does not wait for the index (#20).
pub fn browse(catalog: &Catalog, life_situation: Option<&str>) -> Vec<Hit> {
    let mut hits: Vec<Hit> = catalog
        .services
        .iter()
        .enumerate()
        .filter(|(_, s)| life_situation.is_none_or(|ls| s.life_situation.as_deref() == Some(ls)))
        .map(|(index, service)| Hit {
            index,
            score: if service.featured { FEATURED_BOOST } else { 0 },
        })
        .collect();
    // Stable sort keeps catalog order among equals, as in `search`.
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    hits
}

impl SearchIndex {
    /// Indexes every service by its name in `language` and in German (people search in both).
    pub fn new(catalog: &Catalog, language: Language) -> SearchIndex {
        let entries = catalog
            .services
            .iter()
            .map(|service| {
                let mut phrases = vec![(fold(service.name.get(language)), NAME_PHRASE_BONUS)];
                phrases.push((fold(&service.name.de), NAME_PHRASE_BONUS));
                phrases.extend(
                    service
                        .keywords
                        .iter()
                        .map(|k| (fold(k), KEYWORD_PHRASE_BONUS)),
                );
                let mut name = words(service.name.get(language));
                if language != Language::De {
                    name.extend(words(&service.name.de));
                }
                let mut keywords: Vec<String> =
                    service.keywords.iter().flat_map(|k| words(k)).collect();
                if let Some(summary) = &service.summary {
                    keywords.extend(words(summary.get(language)));
                }
                let mut other = Vec::new();
                for text in [&service.ozg_bundle, &service.topic, &service.law]
                    .into_iter()
                    .flatten()
                {
                    other.extend(words(text));
                }
                other.push(service.leika_key.clone());
                Entry {
                    phrases,
                    name,
                    keywords,
                    other,
                    featured: service.featured,
                    life_situation: service.life_situation.clone(),
                }
            })
            .collect();
        SearchIndex { entries }
    }

    /// The services matching `query`, best first. An empty query lists every service of the
    /// life situation (or all), featured first, in catalog order.
    pub fn search(&self, query: &str, life_situation: Option<&str>) -> Vec<Hit> {
        let terms = words(query);
        let phrase = terms.join(" ");
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                life_situation.is_none_or(|ls| e.life_situation.as_deref() == Some(ls))
            })
            .filter_map(|(index, entry)| {
                let mut score = if entry.featured { FEATURED_BOOST } else { 0 };
                for term in &terms {
                    score += score_term(entry, term)?;
                }
                if !phrase.is_empty() {
                    score += entry
                        .phrases
                        .iter()
                        .filter(|(p, _)| *p == phrase)
                        .map(|(_, b)| *b)
                        .max()
                        .unwrap_or(0);
                }
                Some(Hit { index, score })
            })
            .collect();
        // Stable sort keeps catalog order among equals.
        hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
        hits
    }
}

/// The best score of one query word against an entry, or `None` if it matches nowhere.
fn score_term(entry: &Entry, term: &str) -> Option<u32> {
    [
        (&entry.name, 100u32),
        (&entry.keywords, 60),
        (&entry.other, 30),
    ]
    .into_iter()
    .filter_map(|(words, weight)| {
        words
            .iter()
            .filter_map(|w| word_match(w, term))
            .max()
            .map(|quality| weight * quality)
    })
    .max()
}

/// How well a query word matches a catalog word: 4 whole, 3 prefix, 2 inside, 1 one typo.
fn word_match(word: &str, term: &str) -> Option<u32> {
    if word == term {
        Some(4)
    } else if word.starts_with(term) {
        Some(3)
    } else if term.len() >= 3 && word.contains(term) {
        Some(2)
    } else if term.chars().count() >= 5 && within_one_edit(word, term) {
        Some(1)
    } else {
        None
    }
}

/// True when `term` is one edit (insert, delete, substitute, swap) away from `word` or from a
/// prefix of `word` of about the same length (so "anmeldnug" finds "anmeldung").
fn within_one_edit(word: &str, term: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    let t: Vec<char> = term.chars().collect();
    let lens = [t.len().saturating_sub(1), t.len(), t.len() + 1];
    lens.iter()
        .filter(|&&len| len > 0 && len <= w.len())
        .any(|&len| strsim_osa(&w[..len], &t) <= 1)
}

/// Optimal string alignment distance (Damerau-Levenshtein without repeated edits).
fn strsim_osa(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 1 {
        return 2;
    }
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Localized, ResponsibleLevel, Service};

    fn service(key: &str, de: &str, en: &str, keywords: &[&str]) -> Service {
        Service {
            leika_key: key.into(),
            name: Localized::new(de, en),
            life_situation: Some("wohnen-umzug".into()),
            topic: None,
            ozg_bundle: None,
            law: None,
            responsible_level: ResponsibleLevel::Municipality,
            responsibility_confirmed: true,
            featured: false,
            summary: None,
            who_can_apply: None,
            fees: None,
            duration: None,
            documents: vec![],
            form_id: None,
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            fee_schedule: Vec::new(),
        }
    }

    fn catalog() -> Catalog {
        let mut catalog = Catalog {
            services: vec![
                service(
                    "99115005104000",
                    "Wohnsitz Anmeldung",
                    "Registering your residence",
                    &["Ummeldung", "Umzug"],
                ),
                service(
                    "99108001001000",
                    "Bewohnerparkausweis",
                    "Residents' parking permit",
                    &["Anwohnerparkausweis"],
                ),
                service(
                    "99000000000001",
                    "Sondernutzung Straße",
                    "Special use of a street",
                    &[],
                ),
                service(
                    "99036008071000",
                    "Kraftfahrzeug Ummeldung",
                    "Vehicle re-registration",
                    &["Kfz"],
                ),
                service(
                    "99036008007001",
                    "Fahrzeug umschreiben",
                    "Re-register a vehicle",
                    &["Ummeldung Auto"],
                ),
            ],
            ..Catalog::default()
        };
        catalog.services[0].featured = true;
        catalog.services[4].featured = true;
        catalog
    }

    fn check(query: &str, expected_first: Option<&str>) {
        let catalog = catalog();
        let index = SearchIndex::new(&catalog, Language::De);
        let first = index
            .search(query, None)
            .first()
            .map(|h| catalog.services[h.index].leika_key.as_str());
        assert_eq!(first, expected_first, "query {query:?}");
    }

    #[test]
    fn browsing_lists_what_a_blank_query_finds_without_an_index() {
        let mut catalog = catalog();
        catalog.services[2].life_situation = Some("mobilitaet".into());
        catalog.services[3].life_situation = None;
        let index = SearchIndex::new(&catalog, Language::De);
        for query in ["", "   ", " - , "] {
            assert!(is_blank(query), "{query:?}");
            for filter in [None, Some("wohnen-umzug"), Some("mobilitaet"), Some("none")] {
                assert_eq!(
                    browse(&catalog, filter),
                    index.search(query, filter),
                    "{query:?} {filter:?}"
                );
            }
        }
        assert!(!is_blank("kfz"));
        // Featured first, then catalog order.
        let order: Vec<usize> = browse(&catalog, None).iter().map(|h| h.index).collect();
        assert_eq!(order, vec![0, 4, 1, 2, 3]);
    }

    #[test]
    fn forgives_case_umlauts_sharp_s_and_typos() {
        check("ummeldung", Some("99115005104000"));
        check("Ummeldung", Some("99115005104000"));
        check("Ummeldüng", Some("99115005104000"));
        check("strasse", Some("99000000000001"));
        check("anwohnerpark", Some("99108001001000"));
        check("parkausweis", Some("99108001001000"));
        check("anmeldnug", Some("99115005104000"));
        check("wohnsitz anm", Some("99115005104000"));
        check("xylophon", None);
        check("kfz ummeldung", Some("99036008071000"));
        check("kraftfahrzeug", Some("99036008071000"));
        check("ummeldung auto", Some("99036008007001"));
    }

    #[test]
    fn every_query_word_must_match() {
        let catalog = catalog();
        let index = SearchIndex::new(&catalog, Language::De);
        assert!(
            index.search("wohnsitz park", None).is_empty(),
            "two words, no service has both"
        );
        assert_eq!(index.search("", None).len(), 5, "empty query lists all");
    }

    #[test]
    fn english_index_also_finds_german_names() {
        let catalog = catalog();
        let index = SearchIndex::new(&catalog, Language::En);
        let found: Vec<&str> = index
            .search("parking", None)
            .iter()
            .map(|h| catalog.services[h.index].leika_key.as_str())
            .collect();
        assert_eq!(found, vec!["99108001001000"], "English name matches");
        assert_eq!(
            index.search("bewohnerparkausweis", None).len(),
            1,
            "German name matches in English UI"
        );
    }

    #[test]
    fn the_chosen_language_and_german_both_find_a_service() {
        let mut catalog = catalog();
        catalog.services[1]
            .name
            .set(Language::Uk, "Дозвіл на паркування для мешканців");
        catalog.services[1]
            .name
            .set(Language::Tr, "Sakin park izni başvurusu");
        let first = |index: &SearchIndex, query: &str| {
            index
                .search(query, None)
                .first()
                .map(|hit| catalog.services[hit.index].leika_key.clone())
        };
        let uk = SearchIndex::new(&catalog, Language::Uk);
        assert_eq!(first(&uk, "паркування").as_deref(), Some("99108001001000"));
        assert_eq!(
            first(&uk, "Bewohnerparkausweis").as_deref(),
            Some("99108001001000")
        );
        // Typed without Turkish letters, and with a capital İ.
        let tr = SearchIndex::new(&catalog, Language::Tr);
        assert_eq!(first(&tr, "basvurusu").as_deref(), Some("99108001001000"));
        assert_eq!(first(&tr, "İZNİ").as_deref(), Some("99108001001000"));
        // German never stops working, and a service without a translation is found by it.
        assert_eq!(
            first(&tr, "Sondernutzung").as_deref(),
            Some("99000000000001")
        );
    }
}
