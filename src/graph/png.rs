//! The diagram as a PNG: shapes by tiny-skia, text by the app's own engine (cosmic-text
//! shaping, swash glyphs), so Arabic comes out joined and right to left as on screen.

use cosmic_text::{FontSystem, SwashCache};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Stroke, StrokeDash, Transform};

use crate::colours::Rgb;
use crate::graph::geometry::{Curve, Rect};
use crate::graph::scene::{Item, Scene, arrow_corners};
use crate::render::raster::{Canvas, draw_paragraph};
use crate::render::{Paragraph, TextStyle};

/// The largest picture drawn, in pixels per side (a bigger one is refused, not allocated).
pub const MAX_SIDE: f32 = 16_000.0;

/// Why a picture could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error(
        "the diagram would be {0:.0}×{1:.0} pixels, more than {MAX_SIDE} a side: use a smaller --scale"
    )]
    TooLarge(f32, f32),
    #[error("could not encode the PNG: {0}")]
    Encode(#[from] png::EncodingError),
}

/// Draws `scene` at `scale` pixels per point and encodes it as PNG.
///
/// # Errors
/// A picture too large to allocate, or an encoding failure.
pub fn scene_png(scene: &Scene, fonts: &mut FontSystem, scale: f32) -> Result<Vec<u8>, PngError> {
    let scale = if scale.is_finite() {
        scale.clamp(0.25, 8.0)
    } else {
        1.0
    };
    let (w, h) = (scene.size.w * scale, scene.size.h * scale);
    if !(w.is_finite() && h.is_finite()) || w > MAX_SIDE || h > MAX_SIDE {
        return Err(PngError::TooLarge(w, h));
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked to be finite and at most MAX_SIDE above"
    )]
    let (width, height) = (w.ceil().max(1.0) as u32, h.ceil().max(1.0) as u32);
    let Some(mut pixmap) = Pixmap::new(width, height) else {
        return Err(PngError::TooLarge(w, h));
    };
    let [r, g, b] = scene.colours.background;
    pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    let mut swash = SwashCache::new();
    let to_px = Transform::from_scale(scale, scale);
    for (_, item) in &scene.items {
        match item {
            Item::Box {
                rect,
                fill,
                stroke,
                width,
                radius,
            } => {
                if let Some(path) = rounded_rect(rect, *radius) {
                    pixmap.fill_path(&path, &paint(*fill), FillRule::Winding, to_px, None);
                    let stroke_style = Stroke {
                        width: *width,
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(&path, &paint(*stroke), &stroke_style, to_px, None);
                }
            }
            Item::Curve {
                curve,
                colour,
                width,
                dashed,
            } => {
                if let Some(path) = curve_path(curve) {
                    let dash = dashed
                        .then(|| StrokeDash::new(vec![6.0, 4.0], 0.0))
                        .flatten();
                    let stroke = Stroke {
                        width: *width,
                        line_cap: tiny_skia::LineCap::Round,
                        dash,
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(&path, &paint(*colour), &stroke, to_px, None);
                }
            }
            Item::Arrow {
                tip,
                direction,
                colour,
            } => {
                let [a, b, c] = arrow_corners(*tip, *direction);
                let mut p = PathBuilder::new();
                p.move_to(a.x, a.y);
                p.line_to(b.x, b.y);
                p.line_to(c.x, c.y);
                p.close();
                if let Some(path) = p.finish() {
                    pixmap.fill_path(&path, &paint(*colour), FillRule::Winding, to_px, None);
                }
            }
            Item::Text { text, at, colour } => {
                let style = TextStyle {
                    size: text.style.size * scale,
                    ..text.style
                };
                let para = Paragraph::new(fonts, &text.text, 0, style, text.direction, None);
                let mut canvas = Canvas {
                    rgba: pixmap.data_mut(),
                    width,
                    height,
                };
                // The text's own left edge: a right-to-left line with no width limit may start
                // left of zero, so it is placed by its measured extent.
                let left = at.x * scale - leftmost_glyph(&para);
                draw_paragraph(
                    &mut canvas,
                    fonts,
                    &mut swash,
                    &para,
                    (left, at.y * scale),
                    *colour,
                );
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    // The pixmap is premultiplied, but every pixel is opaque, so it is plain RGBA.
    writer.write_image_data(pixmap.data())?;
    writer.finish()?;
    Ok(out)
}

/// Where the leftmost glyph of a paragraph starts.
fn leftmost_glyph(para: &Paragraph) -> f32 {
    para.runs()
        .flat_map(|r| r.glyphs.iter().map(|g| g.x))
        .fold(f32::INFINITY, f32::min)
        .clamp(-1e6, 0.0)
        + para.x_shift()
}

fn paint(c: Rgb) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(c[0], c[1], c[2], 255);
    p
}

fn curve_path(c: &Curve) -> Option<tiny_skia::Path> {
    let mut p = PathBuilder::new();
    p.move_to(c.from.x, c.from.y);
    p.quad_to(c.control.x, c.control.y, c.to.x, c.to.y);
    p.finish()
}

fn rounded_rect(r: &Rect, radius: f32) -> Option<tiny_skia::Path> {
    let radius = radius.min(r.width() / 2.0).min(r.height() / 2.0).max(0.0);
    let (l, t, rr, b) = (r.min.x, r.min.y, r.max.x, r.max.y);
    let mut p = PathBuilder::new();
    p.move_to(l + radius, t);
    p.line_to(rr - radius, t);
    p.quad_to(rr, t, rr, t + radius);
    p.line_to(rr, b - radius);
    p.quad_to(rr, b, rr - radius, b);
    p.line_to(l + radius, b);
    p.quad_to(l, b, l, b - radius);
    p.line_to(l, t + radius);
    p.quad_to(l, t, l + radius, t);
    p.close();
    p.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::geometry::Point;

    #[test]
    fn corners_of_a_rounded_box_stay_inside_it() {
        let r = Rect {
            min: Point::new(0.0, 0.0),
            max: Point::new(40.0, 20.0),
        };
        let path = rounded_rect(&r, 6.0).map(|p| p.bounds());
        let b = path.map(|b| (b.left(), b.top(), b.right(), b.bottom()));
        assert_eq!(b, Some((0.0, 0.0, 40.0, 20.0)));
    }
}
