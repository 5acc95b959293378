//! The curated language data bundled in `assets/`, and the error a malformed line of it gives.

use thiserror::Error;

/// The lexicon: one row per lemma (and part of speech).
pub const LEXICON_TSV: &str = include_str!("../../assets/lexicon.tsv");
/// Names of people, states, places, organizations, documents and events.
pub const GAZETTEER_TSV: &str = include_str!("../../assets/gazetteer.tsv");
/// Every UN member state (and four more) and its capital, from CLDR and by hand
/// (`assets/countries/regenerate.py`).
pub const STATES_TSV: &str = include_str!("../../assets/countries/states.tsv");
/// Titles that introduce a person (الرئيس, وزير الخارجية…), with the office they name.
pub const TITLES_TSV: &str = include_str!("../../assets/titles.tsv");
/// Triggers and patterns of the relations between entities.
pub const RELATION_RULES_TSV: &str = include_str!("../../assets/relation_rules.tsv");
/// English translations of the bundled article, one row per sentence.
pub const TRANSLATIONS_TSV: &str = include_str!("../../assets/translations.tsv");

/// A line of an asset file that cannot be understood.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{asset}, line {line}: {message}")]
pub struct AssetError {
    pub asset: String,
    pub line: usize,
    pub message: String,
}

impl AssetError {
    pub(crate) fn new(asset: &str, line: usize, message: impl Into<String>) -> Self {
        Self {
            asset: asset.to_owned(),
            line,
            message: message.into(),
        }
    }
}

/// The data rows of a tab-separated file whose first line names its columns: `(line number,
/// fields)`, the fields in the order of `columns`, whatever order the file has them in. Blank
/// lines and `#` comments are skipped; trailing empty fields may be left out.
///
/// # Errors
/// A column of `columns` the header lacks, a column the header names twice or that is not one
/// of `columns` (a typo would otherwise be read as empty), or a row with more fields than the
/// header. Each names the file, and the column or line.
pub(crate) fn tsv_rows<'a>(
    asset: &'a str,
    text: &'a str,
    columns: &[&str],
) -> Result<impl Iterator<Item = Result<(usize, Vec<&'a str>), AssetError>> + 'a, AssetError> {
    let header: Vec<&str> = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches('\r')
        .split('\t')
        .map(str::trim)
        .collect();
    for (i, name) in header.iter().enumerate() {
        if !columns.contains(name) {
            return Err(AssetError::new(
                asset,
                1,
                format!("unknown column {name:?}"),
            ));
        }
        if header[..i].contains(name) {
            return Err(AssetError::new(
                asset,
                1,
                format!("column {name:?} appears twice"),
            ));
        }
    }
    let order = columns
        .iter()
        .map(|c| {
            header
                .iter()
                .position(|h| h == c)
                .ok_or_else(|| AssetError::new(asset, 1, format!("no column {c:?} in the header")))
        })
        .collect::<Result<Vec<usize>, _>>()?;
    let width = header.len();
    Ok(text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(i, line)| {
            let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            if fields.len() > width {
                return Err(AssetError::new(
                    asset,
                    i + 1,
                    format!("{} fields, the header has {width}", fields.len()),
                ));
            }
            let row = order
                .iter()
                .map(|&at| fields.get(at).copied().unwrap_or_default())
                .collect();
            Ok((i + 1, row))
        }))
}

/// The non-empty items of a `|`-separated field.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Result<Vec<Vec<String>>, String> {
        let rows = tsv_rows("t.tsv", text, &["a", "b"]).map_err(|e| e.to_string())?;
        rows.map(|r| {
            r.map(|(_, f)| f.into_iter().map(str::to_owned).collect())
                .map_err(|e| e.to_string())
        })
        .collect()
    }

    #[test]
    fn columns_are_read_by_name_in_any_order() {
        let ab = rows("a\tb\n1\t2\n3");
        assert_eq!(
            ab,
            Ok(vec![
                vec!["1".into(), "2".into()],
                vec!["3".into(), String::new()]
            ])
        );
        assert_eq!(rows("b\ta\n2\t1"), Ok(vec![vec!["1".into(), "2".into()]]));
    }

    #[test]
    fn a_missing_unknown_or_doubled_column_names_the_file_and_column() {
        assert_eq!(
            rows("a\n1"),
            Err("t.tsv, line 1: no column \"b\" in the header".into())
        );
        assert_eq!(
            rows("a\tc\tb\n1"),
            Err("t.tsv, line 1: unknown column \"c\"".into())
        );
        assert_eq!(
            rows("a\tb\ta\n1"),
            Err("t.tsv, line 1: column \"a\" appears twice".into())
        );
        assert_eq!(
            rows("a\tb\n1\t2\t3"),
            Err("t.tsv, line 2: 3 fields, the header has 2".into())
        );
    }
}
