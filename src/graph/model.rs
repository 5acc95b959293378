//! The relations diagram as a graph: one node per entity, one edge per related pair and kind.

use std::collections::HashMap;
use std::ops::Range;

use crate::analysis::{Analysis, Document, EntityKind};
pub use crate::graph::group::Group;

/// Which way an edge's arrows point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrows {
    /// The relation holds both ways (met, allies, disputes).
    None,
    /// From the source to the target (visited, accused).
    Forward,
    /// The text states it each way (each accused the other).
    Both,
}

/// One sentence that states a relation, with the mentions of its two entities in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub sentence: usize,
    /// Document byte ranges of both entities' mentions in the sentence, in text order
    /// (what the reader marks). Empty for an entity the text implies but does not name.
    pub marks: Vec<Range<usize>>,
}

/// One entity in the diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The entity's id (`putin`), as in `dars analyze`.
    pub id: String,
    /// Index in [`Analysis::entities`].
    pub entity: usize,
    pub kind: EntityKind,
    pub name_ar: String,
    pub name_en: String,
    /// How often the text names it (a state only implied has none).
    pub mentions: usize,
    /// How many edges meet here.
    pub degree: usize,
}

/// One relation between two nodes (indices into [`Graph::nodes`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    /// `met`, `ally`, `accused`, … (any kind the rules produce; unknown ones are [`Group::Other`]).
    pub kind: String,
    pub group: Group,
    pub label_en: String,
    pub label_ar: String,
    pub arrows: Arrows,
    /// True when every statement of it is a former relation (drawn dashed).
    pub past: bool,
    /// How many times, where the text says so ("×3").
    pub count: Option<u32>,
    /// In text order.
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// True when the relation has a direction.
    #[must_use]
    pub fn directed(&self) -> bool {
        self.arrows != Arrows::None
    }

    /// The sentences that state it, ascending.
    pub fn sentences(&self) -> impl Iterator<Item = usize> + '_ {
        self.evidence.iter().map(|e| e.sentence)
    }
}

/// The diagram's graph, built from a document's analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    /// Entities in order of first mention.
    pub nodes: Vec<Node>,
    /// In order of first statement in the text.
    pub edges: Vec<Edge>,
}

/// Which entities become nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Nodes {
    /// Only the entities that take part in a relation.
    #[default]
    Related,
    /// Every entity the analysis found.
    All,
}

impl Graph {
    /// The graph of `analysis`: one edge per related pair and kind, with the sentences that
    /// state it and the mentions of both entities in each.
    #[must_use]
    pub fn from_analysis(doc: &Document, analysis: &Analysis, which: Nodes) -> Self {
        let entity_index: HashMap<&str, usize> = analysis
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        // Pairs of entity indices, skipping relations whose entities the analysis lacks.
        let relations: Vec<(usize, usize, &crate::analysis::Relation)> = analysis
            .relations
            .iter()
            .filter_map(|r| {
                let s = *entity_index.get(r.source.as_str())?;
                let t = *entity_index.get(r.target.as_str())?;
                (s != t).then_some((s, t, r))
            })
            .collect();
        let mut node_of_entity: Vec<Option<usize>> = vec![None; analysis.entities.len()];
        let mut in_relation = vec![which == Nodes::All; analysis.entities.len()];
        for &(s, t, _) in &relations {
            in_relation[s] = true;
            in_relation[t] = true;
        }
        let mut nodes = Vec::new();
        for (i, entity) in analysis.entities.iter().enumerate() {
            if in_relation[i] {
                node_of_entity[i] = Some(nodes.len());
                nodes.push(Node {
                    id: entity.id.clone(),
                    entity: i,
                    kind: entity.kind,
                    name_ar: entity.name_ar.clone(),
                    name_en: entity.name_en.clone(),
                    mentions: entity.mentions.len(),
                    degree: 0,
                });
            }
        }
        let mut edges: Vec<Edge> = Vec::new();
        let mut edge_of: HashMap<(&str, usize, usize), usize> = HashMap::new();
        for &(s, t, relation) in &relations {
            let (Some(source), Some(target)) = (node_of_entity[s], node_of_entity[t]) else {
                continue;
            };
            let key = (
                relation.kind.as_str(),
                source.min(target),
                source.max(target),
            );
            if let Some(&at) = edge_of.get(&key) {
                merge_into(&mut edges[at], source, target, relation);
            } else {
                edge_of.insert(key, edges.len());
                edges.push(Edge {
                    source,
                    target,
                    kind: relation.kind.clone(),
                    group: Group::of_kind(&relation.kind),
                    label_en: relation.label_en.clone(),
                    label_ar: relation.label_ar.clone(),
                    arrows: if relation.directed {
                        Arrows::Forward
                    } else {
                        Arrows::None
                    },
                    past: relation.past,
                    count: relation.count,
                    evidence: relation
                        .sentences
                        .iter()
                        .map(|&sentence| Evidence {
                            sentence,
                            marks: Vec::new(),
                        })
                        .collect(),
                });
            }
        }
        for edge in &mut edges {
            let pair = [nodes[edge.source].entity, nodes[edge.target].entity];
            for evidence in &mut edge.evidence {
                evidence.marks = marks_in(doc, analysis, evidence.sentence, pair);
            }
        }
        edges.sort_by_key(|e| e.evidence.first().map_or(usize::MAX, |v| v.sentence));
        for edge in &edges {
            nodes[edge.source].degree += 1;
            nodes[edge.target].degree += 1;
        }
        Self { nodes, edges }
    }

    /// True when there is nothing to draw.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node of an entity id.
    #[must_use]
    pub fn node(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// The edges as `(source, target)` node pairs, for the layout.
    #[must_use]
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        self.edges.iter().map(|e| (e.source, e.target)).collect()
    }

    /// The edges stated in sentence `sentence` (the reader's current one lights them up).
    pub fn edges_in_sentence(&self, sentence: usize) -> impl Iterator<Item = usize> + '_ {
        self.edges
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.sentences().any(|s| s == sentence))
            .map(|(i, _)| i)
    }
}

/// Folds another statement of the same kind between the same two nodes into `edge`.
fn merge_into(edge: &mut Edge, source: usize, target: usize, relation: &crate::analysis::Relation) {
    if relation.directed && (edge.source, edge.target) != (source, target) {
        edge.arrows = Arrows::Both;
    }
    // The edge is a former relation only if every statement of it is.
    if edge.past && !relation.past {
        edge.past = false;
        edge.label_en.clone_from(&relation.label_en);
        edge.label_ar.clone_from(&relation.label_ar);
    }
    edge.count = edge.count.max(relation.count);
    for &sentence in &relation.sentences {
        if !edge.evidence.iter().any(|e| e.sentence == sentence) {
            edge.evidence.push(Evidence {
                sentence,
                marks: Vec::new(),
            });
        }
    }
    edge.evidence.sort_by_key(|e| e.sentence);
}

/// Byte ranges of the mentions of two entities in a sentence, in text order.
fn marks_in(
    doc: &Document,
    analysis: &Analysis,
    sentence: usize,
    entities: [usize; 2],
) -> Vec<Range<usize>> {
    let mut marks: Vec<Range<usize>> = entities
        .iter()
        .filter_map(|&e| analysis.entities.get(e))
        .flat_map(|e| e.mentions.iter().filter(|m| m.sentence == sentence))
        .map(crate::analysis::Mention::range)
        .filter(|r| doc.text.get(r.clone()).is_some())
        .collect();
    marks.sort_by_key(|r| r.start);
    marks.dedup();
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::MentionVia;
    use crate::analysis::{Entity, Mention, Relation, analyze};

    fn entity(id: &str, mentions: &[(usize, std::ops::Range<usize>)]) -> Entity {
        Entity {
            entry: 0,
            id: id.into(),
            kind: EntityKind::State,
            name_en: id.to_uppercase(),
            name_ar: id.into(),
            mentions: mentions
                .iter()
                .map(|(sentence, r)| Mention {
                    sentence: *sentence,
                    start: r.start,
                    end: r.end,
                    tokens: 0..0,
                    via: MentionVia::Name,
                })
                .collect(),
        }
    }

    fn relation(
        source: &str,
        target: &str,
        kind: &str,
        directed: bool,
        sentences: &[usize],
    ) -> Relation {
        Relation {
            source: source.into(),
            target: target.into(),
            kind: kind.into(),
            label_en: kind.into(),
            label_ar: kind.into(),
            directed,
            past: false,
            count: None,
            sentences: sentences.to_vec(),
        }
    }

    #[test]
    fn statements_each_way_become_one_edge_with_two_arrows_and_unknown_kinds_still_draw() {
        let doc = Document::new("t", "أ ب. ب أ. ج");
        let mut analysis = Analysis::default();
        analysis.entities = vec![
            entity("a", &[(0, 0..2), (1, 10..12)]),
            entity("b", &[(0, 3..5), (1, 7..9)]),
            entity("c", &[]),
            entity("lonely", &[(2, 14..16)]),
        ];
        analysis.relations = vec![
            relation("a", "b", "accused", true, &[0]),
            relation("b", "a", "accused", true, &[1]),
            relation("c", "a", "sanctioned", true, &[1]),
        ];
        let graph = Graph::from_analysis(&doc, &analysis, Nodes::Related);
        assert_eq!(
            graph
                .nodes
                .iter()
                .map(|n| n.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(graph.edges.len(), 2);
        let accused = &graph.edges[0];
        assert_eq!(accused.arrows, Arrows::Both);
        assert_eq!(accused.sentences().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(accused.evidence[1].marks, [7..9, 10..12]);
        let other = &graph.edges[1];
        assert_eq!((other.group, other.arrows), (Group::Other, Arrows::Forward));
        // An entity the text only implies has no mention to mark.
        assert_eq!(other.evidence[0].marks.len(), 1);
        assert_eq!(other.evidence[0].marks.first(), Some(&(10..12)));
        assert_eq!(graph.nodes[0].degree, 2);
        let all = Graph::from_analysis(&doc, &analysis, Nodes::All);
        assert_eq!(all.nodes.len(), 4);
        assert_eq!(all.edges.len(), 2);
    }

    #[test]
    fn the_bundled_article_gives_one_edge_per_pair_and_kind_with_marks_in_each_sentence() {
        let doc = Document::bundled();
        let analysis = analyze(&doc);
        let graph = Graph::from_analysis(&doc, &analysis, Nodes::Related);
        assert!(
            graph.edges.len() >= 10 && graph.nodes.len() >= 10,
            "{} edges",
            graph.edges.len()
        );
        let mut keys: Vec<(usize, usize, &str)> = graph
            .edges
            .iter()
            .map(|e| {
                (
                    e.source.min(e.target),
                    e.source.max(e.target),
                    e.kind.as_str(),
                )
            })
            .collect();
        let all = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all, "two edges share a pair and kind");
        for edge in &graph.edges {
            let ids = [&graph.nodes[edge.source].id, &graph.nodes[edge.target].id];
            for evidence in &edge.evidence {
                for mark in &evidence.marks {
                    assert_eq!(doc.sentence_at(mark.start), Some(evidence.sentence));
                    let named = analysis.entity_at(mark.start).map(|e| &e.id);
                    assert!(
                        named.is_some_and(|id| ids.contains(&id)),
                        "{mark:?} in {}",
                        edge.kind
                    );
                }
            }
        }
        // Edges come in the order the text states them.
        let firsts: Vec<usize> = graph
            .edges
            .iter()
            .filter_map(|e| e.sentences().next())
            .collect();
        assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");
    }
}
