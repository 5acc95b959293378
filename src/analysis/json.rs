//! The analysis as JSON, in the contract of DESIGN.md (byte offsets into the UTF-8 text).

use serde_json::{Value, json};

use super::analyze::Analysis;
use super::document::Document;

impl Analysis {
    /// `{source, sentences, tokens, vocabulary, entities, relations}` of `doc`, which must be
    /// the document this analysis was made from.
    #[must_use]
    pub fn to_json(&self, doc: &Document) -> Value {
        let sentences: Vec<Value> = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                json!({
                    "index": i,
                    "kind": s.kind,
                    "start": s.range.start,
                    "end": s.range.end,
                    "text": doc.slice(&s.range),
                    "translation_en": self.translation(i),
                })
            })
            .collect();
        let tokens: Vec<Value> = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let info = self.token(doc, i);
                let lemma = self.entry_of_token(i).map(|e| e.lemma.as_str());
                json!({
                    "start": t.range.start,
                    "end": t.range.end,
                    "text": doc.slice(&t.range),
                    "kind": t.kind,
                    "sentence": t.sentence,
                    "lemma": lemma,
                    "proclitics": info.as_ref().map(|w| w.proclitics.clone()).unwrap_or_default(),
                    "enclitics": info.as_ref().map(|w| w.enclitics.clone()).unwrap_or_default(),
                })
            })
            .collect();
        let vocabulary: Vec<Value> = self
            .vocabulary
            .iter()
            .map(|v| {
                json!({
                    "lemma": v.lemma,
                    "vocalized": v.vocalized,
                    "root": v.root,
                    "pos": v.pos,
                    "gloss_en": v.gloss_en,
                    "plural_or_present": v.plural_or_present,
                    "translit": v.translit,
                    "count": v.count,
                    "forms": v.forms,
                    "sentences": v.sentences,
                    "occurrences": v.occurrences,
                })
            })
            .collect();
        let entities: Vec<Value> = self
            .entities
            .iter()
            .map(|e| {
                let mentions: Vec<Value> = e
                    .mentions
                    .iter()
                    .map(|m| {
                        json!({
                            "sentence": m.sentence,
                            "start": m.start,
                            "end": m.end,
                            "text": doc.slice(&m.range()),
                            "via": m.via,
                        })
                    })
                    .collect();
                json!({
                    "id": e.id,
                    "kind": e.kind,
                    "name_ar": e.name_ar,
                    "name_en": e.name_en,
                    "mentions": mentions,
                })
            })
            .collect();
        let relations: Vec<Value> = self
            .relations
            .iter()
            .map(|r| {
                json!({
                    "source": r.source,
                    "target": r.target,
                    "kind": r.kind,
                    "label_en": r.label_en,
                    "label_ar": r.label_ar,
                    "direction": if r.directed { "directed" } else { "mutual" },
                    "past": r.past,
                    "count": r.count,
                    "sentences": r.sentences,
                })
            })
            .collect();
        json!({
            "source": doc.source,
            "sentences": sentences,
            "tokens": tokens,
            "vocabulary": vocabulary,
            "entities": entities,
            "relations": relations,
        })
    }
}
