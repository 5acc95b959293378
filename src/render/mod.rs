//! Arabic text on screen and on paper: bundled fonts, cosmic-text layout, a glyph atlas and one widget.
//!
//! egui's own text layout does no bidi, so every piece of Arabic in the UI goes through here.

pub mod atlas;
pub mod chunked;
pub mod fonts;
pub mod layout;
pub mod page;
pub mod widget;

pub use chunked::ChunkedParagraph;
pub use fonts::FontChoice;
pub use layout::{Direction, Paragraph, TextStyle};
pub use widget::{ArabicText, GlyphMesh, Typesetter};
