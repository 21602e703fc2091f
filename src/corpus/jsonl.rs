//! JSON Lines and JSON (one object or an array of objects).

use super::{parse_date, plain::derive_title, Article, DateSource};
use serde_json::Value;
use std::path::Path;

const TEXT_KEYS: [&str; 4] = ["text", "body", "content", "article"];
const KNOWN: [&str; 11] = [
    "id",
    "title",
    "date",
    "source",
    "url",
    "author",
    "text",
    "body",
    "content",
    "article",
    "published",
];

pub fn read_lines(path: &Path, text: &str, warnings: &mut Vec<String>) -> Vec<Article> {
    use rayon::prelude::*;
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(n, l)| (n, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    // records parsed on all cores, kept and warned about in file order
    let parsed: Vec<(Option<Article>, Vec<String>)> = lines
        .par_iter()
        .with_min_len(256)
        .map(|&(n, line)| {
            let mut w = Vec::new();
            let a = match serde_json::from_str::<Value>(line) {
                Ok(v) => record(path, &v, n + 1, &mut w),
                Err(e) => {
                    w.push(format!(
                        "line {}: invalid JSON ({e}); record skipped",
                        n + 1
                    ));
                    None
                }
            };
            (a, w)
        })
        .collect();
    let mut out = Vec::with_capacity(parsed.len());
    for (a, w) in parsed {
        warnings.extend(w);
        out.extend(a);
    }
    out
}

pub fn read_json(path: &Path, text: &str, warnings: &mut Vec<String>) -> Vec<Article> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| record(path, v, i + 1, warnings))
            .collect(),
        Ok(v @ Value::Object(_)) => record(path, &v, 1, warnings).into_iter().collect(),
        Ok(_) => {
            warnings.push("skipped: JSON is neither an object nor an array of objects".into());
            vec![]
        }
        Err(e) => {
            warnings.push(format!("skipped: invalid JSON ({e})"));
            vec![]
        }
    }
}

fn string(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One record; `n` is its line (JSON Lines) or position (JSON array).
fn record(path: &Path, v: &Value, n: usize, warnings: &mut Vec<String>) -> Option<Article> {
    if !v.is_object() {
        warnings.push(format!("record {n}: not a JSON object; skipped"));
        return None;
    }
    let Some(text) = TEXT_KEYS.iter().find_map(|k| string(v, k)) else {
        warnings.push(format!(
            "record {n}: no text (expected a \"text\", \"body\" or \"content\" field); skipped"
        ));
        return None;
    };
    let id = string(v, "id").unwrap_or_else(|| {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("{stem}:{n}")
    });
    let (title, title_derived) = match string(v, "title") {
        Some(t) => (t.trim().to_string(), false),
        None => (derive_title(&text), true),
    };
    let raw_date = string(v, "date").or_else(|| string(v, "published"));
    let date = raw_date.as_deref().and_then(parse_date);
    if let (Some(raw), None) = (&raw_date, date) {
        warnings.push(format!(
            "record {n} ({id}): date {raw:?} is not a valid date; left undated"
        ));
    }
    let mut meta = Vec::new();
    if let Value::Object(map) = v {
        for (k, val) in map {
            if KNOWN.contains(&k.as_str()) {
                continue;
            }
            let s = match val {
                Value::Null => continue,
                Value::String(s) => s.clone(),
                Value::Array(items) if items.is_empty() => continue,
                Value::Array(items) => items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| i.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            meta.push((k.clone(), s));
        }
    }
    Some(Article {
        id,
        path: path.to_path_buf(),
        title,
        title_derived,
        outlet: string(v, "source"),
        author: string(v, "author"),
        url: string(v, "url"),
        date,
        date_source: DateSource::Metadata.if_found(date),
        date_evidence: None,
        body: 0..text.len(),
        text,
        boilerplate: vec![],
        meta,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuters_like_record() {
        let mut w = vec![];
        let a = read_lines(
            Path::new("r.jsonl"),
            r#"{"id": "reuters-1", "title": "BAHIA COCOA REVIEW", "date": "1987-02-26T15:01:01.790", "source": "Reuters", "dateline": "SALVADOR, Feb 26", "author": null, "text": "Showers continued.", "places": ["brazil"]}"#,
            &mut w,
        );
        assert!(w.is_empty());
        assert_eq!(a[0].id, "reuters-1");
        assert_eq!(a[0].date.unwrap().to_string(), "1987-02-26");
        assert_eq!(a[0].outlet.as_deref(), Some("Reuters"));
        assert_eq!(a[0].meta("places"), Some("brazil"));
        assert_eq!(a[0].meta("dateline"), Some("SALVADOR, Feb 26"));
    }

    #[test]
    fn bad_lines_are_warned_and_skipped() {
        let mut w = vec![];
        let a = read_lines(
            Path::new("r.jsonl"),
            "{\"text\": \"ok\"}\n{broken\n{\"title\": \"no text\"}\n[1]\n",
            &mut w,
        );
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].id, "r:1");
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[0].starts_with("line 2"));
    }

    #[test]
    fn json_array_and_invalid_date() {
        let mut w = vec![];
        let a = read_json(
            Path::new("a.json"),
            r#"[{"body": "x", "date": "2025-02-30"}, {"content": "y"}]"#,
            &mut w,
        );
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].date, None);
        assert!(w[0].contains("2025-02-30"));
    }

    #[test]
    fn deeply_nested_json_does_not_crash() {
        let mut w = vec![];
        let deep = "[".repeat(100_000);
        assert!(read_json(Path::new("d.json"), &deep, &mut w).is_empty());
        assert_eq!(w.len(), 1);
    }
}
