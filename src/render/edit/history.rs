//! Undo and redo for a text field: snapshots before each group of edits, typing grouped by word.

/// How many steps back undo can go.
const DEPTH: usize = 200;

/// The field as it was before an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub text: String,
    pub caret: usize,
    pub anchor: usize,
}

/// What an edit was, so that a run of the same kind undoes in one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// Letters typed one after another (or composed by an input method).
    Typing,
    /// Characters removed one after another with `Backspace` or `Delete`.
    Deleting,
    /// Anything that is its own step: paste, cut, replacing a selection, deleting a word.
    Other,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The kind of the group still open: the next edit of this kind joins it.
    open: Option<EditKind>,
}

impl History {
    /// Called before an edit with the field as it is: starts a new undo step unless the edit
    /// continues the open group. Typing a space after a letter starts a new step, so undo
    /// takes back one word at a time.
    pub fn before_edit(&mut self, kind: EditKind, now: &Snapshot, starts_word: bool) {
        let continues = self.open == Some(kind) && kind != EditKind::Other && !starts_word;
        if !continues {
            self.undo.push(now.clone());
            if self.undo.len() > DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.open = Some(kind);
    }

    /// Ends the open group (the caret moved, or the field lost focus).
    pub fn close_group(&mut self) {
        self.open = None;
    }

    /// The snapshot to go back to, given the field as it is now (kept for redo).
    pub fn undo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let back = self.undo.pop()?;
        self.redo.push(now);
        self.open = None;
        Some(back)
    }

    /// The snapshot undo went back from, given the field as it is now (kept for undo).
    pub fn redo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let forward = self.redo.pop()?;
        self.undo.push(now);
        self.open = None;
        Some(forward)
    }

    /// Forgets everything (the text was replaced from outside the field).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
