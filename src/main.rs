//! The `dars` command: the GUI by default, and the same library's functions as subcommands.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use dars::analysis::{Document, load_text};
use dars::render::FontChoice;
use dars::render::page::{PageOptions, render_page};

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
            format,
            out,
            deck,
        }) => {
            let doc = document(file.as_deref())?;
            let analysis = dars::analysis::analyze(&doc);
            let mut cards = dars::study::deck_from_analysis(&doc, &analysis);
            if let Some(warning) = dars::study::apply_saved_edits(&doc.text, &mut cards) {
                eprintln!("dars: {warning}");
            }
            let options = dars::export::ExportOptions::now(deck, doc.source.clone());
            dars::export::export_to_file(&cards, format, &options, &out)?;
            eprintln!("wrote {} cards to {}", cards.len(), out.display());
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
