//! Screens drawn with ratatui's TestBackend after key presses, snapshotted.

use crossread::app::{keymap::Keymap, State};
use crossread::corpus;
use crossread::index::Index;
use crossread::ui::{self, theme::Theme};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn screen(w: u16, h: u16, keys: &str) -> String {
    let mut ix = Index::build(corpus::embedded_seeds(), 2025);
    // corrections in this session only: no file
    let mut files = crossread::store::Files::default();
    let km = Keymap::default_map();
    let th = Theme::mono();
    let mut s = State::new(&ix);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut evs: Vec<Event> = keys
        .chars()
        .map(|c| {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
        })
        .collect();
    evs.reverse();
    ui::run_loop(
        &mut term,
        &mut ix,
        &mut files,
        &mut s,
        &km,
        &th,
        &mut |_| {},
        // work between keys runs to its end, as on an idle terminal
        |block| {
            Ok(match (block, evs.pop()) {
                (false, Some(e)) => {
                    evs.push(e);
                    ui::Next::Idle
                }
                (_, Some(e)) => ui::Next::Event(e),
                (_, None) => ui::Next::Quit,
            })
        },
    )
    .unwrap();
    // one more draw of the final state
    let mut wrapped = ui::wrap::Wrapped::default();
    term.draw(|f| {
        ui::draw::draw(f, &mut s, &ix, &km, &th, &mut wrapped);
    })
    .unwrap();
    format!("{}", term.backend())
}

#[test]
fn main_screen_120x40() {
    insta::assert_snapshot!(screen(120, 40, "jj"));
}

#[test]
fn main_screen_80x24_reader_focused() {
    insta::assert_snapshot!(screen(80, 24, "j\t]]"));
}

#[test]
fn help_overlay() {
    insta::assert_snapshot!(screen(100, 36, "2?"));
}

#[test]
fn entity_panel() {
    insta::assert_snapshot!(screen(110, 36, "2]]]\n"));
}

#[test]
fn search_results() {
    insta::assert_snapshot!(screen(110, 30, "/entity:Zelenskyy"));
}

#[test]
fn compare_view_001_and_003() {
    // sources by date: 000, 001, 003, ...; mark 001, then compare with 003
    let s = screen(120, 40, "jcjc");
    assert!(s.contains("same event"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn compare_view_scrolled_to_the_shared_statement() {
    insta::assert_snapshot!(screen(120, 40, "jcjcGkk"));
}

#[test]
fn timeline_by_day() {
    insta::assert_snapshot!(screen(100, 30, "3z"));
}

#[test]
fn every_view_at_every_size_never_panics() {
    for (w, h) in [(20, 5), (59, 14), (60, 15), (80, 24), (133, 41), (400, 120)] {
        for keys in [
            "",
            "?",
            "2]\n",
            "/trump",
            "3jjj\n",
            "w",
            "GGG\t\tjjjj",
            "cjcjjjG",
            "C",
            "3zzjF",
            "e",
            "2]a",
        ] {
            let s = screen(w, h, keys);
            assert!(!s.is_empty());
            if w < 60 || h < 15 {
                assert!(s.contains("too small"), "{w}x{h}");
            }
        }
    }
}
