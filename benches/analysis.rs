//! Speed of the analysis (readings, choice, entities, relations, JSON) on the seed and on
//! generated news text of 1, 10 and 50 MB, reported as throughput so the figure reads per MB,
//! each beside a baseline in the same run: splitting the same text into sentences and tokens;
//! and the peak memory of one run at each size, printed.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dars::analysis::bama::Tables;
use dars::analysis::bama::buckwalter::to_bare_arabic;
use dars::analysis::document::BUNDLED_ARTICLE;
use dars::analysis::{Document, analyze};
use dars::arabic::tokenize::TokenKind;

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

/// The fixed linear congruential sequence of [`news_text`].
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *state >> 11
}

/// News text with words as varied as a real corpus: [`news_text`] with half its Arabic words
/// replaced by words drawn by Zipf's law from about 100,000 forms of BAMA's stems (as a text
/// writes them, some with the article or و). A 1 MB text then has some 20,000 spellings, as
/// a year of news would, where `news_text` repeats under 1,000: each spelling is analysed
/// once, so it is the spellings, more than the bytes, that the analysis pays for.
fn varied_text(bytes: usize) -> String {
    let t = Tables::bundled();
    let mut forms: Vec<String> = Vec::new();
    for (i, stem) in t.stems.iter().enumerate() {
        let bare = to_bare_arabic(t.str(stem.voc));
        if bare.chars().count() < 2 {
            continue;
        }
        match i % 3 {
            0 => forms.push(format!("ال{bare}")),
            1 => forms.push(format!("و{bare}")),
            _ => {}
        }
        forms.push(bare);
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..forms.len()).rev() {
        let j = usize::try_from(next(&mut state)).unwrap_or(0) % (i + 1);
        forms.swap(i, j);
    }
    let mut total = 0.0;
    #[expect(clippy::cast_precision_loss, reason = "a weight")]
    let cumulative: Vec<f64> = (0..forms.len())
        .map(|k| {
            total += 1.0 / (k as f64 + 1.0);
            total
        })
        .collect();
    let is_arabic_word =
        |w: &str| !w.is_empty() && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    let mut out = String::with_capacity(bytes + 4096);
    for line in news_text(bytes).lines() {
        for (i, word) in line.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let draw = next(&mut state);
            if draw & 1 == 1 && is_arabic_word(word) {
                #[expect(clippy::cast_precision_loss, reason = "a uniform draw")]
                let u = (draw >> 1) as f64 / (1u64 << 52) as f64 * total;
                let k = cumulative.partition_point(|&c| c < u).min(forms.len() - 1);
                out.push_str(&forms[k]);
            } else {
                out.push_str(word);
            }
        }
        out.push('\n');
    }
    out
}

/// How many different words a document writes.
fn spellings(doc: &Document) -> usize {
    doc.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.slice(&t.range))
        .collect::<std::collections::HashSet<_>>()
        .len()
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
    // The same, with words as varied as a real corpus (see `varied_text`).
    for mb in [1usize, 10] {
        let text = varied_text(mb << 20);
        table.push(format!(
            "{mb:>3} MB of varied words: {} spellings (news text: {})",
            spellings(&Document::new("varied", text.as_str())),
            spellings(&Document::new("news", news_text(mb << 20)))
        ));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new(
                "varied words: document + analyze + JSON",
                format!("{mb} MB"),
            ),
            &text,
            |b, text| {
                b.iter(|| {
                    let doc = Document::new("varied", text.as_str());
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
