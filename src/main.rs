//! The `dars` command: the GUI by default, and the same library's functions as subcommands.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use dars::analysis::{Document, load_text};
use dars::render::FontChoice;
use dars::render::page::{PageOptions, render_page};
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
    Analyze {
        /// The text file (default: the bundled article).
        file: Option<PathBuf>,
        /// Print JSON (the only format so far; accepted so scripts can say what they expect).
        #[arg(long)]
        json: bool,
    },
    /// Export the vocabulary cards (with your saved edits) for Anki, spreadsheets or other tools.
    Export {
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
    },
    /// Make a quiz on the text (with your saved edits) for Moodle, for printing or for tools.
    Quiz {
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
    },
    /// Draw the relations diagram (who did what to whom) as JSON, Graphviz DOT, PNG or SVG.
    Graph {
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
    },
    /// Your library of texts: list, add or remove them (the same as the window's Library).
    Library {
        #[command(subcommand)]
        command: library_command::LibraryCommand,
    },
    /// Render the text to a PNG page with the app's own text engine.
    Render {
        /// The text file (default: the bundled article).
        file: Option<PathBuf>,
        /// Where to write the PNG.
        #[arg(long)]
        out: PathBuf,
        /// Page width in pixels.
        #[arg(long, default_value_t = 1200)]
        width: u32,
        /// Text size in pixels.
        #[arg(long, default_value_t = 22.0)]
        size: f32,
        #[arg(long, value_enum, default_value_t = Font::Naskh)]
        font: Font,
    },
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

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dars: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        None => {
            dars::ui::run(cli.file)
                .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))?;
        }
        Some(Command::Analyze { file, json: _ }) => {
            let doc = document(file.as_deref())?;
            let analysis = dars::analysis::analyze(&doc);
            let text = serde_json::to_string_pretty(&analysis.to_json(&doc))?;
            println!("{text}");
        }
        Some(Command::Export {
            file,
            texts,
            library,
            format,
            out,
            deck,
            which,
        }) => {
            let doc = document(file.as_deref())?;
            let opened = match dars::library::Library::platform() {
                Ok(opened) => Some(opened.library),
                Err(e) if texts.is_empty() && !library => {
                    eprintln!("dars: your saved statuses and edits were left out: {e}");
                    None
                }
                Err(e) => return Err(e.into()),
            };
            let (cards, saved) =
                dars::library::export_deck(opened.as_ref(), &doc, &texts, library)?;
            let cards = match which.filter(&saved.settings.filter) {
                Some(filter) => {
                    let none = std::collections::BTreeSet::new();
                    select_cards(&cards, &saved, &filter, Which::Filtered, &none)
                }
                None => cards,
            };
            if cards.is_empty() {
                anyhow::bail!(
                    "no card of this text matches --filter/--status/--pos/--names; nothing was written to {}",
                    out.display()
                );
            }
            let options = dars::export::ExportOptions::now(deck, doc.source.clone());
            dars::export::export_to_file(&cards, format, &options, &out)?;
            eprintln!("wrote {} cards to {}", cards.len(), out.display());
        }
        Some(Command::Quiz {
            file,
            format,
            out,
            count,
            types,
            seed,
            practise,
        }) => {
            let doc = document(file.as_deref())?;
            let spec = dars::study::QuizSpec {
                practise,
                count,
                kinds: types,
                seed,
            };
            let quiz = dars::export::quiz::quiz_for_command(&doc, &spec);
            for warning in &quiz.warnings {
                eprintln!("dars: {warning}");
            }
            dars::export::quiz::export_quiz_to_file(&quiz.quiz, format, &out)?;
            eprintln!(
                "wrote {} questions to {}",
                quiz.quiz.questions.len(),
                out.display()
            );
        }
        Some(Command::Graph {
            file,
            format,
            out,
            all_entities,
        }) => {
            let doc = document(file.as_deref())?;
            let analysis = dars::analysis::analyze(&doc);
            let mut options = dars::graph::export::GraphOptions::new(format);
            if all_entities {
                options.nodes = dars::graph::Nodes::All;
            }
            let w = dars::graph::export::write_graph(&doc, &analysis, &options, &out)?;
            eprintln!(
                "wrote {} ({} entities, {} relations)",
                out.display(),
                w.nodes,
                w.edges
            );
        }
        Some(Command::Library { command }) => library_command::run(command)?,
        Some(Command::Render {
            file,
            out,
            width,
            size,
            font,
        }) => {
            let doc = document(file.as_deref())?;
            let page = render_page(
                &doc,
                PageOptions {
                    width,
                    font: font.into(),
                    size,
                },
            )?;
            page.save(&out)
                .with_context(|| format!("could not save the page to {}", out.display()))?;
            eprintln!(
                "wrote {} ({}×{} px)",
                out.display(),
                page.width,
                page.height
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The document in `file`, or the bundled article.
fn document(file: Option<&Path>) -> anyhow::Result<Document> {
    Ok(match file {
        Some(path) => Document::new(path.display().to_string(), load_text(path)?),
        None => Document::bundled(),
    })
}
