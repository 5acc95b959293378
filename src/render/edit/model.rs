//! The editing model of a text field, GUI-free: the logical string, the caret and selection as
//! byte offsets on grapheme boundaries, input-method composition, undo and redo.

use std::ops::Range;

use super::history::{EditKind, History, Snapshot};
use super::units;

/// Which character a caret belongs to when one logical position is drawn in two places (at
/// a bidi boundary, or at the end of a wrapped line): the one before it, as after typing, or
/// the one after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Affinity {
    #[default]
    Before,
    After,
}

/// A caret: a byte offset into the text and the side it sticks to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Caret {
    pub offset: usize,
    pub affinity: Affinity,
}

impl Caret {
    /// Sticks to the character before `offset`.
    #[must_use]
    pub fn before(offset: usize) -> Self {
        Self {
            offset,
            affinity: Affinity::Before,
        }
    }

    /// Sticks to the character after `offset`.
    #[must_use]
    pub fn after(offset: usize) -> Self {
        Self {
            offset,
            affinity: Affinity::After,
        }
    }
}

/// A text being edited. Every operation keeps the caret and the selection's anchor on
/// grapheme boundaries of the text, whatever was asked.
#[derive(Clone, Debug, Default)]
pub struct EditModel {
    text: String,
    caret: Caret,
    /// The other end of the selection; equal to the caret's offset when nothing is selected.
    anchor: usize,
    multiline: bool,
    history: History,
    /// The input method's text being composed (pre-edit), already in `text`.
    composition: Option<Range<usize>>,
    /// Counts changes of the text, so a widget can tell whether events changed it.
    revision: u64,
}

impl EditModel {
    /// A model of `text` with the caret at its end.
    #[must_use]
    pub fn new(text: &str, multiline: bool) -> Self {
        Self {
            text: text.to_owned(),
            caret: Caret::before(text.len()),
            anchor: text.len(),
            multiline,
            history: History::default(),
            composition: None,
            revision: 0,
        }
    }

    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    #[must_use]
    pub fn caret(&self) -> Caret {
        self.caret
    }

    #[must_use]
    pub fn anchor(&self) -> usize {
        self.anchor
    }

    /// A number that changes whenever the text does.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    #[must_use]
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// The selected byte range (empty at the caret when nothing is selected).
    #[must_use]
    pub fn selection(&self) -> Range<usize> {
        let (a, b) = (self.anchor, self.caret.offset);
        a.min(b)..a.max(b)
    }

    #[must_use]
    pub fn selected_text(&self) -> &str {
        self.text.get(self.selection()).unwrap_or_default()
    }

    /// The range of text an input method is composing, shown underlined.
    #[must_use]
    pub fn composition(&self) -> Option<Range<usize>> {
        self.composition.clone()
    }

    /// Takes a text changed from outside the field (another card's gloss, say): the caret goes
    /// to its end and undo forgets the old one.
    pub fn replace_text(&mut self, text: &str) {
        let (multiline, revision) = (self.multiline, self.revision);
        *self = Self::new(text, multiline);
        self.revision = revision + 1;
    }

    /// Moves the caret; with `extend`, the selection's anchor stays where it was.
    pub fn move_caret(&mut self, to: Caret, extend: bool) {
        self.history.close_group();
        self.composition = None;
        self.caret = Caret {
            offset: units::snap_to_grapheme(&self.text, to.offset),
            affinity: to.affinity,
        };
        if !extend {
            self.anchor = self.caret.offset;
        }
        self.anchor = units::snap_to_grapheme(&self.text, self.anchor);
    }

    /// Selects a range, the caret at its end.
    pub fn select(&mut self, range: Range<usize>) {
        self.move_caret(Caret::after(range.start), false);
        self.move_caret(Caret::before(range.end), true);
    }

    pub fn select_all(&mut self) {
        self.select(0..self.text.len());
    }

    /// Selects the word at a byte (double click).
    pub fn select_word_at(&mut self, at: usize) {
        self.select(units::word_at(&self.text, at));
    }

    /// Selects the line at a byte (triple click).
    pub fn select_line_at(&mut self, at: usize) {
        self.select(units::line_at(&self.text, at));
    }

    /// Types text at the caret, replacing the selection. Letters typed in a row undo together.
    pub fn type_text(&mut self, typed: &str) {
        let typed = self.fit_lines(typed);
        if typed.is_empty() {
            return;
        }
        self.composition = None;
        let range = self.selection();
        let kind = if range.is_empty() {
            EditKind::Typing
        } else {
            EditKind::Other
        };
        let before_is_space = self.text[..range.start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let starts_word = typed.starts_with(char::is_whitespace) && !before_is_space;
        self.replace(range, &typed, kind, starts_word);
    }

    /// Pastes text at the caret, replacing the selection, as one undo step.
    pub fn paste(&mut self, pasted: &str) {
        let pasted = self.fit_lines(pasted);
        if pasted.is_empty() {
            return;
        }
        self.replace(self.selection(), &pasted, EditKind::Other, false);
    }

    /// `Backspace`: removes the selection, or what a browser removes before the caret.
    pub fn backspace(&mut self) {
        let range = self.selection();
        if range.is_empty() {
            let gone = units::backspace_range(&self.text, range.start);
            self.replace(gone, "", EditKind::Deleting, false);
        } else {
            self.replace(range, "", EditKind::Other, false);
        }
    }

    /// `Delete`: removes the selection, or the letter after the caret with its marks.
    pub fn delete_forward(&mut self) {
        let range = self.selection();
        if range.is_empty() {
            let end = units::next_grapheme(&self.text, range.start);
            self.replace(range.start..end, "", EditKind::Deleting, false);
        } else {
            self.replace(range, "", EditKind::Other, false);
        }
    }

    /// `Ctrl+Backspace`: removes the selection, or back to the start of the word.
    pub fn delete_word_backward(&mut self) {
        let range = self.selection();
        let start = if range.is_empty() {
            units::previous_word_start(&self.text, range.start)
        } else {
            range.start
        };
        self.replace(start..range.end, "", EditKind::Other, false);
    }

    /// `Ctrl+Delete`: removes the selection, or on to the end of the word.
    pub fn delete_word_forward(&mut self) {
        let range = self.selection();
        let end = if range.is_empty() {
            units::next_word_end(&self.text, range.end)
        } else {
            range.end
        };
        self.replace(range.start..end, "", EditKind::Other, false);
    }

    /// Removes the selection and returns it (for the clipboard); `None` when nothing is selected.
    pub fn cut(&mut self) -> Option<String> {
        let range = self.selection();
        if range.is_empty() {
            return None;
        }
        let cut = self.text[range.clone()].to_owned();
        self.replace(range, "", EditKind::Other, false);
        Some(cut)
    }

    /// Goes back one step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let now = self.snapshot();
        match self.history.undo(now) {
            Some(back) => {
                self.restore(back);
                true
            }
            None => false,
        }
    }

    /// Goes forward again after an undo; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let now = self.snapshot();
        match self.history.redo(now) {
            Some(forward) => {
                self.restore(forward);
                true
            }
            None => false,
        }
    }

    /// The input method's text being composed replaces the previous one (or the selection).
    pub fn set_preedit(&mut self, preedit: &str) {
        let range = match self.composition.clone() {
            Some(range) => range,
            None if preedit.is_empty() => return,
            None => {
                self.history
                    .before_edit(EditKind::Typing, &self.snapshot(), false);
                self.selection()
            }
        };
        let preedit = self.fit_lines(preedit);
        self.splice(range.clone(), &preedit);
        let end = range.start + preedit.len();
        self.composition = (!preedit.is_empty()).then_some(range.start..end);
        self.place_caret(end);
    }

    /// The input method's final text replaces what it was composing.
    pub fn commit(&mut self, committed: &str) {
        match self.composition.take() {
            Some(range) => {
                let committed = self.fit_lines(committed);
                self.splice(range.clone(), &committed);
                self.place_caret(range.start + committed.len());
            }
            None => self.type_text(committed),
        }
    }

    /// An input method asks for characters around the caret to be removed.
    pub fn delete_surrounding(&mut self, before_chars: usize, after_chars: usize) {
        let at = self.caret.offset;
        let start = self.text[..at]
            .char_indices()
            .rev()
            .take(before_chars)
            .last()
            .map_or(at, |(i, _)| i);
        let end = self.text[at..]
            .char_indices()
            .nth(after_chars)
            .map_or(self.text.len(), |(i, _)| at + i);
        self.composition = None;
        self.replace(start..end, "", EditKind::Other, false);
    }

    /// The field lost the focus: what was being composed stays as typed, and the next
    /// letters start a new undo step.
    pub fn leave(&mut self) {
        self.composition = None;
        self.history.close_group();
    }

    /// Single-line fields take line breaks as spaces; multi-line ones keep `\n` only.
    fn fit_lines(&self, text: &str) -> String {
        if self.multiline {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.replace("\r\n", " ").replace(['\r', '\n'], " ")
        }
    }

    fn replace(&mut self, range: Range<usize>, with: &str, kind: EditKind, starts_word: bool) {
        if range.is_empty() && with.is_empty() {
            return;
        }
        self.history
            .before_edit(kind, &self.snapshot(), starts_word);
        self.composition = None;
        self.splice(range.clone(), with);
        self.place_caret(range.start + with.len());
    }

    fn splice(&mut self, range: Range<usize>, with: &str) {
        let start = units::floor_char_boundary(&self.text, range.start);
        let end = units::floor_char_boundary(&self.text, range.end.max(start));
        self.text.replace_range(start..end, with);
        self.revision += 1;
    }

    fn place_caret(&mut self, at: usize) {
        let at = units::snap_to_grapheme(&self.text, at);
        self.caret = if at == 0 {
            Caret::after(0)
        } else {
            Caret::before(at)
        };
        self.anchor = at;
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            text: self.text.clone(),
            caret: self.caret.offset,
            anchor: self.anchor,
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.text = snapshot.text;
        self.revision += 1;
        self.composition = None;
        self.place_caret(snapshot.caret);
        self.anchor = units::snap_to_grapheme(&self.text, snapshot.anchor);
    }
}
