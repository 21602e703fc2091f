//! Reading sources into [`Article`]s. Never writes to the user's files.
//!
//! Every reader produces the article's `text` (the coordinate system for all
//! later analysis: byte ranges index into it) plus metadata. For plain-text
//! files the text is the file content exactly as read; for JSON Lines it is the
//! record's text field; for Markdown, HTML and feeds it is the rendered text.

mod decode;
mod feed;
mod html;
mod jsonl;
mod markdown;
mod plain;
mod walk;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::{Path, PathBuf};

pub use decode::decode_bytes;
pub use html::html_to_text;
pub use plain::derive_title;

/// How an article's publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A ` date YYYY-MM-DD` marker at the top of a text file.
    Header,
    /// A metadata field (JSON `date`, front matter, HTML meta tags).
    Metadata,
    /// An RSS/Atom/JSON Feed item date.
    Feed,
    /// A dateline such as "SALVADOR, Feb 26", the year from context.
    Dateline,
    /// Inferred from the text ("on Thursday (October 16)").
    Inferred,
    /// No evidence: the article stays undated.
    #[default]
    None,
}

impl DateSource {
    /// `self` when a date was found, else None.
    pub fn if_found(self, date: Option<NaiveDate>) -> DateSource {
        if date.is_some() {
            self
        } else {
            DateSource::None
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DateSource::Header => "header",
            DateSource::Metadata => "metadata",
            DateSource::Feed => "feed",
            DateSource::Dateline => "dateline",
            DateSource::Inferred => "inferred",
            DateSource::None => "none",
        }
    }
}

/// One article, whatever file form it came from.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Article {
    /// Unique in the corpus: the file name, or the record's id.
    pub id: String,
    /// The file it came from.
    pub path: PathBuf,
    pub title: String,
    /// True when the title was derived from the first sentence, not given.
    pub title_derived: bool,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    #[serde(with = "crate::days::opt")]
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    /// For an inferred date: the byte range of the sentence it came from.
    pub date_evidence: Option<Range<usize>>,
    /// The text all byte ranges refer to.
    pub text: String,
    /// The body: the text without header markers.
    pub body: Range<usize>,
    /// Lines that are boilerplate ("Leave a Comment", a repeated title):
    /// kept in the text, dimmed by the reader.
    pub boilerplate: Vec<Range<usize>>,
    /// Other metadata fields (JSON fields, feed categories, a dateline).
    pub meta: Vec<(String, String)>,
}

impl Article {
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn is_boilerplate(&self, pos: usize) -> bool {
        self.boilerplate.iter().any(|r| r.contains(&pos))
    }
}

/// A problem with one input, reported and skipped; the rest still loads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
}

/// A path given on the command line that cannot be used at all.
#[derive(Debug)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kinds of file crossread reads, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    JsonLines,
    Json,
    Feed,
}

pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        None => Some(Format::Text),
        Some("txt" | "text") => Some(Format::Text),
        Some("md" | "markdown") => Some(Format::Markdown),
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("jsonl" | "ndjson") => Some(Format::JsonLines),
        Some("json") => Some(Format::Json),
        Some("xml" | "rss" | "atom") => Some(Format::Feed),
        _ => None,
    }
}

/// The largest file read by default (`[input] max_file_mib` in config.toml);
/// larger ones are skipped with a warning.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 << 20;

static MAX_FILE_BYTES: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(DEFAULT_MAX_FILE_BYTES);

/// Sets the largest file read (from the user's configuration).
pub fn set_max_file_bytes(n: u64) {
    MAX_FILE_BYTES.store(n, std::sync::atomic::Ordering::Relaxed);
}

/// The largest file read now.
pub fn max_file_bytes() -> u64 {
    MAX_FILE_BYTES.load(std::sync::atomic::Ordering::Relaxed)
}

/// Reads every path (files and folders, recursively, hidden entries skipped).
/// A path that does not exist is an error; a bad file is a warning.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    must_exist(paths)?;
    let mut warnings = Vec::new();
    let files = walk::files(paths, &mut warnings);
    use rayon::prelude::*;
    let results: Vec<(Vec<Article>, Vec<Warning>)> = files
        .par_iter()
        .map(|(path, fmt)| read_file(path, *fmt))
        .collect();
    let mut articles = Vec::new();
    for (a, w) in results {
        if articles.is_empty() {
            // one file's articles taken as they are, not moved one by one
            articles = a;
        } else {
            articles.extend(a);
        }
        warnings.extend(w);
    }
    unique_ids(&mut articles);
    Ok(Corpus { articles, warnings })
}

/// A path given that does not exist is an error (the others are warnings).
pub fn must_exist(paths: &[PathBuf]) -> Result<(), LoadError> {
    match paths.iter().find(|p| std::fs::symlink_metadata(p).is_err()) {
        Some(p) => Err(LoadError(format!(
            "{}: no such file or folder",
            p.display()
        ))),
        None => Ok(()),
    }
}

/// The files `load` would read, without reading them (for the cache key).
pub fn list_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    must_exist(paths)?;
    let mut warnings = Vec::new();
    Ok(walk::files(paths, &mut warnings)
        .into_iter()
        .map(|(p, _)| p)
        .collect())
}

/// Reads one file into articles, never panicking.
pub fn read_file(path: &Path, fmt: Format) -> (Vec<Article>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let warn = |msg: String| Warning {
        path: path.to_path_buf(),
        message: msg,
    };
    let bytes = match read_limited(path, max_file_bytes()) {
        Ok(b) => b,
        Err(msg) => return (vec![], vec![warn(msg)]),
    };
    let articles = read_bytes(path, fmt, &bytes, &mut warnings);
    (articles, warnings)
}

/// The bytes of a regular file of at most `limit` bytes (read through the
/// open file, so one that changed into something else or grew meanwhile
/// is still bounded); otherwise the warning's text.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let too_large = || {
        format!(
            "skipped: larger than {} MiB (`[input] max_file_mib` in config.toml)",
            limit.div_ceil(1 << 20)
        )
    };
    let cannot = |e: std::io::Error| format!("skipped: cannot read ({e})");
    // opened without blocking: opening a FIFO waits for a writer
    let f = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
            .map_err(cannot)?
    };
    let m = f.metadata().map_err(cannot)?;
    if !m.is_file() {
        return Err("skipped: not a regular file (a pipe, device or socket)".into());
    }
    if m.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(m.len() as usize);
    f.take(limit + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Parses the bytes of one file of the given format.
pub fn read_bytes(
    path: &Path,
    fmt: Format,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Vec<Article> {
    let mut warn = |msg: String| {
        warnings.push(Warning {
            path: path.to_path_buf(),
            message: msg,
        })
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        warn("skipped: empty file".into());
        return vec![];
    }
    let text = match decode::decode_bytes(bytes) {
        decode::Decoded::Text(t, None) => t,
        decode::Decoded::Text(t, Some(note)) => {
            warn(note);
            t
        }
        decode::Decoded::Binary => {
            warn("skipped: binary file (not text)".into());
            return vec![];
        }
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut inner = Vec::new();
    let out = match fmt {
        Format::Text => vec![plain::read(path, &file_name, text.into_owned())],
        Format::Markdown => vec![markdown::read(path, &file_name, &text, &mut inner)],
        Format::Html => vec![html::read(path, &file_name, &text, &mut inner)],
        Format::JsonLines => jsonl::read_lines(path, &text, &mut inner),
        Format::Json => {
            if feed::looks_like_json_feed(&text) {
                feed::read(path, bytes, &mut inner)
            } else {
                jsonl::read_json(path, &text, &mut inner)
            }
        }
        Format::Feed => {
            // text decoded here from another charset is UTF-8 now: its XML
            // declaration must say so, or the parser decodes it again
            // (text read as it was, borrowed from the bytes, is not copied)
            let text = match text {
                std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(feed::declared_utf8(t)),
                t => t,
            };
            feed::read(path, text.as_bytes(), &mut inner)
        }
    };
    for m in inner {
        warn(m);
    }
    out.into_iter()
        .filter(|a| !a.text.trim().is_empty())
        .map(|mut a| {
            // a date no calendar sum can be made with: warned about, ignored
            if let Some(d) = a.date.filter(|d| !crate::days::YEARS.contains(&d.year())) {
                warn(format!(
                    "{}: date {d} is outside the years 1 to 9999; left undated",
                    a.id
                ));
                a.date = None;
                a.date_source = DateSource::None;
            }
            a
        })
        .collect()
}

/// Makes every id unique, by what the articles are, never by their order:
/// files of one name in two folders are told apart by their folders
/// ("a/x.txt", "b/x.txt"), then by their whole paths; records that are the
/// same (same id and path) are numbered in their file's order.
pub fn unique_ids(articles: &mut [Article]) {
    // the repeats found with borrowed ids first: most corpora have none
    let mut seen = crate::fx::FxHashMap::<&str, usize>::default();
    seen.reserve(articles.len());
    for a in articles.iter() {
        *seen.entry(a.id.as_str()).or_insert(0) += 1;
    }
    let repeated: Vec<usize> = articles
        .iter()
        .enumerate()
        .filter(|(_, a)| seen.get(a.id.as_str()).is_some_and(|&n| n > 1))
        .map(|(i, _)| i)
        .collect();
    drop(seen);
    if repeated.is_empty() {
        return;
    }
    // a file's own id (its name): qualified by its folder, then its path
    let is_file_id = |a: &Article| {
        a.path
            .file_name()
            .is_some_and(|n| n.to_string_lossy() == a.id)
    };
    for level in 0..2 {
        let mut count = crate::fx::FxHashMap::<String, usize>::default();
        let ids: Vec<(usize, String)> = repeated
            .iter()
            .filter(|&&i| is_file_id(&articles[i]))
            .map(|&i| {
                let a = &articles[i];
                let id = match level {
                    0 => match a.path.parent().and_then(|p| p.file_name()) {
                        Some(dir) => format!("{}/{}", dir.to_string_lossy(), a.id),
                        None => a.id.clone(),
                    },
                    _ => a.path.to_string_lossy().into_owned(),
                };
                (i, id)
            })
            .collect();
        for (_, id) in &ids {
            *count.entry(id.clone()).or_insert(0) += 1;
        }
        for (i, id) in ids {
            if level == 1 || count[&id] == 1 {
                articles[i].id = id;
            }
        }
    }
    // what still repeats: numbered in order (the same record twice)
    let mut seen = crate::fx::FxHashMap::<String, usize>::default();
    for a in articles.iter_mut() {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            a.id = format!("{}#{}", a.id, n);
        }
    }
}

/// A short, stable id from an article's content (FNV-1a, 64 bits): the same
/// title and text give the same id in every run and every version, so read
/// state and notes stay with the article when a file is touched or its
/// records move.
pub fn content_id(title: &str, text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes().chain([0]).chain(text.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The texts of the embedded seeds: real news to warm the analysis on.
pub const SAMPLE_TEXTS: [&str; 5] = [
    EMBEDDED_SEEDS[0].1,
    EMBEDDED_SEEDS[1].1,
    EMBEDDED_SEEDS[2].1,
    EMBEDDED_SEEDS[3].1,
    EMBEDDED_SEEDS[4].1,
];

/// The seed articles embedded in the binary, for when `./seeds` is absent.
pub const EMBEDDED_SEEDS: [(&str, &str); 5] = [
    (
        "000_f1244df277972588.txt",
        include_str!("../../seeds/000_f1244df277972588.txt"),
    ),
    (
        "001_b2008785d766f160.txt",
        include_str!("../../seeds/001_b2008785d766f160.txt"),
    ),
    (
        "002_f1a78850e2a75191.txt",
        include_str!("../../seeds/002_f1a78850e2a75191.txt"),
    ),
    (
        "003_603d7d3662f00eac.txt",
        include_str!("../../seeds/003_603d7d3662f00eac.txt"),
    ),
    (
        "004_e6a50b9c1cd1020e.txt",
        include_str!("../../seeds/004_e6a50b9c1cd1020e.txt"),
    ),
];

/// The embedded seeds as a corpus.
pub fn embedded_seeds() -> Corpus {
    let articles = EMBEDDED_SEEDS
        .iter()
        .map(|(name, text)| {
            plain::read(
                Path::new(&format!("<embedded>/{name}")),
                name,
                text.to_string(),
            )
        })
        .collect();
    Corpus {
        articles,
        warnings: vec![],
    }
}

/// Parses the dates found in metadata: ISO 8601 dates and date-times,
/// RFC 3339 and RFC 2822. Impossible dates (2025-02-30) give None.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() >= 10 && s.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            return Some(d);
        }
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    for f in ["%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files in another charset read as what they say: a feed's XML
    /// declaration, an HTML page's meta charset, Latin-1 undeclared.
    #[test]
    fn files_in_other_charsets_read_as_their_words() {
        let rss = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>\
<title>Le Monde</title><item><title>Fran\xe7ois</title><description>Fran\xe7ois Hollande a \
visit\xe9 Lyon.</description></item></channel></rss>";
        let mut w = vec![];
        let a = read_bytes(Path::new("f.xml"), Format::Feed, rss, &mut w);
        assert_eq!(a[0].title, "François");
        assert_eq!(a[0].text, "François Hollande a visité Lyon.");
        assert_eq!(w.len(), 1, "one note on the charset");
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
charset=iso-8859-1\"></head><body><p>Montr\xe9al, le 3 mai.</p></body></html>";
        let a = read_bytes(Path::new("p.html"), Format::Html, html, &mut w);
        assert!(a[0].text.contains("Montréal"), "{}", a[0].text);
        let a = read_bytes(
            Path::new("t.txt"),
            Format::Text,
            b"K\xf6ln \x96 Caf\xe9",
            &mut w,
        );
        assert_eq!(a[0].text, "Köln – Café");
        assert!(w[2].message.contains("Windows-1252"), "{}", w[2].message);
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of(Path::new("a.TXT")), Some(Format::Text));
        assert_eq!(format_of(Path::new("a")), Some(Format::Text));
        assert_eq!(format_of(Path::new("a.jsonl")), Some(Format::JsonLines));
        assert_eq!(format_of(Path::new("a.rss")), Some(Format::Feed));
        assert_eq!(format_of(Path::new("a.png")), None);
    }

    #[test]
    fn dates_from_metadata() {
        assert_eq!(
            parse_date("1987-02-26T15:01:01.790"),
            NaiveDate::from_ymd_opt(1987, 2, 26)
        );
        assert_eq!(
            parse_date("2025-10-16"),
            NaiveDate::from_ymd_opt(2025, 10, 16)
        );
        assert_eq!(
            parse_date("Thu, 16 Oct 2025 10:00:00 +0000"),
            NaiveDate::from_ymd_opt(2025, 10, 16)
        );
        assert_eq!(parse_date("2025-02-30"), None);
        assert_eq!(parse_date("99999-01-01"), None);
        assert_eq!(parse_date("é"), None);
    }

    #[test]
    fn empty_and_binary_are_skipped_with_a_warning() {
        let mut w = vec![];
        assert!(read_bytes(Path::new("e.txt"), Format::Text, b"  \n", &mut w).is_empty());
        assert!(
            read_bytes(Path::new("b.txt"), Format::Text, b"\x00\x01\x02abc", &mut w).is_empty()
        );
        assert_eq!(w.len(), 2);
        assert!(w[0].message.contains("empty"));
        assert!(w[1].message.contains("binary"));
    }

    #[test]
    fn dates_outside_the_years_1_to_9999_are_warned_about_and_ignored() {
        let mut w = vec![];
        let src = r#"{"id": "a", "date": "+262142/12/31", "text": "Tomorrow it rains."}
{"id": "b", "date": "-262143/01/01", "text": "Yesterday it rained."}
{"id": "d", "date": "0000-06-01", "text": "Yesterday it rained."}
{"id": "c", "date": "2025-10-16", "text": "Today."}"#;
        let a = read_bytes(
            Path::new("x.jsonl"),
            Format::JsonLines,
            src.as_bytes(),
            &mut w,
        );
        let dates: Vec<_> = a.iter().map(|a| a.date).collect();
        assert_eq!(dates[3], NaiveDate::from_ymd_opt(2025, 10, 16));
        assert!(dates[..3].iter().all(Option::is_none), "{dates:?}");
        let outside = w.iter().filter(|w| w.message.contains("outside the years"));
        assert_eq!(outside.count(), 3, "{w:?}");
        // and the corpus analyzes
        let ix = crate::index::Index::build(
            Corpus {
                articles: a,
                warnings: w,
            },
            2025,
        );
        assert_eq!(ix.articles.len(), 4);
    }

    #[test]
    fn only_regular_files_are_read_and_a_size_limit_holds() {
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("pipe.txt");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        std::fs::write(d.path().join("a.txt"), "Donald Trump spoke.").unwrap();
        std::os::unix::fs::symlink("/dev/zero", d.path().join("zero.txt")).unwrap();
        // a folder with a FIFO and a link to a device, and both named
        // directly: nothing hangs, each is named in a warning
        for paths in [
            vec![d.path().to_path_buf()],
            vec![fifo.clone(), d.path().join("zero.txt"), "/dev/zero".into()],
        ] {
            let c = load(&paths).unwrap();
            assert!(c.articles.len() <= 1);
            assert!(
                c.warnings
                    .iter()
                    .filter(|w| w.message.contains("not a file"))
                    .count()
                    >= 2,
                "{:?}",
                c.warnings
            );
        }
        assert!(read_limited(&fifo, 1 << 20).is_err());
        // the size limit
        let big = d.path().join("big.txt");
        std::fs::write(&big, "word ".repeat(1000)).unwrap();
        assert!(read_limited(&big, 100).unwrap_err().contains("larger than"));
        assert_eq!(read_limited(&big, 5000).unwrap().len(), 5000);
    }

    /// Ids come from what an article is, never from where it stands: a
    /// touch, a record added above, a second folder with the same file
    /// name move no read state or note to another article.
    #[test]
    fn ids_are_stable_whatever_the_order_and_the_neighbours() {
        let d = tempfile::tempdir().unwrap();
        for dir in ["a", "b"] {
            std::fs::create_dir(d.path().join(dir)).unwrap();
            std::fs::write(d.path().join(dir).join("x.txt"), format!("Text of {dir}.")).unwrap();
        }
        let ids = |paths: Vec<PathBuf>| -> Vec<(String, String)> {
            let mut v: Vec<_> = load(&paths)
                .unwrap()
                .articles
                .into_iter()
                .map(|a| (a.text, a.id))
                .collect();
            v.sort();
            v
        };
        let (a, b) = (d.path().join("a"), d.path().join("b"));
        let one = ids(vec![a.clone(), b.clone()]);
        assert_eq!(one, ids(vec![b, a]), "the order given changes nothing");
        assert_eq!(one[0].1, "a/x.txt");
        assert_eq!(one[1].1, "b/x.txt");
        // feeds: an item without guid or link keeps its id from parse to parse
        let rss = |items: &str| {
            format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>{items}</channel></rss>")
        };
        let item = "<item><title>One</title><description>Angela Merkel spoke.</description></item>";
        let other = "<item><title>Two</title><description>Olaf Scholz spoke.</description></item>";
        let mut w = vec![];
        let first = read_bytes(
            Path::new("f.rss"),
            Format::Feed,
            rss(item).as_bytes(),
            &mut w,
        );
        let again = read_bytes(
            Path::new("f.rss"),
            Format::Feed,
            rss(&format!("{other}{item}")).as_bytes(),
            &mut w,
        );
        assert_eq!(first[0].id, again[1].id);
        assert_ne!(again[0].id, again[1].id);
        // JSON Lines without ids: a record added above moves nothing
        let r1 = r#"{"title": "One", "text": "Angela Merkel spoke."}"#;
        let r2 = r#"{"title": "Two", "text": "Olaf Scholz spoke."}"#;
        let first = read_bytes(
            Path::new("r.jsonl"),
            Format::JsonLines,
            r1.as_bytes(),
            &mut w,
        );
        let again = read_bytes(
            Path::new("r.jsonl"),
            Format::JsonLines,
            format!("{r2}\n{r1}").as_bytes(),
            &mut w,
        );
        assert_eq!(first[0].id, again[1].id);
        assert_ne!(again[0].id, again[1].id);
    }

    #[test]
    fn embedded_seeds_match_the_folder() {
        for (name, text) in EMBEDDED_SEEDS {
            let on_disk = std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("seeds")
                    .join(name),
            )
            .unwrap();
            assert_eq!(on_disk, text);
        }
    }
}
