//! The status bar: the message, or the keys valid here.

use super::text::*;
use super::theme::Theme;
use crate::app::{keymap::Keymap, Action, Overlay, Pane, State};
use crate::index::Index;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, s: &State, ix: &Index, km: &Keymap, th: &Theme, area: Rect) {
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
    // a maximized pane says how to bring the others back
    if s.maximized && matches!(s.overlay, Overlay::None) {
        if let Some(k) = km.bound(&Action::Maximize).first() {
            text.push_str(&format!("{k} all panes │ "));
        }
    }
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
