//! `dars render` at scale: 1, 10 and 50 MB of generated text, as many short paragraphs and as
//! one paragraph, next to the bundled article, with time (criterion) and peak memory (printed).
//!
//! A page holds at most 200,000 pixels of text: past that the answer is a refusal, and
//! what is measured is how soon and at what cost it comes (before any layout when the
//! paragraphs alone cannot fit, else as soon as the laid-out lines pass the limit).

use criterion::{Criterion, criterion_group, criterion_main};
use dars::analysis::Document;
use dars::render::page::{PageOptions, render_page};

#[path = "common/peak.rs"]
mod peak;

/// The article's text repeated to `bytes`: as it is (many paragraphs), or joined into one line.
fn generated(bytes: usize, one_paragraph: bool) -> String {
    let article = Document::bundled().text;
    let unit = if one_paragraph {
        article.replace('\n', " ")
    } else {
        article
    };
    let mut text = unit.repeat(bytes / unit.len() + 1);
    text.truncate(text.floor_char_boundary(bytes));
    text
}

/// Renders once (PNG included, into memory) and returns what happened, the time, and the
/// peak resident memory above what the process held before, in MB.
fn render_once(doc: &Document) -> (String, f64, Option<f64>) {
    peak::once(|| match render_page(doc, PageOptions::default()) {
        Ok(mut page) => match page.to_png() {
            Ok(png) => format!(
                "{}×{} px, {:.1} MB PNG",
                page.width,
                page.height,
                mb(png.len())
            ),
            Err(e) => format!("error: {e}"),
        },
        Err(e) => format!("refused: {e}"),
    })
}

#[expect(clippy::cast_precision_loss, reason = "a figure to print")]
fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    let mut table = Vec::new();
    let mut cases: Vec<(String, Box<dyn Fn() -> Document>)> = vec![(
        "the article (baseline)".to_owned(),
        Box::new(Document::bundled),
    )];
    for megabytes in [1, 10, 50] {
        for (shape, one) in [("paragraphs", false), ("one paragraph", true)] {
            cases.push((
                format!("{megabytes} MB, {shape}"),
                Box::new(move || Document::new("generated", generated(megabytes * 1_048_576, one))),
            ));
        }
    }
    // One document at a time: fifty megabytes of text and its tokens are not small.
    for (name, make) in &cases {
        let doc = make();
        let (outcome, seconds, peak) = render_once(&doc);
        table.push(format!(
            "{name:<26} {:>8.3} s {:>10} MB peak  {outcome}",
            seconds,
            peak.map_or_else(|| "?".to_owned(), |p| format!("{p:.1}"))
        ));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| render_page(&doc, PageOptions::default()).map(|p| p.height))
        });
    }
    group.finish();
    eprintln!("\nrender, once each (peak resident memory above the start of each run):");
    for line in table {
        eprintln!("  {line}");
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
