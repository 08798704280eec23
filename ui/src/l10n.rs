//! Texts for the UI: one `Localizer` per thread (wasm has one), the current language in a
//! signal provided as context.

use std::cell::{Cell, RefCell};

use domain::ipc::{command, IpcError, LoadTextsRequest, Texts};
use domain::Language;
use i18n::{Arg, Localizer};
use leptos::prelude::*;

thread_local! {
    /// Starts with the embedded German texts; [`load`] adds a language when it is chosen.
    static LOCALIZER: RefCell<Option<Localizer>> = const { RefCell::new(None) };
    /// The number of the latest language choice (see [`load_choice`]).
    static LATEST_CHOICE: Cell<u64> = const { Cell::new(0) };
}

fn with_localizer<T>(f: impl FnOnce(&Localizer) -> T) -> T {
    LOCALIZER.with(|cell| {
        let mut slot = cell.borrow_mut();
        f(slot.get_or_insert_with(Localizer::new))
    })
}

/// Makes sure the texts of `language` are here: the wasm embeds only German (#20), another
/// language's Fluent files come from the shell the first time it is chosen. Call it before
/// the language signal changes, so no text is shown in a language not yet loaded.
pub async fn load(language: Language) -> Result<(), IpcError> {
    if with_localizer(|l| l.has_language(language)) {
        return Ok(());
    }
    let texts: Texts =
        crate::ipc::request(command::LOAD_TEXTS, &LoadTextsRequest { language }).await?;
    LOCALIZER.with(|cell| {
        let mut slot = cell.borrow_mut();
        slot.get_or_insert_with(Localizer::new)
            .add_language(texts.language, texts.files);
    });
    Ok(())
}

/// Loads the texts of a language the person (or the stored settings) chose, and says whether
/// it is still the latest choice once they are here: two languages chosen in quick
/// succession, the first not loaded yet and the second already here, must end on the second.
pub async fn load_choice(chosen: Language) -> Result<bool, IpcError> {
    let ticket = LATEST_CHOICE.with(|latest| {
        let ticket = latest.get().wrapping_add(1);
        latest.set(ticket);
        ticket
    });
    load(chosen).await?;
    Ok(LATEST_CHOICE.with(Cell::get) == ticket)
}

/// The language the person chose, shared by every component.
#[derive(Clone, Copy)]
pub struct CurrentLanguage(pub RwSignal<Language>);

pub fn use_language() -> RwSignal<Language> {
    use_context::<CurrentLanguage>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Language::De))
}

/// The message `id` with arguments in `language`.
pub fn t_args(language: Language, id: &str, args: &[(&str, Arg)]) -> String {
    with_localizer(|l| l.format(language, id, args))
}

/// What the person is told about a failed call, in their language.
pub fn error_text(error: &domain::ipc::IpcError, language: Language) -> String {
    let args: Vec<(&str, Arg)> = error
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), Arg::from(v.as_str())))
        .collect();
    t_args(language, &error.message_id, &args)
}

/// Returns a reactive text for `id`, for use directly in `view!`.
pub fn tr(id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let language = use_language();
    move || {
        let language = language.get();
        with_localizer(|l| l.text(language, id))
    }
}

/// A text from the data (a service's name, a form's label) as shown: its words and the
/// language they are in. A text without a translation is German, and the element showing it
/// gets `lang="de"` so a screen reader reads it with a German voice (BITV 2.0, WCAG 3.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Shown {
    pub text: String,
    /// The BCP 47 tag for the element's `lang`.
    pub lang: &'static str,
}

/// A text from the data as a `<span>` in the language it is shown in (see [`Shown`]), following
/// the person's language.
#[component]
pub fn DataText(text: domain::Localized) -> impl IntoView {
    let language = use_language();
    move || {
        let shown = Shown::of(&text, language.get());
        view! { <span lang=shown.lang>{shown.text}</span> }
    }
}

impl Shown {
    pub fn of(text: &domain::Localized, language: Language) -> Shown {
        Shown {
            text: text.get(language).to_string(),
            lang: text.language_of(language).tag(),
        }
    }
}
