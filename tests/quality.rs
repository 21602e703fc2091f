//! The quality gate: `../shared/eval/evaluate.py` scores this build's
//! `crossread extract --json` on the annotated dev sets, and every score in
//! `tests/data/quality_floors.tsv` must stay within .01 of its floor.
//! Skipped, with a message, where ../shared or python3 is absent.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

/// The table evaluate.py prints: (corpus, column) -> score. "exact" (38/38)
/// is the share of entities exactly right.
fn scores(out: &str) -> HashMap<(String, String), f64> {
    let mut lines = out.lines().skip_while(|l| !l.starts_with("corpus "));
    let head: Vec<&str> = lines.next().unwrap_or("").split_whitespace().collect();
    let mut s = HashMap::new();
    for l in lines {
        let cells: Vec<&str> = l.split_whitespace().collect();
        if cells.len() != head.len() {
            continue;
        }
        for (col, cell) in head.iter().zip(&cells).skip(1) {
            let v = match cell.split_once('/') {
                Some((a, b)) => a
                    .parse::<f64>()
                    .ok()
                    .zip(b.parse::<f64>().ok())
                    .map(|(a, b)| a / b),
                None => cell.trim_end_matches('s').parse().ok(),
            };
            if let Some(v) = v {
                s.insert((cells[0].to_string(), col.to_string()), v);
            }
        }
    }
    s
}

#[test]
fn every_score_holds_its_floor() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let eval = root.join("../shared/eval/evaluate.py");
    if !eval.exists() {
        eprintln!("skipped: {} not found", eval.display());
        return;
    }
    let out = match Command::new("python3")
        .arg(&eval)
        .args(["--bin", env!("CARGO_BIN_EXE_crossread")])
        .output()
    {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => panic!("evaluate.py failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => {
            eprintln!("skipped: python3: {e}");
            return;
        }
    };
    let got = scores(&out);
    let floors = std::fs::read_to_string(root.join("tests/data/quality_floors.tsv")).unwrap();
    let mut below = vec![];
    let mut checked = 0;
    for l in floors
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = l.split('\t').collect();
        let (corpus, col, floor) = (f[0], f[1], f[2].parse::<f64>().unwrap());
        let Some(&v) = got.get(&(corpus.to_string(), col.to_string())) else {
            below.push(format!("{corpus} {col}: no score printed"));
            continue;
        };
        checked += 1;
        if v < floor - 0.01 {
            below.push(format!("{corpus} {col}: {v:.3} < floor {floor:.3} - .01"));
        }
    }
    assert!(
        below.is_empty(),
        "below the floors:\n{}\n\n{out}",
        below.join("\n")
    );
    assert!(checked >= 20, "{checked} scores checked");
}

/// The table is read by its header, whatever the order of its columns.
#[test]
fn the_table_is_read_by_its_header() {
    let t =
        "noise\ncorpus   docs mentF1  exact  txVal  time\nseeds  5  0.998  38/38  0.933  0.07s\n";
    let s = scores(t);
    assert_eq!(s[&("seeds".into(), "mentF1".into())], 0.998);
    assert_eq!(s[&("seeds".into(), "exact".into())], 1.0);
    assert_eq!(s[&("seeds".into(), "txVal".into())], 0.933);
    assert!(!s.contains_key(&("seeds".into(), "mentF1 ".into())));
}
