//! A graph with its texts measured by the app's text engine and laid out: what the panel and
//! every export draw.

use cosmic_text::FontSystem;

use crate::graph::geometry::{Point, Size};
use crate::graph::layout::{Layout, LayoutInput, layout};
use crate::graph::model::Graph;
use crate::graph::style;
use crate::render::{Direction, FontChoice, Paragraph, TextStyle};

/// A piece of text measured for drawing: its box, and where its first baseline sits.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredText {
    pub text: String,
    pub style: TextStyle,
    pub direction: Direction,
    pub size: Size,
    /// From the top of the box to the first line's baseline.
    pub baseline: f32,
}

impl MeasuredText {
    /// Lays `text` out on one line with the app's text engine (bidi, shaping) and measures it.
    #[must_use]
    pub fn new(fonts: &mut FontSystem, text: &str, style: TextStyle, direction: Direction) -> Self {
        let para = Paragraph::new(fonts, text, 0, style, direction, None);
        let baseline = para.runs().next().map_or(style.size, |r| r.line_y);
        Self {
            text: text.to_owned(),
            style,
            direction,
            size: Size::new(para.content_width().ceil(), para.height().ceil()),
            baseline,
        }
    }

    fn empty(style: TextStyle) -> Self {
        Self {
            text: String::new(),
            style,
            direction: Direction::Auto,
            size: Size::default(),
            baseline: 0.0,
        }
    }
}

/// The texts of a node: the Arabic name over the English one.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeText {
    pub name_ar: MeasuredText,
    pub name_en: MeasuredText,
}

/// The texts of an edge label: the Arabic label (with "×3" beside it where the text gives a
/// count) over the English one.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelText {
    pub label_ar: MeasuredText,
    pub count: Option<MeasuredText>,
    pub label_en: MeasuredText,
}

/// Room between the Arabic label and its count.
const COUNT_GAP: f32 = 5.0;

impl NodeText {
    /// The node's box: both names and the padding.
    #[must_use]
    pub fn box_size(&self) -> Size {
        let [px, py] = style::NODE_PADDING;
        Size::new(
            self.name_ar.size.w.max(self.name_en.size.w) + 2.0 * px,
            self.name_ar.size.h + self.name_en.size.h + 2.0 * py,
        )
    }
}

impl LabelText {
    /// The width of the first line: the Arabic label and the count.
    #[must_use]
    pub fn first_line_width(&self) -> f32 {
        self.label_ar.size.w + self.count.as_ref().map_or(0.0, |c| c.size.w + COUNT_GAP)
    }

    /// The label's box.
    #[must_use]
    pub fn box_size(&self) -> Size {
        let [px, py] = style::LABEL_PADDING;
        let first = self
            .label_ar
            .size
            .h
            .max(self.count.as_ref().map_or(0.0, |c| c.size.h));
        Size::new(
            self.first_line_width().max(self.label_en.size.w) + 2.0 * px,
            first + self.label_en.size.h + 2.0 * py,
        )
    }

    /// The count's left edge relative to the label box's left edge: left of the Arabic, where
    /// a right-to-left line ends.
    #[must_use]
    pub fn count_offset(&self) -> f32 {
        (self.box_size().w - self.first_line_width()) / 2.0
    }

    /// The Arabic label's left edge relative to the label box's left edge.
    #[must_use]
    pub fn label_ar_offset(&self) -> f32 {
        self.count_offset() + self.count.as_ref().map_or(0.0, |c| c.size.w + COUNT_GAP)
    }
}

/// A graph ready to draw: measured texts and a layout.
#[derive(Clone, Debug)]
pub struct Diagram {
    pub graph: Graph,
    pub font: FontChoice,
    pub nodes: Vec<NodeText>,
    pub labels: Vec<LabelText>,
    pub layout: Layout,
}

impl Diagram {
    /// Measures every name and label with `fonts` and lays the graph out, keeping `pinned`
    /// nodes (by node index) where they are.
    #[must_use]
    pub fn new(
        graph: Graph,
        fonts: &mut FontSystem,
        font: FontChoice,
        pinned: &[Option<Point>],
    ) -> Self {
        let nodes: Vec<NodeText> = graph
            .nodes
            .iter()
            .map(|n| NodeText {
                name_ar: MeasuredText::new(
                    fonts,
                    &n.name_ar,
                    style::name_style(font, n.mentions),
                    Direction::Rtl,
                ),
                name_en: MeasuredText::new(
                    fonts,
                    &n.name_en,
                    style::name_en_style(font),
                    Direction::Auto,
                ),
            })
            .collect();
        let labels: Vec<LabelText> = graph
            .edges
            .iter()
            .map(|e| LabelText {
                label_ar: MeasuredText::new(
                    fonts,
                    &e.label_ar,
                    style::label_style(font),
                    Direction::Rtl,
                ),
                count: e.count.map(|n| {
                    MeasuredText::new(
                        fonts,
                        &format!("×{n}"),
                        style::label_en_style(font).bold(),
                        Direction::Auto,
                    )
                }),
                label_en: if e.label_en.is_empty() {
                    MeasuredText::empty(style::label_en_style(font))
                } else {
                    MeasuredText::new(
                        fonts,
                        &e.label_en,
                        style::label_en_style(font),
                        Direction::Auto,
                    )
                },
            })
            .collect();
        let mut diagram = Self {
            graph,
            font,
            nodes,
            labels,
            layout: Layout::default(),
        };
        diagram.relayout(pinned);
        diagram
    }

    /// Lays the graph out again with the texts already measured, keeping `pinned` nodes (by
    /// node index) where they are: cheap enough to run while a node is dragged.
    pub fn relayout(&mut self, pinned: &[Option<Point>]) {
        let node_sizes: Vec<Size> = self.nodes.iter().map(NodeText::box_size).collect();
        let label_sizes: Vec<Size> = self.labels.iter().map(LabelText::box_size).collect();
        let pairs = self.graph.pairs();
        self.layout = layout(&LayoutInput {
            node_sizes: &node_sizes,
            edges: &pairs,
            label_sizes: &label_sizes,
            pinned,
        });
    }

    /// The centre of each node, for pinning them all where they are.
    #[must_use]
    pub fn centres(&self) -> Vec<Point> {
        self.layout
            .nodes
            .iter()
            .map(crate::graph::Rect::center)
            .collect()
    }
}
