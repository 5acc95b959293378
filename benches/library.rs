//! The library with 1,000 texts against one with the bundled article alone: listing it (what Ctrl+L shows) and marking a word known (one transaction that moves the counts of every text the word is in).

use criterion::{Criterion, criterion_group, criterion_main};
use dars::analysis::document::BUNDLED_ARTICLE;
use dars::analysis::{Document, analyze};
use dars::library::{Library, NewText, Source, SourceKind, TextWords};
use dars::study::{Session, Status};
use dars::ui::library_window::LibraryWindow;

fn scratch(extra: usize) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("dars-bench-{extra}-{}", std::process::id()))
}

/// A library in a fresh folder with the bundled article and `extra` texts that share its
/// words (each told apart by a line of its own, so each is a text of its own).
fn library_with(extra: usize) -> Library {
    let dir = scratch(extra);
    let _ = std::fs::remove_dir_all(&dir);
    let library = Library::open_in(&dir).expect("opens").library;
    let doc = Document::bundled();
    let words = TextWords::of(&doc, &analyze(&doc));
    let texts: Vec<NewText> = (0..extra)
        .map(|i| NewText {
            title: format!("نص رقم {i}"),
            text: format!("{BUNDLED_ARTICLE}\nنص رقم {i}"),
            source: Source::new(SourceKind::File, format!("/news/{i}.txt")),
            words: words.clone(),
        })
        .collect();
    library.add(&texts).expect("added");
    library
}

fn library(c: &mut Criterion) {
    let doc = Document::bundled();
    let analysis = analyze(&doc);
    let mut group = c.benchmark_group("library");
    for (label, extra) in [("1 text (baseline)", 0), ("1,000 texts", 999)] {
        let library = library_with(extra);
        group.bench_function(format!("{label}: list for the window"), |b| {
            b.iter(|| {
                let mut window = LibraryWindow::default();
                window.set_texts(library.texts().expect("listed"));
                window.shown().len()
            });
        });
        let mut session = Session::open(Some(library.clone()), &doc, &analysis).session;
        let key = session.cards()[0].key();
        let mut known = false;
        group.bench_function(format!("{label}: mark a word known and save"), |b| {
            b.iter(|| {
                known = !known;
                let status = if known {
                    Status::Known
                } else {
                    Status::Learning
                };
                session.set_status(&key, status);
                session.save().expect("saved");
            });
        });
        drop(session);
        drop(library);
        let _ = std::fs::remove_dir_all(scratch(extra));
    }
    group.finish();
}

criterion_group!(benches, library);
criterion_main!(benches);
