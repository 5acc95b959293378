//! The relations panel (headless, egui_kittest): `F2` opens it with every relation as a labelled
//! widget, the keys step through relations in text order, `Enter` shows one in the reader with
//! both names marked, the reader's sentence lights its relations up, and a dragged node stays
//! where it was put after a restart.

use std::path::PathBuf;

use dars::analysis::{Document, analyze};
use dars::graph::{Graph, Nodes};
use dars::study::ProgressStore;
use dars::ui::{DarsApp, Panel, Settings};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(store: Option<ProgressStore>) -> Harness<'static, DarsApp> {
    let app = DarsApp::with_store(Settings::default(), None, store);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1700.0, 950.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness
}

fn press(h: &mut Harness<'_, DarsApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn graph() -> Graph {
    let doc = Document::bundled();
    Graph::from_analysis(&doc, &analyze(&doc), Nodes::Related)
}

/// What a screen reader says for an edge.
fn edge_label(graph: &Graph, e: usize) -> String {
    let edge = &graph.edges[e];
    format!(
        "{} — {} — {}",
        graph.nodes[edge.source].name_en, edge.label_en, graph.nodes[edge.target].name_en
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-relations-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn f2_opens_the_diagram_with_every_relation_and_name_as_a_widget() {
    let mut h = harness(None);
    press(&mut h, Key::F2);
    assert!(h.state().shows(Panel::Relations));
    assert_eq!(h.state().active(), Panel::Relations);
    let graph = graph();
    for e in 0..graph.edges.len() {
        h.get_by_label(&edge_label(&graph, e));
    }
    for node in &graph.nodes {
        let label = format!(
            "{} ({}), named {} times",
            node.name_en,
            dars::colours::entity_kind_label(node.kind),
            node.mentions
        );
        h.get_by_label(&label);
    }
}

#[test]
fn keys_step_through_relations_in_text_order_and_enter_shows_one_in_the_reader() {
    let mut h = harness(None);
    press(&mut h, Key::F2);
    press(&mut h, Key::Tab);
    assert_eq!(h.state().panels().relations.current, Some(0));
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Tab);
    assert_eq!(h.state().panels().relations.current, Some(2));
    press(&mut h, Key::ArrowUp);
    assert_eq!(h.state().panels().relations.current, Some(1));
    press(&mut h, Key::Enter);
    let graph = graph();
    let edge = &graph.edges[1];
    assert_eq!(h.state().position().sentence, edge.evidence[0].sentence);
    assert_eq!(h.state().panels().reader.marks, edge.evidence[0].marks);
    assert!(!edge.evidence[0].marks.is_empty(), "both names are marked");
    // Enter again: the next sentence that states it, when there is one.
    if edge.evidence.len() > 1 {
        press(&mut h, Key::Enter);
        assert_eq!(h.state().position().sentence, edge.evidence[1].sentence);
    }
    press(&mut h, Key::Escape);
    assert_eq!(h.state().panels().relations.current, None);
}

#[test]
fn filters_hide_a_group_from_the_keys_and_the_screen() {
    let mut h = harness(None);
    press(&mut h, Key::F2);
    let graph = graph();
    // 1 hides cooperation: Tab skips its relations, and their widgets are gone.
    press(&mut h, Key::Num1);
    press(&mut h, Key::Tab);
    let current = h.state().panels().relations.current.expect("a relation");
    assert_ne!(graph.edges[current].group, dars::graph::Group::Cooperation);
    let cooperation = (0..graph.edges.len())
        .find(|&e| graph.edges[e].group == dars::graph::Group::Cooperation)
        .expect("the article has cooperation");
    assert!(h.query_by_label(&edge_label(&graph, cooperation)).is_none());
    press(&mut h, Key::Num1);
    h.get_by_label(&edge_label(&graph, cooperation));
}

#[test]
fn the_readers_sentence_lights_up_its_relations() {
    let mut h = harness(None);
    press(&mut h, Key::F2);
    press(&mut h, Key::F1);
    let graph = graph();
    // Down the text to the first sentence that states a relation.
    let target = graph
        .edges
        .iter()
        .filter_map(|e| e.evidence.first())
        .map(|v| v.sentence)
        .min()
        .expect("a relation");
    while h.state().position().sentence < target {
        press(&mut h, Key::ArrowDown);
    }
    let lit = h
        .state()
        .panels()
        .relations
        .lit_edges(h.state().position().sentence);
    let stated: Vec<usize> = graph.edges_in_sentence(target).collect();
    assert!(!stated.is_empty());
    assert_eq!(lit, stated);
}

#[test]
fn a_dragged_node_stays_where_it_was_put_after_a_restart() {
    let dir = scratch("drag");
    let mut h = harness(Some(ProgressStore::in_dir(&dir)));
    press(&mut h, Key::F2);
    let graph = graph();
    let putin = graph.node("putin").expect("Putin is in the diagram");
    let label = format!(
        "{} ({}), named {} times",
        graph.nodes[putin].name_en,
        dars::colours::entity_kind_label(graph.nodes[putin].kind),
        graph.nodes[putin].mentions
    );
    let from = h.get_by_label(&label).rect().center();
    let to = from + egui::vec2(60.0, 40.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=4 {
        h.hover_at(from + (to - from) * (step as f32 / 4.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    h.run();
    let saved = h
        .state()
        .session()
        .study_settings()
        .diagram
        .get("putin")
        .copied();
    assert!(saved.is_some(), "the position is saved with the progress");
    let moved = h.get_by_label(&label).rect().center();
    assert!(
        (moved - to).length() < 3.0,
        "the node is where it was dropped: {moved:?} vs {to:?}"
    );
    let mut app = h.into_state();
    app.save_progress();
    // A new window on the same progress: Putin is where he was left, the rest laid out around him.
    let mut h = harness(Some(ProgressStore::in_dir(&dir)));
    press(&mut h, Key::F2);
    assert_eq!(
        h.state()
            .session()
            .study_settings()
            .diagram
            .get("putin")
            .copied(),
        saved
    );
    let at = h
        .state()
        .panels()
        .relations
        .diagram()
        .and_then(|d| d.layout.nodes.get(putin))
        .map(|r| r.center());
    let [x, y] = saved.unwrap_or_default();
    assert!(
        at.is_some_and(|p| (p.x - x as f32).abs() < 1.0 && (p.y - y as f32).abs() < 1.0),
        "{at:?} vs {saved:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
