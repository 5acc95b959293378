//! The cards panel: one vocabulary card at a time, flipped, rated and moved through; status buttons and the teacher's edit.

use std::collections::BTreeSet;

use egui::{Align, Layout, RichText, Role, ScrollArea, Sense, Ui, WidgetInfo, vec2};

use super::actions::Action;
use super::deck_options::{card_list_ui, filters_ui};
use super::panel::{Command, PanelContext, PanelUi, title_bar_ui};
use super::panels::Panel;
use super::theme::Palette;
use super::words::{pos_label, status_buttons_ui, times};
use crate::render::edit::{BaseDirection, TextField};
use crate::render::{ArabicText, Direction, Paragraph, TextStyle, Typesetter};
use crate::study::{Card, Edit, Rating, Session, due_label};

mod actions;

pub use actions::CardsAction;

/// Room kept free for the scroll bar on the right of the panel, in points.
const SCROLL_BAR_ROOM: f32 = 12.0;
/// Size of the word on the card's front, in points.
const FRONT_SIZE: f32 = 46.0;
/// Size of the Arabic on the card's back (example, root, forms).
const BACK_SIZE: f32 = 21.0;

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
            .study_settings()
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
        if key.is_some() {
            session.change_settings(|s| s.current = key);
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

    fn card_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut PanelContext<'_>,
        index: usize,
        commands: &mut Vec<Command>,
    ) {
        let card = cx.session.cards()[index].clone();
        egui::Frame::group(ui.style())
            .inner_margin(12.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                self.front_ui(ui, cx, &card);
                if self.flipped {
                    ui.separator();
                    self.back_ui(ui, cx, &card, commands);
                }
            });
        ui.add_space(6.0);
        answer_ui(ui, self.flipped, commands);
        let now = cx.session.status_of_card(index);
        if let Some(status) = status_buttons_ui(ui, now, None) {
            cx.session.set_status(&card.key(), status);
        }
        // When FSRS brings the card back (cards and quiz share the schedule).
        let schedule = cx.session.progress().schedule(&card.key());
        ui.weak(format!(
            "Next review: {}",
            due_label(schedule.as_ref(), cx.now)
        ));
        ui.add_space(4.0);
        self.edit_ui(ui, cx, index);
    }

    fn front_ui(&self, ui: &mut Ui, cx: &mut PanelContext<'_>, card: &Card) {
        let mut vocalized = cx.session.study_settings().vocalized;
        ui.horizontal(|ui| {
            if ui
                .checkbox(&mut vocalized, "Vowels")
                .on_hover_text("Show the word with its tashkeel (vowel marks)")
                .changed()
            {
                cx.session.change_settings(|s| s.vocalized = vocalized);
            }
            if card.is_name {
                ui.weak(pos_label(&card.pos));
            }
        });
        let word = if vocalized {
            &card.vocalized
        } else {
            &card.lemma
        };
        ui.vertical_centered(|ui| {
            cx.typesetter.label(
                ui,
                word,
                TextStyle::new(cx.style.font, FRONT_SIZE),
                cx.palette.text,
                false,
            );
        });
        if !self.flipped {
            let flip = Action::Cards(CardsAction::Flip).key_text();
            ui.vertical_centered(|ui| ui.weak(format!("{flip} shows the answer")));
        }
    }

    fn back_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut PanelContext<'_>,
        card: &Card,
        commands: &mut Vec<Command>,
    ) {
        // A card another text of the library brought: its example is a sentence of that text.
        let own = cx
            .session
            .card_index(&card.key())
            .is_some_and(|i| cx.session.is_own_card(i));
        let (ts, palette) = (&mut *cx.typesetter, cx.palette);
        let arabic = TextStyle::new(cx.style.font, BACK_SIZE);
        // Glosses may quote Arabic ("first (fem. أولى)"): the text engine orders them.
        let gloss = TextStyle::new(cx.style.font, 19.0).bold();
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
            let note = TextStyle::new(cx.style.font, 15.0);
            ts.mixed_label(ui, &card.note, note, palette.text, true);
        }
        ui.add_space(6.0);
        ui.label("Example (click to see it in the text)");
        let commands = if own { Some(commands) } else { None };
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
        // `None`: the sentence is from another text, so it cannot be shown in the reader.
        commands: Option<&mut Vec<Command>>,
    ) {
        let text = &card.example.text;
        let width = ui.available_width().max(120.0);
        let fresh = match &self.example {
            Some((t, w, s, _)) => t != text || *w != width.to_bits() || *s != style,
            None => true,
        };
        if fresh {
            // Laid out at the sentence's place in the document, so ranges are document bytes.
            let start = card.example.start;
            let paragraph = ts.layout(text, start, style, Direction::Rtl, Some(width));
            self.example = Some((text.clone(), width.to_bits(), style, paragraph));
        }
        let Some((_, _, _, paragraph)) = &self.example else {
            return;
        };
        let word = card.example.word_in_document();
        let shown = ArabicText::new(paragraph, text)
            .color(palette.text)
            .highlight(word.clone(), palette.word)
            .underline(word.clone(), palette.word_line);
        let (rect, response) = ui.allocate_exact_size(shown.size(), Sense::click());
        shown.paint(ui.painter(), ts, rect);
        let Some(commands) = commands else {
            response.widget_info(|| WidgetInfo::labeled(Role::Label, true, text));
            response.on_hover_text("A sentence of another text in your library");
            return;
        };
        response.widget_info(|| WidgetInfo::labeled(Role::Link, true, text));
        let response = response
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text("Show this sentence in the text");
        if response.clicked() {
            commands.push(Command::show_in_reader(word));
        }
    }

    /// The teacher's gloss and note for the card, kept in the saved progress. Either may quote
    /// Arabic: the fields lay it out right to left inside the English.
    fn edit_ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>, index: usize) {
        let session = &mut *cx.session;
        let card = &session.cards()[index];
        let key = card.key();
        if self.draft.as_ref().is_none_or(|d| d.key != key) {
            self.draft = Some(Draft {
                key: key.clone(),
                gloss: card.gloss.clone(),
                note: card.note.clone(),
            });
        }
        let edited = session.progress().edit(&key).is_some();
        let title = if edited {
            "Teacher's edit (edited)"
        } else {
            "Teacher's edit"
        };
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        // English first, Arabic falling back to Noto Naskh, a little smaller than the card.
        let style = TextStyle {
            latin: true,
            line_height: 1.6,
            ..TextStyle::new(cx.style.font, (cx.style.size * 0.68).round())
        };
        let ts = &mut *cx.typesetter;
        let mut save = false;
        let mut revert = false;
        egui::CollapsingHeader::new(title)
            .id_salt("teacher-edit")
            .show(ui, |ui| {
                ui.label("Meaning (replaces the lexicon's for you and in exports)");
                let gloss = TextField::singleline(&mut draft.gloss)
                    .id_salt(("gloss", &key))
                    .direction(BaseDirection::Ltr)
                    .style(style)
                    .placeholder("English meaning")
                    .label("Meaning")
                    .show(ui, ts);
                save |= gloss.submitted.is_some();
                ui.label("Note");
                TextField::multiline(&mut draft.note)
                    .id_salt(("note", &key))
                    .direction(BaseDirection::Ltr)
                    .style(style)
                    .desired_rows(2)
                    .placeholder("A note for learners")
                    .label("Note")
                    .input_tools(true)
                    .show(ui, ts);
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

impl PanelUi for CardsPanel {
    fn ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) -> Vec<Command> {
        let shown = cx.session.filtered();
        let current = self.current(cx.session);
        let mut commands = header_ui(ui, &shown, current, cx.has_keys);
        ScrollArea::vertical()
            .id_salt("cards")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Room on the right for the scroll bar, which egui draws over the content.
                ui.set_max_width(ui.available_width() - SCROLL_BAR_ROOM);
                ui.add_space(4.0);
                match current {
                    Some(index) => self.card_ui(ui, cx, index, &mut commands),
                    None => {
                        ui.label("No card matches the filter. Change it below.");
                    }
                }
                ui.add_space(8.0);
                filters_ui(ui, cx.session);
                let (ts, base) = (&mut *cx.typesetter, cx.style);
                if let Some(index) =
                    card_list_ui(ui, cx.session, &mut self.ticked, current, ts, base)
                {
                    self.show(cx.session, index);
                }
            });
        commands
    }

    fn act(&mut self, action: Action, cx: &mut PanelContext<'_>) -> Vec<Command> {
        match action {
            Action::Cards(action) => self.act_on(action, cx),
            _ => Vec::new(),
        }
    }
}

/// Title, position in the deck, and whether the keys are here.
fn header_ui(ui: &mut Ui, shown: &[usize], current: Option<usize>, has_keys: bool) -> Vec<Command> {
    let mut export = false;
    let mut commands = title_bar_ui(ui, Panel::Cards, |ui| {
        let at = current.and_then(|c| shown.iter().position(|&i| i == c));
        ui.label(match at {
            Some(at) => format!("{} of {}", at + 1, shown.len()),
            None => "none".to_owned(),
        });
        export = ui
            .small_button("Export…")
            .on_hover_text(Action::Export.keys_text())
            .clicked();
    });
    if export {
        commands.push(Command::Act(Action::Export));
    }
    if has_keys {
        let keys = |a: CardsAction| Action::Cards(a).key_text();
        ui.weak(format!(
            "Keys: {} flip · {} next · {} previous · {}–{} rate",
            keys(CardsAction::Flip),
            keys(CardsAction::Next),
            keys(CardsAction::Previous),
            keys(CardsAction::Rate(Rating::Again)),
            keys(CardsAction::Rate(Rating::Easy)),
        ));
    } else {
        ui.weak(format!(
            "{} or a click here gives the keys to the cards",
            Action::Show(Panel::Cards).key_text()
        ));
    }
    commands
}

/// Flip before answering; then the four ratings, each moving on.
fn answer_ui(ui: &mut Ui, flipped: bool, commands: &mut Vec<Command>) {
    let act = |a: CardsAction| Command::Act(Action::Cards(a));
    ui.horizontal(|ui| {
        if flipped {
            for rating in Rating::ALL {
                let action = Action::Cards(CardsAction::Rate(rating));
                let text = format!("{} {}", action.key_text(), rating.label());
                if ui.button(text).on_hover_text(action.label()).clicked() {
                    commands.push(act(CardsAction::Rate(rating)));
                }
            }
        } else {
            let flip = Action::Cards(CardsAction::Flip).key_text();
            if ui.button(format!("Show the answer ({flip})")).clicked() {
                commands.push(act(CardsAction::Flip));
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let previous = Action::Cards(CardsAction::Previous).key_text();
            if ui.button(format!("Previous {previous}")).clicked() {
                commands.push(act(CardsAction::Previous));
            }
            let next = Action::Cards(CardsAction::Next).key_text();
            if ui.button(format!("{next} Next")).clicked() {
                commands.push(act(CardsAction::Next));
            }
        });
    });
}
