//! Plain-text articles in the seeds' form: an optional ` date YYYY-MM-DD`
//! marker, a headline line or straight into the body, boilerplate lines.

use super::{Article, DateSource};
use chrono::NaiveDate;
use std::path::Path;

/// Lines that carry no content of the article (compared case-insensitively).
const BOILERPLATE: &[&str] = &[
    "leave a comment",
    "leave a reply",
    "photo of author",
    "advertisement",
    "share",
    "share this",
    "share this article",
    "read more",
    "related",
    "related articles",
    "subscribe",
    "click here",
    "comments",
    "print",
    "email",
    "skip to content",
    "sign up",
];

pub fn read(path: &Path, file_name: &str, text: String) -> Article {
    // a text saved from a page with its character references left in
    // ("&#163;1.8m fine", "Beyonc&#233;"): read as the page showed it
    // (offsets refer to the decoded text)
    let text = if text.contains("&#") {
        super::decode::decode_entities(&text)
    } else {
        text
    };
    let (date, body_start) = date_marker(&text);
    let mut a = Article {
        id: file_name.to_string(),
        path: path.to_path_buf(),
        date,
        date_source: DateSource::Header.if_found(date),
        body: body_start..text.len(),
        ..Default::default()
    };
    let lines = line_ranges(&text, body_start);
    let first = lines
        .iter()
        .find(|r| !text[(*r).clone()].trim().is_empty())
        .cloned();
    match first {
        Some(r) if is_headline(text[r.clone()].trim()) && r.end < text.trim_end().len() => {
            a.title = text[r].trim().to_string();
        }
        _ => {
            a.title = derive_title(&text[body_start..]);
            a.title_derived = true;
        }
    }
    let mut title_seen = false;
    for r in lines {
        let line = text[r.clone()].trim();
        if line.is_empty() {
            continue;
        }
        if !a.title_derived && line == a.title {
            if title_seen {
                a.boilerplate.push(r);
            }
            title_seen = true;
            continue;
        }
        let lower = line.to_lowercase();
        if BOILERPLATE.contains(&lower.trim_end_matches(':'))
            || (!a.title_derived && only_the_title(line, &a.title))
        {
            a.boilerplate.push(r);
        } else if a.author.is_none() {
            if let Some(name) = byline(line) {
                a.author = Some(name.to_string());
                a.boilerplate.push(r);
            }
        }
    }
    a.text = text;
    a
}

/// A line that is the headline again, quoted or repeated ("“T” “T” “T”"
/// at the foot of a page): nothing but copies of the title, quote marks
/// and spaces.
fn only_the_title(line: &str, title: &str) -> bool {
    if title.is_empty() || !line.contains(title) {
        return false;
    }
    line.split(title).all(|rest| {
        rest.chars().all(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\u{201c}'
                        | '\u{201d}'
                        | '\''
                        | '\u{2018}'
                        | '\u{2019}'
                        | ','
                        | '|'
                        | '-'
                        | '·'
                )
        })
    })
}

/// A leading ` date YYYY-MM-DD` marker: the date (None when impossible) and
/// where the body starts (after the marker and the blanks that follow it).
fn date_marker(text: &str) -> (Option<NaiveDate>, usize) {
    let t2 = text
        .trim_start_matches('\u{feff}')
        .trim_start_matches([' ', '\t']);
    let Some(rest) = t2.strip_prefix("date") else {
        return (None, 0);
    };
    let rest2 = rest.trim_start_matches([' ', '\t', ':']);
    if rest2.len() == rest.len() || rest2.len() < 10 || !rest2.is_char_boundary(10) {
        return (None, 0);
    }
    let cand = &rest2[..10];
    let b = cand.as_bytes();
    let shaped = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    if !shaped {
        return (None, 0);
    }
    let after = &rest2[10..];
    let after_trim = after.trim_start_matches([' ', '\t', '\r', '\n']);
    let end = text.len() - after_trim.len();
    (NaiveDate::parse_from_str(cand, "%Y-%m-%d").ok(), end)
}

/// Byte ranges of the lines from `start`, without their line ends.
/// CRLF and lone CR both end a line.
pub fn line_ranges(text: &str, start: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut s = start;
    let mut i = start;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            out.push(s..i);
            if b[i] == b'\r' && i + 1 < b.len() && b[i + 1] == b'\n' {
                i += 1;
            }
            s = i + 1;
        }
        i += 1;
    }
    if s < b.len() {
        out.push(s..b.len());
    }
    out
}

fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.chars().count() <= 200
        && (1..=30).contains(&words)
        && !line.ends_with('.')
        && !line.ends_with(',')
        && !line.ends_with(':')
}

/// "By Garry", "By Jane Doe and John Roe" -> the name(s).
fn byline(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))?
        .trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(*w, "and" | "&" | "de" | "van" | "von")
        });
    ok.then_some(rest)
}

/// A title made from the first sentence, cut at a word boundary when long.
pub fn derive_title(body: &str) -> String {
    let body = body.trim_start();
    let mut end = body.find(['\n', '\r']).unwrap_or(body.len());
    let bytes = body.as_bytes();
    for (i, c) in body[..end].char_indices() {
        if matches!(c, '.' | '?' | '!') && i > 20 {
            let next = bytes.get(i + 1).copied();
            if next.is_none() || next == Some(b' ') {
                end = i + 1;
                break;
            }
        }
    }
    let sentence = body[..end].trim();
    const MAX: usize = 90;
    if sentence.chars().count() <= MAX {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > 40 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> Article {
        read(Path::new("x.txt"), "x.txt", s.to_string())
    }

    #[test]
    fn date_marker_glued_to_the_body() {
        let a = read_str(" date 2025-10-16 President Trump has just concluded his call.\n\nMore.");
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2025, 10, 16));
        assert_eq!(a.date_source, DateSource::Header);
        assert!(a.text[a.body.clone()].starts_with("President Trump"));
        assert!(a.title_derived);
        assert!(!a.title.contains("date"));
    }

    /// Character references left in a text saved from a page read as the
    /// page showed them; a text with none keeps its "&" as written.
    #[test]
    fn character_references_read_as_the_page_showed_them() {
        let a = read_str("&#163;1.8m indecency fine for Viacom\n\nBeyonc&#233; &amp; Jay.\n");
        assert_eq!(a.title, "£1.8m indecency fine for Viacom");
        assert!(a.text.contains("Beyoncé & Jay."), "{}", a.text);
        let a = read_str("AT&T and Procter &amp; Gamble\n\nBody here.\n");
        assert!(a.text.contains("&amp;"), "{}", a.text);
    }

    #[test]
    fn impossible_marker_date_is_not_a_date() {
        let a = read_str("date 2025-02-30 Body text here.\n");
        assert_eq!(a.date, None);
        assert!(a.text[a.body.clone()].starts_with("Body"));
    }

    /// A headline written again at the foot of the page, quoted, four
    /// times on one line, is boilerplate (a general mechanism: any title).
    #[test]
    fn the_title_repeated_on_one_line_is_boilerplate() {
        let t = "Leaders Meet in Geneva";
        let text = format!(
            "{t}\n\nThe leaders met in Geneva on Monday.\n\n“{t}” “{t}” “{t}”\n\n{t} again, with words.\n"
        );
        let a = read(Path::new("x.txt"), "x.txt", text.clone());
        let dim: Vec<&str> = a
            .boilerplate
            .iter()
            .map(|r| text[r.clone()].trim())
            .collect();
        assert!(
            dim.contains(&format!("“{t}” “{t}” “{t}”").as_str()),
            "{dim:?}"
        );
        assert!(
            !dim.iter().any(|d| d.contains("again")),
            "a sentence with the title stays text"
        );
        assert!(only_the_title("\"T\" | \"T\"", "T"));
        assert!(!only_the_title("T said", "T"));
    }

    #[test]
    fn headline_and_boilerplate() {
        let a = read_str("Talks Expected\n\nPhoto of author\n\nBy Garry\n\nTalks Expected\n\n\"Talks Expected\"\n\nBody starts. Leave.\nLeave a Comment\n");
        assert_eq!(a.title, "Talks Expected");
        assert!(!a.title_derived);
        assert_eq!(a.author.as_deref(), Some("Garry"));
        let dim: Vec<&str> = a.boilerplate.iter().map(|r| &a.text[r.clone()]).collect();
        assert_eq!(
            dim,
            vec![
                "Photo of author",
                "By Garry",
                "Talks Expected",
                "\"Talks Expected\"",
                "Leave a Comment"
            ]
        );
    }

    #[test]
    fn long_first_line_gives_a_derived_title() {
        let t = derive_title("In a telephone conversation on Thursday (October 16), US President Donald Trump and Russian President Vladimir Putin exchanged views on a range of topics.");
        assert!(t.ends_with('…'));
        assert!(t.chars().count() <= 91);
    }

    #[test]
    fn crlf_and_lone_cr() {
        let a = read_str("Headline\r\nBody one.\rBody two.");
        assert_eq!(a.title, "Headline");
        assert_eq!(line_ranges(&a.text, 0).len(), 3);
    }
}
