//! The reader's own actions (moving through the text, the word's details and status) and how it carries them out.

use egui::Key;

use super::Reader;
use crate::study::Status;
use crate::ui::actions::{Action, Binding, PanelAction, ctrl, key, number_key};
use crate::ui::panel::{Command, PanelContext};

/// What the keys do while the reader has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReaderAction {
    NextSentence,
    PreviousSentence,
    FirstSentence,
    LastSentence,
    NextWord,
    PreviousWord,
    WordDetails,
    CloseDetails,
    Translation,
    CopySentence,
    /// The current word's status.
    SetStatus(Status),
    /// Every word of the current sentence still marked new becomes known.
    KnowRestOfSentence,
    /// Opens the first dictionary site on the current word, in the browser.
    LookUp,
}

impl PanelAction for ReaderAction {
    fn all() -> Vec<Self> {
        let mut all = vec![
            Self::NextSentence,
            Self::PreviousSentence,
            Self::FirstSentence,
            Self::LastSentence,
            Self::NextWord,
            Self::PreviousWord,
            Self::WordDetails,
            Self::CloseDetails,
            Self::Translation,
            Self::CopySentence,
        ];
        all.extend(Status::ALL.map(Self::SetStatus));
        all.push(Self::KnowRestOfSentence);
        all.push(Self::LookUp);
        all
    }

    fn label(self) -> &'static str {
        match self {
            Self::NextSentence => "Next sentence",
            Self::PreviousSentence => "Previous sentence",
            Self::FirstSentence => "First sentence",
            Self::LastSentence => "Last sentence",
            Self::NextWord => "Next word (reading order: leftwards in Arabic)",
            Self::PreviousWord => "Previous word",
            Self::WordDetails => {
                "Details of the current word: lemma, gloss, root, transliteration, status, other occurrences"
            }
            Self::CloseDetails => "Close the details (or else the search bar)",
            Self::Translation => "Show / hide the sentence's English translation",
            Self::CopySentence => {
                "Copy the selection, or else the current sentence (in logical order)"
            }
            Self::SetStatus(Status::New) => "Mark the current word new",
            Self::SetStatus(Status::Learning) => "Mark the current word learning",
            Self::SetStatus(Status::Known) => "Mark the current word known",
            Self::SetStatus(Status::Ignored) => "Mark the current word ignored",
            Self::KnowRestOfSentence => {
                "Mark the sentence's remaining new words known (\"well known\", as in LWT)"
            }
            Self::LookUp => {
                "Look the current word up on the first dictionary site (Settings → Dictionaries)"
            }
        }
    }

    /// `←` is the next word: Arabic reads leftwards.
    fn bindings(self) -> Vec<Binding> {
        match self {
            Self::NextSentence => vec![key(Key::ArrowDown), key(Key::J)],
            Self::PreviousSentence => vec![key(Key::ArrowUp), key(Key::K)],
            Self::FirstSentence => vec![key(Key::Home)],
            Self::LastSentence => vec![key(Key::End)],
            Self::NextWord => vec![key(Key::ArrowLeft)],
            Self::PreviousWord => vec![key(Key::ArrowRight)],
            Self::WordDetails => vec![key(Key::Enter)],
            Self::CloseDetails => vec![key(Key::Escape)],
            Self::Translation => vec![key(Key::T)],
            Self::CopySentence => vec![ctrl(Key::C)],
            Self::SetStatus(status) => vec![key(number_key(status as usize))],
            // `w` for "well known", as in LWT.
            Self::KnowRestOfSentence => vec![key(Key::W)],
            Self::LookUp => vec![key(Key::O)],
        }
    }
}

impl Reader {
    /// Carries out one of the reader's actions.
    pub(super) fn act_on(
        &mut self,
        action: ReaderAction,
        cx: &mut PanelContext<'_>,
    ) -> Vec<Command> {
        let doc = cx.doc;
        let pos = &mut self.position;
        let mut commands = Vec::new();
        match action {
            ReaderAction::NextSentence => pos.next_sentence(doc),
            ReaderAction::PreviousSentence => pos.previous_sentence(doc),
            ReaderAction::FirstSentence => pos.first_sentence(doc),
            ReaderAction::LastSentence => pos.last_sentence(doc),
            ReaderAction::NextWord => pos.next_word(doc),
            ReaderAction::PreviousWord => pos.previous_word(doc),
            ReaderAction::WordDetails => {
                if pos.word.is_none() {
                    pos.next_word(doc);
                }
                self.details_open = true;
            }
            ReaderAction::CloseDetails => {
                // One thing at a time: the word's details, else the search bar.
                if !self.details_open && self.search.open {
                    self.search.close();
                }
                self.details_open = false;
                self.marks.clear();
            }
            ReaderAction::Translation => self.show_translation = !self.show_translation,
            ReaderAction::CopySentence => commands.push(Command::Copy(self.copy_text(doc))),
            ReaderAction::SetStatus(status) => {
                if let Some(message) = self.set_status(status, cx) {
                    commands.push(Command::Inform(message));
                }
            }
            ReaderAction::LookUp => commands.push(match self.lookup_url(cx, 0) {
                Ok(url) => Command::OpenUrl(url),
                Err(why) => Command::Inform(why),
            }),
            ReaderAction::KnowRestOfSentence => {
                let cards: Vec<usize> = doc
                    .words_of(self.position.sentence)
                    .filter_map(|t| cx.session.card_of_token(t))
                    .collect();
                let n = cx.session.promote_new(cards, Status::Known);
                commands.push(Command::Inform(format!(
                    "{n} new word{} of this sentence marked known.",
                    if n == 1 { "" } else { "s" }
                )));
            }
        }
        if matches!(
            action,
            ReaderAction::NextSentence
                | ReaderAction::PreviousSentence
                | ReaderAction::FirstSentence
                | ReaderAction::LastSentence
                | ReaderAction::NextWord
                | ReaderAction::PreviousWord
        ) {
            self.moved();
        }
        commands
    }

    /// Sets the current word's status; or says why it has none.
    fn set_status(&self, status: Status, cx: &mut PanelContext<'_>) -> Option<String> {
        let Some(word) = self.position.word else {
            return Some(format!(
                "Choose a word first ({} or a click), then {}–{} sets its status.",
                Action::Reader(ReaderAction::NextWord).key_text(),
                Action::Reader(ReaderAction::SetStatus(Status::New)).key_text(),
                Action::Reader(ReaderAction::SetStatus(Status::Ignored)).key_text(),
            ));
        };
        let Some(card) = cx.session.card_of_token(word) else {
            return Some(
                "This word has no card (the lexicon does not know it), so no status.".to_owned(),
            );
        };
        let key = cx.session.cards()[card].key();
        cx.session.set_status(&key, status);
        None
    }
}
