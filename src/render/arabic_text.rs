//! A laid-out paragraph on screen: the glyphs, and the band, marks, highlights and underlines behind them.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::{
    Color32, Mesh, Painter, Pos2, Rect, Response, Role, Sense, Shape, Ui, Vec2, WidgetInfo, vec2,
};

use super::chunked::ChunkedParagraph;
use super::layout::Paragraph;
use super::widget::{GlyphMesh, PlacedMesh, Typesetter, add_mark};

/// What an [`ArabicText`] shows: one laid-out paragraph, or a long one in pieces.
#[derive(Clone, Copy)]
enum Laid<'a> {
    One(&'a Paragraph),
    Pieces(&'a ChunkedParagraph),
}

/// A laid-out paragraph on screen, with optional background highlights behind byte ranges.
pub struct ArabicText<'a> {
    laid: Laid<'a>,
    text: &'a str,
    color: Color32,
    /// Backgrounds in painting order.
    highlights: Vec<(Range<usize>, Color32)>,
    underlines: Vec<(Range<usize>, Color32)>,
    colors: &'a [(Range<usize>, Color32)],
    /// Marks already measured and built into a mesh, in place on the screen.
    measured_marks: Option<Arc<Mesh>>,
    /// Marks to measure (once per layout and `marks_key`), sorted by start.
    marks: &'a [(Range<usize>, Color32)],
    marks_key: u64,
    /// A range filled under everything else (the current sentence, in the reader).
    band: Option<(Range<usize>, Color32)>,
}

impl<'a> ArabicText<'a> {
    /// `text` is what screen readers are told.
    #[must_use]
    pub fn new(paragraph: &'a Paragraph, text: &'a str) -> Self {
        Self::of(Laid::One(paragraph), text)
    }

    /// A paragraph of any length: only its laid-out pieces inside the painter's clip
    /// rectangle are drawn, so call [`ChunkedParagraph::lay_out`] for that part first.
    #[must_use]
    pub fn chunked(paragraph: &'a ChunkedParagraph, text: &'a str) -> Self {
        Self::of(Laid::Pieces(paragraph), text)
    }

    fn of(laid: Laid<'a>, text: &'a str) -> Self {
        Self {
            laid,
            text,
            color: Color32::BLACK,
            highlights: Vec::new(),
            underlines: Vec::new(),
            colors: &[],
            measured_marks: None,
            marks: &[],
            marks_key: 0,
            band: None,
        }
    }

    /// Fills a range under the marks and highlights (the reader's current sentence).
    #[must_use]
    pub fn band(mut self, range: Range<usize>, color: Color32) -> Self {
        self.band = Some((range, color));
        self
    }

    /// Boxes lower than the line behind words (a word's status), so the band painted before
    /// them still shows above and below. Measured earlier with [`Paragraph::highlight`]:
    /// marks change rarely, and measuring every frame is slow.
    #[must_use]
    pub fn measured_marks(mut self, marks: Option<Arc<Mesh>>) -> Self {
        self.measured_marks = marks;
        self
    }

    /// Boxes lower than the line behind these ranges (sorted by start), measured when the
    /// layout or `key` changes and kept in the cache given to [`Self::paint_cached`] (for a
    /// long paragraph, only for the pieces on screen). `key` stands for the ranges and
    /// colours: change it when they change.
    #[must_use]
    pub fn marks(mut self, marks: &'a [(Range<usize>, Color32)], key: u64) -> Self {
        self.marks = marks;
        self.marks_key = key;
        self
    }

    /// Draws these document byte ranges in their own colours.
    #[must_use]
    pub fn colors(mut self, colors: &'a [(Range<usize>, Color32)]) -> Self {
        self.colors = colors;
        self
    }

    #[must_use]
    pub fn color(mut self, color: Color32) -> Self {
        self.color = color;
        self
    }

    /// Fills the rectangles of a document byte range behind the text.
    #[must_use]
    pub fn highlight(mut self, range: Range<usize>, color: Color32) -> Self {
        self.highlights.push((range, color));
        self
    }

    /// Underlines a document byte range.
    #[must_use]
    pub fn underline(mut self, range: Range<usize>, color: Color32) -> Self {
        self.underlines.push((range, color));
        self
    }

    /// The size the paragraph takes.
    #[must_use]
    pub fn size(&self) -> Vec2 {
        match self.laid {
            Laid::One(p) => vec2(
                p.width_limit().unwrap_or_else(|| p.content_width()),
                p.height(),
            ),
            Laid::Pieces(p) => vec2(p.width(), p.height()),
        }
    }

    /// Draws into `rect` (its top-left corner is the paragraph's) and registers a widget
    /// labelled with the text, so screen readers and tests find it.
    pub fn show(self, ui: &mut Ui, typesetter: &mut Typesetter, rect: Rect) -> Response {
        let response = ui.allocate_rect(rect, Sense::hover());
        let text = self.text.to_owned();
        self.paint(ui.painter(), typesetter, rect);
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &text));
        response
    }

    /// Draws without registering a widget.
    pub fn paint(&self, painter: &Painter, typesetter: &mut Typesetter, rect: Rect) {
        self.paint_cached(painter, typesetter, rect, &mut GlyphMesh::default());
    }

    /// Draws, reusing the glyph mesh of earlier frames kept in `cache`.
    pub fn paint_cached(
        &self,
        painter: &Painter,
        typesetter: &mut Typesetter,
        rect: Rect,
        cache: &mut GlyphMesh,
    ) {
        // Marks measured by the caller cover the whole paragraph: the band goes under them.
        let band_first = self.measured_marks.is_some();
        if let Some(marks) = &self.measured_marks {
            if let Some((range, color)) = &self.band {
                for r in self.laid_highlight(range) {
                    fill(painter, rect.min, r, *color);
                }
            }
            painter.add(Shape::Mesh(Arc::clone(marks)));
        }
        match self.laid {
            Laid::One(p) => {
                self.paint_piece(painter, typesetter, p, rect.min, cache, !band_first);
            }
            Laid::Pieces(pieces) => {
                let clip = painter.clip_rect();
                let view = clip.min.y - rect.min.y..clip.max.y - rect.min.y;
                let mut drawn = HashMap::new();
                for (i, top, p) in pieces.laid_pieces(view) {
                    let mut piece_cache = cache.pieces.remove(&i).unwrap_or_default();
                    let origin = rect.min + vec2(0.0, top);
                    self.paint_piece(
                        painter,
                        typesetter,
                        p,
                        origin,
                        &mut piece_cache,
                        !band_first,
                    );
                    drawn.insert(i, piece_cache);
                }
                // Only the pieces on screen keep their meshes: memory stays that of one screen.
                cache.pieces = drawn;
            }
        }
    }

    fn laid_highlight(&self, range: &Range<usize>) -> Vec<[f32; 4]> {
        match self.laid {
            Laid::One(p) => p.highlight(range),
            Laid::Pieces(p) => p.highlight(range),
        }
    }

    /// Draws one laid-out paragraph (or piece) whose top-left corner is at `origin`: bottom
    /// to top, the band (unless drawn already), the marks, the highlights in the order given,
    /// the underlines, the glyphs.
    fn paint_piece(
        &self,
        painter: &Painter,
        typesetter: &mut Typesetter,
        paragraph: &Paragraph,
        origin: Pos2,
        cache: &mut GlyphMesh,
        band: bool,
    ) {
        if let Some((range, color)) = self.band.as_ref().filter(|_| band) {
            for r in paragraph.highlight(range) {
                fill(painter, origin, r, *color);
            }
        }
        if !self.marks.is_empty()
            && let Some(mesh) = self.piece_marks(paragraph, cache).at(origin.to_vec2())
        {
            painter.add(Shape::Mesh(mesh));
        }
        for (range, color) in &self.highlights {
            for r in paragraph.highlight(range) {
                fill(painter, origin, r, *color);
            }
        }
        for (range, color) in &self.underlines {
            for [x, y, w, h] in paragraph.highlight(range) {
                let r = Rect::from_min_size(origin + vec2(x, y + h - 3.0), vec2(w, 2.0));
                painter.rect_filled(r, 1.0, *color);
            }
        }
        let own = paragraph.base()..paragraph.base() + paragraph.text_len();
        let colors: Vec<(Range<usize>, Color32)> = self
            .colors
            .iter()
            .filter(|(r, _)| r.start < own.end && own.start < r.end)
            .cloned()
            .collect();
        typesetter.paint_cached(painter, paragraph, origin, self.color, &colors, cache);
    }

    /// The marks of one paragraph (or piece), measured again only when it or the marks changed.
    fn piece_marks<'c>(
        &self,
        paragraph: &Paragraph,
        cache: &'c mut GlyphMesh,
    ) -> &'c mut PlacedMesh {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (paragraph.version(), self.marks_key).hash(&mut h);
        let key = h.finish();
        if cache.marks.as_ref().is_none_or(|(k, _)| *k != key) {
            let own = paragraph.base()..paragraph.base() + paragraph.text_len();
            let sorted = self.marks.is_sorted_by_key(|(r, _)| r.start);
            let first = if sorted {
                // Marks are short (words): any that reaches into the piece starts shortly before it.
                self.marks
                    .partition_point(|(r, _)| r.start < own.start.saturating_sub(4096))
            } else {
                0
            };
            let mut mesh = Mesh::default();
            for (range, color) in &self.marks[first..] {
                if sorted && range.start >= own.end {
                    break;
                }
                if range.start < own.end && own.start < range.end {
                    for r in paragraph.highlight(range) {
                        add_mark(&mut mesh, r, *color);
                    }
                }
            }
            cache.marks = Some((key, PlacedMesh::new(mesh)));
        }
        let (_, marks) = cache
            .marks
            .get_or_insert_with(|| (key, PlacedMesh::default()));
        marks
    }
}

/// Fills a rectangle `[x, y, w, h]` relative to `origin`, a little wider than the glyphs.
fn fill(painter: &Painter, origin: Pos2, [x, y, w, h]: [f32; 4], color: Color32) {
    let r = Rect::from_min_size(origin + vec2(x, y), vec2(w, h));
    painter.rect_filled(r.expand2(vec2(1.5, -1.0)), 3.0, color);
}
