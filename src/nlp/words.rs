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
/// a word list with values, read into a map sized once.
pub struct Table {
    map: crate::fx::FxHashMap<&'static str, &'static str>,
}

impl Table {
    pub fn parse(src: &'static str) -> Table {
        let n = src.bytes().filter(|&c| c == b'\n').count() + 1;
        let mut map = crate::fx::FxHashMap::with_capacity_and_hasher(n, Default::default());
        for l in src.split('\n').map(|l| l.trim_end_matches('\r')) {
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let (k, v) = l.split_once('\t').unwrap_or((l, ""));
            map.insert(k, v);
        }
        Table { map }
    }

    /// The value of `key` ("" for an entry with no value).
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.map.get(key).copied()
    }

    pub fn contains(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
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
