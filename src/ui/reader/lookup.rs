//! The word popup's dictionaries: the lookup sites (`o` opens the first) and what the installed dictd/StarDict dictionaries say of the word.

use egui::Ui;

use super::Reader;
use crate::render::TextStyle;
use crate::ui::panel::{Command, PanelContext};

/// How many offline entries the popup shows; the rest are counted.
const MAX_ENTRIES: usize = 3;
/// A long definition is cut here (in characters) so the popup stays on screen.
const MAX_DEFINITION_CHARS: usize = 400;

impl Reader {
    /// The address of lookup site `site` for the current word.
    ///
    /// # Errors
    /// A sentence for the person: no current word, or no such site configured.
    pub(super) fn lookup_url(&self, cx: &PanelContext<'_>, site: usize) -> Result<String, String> {
        let word = self
            .position
            .word
            .ok_or_else(|| "Move to a word first, then press o to look it up.".to_owned())?;
        let site = cx.lookup_sites.get(site).ok_or_else(|| {
            "No dictionary site is set: add one in Settings → Dictionaries.".to_owned()
        })?;
        let text = cx.doc.slice(&cx.doc.tokens[word].range);
        let lemma = cx.analysis.entry_of_token(word).map(|e| e.lemma.as_str());
        Ok(site.url_for(text, lemma))
    }

    /// The sites (a button for the first, a menu of all) and the offline entries for token
    /// `word`, looked up once while its popup stays open.
    pub(super) fn lookup_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut PanelContext<'_>,
        word: usize,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.separator();
        ui.horizontal(|ui| {
            if let Some(first) = cx.lookup_sites.first() {
                let label = format!("Look up on {}", first.name);
                if ui.button(label).on_hover_text("o").clicked() {
                    commands.extend(self.lookup_url(cx, 0).ok().map(Command::OpenUrl));
                }
            }
            ui.menu_button("Dictionaries ▾", |ui| {
                for (i, site) in cx.lookup_sites.iter().enumerate() {
                    if ui.button(&site.name).clicked() {
                        commands.extend(self.lookup_url(cx, i).ok().map(Command::OpenUrl));
                        ui.close();
                    }
                }
                if cx.lookup_sites.is_empty() {
                    ui.label("No sites: add one in Settings → Dictionaries.");
                }
            });
        });
        let Some(dictionaries) = cx.dictionaries else {
            return commands;
        };
        if dictionaries.dictionaries.is_empty() {
            return commands;
        }
        if self.looked_up.as_ref().is_none_or(|(t, _)| *t != word) {
            let text = cx.doc.slice(&cx.doc.tokens[word].range);
            let lemma = cx.analysis.entry_of_token(word).map(|e| e.lemma.as_str());
            self.looked_up = Some((word, dictionaries.lookup(text, lemma)));
        }
        let Some((_, lookup)) = &self.looked_up else {
            return commands;
        };
        if lookup.entries.is_empty() {
            ui.weak("Not in the installed dictionaries.");
        }
        let headword_style = TextStyle::new(cx.style.font, 18.0);
        let definition_style = TextStyle::new(cx.style.font, 15.0);
        for entry in lookup.entries.iter().take(MAX_ENTRIES) {
            ui.small(&entry.dictionary);
            // The headword on its own line, right to left; the definition (mostly English,
            // quoting Arabic) in an English paragraph's order, held there by a left-to-right
            // mark.
            ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
                cx.typesetter.mixed_label(
                    ui,
                    &entry.headword,
                    headword_style,
                    cx.palette.text,
                    false,
                );
            });
            let mut definition = entry.definition.trim().to_owned();
            if let Some((cut, _)) = definition.char_indices().nth(MAX_DEFINITION_CHARS) {
                definition.truncate(cut);
                definition.push('…');
            }
            let definition = format!("\u{200E}{definition}");
            cx.typesetter
                .mixed_label(ui, &definition, definition_style, cx.palette.text, true);
        }
        if lookup.entries.len() > MAX_ENTRIES {
            ui.weak(format!(
                "and {} more entries",
                lookup.entries.len() - MAX_ENTRIES
            ));
        }
        for error in &lookup.errors {
            ui.weak(error.to_string());
        }
        commands
    }
}
