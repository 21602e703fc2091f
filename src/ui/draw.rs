//! Drawing the state: a function of the state and the index, nothing else
//! (the reader reports its line count and resolves a pending reveal).

use super::theme::Theme;
use super::wrap::{sanitize, Wrapped};
use crate::app::{keymap::Keymap, Action, Overlay, Pane, State};
use crate::index::{search, Index};
use crate::nlp::EntityType;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

/// Where each pane was drawn, for mouse clicks.
#[derive(Debug, Default, Clone)]
pub struct Areas {
    pub sources: Rect,
    pub reader: Rect,
    pub timeline: Rect,
    /// The reader's text as drawn: the first column, and each visible
    /// line's screen row and byte range (a click finds its byte here).
    pub reader_text: (u16, Vec<(u16, std::ops::Range<usize>)>),
}

impl Areas {
    /// The article's byte under a screen cell of the reader's text.
    pub fn reader_byte(&self, text: &str, column: u16, row: u16) -> Option<usize> {
        use unicode_width::UnicodeWidthChar;
        let (x0, lines) = &self.reader_text;
        let (_, r) = lines.iter().find(|(y, _)| *y == row)?;
        let want = column.checked_sub(*x0)? as usize;
        let mut col = 0;
        for (i, c) in text.get(r.clone())?.char_indices() {
            let w = crate::safe::visible(c).width().unwrap_or(1);
            if want < col + w.max(1) {
                return Some(r.start + i);
            }
            col += w;
        }
        None
    }
}

pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 15;

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

fn date_label(th: &Theme, d: Option<chrono::NaiveDate>) -> String {
    use unicode_width::UnicodeWidthStr;
    let probe = chrono::NaiveDate::from_ymd_opt(2025, 10, 16)
        .map(|p| p.format(&th.date_format).to_string())
        .unwrap_or_default();
    match d {
        Some(d) => d.format(&th.date_format).to_string(),
        None => format!("{:<w$}", "undated", w = probe.width().max(7)),
    }
}

pub fn draw(
    f: &mut Frame,
    s: &mut State,
    ix: &Index,
    km: &Keymap,
    th: &Theme,
    wrap: &mut Wrapped,
) -> Areas {
    let area = f.area();
    if area.width < MIN_W || area.height < MIN_H {
        // wrapped: the whole message fits even a very small terminal
        let msg = Paragraph::new(format!(
            "too small: {}x{}; crossread needs {}x{} (q quits)",
            area.width, area.height, MIN_W, MIN_H
        ))
        .wrap(ratatui::widgets::Wrap { trim: true })
        .style(th.text);
        f.render_widget(msg, area);
        return Areas::default();
    }
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(3), Constraint::Length(1)])
        .split(area);
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([
            Constraint::Percentage(th.sources_width),
            Constraint::Percentage(100 - th.sources_width),
        ])
        .split(rows[0]);
    let left = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Percentage(th.sources_height),
            Constraint::Percentage(100 - th.sources_height),
        ])
        .split(cols[0]);
    let mut areas = Areas {
        sources: left[0],
        reader: cols[1],
        timeline: left[1],
        reader_text: Default::default(),
    };
    sources(f, s, ix, th, areas.sources);
    timeline(f, s, ix, th, areas.timeline);
    areas.reader_text = reader(f, s, ix, th, areas.reader, wrap);
    status(f, s, ix, km, th, rows[1]);
    if let Overlay::Compare { .. } = s.overlay {
        super::compare::draw(f, s, ix, th, rows[0]);
    }
    match &s.overlay {
        Overlay::None | Overlay::Compare { .. } => {}
        Overlay::Entities(l) => entities_view(f, ix, th, area, l),
        Overlay::Prompt { label, input, .. } => {
            let r = popup(area, 60, 10);
            let r = Rect::new(r.x, r.y, r.width, 3.min(area.height));
            f.render_widget(Clear, r);
            let b = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} (enter saves, esc cancels) ", sanitize(label)))
                .border_style(th.focus_border);
            f.render_widget(
                Paragraph::new(Line::from(with_cursor(input, th.text))).block(b),
                r,
            );
        }
        Overlay::Help { scroll } => help(f, s, km, th, area, *scroll),
        Overlay::Warnings => warnings(f, ix, th, area),
        Overlay::Entity { entity, row } => entity_panel(f, ix, th, area, *entity, *row),
        Overlay::Search {
            query,
            results,
            selected,
            scanned,
            prepared,
            by_date,
        } => search_panel(
            f,
            ix,
            th,
            area,
            query,
            results,
            (*selected, *scanned),
            prepared.as_deref(),
            *by_date,
        ),
    }
    areas
}

fn block<'a>(title: &'a str, focused: bool, th: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(if focused { th.focus_border } else { th.border })
}

fn sources(f: &mut Frame, s: &mut State, ix: &Index, th: &Theme, area: Rect) {
    let mut title = String::from(" 1 Sources ");
    if s.src_grouped {
        title.push_str("· by story ");
    }
    if !s.src_filter.trim().is_empty() {
        title.push_str(&format!(
            "· {}/{} match {} ",
            s.order.len(),
            ix.articles.len(),
            sanitize(s.src_filter.trim())
        ));
    }
    let b = block(&title, s.focus == Pane::Sources, th);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let h = inner.height as usize;
    s.list_height = h.max(1);
    let off = list_offset(s.source_sel, h);
    let w = inner.width as usize;
    let lines: Vec<Line> = s
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
            let story = match s.src_story.get(row) {
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
            let style = if row == s.source_sel {
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
}

fn timeline(f: &mut Frame, s: &mut State, ix: &Index, th: &Theme, area: Rect) {
    use crate::app::timeline::{summary, Filter, Row, Zoom};
    let mut title = String::from(" 3 Timeline ");
    if s.tl_zoom != Zoom::Items {
        title.push_str(&format!("· {} ", s.tl_zoom.label()));
    }
    match s.tl_filter {
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
    if s.tl_rows.is_empty() {
        f.render_widget(Paragraph::new("no dated items").style(th.dim), inner);
        return;
    }
    let off = list_offset(s.timeline_sel, h);
    let lines: Vec<Line> = s
        .tl_rows
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, row)| {
            let (text, plain) = match row {
                Row::Item(k) => {
                    let it = &ix.timeline.items[*k as usize];
                    let a = &ix.articles[it.article as usize];
                    let mark = if it.article as usize == s.article {
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
            let style = if i == s.timeline_sel {
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

pub fn type_style(th: &Theme, t: EntityType) -> Style {
    match t {
        EntityType::Person => th.person,
        EntityType::Org => th.org,
        EntityType::Place => th.place,
        EntityType::Other => th.other,
    }
}

fn reader(
    f: &mut Frame,
    s: &mut State,
    ix: &Index,
    th: &Theme,
    area: Rect,
    wrap: &mut Wrapped,
) -> (u16, Vec<(u16, std::ops::Range<usize>)>) {
    let b = block(" 2 Reader ", s.focus == Pane::Reader, th);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let Some(a) = ix.articles.get(s.article) else {
        f.render_widget(Paragraph::new("no articles").style(th.dim), inner);
        return (inner.x, vec![]);
    };
    let an = &ix.analyses[s.article];
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
    let mut note_marks = s.marks.clone();
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
    let lines = wrap.lines(s.article, &a.text, a.body.clone(), w);
    s.reader_height = text_h.max(1);
    s.reader_lines = lines.len();
    if let Some(pos) = s.reveal.take() {
        let li = lines
            .partition_point(|r| r.end < pos)
            .min(lines.len().saturating_sub(1));
        if li < s.reader_scroll || li >= s.reader_scroll + text_h {
            s.reader_scroll = li.saturating_sub(text_h / 3);
        }
    }
    let max = lines.len().saturating_sub(text_h.min(lines.len()).max(1));
    s.reader_scroll = s.reader_scroll.min(max);
    let focused = s
        .mention
        .and_then(|m| an.mentions.get(m))
        .map(|m| m.range.clone());
    let mut out = header;
    out.push(Line::default());
    let first_row = inner.y + out.len() as u16;
    let drawn: Vec<(u16, std::ops::Range<usize>)> = lines
        .iter()
        .skip(s.reader_scroll)
        .take(text_h)
        .enumerate()
        .map(|(i, r)| (first_row + i as u16, r.clone()))
        .collect();
    for r in lines.iter().skip(s.reader_scroll).take(text_h) {
        out.push(styled_line(
            ix,
            s.article,
            &note_marks,
            th,
            r.clone(),
            focused.clone(),
        ));
    }
    f.render_widget(Paragraph::new(out), inner);
    (inner.x, drawn)
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

fn status(f: &mut Frame, s: &State, ix: &Index, km: &Keymap, th: &Theme, area: Rect) {
    let pane = match (&s.overlay, s.focus) {
        (Overlay::Compare { .. }, _) => "Compare",
        (_, Pane::Sources) => "Sources",
        (_, Pane::Reader) => "Reader",
        (_, Pane::Timeline) => "Timeline",
    };
    let keys: Vec<(Action, &str)> = match s.focus {
        _ if matches!(s.overlay, Overlay::Compare { .. }) => vec![
            (Action::Down, "move both"),
            (Action::Enter, "read sentence"),
            (Action::Back, "close"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        Pane::Sources if s.compare_mark.is_some() => vec![
            (Action::Down, "move"),
            (Action::Compare, "compare with marked"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        // the pane's main keys, from the table the help is made of
        pane => crate::app::help::hints(pane),
    };
    let mut text = format!(" {pane} │ ");
    if let Some(m) = &s.message {
        text.push_str(m);
        text.push_str(" │ ");
    }
    for (a, label) in keys.iter() {
        let bound = km.bound(a);
        let Some(k) = bound.first() else { continue };
        text.push_str(&format!("{k} {label}  "));
    }
    // the counts stay in view on the right; the key hints give way
    let mut right = String::new();
    if !ix.warnings.is_empty() {
        right.push_str(&format!(
            "⚠ {} (w) │ ",
            crate::app::counted(ix.warnings.len(), "warning")
        ));
    }
    let unread = s.unread;
    right.push_str(&format!(
        "{unread} unread │ {}, {} ",
        crate::app::counted(ix.articles.len(), "article"),
        crate::app::counted(ix.entities.len(), "entity")
    ));
    // the start of a key sequence, waiting for its next key
    if !s.keys_pending.is_empty() {
        text = format!("{}… │ {text}", s.keys_pending);
    }
    use unicode_width::UnicodeWidthStr;
    let w = area.width as usize;
    let rw = right.width().min(w);
    let left = truncate(&text, w.saturating_sub(rw + 1));
    let pad = w.saturating_sub(left.width() + rw);
    f.render_widget(
        Paragraph::new(truncate(&format!("{left}{}{right}", " ".repeat(pad)), w)).style(th.status),
        area,
    );
}

fn popup(area: Rect, pw: u16, ph: u16) -> Rect {
    let w = (area.width * pw / 100).max(20).min(area.width);
    let h = (area.height * ph / 100).max(5).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn help(f: &mut Frame, s: &State, km: &Keymap, th: &Theme, area: Rect, scroll: usize) {
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

/// An input line with its cursor: the character under it shown reversed
/// (a block at the end).
fn with_cursor(l: &crate::app::line::TextLine, style: Style) -> Vec<Span<'static>> {
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
fn wrap_words(s: &str, w: usize) -> Vec<String> {
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

fn warnings(f: &mut Frame, ix: &Index, th: &Theme, area: Rect) {
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

fn entity_panel(f: &mut Frame, ix: &Index, th: &Theme, area: Rect, entity: u32, row: usize) {
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
    let mut lines = vec![
        Line::from(vec![
            Span::styled(e.ty.label().to_string(), type_style(th, e.ty)),
            Span::styled(format!("  — {}", e.evidence.describe()), th.dim),
        ]),
        Line::from(truncate(
            &format!("also written: {}", sanitize(&e.aliases.join(", "))),
            w,
        )),
        Line::from(format!(
            "{} in {}   (enter: go there · M merge · S split · R rename · T type · X ignore)",
            crate::app::counted(e.mentions.len(), "mention"),
            crate::app::counted(e.articles.len(), "article")
        )),
        Line::default(),
    ];
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

#[allow(clippy::too_many_arguments)]
fn search_panel(
    f: &mut Frame,
    ix: &Index,
    th: &Theme,
    area: Rect,
    query: &crate::app::line::TextLine,
    results: &[search::Hit],
    (selected, scanned): (usize, usize),
    prepared: Option<&search::Prepared>,
    by_date: bool,
) {
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

fn entities_view(f: &mut Frame, ix: &Index, th: &Theme, area: Rect, l: &crate::app::EntityList) {
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
