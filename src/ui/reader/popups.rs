//! The reader's popups: a word's details (lemma, gloss, status, other occurrences, other
//! readings, a learner's meaning) and a sentence's translation or word-by-word line.

use egui::{Align, Align2, Id, Rect, Ui, pos2};

use super::{Reader, ReaderAction};
use crate::analysis::{Analysis, Document};
use crate::render::{TextStyle, Typesetter};
use crate::study::Status;
use crate::ui::actions::Action;
use crate::ui::panel::{Command, PanelContext};
use crate::ui::theme::Palette;
use crate::ui::words::{pos_label, status_buttons_ui, times};

impl Reader {
    /// The current word's details, beside it; returns what a button clicked in it asks for.
    pub(super) fn details_ui(&mut self, ui: &Ui, cx: &mut PanelContext<'_>) -> Vec<Command> {
        let (doc, analysis, base, palette) = (cx.doc, cx.analysis, cx.style, cx.palette);
        let (Some(word), Some(anchor)) = (self.position.word, self.word_rect) else {
            return Vec::new();
        };
        let mut commands = Vec::new();
        let screen = ui.ctx().content_rect();
        // Below the word when there is room, else above: never over it.
        let below = anchor.bottom() + 340.0 < screen.bottom();
        let (pos, pivot) = if below {
            (
                pos2(anchor.center().x, anchor.bottom() + 6.0),
                Align2::CENTER_TOP,
            )
        } else {
            (
                pos2(anchor.center().x, anchor.top() - 6.0),
                Align2::CENTER_BOTTOM,
            )
        };
        let word_text = doc.slice(&doc.tokens[word].range).to_owned();
        let sentence = doc.sentence_text(self.position.sentence).to_owned();
        let mut close = false;
        let mut jump = None;
        egui::Area::new(Id::unique("word-details"))
            // Kept beside the cards panel, not over it (above and below, the window's edges).
            .constrain_to(over_the_reader(ui))
            .fixed_pos(pos)
            .pivot(pivot)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_width(380.0);
                    ui.horizontal(|ui| {
                        ui.strong("Word");
                        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                            let esc = Action::Reader(ReaderAction::CloseDetails).key_text();
                            close = ui.small_button("Close").on_hover_text(esc).clicked();
                        });
                    });
                    ui.with_layout(egui::Layout::top_down(Align::Max), |ui| {
                        cx.typesetter.label(
                            ui,
                            &word_text,
                            TextStyle::new(base.font, 30.0),
                            palette.text,
                            false,
                        );
                    });
                    jump = word_facts_ui(ui, doc, analysis, word, cx.typesetter, base, palette);
                    commands.extend(self.readings_ui(ui, cx, word));
                    commands.extend(self.meaning_ui(ui, cx, word));
                    if let Some(card) = cx.session.card_of_token(word) {
                        let now = cx.session.status_of_card(card);
                        let keys = Status::ALL
                            .map(|s| Action::Reader(ReaderAction::SetStatus(s)).key_text());
                        if let Some(s) = status_buttons_ui(ui, now, Some(keys)) {
                            commands.push(Command::Act(Action::Reader(ReaderAction::SetStatus(s))));
                        }
                    }
                    commands.extend(self.lookup_ui(ui, cx, word));
                    ui.separator();
                    ui.label(format!(
                        "Sentence {} of {}",
                        self.position.sentence + 1,
                        doc.sentences.len()
                    ));
                    cx.typesetter.label(
                        ui,
                        &sentence,
                        TextStyle::new(base.font, 17.0),
                        palette.text,
                        true,
                    );
                });
            });
        if close {
            self.details_open = false;
        }
        if let Some(t) = jump {
            self.position.go_to_token(doc, t);
            self.follow = true;
        }
        commands
    }

    /// The current sentence's English translation, just under the sentence; for a sentence
    /// with none, its word-by-word line, labelled as such.
    pub(super) fn translation_ui(&self, ui: &Ui, cx: &mut PanelContext<'_>) {
        let Some(anchor) = self.sentence_rect_on_screen else {
            return;
        };
        let sentence = self.position.sentence;
        let translation = cx.analysis.translation(sentence).map(str::to_owned);
        egui::Area::new(Id::unique("translation"))
            // Kept beside the cards panel, not over it (above and below, the window's edges).
            .constrain_to(over_the_reader(ui))
            .fixed_pos(pos2(anchor.right(), anchor.bottom() + 4.0))
            .pivot(Align2::RIGHT_TOP)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| match translation {
                    Some(text) => {
                        ui.set_max_width(anchor.width().max(320.0));
                        ui.label(egui::RichText::new(text).size(15.0));
                    }
                    None => {
                        ui.set_width(anchor.width().clamp(320.0, 900.0));
                        self.word_by_word_ui(ui, cx, sentence);
                    }
                });
            });
    }
}

/// What the analysis knows of a word: its lemma (vocalized), gloss, transliteration, root,
/// part of speech and frequency; or that the lexicon does not know it.
/// Returns the token of another occurrence when the user asks to go there.
fn word_facts_ui(
    ui: &mut Ui,
    doc: &Document,
    analysis: &Analysis,
    token: usize,
    ts: &mut Typesetter,
    base: TextStyle,
    palette: &Palette,
) -> Option<usize> {
    if let Some(e) = doc
        .tokens
        .get(token)
        .and_then(|t| analysis.entity_at(t.range.end.saturating_sub(1)))
    {
        ui.horizontal(|ui| {
            ui.colored_label(
                palette.entity(e.kind),
                format!(
                    "{} ({})",
                    e.name_en,
                    crate::ui::theme::entity_kind_label(e.kind)
                ),
            );
        });
    }
    let Some(entry) = analysis.entry_of_token(token) else {
        ui.weak("Not in the lexicon: no lemma or gloss is known for this word.");
        return None;
    };
    ui.horizontal(|ui| {
        ui.label("Lemma");
        ts.label(
            ui,
            &entry.vocalized,
            TextStyle::new(base.font, 22.0),
            palette.text,
            false,
        );
    });
    egui::Grid::new("word-facts").num_columns(2).show(ui, |ui| {
        ui.label("Meaning");
        // Glosses may quote Arabic phrases ("بسبب: because of"): drawn with bidi, not by egui.
        ts.mixed_label(
            ui,
            &entry.gloss_en,
            TextStyle::new(base.font, 15.0).bold(),
            palette.text,
            true,
        );
        ui.end_row();
        ui.label("Transliteration");
        ui.label(egui::RichText::new(&entry.translit).italics());
        ui.end_row();
        if !entry.root.is_empty() {
            ui.label("Root");
            ts.label(
                ui,
                &entry.root,
                TextStyle::new(base.font, 17.0),
                palette.text,
                false,
            );
            ui.end_row();
        }
        ui.label("Part of speech");
        ui.label(pos_label(entry.pos.as_str()));
        ui.end_row();
        ui.label("In this text");
        ui.label(times(entry.count));
        ui.end_row();
    });
    let occurrences = &entry.occurrences;
    let at = occurrences.iter().position(|&t| t == token)?;
    let mut jump = None;
    if occurrences.len() > 1 {
        ui.horizontal(|ui| {
            let previous = at.checked_sub(1).and_then(|i| occurrences.get(i).copied());
            if ui
                .add_enabled(previous.is_some(), egui::Button::new("Previous occurrence"))
                .clicked()
            {
                jump = previous;
            }
            ui.label(format!("{} of {}", at + 1, occurrences.len()));
            let next = occurrences.get(at + 1).copied();
            if ui
                .add_enabled(next.is_some(), egui::Button::new("Next occurrence"))
                .clicked()
            {
                jump = next;
            }
        });
    }
    jump
}

/// Where the reader's popups may go: across the reader's width, the window's height.
fn over_the_reader(ui: &Ui) -> Rect {
    Rect::from_x_y_ranges(ui.max_rect().x_range(), ui.ctx().content_rect().y_range())
}
