//! Drawing the panels where the arrangement puts them: side columns, tabs, or one panel alone; clicks give a panel the keys.

use egui::{CursorIcon, Rect, Ui};

use super::DarsApp;
use super::chrome::legend_ui;
use crate::ui::actions::Action;
use crate::ui::arrangement::{Arrangement, SIDE_MIN_WIDTH};
use crate::ui::panel::Command;
use crate::ui::panels::Panel;
use crate::ui::theme::Palette;

/// What the last frame drew, for the next one.
#[derive(Default)]
pub(super) struct Layout {
    /// Where the panels went.
    arrangement: Option<Arrangement>,
    /// Side columns whose width egui remembers differently from ours (the window was
    /// resized): they get our width on the next frame.
    reset: Vec<Panel>,
}

impl Layout {
    /// Whether the last frame showed `panel`.
    pub(super) fn shows(&self, panel: Panel) -> bool {
        self.arrangement.as_ref().is_none_or(|a| a.shows(panel))
    }
}

impl DarsApp {
    /// The reader and the open side panels, as the window's width allows.
    pub(super) fn panels_ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let arrangement =
            Arrangement::for_width(ui.available_width(), &self.settings.panels, self.active);
        let mut commands = Vec::new();
        let mut rects: Vec<(Panel, Rect)> = Vec::new();
        match &arrangement {
            Arrangement::Columns(columns) => {
                // Added right to left: the first side panel ends up next to the reader.
                for &(panel, width) in columns.iter().rev() {
                    let (rect, inner) = self.column_ui(ui, panel, width);
                    rects.push((panel, rect));
                    commands.extend(inner);
                }
                let (rect, inner) = self.reader_column_ui(ui);
                rects.push((Panel::Reader, rect));
                commands.extend(inner);
            }
            Arrangement::Tabs { open, shown, width } => {
                let (width, id) = (*width, "side-tabs");
                let response = egui::Panel::right(id)
                    .resizable(true)
                    .default_size(width)
                    .size_range(SIDE_MIN_WIDTH..=width.max(SIDE_MIN_WIDTH))
                    .show(ui, |ui| {
                        let mut commands = tabs_ui(ui, open, *shown, false);
                        commands.extend(self.with_panel(*shown, |p, cx| p.ui(ui, cx)));
                        commands
                    });
                rects.push((*shown, response.response.rect));
                commands.extend(response.inner);
                let (rect, inner) = self.reader_column_ui(ui);
                rects.push((Panel::Reader, rect));
                commands.extend(inner);
            }
            Arrangement::Single { open, shown } => {
                let shown = *shown;
                let response = egui::CentralPanel::default().show(ui, |ui| {
                    let mut commands = tabs_ui(ui, open, shown, true);
                    if shown == Panel::Reader {
                        commands.extend(self.reader_ui(ui));
                    } else {
                        commands.extend(self.with_panel(shown, |p, cx| p.ui(ui, cx)));
                    }
                    commands
                });
                rects.push((shown, response.response.rect));
                commands.extend(response.inner);
            }
        }
        self.activate_on_click(ui, &rects);
        if let Arrangement::Tabs { shown, .. } = &arrangement
            && self.active == *shown
        {
            self.settings.panels.tab = Some(*shown);
        }
        self.layout.arrangement = Some(arrangement);
        commands
    }

    /// One side panel in its own column, `width` points wide unless the user drags its edge.
    fn column_ui(&mut self, ui: &mut Ui, panel: Panel, width: f32) -> (Rect, Vec<Command>) {
        let id = ("side", panel);
        let mut column = egui::Panel::right(id);
        column = if self.layout.reset.contains(&panel) {
            column.exact_size(width)
        } else {
            column
                .resizable(true)
                .default_size(width)
                .size_range(SIDE_MIN_WIDTH..=width.max(SIDE_MIN_WIDTH))
        };
        let response = column.show(ui, |ui| self.with_panel(panel, |p, cx| p.ui(ui, cx)));
        let rect = response.response.rect;
        self.layout.reset.retain(|&p| p != panel);
        if is_dragging_edge(ui, rect) {
            // The user resizes it: that is the width it likes from now on.
            self.settings.panels.widths.insert(panel, rect.width());
        } else if (rect.width() - width).abs() > 1.0 {
            self.layout.reset.push(panel);
            ui.ctx().request_repaint();
        }
        (rect, response.inner)
    }

    /// The reader in the middle of the window, with the legend of its colours above it.
    fn reader_column_ui(&mut self, ui: &mut Ui) -> (Rect, Vec<Command>) {
        let response = egui::CentralPanel::default().show(ui, |ui| self.reader_ui(ui));
        (response.response.rect, response.inner)
    }

    fn reader_ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        if self.settings.tint_entities || self.settings.status_tints {
            legend_ui(ui, &Palette::new(self.settings.dark), &self.settings);
        }
        self.with_panel(Panel::Reader, |p, cx| p.ui(ui, cx))
    }

    /// A click in a panel gives it the keys.
    fn activate_on_click(&mut self, ui: &Ui, rects: &[(Panel, Rect)]) {
        let ctx = ui.ctx();
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
        if let Some(&(panel, _)) = rects.iter().find(|(_, r)| r.contains(pos)) {
            self.active = panel;
        }
    }
}

/// Whether the user is dragging the left edge of a side column (egui's resize handle).
fn is_dragging_edge(ui: &Ui, rect: Rect) -> bool {
    let ctx = ui.ctx();
    let resizing = ctx.output(|o| {
        matches!(
            o.cursor_icon,
            CursorIcon::ResizeHorizontal
                | CursorIcon::ResizeColumn
                | CursorIcon::ResizeEast
                | CursorIcon::ResizeWest
        )
    });
    resizing
        && ctx.input(|i| {
            i.pointer.primary_down()
                && i.pointer
                    .interact_pos()
                    .is_some_and(|p| (p.x - rect.left()).abs() < 12.0)
        })
}

/// A tab for each open panel (and the reader, when `with_reader`); a click shows it.
fn tabs_ui(ui: &mut Ui, open: &[Panel], shown: Panel, with_reader: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let reader = with_reader.then_some(Panel::Reader);
        for panel in reader.into_iter().chain(open.iter().copied()) {
            let key = Action::Show(panel).key_text();
            let tab = ui
                .selectable_label(panel == shown, format!("{} {key}", panel.label()))
                .on_hover_text(panel.show_label());
            if tab.clicked() {
                commands.push(Command::Open(panel));
            }
        }
    });
    ui.separator();
    commands
}
