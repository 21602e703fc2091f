//! The reader: the article's header, notes and text, with names and marks.

use super::text::*;
use super::theme::Theme;
use super::wrap::Wrapped;
use crate::app::{Pane, State};
use crate::index::Index;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// What the reader's frame measured.
pub struct Read {
    /// Rows of the text area, and the article's lines at its width.
    pub height: usize,
    pub lines: usize,
    /// The first line shown: the state's, moved to bring a wanted place
    /// into view and kept within the text.
    pub scroll: usize,
    /// The first column, and each visible line's screen row and byte range.
    pub text: (u16, Vec<(u16, std::ops::Range<usize>)>),
}

pub fn draw(
    f: &mut Frame,
    s: &State,
    ix: &Index,
    th: &Theme,
    area: Rect,
    wrap: &mut Wrapped,
) -> Read {
    let b = block(" 2 Reader ", s.focus == Pane::Reader, th);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let Some(a) = ix.articles.get(s.reader.article) else {
        f.render_widget(Paragraph::new("no articles").style(th.dim), inner);
        return Read {
            height: 1,
            lines: 0,
            scroll: 0,
            text: (inner.x, vec![]),
        };
    };
    let an = &ix.analyses[s.reader.article];
    let w = inner.width.max(1) as usize;
    let mut header = vec![Line::from(Span::styled(
        truncate(&one_line(&a.title), w),
        th.title,
    ))];
    let date = match a.date {
        Some(d) => format!("{} ({})", d, a.date_source.label()),
        None => "undated".into(),
    };
    let mut meta = vec![date];
    if let Some(o) = &a.outlet {
        meta.push(o.clone());
    }
    if let Some(au) = &a.author {
        meta.push(format!("by {au}"));
    }
    meta.push(a.path.display().to_string());
    header.push(Line::from(Span::styled(
        truncate(&one_line(&meta.join(" · ")), w),
        th.dim,
    )));
    // an inferred date says where it came from
    let evidence = a.date_evidence.as_ref().and_then(|r| a.text.get(r.clone()));
    if let (crate::corpus::DateSource::Inferred, Some(why)) = (a.date_source, evidence) {
        let line = format!("date inferred from: \"{}\"", one_line(why));
        header.push(Line::from(Span::styled(truncate(&line, w), th.dim)));
    }
    let mut note_marks = s.reader.marks.clone();
    for n in s.user.notes(&a.id) {
        use crate::app::userdata::{anchor, Anchor};
        let (what, style) = match anchor(&a.text, n) {
            Anchor::Article => (String::new(), th.title),
            Anchor::At(r) => {
                let q: String = a.text[r.clone()].chars().take(30).collect();
                note_marks.push(r);
                (format!(" — on \"{}\"", one_line(&q)), th.title)
            }
            Anchor::Lost => (" — its passage is no longer in the text".into(), th.dim),
        };
        if header.len() < 5 {
            header.push(Line::from(Span::styled(
                truncate(&format!("✎ {}{what}", one_line(&n.text)), w),
                style,
            )));
        }
    }
    let text_h = (inner.height as usize).saturating_sub(header.len() + 1);
    let lines = wrap.lines(s.reader.article, &a.text, a.body.clone(), w);
    let mut scroll = s.reader.scroll;
    if let Some(pos) = s.reader.reveal {
        let li = lines
            .partition_point(|r| r.end < pos)
            .min(lines.len().saturating_sub(1));
        if li < scroll || li >= scroll + text_h {
            scroll = li.saturating_sub(text_h / 3);
        }
    }
    let max = lines.len().saturating_sub(text_h.min(lines.len()).max(1));
    let scroll = scroll.min(max);
    let focused = s
        .reader
        .mention
        .and_then(|m| an.mentions.get(m))
        .map(|m| m.range.clone());
    let mut out = header;
    out.push(Line::default());
    let first_row = inner.y + out.len() as u16;
    let drawn: Vec<(u16, std::ops::Range<usize>)> = lines
        .iter()
        .skip(scroll)
        .take(text_h)
        .enumerate()
        .map(|(i, r)| (first_row + i as u16, r.clone()))
        .collect();
    for r in lines.iter().skip(scroll).take(text_h) {
        out.push(styled_line(
            ix,
            s.reader.article,
            &note_marks,
            th,
            r.clone(),
            focused.clone(),
        ));
    }
    f.render_widget(Paragraph::new(out), inner);
    Read {
        height: text_h.max(1),
        lines: lines.len(),
        scroll,
        text: (inner.x, drawn),
    }
}
