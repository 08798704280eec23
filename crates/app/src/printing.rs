//! The printout of an application (#14, #15): "Save as PDF" on a sent application's page and
//! "Save summary as PDF" on the review page of one not sent. What it holds comes from the
//! store as the app shows it, with the names the catalog gives; the `printout` crate sets the
//! PDF. Only on the person's request; the file name holds no personal data (the state API's
//! reference, else the application's id).

use std::path::{Path, PathBuf};

use domain::ipc::{DraftView, PrintoutOf, SubmissionView};
use domain::{Language, Service};
use printout::draft::Unsent;
use printout::submission::Sent;
use printout::Printout;

use crate::files::{safe, write_whole};
use crate::{parse_id, views, App, Error};

thread_local! {
    /// The app's texts (every locale's bundles), built once per thread that prints or
    /// notifies: a Fluent bundle is not shared between threads.
    static WORDS: i18n::Localizer = i18n::Localizer::new();
}

/// Runs `f` with the app's texts for the app's own words (printouts, notifications).
pub fn with_words<T>(f: impl FnOnce(&i18n::Localizer) -> T) -> T {
    WORDS.with(f)
}

/// `ThueringenApp-Antrag-<reference>.pdf`: letters, digits and dashes only.
fn file_name(view: &SubmissionView) -> String {
    let reference = view
        .receipt
        .as_ref()
        .map_or(view.submission_id.as_str(), |r| r.reference.as_str());
    format!("ThueringenApp-Antrag-{}.pdf", safe(reference))
}

/// `ThueringenApp-Zusammenfassung-<draft id>.pdf`.
fn summary_name(view: &DraftView) -> String {
    format!("ThueringenApp-Zusammenfassung-{}.pdf", safe(&view.draft_id))
}

/// What is printed, as the app shows it, with the names the catalog gives it.
enum Source {
    Sent {
        view: Box<SubmissionView>,
        service: String,
        authority: Option<String>,
    },
    Unsent {
        view: Box<DraftView>,
        service: Box<Service>,
        authority: Option<String>,
    },
}

impl Source {
    pub fn file_name(&self) -> String {
        match self {
            Source::Sent { view, .. } => file_name(view),
            Source::Unsent { view, .. } => summary_name(view),
        }
    }

    fn printout(&self, language: Language, printed_at: i64) -> Printout {
        WORDS.with(|words| match self {
            Source::Sent {
                view,
                service,
                authority,
            } => printout::submission::printout(
                &Sent {
                    submission: view,
                    service,
                    authority: authority.as_deref(),
                    language,
                    printed_at,
                },
                words,
            ),
            Source::Unsent {
                view,
                service,
                authority,
            } => printout::draft::printout(
                &Unsent {
                    service,
                    definition: &view.definition,
                    answers: &view.answers,
                    attachments: &view.attachments,
                    authority: authority.as_deref(),
                    language,
                    printed_at,
                },
                words,
            ),
        })
    }
}

/// An application ready to print, in the person's language.
pub struct Printable {
    source: Source,
    language: Language,
}

impl Printable {
    /// The name it is saved under.
    pub fn file_name(&self) -> String {
        self.source.file_name()
    }

    /// Sets the PDF and writes it whole into `dir` (blocking: run it off the main thread);
    /// where it was saved. Errors say what failed, never what the application holds.
    pub fn save_in(&self, dir: &Path, printed_at: i64) -> Result<PathBuf, Error> {
        let document = self.source.printout(self.language, printed_at);
        let pdf = printout::render(&document).map_err(|error| {
            Error::SaveFailed(match error {
                printout::PrintoutError::Font => "font",
                printout::PrintoutError::DuplicateFile(_) => "embedded file",
                printout::PrintoutError::Pdf(_) => "pdf",
            })
        })?;
        let path = dir.join(self.file_name());
        write_whole(&path, &pdf).map_err(|_| Error::SaveFailed("write"))?;
        Ok(path)
    }
}

impl App {
    /// The application `of` names (only one the store shows: the person's own), in the
    /// person's language.
    pub async fn printable(&self, of: &PrintoutOf) -> Result<Printable, Error> {
        let logged_in = self.logged_in().await;
        let store = self.store()?;
        let settings = store.settings()?;
        let language = settings.language;
        let catalog = store.catalog()?.map(|stored| stored.catalog);
        let service_of = |key: &str| {
            catalog
                .as_ref()
                .and_then(|c| c.services.iter().find(|s| s.leika_key == key))
        };
        let authority_named = |id: Option<&str>| {
            catalog.as_ref().and_then(|c| {
                c.authorities
                    .iter()
                    .find(|a| Some(a.id.as_str()) == id)
                    .map(|a| a.name.get(language).to_string())
            })
        };
        let source = match of {
            PrintoutOf::Submission { submission_id } => {
                let view = views::submission_view(&store, parse_id(submission_id)?, logged_in)?;
                let service = service_of(&view.leika_key).map_or_else(
                    || view.leika_key.clone(),
                    |s| s.name.get(language).to_string(),
                );
                let destination = view
                    .receipt
                    .as_ref()
                    .and_then(|r| r.signed.as_ref())
                    .and_then(|s| s.destination.clone());
                Source::Sent {
                    authority: authority_named(destination.as_deref()),
                    service,
                    view: Box::new(view),
                }
            }
            PrintoutOf::Draft { draft_id } => {
                let view = views::draft_view(&store, parse_id(draft_id)?)?;
                let service = service_of(&view.leika_key)
                    .cloned()
                    .ok_or(Error::NotFound)?;
                // Who is responsible where the person lives, as the service page says it.
                let authority = catalog.as_ref().and_then(|c| {
                    let ags = settings.home_municipality.as_deref()?;
                    c.authority_index()
                        .responsible_for(&service, ags)
                        .map(|a| a.name.get(language).to_string())
                });
                Source::Unsent {
                    view: Box::new(view),
                    service: Box::new(service),
                    authority,
                }
            }
        };
        Ok(Printable { source, language })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_hold_only_the_reference_in_safe_letters() {
        let mut view = SubmissionView {
            submission_id: "0b7c6a52-5a0e-4d61-9d0e-5e4b2a4f7a10".into(),
            leika_key: String::new(),
            definition: domain::form::FormDefinition::from_json(
                domain::form::showcase::showcase_definition("hundesteuer").unwrap_or_default(),
            )
            .expect("a showcase form"),
            data: Default::default(),
            attachments: Vec::new(),
            timeline: Vec::new(),
            waiting: None,
            refusal: None,
            receipt: None,
            replies: Vec::new(),
            can_reply: false,
        };
        assert_eq!(
            file_name(&view),
            "ThueringenApp-Antrag-0b7c6a52-5a0e-4d61-9d0e-5e4b2a4f7a10.pdf"
        );
        view.receipt = Some(domain::ipc::Receipt {
            reference: "../../etc/passwd TH-1".into(),
            data_sha512: String::new(),
            matches: true,
            signed: None,
        });
        assert_eq!(file_name(&view), "ThueringenApp-Antrag-etcpasswdTH-1.pdf");
    }
}
