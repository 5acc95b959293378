//! A paragraph of any length, laid out piece by piece: only the pieces on screen cost anything.
//!
//! cosmic-text shapes and wraps a whole paragraph at once, and the glyph mesh, the
//! highlights and the hit tests all walk every line of it, so a one-megabyte paragraph (a
//! text with no line breaks) took half a minute per frame. Here the paragraph is cut into
//! pieces of a few kilobytes at sentence ends (at word ends when a sentence runs longer,
//! anywhere between letters when there is no space at all), and each piece is a
//! [`Paragraph`] of its own, laid out when it comes near the view.
//!
//! Each piece runs the bidi algorithm on its own text. That is the same result as over the
//! whole paragraph wherever it matters: the base direction is forced right to left for
//! every piece, the pieces end at a sentence's end, and text never reorders across a
//! sentence end (its punctuation and the space after it are neutrals that take the
//! paragraph's direction at a line end). What a reader sees is a line that ends early where
//! a piece ends, like a soft paragraph break, every few dozen lines of a huge paragraph.
//! Reflowing across pieces would need every piece before the view laid out first, so
//! jumping to the end of a long text would again cost the whole text.

use std::ops::Range;

use cosmic_text::FontSystem;

use super::layout::{Direction, Paragraph, TextStyle};

/// A piece ends at the last sentence end before this many bytes (a few screens of text).
pub const MAX_PIECE_BYTES: usize = 6 * 1024;
/// … and after at least this many, so that pieces stay worth their overhead.
const MIN_PIECE_BYTES: usize = 1024;
/// Laid-out pieces kept at most; the least recently used beyond this are dropped (their
/// heights stay known, and laying one out again gives the same lines).
const MAX_LAID_PIECES: usize = 48;

/// Where `text` is cut into pieces: byte ranges of `text`, in order, covering it, none
/// longer than [`MAX_PIECE_BYTES`] and none empty (an empty text is one empty piece).
#[must_use]
pub fn piece_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > MAX_PIECE_BYTES {
        let end = cut_before(text, start, start + MAX_PIECE_BYTES);
        out.push(start..end);
        start = end;
    }
    out.push(start..text.len());
    out
}

/// The best place to end a piece that starts at `start` and may not end after `limit`:
/// after a sentence end and its spaces, else after a space, else at a character boundary
/// that does not separate a letter from its marks.
fn cut_before(text: &str, start: usize, limit: usize) -> usize {
    let limit = text.floor_char_boundary(limit);
    let window = &text[start..limit];
    let earliest = MIN_PIECE_BYTES.min(window.len() / 2);
    let mut after_space = None;
    for (i, c) in window.char_indices().rev() {
        if i < earliest {
            break;
        }
        if !c.is_whitespace() || !next_is_not_space(window, i + c.len_utf8()) {
            continue;
        }
        // `i + len` is the end of a run of spaces: a cut there starts the next piece on a letter.
        let cut = start + i + c.len_utf8();
        let before = window[..i].trim_end();
        if ends_a_sentence(before) {
            return cut;
        }
        after_space.get_or_insert(cut);
    }
    if let Some(cut) = after_space {
        return cut;
    }
    // No space at all: any boundary between characters that keeps marks with their letter.
    let mut cut = limit;
    while cut > start + 1 {
        match text[cut..].chars().next() {
            Some(c) if is_attached(c) => cut = text.floor_char_boundary(cut - 1),
            _ => break,
        }
    }
    if cut <= start { limit } else { cut }
}

fn next_is_not_space(window: &str, at: usize) -> bool {
    window[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_whitespace())
}

/// True when `text` ends with a sentence's final punctuation (and closing quotes or brackets).
fn ends_a_sentence(text: &str) -> bool {
    let last = text
        .trim_end_matches(['”', '»', '"', '\'', '’', ')', ']', '›'])
        .chars()
        .next_back();
    matches!(last, Some('.' | '!' | '?' | '؟' | '…' | '۔'))
}

/// A character that belongs to the one before it (a mark, a joiner, a variation selector).
fn is_attached(c: char) -> bool {
    crate::arabic::script::is_arabic_mark(c)
        || crate::arabic::script::is_word_joiner(c)
        || matches!(c, '\u{0300}'..='\u{036F}')
}

/// One piece: its bytes (relative to the paragraph), its layout when it has one, its height.
struct Piece {
    range: Range<usize>,
    laid: Option<Paragraph>,
    height: f32,
    /// The height is the real one at the current width, not an estimate.
    measured: bool,
    /// When it was last laid out or looked at (for dropping the least recently used).
    used: u64,
}

/// A right-to-left paragraph of any length, wrapped at a width and laid out piece by piece.
///
/// Offsets in and out are bytes of the document, as with [`Paragraph`]; y coordinates are
/// points from the paragraph's top. Pieces not laid out yet have an estimated height, and
/// nothing is drawn or hit there: call [`Self::lay_out`] for the part on screen first.
pub struct ChunkedParagraph {
    text: String,
    base: usize,
    style: TextStyle,
    width: f32,
    pieces: Vec<Piece>,
    /// `tops[i]` is the y of piece `i`; one more entry holds the paragraph's height.
    tops: Vec<f32>,
    clock: u64,
    version: u64,
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl ChunkedParagraph {
    /// Cuts `text` (which starts at byte `base` of its document) into pieces, to be wrapped at
    /// `width` points. Nothing is laid out yet, so this costs one pass over the text.
    #[must_use]
    pub fn new(text: &str, base: usize, style: TextStyle, width: f32) -> Self {
        let mut paragraph = Self {
            text: text.to_owned(),
            base,
            style,
            width,
            pieces: piece_ranges(text)
                .into_iter()
                .map(|range| Piece {
                    range,
                    laid: None,
                    height: 0.0,
                    measured: false,
                    used: 0,
                })
                .collect(),
            tops: Vec::new(),
            clock: 0,
            version: next_version(),
        };
        for i in 0..paragraph.pieces.len() {
            paragraph.pieces[i].height = paragraph.estimate(i);
        }
        paragraph.compute_tops();
        paragraph
    }

    /// A height from the length of a piece, until it is laid out.
    fn estimate(&self, i: usize) -> f32 {
        let chars = self.text[self.pieces[i].range.clone()].chars().count();
        // Arabic at this size averages about 0.42 em per character, spaces included.
        #[expect(clippy::cast_precision_loss, reason = "an estimate")]
        let lines = (chars as f32 * self.style.size * 0.42 / self.width.max(1.0))
            .ceil()
            .max(1.0);
        lines * self.style.line_height_points()
    }

    fn compute_tops(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        for piece in &self.pieces {
            self.tops.push(y);
            y += piece.height;
        }
        self.tops.push(y);
    }

    /// Wraps at another width: pieces on screen are re-wrapped when next laid out, the others
    /// get a new estimate.
    pub fn set_width(&mut self, width: f32) {
        if width.to_bits() == self.width.to_bits() {
            return;
        }
        let ratio = self.width / width.max(1.0);
        self.width = width;
        for piece in &mut self.pieces {
            piece.measured = false;
            piece.height *= ratio;
        }
        self.compute_tops();
        self.version = next_version();
    }

    /// Lays out every piece that overlaps `y` (points from the top), and keeps the most
    /// recently used ones. Returns true when heights changed: things below moved.
    pub fn lay_out(&mut self, fonts: &mut FontSystem, y: Range<f32>) -> bool {
        let mut changed = false;
        let mut i = self.piece_at(y.start);
        // Each piece laid out can change the height of those above the end of the range.
        while i < self.pieces.len() && self.tops[i] < y.end.max(y.start + 0.5) {
            changed |= self.lay_out_piece(fonts, i);
            i += 1;
        }
        self.drop_unused();
        changed
    }

    /// Lays out the pieces holding the document byte range `range` (to show a sentence that
    /// is not on screen yet, for instance). Returns true when heights changed.
    pub fn lay_out_bytes(&mut self, fonts: &mut FontSystem, range: &Range<usize>) -> bool {
        let pieces = self.pieces_of(range);
        let mut changed = false;
        for i in pieces {
            changed |= self.lay_out_piece(fonts, i);
        }
        self.drop_unused();
        changed
    }

    /// Lays out each piece in order and hands it to `visit` with its top, keeping none of
    /// them (a printed page needs each piece once). Stops when `visit` returns false.
    pub fn visit_all(
        &mut self,
        fonts: &mut FontSystem,
        mut visit: impl FnMut(f32, &Paragraph) -> bool,
    ) {
        for i in 0..self.pieces.len() {
            self.lay_out_piece(fonts, i);
            let keep_going = self.pieces[i]
                .laid
                .as_ref()
                .is_none_or(|p| visit(self.tops[i], p));
            self.pieces[i].laid = None;
            if !keep_going {
                return;
            }
        }
    }

    fn lay_out_piece(&mut self, fonts: &mut FontSystem, i: usize) -> bool {
        self.clock += 1;
        let piece = &mut self.pieces[i];
        piece.used = self.clock;
        if piece.measured && piece.laid.is_some() {
            return false;
        }
        match &mut piece.laid {
            Some(p) => p.set_width(fonts, Some(self.width)),
            None => {
                piece.laid = Some(Paragraph::new(
                    fonts,
                    &self.text[piece.range.clone()],
                    self.base + piece.range.start,
                    self.style,
                    Direction::Rtl,
                    Some(self.width),
                ));
            }
        }
        let height = piece.laid.as_ref().map_or(piece.height, Paragraph::height);
        piece.measured = true;
        self.version = next_version();
        if height.to_bits() == piece.height.to_bits() {
            return false;
        }
        piece.height = height;
        // Only the tops below this piece move.
        let mut y = self.tops[i];
        for (j, piece) in self.pieces.iter().enumerate().skip(i) {
            self.tops[j] = y;
            y += piece.height;
        }
        self.tops[self.pieces.len()] = y;
        true
    }

    fn drop_unused(&mut self) {
        let laid = self.pieces.iter().filter(|p| p.laid.is_some()).count();
        if laid <= MAX_LAID_PIECES {
            return;
        }
        let mut ages: Vec<u64> = self
            .pieces
            .iter()
            .filter(|p| p.laid.is_some())
            .map(|p| p.used)
            .collect();
        ages.sort_unstable();
        let oldest_kept = ages[laid - MAX_LAID_PIECES];
        for piece in &mut self.pieces {
            if piece.used < oldest_kept {
                piece.laid = None;
            }
        }
    }

    /// The index of the piece at `y` (the first or the last beyond the ends).
    fn piece_at(&self, y: f32) -> usize {
        self.tops[..self.pieces.len()]
            .partition_point(|&top| top <= y)
            .saturating_sub(1)
    }

    /// The pieces overlapping a document byte range (at least the one holding its start).
    fn pieces_of(&self, range: &Range<usize>) -> Range<usize> {
        let start = range.start.saturating_sub(self.base);
        let end = range.end.saturating_sub(self.base);
        let first = self
            .pieces
            .partition_point(|p| p.range.end <= start)
            .min(self.pieces.len().saturating_sub(1));
        let last = self.pieces.partition_point(|p| p.range.start < end);
        first..last.max(first + 1).min(self.pieces.len())
    }

    /// Height of all pieces, laid out or estimated, in points.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The y of the top of the piece holding a document byte (estimated until the pieces
    /// above it are laid out): where to scroll to bring that byte into view.
    #[must_use]
    pub fn top_of(&self, byte: usize) -> f32 {
        let i = self.pieces_of(&(byte..byte)).start;
        self.tops.get(i).copied().unwrap_or(0.0)
    }

    /// Identifies the layout: it changes whenever any piece is laid out or re-wrapped.
    #[must_use]
    pub fn version(&self) -> u64 {
        self.version
    }

    #[must_use]
    pub fn style(&self) -> TextStyle {
        self.style
    }

    #[must_use]
    pub fn width(&self) -> f32 {
        self.width
    }

    /// The document byte where the paragraph starts.
    #[must_use]
    pub fn base(&self) -> usize {
        self.base
    }

    /// How many pieces the paragraph is cut into.
    #[must_use]
    pub fn piece_count(&self) -> usize {
        self.pieces.len()
    }

    /// The laid-out pieces overlapping `y`: each one's index, top and layout.
    pub fn laid_pieces(&self, y: Range<f32>) -> impl Iterator<Item = (usize, f32, &Paragraph)> {
        let first = self.piece_at(y.start);
        (first..self.pieces.len())
            .take_while(move |&i| self.tops[i] < y.end)
            .filter_map(|i| Some((i, self.tops[i], self.pieces[i].laid.as_ref()?)))
    }

    /// The document bytes of the pieces overlapping `y`: which words may be on screen.
    #[must_use]
    pub fn bytes_in(&self, y: Range<f32>) -> Range<usize> {
        let first = self.piece_at(y.start);
        let last = self.piece_at(y.end.max(y.start));
        self.base + self.pieces[first].range.start..self.base + self.pieces[last].range.end
    }

    /// The document byte of the glyph under a point, if a laid-out piece has one there.
    #[must_use]
    pub fn glyph_at(&self, x: f32, y: f32) -> Option<usize> {
        let i = self.piece_at(y);
        let laid = self.pieces.get(i)?.laid.as_ref()?;
        laid.glyph_at(x, y - self.tops[i])
    }

    /// The document byte of the caret position nearest a point (for selecting by dragging).
    #[must_use]
    pub fn cursor_at(&self, x: f32, y: f32) -> Option<usize> {
        let i = self.piece_at(y);
        let laid = self.pieces.get(i)?.laid.as_ref()?;
        laid.cursor_at(x, y - self.tops[i])
    }

    /// Rectangles `[x, y, w, h]` covering a document byte range, in the laid-out pieces it
    /// spans (a range in pieces not laid out yet has none).
    #[must_use]
    pub fn highlight(&self, range: &Range<usize>) -> Vec<[f32; 4]> {
        let mut out = Vec::new();
        for i in self.pieces_of(range) {
            let Some(laid) = &self.pieces[i].laid else {
                continue;
            };
            let top = self.tops[i];
            let own = self.base + self.pieces[i].range.start..self.base + self.pieces[i].range.end;
            let clamped = range.start.max(own.start)..range.end.min(own.end);
            if clamped.start > clamped.end {
                continue;
            }
            out.extend(
                laid.highlight(&clamped)
                    .into_iter()
                    .map(|[x, y, w, h]| [x, y + top, w, h]),
            );
        }
        out
    }

    /// Each laid-out piece's lines as [`Paragraph::visual_lines`] gives them (for checking).
    #[must_use]
    pub fn visual_lines(&self) -> Vec<String> {
        self.pieces
            .iter()
            .filter_map(|p| p.laid.as_ref())
            .flat_map(Paragraph::visual_lines)
            .collect()
    }
}
