//! Drawing a field: its frame and focus ring, the selection, the text, the composition
//! underlined, the placeholder and the caret; and telling the platform where the caret is.

use egui::{Pos2, Rect, Stroke, StrokeKind, Ui, pos2, vec2};

use super::field_layout::BaseDirection;
use super::state::{FieldState, Setting};
use crate::render::layout::TextStyle;
use crate::render::widget::Typesetter;

/// Where and how a field is drawn this frame.
pub struct Look<'a> {
    pub placeholder: &'a str,
    pub base: BaseDirection,
    pub style: TextStyle,
    /// The frame, and the text area inside it.
    pub rect: Rect,
    pub inner: Rect,
    /// Where the layout's (0, 0) is on screen (the text area's corner, scrolled).
    pub origin: Pos2,
    pub focused: bool,
    pub hovered: bool,
}

/// Draws the frame (its ring when focused), the selection, the text, the input method's
/// composition underlined, the placeholder and the caret.
pub fn paint(ui: &Ui, ts: &mut Typesetter, state: &mut FieldState, look: &Look<'_>) {
    let visuals = ui.visuals();
    let ring = if look.focused {
        Stroke::new(1.5, visuals.selection.stroke.color)
    } else if look.hovered {
        visuals.widgets.hovered.bg_stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    ui.painter().rect(
        look.rect,
        visuals.widgets.inactive.corner_radius,
        visuals.extreme_bg_color,
        ring,
        StrokeKind::Inside,
    );
    let painter = ui
        .painter()
        .with_clip_rect(look.inner.expand2(vec2(2.0, 1.0)).intersect(ui.clip_rect()));
    let text_color = visuals.text_color();
    if state.model.text().is_empty() && !look.placeholder.is_empty() {
        let style = TextStyle {
            latin: true,
            ..look.style
        };
        let paragraph = state.placeholder(&mut ts.fonts, look.placeholder, style);
        let x = match look.base {
            BaseDirection::Rtl => look.inner.right() - paragraph.content_width(),
            BaseDirection::Ltr => look.inner.left(),
        };
        let corner = pos2(x, look.inner.top());
        ts.paint(&painter, paragraph, corner, visuals.weak_text_color(), &[]);
    }
    let selection = state.model.selection();
    let composition = state.model.composition();
    let caret = state.model.caret();
    let Some(layout) = state.current_layout() else {
        return;
    };
    let at = |[x, y, w, h]: [f32; 4]| Rect::from_min_size(look.origin + vec2(x, y), vec2(w, h));
    if look.focused && !selection.is_empty() {
        for r in layout.highlight(&selection) {
            painter.rect_filled(at(r), 2.0, visuals.selection.bg_fill);
        }
    }
    for placed in layout.paragraphs() {
        let corner = look.origin + vec2(placed.x, placed.y);
        ts.paint(&painter, &placed.paragraph, corner, text_color, &[]);
    }
    if let Some(range) = &composition {
        for r in layout.highlight(range) {
            let r = at(r);
            let y = r.bottom() - r.height() * 0.18;
            painter.line_segment(
                [pos2(r.left(), y), pos2(r.right(), y)],
                Stroke::new(1.5, text_color),
            );
        }
    }
    if look.focused && composition.is_none() {
        let r = at(layout.caret_rect(caret));
        let inset = r.height() * 0.14;
        let x = r.left().round();
        painter.line_segment(
            [pos2(x, r.top() + inset), pos2(x, r.bottom() - inset)],
            visuals.text_cursor.stroke,
        );
    }
}

/// Tells the platform where the caret is, so an input method's window opens beside it.
pub fn tell_input_method(
    ui: &Ui,
    ts: &mut Typesetter,
    state: &mut FieldState,
    setting: Setting,
    inner: Rect,
    origin: Pos2,
) {
    let caret = state.model.caret();
    let [x, y, w, h] = state.layout(&mut ts.fonts, setting).caret_rect(caret);
    let cursor = Rect::from_min_size(origin + vec2(x, y), vec2(w, h));
    let to_global = ui
        .ctx()
        .layer_transform_to_global(ui.layer_id())
        .unwrap_or_default();
    ui.output_mut(|o| {
        o.ime = Some(egui::output::IMEOutput {
            purpose: egui::IMEPurpose::Normal,
            rect: to_global * inner,
            cursor_rect: to_global * cursor,
            should_interrupt_composition: false,
        });
    });
}
