//! Choosing one reading per token in context: a learner's saved choice, then the curated
//! lexicon's analysis, then rules of the sentence, then the lemmas the article repeats, then
//! BAMA's own order of senses.

use foldhash::HashMap;

use super::bama::Tables;
use super::bama::solutions::PROCLITICS;
use super::document::Document;
use super::in_order::{SENTENCES_PER_PIECE, map_in_order};
use super::lemma_table::LemmaTable;
use super::lemmas::LemmaRef;
use super::lexicon::Pos;
use super::readings::{NONE, Reading, Words};
use crate::arabic::normalize::normalize;

/// Particles after which a verb follows: قد (has, may), لقد, لم (did not), لن (will not),
/// سوف (will).
const BEFORE_A_VERB: [&str; 5] = ["قد", "لقد", "لم", "لن", "سوف"];
/// Words after which a verb usually follows: حيث (where), عندما (when), بعدما (after), إذ
/// (as), كما (as also), ثم (then).
const OFTEN_BEFORE_A_VERB: [&str; 7] = ["حيث", "عندما", "بعدما", "اذ", "كما", "ثم", "وقد"];
/// Prepositions written as words, after which a noun follows (in the genitive).
const PREPOSITIONS: [&str; 14] = [
    "في", "من", "علي", "الي", "عن", "مع", "حول", "بين", "منذ", "خلال", "عبر", "لدي", "نحو", "ضد",
];

/// The bit of the article among a reading's proclitics.
const ARTICLE: u8 = 1 << (PROCLITICS.len() - 1);

/// The bits of و and ف ("and", "so").
const COMMON: u8 = 0b110;

/// Chooses the reading of every word token of `doc`. `saved` maps a spelling's matching form
/// to the stable id of the lemma a learner chose for it (see [`LemmaRef::stable_id`]).
///
/// A choice looks back no further than the word before in its sentence (and ahead only at
/// how the next word is written), so the sentences are chosen on every core; what belongs to
/// a reading or a spelling is worked out first, once.
pub fn choose(
    doc: &Document,
    words: &mut Words,
    lemmas: &LemmaTable,
    saved: &HashMap<String, String>,
) {
    let support = lemma_support(words, lemmas);
    let w: &Words = words;
    let priors = map_in_order(w.reading_count(), 256, |r| {
        let r = u32::try_from(r).unwrap_or(NONE);
        let support = support
            .get(lemmas.number_of_reading(r) as usize)
            .copied()
            .unwrap_or(0.0);
        w.reading(r).map_or(0.0, |x| prior(x, support))
    });
    // Per spelling its matching form, and the reading a learner chose for it.
    let spellings = map_in_order(w.spelling_count(), 256, |s| {
        let s = u32::try_from(s).unwrap_or(NONE);
        let text = w
            .first_token_of(s)
            .and_then(|t| doc.tokens.get(t))
            .map_or("", |t| doc.slice(&t.range));
        let form = normalize(text);
        let saved = saved.get(&form).and_then(|id| {
            w.readings_of_spelling(s).find(|&r| {
                w.reading(r)
                    .and_then(|x| x.lemma.stable_id())
                    .is_some_and(|s| &s == id)
            })
        });
        (form, saved)
    });
    let chosen = map_in_order(doc.sentences.len(), SENTENCES_PER_PIECE, |s| {
        let tokens = doc.sentences.get(s).map_or(0..0, |x| x.tokens.clone());
        let sentence_end = tokens.end;
        let mut out = Vec::with_capacity(tokens.len());
        let mut previous: Option<(u32, Option<Reading>)> = None;
        for t in tokens {
            let Some(spelling) = w.spelling(t) else {
                // After a number, a Latin word or punctuation (a new clause: "، ووقع")
                // nothing before constrains the word.
                previous = None;
                out.push(NONE);
                continue;
            };
            let chosen = spellings
                .get(spelling as usize)
                .and_then(|(_, saved)| *saved)
                .unwrap_or_else(|| {
                    let context = previous.as_ref().map(|(sp, r)| {
                        let form = spellings.get(*sp as usize).map_or("", |(f, _)| f.as_str());
                        (form, r.as_ref())
                    });
                    // The next word, as written, begins with the article.
                    let next_definite = w
                        .spelling(t + 1)
                        .filter(|_| t + 1 < sentence_end)
                        .and_then(|n| spellings.get(n as usize))
                        .is_some_and(|(form, _)| {
                            form.starts_with("ال") && form.chars().count() > 3
                        });
                    w.readings_of_spelling(spelling)
                        .filter_map(|r| {
                            let x = w.reading(r)?;
                            let p = priors.get(r as usize).copied().unwrap_or(0.0);
                            Some((r, p + in_context(x, context, next_definite)))
                        })
                        .fold(None::<(u32, f32)>, |best, (r, s)| match best {
                            Some((_, b)) if b >= s => best,
                            _ => Some((r, s)),
                        })
                        .map_or(NONE, |(r, _)| r)
                });
            out.push(chosen);
            previous = Some((spelling, w.reading(chosen).copied()));
        }
        out
    });
    for (sentence, chosen) in doc.sentences.iter().zip(chosen) {
        for (t, r) in sentence.tokens.clone().zip(chosen) {
            if let Some(cell) = words.chosen.get_mut(t) {
                *cell = r;
            }
        }
    }
}

/// For each lemma (by its number in `table`), how much the document's spellings support it:
/// each spelling adds one share, split among the lemmas it can be read as. A lemma the article uses in several forms
/// (قمة, القمة, قممها) is likely the one meant where it is one option among others.
fn lemma_support(words: &Words, table: &LemmaTable) -> Vec<f32> {
    let mut support = vec![0.0f32; table.len()];
    let mut lemmas: Vec<u32> = Vec::new();
    for s in 0..words.spelling_count() {
        lemmas.clear();
        for r in words.readings_of_spelling(u32::try_from(s).unwrap_or(NONE)) {
            let lemma = table.number_of_reading(r);
            if lemma != NONE && !lemmas.contains(&lemma) {
                lemmas.push(lemma);
            }
        }
        let share = 1.0 / lemmas.len().max(1) as f32;
        for &l in &lemmas {
            if let Some(cell) = support.get_mut(l as usize) {
                *cell += share;
            }
        }
    }
    support
}

/// How likely a reading is whatever its context: its lemma, part of speech, clitics and how
/// much of the word its stem covers (computed once per reading of a spelling).
/// `support` is the lemma's (see [`lemma_support`]).
fn prior(r: &Reading, support: f32) -> f32 {
    if r.hand_checked {
        return 1000.0;
    }
    let t = Tables::bundled();
    let mut s = 0.0;
    if matches!(r.lemma, LemmaRef::Curated(_)) {
        // BAMA's reading of a lemma the curated lexicon lists: the sense news use.
        s += 1.0;
    }
    // The share this spelling gives is not evidence from elsewhere.
    let elsewhere = support - 1.0;
    s += 0.5 * elsewhere.clamp(0.0, 1.5);
    s += match r.pos {
        Pos::Noun => 0.6,
        Pos::Adjective => 0.5,
        Pos::Verb => 0.4,
        Pos::ProperNoun => 0.4,
        Pos::Number => 0.3,
        // Prepositions, pronouns, particles…: few words, each very frequent.
        _ => 0.9,
    };
    // Each clitic is one more thing that must be so; the article and "and" are the commonest.
    s -= 0.2 * (r.proclitics & COMMON).count_ones() as f32;
    s -= 0.5 * (r.proclitics & !(COMMON | ARTICLE)).count_ones() as f32;
    if r.enclitic != 0 {
        s -= 0.3;
    }
    if let Some(solution) = r.solution {
        // The word written in its dictionary form (أول as أَوَّل, not as a form of أولى), or
        // a verb in the present (its first active imperfect stem: تُطْلِق of أَطْلَقَ), which
        // news write as often as the past.
        if is_citation_stem(t, solution.stem) {
            s += 0.5;
        }
        // Inflection letters (endings, a plural's or dual's letters): the more of the word
        // the stem covers, the likelier. The imperfect's person prefix is not counted: every
        // imperfect verb has one, and counting it read تطلق ("launches") as تَطَلُّق.
        let prefix = &t.prefixes[usize::from(solution.prefix)];
        let suffix = &t.suffixes[usize::from(solution.suffix)];
        let split = solution.split(t);
        let inflection = prefix
            .letters
            .saturating_sub(split.before)
            .saturating_sub(prefix.clitics.person)
            + suffix.letters.saturating_sub(split.after);
        s -= 0.6 * f32::from(inflection);
        if r.is_rare_form() {
            s -= 1.0;
        }
        // A name written whole (روسيا), not a word with an ending (روسيًّا, Russian).
        if r.pos == Pos::ProperNoun && inflection == 0 && split.before == 0 && split.after == 0 {
            s += 0.6;
        }
    }
    s
}

/// Whether stem `stem` is its lemma's first, or the first active imperfect stem of a verb.
fn is_citation_stem(t: &Tables, stem: u32) -> bool {
    let Some(entry) = t.stems.get(stem as usize) else {
        return false;
    };
    let Some(lemma) = t.lemmas.get(entry.lemma as usize) else {
        return false;
    };
    if lemma.stems.start == stem {
        return true;
    }
    let active_imperfect = |s: &super::bama::tables::Stem| {
        t.str(s.tags) == "VERB_IMPERFECT" && !t.category(s.category).contains("Pass")
    };
    active_imperfect(entry)
        && lemma
            .stems
            .clone()
            .find(|&s| t.stems.get(s as usize).is_some_and(active_imperfect))
            == Some(stem)
}

/// How much the word before a reading (its matching form and chosen reading) makes it
/// likelier or less likely.
fn in_context(r: &Reading, before: Option<(&str, Option<&Reading>)>, next_definite: bool) -> f32 {
    if r.hand_checked {
        return 0.0;
    }
    let mut s = 0.0;
    // Arabic news sentences mostly open with their verb (ووقع, وقال, وأكد).
    if before.is_none() && r.pos == Pos::Verb {
        s += 0.8;
    }
    if let Some((word, reading)) = before {
        let verb = r.pos == Pos::Verb;
        if BEFORE_A_VERB.contains(&word) {
            s += if verb { 3.0 } else { -1.0 };
        } else if OFTEN_BEFORE_A_VERB.contains(&word) && verb {
            s += 1.0;
        }
        let after_preposition = PREPOSITIONS.contains(&word)
            || reading.is_some_and(|p| p.pos == Pos::Preposition && p.enclitic == 0);
        if after_preposition && verb {
            s -= 3.0;
        }
        // Noun and adjective agree in definiteness: الجمهورية الشعبية.
        let definite = |x: &Reading| x.proclitics & ARTICLE != 0;
        if r.pos == Pos::Adjective && definite(r) && reading.is_some_and(definite) {
            s += 0.4;
        }
        // And without the article (حملة وطنية, a national campaign), unless the next word
        // has it: then this word is more likely the first term of a construct (تمويل مشروع
        // القطار).
        let bare_noun =
            |x: &Reading| x.pos == Pos::Noun && x.proclitics & ARTICLE == 0 && x.enclitic == 0;
        if r.pos == Pos::Adjective
            && r.proclitics == 0
            && !next_definite
            && reading.is_some_and(bare_noun)
        {
            s += 0.4;
        }
        // A name is followed by no adjective without the article and by no second term of
        // a construct: a bare word after it is likelier its verb (مصر تطلق, بوتين يزور).
        let after_name = reading.is_some_and(|p| p.pos == Pos::ProperNoun);
        if after_name && verb && r.proclitics == 0 {
            s += 0.5;
        }
    }
    s
}
