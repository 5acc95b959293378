//! What a field tells screen readers (AccessKit): its role, value and placeholder, its lines
//! as text runs of grapheme clusters, and the selection in them.

use egui::{Id, Pos2, Rect, Ui, UiBuilder, accesskit, vec2};
use unicode_segmentation::UnicodeSegmentation;

use super::field_layout::{FieldLayout, VisualLine};
use super::model::EditModel;

/// AccessKit's `word_starts` are `u8`, so a run holds at most this many characters.
const MAX_RUN: usize = 255;

/// One text run: a visual line, or a piece of a long one.
struct Run {
    id: Id,
    /// Where the run starts (an empty line's runs hold no character).
    start: usize,
    /// Document bytes of each character (grapheme cluster) of the run, in logical order.
    clusters: Vec<std::ops::Range<usize>>,
}

/// Describes the field (`id`) whose text area's top-left corner is at `origin`.
pub fn describe(ui: &mut Ui, id: Id, model: &EditModel, layout: &FieldLayout, origin: Pos2) {
    let multiline = model.is_multiline();
    let known = ui
        .ctx()
        .accesskit_node_builder(id, |node| {
            node.set_role(if multiline {
                accesskit::Role::MultilineTextInput
            } else {
                accesskit::Role::TextInput
            });
            node.add_action(accesskit::Action::SetValue);
            node.add_action(accesskit::Action::ReplaceSelectedText);
        })
        .is_some();
    if !known {
        return; // AccessKit is off
    }
    let text = model.text();
    // One child Ui holds the runs, so the number of lines never shifts the automatic ids
    // of the widgets after the field (each child Ui takes one from its parent).
    let mut holder = ui.new_child(
        UiBuilder::new()
            .scope_id(id.with("text runs"))
            .accessibility_parent(id),
    );
    let mut runs = Vec::new();
    for (index, line) in layout.lines().iter().enumerate() {
        let clusters = clusters_of(text, line);
        let chunks: Vec<&[std::ops::Range<usize>]> = if clusters.is_empty() {
            vec![&clusters[..]]
        } else {
            clusters.chunks(MAX_RUN).collect()
        };
        let count = chunks.len();
        for (chunk_index, chunk) in chunks.into_iter().enumerate() {
            let run_id = id.with(("text run", index, chunk_index));
            let left = line
                .units
                .iter()
                .map(|u| u.left)
                .fold(line.start_edge, f32::min);
            let right = line
                .units
                .iter()
                .map(|u| u.right)
                .fold(line.start_edge, f32::max);
            let rect = Rect::from_min_size(
                origin + vec2(left, line.top),
                vec2((right - left).max(1.0), line.height),
            );
            let child = holder.new_child(
                UiBuilder::new()
                    .scope_id(run_id)
                    .max_rect(rect)
                    .accessibility_parent(id)
                    .accessibility_role(accesskit::Role::TextRun),
            );
            let run_id = child.unique_id();
            let value: String = chunk
                .iter()
                .map(|r| text.get(r.clone()).unwrap_or_default())
                .collect();
            let lengths: Vec<u8> = chunk
                .iter()
                .map(|r| u8::try_from(r.len()).unwrap_or(u8::MAX))
                .collect();
            let word_starts = word_starts(text, chunk);
            let previous = (chunk_index > 0).then(|| id.with(("text run", index, chunk_index - 1)));
            let next =
                (chunk_index + 1 < count).then(|| id.with(("text run", index, chunk_index + 1)));
            ui.ctx().accesskit_node_builder(run_id, |node| {
                node.set_value(value);
                node.set_character_lengths(lengths);
                node.set_word_starts(word_starts);
                node.set_text_direction(if line.rtl {
                    accesskit::TextDirection::RightToLeft
                } else {
                    accesskit::TextDirection::LeftToRight
                });
                node.set_bounds(accesskit::Rect {
                    x0: rect.min.x.into(),
                    y0: rect.min.y.into(),
                    x1: rect.max.x.into(),
                    y1: rect.max.y.into(),
                });
                if let Some(previous) = previous {
                    node.set_previous_on_line(previous.accesskit_id());
                }
                if let Some(next) = next {
                    node.set_next_on_line(next.accesskit_id());
                }
            });
            runs.push(Run {
                id: run_id,
                start: chunk.first().map_or(line.start, |r| r.start),
                clusters: chunk.to_vec(),
            });
        }
    }
    let position = |offset: usize| position_in(&runs, offset);
    if let (Some(anchor), Some(focus)) = (position(model.anchor()), position(model.caret().offset))
    {
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_text_selection(accesskit::TextSelection { anchor, focus });
        });
    }
}

/// The grapheme clusters of a visual line in logical order, with the line break after it
/// (AccessKit's runs cover the whole value).
fn clusters_of(text: &str, line: &VisualLine) -> Vec<std::ops::Range<usize>> {
    let mut end = line.end;
    let rest = text.get(end..).unwrap_or_default();
    if rest.starts_with("\r\n") {
        end += 2;
    } else if rest.starts_with(['\n', '\r']) {
        end += 1;
    }
    let Some(slice) = text.get(line.start..end) else {
        return Vec::new();
    };
    slice
        .grapheme_indices(true)
        .map(|(i, g)| line.start + i..line.start + i + g.len())
        .collect()
}

/// Which characters of a run start a word.
fn word_starts(text: &str, clusters: &[std::ops::Range<usize>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous_is_word = false;
    for (i, r) in clusters.iter().enumerate() {
        let is_word = text
            .get(r.clone())
            .is_some_and(|t| t.chars().any(char::is_alphanumeric));
        if is_word && !previous_is_word {
            out.push(u8::try_from(i).unwrap_or(u8::MAX));
        }
        previous_is_word = is_word;
    }
    out
}

/// A byte offset as a position in the runs: the run holding it, and how many characters
/// of the run come before it.
fn position_in(runs: &[Run], offset: usize) -> Option<accesskit::TextPosition> {
    runs.iter().find_map(|run| {
        let end = run.clusters.last().map_or(run.start, |r| r.end);
        (run.start..=end)
            .contains(&offset)
            .then(|| accesskit::TextPosition {
                node: run.id.accesskit_id(),
                character_index: run.clusters.iter().take_while(|r| r.start < offset).count(),
            })
    })
}
