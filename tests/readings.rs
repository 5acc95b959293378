//! BAMA's readings and the choice among them: how often, with the curated lexicon switched off,
//! the lemma chosen for a word of the bundled article is the one the curated lexicon gives it.

use dars::analysis::{Analysis, AnalysisOptions, Document, VocabEntry, analyze, analyze_with};
use dars::arabic::normalize::normalize;
use dars::arabic::tokenize::TokenKind;

/// `(agreeing, compared, words BAMA has no reading for)` over the article's Arabic words.
fn agreement(doc: &Document) -> (usize, usize, usize, Vec<String>) {
    let curated = analyze(doc);
    let bama = analyze_with(
        doc,
        &AnalysisOptions {
            curated_lexicon: false,
            user_words: None,
        },
    );
    let (mut agree, mut compared, mut unread) = (0, 0, 0);
    let mut misses = Vec::new();
    for (t, token) in doc.tokens.iter().enumerate() {
        if token.kind != TokenKind::Word {
            continue;
        }
        let Some(expected) = curated.entry_of_token(t) else {
            continue;
        };
        compared += 1;
        match bama.entry_of_token(t) {
            Some(got) if normalize(&got.lemma) == normalize(&expected.lemma) => agree += 1,
            Some(got) => misses.push(format!(
                "{}: {} ({}) not {} ({})",
                doc.slice(&token.range),
                got.lemma,
                got.gloss_en,
                expected.lemma,
                expected.gloss_en
            )),
            None => {
                unread += 1;
                misses.push(format!("{}: no reading", doc.slice(&token.range)));
            }
        }
    }
    (agree, compared, unread, misses)
}

#[test]
fn without_the_curated_lexicon_bama_chooses_the_curated_lemma_mostly() {
    let doc = Document::bundled();
    let (agree, compared, unread, misses) = agreement(&doc);
    let share = agree as f64 / compared as f64;
    eprintln!(
        "BAMA alone chose the curated lemma for {agree} of {compared} words ({:.1}%); {unread} have no BAMA reading",
        share * 100.0
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(share >= 0.85, "{:.1}% agree", share * 100.0);
}

#[test]
#[ignore = "a debugging aid: prints every reading of DARS_WORDS"]
fn print_readings() {
    let words = std::env::var("DARS_WORDS").unwrap_or_default();
    let doc = Document::new("w", words.as_str());
    let a = analyze_with(
        &doc,
        &AnalysisOptions {
            curated_lexicon: false,
            user_words: None,
        },
    );
    for t in 0..doc.tokens.len() {
        eprintln!(
            "{}: chosen {:?}",
            doc.slice(&doc.tokens[t].range),
            a.chosen_reading(t)
        );
        for r in a.readings(t) {
            let f = a.lemma_facts(r.lemma).unwrap_or_default();
            eprintln!(
                "   {} {} {:?} {} [{:?} {:?}] {:?}",
                f.lemma,
                r.vocalized_word().unwrap_or_default(),
                r.pos,
                f.gloss_en,
                r.proclitics().collect::<Vec<_>>(),
                r.enclitic(),
                r.lemma.stable_id()
            );
        }
    }
}

/// The vocabulary entry of the first token written `word` (which must be in `doc`).
fn entry_of<'a>(doc: &Document, a: &'a Analysis, word: &str) -> Option<&'a VocabEntry> {
    let t = doc
        .tokens
        .iter()
        .position(|t| doc.slice(&t.range) == word)
        .expect("the word is a token");
    a.entry_of_token(t)
}

#[test]
fn a_word_inside_a_name_is_read_as_the_name() {
    // قطر is also "trains" (قُطُر); in أمير قطر it names Qatar.
    let doc = Document::new(
        "t",
        "واستقبل أمير قطر الشيخ تميم الرئيس. ثم ركب الركاب قطارا.",
    );
    let a = analyze(&doc);
    assert_eq!(
        entry_of(&doc, &a, "قطر").map(|e| e.gloss_en.as_str()),
        Some("Qatar")
    );
}

/// A verb in the present after the name that is its subject is read as the verb, not as a
/// noun of the same letters: every present-tense verb has a person prefix (ت, ي), which is no
/// sign against it. (تطلق was read as تَطَلُّق "cheerfulness", تشارك as تَشارُك.)
#[test]
fn a_present_tense_verb_after_its_subject_is_read_as_a_verb() {
    let doc = Document::new(
        "t",
        "مصر تطلق حملة وطنية للتطعيم. اليابان تشارك في المعرض الدولي.",
    );
    let a = analyze(&doc);
    for word in ["تطلق", "تشارك"] {
        let entry = entry_of(&doc, &a, word).expect("the word has a lemma");
        assert_eq!(
            entry.pos,
            dars::analysis::lexicon::Pos::Verb,
            "{word} read as {} ({})",
            entry.vocalized,
            entry.gloss_en
        );
    }
}

/// An adjective after an indefinite noun is read as its adjective (حملة وطنية, "a national
/// campaign", not "a campaign, nationalism"), unless the next word has the article: then the
/// word is the first term of a construct (تمويل مشروع القطار, "funding the train project").
#[test]
fn an_adjective_agrees_with_its_indefinite_noun_and_a_construct_stays_a_noun() {
    let doc = Document::new(
        "t",
        "أطلقت الوزارة حملة وطنية للتطعيم. وتحدث الوزير في مؤتمر صحفي أمس. وبدأ تمويل مشروع القطار.",
    );
    let a = analyze(&doc);
    let read = |word: &str| {
        let entry = entry_of(&doc, &a, word).expect("the word has a lemma");
        (entry.pos, entry.gloss_en.clone())
    };
    use dars::analysis::lexicon::Pos;
    for word in ["وطنية", "صحفي"] {
        assert_eq!(read(word).0, Pos::Adjective, "{word}: {:?}", read(word));
    }
    assert_eq!(read("مشروع").0, Pos::Noun, "{:?}", read("مشروع"));
}
