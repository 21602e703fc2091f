//! One input line for every prompt (search, the sources' filter, the
//! entities' finder, a note, a rename): the editing of `tui-input` (cursor,
//! words, kill to the start or the end) over plain data, and a history per
//! kind of prompt that the loop keeps between runs.

use serde::{Deserialize, Serialize};
use tui_input::{Input, InputRequest};

/// An edit of the line, as the keys ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Backspace.
    DeletePrev,
    /// Delete.
    DeleteNext,
    Left,
    Right,
    /// Alt-b, Ctrl-Left.
    WordLeft,
    /// Alt-f, Ctrl-Right.
    WordRight,
    /// Ctrl-a, Home.
    Start,
    /// Ctrl-e, End.
    End,
    /// Ctrl-u: everything before the cursor.
    KillToStart,
    /// Ctrl-w: the word before the cursor.
    KillWord,
    /// Ctrl-k: everything from the cursor on.
    KillToEnd,
    /// Ctrl-p (or Up on an empty line): the line before in the history.
    HistoryPrev,
    /// Ctrl-n: the line after.
    HistoryNext,
}

/// The text and its cursor (in characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextLine {
    pub text: String,
    pub cursor: usize,
    /// Where in the history Up/Down are (None: the line being typed).
    recall: Option<usize>,
    /// The line being typed before the history was walked.
    typed: String,
}

impl TextLine {
    pub fn new(text: &str) -> TextLine {
        TextLine {
            text: text.to_string(),
            cursor: text.chars().count(),
            ..Default::default()
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Applies an edit; true when the text changed (not only the cursor).
    pub fn edit(&mut self, e: Edit, history: &[String]) -> bool {
        let before = self.text.clone();
        match e {
            Edit::HistoryPrev | Edit::HistoryNext => {
                let n = history.len();
                let next = match (e, self.recall) {
                    (Edit::HistoryPrev, None) if n > 0 => Some(n - 1),
                    (Edit::HistoryPrev, Some(i)) => Some(i.saturating_sub(1)),
                    (Edit::HistoryNext, Some(i)) if i + 1 < n => Some(i + 1),
                    (Edit::HistoryNext, Some(_)) => None,
                    (_, r) => r,
                };
                if next != self.recall {
                    if self.recall.is_none() {
                        self.typed = self.text.clone();
                    }
                    self.recall = next;
                    let t = match next {
                        Some(i) => history[i].clone(),
                        None => std::mem::take(&mut self.typed),
                    };
                    self.cursor = t.chars().count();
                    self.text = t;
                }
            }
            _ => {
                let req = match e {
                    Edit::Insert(c) => InputRequest::InsertChar(c),
                    Edit::DeletePrev => InputRequest::DeletePrevChar,
                    Edit::DeleteNext => InputRequest::DeleteNextChar,
                    Edit::Left => InputRequest::GoToPrevChar,
                    Edit::Right => InputRequest::GoToNextChar,
                    Edit::WordLeft => InputRequest::GoToPrevWord,
                    Edit::WordRight => InputRequest::GoToNextWord,
                    Edit::Start => InputRequest::GoToStart,
                    Edit::End => InputRequest::GoToEnd,
                    Edit::KillWord => InputRequest::DeletePrevWord,
                    Edit::KillToEnd => InputRequest::DeleteTillEnd,
                    Edit::KillToStart => {
                        // tui-input's DeleteLine clears it all: keep what
                        // follows the cursor, as readline does
                        let rest: String = self.text.chars().skip(self.cursor).collect();
                        self.text = rest;
                        self.cursor = 0;
                        self.recall = None;
                        return self.text != before;
                    }
                    Edit::HistoryPrev | Edit::HistoryNext => unreachable!("handled above"),
                };
                let mut input = Input::new(std::mem::take(&mut self.text)).with_cursor(self.cursor);
                input.handle(req);
                self.cursor = input.cursor();
                self.text = input.value().to_string();
                if self.text != before {
                    self.recall = None;
                }
            }
        }
        self.text != before
    }

    /// The text before the cursor and from it on (for drawing the cursor).
    pub fn split(&self) -> (&str, &str) {
        let at = self
            .text
            .char_indices()
            .nth(self.cursor)
            .map_or(self.text.len(), |(i, _)| i);
        self.text.split_at(at)
    }
}

/// The kinds of prompt, each with its own history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Search,
    Filter,
    Entities,
    Note,
    Rename,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Search => "search",
            Kind::Filter => "filter",
            Kind::Entities => "entities",
            Kind::Note => "note",
            Kind::Rename => "rename",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        [
            Kind::Search,
            Kind::Filter,
            Kind::Entities,
            Kind::Note,
            Kind::Rename,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// The lines entered at each kind of prompt, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub lines: std::collections::BTreeMap<Kind, Vec<String>>,
}

/// The most lines kept per kind.
pub const HISTORY_MAX: usize = 200;

impl History {
    pub fn of(&self, k: Kind) -> &[String] {
        self.lines.get(&k).map_or(&[], |v| v.as_slice())
    }

    /// Adds a line (not twice in a row; blank lines never); true when added.
    pub fn push(&mut self, k: Kind, line: &str) -> bool {
        let line = line.trim();
        if line.is_empty() {
            return false;
        }
        let v = self.lines.entry(k).or_default();
        if v.last().is_some_and(|l| l == line) {
            return false;
        }
        v.push(line.to_string());
        if v.len() > HISTORY_MAX {
            v.remove(0);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> TextLine {
        let mut l = TextLine::default();
        for c in s.chars() {
            l.edit(Edit::Insert(c), &[]);
        }
        l
    }

    #[test]
    fn the_cursor_moves_and_letters_go_where_it_is() {
        let mut l = typed("oil price");
        for _ in 0..3 {
            l.edit(Edit::Left, &[]);
        }
        l.edit(Edit::Insert('X'), &[]);
        assert_eq!(l.text, "oil prXice", "←←←X inserts before the cursor");
        l.edit(Edit::Start, &[]);
        l.edit(Edit::Insert('"'), &[]);
        l.edit(Edit::End, &[]);
        l.edit(Edit::Insert('"'), &[]);
        assert_eq!(l.text, "\"oil prXice\"");
        assert_eq!(l.split(), ("\"oil prXice\"", ""));
    }

    #[test]
    fn readline_s_kills() {
        let mut l = typed("entity:Putin date:2025");
        l.edit(Edit::KillWord, &[]);
        assert_eq!(l.text, "entity:Putin date:");
        l.edit(Edit::WordLeft, &[]);
        l.edit(Edit::KillToEnd, &[]);
        let kept = l.text.clone();
        assert!(kept.starts_with("entity:") && kept.len() < "entity:Putin date:".len());
        let mut l = typed("abc def");
        l.edit(Edit::WordLeft, &[]);
        l.edit(Edit::KillToStart, &[]);
        assert_eq!(
            (l.text.as_str(), l.cursor),
            ("def", 0),
            "ctrl-u keeps what follows"
        );
        l.edit(Edit::End, &[]);
        assert!(!l.edit(Edit::Right, &[]), "a move changes no text");
    }

    #[test]
    fn the_history_walks_back_and_forth_and_keeps_the_line_typed() {
        let h: Vec<String> = vec!["kyiv".into(), "oil prices".into()];
        let mut l = typed("tru");
        l.edit(Edit::HistoryPrev, &h);
        assert_eq!(l.text, "oil prices");
        l.edit(Edit::HistoryPrev, &h);
        assert_eq!(l.text, "kyiv");
        l.edit(Edit::HistoryPrev, &h);
        assert_eq!(l.text, "kyiv", "the oldest stays");
        l.edit(Edit::HistoryNext, &h);
        l.edit(Edit::HistoryNext, &h);
        assert_eq!(l.text, "tru", "back to what was typed");
        let mut hist = History::default();
        assert!(hist.push(Kind::Search, "oil"));
        assert!(!hist.push(Kind::Search, "oil "), "not twice in a row");
        assert!(!hist.push(Kind::Search, "  "));
        assert_eq!(hist.of(Kind::Search), ["oil"]);
        assert!(hist.of(Kind::Note).is_empty());
    }
}
