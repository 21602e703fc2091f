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
            // arrows as arrows, control letters as Ctrl+letter
            let (code, mods) = match c {
                '\n' => (KeyCode::Enter, KeyModifiers::NONE),
                '\t' => (KeyCode::Tab, KeyModifiers::NONE),
                '\x1b' => (KeyCode::Esc, KeyModifiers::NONE),
                '\x7f' => (KeyCode::Backspace, KeyModifiers::NONE),
                '←' => (KeyCode::Left, KeyModifiers::NONE),
                '→' => (KeyCode::Right, KeyModifiers::NONE),
                '↑' => (KeyCode::Up, KeyModifiers::NONE),
                '↓' => (KeyCode::Down, KeyModifiers::NONE),
                c if (c as u32) < 0x20 => (
                    KeyCode::Char((c as u8 + b'a' - 1) as char),
                    KeyModifiers::CONTROL,
                ),
                c => (KeyCode::Char(c), KeyModifiers::NONE),
            };
            Event::Key(KeyEvent::new(code, mods))
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
    ui::frame(&mut term, &mut s, &ix, (&km, &th), &mut wrapped).unwrap();
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

/// At 80x24 the help takes the screen and scrolls: G shows its end, the
/// marks' legend and the colours.
#[test]
fn help_at_80x24_scrolled_to_its_end() {
    let top = screen(80, 24, "1?");
    assert!(top.contains("Keys here: the sources") && top.contains("Help: lines 1-"));
    insta::assert_snapshot!(screen(80, 24, "1?G"));
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

/// `+` gives the focused pane the whole width: the timeline's rows read
/// further, the other panes are not drawn; `+` again brings them back.
#[test]
fn a_maximized_timeline_fills_the_screen() {
    let max = screen(100, 20, "3+");
    insta::assert_snapshot!(max);
    assert!(!max.contains("1 Sources") && !max.contains("2 Reader"));
    let back = screen(100, 20, "3++");
    assert!(back.contains("1 Sources") && back.contains("2 Reader"));
    // the reader, maximized after a jump from the timeline, shows the
    // sentence the timeline opened
    let read = screen(100, 20, "3jjj\n+");
    assert!(read.contains("2 Reader") && !read.contains("3 Timeline"));
}

/// The panel of a name the model typed wraps its "why" (the model's three
/// reasons) onto a second line rather than cutting it.
#[test]
fn an_entity_panel_wraps_the_model_s_reasons() {
    let s = screen(80, 24, "eTruth Social\n");
    assert!(
        s.contains("Truth Social") && s.contains("the model:"),
        "{s}"
    );
    // every line of the "why", up to the spellings, whole: wrapped, not cut
    let why: Vec<&str> = s
        .lines()
        .skip_while(|l| !l.contains("the model:"))
        .take_while(|l| !l.contains("also written"))
        .collect();
    assert!(!why.is_empty(), "{s}");
    for l in &why {
        let inside = l.split('│').nth(2).unwrap_or(l);
        assert!(!inside.contains('…'), "{s}");
    }
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
            "3+jj\n+",
            "1+/trump\n",
        ] {
            let s = screen(w, h, keys);
            assert!(!s.is_empty());
            if w < 60 || h < 15 {
                assert!(s.contains("too small"), "{w}x{h}");
            }
        }
    }
}

/// A click on a highlighted name focuses it; a second click opens its
/// entity panel; a click on a timeline row selects it; the wheel scrolls
/// the pane under the pointer.
#[test]
fn clicking_a_name_focuses_it_and_again_opens_its_panel() {
    use crossread::app::{update, Action, Overlay, Pane};
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let ix = Index::build(corpus::embedded_seeds(), 2025);
    let km = Keymap::default_map();
    let th = Theme::mono();
    let mut s = State::new(&ix);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut wrapped = ui::wrap::Wrapped::default();
    let mut frame = |s: &mut State, term: &mut Terminal<TestBackend>| {
        ui::frame(term, s, &ix, (&km, &th), &mut wrapped).unwrap()
    };
    let areas = frame(&mut s, &mut term);
    // where "Putin" stands in the reader's text on the screen
    let buf = term.backend().buffer().clone();
    let r = areas.reader;
    let mut at = None;
    'rows: for y in r.y + 3..r.y + r.height - 1 {
        let line: String = (r.x + 1..r.x + r.width - 1)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if let Some(i) = line.find("Putin") {
            let col = line[..i].chars().count() as u16;
            at = Some((r.x + 1 + col + 2, y));
            break 'rows;
        }
    }
    let (column, row) = at.expect("Putin on the screen");
    let click = |column, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let a = ui::action_for(&click(column, row), &mut s, &ix, &km, &areas).unwrap();
    assert!(matches!(a, Action::ClickText { .. }), "{a:?}");
    update(&mut s, &ix, a);
    let m = s.reader.mention.expect("a name focused");
    let e = ix.mention_entity[s.reader.article][m];
    assert!(ix.entities[e as usize].name.contains("Putin"));
    assert_eq!(s.overlay, Overlay::None);
    let areas = frame(&mut s, &mut term);
    let a = ui::action_for(&click(column, row), &mut s, &ix, &km, &areas).unwrap();
    update(&mut s, &ix, a);
    assert!(
        matches!(s.overlay, Overlay::Entity { entity, .. } if entity == e),
        "the second click opens its panel: {:?}",
        s.overlay
    );
    update(&mut s, &ix, Action::Back);
    // a click on the third timeline row selects it
    let areas = frame(&mut s, &mut term);
    let t = areas.timeline;
    let a = ui::action_for(&click(t.x + 3, t.y + 3), &mut s, &ix, &km, &areas).unwrap();
    update(&mut s, &ix, a);
    assert_eq!((s.focus, s.timeline.sel), (Pane::Timeline, 2));
    // the wheel over the reader scrolls the reader, whatever has the focus
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: r.x + 5,
        row: r.y + 5,
        modifiers: KeyModifiers::NONE,
    });
    let before = s.reader.scroll;
    let a = ui::action_for(&wheel, &mut s, &ix, &km, &areas).unwrap();
    update(&mut s, &ix, a);
    assert!(s.reader.scroll > before, "scrolled");
    assert_eq!(s.focus, Pane::Timeline, "the focus stays");
}

/// The input line edits where its cursor is, kills as readline does, and
/// keeps what was typed: Esc cancels a search, Up on the empty line brings
/// it back.
#[test]
fn input_lines_edit_at_the_cursor_and_remember() {
    let row = |screen: &str, start: &str| -> String {
        screen
            .lines()
            .find_map(|l| l.find(start).map(|i| l[i..].to_string()))
            .unwrap_or_default()
    };
    // ←←←X inserts before the cursor
    let sc = screen(100, 30, "/oil price←←←X");
    assert!(row(&sc, "/oil").starts_with("/oil prXice"), "{sc}");
    // Ctrl-W kills the word before the cursor, Ctrl-U all before it
    let sc = screen(100, 30, "/trump putin\x17");
    assert!(row(&sc, "│/").starts_with("│/trump  "), "{sc}");
    let sc = screen(100, 30, "/trump putin←←\x15");
    assert!(row(&sc, "│/").starts_with("│/in "), "{sc}");
    // Ctrl-A then a letter goes first
    let sc = screen(100, 30, "/rump\x01t");
    assert!(row(&sc, "│/").starts_with("│/trump"), "{sc}");
    // Esc, then / and Up: the query is back, with its results
    let sc = screen(100, 30, "/kiev\x1b/↑");
    assert!(row(&sc, "/kiev").starts_with("/kiev"), "{sc}");
    assert!(sc.contains("kiev: also Kyiv"), "{sc}");
    // a prompt walks its history with up and down: the filter
    let sc = screen(100, 30, "fputin\nf\x15↑");
    let prompt = sc
        .lines()
        .skip_while(|l| !l.contains("filter sources"))
        .nth(1);
    assert!(prompt.is_some_and(|l| l.contains("│putin")), "{sc}");
    let sc = screen(100, 30, "fputin\nf\x15");
    let prompt = sc
        .lines()
        .skip_while(|l| !l.contains("filter sources"))
        .nth(1);
    assert!(prompt.is_some_and(|l| !l.contains("putin")), "{sc}");
}
