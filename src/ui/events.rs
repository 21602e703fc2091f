//! Terminal events to actions: keys through the keymap (and the input
//! line's own editing keys), the mouse through where the panes were drawn.

use super::draw;
use crate::app::{self, keymap::Keymap, keymap::Lookup, Action, Pane, State};
use crate::index::Index;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// A key event as the keymap names it ("j", "ctrl-d", "backtab", "G").
pub fn key_name(k: &KeyEvent) -> Option<String> {
    let base = match k.code {
        KeyCode::Char(' ') => "space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "backtab".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pageup".into(),
        KeyCode::PageDown => "pagedown".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::Backspace => "backspace".into(),
        _ => return None,
    };
    let mut name = String::new();
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        name.push_str("ctrl-");
    }
    if k.modifiers.contains(KeyModifiers::ALT) {
        name.push_str("alt-");
    }
    name.push_str(&base);
    Some(name)
}

/// The action for an event, given the state (text input goes to the search box).
pub fn action_for(
    ev: &Event,
    s: &mut State,
    ix: &Index,
    km: &Keymap,
    areas: &draw::Areas,
) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if matches!(
                s.overlay,
                app::Overlay::Entities(_) | app::Overlay::Search { .. }
            ) {
                match k.code {
                    KeyCode::Tab => return Some(Action::CycleSort),
                    KeyCode::BackTab => return Some(Action::CycleType),
                    _ => {}
                }
            }
            if matches!(
                s.overlay,
                app::Overlay::Search { .. }
                    | app::Overlay::Entities(_)
                    | app::Overlay::Prompt { .. }
            ) {
                // the input line's editing keys, as readline has them
                use app::line::Edit;
                let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
                let alt = k.modifiers.contains(KeyModifiers::ALT);
                let edit = match k.code {
                    KeyCode::Char('a') if ctrl => Some(Edit::Start),
                    KeyCode::Char('e') if ctrl => Some(Edit::End),
                    KeyCode::Char('u') if ctrl => Some(Edit::KillToStart),
                    KeyCode::Char('w') if ctrl => Some(Edit::KillWord),
                    KeyCode::Char('k') if ctrl => Some(Edit::KillToEnd),
                    KeyCode::Char('p') if ctrl => Some(Edit::HistoryPrev),
                    KeyCode::Char('n') if ctrl => Some(Edit::HistoryNext),
                    KeyCode::Char('b') if alt => Some(Edit::WordLeft),
                    KeyCode::Char('f') if alt => Some(Edit::WordRight),
                    KeyCode::Left if ctrl || alt => Some(Edit::WordLeft),
                    KeyCode::Right if ctrl || alt => Some(Edit::WordRight),
                    KeyCode::Left => Some(Edit::Left),
                    KeyCode::Right => Some(Edit::Right),
                    KeyCode::Home => Some(Edit::Start),
                    KeyCode::End => Some(Edit::End),
                    KeyCode::Delete => Some(Edit::DeleteNext),
                    KeyCode::Backspace if ctrl || alt => Some(Edit::KillWord),
                    _ => None,
                };
                if let Some(e) = edit {
                    return Some(Action::Edit(e));
                }
                match k.code {
                    KeyCode::Char(c) if !ctrl && !alt => return Some(Action::Input(c)),
                    KeyCode::Backspace => return Some(Action::Backspace),
                    KeyCode::Esc => return Some(Action::Back),
                    KeyCode::Enter => return Some(Action::Enter),
                    KeyCode::Down | KeyCode::Tab => return Some(Action::Down),
                    KeyCode::Up | KeyCode::BackTab => return Some(Action::Up),
                    _ => {}
                }
            }
            let name = key_name(k)?;
            let pending = std::mem::take(&mut s.keys_pending);
            match km.lookup(&pending, &name) {
                Lookup::Action(a) => Some(a),
                Lookup::Pending(p) => {
                    s.keys_pending = p;
                    None
                }
                Lookup::None => None,
            }
        }
        Event::Mouse(m) => {
            let hit = |r: ratatui::layout::Rect| {
                m.column >= r.x
                    && m.column < r.x + r.width
                    && m.row >= r.y
                    && m.row < r.y + r.height
            };
            let pane = if hit(areas.sources) {
                Pane::Sources
            } else if hit(areas.reader) {
                Pane::Reader
            } else if hit(areas.timeline) {
                Pane::Timeline
            } else {
                return None;
            };
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) if pane == Pane::Reader => {
                    // on the text: the byte clicked (a name there is focused)
                    let text = ix.articles.get(s.reader.article).map(|a| a.text.as_str());
                    match text.and_then(|t| areas.reader_byte(t, m.column, m.row)) {
                        Some(offset) => Some(Action::ClickText { offset }),
                        None => Some(Action::Click { pane, row: 0 }),
                    }
                }
                MouseEventKind::Down(MouseButton::Left) => {
                    let (area, sel) = match pane {
                        Pane::Sources => (areas.sources, s.sources.sel),
                        Pane::Timeline => (areas.timeline, s.timeline.sel),
                        Pane::Reader => (areas.reader, 0),
                    };
                    let h = area.height.saturating_sub(2) as usize;
                    let row = (m.row.saturating_sub(area.y + 1)) as usize
                        + super::text::list_offset(sel, h);
                    Some(Action::Click { pane, row })
                }
                MouseEventKind::ScrollDown => Some(Action::Scroll { pane, down: true }),
                MouseEventKind::ScrollUp => Some(Action::Scroll { pane, down: false }),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_sequence_waits_for_its_second_key() {
        use super::*;
        let ix = Index::build(crate::corpus::embedded_seeds(), 2025);
        let mut s = State::new(&ix);
        let km = Keymap::default_map();
        let key = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let areas = draw::Areas::default();
        assert_eq!(action_for(&key('g'), &mut s, &ix, &km, &areas), None);
        assert_eq!(s.keys_pending, "g");
        assert_eq!(
            action_for(&key('g'), &mut s, &ix, &km, &areas),
            Some(Action::Top)
        );
        assert_eq!(s.keys_pending, "");
        // a key that breaks the sequence is taken on its own
        action_for(&key('g'), &mut s, &ix, &km, &areas);
        assert_eq!(
            action_for(&key('j'), &mut s, &ix, &km, &areas),
            Some(Action::Down)
        );
        assert_eq!(s.keys_pending, "");
    }
}
