//! The export dialog: format, which cards and the deck's name; the app asks where to save and writes the file.

use egui::{Context, RichText};

use super::panel::Command;
use crate::export::{DEFAULT_DECK, Format};
use crate::library::Scope;
use crate::render::edit::{BaseDirection, TextField};
use crate::render::{FontChoice, TextStyle, Typesetter};

pub use crate::study::Which;

/// How many cards each choice of [`Which`] takes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub all: usize,
    pub filtered: usize,
    pub ticked: usize,
}

impl Counts {
    fn of(self, which: Which) -> usize {
        match which {
            Which::All => self.all,
            Which::Filtered => self.filtered,
            Which::Ticked => self.ticked,
        }
    }
}

/// The dialog's choices; they stay for the next export.
pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    pub which: Which,
    pub deck: String,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: Format::Apkg,
            which: Which::All,
            deck: DEFAULT_DECK.to_owned(),
        }
    }
}

impl ExportDialog {
    /// The file name offered in the save dialog: the deck's name, made safe for a file name.
    #[must_use]
    pub fn file_name(&self) -> String {
        let stem: String = self
            .deck
            .trim()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_') {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let stem = stem.trim_matches('-').trim();
        let stem = if stem.is_empty() { DEFAULT_DECK } else { stem };
        format!("{stem}.{}", self.format.extension())
    }

    /// The window, when open; its Save button asks the app to choose where to save. The
    /// deck's name may be Arabic: its field is laid out by the app's text engine.
    /// `scope` is where the deck's cards come from now; choosing another asks the app for it.
    pub fn ui(
        &mut self,
        ctx: &Context,
        counts: Counts,
        scope: Scope,
        ts: &mut Typesetter,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        if !self.open {
            return commands;
        }
        let mut open = true;
        let mut cancel = false;
        egui::Window::new("Export cards")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.strong("Format");
                for format in Format::ALL {
                    ui.radio_value(&mut self.format, format, format.label());
                }
                ui.add_space(6.0);
                ui.strong("Texts");
                for choice in Scope::ALL {
                    if ui.radio(scope == choice, choice.label()).clicked() && scope != choice {
                        commands.push(Command::SetScope(choice));
                    }
                }
                ui.weak("The cards panel shows the same deck.");
                ui.add_space(6.0);
                ui.strong("Cards");
                let choices = [
                    (Which::All, "All cards"),
                    (Which::Filtered, "The cards the filter shows"),
                    (Which::Ticked, "The ticked cards"),
                ];
                for (which, label) in choices {
                    ui.radio_value(
                        &mut self.which,
                        which,
                        format!("{label} ({})", counts.of(which)),
                    );
                }
                if self.which == Which::Ticked && counts.ticked == 0 {
                    let cards = crate::ui::Action::Show(crate::ui::Panel::Cards).key_text();
                    ui.weak(format!(
                        "Tick cards in the list at the bottom of the cards panel ({cards})."
                    ));
                }
                ui.add_space(6.0);
                ui.strong("Deck name");
                let style = TextStyle {
                    latin: true,
                    line_height: 1.6,
                    ..TextStyle::new(FontChoice::Naskh, 15.0)
                };
                TextField::singleline(&mut self.deck)
                    .id_salt("deck-name")
                    .direction(BaseDirection::Ltr)
                    .style(style)
                    .desired_width(280.0)
                    .label("Deck name")
                    .show(ui, ts);
                ui.weak("In Anki, \"::\" makes a subdeck: Arabic::News.");
                ui.add_space(8.0);
                let ready = counts.of(self.which) > 0 && !self.deck.trim().is_empty();
                ui.horizontal(|ui| {
                    let save =
                        ui.add_enabled(ready, egui::Button::new(RichText::new("Save…").strong()));
                    if save.clicked() {
                        commands.push(Command::SaveExport);
                    }
                    cancel = ui.button("Cancel").clicked();
                });
            });
        if !open || cancel {
            self.open = false;
        }
        commands
    }
}
