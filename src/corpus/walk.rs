//! Expanding the paths given into the files to read.

use super::{format_of, Format, Warning};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Files under the given paths, in a stable order. Hidden entries inside
/// folders are skipped; symlink loops are detected; a file named explicitly
/// is read whatever its extension looks like (as text when unknown).
pub fn files(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Vec<(PathBuf, Format)> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk_dir(p, &mut out, &mut seen_dirs, warnings, 0),
            Ok(m) if m.is_file() => out.push((p.clone(), format_of(p).unwrap_or(Format::Text))),
            Ok(m) => warnings.push(not_a_file(p, &m)),
            Err(e) => warnings.push(Warning {
                path: p.clone(),
                message: format!("skipped: {e}"),
            }),
        }
    }
    out
}

/// Only regular files are read: a FIFO would wait for a writer forever, a
/// device (/dev/zero) never ends, a socket cannot be read.
fn not_a_file(p: &Path, m: &std::fs::Metadata) -> Warning {
    use std::os::unix::fs::FileTypeExt;
    let t = m.file_type();
    let kind = if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    };
    Warning {
        path: p.into(),
        message: format!("skipped: {kind}, not a file"),
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .map(|n| n.to_string_lossy().starts_with('.'))
        .unwrap_or(false)
}

fn walk_dir(
    dir: &Path,
    out: &mut Vec<(PathBuf, Format)>,
    seen: &mut HashSet<PathBuf>,
    warnings: &mut Vec<Warning>,
    depth: usize,
) {
    let canon = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canon) {
        warnings.push(Warning {
            path: dir.into(),
            message: "skipped: folder already read (symlink loop?)".into(),
        });
        return;
    }
    if depth > 64 {
        warnings.push(Warning {
            path: dir.into(),
            message: "skipped: folders nested too deep".into(),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            warnings.push(Warning {
                path: dir.into(),
                message: format!("skipped: cannot list folder ({e})"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if is_hidden(&p) {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk_dir(&p, out, seen, warnings, depth + 1),
            Ok(m) if m.is_file() => {
                if let Some(f) = format_of(&p) {
                    out.push((p, f));
                }
            }
            Ok(m) => {
                if format_of(&p).is_some() {
                    warnings.push(not_a_file(&p, &m));
                }
            }
            Err(e) => warnings.push(Warning {
                path: p,
                message: format!("skipped: {e}"),
            }),
        }
    }
}
