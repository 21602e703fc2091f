//! The real binary in a pseudo-terminal: starts on the seeds, moves, opens
//! help, searches, quits, and leaves the alternate screen.

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A pseudo-terminal of 120x40, the size the tests read screens at.
fn open_pty() -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap()
}

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Pty {
    fn start() -> Pty {
        let home = tempfile::tempdir().unwrap().keep();
        Pty::start_in(&home)
    }

    /// Starts with its config and data folders under `home`, never the user's.
    fn start_in(home: &std::path::Path) -> Pty {
        Pty::spawn(home, env!("CARGO_BIN_EXE_crossread"), &[])
    }

    fn spawn(home: &std::path::Path, program: &str, args: &[&str]) -> Pty {
        Pty::spawn_env(home, program, args, &[])
    }

    fn spawn_env(
        home: &std::path::Path,
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Pty {
        let pty = open_pty();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
        cmd.env("XDG_STATE_HOME", home.join("state"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(40).unwrap(),
            std::num::NonZeroU16::new(120).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p2, r2) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p2.lock().unwrap().process(&buf[..n]);
                r2.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        std::mem::forget(pty.master);
        Pty {
            parser,
            raw,
            writer,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let t0 = Instant::now();
        while t0.elapsed() < Duration::from_secs(30) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{text:?} never appeared:\n{}", self.screen());
    }

    fn keys(&mut self, k: &str) {
        self.writer.write_all(k.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }
}

#[test]
fn starts_moves_helps_searches_and_quits() {
    let mut p = Pty::start();
    p.wait_for("Sources");
    p.wait_for("In a telephone conversation");
    p.keys("j");
    p.wait_for("President Trump has just");
    p.keys("?");
    p.wait_for("Keys here");
    p.keys("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    assert!(!p.screen().contains("Keys here"));
    p.keys("/entity:Zelenskyy");
    p.wait_for("articles   words");
    p.keys("\x1b");
    p.keys("q");
    let t0 = Instant::now();
    loop {
        if let Some(status) = p.child.try_wait().unwrap() {
            assert!(status.success());
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(20), "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(200));
    let raw = String::from_utf8_lossy(&p.raw.lock().unwrap()).into_owned();
    assert!(raw.contains("\x1b[?1049h"), "entered the alternate screen");
    assert!(
        raw.rfind("\x1b[?1049l") > raw.rfind("\x1b[?1049h"),
        "left the alternate screen at the end"
    );
}

#[test]
fn search_for_zelenskyy_lands_on_zelenskiy_in_003() {
    let mut p = Pty::start();
    p.wait_for("Sources");
    p.keys("/entity:Zelenskyy source:003");
    p.wait_for("1 article");
    p.keys("\r");
    // the reader shows 003, scrolled to the mention spelled the other way
    p.wait_for("003_603d7d3662f00eac");
    p.wait_for("Zelenskiy");
    let reader_has_it = p
        .screen()
        .lines()
        .any(|l| l.contains("Zelenskiy") && l.contains("│"));
    assert!(reader_has_it, "{}", p.screen());
    // compare it with its most related article, then back out
    p.keys("C");
    p.wait_for("Compare");
    p.wait_for("same event");
    p.keys("\x1b");
    p.keys("q");
    let t0 = Instant::now();
    while p.child.try_wait().unwrap().is_none() {
        assert!(t0.elapsed() < Duration::from_secs(20), "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn ignoring_an_entity_from_the_reader_saves_it_and_applies_it() {
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::start_in(home.path());
    p.wait_for("Sources");
    // the status bar may come in a later write than the panes
    p.wait_for(" entities");
    let entities = |s: &str| -> usize {
        let i = s.find(" entities").expect("entity count in the status bar");
        s[..i]
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let before = entities(&p.screen());
    // focus the first name of the first article and say it is not an entity
    p.keys("2]");
    p.keys("X");
    p.wait_for("ignored");
    let file = home.path().join("config/crossread/aliases.toml");
    let saved = std::fs::read_to_string(&file).expect("aliases.toml written");
    assert!(saved.contains("[[ignore]]"), "{saved}");
    assert_eq!(entities(&p.screen()), before - 1);
    p.keys("q");
    let t0 = Instant::now();
    while p.child.try_wait().unwrap().is_none() {
        assert!(t0.elapsed() < Duration::from_secs(20), "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
    // the next start applies it
    let mut p = Pty::start_in(home.path());
    p.wait_for("Sources");
    p.wait_for(" entities");
    assert_eq!(entities(&p.screen()), before - 1);
    p.keys("q");
}

/// Saves are atomic: killed (SIGKILL) at any moment while it saves, the
/// store holds the state before the change or after it, never a torn one.
#[test]
fn killed_mid_save_the_state_is_old_or_new_never_torn() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("data/crossread/state.db");
    let mut seen_saved = 0;
    for round in 0..12 {
        let mut p = Pty::start_in(home.path());
        p.wait_for("Sources");
        // star and unstar as fast as keys go: every press is a save
        let presses = 5 + round * 3;
        let burst: String = "*".repeat(presses);
        p.writer.write_all(burst.as_bytes()).unwrap();
        p.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(2 * round as u64));
        let pid = p.child.process_id().unwrap();
        std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        let _ = p.child.wait();
        if file.exists() {
            seen_saved += 1;
            let db = rusqlite::Connection::open(&file).unwrap();
            let ok: String = db
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(ok, "ok", "round {round}");
            let n: i64 = db
                .query_row("SELECT count(*) FROM article", [], |r| r.get(0))
                .unwrap();
            assert!(n <= 1, "round {round}: {n}");
        }
    }
    assert!(seen_saved > 0, "some saves happened");
}

/// Two crossreads on the same data: each one's star and note are kept, and
/// each sees the other's without a restart.
#[test]
fn two_instances_keep_both_notes_and_see_each_other() {
    let home = tempfile::tempdir().unwrap();
    let mut a = Pty::start_in(home.path());
    a.wait_for("Sources");
    let mut b = Pty::start_in(home.path());
    b.wait_for("Sources");
    // a stars the first article and notes it; b notes the second
    a.keys("*");
    a.keys("a");
    a.keys("note from a\r");
    b.keys("j");
    b.keys("*");
    b.keys("a");
    b.keys("note from b\r");
    // a sees b's star without a restart (within a second or two)
    let stars = |p: &Pty| {
        let sc = p.screen();
        sc.matches("*20").count() + sc.matches("*undated").count()
    };
    let t0 = Instant::now();
    while stars(&a) < 2 && t0.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(stars(&a), 2, "a shows b's star too:\n{}", a.screen());
    a.keys("q");
    b.keys("q");
    wait_exit(&mut a);
    wait_exit(&mut b);
    let db = rusqlite::Connection::open(home.path().join("data/crossread/state.db")).unwrap();
    let notes: Vec<String> = db
        .prepare("SELECT text FROM note ORDER BY text")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(notes, ["note from a", "note from b"]);
    let stars: i64 = db
        .query_row("SELECT count(*) FROM article WHERE star = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stars, 2);
}

fn left_alternate_screen(p: &Pty) -> bool {
    let raw = String::from_utf8_lossy(&p.raw.lock().unwrap()).into_owned();
    raw.rfind("\x1b[?1049l") > raw.rfind("\x1b[?1049h")
}

fn wait_exit(p: &mut Pty) -> portable_pty::ExitStatus {
    let t0 = Instant::now();
    loop {
        if let Some(st) = p.child.try_wait().unwrap() {
            std::thread::sleep(Duration::from_millis(200));
            return st;
        }
        assert!(t0.elapsed() < Duration::from_secs(20), "did not exit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Every signal that ends the app gives the terminal back whole: the
/// alternate screen left, the cursor shown, mouse reporting off; the exit
/// code says which signal it was (128 + its number).
#[test]
fn every_ending_signal_restores_the_terminal_and_the_cursor() {
    for (sig, n) in [("-INT", 2), ("-TERM", 15), ("-HUP", 1), ("-QUIT", 3)] {
        let mut p = Pty::start();
        p.wait_for("Sources");
        // the frame's text may reach the parser before the escapes that
        // follow it in the same write: wait for them too
        let t0 = Instant::now();
        loop {
            let ready = {
                let parser = p.parser.lock().unwrap();
                let sc = parser.screen();
                sc.hide_cursor() && sc.mouse_protocol_mode() != vt100::MouseProtocolMode::None
            };
            if ready {
                break;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(10),
                "{sig}: the app hides the cursor and reports the mouse"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let pid = p.child.process_id().unwrap().to_string();
        std::process::Command::new("kill")
            .args([sig, &pid])
            .status()
            .unwrap();
        let st = wait_exit(&mut p);
        assert_eq!(st.exit_code(), 128 + n, "{sig}: {st:?}");
        assert!(left_alternate_screen(&p), "{sig}: terminal restored");
        let parser = p.parser.lock().unwrap();
        let sc = parser.screen();
        assert!(!sc.hide_cursor(), "{sig}: the cursor is shown again");
        assert_eq!(
            sc.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{sig}: mouse reporting off"
        );
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_it_back() {
    // an interactive shell with job control, as users start it
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(home.path(), "bash", &["--norc", "--noprofile", "-i"]);
    p.keys(&format!("{}\r", env!("CARGO_BIN_EXE_crossread")));
    p.wait_for("Sources");
    p.keys("\x1a");
    p.wait_for("Stopped");
    assert!(left_alternate_screen(&p), "the shell gets its screen back");
    assert!(
        !p.parser.lock().unwrap().screen().hide_cursor(),
        "and its cursor"
    );
    p.keys("fg\r");
    p.wait_for("Sources");
    assert!(!left_alternate_screen(&p), "back in the app");
    p.keys("q");
    std::thread::sleep(Duration::from_millis(300));
    p.keys("echo RC=$?\r");
    p.wait_for("RC=0");
    p.keys("exit\r");
    wait_exit(&mut p);
}

#[test]
fn ctrl_z_without_a_shell_says_so_and_keeps_running() {
    let mut p = Pty::start();
    p.wait_for("Sources");
    p.keys("\x1a");
    p.wait_for("no shell to suspend to");
    p.keys("q");
    assert!(wait_exit(&mut p).success());
}

/// A large corpus: the terminal comes up at once with the analysis's
/// progress, and `q` leaves while it runs.
#[test]
fn a_large_corpus_shows_its_progress_and_q_leaves_while_loading() {
    let reuters = std::path::Path::new("../shared/corpora/reuters21578.jsonl");
    if !reuters.exists() {
        eprintln!("skipped: {} not found", reuters.display());
        return;
    }
    let home = tempfile::tempdir().unwrap().keep();
    // a copy in a temporary folder, like any user's archive
    let corpus = home.join("reuters.jsonl");
    std::fs::copy(reuters, &corpus).unwrap();
    let c = corpus.to_str().unwrap();
    let mut p = Pty::spawn(&home, env!("CARGO_BIN_EXE_crossread"), &[c]);
    p.wait_for("analyzing");
    p.wait_for("articles/s");
    p.keys("q");
    let st = wait_exit(&mut p);
    assert!(st.success(), "{st:?}");
    assert!(left_alternate_screen(&p), "terminal restored");
}

/// A panic (a bug) still gives the terminal back: alternate screen left,
/// mouse reporting off, raw mode off, and the message on the normal screen.
#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    // the panic on demand exists in debug builds only
    if !cfg!(debug_assertions) {
        eprintln!("skipped: a release build has no test panic");
        return;
    }
    let home = tempfile::tempdir().unwrap().keep();
    let mut p = Pty::spawn_env(
        &home,
        env!("CARGO_BIN_EXE_crossread"),
        &[],
        &[("CROSSREAD_TEST_PANIC", "1")],
    );
    let st = wait_exit(&mut p);
    assert!(!st.success(), "a panic is a failure: {st:?}");
    assert!(left_alternate_screen(&p), "alternate screen left");
    let raw = String::from_utf8_lossy(&p.raw.lock().unwrap()).into_owned();
    assert!(
        raw.rfind("\x1b[?1000l") > raw.rfind("\x1b[?1000h"),
        "mouse reporting off"
    );
    assert!(p.screen().contains("test panic"), "{}", p.screen());
}

/// A file added to the folder while crossread runs appears without a restart.
#[test]
fn a_file_added_to_the_folder_appears_without_a_restart() {
    let home = tempfile::tempdir().unwrap().keep();
    let dir = home.join("news");
    std::fs::create_dir(&dir).unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in &names[..2] {
        std::fs::copy(p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let mut p = Pty::spawn(
        &home,
        env!("CARGO_BIN_EXE_crossread"),
        &[dir.to_str().unwrap()],
    );
    p.wait_for("Sources");
    p.wait_for("2 articles");
    std::fs::write(
        dir.join("late.md"),
        "# Late news from Vilnius\n\nGitanas Nauseda spoke in Vilnius on Monday.\n",
    )
    .unwrap();
    p.wait_for("3 articles");
    p.wait_for("Late news from Vilnius");
    p.wait_for("reloaded");
    p.keys("q");
    assert!(wait_exit(&mut p).success());
}

/// A state file that cannot be read is never overwritten: the app starts,
/// says which file it kept aside and under what name, and saves anew.
#[test]
fn an_unreadable_state_file_is_kept_and_named() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data/crossread");
    std::fs::create_dir_all(&data).unwrap();
    // the old plain-text state with one invalid byte, and a store that is
    // no database
    std::fs::write(
        data.join("state.toml"),
        b"[articles.\"a\"]\nstar = true\n\xff\n",
    )
    .unwrap();
    std::fs::write(data.join("state.db"), "garbage ".repeat(200)).unwrap();
    let mut p = Pty::start_in(home.path());
    p.wait_for("Sources");
    p.keys("w");
    p.wait_for("state.db.broken-1");
    p.keys("\x1b");
    p.keys("*");
    p.keys("q");
    assert!(wait_exit(&mut p).success());
    assert!(std::fs::read_to_string(data.join("state.db.broken-1"))
        .unwrap()
        .starts_with("garbage"));
    // the broken state.toml is untouched (the new store was not new)
    assert_eq!(
        std::fs::read(data.join("state.toml")).unwrap(),
        b"[articles.\"a\"]\nstar = true\n\xff\n"
    );
    let db = rusqlite::Connection::open(data.join("state.db")).unwrap();
    let stars: i64 = db
        .query_row("SELECT count(*) FROM article WHERE star = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stars, 1, "the new store saves");
}

/// The terminal goes away with no SIGHUP for crossread (a shell that
/// ignores it stays the session's leader, as a tmux pane or an ssh command
/// can): crossread notices the hung-up terminal and ends by itself instead
/// of spinning on it for ever (crossterm#793).
#[test]
fn a_terminal_that_goes_away_without_sighup_ends_the_app() {
    let home = tempfile::tempdir().unwrap();
    let pty = open_pty();
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        &format!("trap '' HUP; {}; true", env!("CARGO_BIN_EXE_crossread")),
    ]);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    for (k, d) in [
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ] {
        cmd.env(k, home.path().join(d));
    }
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (mut buf, mut seen) = ([0u8; 8192], Vec::new());
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("Sources") {
                let _ = tx.send(());
                break;
            }
        }
        // (the reader, a handle on the terminal, goes with this thread)
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("the app came up");
    std::thread::sleep(Duration::from_millis(300));
    // the terminal goes away
    drop(pty.master);
    let t0 = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if t0.elapsed() > Duration::from_secs(15) {
            let _ = child.kill();
            panic!("still running 15 s after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
