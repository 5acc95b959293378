//! Dars's own file chooser, used where no system dialog answers, driven like a user would (headless, egui_kittest).

use std::path::{Path, PathBuf};

use dars::render::Typesetter;
use dars::ui::file_dialog::{Backend, FileDialogs, FileRequest, Picked};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const WHY: &str = "No desktop file dialog answered (test)";

struct State {
    dialogs: FileDialogs<&'static str>,
    typesetter: Typesetter,
    picked: Vec<Picked<&'static str>>,
}

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// A folder with an Arabic-named subfolder, texts, a picture and a hidden file.
fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("dars-chooser-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(dir.join("مقالات")).ok();
    for file in [
        "a.txt",
        "image.png",
        ".hidden.txt",
        "deck.apkg",
        "مقالات/خبر.txt",
        "مقالات/notes.pdf",
    ] {
        std::fs::write(dir.join(file), "x").ok();
    }
    Scratch(dir)
}

fn harness() -> Harness<'static, State> {
    let state = State {
        dialogs: FileDialogs::in_app(WHY),
        typesetter: Typesetter::default(),
        picked: Vec::new(),
    };
    let harness = Harness::builder()
        .with_size(egui::vec2(900.0, 700.0))
        .build_ui_state(
            |ui, state: &mut State| {
                state.typesetter.begin_frame(ui.ctx());
                if let Some(picked) = state.dialogs.poll(ui.ctx(), &mut state.typesetter) {
                    state.picked.push(picked);
                }
            },
            state,
        );
    harness.ctx.set_fonts(fonts_for_typing());
    harness
}

/// As in the app: text fields fall back to Noto Naskh for Arabic typed into them.
fn fonts_for_typing() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    let naskh = egui::FontData::from_static(dars::render::FontChoice::Naskh.regular_bytes());
    fonts
        .font_data
        .insert("naskh".into(), std::sync::Arc::new(naskh));
    fonts
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default()
        .push("naskh".into());
    fonts
}

fn open_texts(h: &mut Harness<'_, State>, folder: &Path) {
    let ctx = h.ctx.clone();
    let request = FileRequest::new("Open a text")
        .filter("Texts", &["txt", "html", "epub"])
        .folder(folder.to_owned());
    h.state_mut().dialogs.open(&ctx, "open", request);
    h.run();
}

fn click_button(h: &mut Harness<'_, State>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

fn shows(h: &Harness<'_, State>, label: &str) -> bool {
    h.query_by_role_and_label(Role::Button, label).is_some()
}

#[test]
fn folders_and_the_files_asked_for_are_listed_and_one_is_picked() {
    let dir = scratch("pick");
    let mut h = harness();
    open_texts(&mut h, &dir.0);
    assert!(h.state().dialogs.is_open());
    assert!(
        h.query_by_label_contains("this is Dars's own file chooser")
            .is_some()
    );
    assert!(shows(&h, "مقالات/"));
    assert!(shows(&h, "a.txt"));
    assert!(!shows(&h, "image.png"), "filtered out");
    assert!(!shows(&h, ".hidden.txt"), "hidden");
    // Into the Arabic-named folder: select it, then Open enters it.
    click_button(&mut h, "مقالات/");
    click_button(&mut h, "Open");
    assert!(shows(&h, "خبر.txt"));
    assert!(!shows(&h, "notes.pdf"));
    click_button(&mut h, "خبر.txt");
    click_button(&mut h, "Open");
    assert_eq!(
        h.state().picked,
        vec![Picked {
            purpose: "open",
            path: dir.0.join("مقالات").join("خبر.txt"),
        }]
    );
    assert!(!h.state().dialogs.is_open());
}

#[test]
fn up_goes_to_the_folder_above_and_all_files_can_be_shown() {
    let dir = scratch("up");
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().dialogs.open(
        &ctx,
        "open",
        FileRequest::new("Open a text")
            .filter("Texts", &["txt"])
            .folder(dir.0.join("مقالات")),
    );
    h.run();
    assert!(shows(&h, "خبر.txt"));
    click_button(&mut h, "Up");
    assert!(shows(&h, "مقالات/"));
    assert!(!shows(&h, "image.png"));
    h.get_by_label_contains("Show all files").click();
    h.run();
    assert!(shows(&h, "image.png"));
}

#[test]
fn cancel_and_escape_close_without_a_pick() {
    let dir = scratch("cancel");
    let mut h = harness();
    open_texts(&mut h, &dir.0);
    click_button(&mut h, "Cancel");
    assert!(!h.state().dialogs.is_open());
    open_texts(&mut h, &dir.0);
    assert!(h.state().dialogs.is_open());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().dialogs.is_open());
    assert_eq!(h.state().picked, vec![]);
}

#[test]
fn a_typed_path_opens_that_folder() {
    let dir = scratch("typed");
    let mut h = harness();
    open_texts(&mut h, std::env::temp_dir().as_path());
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.get_by_role(Role::TextInput)
        .type_text(&dir.0.join("مقالات").display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(shows(&h, "خبر.txt"));
    // A path that is not there says so, and the folder stays.
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text("لا-يوجد");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("لا-يوجد does not exist.")
            .is_some()
    );
    assert!(shows(&h, "خبر.txt"));
}

#[test]
fn saving_over_an_existing_file_asks_first() {
    let dir = scratch("save");
    let mut h = harness();
    let ctx = h.ctx.clone();
    let request = FileRequest::new("Export cards")
        .filter("Anki package", &["apkg"])
        .file_name("deck.apkg")
        .folder(dir.0.clone());
    h.state_mut().dialogs.save(&ctx, "export", request);
    h.run();
    assert!(shows(&h, "deck.apkg"));
    assert!(!shows(&h, "a.txt"));
    click_button(&mut h, "Save");
    assert!(h.query_by_label_contains("already exists").is_some());
    assert_eq!(h.state().picked, vec![]);
    click_button(&mut h, "Replace");
    assert_eq!(
        h.state().picked,
        vec![Picked {
            purpose: "export",
            path: dir.0.join("deck.apkg"),
        }]
    );
    assert_eq!(h.state().dialogs.backend(), &Backend::InApp(WHY.to_owned()));
}
