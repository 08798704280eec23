//! The messages that make the legal pages (Datenschutzerklärung, Impressum) of `legal.ftl`,
//! in their order: one message per paragraph. The UI renders them (`ui/src/pages/legal.rs`);
//! the test below holds every id to the German file, and the locale tests hold every language
//! to German.

/// One section: its heading and paragraphs, as message ids.
pub struct Section {
    pub heading: &'static str,
    pub paragraphs: &'static [&'static str],
}

pub const PRIVACY: &[Section] = &[
    Section {
        heading: "privacy-summary-heading",
        paragraphs: &[
            "privacy-summary-device",
            "privacy-summary-send",
            "privacy-summary-none",
        ],
    },
    Section {
        heading: "privacy-controller-heading",
        paragraphs: &["privacy-controller", "privacy-controller-authorities"],
    },
    Section {
        heading: "privacy-dpo-heading",
        paragraphs: &["privacy-dpo"],
    },
    Section {
        heading: "privacy-device-heading",
        paragraphs: &[
            "privacy-device-what",
            "privacy-device-protection",
            "privacy-device-keychain",
            "privacy-device-purpose",
            "privacy-device-duration",
            "privacy-device-damaged",
        ],
    },
    Section {
        heading: "privacy-details-heading",
        paragraphs: &["privacy-details"],
    },
    Section {
        heading: "privacy-login-heading",
        paragraphs: &[
            "privacy-login-how",
            "privacy-login-data",
            "privacy-login-tokens",
            "privacy-login-basis",
        ],
    },
    Section {
        heading: "privacy-applications-heading",
        paragraphs: &[
            "privacy-applications-what",
            "privacy-applications-recipient",
            "privacy-applications-status",
            "privacy-applications-basis",
            "privacy-applications-duration",
        ],
    },
    Section {
        heading: "privacy-replies-heading",
        paragraphs: &["privacy-replies-what", "privacy-replies-documents"],
    },
    Section {
        heading: "privacy-notifications-heading",
        paragraphs: &["privacy-notifications"],
    },
    Section {
        heading: "privacy-reports-heading",
        paragraphs: &[
            "privacy-reports-what",
            "privacy-reports-basis",
            "privacy-reports-duration",
        ],
    },
    Section {
        heading: "privacy-connection-heading",
        paragraphs: &[
            "privacy-connection-catalog",
            "privacy-connection-ip",
            "privacy-connection-basis",
        ],
    },
    Section {
        heading: "privacy-logs-heading",
        paragraphs: &["privacy-logs"],
    },
    Section {
        heading: "privacy-none-heading",
        paragraphs: &[
            "privacy-none",
            "privacy-none-third-country",
            "privacy-none-automated",
            "privacy-none-stores",
        ],
    },
    Section {
        heading: "privacy-rights-heading",
        paragraphs: &[
            "privacy-rights",
            "privacy-rights-consent",
            "privacy-rights-contact",
            "privacy-complaint",
        ],
    },
    Section {
        heading: "privacy-version-heading",
        paragraphs: &["privacy-version"],
    },
];

pub const IMPRINT: &[Section] = &[
    Section {
        heading: "imprint-provider-heading",
        paragraphs: &["imprint-provider", "imprint-address"],
    },
    Section {
        heading: "imprint-contact-heading",
        paragraphs: &["imprint-contact", "imprint-contact-115"],
    },
    Section {
        heading: "imprint-responsible-heading",
        paragraphs: &["imprint-responsible"],
    },
    Section {
        heading: "imprint-authorities-heading",
        paragraphs: &["imprint-authorities"],
    },
    Section {
        heading: "imprint-licence-heading",
        paragraphs: &["imprint-licence"],
    },
    Section {
        heading: "imprint-data-heading",
        paragraphs: &[
            "imprint-data-leika",
            "imprint-data-places",
            "imprint-data-own",
            "imprint-data-full",
        ],
    },
];

/// The ids outside the sections: link texts, headings, introductions, the pending notices.
pub const FIXED: &[&str] = &[
    "privacy-link",
    "privacy-heading",
    "privacy-intro",
    "privacy-pending",
    "imprint-link",
    "imprint-heading",
    "imprint-intro",
    "imprint-pending",
];

#[cfg(all(test, feature = "every-language"))]
mod tests {
    use super::*;
    use crate::Localizer;
    use domain::Language;

    #[test]
    fn every_paragraph_of_the_legal_pages_exists_in_every_language() {
        let localizer = Localizer::new();
        let ids = FIXED.iter().chain(
            PRIVACY
                .iter()
                .chain(IMPRINT)
                .flat_map(|s| std::iter::once(&s.heading).chain(s.paragraphs)),
        );
        for id in ids {
            for language in Language::ALL {
                assert!(localizer.has(language, id), "{id} in {}", language.code());
            }
        }
    }

    #[test]
    fn the_pages_say_what_the_state_must_still_fill_in() {
        let localizer = Localizer::new();
        for language in Language::ALL {
            let privacy = localizer.text(language, "privacy-controller");
            assert!(
                privacy.contains('['),
                "the controller's name is marked as to be filled in ({})",
                language.code()
            );
        }
    }
}
