//! The analysis as JSON, in the contract of DESIGN.md (byte offsets into the UTF-8 text),
//! written as it is serialized: nothing is built in memory first, so any size streams.
//!
//! Besides the contract's arrays, `spellings` lists each distinct spelling once with every
//! reading of it (lemma, vocalization, root, part of speech, gloss…), and each token names its
//! spelling and the reading chosen for it.

use foldhash::{HashMap, HashMapExt as _};
use std::cell::RefCell;
use std::io::Write;

use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde_json::Value;

use super::analyze::Analysis;
use super::document::Document;
use super::lemmas::{LemmaFacts, LemmaRef};
use super::readings::Reading;
use crate::arabic::translit::transliterate;

/// The analysis of a document, ready to serialize.
struct View<'a> {
    doc: &'a Document,
    analysis: &'a Analysis,
    /// Facts of the lemmas met so far: a lemma is looked up once, whatever its readings.
    facts: RefCell<HashMap<LemmaRef, LemmaFacts>>,
}

/// A sentence as the JSON gives it.
#[derive(serde::Serialize)]
struct SentenceJson<'a> {
    index: usize,
    kind: super::document::SentenceKind,
    start: usize,
    end: usize,
    text: &'a str,
    translation_en: Option<&'a str>,
}

/// A reading of a spelling: its lemma's facts and how the word is built on it.
#[derive(serde::Serialize)]
struct ReadingJson {
    lemma: String,
    lemma_id: Option<String>,
    lemma_vocalized: String,
    translit: String,
    vocalized: Option<String>,
    root: String,
    pos: super::lexicon::Pos,
    gloss_en: String,
    plural_or_present: Option<String>,
    proclitics: Vec<&'static str>,
    enclitics: Vec<&'static str>,
    source: &'static str,
}

/// A distinct spelling of the text with every reading of it.
#[derive(serde::Serialize)]
struct SpellingJson<'a> {
    index: u32,
    text: &'a str,
    readings: Vec<ReadingJson>,
}

/// A vocabulary entry (borrowed from the analysis).
#[derive(serde::Serialize)]
struct VocabJson<'a> {
    lemma: &'a str,
    lemma_id: Option<String>,
    vocalized: &'a str,
    root: &'a str,
    pos: super::lexicon::Pos,
    gloss_en: &'a str,
    plural_or_present: Option<&'a str>,
    translit: &'a str,
    count: usize,
    forms: &'a [String],
    sentences: &'a [usize],
    occurrences: &'a [usize],
}

/// An entity with its mentions, streamed.
#[derive(serde::Serialize)]
struct EntityJson<'a, M: Serialize> {
    id: &'a str,
    kind: super::EntityKind,
    name_ar: &'a str,
    name_en: &'a str,
    mentions: M,
}

/// One mention of an entity.
#[derive(serde::Serialize)]
struct MentionJson<'a> {
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    via: super::entities::MentionVia,
}

/// A relation between two entities.
#[derive(serde::Serialize)]
struct RelationJson<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'a str,
    label_en: &'a str,
    label_ar: &'a str,
    direction: &'static str,
    past: bool,
    count: Option<u32>,
    sentences: &'a [usize],
}

/// A sequence serialized from an iterator made on demand.
struct Seq<F>(F);

impl<F, I, T> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator<Item = T>,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for item in (self.0)() {
            seq.serialize_element(&item)?;
        }
        seq.end()
    }
}

impl View<'_> {
    fn facts(&self, lemma: LemmaRef) -> LemmaFacts {
        self.facts
            .borrow_mut()
            .entry(lemma)
            .or_insert_with(|| self.analysis.lemma_facts(lemma).unwrap_or_default())
            .clone()
    }

    fn reading(&self, r: &Reading) -> ReadingJson {
        let f = self.facts(r.lemma);
        ReadingJson {
            translit: transliterate(&f.vocalized),
            lemma: f.lemma,
            lemma_id: r.lemma.stable_id(),
            lemma_vocalized: f.vocalized,
            vocalized: r.vocalized_word(),
            root: f.root,
            pos: r.pos,
            gloss_en: f.gloss_en,
            plural_or_present: f.plural_or_present,
            proclitics: r.proclitics(),
            enclitics: r.enclitic().into_iter().collect(),
            source: match r.lemma {
                LemmaRef::Curated(_) => "lexicon",
                LemmaRef::Bama(_) => "bama",
                LemmaRef::User(_) => "user",
            },
        }
    }
}

impl View<'_> {
    /// Writes the object: each array as serde makes it, but the tokens, nine in ten of the
    /// bytes, by [`super::json_tokens`].
    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let (doc, a) = (self.doc, self.analysis);
        let mut map = Sections::new(out);
        map.entry("source", &doc.source)?;
        map.entry(
            "sentences",
            &Seq(|| {
                doc.sentences.iter().enumerate().map(|(i, s)| SentenceJson {
                    index: i,
                    kind: s.kind,
                    start: s.range.start,
                    end: s.range.end,
                    text: doc.slice(&s.range),
                    translation_en: a.translation(i),
                })
            }),
        )?;
        map.key("tokens")?;
        super::json_tokens::write_tokens(doc, a, map.out)?;
        map.entry(
            "spellings",
            &Seq(|| {
                (0..a.words.spelling_count()).map(|s| {
                    let s = u32::try_from(s).unwrap_or(u32::MAX);
                    let text = a
                        .words
                        .first_token_of(s)
                        .and_then(|t| doc.tokens.get(t))
                        .map_or("", |t| doc.slice(&t.range));
                    let readings = a
                        .words
                        .readings_of_spelling(s)
                        .filter_map(|r| a.words.reading(r))
                        .map(|r| self.reading(r))
                        .collect();
                    SpellingJson {
                        index: s,
                        text,
                        readings,
                    }
                })
            }),
        )?;
        map.entry(
            "vocabulary",
            &Seq(|| {
                a.vocabulary.iter().map(|v| VocabJson {
                    lemma: &v.lemma,
                    lemma_id: v.lemma_id.stable_id(),
                    vocalized: &v.vocalized,
                    root: &v.root,
                    pos: v.pos,
                    gloss_en: &v.gloss_en,
                    plural_or_present: v.plural_or_present.as_deref(),
                    translit: &v.translit,
                    count: v.count,
                    forms: &v.forms,
                    sentences: &v.sentences,
                    occurrences: &v.occurrences,
                })
            }),
        )?;
        map.entry(
            "entities",
            &Seq(|| {
                a.entities.iter().map(|e| EntityJson {
                    id: &e.id,
                    kind: e.kind,
                    name_ar: &e.name_ar,
                    name_en: &e.name_en,
                    mentions: Seq(|| {
                        e.mentions.iter().map(|m| MentionJson {
                            sentence: m.sentence,
                            start: m.start,
                            end: m.end,
                            text: doc.slice(&m.range()),
                            via: m.via,
                        })
                    }),
                })
            }),
        )?;
        map.entry(
            "relations",
            &Seq(|| {
                a.relations.iter().map(|r| RelationJson {
                    source: &r.source,
                    target: &r.target,
                    kind: &r.kind,
                    label_en: &r.label_en,
                    label_ar: &r.label_ar,
                    direction: if r.directed { "directed" } else { "mutual" },
                    past: r.past,
                    count: r.count,
                    sentences: &r.sentences,
                })
            }),
        )?;
        map.out.write_all(b"}")
    }
}

/// The top-level object, written key by key.
struct Sections<'w, W> {
    out: &'w mut W,
    first: bool,
}

impl<'w, W: Write> Sections<'w, W> {
    fn new(out: &'w mut W) -> Self {
        Self { out, first: true }
    }

    fn key(&mut self, key: &str) -> std::io::Result<()> {
        let open = if std::mem::replace(&mut self.first, false) {
            b"{"
        } else {
            b","
        };
        self.out.write_all(open)?;
        serde_json::to_writer(&mut *self.out, key)?;
        self.out.write_all(b":")
    }

    fn entry(&mut self, key: &str, value: &impl Serialize) -> std::io::Result<()> {
        self.key(key)?;
        serde_json::to_writer(&mut *self.out, value).map_err(std::io::Error::from)
    }
}

impl Analysis {
    /// `{source, sentences, tokens, spellings, vocabulary, entities, relations}` of `doc`,
    /// which must be the document this analysis was made from. Builds the whole tree: for a
    /// large text, [`Self::write_json`] streams instead.
    #[must_use]
    pub fn to_json(&self, doc: &Document) -> Value {
        let mut bytes = Vec::new();
        if self.write_json(doc, &mut bytes).is_err() {
            return Value::Null;
        }
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    }

    /// Writes the JSON of [`Self::to_json`] to `out` as it goes (one line; one element at a
    /// time, so memory does not grow with the text).
    ///
    /// # Errors
    /// Whatever writing to `out` says (a closed pipe, a full disk).
    pub fn write_json(&self, doc: &Document, out: impl Write) -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        self.view(doc).write(&mut out)?;
        out.write_all(b"\n")?;
        out.flush()
    }

    fn view<'a>(&'a self, doc: &'a Document) -> View<'a> {
        View {
            doc,
            analysis: self,
            facts: RefCell::new(HashMap::new()),
        }
    }
}
