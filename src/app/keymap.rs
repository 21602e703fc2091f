//! Keys to actions: the embedded default TOML, overridden by a user file.

use super::Action;
use std::collections::HashMap;

pub const DEFAULT: &str = include_str!("../../assets/keymap.toml");

#[derive(Debug, Clone)]
pub struct Keymap {
    pub keys: HashMap<String, Action>,
}

#[derive(serde::Deserialize)]
struct File {
    #[serde(default)]
    keys: HashMap<String, Action>,
}

impl Keymap {
    pub fn default_map() -> Keymap {
        Keymap::parse(DEFAULT).expect("the default keymap parses")
    }

    /// Parses a keymap TOML; the error names the line and the key.
    pub fn parse(src: &str) -> Result<Keymap, String> {
        let f: File = toml::from_str(src).map_err(|e| e.to_string())?;
        Ok(Keymap { keys: f.keys })
    }

    /// The default map with a user's file on top of it.
    pub fn with_overrides(user: &str) -> Result<Keymap, String> {
        let mut base = Keymap::default_map();
        base.keys.extend(Keymap::parse(user)?.keys);
        Ok(base)
    }

    pub fn action(&self, key: &str) -> Option<Action> {
        self.keys.get(key).cloned()
    }

    /// The keys bound to an action, for help texts ("j/down").
    pub fn keys_for(&self, action: &Action) -> String {
        let mut k: Vec<&str> = self
            .keys
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| k.as_str())
            .collect();
        k.sort_by_key(|s| (s.len(), s.to_string()));
        k.join(" ")
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
        assert_eq!(k.keys_for(&Action::Down), "j down");
        let u = Keymap::with_overrides("[keys]\n\"x\" = \"quit\"\n").unwrap();
        assert_eq!(u.action("x"), Some(Action::Quit));
        assert_eq!(u.action("q"), Some(Action::Quit));
    }

    #[test]
    fn errors_name_the_line() {
        let e = Keymap::parse("[keys]\n\"x\" = \"fly\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }
}
