//! A typed answer against the right one, letter by letter: each word laid out once, joined, its letters coloured by byte range.
//!
//! The core's diff ([`crate::study::quiz::grade::diff`]) pairs grapheme clusters (a letter with
//! its marks). Drawing each cluster on its own would show letters in their isolated forms, which
//! is not how the word looks; so both words are built as whole strings, laid out once by the
//! text engine, and coloured by the byte ranges of their clusters. A mark is part of its
//! letter's cluster, so it takes its letter's colour and stays on it.

use std::ops::Range;

use egui::accesskit::Role;
use egui::{Color32, Rect, Sense, Ui, WidgetInfo, pos2, vec2};

use crate::render::{ArabicText, Direction, FontChoice, TextStyle, Typesetter};
use crate::study::quiz::grade::{clusters, without_marks};
use crate::study::quiz::{DiffKind, DiffPart, Graded};
use crate::ui::theme::Palette;

/// Stands in the typed word for a letter left out: a tatweel joins the letters on either
/// side, so the word keeps its shape with a visible gap where the letter belongs.
pub const MISSING_LETTER: &str = "\u{0640}";

/// Size of the two words, in points.
const DIFF_SIZE: f32 = 30.0;
/// At most this many corrections are spelled out ("add ة"); more means a different word.
const MAX_CORRECTIONS: usize = 3;

/// What a stretch of a diff line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// As it should be.
    Same,
    /// Typed: a wrong letter, or one too many.
    Wrong,
    /// Typed: the place of a letter left out ([`MISSING_LETTER`], or a space).
    Missing,
    /// The answer: a letter that was left out or typed wrong.
    Right,
}

/// One word of the diff as one string, and what each of its clusters is (byte ranges in order,
/// covering the text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiffLine {
    pub text: String,
    pub parts: Vec<(Range<usize>, Mark)>,
}

impl DiffLine {
    fn push(&mut self, cluster: &str, mark: Mark) {
        let start = self.text.len();
        self.text.push_str(cluster);
        self.parts.push((start..self.text.len(), mark));
    }

    /// The ranges that are not as they should be.
    fn marked(&self) -> impl Iterator<Item = &(Range<usize>, Mark)> {
        self.parts.iter().filter(|(_, m)| *m != Mark::Same)
    }
}

/// The typed word as typed (its own marks kept), with a [`MISSING_LETTER`] where a letter was
/// left out.
#[must_use]
pub fn typed_line(typed: &str, diff: &[DiffPart]) -> DiffLine {
    let mut typed = clusters(typed).into_iter();
    let mut line = DiffLine::default();
    for part in diff {
        match part.kind {
            DiffKind::Missing if part.cluster.trim().is_empty() => line.push(" ", Mark::Missing),
            DiffKind::Missing => line.push(MISSING_LETTER, Mark::Missing),
            kind => {
                let cluster = typed.next().unwrap_or_else(|| part.cluster.clone());
                let mark = if kind == DiffKind::Same {
                    Mark::Same
                } else {
                    Mark::Wrong
                };
                line.push(&cluster, mark);
            }
        }
    }
    line
}

/// The right word, with the letters that were left out or typed wrong marked.
#[must_use]
pub fn expected_line(diff: &[DiffPart]) -> DiffLine {
    let mut line = DiffLine::default();
    for part in diff {
        match part.kind {
            DiffKind::Same => line.push(&part.cluster, Mark::Same),
            DiffKind::Missing => line.push(&part.cluster, Mark::Right),
            DiffKind::Wrong => {
                line.push(
                    part.expected.as_deref().unwrap_or(&part.cluster),
                    Mark::Right,
                );
            }
            DiffKind::Extra => {}
        }
    }
    line
}

/// What to change, in reading order ("write أ, not ا", "add ة", "drop ب"); nothing when the
/// answer is too far off for single letters to say it. Letters are named without their vowel
/// marks: the diff compares letters only, and small, a sukun reads as the dot that makes ط a ظ.
#[must_use]
pub fn corrections(diff: &[DiffPart]) -> Vec<String> {
    let list: Vec<String> = diff
        .iter()
        .filter_map(|part| match part.kind {
            DiffKind::Same => None,
            DiffKind::Missing if part.cluster.trim().is_empty() => Some("add a space".to_owned()),
            DiffKind::Missing => Some(format!("add {}", letter(&part.cluster))),
            DiffKind::Extra if part.cluster.trim().is_empty() => Some("drop the space".to_owned()),
            DiffKind::Extra => Some(format!("drop {}", letter(&part.cluster))),
            DiffKind::Wrong => Some(format!(
                "write {}, not {}",
                letter(part.expected.as_deref().unwrap_or_default()),
                letter(&part.cluster)
            )),
        })
        .collect();
    if list.len() > MAX_CORRECTIONS {
        Vec::new()
    } else {
        list
    }
}

/// A cluster's letter without its marks (the cluster itself if it is only marks).
fn letter(cluster: &str) -> String {
    let bare = without_marks(cluster);
    if bare.is_empty() {
        cluster.to_owned()
    } else {
        bare
    }
}

/// Green for right, in either theme.
#[must_use]
pub fn right_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 200, 120)
    } else {
        Color32::from_rgb(30, 130, 50)
    }
}

#[must_use]
pub fn wrong_color(ui: &Ui) -> Color32 {
    ui.visuals().error_fg_color
}

/// The typed word over the right one, both right-aligned so their first letters line up,
/// differences coloured (wrong and extra letters red, a gap where one is missing; the right
/// letters green), then the corrections in words. `typed` is what was typed; `graded` its grade.
pub fn diff_ui(
    ui: &mut Ui,
    ts: &mut Typesetter,
    palette: &Palette,
    font: FontChoice,
    typed: &str,
    graded: &Graded,
) {
    let style = TextStyle::new(font, DIFF_SIZE);
    let (wrong, right) = (wrong_color(ui), right_color(ui));
    let typed_line = typed_line(typed, &graded.diff);
    let expected_line = expected_line(&graded.diff);
    // A Latin slip (no Arabic layout on) reads left to right; the answer is Arabic.
    let typed_shape = ts.layout(&typed_line.text, 0, style, Direction::Auto, None);
    let expected_shape = ts.layout(&expected_line.text, 0, style, Direction::Rtl, None);
    let width = typed_shape
        .content_width()
        .max(expected_shape.content_width());
    let nothing_typed = typed.trim().is_empty();
    egui::Grid::new("quiz-diff")
        .num_columns(2)
        .spacing(vec2(12.0, 0.0))
        .show(ui, |ui| {
            ui.label("You typed");
            if nothing_typed {
                ui.weak("nothing");
            } else {
                let spoken = format!("You typed {}", typed.trim());
                line_ui(
                    ui,
                    ts,
                    &typed_shape,
                    &typed_line,
                    width,
                    palette.text,
                    wrong,
                    &spoken,
                );
            }
            ui.end_row();
            ui.label("The answer");
            let spoken = format!("The answer {}", graded.expected);
            line_ui(
                ui,
                ts,
                &expected_shape,
                &expected_line,
                width,
                palette.text,
                right,
                &spoken,
            );
            ui.end_row();
        });
    let corrections = corrections(&graded.diff);
    if !corrections.is_empty() && !nothing_typed {
        let style = TextStyle::new(font, 18.0);
        let said = corrections.join(" · ");
        ts.mixed_label(ui, &said, style, palette.text, true);
    }
}

/// One word of the diff in a box `width` wide, right-aligned: its marked clusters in `accent`
/// over a pale box of the same colour, the rest in `text`.
#[expect(
    clippy::too_many_arguments,
    reason = "one line of a two-line drawing: its shape, its parts, and the look they share"
)]
fn line_ui(
    ui: &mut Ui,
    ts: &mut Typesetter,
    shape: &crate::render::Paragraph,
    line: &DiffLine,
    width: f32,
    text: Color32,
    accent: Color32,
    spoken: &str,
) {
    let colors: Vec<(Range<usize>, Color32)> = line
        .marked()
        .map(|(range, _)| (range.clone(), accent))
        .collect();
    let mut shown = ArabicText::new(shape, &line.text)
        .color(text)
        .colors(&colors);
    for (range, _) in line.marked() {
        shown = shown.highlight(range.clone(), accent.gamma_multiply(0.18));
    }
    let size = shown.size();
    let (rect, response) = ui.allocate_exact_size(vec2(width, size.y), Sense::hover());
    let at = Rect::from_min_size(pos2(rect.right() - size.x, rect.top()), size);
    shown.paint(ui.painter(), ts, at);
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, spoken));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::quiz::grade::diff;

    fn marks(line: &DiffLine) -> String {
        line.parts
            .iter()
            .map(|(_, m)| match m {
                Mark::Same => '=',
                Mark::Wrong => '~',
                Mark::Missing => '_',
                Mark::Right => '+',
            })
            .collect()
    }

    /// The parts cover the line's text, in order, each on cluster boundaries.
    fn covers(line: &DiffLine) -> bool {
        let mut at = 0;
        for (range, _) in &line.parts {
            if range.start != at || line.text.get(range.clone()).is_none() {
                return false;
            }
            at = range.end;
        }
        at == line.text.len()
    }

    #[test]
    fn a_left_out_letter_leaves_a_joined_gap_in_the_typed_word() {
        let parts = diff("اجتمع", "اجتماع");
        let typed = typed_line("اجتمع", &parts);
        assert_eq!(typed.text, "اجتمـع");
        assert_eq!(marks(&typed), "====_=");
        let expected = expected_line(&parts);
        assert_eq!(expected.text, "اجتماع");
        assert_eq!(marks(&expected), "====+=");
        assert!(covers(&typed) && covers(&expected));
        assert_eq!(corrections(&parts), ["add ا"]);
    }

    #[test]
    fn the_typed_word_keeps_its_own_marks_and_the_answer_its_vowels() {
        // Vowels typed on a wrong letter stay on it; the answer shows its own vowels.
        let parts = diff("قِمَّه", "قِمَّة");
        let typed = typed_line("قِمَّه", &parts);
        assert_eq!(typed.text, "قِمَّه");
        assert_eq!(marks(&typed), "==~");
        // The shadda and fatha are in the مَّ cluster: coloured with their letter.
        assert_eq!(&typed.text[typed.parts[1].0.clone()], "مَّ");
        let expected = expected_line(&parts);
        assert_eq!(expected.text, "قِمَّة");
        assert_eq!(&expected.text[expected.parts[2].0.clone()], "ة");
        assert_eq!(corrections(&parts), ["write ة, not ه"]);
        assert!(covers(&typed) && covers(&expected));
    }

    #[test]
    fn corrections_name_letters_without_their_marks() {
        // The sukun of طْ would read as the dot of ظ at the corrections' size.
        let parts = diff("إلاب", "إِطْلَاق");
        assert_eq!(corrections(&parts), ["add ط", "write ق, not ب"]);
    }

    #[test]
    fn extra_letters_are_marked_in_the_typed_word_only() {
        let parts = diff("قممة", "قمة");
        let typed = typed_line("قممة", &parts);
        assert_eq!(
            (typed.text.as_str(), marks(&typed).as_str()),
            ("قممة", "==~=")
        );
        let expected = expected_line(&parts);
        assert_eq!(
            (expected.text.as_str(), marks(&expected).as_str()),
            ("قمة", "===")
        );
        assert_eq!(corrections(&parts), ["drop م"]);
    }

    #[test]
    fn a_different_word_is_not_spelled_out_letter_by_letter() {
        let parts = diff("سلام", "قمة");
        assert!(corrections(&parts).is_empty());
        // Both words are still whole.
        assert_eq!(typed_line("سلام", &parts).text, "سلام");
        assert_eq!(expected_line(&parts).text, "قمة");
    }

    #[test]
    fn nothing_typed_leaves_gaps_for_every_letter() {
        let parts = diff("", "قمة");
        assert_eq!(typed_line("", &parts).text, MISSING_LETTER.repeat(3));
        assert_eq!(marks(&expected_line(&parts)), "+++");
    }
}
