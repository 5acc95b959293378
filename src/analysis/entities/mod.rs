//! Entities: the names a document mentions, from the gazetteer and from the people its
//! titles introduce, and which entity each mention is.

pub mod gazetteer;
pub(crate) mod matching;
pub mod persons;
mod resolve;

use std::ops::Range;

use serde::Serialize;

pub use gazetteer::{GazEntry, Gazetteer, Office, OfficeKind, name_key};
pub use resolve::{Catalogue, EntitiesFound, StatedOffice, find_entities};

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
    pub(crate) fn parse(text: &str) -> Option<Self> {
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
    /// Index in the analysis's catalogue: the gazetteer's entries, then the people the
    /// document introduces.
    pub entry: usize,
    pub id: String,
    pub kind: EntityKind,
    pub name_en: String,
    pub name_ar: String,
    /// In text order.
    pub mentions: Vec<Mention>,
}

#[cfg(test)]
mod tests {
    use crate::analysis::document::Document;

    fn mentions(text: &str) -> Vec<(String, String)> {
        let doc = Document::new("t", text);
        let analysis = crate::analysis::analyze(&doc);
        let mut out: Vec<(usize, String, String)> = analysis
            .entities
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
                "عقد الرئيس الروسي والزعيم الكوري الشمالي قمة في الشرق الروسي مع الرئيس الأمريكي. وقال بوتين إن كيم جونغ أون وترامب"
            ),
            vec![
                pair("putin", "الرئيس الروسي"),
                pair("kim_jong_un", "الزعيم الكوري الشمالي"),
                pair("russian_far_east", "الشرق الروسي"),
                pair("trump", "الرئيس الأمريكي"),
                pair("putin", "بوتين"),
                pair("kim_jong_un", "كيم جونغ أون"),
                pair("trump", "ترامب"),
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
            mentions("والد الزعيم الحالي كيم جونغ أون"),
            vec![
                pair("kim_jong_un", "الزعيم الحالي"),
                pair("kim_jong_un", "كيم جونغ أون")
            ]
        );
        // Named nowhere in the text, the current leader is nobody the text names.
        assert!(mentions("والد الزعيم الحالي").is_empty());
    }

    #[test]
    fn a_title_introduces_a_person_the_gazetteer_lacks() {
        let found =
            mentions("التقى الرئيس الفرنسي إيمانويل ماكرون نظيره البرازيلي لولا. وقال ماكرون إن");
        let macron = found
            .iter()
            .find(|(_, text)| text == "إيمانويل ماكرون")
            .map(|(id, _)| id.clone());
        let macron = macron.expect("Macron is found by his title");
        assert_eq!(
            found,
            vec![
                pair(&macron, "الرئيس الفرنسي"),
                pair(&macron, "إيمانويل ماكرون"),
                pair("lula", "نظيره البرازيلي"),
                pair("lula", "لولا"),
                pair(&macron, "ماكرون"),
            ]
        );
    }

    #[test]
    fn a_title_names_only_a_person_this_text_names() {
        // The gazetteer remembers Pompeo as US secretary of state; this text names Blinken.
        let found = mentions("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن بلينكن سيزور بكين");
        let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        assert!(!ids.contains(&"pompeo"), "{found:?}");
        assert!(found.len() >= 4, "{found:?}");
        let blinken = &found[1].0;
        assert_eq!(found[1].1, "أنتوني بلينكن");
        assert_eq!(found[2], pair(blinken, "بلينكن"));
        assert_eq!(found[3], pair("beijing", "بكين"));
        assert!(mentions("قال وزير الخارجية الأمريكي إن").is_empty());
    }
}
