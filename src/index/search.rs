//! Search over all articles: words, "exact phrases", and filters
//! `entity:NAME`, `source:`, `date:FROM..TO`, `type:`, combined with spaces
//! (AND) and `-` (NOT).

use super::Index;
use crate::nlp::{self, EntityType};
use chrono::NaiveDate;
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    Text(String),
    Entity(String),
    Source(String),
    Date(Option<NaiveDate>, Option<NaiveDate>),
    Type(EntityType),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub terms: Vec<(bool, Term)>,
}

/// Parses a query; unknown filters are searched as text.
pub fn parse(q: &str) -> Query {
    let mut terms = Vec::new();
    let mut rest = q.trim();
    while !rest.is_empty() {
        let neg = rest.starts_with('-') && rest.len() > 1;
        if neg {
            rest = &rest[1..];
        }
        let (tok, after) = if let Some(r) = rest.strip_prefix('"') {
            let end = r.find('"').unwrap_or(r.len());
            (format!("\"{}", &r[..end]), r.get(end + 1..).unwrap_or(""))
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            // entity:"Name With Spaces"
            if let Some(colon) = rest[..end].find(":\"") {
                let r = &rest[colon + 2..];
                let e = r.find('"').unwrap_or(r.len());
                (
                    format!("{}{}", &rest[..colon + 1], &r[..e]),
                    r.get(e + 1..).unwrap_or(""),
                )
            } else {
                (rest[..end].to_string(), &rest[end..])
            }
        };
        rest = after.trim_start();
        let term = if let Some(p) = tok.strip_prefix('"') {
            Term::Text(p.to_string())
        } else if let Some((k, v)) = tok.split_once(':').filter(|(_, v)| !v.is_empty()) {
            match k.to_ascii_lowercase().as_str() {
                "entity" | "e" => Term::Entity(v.replace('_', " ")),
                "source" | "s" => Term::Source(v.to_string()),
                "type" | "t" => {
                    match EntityType::parse(v).or(match v.to_ascii_lowercase().as_str() {
                        "person" | "people" => Some(EntityType::Person),
                        "place" => Some(EntityType::Place),
                        "org" | "organization" => Some(EntityType::Org),
                        _ => None,
                    }) {
                        Some(t) => Term::Type(t),
                        None => Term::Text(tok.clone()),
                    }
                }
                "date" | "d" => {
                    let (a, b) = v.split_once("..").unwrap_or((v, v));
                    let p = |s: &str| {
                        crate::corpus::parse_date(s)
                            .or_else(|| crate::corpus::parse_date(&format!("{s}-01")))
                    };
                    Term::Date(p(a), p(b))
                }
                _ => Term::Text(tok.clone()),
            }
        } else {
            Term::Text(tok.clone())
        };
        if !matches!(&term, Term::Text(t) if t.is_empty()) {
            terms.push((neg, term));
        }
    }
    Query { terms }
}

/// One hit: an article, the ranges that matched in it (text and mention
/// hits) and its relevance (BM25).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub article: u32,
    pub ranges: Vec<Range<usize>>,
    pub score: f32,
}

/// A case-insensitive matcher for a word or phrase (the regex crate's
/// literal search: no copy of the text, SIMD where it can).
fn matcher(needle: &str) -> Option<regex::Regex> {
    if needle.is_empty() {
        return None;
    }
    regex::RegexBuilder::new(&regex::escape(needle))
        .case_insensitive(true)
        .build()
        .ok()
}

/// Matches that start a word ("oil" in "oil, ..." but not in "boil").
fn find_all(hay: &str, re: &regex::Regex) -> Vec<Range<usize>> {
    re.find_iter(hay)
        .filter(|m| {
            m.start() == 0
                || !hay[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|m| m.range())
        .collect()
}

/// BM25's constants (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A query made ready to run over one index: its matchers, the entities it
/// names, the entity a plain word is a spelling of ("Kiev" finds the Kyiv
/// written "Kyiv" too), and what relevance needs: each term's inverse
/// document frequency and the mean length of an article.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub query: Query,
    matchers: Vec<Option<regex::Regex>>,
    entity_sets: Vec<Option<Vec<u32>>>,
    /// For a plain word or phrase that is a name or spelling of an entity.
    also: Vec<Option<u32>>,
    idf: Vec<f32>,
    mean_len: f32,
}

impl PartialEq for Prepared {
    fn eq(&self, other: &Prepared) -> bool {
        self.query == other.query
    }
}

impl Prepared {
    pub fn new(ix: &Index, query: Query) -> Prepared {
        let entity_sets: Vec<Option<Vec<u32>>> = query
            .terms
            .iter()
            .map(|(_, t)| match t {
                Term::Entity(name) => {
                    Some(ix.find_entity(name).map(|e| vec![e.id]).unwrap_or_default())
                }
                _ => None,
            })
            .collect();
        let matchers: Vec<Option<regex::Regex>> = query
            .terms
            .iter()
            .map(|(_, t)| match t {
                Term::Text(s) => matcher(s),
                _ => None,
            })
            .collect();
        // a word written as one of an entity's spellings: exactly (no
        // fuzzy guess), never a common word ("oil" is no "Oil Co"), and
        // only when that entity has other spellings
        let g = crate::nlp::gazetteer::Gazetteer::get();
        let also: Vec<Option<u32>> = query
            .terms
            .iter()
            .map(|(_, t)| match t {
                Term::Text(w) if w.split_whitespace().any(|w| !g.is_common(w)) => {
                    // (compared without a lower-case copy of every alias:
                    // this runs at every key typed)
                    let same = |a: &str| {
                        a.chars()
                            .flat_map(char::to_lowercase)
                            .eq(w.chars().flat_map(char::to_lowercase))
                    };
                    ix.entities
                        .iter()
                        .filter(|e| e.aliases.len() > 1)
                        .filter(|e| e.aliases.iter().any(|a| same(a)))
                        .max_by_key(|e| e.mentions.len())
                        .map(|e| e.id)
                }
                _ => None,
            })
            .collect();
        let n = ix.articles.len().max(1);
        let mean_len = ix.articles.iter().map(|a| a.body.len()).sum::<usize>() as f32 / n as f32;
        // each positive term's document frequency, on all cores
        use rayon::prelude::*;
        let idf = query
            .terms
            .iter()
            .enumerate()
            .map(|(i, (neg, t))| {
                let df = match t {
                    _ if *neg => return 0.0,
                    Term::Text(_) => {
                        let Some(re) = &matchers[i] else { return 0.0 };
                        let ent = also[i];
                        (0..ix.articles.len())
                            .into_par_iter()
                            .filter(|&ai| {
                                let a = &ix.articles[ai];
                                re.is_match(&a.text[a.body.clone()])
                                    || re.is_match(&a.title)
                                    || ent.is_some_and(|e| ix.mention_entity[ai].contains(&e))
                            })
                            .count()
                    }
                    Term::Entity(_) => match &entity_sets[i] {
                        Some(ids) => ids
                            .iter()
                            .map(|&e| ix.entities[e as usize].articles.len())
                            .sum(),
                        None => 0,
                    },
                    _ => return 0.0,
                };
                let (n, df) = (n as f32, df as f32);
                ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
            })
            .collect();
        Prepared {
            query,
            matchers,
            entity_sets,
            also,
            idf,
            mean_len: mean_len.max(1.0),
        }
    }

    /// The plain words that also find an entity by its other spellings,
    /// with that entity's name ("Kiev" -> "Kyiv").
    pub fn also_names(&self, ix: &Index) -> Vec<(String, String)> {
        self.query
            .terms
            .iter()
            .zip(&self.also)
            .filter_map(|((_, t), e)| match (t, e) {
                (Term::Text(w), Some(e)) => {
                    let e = &ix.entities[*e as usize];
                    let other = e
                        .aliases
                        .iter()
                        .find(|a| !a.eq_ignore_ascii_case(w))
                        .unwrap_or(&e.name);
                    Some((w.clone(), other.clone()))
                }
                _ => None,
            })
            .collect()
    }

    /// "Kiev: also Kyiv", or nothing.
    pub fn also_note(&self, ix: &Index) -> Option<String> {
        let also = self.also_names(ix);
        (!also.is_empty()).then(|| {
            also.iter()
                .map(|(w, e)| format!("{w}: also {e}"))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    }
}

/// Runs a query over the index: the matching articles, the most relevant
/// first (BM25; articles equally relevant in reading order).
pub fn search(ix: &Index, q: &Query) -> Vec<Hit> {
    let p = Prepared::new(ix, q.clone());
    let mut hits = search_from(ix, &p, 0, usize::MAX).0;
    by_relevance(&mut hits);
    hits
}

/// Orders hits by relevance, the most relevant first; hits equally relevant
/// keep their order (reading order).
pub fn by_relevance(hits: &mut [Hit]) {
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
}

/// The query over the articles in reading order from position `from`, until
/// about `budget` bytes of text are read: the hits (in reading order), and
/// where the next step starts (`ix.date_order.len()` when done). Incremental
/// search takes a step per frame, so typing never waits for the whole corpus.
pub fn search_from(ix: &Index, p: &Prepared, from: usize, budget: usize) -> (Vec<Hit>, usize) {
    let order = &ix.date_order;
    let from = from.min(order.len());
    let mut to = from;
    let mut bytes = 0usize;
    while to < order.len() && bytes < budget {
        bytes += ix.articles[order[to] as usize].text.len();
        to += 1;
    }
    use rayon::prelude::*;
    let hits = order[from..to]
        .par_iter()
        .filter_map(|&ai| hit(ix, p, ai as usize))
        .collect();
    (hits, to)
}

/// The query against one article.
fn hit(ix: &Index, p: &Prepared, ai: usize) -> Option<Hit> {
    let q = &p.query;
    let a = &ix.articles[ai];
    let an = &ix.analyses[ai];
    let mentions_of = |ids: &[u32]| -> Vec<Range<usize>> {
        ix.mention_entity[ai]
            .iter()
            .enumerate()
            .filter(|(_, e)| ids.contains(e))
            .map(|(mi, _)| an.mentions[mi].range.clone())
            .collect()
    };
    let mut ranges = Vec::new();
    let mut score = 0.0f32;
    let norm = K1 * (1.0 - B + B * a.body.len() as f32 / p.mean_len);
    for (ti, (neg, t)) in q.terms.iter().enumerate() {
        // whether the term holds, its ranges, and how often it occurs
        let (m, r, tf): (bool, Vec<Range<usize>>, f32) = match t {
            Term::Text(_) => match &p.matchers[ti] {
                Some(re) => {
                    let mut r = find_all(&a.text[a.body.clone()], re)
                        .into_iter()
                        .map(|r| r.start + a.body.start..r.end + a.body.start)
                        .collect::<Vec<_>>();
                    // a whole word counts one, the start of a longer word
                    // half ("oil" in "oilseed")
                    let whole = |hay: &str, end: usize| {
                        !hay[end..].chars().next().is_some_and(char::is_alphanumeric)
                    };
                    let mut tf: f32 = r
                        .iter()
                        .map(|x| if whole(&a.text, x.end) { 1.0 } else { 0.5 })
                        .sum();
                    if let Some(e) = p.also[ti] {
                        let names = mentions_of(&[e]);
                        tf += names.iter().filter(|n| !r.contains(n)).count() as f32;
                        r.extend(names);
                        r.sort_by_key(|r| (r.start, r.end));
                        r.dedup();
                    }
                    // a word in the title counts as two in the text
                    if let Some(t) = find_all(&a.title, re).first() {
                        tf += if whole(&a.title, t.end) { 2.0 } else { 1.0 };
                    }
                    (tf > 0.0, r, tf)
                }
                None => (false, vec![], 0.0),
            },
            Term::Entity(_) => {
                let r = mentions_of(p.entity_sets[ti].as_deref().unwrap_or(&[]));
                let tf = r.len() as f32;
                (tf > 0.0, r, tf)
            }
            Term::Source(s) => {
                let s = s.to_lowercase();
                let hit = a
                    .outlet
                    .as_deref()
                    .is_some_and(|o| o.to_lowercase().contains(&s))
                    || a.path.to_string_lossy().to_lowercase().contains(&s);
                (hit, vec![], 0.0)
            }
            Term::Date(from, to) => {
                let hit = a
                    .date
                    .is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t));
                (hit, vec![], 0.0)
            }
            Term::Type(ty) => {
                let r: Vec<Range<usize>> = ix.mention_entity[ai]
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| ix.entities[**e as usize].ty == *ty)
                    .map(|(mi, _)| an.mentions[mi].range.clone())
                    .collect();
                (!r.is_empty(), r, 0.0)
            }
        };
        if m == *neg {
            return None;
        }
        if !neg {
            score += p.idf[ti] * tf * (K1 + 1.0) / (tf + norm);
            ranges.extend(r);
        }
    }
    if q.terms.is_empty() {
        return None;
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    ranges.dedup();
    Some(Hit {
        article: ai as u32,
        ranges,
        score,
    })
}

/// The sentence around a hit, for result lists.
pub fn sentence_of(ix: &Index, article: usize, pos: usize) -> Range<usize> {
    let an = &ix.analyses[article];
    // the header marker (" date 2025-10-16") is not part of the first sentence
    let body = ix.articles[article].body.start;
    nlp::sentence_at(&an.sentences, pos)
        .map(|i| an.sentences[i].start.max(body).min(pos)..an.sentences[i].end)
        .unwrap_or(pos..pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_filters_and_negation() {
        let q = parse(
            r#"ceasefire "Oval Office" entity:Zelenskyy -source:ap date:2025-10-01..2025-10-31 type:person"#,
        );
        assert_eq!(q.terms.len(), 6);
        assert_eq!(q.terms[1], (false, Term::Text("Oval Office".into())));
        assert_eq!(q.terms[2], (false, Term::Entity("Zelenskyy".into())));
        assert_eq!(q.terms[3], (true, Term::Source("ap".into())));
        assert!(matches!(q.terms[4].1, Term::Date(Some(_), Some(_))));
        assert_eq!(q.terms[5].1, Term::Type(EntityType::Person));
        assert_eq!(
            parse("entity:\"Marco Rubio\"").terms[0].1,
            Term::Entity("Marco Rubio".into())
        );
    }

    fn corpus(texts: &[(&str, &str)]) -> crate::index::Index {
        let articles = texts
            .iter()
            .map(|(id, t)| crate::corpus::Article {
                id: id.to_string(),
                title: id.to_string(),
                text: t.to_string(),
                body: 0..t.len(),
                ..Default::default()
            })
            .collect();
        crate::index::Index::build(
            crate::corpus::Corpus {
                articles,
                warnings: vec![],
            },
            2025,
        )
    }

    /// The most relevant first: more of the query's words, rarer words
    /// weighing more, a word in the title more than in the text.
    #[test]
    fn results_come_most_relevant_first() {
        let filler = "The market was quiet on Monday and traders waited. ";
        let ix = corpus(&[
            ("once", &format!("{filler}Oil was mentioned once. {filler}")),
            (
                "often",
                &format!("Oil prices rose. Oil prices fell. Oil prices matter. {filler}"),
            ),
            ("prices", &format!("Prices rose for bread. {filler}")),
            ("none", filler),
        ]);
        let ids = |q: &str| -> Vec<String> {
            search(&ix, &parse(q))
                .iter()
                .map(|h| ix.articles[h.article as usize].id.clone())
                .collect()
        };
        assert_eq!(ids("oil prices"), ["often"]);
        assert_eq!(ids("oil"), ["often", "once"]);
        // the title's words count: "once" is found by its title
        assert_eq!(ids("once")[0], "once");
        let hits = search(&ix, &parse("oil"));
        assert!(hits[0].score > hits[1].score && hits[1].score > 0.0);
        // the start of a longer word counts less than the word itself
        let ix = corpus(&[
            ("oilseed", &format!("Oilseed rose. {filler}")),
            ("oil", &format!("Oil rose. {filler}")),
        ]);
        let first = &search(&ix, &parse("oil"))[0];
        assert_eq!(ix.articles[first.article as usize].id, "oil");
    }

    /// A word that is a spelling of a known entity finds its other
    /// spellings too, and says so.
    #[test]
    fn a_spelling_finds_the_entity_s_other_spellings() {
        let ix = crate::index::Index::build(crate::corpus::embedded_seeds(), 2025);
        let p = Prepared::new(&ix, parse("Kiev"));
        assert_eq!(p.also_note(&ix).as_deref(), Some("Kiev: also Kyiv"));
        let (hits, _) = search_from(&ix, &p, 0, usize::MAX);
        let kyiv_only = hits.iter().any(|h| {
            let a = &ix.articles[h.article as usize];
            a.text.contains("Kyiv") && !a.text.contains("Kiev")
        });
        assert!(kyiv_only, "the article that writes Kyiv is found");
        // a common word never stands for a name
        assert!(Prepared::new(&ix, parse("president"))
            .also_note(&ix)
            .is_none());
    }

    #[test]
    fn finds_words_at_word_starts() {
        assert_eq!(
            find_all("Putin and putin's Rasputin", &matcher("putin").unwrap()),
            vec![0..5, 10..15]
        );
    }

    #[test]
    fn a_search_in_steps_finds_what_one_pass_finds() {
        let ix = crate::index::Index::build(crate::corpus::embedded_seeds(), 2025);
        for q in [
            "trump",
            "entity:Zelenskyy",
            "\"Oval Office\"",
            "-source:zzzz putin",
        ] {
            let q = parse(q);
            let mut whole = search(&ix, &q);
            whole.sort_by_key(|h| ix.date_order.iter().position(|&a| a == h.article));
            let p = Prepared::new(&ix, q.clone());
            let (mut steps, mut at, mut n) = (Vec::new(), 0, 0);
            while at < ix.date_order.len() {
                // one article per step
                let (hits, next) = search_from(&ix, &p, at, 1);
                assert_eq!(next, at + 1);
                steps.extend(hits);
                at = next;
                n += 1;
            }
            assert_eq!(n, ix.date_order.len());
            let key = |h: &Hit| (h.article, h.ranges.clone());
            assert_eq!(
                steps.iter().map(key).collect::<Vec<_>>(),
                whole.iter().map(key).collect::<Vec<_>>()
            );
            assert!(!whole.is_empty());
        }
    }
}
