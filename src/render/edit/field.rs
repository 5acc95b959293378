//! The text field the whole app types into: text laid out by the app's engine (Arabic right to
//! left, numbers and Latin inside it left to right), edited as in a browser's `<input dir=auto>`.

use std::ops::Range;
use std::sync::Arc;

use egui::mutex::Mutex;
use egui::{
    AsIdSalt, Context, CursorIcon, EventFilter, Id, IdSalt, Modifiers, Pos2, Response, Sense, Ui,
    WidgetInfo, vec2,
};

use super::access;
use super::events::{self, Outcome};
use super::field_layout::BaseDirection;
use super::model::{Caret, EditModel};
use super::paint::{Look, paint, tell_input_method};
use super::state::{FieldState, Setting, SharedState};
use super::tools::{self, KeyPress};
use crate::render::fonts::FontChoice;
use crate::render::layout::TextStyle;
use crate::render::widget::Typesetter;

/// Space between the frame and the text, in points.
const MARGIN: egui::Vec2 = vec2(6.0, 2.0);

/// A text field: single-line or multi-line, right to left when empty unless declared
/// otherwise. Build it, then [`TextField::show`] it; the caller owns the `String`.
///
/// A quiz answer, say: an Arabic field with a placeholder, focused when the question
/// appears, checked on `Enter`.
///
/// ```no_run
/// # use dars::render::{Typesetter, edit::TextField};
/// # fn question_ui(ui: &mut egui::Ui, ts: &mut Typesetter, answer: &mut String, new_question: bool) {
/// let out = TextField::singleline(answer)
///     .id_salt("quiz-answer")
///     .placeholder("اكتب الكلمة")
///     .label("Your answer")
///     .take_focus(new_question)
///     .input_tools(true)
///     .show(ui, ts);
/// if out.submitted.is_some() {
///     // check the answer
/// }
/// # }
/// ```
///
/// While a field has the focus, [`field_focused`] is true: the app's shortcuts then leave
/// plain keys to it. `Esc` makes it let go of the focus ([`FieldOutput::cancelled`]).
#[must_use = "call show() to put the field on screen"]
pub struct TextField<'t> {
    text: &'t mut String,
    id_salt: Option<IdSalt>,
    multiline: bool,
    base: BaseDirection,
    placeholder: String,
    style: Option<TextStyle>,
    desired_width: Option<f32>,
    desired_rows: usize,
    input_tools: bool,
    label: Option<String>,
    take_focus: bool,
}

/// What showing a field did.
pub struct FieldOutput {
    /// The field's response: `changed()` when the text changed, `has_focus()`, and so on.
    pub response: Response,
    /// `Enter` was pressed in a single-line field, with these modifiers (the field keeps the
    /// focus: a search steps to the next match, a form submits).
    pub submitted: Option<Modifiers>,
    /// `Esc` was pressed: the field has let go of the focus (a search bar closes).
    pub cancelled: bool,
}

impl<'t> TextField<'t> {
    /// A one-line field (line breaks pasted into it become spaces).
    pub fn singleline(text: &'t mut String) -> Self {
        Self::new(text, false)
    }

    /// A field of several lines; `Enter` starts a new line.
    pub fn multiline(text: &'t mut String) -> Self {
        Self::new(text, true)
    }

    fn new(text: &'t mut String, multiline: bool) -> Self {
        Self {
            text,
            id_salt: None,
            multiline,
            base: BaseDirection::Rtl,
            placeholder: String::new(),
            style: None,
            desired_width: None,
            desired_rows: if multiline { 3 } else { 1 },
            input_tools: false,
            label: None,
            take_focus: false,
        }
    }

    /// Names the field's state (caret, undo, tools), so it survives the layout around it changing.
    pub fn id_salt(mut self, salt: impl AsIdSalt) -> Self {
        self.id_salt = Some(IdSalt::new(&salt));
        self
    }

    /// The direction of an empty field, or one holding no letter: right to left by default.
    pub fn direction(mut self, base: BaseDirection) -> Self {
        self.base = base;
        self
    }

    /// Text shown, dimmed, while the field is empty.
    pub fn placeholder(mut self, text: impl Into<String>) -> Self {
        self.placeholder = text.into();
        self
    }

    pub fn style(mut self, style: TextStyle) -> Self {
        self.style = Some(style);
        self
    }

    /// Width in points (the available width by default).
    pub fn desired_width(mut self, width: f32) -> Self {
        self.desired_width = Some(width);
        self
    }

    /// Lines of a multi-line field shown while it holds fewer.
    pub fn desired_rows(mut self, rows: usize) -> Self {
        self.desired_rows = rows.max(1);
        self
    }

    /// Shows switches for the on-screen Arabic keyboard and phonetic typing under the field.
    pub fn input_tools(mut self, on: bool) -> Self {
        self.input_tools = on;
        self
    }

    /// With `true`, the field takes the keyboard focus this frame and selects its text (a
    /// search bar opened again, a quiz question shown): the next letter typed replaces it.
    pub fn take_focus(mut self, take: bool) -> Self {
        self.take_focus = take;
        self
    }

    /// The name screen readers give the field.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Puts the field on screen, applying this frame's typing if it has the focus.
    pub fn show(self, ui: &mut Ui, ts: &mut Typesetter) -> FieldOutput {
        if self.input_tools {
            ui.vertical(|ui| self.show_field(ui, ts)).inner
        } else {
            self.show_field(ui, ts)
        }
    }

    fn show_field(self, ui: &mut Ui, ts: &mut Typesetter) -> FieldOutput {
        let id = self
            .id_salt
            .map_or_else(|| ui.next_auto_id(), |salt| ui.make_persistent_id(salt));
        let shared: SharedState = ui.data_mut(|d| {
            d.get_temp_mut_or_insert_with(id, || {
                Arc::new(Mutex::new(FieldState::new(EditModel::new(
                    self.text,
                    self.multiline,
                ))))
            })
            .clone()
        });
        let mut state = shared.lock();
        if state.model.text() != self.text.as_str() || state.model.is_multiline() != self.multiline
        {
            state.model = EditModel::new(self.text, self.multiline);
        }
        let previous_text = self.text.clone();
        let style = self
            .style
            .unwrap_or_else(|| TextStyle::new(FontChoice::Naskh, 18.0));
        let width = self
            .desired_width
            .unwrap_or_else(|| ui.available_width())
            .max(style.size * 4.0);
        let setting = Setting {
            style,
            base: self.base,
            width: width - 2.0 * MARGIN.x,
            wrap: self.multiline,
        };

        if self.take_focus {
            ui.memory_mut(|m| m.request_focus(id));
            state.model.select_all();
            ui.ctx().request_repaint();
        }
        let focused = ui.memory(|m| m.has_focus(id));
        let outcome = take_events(ui, ts, &mut state, setting, id, focused);

        let line_height = (style.size * style.line_height).ceil();
        let rows = if self.multiline { self.desired_rows } else { 1 };
        #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
        let min_height = rows as f32 * line_height;
        let text_height = state
            .layout(&mut ts.fonts, setting)
            .height()
            .max(min_height);
        let (_, rect) = ui.allocate_space(vec2(width, text_height + 2.0 * MARGIN.y));
        let mut response = ui.interact(rect, id, Sense::click_and_drag());
        let inner = rect.shrink2(MARGIN);

        let scrolled = inner.min + vec2(state.scroll, 0.0);
        pointer(ui, ts, &mut state, setting, &response, scrolled);
        if response.hovered() {
            ui.set_cursor_icon(CursorIcon::Text);
        }
        let focused = ui.memory(|m| m.has_focus(id));
        if !self.multiline {
            scroll_line(ts, &mut state, setting, focused);
        }
        let origin = inner.min + vec2(state.scroll, 0.0);
        let look = Look {
            placeholder: &self.placeholder,
            base: self.base,
            style,
            rect,
            inner,
            origin,
            focused,
            hovered: response.hovered(),
        };
        paint(ui, ts, &mut state, &look);
        if focused {
            tell_input_method(ui, ts, &mut state, setting, inner, origin);
        } else {
            state.model.leave();
        }

        if outcome.cancelled {
            ui.memory_mut(|m| m.surrender_focus(id));
        }
        let mut changed = outcome.changed;
        if self.input_tools {
            let (pressed, clicked) = tools::tools_ui(ui, ts, &mut state, style);
            match &pressed {
                Some(KeyPress::Text(t)) => state.model.type_text(t),
                Some(KeyPress::Backspace) => state.model.backspace(),
                None => {}
            }
            if clicked {
                ui.memory_mut(|m| m.request_focus(id));
            }
            if pressed.is_some() {
                changed = true;
                ui.ctx().request_repaint();
            }
        }
        if let Some(copied) = outcome.copied {
            ui.ctx().copy_text(copied);
        }
        if changed && state.model.text() != previous_text {
            state.model.text().clone_into(self.text);
            response.mark_changed();
        }

        let text_now = state.model.text().to_owned();
        let placeholder = self.placeholder.clone();
        response.widget_info(|| {
            WidgetInfo::text_edit(ui.is_enabled(), &previous_text, &text_now, &placeholder)
        });
        if let Some(label) = &self.label {
            ui.ctx()
                .accesskit_node_builder(id, |node| node.set_label(label.clone()));
        }
        // The tools may have changed the text since it was drawn: describe it as it is now.
        state.layout(&mut ts.fonts, setting);
        if let Some(layout) = state.current_layout() {
            access::describe(ui, id, &state.model, layout, origin);
        }
        FieldOutput {
            response,
            submitted: outcome.submitted,
            cancelled: outcome.cancelled,
        }
    }
}

/// Whether the widget with the keyboard focus is one of these fields: the app's shortcuts
/// then leave plain keys to it, as they do for egui's own text fields.
#[must_use]
pub fn field_focused(ctx: &Context) -> bool {
    ctx.memory(egui::Memory::focused)
        .is_some_and(|id| ctx.data(|d| d.get_temp::<SharedState>(id)).is_some())
}

/// The caret and the selected byte range of the field `id` (its response's id), once shown.
#[must_use]
pub fn field_selection(ctx: &Context, id: Id) -> Option<(Caret, Range<usize>)> {
    let shared = ctx.data(|d| d.get_temp::<SharedState>(id))?;
    let state = shared.lock();
    Some((state.model.caret(), state.model.selection()))
}

/// The frame's events for the field: everything when it has the focus (arrows and the rest
/// kept from moving the focus away), else only what a screen reader asks of it.
fn take_events(
    ui: &Ui,
    ts: &mut Typesetter,
    state: &mut FieldState,
    setting: Setting,
    id: Id,
    focused: bool,
) -> Outcome {
    let events: Vec<egui::Event> = ui.input(|i| {
        i.events
            .iter()
            .filter(|e| focused || matches!(e, egui::Event::AccessKitActionRequest(_)))
            .cloned()
            .collect()
    });
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    tab: false,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    // Esc is the field's: it lets go of the focus itself and says so.
                    escape: true,
                },
            );
        });
    }
    events::apply(state, &mut ts.fonts, setting, &events, id.accesskit_id())
}

/// A press puts the caret at the pointer (`Shift` extends the selection), dragging selects,
/// a double click selects a word and a triple click a line.
fn pointer(
    ui: &Ui,
    ts: &mut Typesetter,
    state: &mut FieldState,
    setting: Setting,
    response: &Response,
    origin: Pos2,
) {
    let Some(pos) = response.interact_pointer_pos() else {
        return;
    };
    let local = pos - origin;
    let hit = state.layout(&mut ts.fonts, setting).hit(local.x, local.y);
    let (pressed, shift) = ui.input(|i| (i.pointer.primary_pressed(), i.modifiers.shift));
    if response.triple_clicked() {
        state.model.select_line_at(hit.offset);
    } else if response.double_clicked() {
        state.model.select_word_at(hit.offset);
    } else if pressed {
        state.move_caret(hit, shift);
        response.request_focus();
    } else if response.dragged() {
        state.move_caret(hit, true);
    }
    if response.clicked() {
        response.request_focus();
    }
}

/// Scrolls a single line that is wider than the field: so that the caret stays in view
/// while it has the focus, and never past the text's ends.
fn scroll_line(ts: &mut Typesetter, state: &mut FieldState, setting: Setting, follow: bool) {
    let caret = state.model.caret();
    let mut shift = state.scroll;
    let layout = state.layout(&mut ts.fonts, setting);
    if follow {
        let (_, x) = layout.caret_position(caret);
        if x + shift < 0.0 {
            shift = -x;
        }
        if x + shift > setting.width {
            shift = setting.width - x;
        }
    }
    let (left, right) = layout.horizontal_extent();
    state.scroll = shift.clamp(setting.width - right, -left);
}
