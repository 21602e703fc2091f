//! The corpus-wide layer: entities and their mentions across articles, the
//! timeline, search.

pub mod aliases;
pub mod cache;
pub mod compare;
pub mod fuzzy;
pub mod link;
pub mod search;
pub mod story;
pub mod timeline;

use crate::corpus::{Article, Corpus, DateSource, Warning};
use crate::nlp::{self, Analysis, EntityType, Evidence, Lexicon};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// One real-world entity and every mention of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entity {
    pub id: u32,
    /// The fullest name seen.
    pub name: String,
    pub ty: EntityType,
    /// Why it has that type.
    pub evidence: Evidence,
    /// Every spelling seen, most frequent first.
    pub aliases: Vec<String>,
    /// (article, mention index), in date order of the articles (most
    /// entities have one: no allocation for those).
    pub mentions: smallvec::SmallVec<[(u32, u32); 1]>,
    /// Distinct articles, in date order (undated last).
    pub articles: smallvec::SmallVec<[u32; 2]>,
}

/// What the analysis is doing, for a progress bar on another thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Words,
    Mentions,
    Linking,
    Done,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Words => "words and sentences",
            Stage::Mentions => "names and dates",
            Stage::Linking => "linking names and quotes, building the timeline",
            Stage::Done => "done",
        }
    }

    /// Of the whole analysis, the share done before this stage (a rough
    /// weight per stage, measured on Reuters).
    fn base(self) -> f64 {
        match self {
            Stage::Reading => 0.0,
            Stage::Words => 0.11,
            Stage::Mentions => 0.26,
            Stage::Linking => 0.58,
            Stage::Done => 1.0,
        }
    }
}

/// Progress of an analysis, shared with the thread that shows it.
#[derive(Debug)]
pub struct Progress {
    stage: std::sync::atomic::AtomicU8,
    done: std::sync::atomic::AtomicUsize,
    total: std::sync::atomic::AtomicUsize,
    origin: std::time::Instant,
    /// When the stage began, in ms after `origin`.
    stage_ms: std::sync::atomic::AtomicU64,
}

impl Default for Progress {
    fn default() -> Progress {
        Progress {
            stage: Default::default(),
            done: Default::default(),
            total: Default::default(),
            origin: std::time::Instant::now(),
            stage_ms: Default::default(),
        }
    }
}

impl Progress {
    const STAGES: [Stage; 5] = [
        Stage::Reading,
        Stage::Words,
        Stage::Mentions,
        Stage::Linking,
        Stage::Done,
    ];

    pub fn start(&self, stage: Stage, total: usize) {
        use std::sync::atomic::Ordering::Relaxed;
        self.total.store(total, Relaxed);
        self.done.store(0, Relaxed);
        let i = Self::STAGES.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage.store(i as u8, Relaxed);
        self.stage_ms
            .store(self.origin.elapsed().as_millis() as u64, Relaxed);
    }

    /// "names and dates 8,120/19,043 · 45% · 12,400 articles/s · 1 s left"
    pub fn text(&self, elapsed: std::time::Duration) -> String {
        let (stage, done, total, share) = self.get();
        let mut out = stage.label().to_string();
        if total > 0 {
            out += &format!(" {done}/{total}");
        }
        out += &format!(" · {:.0}%", share * 100.0);
        let secs = elapsed.as_secs_f64();
        if let Some(r) = self.rate().filter(|_| total > 0) {
            out += &format!(" · {r:.0} articles/s");
        }
        if share > 0.05 {
            let left = secs * (1.0 - share) / share;
            out += &format!(" · {left:.0} s left");
        }
        out
    }

    /// Articles per second in the current stage, once it has run a while.
    pub fn rate(&self) -> Option<f64> {
        use std::sync::atomic::Ordering::Relaxed;
        let ms =
            (self.origin.elapsed().as_millis() as u64).saturating_sub(self.stage_ms.load(Relaxed));
        let done = self.done.load(Relaxed);
        (ms >= 50 && done > 0).then(|| done as f64 * 1000.0 / ms as f64)
    }

    pub fn tick(&self) {
        self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// The stage, articles done and total in it, and the share of the whole done.
    pub fn get(&self) -> (Stage, usize, usize, f64) {
        use std::sync::atomic::Ordering::Relaxed;
        let i = (self.stage.load(Relaxed) as usize).min(Self::STAGES.len() - 1);
        let stage = Self::STAGES[i];
        let (done, total) = (self.done.load(Relaxed), self.total.load(Relaxed));
        let next = Self::STAGES.get(i + 1).map_or(1.0, |s| s.base());
        let within = if total > 0 {
            done.min(total) as f64 / total as f64
        } else {
            0.0
        };
        let share = stage.base() + (next - stage.base()) * within;
        (stage, done, total, share)
    }
}

/// The analyzed corpus.
#[derive(Serialize, Deserialize)]
pub struct Index {
    pub articles: Vec<Article>,
    pub analyses: Vec<Analysis>,
    pub entities: Vec<Entity>,
    /// For each article, for each mention: its entity.
    pub mention_entity: Vec<Vec<u32>>,
    pub timeline: timeline::Timeline,
    /// For each article, for each of its quotes: the other articles carrying it.
    pub quote_carriers: Vec<Vec<Vec<u32>>>,
    /// Articles by date (undated last), then title: the reading order.
    pub date_order: Vec<u32>,
    pub warnings: Vec<Warning>,
    /// Every entity's names in one buffer, made on first use (finding an
    /// entity as you type reads it instead of 70,000 scattered strings).
    #[serde(skip)]
    pub names: std::sync::OnceLock<Names>,
    /// The people of two words or more by their last word, most articles
    /// first, made on first use ("may be" in the entity panel asks it at
    /// every frame).
    #[serde(skip)]
    pub by_last_word: std::sync::OnceLock<crate::fx::FxHashMap<String, Vec<u32>>>,
    /// The names of one word by their forms in lower case, whole and with
    /// each letter left out (two names one edit apart share a form), made
    /// on first use ("may be" lists a name's near spellings).
    #[serde(skip)]
    pub by_spelling: std::sync::OnceLock<crate::fx::FxHashMap<String, Vec<u32>>>,
}

/// The names of all entities, one after the other, each entity's separated
/// by newlines: `text[spans[e]]` are entity `e`'s name and aliases.
#[derive(Debug, Default)]
pub struct Names {
    pub text: String,
    pub spans: Vec<std::ops::Range<u32>>,
}

impl Names {
    fn of(entities: &[Entity]) -> Names {
        let mut n = Names::default();
        for e in entities {
            let start = n.text.len() as u32;
            n.text.push_str(&e.name.replace('\n', " "));
            for a in e.aliases.iter().filter(|a| **a != e.name) {
                n.text.push('\n');
                n.text.push_str(&a.replace('\n', " "));
            }
            n.spans.push(start..n.text.len() as u32);
        }
        n
    }

    /// Entity `e`'s names.
    pub fn of_entity(&self, e: usize) -> impl Iterator<Item = &str> {
        let r = self.spans.get(e).cloned().unwrap_or(0..0);
        self.text[r.start as usize..r.end as usize].split('\n')
    }
}

impl Index {
    /// The names buffer, made once per linking.
    pub fn names(&self) -> &Names {
        self.names.get_or_init(|| Names::of(&self.entities))
    }
}

/// The one day with this weekday, month and day in `window` (none when no
/// day or several fit: then the evidence does not bound the year).
fn only_day(
    (m, d, w): (u32, u32, chrono::Weekday),
    window: std::ops::RangeInclusive<NaiveDate>,
) -> Option<NaiveDate> {
    let mut fits = (window.start().year()..=window.end().year())
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .filter(|day| day.weekday() == w && window.contains(day));
    let one = fits.next()?;
    fits.next().is_none().then_some(one)
}

/// A year either side of `anchor`, never after `latest`.
fn around(anchor: NaiveDate, latest: NaiveDate) -> std::ops::RangeInclusive<NaiveDate> {
    let year = chrono::Days::new(366);
    let a = anchor.checked_sub_days(year).unwrap_or(NaiveDate::MIN);
    let b = anchor
        .checked_add_days(year)
        .unwrap_or(NaiveDate::MAX)
        .min(latest);
    a..=b
}

/// The latest day an article of this corpus can carry: the latest date of
/// its dated articles, else the end of `fallback_year` (the present year).
fn latest_day(articles: &[Article], fallback_year: i32) -> NaiveDate {
    articles
        .iter()
        .filter_map(|a| a.date)
        .max()
        .or_else(|| NaiveDate::from_ymd_opt(fallback_year, 12, 31))
        .unwrap_or(NaiveDate::MAX)
}

/// Sets an inferred date with the sentence that gave it.
fn set_inferred(a: &mut Article, date: NaiveDate, at: std::ops::Range<usize>) {
    a.date = Some(date);
    a.date_source = DateSource::Inferred;
    let sents = nlp::text::sentences(&a.text);
    a.date_evidence = nlp::sentence_at(&sents, at.start).map(|i| sents[i].clone());
}

/// The latest day of an article's "Thursday (October 16)" pairs that is the
/// only fit in `window`, with where it is written (in the whole text).
fn date_in(
    a: &Article,
    pairs: &[(u32, u32, chrono::Weekday, std::ops::Range<usize>)],
    window: std::ops::RangeInclusive<NaiveDate>,
) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let off = a.body.start;
    pairs
        .iter()
        .filter_map(|&(m, d, w, ref r)| {
            Some((
                only_day((m, d, w), window.clone())?,
                off + r.start..off + r.end,
            ))
        })
        .max_by_key(|(d, _)| *d)
}

/// Dates of undated articles from "on Thursday (October 16)", only where
/// evidence bounds the year to one fit: a full date the article writes
/// ("in November 2004": a year either side of it), else the corpus's own
/// dated articles (from a year before the earliest to the latest). A
/// weekday that fits a day and a month is never enough alone (a fit comes
/// back every few years), and no date comes after the corpus's latest one.
/// The rest may be dated by the quotes they carry, after the analysis
/// (`infer_dates_from_quotes`).
pub fn infer_dates(articles: &mut [Article], fallback_year: i32) {
    let latest = latest_day(articles, fallback_year);
    let earliest = articles.iter().filter_map(|a| a.date).min();
    let corpus = earliest.map(|e| *around(e, latest).start()..=latest);
    for a in articles.iter_mut().filter(|a| a.date.is_none()) {
        let body = &a.text[a.body.clone()];
        let pairs = nlp::timex::weekday_date_pairs(body);
        if pairs.is_empty() {
            continue;
        }
        // the latest full date the text writes
        let sents = nlp::text::sentences(body);
        let own = nlp::timex::extract(body, &sents, None)
            .iter()
            .filter_map(|t| t.value.as_deref())
            .filter(|v| v.len() == 10)
            .filter_map(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
            .filter(|d| *d <= latest)
            .max();
        let found = own
            .and_then(|o| date_in(a, &pairs, around(o, latest)))
            .or_else(|| corpus.clone().and_then(|w| date_in(a, &pairs, w)));
        if let Some((date, at)) = found {
            set_inferred(a, date, at);
        }
    }
}

/// Undated articles that carry a quote a dated article carries too: the
/// quote's first publication bounds the year of the article's "Thursday
/// (October 16)". Returns the articles so dated (their time expressions are
/// to be read again against the new date).
pub fn infer_dates_from_quotes(
    articles: &mut [Article],
    carriers: &[Vec<Vec<u32>>],
    fallback_year: i32,
) -> Vec<usize> {
    let latest = latest_day(articles, fallback_year);
    let mut dated = vec![];
    for ai in 0..articles.len() {
        if articles[ai].date.is_some() {
            continue;
        }
        let anchor = carriers[ai]
            .iter()
            .flatten()
            .filter_map(|&o| articles[o as usize].date)
            .min();
        let Some(anchor) = anchor else { continue };
        let a = &articles[ai];
        let pairs = nlp::timex::weekday_date_pairs(&a.text[a.body.clone()]);
        if let Some((date, at)) = date_in(a, &pairs, around(anchor, latest)) {
            set_inferred(&mut articles[ai], date, at);
            dated.push(ai);
        }
    }
    dated
}

impl Index {
    /// Analyzes a corpus: dates, mentions, time expressions, links, timeline.
    pub fn build(corpus: Corpus, fallback_year: i32) -> Index {
        Index::build_with(corpus, fallback_year, &aliases::Aliases::default())
    }

    /// Analyzes a corpus with the user's corrections to the linking.
    pub fn build_with(corpus: Corpus, fallback_year: i32, aliases: &aliases::Aliases) -> Index {
        Index::build_progress(corpus, fallback_year, aliases, &Progress::default())
    }

    /// The same, telling `progress` how far it got (for a progress bar).
    pub fn build_progress(
        corpus: Corpus,
        fallback_year: i32,
        aliases: &aliases::Aliases,
        progress: &Progress,
    ) -> Index {
        Index::build_reusing(corpus, Vec::new(), &|_| 0, fallback_year, aliases, progress)
    }

    /// The same, with articles already analyzed (from the cache of files
    /// that did not change): only the new ones are analyzed, then the whole
    /// corpus is linked again.
    pub fn build_reusing(
        corpus: Corpus,
        reused: Vec<(Article, Analysis)>,
        file_rank: &(dyn Fn(&std::path::Path) -> usize + Sync),
        fallback_year: i32,
        aliases: &aliases::Aliases,
        progress: &Progress,
    ) -> Index {
        let Corpus {
            articles: new_articles,
            warnings,
        } = corpus;
        let mut articles = Vec::with_capacity(reused.len() + new_articles.len());
        let mut known: Vec<Option<Analysis>> = Vec::with_capacity(articles.capacity());
        for (a, an) in reused {
            articles.push(a);
            known.push(Some(an));
        }
        known.resize_with(known.len() + new_articles.len(), || None);
        articles.extend(new_articles);
        if !known.is_empty() && known[0].is_some() {
            // the order of a full load: files as listed, articles as in their file
            let mut both: Vec<(Article, Option<Analysis>)> =
                articles.into_iter().zip(known).collect();
            both.sort_by_cached_key(|(a, _)| file_rank(&a.path));
            (articles, known) = both.into_iter().unzip();
        }
        crate::corpus::unique_ids(&mut articles);
        let t0 = std::time::Instant::now();
        // (the memory freed by the phases that leave the most behind is
        // given back: the next phase's peak does not stack on it; giving it
        // back after every phase costs a large text a tenth of its time in
        // pages faulted in again)
        let stage = |what: &str, give_back: bool| {
            if give_back {
                crate::log::release_free_memory();
            }
            crate::log!(
                "index: {what} at {:?} (cpu {:?}), {} MiB",
                t0.elapsed(),
                crate::log::cpu_time(),
                crate::log::rss_mib()
            );
        };
        stage("start", false);

        progress.start(Stage::Words, articles.len());
        let failed = std::sync::Mutex::new(Vec::<Warning>::new());
        // a bug in one article's analysis: a warning on that article
        let fail = |a: &Article, e: String| {
            failed
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(Warning {
                    path: a.path.clone(),
                    message: format!("{}: not analyzed (internal error: {e})", a.id),
                });
        };
        infer_dates(&mut articles, fallback_year);
        stage("dates inferred", false);
        // two passes: the corpus's word evidence first, then the mentions that
        // need it; the tokens are kept between them packed in eight bytes each
        // (a full token per five bytes of text would double the peak memory),
        // unless every article is read at once in the second pass (no more
        // articles than cores): packing would save nothing of its peak
        let pack = articles.len() > rayon::current_num_threads();
        let (lex, sentences) = articles
            .par_iter()
            .fold(
                || (Lexicon::default(), Vec::new()),
                |(mut l, mut ss), a| {
                    progress.tick();
                    // a bug in one article's analysis costs that article only
                    let prepared = || nlp::prepare_body(&a.text, a.body.start);
                    let p = crate::guard::guarded(prepared).unwrap_or_else(|e| {
                        fail(a, e);
                        nlp::Prepared {
                            tokens: vec![],
                            sentences: vec![],
                        }
                    });
                    if crate::guard::guarded(|| l.observe(&a.text, &p.tokens, &p.sentences))
                        .is_err()
                    {
                        l = Lexicon::default();
                    }
                    let kept = if pack {
                        Kept::Packed(nlp::text::Packed::new(&p.tokens))
                    } else {
                        Kept::Whole(p.tokens)
                    };
                    ss.push((p.sentences, kept));
                    (l, ss)
                },
            )
            .reduce(
                || (Lexicon::default(), Vec::new()),
                |(mut a, mut sa), (b, sb)| {
                    a.merge(b);
                    sa.extend(sb);
                    (a, sa)
                },
            );
        stage("tokens, sentences and lexicon", false);
        progress.start(Stage::Mentions, articles.len());
        let mut analyses: Vec<Analysis> = articles
            .par_iter()
            .zip(sentences)
            .zip(known)
            .map(|((a, (sentences, packed)), known)| {
                progress.tick();
                if let Some(an) = known {
                    return an;
                }
                let tokens = match packed {
                    Kept::Whole(t) => t,
                    Kept::Packed(Some(p)) => p.unpack(),
                    Kept::Packed(None) => nlp::text::tokens(&a.text),
                };
                let p = nlp::Prepared { tokens, sentences };
                let mut an = crate::guard::guarded(|| {
                    // tests only: the analysis of one marked article fails
                    #[cfg(test)]
                    if a.id == tests::PANICS {
                        panic!("a bug in one article's analysis");
                    }
                    nlp::analyze(&a.text, &p, &lex, a.date)
                })
                .unwrap_or_else(|e| {
                    fail(a, e);
                    Analysis::default()
                });
                // the header marker is not text
                an.mentions.retain(|m| m.range.start >= a.body.start);
                an.timexes.retain(|t| t.range.start >= a.body.start);
                an
            })
            .collect();
        stage("mentions and time expressions", true);
        let mut warnings = warnings;
        warnings.extend(failed.into_inner().unwrap_or_else(|p| p.into_inner()));
        progress.start(Stage::Linking, 0);
        // the quotes' first dates and the linking need nothing of each other:
        // side by side (each on all cores), so that one's serial steps fill
        // the other's gaps
        let items = items_of(&articles, &analyses);
        // (the date conflicts, which need the quotes' dates and not the
        // entities, fill the gaps of the linker's serial steps)
        let ((quote_carriers, updates, conflicts), linked) = rayon::join(
            || {
                let (carriers, updates) = timeline::quote_updates(&articles, &analyses);
                let conflicts = timeline::date_conflicts(&articles, &analyses, &updates);
                (carriers, updates, conflicts)
            },
            || link::link(&items),
        );
        drop(items);
        timeline::apply_quote_updates(&mut analyses, updates);
        // undated articles dated by the quotes they carry: their time
        // expressions read again against that date
        for ai in infer_dates_from_quotes(&mut articles, &quote_carriers, fallback_year) {
            let (a, an) = (&articles[ai], &mut analyses[ai]);
            an.timexes = nlp::timex::extract(&a.text, &an.sentences, a.date);
            an.timexes.retain(|t| t.range.start >= a.body.start);
        }
        stage("quotes and mentions linked", true);
        let mut ix = Index {
            articles,
            analyses,
            entities: vec![],
            mention_entity: vec![],
            timeline: Default::default(),
            quote_carriers,
            date_order: vec![],
            warnings,
            names: Default::default(),
            by_last_word: Default::default(),
            by_spelling: Default::default(),
        };
        ix.date_order = ix.by_date().into_iter().map(|a| a as u32).collect();
        ix.relink_from(aliases, Some((linked, conflicts)));
        stage("linked, timeline built", false);
        progress.start(Stage::Done, 0);
        ix
    }

    /// Links the mentions into entities (with the user's corrections) and
    /// builds what depends on them: the timeline, the entities' order.
    pub fn relink(&mut self, aliases: &aliases::Aliases) {
        self.relink_from(aliases, None);
    }

    /// `relink`, from the linker's result when it is already made.
    fn relink_from(
        &mut self,
        aliases: &aliases::Aliases,
        made: Option<(link::Linked, Vec<(timeline::TimexAt, timeline::TimexAt)>)>,
    ) {
        let t0 = std::time::Instant::now();
        let (linked, conflicts) = match made {
            Some((l, c)) => (Some(l), c),
            // the time expressions are as they were: the conflicts too
            None => (None, self.timeline.conflicts_at()),
        };
        self.names = Default::default();
        self.by_last_word = Default::default();
        self.by_spelling = Default::default();
        let (mut entities, mention_entity) =
            build_entities(&self.articles, &mut self.analyses, aliases, linked);
        crate::log!(
            "index: entities linked in {:?}, {} MiB",
            t0.elapsed(),
            crate::log::rss_mib()
        );
        let articles_of: Vec<usize> = entities.iter().map(|e| e.articles.len()).collect();
        self.timeline = timeline::Timeline::build(
            &self.articles,
            &self.analyses,
            &mention_entity,
            &articles_of,
            &conflicts,
        );
        crate::log!(
            "index: timeline built at {:?}, {} MiB",
            t0.elapsed(),
            crate::log::rss_mib()
        );
        self.mention_entity = mention_entity;
        // mentions and articles of each entity in reading order: by date, undated last
        let mut rank = vec![0u32; self.articles.len()];
        for (r, &a) in self.date_order.iter().enumerate() {
            rank[a as usize] = r as u32;
        }
        entities.par_iter_mut().for_each(|e| {
            e.mentions.sort_by_key(|&(a, m)| (rank[a as usize], m));
            e.articles.sort_by_key(|&a| rank[a as usize]);
        });
        self.entities = entities;
    }

    pub fn entity_of(&self, article: usize, mention: usize) -> Option<&Entity> {
        self.mention_entity
            .get(article)?
            .get(mention)
            .map(|&e| &self.entities[e as usize])
    }

    /// The people a one-word name left on its own may be: the entities of
    /// two words or more whose last word is that name ("Bush": George W.
    /// Bush, Reggie Bush), then the names of its type one letter apart
    /// ("Gynex": Genex), with their article counts, most articles first
    /// (at most five). The linker joins a surname to a full name, and a
    /// near spelling to a name, only with evidence; where it had none, the
    /// reader decides.
    pub fn may_be(&self, id: u32) -> Vec<(u32, usize)> {
        let Some(e) = self.entities.get(id as usize) else {
            return vec![];
        };
        if e.name.contains(char::is_whitespace) {
            return vec![];
        }
        // (full names, then names of one word: never the same entity)
        let mut out = self.surname_of(e);
        out.extend(self.near_spellings(e));
        out.truncate(5);
        out
    }

    /// Two entities in the order "may be" lists them: most articles first,
    /// then by name.
    fn most_written_first(&self, a: u32, b: u32) -> std::cmp::Ordering {
        let (a, b) = (&self.entities[a as usize], &self.entities[b as usize]);
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| a.name.cmp(&b.name))
    }

    /// The entities of one word and of `e`'s type one letter from its name
    /// (five letters or more), most articles first.
    fn near_spellings(&self, e: &Entity) -> Vec<(u32, usize)> {
        /// A word's forms in lower case: whole, and each letter left out.
        fn forms(w: &str) -> Vec<String> {
            let l: Vec<char> = w.to_lowercase().chars().collect();
            let mut out = vec![l.iter().collect::<String>()];
            for i in 0..l.len() {
                out.push(l[..i].iter().chain(&l[i + 1..]).collect());
            }
            out
        }
        let long = |w: &str| w.chars().count() >= 5 && !w.contains(char::is_whitespace);
        if !long(&e.name) {
            return vec![];
        }
        let by = self.by_spelling.get_or_init(|| {
            let mut m: crate::fx::FxHashMap<String, Vec<u32>> = Default::default();
            for o in self.entities.iter().filter(|o| long(&o.name)) {
                for f in forms(&o.name) {
                    m.entry(f).or_default().push(o.id);
                }
            }
            m
        });
        let own = e.name.to_lowercase();
        let mut found: Vec<u32> = forms(&e.name)
            .iter()
            .filter_map(|f| by.get(f))
            .flatten()
            .copied()
            .filter(|&o| {
                let x = &self.entities[o as usize];
                o != e.id && x.ty == e.ty && strsim::levenshtein(&x.name.to_lowercase(), &own) == 1
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found.sort_by(|&a, &b| self.most_written_first(a, b));
        found
            .into_iter()
            .map(|o| (o, self.entities[o as usize].articles.len()))
            .collect()
    }

    /// The people of two words or more whose last word is `e`'s name (a
    /// person's of one word), most articles first, at most five.
    fn surname_of(&self, e: &Entity) -> Vec<(u32, usize)> {
        if e.ty != EntityType::Person {
            return vec![];
        }
        let id = e.id;
        let by_last = self.by_last_word.get_or_init(|| {
            let mut m: crate::fx::FxHashMap<String, Vec<u32>> = Default::default();
            for o in &self.entities {
                if o.ty != EntityType::Person {
                    continue;
                }
                if let Some((_, last)) = o.name.rsplit_once(' ') {
                    m.entry(last.to_string()).or_default().push(o.id);
                }
            }
            for ids in m.values_mut() {
                ids.sort_by(|&a, &b| self.most_written_first(a, b));
            }
            m
        });
        by_last
            .get(e.name.as_str())
            .into_iter()
            .flatten()
            .filter(|&&o| o != id)
            .take(5)
            .map(|&o| (o, self.entities[o as usize].articles.len()))
            .collect()
    }

    /// Finds an entity by any of its names (case-insensitive), else by fuzzy match.
    pub fn find_entity(&self, name: &str) -> Option<&Entity> {
        let l = name.to_lowercase();
        self.entities
            .iter()
            .filter(|e| {
                e.name.to_lowercase() == l || e.aliases.iter().any(|a| a.to_lowercase() == l)
            })
            .max_by_key(|e| e.mentions.len())
            .or_else(|| {
                // a surname alone: "Rubio" for Marco Rubio
                self.entities
                    .iter()
                    .filter(|e| {
                        e.name.contains(' ')
                            && e.name
                                .rsplit(' ')
                                .next()
                                .is_some_and(|last| last.to_lowercase() == l)
                    })
                    .max_by_key(|e| e.mentions.len())
            })
            .or_else(|| {
                // any word of a name or spelling: "Melania" for Melania Trump
                self.entities
                    .iter()
                    .filter(|e| {
                        e.aliases
                            .iter()
                            .chain(std::iter::once(&e.name))
                            .flat_map(|a| a.split_whitespace())
                            .any(|w| w.to_lowercase() == l)
                    })
                    .max_by_key(|e| e.mentions.len())
            })
            .or_else(|| {
                // a spelling variant of a spelling or of one of its words
                // ("Zelensky" for Volodymyr Zelenskyy)
                self.entities
                    .iter()
                    .filter(|e| {
                        e.aliases.iter().any(|a| {
                            let a = a.to_lowercase();
                            link::similar_word(&a, &l)
                                || (!l.contains(' ')
                                    && a.split_whitespace().any(|w| link::similar_word(w, &l)))
                        })
                    })
                    .max_by_key(|e| e.mentions.len())
            })
    }

    /// The `n` entities whose names are closest to `name` (Jaro-Winkler),
    /// for a name that matches none.
    pub fn closest_entities(&self, name: &str, n: usize) -> Vec<&Entity> {
        let l = name.to_lowercase();
        let mut scored: Vec<(f64, &Entity)> = self
            .entities
            .iter()
            .map(|e| {
                let best = e
                    .aliases
                    .iter()
                    .chain(std::iter::once(&e.name))
                    .map(|a| strsim::jaro_winkler(&a.to_lowercase(), &l))
                    .fold(0.0, f64::max);
                (best, e)
            })
            .collect();
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(b.1.mentions.len().cmp(&a.1.mentions.len()))
        });
        scored.into_iter().take(n).map(|(_, e)| e).collect()
    }

    /// An article by its id, a prefix of it, its file name or its path.
    pub fn find_article(&self, key: &str) -> Result<usize, String> {
        let exact: Vec<usize> = (0..self.articles.len())
            .filter(|&i| {
                let a = &self.articles[i];
                a.id == key
                    || a.path.to_string_lossy() == key
                    || a.path
                        .file_name()
                        .is_some_and(|f| f.to_string_lossy() == key)
            })
            .collect();
        let found = if exact.is_empty() {
            (0..self.articles.len())
                .filter(|&i| self.articles[i].id.starts_with(key))
                .collect()
        } else {
            exact
        };
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!(
                "no article {key:?} (give its id, a prefix of it, or its file name)"
            )),
            many => Err(format!(
                "{key:?} names {} articles: {}",
                many.len(),
                many.iter()
                    .take(5)
                    .map(|&i| self.articles[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Article indices sorted by date (undated last), then title.
    pub fn by_date(&self) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.articles.len()).collect();
        // ids are unique: a total order, the same every time
        v.par_sort_unstable_by(|&a, &b| {
            let (x, y) = (&self.articles[a], &self.articles[b]);
            (x.date.is_none(), x.date, &x.title, &x.id).cmp(&(
                y.date.is_none(),
                y.date,
                &y.title,
                &y.id,
            ))
        });
        v
    }
}

/// A mention's text with runs of white space as one space (borrowed where
/// it is written so).
fn surface(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(|c: char| c.is_whitespace() && c != ' ') && !text.contains("  ") {
        return text.trim().into();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ").into()
}

/// An article's tokens between the corpus's two passes: packed (none
/// where they do not fit, made again), or whole.
enum Kept {
    Packed(Option<nlp::text::Packed>),
    Whole(Vec<nlp::text::Token>),
}

/// The mentions of all articles in order, as the linker takes them: one
/// list made at its size (collected on all cores, the pieces would be
/// joined in a second list as large at the peak).
fn items_of<'a>(articles: &'a [Article], analyses: &'a [Analysis]) -> Vec<link::Item<'a>> {
    let mut out = Vec::with_capacity(analyses.iter().map(|an| an.mentions.len()).sum());
    for (ai, an) in analyses.iter().enumerate() {
        let text = &articles[ai].text;
        let ms = &an.mentions;
        out.extend(ms.iter().enumerate().map(|(j, m)| {
            // (an item needs no more of its neighbours than the previous
            // mention's end)
            let gap = j
                .checked_sub(1)
                .map(|p| ms[p].range.end)
                .filter(|&e| e <= m.range.start && m.range.start - e <= 3)
                .and_then(|e| text.get(e..m.range.start));
            link::Item {
                article: ai,
                mention: m,
                text: &text[m.range.clone()],
                gap,
            }
        }));
    }
    out
}

fn build_entities(
    articles: &[Article],
    analyses: &mut [Analysis],
    al: &aliases::Aliases,
    linked: Option<link::Linked>,
) -> (Vec<Entity>, Vec<Vec<u32>>) {
    let t0 = std::time::Instant::now();
    let mut items = items_of(articles, analyses);
    let linked = linked.unwrap_or_else(|| link::link(&items));
    crate::log!(
        "index: {} mentions linked in {:?}, {} MiB",
        items.len(),
        t0.elapsed(),
        crate::log::rss_mib()
    );
    let mut assign: Vec<Option<usize>> = linked.cluster_of.iter().map(|&c| Some(c)).collect();
    let link::Linked {
        keys,
        mut item_key,
        cluster_of,
        clusters,
    } = linked;
    if !al.is_empty() {
        let surfaces: Vec<std::borrow::Cow<str>> =
            items.iter().map(|it| surface(it.text)).collect();
        let names: Vec<Vec<&str>> = surfaces
            .iter()
            .zip(&item_key)
            .map(|(s, &k)| vec![s.as_ref(), keys[k].as_str()])
            .collect();
        let ids: Vec<&str> = items
            .iter()
            .map(|it| articles[it.article].id.as_str())
            .collect();
        assign = aliases::apply_to_clusters(al, &names, &ids, &cluster_of, clusters);
    }
    if assign.iter().any(Option::is_none) {
        // ignored mentions leave the analyses (and the items are made again)
        drop(items);
        let mut k = 0;
        for an in analyses.iter_mut() {
            let keep: Vec<bool> = (0..an.mentions.len())
                .map(|j| assign[k + j].is_some())
                .collect();
            k += keep.len();
            let mut it = keep.iter();
            an.mentions.retain(|_| *it.next().unwrap_or(&true));
        }
        let mut kept = assign.iter().map(Option::is_some);
        item_key.retain(|_| kept.next().unwrap_or(true));
        assign.retain(Option::is_some);
        items = items_of(articles, analyses);
    }
    let mut refs = Vec::with_capacity(items.len());
    for (ai, an) in analyses.iter().enumerate() {
        for mi in 0..an.mentions.len() {
            refs.push((ai as u32, mi as u32));
        }
    }
    // the items of each group, one flat list (a million groups of one made
    // a million small lists)
    let n_groups = assign.iter().flatten().max().map_or(0, |m| m + 1);
    let mut start = vec![0usize; n_groups + 1];
    for c in assign.iter().flatten() {
        start[c + 1] += 1;
    }
    for g in 0..n_groups {
        start[g + 1] += start[g];
    }
    let mut members = vec![0usize; start[n_groups]];
    let mut next = start.clone();
    for (i, c) in assign.iter().enumerate() {
        if let Some(c) = c {
            members[next[*c]] = i;
            next[*c] += 1;
        }
    }
    drop(next);
    let groups: Vec<&[usize]> = (0..n_groups)
        .map(|g| &members[start[g]..start[g + 1]])
        .filter(|g| !g.is_empty())
        .collect();
    // each group becomes an entity on its own: in parallel
    let mut entities: Vec<Entity> = groups
        .par_iter()
        .enumerate()
        .map(|(id, g)| {
            let id = id as u32;
            // the keys with their counts, and the written forms, each once
            // (most mentions repeat one; most groups are small: no table)
            let mut keys_of: smallvec::SmallVec<[usize; 4]> =
                g.iter().map(|&i| item_key[i]).collect();
            keys_of.sort_unstable();
            let mut names: smallvec::SmallVec<[(usize, usize); 2]> = Default::default();
            for k in keys_of {
                match names.last_mut() {
                    Some(last) if last.0 == k => last.1 += 1,
                    _ => names.push((k, 1)),
                }
            }
            let mut written: smallvec::SmallVec<[&str; 4]> =
                g.iter().map(|&i| items[i].text).collect();
            written.sort_unstable();
            written.dedup();
            // votes of mentions with evidence; a type from form alone ("one
            // unknown word: other") counts only where no mention has any
            let mut votes = [0u32; 4];
            let mut fallback = [0u32; 4];
            // and among those, the form of a full name outweighs a short
            // form's ("Raj Chohan": two words, a person; "Chohan": one unknown word)
            let mut fallback_full = [0u32; 4];
            // the evidence of a full name outweighs that of a short form: "Jackson",
            // a GeoNames place, is Vincent Jackson where it links to him
            let mut best_ev: Option<(&Evidence, EntityType, bool)> = None;
            let firm_named = g.iter().any(|&i| {
                let m = &items[i].mention;
                m.ty == EntityType::Org
                    && matches!(m.evidence, Evidence::OrgWord(_) | Evidence::Company)
            });
            // the surnames of the persons' full names ("Yutaka Takeda"): a
            // listed firm's one word that is one of them ("Takeda will
            // become chairman") is the person's short form, no firm's vote
            // (read only where a mention has a firm's evidence: most groups
            // have none)
            let has_firm = g
                .iter()
                .any(|&i| matches!(items[i].mention.evidence, Evidence::Company));
            let surnames: smallvec::SmallVec<[&str; 2]> = if has_firm {
                g.iter()
                    .map(|&i| &items[i])
                    .filter(|it| it.mention.ty == EntityType::Person)
                    .filter_map(|it| it.text.rsplit_once(char::is_whitespace).map(|(_, l)| l))
                    .collect()
            } else {
                smallvec::SmallVec::new()
            };
            // an acronym typed by its capitals alone is no vote beside the
            // name it is short for where that name reads as a thing
            // ("Internet Explorer" and "IE", "Value Added Tax" and "VAT"):
            // capitals tell a body from a person or a place, not from a
            // thing
            let mut full_types = [0u32; 4];
            for &i in g.iter() {
                let it = &items[i];
                if it.text.contains(char::is_whitespace)
                    && it.mention.evidence != Evidence::Acronym
                    && it.text.chars().any(char::is_lowercase)
                {
                    full_types[it.mention.ty as usize] += 1;
                }
            }
            let full_thing = full_types[EntityType::Other as usize] > 0
                && full_types.iter().max() == Some(&full_types[EntityType::Other as usize]);
            for &i in g.iter() {
                let it = &items[i];
                // (a firm's role, "lead manager Morgan Stanley", is a
                // context's word, no title's, for a name written as a
                // firm's elsewhere: "Morgan Stanley Inc")
                let s = match &it.mention.evidence {
                    Evidence::Title(t) if firm_named && nlp::entities::is_firm_role(t) => 1,
                    Evidence::Company if surnames.contains(&it.text) => 0,
                    Evidence::Acronym if full_thing => 0,
                    e => e.strength() as u32,
                };
                // "X said" is said of bodies too: no more than a type from form;
                // the model's reading of a name known only by its form is one
                // vote, less than a context word's
                if matches!(it.mention.evidence, Evidence::Model(_)) {
                    votes[it.mention.ty as usize] += 1;
                } else if s > 0 && !matches!(it.mention.evidence, Evidence::Says(_)) {
                    votes[it.mention.ty as usize] += 1 + s * 2;
                } else {
                    fallback[it.mention.ty as usize] += 1;
                }
                let full = it.text.contains(char::is_whitespace);
                if s == 0 && full {
                    fallback_full[it.mention.ty as usize] += 1;
                }
                if best_ev.is_none_or(|(e, _, f)| {
                    (f, e.strength()) < (full, it.mention.evidence.strength())
                }) {
                    best_ev = Some((&it.mention.evidence, it.mention.ty, full));
                }
            }
            let (best_ev, best_ty, best_full) = best_ev
                .map(|(e, t, f)| (e.clone(), t, f))
                .unwrap_or((Evidence::Default, EntityType::Other, false));
            if votes == [0; 4] {
                votes = if fallback_full == [0; 4] {
                    fallback
                } else {
                    fallback_full
                };
            }
            // a role that bodies have too, before a one-word name ("market
            // leader Nintendo", "Bolton host Arsenal"), is one vote among the
            // others, not the last word
            let shared_role = match &best_ev {
                Evidence::Title(t) => {
                    !best_full && nlp::entities::is_role_of_bodies_too(t)
                        || firm_named && nlp::entities::is_firm_role(t)
                }
                _ => false,
            };
            let ty = if best_ev.strength() >= 4 && !shared_role {
                best_ty
            } else {
                EntityType::ALL
                    .into_iter()
                    .filter(|&t| votes[t as usize] > 0)
                    .max_by_key(|&t| (votes[t as usize], std::cmp::Reverse(t)))
                    .unwrap_or(best_ty)
            };
            // the "why" of the type the entity has: the strongest evidence
            // among the mentions of that type (the best overall may be of
            // a type the votes turned down)
            let best_ev = if best_ty == ty {
                best_ev
            } else {
                g.iter()
                    .map(|&i| &items[i])
                    .filter(|it| it.mention.ty == ty)
                    .map(|it| {
                        let full = it.text.contains(char::is_whitespace);
                        ((full, it.mention.evidence.strength()), &it.mention.evidence)
                    })
                    .reduce(|a, b| if b.0 > a.0 { b } else { a })
                    .map_or(best_ev, |(_, e)| e.clone())
            };
            let mut aliases: smallvec::SmallVec<[(&str, usize); 2]> = names
                .into_iter()
                .map(|(k, n)| (keys[k].as_str(), n))
                .collect();
            aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            // the fullest name (by its words, as if a hyphen or a possessive
            // split off by spaces were glued), written as in running text (not
            // shouted in a headline, nor split into tokens: "Wal-Mart", not
            // "Wal - Mart"), the most used, then the first in order; no name
            // copied to compare
            // (a name written with a hyphen or a space between the same
            // words counts them alike: "Robert Kilroy-Silk" is as full as
            // "Robert Kilroy Silk", and the more used wins)
            let first_names = &nlp::gazetteer::Gazetteer::get().first_names;
            fn flat(n: &str) -> smallvec::SmallVec<[&str; 4]> {
                n.split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|w| !w.is_empty())
                    .collect()
            }
            let flats: smallvec::SmallVec<[smallvec::SmallVec<[&str; 4]>; 2]> =
                aliases.iter().map(|(n, _)| flat(n)).collect();
            let name = aliases
                .iter()
                .zip(&flats)
                .map(|((n, c), f)| {
                    let shouted = n.chars().filter(|c| c.is_alphabetic()).count() > 4
                        && !n.chars().any(|c| c.is_lowercase());
                    let words = n.split_whitespace().fold(0usize, |k, w| match w {
                        "-" => k.saturating_sub(1),
                        "'s" | "’s" => k,
                        _ => k + 1,
                    });
                    let twins = aliases
                        .iter()
                        .zip(&flats)
                        .any(|((o, _), g)| o != n && g == f);
                    let words = if twins { words.max(f.len()) } else { words };
                    let spaced = n.contains(" - ") || n.contains(" 's") || n.contains(" ’s");
                    // a person is shown by the full name (a first name and
                    // more) the corpus uses most ("Fred LaRue", 108 times, not
                    // "Frederick C. LaRue", twice), the fullest first where
                    // two are used as much; without one, by the fullest name
                    let full = ty == EntityType::Person
                        && words >= 2
                        && n.split_whitespace()
                            .next()
                            .is_some_and(|w| first_names.contains(w));
                    let fullest = if full { 0 } else { words };
                    ((full, fullest, !shouted, !spaced, *c, words), n)
                })
                .max_by(|(ka, na), (kb, nb)| ka.cmp(kb).then_with(|| nb.cmp(na)))
                .map(|(_, n)| n.to_string())
                .unwrap_or_default();
            let mut mentions: smallvec::SmallVec<[(u32, u32); 1]> =
                g.iter().map(|&i| refs[i]).collect();
            mentions.sort_unstable();
            let mut arts: smallvec::SmallVec<[u32; 2]> = mentions.iter().map(|m| m.0).collect();
            arts.dedup();
            let mut aliases: Vec<String> = aliases.into_iter().map(|x| x.0.to_string()).collect();
            let mut surface_names: smallvec::SmallVec<[std::borrow::Cow<str>; 4]> =
                written.into_iter().map(surface).collect();
            surface_names.sort_unstable();
            surface_names.dedup();
            for sname in surface_names {
                if !aliases.iter().any(|a| *a == sname) {
                    aliases.push(sname.into_owned());
                }
            }
            Entity {
                id,
                name,
                ty,
                evidence: best_ev,
                aliases,
                mentions,
                articles: arts,
            }
        })
        .collect();
    // each mention's entity: its group's, the groups numbered as the
    // entities were (on all cores; the mentions are in the articles' order)
    let mut entity_of_group = vec![u32::MAX; n_groups];
    let mut next_id = 0u32;
    for (g, e) in entity_of_group.iter_mut().enumerate() {
        if start[g + 1] > start[g] {
            *e = next_id;
            next_id += 1;
        }
    }
    let flat: Vec<u32> = assign
        .par_iter()
        .map(|c| c.map_or(0, |c| entity_of_group[c]))
        .collect();
    let mut mention_entity: Vec<Vec<u32>> = Vec::with_capacity(analyses.len());
    let mut from = 0;
    for an in analyses.iter() {
        let n = an.mentions.len();
        mention_entity.push(flat[from..from + n].to_vec());
        from += n;
    }
    for r in &al.rename {
        for e in entities.iter_mut().filter(|e| {
            aliases::same_name(&e.name, &r.from)
                || e.aliases.iter().any(|a| aliases::same_name(a, &r.from))
        }) {
            if !e.aliases.contains(&e.name) {
                e.aliases.push(e.name.clone());
            }
            e.name = r.to.clone();
        }
    }
    for r in &al.retype {
        for e in entities.iter_mut().filter(|e| {
            aliases::same_name(&e.name, &r.name)
                || e.aliases.iter().any(|a| aliases::same_name(a, &r.name))
        }) {
            e.ty = r.ty.into();
            e.evidence = Evidence::User;
        }
    }
    (entities, mention_entity)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id of an article whose analysis panics (see `build_reusing`).
    pub const PANICS: &str = "panics-in-analysis";

    #[test]
    fn a_panic_in_one_article_s_analysis_is_a_warning_and_the_rest_loads() {
        let art = |id: &str| Article {
            id: id.into(),
            text: "Angela Merkel met Emmanuel Macron in Paris.".into(),
            body: 0..43,
            ..Default::default()
        };
        let ix = Index::build(
            Corpus {
                articles: vec![art("a"), art(PANICS), art("b")],
                warnings: vec![],
            },
            2025,
        );
        assert_eq!(ix.articles.len(), 3);
        let bad = ix.articles.iter().position(|a| a.id == PANICS).unwrap();
        assert!(ix.analyses[bad].mentions.is_empty());
        assert!(
            ix.analyses
                .iter()
                .filter(|a| !a.mentions.is_empty())
                .count()
                == 2
        );
        assert!(ix
            .warnings
            .iter()
            .any(|w| w.message.contains(PANICS) && w.message.contains("not analyzed")));
    }

    /// An index of plain-text articles.
    fn index_of(texts: &[&str]) -> Index {
        let mut warnings = Vec::new();
        let articles = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                let path = std::path::PathBuf::from(format!("{i}.txt"));
                crate::corpus::read_bytes(
                    &path,
                    crate::corpus::Format::Text,
                    t.as_bytes(),
                    &mut warnings,
                )
            })
            .collect();
        Index::build(Corpus { articles, warnings }, 2025)
    }

    /// A firm's role in a deal ("lead manager") before a name the corpus
    /// writes as a firm's ("Morgan Kessler Inc") is no person's title;
    /// before a name written as nobody's firm it stays one.
    #[test]
    fn a_firm_s_role_is_no_title_for_a_firm_s_name() {
        let ix = index_of(&[
            "The bonds were sold on Monday. The lead manager Morgan Kessler said demand was strong.",
            "The bank Morgan Kessler Inc said on Friday it would open a new office in Tokyo.",
            "The analyst Ruth Velmaro said on Monday that the shares were cheap.",
        ]);
        let ty = |name: &str| {
            ix.entities
                .iter()
                .find(|e| e.name == name)
                .map(|e| e.ty)
                .unwrap_or_else(|| panic!("{name}"))
        };
        assert_eq!(ty("Morgan Kessler"), EntityType::Org);
        assert_eq!(ty("Ruth Velmaro"), EntityType::Person);
    }

    /// A name an article writes with a firm's suffix ("Salomon Inc") is the
    /// firm there: it joins no person of that surname named elsewhere.
    #[test]
    fn a_firm_written_with_its_suffix_is_no_person_s_surname() {
        let ix = index_of(&[
            "Salomon Inc said on Monday it would sell 200 mln dlrs of bonds. Salomon said demand was strong.",
            "Robert Salomon, an economist, said on Tuesday that rates would fall. Salomon said the dollar was weak.",
            "Salomon Inc rose 2 dlrs on Wednesday in heavy trading.",
        ]);
        let person = ix.find_entity("Robert Salomon").unwrap();
        assert_eq!(person.ty, EntityType::Person);
        assert_eq!(person.articles.len(), 1, "{:?}", person.aliases);
        assert!(!person.aliases.iter().any(|a| a == "Salomon Inc"));
        // and where it writes the firm's whole name ("Salomon Brothers
        // Inc"), its bare "Salomon" is the firm's too
        let ix = index_of(&[
            "Salomon Brothers Inc said on Monday it would lead the sale. Salomon said demand was strong.",
            "Robert Salomon, an economist, said on Tuesday that rates would fall. Salomon said the dollar was weak.",
            "Robert Salomon spoke again on Wednesday about rates.",
        ]);
        let person = ix.find_entity("Robert Salomon").unwrap();
        assert_eq!(person.articles.len(), 2, "{:?}", person.aliases);
    }

    /// An acronym's capitals are no vote beside a full name that reads as
    /// a thing ("PlayStation Portable (PSP)"); beside a person's or a
    /// place's reading they still tell a body.
    #[test]
    fn an_acronym_does_not_make_a_thing_a_body() {
        let ix = index_of(&[
            "Sony put the PlayStation Portable (PSP) on sale in Japan on Monday.",
            "The PSP sold out in a day. Stores said the PSP would be back soon.",
            "Buyers queued for the PSP. The PSP costs less than a phone. The PSP is small.",
        ]);
        let e = ix.find_entity("PSP").unwrap();
        assert_eq!(e.name, "PlayStation Portable");
        assert_eq!(e.ty, EntityType::Other, "{:?}", e.evidence);
    }

    /// An entity shows its fullest name as running text writes it: a
    /// hyphen glued or between spaces, or a space for a hyphen, counts the
    /// same words, and the spelling most used among them wins.
    #[test]
    fn an_entity_shows_its_name_as_running_text_writes_it() {
        let ix = index_of(&[
            "Robert Kilroy-Silk said on Monday he would stand. Mr Kilroy-Silk left the party.",
            "Robert Kilroy-Silk spoke in Derby on Tuesday about the new party.",
            "Robert Kilroy Silk was asked about it on Wednesday.",
            "Shares of Wal - Mart rose on Monday, and Wal-Mart said sales were up.",
            "Wal-Mart opened a store in Texas on Friday.",
        ]);
        let names: Vec<&str> = ix.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Robert Kilroy-Silk"), "{names:?}");
        assert!(names.contains(&"Wal-Mart"), "{names:?}");
        let e = ix.find_entity("Kilroy-Silk").unwrap();
        assert_eq!(e.name, "Robert Kilroy-Silk");
    }

    #[test]
    fn a_person_shows_the_full_name_the_corpus_uses_most() {
        let ix = index_of(&[
            "Frederick C. LaRue, a Nixon aide, died on Monday in Mississippi.",
            "Fred LaRue said on Tuesday that he had delivered the money in 1972.",
            "Fred LaRue was a Watergate figure, and Fred LaRue later lived in Biloxi.",
            "Barack Obama spoke in Ohio on Monday. Obama said that Obama would win.",
        ]);
        assert_eq!(ix.find_entity("LaRue").unwrap().name, "Fred LaRue");
        // without a full name of a listed first name, the fullest name
        assert_eq!(ix.find_entity("Obama").unwrap().name, "Barack Obama");
    }

    #[test]
    fn a_relink_keeps_the_date_conflicts() {
        let jsonl = concat!(
            r#"{"id":"a","date":"2025-10-16","text":"On October 14 the ministers of the two countries signed the new trade accord in Geneva, officials said."}"#,
            "\n",
            r#"{"id":"b","date":"2025-10-17","text":"On October 12 the ministers of the two countries signed the new trade accord in Geneva, officials said."}"#,
            "\n"
        );
        let mut warnings = Vec::new();
        let path = std::path::PathBuf::from("x.jsonl");
        let articles = crate::corpus::read_bytes(
            &path,
            crate::corpus::Format::JsonLines,
            jsonl.as_bytes(),
            &mut warnings,
        );
        let mut ix = Index::build(Corpus { articles, warnings }, 2025);
        let before = ix.timeline.conflicts.clone();
        assert_eq!(before.len(), 1);
        ix.relink(&aliases::Aliases::default());
        assert_eq!(ix.timeline.conflicts, before);
    }

    /// A surname the linker left on its own lists the full names it may
    /// be, the most written first.
    #[test]
    fn a_surname_on_its_own_says_whom_it_may_be() {
        let ix = index_of(&[
            "Politics\n\nPresident George W. Bush spoke in Texas on Monday.",
            "Politics\n\nGeorge W. Bush met the governor.",
            "Football\n\nThe running back Reggie Bush scored twice.",
            "Comment\n\nCritics said Bush was wrong, and Bush answered.",
        ]);
        let bush = ix
            .entities
            .iter()
            .find(|e| e.name == "Bush")
            .expect("Bush on its own");
        let names: Vec<(&str, usize)> = ix
            .may_be(bush.id)
            .into_iter()
            .map(|(id, n)| (ix.entities[id as usize].name.as_str(), n))
            .collect();
        assert_eq!(names, [("George W. Bush", 2), ("Reggie Bush", 1)]);
        // a full name may be nobody else
        let george = ix.find_entity("George W. Bush").unwrap();
        assert!(ix.may_be(george.id).is_empty());
    }

    /// A name of one word the linker kept apart from a near spelling (one
    /// letter apart, no evidence) lists it: the reader decides.
    #[test]
    fn a_near_spelling_kept_apart_is_whom_it_may_be() {
        let ix = index_of(&[
            "Biotech\n\nGenex Corp said it raised funds. Genex said so on Monday.",
            "Drugs\n\nGynex Inc said it recalled pills. Gynex said so on Friday.",
        ]);
        let find = |n: &str| ix.entities.iter().find(|e| e.name == n).expect(n);
        let (genex, gynex) = (find("Genex"), find("Gynex"));
        assert_ne!(genex.id, gynex.id, "no evidence: two firms");
        let names = |id: u32| -> Vec<String> {
            ix.may_be(id)
                .into_iter()
                .map(|(o, _)| ix.entities[o as usize].name.clone())
                .collect()
        };
        assert_eq!(names(gynex.id), ["Genex"]);
        assert_eq!(names(genex.id), ["Gynex"]);
    }

    #[test]
    fn the_west_is_the_surname_only_of_a_person_named_often_or_here() {
        let ix = index_of(&[
            "Oil\n\nThey drilled the Smoerbukk West field on Monday.",
            "Talks\n\nHe said the West must act.",
            "Arms\n\nLieutenant Colonel Oliver North testified.",
            "Arms\n\nThen Oliver North spoke again.",
            "Arms\n\nLater Oliver North left.",
            "Arms\n\nAnd North said nothing more.",
        ]);
        let west = ix.find_entity("West").map(|e| e.name.clone());
        assert_eq!(west.as_deref(), Some("West"));
        let north = ix.find_entity("Oliver North").map(|e| e.articles.len());
        assert_eq!(north, Some(4));
    }

    #[test]
    fn a_bank_s_short_name_is_no_surname_of_a_person_named_once_elsewhere() {
        let ix = index_of(&[
            "Offer\n\nBP Group Treasurer Rodney Chase said the offer was fair. Chase added more.",
            "Banks\n\nThe bank Chase cut its rate. Shares of the lender Chase fell.",
            "Rates\n\nThe bank Chase raised its rate, quickly followed by the lender Chase.",
        ]);
        let rodney = ix.find_entity("Rodney Chase").map(|e| e.articles.len());
        assert_eq!(rodney, Some(1), "the bank's articles are not his");
        // a person the corpus names often keeps a bare surname anywhere
        let ix = index_of(&[
            "Talks\n\nPresident Ronald Reagan spoke.",
            "Talks\n\nLater Ronald Reagan left.",
            "Talks\n\nThen Ronald Reagan met them.",
            "Budget\n\nThe budget Reagan sent was cut, the White House said.",
        ]);
        let reagan = ix.find_entity("Ronald Reagan").map(|e| e.articles.len());
        assert_eq!(reagan, Some(4));
    }

    #[test]
    fn a_listed_firm_s_word_that_is_a_person_s_surname_is_the_person() {
        // "Takeda" is a listed firm; here it is the short form of a person
        let ix = index_of(&[
            "Steel\n\nHiroshi Saito will replace Yutaka Takeda. Takeda will become chairman.",
        ]);
        let e = ix.find_entity("Yutaka Takeda").expect("the person");
        assert_eq!(e.ty, EntityType::Person, "{e:?}");
        assert!(e.aliases.iter().any(|a| a == "Takeda"), "{e:?}");
        // the firm alone stays a firm
        let ix = index_of(&["Drugs\n\nShares of Takeda rose. Takeda said sales grew."]);
        let e = ix.find_entity("Takeda").expect("the firm");
        assert_eq!(e.ty, EntityType::Org, "{e:?}");
    }

    #[test]
    fn a_role_bodies_have_too_is_one_vote_for_a_one_word_name() {
        let ix = index_of(&[
            "Football\n\nBolton host Arsenal on Sunday.",
            "Football\n\nThey said Arsenal boss Arsene Wenger was pleased.",
            "Football\n\nThen Arsenal striker Thierry Henry scored twice.",
            // an honorific stays decisive
            "Talks\n\nHe met Mr Peskov. Then Peskov said no more.",
        ]);
        assert_eq!(
            ix.find_entity("Arsenal").map(|e| e.ty),
            Some(EntityType::Org)
        );
        assert_eq!(
            ix.find_entity("Peskov").map(|e| e.ty),
            Some(EntityType::Person)
        );
    }
}
