//! Renders a document to a PNG page with the same layout engine as the screen (for printing and checks).
//!
//! The page is laid out once, keeping only each glyph's position, and its pixels are then
//! drawn and compressed a band of rows at a time: memory grows with the text, not with the
//! page's area, and a text too long for a page is refused before or while it is laid out,
//! never after.

use std::io::{self, Write};
use std::ops::{Range, RangeInclusive};
use std::path::Path;

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use thiserror::Error;

use super::chunked::ChunkedParagraph;
use super::fonts::{FontChoice, bundled_font_system};
use super::layout::TextStyle;
use crate::analysis::{Document, SentenceKind};

/// How the page looks.
#[derive(Clone, Copy, Debug)]
pub struct PageOptions {
    /// Page width in pixels.
    pub width: u32,
    pub font: FontChoice,
    /// Body text size in pixels.
    pub size: f32,
}

impl Default for PageOptions {
    fn default() -> Self {
        Self {
            width: 1200,
            font: FontChoice::Naskh,
            size: 22.0,
        }
    }
}

impl PageOptions {
    /// Page widths, in pixels.
    pub const WIDTHS: RangeInclusive<u32> = 200..=10_000;
    /// Text sizes, in pixels: below 6 nothing is legible, above 300 a word fills a line.
    pub const SIZES: RangeInclusive<f32> = 6.0..=300.0;

    /// Checks every number before anything is laid out.
    ///
    /// # Errors
    /// A width or size out of range (or not a number), or a size too large for the width.
    pub fn check(&self) -> Result<(), PageError> {
        if !Self::WIDTHS.contains(&self.width) {
            return Err(PageError::Width {
                width: self.width.into(),
            });
        }
        // NaN is in no range.
        if !Self::SIZES.contains(&self.size) {
            return Err(PageError::Size { size: self.size });
        }
        #[expect(clippy::cast_precision_loss, reason = "page widths are small")]
        let widest = self.width as f32 / 8.0;
        if self.size > widest {
            return Err(PageError::SizeForWidth {
                size: self.size,
                width: self.width,
                widest: widest.floor(),
            });
        }
        Ok(())
    }

    fn margin(&self) -> f32 {
        (self.size * 2.0).round()
    }
}

#[derive(Debug, Error)]
pub enum PageError {
    #[error(
        "the page width must be between {min} and {max} pixels, not {width}",
        min = PageOptions::WIDTHS.start(),
        max = PageOptions::WIDTHS.end()
    )]
    Width { width: i64 },
    #[error(
        "the text size must be a number between {min} and {max} pixels, not {size}",
        min = PageOptions::SIZES.start(),
        max = PageOptions::SIZES.end()
    )]
    Size { size: f32 },
    #[error(
        "a text size of {size} pixels is too large for a page {width} pixels wide (at most {widest})"
    )]
    SizeForWidth { size: f32, width: u32, widest: f32 },
    #[error(
        "the page would be too tall (at least {0} pixels; a page has at most {max}): render a shorter text or a smaller size",
        max = MAX_HEIGHT
    )]
    TooTall(u64),
    #[error("could not encode the PNG: {0}")]
    Encode(#[from] png::EncodingError),
    #[error("could not write {path}: {reason}")]
    Write { path: String, reason: String },
}

/// The tallest page drawn, in pixels.
pub const MAX_HEIGHT: u64 = 200_000;

/// Rows drawn and compressed at a time.
const BAND_ROWS: u32 = 64;

/// One glyph at its pixel position (the pen position on its baseline).
struct PlacedGlyph {
    key: CacheKey,
    x: i32,
    y: i32,
}

/// A laid-out page, drawn when it is written.
pub struct Page {
    pub width: u32,
    pub height: u32,
    fonts: FontSystem,
    glyphs: Vec<PlacedGlyph>,
    /// Each line's baseline row and its glyphs, top to bottom.
    lines: Vec<(i32, Range<usize>)>,
    /// How far above or below its baseline a glyph's image may reach.
    reach: i32,
}

/// Lays out every paragraph of `doc` right to left at the options' width.
///
/// # Errors
/// Options out of range, or a text too long for one page (found out as early as possible:
/// before any layout when the paragraphs alone cannot fit, else as soon as the laid-out
/// lines pass [`MAX_HEIGHT`]).
pub fn render_page(doc: &Document, options: PageOptions) -> Result<Page, PageError> {
    options.check()?;
    let base = TextStyle::new(options.font, options.size);
    let styles: Vec<TextStyle> = paragraph_kinds(doc)
        .into_iter()
        .map(|kind| kind.map_or(base, |k| base.for_kind(k)))
        .collect();
    let margin = options.margin();
    let gap = options.size * 0.6;
    // Every paragraph takes at least one line: the page's least height, known at once.
    let least: f32 = 2.0 * margin
        + styles
            .iter()
            .map(|s| s.line_height_points() + gap)
            .sum::<f32>();
    if f64::from(least) > MAX_HEIGHT as f64 {
        return Err(PageError::TooTall(pixels(least)));
    }
    #[expect(clippy::cast_precision_loss, reason = "page widths are small")]
    let text_width = options.width as f32 - 2.0 * margin;
    let mut page = Page {
        width: options.width,
        height: 1,
        fonts: bundled_font_system(),
        glyphs: Vec::new(),
        lines: Vec::new(),
        reach: pixels(styles.iter().map(|s| s.size).fold(0.0, f32::max) * 3.0)
            .try_into()
            .unwrap_or(i32::MAX),
    };
    let limit = MAX_HEIGHT as f32 - margin;
    let mut y = margin;
    for (range, style) in doc.paragraphs.iter().zip(styles) {
        let mut paragraph = ChunkedParagraph::new(doc.slice(range), range.start, style, text_width);
        let mut reached = y;
        let Page {
            fonts,
            glyphs,
            lines,
            ..
        } = &mut page;
        paragraph.visit_all(fonts, |top, piece| {
            place(glyphs, lines, piece, margin, y + top);
            reached = y + top + piece.height();
            reached <= limit
        });
        if reached > limit {
            return Err(PageError::TooTall(pixels(reached + margin)));
        }
        y += paragraph.height() + gap;
    }
    let height = pixels(y - gap + margin).max(1);
    if height > MAX_HEIGHT {
        return Err(PageError::TooTall(height));
    }
    page.height = u32::try_from(height).map_err(|_| PageError::TooTall(height))?;
    Ok(page)
}

/// Whole pixels covering a length (for sizes already known to be in range).
fn pixels(length: f32) -> u64 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "lengths are positive, and saturate"
    )]
    let whole = length.ceil().max(0.0) as u64;
    whole
}

/// The kind of each paragraph (title, body, source), from its first sentence, in one pass.
fn paragraph_kinds(doc: &Document) -> Vec<Option<SentenceKind>> {
    let mut kinds = vec![None; doc.paragraphs.len()];
    for sentence in doc.sentences.iter().rev() {
        if let Some(kind) = kinds.get_mut(sentence.paragraph) {
            *kind = Some(sentence.kind);
        }
    }
    kinds
}

/// Keeps the pixel positions of a laid-out piece's glyphs, its top-left corner at (`left`, `top`).
fn place(
    glyphs: &mut Vec<PlacedGlyph>,
    lines: &mut Vec<(i32, Range<usize>)>,
    piece: &super::layout::Paragraph,
    left: f32,
    top: f32,
) {
    for run in piece.runs() {
        let baseline = (top + run.line_y).round();
        let start = glyphs.len();
        for glyph in run.glyphs {
            let physical = glyph.physical((left + piece.x_shift(), baseline), 1.0);
            glyphs.push(PlacedGlyph {
                key: physical.cache_key,
                x: physical.x,
                y: physical.y,
            });
        }
        #[expect(clippy::cast_possible_truncation, reason = "rows are below MAX_HEIGHT")]
        lines.push((baseline as i32, start..glyphs.len()));
    }
}

impl Page {
    /// Writes the page as an 8-bit greyscale PNG, black text on white, drawing a band of
    /// rows at a time.
    ///
    /// # Errors
    /// Encoding failures, or the writer's.
    pub fn write_png(&mut self, out: &mut dyn Write) -> Result<(), PageError> {
        let mut encoder = png::Encoder::new(out, self.width, self.height);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header()?;
        let mut stream = writer.stream_writer()?;
        let mut swash = SwashCache::new();
        let width = self.width as usize;
        let mut band = vec![255_u8; width * BAND_ROWS as usize];
        let mut first_line = 0;
        for band_top in (0..self.height).step_by(BAND_ROWS as usize) {
            let rows = BAND_ROWS.min(self.height - band_top);
            let band = &mut band[..width * rows as usize];
            band.fill(255);
            let (top, bottom) = (
                i32::try_from(band_top).unwrap_or(i32::MAX),
                i32::try_from(band_top + rows).unwrap_or(i32::MAX),
            );
            // Lines are in order: skip those wholly above this band for good.
            while self
                .lines
                .get(first_line)
                .is_some_and(|(baseline, _)| baseline.saturating_add(self.reach) < top)
            {
                first_line += 1;
            }
            for (baseline, glyphs) in &self.lines[first_line..] {
                if baseline.saturating_sub(self.reach) >= bottom {
                    break;
                }
                for glyph in &self.glyphs[glyphs.clone()] {
                    draw_glyph(band, width, top..bottom, &mut swash, &mut self.fonts, glyph);
                }
            }
            stream
                .write_all(band)
                .map_err(png::EncodingError::IoError)?;
        }
        stream.finish()?;
        writer.finish()?;
        Ok(())
    }

    /// The PNG's bytes.
    ///
    /// # Errors
    /// Encoding failures.
    pub fn to_png(&mut self) -> Result<Vec<u8>, PageError> {
        let mut out = Vec::new();
        self.write_png(&mut out)?;
        Ok(out)
    }

    /// Writes the PNG to `path` whole or not at all (see [`crate::atomic_file`]).
    ///
    /// # Errors
    /// Encoding or writing failures.
    pub fn save(&mut self, path: &Path) -> Result<(), PageError> {
        crate::atomic_file::write_atomically_with(path, |out| {
            self.write_png(out).map_err(|e| match e {
                PageError::Encode(png::EncodingError::IoError(e)) => e,
                other => io::Error::other(other),
            })
        })
        .map_err(|e| PageError::Write {
            path: path.display().to_string(),
            reason: crate::atomic_file::explain(&e),
        })
    }
}

/// Darkens the band's pixels under one glyph by its coverage.
fn draw_glyph(
    band: &mut [u8],
    width: usize,
    rows: Range<i32>,
    swash: &mut SwashCache,
    fonts: &mut FontSystem,
    glyph: &PlacedGlyph,
) {
    let Some(image) = swash.get_image(fonts, glyph.key) else {
        return;
    };
    if image.content != SwashContent::Mask {
        return;
    }
    let (w, h) = (
        image.placement.width as usize,
        image.placement.height as usize,
    );
    let x0 = glyph.x + image.placement.left;
    let y0 = glyph.y - image.placement.top;
    for gy in 0..h {
        let Some(row) = i32::try_from(gy).ok().map(|gy| y0 + gy) else {
            continue;
        };
        if !rows.contains(&row) {
            continue;
        }
        let band_row = usize::try_from(row - rows.start).unwrap_or(0);
        for gx in 0..w {
            let Some(px) = i32::try_from(gx)
                .ok()
                .and_then(|gx| usize::try_from(x0 + gx).ok())
                .filter(|&px| px < width)
            else {
                continue;
            };
            let Some(&coverage) = image.data.get(gy * w + gx) else {
                continue;
            };
            let coverage = u16::from(coverage);
            let pixel = &mut band[band_row * width + px];
            // Black text: darken by coverage.
            *pixel = u8::try_from(u16::from(*pixel) * (255 - coverage) / 255).unwrap_or(0);
        }
    }
}
