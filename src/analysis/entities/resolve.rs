//! Which entity each mention names: the gazetteer's names, the people titles introduce, a
//! title bound only to a person this document names, a surname alone for the person named in
//! full, and a short form several share for the one named last or next.

use foldhash::{HashMap, HashMapExt as _, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::gazetteer::{GazEntry, Gazetteer, Office, key_set, name_key};
use super::matching::{Candidate, KeyTable, find_candidates, runs, start_after};
use super::persons::{Introduced, PARTICLES, Titles, introduced};
use super::{Entity, EntityKind, Mention, MentionVia};
use crate::analysis::document::Document;
use crate::analysis::in_order::{SENTENCES_PER_PIECE, map_in_order};
use crate::analysis::lexicon::Pos;
use crate::analysis::word_facts::WordFacts;
use crate::arabic::tokenize::TokenKind;
use crate::arabic::translit::romanize_name;

/// Words a thread takes at a time when looking for surnames.
const PIECE_TOKENS: usize = 4096;

/// The entries of one analysis: the gazetteer's, then the people the document introduces.
pub struct Catalogue<'g> {
    pub gazetteer: &'g Gazetteer,
    extra: Vec<GazEntry>,
    /// The entry of each id in `extra`.
    extra_ids: HashMap<String, usize>,
}

impl Catalogue<'_> {
    /// Entry `i`.
    ///
    /// # Panics
    /// Never for an index an [`Entity::entry`] or mention of this analysis holds.
    #[must_use]
    pub fn entry(&self, i: usize) -> &GazEntry {
        let base = self.gazetteer.entries.len();
        if i < base {
            &self.gazetteer.entries[i]
        } else {
            &self.extra[i - base]
        }
    }

    /// How many entries there are: every entry is an index below it.
    pub(crate) fn len(&self) -> usize {
        self.gazetteer.entries.len() + self.extra.len()
    }

    /// The entry with `id`.
    #[must_use]
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.gazetteer
            .entry_by_id(id)
            .or_else(|| self.extra_ids.get(id).copied())
    }

    fn add(&mut self, entry: GazEntry) -> usize {
        let at = self.len();
        self.extra_ids.insert(entry.id.clone(), at);
        self.extra.push(entry);
        at
    }
}

/// A sentence saying what office a person holds (a title with the state it is of).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedOffice {
    pub person: usize,
    /// The state or organization (catalogue entry).
    pub of: usize,
    pub office: Office,
    pub sentence: usize,
}

/// The entities of a document, the catalogue their entries index, and the offices stated.
pub struct EntitiesFound<'g> {
    pub entities: Vec<Entity>,
    pub catalogue: Catalogue<'g>,
    pub offices: Vec<StatedOffice>,
}

/// An English name and an id for a person a document introduces: BAMA's English for a word
/// it knows as a name, else a romanization.
fn english_name(doc: &Document, facts: &WordFacts, tokens: Range<usize>) -> String {
    tokens
        .filter(|&t| doc.tokens[t].kind != TokenKind::Punct)
        .map(|t| {
            let known = facts
                .readings(t)
                .iter()
                .find(|r| r.pos == Pos::ProperNoun && r.proclitics == 0 && r.enclitic == 0);
            known
                .and_then(|r| r.lemma.facts())
                .and_then(|f| f.gloss_en.split(';').next().map(|g| g.trim().to_owned()))
                .filter(|g| !g.is_empty())
                .unwrap_or_else(|| romanize_name(doc.slice(&doc.tokens[t].range)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn id_of(name_en: &str, catalogue: &Catalogue) -> String {
    let base: String = name_en
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let base = base.trim_matches('_').to_owned();
    let base = if base.is_empty() {
        "person".to_owned()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while catalogue.by_id(&id).is_some() {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

/// Finds the entities `doc` mentions, in order of first mention.
///
/// A title names a person only if this document names them too; a short form several entries
/// share (كيم) names the one among them the text named last (by a form only it has), or else
/// the one it names next; with neither it is dropped rather than guessed.
#[must_use]
pub fn find_entities<'g>(doc: &Document, g: &'g Gazetteer, facts: &WordFacts) -> EntitiesFound<'g> {
    let keys = KeyTable::new(doc, facts.words);
    // Each sentence on its own (on every core), joined in text order.
    let by_sentence = map_in_order(doc.sentences.len(), SENTENCES_PER_PIECE, |s| {
        let runs = runs(doc, s, &keys);
        let found = find_candidates(doc, s, &runs, g);
        let people = introduced(doc, s, &runs, facts, g, &found);
        (found, people)
    });
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut people: Vec<Introduced> = Vec::new();
    for (found, introduced) in by_sentence {
        candidates.extend(found);
        people.extend(introduced);
    }
    let mut catalogue = Catalogue {
        gazetteer: g,
        extra: Vec::new(),
        extra_ids: HashMap::new(),
    };
    let (offices, mut candidates, new_people) =
        introduce(doc, facts, &mut catalogue, &people, candidates);
    add_surnames(doc, facts, &keys, &new_people, &mut candidates);
    bind_titles(&catalogue, &mut candidates);
    candidates.sort_by_key(|c| c.tokens.start);
    let entities = resolve(&catalogue, &candidates);
    EntitiesFound {
        entities,
        catalogue,
        offices,
    }
}

/// The people a document introduces: each entry with the name keys of its words.
type NewPeople = Vec<(usize, Vec<String>)>;

/// Turns the people titles introduce into entries and mentions: a name the gazetteer knows is
/// that person; another is a new entry (the same name twice, one entry). Returns the offices
/// stated, the candidates (without gazetteer names inside a new person's title or name:
/// "سانتياغو" in سانتياغو بينيا is not Chile's capital), and the new people with their names.
fn introduce(
    doc: &Document,
    facts: &WordFacts,
    catalogue: &mut Catalogue,
    people: &[Introduced],
    mut candidates: Vec<Candidate>,
) -> (Vec<StatedOffice>, Vec<Candidate>, NewPeople) {
    let titles = Titles::bundled();
    let mut offices = Vec::new();
    let mut new_people: Vec<(usize, Vec<String>)> = Vec::new();
    let mut by_words: HashMap<Vec<String>, usize> = HashMap::new();
    let mut added: Vec<Candidate> = Vec::new();
    // Token ranges whose gazetteer names give way to a person's title or name.
    let mut taken: Vec<Range<usize>> = Vec::new();
    let mut last_office: Option<(usize, usize)> = None;
    // Who a person's name (by its first token) is, and who holds each (office, state).
    let mut person_at: HashMap<usize, usize> = candidates
        .iter()
        .filter(|c| c.via == MentionVia::Name)
        .filter_map(|c| match c.entries[..] {
            [e] if catalogue.entry(e).kind == EntityKind::Person => Some((c.tokens.start, e)),
            _ => None,
        })
        .collect();
    let mut holder: HashMap<(Option<usize>, usize), usize> = HashMap::new();
    let mut titled_later: Vec<(usize, usize)> = Vec::new();
    for (i, p) in people.iter().enumerate() {
        // "His counterpart" holds the office of the person the text named with a title before.
        let office = p.office.or_else(|| {
            last_office
                .filter(|&(_, sentence)| sentence + 1 >= p.sentence)
                .map(|(t, _)| t)
        });
        let Some(name) = p.name.clone() else {
            // A title alone (رئيس الأوروغواي, again): the person the text introduces with it
            // (before or after), bound once all are known.
            if let Some(of) = p.of {
                titled_later.push((i, of));
            }
            continue;
        };
        let person = if let Some(&e) = person_at.get(&name.start) {
            e
        } else {
            let words: Vec<String> = name
                .clone()
                .filter(|&t| doc.tokens[t].kind != TokenKind::Punct)
                .map(|t| name_key(doc.slice(&doc.tokens[t].range)))
                .collect();
            let person = if let Some(&e) = by_words.get(&words) {
                e
            } else {
                let name_en = english_name(doc, facts, name.clone());
                let entry = GazEntry {
                    id: id_of(&name_en, catalogue),
                    kind: EntityKind::Person,
                    name_en,
                    name_ar: doc
                        .slice(
                            &(doc.tokens[name.start].range.start
                                ..doc.tokens[name.end - 1].range.end),
                        )
                        .to_owned(),
                    capital_of: None,
                    office: None,
                };
                let e = catalogue.add(entry);
                by_words.insert(words.clone(), e);
                new_people.push((e, words));
                e
            };
            // Gazetteer names inside the title or the name are not names of their own there; a
            // state in the genitive between them (رئيس الأوروغواي) is.
            taken.push(p.title.clone());
            taken.push(name.clone());
            person_at.insert(name.start, person);
            added.push(Candidate {
                entries: Arc::from([person]),
                sentence: p.sentence,
                tokens: name.clone(),
                start: doc.tokens[name.start].range.start,
                end: doc.tokens[name.end - 1].range.end,
                via: MentionVia::Name,
            });
            if p.of.is_some() {
                added.push(title_candidate(p, person));
            }
            person
        };
        if let Some(of) = p.of {
            holder.entry((office, of)).or_insert(person);
        }
        if let Some(t) = office {
            last_office = Some((t, p.sentence));
            if let (Some(of), false) = (p.of, p.former) {
                let title = &titles.titles[t];
                offices.push(StatedOffice {
                    person,
                    of,
                    office: Office {
                        of: catalogue.entry(of).id.clone(),
                        office_en: title.office_en.clone(),
                        office_ar: title.office_ar.clone(),
                        kind: title.kind,
                    },
                    sentence: p.sentence,
                });
            }
        }
    }
    for (i, of) in titled_later {
        let p = &people[i];
        if let Some(&person) = holder.get(&(p.office, of)) {
            taken.push(p.title.clone());
            added.push(title_candidate(p, person));
        }
    }
    taken.sort_by_key(|r| r.start);
    // Overlapping ranges merged, so that only the last one starting before a candidate ends
    // can overlap it.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(taken.len());
    for r in taken {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let taken = merged;
    candidates.retain(|c| {
        let i = taken.partition_point(|r| r.start < c.tokens.end);
        i == 0 || taken[i - 1].end <= c.tokens.start
    });
    candidates.extend(added);
    (offices, candidates, new_people)
}

/// The mention a title makes of `person`.
fn title_candidate(p: &Introduced, person: usize) -> Candidate {
    Candidate {
        entries: Arc::from([person]),
        sentence: p.sentence,
        tokens: p.title.clone(),
        start: p.title_bytes.start,
        end: p.title_bytes.end,
        via: MentionVia::Title,
    }
}

/// A new person's surname (any word of the name but the first, or the only one) alone
/// elsewhere in the text names them; an Arab name with بن or آل has none (ثاني is "second").
fn add_surnames(
    doc: &Document,
    facts: &WordFacts,
    keys: &KeyTable,
    people: &[(usize, Vec<String>)],
    candidates: &mut Vec<Candidate>,
) {
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    let particles = key_set(&PARTICLES);
    let arab = key_set(&["بن", "ابن", "آل", "بنت"]);
    for (person, words) in people {
        if words.iter().any(|w| arab.contains(w)) {
            continue;
        }
        let skip = usize::from(words.len() > 1);
        for w in &words[skip..] {
            if w.chars().count() >= 3 && !particles.contains(w) {
                let list = by_word.entry(w.as_str()).or_default();
                if !list.contains(person) {
                    list.push(*person);
                }
            }
        }
    }
    if by_word.is_empty() {
        return;
    }
    let by_word: HashMap<&str, Arc<[usize]>> = by_word
        .into_iter()
        .map(|(w, people)| (w, people.into()))
        .collect();
    let mut covered = vec![false; doc.tokens.len()];
    for c in candidates.iter() {
        for t in c.tokens.clone() {
            if let Some(x) = covered.get_mut(t) {
                *x = true;
            }
        }
    }
    // The words a piece at a time (on every core), in text order; a piece keeps only its
    // surnames, so nothing is held per word.
    let pieces = doc.tokens.len().div_ceil(PIECE_TOKENS);
    let found = map_in_order(pieces, 1, |piece| {
        let start = piece * PIECE_TOKENS;
        (start..(start + PIECE_TOKENS).min(doc.tokens.len()))
            .filter_map(|t| surname_at(doc, facts, keys, &covered, &by_word, t))
            .collect::<Vec<_>>()
    });
    candidates.extend(found.into_iter().flatten());
}

/// The surname mention at token `t`, if its word is the surname of a person introduced.
fn surname_at(
    doc: &Document,
    facts: &WordFacts,
    keys: &KeyTable,
    covered: &[bool],
    by_word: &HashMap<&str, Arc<[usize]>>,
    t: usize,
) -> Option<Candidate> {
    let token = &doc.tokens[t];
    if token.kind == TokenKind::Punct || covered[t] {
        return None;
    }
    let (_, first) = keys.keys(t)?;
    let (entries, skipped) = first
        .iter()
        .find_map(|(key, skipped)| by_word.get(key).map(|e| (e, skipped)))?;
    // A common word is not a surname there (على for Ali).
    let common = facts
        .readings(t)
        .iter()
        .any(|r| r.hand_checked && r.pos != Pos::ProperNoun);
    if common {
        return None;
    }
    Some(Candidate {
        entries: entries.clone(),
        sentence: token.sentence,
        tokens: t..t + 1,
        start: start_after(doc, t, skipped),
        end: token.range.end,
        via: MentionVia::Name,
    })
}

/// A title or office names only a person this document names: "US secretary of state" in an
/// article that names Blinken is never a secretary remembered from another text.
fn bind_titles(catalogue: &Catalogue, candidates: &mut Vec<Candidate>) {
    let named: HashSet<usize> = candidates
        .iter()
        .filter(|c| c.via == MentionVia::Name)
        .flat_map(|c| c.entries.iter().copied())
        .filter(|&e| catalogue.entry(e).kind == EntityKind::Person)
        .collect();
    let unnamed = |e: usize| catalogue.entry(e).kind == EntityKind::Person && !named.contains(&e);
    for c in candidates.iter_mut() {
        if matches!(c.via, MentionVia::Title | MentionVia::Office)
            && c.entries.iter().any(|&e| unnamed(e))
        {
            c.entries = c.entries.iter().copied().filter(|&e| !unnamed(e)).collect();
        }
    }
    candidates.retain(|c| !c.entries.is_empty());
}

/// One entity per entry, mentions in text order; shared short forms go to the entry named last
/// (or next), or are dropped.
fn resolve(catalogue: &Catalogue, candidates: &[Candidate]) -> Vec<Entity> {
    // Entries are dense indices: a slot each, not a hash, for the many mentions of a long text.
    let entries = catalogue.len();
    // Where each entry is named alone (by a form only it has), in text order.
    let mut alone_at: Vec<Vec<usize>> = vec![Vec::new(); entries];
    for (i, c) in candidates.iter().enumerate() {
        if let [only] = c.entries[..] {
            alone_at[only].push(i);
        }
    }
    let mut last_named: Vec<Option<usize>> = vec![None; entries];
    let mut resolved: Vec<(usize, &Candidate)> = Vec::with_capacity(candidates.len());
    for (i, c) in candidates.iter().enumerate() {
        let entry = if let [only] = c.entries[..] {
            Some(only)
        } else {
            let before = c
                .entries
                .iter()
                .filter_map(|&e| last_named[e].map(|at| (at, e)))
                .max()
                .map(|(_, e)| e);
            // Else the one named alone next.
            before.or_else(|| {
                c.entries
                    .iter()
                    .filter_map(|&e| {
                        let at = &alone_at[e];
                        at.get(at.partition_point(|&j| j <= i)).map(|&j| (j, e))
                    })
                    .min()
                    .map(|(_, e)| e)
            })
        };
        if let Some(entry) = entry {
            last_named[entry] = Some(i);
            resolved.push((entry, c));
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; entries];
    for (entry, c) in resolved {
        let at = *slot[entry].get_or_insert_with(|| {
            let e = catalogue.entry(entry);
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
