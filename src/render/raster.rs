//! Glyphs of a laid-out paragraph rasterised by swash into an RGBA image (pages and diagrams).

use cosmic_text::{FontSystem, SwashCache, SwashContent};

use super::layout::Paragraph;

/// An opaque RGBA image to draw on, row by row from the top.
pub struct Canvas<'a> {
    pub rgba: &'a mut [u8],
    pub width: u32,
    pub height: u32,
}

/// Draws `para` with its top-left corner at (`left`, `top`) pixels, in `colour`, blending each
/// glyph's coverage over what is there.
pub fn draw_paragraph(
    canvas: &mut Canvas<'_>,
    fonts: &mut FontSystem,
    swash: &mut SwashCache,
    para: &Paragraph,
    (left, top): (f32, f32),
    colour: [u8; 3],
) {
    for run in para.runs() {
        for glyph in run.glyphs {
            let physical = glyph.physical((left + para.x_shift(), (top + run.line_y).round()), 1.0);
            let Some(image) = swash.get_image(fonts, physical.cache_key) else {
                continue;
            };
            if image.content != SwashContent::Mask {
                continue;
            }
            let (w, h) = (image.placement.width as i32, image.placement.height as i32);
            let x0 = physical.x + image.placement.left;
            let y0 = physical.y - image.placement.top;
            for gy in 0..h {
                for gx in 0..w {
                    let (Ok(px), Ok(py)) = (u32::try_from(x0 + gx), u32::try_from(y0 + gy)) else {
                        continue;
                    };
                    if px >= canvas.width || py >= canvas.height {
                        continue;
                    }
                    let Some(&coverage) = image.data.get((gy * w + gx) as usize) else {
                        continue;
                    };
                    let coverage = u32::from(coverage);
                    let at = (py as usize * canvas.width as usize + px as usize) * 4;
                    let Some(pixel) = canvas.rgba.get_mut(at..at + 3) else {
                        continue;
                    };
                    for (c, &ink) in pixel.iter_mut().zip(&colour) {
                        let mixed =
                            (u32::from(*c) * (255 - coverage) + u32::from(ink) * coverage) / 255;
                        *c = u8::try_from(mixed).unwrap_or(u8::MAX);
                    }
                }
            }
        }
    }
}
