//! `dars library list | add | remove`: the library for scripts, through the same functions as the window.

use std::io::Read as _;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Subcommand;
use dars::import::FetchOptions;
use dars::library::{Library, Prepared, TextId, texts_from_file, texts_from_stdin, texts_from_url};

use super::{note, print_with};

#[derive(Subcommand)]
pub enum LibraryCommand {
    /// List the texts: number, title, source, words known/learning/running, last opened.
    List {
        /// Print JSON (one object per text) instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Add a text file, web page or e-book (each chapter), a web address's article, or
    /// standard input. All or nothing: on any error nothing is added.
    Add {
        /// A .txt, .html or .epub file.
        #[arg(conflicts_with_all = ["url", "stdin"], required_unless_present_any = ["url", "stdin"])]
        file: Option<PathBuf>,
        /// Fetch the article of this web page.
        #[arg(long, conflicts_with = "stdin")]
        url: Option<String>,
        /// Read the text from standard input (any encoding a text file may have).
        #[arg(long)]
        stdin: bool,
        /// The text's title (default: the page's, or the first line's).
        #[arg(long)]
        title: Option<String>,
    },
    /// Remove a text (its words keep their statuses). The bundled article stays.
    Remove {
        /// The text's number, as `dars library list` shows it.
        id: TextId,
    },
}

/// Runs a `dars library` command on the library in the data folder.
///
/// # Errors
/// The library cannot be opened or written, or the text cannot be read: nothing was changed.
pub fn run(command: LibraryCommand) -> anyhow::Result<()> {
    let opened = Library::platform()?;
    for notice in &opened.notices {
        note(&format!("dars: {notice}"));
    }
    let library = opened.library;
    match command {
        LibraryCommand::List { json } => list(&library, json),
        LibraryCommand::Add {
            file,
            url,
            stdin,
            title,
        } => {
            let title = title.as_deref();
            let prepared = if let Some(url) = url {
                texts_from_url(&url, &FetchOptions::default(), title)?
            } else if stdin {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut bytes)
                    .context("could not read standard input")?;
                texts_from_stdin(&bytes, title)?
            } else if let Some(file) = file {
                texts_from_file(&file, title)?
            } else {
                anyhow::bail!("say what to add: a FILE, --url URL or --stdin");
            };
            add(&library, prepared)
        }
        LibraryCommand::Remove { id } => {
            let title = library.text(id)?.title;
            library.remove(id)?;
            note(&format!(
                "removed {id}: {title} (its words keep their statuses)"
            ));
            Ok(())
        }
    }
}

fn list(library: &Library, json: bool) -> anyhow::Result<()> {
    let texts = library.texts()?;
    print_with(|out| {
        if json {
            serde_json::to_writer_pretty(&mut *out, &texts).map_err(std::io::Error::from)?;
            return writeln!(out);
        }
        writeln!(out, "id\tknown\tlearning\twords\tsource\ttitle")?;
        for t in &texts {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                t.id,
                t.words.known,
                t.words.learning,
                t.words.running,
                t.source.label(),
                t.title
            )?;
        }
        Ok(())
    })
}

fn add(library: &Library, prepared: Prepared) -> anyhow::Result<()> {
    for notice in &prepared.notices {
        note(&format!("dars: {notice}"));
    }
    let added = library.add(&prepared.texts)?;
    print_with(|out| {
        for a in &added {
            let what = if a.was_there {
                "already there"
            } else {
                "added"
            };
            writeln!(out, "{}\t{}\t{what}", a.id, a.title)?;
        }
        Ok(())
    })
}
