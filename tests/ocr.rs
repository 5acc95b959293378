//! `dars render` of the article, read back by Tesseract's Arabic model: a rendering that is
//! joined and right to left is readable; a left-to-right or unjoined one reads as noise.

use std::collections::HashMap;
use std::process::Command;

use dars::analysis::Document;
use dars::arabic::tokenize::TokenKind;

/// Drops tashkeel and tatweel: OCR output and the article are compared by their letters.
fn letters(word: &str) -> String {
    word.chars()
        .filter(|&c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .collect()
}

fn ocr_recall(font: &str) -> f64 {
    let dir = std::env::temp_dir().join(format!("dars-ocr-{}-{font}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let png = dir.join("page.png");
    let status = Command::new(env!("CARGO_BIN_EXE_dars"))
        .args(["render", "--out"])
        .arg(&png)
        .args(["--width", "1400", "--size", "22", "--font", font])
        .status()
        .expect("run dars render");
    assert!(status.success(), "dars render failed");
    let out = Command::new("tesseract")
        .arg(&png)
        .args(["stdout", "-l", "ara", "--psm", "4"])
        .output()
        .expect("tesseract is installed (Debian: tesseract-ocr-ara; .ci/run installs it)");
    assert!(
        out.status.success(),
        "tesseract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for w in Document::new("ocr", read.clone())
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
    {
        let doc_text = &read[w.range.clone()];
        *seen.entry(letters(doc_text)).or_default() += 1;
    }
    let doc = Document::bundled();
    let words: Vec<String> = doc
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| letters(doc.slice(&t.range)))
        .collect();
    let found = words
        .iter()
        .filter(|w| match seen.get_mut(*w) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count();
    std::fs::remove_dir_all(&dir).ok();
    #[expect(clippy::cast_precision_loss, reason = "word counts")]
    let recall = found as f64 / words.len() as f64;
    eprintln!(
        "{font}: Tesseract read {found} of {} words ({:.1}%)",
        words.len(),
        recall * 100.0
    );
    recall
}

#[test]
fn tesseract_reads_back_at_least_95_percent_of_the_words_in_noto_naskh() {
    let recall = ocr_recall("naskh");
    assert!(
        recall >= 0.95,
        "only {:.1}% of the words were read back",
        recall * 100.0
    );
}
