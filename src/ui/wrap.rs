//! Word wrapping of an article's text into byte-range lines, cached per
//! article and width, and making untrusted text safe to print.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

pub use crate::safe::{sanitize, visible};

/// Columns a character takes as shown (after `visible`).
fn width(c: char) -> usize {
    visible(c).width().unwrap_or(1)
}

/// Wraps `text[body]` to `w` columns: one range per screen line, paragraphs
/// kept, long words broken. Hard-wrapped text (newswire lines cut at 70
/// columns) is reflowed: a single line break inside a paragraph is a space
/// (the range spans it; the reader draws it as one), a blank line or an
/// indented line starts a paragraph.
pub fn wrap(text: &str, body: Range<usize>, w: usize) -> Vec<Range<usize>> {
    let w = w.max(1);
    let mut out = Vec::new();
    let mut pos = body.start;
    let region = &text[body.clone()];
    let reflow = crate::nlp::text::is_hard_wrapped(region);
    for line in paragraphs(region, reflow) {
        let lstart = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let lend = lstart + content.len();
        if content.trim().is_empty() {
            out.push(lstart..lstart);
            continue;
        }
        let mut start = lstart;
        let mut col = 0;
        let mut last_space: Option<usize> = None;
        let mut i = lstart;
        while i < lend {
            let c = text[i..].chars().next().unwrap_or(' ');
            let cw = width(c);
            // a character wider than the whole line still takes a line of its own
            if col + cw > w && col > 0 {
                let cut = match last_space {
                    Some(sp) if sp > start => sp,
                    _ => i,
                };
                out.push(start..cut);
                start = cut;
                while start < lend && text[start..].starts_with([' ', '\n', '\r']) {
                    start += 1;
                }
                i = start;
                col = 0;
                last_space = None;
                continue;
            }
            if c == ' ' || c == '\n' || c == '\r' {
                last_space = Some(i);
            }
            col += cw;
            i += c.len_utf8();
        }
        out.push(start..lend);
    }
    if out.is_empty() {
        out.push(body.start..body.start);
    }
    out
}

/// The paragraphs of a text, each with its line end: every line, or (when
/// reflowing) the runs of lines between blank or indented lines.
fn paragraphs(region: &str, reflow: bool) -> Vec<&str> {
    let lines: Vec<&str> = region.split_inclusive('\n').collect();
    if !reflow {
        return lines;
    }
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut end = 0;
    for l in lines {
        let blank = l.trim().is_empty();
        let indented = l.starts_with([' ', '\t']);
        if end > start && (blank || indented) {
            out.push(&region[start..end]);
            start = end;
        }
        end += l.len();
        if blank {
            out.push(&region[start..end]);
            start = end;
        }
    }
    if end > start {
        out.push(&region[start..end]);
    }
    out
}

/// The wrapped lines of the article on screen, recomputed only when the
/// article or the width changes.
#[derive(Default)]
pub struct Wrapped {
    key: Option<(usize, usize)>,
    lines: Vec<Range<usize>>,
}

impl Wrapped {
    pub fn lines(
        &mut self,
        article: usize,
        text: &str,
        body: Range<usize>,
        w: usize,
    ) -> &[Range<usize>] {
        if self.key != Some((article, w)) {
            self.lines = wrap(text, body, w);
            self.key = Some((article, w));
        }
        &self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_keeps_paragraphs() {
        let t = "one two three four\n\nfive";
        let l: Vec<&str> = wrap(t, 0..t.len(), 9).into_iter().map(|r| &t[r]).collect();
        assert_eq!(l, vec!["one two", "three", "four", "", "five"]);
    }

    /// Newswire text cut at 70 columns reads as paragraphs at any width;
    /// the lines are still ranges of the text as it is.
    #[test]
    fn hard_wrapped_text_is_reflowed_into_paragraphs() {
        let t = "The company said on Monday that its first quarter profit\n\
                 rose sharply, helped by higher prices for crude oil and a\n\
                 weaker dollar, and that it expected the rest of the year to\n\
                 be as strong as the first, analysts said.\n\
                 \x20   A spokesman declined to comment further on the matter\n\
                 beyond the statement issued earlier in the day by the firm.\n";
        let lines = wrap(t, 0..t.len(), 100);
        let shown: Vec<String> = lines
            .iter()
            .map(|r| t[r.clone()].replace('\n', " "))
            .collect();
        assert!(
            shown[0].starts_with("The company said on Monday that its first quarter profit rose")
        );
        assert!(shown.iter().all(|l| l.chars().count() <= 100));
        // the indented line starts a paragraph of its own
        assert!(shown
            .iter()
            .any(|l| l.trim_start().starts_with("A spokesman")));
        assert!(!shown
            .iter()
            .any(|l| l.contains("analysts said. A spokesman")));
        // every range lies in the text
        assert!(lines.iter().all(|r| r.end <= t.len()));
        // short lines of prose that end their sentences are not reflowed
        let p = "One line.\nTwo lines.\n";
        assert_eq!(wrap(p, 0..p.len(), 80), vec![0..9, 10..20]);
    }

    #[test]
    fn a_character_wider_than_the_line_does_not_loop() {
        let s = "界界 a";
        let lines = wrap(s, 0..s.len(), 1);
        assert_eq!(lines, vec![0..3, 3..6, 7..8]);
    }

    #[test]
    fn long_words_and_wide_chars() {
        let t = "abcdefghij 日本語日本語";
        for r in wrap(t, 0..t.len(), 4) {
            let w: usize = t[r].chars().map(width).sum();
            assert!(w <= 4);
        }
    }

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(sanitize("a\x1b[31mb\x07"), "a␛[31mb␇");
        assert!(!sanitize("\u{9b}2J").contains('\u{9b}'));
    }
}
