//! The reader's status marks: new words tinted blue and learning ones amber behind the text, measured once per layout and set of statuses.

use super::Palette;
use crate::analysis::Document;
use crate::render::Paragraph;
use crate::study::{Session, Status};

/// The tokens of paragraph `paragraph`.
fn tokens_of_paragraph(doc: &Document, paragraph: usize) -> std::ops::Range<usize> {
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

/// The status marks of each paragraph (new words blue, learning amber), as rectangles:
/// measuring them takes a pass over the paragraph's glyphs per word, too slow for every frame.
type Marks = crate::render::widget::PlacedMesh;

#[derive(Default)]
pub(super) struct StatusMarks {
    /// Per paragraph: what the marks were measured for, and the marks.
    cache: Vec<Option<(u64, Marks)>>,
    empty: Marks,
}

impl StatusMarks {
    pub(super) fn of(
        &mut self,
        i: usize,
        para: &Paragraph,
        doc: &Document,
        session: &Session,
        palette: &Palette,
    ) -> &mut Marks {
        use std::hash::{Hash, Hasher};
        let tokens = tokens_of_paragraph(doc, i);
        let tint = |t: usize| match session.status_of_token(t) {
            Some(Status::New) => Some(palette.status_new),
            Some(Status::Learning) => Some(palette.status_learning),
            _ => None,
        };
        // What the marks depend on: the layout, the statuses and the colours.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            para.version(),
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
            let mut marks = egui::Mesh::default();
            for (t, color) in tokens.filter_map(|t| Some((t, tint(t)?))) {
                for r in para.highlight(&doc.tokens[t].range) {
                    crate::render::widget::add_mark(&mut marks, r, color);
                }
            }
            self.cache[i] = Some((key, Marks::new(marks)));
        }
        self.cache[i]
            .as_mut()
            .map_or(&mut self.empty, |(_, marks)| marks)
    }
}
