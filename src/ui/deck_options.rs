//! The cards panel's lower half: the deck's order and filters, and the list of its cards with ticks for export.

use std::collections::BTreeSet;

use egui::{RichText, ScrollArea, Ui};

use super::words::pos_label;
use crate::render::{TextStyle, Typesetter};
use crate::study::{Names, Order, Session, Status, parts_of_speech};

/// Height of one row of the card list.
const ROW_HEIGHT: f32 = 30.0;

/// Order, names group, parts of speech and statuses; saved with the progress.
pub fn filters_ui(ui: &mut Ui, session: &mut Session) {
    let choices = parts_of_speech(session.cards());
    let mut filter = session.study_settings().filter.clone();
    egui::CollapsingHeader::new("Order and filter")
        .id_salt("deck-filter")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label("Order");
                ui.radio_value(&mut filter.order, Order::FirstAppearance, "As in the text");
                ui.radio_value(&mut filter.order, Order::Frequency, "Most frequent first");
            });
            ui.horizontal(|ui| {
                ui.label("Names");
                ui.radio_value(&mut filter.names, Names::Exclude, "Words only");
                ui.radio_value(&mut filter.names, Names::Include, "Words and names");
                ui.radio_value(&mut filter.names, Names::Only, "Names only");
            });
            ui.label("Part of speech (none ticked: all)");
            ui.horizontal_wrapped(|ui| {
                for pos in &choices {
                    set_toggle_ui(ui, &mut filter.pos, pos.clone(), &pos_label(pos));
                }
            });
            ui.label("Status (none ticked: all)");
            ui.horizontal_wrapped(|ui| {
                for status in Status::ALL {
                    set_toggle_ui(ui, &mut filter.statuses, status, status.label());
                }
            });
            ui.checkbox(&mut filter.due_now, "Due now only")
                .on_hover_text("Words whose review FSRS has scheduled for now or earlier, and words never reviewed");
        });
    session.change_settings(|s| s.filter = filter);
}

/// A checkbox for whether `value` is in `set`.
fn set_toggle_ui<T: Ord>(ui: &mut Ui, set: &mut BTreeSet<T>, value: T, label: &str) {
    let mut on = set.contains(&value);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            set.insert(value);
        } else {
            set.remove(&value);
        }
    }
}

/// The cards the filter shows, each with a tick (for "export ticked cards"); returns the card
/// clicked, to show it.
pub fn card_list_ui(
    ui: &mut Ui,
    session: &Session,
    ticked: &mut BTreeSet<String>,
    current: Option<usize>,
    ts: &mut Typesetter,
    base: TextStyle,
) -> Option<usize> {
    let shown = session.filtered();
    let mut clicked = None;
    let title = format!(
        "Cards in the filter: {} (ticked: {})",
        shown.len(),
        ticked.len()
    );
    egui::CollapsingHeader::new(title)
        .id_salt("card-list")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.small_button("Tick all shown").clicked() {
                    ticked.extend(shown.iter().map(|&i| session.cards()[i].key()));
                }
                if ui.small_button("Untick all").clicked() {
                    ticked.clear();
                }
            });
            let style = TextStyle::new(base.font, 18.0);
            let text_color = ui.visuals().text_color();
            ScrollArea::vertical()
                .id_salt("card-list-rows")
                .max_height(ROW_HEIGHT * 10.0)
                .auto_shrink([false, true])
                .show_rows(ui, ROW_HEIGHT, shown.len(), |ui, rows| {
                    for &i in &shown[rows] {
                        let card = &session.cards()[i];
                        ui.horizontal(|ui| {
                            ui.set_height(ROW_HEIGHT);
                            let key = card.key();
                            let mut on = ticked.contains(&key);
                            let tick = ui.checkbox(&mut on, "").on_hover_text("Tick to export");
                            let label = format!("Tick to export: {}", card.gloss);
                            tick.widget_info(|| {
                                egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &label)
                            });
                            if tick.changed() {
                                if on {
                                    ticked.insert(key);
                                } else {
                                    ticked.remove(&key);
                                }
                            }
                            let gloss = RichText::new(short_gloss(&card.gloss));
                            let gloss = if Some(i) == current {
                                gloss.strong()
                            } else {
                                gloss
                            };
                            if ui.selectable_label(Some(i) == current, gloss).clicked() {
                                clicked = Some(i);
                            }
                            ui.weak(session.status_of_card(i).label());
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    ts.label(ui, &card.lemma, style, text_color, false);
                                },
                            );
                        });
                    }
                });
        });
    clicked
}

/// The gloss up to its first bracket or semicolon: "day; (اليوم) today" → "day".
fn short_gloss(gloss: &str) -> &str {
    gloss.split([';', '(']).next().map_or(gloss, str::trim)
}
