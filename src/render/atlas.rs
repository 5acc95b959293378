//! Glyphs rasterised by swash, packed into one egui texture that text meshes sample.

use std::collections::HashMap;

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use egui::{Color32, ColorImage, Context, Pos2, Rect, TextureHandle, TextureOptions, pos2, vec2};
use etagere::{AtlasAllocator, size2};

/// Where a glyph's image is in the atlas and how it sits relative to its pen position,
/// in physical pixels.
#[derive(Clone, Copy, Debug)]
pub struct AtlasGlyph {
    /// Texture coordinates (0..1).
    pub uv: Rect,
    pub left: i32,
    pub top: i32,
    pub width: u32,
    pub height: u32,
    /// Colour glyphs (emoji) keep their colours; masks take the text colour.
    pub is_color: bool,
}

const START_SIDE: i32 = 1024;
const MAX_SIDE: i32 = 4096;
const OPTIONS: TextureOptions = TextureOptions::NEAREST;

/// The glyph atlas: premultiplied white with coverage as alpha, tinted by the vertex colour,
/// the way egui's own font atlas works.
pub struct GlyphAtlas {
    side: i32,
    allocator: AtlasAllocator,
    texture: Option<TextureHandle>,
    /// `None` for glyphs with no pixels (spaces).
    glyphs: HashMap<CacheKey, Option<AtlasGlyph>>,
    swash: SwashCache,
    /// Set when the atlas ran out of room: it is cleared (and grown) at the next frame.
    full: bool,
    /// Set when every cached glyph is out of date: it is cleared at the next frame.
    stale: bool,
    pixels_per_point: f32,
    /// Counts resets: meshes built against an older generation point at stale texture space.
    generation: u64,
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self {
            side: START_SIDE,
            allocator: AtlasAllocator::new(size2(START_SIDE, START_SIDE)),
            texture: None,
            glyphs: HashMap::new(),
            swash: SwashCache::new(),
            full: false,
            stale: false,
            pixels_per_point: 0.0,
            generation: 0,
        }
    }
}

impl GlyphAtlas {
    /// Called once per frame: starts afresh when the screen's scale changed (every cached
    /// glyph is at the old size) or the atlas filled up.
    pub fn begin_frame(&mut self, ctx: &Context) {
        let ppp = ctx.pixels_per_point();
        if self.full {
            self.side = (self.side * 2).min(MAX_SIDE);
        }
        if self.full
            || self.stale
            || (ppp - self.pixels_per_point).abs() > f32::EPSILON
            || self.texture.is_none()
        {
            self.reset(ctx);
            self.pixels_per_point = ppp;
        }
    }

    /// Forgets every glyph (after a text-size or font change, for instance).
    pub fn clear(&mut self) {
        self.stale = true;
    }

    fn reset(&mut self, ctx: &Context) {
        let side = usize::try_from(self.side).unwrap_or(1024);
        self.allocator = AtlasAllocator::new(size2(self.side, self.side));
        self.glyphs.clear();
        self.full = false;
        self.stale = false;
        self.generation += 1;
        let blank = ColorImage::new([side, side], vec![Color32::TRANSPARENT; side * side]);
        match &mut self.texture {
            Some(texture) => texture.set(blank, OPTIONS),
            None => self.texture = Some(ctx.load_texture("dars-glyphs", blank, OPTIONS)),
        }
    }

    /// Changes whenever the atlas is cleared.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The texture id that meshes of glyphs use.
    #[must_use]
    pub fn texture_id(&self) -> egui::TextureId {
        self.texture
            .as_ref()
            .map_or_else(egui::TextureId::default, TextureHandle::id)
    }

    /// Number of glyph images cached.
    #[must_use]
    pub fn len(&self) -> usize {
        self.glyphs.len()
    }

    /// True when a glyph could not be placed this frame (the next frame grows the atlas).
    #[must_use]
    pub fn is_full(&self) -> bool {
        self.full
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    /// The atlas entry of a glyph, rasterising it on first use. `None` when it has no
    /// pixels, or when the atlas is full (it is then grown at the next frame).
    pub fn glyph(&mut self, fonts: &mut FontSystem, key: CacheKey) -> Option<AtlasGlyph> {
        if let Some(entry) = self.glyphs.get(&key) {
            return *entry;
        }
        if self.full {
            return None;
        }
        let image = self.swash.get_image_uncached(fonts, key)?;
        let (w, h) = (image.placement.width, image.placement.height);
        if w == 0 || h == 0 {
            self.glyphs.insert(key, None);
            return None;
        }
        let padded = size2(i32::try_from(w).ok()? + 2, i32::try_from(h).ok()? + 2);
        let Some(alloc) = self.allocator.allocate(padded) else {
            self.full = true;
            return None;
        };
        let (x, y) = (alloc.rectangle.min.x + 1, alloc.rectangle.min.y + 1);
        let is_color = matches!(image.content, SwashContent::Color);
        let pixels: Vec<Color32> = match image.content {
            SwashContent::Mask => image
                .data
                .iter()
                .map(|&a| Color32::from_rgba_premultiplied(a, a, a, a))
                .collect(),
            SwashContent::Color => image
                .data
                .chunks_exact(4)
                .map(|p| Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3]))
                .collect(),
            SwashContent::SubpixelMask => image
                .data
                .chunks_exact(4)
                .map(|p| {
                    let a = p[0].max(p[1]).max(p[2]);
                    Color32::from_rgba_premultiplied(a, a, a, a)
                })
                .collect(),
        };
        let (wu, hu) = (w as usize, h as usize);
        if pixels.len() != wu * hu {
            self.glyphs.insert(key, None);
            return None;
        }
        let texture = self.texture.as_mut()?;
        texture.set_partial(
            [usize::try_from(x).ok()?, usize::try_from(y).ok()?],
            ColorImage::new([wu, hu], pixels),
            OPTIONS,
        );
        #[expect(clippy::cast_precision_loss, reason = "atlas sides are at most 4096")]
        let side = self.side as f32;
        #[expect(clippy::cast_precision_loss, reason = "glyph images are small")]
        let uv = Rect::from_min_size(
            pos2(x as f32 / side, y as f32 / side),
            vec2(w as f32 / side, h as f32 / side),
        );
        let entry = AtlasGlyph {
            uv,
            left: image.placement.left,
            top: image.placement.top,
            width: w,
            height: h,
            is_color,
        };
        self.glyphs.insert(key, Some(entry));
        Some(entry)
    }
}

/// The screen rectangle (points) of a glyph image whose pen position is `(x, y)` physical pixels.
#[must_use]
pub fn glyph_rect(glyph: &AtlasGlyph, x: i32, y: i32, pixels_per_point: f32) -> Rect {
    #[expect(clippy::cast_precision_loss, reason = "screen coordinates")]
    let min = Pos2::new((x + glyph.left) as f32, (y - glyph.top) as f32) / pixels_per_point;
    #[expect(clippy::cast_precision_loss, reason = "glyph images are small")]
    let size = vec2(glyph.width as f32, glyph.height as f32) / pixels_per_point;
    Rect::from_min_size(min, size)
}
