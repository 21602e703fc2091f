//! Quotations: text between matching quote marks.

use std::ops::Range;

/// Byte ranges of quoted passages (the text inside the marks), at least
/// three words long, between straight or curly double quotes.
pub fn quotes(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // (start of the inside, closing mark, nesting depth of curly quotes)
    let mut open: Option<(usize, char, usize)> = None;
    let mut push = |s: usize, e: usize| {
        if text[s..e].split_whitespace().count() >= 3 {
            out.push(s..e);
        }
    };
    // only quote marks and line ends matter: jump between them
    let b = text.as_bytes();
    for i in memchr::memchr3_iter(b'"', b'\n', 0xE2, b) {
        let c = match b[i] {
            b'"' => '"',
            b'\n' => '\n',
            _ if b[i..].starts_with("“".as_bytes()) => '“',
            _ if b[i..].starts_with("”".as_bytes()) => '”',
            _ => continue,
        };
        match (c, open) {
            ('“', None) => open = Some((i + c.len_utf8(), '”', 0)),
            ('“', Some((s, '”', d))) => open = Some((s, '”', d + 1)),
            ('”', Some((s, '”', d))) if d > 0 => open = Some((s, '”', d - 1)),
            ('”', Some((s, '”', 0))) | ('"', Some((s, '"', _))) => {
                push(s, i);
                open = None;
            }
            ('"', None) => open = Some((i + 1, '"', 0)),
            ('\n', Some(_)) if text[i..].starts_with("\n\n") => open = None,
            _ => {}
        }
    }
    out
}

/// A quote reduced for comparison: lower case letters and digits, single spaces.
pub fn normalize(q: &str) -> String {
    let mut s = String::with_capacity(q.len());
    for w in q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&w.to_lowercase());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_and_curly() {
        let t = "He said \"great progress was made\" and “a very productive call” but \"no\".";
        let q: Vec<&str> = quotes(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, vec!["great progress was made", "a very productive call"]);
        let n = "“A meeting is set. We will bring this “inglorious” War to an end,” he added.";
        assert_eq!(quotes(n).len(), 1);
        assert!(n[quotes(n)[0].clone()].ends_with("end,"));
        // other marks that share the quotes' first byte (— … €) are not quotes
        let d = "A — dash… “a café – costs €5 now” and \"x\n\ny z w\" end";
        let q: Vec<&str> = quotes(d).into_iter().map(|r| &d[r]).collect();
        assert_eq!(q, vec!["a café – costs €5 now"]);
        assert_eq!(
            normalize("Great, progress  WAS made!"),
            "great progress was made"
        );
    }
}
