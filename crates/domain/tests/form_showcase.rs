//! The showcase forms load, compile their rules, validate and report progress; every message
//! id they can emit is listed in `MESSAGE_IDS` and has a suggested text in both languages.

// In wasm32 the same cases run under node through wasm-bindgen-test.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use domain::form::{self, Answers, Date, Form, FormDefinition, MESSAGE_IDS};

fn today() -> Date {
    Date::parse("2026-11-26").expect("test date")
}

fn load(id: &str) -> Form {
    let json = form::showcase::showcase_definition(id)
        .unwrap_or_else(|| panic!("showcase form {id} exists"));
    Form::from_json(json).unwrap_or_else(|e| panic!("showcase form {id} compiles: {e}"))
}

#[test]
fn every_showcase_definition_parses_and_compiles() {
    let expected = [
        ("bewohnerparkausweis", Some("99108001001000")),
        ("wohnsitz-anmeldung", Some("99115005104000")),
        ("baugenehmigung", Some("99012008001000")),
        ("hundesteuer", Some("99102013000000")),
        ("gewerbeanmeldung", Some("99050012104000")),
        // The general application serves every service without a form: the draft names it.
        (domain::GENERAL_APPLICATION_FORM, None),
    ];
    let all = form::showcase_definitions();
    assert_eq!(
        all.len(),
        expected.len(),
        "five service forms and the general application"
    );
    for (id, leika) in expected {
        let form = load(id);
        assert_eq!(form.id(), id, "form id matches its file name");
        assert_eq!(
            form.definition().leika_key.as_deref(),
            leika,
            "{id} carries its real LeiKa key"
        );
        let empty = form.evaluate(&Answers::new(), today());
        assert!(
            !empty.is_submittable(),
            "{id}: an empty draft cannot be submitted"
        );
        assert!(empty.progress.required > 0, "{id}: has required answers");
        assert_eq!(empty.progress.answered, 0, "{id}: nothing answered yet");
        for problem in &empty.problems {
            assert!(
                MESSAGE_IDS.contains(&problem.message.as_str()),
                "{id}: {} is listed",
                problem.message
            );
        }
        // Serialising and parsing again gives the same definition.
        let json = serde_json::to_string(form.definition()).expect("serialise");
        let again = FormDefinition::from_json(&json).expect("parse again");
        assert_eq!(&again, form.definition(), "{id} round-trips through JSON");
    }
}

#[test]
fn showcase_labels_are_in_german_and_english() {
    for (id, json) in form::showcase_definitions() {
        let def = FormDefinition::from_json(json).expect("parses");
        for (path, field) in def.fields() {
            assert!(!field.label.de.is_empty(), "{id}.{path} has a German label");
            assert!(
                field.label.en.as_deref().is_some_and(|en| !en.is_empty()),
                "{id}.{path} has an English label"
            );
        }
        for (name, list) in &def.code_lists {
            for code in &list.codes {
                assert!(
                    code.label.en.is_some(),
                    "{id}: code {name}/{} has an English label",
                    code.code
                );
            }
        }
    }
}

#[test]
fn bauantrag_is_large_with_attachments_and_conditional_sections() {
    let form = load("baugenehmigung");
    let fields = form.definition().fields();
    assert!(
        fields.len() >= 150,
        "the Bauantrag has at least 150 fields, has {}",
        fields.len()
    );
    let attachments = fields
        .iter()
        .filter(|(_, f)| matches!(f.kind, form::FieldKind::Attachment { .. }))
        .count();
    assert!(
        attachments >= 8,
        "the Bauantrag asks for several attachments, has {attachments}"
    );
    let conditional_pages = form
        .definition()
        .pages
        .iter()
        .filter(|p| p.show_if.is_some())
        .count();
    assert!(
        conditional_pages >= 4,
        "sections depend on the building type, {conditional_pages} do"
    );

    let mut answers = Answers::new();
    let path = form::FieldPath::parse("vorhaben.gebaeudeart").expect("path");
    answers.set(&path, "wohngebaeude".into());
    let progress = form.progress(&answers, today());
    let visible: Vec<&str> = progress
        .pages
        .iter()
        .filter(|p| p.visible)
        .map(|p| p.id.as_str())
        .collect();
    assert!(
        visible.contains(&"wohnen"),
        "residential page shown for a residential building: {visible:?}"
    );
    assert!(
        !visible.contains(&"gewerbe"),
        "commercial page hidden for a residential building: {visible:?}"
    );
    assert!(
        !visible.contains(&"landwirtschaft"),
        "agriculture page hidden: {visible:?}"
    );
}

#[test]
fn every_message_id_has_suggested_texts_in_both_languages() {
    let ftl = include_str!("../src/form/messages.ftl.txt");
    let (de, en) = ftl.split_once("# en").expect("an `# en` section");
    assert!(de.contains("# de"), "a `# de` section comes first");
    for id in MESSAGE_IDS {
        assert!(
            form::is_message_id(id),
            "{id} is kebab-case with the form- prefix"
        );
        for (lang, section) in [("de", de), ("en", en)] {
            assert!(
                section.lines().any(|l| l.starts_with(&format!("{id} ="))),
                "{id} has a {lang} text"
            );
        }
    }
    let mut sorted = MESSAGE_IDS.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        MESSAGE_IDS.len(),
        "message ids are listed once"
    );
}

#[test]
fn every_check_message_in_the_showcase_is_listed() {
    for (id, json) in form::showcase_definitions() {
        let def = FormDefinition::from_json(json).expect("parses");
        let mut messages = Vec::new();
        fn walk(items: &[form::Item], out: &mut Vec<String>) {
            for item in items {
                match item {
                    form::Item::Field(f) => out.extend(f.checks.iter().map(|c| c.message.clone())),
                    form::Item::Group(g) => {
                        out.extend(g.checks.iter().map(|c| c.message.clone()));
                        walk(&g.items, out);
                    }
                }
            }
        }
        for page in &def.pages {
            walk(&page.items, &mut messages);
        }
        for message in messages {
            assert!(
                MESSAGE_IDS.contains(&message.as_str()),
                "{id}: check message {message} is in MESSAGE_IDS"
            );
        }
    }
}

fn answers(value: serde_json::Value) -> Answers {
    serde_json::from_value(value).expect("answers parse")
}

fn messages(evaluation: &form::Evaluation) -> Vec<String> {
    evaluation
        .problems
        .iter()
        .map(|p| format!("{}:{}", p.path, p.message))
        .collect()
}

#[test]
fn a_complete_parking_permit_can_be_submitted_with_its_fee() {
    let form = load("bewohnerparkausweis");
    let pdf = serde_json::json!([{"id": "1", "name": "schein.pdf", "media_type": "application/pdf", "size": 200000}]);
    let draft = answers(serde_json::json!({
        "antragsteller": {
            "familienname": "Schmidt", "vornamen": "Erika", "geburtsdatum": "1980-04-01",
            "anschrift": {"strasse": "Marktstraße", "hausnummer": "5", "plz": "99084", "ort": "Erfurt"},
            "hauptwohnsitz_seit": "2020-01-01", "email": "erika@example.de"
        },
        "fahrzeug": {"kennzeichen": "EF-AB 123", "halter": "antragsteller", "zulassungsbescheinigung": pdf,
                     "nutzungsnachweis": pdf},
        "bewohnerparkgebiet": "A", "gueltig_ab": "2026-12-01", "laufzeit": "12",
        "angaben_richtig": true
    }));
    let evaluation = form.evaluate(&draft, today());
    assert_eq!(
        messages(&evaluation),
        Vec::<String>::new(),
        "a complete draft has no problems"
    );
    assert!(
        evaluation.progress.pages_done() == evaluation.progress.pages_visible(),
        "every page is done"
    );
    assert_eq!(
        evaluation.required.len(),
        evaluation.progress.required as usize,
        "required paths match the count"
    );
    let submitted = form.submission(&draft, today()).expect("submittable");
    assert!(
        !submitted.0.contains_key("gebuehr"),
        "no example fee without the place's statute: the town's statute sets it (#16)"
    );
    let at_erfurt = form::Facts {
        today: today(),
        place_fee: Some(form::Num::from_cents(10_000)),
    };
    let submitted = form
        .submission_with(&draft, at_erfurt)
        .expect("submittable");
    assert_eq!(
        submitted.0.get("gebuehr"),
        Some(&form::Value::Int(10_000)),
        "the fee of the person's town, in cents, for 12 months"
    );
    let vehicle = submitted
        .0
        .get("fahrzeug")
        .and_then(form::Value::as_record)
        .expect("vehicle group");
    assert!(
        vehicle.get("nutzungsnachweis").is_none(),
        "the hidden proof of use is not submitted"
    );
    assert!(
        serde_json::to_string(&evaluation).is_ok(),
        "the evaluation serialises for IPC"
    );
}

#[test]
fn registration_with_co_moving_persons_validates_each_person() {
    let form = load("wohnsitz-anmeldung");
    let person = |vorname: &str, geburt: &str| {
        serde_json::json!({"verhaeltnis": "kind", "familienname": "Schmidt", "vornamen": vorname, "geschlecht": "w",
            "geburtsdatum": geburt, "geburtsort": "Erfurt", "staatsangehoerigkeiten": ["000"], "familienstand": "LD"})
    };
    let draft = answers(serde_json::json!({
        "einzugsdatum": "2026-11-01",
        "mitziehende_vorhanden": true,
        "mitziehende_personen": [person("Ida", "2015-03-02"), person("", "2030-01-01")]
    }));
    let evaluation = form.evaluate(&draft, today());
    let found = messages(&evaluation);
    for expected in [
        "einzugsdatum:form-move-in-too-late",
        "mitziehende_personen[1].vornamen:form-field-required",
        "mitziehende_personen[1].geburtsdatum:form-date-in-future",
    ] {
        assert!(
            found.iter().any(|m| m == expected),
            "{expected} is reported, got {found:?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|m| m.starts_with("mitziehende_personen[0]")),
        "the first person is fine: {found:?}"
    );
    let computed = evaluation
        .computed
        .iter()
        .find(|(p, _)| p.to_string() == "anzahl_personen")
        .map(|(_, v)| v.clone());
    assert_eq!(
        computed,
        Some(form::Value::Int(3)),
        "the applicant and two co-moving persons"
    );
    let warning = evaluation
        .problems
        .iter()
        .find(|p| p.message == "form-move-in-too-late")
        .expect("late warning");
    assert_eq!(
        warning.severity,
        form::Severity::Warning,
        "a late registration is a warning"
    );
    assert_eq!(
        warning.args.get("days"),
        Some(&form::Arg::Int(25)),
        "the days since moving in are an argument"
    );
}

/// A valid-looking answer for every field of `items`, choosing `yes` for every yes/no
/// question (which opens or closes the conditional sections) and the first code of lists.
fn fill_valid(def: &FormDefinition, items: &[form::Item], yes: bool, record: &mut form::Record) {
    use form::{FieldKind, Item, Value};
    let today = today();
    for item in items {
        match item {
            Item::Group(group) => {
                let mut inner = form::Record::new();
                fill_valid(def, &group.items, yes, &mut inner);
                let value = match group.repeat {
                    Some(repeat) => {
                        Value::List(vec![Value::Record(inner); repeat.min.max(1) as usize])
                    }
                    None => Value::Record(inner),
                };
                record.insert(group.id.clone(), value);
            }
            Item::Field(field) => {
                let value = match &field.kind {
                    FieldKind::Text {
                        min_length,
                        max_length,
                        ..
                    }
                    | FieldKind::MultilineText {
                        min_length,
                        max_length,
                        ..
                    } => {
                        let len = min_length
                            .unwrap_or(0)
                            .max(8)
                            .min(max_length.unwrap_or(u32::MAX))
                            as usize;
                        Value::Text("Beispieltext".chars().cycle().take(len).collect())
                    }
                    FieldKind::Integer { min, .. } => Value::Int(min.unwrap_or(1)),
                    FieldKind::Decimal { min, .. } => {
                        Value::Text(min.map(|m| m.to_string()).unwrap_or_else(|| "1".into()))
                    }
                    FieldKind::Money { min_cents, .. } => Value::Int(min_cents.unwrap_or(100_000)),
                    FieldKind::Date { min, max } => {
                        let mut date = today.add_months(-360).expect("30 years ago");
                        if let Some(min) = min.and_then(|b| b.resolve(today)) {
                            date = date.max(min);
                        }
                        if let Some(max) = max.and_then(|b| b.resolve(today)) {
                            date = date.min(max);
                        }
                        Value::Text(date.to_string())
                    }
                    FieldKind::YesNo => Value::Bool(
                        yes || field.id == "angaben_richtig"
                            || field.id == "einwilligung"
                            || field.id.ends_with("_bestaetigt")
                            || field.id == "rauchwarnmelder",
                    ),
                    FieldKind::Choice {
                        codes,
                        multiple,
                        min_selected,
                        ..
                    } => {
                        let list = def.codes(codes).expect("code list");
                        if *multiple {
                            let n = min_selected.unwrap_or(1).max(1) as usize;
                            Value::List(
                                list.iter()
                                    .take(n)
                                    .map(|c| Value::Text(c.code.clone()))
                                    .collect(),
                            )
                        } else {
                            Value::Text(list.first().map(|c| c.code.clone()).unwrap_or_default())
                        }
                    }
                    FieldKind::Time => "08:30".into(),
                    FieldKind::DateTime => "2026-11-26T08:30".into(),
                    FieldKind::Email => "antrag@example.de".into(),
                    FieldKind::Phone => "0361 123456".into(),
                    FieldKind::Iban => "DE89 3704 0044 0532 0130 00".into(),
                    FieldKind::PostalCode => "99084".into(),
                    FieldKind::Municipality => "160510000000".into(),
                    FieldKind::Address => serde_json::from_value(serde_json::json!(
                        {"strasse": "Anger", "hausnummer": "1", "plz": "99084", "ort": "Erfurt"}))
                    .expect("address"),
                    FieldKind::Attachment {
                        accept, min_count, ..
                    } => {
                        let media_type = accept
                            .first()
                            .cloned()
                            .unwrap_or_else(|| "application/pdf".into())
                            .replace("/*", "/png");
                        let file = serde_json::json!({"id": "1", "name": "datei", "media_type": media_type, "size": 1000});
                        serde_json::from_value(serde_json::json!(vec![
                            file;
                            min_count.unwrap_or(1).max(1)
                                as usize
                        ]))
                        .expect("files")
                    }
                    FieldKind::Info { .. } => continue,
                };
                record.insert(field.id.clone(), value);
            }
        }
    }
}

#[test]
fn every_showcase_form_can_be_completed_in_both_branches() {
    for (id, json) in form::showcase_definitions() {
        let form = Form::from_json(json).expect("compiles");
        for yes in [true, false] {
            let mut record = form::Record::new();
            for page in &form.definition().pages {
                fill_valid(form.definition(), &page.items, yes, &mut record);
            }
            let evaluation = form.evaluate(&Answers(record), today());
            let errors: Vec<String> = evaluation
                .errors()
                .map(|p| format!("{}:{}", p.path, p.message))
                .collect();
            assert_eq!(
                errors,
                Vec::<String>::new(),
                "{id} (yes/no answered {yes}) can be completed without errors"
            );
            assert_eq!(
                evaluation.progress.missing,
                vec![],
                "{id}: nothing required is missing"
            );
            let progress = &evaluation.progress;
            assert!(
                // The general application asks little on purpose; the service forms ask more.
                progress.required >= if id == "anliegen" { 8 } else { 11 }
                    && progress.answered == progress.required,
                "{id}: {}/{} answered",
                progress.answered,
                progress.required
            );
            assert_eq!(
                progress.pages_done(),
                progress.pages_visible(),
                "{id}: every visible page is done"
            );
            eprintln!(
                "{id} (yes = {yes}): {} required, {} pages, {} warnings, {} hidden",
                progress.required,
                progress.pages_visible(),
                evaluation.problems.len(),
                evaluation.hidden.len()
            );
        }
    }
}

#[test]
fn fim_references_look_like_fim_ids() {
    let mut seen = 0;
    for (id, json) in form::showcase_definitions() {
        let def = FormDefinition::from_json(json).expect("parses");
        for (path, field) in def.fields() {
            if let Some(fim) = &field.fim {
                seen += 1;
                let digits = fim.id.strip_prefix('F').unwrap_or_default();
                assert!(
                    digits.len() >= 8 && digits.bytes().all(|b| b.is_ascii_digit()),
                    "{id}.{path}: {} is a FIM field id",
                    fim.id
                );
            }
        }
    }
    assert!(
        seen >= 20,
        "person fields carry their FIM Baukasten ids ({seen})"
    );
}
