//! Speed of the analysis (clitics, lemmas, entities, relations, JSON) on the seed and on
//! 1 MB of text, reported as throughput so the figure reads per MB.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dars::analysis::document::BUNDLED_ARTICLE;
use dars::analysis::{Document, analyze};

/// The seed repeated to at least 1 MB (2^20 bytes), cut at a paragraph end.
fn one_megabyte() -> String {
    let mut text = String::with_capacity((1 << 20) + BUNDLED_ARTICLE.len());
    while text.len() < 1 << 20 {
        text.push_str(BUNDLED_ARTICLE);
        text.push('\n');
    }
    text
}

fn analysis(c: &mut Criterion) {
    let seed = Document::bundled();
    let big_text = one_megabyte();
    let big = Document::new("1 MB", big_text.clone());
    // Build the bundled data once, as the app does, so it is not timed.
    let _ = analyze(&seed);

    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(seed.text.len() as u64));
    group.bench_function("seed article: analyze", |b| b.iter(|| analyze(&seed)));
    group.bench_function("seed article: document + analyze + JSON", |b| {
        b.iter(|| {
            let doc = Document::new("seed", BUNDLED_ARTICLE);
            analyze(&doc).to_json(&doc)
        });
    });
    group.sample_size(10);
    group.throughput(Throughput::Bytes(big.text.len() as u64));
    group.bench_function("1 MB: analyze", |b| b.iter(|| analyze(&big)));
    group.bench_function("1 MB: document + analyze", |b| {
        b.iter(|| analyze(&Document::new("1 MB", big_text.as_str())));
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
