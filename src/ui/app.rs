//! The app: one document, the reader and cards panels, menus, messages and the shortcut overlay.

use std::path::{Path, PathBuf};

use egui::Context;
use serde::{Deserialize, Serialize};

mod chrome;
mod study;

use super::actions::{Action, Panel, take_actions};
use super::cards::{CardsCommand, CardsPanel};
use super::export_dialog::ExportDialog;
use super::reader::Reader;
use super::theme::Palette;
use crate::analysis::{Analysis, Document, analyze, load_text, text_from_bytes};
use crate::render::{FontChoice, TextStyle, Typesetter};
use crate::study::{ProgressStore, Session};
use chrome::{legend_ui, ui_fonts};

pub const SETTINGS_KEY: &str = "dars-settings";
pub const DEFAULT_TEXT_SIZE: f32 = 22.0;
const MIN_TEXT_SIZE: f32 = 12.0;
const MAX_TEXT_SIZE: f32 = 64.0;
/// Below this width the cards take the reader's place instead of sitting beside it.
const SIDE_BY_SIDE_WIDTH: f32 = 900.0;

/// What is remembered between runs (the window's size is remembered by eframe).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub font: FontChoice,
    pub text_size: f32,
    pub dark: bool,
    /// Names of people, states and places are coloured by kind.
    pub tint_entities: bool,
    /// Words of the text are tinted by status (new, learning).
    pub status_tints: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            font: FontChoice::Naskh,
            text_size: DEFAULT_TEXT_SIZE,
            dark: false,
            tint_entities: true,
            status_tints: true,
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
    /// The deck and the learner's saved progress for this document.
    pub session: Session,
    pub cards: CardsPanel,
    pub cards_open: bool,
    /// The panel the keys act on.
    pub active: Panel,
    pub export: ExportDialog,
    pub message: Option<Message>,
    pub show_shortcuts: bool,
    /// Where progress is saved; `None` when the platform has no data folder.
    store: Option<ProgressStore>,
    typesetter: Typesetter,
    applied_dark: Option<bool>,
}

impl DarsApp {
    /// The app on `file`, or on the bundled article when there is none or it cannot be read
    /// (the message then says why). Progress is saved in the platform's data folder, or in
    /// `$DARS_DATA_DIR`.
    pub fn new(settings: Settings, file: Option<PathBuf>) -> Self {
        match ProgressStore::platform() {
            Ok(store) => Self::with_store(settings, file, Some(store)),
            Err(e) => {
                let mut app = Self::with_store(settings, file, None);
                app.error(e.to_string());
                app
            }
        }
    }

    /// The app with progress saved in `store` (`None`: not saved at all).
    pub fn with_store(
        settings: Settings,
        file: Option<PathBuf>,
        store: Option<ProgressStore>,
    ) -> Self {
        let doc = Document::bundled();
        let analysis = analyze(&doc);
        let mut app = Self {
            settings: sanitized(settings),
            session: Session::open(None, &doc, &analysis).session,
            analysis,
            doc,
            reader: Reader::default(),
            cards: CardsPanel::default(),
            cards_open: false,
            active: Panel::Reader,
            export: ExportDialog::default(),
            message: None,
            show_shortcuts: false,
            store,
            typesetter: Typesetter::default(),
            applied_dark: None,
        };
        match file {
            Some(path) => app.open_path(&path),
            None => app.open_session(),
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
        self.save_progress();
        self.analysis = analyze(&doc);
        self.doc = doc;
        self.reader = Reader::default();
        self.cards = CardsPanel::default();
        self.message = None;
        self.open_session();
    }

    /// Loads the document's saved progress, and puts the reader back where it was.
    fn open_session(&mut self) {
        let opened = Session::open(self.store.clone(), &self.doc, &self.analysis);
        self.session = opened.session;
        if let Some(problem) = opened.problem {
            self.error(problem);
        }
        let sentence = self.session.progress.settings.sentence;
        if sentence > 0 {
            self.reader.position.go_to_sentence(&self.doc, sentence);
            self.reader.follow_current();
        }
    }

    /// Saves progress if it changed; a failure is said in the message bar, and the progress
    /// stays in memory for the next try.
    pub fn save_progress(&mut self) {
        let sentence = self.reader.position.sentence;
        if self.session.progress.settings.sentence != sentence {
            self.session.progress.settings.sentence = sentence;
            self.session.settings_changed();
        }
        if let Err(e) = self.session.save_if_changed() {
            self.error(e.to_string());
        }
    }

    fn error(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    fn info(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: false,
        });
    }

    /// The status key of the reader's current word, when it has a card.
    fn current_word_card(&self) -> Option<String> {
        let word = self.reader.position.word?;
        let card = self.session.card_of_token(word)?;
        Some(self.session.cards()[card].key())
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
            Action::ShowReader => self.active = Panel::Reader,
            Action::ShowCards => {
                if self.cards_open && self.active == Panel::Cards {
                    self.cards_open = false;
                    self.active = Panel::Reader;
                } else {
                    self.cards_open = true;
                    self.active = Panel::Cards;
                }
            }
            Action::Export => self.export.open = true,
            Action::StatusTints => self.settings.status_tints = !self.settings.status_tints,
            Action::SetStatus(status) => match self.current_word_card() {
                Some(key) => self.session.set_status(&key, status),
                None if self.reader.position.word.is_none() => {
                    self.info(
                        "Choose a word first (← or a click), then 1–4 sets its status.".to_owned(),
                    );
                }
                None => self.info(
                    "This word has no card (the lexicon does not know it), so no status."
                        .to_owned(),
                ),
            },
            Action::KnowRestOfSentence => {
                let cards: Vec<usize> = self
                    .doc
                    .words_of(self.reader.position.sentence)
                    .filter_map(|t| self.session.card_of_token(t))
                    .collect();
                let n = self.session.promote_new(cards, crate::study::Status::Known);
                self.info(format!(
                    "{n} new word{} of this sentence marked known.",
                    if n == 1 { "" } else { "s" }
                ));
            }
            Action::FlipCard => self.cards.flip(),
            Action::NextCard => self.cards.step(&mut self.session, true),
            Action::PreviousCard => self.cards.step(&mut self.session, false),
            Action::Rate(rating) => {
                self.cards
                    .rate(&mut self.session, rating, crate::study::unix_now())
            }
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
        for action in take_actions(ctx, self.active) {
            self.apply(ctx, action);
        }
        let mut clicked = None;
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus_ui(ui, &mut clicked));
        });
        self.message_ui(ui);
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let side_by_side = ui.available_width() >= SIDE_BY_SIDE_WIDTH;
        let mut commands = Vec::new();
        let mut cards_rect = None;
        if self.cards_open && side_by_side {
            let max = ui.available_width() * 0.55;
            let panel = egui::Panel::right("cards")
                .default_size(440.0)
                .min_size(340.0)
                .max_size(max)
                .show(ui, |ui| self.cards_panel_ui(ui));
            cards_rect = Some(panel.response.rect);
            commands = panel.inner;
        }
        let central = egui::CentralPanel::default().show(ui, |ui| {
            if self.cards_open && !side_by_side && self.active == Panel::Cards {
                self.cards_panel_ui(ui)
            } else {
                self.reader_panel_ui(ui, &mut clicked);
                Vec::new()
            }
        });
        commands.extend(central.inner);
        self.activate_on_click(ctx, cards_rect, central.response.rect, side_by_side);
        if self.show_shortcuts {
            self.shortcuts_ui(ctx);
        }
        self.export_dialog_ui(ctx);
        for command in commands {
            self.apply_cards_command(ctx, command, side_by_side);
        }
        if let Some(action) = clicked {
            self.apply(ctx, action);
        }
        if self.session.is_unsaved() {
            self.save_progress();
        }
    }

    fn reader_panel_ui(&mut self, ui: &mut egui::Ui, clicked: &mut Option<Action>) {
        let palette = Palette::new(self.settings.dark);
        let style = self.text_style();
        self.reader.tint_entities = self.settings.tint_entities;
        if self.settings.tint_entities || self.settings.status_tints {
            legend_ui(ui, &palette, &self.settings);
        }
        if let Some(action) = self.reader.ui(
            ui,
            &self.doc,
            &self.analysis,
            &self.session,
            self.settings.status_tints,
            &mut self.typesetter,
            style,
            &palette,
        ) {
            *clicked = Some(action);
        }
    }

    fn cards_panel_ui(&mut self, ui: &mut egui::Ui) -> Vec<CardsCommand> {
        let palette = Palette::new(self.settings.dark);
        let style = self.text_style();
        self.cards.ui(
            ui,
            &mut self.session,
            &mut self.typesetter,
            style,
            &palette,
            self.active == Panel::Cards,
        )
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
        self.save_progress();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_progress();
    }
}
