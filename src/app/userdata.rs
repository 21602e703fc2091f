//! The user's own state: read/unread, stars and notes per article, keyed
//! by article id. Plain data: the loop writes what changed to the store
//! (`store::userdb`, SQLite) after each action. The TOML form below is the
//! format of the versions before, still read to migrate it:
//!
//! ```toml
//! [articles."001_b2008785d766f160.txt"]
//! read = true
//! star = true
//!
//! [[articles."001_b2008785d766f160.txt".notes]]
//! text = "compare with the Kremlin's account"
//! quote = "Budapest, Hungary"   # the text the note is attached to
//! offset = 1234                  # where it was (byte), to find it again
//! ```

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    /// The passage the note is attached to; none for a note on the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    #[serde(default, skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub star: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl ArticleState {
    fn is_empty(&self) -> bool {
        *self == ArticleState::default()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserData {
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleState>,
}

/// Where a note is in the article now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// On the article as a whole.
    Article,
    /// Found: the passage's range.
    At(Range<usize>),
    /// The passage is no longer in the text.
    Lost,
}

const HEADER: &str = "# crossread: what you marked read, starred and noted, by article id.\n\
# Written by crossread (atomically) on every change; safe to edit by hand.\n\n";

impl UserData {
    pub fn parse(src: &str) -> Result<UserData, String> {
        toml::from_str(src).map_err(|e| crate::index::aliases::one_line_error(&e.to_string()))
    }

    pub fn to_toml(&self) -> String {
        HEADER.to_string() + &toml::to_string(self).unwrap_or_default()
    }

    pub fn get(&self, id: &str) -> Option<&ArticleState> {
        self.articles.get(id)
    }

    fn edit(&mut self, id: &str, f: impl FnOnce(&mut ArticleState)) {
        let e = self.articles.entry(id.to_string()).or_default();
        f(e);
        if e.is_empty() {
            self.articles.remove(id);
        }
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.get(id).is_some_and(|a| a.read)
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.get(id).is_some_and(|a| a.star)
    }

    /// Sets read; true when it changed.
    pub fn set_read(&mut self, id: &str, read: bool) -> bool {
        let changed = self.is_read(id) != read;
        self.edit(id, |a| a.read = read);
        changed
    }

    pub fn toggle_star(&mut self, id: &str) -> bool {
        let mut now = false;
        self.edit(id, |a| {
            a.star = !a.star;
            now = a.star;
        });
        now
    }

    pub fn add_note(&mut self, id: &str, note: Note) {
        self.edit(id, |a| a.notes.push(note));
    }

    pub fn notes(&self, id: &str) -> &[Note] {
        self.get(id).map(|a| a.notes.as_slice()).unwrap_or(&[])
    }
}

/// Finds a note's passage again: the occurrence nearest to where it was.
pub fn anchor(text: &str, note: &Note) -> Anchor {
    let Some(q) = note.quote.as_deref().filter(|q| !q.is_empty()) else {
        return Anchor::Article;
    };
    let at = note.offset.unwrap_or(0);
    text.match_indices(q)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(at))
        .map(|i| Anchor::At(i..i + q.len()))
        .unwrap_or(Anchor::Lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggles_round_trip_and_empty_entries_vanish() {
        let mut u = UserData::default();
        assert!(u.set_read("a", true));
        assert!(!u.set_read("a", true));
        assert!(u.toggle_star("b"));
        u.add_note(
            "b",
            Note {
                text: "x".into(),
                quote: Some("Budapest".into()),
                offset: Some(3),
            },
        );
        let back = UserData::parse(&u.to_toml()).unwrap();
        assert_eq!(back, u);
        u.set_read("a", false);
        assert!(u.get("a").is_none(), "nothing left to keep");
    }

    #[test]
    fn notes_find_their_place_again_or_say_so() {
        let n = Note {
            text: "n".into(),
            quote: Some("Budapest".into()),
            offset: Some(40),
        };
        let text = "Budapest at first, and later again Budapest here";
        assert_eq!(anchor(text, &n), Anchor::At(35..43), "the nearest one");
        assert_eq!(anchor("moved: Budapest", &n), Anchor::At(7..15));
        assert_eq!(anchor("gone", &n), Anchor::Lost);
        let whole = Note {
            text: "n".into(),
            ..Default::default()
        };
        assert_eq!(anchor("gone", &whole), Anchor::Article);
    }
}
