//! Where the reader is: the current sentence and word, and how keys move them. GUI-free.

use crate::analysis::Document;

/// The current sentence and, inside it, the current word (a token index).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub sentence: usize,
    pub word: Option<usize>,
}

impl Position {
    pub fn next_sentence(&mut self, doc: &Document) {
        self.go_to_sentence(
            doc,
            (self.sentence + 1).min(doc.sentences.len().saturating_sub(1)),
        );
    }

    pub fn previous_sentence(&mut self, doc: &Document) {
        self.go_to_sentence(doc, self.sentence.saturating_sub(1));
    }

    /// To the start of the text: the first sentence, before its first word.
    pub fn first_sentence(&mut self, doc: &Document) {
        self.go_to_sentence(doc, 0);
        self.word = None;
    }

    /// To the last sentence, before its first word.
    pub fn last_sentence(&mut self, doc: &Document) {
        self.go_to_sentence(doc, doc.sentences.len().saturating_sub(1));
        self.word = None;
    }

    /// Moves to a sentence; the word mark is dropped unless the sentence stays the same.
    pub fn go_to_sentence(&mut self, doc: &Document, sentence: usize) {
        let sentence = sentence.min(doc.sentences.len().saturating_sub(1));
        if sentence != self.sentence {
            self.word = None;
        }
        self.sentence = sentence;
    }

    /// Makes a token current, and its sentence with it.
    pub fn go_to_token(&mut self, doc: &Document, token: usize) {
        if let Some(t) = doc.tokens.get(token) {
            self.sentence = t.sentence;
            self.word = Some(token);
        }
    }

    /// The next word in reading order, on into the next sentence at the end of this one.
    pub fn next_word(&mut self, doc: &Document) {
        let mut sentence = self.sentence;
        loop {
            let next = doc.words_of(sentence).find(|&t| {
                self.word
                    .is_none_or(|w| t > w || doc.tokens[w].sentence != sentence)
            });
            if let Some(t) = next {
                self.go_to_token(doc, t);
                return;
            }
            if sentence + 1 >= doc.sentences.len() {
                return;
            }
            sentence += 1;
            self.word = None;
            self.sentence = sentence;
        }
    }

    /// The previous word in reading order, back into the previous sentence at the start of this one.
    pub fn previous_word(&mut self, doc: &Document) {
        let Some(current) = self.word else {
            // No word yet: start from the sentence's last word.
            if let Some(t) = doc.words_of(self.sentence).last() {
                self.go_to_token(doc, t);
            }
            return;
        };
        let mut sentence = self.sentence;
        loop {
            let prev = doc.words_of(sentence).filter(|&t| t < current).last();
            if let Some(t) = prev {
                self.go_to_token(doc, t);
                return;
            }
            if sentence == 0 {
                return;
            }
            sentence -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(doc: &Document, p: Position) -> &str {
        p.word.map_or("", |w| doc.slice(&doc.tokens[w].range))
    }

    #[test]
    fn words_run_on_across_sentences() {
        let doc = Document::new("t", "عنوان قصير\nجملة (أولى). ثم 2018.");
        let mut p = Position::default();
        p.next_word(&doc);
        assert_eq!(word(&doc, p), "عنوان");
        p.next_word(&doc);
        p.next_word(&doc);
        assert_eq!((p.sentence, word(&doc, p)), (1, "جملة"));
        p.next_word(&doc);
        assert_eq!(word(&doc, p), "أولى", "punctuation is skipped");
        p.next_word(&doc);
        assert_eq!((p.sentence, word(&doc, p)), (2, "ثم"));
        p.next_word(&doc);
        p.next_word(&doc);
        assert_eq!(word(&doc, p), "2018", "stays on the last word");
        p.previous_word(&doc);
        p.previous_word(&doc);
        assert_eq!((p.sentence, word(&doc, p)), (1, "أولى"));
    }

    #[test]
    fn sentences_stop_at_both_ends() {
        let doc = Document::bundled();
        let mut p = Position::default();
        p.previous_sentence(&doc);
        assert_eq!(p.sentence, 0);
        p.last_sentence(&doc);
        let last = doc.sentences.len() - 1;
        assert_eq!(p.sentence, last);
        p.next_sentence(&doc);
        assert_eq!(p.sentence, last);
        p.first_sentence(&doc);
        assert_eq!(p, Position::default());
    }
}
