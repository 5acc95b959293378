//! The library window (`Ctrl+L`): the learner's texts with how much of each is known; sort, filter, open, rename, remove.
//!
//! It shows a copy of the library's list and returns what the person asked for as
//! [`LibraryCommand`]s; the app carries them out and hands the window the new list. Rows are
//! laid out only while on screen, so a library of thousands of texts opens at once.

use egui::{
    Align, Color32, Context, Key, Layout, Modifiers, Rect, RichText, Sense, Ui, UiBuilder, vec2,
};

use crate::arabic::normalize::normalize;
use crate::library::{TextId, TextSummary};
use crate::render::edit::{BaseDirection, TextField};
use crate::render::{FontChoice, TextStyle, Typesetter};
use crate::ui::actions::Action;

mod cells;

pub use cells::when_label;
use cells::{bar_ui, fixed_cell, header_ui};

pub(crate) const ROW_HEIGHT: f32 = 34.0;
const TITLE_SIZE: f32 = 17.0;
/// Widths of the columns after the title, in points.
const SOURCE_WIDTH: f32 = 150.0;
const WORDS_WIDTH: f32 = 60.0;
const BAR_WIDTH: f32 = 130.0;
const OPENED_WIDTH: f32 = 100.0;
/// Three buttons, and the spacing between all the cells of a row.
const BUTTONS_WIDTH: f32 = 260.0;
/// The bar's colours: known (or ignored), learning, new.
pub const BAR_COLOURS: [Color32; 3] = [
    Color32::from_rgb(70, 160, 90),
    Color32::from_rgb(232, 170, 50),
    Color32::from_rgb(110, 160, 225),
];

/// What the list is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Most recently opened first.
    #[default]
    LastOpened,
    Title,
    Source,
    /// Longest first.
    Words,
    /// Best known first.
    Known,
    /// Newest first.
    Added,
}

impl SortBy {
    const ALL: [Self; 6] = [
        Self::LastOpened,
        Self::Title,
        Self::Source,
        Self::Words,
        Self::Known,
        Self::Added,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::LastOpened => "Last opened",
            Self::Title => "Title",
            Self::Source => "Source",
            Self::Words => "Length",
            Self::Known => "Known",
            Self::Added => "Added",
        }
    }
}

/// What the person asked the library window for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryCommand {
    Open(TextId),
    Rename(TextId, String),
    Remove(TextId),
    Tick(TextId, bool),
    /// One of the window's buttons for bringing texts in (Open file, Paste, Web page).
    Act(Action),
}

/// The window's state; the list is the app's copy of the library's.
#[derive(Default)]
pub struct LibraryWindow {
    pub open: bool,
    texts: Vec<TextSummary>,
    pub filter: String,
    pub sort: SortBy,
    /// The row the arrow keys move and `Enter` opens.
    pub selected: Option<TextId>,
    /// The text being renamed, its new title, and whether its field still has to take the focus.
    renaming: Option<(TextId, String, bool)>,
    /// A removal waiting for the person to say yes.
    pub removing: Option<TextId>,
}

impl LibraryWindow {
    /// The list to show (after the library changed).
    pub fn set_texts(&mut self, texts: Vec<TextSummary>) {
        self.texts = texts;
        if let Some((id, _, _)) = &self.renaming
            && !self.texts.iter().any(|t| t.id == *id)
        {
            self.renaming = None;
        }
    }

    /// The texts as shown: filtered and sorted.
    #[must_use]
    pub fn shown(&self) -> Vec<&TextSummary> {
        let needle = normalize(self.filter.trim()).to_lowercase();
        let mut shown: Vec<&TextSummary> = self
            .texts
            .iter()
            .filter(|t| {
                needle.is_empty()
                    || normalize(&t.title).to_lowercase().contains(&needle)
                    || t.source.label().to_lowercase().contains(&needle)
            })
            .collect();
        match self.sort {
            SortBy::LastOpened => shown.sort_by_key(|t| std::cmp::Reverse((t.opened_at, t.id))),
            SortBy::Title => shown.sort_by_key(|t| normalize(&t.title)),
            SortBy::Source => shown.sort_by_key(|t| t.source.label()),
            SortBy::Words => shown.sort_by_key(|t| std::cmp::Reverse(t.words.running)),
            SortBy::Known => shown.sort_by_key(|t| std::cmp::Reverse(t.words.percentages()[0])),
            SortBy::Added => shown.sort_by_key(|t| std::cmp::Reverse((t.added_at, t.id))),
        }
        shown
    }

    /// Draws the window when open; `current` is the text being read, `now` the clock.
    pub fn ui(
        &mut self,
        ctx: &Context,
        ts: &mut Typesetter,
        current: Option<TextId>,
        now: u64,
    ) -> Vec<LibraryCommand> {
        let mut commands = Vec::new();
        if !self.open {
            return commands;
        }
        let mut open = true;
        let width = (ctx.content_rect().width() - 40.0).clamp(600.0, 1100.0);
        egui::Window::new("Library")
            .open(&mut open)
            .collapsible(false)
            .default_size(vec2(width, 560.0))
            .show(ctx, |ui| {
                self.toolbar_ui(ui, ts, &mut commands);
                ui.separator();
                let shown: Vec<TextSummary> = self.shown().into_iter().cloned().collect();
                self.keys_ui(ctx, &shown, &mut commands);
                header_ui(ui);
                // Room below the rows for the footer, and for the question when removing.
                let below = if self.removing.is_some() { 130.0 } else { 40.0 };
                let rows = egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .max_height((ui.available_height() - below).max(ROW_HEIGHT * 3.0));
                rows.show_rows(ui, ROW_HEIGHT, shown.len(), |ui, range| {
                    for text in &shown[range] {
                        self.row_ui(ui, ts, text, current, now, &mut commands);
                    }
                });
                if shown.is_empty() {
                    ui.weak("No text matches the filter.");
                }
                self.removal_ui(ui, ts, &mut commands);
                ui.weak(format!(
                    "{} text{} · ↑ ↓ choose, Enter opens, Delete removes, Esc closes",
                    self.texts.len(),
                    if self.texts.len() == 1 { "" } else { "s" }
                ));
            });
        if !open {
            self.close();
        }
        commands
    }

    pub fn close(&mut self) {
        self.open = false;
        self.renaming = None;
        self.removing = None;
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, ts: &mut Typesetter, commands: &mut Vec<LibraryCommand>) {
        ui.horizontal(|ui| {
            ui.label("Filter");
            let style = TextStyle {
                line_height: 1.6,
                ..TextStyle::new(FontChoice::Naskh, 15.0)
            };
            TextField::singleline(&mut self.filter)
                .id_salt("library-filter")
                .direction(BaseDirection::Ltr)
                .style(style)
                .desired_width(220.0)
                .placeholder("title or source")
                .label("Filter the texts by title or source")
                .show(ui, ts);
            // The label names the box for screen readers too.
            egui::ComboBox::from_label("Sort by")
                .selected_text(self.sort.label())
                .show_ui(ui, |ui| {
                    for sort in SortBy::ALL {
                        ui.selectable_value(&mut self.sort, sort, sort.label());
                    }
                });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                for (action, text) in [
                    (Action::ImportWeb, "Web page…"),
                    (Action::Paste, "Paste…"),
                    (Action::Open, "Open file…"),
                ] {
                    if ui
                        .button(text)
                        .on_hover_text(format!("{} ({})", action.label(), action.keys_text()))
                        .clicked()
                    {
                        commands.push(LibraryCommand::Act(action));
                    }
                }
            });
        });
    }

    /// ↑ ↓ move the selection, `Enter` opens it, `Delete` asks to remove it; not while a
    /// field (the filter, a new title) is being typed in.
    fn keys_ui(
        &mut self,
        ctx: &Context,
        shown: &[TextSummary],
        commands: &mut Vec<LibraryCommand>,
    ) {
        if crate::render::edit::field_focused(ctx) || self.removing.is_some() {
            return;
        }
        let at = self
            .selected
            .and_then(|id| shown.iter().position(|t| t.id == id));
        let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        let step = if pressed(Key::ArrowDown) {
            Some(at.map_or(0, |i| (i + 1).min(shown.len().saturating_sub(1))))
        } else if pressed(Key::ArrowUp) {
            Some(at.map_or(0, |i| i.saturating_sub(1)))
        } else {
            None
        };
        if let Some(i) = step {
            self.selected = shown.get(i).map(|t| t.id);
        }
        if let Some(id) = self.selected {
            if pressed(Key::Enter) {
                commands.push(LibraryCommand::Open(id));
            } else if pressed(Key::Delete) {
                self.removing = Some(id);
            }
        }
    }

    fn row_ui(
        &mut self,
        ui: &mut Ui,
        ts: &mut Typesetter,
        text: &TextSummary,
        current: Option<TextId>,
        now: u64,
        commands: &mut Vec<LibraryCommand>,
    ) {
        let (row, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
        if self.selected == Some(text.id) || current == Some(text.id) {
            let fill = if self.selected == Some(text.id) {
                ui.visuals().selection.bg_fill.gamma_multiply(0.5)
            } else {
                ui.visuals().faint_bg_color
            };
            ui.painter().rect_filled(row, 3.0, fill);
        }
        if response.clicked() {
            self.selected = Some(text.id);
        }
        if response.double_clicked() {
            commands.push(LibraryCommand::Open(text.id));
        }
        let mut row_ui = ui.new_child(
            UiBuilder::new()
                .max_rect(row)
                .layout(Layout::left_to_right(Align::Center)),
        );
        let ui = &mut row_ui;
        let mut ticked = text.ticked;
        if ui
            .checkbox(&mut ticked, "")
            .on_hover_text("Ticked texts make one deck together (Cards panel: \"The texts ticked in the library\")")
            .changed()
        {
            commands.push(LibraryCommand::Tick(text.id, ticked));
        }
        let title_width = (ui.available_width()
            - SOURCE_WIDTH
            - WORDS_WIDTH
            - BAR_WIDTH
            - OPENED_WIDTH
            - BUTTONS_WIDTH)
            .max(120.0);
        let cell = Rect::from_min_size(ui.cursor().min, vec2(title_width, ROW_HEIGHT));
        ui.allocate_rect(cell, Sense::hover());
        let mut title_ui = ui.new_child(
            UiBuilder::new()
                .max_rect(cell)
                .layout(Layout::right_to_left(Align::Center)),
        );
        title_ui.set_clip_rect(cell.intersect(ui.clip_rect()));
        if let Some((_, title, focus)) = self.renaming.as_mut().filter(|(id, _, _)| *id == text.id)
        {
            let out = TextField::singleline(title)
                .id_salt(("library-rename", text.id))
                .style(TextStyle::new(FontChoice::Naskh, TITLE_SIZE))
                .desired_width(title_width - 8.0)
                .take_focus(std::mem::take(focus))
                .label("New title")
                .show(&mut title_ui, ts);
            if out.submitted.is_some() {
                commands.push(LibraryCommand::Rename(text.id, title.clone()));
                self.renaming = None;
            } else if out.cancelled {
                self.renaming = None;
            }
        } else {
            let colour = ui.visuals().text_color();
            ts.label(
                &mut title_ui,
                &text.title,
                TextStyle::new(FontChoice::Naskh, TITLE_SIZE),
                colour,
                false,
            );
        }
        fixed_cell(ui, SOURCE_WIDTH, |ui| {
            let label = text.source.label();
            // A file may have an Arabic name: egui's own text has no bidi.
            let response = if crate::arabic::script::has_arabic(&label) {
                let colour = ui.visuals().text_color();
                let style = TextStyle::new(FontChoice::Naskh, 14.0);
                ts.mixed_label(ui, &format!("\u{200E}{label}"), style, colour, false)
            } else {
                ui.label(label)
            };
            // egui's tooltips have no bidi: a path or address with Arabic in it is not repeated.
            if !crate::arabic::script::has_arabic(&text.source.detail) {
                response.on_hover_text(&text.source.detail);
            }
        });
        fixed_cell(ui, WORDS_WIDTH, |ui| {
            ui.label(text.words.running.to_string())
                .on_hover_text("Running words (every word, each time it occurs)");
        });
        fixed_cell(ui, BAR_WIDTH, |ui| bar_ui(ui, text));
        fixed_cell(ui, OPENED_WIDTH, |ui| {
            ui.label(when_label(text.opened_at, now));
        });
        let renaming_this = self
            .renaming
            .as_ref()
            .is_some_and(|(id, _, _)| *id == text.id);
        if renaming_this {
            if ui.button("Save").clicked()
                && let Some((id, title, _)) = self.renaming.take()
            {
                commands.push(LibraryCommand::Rename(id, title));
            }
            if ui.button("Cancel").clicked() {
                self.renaming = None;
            }
        } else {
            if ui.button("Open").clicked() {
                commands.push(LibraryCommand::Open(text.id));
            }
            if ui.button("Rename").clicked() {
                self.start_renaming(text.id);
            }
            let bundled = text.source.kind == crate::library::SourceKind::Bundled;
            if ui
                .add_enabled(!bundled, egui::Button::new("Remove"))
                .on_disabled_hover_text("The bundled article always stays in the library")
                .clicked()
            {
                self.removing = Some(text.id);
            }
        }
    }

    /// "Remove …? The words keep their statuses." with Remove and Keep.
    fn removal_ui(&mut self, ui: &mut Ui, ts: &mut Typesetter, commands: &mut Vec<LibraryCommand>) {
        let Some(id) = self.removing else {
            return;
        };
        let Some(text) = self.texts.iter().find(|t| t.id == id) else {
            self.removing = None;
            return;
        };
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            // The title is Arabic: the text engine lays it out, in an English sentence.
            let question = format!("\u{200E}Remove “{}” from the library?", text.title);
            let style = TextStyle::new(FontChoice::Naskh, 15.0).bold();
            let colour = ui.visuals().strong_text_color();
            ts.mixed_label(ui, &question, style, colour, false);
            ui.label("Its words keep their statuses and schedules in every other text.");
        });
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Remove it").color(Color32::from_rgb(200, 40, 40)))
                .clicked()
                || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
            {
                commands.push(LibraryCommand::Remove(id));
                self.removing = None;
                self.selected = None;
            }
            if ui.button("Keep it").clicked()
                || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
            {
                self.removing = None;
            }
        });
    }

    /// Starts renaming a text, as its Rename button does.
    pub fn start_renaming(&mut self, id: TextId) {
        if let Some(text) = self.texts.iter().find(|t| t.id == id) {
            self.renaming = Some((id, text.title.clone(), true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Source, SourceKind, WordCounts};

    fn text(id: TextId, title: &str, opened: Option<u64>, known: usize) -> TextSummary {
        TextSummary {
            id,
            title: title.into(),
            source: Source::new(SourceKind::File, format!("/t/{id}.txt")),
            added_at: u64::try_from(id).unwrap_or(0),
            opened_at: opened,
            words: WordCounts {
                running: 100,
                known,
                learning: 0,
            },
            ticked: false,
        }
    }

    #[test]
    fn the_list_sorts_and_filters_as_asked() {
        let mut window = LibraryWindow::default();
        window.set_texts(vec![
            text(1, "قمة في موسكو", Some(10), 50),
            text(2, "الاقتصاد", None, 90),
            text(3, "قِمَّةُ الأرض", Some(20), 10),
        ]);
        let ids = |w: &LibraryWindow| w.shown().iter().map(|t| t.id).collect::<Vec<_>>();
        assert_eq!(
            ids(&window),
            [3, 1, 2],
            "last opened first, never opened last"
        );
        window.sort = SortBy::Known;
        assert_eq!(ids(&window), [2, 1, 3]);
        window.filter = "قمة".into();
        assert_eq!(ids(&window), [1, 3], "vowel marks do not matter");
        window.filter = "2.TXT".into();
        assert_eq!(ids(&window), [2], "the source counts, in any case");
    }
}
