//! StarDict dictionaries: an `.ifo` description, an `.idx` (or `.idx.gz`) index of
//! zero-terminated headwords with big-endian offsets, an optional `.syn` of other spellings,
//! and a `.dict` or dictzip'ed `.dict.dz` of typed fields.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::local::{Data, Dictionary, Format, Headword};

/// The first line every `.ifo` starts with.
const IFO_MAGIC: &str = "StarDict's dict ifo file";

/// An index larger than this is not a dictionary's (the largest have a few million words).
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

/// Opens the dictionary described by `ifo` (`NAME.ifo`, beside `NAME.idx` and `NAME.dict[.dz]`).
///
/// # Errors
/// A missing or malformed file.
pub fn open(ifo: &Path) -> Result<Dictionary, String> {
    let description = std::fs::read_to_string(ifo).map_err(|e| e.to_string())?;
    let mut lines = description.lines();
    if lines.next().map(str::trim) != Some(IFO_MAGIC) {
        return Err(format!("it does not start with “{IFO_MAGIC}”"));
    }
    let field = |key: &str| {
        description.lines().find_map(|line| {
            let (k, v) = line.split_once('=')?;
            (k.trim() == key).then(|| v.trim().to_owned())
        })
    };
    let wide_offsets = field("idxoffsetbits").as_deref() == Some("64");
    let index = read_index(&sibling(ifo, "idx"))?;
    let headwords = parse_index(&index, wide_offsets)?;
    let data = Data::beside(ifo, "ifo")?;
    let mut dictionary = Dictionary::new(Format::StarDict, ifo, data, headwords);
    if let Some(name) = field("bookname").filter(|n| !n.is_empty()) {
        dictionary.name = name;
    }
    dictionary.types = field("sametypesequence").filter(|t| !t.is_empty());
    if let Ok(synonyms) = std::fs::read(sibling(ifo, "syn")) {
        for (word, entry) in parse_synonyms(&synonyms) {
            dictionary.add_synonym(&word, entry);
        }
    }
    Ok(dictionary)
}

fn sibling(ifo: &Path, ext: &str) -> PathBuf {
    ifo.with_extension(ext)
}

/// The `.idx`, or the gzip'ed `.idx.gz` some dictionaries ship instead.
fn read_index(idx: &Path) -> Result<Vec<u8>, String> {
    if let Ok(meta) = std::fs::metadata(idx) {
        if meta.len() > MAX_INDEX_BYTES {
            return Err("its index is larger than any dictionary's".into());
        }
        return std::fs::read(idx).map_err(|e| e.to_string());
    }
    let gz = PathBuf::from(format!("{}.gz", idx.display()));
    let file =
        std::fs::File::open(&gz).map_err(|_| format!("its index {} is missing", idx.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .take(MAX_INDEX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("its index {} does not inflate ({e})", gz.display()))?;
    if bytes.len() as u64 > MAX_INDEX_BYTES {
        return Err("its index is larger than any dictionary's".into());
    }
    Ok(bytes)
}

/// Entries of an `.idx`: a zero-terminated UTF-8 headword, then its offset (32 or 64 bits)
/// and size (32 bits), big-endian.
fn parse_index(bytes: &[u8], wide_offsets: bool) -> Result<Vec<Headword>, String> {
    let offset_len = if wide_offsets { 8 } else { 4 };
    let mut headwords = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let cut = || format!("its index is cut short after {} entries", headwords.len());
        let end = rest.iter().position(|&b| b == 0).ok_or_else(cut)?;
        let text = String::from_utf8_lossy(&rest[..end]).into_owned();
        let numbers = rest
            .get(end + 1..end + 1 + offset_len + 4)
            .ok_or_else(cut)?;
        let (offset, size) = numbers.split_at(offset_len);
        headwords.push(Headword {
            text,
            offset: big_endian(offset),
            size: big_endian(size),
        });
        rest = &rest[end + 1 + offset_len + 4..];
    }
    Ok(headwords)
}

/// Entries of a `.syn`: a zero-terminated spelling, then the 32-bit index of its entry.
fn parse_synonyms(bytes: &[u8]) -> Vec<(String, usize)> {
    let mut synonyms = Vec::new();
    let mut rest = bytes;
    while let Some(end) = rest.iter().position(|&b| b == 0) {
        let Some(number) = rest.get(end + 1..end + 5) else {
            break;
        };
        let word = String::from_utf8_lossy(&rest[..end]).into_owned();
        if let Ok(entry) = usize::try_from(big_endian(number)) {
            synonyms.push((word, entry));
        }
        rest = &rest[end + 5..];
    }
    synonyms
}

fn big_endian(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |n, &b| (n << 8) | u64::from(b))
}

/// The readable text of an entry's fields. With `sametypesequence` the type letters are
/// left out of the data and the last field runs to the end; without it each field starts
/// with its letter. Lower-case types are text (zero-terminated), upper-case ones binary
/// (a 32-bit size first) and skipped; markup (`h` HTML, `g` Pango, `x` XDXF) is reduced to
/// its text, a pronunciation (`t`) is put between slashes.
#[must_use]
pub fn definition_text(bytes: &[u8], types: Option<&str>) -> String {
    let mut parts = Vec::new();
    let mut rest = bytes;
    let mut declared = types.map(|t| t.chars().collect::<Vec<_>>());
    let mut field = 0;
    while !rest.is_empty() {
        let (kind, last) = match declared.as_mut() {
            Some(kinds) => match kinds.get(field) {
                Some(&kind) => (kind, field + 1 == kinds.len()),
                None => break,
            },
            None => {
                let kind = char::from(rest[0]);
                rest = &rest[1..];
                (kind, false)
            }
        };
        field += 1;
        let data;
        if kind.is_ascii_uppercase() {
            let size = rest.get(..4).map_or(0, big_endian);
            let size = usize::try_from(size).unwrap_or(usize::MAX);
            let end = if last {
                rest.len()
            } else {
                size.saturating_add(4).min(rest.len())
            };
            rest = &rest[end..];
            continue;
        } else if last {
            data = rest;
            rest = &[];
        } else {
            let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            data = &rest[..end];
            rest = rest.get(end + 1..).unwrap_or_default();
        }
        let text = String::from_utf8_lossy(data);
        let text = match kind {
            'h' | 'g' | 'x' => dom_query::Document::from(text.as_ref())
                .formatted_text()
                .to_string(),
            't' => format!("/{}/", text.trim()),
            _ => text.trim().to_owned(),
        };
        if !text.trim().is_empty() {
            parts.push(text.trim().to_owned());
        }
    }
    parts.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_with_and_without_a_type_sequence() {
        assert_eq!(definition_text(b"summit; peak", Some("m")), "summit; peak");
        assert_eq!(
            definition_text(b"qimma\0summit", Some("tm")),
            "/qimma/\nsummit"
        );
        assert_eq!(
            definition_text(b"mpeak\0h<b>top</b> of a hill\0", None),
            "peak\ntop of a hill"
        );
        // A binary field (an image) is skipped; one claiming to be huge ends the entry.
        assert_eq!(definition_text(b"P\0\0\0\x03abcmsummit\0", None), "summit");
        assert_eq!(
            definition_text(b"msummit\0P\xff\xff\xff\xffab", None),
            "summit"
        );
    }

    #[test]
    fn an_index_cut_short_is_an_error() {
        let mut idx = "قمة".as_bytes().to_vec();
        idx.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 7]);
        assert_eq!(
            parse_index(&idx, false),
            Ok(vec![Headword {
                text: "قمة".into(),
                offset: 0,
                size: 7
            }])
        );
        idx.extend_from_slice(b"x\0\0\0");
        assert!(parse_index(&idx, false).is_err());
    }
}
