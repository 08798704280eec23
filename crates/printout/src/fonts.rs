//! The typefaces bundled with the app: DejaVu Sans, regular and bold (Bitstream Vera licence
//! with public-domain changes, `fonts/LICENSE`). One family covers Latin with German letters,
//! Turkish, Cyrillic (Ukrainian, Russian) and Arabic, the app's languages.

pub(crate) const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
