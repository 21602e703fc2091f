//! Application state, actions and the pure `update`. No terminal here: the
//! whole interaction is tested as plain data.

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

pub mod help;
pub mod keymap;
pub mod line;
pub mod timeline;
pub mod userdata;

use crate::index::aliases::{self, Correction};
use crate::index::{compare, fuzzy, search, Index};
use crate::nlp::EntityType;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    Sources,
    Reader,
    Timeline,
}

/// Everything a key can do; a keymap file names these in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    FocusSources,
    FocusReader,
    FocusTimeline,
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    Enter,
    Back,
    Help,
    Warnings,
    NextMention,
    PrevMention,
    NextHit,
    PrevHit,
    Search,
    /// Mark this article for comparison; on a second article, compare them.
    Compare,
    /// Compare this article with its most related one.
    CompareRelated,
    /// The entities view: every entity, sorted, filtered, fuzzy found.
    Entities,
    /// In the entities view: sort by articles, mentions, name.
    CycleSort,
    /// In the entities view: all types, people, organizations, places, other.
    CycleType,
    /// Merge the focused entity into another, picked from the entities view.
    MergeEntity,
    /// Split the focused mention's spelling (in this article) off its entity.
    SplitMention,
    /// Rename the focused entity.
    RenameEntity,
    /// Give the focused entity the next type.
    RetypeEntity,
    /// The focused entity is not an entity.
    IgnoreEntity,
    /// Mark the article read or unread.
    ToggleRead,
    /// Star the article, or unstar it.
    ToggleStar,
    /// Write a note on the focused sentence, or on the article.
    AddNote,
    /// Open the article's URL in the browser.
    OpenUrl,
    /// Copy the focused sentence with its source (to the terminal's clipboard).
    Copy,
    /// Next quotation in the article, with who else carries it.
    NextQuote,
    /// Filter the sources list with a search query.
    FilterSources,
    /// Group the sources list by story, or not.
    GroupSources,
    /// Timeline: items, days, weeks, months.
    TimelineZoom,
    /// Timeline: all, this article's, the focused entity's.
    TimelineFilter,
    /// Suspend to the shell (Ctrl-Z); `fg` comes back.
    Suspend,
    /// Back to where the last jump came from (vim's Ctrl-o).
    JumpBack,
    /// Forward again (vim's Ctrl-i).
    JumpForward,
    #[serde(skip)]
    Input(char),
    #[serde(skip)]
    Backspace,
    #[serde(skip)]
    Click {
        pane: Pane,
        row: usize,
    },
    #[serde(skip)]
    Scroll {
        pane: Pane,
        down: bool,
    },
    /// An edit of the input line open (cursor, words, kills, history).
    #[serde(skip)]
    Edit(line::Edit),
    /// A click on the reader's text, at this byte of the article: a name
    /// there is focused; a second click on it opens its entity panel.
    #[serde(skip)]
    ClickText {
        offset: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    None,
    /// The help, scrolled down by `scroll` lines.
    Help {
        scroll: usize,
    },
    Warnings,
    /// The entity panel: entity id and the selected row (one row per mention).
    Entity {
        entity: u32,
        row: usize,
    },
    /// Two articles side by side: the comparison, selected row, first row shown.
    Compare {
        cmp: Box<compare::Comparison>,
        row: usize,
        top: usize,
    },
    /// Every entity: fuzzy query, sort, type filter, the matching ids, selection.
    Entities(EntityList),
    /// A line of text to type: a new name for an entity, a note.
    Prompt {
        label: String,
        input: line::TextLine,
        purpose: PromptFor,
    },
    /// Incremental search: the query as typed, results, selected result.
    Search {
        query: line::TextLine,
        results: Vec<search::Hit>,
        selected: usize,
        /// How far through the articles (in reading order) the search got:
        /// it goes on a step per frame until all are read.
        scanned: usize,
        /// The query made ready (two letters or more typed).
        prepared: Option<Box<search::Prepared>>,
        /// Results in reading order instead of the most relevant first.
        by_date: bool,
    },
}

#[derive(Debug, Clone)]
pub struct State {
    pub focus: Pane,
    /// Articles in display order (by date, undated last).
    pub order: Vec<usize>,
    /// The sources list's filter (a search query) and grouping by story.
    pub src_filter: String,
    pub src_grouped: bool,
    /// The story groups, once asked for (cleared when the index is relinked).
    pub src_groups: Vec<Vec<usize>>,
    /// With grouping: for each row of `order`, its story's size and the
    /// row's place in it (first, middle, last).
    pub src_story: Vec<(u32, u32)>,
    /// Selected row in `order`.
    pub source_sel: usize,
    /// The article shown in the reader.
    pub article: usize,
    pub reader_scroll: usize,
    /// The focused mention (index into the article's mentions).
    pub mention: Option<usize>,
    /// The hits of the last search (article, range), for n and N.
    pub search_hits: Vec<(u32, std::ops::Range<usize>)>,
    /// The focused quotation (index into the article's quotes).
    pub quote: Option<usize>,
    /// A byte position the reader must scroll to on the next draw.
    pub reveal: Option<usize>,
    /// Highlighted ranges in the reader (search hits, a jumped-to sentence).
    pub marks: Vec<std::ops::Range<usize>>,
    pub timeline_sel: usize,
    /// The timeline panel: zoom, filter and the rows they give.
    pub tl_zoom: timeline::Zoom,
    pub tl_filter: timeline::Filter,
    pub tl_rows: Vec<timeline::Row>,
    pub overlay: Overlay,
    /// Rows of the reader's text area and lines of the current article at the
    /// current width, reported by the last draw.
    pub reader_height: usize,
    pub reader_lines: usize,
    pub list_height: usize,
    pub message: Option<String>,
    /// Keys typed so far of a sequence ("g" of "g g").
    pub keys_pending: String,
    /// Articles not read yet (kept here: counting them walks every article,
    /// too much for every frame of a large corpus).
    pub unread: usize,
    /// The article marked with `c`, waiting for a second one to compare with.
    pub compare_mark: Option<usize>,
    /// Places jumped from, for going back and forth (vim's jump list).
    pub jumps: Vec<Location>,
    pub jump_pos: usize,
    /// A correction to the linking made by the user, for the loop to save
    /// and apply (the update itself does no I/O).
    pub correction: Option<Correction>,
    /// Read, stars, notes; `user_dirty` asks the loop to save them.
    pub user: userdata::UserData,
    pub user_dirty: bool,
    /// The lines entered at each prompt (kept between runs by the loop);
    /// `history_new` are the ones the loop has still to save.
    pub history: line::History,
    pub history_new: Vec<(line::Kind, String)>,
    pub effect: Option<Effect>,
    pub quit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitySort {
    Articles,
    Mentions,
    Name,
}

/// Bytes of text an incremental search reads per step (a few ms).
pub const SEARCH_STEP: usize = 4 << 20;

/// Is there work left that runs a step at a time between frames (a search
/// still reading the corpus)?
pub fn has_work(s: &State, ix: &Index) -> bool {
    matches!(&s.overlay, Overlay::Search { scanned, .. } if *scanned < ix.date_order.len())
}

/// Does one step of the pending work; the UI calls it when no key is waiting.
pub fn work(s: &mut State, ix: &Index) {
    if let Overlay::Search {
        results,
        scanned,
        prepared: Some(p),
        by_date,
        ..
    } = &mut s.overlay
    {
        if *scanned < ix.date_order.len() {
            let (hits, next) = search::search_from(ix, p, *scanned, SEARCH_STEP);
            results.extend(hits);
            *scanned = next;
            if !*by_date {
                search::by_relevance(results);
            }
        }
    }
}

/// The state of the entities view.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityList {
    pub query: line::TextLine,
    pub sort: EntitySort,
    pub ty: Option<EntityType>,
    /// Matching entity ids, in display order.
    pub ids: Vec<u32>,
    pub selected: usize,
    /// Picking the entity to merge this one into.
    pub merge_from: Option<u32>,
    /// The query and type `ids` were found for (typing on narrows them).
    pub searched: String,
    pub searched_ty: Option<EntityType>,
}

impl EntityList {
    pub fn new(ix: &Index) -> EntityList {
        let mut l = EntityList {
            query: Default::default(),
            sort: EntitySort::Articles,
            ty: None,
            ids: vec![],
            selected: 0,
            merge_from: None,
            searched: String::new(),
            searched_ty: None,
        };
        l.refresh(ix);
        l
    }

    /// Recomputes the matching ids: type filter, fuzzy query (over the name
    /// and every alias), then best match or the chosen sort.
    pub fn refresh(&mut self, ix: &Index) {
        use rayon::prelude::*;
        let query = self.query.as_str().trim();
        let ty = self.ty;
        // score every entity by its best name (all cores: 30,000 entities
        // and their aliases on each key press)
        let pattern = fuzzy::Pattern::new(query);
        // typing on narrows: only the names that matched the shorter query
        let narrowing = !self.searched.is_empty()
            && query.starts_with(self.searched.as_str())
            && self.searched_ty == ty;
        let names = ix.names();
        let pool: Vec<&crate::index::Entity> = if narrowing {
            self.ids
                .iter()
                .filter_map(|&id| ix.entities.get(id as usize))
                .collect()
        } else {
            ix.entities.iter().collect()
        };
        let mut scored: Vec<(i32, usize, usize, u32)> = pool
            .par_iter()
            .filter(|e| ty.is_none_or(|t| e.ty == t))
            .filter_map(|e| {
                let best = if query.is_empty() {
                    0
                } else {
                    names
                        .of_entity(e.id as usize)
                        .filter_map(|n| pattern.score(n))
                        .max()?
                };
                let (a, m) = (e.articles.len(), e.mentions.len());
                let (k1, k2) = match self.sort {
                    EntitySort::Articles => (a, m),
                    EntitySort::Mentions => (m, a),
                    EntitySort::Name => (0, 0),
                };
                Some((best, k1, k2, e.id))
            })
            .collect();
        if self.sort == EntitySort::Name {
            let name = |id: u32| ix.entities[id as usize].name.to_lowercase();
            scored.par_sort_by_cached_key(|x| (std::cmp::Reverse(x.0), name(x.3), x.3));
        } else {
            scored.par_sort_unstable_by_key(|x| {
                (
                    std::cmp::Reverse(x.0),
                    std::cmp::Reverse(x.1),
                    std::cmp::Reverse(x.2),
                    x.3,
                )
            });
        }
        self.ids = scored.into_iter().map(|x| x.3).collect();
        self.searched = query.to_string();
        self.searched_ty = ty;
        self.selected = self.selected.min(self.ids.len().saturating_sub(1));
    }
}

/// What a prompt's text is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    /// A new name for the entity now called this.
    Rename(String),
    /// The sources filter (applied as you type); the one before, for Esc.
    Filter(String),
    /// A note on this article, on this passage (byte range) if any.
    Note {
        article: usize,
        on: Option<std::ops::Range<usize>>,
    },
}

impl PromptFor {
    /// The history this prompt's lines go to.
    pub fn kind(&self) -> line::Kind {
        match self {
            PromptFor::Rename(_) => line::Kind::Rename,
            PromptFor::Filter(_) => line::Kind::Filter,
            PromptFor::Note { .. } => line::Kind::Note,
        }
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

/// Something for the loop to do outside the state: it has effects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    OpenUrl(String),
    Copy(String),
    Suspend,
}

/// A place in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub article: usize,
    pub mention: Option<usize>,
    pub scroll: usize,
}

impl State {
    pub fn new(ix: &Index) -> State {
        let order: Vec<usize> = ix.date_order.iter().map(|&a| a as usize).collect();
        let article = order.first().copied().unwrap_or(0);
        State {
            focus: Pane::Sources,
            order,
            src_filter: String::new(),
            src_grouped: false,
            src_groups: vec![],
            src_story: vec![],
            source_sel: 0,
            article,
            reader_scroll: 0,
            mention: None,
            quote: None,
            search_hits: vec![],
            reveal: None,
            marks: vec![],
            timeline_sel: 0,
            tl_zoom: timeline::Zoom::Items,
            tl_filter: timeline::Filter::All,
            tl_rows: timeline::rows(ix, timeline::Zoom::Items, timeline::Filter::All),
            overlay: Overlay::None,
            reader_height: 20,
            reader_lines: 0,
            list_height: 10,
            message: None,
            keys_pending: String::new(),
            unread: ix.articles.len(),
            compare_mark: None,
            jumps: vec![],
            jump_pos: 0,
            correction: None,
            user: Default::default(),
            user_dirty: false,
            history: Default::default(),
            history_new: vec![],
            effect: None,
            quit: false,
        }
    }

    /// The passage the user is on: the focused mention, else the first mark.
    pub fn passage(&self, ix: &Index) -> Option<std::ops::Range<usize>> {
        self.mention
            .and_then(|m| ix.analyses.get(self.article)?.mentions.get(m))
            .map(|m| m.range.clone())
            .or_else(|| self.marks.first().cloned())
    }

    /// Recomputes the sources list: grouped by story or by date, filtered by
    /// the query; the selection stays on the article shown when it can.
    pub fn refresh_sources(&mut self, ix: &Index) {
        // the story groups depend on the index only: computed once, not on
        // every key typed into the filter
        if self.src_grouped && self.src_groups.is_empty() {
            self.src_groups = crate::index::story::groups(ix);
        }
        let by_date;
        let groups: &[Vec<usize>] = if self.src_grouped {
            &self.src_groups
        } else {
            by_date = [ix.date_order.iter().map(|&a| a as usize).collect()];
            &by_date
        };
        let keep: Option<std::collections::HashSet<usize>> = (!self.src_filter.trim().is_empty())
            .then(|| {
                search::search(ix, &search::parse(&self.src_filter))
                    .into_iter()
                    .map(|h| h.article as usize)
                    .collect()
            });
        self.order.clear();
        self.src_story.clear();
        for g in groups {
            let g: Vec<usize> = g
                .iter()
                .copied()
                .filter(|a| keep.as_ref().is_none_or(|k| k.contains(a)))
                .collect();
            for (k, &a) in g.iter().enumerate() {
                self.order.push(a);
                self.src_story.push((g.len() as u32, k as u32));
            }
        }
        if !self.src_grouped {
            self.src_story.clear();
        }
        self.source_sel = self
            .order
            .iter()
            .position(|&a| a == self.article)
            .unwrap_or(0);
    }

    /// Recomputes the timeline rows (after a zoom, a filter or a relink).
    pub fn refresh_timeline(&mut self, ix: &Index) {
        self.tl_rows = timeline::rows(ix, self.tl_zoom, self.tl_filter);
        self.timeline_sel = self.timeline_sel.min(self.tl_rows.len().saturating_sub(1));
    }

    fn here(&self) -> Location {
        Location {
            article: self.article,
            mention: self.mention,
            scroll: self.reader_scroll,
        }
    }

    /// Remembers where we are before a jump elsewhere.
    fn push_jump(&mut self) {
        let here = self.here();
        self.jumps.truncate(self.jump_pos);
        if self.jumps.last() != Some(&here) {
            self.jumps.push(here);
        }
        const MAX: usize = 100;
        if self.jumps.len() > MAX {
            self.jumps.remove(0);
        }
        self.jump_pos = self.jumps.len();
    }

    fn go(&mut self, l: Location) {
        self.open(l.article, None);
        self.mention = l.mention;
        self.reader_scroll = l.scroll;
        self.marks.clear();
        self.focus = Pane::Reader;
    }

    /// Opens the compare view of two articles.
    fn compare(&mut self, ix: &Index, a: usize, b: usize) {
        let cmp = compare::compare(ix, a, b);
        self.message = Some(format!(
            "{}: {:.0}% of sentences have a counterpart",
            cmp.relation.label(),
            cmp.aligned * 100.0
        ));
        self.compare_mark = None;
        self.overlay = Overlay::Compare {
            cmp: Box::new(cmp),
            row: 0,
            top: 0,
        };
    }

    /// The user's data, and the unread count that follows from it.
    pub fn set_user(&mut self, ix: &Index, user: userdata::UserData) {
        self.user = user;
        self.recount(ix);
    }

    /// Keeps a line entered (or cancelled) at a prompt in its history, and
    /// asks the loop to save it.
    pub fn remember(&mut self, kind: line::Kind, text: &str) {
        if self.history.push(kind, text) {
            self.history_new.push((kind, text.trim().to_string()));
        }
    }

    /// Counts the unread articles again (after the user's data changed).
    pub fn recount(&mut self, ix: &Index) {
        self.unread = ix
            .articles
            .iter()
            .filter(|a| !self.user.is_read(&a.id))
            .count();
    }

    /// The state for a new index of the same corpus (files changed on
    /// disk): the user's data, focus and article (by id) are kept.
    pub fn reloaded(&self, old: &Index, new: &Index) -> State {
        let mut s = State::new(new);
        s.set_user(new, self.user.clone());
        s.history = self.history.clone();
        s.focus = self.focus;
        if let Some(id) = old.articles.get(self.article).map(|a| &a.id) {
            if let Some(a) = new.articles.iter().position(|x| &x.id == id) {
                s.open(a, None);
                s.reader_scroll = self.reader_scroll;
            }
        }
        let added = new.articles.len() as isize - old.articles.len() as isize;
        s.message = Some(format!(
            "files changed: reloaded, {} ({added:+})",
            counted(new.articles.len(), "article")
        ));
        s
    }

    fn open(&mut self, article: usize, reveal: Option<usize>) {
        if self.article != article {
            self.mention = None;
            self.quote = None;
            self.reader_scroll = 0;
        }
        self.article = article;
        if let Some(p) = self.order.iter().position(|&a| a == article) {
            self.source_sel = p;
        }
        self.reveal = reveal;
    }
}

fn step(cur: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    (cur as isize + delta).clamp(0, len as isize - 1) as usize
}

/// Where the words of `quote` are in `text` (punctuation and case aside).
fn locate(quote: &str, text: &str) -> Option<std::ops::Range<usize>> {
    let words: Vec<String> = quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(regex::escape)
        .collect();
    if words.is_empty() {
        return None;
    }
    let re = regex::RegexBuilder::new(&words.join(r"\W+"))
        .case_insensitive(true)
        .build()
        .ok()?;
    re.find(text).map(|m| m.range())
}

/// A correction of the entity of mention `m` of article `a`.
fn correct(s: &mut State, ix: &Index, action: Action, a: usize, m: usize) {
    let Some(e) = ix.entity_of(a, m) else {
        return;
    };
    let surface = ix.articles[a].text[ix.analyses[a].mentions[m].range.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match action {
        Action::MergeEntity => {
            let mut l = EntityList::new(ix);
            l.merge_from = Some(e.id);
            s.overlay = Overlay::Entities(l);
            s.message = Some(format!("merge {} into: pick an entity, Enter", e.name));
        }
        Action::SplitMention => {
            if e.aliases.len() < 2 && e.articles.len() < 2 {
                s.message = Some(format!("{surface}: nothing to split off"));
                return;
            }
            s.correction = Some(Correction::Split(aliases::Split {
                name: surface,
                article: Some(ix.articles[a].id.clone()),
            }));
            s.overlay = Overlay::None;
        }
        Action::RenameEntity => {
            s.overlay = Overlay::Prompt {
                label: format!("rename {} to", e.name),
                input: line::TextLine::new(&e.name),
                purpose: PromptFor::Rename(e.name.clone()),
            }
        }
        Action::RetypeEntity => {
            let ty = match e.ty {
                EntityType::Person => EntityType::Org,
                EntityType::Org => EntityType::Place,
                EntityType::Place => EntityType::Other,
                EntityType::Other => EntityType::Person,
            };
            s.correction = Some(Correction::Retype(aliases::Retype {
                name: e.name.clone(),
                ty: ty.into(),
            }));
        }
        Action::IgnoreEntity => {
            s.correction = Some(Correction::Ignore(aliases::Ignore {
                name: e.name.clone(),
            }));
            s.overlay = Overlay::None;
        }
        _ => {}
    }
}

/// Applies one action to the state. Pure: reads the index, changes only `s`.
pub fn update(s: &mut State, ix: &Index, action: Action) {
    let toggled = action == Action::ToggleRead;
    apply(s, ix, action);
    // a jump to an article the sources' filter hides: the filter goes (a
    // list that names one story beside another is worse than none)
    let typing_filter = matches!(
        &s.overlay,
        Overlay::Prompt {
            purpose: PromptFor::Filter(_),
            ..
        }
    );
    if !s.src_filter.is_empty() && !typing_filter && !s.order.contains(&s.article) {
        let f = std::mem::take(&mut s.src_filter);
        s.refresh_sources(ix);
        s.message = Some(format!("filter \"{f}\" cleared: the article is not in it"));
    }
    // an article read in the reader is read (unless just marked unread)
    if s.focus == Pane::Reader && s.overlay == Overlay::None && !toggled {
        if let Some(a) = ix.articles.get(s.article) {
            if s.user.set_read(&a.id, true) {
                s.user_dirty = true;
            }
        }
    }
    if s.user_dirty {
        s.recount(ix);
    }
}

fn apply(s: &mut State, ix: &Index, action: Action) {
    s.message = None;
    // overlays take the keys first
    match &mut s.overlay {
        Overlay::Help { scroll } => {
            // the drawing keeps the last lines in view
            match action {
                Action::Down | Action::Scroll { down: true, .. } => *scroll += 1,
                Action::Up | Action::Scroll { down: false, .. } => {
                    *scroll = scroll.saturating_sub(1)
                }
                Action::PageDown | Action::HalfPageDown => *scroll += 10,
                Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(10),
                Action::Top => *scroll = 0,
                Action::Bottom => *scroll = usize::MAX / 2,
                Action::Back | Action::Help | Action::Quit | Action::Enter => {
                    s.overlay = Overlay::None
                }
                _ => {}
            }
            return;
        }
        Overlay::Warnings => {
            if matches!(
                action,
                Action::Back | Action::Help | Action::Quit | Action::Enter | Action::Warnings
            ) {
                s.overlay = Overlay::None;
            }
            return;
        }
        Overlay::Search {
            query,
            results,
            selected,
            scanned,
            prepared,
            by_date,
        } => {
            match action {
                Action::Input(_) | Action::Backspace | Action::Edit(_) | Action::Up
                    if edit_of(action, query.is_empty()).is_some() =>
                {
                    let Some(e) = edit_of(action, query.is_empty()) else {
                        return;
                    };
                    if !query.edit(e, s.history.of(line::Kind::Search)) {
                        return;
                    }
                    results.clear();
                    *selected = 0;
                    // one letter matches nearly everything: wait for two
                    if query.as_str().trim().chars().count() >= 2 {
                        *scanned = 0;
                        *prepared = Some(Box::new(search::Prepared::new(
                            ix,
                            search::parse(query.as_str()),
                        )));
                    } else {
                        *scanned = ix.date_order.len();
                        *prepared = None;
                    }
                    work(s, ix);
                }
                Action::CycleSort => {
                    // the most relevant first, or reading order
                    *by_date = !*by_date;
                    if *by_date {
                        let pos = |a: u32| ix.date_order.iter().position(|&x| x == a);
                        results.sort_by_cached_key(|h| pos(h.article));
                    } else {
                        search::by_relevance(results);
                    }
                    *selected = 0;
                }
                Action::Down | Action::NextHit => *selected = step(*selected, results.len(), 1),
                Action::Up | Action::PrevHit => *selected = step(*selected, results.len(), -1),
                Action::Back => {
                    // cancelled, not lost: Up brings it back
                    let q = query.text.clone();
                    s.remember(line::Kind::Search, &q);
                    s.overlay = Overlay::None;
                }
                Action::Enter => {
                    let q = query.text.clone();
                    if let Some(h) = results.get(*selected).cloned() {
                        // n and N then walk the hits, across the results
                        let hits: Vec<(u32, std::ops::Range<usize>)> = results
                            .iter()
                            .flat_map(|h| h.ranges.iter().map(move |r| (h.article, r.clone())))
                            .collect();
                        s.search_hits = hits;
                        s.overlay = Overlay::None;
                        s.push_jump();
                        s.marks = h.ranges.clone();
                        s.overlay = Overlay::None;
                        s.focus = Pane::Reader;
                        s.open(h.article as usize, h.ranges.first().map(|r| r.start));
                    } else {
                        s.overlay = Overlay::None;
                    }
                    s.remember(line::Kind::Search, &q);
                }
                _ => {}
            }
            return;
        }
        Overlay::Entity { entity, row } => {
            let n = ix.entities[*entity as usize].mentions.len();
            match action {
                Action::Down => *row = step(*row, n, 1),
                Action::Up => *row = step(*row, n, -1),
                Action::PageDown | Action::HalfPageDown => *row = step(*row, n, 10),
                Action::PageUp | Action::HalfPageUp => *row = step(*row, n, -10),
                Action::Top => *row = 0,
                Action::Bottom => *row = n.saturating_sub(1),
                Action::Back | Action::Quit => s.overlay = Overlay::None,
                Action::MergeEntity
                | Action::SplitMention
                | Action::RenameEntity
                | Action::RetypeEntity
                | Action::IgnoreEntity => {
                    let (a, m) = ix.entities[*entity as usize].mentions[*row];
                    correct(s, ix, action, a as usize, m as usize);
                }
                Action::Enter => {
                    let (a, m) = ix.entities[*entity as usize].mentions[*row];
                    s.overlay = Overlay::None;
                    s.push_jump();
                    s.focus = Pane::Reader;
                    s.open(a as usize, None);
                    s.mention = Some(m as usize);
                    let r = ix.analyses[a as usize].mentions[m as usize].range.clone();
                    s.reveal = Some(r.start);
                    s.marks = vec![r];
                }
                _ => {}
            }
            return;
        }
        Overlay::Entities(l) => {
            let n = l.ids.len();
            match action {
                Action::Input(_) | Action::Backspace | Action::Edit(_) | Action::Up
                    if edit_of(action, l.query.is_empty()).is_some() =>
                {
                    let Some(e) = edit_of(action, l.query.is_empty()) else {
                        return;
                    };
                    if l.query.edit(e, s.history.of(line::Kind::Entities)) {
                        l.selected = 0;
                        l.refresh(ix);
                    }
                }
                Action::CycleSort => {
                    l.sort = match l.sort {
                        EntitySort::Articles => EntitySort::Mentions,
                        EntitySort::Mentions => EntitySort::Name,
                        EntitySort::Name => EntitySort::Articles,
                    };
                    l.refresh(ix);
                }
                Action::CycleType => {
                    l.ty = match l.ty {
                        None => Some(EntityType::Person),
                        Some(EntityType::Person) => Some(EntityType::Org),
                        Some(EntityType::Org) => Some(EntityType::Place),
                        Some(EntityType::Place) => Some(EntityType::Other),
                        Some(EntityType::Other) => None,
                    };
                    l.selected = 0;
                    l.refresh(ix);
                }
                Action::Down => l.selected = step(l.selected, n, 1),
                Action::Up => l.selected = step(l.selected, n, -1),
                Action::PageDown | Action::HalfPageDown => l.selected = step(l.selected, n, 10),
                Action::PageUp | Action::HalfPageUp => l.selected = step(l.selected, n, -10),
                Action::Scroll { down, .. } => {
                    l.selected = step(l.selected, n, if down { 3 } else { -3 })
                }
                Action::Back | Action::Entities => {
                    let q = l.query.text.clone();
                    s.remember(line::Kind::Entities, &q);
                    s.overlay = Overlay::None
                }
                Action::Enter => match (l.ids.get(l.selected).copied(), l.merge_from) {
                    (Some(to), Some(from)) if to != from => {
                        let names = vec![
                            ix.entities[from as usize].name.clone(),
                            ix.entities[to as usize].name.clone(),
                        ];
                        s.correction = Some(Correction::Merge(aliases::Merge { names }));
                        s.overlay = Overlay::None;
                    }
                    (Some(_), Some(_)) => s.message = Some("pick another entity".into()),
                    (Some(e), None) => s.overlay = Overlay::Entity { entity: e, row: 0 },
                    (None, _) => {}
                },
                _ => {}
            }
            return;
        }
        Overlay::Prompt { input, purpose, .. } => {
            let kind = purpose.kind();
            match action {
                Action::Input(_)
                | Action::Backspace
                | Action::Edit(_)
                | Action::Up
                | Action::Down => {
                    // a prompt has no list: up and down walk its history
                    let e = match action {
                        Action::Up => Some(line::Edit::HistoryPrev),
                        Action::Down => Some(line::Edit::HistoryNext),
                        a => edit_of(a, false),
                    };
                    let Some(e) = e else { return };
                    if input.edit(e, s.history.of(kind)) {
                        if let PromptFor::Filter(_) = purpose {
                            s.src_filter = input.text.clone();
                            s.refresh_sources(ix);
                        }
                    }
                }
                Action::Back => {
                    let t = input.text.clone();
                    if let PromptFor::Filter(before) = purpose {
                        s.src_filter = before.clone();
                        s.refresh_sources(ix);
                    }
                    s.remember(kind, &t);
                    s.overlay = Overlay::None;
                }
                Action::Enter => {
                    let text = input.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    let purpose = purpose.clone();
                    s.remember(kind, &text);
                    match purpose {
                        PromptFor::Filter(_) => {
                            s.message = Some(format!(
                                "{} of {} articles match",
                                s.order.len(),
                                ix.articles.len()
                            ));
                        }
                        PromptFor::Rename(from) => {
                            if !text.is_empty() && text != from {
                                s.correction =
                                    Some(Correction::Rename(aliases::Rename { from, to: text }));
                            }
                        }
                        PromptFor::Note { article, on } => {
                            if !text.is_empty() {
                                let a = &ix.articles[article];
                                let note = userdata::Note {
                                    text,
                                    quote: on.as_ref().map(|r| a.text[r.clone()].to_string()),
                                    offset: on.map(|r| r.start),
                                };
                                s.user.add_note(&a.id, note);
                                s.user_dirty = true;
                                s.message = Some("note saved".into());
                            }
                        }
                    }
                    s.overlay = Overlay::None;
                }
                _ => {}
            }
            return;
        }
        Overlay::Compare { cmp, row, .. } => {
            let n = cmp.rows.len();
            match action {
                Action::Down => *row = step(*row, n, 1),
                Action::Up => *row = step(*row, n, -1),
                Action::PageDown | Action::HalfPageDown => *row = step(*row, n, 10),
                Action::PageUp | Action::HalfPageUp => *row = step(*row, n, -10),
                Action::Scroll { down, .. } => *row = step(*row, n, if down { 3 } else { -3 }),
                Action::Top => *row = 0,
                Action::Bottom => *row = n.saturating_sub(1),
                Action::Back | Action::Quit | Action::Compare => s.overlay = Overlay::None,
                Action::Help => {
                    s.message =
                        Some("j/k move together · Enter reads the sentence · Esc closes".into())
                }
                Action::Enter => {
                    // read the selected sentence: A's if the row has one, else B's
                    let target = cmp.rows.get(*row).and_then(|r| match (r.a, r.b) {
                        (Some(i), _) => Some((cmp.a, cmp.a_sents[i].range.clone())),
                        (None, Some(j)) => Some((cmp.b, cmp.b_sents[j].range.clone())),
                        _ => None,
                    });
                    if let Some((art, r)) = target {
                        s.overlay = Overlay::None;
                        s.push_jump();
                        s.open(art, Some(r.start));
                        s.marks = vec![r];
                        s.focus = Pane::Reader;
                    }
                }
                _ => {}
            }
            return;
        }
        Overlay::None => {}
    }
    let n_src = s.order.len();
    let n_tl = s.tl_rows.len();
    let page = s.reader_height.max(1) as isize;
    let list_page = s.list_height.max(1) as isize;
    match action {
        // an edit with no input line open does nothing
        Action::Edit(_) => {}
        Action::Quit => s.quit = true,
        Action::Help => s.overlay = Overlay::Help { scroll: 0 },
        Action::Warnings => s.overlay = Overlay::Warnings,
        Action::Search => {
            s.overlay = Overlay::Search {
                query: Default::default(),
                results: vec![],
                selected: 0,
                scanned: ix.date_order.len(),
                prepared: None,
                by_date: false,
            }
        }
        Action::FocusNext => {
            s.focus = match s.focus {
                Pane::Sources => Pane::Reader,
                Pane::Reader => Pane::Timeline,
                Pane::Timeline => Pane::Sources,
            }
        }
        Action::FocusPrev => {
            s.focus = match s.focus {
                Pane::Sources => Pane::Timeline,
                Pane::Reader => Pane::Sources,
                Pane::Timeline => Pane::Reader,
            }
        }
        Action::FocusSources => s.focus = Pane::Sources,
        Action::FocusReader => s.focus = Pane::Reader,
        Action::FocusTimeline => s.focus = Pane::Timeline,
        Action::Back => {
            s.marks.clear();
            s.mention = None;
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::HalfPageUp
        | Action::HalfPageDown
        | Action::Top
        | Action::Bottom => {
            let delta = |page: isize| match action {
                Action::Up => -1,
                Action::Down => 1,
                Action::PageUp => -page,
                Action::PageDown => page,
                Action::HalfPageUp => -(page / 2).max(1),
                Action::HalfPageDown => (page / 2).max(1),
                Action::Top => isize::MIN / 2,
                _ => isize::MAX / 2,
            };
            match s.focus {
                Pane::Sources => {
                    s.source_sel = step(s.source_sel, n_src, delta(list_page));
                    if let Some(&a) = s.order.get(s.source_sel) {
                        s.open(a, None);
                        s.marks.clear();
                    }
                }
                Pane::Reader => {
                    let max = s
                        .reader_lines
                        .saturating_sub(s.reader_height.min(s.reader_lines).max(1));
                    s.reader_scroll = (s.reader_scroll as isize)
                        .saturating_add(delta(page))
                        .clamp(0, max as isize) as usize;
                }
                Pane::Timeline => s.timeline_sel = step(s.timeline_sel, n_tl, delta(list_page)),
            }
        }
        Action::Enter => match s.focus {
            Pane::Sources => s.focus = Pane::Reader,
            Pane::Reader if s.mention.is_none() && s.quote.is_some() => {
                // the quote's first carrier, at the quote
                let qi = s.quote.unwrap_or(0);
                let carriers = ix
                    .quote_carriers
                    .get(s.article)
                    .and_then(|q| q.get(qi))
                    .cloned()
                    .unwrap_or_default();
                let first = carriers.iter().copied().min_by_key(|&a| {
                    (
                        ix.articles[a as usize].date.is_none(),
                        ix.articles[a as usize].date,
                        a,
                    )
                });
                match first {
                    Some(b) => {
                        let q = ix.analyses[s.article].quotes[qi].clone();
                        let at = locate(
                            &ix.articles[s.article].text[q],
                            &ix.articles[b as usize].text,
                        );
                        s.push_jump();
                        s.open(b as usize, at.as_ref().map(|r| r.start));
                        s.marks = at.into_iter().collect();
                        s.message = Some("the same quote here; Ctrl-o goes back".into());
                    }
                    None => s.message = Some("no other article carries this quote".into()),
                }
            }
            Pane::Reader => {
                if let Some(m) = s.mention {
                    let e = ix.mention_entity[s.article][m];
                    let row = ix.entities[e as usize]
                        .mentions
                        .iter()
                        .position(|&(a, mm)| a as usize == s.article && mm as usize == m)
                        .unwrap_or(0);
                    s.overlay = Overlay::Entity { entity: e, row };
                } else {
                    s.message = Some("no mention selected: ] or [ moves between names".into());
                }
            }
            Pane::Timeline => match s.tl_rows.get(s.timeline_sel).cloned() {
                Some(timeline::Row::Bucket { items, label }) => {
                    // into the bucket: its items, the first one selected
                    s.tl_zoom = timeline::Zoom::Items;
                    s.refresh_timeline(ix);
                    s.timeline_sel = s
                        .tl_rows
                        .iter()
                        .position(|r| *r == timeline::Row::Item(items[0]))
                        .unwrap_or(0);
                    s.message = Some(format!("{label}: {} items", items.len()));
                }
                Some(timeline::Row::Item(i)) => {
                    let it = &ix.timeline.items[i as usize];
                    s.push_jump();
                    let r = it.timex.clone().map(|_| it.sentence.clone());
                    s.open(it.article as usize, r.as_ref().map(|r| r.start));
                    s.marks = r.into_iter().collect();
                    s.focus = Pane::Reader;
                }
                None => {}
            },
        },
        Action::NextMention | Action::PrevMention => {
            let n = ix
                .analyses
                .get(s.article)
                .map(|a| a.mentions.len())
                .unwrap_or(0);
            if n == 0 {
                s.message = Some("no names in this article".into());
                return;
            }
            let next = match (s.mention, action == Action::NextMention) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(m), true) => (m + 1) % n,
                (Some(m), false) => (m + n - 1) % n,
            };
            s.mention = Some(next);
            s.quote = None;
            s.reveal = Some(ix.analyses[s.article].mentions[next].range.start);
            s.focus = Pane::Reader;
        }
        Action::NextHit | Action::PrevHit if s.mention.is_none() && !s.search_hits.is_empty() => {
            // the next hit of the last search, crossing articles
            let n = s.search_hits.len();
            let at = s
                .reveal
                .or_else(|| s.marks.first().map(|r| r.start))
                .unwrap_or(0);
            let cur = s
                .search_hits
                .iter()
                .position(|(a, r)| *a as usize == s.article && r.start >= at)
                .unwrap_or(0);
            let here = s
                .search_hits
                .get(cur)
                .is_some_and(|(a, r)| *a as usize == s.article && r.start == at);
            let k = match (action == Action::NextHit, here) {
                (true, true) => (cur + 1) % n,
                (true, false) => cur,
                (false, _) => (cur + n - 1) % n,
            };
            let (a, r) = s.search_hits[k].clone();
            if a as usize != s.article {
                s.push_jump();
            }
            s.open(a as usize, Some(r.start));
            s.marks = vec![r];
            s.focus = Pane::Reader;
            s.message = Some(format!("hit {}/{n}", k + 1));
        }
        Action::NextHit | Action::PrevHit => {
            // the next mention of the focused entity across the corpus, in date order
            let Some(m) = s.mention else {
                s.message = Some("focus a name first (] or [)".into());
                return;
            };
            let e = &ix.entities[ix.mention_entity[s.article][m] as usize];
            // an entity's mentions are kept in date order by the index
            let all = &e.mentions;
            let cur = all
                .iter()
                .position(|&(a, mm)| a as usize == s.article && mm as usize == m)
                .unwrap_or(0);
            let k = if action == Action::NextHit {
                (cur + 1) % all.len()
            } else {
                (cur + all.len() - 1) % all.len()
            };
            let (a, mm) = all[k];
            if a as usize != s.article {
                s.push_jump();
            }
            s.open(a as usize, None);
            s.mention = Some(mm as usize);
            s.reveal = Some(ix.analyses[a as usize].mentions[mm as usize].range.start);
            s.message = Some(format!("{} {}/{}", e.name, k + 1, all.len()));
        }
        Action::Click { pane, row } => {
            s.focus = pane;
            match pane {
                Pane::Sources => {
                    if row < n_src {
                        s.source_sel = row;
                        s.open(s.order[row], None);
                    }
                }
                Pane::Timeline => {
                    if row < n_tl {
                        s.timeline_sel = row;
                    }
                }
                Pane::Reader => {}
            }
        }
        Action::ClickText { offset } => {
            s.focus = Pane::Reader;
            let hit = ix.analyses.get(s.article).and_then(|an| {
                an.mentions
                    .iter()
                    .position(|m| m.range.start <= offset && offset < m.range.end)
            });
            match hit {
                // the focused name clicked again: its panel, as enter
                Some(m) if s.mention == Some(m) => apply(s, ix, Action::Enter),
                Some(m) => {
                    s.mention = Some(m);
                    s.quote = None;
                }
                None => {}
            }
        }
        Action::Scroll { pane, down } => {
            let d = if down { 3 } else { -3 };
            match pane {
                Pane::Reader => {
                    let max = s
                        .reader_lines
                        .saturating_sub(s.reader_height.min(s.reader_lines).max(1));
                    s.reader_scroll =
                        (s.reader_scroll as isize + d).clamp(0, max as isize) as usize;
                }
                Pane::Sources => s.source_sel = step(s.source_sel, n_src, d.signum()),
                Pane::Timeline => s.timeline_sel = step(s.timeline_sel, n_tl, d),
            }
        }
        Action::Entities => s.overlay = Overlay::Entities(EntityList::new(ix)),
        Action::Suspend => s.effect = Some(Effect::Suspend),
        Action::NextQuote => {
            let quotes = ix
                .analyses
                .get(s.article)
                .map(|a| a.quotes.as_slice())
                .unwrap_or(&[]);
            if quotes.is_empty() {
                s.message = Some("no quotations in this article".into());
                return;
            }
            let k = s.quote.map_or(0, |q| (q + 1) % quotes.len());
            s.quote = Some(k);
            s.mention = None;
            s.focus = Pane::Reader;
            s.marks = vec![quotes[k].clone()];
            s.reveal = Some(quotes[k].start);
            let carriers = &ix.quote_carriers[s.article][k];
            s.message = Some(if carriers.is_empty() {
                format!("quote {}/{}: in no other article", k + 1, quotes.len())
            } else {
                let own = ix.articles[s.article].date;
                let first = carriers
                    .iter()
                    .map(|&a| &ix.articles[a as usize])
                    .filter(|a| a.date.is_some())
                    .min_by_key(|a| a.date);
                let who = match first {
                    Some(f) if own.is_none_or(|d| f.date < Some(d)) => format!(
                        "first carried by {} on {}",
                        f.outlet.clone().unwrap_or_else(|| f.id.clone()),
                        f.date.map(|d| d.to_string()).unwrap_or_default()
                    ),
                    _ => "this article carried it first".into(),
                };
                format!(
                    "quote {}/{}: also in {} other article{}, {who}; Enter goes there",
                    k + 1,
                    quotes.len(),
                    carriers.len(),
                    if carriers.len() == 1 { "" } else { "s" }
                )
            });
        }
        Action::FilterSources => {
            s.focus = Pane::Sources;
            s.overlay = Overlay::Prompt {
                label: "filter sources (words, \"phrase\", entity: source: date: type: -not)"
                    .into(),
                input: line::TextLine::new(&s.src_filter),
                purpose: PromptFor::Filter(s.src_filter.clone()),
            };
        }
        Action::GroupSources => {
            s.src_grouped = !s.src_grouped;
            s.focus = Pane::Sources;
            s.refresh_sources(ix);
            s.message = Some(
                if s.src_grouped {
                    "sources grouped by story, largest first"
                } else {
                    "sources by date"
                }
                .into(),
            );
        }
        Action::TimelineZoom => {
            s.tl_zoom = s.tl_zoom.next();
            s.timeline_sel = 0;
            s.refresh_timeline(ix);
            s.message = Some(format!("timeline: {}", s.tl_zoom.label()));
        }
        Action::TimelineFilter => {
            let focused = s.mention.and_then(|m| ix.entity_of(s.article, m));
            s.tl_filter = match (s.tl_filter, focused) {
                (timeline::Filter::All, _) => timeline::Filter::Article(s.article),
                (timeline::Filter::Article(_), Some(e)) => timeline::Filter::Entity(e.id),
                _ => timeline::Filter::All,
            };
            s.timeline_sel = 0;
            s.refresh_timeline(ix);
            s.message = Some(match s.tl_filter {
                timeline::Filter::All => "timeline: everything".into(),
                timeline::Filter::Article(_) => "timeline: this article only".into(),
                timeline::Filter::Entity(e) => {
                    format!("timeline: {} only", ix.entities[e as usize].name)
                }
            });
        }
        Action::ToggleRead => {
            if let Some(a) = ix.articles.get(s.article) {
                let now = !s.user.is_read(&a.id);
                s.user.set_read(&a.id, now);
                s.user_dirty = true;
                s.message = Some(if now { "marked read" } else { "marked unread" }.into());
            }
        }
        Action::ToggleStar => {
            if let Some(a) = ix.articles.get(s.article) {
                let now = s.user.toggle_star(&a.id);
                s.user_dirty = true;
                s.message = Some(if now { "starred" } else { "unstarred" }.into());
            }
        }
        Action::AddNote => {
            // anchored to the whole sentence: it finds its place again better
            let on = s
                .passage(ix)
                .map(|r| search::sentence_of(ix, s.article, r.start));
            let label = match &on {
                Some(r) => format!(
                    "note on \"{}\"",
                    ix.articles[s.article].text[r.clone()]
                        .chars()
                        .take(40)
                        .collect::<String>()
                ),
                None => "note on this article".into(),
            };
            s.overlay = Overlay::Prompt {
                label,
                input: Default::default(),
                purpose: PromptFor::Note {
                    article: s.article,
                    on,
                },
            };
        }
        Action::OpenUrl => match ix.articles.get(s.article).and_then(|a| a.url.clone()) {
            Some(u) => s.effect = Some(Effect::OpenUrl(u)),
            None => s.message = Some("this article has no URL".into()),
        },
        Action::Copy => {
            if let Some(a) = ix.articles.get(s.article) {
                let text = match s.passage(ix) {
                    Some(r) => {
                        let sent = search::sentence_of(ix, s.article, r.start);
                        a.text[sent]
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    }
                    None => a.title.clone(),
                };
                let mut source = vec![a.outlet.clone().unwrap_or_else(|| a.id.clone())];
                if let Some(d) = a.date {
                    source.push(d.to_string());
                }
                if let Some(u) = &a.url {
                    source.push(u.clone());
                }
                s.effect = Some(Effect::Copy(format!("\"{text}\" ({})", source.join(", "))));
                s.message = Some("copied the sentence with its source".into());
            }
        }
        Action::MergeEntity
        | Action::SplitMention
        | Action::RenameEntity
        | Action::RetypeEntity
        | Action::IgnoreEntity => match s.mention {
            Some(m) => correct(s, ix, action, s.article, m),
            None => s.message = Some("focus a name first (] or [)".into()),
        },
        Action::CycleSort | Action::CycleType => {}
        Action::Compare => match s.compare_mark {
            Some(m) if m != s.article && m < ix.articles.len() => s.compare(ix, m, s.article),
            Some(_) => {
                s.compare_mark = None;
                s.message = Some("comparison mark cleared".into());
            }
            None => {
                s.compare_mark = Some(s.article);
                s.message =
                    Some("marked for comparison: c on another article compares the two".into());
            }
        },
        Action::CompareRelated => match compare::related(ix, s.article, 1).first() {
            Some(&(b, _)) => s.compare(ix, s.article, b),
            None => s.message = Some("no related article: no rare name in common".into()),
        },
        Action::JumpBack => {
            if s.jump_pos == 0 {
                s.message = Some("at the oldest jump".into());
                return;
            }
            if s.jump_pos == s.jumps.len() {
                let here = s.here();
                s.jumps.push(here);
            }
            s.jump_pos -= 1;
            let l = s.jumps[s.jump_pos].clone();
            s.go(l);
        }
        Action::JumpForward => {
            if s.jump_pos + 1 >= s.jumps.len() {
                s.message = Some("at the newest jump".into());
                return;
            }
            s.jump_pos += 1;
            let l = s.jumps[s.jump_pos].clone();
            s.go(l);
        }
        Action::Input(_) | Action::Backspace => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_their_plural() {
        assert_eq!(counted(1, "article"), "1 article");
        assert_eq!(counted(0, "article"), "0 articles");
        assert_eq!(counted(3, "entity"), "3 entities");
        assert_eq!(counted(2, "day"), "2 days");
    }
    use crate::corpus;

    /// Opens article `a` by clicking its row in the sources list.
    fn click_article(s: &mut State, ix: &Index, a: usize) {
        let row = s.order.iter().position(|&x| x == a).unwrap();
        update(
            s,
            ix,
            Action::Click {
                pane: Pane::Sources,
                row,
            },
        );
    }

    fn seeds() -> Index {
        Index::build(corpus::embedded_seeds(), 2025)
    }

    #[test]
    fn moving_in_sources_opens_articles() {
        let ix = seeds();
        let mut s = State::new(&ix);
        assert_eq!(
            ix.articles[s.article]
                .date
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-10-16")
        );
        update(&mut s, &ix, Action::Down);
        assert_eq!(s.source_sel, 1);
        assert_eq!(s.article, s.order[1]);
        update(&mut s, &ix, Action::Bottom);
        assert_eq!(s.source_sel, 4);
        assert!(ix.articles[s.article].date.is_none(), "undated last");
        update(&mut s, &ix, Action::Top);
        assert_eq!(s.source_sel, 0);
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

    #[test]
    fn entity_panel_and_jump_across_articles() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        let m = s.mention.unwrap();
        let e = ix.mention_entity[s.article][m];
        update(&mut s, &ix, Action::Enter);
        assert!(matches!(s.overlay, Overlay::Entity { entity, .. } if entity == e));
        update(&mut s, &ix, Action::Back);
        let start = s.article;
        let n_articles = ix.entities[e as usize].articles.len();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..ix.entities[e as usize].mentions.len() {
            update(&mut s, &ix, Action::NextHit);
            seen.insert(s.article);
            assert_eq!(
                ix.mention_entity[s.article][s.mention.unwrap()],
                e,
                "same entity after the jump"
            );
        }
        assert_eq!(seen.len(), n_articles);
        assert_eq!(s.article, start, "wraps around");
    }

    #[test]
    fn search_finds_variant_spellings() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::Search);
        for c in "entity:Zelenskyy".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        let Overlay::Search { results, .. } = &s.overlay else {
            panic!("no search")
        };
        let ids: Vec<&str> = results
            .iter()
            .map(|h| ix.articles[h.article as usize].id.as_str())
            .collect();
        assert!(ids.iter().any(|i| i.starts_with("003")), "{ids:?}");
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.focus, Pane::Reader);
        assert!(!s.marks.is_empty());
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
        assert!(s.order.len() < ix.articles.len());
        assert_eq!(s.src_filter, "Hungary");
        // the search opens an article the filter hides
        let hidden = (0..ix.articles.len())
            .find(|a| !s.order.contains(a))
            .unwrap();
        s.push_jump();
        s.open(hidden, None);
        update(&mut s, &ix, Action::FocusReader);
        assert!(s.src_filter.is_empty(), "cleared");
        assert_eq!(s.order.len(), ix.articles.len());
        assert!(s.message.as_deref().unwrap_or("").contains("cleared"));
        assert_eq!(s.order[s.source_sel], hidden, "the list shows where we are");
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
            let Overlay::Search { results, .. } = &s.overlay else {
                panic!("no search")
            };
            (
                results.iter().map(|h| h.article).collect(),
                results.iter().map(|h| h.score).collect(),
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
    fn timeline_enter_opens_the_sentence() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FocusTimeline);
        let i = ix
            .timeline
            .items
            .iter()
            .position(|it| it.timex.is_some())
            .unwrap();
        assert_eq!(s.tl_rows[i], timeline::Row::Item(i as u32));
        for _ in 0..i {
            update(&mut s, &ix, Action::Down);
        }
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.article, ix.timeline.items[i].article as usize);
        assert_eq!(s.marks, vec![ix.timeline.items[i].sentence.clone()]);
        assert_eq!(s.focus, Pane::Reader);
    }

    #[test]
    fn mark_two_articles_and_compare_them() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let first = s.article;
        update(&mut s, &ix, Action::Compare);
        assert_eq!(s.compare_mark, Some(first));
        update(&mut s, &ix, Action::Down);
        let second = s.article;
        assert_ne!(first, second);
        update(&mut s, &ix, Action::Compare);
        let Overlay::Compare { cmp, .. } = &s.overlay else {
            panic!("no compare view: {:?}", s.overlay)
        };
        assert_eq!((cmp.a, cmp.b), (first, second));
        assert_eq!(s.compare_mark, None);
        // keys move the shared row; Enter reads the sentence of that row
        update(&mut s, &ix, Action::Bottom);
        let Overlay::Compare { cmp, row, .. } = &s.overlay else {
            panic!()
        };
        assert_eq!(*row, cmp.rows.len() - 1);
        let r = cmp.rows[*row];
        let (art, range) = match (r.a, r.b) {
            (Some(i), _) => (cmp.a, cmp.a_sents[i].range.clone()),
            (None, Some(j)) => (cmp.b, cmp.b_sents[j].range.clone()),
            _ => unreachable!(),
        };
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.overlay, Overlay::None);
        assert_eq!(s.article, art);
        assert_eq!(s.marks, vec![range]);
        // and back to where we were
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(s.article, second);
    }

    #[test]
    fn compare_related_picks_an_article_of_the_same_event() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let a = ix.find_article("001").unwrap();
        click_article(&mut s, &ix, a);
        update(&mut s, &ix, Action::CompareRelated);
        let Overlay::Compare { cmp, .. } = &s.overlay else {
            panic!("no compare view")
        };
        assert_eq!(cmp.a, a);
        let other = &ix.articles[cmp.b].id;
        assert!(
            other.starts_with("000") || other.starts_with("003"),
            "{other}"
        );
    }

    #[test]
    fn jump_list_goes_back_and_forth() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        let mut start = (s.article, s.mention);
        // jump across articles until the article changes twice
        let mut visited = vec![start.0];
        for _ in 0..50 {
            if visited.len() == 1 {
                start = (s.article, s.mention);
            }
            update(&mut s, &ix, Action::NextHit);
            if *visited.last().unwrap() != s.article {
                visited.push(s.article);
            }
            if visited.len() == 3 {
                break;
            }
        }
        assert_eq!(visited.len(), 3, "the entity is in three articles");
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(s.article, visited[1]);
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(
            (s.article, s.mention),
            start,
            "where the first jump left from"
        );
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(s.message.as_deref(), Some("at the oldest jump"));
        update(&mut s, &ix, Action::JumpForward);
        assert_eq!(s.article, visited[1]);
        update(&mut s, &ix, Action::JumpForward);
        assert_eq!(s.article, visited[2]);
        update(&mut s, &ix, Action::JumpForward);
        assert_eq!(s.message.as_deref(), Some("at the newest jump"));
    }

    #[test]
    fn entities_view_filters_sorts_and_finds() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::Entities);
        let Overlay::Entities(l) = &s.overlay else {
            panic!()
        };
        assert_eq!(l.ids.len(), ix.entities.len());
        let arts = |l: &EntityList| -> Vec<usize> {
            l.ids
                .iter()
                .map(|&e| ix.entities[e as usize].articles.len())
                .collect()
        };
        let a = arts(l);
        assert!(a.windows(2).all(|w| w[0] >= w[1]), "most articles first");
        update(&mut s, &ix, Action::CycleType);
        let Overlay::Entities(l) = &s.overlay else {
            panic!()
        };
        assert!(l
            .ids
            .iter()
            .all(|&e| ix.entities[e as usize].ty == EntityType::Person));
        // fuzzy: a variant spelling finds the entity through its aliases
        for c in "zelensky".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        let Overlay::Entities(l) = &s.overlay else {
            panic!()
        };
        let first = &ix.entities[l.ids[0] as usize];
        assert!(
            first.name.starts_with("Volodymyr Zelensk"),
            "{}",
            first.name
        );
        update(&mut s, &ix, Action::Enter);
        assert!(matches!(s.overlay, Overlay::Entity { entity, .. } if entity == first.id));
    }

    #[test]
    fn read_star_and_notes_change_the_user_data() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let id = ix.articles[s.article].id.clone();
        assert!(!s.user.is_read(&id), "moving in the list reads nothing");
        update(&mut s, &ix, Action::Enter);
        assert!(s.user.is_read(&id) && s.user_dirty, "reading it does");
        s.user_dirty = false;
        update(&mut s, &ix, Action::ToggleRead);
        assert!(
            !s.user.is_read(&id),
            "m marks it unread, even in the reader"
        );
        update(&mut s, &ix, Action::ToggleStar);
        assert!(s.user.is_starred(&id) && s.user_dirty);
        // a note on the focused name is anchored to its sentence
        update(&mut s, &ix, Action::NextMention);
        update(&mut s, &ix, Action::AddNote);
        for c in "see 003".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        update(&mut s, &ix, Action::Enter);
        let notes = s.user.notes(&id);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "see 003");
        let q = notes[0].quote.as_deref().unwrap();
        assert!(q.len() > 20 && ix.articles[s.article].text.contains(q));
        // Esc on a prompt writes nothing
        update(&mut s, &ix, Action::AddNote);
        update(&mut s, &ix, Action::Input('x'));
        update(&mut s, &ix, Action::Back);
        assert_eq!(s.user.notes(&id).len(), 1);
    }

    #[test]
    fn copy_and_open_are_effects_for_the_loop() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        update(&mut s, &ix, Action::Copy);
        let Some(Effect::Copy(t)) = &s.effect else {
            panic!("{:?}", s.effect)
        };
        assert!(t.starts_with('"') && t.contains("2025-10-16"), "{t}");
        s.effect = None;
        update(&mut s, &ix, Action::OpenUrl);
        assert_eq!(s.effect, None, "the seeds have no URL");
        assert!(s.message.as_deref().unwrap().contains("no URL"));
    }

    #[test]
    fn timeline_zooms_into_a_day_and_filters_to_an_entity() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FocusTimeline);
        update(&mut s, &ix, Action::TimelineZoom);
        assert_eq!(s.tl_zoom, timeline::Zoom::Day);
        let timeline::Row::Bucket { label, items } = s.tl_rows[1].clone() else {
            panic!("{:?}", s.tl_rows)
        };
        update(&mut s, &ix, Action::Down);
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.tl_zoom, timeline::Zoom::Items, "Enter opens the day");
        assert_eq!(s.tl_rows[s.timeline_sel], timeline::Row::Item(items[0]));
        assert!(ix.timeline.items[items[0] as usize]
            .value
            .starts_with(&label));
        // filter: this article, then the focused name, then everything
        update(&mut s, &ix, Action::FocusReader);
        update(&mut s, &ix, Action::NextMention);
        let e = ix.entity_of(s.article, s.mention.unwrap()).unwrap().id;
        update(&mut s, &ix, Action::TimelineFilter);
        assert_eq!(s.tl_filter, timeline::Filter::Article(s.article));
        update(&mut s, &ix, Action::TimelineFilter);
        assert_eq!(s.tl_filter, timeline::Filter::Entity(e));
        assert!(!s.tl_rows.is_empty());
        update(&mut s, &ix, Action::TimelineFilter);
        assert_eq!(s.tl_filter, timeline::Filter::All);
        assert_eq!(s.tl_rows.len(), ix.timeline.items.len());
    }

    #[test]
    fn sources_filter_as_you_type_and_group_by_story() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FilterSources);
        for c in "Budapest".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        let ids: Vec<&str> = s.order.iter().map(|&a| &ix.articles[a].id[..3]).collect();
        assert_eq!(ids, ["000", "001", "003"]);
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.src_filter, "Budapest");
        // Esc while editing brings the filter back to what it was
        update(&mut s, &ix, Action::FilterSources);
        update(&mut s, &ix, Action::Input('x'));
        assert!(s.order.is_empty());
        update(&mut s, &ix, Action::Back);
        assert_eq!(s.order.len(), 3);
        // clear it, then group
        update(&mut s, &ix, Action::FilterSources);
        for _ in 0.."Budapest".len() {
            update(&mut s, &ix, Action::Backspace);
        }
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.order.len(), 5);
        update(&mut s, &ix, Action::GroupSources);
        let ids: Vec<&str> = s.order.iter().map(|&a| &ix.articles[a].id[..3]).collect();
        assert_eq!(&ids[..3], ["000", "001", "003"]);
        assert_eq!(s.src_story[0], (3, 0));
        assert_eq!(s.src_story[3].0, 1);
    }

    #[test]
    fn a_quote_shows_who_else_carries_it_and_enter_goes_there() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let a = ix.find_article("003").unwrap();
        click_article(&mut s, &ix, a);
        // to the quote that 001 carries too
        let mut found = false;
        for _ in 0..ix.analyses[a].quotes.len() {
            update(&mut s, &ix, Action::NextQuote);
            if s.message.as_deref().is_some_and(|m| m.contains("also in")) {
                found = true;
                break;
            }
        }
        assert!(found, "{:?}", s.message);
        let msg = s.message.clone().unwrap();
        assert!(
            msg.contains("first carried by") && msg.contains("2025-10-16"),
            "{msg}"
        );
        update(&mut s, &ix, Action::Enter);
        let here = &ix.articles[s.article].id;
        assert!(here.starts_with("001") || here.starts_with("000"), "{here}");
        assert_eq!(s.marks.len(), 1, "the quote is marked where it is");
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(s.article, a);
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
        let n = s.search_hits.len();
        assert!(n >= 3);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..n {
            update(&mut s, &ix, Action::NextHit);
            let r = s.marks[0].clone();
            assert_eq!(&ix.articles[s.article].text[r], "Budapest");
            seen.insert(s.article);
        }
        assert!(seen.len() >= 3, "crossed articles: {seen:?}");
        update(&mut s, &ix, Action::PrevHit);
        assert!(s.message.as_deref().unwrap().starts_with("hit "));
    }
}
