//! Entities: the gazetteer of names, and the mentions of its entries found in a document.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use super::assets::{AssetError, GAZETTEER_TSV, list, tsv_rows};
use super::document::Document;
use super::morphology::prefixes;
use crate::arabic::normalize::{letter_offsets, normalize};
use crate::arabic::tokenize::TokenKind;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    State,
    /// Cities, islands, regions.
    Place,
    Organization,
    Document,
    Event,
}

impl EntityKind {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "person" => Self::Person,
            "state" => Self::State,
            "place" => Self::Place,
            "organization" => Self::Organization,
            "document" => Self::Document,
            "event" => Self::Event,
            _ => return None,
        })
    }
}

/// One entry of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazEntry {
    pub id: String,
    pub kind: EntityKind,
    pub name_en: String,
    pub name_ar: String,
    /// The state whose government this capital stands for in the news.
    pub capital_of: Option<String>,
    /// The state this person heads, and the office in English and Arabic.
    pub leads: Option<(String, String, String)>,
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionVia {
    /// Its name or a variant of it (possibly a short form shared with others).
    Name,
    /// A title that names one person (الرئيس الروسي).
    Title,
    /// An office and "current" (الزعيم الحالي).
    Office,
    /// A nisba adjective of a state (الروسي, كوريين شماليين).
    Nisba,
}

/// One stretch of text that names an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub sentence: usize,
    /// Bytes of the mention, without the proclitics in front of it (و in وبيونج يانج).
    pub start: usize,
    pub end: usize,
    /// Token indices the mention spans.
    #[serde(skip)]
    pub tokens: Range<usize>,
    pub via: MentionVia,
}

impl Mention {
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// An entity the document mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Index in [`Gazetteer::entries`].
    pub entry: usize,
    pub id: String,
    pub kind: EntityKind,
    pub name_en: String,
    pub name_ar: String,
    /// In text order.
    pub mentions: Vec<Mention>,
}

struct Alias {
    words: Vec<String>,
    entries: Vec<usize>,
    via: MentionVia,
}

/// The gazetteer, indexed by the first word of every alias.
#[derive(Default)]
pub struct Gazetteer {
    pub entries: Vec<GazEntry>,
    aliases: Vec<Alias>,
    by_first_word: HashMap<String, Vec<usize>>,
}

/// Words that make an office name its current holder (الزعيم الحالي).
const CURRENT: [&str; 2] = ["الحالي", "الحاليه"];

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

fn phrase_key(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(name_key)
        .filter(|w| !w.is_empty())
        .collect()
}

const COLUMNS: usize = 11;

impl Gazetteer {
    /// Parses the gazetteer TSV (see the header comment of `assets/gazetteer.tsv`).
    ///
    /// # Errors
    /// A row without an id, names or a known kind, a duplicate id, or `leads` without an office.
    pub fn parse(name: &str, tsv: &str) -> Result<Self, AssetError> {
        let mut g = Self::default();
        let mut index: HashMap<(Vec<String>, MentionVia), usize> = HashMap::new();
        for row in tsv_rows(name, tsv, COLUMNS) {
            let (line, f) = row?;
            let f: Vec<&str> = f.iter().map(|s| s.trim()).collect();
            let err = |m: &str| AssetError::new(name, line, m);
            let kind = EntityKind::parse(f[1]).ok_or_else(|| err("unknown kind"))?;
            if f[0].is_empty() || f[2].is_empty() || f[3].is_empty() {
                return Err(err("id, name_en and name_ar are required"));
            }
            if g.entries.iter().any(|e| e.id == f[0]) {
                return Err(err("duplicate id"));
            }
            let leads = match (f[8], f[9], f[10]) {
                ("", _, _) => None,
                (state, office_en, office_ar) if !office_en.is_empty() && !office_ar.is_empty() => {
                    Some((state.to_owned(), office_en.to_owned(), office_ar.to_owned()))
                }
                _ => return Err(err("leads needs office_en and office_ar")),
            };
            let entry = g.entries.len();
            g.entries.push(GazEntry {
                id: f[0].to_owned(),
                kind,
                name_en: f[2].to_owned(),
                name_ar: f[3].to_owned(),
                capital_of: (!f[7].is_empty()).then(|| f[7].to_owned()),
                leads,
            });
            let names = std::iter::once(f[3]).chain(list(f[4]));
            let all = names
                .map(|n| (n, MentionVia::Name))
                .chain(list(f[5]).map(|n| (n, MentionVia::Nisba)))
                .chain(list(f[6]).map(|n| (n, MentionVia::Title)));
            for (phrase, via) in all {
                let words = phrase_key(phrase);
                if words.is_empty() {
                    continue;
                }
                let alias = *index.entry((words.clone(), via)).or_insert_with(|| {
                    g.aliases.push(Alias {
                        words: words.clone(),
                        entries: Vec::new(),
                        via,
                    });
                    g.aliases.len() - 1
                });
                if !g.aliases[alias].entries.contains(&entry) {
                    g.aliases[alias].entries.push(entry);
                }
            }
        }
        for (i, alias) in g.aliases.iter().enumerate() {
            g.by_first_word
                .entry(alias.words[0].clone())
                .or_default()
                .push(i);
        }
        let ids: Vec<&str> = g.entries.iter().map(|e| e.id.as_str()).collect();
        for e in &g.entries {
            let refs = e.capital_of.iter().chain(e.leads.as_ref().map(|l| &l.0));
            if let Some(bad) = refs.into_iter().find(|r| !ids.contains(&r.as_str())) {
                return Err(AssetError::new(
                    name,
                    0,
                    format!("{} refers to unknown id {bad}", e.id),
                ));
            }
        }
        Ok(g)
    }

    /// The gazetteer in `assets/gazetteer.tsv`, parsed once.
    ///
    /// # Panics
    /// If the bundled file is malformed; `tests::the_bundled_gazetteer_parses` rules that out.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
            Gazetteer::parse("assets/gazetteer.tsv", GAZETTEER_TSV)
                .unwrap_or_else(|e| panic!("bundled gazetteer: {e}"))
        });
        &GAZETTEER
    }

    /// The entry with `id`.
    #[must_use]
    pub fn entry_by_id(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    /// Entries whose office (the first word of a title) is `word`, e.g. all the presidents.
    fn holders_of(&self, word: &str) -> Vec<usize> {
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

/// A word of the document as names are matched: a token index and its name key.
struct Unit {
    token: usize,
    key: String,
}

/// A mention before short forms are resolved: it may name one of several entries.
struct Candidate {
    entries: Vec<usize>,
    sentence: usize,
    tokens: Range<usize>,
    start: usize,
    end: usize,
    via: MentionVia,
}

/// The runs of words that a name can span: the words of one sentence between punctuation
/// (a hyphen joins, as in مون جاي-ان).
fn runs(doc: &Document) -> Vec<(usize, Vec<Unit>)> {
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let mut run = Vec::new();
        for t in sentence.tokens.clone() {
            let token = &doc.tokens[t];
            let text = doc.slice(&token.range);
            if token.kind == TokenKind::Punct {
                if !matches!(text, "-" | "‐" | "–") && !run.is_empty() {
                    out.push((s, std::mem::take(&mut run)));
                }
                continue;
            }
            run.push(Unit {
                token: t,
                key: name_key(text),
            });
        }
        if !run.is_empty() {
            out.push((s, run));
        }
    }
    out
}

/// The keys the first word of a name can have once proclitics are set aside, with the
/// number of letters set aside: للصين → الصين (ل + ال), وبيونج → بيونج.
fn first_word_keys(key: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for p in prefixes(key) {
        if p.particle == Some("س") {
            continue;
        }
        let rest: String = key.chars().skip(p.letters).collect();
        if rest.is_empty() {
            continue;
        }
        if p.article {
            // The article belongs to the name: the mention starts at it (at its lam after ل).
            let article = if p.particle == Some("ل") { 1 } else { 2 };
            out.push((format!("ال{rest}"), p.letters - article));
            out.push((rest, p.letters - article));
        } else {
            out.push((rest, p.letters));
        }
    }
    out
}

/// Whether a later word of a name matches: as listed, or with the article (الكوري الشمالي
/// for the nisba كوري شمالي).
fn inner_word_matches(unit: &str, word: &str) -> bool {
    unit == word || unit.strip_prefix("ال") == Some(word)
}

fn find_candidates(doc: &Document, g: &Gazetteer) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (sentence, run) in runs(doc) {
        let mut i = 0;
        while i < run.len() {
            let best = best_match_at(&run, i, g);
            let Some((len, entries, via, skipped)) = best else {
                i += 1;
                continue;
            };
            let first = &doc.tokens[run[i].token];
            let last = &doc.tokens[run[i + len - 1].token];
            let offsets = letter_offsets(doc.slice(&first.range));
            let start = first.range.start + offsets.get(skipped).copied().unwrap_or_default();
            out.push(Candidate {
                entries,
                sentence,
                tokens: run[i].token..run[i + len - 1].token + 1,
                start,
                end: last.range.end,
                via,
            });
            i += len;
        }
    }
    out
}

/// The longest name starting at word `i` of a run: `(words, entries, how, proclitic letters)`.
fn best_match_at(
    run: &[Unit],
    i: usize,
    g: &Gazetteer,
) -> Option<(usize, Vec<usize>, MentionVia, usize)> {
    let mut best: Option<(usize, Vec<usize>, MentionVia, usize)> = None;
    for (key, skipped) in first_word_keys(&run[i].key) {
        for &a in g.by_first_word.get(&key).map_or(&[][..], Vec::as_slice) {
            let alias = &g.aliases[a];
            let len = alias.words.len();
            let fits = i + len <= run.len()
                && alias.words[1..]
                    .iter()
                    .zip(&run[i + 1..])
                    .all(|(w, u)| inner_word_matches(&u.key, w));
            let better = best
                .as_ref()
                .is_none_or(|b| len > b.0 || (len == b.0 && alias.via < b.2));
            if fits && better {
                best = Some((len, alias.entries.clone(), alias.via, skipped));
            }
        }
        // An office and "current": الزعيم الحالي.
        if best.is_none()
            && let Some(next) = run.get(i + 1)
            && CURRENT.iter().any(|c| name_key(c) == next.key)
        {
            let holders = g.holders_of(&key);
            if !holders.is_empty() {
                best = Some((2, holders, MentionVia::Office, skipped));
            }
        }
    }
    best
}

/// Finds the entities `doc` mentions, in order of first mention.
///
/// A short form several entries share (كيم) names the one among them the text named last
/// (by a form only it has), or else the one it names next; with neither it is dropped
/// rather than guessed.
#[must_use]
pub fn find_entities(doc: &Document, g: &Gazetteer) -> Vec<Entity> {
    let candidates = find_candidates(doc, g);
    let mut last_named: HashMap<usize, usize> = HashMap::new();
    let mut resolved: Vec<(usize, &Candidate)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let entry = if let [only] = c.entries.as_slice() {
            Some(*only)
        } else {
            let before = c
                .entries
                .iter()
                .filter_map(|e| last_named.get(e).map(|&at| (at, *e)))
                .max()
                .map(|(_, e)| e);
            before.or_else(|| {
                candidates[i + 1..]
                    .iter()
                    .find(|later| later.entries.len() == 1 && c.entries.contains(&later.entries[0]))
                    .map(|later| later.entries[0])
            })
        };
        if let Some(entry) = entry {
            last_named.insert(entry, i);
            resolved.push((entry, c));
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for (entry, c) in resolved {
        let at = *slot.entry(entry).or_insert_with(|| {
            let e = &g.entries[entry];
            entities.push(Entity {
                entry,
                id: e.id.clone(),
                kind: e.kind,
                name_en: e.name_en.clone(),
                name_ar: e.name_ar.clone(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        entities[at].mentions.push(Mention {
            sentence: c.sentence,
            start: c.start,
            end: c.end,
            tokens: c.tokens.clone(),
            via: c.via,
        });
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, String)> {
        let doc = Document::new("t", text);
        let mut out: Vec<(usize, String, String)> = find_entities(&doc, Gazetteer::bundled())
            .into_iter()
            .flat_map(|e| {
                let doc = &doc;
                e.mentions
                    .into_iter()
                    .map(move |m| (m.start, e.id.clone(), doc.slice(&m.range()).to_owned()))
            })
            .collect();
        out.sort();
        out.into_iter().map(|(_, id, text)| (id, text)).collect()
    }

    fn pair(id: &str, text: &str) -> (String, String) {
        (id.to_owned(), text.to_owned())
    }

    #[test]
    fn the_bundled_gazetteer_parses() {
        let parsed = Gazetteer::parse("assets/gazetteer.tsv", GAZETTEER_TSV);
        assert!(
            parsed.as_ref().is_ok_and(|g| g.entries.len() > 20),
            "{:?}",
            parsed.err()
        );
    }

    #[test]
    fn ghain_and_jeem_spellings_and_proclitics_meet() {
        assert_eq!(
            mentions("بين موسكو وبيونج يانج ثم لبيونغ يانغ"),
            vec![
                pair("moscow", "موسكو"),
                pair("pyongyang", "بيونج يانج"),
                pair("pyongyang", "بيونغ يانغ")
            ]
        );
    }

    #[test]
    fn titles_and_nisba_adjectives() {
        assert_eq!(
            mentions(
                "عقد الرئيس الروسي والزعيم الكوري الشمالي قمة في الشرق الروسي مع الرئيس الأمريكي"
            ),
            vec![
                pair("putin", "الرئيس الروسي"),
                pair("kim_jong_un", "الزعيم الكوري الشمالي"),
                pair("russian_far_east", "الشرق الروسي"),
                pair("trump", "الرئيس الأمريكي"),
            ]
        );
        assert_eq!(
            mentions("يعمل كوريون شماليون في دولة روسية"),
            vec![
                pair("north_korea", "كوريون شماليون"),
                pair("russia", "روسية")
            ]
        );
    }

    #[test]
    fn the_article_after_lam_and_the_hamza_of_names() {
        assert_eq!(mentions("للصين"), vec![pair("china", "لصين")]);
        assert_eq!(
            mentions("كيم جونغ اون"),
            vec![pair("kim_jong_un", "كيم جونغ اون")]
        );
    }

    #[test]
    fn a_shared_short_name_goes_to_the_one_named_last_or_next() {
        let m = mentions("قال كيم. ثم زار كيم جونغ إيل موسكو. وقال كيم. وصل كيم إيل سونغ. ثم كيم");
        let ids: Vec<&str> = m.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "kim_jong_il",
                "kim_jong_il",
                "moscow",
                "kim_jong_il",
                "kim_il_sung",
                "kim_il_sung"
            ]
        );
    }

    #[test]
    fn an_office_and_current_names_its_only_holder() {
        assert_eq!(
            mentions("والد الزعيم الحالي"),
            vec![pair("kim_jong_un", "الزعيم الحالي")]
        );
    }

    #[test]
    fn unknown_names_are_not_entities() {
        assert!(mentions("التقى الرئيس الفرنسي إيمانويل ماكرون نظيره").is_empty());
    }
}
