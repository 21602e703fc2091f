//! The on-disk cache of an analyzed corpus: the whole index, saved with
//! postcard in the user's cache folder and used again when nothing it was
//! built from has changed: the same files (path, size, modification time and
//! content hash), the same corrections, the same crossread. Anything else,
//! an old or corrupt file included, is a miss and the corpus is analyzed
//! again; the cache is never trusted blindly and never a crash.

use super::aliases::Aliases;
use super::Index;
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
const FORMAT: u32 = 2;

/// A fast 64-bit hash of bytes (8 at a time); not cryptographic, it only
/// tells changed content from unchanged.
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = (h ^ x).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    }
    for &x in chunks.remainder() {
        h = (h ^ x as u64)
            .wrapping_mul(0xc4ce_b9fe_1a85_ec53)
            .rotate_left(17);
    }
    h ^ (h >> 31)
}

/// The key for these files (as the corpus walker lists them).
pub fn key(files: &[PathBuf], aliases: &Aliases, fallback_year: i32) -> Key {
    let mut out: Vec<(String, u64, i128, u64)> = files
        .iter()
        .map(|p| {
            let meta = std::fs::metadata(p).ok();
            let size = meta.as_ref().map_or(0, |m| m.len());
            let mtime = meta
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128);
            let hash = std::fs::read(p).map_or(0, |b| hash_bytes(&b));
            (p.to_string_lossy().into_owned(), size, mtime, hash)
        })
        .collect();
    out.sort();
    Key {
        version: format!("{}/{FORMAT}", env!("CARGO_PKG_VERSION")),
        fallback_year,
        aliases: hash_bytes(aliases.to_toml().as_bytes()),
        files: out,
    }
}

/// Where the cache of a set of input paths lives.
pub fn path_for(cache_dir: &Path, inputs: &[PathBuf]) -> PathBuf {
    let mut names: Vec<String> = inputs
        .iter()
        .map(|p| {
            p.canonicalize()
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
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
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| Miss::Corrupt("not a crossread cache".into()))?;
    let (stored, rest): (Key, &[u8]) =
        postcard::take_from_bytes(body).map_err(|e| Miss::Corrupt(e.to_string()))?;
    if stored != *key {
        return Err(Miss::Stale);
    }
    let ix: Index = postcard::from_bytes(rest).map_err(|e| Miss::Corrupt(e.to_string()))?;
    // the references inside must hold, or the cache is not to be trusted
    let ok = ix.analyses.len() == ix.articles.len()
        && ix.mention_entity.len() == ix.articles.len()
        && ix
            .mention_entity
            .iter()
            .zip(&ix.analyses)
            .all(|(m, a)| m.len() == a.mentions.len())
        && ix
            .mention_entity
            .iter()
            .flatten()
            .all(|&e| (e as usize) < ix.entities.len());
    if ok {
        Ok(ix)
    } else {
        Err(Miss::Corrupt("inconsistent index".into()))
    }
}

/// Saves the index atomically (a crash leaves the old cache or none).
pub fn save(path: &Path, key: &Key, ix: &Index) -> Result<(), String> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend(postcard::to_stdvec(key).map_err(|e| e.to_string())?);
    bytes.extend(postcard::to_stdvec(ix).map_err(|e| e.to_string())?);
    crate::store::save_atomic(path, &bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

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
        save(&p, &k, &ix).unwrap();
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
}
