//! Life situations as guides, from `data/life-situation-guides.json`: for a life event (moving
//! house, a birth, ...) the usual steps in order, each a service of the catalog with when to do
//! it and why.
//!
//! This module only attaches guides to existing life situations and names existing services;
//! an unknown life situation or LeiKa key is an error, never skipped.

use std::collections::HashSet;

use domain::{Guide, GuideStep, LifeSituation, Localized, Service};
use serde::Deserialize;

use crate::csv_rows::DataFile;
use crate::featured::line_of;
use crate::SeedError;

/// More steps than this is a handbook, not a guide.
const MAX_STEPS: usize = 12;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFile {
    /// A note for editors of the file; not used.
    #[allow(dead_code)]
    #[serde(default)]
    about: String,
    guides: Vec<GuideData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideData {
    life_situation: String,
    intro: Localized,
    steps: Vec<GuideStep>,
}

fn complete(text: &Localized) -> bool {
    !text.de.trim().is_empty() && text.en.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// Attaches every guide of `file` to its life situation.
pub(crate) fn apply(
    file: DataFile,
    life_situations: &mut [LifeSituation],
    services: &[Service],
) -> Result<(), SeedError> {
    let parsed: GuideFile =
        serde_json::from_str(file.text).map_err(|e| SeedError::json(file.name, e))?;
    let keys: HashSet<&str> = services.iter().map(|s| s.leika_key.as_str()).collect();
    for guide in parsed.guides {
        let id = guide.life_situation.trim();
        let line = line_of(file.text, &format!("\"{id}\""));
        let fail = |message: String| SeedError::invalid(file.name, line, message);
        let Some(situation) = life_situations.iter_mut().find(|l| l.id == id) else {
            return Err(fail(format!(
                "{id:?} is not a life situation of data/life-situations.csv"
            )));
        };
        if situation.guide.is_some() {
            return Err(fail(format!("a second guide for {id:?}")));
        }
        if guide.steps.is_empty() || guide.steps.len() > MAX_STEPS {
            return Err(fail(format!(
                "{id}: a guide has 1 to {MAX_STEPS} steps, this one {}",
                guide.steps.len()
            )));
        }
        if !complete(&guide.intro) {
            return Err(fail(format!("{id}: the intro needs German and English")));
        }
        let mut seen = HashSet::new();
        for step in &guide.steps {
            let key = step.leika_key.as_str();
            if !keys.contains(key) {
                return Err(fail(format!(
                    "{id}: LeiKa key {key} is not in data/leika-services.csv"
                )));
            }
            if !seen.insert(key) {
                return Err(fail(format!("{id}: {key} is a step twice")));
            }
            if !complete(&step.when) || !complete(&step.why) {
                return Err(fail(format!(
                    "{id}: step {key} needs German and English for when and why"
                )));
            }
        }
        situation.guide = Some(Guide {
            intro: guide.intro,
            steps: guide.steps,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn situations() -> Vec<LifeSituation> {
        vec![LifeSituation {
            id: "wohnen-umzug".into(),
            name: Localized::new("Wohnen & Umzug", "Housing and moving"),
            guide: None,
        }]
    }

    fn services() -> Vec<Service> {
        let catalog = crate::seed_catalog().expect("the seed builds");
        catalog.services
    }

    fn apply_text(text: &'static str) -> Result<Vec<LifeSituation>, SeedError> {
        let mut all = situations();
        apply(
            DataFile {
                name: "guides.json",
                text,
            },
            &mut all,
            &services(),
        )?;
        Ok(all)
    }

    const STEP: &str = r#"{"leika_key": "99115005104000", "when": {"de": "Bald", "en": "Soon"}, "why": {"de": "Pflicht", "en": "Duty"}}"#;

    fn guide(situation: &str, steps: &str) -> &'static str {
        Box::leak(
            format!(
                r#"{{"guides": [{{"life_situation": "{situation}", "intro": {{"de": "A", "en": "B"}}, "steps": [{steps}]}}]}}"#
            )
            .into_boxed_str(),
        )
    }

    #[test]
    fn a_guide_is_attached_to_its_life_situation() {
        let all = apply_text(guide("wohnen-umzug", STEP)).expect("applies");
        let guide = all[0].guide.as_ref().expect("attached");
        assert_eq!(guide.steps[0].leika_key, "99115005104000");
    }

    #[test]
    fn broken_guides_are_refused_with_the_reason() {
        let unknown_key = STEP.replace("99115005104000", "99999999999999");
        let twice = format!("{STEP}, {STEP}");
        let no_english = STEP.replace(r#", "en": "Soon""#, "");
        let cases: [(&'static str, &str); 5] = [
            (guide("mars", STEP), "not a life situation"),
            (
                guide("wohnen-umzug", &unknown_key),
                "not in data/leika-services.csv",
            ),
            (guide("wohnen-umzug", &twice), "a step twice"),
            (
                guide("wohnen-umzug", &no_english),
                "needs German and English",
            ),
            (guide("wohnen-umzug", ""), "1 to 12 steps"),
        ];
        for (text, reason) in cases {
            let error = apply_text(text).expect_err(reason).to_string();
            assert!(error.contains(reason), "{reason}: {error}");
        }
    }
}
