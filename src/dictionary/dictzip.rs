//! Random access into dictzip files (`.dict.dz`): gzip whose deflate stream is cut into chunks
//! that inflate on their own, listed in the header's `RA` field, so one entry costs one chunk.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use flate2::{Decompress, FlushDecompress};

/// A definition larger than this is not a definition: a broken index points past reason.
pub const MAX_ENTRY_BYTES: u64 = 1024 * 1024;

const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;

/// Where the chunks of a dictzip file are.
#[derive(Debug, Clone)]
pub struct Dictzip {
    path: PathBuf,
    chunk_len: u64,
    /// File offset where each chunk's compressed bytes start, plus the end of the last one.
    chunk_starts: Vec<u64>,
}

impl Dictzip {
    /// Reads the header of a dictzip file.
    ///
    /// # Errors
    /// Unreadable, not gzip, or a gzip file without the chunk table (plain `gzip` output).
    pub fn open(path: &Path) -> Result<Self, String> {
        let mut file = File::open(path).map_err(|e| e.to_string())?;
        let mut fixed = [0_u8; 10];
        file.read_exact(&mut fixed)
            .map_err(|_| "too short to be gzip".to_owned())?;
        if fixed[..3] != [0x1f, 0x8b, 8] {
            return Err("not a gzip file".into());
        }
        let flags = fixed[3];
        if flags & FEXTRA == 0 {
            return Err(
                "a gzip file without dictzip's chunk table; recompress it with dictzip".into(),
            );
        }
        let extra_len = u64::from(read_u16(&mut file)?);
        let mut extra = vec![0_u8; usize::try_from(extra_len).map_err(|e| e.to_string())?];
        file.read_exact(&mut extra)
            .map_err(|_| "its header is cut short".to_owned())?;
        let (chunk_len, sizes) = chunk_table(&extra)?;
        let mut offset = 10 + 2 + extra_len;
        for flag in [FNAME, FCOMMENT] {
            if flags & flag != 0 {
                offset += skip_zero_terminated(&mut file)?;
            }
        }
        if flags & FHCRC != 0 {
            offset += 2;
        }
        let mut chunk_starts = Vec::with_capacity(sizes.len() + 1);
        chunk_starts.push(offset);
        for size in sizes {
            offset += u64::from(size);
            chunk_starts.push(offset);
        }
        Ok(Self {
            path: path.to_owned(),
            chunk_len,
            chunk_starts,
        })
    }

    /// The uncompressed bytes `offset..offset + size`.
    ///
    /// # Errors
    /// Unreadable, out of range, or a chunk that does not inflate.
    pub fn read(&self, offset: u64, size: u64) -> Result<Vec<u8>, String> {
        if size > MAX_ENTRY_BYTES {
            return Err(format!(
                "an entry of {size} bytes is past any definition's size"
            ));
        }
        if size == 0 {
            return Ok(Vec::new());
        }
        // An index may hold any number: past the end is an error, never an overflow.
        let past_end = || "the index points past the end of the dictionary".to_owned();
        let end = offset.checked_add(size).ok_or_else(past_end)?;
        let first = offset / self.chunk_len;
        let last = (end - 1) / self.chunk_len;
        let chunks = self.chunk_starts.len() as u64 - 1;
        if last >= chunks {
            return Err(past_end());
        }
        let mut file = File::open(&self.path).map_err(|e| e.to_string())?;
        let mut plain = Vec::new();
        for chunk in first..=last {
            plain.extend(self.inflate_chunk(&mut file, chunk)?);
        }
        let start = usize::try_from(offset - first * self.chunk_len).map_err(|e| e.to_string())?;
        let end = start + usize::try_from(size).map_err(|e| e.to_string())?;
        plain
            .get(start..end)
            .map(<[u8]>::to_vec)
            .ok_or_else(past_end)
    }

    fn inflate_chunk(&self, file: &mut File, chunk: u64) -> Result<Vec<u8>, String> {
        let at = usize::try_from(chunk).map_err(|e| e.to_string())?;
        let start = self.chunk_starts[at];
        let len = self.chunk_starts[at + 1] - start;
        file.seek(SeekFrom::Start(start))
            .map_err(|e| e.to_string())?;
        let mut compressed = vec![0_u8; usize::try_from(len).map_err(|e| e.to_string())?];
        file.read_exact(&mut compressed)
            .map_err(|_| "the file is cut short".to_owned())?;
        // Each chunk ends on a full flush, so it inflates alone as raw deflate.
        let mut plain = Vec::with_capacity(usize::try_from(self.chunk_len).unwrap_or(0));
        let mut inflater = Decompress::new(false);
        inflater
            .decompress_vec(&compressed, &mut plain, FlushDecompress::Sync)
            .map_err(|e| format!("a chunk does not inflate ({e})"))?;
        Ok(plain)
    }
}

/// The `RA` subfield: chunk length and the compressed size of every chunk.
fn chunk_table(extra: &[u8]) -> Result<(u64, Vec<u16>), String> {
    let u16_at = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let mut rest = extra;
    while rest.len() >= 4 {
        let len = usize::from(u16_at(rest, 2).unwrap_or(0));
        let data = rest.get(4..4 + len).ok_or("its header is cut short")?;
        if rest[..2] == *b"RA" {
            let chunk_len = u16_at(data, 2).ok_or("its chunk table is cut short")?;
            let count = usize::from(u16_at(data, 4).ok_or("its chunk table is cut short")?);
            let sizes = (0..count)
                .map(|i| u16_at(data, 6 + 2 * i))
                .collect::<Option<Vec<_>>>()
                .ok_or("its chunk table is cut short")?;
            if chunk_len == 0 {
                return Err("its chunk table says chunks are empty".into());
            }
            return Ok((u64::from(chunk_len), sizes));
        }
        rest = &rest[4 + len..];
    }
    Err("a gzip file without dictzip's chunk table; recompress it with dictzip".into())
}

fn read_u16(file: &mut File) -> Result<u16, String> {
    let mut two = [0_u8; 2];
    file.read_exact(&mut two)
        .map_err(|_| "its header is cut short".to_owned())?;
    Ok(u16::from_le_bytes(two))
}

/// Skips a zero-terminated header field; returns how many bytes it took.
fn skip_zero_terminated(file: &mut File) -> Result<u64, String> {
    let mut taken = 0;
    let mut byte = [0_u8; 1];
    loop {
        file.read_exact(&mut byte)
            .map_err(|_| "its header is cut short".to_owned())?;
        taken += 1;
        if byte[0] == 0 {
            return Ok(taken);
        }
    }
}

/// Writes dictzip files for tests: the reader is checked against the format, not itself,
/// by also reading what Debian's `dictzip` made (see `tests/dictionary.rs`).
#[cfg(test)]
pub(crate) fn dictzip_bytes(plain: &[u8], chunk_len: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut chunks = Vec::new();
    for piece in plain.chunks(chunk_len) {
        let mut deflater = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(piece.len() + 64);
        deflater
            .compress_vec(piece, &mut out, FlushCompress::Full)
            .ok();
        chunks.push(out);
    }
    let mut ra = Vec::new();
    ra.extend_from_slice(&1_u16.to_le_bytes());
    ra.extend_from_slice(&u16::try_from(chunk_len).unwrap_or(u16::MAX).to_le_bytes());
    ra.extend_from_slice(&u16::try_from(chunks.len()).unwrap_or(0).to_le_bytes());
    for chunk in &chunks {
        ra.extend_from_slice(&u16::try_from(chunk.len()).unwrap_or(0).to_le_bytes());
    }
    let mut extra = b"RA".to_vec();
    extra.extend_from_slice(&u16::try_from(ra.len()).unwrap_or(0).to_le_bytes());
    extra.extend_from_slice(&ra);
    let mut out = vec![0x1f, 0x8b, 8, FEXTRA | FNAME, 0, 0, 0, 0, 2, 3];
    out.extend_from_slice(&u16::try_from(extra.len()).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(&extra);
    out.extend_from_slice(b"test.dict\0");
    for chunk in chunks {
        out.extend_from_slice(&chunk);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_across_chunk_boundaries() {
        let plain: Vec<u8> = (0..5000_u32)
            .flat_map(|i| format!("{i},").into_bytes())
            .collect();
        let dir = std::env::temp_dir().join(format!("dars-dictzip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let path = dir.join("t.dict.dz");
        std::fs::write(&path, dictzip_bytes(&plain, 1000)).ok();
        let dz = Dictzip::open(&path);
        assert!(dz.is_ok(), "{dz:?}");
        let Ok(dz) = dz else { return };
        for (offset, size) in [(0, 10), (995, 10), (1999, 2002), (plain.len() - 7, 7)] {
            assert_eq!(
                dz.read(offset as u64, size as u64).ok().as_deref(),
                Some(&plain[offset..offset + size])
            );
        }
        assert!(dz.read(plain.len() as u64, 5).is_err());
        assert!(dz.read(u64::MAX - 2, 5).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn plain_gzip_is_refused_with_a_hint() {
        let dir = std::env::temp_dir().join(format!("dars-gzip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let path = dir.join("t.dict.dz");
        std::fs::write(&path, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2]).ok();
        let err = Dictzip::open(&path).err();
        assert!(err.is_some_and(|e| e.contains("recompress it with dictzip")));
        std::fs::remove_dir_all(&dir).ok();
    }
}
