//! The terminal: set up, and given back on every way out (quit, error,
//! panic, signal, hang-up).

/// Takes the terminal (alternate screen, raw mode, mouse reporting) and
/// makes every way out give it back.
pub fn setup() -> ratatui::DefaultTerminal {
    let term = ratatui::init();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    // a panic (a bug) leaves a usable terminal: mouse reporting off, then
    // ratatui's hook leaves the alternate screen and raw mode and the
    // message is printed on the normal screen.
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
    // SIGINT, SIGTERM, SIGHUP (the terminal went away), SIGQUIT: every
    // change is saved as it is made, so a signal can end the process from
    // a thread of its own even if the main thread is inside a read
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
    term
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
pub fn restore() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Leaves at once (a signal, or `q` while loading): nothing unsaved is
/// held in memory, every change is written as it is made.
pub fn leave_now() -> ! {
    restore();
    std::process::exit(0);
}
