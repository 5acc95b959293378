//! People found by pattern, as news introduce them: a title (الرئيس, وزير الخارجية, نظيره),
//! the state it is of (a nationality adjective, or a state or organization in the genitive),
//! then the name: words the lexicons do not know, or know as names.

use foldhash::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::gazetteer::{Gazetteer, OfficeKind, key_set, name_key};
use super::matching::{Candidate, Unit, best_match_at};
use super::{EntityKind, MentionVia};
use crate::analysis::assets::{AssetError, TITLES_TSV, tsv_rows};
use crate::analysis::document::Document;
use crate::analysis::lexicon::Pos;
use crate::analysis::word_facts::WordFacts;

/// A title of `assets/titles.tsv`: its words without their article, and the office it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    pub words: Vec<String>,
    pub office_en: String,
    pub office_ar: String,
    pub kind: OfficeKind,
}

/// All titles, by their first word.
#[derive(Debug, Default)]
pub struct Titles {
    pub titles: Vec<Title>,
    by_first: HashMap<String, Vec<usize>>,
}

fn bare(key: &str) -> &str {
    key.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(key)
}

impl Titles {
    /// Parses `assets/titles.tsv` (`title office_en office_ar relation`).
    ///
    /// # Errors
    /// A row without a title or office, or with a relation other than `leader_of` and `office`.
    pub fn parse(name: &str, tsv: &str) -> Result<Self, AssetError> {
        let mut out = Self::default();
        for row in tsv_rows(name, tsv, &["title", "office_en", "office_ar", "relation"])? {
            let (line, f) = row?;
            let [title, en, ar, relation] = [f[0], f[1], f[2], f[3]].map(str::trim);
            let kind = match relation {
                "leader_of" => OfficeKind::Leader,
                "office" => OfficeKind::Other,
                other => {
                    return Err(AssetError::new(
                        name,
                        line,
                        format!("unknown relation {other:?}"),
                    ));
                }
            };
            if title.is_empty() || en.is_empty() || ar.is_empty() {
                return Err(AssetError::new(
                    name,
                    line,
                    "title, office_en and office_ar are required",
                ));
            }
            let words: Vec<String> = title
                .split_whitespace()
                .map(|w| bare(&name_key(w)).to_owned())
                .collect();
            out.by_first
                .entry(words[0].clone())
                .or_default()
                .push(out.titles.len());
            out.titles.push(Title {
                words,
                office_en: en.to_owned(),
                office_ar: ar.to_owned(),
                kind,
            });
        }
        Ok(out)
    }

    /// The titles in `assets/titles.tsv`, parsed once.
    ///
    /// # Panics
    /// If the bundled file is malformed; `tests::the_bundled_titles_parse` rules that out.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static TITLES: LazyLock<Titles> = LazyLock::new(|| {
            Titles::parse("assets/titles.tsv", TITLES_TSV)
                .unwrap_or_else(|e| panic!("bundled titles: {e}"))
        });
        &TITLES
    }
}

/// The name keys of each word list below, made once.
static KEYS: LazyLock<[HashSet<String>; 5]> = LazyLock::new(|| {
    [
        key_set(&COUNTERPART),
        key_set(&MODIFIERS),
        key_set(&HONORIFICS),
        key_set(&PARTICLES),
        key_set(&STOP),
    ]
});

/// Which list of words a key is checked against.
#[derive(Clone, Copy)]
enum List {
    Counterpart,
    Modifiers,
    Honorifics,
    Particles,
    Stop,
}

/// Whether `key` (a name key) is one of the words of `list`.
fn one_of(list: List, key: &str) -> bool {
    KEYS[list as usize].contains(key)
}

/// "His counterpart" (نظيره, نظيرتها…): the title of whoever the sentence named before.
const COUNTERPART: [&str; 6] = ["نظيره", "نظيرها", "نظيرته", "نظيرتها", "نظيريه", "نظيرهم"];
/// Words between a title and the name that change nothing of who it is.
const MODIFIERS: [&str; 5] = ["السابق", "الحالي", "الجديد", "المنتخب", "المؤقت"];
/// Honorifics before a name (الشيخ تميم).
const HONORIFICS: [&str; 11] = [
    "الشيخ",
    "السيد",
    "السيدة",
    "الدكتور",
    "الجنرال",
    "المشير",
    "العقيد",
    "اللواء",
    "الفريق",
    "الأمير",
    "الأميرة",
];
/// Words that join the parts of a name (محمد بن سلمان, آل ثاني, لولا دا سيلفا).
pub(crate) const PARTICLES: [&str; 11] = [
    "بن", "ابن", "بنت", "ابو", "ال", "عبد", "دا", "دي", "دو", "فون", "فان",
];
/// Words that never begin or continue a name after a title.
const STOP: [&str; 36] = [
    "في",
    "من",
    "الي",
    "عن",
    "مع",
    "الذي",
    "التي",
    "الذين",
    "ان",
    "قد",
    "لم",
    "لن",
    "ما",
    "لا",
    "بعد",
    "قبل",
    "خلال",
    "حيث",
    "منذ",
    "عند",
    "لدي",
    "هو",
    "هي",
    "كما",
    "ثم",
    "او",
    "يوم",
    "امس",
    "اليوم",
    "صباح",
    "مساء",
    "عقب",
    "اثر",
    "رغم",
    "حول",
    "بين",
];

/// A person a title introduces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Introduced {
    pub sentence: usize,
    /// The title, with the nationality adjective that says whose it is (not a state in the
    /// genitive, which is a mention of its own): tokens and bytes (proclitics left out).
    pub title: Range<usize>,
    pub title_bytes: Range<usize>,
    /// Index into [`Titles::titles`]; `None` for "his counterpart".
    pub office: Option<usize>,
    /// The gazetteer entry of the state or organization (a capital stands for its state).
    pub of: Option<usize>,
    /// سابق: a former holder, who holds no office now.
    pub former: bool,
    /// The name's tokens, when one follows.
    pub name: Option<Range<usize>>,
}

/// What a word after a title is to a name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NameWord {
    /// A name: unknown to the lexicons, or known as a proper noun.
    Strong,
    /// Could be part of a name (a common word first, or between name words).
    Weak,
    Particle,
    No,
}

fn name_word(facts: &WordFacts, unit: &Unit, first: bool, after_particle: bool) -> NameWord {
    let key = unit.key;
    if one_of(List::Particles, key) {
        return NameWord::Particle;
    }
    if one_of(List::Stop, key) {
        return NameWord::No;
    }
    // After بن, آل, عبد, أبو any word is part of the name (آل ثاني, عبد الله, أبو بكر).
    if after_particle {
        return NameWord::Weak;
    }
    let all = facts.readings(unit.token);
    let readings: Vec<_> = all.iter().filter(|r| !r.is_rare_form()).collect();
    if readings.is_empty() {
        return NameWord::Strong;
    }
    // The curated lexicon lists the words news use most: one it lists as a common word is not
    // a name here (بين is "between", not Ben).
    if readings
        .iter()
        .any(|r| r.hand_checked && r.pos != Pos::ProperNoun)
    {
        return NameWord::No;
    }
    if readings.iter().any(|r| r.pos == Pos::ProperNoun) {
        return NameWord::Strong;
    }
    if readings.iter().all(|r| r.pos == Pos::Verb) {
        return NameWord::No;
    }
    if readings.iter().all(|r| r.proclitics != 0) && !after_particle {
        return NameWord::No;
    }
    // A definite common noun is no name (عبد الرحمن came in above, after its particle).
    if key.starts_with("ال") {
        return NameWord::No;
    }
    let _ = first;
    NameWord::Weak
}

/// The name after a title, from unit `from` of a run: its units, if it has a strong word.
fn name_after(facts: &WordFacts, run: &[Unit], from: usize) -> Option<Range<usize>> {
    let mut end = from;
    let mut strong = false;
    let mut after_particle = false;
    while end < run.len() && end - from < 6 {
        let kind = name_word(facts, &run[end], end == from, after_particle);
        let next_is_name = || {
            run.get(end + 1)
                .map(|u| name_word(facts, u, false, kind == NameWord::Particle))
                .is_some_and(|k| matches!(k, NameWord::Strong | NameWord::Particle))
        };
        let take = match kind {
            NameWord::Strong => {
                strong = true;
                true
            }
            NameWord::Particle => {
                end > from
                    && run
                        .get(end + 1)
                        .is_some_and(|u| name_word(facts, u, false, true) != NameWord::No)
            }
            NameWord::Weak => end == from || after_particle || next_is_name(),
            // Ali between two names (محمود علي يوسف), though على is "on"; a last word read
            // only as "and/so + verb" (فيرثين: فَيَرْثِين) before a boundary.
            NameWord::No => {
                let strong_after = || {
                    run.get(end + 1)
                        .is_some_and(|u| name_word(facts, u, false, false) == NameWord::Strong)
                };
                let boundary = || {
                    run.get(end + 1).is_none_or(|u| {
                        one_of(List::Stop, u.key)
                            || name_word(facts, u, false, false) == NameWord::No
                    })
                };
                let readings = facts.readings(run[end].token);
                let proper = readings.iter().any(|r| r.pos == Pos::ProperNoun);
                let clitic_verbs = !readings.is_empty()
                    && readings
                        .iter()
                        .all(|r| r.pos == Pos::Verb && r.proclitics != 0);
                end > from
                    && !one_of(List::Stop, run[end].key)
                    && ((proper && strong_after()) || (clitic_verbs && boundary()))
            }
        };
        if !take {
            break;
        }
        strong |= kind == NameWord::No;
        after_particle = kind == NameWord::Particle;
        end += 1;
    }
    // A single word no lexicon calls a name may still be one right after a title (نظيره
    // البرازيلي لولا), if it carries no clitics (not قوله, "his saying").
    // Nor one a definite noun follows: a noun in a genitive construct (رئيس الأوروغواي تنفيذ
    // الاتفاق, "… the carrying out of the agreement").
    let lone = end == from + 1
        && facts
            .words
            .chosen(run[from].token)
            .is_none_or(|r| r.proclitics == 0 && r.enclitic == 0)
        && run.get(end).is_none_or(|u| !u.key.starts_with("ال"));
    ((strong || lone) && end > from).then_some(from..end)
}

/// The title at unit `i` of a run: `(title, units it takes, last word has the article, letters
/// of proclitics before it)`; "his counterpart" is `(None, 1, true, …)`.
fn title_at(
    run: &[Unit],
    i: usize,
    titles: &Titles,
) -> Option<(Option<usize>, usize, bool, usize)> {
    let mut best: Option<(Option<usize>, usize, bool, usize)> = None;
    for (key, skipped) in run[i].first.iter() {
        if one_of(List::Counterpart, key) {
            return Some((None, 1, true, skipped));
        }
        for &t in titles
            .by_first
            .get(bare(key))
            .map_or(&[][..], Vec::as_slice)
        {
            let title = &titles.titles[t];
            let n = title.words.len();
            let fits = i + n <= run.len()
                && title.words[1..]
                    .iter()
                    .zip(&run[i + 1..])
                    .all(|(w, u)| bare(u.key) == w);
            if fits && best.as_ref().is_none_or(|b| n > b.1) {
                let last = if n == 1 { key } else { run[i + n - 1].key };
                best = Some((Some(t), n, last.starts_with("ال"), skipped));
            }
        }
    }
    best
}

/// The people the titles of sentence `s` introduce. `candidates` are the gazetteer's names
/// found in that sentence (a nationality adjective or state after a title says whose it is).
#[must_use]
pub(crate) fn introduced(
    doc: &Document,
    s: usize,
    runs: &[Vec<Unit>],
    facts: &WordFacts,
    g: &Gazetteer,
    candidates: &[Candidate],
) -> Vec<Introduced> {
    let titles = Titles::bundled();
    let at: HashMap<usize, &Candidate> = candidates.iter().map(|c| (c.tokens.start, c)).collect();
    let state_of = |entries: &[usize]| -> Option<usize> {
        let [e] = entries[..] else { return None };
        let entry = &g.entries[e];
        match entry.kind {
            EntityKind::State | EntityKind::Organization => Some(e),
            EntityKind::Place => entry.capital_of.as_deref().and_then(|id| g.entry_by_id(id)),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for run in runs {
        let mut i = 0;
        while i < run.len() {
            let Some((office, n, definite, skipped)) = title_at(run, i, titles) else {
                i += 1;
                continue;
            };
            let mut j = i + n;
            let mut of = None;
            // Where the title's own words end: a nationality adjective is part of the title
            // (الرئيس البرازيلي), a state in the genitive is its own mention (رئيس الأوروغواي).
            let mut title_words = j;
            // Whose office: a nationality adjective after a definite title, a state or
            // organization after a construct one (a gazetteer title, such as وزير الخارجية
            // الأمريكي, may already hold the adjective: it is matched here on its own).
            let found = run.get(j).and_then(|u| at.get(&u.token)).map(|c| {
                let units = run[j..]
                    .iter()
                    .take_while(|u| u.token < c.tokens.end)
                    .count();
                (units, c.entries.clone(), c.via)
            });
            let found =
                found.or_else(|| best_match_at(run, j, g).map(|(n, e, via, _)| (n, e, via)));
            if let Some((units, entries, via)) = found {
                // ل + a name after a definite title: الأمين العام للأمم المتحدة.
                let with_lam = run[j].key.starts_with('ل') && !run[j].key.starts_with("ال");
                let takes = (via == MentionVia::Nisba && definite)
                    || (via == MentionVia::Name && (!definite || with_lam));
                if takes && let Some(e) = state_of(&entries) {
                    of = Some(e);
                    j += units;
                    if via == MentionVia::Nisba {
                        title_words = j;
                    }
                }
            }
            if of.is_none() && !definite {
                // A construct title (رئيس, وزير خارجية) says whose office it is, or it is no title.
                i += 1;
                continue;
            }
            let title_end = j;
            let mut former = false;
            while let Some(u) = run.get(j) {
                if one_of(List::Modifiers, u.key) {
                    former |= *u.key == *name_key("السابق");
                } else if !one_of(List::Honorifics, u.key) {
                    break;
                }
                j += 1;
            }
            // The title's own state, or its capital, is not part of the name after it:
            // وزير الخارجية المصري القاهرة is Egypt's minister and Cairo, not a minister
            // called Cairo. Another state's capital may be a first name (الرئيس
            // الباراغواياني سانتياغو بينيا).
            let own_place = |c: &Candidate| {
                of.is_some()
                    && c.entries.iter().all(|&e| {
                        let entry = &g.entries[e];
                        Some(e) == of
                            || entry.capital_of.as_deref().and_then(|id| g.entry_by_id(id)) == of
                    })
            };
            let name = name_after(facts, run, j).and_then(|r| {
                let end = (r.start..r.end)
                    .find(|&k| at.get(&run[k].token).is_some_and(|c| own_place(c)))
                    .unwrap_or(r.end);
                (end > r.start).then_some(r.start..end)
            });
            if name.is_none() && of.is_none() {
                i += 1;
                continue;
            }
            let first = run[i].token;
            let last = run[title_words - 1].token;
            out.push(Introduced {
                sentence: s,
                title: first..last + 1,
                title_bytes: super::matching::start_after(doc, first, skipped)
                    ..doc.tokens[last].range.end,
                office,
                of,
                former,
                name: name
                    .as_ref()
                    .map(|r| run[r.start].token..run[r.end - 1].token + 1),
            });
            i = name.map_or(title_end, |r| r.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_titles_parse() {
        let parsed = Titles::parse("assets/titles.tsv", TITLES_TSV);
        assert!(
            parsed.as_ref().is_ok_and(|t| t.titles.len() > 30),
            "{:?}",
            parsed.err()
        );
    }
}
