//! BAMA's tables (prefixes, stems, suffixes and the three compatibility tables), read from the
//! compact file `assets/bama/regenerate.py` writes.

use foldhash::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::buckwalter::fold_key_into;
use super::key_index::{KeyIndex, KeyIndexBuilder};
use super::solutions::affix_clitics;
use crate::analysis::assets::AssetError;

/// The converted tables (see `assets/bama/NOTICE` for their licence), kept gzip-compressed in
/// the repository and inflated by `build.rs` when the program is built.
const BAMA_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/bama.txt"));
const NAME: &str = "assets/bama/bama.txt.gz";

/// A stretch of [`Tables::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span(u32, u32);

/// A prefix or suffix (possibly several clitics and affixes written together).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Affix {
    /// Vocalized, in Buckwalter.
    pub voc: Box<str>,
    /// How many letters of the word it takes.
    pub letters: u8,
    pub category: u16,
    pub gloss: Box<str>,
    /// BAMA's part-of-speech tags, `voc/TAG` joined by `+`.
    pub tags: Box<str>,
    /// What the tags say, worked out once for all the words that use the affix.
    pub clitics: AffixClitics,
}

/// The clitics of an affix and whether it is a form news rarely use (see
/// [`super::solutions::affix_clitics`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AffixClitics {
    /// A prefix: bit `i` set for each of [`super::solutions::PROCLITICS`]. A suffix: its
    /// pronoun's index + 1 into [`super::solutions::ENCLITICS`], 0 for none.
    pub clitics: u8,
    /// Letters of the word the clitics take.
    pub letters: u8,
    /// The first or second person, or a "you", "your", "my" or "me" suffix.
    pub rare: bool,
    /// A prefix: letters of the imperfect's person prefix (ي, ت, أ, ن: `ya/IV3MS`), which
    /// every imperfect verb has.
    pub person: u8,
}

/// One stem of a lemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stem {
    pub voc: Span,
    pub category: u16,
    pub gloss: Span,
    /// A single tag (NOUN, VERB_PERFECT, …), or `voc/TAG+…` for a stem with clitics of its own.
    pub tags: Span,
    pub lemma: u32,
}

/// A lemma: BAMA's id (`katab-u_1`), the root it is filed under, and its stems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lemma {
    pub id: Span,
    pub root: Span,
    pub stems: Range<u32>,
}

/// All of BAMA, indexed by the matching key of every prefix, stem and suffix.
#[derive(Debug, Default)]
pub struct Tables {
    text: &'static str,
    pub prefixes: Vec<Affix>,
    pub suffixes: Vec<Affix>,
    pub stems: Vec<Stem>,
    pub lemmas: Vec<Lemma>,
    prefix_index: KeyIndex<u16>,
    suffix_index: KeyIndex<u16>,
    stem_index: KeyIndex<u32>,
    categories: usize,
    category_names: Vec<Box<str>>,
    ab: Vec<bool>,
    ac: Vec<bool>,
    bc: Vec<bool>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Start,
    Prefixes,
    Suffixes,
    Ab,
    Ac,
    Bc,
    Stems,
}

/// Parse state: categories are numbered as they are first seen.
#[derive(Default)]
struct Categories<'t>(HashMap<&'t str, u16>);

impl<'t> Categories<'t> {
    fn id(&mut self, name: &'t str) -> u16 {
        let next = u16::try_from(self.0.len()).unwrap_or(u16::MAX);
        *self.0.entry(name).or_insert(next)
    }

    /// The names, by id.
    fn names(&self) -> Vec<Box<str>> {
        let mut names = vec![Box::from(""); self.0.len()];
        for (&name, &id) in &self.0 {
            names[usize::from(id)] = name.into();
        }
        names
    }
}

/// Where `field`, a slice of `text`, lies in it (the file is far under 4 GB).
fn span(text: &str, field: &str) -> Span {
    let at = field.as_ptr() as usize - text.as_ptr() as usize;
    Span(
        u32::try_from(at).unwrap_or(u32::MAX),
        u32::try_from(at + field.len()).unwrap_or(u32::MAX),
    )
}

/// The pieces of `s` between `sep`s. Rows and fields here are a few bytes long, where a plain
/// loop beats `str::split`'s `memchr` (it was a third of loading the tables).
fn split_on(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut bytes = s.bytes().enumerate();
    std::iter::from_fn(move || {
        if start > s.len() {
            return None;
        }
        let end = bytes.find(|&(_, b)| b == sep).map_or(s.len(), |(i, _)| i);
        let piece = s.get(start..end).unwrap_or_default();
        start = end + 1;
        Some(piece)
    })
}

/// The tab-separated fields of a row when there are `N` of them, or how many there are.
fn fields<const N: usize>(line: &str) -> Result<[&str; N], usize> {
    let mut out = [""; N];
    let mut n = 0;
    for field in split_on(line, b'\t') {
        if let Some(slot) = out.get_mut(n) {
            *slot = field;
        }
        n += 1;
    }
    if n == N { Ok(out) } else { Err(n) }
}

impl Tables {
    /// Parses the decompressed file.
    ///
    /// # Errors
    /// A missing header or section, a row with too few fields, a stem before any lemma, or a
    /// category pair naming an unknown category.
    pub fn parse(name: &str, text: &'static str) -> Result<Self, AssetError> {
        let mut prefixes = Vec::new();
        let mut suffixes = Vec::new();
        let mut stems: Vec<Stem> = Vec::with_capacity(text.len() / 40);
        let mut lemmas: Vec<Lemma> = Vec::with_capacity(text.len() / 80);
        let mut prefix_keys = KeyIndexBuilder::with_capacity(512);
        let mut suffix_keys = KeyIndexBuilder::with_capacity(1024);
        let mut stem_keys = KeyIndexBuilder::with_capacity(text.len() / 40);
        let mut categories = Categories::default();
        let mut pairs: [Vec<(u16, u16)>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut section = Section::Start;
        let mut gloss = Span::default();
        for (i, line) in split_on(text, b'\n').enumerate() {
            let err = |m: String| AssetError::new(name, i + 1, m);
            let count = |n: usize, expected: usize| err(format!("{n} fields, expected {expected}"));
            if i == 0 {
                if !line.starts_with("dars-bama 1") {
                    return Err(err("not a dars-bama 1 file".into()));
                }
                continue;
            }
            if line.is_empty() {
                continue;
            }
            if let Some(s) = line.strip_prefix('@') {
                section = match s {
                    "prefixes" => Section::Prefixes,
                    "suffixes" => Section::Suffixes,
                    "ab" => Section::Ab,
                    "ac" => Section::Ac,
                    "bc" => Section::Bc,
                    "stems" => Section::Stems,
                    other => return Err(err(format!("unknown section @{other}"))),
                };
                continue;
            }
            match section {
                Section::Start => return Err(err("a row before any section".into())),
                Section::Prefixes | Section::Suffixes => {
                    let [unvoc, voc, category, gloss, tags] =
                        fields(line).map_err(|n| count(n, 5))?;
                    let letters = u8::try_from(unvoc.len()).unwrap_or(u8::MAX);
                    let affix = Affix {
                        voc: voc.into(),
                        letters,
                        category: categories.id(category),
                        gloss: gloss.into(),
                        tags: tags.into(),
                        clitics: affix_clitics(tags, letters, section == Section::Prefixes),
                    };
                    let (list, keys) = if section == Section::Prefixes {
                        (&mut prefixes, &mut prefix_keys)
                    } else {
                        (&mut suffixes, &mut suffix_keys)
                    };
                    keys.add(|key| fold_key_into(unvoc, key));
                    list.push(affix);
                }
                Section::Ab | Section::Ac | Section::Bc => {
                    let [a, b] = fields(line).map_err(|n| count(n, 2))?;
                    let k = match section {
                        Section::Ab => 0,
                        Section::Ac => 1,
                        _ => 2,
                    };
                    pairs[k].push((categories.id(a), categories.id(b)));
                }
                Section::Stems => {
                    if let Some(lemma) = line.strip_prefix('=') {
                        let [id, root] = fields(lemma)
                            .map_err(|_| err("a lemma line needs an id and a root".into()))?;
                        let at = u32::try_from(stems.len()).unwrap_or(u32::MAX);
                        lemmas.push(Lemma {
                            id: span(text, id),
                            root: span(text, root),
                            stems: at..at,
                        });
                        continue;
                    }
                    let [unvoc, voc, category, g, tags] = fields(line).map_err(|n| count(n, 5))?;
                    let Some(lemma) = lemmas.len().checked_sub(1) else {
                        return Err(err("a stem before any lemma".into()));
                    };
                    if !g.is_empty() {
                        gloss = span(text, g);
                    }
                    let id = u32::try_from(stems.len()).unwrap_or(u32::MAX);
                    let key = if unvoc.is_empty() { voc } else { unvoc };
                    stem_keys.add(|k| fold_key_into(key, k));
                    stems.push(Stem {
                        voc: span(text, voc),
                        category: categories.id(category),
                        gloss,
                        tags: span(text, tags),
                        lemma: u32::try_from(lemma).unwrap_or(u32::MAX),
                    });
                    lemmas[lemma].stems.end = id + 1;
                }
            }
        }
        if stems.is_empty() || prefixes.is_empty() || suffixes.is_empty() {
            return Err(AssetError::new(name, 0, "a section is missing or empty"));
        }
        let category_names = categories.names();
        let n = category_names.len();
        let [ab, ac, bc] = pairs.map(|list| {
            let mut matrix = vec![false; n * n];
            for (a, b) in list {
                matrix[usize::from(a) * n + usize::from(b)] = true;
            }
            matrix
        });
        Ok(Self {
            text,
            prefixes,
            suffixes,
            stems,
            lemmas,
            prefix_index: prefix_keys.finish(),
            suffix_index: suffix_keys.finish(),
            stem_index: stem_keys.finish(),
            categories: n,
            category_names,
            ab,
            ac,
            bc,
        })
    }

    /// The bundled tables, parsed once (about 17 ms in a release build on a 2-core machine).
    ///
    /// # Panics
    /// If the bundled file is malformed; `tests::the_bundled_tables_parse` rules that out.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static TABLES: LazyLock<Tables> = LazyLock::new(|| {
            Tables::parse(NAME, BAMA_TXT).unwrap_or_else(|e| panic!("bundled BAMA tables: {e}"))
        });
        &TABLES
    }

    /// The text of a span.
    #[must_use]
    pub fn str(&self, span: Span) -> &str {
        self.text
            .get(span.0 as usize..span.1 as usize)
            .unwrap_or_default()
    }

    /// The name of a morphological category (`PV`, `IV_yu`, `Ndu`, …).
    #[must_use]
    pub fn category(&self, id: u16) -> &str {
        self.category_names.get(usize::from(id)).map_or("", |n| n)
    }

    /// Prefixes written as `key` (matching key; "" for none).
    #[must_use]
    pub fn prefixes_of(&self, key: &str) -> &[u16] {
        self.prefix_index.get(key)
    }

    /// Suffixes written as `key`.
    #[must_use]
    pub fn suffixes_of(&self, key: &str) -> &[u16] {
        self.suffix_index.get(key)
    }

    /// Stems written as `key`.
    #[must_use]
    pub fn stems_of(&self, key: &str) -> &[u32] {
        self.stem_index.get(key)
    }

    /// Whether a prefix of category `a` goes with a stem of category `b` (table AB).
    #[must_use]
    pub fn ab(&self, a: u16, b: u16) -> bool {
        self.pair(&self.ab, a, b)
    }

    /// Whether a prefix of category `a` goes with a suffix of category `c` (table AC).
    #[must_use]
    pub fn ac(&self, a: u16, c: u16) -> bool {
        self.pair(&self.ac, a, c)
    }

    /// Whether a stem of category `b` goes with a suffix of category `c` (table BC).
    #[must_use]
    pub fn bc(&self, b: u16, c: u16) -> bool {
        self.pair(&self.bc, b, c)
    }

    fn pair(&self, matrix: &[bool], a: u16, b: u16) -> bool {
        matrix
            .get(usize::from(a) * self.categories + usize::from(b))
            .copied()
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_tables_parse() {
        let t = Tables::bundled();
        assert_eq!(t.lemmas.len(), 38_600);
        assert!(t.stems.len() > 70_000, "{} stems", t.stems.len());
        assert_eq!(t.prefixes_of("wAl").len(), 1);
        let katab = t
            .lemmas
            .iter()
            .find(|l| t.str(l.id) == "katab-u_1")
            .expect("katab-u_1 is a lemma");
        assert_eq!(t.str(katab.root), "ktb");
        let voc: Vec<&str> = (katab.stems.clone())
            .map(|s| t.str(t.stems[s as usize].voc))
            .collect();
        assert_eq!(voc, ["katab", "kotub", "kutib", "kotab"]);
    }

    #[test]
    fn malformed_files_say_where() {
        let err = |text: &'static str| Tables::parse("b.gz", text).err().map(|e| e.to_string());
        assert_eq!(
            err("hello"),
            Some("b.gz, line 1: not a dars-bama 1 file".into())
        );
        assert_eq!(
            err("dars-bama 1\n@stems\n\tkatab\tPV\twrite\tVERB"),
            Some("b.gz, line 3: a stem before any lemma".into())
        );
        assert_eq!(
            err("dars-bama 1\n@prefixes\nw\twa"),
            Some("b.gz, line 3: 2 fields, expected 5".into())
        );
    }
}
