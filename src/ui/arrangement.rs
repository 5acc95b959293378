//! Where the open panels go for a window width: columns beside the reader, tabs in one side column, or one panel in the reader's place.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::panels::Panel;

/// The reader never gets narrower than this beside other panels (points).
pub const READER_MIN_WIDTH: f32 = 560.0;
/// A side panel never gets narrower than this (points).
pub const SIDE_MIN_WIDTH: f32 = 340.0;

/// Which side panels are open and how wide each likes to be: saved with the settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PanelSettings {
    /// The side panels that are open, in no particular order (they are shown in `Panel` order).
    pub open: Vec<Panel>,
    /// The width each side panel was last given by the user (points).
    pub widths: BTreeMap<Panel, f32>,
    /// The side panel shown when the open ones share one column as tabs.
    pub tab: Option<Panel>,
}

impl PanelSettings {
    #[must_use]
    pub fn is_open(&self, panel: Panel) -> bool {
        panel == Panel::Reader || self.open.contains(&panel)
    }

    /// The open side panels, in the order of their keys.
    #[must_use]
    pub fn open_sides(&self) -> Vec<Panel> {
        Panel::sides().filter(|p| self.open.contains(p)).collect()
    }

    pub fn open(&mut self, panel: Panel) {
        if panel.is_side() && !self.open.contains(&panel) {
            self.open.push(panel);
        }
    }

    pub fn close(&mut self, panel: Panel) {
        self.open.retain(|&p| p != panel);
        if self.tab == Some(panel) {
            self.tab = None;
        }
    }

    /// The width `panel` likes: the user's, or its default.
    #[must_use]
    pub fn width(&self, panel: Panel) -> f32 {
        self.widths
            .get(&panel)
            .copied()
            .filter(|w| w.is_finite() && *w >= SIDE_MIN_WIDTH)
            .unwrap_or_else(|| default_width(panel))
    }

    /// Drops what a damaged or hand-edited settings file could hold: unknown sizes, the
    /// reader among the side panels, duplicates.
    #[must_use]
    pub fn sanitized(mut self) -> Self {
        let mut seen = Vec::new();
        self.open.retain(|&p| {
            let keep = p.is_side() && !seen.contains(&p);
            seen.push(p);
            keep
        });
        self.widths
            .retain(|p, w| p.is_side() && w.is_finite() && *w >= SIDE_MIN_WIDTH);
        self.tab = self.tab.filter(|p| self.open.contains(p));
        self
    }
}

/// How wide a side panel starts: the diagram wants room, a card or a question less.
fn default_width(panel: Panel) -> f32 {
    match panel {
        Panel::Relations => 520.0,
        Panel::Cards => 440.0,
        _ => 420.0,
    }
}

/// Where the panels go this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Arrangement {
    /// The reader, and each open side panel in its own column to its right, with its width,
    /// in the order of their keys (left to right).
    Columns(Vec<(Panel, f32)>),
    /// The reader, and one column to its right showing `shown`, with a tab for each open
    /// side panel.
    Tabs {
        open: Vec<Panel>,
        shown: Panel,
        width: f32,
    },
    /// Too narrow for two: `shown` fills the window (the reader, or the side panel that has
    /// the keys), with a tab for the reader and each open side panel.
    Single { open: Vec<Panel>, shown: Panel },
}

impl Arrangement {
    /// Arranges the open panels in a window `width` points wide; `active` has the keys.
    #[must_use]
    pub fn for_width(width: f32, settings: &PanelSettings, active: Panel) -> Self {
        let open = settings.open_sides();
        let room = width - READER_MIN_WIDTH;
        #[expect(clippy::cast_precision_loss, reason = "a handful of panels")]
        let needed = open.len() as f32 * SIDE_MIN_WIDTH;
        if open.is_empty() || room >= needed {
            return Self::Columns(fit_widths(&open, settings, room));
        }
        let shown = if active.is_side() && open.contains(&active) {
            active
        } else {
            settings.tab.filter(|p| open.contains(p)).unwrap_or(open[0])
        };
        if room >= SIDE_MIN_WIDTH {
            let width = settings.width(shown).clamp(SIDE_MIN_WIDTH, room);
            Self::Tabs { open, shown, width }
        } else {
            let shown = if active.is_side() && open.contains(&active) {
                active
            } else {
                Panel::Reader
            };
            Self::Single { open, shown }
        }
    }

    /// Whether `panel` is on screen.
    #[must_use]
    pub fn shows(&self, panel: Panel) -> bool {
        match self {
            Self::Columns(columns) => {
                panel == Panel::Reader || columns.iter().any(|&(p, _)| p == panel)
            }
            Self::Tabs { shown, .. } => panel == Panel::Reader || panel == *shown,
            Self::Single { shown, .. } => panel == *shown,
        }
    }
}

/// The widths the open side panels get in `room` points: what each likes, shrunk in
/// proportion (never below the minimum) when they do not all fit.
fn fit_widths(open: &[Panel], settings: &PanelSettings, room: f32) -> Vec<(Panel, f32)> {
    let liked: Vec<f32> = open.iter().map(|&p| settings.width(p)).collect();
    let total: f32 = liked.iter().sum();
    if total <= room {
        return open.iter().copied().zip(liked).collect();
    }
    // Shrink only what is above the minimum, in proportion to it.
    #[expect(clippy::cast_precision_loss, reason = "a handful of panels")]
    let floor = open.len() as f32 * SIDE_MIN_WIDTH;
    let spare = (room - floor).max(0.0);
    let above = total - floor;
    open.iter()
        .zip(liked)
        .map(|(&p, w)| {
            let extra = if above > 0.0 {
                (w - SIDE_MIN_WIDTH) * spare / above
            } else {
                0.0
            };
            (p, SIDE_MIN_WIDTH + extra)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_open(open: &[Panel]) -> PanelSettings {
        PanelSettings {
            open: open.to_vec(),
            ..PanelSettings::default()
        }
    }

    const SIDES: [Panel; 3] = [Panel::Relations, Panel::Cards, Panel::Quiz];

    #[test]
    fn a_wide_window_shows_every_open_panel_beside_the_reader() {
        let settings = with_open(&[Panel::Quiz, Panel::Relations, Panel::Cards]);
        let Arrangement::Columns(columns) =
            Arrangement::for_width(1600.0, &settings, Panel::Reader)
        else {
            panic!("three columns expected at 1600 pt");
        };
        let panels: Vec<Panel> = columns.iter().map(|&(p, _)| p).collect();
        assert_eq!(panels, SIDES, "in the order of their keys");
        let used: f32 = columns.iter().map(|&(_, w)| w).sum();
        assert!(
            1600.0 - used >= READER_MIN_WIDTH - 0.01,
            "the reader keeps its room"
        );
        assert!(columns.iter().all(|&(_, w)| w >= SIDE_MIN_WIDTH));
    }

    #[test]
    fn a_medium_window_puts_the_open_panels_in_tabs() {
        let settings = with_open(&SIDES);
        let arrangement = Arrangement::for_width(1100.0, &settings, Panel::Cards);
        assert!(
            matches!(&arrangement, Arrangement::Tabs { shown: Panel::Cards, open, .. } if open.len() == 3),
            "{arrangement:?}"
        );
        assert!(arrangement.shows(Panel::Reader));
        assert!(!arrangement.shows(Panel::Quiz));
        // The reader has the keys: the tab last chosen stays.
        let settings = PanelSettings {
            tab: Some(Panel::Quiz),
            ..settings
        };
        let arrangement = Arrangement::for_width(1100.0, &settings, Panel::Reader);
        assert!(matches!(
            arrangement,
            Arrangement::Tabs {
                shown: Panel::Quiz,
                ..
            }
        ));
    }

    #[test]
    fn a_narrow_window_shows_one_panel_at_a_time() {
        let settings = with_open(&[Panel::Cards]);
        let arrangement = Arrangement::for_width(700.0, &settings, Panel::Cards);
        assert!(arrangement.shows(Panel::Cards));
        assert!(
            !arrangement.shows(Panel::Reader),
            "the cards take the reader's place"
        );
        let arrangement = Arrangement::for_width(700.0, &settings, Panel::Reader);
        assert!(arrangement.shows(Panel::Reader));
        assert!(!arrangement.shows(Panel::Cards));
    }

    #[test]
    fn one_panel_fits_beside_the_reader_at_the_default_window_size() {
        let settings = with_open(&[Panel::Cards]);
        assert!(matches!(
            Arrangement::for_width(1100.0, &settings, Panel::Reader),
            Arrangement::Columns(c) if c.len() == 1
        ));
    }

    #[test]
    fn widths_shrink_to_fit_but_never_below_the_minimum() {
        let mut settings = with_open(&SIDES);
        settings.widths.insert(Panel::Relations, 900.0);
        let Arrangement::Columns(columns) =
            Arrangement::for_width(1600.0, &settings, Panel::Reader)
        else {
            panic!("columns expected");
        };
        let used: f32 = columns.iter().map(|&(_, w)| w).sum();
        assert!(used <= 1600.0 - READER_MIN_WIDTH + 0.01, "{columns:?}");
        assert!(columns.iter().all(|&(_, w)| w >= SIDE_MIN_WIDTH - 0.01));
        assert!(columns[0].1 > columns[1].1, "the widest stays the widest");
    }

    #[test]
    fn damaged_settings_are_cleaned() {
        let settings = PanelSettings {
            open: vec![Panel::Reader, Panel::Cards, Panel::Cards],
            widths: [(Panel::Quiz, f32::NAN), (Panel::Cards, 10.0)]
                .into_iter()
                .collect(),
            tab: Some(Panel::Quiz),
        }
        .sanitized();
        assert_eq!(settings.open, vec![Panel::Cards]);
        assert!(settings.widths.is_empty());
        assert_eq!(settings.tab, None);
    }
}
