//! Drawing the state: a function of the state and the index, nothing else.
//! It reads the state and never writes it: what the frame measured (the
//! panes' sizes, the reader's first line once a wanted place is in view)
//! is returned, and the loop hands it to `update` as `Action::Layout`.

use super::theme::Theme;
use super::wrap::Wrapped;
use crate::app::{keymap::Keymap, Layout, Overlay, State, Viewport};
use crate::index::Index;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// What a frame gives back: where each pane went (for the mouse) and what
/// it measured (for the state).
#[derive(Debug, Default, Clone)]
pub struct Drawn {
    pub areas: Areas,
    /// `None` when the terminal is too small to draw the panes.
    pub layout: Option<Layout>,
}

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

/// Where the sources, the reader and the timeline go in `area`: the
/// sources above the timeline on the left, the reader on the right; or,
/// maximized, the focused pane alone (the others get no room).
fn panes(s: &State, th: &Theme, area: Rect) -> (Rect, Rect, Rect) {
    use crate::app::Pane;
    use Constraint::Percentage;
    if s.maximized {
        let none = Rect::default();
        return match s.focus {
            Pane::Sources => (area, none, none),
            Pane::Reader => (none, area, none),
            Pane::Timeline => (none, none, area),
        };
    }
    use ratatui::layout::Layout;
    let (w, h) = (th.sources_width, th.sources_height);
    let [left, reader] = Layout::horizontal([Percentage(w), Percentage(100 - w)]).areas(area);
    let [sources, timeline] = Layout::vertical([Percentage(h), Percentage(100 - h)]).areas(left);
    (sources, reader, timeline)
}

pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 15;

pub fn draw(
    f: &mut Frame,
    s: &State,
    ix: &Index,
    km: &Keymap,
    th: &Theme,
    wrap: &mut Wrapped,
) -> Drawn {
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
        return Drawn::default();
    }
    use Constraint::{Length, Min};
    let [main, status] = ratatui::layout::Layout::vertical([Min(3), Length(1)]).areas(area);
    let (sources, reader, timeline) = panes(s, th, main);
    let hidden = Rect::default();
    let list_height = if sources != hidden {
        super::sources::draw(f, s, ix, th, sources)
    } else if timeline != hidden {
        timeline.height.saturating_sub(2) as usize
    } else {
        s.view.list_height
    };
    if timeline != hidden {
        super::timeline::draw(f, s, ix, th, timeline);
    }
    let read = if reader != hidden {
        super::reader::draw(f, s, ix, th, reader, wrap)
    } else {
        super::reader::Read {
            height: s.view.reader_height,
            lines: s.view.reader_lines,
            scroll: s.reader.scroll,
            text: (0, vec![]),
        }
    };
    super::status::draw(f, s, ix, km, th, status);
    let mut layout = Layout {
        view: Viewport {
            reader_height: read.height,
            reader_lines: read.lines,
            list_height,
        },
        reader_scroll: read.scroll,
        compare_top: None,
        reader_hidden: reader == hidden,
    };
    match &s.overlay {
        Overlay::None => {}
        Overlay::Compare(v) => layout.compare_top = Some(super::compare::draw(f, v, ix, th, main)),
        Overlay::Entities(l) => super::entities::list(f, ix, th, area, l),
        Overlay::Prompt(p) => super::help::prompt(f, th, area, p),
        Overlay::Help { scroll } => super::help::draw(f, s, km, th, area, *scroll),
        Overlay::Warnings => super::help::warnings(f, ix, th, area),
        Overlay::Entity { entity, row } => super::entities::panel(f, ix, th, area, *entity, *row),
        Overlay::Search(b) => super::search::draw(f, ix, th, area, b),
    }
    let areas = Areas {
        sources,
        reader,
        timeline,
        reader_text: read.text,
    };
    Drawn {
        areas,
        layout: Some(layout),
    }
}
