//! The cards panel: one vocabulary card at a time, flipped, rated and moved through; status buttons and the teacher's edit.

use std::collections::BTreeSet;

use egui::{Align, Layout, RichText, Role, ScrollArea, Sense, Ui, WidgetInfo, vec2};

use super::actions::Action;
use super::deck_options::{card_list_ui, filters_ui};
use super::theme::Palette;
use crate::render::{ArabicText, Direction, Paragraph, TextStyle, Typesetter};
use crate::study::{Card, Edit, Rating, Session, Status};

/// Room kept free for the scroll bar on the right of the panel, in points.
const SCROLL_BAR_ROOM: f32 = 12.0;
/// Size of the word on the card's front, in points.
const FRONT_SIZE: f32 = 46.0;
/// Size of the Arabic on the card's back (example, root, forms).
const BACK_SIZE: f32 = 21.0;

/// Something the panel asks the app to do.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardsCommand {
    /// What a button stands for (flip, next, rate…), as if its key had been pressed.
    Action(Action),
    /// Show sentence `sentence` in the reader, with the word starting at document byte `word` current.
    ShowInReader { sentence: usize, word: usize },
    /// Hide the panel.
    Close,
}

/// The gloss and note being edited, for the card with `key`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Draft {
    key: String,
    gloss: String,
    note: String,
}

/// The cards panel's state that is not saved: whether the card is flipped, the ticks, drafts.
#[derive(Default)]
pub struct CardsPanel {
    /// The back of the current card is shown.
    pub flipped: bool,
    /// Cards ticked for export, by key.
    pub ticked: BTreeSet<String>,
    draft: Option<Draft>,
    /// The example sentence laid out, with what it was laid out for.
    example: Option<(String, u32, TextStyle, Paragraph)>,
}

impl CardsPanel {
    /// The card shown: the saved current card when the filter keeps it, else the filter's first.
    #[must_use]
    pub fn current(&self, session: &Session) -> Option<usize> {
        let shown = session.filtered();
        session
            .progress
            .settings
            .current
            .as_deref()
            .and_then(|key| session.card_index(key))
            .filter(|i| shown.contains(i))
            .or_else(|| shown.first().copied())
    }

    pub fn flip(&mut self) {
        self.flipped = !self.flipped;
    }

    /// Moves to the next (or previous) card the filter shows, face down; stops at either end.
    pub fn step(&mut self, session: &mut Session, forward: bool) {
        let shown = session.filtered();
        let at = self
            .current(session)
            .and_then(|c| shown.iter().position(|&i| i == c));
        let to = match (at, forward) {
            (None, _) => shown.first(),
            (Some(at), true) => shown.get(at + 1).or(shown.get(at)),
            (Some(at), false) => shown.get(at.saturating_sub(1)),
        };
        if let Some(&to) = to {
            self.show(session, to);
        }
    }

    /// Makes card `index` the current card, face down.
    pub fn show(&mut self, session: &mut Session, index: usize) {
        let key = session.cards().get(index).map(Card::key);
        if key.is_some() && key != session.progress.settings.current {
            session.progress.settings.current = key;
            session.settings_changed();
        }
        self.flipped = false;
    }

    /// Rates the current card at `now` (Unix seconds) and moves on to the next card the filter
    /// showed, back to the first after the last.
    pub fn rate(&mut self, session: &mut Session, rating: Rating, now: u64) {
        let shown = session.filtered();
        let Some(current) = self.current(session) else {
            return;
        };
        let at = shown.iter().position(|&i| i == current).unwrap_or(0);
        let next = shown.get(at + 1).or(shown.first()).copied();
        let key = session.cards()[current].key();
        session.rate(&key, rating, now);
        if let Some(next) = next {
            self.show(session, next);
        }
        self.flipped = false;
    }

    /// The panel. `active`: its keys are the ones in use.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        session: &mut Session,
        ts: &mut Typesetter,
        base: TextStyle,
        palette: &Palette,
        active: bool,
    ) -> Vec<CardsCommand> {
        let mut commands = Vec::new();
        let shown = session.filtered();
        let current = self.current(session);
        header_ui(ui, &shown, current, active, &mut commands);
        ScrollArea::vertical()
            .id_salt("cards")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Room on the right for the scroll bar, which egui draws over the content.
                ui.set_max_width(ui.available_width() - SCROLL_BAR_ROOM);
                ui.add_space(4.0);
                match current {
                    Some(index) => {
                        self.card_ui(ui, session, index, ts, base, palette, &mut commands);
                    }
                    None => {
                        ui.label("No card matches the filter. Change it below.");
                    }
                }
                ui.add_space(8.0);
                filters_ui(ui, session);
                if let Some(index) = card_list_ui(ui, session, &mut self.ticked, current, ts, base)
                {
                    self.show(session, index);
                }
            });
        commands
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the panel's parts, passed down once"
    )]
    fn card_ui(
        &mut self,
        ui: &mut Ui,
        session: &mut Session,
        index: usize,
        ts: &mut Typesetter,
        base: TextStyle,
        palette: &Palette,
        commands: &mut Vec<CardsCommand>,
    ) {
        let card = session.cards()[index].clone();
        egui::Frame::group(ui.style())
            .inner_margin(12.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                self.front_ui(ui, session, &card, ts, base, palette);
                if self.flipped {
                    ui.separator();
                    self.back_ui(ui, &card, ts, base, palette, commands);
                }
            });
        ui.add_space(6.0);
        answer_ui(ui, self.flipped, commands);
        status_ui(ui, session, &card);
        ui.add_space(4.0);
        self.edit_ui(ui, session, index);
    }

    fn front_ui(
        &self,
        ui: &mut Ui,
        session: &mut Session,
        card: &Card,
        ts: &mut Typesetter,
        base: TextStyle,
        palette: &Palette,
    ) {
        ui.horizontal(|ui| {
            let vocalized = &mut session.progress.settings.vocalized;
            if ui
                .checkbox(vocalized, "Vowels")
                .on_hover_text("Show the word with its tashkeel (vowel marks)")
                .changed()
            {
                session.settings_changed();
            }
            if card.is_name {
                ui.weak("name");
            }
        });
        let word = if session.progress.settings.vocalized {
            &card.vocalized
        } else {
            &card.lemma
        };
        ui.vertical_centered(|ui| {
            ts.label(
                ui,
                word,
                TextStyle::new(base.font, FRONT_SIZE),
                palette.text,
                false,
            );
        });
        if !self.flipped {
            ui.vertical_centered(|ui| ui.weak("Space shows the answer"));
        }
    }

    fn back_ui(
        &mut self,
        ui: &mut Ui,
        card: &Card,
        ts: &mut Typesetter,
        base: TextStyle,
        palette: &Palette,
        commands: &mut Vec<CardsCommand>,
    ) {
        let arabic = TextStyle::new(base.font, BACK_SIZE);
        // Glosses may quote Arabic ("first (fem. أولى)"): the text engine orders them.
        let gloss = TextStyle::new(base.font, 19.0).bold();
        ts.mixed_label(ui, &card.gloss, gloss, palette.text, true);
        if !card.translit.is_empty() {
            ui.label(RichText::new(&card.translit).italics().size(16.0));
        }
        ui.add_space(4.0);
        egui::Grid::new("card-facts")
            .num_columns(2)
            .spacing(vec2(12.0, 4.0))
            .show(ui, |ui| {
                if !card.root.is_empty() {
                    ui.label("Root");
                    ts.label(ui, &card.root, arabic, palette.text, false);
                    ui.end_row();
                }
                ui.label("Part of speech");
                ui.label(pos_label(&card.pos));
                ui.end_row();
                ui.label("In this text");
                ui.label(times(card.count));
                ui.end_row();
                ui.label("Forms");
                ts.label(ui, &card.forms.join("، "), arabic, palette.text, true);
                ui.end_row();
            });
        if !card.note.is_empty() {
            ui.add_space(4.0);
            ui.strong("Note");
            let note = TextStyle::new(base.font, 15.0);
            ts.mixed_label(ui, &card.note, note, palette.text, true);
        }
        ui.add_space(6.0);
        ui.label("Example (click to see it in the text)");
        self.example_ui(ui, card, ts, arabic, palette, commands);
        if let Some(translation) = &card.example.translation {
            ui.label(RichText::new(translation).italics());
        }
    }

    /// The example sentence with the word highlighted; a click shows it in the reader.
    fn example_ui(
        &mut self,
        ui: &mut Ui,
        card: &Card,
        ts: &mut Typesetter,
        style: TextStyle,
        palette: &Palette,
        commands: &mut Vec<CardsCommand>,
    ) {
        let text = &card.example.text;
        let width = ui.available_width().max(120.0);
        let fresh = match &self.example {
            Some((t, w, s, _)) => t != text || *w != width.to_bits() || *s != style,
            None => true,
        };
        if fresh {
            let paragraph = ts.layout(text, 0, style, Direction::Rtl, Some(width));
            self.example = Some((text.clone(), width.to_bits(), style, paragraph));
        }
        let Some((_, _, _, paragraph)) = &self.example else {
            return;
        };
        let shown = ArabicText::new(paragraph, text)
            .color(palette.text)
            .highlight(card.example.word.clone(), palette.word)
            .underline(card.example.word.clone(), palette.word_line);
        let (rect, response) = ui.allocate_exact_size(shown.size(), Sense::click());
        shown.paint(ui.painter(), ts, rect);
        response.widget_info(|| WidgetInfo::labeled(Role::Link, true, text));
        let response = response
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text("Show this sentence in the text");
        if response.clicked() {
            commands.push(CardsCommand::ShowInReader {
                sentence: card.example.sentence,
                word: card.example.word.start,
            });
        }
    }

    /// The teacher's gloss and note for the card, kept in the saved progress.
    fn edit_ui(&mut self, ui: &mut Ui, session: &mut Session, index: usize) {
        let card = &session.cards()[index];
        let key = card.key();
        if self.draft.as_ref().is_none_or(|d| d.key != key) {
            self.draft = Some(Draft {
                key: key.clone(),
                gloss: card.gloss.clone(),
                note: card.note.clone(),
            });
        }
        let edited = session.progress.edit(&key).is_some();
        let title = if edited {
            "Teacher's edit (edited)"
        } else {
            "Teacher's edit"
        };
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let mut save = false;
        let mut revert = false;
        egui::CollapsingHeader::new(title)
            .id_salt("teacher-edit")
            .show(ui, |ui| {
                let label = ui.label("Meaning (replaces the lexicon's for you and in exports)");
                let gloss = ui
                    .add(
                        egui::TextEdit::singleline(&mut draft.gloss)
                            .desired_width(f32::INFINITY)
                            .hint_text("English meaning"),
                    )
                    .labelled_by(label.id);
                save |= gloss.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let label = ui.label("Note");
                ui.add(
                    egui::TextEdit::multiline(&mut draft.note)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .hint_text("A note for learners"),
                )
                .labelled_by(label.id);
                ui.horizontal(|ui| {
                    save |= ui.button("Save edit").clicked();
                    revert = ui
                        .add_enabled(edited, egui::Button::new("Back to the lexicon"))
                        .clicked();
                });
            });
        if save {
            let edit = Edit {
                gloss: Some(draft.gloss.clone()),
                note: draft.note.clone(),
            };
            session.set_edit(&key, edit);
            self.draft = None;
        } else if revert {
            session.set_edit(&key, Edit::default());
            self.draft = None;
        }
    }
}

/// Title, position in the deck, and whether the keys are here.
fn header_ui(
    ui: &mut Ui,
    shown: &[usize],
    current: Option<usize>,
    active: bool,
    commands: &mut Vec<CardsCommand>,
) {
    ui.horizontal(|ui| {
        ui.heading("Cards");
        let at = current.and_then(|c| shown.iter().position(|&i| i == c));
        ui.label(match at {
            Some(at) => format!("{} of {}", at + 1, shown.len()),
            None => "none".to_owned(),
        });
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.small_button("Hide").on_hover_text("F3").clicked() {
                commands.push(CardsCommand::Close);
            }
            if ui
                .small_button("Export…")
                .on_hover_text(Action::Export.keys_text())
                .clicked()
            {
                commands.push(CardsCommand::Action(Action::Export));
            }
        });
    });
    if active {
        ui.weak("Keys: Space flip · ← next · → previous · 1–4 rate");
    } else {
        ui.weak("The keys act on the text: press F3 or click here for the cards");
    }
}

/// Flip before answering; then the four ratings, each moving on.
fn answer_ui(ui: &mut Ui, flipped: bool, commands: &mut Vec<CardsCommand>) {
    ui.horizontal(|ui| {
        if flipped {
            for (n, rating) in Rating::ALL.into_iter().enumerate() {
                let text = format!("{} {}", n + 1, rating.label());
                if ui
                    .button(text)
                    .on_hover_text(Action::Rate(rating).label())
                    .clicked()
                {
                    commands.push(CardsCommand::Action(Action::Rate(rating)));
                }
            }
        } else if ui.button("Show the answer (Space)").clicked() {
            commands.push(CardsCommand::Action(Action::FlipCard));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.button("Previous →").clicked() {
                commands.push(CardsCommand::Action(Action::PreviousCard));
            }
            if ui.button("← Next").clicked() {
                commands.push(CardsCommand::Action(Action::NextCard));
            }
        });
    });
}

/// The word's status, which the reader shows too.
fn status_ui(ui: &mut Ui, session: &mut Session, card: &Card) {
    let key = card.key();
    let now = session.progress.status(&key);
    ui.horizontal(|ui| {
        ui.label("Status");
        for status in Status::ALL {
            if ui
                .selectable_label(now == status, status.label())
                .on_hover_text(status_hint(status))
                .clicked()
            {
                session.set_status(&key, status);
            }
        }
    });
}

#[must_use]
pub fn status_hint(status: Status) -> &'static str {
    match status {
        Status::New => "Not studied yet (tinted blue in the text)",
        Status::Learning => "Being learned (tinted amber in the text)",
        Status::Known => "Known: not tinted",
        Status::Ignored => "Not worth studying: not tinted",
    }
}

/// A readable part of speech ("proper_noun" → "name").
#[must_use]
pub fn pos_label(pos: &str) -> String {
    match pos {
        "proper_noun" => "name".to_owned(),
        other => other.replace('_', " "),
    }
}

fn times(count: usize) -> String {
    format!("{count} time{}", if count == 1 { "" } else { "s" })
}
