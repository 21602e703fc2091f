//! The sources list: articles by date or grouped by story, filtered by a
//! search query; moving in it opens the article in the reader.

use super::state::{Overlay, Prompt, PromptFor, State};
use super::{line, nav, Action, Pane};
use crate::index::{search, Index};

impl State {
    /// Recomputes the sources list: grouped by story or by date, filtered by
    /// the query; the selection stays on the article shown when it can.
    pub fn refresh_sources(&mut self, ix: &Index) {
        let l = &mut self.sources;
        // the story groups depend on the index only: computed once, not on
        // every key typed into the filter
        if l.grouped && l.groups.is_empty() {
            l.groups = crate::index::story::groups(ix);
        }
        let by_date;
        let groups: &[Vec<usize>] = if l.grouped {
            &l.groups
        } else {
            by_date = [ix.date_order.iter().map(|&a| a as usize).collect()];
            &by_date
        };
        let keep: Option<std::collections::HashSet<usize>> =
            (!l.filter.trim().is_empty()).then(|| {
                search::search(ix, &search::parse(&l.filter))
                    .into_iter()
                    .map(|h| h.article as usize)
                    .collect()
            });
        l.order.clear();
        l.story.clear();
        for g in groups {
            let g: Vec<usize> = g
                .iter()
                .copied()
                .filter(|a| keep.as_ref().is_none_or(|k| k.contains(a)))
                .collect();
            for (k, &a) in g.iter().enumerate() {
                l.order.push(a);
                l.story.push((g.len() as u32, k as u32));
            }
        }
        if !l.grouped {
            l.story.clear();
        }
        let here = self.reader.article;
        l.sel = l.order.iter().position(|&a| a == here).unwrap_or(0);
    }
}

/// The keys of the sources list (with the focus on it).
pub fn update(s: &mut State, ix: &Index, action: Action) {
    let n = s.sources.order.len();
    if let Action::Scroll { down, .. } = action {
        // the wheel moves the selection a row at a time, and opens nothing
        s.sources.sel = nav::step(s.sources.sel, n, if down { 1 } else { -1 });
        return;
    }
    let moved = match action {
        Action::Click { row, .. } => (row < n).then_some(row),
        a => nav::moved(a, s.sources.sel, n, s.view.list_height),
    };
    if let Some(row) = moved {
        s.sources.sel = row;
        if let Some(&a) = s.sources.order.get(row) {
            s.open(a, None);
            if !matches!(action, Action::Click { .. }) {
                s.reader.marks.clear();
            }
        }
        return;
    }
    match action {
        Action::Enter => s.focus = Pane::Reader,
        Action::FilterSources => {
            s.focus = Pane::Sources;
            let f = &s.sources.filter;
            s.overlay = Overlay::Prompt(Prompt {
                label: "filter sources (words, \"phrase\", entity: source: date: type: -not)"
                    .into(),
                input: line::TextLine::new(f),
                purpose: PromptFor::Filter(f.clone()),
            });
        }
        Action::GroupSources => {
            s.sources.grouped = !s.sources.grouped;
            s.focus = Pane::Sources;
            s.refresh_sources(ix);
            s.message = Some(
                if s.sources.grouped {
                    "sources grouped by story, largest first"
                } else {
                    "sources by date"
                }
                .into(),
            );
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::seeds;
    use super::super::update;
    use super::*;

    #[test]
    fn moving_in_sources_opens_articles() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let date = |s: &State| ix.articles[s.reader.article].date.map(|d| d.to_string());
        assert_eq!(date(&s).as_deref(), Some("2025-10-16"));
        update(&mut s, &ix, Action::Down);
        assert_eq!(s.sources.sel, 1);
        assert_eq!(s.reader.article, s.sources.order[1]);
        update(&mut s, &ix, Action::Bottom);
        assert_eq!(s.sources.sel, 4);
        assert!(date(&s).is_none(), "undated last");
        update(&mut s, &ix, Action::Top);
        assert_eq!(s.sources.sel, 0);
    }

    #[test]
    fn sources_filter_as_you_type_and_group_by_story() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let ids = |s: &State| -> Vec<String> {
            s.sources
                .order
                .iter()
                .map(|&a| ix.articles[a].id[..3].to_string())
                .collect()
        };
        update(&mut s, &ix, Action::FilterSources);
        for c in "Budapest".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        assert_eq!(ids(&s), ["000", "001", "003"]);
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.sources.filter, "Budapest");
        // Esc while editing brings the filter back to what it was
        update(&mut s, &ix, Action::FilterSources);
        update(&mut s, &ix, Action::Input('x'));
        assert!(s.sources.order.is_empty());
        update(&mut s, &ix, Action::Back);
        assert_eq!(s.sources.order.len(), 3);
        // clear it, then group
        update(&mut s, &ix, Action::FilterSources);
        for _ in 0.."Budapest".len() {
            update(&mut s, &ix, Action::Backspace);
        }
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.sources.order.len(), 5);
        update(&mut s, &ix, Action::GroupSources);
        assert_eq!(&ids(&s)[..3], ["000", "001", "003"]);
        assert_eq!(s.sources.story[0], (3, 0));
        assert_eq!(s.sources.story[3].0, 1);
    }
}
