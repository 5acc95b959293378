//! `dars graph` run as a process in each format, on the bundled article, on a text written for
//! this test, and on a text that states no relations: JSON that matches the analysis, DOT that
//! Graphviz renders with the Arabic intact, SVG with real right-to-left text, and a PNG that
//! Tesseract reads the Arabic names back from.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dars::analysis::{Document, analyze};

/// A short news text written for this test (not the bundled article), with a few relations.
const OTHER: &str = "لقاء في طوكيو بين اليابان وكوريا الجنوبية
التقى الرئيس الكوري الجنوبي مون جاي-إن رئيس الوزراء الياباني في طوكيو أمس. وزار مون جاي-إن اليابان للمرة الأولى منذ سنوات.
واتهمت سول طوكيو بعرقلة المحادثات. وقال مايك بومبيو إن الولايات المتحدة تدعم الحوار بين البلدين.
المصدر: وكالات";

/// A text that names no one and states no relation.
const NO_RELATIONS: &str = "طقس معتدل في معظم المناطق
يسود طقس معتدل نهارا وبارد ليلا، مع فرص لسقوط أمطار خفيفة على المرتفعات.";

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dars-graph-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }

    fn text(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).expect("write the text");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn dars_graph(file: Option<&Path>, format: &str, out: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dars"));
    cmd.arg("graph");
    if let Some(f) = file {
        cmd.arg(f);
    }
    let output = cmd
        .args(["--format", format, "--out"])
        .arg(out)
        .output()
        .expect("the dars binary runs");
    assert!(
        output.status.success(),
        "dars graph --format {format} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn tool_present(name: &str) -> bool {
    Command::new(name).arg("-V").output().is_ok()
}

#[test]
fn json_has_every_relation_of_the_analysis_with_positions_and_evidence() {
    let dir = Scratch::new("json");
    let out = dir.0.join("graph.json");
    dars_graph(None, "json", &out);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("valid JSON");
    let doc = Document::bundled();
    let analysis = analyze(&doc);
    let nodes = json["nodes"].as_array().expect("nodes");
    let edges = json["edges"].as_array().expect("edges");
    let (width, height) = (
        json["width"].as_f64().unwrap_or(0.0),
        json["height"].as_f64().unwrap_or(0.0),
    );
    for node in nodes {
        let b = &node["box"];
        let (x, y) = (
            b["x"].as_f64().unwrap_or(-1.0),
            b["y"].as_f64().unwrap_or(-1.0),
        );
        assert!(x >= 0.0 && y >= 0.0, "{node}");
        assert!(x + b["w"].as_f64().unwrap_or(0.0) <= width + 0.5, "{node}");
        assert!(y + b["h"].as_f64().unwrap_or(0.0) <= height + 0.5, "{node}");
    }
    // Every relation the analysis states is an edge between its two entities.
    for r in &analysis.relations {
        let found = edges.iter().any(|e| {
            e["kind"] == r.kind.as_str()
                && ((e["source"] == r.source.as_str() && e["target"] == r.target.as_str())
                    || (e["source"] == r.target.as_str() && e["target"] == r.source.as_str()))
        });
        assert!(found, "no edge for {} {} {}", r.source, r.kind, r.target);
    }
    // The evidence marks name the two entities, in the sentence given.
    for e in edges {
        for s in e["sentences"].as_array().expect("sentences") {
            let index = s["index"].as_u64().expect("index") as usize;
            assert_eq!(s["text"], doc.sentence_text(index));
            for m in s["marks"].as_array().expect("marks") {
                let (start, end) = (
                    m["start"].as_u64().unwrap_or(0) as usize,
                    m["end"].as_u64().unwrap_or(0) as usize,
                );
                assert_eq!(doc.sentence_at(start), Some(index), "{m}");
                let entity = analysis.entity_at(start).map(|x| x.id.as_str());
                assert!(
                    entity == e["source"].as_str() || entity == e["target"].as_str(),
                    "{m} in {e}"
                );
                assert_eq!(m["text"], &doc.text[start..end]);
            }
        }
    }
    let groups: Vec<&str> = edges.iter().filter_map(|e| e["group"].as_str()).collect();
    assert!(
        groups.contains(&"cooperation")
            && groups.contains(&"conflict")
            && groups.contains(&"family_office"),
        "{groups:?}"
    );
}

#[test]
fn dot_renders_in_graphviz_with_the_arabic_names_intact() {
    let dir = Scratch::new("dot");
    let out = dir.0.join("graph.dot");
    dars_graph(None, "dot", &out);
    let dot = std::fs::read_to_string(&out).expect("written");
    let analysis = analyze(&Document::bundled());
    assert!(dot.starts_with("digraph relations {"));
    if !tool_present("dot") {
        eprintln!(
            "Graphviz is not installed (Debian: graphviz; .ci/run installs it): only the DOT text was checked"
        );
        return;
    }
    let svg = Command::new("dot")
        .arg("-Tsvg")
        .arg(&out)
        .output()
        .expect("dot runs");
    assert!(
        svg.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&svg.stderr)
    );
    let svg = String::from_utf8(svg.stdout).expect("UTF-8 SVG");
    // Graphviz declares the SVG DTD (an external one, never fetched).
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let xml = roxmltree::Document::parse_with_options(&svg, options)
        .expect("Graphviz wrote well-formed SVG");
    // Graphviz writes each name as one text element (characters it escapes read back the same).
    let texts: Vec<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    for r in &analysis.relations {
        for id in [&r.source, &r.target] {
            let name = &analysis.entity(id).expect("entity").name_ar;
            assert!(
                texts.contains(&name.as_str()),
                "{name} is not a text of Graphviz's SVG"
            );
        }
        // A count ("×3 ") may stand in front of the label, in the same run.
        assert!(
            texts.iter().any(|t| t.ends_with(r.label_ar.as_str())),
            "{} is not a text of Graphviz's SVG",
            r.label_ar
        );
    }
}

#[test]
fn svg_sets_arabic_right_to_left_in_named_fonts() {
    let dir = Scratch::new("svg");
    let out = dir.0.join("graph.svg");
    dars_graph(None, "svg", &out);
    let svg = std::fs::read_to_string(&out).expect("written");
    let xml = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let analysis = analyze(&Document::bundled());
    let texts: Vec<roxmltree::Node> = xml
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    let putin = &analysis.entity("putin").expect("Putin").name_ar;
    let node = texts
        .iter()
        .find(|t| t.text() == Some(putin.as_str()))
        .expect("Putin's Arabic name is a text element");
    assert_eq!(node.attribute("direction"), Some("rtl"));
    assert!(
        node.attribute("font-family")
            .is_some_and(|f| f.contains("Noto Naskh Arabic"))
    );
    let english = texts
        .iter()
        .find(|t| t.text() == Some("Vladimir Putin"))
        .expect("the English name");
    assert_eq!(english.attribute("direction"), None);
    let edge_groups = xml
        .descendants()
        .filter(|n| n.attribute("class") == Some("edge") && n.attribute("id").is_some())
        .count();
    assert_eq!(
        edge_groups,
        dars::graph::Graph::from_analysis(
            &Document::bundled(),
            &analysis,
            dars::graph::Nodes::Related
        )
        .edges
        .len()
    );
}

/// Words Tesseract read, without tashkeel and tatweel.
fn ocr_words(png: &Path, lang: &str) -> Option<String> {
    let out = Command::new("tesseract")
        .arg(png)
        .args(["stdout", "-l", lang, "--psm", "11"])
        .output()
        .ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .chars()
            .filter(|&c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
            .collect()
    })
}

fn png_size(path: &Path) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("PNG written"),
    ));
    let reader = decoder.read_info().expect("a valid PNG");
    (reader.info().width, reader.info().height)
}

#[test]
fn png_is_drawn_so_that_tesseract_reads_the_arabic_names() {
    let dir = Scratch::new("png");
    let out = dir.0.join("graph.png");
    dars_graph(None, "png", &out);
    let (w, h) = png_size(&out);
    assert!(w > 800 && h > 400, "{w}×{h}");
    let read = ocr_words(&out, "ara")
        .expect("tesseract is installed (Debian: tesseract-ocr-ara; .ci/run installs it)");
    let analysis = analyze(&Document::bundled());
    let graph = dars::graph::Graph::from_analysis(
        &Document::bundled(),
        &analysis,
        dars::graph::Nodes::Related,
    );
    let words: Vec<&str> = graph
        .nodes
        .iter()
        .flat_map(|n| n.name_ar.split_whitespace())
        .collect();
    let found: Vec<&&str> = words.iter().filter(|w| read.contains(**w)).collect();
    eprintln!(
        "Tesseract read {} of {} words of the names",
        found.len(),
        words.len()
    );
    assert!(
        found.len() * 10 >= words.len() * 7,
        "only {found:?} of {words:?} in {read}"
    );
}

#[test]
fn another_article_gives_its_own_diagram_in_every_format() {
    let dir = Scratch::new("other");
    let text = dir.text("other.txt", OTHER);
    let doc = Document::new("other", OTHER);
    let analysis = analyze(&doc);
    let graph = dars::graph::Graph::from_analysis(&doc, &analysis, dars::graph::Nodes::Related);
    for format in ["json", "dot", "svg", "png"] {
        let out = dir.0.join(format!("other.{format}"));
        dars_graph(Some(&text), format, &out);
        assert!(
            std::fs::metadata(&out).is_ok_and(|m| m.len() > 100),
            "{format}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.0.join("other.json")).expect("json"))
            .expect("valid");
    assert_eq!(
        json["edges"].as_array().map(Vec::len),
        Some(graph.edges.len())
    );
    assert_eq!(
        json["nodes"].as_array().map(Vec::len),
        Some(graph.nodes.len())
    );
}

#[test]
fn a_text_without_relations_gives_valid_files_that_say_so() {
    let dir = Scratch::new("empty");
    let text = dir.text("weather.txt", NO_RELATIONS);
    for format in ["json", "dot", "svg", "png"] {
        dars_graph(Some(&text), format, &dir.0.join(format!("empty.{format}")));
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.0.join("empty.json")).expect("json"))
            .expect("valid JSON");
    assert_eq!(json["nodes"].as_array().map(Vec::len), Some(0));
    assert!(
        json["message"]
            .as_str()
            .is_some_and(|m| m.contains("no relations"))
    );
    let svg = std::fs::read_to_string(dir.0.join("empty.svg")).expect("svg");
    roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert!(svg.contains("states no relations"));
    if tool_present("dot") {
        let out = Command::new("dot")
            .arg("-Tsvg")
            .arg(dir.0.join("empty.dot"))
            .output()
            .expect("dot runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let read = ocr_words(&dir.0.join("empty.png"), "eng").expect("tesseract is installed");
    assert!(
        read.contains("states no relations"),
        "Tesseract read: {read}"
    );
}

#[test]
fn a_failed_write_leaves_nothing_and_says_why() {
    let out = Path::new("/nonexistent-dars-dir/graph.png");
    let output = Command::new(env!("CARGO_BIN_EXE_dars"))
        .args(["graph", "--format", "png", "--out"])
        .arg(out)
        .output()
        .expect("the dars binary runs");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("could not write"));
    assert!(!out.exists());
    let bad = Command::new(env!("CARGO_BIN_EXE_dars"))
        .args(["graph", "--format", "gif", "--out", "x.gif"])
        .output()
        .expect("the dars binary runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("choose json, dot, png or svg"));
}
