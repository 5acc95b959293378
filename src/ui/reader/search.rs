//! The reader's search bar (`Ctrl+F`): an Arabic word in any form or an English gloss, its
//! matches marked in the text, "3 of 7", `Enter` / `Shift+Enter` through them, `Esc` closes.

use std::ops::Range;

use egui::Ui;

use crate::analysis::search::SearchIndex;
use crate::render::TextStyle;
use crate::render::edit::{BaseDirection, TextField};
use crate::ui::panel::PanelContext;

/// The search bar's state for one document.
#[derive(Default)]
pub struct SearchBar {
    pub open: bool,
    query: String,
    /// The query the matches were found for.
    searched: Option<String>,
    /// Byte ranges of the matches, in text order.
    matches: Vec<Range<usize>>,
    /// The match shown last (an index into `matches`).
    current: Option<usize>,
    /// The field takes the focus on the next frame.
    focus: bool,
    /// The document's words and what they are found by, made when the bar first opens.
    index: Option<SearchIndex>,
}

impl SearchBar {
    /// Opens the bar (or, open, selects its text) with the keys in its field.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    pub fn close(&mut self) {
        self.open = false;
        self.matches.clear();
        self.current = None;
        self.searched = None;
    }

    /// The matches to mark in the text (none while the bar is closed).
    #[must_use]
    pub fn matches(&self) -> &[Range<usize>] {
        &self.matches
    }

    /// The matches that start in `range` (a paragraph), found by bisection.
    #[must_use]
    pub fn matches_in(&self, range: &Range<usize>) -> &[Range<usize>] {
        let first = self.matches.partition_point(|m| m.start < range.start);
        let last = self.matches.partition_point(|m| m.start < range.end);
        self.matches.get(first..last).unwrap_or_default()
    }

    /// "3 of 7", "No match", or nothing before anything is typed.
    #[must_use]
    pub fn count_text(&self) -> String {
        match (self.current, self.matches.len()) {
            (_, 0) if self.query.trim().is_empty() => String::new(),
            (_, 0) => "No match".to_owned(),
            (Some(i), n) => format!("{} of {n}", i + 1),
            (None, n) => format!("{n} found"),
        }
    }

    /// The bar, above the text. Returns a match to show in the reader: the first one from
    /// byte `from` on (where the reader is) when the query changes, the next or previous one
    /// on `Enter` or `Shift+Enter`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut PanelContext<'_>,
        from: usize,
    ) -> Option<Range<usize>> {
        let mut shown = None;
        let mut step: Option<bool> = None;
        let mut close = false;
        let style = TextStyle {
            line_height: 1.6,
            ..TextStyle::new(cx.style.font, (cx.style.size * 0.8).round())
        };
        let take_focus = std::mem::take(&mut self.focus);
        // Top-aligned: the field's input tools (keyboard, phonetic table) may open under it.
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
            ui.label("Find");
            let width = (ui.available_width() - 260.0).clamp(140.0, 420.0);
            let field = TextField::singleline(&mut self.query)
                .id_salt("reader-search")
                .direction(BaseDirection::Rtl)
                .placeholder("Arabic word (any form) or English gloss")
                .label("Find in the text")
                .style(style)
                .desired_width(width)
                .take_focus(take_focus)
                .input_tools(true)
                .show(ui, cx.typesetter);
            if let Some(modifiers) = field.submitted {
                step = Some(!modifiers.shift);
            }
            close |= field.cancelled;
            ui.label(self.count_text());
            let enabled = !self.matches.is_empty();
            if ui
                .add_enabled(enabled, egui::Button::new("Previous"))
                .on_hover_text("Shift+Enter")
                .clicked()
            {
                step = Some(false);
            }
            if ui
                .add_enabled(enabled, egui::Button::new("Next"))
                .on_hover_text("Enter")
                .clicked()
            {
                step = Some(true);
            }
            close |= ui.button("Close").on_hover_text("Esc").clicked();
        });
        if close {
            self.close();
            return None;
        }
        if self.searched.as_deref() != Some(self.query.as_str()) {
            let index = self
                .index
                .get_or_insert_with(|| SearchIndex::new(cx.doc, cx.analysis));
            self.matches = index.find(&self.query);
            self.searched = Some(self.query.clone());
            self.current = (!self.matches.is_empty())
                .then(|| self.matches.partition_point(|m| m.start < from) % self.matches.len());
            shown = self.current;
        }
        if let (Some(forward), false) = (step, self.matches.is_empty()) {
            let n = self.matches.len();
            self.current = Some(match (self.current, forward) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(i), true) => (i + 1) % n,
                (Some(i), false) => (i + n - 1) % n,
            });
            shown = self.current;
        }
        shown.and_then(|i| self.matches.get(i).cloned())
    }
}
