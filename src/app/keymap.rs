//! Keys to actions: the embedded default TOML, overridden by a user file.
//! A binding is one key ("j", "ctrl-d") or a short sequence of keys written
//! with spaces between them ("g g", "space e").

use super::Action;
use std::collections::{HashMap, HashSet};

pub const DEFAULT: &str = include_str!("../../assets/keymap.toml");

#[derive(Debug, Clone)]
pub struct Keymap {
    pub keys: HashMap<String, Action>,
    /// Every proper prefix of a sequence ("g" for "g g").
    prefixes: HashSet<String>,
}

#[derive(serde::Deserialize)]
struct File {
    #[serde(default)]
    keys: HashMap<String, Action>,
}

/// What a key press means, given the keys typed before it.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Action(Action),
    /// The start of a sequence: wait for the next key.
    Pending(String),
    None,
}

/// "g  g" and "g g" are the same binding.
fn normal(seq: &str) -> String {
    seq.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn prefixes_of(seq: &str) -> impl Iterator<Item = String> + '_ {
    let parts: Vec<&str> = seq.split(' ').collect();
    (1..parts.len()).map(move |n| parts[..n].join(" "))
}

impl Keymap {
    pub fn default_map() -> Keymap {
        Keymap::parse(DEFAULT).expect("the default keymap parses")
    }

    /// Parses a keymap TOML; the error names the line and the key.
    pub fn parse(src: &str) -> Result<Keymap, String> {
        let f: File = toml::from_str(src).map_err(|e| e.to_string())?;
        let keys: HashMap<String, Action> =
            f.keys.into_iter().map(|(k, a)| (normal(&k), a)).collect();
        if let Some(k) = keys.keys().find(|k| k.is_empty()) {
            return Err(format!("an empty key name ({k:?})"));
        }
        // "g" bound alone and as the start of "g g": the second could never be typed
        let mut clash: Vec<String> = keys
            .keys()
            .flat_map(|k| {
                prefixes_of(k)
                    .filter(|p| keys.contains_key(p))
                    .map(move |p| format!("\"{p}\" is bound and also starts \"{k}\""))
            })
            .collect();
        clash.sort();
        if let Some(c) = clash.first() {
            return Err(format!("{c}: keep one of them"));
        }
        Ok(Keymap::from_keys(keys))
    }

    fn from_keys(keys: HashMap<String, Action>) -> Keymap {
        let prefixes = keys.keys().flat_map(|k| prefixes_of(k)).collect();
        Keymap { keys, prefixes }
    }

    /// The default map with a user's file on top of it: the user's bindings
    /// win, and a default that would clash with one of them goes.
    pub fn with_overrides(user: &str) -> Result<Keymap, String> {
        let base = Keymap::default_map();
        let user = Keymap::parse(user)?;
        let mut keys: HashMap<String, Action> = base
            .keys
            .into_iter()
            .filter(|(k, _)| {
                !user.prefixes.contains(k) && !prefixes_of(k).any(|p| user.keys.contains_key(&p))
            })
            .collect();
        keys.extend(user.keys);
        Ok(Keymap::from_keys(keys))
    }

    /// The action of one key (or a whole sequence, "g g").
    pub fn action(&self, key: &str) -> Option<Action> {
        self.keys.get(key).cloned()
    }

    /// The meaning of `key` after the keys `pending` (empty: none). A key
    /// that breaks a sequence counts on its own.
    pub fn lookup(&self, pending: &str, key: &str) -> Lookup {
        if !pending.is_empty() {
            let seq = format!("{pending} {key}");
            if let Some(a) = self.keys.get(&seq) {
                return Lookup::Action(*a);
            }
            if self.prefixes.contains(&seq) {
                return Lookup::Pending(seq);
            }
        }
        if let Some(a) = self.keys.get(key) {
            return Lookup::Action(*a);
        }
        if self.prefixes.contains(key) {
            return Lookup::Pending(key.to_string());
        }
        Lookup::None
    }

    /// The keys bound to an action, single keys first, shortest first
    /// ("j", "down"; "home", "g g").
    pub fn bound(&self, action: &Action) -> Vec<&str> {
        let mut k: Vec<&str> = self
            .keys
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| k.as_str())
            .collect();
        k.sort_by_key(|s| (s.contains(' '), s.len(), s.to_string()));
        k
    }

    /// The same for help texts: "j, down".
    pub fn keys_for(&self, action: &Action) -> String {
        self.bound(action).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_and_overrides() {
        let k = Keymap::default_map();
        assert_eq!(k.action("j"), Some(Action::Down));
        assert_eq!(k.action("ctrl-d"), Some(Action::HalfPageDown));
        assert_eq!(k.keys_for(&Action::Down), "j, down");
        assert_eq!(k.bound(&Action::Top), ["home", "g g"]);
        let u = Keymap::with_overrides("[keys]\n\"x\" = \"quit\"\n").unwrap();
        assert_eq!(u.action("x"), Some(Action::Quit));
        assert_eq!(u.action("q"), Some(Action::Quit));
    }

    #[test]
    fn errors_name_the_line() {
        let e = Keymap::parse("[keys]\n\"x\" = \"fly\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }

    #[test]
    fn sequences() {
        let k = Keymap::default_map();
        assert_eq!(k.lookup("", "g"), Lookup::Pending("g".into()));
        assert_eq!(k.lookup("g", "g"), Lookup::Action(Action::Top));
        assert_eq!(k.lookup("g", "e"), Lookup::Action(Action::Entities));
        // a key that breaks the sequence counts on its own
        assert_eq!(k.lookup("g", "j"), Lookup::Action(Action::Down));
        assert_eq!(k.lookup("", "#"), Lookup::None);
        // the user's file: "g" alone wins over the default "g ..." sequences
        let u = Keymap::with_overrides("[keys]\n\"g\" = \"bottom\"\n\"space  q\" = \"quit\"\n")
            .unwrap();
        assert_eq!(u.lookup("", "g"), Lookup::Action(Action::Bottom));
        assert_eq!(u.lookup("", "space"), Lookup::Pending("space".into()));
        assert_eq!(u.lookup("space", "q"), Lookup::Action(Action::Quit));
        // a clash inside one file is an error that says which keys
        let e = Keymap::parse("[keys]\n\"a\" = \"quit\"\n\"a b\" = \"top\"\n").unwrap_err();
        assert!(e.contains("\"a\" is bound and also starts \"a b\""), "{e}");
    }
}
