//! The terminal interface: setup and restore, the event loop.

mod compare;
pub mod config;
pub mod draw;
pub mod loading;
pub mod theme;
pub mod wrap;

use crate::app::{self, keymap::Keymap, keymap::Lookup, Action, Pane, State};
use crate::index::aliases::Correction;
use crate::index::Index;
use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::backend::Backend;
use ratatui::Terminal;

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
                    let text = ix.articles.get(s.article).map(|a| a.text.as_str());
                    match text.and_then(|t| areas.reader_byte(t, m.column, m.row)) {
                        Some(offset) => Some(Action::ClickText { offset }),
                        None => Some(Action::Click { pane, row: 0 }),
                    }
                }
                MouseEventKind::Down(MouseButton::Left) => {
                    let (area, sel) = match pane {
                        Pane::Sources => (areas.sources, s.source_sel),
                        Pane::Timeline => (areas.timeline, s.timeline_sel),
                        Pane::Reader => (areas.reader, 0),
                    };
                    let h = area.height.saturating_sub(2) as usize;
                    let row =
                        (m.row.saturating_sub(area.y + 1)) as usize + draw::list_offset(sel, h);
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

/// The event loop, generic over the backend (tests drive it with TestBackend).
/// What the event source gives the loop.
pub enum Next {
    Event(Event),
    /// Nothing waiting (only when asked not to block).
    Idle,
    /// The corpus's files changed and were analyzed again: the new index.
    Reloaded(Box<Index>),
    /// A second of waiting passed: time to look whether another instance
    /// changed the user's data.
    Tick,
    Quit,
}

/// Watching the corpus's files: their sizes and times, checked every two
/// seconds; a change starts a reload on a thread of its own (the unchanged
/// files' analyses come from the cache), and the UI goes on meanwhile.
pub struct Watch {
    /// The files and folders named on the command line.
    pub inputs: Vec<std::path::PathBuf>,
    /// Reads and analyzes the corpus again (and writes the cache).
    pub reload: Box<dyn Fn() -> Result<Index, String> + Send + Sync>,
}

/// The files' names, sizes and modification times, hashed.
fn signature(inputs: &[std::path::PathBuf]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::fx::FxHasher::default();
    for p in crate::corpus::list_files(inputs).unwrap_or_default() {
        p.hash(&mut h);
        if let Ok(m) = std::fs::metadata(&p) {
            m.len().hash(&mut h);
            m.modified().ok().hash(&mut h);
        }
    }
    h.finish()
}

// the loop's inputs are all distinct: the screen, the data, the user's
// files, the state, keys, look, and the two hooks the caller drives it with
#[allow(clippy::too_many_arguments)]
pub fn run_loop<B: Backend>(
    term: &mut Terminal<B>,
    ix: &mut Index,
    files: &mut crate::store::Files,
    s: &mut State,
    km: &Keymap,
    th: &theme::Theme,
    after_draw: &mut dyn FnMut(&Index),
    mut next_event: impl FnMut(bool) -> std::io::Result<Next>,
) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut wrapped = wrap::Wrapped::default();
    let mut areas = draw::Areas::default();
    let mut dirty = true;
    while !s.quit {
        if dirty {
            term.draw(|f| areas = draw::draw(f, s, ix, km, th, &mut wrapped))
                .map_err(std::io::Error::other)?;
            dirty = false;
            after_draw(ix);
        }
        // pending work (a search reading the corpus) goes on a step at a time
        // while no key is waiting: keys are answered between steps
        let busy = app::has_work(s, ix);
        let ev = match next_event(!busy)? {
            Next::Event(ev) => ev,
            Next::Idle => {
                if busy {
                    app::work(s, ix);
                    dirty = true;
                }
                continue;
            }
            Next::Tick => {
                // another crossread on the same data changed it
                if let Some(now) = files.user_changed_elsewhere() {
                    s.set_user(ix, now);
                    dirty = true;
                }
                continue;
            }
            Next::Reloaded(new) => {
                *s = s.reloaded(ix, &new);
                *ix = *new;
                dirty = true;
                continue;
            }
            Next::Quit => break,
        };
        if matches!(ev, Event::Resize(..)) {
            dirty = true;
            continue;
        }
        let pending = s.keys_pending.clone();
        let action = action_for(&ev, s, ix, km, &areas);
        if pending != s.keys_pending {
            dirty = true;
        }
        if let Some(a) = action {
            app::update(s, ix, a);
            if let Some(c) = s.correction.take() {
                correct(ix, &mut files.aliases, s, c);
            }
            if !s.history_new.is_empty() {
                let lines = std::mem::take(&mut s.history_new);
                if let Err(e) = files.save_history(&lines) {
                    crate::log!("history not saved: {e}");
                }
            }
            if s.user_dirty {
                s.user_dirty = false;
                match files.save_user(&s.user) {
                    // with what another instance changed meanwhile
                    Ok(now) => {
                        if now != s.user {
                            s.set_user(ix, now);
                        }
                    }
                    Err(e) => {
                        crate::log!("save failed: {e}");
                        s.message = Some(e);
                    }
                }
            }
            if let Some(e) = s.effect.take() {
                let suspending = e == app::Effect::Suspend;
                match effect(e) {
                    Err(e) => s.message = Some(e),
                    Ok(()) if suspending => {
                        // back from the shell: redraw the whole screen (a blank
                        // frame first, so every cell is sent again)
                        use ratatui::backend::ClearType;
                        term.backend_mut()
                            .clear_region(ClearType::All)
                            .map_err(std::io::Error::other)?;
                        term.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))
                            .map_err(std::io::Error::other)?;
                    }
                    Ok(()) => {}
                }
            }
            dirty = true;
        }
    }
    Ok(())
}

/// Opens a URL or copies text (OSC 52: the terminal puts it on the clipboard,
/// over ssh too).
fn effect(e: app::Effect) -> Result<(), String> {
    match e {
        app::Effect::OpenUrl(url) => {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(format!("not opening {url:?}: only http and https links"));
            }
            let browser = std::env::var("BROWSER").unwrap_or_else(|_| "xdg-open".into());
            std::process::Command::new(&browser)
                .arg(&url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .map(|_| ())
                .map_err(|e| format!("{browser}: {e}"))
        }
        app::Effect::Suspend => {
            use crossterm::{event::*, execute, terminal::*};
            // a session leader has no shell to go back to: the stop would be
            // discarded by the kernel (orphaned process group)
            // SAFETY: plain queries of this process's ids.
            if unsafe { libc::getpgrp() == libc::getsid(0) } {
                return Err("no shell to suspend to (not started from a job-control shell)".into());
            }
            let mut out = std::io::stdout();
            let _ = execute!(
                out,
                DisableMouseCapture,
                crossterm::cursor::Show,
                LeaveAlternateScreen
            );
            let _ = disable_raw_mode();
            // stops here until `fg`
            signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
                .map_err(|e| e.to_string())?;
            let _ = enable_raw_mode();
            let _ = execute!(out, EnterAlternateScreen, EnableMouseCapture);
            Ok(())
        }
        app::Effect::Copy(text) => {
            use std::io::Write;
            let mut out = std::io::stdout();
            write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))
                .and_then(|_| out.flush())
                .map_err(|e| e.to_string())
        }
    }
}

fn base64(b: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(b.len().div_ceil(3) * 4);
    for c in b.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                s.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Saves a correction and applies it everywhere at once.
fn correct(ix: &mut Index, aliases: &mut crate::store::AliasFile, s: &mut State, c: Correction) {
    let what = match &c {
        Correction::Merge(m) => format!("merged {}", m.names.join(" + ")),
        Correction::Split(x) => format!("split \"{}\" off", x.name),
        Correction::Rename(r) => format!("renamed {} to {}", r.from, r.to),
        Correction::Retype(r) => format!("{} is now {:?}", r.name, r.ty).to_lowercase(),
        Correction::Ignore(i) => format!("ignored {}", i.name),
    };
    match aliases.add(c) {
        Ok(()) => {
            ix.relink(&aliases.aliases);
            s.refresh_timeline(ix);
            s.src_groups.clear();
            s.refresh_sources(ix);
            // mention numbers change when an entity is ignored
            let n = ix.analyses.get(s.article).map_or(0, |a| a.mentions.len());
            if s.mention.is_some_and(|m| m >= n) || what.starts_with("ignored") {
                s.mention = None;
            }
            s.overlay = app::Overlay::None;
            let saved = aliases
                .path
                .as_ref()
                .map(|p| format!(" (saved in {})", p.display()))
                .unwrap_or_default();
            s.message = Some(format!("{what}{saved}"));
        }
        Err(e) => s.message = Some(e),
    }
}

/// What the loading thread hands over: the index and, when it was analyzed
/// just now, the cache still to write.
pub type Loaded = Result<(Index, Option<crate::index::cache::PendingSave>), String>;

/// Opens the corpus in the terminal and restores the terminal on the way out.
/// The terminal comes up at once: `load` runs on a thread of its own while a
/// progress screen is drawn; the cache is written after the first frame.
pub fn run(
    load: impl FnOnce(&crate::index::Progress) -> Loaded + Send,
    watch: Option<Watch>,
    warnings: Vec<crate::corpus::Warning>,
    mut files: crate::store::Files,
    user: app::userdata::UserData,
    cfg: config::Config,
) -> std::io::Result<()> {
    let (km, th) = (cfg.keymap, cfg.theme);
    let mut term = ratatui::init();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    // a panic (a bug) leaves a usable terminal: mouse reporting off, then
    // ratatui's hook leaves the alternate screen and raw mode and the
    // message is printed on the normal screen
    // A panic caught where it happened (one article's analysis) or on a
    // thread of the app's own (a reload) is logged and the app goes on on
    // its screen; only the main thread's panic ends the app.
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        crate::log!("panic: {info}");
        if crate::guard::is_guarded() || std::thread::current().name() != Some("main") {
            return;
        }
        restore();
        restore_hook(info);
    }));
    // SIGTERM, SIGHUP (the terminal went away), SIGQUIT: leave as from `q`,
    // saving what there is to save and restoring the terminal
    // every change is saved as it is made, so a signal can end the process
    // from a thread of its own even if the main thread is inside a read
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGQUIT,
    ]) {
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                crate::log!("signal {sig}: leaving");
                restore();
                // the shell's way of saying which signal ended it
                std::process::exit(128 + sig);
            }
        });
    }
    watch_for_hangup();
    let loaded = match load_with_screen(&mut term, &th, load) {
        Ok(Ok(x)) => Ok(x),
        Ok(Err(e)) => Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, e)),
        Err(e) => Err(e),
    };
    let (mut ix, pending) = match loaded {
        Ok(x) => x,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    let corpus_warnings = ix.warnings.len();
    ix.warnings.extend(warnings.iter().cloned());
    let mut s = State::new(&ix);
    // the files as loaded; a reload in flight
    let mut watched = watch.as_ref().map(|w| signature(&w.inputs));
    let mut last_check = std::time::Instant::now();
    let mut last_tick = std::time::Instant::now();
    let mut reloading: Option<std::sync::mpsc::Receiver<Result<Index, String>>> = None;
    let watch = watch.map(std::sync::Arc::new);
    s.set_user(&ix, user);
    s.history = files.history();
    // for benchmarks: leave once the first frame is on the screen
    let bench_exit = std::env::var_os("CROSSREAD_EXIT_AFTER_FIRST_FRAME").is_some();
    // debug builds only: the tests' way to check that a panic gives the
    // terminal back
    let test_panic = cfg!(debug_assertions) && std::env::var_os("CROSSREAD_TEST_PANIC").is_some();
    let mut pending = pending;
    let mut drawn = false;
    let mut after_draw = |ix: &Index| {
        if !std::mem::replace(&mut drawn, true) {
            crate::log!(
                "first frame at {:?}, {} MiB",
                crate::log::since_start(),
                crate::log::rss_mib()
            );
        }
        if let Some(p) = pending.take() {
            p.save(ix, corpus_warnings);
            crate::log!("after the cache was written: {} MiB", crate::log::rss_mib());
        }
    };
    // a terminal that went away makes poll return at once, forever: leave
    let mut quick = 0u32;
    let mut first = true;
    let res = run_loop(
        &mut term,
        &mut ix,
        &mut files,
        &mut s,
        &km,
        &th,
        &mut after_draw,
        |block| loop {
            if std::mem::take(&mut first) {
                if bench_exit {
                    return Ok(Next::Quit);
                }
                if test_panic {
                    panic!("test panic (CROSSREAD_TEST_PANIC)");
                }
            }
            let t = std::time::Instant::now();
            let wait = if block { 200 } else { 0 };
            if event::poll(std::time::Duration::from_millis(wait))? {
                quick = 0;
                return event::read().map(Next::Event);
            }
            if !block {
                return Ok(Next::Idle);
            }
            if let Some(rx) = &reloading {
                match rx.try_recv() {
                    Ok(Ok(mut new)) => {
                        reloading = None;
                        new.warnings.extend(warnings.iter().cloned());
                        return Ok(Next::Reloaded(Box::new(new)));
                    }
                    Ok(Err(e)) => {
                        reloading = None;
                        crate::log!("reload failed: {e}");
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => {}
                    Err(_) => reloading = None,
                }
            }
            if last_tick.elapsed() >= std::time::Duration::from_secs(1) {
                last_tick = std::time::Instant::now();
                return Ok(Next::Tick);
            }
            if let (Some(w), None) = (&watch, &reloading) {
                if last_check.elapsed() >= std::time::Duration::from_secs(2) {
                    last_check = std::time::Instant::now();
                    let now = signature(&w.inputs);
                    if watched != Some(now) {
                        crate::log!("files changed: reloading");
                        watched = Some(now);
                        let (tx, rx) = std::sync::mpsc::channel();
                        let w = w.clone();
                        std::thread::spawn(move || {
                            let _ = tx.send((w.reload)());
                        });
                        reloading = Some(rx);
                    }
                }
            }
            if t.elapsed() < std::time::Duration::from_millis(20) {
                quick += 1;
                if quick > 50 {
                    crate::log!("the terminal is gone: leaving");
                    return Ok(Next::Quit);
                }
            } else {
                quick = 0;
            }
        },
    );
    restore();
    res
}

/// A terminal that went away (its window closed, ssh dropped) with no
/// SIGHUP reaching crossread (a shell that ignores it stays the session's
/// leader) leaves the input permanently readable at end of file, and
/// crossterm's reading then spins without returning (crossterm#793). A
/// thread asks the terminal every second, without reading it, whether it
/// hung up, and ends the process if so: nothing is unsaved.
fn watch_for_hangup() {
    use std::os::fd::AsRawFd;
    // crossterm reads stdin when it is a terminal, else /dev/tty
    // SAFETY: isatty on this process's standard input.
    let stdin_tty = unsafe { libc::isatty(0) } == 1;
    let tty = if stdin_tty {
        None
    } else {
        match std::fs::File::open("/dev/tty") {
            Ok(t) => Some(t),
            Err(_) => return,
        }
    };
    let fd = tty.as_ref().map_or(0, |t| t.as_raw_fd());
    std::thread::spawn(move || {
        let _keep = tty;
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
            let mut p = libc::pollfd {
                fd,
                events: 0,
                revents: 0,
            };
            // SAFETY: poll on one descriptor this process holds, no wait.
            let n = unsafe { libc::poll(&mut p, 1, 0) };
            if n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                crate::log!("the terminal hung up: leaving");
                std::process::exit(129);
            }
        }
    });
}

/// The one way out, for quit, error, panic and every signal: mouse
/// reporting off, the cursor shown, the alternate screen left, raw mode off.
fn restore() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Leaves at once (a signal, or `q` while loading): nothing unsaved is
/// held in memory, every change is written as it is made.
fn leave_now() -> ! {
    restore();
    std::process::exit(0);
}

/// Runs `load` on its own thread, drawing its progress until it is done;
/// `q`, Esc or Ctrl-C leave.
fn load_with_screen<B: Backend>(
    term: &mut Terminal<B>,
    th: &theme::Theme,
    load: impl FnOnce(&crate::index::Progress) -> Loaded + Send,
) -> std::io::Result<Loaded>
where
    B::Error: Send + Sync + 'static,
{
    let progress = crate::index::Progress::default();
    let t0 = std::time::Instant::now();
    std::thread::scope(|sc| {
        let h = sc.spawn(|| load(&progress));
        let mut last_draw: Option<std::time::Instant> = None;
        let every = std::time::Duration::from_millis(100);
        while !h.is_finished() {
            // a quick load (the cache, a few files) shows no progress screen;
            // a long one is redrawn ten times a second
            if t0.elapsed() >= std::time::Duration::from_millis(80)
                && last_draw.is_none_or(|t| t.elapsed() >= every)
            {
                term.draw(|f| loading::draw(f, th, &progress, t0.elapsed()))
                    .map_err(std::io::Error::other)?;
                last_draw = Some(std::time::Instant::now());
            }
            // short waits: the first frame follows the end of the load closely
            if event::poll(std::time::Duration::from_millis(5))? {
                if let Event::Key(k) = event::read()? {
                    let ctrl_c = k.code == crossterm::event::KeyCode::Char('c')
                        && k.modifiers
                            .contains(crossterm::event::KeyModifiers::CONTROL);
                    if ctrl_c
                        || matches!(
                            k.code,
                            crossterm::event::KeyCode::Char('q') | crossterm::event::KeyCode::Esc
                        )
                    {
                        crate::log!("left while loading");
                        leave_now();
                    }
                }
            }
        }
        Ok(h.join()
            .unwrap_or_else(|_| Err("the analysis failed (a bug: see the log)".into())))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_as_osc52_wants_it() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(
            super::base64("Kyiv – “Київ”".as_bytes()),
            "S3lpdiDigJMg4oCc0JrQuNGX0LLigJ0="
        );
    }

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
