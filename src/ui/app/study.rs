//! The app's side of studying: which panel has the keys, what the cards panel asks for, and exporting.

use std::path::{Path, PathBuf};

use egui::Context;

use super::DarsApp;
use crate::export::{ExportOptions, Format, export_to_file};
use crate::study::Card;
use crate::ui::actions::Panel;
use crate::ui::cards::CardsCommand;
use crate::ui::export_dialog::{Counts, ExportCommand, Which};

impl DarsApp {
    /// A click in a panel gives it the keys.
    pub(super) fn activate_on_click(
        &mut self,
        ctx: &Context,
        cards: Option<egui::Rect>,
        central: egui::Rect,
        side_by_side: bool,
    ) {
        let Some(pos) = ctx.input(|i| {
            i.pointer
                .primary_pressed()
                .then(|| i.pointer.interact_pos())
                .flatten()
        }) else {
            return;
        };
        // Windows and popups above the panels keep the keys where they are.
        if ctx
            .layer_id_at(pos)
            .is_some_and(|l| l.order != egui::Order::Background)
        {
            return;
        }
        if cards.is_some_and(|r| r.contains(pos)) {
            self.active = Panel::Cards;
        } else if central.contains(pos) && (side_by_side || !self.cards_open) {
            self.active = Panel::Reader;
        }
    }

    pub(super) fn apply_cards_command(
        &mut self,
        ctx: &Context,
        command: CardsCommand,
        side_by_side: bool,
    ) {
        match command {
            CardsCommand::Action(action) => self.apply(ctx, action),
            CardsCommand::Close => {
                self.cards_open = false;
                self.active = Panel::Reader;
            }
            CardsCommand::ShowInReader { sentence, word } => {
                let start = self
                    .doc
                    .sentences
                    .get(sentence)
                    .map_or(0, |s| s.range.start);
                match self.doc.token_at(start + word) {
                    Some(token) => self.reader.position.go_to_token(&self.doc, token),
                    None => self.reader.position.go_to_sentence(&self.doc, sentence),
                }
                self.reader.selection = None;
                self.reader.details_open = false;
                self.reader.follow_current();
                if !side_by_side {
                    self.active = Panel::Reader;
                }
            }
        }
    }

    pub(super) fn export_dialog_ui(&mut self, ctx: &Context) {
        // Counting the ticked cards walks the deck: only while the dialog is open.
        if !self.export.open {
            return;
        }
        let counts = Counts {
            all: self.session.cards().len(),
            filtered: self.session.filtered().len(),
            ticked: self.export_cards_ticked().len(),
        };
        if let Some(ExportCommand::ChooseFile) = self.export.ui(ctx, counts) {
            let format = self.export.format;
            let picked = rfd::FileDialog::new()
                .set_title("Export cards")
                .set_file_name(self.export.file_name())
                .add_filter(format.label(), &[format.extension()])
                .save_file();
            if let Some(path) = picked {
                self.export_to(&path);
            }
        }
    }

    /// The cards the export dialog's choice takes, with the teacher's edits.
    #[must_use]
    pub fn cards_to_export(&self) -> Vec<Card> {
        let cards = self.session.cards();
        match self.export.which {
            Which::All => cards.to_vec(),
            Which::Filtered => self
                .session
                .filtered()
                .into_iter()
                .map(|i| cards[i].clone())
                .collect(),
            Which::Ticked => self.export_cards_ticked(),
        }
    }

    /// The ticked cards, in the filter's order, then any ticked card the filter hides.
    fn export_cards_ticked(&self) -> Vec<Card> {
        let cards = self.session.cards();
        let shown = self.session.filtered();
        let in_filter: std::collections::HashSet<usize> = shown.iter().copied().collect();
        let hidden = (0..cards.len()).filter(|i| !in_filter.contains(i));
        shown
            .iter()
            .copied()
            .chain(hidden)
            .map(|i| &cards[i])
            .filter(|c| self.cards.ticked.contains(&c.key()))
            .cloned()
            .collect()
    }

    /// Exports the cards the dialog chose to `path` (its format's extension is added when the
    /// name has none), as the dialog's Save button does after the save dialog. The message
    /// says where the file went, or why it did not. Returns the path written.
    pub fn export_to(&mut self, path: &Path) -> Option<PathBuf> {
        let format = self.export.format;
        let path = with_extension(path, format);
        let cards = self.cards_to_export();
        let options = ExportOptions::now(self.export.deck.trim(), self.doc.source.clone());
        match export_to_file(&cards, format, &options, &path) {
            Ok(()) => {
                self.info(format!(
                    "Exported {} card{} ({}) to {}",
                    cards.len(),
                    if cards.len() == 1 { "" } else { "s" },
                    format.extension(),
                    path.display()
                ));
                self.export.open = false;
                Some(path)
            }
            Err(e) => {
                self.error(e.to_string());
                None
            }
        }
    }
}

fn with_extension(path: &Path, format: Format) -> PathBuf {
    if path.extension().is_some() {
        path.to_path_buf()
    } else {
        path.with_extension(format.extension())
    }
}
