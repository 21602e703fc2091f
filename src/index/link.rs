//! Cross-article linking: which mentions name the same real-world entity.
//!
//! 1. Every mention gets a name key: the table's canonical name when there is
//!    one ("U.S." -> "United States"), else its text, cleaned.
//! 2. Full names that are spelling variants of each other merge ("Zelenskyy" /
//!    "Zelenskiy", "Vladmir" / "Vladimir"), carefully with short names.
//! 3. Short forms join the full name they stand for: a surname joins the full
//!    name of that surname in the same article, else the one the corpus uses
//!    most ("Trump" -> "Donald Trump", not "Melania Trump"); an acronym joins
//!    the name whose initials it is ("ICC" -> "International Criminal Court").

use crate::fx::FxHashMap as HashMap;
use crate::nlp::{EntityType, Evidence, Mention};

/// One mention as the linker sees it.
pub struct Item<'a> {
    pub article: usize,
    pub mention: &'a Mention,
    pub text: &'a str,
    /// The text between the previous mention of the article and this one,
    /// when they are at most three bytes apart ("787 Dreamliner").
    pub gap: Option<&'a str>,
}

/// Cleans a mention's text into its name key.
pub fn name_key(m: &Mention, text: &str) -> String {
    if let Some(c) = &m.canonical {
        // one word as it is; a longer name cleaned like any other (the full
        // name an acronym was defined by: "Boeing Co (BA)")
        if !c.contains(' ') {
            return c.clone();
        }
    }
    let text = m.canonical.as_deref().unwrap_or(text);
    // one pass: runs of white space as one space, curly apostrophes straight,
    // initials with their stops together ("A. J. Smith" is "A.J. Smith"), a
    // possessive glued to its word (text split into tokens writes "People
    // 's Republic")
    let initial = |w: &str| {
        w.strip_suffix('.')
            .is_some_and(crate::nlp::entities::is_initial)
    };
    let mut t = String::with_capacity(text.len());
    let mut after_initial = false;
    for w in text.split_whitespace() {
        let possessive = matches!(w, "'s" | "’s");
        if !(t.is_empty() || after_initial && initial(w) || possessive) {
            t.push(' ');
        }
        after_initial = initial(w);
        // "Pratt & Whitney" is "Pratt and Whitney"
        if w == "&" {
            t.push_str("and");
            continue;
        }
        if w.contains('’') {
            t.push_str(&w.replace('’', "'"));
        } else {
            t.push_str(w);
        }
    }
    let g = crate::nlp::gazetteer::Gazetteer::get();
    // "The Boeing Company" is Boeing (but "The Hague" is a place's name)
    if t.len() > 4 && t.starts_with("The ") && t[4..].contains(' ') && g.lookup(&t).is_none() {
        t.drain(..4);
    }
    // "Apple Inc." is Apple, "Boeing Co." is Boeing
    // (but "Chicago Corp" is no Chicago: a place's name stays whole)
    // (but "West Corp" is no "West": a compass word alone is no firm's name)
    // (two suffixes too: "Merrill Lynch Co Inc")
    for _ in 0..2 {
        let Some((head, last)) = t.rsplit_once(' ') else {
            break;
        };
        if crate::nlp::gazetteer::Gazetteer::get()
            .company_key_ends
            .contains(last.trim_end_matches('.'))
            && !crate::nlp::entities::is_compass_point(head)
            // (but "Sachs and Co" is no "Sachs and": a firm's name of
            // partners keeps its suffix)
            && !head.ends_with(" and")
            && !head.ends_with(" &")
            && !g.is_place(head.trim_end_matches(','))
        {
            t = head.trim_end_matches(',').to_string();
        } else {
            break;
        }
    }
    // "Merrill Lynch and Co", "Goldman, Sachs and Co": a firm's name of two
    // partners or more before "and Co" is the firm's without it ("Merrill
    // Lynch", "Goldman Sachs"); one partner's keeps it ("Sachs and Co")
    if let Some(head) = t
        .strip_suffix(" and Co")
        .or_else(|| t.strip_suffix(" and Co."))
    {
        let head = head.replace(", ", " ");
        if head.split(' ').count() >= 2 && !head.ends_with(" and") {
            t = head;
        }
    }
    // "Samsung Electronics", "Cisco Systems": a listed firm's own name
    // before a word of its trade is the firm (not "General Motors": no
    // listed "General"; not "Japan Airlines": a place's name; not where
    // the firm's name is a word or a person's name others bear too:
    // Kingfisher plc is no Kingfisher Airlines, Fox Corp no Fox Entertainment)
    if let Some((head, last)) = t.rsplit_once(' ') {
        if g.trade_words.contains(last)
            && g.companies.contains_key(head)
            && !g.is_common(head)
            && !g.first_names.contains(head)
            && !crate::nlp::entities::features::usual_surname(head)
            // (nor a people's name before it: "American International
            // Petroleum" is no American International Group)
            && !head.split(' ').next().is_some_and(|w| g.demonyms.contains(w))
            && !g.is_place(head)
        {
            t.truncate(head.len());
        }
    }
    // "Mt Cook", "Mt. Cook": Mount Cook
    if let Some(rest) = t.strip_prefix("Mt. ").or_else(|| t.strip_prefix("Mt ")) {
        t = format!("Mount {rest}");
    }
    // "US Air Force", "U.S. Air Force": the country as the table names it,
    // where the name starts with its abbreviation (a place's other name is
    // another name's word: "Hang Seng Bank" is no "Hangzhou Seng Bank",
    // "Bombay Palace Restaurants" keeps its name)
    let abbreviation = |w: &str| {
        w.bytes().any(|b| b.is_ascii_uppercase())
            && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
    };
    if let Some((first, rest)) = t.split_once(' ').filter(|(f, _)| abbreviation(f)) {
        if let Some((EntityType::Place, canon)) = g.lookup(first) {
            if canon != first && !rest.is_empty() {
                t = format!("{canon} {rest}");
            }
        }
    }
    let n = t.trim_end_matches('.').len();
    t.truncate(n);
    // "737s" is the 737
    let model_plural =
        t.len() > 2 && t.ends_with('s') && t.as_bytes()[t.len() - 2].is_ascii_digit();
    if model_plural {
        t.pop();
    }
    t
}

/// A model designation: letters and digits, digits included ("A380", "787", "777-200").
fn is_model_word(w: &str) -> bool {
    w.len() >= 3
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A name's words (most names have four or fewer: no allocation for those).
/// Whether a word of a name is an initial, with its stop or without ("J.",
/// "J").
fn an_initial(w: &str) -> bool {
    crate::nlp::entities::is_initial(w.strip_suffix('.').unwrap_or(w))
}

fn tokens(name: &str) -> smallvec::SmallVec<[&str; 4]> {
    name.split([' ', '-']).filter(|w| !w.is_empty()).collect()
}

struct Uf(Vec<usize>);

impl Uf {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    /// The root the candidates share and the first of them, where they
    /// are all one entity.
    fn one_of(&mut self, cands: impl IntoIterator<Item = usize>) -> Option<(usize, usize)> {
        let mut cands = cands.into_iter();
        let first = cands.next()?;
        let root = self.find(first);
        cands.all(|c| self.find(c) == root).then_some((root, first))
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[b.max(a)] = a.min(b);
        }
    }
}

/// Are two single words spellings of the same name? Exact for short words,
/// one edit for longer ones, with the same first letter.
pub fn similar_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len().abs_diff(b.len()) > 2
        || a.len().min(b.len()) < 6
        || a.chars().next() != b.chars().next()
    {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 6 {
        return false;
    }
    // an edit changes at most two of the letters present: most pairs end here
    let most = if la.min(lb) >= 9 { 2 } else { 1 };
    if (letters(a) ^ letters(b)).count_ones() > 2 * most {
        return false;
    }
    let d = edits(a, b, true);
    d <= 1 || (la.min(lb) >= 9 && d <= 2 && strsim::jaro_winkler(a, b) >= 0.93)
}

/// The set of letters and digits a word uses, ignoring case (ASCII; any
/// other character sets one more bit).
fn letters(w: &str) -> u64 {
    w.bytes().fold(0, |m, b| {
        m | match b.to_ascii_lowercase() {
            c @ b'a'..=b'z' => 1 << (c - b'a'),
            c @ b'0'..=b'9' => 1 << (26 + c - b'0'),
            _ => 1 << 36,
        }
    })
}

/// Levenshtein distance, ignoring case or not. For ASCII (most names) the
/// common start and end are skipped first and only the short middle is
/// compared, without copying the words: this runs a million times on a
/// large corpus.
fn edits(a: &str, b: &str, ignore_case: bool) -> usize {
    if !(a.is_ascii() && b.is_ascii()) {
        return if ignore_case {
            strsim::levenshtein(&a.to_lowercase(), &b.to_lowercase())
        } else {
            strsim::levenshtein(a, b)
        };
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let same = |(x, y): (&u8, &u8)| {
        if ignore_case {
            x.eq_ignore_ascii_case(y)
        } else {
            x == y
        }
    };
    let p = a.iter().zip(b).take_while(|&xy| same(xy)).count();
    let (a, b) = (&a[p..], &b[p..]);
    let q = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|&xy| same(xy))
        .count();
    let (a, b) = (&a[..a.len() - q], &b[..b.len() - q]);
    if a.len().min(b.len()) == 0 || a.len().max(b.len()) <= 1 {
        return a.len().max(b.len());
    }
    // one row on the stack for names (middles up to 63 bytes)
    let m = b.len();
    if m < 64 {
        let mut row = [0usize; 64];
        for (j, r) in row.iter_mut().enumerate().take(m + 1) {
            *r = j;
        }
        for (i, x) in a.iter().enumerate() {
            let mut diag = row[0];
            row[0] = i + 1;
            for (j, y) in b.iter().enumerate() {
                let up = row[j + 1];
                let cost = usize::from(!same((x, y)));
                row[j + 1] = (diag + cost).min(up + 1).min(row[j] + 1);
                diag = up;
            }
        }
        return row[m];
    }
    let lower = |s: &[u8]| {
        s.iter()
            .map(|c| {
                if ignore_case {
                    c.to_ascii_lowercase()
                } else {
                    *c
                }
            })
            .collect::<Vec<u8>>()
    };
    strsim::generic_levenshtein(&lower(a), &lower(b))
}

/// Are two full names variants of each other ("Vladmir Putin" / "Vladimir Putin")?
#[cfg(test)]
fn similar_name(a: &str, b: &str) -> bool {
    similar_tokens(&tokens(a), &tokens(b))
}

/// The same on names already split into words: at most one word differs, and
/// that one is a spelling variant (same first letter, one or two edits).
fn similar_tokens(ta: &[&str], tb: &[&str]) -> bool {
    if ta.len() != tb.len() {
        return false;
    }
    let mut diff = None;
    for (x, y) in ta.iter().zip(tb) {
        // "SAN Diego Chargers" in a headline is "San Diego Chargers"
        if !x.eq_ignore_ascii_case(y) {
            if diff.is_some() {
                return false;
            }
            diff = Some((*x, *y));
        }
    }
    let Some((x, y)) = diff else {
        return true;
    };
    if x.chars().next() != y.chars().next() || x.len().abs_diff(y.len()) > 2 {
        return false;
    }
    // in a name of several words the others vouch: one edit in a word of four
    // letters or more ("Duncan Rait" / "Duncan Raite")
    let min = if ta.len() >= 2 { 4 } else { 5 };
    // models are never spelling variants of each other ("A380" / "A350")
    if x.bytes().chain(y.bytes()).any(|b| b.is_ascii_digit()) {
        return false;
    }
    // (one edit changes at most two of the letters a word uses: most pairs end there)
    similar_word(x, y)
        || (x.len() >= min
            && y.len() >= min
            && (letters(x) ^ letters(y)).count_ones() <= 2
            && edits(x, y, false) <= 1)
}

/// Two long forms of one acronym name the same body when most of the words
/// of the shorter are in the longer (a spelling variant counts): "European
/// Aeronautic Defence and Space Company" and "European Aeronautic Defense &
/// Space NV", not "American Broadcasting Company" and "Australian
/// Broadcasting Corporation".
fn long_forms_alike(a: &[&str], b: &[&str]) -> bool {
    let content = |t: &[&str]| -> Vec<String> {
        t.iter()
            .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) && w.len() > 1)
            .map(|w| w.to_lowercase())
            .collect()
    };
    let (a, b) = (content(a), content(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let shared = short
        .iter()
        .filter(|w| long.iter().any(|v| similar_word(w, v)))
        .count();
    shared >= 2 && shared * 4 >= short.len() * 3
}

/// The keys an article uses, with how often: sorted for binary search.
#[derive(Default)]
struct Local(Vec<(usize, u32)>);

impl Local {
    fn count(&self, k: usize) -> u32 {
        self.0
            .binary_search_by_key(&k, |x| x.0)
            .map_or(0, |i| self.0[i].1)
    }
    fn contains(&self, k: usize) -> bool {
        self.count(k) > 0
    }
}

/// The result: for each item, its cluster number (0..n), and the clusters.
pub struct Linked {
    pub cluster_of: Vec<usize>,
    pub clusters: usize,
    /// The distinct name keys, and each item's (made once, for the entities).
    pub keys: Vec<String>,
    pub item_key: Vec<usize>,
}

/// The distinct name keys in order of first use, and each item's key by
/// its number there. A key is made once per distinct written form (most
/// mentions repeat one), and the forms and keys are found on all cores.
fn intern(items: &[Item]) -> (Vec<String>, Vec<usize>) {
    fn form<'a>(it: &Item<'a>) -> (Option<&'a str>, &'a str) {
        (it.mention.canonical.as_deref(), it.text)
    }
    use rayon::prelude::*;
    use std::hash::BuildHasher;
    let form_hash: Vec<u64> = items
        .par_iter()
        .map(|it| crate::fx::FxBuild::default().hash_one(form(it)))
        .collect();
    let form_first = firsts(&form_hash, |a, b| {
        form(&items[a as usize]) == form(&items[b as usize])
    });
    // the distinct forms in order of first use, and their keys
    let distinct: Vec<u32> = (0..items.len() as u32)
        .filter(|&i| form_first[i as usize] == i)
        .collect();
    let named: Vec<(String, u64)> = distinct
        .par_iter()
        .map(|&i| {
            let it = &items[i as usize];
            let k = name_key(it.mention, it.text);
            let h = crate::fx::FxBuild::default().hash_one(&k);
            (k, h)
        })
        .collect();
    let key_hash: Vec<u64> = named.iter().map(|(_, h)| *h).collect();
    let key_first = firsts(&key_hash, |a, b| named[a as usize].0 == named[b as usize].0);
    // the keys are numbered by the first form that has them (the forms are
    // in order of first use, so the keys are too)
    let mut number = vec![0u32; named.len()];
    let mut keys = Vec::new();
    for (j, (k, _)) in named.into_iter().enumerate() {
        let first = key_first[j] as usize;
        number[j] = if first == j {
            keys.push(k);
            keys.len() as u32 - 1
        } else {
            number[first]
        };
    }
    // each item's key, by its form's
    let mut form_key = vec![0u32; items.len()];
    for (j, &i) in distinct.iter().enumerate() {
        form_key[i as usize] = number[j];
    }
    let item_key = form_first
        .par_iter()
        .map(|&f| form_key[f as usize] as usize)
        .collect();
    (keys, item_key)
}

/// For each of a list of values given by their hashes, the first index
/// with an equal value: on all cores, the values shared out by their hashes,
/// so that none is compared outside its share.
fn firsts(hashes: &[u64], same: impl Fn(u32, u32) -> bool + Sync) -> Vec<u32> {
    use rayon::prelude::*;
    const SHARES: usize = 64;
    // (by middle bits: a hash table places a value by its hash's low bits
    // and tells values apart by its top seven, which a share must not fix)
    let share = |h: u64| (h >> 32) as usize % SHARES;
    // each share's members in order, found a block of values at a time on
    // all cores
    const BLOCK: usize = 1 << 16;
    let blocks: Vec<Vec<Vec<u32>>> = hashes
        .par_chunks(BLOCK)
        .enumerate()
        .map(|(b, hs)| {
            let mut m: Vec<Vec<u32>> = vec![Vec::new(); SHARES];
            for (i, h) in hs.iter().enumerate() {
                m[share(*h)].push((b * BLOCK + i) as u32);
            }
            m
        })
        .collect();
    let members: Vec<Vec<u32>> = (0..SHARES)
        .into_par_iter()
        .map(|s| blocks.iter().flat_map(|m| m[s].iter().copied()).collect())
        .collect();
    drop(blocks);
    let found: Vec<Vec<(u32, u32)>> = members
        .par_iter()
        .map(|m| {
            // in order: the first of each value is met first
            let mut table: hashbrown::HashTable<u32> = hashbrown::HashTable::with_capacity(m.len());
            m.iter()
                .map(|&i| {
                    let h = hashes[i as usize];
                    let first = match table.find(h, |&f| same(f, i)) {
                        Some(&f) => f,
                        None => {
                            table.insert_unique(h, i, |&f| hashes[f as usize]);
                            i
                        }
                    };
                    (i, first)
                })
                .collect()
        })
        .collect();
    let mut first = vec![0u32; hashes.len()];
    for (i, f) in found.into_iter().flatten() {
        first[i as usize] = f;
    }
    first
}

/// Is `written` a slip of the keys in writing `name`: the same but for
/// case, one letter left out, one letter doubled or slipped in inside the
/// word, or two neighbours swapped? (Another letter, or an ending added,
/// makes another name.)
fn slip_of(written: &str, name: &str) -> bool {
    let (w, n): (Vec<char>, Vec<char>) = (written.chars().collect(), name.chars().collect());
    if written.eq_ignore_ascii_case(name) {
        return true;
    }
    // the first place they differ
    let d = w.iter().zip(&n).take_while(|(a, b)| a == b).count();
    match w.len() as isize - n.len() as isize {
        // left out: the rest of the name after the missing letter
        -1 => w[d..] == n[d + 1..],
        // doubled (the extra letter repeats the one before it), or one more
        // letter inside the word, not at its end ("Texans", "Ugandan")
        1 => (d > 0 && w[d] == w[d - 1] || d + 2 < w.len()) && w[d + 1..] == n[d..],
        // swapped neighbours
        0 => d + 1 < w.len() && w[d] == n[d + 1] && w[d + 1] == n[d] && w[d + 2..] == n[d + 2..],
        _ => false,
    }
}

/// Is `written` the long word `name` (7 letters or more) with one letter
/// struck on a key beside the right one ("Mocrosoft", "Mondanto")? In a
/// shorter word another letter is as often another name ("Calmar",
/// "CalMat"; "Intec", "Imtec").
fn key_slip_of(written: &str, name: &str) -> bool {
    /// A letter's place on a QWERTY keyboard: its row, and its column
    /// shifted as the rows are.
    fn key(c: char) -> Option<(i32, i32)> {
        let c = c.to_ascii_lowercase();
        ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
            .iter()
            .enumerate()
            .find_map(|(r, row)| row.find(c).map(|x| (r as i32, 4 * x as i32 + [0, 1, 3][r])))
    }
    let (w, n): (Vec<char>, Vec<char>) = (written.chars().collect(), name.chars().collect());
    if w.len() != n.len() || n.len() < 7 {
        return false;
    }
    let mut diff = w.iter().zip(&n).filter(|(a, b)| !a.eq_ignore_ascii_case(b));
    let (Some((&a, &b)), None) = (diff.next(), diff.next()) else {
        return false;
    };
    match (key(a), key(b)) {
        (Some((ra, xa)), Some((rb, xb))) => {
            (ra == rb && (xa - xb).abs() == 4) || ((ra - rb).abs() == 1 && (xa - xb).abs() < 4)
        }
        _ => false,
    }
}

/// Is one of two one-word names surely a slip of the keys in the other?
/// A letter doubled or two swapped keep the letters a word uses; a letter
/// left out or slipped in is a slip only in a long word ("Morrocco",
/// "Connecitcut"): in a short one it is as often another name ("Genex" and
/// "Geonex" are two firms). A plural is its word's ("Dragons").
fn sure_slip(a: &str, b: &str) -> bool {
    let long = a.chars().count().min(b.chars().count()) >= 7;
    ((slip_of(a, b) || slip_of(b, a)) && (long || letters(a) == letters(b)))
        || key_slip_of(a, b)
        || plural_pair(a, b)
}

/// Is one of two words the other's plural in "s" ("Dragons")?
fn plural_pair(a: &str, b: &str) -> bool {
    let plural = |x: &str, y: &str| {
        x.strip_suffix('s')
            .is_some_and(|x| x.eq_ignore_ascii_case(y))
    };
    plural(a, b) || plural(b, a)
}

/// Ids by a word, made by sorting: a hash table of a million distinct
/// surnames took a third of a second to fill, a sort of them a tenth.
struct ByWord<'a> {
    /// Each distinct word with its hash and its ids' place in `ids`, in
    /// order of hash, then word.
    words: Vec<(u64, &'a str, u32, u32)>,
    /// Each word's ids, in increasing order.
    ids: Vec<usize>,
}

impl<'a> ByWord<'a> {
    fn hash(w: &str) -> u64 {
        use std::hash::BuildHasher;
        crate::fx::FxBuild::default().hash_one(w)
    }

    fn new(pairs: Vec<(&'a str, usize)>) -> ByWord<'a> {
        use rayon::prelude::*;
        let mut v: Vec<(u64, &str, usize)> = pairs
            .into_par_iter()
            .map(|(w, id)| (Self::hash(w), w, id))
            .collect();
        v.par_sort_unstable();
        let mut words: Vec<(u64, &str, u32, u32)> = Vec::new();
        let mut ids = Vec::with_capacity(v.len());
        for (h, w, id) in v {
            match words.last_mut() {
                Some(last) if last.0 == h && last.1 == w => last.3 += 1,
                _ => words.push((h, w, ids.len() as u32, ids.len() as u32 + 1)),
            }
            ids.push(id);
        }
        ByWord { words, ids }
    }

    fn get(&self, w: &str) -> Option<&[usize]> {
        let h = Self::hash(w);
        let from = self.words.partition_point(|x| x.0 < h);
        self.words[from..]
            .iter()
            .take_while(|x| x.0 == h)
            .find(|x| x.1 == w)
            .map(|x| &self.ids[x.2 as usize..x.3 as usize])
    }

    fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    fn par_iter(
        &self,
    ) -> impl rayon::iter::IndexedParallelIterator<Item = (&'a str, &[usize])> + '_ {
        use rayon::prelude::*;
        self.words
            .par_iter()
            .map(|x| (x.1, &self.ids[x.2 as usize..x.3 as usize]))
    }
}

/// What the corpus says of two names being one: an article names both, or
/// their articles name two other names in common that few articles name
/// (the same story). AOL's "Jonathan Miller" and the police's "John
/// Miller" share no story ("Los Angeles" is in many).
struct Vouch<'a, 'k> {
    key_tokens: &'a [smallvec::SmallVec<[&'k str; 4]>],
    key_articles: &'a [smallvec::SmallVec<[usize; 2]>],
    art_keys: &'a [Local],
    rare: usize,
}

impl<'a, 'k> Vouch<'a, 'k> {
    fn new(
        key_tokens: &'a [smallvec::SmallVec<[&'k str; 4]>],
        key_articles: &'a [smallvec::SmallVec<[usize; 2]>],
        art_keys: &'a [Local],
    ) -> Vouch<'a, 'k> {
        let rare = (art_keys.len() / 50).max(5);
        Vouch {
            key_tokens,
            key_articles,
            art_keys,
            rare,
        }
    }

    /// The names of two words or more an article of `k` names, but `a` and
    /// `b`, that few articles name.
    fn context(&self, k: usize, a: usize, b: usize) -> crate::fx::FxHashSet<usize> {
        self.context_of(&self.key_articles[k], a, b)
    }

    /// The same, of the articles `arts`.
    fn context_of(&self, arts: &[usize], a: usize, b: usize) -> crate::fx::FxHashSet<usize> {
        arts.iter()
            .take(30)
            .filter_map(|&art| self.art_keys.get(art))
            .flat_map(|l| l.0.iter().map(|x| x.0))
            .filter(|&x| {
                x != a
                    && x != b
                    && self.key_tokens[x].len() >= 2
                    && self.key_articles[x].len() <= self.rare
            })
            .collect()
    }

    /// Whether the corpus vouches for `a`, as the article `art` writes it,
    /// being `b`: that article names `b`, or its story is one of `b`'s.
    fn vouches_in(&self, art: usize, a: usize, b: usize) -> bool {
        self.vouched_by(&[art], a, b)
    }

    fn vouches(&self, a: usize, b: usize) -> bool {
        self.vouched_by(&self.key_articles[a], a, b)
    }

    /// Whether the articles `arts` (of `a`) vouch for `a` being `b`: one of
    /// them names `b`, or they name two rare names `b`'s articles name.
    fn vouched_by(&self, arts: &[usize], a: usize, b: usize) -> bool {
        arts.iter().any(|x| self.key_articles[b].contains(x)) || {
            let mine = self.context_of(arts, a, b);
            self.context(b, a, b)
                .iter()
                .filter(|x| mine.contains(x))
                .count()
                >= 2
        }
    }
}

/// A person named by a familiar first name is the one the corpus names by
/// its formal one with the same other words ("Bob Dole": Robert Dole; "Ted
/// Heath": Edward Heath), where the formal name is one person only and the
/// corpus vouches for it (`Vouch`), or the familiar name starts with the
/// formal one's letter and no other person of the corpus has the other
/// words ("Tom Enders", "Thomas Enders"). Billy Preston is no Robert
/// Preston by that alone.
fn familiar_first_names(
    keys: &[String],
    key_tokens: &[smallvec::SmallVec<[&str; 4]>],
    vouch: &Vouch,
    ty_of: &impl Fn(usize) -> EntityType,
    uf: &mut Uf,
) {
    let g = crate::nlp::gazetteer::Gazetteer::get();
    let person = |k: usize| key_tokens[k].len() >= 2 && ty_of(k) == EntityType::Person;
    let familiar: Vec<usize> = (0..keys.len())
        .filter(|&k| person(k) && g.formal_names(key_tokens[k][0]).next().is_some())
        .collect();
    if familiar.is_empty() {
        return;
    }
    // the persons by their key, and by their words after the first
    let mut by_key: HashMap<&str, usize> = HashMap::default();
    let mut by_rest: HashMap<&str, Vec<usize>> = HashMap::default();
    for k in (0..keys.len()).filter(|&k| person(k)) {
        by_key.insert(&keys[k], k);
        by_rest
            .entry(&keys[k][key_tokens[k][0].len()..])
            .or_default()
            .push(k);
    }
    let mut joins = Vec::new();
    for k in familiar {
        let t0 = key_tokens[k][0];
        let rest = &keys[k][t0.len()..];
        let found = g
            .formal_names(t0)
            .filter_map(|f| by_key.get(format!("{f}{rest}").as_str()).copied());
        let Some((root, c)) = uf.one_of(found) else {
            continue;
        };
        if root == uf.find(k) {
            continue;
        }
        // the familiar name starts as the formal one does ("Tom": Thomas,
        // not "Bob": Robert) and no other person of the corpus bears the
        // other words
        let cut_short = t0.get(..1).is_some_and(|p| key_tokens[c][0].starts_with(p));
        let mut alone = || {
            cut_short
                && by_rest
                    .get(rest)
                    .is_some_and(|ids| ids.iter().all(|&x| x == k || uf.find(x) == root))
        };
        if vouch.vouches(k, c) || alone() {
            joins.push((k, c));
        }
    }
    for (k, c) in joins {
        uf.union(k, c);
    }
}

/// A person's first name and surname are the one person the corpus names
/// with a middle name between them ("Benjamin Banky": Benjamin David Banky;
/// "Sandra O'Connor": Sandra Day O'Connor), where the corpus writes one
/// person only so and vouches for it (`Vouch`): Jerry Lewis is no Jerry
/// Lee Lewis by the name alone. A middle name is a first name or a usual
/// surname, never a part of a surname with a hyphen ("James Miller-Day").
fn middle_names(
    keys: &[String],
    key_tokens: &[smallvec::SmallVec<[&str; 4]>],
    vouch: &Vouch,
    ty_of: &impl Fn(usize) -> EntityType,
    uf: &mut Uf,
) {
    let g = crate::nlp::gazetteer::Gazetteer::get();
    let middle = |w: &str| {
        !an_initial(w)
            && (g.first_names.contains(w) || crate::nlp::entities::features::usual_surname(w))
    };
    let mut long: HashMap<String, Vec<usize>> = HashMap::default();
    for (k, t) in key_tokens.iter().enumerate() {
        if t.len() >= 3
            && ty_of(k) == EntityType::Person
            && !keys[k].contains('-')
            && g.first_names.contains(t[0])
            && t[1..t.len() - 1].iter().all(|w| middle(w))
        {
            long.entry(format!("{} {}", t[0], t[t.len() - 1]))
                .or_default()
                .push(k);
        }
    }
    if long.is_empty() {
        return;
    }
    let mut joins = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        if key_tokens[k].len() != 2 || ty_of(k) != EntityType::Person {
            continue;
        }
        let Some(cands) = long.get(key.as_str()) else {
            continue;
        };
        let Some((root, c)) = uf.one_of(cands.iter().copied()) else {
            continue;
        };
        if root != uf.find(k) && cands.iter().any(|&x| vouch.vouches(k, x)) {
            joins.push((k, c));
        }
    }
    for (k, c) in joins {
        uf.union(k, c);
    }
}

/// Links all mentions of the corpus.
pub fn link(items: &[Item]) -> Linked {
    // distinct name keys, with their type votes and article sets
    // the keys made on all cores, numbered in order of first use
    let (keys, item_key) = intern(items);
    let mut key_ty: Vec<[u32; 4]> = vec![[0; 4]; keys.len()];
    // the strongest evidence of each key's type
    let mut key_max: Vec<u8> = vec![0; keys.len()];
    // (most names are in one article or two: no allocation for those)
    let mut key_articles: Vec<smallvec::SmallVec<[usize; 2]>> =
        vec![Default::default(); keys.len()];
    for (it, &id) in items.iter().zip(&item_key) {
        key_ty[id][it.mention.ty as usize] += 1 + it.mention.evidence.strength() as u32;
        key_max[id] = key_max[id].max(it.mention.evidence.strength());
        if key_articles[id].last() != Some(&it.article) {
            key_articles[id].push(it.article);
        }
    }
    // each key's type: the most votes, the first type on a tie
    use rayon::prelude::*;
    let key_type: Vec<EntityType> = key_ty
        .par_iter()
        .map(|v| {
            EntityType::ALL
                .into_iter()
                .max_by_key(|&t| (v[t as usize], std::cmp::Reverse(t)))
                .unwrap_or(EntityType::Other)
        })
        .collect();
    let ty_of = |id: usize| key_type[id];
    let n = keys.len();
    let mut uf = Uf((0..n).collect());

    let key_tokens: Vec<smallvec::SmallVec<[&str; 4]>> =
        keys.par_iter().map(|k| tokens(k)).collect();
    let g = crate::nlp::gazetteer::Gazetteer::get();
    // the plural of another name the corpus uses ("Tories" beside "Tory"):
    // never a spelling variant of a surname ("Torres")
    let plural_of_name = {
        // the plurals of the one-word names ending in y, made once
        let plurals: crate::fx::FxHashSet<String> = keys
            .par_iter()
            .zip(&key_tokens)
            .filter(|(k, t)| t.len() == 1 && k.ends_with('y'))
            .map(|(k, _)| format!("{}ies", &k[..k.len() - 1]))
            .collect();
        move |k: &str| k.ends_with("ies") && plurals.contains(k)
    };
    // 2. spelling variants, compared within buckets of the same first letter
    // of one type; names of several words may differ in type where one of them
    // has no evidence but its form or context ("SAN Diego Chargers" in a headline)
    let weak = |id: usize| key_max[id] <= 1;
    let mut buckets: HashMap<(char, Option<EntityType>, usize), Vec<usize>> = HashMap::default();
    for (id, k) in keys.iter().enumerate() {
        let c = k.chars().next().unwrap_or(' ').to_ascii_lowercase();
        let n = key_tokens[id].len();
        let ty = (n == 1).then(|| ty_of(id));
        buckets.entry((c, ty, n)).or_default().push(id);
    }
    // the letters each key uses: two keys whose words differ by a spelling
    // variant differ in at most four of them (the other words are the same)
    let key_mask: Vec<u64> = key_tokens
        .par_iter()
        .map(|t| t.iter().fold(0, |m, w| m | letters(w)))
        .collect();
    // the buckets compared on all cores, the pairs joined after
    let pairs: Vec<(usize, usize, bool)> = {
        let mut all: Vec<Vec<usize>> = buckets.into_values().filter(|b| b.len() > 1).collect();
        all.par_iter_mut()
            .flat_map_iter(|ids| {
                let mut pairs = Vec::new();
                if ids.len() > 4000 {
                    return pairs;
                }
                // keys of close length only: sorted by length, a window of +2 bytes
                ids.sort_by_key(|&id| keys[id].len());
                for (i, &a) in ids.iter().enumerate() {
                    let ka = &keys[a];
                    // one-word names shorter than 5 letters are never spelling
                    // variants, nor is the plural of another name ("Tories" beside "Tory")
                    if key_tokens[a].len() == 1 && (ka.len() < 5 || plural_of_name(ka)) {
                        continue;
                    }
                    for &b in &ids[i + 1..] {
                        let kb = &keys[b];
                        if kb.len() > ka.len() + 2 {
                            break;
                        }
                        if (key_mask[a] ^ key_mask[b]).count_ones() > 4 {
                            continue;
                        }
                        if key_tokens[b].len() == 1 && plural_of_name(kb) {
                            continue;
                        }
                        // two names the tables know are two names ("France" and
                        // Franca, a city in Brazil); and a place the tables know
                        // has its spellings there: a near spelling of the
                        // corpus's joins it only as a slip of the keys (a letter
                        // left out or doubled, two swapped: "Morrocco",
                        // "Connecitcut"), not as another letter or an ending
                        // ("Franca", "Chino", "Marne", "Texans", "Ugandan")
                        if key_tokens[b].len() == 1 {
                            // a name that is an English word has no spelling
                            // variants but its slips and its plural ("Baker"
                            // and "Barber", "Royal" and "Riyal" are two
                            // names; "Morrocco", "Dragons" are Morocco's and
                            // Dragon's)
                            if (g.is_common(ka) || g.is_common(kb))
                                && !(slip_of(ka, kb) || slip_of(kb, ka))
                                && !plural_pair(ka, kb)
                            {
                                continue;
                            }
                            let place =
                                |k: &str| g.lookup(k).is_some_and(|(t, _)| t == EntityType::Place);
                            let (ka_known, kb_known) =
                                (g.lookup(ka).is_some(), g.lookup(kb).is_some());
                            if ka_known && kb_known {
                                continue;
                            }
                            let slip = match (place(ka), place(kb)) {
                                (true, false) => slip_of(kb, ka),
                                (false, true) => slip_of(ka, kb),
                                _ => true,
                            };
                            if !slip {
                                continue;
                            }
                        }
                        let typed_alike = ty_of(a) == ty_of(b) || weak(a) || weak(b);
                        if typed_alike && similar_tokens(&key_tokens[a], &key_tokens[b]) {
                            // a name of one word with another letter is
                            // another name but where the corpus vouches
                            // ("Genex" and "Gynex" are two firms)
                            let vouched = key_tokens[b].len() == 1 && !sure_slip(ka, kb);
                            pairs.push((a, b, vouched));
                        }
                    }
                }
                pairs
            })
            .collect()
    };
    // (the pairs the corpus must vouch for wait until it can: below)
    let mut to_vouch = Vec::new();
    for (a, b, vouched) in pairs {
        if vouched {
            to_vouch.push((a, b));
        } else {
            uf.union(a, b);
        }
    }

    // 2a. a middle initial is no other person: "Regina M. Benjamin" is the
    // "Regina Benjamin" the corpus writes elsewhere
    {
        let initial = an_initial;
        let person = |id: usize| ty_of(id) == EntityType::Person || weak(id);
        // the few names with initials inside, by their form without them;
        // then one pass over the names for those forms (no table of every
        // name: a corpus of a million names made one in a third of a second)
        let mut wanted: HashMap<String, Vec<usize>> = HashMap::default();
        for (id, t) in key_tokens.iter().enumerate() {
            let inner = t.len() >= 3 && t[1..t.len() - 1].iter().all(|w| initial(w));
            if !inner || initial(t[0]) || !person(id) {
                continue;
            }
            wanted
                .entry(format!("{} {}", t[0], t[t.len() - 1]))
                .or_default()
                .push(id);
        }
        if !wanted.is_empty() {
            for (other, k) in keys.iter().enumerate() {
                let t = &key_tokens[other];
                if t.len() != 2 || t.iter().any(|w| initial(w)) || !person(other) {
                    continue;
                }
                if let Some(ids) = wanted.get(k.as_str()) {
                    for &id in ids {
                        uf.union(id, other);
                    }
                }
            }
        }
    }

    // 2b. the name of a model written right after it is that model ("Boeing 787
    // Dreamliner", "the 787 'Dreamliner'")
    for (i, it) in items.iter().enumerate().skip(1) {
        let Some(gap) = it.gap else { continue };
        if !gap.starts_with(' ')
            || !gap
                .chars()
                .all(|c| matches!(c, ' ' | '"' | '“' | '\'' | '‘'))
        {
            continue;
        }
        let (pk, k) = (item_key[i - 1], item_key[i]);
        let (pt, t) = (&key_tokens[pk], &key_tokens[k]);
        // (other by the rules, or typed by the learned model alone: a guess)
        if t.len() == 1
            && (it.mention.ty == EntityType::Other
                || matches!(it.mention.evidence, Evidence::Model(_)))
            && !is_model_word(t[0])
            && pt.last().is_some_and(|w| is_model_word(w))
        {
            uf.union(pk, k);
        }
    }

    // 2c. one acronym defined by two spellings of one name in different
    // articles ("European Aeronautic Defence and Space Company (EADS)",
    // "European Aeronautic Defense & Space NV (EADS)"): one organization,
    // where the long forms share most of their words
    let mut defined: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, it) in items.iter().enumerate() {
        let t = it.text;
        if (2..=6).contains(&t.len())
            && t.bytes().all(|c| c.is_ascii_uppercase())
            && it
                .mention
                .canonical
                .as_deref()
                .is_some_and(|c| c.contains(' '))
            // a long form of two words or more that starts with the acronym's
            // letter ("Luxembourg SA (BIL)" is a name cut at a line end)
            && key_tokens[item_key[i]].len() >= 2
            && keys[item_key[i]].as_bytes().first() == t.as_bytes().first()
        {
            let ids = defined.entry(t).or_default();
            if !ids.contains(&item_key[i]) {
                ids.push(item_key[i]);
            }
        }
    }
    for ids in defined.values() {
        for (x, &a) in ids.iter().enumerate() {
            for &b in &ids[x + 1..] {
                if long_forms_alike(&key_tokens[a], &key_tokens[b]) {
                    uf.union(a, b);
                }
            }
        }
    }
    // a firm named with a possessive and its name without it ("Standard and
    // Poor's" and "Standard and Poor", as "Standard and Poor's said" reads):
    // names of two words or more, both bodies
    let key_id: HashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .filter(|&(k, _)| ty_of(k) == EntityType::Org && key_tokens[k].len() >= 2)
        .map(|(k, key)| (key.as_str(), k))
        .collect();
    let mut possessive: Vec<(usize, usize)> = key_id
        .iter()
        .filter_map(|(&key, &k)| Some((k, *key.strip_suffix("'s").and_then(|p| key_id.get(p))?)))
        .collect();
    possessive.sort_unstable();
    for (k, plain) in possessive {
        uf.union(k, plain);
    }
    // a surname of two words joins the one person of the corpus whose full
    // name ends with it ("Mr Kilroy-Silk": Robert Kilroy-Silk; "Bonham
    // Carter": Helena Bonham Carter): written with a hyphen, or its first
    // word no first name ("Duncan Smith" may be a Duncan), and the full name
    // starting with a first name or an initial
    {
        // (a first name, or an initial with its stop or without: "S Thompson")
        let first_name = |w: &str| g.first_names.contains(w) || an_initial(w);
        let mut full_by_last: HashMap<&str, smallvec::SmallVec<[usize; 2]>> = HashMap::default();
        for (c, t) in key_tokens.iter().enumerate() {
            if t.len() >= 3 && ty_of(c) == EntityType::Person && first_name(t[0]) {
                full_by_last.entry(t[t.len() - 1]).or_default().push(c);
            }
        }
        let mut joins: Vec<(usize, usize)> = Vec::new();
        for (k, t) in key_tokens.iter().enumerate() {
            if t.len() != 2
                || ty_of(k) != EntityType::Person
                || !keys[k].contains('-') && first_name(t[0])
            {
                continue;
            }
            let Some(cands) = full_by_last.get(t[1]) else {
                continue;
            };
            let ends = |c: &usize| key_tokens[*c].ends_with(t);
            if let Some((_, c)) = uf.one_of(cands.iter().copied().filter(ends)) {
                joins.push((k, c));
            }
        }
        for (k, c) in joins {
            uf.union(k, c);
        }
    }

    // the short forms to decide: once per article, form and kind (the items
    // come article by article: one small set each)
    let mut seen: crate::fx::FxHashSet<(usize, bool)> = Default::default();
    let strong = |it: &Item| {
        matches!(
            it.mention.evidence,
            Evidence::Alias | Evidence::Gazetteer | Evidence::Company
        ) && it.mention.ty != EntityType::Person
    };
    let mut todo: Vec<usize> = Vec::new();
    let mut from = 0;
    let mut firms: smallvec::SmallVec<[usize; 4]> = smallvec::SmallVec::new();
    let mut firm_first: smallvec::SmallVec<[&str; 4]> = smallvec::SmallVec::new();
    let mut firm_items: crate::fx::FxHashSet<usize> = Default::default();
    for article in items.chunk_by(|a, b| a.article == b.article) {
        seen.clear();
        // a name the article writes with a firm's suffix ("Salomon Inc") is
        // the firm there: no person's surname, in any of its spellings; and
        // so is the first word of a firm's name it writes ("Salomon" beside
        // "Salomon Brothers Inc", "Salomon Brothers")
        firms.clear();
        firm_first.clear();
        for (i, it) in (from..).zip(article) {
            let mut words = it.text.split_whitespace();
            let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
                continue;
            };
            let last = last.trim_end_matches('.');
            let suffix = g.company_ends.contains(last);
            if suffix && key_tokens[item_key[i]].len() == 1 {
                firms.push(item_key[i]);
            }
            if it.mention.ty != EntityType::Person
                && (suffix || crate::nlp::entities::PARTNERSHIP_WORDS.contains(&last))
            {
                firm_first.push(first);
            }
        }
        for (i, it) in (from..).zip(article) {
            let k = item_key[i];
            let strong_non_person = strong(it);
            // a name the tables give is only ever a surname of the article's person
            if key_tokens[k].len() == 1
                && (it.mention.canonical.is_none() || strong_non_person)
                && seen.insert((k, strong_non_person))
            {
                todo.push(i);
                if firms.contains(&k) || firm_first.contains(&keys[k].as_str()) {
                    firm_items.insert(i);
                }
            }
        }
        from += article.len();
    }
    drop(seen);
    // the tables below serve the short forms only, and keep only what they
    // look up: their words, and the sizes of the words that may be a
    // surname's variant spelling
    let mut needed: Vec<usize> = todo.iter().map(|&i| item_key[i]).collect();
    needed.sort_unstable();
    needed.dedup();
    let asked_words: crate::fx::FxHashSet<&str> =
        needed.iter().map(|&k| key_tokens[k][0]).collect();
    let asked_keys: crate::fx::FxHashSet<&str> = needed.iter().map(|&k| keys[k].as_str()).collect();
    // (a usual surname or a first name is a name of its own, no slip of
    // another's: "Mellon" is not James Melton, nor "Slater" David Slager)
    let may_vary = |w: &str| {
        w.len() >= 6
            && !g.is_common(w)
            && !plural_of_name(w)
            && !crate::nlp::entities::features::usual_surname(w)
            && !g.first_names.contains(w)
    };
    // the letters of the words that may be a surname's variant, by the
    // first letter and the sizes a variant may have: a surname is kept
    // where it may be one (two edits change at most four letters of the
    // set, as the variants' search below asks)
    let mut vary_masks: HashMap<(char, usize), Vec<u64>> = HashMap::default();
    for w in asked_words.iter().filter(|w| may_vary(w)) {
        let (first, mask) = (w.chars().next().unwrap_or(' '), letters(w));
        for n in w.len().saturating_sub(2)..=w.len() + 2 {
            vary_masks.entry((first, n)).or_default().push(mask);
        }
    }
    let asked = |last: &str| {
        asked_words.contains(last)
            || vary_masks
                .get(&(last.chars().next().unwrap_or(' '), last.len()))
                .is_some_and(|ms| {
                    let l = letters(last);
                    ms.iter().any(|m| (m ^ l).count_ones() <= 4)
                })
    };
    // 3a. surname -> full person names, with the number of articles using them
    // (one person of a surname needs no allocation)
    let by_last = ByWord::new(
        key_tokens
            .par_iter()
            .enumerate()
            .filter(|&(id, t)| {
                t.len() >= 2 && ty_of(id) == EntityType::Person && asked(t[t.len() - 1])
            })
            .map(|(id, t)| (t[t.len() - 1], id))
            .collect(),
    );
    // surnames by first letter and length, for their variant spellings
    // (with the set of letters each uses, to rule most out at once)
    // (made on all cores: sorted by first letter and length, each group a
    // range of the sorted list, in the surnames' order)
    type Surname<'a> = ((char, usize), (&'a str, &'a [usize], u64));
    let mut surnames: Vec<Surname> = by_last
        .par_iter()
        .filter_map(|(last, ids)| {
            let c = last.chars().next()?;
            Some(((c, last.len()), (last, ids, letters(last))))
        })
        .collect();
    surnames.par_sort_by_key(|x| x.0);
    let mut by_last_initial: HashMap<(char, usize), std::ops::Range<usize>> = HashMap::default();
    for (i, (k, _)) in surnames.iter().enumerate() {
        by_last_initial.entry(*k).or_insert(i..i).end = i + 1;
    }
    // 3e. a first name alone -> the full names of people it starts
    // ("Steve" -> "Steve Jobs"), for the first names asked about
    let by_first = ByWord::new(
        key_tokens
            .par_iter()
            .enumerate()
            .filter(|&(id, t)| {
                t.len() >= 2
                    && ty_of(id) == EntityType::Person
                    && asked_words.contains(t[0])
                    && g.first_names.contains(t[0])
            })
            .map(|(id, t)| (t[0], id))
            .collect(),
    );
    // 3f. a firm's owner alone -> the firm's name it starts with a
    // possessive ("Moody" of "Moody's said" -> "Moody's Investors Service")
    let by_owner = ByWord::new(
        key_tokens
            .par_iter()
            .enumerate()
            .filter(|&(id, t)| t.len() >= 2 && ty_of(id) == EntityType::Org)
            .filter_map(|(id, t)| {
                let owner = t[0].strip_suffix("'s")?;
                asked_words.contains(owner).then_some((owner, id))
            })
            .collect(),
    );
    // 3b. acronyms -> multiword names with those initials
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    let with_initials: Vec<(String, usize)> = key_tokens
        .par_iter()
        .enumerate()
        .filter(|&(id, t)| {
            !asked_keys.is_empty()
                && t.len() >= 2
                && matches!(ty_of(id), EntityType::Org | EntityType::Other)
        })
        .filter_map(|(id, t)| {
            // (initials written together are one each: "E.F. Hutton", EFH)
            let dotted = |w: &&str| {
                w.len() >= 4
                    && w.ends_with('.')
                    && w.bytes().all(|c| c == b'.' || c.is_ascii_uppercase())
            };
            let ini: String = t
                .iter()
                .flat_map(|w| {
                    let all = if dotted(w) { w.len() } else { 1 };
                    w.chars().filter(|c| c.is_uppercase()).take(all)
                })
                .collect();
            asked_keys.contains(ini.as_str()).then_some((ini, id))
        })
        .collect();
    for (ini, id) in with_initials {
        by_initials.entry(ini).or_default().push(id);
    }
    // and the long forms an article defined an acronym by ("... NV (EADS)")
    for (acr, ids) in &defined {
        let c = by_initials.entry(acr.to_string()).or_default();
        for &id in ids {
            if !c.contains(&id) {
                c.push(id);
            }
        }
    }
    // 3c. heads of organization and product names: the last word of a product or
    // team ("Airbus A380", "San Diego Chargers"), the first of a company ("Northrop
    // Grumman")
    let mut by_head: HashMap<&str, Vec<usize>> = HashMap::default();
    let heads: Vec<(&str, usize)> = key_tokens
        .par_iter()
        .enumerate()
        .filter(|(_, t)| {
            !asked_words.is_empty()
                && t.len() >= 2
                && !t
                    .iter()
                    .any(|w| w.chars().any(|c| !c.is_alphanumeric() && c != '.'))
        })
        .flat_map_iter(|(id, t)| {
            let has_digit = |w: &str| w.chars().any(|c| c.is_ascii_digit());
            let last = t[t.len() - 1];
            // (a firm's own last word too, where it is no English word nor
            // a body's: "Kodak" of "Eastman Kodak"; not "Chemical")
            let own_last =
                |w: &str| !has_digit(w) && !g.is_common(w) && !g.is_org_word_or_plural(w);
            let (a, b) = match ty_of(id) {
                EntityType::Other => (Some(last), None),
                EntityType::Org => (
                    (!has_digit(last) && last.ends_with('s') || t.len() == 2 && own_last(last))
                        .then_some(last),
                    (t.len() == 2 && !t.iter().any(|w| has_digit(w))).then_some(t[0]),
                ),
                _ => (None, None),
            };
            a.into_iter()
                .chain(b)
                .filter(|w| asked_words.contains(w))
                .map(move |w| (w, id))
        })
        .collect();
    for (w, id) in heads {
        by_head.entry(w).or_default().push(id);
    }
    // per article: the keys it uses
    let n_articles = items.iter().map(|it| it.article + 1).max().unwrap_or(0);
    let mut art_keys: Vec<Local> = (0..n_articles).map(|_| Local::default()).collect();
    for (i, it) in items.iter().enumerate() {
        art_keys[it.article].0.push((item_key[i], 1));
    }
    art_keys.par_iter_mut().for_each(|l| {
        // (a long article's keys sorted on all cores too)
        if l.0.len() > 1 << 16 {
            l.0.par_sort_unstable();
        } else {
            l.0.sort_unstable();
        }
        l.0.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += b.1;
            }
            same
        });
    });
    let vouch = Vouch::new(&key_tokens, &key_articles, &art_keys);
    for (a, b) in to_vouch {
        if vouch.vouches(a, b) {
            uf.union(a, b);
        }
    }
    familiar_first_names(&keys, &key_tokens, &vouch, &ty_of, &mut uf);
    middle_names(&keys, &key_tokens, &vouch, &ty_of, &mut uf);
    // the joins so far, fixed: the short forms below only read them
    let roots: Vec<usize> = (0..n).map(|x| uf.find(x)).collect();
    // variant spellings of surnames, and whether a head is always written with
    // its long form, once per key (on all cores)
    let variant_cands: HashMap<usize, Vec<usize>> = needed
        .par_iter()
        .filter(|&&k| {
            let w = key_tokens[k][0];
            // a common word is no misspelt surname, nor is the plural of a
            // name ("Tories" is not Torres)
            !by_last.contains_key(w) && may_vary(w)
        })
        .map(|&k| {
            let w = key_tokens[k][0];
            let first = w.chars().next().unwrap_or(' ');
            let n = w.len();
            let mask = letters(w);
            // two edits at most change four letters of the set
            let c: Vec<usize> = (n.saturating_sub(2)..=n + 2)
                .filter_map(|len| by_last_initial.get(&(first, len)))
                .flat_map(|r| surnames[r.clone()].iter().map(|x| &x.1))
                .filter(|(last, _, m)| (m ^ mask).count_ones() <= 4 && similar_word(last, w))
                .flat_map(|(_, ids, _)| ids.iter().copied())
                .collect();
            (k, c)
        })
        .collect();
    let head_dependent: HashMap<usize, bool> = needed
        .par_iter()
        .filter_map(|&k| {
            let c = by_head.get(key_tokens[k][0])?;
            let dep = key_articles[k]
                .iter()
                .all(|a| c.iter().any(|&x| art_keys[*a].contains(x)));
            Some((k, dep))
        })
        .collect();
    // the long forms an acronym of three letters or more stands for in
    // articles that do not write them, once per acronym: one an article
    // defines the acronym by ("Commodity Futures Trading Commission
    // (CFTC)") or writes beside it ("the National Football League ... the
    // NFL"), or one whose articles name two of the names an article of the
    // acronym names that few articles name (the same story: the teams and
    // players beside "National Football League" and "NFL"). Initials alike
    // are chance: "NHS" is no "Norfolk High School", "ABC" no "Aldridge
    // Browhills Conservatives".
    let rare = (n_articles / 50).max(5);
    let acronym_known: HashMap<usize, Vec<usize>> = needed
        .par_iter()
        .filter(|&&k| keys[k].len() > 2)
        .filter_map(|&k| {
            let c = by_initials.get(keys[k].as_str())?;
            let defined_as = |x: usize| {
                defined
                    .get(keys[k].as_str())
                    .is_some_and(|d| d.contains(&x))
            };
            let beside = |x: usize| key_articles[k].iter().any(|&a| art_keys[a].contains(x));
            let story = |x: usize| {
                key_articles[k].iter().take(30).any(|&ak| {
                    let mut seen: crate::fx::FxHashSet<usize> = Default::default();
                    for &a in key_articles[x].iter().filter(|&&a| a != ak).take(30) {
                        for &(kk, _) in &art_keys[a].0 {
                            if kk != k
                                && roots[kk] != roots[x]
                                && key_articles[kk].len() <= rare
                                && art_keys[ak].contains(kk)
                            {
                                seen.insert(roots[kk]);
                            }
                        }
                    }
                    seen.len() >= 2
                })
            };
            let known: Vec<usize> = c
                .iter()
                .copied()
                .filter(|&x| defined_as(x) || beside(x) || story(x))
                .collect();
            (!known.is_empty()).then_some((k, known))
        })
        .collect();
    let decide = |i: usize| -> Option<usize> {
        let it = &items[i];
        let k = item_key[i];
        let key = &keys[k];
        let t = &key_tokens[k];
        let strong_non_person = strong(it);
        let local = &art_keys[it.article];
        let pick = |cands: &[usize]| -> Option<usize> {
            let best = |c: &usize| {
                (
                    key_articles[*c].len(),
                    local.count(*c),
                    std::cmp::Reverse(*c),
                )
            };
            cands
                .iter()
                .filter(|&&c| local.contains(c))
                .max_by_key(|c| best(c))
                .or_else(|| cands.iter().max_by_key(|c| best(c)))
                .copied()
        };
        // a short form no full name of its article explains, with full names
        // of two or more people in the corpus ("Bush": George W. or Reggie):
        // the one whose other articles name most of what this one names,
        // else no one (a wrong merge costs more than a split)
        // (`spelt`: the candidates spell the surname otherwise; then only
        // the article's own or the same story's vouch, never the corpus's
        // one person so named: "Belsen" is no Serge Betsen, "Scunthorpe" no
        // Paul Sculthorpe)
        let by_context = |cands: &[usize], spelt: bool| -> Option<usize> {
            if spelt {
                let vouched: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&x| local.contains(x) || vouch.vouches_in(it.article, k, x))
                    .collect();
                let one = vouched.iter().all(|&x| roots[x] == roots[vouched[0]]);
                return (!vouched.is_empty() && one)
                    .then(|| pick(&vouched))
                    .flatten();
            }
            let one = cands.iter().all(|&x| roots[x] == roots[cands[0]]);
            if one || cands.iter().any(|&x| local.contains(x)) {
                return pick(cands);
            }
            let shared = |c: usize| -> usize {
                let mut seen: crate::fx::FxHashSet<usize> = Default::default();
                for &a in key_articles[c]
                    .iter()
                    .filter(|&&a| a != it.article)
                    .take(30)
                {
                    for &(kk, _) in &art_keys[a].0 {
                        if kk != k && roots[kk] != roots[c] && local.contains(kk) {
                            seen.insert(roots[kk]);
                        }
                    }
                }
                seen.len()
            };
            let mut scored: Vec<(usize, usize)> = cands.iter().map(|&c| (shared(c), c)).collect();
            scored.sort_by_key(|&(n, c)| {
                (
                    std::cmp::Reverse(n),
                    std::cmp::Reverse(key_articles[c].len()),
                    c,
                )
            });
            let (best, c) = scored[0];
            let rival = scored
                .iter()
                .find(|&&(_, x)| roots[x] != roots[c])
                .map_or(0, |&(n, _)| n);
            if best > rival {
                return Some(c);
            }
            // no context tells them apart: the person the corpus names ten
            // times as often as any other of the name ("Reagan": Ronald, not
            // Nancy), else no one
            let arts = |x: usize| key_articles[x].len();
            let top = *cands
                .iter()
                .max_by_key(|&&x| (arts(x), std::cmp::Reverse(x)))?;
            let other = cands
                .iter()
                .filter(|&&x| roots[x] != roots[top])
                .map(|&x| arts(x))
                .max()
                .unwrap_or(0);
            (arts(top) >= 10 * other.max(1)).then_some(top)
        };
        let mut surname_of_some = false;
        if strong_non_person {
            // "Jackson" in an article about Jamal Jackson is not the city
            // (a person whose name does not start with a known name: not
            // "BBC Wales" for Wales)
            if let Some(c) = by_last.get(t[0]) {
                if let Some(&c) = c
                    .iter()
                    .find(|&&c| local.contains(c) && g.lookup(key_tokens[c][0]).is_none())
                {
                    return Some(c);
                }
            }
            if it.mention.canonical.is_some() {
                return None;
            }
        } else {
            // a surname, or a variant spelling of one
            let exact = by_last.get(t[0]);
            // (a slip of the keys is the surname: "Daveport", "Schnectady")
            let spelt = exact.is_none()
                && !variant_cands.get(&k).is_some_and(|c| {
                    c.iter().all(|&x| {
                        let last = key_tokens[x][key_tokens[x].len() - 1];
                        slip_of(t[0], last) || key_slip_of(t[0], last)
                    })
                });
            let cands = exact.or_else(|| variant_cands.get(&k).map(|c| c.as_slice()));
            if let Some(c) = cands.filter(|c| !c.is_empty()) {
                // "the West" is the surname of the article's person, or of one
                // the corpus names often ("North": Oliver North), not of any
                if crate::nlp::entities::is_compass_point(key) {
                    let known: Vec<usize> = c
                        .iter()
                        .copied()
                        .filter(|&x| local.contains(x) || key_articles[x].len() >= 3)
                        .collect();
                    return (!known.is_empty()).then(|| pick(&known)).flatten();
                }
                // a short form the corpus mostly types as no person, that is a
                // common word or starts a body's or a product's name ("the
                // bank Chase", beside "Chase Manhattan"), is the surname of a
                // person named elsewhere only if the corpus names that person
                // often (not BP's "Treasurer Rodney Chase", written once)
                let other_use = || g.is_common(t[0]) || by_head.contains_key(t[0]);
                if ty_of(k) != EntityType::Person
                    && !c.iter().any(|&x| local.contains(x))
                    && other_use()
                {
                    let known: Vec<usize> = c
                        .iter()
                        .copied()
                        .filter(|&x| key_articles[x].len() >= 3)
                        .collect();
                    if !known.is_empty() {
                        let found = by_context(&known, spelt);
                        // (a spelling the corpus does not vouch for may
                        // still be a body's short name, below)
                        if found.is_some() || !spelt {
                            return found;
                        }
                    }
                    // (then it may be a body's or a team's short name, below,
                    // not an acronym's: it named someone)
                    surname_of_some = true;
                } else {
                    let found = by_context(c, spelt);
                    if found.is_some() || !spelt {
                        return found;
                    }
                }
            }
        }
        // "Chargers" -> "San Diego Chargers", "A380" -> "Airbus A380", "Northrop" ->
        // "Northrop Grumman": where every article using the short form has a long one
        // (a company's name is not the head of its products: "Boeing" is not the "Boeing 737")
        if let Some(c) = by_head.get(t[0]) {
            // the long forms are spellings of one entity
            let one_entity = |pool: &[usize]| pool.iter().all(|&x| roots[x] == roots[pool[0]]);
            let in_article: Vec<usize> = c.iter().copied().filter(|&x| local.contains(x)).collect();
            let dependent = head_dependent.get(&k).copied().unwrap_or(false);
            if dependent && !strong_non_person && !in_article.is_empty() {
                return pick(&in_article);
            }
            // a firm's own word alone, typed a person, that is no first name
            // and no person of the corpus is named by, in an article that
            // names the one firm so
            // ("Westinghouse said" beside "Westinghouse Electric Corp",
            // "Kodak" beside "Eastman Kodak Co"), is that firm there (a
            // name typed a body or a product is one of its own: "Apple"
            // beside "Apple Corps", "iPod" beside "iPod Software")
            let firm = |x: usize| ty_of(x) == EntityType::Org && key_tokens[x].len() == 2;
            if !strong_non_person
                && ty_of(k) == EntityType::Person
                && !g.first_names.contains(t[0])
                && !in_article.is_empty()
                && in_article.iter().all(|&x| firm(x))
                && one_entity(&in_article)
                && by_last.get(t[0]).is_none()
            {
                return pick(&in_article);
            }
            // a model designation ("A380", "777-200") is the product of the one
            // maker the corpus pairs it with, in any article
            if !strong_non_person && is_model_word(t[0]) {
                let pool = if in_article.is_empty() {
                    c
                } else {
                    &in_article
                };
                if one_entity(pool) {
                    return pick(pool);
                }
            }
            // "Chargers" -> "San Diego Chargers": a team's nickname, which the
            // corpus gives one team of a place, is that team in any article
            if !strong_non_person && ty_of(k) == EntityType::Org {
                let team = |x: usize| {
                    let tk = &key_tokens[x];
                    tk.len() >= 2
                        && tk[tk.len() - 1] == t[0]
                        && g.is_place(&tk[..tk.len() - 1].join(" "))
                };
                // (its spellings are one: "SAN Diego Chargers" in a headline)
                if one_entity(c) && c.iter().any(|&x| team(x)) {
                    return pick(c);
                }
            }
        }
        // a first name alone is the one person of its article whose full
        // name it starts ("Steve" beside "Steve Jobs"), not one of two
        // ("Donald" beside "Donald Trump" and "Donald Trump Jr"), and never
        // a person named only in other articles
        // (the candidates of its article, where they are one entity)
        let one_of_article = |c: &[usize]| -> Option<usize> {
            let here: Vec<usize> = c.iter().copied().filter(|&x| local.contains(x)).collect();
            (!here.is_empty() && here.iter().all(|&x| roots[x] == roots[here[0]]))
                .then(|| pick(&here))
                .flatten()
        };
        if !strong_non_person && ty_of(k) == EntityType::Person && g.first_names.contains(t[0]) {
            if let Some(x) = by_first.get(t[0]).and_then(one_of_article) {
                return Some(x);
            }
        }
        // the owner of the one firm of its article named with a possessive
        // ("Moody's said" beside "Moody's Investors Service Inc")
        if let Some(x) = by_owner.get(t[0]).and_then(one_of_article) {
            return Some(x);
        }
        if !surname_of_some
            && key.chars().filter(|c| c.is_uppercase()).count()
                == key.chars().filter(|c| c.is_alphabetic()).count()
            && key.len() >= 2
        {
            if let Some(c) = by_initials.get(key.as_str()) {
                // the long form of its own article; from another article,
                // one with evidence (`acronym_known`), and never for two
                // letters, which stand for too many names ("ID", "CL")
                let here: Vec<usize> = c.iter().copied().filter(|&x| local.contains(x)).collect();
                if !here.is_empty() {
                    return pick(&here);
                }
                if let Some(known) = acronym_known.get(&k) {
                    return pick(known);
                }
            }
        }
        None
    };
    let decisions: Vec<Option<usize>> = todo.par_iter().map(|&i| decide(i)).collect();
    let mut target_of_item: Vec<Option<usize>> = vec![None; items.len()];
    for (&i, d) in todo.iter().zip(decisions) {
        // (a firm written so joins no person's full name: "Salomon Inc"
        // is not Robert Salomon)
        target_of_item[i] = d.filter(|&c| {
            !(firm_items.contains(&i)
                && ty_of(c) == EntityType::Person
                && key_tokens[c].len() >= 2
                && g.first_names.contains(key_tokens[c][0]))
        });
    }
    // 3d. a body's name without its country: "the Air Force" in an article
    // that writes "the US Air Force", "Congress" in a corpus whose only such
    // longer name is "United States Congress": the one longer body's name of
    // the article that ends with it, else the one of the corpus, where the
    // words before are a place or a people ("Royal Air Force" is no such
    // name; with two, "US Air Force" and "UAE Air Force", it stays apart)
    // (the longer names by the name they end with, each with whether a place,
    // not a people, is before it: "Catholic Church", "French Academy" are no
    // church and academy of the whole corpus)
    // (only the names that are also written alone are asked: a body's name
    // by its words, borrowed)
    let org_key: HashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .filter(|&(k, _)| ty_of(k) == EntityType::Org)
        .map(|(k, s)| (s.as_str(), k))
        .collect();
    let mut of_place: HashMap<usize, smallvec::SmallVec<[(usize, bool); 2]>> = HashMap::default();
    let mut buf = String::new();
    for (l, lt) in key_tokens.iter().enumerate() {
        if lt.len() < 2 || ty_of(l) != EntityType::Org {
            continue;
        }
        for cut in 1..lt.len() {
            buf.clear();
            for (j, w) in lt[cut..].iter().enumerate() {
                if j > 0 {
                    buf.push(' ');
                }
                buf.push_str(w);
            }
            let Some(&short) = org_key.get(buf.as_str()) else {
                continue;
            };
            let prefix = lt[..cut].join(" ");
            let place = g.is_place(&prefix);
            if place || g.demonyms.contains(prefix.as_str()) {
                let e = of_place.entry(short).or_default();
                let r = uf.find(l);
                if !e.iter().any(|&(x, _)| uf.find(x) == r) {
                    e.push((l, place));
                }
            }
        }
    }
    if !of_place.is_empty() {
        // (per article: its keys, and each short name's word once)
        let mut keys_here: crate::fx::FxHashSet<usize> = Default::default();
        let mut chosen: HashMap<usize, Option<usize>> = HashMap::default();
        let mut from = 0;
        for article in items.chunk_by(|a, b| a.article == b.article) {
            let here = from..from + article.len();
            from += article.len();
            if !item_key[here.clone()]
                .iter()
                .any(|k| of_place.contains_key(k))
            {
                continue;
            }
            keys_here.clear();
            keys_here.extend(item_key[here.clone()].iter().copied());
            chosen.clear();
            for i in here {
                let k = item_key[i];
                if target_of_item[i].is_some() {
                    continue;
                }
                let Some(c) = of_place.get(&k) else {
                    continue;
                };
                let pick = *chosen.entry(k).or_insert_with(|| {
                    let mut in_article =
                        c.iter().map(|&(l, _)| l).filter(|l| keys_here.contains(l));
                    // (the corpus's one only where no longer name of the
                    // article ends so: "Air Force" beside "Royal Air Force"
                    // is that one)
                    let t = &key_tokens[k];
                    let own_longer = || {
                        keys_here.iter().any(|&o| {
                            let ot = &key_tokens[o];
                            ot.len() > t.len() && ot.ends_with(t)
                        })
                    };
                    let pick = match (in_article.next(), in_article.next(), &c[..]) {
                        (Some(l), None, _) => Some(l),
                        (None, _, &[(l, true)]) if !own_longer() => Some(l),
                        _ => None,
                    };
                    pick.filter(|&l| uf.find(l) != uf.find(k))
                });
                target_of_item[i] = pick;
            }
        }
    }
    // a short form names one entity per article: all its mentions there go
    // the same way (the items come article by article: one small table each)
    let mut decided: HashMap<usize, usize> = HashMap::default();
    // clusters: union-find over keys for variants; short forms map per item;
    // numbered in order of first use
    let mut root_num: Vec<u32> = vec![u32::MAX; n];
    let mut clusters = 0u32;
    let mut cluster_of = Vec::with_capacity(items.len());
    for article in items.chunk_by(|a, b| a.article == b.article) {
        let from = cluster_of.len();
        decided.clear();
        let keys_here = &item_key[from..from + article.len()];
        for (&k, t) in keys_here.iter().zip(&target_of_item[from..]) {
            if let Some(t) = *t {
                decided.entry(k).or_insert(t);
            }
        }
        for &key in keys_here {
            let k = decided.get(&key).copied().unwrap_or(key);
            let r = uf.find(k);
            if root_num[r] == u32::MAX {
                root_num[r] = clusters;
                clusters += 1;
            }
            cluster_of.push(root_num[r] as usize);
        }
    }
    // the words borrow the keys
    drop(key_tokens);
    Linked {
        clusters: clusters as usize,
        cluster_of,
        keys,
        item_key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Evidence;

    /// One mention each of `texts`, in the articles `arts` says.
    fn in_articles<'a>(m: &'a Mention, texts: &[&'a str], arts: &[usize]) -> Vec<Item<'a>> {
        texts
            .iter()
            .zip(arts)
            .map(|(t, &a)| Item {
                article: a,
                mention: m,
                text: t,
                gap: None,
            })
            .collect()
    }

    fn m(ty: EntityType, canonical: Option<&str>) -> Mention {
        Mention {
            range: 0..0,
            ty,
            evidence: Evidence::Default,
            canonical: canonical.map(str::to_string),
        }
    }

    #[test]
    fn edits_as_levenshtein_without_case() {
        for (a, b) in [
            ("Zelenskyy", "Zelenskiy"),
            ("Vladmir", "Vladimir"),
            ("kitten", "sitting"),
            ("Trump", "TRUMP"),
            ("aa", "aaa"),
            ("", "abc"),
            ("Kyiv", "Київ"),
            ("abcdef", "abXdeY"),
        ] {
            let want = strsim::levenshtein(&a.to_lowercase(), &b.to_lowercase());
            assert_eq!(edits(a, b, true), want, "{a} {b}");
            assert_eq!(edits(a, b, false), strsim::levenshtein(a, b), "{a} {b}");
        }
    }

    #[test]
    fn spelling_rules() {
        assert!(similar_word("Zelenskyy", "Zelenskiy"));
        assert!(!similar_word("Trump", "Tramp"));
        assert!(similar_name("Vladmir Putin", "Vladimir Putin"));
        assert!(!similar_name("Melania Trump", "Donald Trump"));
        assert!(!similar_name("John Smith", "Jane Smith"));
        assert!(similar_name("SAN Diego Chargers", "San Diego Chargers"));
        assert!(similar_name("Duncan Rait", "Duncan Raite"));
        // the letter-set filter never rules out a true variant
        for (a, b) in [
            ("Zelenskyy", "Zelenskiy"),
            ("Vladmir", "Vladimir"),
            ("Gorbachev", "Gorbatschow"),
        ] {
            let d = edits(a, b, true);
            assert!(
                (letters(a) ^ letters(b)).count_ones() as usize <= 2 * d,
                "{a} {b}"
            );
        }
        assert!(!similar_name("John Bush", "John Rush"));
        assert!(!similar_name("Airbus A380", "Airbus A350"));
        let o = m(EntityType::Org, None);
        let l = link(&items(
            &[o.clone(), o.clone(), o],
            &["SAN Diego Chargers", "San Diego Chargers", "Chargers"],
            &[0, 1, 1],
        ));
        assert_eq!(l.cluster_of[0], l.cluster_of[1], "headline capitals");
        assert_eq!(l.cluster_of[1], l.cluster_of[2]);
        let place = m(EntityType::Place, None);
        assert_eq!(name_key(&place, "Mt. Cook"), "Mount Cook");
        assert_eq!(name_key(&place, "The Hague"), "The Hague");
        let o = m(EntityType::Org, None);
        assert_eq!(name_key(&o, "The Boeing Company"), "Boeing");
        let defined = m(EntityType::Org, Some("Boeing Co"));
        assert_eq!(name_key(&defined, "BA"), "Boeing");
        // a country's abbreviation before a body's words is the country;
        // a place's other name is another name's word
        assert_eq!(name_key(&o, "US Air Force"), name_key(&o, "U.S. Air Force"));
        assert!(name_key(&o, "US Air Force").starts_with("United States"));
        assert_eq!(name_key(&o, "Hang Seng Bank"), "Hang Seng Bank");
        assert_eq!(name_key(&o, "Bombay Palace"), "Bombay Palace");
        // initials written with a space or without: one name
        let p = m(EntityType::Person, None);
        assert_eq!(name_key(&p, "A. J. Smith"), name_key(&p, "A.J. Smith"));
        assert_eq!(name_key(&p, "J. R. R. Tolkien"), "J.R.R. Tolkien");
        assert_eq!(name_key(&p, "George W. Bush"), "George W. Bush");
        // "&" is "and": "Pratt & Whitney" is "Pratt and Whitney"
        assert_eq!(
            name_key(&o, "Pratt & Whitney"),
            name_key(&o, "Pratt and Whitney")
        );
        // a possessive one space from its word, as text split into tokens writes it
        assert_eq!(
            name_key(&place, "People 's Republic of China"),
            name_key(&place, "People's Republic of China")
        );
        // and an acronym reads each of them: JPI is J.P. Industries
        let l = link(&items(
            &[o.clone(), o.clone()],
            &["J.P. Industries", "JPI"],
            &[0, 0],
        ));
        assert_eq!(l.cluster_of[0], l.cluster_of[1], "dotted initials");
    }

    #[test]
    fn surnames_join_the_likeliest_full_name() {
        let p = m(EntityType::Person, None);
        let texts = [
            "Donald Trump",
            "Melania Trump",
            "Trump",
            "Donald Trump",
            "Trump",
            "Zelenskiy",
            "Volodymyr Zelenskyy",
            "Zelenskiy",
            "Steve Witkoff",
            "Kirill Dmitriev",
            "Steve Witkoff",
            "Kirill Dmitriev",
        ];
        let arts = [0, 0, 0, 1, 2, 2, 3, 4, 4, 4, 3, 3];
        let items = in_articles(&p, &texts, &arts);
        let l = link(&items);
        let c = &l.cluster_of;
        assert_eq!(c[0], c[2], "Trump in article 0 is Donald");
        assert_ne!(c[1], c[2], "not Melania");
        // article 2 names no Trump in full and nothing else: no evidence
        // between Donald (2 articles) and Melania (1), so its own
        assert_ne!(c[3], c[4]);
        assert_ne!(c[1], c[4]);
        // a variant spelling of a surname joins a full name of another
        // article only where the corpus vouches: the same story (two rare
        // names in common), not the corpus's one person so named
        assert_ne!(c[5], c[6], "no evidence");
        assert_eq!(c[7], c[6], "variant surname joins the full name");
    }

    /// A surname of two words, hyphenated or starting with no first name,
    /// joins the one full name of the corpus that ends with it; an initial
    /// and a surname, or a first name and a surname, is a name of its own.
    #[test]
    fn a_double_surname_joins_the_one_full_name_ending_with_it() {
        let p = m(EntityType::Person, None);
        let texts = [
            "Robert Kilroy-Silk",
            "Kilroy-Silk",
            "Anibal Cavaco Silva",
            "Cavaco Silva",
            "Hunter S Thompson",
            "S Thompson",
            "Iain Duncan Smith",
            "Duncan Smith",
            "Maria Vargas Llosa",
            "Jorge Vargas Llosa",
            "Vargas Llosa",
        ];
        let arts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        let items = in_articles(&p, &texts, &arts);
        let l = link(&items);
        let c = &l.cluster_of;
        assert_eq!(c[0], c[1], "Kilroy-Silk is Robert Kilroy-Silk");
        assert_eq!(c[2], c[3], "Cavaco Silva is Anibal Cavaco Silva");
        assert_ne!(c[4], c[5], "S Thompson is an initial and a surname");
        assert_ne!(c[6], c[7], "Duncan may be a first name");
        // two people of the surname: no one
        assert_ne!(c[10], c[8]);
        assert_ne!(c[10], c[9]);
    }

    /// A first name alone is the one person of its article whose full name
    /// it starts; with two such people, or none in its article, its own.
    #[test]
    fn a_first_name_joins_the_one_full_name_of_its_article() {
        let p = m(EntityType::Person, None);
        let texts = [
            "Steve Jobs",
            "Steve",
            "Steve Jobs",
            "Steve Wozniak",
            "Steve",
            "Steve",
        ];
        let arts = [0, 0, 1, 1, 1, 2];
        let items = in_articles(&p, &texts, &arts);
        let c = link(&items).cluster_of;
        assert_eq!(c[0], c[1], "Steve beside Steve Jobs is he");
        assert_ne!(c[4], c[2], "two Steves in article 1: neither");
        assert_ne!(c[4], c[3]);
        assert_ne!(c[5], c[0], "no Steve named in full in article 2");
    }

    /// A firm named with a possessive is its owner's name alone in its
    /// article ("Moody's said" beside "Moody's Investors Service Inc"),
    /// not in another, and the same name without the possessive anywhere
    /// ("Standard and Poor").
    #[test]
    fn a_firms_possessive_name_joins_its_short_forms() {
        let (o, p) = (m(EntityType::Org, None), m(EntityType::Person, None));
        let item = |article, mention, text| Item {
            article,
            mention,
            text,
            gap: None,
        };
        let items = vec![
            item(0, &o, "Moody's Investors Service Inc"),
            item(0, &p, "Moody"),
            item(1, &p, "Moody"),
            item(2, &o, "Standard and Poor's Corp"),
            item(3, &o, "Standard and Poor"),
        ];
        let c = link(&items).cluster_of;
        assert_eq!(c[0], c[1], "Moody beside Moody's Investors Service");
        assert_ne!(c[2], c[0], "no such firm in article 1");
        assert_eq!(c[3], c[4], "Standard and Poor's is Standard and Poor");
    }

    #[test]
    fn acronyms_join_their_names_with_evidence() {
        let o = m(EntityType::Org, None);
        let p = m(EntityType::Person, None);
        let l = m(EntityType::Place, None);
        let item = |article, mention, text| Item {
            article,
            mention,
            text,
            gap: None,
        };
        let items = vec![
            // the same story: two names few articles name
            item(0, &o, "International Criminal Court"),
            item(0, &p, "Radovan Karadzic"),
            item(0, &l, "Srebrenica"),
            item(1, &o, "ICC"),
            item(1, &p, "Radovan Karadzic"),
            item(1, &l, "Srebrenica"),
            // initials alike, nothing else
            item(2, &o, "Norfolk High School"),
            item(2, &p, "Ann Dorsey"),
            item(3, &o, "NHS"),
            item(3, &l, "Leeds"),
            // an article that writes both; another the acronym alone
            item(4, &o, "National Football League"),
            item(4, &o, "NFL"),
            item(5, &o, "NFL"),
        ];
        let l = link(&items);
        assert_eq!(l.cluster_of[0], l.cluster_of[3]);
        assert_ne!(l.cluster_of[6], l.cluster_of[8]);
        assert_eq!(l.cluster_of[10], l.cluster_of[12]);
    }

    #[test]
    fn one_acronym_defined_by_two_spellings_is_one_body() {
        let o = m(EntityType::Org, None);
        let long1 = m(
            EntityType::Org,
            Some("European Aeronautic Defence and Space Company"),
        );
        let long2 = m(
            EntityType::Org,
            Some("European Aeronautic Defense & Space NV"),
        );
        let abc1 = m(EntityType::Org, Some("American Broadcasting Company"));
        let abc2 = m(EntityType::Org, Some("Australian Broadcasting Corporation"));
        let ms = [
            o.clone(),
            long1,
            o.clone(),
            long2,
            o.clone(),
            o.clone(),
            abc1,
            o.clone(),
            abc2,
        ];
        let texts = [
            "European Aeronautic Defence and Space Company",
            "EADS",
            "European Aeronautic Defense & Space NV",
            "EADS",
            "EADS",
            "American Broadcasting Company",
            "ABC",
            "Australian Broadcasting Corporation",
            "ABC",
        ];
        let l = link(&items(&ms, &texts, &[0, 0, 1, 1, 2, 3, 3, 4, 4]));
        let c = &l.cluster_of;
        // both long forms, both definitions and a bare "EADS" elsewhere
        assert!(c[..5].iter().all(|&x| x == c[0]), "{c:?}");
        // two broadcasters that share an acronym and one word stay apart
        assert_eq!(c[5], c[6]);
        assert_eq!(c[7], c[8]);
        assert_ne!(c[5], c[7]);
    }

    #[test]
    fn two_letters_stand_for_a_name_only_beside_it() {
        let o = m(EntityType::Org, None);
        let ms = [o.clone(), o.clone(), o.clone(), o.clone()];
        let texts = ["Associated Press", "AP", "Il Divo", "ID"];
        let l = link(&items(&ms, &texts, &[0, 0, 1, 2]));
        let c = &l.cluster_of;
        assert_eq!(c[0], c[1], "written out in the article");
        assert_ne!(c[2], c[3], "another article's name");
    }

    #[test]
    fn two_known_places_are_no_spellings_of_one() {
        let p = m(EntityType::Place, None);
        let ms = [p.clone(), p.clone(), p];
        let l = link(&items(&ms, &["France", "Franca", "Fraance"], &[0, 1, 2]));
        assert_ne!(l.cluster_of[0], l.cluster_of[1]);
        // a misspelling of one still joins it
        assert_eq!(l.cluster_of[0], l.cluster_of[2]);
    }

    /// A name that is an English word has no spelling variants but its
    /// slips and its plural: "Baker" and "Barber", "Royal" and "Riyal" are
    /// two names; "Morrocco" is Morocco, "Dragons" Dragon.
    #[test]
    fn an_english_word_has_only_its_slips_for_spellings() {
        let p = m(EntityType::Person, None);
        let o = m(EntityType::Org, None);
        let ms = [p.clone(), p, o.clone(), o.clone(), o.clone(), o];
        let names = ["Baker", "Barber", "Royal", "Riyal", "Dragon", "Dragons"];
        let l = link(&items(&ms, &names, &[0, 1, 2, 3, 4, 5]));
        let c = &l.cluster_of;
        assert_ne!(c[0], c[1]);
        assert_ne!(c[2], c[3]);
        assert_eq!(c[4], c[5]);
        // a name that is no word keeps its variants ("Zelenskyy"): where
        // the corpus vouches for them (an article names both), or where the
        // other words of a longer name do
        let p = m(EntityType::Person, None);
        let ms = [p.clone(), p.clone(), p.clone(), p];
        let names = [
            "Zelenskyy",
            "Zelenskiy",
            "Volodymyr Zelenskyy",
            "Volodymyr Zelenskiy",
        ];
        let l = link(&items(&ms, &names, &[0, 0, 1, 2]));
        assert_eq!(l.cluster_of[0], l.cluster_of[1]);
        assert_eq!(l.cluster_of[2], l.cluster_of[3]);
    }

    /// A name of one word with one other letter is another name unless the
    /// corpus vouches (`Vouch`) or it is a slip of the keys: Genex and Gynex,
    /// Centel and Contel are two firms each; "Mocrosoft" is Microsoft.
    #[test]
    fn one_letter_makes_another_name_of_one_word_without_evidence() {
        let o = m(EntityType::Org, None);
        let ms = vec![o; 13];
        let names = [
            "Genex",
            "Gynex",
            "Centel",
            "Contel",
            "Microsoft",
            "Mocrosoft",
            "Elcor",
            "Encor",
            "Geonex",
            "Morrocco",
            "Morocco",
            "Pennzoil",
            "Penzoil",
        ];
        let arts = [0, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11];
        let l = link(&items(&ms, &names, &arts));
        let c = &l.cluster_of;
        assert_ne!(c[0], c[1]);
        assert_ne!(c[2], c[3]);
        assert_eq!(c[4], c[5]);
        // one article names both: the corpus vouches
        assert_eq!(c[6], c[7]);
        // a letter slipped in: in a short word another name, in a long one
        // (or a letter doubled) a slip
        assert_ne!(c[8], c[0]);
        assert_eq!(c[9], c[10]);
        assert_eq!(c[11], c[12]);
    }

    /// A surname alone joins a full name it is a slip of ("Rodick": Andy
    /// Roddick), never where it is a usual surname or a first name of its
    /// own ("Slater" is not David Slager).
    #[test]
    fn a_usual_surname_is_no_slip_of_another() {
        let p = m(EntityType::Person, None);
        let ms = [p.clone(), p.clone(), p.clone(), p];
        let names = ["Andy Roddick", "Rodick", "David Slager", "Slater"];
        let l = link(&items(&ms, &names, &[0, 1, 2, 3]));
        let c = &l.cluster_of;
        assert_eq!(c[0], c[1]);
        assert_ne!(c[2], c[3]);
    }

    #[test]
    fn a_middle_initial_is_the_same_person() {
        let p = m(EntityType::Person, None);
        let ms = [p.clone(), p.clone(), p.clone(), p];
        let names = [
            "Regina M. Benjamin",
            "Regina Benjamin",
            "Regina T. Smith",
            "Carl Smith",
        ];
        let l = link(&items(&ms, &names, &[0, 1, 2, 3]));
        assert_eq!(l.cluster_of[0], l.cluster_of[1]);
        // the first name and the surname must both agree
        assert_ne!(l.cluster_of[2], l.cluster_of[3]);
        assert_ne!(l.cluster_of[0], l.cluster_of[2]);
    }

    #[test]
    fn a_familiar_first_name_is_the_formal_one_with_evidence() {
        let (p, o) = (m(EntityType::Person, None), m(EntityType::Org, None));
        let ms = [
            p.clone(),
            p.clone(),
            p.clone(),
            p.clone(),
            p.clone(),
            p.clone(),
            p.clone(),
            p.clone(),
            p.clone(),
            p.clone(),
            o.clone(),
            o.clone(),
            p.clone(),
            o.clone(),
            o,
        ];
        let names = [
            "Bob Dole",
            "Robert Dole",
            "Billy Preston",
            "Robert Preston",
            "Tom Enders",
            "Thomas Enders",
            "Steve Jones",
            "Stephen Jones",
            "Carl Jones",
            "Dick Ferris",
            "Pan Am Shuttle",
            "Hertz Rental",
            "Richard Ferris",
            "Pan Am Shuttle",
            "Hertz Rental",
        ];
        let arts = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 9, 9, 9];
        let l = link(&items(&ms, &names, &arts));
        let c = &l.cluster_of;
        // an article names both
        assert_eq!(c[0], c[1]);
        // no evidence, and "Billy" does not start as "Robert" does
        assert_ne!(c[2], c[3]);
        // the one person of the corpus named Enders
        assert_eq!(c[4], c[5]);
        // Jones: more people than these two, and no story shared
        assert_ne!(c[6], c[7]);
        // two names few articles name beside both: the same story
        assert_eq!(c[9], c[12]);
    }

    #[test]
    fn a_middle_name_is_the_same_person_with_evidence() {
        let p = m(EntityType::Person, None);
        let ms = vec![p; 10];
        let names = [
            "Benjamin David Banky",
            "Benjamin Banky",
            "Jerry Lee Lewis",
            "Jerry Lewis",
            "James Miller-Day",
            "James Day",
            "George Herbert Bush",
            "George Walker Bush",
            "George Bush",
            "Banky",
        ];
        let arts = [0, 0, 1, 2, 3, 3, 4, 4, 4, 0];
        let l = link(&items(&ms, &names, &arts));
        let c = &l.cluster_of;
        // an article names both
        assert_eq!(c[0], c[1]);
        // two articles with no story in common
        assert_ne!(c[2], c[3]);
        // a double surname is no middle name
        assert_ne!(c[4], c[5]);
        // two people written with a middle name: the short form is neither
        assert_ne!(c[8], c[6]);
        assert_ne!(c[8], c[7]);
    }

    fn items<'a>(ms: &'a [Mention], texts: &[&'a str], arts: &[usize]) -> Vec<Item<'a>> {
        ms.iter()
            .zip(texts)
            .zip(arts)
            .map(|((m, t), a)| Item {
                article: *a,
                mention: m,
                text: t,
                gap: None,
            })
            .collect()
    }

    #[test]
    fn a_surname_in_the_article_beats_a_place_of_that_name() {
        let mut place = m(EntityType::Place, Some("Jackson"));
        place.evidence = Evidence::Gazetteer;
        let ms = [m(EntityType::Person, None), place.clone(), place];
        let l = link(&items(
            &ms,
            &["Jamal Jackson", "Jackson", "Jackson"],
            &[0, 0, 1],
        ));
        assert_eq!(l.cluster_of[0], l.cluster_of[1]);
        assert_ne!(l.cluster_of[0], l.cluster_of[2], "the city elsewhere");
    }

    /// A body's name without its country joins the one longer name of the
    /// article that adds a place or a people before it, else the corpus's
    /// one such name with a place before it; never beside another longer
    /// name of the article, nor with two to choose from.
    #[test]
    fn a_body_s_name_without_its_country() {
        let o = m(EntityType::Org, None);
        let ms = vec![o.clone(); 9];
        let texts = [
            "US Air Force",
            "Air Force",
            "Air Force",
            "Royal Air Force",
            "Air Force",
            "Indian Navy",
            "Navy",
            "Navy",
            "Army",
        ];
        let l = link(&items(&ms, &texts, &[0, 0, 1, 2, 2, 3, 3, 4, 4]));
        let c = &l.cluster_of;
        assert_eq!(c[1], c[0], "in its article");
        assert_eq!(c[2], c[0], "the corpus's one");
        assert_ne!(c[4], c[0], "beside the Royal Air Force");
        assert_eq!(c[6], c[5], "a people before it, in its article");
        assert_ne!(c[7], c[5], "a people is no place: not across the corpus");
        // two longer names in the article: neither
        let texts = ["US Air Force", "UAE Air Force", "Air Force", "Air Force"];
        let ms = vec![o; 4];
        let l = link(&items(&ms, &texts, &[0, 0, 0, 1]));
        let c = &l.cluster_of;
        assert!(c[2] != c[0] && c[2] != c[1], "{c:?}");
        assert!(c[3] != c[0] && c[3] != c[1], "{c:?}");
    }

    #[test]
    fn company_suffixes_and_plural_models() {
        let o = m(EntityType::Org, None);
        assert_eq!(name_key(&o, "Apple Inc."), "Apple");
        assert_eq!(name_key(&o, "Boeing Co"), "Boeing");
        // partners' names keep the suffix: no "Sachs and"
        assert_eq!(name_key(&o, "Sachs and Co"), "Sachs and Co");
        assert_eq!(name_key(&o, "Johnson & Co"), "Johnson and Co");
        // two partners or more: the firm's name without it
        assert_eq!(name_key(&o, "Merrill Lynch and Co"), "Merrill Lynch");
        assert_eq!(name_key(&o, "Goldman, Sachs and Co"), "Goldman Sachs");
        assert_eq!(name_key(&o, "Morgan Stanley & Co"), "Morgan Stanley");
        assert_eq!(name_key(&o, "Merrill Lynch Co Inc"), "Merrill Lynch");
        assert_eq!(name_key(&o, "Merrill Lynch and Co Inc"), "Merrill Lynch");
        assert_eq!(name_key(&o, "Boeing 737s"), "Boeing 737");
        assert_eq!(name_key(&o, "Philadelphia 76ers"), "Philadelphia 76ers");
        assert_eq!(name_key(&o, "U.S. Air Force"), "United States Air Force");
        assert_eq!(name_key(&o, "US Air Force"), "United States Air Force");
    }

    #[test]
    fn a_listed_firm_s_own_name_before_its_trade_is_the_firm() {
        let o = m(EntityType::Org, None);
        assert_eq!(name_key(&o, "Samsung Electronics"), "Samsung");
        assert_eq!(name_key(&o, "Sony Electronics Inc"), "Sony");
        assert_eq!(
            name_key(&o, "Morgan Stanley International"),
            "Morgan Stanley"
        );
        // no listed "General"; a place; a word or a person's name others
        // bear too; a people's name first
        assert_eq!(name_key(&o, "General Motors"), "General Motors");
        assert_eq!(name_key(&o, "Japan Airlines"), "Japan Airlines");
        assert_eq!(name_key(&o, "Kingfisher Airlines"), "Kingfisher Airlines");
        assert_eq!(name_key(&o, "Fox Entertainment"), "Fox Entertainment");
        assert_eq!(
            name_key(&o, "American International Petroleum"),
            "American International Petroleum"
        );
    }

    #[test]
    fn heads_of_products_and_teams() {
        let (o, p) = (m(EntityType::Org, None), m(EntityType::Other, None));
        let ms = [p.clone(), p.clone(), o.clone(), o.clone(), o.clone(), p];
        let texts = [
            "Airbus A380",
            "A380",
            "San Diego Chargers",
            "Chargers",
            "Boeing",
            "Boeing 737",
        ];
        let l = link(&items(&ms, &texts, &[0, 0, 1, 1, 2, 2]));
        let c = &l.cluster_of;
        assert_eq!(c[0], c[1]);
        assert_eq!(c[2], c[3]);
        assert_ne!(c[4], c[5], "a maker is not its product");
    }

    #[test]
    fn a_firm_s_own_word_typed_a_person_is_the_firm_of_its_article() {
        let (o, p) = (m(EntityType::Org, None), m(EntityType::Person, None));
        let ms = [
            o.clone(),
            p.clone(),
            o.clone(),
            p.clone(),
            o.clone(),
            o.clone(),
            p.clone(),
            o,
            p.clone(),
            p,
        ];
        let texts = [
            "Eastman Kodak",
            "Kodak",
            "Westinghouse Electric",
            "Westinghouse",
            "Apple Corps",
            "Apple",
            "Labatt",
            "Apple",
            "Kodak",
            "Westinghouse",
        ];
        // (the short forms are written alone in other articles too)
        let l = link(&items(&ms, &texts, &[0, 0, 1, 1, 2, 2, 3, 4, 5, 6]));
        let c = &l.cluster_of;
        // the firm's last word, its first word
        assert_eq!(c[0], c[1]);
        assert_eq!(c[2], c[3]);
        // a name typed a body, written alone elsewhere too, is one of its own
        assert_ne!(c[4], c[5]);
        // no firm of its article
        assert_ne!(c[6], c[0]);
    }

    #[test]
    fn a_team_s_nickname_is_the_one_team_of_a_place_so_called() {
        let o = m(EntityType::Org, None);
        let ms = [o.clone(), o.clone(), o.clone(), o.clone(), o.clone()];
        // (not a party: "Liberal Democrats" is no place's)
        let texts = [
            "San Diego Chargers",
            "Chargers",
            "Liberal Democrats",
            "Democrats",
            "SAN Diego Chargers",
        ];
        let l = link(&items(&ms, &texts, &[0, 1, 2, 3, 4]));
        let c = &l.cluster_of;
        assert_eq!(c[0], c[1], "the nickname alone in another article");
        assert_ne!(c[2], c[3]);
        assert_eq!(c[0], c[4]);
    }

    #[test]
    fn models_and_their_names() {
        let (p, q) = (m(EntityType::Other, None), m(EntityType::Other, None));
        let ms = [p.clone(), p.clone(), p.clone(), p.clone(), q.clone(), q];
        let texts = [
            "Airbus A380",
            "A380",
            "Boeing 787",
            "Dreamliner",
            "Dreamliner",
            "Boeing 747",
        ];
        let mut its = items(&ms, &texts, &[0, 1, 2, 2, 3, 4]);
        its[3].gap = Some(" ");
        let l = link(&its);
        let c = &l.cluster_of;
        assert_eq!(
            c[0], c[1],
            "a model alone is its maker's, in another article"
        );
        assert_eq!(c[2], c[3], "the model's name written after it");
        assert_eq!(c[3], c[4]);
        assert_ne!(c[2], c[5]);
    }

    #[test]
    fn slips_of_the_keys_and_other_names() {
        for (w, n) in [
            ("Morrocco", "Morocco"),
            ("Connecitcut", "Connecticut"),
            ("Tennesse", "Tennessee"),
            ("Narobi", "Nairobi"),
            ("N'djamena", "N'Djamena"),
            ("Liechstenstein", "Liechtenstein"),
        ] {
            assert!(slip_of(w, n), "{w} is {n}");
        }
        for (w, n) in [
            ("Franca", "France"),
            ("Chino", "China"),
            ("Marne", "Maine"),
            ("Texans", "Texas"),
            ("Ugandan", "Uganda"),
            ("Livingstone", "Livingston"),
        ] {
            assert!(!slip_of(w, n), "{w} is not {n}");
        }
        // a key beside the right one, in a long word
        for (w, n) in [
            ("Mocrosoft", "Microsoft"),
            ("Mondanto", "Monsanto"),
            ("Telefonoca", "Telefonica"),
        ] {
            assert!(key_slip_of(w, n), "{w} is {n}");
        }
        for (w, n) in [
            ("Frankfort", "Frankfurt"),
            ("Motorolo", "Motorola"),
            ("Calmar", "CalMat"),
            ("Midcom", "MidCon"),
            ("Microsoft", "Microsoft"),
            ("Mocrosofy", "Microsoft"),
        ] {
            assert!(!key_slip_of(w, n), "{w} is not {n}");
        }
    }
}
