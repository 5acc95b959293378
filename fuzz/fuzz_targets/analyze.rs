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
    for t in 0..doc.tokens.len() {
        let stem = analysis.token(&doc, t).map(|i| i.stem).unwrap_or_default();
        assert!(text.get(stem).is_some(), "a stem off the text");
    }
    let _ = analysis.write_json(&doc, std::io::sink());
});
