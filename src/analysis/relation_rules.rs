//! The relation rules of `assets/relation_rules.tsv`: triggers, patterns, labels and count phrases.

use foldhash::HashMap;
use std::sync::LazyLock;

use super::assets::{AssetError, RELATION_RULES_TSV, tsv_rows};
use crate::arabic::normalize::normalize;

/// How the two sides of a relation are found around its trigger (see the asset's header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    Between,
    With,
    On,
    Verb,
    Kin,
    Ally,
    Founder,
    PairAfter,
    Pair,
    Mediation,
    VerbNear,
}

impl Pattern {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "between" => Self::Between,
            "with" => Self::With,
            "on" => Self::On,
            "verb" => Self::Verb,
            "kin" => Self::Kin,
            "ally" => Self::Ally,
            "founder" => Self::Founder,
            "pair_after" => Self::PairAfter,
            "pair" => Self::Pair,
            "mediation" => Self::Mediation,
            "verb_near" => Self::VerbNear,
            _ => return None,
        })
    }
}

/// What an entity must be to take one side of a relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Person,
    /// A state; a capital or a head of state stands for it.
    Polity,
    /// Anything; a capital stands for its state.
    Any,
}

impl Role {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "person" => Self::Person,
            "polity" => Self::Polity,
            "any" => Self::Any,
            _ => return None,
        })
    }
}

/// One rule: a trigger (lemma keys, in order) and how it relates two entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub kind: String,
    pub patterns: Vec<Pattern>,
    pub trigger: Vec<String>,
    pub requires: Vec<String>,
    pub source: Role,
    pub target: Role,
    pub directed: bool,
    pub label_en: String,
    pub label_ar: String,
    pub past_label: Option<(String, String)>,
}

/// A count phrase (ثلاث مرات) in normalized words, its number and its English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// As written in the rules, for the Arabic label.
    pub text: String,
    pub words: Vec<String>,
    pub times: u32,
    pub english: String,
}

/// All rules, indexed by the first lemma of their trigger, and the count phrases.
#[derive(Debug, Default)]
pub struct RelationRules {
    pub rules: Vec<Rule>,
    pub counts: Vec<Count>,
    by_first_lemma: HashMap<String, Vec<usize>>,
}

/// The columns of `assets/relation_rules.tsv`, in the order the parser takes them.
const COLUMNS: [&str; 13] = [
    "record",
    "kind",
    "pattern",
    "trigger",
    "requires",
    "source",
    "target",
    "direction",
    "label_en",
    "label_ar",
    "label_en_past",
    "label_ar_past",
    "times",
];

fn keys(words: &str) -> Vec<String> {
    words.split_whitespace().map(normalize).collect()
}

impl RelationRules {
    /// Parses the rules TSV (`record` is `rule` or `count`).
    ///
    /// # Errors
    /// An unknown record, pattern, role or direction, or a rule without trigger or labels.
    pub fn parse(name: &str, tsv: &str) -> Result<Self, AssetError> {
        let mut out = Self::default();
        for row in tsv_rows(name, tsv, &COLUMNS)? {
            let (line, f) = row?;
            let f: Vec<&str> = f.iter().map(|s| s.trim()).collect();
            let err = |m: String| AssetError::new(name, line, m);
            match f[0] {
                "count" => {
                    let times = f[12]
                        .parse()
                        .map_err(|_| err(format!("times {:?} is not a number", f[12])))?;
                    out.counts.push(Count {
                        text: f[3].to_owned(),
                        words: keys(f[3]),
                        times,
                        english: f[8].to_owned(),
                    });
                }
                "rule" => {
                    let patterns = f[2]
                        .split('|')
                        .map(|p| {
                            Pattern::parse(p).ok_or_else(|| err(format!("unknown pattern {p:?}")))
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    let role =
                        |r: &str| Role::parse(r).ok_or_else(|| err(format!("unknown role {r:?}")));
                    let directed = match f[7] {
                        "directed" => true,
                        "mutual" => false,
                        d => return Err(err(format!("unknown direction {d:?}"))),
                    };
                    let trigger = keys(f[3]);
                    if f[1].is_empty() || trigger.is_empty() || f[8].is_empty() || f[9].is_empty() {
                        return Err(err(
                            "kind, trigger, label_en and label_ar are required".into()
                        ));
                    }
                    out.rules.push(Rule {
                        kind: f[1].to_owned(),
                        patterns,
                        trigger,
                        requires: keys(f[4]),
                        source: role(f[5])?,
                        target: role(f[6])?,
                        directed,
                        label_en: f[8].to_owned(),
                        label_ar: f[9].to_owned(),
                        past_label: (!f[10].is_empty() && !f[11].is_empty())
                            .then(|| (f[10].to_owned(), f[11].to_owned())),
                    });
                }
                other => return Err(err(format!("unknown record {other:?}"))),
            }
        }
        for (i, rule) in out.rules.iter().enumerate() {
            out.by_first_lemma
                .entry(rule.trigger[0].clone())
                .or_default()
                .push(i);
        }
        Ok(out)
    }

    /// The rules in `assets/relation_rules.tsv`, parsed once.
    ///
    /// # Panics
    /// If the bundled file is malformed; `tests::the_bundled_rules_parse` rules that out.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static RULES: LazyLock<RelationRules> = LazyLock::new(|| {
            RelationRules::parse("assets/relation_rules.tsv", RELATION_RULES_TSV)
                .unwrap_or_else(|e| panic!("bundled relation rules: {e}"))
        });
        &RULES
    }

    /// Rules whose trigger starts with the lemma `key`.
    pub fn starting_with(&self, key: &str) -> impl Iterator<Item = &Rule> {
        self.by_first_lemma
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.rules.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;

    #[test]
    fn the_bundled_rules_parse() {
        let parsed = RelationRules::parse("assets/relation_rules.tsv", RELATION_RULES_TSV);
        assert!(
            parsed
                .as_ref()
                .is_ok_and(|r| r.rules.len() > 20 && r.counts.len() > 3),
            "{:?}",
            parsed.err()
        );
    }

    #[test]
    fn every_trigger_word_is_a_lemma_of_a_lexicon() {
        let lexicon = Lexicon::bundled();
        let t = crate::analysis::bama::Tables::bundled();
        let bama: foldhash::HashSet<String> = (0..t.lemmas.len())
            .filter_map(|l| t.lemma_facts(l))
            .map(|f| normalize(&f.bare))
            .collect();
        for rule in &RelationRules::bundled().rules {
            for key in rule.trigger.iter().chain(&rule.requires) {
                assert!(
                    lexicon.entries.iter().any(|e| &e.lemma_key == key) || bama.contains(key),
                    "trigger {key} of {} is no lemma of the lexicons: it could never fire",
                    rule.kind
                );
            }
        }
    }

    #[test]
    fn bad_rows_say_what_is_wrong() {
        let err = |row: &str| {
            RelationRules::parse("r.tsv", &format!("{}\n{row}", COLUMNS.join("\t")))
                .err()
                .map(|e| e.message)
        };
        assert_eq!(
            err("count\t\t\tمرتين\t\t\t\t\ttwice\t\t\t\ttwo"),
            Some("times \"two\" is not a number".into())
        );
        assert_eq!(
            err("rule\tmet\taround\tقمة\t\tperson\tperson\tmutual\tmet\tالتقى"),
            Some("unknown pattern \"around\"".into())
        );
    }
}
