//! The timeline pane: moving in its rows, Enter into a day or onto the
//! sentence, zoom and filter.

use super::rows::{rows, Filter, Row, Zoom};
use super::state::State;
use super::{nav, Action};
use crate::index::Index;

impl State {
    /// Recomputes the timeline rows (after a zoom, a filter or a relink).
    pub fn refresh_timeline(&mut self, ix: &Index) {
        let t = &mut self.timeline;
        t.rows = rows(ix, t.zoom, t.filter);
        t.sel = t.sel.min(t.rows.len().saturating_sub(1));
    }
}

/// The keys of the timeline (with the focus on it, or the wheel over it).
pub fn update(s: &mut State, ix: &Index, action: Action) {
    let n = s.timeline.rows.len();
    let moved = match action {
        Action::Click { row, .. } => (row < n).then_some(row),
        a => nav::moved(a, s.timeline.sel, n, s.view.list_height),
    };
    if let Some(row) = moved {
        s.timeline.sel = row;
        return;
    }
    match action {
        Action::Enter => enter(s, ix),
        Action::TimelineZoom => {
            s.timeline.zoom = s.timeline.zoom.next();
            s.timeline.sel = 0;
            s.refresh_timeline(ix);
            s.message = Some(format!("timeline: {}", s.timeline.zoom.label()));
        }
        Action::TimelineFilter => {
            let r = &s.reader;
            let focused = r.mention.and_then(|m| ix.entity_of(r.article, m));
            s.timeline.filter = match (s.timeline.filter, focused) {
                (Filter::All, _) => Filter::Article(r.article),
                (Filter::Article(_), Some(e)) => Filter::Entity(e.id),
                _ => Filter::All,
            };
            s.timeline.sel = 0;
            s.refresh_timeline(ix);
            s.message = Some(match s.timeline.filter {
                Filter::All => "timeline: everything".into(),
                Filter::Article(_) => "timeline: this article only".into(),
                Filter::Entity(e) => {
                    format!("timeline: {} only", ix.entities[e as usize].name)
                }
            });
        }
        _ => {}
    }
}

/// Enter on a row: a day (week, month) opens into its items; an item opens
/// its sentence in the reader.
fn enter(s: &mut State, ix: &Index) {
    match s.timeline.rows.get(s.timeline.sel).cloned() {
        Some(Row::Bucket { items, label }) => {
            // into the bucket: its items, the first one selected
            s.timeline.zoom = Zoom::Items;
            s.refresh_timeline(ix);
            // (its first row: an event's items sit side by side, so the
            // first item need not be)
            let inside: crate::fx::FxHashSet<u32> = items.iter().copied().collect();
            s.timeline.sel = s
                .timeline
                .rows
                .iter()
                .position(|r| matches!(r, Row::Item(i) if inside.contains(i)))
                .unwrap_or(0);
            s.message = Some(format!("{label}: {} items", items.len()));
        }
        Some(Row::Item(i)) => {
            let it = &ix.timeline.items[i as usize];
            let r = it.timex.clone().map(|_| it.sentence.clone());
            s.jump_to(it.article as usize, r);
        }
        Some(Row::Undated(a)) => s.jump_to(a as usize, None),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_enter_opens_the_sentence() {
        use crate::app::{tests::seeds, update, Pane};
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FocusTimeline);
        let i = ix
            .timeline
            .items
            .iter()
            .position(|it| it.timex.is_some())
            .unwrap();
        assert_eq!(s.timeline.rows[i], Row::Item(i as u32));
        for _ in 0..i {
            update(&mut s, &ix, Action::Down);
        }
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.reader.article, ix.timeline.items[i].article as usize);
        assert_eq!(s.reader.marks, vec![ix.timeline.items[i].sentence.clone()]);
        assert_eq!(s.focus, Pane::Reader);
    }

    #[test]
    fn timeline_zooms_into_a_day_and_filters_to_an_entity() {
        use crate::app::{tests::seeds, update};
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FocusTimeline);
        update(&mut s, &ix, Action::TimelineZoom);
        assert_eq!(s.timeline.zoom, Zoom::Day);
        let Row::Bucket { label, items } = s.timeline.rows[1].clone() else {
            panic!("{:?}", s.timeline.rows)
        };
        update(&mut s, &ix, Action::Down);
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.timeline.zoom, Zoom::Items, "Enter opens the day");
        let Row::Item(first) = s.timeline.rows[s.timeline.sel] else {
            panic!("an item")
        };
        assert!(items.contains(&first), "the day's first row");
        assert!(ix.timeline.items[items[0] as usize]
            .value
            .starts_with(&label));
        // filter: this article, then the focused name, then everything
        update(&mut s, &ix, Action::FocusReader);
        update(&mut s, &ix, Action::NextMention);
        let r = &s.reader;
        let e = ix.entity_of(r.article, r.mention.unwrap()).unwrap().id;
        update(&mut s, &ix, Action::TimelineFilter);
        assert_eq!(s.timeline.filter, Filter::Article(s.reader.article));
        update(&mut s, &ix, Action::TimelineFilter);
        assert_eq!(s.timeline.filter, Filter::Entity(e));
        assert!(!s.timeline.rows.is_empty());
        update(&mut s, &ix, Action::TimelineFilter);
        assert_eq!(s.timeline.filter, Filter::All);
        let undated = ix.timeline.undated.len();
        assert_eq!(s.timeline.rows.len(), ix.timeline.items.len() + undated);
    }

    /// Enter on an undated article's row (at the end) reads it.
    #[test]
    fn an_undated_row_opens_its_article() {
        use crate::app::{tests::seeds, update, Pane};
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FocusTimeline);
        update(&mut s, &ix, Action::Bottom);
        let Some(Row::Undated(a)) = s.timeline.rows.last().cloned() else {
            panic!("{:?}", s.timeline.rows.last())
        };
        update(&mut s, &ix, Action::Enter);
        assert_eq!((s.focus, s.reader.article), (Pane::Reader, a as usize));
        assert!(ix.articles[a as usize].date.is_none());
    }
}
