//! Reports of accessibility problems (Barrieren melden, required by the EU Web Accessibility
//! Directive 2016/2102 Art. 7 and Thüringen's implementing law for every public app): what a
//! person writes, and the one set of rules both the app and the state API check it with.
//!
//! Pure like the rest of the crate: the caller adds ids and times. Problems carry Fluent
//! message ids (`feedback-error-*`), never text, and never echo what the person wrote. The
//! report's JSON (camelCase) is also the body of `POST /v1/accessibility-reports`.

use serde::{Deserialize, Serialize};

/// Longest description, in characters (about two printed pages).
pub const MAX_DESCRIPTION_CHARS: usize = 5_000;
/// Longest short answer (place, assistive technology, name), in characters.
pub const MAX_SHORT_CHARS: usize = 300;
/// Longest e-mail address (RFC 5321 path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// What the person reports. Every text is as typed; [`AccessibilityReport::problems`] decides
/// whether it can be sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessibilityReport {
    /// Where the barrier is: a page of the app or an application form, in the person's words
    /// (the app fills in the page the person came from).
    #[serde(default)]
    pub place: String,
    /// What happened. Required.
    pub description: String,
    /// Assistive technology in use (screen reader, magnifier, switch access, …), optional.
    #[serde(default, alias = "assistive_technology")]
    pub assistive_technology: String,
    /// Whether the person wants an answer; then an e-mail address or a phone number is needed.
    #[serde(default, alias = "wants_reply")]
    pub wants_reply: bool,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    /// The app's language when the report was written (`de`, `en`): the answer's language.
    #[serde(default)]
    pub language: String,
}

/// One reason a report cannot be sent yet: the field (as in [`ReportField::id`]) and the
/// Fluent message id that says what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReportProblem {
    pub field: ReportField,
    pub message_id: &'static str,
}

/// The fields of a report, in the order the form shows them (the error summary's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportField {
    Place,
    Description,
    AssistiveTechnology,
    Name,
    Email,
    Phone,
}

impl ReportField {
    /// The field's id in the UI and its JSON name on the wire.
    pub fn id(self) -> &'static str {
        match self {
            ReportField::Place => "place",
            ReportField::Description => "description",
            ReportField::AssistiveTechnology => "assistive_technology",
            ReportField::Name => "name",
            ReportField::Email => "email",
            ReportField::Phone => "phone",
        }
    }
}

impl<'de> Deserialize<'de> for ReportProblem {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            field: ReportField,
            message_id: String,
        }
        let wire = Wire::deserialize(deserializer)?;
        let message_id = MESSAGE_IDS
            .iter()
            .copied()
            .find(|id| *id == wire.message_id)
            .ok_or_else(|| serde::de::Error::custom("unknown feedback message id"))?;
        Ok(ReportProblem {
            field: wire.field,
            message_id,
        })
    }
}

/// Every message id [`AccessibilityReport::problems`] can return (the i18n tests check that
/// each has a text in every language).
pub const MESSAGE_IDS: &[&str] = &[
    "feedback-error-description-missing",
    "feedback-error-too-long",
    "feedback-error-contact-missing",
    "feedback-error-email-invalid",
    "feedback-error-phone-invalid",
    "feedback-error-control-characters",
];

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Control characters other than line breaks and tabs (pasted from elsewhere) are refused, so
/// a report cannot smuggle terminal escapes into a back office.
fn has_control(text: &str, multiline: bool) -> bool {
    text.chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

/// A plausible e-mail address: one `@`, a non-empty local part, a domain with a dot and no
/// empty label, no spaces. (Whether it exists only a reply can tell.)
pub fn is_plausible_email(email: &str) -> bool {
    let email = email.trim();
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && !email.chars().any(char::is_whitespace)
        && chars(email) <= MAX_EMAIL_CHARS
}

/// A plausible phone number: digits with the usual separators (`+`, spaces, `/`, `-`,
/// brackets), 6 to 20 digits.
pub fn is_plausible_phone(phone: &str) -> bool {
    let phone = phone.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '/' | '-' | '(' | ')'))
        && phone.find('+').is_none_or(|at| at == 0)
}

impl AccessibilityReport {
    /// Every reason the report cannot be sent, in the form's order; empty when it can be.
    pub fn problems(&self) -> Vec<ReportProblem> {
        let mut problems = Vec::new();
        let mut add = |field, message_id| problems.push(ReportProblem { field, message_id });
        let short = [
            (ReportField::Place, &self.place),
            (ReportField::AssistiveTechnology, &self.assistive_technology),
            (ReportField::Name, &self.name),
        ];
        for (field, text) in short {
            if chars(text) > MAX_SHORT_CHARS {
                add(field, "feedback-error-too-long");
            } else if has_control(text, false) {
                add(field, "feedback-error-control-characters");
            }
            if field == ReportField::Place {
                self.check_description(&mut add);
            }
        }
        let email = self.email.trim();
        let phone = self.phone.trim();
        if !email.is_empty() && !is_plausible_email(email) {
            add(ReportField::Email, "feedback-error-email-invalid");
        }
        if !phone.is_empty() && !is_plausible_phone(phone) {
            add(ReportField::Phone, "feedback-error-phone-invalid");
        }
        if self.wants_reply && email.is_empty() && phone.is_empty() {
            add(ReportField::Email, "feedback-error-contact-missing");
        }
        problems
    }

    fn check_description(&self, add: &mut impl FnMut(ReportField, &'static str)) {
        let description = self.description.trim();
        if description.is_empty() {
            add(
                ReportField::Description,
                "feedback-error-description-missing",
            );
        } else if chars(description) > MAX_DESCRIPTION_CHARS {
            add(ReportField::Description, "feedback-error-too-long");
        } else if has_control(description, true) {
            add(
                ReportField::Description,
                "feedback-error-control-characters",
            );
        }
    }

    /// The report as it is sent: texts trimmed, contact details dropped when no reply is
    /// wanted (data minimisation: the person asked for none).
    pub fn normalized(&self) -> AccessibilityReport {
        let keep_contact = self.wants_reply;
        let contact = |text: &str| {
            if keep_contact {
                text.trim().to_string()
            } else {
                String::new()
            }
        };
        AccessibilityReport {
            place: self.place.trim().to_string(),
            description: self.description.trim().to_string(),
            assistive_technology: self.assistive_technology.trim().to_string(),
            wants_reply: self.wants_reply,
            name: contact(&self.name),
            email: contact(&self.email),
            phone: contact(&self.phone),
            language: self.language.trim().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(description: &str) -> AccessibilityReport {
        AccessibilityReport {
            description: description.into(),
            ..AccessibilityReport::default()
        }
    }

    fn ids(report: &AccessibilityReport) -> Vec<(&'static str, &'static str)> {
        report
            .problems()
            .iter()
            .map(|p| (p.field.id(), p.message_id))
            .collect()
    }

    #[test]
    fn a_description_alone_is_enough() {
        assert!(
            report("Der Weiter-Knopf ist mit dem Screenreader nicht erreichbar.")
                .problems()
                .is_empty()
        );
    }

    #[test]
    fn an_empty_or_blank_description_is_refused() {
        assert_eq!(
            ids(&report(" \n\t ")),
            [("description", "feedback-error-description-missing")]
        );
    }

    #[test]
    fn limits_are_counted_in_characters_not_bytes() {
        let ok = "ä".repeat(MAX_DESCRIPTION_CHARS);
        assert!(report(&ok).problems().is_empty());
        let long = "ä".repeat(MAX_DESCRIPTION_CHARS + 1);
        assert_eq!(
            ids(&report(&long)),
            [("description", "feedback-error-too-long")]
        );
        let mut place = report("x");
        place.place = "ü".repeat(MAX_SHORT_CHARS + 1);
        assert_eq!(ids(&place), [("place", "feedback-error-too-long")]);
    }

    #[test]
    fn a_reply_needs_a_way_to_reach_the_person() {
        let mut r = report("x");
        r.wants_reply = true;
        assert_eq!(ids(&r), [("email", "feedback-error-contact-missing")]);
        r.phone = "0361 123456".into();
        assert!(r.problems().is_empty());
        r.phone.clear();
        r.email = "anna@example.org".into();
        assert!(r.problems().is_empty());
    }

    #[test]
    fn implausible_contacts_are_named() {
        let mut r = report("x");
        for bad in [
            "anna",
            "anna@",
            "@example.org",
            "anna@example",
            "a b@example.org",
            "a@b..de",
        ] {
            r.email = bad.into();
            assert_eq!(
                ids(&r),
                [("email", "feedback-error-email-invalid")],
                "{bad}"
            );
        }
        r.email = "anna.müller@gemeinde-beispiel.de".into();
        assert!(r.problems().is_empty());
        for bad in [
            "12345",
            "0361 12345x",
            "0361+123456",
            "1".repeat(21).as_str(),
        ] {
            r.phone = bad.into();
            assert_eq!(
                ids(&r),
                [("phone", "feedback-error-phone-invalid")],
                "{bad}"
            );
        }
        for good in ["+49 361 123456", "(0361) 12 34 56", "0361/123-456"] {
            r.phone = good.into();
            assert!(r.problems().is_empty(), "{good}");
        }
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_are_fine() {
        assert!(report("Zeile 1\nZeile 2\r\n\tEingerückt")
            .problems()
            .is_empty());
        assert_eq!(
            ids(&report("bell \u{7}")),
            [("description", "feedback-error-control-characters")]
        );
        let mut r = report("x");
        r.place = "Seite\nzwei".into();
        assert_eq!(ids(&r), [("place", "feedback-error-control-characters")]);
    }

    #[test]
    fn problems_come_in_the_form_order() {
        let r = AccessibilityReport {
            place: "p".repeat(MAX_SHORT_CHARS + 1),
            description: String::new(),
            assistive_technology: "\u{1b}[31m".into(),
            wants_reply: true,
            email: "nope".into(),
            ..AccessibilityReport::default()
        };
        assert_eq!(
            ids(&r),
            [
                ("place", "feedback-error-too-long"),
                ("description", "feedback-error-description-missing"),
                ("assistive_technology", "feedback-error-control-characters"),
                ("email", "feedback-error-email-invalid"),
            ]
        );
    }

    #[test]
    fn without_a_reply_no_contact_details_are_sent() {
        let r = AccessibilityReport {
            description: "  Kontrast zu schwach  ".into(),
            name: "Anna".into(),
            email: "anna@example.org".into(),
            phone: "0361 123456".into(),
            ..AccessibilityReport::default()
        };
        let sent = r.normalized();
        assert_eq!(sent.description, "Kontrast zu schwach");
        assert!(sent.name.is_empty() && sent.email.is_empty() && sent.phone.is_empty());
        let with_reply = AccessibilityReport {
            wants_reply: true,
            ..r
        }
        .normalized();
        assert_eq!(with_reply.email, "anna@example.org");
    }

    #[test]
    fn problems_travel_as_json_and_unknown_ids_are_refused() {
        let problems = report("").problems();
        let json = serde_json::to_string(&problems).expect("serialize");
        let back: Vec<ReportProblem> = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, problems);
        let forged = r#"[{"field":"email","message_id":"something-else"}]"#;
        assert!(serde_json::from_str::<Vec<ReportProblem>>(forged).is_err());
    }
}
