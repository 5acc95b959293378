//! Splits text into paragraphs (lines) and sentences, as byte ranges.

use std::ops::Range;

use super::script::is_digit;
use super::tokenize::is_invisible;

/// Paragraphs: one per non-blank line, without the line end (`\n` or `\r\n`),
/// a byte-order mark, or surrounding white space.
#[must_use]
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let range = trimmed(text, start..start + line.len());
        if !range.is_empty() {
            out.push(range);
        }
        start += line.len();
    }
    out
}

/// Sentences inside one paragraph. A sentence ends after `.` `!` `?` `؟` `…` (and
/// the closing quotes or brackets right after it) when white space or the paragraph's
/// end follows; a `.` between digits is a decimal point, not an end.
#[must_use]
pub fn sentences(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let body = &text[paragraph.clone()];
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let is_end = matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔')
            && !(c == '.'
                && i > 0
                && is_digit(chars[i - 1].1)
                && chars.get(i + 1).is_some_and(|&(_, n)| is_digit(n)));
        if is_end {
            let mut j = i + 1;
            while j < chars.len() && is_closing(chars[j].1) {
                j += 1;
            }
            let at_break = chars.get(j).is_none_or(|&(_, n)| n.is_whitespace());
            if at_break {
                let end = chars.get(j).map_or(body.len(), |&(at, _)| at);
                push_trimmed(
                    text,
                    paragraph.start + start..paragraph.start + end,
                    &mut out,
                );
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, paragraph.start + start..paragraph.end, &mut out);
    out
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '»' | '"' | '\'' | '’' | ')' | ']' | '›' | '.' | '!' | '?' | '؟'
    )
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let range = trimmed(text, range);
    if !range.is_empty() {
        out.push(range);
    }
}

/// The range without leading and trailing white space and invisible marks.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let skip = |c: char| c.is_whitespace() || is_invisible(c);
    let lead = slice.len() - slice.trim_start_matches(skip).len();
    let trail = slice.len() - slice.trim_end_matches(skip).len();
    if lead + trail >= slice.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        paragraphs(text)
            .into_iter()
            .flat_map(|p| sentences(text, p))
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn crlf_bom_and_blank_lines() {
        let text = "\u{FEFF}عنوان\r\n\r\nجملة أولى.\r\n";
        assert_eq!(sentence_texts(text), vec!["عنوان", "جملة أولى."]);
    }

    #[test]
    fn a_paragraph_with_two_sentences() {
        assert_eq!(
            sentence_texts("أكد استعداده. وكان كيم أشرف."),
            vec!["أكد استعداده.", "وكان كيم أشرف."]
        );
    }

    #[test]
    fn quotes_closing_after_the_full_stop_stay_with_the_sentence() {
        assert_eq!(
            sentence_texts("قال “جيد.” ثم مضى."),
            vec!["قال “جيد.”", "ثم مضى."]
        );
    }

    #[test]
    fn decimal_points_do_not_end_sentences() {
        assert_eq!(
            sentence_texts("نما 2.5 في المئة. ثم"),
            vec!["نما 2.5 في المئة.", "ثم"]
        );
    }
}
