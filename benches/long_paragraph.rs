//! The text engine alone, without the window: frames while scrolling 1 MB of text that is
//! one paragraph, next to the same 1 MB in paragraphs, both drawn through
//! `ChunkedParagraph` (the reader itself on both is in `layout.rs`).

use std::ops::Range;

use criterion::{Criterion, criterion_group, criterion_main};
use dars::analysis::Document;
use dars::arabic::tokenize::TokenKind;
use dars::render::{ArabicText, ChunkedParagraph, FontChoice, GlyphMesh, TextStyle, Typesetter};
use egui::{
    Color32, Context, Event, MouseWheelUnit, RawInput, Rect, ScrollArea, Sense, pos2, vec2,
};

const WIDTH: f32 = 1100.0;
const HEIGHT: f32 = 800.0;

fn raw_input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(WIDTH, HEIGHT))),
        events,
        ..Default::default()
    }
}

/// One frame as eframe runs it: the UI pass, then tessellation into meshes.
fn frame(ctx: &Context, input: RawInput, ui: impl FnMut(&mut egui::Ui)) -> usize {
    let out = ctx.run_ui(input, ui);
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// Scrolls down 120 points a frame for 1,000 frames, then back up: every frame shows new lines.
fn wheel(frames: &mut u32) -> Vec<Event> {
    *frames += 1;
    let down = (*frames / 1000).is_multiple_of(2);
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

/// A reader reduced to what the text engine does for it: each paragraph a
/// `ChunkedParagraph`, laid out and drawn only where the view is, with a status mark behind
/// every word and the first sentence banded, as the reader draws them.
struct Panel {
    doc: Document,
    paragraphs: Vec<ChunkedParagraph>,
    meshes: Vec<GlyphMesh>,
    marks: Vec<Vec<(Range<usize>, Color32)>>,
    tops: Vec<f32>,
    style: TextStyle,
}

impl Panel {
    fn new(doc: Document) -> Self {
        let style = TextStyle::new(FontChoice::Naskh, 22.0);
        let width = WIDTH - 60.0;
        let paragraphs: Vec<ChunkedParagraph> = doc
            .paragraphs
            .iter()
            .map(|r| ChunkedParagraph::new(doc.slice(r), r.start, style, width))
            .collect();
        let mut marks = vec![Vec::new(); paragraphs.len()];
        for sentence in &doc.sentences {
            for token in &doc.tokens[sentence.tokens.clone()] {
                if token.kind == TokenKind::Word {
                    let tint = Color32::from_rgba_unmultiplied(80, 140, 230, 60);
                    marks[sentence.paragraph].push((token.range.clone(), tint));
                }
            }
        }
        let meshes = paragraphs.iter().map(|_| GlyphMesh::default()).collect();
        let mut panel = Self {
            doc,
            paragraphs,
            meshes,
            marks,
            tops: Vec::new(),
            style,
        };
        panel.compute_tops();
        panel
    }

    fn compute_tops(&mut self) {
        let gap = self.style.size * 0.6;
        let mut y = 0.0;
        self.tops.clear();
        for p in &self.paragraphs {
            self.tops.push(y);
            y += p.height() + gap;
        }
        self.tops.push(y);
    }

    fn ui(&mut self, ui: &mut egui::Ui, ts: &mut Typesetter) {
        ts.begin_frame(ui.ctx());
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_viewport(ui, |ui, view| {
                    let count = self.paragraphs.len();
                    let first = self.tops[..count]
                        .partition_point(|&t| t <= view.min.y)
                        .saturating_sub(1);
                    // Lay out what is in view; heights found change the tops below.
                    let mut moved = false;
                    for i in first..count {
                        if self.tops[i] > view.max.y {
                            break;
                        }
                        let local = view.min.y - self.tops[i]..view.max.y - self.tops[i];
                        moved |= self.paragraphs[i].lay_out(&mut ts.fonts, local);
                    }
                    if moved {
                        self.compute_tops();
                    }
                    let (rect, _) = ui.allocate_exact_size(
                        vec2(ui.available_width(), self.tops[count]),
                        Sense::hover(),
                    );
                    for i in first..count {
                        if self.tops[i] > view.max.y {
                            break;
                        }
                        let p = &self.paragraphs[i];
                        let r = self.doc.paragraphs[i].clone();
                        let mut shown = ArabicText::chunked(p, self.doc.slice(&r))
                            .color(Color32::BLACK)
                            .marks(&self.marks[i], 1);
                        let first_sentence =
                            self.doc.sentences.partition_point(|s| s.paragraph < i);
                        if let Some(s) = self.doc.sentences.get(first_sentence) {
                            shown = shown.band(s.range.clone(), Color32::LIGHT_YELLOW);
                        }
                        let at = rect.min + vec2(20.0, self.tops[i]);
                        let size = shown.size();
                        shown.paint_cached(
                            ui.painter(),
                            ts,
                            Rect::from_min_size(at, size),
                            &mut self.meshes[i],
                        );
                    }
                });
        });
    }
}

/// The article's text repeated to about 1 MB: as it is, or joined into one paragraph.
fn megabyte(one_paragraph: bool) -> Document {
    let article = Document::bundled().text;
    let unit = if one_paragraph {
        article.replace('\n', " ")
    } else {
        article
    };
    Document::new("1 MB", unit.repeat(1_048_576 / unit.len() + 1))
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame scrolling 1 MB");
    for (name, one) in [
        ("one paragraph (ChunkedParagraph)", true),
        ("paragraphs (ChunkedParagraph)", false),
    ] {
        let ctx = Context::default();
        let mut ts = Typesetter::default();
        let mut panel = Panel::new(megabyte(one));
        for _ in 0..3 {
            frame(&ctx, raw_input(vec![]), |ui| panel.ui(ui, &mut ts));
        }
        let mut done = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                frame(&ctx, raw_input(wheel(&mut done)), |ui| {
                    panel.ui(ui, &mut ts)
                })
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
