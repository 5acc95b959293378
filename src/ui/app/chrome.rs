//! The window's chrome around the panels: menus, the message and status bars, the legend, the shortcut overlay and egui's fonts.

use std::path::Path;

use egui::{Color32, Context, RichText};

use super::{DarsApp, Settings};
use crate::render::FontChoice;
use crate::study::Status;
use crate::ui::actions::{Action, PanelAction};
use crate::ui::cards::CardsAction;
use crate::ui::panels::Panel;
use crate::ui::reader::ReaderAction;
use crate::ui::theme::Palette;

impl DarsApp {
    /// The menu bar; `clicked` gets the action of an entry clicked, `dictionaries` whether
    /// Settings → Dictionaries… was.
    pub(super) fn menus_ui(
        &self,
        ui: &mut egui::Ui,
        clicked: &mut Option<Action>,
        dictionaries: &mut bool,
    ) {
        let mut item = |ui: &mut egui::Ui, action: Action, text: &str| {
            if ui
                .add(egui::Button::new(text).shortcut_text(action.keys_text()))
                .clicked()
            {
                *clicked = Some(action);
                ui.close();
            }
        };
        ui.menu_button("File", |ui| {
            item(ui, Action::Library, "Library…");
            ui.separator();
            item(ui, Action::Open, "Open…");
            item(ui, Action::Paste, "New text from clipboard…");
            item(ui, Action::ImportWeb, "Import from web page…");
            ui.separator();
            item(ui, Action::Export, "Export cards…");
            item(ui, Action::ExportDiagram, "Export diagram…");
            item(
                ui,
                Action::Reader(ReaderAction::CopySentence),
                "Copy sentence",
            );
            ui.separator();
            item(ui, Action::Quit, "Quit");
        });
        ui.menu_button("Navigate", |ui| {
            for a in ReaderAction::all() {
                if matches!(a, ReaderAction::SetStatus(_)) {
                    continue;
                }
                let a = Action::Reader(a);
                item(ui, a, a.label());
            }
            ui.separator();
            for status in Status::ALL {
                let a = Action::Reader(ReaderAction::SetStatus(status));
                item(ui, a, a.label());
            }
        });
        ui.menu_button("Cards", |ui| {
            for a in CardsAction::all() {
                let a = Action::Cards(a);
                item(ui, a, a.label());
            }
        });
        ui.menu_button("View", |ui| {
            item(ui, Action::Find, "Find…");
            ui.separator();
            // One entry per panel, from the list of panels.
            for &panel in Panel::ALL {
                let text = match (panel.is_side(), self.settings.panels.is_open(panel)) {
                    (false, _) => format!("{} (keys act on the text)", panel.label()),
                    (true, true) if self.active == panel => format!("Hide {}", panel.label()),
                    (true, _) => panel.label().to_owned(),
                };
                item(ui, Action::Show(panel), &text);
            }
            ui.separator();
            item(
                ui,
                Action::StatusTints,
                if self.settings.status_tints {
                    "Stop tinting words by status"
                } else {
                    "Tint words by status"
                },
            );
            let names = if self.settings.tint_entities {
                "Plain names"
            } else {
                "Colour names by kind"
            };
            item(ui, Action::TintNames, names);
            ui.separator();
            item(ui, Action::ZoomIn, "Larger text");
            item(ui, Action::ZoomOut, "Smaller text");
            item(ui, Action::ZoomReset, "Default text size");
            ui.separator();
            let other = self.settings.font.toggled();
            item(
                ui,
                Action::SwitchFont,
                &format!("Font: switch to {}", other.label()),
            );
            item(
                ui,
                Action::SwitchTheme,
                if self.settings.dark {
                    "Light theme"
                } else {
                    "Dark theme"
                },
            );
        });
        ui.menu_button("Settings", |ui| {
            if ui.button("Dictionaries…").clicked() {
                *dictionaries = true;
                ui.close();
            }
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::Shortcuts, "Keyboard shortcuts")
        });
    }

    /// The message bar: the message wrapped to the window's width (a long path stays
    /// readable), set by the text engine (a file name may be Arabic), with buttons to copy
    /// and dismiss it.
    pub(super) fn message_ui(&mut self, ui: &mut egui::Ui) {
        let Some(message) = self.message.clone() else {
            return;
        };
        egui::Panel::top("message").show(ui, |ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if ui.small_button("Dismiss").clicked() {
                    self.message = None;
                }
                if ui
                    .small_button("Copy")
                    .on_hover_text("Copy the message")
                    .clicked()
                {
                    ui.ctx().copy_text(message.text.clone());
                }
                let color = if message.is_error {
                    Color32::from_rgb(200, 40, 40)
                } else {
                    ui.visuals().text_color()
                };
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    let style = crate::render::TextStyle {
                        line_height: 1.4,
                        ..crate::render::TextStyle::new(FontChoice::Naskh, 14.0)
                    };
                    // The left-to-right mark keeps an English sentence's order when it starts
                    // with Arabic (a title quoted first).
                    let text = if crate::arabic::script::has_arabic(&message.text) {
                        format!("\u{200E}{}", message.text)
                    } else {
                        message.text.clone()
                    };
                    self.typesetter.mixed_label(ui, &text, style, color, true);
                });
            });
        });
    }

    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let doc = &self.text.doc;
            if let Some(what) = self.importing() {
                ui.spinner();
                ui.label(format!("Importing {what}…"));
                ui.separator();
            }
            if doc.source == crate::analysis::document::BUNDLED_SOURCE {
                ui.label("Bundled article").on_hover_text(&doc.source);
            } else {
                let name = Path::new(&doc.source)
                    .file_name()
                    .map_or_else(|| doc.source.clone(), |n| n.to_string_lossy().into_owned());
                // A file name may be Arabic words: egui would show them in the wrong order.
                let style = crate::render::TextStyle::new(FontChoice::Naskh, 13.0);
                let colour = ui.visuals().text_color();
                self.typesetter
                    .mixed_label(ui, &name, style, colour, false)
                    .on_hover_text(&doc.source);
            }
            ui.separator();
            ui.label(format!(
                "Sentence {} / {}",
                self.panels.reader.position.sentence + 1,
                doc.sentences.len()
            ));
            ui.separator();
            ui.label(format!(
                "{} · {:.0} pt",
                self.settings.font.label(),
                self.settings.text_size
            ));
            ui.separator();
            ui.label(format!("Keys: {}", self.active.label()));
            ui.separator();
            ui.weak(format!(
                "Press {} for shortcuts",
                Action::Shortcuts.key_text()
            ));
        });
    }

    pub(super) fn shortcuts_ui(&mut self, ctx: &Context) {
        let mut open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                let room = (ctx.content_rect().height() - 140.0).max(120.0);
                ui.weak("Keys work with any keyboard layout, Arabic included.");
                // One group for the keys that work everywhere, then one per panel that has
                // keys of its own (from the list of panels), in as many columns as fit,
                // scrolled when the window is short.
                let mut groups = vec![("Everywhere".to_owned(), None)];
                for &panel in Panel::ALL {
                    if Action::all().iter().any(|a| a.panel() == Some(panel)) {
                        let key = Action::Show(panel).key_text();
                        groups.push((format!("{} ({key})", panel.label()), Some(panel)));
                    }
                }
                let columns = if ctx.content_rect().width() >= 1500.0 {
                    3
                } else {
                    2
                };
                egui::ScrollArea::vertical()
                    .max_height(room)
                    .min_scrolled_height(room)
                    .show(ui, |ui| {
                        ui.horizontal_top(|ui| {
                            for (i, column) in balanced(&groups, columns).into_iter().enumerate() {
                                if i > 0 {
                                    ui.separator();
                                }
                                ui.vertical(|ui| {
                                    for (title, panel) in column {
                                        shortcut_group_ui(ui, title, *panel);
                                        ui.add_space(8.0);
                                    }
                                });
                            }
                        });
                    });
            });
        if !open {
            self.show_shortcuts = false;
        }
    }
}

/// Groups of shortcuts split into `columns` columns of about the same length, in order.
fn balanced<T>(groups: &[(T, Option<Panel>)], columns: usize) -> Vec<Vec<&(T, Option<Panel>)>> {
    let rows =
        |panel: Option<Panel>| Action::all().iter().filter(|a| a.panel() == panel).count() + 2;
    let total: usize = groups.iter().map(|(_, p)| rows(*p)).sum();
    let per_column = total.div_ceil(columns.max(1));
    let mut out: Vec<Vec<&(T, Option<Panel>)>> = vec![Vec::new()];
    let mut filled = 0;
    for group in groups {
        let n = rows(group.1);
        if filled > 0 && filled + n / 2 > per_column && out.len() < columns {
            out.push(Vec::new());
            filled = 0;
        }
        if let Some(column) = out.last_mut() {
            column.push(group);
        }
        filled += n;
    }
    out
}

/// The keys of one panel's actions (or of those that work everywhere), as a titled list.
fn shortcut_group_ui(ui: &mut egui::Ui, title: &str, panel: Option<Panel>) {
    ui.vertical(|ui| {
        ui.strong(title);
        egui::Grid::new(("shortcuts", panel))
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                for action in Action::all().into_iter().filter(|a| a.panel() == panel) {
                    ui.monospace(action.keys_text());
                    ui.label(action.label());
                    ui.end_row();
                }
            });
    });
}

/// Which colour stands for which kind of name.
pub(super) fn legend_ui(ui: &mut egui::Ui, palette: &Palette, settings: &Settings) {
    ui.horizontal_wrapped(|ui| {
        if settings.tint_entities {
            ui.weak("Names:");
            for kind in crate::ui::theme::ENTITY_KINDS {
                ui.colored_label(
                    palette.entity(kind),
                    crate::ui::theme::entity_kind_label(kind),
                );
            }
            ui.weak(format!("({} hides)", Action::TintNames.keys_text()));
        }
        if settings.status_tints {
            ui.separator();
            ui.weak("Words:");
            for (status, fill) in [
                (Status::New, palette.status_new),
                (Status::Learning, palette.status_learning),
            ] {
                let text = RichText::new(status.label()).background_color(fill);
                ui.label(text.color(palette.text));
            }
            ui.weak(format!("({} hides)", Action::StatusTints.keys_text()));
        }
    });
}

/// egui's fonts with Noto Sans behind them, for the transliteration letters.
pub(super) fn ui_fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    let data = egui::FontData::from_static(crate::render::fonts::latin_ui_font());
    fonts
        .font_data
        .insert("noto-sans".to_owned(), std::sync::Arc::new(data));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-sans".to_owned());
    }
    // The arrows of key names (← →) are only in egui's monospace face (Hack).
    fonts
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default()
        .push("Hack".to_owned());
    // Typing goes through the app's own text field now, but file names (the status bar, its
    // hover text) and messages quoting a path may still hold Arabic: egui shapes it without
    // bidi, so it shows joined but not reordered, where tofu would show nothing.
    let naskh = egui::FontData::from_static(FontChoice::Naskh.regular_bytes());
    fonts
        .font_data
        .insert("naskh".to_owned(), std::sync::Arc::new(naskh));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("naskh".to_owned());
    }
    fonts
}
