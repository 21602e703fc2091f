//! The command line: thin parsing over the library.

use crate::corpus;
use crate::index::aliases::Aliases;
use crate::index::cache::{self, PendingSave};
use crate::index::{Index, Progress, Stage};
use crate::output;
use crate::store;
use crate::ui;
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
    /// Configuration file [default: ~/.config/crossread/config.toml].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Analyze everything again, without the on-disk cache.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Write a log to FILE [default: ~/.local/state/crossread/crossread.log].
    #[arg(long, global = true, value_name = "FILE", num_args = 0..=1, default_missing_value = "")]
    pub log_file: Option<PathBuf>,
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
    /// The most relevant first (BM25; names weigh as their mentions);
    /// a word that is a spelling of a known entity finds its other spellings.
    #[command(
        after_help = "Examples:\n  crossread search 'entity:Putin -source:ap' seeds/\n  crossread search --by-date 'oil prices' reuters.jsonl"
    )]
    Search {
        query: String,
        #[arg(long)]
        json: bool,
        /// In reading order (by date) instead of the most relevant first.
        #[arg(long)]
        by_date: bool,
        paths: Vec<PathBuf>,
    },
    /// Check the configuration, or print the defaults.
    #[command(
        after_help = "Examples:\n  crossread config                   check your config file\n  crossread config --print-default > ~/.config/crossread/config.toml"
    )]
    Config {
        /// Print the default configuration (keys, theme, layout, display).
        #[arg(long)]
        print_default: bool,
    },
    /// Export entities, mentions, the timeline and your notes.
    #[command(
        after_help = "Examples:\n  crossread export --format json seeds/ > analysis.json\n  crossread export --format csv --what mentions seeds/ > mentions.csv\n  crossread export --format md --what notes > notes.md"
    )]
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: output::ExportFormat,
        #[arg(long, value_enum, default_value = "all")]
        what: output::ExportWhat,
        paths: Vec<PathBuf>,
    },
    /// Every key and what it does, as Markdown tables (with your config's keys).
    Keys,
    /// Shell completions: crossread completions bash > ~/.local/share/bash-completion/completions/crossread
    #[command(
        after_help = "Examples:\n  crossread completions bash > ~/.local/share/bash-completion/completions/crossread\n  crossread completions zsh > ~/.zfunc/_crossread\n  crossread completions fish > ~/.config/fish/completions/crossread.fish"
    )]
    Completions { shell: clap_complete::Shell },
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

/// The paths to read: those given, else ./seeds when it exists; None for
/// the seed articles built into the binary.
fn inputs(paths: &[PathBuf]) -> Option<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Some(paths.to_vec());
    }
    let local = PathBuf::from("seeds");
    local.is_dir().then(|| vec![local])
}

/// The aliases file named on the command line, else the one in the config folder.
pub fn aliases(path: Option<PathBuf>) -> (store::AliasFile, Option<String>) {
    store::AliasFile::open(path.or_else(store::aliases_path))
}

/// The analyzed corpus: from the cache when nothing changed, else read and
/// analyzed (and cached for next time, at once).
pub fn open(
    paths: &[PathBuf],
    al: &Aliases,
    use_cache: bool,
    progress: &Progress,
) -> Result<Index, String> {
    let (ix, pending) = open_with(paths, al, use_cache, progress)?;
    if let Some(p) = pending {
        p.save(&ix, usize::MAX);
    }
    Ok(ix)
}

/// `open`, telling `progress` how far it got; the cache is left for the
/// caller to write when it suits (the TUI: after its first frame).
pub fn open_with(
    paths: &[PathBuf],
    al: &Aliases,
    use_cache: bool,
    progress: &Progress,
) -> Result<(Index, Option<PendingSave>), String> {
    let t0 = std::time::Instant::now();
    let year = chrono::Local::now().year();
    progress.start(Stage::Reading, 0);
    let Some(inputs) = inputs(paths) else {
        crate::nlp::warm_up(&corpus::SAMPLE_TEXTS);
        let ix = Index::build_progress(corpus::embedded_seeds(), year, al, progress);
        return Ok((ix, None));
    };
    // with a cache, the paths are canonical: a folder named relatively and
    // absolutely is one corpus with one cache
    let inputs: Vec<PathBuf> = if use_cache {
        inputs
            .iter()
            .map(|p| p.canonicalize().unwrap_or_else(|_| p.clone()))
            .collect()
    } else {
        inputs
    };
    let cached = if use_cache {
        store::cache_dir().map(|d| {
            let files = corpus::list_files(&inputs).map_err(|e| e.to_string());
            (cache::path_for(&d, &inputs), files)
        })
    } else {
        None
    };
    let mut pending = None;
    let mut reused: Vec<(corpus::Article, crate::nlp::Analysis)> = Vec::new();
    let mut reused_warnings = Vec::new();
    let mut changed: Option<Vec<PathBuf>> = None;
    let mut listed: Vec<PathBuf> = Vec::new();
    if let Some((path, files)) = cached {
        listed = files.clone()?;
        // hashing the input and reading the cache, side by side
        let (key, bytes) = rayon::join(
            || cache::key(&listed, al, year),
            || std::fs::read(&path).ok(),
        );
        crate::log!("cache: key made and cache read at {:?}", t0.elapsed());
        let bytes = bytes.unwrap_or_default();
        let loaded = if bytes.is_empty() {
            Err(cache::Miss::Absent)
        } else {
            cache::load_bytes(&bytes, &key)
        };
        match loaded {
            Ok(ix) => {
                crate::log!(
                    "cache hit {}: {} articles in {:?}",
                    path.display(),
                    ix.articles.len(),
                    t0.elapsed()
                );
                progress.start(Stage::Done, 0);
                return Ok((ix, None));
            }
            Err(m) => crate::log!("cache miss {}: {m:?}", path.display()),
        }
        // files that did not change keep their analysis from the last cache
        if let Some((old, ix)) = cache::load_previous(&bytes, &key) {
            let same: std::collections::HashSet<&(String, u64, i128, u64)> =
                old.files.iter().collect();
            let keep: std::collections::HashSet<&str> = key
                .files
                .iter()
                .filter(|f| same.contains(f))
                .map(|f| f.0.as_str())
                .collect();
            let Index {
                articles,
                analyses,
                warnings,
                ..
            } = ix;
            for (a, an) in articles.into_iter().zip(analyses) {
                if keep.contains(a.path.to_string_lossy().as_ref()) {
                    reused.push((a, an));
                }
            }
            reused_warnings = warnings
                .into_iter()
                .filter(|w| keep.contains(w.path.to_string_lossy().as_ref()))
                .collect();
            changed = Some(
                key.files
                    .iter()
                    .filter(|f| !same.contains(f))
                    .map(|f| PathBuf::from(&f.0))
                    .collect(),
            );
            crate::log!(
                "cache: {} articles of {} unchanged files reused, {} files to read",
                reused.len(),
                keep.len(),
                changed.as_ref().map_or(0, Vec::len)
            );
        }
        drop(bytes);
        pending = Some(PendingSave { path, key });
    }
    crate::nlp::warm_up(&corpus::SAMPLE_TEXTS);
    let corpus = match &changed {
        Some(files) if files.is_empty() => corpus::Corpus::default(),
        Some(files) => corpus::load(files).map_err(|e| e.to_string())?,
        None => corpus::load(&inputs).map_err(|e| e.to_string())?,
    };
    let mut corpus = corpus;
    corpus.warnings.extend(reused_warnings);
    let n = corpus.articles.len();
    let t1 = std::time::Instant::now();
    let rank: std::collections::HashMap<PathBuf, usize> = listed
        .iter()
        .enumerate()
        .map(|(i, p)| (p.clone(), i))
        .collect();
    let ix = Index::build_reusing(
        corpus,
        reused,
        &|p| rank.get(p).copied().unwrap_or(usize::MAX),
        year,
        al,
        progress,
    );
    crate::log!(
        "read {n} articles in {:?}, analyzed in {:?}: {} entities",
        t1 - t0,
        t1.elapsed(),
        ix.entities.len()
    );
    Ok((ix, pending))
}

/// glibc grows each thread's heap a page at a time, with one `mprotect` call
/// per page: loading the Reuters cache on two threads spent a sixth of its
/// time there, and its first frame came 30% later than with 64 MiB steps.
/// The padding is address space only while it is untouched; but glibc also
/// keeps as much freed memory at a heap's top before it gives any back, and
/// those pages were touched: 16 MiB steps load the cache as fast as 64 MiB
/// ones (119 against 118 ms, fifteen pairs) with a peak 6 to 7 MiB lower
/// (a cold open of Reuters 141 against 148 MiB, a warm one 133 against 139).
fn grow_heaps_in_large_steps() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tunable of the allocator; called before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}

/// A progress line on stderr while `work` runs, when stderr is a terminal.
fn with_progress_line<T: Send>(work: impl FnOnce(&Progress) -> T + Send) -> T {
    use std::io::IsTerminal;
    let progress = Progress::default();
    if !std::io::stderr().is_terminal() {
        return work(&progress);
    }
    let done = std::sync::atomic::AtomicBool::new(false);
    let t0 = std::time::Instant::now();
    std::thread::scope(|sc| {
        sc.spawn(|| {
            let mut shown = false;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(100));
                // nothing to show for quick work
                if t0.elapsed() < std::time::Duration::from_millis(300) {
                    continue;
                }
                eprint!("\r\x1b[Kcrossread: {}", progress.text(t0.elapsed()));
                shown = true;
            }
            if shown {
                eprint!("\r\x1b[K");
            }
        });
        let out = work(&progress);
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        out
    })
}

/// `open`, with the corpus's warnings on stderr (headless commands).
pub fn build(paths: &[PathBuf], al: &Aliases, use_cache: bool) -> Result<Index, String> {
    let ix = with_progress_line(|p| open(paths, al, use_cache, p))?;
    for w in &ix.warnings {
        crate::say!("crossread: warning: {w}");
        crate::log!("warning: {w}");
    }
    Ok(ix)
}

pub fn main() -> i32 {
    crate::log::mark_start();
    // a panic caught where it happened (one article's analysis) is a
    // warning on that article, not a message of its own
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::guard::is_guarded() {
            crate::log!("panic (caught): {info}");
        } else {
            default_hook(info);
        }
    }));
    grow_heaps_in_large_steps();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    if let Some(p) = &cli.log_file {
        let p = if p.as_os_str().is_empty() {
            crate::log::default_path().unwrap_or_else(|| PathBuf::from("crossread.log"))
        } else {
            p.clone()
        };
        if let Err(e) = crate::log::init(&p) {
            crate::say!("crossread: {}: cannot write the log: {e}", p.display());
            return 1;
        }
        crate::log!(
            "crossread {} started: {:?}",
            env!("CARGO_PKG_VERSION"),
            std::env::args().collect::<Vec<_>>()
        );
    }
    let cfg_path = cli
        .config
        .clone()
        .or_else(|| store::config_dir().map(|d| d.join("config.toml")));
    let (cfg, cfg_err) = match cfg_path.as_ref().map(std::fs::read_to_string) {
        Some(Ok(src)) => match ui::config::Config::load(Some(&src)) {
            Ok(c) => (c, None),
            Err(e) => (
                ui::config::Config::defaults(),
                Some(format!("{e}; using the defaults")),
            ),
        },
        Some(Err(e)) if cli.config.is_some() || e.kind() != std::io::ErrorKind::NotFound => {
            let p = cfg_path.clone().unwrap_or_default();
            crate::say!("crossread: {}: {e}", p.display());
            return 2;
        }
        _ => (ui::config::Config::defaults(), None),
    };
    let cfg_path = cfg_path.unwrap_or_default();
    corpus::set_max_file_bytes(cfg.max_file_bytes);
    if let Some(e) = &cfg_err {
        crate::say!("crossread: warning: {}: {e}", cfg_path.display());
        crate::log!("config: {e}");
    }
    let (alias_file, alias_err) = aliases(cli.aliases.clone());
    let alias_path = alias_file.path.clone().unwrap_or_default();
    if let Some(e) = &alias_err {
        crate::say!("crossread: warning: {}: {e}", alias_path.display());
    }
    // every text printed goes through one sanitizer (crate::safe): JSON with
    // the characters a terminal obeys escaped (the same value), text with
    // them made visible
    let run =
        |paths: &[PathBuf], json: bool, f: &dyn Fn(&Index) -> Result<String, String>| -> i32 {
            match build(paths, &alias_file.aliases, !cli.no_cache) {
                Ok(ix) => {
                    // the process ends after this: the system takes the memory back
                    // at once, freeing the index piece by piece would only cost time
                    let ix = std::mem::ManuallyDrop::new(ix);
                    crate::log!(
                        "index ready at {:?}, {} MiB",
                        crate::log::since_start(),
                        crate::log::rss_mib()
                    );
                    let out = match f(&ix) {
                        Ok(o) => o,
                        Err(e) => {
                            crate::say!("crossread: {e}");
                            return 1;
                        }
                    };
                    use std::io::Write;
                    let out = if json {
                        crate::safe::escape_json(&out)
                    } else {
                        crate::safe::sanitize_lines(&out)
                    };
                    let mut so = std::io::stdout().lock();
                    if so.write_all(out.as_bytes()).is_err() {
                        return 1;
                    }
                    crate::log!(
                        "output written at {:?}, {} MiB",
                        crate::log::since_start(),
                        crate::log::rss_mib()
                    );
                    0
                }
                Err(e) => {
                    crate::say!("crossread: {e}");
                    2
                }
            }
        };
    match cli.command {
        Some(Command::Config { print_default }) => {
            if print_default {
                print!("{}", ui::config::print_default());
                return 0;
            }
            match &cfg_err {
                None if cfg_path.exists() => {
                    println!(
                        "{}: ok",
                        crate::safe::sanitize(&cfg_path.display().to_string())
                    );
                    0
                }
                None => {
                    println!(
                        "{}: not there; the defaults apply",
                        crate::safe::sanitize(&cfg_path.display().to_string())
                    );
                    0
                }
                Some(_) => 1,
            }
        }
        Some(Command::Keys) => {
            println!("{}", crate::app::help::markdown(&cfg.keymap));
            0
        }
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "crossread",
                &mut std::io::stdout(),
            );
            0
        }
        Some(Command::Extract { json, paths }) => {
            run(&paths, json, &|ix| Ok(output::extract(ix, json)))
        }
        Some(Command::Entities { json, paths }) => {
            run(&paths, json, &|ix| Ok(output::entities(ix, json)))
        }
        Some(Command::Mentions { name, json, paths }) => {
            run(&paths, json, &|ix| output::mentions(ix, &name, json))
        }
        Some(Command::Timeline { json, paths }) => {
            run(&paths, json, &|ix| Ok(output::timeline(ix, json)))
        }
        Some(Command::Search {
            query,
            json,
            by_date,
            paths,
        }) => run(&paths, json, &|ix| {
            Ok(output::search(ix, &query, json, by_date))
        }),
        Some(Command::Export {
            format,
            what,
            paths,
        }) => {
            // read only: an export never moves or rewrites the user's files
            let from_db = store::state_path().map(|p| {
                store::userdb::UserDb::read_only(&p).map_err(|e| format!("{e}; notes not exported"))
            });
            let user = match from_db {
                Some(Ok(Some(u))) => u,
                Some(Err(e)) => {
                    crate::say!("crossread: warning: {e}");
                    Default::default()
                }
                // not migrated yet: the old file, read as it is
                _ => store::legacy_state_path()
                    .and_then(|p| std::fs::read_to_string(&p).ok().map(|src| (p, src)))
                    .map(|(p, src)| {
                        crate::app::userdata::UserData::parse(&src).unwrap_or_else(|e| {
                            crate::say!(
                                "crossread: warning: {}: {e}; notes not exported",
                                p.display()
                            );
                            Default::default()
                        })
                    })
                    .unwrap_or_default(),
            };
            run(&paths, format == output::ExportFormat::Json, &|ix| {
                Ok(output::export(ix, &user, format, what))
            })
        }
        Some(Command::Compare { a, b, json, paths }) => run(&paths, json, &|ix| {
            let (x, y) = (ix.find_article(&a)?, ix.find_article(&b)?);
            Ok(output::compare(ix, x, y, json))
        }),
        None => {
            let mut warnings = Vec::new();
            if let Some(e) = alias_err {
                warnings.push(crate::corpus::Warning {
                    path: alias_path,
                    message: e,
                });
            }
            if let Some(e) = cfg_err {
                warnings.push(crate::corpus::Warning {
                    path: cfg_path,
                    message: e,
                });
            }
            // bad paths are a usage error, said before the screen changes
            if let Some(e) = inputs(&cli.paths).and_then(|i| corpus::must_exist(&i).err()) {
                crate::say!("crossread: {e}");
                return 2;
            }
            let state = store::state_path();
            let (db, user, said) = store::open_user(state.as_deref());
            for e in said {
                warnings.push(crate::corpus::Warning {
                    path: state.clone().unwrap_or_default(),
                    message: e,
                });
            }
            let aliases = alias_file.aliases.clone();
            let files = store::Files {
                aliases: alias_file,
                user: db,
                user_seen: user.clone(),
            };
            let (paths, use_cache) = (&cli.paths, !cli.no_cache);
            let load = |p: &Progress| open_with(paths, &aliases, use_cache, p);
            // files named (not the embedded seeds) are watched for changes
            let watch = inputs(paths).map(|inputs| {
                let (paths, alias_path) = (paths.clone(), files.aliases.path.clone());
                crate::ui::Watch {
                    inputs,
                    reload: Box::new(move || {
                        // the corrections as they are on disk now
                        let (al, _) = store::load_aliases(alias_path.as_deref());
                        open(&paths, &al, use_cache, &Progress::default())
                    }),
                }
            });
            match crate::ui::run(load, watch, warnings, files, user, cfg) {
                Ok(()) => 0,
                Err(e) => {
                    crate::say!("crossread: {e}");
                    if e.kind() == std::io::ErrorKind::InvalidInput {
                        2
                    } else {
                        1
                    }
                }
            }
        }
    }
}
