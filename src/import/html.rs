//! A web page's article — its headline and paragraphs, not its menus, ads and comments — as a text.

use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, UTF_8};

use super::{ImportError, Imported, one_paragraph_a_line, shorten_title, with_headline};
use crate::analysis::load::text_from_bytes;

/// How far into a page its `<meta charset>` is looked for (the HTML standard's prescan).
const CHARSET_PRESCAN_BYTES: usize = 1024;

/// More replaced characters than one in this many means the page is not in the encoding it
/// claims, and the text would be garbled: refused rather than imported.
const MAX_REPLACED_RATIO: usize = 200;

/// Extracts the article from a page: decodes it (`declared` is the charset of an HTTP
/// `Content-Type`, if any), finds the main text with a readability algorithm (the one behind
/// Firefox's Reader View), and keeps its headline and paragraphs. `url` resolves nothing
/// here but helps the algorithm recognise the site's own name in titles.
///
/// # Errors
/// The page is garbled in its encoding, has no article, or the article has no Arabic.
pub fn article_from_html(
    name: &str,
    bytes: &[u8],
    declared: Option<&str>,
    url: Option<&str>,
) -> Result<Imported, ImportError> {
    let (html, notice) = decode_html(name, bytes, declared)?;
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let no_article = || ImportError::NoArticle {
        name: name.to_owned(),
    };
    let mut readability =
        Readability::new(html.as_str(), url, Some(config)).map_err(|_| no_article())?;
    let article = readability.parse().map_err(|_| no_article())?;
    let body = one_paragraph_a_line(&article.text_content);
    if body.is_empty() {
        return Err(no_article());
    }
    let title = shorten_title(article.title.trim());
    let title = if title.is_empty() {
        super::title_from_text(&body)
    } else {
        title
    };
    let text = with_headline(&title, &body);
    // The same checks as any text: an English page, say, is refused with the usual message.
    let text = text_from_bytes(name, text.into_bytes())?;
    Ok(Imported {
        title,
        text,
        notice,
    })
}

/// Decodes a page as a browser would: byte-order mark, then the server's charset, then the
/// page's `<meta charset>`, then UTF-8 if valid, else a guess. Returns a notice when the
/// page was not UTF-8 or had a few undecodable bytes.
fn decode_html(
    name: &str,
    bytes: &[u8],
    declared: Option<&str>,
) -> Result<(String, Option<String>), ImportError> {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => (encoding, &bytes[bom_len..]),
        None => {
            let named = declared
                .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
                .or_else(|| meta_charset(bytes));
            let encoding = named.unwrap_or_else(|| {
                if std::str::from_utf8(bytes).is_ok() {
                    UTF_8
                } else {
                    let mut detector = chardetng::EncodingDetector::new();
                    detector.feed(bytes, true);
                    detector.guess(None, false)
                }
            });
            (encoding, bytes)
        }
    };
    // A page declared as UTF-16 in a meta tag is really ASCII-compatible (the standard says so).
    let encoding = encoding.output_encoding();
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let replaced = if had_errors {
        text.chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count()
    } else {
        0
    };
    if replaced > 0 && replaced * MAX_REPLACED_RATIO > text.chars().count() {
        return Err(ImportError::BadEncoding {
            name: name.to_owned(),
            encoding: encoding.name(),
            detail: format!("{replaced} characters are not valid in it"),
        });
    }
    let mut notes = Vec::new();
    if encoding != UTF_8 {
        notes.push(format!("Converted from {} to UTF-8.", encoding.name()));
    }
    if replaced > 0 {
        notes.push(format!(
            "{replaced} undecodable characters were replaced by \u{FFFD}."
        ));
    }
    let notice = (!notes.is_empty()).then(|| notes.join(" "));
    Ok((text.into_owned(), notice))
}

/// The encoding named by `charset=` in the first kilobyte (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`), if it is one Dars knows.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.match_indices("charset")
        .filter_map(|(at, key)| {
            let value = head[at + key.len()..]
                .trim_start()
                .strip_prefix('=')?
                .trim_start()
                .trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| !(c.is_ascii_alphanumeric() || "-_:.".contains(c)))
                .unwrap_or(value.len());
            Encoding::for_label(&value.as_bytes()[..end])
        })
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1256;

    #[test]
    fn the_meta_charset_is_found_in_either_form() {
        assert_eq!(
            meta_charset(b"<html><head><meta charset=\"windows-1256\">"),
            Some(WINDOWS_1256)
        );
        assert_eq!(
            meta_charset(
                b"<meta http-equiv='Content-Type' content='text/html; charset=Windows-1256'>"
            ),
            Some(WINDOWS_1256)
        );
        assert_eq!(meta_charset(b"<meta charset=bogus>"), None);
        assert_eq!(meta_charset(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn the_servers_charset_wins_over_a_guess() {
        let page = "<html><body><p>مرحبا بكم</p></body></html>";
        let (bytes, _, _) = WINDOWS_1256.encode(page);
        let decoded = decode_html("p", &bytes, Some("windows-1256"));
        assert_eq!(
            decoded,
            Ok((
                page.to_owned(),
                Some("Converted from windows-1256 to UTF-8.".into())
            ))
        );
    }

    #[test]
    fn a_page_that_is_not_in_its_declared_encoding_is_refused() {
        let mut bytes = b"<meta charset=utf-8><p>".to_vec();
        bytes.extend(std::iter::repeat_n(0xC7_u8, 400));
        let err = decode_html("p.html", &bytes, None)
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|m| m.contains("p.html is not readable as UTF-8")),);
    }
}
