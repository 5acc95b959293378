//! The `dars` command: the GUI by default, and the same library's functions as subcommands.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dars::analysis::{Document, load_text};
use dars::render::FontChoice;
use dars::render::page::{PageError, PageOptions, render_page};

/// Dars (درس): read Arabic news articles right to left, and study them.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A UTF-8 Arabic text file to open (default: the bundled article).
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis (sentences, tokens, vocabulary, entities, relations) as JSON.
    Analyze(AnalyzeArgs),
    /// Export the vocabulary cards (with your saved edits) for Anki, spreadsheets or other tools.
    Export(ExportArgs),
    /// Render the text to a PNG page with the app's own text engine.
    Render(RenderArgs),
}

#[derive(Args)]
struct AnalyzeArgs {
    /// The text file (default: the bundled article).
    file: Option<PathBuf>,
    /// Print JSON (the only format so far; accepted so scripts can say what they expect).
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct ExportArgs {
    /// The text file (default: the bundled article).
    file: Option<PathBuf>,
    /// apkg (an Anki package), csv, tsv or json.
    #[arg(long)]
    format: dars::export::Format,
    /// Where to write the file (written whole or not at all).
    #[arg(long)]
    out: PathBuf,
    /// The deck's name ("Parent::Child" makes an Anki subdeck).
    #[arg(long, default_value = dars::export::DEFAULT_DECK)]
    deck: String,
}

#[derive(Args)]
struct RenderArgs {
    /// The text file (default: the bundled article).
    file: Option<PathBuf>,
    /// Where to write the PNG.
    #[arg(long)]
    out: PathBuf,
    /// Page width in pixels (200 to 10000).
    #[arg(long, default_value_t = 1200, value_parser = page_width, allow_negative_numbers = true)]
    width: u32,
    /// Text size in pixels (6 to 300, and at most an eighth of the width).
    #[arg(long, default_value_t = 22.0, value_parser = text_size, allow_negative_numbers = true)]
    size: f32,
    #[arg(long, value_enum, default_value_t = Font::Naskh)]
    font: Font,
}

#[derive(Clone, Copy, ValueEnum)]
enum Font {
    Naskh,
    Amiri,
}

impl From<Font> for FontChoice {
    fn from(f: Font) -> Self {
        match f {
            Font::Naskh => Self::Naskh,
            Font::Amiri => Self::Amiri,
        }
    }
}

/// A page width, checked by the same rule as the library's (so the range is said once).
fn page_width(text: &str) -> Result<u32, String> {
    let width: i64 = text
        .trim()
        .parse()
        .map_err(|_| format!("\"{text}\" is not a whole number of pixels"))?;
    let out_of_range = || PageError::Width { width }.to_string();
    let width = u32::try_from(width).map_err(|_| out_of_range())?;
    let options = PageOptions {
        width,
        ..PageOptions::default()
    };
    options.check().map(|()| width).map_err(|e| e.to_string())
}

/// A text size, checked by the same rule as the library's.
fn text_size(text: &str) -> Result<f32, String> {
    let size: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("\"{text}\" is not a number of pixels"))?;
    let options = PageOptions {
        size,
        width: *PageOptions::WIDTHS.end(),
        ..PageOptions::default()
    };
    options.check().map(|()| size).map_err(|e| e.to_string())
}

/// Standard output could not be written: a closed pipe ends the command quietly, anything
/// else (a full disk) is reported.
#[derive(Debug, thiserror::Error)]
#[error("could not write the output: {0}")]
struct StdoutError(io::Error);

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help, the version, or a usage error: clap prints it, and its exit code stands,
        // unless the printing itself failed (a full disk; a closed pipe ends quietly).
        Err(usage) => {
            return match usage.print() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    note(&format!("dars: {}", StdoutError(e)));
                    ExitCode::FAILURE
                }
                _ => ExitCode::from(u8::try_from(usage.exit_code()).unwrap_or(2)),
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`dars analyze | head`): as ripgrep does, stop quietly with
        // success, since the output that was wanted was delivered.
        Err(e)
            if e.downcast_ref::<StdoutError>()
                .is_some_and(|StdoutError(e)| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            note(&format!("dars: {e:#}"));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        None => {
            dars::ui::run(cli.file)
                .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))?;
        }
        Some(Command::Analyze(args)) => analyze(&args)?,
        Some(Command::Export(args)) => export(args)?,
        Some(Command::Render(args)) => render(&args)?,
    }
    Ok(())
}

fn analyze(args: &AnalyzeArgs) -> anyhow::Result<()> {
    let doc = document(args.file.as_deref())?;
    let analysis = dars::analysis::analyze(&doc);
    print_with(|out| {
        serde_json::to_writer_pretty(&mut *out, &analysis.to_json(&doc))
            .map_err(io::Error::from)?;
        writeln!(out)
    })
}

fn export(args: ExportArgs) -> anyhow::Result<()> {
    let doc = document(args.file.as_deref())?;
    let analysis = dars::analysis::analyze(&doc);
    let mut cards = dars::study::deck_from_analysis(&doc, &analysis);
    if cards.is_empty() {
        anyhow::bail!(
            "there are no cards to export: no word of {} is in the lexicon, so there is nothing to study. Nothing was written to {}.",
            doc.source,
            args.out.display()
        );
    }
    if let Some(warning) = dars::study::apply_saved_edits(&doc.text, &mut cards) {
        note(&format!("dars: {warning}"));
    }
    let options = dars::export::ExportOptions::now(args.deck, doc.source.clone());
    dars::export::export_to_file(&cards, args.format, &options, &args.out)?;
    note(&format!(
        "wrote {} card{} to {}",
        cards.len(),
        if cards.len() == 1 { "" } else { "s" },
        args.out.display()
    ));
    Ok(())
}

fn render(args: &RenderArgs) -> anyhow::Result<()> {
    let options = PageOptions {
        width: args.width,
        font: args.font.into(),
        size: args.size,
    };
    // Before reading the file: a wrong option costs nothing.
    options.check()?;
    let doc = document(args.file.as_deref())?;
    let mut page = render_page(&doc, options)?;
    page.save(&args.out)?;
    note(&format!(
        "wrote {} ({}×{} px)",
        args.out.display(),
        page.width,
        page.height
    ));
    Ok(())
}

/// The document in `file`, or the bundled article.
fn document(file: Option<&Path>) -> anyhow::Result<Document> {
    Ok(match file {
        Some(path) => Document::new(path.display().to_string(), load_text(path)?),
        None => Document::bundled(),
    })
}

/// Writes a command's result to standard output, buffered, and flushes it: every failure
/// comes back as a [`StdoutError`], never as a panic (as `println!` would).
fn print_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(StdoutError)?;
    Ok(())
}

/// A message for the person at the terminal (on standard error). If even that cannot be
/// written there is nobody to tell, so the failure is dropped rather than panicking.
fn note(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}
