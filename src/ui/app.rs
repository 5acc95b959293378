//! The app: one document, the reader panel, menus, messages and the shortcut overlay.

use std::path::{Path, PathBuf};

use egui::{Color32, Context, RichText};
use serde::{Deserialize, Serialize};

use super::actions::{Action, take_actions};
use super::reader::Reader;
use super::theme::Palette;
use crate::analysis::{Analysis, Document, analyze, load_text, text_from_bytes};
use crate::render::{FontChoice, TextStyle, Typesetter};

pub const SETTINGS_KEY: &str = "dars-settings";
pub const DEFAULT_TEXT_SIZE: f32 = 22.0;
const MIN_TEXT_SIZE: f32 = 12.0;
const MAX_TEXT_SIZE: f32 = 64.0;

/// What is remembered between runs (the window's size is remembered by eframe).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub font: FontChoice,
    pub text_size: f32,
    pub dark: bool,
    /// Names of people, states and places are coloured by kind.
    pub tint_entities: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            font: FontChoice::Naskh,
            text_size: DEFAULT_TEXT_SIZE,
            dark: false,
            tint_entities: true,
        }
    }
}

/// A message shown at the top of the window until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

pub struct DarsApp {
    pub settings: Settings,
    pub doc: Document,
    /// Lemmas, glosses and translations, computed once per document.
    pub analysis: Analysis,
    pub reader: Reader,
    pub message: Option<Message>,
    pub show_shortcuts: bool,
    typesetter: Typesetter,
    applied_dark: Option<bool>,
}

impl DarsApp {
    /// The app on `file`, or on the bundled article when there is none or it cannot be read
    /// (the message then says why).
    pub fn new(settings: Settings, file: Option<PathBuf>) -> Self {
        let mut app = Self {
            settings: sanitized(settings),
            analysis: analyze(&Document::bundled()),
            doc: Document::bundled(),
            reader: Reader::default(),
            message: None,
            show_shortcuts: false,
            typesetter: Typesetter::default(),
            applied_dark: None,
        };
        if let Some(path) = file {
            app.open_path(&path);
        }
        app
    }

    /// Opens a file; on failure the current document stays and a message says why.
    pub fn open_path(&mut self, path: &Path) {
        match load_text(path) {
            Ok(text) => self.set_document(Document::new(path.display().to_string(), text)),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Opens dropped bytes (when the platform gives contents instead of a path).
    pub fn open_bytes(&mut self, name: &str, bytes: Vec<u8>) {
        match text_from_bytes(name, bytes) {
            Ok(text) => self.set_document(Document::new(name, text)),
            Err(e) => self.error(e.to_string()),
        }
    }

    fn set_document(&mut self, doc: Document) {
        self.analysis = analyze(&doc);
        self.doc = doc;
        self.reader = Reader::default();
        self.message = None;
    }

    fn error(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    fn text_style(&self) -> TextStyle {
        TextStyle::new(self.settings.font, self.settings.text_size)
    }

    /// Carries out one action.
    pub fn apply(&mut self, ctx: &Context, action: Action) {
        let doc = &self.doc;
        let pos = &mut self.reader.position;
        match action {
            Action::NextSentence => pos.next_sentence(doc),
            Action::PreviousSentence => pos.previous_sentence(doc),
            Action::FirstSentence => pos.first_sentence(doc),
            Action::LastSentence => pos.last_sentence(doc),
            Action::NextWord => pos.next_word(doc),
            Action::PreviousWord => pos.previous_word(doc),
            Action::WordDetails => {
                if pos.word.is_none() {
                    pos.next_word(doc);
                }
                self.reader.details_open = true;
            }
            Action::CloseDetails => {
                self.reader.details_open = false;
                self.show_shortcuts = false;
            }
            Action::CopySentence => ctx.copy_text(self.reader.copy_text(doc)),
            Action::ZoomIn => self.set_text_size(self.settings.text_size * 1.1),
            Action::ZoomOut => self.set_text_size(self.settings.text_size / 1.1),
            Action::ZoomReset => self.set_text_size(DEFAULT_TEXT_SIZE),
            Action::SwitchFont => {
                self.settings.font = self.settings.font.toggled();
                self.typesetter.clear();
            }
            Action::SwitchTheme => self.settings.dark = !self.settings.dark,
            Action::TintNames => self.settings.tint_entities = !self.settings.tint_entities,
            Action::Open => {
                let picked = rfd::FileDialog::new()
                    .add_filter("Text", &["txt", "text", "md"])
                    .pick_file();
                if let Some(path) = picked {
                    self.open_path(&path);
                }
            }
            Action::Shortcuts => self.show_shortcuts = !self.show_shortcuts,
            Action::Translation => self.reader.show_translation = !self.reader.show_translation,
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
        if matches!(
            action,
            Action::NextSentence
                | Action::PreviousSentence
                | Action::FirstSentence
                | Action::LastSentence
                | Action::NextWord
                | Action::PreviousWord
        ) {
            self.reader.selection = None;
            self.reader.follow_current();
        }
    }

    fn set_text_size(&mut self, size: f32) {
        let size = size.round().clamp(MIN_TEXT_SIZE, MAX_TEXT_SIZE);
        if (size - self.settings.text_size).abs() > f32::EPSILON {
            self.settings.text_size = size;
            self.typesetter.clear();
        }
    }

    /// The whole UI for one frame; also what tests drive.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = &ui.ctx().clone();
        if self.applied_dark.is_none() {
            // Ctrl+= and Ctrl+- size the Arabic text, not the whole UI.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.set_fonts(ui_fonts());
        }
        if self.applied_dark != Some(self.settings.dark) {
            ctx.set_visuals(if self.settings.dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            });
            self.applied_dark = Some(self.settings.dark);
        }
        self.typesetter.begin_frame(ctx);
        self.dropped_files_ui(ctx);
        for action in take_actions(ctx) {
            self.apply(ctx, action);
        }
        let mut clicked = None;
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus_ui(ui, &mut clicked));
        });
        self.message_ui(ui);
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let palette = Palette::new(self.settings.dark);
        let style = self.text_style();
        self.reader.tint_entities = self.settings.tint_entities;
        egui::CentralPanel::default().show(ui, |ui| {
            if self.settings.tint_entities {
                legend_ui(ui, &palette);
            }
            self.reader.ui(
                ui,
                &self.doc,
                &self.analysis,
                &mut self.typesetter,
                style,
                &palette,
            );
        });
        if self.show_shortcuts {
            self.shortcuts_ui(ctx);
        }
        if let Some(action) = clicked {
            self.apply(ctx, action);
        }
    }

    fn menus_ui(&self, ui: &mut egui::Ui, clicked: &mut Option<Action>) {
        let mut item = |ui: &mut egui::Ui, action: Action, text: &str| {
            if ui
                .add(egui::Button::new(text).shortcut_text(action.keys_text()))
                .clicked()
            {
                *clicked = Some(action);
                ui.close();
            }
        };
        ui.menu_button("File", |ui| {
            item(ui, Action::Open, "Open…");
            item(ui, Action::CopySentence, "Copy sentence");
            ui.separator();
            item(ui, Action::Quit, "Quit");
        });
        ui.menu_button("Navigate", |ui| {
            for a in [
                Action::NextSentence,
                Action::PreviousSentence,
                Action::FirstSentence,
                Action::LastSentence,
                Action::NextWord,
                Action::PreviousWord,
                Action::WordDetails,
                Action::Translation,
            ] {
                item(ui, a, a.label());
            }
        });
        ui.menu_button("View", |ui| {
            item(ui, Action::ZoomIn, "Larger text");
            item(ui, Action::ZoomOut, "Smaller text");
            item(ui, Action::ZoomReset, "Default text size");
            ui.separator();
            let other = self.settings.font.toggled();
            item(
                ui,
                Action::SwitchFont,
                &format!("Font: switch to {}", other.label()),
            );
            item(
                ui,
                Action::SwitchTheme,
                if self.settings.dark {
                    "Light theme"
                } else {
                    "Dark theme"
                },
            );
            let names = if self.settings.tint_entities {
                "Plain names"
            } else {
                "Colour names by kind"
            };
            item(ui, Action::TintNames, names);
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::Shortcuts, "Keyboard shortcuts")
        });
    }

    fn message_ui(&mut self, ui: &mut egui::Ui) {
        let Some(message) = self.message.clone() else {
            return;
        };
        egui::Panel::top("message").show(ui, |ui| {
            ui.horizontal(|ui| {
                let color = if message.is_error {
                    Color32::from_rgb(200, 40, 40)
                } else {
                    ui.visuals().text_color()
                };
                ui.label(RichText::new(&message.text).color(color));
                if ui.small_button("Dismiss").clicked() {
                    self.message = None;
                }
            });
        });
    }

    fn status_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let name = Path::new(&self.doc.source).file_name().map_or_else(
                || self.doc.source.clone(),
                |n| n.to_string_lossy().into_owned(),
            );
            ui.label(name);
            ui.separator();
            ui.label(format!(
                "Sentence {} / {}",
                self.reader.position.sentence + 1,
                self.doc.sentences.len()
            ));
            ui.separator();
            ui.label(format!(
                "{} · {:.0} pt",
                self.settings.font.label(),
                self.settings.text_size
            ));
            ui.separator();
            ui.weak("Press ? for shortcuts");
        });
    }

    fn shortcuts_ui(&mut self, ctx: &Context) {
        let mut open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .striped(true)
                    .num_columns(2)
                    .show(ui, |ui| {
                        for action in Action::ALL {
                            ui.monospace(action.keys_text());
                            ui.label(action.label());
                            ui.end_row();
                        }
                    });
                ui.weak("Keys work with any keyboard layout, Arabic included.");
            });
        if !open {
            self.show_shortcuts = false;
        }
    }

    fn dropped_files_ui(&mut self, ctx: &Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            let path = file.path().to_path_buf();
            if path.as_os_str().is_empty() {
                match file.bytes() {
                    Ok(bytes) => self.open_bytes("dropped file", bytes),
                    Err(e) => self.error(format!("Could not read the dropped file: {e}")),
                }
            } else {
                self.open_path(&path);
            }
        }
    }
}

/// Which colour stands for which kind of name.
fn legend_ui(ui: &mut egui::Ui, palette: &Palette) {
    ui.horizontal(|ui| {
        ui.weak("Names:");
        for kind in super::theme::ENTITY_KINDS {
            ui.colored_label(palette.entity(kind), super::theme::entity_kind_label(kind));
        }
        ui.weak(format!("({} hides)", Action::TintNames.keys_text()));
    });
}

/// egui's fonts with Noto Sans behind them, for the transliteration letters.
fn ui_fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    let data = egui::FontData::from_static(crate::render::fonts::latin_ui_font());
    fonts
        .font_data
        .insert("noto-sans".to_owned(), std::sync::Arc::new(data));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-sans".to_owned());
    }
    fonts
}

fn sanitized(mut s: Settings) -> Settings {
    if !s.text_size.is_finite() || !(MIN_TEXT_SIZE..=MAX_TEXT_SIZE).contains(&s.text_size) {
        s.text_size = DEFAULT_TEXT_SIZE;
    }
    s
}

impl eframe::App for DarsApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        DarsApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
