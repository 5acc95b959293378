//! Arabic text on screen and on paper: bundled fonts, cosmic-text layout, a glyph atlas and one widget.
//!
//! egui's own text layout does no bidi, so every piece of Arabic in the UI goes through here.

mod arabic_text;
pub mod atlas;
pub mod chunked;
pub mod edit;
pub mod fonts;
mod laid_text;
pub mod layout;
pub mod page;
pub mod raster;
mod visual_order;
pub mod widget;

pub use arabic_text::ArabicText;
pub use chunked::ChunkedParagraph;
pub use fonts::FontChoice;
pub use layout::{Direction, Paragraph, TextStyle};
pub use widget::{GlyphMesh, Typesetter};
