//! A paragraph's lines as GNU FriBidi and HarfBuzz print them, for checking the layout against those tools.

use super::layout::Paragraph;

impl Paragraph {
    /// Glyph ids of each line from left to right, leaving out the marks inserted for layout
    /// (what `hb-shape` prints for the same text and font).
    #[must_use]
    pub fn visual_glyph_ids(&self) -> Vec<Vec<u16>> {
        self.runs()
            .map(|run| {
                left_to_right(&run)
                    .filter(|g| {
                        !run.text
                            .get(g.start..g.end)
                            .is_some_and(|c| c.chars().all(|c| c == '\u{200F}'))
                    })
                    .map(|g| g.glyph_id)
                    .collect()
            })
            .collect()
    }

    /// Each line's characters as they stand on screen from left to right, with mirrored
    /// characters mirrored: what `fribidi` prints for the same text (for checking).
    #[must_use]
    pub fn visual_lines(&self) -> Vec<String> {
        self.runs()
            .map(|run| {
                let mut line = String::new();
                let mut last: Option<(usize, usize)> = None;
                for g in left_to_right(&run) {
                    if last == Some((g.start, g.end)) {
                        continue;
                    }
                    last = Some((g.start, g.end));
                    let cluster = run.text.get(g.start..g.end).unwrap_or_default();
                    let chars: Vec<char> = cluster.chars().filter(|&c| c != '\u{200F}').collect();
                    if g.level.is_rtl() {
                        // Letters right to left, each followed by its marks (as FriBidi orders them).
                        let mut letters: Vec<&[char]> = Vec::new();
                        let mut start = 0;
                        for i in 1..=chars.len() {
                            if i == chars.len() || !crate::arabic::script::is_arabic_mark(chars[i])
                            {
                                letters.push(&chars[start..i]);
                                start = i;
                            }
                        }
                        for letter in letters.into_iter().rev() {
                            line.extend(letter.iter().copied().map(mirrored));
                        }
                    } else {
                        line.extend(chars);
                    }
                }
                line
            })
            .collect()
    }
}

/// A line's glyphs from left to right. cosmic-text keeps them in visual order from the
/// paragraph's start edge, so an RTL line's come right to left. Sorting by x would be
/// wrong: a mark can start left of its base letter.
fn left_to_right<'a>(
    run: &cosmic_text::LayoutRun<'a>,
) -> Box<dyn Iterator<Item = &'a cosmic_text::LayoutGlyph> + 'a> {
    if run.rtl {
        Box::new(run.glyphs.iter().rev())
    } else {
        Box::new(run.glyphs.iter())
    }
}

/// The mirror image of a bidi-mirrored character, as shown in right-to-left text.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}
