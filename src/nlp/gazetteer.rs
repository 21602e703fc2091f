//! The gazetteers and tables shipped in `assets/gazetteer/` (see assets/README.md
//! for their sources and licences), embedded in the binary and parsed once.

use super::EntityType;
use crate::fx::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

pub struct Gazetteer {
    /// Place name -> canonical name (GeoNames).
    pub places: Filtered<HashMap<&'static str, &'static str>>,
    /// The states, provinces and regions among them ("California", "Bavaria").
    pub subdivisions: HashSet<&'static str>,
    /// Variant -> (canonical, type) (hand-written alias table).
    pub aliases: HashMap<String, (String, EntityType)>,
    /// Lower-case alias keys, for headline and all-caps text.
    pub aliases_lower: HashMap<String, String>,
    /// The word lists borrow the embedded text: no copy, quick to load.
    pub first_names: Filtered<HashSet<&'static str>>,
    pub common: Filtered<HashSet<&'static str>>,
    pub demonyms: HashSet<&'static str>,
    /// Titles by their token sequence ("Secretary of State").
    pub titles: HashSet<&'static str>,
    pub longest_title: usize,
    /// The first word of every title, to rule out most words at once.
    pub title_first: HashSet<&'static str>,
    pub org_words: HashSet<&'static str>,
    /// Listed company -> the name news uses ("Apple Inc." -> "Apple").
    pub companies: Filtered<HashMap<&'static str, &'static str>>,
    pub place_words: HashSet<&'static str>,
    /// Head words of events, awards and laws ("Show", "Awards", "Act").
    pub event_words: HashSet<&'static str>,
    /// Units, currency codes, time zones and abbreviations of things: never a
    /// name on their own ("GHz", "USD", "GMT", "DUI").
    pub not_names: HashSet<&'static str>,
    /// The words that end a company's name, by use (`assets/ner/company_suffixes.tsv`):
    /// abbreviations with a full stop, the mention pass's, the linker's.
    pub company_abbrevs: HashSet<&'static str>,
    pub company_ends: HashSet<&'static str>,
    pub company_key_ends: HashSet<&'static str>,
    /// Words of a firm's trade after its own name ("Computer" in "Apple
    /// Computer"; `assets/ner/trade_words.txt`).
    pub trade_words: HashSet<&'static str>,
    /// Words that end a street's name ("Avenue", "Ave").
    pub street_words: HashSet<&'static str>,
    /// A filter over the aliases' and the places' names: most spans looked
    /// up are neither.
    known: Filtered<()>,
}

/// (familiar, formal) first names, sorted ("Bob", "Robert"):
/// `assets/gazetteer/familiar_names.tsv`, read when the linker first asks.
static FAMILIAR: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        let mut v: Vec<(&str, &str)> =
            lines(include_str!("../../assets/gazetteer/familiar_names.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .collect();
        v.sort_unstable();
        v
    });

/// A table of words with a filter of bits before it: most words looked up
/// (every name in a text) are in none of the lists, and the filter, a few
/// bits per word that stay in the processor's cache, answers those without
/// reaching the table (a Bloom filter: two bits per word; a word whose two
/// bits are not both set is not in the table).
pub struct Filtered<T> {
    table: T,
    bits: Vec<u64>,
}

impl<T> Filtered<T> {
    fn new(table: T, keys: impl Fn(&T) -> Vec<&'static str>) -> Filtered<T> {
        let bits = Filtered::over(&keys(&table)).bits;
        Filtered { table, bits }
    }
}

impl Filtered<()> {
    /// A filter alone, over these words.
    fn over(keys: &[&str]) -> Filtered<()> {
        // sixteen bits a word: one word in a hundred not in the table passes
        let n = (keys.len() * 16).next_power_of_two().max(64);
        let mut bits = vec![0u64; n / 64];
        for k in keys {
            let (i, b) = probes(k, bits.len());
            bits[i] |= b;
        }
        Filtered { table: (), bits }
    }
}

/// The filter's word for a word, of `words`, and the two bits set in it
/// (both in one word of the filter: one read of memory, not two).
#[inline]
fn probes(w: &str, words: usize) -> (usize, u64) {
    use std::hash::BuildHasher;
    let h = crate::fx::FxBuild::default().hash_one(w);
    let bits = (1u64 << ((h >> 52) & 63)) | (1u64 << ((h >> 58) & 63));
    (((h >> 20) as usize) & (words - 1), bits)
}

impl<T> Filtered<T> {
    /// Whether `w` may be in the table (false: it is not).
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let (i, bits) = probes(w, self.bits.len());
        self.bits[i] & bits == bits
    }
}

impl Filtered<HashSet<&'static str>> {
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.may_hold(w) && self.table.contains(w)
    }
}

impl Filtered<HashMap<&'static str, &'static str>> {
    #[inline]
    pub fn get(&self, w: &str) -> Option<&&'static str> {
        if self.may_hold(w) {
            self.table.get(w)
        } else {
            None
        }
    }

    #[inline]
    pub fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    fn load() -> Gazetteer {
        let t = std::time::Instant::now();
        // places and, among them, the states and regions: one pass
        let mut places: HashMap<&'static str, &'static str> = HashMap::default();
        let mut subdivisions: HashSet<&'static str> = HashSet::default();
        for l in lines(include_str!("../../assets/gazetteer/places.tsv"))
            .chain(lines(include_str!("../../assets/gazetteer/regions.tsv")))
        {
            let mut f = l.split('\t');
            let (Some(name), Some(kind)) = (f.next(), f.next()) else {
                continue;
            };
            places.insert(name, f.next().unwrap_or(name));
            if matches!(kind, "state" | "region") {
                subdivisions.insert(name);
            }
        }
        let companies = lines(include_str!("../../assets/gazetteer/companies.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .collect();
        let mut aliases: HashMap<String, (String, EntityType)> =
            lines(include_str!("../../assets/gazetteer/aliases.tsv"))
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    let (v, c, t) = (f.next()?, f.next()?, f.next()?);
                    Some((v.to_string(), (c.to_string(), EntityType::parse(t)?)))
                })
                .collect();
        // the name an alias stands for is a name too ("Holland", "The
        // Netherlands" -> "Netherlands")
        let canonical: Vec<(String, EntityType)> = aliases
            .values()
            .filter(|(c, _)| !aliases.contains_key(c) && !places.contains_key(c.as_str()))
            .cloned()
            .collect();
        for (c, t) in canonical {
            aliases.insert(c.clone(), (c, t));
        }
        let aliases_lower = aliases
            .keys()
            .map(|k| (k.to_lowercase(), k.clone()))
            .collect();
        let titles: HashSet<&'static str> =
            lines(include_str!("../../assets/gazetteer/titles.txt")).collect();
        let title_first = titles
            .iter()
            .map(|t| t.split(' ').next().unwrap_or(t))
            .collect();
        let longest_title = titles
            .iter()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        // sized up front: growing a 64k-word table step by step costs most of the load
        let set = |src: &'static str| {
            let mut out = HashSet::with_capacity_and_hasher(
                src.bytes().filter(|&b| b == b'\n').count() + 1,
                Default::default(),
            );
            out.extend(lines(src).map(|l| l.split('\t').next().unwrap_or(l)));
            out
        };
        // one table of company suffixes, a column a use
        let suffixes = |col: usize| -> HashSet<&'static str> {
            lines(include_str!("../../assets/ner/company_suffixes.tsv"))
                .filter_map(|l| {
                    let f: Vec<&str> = l.split('\t').collect();
                    (f.get(col) == Some(&"y")).then_some(f[0])
                })
                .collect()
        };
        // the hand-written demonyms, and WordNet's adjectives of the
        // countries, states and continents they leave out ("Kuwaiti")
        let demonyms = {
            let mut d = set(include_str!("../../assets/gazetteer/demonyms.tsv"));
            d.extend(set(include_str!(
                "../../assets/gazetteer/demonyms_wordnet.tsv"
            )));
            // and their plurals, for the people ("Texans", "Kuwaitis",
            // "Englishmen"); made once, kept for the program's life
            let plurals: Vec<&'static str> = d
                .iter()
                .filter(|w| !w.ends_with('s') && !w.contains(' '))
                .map(|w| match w.strip_suffix("man") {
                    Some(stem) => format!("{stem}men"),
                    None => format!("{w}s"),
                })
                // (no place's name: "Philippines")
                .filter(|p| {
                    !d.contains(p.as_str())
                        && !places.contains_key(p.as_str())
                        && !aliases.contains_key(p.as_str())
                })
                .map(|p| &*Box::leak(p.into_boxed_str()))
                .collect();
            d.extend(plurals);
            d
        };
        let g = Gazetteer {
            places: Filtered::new(places, |m| m.keys().copied().collect()),
            subdivisions,
            aliases,
            aliases_lower,
            first_names: Filtered::new(
                set(include_str!("../../assets/gazetteer/first_names.txt")),
                |s| s.iter().copied().collect(),
            ),
            common: Filtered::new(
                set(include_str!("../../assets/gazetteer/common_words.txt")),
                |s| s.iter().copied().collect(),
            ),
            demonyms,
            titles,
            longest_title,
            title_first,
            org_words: set(include_str!("../../assets/gazetteer/org_words.txt")),
            place_words: set(include_str!("../../assets/gazetteer/place_words.txt")),
            event_words: set(include_str!("../../assets/gazetteer/event_words.txt")),
            not_names: set(include_str!("../../assets/gazetteer/not_names.txt")),
            street_words: set(include_str!("../../assets/gazetteer/street_words.txt")),
            company_abbrevs: suffixes(1),
            company_ends: suffixes(2),
            company_key_ends: suffixes(3),
            trade_words: set(include_str!("../../assets/ner/trade_words.txt")),
            companies: Filtered::new(companies, |m| m.keys().copied().collect()),
            known: Filtered::new((), |_| vec![]),
        };
        let mut g = g;
        let names: Vec<&str> = g
            .aliases
            .keys()
            .map(String::as_str)
            .chain(g.places.table.keys().copied())
            .collect();
        g.known = Filtered::over(&names);
        crate::log!("gazetteer loaded in {:?}", t.elapsed());
        g
    }

    /// An organization word, or its plural ("Courts" in "Royal Courts of
    /// Justice"; not "Banks", as often a surname: "Tyra Banks").
    pub fn is_org_word_or_plural(&self, w: &str) -> bool {
        self.org_words.contains(w)
            || w != "Banks"
                && w.strip_suffix('s')
                    .is_some_and(|one| one.len() > 3 && self.org_words.contains(one))
    }

    /// Is this a lower-case English word (so a capital may only mark a sentence start)?
    pub fn is_common(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.common.contains(word);
        }
        super::words::with_lower(word, |l| self.common.contains(l))
    }

    /// Type and canonical name of a known name.
    pub fn lookup(&self, name: &str) -> Option<(EntityType, &str)> {
        if !self.known.may_hold(name) {
            return None;
        }
        if let Some((c, t)) = self.aliases.get(name) {
            return Some((*t, c));
        }
        // (the places' own filter is a part of `known`'s, asked already)
        self.places.table.get(name).map(|c| (EntityType::Place, *c))
    }

    /// The formal first names a familiar one is short for ("Bob": Bert,
    /// Bobby, Robert), none for any other word.
    pub fn formal_names<'a>(
        &'a self,
        familiar: &'a str,
    ) -> impl Iterator<Item = &'static str> + 'a {
        let table = &*FAMILIAR;
        let from = table.partition_point(|x| x.0 < familiar);
        table[from..]
            .iter()
            .take_while(move |x| x.0 == familiar)
            .map(|x| x.1)
    }

    /// Whether the tables know a name as a place's ("Kiev", "Newcastle upon
    /// Tyne").
    pub fn is_place(&self, name: &str) -> bool {
        matches!(self.lookup(name), Some((EntityType::Place, _)))
    }

    pub fn is_known_name(&self, word: &str) -> bool {
        self.known.may_hold(word)
            && (self.aliases.contains_key(word) || self.places.table.contains_key(word))
            || (self.first_names.contains(word) && !self.is_common(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn familiar_first_names_know_their_formal_ones() {
        let g = Gazetteer::get();
        let formal = |w: &str| g.formal_names(w).collect::<Vec<_>>();
        assert!(formal("Bob").contains(&"Robert"));
        assert!(formal("Jim").contains(&"James"));
        assert!(formal("Ted").contains(&"Edward"));
        // not of the other sex, and not a longer form
        assert!(!formal("Andy").contains(&"Andrea"));
        assert!(!formal("Polly").contains(&"Paul"));
        assert!(formal("Robert").is_empty());
        assert!(formal("Paris").is_empty());
    }

    #[test]
    fn tables_load() {
        let g = Gazetteer::get();
        assert_eq!(g.lookup("Kiev"), Some((EntityType::Place, "Kyiv")));
        // an alias's canonical name is known too
        assert_eq!(
            g.lookup("Netherlands"),
            Some((EntityType::Place, "Netherlands"))
        );
        assert_eq!(g.lookup("U.S."), Some((EntityType::Place, "United States")));
        assert_eq!(g.lookup("Budapest").map(|x| x.0), Some(EntityType::Place));
        assert_eq!(g.lookup("Wales"), Some((EntityType::Place, "Wales")));
        assert_eq!(g.lookup("Crimea").map(|x| x.0), Some(EntityType::Place));
        assert!(g.first_names.contains("Steve"));
        assert!(g.is_common("Despite"));
        assert!(!g.is_common("Witkoff"));
        assert!(g.titles.contains("Secretary of State"));
        assert!(g.demonyms.contains("Russian"));
        // and WordNet's, where the hand-written table has none
        assert!(g.demonyms.contains("Kuwaiti") && g.demonyms.contains("Philippine"));
        // their plurals name the people, unless a place has the plural's name
        assert!(g.demonyms.contains("Texans") && g.demonyms.contains("Kuwaitis"));
        assert!(!g.demonyms.contains("Philippines"));
        assert!(g.org_words.contains("Department"));
        assert!(g.event_words.contains("Awards"));
        assert!(g.not_names.contains("GMT") && !g.not_names.contains("NATO"));
        assert_eq!(g.companies.get("Apple Inc."), Some(&"Apple"));
        assert!(
            !g.companies.contains_key("Partners"),
            "a plural common word"
        );
    }

    #[test]
    fn a_town_is_known_with_and_without_its_marks_and_article() {
        // GeoNames writes "Zürich", "São Paulo", "Al Fallūjah": English
        // copy writes them so or in plain letters, and without the article
        let g = Gazetteer::get();
        for (name, canonical) in [
            ("Zürich", "Zurich"),
            ("Zurich", "Zurich"),
            // a German-speaking country's umlauts as "ae", "oe", "ue"
            ("Duesseldorf", "Dusseldorf"),
            ("Sao Paulo", "Sao Paulo"),
            ("Kraków", "Krakow"),
            ("Krakow", "Krakow"),
            ("Kandahar", "Kandahar"),
            ("Kandahār", "Kandahar"),
            ("Fallujah", "Fallujah"),
            ("Al Fallūjah", "Fallujah"),
            ("Asuncion", "Asuncion"),
        ] {
            assert_eq!(
                g.lookup(name),
                Some((EntityType::Place, canonical)),
                "{name}"
            );
        }
        // a spelling in plain letters that is a word or a person's name is
        // not the town's ("Salé", "Būsh", "León" are towns)
        for name in ["Sale", "Bush", "Leon"] {
            assert_eq!(g.lookup(name), None, "{name}");
        }
        assert_eq!(g.lookup("Salé").map(|x| x.0), Some(EntityType::Place));
    }
}
