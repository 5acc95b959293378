//! The reader panel: the document laid out right to left, its current sentence and word, hover, selection and the word popup.

use egui::{Align, Pos2, Rect, Role, ScrollArea, Sense, Ui, WidgetInfo, vec2};

use super::actions::Action;
use super::navigation::Position;
use super::theme::Palette;
use crate::analysis::{Analysis, Document, SentenceKind};
use crate::arabic::tokenize::TokenKind;
use crate::render::{ArabicText, Direction, GlyphMesh, Paragraph, TextStyle, Typesetter};
use crate::study::{Session, Status};

mod popups;

/// Below this size every paragraph is laid out at once; above it, only those near the view.
const EAGER_LAYOUT_BYTES: usize = 256 * 1024;
/// Room on the left, and on the right where egui's scroll bar sits (RTL lines start there).
const PAD_LEFT: f32 = 14.0;
const PAD_RIGHT: f32 = 26.0;

/// Text colours for byte ranges of one paragraph.
type Tints = Vec<(std::ops::Range<usize>, egui::Color32)>;

#[derive(Clone, Copy, PartialEq)]
struct LayoutKey {
    width: u32,
    style: [u32; 2],
    font: crate::render::FontChoice,
}

/// The reader's state for one document.
#[derive(Default)]
pub struct Reader {
    pub position: Position,
    /// The word popup is open for the current word.
    pub details_open: bool,
    /// The current sentence's English translation is shown under it.
    pub show_translation: bool,
    /// A drag selection: anchor and head, document bytes.
    pub selection: Option<(usize, usize)>,
    /// The token under the pointer.
    pub hovered: Option<usize>,
    layouts: Vec<Option<Paragraph>>,
    tops: Vec<f32>,
    layout_key: Option<LayoutKey>,
    /// Scroll the current sentence into view on the next frame.
    follow: bool,
    /// Screen rectangle of the current word, where the popup is anchored.
    word_rect: Option<Rect>,
    /// Screen rectangle of the current sentence, where its translation is anchored.
    sentence_rect_on_screen: Option<Rect>,
    /// Each paragraph's glyph mesh, reused while nothing about it changes.
    meshes: Vec<GlyphMesh>,
    /// Each sentence's bounding box relative to its paragraph, with the layout version it was measured on.
    sentence_boxes: Vec<Option<(u64, Rect)>>,
    /// Text colours of entity mentions per paragraph, and the palette they were made for.
    entity_colors: Option<(bool, Vec<Tints>)>,
    /// Entity mentions are tinted by kind.
    pub tint_entities: bool,
    /// Each paragraph's status marks, measured once per layout and set of statuses.
    status_marks: StatusMarks,
}

impl Reader {
    /// Asks for the current sentence to be scrolled into view.
    pub fn follow_current(&mut self) {
        self.follow = true;
    }

    /// What `Ctrl+C` copies: the selection, else the current sentence, in logical order.
    #[must_use]
    pub fn copy_text(&self, doc: &Document) -> String {
        match self.selection {
            Some((a, b)) if a != b => doc.slice(&(a.min(b)..a.max(b))).to_owned(),
            _ => doc.sentence_text(self.position.sentence).to_owned(),
        }
    }

    /// Drops layouts (after a change of document, font or size).
    pub fn invalidate(&mut self) {
        self.layout_key = None;
    }

    /// The panel. `session` gives the words' statuses (tints, and the popup's buttons; `None`
    /// draws no tints). Returns the action of a button clicked in the popup.
    #[expect(
        clippy::too_many_arguments,
        reason = "the reader's inputs, passed once per frame"
    )]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        analysis: &Analysis,
        session: &Session,
        tints: bool,
        ts: &mut Typesetter,
        base: TextStyle,
        palette: &Palette,
    ) -> Option<Action> {
        self.prepare_entity_colors(doc, analysis, palette);
        let width = (ui.available_width() - PAD_LEFT - PAD_RIGHT).max(120.0);
        self.prepare_layouts(doc, ts, base, width);
        self.word_rect = None;
        let follow = std::mem::take(&mut self.follow);
        ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                let margin = viewport.height();
                let visible = self.visible(
                    viewport.min.y - margin,
                    viewport.max.y + margin,
                    base,
                    width,
                );
                let current_paragraph = doc
                    .sentences
                    .get(self.position.sentence)
                    .map_or(0, |s| s.paragraph);
                for &i in visible.iter().chain(follow.then_some(&current_paragraph)) {
                    self.ensure_layout(doc, ts, base, width, i);
                }
                self.compute_tops(doc, base, width);
                let visible = self.visible(viewport.min.y, viewport.max.y, base, width);
                let total = self.tops.last().copied().unwrap_or(0.0)
                    + self.height_of(self.tops.len().saturating_sub(1), doc, base, width)
                    + base.size;
                let (rect, response) = ui.allocate_exact_size(
                    vec2(ui.available_width(), total),
                    Sense::click_and_drag(),
                );
                let origin = rect.min + vec2(PAD_LEFT, 0.0);
                self.pointer_ui(ui, &response, doc, origin);
                let statuses = tints.then_some(session);
                for &i in &visible {
                    self.paint_paragraph(ui, doc, statuses, ts, i, origin, palette);
                }
                self.sentences_a11y_ui(ui, doc, &visible, origin);
                self.sentence_rect_on_screen =
                    self.sentence_rect(doc, self.position.sentence, origin);
                if follow && let Some(r) = self.sentence_rect(doc, self.position.sentence, origin) {
                    let shown =
                        Rect::from_min_size(rect.min + viewport.min.to_vec2(), viewport.size());
                    if !shown.contains_rect(r) {
                        ui.scroll_to_rect(r, Some(Align::Center));
                    }
                }
            });
        if self.details_open {
            return self.details_ui(ui, doc, analysis, session, ts, base, palette);
        } else if self.show_translation {
            self.translation_ui(ui, analysis);
        }
        None
    }

    fn prepare_layouts(
        &mut self,
        doc: &Document,
        ts: &mut Typesetter,
        base: TextStyle,
        width: f32,
    ) {
        let key = LayoutKey {
            width: width.to_bits(),
            style: [base.size.to_bits(), 0],
            font: base.font,
        };
        if self.layouts.len() != doc.paragraphs.len() {
            self.layout_key = None;
        }
        match self.layout_key {
            Some(old) if old == key => {}
            Some(old)
                if LayoutKey {
                    width: key.width,
                    ..old
                } == key =>
            {
                for p in self.layouts.iter_mut().flatten() {
                    p.set_width(&mut ts.fonts, Some(width));
                }
            }
            _ => {
                self.layouts = (0..doc.paragraphs.len()).map(|_| None).collect();
                self.meshes = (0..doc.paragraphs.len())
                    .map(|_| GlyphMesh::default())
                    .collect();
            }
        }
        self.layout_key = Some(key);
        if doc.text.len() <= EAGER_LAYOUT_BYTES {
            for i in 0..doc.paragraphs.len() {
                self.ensure_layout(doc, ts, base, width, i);
            }
        }
        self.compute_tops(doc, base, width);
    }

    fn ensure_layout(
        &mut self,
        doc: &Document,
        ts: &mut Typesetter,
        base: TextStyle,
        width: f32,
        i: usize,
    ) {
        if self.layouts.get(i).is_some_and(Option::is_none) {
            let range = doc.paragraphs[i].clone();
            let style = base.for_kind(paragraph_kind(doc, i));
            self.layouts[i] = Some(ts.layout(
                doc.slice(&range),
                range.start,
                style,
                Direction::Rtl,
                Some(width),
            ));
        }
    }

    /// Height of a paragraph: its layout's, or an estimate from its length until it is laid out.
    fn height_of(&self, i: usize, doc: &Document, base: TextStyle, width: f32) -> f32 {
        if let Some(Some(p)) = self.layouts.get(i) {
            return p.height();
        }
        let style = base.for_kind(paragraph_kind(doc, i));
        let chars = doc
            .paragraphs
            .get(i)
            .map_or(0, |r| doc.slice(r).chars().count());
        #[expect(clippy::cast_precision_loss, reason = "an estimate")]
        let lines = (chars as f32 * style.size * 0.42 / width).ceil().max(1.0);
        lines * (style.size * style.line_height).ceil()
    }

    fn compute_tops(&mut self, doc: &Document, base: TextStyle, width: f32) {
        let gap = base.size * 0.6;
        let mut y = base.size * 0.5;
        self.tops.clear();
        for i in 0..doc.paragraphs.len() {
            self.tops.push(y);
            y += self.height_of(i, doc, base, width) + gap;
        }
    }

    fn visible(&self, top: f32, bottom: f32, base: TextStyle, width: f32) -> Vec<usize> {
        let first = self.tops.partition_point(|&t| t < top).saturating_sub(1);
        let _ = (base, width);
        (first..self.tops.len())
            .take_while(|&i| self.tops[i] <= bottom)
            .collect()
    }

    /// The paragraph under a content-relative y, and the y inside it.
    fn paragraph_at(&self, y: f32) -> Option<(usize, f32)> {
        let i = self.tops.partition_point(|&t| t <= y).checked_sub(1)?;
        Some((i, y - self.tops[i]))
    }

    /// The caret position (document byte) nearest a content-relative point.
    fn cursor_at(&self, local: egui::Vec2) -> Option<usize> {
        let (i, y) = self.paragraph_at(local.y)?;
        self.layouts.get(i)?.as_ref()?.cursor_at(local.x, y)
    }

    fn pointer_ui(&mut self, ui: &Ui, response: &egui::Response, doc: &Document, origin: Pos2) {
        self.hovered = None;
        let Some(pointer) = response
            .hover_pos()
            .or_else(|| response.interact_pointer_pos())
        else {
            return;
        };
        let local = pointer - origin;
        let Some((i, y)) = self.paragraph_at(local.y) else {
            return;
        };
        let Some(Some(para)) = self.layouts.get(i) else {
            return;
        };
        let on_word = para
            .glyph_at(local.x, y)
            .and_then(|b| doc.token_at(b))
            .filter(|&t| doc.tokens[t].kind != TokenKind::Punct);
        if response.hovered() {
            self.hovered = on_word;
            if on_word.is_some() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            }
        }
        if response.drag_started() {
            // The drag is only recognised after the pointer has moved: anchor it where it was pressed.
            let origin_pos = ui.input(|i| i.pointer.press_origin()).unwrap_or(pointer);
            self.selection = self.cursor_at(origin_pos - origin).map(|b| (b, b));
        }
        if response.dragged()
            && let (Some((anchor, _)), Some(head)) = (self.selection, self.cursor_at(local))
        {
            self.selection = Some((anchor, head));
        }
        if response.clicked() {
            self.selection = None;
            if let Some(t) = on_word {
                self.position.go_to_token(doc, t);
                self.details_open = true;
            } else {
                self.details_open = false;
            }
        }
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "what one paragraph is painted with"
    )]
    fn paint_paragraph(
        &mut self,
        ui: &Ui,
        doc: &Document,
        statuses: Option<&Session>,
        ts: &mut Typesetter,
        i: usize,
        origin: Pos2,
        palette: &Palette,
    ) {
        let Some(Some(para)) = self.layouts.get(i) else {
            return;
        };
        let range = doc.paragraphs[i].clone();
        let color = if paragraph_kind(doc, i) == SentenceKind::Source {
            palette.muted
        } else {
            palette.text
        };
        let colors = match (&self.entity_colors, self.tint_entities) {
            (Some((_, per_paragraph)), true) => per_paragraph.get(i).map_or(&[][..], Vec::as_slice),
            _ => &[],
        };
        let mut shown = ArabicText::new(para, doc.slice(&range))
            .color(color)
            .colors(colors);
        if let Some(s) = doc
            .sentences
            .get(self.position.sentence)
            .filter(|s| s.paragraph == i)
        {
            shown = shown.band(s.range.clone(), palette.sentence);
        }
        let top_left = origin + vec2(0.0, self.tops[i]);
        // Like LWT and Lute: words still to learn stand out, known and ignored ones do not.
        if let Some(session) = statuses {
            let marks = self.status_marks.of(i, para, doc, session, palette);
            shown = shown.measured_marks(marks.at(top_left.to_vec2()));
        }
        if let Some((a, b)) = self.selection.filter(|(a, b)| a != b) {
            shown = shown.highlight(a.min(b)..a.max(b), palette.selection);
        }
        if let Some(t) = self.hovered.filter(|&t| Some(t) != self.position.word) {
            shown = shown.highlight(doc.tokens[t].range.clone(), palette.hover);
        }
        if let Some(w) = self
            .position
            .word
            .filter(|&w| range.contains(&doc.tokens[w].range.start))
        {
            let word = doc.tokens[w].range.clone();
            if let Some(&[x, y, rw, h]) = para.highlight(&word).first() {
                self.word_rect = Some(Rect::from_min_size(top_left + vec2(x, y), vec2(rw, h)));
            }
            shown = shown
                .highlight(word.clone(), palette.word)
                .underline(word, palette.word_line);
        }
        let size = shown.size();
        let rect = Rect::from_min_size(top_left, size);
        match self.meshes.get_mut(i) {
            Some(cache) => shown.paint_cached(ui.painter(), ts, rect, cache),
            None => shown.paint(ui.painter(), ts, rect),
        }
    }

    /// Text colours for entity mentions, per paragraph, made once per document and theme.
    fn prepare_entity_colors(&mut self, doc: &Document, analysis: &Analysis, palette: &Palette) {
        let dark = palette.text.r() > 128;
        if self.entity_colors.as_ref().is_some_and(|(d, _)| *d == dark) {
            return;
        }
        let mut per_paragraph = vec![Vec::new(); doc.paragraphs.len()];
        for (range, entity) in analysis.mention_spans() {
            let Some(sentence) = doc.sentence_at(range.start) else {
                continue;
            };
            let color = palette.entity(analysis.entities[entity].kind);
            per_paragraph[doc.sentences[sentence].paragraph].push((range, color));
        }
        self.entity_colors = Some((dark, per_paragraph));
    }

    /// Screen rectangle around a sentence (the union of its line pieces), measured once per layout.
    fn sentence_rect(&mut self, doc: &Document, sentence: usize, origin: Pos2) -> Option<Rect> {
        let s = doc.sentences.get(sentence)?;
        let para = self.layouts.get(s.paragraph)?.as_ref()?;
        if self.sentence_boxes.len() != doc.sentences.len() {
            self.sentence_boxes = vec![None; doc.sentences.len()];
        }
        let relative = match self.sentence_boxes[sentence] {
            Some((version, rect)) if version == para.version() => rect,
            _ => {
                let rect = para
                    .highlight(&s.range)
                    .into_iter()
                    .map(|[x, y, w, h]| Rect::from_min_size(Pos2::new(x, y), vec2(w, h)))
                    .reduce(|a, b| a.union(b))?;
                self.sentence_boxes[sentence] = Some((para.version(), rect));
                rect
            }
        };
        Some(relative.translate(origin.to_vec2() + vec2(0.0, self.tops[s.paragraph])))
    }

    /// One accessible node per visible sentence, labelled with its text; the current one is selected.
    fn sentences_a11y_ui(&mut self, ui: &Ui, doc: &Document, visible: &[usize], origin: Pos2) {
        let (Some(&first), Some(&last)) = (visible.first(), visible.last()) else {
            return;
        };
        let start = doc.sentences.partition_point(|s| s.paragraph < first);
        for index in start..doc.sentences.len() {
            let s = &doc.sentences[index];
            if s.paragraph > last {
                break;
            }
            let Some(rect) = self.sentence_rect(doc, index, origin) else {
                continue;
            };
            let response = ui.interact(
                rect,
                ui.scope_id().with(("sentence", index)),
                Sense::hover(),
            );
            let current = index == self.position.sentence;
            let text = doc.slice(&s.range);
            response.widget_info(|| WidgetInfo::selected(Role::Label, true, current, text));
        }
    }
}

/// The tokens of paragraph `paragraph`.
fn tokens_of_paragraph(doc: &Document, paragraph: usize) -> std::ops::Range<usize> {
    let first = doc.sentences.partition_point(|s| s.paragraph < paragraph);
    let last = doc.sentences.partition_point(|s| s.paragraph <= paragraph);
    match (
        doc.sentences.get(first),
        last.checked_sub(1).and_then(|l| doc.sentences.get(l)),
    ) {
        (Some(a), Some(b)) if first < last => a.tokens.start..b.tokens.end,
        _ => 0..0,
    }
}

/// The status marks of each paragraph (new words blue, learning amber), as rectangles:
/// measuring them takes a pass over the paragraph's glyphs per word, too slow for every frame.
type Marks = crate::render::widget::PlacedMesh;

#[derive(Default)]
struct StatusMarks {
    /// Per paragraph: what the marks were measured for, and the marks.
    cache: Vec<Option<(u64, Marks)>>,
    empty: Marks,
}

impl StatusMarks {
    fn of(
        &mut self,
        i: usize,
        para: &Paragraph,
        doc: &Document,
        session: &Session,
        palette: &Palette,
    ) -> &mut Marks {
        use std::hash::{Hash, Hasher};
        let tokens = tokens_of_paragraph(doc, i);
        let tint = |t: usize| match session.status_of_token(t) {
            Some(Status::New) => Some(palette.status_new),
            Some(Status::Learning) => Some(palette.status_learning),
            _ => None,
        };
        // What the marks depend on: the layout, the statuses and the colours.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            para.version(),
            session.revision(),
            palette.status_new,
            palette.status_learning,
        )
            .hash(&mut h);
        let key = h.finish();
        if self.cache.len() <= i {
            self.cache
                .resize_with(doc.paragraphs.len().max(i + 1), || None);
        }
        if self.cache[i].as_ref().is_none_or(|(k, _)| *k != key) {
            let mut marks = egui::Mesh::default();
            for (t, color) in tokens.filter_map(|t| Some((t, tint(t)?))) {
                for r in para.highlight(&doc.tokens[t].range) {
                    crate::render::widget::add_mark(&mut marks, r, color);
                }
            }
            self.cache[i] = Some((key, Marks::new(marks)));
        }
        self.cache[i]
            .as_mut()
            .map_or(&mut self.empty, |(_, marks)| marks)
    }
}

fn paragraph_kind(doc: &Document, paragraph: usize) -> SentenceKind {
    let i = doc.sentences.partition_point(|s| s.paragraph < paragraph);
    doc.sentences
        .get(i)
        .filter(|s| s.paragraph == paragraph)
        .map_or(SentenceKind::Body, |s| s.kind)
}
