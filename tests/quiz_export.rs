//! `dars quiz` run as a process: Moodle XML and GIFT parsed back, JSON read back to the same quiz, the sheet's answer key, errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dars::analysis::{Document, analyze};
use dars::export::quiz::{QuizFormat, quiz_bytes};
use dars::study::quiz::{Practise, QuestionKind, Quiz, QuizSpec, generate};
use dars::study::{Progress, deck_from_analysis};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-quiz-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn dars(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dars"))
        .args(args)
        // Hermetic: no saved edits or progress of whoever runs the tests.
        .env("DARS_DATA_DIR", dir.join("data"))
        .output()
        .expect("dars runs")
}

/// The quiz the command makes with `--seed seed --count count` (practising all words).
fn bundled_quiz(seed: u64, count: usize) -> Quiz {
    let doc = Document::bundled();
    let analysis = analyze(&doc);
    let cards = deck_from_analysis(&doc, &analysis);
    let spec = QuizSpec {
        practise: Practise::All,
        count,
        kinds: Vec::new(),
        seed,
    };
    generate(&doc, &analysis, &cards, &Progress::default(), &spec, 0)
}

fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[test]
fn json_reads_back_to_the_same_quiz() {
    let dir = scratch("json");
    let out = dir.join("quiz.json");
    let path = out.to_str().unwrap_or_default();
    let run = dars(
        &dir,
        &[
            "quiz", "--format", "json", "--seed", "9", "--count", "12", "--out", path,
        ],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let read: Quiz = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("json");
    assert_eq!(read, bundled_quiz(9, 12));
    assert!(String::from_utf8_lossy(&run.stderr).contains("wrote 12 questions"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn moodle_xml_has_the_structure_moodle_imports() {
    let dir = scratch("moodle");
    let out = dir.join("quiz.xml");
    let path = out.to_str().unwrap_or_default();
    let run = dars(
        &dir,
        &[
            "quiz",
            "--format",
            "moodle-xml",
            "--seed",
            "4",
            "--count",
            "24",
            "--out",
            path,
        ],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let xml = std::fs::read_to_string(&out).expect("written");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "quiz");
    let quiz = bundled_quiz(4, 24);
    let questions: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("question") && n.attribute("type") != Some("category"))
        .collect();
    assert_eq!(questions.len(), quiz.questions.len());
    let text_of = |node: roxmltree::Node<'_, '_>, tag: &str| -> String {
        node.children()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.children().find(|c| c.has_tag_name("text")))
            .and_then(|t| t.text())
            .unwrap_or_default()
            .to_owned()
    };
    for (node, q) in questions.iter().zip(&quiz.questions) {
        let html = text_of(*node, "questiontext");
        assert!(html.contains(&escape(&q.prompt)), "{html}");
        if q.subject_arabic {
            assert!(html.contains(&escape(&q.subject)), "Arabic intact: {html}");
        }
        let answers: Vec<_> = node
            .children()
            .filter(|n| n.has_tag_name("answer"))
            .collect();
        let right = answers
            .iter()
            .filter(|a| a.attribute("fraction") == Some("100"))
            .count();
        if q.is_typed() {
            assert_eq!(node.attribute("type"), Some("shortanswer"));
            assert_eq!(right, q.accepted.len());
        } else {
            assert_eq!(node.attribute("type"), Some("multichoice"));
            assert_eq!(answers.len(), q.choices.len());
            assert_eq!(right, 1, "exactly one right answer");
            let right_text = answers
                .iter()
                .find(|a| a.attribute("fraction") == Some("100"))
                .and_then(|a| a.children().find(|c| c.has_tag_name("text")))
                .and_then(|t| t.text())
                .unwrap_or_default();
            let correct = &q.choices[q.correct].text;
            assert!(right_text.contains(&escape(correct)), "{right_text}");
        }
        if q.kind == QuestionKind::Relation {
            assert!(
                has_arabic(&text_of(*node, "generalfeedback")),
                "evidence sentence"
            );
        }
    }
    // HTML inside XML: markup is escaped once, a literal ampersand or bracket twice.
    assert!(xml.contains("&lt;p dir=&quot;rtl&quot; lang=&quot;ar&quot;&gt;"));
    std::fs::remove_dir_all(&dir).ok();
}

fn escape(text: &str) -> String {
    dars::export::quiz::escape_html(text)
}

/// GIFT's `{…}` answer blocks and the text before them, honouring backslash escapes.
fn gift_questions(gift: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let (mut text, mut block, mut inside, mut escaped) =
        (String::new(), String::new(), false, false);
    for c in gift.chars() {
        if escaped {
            if inside {
                block.push(c)
            } else {
                text.push(c)
            }
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '{' if !inside => inside = true,
            '}' if inside => {
                let answers = block
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect();
                out.push((std::mem::take(&mut text), answers));
                block.clear();
                inside = false;
            }
            _ if inside => block.push(c),
            _ => text.push(c),
        }
    }
    assert!(!inside, "an answer block left open");
    out
}

#[test]
fn gift_parses_back_with_one_right_answer_each() {
    let quiz = bundled_quiz(11, 30);
    let gift =
        String::from_utf8(quiz_bytes(&quiz, QuizFormat::Gift).expect("gift")).expect("utf-8");
    let parsed = gift_questions(&gift);
    assert_eq!(parsed.len(), quiz.questions.len());
    for ((text, answers), q) in parsed.iter().zip(&quiz.questions) {
        assert!(text.contains("::Q"), "{text}");
        assert!(text.contains(&escape(&q.subject)), "{text}");
        let right: Vec<&String> = answers.iter().filter(|a| a.starts_with('=')).collect();
        let wrong = answers.iter().filter(|a| a.starts_with('~')).count();
        if q.is_typed() {
            assert_eq!((right.len(), wrong), (q.accepted.len(), 0));
            assert!(right.iter().any(|a| a.contains(&q.answer)));
        } else {
            assert_eq!(right.len(), 1, "{answers:?}");
            assert_eq!(wrong, q.choices.len() - 1);
            let correct = &q.choices[q.correct].text;
            assert!(right[0].contains(&escape(correct)), "{answers:?}");
        }
    }
}

#[test]
fn the_sheet_has_an_answer_key_and_the_same_seed_prints_the_same_sheet() {
    let dir = scratch("txt");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    for out in [&a, &b] {
        let run = dars(
            &dir,
            &[
                "quiz",
                "--format",
                "txt",
                "--seed",
                "5",
                "--out",
                out.to_str().unwrap_or_default(),
            ],
        );
        assert!(run.status.success());
    }
    let sheet = std::fs::read_to_string(&a).expect("written");
    assert_eq!(sheet, std::fs::read_to_string(&b).expect("written"));
    let quiz = bundled_quiz(5, 10);
    let key = sheet.split("Answer key").nth(1).expect("an answer key");
    for (n, q) in quiz.questions.iter().enumerate() {
        assert!(sheet.contains(&format!("{:>2}. {}", n + 1, q.prompt)));
        assert!(key.contains(&q.answer), "{}", q.answer);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn types_the_text_cannot_support_fail_with_the_reason_and_write_nothing() {
    let dir = scratch("errors");
    let text = dir.join("other.txt");
    std::fs::write(&text, "طالب الوزير بعقد اجتماع جديد الأسبوع المقبل.\n").expect("written");
    let out = dir.join("quiz.gift");
    let run = dars(
        &dir,
        &[
            "quiz",
            text.to_str().unwrap_or_default(),
            "--types",
            "relation,name",
            "--format",
            "gift",
            "--out",
            out.to_str().unwrap_or_default(),
        ],
    );
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("no relation"), "{stderr}");
    assert!(!out.exists());

    let run = dars(
        &dir,
        &[
            "quiz",
            "--format",
            "xml",
            "--out",
            out.to_str().unwrap_or_default(),
        ],
    );
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("moodle-xml"));

    let nowhere = dir.join("no such folder").join("quiz.txt");
    let run = dars(
        &dir,
        &[
            "quiz",
            "--format",
            "txt",
            "--out",
            nowhere.to_str().unwrap_or_default(),
        ],
    );
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("Could not write"));
    assert!(!nowhere.exists());
    std::fs::remove_dir_all(&dir).ok();
}
