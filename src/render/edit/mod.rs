//! The one text field of the app: a GUI-free editing model, the field's layout and caret
//! geometry on the app's text engine, and the egui widget over them.

pub mod carets;
pub mod field;
pub mod field_layout;
pub mod history;
pub mod model;
pub mod phonetic;
pub mod units;

mod access;
mod events;
mod paint;
mod state;
mod tools;

pub use field::{FieldOutput, TextField, field_focused, field_selection};
pub use field_layout::{BaseDirection, FieldLayout};
pub use model::{Affinity, Caret, EditModel};
