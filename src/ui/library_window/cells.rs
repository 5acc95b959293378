//! The library window's columns: their titles, fixed-width cells, the known/learning/new bar and "last opened" as people say it.

use egui::{Align, Layout, Rect, Sense, Ui, UiBuilder, vec2};

use super::{
    BAR_COLOURS, BAR_WIDTH, BUTTONS_WIDTH, OPENED_WIDTH, ROW_HEIGHT, SOURCE_WIDTH, WORDS_WIDTH,
};
use crate::library::TextSummary;

/// The column titles.
pub(super) fn header_ui(ui: &mut Ui) {
    ui.horizontal(|ui| {
        let title_width = (ui.available_width()
            - 24.0
            - SOURCE_WIDTH
            - WORDS_WIDTH
            - BAR_WIDTH
            - OPENED_WIDTH
            - BUTTONS_WIDTH)
            .max(120.0);
        ui.add_space(24.0);
        for (text, width) in [
            ("Title", title_width),
            ("Source", SOURCE_WIDTH),
            ("Words", WORDS_WIDTH),
            ("Known · learning · new", BAR_WIDTH),
            ("Last opened", OPENED_WIDTH),
        ] {
            fixed_cell(ui, width, |ui| {
                ui.strong(text);
            });
        }
    });
}

/// A column `width` points wide, whatever its content.
pub(super) fn fixed_cell(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    let rect = Rect::from_min_size(
        ui.cursor().min,
        vec2(width, ui.available_height().min(ROW_HEIGHT)),
    );
    ui.allocate_rect(rect, Sense::hover());
    let mut cell = ui.new_child(
        UiBuilder::new()
            .max_rect(rect)
            .layout(Layout::left_to_right(Align::Center)),
    );
    cell.set_clip_rect(rect.intersect(ui.clip_rect()));
    add(&mut cell);
}

/// The known / learning / new bar of a text, with the percentages on hover.
pub(super) fn bar_ui(ui: &mut Ui, text: &TextSummary) {
    let size = vec2(BAR_WIDTH - 10.0, 12.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let counts = [
        text.words.known,
        text.words.learning,
        text.words.new_words(),
    ];
    let total = text.words.running.max(1);
    let mut x = rect.left();
    #[expect(clippy::cast_precision_loss, reason = "word counts are far below 2^24")]
    for (count, colour) in counts.into_iter().zip(BAR_COLOURS) {
        let w = rect.width() * count as f32 / total as f32;
        if w > 0.0 {
            let part = Rect::from_min_size(egui::pos2(x, rect.top()), vec2(w, rect.height()));
            ui.painter().rect_filled(part, 0.0, colour);
        }
        x += w;
    }
    ui.painter().rect_stroke(
        rect,
        2.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let [known, learning, new] = text.words.percentages();
    let summary = format!("Known {known}% · learning {learning}% · new {new}%");
    response.on_hover_text(format!("{summary} of {} running words", text.words.running));
}

/// When a text was last opened, as people say it: "today", "yesterday", "5 days ago".
#[must_use]
pub fn when_label(at: Option<u64>, now: u64) -> String {
    const DAY: u64 = 24 * 60 * 60;
    let Some(at) = at else {
        return "never".to_owned();
    };
    match now.saturating_sub(at) / DAY {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        d if d < 60 => format!("{d} days ago"),
        d if d < 730 => format!("{} months ago", d / 30),
        d => format!("{} years ago", d / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_opened_reads_like_a_person_says_it() {
        let day = 24 * 60 * 60;
        assert_eq!(when_label(None, 0), "never");
        assert_eq!(when_label(Some(10 * day), 10 * day + 5), "today");
        assert_eq!(when_label(Some(0), day + 1), "yesterday");
        assert_eq!(when_label(Some(0), 5 * day), "5 days ago");
        assert_eq!(when_label(Some(0), 90 * day), "3 months ago");
    }
}
