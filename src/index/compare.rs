//! Two articles side by side: sentences aligned to their counterparts,
//! quotes both carry, entities and dates they share or not, and how related
//! two articles are at all.

use super::Index;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// How a sentence relates to the other article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// The same sentence, give or take a few words.
    Shared,
    /// The same facts in other words.
    Reworded,
    /// Nothing like it in the other article.
    Only,
}

impl Mark {
    pub fn symbol(self) -> char {
        match self {
            Mark::Shared => '=',
            Mark::Reworded => '~',
            Mark::Only => '+',
        }
    }
}

/// One sentence of one side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sent {
    pub range: Range<usize>,
    pub mark: Mark,
    /// Its best counterpart on the other side (index into that side's sentences).
    pub counterpart: Option<usize>,
    pub score: f32,
}

/// A quote that both articles carry, with where it is in each.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedQuote {
    pub a: Range<usize>,
    pub b: Range<usize>,
}

/// Aligned sentences that give different dates for what they report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateDiff {
    pub a_sentence: usize,
    pub b_sentence: usize,
    pub a_values: Vec<String>,
    pub b_values: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    SameEvent,
    Related,
    DifferentEvents,
}

impl Relation {
    pub fn label(self) -> &'static str {
        match self {
            Relation::SameEvent => "same event",
            Relation::Related => "related",
            Relation::DifferentEvents => "different events",
        }
    }
}

/// One display row: a sentence of A and/or of B, side by side; `paired` when
/// they are counterparts (otherwise two unmatched sentences share the row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Row {
    pub a: Option<usize>,
    pub b: Option<usize>,
    pub paired: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub a: usize,
    pub b: usize,
    pub a_sents: Vec<Sent>,
    pub b_sents: Vec<Sent>,
    /// Display rows, each side in reading order.
    pub rows: Vec<Row>,
    pub shared_entities: Vec<u32>,
    pub only_a: Vec<u32>,
    pub only_b: Vec<u32>,
    pub quotes: Vec<SharedQuote>,
    pub date_diffs: Vec<DateDiff>,
    /// Share of sentences (both sides) that have a counterpart.
    pub aligned: f32,
    /// Entities in common, weighted by their rarity in the corpus (0 to 1).
    pub overlap: f32,
    pub relation: Relation,
}

const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "his",
    "her",
    "its",
    "their",
    "they",
    "them",
    "this",
    "these",
    "those",
    "from",
    "will",
    "would",
    "could",
    "should",
    "can",
    "but",
    "not",
    "also",
    "been",
    "being",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "while",
    "there",
    "than",
    "then",
    "into",
    "about",
    "after",
    "before",
    "over",
    "said",
    "says",
    "say",
    "our",
    "out",
    "all",
    "any",
    "some",
    "more",
    "most",
    "such",
    "only",
    "other",
    "very",
    "just",
    "one",
    "two",
    "may",
    "might",
    "must",
    "did",
    "does",
    "she",
    "him",
    "you",
    "your",
    "we",
    "who",
    "how",
    "why",
    "per",
    "via",
    "upon",
    "between",
    "during",
    "under",
    "against",
    "both",
    "each",
    "own",
    "same",
    "too",
    "now",
    "new",
    "told",
    "according",
    "added",
];

/// Crude stem: case folded, common suffixes off, at most six letters.
fn stem(w: &str) -> Option<String> {
    let l = w.to_lowercase();
    let l = l.strip_suffix("'s").or(l.strip_suffix("’s")).unwrap_or(&l);
    // a number is a fact of its own ("33", "485", "9-14"): kept whole
    if l.chars().all(|c| c.is_ascii_digit()) {
        return (!l.is_empty()).then(|| format!("#{l}"));
    }
    if l.chars().count() < 3 || STOP.contains(&l) {
        return None;
    }
    let mut s = l;
    for suf in ["ing", "ed", "es", "s", "ly"] {
        if let Some(x) = s.strip_suffix(suf) {
            if x.chars().count() >= 3 {
                s = x;
                break;
            }
        }
    }
    Some(s.chars().take(6).collect())
}

/// The features of one sentence: content-word stems and entity ids.
struct Features {
    words: HashSet<String>,
    entities: HashSet<u32>,
}

const ENTITY_WEIGHT: f32 = 1.5;

/// Feature weights for one pair of articles: rarer among their sentences
/// weighs more, so the story's cast and stock words, found in most sentences
/// of both, count for little.
struct Weights {
    words: HashMap<String, f32>,
    entities: HashMap<u32, f32>,
}

impl Weights {
    fn new(all: &[&Features]) -> Weights {
        let n = all.len() as f32 + 1.0;
        let mut words: HashMap<String, f32> = HashMap::new();
        let mut entities: HashMap<u32, f32> = HashMap::new();
        for f in all {
            for w in &f.words {
                *words.entry(w.clone()).or_default() += 1.0;
            }
            for &e in &f.entities {
                *entities.entry(e).or_default() += 1.0;
            }
        }
        for v in words.values_mut() {
            *v = (n / *v).ln().max(0.1);
        }
        for v in entities.values_mut() {
            *v = ENTITY_WEIGHT * (n / *v).ln().max(0.1);
        }
        Weights { words, entities }
    }

    fn total(&self, f: &Features) -> f32 {
        f.words.iter().map(|w| self.words[w]).sum::<f32>()
            + f.entities.iter().map(|e| self.entities[e]).sum::<f32>()
    }

    /// Weighted cosine of the two sentences' features: what they share
    /// over the geometric mean of what each holds, so that a long sentence
    /// that tells the short one's fact among others still pairs with it.
    fn sim(&self, x: &Features, y: &Features, tx: f32, ty: f32) -> f32 {
        if tx == 0.0 || ty == 0.0 {
            return 0.0;
        }
        let words: Vec<&String> = x.words.intersection(&y.words).collect();
        let ents: Vec<&u32> = x.entities.intersection(&y.entities).collect();
        let shared = words.iter().map(|w| self.words[*w]).sum::<f32>()
            + ents.iter().map(|e| self.entities[*e]).sum::<f32>();
        let dice = shared / (tx * ty).sqrt();
        // the same names alone are not the same facts
        if words.len() >= 2 || (words.len() == 1 && ents.len() >= 2) {
            dice
        } else {
            dice * 0.5
        }
    }
}

/// The words of two sentences told in other words that the other sentence
/// does not have (by stem; stop words aside), as byte ranges of each
/// article: what a reworded pair changed.
pub fn differing_words(
    ix: &Index,
    (a, ra): (usize, &Range<usize>),
    (b, rb): (usize, &Range<usize>),
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let stems = |art: usize, r: &Range<usize>| -> Vec<(Option<String>, Range<usize>)> {
        let t = &ix.articles[art].text;
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in t[r.clone()].char_indices() {
            let word = c.is_alphanumeric() || c == '\'' || c == '’';
            match (word, start) {
                (true, None) => start = Some(i),
                (false, Some(s0)) => {
                    out.push((
                        stem(&t[r.start + s0..r.start + i]),
                        r.start + s0..r.start + i,
                    ));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s0) = start {
            out.push((stem(&t[r.start + s0..r.end]), r.start + s0..r.end));
        }
        out
    };
    let (wa, wb) = (stems(a, ra), stems(b, rb));
    let set = |w: &[(Option<String>, Range<usize>)]| -> HashSet<String> {
        w.iter().filter_map(|(s, _)| s.clone()).collect()
    };
    let (sa, sb) = (set(&wa), set(&wb));
    let only = |w: Vec<(Option<String>, Range<usize>)>, other: &HashSet<String>| {
        w.into_iter()
            .filter(|(s, _)| s.as_ref().is_some_and(|s| !other.contains(s)))
            .map(|(_, r)| r)
            .collect()
    };
    (only(wa, &sb), only(wb, &sa))
}

/// Sentences of an article's body that are not boilerplate.
fn body_sentences(ix: &Index, a: usize) -> Vec<Range<usize>> {
    let art = &ix.articles[a];
    ix.analyses[a]
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, r)| r.end > art.body.start && !art.is_boilerplate(r.start.max(art.body.start)))
        .map(|(_, r)| r.start.max(art.body.start)..r.end)
        .filter(|r| art.text[r.clone()].chars().any(|c| c.is_alphanumeric()))
        .collect()
}

fn features(ix: &Index, a: usize, sents: &[Range<usize>]) -> Vec<Features> {
    let art = &ix.articles[a];
    let an = &ix.analyses[a];
    sents
        .iter()
        .map(|r| {
            let r = r.clone();
            // names count once, as entities, not again as words
            let mut t = art.text[r.clone()].to_string();
            for m in an
                .mentions
                .iter()
                .filter(|m| m.range.start >= r.start && m.range.end <= r.end)
            {
                t.replace_range(
                    m.range.start - r.start..m.range.end - r.start,
                    &" ".repeat(m.range.len()),
                );
            }
            let words = t
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter_map(stem)
                .collect();
            let entities = an
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.range.start >= r.start && m.range.end <= r.end)
                .map(|(mi, _)| ix.mention_entity[a][mi])
                .collect();
            Features { words, entities }
        })
        .collect()
}

/// Above this a sentence pair is the same sentence; above `REWORDED` the same facts.
const SHARED: f32 = 0.6;
const REWORDED: f32 = 0.2;
/// The similarity (words and names alone) from which two sentences tell
/// the same facts, for judging whether two articles report one event.
const SAME_FACTS: f32 = 0.3;
/// What standing at the same place in both articles adds to a pair's
/// similarity, at most; and what two leads sharing anything add.
const ORDER: f32 = 0.05;
const LEAD: f32 = 0.1;
/// Beyond this many sentence pairs the alignment is skipped (marks only).
const MAX_PAIRS: usize = 4_000_000;

/// Words of a text with their byte ranges (letters and digits, case folded).
fn words_at(text: &str, range: Range<usize>) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    let s = &text[range.clone()];
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((s[st..i].to_lowercase(), range.start + st..range.start + i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

const QUOTE_GRAM: usize = 4;

/// Where the words of `quote` occur in `hay` (shingles of four words, so small
/// differences in punctuation, case or a word here and there still match).
fn find_quote(
    quote: &[(String, Range<usize>)],
    hay: &[(String, Range<usize>)],
) -> Option<Range<usize>> {
    if quote.len() < QUOTE_GRAM || hay.len() < QUOTE_GRAM {
        // short quotes must match whole
        if quote.len() >= 3 {
            return hay.windows(quote.len()).find_map(|w| {
                w.iter()
                    .zip(quote)
                    .all(|(a, b)| a.0 == b.0)
                    .then(|| w[0].1.start..w[w.len() - 1].1.end)
            });
        }
        return None;
    }
    let key =
        |w: &[(String, Range<usize>)]| w.iter().map(|x| x.0.as_str()).collect::<Vec<_>>().join(" ");
    let qkeys: HashSet<String> = quote.windows(QUOTE_GRAM).map(key).collect();
    let mut first: Option<usize> = None;
    let mut last = 0;
    let mut matched = HashSet::new();
    for (i, w) in hay.windows(QUOTE_GRAM).enumerate() {
        let k = key(w);
        if qkeys.contains(&k) {
            // keep to one contiguous stretch: a gap longer than the quote ends it
            if first.is_some() && i > last + quote.len() {
                if matched.len() * 5 >= qkeys.len() * 3 {
                    break;
                }
                matched.clear();
                first = None;
            }
            first.get_or_insert(i);
            last = i;
            matched.insert(k);
        }
    }
    let f = first?;
    (matched.len() * 5 >= qkeys.len() * 3).then(|| hay[f].1.start..hay[last + QUOTE_GRAM - 1].1.end)
}

/// Quotes of either article found in the other.
fn shared_quotes(ix: &Index, a: usize, b: usize) -> Vec<SharedQuote> {
    let body = |x: usize| {
        let art = &ix.articles[x];
        words_at(&art.text, art.body.clone())
    };
    let (wa, wb) = (body(a), body(b));
    let mut out: Vec<SharedQuote> = Vec::new();
    let overlaps = |r: &Range<usize>, s: &Range<usize>| r.start < s.end && s.start < r.end;
    for (x, wy, flip) in [(a, &wb, false), (b, &wa, true)] {
        let text = &ix.articles[x].text;
        for q in &ix.analyses[x].quotes {
            let qw = words_at(text, q.clone());
            if let Some(found) = find_quote(&qw, wy) {
                let (ra, rb) = if flip {
                    (found, q.clone())
                } else {
                    (q.clone(), found)
                };
                if !out
                    .iter()
                    .any(|s| overlaps(&s.a, &ra) && overlaps(&s.b, &rb))
                {
                    out.push(SharedQuote { a: ra, b: rb });
                }
            }
        }
    }
    out.sort_by_key(|q| q.a.start);
    out
}

fn date_values(ix: &Index, a: usize, sentence: &Range<usize>) -> Vec<String> {
    let mut v: Vec<String> = ix.analyses[a]
        .timexes
        .iter()
        .filter(|t| {
            t.range.start >= sentence.start
                && t.range.end <= sentence.end
                && t.ty == crate::nlp::TimexType::Date
        })
        .filter_map(|t| t.value.clone())
        .filter(|v| v.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Entities of an article, most mentioned first.
fn entities_of(ix: &Index, a: usize) -> Vec<(u32, usize)> {
    let mut n: HashMap<u32, usize> = HashMap::new();
    for &e in &ix.mention_entity[a] {
        *n.entry(e).or_default() += 1;
    }
    let mut v: Vec<(u32, usize)> = n.into_iter().collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    v
}

/// A sentence with its best counterpart (index, score), if any is close enough.
fn sent(range: &Range<usize>, best: Option<(usize, f32)>) -> Sent {
    let mark = match best {
        Some((_, s)) if s >= SHARED => Mark::Shared,
        Some((_, s)) if s >= REWORDED => Mark::Reworded,
        _ => Mark::Only,
    };
    Sent {
        range: range.clone(),
        mark,
        counterpart: best.map(|x| x.0),
        score: best.map_or(0.0, |x| x.1),
    }
}

/// Aligns article `a` with article `b`.
pub fn compare(ix: &Index, a: usize, b: usize) -> Comparison {
    let (sa, sb) = (body_sentences(ix, a), body_sentences(ix, b));
    let (fa, fb) = (features(ix, a, &sa), features(ix, b, &sb));
    let pairs = fa.len() * fb.len();
    let weights = Weights::new(&fa.iter().chain(&fb).collect::<Vec<_>>());
    let ta: Vec<f32> = fa.iter().map(|f| weights.total(f)).collect();
    let tb: Vec<f32> = fb.iter().map(|f| weights.total(f)).collect();
    let mut sim: Vec<Vec<f32>> = if pairs <= MAX_PAIRS {
        fa.iter()
            .zip(&ta)
            .map(|(x, &tx)| {
                fb.iter()
                    .zip(&tb)
                    .map(|(y, &ty)| weights.sim(x, y, tx, ty))
                    .collect()
            })
            .collect()
    } else {
        vec![vec![0.0; fb.len()]; fa.len()]
    };
    // sentences that carry the same quote are counterparts
    let quotes = shared_quotes(ix, a, b);
    let overlaps = |r: &Range<usize>, s: &Range<usize>| r.start < s.end && s.start < r.end;
    if pairs <= MAX_PAIRS {
        for q in &quotes {
            for (i, ra) in sa.iter().enumerate().filter(|(_, r)| overlaps(r, &q.a)) {
                for (j, rb) in sb.iter().enumerate().filter(|(_, r)| overlaps(r, &q.b)) {
                    // the pair whose sentences hold the same stretch of the quote
                    let part = |r: &Range<usize>, q: &Range<usize>| {
                        (r.start.max(q.start), r.end.min(q.end))
                    };
                    let (pa, pb) = (part(ra, &q.a), part(rb, &q.b));
                    let (ta, tb) = (&ix.articles[a].text, &ix.articles[b].text);
                    let wa = words_at(ta, pa.0..pa.1);
                    let wb = words_at(tb, pb.0..pb.1);
                    let same = wa.iter().filter(|w| wb.iter().any(|v| v.0 == w.0)).count();
                    if same * 2 >= wa.len().min(wb.len()).max(1) {
                        sim[i][j] = sim[i][j].max(0.8);
                    }
                }
            }
        }
    }
    // whether the articles tell one event: judged on the words and names
    // alone (the place in the article says nothing about that), before
    // order counts
    let raw_best: Vec<f32> = sim
        .iter()
        .map(|row| row.iter().copied().fold(0.0, f32::max))
        .chain((0..fb.len()).map(|j| sim.iter().map(|row| row[j]).fold(0.0, f32::max)))
        .collect();
    let (ea, eb) = (entities_of(ix, a), entities_of(ix, b));
    let set_b: HashSet<u32> = eb.iter().map(|x| x.0).collect();
    let set_a: HashSet<u32> = ea.iter().map(|x| x.0).collect();
    let shared_entities: Vec<u32> = ea
        .iter()
        .filter(|x| set_b.contains(&x.0))
        .map(|x| x.0)
        .collect();
    let only_a: Vec<u32> = ea
        .iter()
        .filter(|x| !set_b.contains(&x.0))
        .map(|x| x.0)
        .collect();
    let only_b: Vec<u32> = eb
        .iter()
        .filter(|x| !set_a.contains(&x.0))
        .map(|x| x.0)
        .collect();
    // entities in common, weighted by rarity in the corpus: sharing the
    // story's usual cast says less than sharing its particular names
    let n_art = ix.articles.len() as f32 + 1.0;
    let idf = |e: &u32| (n_art / ix.entities[*e as usize].articles.len() as f32).ln();
    // (who, which body and where tell an event; the other names, works and
    // products, come and go with what each outlet adds)
    let told = |e: &&u32| ix.entities[**e as usize].ty != crate::nlp::EntityType::Other;
    let w = |v: &[u32]| v.iter().filter(told).map(idf).sum::<f32>();
    let all = w(&shared_entities) + w(&only_a) + w(&only_b);
    let overlap = if all > 0.0 {
        w(&shared_entities) / all
    } else {
        0.0
    };
    let n = sa.len() + sb.len();
    let same_facts = if n == 0 {
        0.0
    } else {
        raw_best.iter().filter(|&&v| v >= SAME_FACTS).count() as f32 / n as f32
    };
    let relation = relation(ix, a, b, same_facts, overlap, !quotes.is_empty());
    // two reports of one event tell it in much the same order, and their
    // leads most often tell the same news: there, a pair that shares
    // something gains a little for standing at the same place, and a
    // lower similarity is a rewording (also where the event may be one:
    // related); across different events only plainly the same facts pair
    let same_event = relation != Relation::DifferentEvents;
    let threshold = if same_event { REWORDED } else { SAME_FACTS };
    if same_event && pairs <= MAX_PAIRS {
        let (n, m) = (fa.len().max(1) as f32, fb.len().max(1) as f32);
        for (i, row) in sim.iter_mut().enumerate() {
            for (j, v) in row.iter_mut().enumerate() {
                if *v > 0.0 {
                    let place = 1.0 - ((i as f32 + 0.5) / n - (j as f32 + 0.5) / m).abs();
                    *v += ORDER * place + if i == 0 && j == 0 { LEAD } else { 0.0 };
                }
            }
        }
    }
    let best = |scores: &mut dyn Iterator<Item = f32>| {
        scores
            .enumerate()
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .filter(|(_, s)| *s >= threshold)
    };
    let mut a_sents: Vec<Sent> = sa
        .iter()
        .enumerate()
        .map(|(i, r)| sent(r, best(&mut sim[i].iter().copied())))
        .collect();
    let mut b_sents: Vec<Sent> = sb
        .iter()
        .enumerate()
        .map(|(j, r)| sent(r, best(&mut sim.iter().map(|row| row[j]))))
        .collect();
    // a sentence that carries a quote the other article carries is shared
    for q in &quotes {
        for (sents, r) in [(&mut a_sents, &q.a), (&mut b_sents, &q.b)] {
            for s in sents.iter_mut() {
                if s.range.start < r.end && r.start < s.range.end {
                    s.mark = Mark::Shared;
                }
            }
        }
    }
    let rows = align(&sim, fa.len(), fb.len());
    let mut date_diffs = Vec::new();
    for r in rows.iter().filter(|r| r.paired) {
        if let (Some(i), Some(j)) = (r.a, r.b) {
            let va = date_values(ix, a, &a_sents[i].range);
            let vb = date_values(ix, b, &b_sents[j].range);
            if !va.is_empty() && !vb.is_empty() && !va.iter().any(|v| vb.contains(v)) {
                date_diffs.push(DateDiff {
                    a_sentence: i,
                    b_sentence: j,
                    a_values: va,
                    b_values: vb,
                });
            }
        }
    }
    let n = a_sents.len() + b_sents.len();
    let matched = a_sents
        .iter()
        .chain(&b_sents)
        .filter(|s| s.mark != Mark::Only)
        .count();
    let aligned = if n == 0 {
        0.0
    } else {
        matched as f32 / n as f32
    };
    Comparison {
        a,
        b,
        a_sents,
        b_sents,
        rows,
        shared_entities,
        only_a,
        only_b,
        quotes,
        date_diffs,
        aligned,
        overlap,
        relation,
    }
}

/// The day spans an article's text and date give for what it reports.
fn days_of(ix: &Index, a: usize) -> Vec<(chrono::NaiveDate, chrono::NaiveDate)> {
    let mut v: Vec<_> = ix.analyses[a]
        .timexes
        .iter()
        .filter_map(|t| t.days())
        .filter(|(s, e)| (*e - *s).num_days() <= 7)
        .collect();
    if let Some(d) = ix.articles[a].date {
        v.push((d, d));
    }
    v
}

/// Same event: a shared quote, or many sentences with a counterpart, or many
/// particular names in common; and dates that agree (or are unknown).
fn relation(ix: &Index, a: usize, b: usize, aligned: f32, overlap: f32, quotes: bool) -> Relation {
    let (da, db) = (days_of(ix, a), days_of(ix, b));
    // dates agree when some day of one falls within two days of a day of the other
    let near = da.iter().any(|x| {
        db.iter().any(|y| {
            x.0.signed_duration_since(y.1).num_days() <= 2
                && y.0.signed_duration_since(x.1).num_days() <= 2
        })
    });
    let agree = near || da.is_empty() || db.is_empty();
    // thresholds measured on ECB+ (same event, a similar event, another topic)
    if quotes || (agree && (aligned >= 0.2 || overlap >= 0.15)) {
        Relation::SameEvent
    } else if aligned >= 0.1 || overlap >= 0.1 {
        Relation::Related
    } else {
        Relation::DifferentEvents
    }
}

/// The monotone alignment that keeps the most similarity. Between two pairs
/// of counterparts, the unmatched sentences of each side share rows, so both
/// columns move on together.
fn align(sim: &[Vec<f32>], n: usize, m: usize) -> Vec<Row> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if n * m <= MAX_PAIRS && n > 0 && m > 0 {
        // dp[i][j]: best total over the first i of A and j of B; squared
        // scores, so one strong pair outweighs several weak ones
        let w = m + 1;
        let mut dp = vec![0f32; (n + 1) * w];
        for i in 1..=n {
            for j in 1..=m {
                let s = sim[i - 1][j - 1];
                let diag = if s >= REWORDED {
                    dp[(i - 1) * w + j - 1] + s * s
                } else {
                    f32::MIN
                };
                dp[i * w + j] = diag.max(dp[(i - 1) * w + j]).max(dp[i * w + j - 1]);
            }
        }
        let (mut i, mut j) = (n, m);
        while i > 0 && j > 0 {
            let s = sim[i - 1][j - 1];
            if s >= REWORDED && dp[i * w + j] == dp[(i - 1) * w + j - 1] + s * s {
                pairs.push((i - 1, j - 1));
                i -= 1;
                j -= 1;
            } else if dp[i * w + j] == dp[(i - 1) * w + j] {
                i -= 1;
            } else {
                j -= 1;
            }
        }
        pairs.reverse();
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in pairs.into_iter().chain(std::iter::once((n, m))) {
        let (la, lb) = (pi - i, pj - j);
        for k in 0..la.max(lb) {
            rows.push(Row {
                a: (k < la).then_some(i + k),
                b: (k < lb).then_some(j + k),
                paired: false,
            });
        }
        if pi < n && pj < m {
            rows.push(Row {
                a: Some(pi),
                b: Some(pj),
                paired: true,
            });
        }
        (i, j) = (pi + 1, pj + 1);
    }
    rows
}

/// Articles most related to `a`: shared entities weighted by rarity, and
/// shared quotes. Best first, at most `limit`.
pub fn related(ix: &Index, a: usize, limit: usize) -> Vec<(usize, f32)> {
    let n = ix.articles.len() as f32;
    let mut score: HashMap<usize, f32> = HashMap::new();
    for (e, _) in entities_of(ix, a) {
        let arts = &ix.entities[e as usize].articles;
        let idf = (n / arts.len() as f32).ln();
        if idf <= 0.0 || arts.len() > 5000 {
            continue;
        }
        for &o in arts {
            if o as usize != a {
                *score.entry(o as usize).or_default() += idf;
            }
        }
    }
    for carriers in ix.quote_carriers.get(a).into_iter().flatten() {
        for &o in carriers {
            *score.entry(o as usize).or_default() += n.ln().max(1.0);
        }
    }
    let mut v: Vec<(usize, f32)> = score.into_iter().collect();
    v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    v.truncate(limit);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reworded_pair_shows_the_words_it_changed() {
        let t1 = "Comedian Ellen DeGeneres will make her second appearance as host.";
        let t2 = "The comedian Ellen DeGeneres is to return as host.";
        let ix = Index::build(
            crate::corpus::Corpus {
                articles: [t1, t2]
                    .iter()
                    .enumerate()
                    .map(|(i, t)| crate::corpus::Article {
                        id: format!("{i}"),
                        text: t.to_string(),
                        body: 0..t.len(),
                        ..Default::default()
                    })
                    .collect(),
                warnings: vec![],
            },
            2013,
        );
        let (da, db) = differing_words(&ix, (0, &(0..t1.len())), (1, &(0..t2.len())));
        let words = |t: &str, v: &[Range<usize>]| {
            v.iter()
                .map(|r| t[r.clone()].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(words(t1, &da), ["make", "second", "appearance"]);
        assert_eq!(words(t2, &db), ["return"]);
    }
}
