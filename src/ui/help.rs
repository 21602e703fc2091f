//! The help, the warnings and the prompt line.

use super::text::*;
use super::theme::Theme;
use super::wrap::sanitize;
use crate::app::{keymap::Keymap, Prompt, State};
use crate::index::Index;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(f: &mut Frame, s: &State, km: &Keymap, th: &Theme, area: Rect, scroll: usize) {
    // the whole screen when it is small (80x24), else most of it
    let r = if area.width < 100 || area.height < 30 {
        area
    } else {
        popup(area, 80, 90)
    };
    f.render_widget(Clear, r);
    let inner_w = r.width.saturating_sub(2) as usize;
    let key_w = 16.min(inner_w / 3);
    let mut lines: Vec<Line> = Vec::new();
    for (title, rows) in crate::app::help::sections(s.focus, km) {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(title, th.title)));
        for (keys, what) in rows {
            // a long description wraps under itself, not under the keys
            let width = inner_w.saturating_sub(key_w + 3).max(10);
            let mut first = true;
            for part in wrap_words(what, width) {
                let k = if first { keys.as_str() } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<key_w$} ", truncate(k, key_w)), th.title),
                    Span::raw(part),
                ]));
                first = false;
            }
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Colours", th.title)));
    lines.push(Line::from(vec![
        Span::raw("  "),
        Span::styled("person", th.person),
        Span::raw("  "),
        Span::styled("organization", th.org),
        Span::raw("  "),
        Span::styled("place", th.place),
        Span::raw("  "),
        Span::styled("other", th.other),
        Span::raw("  "),
        Span::styled("boilerplate", th.dim),
    ]));
    // scrolled no further than the last page
    let h = r.height.saturating_sub(2) as usize;
    let top = scroll.min(lines.len().saturating_sub(h));
    let more = if lines.len() > h {
        format!(
            " Help: lines {}-{} of {} (j k scroll, esc closes) ",
            top + 1,
            (top + h).min(lines.len()),
            lines.len()
        )
    } else {
        " Help (esc closes) ".to_string()
    };
    f.render_widget(
        Paragraph::new(lines).scroll((top as u16, 0)).block(
            Block::default()
                .borders(Borders::ALL)
                .title(more)
                .border_style(th.focus_border),
        ),
        r,
    );
}

pub fn warnings(f: &mut Frame, ix: &Index, th: &Theme, area: Rect) {
    let r = popup(area, 80, 70);
    f.render_widget(Clear, r);
    let mut lines: Vec<Line> = ix
        .warnings
        .iter()
        .map(|w| Line::from(sanitize(&w.to_string())))
        .collect();
    if lines.is_empty() {
        lines.push(Line::from("no warnings: every file was read"));
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" Warnings (esc closes) ")
                    .border_style(th.focus_border),
            ),
        r,
    );
}

/// The prompt: one line to type, over the panes.
pub fn prompt(f: &mut Frame, th: &Theme, area: Rect, p: &Prompt) {
    let r = popup(area, 60, 10);
    let r = Rect::new(r.x, r.y, r.width, 3.min(area.height));
    f.render_widget(Clear, r);
    let b = Block::default()
        .borders(Borders::ALL)
        .title(format!(
            " {} (enter saves, esc cancels) ",
            sanitize(&p.label)
        ))
        .border_style(th.focus_border);
    f.render_widget(
        Paragraph::new(Line::from(with_cursor(&p.input, th.text))).block(b),
        r,
    );
}
