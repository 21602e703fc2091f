//! The on-disk cache of an analyzed corpus: the whole index, saved with
//! postcard in the user's cache folder and used again when nothing it was
//! built from has changed: the same files (path, size, modification time and
//! content hash), the same corrections, the same crossread. Anything else,
//! an old or corrupt file included, is a miss and the corpus is analyzed
//! again; the cache is never trusted blindly and never a crash.

use super::aliases::Aliases;
use super::timeline::Timeline;
use super::{Entity, Index};
use crate::corpus::{Article, Warning};
use crate::nlp::Analysis;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What a cached index was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    pub version: String,
    pub fallback_year: i32,
    pub aliases: u64,
    /// (path, size, modification time in ns, content hash), sorted by path.
    pub files: Vec<(String, u64, i128, u64)>,
}

const MAGIC: &[u8; 8] = b"XREADIX1";
/// The layout of the cached index; bumped when `Index` changes shape.
const FORMAT: u32 = 9;

/// A fast 64-bit hash of bytes (8 at a time); not cryptographic, it only
/// tells changed content from unchanged.
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = Hash::new(b.len() as u64);
    h.words(b);
    h.finish(b)
}

/// `hash_bytes` of a file's content, read a mebibyte at a time (no copy of
/// the whole file held; the same value as hashing it at once).
fn hash_file(p: &Path, len: u64) -> Option<u64> {
    use std::io::Read;
    let mut f = std::fs::File::open(p).ok()?;
    let mut h = Hash::new(len);
    let mut buf = vec![0u8; 1 << 20];
    loop {
        // fill the buffer: every piece but the last is a whole number of words
        let mut n = 0;
        while n < buf.len() {
            match f.read(&mut buf[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        h.words(&buf[..n]);
        if n < buf.len() {
            return Some(h.finish(&buf[..n]));
        }
    }
}

/// The running state of `hash_bytes`.
struct Hash(u64);

impl Hash {
    fn new(len: u64) -> Hash {
        Hash(0x9e37_79b9_7f4a_7c15 ^ len)
    }

    /// The whole 8-byte words of a piece.
    fn words(&mut self, b: &[u8]) {
        for c in b.chunks_exact(8) {
            let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0 ^ x)
                .wrapping_mul(0xff51_afd7_ed55_8ccd)
                .rotate_left(29);
        }
    }

    /// The bytes after the last piece's whole words, and the final mix.
    fn finish(mut self, last: &[u8]) -> u64 {
        for &x in last.chunks_exact(8).remainder() {
            self.0 = (self.0 ^ x as u64)
                .wrapping_mul(0xc4ce_b9fe_1a85_ec53)
                .rotate_left(17);
        }
        self.0 ^ (self.0 >> 31)
    }
}

/// The key for these files (as the corpus walker lists them).
pub fn key(files: &[PathBuf], aliases: &Aliases, fallback_year: i32) -> Key {
    let mut out: Vec<(String, u64, i128, u64)> = files
        .iter()
        .map(|p| {
            let (size, mtime) = stamp(p);
            let mtime = mtime.as_nanos() as i128;
            let hash = hash_file(p, size).unwrap_or(0);
            (p.to_string_lossy().into_owned(), size, mtime, hash)
        })
        .collect();
    out.sort();
    Key {
        version: format!("{}/{FORMAT}/{}", env!("CARGO_PKG_VERSION"), build_id()),
        fallback_year,
        aliases: hash_bytes(aliases.to_toml().as_bytes()),
        files: out,
    }
}

/// The running binary's size and modification time: a rebuilt crossread may
/// analyze differently under the same version number, so its cache is not
/// trusted either.
fn build_id() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let (size, mtime) =
            std::env::current_exe().map_or_else(|_| Default::default(), |p| stamp(&p));
        format!("{size}-{}", mtime.as_secs())
    })
    .clone()
}

/// A file's size and modification time (zero where they cannot be read).
fn stamp(p: &Path) -> (u64, std::time::Duration) {
    let meta = std::fs::metadata(p).ok();
    let size = meta.as_ref().map_or(0, |m| m.len());
    let mtime = meta
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .unwrap_or_default();
    (size, mtime)
}

/// A path as the cache knows it: canonical (absolute, links resolved), so
/// that a folder named relatively and absolutely shares one cache.
pub fn canonical(p: &Path) -> String {
    p.canonicalize()
        .unwrap_or_else(|_| p.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// Where the cache of a set of input paths lives.
pub fn path_for(cache_dir: &Path, inputs: &[PathBuf]) -> PathBuf {
    let mut names: Vec<String> = inputs.iter().map(|p| canonical(p)).collect();
    names.sort();
    let h = hash_bytes(names.join("\n").as_bytes());
    cache_dir.join(format!("index-{h:016x}.postcard"))
}

/// Why a cache was not used.
#[derive(Debug, PartialEq, Eq)]
pub enum Miss {
    Absent,
    Stale,
    Corrupt(String),
}

/// The cached index, if it was built from exactly `key`.
pub fn load(path: &Path, key: &Key) -> Result<Index, Miss> {
    let bytes = std::fs::read(path).map_err(|_| Miss::Absent)?;
    load_bytes(&bytes, key)
}

/// The same on the cache file's bytes, already read (while the key was made).
pub fn load_bytes(bytes: &[u8], key: &Key) -> Result<Index, Miss> {
    load_if(bytes, |stored| stored == key).map(|(_, ix)| ix)
}

/// The cache whatever it was built from (for the articles of files that did
/// not change), with its key: None when it is absent, corrupt, or of
/// another crossread, year or set of corrections.
pub fn load_previous(bytes: &[u8], key: &Key) -> Option<(Key, Index)> {
    load_if(bytes, |stored| {
        stored.version == key.version
            && stored.fallback_year == key.fallback_year
            && stored.aliases == key.aliases
    })
    .ok()
}

/// One part: its length, its checksum, its bytes; and what follows it.
type TakenPart<'a> = ((&'a [u8], u64), &'a [u8]);

fn take_part(bytes: &[u8]) -> Result<TakenPart<'_>, Miss> {
    let corrupt = |e: postcard::Error| Miss::Corrupt(e.to_string());
    let (len, r): (u64, &[u8]) = postcard::take_from_bytes(bytes).map_err(corrupt)?;
    let (sum, r): (u64, &[u8]) = postcard::take_from_bytes(r).map_err(corrupt)?;
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    if len > r.len() {
        return Err(Miss::Corrupt("truncated".into()));
    }
    Ok(((&r[..len], sum), &r[len..]))
}

/// The cache decoded whatever it was built from: for the fuzzer and for
/// tools that inspect a cache; every check but the key's is made.
pub fn load_any(bytes: &[u8]) -> Result<Index, Miss> {
    load_if(bytes, |_| true).map(|(_, ix)| ix)
}

fn load_if(bytes: &[u8], usable: impl Fn(&Key) -> bool) -> Result<(Key, Index), Miss> {
    let t0 = std::time::Instant::now();
    let corrupt = |e: &dyn std::fmt::Display| Miss::Corrupt(e.to_string());
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| Miss::Corrupt("not a crossread cache".into()))?;
    // the key, then the parts: each length-prefixed with its checksum
    let ((key_bytes, key_sum), mut rest) = take_part(body)?;
    if hash_bytes(key_bytes) != key_sum {
        return Err(Miss::Corrupt("checksum of the key".into()));
    }
    let stored: Key = postcard::from_bytes(key_bytes).map_err(|e| corrupt(&e))?;
    if !usable(&stored) {
        return Err(Miss::Stale);
    }
    let (n, r): (u32, &[u8]) = postcard::take_from_bytes(rest).map_err(|e| corrupt(&e))?;
    rest = r;
    let mut summed: Vec<(&[u8], u64)> = Vec::new();
    for _ in 0..n.min(1 << 16) {
        let (part, r) = take_part(rest)?;
        summed.push(part);
        rest = r;
    }
    if summed.len() < 3 || !rest.is_empty() {
        return Err(Miss::Corrupt("parts missing, or bytes after them".into()));
    }
    // entities, timeline, the rest, then the chunks of articles: all decoded
    // side by side
    // each part's checksum is checked before it is decoded: a flipped bit
    // is a miss, never a changed answer
    let decoded: Vec<Part> = summed
        .par_iter()
        .enumerate()
        .map(|(i, &(p, sum))| {
            if hash_bytes(p) != sum {
                return Err(postcard::Error::DeserializeBadEncoding);
            }
            Ok(match i {
                0 => Part::Entities(postcard::from_bytes(p)?),
                1 => Part::Timeline(postcard::from_bytes(p)?),
                2 => Part::Rest(postcard::from_bytes(p)?),
                _ => {
                    let c: Chunk = postcard::from_bytes(p)?;
                    if !chunk_ranges_hold(&c) {
                        return Err(postcard::Error::DeserializeBadEncoding);
                    }
                    Part::Chunk(c)
                }
            })
        })
        .collect::<Result<Vec<Part>, postcard::Error>>()
        .map_err(|e| corrupt(&e))?;
    let mut decoded = decoded.into_iter();
    let (Some(Part::Entities(entities)), Some(Part::Timeline(timeline)), Some(Part::Rest(rest))) =
        (decoded.next(), decoded.next(), decoded.next())
    else {
        return Err(Miss::Corrupt("parts out of order".into()));
    };
    let chunks: Vec<Chunk> = decoded
        .filter_map(|p| match p {
            Part::Chunk(c) => Some(c),
            _ => None,
        })
        .collect();
    crate::log!("cache: decoded at {:?}", t0.elapsed());
    let mut ix = Index {
        articles: Vec::new(),
        analyses: Vec::new(),
        entities,
        mention_entity: Vec::new(),
        timeline,
        quote_carriers: rest.quote_carriers,
        date_order: rest.date_order,
        warnings: rest.warnings,
        names: Default::default(),
        by_last_word: Default::default(),
        by_spelling: Default::default(),
    };
    let n: usize = chunks.iter().map(|c| c.articles.len()).sum();
    ix.articles.reserve_exact(n);
    ix.analyses.reserve_exact(n);
    ix.mention_entity.reserve_exact(n);
    for c in chunks {
        ix.articles.extend(c.articles);
        ix.analyses.extend(c.analyses);
        ix.mention_entity.extend(c.mention_entity);
    }
    // the references inside must hold, or the cache is not to be trusted
    let ok = ix.analyses.len() == ix.articles.len()
        && ix.mention_entity.len() == ix.articles.len()
        && ix.quote_carriers.len() == ix.articles.len()
        && ix
            .date_order
            .iter()
            .all(|&a| (a as usize) < ix.articles.len())
        && ix
            .mention_entity
            .iter()
            .zip(&ix.analyses)
            .all(|(m, a)| m.len() == a.mentions.len())
        && ix
            .mention_entity
            .iter()
            .flatten()
            .all(|&e| (e as usize) < ix.entities.len())
        && references_hold(&ix);
    crate::log!("cache: assembled and checked at {:?}", t0.elapsed());
    if ok {
        Ok((stored, ix))
    } else {
        Err(Miss::Corrupt("inconsistent index".into()))
    }
}

/// A byte range inside a text, on character boundaries.
fn in_text(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

/// Every byte range of a chunk's articles and analyses lies inside its
/// article's text, on character boundaries (checked as each chunk is
/// decoded, on all cores).
fn chunk_ranges_hold(c: &Chunk) -> bool {
    c.analyses.len() == c.articles.len()
        && c.articles.iter().zip(&c.analyses).all(|(a, an)| {
            let t = a.text.as_str();
            in_text(t, &a.body)
                && a.date_evidence.as_ref().is_none_or(|r| in_text(t, r))
                && a.boilerplate.iter().all(|r| in_text(t, r))
                && an.sentences.iter().all(|r| in_text(t, r))
                && an.mentions.iter().all(|m| in_text(t, &m.range))
                && an.timexes.iter().all(|x| in_text(t, &x.range))
                && an.quotes.iter().all(|r| in_text(t, r))
        })
}

/// Every article, entity, item and event number in the index names one
/// that exists, and the timeline's ranges lie in their articles: a cache
/// that passed its checksums but was made to lie (or by a crossread with a
/// bug) is a miss, never a panic later.
fn references_hold(ix: &Index) -> bool {
    let n = ix.articles.len();
    let (ne, tl) = (ix.entities.len(), &ix.timeline);
    let in_article = |a: u32, r: &std::ops::Range<usize>| {
        ix.articles
            .get(a as usize)
            .is_some_and(|a| in_text(&a.text, r))
    };
    let (entities_ok, (items_ok, rest_ok)) = rayon::join(
        || {
            ix.entities.par_iter().all(|e| {
                e.mentions.iter().all(|&(a, m)| {
                    ix.analyses
                        .get(a as usize)
                        .is_some_and(|an| (m as usize) < an.mentions.len())
                }) && e.articles.iter().all(|&a| (a as usize) < n)
            })
        },
        || {
            rayon::join(
                || {
                    tl.items.par_iter().all(|it| {
                        in_article(it.article, &it.sentence)
                            && it.timex.as_ref().is_none_or(|r| in_article(it.article, r))
                            && it.also.iter().all(|r| in_article(it.article, r))
                            && it.entities.iter().all(|&e| (e as usize) < ne)
                            && (it.event as usize) < tl.events.len().max(1)
                    })
                },
                || {
                    tl.events.iter().all(|ev| {
                        ev.items.iter().all(|&i| (i as usize) < tl.items.len())
                            && ev.articles.iter().all(|&a| (a as usize) < n)
                            && ev.entities.iter().all(|&e| (e as usize) < ne)
                    }) && tl.undated.iter().all(|&a| (a as usize) < n)
                        && tl.conflicts.iter().all(|&(x, y)| {
                            (x as usize) < tl.items.len() && (y as usize) < tl.items.len()
                        })
                        && ix.quote_carriers.iter().zip(&ix.analyses).all(|(q, an)| {
                            q.len() <= an.quotes.len()
                                && q.iter().flatten().all(|&a| (a as usize) < n)
                        })
                },
            )
        },
    );
    entities_ok && items_ok && rest_ok
}

/// What is not entities, timeline or articles.
#[derive(Serialize)]
struct RestRef<'a> {
    quote_carriers: &'a [Vec<Vec<u32>>],
    date_order: &'a [u32],
    warnings: &'a [Warning],
}

#[derive(Deserialize)]
struct Rest {
    quote_carriers: Vec<Vec<Vec<u32>>>,
    date_order: Vec<u32>,
    warnings: Vec<Warning>,
}

enum Part {
    Entities(Vec<Entity>),
    Timeline(Timeline),
    Rest(Rest),
    Chunk(Chunk),
}

/// A run of articles with their analyses: decoded on its own.
#[derive(Serialize)]
struct ChunkRef<'a> {
    articles: &'a [Article],
    analyses: &'a [Analysis],
    mention_entity: &'a [Vec<u32>],
}

#[derive(Deserialize)]
struct Chunk {
    articles: Vec<Article>,
    analyses: Vec<Analysis>,
    mention_entity: Vec<Vec<u32>>,
}

/// Articles per chunk: enough chunks to keep every core busy when loading.
const CHUNK: usize = 1000;

/// Saves the index atomically (a crash leaves the old cache or none).
/// Only the first `corpus_warnings` of the index's warnings are the
/// corpus's own; those after them (about the user's config, alias and state
/// files) are made anew at each start, never cached.
pub fn save(path: &Path, key: &Key, ix: &Index, corpus_warnings: usize) -> Result<(), String> {
    let io = |e: postcard::Error| std::io::Error::other(e.to_string());
    let rest = RestRef {
        quote_carriers: &ix.quote_carriers,
        date_order: &ix.date_order,
        warnings: &ix.warnings[..corpus_warnings.min(ix.warnings.len())],
    };
    let n = ix.articles.len();
    let ranges: Vec<std::ops::Range<usize>> = (0..n.div_ceil(CHUNK))
        .map(|i| i * CHUNK..((i + 1) * CHUNK).min(n))
        .collect();
    // streamed to the file part by part: the index is never copied whole
    crate::atomic::save_atomic_with(path, |w| {
        w.write_all(MAGIC.as_slice())?;
        let part = |w: &mut dyn std::io::Write, bytes: Vec<u8>| -> std::io::Result<()> {
            postcard::to_io(&(bytes.len() as u64), &mut *w).map_err(io)?;
            postcard::to_io(&hash_bytes(&bytes), &mut *w).map_err(io)?;
            w.write_all(&bytes)
        };
        part(w, postcard::to_stdvec(key).map_err(io)?)?;
        postcard::to_io(&(3 + ranges.len() as u32), &mut *w).map_err(io)?;
        let mut part = |bytes: Vec<u8>| part(w, bytes);
        part(postcard::to_stdvec(&ix.entities).map_err(io)?)?;
        part(postcard::to_stdvec(&ix.timeline).map_err(io)?)?;
        part(postcard::to_stdvec(&rest).map_err(io)?)?;
        for r in &ranges {
            let c = ChunkRef {
                articles: &ix.articles[r.clone()],
                analyses: &ix.analyses[r.clone()],
                mention_entity: &ix.mention_entity[r.clone()],
            };
            part(postcard::to_stdvec(&c).map_err(io)?)?;
        }
        Ok(())
    })
    .map_err(|e| e.to_string())
}

/// A freshly analyzed index still to be written to the cache.
pub struct PendingSave {
    pub path: std::path::PathBuf,
    pub key: Key,
}

impl PendingSave {
    /// Saves `ix`, whose first `corpus_warnings` warnings are the corpus's
    /// (the others, about the user's own files, are not cached).
    pub fn save(self, ix: &super::Index, corpus_warnings: usize) {
        let t = std::time::Instant::now();
        match save(&self.path, &self.key, ix, corpus_warnings) {
            Ok(()) => crate::log!("cached in {:?}: {}", t.elapsed(), self.path.display()),
            Err(e) => crate::log!("not cached: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

    #[test]
    fn a_file_hashed_in_pieces_hashes_as_a_whole() {
        let dir = tempfile::tempdir().unwrap();
        for n in [0usize, 7, 8, 1 << 20, (1 << 20) + 13, 3 << 20] {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 31 % 251) as u8).collect();
            let p = dir.path().join(format!("f{n}"));
            std::fs::write(&p, &bytes).unwrap();
            assert_eq!(
                hash_file(&p, n as u64),
                Some(hash_bytes(&bytes)),
                "{n} bytes"
            );
        }
    }

    #[test]
    fn round_trip_stale_and_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("a.txt");
        std::fs::write(
            &src,
            " date 2025-10-16 Donald Trump met Vladimir Putin in Budapest.\n",
        )
        .unwrap();
        let files = vec![src.clone()];
        let al = Aliases::default();
        let k = key(&files, &al, 2025);
        let ix = Index::build(corpus::load(&files).unwrap(), 2025);
        let p = path_for(&dir.path().join("cache"), &files);
        assert_eq!(load(&p, &k).err(), Some(Miss::Absent));
        save(&p, &k, &ix, usize::MAX).unwrap();
        let back = load(&p, &k).unwrap();
        assert_eq!(back.entities.len(), ix.entities.len());
        assert_eq!(back.articles[0].text, ix.articles[0].text);
        // the file changes: stale
        std::fs::write(
            &src,
            " date 2025-10-16 Donald Trump met Xi Jinping in Beijing.\n",
        )
        .unwrap();
        assert_eq!(load(&p, &key(&files, &al, 2025)).err(), Some(Miss::Stale));
        // other corrections: stale
        let mut al2 = Aliases::default();
        al2.ignore
            .push(crate::index::aliases::Ignore { name: "X".into() });
        assert_eq!(load(&p, &key(&files, &al2, 2025)).err(), Some(Miss::Stale));
        // damaged: corrupt, never a panic
        let mut bytes = std::fs::read(&p).unwrap();
        let n = bytes.len();
        bytes.truncate(n / 2);
        std::fs::write(&p, &bytes).unwrap();
        assert!(matches!(load(&p, &k), Err(Miss::Corrupt(_))));
        std::fs::write(&p, b"garbage").unwrap();
        assert!(matches!(load(&p, &k), Err(Miss::Corrupt(_))));
    }

    fn seeds_cached() -> (tempfile::TempDir, PathBuf, Key, Index) {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = corpus::EMBEDDED_SEEDS
            .iter()
            .map(|(name, text)| {
                let p = dir.path().join(name);
                std::fs::write(&p, text).unwrap();
                p
            })
            .collect();
        let k = key(&files, &Aliases::default(), 2025);
        let ix = Index::build(corpus::load(&files).unwrap(), 2025);
        let p = dir.path().join("cache.postcard");
        (dir, p, k, ix)
    }

    /// Every single flipped bit of a cache file is a miss: never a panic,
    /// never an index that differs from the one saved.
    #[test]
    fn every_flipped_bit_is_a_miss() {
        let (_dir, p, k, ix) = seeds_cached();
        save(&p, &k, &ix, usize::MAX).unwrap();
        let good = std::fs::read(&p).unwrap();
        assert!(load_bytes(&good, &k).is_ok());
        // a spread of bits over the whole file, the key and part headers too
        let step = (good.len() * 8 / 600).max(1);
        let mut tried = 0;
        for bit in (0..good.len() * 8).step_by(step) {
            let mut bad = good.clone();
            bad[bit / 8] ^= 1 << (bit % 8);
            let r = load_bytes(&bad, &k);
            assert!(r.is_err(), "bit {bit} of {} went unnoticed", good.len() * 8);
            tried += 1;
        }
        assert!(tried >= 500, "{tried}");
    }

    /// A cache whose checksums hold but whose ranges lie (made by hand, or
    /// by a crossread with a bug) is a miss too.
    #[test]
    fn ranges_that_lie_are_a_miss() {
        let (_dir, p, k, ix) = seeds_cached();
        let mut bad = ix;
        let a = bad
            .analyses
            .iter()
            .position(|a| !a.mentions.is_empty())
            .unwrap();
        let len = bad.articles[a].text.len();
        bad.analyses[a].mentions[0].range = len..len + 5;
        save(&p, &k, &bad, usize::MAX).unwrap();
        assert!(matches!(load(&p, &k), Err(Miss::Corrupt(_))));
        let back = &mut bad;
        #[allow(clippy::reversed_empty_ranges)]
        {
            back.analyses[a].mentions[0].range = 9..3;
        }
        save(&p, &k, back, usize::MAX).unwrap();
        assert!(matches!(load(&p, &k), Err(Miss::Corrupt(_))));
        back.analyses[a].mentions[0].range = 0..1;
        back.timeline.conflicts.push((0, u32::MAX));
        save(&p, &k, back, usize::MAX).unwrap();
        assert!(matches!(load(&p, &k), Err(Miss::Corrupt(_))));
    }

    /// The user's own files' warnings are not kept in the cache.
    #[test]
    fn only_the_corpus_warnings_are_cached() {
        let (_dir, p, k, mut ix) = seeds_cached();
        let own = ix.warnings.len();
        ix.warnings.push(Warning {
            path: "state.toml".into(),
            message: "broken".into(),
        });
        save(&p, &k, &ix, own).unwrap();
        assert_eq!(load(&p, &k).unwrap().warnings.len(), own);
    }
}
