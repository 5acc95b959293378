//! Settings → Dictionaries…: the lookup sites the word popup offers (`o` opens the first), and the offline dictionaries found.

use egui::{Context, RichText};

use crate::dictionary::{Dictionaries, DictionaryError, LookupSite, default_sites};
use crate::render::edit::{BaseDirection, TextField};
use crate::render::{FontChoice, TextStyle, Typesetter};

/// The window's draft of the sites, saved only when every address is usable.
#[derive(Default)]
pub struct DictionarySettings {
    pub open: bool,
    /// Name and address of each site, as typed.
    draft: Vec<(String, String)>,
    errors: Vec<String>,
}

impl DictionarySettings {
    /// Opens the window on the sites in use.
    pub fn start(&mut self, sites: &[LookupSite]) {
        self.open = true;
        self.draft = sites
            .iter()
            .map(|s| (s.name.clone(), s.template.clone()))
            .collect();
        self.errors.clear();
    }

    /// Draws the window when open; returns the sites to use when "Save" is pressed and all
    /// are valid. `offline` is what the dictionary folders gave (`None` while loading).
    pub fn ui(
        &mut self,
        ctx: &Context,
        ts: &mut Typesetter,
        offline: Option<(&Dictionaries, &[DictionaryError])>,
    ) -> Option<Vec<LookupSite>> {
        if !self.open {
            return None;
        }
        let mut saved = None;
        let mut open = true;
        egui::Window::new("Dictionaries")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.strong("Lookup sites");
                ui.weak("The word popup lists them; o opens the first. {word} is the word as in the text, {lemma} its dictionary form.");
                let style = TextStyle {
                    latin: true,
                    line_height: 1.6,
                    ..TextStyle::new(FontChoice::Naskh, 14.0)
                };
                let mut remove = None;
                egui::Grid::new("lookup-sites").num_columns(3).show(ui, |ui| {
                    for (i, (name, template)) in self.draft.iter_mut().enumerate() {
                        TextField::singleline(name)
                            .id_salt(("site-name", i))
                            .direction(BaseDirection::Ltr)
                            .style(style)
                            .desired_width(140.0)
                            .label("Site name")
                            .show(ui, ts);
                        TextField::singleline(template)
                            .id_salt(("site-template", i))
                            .direction(BaseDirection::Ltr)
                            .style(style)
                            .desired_width(420.0)
                            .label("Lookup address")
                            .show(ui, ts);
                        if ui.button("Remove").clicked() {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                });
                if let Some(i) = remove {
                    self.draft.remove(i);
                }
                ui.horizontal(|ui| {
                    if ui.button("Add a site").clicked() {
                        self.draft.push((String::new(), "https://".to_owned()));
                    }
                    if ui.button("Restore the defaults").clicked() {
                        self.draft = default_sites().into_iter().map(|s| (s.name, s.template)).collect();
                    }
                });
                for error in &self.errors {
                    ui.label(RichText::new(error).color(egui::Color32::from_rgb(200, 40, 40)));
                }
                ui.separator();
                ui.strong("Offline dictionaries (dictd, StarDict)");
                offline_ui(ui, offline);
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button(RichText::new("Save").strong()).clicked() {
                        match self.checked() {
                            Ok(sites) => {
                                saved = Some(sites);
                                self.open = false;
                            }
                            Err(errors) => self.errors = errors,
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        self.open = false;
                    }
                });
            });
        if !open {
            self.open = false;
        }
        saved
    }

    /// The draft as sites, or what is wrong with it (a blank row is dropped).
    fn checked(&self) -> Result<Vec<LookupSite>, Vec<String>> {
        let mut sites = Vec::new();
        let mut errors = Vec::new();
        for (name, template) in &self.draft {
            if name.trim().is_empty() && matches!(template.trim(), "" | "https://") {
                continue;
            }
            let name = if name.trim().is_empty() {
                template.as_str()
            } else {
                name.as_str()
            };
            match LookupSite::new(name, template) {
                Ok(site) => sites.push(site),
                Err(e) => errors.push(e.to_string()),
            }
        }
        if errors.is_empty() {
            Ok(sites)
        } else {
            Err(errors)
        }
    }
}

fn offline_ui(ui: &mut egui::Ui, offline: Option<(&Dictionaries, &[DictionaryError])>) {
    let Some((found, errors)) = offline else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Looking for installed dictionaries…");
        });
        return;
    };
    if found.dictionaries.is_empty() {
        ui.label("None installed. On Debian or Ubuntu: sudo apt install dict-freedict-ara-eng; StarDict dictionaries go in ~/.stardict/dic.");
    }
    for dictionary in &found.dictionaries {
        ui.label(format!(
            "{} ({} headwords)",
            dictionary.name,
            dictionary.len()
        ))
        .on_hover_text(dictionary.path.display().to_string());
    }
    for error in errors {
        ui.weak(error.to_string());
    }
}
