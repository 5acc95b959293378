//! What a field keeps between frames (in egui's memory, under the field's id): the edit model,
//! its layout, the horizontal scroll and the input tools' switches.

use std::sync::Arc;

use cosmic_text::FontSystem;
use egui::mutex::Mutex;

use super::field_layout::{BaseDirection, FieldLayout};
use super::model::{Caret, EditModel};
use crate::render::layout::{Direction, Paragraph, TextStyle};

/// What a layout was made from: it is made again when any of it changes.
#[derive(Clone, Debug, PartialEq)]
struct LayoutKey {
    text: String,
    style: TextStyle,
    base: BaseDirection,
    width: f32,
    wrap: bool,
}

/// How a field is set: its style, direction and the width its text has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setting {
    pub style: TextStyle,
    pub base: BaseDirection,
    pub width: f32,
    pub wrap: bool,
}

#[derive(Default)]
pub struct FieldState {
    pub model: EditModel,
    layout: Option<(LayoutKey, FieldLayout)>,
    /// How far the text is moved right of where it is laid out (a long single line scrolls).
    pub scroll: f32,
    /// The x an `↑`/`↓` run aims for, kept while they follow each other.
    pub goal_x: Option<f32>,
    /// The on-screen Arabic keyboard is open.
    pub keyboard: bool,
    /// Latin keys type Arabic letters (see `phonetic`).
    pub phonetic: bool,
    /// The placeholder laid out: its text, style and layout.
    placeholder: Option<(String, TextStyle, Paragraph)>,
    /// The on-screen keyboard's key caps laid out, in the style they were laid out in.
    pub keycaps: Option<(TextStyle, Vec<Paragraph>)>,
}

/// A field's state as egui stores it: shared, so a frame can check cheaply whether the
/// focused widget is one of these fields.
pub type SharedState = Arc<Mutex<FieldState>>;

impl FieldState {
    #[must_use]
    pub fn new(model: EditModel) -> Self {
        Self {
            model,
            ..Self::default()
        }
    }

    /// The layout of the model's text, made again if the text or the setting changed.
    pub fn layout(&mut self, fonts: &mut FontSystem, setting: Setting) -> &FieldLayout {
        let key = LayoutKey {
            text: self.model.text().to_owned(),
            style: setting.style,
            base: setting.base,
            width: setting.width,
            wrap: setting.wrap,
        };
        if self.layout.as_ref().is_some_and(|(k, _)| *k != key) {
            self.layout = None;
        }
        let (_, layout) = self.layout.get_or_insert_with(|| {
            let layout =
                FieldLayout::new(fonts, &key.text, key.style, key.base, key.width, key.wrap);
            (key, layout)
        });
        layout
    }

    /// The layout as last made, if any (for painting after `layout` was called).
    #[must_use]
    pub fn current_layout(&self) -> Option<&FieldLayout> {
        self.layout.as_ref().map(|(_, l)| l)
    }

    /// Moves the caret, extending the selection with `extend`; any move but `↑`/`↓` forgets
    /// the x they aim for.
    pub fn move_caret(&mut self, to: Caret, extend: bool) {
        self.goal_x = None;
        self.model.move_caret(to, extend);
    }

    /// The placeholder laid out in `style` (direction from its own first strong letter).
    pub fn placeholder(
        &mut self,
        fonts: &mut FontSystem,
        text: &str,
        style: TextStyle,
    ) -> &Paragraph {
        if self
            .placeholder
            .as_ref()
            .is_some_and(|(t, s, _)| t != text || *s != style)
        {
            self.placeholder = None;
        }
        let (_, _, paragraph) = self.placeholder.get_or_insert_with(|| {
            let paragraph = Paragraph::new(fonts, text, 0, style, Direction::Auto, None);
            (text.to_owned(), style, paragraph)
        });
        paragraph
    }
}
