//! A stable fuzz harness over the analysis (no nightly needed): a million arbitrary texts,
//! Arabic-heavy or any Unicode, through the document, the analysis, the word-by-word lines and
//! the streamed JSON. Run once with `cargo test --release --test fuzz_analysis -- --ignored fuzz`
//! (`DARS_FUZZ_CASES` sets another count, `DARS_FUZZ_SHARD` shares it between processes);
//! the everyday suite runs the same checks on fewer cases in tests/analysis.rs.

use dars::analysis::{Document, analyze};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

#[path = "common/fuzzing.rs"]
mod fuzzing;
use fuzzing::{MILLION, fuzz};

/// Nothing panics, every range the analysis gives points into the text on character
/// boundaries, and the JSON streams whole.
fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::new("fuzz", text);
    let analysis = analyze(&doc);
    for (range, entity) in analysis.mention_spans() {
        prop_assert!(text.get(range).is_some(), "a mention off the text");
        prop_assert!(entity < analysis.entities.len());
    }
    for t in 0..doc.tokens.len() {
        let info = analysis.token(&doc, t);
        let stem = info.map(|i| i.stem).unwrap_or_default();
        prop_assert!(text.get(stem).is_some(), "a stem off the text");
        if let Some(p) = analysis.chosen_reading(t) {
            prop_assert!(p < analysis.readings(t).len());
        }
    }
    for s in 0..doc.sentences.len() {
        for item in analysis.word_by_word(&doc, s) {
            prop_assert!(text.get(item.range).is_some(), "a gloss off the text");
        }
    }
    let mut json = Vec::new();
    prop_assert!(analysis.write_json(&doc, &mut json).is_ok());
    prop_assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok());
    Ok(())
}

fn run(name: &str, strategy: impl Strategy<Value = String>) {
    fuzz(name, fuzzing::quick(MILLION), strategy, |text| check(&text));
}

#[test]
#[ignore = "a million cases: run on purpose (see the module comment)"]
fn fuzz_analysis_arabic_script() {
    run(
        "analysis of Arabic script",
        "[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF \\n.،؛؟!\\-«»()a-z0-9\\u200C-\\u200F\\u202A-\\u202E]{0,200}",
    );
}

#[test]
#[ignore = "a million cases: run on purpose (see the module comment)"]
fn fuzz_analysis_any_unicode() {
    run("analysis of any Unicode", any::<String>());
}

#[test]
#[ignore = "a million cases: run on purpose (see the module comment)"]
fn fuzz_analysis_news_words() {
    let words: Vec<String> = [
        dars::analysis::document::BUNDLED_ARTICLE,
        include_str!("articles/brazil_argentina.txt"),
        include_str!("articles/congo_rwanda.txt"),
    ]
    .iter()
    .flat_map(|t| t.split_whitespace())
    .map(str::to_owned)
    .chain(
        [
            "-",
            ".",
            "،",
            "\n",
            "الرئيسان",
            "بوساطة",
            "نظيره",
            "بن",
            "آل",
        ]
        .map(str::to_owned),
    )
    .collect();
    run(
        "analysis of news words",
        proptest::collection::vec(proptest::sample::select(words), 0..80).prop_map(|w| w.join(" ")),
    );
}
