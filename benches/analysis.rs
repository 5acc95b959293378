//! Speed of the analysis (readings, choice, entities, relations, JSON) on the seed and on
//! generated news text of 1, 10 and 50 MB, reported as throughput so the figure reads per MB,
//! each beside a baseline in the same run: splitting the same text into sentences and tokens;
//! and the peak memory of one run at each size, printed.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dars::analysis::document::BUNDLED_ARTICLE;
use dars::analysis::{Document, analyze};

#[path = "common/peak.rs"]
mod peak;

/// News text of at least `bytes` bytes: the paragraphs of the bundled article and of the test
/// articles, in an order that changes from one copy to the next (a fixed linear congruential
/// sequence, so every run times the same text), with numbers that differ, as a year of news
/// would repeat its words but not its sentences.
fn news_text(bytes: usize) -> String {
    let sources = [
        BUNDLED_ARTICLE,
        include_str!("../tests/articles/brazil_argentina.txt"),
        include_str!("../tests/articles/congo_rwanda.txt"),
        include_str!("../tests/articles/saudi_iran.txt"),
    ];
    let paragraphs: Vec<&str> = sources
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut text = String::with_capacity(bytes + 4096);
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut n = 0u64;
    while text.len() < bytes {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let p = paragraphs[(state >> 33) as usize % paragraphs.len()];
        text.push_str(p);
        n += 1;
        text.push_str(&format!(" ({n})\n"));
    }
    text
}

fn analysis(c: &mut Criterion) {
    let seed = Document::bundled();
    // Build the bundled data once, as the app does, so it is not timed.
    let _ = analyze(&seed);

    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(seed.text.len() as u64));
    group.bench_function("seed article: analyze", |b| b.iter(|| analyze(&seed)));
    group.bench_function("seed article: document + analyze + JSON", |b| {
        b.iter(|| {
            let doc = Document::new("seed", BUNDLED_ARTICLE);
            analyze(&doc).write_json(&doc, std::io::sink())
        });
    });
    group.finish();

    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    let mut table = Vec::new();
    for mb in [1usize, 10, 50] {
        let text = news_text(mb << 20);
        // Once, for the peak memory: the document, its analysis and the JSON written out.
        let (_, seconds, peak) = peak::once(|| {
            let doc = Document::new("news", text.as_str());
            analyze(&doc).write_json(&doc, std::io::sink())
        });
        #[expect(clippy::cast_precision_loss, reason = "a figure to print")]
        let times = peak.map(|p| p / (text.len() as f64 / 1_048_576.0));
        table.push(format!(
            "{mb:>3} MB {seconds:>7.3} s {:>8} MB peak ({} × the text)",
            peak.map_or_else(|| "?".to_owned(), |p| format!("{p:.0}")),
            times.map_or_else(|| "?".to_owned(), |t| format!("{t:.1}"))
        ));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("baseline: document only", format!("{mb} MB")),
            &text,
            |b, text| {
                b.iter(|| Document::new("news", text.as_str()));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("document + analyze + JSON", format!("{mb} MB")),
            &text,
            |b, text| {
                b.iter(|| {
                    let doc = Document::new("news", text.as_str());
                    analyze(&doc).write_json(&doc, std::io::sink())
                });
            },
        );
    }
    group.finish();
    eprintln!("\nanalysis, once each (peak resident memory above the start of each run):");
    for line in table {
        eprintln!("  {line}");
    }
}

criterion_group!(benches, analysis);
criterion_main!(benches);
