//! The reader's paragraph layouts: each paragraph a `ChunkedParagraph`, laid out near the view only (all at once for short texts), and where each paragraph sits.

use std::ops::Range;

use super::{Reader, paragraph_kind};
use crate::analysis::Document;
use crate::render::{ChunkedParagraph, GlyphMesh, TextStyle, Typesetter};

/// Below this size every paragraph is laid out at once; above it, only the pieces near the view.
const EAGER_LAYOUT_BYTES: usize = 256 * 1024;

/// What the paragraphs were laid out for.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct LayoutKey {
    width: u32,
    style: [u32; 2],
    font: crate::render::FontChoice,
}

impl Reader {
    /// Makes a (not yet laid out) paragraph per paragraph of `doc` when the text, font or size
    /// changed, re-wraps them lazily when only the width did, and places them.
    pub(super) fn prepare_layouts(
        &mut self,
        doc: &Document,
        ts: &mut Typesetter,
        base: TextStyle,
        width: f32,
    ) {
        let key = LayoutKey {
            width: width.to_bits(),
            style: [base.size.to_bits(), 0],
            font: base.font,
        };
        if self.layouts.len() != doc.paragraphs.len() {
            self.layout_key = None;
        }
        match self.layout_key {
            Some(old) if old == key => {}
            Some(old)
                if LayoutKey {
                    width: key.width,
                    ..old
                } == key =>
            {
                for p in &mut self.layouts {
                    p.set_width(width);
                }
            }
            _ => {
                // Cutting into pieces is one pass over the text: nothing is laid out yet.
                self.layouts = doc
                    .paragraphs
                    .iter()
                    .enumerate()
                    .map(|(i, range)| {
                        let style = base.for_kind(paragraph_kind(doc, i));
                        ChunkedParagraph::new(doc.slice(range), range.start, style, width)
                    })
                    .collect();
                self.meshes = (0..doc.paragraphs.len())
                    .map(|_| GlyphMesh::default())
                    .collect();
            }
        }
        self.layout_key = Some(key);
        if doc.text.len() <= EAGER_LAYOUT_BYTES {
            for p in &mut self.layouts {
                p.lay_out(&mut ts.fonts, 0.0..f32::INFINITY);
            }
        }
        self.compute_tops(base);
    }

    /// Lays out the parts of the paragraphs that reach into the content-relative `y` range.
    pub(super) fn lay_out_range(&mut self, ts: &mut Typesetter, y: Range<f32>, base: TextStyle) {
        let mut moved = false;
        for i in self.visible(y.start, y.end) {
            let top = self.tops[i];
            moved |= self.layouts[i].lay_out(&mut ts.fonts, y.start - top..y.end - top);
        }
        if moved {
            self.compute_tops(base);
        }
    }

    /// Before a frame: lays out a screen above and below last frame's view, and returns a
    /// new scroll offset when text above the view changed height (an estimate replaced by
    /// the real height), so that what was on screen stays where it was.
    pub(super) fn lay_out_around_view(
        &mut self,
        ts: &mut Typesetter,
        base: TextStyle,
    ) -> Option<f32> {
        let view = self.view?;
        let anchor = self.anchor_at(view.min.y);
        let margin = view.height();
        self.lay_out_range(ts, view.min.y - margin..view.max.y + margin, base);
        let (i, byte, old) = anchor?;
        let shift = self.tops.get(i)? + self.layouts.get(i)?.top_of(byte) - old;
        (shift.abs() > 0.01).then_some(view.min.y + shift)
    }

    /// What is at a content-relative y: the paragraph, the first byte of its piece there, and
    /// where that piece starts.
    fn anchor_at(&self, y: f32) -> Option<(usize, usize, f32)> {
        let (i, local) = self.paragraph_at(y)?;
        let p = self.layouts.get(i)?;
        let byte = p.bytes_in(local..local).start;
        Some((i, byte, self.tops[i] + p.top_of(byte)))
    }

    /// Lays out the part of its paragraph that holds a sentence (to scroll to it).
    pub(super) fn lay_out_sentence(
        &mut self,
        doc: &Document,
        ts: &mut Typesetter,
        sentence: usize,
        base: TextStyle,
    ) {
        let Some(s) = doc.sentences.get(sentence) else {
            return;
        };
        if let Some(p) = self.layouts.get_mut(s.paragraph)
            && p.lay_out_bytes(&mut ts.fonts, &s.range)
        {
            self.compute_tops(base);
        }
    }

    /// Where each paragraph starts, from the heights known so far (estimates for the pieces
    /// not laid out yet), and the text's whole height.
    pub(super) fn compute_tops(&mut self, base: TextStyle) {
        let gap = base.size * 0.6;
        let mut y = base.size * 0.5;
        self.tops.clear();
        for p in &self.layouts {
            self.tops.push(y);
            y += p.height() + gap;
        }
        self.total_height = y + base.size * 0.4;
    }

    /// The paragraphs that reach into the content-relative y range `top..bottom`.
    pub(super) fn visible(&self, top: f32, bottom: f32) -> Vec<usize> {
        let first = self.tops.partition_point(|&t| t < top).saturating_sub(1);
        (first..self.tops.len())
            .take_while(|&i| self.tops[i] <= bottom)
            .collect()
    }

    /// The paragraph under a content-relative y, and the y inside it.
    pub(super) fn paragraph_at(&self, y: f32) -> Option<(usize, f32)> {
        let i = self.tops.partition_point(|&t| t <= y).checked_sub(1)?;
        Some((i, y - self.tops[i]))
    }

    /// The caret position (document byte) nearest a content-relative point.
    pub(super) fn cursor_at(&self, local: egui::Vec2) -> Option<usize> {
        let (i, y) = self.paragraph_at(local.y)?;
        self.layouts.get(i)?.cursor_at(local.x, y)
    }
}
