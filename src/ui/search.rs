//! The search box and its results.

use super::text::*;
use super::theme::Theme;
use crate::app::SearchBox;
use crate::index::search;
use crate::index::Index;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(f: &mut Frame, ix: &Index, th: &Theme, area: Rect, b: &SearchBox) {
    let SearchBox {
        query,
        results,
        selected,
        scanned,
        prepared,
        by_date,
    } = b;
    let (selected, scanned, by_date) = (*selected, *scanned, *by_date);
    let prepared = prepared.as_deref();
    let r = popup(area, 90, 80);
    f.render_widget(Clear, r);
    let order = if by_date {
        " Search: by date (tab: by relevance; enter opens, esc closes) "
    } else {
        " Search: most relevant first (tab: by date; enter opens, esc closes) "
    };
    let b = Block::default()
        .borders(Borders::ALL)
        .title(order)
        .border_style(th.focus_border);
    let inner = b.inner(r);
    f.render_widget(b, r);
    let w = inner.width as usize;
    let mut lines = vec![
        Line::from(
            std::iter::once(Span::styled("/", th.title))
                .chain(with_cursor(query, th.text))
                .collect::<Vec<_>>(),
        ),
        Line::from(Span::styled(
            if query.as_str().trim().chars().count() < 2 {
                "type two letters or more   words \"phrase\" entity:NAME source:X date:2025-10-01..2025-10-31 type:person -NOT".to_string()
            } else {
                let n = ix.date_order.len().max(1);
                let more = if scanned < n {
                    format!(" so far (searching, {}%)", scanned * 100 / n)
                } else {
                    String::new()
                };
                let also = prepared
                    .and_then(|p| p.also_note(ix))
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                format!("{}{more}{also}   words \"phrase\" entity:NAME source:X date:2025-10-01..2025-10-31 type:person -NOT", crate::app::counted(results.len(), "article"))
            },
            th.dim,
        )),
    ];
    let h = (inner.height as usize).saturating_sub(2) / 2;
    let off = list_offset(selected, h);
    for (i, hit) in results.iter().enumerate().skip(off).take(h) {
        let a = &ix.articles[hit.article as usize];
        let st = if i == selected { th.selected } else { th.text };
        lines.push(Line::from(Span::styled(
            truncate(
                &format!(
                    "{} {} ({})",
                    date_label(th, a.date),
                    one_line(&a.title),
                    crate::app::counted(hit.ranges.len(), "hit")
                ),
                w,
            ),
            st,
        )));
        let sent = hit
            .ranges
            .first()
            .map(|r| one_line(&a.text[search::sentence_of(ix, hit.article as usize, r.start)]))
            .unwrap_or_default();
        lines.push(Line::from(Span::styled(
            truncate(&format!("    {sent}"), w),
            th.dim,
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
