//! The four panels: `F1`–`F4`, side columns at a wide window, tabs at a medium one, one panel at a
//! narrow one, the keys going where the user clicks, and what is remembered (headless, egui_kittest).

use dars::analysis::Document;
use dars::ui::{DarsApp, Panel, Settings};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(settings: Settings, width: f32) -> Harness<'static, DarsApp> {
    let app = DarsApp::with_store(settings, None, None);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, 900.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness
}

fn press(h: &mut Harness<'_, DarsApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// The headline, which the reader shows at the top of the text.
fn headline() -> String {
    Document::bundled().sentence_text(0).to_owned()
}

#[test]
fn f2_to_f4_open_each_side_panel_and_give_it_the_keys_and_again_hide_it() {
    let mut h = harness(Settings::default(), 1700.0);
    for (key, panel) in [
        (Key::F2, Panel::Relations),
        (Key::F3, Panel::Cards),
        (Key::F4, Panel::Quiz),
    ] {
        press(&mut h, key);
        assert!(h.state().is_open(panel), "{key:?} opens {panel:?}");
        assert_eq!(
            h.state().active(),
            panel,
            "{key:?} gives {panel:?} the keys"
        );
        assert!(h.state().shows(panel));
    }
    press(&mut h, Key::F1);
    assert_eq!(h.state().active(), Panel::Reader);
    assert!(h.state().is_open(Panel::Quiz), "F1 hides nothing");
    // A side panel that has the keys is hidden by its key; one that does not gets them.
    press(&mut h, Key::F3);
    assert_eq!(h.state().active(), Panel::Cards);
    press(&mut h, Key::F3);
    assert!(!h.state().is_open(Panel::Cards));
    assert_eq!(
        h.state().active(),
        Panel::Reader,
        "the keys go back to the text"
    );
    // The Hide button does the same: the leftmost is the diagram's, next to the text.
    let hide = h
        .get_all_by_label("Hide")
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()));
    if let Some(hide) = hide {
        hide.click();
    }
    h.run();
    assert!(!h.state().is_open(Panel::Relations));
    assert!(h.state().is_open(Panel::Quiz));
}

#[test]
fn a_wide_window_shows_the_text_beside_the_diagram_the_cards_and_the_quiz() {
    let mut h = harness(Settings::default(), 1700.0);
    for key in [Key::F2, Key::F3, Key::F4] {
        press(&mut h, key);
    }
    for panel in Panel::ALL {
        assert!(h.state().shows(*panel), "{panel:?} on screen");
    }
    let text = h.get_by_label(&headline()).rect();
    let cards = h.get_by_label_contains("1 of ").rect();
    assert!(text.width() > 300.0, "the reader keeps room for the text");
    assert!(
        cards.left() > text.right(),
        "the side panels sit right of the text"
    );
    // Each side panel in its own column: their titles side by side, left to right in key order
    // (the menu bar has a "Cards" too, left of the text).
    let titles: Vec<f32> = ["Relations", "Cards", "Quiz"]
        .iter()
        .map(|t| {
            h.get_all_by_label(t)
                .map(|n| n.rect().left())
                .filter(|&x| x > text.right())
                .fold(f32::INFINITY, f32::min)
        })
        .collect();
    assert!(titles.windows(2).all(|w| w[0] < w[1]), "{titles:?}");
}

#[test]
fn a_medium_window_puts_the_side_panels_in_tabs() {
    let mut h = harness(Settings::default(), 1150.0);
    press(&mut h, Key::F2);
    press(&mut h, Key::F3);
    assert!(h.state().shows(Panel::Reader));
    assert!(h.state().shows(Panel::Cards));
    assert!(!h.state().shows(Panel::Relations), "behind its tab");
    // The tab shows it; the reader stays.
    h.get_by_label("Relations F2").click();
    h.run();
    assert!(h.state().shows(Panel::Relations));
    assert!(!h.state().shows(Panel::Cards));
    assert!(h.state().shows(Panel::Reader));
    assert!(h.query_by_label(&headline()).is_some());
}

#[test]
fn a_narrow_window_shows_one_panel_in_the_readers_place() {
    let mut h = harness(Settings::default(), 800.0);
    press(&mut h, Key::F3);
    assert!(h.state().shows(Panel::Cards));
    assert!(!h.state().shows(Panel::Reader));
    assert!(
        h.query_by_label(&headline()).is_none(),
        "the text is behind its tab"
    );
    press(&mut h, Key::F1);
    assert!(h.state().shows(Panel::Reader));
    assert!(!h.state().shows(Panel::Cards));
    // The tabs switch too.
    h.get_by_label("Cards F3").click();
    h.run();
    assert!(h.state().shows(Panel::Cards));
}

#[test]
fn a_click_in_a_panel_gives_it_the_keys() {
    let mut h = harness(Settings::default(), 1700.0);
    press(&mut h, Key::F3);
    press(&mut h, Key::F1);
    assert_eq!(h.state().active(), Panel::Reader);
    h.get_by_label_contains("1 of ").click();
    h.run();
    assert_eq!(h.state().active(), Panel::Cards);
    // Space now flips the card instead of doing nothing in the reader.
    press(&mut h, Key::Space);
    assert!(h.state().panels().cards.flipped);
}

#[test]
fn open_panels_are_remembered_with_the_settings() {
    let mut h = harness(Settings::default(), 1700.0);
    press(&mut h, Key::F2);
    press(&mut h, Key::F4);
    let settings = h.state().settings().clone();
    assert_eq!(
        settings.panels.open_sides(),
        vec![Panel::Relations, Panel::Quiz]
    );
    // The next start, with what eframe stored.
    let json = serde_json::to_string(&settings).unwrap_or_default();
    let restored: Settings = serde_json::from_str(&json).unwrap_or_default();
    let h = harness(restored, 1700.0);
    assert!(h.state().shows(Panel::Relations));
    assert!(h.state().shows(Panel::Quiz));
    assert!(!h.state().shows(Panel::Cards));
}

#[test]
fn the_current_sentence_stays_in_view_through_theme_font_size_and_panel_changes() {
    let mut h = harness(Settings::default(), 1300.0);
    for _ in 0..14 {
        press(&mut h, Key::J);
    }
    let doc = Document::bundled();
    let current = doc.sentence_text(14).to_owned();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1300.0, 900.0));
    let in_view = |h: &Harness<'_, DarsApp>| {
        let rect = h.get_by_label(&current).rect();
        window.contains_rect(rect)
    };
    assert!(in_view(&h), "in view after moving to it");
    for (key, modifiers) in [
        (Key::D, Modifiers::NONE),
        (Key::F, Modifiers::NONE),
        (Key::Equals, Modifiers::COMMAND),
        (Key::Equals, Modifiers::COMMAND),
        (Key::F3, Modifiers::NONE),
        (Key::F1, Modifiers::NONE),
        (Key::F2, Modifiers::NONE),
    ] {
        h.key_press_modifiers(modifiers, key);
        h.run();
        h.run();
        assert!(in_view(&h), "still in view after {modifiers:?} {key:?}");
    }
    assert_eq!(h.state().position().sentence, 14);
}

#[test]
fn a_megabyte_text_reopens_at_the_saved_sentence_not_in_the_middle() {
    // The article repeated to 1 MB (many paragraphs): laid out near the view only.
    let article = Document::bundled().text;
    let text = article.repeat(1_048_576 / article.len() + 1);
    let doc = Document::new("1 MB", text.clone());
    let dir = std::env::temp_dir().join(format!("dars-panels-1mb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let file = dir.join("text.txt");
    std::fs::write(&file, &text).expect("written");
    let store = dars::study::ProgressStore::in_dir(dir.join("data"));
    for saved in [3, doc.sentences.len() / 4, doc.sentences.len() - 2] {
        // The place in the text, as the app saves it when it leaves a text.
        let settings = dars::study::StudySettings {
            sentence: saved,
            ..Default::default()
        };
        dars::library::Library::open_in(store.dir())
            .expect("the library opens")
            .library
            .save_changes(
                &dars::study::document_key(&text),
                &dars::library::Changes {
                    settings: Some(&settings),
                    ..Default::default()
                },
            )
            .expect("progress saved");
        let app = DarsApp::with_store(Settings::default(), Some(file.clone()), Some(store.clone()));
        let mut h = Harness::builder()
            .with_size(egui::vec2(1300.0, 900.0))
            .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
        h.run();
        h.run();
        assert_eq!(h.state().position().sentence, saved);
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1300.0, 900.0));
        let label = doc.sentence_text(saved).to_owned();
        // The text repeats: the same sentence may be labelled more than once.
        let rects: Vec<egui::Rect> = h.query_all_by_label(&label).map(|n| n.rect()).collect();
        assert!(
            rects.iter().any(|r| window.contains_rect(*r)),
            "sentence {saved} of {} at {rects:?}",
            doc.sentences.len()
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}
