//! What the views share: text made safe and fitted to a width, a pane's
//! frame, a name's colour, a wrapped line of an article with its marks.

use super::theme::Theme;
use super::wrap::sanitize;
use crate::index::Index;
use crate::nlp::EntityType;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

/// First visible row of a list whose selection must stay in view.
pub fn list_offset(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

pub fn one_line(s: &str) -> String {
    sanitize(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

pub fn truncate(s: &str, w: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            if !out.is_empty() {
                out.pop();
                out.push('…');
            }
            return out;
        }
        used += cw;
        out.push(c);
    }
    out
}

pub fn date_label(th: &Theme, d: Option<chrono::NaiveDate>) -> String {
    use unicode_width::UnicodeWidthStr;
    let probe = chrono::NaiveDate::from_ymd_opt(2025, 10, 16)
        .map(|p| p.format(&th.date_format).to_string())
        .unwrap_or_default();
    match d {
        Some(d) => d.format(&th.date_format).to_string(),
        None => format!("{:<w$}", "undated", w = probe.width().max(7)),
    }
}

pub fn block<'a>(title: &'a str, focused: bool, th: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(if focused { th.focus_border } else { th.border })
}

pub fn type_style(th: &Theme, t: EntityType) -> Style {
    match t {
        EntityType::Person => th.person,
        EntityType::Org => th.org,
        EntityType::Place => th.place,
        EntityType::Other => th.other,
    }
}

/// One wrapped line of an article with its mentions, marks and boilerplate styled.
pub fn styled_line(
    ix: &Index,
    article: usize,
    marks: &[std::ops::Range<usize>],
    th: &Theme,
    r: std::ops::Range<usize>,
    focused: Option<std::ops::Range<usize>>,
) -> Line<'static> {
    let a = &ix.articles[article];
    let an = &ix.analyses[article];
    let text = &a.text;
    let first = an.mentions.partition_point(|m| m.range.end <= r.start);
    let ments: Vec<(usize, &crate::nlp::Mention)> = an
        .mentions
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, m)| m.range.start < r.end)
        .collect();
    let mut cuts = vec![r.start, r.end];
    for (_, m) in &ments {
        cuts.push(m.range.start.clamp(r.start, r.end));
        cuts.push(m.range.end.clamp(r.start, r.end));
    }
    for m in marks {
        cuts.push(m.start.clamp(r.start, r.end));
        cuts.push(m.end.clamp(r.start, r.end));
    }
    for b in &a.boilerplate {
        cuts.push(b.start.clamp(r.start, r.end));
        cuts.push(b.end.clamp(r.start, r.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for w in cuts.windows(2) {
        let (x, y) = (w[0], w[1]);
        if x >= y || !text.is_char_boundary(x) || !text.is_char_boundary(y) {
            continue;
        }
        let mut st = th.text;
        if a.is_boilerplate(x) {
            st = th.dim;
        }
        if let Some((mi, _)) = ments
            .iter()
            .find(|(_, m)| m.range.start <= x && x < m.range.end)
        {
            let e = &ix.entities[ix.mention_entity[article][*mi] as usize];
            st = type_style(th, e.ty);
        }
        if marks.iter().any(|m| m.start <= x && x < m.end) {
            st = st.patch(th.mark);
        }
        if focused.as_ref().is_some_and(|f| f.start <= x && x < f.end) {
            st = st.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        // (a line break inside a reflowed paragraph is a space)
        spans.push(Span::styled(
            sanitize(&text[x..y].replace(['\n', '\r'], " ")),
            st,
        ));
    }
    Line::from(spans)
}

pub fn popup(area: Rect, pw: u16, ph: u16) -> Rect {
    let w = (area.width * pw / 100).max(20).min(area.width);
    let h = (area.height * ph / 100).max(5).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// An input line with its cursor: the character under it shown reversed
/// (a block at the end).
pub fn with_cursor(l: &crate::app::line::TextLine, style: Style) -> Vec<Span<'static>> {
    let (before, after) = l.split();
    let mut rest = after.chars();
    let under = rest
        .next()
        .map_or(" ".to_string(), |c| sanitize(&c.to_string()));
    vec![
        Span::styled(sanitize(before), style),
        Span::styled(under, style.add_modifier(Modifier::REVERSED)),
        Span::styled(sanitize(rest.as_str()), style),
    ]
}

/// Words of `s` in lines of at most `w` columns (a word longer than a line
/// takes a line of its own).
pub fn wrap_words(s: &str, w: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut out = vec![String::new()];
    for word in s.split_whitespace() {
        let last = out.last_mut().expect("one line at least");
        if !last.is_empty() && last.width() + 1 + word.width() > w {
            out.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    out
}
