//! The terminal interface: the event loop, between the terminal's events
//! and the pure `app::update`, whose effects it carries out.

mod compare;
pub mod config;
pub mod draw;
mod effects;
mod entities;
pub mod events;
mod help;
pub mod loading;
mod reader;
mod search;
mod sources;
mod status;
pub mod terminal;
pub mod text;
pub mod theme;
mod timeline;
pub mod wrap;

pub use events::{action_for, key_name};

use crate::app::{self, keymap::Keymap, Action, State};
use crate::index::Index;
use crossterm::event::{self, Event};
use ratatui::backend::Backend;
use ratatui::Terminal;
use std::time::{Duration, Instant};

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

/// Draws one frame of the state and hands what it measured back to the
/// state (as `Action::Layout`); returns where the panes went.
pub fn frame<B: Backend>(
    term: &mut Terminal<B>,
    s: &mut State,
    ix: &Index,
    (km, th): (&Keymap, &theme::Theme),
    wrapped: &mut wrap::Wrapped,
) -> std::io::Result<draw::Areas>
where
    B::Error: Send + Sync + 'static,
{
    let mut drawn = draw::Drawn::default();
    term.draw(|f| drawn = draw::draw(f, s, ix, km, th, wrapped))
        .map_err(std::io::Error::other)?;
    if let Some(l) = drawn.layout {
        app::update(s, ix, Action::Layout(l));
    }
    Ok(drawn.areas)
}

// the loop's inputs are all distinct: the screen, the data, the user's
// files, the state, keys, look, and the two hooks the caller drives it with
#[allow(clippy::too_many_arguments)]
/// The event loop, generic over the backend (tests drive it with TestBackend).
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
            areas = frame(term, s, ix, (km, th), &mut wrapped)?;
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
            let fx = app::update(s, ix, a);
            if effects::carry_out(fx, ix, files, s) {
                // back from the shell: redraw the whole screen (a blank
                // frame first, so every cell is sent again)
                use ratatui::backend::ClearType;
                term.backend_mut()
                    .clear_region(ClearType::All)
                    .map_err(std::io::Error::other)?;
                term.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))
                    .map_err(std::io::Error::other)?;
            }
            dirty = true;
        }
    }
    Ok(())
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
    let mut term = terminal::setup();
    let loaded = match load_with_screen(&mut term, &th, load) {
        Ok(Ok(x)) => Ok(x),
        Ok(Err(e)) => Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, e)),
        Err(e) => Err(e),
    };
    let (mut ix, mut pending) = match loaded {
        Ok(x) => x,
        Err(e) => {
            terminal::restore();
            return Err(e);
        }
    };
    let corpus_warnings = ix.warnings.len();
    ix.warnings.extend(warnings.iter().cloned());
    let mut s = State::new(&ix);
    s.set_user(&ix, user);
    s.history = files.history();
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
    let mut events = Events::new(watch, warnings);
    let res = run_loop(
        &mut term,
        &mut ix,
        &mut files,
        &mut s,
        &km,
        &th,
        &mut after_draw,
        |block| events.next(block),
    );
    terminal::restore();
    res
}

/// The terminal's events, with what happens between them: a second's tick,
/// the files watched and reloaded on a thread.
struct Events {
    watch: Option<std::sync::Arc<Watch>>,
    /// The warnings about the user's own files, added to a reloaded index.
    warnings: Vec<crate::corpus::Warning>,
    /// The files' signature as loaded; a reload in flight.
    watched: Option<u64>,
    reloading: Option<std::sync::mpsc::Receiver<Result<Index, String>>>,
    last_check: Instant,
    last_tick: Instant,
    /// Polls in a row that returned at once: a terminal that went away.
    quick: u32,
    first: bool,
    /// For benchmarks: leave once the first frame is on the screen.
    bench_exit: bool,
    /// Debug builds only: the tests' way to check that a panic gives the
    /// terminal back.
    test_panic: bool,
}

impl Events {
    fn new(watch: Option<Watch>, warnings: Vec<crate::corpus::Warning>) -> Events {
        Events {
            watched: watch.as_ref().map(|w| signature(&w.inputs)),
            watch: watch.map(std::sync::Arc::new),
            warnings,
            reloading: None,
            last_check: Instant::now(),
            last_tick: Instant::now(),
            quick: 0,
            first: true,
            bench_exit: std::env::var_os("CROSSREAD_EXIT_AFTER_FIRST_FRAME").is_some(),
            test_panic: cfg!(debug_assertions)
                && std::env::var_os("CROSSREAD_TEST_PANIC").is_some(),
        }
    }

    /// The next thing for the loop: waits up to 200 ms for an event when
    /// `block`, else looks once.
    fn next(&mut self, block: bool) -> std::io::Result<Next> {
        if std::mem::take(&mut self.first) {
            if self.bench_exit {
                return Ok(Next::Quit);
            }
            if self.test_panic {
                panic!("test panic (CROSSREAD_TEST_PANIC)");
            }
        }
        loop {
            let t = Instant::now();
            let wait = if block { 200 } else { 0 };
            if event::poll(Duration::from_millis(wait))? {
                self.quick = 0;
                return event::read().map(Next::Event);
            }
            if !block {
                return Ok(Next::Idle);
            }
            if let Some(new) = self.reloaded() {
                return Ok(Next::Reloaded(Box::new(new)));
            }
            if self.last_tick.elapsed() >= Duration::from_secs(1) {
                self.last_tick = Instant::now();
                return Ok(Next::Tick);
            }
            self.check_files();
            // a terminal that went away makes poll return at once, forever
            if t.elapsed() < Duration::from_millis(20) {
                self.quick += 1;
                if self.quick > 50 {
                    crate::log!("the terminal is gone: leaving");
                    return Ok(Next::Quit);
                }
            } else {
                self.quick = 0;
            }
        }
    }

    /// The index a finished reload made, if one did.
    fn reloaded(&mut self) -> Option<Index> {
        let rx = self.reloading.as_ref()?;
        match rx.try_recv() {
            Ok(Ok(mut new)) => {
                self.reloading = None;
                new.warnings.extend(self.warnings.iter().cloned());
                Some(new)
            }
            Ok(Err(e)) => {
                self.reloading = None;
                crate::log!("reload failed: {e}");
                None
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(_) => {
                self.reloading = None;
                None
            }
        }
    }

    /// Every two seconds: have the files changed? Then a reload starts on a
    /// thread of its own.
    fn check_files(&mut self) {
        let (Some(w), None) = (&self.watch, &self.reloading) else {
            return;
        };
        if self.last_check.elapsed() < Duration::from_secs(2) {
            return;
        }
        self.last_check = Instant::now();
        let now = signature(&w.inputs);
        if self.watched != Some(now) {
            crate::log!("files changed: reloading");
            self.watched = Some(now);
            let (tx, rx) = std::sync::mpsc::channel();
            let w = w.clone();
            std::thread::spawn(move || {
                let _ = tx.send((w.reload)());
            });
            self.reloading = Some(rx);
        }
    }
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
                        terminal::leave_now();
                    }
                }
            }
        }
        Ok(h.join()
            .unwrap_or_else(|_| Err("the analysis failed (a bug: see the log)".into())))
    })
}
