//! The printout of one sent application, from the application as the app shows it on its
//! page ("Meine Anträge"): the same words (the UI's Fluent messages), the same answers
//! (`domain::form::shown`), and what the device found of the receipt and each step's
//! signature.

use domain::calendar::{parse_instant, UnixMillis};
use domain::ipc::{ApplicationStatus, SubmissionView};
use domain::receipt::canonical_json;
use domain::{format, Language};
use i18n::{Arg, Localizer};

use crate::{answer_facts, Block, Fact, File, Printout};

/// The embedded file with the data exactly as sent: the canonical JSON whose SHA-512 the
/// state API and the authority's receipt name.
pub const DATA_FILE: &str = "sent-data.json";
/// The embedded file with the authority's signed receipt (compact JWS).
pub const RECEIPT_FILE: &str = "receipt.jws";

/// A sent application and what the printout names it by.
pub struct Sent<'a> {
    pub submission: &'a SubmissionView,
    /// The service's name in `language`.
    pub service: &'a str,
    /// The receiving authority's name, once its receipt named it.
    pub authority: Option<&'a str>,
    pub language: Language,
    pub printed_at: UnixMillis,
}

/// The printout of `sent`, every text in its language.
pub fn printout(sent: &Sent<'_>, words: &Localizer) -> Printout {
    let language = sent.language;
    let t = |id: &str| words.text(language, id);
    let view = sent.submission;
    let status = view
        .timeline
        .last()
        .map_or(ApplicationStatus::Queued, |e| e.status);
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: sent.service.to_owned(),
        },
        Block::Paragraph(t("printout-intro")),
        Block::Facts(vec![
            Fact {
                label: t("applications-status"),
                value: t(status.message_id()),
            },
            Fact {
                label: t("printout-printed-at"),
                value: format::date_time(sent.printed_at, language),
            },
        ]),
    ];
    blocks.extend(receipt(sent, words));
    blocks.push(Block::section(t("applications-timeline")));
    blocks.push(Block::Facts(
        view.timeline
            .iter()
            .map(|entry| {
                let mut value = vec![parse_instant(&entry.at)
                    .map_or_else(|| entry.at.clone(), |at| format::date_time(at, language))];
                value.extend(entry.note.clone());
                value.extend(entry.signature.map(|s| t(s.message_id())));
                Fact {
                    label: t(entry.status.message_id()),
                    value: value.join("\n"),
                }
            })
            .collect(),
    ));
    blocks.push(Block::section(t("applications-what-was-sent")));
    blocks.push(Block::Facts(answer_facts(
        &view.definition,
        &view.data,
        language,
        words,
    )));
    if !view.attachments.is_empty() {
        blocks.push(Block::section(t("applications-attachments")));
        blocks.push(Block::Facts(
            view.attachments
                .iter()
                .map(|a| Fact {
                    label: a.file_name.clone(),
                    value: words.format(
                        language,
                        "printout-attachment",
                        &[
                            ("size", Arg::from(format::integer(to_i64(a.size), language))),
                            ("sha512", Arg::from(a.sha512.clone())),
                        ],
                    ),
                })
                .collect(),
        ));
    }
    let mut files = vec![File {
        name: DATA_FILE.to_owned(),
        media_type: "application/json".to_owned(),
        description: t("printout-file-data"),
        bytes: sent_data(view).into_bytes(),
    }];
    if let Some(signed) = view.receipt.as_ref().and_then(|r| r.signed.as_ref()) {
        files.push(File {
            name: RECEIPT_FILE.to_owned(),
            media_type: "application/jose".to_owned(),
            description: t("printout-file-receipt"),
            bytes: signed.token.clone().into_bytes(),
        });
    }
    blocks.push(Block::Note(t(if files.len() > 1 {
        "printout-embedded-receipt"
    } else {
        "printout-embedded"
    })));
    Printout {
        title: words.format(
            language,
            "printout-title",
            &[("service", Arg::from(sent.service.to_owned()))],
        ),
        language,
        created_at: sent.printed_at,
        footer: t("printout-footer"),
        blocks,
        files,
    }
}

/// The data exactly as the device sent it and the receipt hashes it.
pub fn sent_data(view: &SubmissionView) -> String {
    serde_json::to_value(&view.data)
        .map(|v| canonical_json(&v))
        .unwrap_or_default()
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The receipt's section: what the state API confirmed and what the authority signed.
fn receipt(sent: &Sent<'_>, words: &Localizer) -> Vec<Block> {
    let language = sent.language;
    let t = |id: &str| words.text(language, id);
    let heading = Block::section(t("receipt-heading"));
    let Some(receipt) = &sent.submission.receipt else {
        return vec![heading, Block::Paragraph(t("printout-no-receipt"))];
    };
    let signature = match &receipt.signed {
        None => t("receipt-signed-none"),
        Some(signed) => {
            let time = signed
                .received_at
                .map(|at| format::date_time(at, language))
                .unwrap_or_default();
            let authority = sent
                .authority
                .map(str::to_owned)
                .or_else(|| signed.destination.clone())
                .unwrap_or_default();
            words.format(
                language,
                signed.message_id(),
                &[
                    ("authority", Arg::from(authority)),
                    ("time", Arg::from(time)),
                ],
            )
        }
    };
    vec![
        heading,
        Block::Paragraph(t(if receipt.matches {
            "receipt-matches"
        } else {
            "receipt-differs"
        })),
        Block::Facts(vec![
            Fact {
                label: t("receipt-reference"),
                value: receipt.reference.clone(),
            },
            Fact {
                label: t("receipt-hash"),
                value: receipt.data_sha512.clone(),
            },
            Fact {
                label: t("receipt-signed-heading"),
                value: signature,
            },
        ]),
        Block::Note(t("receipt-explained")),
    ]
}
