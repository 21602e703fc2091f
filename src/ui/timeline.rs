//! The timeline pane.

use super::text::*;
use super::theme::Theme;
use crate::app::{Pane, State};
use crate::index::Index;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, s: &State, ix: &Index, th: &Theme, area: Rect) {
    use crate::app::rows::{summary, Filter, Row, Zoom};
    let mut title = String::from(" 3 Timeline ");
    if s.timeline.zoom != Zoom::Items {
        title.push_str(&format!("· {} ", s.timeline.zoom.label()));
    }
    match s.timeline.filter {
        Filter::All => {}
        Filter::Article(_) => title.push_str("· this article "),
        Filter::Entity(e) => {
            title.push_str(&format!("· {} ", one_line(&ix.entities[e as usize].name)))
        }
    }
    let b = block(&title, s.focus == Pane::Timeline, th);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let h = inner.height as usize;
    let w = inner.width as usize;
    if s.timeline.rows.is_empty() {
        f.render_widget(Paragraph::new("no dated items").style(th.dim), inner);
        return;
    }
    let off = list_offset(s.timeline.sel, h);
    let lines: Vec<Line> = s
        .timeline
        .rows
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, row)| {
            let (text, plain) = match row {
                Row::Item(k) => {
                    let it = &ix.timeline.items[*k as usize];
                    let a = &ix.articles[it.article as usize];
                    let mark = if it.article as usize == s.reader.article {
                        "•"
                    } else {
                        " "
                    };
                    let ev = &ix.timeline.events[it.event as usize];
                    let mut n = if ev.articles.len() > 1 {
                        format!("[{}] ", ev.articles.len())
                    } else {
                        String::new()
                    };
                    if ev.conflict {
                        n.push_str("⚠ ");
                    }
                    let body = if it.timex.is_some() {
                        one_line(&a.text[it.sentence.clone()])
                    } else {
                        format!("published: {}", one_line(&a.title))
                    };
                    (
                        format!("{mark}{:<10} {n}{body}", it.value),
                        it.timex.is_none(),
                    )
                }
                Row::Bucket { label, items } => {
                    let (arts, top, conflict) = summary(ix, items);
                    let names: Vec<String> = top
                        .iter()
                        .map(|&e| one_line(&ix.entities[e as usize].name))
                        .collect();
                    (
                        format!(
                            " {label:<10} {} items · {arts} art. {}· {}",
                            items.len(),
                            if conflict { "⚠ " } else { "" },
                            names.join(", ")
                        ),
                        false,
                    )
                }
            };
            let text = truncate(&text, w);
            let style = if i == s.timeline.sel {
                if s.focus == Pane::Timeline {
                    th.selected
                } else {
                    th.selected_dim
                }
            } else if plain {
                th.dim
            } else {
                th.text
            };
            Line::from(Span::styled(format!("{text:<w$}"), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
