//! What every action does, once: the help overlay, the status bar's key
//! hints and their tests are made from this table and the keymap (so a key
//! rebound in `config.toml` shows as rebound everywhere), with the legend of
//! the marks the panes use.

use super::{Action, Pane};
use crate::app::keymap::Keymap;

/// Where an action works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Sources,
    Reader,
    Timeline,
    /// In any pane.
    Everywhere,
    /// In the search box, the entities view and the other lists on top.
    Lists,
}

/// One action in one scope: what it does there, and its short name in the
/// status bar when it is one of the scope's main keys.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub action: Action,
    pub scope: Scope,
    pub what: &'static str,
    pub hint: Option<&'static str>,
}

const fn e(action: Action, scope: Scope, what: &'static str, hint: Option<&'static str>) -> Entry {
    Entry {
        action,
        scope,
        what,
        hint,
    }
}

use Scope::*;

/// Every action, once per scope where it works.
pub const ENTRIES: &[Entry] = &[
    // the sources list
    e(Action::Down, Sources, "next article", Some("move")),
    e(Action::Up, Sources, "previous article", None),
    e(Action::PageDown, Sources, "page down", None),
    e(Action::PageUp, Sources, "page up", None),
    e(Action::HalfPageDown, Sources, "half a page down", None),
    e(Action::HalfPageUp, Sources, "half a page up", None),
    e(Action::Top, Sources, "first article", None),
    e(Action::Bottom, Sources, "last article", None),
    e(Action::Enter, Sources, "read it", Some("read")),
    e(Action::Compare, Sources, "mark to compare; on a second article, compare the two side by side", Some("mark to compare")),
    e(Action::CompareRelated, Sources, "compare with the most related article", Some("compare with related")),
    e(Action::FilterSources, Sources, "filter the list with a search query (esc: all again)", None),
    e(Action::GroupSources, Sources, "group the list by story, or not", None),
    e(Action::ToggleRead, Sources, "mark read or unread", None),
    e(Action::ToggleStar, Sources, "star or unstar", None),
    e(Action::OpenUrl, Sources, "open the article's link in $BROWSER", None),
    // the reader
    e(Action::Down, Reader, "scroll down", Some("scroll")),
    e(Action::Up, Reader, "scroll up", None),
    e(Action::PageDown, Reader, "page down", None),
    e(Action::PageUp, Reader, "page up", None),
    e(Action::HalfPageDown, Reader, "half a page down", None),
    e(Action::HalfPageUp, Reader, "half a page up", None),
    e(Action::Top, Reader, "top", None),
    e(Action::Bottom, Reader, "end", None),
    e(Action::NextMention, Reader, "next name in the text", Some("next name")),
    e(Action::PrevMention, Reader, "previous name in the text", None),
    e(Action::Enter, Reader, "the focused name's entity panel: every article that mentions it", Some("entity")),
    e(Action::NextHit, Reader, "next mention of that entity, in any article (date order)", Some("next mention")),
    e(Action::PrevHit, Reader, "previous mention of that entity", None),
    e(Action::NextQuote, Reader, "next quotation: who else carries it (enter goes to the first)", None),
    e(Action::Back, Reader, "clear the marks", None),
    e(Action::MergeEntity, Reader, "merge the focused entity into another (saved)", None),
    e(Action::SplitMention, Reader, "split this spelling off its entity, in this article (saved)", None),
    e(Action::RenameEntity, Reader, "rename the entity (saved)", None),
    e(Action::RetypeEntity, Reader, "next type: person, organization, place, other (saved)", None),
    e(Action::IgnoreEntity, Reader, "not an entity: ignore it everywhere (saved)", None),
    e(Action::AddNote, Reader, "write a note on the focused sentence (or the article)", None),
    e(Action::Copy, Reader, "copy the focused sentence with its source (OSC 52)", None),
    e(Action::ToggleRead, Reader, "mark read or unread", None),
    e(Action::ToggleStar, Reader, "star or unstar", None),
    e(Action::OpenUrl, Reader, "open the article's link in $BROWSER", None),
    e(Action::Compare, Reader, "mark this article to compare; on a second, compare", None),
    e(Action::CompareRelated, Reader, "compare with the most related article", None),
    // the timeline
    e(Action::Down, Timeline, "next item", Some("move")),
    e(Action::Up, Timeline, "previous item", None),
    e(Action::PageDown, Timeline, "page down", None),
    e(Action::PageUp, Timeline, "page up", None),
    e(Action::HalfPageDown, Timeline, "half a page down", None),
    e(Action::HalfPageUp, Timeline, "half a page up", None),
    e(Action::Top, Timeline, "first item", None),
    e(Action::Bottom, Timeline, "last item", None),
    e(Action::Enter, Timeline, "open the sentence in the reader (or the day's items)", Some("open")),
    e(Action::TimelineZoom, Timeline, "zoom: items, days, weeks, months", Some("zoom")),
    e(Action::TimelineFilter, Timeline, "filter: all, this article, the focused name", Some("filter")),
    // any pane
    e(Action::FocusNext, Everywhere, "next pane", Some("pane")),
    e(Action::FocusPrev, Everywhere, "previous pane", None),
    e(Action::FocusSources, Everywhere, "the sources", None),
    e(Action::FocusReader, Everywhere, "the reader", None),
    e(Action::FocusTimeline, Everywhere, "the timeline", None),
    e(Action::Maximize, Everywhere, "the focused pane alone, the whole width (again: all three)", None),
    e(Action::Search, Everywhere, "search all articles: words, \"phrase\", entity:NAME, source:X, date:A..B, type:person, -NOT", Some("search")),
    e(Action::Entities, Everywhere, "all entities: type to find, sort and filter", None),
    e(Action::JumpBack, Everywhere, "back to where the last jump came from", None),
    e(Action::JumpForward, Everywhere, "forward again", None),
    e(Action::Warnings, Everywhere, "warnings about the input files", None),
    e(Action::Help, Everywhere, "this help (j k scroll, esc closes)", Some("help")),
    e(Action::Suspend, Everywhere, "suspend to the shell (fg comes back)", None),
    e(Action::Quit, Everywhere, "quit (everything is saved as you go)", Some("quit")),
    // the search box, the entities view
    e(Action::CycleSort, Lists, "entities: sort by articles, mentions, name; search: most relevant first or by date (also tab)", None),
    e(Action::CycleType, Lists, "entities: all types, people, organizations, places, other (also shift-tab)", None),
];

/// The marks the panes use, and what they mean.
pub const MARKS: &[(&str, &str)] = &[
    ("N", "sources: not read yet"),
    ("*", "sources: starred"),
    (
        "~",
        "sources: the article has no title; its first words stand for one",
    ),
    ("[c]", "sources: marked to compare"),
    (
        "┌ │ └",
        "sources: one story told by several articles (s groups them)",
    ),
    (
        "(inferred)",
        "a date crossread found in the text, not in the file",
    ),
    ("•", "timeline: an item of the article in the reader"),
    (
        "[3]",
        "timeline: the number of articles that give this event",
    ),
    ("⚠", "timeline: sources give this event different dates"),
    (
        "undated",
        "timeline: the articles without any date, at the end",
    ),
    ("bold", "timeline: the time expression that dates the row"),
];

/// The entries of one scope.
pub fn of(scope: Scope) -> impl Iterator<Item = &'static Entry> {
    ENTRIES.iter().filter(move |e| e.scope == scope)
}

/// The pane's own scope.
pub fn scope_of(pane: Pane) -> Scope {
    match pane {
        Pane::Sources => Sources,
        Pane::Reader => Reader,
        Pane::Timeline => Timeline,
    }
}

/// The status bar's key hints for a pane: its main keys, then the ones
/// that work everywhere.
pub fn hints(pane: Pane) -> Vec<(Action, &'static str)> {
    of(scope_of(pane))
        .chain(of(Everywhere))
        .filter_map(|e| e.hint.map(|h| (e.action, h)))
        .collect()
}

/// One section of the help: a title and (keys, what) rows. Actions bound to
/// no key are left out.
pub type Section = (&'static str, Vec<(String, &'static str)>);

/// The help for a pane, as text: its keys, everywhere's, the lists', then
/// the marks.
pub fn sections(pane: Pane, km: &Keymap) -> Vec<Section> {
    let rows = |scope| -> Vec<(String, &'static str)> {
        of(scope)
            .map(|e| (km.keys_for(&e.action), e.what))
            .filter(|(k, _)| !k.is_empty())
            .collect()
    };
    let here = match pane {
        Pane::Sources => "Keys here: the sources",
        Pane::Reader => "Keys here: the reader",
        Pane::Timeline => "Keys here: the timeline",
    };
    vec![
        (here, rows(scope_of(pane))),
        ("Everywhere", rows(Everywhere)),
        (
            "In the search box, the entities view and the prompts",
            rows(Lists)
                .into_iter()
                .chain([
                    (
                        "↑ ↓".to_string(),
                        "move in the list; enter opens, esc closes",
                    ),
                    (
                        "tab".to_string(),
                        "search: relevance or date; entities: sort",
                    ),
                    (
                        "← → home end".to_string(),
                        "move in the line (also ctrl-a, ctrl-e)",
                    ),
                    (
                        "alt-b alt-f".to_string(),
                        "a word back, a word on (also ctrl-← ctrl-→)",
                    ),
                    ("ctrl-w".to_string(), "delete the word before the cursor"),
                    (
                        "ctrl-u ctrl-k".to_string(),
                        "delete all before the cursor, all after it",
                    ),
                    (
                        "↑ on empty line".to_string(),
                        "the line typed before (esc keeps it too)",
                    ),
                    (
                        "ctrl-p ctrl-n".to_string(),
                        "older, newer lines: each prompt has its history, kept between runs",
                    ),
                ])
                .collect(),
        ),
        (
            "Mouse",
            vec![
                (
                    "click".to_string(),
                    "focus a pane and select a row or a name",
                ),
                ("click again".to_string(), "on a name: its entity panel"),
                ("wheel".to_string(), "scroll the pane under the pointer"),
            ],
        ),
        (
            "Marks",
            MARKS
                .iter()
                .map(|(m, what)| (m.to_string(), *what))
                .collect(),
        ),
    ]
}

/// Every key, as Markdown tables: each pane's, then everywhere's, the
/// input lines', the mouse's and the marks' (`crossread keys`; the README's
/// key table is this, made with the default keys).
pub fn markdown(km: &Keymap) -> String {
    let esc = |s: &str| -> String {
        let mut out = String::new();
        for c in s.chars() {
            if "\\`*_[]<>|".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    let panes = [Pane::Sources, Pane::Reader, Pane::Timeline];
    let mut parts: Vec<Section> = panes
        .iter()
        .filter_map(|&p| sections(p, km).into_iter().next())
        .collect();
    parts.extend(sections(Pane::Sources, km).into_iter().skip(1));
    let mut out = String::new();
    for (title, rows) in parts {
        let title = title.trim_start_matches("Keys here: the ");
        let mut c = title.chars();
        let title: String = c
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(c)
            .collect();
        out.push_str(&format!(
            "**{}**\n\n| keys | what |\n|---|---|\n",
            esc(&title)
        ));
        for (keys, what) in rows {
            out.push_str(&format!("| {} | {} |\n", esc(&keys), esc(what)));
        }
        out.push('\n');
    }
    out.pop();
    out
}

/// The keys of the help (and of the warnings, which only close).
pub fn update(s: &mut super::State, action: Action) {
    use super::Overlay;
    match &mut s.overlay {
        Overlay::Help { scroll } => match action {
            // the drawing keeps the last lines in view
            Action::Down | Action::Scroll { down: true, .. } => *scroll += 1,
            Action::Up | Action::Scroll { down: false, .. } => *scroll = scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *scroll += 10,
            Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(10),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = usize::MAX / 2,
            Action::Back | Action::Help | Action::Quit | Action::Enter => s.overlay = Overlay::None,
            _ => {}
        },
        Overlay::Warnings => {
            if matches!(
                action,
                Action::Back | Action::Help | Action::Quit | Action::Enter | Action::Warnings
            ) {
                s.overlay = Overlay::None;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_panes() -> [Pane; 3] {
        [Pane::Sources, Pane::Reader, Pane::Timeline]
    }

    /// Every key the default keymap binds appears in the help of each pane
    /// where its action works (a pane's own keys in its help; everywhere's
    /// and the lists' in every pane's).
    #[test]
    fn every_bound_key_is_in_the_help_where_it_works() {
        let km = Keymap::default_map();
        let shown = |p: Pane, key: &str| {
            sections(p, &km).iter().any(|(_, rows)| {
                rows.iter()
                    .any(|(keys, _)| keys.split(", ").any(|k| k == key))
            })
        };
        for (key, action) in &km.keys {
            let entries: Vec<&Entry> = ENTRIES.iter().filter(|e| e.action == *action).collect();
            assert!(!entries.is_empty(), "{action:?} has no description");
            for e in entries {
                let panes: Vec<Pane> = all_panes()
                    .into_iter()
                    .filter(|&p| matches!(e.scope, Everywhere | Lists) || scope_of(p) == e.scope)
                    .collect();
                for p in panes {
                    assert!(shown(p, key), "{key:?} ({action:?}) is not in {p:?}'s help");
                }
            }
        }
    }

    /// A key rebound in the user's file shows as rebound.
    #[test]
    fn the_help_follows_the_user_s_keys() {
        let km = Keymap::with_overrides("[keys]\n\"x\" = \"timeline_zoom\"\n").unwrap();
        let s = sections(Pane::Timeline, &km);
        assert!(s[0]
            .1
            .iter()
            .any(|(k, w)| k.contains('x') && w.starts_with("zoom")));
        assert!(hints(Pane::Timeline)
            .iter()
            .any(|(a, h)| *a == Action::TimelineZoom && *h == "zoom"));
    }

    #[test]
    fn each_scope_has_an_action_once() {
        for (i, a) in ENTRIES.iter().enumerate() {
            assert!(
                !ENTRIES[..i]
                    .iter()
                    .any(|b| b.action == a.action && b.scope == a.scope),
                "{:?} twice in {:?}",
                a.action,
                a.scope
            );
        }
    }

    /// The README's key table is the one `crossread keys` prints with the
    /// default keys: one description per action, in one place.
    #[test]
    fn the_readme_s_key_table_is_made_from_this_one() {
        let readme = include_str!("../../README.md");
        let start = "<!-- keys: crossread keys -->\n";
        let end = "<!-- keys end -->";
        let a = readme.find(start).expect("the README's key table") + start.len();
        let b = readme[a..].find(end).expect("its end") + a;
        let made = markdown(&Keymap::default_map());
        assert!(
            readme[a..b].trim() == made.trim(),
            "the README's keys differ from `crossread keys`: run\n  \
             cargo run -q -- keys\nand paste its output into the README"
        );
    }
}
