//! The search box: results as you type, read a step at a time between
//! frames; Enter jumps to the chosen hit, and n / N walk all of them.

use super::state::{Overlay, SearchBox, State};
use super::{edit_of, line, nav, Action, Effect, Pane};
use crate::index::{search, Index};

/// Bytes of text an incremental search reads per step (a few ms).
pub const SEARCH_STEP: usize = 4 << 20;

/// The search box, empty.
pub fn open(ix: &Index) -> Overlay {
    Overlay::Search(SearchBox {
        query: Default::default(),
        results: vec![],
        selected: 0,
        scanned: ix.date_order.len(),
        prepared: None,
        by_date: false,
    })
}

/// Is there work left that runs a step at a time between frames (a search
/// still reading the corpus)?
pub fn has_work(s: &State, ix: &Index) -> bool {
    matches!(&s.overlay, Overlay::Search(b) if b.scanned < ix.date_order.len())
}

/// Does one step of the pending work; the UI calls it when no key is waiting.
pub fn work(s: &mut State, ix: &Index) {
    if let Overlay::Search(b) = &mut s.overlay {
        step(b, ix);
    }
}

fn step(b: &mut SearchBox, ix: &Index) {
    let Some(p) = &b.prepared else { return };
    if b.scanned < ix.date_order.len() {
        let (hits, next) = search::search_from(ix, p, b.scanned, SEARCH_STEP);
        b.results.extend(hits);
        b.scanned = next;
        if !b.by_date {
            search::by_relevance(&mut b.results);
        }
    }
}

/// The keys of the search box.
pub fn update(s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    let Overlay::Search(b) = &mut s.overlay else {
        return;
    };
    if let Some(e) = edit_of(action, b.query.is_empty()) {
        if !b.query.edit(e, s.history.of(line::Kind::Search)) {
            return;
        }
        b.results.clear();
        b.selected = 0;
        // one letter matches nearly everything: wait for two
        if b.query.as_str().trim().chars().count() >= 2 {
            b.scanned = 0;
            let q = search::parse(b.query.as_str());
            b.prepared = Some(Box::new(search::Prepared::new(ix, q)));
        } else {
            b.scanned = ix.date_order.len();
            b.prepared = None;
        }
        step(b, ix);
        return;
    }
    let n = b.results.len();
    match action {
        Action::CycleSort => {
            // the most relevant first, or reading order
            b.by_date = !b.by_date;
            if b.by_date {
                let pos = |a: u32| ix.date_order.iter().position(|&x| x == a);
                b.results.sort_by_cached_key(|h| pos(h.article));
            } else {
                search::by_relevance(&mut b.results);
            }
            b.selected = 0;
        }
        Action::Down | Action::NextHit => b.selected = nav::step(b.selected, n, 1),
        Action::Up | Action::PrevHit => b.selected = nav::step(b.selected, n, -1),
        Action::Back => {
            // cancelled, not lost: Up brings it back
            let q = b.query.text.clone();
            s.overlay = Overlay::None;
            s.remember(line::Kind::Search, &q, fx);
        }
        Action::Enter => {
            let q = b.query.text.clone();
            let chosen = b.results.get(b.selected).cloned();
            // n and N then walk the hits, across the results
            let hits: Vec<(u32, std::ops::Range<usize>)> = b
                .results
                .iter()
                .flat_map(|h| h.ranges.iter().map(move |r| (h.article, r.clone())))
                .collect();
            s.overlay = Overlay::None;
            if let Some(h) = chosen {
                s.reader.hits = hits;
                s.push_jump();
                s.reader.marks = h.ranges.clone();
                s.focus = Pane::Reader;
                s.open(h.article as usize, h.ranges.first().map(|r| r.start));
            }
            s.remember(line::Kind::Search, &q, fx);
        }
        _ => {}
    }
}

/// n / N after a search: the next hit of it, crossing articles.
pub fn next_hit(s: &mut State, forward: bool) {
    let r = &s.reader;
    let n = r.hits.len();
    let at = r
        .reveal
        .or_else(|| r.marks.first().map(|m| m.start))
        .unwrap_or(0);
    let cur = r
        .hits
        .iter()
        .position(|(a, h)| *a as usize == r.article && h.start >= at)
        .unwrap_or(0);
    let here = r
        .hits
        .get(cur)
        .is_some_and(|(a, h)| *a as usize == r.article && h.start == at);
    let k = match (forward, here) {
        (true, true) => (cur + 1) % n,
        (true, false) => cur,
        (false, _) => (cur + n - 1) % n,
    };
    let (a, h) = r.hits[k].clone();
    if a as usize != r.article {
        s.push_jump();
    }
    s.open(a as usize, Some(h.start));
    s.reader.marks = vec![h];
    s.focus = Pane::Reader;
    s.message = Some(format!("hit {}/{n}", k + 1));
}

#[cfg(test)]
mod tests {
    use super::super::tests::seeds;
    use super::super::update;
    use super::*;

    #[test]
    fn search_finds_variant_spellings() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::Search);
        for c in "entity:Zelenskyy".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        let Overlay::Search(b) = &s.overlay else {
            panic!("no search")
        };
        let ids: Vec<&str> = b
            .results
            .iter()
            .map(|h| ix.articles[h.article as usize].id.as_str())
            .collect();
        assert!(ids.iter().any(|i| i.starts_with("003")), "{ids:?}");
        let fx = update(&mut s, &ix, Action::Enter);
        assert_eq!(s.focus, Pane::Reader);
        assert!(!s.reader.marks.is_empty());
        let kept = Effect::SaveHistory(line::Kind::Search, "entity:Zelenskyy".into());
        assert!(fx.contains(&kept), "the query is kept: {fx:?}");
    }

    /// Search results come the most relevant first; Tab puts them in
    /// reading order and back.
    #[test]
    fn search_orders_by_relevance_and_tab_by_date() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::Search);
        for c in "trump putin".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        let order = |s: &State| -> (Vec<u32>, Vec<f32>) {
            let Overlay::Search(b) = &s.overlay else {
                panic!("no search")
            };
            (
                b.results.iter().map(|h| h.article).collect(),
                b.results.iter().map(|h| h.score).collect(),
            )
        };
        let (relevant, scores) = order(&s);
        assert!(relevant.len() >= 3);
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        update(&mut s, &ix, Action::CycleSort);
        let (by_date, _) = order(&s);
        let pos = |a: &u32| ix.date_order.iter().position(|x| x == a);
        assert!(by_date.windows(2).all(|w| pos(&w[0]) < pos(&w[1])));
        let mut a = relevant.clone();
        let mut b = by_date.clone();
        a.sort();
        b.sort();
        assert_eq!(a, b, "the same results");
        update(&mut s, &ix, Action::CycleSort);
        assert_eq!(order(&s).0, relevant);
    }

    #[test]
    fn after_a_search_n_and_n_walk_the_hits_across_articles() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::Search);
        for c in "Budapest".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        update(&mut s, &ix, Action::Enter);
        let n = s.reader.hits.len();
        assert!(n >= 3);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..n {
            update(&mut s, &ix, Action::NextHit);
            let r = s.reader.marks[0].clone();
            assert_eq!(&ix.articles[s.reader.article].text[r], "Budapest");
            seen.insert(s.reader.article);
        }
        assert!(seen.len() >= 3, "crossed articles: {seen:?}");
        update(&mut s, &ix, Action::PrevHit);
        assert!(s.message.as_deref().unwrap().starts_with("hit "));
    }
}
