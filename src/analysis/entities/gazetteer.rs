//! The gazetteer: people, states, capitals, places, organizations, documents and events with
//! their spellings, nationality adjectives and titles (`assets/gazetteer.tsv`, then every state
//! and capital of `assets/countries/states.tsv`).

use foldhash::{HashMap, HashMapExt as _};
use std::sync::LazyLock;

use super::{EntityKind, MentionVia};
use crate::analysis::assets::{AssetError, GAZETTEER_TSV, STATES_TSV, list, tsv_rows};
use crate::arabic::normalize::normalize;

/// What a person's office is: head of a state (`leader_of`) or another office of it (`office`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficeKind {
    Leader,
    Other,
}

impl OfficeKind {
    /// The relation kind a title states.
    #[must_use]
    pub fn relation(self) -> &'static str {
        match self {
            Self::Leader => "leader_of",
            Self::Other => "office",
        }
    }
}

/// An office held in a state or organization (by its id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    pub of: String,
    pub office_en: String,
    pub office_ar: String,
    pub kind: OfficeKind,
}

/// One entry of the gazetteer (or a person a document introduces, see `Catalogue`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazEntry {
    pub id: String,
    pub kind: EntityKind,
    pub name_en: String,
    pub name_ar: String,
    /// The state whose government this capital stands for in the news.
    pub capital_of: Option<String>,
    /// The office this person holds (as of the gazetteer's writing).
    pub office: Option<Office>,
}

pub(crate) struct Alias {
    pub words: Vec<String>,
    pub entries: Vec<usize>,
    pub via: MentionVia,
}

/// The gazetteer, indexed by the first word of every alias.
#[derive(Default)]
pub struct Gazetteer {
    pub entries: Vec<GazEntry>,
    pub(crate) aliases: Vec<Alias>,
    pub(crate) by_first_word: HashMap<String, Vec<usize>>,
    index: HashMap<(Vec<String>, MentionVia), usize>,
    ids: HashMap<String, usize>,
}

/// The matching form of a word of a name: normalized, with ج and غ as one letter (foreign
/// /g/ is written either way: جونج / جونغ) and Arabic-Indic digits as ASCII. Keeps one
/// letter per letter of the original, like [`crate::arabic::normalize::normalize`].
#[must_use]
pub fn name_key(word: &str) -> String {
    normalize(word)
        .chars()
        .map(|c| match c {
            'غ' => 'ج',
            '٠'..='٩' => char::from(b'0' + (u32::from(c) - 0x0660) as u8),
            '۰'..='۹' => char::from(b'0' + (u32::from(c) - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

/// The name keys of a list of words, for quick membership tests (a word list written as texts
/// write it: الرئيسان, not its key الرءيسان).
#[must_use]
pub fn key_set(words: &[&str]) -> foldhash::HashSet<String> {
    words.iter().map(|w| name_key(w)).collect()
}

/// The words of a phrase as names are matched (a hyphen separates words: مون جاي-إن).
#[must_use]
pub fn phrase_key(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(name_key)
        .filter(|w| !w.is_empty())
        .collect()
}

const COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "name_en",
    "name_ar",
    "aliases",
    "nisba",
    "titles",
    "capital_of",
    "leads",
    "office_en",
    "office_ar",
];

impl Gazetteer {
    /// Parses one gazetteer TSV (see the header comment of `assets/gazetteer.tsv`).
    ///
    /// # Errors
    /// A row without an id, names or a known kind, a duplicate id, `leads` without an office,
    /// or a reference to an id no row has.
    pub fn parse(name: &str, tsv: &str) -> Result<Self, AssetError> {
        Self::parse_all(&[(name, tsv)])
    }

    /// Parses several gazetteer files; an id a later file repeats adds that row's spellings
    /// to the earlier entry, which keeps its names, capital and office.
    ///
    /// # Errors
    /// As [`Self::parse`].
    pub fn parse_all(files: &[(&str, &str)]) -> Result<Self, AssetError> {
        let mut g = Self::default();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for &(name, tsv) in files {
            let mut seen_here: Vec<usize> = Vec::new();
            for row in tsv_rows(name, tsv, &COLUMNS)? {
                let (line, f) = row?;
                let f: Vec<&str> = f.iter().map(|s| s.trim()).collect();
                let err = |m: &str| AssetError::new(name, line, m);
                let kind = EntityKind::parse(f[1]).ok_or_else(|| err("unknown kind"))?;
                if f[0].is_empty() || f[2].is_empty() || f[3].is_empty() {
                    return Err(err("id, name_en and name_ar are required"));
                }
                let office = match (f[8], f[9], f[10]) {
                    ("", _, _) => None,
                    (state, en, ar) if !en.is_empty() && !ar.is_empty() => Some(Office {
                        of: state.to_owned(),
                        office_en: en.to_owned(),
                        office_ar: ar.to_owned(),
                        kind: OfficeKind::Leader,
                    }),
                    _ => return Err(err("leads needs office_en and office_ar")),
                };
                let entry = match ids.get(f[0]) {
                    Some(&e) if seen_here.contains(&e) => return Err(err("duplicate id")),
                    Some(&e) => e,
                    None => {
                        g.entries.push(GazEntry {
                            id: f[0].to_owned(),
                            kind,
                            name_en: f[2].to_owned(),
                            name_ar: f[3].to_owned(),
                            capital_of: (!f[7].is_empty()).then(|| f[7].to_owned()),
                            office,
                        });
                        ids.insert(f[0].to_owned(), g.entries.len() - 1);
                        g.entries.len() - 1
                    }
                };
                seen_here.push(entry);
                let names = std::iter::once(f[3]).chain(list(f[4]));
                let all = names
                    .map(|n| (n, MentionVia::Name))
                    .chain(list(f[5]).map(|n| (n, MentionVia::Nisba)))
                    .chain(list(f[6]).map(|n| (n, MentionVia::Title)));
                for (phrase, via) in all {
                    g.add_alias(phrase_key(phrase), via, entry);
                }
            }
        }
        for (i, alias) in g.aliases.iter().enumerate() {
            g.by_first_word
                .entry(alias.words[0].clone())
                .or_default()
                .push(i);
        }
        for e in &g.entries {
            let refs = e.capital_of.iter().chain(e.office.as_ref().map(|o| &o.of));
            if let Some(bad) = refs.into_iter().find(|r| !ids.contains_key(r.as_str())) {
                let file = files.first().map_or("gazetteer", |f| f.0);
                return Err(AssetError::new(
                    file,
                    0,
                    format!("{} refers to unknown id {bad}", e.id),
                ));
            }
        }
        g.ids = ids;
        Ok(g)
    }

    fn add_alias(&mut self, words: Vec<String>, via: MentionVia, entry: usize) {
        if words.is_empty() {
            return;
        }
        let aliases = &mut self.aliases;
        let alias = *self.index.entry((words.clone(), via)).or_insert_with(|| {
            aliases.push(Alias {
                words,
                entries: Vec::new(),
                via,
            });
            aliases.len() - 1
        });
        if !self.aliases[alias].entries.contains(&entry) {
            self.aliases[alias].entries.push(entry);
        }
    }

    /// `assets/gazetteer.tsv` and `assets/countries/states.tsv`, parsed once.
    ///
    /// # Panics
    /// If a bundled file is malformed; `tests::the_bundled_gazetteer_parses` rules that out.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
            Gazetteer::parse_all(&[
                ("assets/gazetteer.tsv", GAZETTEER_TSV),
                ("assets/countries/states.tsv", STATES_TSV),
            ])
            .unwrap_or_else(|e| panic!("bundled gazetteer: {e}"))
        });
        &GAZETTEER
    }

    /// The entry with `id`.
    #[must_use]
    pub fn entry_by_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Entries whose office (the first word of a title) is `word`, e.g. all the presidents.
    pub(crate) fn holders_of(&self, word: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .aliases
            .iter()
            .filter(|a| a.via == MentionVia::Title && a.words[0] == word)
            .flat_map(|a| a.entries.iter().copied())
            .collect();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_gazetteer_parses() {
        let parsed = Gazetteer::parse_all(&[
            ("assets/gazetteer.tsv", GAZETTEER_TSV),
            ("assets/countries/states.tsv", STATES_TSV),
        ]);
        let g = parsed.as_ref().expect("the bundled gazetteer parses");
        let states = g
            .entries
            .iter()
            .filter(|e| e.kind == EntityKind::State)
            .count();
        assert!(
            states > 193,
            "{states} states (the UN's 193 and the Soviet Union)"
        );
        // A state both files list is one entry, with the spellings of both.
        let russia = g.entry_by_id("russia").expect("Russia");
        assert_eq!(g.entries.iter().filter(|e| e.id == "russia").count(), 1);
        let plural = phrase_key("روسيون");
        assert!(
            g.aliases
                .iter()
                .any(|a| a.words == plural && a.entries == [russia])
        );
    }

    #[test]
    fn a_row_referring_to_an_unknown_state_is_refused() {
        let header = COLUMNS.join("\t");
        let err = Gazetteer::parse(
            "g.tsv",
            &format!("{header}\nx\tplace\tX\tاكس\t\t\t\tnowhere"),
        );
        assert_eq!(
            err.err().map(|e| e.to_string()),
            Some("g.tsv, line 0: x refers to unknown id nowhere".into())
        );
    }
}
