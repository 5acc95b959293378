//! Plain-text files in UTF-8, UTF-16 with a BOM, or a legacy Arabic code page, read as UTF-8.

use encoding_rs::{Encoding, UTF_8};

use super::{ImportError, Imported, one_paragraph_a_line, title_from_text};
use crate::analysis::load::{LoadError, text_from_bytes};

/// A text decoded to UTF-8, with the encoding it was in when that was not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `Some` when the bytes were converted from another encoding.
    pub converted_from: Option<&'static Encoding>,
}

impl Decoded {
    /// The sentence the caller shows after a conversion.
    #[must_use]
    pub fn notice(&self) -> Option<String> {
        self.converted_from
            .map(|encoding| format!("Converted from {} to UTF-8.", encoding.name()))
    }
}

/// Imports the bytes of a plain-text file: decoded, checked, one paragraph a line.
///
/// # Errors
/// Empty, binary, in an encoding that is not Arabic, or without Arabic.
pub fn text_from_file_bytes(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let decoded = decode_text(name, bytes)?;
    let notice = decoded.notice();
    let text = one_paragraph_a_line(&decoded.text);
    Ok(Imported {
        title: title_from_text(&text),
        text,
        notice,
    })
}

/// Decodes a text file, in this order: a byte-order mark (UTF-8, UTF-16 LE or BE) says the
/// encoding; else valid UTF-8 is UTF-8; else the code page is guessed (Firefox's detector,
/// which knows Windows-1256 and ISO-8859-6) and the text must then hold Arabic.
///
/// # Errors
/// Empty, binary, malformed in its encoding, or without Arabic (see [`LoadError`]).
pub fn decode_text(name: &str, bytes: &[u8]) -> Result<Decoded, ImportError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| ImportError::BadEncoding {
                name: name.to_owned(),
                encoding: encoding.name(),
                detail: "it starts with that encoding's byte-order mark, but has bytes that are not valid in it".into(),
            })?;
        let text = checked(name, text.into_owned())?;
        let converted_from = (encoding != UTF_8).then_some(encoding);
        return Ok(Decoded {
            text,
            converted_from,
        });
    }
    match text_from_bytes(name, bytes.to_vec()) {
        Ok(text) => Ok(Decoded {
            text,
            converted_from: None,
        }),
        Err(not_utf8 @ LoadError::NotUtf8 { .. }) => from_code_page(name, bytes, not_utf8),
        Err(other) => Err(other.into()),
    }
}

/// Decodes bytes that are not UTF-8 with the code page the detector guesses; if that gives
/// no Arabic, the text was in some other language's code page and the UTF-8 error stands.
fn from_code_page(name: &str, bytes: &[u8], not_utf8: LoadError) -> Result<Decoded, ImportError> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
        return Err(not_utf8.into());
    };
    match checked(name, text.into_owned()) {
        Ok(text) => Ok(Decoded {
            text,
            converted_from: Some(encoding),
        }),
        Err(ImportError::Load(LoadError::NoArabic { .. })) => Err(not_utf8.into()),
        Err(other) => Err(other),
    }
}

/// The checks every text gets once it is UTF-8: not empty, not binary, has Arabic.
fn checked(name: &str, text: String) -> Result<String, ImportError> {
    Ok(text_from_bytes(name, text.into_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1256};

    const ARTICLE: &str = "قال وزير الخارجية إن المحادثات التي جرت اليوم في العاصمة كانت مفيدة جدا.\nوأضاف أن البلدين اتفقا على مواصلة التعاون في مجالات الطاقة والتجارة.";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&bytes);
        }
        out
    }

    #[test]
    fn utf16_with_a_bom_is_converted_with_a_notice() {
        for (big_endian, encoding) in [(false, UTF_16LE), (true, UTF_16BE)] {
            let decoded = decode_text("a.txt", &utf16(ARTICLE, big_endian));
            assert_eq!(
                decoded,
                Ok(Decoded {
                    text: ARTICLE.to_owned(),
                    converted_from: Some(encoding)
                })
            );
        }
        let notice = decode_text("a.txt", &utf16(ARTICLE, false)).map(|d| d.notice());
        assert_eq!(notice, Ok(Some("Converted from UTF-16LE to UTF-8.".into())));
    }

    #[test]
    fn windows_1256_is_detected_and_converted() {
        let (bytes, _, unmappable) = WINDOWS_1256.encode(ARTICLE);
        assert!(!unmappable);
        let decoded = decode_text("a.txt", &bytes);
        assert_eq!(
            decoded,
            Ok(Decoded {
                text: ARTICLE.to_owned(),
                converted_from: Some(WINDOWS_1256)
            })
        );
    }

    #[test]
    fn a_short_windows_1256_line_is_detected_too() {
        let line = "مرحبا بكم في درس اللغة العربية";
        let (bytes, _, _) = WINDOWS_1256.encode(line);
        let decoded = decode_text("a.txt", &bytes).map(|d| d.text);
        assert_eq!(decoded.as_deref(), Ok(line));
    }

    #[test]
    fn iso_8859_6_is_read_as_well() {
        let (bytes, _, unmappable) = ISO_8859_6.encode(ARTICLE);
        assert!(!unmappable);
        let decoded = decode_text("a.txt", &bytes).map(|d| d.text);
        assert_eq!(decoded.as_deref(), Ok(ARTICLE));
    }

    #[test]
    fn utf8_needs_no_conversion_and_its_bom_is_dropped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(ARTICLE.as_bytes());
        assert_eq!(
            decode_text("a.txt", &bytes),
            Ok(Decoded {
                text: ARTICLE.to_owned(),
                converted_from: None
            })
        );
        assert_eq!(
            decode_text("a.txt", ARTICLE.as_bytes()).map(|d| d.notice()),
            Ok(None)
        );
    }

    #[test]
    fn a_latin_1_text_without_arabic_is_refused_as_not_utf8() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Café crème, déjà vu à Paris.");
        let err = decode_text("fr.txt", &bytes).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|m| m.contains("is not UTF-8 text") && m.contains("Save it as UTF-8")),
            "{err:?}"
        );
    }

    #[test]
    fn broken_utf16_says_which_encoding() {
        // A BOM, then a lone high surrogate.
        let bytes = [0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00];
        let err = decode_text("a.txt", &bytes).err().map(|e| e.to_string());
        assert!(err.is_some_and(|m| m.contains("not readable as UTF-16LE")));
    }

    #[test]
    fn an_imported_text_has_its_first_line_as_title() {
        let imported = text_from_file_bytes(
            "a.txt",
            "\r\n  عنوان الخبر  \r\n\r\nنص الخبر هنا.\r\n".as_bytes(),
        );
        assert_eq!(
            imported,
            Ok(Imported {
                title: "عنوان الخبر".into(),
                text: "عنوان الخبر\nنص الخبر هنا.".into(),
                notice: None
            })
        );
    }
}
