//! The sources list.

use super::text::*;
use super::theme::Theme;
use super::wrap::sanitize;
use crate::app::{Pane, State};
use crate::index::Index;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the list; returns its height in rows.
pub fn draw(f: &mut Frame, s: &State, ix: &Index, th: &Theme, area: Rect) -> usize {
    let mut title = String::from(" 1 Sources ");
    if s.sources.grouped {
        title.push_str("· by story ");
    }
    if !s.sources.filter.trim().is_empty() {
        title.push_str(&format!(
            "· {}/{} match {} ",
            s.sources.order.len(),
            ix.articles.len(),
            sanitize(s.sources.filter.trim())
        ));
    }
    let b = block(&title, s.focus == Pane::Sources, th);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let h = inner.height as usize;
    let off = list_offset(s.sources.sel, h);
    let w = inner.width as usize;
    let lines: Vec<Line> = s
        .sources
        .order
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(row, &ai)| {
            let a = &ix.articles[ai];
            let outlet = a.outlet.clone().unwrap_or_default();
            let head = format!(
                "{} {}",
                date_label(th, a.date),
                if outlet.is_empty() {
                    String::new()
                } else {
                    format!("{} · ", outlet)
                }
            );
            let mut title = if a.title_derived {
                format!("~{}", a.title)
            } else {
                a.title.clone()
            };
            if s.compare_mark == Some(ai) {
                title = format!("[c] {title}");
            }
            let story = match s.sources.story.get(row) {
                Some(&(n, _)) if n <= 1 => " ",
                Some(&(_, 0)) => "┌",
                Some(&(n, k)) if k + 1 == n => "└",
                Some(_) => "│",
                None => "",
            };
            let flags = format!(
                "{story}{}{}",
                if s.user.is_read(&a.id) { ' ' } else { 'N' },
                if s.user.is_starred(&a.id) { '*' } else { ' ' }
            );
            let text = truncate(
                &format!("{flags}{}", one_line(&format!("{head}{title}"))),
                w,
            );
            let style = if row == s.sources.sel {
                if s.focus == Pane::Sources {
                    th.selected
                } else {
                    th.selected_dim
                }
            } else {
                th.text
            };
            Line::from(Span::styled(format!("{text:<w$}"), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
    h.max(1)
}
