//! In the word popup: the word's other readings, to pick another, and the meaning a learner
//! types for a word no lexicon analyses; and the word-by-word line of an untranslated sentence.

use egui::{Align, Layout, RichText, Ui};

use super::Reader;
use crate::analysis::GlossKind;
use crate::analysis::word_by_word::first_sense;
use crate::render::TextStyle;
use crate::ui::panel::{Command, PanelContext};
use crate::ui::words::pos_label;

impl Reader {
    /// The word's readings when it has more than one: the chosen one marked, a click on
    /// another makes it this word's reading everywhere (saved for every document).
    pub(super) fn readings_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut PanelContext<'_>,
        token: usize,
    ) -> Option<Command> {
        let readings = cx.analysis.readings(token);
        if readings.len() < 2 {
            return None;
        }
        let chosen = cx.analysis.chosen_reading(token);
        let word = cx.doc.slice(&cx.doc.tokens[token].range).to_owned();
        let mut command = None;
        egui::CollapsingHeader::new(format!("Other readings ({})", readings.len() - 1))
            .id_salt(("readings", token))
            .show(ui, |ui| {
                for (i, r) in readings.iter().enumerate() {
                    let facts = cx.analysis.lemma_facts(r.lemma).unwrap_or_default();
                    let arabic = r
                        .vocalized_word()
                        .unwrap_or_else(|| facts.vocalized.clone());
                    let english = format!(
                        "{}: {}",
                        pos_label(r.pos.as_str()),
                        first_sense(&facts.gloss_en)
                    );
                    ui.horizontal(|ui| {
                        let is_chosen = chosen == Some(i);
                        let button = ui
                            .selectable_label(
                                is_chosen,
                                if is_chosen { "chosen" } else { "choose" },
                            )
                            .on_hover_text("Read this word so wherever it occurs, in every text");
                        if button.clicked() && !is_chosen {
                            command = Some(Command::ChooseReading {
                                word: word.clone(),
                                lemma: Some(r.lemma),
                            });
                        }
                        cx.typesetter.label(
                            ui,
                            &arabic,
                            TextStyle::new(cx.style.font, 20.0),
                            cx.palette.text,
                            false,
                        );
                        cx.typesetter.mixed_label(
                            ui,
                            &english,
                            TextStyle::new(cx.style.font, 14.0),
                            cx.palette.text,
                            true,
                        );
                    });
                }
                if ui
                    .small_button("Let Dars choose")
                    .on_hover_text("Forget the reading you chose for this word")
                    .clicked()
                {
                    command = Some(Command::ChooseReading {
                        word: word.clone(),
                        lemma: None,
                    });
                }
            });
        command
    }

    /// For a word no lexicon analyses (or one given a meaning before): a field to type its
    /// meaning, saved for every document and shown on its card.
    pub(super) fn meaning_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut PanelContext<'_>,
        token: usize,
    ) -> Option<Command> {
        let readings = cx.analysis.readings(token);
        let own = readings
            .first()
            .filter(|r| matches!(r.lemma, crate::analysis::LemmaRef::User(_)));
        if !readings.is_empty() && own.is_none() {
            return None;
        }
        let current = own
            .and_then(|r| cx.analysis.lemma_facts(r.lemma))
            .map(|f| f.gloss_en)
            .unwrap_or_default();
        if self.meaning_draft.as_ref().is_none_or(|(t, _)| *t != token) {
            self.meaning_draft = Some((token, current.clone()));
        }
        let (_, draft) = self.meaning_draft.as_mut()?;
        let word = cx.doc.slice(&cx.doc.tokens[token].range).to_owned();
        let mut command = None;
        ui.label("Your meaning (for this word in every text)");
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(draft)
                    .hint_text("type what it means")
                    .desired_width(220.0),
            );
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Save").clicked() || enter) && draft.trim() != current.trim() {
                command = Some(Command::SetMeaning {
                    word: word.clone(),
                    meaning: draft.clone(),
                });
            }
        });
        command
    }

    /// The word-by-word line of sentence `sentence`: each word with its gloss under it, in
    /// reading order (from the right, wrapping to the next row), names as names.
    pub(super) fn word_by_word_ui(&self, ui: &mut Ui, cx: &mut PanelContext<'_>, sentence: usize) {
        ui.label(
            RichText::new("Word by word (no translation of this sentence is available)").weak(),
        );
        let items = cx.analysis.word_by_word(cx.doc, sentence);
        let size = 18.0;
        ui.with_layout(
            Layout::right_to_left(Align::TOP).with_main_wrap(true),
            |ui| {
                for item in items {
                    let arabic = cx.doc.slice(&item.range).to_owned();
                    // A column as wide as the wider of the word and its gloss (egui lays the
                    // gloss out; the Arabic width is estimated from its letters).
                    let gloss_width = ui.fonts_mut(|f| {
                        f.layout_no_wrap(
                            item.gloss.clone(),
                            egui::FontId::proportional(13.0),
                            egui::Color32::WHITE,
                        )
                        .size()
                        .x
                    });
                    let arabic_width = arabic.chars().count() as f32 * size * 0.45;
                    let width = gloss_width.max(arabic_width).max(24.0) + 10.0;
                    ui.allocate_ui_with_layout(
                        egui::vec2(width, 56.0),
                        Layout::top_down(Align::Center),
                        |ui| {
                            cx.typesetter.label(
                                ui,
                                &arabic,
                                TextStyle::new(cx.style.font, size),
                                cx.palette.text,
                                false,
                            );
                            let text = RichText::new(item.gloss).size(13.0);
                            ui.label(match item.kind {
                                GlossKind::Name => text.strong(),
                                GlossKind::Unknown => text.weak(),
                                GlossKind::Word | GlossKind::AsWritten => text,
                            });
                        },
                    );
                }
            },
        );
    }
}
