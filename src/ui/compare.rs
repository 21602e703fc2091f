//! The compare view: two articles in two columns, sentences aligned row by
//! row, a marker per sentence, shared quotes highlighted, and a header with
//! what the two share and where they differ.

use super::text::{one_line, styled_line, truncate, type_style};
use super::theme::Theme;
use super::wrap::wrap;
use crate::app::CompareView;
use crate::index::compare::{Comparison, Mark};
use crate::index::Index;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;
use std::ops::Range;

fn mark_style(th: &Theme, m: Mark) -> Style {
    match m {
        Mark::Shared => th.place,
        Mark::Reworded => th.person,
        Mark::Only => th.other,
    }
    .add_modifier(Modifier::BOLD)
}

/// The lines of one side of a row: marker, then the wrapped sentence.
fn side_lines(
    ix: &Index,
    th: &Theme,
    article: usize,
    sent: Option<(&crate::index::compare::Sent, Vec<Range<usize>>)>,
    w: usize,
    selected: bool,
) -> Vec<Line<'static>> {
    let Some((st, quotes)) = sent else {
        return vec![];
    };
    let text = &ix.articles[article].text;
    let lines = wrap(text, st.range.clone(), w.saturating_sub(2).max(1));
    lines
        .into_iter()
        .enumerate()
        .map(|(k, r)| {
            let mut marker = Style::default();
            if selected {
                marker = th.selected;
            }
            let head = if k == 0 {
                Span::styled(
                    format!("{} ", st.mark.symbol()),
                    mark_style(th, st.mark).patch(marker),
                )
            } else {
                Span::styled("  ", marker)
            };
            let mut l = styled_line(ix, article, &quotes, th, r, None);
            l.spans.insert(0, head);
            l
        })
        .collect()
}

fn names(ix: &Index, th: &Theme, label: &str, v: &[u32], w: usize) -> Line<'static> {
    let mut spans = vec![Span::styled(format!("{label:<8}"), th.dim)];
    let mut used = 8;
    for (k, &e) in v.iter().enumerate() {
        let e = &ix.entities[e as usize];
        let sep = if k == 0 { "" } else { ", " };
        let need = sep.len() + e.name.chars().count();
        if used + need + 6 > w {
            spans.push(Span::styled(format!("{sep}+{} more", v.len() - k), th.dim));
            break;
        }
        spans.push(Span::raw(sep.to_string()));
        spans.push(Span::styled(one_line(&e.name), type_style(th, e.ty)));
        used += need;
    }
    if v.is_empty() {
        spans.push(Span::styled("none", th.dim));
    }
    Line::from(spans)
}

fn header(ix: &Index, th: &Theme, c: &Comparison, w: usize) -> Vec<Line<'static>> {
    let art = |label: &str, a: usize| {
        let x = &ix.articles[a];
        let date = match x.date {
            Some(d) => d.to_string(),
            None => "undated".into(),
        };
        let outlet = x
            .outlet
            .clone()
            .map(|o| format!("{o} · "))
            .unwrap_or_default();
        Line::from(vec![
            Span::styled(format!("{label} "), th.title),
            Span::styled(format!("{date} · {outlet}"), th.dim),
            Span::styled(
                truncate(&one_line(&x.title), w.saturating_sub(16 + outlet.len())),
                th.title,
            ),
        ])
    };
    let mut facts = format!(
        "{} · {:.0}% of sentences have a counterpart · {} shared quote{}",
        c.relation.label(),
        c.aligned * 100.0,
        c.quotes.len(),
        if c.quotes.len() == 1 { "" } else { "s" }
    );
    for d in c.date_diffs.iter().take(2) {
        facts.push_str(&format!(
            " · dates differ: A {} / B {}",
            d.a_values.join(","),
            d.b_values.join(",")
        ));
    }
    vec![
        art("A", c.a),
        art("B", c.b),
        Line::from(Span::styled(truncate(&facts, w), th.text)),
        names(ix, th, "shared", &c.shared_entities, w),
        names(ix, th, "only A", &c.only_a, w),
        names(ix, th, "only B", &c.only_b, w),
        Line::from(vec![
            Span::styled("= ", mark_style(th, Mark::Shared)),
            Span::styled("shared  ", th.dim),
            Span::styled("~ ", mark_style(th, Mark::Reworded)),
            Span::styled("reworded  ", th.dim),
            Span::styled("+ ", mark_style(th, Mark::Only)),
            Span::styled("only in this article  ", th.dim),
            Span::styled("quote", th.mark),
            Span::styled(" carried by both", th.dim),
        ]),
    ]
}

/// Draws the view; returns its first row shown (moved to keep the selected
/// row in view).
pub fn draw(f: &mut Frame, v: &CompareView, ix: &Index, th: &Theme, area: Rect) -> usize {
    let cmp = &v.cmp;
    let row = v.row.min(cmp.rows.len().saturating_sub(1));
    let mut top = v.top;
    f.render_widget(Clear, area);
    let b = Block::default()
        .borders(Borders::ALL)
        .title(" Compare (Esc closes, j/k move both, Enter reads) ")
        .border_style(th.focus_border);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let w = inner.width as usize;
    let head = header(ix, th, cmp, w);
    let head_h = (head.len() as u16 + 1).min(inner.height);
    f.render_widget(
        Paragraph::new(head),
        Rect::new(inner.x, inner.y, inner.width, head_h.saturating_sub(1)),
    );
    let body = Rect::new(
        inner.x,
        inner.y + head_h,
        inner.width,
        inner.height.saturating_sub(head_h),
    );
    if body.height == 0 || body.width < 7 {
        return top;
    }
    let col_w = (body.width as usize - 3) / 2;
    let quotes_a: Vec<Range<usize>> = cmp.quotes.iter().map(|q| q.a.clone()).collect();
    let quotes_b: Vec<Range<usize>> = cmp.quotes.iter().map(|q| q.b.clone()).collect();
    let row_lines = |k: usize, sel: bool| {
        let (i, j) = (cmp.rows[k].a, cmp.rows[k].b);
        // a pair told in other words: the words each side changed, marked
        let (mut ma, mut mb) = (quotes_a.clone(), quotes_b.clone());
        if let (Some(i), Some(j)) = (i, j) {
            let reworded =
                cmp.a_sents[i].mark == Mark::Reworded || cmp.b_sents[j].mark == Mark::Reworded;
            if cmp.rows[k].paired && reworded {
                let (da, db) = crate::index::compare::differing_words(
                    ix,
                    (cmp.a, &cmp.a_sents[i].range),
                    (cmp.b, &cmp.b_sents[j].range),
                );
                ma.extend(da);
                mb.extend(db);
            }
        }
        let left = side_lines(ix, th, cmp.a, i.map(|i| (&cmp.a_sents[i], ma)), col_w, sel);
        let right = side_lines(ix, th, cmp.b, j.map(|j| (&cmp.b_sents[j], mb)), col_w, sel);
        (left, right)
    };
    // keep the selected row in view: rows have different heights
    let h = body.height as usize;
    if row < top {
        top = row;
    }
    loop {
        let used: usize = (top..=row)
            .map(|k| {
                let (l, r) = row_lines(k, false);
                l.len().max(r.len()) + 1
            })
            .sum();
        if used <= h || top >= row {
            break;
        }
        top += 1;
    }
    let mut left_out: Vec<Line> = Vec::new();
    let mut right_out: Vec<Line> = Vec::new();
    let mut k = top;
    while k < cmp.rows.len() && left_out.len() < h {
        let (mut l, mut r) = row_lines(k, k == row);
        let n = l.len().max(r.len());
        l.resize(n + 1, Line::default());
        r.resize(n + 1, Line::default());
        left_out.extend(l);
        right_out.extend(r);
        k += 1;
    }
    left_out.truncate(h);
    right_out.truncate(h);
    let gutter: Vec<Line> = (0..h)
        .map(|_| Line::from(Span::styled(" │ ", th.border)))
        .collect();
    f.render_widget(
        Paragraph::new(left_out),
        Rect::new(body.x, body.y, col_w as u16, body.height),
    );
    f.render_widget(
        Paragraph::new(gutter),
        Rect::new(body.x + col_w as u16, body.y, 3, body.height),
    );
    f.render_widget(
        Paragraph::new(right_out),
        Rect::new(body.x + col_w as u16 + 3, body.y, col_w as u16, body.height),
    );
    top
}
