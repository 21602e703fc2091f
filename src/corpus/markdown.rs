//! Markdown articles: front matter (YAML-like `key: value` or TOML), first heading.

use super::{parse_date, plain::derive_title, Article, DateSource};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::path::Path;

/// Splits off `---` (or `+++`) front matter: (fields, the rest).
fn front_matter(src: &str) -> (Vec<(String, String)>, &str) {
    let s = src.trim_start_matches('\u{feff}');
    for fence in ["---", "+++"] {
        let Some(rest) = s.strip_prefix(fence) else {
            continue;
        };
        let rest = rest.trim_start_matches([' ', '\t']);
        let Some(rest) = rest
            .strip_prefix('\n')
            .or_else(|| rest.strip_prefix("\r\n"))
        else {
            continue;
        };
        let close = format!("\n{fence}");
        let Some(end) = rest.find(&close) else {
            continue;
        };
        let head = &rest[..end];
        let after = &rest[end + close.len()..];
        let after = after.split_once('\n').map(|(_, r)| r).unwrap_or("");
        let fields = head
            .lines()
            .filter_map(|l| {
                let (k, v) = l.split_once(if fence == "---" { ':' } else { '=' })?;
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
                Some((k.trim().to_ascii_lowercase(), v.to_string()))
            })
            .collect();
        return (fields, after);
    }
    (vec![], s)
}

pub fn read(path: &Path, file_name: &str, src: &str, warnings: &mut Vec<String>) -> Article {
    let (fields, body) = front_matter(src);
    let get = |k: &str| {
        fields
            .iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    let mut text = String::new();
    let mut heading: Option<String> = None;
    let mut in_h1 = false;
    let mut cur_heading = String::new();
    for ev in Parser::new(body) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                in_h1 = heading.is_none() && matches!(level, HeadingLevel::H1 | HeadingLevel::H2);
                cur_heading.clear();
            }
            Event::Text(t) | Event::Code(t) => {
                text.push_str(&t);
                if in_h1 {
                    cur_heading.push_str(&t);
                }
            }
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::End(TagEnd::Heading(_)) => {
                if in_h1 {
                    heading = Some(cur_heading.trim().to_string());
                    in_h1 = false;
                }
                text.push_str("\n\n");
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            ) => text.push_str("\n\n"),
            _ => {}
        }
    }
    let text = text.trim_end().to_string();
    let raw_date = get("date");
    let date = raw_date.as_deref().and_then(parse_date);
    if let (Some(raw), None) = (&raw_date, date) {
        warnings.push(format!("date {raw:?} is not a valid date; left undated"));
    }
    let (title, title_derived) = match get("title").or(heading) {
        Some(t) => (t, false),
        None => (derive_title(&text), true),
    };
    Article {
        id: file_name.to_string(),
        path: path.to_path_buf(),
        title,
        title_derived,
        outlet: get("source")
            .or_else(|| get("outlet"))
            .or_else(|| get("site")),
        author: get("author"),
        url: get("url"),
        date,
        date_source: DateSource::Metadata.if_found(date),
        body: 0..text.len(),
        text,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_rendering() {
        let a = read(
            Path::new("a.md"),
            "a.md",
            "---\ntitle: \"Calls\"\ndate: 2025-10-16\nsource: Wire\nauthor: Ann\n---\n# Heading\n\nSome *text* here\nand [a link](http://x).\n",
            &mut vec![],
        );
        assert_eq!(a.title, "Calls");
        assert_eq!(a.date.unwrap().to_string(), "2025-10-16");
        assert_eq!(a.outlet.as_deref(), Some("Wire"));
        assert_eq!(a.text, "Heading\n\nSome text here and a link.");
    }

    #[test]
    fn first_heading_is_the_title() {
        let a = read(
            Path::new("b.md"),
            "b.md",
            "# The Title\n\nBody.",
            &mut vec![],
        );
        assert_eq!(a.title, "The Title");
        assert_eq!(a.date, None);
    }
}
