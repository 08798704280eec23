//! Every text the person reads, from the Fluent files in `locales/<lang>/*.ftl`.
//!
//! The files are embedded at compile time, so the app works offline and a missing file is a
//! build error, not a blank screen. The UI's wasm embeds only German (see `OTHERS`) and
//! gets another language's files from the shell when the person chooses it. German (`de`) is the source locale. A message missing in a locale
//! falls back to German and then to its id, so the UI never shows nothing; the tests in this crate
//! fail when any locale lacks a key the source has, or a file does not parse.
//! This crate must never do IO or hold state besides the parsed bundles.

pub mod easy;
pub mod legal;

use domain::Language;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// One Fluent file of one locale, embedded.
pub struct Source {
    pub language: Language,
    pub file: &'static str,
    pub text: &'static str,
}

/// Every Fluent file of one locale. Add a file here and it is there for each locale at once.
macro_rules! files {
    ($lang:ident, $code:literal) => {
        files!(@each $lang, $code, [
            "accessibility.ftl",
            "app.ftl",
            "applications.ftl",
            "catalog.ftl",
            "errors.ftl",
            "forms.ftl",
            "inbox.ftl",
            "legal.ftl",
            "service.ftl",
            "settings.ftl",
            "wizard.ftl",
        ])
    };
    (@each $lang:ident, $code:literal, [$($file:literal),* $(,)?]) => {
        &[$(Source {
            language: Language::$lang,
            file: $file,
            text: include_str!(concat!("../../../locales/", $code, "/", $file)),
        }),*]
    };
}

const DE: &[Source] = files!(De, "de");
#[cfg(feature = "every-language")]
const OTHERS: &[&[Source]] = &[
    files!(En, "en"),
    files!(Uk, "uk"),
    files!(Ar, "ar"),
    files!(Tr, "tr"),
    files!(Ru, "ru"),
    files!(DeLs, "de-LS"),
];
/// Without the `every-language` feature (the UI's wasm) only German, the source locale and
/// every message's fallback, is embedded; the other languages are added when chosen
/// ([`Localizer::add_language`], with texts from a build that has them: the shell).
#[cfg(not(feature = "every-language"))]
const OTHERS: &[&[Source]] = &[];

/// Every embedded Fluent file of every embedded locale.
pub fn sources() -> impl Iterator<Item = &'static Source> {
    DE.iter()
        .chain(OTHERS.iter().flat_map(|files| files.iter()))
}

/// The embedded Fluent files of `language` (none when it is not embedded).
pub fn sources_of(language: Language) -> impl Iterator<Item = &'static Source> {
    sources().filter(move |s| s.language == language)
}

/// The parsed bundles of all locales.
pub struct Localizer {
    bundles: Vec<(Language, FluentBundle<FluentResource>)>,
}

impl Default for Localizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Localizer {
    /// Parses every embedded file. Parse errors are skipped entry by entry here (the tests
    /// catch them); the person still sees every message that did parse.
    pub fn new() -> Localizer {
        let bundles = Language::ALL
            .iter()
            .filter(|&&language| sources_of(language).next().is_some())
            .map(|&language| {
                let texts = sources_of(language).map(|s| s.text.to_string());
                (language, bundle_of(language, texts))
            })
            .collect();
        Localizer { bundles }
    }

    /// Adds (or replaces) the texts of `language`: the contents of its Fluent files.
    pub fn add_language(&mut self, language: Language, texts: Vec<String>) {
        let bundle = bundle_of(language, texts.into_iter());
        self.bundles.retain(|(l, _)| *l != language);
        self.bundles.push((language, bundle));
    }

    /// Whether the texts of `language` are here (embedded or added).
    pub fn has_language(&self, language: Language) -> bool {
        self.bundle(language).is_some()
    }

    fn bundle(&self, language: Language) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, b)| b)
    }

    /// Whether `id` exists in `language`.
    pub fn has(&self, language: Language, id: &str) -> bool {
        self.bundle(language).is_some_and(|b| b.has_message(id))
    }

    /// The message `id` in `language` (falling back to German, then to the id itself).
    pub fn text(&self, language: Language, id: &str) -> String {
        self.format(language, id, &[])
    }

    /// The message `id` with named arguments.
    pub fn format(&self, language: Language, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        for candidate in [language, Language::De] {
            let Some(bundle) = self.bundle(candidate) else {
                continue;
            };
            let Some(message) = bundle.get_message(id) else {
                continue;
            };
            let Some(pattern) = message.value() else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
        id.to_string()
    }
}

/// One language's bundle from the contents of its Fluent files.
fn bundle_of(
    language: Language,
    texts: impl Iterator<Item = String>,
) -> FluentBundle<FluentResource> {
    let lang_id = language.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![lang_id]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(number_formatter(language)));
    for text in texts {
        let resource = match FluentResource::try_new(text) {
            Ok(resource) => resource,
            Err((resource, _errors)) => resource,
        };
        // Duplicate ids across files are reported by the tests; keep the first.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Whole numbers in messages grouped as the language writes them (`4.813`, `4,813`,
/// `4 813`); Fluent still picks the plural form from the number. A formatter is a plain `fn`,
/// so there is one per language.
type Formatter = fn(&FluentValue, &intl_memoizer::IntlLangMemoizer) -> Option<String>;

fn number_formatter(language: Language) -> Formatter {
    fn grouped<const L: usize>(
        value: &FluentValue,
        _: &intl_memoizer::IntlLangMemoizer,
    ) -> Option<String> {
        let FluentValue::Number(number) = value else {
            return None;
        };
        let n = number.value;
        let whole =
            n.fract() == 0.0 && n.abs() < 1e15 && number.options.minimum_fraction_digits.is_none();
        whole.then(|| domain::format::integer(n as i64, Language::EVERY[L]))
    }
    match language {
        Language::De => grouped::<0>,
        Language::En => grouped::<1>,
        Language::Uk => grouped::<2>,
        Language::Ar => grouped::<3>,
        Language::Tr => grouped::<4>,
        Language::Ru => grouped::<5>,
        Language::DeLs => grouped::<6>,
    }
}

/// An argument for a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

/// The UI's build: German only, and another language once its texts are added.
#[cfg(all(test, not(feature = "every-language")))]
mod german_only {
    use super::*;

    #[test]
    fn only_german_is_embedded_and_a_language_comes_when_added() {
        assert!(sources().all(|s| s.language == Language::De));
        assert!(sources().next().is_some());
        let mut localizer = Localizer::new();
        assert!(localizer.has_language(Language::De));
        assert!(!localizer.has_language(Language::En));
        // Until English is added, its messages are German.
        let german = localizer.text(Language::De, "nav-services");
        assert_eq!(localizer.text(Language::En, "nav-services"), german);
        let english = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../locales/en/app.ftl"
        ))
        .expect("locales/en/app.ftl");
        localizer.add_language(Language::En, vec![english]);
        assert!(localizer.has_language(Language::En));
        assert_ne!(localizer.text(Language::En, "nav-services"), german);
    }
}

#[cfg(all(test, feature = "every-language"))]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast::Entry;
    use fluent_syntax::parser;

    use super::*;

    /// Message ids (and `id.attribute` for attributes) of one file; panics name the file.
    fn ids_of(source: &Source) -> BTreeSet<String> {
        let resource = parser::parse(source.text).unwrap_or_else(|(_, errors)| {
            panic!(
                "locales/{}/{} does not parse: {errors:?}",
                source.language.code(),
                source.file
            )
        });
        let mut ids = BTreeSet::new();
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let id = message.id.name.to_string();
                for attribute in &message.attributes {
                    ids.insert(format!("{id}.{}", attribute.id.name));
                }
                ids.insert(id);
            }
        }
        ids
    }

    #[test]
    fn a_language_added_later_replaces_its_texts_and_german_stays_the_fallback() {
        let mut localizer = Localizer::new();
        assert!(localizer.has_language(Language::En));
        localizer.add_language(Language::En, vec!["only-here = Only here".to_string()]);
        assert_eq!(localizer.text(Language::En, "only-here"), "Only here");
        // Every other English message is gone with the replaced texts: German answers.
        assert_eq!(
            localizer.text(Language::En, "nav-services"),
            localizer.text(Language::De, "nav-services")
        );
        assert_ne!(localizer.text(Language::De, "nav-services"), "nav-services");
    }

    #[test]
    fn every_locale_has_every_key_of_the_source_locale() {
        for source in sources().filter(|s| s.language == Language::De) {
            let expected = ids_of(source);
            for language in Language::ALL.iter().filter(|&&l| l != Language::De) {
                let other = sources()
                    .find(|s| s.language == *language && s.file == source.file)
                    .unwrap_or_else(|| {
                        panic!("locales/{}/{} is missing", language.code(), source.file)
                    });
                let found = ids_of(other);
                let missing: Vec<_> = expected.difference(&found).collect();
                let extra: Vec<_> = found.difference(&expected).collect();
                assert!(
                    missing.is_empty(),
                    "locales/{}/{} lacks {missing:?}",
                    language.code(),
                    source.file
                );
                assert!(
                    extra.is_empty(),
                    "locales/{}/{} has keys de lacks: {extra:?}",
                    language.code(),
                    source.file
                );
            }
        }
    }

    /// Messages that may read the same as German in another language: names, numbers and
    /// words that are the same in both (checked by a person when added here).
    const SAME_AS_GERMAN: &[&str] = &[
        "app-title",
        "app-language-de",
        "app-language-en",
        "settings-text-normal",
        // Only placeholders and the euro sign.
        "service-fee-here-once",
        // "PIN" is the word in English and Turkish too.
        "lock-pin",
    ];

    /// Each message (and attribute) of a file with its source text, for comparing across locales.
    fn texts_of(source: &Source) -> BTreeMap<String, String> {
        let Ok(resource) = parser::parse(source.text) else {
            return BTreeMap::new(); // `ids_of` reports parse errors
        };
        let mut texts = BTreeMap::new();
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let id = message.id.name.to_string();
                for attribute in &message.attributes {
                    texts.insert(
                        format!("{id}.{}", attribute.id.name),
                        format!("{:?}", attribute.value),
                    );
                }
                if let Some(value) = &message.value {
                    texts.insert(id, format!("{value:?}"));
                }
            }
        }
        texts
    }

    #[test]
    fn no_message_is_left_in_german_in_another_language() {
        for source in sources().filter(|s| s.language == Language::De) {
            let german = texts_of(source);
            for other in sources().filter(|s| s.language != Language::De && s.file == source.file) {
                // Leichte Sprache is German: a message may rightly stay as it is there.
                if other.language == Language::DeLs {
                    continue;
                }
                let left: Vec<_> = texts_of(other)
                    .into_iter()
                    .filter(|(id, text)| {
                        german.get(id) == Some(text) && !SAME_AS_GERMAN.contains(&id.as_str())
                    })
                    .map(|(id, _)| id)
                    .collect();
                assert!(
                    left.is_empty(),
                    "locales/{}/{} leaves these as the German source (translate them, or add a \
                     name or number to SAME_AS_GERMAN): {left:?}",
                    other.language.code(),
                    source.file
                );
            }
        }
    }

    #[test]
    fn no_message_id_is_defined_twice_in_a_locale() {
        for language in Language::ALL {
            let mut seen = BTreeSet::new();
            for source in sources().filter(|s| s.language == language) {
                for id in ids_of(source) {
                    assert!(
                        seen.insert(id.clone()),
                        "{id} defined twice in locales/{}",
                        language.code()
                    );
                }
            }
        }
    }

    #[test]
    fn every_locale_folder_file_is_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        for language in Language::ALL {
            let dir = root.join(language.code());
            let entries =
                std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                if name.ends_with(".ftl") {
                    assert!(
                        sources().any(|s| s.language == language && s.file == name),
                        "locales/{}/{name} exists but is not in i18n::sources()",
                        language.code()
                    );
                }
            }
        }
    }

    #[test]
    fn every_accessibility_report_problem_has_a_text_in_every_language() {
        let l10n = Localizer::new();
        for id in domain::feedback::MESSAGE_IDS {
            for language in Language::ALL {
                assert!(
                    l10n.has(language, id),
                    "{id} has a {} text",
                    language.code()
                );
            }
        }
    }

    #[test]
    fn every_form_engine_problem_has_a_text_in_every_language() {
        let l10n = Localizer::new();
        for id in domain::form::MESSAGE_IDS {
            for language in Language::ALL {
                assert!(
                    l10n.has(language, id),
                    "{id} has a {} text",
                    language.code()
                );
            }
        }
    }

    #[test]
    fn numbers_in_messages_are_grouped_as_the_language_writes_them() {
        for (index, language) in Language::EVERY.into_iter().enumerate() {
            let formatter = number_formatter(language);
            let memoizer = intl_memoizer::IntlLangMemoizer::new(
                language.tag().parse().expect("a language tag"),
            );
            let text = formatter(&FluentValue::from(4813.0), &memoizer);
            assert_eq!(
                text,
                Some(domain::format::integer(4813, language)),
                "formatter {index} is {language:?}'s"
            );
            assert_eq!(formatter(&FluentValue::from(2.5), &memoizer), None);
            assert_eq!(formatter(&FluentValue::from("4813"), &memoizer), None);
        }
    }

    #[test]
    fn formats_arguments_and_falls_back() {
        let l10n = Localizer::new();
        let text = l10n.format(
            Language::En,
            "catalog-result-count",
            &[("count", Arg::from(3usize))],
        );
        assert!(text.contains('3'), "the count appears in {text:?}");
        assert_eq!(
            l10n.text(Language::En, "no-such-message"),
            "no-such-message",
            "unknown id shows the id"
        );
        assert_ne!(
            l10n.text(Language::De, "app-title"),
            l10n.text(Language::En, "app-settings"),
            "texts differ"
        );
    }
}
