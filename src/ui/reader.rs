//! The reader panel: the document laid out right to left, its current sentence and word, hover, selection and the word popup.

use std::ops::Range;

use egui::{Align, Pos2, Rect, Role, ScrollArea, Sense, Ui, WidgetInfo, vec2};

use super::navigation::Position;
use super::panel::{Command, PanelContext, PanelUi};
use super::theme::Palette;
use crate::analysis::{Analysis, Document, SentenceKind};
use crate::arabic::tokenize::TokenKind;
use crate::render::{ArabicText, ChunkedParagraph, GlyphMesh};

mod actions;
mod layout;
mod lookup;
mod marks;
mod popups;
mod search;
mod word_readings;

pub use actions::ReaderAction;
use layout::LayoutKey;
use marks::StatusMarks;
pub use search::SearchBar;

/// Room on the left, and on the right where egui's scroll bar sits (RTL lines start there).
const PAD_LEFT: f32 = 14.0;
const PAD_RIGHT: f32 = 26.0;

/// Text colours for byte ranges of one paragraph.
type Tints = Vec<(Range<usize>, egui::Color32)>;

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
    /// Each paragraph, cut into pieces laid out near the view only.
    layouts: Vec<ChunkedParagraph>,
    tops: Vec<f32>,
    /// The height of the whole text (with estimates for what is not laid out yet).
    total_height: f32,
    /// The part of the text shown on the last frame (content coordinates).
    view: Option<Rect>,
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
    /// Words are tinted by status (new, learning).
    pub status_tints: bool,
    /// Document byte ranges another panel asked to mark (the names a relation joins).
    pub marks: Vec<Range<usize>>,
    /// The sentence the marks belong to: they go when the reader leaves it.
    marks_sentence: usize,
    /// The first frame was drawn.
    started: bool,
    /// Each paragraph's status marks, measured once per layout and set of statuses.
    status_marks: StatusMarks,
    /// The meaning being typed for a word no lexicon knows: `(token, text)`.
    meaning_draft: Option<(usize, String)>,
    /// The search bar above the text (`Ctrl+F`), and its matches.
    pub search: SearchBar,
    /// What the installed dictionaries say of a token, looked up once while its popup is open.
    looked_up: Option<(usize, crate::dictionary::Lookup)>,
}

impl Reader {
    /// Asks for the current sentence to be scrolled into view.
    pub fn follow_current(&mut self) {
        self.follow = true;
    }

    /// Keeps the current sentence in view through a change of layout (theme, font, size,
    /// panels opening beside the reader), which moves the text under a fixed scroll offset.
    pub fn keep_place(&mut self) {
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

    /// Makes a range of the document current (its first word, or its sentence when it
    /// starts on no word) and marks `marks` until the reader moves to another sentence.
    pub fn show_range(&mut self, doc: &Document, range: &Range<usize>, marks: Vec<Range<usize>>) {
        match doc.token_at(range.start) {
            Some(token) => self.position.go_to_token(doc, token),
            None => {
                if let Some(sentence) = doc.sentence_at(range.start) {
                    self.position.go_to_sentence(doc, sentence);
                }
            }
        }
        self.selection = None;
        self.details_open = false;
        self.marks = marks;
        self.marks_sentence = self.position.sentence;
        self.follow_current();
    }

    /// After a move by key: no selection, the marks go with their sentence, the current
    /// sentence in view.
    fn moved(&mut self) {
        self.selection = None;
        if self.position.sentence != self.marks_sentence {
            self.marks.clear();
        }
        self.follow_current();
    }

    /// The text: lays out what is near the view, paints what is in it, scrolls the current
    /// sentence into view when asked; then the word popup or the translation.
    fn text_ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) {
        let (doc, base, palette) = (cx.doc, cx.style, cx.palette);
        self.prepare_entity_colors(doc, cx.analysis, palette);
        let width = (ui.available_width() - PAD_LEFT - PAD_RIGHT).max(120.0);
        self.prepare_layouts(doc, cx.typesetter, base, width);
        self.word_rect = None;
        let follow = std::mem::take(&mut self.follow);
        let mut scroll = ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        if !self.started {
            // egui remembers scroll offsets between runs, but the reader reopens at the saved
            // sentence: start from the top, and the current sentence is then scrolled to.
            scroll = scroll.vertical_scroll_offset(0.0);
            self.started = true;
        } else if let Some(offset) = self.lay_out_around_view(cx.typesetter, base) {
            scroll = scroll.vertical_scroll_offset(offset);
        }
        scroll.show_viewport(ui, |ui, viewport| {
            // What comes into view below: laying it out moves nothing that is on screen.
            let margin = viewport.height();
            self.lay_out_range(cx.typesetter, viewport.min.y..viewport.max.y + margin, base);
            if follow {
                self.lay_out_sentence(doc, cx.typesetter, self.position.sentence, base);
            }
            self.view = Some(viewport);
            let visible = self.visible(viewport.min.y, viewport.max.y);
            let total = self.total_height;
            let (rect, response) =
                ui.allocate_exact_size(vec2(ui.available_width(), total), Sense::click_and_drag());
            let origin = rect.min + vec2(PAD_LEFT, 0.0);
            self.pointer_ui(ui, &response, doc, origin);
            for &i in &visible {
                self.paint_paragraph(ui, cx, i, origin);
            }
            self.sentences_a11y_ui(ui, doc, &visible, viewport, origin);
            self.sentence_rect_on_screen = self.sentence_rect(doc, self.position.sentence, origin);
            if follow && let Some(r) = self.sentence_rect(doc, self.position.sentence, origin) {
                let shown = Rect::from_min_size(rect.min + viewport.min.to_vec2(), viewport.size());
                if !shown.contains_rect(r) {
                    // A jump of many screens (End, a link from another panel) is not
                    // animated: every screen passed on the way would be laid out.
                    let far = (r.center().y - shown.center().y).abs() > 3.0 * shown.height();
                    let animation = if far {
                        egui::style::ScrollAnimation::none()
                    } else {
                        ui.style().scroll_animation
                    };
                    ui.scroll_to_rect_animation(r, Some(Align::Center), animation);
                }
            }
        });
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
        let Some(para) = self.layouts.get(i) else {
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

    /// Paints paragraph `i` with its top-left corner `origin` plus its place in the text.
    fn paint_paragraph(&mut self, ui: &Ui, cx: &mut PanelContext<'_>, i: usize, origin: Pos2) {
        let (doc, palette) = (cx.doc, cx.palette);
        let statuses = self.status_tints.then_some(&*cx.session);
        let Some(para) = self.layouts.get(i) else {
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
        let mut shown = ArabicText::chunked(para, doc.slice(&range))
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
            let (marks, key) = self.status_marks.of(i, doc, session, palette);
            shown = shown.marks(marks, key);
        }
        if let Some((a, b)) = self.selection.filter(|(a, b)| a != b) {
            shown = shown.highlight(a.min(b)..a.max(b), palette.selection);
        }
        // Names another panel asked to show (the two sides of a relation): boxed and underlined.
        for mark in self.marks.iter().filter(|m| range.contains(&m.start)) {
            shown = shown
                .highlight(mark.clone(), palette.mark)
                .underline(mark.clone(), palette.mark_line);
        }
        // Matches of the search bar, boxed in their own colour under the hover and the current word.
        for found in self.search.matches_in(&range) {
            shown = shown
                .highlight(found.clone(), palette.search)
                .underline(found.clone(), palette.search_line);
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
            Some(cache) => shown.paint_cached(ui.painter(), cx.typesetter, rect, cache),
            None => shown.paint(ui.painter(), cx.typesetter, rect),
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
        let para = self.layouts.get(s.paragraph)?;
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

    /// One accessible node per sentence on screen, labelled with its text; the current one
    /// is selected. (A paragraph of a megabyte has thousands of sentences: only those in
    /// `viewport` get one.)
    fn sentences_a11y_ui(
        &mut self,
        ui: &Ui,
        doc: &Document,
        visible: &[usize],
        viewport: Rect,
        origin: Pos2,
    ) {
        for &i in visible {
            let top = self.tops[i];
            let shown = self.layouts[i].bytes_in(viewport.min.y - top..viewport.max.y - top);
            let start = doc
                .sentences
                .partition_point(|s| s.range.end <= shown.start);
            for index in start..doc.sentences.len() {
                let s = &doc.sentences[index];
                if s.paragraph != i || s.range.start >= shown.end {
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
}

fn paragraph_kind(doc: &Document, paragraph: usize) -> SentenceKind {
    let i = doc.sentences.partition_point(|s| s.paragraph < paragraph);
    doc.sentences
        .get(i)
        .filter(|s| s.paragraph == paragraph)
        .map_or(SentenceKind::Body, |s| s.kind)
}

impl PanelUi for Reader {
    fn ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) -> Vec<Command> {
        if self.search.open {
            let doc = cx.doc;
            let from = self.position.word.map_or_else(
                || {
                    doc.sentences
                        .get(self.position.sentence)
                        .map_or(0, |s| s.range.start)
                },
                |w| doc.tokens[w].range.start,
            );
            if let Some(found) = self.search.ui(ui, cx, from) {
                self.show_range(doc, &found, Vec::new());
            }
        }
        self.text_ui(ui, cx);
        if self.details_open {
            return self.details_ui(ui, cx);
        } else if self.show_translation {
            self.translation_ui(ui, cx);
        }
        Vec::new()
    }

    fn act(&mut self, action: crate::ui::Action, cx: &mut PanelContext<'_>) -> Vec<Command> {
        match action {
            crate::ui::Action::Reader(action) => self.act_on(action, cx),
            _ => Vec::new(),
        }
    }
}
