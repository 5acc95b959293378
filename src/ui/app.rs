//! The app: one open text, the reader with the side panels beside it as room allows, menus, messages and the shortcut overlay.

use std::path::{Path, PathBuf};

use egui::Context;
use serde::{Deserialize, Serialize};

mod chrome;
mod diagram;
mod layout;
mod queries;
mod quitting;
mod study;
mod user_words;

pub use quitting::RETRY_SECONDS;

use super::actions::{Action, take_actions};
use super::arrangement::PanelSettings;
use super::export_dialog::ExportDialog;
use super::panel::{Command, PanelContext};
use super::panels::{Panel, Panels};
use super::theme::Palette;
use crate::analysis::{Analysis, Document, UserWords, UserWordsStore, load_text, text_from_bytes};
use crate::render::{FontChoice, TextStyle, Typesetter};
use crate::study::{ProgressStore, Session};
use chrome::ui_fonts;

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
    /// Words of the text are tinted by status (new, learning).
    pub status_tints: bool,
    /// Which side panels are open, and their widths.
    pub panels: PanelSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            font: FontChoice::Naskh,
            text_size: DEFAULT_TEXT_SIZE,
            dark: false,
            tint_entities: true,
            status_tints: true,
            panels: PanelSettings::default(),
        }
    }
}

/// A message shown at the top of the window until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// The text being read: the document, its analysis, and the learner's session on it.
struct OpenText {
    doc: Document,
    /// Lemmas, glosses and translations, computed once per document.
    analysis: Analysis,
    /// The deck and the learner's saved progress for this document.
    session: Session,
}

pub struct DarsApp {
    settings: Settings,
    text: OpenText,
    panels: Panels,
    /// The panel the keys act on.
    active: Panel,
    export: ExportDialog,
    message: Option<Message>,
    show_shortcuts: bool,
    /// Where progress is saved; `None` when the platform has no data folder.
    store: Option<ProgressStore>,
    typesetter: Typesetter,
    /// What was set up in egui last: fonts once, visuals when the theme changes.
    applied_dark: Option<bool>,
    /// Side panels whose width egui remembers differently from ours: set on the next frame.
    layout: layout::Layout,
    /// The learner's meanings and chosen readings, for every document, and where they are saved.
    user_words: UserWords,
    user_store: Option<UserWordsStore>,
    /// Retries after a failed save, and the question before quitting with unsaved progress.
    saving: quitting::Saving,
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
        let user_store = store.as_ref().map(|s| UserWordsStore::in_dir(s.dir()));
        let (user_words, user_problem) = user_words::load(user_store.as_ref());
        let analysis = user_words::analyze_with_words(&doc, &user_words);
        let session = Session::open(None, &doc, &analysis).session;
        let mut app = Self {
            settings: sanitized(settings),
            text: OpenText {
                doc,
                analysis,
                session,
            },
            panels: Panels::default(),
            active: Panel::Reader,
            export: ExportDialog::default(),
            message: None,
            show_shortcuts: false,
            store,
            typesetter: Typesetter::default(),
            applied_dark: None,
            layout: layout::Layout::default(),
            user_words,
            user_store,
            saving: quitting::Saving::default(),
        };
        match file {
            Some(path) => app.open_path(&path),
            None => app.open_session(),
        }
        if let Some(problem) = user_problem {
            app.error(problem);
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

    /// Opens a text given whole (`source` names it in the status bar).
    pub fn open_text(&mut self, source: &str, text: String) {
        self.set_document(Document::new(source, text));
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
        self.text.analysis = user_words::analyze_with_words(&doc, &self.user_words);
        self.text.doc = doc;
        self.panels = Panels::default();
        self.message = None;
        self.open_session();
    }

    /// Loads the document's saved progress, and puts the reader back where it was.
    fn open_session(&mut self) {
        let text = &mut self.text;
        let opened = Session::open(self.store.clone(), &text.doc, &text.analysis);
        text.session = opened.session;
        if let Some(problem) = opened.problem {
            self.error(problem);
        }
        let sentence = self.text.session.study_settings().sentence;
        let reader = &mut self.panels.reader;
        reader.position.go_to_sentence(&self.text.doc, sentence);
        reader.follow_current();
    }

    /// Saves progress if it changed; a failure is said in the message bar, and the progress
    /// stays in memory for the next try. Returns whether everything is saved.
    pub fn save_progress(&mut self) -> bool {
        let sentence = self.panels.reader.position.sentence;
        let session = &mut self.text.session;
        session.change_settings(|s| s.sentence = sentence);
        match session.save_if_changed() {
            Ok(()) => true,
            Err(e) => {
                self.save_failed(e.to_string());
                self.error(e.to_string());
                false
            }
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

    fn text_style(&self) -> TextStyle {
        TextStyle::new(self.settings.font, self.settings.text_size)
    }

    /// Carries out one action: the window's own here, a panel's by that panel.
    pub fn apply(&mut self, ctx: &Context, action: Action) {
        match action {
            Action::Show(panel) => self.show(panel),
            Action::Export => self.export.open = true,
            Action::ExportDiagram => self.choose_diagram_file(),
            Action::Open => self.choose_file_to_open(),
            Action::Find => {
                self.open(Panel::Reader);
                self.panels.reader.search.open();
            }
            Action::Shortcuts => self.show_shortcuts = !self.show_shortcuts,
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::ZoomIn => self.set_text_size(self.settings.text_size * 1.1),
            Action::ZoomOut => self.set_text_size(self.settings.text_size / 1.1),
            Action::ZoomReset => self.set_text_size(DEFAULT_TEXT_SIZE),
            Action::SwitchFont => {
                self.settings.font = self.settings.font.toggled();
                self.typesetter.clear();
            }
            Action::SwitchTheme => self.settings.dark = !self.settings.dark,
            Action::TintNames => self.settings.tint_entities = !self.settings.tint_entities,
            Action::StatusTints => self.settings.status_tints = !self.settings.status_tints,
            Action::Reader(_) | Action::Relations(_) | Action::Cards(_) | Action::Quiz(_) => {
                let Some(panel) = action.panel() else {
                    return;
                };
                let commands = self.with_panel(panel, |p, cx| p.act(action, cx));
                self.run(ctx, commands);
            }
        }
        // Whatever changed the layout (theme, font, size, panels), the current sentence stays in view.
        if !matches!(
            action,
            Action::Reader(_) | Action::Relations(_) | Action::Cards(_) | Action::Quiz(_)
        ) {
            self.panels.reader.keep_place();
        }
    }

    /// `F1`–`F4`: gives a panel the keys, opening it; a side panel that has the keys already is hidden.
    fn show(&mut self, panel: Panel) {
        if panel.is_side() && self.active == panel && self.settings.panels.is_open(panel) {
            self.close(panel);
        } else {
            self.open(panel);
        }
    }

    fn open(&mut self, panel: Panel) {
        self.settings.panels.open(panel);
        if panel.is_side() {
            self.settings.panels.tab = Some(panel);
        }
        self.active = panel;
    }

    fn close(&mut self, panel: Panel) {
        self.settings.panels.close(panel);
        if self.active == panel {
            self.active = Panel::Reader;
        }
    }

    /// Runs `f` on `panel` with the context every panel gets.
    fn with_panel<R>(
        &mut self,
        panel: Panel,
        f: impl FnOnce(&mut dyn super::panel::PanelUi, &mut PanelContext<'_>) -> R,
    ) -> R {
        let palette = Palette::new(self.settings.dark);
        let style = self.text_style();
        let reading = self.panels.reader.position;
        self.panels.reader.tint_entities = self.settings.tint_entities;
        self.panels.reader.status_tints = self.settings.status_tints;
        let mut cx = PanelContext {
            doc: &self.text.doc,
            analysis: &self.text.analysis,
            session: &mut self.text.session,
            typesetter: &mut self.typesetter,
            style,
            palette: &palette,
            has_keys: self.active == panel,
            reading,
            now: crate::study::unix_now(),
        };
        f(self.panels.get_mut(panel), &mut cx)
    }

    /// Carries out what panels asked for, in order.
    fn run(&mut self, ctx: &Context, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Act(action) => self.apply(ctx, action),
                Command::ShowInReader { range, marks } => {
                    self.panels.reader.show_range(&self.text.doc, &range, marks);
                    if !self.layout.shows(Panel::Reader) {
                        self.active = Panel::Reader;
                    }
                }
                Command::Open(panel) => self.open(panel),
                Command::Close(panel) => self.close(panel),
                Command::Inform(text) => self.info(text),
                Command::Copy(text) => ctx.copy_text(text),
                Command::SaveExport => self.choose_export_file(),
                Command::SetMeaning { word, meaning } => self.set_meaning(&word, &meaning),
                Command::ChooseReading { word, lemma } => self.choose_reading(&word, lemma),
            }
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
        self.set_up_egui(ctx);
        self.typesetter.begin_frame(ctx);
        self.dropped_files_ui(ctx);
        self.close_overlays_on_escape(ctx);
        self.close_requested_ui(ctx);
        for action in take_actions(ctx, self.active) {
            self.apply(ctx, action);
        }
        let mut clicked = None;
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus_ui(ui, &mut clicked));
        });
        self.message_ui(ui);
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let mut commands = self.panels_ui(ui);
        if self.show_shortcuts {
            self.shortcuts_ui(ctx);
        }
        commands.extend(self.export_dialog_ui(ctx));
        self.quit_question_ui(ctx);
        self.run(ctx, commands);
        if let Some(action) = clicked {
            self.apply(ctx, action);
        }
        self.save_when_due(ctx);
    }

    /// Fonts once; visuals when the theme changes.
    fn set_up_egui(&mut self, ctx: &Context) {
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
    }

    /// `Esc` closes the shortcut overlay or the export dialog, and is then not also a panel's `Esc`.
    fn close_overlays_on_escape(&mut self, ctx: &Context) {
        if (self.show_shortcuts || self.export.open)
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.show_shortcuts = false;
            self.export.open = false;
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

    fn choose_file_to_open(&mut self) {
        let picked = rfd::FileDialog::new()
            .add_filter("Text", &["txt", "text", "md"])
            .pick_file();
        if let Some(path) = picked {
            self.open_path(&path);
        }
    }
}

fn sanitized(mut s: Settings) -> Settings {
    if !s.text_size.is_finite() || !(MIN_TEXT_SIZE..=MAX_TEXT_SIZE).contains(&s.text_size) {
        s.text_size = DEFAULT_TEXT_SIZE;
    }
    s.panels = s.panels.sanitized();
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
