//! The corpus-wide layer: entities and their mentions across articles, the
//! timeline, search.

pub mod compare;
pub mod fuzzy;
pub mod link;
pub mod search;
pub mod timeline;

use crate::corpus::{Article, Corpus, DateSource, Warning};
use crate::nlp::{self, Analysis, EntityType, Evidence, Lexicon};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// One real-world entity and every mention of it.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    pub id: u32,
    /// The fullest name seen.
    pub name: String,
    pub ty: EntityType,
    /// Why it has that type.
    pub evidence: Evidence,
    /// Every spelling seen, most frequent first.
    pub aliases: Vec<String>,
    /// (article, mention index), in date order of the articles.
    pub mentions: Vec<(u32, u32)>,
    /// Distinct articles, in date order (undated last).
    pub articles: Vec<u32>,
}

/// The analyzed corpus.
pub struct Index {
    pub articles: Vec<Article>,
    pub analyses: Vec<Analysis>,
    pub entities: Vec<Entity>,
    /// For each article, for each mention: its entity.
    pub mention_entity: Vec<Vec<u32>>,
    pub timeline: timeline::Timeline,
    /// For each article, for each of its quotes: the other articles carrying it.
    pub quote_carriers: Vec<Vec<Vec<u32>>>,
    pub warnings: Vec<Warning>,
}

/// Dates of undated articles from "on Thursday (October 16)": the year in
/// which that day falls on that weekday, nearest to the corpus's other dates
/// (or to `fallback_year` when no article is dated).
pub fn infer_dates(articles: &mut [Article], fallback_year: i32) {
    let mut years: Vec<i32> = articles
        .iter()
        .filter_map(|a| a.date.map(|d| d.year()))
        .collect();
    years.sort_unstable();
    let center = years.get(years.len() / 2).copied().unwrap_or(fallback_year);
    for a in articles.iter_mut().filter(|a| a.date.is_none()) {
        let pairs = nlp::timex::weekday_date_pairs(&a.text[a.body.clone()]);
        let best = pairs
            .into_iter()
            .filter_map(|(m, d, w, r)| {
                (center - 30..=center + 30)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                    .filter(|date| date.weekday() == w)
                    .min_by_key(|date| (date.year() - center).abs())
                    .map(|date| (date, r))
            })
            .max_by_key(|(d, _)| *d);
        if let Some((date, r)) = best {
            a.date = Some(date);
            a.date_source = DateSource::Inferred;
            let sents = nlp::text::sentences(&a.text);
            let off = a.body.start;
            a.date_evidence = nlp::sentence_at(&sents, off + r.start).map(|i| sents[i].clone());
        }
    }
}

impl Index {
    /// Analyzes a corpus: dates, mentions, time expressions, links, timeline.
    pub fn build(corpus: Corpus, fallback_year: i32) -> Index {
        let Corpus {
            mut articles,
            warnings,
        } = corpus;
        infer_dates(&mut articles, fallback_year);
        let prepared: Vec<nlp::Prepared> =
            articles.par_iter().map(|a| nlp::prepare(&a.text)).collect();
        let lex = articles
            .par_iter()
            .zip(&prepared)
            .fold(Lexicon::default, |mut l, (a, p)| {
                l.observe(&a.text, &p.tokens, &p.sentences);
                l
            })
            .reduce(Lexicon::default, |mut a, b| {
                a.merge(b);
                a
            });
        let mut analyses: Vec<Analysis> = articles
            .par_iter()
            .zip(prepared)
            .map(|(a, p)| {
                let mut an = nlp::analyze(&a.text, &p, &lex, a.date);
                // the header marker is not text
                an.mentions.retain(|m| m.range.start >= a.body.start);
                an.timexes.retain(|t| t.range.start >= a.body.start);
                an
            })
            .collect();
        let quote_carriers = timeline::reanchor_quotes(&articles, &mut analyses);
        let (mut entities, mention_entity) = build_entities(&articles, &analyses);
        let timeline = timeline::Timeline::build(&articles, &analyses, &mention_entity);
        let mut ix = Index {
            articles,
            analyses,
            entities: vec![],
            mention_entity,
            timeline,
            quote_carriers,
            warnings,
        };
        // mentions and articles of each entity in reading order: by date, undated last
        let mut rank = vec![0u32; ix.articles.len()];
        for (r, a) in ix.by_date().into_iter().enumerate() {
            rank[a] = r as u32;
        }
        for e in &mut entities {
            e.mentions.sort_by_key(|&(a, m)| (rank[a as usize], m));
            e.articles.sort_by_key(|&a| rank[a as usize]);
        }
        ix.entities = entities;
        ix
    }

    pub fn entity_of(&self, article: usize, mention: usize) -> Option<&Entity> {
        self.mention_entity
            .get(article)?
            .get(mention)
            .map(|&e| &self.entities[e as usize])
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
                self.entities
                    .iter()
                    .filter(|e| {
                        e.aliases
                            .iter()
                            .any(|a| link::similar_word(&a.to_lowercase(), &l))
                    })
                    .max_by_key(|e| e.mentions.len())
            })
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
        v.sort_by(|&a, &b| {
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

fn build_entities(articles: &[Article], analyses: &[Analysis]) -> (Vec<Entity>, Vec<Vec<u32>>) {
    let mut items = Vec::new();
    let mut refs = Vec::new();
    for (ai, an) in analyses.iter().enumerate() {
        for (mi, m) in an.mentions.iter().enumerate() {
            items.push(link::Item {
                article: ai,
                mention: m,
                text: &articles[ai].text[m.range.clone()],
            });
            refs.push((ai as u32, mi as u32));
        }
    }
    let linked = link::link(&items);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); linked.clusters];
    for (i, &c) in linked.cluster_of.iter().enumerate() {
        groups[c].push(i);
    }
    let mut mention_entity: Vec<Vec<u32>> =
        analyses.iter().map(|a| vec![0; a.mentions.len()]).collect();
    let mut entities = Vec::with_capacity(groups.len());
    for g in groups {
        let id = entities.len() as u32;
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut surface_names: std::collections::BTreeSet<String> = Default::default();
        let mut votes: HashMap<EntityType, u32> = HashMap::new();
        let mut best_ev: Option<(&Evidence, EntityType)> = None;
        for &i in &g {
            let it = &items[i];
            *names
                .entry(link::name_key(it.mention, it.text))
                .or_default() += 1;
            let surface = it.text.split_whitespace().collect::<Vec<_>>().join(" ");
            surface_names.insert(surface);
            let s = it.mention.evidence.strength() as u32;
            *votes.entry(it.mention.ty).or_default() += 1 + s * 2;
            if best_ev.is_none_or(|(e, _)| e.strength() < it.mention.evidence.strength()) {
                best_ev = Some((&it.mention.evidence, it.mention.ty));
            }
        }
        let (best_ev, best_ty) = best_ev
            .map(|(e, t)| (e.clone(), t))
            .unwrap_or((Evidence::Default, EntityType::Other));
        let ty = if best_ev.strength() >= 4 {
            best_ty
        } else {
            votes
                .into_iter()
                .max_by_key(|(t, n)| (*n, std::cmp::Reverse(*t)))
                .map(|x| x.0)
                .unwrap_or(best_ty)
        };
        let mut aliases: Vec<(String, usize)> = names.into_iter().collect();
        aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let name = aliases
            .iter()
            .max_by_key(|(n, c)| {
                (
                    n.split_whitespace().count(),
                    *c,
                    std::cmp::Reverse(n.clone()),
                )
            })
            .map(|x| x.0.clone())
            .unwrap_or_default();
        let mut mentions: Vec<(u32, u32)> = g.iter().map(|&i| refs[i]).collect();
        mentions.sort_unstable();
        let mut arts: Vec<u32> = mentions.iter().map(|m| m.0).collect();
        arts.dedup();
        for &(a, m) in &mentions {
            mention_entity[a as usize][m as usize] = id;
        }
        let mut aliases: Vec<String> = aliases.into_iter().map(|x| x.0).collect();
        for sname in surface_names {
            if !aliases.contains(&sname) {
                aliases.push(sname);
            }
        }
        entities.push(Entity {
            id,
            name,
            ty,
            evidence: best_ev,
            aliases,
            mentions,
            articles: arts,
        });
    }
    (entities, mention_entity)
}
