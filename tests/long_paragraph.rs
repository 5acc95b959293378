//! A paragraph of any length (a text with no line breaks) is cut into pieces at sentence
//! ends and laid out only where it is looked at; what is laid out maps back to the text.

use dars::analysis::Document;
use dars::render::chunked::{MAX_PIECE_BYTES, piece_ranges};
use dars::render::fonts::bundled_font_system;
use dars::render::{ChunkedParagraph, Direction, FontChoice, Paragraph, TextStyle};

fn style() -> TextStyle {
    TextStyle::new(FontChoice::Naskh, 22.0)
}

/// The bundled article's paragraphs joined with spaces, repeated to about `bytes`: one
/// paragraph, as a text without line breaks opens.
fn one_paragraph(bytes: usize) -> String {
    let doc = Document::bundled();
    let joined: Vec<&str> = doc.paragraphs.iter().map(|r| doc.slice(r)).collect();
    let joined = joined.join(" ");
    let mut text = String::with_capacity(bytes + joined.len());
    while text.len() < bytes {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&joined);
    }
    text
}

#[test]
fn pieces_cover_the_text_and_end_at_sentence_ends() {
    let text = one_paragraph(200_000);
    let pieces = piece_ranges(&text);
    assert!(pieces.len() > 200_000 / MAX_PIECE_BYTES);
    assert_eq!(pieces.first().map(|r| r.start), Some(0));
    assert_eq!(pieces.last().map(|r| r.end), Some(text.len()));
    for pair in pieces.windows(2) {
        assert_eq!(pair[0].end, pair[1].start);
    }
    for piece in &pieces {
        assert!(!piece.is_empty() && piece.len() <= MAX_PIECE_BYTES);
        let body = text[piece.clone()].trim_end();
        if piece.end < text.len() {
            let last = body
                .trim_end_matches(['”', '»', '"', ')'])
                .chars()
                .next_back();
            assert!(
                matches!(last, Some('.' | '!' | '?' | '؟' | '…')),
                "a piece ends mid-sentence: …{}",
                &body[body.floor_char_boundary(body.len().saturating_sub(60))..]
            );
        }
    }
}

#[test]
fn a_text_without_spaces_is_cut_between_letters_never_inside_a_character_or_before_a_mark() {
    // Letters with tashkeel, no space at all: the cut falls between a mark and the next letter.
    let text = "كَتَبَ".repeat(3_000);
    let pieces = piece_ranges(&text);
    assert!(pieces.len() > 1);
    for piece in &pieces {
        assert!(text.is_char_boundary(piece.start) && text.is_char_boundary(piece.end));
        let first = text[piece.clone()].chars().next();
        assert!(
            first.is_some_and(|c| !dars::arabic::script::is_arabic_mark(c)),
            "a piece starts with a mark: {first:?}"
        );
    }
}

#[test]
fn a_short_paragraph_is_one_piece_laid_out_as_before() {
    let mut fonts = bundled_font_system();
    let doc = Document::bundled();
    let range = doc.paragraphs[1].clone();
    let text = doc.slice(&range);
    let mut chunked = ChunkedParagraph::new(text, range.start, style(), 600.0);
    assert_eq!(chunked.piece_count(), 1);
    chunked.lay_out(&mut fonts, 0.0..1.0);
    let whole = Paragraph::new(
        &mut fonts,
        text,
        range.start,
        style(),
        Direction::Rtl,
        Some(600.0),
    );
    assert_eq!(chunked.visual_lines(), whole.visual_lines());
    assert!((chunked.height() - whole.height()).abs() < 0.01);
    let word = doc.tokens[doc.sentences[1].tokens.start].range.clone();
    assert_eq!(chunked.highlight(&word), whole.highlight(&word));
}

#[test]
fn only_the_part_looked_at_is_laid_out_and_memory_stays_that_of_a_few_screens() {
    let mut fonts = bundled_font_system();
    let text = one_paragraph(1_000_000);
    let mut chunked = ChunkedParagraph::new(&text, 0, style(), 900.0);
    assert!(chunked.piece_count() > 150);
    // The first screen.
    chunked.lay_out(&mut fonts, 0.0..800.0);
    let laid = chunked.laid_pieces(0.0..chunked.height()).count();
    assert!(
        (1..=2).contains(&laid),
        "{laid} pieces laid out for one screen"
    );
    // Jump to the end, as the End key does: only the pieces there are laid out.
    let end = chunked.height();
    chunked.lay_out(&mut fonts, end - 800.0..end);
    let laid = chunked.laid_pieces(0.0..chunked.height()).count();
    assert!(laid <= 4, "{laid} pieces laid out after jumping to the end");
    // Scrolling through everything keeps a bounded number of layouts.
    let mut y = 0.0;
    while y < chunked.height() {
        chunked.lay_out(&mut fonts, y..y + 800.0);
        y += 800.0;
    }
    let laid = chunked.laid_pieces(0.0..chunked.height()).count();
    assert!(
        laid <= 48,
        "{laid} pieces kept after scrolling through 1 MB"
    );
}

#[test]
fn every_word_on_screen_can_be_found_by_pointing_at_it() {
    let mut fonts = bundled_font_system();
    let text = one_paragraph(40_000);
    let doc = Document::new("long", text.clone());
    assert_eq!(doc.paragraphs.len(), 1);
    let mut chunked = ChunkedParagraph::new(&text, 0, style(), 700.0);
    // A screen in the middle, past several pieces laid out on the way.
    let middle = chunked.height() / 2.0;
    chunked.lay_out(&mut fonts, 0.0..middle);
    chunked.lay_out(&mut fonts, middle..middle + 700.0);
    let shown = chunked.bytes_in(middle..middle + 700.0);
    let mut checked = 0;
    for token in doc.tokens.iter().filter(|t| shown.contains(&t.range.start)) {
        let Some(&[x, y, w, h]) = chunked.highlight(&token.range).first() else {
            continue;
        };
        let hit = chunked.glyph_at(x + w / 2.0, y + h / 2.0);
        assert!(
            hit.is_some_and(|b| token.range.contains(&b)),
            "{:?} at ({x}, {y}) hit {hit:?}",
            token.range
        );
        let caret = chunked.cursor_at(x + w / 2.0, y + h / 2.0);
        assert!(caret.is_some_and(|b| b >= token.range.start && b <= token.range.end));
        checked += 1;
    }
    assert!(checked > 100, "only {checked} words checked");
}

#[test]
fn the_bytes_of_a_sentence_far_below_can_be_laid_out_to_scroll_to_it() {
    let mut fonts = bundled_font_system();
    let text = one_paragraph(300_000);
    let mut chunked = ChunkedParagraph::new(&text, 1000, style(), 900.0);
    let target = 1000 + text.len() - 500..1000 + text.len() - 400;
    assert!(chunked.highlight(&target).is_empty(), "not laid out yet");
    chunked.lay_out_bytes(&mut fonts, &target);
    let rects = chunked.highlight(&target);
    assert!(!rects.is_empty());
    let top = chunked.top_of(target.start);
    assert!(rects.iter().all(|r| r[1] >= top && r[1] < chunked.height()));
}

#[test]
fn a_lone_carriage_return_does_not_shift_offsets() {
    // Old Mac line ends: one paragraph with CRs inside.
    let mut fonts = bundled_font_system();
    let text = "مرحبا بكم\rفي البيت\rالكبير";
    let p = Paragraph::new(&mut fonts, text, 0, style(), Direction::Rtl, Some(2000.0));
    let last = text.rfind('\r').map_or(0, |i| i + 1)..text.len();
    let rects = p.highlight(&last);
    assert_eq!(rects.len(), 1, "{rects:?}");
    let [x, y, w, h] = rects[0];
    let hit = p.glyph_at(x + w / 2.0, y + h / 2.0);
    assert!(hit.is_some_and(|b| last.contains(&b)), "{hit:?}");
}
