//! HTML pages: the main text (not menus and footers) and the page metadata.
//! A small tolerant scanner: broken tags, scripts and iframes never reach the text.

use super::decode::decode_entities;
use super::{parse_date, plain::derive_title, Article, DateSource};
use std::path::Path;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "iframe", "svg", "template", "nav", "footer", "header", "aside",
    "form", "button", "select", "object", "embed", "canvas", "head", "menu",
];
/// Elements that end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "article",
    "section",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "table",
    "figure",
    "figcaption",
    "main",
    "dd",
    "dt",
    "hr",
];

#[derive(Default, Debug)]
struct Page {
    text: String,
    title: Option<String>,
    og_title: Option<String>,
    site: Option<String>,
    author: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

fn parse_tag(inner: &str) -> Tag<'_> {
    let closing = inner.starts_with('/');
    let s = inner.trim_start_matches('/');
    let name_end = s
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    Tag {
        name: s[..name_end].to_ascii_lowercase(),
        closing,
        self_closing: inner.ends_with('/'),
        attrs: &s[name_end..],
    }
}

/// The value of attribute `key` in an attribute string.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(key) {
        let at = from + i;
        from = at + key.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let vstart = attrs.len() - rest.len() + 1;
        let v = attrs[vstart..].trim_start();
        let (q, body) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &v[1..]),
            _ => (None, v),
        };
        let end = match q {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(body.len()),
        };
        return Some(decode_entities(&body[..end]));
    }
    None
}

fn scan(html: &str) -> Page {
    let mut page = Page::default();
    let mut out = String::new();
    let mut skip: Vec<String> = Vec::new();
    let mut in_title = false;
    let mut title = String::new();
    let mut i = 0;
    let b = html.as_bytes();
    while i < b.len() {
        if b[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i..].find("-->").map(|e| i + e + 3).unwrap_or(b.len());
                continue;
            }
            let Some(end) = html[i..].find('>') else {
                break;
            };
            let inner = html[i + 1..i + end].trim();
            i += end + 1;
            if inner.starts_with('!') || inner.starts_with('?') {
                continue;
            }
            let tag = parse_tag(inner);
            if tag.name == "title" && !tag.closing {
                in_title = true;
                continue;
            }
            if tag.name == "title" && tag.closing {
                in_title = false;
                continue;
            }
            if tag.name == "body" && !tag.closing {
                skip.retain(|n| n != "head");
            }
            if tag.name == "meta" {
                meta(&mut page, tag.attrs);
                continue;
            }
            if tag.name == "time" && !tag.closing && page.date.is_none() {
                page.date = attr(tag.attrs, "datetime");
            }
            if tag.name == "script" && !tag.closing {
                // raw text up to </script>; JSON-LD carries metadata
                let close = html[i..]
                    .to_ascii_lowercase()
                    .find("</script")
                    .map(|e| i + e)
                    .unwrap_or(b.len());
                if attr(tag.attrs, "type").is_some_and(|t| t.contains("ld+json")) {
                    json_ld(&mut page, &html[i..close]);
                }
                i = html[close..]
                    .find('>')
                    .map(|e| close + e + 1)
                    .unwrap_or(b.len());
                continue;
            }
            if tag.name == "style" && !tag.closing {
                let close = html[i..]
                    .to_ascii_lowercase()
                    .find("</style")
                    .map(|e| i + e)
                    .unwrap_or(b.len());
                i = html[close..]
                    .find('>')
                    .map(|e| close + e + 1)
                    .unwrap_or(b.len());
                continue;
            }
            if SKIP.contains(&tag.name.as_str()) && !tag.self_closing {
                if tag.closing {
                    if let Some(pos) = skip.iter().rposition(|n| *n == tag.name) {
                        skip.truncate(pos);
                    }
                } else if skip.len() < 256 {
                    skip.push(tag.name.clone());
                }
                continue;
            }
            if skip.is_empty() && BLOCK.contains(&tag.name.as_str()) {
                let nl = if matches!(tag.name.as_str(), "br" | "li" | "tr" | "dd" | "dt") {
                    "\n"
                } else {
                    "\n\n"
                };
                if !out.ends_with(nl) && !out.is_empty() {
                    while out.ends_with([' ', '\n']) {
                        out.pop();
                    }
                    out.push_str(nl);
                }
            }
            continue;
        }
        let next = html[i..].find('<').map(|e| i + e).unwrap_or(b.len());
        let chunk = decode_entities(&html[i..next]);
        if in_title {
            title.push_str(&chunk);
        } else if skip.is_empty() {
            for w in chunk.split(char::is_whitespace) {
                if w.is_empty() {
                    if !out.ends_with([' ', '\n']) && !out.is_empty() {
                        out.push(' ');
                    }
                    continue;
                }
                out.push_str(w);
                out.push(' ');
            }
            if !chunk.ends_with(char::is_whitespace) && out.ends_with(' ') {
                out.pop();
            }
        }
        i = next;
    }
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    page.title = (!t.is_empty()).then_some(t);
    page.text = out
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string();
    page
}

fn meta(page: &mut Page, attrs: &str) {
    let key = attr(attrs, "property")
        .or_else(|| attr(attrs, "name"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some(content) = attr(attrs, "content") else {
        return;
    };
    match key.as_str() {
        "og:title" | "twitter:title" => page.og_title = page.og_title.take().or(Some(content)),
        "og:site_name" | "application-name" => page.site = page.site.take().or(Some(content)),
        "author" | "article:author" => page.author = page.author.take().or(Some(content)),
        "article:published_time" | "date" | "pubdate" | "dc.date" | "publish-date" => {
            page.date = page.date.take().or(Some(content))
        }
        "og:url" => page.url = page.url.take().or(Some(content)),
        _ => {}
    }
}

fn json_ld(page: &mut Page, src: &str) {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(src.trim()) else {
        return;
    };
    let items = match &v {
        serde_json::Value::Array(a) => a.iter().collect::<Vec<_>>(),
        _ => vec![&v],
    };
    for item in items {
        if let Some(d) = item.get("datePublished").and_then(|d| d.as_str()) {
            page.date.get_or_insert_with(|| d.to_string());
        }
        if let Some(h) = item.get("headline").and_then(|d| d.as_str()) {
            page.og_title.get_or_insert_with(|| h.to_string());
        }
        let name = |k: &str| {
            item.get(k)
                .and_then(|a| a.get("name").or(a.get(0).and_then(|x| x.get("name"))))
        };
        if let Some(a) = name("author").and_then(|a| a.as_str()) {
            page.author.get_or_insert_with(|| a.to_string());
        }
        if let Some(p) = name("publisher").and_then(|a| a.as_str()) {
            page.site.get_or_insert_with(|| p.to_string());
        }
    }
}

/// The readable text of an HTML fragment or page.
pub fn html_to_text(html: &str) -> String {
    main_part(html)
        .map(|m| scan(m).text)
        .filter(|t| t.len() > 200)
        .unwrap_or_else(|| scan(html).text)
}

/// The content of `<article>` or `<main>`, when the page has one.
fn main_part(html: &str) -> Option<&str> {
    let lower = html.to_ascii_lowercase();
    for tag in ["article", "main"] {
        if let (Some(s), Some(e)) = (
            lower.find(&format!("<{tag}")),
            lower.rfind(&format!("</{tag}>")),
        ) {
            if s < e {
                let s = html[s..].find('>').map(|x| s + x + 1)?;
                if s <= e && html.is_char_boundary(s) && html.is_char_boundary(e) {
                    return Some(&html[s..e]);
                }
            }
        }
    }
    None
}

pub fn read(path: &Path, file_name: &str, html: &str, warnings: &mut Vec<String>) -> Article {
    let page = scan(html);
    let text = html_to_text(html);
    let date = page.date.as_deref().and_then(parse_date);
    if let (Some(raw), None) = (&page.date, date) {
        warnings.push(format!("date {raw:?} is not a valid date; left undated"));
    }
    let (title, title_derived) = match page.og_title.clone().or(page.title.clone()) {
        Some(t) => (t, false),
        None => (derive_title(&text), true),
    };
    Article {
        id: file_name.to_string(),
        path: path.to_path_buf(),
        title,
        title_derived,
        outlet: page.site,
        author: page.author,
        url: page.url,
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

    const PAGE: &str = r#"<!doctype html><html><head><title>Site | Talks</title>
<meta property="og:title" content="Talks &amp; more"><meta property="og:site_name" content="Daily">
<meta property="article:published_time" content="2025-10-16T08:00:00Z">
<script>var x = "<p>not text</p>";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> Menu</nav><iframe src="x">frame</iframe>
<article><h1>Talks</h1><p>Trump and Putin spoke&nbsp;on &#8220;Thursday&#8221;.</p><p>Second <b>para</b>graph.
</p></article><footer>Copyright</footer><div><p>broken <b</div></body></html>"#;

    #[test]
    fn main_text_and_metadata() {
        let a = read(Path::new("p.html"), "p.html", PAGE, &mut vec![]);
        assert_eq!(a.title, "Talks & more");
        assert_eq!(a.outlet.as_deref(), Some("Daily"));
        assert_eq!(a.date.unwrap().to_string(), "2025-10-16");
        assert!(
            a.text.contains("Trump and Putin spoke on “Thursday”."),
            "{}",
            a.text
        );
        assert!(a.text.contains("Second paragraph."));
        for bad in ["not text", "Menu", "frame", "Copyright", "p{}"] {
            assert!(!a.text.contains(bad), "{bad} leaked: {}", a.text);
        }
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<",
            "<a",
            "<<<>>>",
            "&#xFFFFFFFF;",
            "<script>",
            "<p>é<",
            "&",
            "<meta content=",
            "<time datetime='2025-99-99'>",
        ] {
            let _ = read(Path::new("b.html"), "b.html", s, &mut vec![]);
        }
    }

    #[test]
    fn json_ld_dates() {
        let a = read(
            Path::new("j.html"),
            "j.html",
            r#"<script type="application/ld+json">{"datePublished": "2024-01-02", "headline": "H", "author": {"name": "Ann"}}</script><p>Body.</p>"#,
            &mut vec![],
        );
        assert_eq!(a.date.unwrap().to_string(), "2024-01-02");
        assert_eq!(a.author.as_deref(), Some("Ann"));
        assert_eq!(a.title, "H");
    }

    #[test]
    fn entities_next_to_multibyte_characters_found_by_fuzzing() {
        // crash-3eade57c: "&" followed by replacement characters
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fuzz_regressions/read_html-3eade57c.html"
        ))
        .unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let _ = read(Path::new("c.html"), "c.html", &text, &mut vec![]);
        assert_eq!(
            decode_entities("&\u{fffd}\u{fffd}\u{fffd}\u{fffd}x"),
            "&\u{fffd}\u{fffd}\u{fffd}\u{fffd}x"
        );
    }
}
