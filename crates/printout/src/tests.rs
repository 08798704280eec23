//! The printout as a reader meets it: poppler's tools (Debian's `poppler-utils`, installed
//! by `scripts/setup.sh`) read the text back, the structure and the embedded files, as a PDF
//! viewer or a screen reader would.

use std::path::Path;
use std::process::Command;

use domain::form::showcase::showcase_definition;
use domain::form::{synthetic, FormDefinition};
use domain::ipc::{ApplicationStatus, AttachmentView, Receipt, StatusEntry, SubmissionView};
use domain::receipt::{SignedReceipt, StepSignature};
use domain::Language;
use i18n::Localizer;

use crate::submission::{printout, sent_data, Sent, DATA_FILE, RECEIPT_FILE};
use crate::{render, Block, Fact, Printout};

const NOON: i64 = 1_796_558_400_000; // 2026-12-06T12:00:00Z

fn sent_application() -> SubmissionView {
    let json = showcase_definition("bewohnerparkausweis").expect("a showcase form");
    let definition = FormDefinition::from_json(json).expect("it parses");
    let data = synthetic::answers(&definition, 2, 11);
    let step = |status, at: &str, signature| StatusEntry {
        status,
        at: at.to_owned(),
        note: None,
        signature,
    };
    SubmissionView {
        replies: Vec::new(),
        can_reply: false,
        submission_id: "0b7c6a52-5a0e-4d61-9d0e-5e4b2a4f7a10".into(),
        leika_key: "99001001000000".into(),
        definition,
        data,
        attachments: vec![AttachmentView {
            attachment_id: "a1".into(),
            field_path: "nachweise".into(),
            file_name: "Fahrzeugschein.pdf".into(),
            media_type: "application/pdf".into(),
            size: 1_048_576,
            sha512: "ab".repeat(64),
        }],
        timeline: vec![
            step(ApplicationStatus::Queued, "2026-12-06T11:58:00Z", None),
            step(ApplicationStatus::Submitted, "2026-12-06T11:59:00Z", None),
            step(
                ApplicationStatus::Received,
                "2026-12-06T12:00:00Z",
                Some(StepSignature::Verified),
            ),
        ],
        waiting: None,
        refusal: None,
        receipt: Some(Receipt {
            reference: "TH-2026-000123".into(),
            data_sha512: "cd".repeat(64),
            matches: true,
            signed: Some(SignedReceipt {
                token: "eyJhbGciOiJQUzUxMiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl".into(),
                destination: Some("erfurt-buergeramt".into()),
                received_at: Some(NOON),
                problem: None,
            }),
        }),
    }
}

fn pdf_of(view: &SubmissionView, language: Language) -> Vec<u8> {
    let sent = Sent {
        submission: view,
        service: "Bewohnerparkausweis",
        authority: Some("Stadtverwaltung Erfurt"),
        language,
        printed_at: NOON,
    };
    render(&printout(&sent, &Localizer::new())).expect("the printout renders and passes PDF/UA-1")
}

/// The residents' parking permit as the seed catalog describes it (documents, fees).
fn parking_permit() -> domain::Service {
    catalog_seed::seed_catalog()
        .expect("the seed catalog")
        .services
        .into_iter()
        .find(|s| s.leika_key == "99108001001000")
        .expect("the parking permit")
}

/// The summary of the answers of `view`, not sent, for the office in Erfurt.
fn summary_pdf(view: &SubmissionView, service: &domain::Service, language: Language) -> Vec<u8> {
    let unsent = crate::draft::Unsent {
        service,
        definition: &view.definition,
        answers: &view.data,
        attachments: &view.attachments,
        authority: Some("Stadtverwaltung Erfurt"),
        language,
        printed_at: NOON,
    };
    render(&crate::draft::printout(&unsent, &Localizer::new())).expect("renders")
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (scripts/setup.sh installs poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn written(pdf: &[u8]) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), pdf).expect("written");
    file
}

#[test]
fn the_printout_reads_back_with_answers_receipt_and_timeline() {
    let view = sent_application();
    let pdf = pdf_of(&view, Language::De);
    assert!(pdf.starts_with(b"%PDF-"));
    let file = written(&pdf);
    let text = poppler("pdftotext", &["-layout"], file.path());
    for expected in [
        "Bewohnerparkausweis",
        "Eingangsbestätigung",
        "TH-2026-000123",
        "Stadtverwaltung Erfurt hat den Eingang am 06.12.2026, 13:00",
        "Fahrzeugschein.pdf",
        "1.048.576 Byte",
        "Verlauf",
        "Was Sie gesendet haben",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // The full hash is there, across line breaks.
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(squeezed.contains(&"cd".repeat(64)), "the whole hash");
    // Every answer's label as the form names it.
    let rows = domain::form::shown::answer_rows(
        &view.definition,
        &view.data,
        Language::De,
        &domain::form::shown::YesNo {
            yes: "Ja".into(),
            no: "Nein".into(),
        },
    );
    assert!(rows.len() > 3);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for row in rows {
        let label: String = row.label.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&label), "{label:?} missing");
    }
}

#[test]
fn tagged_titled_in_its_language_with_the_data_and_receipt_inside() {
    let view = sent_application();
    let file = written(&pdf_of(&view, Language::De));
    let info = poppler("pdfinfo", &[], file.path());
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Bewohnerparkausweis"),
        "{info}"
    );
    let list = poppler("pdfdetach", &["-list"], file.path());
    assert!(
        list.contains(DATA_FILE) && list.contains(RECEIPT_FILE),
        "{list}"
    );
    let dir = tempfile::tempdir().expect("a directory");
    let out = dir.path().to_string_lossy().into_owned();
    poppler("pdfdetach", &["-saveall", "-o", &out], file.path());
    let data = std::fs::read_to_string(dir.path().join(DATA_FILE)).expect("extracted");
    assert_eq!(data, sent_data(&view), "byte for byte what was sent");
    let token = std::fs::read_to_string(dir.path().join(RECEIPT_FILE)).expect("extracted");
    assert_eq!(
        Some(token.as_str()),
        view.receipt
            .as_ref()
            .and_then(|r| r.signed.as_ref())
            .map(|s| s.token.as_str())
    );
    let structure = poppler("pdfinfo", &["-struct"], file.path());
    for tag in ["H1", "H2", "P", "L", "LI", "Lbl", "LBody"] {
        assert!(
            structure.contains(&format!("{tag} ")) || structure.contains(&format!("{tag}\n")),
            "{tag} in {structure}"
        );
    }
}

#[test]
fn every_language_of_the_app_prints_including_right_to_left() {
    let view = sent_application();
    for language in Language::ALL.iter() {
        let file = written(&pdf_of(&view, *language));
        let text = poppler("pdftotext", &[], file.path());
        assert!(text.contains("TH-2026-000123"), "{language:?}: {text}");
        let words = Localizer::new();
        let heading = words.text(*language, "receipt-heading");
        let letters: String = heading.chars().filter(|c| c.is_alphabetic()).collect();
        let read: String = text.chars().filter(|c| c.is_alphabetic()).collect();
        if language.is_rtl() {
            // Arabic comes back as letters of the right script (a viewer's own order).
            assert!(
                read.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)
                    || ('\u{fe70}'..='\u{feff}').contains(&c)),
                "{text}"
            );
        } else {
            assert!(
                read.contains(&letters),
                "{language:?}: {heading:?} in {text}"
            );
        }
    }
}

#[test]
fn without_a_receipt_yet_it_says_so_and_carries_only_the_data() {
    let mut view = sent_application();
    view.receipt = None;
    let file = written(&pdf_of(&view, Language::En));
    let text = poppler("pdftotext", &[], file.path());
    assert!(text.contains("The receipt has not arrived yet"), "{text}");
    let list = poppler("pdfdetach", &["-list"], file.path());
    assert!(
        list.contains(DATA_FILE) && !list.contains(RECEIPT_FILE),
        "{list}"
    );
}

#[test]
fn long_applications_run_over_pages_and_the_same_input_gives_the_same_bytes() {
    let facts: Vec<Fact> = (0..120)
        .map(|i| Fact {
            label: format!("Frage {i}"),
            value: format!("Antwort {i} ").repeat(12),
        })
        .collect();
    let printout = Printout {
        title: "Lang".into(),
        language: Language::De,
        created_at: NOON,
        footer: "ThüringenApp".into(),
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "Lang".into(),
            },
            Block::Facts(facts),
        ],
        files: Vec::new(),
    };
    let pdf = render(&printout).expect("renders");
    assert_eq!(pdf, render(&printout).expect("renders"), "deterministic");
    let file = written(&pdf);
    let info = poppler("pdfinfo", &[], file.path());
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    assert!(pages >= 4, "{pages} pages");
    let text = poppler("pdftotext", &[], file.path());
    for i in [0, 59, 119] {
        assert!(text.contains(&format!("Frage {i}")), "Frage {i}");
    }
    assert!(
        text.contains(&format!("1 / {pages}")),
        "page numbers in the footer"
    );
}

#[test]
fn two_files_of_one_name_are_refused() {
    let file = crate::File {
        name: "x.json".into(),
        media_type: "application/json".into(),
        description: "x".into(),
        bytes: b"{}".to_vec(),
    };
    let printout = Printout {
        title: "T".into(),
        language: Language::De,
        created_at: NOON,
        footer: String::new(),
        blocks: vec![Block::Heading {
            level: 1,
            text: "T".into(),
        }],
        files: vec![file.clone(), file],
    };
    assert!(matches!(
        render(&printout),
        Err(crate::PrintoutError::DuplicateFile(name)) if name == "x.json"
    ));
}

/// The summary of an unsent parking permit, as a person takes it to the town hall: what to
/// bring (from the catalog), the fees, the responsible office, the answers so far, and no
/// ids, hashes or tokens.
#[test]
fn the_summary_of_an_unsent_application_says_what_to_bring_and_holds_nothing_technical() {
    let service = parking_permit();
    let service = &service;
    assert!(!service.documents.is_empty(), "the catalog lists documents");
    let view = sent_application();
    let pdf = summary_pdf(&view, service, Language::De);
    let file = written(&pdf);
    let text = poppler("pdftotext", &[], file.path());
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for document in &service.documents {
        let document: String = document.de.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&document), "{document:?} in {flat}");
    }
    for expected in [
        "Stadtverwaltung Erfurt",
        "Fahrzeugschein.pdf",
        "noch nicht gesendet",
        "So geht es weiter",
    ] {
        assert!(flat.contains(expected), "{expected:?} in {flat}");
    }
    for technical in ["TH-2026-000123", &"ab".repeat(32), "eyJhbGci", "0b7c6a52"] {
        assert!(
            !flat.contains(technical),
            "{technical:?} is not for the visit"
        );
    }
    let list = poppler("pdfdetach", &["-list"], file.path());
    assert!(list.starts_with("0 embedded files"), "{list}");
    let structure = poppler("pdfinfo", &["-struct"], file.path());
    assert!(structure.contains("LBody"), "{structure}");
}

#[test]
#[ignore = "writes sample printouts for a look: PRINTOUT_SAMPLES=dir"]
fn samples() {
    let dir = std::env::var("PRINTOUT_SAMPLES").expect("PRINTOUT_SAMPLES");
    let view = sent_application();
    for language in Language::ALL.iter() {
        std::fs::write(
            format!("{dir}/{}.pdf", language.tag()),
            pdf_of(&view, *language),
        )
        .expect("written");
    }
    let service = parking_permit();
    let service = &service;
    for language in [Language::De, Language::Ar] {
        let pdf = summary_pdf(&view, service, language);
        std::fs::write(format!("{dir}/summary-{}.pdf", language.code()), pdf).expect("written");
    }
}
