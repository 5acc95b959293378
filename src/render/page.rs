//! Renders a document to a PNG page with the same layout engine as the screen (for printing and checks).

use std::path::Path;

use cosmic_text::SwashCache;
use thiserror::Error;

use super::fonts::{FontChoice, bundled_font_system};
use super::layout::{Direction, Paragraph, TextStyle};
use super::raster::{Canvas, draw_paragraph};
use crate::analysis::Document;

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

#[derive(Debug, Error)]
pub enum PageError {
    #[error("the page width must be between 200 and 10000 pixels, not {0}")]
    Width(u32),
    #[error("the page would be too tall ({0} pixels): render a shorter text")]
    TooTall(u64),
    #[error("could not encode the PNG: {0}")]
    Encode(#[from] png::EncodingError),
    #[error("could not write {path}: {reason}")]
    Write { path: String, reason: String },
}

/// An RGBA image.
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

const MAX_HEIGHT: u64 = 200_000;

/// Lays out every paragraph of `doc` right to left and draws it, black on white.
///
/// # Errors
/// A width out of range or a text too long for one page.
pub fn render_page(doc: &Document, options: PageOptions) -> Result<Page, PageError> {
    if !(200..=10_000).contains(&options.width) {
        return Err(PageError::Width(options.width));
    }
    let mut fonts = bundled_font_system();
    let mut swash = SwashCache::new();
    #[expect(clippy::cast_precision_loss, reason = "page widths are small")]
    let width = options.width as f32;
    let margin = (options.size * 2.0).round();
    let text_width = width - 2.0 * margin;
    let base = TextStyle::new(options.font, options.size);
    let mut laid = Vec::with_capacity(doc.paragraphs.len());
    let mut y = margin;
    for (i, range) in doc.paragraphs.iter().enumerate() {
        let kind = doc
            .sentences
            .iter()
            .find(|s| s.paragraph == i)
            .map(|s| s.kind);
        let style = kind.map_or(base, |k| base.for_kind(k));
        let para = Paragraph::new(
            &mut fonts,
            doc.slice(range),
            range.start,
            style,
            Direction::Rtl,
            Some(text_width),
        );
        let height = para.height();
        laid.push((para, y));
        y += height + options.size * 0.6;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked below"
    )]
    let height = (y + margin).ceil().max(1.0) as u64;
    if height > MAX_HEIGHT {
        return Err(PageError::TooTall(height));
    }
    let height = u32::try_from(height).map_err(|_| PageError::TooTall(height))?;
    let mut page = Page {
        width: options.width,
        height,
        rgba: vec![255; options.width as usize * height as usize * 4],
    };
    let mut canvas = Canvas {
        rgba: &mut page.rgba,
        width: page.width,
        height: page.height,
    };
    for (para, top) in &laid {
        draw_paragraph(
            &mut canvas,
            &mut fonts,
            &mut swash,
            para,
            (margin, *top),
            [0, 0, 0],
        );
    }
    Ok(page)
}

impl Page {
    /// PNG bytes of the page.
    ///
    /// # Errors
    /// Encoding failures.
    pub fn to_png(&self) -> Result<Vec<u8>, PageError> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&self.rgba)?;
        writer.finish()?;
        Ok(out)
    }

    /// Writes the PNG to `path` atomically: a temporary file beside it, then a rename,
    /// so a failure never leaves a half-written page.
    ///
    /// # Errors
    /// Encoding or writing failures.
    pub fn save(&self, path: &Path) -> Result<(), PageError> {
        let bytes = self.to_png()?;
        crate::atomic_file::write_atomically(path, &bytes).map_err(|e| PageError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }
}
