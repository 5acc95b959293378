//! The relations diagram, GUI-free: the graph of who did what to whom, its layout, and its
//! pictures and files (JSON, Graphviz DOT, SVG, PNG) for `dars graph` and the panel.

pub mod diagram;
pub mod dot;
pub mod export;
pub mod geometry;
pub mod group;
pub mod json;
pub mod layout;
pub mod legend;
pub mod model;
pub mod png;
pub mod scene;
pub mod style;
pub mod svg;

pub use diagram::Diagram;
pub use geometry::{Point, Rect, Size};
pub use layout::{Layout, LayoutInput, layout};
pub use model::{Arrows, Edge, Evidence, Graph, Group, Node, Nodes};
pub use scene::Scene;
