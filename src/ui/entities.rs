//! The entity panel and the entities view.

use super::text::*;
use super::theme::Theme;
use super::wrap::sanitize;
use crate::index::{search, Index};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn panel(f: &mut Frame, ix: &Index, th: &Theme, area: Rect, entity: u32, row: usize) {
    let r = popup(area, 90, 85);
    f.render_widget(Clear, r);
    let e = &ix.entities[entity as usize];
    let b = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", sanitize(&e.name)))
        .border_style(th.focus_border);
    let inner = b.inner(r);
    f.render_widget(b, r);
    let w = inner.width as usize;
    // the type and why, the why wrapped (the model's three reasons are long),
    // two lines at most
    let label = e.ty.label().to_string();
    let lead = unicode_width::UnicodeWidthStr::width(label.as_str()) + 4;
    let why = wrap_words(
        &sanitize(&e.evidence.describe()),
        w.saturating_sub(lead).max(10),
    );
    let mut lines = vec![Line::from(vec![
        Span::styled(label, type_style(th, e.ty)),
        Span::styled(format!("  — {}", why[0]), th.dim),
    ])];
    if why.len() > 1 {
        let rest = truncate(&why[1..].join(" "), w.saturating_sub(lead));
        lines.push(Line::from(Span::styled(
            format!("{}{rest}", " ".repeat(lead)),
            th.dim,
        )));
    }
    lines.push(Line::from(truncate(
        &format!("also written: {}", sanitize(&e.aliases.join(", "))),
        w,
    )));
    // a surname on its own: whom it may be
    let may_be = ix.may_be(entity);
    if !may_be.is_empty() {
        let who: Vec<String> = may_be
            .iter()
            .map(|&(id, n)| {
                format!(
                    "{} ({})",
                    sanitize(&ix.entities[id as usize].name),
                    crate::app::counted(n, "article")
                )
            })
            .collect();
        lines.push(Line::from(vec![
            Span::styled(
                truncate(
                    &format!("may be: {}", who.join(" · ")),
                    w.saturating_sub(14),
                ),
                th.text,
            ),
            Span::styled("   M: merge", th.dim),
        ]));
    }
    lines.extend([
        Line::from(format!(
            "{} in {}   (enter: go there · M merge · S split · R rename · T type · X ignore)",
            crate::app::counted(e.mentions.len(), "mention"),
            crate::app::counted(e.articles.len(), "article")
        )),
        Line::default(),
    ]);
    let h = (inner.height as usize).saturating_sub(lines.len());
    let off = list_offset(row, h);
    let mut last_article = None;
    for (i, &(a, m)) in e.mentions.iter().enumerate().skip(off).take(h) {
        let art = &ix.articles[a as usize];
        let mr = ix.analyses[a as usize].mentions[m as usize].range.clone();
        let sent = search::sentence_of(ix, a as usize, mr.start);
        let before = one_line(&art.text[sent.start.min(mr.start)..mr.start]);
        let after = one_line(&art.text[mr.end..sent.end.max(mr.end)]);
        let head = if last_article != Some(a) {
            format!(
                "{} {}",
                date_label(th, art.date),
                truncate(&one_line(&art.title), 28)
            )
        } else {
            String::new()
        };
        last_article = Some(a);
        let ctx = 24usize;
        let before: String = before
            .chars()
            .rev()
            .take(ctx)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let sel = if i == row { th.selected } else { th.text };
        let gap_before = if art.text[..mr.start].ends_with(char::is_whitespace) {
            " "
        } else {
            ""
        };
        let gap_after = if art.text[mr.end..].starts_with(char::is_whitespace) {
            " "
        } else {
            ""
        };
        let left = format!("{head:<40} …{before}{gap_before}");
        let line = Line::from(vec![
            Span::styled(truncate(&left, w), sel),
            Span::styled(
                sanitize(&art.text[mr.clone()]),
                type_style(th, e.ty).add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                truncate(
                    &format!("{gap_after}{after}"),
                    w.saturating_sub(left.chars().count() + mr.len()),
                ),
                sel,
            ),
        ]);
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), inner);
}

pub fn list(f: &mut Frame, ix: &Index, th: &Theme, area: Rect, l: &crate::app::EntityList) {
    let r = popup(area, 80, 90);
    f.render_widget(Clear, r);
    let b = Block::default()
        .borders(Borders::ALL)
        .title(" Entities (type to find · tab sort · shift-tab type · enter open · esc close) ")
        .border_style(th.focus_border);
    let inner = b.inner(r);
    f.render_widget(b, r);
    let w = inner.width as usize;
    let sort = match l.sort {
        crate::app::EntitySort::Articles => "articles",
        crate::app::EntitySort::Mentions => "mentions",
        crate::app::EntitySort::Name => "name",
    };
    let ty = l.ty.map(|t| t.label()).unwrap_or("all types");
    let mut lines = vec![
        Line::from(
            std::iter::once(Span::styled("find: ", th.dim))
                .chain(with_cursor(&l.query, th.title))
                .collect::<Vec<_>>(),
        ),
        Line::from(Span::styled(
            format!(
                "{} of {} entities · {ty} · sorted by {sort}",
                l.ids.len(),
                ix.entities.len()
            ),
            th.dim,
        )),
        Line::from(Span::styled(
            truncate(
                &format!(
                    "{:<34} {:<13} {:>8} {:>8}  also written",
                    "name", "type", "articles", "mentions"
                ),
                w,
            ),
            th.dim,
        )),
    ];
    let h = (inner.height as usize).saturating_sub(lines.len());
    let off = list_offset(l.selected, h);
    for (i, &id) in l.ids.iter().enumerate().skip(off).take(h) {
        let e = &ix.entities[id as usize];
        let sel = if i == l.selected {
            th.selected
        } else {
            th.text
        };
        let others: Vec<&str> = e
            .aliases
            .iter()
            .filter(|a| **a != e.name)
            .map(|a| a.as_str())
            .collect();
        let rest = format!(
            " {:<13} {:>8} {:>8}  {}",
            e.ty.label(),
            e.articles.len(),
            e.mentions.len(),
            one_line(&others.join(", "))
        );
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<34}", truncate(&one_line(&e.name), 34)),
                if i == l.selected {
                    sel
                } else {
                    type_style(th, e.ty)
                },
            ),
            Span::styled(truncate(&rest, w.saturating_sub(34)), sel),
        ]));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
