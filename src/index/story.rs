//! Articles grouped by story: those that share the particular names of an
//! event (weighted by rarity, as in `compare`) and dates that agree.

use super::Index;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Weighted entity overlap above which two articles tell the same story
/// (the threshold `compare` uses for "same event", measured on ECB+).
const SAME_STORY: f32 = 0.15;
/// Dates further apart than this are different stories.
const MAX_DAYS: i64 = 3;

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Story groups, largest first; each group in date order (undated last).
pub fn groups(ix: &Index) -> Vec<Vec<usize>> {
    let n = ix.articles.len();
    let nf = n as f32 + 1.0;
    let idf: Vec<f32> = ix
        .entities
        .iter()
        .map(|e| (nf / e.articles.len().max(1) as f32).ln())
        .collect();
    // each article's distinct entities and their total weight
    let ents: Vec<Vec<u32>> = ix
        .mention_entity
        .iter()
        .map(|m| {
            let mut v = m.clone();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let weight: Vec<f32> = ents
        .iter()
        .map(|v| v.iter().map(|&e| idf[e as usize]).sum())
        .collect();
    // entities common enough to be everyone's cast are not evidence, and
    // would make this quadratic
    let rare_limit = (n / 50).max(8);
    let date = |a: usize| -> Option<NaiveDate> { ix.articles[a].date };
    let mut parent: Vec<usize> = (0..n).collect();
    for a in 0..n {
        let mut shared: HashMap<usize, f32> = HashMap::new();
        for &e in &ents[a] {
            let arts = &ix.entities[e as usize].articles;
            if arts.len() > rare_limit {
                continue;
            }
            for &b in arts {
                let b = b as usize;
                if b > a {
                    *shared.entry(b).or_default() += idf[e as usize];
                }
            }
        }
        for (b, s) in shared {
            // shared over the union: sum(a) + sum(b) - shared
            let union = weight[a] + weight[b] - s;
            if union <= 0.0 || s / union < SAME_STORY {
                continue;
            }
            if let (Some(x), Some(y)) = (date(a), date(b)) {
                if (x - y).num_days().abs() > MAX_DAYS {
                    continue;
                }
            }
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for a in ix.date_order.iter().map(|&a| a as usize) {
        let r = find(&mut parent, a);
        by_root.entry(r).or_default().push(a);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    // largest first, then the earliest
    out.sort_by(|x, y| {
        y.len()
            .cmp(&x.len())
            .then_with(|| date(x[0]).is_none().cmp(&date(y[0]).is_none()))
            .then_with(|| date(x[0]).cmp(&date(y[0])))
            .then_with(|| x[0].cmp(&y[0]))
    });
    out
}
