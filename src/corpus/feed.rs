//! RSS, Atom and JSON Feed: one article per item.

use super::{html::html_to_text, plain::derive_title, Article, DateSource};
use std::path::Path;

pub fn looks_like_json_feed(text: &str) -> bool {
    let mut end = text.len().min(512);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].contains("jsonfeed.org")
}

/// The text of a feed decoded from another charset, its XML declaration's
/// `encoding` made UTF-8 (what the text now is).
pub fn declared_utf8(mut text: String) -> String {
    let prolog = if text.starts_with("<?xml") {
        text.find("?>").unwrap_or(0)
    } else {
        0
    };
    let Some(at) = text[..prolog].find("encoding=") else {
        return text;
    };
    let value = at + "encoding=".len();
    let Some(quote) = text[value..]
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\''))
    else {
        return text;
    };
    if let Some(len) = text[value + 1..prolog].find(quote) {
        text.replace_range(value + 1..value + 1 + len, "UTF-8");
    }
    text
}

pub fn read(path: &Path, bytes: &[u8], warnings: &mut Vec<String>) -> Vec<Article> {
    // feed-rs makes a random id for an item without guid: none here, so
    // that crossread makes a stable one (the link, else the content)
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            warnings.push(format!("skipped: not a readable RSS/Atom/JSON feed ({e})"));
            return vec![];
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = Vec::new();
    for (n, e) in feed.entries.into_iter().enumerate() {
        let raw = e
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = if raw.contains('<') {
            html_to_text(&raw)
        } else {
            raw.trim().to_string()
        };
        if text.trim().is_empty() {
            warnings.push(format!("item {}: no text; skipped", n + 1));
            continue;
        }
        let date = e.published.or(e.updated).map(|d| d.date_naive());
        let title = e
            .title
            .as_ref()
            .map(|t| html_to_text(&t.content))
            .filter(|t| !t.is_empty());
        let id = if !e.id.is_empty() {
            e.id.clone()
        } else if let Some(l) = e.links.first().filter(|l| !l.href.is_empty()) {
            l.href.clone()
        } else {
            let t = title.as_deref().unwrap_or("");
            format!("{stem}#{}", super::content_id(t, &text))
        };
        out.push(Article {
            id,
            path: path.to_path_buf(),
            title_derived: title.is_none(),
            title: title.unwrap_or_else(|| derive_title(&text)),
            outlet: outlet.clone(),
            author: e
                .authors
                .first()
                .and_then(|a| a.name.clone())
                .filter(|a| !a.is_empty()),
            url: e.links.first().map(|l| l.href.clone()),
            date,
            date_source: DateSource::Feed.if_found(date),
            body: 0..text.len(),
            text,
            meta: e
                .categories
                .iter()
                .map(|c| ("category".to_string(), c.term.clone()))
                .collect(),
            ..Default::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>http://x/1</link><guid>g1</guid><pubDate>Thu, 16 Oct 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Trump spoke.&lt;/p&gt;</description></item>
<item><title>Two</title><description>Second.</description></item></channel></rss>"#;
        let mut w = vec![];
        let a = read(Path::new("f.rss"), rss.as_bytes(), &mut w);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].title, "One");
        assert_eq!(a[0].text, "Trump spoke.");
        assert_eq!(a[0].outlet.as_deref(), Some("Wire"));
        assert_eq!(a[0].date.unwrap().to_string(), "2025-10-16");
        assert_eq!(a[0].date_source, DateSource::Feed);
        assert_eq!(a[1].date, None);
    }

    #[test]
    fn malformed_feed_is_a_warning() {
        let mut w = vec![];
        assert!(read(Path::new("f.xml"), b"<rss><channel><item>", &mut w).is_empty());
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn json_feed_sniffing_stops_on_a_char_boundary() {
        let s = "x".repeat(511) + "é and more";
        assert!(!looks_like_json_feed(&s));
    }
}
