//! The command line: thin parsing over the library.

use crate::corpus::{self, Corpus};
use crate::index::aliases::Aliases;
use crate::index::Index;
use crate::output;
use crate::store;
use chrono::Datelike;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "crossread",
    version,
    about = "Read the news across sources: entities, timelines, side by side.",
    after_help = "With no PATH, opens ./seeds if it exists, else the seed articles built into the binary.\n\nExamples:\n  crossread                      open the bundled seeds\n  crossread ~/news feeds.xml     open a folder and a feed\n  crossread extract --json seeds/\n  crossread mentions Putin seeds/"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files and folders to read (text, Markdown, HTML, JSON Lines, JSON, RSS/Atom).
    pub paths: Vec<PathBuf>,
    /// Your corrections to entity linking [default: ~/.config/crossread/aliases.toml].
    #[arg(long, global = true, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the analysis of every article (entities and time expressions).
    #[command(after_help = "Example:\n  crossread extract --json seeds/ > analysis.json")]
    Extract {
        /// JSON output (the evaluation contract).
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// List the entities with type, aliases, article and mention counts.
    #[command(after_help = "Example:\n  crossread entities --json seeds/")]
    Entities {
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// Every mention of an entity (by any of its names), with its sentence.
    #[command(after_help = "Example:\n  crossread mentions Zelenskyy seeds/")]
    Mentions {
        name: String,
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// The timeline of dated events across articles.
    #[command(after_help = "Example:\n  crossread timeline seeds/")]
    Timeline {
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// Search all articles: words, "phrases", entity:NAME, source:, date:A..B, type:, -NOT.
    #[command(after_help = "Example:\n  crossread search 'entity:Putin -source:ap' seeds/")]
    Search {
        query: String,
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// Two articles side by side: aligned sentences, shared quotes and entities.
    #[command(
        after_help = "A and B are article ids, id prefixes or file names.\n\nExample:\n  crossread compare 001 003 seeds/\n  crossread compare 001 003 --json seeds/"
    )]
    Compare {
        a: String,
        b: String,
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
}

/// Loads the paths (or the default seeds) and reports warnings on stderr.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, String> {
    let corpus = if paths.is_empty() {
        let local = PathBuf::from("seeds");
        if local.is_dir() {
            corpus::load(&[local]).map_err(|e| e.to_string())?
        } else {
            corpus::embedded_seeds()
        }
    } else {
        corpus::load(paths).map_err(|e| e.to_string())?
    };
    Ok(corpus)
}

/// The aliases file named on the command line, else the one in the config folder.
pub fn aliases(path: Option<PathBuf>) -> (store::AliasFile, Option<String>) {
    store::AliasFile::open(path.or_else(store::aliases_path))
}

pub fn build(paths: &[PathBuf], al: &Aliases) -> Result<Index, String> {
    let corpus = load(paths)?;
    for w in &corpus.warnings {
        eprintln!("crossread: warning: {w}");
    }
    Ok(Index::build_with(corpus, chrono::Local::now().year(), al))
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let (alias_file, alias_err) = aliases(cli.aliases.clone());
    let alias_path = alias_file.path.clone().unwrap_or_default();
    if let Some(e) = &alias_err {
        eprintln!("crossread: warning: {}: {e}", alias_path.display());
    }
    let run = |paths: &[PathBuf], f: &dyn Fn(&Index) -> Result<String, String>| -> i32 {
        match build(paths, &alias_file.aliases) {
            Ok(ix) => {
                let out = match f(&ix) {
                    Ok(o) => o,
                    Err(e) => {
                        eprintln!("crossread: {e}");
                        return 1;
                    }
                };
                use std::io::Write;
                let mut so = std::io::stdout().lock();
                if so.write_all(out.as_bytes()).is_err() {
                    return 1;
                }
                0
            }
            Err(e) => {
                eprintln!("crossread: {e}");
                2
            }
        }
    };
    match cli.command {
        Some(Command::Extract { json, paths }) => run(&paths, &|ix| Ok(output::extract(ix, json))),
        Some(Command::Entities { json, paths }) => {
            run(&paths, &|ix| Ok(output::entities(ix, json)))
        }
        Some(Command::Mentions { name, json, paths }) => {
            run(&paths, &|ix| Ok(output::mentions(ix, &name, json)))
        }
        Some(Command::Timeline { json, paths }) => {
            run(&paths, &|ix| Ok(output::timeline(ix, json)))
        }
        Some(Command::Search { query, json, paths }) => {
            run(&paths, &|ix| Ok(output::search(ix, &query, json)))
        }
        Some(Command::Compare { a, b, json, paths }) => run(&paths, &|ix| {
            let (x, y) = (ix.find_article(&a)?, ix.find_article(&b)?);
            Ok(output::compare(ix, x, y, json))
        }),
        None => {
            let mut corpus = match load(&cli.paths) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("crossread: {e}");
                    return 2;
                }
            };
            if let Some(e) = alias_err {
                corpus.warnings.push(crate::corpus::Warning {
                    path: alias_path,
                    message: e,
                });
            }
            let state = store::state_path();
            let (user, user_err) = store::load_user(state.as_deref());
            if let Some(e) = user_err {
                corpus.warnings.push(crate::corpus::Warning {
                    path: state.clone().unwrap_or_default(),
                    message: e,
                });
            }
            let files = store::Files {
                aliases: alias_file,
                state,
            };
            match crate::ui::run(corpus, files, user) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("crossread: {e}");
                    1
                }
            }
        }
    }
}
