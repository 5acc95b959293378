//! A field's text laid out line by line by the app's text engine, and where every caret
//! position stands on screen (one unit per grapheme cluster, in visual order).

use std::collections::HashMap;
use std::ops::Range;

use cosmic_text::FontSystem;
use unicode_segmentation::UnicodeSegmentation;

use crate::render::layout::{Direction, Paragraph, TextStyle};

/// The direction a field is declared in: what an empty field, or one holding no strong
/// character (only digits, say), is laid out in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BaseDirection {
    /// Arabic fields: empty, they are right-aligned.
    #[default]
    Rtl,
    Ltr,
}

/// A grapheme cluster on screen: its document bytes and its left and right edges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    pub left: f32,
    pub right: f32,
    /// Set right to left (its bidi level is odd).
    pub rtl: bool,
}

/// One line on screen (a line of the text, or part of one when it wraps).
#[derive(Clone, Debug, PartialEq)]
pub struct VisualLine {
    pub top: f32,
    pub height: f32,
    /// The direction of the paragraph the line belongs to.
    pub rtl: bool,
    /// The document bytes the line covers, in logical order.
    pub start: usize,
    pub end: usize,
    /// The line's grapheme clusters from left to right.
    pub units: Vec<Unit>,
    /// Where a caret stands on the line when it is empty: its start edge.
    pub start_edge: f32,
}

/// A line of the text, laid out, with where its top-left corner goes.
pub struct PlacedParagraph {
    pub paragraph: Paragraph,
    /// Document bytes of the line (without its line break).
    pub range: Range<usize>,
    /// The paragraph's top-left corner, relative to the text area's.
    pub x: f32,
    pub y: f32,
}

/// The whole text of a field laid out at a width.
pub struct FieldLayout {
    pub(super) paragraphs: Vec<PlacedParagraph>,
    pub(super) lines: Vec<VisualLine>,
    width: f32,
}

impl FieldLayout {
    /// Lays `text` out in a text area `width` points wide: each line of the text is its own
    /// bidi paragraph, its direction from its first strong character (as `dir=auto` with
    /// `unicode-bidi: plaintext` in a browser), or `base` when it has none. With `wrap`, lines
    /// wrap at the width; without, a line may run past it (the field scrolls).
    pub fn new(
        fonts: &mut FontSystem,
        text: &str,
        style: TextStyle,
        base: BaseDirection,
        width: f32,
        wrap: bool,
    ) -> Self {
        let mut paragraphs = Vec::new();
        let mut lines = Vec::new();
        let mut top = 0.0;
        for range in line_ranges(text) {
            let line = &text[range.clone()];
            let rtl = match unicode_bidi::get_base_direction(line) {
                unicode_bidi::Direction::Rtl => true,
                unicode_bidi::Direction::Ltr => false,
                unicode_bidi::Direction::Mixed => base == BaseDirection::Rtl,
            };
            let direction = if rtl { Direction::Rtl } else { Direction::Auto };
            let paragraph = Paragraph::new(
                fonts,
                line,
                range.start,
                style,
                direction,
                wrap.then_some(width),
            );
            let x = if rtl && !wrap {
                width - paragraph.content_width()
            } else {
                0.0
            };
            let start_edge = if rtl { width } else { 0.0 };
            let mut placed_lines = visual_lines(&paragraph, &range, x, top, start_edge);
            if placed_lines.is_empty() {
                // An empty line may come back with no run at all: it still takes a line.
                placed_lines.push(VisualLine {
                    top,
                    height: (style.size * style.line_height).ceil(),
                    rtl,
                    start: range.start,
                    end: range.start,
                    units: Vec::new(),
                    start_edge,
                });
            }
            let height = placed_lines.iter().map(|l| l.height).sum::<f32>();
            lines.extend(placed_lines);
            paragraphs.push(PlacedParagraph {
                paragraph,
                range,
                x,
                y: top,
            });
            top += height;
        }
        Self {
            paragraphs,
            lines,
            width,
        }
    }

    #[must_use]
    pub fn paragraphs(&self) -> &[PlacedParagraph] {
        &self.paragraphs
    }

    #[must_use]
    pub fn lines(&self) -> &[VisualLine] {
        &self.lines
    }

    /// Height of all lines, in points.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.lines.last().map_or(0.0, |l| l.top + l.height)
    }

    /// The leftmost and rightmost points any text reaches (the text area when it fits).
    #[must_use]
    pub fn horizontal_extent(&self) -> (f32, f32) {
        self.lines
            .iter()
            .flat_map(|l| l.units.iter())
            .fold((0.0_f32, self.width), |(lo, hi), u| {
                (lo.min(u.left), hi.max(u.right))
            })
    }

    /// Each line's characters from left to right as they stand on screen (mirrored characters
    /// mirrored): what `fribidi` prints for the same text, for checking.
    #[must_use]
    pub fn visual_lines(&self) -> Vec<String> {
        self.paragraphs
            .iter()
            .flat_map(|p| p.paragraph.visual_lines())
            .collect()
    }

    /// Rectangles `[x, y, w, h]` covering a document byte range (relative to the text area),
    /// several when it wraps or bidi splits it.
    #[must_use]
    pub fn highlight(&self, range: &Range<usize>) -> Vec<[f32; 4]> {
        let mut out = Vec::new();
        for placed in &self.paragraphs {
            let start = range.start.max(placed.range.start);
            let end = range.end.min(placed.range.end);
            if start >= end {
                continue;
            }
            for [x, y, w, h] in placed.paragraph.highlight(&(start..end)) {
                out.push([x + placed.x, y + placed.y, w, h]);
            }
        }
        out
    }
}

/// The byte ranges of the text's lines, without their line breaks (`\n`, `\r`); the
/// text engine lays out one line at a time.
#[must_use]
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r') {
            ranges.push(start..i);
            start = i + c.len_utf8();
        }
    }
    ranges.push(start..text.len());
    ranges
}

/// The visual lines of one paragraph, its grapheme clusters placed from left to right.
fn visual_lines(
    paragraph: &Paragraph,
    range: &Range<usize>,
    x: f32,
    top: f32,
    start_edge: f32,
) -> Vec<VisualLine> {
    let shift = x + paragraph.x_shift();
    let mut out = Vec::new();
    let mut graphemes: Option<Vec<Range<usize>>> = None;
    for run in paragraph.runs() {
        let graphemes = graphemes.get_or_insert_with(|| {
            run.text
                .grapheme_indices(true)
                .map(|(i, g)| i..i + g.len())
                .collect()
        });
        let glyphs: Box<dyn Iterator<Item = &cosmic_text::LayoutGlyph>> = if run.rtl {
            Box::new(run.glyphs.iter().rev())
        } else {
            Box::new(run.glyphs.iter())
        };
        let mut units: Vec<Unit> = Vec::new();
        let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
        for glyph in glyphs {
            if is_inserted(paragraph, glyph.start) {
                continue;
            }
            let first = graphemes.partition_point(|g| g.end <= glyph.start);
            let last = graphemes.partition_point(|g| g.start < glyph.end);
            let parts = graphemes.get(first..last).unwrap_or_default();
            let rtl = glyph.level.is_rtl();
            #[expect(
                clippy::cast_precision_loss,
                reason = "a glyph covers a handful of clusters"
            )]
            let share = glyph.w / parts.len().max(1) as f32;
            let ordered: Box<dyn Iterator<Item = &Range<usize>>> = if rtl {
                Box::new(parts.iter().rev())
            } else {
                Box::new(parts.iter())
            };
            for (k, part) in ordered.enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "as above")]
                let left = shift + glyph.x + share * k as f32;
                let key = (
                    paragraph.to_document(part.start),
                    paragraph.to_document(part.end),
                );
                if let Some(&i) = seen.get(&key) {
                    let unit: &mut Unit = &mut units[i];
                    unit.left = unit.left.min(left);
                    unit.right = unit.right.max(left + share);
                } else {
                    seen.insert(key, units.len());
                    units.push(Unit {
                        start: key.0,
                        end: key.1,
                        left,
                        right: left + share,
                        rtl,
                    });
                }
            }
        }
        share_ligatures(&mut units);
        let start = units.iter().map(|u| u.start).min().unwrap_or(range.start);
        let end = units.iter().map(|u| u.end).max().unwrap_or(range.start);
        out.push(VisualLine {
            top: top + run.line_top,
            height: run.line_height,
            rtl: run.rtl,
            start,
            end,
            units,
            start_edge,
        });
    }
    out
}

/// Gives a cluster drawn with no width of its own (the alef of a lam-alef that a font draws
/// as two glyphs, one of them empty) half of the cluster it joins, so that the caret steps
/// visibly through the ligature, as browsers split a ligature's advance.
fn share_ligatures(units: &mut [Unit]) {
    for i in 0..units.len() {
        if units[i].right > units[i].left {
            continue;
        }
        // The cluster before it in reading order stands on its right in right-to-left text.
        let neighbour = if units[i].rtl {
            i.checked_add(1).filter(|&n| n < units.len())
        } else {
            i.checked_sub(1)
        };
        let Some(n) =
            neighbour.filter(|&n| units[n].rtl == units[i].rtl && units[n].right > units[n].left)
        else {
            continue;
        };
        let middle = (units[n].left + units[n].right) / 2.0;
        if units[i].rtl {
            units[i].right = middle;
            units[n].left = middle;
        } else {
            units[i].left = middle;
            units[n].right = middle;
        }
    }
}

/// Whether a byte of the laid-out text belongs to a mark the layout inserted (it maps to a
/// document byte that maps back elsewhere).
fn is_inserted(paragraph: &Paragraph, laid: usize) -> bool {
    paragraph.to_laid(paragraph.to_document(laid)) != laid
}
