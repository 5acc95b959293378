//! Fuzz target: any UTF-8 text through the document, the analysis and its JSON must
//! neither panic nor point outside the text.
#![no_main]

use dars::analysis::{Document, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = Document::new("fuzz", text);
    let analysis = analyze(&doc);
    for (range, _) in analysis.mention_spans() {
        assert!(text.get(range).is_some(), "a mention off the text");
    }
    for info in &analysis.tokens {
        assert!(text.get(info.stem.clone()).is_some(), "a stem off the text");
    }
    let _ = analysis.to_json(&doc);
});
