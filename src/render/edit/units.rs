//! The units a caret steps over and deletes: grapheme clusters (a letter with its marks), code points, words.

use std::ops::Range;

use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_segmentation::UnicodeSegmentation;

/// The largest char boundary at or before `at` (so any offset can be used safely).
#[must_use]
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether a caret may stand at `at`: between two grapheme clusters, never inside a letter
/// and its marks.
#[must_use]
pub fn is_grapheme_boundary(text: &str, at: usize) -> bool {
    at == 0 || at == text.len() || grapheme_starts(text).any(|start| start == at)
}

fn grapheme_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.grapheme_indices(true).map(|(i, _)| i)
}

/// The grapheme cluster holding byte `at` (the one that starts there, or the last one at the end).
#[must_use]
pub fn grapheme_at(text: &str, at: usize) -> Range<usize> {
    let mut found = 0..0;
    for (start, g) in text.grapheme_indices(true) {
        found = start..start + g.len();
        if start + g.len() > at {
            break;
        }
    }
    found
}

/// The end of the grapheme cluster `at` is inside, or `at` itself on a boundary.
#[must_use]
pub fn snap_to_grapheme(text: &str, at: usize) -> usize {
    let at = floor_char_boundary(text, at);
    if is_grapheme_boundary(text, at) {
        at
    } else {
        grapheme_at(text, at).end
    }
}

/// The start of the grapheme cluster before `at` (0 at the start).
#[must_use]
pub fn previous_grapheme(text: &str, at: usize) -> usize {
    grapheme_starts(text)
        .take_while(|&s| s < at)
        .last()
        .unwrap_or(0)
}

/// The end of the grapheme cluster after `at` (the text's end at the end).
#[must_use]
pub fn next_grapheme(text: &str, at: usize) -> usize {
    text.grapheme_indices(true)
        .map(|(s, g)| s + g.len())
        .find(|&end| end > at)
        .unwrap_or(text.len())
}

/// What `Backspace` removes before `at`, as a browser does: the last code point alone when
/// it is a combining mark (a wrong haraka is undone without retyping its letter), else the
/// whole grapheme cluster (an emoji sequence, a flag, CR LF).
#[must_use]
pub fn backspace_range(text: &str, at: usize) -> Range<usize> {
    let at = floor_char_boundary(text, at);
    let Some((last_at, last)) = text[..at].char_indices().next_back() else {
        return at..at;
    };
    let cluster_start = previous_grapheme(text, at);
    if last_at > cluster_start && is_combining_mark(last) {
        last_at..at
    } else {
        cluster_start..at
    }
}

/// A nonspacing mark that a user types after its letter (tashkeel, Latin accents); variation
/// selectors are excluded because they belong to the emoji before them.
fn is_combining_mark(c: char) -> bool {
    get_general_category(c) == GeneralCategory::NonspacingMark
        && !matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Word segments (Unicode's word boundaries) that hold a letter or digit, with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| i..i + w.len())
}

/// Where `Ctrl` + the forward arrow goes: the end of the word the caret is in, or of the next one.
#[must_use]
pub fn next_word_end(text: &str, at: usize) -> usize {
    words(text)
        .map(|w| w.end)
        .find(|&end| end > at)
        .unwrap_or(text.len())
}

/// Where `Ctrl` + the backward arrow goes: the start of the word the caret is in, or of the previous one.
#[must_use]
pub fn previous_word_start(text: &str, at: usize) -> usize {
    words(text)
        .map(|w| w.start)
        .take_while(|&start| start < at)
        .last()
        .unwrap_or(0)
}

/// The word a double click at `at` selects: the word segment there (a run of spaces or a
/// punctuation mark is a segment too); at a word's end, that word.
#[must_use]
pub fn word_at(text: &str, at: usize) -> Range<usize> {
    let segments: Vec<Range<usize>> = text
        .split_word_bound_indices()
        .map(|(i, w)| i..i + w.len())
        .collect();
    let holding = segments.iter().find(|s| s.contains(&at));
    let ending = segments.iter().find(|s| s.end == at);
    let is_word = |s: &&Range<usize>| text[(*s).clone()].chars().any(char::is_alphanumeric);
    match (holding, ending) {
        (Some(h), Some(e)) if !is_word(&h) && is_word(&e) => e.clone(),
        (Some(h), _) => h.clone(),
        (None, Some(e)) => e.clone(),
        (None, None) => at..at,
    }
}

/// The line (between line breaks) holding `at`: what a triple click selects.
#[must_use]
pub fn line_at(text: &str, at: usize) -> Range<usize> {
    let at = floor_char_boundary(text, at);
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_and_its_marks_are_one_step() {
        let text = "قِمَّة";
        // ق + kasra, م + shadda + fatha, ة
        assert_eq!(next_grapheme(text, 0), "قِ".len());
        assert_eq!(next_grapheme(text, "قِ".len()), "قِمَّ".len());
        assert_eq!(previous_grapheme(text, text.len()), "قِمَّ".len());
        assert!(!is_grapheme_boundary(text, "ق".len()));
        assert_eq!(snap_to_grapheme(text, "ق".len()), "قِ".len());
    }

    #[test]
    fn backspace_takes_a_mark_alone_but_an_emoji_whole() {
        let text = "قِمَّ";
        assert_eq!(backspace_range(text, text.len()), "قِمّ".len()..text.len());
        let family = "a👨‍👩‍👧";
        assert_eq!(backspace_range(family, family.len()), 1..family.len());
        assert_eq!(backspace_range("ab", 2), 1..2);
        assert_eq!(backspace_range("", 0), 0..0);
    }

    #[test]
    fn words_skip_spaces_and_punctuation() {
        let text = "قمة 2019، Putin";
        assert_eq!(next_word_end(text, 0), "قمة".len());
        assert_eq!(next_word_end(text, "قمة".len()), "قمة 2019".len());
        assert_eq!(previous_word_start(text, text.len()), "قمة 2019، ".len());
        assert_eq!(previous_word_start(text, "قمة 2019، ".len()), "قمة ".len());
        assert_eq!(word_at(text, 2), 0.."قمة".len());
        assert_eq!(word_at(text, "قمة".len()), 0.."قمة".len());
        assert_eq!(line_at("ab\ncd", 4), 3..5);
    }
}
