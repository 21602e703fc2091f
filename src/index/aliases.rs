//! The user's corrections to entity linking: a TOML file that can merge two
//! entities, split a wrongly linked name off, rename, retype or ignore one.
//! Parsing and applying are pure; reading and the atomic save are in `store`.
//!
//! ```toml
//! [[merge]]
//! names = ["Zelenskiy", "Volodymyr Zelenskyy"]
//! [[split]]
//! name = "Trump"          # this spelling becomes an entity of its own
//! article = "003"         # optional: only in articles whose id starts so
//! [[rename]]
//! from = "Volodymyr Zelenskiy"
//! to = "Volodymyr Zelensky"
//! [[retype]]
//! name = "Truth Social"
//! type = "org"            # person, org, place or other
//! [[ignore]]
//! name = "Comment"
//! ```

use crate::nlp::EntityType;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UserType {
    Person,
    #[serde(alias = "organization", alias = "organisation")]
    Org,
    #[serde(alias = "location")]
    Place,
    Other,
}

impl From<UserType> for EntityType {
    fn from(t: UserType) -> EntityType {
        match t {
            UserType::Person => EntityType::Person,
            UserType::Org => EntityType::Org,
            UserType::Place => EntityType::Place,
            UserType::Other => EntityType::Other,
        }
    }
}

impl From<EntityType> for UserType {
    fn from(t: EntityType) -> UserType {
        match t {
            EntityType::Person => UserType::Person,
            EntityType::Org => UserType::Org,
            EntityType::Place => UserType::Place,
            EntityType::Other => UserType::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rename {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retype {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: UserType,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ignore {
    pub name: String,
}

/// Everything in the file, in its order within each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aliases {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge: Vec<Merge>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub split: Vec<Split>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rename: Vec<Rename>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retype: Vec<Retype>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<Ignore>,
}

/// One correction, as the UI makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    Merge(Merge),
    Split(Split),
    Rename(Rename),
    Retype(Retype),
    Ignore(Ignore),
}

const HEADER: &str = "# crossread: your corrections to entity linking.\n\
# Written by crossread when you correct an entity in the app; safe to edit by hand.\n\
# [[merge]] names = [...]   one entity under all these names\n\
# [[split]] name = \"...\"  article = \"id prefix\" (optional)   that spelling on its own\n\
# [[rename]] from = \"...\" to = \"...\"\n\
# [[retype]] name = \"...\" type = \"person\" | \"org\" | \"place\" | \"other\"\n\
# [[ignore]] name = \"...\"   not an entity\n\n";

impl Aliases {
    /// Parses the file; an error names the line and what is wrong there.
    pub fn parse(src: &str) -> Result<Aliases, String> {
        let a: Aliases = toml::from_str(src).map_err(|e| one_line_error(&e.to_string()))?;
        for m in &a.merge {
            if m.names.len() < 2 {
                let line = line_of(src, m.names.first().map(String::as_str).unwrap_or("names"));
                return Err(format!(
                    "line {line}: a merge needs at least two names, found {}",
                    m.names.len()
                ));
            }
        }
        for (what, name) in a
            .split
            .iter()
            .map(|s| ("split", &s.name))
            .chain(a.rename.iter().map(|r| ("rename", &r.to)))
            .chain(a.ignore.iter().map(|i| ("ignore", &i.name)))
        {
            if name.trim().is_empty() {
                return Err(format!(
                    "line {}: {what} with an empty name",
                    line_of(src, "\"\"")
                ));
            }
        }
        Ok(a)
    }

    pub fn add(&mut self, c: Correction) {
        match c {
            Correction::Merge(m) => self.merge.push(m),
            Correction::Split(s) => self.split.push(s),
            Correction::Rename(mut r) => {
                // a second rename of the same entity replaces the first and
                // keeps its `from`: the name the linker gives the entity
                // (renaming "B", which was "A", to "C" is renaming "A" to "C")
                if let Some(first) = self.rename.iter().find(|x| x.to == r.from) {
                    r.from = first.from.clone();
                }
                self.rename.retain(|x| x.from != r.from && x.to != r.from);
                if r.from != r.to {
                    self.rename.push(r)
                }
            }
            Correction::Retype(r) => {
                self.retype.retain(|x| x.name != r.name);
                self.retype.push(r)
            }
            Correction::Ignore(i) => self.ignore.push(i),
        }
    }

    /// The file's text: a header that documents the format, then the tables.
    pub fn to_toml(&self) -> String {
        HEADER.to_string() + &toml::to_string(self).unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        *self == Aliases::default()
    }
}

/// toml's messages span several lines with a caret drawing: keep the first
/// line ("line 3, column 8") and the explanation. Used for every TOML file
/// the user writes.
pub fn one_line_error(e: &str) -> String {
    let mut lines = e.lines();
    let head = lines
        .next()
        .unwrap_or("")
        .trim_start_matches("TOML parse error at ");
    let why = e.lines().last().unwrap_or("");
    format!("{head}: {why}")
}

/// The line (1-based) where `needle` first appears in `src`.
fn line_of(src: &str, needle: &str) -> usize {
    src.find(needle)
        .map(|p| src[..p].matches('\n').count() + 1)
        .unwrap_or(1)
}

/// Names compared as a reader would: case and spacing ignored.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// What the corrections do to the clusters of linked mentions.
/// `names[i]`: the names item `i` goes by (its surface and canonical forms);
/// `articles[i]`: its article id. Clusters of ignored mentions become None.
pub fn apply_to_clusters(
    al: &Aliases,
    names: &[Vec<&str>],
    articles: &[&str],
    cluster_of: &[usize],
    clusters: usize,
) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = cluster_of.iter().map(|&c| Some(c)).collect();
    let mut next = clusters;
    let named = |i: usize, n: &str| names[i].iter().any(|x| same_name(x, n));
    // splits first: the spelling leaves its cluster
    for s in &al.split {
        let here = |i: usize| {
            s.article
                .as_deref()
                .is_none_or(|a| articles[i].starts_with(a))
        };
        let mut moved = false;
        for (i, c) in out.iter_mut().enumerate() {
            if c.is_some() && here(i) && names[i].first().is_some_and(|x| same_name(x, &s.name)) {
                *c = Some(next);
                moved = true;
            }
        }
        if moved {
            next += 1;
        }
    }
    // merges: every cluster that has one of the names becomes one
    for m in &al.merge {
        let targets: Vec<usize> = (0..out.len())
            .filter(|&i| m.names.iter().any(|n| named(i, n)))
            .filter_map(|i| out[i])
            .collect();
        if let Some(&to) = targets.first() {
            for c in out.iter_mut().flatten() {
                if targets.contains(c) {
                    *c = to;
                }
            }
        }
    }
    // ignores: the whole cluster goes
    for ig in &al.ignore {
        let gone: Vec<usize> = (0..out.len())
            .filter(|&i| named(i, &ig.name))
            .filter_map(|i| out[i])
            .collect();
        for c in out.iter_mut() {
            if c.is_some_and(|x| gone.contains(&x)) {
                *c = None;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_round_trips() {
        let src = "[[merge]]\nnames = [\"A\", \"B\"]\n[[retype]]\nname = \"Truth Social\"\ntype = \"organization\"\n[[ignore]]\nname = \"Comment\"\n";
        let a = Aliases::parse(src).unwrap();
        assert_eq!(a.merge[0].names, vec!["A", "B"]);
        assert_eq!(a.retype[0].ty, UserType::Org);
        let again = Aliases::parse(&a.to_toml()).unwrap();
        assert_eq!(again, a);
    }

    #[test]
    fn renaming_twice_keeps_the_first_from_and_the_last_name() {
        let mut a = Aliases::default();
        let r = |from: &str, to: &str| {
            Correction::Rename(Rename {
                from: from.into(),
                to: to.into(),
            })
        };
        a.add(r("Vladmir Putin", "Putin"));
        a.add(r("Putin", "Vladimir Putin"));
        assert_eq!(
            a.rename,
            [Rename {
                from: "Vladmir Putin".into(),
                to: "Vladimir Putin".into()
            }]
        );
        // and the entity is renamed in the index
        let ix = crate::index::Index::build_with(
            crate::corpus::Corpus {
                articles: vec![crate::corpus::Article {
                    id: "a".into(),
                    text: "Vladmir Putin spoke in Moscow.".into(),
                    body: 0..30,
                    ..Default::default()
                }],
                warnings: vec![],
            },
            2025,
            &a,
        );
        assert!(
            ix.entities.iter().any(|e| e.name == "Vladimir Putin"),
            "{:?}",
            ix.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
        // back to where it started: no rename left
        a.add(r("Vladimir Putin", "Vladmir Putin"));
        assert!(a.rename.is_empty());
    }

    #[test]
    fn errors_name_the_line() {
        let e = Aliases::parse("[[retype]]\nname = \"X\"\ntype = \"planet\"\n").unwrap_err();
        assert!(e.contains("line 3"), "{e}");
        let e = Aliases::parse("\n\n[[merge]]\nnames = [\"Only\"]\n").unwrap_err();
        assert!(e.contains("line 4"), "{e}");
        let e = Aliases::parse("[[rename]]\nfrom = \"A\"\n").unwrap_err();
        assert!(e.contains("line 1") && e.contains("to"), "{e}");
        let e = Aliases::parse("[[merj]]\nnames = []\n").unwrap_err();
        assert!(e.contains("line 1"), "{e}");
    }

    #[test]
    fn clusters_split_merge_and_ignore() {
        // items: 0 "Trump" (c0), 1 "Donald Trump" (c0), 2 "Melania" (c1), 3 "Comment" (c2)
        let names = vec![
            vec!["Trump"],
            vec!["Donald Trump"],
            vec!["Melania"],
            vec!["Comment"],
        ];
        let arts = ["001", "001", "002", "003"];
        let al = Aliases {
            split: vec![Split {
                name: "trump".into(),
                article: Some("00".into()),
            }],
            merge: vec![Merge {
                names: vec!["Melania".into(), "Donald Trump".into()],
            }],
            ignore: vec![Ignore {
                name: "comment".into(),
            }],
            ..Default::default()
        };
        let out = apply_to_clusters(&al, &names, &arts, &[0, 0, 1, 2], 3);
        assert_ne!(out[0], out[1], "split off");
        assert_eq!(out[1], out[2], "merged");
        assert_eq!(out[3], None, "ignored");
    }
}
