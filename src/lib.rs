//! Dars: read Arabic news articles right to left, and study them.

pub mod analysis;
pub mod arabic;
pub mod atomic_file;
pub mod colours;
pub mod dictionary;
pub mod export;
pub mod graph;
pub mod import;
pub mod library;
pub mod render;
pub mod study;
pub mod ui;
