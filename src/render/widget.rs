//! The one widget that draws Arabic in the UI, and the `Typesetter` that owns fonts, layouts and the atlas.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use cosmic_text::FontSystem;
use egui::{
    Color32, Mesh, Painter, Pos2, Rect, Response, Role, Sense, Shape, Ui, Vec2, WidgetInfo, vec2,
};

pub use super::arabic_text::ArabicText;
use super::atlas::{GlyphAtlas, glyph_rect};
use super::fonts::bundled_font_system;
use super::layout::{Direction, Paragraph, TextStyle};

/// Frames a cached label may go unused before it is dropped.
const LABEL_TTL_FRAMES: u64 = 300;

#[derive(Clone, PartialEq, Eq, Hash)]
struct LabelKey {
    text: String,
    size: u32,
    line_height: u32,
    font: super::FontChoice,
    bold: bool,
    latin: bool,
    width: Option<u32>,
    direction: Direction,
}

/// Fonts, the glyph atlas and cached layouts of short strings: one per app.
pub struct Typesetter {
    pub fonts: FontSystem,
    pub atlas: GlyphAtlas,
    labels: HashMap<LabelKey, (Paragraph, u64)>,
    frame: u64,
}

impl Default for Typesetter {
    fn default() -> Self {
        Self {
            fonts: bundled_font_system(),
            atlas: GlyphAtlas::default(),
            labels: HashMap::new(),
            frame: 0,
        }
    }
}

impl Typesetter {
    /// Called at the start of every frame.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.atlas.begin_frame(ctx);
        self.frame += 1;
        let frame = self.frame;
        self.labels
            .retain(|_, (_, used)| frame - *used < LABEL_TTL_FRAMES);
    }

    /// Forgets layouts and glyphs, after the font or text size changed.
    pub fn clear(&mut self) {
        self.labels.clear();
        self.atlas.clear();
    }

    /// Lays out a paragraph of a document.
    pub fn layout(
        &mut self,
        text: &str,
        base: usize,
        style: TextStyle,
        direction: Direction,
        width: Option<f32>,
    ) -> Paragraph {
        Paragraph::new(&mut self.fonts, text, base, style, direction, width)
    }

    /// Shows a string right to left: on one line, or wrapped to the available width when
    /// `wrap` is set. The widget is labelled with the text for screen readers.
    pub fn label(
        &mut self,
        ui: &mut Ui,
        text: &str,
        style: TextStyle,
        color: Color32,
        wrap: bool,
    ) -> Response {
        self.label_in(ui, text, style, color, wrap, Direction::Rtl)
    }

    /// Shows English (or any) text that may hold Arabic words, such as a gloss with an
    /// example phrase: the direction follows the first strong letter, and the Arabic inside
    /// is shaped and ordered by the bidi algorithm, which egui's own labels cannot do.
    pub fn mixed_label(
        &mut self,
        ui: &mut Ui,
        text: &str,
        style: TextStyle,
        color: Color32,
        wrap: bool,
    ) -> Response {
        let style = TextStyle {
            latin: true,
            ..style
        };
        self.label_in(ui, text, style, color, wrap, Direction::Auto)
    }

    fn label_in(
        &mut self,
        ui: &mut Ui,
        text: &str,
        style: TextStyle,
        color: Color32,
        wrap: bool,
        direction: Direction,
    ) -> Response {
        let width = wrap.then(|| ui.available_width().max(style.size * 2.0));
        let key = LabelKey {
            text: text.to_owned(),
            size: style.size.to_bits(),
            line_height: style.line_height.to_bits(),
            font: style.font,
            bold: style.bold,
            latin: style.latin,
            width: width.map(f32::to_bits),
            direction,
        };
        // Taken out of the cache while drawing: painting needs the typesetter mutably.
        let paragraph = match self.labels.remove(&key) {
            Some((p, _)) => p,
            None => Paragraph::new(&mut self.fonts, text, 0, style, direction, width),
        };
        let shown = ArabicText::new(&paragraph, text).color(color);
        let (rect, response) = ui.allocate_exact_size(shown.size(), Sense::hover());
        shown.paint(ui.painter(), self, rect);
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, text));
        self.labels.insert(key, (paragraph, self.frame));
        response
    }

    /// Adds the glyphs of a paragraph whose top-left corner is at `origin` to a painter.
    /// `colors` gives document byte ranges drawn in their own colour (entity tints, for instance).
    pub fn paint(
        &mut self,
        painter: &Painter,
        paragraph: &Paragraph,
        origin: Pos2,
        color: Color32,
        colors: &[(Range<usize>, Color32)],
    ) {
        let mut cache = GlyphMesh::default();
        self.paint_cached(painter, paragraph, origin, color, colors, &mut cache);
    }

    /// Like [`Self::paint`], but reuses the mesh built on an earlier frame while the layout,
    /// colours, screen scale and atlas are unchanged: most frames then cost one copy.
    pub fn paint_cached(
        &mut self,
        painter: &Painter,
        paragraph: &Paragraph,
        origin: Pos2,
        color: Color32,
        colors: &[(Range<usize>, Color32)],
        cache: &mut GlyphMesh,
    ) {
        let ppp = painter.ctx().pixels_per_point();
        let key = mesh_key(
            self.atlas.generation(),
            ppp,
            paragraph.version(),
            color,
            colors,
        );
        if cache.key != Some(key) {
            cache.mesh = PlacedMesh::new(self.build_mesh(paragraph, ppp, color, colors));
            // A mesh missing glyphs (the atlas was full) is rebuilt on the next frame.
            cache.key = (!self.atlas.is_full()).then_some(key);
        }
        // Snap the origin to whole pixels: glyph images are rasterised for pixel positions.
        let ox = ((origin.x + paragraph.x_shift()) * ppp).round() / ppp;
        let oy = (origin.y * ppp).round() / ppp;
        if let Some(mesh) = cache.mesh.at(vec2(ox, oy)) {
            painter.add(Shape::Mesh(mesh));
        }
        if self.atlas.is_full() {
            painter.ctx().request_repaint();
        }
    }

    /// The glyph quads of a paragraph whose (pixel-snapped) origin is at (0, 0).
    fn build_mesh(
        &mut self,
        paragraph: &Paragraph,
        ppp: f32,
        color: Color32,
        colors: &[(Range<usize>, Color32)],
    ) -> Mesh {
        let mut mesh = Mesh::with_texture(self.atlas.texture_id());
        for run in paragraph.runs() {
            let baseline = (run.line_y * ppp).round();
            for glyph in run.glyphs {
                let physical = glyph.physical((0.0, baseline), ppp);
                let Some(entry) = self.atlas.glyph(&mut self.fonts, physical.cache_key) else {
                    continue;
                };
                let rect = glyph_rect(&entry, physical.x, physical.y, ppp);
                let at = paragraph.to_document(glyph.start);
                let own = colors
                    .iter()
                    .find(|(r, _)| r.contains(&at))
                    .map_or(color, |(_, c)| *c);
                let tint = if entry.is_color {
                    Color32::WHITE
                } else {
                    glyph_color(glyph, own)
                };
                mesh.add_rect_with_uv(rect, entry.uv, tint);
            }
        }
        mesh
    }
}

/// A mark behind a word, lower than its line so a band behind the whole line still shows
/// above and below it: `[x, y, w, h]` as [`Paragraph::highlight`] gives them.
pub fn add_mark(mesh: &mut Mesh, [x, y, w, h]: [f32; 4], color: Color32) {
    let inset = h * 0.14;
    mesh.add_colored_rect(
        Rect::from_min_size(
            egui::pos2(x - 1.5, y + inset),
            vec2(w + 3.0, h - 2.0 * inset),
        ),
        color,
    );
}

/// A paragraph's glyph quads kept between frames (see [`Typesetter::paint_cached`]); for a
/// [`ChunkedParagraph`](super::ChunkedParagraph), those of each piece on screen, and the marks of each.
#[derive(Default)]
pub struct GlyphMesh {
    key: Option<u64>,
    mesh: PlacedMesh,
    /// The marks measured for this paragraph (see [`ArabicText::marks`]), and their key.
    pub(super) marks: Option<(u64, PlacedMesh)>,
    /// For a [`ChunkedParagraph`]: the meshes of the pieces on screen, by piece.
    pub(super) pieces: HashMap<usize, GlyphMesh>,
}

/// A mesh built relative to (0, 0), and its copy moved to where it was last drawn: while
/// nothing moves (no scrolling), frames share that copy instead of copying the mesh again.
#[derive(Default)]
pub struct PlacedMesh {
    relative: Mesh,
    placed: Option<(Vec2, Arc<Mesh>)>,
}

impl PlacedMesh {
    #[must_use]
    pub fn new(relative: Mesh) -> Self {
        Self {
            relative,
            placed: None,
        }
    }

    /// The mesh moved by `offset`; `None` when it is empty.
    pub fn at(&mut self, offset: Vec2) -> Option<Arc<Mesh>> {
        if self.relative.is_empty() {
            return None;
        }
        match &self.placed {
            Some((at, mesh)) if *at == offset => Some(Arc::clone(mesh)),
            _ => {
                let mut mesh = self.relative.clone();
                mesh.translate(offset);
                let mesh = Arc::new(mesh);
                self.placed = Some((offset, Arc::clone(&mesh)));
                Some(mesh)
            }
        }
    }
}

fn mesh_key(
    generation: u64,
    ppp: f32,
    version: u64,
    color: Color32,
    colors: &[(Range<usize>, Color32)],
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (generation, ppp.to_bits(), version, color).hash(&mut h);
    for (r, c) in colors {
        (r.start, r.end, c).hash(&mut h);
    }
    h.finish()
}

fn glyph_color(glyph: &cosmic_text::LayoutGlyph, default: Color32) -> Color32 {
    glyph.color_opt.map_or(default, |c| {
        Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), c.a())
    })
}
