//! What the user can do (`Action`, named in the keymap file) and what an
//! update asks the loop to do outside the state (`Effect`). What each action
//! does is described once, in `help::ENTRIES`.

use super::line;
use crate::index::aliases::Correction;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    Sources,
    Reader,
    Timeline,
}

/// Everything a key can do; a keymap file names these in snake_case. The
/// variants without a name come from the mouse, the input lines and the
/// drawing.
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
    Compare,
    CompareRelated,
    Entities,
    CycleSort,
    CycleType,
    MergeEntity,
    SplitMention,
    RenameEntity,
    RetypeEntity,
    IgnoreEntity,
    ToggleRead,
    ToggleStar,
    AddNote,
    OpenUrl,
    Copy,
    NextQuote,
    FilterSources,
    GroupSources,
    TimelineZoom,
    TimelineFilter,
    Maximize,
    Suspend,
    JumpBack,
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
    /// What the last frame measured (the drawing reads the state and never
    /// writes it: the sizes come back through this).
    #[serde(skip)]
    Layout(Layout),
}

/// The sizes of the last frame, and where it put the reader's and the
/// compare view's first lines after bringing the wanted place into view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub view: Viewport,
    /// The reader's first line shown.
    pub reader_scroll: usize,
    /// The compare view's first row shown, when it is open.
    pub compare_top: Option<usize>,
    /// Another pane filled the screen: the reader was not drawn, so its
    /// sizes and first line are the last ones it had.
    pub reader_hidden: bool,
}

/// Something for the loop to do outside the state: `update` returns these
/// and does no I/O itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    OpenUrl(String),
    Copy(String),
    Suspend,
    /// The user's data (read, stars, notes) changed: save it.
    SaveUser,
    /// A line entered (or cancelled) at a prompt: keep it in the history.
    SaveHistory(line::Kind, String),
    /// A correction of the linking: save it, relink the index, then
    /// `State::relinked`.
    Correct(Correction),
}

/// The sizes of the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    /// Rows of the reader's text area, and the article's lines at its width.
    pub reader_height: usize,
    pub reader_lines: usize,
    /// Rows of the sources list.
    pub list_height: usize,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            reader_height: 20,
            reader_lines: 0,
            list_height: 10,
        }
    }
}
