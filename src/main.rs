//! The `dars` command: the GUI by default, and the same library's functions as subcommands.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dars::analysis::{Document, load_text};
use dars::render::FontChoice;
use dars::render::page::{PageError, PageOptions, render_page};
use dars::study::{DeckFilter, Names, Order, Status, Which, select_cards};

mod library_command;

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
    /// Make a quiz on the text (with your saved edits) for Moodle, for printing or for tools.
    Quiz(QuizArgs),
    /// Draw the relations diagram (who did what to whom) as JSON, Graphviz DOT, PNG or SVG.
    Graph(GraphArgs),
    /// Your library of texts: list, add or remove them (the same as the window's Library).
    #[command(subcommand)]
    Library(library_command::LibraryCommand),
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
    #[arg(conflicts_with = "texts")]
    file: Option<PathBuf>,
    /// Take the cards of these library texts instead (numbers from `dars library list`,
    /// comma-separated).
    #[arg(long, value_delimiter = ',')]
    texts: Vec<dars::library::TextId>,
    /// Add every word you marked or rated in any text of the library ("all my learning words").
    #[arg(long)]
    library: bool,
    /// apkg (an Anki package), csv, tsv or json.
    #[arg(long)]
    format: dars::export::Format,
    /// Where to write the file (written whole or not at all).
    #[arg(long)]
    out: PathBuf,
    /// The deck's name ("Parent::Child" makes an Anki subdeck).
    #[arg(long, default_value = dars::export::DEFAULT_DECK)]
    deck: String,
    #[command(flatten)]
    which: CardChoice,
}

#[derive(Args)]
struct QuizArgs {
    /// The text file (default: the bundled article).
    file: Option<PathBuf>,
    /// json, gift, moodle-xml or txt (a sheet with an answer key).
    #[arg(long)]
    format: dars::export::quiz::QuizFormat,
    /// Where to write the file (written whole or not at all).
    #[arg(long)]
    out: PathBuf,
    /// How many questions at most.
    #[arg(long, default_value_t = dars::study::quiz::DEFAULT_COUNT)]
    count: usize,
    /// Question types, comma-separated: meaning, reverse, cloze, typed, root, vowelling,
    /// relation, name (default: all).
    #[arg(long, value_delimiter = ',')]
    types: Vec<dars::study::QuestionKind>,
    /// The same seed makes the same quiz.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// What to practise: all, new, learning, due, relations, pos:NOUN or sentence:N.
    #[arg(long, default_value = "all")]
    practise: dars::study::Practise,
}

#[derive(Args)]
struct GraphArgs {
    /// The text file (default: the bundled article).
    file: Option<PathBuf>,
    /// json, dot, png or svg.
    #[arg(long)]
    format: dars::graph::export::Format,
    /// Where to write the file (written whole or not at all).
    #[arg(long)]
    out: PathBuf,
    /// Show every entity the text names, not only those in a relation.
    #[arg(long)]
    all_entities: bool,
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

/// Which cards `export` takes: all of them, or those a filter keeps (the same choice as the
/// export dialog's, with the statuses and edits saved in the app).
#[derive(clap::Args)]
struct CardChoice {
    /// Start from the filter saved in the app's cards panel for this text.
    #[arg(long)]
    filter: bool,
    /// Only cards with these statuses (comma-separated: new, learning, known, ignored).
    #[arg(long, value_delimiter = ',', value_parser = parse_status)]
    status: Vec<Status>,
    /// Only these parts of speech (comma-separated, as in the JSON: noun, verb, adjective…).
    #[arg(long, value_delimiter = ',')]
    pos: Vec<String>,
    /// Names of people, states and places: include (the default), exclude or only.
    #[arg(long, value_enum)]
    names: Option<NamesChoice>,
    /// The cards' order: text (as they first appear) or frequency.
    #[arg(long, value_enum)]
    order: Option<OrderChoice>,
}

#[derive(Clone, Copy, ValueEnum)]
enum NamesChoice {
    Include,
    Exclude,
    Only,
}

#[derive(Clone, Copy, ValueEnum)]
enum OrderChoice {
    Text,
    Frequency,
}

impl CardChoice {
    /// The filter these flags make, starting from `saved` with `--filter`; `None` for all cards.
    fn filter(&self, saved: &DeckFilter) -> Option<DeckFilter> {
        let narrowed = self.filter
            || !self.status.is_empty()
            || !self.pos.is_empty()
            || self.names.is_some()
            || self.order.is_some();
        if !narrowed {
            return None;
        }
        let mut filter = if self.filter {
            saved.clone()
        } else {
            DeckFilter {
                names: Names::Include,
                ..DeckFilter::default()
            }
        };
        if !self.status.is_empty() {
            filter.statuses = self.status.iter().copied().collect();
        }
        if !self.pos.is_empty() {
            filter.pos = self.pos.iter().cloned().collect();
        }
        if let Some(names) = self.names {
            filter.names = match names {
                NamesChoice::Include => Names::Include,
                NamesChoice::Exclude => Names::Exclude,
                NamesChoice::Only => Names::Only,
            };
        }
        if let Some(order) = self.order {
            filter.order = match order {
                OrderChoice::Text => Order::FirstAppearance,
                OrderChoice::Frequency => Order::Frequency,
            };
        }
        Some(filter)
    }
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::ALL
        .into_iter()
        .find(|s| s.label().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| format!("{text:?} is not a status: new, learning, known or ignored"))
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
        Some(Command::Quiz(args)) => quiz(args)?,
        Some(Command::Graph(args)) => graph(&args)?,
        Some(Command::Render(args)) => render(&args)?,
        Some(Command::Library(command)) => library_command::run(command)?,
    }
    Ok(())
}

fn analyze(args: &AnalyzeArgs) -> anyhow::Result<()> {
    lexicons_in_background();
    let doc = document(args.file.as_deref())?;
    let analysis = dars::analysis::analyze(&doc);
    // Streamed as it is serialized (one line): a 50 MB text's JSON is never held in memory.
    let printed = print_with(|out| analysis.write_json(&doc, out));
    // The process ends here and the system takes its memory back at once: freeing the
    // analysis piece by piece first was a thirtieth of analysing a long text.
    std::mem::forget(analysis);
    std::mem::forget(doc);
    printed
}

fn export(args: ExportArgs) -> anyhow::Result<()> {
    lexicons_in_background();
    let doc = document(args.file.as_deref())?;
    let opened = match dars::library::Library::platform() {
        Ok(opened) => Some(opened.library),
        Err(e) if args.texts.is_empty() && !args.library => {
            note(&format!(
                "dars: your saved statuses and edits were left out: {e}"
            ));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let (cards, saved) =
        dars::library::export_deck(opened.as_ref(), &doc, &args.texts, args.library)?;
    if cards.is_empty() {
        anyhow::bail!(
            "there are no cards to export: no word of {} is in the lexicon, so there is nothing to study. Nothing was written to {}.",
            doc.source,
            args.out.display()
        );
    }
    let cards = match args.which.filter(&saved.settings.filter) {
        Some(filter) => {
            let none = std::collections::BTreeSet::new();
            select_cards(&cards, &saved, &filter, Which::Filtered, &none)
        }
        None => cards,
    };
    if cards.is_empty() {
        anyhow::bail!(
            "no card of this text matches --filter/--status/--pos/--names; nothing was written to {}",
            args.out.display()
        );
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

fn quiz(args: QuizArgs) -> anyhow::Result<()> {
    lexicons_in_background();
    let doc = document(args.file.as_deref())?;
    let spec = dars::study::QuizSpec {
        practise: args.practise,
        count: args.count,
        kinds: args.types,
        seed: args.seed,
    };
    let quiz = dars::export::quiz::quiz_for_command(&doc, &spec);
    for warning in &quiz.warnings {
        note(&format!("dars: {warning}"));
    }
    dars::export::quiz::export_quiz_to_file(&quiz.quiz, args.format, &args.out)?;
    note(&format!(
        "wrote {} questions to {}",
        quiz.quiz.questions.len(),
        args.out.display()
    ));
    Ok(())
}

fn graph(args: &GraphArgs) -> anyhow::Result<()> {
    lexicons_in_background();
    let doc = document(args.file.as_deref())?;
    let analysis = dars::analysis::analyze(&doc);
    let mut options = dars::graph::export::GraphOptions::new(args.format);
    if args.all_entities {
        options.nodes = dars::graph::Nodes::All;
    }
    let written = dars::graph::export::write_graph(&doc, &analysis, &options, &args.out)?;
    note(&format!(
        "wrote {} ({} entities, {} relations)",
        args.out.display(),
        written.nodes,
        written.edges
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
/// Starts reading the bundled lexicons and BAMA's tables (15–25 ms) on another thread, so
/// that they load while the text is read and split rather than after.
fn lexicons_in_background() {
    std::thread::spawn(dars::analysis::preload);
}

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
