//! JSON Lines and JSON (one object or an array of objects).

use super::{parse_date, plain::derive_title, Article, DateSource};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::borrow::Cow;
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
            let a = match serde_json::from_str::<Fields>(line) {
                Ok(f) => record(path, f, n + 1, &mut w),
                Err(e) if e.classify() == serde_json::error::Category::Data => {
                    w.push(format!("record {}: not a JSON object; skipped", n + 1));
                    None
                }
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
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Value::Object(map) => record(path, Fields::from(map), i + 1, warnings),
                _ => {
                    warnings.push(format!("record {}: not a JSON object; skipped", i + 1));
                    None
                }
            })
            .collect(),
        Ok(Value::Object(map)) => record(path, Fields::from(map), 1, warnings)
            .into_iter()
            .collect(),
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

/// A record's fields as written, strings borrowed from the line where they
/// have no escapes: no tree of values and no second copy of the text.
struct Fields<'a>(Vec<(Cow<'a, str>, Field<'a>)>);

enum Field<'a> {
    Str(Cow<'a, str>),
    Null,
    /// numbers, booleans, arrays and objects
    Other(Value),
}

impl From<serde_json::Map<String, Value>> for Fields<'_> {
    fn from(map: serde_json::Map<String, Value>) -> Self {
        Fields(
            map.into_iter()
                .map(|(k, v)| {
                    let f = match v {
                        Value::String(s) => Field::Str(Cow::Owned(s)),
                        Value::Null => Field::Null,
                        v => Field::Other(v),
                    };
                    (Cow::Owned(k), f)
                })
                .collect(),
        )
    }
}

impl<'a> Fields<'a> {
    /// The last value of a key (as a map would keep it), taken out: a
    /// non-blank string, or a number as written.
    fn take(&mut self, key: &str) -> Option<String> {
        let (_, f) = self.0.iter_mut().rev().find(|(k, _)| k == key)?;
        match f {
            Field::Str(s) if !s.trim().is_empty() => {
                Some(std::mem::replace(s, Cow::Borrowed("")).into_owned())
            }
            Field::Other(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    }

    /// The other fields, one per key (the last), in key order.
    fn meta(self) -> Vec<(String, String)> {
        let mut seen: Vec<Cow<str>> = Vec::with_capacity(self.0.len());
        let mut meta = Vec::new();
        for (k, f) in self.0.into_iter().rev() {
            if KNOWN.contains(&k.as_ref()) || seen.contains(&k) {
                continue;
            }
            seen.push(k.clone());
            let s = match f {
                Field::Null => continue,
                Field::Str(s) => s.into_owned(),
                Field::Other(Value::Array(items)) if items.is_empty() => continue,
                Field::Other(Value::Array(items)) => items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| i.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                Field::Other(other) => other.to_string(),
            };
            meta.push((k.into_owned(), s));
        }
        meta.sort_by(|a, b| a.0.cmp(&b.0));
        meta
    }
}

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Fields<'de>, A::Error> {
                // records have a dozen fields or so: no growing on the way
                let mut v = Vec::with_capacity(m.size_hint().unwrap_or(16));
                while let Some(k) = m.next_key::<Key<'de>>()? {
                    v.push((k.0, m.next_value::<Field<'de>>()?));
                }
                Ok(Fields(v))
            }
        }
        d.deserialize_map(V)
    }
}

struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // JSON keys are strings: read as a field, borrowed where they can be
        match Field::deserialize(d)? {
            Field::Str(s) => Ok(Key(s)),
            _ => Err(serde::de::Error::custom("a key that is not a string")),
        }
    }
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Field<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Owned(s)))
            }
            fn visit_unit<E>(self) -> Result<Field<'de>, E> {
                Ok(Field::Null)
            }
            fn visit_none<E>(self) -> Result<Field<'de>, E> {
                Ok(Field::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Bool(b)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Field<'de>, A::Error> {
                Value::deserialize(SeqAccessDeserializer::new(s)).map(Field::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Field<'de>, A::Error> {
                Value::deserialize(MapAccessDeserializer::new(m)).map(Field::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// One record; `n` is its line (JSON Lines) or position (JSON array).
fn record(path: &Path, mut f: Fields, n: usize, warnings: &mut Vec<String>) -> Option<Article> {
    let Some(text) = TEXT_KEYS.iter().find_map(|k| f.take(k)) else {
        warnings.push(format!(
            "record {n}: no text (expected a \"text\", \"body\" or \"content\" field); skipped"
        ));
        return None;
    };
    let given_id = f.take("id");
    let (title, title_derived) = match f.take("title") {
        Some(t) => (t.trim().to_string(), false),
        None => (derive_title(&text), true),
    };
    // without an id, one from the record's content: not its line, which
    // moves when a record is added above it
    let id = given_id.unwrap_or_else(|| {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("{stem}:{}", super::content_id(&title, &text))
    });
    // a title with HTML's character references ("&#163;1.8m fine") reads
    // as its characters (the id, made above, keeps the title as written)
    let title = if title.contains('&') {
        super::decode::decode_entities(&title)
    } else {
        title
    };
    let raw_date = f.take("date").or_else(|| f.take("published"));
    let date = raw_date.as_deref().and_then(parse_date);
    if let (Some(raw), None) = (&raw_date, date) {
        warnings.push(format!(
            "record {n} ({id}): date {raw:?} is not a valid date; left undated"
        ));
    }
    let outlet = f.take("source");
    let author = f.take("author");
    let url = f.take("url");
    Some(Article {
        id,
        path: path.to_path_buf(),
        title,
        title_derived,
        outlet,
        author,
        url,
        date,
        date_source: DateSource::Metadata.if_found(date),
        date_evidence: None,
        body: 0..text.len(),
        text,
        boilerplate: vec![],
        meta: f.meta(),
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

    /// A title's character references read as their characters; the text,
    /// whose offsets are the coordinates, is as written; the id of a
    /// record without one stays that of the title as written.
    #[test]
    fn a_title_s_character_references_are_decoded() {
        let mut w = vec![];
        let line =
            r#"{"title": "&#163;1.8m fine for AT&T &amp; Viacom", "text": "It paid &#163;1.8m."}"#;
        let a = read_lines(Path::new("r.jsonl"), line, &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a[0].title, "£1.8m fine for AT&T & Viacom");
        assert_eq!(a[0].text, "It paid &#163;1.8m.");
        let raw = "&#163;1.8m fine for AT&T &amp; Viacom";
        assert_eq!(
            a[0].id,
            format!(
                "r:{}",
                crate::corpus::content_id(raw, "It paid &#163;1.8m.")
            )
        );
    }

    #[test]
    fn escapes_repeated_keys_and_numbers() {
        let mut w = vec![];
        let a = read_lines(
            Path::new("r.jsonl"),
            r#"{"id": 7, "text": "", "body": "He said \"no\".\nNext", "zone": "b", "tag": "x", "tag": "y", "n": [1, "two"], "ok": true, "none": null}"#,
            &mut w,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a[0].id, "7");
        assert_eq!(
            a[0].text, "He said \"no\".\nNext",
            "a blank text falls to body"
        );
        assert_eq!(a[0].meta("tag"), Some("y"), "the last of a repeated key");
        let keys: Vec<&str> = a[0].meta.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(keys, ["n", "ok", "tag", "zone"]);
        assert_eq!(a[0].meta("n"), Some("1, two"));
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
        assert!(a[0].id.starts_with("r:"), "a content id: {}", a[0].id);
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
