//! The reader's paragraph layouts: laid out once per width, font and size, near the view only for long texts, and where each paragraph sits.

use super::{Reader, paragraph_kind};
use crate::analysis::Document;
use crate::render::{Direction, GlyphMesh, TextStyle, Typesetter};

/// Below this size every paragraph is laid out at once; above it, only those near the view.
const EAGER_LAYOUT_BYTES: usize = 256 * 1024;

/// What the paragraphs were laid out for.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct LayoutKey {
    width: u32,
    style: [u32; 2],
    font: crate::render::FontChoice,
}

impl Reader {
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
                for p in self.layouts.iter_mut().flatten() {
                    p.set_width(&mut ts.fonts, Some(width));
                }
            }
            _ => {
                self.layouts = (0..doc.paragraphs.len()).map(|_| None).collect();
                self.meshes = (0..doc.paragraphs.len())
                    .map(|_| GlyphMesh::default())
                    .collect();
            }
        }
        self.layout_key = Some(key);
        if doc.text.len() <= EAGER_LAYOUT_BYTES {
            for i in 0..doc.paragraphs.len() {
                self.ensure_layout(doc, ts, base, width, i);
            }
        }
        self.compute_tops(doc, base, width);
    }

    pub(super) fn ensure_layout(
        &mut self,
        doc: &Document,
        ts: &mut Typesetter,
        base: TextStyle,
        width: f32,
        i: usize,
    ) {
        if self.layouts.get(i).is_some_and(Option::is_none) {
            let range = doc.paragraphs[i].clone();
            let style = base.for_kind(paragraph_kind(doc, i));
            self.layouts[i] = Some(ts.layout(
                doc.slice(&range),
                range.start,
                style,
                Direction::Rtl,
                Some(width),
            ));
        }
    }

    /// Height of a paragraph: its layout's, or an estimate from its length until it is laid out.
    pub(super) fn height_of(&self, i: usize, doc: &Document, base: TextStyle, width: f32) -> f32 {
        if let Some(Some(p)) = self.layouts.get(i) {
            return p.height();
        }
        let style = base.for_kind(paragraph_kind(doc, i));
        let chars = doc
            .paragraphs
            .get(i)
            .map_or(0, |r| doc.slice(r).chars().count());
        #[expect(clippy::cast_precision_loss, reason = "an estimate")]
        let lines = (chars as f32 * style.size * 0.42 / width).ceil().max(1.0);
        lines * (style.size * style.line_height).ceil()
    }

    pub(super) fn compute_tops(&mut self, doc: &Document, base: TextStyle, width: f32) {
        let gap = base.size * 0.6;
        let mut y = base.size * 0.5;
        self.tops.clear();
        for i in 0..doc.paragraphs.len() {
            self.tops.push(y);
            y += self.height_of(i, doc, base, width) + gap;
        }
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
        self.layouts.get(i)?.as_ref()?.cursor_at(local.x, y)
    }
}
