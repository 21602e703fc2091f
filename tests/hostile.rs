//! Hostile input, on purpose: every file in `tests/hostile/` plus the ones
//! that cannot live in git (a 50 MB article, a 5 MB line, a huge feed, a
//! symlink loop, an unreadable file, names with control characters). Each
//! bad file gets a warning naming it, the rest loads, nothing panics, and
//! control characters never reach the terminal raw.

use crossread::corpus::{self, Corpus};
use crossread::index::Index;
use std::path::PathBuf;
use std::time::Duration;

/// Runs `f` on another thread; a hang fails the test instead of blocking CI.
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(300))
        .unwrap_or_else(|_| panic!("{what}: no result in 300 s (hang?)"))
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    // a 50 MB single article
    let para = "Olaf Scholz met Emmanuel Macron in Paris on Monday. ".repeat(20) + "\n\n";
    let big = para.repeat(50 * 1024 * 1024 / para.len());
    std::fs::write(dir.join("huge_article.txt"), &big).unwrap();
    // a line of 5 MB without a newline
    std::fs::write(dir.join("long_line.txt"), "word ".repeat(1024 * 1024)).unwrap();
    // a huge feed: 20,000 items
    let mut rss =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>big</title>");
    for i in 0..20_000 {
        rss.push_str(&format!(
            "<item><title>Item {i}</title><description>Angela Merkel spoke in Berlin, item {i}.</description><pubDate>Thu, 16 Oct 2025 10:00:00 +0000</pubDate></item>"
        ));
    }
    rss.push_str("</channel></rss>");
    std::fs::write(dir.join("huge.rss"), rss).unwrap();
    // a symlink loop and a dangling link
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("dangling.txt")).unwrap();
    // an unreadable file (root reads it anyway: then it simply loads)
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "Keir Starmer spoke.").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // control characters in a name
    std::fs::write(
        dir.join("esc\x1b[31mname\x07.txt"),
        "Rishi Sunak spoke in London.",
    )
    .unwrap();
    (tmp, dir)
}

fn warned(c: &Corpus, name: &str) -> Vec<String> {
    c.warnings
        .iter()
        .filter(|w| {
            w.path
                .file_name()
                .is_some_and(|f| f.to_string_lossy() == name)
        })
        .map(|w| w.message.clone())
        .collect()
}

fn loaded(c: &Corpus, name: &str) -> usize {
    c.articles
        .iter()
        .filter(|a| {
            a.path
                .file_name()
                .is_some_and(|f| f.to_string_lossy() == name)
        })
        .count()
}

#[test]
fn hostile_folder_loads_what_it_can_and_names_the_rest() {
    let (_tmp, dir) = folder();
    let d = dir.clone();
    let c = bounded("load", move || corpus::load(&[d]).unwrap());
    // skipped, each with a warning naming the file
    for (name, why) in [
        ("empty.txt", "empty"),
        ("whitespace.txt", "empty"),
        ("binary.txt", "binary"),
        ("nested.json", "invalid JSON"),
        ("truncated.json", "invalid JSON"),
        ("malformed.rss", "feed"),
        ("not_a_feed.xml", "feed"),
        ("dangling.txt", ""),
    ] {
        let w = warned(&c, name);
        assert!(w.iter().any(|m| m.contains(why)), "{name}: {w:?}");
        assert_eq!(loaded(&c, name), 0, "{name}");
    }
    assert!(
        c.warnings.iter().any(|w| w.path.ends_with("loop")),
        "the symlink loop is named: {:?}",
        c.warnings
    );
    // loaded, with a warning where something was repaired
    for (name, n, why) in [
        ("invalid_utf8.txt", 1, Some("UTF-8")),
        ("utf16_bom.txt", 1, Some("UTF-16")),
        ("bad_dates.md", 1, Some("not a valid date")),
        ("year_99999.html", 1, Some("not a valid date")),
        ("no_text.jsonl", 2, Some("no text")),
        ("deep.jsonl", 1, Some("line 2")),
        ("crlf.txt", 1, None),
        ("lone_cr.txt", 1, None),
        ("escapes.txt", 1, None),
        ("scripts.html", 1, None),
        ("good.txt", 1, None),
        ("huge_article.txt", 1, None),
        ("long_line.txt", 1, None),
        ("huge.rss", 20_000, None),
        ("esc\x1b[31mname\x07.txt", 1, None),
    ] {
        assert_eq!(loaded(&c, name), n, "{name}: {:?}", warned(&c, name));
        if let Some(why) = why {
            let w = warned(&c, name);
            assert!(w.iter().any(|m| m.contains(why)), "{name}: {w:?}");
        }
    }
    let locked = loaded(&c, "locked.txt") + warned(&c, "locked.txt").len();
    assert_eq!(locked, 1, "read (as root) or warned about");
    // line ends: the article text has no CR left in the middle of words
    let lone = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("lone_cr.txt"))
        .unwrap();
    assert!(lone.text.contains("Justin Trudeau"));
    // scripts and iframes are not text
    let html = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("scripts.html"))
        .unwrap();
    assert!(!html.text.contains("Injected") && !html.text.contains("Menu Home"));
    assert!(html.text.contains("Rishi Sunak"));
}

#[test]
fn hostile_articles_analyze_and_draw_without_panics_or_raw_escapes() {
    let (_tmp, dir) = folder();
    // the analysis of everything small (the 50 MB article is the loader's test)
    std::fs::remove_file(dir.join("huge_article.txt")).unwrap();
    std::fs::remove_file(dir.join("huge.rss")).unwrap();
    let ix = bounded("analysis", move || {
        Index::build(corpus::load(&[dir]).unwrap(), 2025)
    });
    assert!(!ix.entities.is_empty());
    let esc = ix
        .articles
        .iter()
        .position(|a| a.path.ends_with("escapes.txt"))
        .unwrap();
    use crossread::app::{keymap::Keymap, update, Action, State};
    use crossread::ui::{theme::Theme, wrap::Wrapped};
    use ratatui::{backend::TestBackend, Terminal};
    for (w, h) in [(20, 5), (80, 24), (200, 60)] {
        let mut s = State::new(&ix);
        let pos = s.sources.order.iter().position(|&a| a == esc).unwrap();
        update(
            &mut s,
            &ix,
            Action::Click {
                pane: crossread::app::Pane::Sources,
                row: pos,
            },
        );
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut wrap = Wrapped::default();
        let look = (&Keymap::default_map(), &Theme::mono());
        crossread::ui::frame(&mut term, &mut s, &ix, look, &mut wrap).unwrap();
        let screen: String = term
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(
            !screen.contains('\x1b') && !screen.contains('\x07'),
            "raw control characters on screen"
        );
        if w >= 80 {
            assert!(screen.contains('␛'), "escape shown as a symbol");
        }
    }
}
