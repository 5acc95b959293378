//! What every panel shares: the context it is drawn with, the commands it returns, and the `PanelUi` trait.

use std::ops::Range;

use egui::Ui;

use super::actions::Action;
use super::navigation::Position;
use super::panels::Panel;
use super::theme::Palette;
use crate::analysis::{Analysis, Document, LemmaRef};
use crate::dictionary::{Dictionaries, LookupSite};
use crate::library::Scope;
use crate::render::{TextStyle, Typesetter};
use crate::study::Session;

/// Everything a panel is drawn with, lent for one frame.
pub struct PanelContext<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    /// The deck and the learner's progress for this document.
    pub session: &'a mut Session,
    /// Fonts, glyph atlas and cached layouts: every piece of Arabic on screen goes through it.
    pub typesetter: &'a mut Typesetter,
    /// The reader's font and size; panels scale it for their own Arabic.
    pub style: TextStyle,
    pub palette: &'a Palette,
    /// This panel is the one the keys act on.
    pub has_keys: bool,
    /// Where the reader is (side panels follow it: the diagram lights up the current
    /// sentence's relations, the quiz can ask about its words).
    pub reading: Position,
    /// The time now, in Unix seconds (the scheduler's clock).
    pub now: u64,
    /// Installed dictionaries (dictd, StarDict), once loaded: the word popup shows their entries.
    pub dictionaries: Option<&'a Dictionaries>,
    /// The dictionary sites the word popup offers; `o` opens the first.
    pub lookup_sites: &'a [LookupSite],
}

/// Something a panel asks the app to do after the frame: the one way panels talk to each
/// other and to the window.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Carry out an action, as if its key had been pressed.
    Act(Action),
    /// Show a range of the document (bytes) in the reader: its first word becomes the current
    /// word, and `marks` (document byte ranges, e.g. the names a relation joins) are marked
    /// until the reader moves on.
    ShowInReader {
        range: Range<usize>,
        marks: Vec<Range<usize>>,
    },
    /// Open a panel and give it the keys.
    Open(Panel),
    /// Hide a side panel.
    Close(Panel),
    /// A message for the message bar.
    Inform(String),
    /// Put this text on the clipboard.
    Copy(String),
    /// Ask where to save the cards the export dialog chose, then export them there.
    SaveExport,
    /// Save a learner's meaning for a word no lexicon analyses (empty: remove it), for every
    /// document, and analyze again.
    SetMeaning { word: String, meaning: String },
    /// Make `lemma` the reading of `word` wherever it occurs, in every document (`None`: the
    /// analysis's own choice), and analyze again.
    ChooseReading {
        word: String,
        lemma: Option<LemmaRef>,
    },
    /// Open a web address in the browser (a dictionary site's page for a word).
    OpenUrl(String),
    /// Take the deck's cards from this text, the ticked texts or the whole library.
    SetScope(Scope),
}

impl Command {
    /// Shows `range` in the reader with nothing else marked.
    pub fn show_in_reader(range: Range<usize>) -> Self {
        Self::ShowInReader {
            range,
            marks: Vec::new(),
        }
    }
}

/// A panel of the window: one struct in one file, drawn once per frame, told about the key
/// actions that are its own. Panels never open files or dialogs: they return a command.
pub trait PanelUi {
    /// Draws the panel; returns what the app should do afterwards.
    fn ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) -> Vec<Command>;

    /// Carries out one of the panel's own actions (those whose [`Action::panel`] is it).
    fn act(&mut self, action: Action, cx: &mut PanelContext<'_>) -> Vec<Command> {
        let _ = (action, cx);
        Vec::new()
    }
}

/// A side panel's title bar: its name, and a button that hides it (with its key as the hint).
pub fn title_bar_ui(ui: &mut Ui, panel: Panel, extra: impl FnOnce(&mut Ui)) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(panel.label());
        extra(ui);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let hint = format!("{}: hide", Action::Show(panel).key_text());
            if ui.small_button("Hide").on_hover_text(hint).clicked() {
                commands.push(Command::Close(panel));
            }
        });
    });
    commands
}

/// A side panel that is not built yet: says so, so the window already has all its keys.
pub fn coming_soon_ui(ui: &mut Ui, panel: Panel, what: &str) -> Vec<Command> {
    let commands = title_bar_ui(ui, panel, |_| {});
    ui.separator();
    ui.label(what);
    ui.weak("Coming in this version of Dars.");
    commands
}
