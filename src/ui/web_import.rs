//! File → Import from web page… (`Ctrl+U`): an address typed in, fetched on a thread by the app, every failure said in the window.

use egui::{Context, RichText};

use crate::render::edit::{BaseDirection, TextField};
use crate::render::{FontChoice, TextStyle, Typesetter};

/// The window's state: the address typed, whether a fetch is running, why the last one failed.
#[derive(Default)]
pub struct WebImport {
    pub open: bool,
    pub url: String,
    /// A fetch is running (the app owns the thread); the window waits with a spinner.
    pub busy: bool,
    pub error: Option<String>,
    focus: bool,
}

impl WebImport {
    pub fn start(&mut self) {
        self.open = true;
        self.error = None;
        self.focus = true;
    }

    /// Draws the window when open; returns the address to fetch when "Import" (or `Enter`)
    /// is pressed.
    pub fn ui(&mut self, ctx: &Context, ts: &mut Typesetter) -> Option<String> {
        if !self.open {
            return None;
        }
        let mut fetch = None;
        let mut open = true;
        let mut cancel = false;
        egui::Window::new("Import from a web page")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label("The address of a news article (the page's text is kept, not its menus):");
                let style = TextStyle {
                    latin: true,
                    line_height: 1.6,
                    ..TextStyle::new(FontChoice::Naskh, 15.0)
                };
                let out = TextField::singleline(&mut self.url)
                    .id_salt("web-import-url")
                    .direction(BaseDirection::Ltr)
                    .style(style)
                    .desired_width(520.0)
                    .placeholder("https://www.example.com/arabic/article")
                    .take_focus(self.focus)
                    .label("Web page address")
                    .show(ui, ts);
                // Asked for until it is had: a window's first frame only measures it.
                if out.response.has_focus() {
                    self.focus = false;
                }
                let ready = !self.busy && !self.url.trim().is_empty();
                if out.submitted.is_some() && ready {
                    fetch = Some(self.url.trim().to_owned());
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(ready, egui::Button::new(RichText::new("Import").strong()))
                        .clicked()
                    {
                        fetch = Some(self.url.trim().to_owned());
                    }
                    cancel = ui.button("Cancel").clicked();
                    if self.busy {
                        ui.spinner();
                        ui.label("Fetching the page…");
                    }
                });
                if let Some(error) = &self.error {
                    ui.label(RichText::new(error).color(egui::Color32::from_rgb(200, 40, 40)));
                }
                ui.weak("Pages larger than 8 MB, or slower than 20 seconds, are refused.");
            });
        if fetch.is_some() {
            self.error = None;
        }
        if !open || cancel {
            self.open = false;
        }
        fetch
    }
}
