//! Text from articles, file names and user files never reaches a terminal
//! raw: one sanitizer for everything crossread prints. An article holding
//! ESC, BEL, C1 controls or bidirectional overrides could otherwise set the
//! terminal's title, write to its clipboard (OSC 52) or reorder what a user
//! reads.

use std::borrow::Cow;

/// How a character is shown: control characters as visible symbols (the
/// Unicode control pictures: ␛ for ESC), C1 controls as �, invisible format
/// and direction characters as a middle dot.
pub fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{7f}' => '␡',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
        c if is_c1(c) => '�',
        c if is_invisible_format(c) => '·',
        c => c,
    }
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// Zero-width and direction characters (U+202E reverses what follows).
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn needs_care(c: char) -> bool {
    (c as u32) < 0x20 || c == '\u{7f}' || is_c1(c) || is_invisible_format(c)
}

/// One line's worth of text, every control character made visible.
pub fn sanitize(s: &str) -> String {
    s.chars().map(visible).collect()
}

/// Text output of many lines: line breaks and tabs kept (they are its
/// layout), every other control character made visible.
pub fn sanitize_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && c != '\t' && needs_care(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if c == '\n' || c == '\t' {
                    c
                } else {
                    visible(c)
                }
            })
            .collect(),
    )
}

/// JSON output with the characters that JSON allows raw but a terminal
/// obeys (DEL, C1 controls, direction and zero-width characters) written as
/// `\uXXXX` escapes: the same JSON value, nothing lost, nothing obeyed.
/// (serde_json already escapes the C0 controls; these can only stand
/// inside strings, so escaping them anywhere is safe.)
pub fn escape_json(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| (c as u32) >= 0x7f && needs_care(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if (c as u32) >= 0x7f && needs_care(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A message on stderr, sanitized: `say!("{}: {e}", path.display())`.
#[macro_export]
macro_rules! say {
    ($($t:tt)*) => {
        eprintln!("{}", $crate::safe::sanitize_lines(&format!($($t)*)))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\x1b]0;owned\x07b\x1b]52;c;ZXZpbA==\x07c\u{9b}31md\u{202e}e\0f\x7fg";

    fn nothing_raw(s: &str) {
        assert!(
            !s.chars().any(|c| c != '\n' && c != '\t' && needs_care(c)),
            "{s:?}"
        );
    }

    #[test]
    fn text_keeps_its_lines_and_shows_every_control() {
        let src = format!("{HOSTILE}\n\tnext");
        let out = sanitize_lines(&src);
        nothing_raw(&out);
        assert!(out.contains("␛]0;owned␇"), "{out}");
        assert!(out.ends_with("\n\tnext"));
        assert!(matches!(sanitize_lines("plain\ntext"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_stays_the_same_value_with_nothing_raw() {
        let v = serde_json::json!({ "text": HOSTILE });
        let raw = serde_json::to_string(&v).unwrap();
        let safe = escape_json(&raw);
        nothing_raw(&safe);
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v, "lossless");
    }
}
