//! What the timeline panel shows: every dated item, or items grouped by day,
//! week or month; all of them, or those of one article or one entity.

use crate::index::timeline::Precision;
use crate::index::Index;
use chrono::Datelike;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    Items,
    Day,
    Week,
    Month,
}

impl Zoom {
    pub fn next(self) -> Zoom {
        match self {
            Zoom::Items => Zoom::Day,
            Zoom::Day => Zoom::Week,
            Zoom::Week => Zoom::Month,
            Zoom::Month => Zoom::Items,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Zoom::Items => "items",
            Zoom::Day => "days",
            Zoom::Week => "weeks",
            Zoom::Month => "months",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Article(usize),
    Entity(u32),
}

/// One row of the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Item(u32),
    /// A day, week or month: its label and its items.
    Bucket {
        label: String,
        items: Vec<u32>,
    },
    /// An article with no date at all, in the group at the end.
    Undated(u32),
}

fn keep(ix: &Index, f: Filter, i: usize) -> bool {
    let it = &ix.timeline.items[i];
    match f {
        Filter::All => true,
        Filter::Article(a) => it.article as usize == a,
        Filter::Entity(e) => it.entities.contains(&e),
    }
}

/// An item's bucket at a zoom: a number for the day, week or month, or,
/// for an item coarser than the zoom ("2025-W43" among days), its own value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Bucket<'a> {
    At(i32),
    Own(&'a str),
}

fn bucket(ix: &Index, zoom: Zoom, i: usize) -> Bucket<'_> {
    let it = &ix.timeline.items[i];
    let fine_enough = match zoom {
        Zoom::Items => true,
        Zoom::Day => it.precision == Precision::Day,
        Zoom::Week => it.precision <= Precision::Week,
        Zoom::Month => it.precision <= Precision::Month,
    };
    if !fine_enough {
        return Bucket::Own(&it.value);
    }
    let d = it.start;
    Bucket::At(match zoom {
        Zoom::Items | Zoom::Day => d.num_days_from_ce(),
        Zoom::Week => d.iso_week().year() * 100 + d.iso_week().week() as i32,
        Zoom::Month => d.year() * 100 + d.month() as i32,
    })
}

fn label(ix: &Index, zoom: Zoom, first: usize, b: &Bucket) -> String {
    let d = ix.timeline.items[first].start;
    match b {
        Bucket::Own(v) => v.to_string(),
        Bucket::At(_) => match zoom {
            Zoom::Items | Zoom::Day => d.format("%Y-%m-%d").to_string(),
            Zoom::Week => format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week()),
            Zoom::Month => d.format("%Y-%m").to_string(),
        },
    }
}

/// The rows for a zoom and a filter, in date order, then the undated
/// articles (all of them, or the one filtered to; none for an entity).
pub fn rows(ix: &Index, zoom: Zoom, filter: Filter) -> Vec<Row> {
    let mut out = dated_rows(ix, zoom, filter);
    let undated = ix.timeline.undated.iter().filter(|&&a| match filter {
        Filter::All => true,
        Filter::Article(x) => a as usize == x,
        Filter::Entity(_) => false,
    });
    out.extend(undated.map(|&a| Row::Undated(a)));
    out
}

fn dated_rows(ix: &Index, zoom: Zoom, filter: Filter) -> Vec<Row> {
    let kept = (0..ix.timeline.items.len()).filter(|&i| keep(ix, filter, i));
    if zoom == Zoom::Items {
        // the items of one event side by side within their date: an
        // article that tells something else of the day does not part them
        let mut kept: Vec<usize> = kept.collect();
        let items = &ix.timeline.items;
        kept.sort_by_key(|&i| (items[i].start, items[i].precision, items[i].event));
        return kept.into_iter().map(|i| Row::Item(i as u32)).collect();
    }
    let mut order: Vec<Bucket> = Vec::new();
    let mut groups: crate::fx::FxHashMap<Bucket, Vec<u32>> = Default::default();
    for i in kept {
        // the key is copied only for a bucket seen for the first time
        match groups.entry(bucket(ix, zoom, i)) {
            std::collections::hash_map::Entry::Occupied(mut e) => e.get_mut().push(i as u32),
            std::collections::hash_map::Entry::Vacant(e) => {
                order.push(e.key().clone());
                e.insert(vec![i as u32]);
            }
        }
    }
    // items are sorted by start: buckets come in the order first seen
    order
        .into_iter()
        .map(|b| {
            let items = groups.remove(&b).unwrap_or_default();
            Row::Bucket {
                label: label(ix, zoom, items[0] as usize, &b),
                items,
            }
        })
        .collect()
}

/// Articles and the most frequent entities of a bucket, for its row.
pub fn summary(ix: &Index, items: &[u32]) -> (usize, Vec<u32>, bool) {
    let mut arts: Vec<u32> = items
        .iter()
        .map(|&i| ix.timeline.items[i as usize].article)
        .collect();
    arts.sort_unstable();
    arts.dedup();
    let mut n: HashMap<u32, usize> = HashMap::new();
    for &i in items {
        for &e in &ix.timeline.items[i as usize].entities {
            *n.entry(e).or_default() += 1;
        }
    }
    let mut top: Vec<(u32, usize)> = n.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let conflict = items
        .iter()
        .any(|&i| ix.timeline.events[ix.timeline.items[i as usize].event as usize].conflict);
    (
        arts.len(),
        top.into_iter().take(4).map(|x| x.0).collect(),
        conflict,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

    /// An event's items are rows side by side, though an article between
    /// them tells something else of the same day.
    #[test]
    fn an_event_s_items_are_rows_side_by_side() {
        let article = |id: &str, text: &str| corpus::Article {
            id: id.into(),
            title: id.into(),
            body: 0..text.len(),
            text: text.into(),
            ..Default::default()
        };
        let met = "On 3 March 2020 Olaf Weidenfeld met Ingrid Carstensen in Lubeck.";
        let other = "On 3 March 2020 the Hanover Philharmonic played in Dresden.";
        let ix = Index::build(
            corpus::Corpus {
                articles: vec![article("a", met), article("b", other), article("c", met)],
                warnings: vec![],
            },
            2025,
        );
        let events: Vec<u32> = rows(&ix, Zoom::Items, Filter::All)
            .iter()
            .filter_map(|r| match r {
                Row::Item(i) => Some(ix.timeline.items[*i as usize].event),
                _ => None,
            })
            .collect();
        assert_eq!(events.len(), 3, "{events:?}");
        let told_twice = ix.timeline.items[0].event;
        assert_eq!(
            ix.timeline.events[told_twice as usize].articles.len(),
            2,
            "a and c tell one event"
        );
        let at: Vec<usize> = (0..3).filter(|&k| events[k] == told_twice).collect();
        assert_eq!(at[1], at[0] + 1, "{events:?}");
    }

    #[test]
    fn zoom_groups_and_filters_narrow() {
        let ix = Index::build(corpus::embedded_seeds(), 2025);
        let all = rows(&ix, Zoom::Items, Filter::All);
        let undated = ix.timeline.undated.len();
        assert_eq!(undated, 2, "two seeds have no date");
        assert_eq!(all.len(), ix.timeline.items.len() + undated);
        // the undated articles come last, in a group of their own
        let tail: Vec<Row> = ix
            .timeline
            .undated
            .iter()
            .map(|&a| Row::Undated(a))
            .collect();
        assert_eq!(all[all.len() - undated..], tail[..]);
        let days = rows(&ix, Zoom::Day, Filter::All);
        let labels: Vec<&str> = days
            .iter()
            .filter(|r| !matches!(r, Row::Undated(_)))
            .map(|r| match r {
                Row::Bucket { label, .. } => label.as_str(),
                _ => panic!("items at day zoom"),
            })
            .collect();
        assert!(labels.contains(&"2025-10-16") && labels.contains(&"2025-10-17"));
        assert!(
            labels.contains(&"2025-W43"),
            "a week item keeps its own label: {labels:?}"
        );
        let total: usize = days
            .iter()
            .map(|r| match r {
                Row::Bucket { items, .. } => items.len(),
                _ => 0,
            })
            .sum();
        assert_eq!(total, ix.timeline.items.len(), "every item in one bucket");
        let weeks = rows(&ix, Zoom::Week, Filter::All);
        assert!(weeks.len() < days.len());
        // filters
        let a = ix.find_article("001").unwrap();
        let only = rows(&ix, Zoom::Items, Filter::Article(a));
        assert!(!only.is_empty() && only.len() < all.len());
        let rubio = ix.find_entity("Rubio").unwrap().id;
        for r in rows(&ix, Zoom::Items, Filter::Entity(rubio)) {
            let Row::Item(i) = r else { panic!() };
            assert!(ix.timeline.items[i as usize].entities.contains(&rubio));
        }
    }
}
