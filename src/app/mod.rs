//! Application state, actions and the pure `update`. No terminal here: the
//! whole interaction is tested as plain data. One module per pane and per
//! overlay, each with its own `update` and tests; `update` here hands an
//! action to the overlay on top, else to the pane it is for, and returns
//! what the loop must do outside the state as `Effect`s.

pub mod action;
pub mod compare;
pub mod entities;
pub mod entity_list;
pub mod help;
pub mod keymap;
pub mod line;
pub mod nav;
pub mod prompt;
pub mod reader;
pub mod rows;
pub mod search;
pub mod sources;
pub mod state;
pub mod timeline;
pub mod userdata;

pub use action::{Action, Effect, Layout, Pane, Viewport};
pub use entity_list::{EntityList, EntitySort};
pub use search::{has_work, work, SEARCH_STEP};
pub use state::{CompareView, Location, Overlay, Prompt, PromptFor, SearchBox, State};

use crate::index::Index;

/// "1 article", "2 articles", "3 entities": a count with its noun
/// (regular plurals).
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// The edit an action asks of an input line: typed letters, Backspace,
/// the editing keys; Up only on an empty line (the history), since Up
/// moves in the list below a line that has text.
fn edit_of(action: Action, empty: bool) -> Option<line::Edit> {
    match action {
        Action::Input(c) => Some(line::Edit::Insert(c)),
        Action::Backspace => Some(line::Edit::DeletePrev),
        Action::Edit(e) => Some(e),
        Action::Up if empty => Some(line::Edit::HistoryPrev),
        _ => None,
    }
}

/// Applies one action to the state and returns what the loop must do
/// outside it (save, relink, open a link, copy). Pure: reads the index,
/// changes only `s`.
pub fn update(s: &mut State, ix: &Index, action: Action) -> Vec<Effect> {
    if let Action::Layout(l) = action {
        s.laid_out(l);
        return vec![];
    }
    let mut fx = vec![];
    s.message = None;
    match s.overlay {
        Overlay::Help { .. } | Overlay::Warnings => help::update(s, action),
        Overlay::Search(_) => search::update(s, ix, action, &mut fx),
        Overlay::Entity { .. } => entities::update_panel(s, ix, action, &mut fx),
        Overlay::Entities(_) => entities::update_list(s, ix, action, &mut fx),
        Overlay::Prompt(_) => prompt::update(s, ix, action, &mut fx),
        Overlay::Compare(_) => compare::update(s, action),
        Overlay::None => panes(s, ix, action, &mut fx),
    }
    after(s, ix, action, &mut fx);
    fx
}

/// What holds after any action: a jump to an article the sources' filter
/// hides clears the filter; an article read in the reader is read.
fn after(s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    // a list that names one story beside another is worse than none
    let typing_filter = matches!(
        &s.overlay,
        Overlay::Prompt(Prompt {
            purpose: PromptFor::Filter(_),
            ..
        })
    );
    let l = &s.sources;
    if !l.filter.is_empty() && !typing_filter && !l.order.contains(&s.reader.article) {
        let f = std::mem::take(&mut s.sources.filter);
        s.refresh_sources(ix);
        s.message = Some(format!("filter \"{f}\" cleared: the article is not in it"));
    }
    // (unless just marked unread)
    if s.focus == Pane::Reader && s.overlay == Overlay::None && action != Action::ToggleRead {
        if let Some(a) = ix.articles.get(s.reader.article) {
            if s.user.set_read(&a.id, true) && !fx.contains(&Effect::SaveUser) {
                fx.push(Effect::SaveUser);
            }
        }
    }
    if fx.contains(&Effect::SaveUser) {
        s.recount(ix);
    }
}

/// An action with no overlay open: the ones that work anywhere, then the
/// pane's own.
fn panes(s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    match action {
        Action::Quit => s.quit = true,
        Action::Help => s.overlay = Overlay::Help { scroll: 0 },
        Action::Warnings => s.overlay = Overlay::Warnings,
        Action::Search => s.overlay = search::open(ix),
        Action::Entities => s.overlay = Overlay::Entities(EntityList::new(ix)),
        Action::Suspend => fx.push(Effect::Suspend),
        Action::FocusNext | Action::FocusPrev => {
            let order = [Pane::Sources, Pane::Reader, Pane::Timeline];
            let i = order.iter().position(|&p| p == s.focus).unwrap_or(0);
            let d = if action == Action::FocusNext { 1 } else { 2 };
            s.focus = order[(i + d) % 3];
        }
        Action::FocusSources => s.focus = Pane::Sources,
        Action::FocusReader => s.focus = Pane::Reader,
        Action::FocusTimeline => s.focus = Pane::Timeline,
        Action::Maximize => s.maximized = !s.maximized,
        Action::Compare => compare::mark(s, ix),
        Action::CompareRelated => compare::with_related(s, ix),
        Action::JumpBack => s.jump_back(),
        Action::JumpForward => s.jump_forward(),
        Action::Click { pane, .. } => {
            s.focus = pane;
            to_pane(pane, s, ix, action, fx);
        }
        Action::Scroll { pane, .. } => to_pane(pane, s, ix, action, fx),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::HalfPageUp
        | Action::HalfPageDown
        | Action::Top
        | Action::Bottom
        | Action::Enter => to_pane(s.focus, s, ix, action, fx),
        Action::FilterSources | Action::GroupSources => sources::update(s, ix, action),
        Action::TimelineZoom | Action::TimelineFilter => timeline::update(s, ix, action),
        // the rest is about the article shown, from any pane
        _ => reader::update(s, ix, action, fx),
    }
}

fn to_pane(pane: Pane, s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    match pane {
        Pane::Sources => sources::update(s, ix, action),
        Pane::Reader => reader::update(s, ix, action, fx),
        Pane::Timeline => timeline::update(s, ix, action),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::corpus;

    pub fn seeds() -> Index {
        Index::build(corpus::embedded_seeds(), 2025)
    }

    /// Opens article `a` by clicking its row in the sources list.
    pub fn click_article(s: &mut State, ix: &Index, a: usize) {
        let row = s.sources.order.iter().position(|&x| x == a).unwrap();
        let click = Action::Click {
            pane: Pane::Sources,
            row,
        };
        update(s, ix, click);
    }

    #[test]
    fn counts_take_their_plural() {
        assert_eq!(counted(1, "article"), "1 article");
        assert_eq!(counted(0, "article"), "0 articles");
        assert_eq!(counted(3, "entity"), "3 entities");
        assert_eq!(counted(2, "day"), "2 days");
    }

    #[test]
    fn focus_cycles_and_help_closes() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FocusNext);
        assert_eq!(s.focus, Pane::Reader);
        update(&mut s, &ix, Action::FocusPrev);
        update(&mut s, &ix, Action::FocusPrev);
        assert_eq!(s.focus, Pane::Timeline);
        update(&mut s, &ix, Action::Help);
        assert_eq!(s.overlay, Overlay::Help { scroll: 0 });
        update(&mut s, &ix, Action::Down);
        assert_eq!(
            s.overlay,
            Overlay::Help { scroll: 1 },
            "keys go to the overlay: j scrolls"
        );
        update(&mut s, &ix, Action::Back);
        assert_eq!(s.overlay, Overlay::None);
        update(&mut s, &ix, Action::Quit);
        assert!(s.quit);
    }

    /// A jump to an article the sources' filter hides clears the filter,
    /// and says so.
    #[test]
    fn a_jump_out_of_the_filter_clears_it() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FilterSources);
        for c in "Hungary".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        update(&mut s, &ix, Action::Enter);
        assert!(s.sources.order.len() < ix.articles.len());
        assert_eq!(s.sources.filter, "Hungary");
        // the search opens an article the filter hides
        let hidden = (0..ix.articles.len())
            .find(|a| !s.sources.order.contains(a))
            .unwrap();
        s.push_jump();
        s.open(hidden, None);
        update(&mut s, &ix, Action::FocusReader);
        assert!(s.sources.filter.is_empty(), "cleared");
        assert_eq!(s.sources.order.len(), ix.articles.len());
        assert!(s.message.as_deref().unwrap_or("").contains("cleared"));
        assert_eq!(
            s.sources.order[s.sources.sel], hidden,
            "the list shows where we are"
        );
    }

    #[test]
    fn jump_list_goes_back_and_forth() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        let here = |s: &State| (s.reader.article, s.reader.mention);
        let mut start = here(&s);
        // jump across articles until the article changes twice
        let mut visited = vec![start.0];
        for _ in 0..50 {
            if visited.len() == 1 {
                start = here(&s);
            }
            update(&mut s, &ix, Action::NextHit);
            if *visited.last().unwrap() != s.reader.article {
                visited.push(s.reader.article);
            }
            if visited.len() == 3 {
                break;
            }
        }
        assert_eq!(visited.len(), 3, "the entity is in three articles");
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(s.reader.article, visited[1]);
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(here(&s), start, "where the first jump left from");
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(s.message.as_deref(), Some("at the oldest jump"));
        update(&mut s, &ix, Action::JumpForward);
        assert_eq!(s.reader.article, visited[1]);
        update(&mut s, &ix, Action::JumpForward);
        assert_eq!(s.reader.article, visited[2]);
        update(&mut s, &ix, Action::JumpForward);
        assert_eq!(s.message.as_deref(), Some("at the newest jump"));
    }

    /// What a frame measured comes back as an action: the reader's scroll
    /// and sizes are the drawing's, and the place to reveal is consumed.
    #[test]
    fn a_layout_sets_the_sizes_and_keeps_the_message() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        assert!(s.reader.reveal.is_some());
        s.message = Some("kept".into());
        let view = Viewport {
            reader_height: 7,
            reader_lines: 40,
            list_height: 5,
        };
        let l = Layout {
            view,
            reader_scroll: 12,
            compare_top: None,
            reader_hidden: false,
        };
        assert!(update(&mut s, &ix, Action::Layout(l)).is_empty());
        assert_eq!((s.view, s.reader.scroll, s.reader.reveal), (view, 12, None));
        assert_eq!(s.message.as_deref(), Some("kept"));
    }

    #[test]
    fn a_maximized_pane_leaves_the_hidden_reader_where_it_was() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FocusTimeline);
        update(&mut s, &ix, Action::Maximize);
        assert!(s.maximized);
        s.reader.scroll = 3;
        s.reader.reveal = Some(100);
        let before = s.view;
        let l = Layout {
            view: Viewport {
                reader_height: 0,
                reader_lines: 0,
                list_height: 30,
            },
            reader_scroll: 0,
            compare_top: None,
            reader_hidden: true,
        };
        update(&mut s, &ix, Action::Layout(l));
        // the timeline's new height counts; the reader's place waits for it
        assert_eq!(s.view.list_height, 30);
        assert_eq!(s.view.reader_height, before.reader_height);
        assert_eq!((s.reader.scroll, s.reader.reveal), (3, Some(100)));
        // the focus moves, the maximized pane with it; again: all three
        update(&mut s, &ix, Action::FocusReader);
        assert!(s.maximized);
        update(&mut s, &ix, Action::Maximize);
        assert!(!s.maximized);
    }
}
