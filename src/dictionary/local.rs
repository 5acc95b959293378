//! Installed dictionaries (dictd and StarDict), found in the usual folders and looked up offline.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::dictzip::{Dictzip, MAX_ENTRY_BYTES};
use super::{dictd, stardict};
use crate::arabic::normalize::normalize;
use crate::arabic::script::has_arabic;

/// How deep below a dictionary folder dictionaries are looked for (StarDict keeps each in a
/// folder of its own).
const MAX_FOLDER_DEPTH: usize = 3;

/// The two formats of installed dictionary Dars reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dictd,
    StarDict,
}

/// One definition found for a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The dictionary's name, as it calls itself.
    pub dictionary: String,
    /// The headword as the dictionary writes it (with its pronunciation, for some).
    pub headword: String,
    pub definition: String,
}

/// A dictionary that could not be opened or read; the others still work.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("The dictionary {path} cannot be read: {reason}.")]
pub struct DictionaryError {
    pub path: String,
    pub reason: String,
}

/// An entry of an index: where its definition is in the data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Headword {
    pub text: String,
    pub offset: u64,
    pub size: u64,
}

/// A dictionary's definitions: a plain file or a dictzip one.
#[derive(Debug, Clone)]
pub(crate) enum Data {
    Plain(PathBuf),
    Dictzip(Dictzip),
}

impl Data {
    /// The data file beside an index (`NAME.dict.dz` or `NAME.dict` for `NAME.<ext>`).
    pub fn beside(index: &Path, ext: &str) -> Result<Self, String> {
        let name = index.to_string_lossy();
        let stem = name.strip_suffix(&format!(".{ext}")).unwrap_or(&name);
        let zipped = PathBuf::from(format!("{stem}.dict.dz"));
        let plain = PathBuf::from(format!("{stem}.dict"));
        if zipped.is_file() {
            Ok(Self::Dictzip(Dictzip::open(&zipped)?))
        } else if plain.is_file() {
            Ok(Self::Plain(plain))
        } else {
            Err(format!("its data file {} is missing", zipped.display()))
        }
    }

    fn read(&self, offset: u64, size: u64) -> Result<Vec<u8>, String> {
        match self {
            Self::Dictzip(dz) => dz.read(offset, size),
            Self::Plain(path) => {
                if size > MAX_ENTRY_BYTES {
                    return Err(format!(
                        "an entry of {size} bytes is past any definition's size"
                    ));
                }
                let mut file = File::open(path).map_err(|e| e.to_string())?;
                file.seek(SeekFrom::Start(offset))
                    .map_err(|e| e.to_string())?;
                let mut bytes = Vec::new();
                file.take(size)
                    .read_to_end(&mut bytes)
                    .map_err(|e| e.to_string())?;
                if (bytes.len() as u64) < size {
                    return Err("the index points past the end of the dictionary".into());
                }
                Ok(bytes)
            }
        }
    }
}

/// An installed dictionary with its index in memory; definitions are read when looked up.
#[derive(Debug, Clone)]
pub struct Dictionary {
    pub name: String,
    pub format: Format,
    /// The index (`.index`) or description (`.ifo`) file it was opened from.
    pub path: PathBuf,
    data: Data,
    headwords: Vec<Headword>,
    /// Headwords by their matching form (see [`matching_form`]).
    by_form: HashMap<String, Vec<usize>>,
    /// StarDict's `sametypesequence`, when the entries share one layout.
    pub(crate) types: Option<String>,
}

impl Dictionary {
    pub(crate) fn new(format: Format, path: &Path, data: Data, headwords: Vec<Headword>) -> Self {
        let mut by_form: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, headword) in headwords.iter().enumerate() {
            by_form
                .entry(matching_form(&headword.text))
                .or_default()
                .push(at);
        }
        let name = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        Self {
            name,
            format,
            path: path.to_owned(),
            data,
            headwords,
            by_form,
            types: None,
        }
    }

    /// Adds other spellings that lead to existing entries (StarDict's `.syn`).
    pub(crate) fn add_synonym(&mut self, word: &str, entry: usize) {
        if entry < self.headwords.len() {
            self.by_form
                .entry(matching_form(word))
                .or_default()
                .push(entry);
        }
    }

    /// Drops entries about the dictionary itself from lookups.
    pub(crate) fn hide_headwords(&mut self, hidden: impl Fn(&str) -> bool) {
        let headwords = &self.headwords;
        self.by_form
            .retain(|_, entries| !entries.iter().all(|&at| hidden(&headwords[at].text)));
    }

    /// How many headwords the index has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.headwords.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.headwords.is_empty()
    }

    /// The raw text of the first entry whose headword is exactly `headword`.
    pub(crate) fn raw_definition(&self, headword: &str) -> Option<String> {
        let found = self.headwords.iter().find(|h| h.text == headword)?;
        let bytes = self.data.read(found.offset, found.size).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The entries whose headword has the same matching form as `form`: vowel marks and
    /// spelling variants (hamza seats, final yeh, teh marbuta) do not keep them apart.
    ///
    /// # Errors
    /// The data file cannot be read where the index points.
    pub fn lookup(&self, form: &str) -> Result<Vec<Entry>, DictionaryError> {
        let Some(found) = self.by_form.get(&matching_form(form)) else {
            return Ok(Vec::new());
        };
        let mut entries = Vec::with_capacity(found.len());
        for &at in found {
            let headword = &self.headwords[at];
            let bytes = self
                .data
                .read(headword.offset, headword.size)
                .map_err(|reason| self.error(reason))?;
            let (heading, definition) = match self.format {
                Format::Dictd => {
                    dictd::split_heading(&String::from_utf8_lossy(&bytes), &headword.text)
                }
                Format::StarDict => (
                    headword.text.clone(),
                    stardict::definition_text(&bytes, self.types.as_deref()),
                ),
            };
            entries.push(Entry {
                dictionary: self.name.clone(),
                headword: heading,
                definition,
            });
        }
        Ok(entries)
    }

    fn error(&self, reason: String) -> DictionaryError {
        DictionaryError {
            path: self.path.display().to_string(),
            reason,
        }
    }
}

/// How headwords and looked-up words are compared: Arabic normalized (see
/// [`normalize`]), other scripts lower-cased.
#[must_use]
pub fn matching_form(word: &str) -> String {
    normalize(word.trim()).to_lowercase()
}

/// The forms a word is looked up under, most exact first: itself and its lemma, each also
/// with the article ال taken off or put on (many Arabic dictionaries list القمة, not قمة).
#[must_use]
pub fn forms_to_look_up(word: &str, lemma: Option<&str>) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    for base in std::iter::once(word).chain(lemma) {
        let base = matching_form(base);
        if base.is_empty() {
            continue;
        }
        if !has_arabic(&base) {
            if !forms.contains(&base) {
                forms.push(base);
            }
            continue;
        }
        let other = match base.strip_prefix("ال") {
            Some(bare) if bare.chars().count() >= 2 => bare.to_owned(),
            Some(_) => continue,
            None => format!("ال{base}"),
        };
        for form in [base, other] {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// The dictionaries found in some folders, and the ones that could not be opened.
#[derive(Debug, Default)]
pub struct Dictionaries {
    pub dictionaries: Vec<Dictionary>,
}

/// What a lookup found in every dictionary, and which dictionaries failed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Lookup {
    pub entries: Vec<Entry>,
    pub errors: Vec<DictionaryError>,
}

impl Dictionaries {
    /// Opens every dictd (`*.index`) and StarDict (`*.ifo`) dictionary in `folders` and the
    /// folders below them. Missing folders are skipped; broken dictionaries are reported.
    #[must_use]
    pub fn load(folders: &[PathBuf]) -> (Self, Vec<DictionaryError>) {
        let mut found = Vec::new();
        for folder in folders {
            dictionary_files(folder, MAX_FOLDER_DEPTH, &mut found);
        }
        found.sort();
        found.dedup();
        let mut dictionaries = Vec::new();
        let mut errors = Vec::new();
        for path in found {
            let opened = match path.extension().and_then(|e| e.to_str()) {
                Some("ifo") => stardict::open(&path),
                _ => dictd::open(&path),
            };
            match opened {
                Ok(dictionary) => dictionaries.push(dictionary),
                Err(reason) => errors.push(DictionaryError {
                    path: path.display().to_string(),
                    reason,
                }),
            }
        }
        (Self { dictionaries }, errors)
    }

    /// Every entry for a word, under its own form and its lemma's (see [`forms_to_look_up`]),
    /// in the order the dictionaries were found, exact forms first within each.
    #[must_use]
    pub fn lookup(&self, word: &str, lemma: Option<&str>) -> Lookup {
        let forms = forms_to_look_up(word, lemma);
        let mut lookup = Lookup::default();
        for dictionary in &self.dictionaries {
            for form in &forms {
                match dictionary.lookup(form) {
                    Ok(entries) => {
                        for entry in entries {
                            if !lookup.entries.contains(&entry) {
                                lookup.entries.push(entry);
                            }
                        }
                    }
                    Err(error) => {
                        lookup.errors.push(error);
                        break;
                    }
                }
            }
        }
        lookup
    }
}

/// Where dictionaries are installed: dictd's and StarDict's system folders, then the user's.
#[must_use]
pub fn system_folders() -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = [
        "/usr/share/dictd",
        "/usr/local/share/dictd",
        "/usr/share/stardict/dic",
        "/usr/local/share/stardict/dic",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(dirs) = directories::BaseDirs::new() {
        folders.push(dirs.home_dir().join(".stardict/dic"));
        folders.push(dirs.data_dir().join("stardict/dic"));
    }
    folders
}

fn dictionary_files(folder: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && depth > 0 {
            dictionary_files(&path, depth - 1, found);
        } else if kind.is_file()
            && matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("index" | "ifo")
            )
        {
            found.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_looked_up_with_and_without_the_article() {
        assert_eq!(
            forms_to_look_up("القِمَّة", Some("قِمَّة")),
            vec![normalize("القمة"), normalize("قمة")]
        );
        assert_eq!(
            forms_to_look_up("كتب", None),
            vec!["كتب".to_owned(), "الكتب".to_owned()]
        );
        assert_eq!(forms_to_look_up("Summit", None), vec!["summit".to_owned()]);
    }
}
