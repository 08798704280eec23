//! The QR symbol of a code, as the UI draws it: one SVG path over a grid of modules.

use qrcode::{Color, EcLevel, QrCode};

use crate::HandoverError;

/// A QR symbol: `size` modules a side, with a quiet zone of four modules on each side already
/// counted in, and the dark modules as the `d` of one SVG path in module units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSymbol {
    pub size: u32,
    pub path: String,
}

const QUIET_ZONE: usize = 4;

/// The QR symbol of `text` at error correction level M (15 %: a scratched or glaring screen).
pub fn qr_symbol(text: &str) -> Result<QrSymbol, HandoverError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| HandoverError::Qr(e.to_string()))?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (i, color) in colors.iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + QUIET_ZONE, i / width + QUIET_ZONE);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Ok(QrSymbol {
        size: u32::try_from(width + 2 * QUIET_ZONE).unwrap_or(u32::MAX),
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    #[test]
    fn a_codes_symbol_is_small_and_has_the_finder_patterns() {
        let code = Code::generate().expect("randomness");
        let symbol = qr_symbol(&code.qr_text()).expect("a symbol");
        // 40 alphanumeric characters at level M need version 3 (29 modules; version 2 holds
        // 38): large modules, easy to scan from a tablet's screen.
        assert_eq!(symbol.size, 29 + 8);
        // The top left finder pattern's corner module is dark.
        assert!(
            symbol.path.starts_with("M4 4h1v1h-1z"),
            "{}",
            &symbol.path[..40]
        );
    }

    #[test]
    fn two_codes_give_two_symbols() {
        let a = Code::generate().expect("randomness");
        let b = Code::generate().expect("randomness");
        assert_ne!(
            qr_symbol(&a.qr_text()).expect("a symbol").path,
            qr_symbol(&b.qr_text()).expect("a symbol").path
        );
    }
}
