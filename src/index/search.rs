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

/// One hit: an article and the ranges that matched in it (text and mention hits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub article: u32,
    pub ranges: Vec<Range<usize>>,
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

/// Runs a query over the index: the matching articles in date order.
pub fn search(ix: &Index, q: &Query) -> Vec<Hit> {
    search_from(ix, q, 0, usize::MAX).0
}

/// The query over the articles in reading order from position `from`, until
/// about `budget` bytes of text are read: the hits, and where the next step
/// starts (`ix.date_order.len()` when done). Incremental search takes a step
/// per frame, so typing never waits for the whole corpus.
pub fn search_from(ix: &Index, q: &Query, from: usize, budget: usize) -> (Vec<Hit>, usize) {
    let order = &ix.date_order;
    let from = from.min(order.len());
    let mut to = from;
    let mut bytes = 0usize;
    while to < order.len() && bytes < budget {
        bytes += ix.articles[order[to] as usize].text.len();
        to += 1;
    }
    (search_in(ix, q, &order[from..to]), to)
}

fn search_in(ix: &Index, q: &Query, articles: &[u32]) -> Vec<Hit> {
    let entity_sets: Vec<Option<Vec<u32>>> = q
        .terms
        .iter()
        .map(|(_, t)| match t {
            Term::Entity(name) => {
                Some(ix.find_entity(name).map(|e| vec![e.id]).unwrap_or_default())
            }
            _ => None,
        })
        .collect();
    let matchers: Vec<Option<regex::Regex>> = q
        .terms
        .iter()
        .map(|(_, t)| match t {
            Term::Text(s) => matcher(s),
            _ => None,
        })
        .collect();
    use rayon::prelude::*;
    articles
        .par_iter()
        .filter_map(|&ai| hit(ix, q, &entity_sets, &matchers, ai as usize))
        .collect()
}

/// The query against one article.
fn hit(
    ix: &Index,
    q: &Query,
    entity_sets: &[Option<Vec<u32>>],
    matchers: &[Option<regex::Regex>],
    ai: usize,
) -> Option<Hit> {
    {
        let a = &ix.articles[ai];
        let an = &ix.analyses[ai];
        let mut ranges = Vec::new();
        let mut ok = true;
        for (ti, (neg, t)) in q.terms.iter().enumerate() {
            let (m, r): (bool, Vec<Range<usize>>) = match t {
                Term::Text(_) => match &matchers[ti] {
                    Some(re) => {
                        let r = find_all(&a.text[a.body.clone()], re)
                            .into_iter()
                            .map(|r| r.start + a.body.start..r.end + a.body.start)
                            .collect::<Vec<_>>();
                        let title_hit = re.is_match(&a.title);
                        (!r.is_empty() || title_hit, r)
                    }
                    None => (false, vec![]),
                },
                Term::Entity(_) => {
                    let ids = entity_sets[ti].as_deref().unwrap_or(&[]);
                    let r: Vec<Range<usize>> = ix.mention_entity[ai]
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| ids.contains(e))
                        .map(|(mi, _)| an.mentions[mi].range.clone())
                        .collect();
                    (!r.is_empty(), r)
                }
                Term::Source(s) => {
                    let s = s.to_lowercase();
                    let hit = a
                        .outlet
                        .as_deref()
                        .is_some_and(|o| o.to_lowercase().contains(&s))
                        || a.path.to_string_lossy().to_lowercase().contains(&s);
                    (hit, vec![])
                }
                Term::Date(from, to) => {
                    let hit = a
                        .date
                        .is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t));
                    (hit, vec![])
                }
                Term::Type(ty) => {
                    let r: Vec<Range<usize>> = ix.mention_entity[ai]
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| ix.entities[**e as usize].ty == *ty)
                        .map(|(mi, _)| an.mentions[mi].range.clone())
                        .collect();
                    (!r.is_empty(), r)
                }
            };
            if m == *neg {
                ok = false;
                break;
            }
            if !neg {
                ranges.extend(r);
            }
        }
        if ok && !q.terms.is_empty() {
            ranges.sort_by_key(|r| (r.start, r.end));
            ranges.dedup();
            return Some(Hit {
                article: ai as u32,
                ranges,
            });
        }
        None
    }
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
            let whole = search(&ix, &q);
            let (mut steps, mut at, mut n) = (Vec::new(), 0, 0);
            while at < ix.date_order.len() {
                // one article per step
                let (hits, next) = search_from(&ix, &q, at, 1);
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
