//! An EPUB e-book as one text per chapter, in the order of its spine.

use std::io::{Cursor, Read};

use roxmltree::Document as Xml;

use super::{ImportError, Imported, one_paragraph_a_line, shorten_title};
use crate::analysis::load::MAX_TEXT_BYTES;
use crate::arabic::script::has_arabic;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// One chapter the spine lists: where it is in the archive.
struct SpineItem {
    path: String,
}

/// Reads an e-book's chapters in reading order, each as a text with its heading as title.
/// Chapters with no Arabic (a cover, a copyright page, an English preface) are left out, and
/// so is the EPUB 3 table of contents.
///
/// # Errors
/// Not a zip, no package document, or no chapter with Arabic.
pub fn chapters_from_epub(name: &str, bytes: &[u8]) -> Result<Vec<Imported>, ImportError> {
    let bad = |reason: String| ImportError::BadEpub {
        name: name.to_owned(),
        reason,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("it is not a zip archive ({e})")))?;
    let container = read_entry(&mut archive, "META-INF/container.xml")
        .map_err(|reason| bad(format!("META-INF/container.xml: {reason}")))?;
    let package_path = package_path(&container).map_err(bad)?;
    let package = read_entry(&mut archive, &package_path)
        .map_err(|reason| bad(format!("{package_path}: {reason}")))?;
    let (book_title, spine) = spine(&package, &package_path).map_err(bad)?;
    let mut chapters = Vec::new();
    for item in &spine {
        // A spine entry missing from the archive is skipped: the other chapters still read.
        let Ok(page) = read_entry(&mut archive, &item.path) else {
            continue;
        };
        if let Some(chapter) = chapter(&page, &book_title, chapters.len() + 1) {
            chapters.push(chapter);
        }
    }
    if chapters.is_empty() {
        return Err(ImportError::NoArabicChapter {
            name: name.to_owned(),
        });
    }
    Ok(chapters)
}

/// An entry's text, refusing one that inflates past the size of a text (a zip bomb).
fn read_entry(archive: &mut Archive<'_>, path: &str) -> Result<String, String> {
    let entry = archive
        .by_name(path)
        .map_err(|_| "missing from the archive".to_owned())?;
    let limit = MAX_TEXT_BYTES as u64;
    let mut bytes = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot be unpacked ({e})"))?;
    if bytes.len() as u64 > limit {
        return Err("larger than any chapter should be".into());
    }
    // EPUB requires UTF-8 or UTF-16; the BOM, if any, tells which.
    let (text, _, had_errors) = encoding_rs::UTF_8.decode(&bytes);
    if had_errors {
        return Err("not UTF-8 text".into());
    }
    Ok(text.into_owned())
}

fn parse_xml(text: &str) -> Result<Xml<'_>, String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    Xml::parse_with_options(text, options).map_err(|e| format!("not well-formed XML ({e})"))
}

/// The package document's path, from `META-INF/container.xml`.
fn package_path(container: &str) -> Result<String, String> {
    let xml = parse_xml(container)?;
    xml.descendants()
        .find(|n| n.has_tag_name("rootfile"))
        .and_then(|n| n.attribute("full-path"))
        .map(str::to_owned)
        .ok_or_else(|| "META-INF/container.xml names no package document".to_owned())
}

/// The book's title and its chapters in reading order, from the package document.
fn spine(package: &str, package_path: &str) -> Result<(String, Vec<SpineItem>), String> {
    let xml = parse_xml(package)?;
    let base = package_path
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder);
    let book_title = xml
        .descendants()
        .find(|n| n.tag_name().name() == "title")
        .and_then(|n| n.text())
        .unwrap_or_default()
        .trim()
        .to_owned();
    let manifest: Vec<_> = xml
        .descendants()
        .filter(|n| n.tag_name().name() == "item")
        .collect();
    let mut items = Vec::new();
    for itemref in xml
        .descendants()
        .filter(|n| n.tag_name().name() == "itemref")
    {
        let Some(idref) = itemref.attribute("idref") else {
            continue;
        };
        let Some(item) = manifest.iter().find(|n| n.attribute("id") == Some(idref)) else {
            continue;
        };
        let is_nav = item
            .attribute("properties")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "nav"));
        let is_page = item
            .attribute("media-type")
            .is_some_and(|t| t.contains("html"));
        if let (false, true, Some(href)) = (is_nav, is_page, item.attribute("href")) {
            items.push(SpineItem {
                path: resolve(base, href),
            });
        }
    }
    if items.is_empty() {
        return Err(format!("{package_path} lists no chapters"));
    }
    Ok((book_title, items))
}

/// An href of the package document as a path in the archive: relative to the package's
/// folder, percent-decoded, without a fragment, `..` applied.
fn resolve(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    let href = percent_encoding::percent_decode_str(href).decode_utf8_lossy();
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// A chapter's text and title (its first heading, else its `<title>`, else the book's title
/// and the chapter's number), or `None` when it has no Arabic.
fn chapter(page: &str, book_title: &str, number: usize) -> Option<Imported> {
    let doc = dom_query::Document::from(page);
    doc.select("script, style, noscript").remove();
    let body = one_paragraph_a_line(&doc.select("body").formatted_text());
    if !has_arabic(&body) {
        return None;
    }
    let heading = doc.select("h1, h2, h3").first().text();
    let heading = shorten_title(heading.trim());
    let title = if heading.is_empty() {
        let own = shorten_title(doc.select("title").text().trim());
        if own.is_empty() || own == book_title {
            format!("{book_title} ({number})").trim().to_owned()
        } else {
            own
        }
    } else {
        heading
    };
    // The heading, when there is one, is already the body's first line.
    Some(Imported {
        title,
        text: body,
        notice: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_resolve_against_the_package_folder() {
        assert_eq!(
            resolve("OEBPS", "Text/ch%201.xhtml#top"),
            "OEBPS/Text/ch 1.xhtml"
        );
        assert_eq!(
            resolve("OEBPS/content", "../Text/a.xhtml"),
            "OEBPS/Text/a.xhtml"
        );
        assert_eq!(resolve("", "a.xhtml"), "a.xhtml");
    }

    #[test]
    fn a_chapter_without_a_heading_is_named_after_the_book() {
        let page = "<html><body><p>نص الفصل</p></body></html>";
        let chapter = chapter(page, "كتاب", 3).map(|c| c.title);
        assert_eq!(chapter.as_deref(), Some("كتاب (3)"));
        assert!(super::chapter("<p>English only</p>", "Book", 1).is_none());
    }
}
