//! Word helpers below everything else in `nlp` (the gazetteer and the
//! tokenizer both use them).

/// Calls `f` with the word in lower case, without allocating for short ASCII words.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    if b.len() <= 48 && b.is_ascii() {
        let mut buf = [0u8; 48];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        // SAFETY: ASCII in, ASCII out: every byte is below 0x80, valid UTF-8
        f(unsafe { std::str::from_utf8_unchecked(&buf[..b.len()]) })
    } else {
        f(&w.to_lowercase())
    }
}

/// A word list read from a file under `assets/` (one entry a line; blank
/// lines and lines starting with `#` are comments), answered without
/// hashing for most words: a word whose first byte or length no entry has
/// is in no list.
pub struct Words {
    set: crate::fx::FxHashSet<&'static str>,
    /// The first bytes of the entries, a bit each.
    first: [u64; 4],
    longest: usize,
}

impl Words {
    pub fn parse(src: &'static str) -> Words {
        let mut w = Words {
            set: Default::default(),
            first: [0; 4],
            longest: 0,
        };
        for l in src.lines().map(str::trim_end) {
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let b = l.as_bytes()[0] as usize;
            w.first[b / 64] |= 1 << (b % 64);
            w.longest = w.longest.max(l.len());
            w.set.insert(l);
        }
        w
    }

    pub fn contains(&self, word: &impl AsRef<str>) -> bool {
        let word = word.as_ref();
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        let b = b as usize;
        self.first[b / 64] & (1 << (b % 64)) != 0
            && word.len() <= self.longest
            && self.set.contains(word)
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

/// A long table under `assets/` (one entry a line, `key` or
/// `key<TAB>value`; blank lines and lines starting with `#` are comments):
/// each key's hash -> where its line starts, the words themselves read
/// from the embedded text (13 bytes an entry, not 33: the tables hold
/// 60,000 entries). The few keys whose hash an earlier key has
/// ("desperado", "desperate") are kept by name.
pub struct Table {
    src: &'static str,
    at: crate::fx::PremixedMap<u32>,
    clashes: Vec<(&'static str, u32)>,
}

fn key_hash(key: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::fx::FxHasher::default();
    h.write(key.as_bytes());
    h.finish()
}

impl Table {
    pub fn parse(src: &'static str) -> Table {
        let n = src.bytes().filter(|&c| c == b'\n').count() + 1;
        let at = crate::fx::PremixedMap::with_capacity_and_hasher(n, Default::default());
        let mut t = Table {
            src,
            at,
            clashes: Vec::new(),
        };
        let mut start = 0;
        for l in src.split('\n') {
            let line = l.trim_end_matches('\r');
            if !line.is_empty() && !line.starts_with('#') {
                let key = line.split_once('\t').map_or(line, |(k, _)| k);
                match t.at.entry(key_hash(key)) {
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(start as u32);
                    }
                    std::collections::hash_map::Entry::Occupied(o) => {
                        let i = *o.get();
                        if t.entry(i).0 != key {
                            t.clashes.push((key, start as u32));
                        }
                    }
                }
            }
            start += l.len() + 1;
        }
        t
    }

    /// The entry whose line starts at byte `i`: its key and value.
    fn entry(&self, i: u32) -> (&'static str, &'static str) {
        let rest = &self.src[i as usize..];
        let line = rest
            .split('\n')
            .next()
            .unwrap_or(rest)
            .trim_end_matches('\r');
        line.split_once('\t').unwrap_or((line, ""))
    }

    /// The value of `key` ("" for an entry with no value).
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let (k, v) = self.entry(*self.at.get(&key_hash(key))?);
        if k == key {
            return Some(v);
        }
        let &(_, i) = self.clashes.iter().find(|c| c.0 == key)?;
        Some(self.entry(i).1)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The entries (a key written twice counts once).
    pub fn len(&self) -> usize {
        self.at.len() + self.clashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_finds_its_keys_and_values() {
        let t =
            Table::parse("# head\nabbey\tartifact\r\nband\tgroup,attribute\n\ncity\nzoo\tartifact");
        assert_eq!(t.len(), 4);
        assert_eq!(t.get("band"), Some("group,attribute"));
        assert_eq!(t.get("abbey"), Some("artifact"));
        assert_eq!(t.get("city"), Some(""));
        assert_eq!(t.get("zoo"), Some("artifact"));
        for x in ["", "ban", "bands", "# head", "Band", "zz"] {
            assert_eq!(t.get(x), None, "{x}");
        }
        // two keys of one hash (FxHash): both found, each with its value
        let t = Table::parse("desperado\tperson\ndesperate\tperson,state\n");
        assert_eq!(key_hash("desperado"), key_hash("desperate"));
        assert_eq!(t.len(), 2);
        assert_eq!(t.get("desperado"), Some("person"));
        assert_eq!(t.get("desperate"), Some("person,state"));
    }

    #[test]
    fn a_word_list_skips_comments_and_finds_its_words() {
        let w = Words::parse("# a comment\nof\n\nde la\n&\n");
        assert_eq!(w.len(), 3);
        for x in ["of", "de la", "&"] {
            assert!(w.contains(&x), "{x}");
        }
        for x in ["", "Of", "off", "# a comment", "de"] {
            assert!(!w.contains(&x), "{x}");
        }
    }
}
