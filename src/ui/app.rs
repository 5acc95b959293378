//! The app: one open text, the reader with the side panels beside it as room allows, menus, messages and the shortcut overlay.

use std::path::PathBuf;

use egui::Context;
use serde::{Deserialize, Serialize};

mod chrome;
mod diagram;
mod dialogs;
mod layout;
mod queries;
mod quitting;
mod study;
mod texts;
mod user_words;
mod windows;

pub use quitting::RETRY_SECONDS;

use super::actions::{Action, Hold, take_actions};
use super::arrangement::PanelSettings;
use super::dictionary_settings::DictionarySettings;
use super::export_dialog::ExportDialog;
use super::file_dialog::FileDialogs;
use super::library_window::LibraryWindow;
use super::panel::{Command, PanelContext};
use super::panels::{Panel, Panels};
use super::paste_editor::PasteEditor;
use super::theme::Palette;
use super::web_import::WebImport;
use crate::analysis::{Analysis, Document, UserWords, UserWordsStore, analyze};
use crate::dictionary::{LookupSite, default_sites};
use crate::library::{Library, Scope};
use crate::render::{FontChoice, TextStyle, Typesetter};
use crate::study::{ProgressStore, Session};
use chrome::ui_fonts;
use dialogs::FilePurpose;
use texts::Job;
use windows::OfflineDictionaries;

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
    /// The dictionary sites the word popup offers; `o` opens the first.
    pub lookup_sites: Vec<LookupSite>,
    /// Which texts the cards panel and the export take their cards from.
    pub deck_scope: Scope,
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
            lookup_sites: default_sites(),
            deck_scope: Scope::ThisText,
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
    /// The learner's texts and words; `None` when there is no data folder (nothing is saved)
    /// or the library there could not be opened (saving retries it).
    library: Option<Library>,
    /// The data folder the library is in; `None`: nothing is saved at all.
    data_dir: Option<PathBuf>,
    dialogs: FileDialogs<FilePurpose>,
    library_window: LibraryWindow,
    paste: PasteEditor,
    web: WebImport,
    dictionary_settings: DictionarySettings,
    /// A file or web page being imported on a thread.
    job: Option<Job>,
    /// Installed dictionaries, loaded on a thread at start.
    offline: OfflineDictionaries,
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
    /// The window's first frame was drawn (see `eframe::App::ui` below).
    window_shown: bool,
}

impl DarsApp {
    /// The app on `file` (added to the library), or on the text read last, or on the
    /// bundled article the first time; the message says why when something could not be
    /// opened. The library lives in the platform's data folder, or in `$DARS_DATA_DIR`.
    /// Installed dictionaries are looked for on a thread.
    pub fn new(settings: Settings, file: Option<PathBuf>) -> Self {
        let mut app = match ProgressStore::platform() {
            Ok(store) => Self::with_store(settings, file, Some(store)),
            Err(e) => {
                let mut app = Self::with_store(settings, file, None);
                app.error(e.to_string());
                app
            }
        };
        app.offline = OfflineDictionaries::load(crate::dictionary::system_folders());
        app
    }

    /// The app with its library in `store`'s data folder (`None`: nothing is saved at all),
    /// and no offline dictionaries (see [`Self::load_dictionaries`]).
    pub fn with_store(
        settings: Settings,
        file: Option<PathBuf>,
        store: Option<ProgressStore>,
    ) -> Self {
        let mut notices = Vec::new();
        let mut problem = None;
        let data_dir = store.map(|s| s.dir().to_path_buf());
        let user_store = data_dir.as_deref().map(UserWordsStore::in_dir);
        let library = match data_dir.as_deref().map(Library::open_in) {
            Some(Ok(opened)) => {
                notices = opened.notices;
                Some(opened.library)
            }
            Some(Err(e)) => {
                problem = Some(format!("{e} Changes are kept until they can be saved."));
                None
            }
            None => None,
        };
        let (user_words, user_problem) = user_words::load(library.as_ref(), user_store.as_ref());
        // A blank text until the real one is chosen below: analysing it costs nothing.
        let doc = Document::new("", "");
        let analysis = analyze(&doc);
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
            library,
            data_dir,
            dialogs: FileDialogs::default(),
            library_window: LibraryWindow::default(),
            paste: PasteEditor::default(),
            web: WebImport::default(),
            dictionary_settings: DictionarySettings::default(),
            job: None,
            offline: OfflineDictionaries::None,
            typesetter: Typesetter::default(),
            applied_dark: None,
            layout: layout::Layout::default(),
            user_words,
            user_store,
            saving: quitting::Saving::default(),
            window_shown: false,
        };
        app.open_at_start(file.as_deref());
        if let Some(problem) = problem {
            app.error(problem);
        } else if !notices.is_empty() && app.message.is_none() {
            app.info(notices.join(" "));
        }
        if let Some(problem) = user_problem {
            app.error(problem);
        }
        app
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
            Action::ExportDiagram => self.choose_diagram_file(ctx),
            Action::Open => self.choose_file_to_open(ctx),
            Action::Library => self.toggle_library(),
            Action::Paste => self.paste.start(ctx),
            Action::ImportWeb => self.web.start(),
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
            dictionaries: self.offline.ready(),
            lookup_sites: &self.settings.lookup_sites,
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
                Command::SaveExport => self.choose_export_file(ctx),
                Command::SetMeaning { word, meaning } => self.set_meaning(&word, &meaning),
                Command::ChooseReading { word, lemma } => self.choose_reading(&word, lemma),
                Command::OpenUrl(url) => {
                    if let Err(e) = crate::dictionary::open_in_browser(&url) {
                        self.error(e.to_string());
                    }
                }
                Command::SetScope(scope) => self.set_scope(scope),
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
        self.poll_background(ctx);
        self.close_overlays_on_escape(ctx);
        self.close_requested_ui(ctx);
        for action in take_actions(ctx, self.active, self.hold()) {
            self.apply(ctx, action);
        }
        let mut clicked = None;
        let mut dictionaries = false;
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus_ui(ui, &mut clicked, &mut dictionaries));
        });
        if dictionaries {
            self.open_dictionary_settings();
        }
        self.message_ui(ui);
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let mut commands = self.panels_ui(ui);
        if self.show_shortcuts {
            self.shortcuts_ui(ctx);
        }
        commands.extend(self.export_dialog_ui(ctx));
        self.windows_ui(ctx);
        self.poll_dialogs(ctx);
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
            ctx.set_visuals(theme_visuals(self.settings.dark));
            self.applied_dark = Some(self.settings.dark);
        }
    }

    /// `Esc` closes the shortcut overlay or a window (the export dialog, the library…), and
    /// is then not also a panel's `Esc`. A field being typed in takes it first (it lets go of
    /// the focus), and the file chooser and a removal being confirmed have their own.
    fn close_overlays_on_escape(&mut self, ctx: &Context) {
        let open = self.show_shortcuts
            || self.export.open
            || self.library_window.open
            || self.paste.open
            || self.web.open
            || self.dictionary_settings.open;
        if !open
            || self.dialogs.is_open()
            || self.library_window.removing.is_some()
            || crate::render::edit::field_focused(ctx)
            || !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            return;
        }
        // The one drawn last (on top) closes first.
        if self.show_shortcuts {
            self.show_shortcuts = false;
        } else if self.dictionary_settings.open {
            self.dictionary_settings.open = false;
        } else if self.web.open {
            self.web.open = false;
        } else if self.paste.open {
            self.paste.open = false;
        } else if self.export.open {
            self.export.open = false;
        } else {
            self.library_window.close();
        }
    }

    /// Which shortcuts wait while a window is open: all of them while a file is being chosen;
    /// the plain keys (arrows, letters) while another window is, so they act on it and not
    /// on the panel behind.
    fn hold(&self) -> Hold {
        if self.dialogs.is_open() {
            Hold::All
        } else if self.library_window.open
            || self.paste.open
            || self.web.open
            || self.dictionary_settings.open
        {
            Hold::PlainKeys
        } else {
            Hold::Nothing
        }
    }
}

/// egui's look for the dark or the light theme.
fn theme_visuals(dark: bool) -> egui::Visuals {
    if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
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
        // The window appears once its first frame is drawn. That frame is only the theme's
        // background: the text, the first time it is shaped and its glyphs drawn, takes
        // 40-50 ms, and it fills in on the next frame.
        if !self.window_shown {
            self.window_shown = true;
            ui.ctx().set_visuals(theme_visuals(self.settings.dark));
            egui::CentralPanel::default().show(ui, |_| {});
            ui.ctx().request_repaint();
            return;
        }
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
