//! The app's side of File → Export diagram…: the picture of the diagram as the panel shows it (moved nodes and all), written where the save dialog said.

use std::path::{Path, PathBuf};

use super::DarsApp;
use crate::graph::export::{Format, GraphOptions, diagram_bytes, write_bytes};
use crate::graph::{Diagram, Graph, Nodes};

impl DarsApp {
    /// Saves the diagram to `path`: SVG when the name ends in `.svg`, else PNG (`.png` is
    /// added to a name with no extension). The message bar says where it went, or why not.
    pub fn export_diagram_to(&mut self, path: &Path) -> Option<PathBuf> {
        let format = match Format::of_path(path) {
            Some(Format::Svg) => Format::Svg,
            _ => Format::Png,
        };
        let path = if path.extension().is_some() {
            path.to_path_buf()
        } else {
            path.with_extension(format.extension())
        };
        let options = GraphOptions {
            font: self.settings.font,
            ..GraphOptions::new(format)
        };
        // The panel's diagram when it has been drawn (moved nodes and all); else a fresh one.
        let fresh;
        let diagram: &Diagram = match self.panels.relations.diagram() {
            Some(d) => d,
            None => {
                let graph =
                    Graph::from_analysis(&self.text.doc, &self.text.analysis, Nodes::Related);
                fresh = Diagram::new(graph, &mut self.typesetter.fonts, options.font, &[]);
                &fresh
            }
        };
        let written = diagram_bytes(
            &self.text.doc,
            &self.text.analysis,
            diagram,
            &options,
            &mut self.typesetter.fonts,
        )
        .and_then(|(bytes, w)| write_bytes(&path, &bytes).map(|()| w));
        match written {
            Ok(w) => {
                self.info(format!(
                    "Saved the diagram ({} names, {} relations) to {}",
                    w.nodes,
                    w.edges,
                    path.display()
                ));
                Some(path)
            }
            Err(e) => {
                self.error(e.to_string());
                None
            }
        }
    }
}
