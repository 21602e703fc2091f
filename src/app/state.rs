//! The application's state: one sub-struct per pane and per overlay.

use super::action::{Effect, Layout, Pane, Viewport};
use super::entity_list::EntityList;
use super::rows as timeline;
use super::{counted, line, userdata};
use crate::index::{compare, search, Index};
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct State {
    pub focus: Pane,
    pub sources: SourcesPane,
    pub reader: ReaderPane,
    pub timeline: TimelinePane,
    /// The focused pane fills the screen (the others are not drawn).
    pub maximized: bool,
    pub overlay: Overlay,
    /// The sizes the last frame measured.
    pub view: Viewport,
    pub message: Option<String>,
    /// Keys typed so far of a sequence ("g" of "g g").
    pub keys_pending: String,
    /// Articles not read yet (kept here: counting them walks every article,
    /// too much for every frame of a large corpus).
    pub unread: usize,
    /// The article marked with `c`, waiting for a second one to compare with.
    pub compare_mark: Option<usize>,
    /// Places jumped from, for going back and forth (vim's jump list).
    pub jumps: Jumps,
    /// Read, stars, notes.
    pub user: userdata::UserData,
    /// The lines entered at each prompt (kept between runs by the loop).
    pub history: line::History,
    pub quit: bool,
}

/// The sources list.
#[derive(Debug, Clone, Default)]
pub struct SourcesPane {
    /// Articles in display order (by date, undated last).
    pub order: Vec<usize>,
    /// Selected row in `order`.
    pub sel: usize,
    /// The list's filter (a search query).
    pub filter: String,
    /// Grouped by story, or by date.
    pub grouped: bool,
    /// The story groups, once asked for (cleared when the index is relinked).
    pub groups: Vec<Vec<usize>>,
    /// With grouping: for each row of `order`, its story's size and the
    /// row's place in it (first, middle, last).
    pub story: Vec<(u32, u32)>,
}

/// The reader.
#[derive(Debug, Clone, Default)]
pub struct ReaderPane {
    /// The article shown.
    pub article: usize,
    /// The first line shown.
    pub scroll: usize,
    /// The focused mention (index into the article's mentions).
    pub mention: Option<usize>,
    /// The focused quotation (index into the article's quotes).
    pub quote: Option<usize>,
    /// A byte position the next frame must bring into view.
    pub reveal: Option<usize>,
    /// Highlighted ranges (search hits, a jumped-to sentence).
    pub marks: Vec<Range<usize>>,
    /// The hits of the last search (article, range), for n and N.
    pub hits: Vec<(u32, Range<usize>)>,
}

/// The timeline: zoom, filter and the rows they give.
#[derive(Debug, Clone)]
pub struct TimelinePane {
    pub sel: usize,
    pub zoom: timeline::Zoom,
    pub filter: timeline::Filter,
    pub rows: Vec<timeline::Row>,
}

/// What sits on top of the panes and takes the keys first.
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
    Compare(CompareView),
    Entities(EntityList),
    Prompt(Prompt),
    Search(SearchBox),
}

/// Two articles side by side: the comparison, selected row, first row shown.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    pub cmp: Box<compare::Comparison>,
    pub row: usize,
    pub top: usize,
}

/// A line of text to type: a new name for an entity, a note, the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub label: String,
    pub input: line::TextLine,
    pub purpose: PromptFor,
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
        on: Option<Range<usize>>,
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

/// Incremental search: the query as typed, results, selected result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchBox {
    pub query: line::TextLine,
    pub results: Vec<search::Hit>,
    pub selected: usize,
    /// How far through the articles (in reading order) the search got:
    /// it goes on a step per frame until all are read.
    pub scanned: usize,
    /// The query made ready (two letters or more typed).
    pub prepared: Option<Box<search::Prepared>>,
    /// Results in reading order instead of the most relevant first.
    pub by_date: bool,
}

/// A place in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub article: usize,
    pub mention: Option<usize>,
    pub scroll: usize,
}

/// The places jumped from, and where in them we are.
#[derive(Debug, Clone, Default)]
pub struct Jumps {
    pub list: Vec<Location>,
    pub pos: usize,
}

impl State {
    pub fn new(ix: &Index) -> State {
        let order: Vec<usize> = ix.date_order.iter().map(|&a| a as usize).collect();
        let article = order.first().copied().unwrap_or(0);
        State {
            focus: Pane::Sources,
            sources: SourcesPane {
                order,
                ..Default::default()
            },
            reader: ReaderPane {
                article,
                ..Default::default()
            },
            timeline: TimelinePane {
                sel: 0,
                zoom: timeline::Zoom::Items,
                filter: timeline::Filter::All,
                rows: timeline::rows(ix, timeline::Zoom::Items, timeline::Filter::All),
            },
            maximized: false,
            overlay: Overlay::None,
            view: Viewport::default(),
            message: None,
            keys_pending: String::new(),
            unread: ix.articles.len(),
            compare_mark: None,
            jumps: Jumps::default(),
            user: Default::default(),
            history: Default::default(),
            quit: false,
        }
    }

    /// The passage the user is on: the focused mention, else the first mark.
    pub fn passage(&self, ix: &Index) -> Option<Range<usize>> {
        let r = &self.reader;
        r.mention
            .and_then(|m| ix.analyses.get(r.article)?.mentions.get(m))
            .map(|m| m.range.clone())
            .or_else(|| r.marks.first().cloned())
    }

    /// The user's data, and the unread count that follows from it.
    pub fn set_user(&mut self, ix: &Index, user: userdata::UserData) {
        self.user = user;
        self.recount(ix);
    }

    /// Keeps a line entered (or cancelled) at a prompt in its history, and
    /// asks the loop to save it.
    pub fn remember(&mut self, kind: line::Kind, text: &str, fx: &mut Vec<Effect>) {
        if self.history.push(kind, text) {
            fx.push(Effect::SaveHistory(kind, text.trim().to_string()));
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
        if let Some(id) = old.articles.get(self.reader.article).map(|a| &a.id) {
            if let Some(a) = new.articles.iter().position(|x| &x.id == id) {
                s.open(a, None);
                s.reader.scroll = self.reader.scroll;
            }
        }
        let added = new.articles.len() as isize - old.articles.len() as isize;
        s.message = Some(format!(
            "files changed: reloaded, {} ({added:+})",
            counted(new.articles.len(), "article")
        ));
        s
    }

    /// After the loop applied a correction to the index (`Effect::Correct`):
    /// the lists are made again, a mention number that may have moved is
    /// dropped, and `message` says what was done.
    pub fn relinked(&mut self, ix: &Index, message: String, mentions_moved: bool) {
        self.refresh_timeline(ix);
        self.sources.groups.clear();
        self.refresh_sources(ix);
        let n = ix
            .analyses
            .get(self.reader.article)
            .map_or(0, |a| a.mentions.len());
        if mentions_moved || self.reader.mention.is_some_and(|m| m >= n) {
            self.reader.mention = None;
        }
        self.overlay = Overlay::None;
        self.message = Some(message);
    }

    /// Takes what a frame measured.
    pub fn laid_out(&mut self, l: Layout) {
        if l.reader_hidden {
            // the reader was not drawn: it keeps its place (and the place
            // it must bring into view) for when it is
            self.view.list_height = l.view.list_height;
        } else {
            self.view = l.view;
            self.reader.scroll = l.reader_scroll;
            self.reader.reveal = None;
        }
        if let (Overlay::Compare(c), Some(top)) = (&mut self.overlay, l.compare_top) {
            c.top = top;
        }
    }

    /// Shows `article` in the reader (selected in the list too), with the
    /// byte `reveal` brought into view.
    pub fn open(&mut self, article: usize, reveal: Option<usize>) {
        let r = &mut self.reader;
        if r.article != article {
            r.mention = None;
            r.quote = None;
            r.scroll = 0;
        }
        r.article = article;
        if let Some(p) = self.sources.order.iter().position(|&a| a == article) {
            self.sources.sel = p;
        }
        r.reveal = reveal;
    }

    fn here(&self) -> Location {
        Location {
            article: self.reader.article,
            mention: self.reader.mention,
            scroll: self.reader.scroll,
        }
    }

    /// Remembers where we are before a jump elsewhere.
    pub fn push_jump(&mut self) {
        let here = self.here();
        let j = &mut self.jumps;
        j.list.truncate(j.pos);
        if j.list.last() != Some(&here) {
            j.list.push(here);
        }
        const MAX: usize = 100;
        if j.list.len() > MAX {
            j.list.remove(0);
        }
        j.pos = j.list.len();
    }

    /// Back to where the last jump came from.
    pub fn jump_back(&mut self) {
        if self.jumps.pos == 0 {
            self.message = Some("at the oldest jump".into());
            return;
        }
        if self.jumps.pos == self.jumps.list.len() {
            let here = self.here();
            self.jumps.list.push(here);
        }
        self.jumps.pos -= 1;
        let l = self.jumps.list[self.jumps.pos].clone();
        self.go(l);
    }

    /// Forward again.
    pub fn jump_forward(&mut self) {
        if self.jumps.pos + 1 >= self.jumps.list.len() {
            self.message = Some("at the newest jump".into());
            return;
        }
        self.jumps.pos += 1;
        let l = self.jumps.list[self.jumps.pos].clone();
        self.go(l);
    }

    fn go(&mut self, l: Location) {
        self.open(l.article, None);
        self.reader.mention = l.mention;
        self.reader.scroll = l.scroll;
        self.reader.marks.clear();
        self.focus = Pane::Reader;
    }

    /// Jumps to `article` with `range` marked and in view, in the reader.
    pub fn jump_to(&mut self, article: usize, range: Option<Range<usize>>) {
        self.push_jump();
        self.open(article, range.as_ref().map(|r| r.start));
        self.reader.marks = range.into_iter().collect();
        self.focus = Pane::Reader;
    }
}
