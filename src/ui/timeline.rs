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
    // the legend on the bottom border, where there is room
    let legend = " [n] sources · ⚠ dates differ ";
    let lw = unicode_width::UnicodeWidthStr::width(legend) as u16;
    if area.width >= lw + 4 && area.height > 2 {
        let r = Rect::new(
            area.x + area.width - lw - 2,
            area.y + area.height - 1,
            lw,
            1,
        );
        f.render_widget(Paragraph::new(legend).style(th.dim), r);
    }
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
            let selected = i == s.timeline.sel;
            let base = match (selected, s.focus == Pane::Timeline) {
                (true, true) => th.selected,
                (true, false) => th.selected_dim,
                _ => th.text,
            };
            let spans = match row {
                Row::Item(k) => item_spans(s, ix, *k as usize, w, base),
                Row::Bucket { label, items } => {
                    let (arts, top, conflict) = summary(ix, items);
                    let names: Vec<String> = top
                        .iter()
                        .map(|&e| one_line(&ix.entities[e as usize].name))
                        .collect();
                    let text = format!(
                        " {label:<10} {} · {arts} art. {}· {}",
                        crate::app::counted(items.len(), "item"),
                        if conflict { "⚠ " } else { "" },
                        names.join(", ")
                    );
                    vec![Span::styled(truncate(&text, w), base)]
                }
                Row::Undated(a) => {
                    let a = &ix.articles[*a as usize];
                    let text = format!(" {:<10} {}", "undated", one_line(&a.title));
                    let st = if selected { base } else { th.dim };
                    vec![Span::styled(truncate(&text, w), st)]
                }
            };
            // the row's background to the pane's edge
            let used: usize = spans.iter().map(|x| x.width()).sum();
            let mut spans = spans;
            spans.push(Span::styled(" ".repeat(w.saturating_sub(used)), base));
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

/// An item's row: the mark of the reader's article, the date, the number of
/// articles that give the event (and ⚠ when they disagree), then the
/// sentence around its time expression, which is highlighted: the words
/// near the date, not the sentence's first words.
fn item_spans(
    s: &State,
    ix: &Index,
    k: usize,
    w: usize,
    base: ratatui::style::Style,
) -> Vec<Span<'static>> {
    let it = &ix.timeline.items[k];
    let a = &ix.articles[it.article as usize];
    let mark = if it.article as usize == s.reader.article {
        "•"
    } else {
        " "
    };
    let ev = &ix.timeline.events[it.event as usize];
    let mut head = format!("{mark}{:<10} ", it.value);
    if ev.articles.len() > 1 {
        head.push_str(&format!("[{}] ", ev.articles.len()));
    }
    if ev.conflict {
        head.push_str("⚠ ");
    }
    let room = w.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
    let sent = it.sentence.clone();
    let t = it.timex.clone().unwrap_or(sent.start..sent.start);
    let text = &a.text;
    // the last words before the expression, a third of the room at most
    // (none in a narrow pane: the expression first)
    let keep = if room < 30 { 0 } else { room / 3 };
    let mut lead = String::new();
    let before = one_line(&text[sent.start..t.start]);
    let mut cut = false;
    for word in before.split(' ').filter(|w| !w.is_empty()).rev() {
        let wide = unicode_width::UnicodeWidthStr::width(word) + 1;
        if unicode_width::UnicodeWidthStr::width(lead.as_str()) + wide > keep {
            cut = true;
            break;
        }
        lead = if lead.is_empty() {
            word.to_string()
        } else {
            format!("{word} {lead}")
        };
    }
    if cut {
        lead = format!("…{lead}");
    }
    let expr = one_line(&text[t.clone()]);
    // a narrow pane where the expression only repeats the date ("1890"):
    // the sentence from its start says more
    if keep == 0 && expr == it.value.as_str() {
        let all = one_line(&text[sent.clone()]);
        return vec![
            Span::styled(head, base),
            Span::styled(truncate(&all, room), base),
        ];
    }
    let tail = one_line(&text[t.end..sent.end]);
    // a space where the text has one ("today’s" stays one word)
    let space_before =
        text[..t.start].ends_with(char::is_whitespace) && !lead.is_empty() && lead != "…";
    let space_after = text[t.end..].starts_with(char::is_whitespace);
    let hl =
        base.add_modifier(ratatui::style::Modifier::BOLD | ratatui::style::Modifier::UNDERLINED);
    let mut out = vec![Span::styled(head, base)];
    let mut left = room;
    let pieces = [
        (lead, base),
        (
            if space_before {
                format!(" {expr}")
            } else {
                expr
            },
            hl,
        ),
        (
            if space_after {
                format!(" {tail}")
            } else {
                tail
            },
            base,
        ),
    ];
    for (piece, st) in pieces {
        if left == 0 || piece.trim().is_empty() {
            continue;
        }
        let fit = truncate(&piece, left);
        left = left.saturating_sub(unicode_width::UnicodeWidthStr::width(fit.as_str()));
        out.push(Span::styled(fit, st));
    }
    out
}
