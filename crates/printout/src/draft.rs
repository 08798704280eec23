//! The summary of an application not sent (#14, for people without a phone): what was filled
//! in so far, who is responsible where the person lives, what happens next and what to
//! bring, to take to the authority on paper. Only what the visit needs: the answers and the
//! attachments' names, no ids, hashes or tokens.

use domain::calendar::UnixMillis;
use domain::form::{Answers, FormDefinition};
use domain::ipc::AttachmentView;
use domain::{format, Language, Service};
use i18n::{Arg, Localizer};

use crate::{answer_facts, Block, Fact, Printout};

/// An application being filled in, and what the summary names it by.
pub struct Unsent<'a> {
    pub service: &'a Service,
    pub definition: &'a FormDefinition,
    pub answers: &'a Answers,
    pub attachments: &'a [AttachmentView],
    /// The authority responsible where the person lives, in `language`, once a place is
    /// chosen.
    pub authority: Option<&'a str>,
    pub language: Language,
    pub printed_at: UnixMillis,
}

/// The summary of `unsent`, every text in its language.
pub fn printout(unsent: &Unsent<'_>, words: &Localizer) -> Printout {
    let language = unsent.language;
    let t = |id: &str| words.text(language, id);
    let service = unsent.service.name.get(language).to_owned();
    let mut facts = vec![Fact {
        label: t("printout-printed-at"),
        value: format::date_time(unsent.printed_at, language),
    }];
    facts.extend(unsent.authority.map(|name| Fact {
        label: t("summary-authority"),
        value: name.to_owned(),
    }));
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: service.clone(),
        },
        Block::Paragraph(t("summary-intro")),
        Block::Facts(facts),
        Block::section(t("summary-next-heading")),
        Block::Paragraph(t("summary-next")),
    ];
    let documents: Vec<String> = unsent
        .service
        .documents
        .iter()
        .map(|d| d.get(language).to_owned())
        .filter(|d| !d.trim().is_empty())
        .collect();
    if !documents.is_empty() {
        blocks.push(Block::section(t("service-documents")));
        blocks.push(Block::List(documents));
    }
    if let Some(fees) = &unsent.service.fees {
        blocks.push(Block::section(t("summary-fees")));
        blocks.push(Block::Paragraph(fees.get(language).to_owned()));
    }
    blocks.push(Block::section(t("summary-answers")));
    let answers = answer_facts(unsent.definition, unsent.answers, language, words);
    if answers.is_empty() {
        blocks.push(Block::Paragraph(t("summary-no-answers")));
    } else {
        blocks.push(Block::Facts(answers));
    }
    if !unsent.attachments.is_empty() {
        blocks.push(Block::section(t("applications-attachments")));
        blocks.push(Block::List(
            unsent
                .attachments
                .iter()
                .map(|a| a.file_name.clone())
                .collect(),
        ));
    }
    blocks.push(Block::Note(t("summary-not-sent")));
    Printout {
        title: words.format(
            language,
            "summary-title",
            &[("service", Arg::from(service))],
        ),
        language,
        created_at: unsent.printed_at,
        footer: t("summary-footer"),
        blocks,
        files: Vec::new(),
    }
}
