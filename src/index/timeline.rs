//! The timeline: dated sentences across articles, grouped into events, and
//! quotes carried by several articles.

use crate::corpus::Article;
use crate::fx::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::nlp::{self, Analysis, Timex, TimexType};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Other,
}

fn precision_of(value: &str) -> Precision {
    let v = value.split('T').next().unwrap_or(value);
    match v.len() {
        10 => Precision::Day,
        7 if v.contains('W') => Precision::Week,
        7 if v.contains('Q') || v.contains('H') => Precision::Quarter,
        7 => Precision::Month,
        4 => Precision::Year,
        _ if v.contains("-W") => Precision::Week,
        _ => Precision::Other,
    }
}

/// A normalized date value ("2025-10-16", "2025-W43", "1987-Q1"), kept
/// inline: a timeline has one per item and per event, and a string on the
/// heap for each would be some 200,000 allocations to make and to load.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value {
    len: u8,
    bytes: [u8; 23],
}

impl Value {
    /// The value (cut, on a character boundary, at 23 bytes: no date value
    /// is that long).
    pub fn new(s: &str) -> Value {
        let mut n = s.len().min(23);
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        let mut bytes = [0u8; 23];
        bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
        Value {
            len: n as u8,
            bytes,
        }
    }

    pub fn as_str(&self) -> &str {
        // always whole characters of a str (see `new`)
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }
}

impl std::ops::Deref for Value {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Value) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Value {
    fn cmp(&self, other: &Value) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date value")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::new(v))
            }
        }
        d.deserialize_str(V)
    }
}

/// One dated sentence: a row of the timeline. An article's own date is
/// no row (the sources list shows it).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Item {
    #[serde(with = "crate::days")]
    pub start: NaiveDate,
    #[serde(with = "crate::days")]
    pub end: NaiveDate,
    pub value: Value,
    pub precision: Precision,
    pub article: u32,
    /// The sentence.
    pub sentence: Range<usize>,
    /// The time expression's range (always given; kept optional for the
    /// cache's older items).
    pub timex: Option<Range<usize>>,
    /// The sentence's other time expressions of the same day.
    pub also: Vec<Range<usize>>,
    pub entities: Vec<u32>,
    /// Index of the event this item belongs to.
    pub event: u32,
}

/// Items that report the same thing from different articles.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub value: Value,
    #[serde(with = "crate::days")]
    pub start: NaiveDate,
    pub items: Vec<u32>,
    pub articles: Vec<u32>,
    pub entities: Vec<u32>,
    /// Sources disagree: a shared quote or sentence dated differently elsewhere.
    pub conflict: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Timeline {
    /// Sorted by date.
    pub items: Vec<Item>,
    pub events: Vec<Event>,
    /// Articles without any date.
    pub undated: Vec<u32>,
    /// Pairs of items where two articles tell the same thing (largely the
    /// same words) but give it different dates.
    pub conflicts: Vec<(u32, u32)>,
}

/// How far from a time expression its event's names are looked for, at
/// most (the sentence and its neighbours are the context, within this).
const CONTEXT_BYTES: usize = 2_000;

impl Timeline {
    pub fn build(
        articles: &[Article],
        analyses: &[Analysis],
        mention_entity: &[Vec<u32>],
        articles_of: &[usize],
        conflicts: &[(TimexAt, TimexAt)],
    ) -> Timeline {
        // each article's items on its own, in parallel, a block of articles
        // at a time into one vector sized for the most there can be: only a
        // block's items are ever held twice
        let most: usize = analyses.iter().map(|an| an.timexes.len()).sum();
        let mut items: Vec<Item> = Vec::with_capacity(most);
        let make = |(ai, (_, an)): (usize, (&Article, &Analysis))| {
            let mut items: Vec<Item> = Vec::new();
            let sorted = an.mentions.is_sorted_by_key(|m| m.range.start);
            for t in &an.timexes {
                let Some((v, s, e, p)) = dated(t, t.value.as_deref()) else {
                    continue;
                };
                let sentence = sentence_of(an, t);
                let day = Value::new(v.split('T').next().unwrap_or(v));
                // one row per sentence and day: its other expressions of
                // that day are marked in the row ("on Thursday (October
                // 16)", "Friday August 2, 2013 @ 8:13am PDT")
                if let Some(same) = items
                    .iter_mut()
                    .rev()
                    .take_while(|x| x.sentence == sentence)
                    .find(|x| x.value == day)
                {
                    same.also.push(t.range.clone());
                    continue;
                }
                // the entities of the sentence and its neighbours: who and where the event is about
                let si = nlp::sentence_at(&an.sentences, t.range.start).unwrap_or(0);
                let ctx_start = an
                    .sentences
                    .get(si.saturating_sub(1))
                    .map(|r| r.start)
                    .unwrap_or(sentence.start);
                let ctx_end = an
                    .sentences
                    .get(si + 1)
                    .map(|r| r.end)
                    .unwrap_or(sentence.end);
                // (and no further than a few paragraphs' length from the
                // expression: a "sentence" of a million names is a list, and
                // its names far off are not what the event is about)
                let ctx_start = ctx_start.max(t.range.start.saturating_sub(CONTEXT_BYTES));
                let ctx_end = ctx_end.min(t.range.end + CONTEXT_BYTES);
                // mentions are in text order: only those from the context's start on
                let from = if sorted {
                    an.mentions.partition_point(|m| m.range.start < ctx_start)
                } else {
                    0
                };
                let mut ents: Vec<u32> = an.mentions[from..]
                    .iter()
                    .enumerate()
                    .take_while(|(_, m)| !sorted || m.range.start < ctx_end)
                    .filter(|(_, m)| m.range.start >= ctx_start && m.range.end <= ctx_end)
                    .map(|(mi, _)| mention_entity[ai][from + mi])
                    .collect();
                ents.sort_unstable();
                ents.dedup();
                items.push(Item {
                    start: s,
                    end: e,
                    value: day,
                    precision: p,
                    article: ai as u32,
                    sentence,
                    timex: Some(t.range.clone()),
                    also: vec![],
                    entities: ents,
                    event: 0,
                });
            }
            items
        };
        const BLOCK: usize = 2048;
        for (b, (block, ans)) in articles
            .chunks(BLOCK)
            .zip(analyses.chunks(BLOCK))
            .enumerate()
        {
            let per_article: Vec<Vec<Item>> = block
                .par_iter()
                .zip(ans)
                .enumerate()
                .map(|(i, x)| make((b * BLOCK + i, x)))
                .collect();
            for v in per_article {
                items.extend(v);
            }
        }
        let undated: Vec<u32> = (0..articles.len() as u32)
            .filter(|&i| articles[i as usize].date.is_none())
            .collect();
        items.shrink_to_fit();
        // in place (a stable sort would hold half the items again); the key
        // is total, so the order is the same every time
        let key = |x: &Item| {
            (
                x.start,
                x.precision,
                x.article,
                x.sentence.start,
                x.timex.as_ref().map(|r| (r.start, r.end)),
            )
        };
        items.par_sort_unstable_by(|a, b| (key(a), &a.value).cmp(&(key(b), &b.value)));
        // events: the same day or week, told by articles that share a
        // distinctive entity (one in so many articles, "United States",
        // tells no event from another)
        let distinctive = distinctive_entities(articles_of, articles.len());
        let mut events: Vec<Event> = Vec::new();
        let mut by_value: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, it) in items.iter().enumerate() {
            if it.timex.is_some() {
                by_value.entry(it.value.as_str()).or_default().push(i);
            }
        }
        let mut event_of = vec![usize::MAX; items.len()];
        let mut values: Vec<&str> = by_value.keys().copied().collect();
        values.sort_unstable();
        // each value's groups on all cores (values are independent), then
        // numbered in value order
        let grouped: Vec<Vec<Group>> = values
            .par_iter()
            .map(|v| group_items(&items, &by_value[v], &distinctive))
            .collect();
        for (v, groups) in values.iter().zip(grouped) {
            for (arts, ents, members) in groups {
                let ev = events.len();
                for &m in &members {
                    event_of[m] = ev;
                }
                events.push(Event {
                    value: Value::new(v),
                    start: items[members[0]].start,
                    items: vec![],
                    articles: arts,
                    entities: ents,
                    conflict: false,
                });
            }
        }
        for (i, it) in items.iter_mut().enumerate() {
            if event_of[i] == usize::MAX {
                event_of[i] = events.len();
                events.push(Event {
                    value: it.value,
                    start: it.start,
                    items: vec![],
                    articles: vec![it.article],
                    entities: it.entities.clone(),
                    conflict: false,
                });
            }
            it.event = event_of[i] as u32;
            events[event_of[i]].items.push(i as u32);
        }
        // the conflicts' time expressions as the timeline's items
        let wanted: HashSet<TimexAt> = conflicts.iter().flat_map(|&(a, b)| [a, b]).collect();
        let mut item_at: HashMap<TimexAt, u32> = HashMap::default();
        if !wanted.is_empty() {
            for (i, it) in items.iter().enumerate() {
                if let Some(r) = &it.timex {
                    let at = (it.article, r.start as u32);
                    if wanted.contains(&at) {
                        item_at.insert(at, i as u32);
                    }
                }
            }
        }
        let mut conflicts: Vec<(u32, u32)> = conflicts
            .iter()
            .filter_map(|(a, b)| {
                let (x, y) = (*item_at.get(a)?, *item_at.get(b)?);
                Some((x.min(y), x.max(y)))
            })
            .collect();
        conflicts.sort_unstable();
        conflicts.dedup();
        for &(a, b) in &conflicts {
            for i in [a, b] {
                let ev = items[i as usize].event as usize;
                events[ev].conflict = true;
            }
        }
        Timeline {
            items,
            events,
            undated,
            conflicts,
        }
    }
}

impl Timeline {
    /// The conflicts by their time expressions (as `date_conflicts` gives
    /// them), to build the timeline again without finding them again.
    pub fn conflicts_at(&self) -> Vec<(TimexAt, TimexAt)> {
        let at = |i: u32| {
            let it = &self.items[i as usize];
            (it.article, it.timex.as_ref().map_or(0, |r| r.start as u32))
        };
        self.conflicts
            .iter()
            .map(|&(a, b)| (at(a), at(b)))
            .collect()
    }
}

/// A time expression the timeline places, with the value it is given (a
/// quote's may differ from its own): the value, its first and last day and
/// its precision; none for durations, sets and spans of several years.
fn dated<'v>(
    t: &Timex,
    value: Option<&'v str>,
) -> Option<(&'v str, NaiveDate, NaiveDate, Precision)> {
    if !matches!(t.ty, TimexType::Date | TimexType::Time) {
        return None;
    }
    let v = value?;
    let (s, e) = nlp::timex::value_days(v)?;
    let p = precision_of(v);
    if p == Precision::Other || (p == Precision::Year && (e - s).num_days() > 366) {
        return None;
    }
    Some((v, s, e, p))
}

/// The sentence a time expression is in (itself if it is in none).
fn sentence_of(an: &Analysis, t: &Timex) -> Range<usize> {
    nlp::sentence_at(&an.sentences, t.range.start)
        .map(|i| an.sentences[i].clone())
        .unwrap_or(t.range.clone())
}

/// A time expression by its article and the byte where it starts.
pub type TimexAt = (u32, u32);

/// A group of items of one value: its articles and entities (sorted), its items.
type Group = (Vec<u32>, Vec<u32>, Vec<usize>);

/// The entities in few enough articles to tell one event from another
/// (`articles_of[e]`: entity `e`'s article count): at most 5, or a
/// fiftieth of the corpus (the seeds' Trump is in all five; Reuters'
/// "United States" in thousands of stories is no event's mark).
fn distinctive_entities(articles_of: &[usize], n_articles: usize) -> HashSet<u32> {
    let most = (n_articles / 50).max(5);
    (0..articles_of.len() as u32)
        .filter(|&e| articles_of[e as usize] <= most)
        .collect()
}

/// The items of one value (`idx`, in timeline order) grouped into events.
/// An article's items of one value are one event. Items of other articles
/// join it when they share a distinctive entity with the event's first
/// item, for a day or a week; for a month or a year, which hold many
/// events, two ("Born in the Bronx in 1928 ... Gigante" in four obituaries
/// of Vincent Gigante). An event does not grow by its members' other
/// entities, so a chain of stories each sharing a name with the next is
/// not one event.
fn group_items(items: &[Item], idx: &[usize], distinctive: &HashSet<u32>) -> Vec<Group> {
    let mut groups: Vec<(HashSet<u32>, Vec<usize>)> = Vec::new();
    let mut first_of_article: HashMap<u32, usize> = HashMap::default();
    // the groups an entity founded (of their first item's entities), and
    // for months and years all of them
    let mut founded_by: HashMap<u32, usize> = HashMap::default();
    let mut coarse_founded: HashMap<u32, Vec<usize>> = HashMap::default();
    for &i in idx {
        let it = &items[i];
        let fine = it.precision <= Precision::Week;
        let marks = it.entities.iter().filter(|e| distinctive.contains(e));
        let found = first_of_article.get(&it.article).copied().or_else(|| {
            if fine {
                marks
                    .clone()
                    .filter_map(|e| founded_by.get(e))
                    .min()
                    .copied()
            } else {
                // the first group two of the item's marks founded
                let mut votes: HashMap<usize, usize> = HashMap::default();
                for e in marks.clone() {
                    for &g in coarse_founded.get(e).into_iter().flatten() {
                        *votes.entry(g).or_default() += 1;
                    }
                }
                votes
                    .into_iter()
                    .filter(|&(_, n)| n >= 2)
                    .map(|(g, _)| g)
                    .min()
            }
        });
        let gi = found.unwrap_or_else(|| {
            groups.push((HashSet::default(), Vec::new()));
            let gi = groups.len() - 1;
            for &e in marks {
                if fine {
                    founded_by.entry(e).or_insert(gi);
                } else {
                    coarse_founded.entry(e).or_default().push(gi);
                }
            }
            gi
        });
        groups[gi].0.extend(it.entities.iter().copied());
        groups[gi].1.push(i);
        first_of_article.entry(it.article).or_insert(gi);
    }
    groups
        .into_iter()
        .map(|(ents, members)| {
            let mut arts: Vec<u32> = members.iter().map(|&m| items[m].article).collect();
            arts.sort_unstable();
            arts.dedup();
            let mut ents: Vec<u32> = ents.into_iter().collect();
            ents.sort_unstable();
            (arts, ents, members)
        })
        .collect()
}

/// Words in a row that two tellings of the same sentence share.
const SAME_TELLING: usize = 4;

/// Items of different articles that tell the same thing (most of the
/// sentence's runs of words in common), published within days of each other,
/// but dated a few days apart: one source is wrong, or they count differently.
/// Recurring stories told with a template ("in the week ended ...") have
/// dates further apart, or articles far apart, and are not flagged.
pub fn date_conflicts(
    articles: &[Article],
    analyses: &[Analysis],
    updates: &[QuoteUpdate],
) -> Vec<(TimexAt, TimexAt)> {
    // the values the quotes give their time expressions, in place of their own
    let updated: HashMap<(usize, usize), Option<&str>> = updates
        .iter()
        .map(|(a, t, v)| ((*a, *t), v.as_deref()))
        .collect();
    // every dated time expression as the timeline places it
    let items: Vec<Told> = articles
        .par_iter()
        .zip(analyses)
        .enumerate()
        .flat_map_iter(|(ai, (_, an))| {
            let updated = &updated;
            an.timexes.iter().enumerate().filter_map(move |(ti, t)| {
                let value = match updated.get(&(ai, ti)) {
                    Some(v) => *v,
                    None => t.value.as_deref(),
                };
                let (_, start, _, precision) = dated(t, value)?;
                Some(Told {
                    article: ai as u32,
                    sentence: sentence_of(an, t),
                    start,
                    precision,
                    timex: t.range.clone(),
                })
            })
        })
        .collect();
    let mut grams = vec![0u32; items.len()];
    // each sentence's distinct runs of words, in parallel a block of items at
    // a time, then sorted by run: items that share a run sit side by side (a
    // flat list, no table of lists); runs of words hashed to 32 bits: a rare
    // collision adds one shared run, and half the memory of this, the
    // analysis's largest passing table
    let mut by_gram: Vec<(u32, u32)> = Vec::new();
    const BLOCK: usize = 8192;
    for start in (0..items.len()).step_by(BLOCK) {
        let block = &items[start..(start + BLOCK).min(items.len())];
        let runs: Vec<(usize, Vec<u32>)> = block
            .par_iter()
            .enumerate()
            .filter(|(_, it)| it.precision == Precision::Day)
            .map(|(i, it)| {
                let w = words(&articles[it.article as usize].text[it.sentence.clone()]);
                let mut hs: Vec<u32> = w
                    .windows(SAME_TELLING)
                    .map(|g| g.iter().fold(0u64, |h, x| h.rotate_left(7) ^ x))
                    .map(|h| (h ^ (h >> 32)) as u32)
                    .collect();
                hs.sort_unstable();
                hs.dedup();
                (start + i, hs)
            })
            .collect();
        by_gram.reserve_exact(runs.iter().map(|r| r.1.len()).sum());
        for (i, hs) in runs {
            grams[i] = hs.len() as u32;
            by_gram.extend(hs.into_iter().map(|h| (h, i as u32)));
        }
    }
    by_gram.par_sort_unstable();
    let mut shared: HashMap<(u32, u32), u32> = HashMap::default();
    for list in by_gram.chunk_by(|a, b| a.0 == b.0) {
        // stock phrases found everywhere say nothing
        if list.len() > 50 {
            continue;
        }
        for (k, &(_, a)) in list.iter().enumerate() {
            for &(_, b) in &list[k + 1..] {
                if items[a as usize].article != items[b as usize].article {
                    *shared.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    drop(by_gram);
    let days = |x: NaiveDate, y: NaiveDate| (x - y).num_days().abs();
    // the dates each telling gives ("on Tuesday and Wednesday": two)
    let mut told: HashMap<(u32, usize), Vec<NaiveDate>> = HashMap::default();
    for it in &items {
        told.entry((it.article, it.sentence.start))
            .or_default()
            .push(it.start);
    }
    let gives = |it: &Told, d: NaiveDate| {
        told.get(&(it.article, it.sentence.start))
            .is_some_and(|v| v.contains(&d))
    };
    let mut out: Vec<(TimexAt, TimexAt)> = shared
        .into_iter()
        .filter(|&((a, b), n)| {
            let (x, y) = (&items[a as usize], &items[b as usize]);
            let told_alike = n >= 3 && n * 2 >= grams[a as usize].min(grams[b as usize]);
            if !told_alike {
                return false;
            }
            let published_close = match (
                articles[x.article as usize].date,
                articles[y.article as usize].date,
            ) {
                (Some(p), Some(q)) => days(p, q) <= 3,
                _ => true,
            };
            // the same relative words ("today") in reports of different days,
            // shifted by exactly the days between them: daily stories, not a
            // disagreement
            let surface =
                |it: &Told| articles[it.article as usize].text[it.timex.clone()].to_lowercase();
            let shifted = match (
                articles[x.article as usize].date,
                articles[y.article as usize].date,
            ) {
                (Some(p), Some(q)) => (x.start - y.start) == (p - q) && surface(x) == surface(y),
                _ => false,
            };
            !shifted
                && published_close
                && days(x.start, y.start) <= 3
                && !gives(y, x.start)
                && !gives(x, y.start)
        })
        .map(|((a, b), _)| {
            let at = |i: u32| {
                let it = &items[i as usize];
                (it.article, it.timex.start as u32)
            };
            (at(a), at(b))
        })
        .collect();
    out.sort_unstable();
    out
}

/// A dated time expression, for finding conflicts.
struct Told {
    article: u32,
    sentence: Range<usize>,
    start: NaiveDate,
    precision: Precision,
    timex: Range<usize>,
}

/// Word windows used to find a quote inside other articles.
const SHINGLE: usize = 6;

/// The words of a text (letters and digits, case folded) as 64-bit FNV-1a
/// hashes: cheap to compare, no allocation per word.
fn words(s: &str) -> Vec<u64> {
    let mut w = Words {
        out: Vec::with_capacity(s.len() / 6),
        h: Words::START,
        in_word: false,
    };
    if s.is_ascii() {
        // byte by byte: the same hashes without decoding characters
        for &b in s.as_bytes() {
            w.ascii(b);
        }
    } else {
        for c in s.chars() {
            if c.is_ascii() {
                w.ascii(c as u8);
            } else if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for b in l.encode_utf8(&mut buf).bytes() {
                        w.add(b);
                    }
                }
            } else {
                w.end();
            }
        }
    }
    w.end();
    w.out
}

/// ASCII letters and digits case folded; 0 for every other byte.
const FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The running state of `words`.
struct Words {
    out: Vec<u64>,
    h: u64,
    in_word: bool,
}

impl Words {
    const START: u64 = 0xcbf2_9ce4_8422_2325;

    fn add(&mut self, b: u8) {
        self.h = (self.h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        self.in_word = true;
    }

    fn end(&mut self) {
        if self.in_word {
            self.out.push(self.h);
            self.h = Self::START;
            self.in_word = false;
        }
    }

    fn ascii(&mut self, b: u8) {
        match FOLD[b as usize] {
            0 => self.end(),
            l => self.add(l),
        }
    }
}

/// For each article's quotes, the other articles that carry the same words.
pub fn quote_carriers(articles: &[Article], analyses: &[Analysis]) -> Vec<Vec<Vec<u32>>> {
    type Quote = (usize, usize, Vec<u64>);
    let mut by_head: HashMap<[u64; SHINGLE], Vec<Quote>> = HashMap::default();
    for (ai, an) in analyses.iter().enumerate() {
        for (qi, q) in an.quotes.iter().enumerate() {
            let w = words(&articles[ai].text[q.clone()]);
            if w.len() >= SHINGLE {
                let head: [u64; SHINGLE] = w[..SHINGLE].try_into().unwrap_or([0; SHINGLE]);
                by_head.entry(head).or_default().push((ai, qi, w));
            }
        }
    }
    let mut out: Vec<Vec<Vec<u32>>> = analyses
        .iter()
        .map(|a| vec![Vec::new(); a.quotes.len()])
        .collect();
    if by_head.is_empty() {
        return out;
    }
    // a bit per first word (of 2^20): most places start no quote and need no
    // look-up of six words
    const BITS: u32 = 20;
    let bit = |h: u64| (h >> (64 - BITS)) as usize;
    let mut firsts = vec![0u64; 1 << (BITS - 6)];
    for head in by_head.keys() {
        firsts[bit(head[0]) / 64] |= 1 << (bit(head[0]) % 64);
    }
    let found: Vec<(usize, usize, u32)> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ai, a)| {
            let w = words(&a.text);
            let mut hits = Vec::new();
            if w.len() >= SHINGLE {
                for start in 0..=w.len() - SHINGLE {
                    let b = bit(w[start]);
                    if firsts[b / 64] & (1 << (b % 64)) == 0 {
                        continue;
                    }
                    let head: [u64; SHINGLE] =
                        w[start..start + SHINGLE].try_into().unwrap_or([0; SHINGLE]);
                    let Some(list) = by_head.get(&head) else {
                        continue;
                    };
                    for (qa, qi, qw) in list {
                        if *qa != ai
                            && w.len() >= start + qw.len()
                            && w[start..start + qw.len()] == qw[..]
                        {
                            hits.push((*qa, *qi, ai as u32));
                        }
                    }
                }
            }
            hits
        })
        .collect();
    for (qa, qi, ai) in found {
        if !out[qa][qi].contains(&ai) {
            out[qa][qi].push(ai);
        }
    }
    out
}

/// A time expression's value as its quote's first publication gives it:
/// (article, time expression, value).
pub type QuoteUpdate = (usize, usize, Option<String>);

/// Relative time expressions inside a quote resolve against the date the
/// quote was first published: "tomorrow" in a statement reported the next day
/// still means the day after the statement. Returns the quote carriers and
/// those values, without changing anything (so that it can run beside the
/// linking); the articles on all cores.
pub fn quote_updates(
    articles: &[Article],
    analyses: &[Analysis],
) -> (Vec<Vec<Vec<u32>>>, Vec<QuoteUpdate>) {
    let carriers = quote_carriers(articles, analyses);
    let updates = carriers
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ai, qs)| {
            let mut out = Vec::new();
            let Some(own) = articles[ai].date else {
                return out;
            };
            let an = &analyses[ai];
            for (qi, others) in qs.iter().enumerate() {
                let first = others
                    .iter()
                    .filter_map(|&o| articles[o as usize].date)
                    .min();
                let Some(first) = first.filter(|f| *f < own) else {
                    continue;
                };
                let q = &an.quotes[qi];
                let inside = |t: &nlp::Timex| t.range.start >= q.start && t.range.end <= q.end;
                if !an.timexes.iter().any(inside) {
                    continue;
                }
                let redone = nlp::timex::extract(&articles[ai].text, &an.sentences, Some(first));
                for (ti, t) in an.timexes.iter().enumerate().filter(|(_, t)| inside(t)) {
                    if let Some(n) = redone.iter().find(|n| n.range == t.range) {
                        out.push((ai, ti, n.value.clone()));
                    }
                }
            }
            out
        })
        .collect();
    (carriers, updates)
}

/// Sets the values `quote_updates` found, in its order.
pub fn apply_quote_updates(analyses: &mut [Analysis], updates: Vec<QuoteUpdate>) {
    for (ai, ti, v) in updates {
        analyses[ai].timexes[ti].value = v;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_hash_alike_in_ascii_and_other_text() {
        let a = words("The U.S. said: Peace, NOW.");
        let b = words("The U.S. said: Peace, NOW. Zelenskyy’s café");
        assert_eq!(&b[..a.len()], &a[..]);
        assert_eq!(a.len(), 6);
        assert_eq!(words("now")[0], a[5], "case does not matter");
    }

    /// An event's names are those near its time expression: in a list of
    /// thousands of names written as one sentence, not every name of it.
    #[test]
    fn an_event_s_names_are_those_near_its_date() {
        let names: Vec<String> = (0..3000).map(|i| format!("Olaf Scholz{i}")).collect();
        let text = format!(
            "On 5 March 2024 they met Angela Merkel, {}, and Emmanuel Macron.",
            names.join(", ")
        );
        let a = crate::corpus::Article {
            id: "list".into(),
            title: "list".into(),
            body: 0..text.len(),
            text,
            ..Default::default()
        };
        let ix = crate::index::Index::build(
            crate::corpus::Corpus {
                articles: vec![a],
                warnings: vec![],
            },
            2025,
        );
        let item = ix.timeline.items.first().expect("the date is an event");
        let named = |n: &str| {
            item.entities
                .iter()
                .any(|&e| ix.entities[e as usize].name == n)
        };
        assert!(named("Angela Merkel"), "the name beside the date");
        assert!(!named("Emmanuel Macron"), "a name 60 KB away");
        assert!(item.entities.len() < 300, "{} names", item.entities.len());
    }

    /// Items of a year join across articles only where they share two
    /// rare names; of a day, one is enough.
    #[test]
    fn a_year_s_items_join_on_two_shared_names() {
        let item = |article: u32, value: &str, entities: Vec<u32>| Item {
            start: NaiveDate::from_ymd_opt(1928, 1, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(1928, 12, 31).unwrap(),
            value: Value::new(value),
            precision: precision_of(value),
            article,
            sentence: 0..1,
            timex: None,
            also: vec![],
            entities,
            event: 0,
        };
        let rare: HashSet<u32> = [1, 2, 3, 4].into_iter().collect();
        // the Bronx (1) and Gigante (2) in three obituaries; the Bronx alone
        // in a fourth, Gigante and the Bronx's other (3) in a fifth
        let items = vec![
            item(0, "1928", vec![1, 2]),
            item(1, "1928", vec![2, 1, 9]),
            item(2, "1928", vec![1]),
            item(3, "1928", vec![2, 3]),
            item(4, "1928", vec![1, 2]),
        ];
        let groups = group_items(&items, &[0, 1, 2, 3, 4], &rare);
        let members: Vec<Vec<usize>> = groups.iter().map(|g| g.2.clone()).collect();
        assert_eq!(members, vec![vec![0, 1, 4], vec![2], vec![3]]);
        // a day's items: one shared name is enough
        let days = vec![
            item(0, "1928-03-29", vec![1]),
            item(1, "1928-03-29", vec![1, 4]),
        ];
        assert_eq!(group_items(&days, &[0, 1], &rare).len(), 1);
    }

    #[test]
    fn values_are_kept_inline_and_ordered_as_text() {
        let (a, b) = (Value::new("2025-10-16"), Value::new("2025-W43"));
        assert_eq!(a.as_str(), "2025-10-16");
        assert!(a < b);
        assert_eq!(Value::new("1987"), "1987");
        // too long: cut on a character boundary, never a panic
        assert_eq!(Value::new(&"é".repeat(20)).len(), 22);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "\"2025-10-16\"");
        assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), a);
        let bytes = postcard::to_stdvec(&b).unwrap();
        assert_eq!(postcard::from_bytes::<Value>(&bytes).unwrap(), b);
    }
}
