//! Which form a submission follows. The server decides it from the service's catalog entry:
//! a client may name one of that form's versions, never another form, and a create that names
//! none still gets the catalog's form, so its data is validated. A service whose entry names
//! no form takes the general application ([`domain::GENERAL_APPLICATION_FORM`]) when the
//! create names it, and free data otherwise (clients from before the general application).

use super::Backend;
use crate::error::FieldProblem;
use crate::storage::SubmissionRecord;
use crate::wire::FormRef;

impl Backend {
    /// A form by id and version.
    pub fn form(&self, id: &str, version: &str) -> Option<&domain::form::Form> {
        self.forms
            .iter()
            .find(|f| f.definition().id == id && f.definition().version == version)
    }

    /// The form a submission follows: the one fixed at create, or (for a submission created
    /// before the server decided the form) the current form of its service.
    pub(crate) fn form_for(&self, record: &SubmissionRecord) -> Option<&domain::form::Form> {
        match (record.form_id.as_deref(), record.form_version.as_deref()) {
            (Some(id), Some(version)) => self.form(id, version),
            _ => {
                let service = self.config().catalog.service(&record.service_key)?;
                self.current_form(service.form_id.as_deref()?)
            }
        }
    }

    /// The current version of a form: the one the catalog announces, else the last
    /// definition the server holds with that id.
    pub(crate) fn current_form(&self, id: &str) -> Option<&domain::form::Form> {
        let announced = self.config().catalog.forms.iter().find(|f| f.id == id);
        announced
            .and_then(|f| self.form(id, &f.version))
            .or_else(|| self.forms.iter().rev().find(|f| f.definition().id == id))
    }

    /// The form a new submission for `service` follows, decided by the server: the service's
    /// catalog entry names it (a create may name one of its versions, never another form); a
    /// service whose entry names no form takes free data and no form. Problems go to `problems`.
    pub(crate) fn form_of_service(
        &self,
        service: &domain::Service,
        named: Option<&FormRef>,
        problems: &mut Vec<FieldProblem>,
    ) -> Option<&domain::form::Form> {
        match (service.form_id.as_deref(), named) {
            (None, None) => None,
            // A service without a form of its own takes the general application.
            (None, Some(named)) if named.id == domain::GENERAL_APPLICATION_FORM => {
                self.named_version(&named.id, &named.version, problems)
            }
            (None, Some(_)) => {
                problems.push(FieldProblem::new(
                    "/form",
                    "form_not_of_service",
                    format!(
                        "this service has no form of its own: name the general application \
                         ({}) or leave form out",
                        domain::GENERAL_APPLICATION_FORM
                    ),
                ));
                None
            }
            (Some(expected), Some(named)) if named.id != expected => {
                problems.push(FieldProblem::new(
                    "/form",
                    "form_not_of_service",
                    format!("this service's form is {expected}, not {}", named.id),
                ));
                None
            }
            (Some(expected), Some(named)) => self.named_version(expected, &named.version, problems),
            (Some(expected), None) => {
                let form = self.current_form(expected);
                if form.is_none() {
                    problems.push(FieldProblem::new(
                        "/serviceKey",
                        "form_unavailable",
                        format!("this service's form {expected} is not served here"),
                    ));
                }
                form
            }
        }
    }

    /// The version of form `id` a create named, or an `unknown_form` problem.
    fn named_version(
        &self,
        id: &str,
        version: &str,
        problems: &mut Vec<FieldProblem>,
    ) -> Option<&domain::form::Form> {
        let form = self.form(id, version);
        if form.is_none() {
            problems.push(FieldProblem::new(
                "/form",
                "unknown_form",
                "no form definition with this id and version (see /v1/forms)",
            ));
        }
        form
    }
}
