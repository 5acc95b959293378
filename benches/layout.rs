//! Speed of the text engine and the reader, each next to a baseline measured in the same run.

use criterion::{Criterion, criterion_group, criterion_main};
use dars::analysis::Document;
use dars::render::fonts::bundled_font_system;
use dars::render::{Direction, FontChoice, Paragraph, TextStyle};
use dars::ui::{DarsApp, PanelContext, PanelUi, Settings};
use egui::{Context, Event, Key, MouseWheelUnit, RawInput, Rect, pos2, vec2};

fn raw_input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1100.0, 800.0))),
        events,
        ..Default::default()
    }
}

/// Down 120 points a frame for 1,000 frames, then back up, so every frame shows new lines.
fn wheel(frames_done: &mut u32) -> Vec<Event> {
    *frames_done += 1;
    let down = (*frames_done / 1000).is_multiple_of(2);
    vec![
        Event::PointerMoved(pos2(500.0, 400.0)),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, if down { -120.0 } else { 120.0 }),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

/// A key pressed and released.
fn key(key: Key) -> Vec<Event> {
    [true, false]
        .map(|pressed| Event::Key {
            key,
            physical_key: Some(key),
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        })
        .into()
}

/// One frame as eframe runs it: the UI pass, then tessellation into meshes.
fn frame(ctx: &Context, input: RawInput, ui: impl FnMut(&mut egui::Ui)) -> usize {
    let out = ctx.run_ui(input, ui);
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn layout(c: &mut Criterion) {
    let doc = Document::bundled();
    let mut fonts = bundled_font_system();
    let style = TextStyle::new(FontChoice::Naskh, 22.0);
    c.bench_function(
        "layout/article: every paragraph, shaped, bidi, wrapped at 900 pt",
        |b| {
            b.iter(|| {
                doc.paragraphs
                    .iter()
                    .map(|r| {
                        Paragraph::new(
                            &mut fonts,
                            doc.slice(r),
                            r.start,
                            style,
                            Direction::Rtl,
                            Some(900.0),
                        )
                        .height()
                    })
                    .sum::<f32>()
            });
        },
    );
    let mut laid: Vec<Paragraph> = doc
        .paragraphs
        .iter()
        .map(|r| {
            Paragraph::new(
                &mut fonts,
                doc.slice(r),
                r.start,
                style,
                Direction::Rtl,
                Some(900.0),
            )
        })
        .collect();
    let mut width = 900.0;
    c.bench_function("layout/article: re-wrap after a width change", |b| {
        b.iter(|| {
            width = if width > 800.0 { 700.0 } else { 900.0 };
            for p in &mut laid {
                p.set_width(&mut fonts, Some(width));
            }
        });
    });
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    // The reader: the article through cosmic-text and the glyph atlas.
    let ctx = Context::default();
    let mut app = DarsApp::with_store(Settings::default(), None, None);
    for _ in 0..3 {
        frame(&ctx, raw_input(vec![]), |ui| app.ui(ui));
    }
    // The reader panel alone, in the same central panel as the baseline below: the like-for-like figure.
    let doc = Document::bundled();
    let analysis = dars::analysis::analyze(&doc);
    let mut session = dars::study::Session::open(None, &doc, &analysis).session;
    let mut typesetter = dars::render::Typesetter::default();
    let mut reader = dars::ui::reader::Reader::default();
    reader.status_tints = true;
    let palette = dars::ui::theme::Palette::new(false);
    let style = TextStyle::new(FontChoice::Naskh, 22.0);
    let panel_ctx = Context::default();
    let mut panel_ui = |ui: &mut egui::Ui| {
        typesetter.begin_frame(ui.ctx());
        egui::CentralPanel::default().show(ui, |ui| {
            let mut cx = PanelContext {
                doc: &doc,
                analysis: &analysis,
                session: &mut session,
                typesetter: &mut typesetter,
                style,
                palette: &palette,
                has_keys: true,
                reading: reader.position,
                now: 0,
                dictionaries: None,
                lookup_sites: &[],
            };
            let _ = reader.ui(ui, &mut cx);
        });
    };
    for _ in 0..3 {
        frame(&panel_ctx, raw_input(vec![]), &mut panel_ui);
    }
    group.bench_function("reader panel alone (the article, Dars)", |b| {
        b.iter(|| frame(&panel_ctx, raw_input(vec![]), &mut panel_ui));
    });
    // The relations panel alone, same size: the diagram of the article, every label shaped.
    let mut relations = dars::ui::relations::RelationsPanel::default();
    let relations_ctx = Context::default();
    let mut relations_ui = |ui: &mut egui::Ui| {
        typesetter.begin_frame(ui.ctx());
        egui::CentralPanel::default().show(ui, |ui| {
            let mut cx = PanelContext {
                doc: &doc,
                analysis: &analysis,
                session: &mut session,
                typesetter: &mut typesetter,
                style,
                palette: &palette,
                has_keys: true,
                reading: reader.position,
                now: 0,
                dictionaries: None,
                lookup_sites: &[],
            };
            let _ = relations.ui(ui, &mut cx);
        });
    };
    for _ in 0..3 {
        frame(&relations_ctx, raw_input(vec![]), &mut relations_ui);
    }
    group.bench_function("relations panel alone (the article's diagram, Dars)", |b| {
        b.iter(|| frame(&relations_ctx, raw_input(vec![]), &mut relations_ui));
    });
    group.bench_function("reader (the article, Dars)", |b| {
        b.iter(|| frame(&ctx, raw_input(vec![]), |ui| app.ui(ui)))
    });
    // Baseline: the same text as one plain egui::Label (no bidi, so it reads wrongly) in a scroll area.
    let text = Document::bundled().text;
    let plain = Context::default();
    let label_ui = |ui: &mut egui::Ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add(egui::Label::new(egui::RichText::new(&text).size(22.0)).wrap());
            });
        });
    };
    let mut label_ui = label_ui;
    for _ in 0..3 {
        frame(&plain, raw_input(vec![]), &mut label_ui);
    }
    group.bench_function("baseline: egui::Label (the article)", |b| {
        b.iter(|| frame(&plain, raw_input(vec![]), &mut label_ui))
    });

    // Scrolling a 1 MB text: every frame scrolls, so new lines come into view.
    let big = Document::bundled()
        .text
        .repeat(1_048_576 / Document::bundled().text.len() + 1);
    let big_ctx = Context::default();
    let mut big_app = DarsApp::with_store(Settings::default(), None, None);
    big_app.open_text("1 MB", big);
    for _ in 0..3 {
        frame(&big_ctx, raw_input(vec![]), |ui| big_app.ui(ui));
    }
    let mut frames_done = 0_u32;
    group.bench_function("reader scrolling a 1 MB text (Dars)", |b| {
        b.iter(|| {
            frame(&big_ctx, raw_input(wheel(&mut frames_done)), |ui| {
                big_app.ui(ui)
            })
        })
    });

    // The same megabyte as one paragraph (a text with no line break): laid out in pieces,
    // near the view only.
    let one_line = Document::bundled().text.replace('\n', " ");
    let one_line = one_line.repeat(1_048_576 / one_line.len() + 1);
    let line_ctx = Context::default();
    let mut line_app = DarsApp::with_store(Settings::default(), None, None);
    line_app.open_text("1 MB, one paragraph", one_line);
    for _ in 0..3 {
        frame(&line_ctx, raw_input(vec![]), |ui| line_app.ui(ui));
    }
    let mut frames_done = 0_u32;
    group.bench_function("reader scrolling a 1 MB paragraph (Dars)", |b| {
        b.iter(|| {
            frame(&line_ctx, raw_input(wheel(&mut frames_done)), |ui| {
                line_app.ui(ui);
            })
        })
    });
    // A key a frame: ↓ moves to the next sentence and scrolls it into view.
    group.bench_function("reader pressing ↓ in a 1 MB paragraph (Dars)", |b| {
        b.iter(|| {
            frame(&line_ctx, raw_input(key(Key::ArrowDown)), |ui| {
                line_app.ui(ui)
            })
        })
    });
    group.finish();
}

criterion_group!(benches, layout, frames);
criterion_main!(benches);
