//! Dates a form sets from the person's answers, to remind them before it is too late (#18):
//! a deadline to apply by (registering a new home within two weeks of moving in) while the
//! application is not sent, or the end of a permit (a residents' parking permit, one month
//! before it runs out) after it was sent. Declared in the form definition (`reminders`), so
//! every form can say its own; checked when the form is loaded.

use serde::{Deserialize, Serialize};

use super::model::{FieldKind, FormDefinition, Item};
use super::value::{Answers, Value};
use super::Date;

/// When a reminder applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderWhen {
    /// While the application is not sent: a deadline to apply by.
    Draft,
    /// After it was sent: the end of what it grants.
    Sent,
}

/// A date the form counts from an answer, and how long before it to remind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateReminder {
    /// Stable within the form.
    pub id: String,
    pub when: ReminderWhen,
    /// The top-level date field the date counts from.
    pub from: String,
    /// Days added to it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub days: u32,
    /// Months added to it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub months: u32,
    /// A top-level choice field whose code is a number of months, added too (a permit's term).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_from: Option<String>,
    /// Remind from this many days before the date until the date.
    pub notice_days: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A reminder due: which, and the date it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueDate {
    pub reminder: String,
    pub when: ReminderWhen,
    pub date: Date,
}

fn top_level<'a>(definition: &'a FormDefinition, id: &str) -> Option<&'a FieldKind> {
    definition
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .find_map(|item| match item {
            Item::Field(field) if field.id == id => Some(&field.kind),
            _ => None,
        })
}

/// The problem of a reminder that names no top-level date field (or, for `months_from`, no
/// top-level single choice), if any: `(reminder id, problem)`.
pub fn check(definition: &FormDefinition) -> Option<(String, &'static str)> {
    let mut seen = std::collections::BTreeSet::new();
    for reminder in &definition.reminders {
        if !seen.insert(reminder.id.as_str()) {
            return Some((reminder.id.clone(), "the reminder id is used twice"));
        }
        if !matches!(
            top_level(definition, &reminder.from),
            Some(FieldKind::Date { .. })
        ) {
            return Some((
                reminder.id.clone(),
                "`from` must name a date field outside any group",
            ));
        }
        if let Some(choice) = &reminder.months_from {
            if !matches!(
                top_level(definition, choice),
                Some(FieldKind::Choice {
                    multiple: false,
                    ..
                })
            ) {
                return Some((
                    reminder.id.clone(),
                    "`months_from` must name a single choice outside any group",
                ));
            }
        }
    }
    None
}

fn text<'a>(answers: &'a Answers, id: &str) -> Option<&'a str> {
    match answers.0.get(id) {
        Some(Value::Text(text)) => Some(text.trim()),
        _ => None,
    }
}

/// The date of `reminder` from `answers`, if they hold what it counts from.
pub fn date_of(reminder: &DateReminder, answers: &Answers) -> Option<Date> {
    let start = Date::parse(text(answers, &reminder.from)?)?;
    let mut months = i64::from(reminder.months);
    if let Some(choice) = &reminder.months_from {
        months += text(answers, choice)?.parse::<i64>().ok()?;
    }
    start.add_months(months)?.add_days(i64::from(reminder.days))
}

/// The reminders of `definition` that apply `when` and are due on `today`: from
/// `notice_days` before their date until the date itself.
pub fn due(
    definition: &FormDefinition,
    answers: &Answers,
    when: ReminderWhen,
    today: Date,
) -> Vec<DueDate> {
    definition
        .reminders
        .iter()
        .filter(|r| r.when == when)
        .filter_map(|r| {
            let date = date_of(r, answers)?;
            let from = date.add_days(-i64::from(r.notice_days))?;
            (from <= today && today <= date).then(|| DueDate {
                reminder: r.id.clone(),
                when,
                date,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::showcase::showcase_definition;

    fn form(id: &str) -> FormDefinition {
        FormDefinition::from_json(showcase_definition(id).unwrap_or_default())
            .expect("a showcase form")
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::new();
        for (k, v) in pairs {
            answers.0.insert((*k).into(), Value::Text((*v).into()));
        }
        answers
    }

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn a_parking_permit_reminds_a_month_before_it_ends() {
        let permit = form("bewohnerparkausweis");
        assert_eq!(check(&permit), None);
        let given = answers(&[("gueltig_ab", "2027-01-15"), ("laufzeit", "12")]);
        let due_on = |d: &str| due(&permit, &given, ReminderWhen::Sent, day(d));
        assert!(due_on("2027-12-15").is_empty(), "a month and a day before");
        assert_eq!(due_on("2027-12-16")[0].date, day("2028-01-15"));
        assert_eq!(due_on("2028-01-15").len(), 1, "until the last day");
        assert!(due_on("2028-01-16").is_empty(), "not after it ended");
        assert!(
            due(&permit, &given, ReminderWhen::Draft, day("2027-12-20")).is_empty(),
            "it is about the permit, not an unsent draft"
        );
    }

    #[test]
    fn registering_a_new_home_has_two_weeks_from_moving_in() {
        let move_in = form("wohnsitz-anmeldung");
        assert_eq!(check(&move_in), None);
        let given = answers(&[("einzugsdatum", "2026-12-01")]);
        let due_on = |d: &str| due(&move_in, &given, ReminderWhen::Draft, day(d));
        assert!(due_on("2026-12-10").is_empty());
        assert_eq!(due_on("2026-12-11")[0].date, day("2026-12-15"));
        assert!(due_on("2026-12-16").is_empty());
        assert!(
            due(
                &move_in,
                &answers(&[]),
                ReminderWhen::Draft,
                day("2026-12-11")
            )
            .is_empty(),
            "nothing without the date"
        );
    }

    #[test]
    fn a_reminder_must_count_from_a_date_the_form_asks() {
        let mut permit = form("bewohnerparkausweis");
        permit.reminders[0].from = "laufzeit".into();
        assert!(check(&permit).is_some(), "a choice is no date");
        let mut permit = form("bewohnerparkausweis");
        permit.reminders[0].months_from = Some("gueltig_ab".into());
        assert!(check(&permit).is_some(), "a date is no number of months");
        let mut permit = form("bewohnerparkausweis");
        let twice = permit.reminders[0].clone();
        permit.reminders.push(twice);
        assert!(check(&permit).is_some(), "ids are unique");
    }
}
