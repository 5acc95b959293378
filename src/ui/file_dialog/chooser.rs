//! Dars's own file chooser, for desktops with no system dialog: a folder's contents, a path field, Open or Save.

use std::path::{Path, PathBuf};

use egui::{Color32, Context, Id, Modal, Role, Sense, Ui, WidgetInfo};

use super::{DialogKind, FileRequest};
use crate::render::edit::{BaseDirection, TextField};
use crate::render::{FontChoice, TextStyle, Typesetter};

/// Size of file and folder names in the list.
const NAME_SIZE: f32 = 15.0;
const LIST_HEIGHT: f32 = 320.0;
const WIDTH: f32 = 560.0;

/// What happened in the chooser this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChooserEvent {
    /// Still open.
    Open,
    Chosen(PathBuf),
    Cancelled,
}

/// One entry of the folder shown.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    name: String,
    is_folder: bool,
}

/// The chooser's state: the folder shown, the typed path or name, the selection.
pub struct Chooser {
    kind: DialogKind,
    request: FileRequest,
    folder: PathBuf,
    /// The "Go to" field: a path typed by the person.
    path_text: String,
    /// The file name field of a save dialog.
    name_text: String,
    listing: Result<Vec<Item>, String>,
    selected: Option<usize>,
    /// Lists every file, not only those the filters accept.
    all_files: bool,
    /// A save over this existing file waits for a second "Save".
    replacing: Option<PathBuf>,
    error: Option<String>,
}

impl Chooser {
    /// A chooser in the request's folder, else the home folder, else the current one.
    #[must_use]
    pub fn new(kind: DialogKind, request: FileRequest) -> Self {
        let folder = request
            .folder
            .clone()
            .filter(|f| f.is_dir())
            .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().to_owned()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        let name_text = request.file_name.clone().unwrap_or_default();
        let mut chooser = Self {
            kind,
            request,
            folder: PathBuf::new(),
            path_text: String::new(),
            name_text,
            listing: Ok(Vec::new()),
            selected: None,
            all_files: false,
            replacing: None,
            error: None,
        };
        chooser.enter(folder);
        chooser
    }

    /// The folder shown.
    #[must_use]
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn enter(&mut self, folder: PathBuf) {
        self.listing = list_folder(&folder);
        self.path_text.clear();
        self.folder = folder;
        self.selected = None;
        self.replacing = None;
        self.error = None;
    }

    fn accepts(&self, name: &str) -> bool {
        if self.all_files || self.request.filters.is_empty() {
            return true;
        }
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        self.request.filters.iter().any(|f| {
            f.extensions
                .iter()
                .any(|e| e == "*" || Some(e.to_ascii_lowercase()) == ext)
        })
    }

    /// The items listed: folders, then the files the filters accept.
    fn shown(&self) -> Vec<Item> {
        match &self.listing {
            Ok(items) => items
                .iter()
                .filter(|i| i.is_folder || self.accepts(&i.name))
                .cloned()
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Draws the chooser in a modal window over the app.
    pub fn ui(&mut self, ctx: &Context, typesetter: &mut Typesetter, why: &str) -> ChooserEvent {
        let modal = Modal::new(Id::unique("dars-file-chooser")).show(ctx, |ui| {
            ui.set_width(WIDTH);
            self.contents_ui(ui, typesetter, why)
        });
        if modal.inner != ChooserEvent::Open {
            return modal.inner;
        }
        if modal.should_close() {
            return ChooserEvent::Cancelled;
        }
        ChooserEvent::Open
    }

    fn contents_ui(&mut self, ui: &mut Ui, typesetter: &mut Typesetter, why: &str) -> ChooserEvent {
        ui.heading(&self.request.title);
        if !why.is_empty() {
            ui.label(
                egui::RichText::new(format!("{why}: this is Dars's own file chooser."))
                    .weak()
                    .small(),
            );
        }
        ui.add_space(4.0);
        let mut event = self.path_row_ui(ui, typesetter);
        ui.separator();
        if let Some(chosen) = self.list_ui(ui, typesetter) {
            event = chosen;
        }
        ui.separator();
        if self.kind == DialogKind::Save {
            ui.horizontal(|ui| {
                ui.label("File name:");
                let field = TextField::singleline(&mut self.name_text)
                    .id_salt("chooser-file-name")
                    .direction(BaseDirection::Ltr)
                    .style(field_style())
                    .label("File name")
                    .show(ui, typesetter);
                if field.submitted.is_some() {
                    event = self.confirm();
                }
            });
        }
        if !self.request.filters.is_empty() {
            let names: Vec<String> = self
                .request
                .filters
                .iter()
                .map(|f| format!("{} ({})", f.name, f.extensions.join(", ")))
                .collect();
            ui.checkbox(
                &mut self.all_files,
                format!("Show all files, not only {}", names.join("; ")),
            );
        }
        if let Some(error) = &self.error {
            ltr_label(ui, typesetter, error, ui.visuals().error_fg_color);
        }
        ui.horizontal(|ui| {
            if ui.button("Cancel").clicked() {
                event = ChooserEvent::Cancelled;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let label = match (self.kind, &self.replacing) {
                    (DialogKind::Open, _) => "Open",
                    (DialogKind::Save, None) => "Save",
                    (DialogKind::Save, Some(_)) => "Replace",
                };
                if ui.button(label).clicked() {
                    event = self.confirm();
                }
            });
        });
        event
    }

    /// The folder shown (set by Dars's text engine: folder names may be Arabic), Up and
    /// Home, and a field to type a path into: a folder and Enter goes there, a file opens.
    fn path_row_ui(&mut self, ui: &mut Ui, typesetter: &mut Typesetter) -> ChooserEvent {
        let mut event = ChooserEvent::Open;
        ui.horizontal(|ui| {
            ui.label("Folder:");
            let shown = self.folder.display().to_string();
            ltr_label(ui, typesetter, &shown, ui.visuals().strong_text_color());
        });
        ui.horizontal(|ui| {
            if ui.button("Up").on_hover_text("The folder above").clicked()
                && let Some(parent) = self.folder.parent()
            {
                self.enter(parent.to_owned());
            }
            if ui.button("Home").clicked()
                && let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_owned())
            {
                self.enter(home);
            }
            ui.label("Go to:");
            let field = TextField::singleline(&mut self.path_text)
                .id_salt("chooser-path")
                .direction(BaseDirection::Ltr)
                .style(field_style())
                .placeholder("a folder or a file, then Enter")
                .label("Go to")
                .show(ui, typesetter);
            if field.submitted.is_some() {
                event = self.go_to_typed_path();
            }
        });
        event
    }

    fn go_to_typed_path(&mut self) -> ChooserEvent {
        let typed = PathBuf::from(self.path_text.trim());
        let typed = if typed.is_relative() {
            self.folder.join(typed)
        } else {
            typed
        };
        if typed.is_dir() {
            self.enter(typed);
            ChooserEvent::Open
        } else if self.kind == DialogKind::Open && typed.is_file() {
            ChooserEvent::Chosen(typed)
        } else if self.kind == DialogKind::Save && typed.parent().is_some_and(Path::is_dir) {
            if let (Some(parent), Some(name)) = (typed.parent(), typed.file_name()) {
                self.name_text = name.to_string_lossy().into_owned();
                self.enter(parent.to_owned());
            }
            ChooserEvent::Open
        } else {
            self.error = Some(format!("{} does not exist.", typed.display()));
            ChooserEvent::Open
        }
    }

    /// The folder's contents; clicking selects, double-clicking opens. Returns a choice.
    fn list_ui(&mut self, ui: &mut Ui, typesetter: &mut Typesetter) -> Option<ChooserEvent> {
        if let Err(error) = &self.listing {
            ltr_label(ui, typesetter, error, ui.visuals().error_fg_color);
            return None;
        }
        let items = self.shown();
        let mut chosen = None;
        egui::ScrollArea::vertical()
            .max_height(LIST_HEIGHT)
            .min_scrolled_height(LIST_HEIGHT)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if items.is_empty() {
                    ui.weak("Nothing here that Dars can open.");
                }
                for (at, item) in items.iter().enumerate() {
                    let selected = self.selected == Some(at);
                    let response = item_ui(ui, typesetter, item, selected);
                    if response.clicked() {
                        self.selected = Some(at);
                        self.replacing = None;
                        if !item.is_folder && self.kind == DialogKind::Save {
                            self.name_text.clone_from(&item.name);
                        }
                    }
                    if response.double_clicked() {
                        chosen = Some(self.activate(item));
                    }
                }
            });
        chosen
    }

    /// Opens a folder, or chooses a file.
    fn activate(&mut self, item: &Item) -> ChooserEvent {
        let path = self.folder.join(&item.name);
        if item.is_folder {
            self.enter(path);
            ChooserEvent::Open
        } else {
            self.selected = None;
            if self.kind == DialogKind::Save {
                self.name_text.clone_from(&item.name);
            }
            self.confirm()
        }
    }

    /// The Open or Save button: a selected folder is entered, a file is chosen; a save over
    /// an existing file asks once more.
    fn confirm(&mut self) -> ChooserEvent {
        let items = self.shown();
        let selected = self.selected.and_then(|at| items.get(at)).cloned();
        if let Some(item) = selected.as_ref().filter(|i| i.is_folder) {
            let path = self.folder.join(&item.name);
            self.enter(path);
            return ChooserEvent::Open;
        }
        match self.kind {
            DialogKind::Open => match selected {
                Some(item) => ChooserEvent::Chosen(self.folder.join(item.name)),
                None => {
                    self.error = Some("Choose a file first.".into());
                    ChooserEvent::Open
                }
            },
            DialogKind::Save => self.confirm_save(),
        }
    }

    fn confirm_save(&mut self) -> ChooserEvent {
        let name = self.name_text.trim();
        if name.is_empty() || name.contains('/') || name.contains('\\') {
            self.error = Some("Type a file name (without folders).".into());
            return ChooserEvent::Open;
        }
        let path = self.folder.join(name);
        if path.is_dir() {
            self.error = Some(format!("{name} is a folder."));
            return ChooserEvent::Open;
        }
        if path.exists() && self.replacing.as_ref() != Some(&path) {
            self.error = Some(format!(
                "{name} already exists: press Replace to write over it."
            ));
            self.replacing = Some(path);
            return ChooserEvent::Open;
        }
        ChooserEvent::Chosen(path)
    }
}

/// One row of the list: the name set by Dars's text engine (file names may be Arabic),
/// folders ending in "/"; the row is a button for screen readers and tests.
fn item_ui(
    ui: &mut Ui,
    typesetter: &mut Typesetter,
    item: &Item,
    selected: bool,
) -> egui::Response {
    let shown = if item.is_folder {
        format!("{}/", item.name)
    } else {
        item.name.clone()
    };
    let background = ui.painter().add(egui::Shape::Noop);
    let row = ui.horizontal(|ui| {
        ui.set_min_width(ui.available_width());
        let color = if selected {
            ui.visuals().selection.stroke.color
        } else {
            ui.visuals().text_color()
        };
        ltr_label(ui, typesetter, &shown, color);
    });
    let id = ui.scope_id().with(("chooser-item", &item.name));
    let response = ui.interact(row.response.rect, id, Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &shown));
    let fill = if selected {
        ui.visuals().selection.bg_fill
    } else if response.hovered() {
        ui.visuals().widgets.hovered.weak_bg_fill
    } else {
        Color32::TRANSPARENT
    };
    ui.painter().set(
        background,
        egui::epaint::RectShape::filled(row.response.rect, 2.0, fill),
    );
    response
}

/// File names, paths and messages read left to right in this English dialog, even when
/// they start with an Arabic name (خبر.txt shows its extension on the right, as file
/// managers do): a left-to-right mark in front makes the paragraph LTR, since cosmic-text
/// takes the direction from the first strong character; the Arabic inside still reads
/// right to left.
fn ltr_label(
    ui: &mut Ui,
    typesetter: &mut Typesetter,
    text: &str,
    color: Color32,
) -> egui::Response {
    let style = TextStyle::new(FontChoice::Naskh, NAME_SIZE);
    typesetter.mixed_label(ui, &format!("\u{200E}{text}"), style, color, true)
}

/// A folder's visible entries (no dot files), folders first, each group by name.
fn list_folder(folder: &Path) -> Result<Vec<Item>, String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| format!("{} cannot be listed: {e}.", folder.display()))?;
    let mut items: Vec<Item> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            // Follows links, so a link to a folder opens like a folder.
            let is_folder = entry.path().is_dir();
            Some(Item { name, is_folder })
        })
        .collect();
    items.sort_by(|a, b| {
        b.is_folder
            .cmp(&a.is_folder)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(items)
}

/// The style of the chooser's fields: paths are mostly Latin, and may hold Arabic names.
fn field_style() -> TextStyle {
    TextStyle {
        latin: true,
        line_height: 1.6,
        ..TextStyle::new(FontChoice::Naskh, NAME_SIZE)
    }
}
