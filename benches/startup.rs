//! Where the window's start-up time goes, for what can be measured without a display: the
//! app on the bundled article and its first frame, next to a bare egui first frame in the
//! same run. (Creating the window and its GL context is measured under Xvfb, outside
//! `cargo bench`; see the README.)
//!
//! The first call of each step in the process is printed once (cold: the lexicon and the
//! fonts are read then); criterion then times them warm.

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use dars::analysis::Document;
use dars::ui::{DarsApp, Settings};
use egui::{Context, RawInput, Rect, pos2, vec2};

fn raw_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1100.0, 800.0))),
        ..Default::default()
    }
}

/// One frame as eframe runs it: the UI pass, then tessellation into meshes.
fn frame(ctx: &Context, ui: impl FnMut(&mut egui::Ui)) -> usize {
    let out = ctx.run_ui(raw_input(), ui);
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// Runs `step` once and prints how long it took.
fn once<T>(name: &str, step: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = step();
    eprintln!(
        "  {name:<44} {:>8.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    out
}

fn startup(c: &mut Criterion) {
    eprintln!("\nstart-up, first time in this process (cold):");
    let _ = once("the bundled article (Document)", Document::bundled);
    let doc = Document::bundled();
    let _ = once("its analysis (lexicon read on first use)", || {
        dars::analysis::analyze(&doc)
    });
    let _ = once(
        "the text engine's fonts (Typesetter)",
        dars::render::Typesetter::default,
    );
    let mut app = once("DarsApp on the bundled article", || {
        DarsApp::with_store(Settings::default(), None, None)
    });
    let ctx = Context::default();
    once("its first frame (fonts to egui, layout, glyphs)", || {
        frame(&ctx, |ui| app.ui(ui))
    });
    let bare = Context::default();
    once("baseline: a bare egui first frame", || {
        frame(&bare, |ui| {
            egui::CentralPanel::default().show(ui, |ui| ui.label("Dars"));
        })
    });

    let mut group = c.benchmark_group("startup");
    group.sample_size(20);
    group.bench_function("analysis of the bundled article", |b| {
        b.iter(|| dars::analysis::analyze(&doc).vocabulary.len());
    });
    group.bench_function("DarsApp on the bundled article", |b| {
        b.iter(|| DarsApp::with_store(Settings::default(), None, None));
    });
    group.bench_function("DarsApp and its first frame", |b| {
        b.iter(|| {
            let mut app = DarsApp::with_store(Settings::default(), None, None);
            frame(&Context::default(), |ui| app.ui(ui))
        });
    });
    group.bench_function("baseline: a bare egui first frame", |b| {
        b.iter(|| {
            frame(&Context::default(), |ui| {
                egui::CentralPanel::default().show(ui, |ui| ui.label("Dars"));
            })
        });
    });
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
