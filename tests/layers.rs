//! The modules' imports point down the pipeline, never up and never in a
//! circle: checked on the source, so a new `use` that breaks the layering
//! fails here, with the file and the import named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may import its own layer's modules
/// only if they sit earlier in the same row, and any lower layer's.
const LAYERS: &[&[&str]] = &[
    &["log", "fx", "safe", "days", "guard", "atomic"],
    &["corpus"],
    &["nlp"],
    &["index"],
    &["app"],
    &["store"],
    &["output"],
    &["ui"],
    &["cli"],
];

fn rank(m: &str) -> Option<(usize, usize)> {
    LAYERS
        .iter()
        .enumerate()
        .find_map(|(i, row)| row.iter().position(|x| *x == m).map(|j| (i, j)))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The file's code without its tests module.
fn code(p: &Path) -> String {
    let s = std::fs::read_to_string(p).unwrap();
    match s.find("#[cfg(test)]\nmod tests") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The names imported through `prefix::` (`prefix::a`, `prefix::{a, b::c}`).
fn imported(code: &str, prefix: &str) -> BTreeSet<String> {
    let word = regex::Regex::new(r"^[a-z_][a-z0-9_]*").unwrap();
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices(prefix) {
        let rest = &code[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                if let Some(m) = word.find(part.trim()) {
                    out.insert(m.as_str().to_string());
                }
            }
        } else if let Some(m) = word.find(rest) {
            out.insert(m.as_str().to_string());
        }
    }
    out
}

/// The top-level module a file belongs to (`src/app/state.rs`: app).
fn top(src: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

#[test]
fn imports_point_down_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    sources(&src, &mut files);
    let mut wrong = vec![];
    for p in &files {
        let from = top(&src, p);
        if from == "lib" || from == "main" {
            continue;
        }
        let Some(r) = rank(&from) else {
            wrong.push(format!("{}: module {from} is in no layer", p.display()));
            continue;
        };
        for to in imported(&code(p), "crate::") {
            // the crate's macros (say!, log!) sit at its root
            let to = match to.as_str() {
                "say" => "safe".to_string(),
                _ => to,
            };
            if to == from || rank(&to).is_none() && !files.iter().any(|f| top(&src, f) == to) {
                continue;
            }
            match rank(&to) {
                Some(t) if t < r => {}
                _ => wrong.push(format!("{}: {from} imports {to}", p.display())),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports up the pipeline:\n{}",
        wrong.join("\n")
    );
}

/// Within a module folder, the files' imports of each other form no cycle.
#[test]
fn no_module_folder_has_an_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for e in std::fs::read_dir(&src).unwrap().flatten() {
        let dir = e.path();
        if !dir.is_dir() {
            continue;
        }
        let pkg = dir.file_name().unwrap().to_string_lossy().to_string();
        let mods: BTreeSet<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|f| {
                f.file_name()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string()
            })
            .filter(|m| m != "mod")
            .collect();
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for m in &mods {
            let p = match dir.join(format!("{m}.rs")) {
                f if f.exists() => f,
                _ => dir.join(m).join("mod.rs"),
            };
            if !p.exists() {
                continue;
            }
            let c = code(&p);
            let mut to = imported(&c, "super::");
            to.extend(imported(&c, &format!("crate::{pkg}::")));
            to.retain(|t| mods.contains(t) && t != m);
            edges.insert(m.clone(), to);
        }
        // depth-first search for a way back
        fn back(
            edges: &BTreeMap<String, BTreeSet<String>>,
            path: &mut Vec<String>,
        ) -> Option<Vec<String>> {
            let last = path.last().unwrap().clone();
            for next in edges.get(&last).into_iter().flatten() {
                if let Some(i) = path.iter().position(|x| x == next) {
                    let mut cycle = path[i..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                path.push(next.clone());
                if let Some(c) = back(edges, path) {
                    return Some(c);
                }
                path.pop();
            }
            None
        }
        for m in edges.keys() {
            if let Some(c) = back(&edges, &mut vec![m.clone()]) {
                panic!("src/{pkg}: an import cycle: {}", c.join(" -> "));
            }
        }
    }
}
