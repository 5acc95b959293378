//! A new text from the clipboard (`Ctrl+Shift+V`): the pasted text and its title in Arabic fields, edited before it is added to the library.

use egui::{Context, RichText, ViewportCommand, vec2};

use crate::import::title_from_text;
use crate::render::edit::TextField;
use crate::render::{FontChoice, TextStyle, Typesetter};

/// The editor's state: open, the title and text typed or pasted so far.
#[derive(Default)]
pub struct PasteEditor {
    pub open: bool,
    pub title: String,
    pub text: String,
    /// The text field takes the focus on the next frame, so the clipboard lands in it.
    focus: bool,
    /// The clipboard is asked for once the text field has the focus (the paste arrives a
    /// frame later, and goes to the field that has the focus then).
    paste_pending: bool,
    /// Why the last "Add" was refused.
    pub error: Option<String>,
}

impl PasteEditor {
    /// Opens the editor empty; the clipboard is pasted into its text field as soon as that
    /// has the focus (as if `Ctrl+V` had been pressed in it).
    pub fn start(&mut self, ctx: &Context) {
        *self = Self {
            open: true,
            focus: true,
            paste_pending: true,
            ..Self::default()
        };
        ctx.request_repaint();
    }

    /// Draws the editor when open; returns the title and text when "Add to the library" is
    /// pressed (the app checks them, and says why in [`Self::error`] when it refuses).
    pub fn ui(&mut self, ctx: &Context, ts: &mut Typesetter) -> Option<(String, String)> {
        if !self.open {
            return None;
        }
        let mut add = None;
        let mut open = true;
        let mut cancel = false;
        egui::Window::new("New text from the clipboard")
            .open(&mut open)
            .collapsible(false)
            .default_size(vec2(720.0, 520.0))
            .show(ctx, |ui| {
                ui.weak("The clipboard is pasted below. Edit the text and its title, then add it to the library.");
                ui.add_space(4.0);
                ui.strong("Title");
                let suggested = title_from_text(&self.text);
                let placeholder = if suggested.is_empty() {
                    "the first line of the text".to_owned()
                } else {
                    suggested
                };
                TextField::singleline(&mut self.title)
                    .id_salt("paste-title")
                    .style(TextStyle::new(FontChoice::Naskh, 18.0))
                    .placeholder(placeholder)
                    .label("Title of the new text")
                    .show(ui, ts);
                ui.add_space(4.0);
                ui.strong("Text");
                egui::ScrollArea::vertical()
                    .max_height((ui.available_height() - 70.0).max(120.0))
                    .show(ui, |ui| {
                        let field = TextField::multiline(&mut self.text)
                            .id_salt("paste-text")
                            .style(TextStyle::new(FontChoice::Naskh, 18.0))
                            .desired_rows(10)
                            .take_focus(self.focus)
                            .placeholder("Paste an Arabic article here (Ctrl+V)")
                            .label("Text of the new text")
                            .input_tools(true)
                            .show(ui, ts);
                        // Asked for until it is had: a window's first frame only measures it.
                        if field.response.has_focus() {
                            self.focus = false;
                        }
                        if self.paste_pending && field.response.has_focus() {
                            self.paste_pending = false;
                            ctx.send_viewport_cmd(ViewportCommand::RequestPaste);
                        }
                    });
                if let Some(error) = &self.error {
                    ui.label(RichText::new(error).color(egui::Color32::from_rgb(200, 40, 40)));
                }
                ui.horizontal(|ui| {
                    let words = self.text.split_whitespace().count();
                    let ready = !self.text.trim().is_empty();
                    if ui
                        .add_enabled(ready, egui::Button::new(RichText::new("Add to the library").strong()))
                        .clicked()
                    {
                        add = Some((self.title.clone(), self.text.clone()));
                    }
                    cancel = ui.button("Cancel").clicked();
                    ui.weak(format!("{words} word{}", if words == 1 { "" } else { "s" }));
                });
            });
        if !open || cancel {
            self.open = false;
        }
        add
    }
}
