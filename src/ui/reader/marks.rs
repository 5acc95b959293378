//! The reader's status marks: new words tinted blue and learning ones amber behind the text; which words, per paragraph, listed once per set of statuses.

use std::ops::Range;

use egui::Color32;

use super::Palette;
use crate::analysis::Document;
use crate::study::{Session, Status};

/// The tokens of paragraph `paragraph`.
fn tokens_of_paragraph(doc: &Document, paragraph: usize) -> Range<usize> {
    let first = doc.sentences.partition_point(|s| s.paragraph < paragraph);
    let last = doc.sentences.partition_point(|s| s.paragraph <= paragraph);
    match (
        doc.sentences.get(first),
        last.checked_sub(1).and_then(|l| doc.sentences.get(l)),
    ) {
        (Some(a), Some(b)) if first < last => a.tokens.start..b.tokens.end,
        _ => 0..0,
    }
}

/// Byte ranges of a paragraph and the colour each is marked in.
type ColoredRanges = Vec<(Range<usize>, Color32)>;

/// The words of each paragraph to mark, with their colours, in text order: what
/// [`crate::render::ArabicText::marks`] measures (for the pieces on screen only) and keeps.
#[derive(Default)]
pub(super) struct StatusMarks {
    /// Per paragraph: what the list was made for, and the list.
    cache: Vec<Option<(u64, ColoredRanges)>>,
}

impl StatusMarks {
    /// Paragraph `i`'s marks and the key that changes whenever they do.
    pub(super) fn of(
        &mut self,
        i: usize,
        doc: &Document,
        session: &Session,
        palette: &Palette,
    ) -> (&[(Range<usize>, Color32)], u64) {
        use std::hash::{Hash, Hasher};
        // What the marks depend on: the statuses and the colours (not the layout: the
        // widget measures them again when that changes).
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            session.revision(),
            palette.status_new,
            palette.status_learning,
        )
            .hash(&mut h);
        let key = h.finish();
        if self.cache.len() <= i {
            self.cache
                .resize_with(doc.paragraphs.len().max(i + 1), || None);
        }
        if self.cache[i].as_ref().is_none_or(|(k, _)| *k != key) {
            let marks = tokens_of_paragraph(doc, i)
                .filter_map(|t| {
                    let color = match session.status_of_token(t) {
                        Some(Status::New) => palette.status_new,
                        Some(Status::Learning) => palette.status_learning,
                        _ => return None,
                    };
                    Some((doc.tokens[t].range.clone(), color))
                })
                .collect();
            self.cache[i] = Some((key, marks));
        }
        match &self.cache[i] {
            Some((key, marks)) => (marks.as_slice(), *key),
            None => (&[], key),
        }
    }
}
