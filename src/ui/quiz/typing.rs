//! The answer typed in Arabic: the text field under a question, and where the keys go while it is shown.

use egui::Ui;

use super::QuizPanel;
use crate::render::TextStyle;
use crate::render::edit::TextField;
use crate::ui::panel::PanelContext;

/// Size of the typed answer, in points: as large as the Arabic choices.
const ANSWER_SIZE: f32 = 24.0;
/// The field is no wider than this: one word, or a name of a few.
const ANSWER_WIDTH: f32 = 420.0;

impl QuizPanel {
    /// Hands the keys over with the panel: the answer field lets go of them when another panel
    /// takes them (its keys must not be typed into the quiz), and takes them back when the
    /// quiz gets them again.
    pub(super) fn follow_the_keys(&mut self, ui: &Ui, has_keys: bool) {
        let focused = self
            .answer_field
            .filter(|&id| ui.memory(|m| m.has_focus(id)));
        if let (true, false, Some(id)) = (self.had_keys, has_keys, focused) {
            ui.memory_mut(|m| m.surrender_focus(id));
        }
        if has_keys
            && !self.had_keys
            && focused.is_none()
            && let Some(run) = &mut self.run
        {
            run.focus_answer = true;
        }
        self.had_keys = has_keys;
    }

    /// The answer field: Arabic, right to left, with the on-screen keyboard and phonetic
    /// typing under it. It takes the keys when the question appears (while the quiz has them);
    /// `Enter` in it submits, `Esc` leaves it.
    pub(super) fn answer_field_ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) {
        let Some(run) = self.run.as_mut() else { return };
        let focus = cx.has_keys && std::mem::take(&mut run.focus_answer);
        // An empty field takes the keys as a new question's does; one holding an answer gets
        // them back with its caret where it was (taking them would select the answer, and the
        // next letter would replace it).
        let empty = run.typed.is_empty();
        if let (true, false, Some(id)) = (focus, empty, self.answer_field) {
            ui.memory_mut(|m| m.request_focus(id));
        }
        let out = TextField::singleline(&mut run.typed)
            .id_salt("quiz-answer")
            .placeholder("اكتب الكلمة")
            .label("Your answer")
            .style(TextStyle::new(cx.style.font, ANSWER_SIZE))
            .desired_width(ui.available_width().min(ANSWER_WIDTH))
            .take_focus(focus && empty)
            .input_tools(true)
            .show(ui, cx.typesetter);
        self.answer_field = Some(out.response.id);
        if out.response.changed() {
            run.nothing_typed = false;
        }
        if out.submitted.is_some() {
            self.submit(cx);
            // Graded: Enter and Esc now go on or end, as for a choice.
            if self.run.as_ref().is_some_and(|r| r.graded.is_some()) {
                out.response.surrender_focus();
            }
        }
    }
}
