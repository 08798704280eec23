//! Every address of the app in one place: the links the pages build and the page a path
//! names. The route table in `app.rs` (`path!` needs literals) must say the same; the
//! end-to-end journeys follow every one of them.

/// The start page (the service catalog).
pub const HOME: &str = "/";
/// The service catalog.
pub const SERVICES: &str = "/leistungen";
/// "My applications".
pub const APPLICATIONS: &str = "/antraege";
/// The inbox.
pub const INBOX: &str = "/postfach";
/// The settings.
pub const SETTINGS: &str = "/einstellungen";
/// The settings, at the choice of the home municipality.
pub const HOME_PLACE: &str = "/einstellungen#home-municipality";
/// The accessibility statement.
pub const ACCESSIBILITY: &str = "/barrierefreiheit";
/// Reporting a barrier.
pub const FEEDBACK: &str = "/barrierefreiheit/feedback";
/// The Datenschutzerklärung.
pub const PRIVACY: &str = "/datenschutz";
/// The Impressum.
pub const IMPRINT: &str = "/impressum";

const SERVICE_PREFIX: &str = "/leistung/";
const GUIDE_PREFIX: &str = "/lebenslage/";
const DRAFT_PREFIX: &str = "/antrag/";

/// A service's page.
pub fn service(leika_key: &str) -> String {
    format!("{SERVICE_PREFIX}{leika_key}")
}

/// A life situation's guide (its steps in order).
pub fn guide(life_situation: &str) -> String {
    format!("{GUIDE_PREFIX}{life_situation}")
}

/// A draft in the wizard.
pub fn draft(draft_id: &str) -> String {
    format!("{DRAFT_PREFIX}{draft_id}")
}

/// A sent (or queued) application's page.
pub fn submission(submission_id: &str) -> String {
    format!("{APPLICATIONS}/{submission_id}")
}

/// A just-submitted application's page (it says so).
pub fn submitted(submission_id: &str) -> String {
    format!("{APPLICATIONS}/{submission_id}?neu=1")
}

/// Reporting a barrier, naming the page the person came from.
pub fn feedback_from(path: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(path).into();
    format!("{FEEDBACK}?seite={encoded}")
}

/// The page a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    Services,
    Service(&'a str),
    Guide,
    Draft,
    Applications,
    Inbox,
    Settings,
    Accessibility,
    Feedback,
    Privacy,
    Imprint,
    Other,
}

impl<'a> Page<'a> {
    pub fn of(path: &'a str) -> Page<'a> {
        if let Some(key) = path.strip_prefix(SERVICE_PREFIX) {
            return Page::Service(key);
        }
        if path.starts_with(DRAFT_PREFIX) {
            return Page::Draft;
        }
        if path.starts_with(GUIDE_PREFIX) {
            return Page::Guide;
        }
        if path.starts_with(FEEDBACK) {
            return Page::Feedback;
        }
        match path {
            HOME | SERVICES => Page::Services,
            SETTINGS => Page::Settings,
            INBOX => Page::Inbox,
            ACCESSIBILITY => Page::Accessibility,
            PRIVACY => Page::Privacy,
            IMPRINT => Page::Imprint,
            p if p.starts_with(APPLICATIONS) => Page::Applications,
            _ => Page::Other,
        }
    }

    /// The section of the main navigation the page belongs to, as its link's address.
    pub fn section(self) -> Option<&'static str> {
        match self {
            Page::Services | Page::Service(_) | Page::Guide => Some(HOME),
            Page::Applications => Some(APPLICATIONS),
            Page::Inbox => Some(INBOX),
            Page::Settings => Some(SETTINGS),
            Page::Draft
            | Page::Accessibility
            | Page::Feedback
            | Page::Privacy
            | Page::Imprint
            | Page::Other => None,
        }
    }
}
