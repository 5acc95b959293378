//! Quiz generation over many seeds, on the bundled article and on a text the lexicon hardly knows:
//! fair choices, every kind the text supports, reasons for the others, answers saved like card ratings.

use std::sync::LazyLock;
use std::time::Duration;

use dars::analysis::{Analysis, Document, analyze};
use dars::arabic::normalize::normalize;
use dars::library::Library;
use dars::study::quiz::{
    Answer, Practise, Question, QuestionKind, Quiz, QuizSpec, Verdict, generate, glosses_overlap,
};
use dars::study::{Card, Progress, Rating, Session, Status, deck_from_analysis};
use proptest::prelude::*;

const NOW: u64 = 1_700_000_000;

/// A short news text written for these tests (not the bundled article): most of its words
/// are unknown to the bundled lexicon, and it names nobody the gazetteer knows.
const OTHER_TEXT: &str = "مصر والسودان تطالبان إثيوبيا باتفاق ملزم حول سد النهضة

طالبت مصر والسودان يوم الثلاثاء إثيوبيا بالتوصل إلى اتفاق قانوني ملزم بشأن ملء وتشغيل سد النهضة قبل موسم الأمطار المقبل.

وقال وزير الخارجية المصري سامح شكري في مؤتمر صحفي إن بلاده لن تقبل بأي إجراء أحادي يهدد حصتها من مياه النيل.

وتستضيف الخرطوم الأسبوع المقبل جولة جديدة من المفاوضات برعاية الاتحاد الأفريقي.

المصدر: وكالات
";

struct Text {
    doc: Document,
    analysis: Analysis,
    cards: Vec<Card>,
}

fn text(doc: Document) -> Text {
    let analysis = analyze(&doc);
    let cards = deck_from_analysis(&doc, &analysis);
    Text {
        doc,
        analysis,
        cards,
    }
}

static BUNDLED: LazyLock<Text> = LazyLock::new(|| text(Document::bundled()));
static OTHER: LazyLock<Text> = LazyLock::new(|| text(Document::new("other.txt", OTHER_TEXT)));

/// A text that names no person and states no relation (the analysis now finds both in
/// OTHER_TEXT: the Egyptian foreign minister, and Egypt and Sudan's demand of Ethiopia).
const PLAIN_TEXT: &str = "ارتفاع أسعار النفط في الأسواق العالمية

ارتفعت أسعار النفط يوم الثلاثاء بسبب المخاوف من نقص الإمدادات مع اقتراب فصل الشتاء.

وقال محللون إن الطلب على الوقود يزداد في الأسواق بينما تبقى المخزونات منخفضة.

ومن المتوقع أن تستمر الأسعار في الارتفاع خلال الأسابيع المقبلة.

المصدر: وكالات
";

static PLAIN: LazyLock<Text> = LazyLock::new(|| text(Document::new("plain.txt", PLAIN_TEXT)));

fn quiz_of(t: &Text, spec: &QuizSpec) -> Quiz {
    generate(
        &t.doc,
        &t.analysis,
        &t.cards,
        &Progress::default(),
        spec,
        NOW,
    )
}

fn all(seed: u64, count: usize) -> QuizSpec {
    QuizSpec {
        practise: Practise::All,
        count,
        kinds: Vec::new(),
        seed,
    }
}

fn is_true_or_false(q: &Question) -> bool {
    q.choices
        .iter()
        .map(|c| c.text.as_str())
        .eq(["True", "False"])
}

/// Everything a learner could hold against a multiple-choice question.
fn check_question(t: &Text, q: &Question) -> Result<(), String> {
    if q.is_typed() {
        if !q.accepted.contains(&q.answer) {
            return Err(format!("typed answer not accepted: {q:?}"));
        }
        return Ok(());
    }
    let texts: Vec<&str> = q.choices.iter().map(|c| c.text.as_str()).collect();
    let expected = if is_true_or_false(q) { 2 } else { 4 };
    if texts.len() != expected {
        return Err(format!("{} choices: {texts:?}", texts.len()));
    }
    let mut distinct = texts.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() != texts.len() {
        return Err(format!("repeated choice: {texts:?}"));
    }
    let correct = q
        .choices
        .get(q.correct)
        .ok_or("correct index out of range")?;
    if !is_true_or_false(q) && correct.text != q.answer {
        return Err(format!(
            "answer {} is not the correct choice {}",
            q.answer, correct.text
        ));
    }
    let card = q
        .word
        .as_deref()
        .and_then(|key| t.cards.iter().find(|c| c.key() == key));
    match q.kind {
        QuestionKind::Meaning | QuestionKind::Reverse | QuestionKind::Cloze => {
            let card = card.ok_or("a word question without its card")?;
            for (i, a) in q.choices.iter().enumerate() {
                if a.pos.as_deref() != Some(card.pos.as_str()) {
                    return Err(format!("{:?} is not a {}", a, card.pos));
                }
                for b in &q.choices[i + 1..] {
                    let (la, lb) = (a.lemma.clone(), b.lemma.clone());
                    if normalize(&la.unwrap_or_default()) == normalize(&lb.unwrap_or_default()) {
                        return Err(format!("same lemma twice: {texts:?}"));
                    }
                    let (ga, gb) = (a.gloss.clone(), b.gloss.clone());
                    if glosses_overlap(&ga.unwrap_or_default(), &gb.unwrap_or_default()) {
                        return Err(format!("overlapping meanings: {a:?} / {b:?}"));
                    }
                }
            }
        }
        QuestionKind::Root => {
            let card = card.ok_or("a root question without its card")?;
            let right = texts
                .iter()
                .filter(|r| normalize(r) == normalize(&card.root));
            if right.count() != 1 {
                return Err(format!("not one right root for {}: {texts:?}", card.root));
            }
        }
        QuestionKind::Vowelling => {
            let card = card.ok_or("a vowelling question without its card")?;
            if texts.iter().filter(|v| **v == card.vocalized).count() != 1
                || texts.iter().any(|v| normalize(v) != normalize(&card.lemma))
            {
                return Err(format!(
                    "bad vocalizations of {}: {texts:?}",
                    card.vocalized
                ));
            }
        }
        QuestionKind::Relation => check_relation(t, q)?,
        QuestionKind::Name | QuestionKind::Typed => {}
    }
    Ok(())
}

/// A wrong choice of a "who" question never holds the relation asked about.
fn check_relation(t: &Text, q: &Question) -> Result<(), String> {
    if q.evidence.is_none() {
        return Err("a relation question without its evidence sentence".into());
    }
    if is_true_or_false(q) {
        return Ok(());
    }
    let id = q.relation.as_deref().ok_or("no relation id")?;
    let [source, kind, target]: [&str; 3] = id
        .split(' ')
        .collect::<Vec<_>>()
        .try_into()
        .map_err(|_| format!("bad relation id {id}"))?;
    let name = |id: &str| t.analysis.entity(id).map(|e| e.name_en.clone());
    let relation = t
        .analysis
        .relations
        .iter()
        .find(|r| r.source == source && r.kind == kind && r.target == target)
        .ok_or("relation not in the analysis")?;
    let answer_is_source = name(source).as_deref() == Some(q.answer.as_str());
    let other = if answer_is_source { target } else { source };
    for wrong in q.choices.iter().filter(|c| c.text != q.answer) {
        let holds = t.analysis.relations.iter().any(|r| {
            r.kind == relation.kind && r.label_en == relation.label_en && {
                let pairs = if r.directed {
                    vec![(&r.source, &r.target)]
                } else {
                    vec![(&r.source, &r.target), (&r.target, &r.source)]
                };
                pairs.into_iter().any(|(s, t2)| {
                    let (holder, held) = if answer_is_source { (s, t2) } else { (t2, s) };
                    held == other && name(holder).as_deref() == Some(wrong.text.as_str())
                })
            }
        });
        if holds {
            return Err(format!(
                "{} is a second correct answer to {}",
                wrong.text, q.subject
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn every_question_is_fair_whatever_the_seed(seed in any::<u64>(), other in any::<bool>()) {
        let t = if other { &*OTHER } else { &*BUNDLED };
        let quiz = quiz_of(t, &all(seed, 60));
        prop_assert!(!quiz.questions.is_empty());
        for q in &quiz.questions {
            let checked = check_question(t, q);
            prop_assert!(checked.is_ok(), "{:?}: {:?}", checked, q);
        }
    }
}

#[test]
fn the_same_seed_makes_the_same_quiz() {
    let a = quiz_of(&BUNDLED, &all(42, 10));
    assert_eq!(a, quiz_of(&BUNDLED, &all(42, 10)));
    assert_ne!(a, quiz_of(&BUNDLED, &all(43, 10)));
    assert_eq!(a.questions.len(), 10);
}

#[test]
fn the_bundled_article_supports_every_kind() {
    let quiz = quiz_of(&BUNDLED, &all(7, 40));
    for kind in QuestionKind::ALL {
        assert!(
            quiz.questions.iter().any(|q| q.kind == kind),
            "no {kind:?} question"
        );
    }
    assert!(quiz.left_out.is_empty(), "{:?}", quiz.left_out);
    // Each word, name and relation is asked about once.
    let mut subjects: Vec<String> = quiz
        .questions
        .iter()
        .map(|q| q.word.clone().or(q.relation.clone()).unwrap_or_default())
        .collect();
    subjects.sort();
    let before = subjects.len();
    subjects.dedup();
    assert_eq!(subjects.len(), before);
}

#[test]
fn another_text_leaves_out_what_it_cannot_support_and_says_why() {
    let quiz = quiz_of(&PLAIN, &all(1, 20));
    let reason = |kind| {
        quiz.left_out
            .iter()
            .find(|l| l.kind == kind)
            .map(|l| l.reason.clone())
            .unwrap_or_default()
    };
    assert!(
        reason(QuestionKind::Relation).contains("no relation"),
        "{:?}",
        quiz.left_out
    );
    assert!(
        reason(QuestionKind::Name).contains("names no person"),
        "{:?}",
        quiz.left_out
    );
    for kind in [
        QuestionKind::Meaning,
        QuestionKind::Reverse,
        QuestionKind::Typed,
    ] {
        assert!(quiz.questions.iter().any(|q| q.kind == kind), "no {kind:?}");
    }
    // Only words the lexicon knows are asked about.
    for q in &quiz.questions {
        let key = q.word.as_deref().unwrap_or_default();
        assert!(PLAIN.cards.iter().any(|c| c.key() == key), "{q:?}");
    }
}

#[test]
fn a_cloze_blanks_the_word_in_its_own_sentence() {
    let spec = QuizSpec {
        kinds: vec![QuestionKind::Cloze],
        ..all(3, 10)
    };
    let quiz = quiz_of(&BUNDLED, &spec);
    assert!(!quiz.questions.is_empty());
    for q in &quiz.questions {
        let context = q.context.as_ref().expect("a sentence");
        assert_eq!(&context.text[context.mark.clone()], "…");
        let filled = format!(
            "{}{}{}",
            &context.text[..context.mark.start],
            q.answer,
            &context.text[context.mark.end..]
        );
        assert_eq!(filled, BUNDLED.doc.sentence_text(context.sentence));
    }
}

#[test]
fn practising_one_sentence_asks_only_about_its_words() {
    let spec = QuizSpec {
        practise: Practise::Sentence(1),
        ..all(5, 30)
    };
    let quiz = quiz_of(&BUNDLED, &spec);
    assert!(quiz.questions.len() > 5);
    for q in &quiz.questions {
        if let Some(key) = &q.word {
            let entry = BUNDLED
                .analysis
                .vocabulary
                .iter()
                .find(|v| dars::study::word_key(&v.lemma, v.pos.as_str()) == *key);
            if let Some(entry) = entry {
                assert!(entry.sentences.contains(&1), "{key}");
            }
        }
        if q.kind == QuestionKind::Relation {
            assert!(q.relation.is_some());
        }
    }
    let relations_only = QuizSpec {
        practise: Practise::Relations,
        ..all(5, 30)
    };
    let quiz = quiz_of(&BUNDLED, &relations_only);
    assert!(
        quiz.questions
            .iter()
            .all(|q| q.kind == QuestionKind::Relation)
    );
    assert!(!quiz.questions.is_empty());
}

#[test]
fn answers_count_in_the_schedule_and_are_saved() {
    let dir = std::env::temp_dir().join(format!("dars-quiz-answers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let t = &*BUNDLED;
    let open = || {
        let library = Library::open_in(&dir).expect("the library opens").library;
        Session::open(Some(library), &t.doc, &t.analysis).session
    };
    let mut session = open();
    let spec = QuizSpec {
        kinds: vec![QuestionKind::Meaning],
        ..QuizSpec::default()
    };
    let quiz = session.quiz(&t.doc, &t.analysis, &spec, NOW);
    assert_eq!(quiz.questions.len(), 10, "due now: every new word");
    let (wrong_q, right_q) = (&quiz.questions[0], &quiz.questions[1]);
    let wrong = Answer::Choice((wrong_q.correct + 1) % 4);
    let graded = session.answer(wrong_q, &wrong, Duration::from_secs(3), NOW);
    assert_eq!(
        (graded.verdict, graded.rating),
        (Verdict::Wrong, Rating::Again)
    );
    let graded = session.answer(
        right_q,
        &Answer::Choice(right_q.correct),
        Duration::from_secs(2),
        NOW,
    );
    assert_eq!(
        (graded.verdict, graded.rating),
        (Verdict::Right, Rating::Easy)
    );
    assert!(session.is_unsaved());
    session.save().expect("saved");

    let session = open();
    let wrong_key = wrong_q.word.clone().unwrap_or_default();
    let right_key = right_q.word.clone().unwrap_or_default();
    let p = session.progress();
    assert_eq!(p.status(&wrong_key), Status::Learning);
    assert_eq!(p.due(&wrong_key), Some(NOW + 10 * 60));
    assert!(
        p.due(&right_key) > Some(NOW + 7 * 24 * 60 * 60),
        "easy: about 8 days"
    );
    assert_eq!(p.quiz.len(), 2);
    assert_eq!(p.quiz[0].verdict, Verdict::Wrong);
    assert_eq!(p.quiz[1].given, right_q.choices[right_q.correct].text);
    // The word answered right is no longer due; the one missed comes back in ten minutes.
    let later = NOW + 10 * 60;
    let again = session.quiz(&t.doc, &t.analysis, &spec, later);
    let asked: Vec<String> = again
        .questions
        .iter()
        .filter_map(|q| q.word.clone())
        .collect();
    assert!(asked.contains(&wrong_key) && !asked.contains(&right_key));
    // Words answered before and due now are chosen before words never seen.
    let one = QuizSpec { count: 1, ..spec };
    let first = session.quiz(&t.doc, &t.analysis, &one, later).questions;
    assert_eq!(first.first().and_then(|q| q.word.clone()), Some(wrong_key));
    std::fs::remove_dir_all(&dir).ok();
}
