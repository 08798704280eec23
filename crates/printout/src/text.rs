//! Text as it is set on the page: shaped with the font's own rules (HarfRust, so Arabic
//! letters join), broken into lines that fit a width, and put in visual order line by line
//! (the Unicode bidirectional algorithm, so a Latin name or a number inside an Arabic
//! sentence reads the right way round).

use std::collections::BTreeSet;
use std::sync::Arc;

use harfrust::{Buffer, Direction, ShapeOptions, ShaperFont};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use unicode_bidi::{BidiInfo, Level};

use crate::PrintoutError;

/// One typeface: parsed for shaping, and the same bytes for krilla to embed (subset).
pub(crate) struct Face {
    shaping: harfrust::Font,
    font: Font,
    units_per_em: f32,
}

impl Face {
    pub(crate) fn load(bytes: &'static [u8]) -> Result<Face, PrintoutError> {
        let shaping = harfrust::Font::new(bytes.to_vec(), 0).ok_or(PrintoutError::Font)?;
        let units_per_em = f32::from(shaping.units_per_em());
        let font = Font::new(Arc::new(bytes.to_vec()).into(), 0).ok_or(PrintoutError::Font)?;
        Ok(Face {
            shaping,
            font,
            units_per_em,
        })
    }

    pub(crate) fn font(&self) -> Font {
        self.font.clone()
    }

    /// Whether the face has a glyph for every visible character of `text`.
    pub(crate) fn covers(&self, text: &str) -> bool {
        let charmap = self.shaping.charmap();
        text.chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .all(|c| charmap.map_unicode(c).is_some())
    }

    /// The glyphs of `text` in visual order, advances in em; each glyph's range is into
    /// `text`. A text the shaper refuses (it never should with the bundled fonts) gives no
    /// glyphs rather than a panic.
    pub(crate) fn shape(&self, text: &str, right_to_left: bool) -> Vec<KrillaGlyph> {
        let shaper = ShaperFont::new(&self.shaping);
        let mut buffer = Buffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if right_to_left {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
        if harfrust::shape(&shaper, &mut buffer, ShapeOptions::new()).is_err() {
            return Vec::new();
        }
        let clusters: BTreeSet<usize> = buffer
            .glyph_infos()
            .iter()
            .map(|info| info.cluster as usize)
            .collect();
        buffer
            .glyph_infos()
            .iter()
            .zip(buffer.glyph_positions())
            .map(|(info, position)| {
                let start = info.cluster as usize;
                let end = clusters
                    .range(start + 1..)
                    .next()
                    .copied()
                    .unwrap_or(text.len());
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    position.x_advance as f32 / self.units_per_em,
                    position.x_offset as f32 / self.units_per_em,
                    position.y_offset as f32 / self.units_per_em,
                    position.y_advance as f32 / self.units_per_em,
                    start..end,
                    None,
                )
            })
            .collect()
    }

    /// The width of `text` set in one line at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let rtl = is_mostly_right_to_left(text);
        self.shape(text, rtl)
            .iter()
            .map(|g| g.x_advance)
            .sum::<f32>()
            * size
    }
}

fn is_mostly_right_to_left(text: &str) -> bool {
    let info = BidiInfo::new(text, None);
    info.paragraphs.first().is_some_and(|p| p.level.is_rtl())
}

/// A piece of one line in one direction, shaped, ready to draw left to right.
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) glyphs: Vec<KrillaGlyph>,
    /// In points.
    pub(crate) width: f32,
}

/// One line of text: its runs in visual order, left to right.
pub(crate) struct Line {
    pub(crate) runs: Vec<Run>,
    pub(crate) width: f32,
}

/// `text` broken into lines no wider than `max_width` points at `size` (at spaces, or
/// inside a word that alone is wider, such as a hash), each in visual order for a page whose
/// writing runs right to left (`right_to_left`) or left to right. Line breaks in `text` are
/// kept.
pub(crate) fn lines(
    face: &Face,
    text: &str,
    size: f32,
    max_width: f32,
    right_to_left: bool,
) -> Vec<Line> {
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        for logical in break_paragraph(face, paragraph, size, max_width) {
            out.push(visual_line(face, &logical, size, right_to_left));
        }
    }
    out
}

/// The words of a paragraph between spaces, a lone sign that belongs to the number before it
/// (`100 €`, `20 %`) kept with it by a no-break space, so it never starts a line alone.
fn glued_words(paragraph: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let sign = matches!(word, "€" | "%" | "‰");
        match words.last_mut() {
            Some(last) if sign && last.ends_with(|c: char| c.is_ascii_digit()) => {
                last.push('\u{a0}');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    words
}

/// The logical lines of one paragraph, greedy: as many words as fit.
fn break_paragraph(face: &Face, paragraph: &str, size: f32, max_width: f32) -> Vec<String> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in glued_words(paragraph) {
        let word = word.as_str();
        let width = face.width(word, size);
        let needed = if current.is_empty() {
            width
        } else {
            current_width + space + width
        };
        if needed <= max_width {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            current_width = needed;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if width <= max_width {
            current = word.to_owned();
            current_width = width;
            continue;
        }
        // A word wider than the line: break it between characters.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if face.width(&piece, size) > max_width && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        current_width = face.width(&piece, size);
        current = piece;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// One logical line in visual order: the bidirectional algorithm's runs, each shaped in its
/// own direction.
fn visual_line(face: &Face, logical: &str, size: f32, right_to_left: bool) -> Line {
    let base = if right_to_left {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(logical, Some(base));
    let mut runs = Vec::new();
    for paragraph in &info.paragraphs {
        let (levels, ranges) = info.visual_runs(paragraph, paragraph.range.clone());
        for range in ranges {
            let rtl = levels.get(range.start).is_some_and(|l| l.is_rtl());
            let text = logical[range].to_owned();
            let glyphs = face.shape(&text, rtl);
            let width = glyphs.iter().map(|g| g.x_advance).sum::<f32>() * size;
            runs.push(Run {
                text,
                glyphs,
                width,
            });
        }
    }
    let width = runs.iter().map(|r| r.width).sum();
    Line { runs, width }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts;

    fn regular() -> Face {
        Face::load(fonts::REGULAR).expect("the bundled font loads")
    }

    #[test]
    fn lines_fit_the_width_and_keep_every_word() {
        let face = regular();
        let text =
            "Antrag auf einen Bewohnerparkausweis für die Zone A in der Landeshauptstadt Erfurt";
        let lines = lines(&face, text, 10.0, 120.0, false);
        assert!(lines.len() > 2, "broken into several lines");
        for line in &lines {
            assert!(
                line.width <= 120.0 + 0.01,
                "{} wider than the line",
                line.width
            );
        }
        let joined: Vec<String> = lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn an_amount_keeps_its_sign() {
        let face = regular();
        let text = "Die Gebühr beträgt in Erfurt 100 € im Jahr";
        // Wide enough for everything up to "100" but not for the sign after it.
        let upto = face.width("Die Gebühr beträgt in Erfurt 100", 10.0);
        let lines = lines(&face, text, 10.0, upto + 1.0, false);
        let first: String = lines[0].runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            first, "Die Gebühr beträgt in Erfurt",
            "100 € moves on together"
        );
        assert_eq!(glued_words("zum Beispiel 30,60 € oder 5 %").len(), 5);
    }

    #[test]
    fn a_hash_longer_than_the_line_is_broken_inside() {
        let face = regular();
        let hash = "a3".repeat(64);
        let lines = lines(&face, &hash, 9.0, 200.0, false);
        assert!(lines.len() > 1);
        let joined: String = lines
            .iter()
            .flat_map(|l| l.runs.iter().map(|r| r.text.clone()))
            .collect();
        assert_eq!(joined, hash, "no character lost at the breaks");
        assert!(lines.iter().all(|l| l.width <= 200.01));
    }

    #[test]
    fn latin_inside_arabic_keeps_its_order() {
        let face = regular();
        let line = &lines(&face, "الرقم ABC-123 للطلب", 10.0, 400.0, true)[0];
        assert_eq!(line.runs.len(), 3, "Arabic, Latin, Arabic");
        // Visual order on a right-to-left page: the last Arabic word stands leftmost.
        assert_eq!(line.runs[0].text.trim(), "للطلب");
        assert_eq!(line.runs[1].text.trim(), "ABC-123");
        assert_eq!(line.runs[2].text.trim(), "الرقم");
        // Arabic letters join: the shaped word has contextual forms, not isolated letters.
        let arabic = &line.runs[2];
        let isolated: Vec<u32> = "الرقم"
            .chars()
            .map(|c| face.shape(&c.to_string(), true)[0].glyph_id.to_u32())
            .collect();
        let joined: Vec<u32> = arabic.glyphs.iter().map(|g| g.glyph_id.to_u32()).collect();
        assert!(
            joined.iter().any(|g| !isolated.contains(g)),
            "contextual forms are used"
        );
    }

    #[test]
    fn the_fonts_cover_the_apps_scripts() {
        let face = regular();
        for text in [
            "Größe ÄÖÜ ß €",
            "Заява на паркування",
            "طلب تصريح",
            "İstanbul ğış",
        ] {
            assert!(face.covers(text), "{text}");
        }
        assert!(!face.covers("漢字"), "a script the font lacks is noticed");
    }
}
