//! Quotations: text between matching quote marks.

use std::ops::Range;

/// Byte ranges of quoted passages (the text inside the marks), at least
/// three words long, between straight or curly double quotes.
pub fn quotes(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) => open = Some((i + c.len_utf8(), '”')),
            ('"', None) => open = Some((i + 1, '"')),
            ('”', Some((s, '”'))) | ('"', Some((s, '"'))) => {
                let inner = &text[s..i];
                if inner.split_whitespace().count() >= 3 {
                    out.push(s..i);
                }
                open = None;
            }
            ('\n', Some(_)) if text[i..].starts_with("\n\n") => open = None,
            _ => {}
        }
    }
    out
}

/// A quote reduced for comparison: lower case letters and digits, single spaces.
pub fn normalize(q: &str) -> String {
    let mut s = String::with_capacity(q.len());
    for w in q.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
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
        assert_eq!(normalize("Great, progress  WAS made!"), "great progress was made");
    }
}
