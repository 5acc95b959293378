//! The text handed to cosmic-text for a paragraph: marks put in, and stand-ins for characters it mishandles, offsets kept.

use super::layout::Direction;

/// Right-to-left mark: put in front of an RTL paragraph because cosmic-text picks the
/// direction from the first strong character and has no setter for it.
const RLM: &str = "\u{200F}";

/// The text as laid out: an RLM in front of an RTL paragraph. Returns the text and where the insertions are.
pub(super) fn layout_text(text: &str, direction: Direction) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len() + 8);
    let mut inserts = Vec::new();
    if direction == Direction::Rtl {
        out.push_str(RLM);
        inserts.push((0, RLM.len()));
    }
    if text.contains(needs_a_stand_in) {
        push_with_stand_ins(&mut out, text);
    } else {
        out.push_str(text);
    }
    (out, inserts)
}

/// Bidi embeddings, overrides and isolates nested deeper than this are laid out as if absent:
/// real texts nest two or three, and near the algorithm's limit of 125 cosmic-text panics
/// (a line of digits at the deepest level has no odd level above it to reorder to).
const MAX_BIDI_NESTING: usize = 60;

fn needs_a_stand_in(c: char) -> bool {
    is_paragraph_break(c) || is_bidi_push(c)
}

/// Characters that end a paragraph inside a paragraph's text. cosmic-text starts a new line
/// at every CR, and its offsets then restart from each line's own start, so a lone CR (old
/// Mac line ends) would shift every offset after it. The other bidi paragraph separators
/// make it panic when the parts have different directions (an assertion in its shaper).
fn is_paragraph_break(c: char) -> bool {
    matches!(c, '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}')
}

/// LRE, RLE, LRO, RLO, LRI, RLI, FSI: each opens a level of bidi nesting.
fn is_bidi_push(c: char) -> bool {
    matches!(
        c,
        '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' | '\u{2066}'..='\u{2068}'
    )
}

/// Copies `text`, putting in a stand-in of the same length in bytes (so offsets stay as they
/// are) for each paragraph break and each bidi opening nested too deep.
fn push_with_stand_ins(out: &mut String, text: &str) {
    // The openings in force, as the bidi algorithm counts them (true: an isolate). A closing
    // character only closes what the algorithm says it does: a PDF the innermost embedding
    // or override, not an isolate; a PDI the innermost isolate and all opened inside it; an
    // unmatched one nothing (counting those down let RLO … PDI repeated nest without end).
    let mut open: Vec<bool> = Vec::new();
    for c in text.chars() {
        match c {
            '\r' | '\u{1C}'..='\u{1E}' => out.push(' '),
            '\u{85}' => out.push_str("  "),
            // A line break inside the paragraph.
            '\u{2029}' => out.push('\u{2028}'),
            // A zero-width space: invisible, and no bidi effect.
            c if is_bidi_push(c) && open.len() >= MAX_BIDI_NESTING => out.push('\u{200B}'),
            c => {
                if is_bidi_push(c) {
                    open.push(matches!(c, '\u{2066}'..='\u{2068}'));
                } else if c == '\u{202C}' {
                    if open.last() == Some(&false) {
                        open.pop();
                    }
                } else if c == '\u{2069}' {
                    if let Some(isolate) = open.iter().rposition(|&isolate| isolate) {
                        open.truncate(isolate);
                    }
                } else if c == '\n' {
                    open.clear();
                }
                out.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::render::fonts::bundled_font_system;
    use crate::render::{Direction, FontChoice, Paragraph, TextStyle};

    fn lays_out(text: &str, width: f32) -> Paragraph {
        let mut fonts = bundled_font_system();
        let style = TextStyle::new(FontChoice::Naskh, 20.0);
        Paragraph::new(&mut fonts, text, 0, style, Direction::Rtl, Some(width))
    }

    #[test]
    fn bidi_nesting_deeper_than_any_text_needs_does_not_crash_the_layout() {
        // cosmic-text panicked ("Level error") on a line of digits at the deepest level.
        let text = format!("{}قمة 2018", "\u{2067}".repeat(130));
        let p = lays_out(&text, 30.0);
        let digits = text.len() - 4..text.len();
        assert!(!p.highlight(&digits).is_empty());
        for run in p.runs() {
            for g in run.glyphs {
                assert!(text.is_char_boundary(p.to_document(g.start)));
            }
        }
    }

    #[test]
    fn closings_that_close_nothing_do_not_hide_deep_nesting() {
        // Found by the fuzz harness: an isolate closed, then an override opened, over and over
        // (a stray PDI before each) nests the overrides past the limit.
        let text = "\u{2069}\u{2067}abc\u{2069}\u{202E}".repeat(660);
        let p = lays_out(&text, 1.0);
        assert!(!p.highlight(&(0..text.len())).is_empty());
    }

    #[test]
    fn a_paragraph_separator_inside_a_paragraph_does_not_crash_the_layout() {
        // cosmic-text asserted that both sides of a U+2029 have the same direction.
        let p = lays_out("\u{2029}2018", 300.0);
        assert_eq!(p.to_document(p.to_laid(3)), 3);
        let text = "قمة\u{2029}abc";
        let p = lays_out(text, 300.0);
        let latin = text.len() - 3..text.len();
        let [x, y, w, h] = p.highlight(&latin)[0];
        let hit = p.glyph_at(x + w / 2.0, y + h / 2.0);
        assert!(hit.is_some_and(|b| latin.contains(&b)), "{hit:?}");
    }
}
