//! How words are described on screen in every panel: statuses with their hints, parts of speech, counts.

use egui::Ui;

use crate::study::Status;

/// What a status means for the learner, for hover text.
#[must_use]
pub fn status_hint(status: Status) -> &'static str {
    match status {
        Status::New => "Not studied yet (tinted blue in the text)",
        Status::Learning => "Being learned (tinted amber in the text)",
        Status::Known => "Known: not tinted",
        Status::Ignored => "Not worth studying: not tinted",
    }
}

/// A part of speech as the window shows it. Names of people, states and places are "name"
/// everywhere (the lexicon says `proper_noun`); underscores become spaces.
#[must_use]
pub fn pos_label(pos: &str) -> String {
    match pos {
        crate::study::vocabulary::NAME_POS => "name".to_owned(),
        other => other.replace('_', " "),
    }
}

/// "1 time", "3 times".
#[must_use]
pub fn times(count: usize) -> String {
    format!("{count} time{}", if count == 1 { "" } else { "s" })
}

/// The four statuses as buttons, `now` selected; returns the one clicked. `keys` gives the
/// hover text the key that sets each (the reader's `1`–`4`; on the cards those keys rate).
pub fn status_buttons_ui(ui: &mut Ui, now: Status, keys: Option<[String; 4]>) -> Option<Status> {
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.label("Status");
        for (i, status) in Status::ALL.into_iter().enumerate() {
            let hint = match &keys {
                Some(keys) => format!("{}: {}", keys[i], status_hint(status)),
                None => status_hint(status).to_owned(),
            };
            if ui
                .selectable_label(now == status, status.label())
                .on_hover_text(hint)
                .clicked()
            {
                clicked = Some(status);
            }
        }
    });
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_called_names_everywhere() {
        assert_eq!(pos_label("proper_noun"), "name");
        assert_eq!(pos_label("verbal_noun"), "verbal noun");
    }
}
