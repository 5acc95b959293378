//! A paragraph laid out by cosmic-text (bidi, line breaking, shaping), addressed by document bytes.

use std::ops::Range;

use cosmic_text::{
    Align, Attrs, Buffer, Cursor, Family, FontSystem, LayoutRunIter, Metrics, Shaping, Weight, Wrap,
};

use super::fonts::FontChoice;
use crate::analysis::SentenceKind;

/// How a piece of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub font: FontChoice,
    /// Font size in points.
    pub size: f32,
    pub bold: bool,
    /// Line height as a multiple of the size (Arabic marks need room above and below).
    pub line_height: f32,
    /// Mostly Latin text (an English gloss quoting Arabic): set in Noto Sans, with the
    /// Arabic falling back to Noto Naskh Arabic, so Latin punctuation keeps Latin shapes.
    pub latin: bool,
}

impl TextStyle {
    #[must_use]
    pub fn new(font: FontChoice, size: f32) -> Self {
        Self {
            font,
            size,
            bold: false,
            line_height: 1.75,
            latin: false,
        }
    }

    #[must_use]
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    /// The style of a paragraph of an article: the headline larger and bold, the source line smaller.
    #[must_use]
    pub fn for_kind(self, kind: SentenceKind) -> Self {
        match kind {
            SentenceKind::Title => Self {
                size: (self.size * 1.35).round(),
                bold: true,
                ..self
            },
            SentenceKind::Body => self,
            SentenceKind::Source => Self {
                size: (self.size * 0.8).round(),
                ..self
            },
        }
    }

    /// The height of one line, in points.
    #[must_use]
    pub fn line_height_points(self) -> f32 {
        (self.size * self.line_height).ceil()
    }

    fn metrics(self) -> Metrics {
        Metrics::new(self.size, self.line_height_points())
    }

    fn attrs(&self) -> Attrs<'static> {
        let weight = if self.bold {
            Weight::BOLD
        } else {
            Weight::NORMAL
        };
        let family = if self.latin {
            "Noto Sans"
        } else {
            self.font.family()
        };
        Attrs::new().family(Family::Name(family)).weight(weight)
    }
}

/// The base direction of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Right to left, whatever the first strong character is (every paragraph of an Arabic text).
    Rtl,
    /// From the first strong character, as the Unicode bidi algorithm's default.
    Auto,
}

/// One paragraph laid out at a width. Offsets in and out are bytes of the document
/// the paragraph came from; the characters inserted for layout never leak out.
pub struct Paragraph {
    buffer: Buffer,
    /// The document byte where the paragraph starts.
    base: usize,
    /// The length of the paragraph's own text (without what was inserted for layout).
    len: usize,
    /// Characters inserted for layout: (offset in the paragraph's own text, byte length), sorted.
    inserts: Vec<(usize, usize)>,
    style: TextStyle,
    /// The width asked for; lines may wrap narrower (see `keep_numbers_whole`), and are
    /// then shifted right by `x_shift` so that right-aligned lines still end at this width.
    width: Option<f32>,
    x_shift: f32,
    /// A number unique to this layout (changes on every re-wrap), so drawings of it can be cached.
    version: u64,
    /// Each line's bytes of the laid-out text (first glyph start, last glyph end), so that
    /// highlighting a word looks at its line only, not at every glyph of the paragraph.
    line_spans: Vec<(usize, usize)>,
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Paragraph {
    /// Lays out `text`, which starts at byte `base` of its document, wrapped at `width` points
    /// (or on one line when `None`).
    pub fn new(
        fonts: &mut FontSystem,
        text: &str,
        base: usize,
        style: TextStyle,
        direction: Direction,
        width: Option<f32>,
    ) -> Self {
        let (laid, inserts) = super::laid_text::layout_text(text, direction);
        let mut buffer = Buffer::new(fonts, style.metrics());
        buffer.set_wrap(Wrap::WordOrGlyph);
        let align = match direction {
            Direction::Rtl => Some(Align::Right),
            Direction::Auto => None,
        };
        buffer.set_text(&laid, &style.attrs(), Shaping::Advanced, align);
        let mut paragraph = Self {
            buffer,
            base,
            len: text.len(),
            inserts,
            style,
            width: None,
            x_shift: 0.0,
            version: 0,
            line_spans: Vec::new(),
        };
        paragraph.wrap(fonts, width);
        paragraph
    }

    /// Wraps again at a new width (shaping is kept, so this is cheap).
    pub fn set_width(&mut self, fonts: &mut FontSystem, width: Option<f32>) {
        if self.width != width {
            self.wrap(fonts, width);
        }
    }

    fn wrap(&mut self, fonts: &mut FontSystem, width: Option<f32>) {
        self.version = NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.width = width;
        self.x_shift = 0.0;
        self.buffer.set_size(width, None);
        self.buffer.shape_until_scroll(fonts, false);
        self.keep_numbers_whole(fonts);
        self.line_spans = self.measure_line_spans();
    }

    fn measure_line_spans(&self) -> Vec<(usize, usize)> {
        self.runs()
            .map(|r| {
                let first = r.glyphs.iter().map(|g| g.start).min().unwrap_or(0);
                let last = r.glyphs.iter().map(|g| g.end).max().unwrap_or(0);
                (first, last)
            })
            .collect()
    }

    /// cosmic-text may break a line between a number and its `%` (they sit at different
    /// bidi levels); browsers never do. When that happens the paragraph is wrapped a little
    /// narrower until the number moves to the next line with its sign.
    fn keep_numbers_whole(&mut self, fonts: &mut FontSystem) {
        let Some(width) = self.width else { return };
        let mut narrower = width;
        while self.splits_a_number() && narrower > width * 0.6 {
            narrower -= (self.style.size * 0.25).max(1.0);
            self.buffer.set_size(Some(narrower), None);
            self.buffer.shape_until_scroll(fonts, false);
        }
        let right_aligned = self
            .buffer
            .lines
            .first()
            .is_some_and(|l| l.align() == Some(Align::Right));
        self.x_shift = if right_aligned { width - narrower } else { 0.0 };
    }

    /// True when a line ends with a digit and the next one starts with a percent sign.
    fn splits_a_number(&self) -> bool {
        let Some(text) = self.buffer.lines.first().map(cosmic_text::BufferLine::text) else {
            return false;
        };
        let spans = self.measure_line_spans();
        spans.windows(2).any(|pair| {
            let before = text.get(..pair[0].1).and_then(|t| t.chars().next_back());
            let after = text.get(pair[1].0..).and_then(|t| t.chars().next());
            before.is_some_and(crate::arabic::script::is_digit)
                && matches!(after, Some('%' | '٪' | '‰'))
        })
    }

    /// Identifies this layout: equal versions mean identical glyph positions.
    #[must_use]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// How far right every glyph is drawn from where cosmic-text put it.
    #[must_use]
    pub fn x_shift(&self) -> f32 {
        self.x_shift
    }

    #[must_use]
    pub fn style(&self) -> TextStyle {
        self.style
    }

    #[must_use]
    pub fn width_limit(&self) -> Option<f32> {
        self.width
    }

    /// Laid-out lines, each with its glyphs in visual order.
    #[must_use]
    pub fn runs(&self) -> LayoutRunIter<'_> {
        self.buffer.layout_runs()
    }

    /// Height of all lines, in points.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.runs().map(|r| r.line_height).sum()
    }

    /// Width of the widest line, in points.
    #[must_use]
    pub fn content_width(&self) -> f32 {
        self.runs().map(|r| r.line_w).fold(0.0, f32::max) + self.x_shift
    }

    /// The document byte where the paragraph starts.
    #[must_use]
    pub fn base(&self) -> usize {
        self.base
    }

    /// The length in bytes of the paragraph's text: it covers the document bytes
    /// `base()..base() + text_len()`.
    #[must_use]
    pub fn text_len(&self) -> usize {
        self.len
    }

    /// Document byte of a byte of the laid-out text.
    #[must_use]
    pub fn to_document(&self, laid: usize) -> usize {
        let mut shift = 0;
        for &(at, len) in &self.inserts {
            let start = at + shift;
            if laid < start {
                break;
            }
            if laid < start + len {
                return self.base + at;
            }
            shift += len;
        }
        self.base + laid - shift
    }

    /// Byte of the laid-out text for a document byte.
    #[must_use]
    pub fn to_laid(&self, document: usize) -> usize {
        let rel = document.saturating_sub(self.base);
        rel + self
            .inserts
            .iter()
            .filter(|&&(at, _)| at <= rel)
            .map(|&(_, len)| len)
            .sum::<usize>()
    }

    /// The document byte of the glyph under a point (in points, relative to the paragraph's
    /// top-left corner), if the point is on a glyph.
    #[must_use]
    pub fn glyph_at(&self, x: f32, y: f32) -> Option<usize> {
        let x = x - self.x_shift;
        let run = self
            .runs()
            .find(|r| y >= r.line_top && y < r.line_top + r.line_height)?;
        let glyph = run.glyphs.iter().find(|g| x >= g.x && x < g.x + g.w)?;
        Some(self.to_document(glyph.start))
    }

    /// The document byte of the caret position nearest a point (for selecting by dragging).
    #[must_use]
    pub fn cursor_at(&self, x: f32, y: f32) -> Option<usize> {
        self.buffer
            .hit(x - self.x_shift, y)
            .map(|c| self.to_document(c.index))
    }

    /// Rectangles `[x, y, w, h]` (points, relative to the top-left corner) covering a document
    /// byte range; several when the range wraps or bidi interleaves it with other text.
    #[must_use]
    pub fn highlight(&self, range: &Range<usize>) -> Vec<[f32; 4]> {
        let (a, b) = (self.to_laid(range.start), self.to_laid(range.end));
        let mut out = Vec::new();
        let overlapping = self
            .line_spans
            .iter()
            .map(|&(first, last)| first < b && a < last);
        for (run, _) in self.runs().zip(overlapping).filter(|(_, o)| *o) {
            for (x, w) in run.highlight(Cursor::new(0, a), Cursor::new(0, b)) {
                out.push([x + self.x_shift, run.line_top, w, run.line_height]);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fonts::bundled_font_system;

    #[test]
    fn offsets_round_trip_through_the_inserted_marks() {
        let mut fonts = bundled_font_system();
        let text = "نسبة 35% فقط";
        let p = Paragraph::new(
            &mut fonts,
            text,
            100,
            TextStyle::new(FontChoice::Naskh, 20.0),
            Direction::Rtl,
            None,
        );
        for (i, _) in text.char_indices() {
            assert_eq!(p.to_document(p.to_laid(100 + i)), 100 + i, "byte {i}");
        }
    }

    #[test]
    fn an_rtl_paragraph_that_starts_with_latin_is_still_right_to_left() {
        let mut fonts = bundled_font_system();
        let style = TextStyle::new(FontChoice::Naskh, 20.0);
        let p = Paragraph::new(&mut fonts, "CNN قالت", 0, style, Direction::Rtl, None);
        assert_eq!(p.runs().next().map(|r| r.rtl), Some(true));
        // The Latin word stands at the right end, where the line starts.
        assert_eq!(p.visual_lines(), vec!["تلاق CNN".to_owned()]);
        let auto = Paragraph::new(&mut fonts, "CNN قالت", 0, style, Direction::Auto, None);
        assert_eq!(auto.runs().next().map(|r| r.rtl), Some(false));
    }
}
