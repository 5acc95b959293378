//! Inflates BAMA's tables, kept gzip-compressed in the repository, into the build folder, so
//! that the binary carries them ready to parse: inflating them at run time was a quarter of
//! loading them, paid by every `dars analyze` and every start of the window.

use std::io::Read as _;
use std::path::PathBuf;

const TABLES: &str = "assets/bama/bama.txt.gz";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed={TABLES}");
    let gz = std::fs::read(TABLES).map_err(|e| format!("{TABLES}: {e}"))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_string(&mut text)
        .map_err(|e| format!("{TABLES}: {e}"))?;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    std::fs::write(out.join("bama.txt"), text)?;
    Ok(())
}
