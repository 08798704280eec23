//! Setting a [`Printout`] on A4 pages and writing it as a tagged PDF.
//!
//! Two passes: first every line is placed on a page (pure arithmetic on shaped widths), then
//! the pages are drawn, each line inside a marked-content span whose identifier goes into the
//! structure element it belongs to. The structure tree is built last, in the order of the
//! blocks, which is the reading order whatever the page breaks.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata, TextDirection};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::{Document, SerializeSettings};

use crate::text::{lines, Face, Line};
use crate::{fonts, Block, Printout, PrintoutError};

/// A4 in points.
const WIDTH: f32 = 595.28;
const HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.0;
const FOOTER_SIZE: f32 = 8.0;
const TEXT: (u8, u8, u8) = (0x1b, 0x1b, 0x1b);
/// Dark enough for WCAG AA contrast on white (about 9:1).
const QUIET: (u8, u8, u8) = (0x4a, 0x4a, 0x4a);

/// How a kind of text is set.
#[derive(Clone, Copy)]
struct Style {
    bold: bool,
    size: f32,
    color: (u8, u8, u8),
    before: f32,
    after: f32,
}

const TITLE: Style = Style {
    bold: true,
    size: 18.0,
    color: TEXT,
    before: 0.0,
    after: 10.0,
};
const SECTION: Style = Style {
    bold: true,
    size: 13.0,
    color: TEXT,
    before: 14.0,
    after: 6.0,
};
const BODY: Style = Style {
    bold: false,
    size: 10.5,
    color: TEXT,
    before: 0.0,
    after: 6.0,
};
const NOTE: Style = Style {
    bold: false,
    size: 9.0,
    color: QUIET,
    before: 0.0,
    after: 6.0,
};
const LABEL: Style = Style {
    bold: true,
    size: 9.0,
    color: QUIET,
    before: 0.0,
    after: 1.0,
};
const VALUE: Style = Style {
    bold: false,
    size: 10.5,
    color: TEXT,
    before: 0.0,
    after: 7.0,
};

const BULLET: Style = Style {
    bold: false,
    size: 10.5,
    color: TEXT,
    before: 0.0,
    after: 0.0,
};
/// How far a list item's text stands in from its bullet.
const INDENT: f32 = 14.0;

fn line_height(size: f32) -> f32 {
    size * 1.35
}

/// One line placed on a page, belonging to structure element `slot`.
struct Placed {
    slot: usize,
    bold: bool,
    size: f32,
    color: (u8, u8, u8),
    line: Line,
    /// Left edge of the line and its baseline, from the page's top left.
    x: f32,
    baseline: f32,
}

struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Bold where the bold face has every letter (it lacks Arabic), else regular.
    fn face(&self, bold: bool, text: &str) -> (&Face, bool) {
        if bold && self.bold.covers(text) {
            (&self.bold, true)
        } else {
            (&self.regular, false)
        }
    }

    fn of(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// Places lines top to bottom, starting a page when the next group does not fit.
struct Flow<'a> {
    fonts: &'a Fonts,
    right_to_left: bool,
    pages: Vec<Vec<Placed>>,
    y: f32,
    /// (text, page, y) of each heading, for the outline.
    headings: Vec<(String, usize, f32)>,
}

impl Flow<'_> {
    fn bottom() -> f32 {
        HEIGHT - MARGIN
    }

    fn set(&self, style: Style, text: &str) -> (bool, Vec<Line>) {
        self.set_within(style, text, WIDTH - 2.0 * MARGIN)
    }

    fn set_within(&self, style: Style, text: &str, max: f32) -> (bool, Vec<Line>) {
        let (face, bold) = self.fonts.face(style.bold, text);
        (bold, lines(face, text, style.size, max, self.right_to_left))
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` fits below (a page that is still empty takes
    /// anything).
    fn keep(&mut self, height: f32) {
        let empty = self.pages.last().is_none_or(Vec::is_empty);
        if !empty && self.y + height > Self::bottom() {
            self.new_page();
        }
    }

    fn place(&mut self, slot: usize, style: Style, bold: bool, lines: Vec<Line>) {
        self.place_indented(slot, style, bold, lines, 0.0);
    }

    /// Places lines `indent` points in from the side the writing starts on.
    fn place_indented(
        &mut self,
        slot: usize,
        style: Style,
        bold: bool,
        lines: Vec<Line>,
        indent: f32,
    ) {
        let height = line_height(style.size);
        for line in lines {
            self.keep(height);
            let x = if self.right_to_left {
                WIDTH - MARGIN - indent - line.width
            } else {
                MARGIN + indent
            };
            let baseline = self.y + style.size;
            if let Some(page) = self.pages.last_mut() {
                page.push(Placed {
                    slot,
                    bold,
                    size: style.size,
                    color: style.color,
                    line,
                    x,
                    baseline,
                });
            }
            self.y += height;
        }
        self.y += style.after;
    }

    fn block(&mut self, block: &Block, slot: &mut usize) {
        match block {
            Block::Heading { level, text } => {
                let style = if *level <= 1 { TITLE } else { SECTION };
                let (bold, lines) = self.set(style, text);
                // A heading keeps its own lines and two of what follows.
                let own = line_height(style.size) * lines.len() as f32;
                self.y += if self.y > MARGIN { style.before } else { 0.0 };
                self.keep(own + 2.0 * line_height(BODY.size));
                self.headings
                    .push((text.clone(), self.pages.len().saturating_sub(1), self.y));
                self.place(*slot, style, bold, lines);
                *slot += 1;
            }
            Block::Paragraph(text) | Block::Note(text) => {
                let style = if matches!(block, Block::Note(_)) {
                    NOTE
                } else {
                    BODY
                };
                let (bold, lines) = self.set(style, text);
                self.place(*slot, style, bold, lines);
                *slot += 1;
            }
            Block::List(items) => {
                for item in items {
                    let (bold, lines) = self.set_within(BODY, item, WIDTH - 2.0 * MARGIN - INDENT);
                    self.keep(line_height(BODY.size));
                    // The bullet is its own label (`Lbl`), the item its body.
                    let (_, bullet) = self.set(BULLET, "•");
                    let y = self.y;
                    self.place_indented(*slot, BULLET, false, bullet, 0.0);
                    self.y = y;
                    self.place_indented(*slot + 1, BODY, bold, lines, INDENT);
                    *slot += 2;
                }
                self.y += BODY.after;
            }
            Block::Facts(facts) => {
                for fact in facts {
                    let (label_bold, label) = self.set(LABEL, &fact.label);
                    let (value_bold, value) = self.set(VALUE, &fact.value);
                    // A label is never left alone at the foot of a page.
                    self.keep(
                        line_height(LABEL.size) * label.len() as f32
                            + LABEL.after
                            + line_height(VALUE.size),
                    );
                    self.place(*slot, LABEL, label_bold, label);
                    self.place(*slot + 1, VALUE, value_bold, value);
                    *slot += 2;
                }
            }
        }
    }
}

pub(crate) fn render(printout: &Printout) -> Result<Vec<u8>, PrintoutError> {
    let fonts = Fonts {
        regular: Face::load(fonts::REGULAR)?,
        bold: Face::load(fonts::BOLD)?,
    };
    let right_to_left = printout.language.is_rtl();
    let mut flow = Flow {
        fonts: &fonts,
        right_to_left,
        pages: Vec::new(),
        y: MARGIN,
        headings: Vec::new(),
    };
    flow.new_page();
    let mut slots = 0;
    for block in &printout.blocks {
        flow.block(block, &mut slots);
    }
    let Flow {
        pages, headings, ..
    } = flow;

    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PrintoutError::Pdf(format!("{e:?}")))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    });
    let mut spans: Vec<Vec<Identifier>> = vec![Vec::new(); slots];
    let count = pages.len();
    for (index, placed) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(WIDTH, HEIGHT)
            .ok_or_else(|| PrintoutError::Pdf("page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for line in placed {
            let face = fonts.of(line.bold);
            let id = draw_line(&mut surface, face, line, ContentTag::Span(SpanTag::empty()));
            if let Some(slot) = spans.get_mut(line.slot) {
                slot.push(id);
            }
        }
        footer(&mut surface, &fonts, printout, right_to_left, index, count);
        surface.finish();
        page.finish();
    }

    document.set_tag_tree(tag_tree(printout, spans));
    let mut outline = Outline::new();
    for (text, page, y) in headings {
        outline.push_child(OutlineNode::new(
            text,
            XyzDestination::new(page, Point::from_xy(MARGIN, y)),
        ));
    }
    document.set_outline(outline);
    document.set_metadata(metadata(printout));
    for file in &printout.files {
        let embedded = EmbeddedFile {
            path: file.name.clone(),
            mime_type: MimeType::new(&file.media_type),
            description: Some(file.description.clone()),
            association_kind: AssociationKind::Supplement,
            data: file.bytes.clone().into(),
            modification_date: None,
            compress: Some(true),
            location: None,
        };
        document
            .embed_file(embedded)
            .ok_or_else(|| PrintoutError::DuplicateFile(file.name.clone()))?;
    }
    document
        .finish()
        .map_err(|e| PrintoutError::Pdf(format!("{e:?}")))
}

fn draw_line(surface: &mut Surface<'_>, face: &Face, line: &Placed, tag: ContentTag) -> Identifier {
    let (r, g, b) = line.color;
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Fill::default()
    }));
    let id = surface.start_tagged(tag);
    let mut x = line.x;
    for run in &line.line.runs {
        surface.draw_glyphs(
            Point::from_xy(x, line.baseline),
            &run.glyphs,
            face.font(),
            &run.text,
            line.size,
            false,
        );
        x += run.width;
    }
    surface.end_tagged();
    id
}

/// "ThüringenApp · … · 2 / 3" at the foot of the page, marked as an artifact (a screen
/// reader skips it; the structure tree does not hold it).
fn footer(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    printout: &Printout,
    right_to_left: bool,
    index: usize,
    count: usize,
) {
    let text = format!("{} · {} / {}", printout.footer, index + 1, count);
    let max = WIDTH - 2.0 * MARGIN;
    for (i, line) in lines(&fonts.regular, &text, FOOTER_SIZE, max, right_to_left)
        .into_iter()
        .enumerate()
    {
        let x = if right_to_left {
            WIDTH - MARGIN - line.width
        } else {
            MARGIN
        };
        let placed = Placed {
            slot: usize::MAX,
            bold: false,
            size: FOOTER_SIZE,
            color: QUIET,
            line,
            x,
            baseline: HEIGHT - MARGIN / 2.0 + i as f32 * line_height(FOOTER_SIZE),
        };
        let artifact = ContentTag::Artifact(Artifact::new(ArtifactType::Footer, None));
        draw_line(surface, &fonts.regular, &placed, artifact);
    }
}

/// The structure tree: the blocks in reading order, each holding its spans.
fn tag_tree(printout: &Printout, spans: Vec<Vec<Identifier>>) -> TagTree {
    let mut spans = spans.into_iter();
    let mut take = |group: &mut TagGroup| {
        for id in spans.next().unwrap_or_default() {
            group.push(id);
        }
    };
    let mut tree = TagTree::new().with_lang(Some(printout.language.tag().to_owned()));
    for block in &printout.blocks {
        match block {
            Block::Heading { level, text } => {
                let level = NonZeroU16::new(u16::from((*level).max(1))).unwrap_or(NonZeroU16::MIN);
                let mut group = TagGroup::new(Tag::Hn(level, Some(text.clone())));
                take(&mut group);
                tree.push(group);
            }
            Block::Paragraph(_) | Block::Note(_) => {
                let mut group = TagGroup::new(Tag::P);
                take(&mut group);
                tree.push(group);
            }
            Block::List(items) => {
                tree.push(labelled_list(ListNumbering::Disc, items.len(), &mut take));
            }
            Block::Facts(facts) => {
                tree.push(labelled_list(ListNumbering::None, facts.len(), &mut take));
            }
        }
    }
    tree
}

/// A list of `count` items, each a label (a bullet, or what a value is) and a body, each
/// taking its spans from `take` in turn.
fn labelled_list(
    numbering: ListNumbering,
    count: usize,
    take: &mut impl FnMut(&mut TagGroup),
) -> TagGroup {
    let mut list = TagGroup::new(Tag::L(numbering));
    for _ in 0..count {
        let mut label = TagGroup::new(Tag::Lbl);
        take(&mut label);
        let mut body = TagGroup::new(Tag::LBody);
        take(&mut body);
        let mut item = TagGroup::new(Tag::LI);
        item.push(label);
        item.push(body);
        list.push(item);
    }
    list
}

fn metadata(printout: &Printout) -> Metadata {
    let mut metadata = Metadata::new()
        .title(printout.title.clone())
        .language(printout.language.tag().to_owned())
        .creator("ThüringenApp".to_owned())
        .text_direction(if printout.language.is_rtl() {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        });
    if let Ok(at) = jiff::Timestamp::from_millisecond(printout.created_at) {
        let utc = jiff::tz::TimeZone::UTC.to_datetime(at);
        if let Ok(year) = u16::try_from(utc.year()) {
            let part = |n: i8| u8::try_from(n).unwrap_or(0);
            metadata = metadata.creation_date(
                DateTime::new(year)
                    .month(part(utc.month()))
                    .day(part(utc.day()))
                    .hour(part(utc.hour()))
                    .minute(part(utc.minute()))
                    .second(part(utc.second()))
                    .utc_offset_hour(0)
                    .utc_offset_minute(0),
            );
        }
    }
    metadata
}
