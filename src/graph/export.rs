//! `dars graph`: the diagram of a document written as JSON, DOT, SVG or PNG, whole or not at all.

use std::path::Path;

use cosmic_text::FontSystem;

use crate::analysis::{Analysis, Document, SentenceKind};
use crate::graph::scene::Scene;
use crate::graph::style::Colours;
use crate::graph::{Diagram, Graph, Nodes, dot, json, png, svg};
use crate::render::FontChoice;
use crate::render::fonts::bundled_font_system;

/// A file format the diagram can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Nodes, edges, positions and evidence, for scripts.
    Json,
    /// Graphviz, for `dot -Tsvg` and other tools.
    Dot,
    /// A picture drawn by the app's own text engine.
    Png,
    /// A picture with editable text.
    Svg,
}

impl Format {
    pub const ALL: [Self; 4] = [Self::Json, Self::Dot, Self::Png, Self::Svg];

    /// The format a file name's extension names, if any.
    #[must_use]
    pub fn of_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        ext.parse().ok()
    }

    /// The file name extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Dot => "dot",
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// Reads a format name (`json`, `dot`, `png`, `svg`, any case), as the command line takes it.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| format!("unknown format \"{name}\": choose json, dot, png or svg"))
    }
}

/// How the diagram is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GraphOptions {
    pub format: Format,
    pub nodes: Nodes,
    pub font: FontChoice,
    pub dark: bool,
    /// Pixels per point of the PNG (2 prints sharply).
    pub scale: f32,
}

impl GraphOptions {
    #[must_use]
    pub fn new(format: Format) -> Self {
        Self {
            format,
            nodes: Nodes::Related,
            font: FontChoice::Naskh,
            dark: false,
            scale: 2.0,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error(transparent)]
    Png(#[from] png::PngError),
    #[error("could not write {path}: {reason}")]
    Write { path: String, reason: String },
}

/// What was written, for the command's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub nodes: usize,
    pub edges: usize,
    pub bytes: usize,
}

/// The headline of a document, to put over its picture.
#[must_use]
pub fn title_of(doc: &Document) -> Option<&str> {
    doc.sentences
        .first()
        .filter(|s| s.kind == SentenceKind::Title)
        .map(|s| doc.slice(&s.range))
}

/// The bytes of the diagram of `doc` in `options.format`.
///
/// # Errors
/// A PNG too large to draw.
pub fn graph_bytes(
    doc: &Document,
    analysis: &Analysis,
    options: &GraphOptions,
) -> Result<(Vec<u8>, Written), GraphError> {
    let mut fonts = bundled_font_system();
    let graph = Graph::from_analysis(doc, analysis, options.nodes);
    let diagram = Diagram::new(graph, &mut fonts, options.font, &[]);
    diagram_bytes(doc, analysis, &diagram, options, &mut fonts)
}

/// The bytes of an already laid-out diagram (the panel's, with the nodes the user moved) in
/// `options.format`; `options.nodes` and `options.font` are the diagram's own.
///
/// # Errors
/// A PNG too large to draw.
pub fn diagram_bytes(
    doc: &Document,
    analysis: &Analysis,
    diagram: &Diagram,
    options: &GraphOptions,
    fonts: &mut FontSystem,
) -> Result<(Vec<u8>, Written), GraphError> {
    let title = title_of(doc);
    let bytes = match options.format {
        Format::Dot => dot::diagram_dot(diagram, title).into_bytes(),
        format => {
            let scene = Scene::new(diagram, title, Colours::new(options.dark), fonts);
            match format {
                Format::Json => json::diagram_json(doc, analysis, diagram, &scene).into_bytes(),
                Format::Svg => svg::scene_svg(&scene, diagram).into_bytes(),
                Format::Png | Format::Dot => png::scene_png(&scene, fonts, options.scale)?,
            }
        }
    };
    let written = Written {
        nodes: diagram.graph.nodes.len(),
        edges: diagram.graph.edges.len(),
        bytes: bytes.len(),
    };
    Ok((bytes, written))
}

/// Writes `bytes` to `path` atomically.
///
/// # Errors
/// The file system's refusal, with the path.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), GraphError> {
    crate::atomic_file::write_atomically(path, bytes).map_err(|e| GraphError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// Writes the diagram of `doc` to `path` atomically: a failure leaves nothing half-written.
///
/// # Errors
/// A PNG too large to draw, or the file system's refusal.
pub fn write_graph(
    doc: &Document,
    analysis: &Analysis,
    options: &GraphOptions,
    path: &Path,
) -> Result<Written, GraphError> {
    let (bytes, written) = graph_bytes(doc, analysis, options)?;
    write_bytes(path, &bytes)?;
    Ok(written)
}
