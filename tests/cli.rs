//! The command line as scripts use it: exit codes, stdout for data, stderr
//! for errors, configuration, completions, compare.

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str], home: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn config_print_default_loads_back_and_check_reports_lines() {
    let home = tempfile::tempdir().unwrap();
    let out = run(&["config", "--print-default"], home.path());
    assert_eq!(out.status.code(), Some(0));
    let def = text(&out.stdout);
    assert!(def.contains("[theme]") && def.contains("[keys]") && def.contains("date_format"));
    // the defaults, saved as the user's file, are valid
    let cfg = home.path().join("config/crossread/config.toml");
    std::fs::create_dir_all(cfg.parent().unwrap()).unwrap();
    std::fs::write(&cfg, &def).unwrap();
    let out = run(&["config"], home.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // an invalid file: the line and the key on stderr, exit 1, data commands still run
    std::fs::write(&cfg, "[layout]\nsources_width = 5\n").unwrap();
    let out = run(&["config"], home.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("sources_width"),
        "{err}"
    );
    let out = run(&["entities"], home.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Vladimir Putin"));
}

#[test]
fn missing_config_named_on_the_command_line_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let out = run(&["--config", "/no/such.toml", "entities"], home.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/no/such.toml"));
    let out = run(&["frobnicate"], home.path());
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--version"], home.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("crossread "));
}

#[test]
fn completions_for_three_shells() {
    let home = tempfile::tempdir().unwrap();
    for sh in ["bash", "zsh", "fish"] {
        let out = run(&["completions", sh], home.path());
        assert_eq!(out.status.code(), Some(0));
        let s = text(&out.stdout);
        assert!(s.contains("crossread") && s.contains("compare"), "{sh}");
    }
}

#[test]
fn compare_headless_text_and_json() {
    let home = tempfile::tempdir().unwrap();
    let out = run(&["compare", "001", "003", "seeds"], home.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("same event") && s.contains("Oval Office"), "{s}");
    let out = run(&["compare", "000", "002", "--json", "seeds"], home.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["relation"], "different_events");
    assert!(v["rows"].as_array().unwrap().len() > 5);
    // an unknown article is a runtime error naming it
    let out = run(&["compare", "001", "999", "seeds"], home.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("999"));
}

#[test]
fn log_goes_to_a_file_never_to_the_screen() {
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("x.log");
    let out = run(
        &["--log-file", log.to_str().unwrap(), "entities", "seeds"],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let l = std::fs::read_to_string(&log).unwrap();
    assert!(l.contains("read 5 articles"), "{l}");
}

#[test]
fn the_cache_is_used_when_nothing_changed_and_rebuilt_otherwise() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    for e in std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let log = home.path().join("x.log");
    let go = || {
        let out = run(
            &[
                "--log-file",
                log.to_str().unwrap(),
                "entities",
                "--json",
                dir.to_str().unwrap(),
            ],
            home.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let l = std::fs::read_to_string(&log).unwrap();
        let last = l
            .lines()
            .rev()
            .find(|x| x.contains("cache hit") || x.contains("cache miss"))
            .unwrap_or("")
            .to_string();
        (text(&out.stdout), last)
    };
    let (first, l1) = go();
    assert!(l1.contains("Absent"), "{l1}");
    let (second, l2) = go();
    assert!(l2.contains("cache hit"), "{l2}");
    assert_eq!(first, second, "the cache gives the same answers");
    // a changed file is a miss
    let f = dir.join("002_f1a78850e2a75191.txt");
    let mut t = std::fs::read_to_string(&f).unwrap();
    t.push_str("\nAngela Merkel visited Kyiv.\n");
    std::fs::write(&f, t).unwrap();
    let (third, l3) = go();
    assert!(l3.contains("Stale"), "{l3}");
    assert!(third.contains("Angela Merkel"));
    // only that file was read and analyzed again; the answers are those of
    // a full analysis
    let l = std::fs::read_to_string(&log).unwrap();
    assert!(
        l.contains("4 articles of 4 unchanged files reused, 1 files to read"),
        "{l}"
    );
    let full = run(
        &["--no-cache", "entities", "--json", dir.to_str().unwrap()],
        home.path(),
    );
    assert_eq!(third, text(&full.stdout), "incremental = full");
    // a damaged cache is a miss too, and is rebuilt
    for e in std::fs::read_dir(home.path().join("cache/crossread")).unwrap() {
        std::fs::write(e.unwrap().path(), b"XREADIX1 damaged").unwrap();
    }
    let (fourth, l4) = go();
    assert!(l4.contains("Corrupt"), "{l4}");
    assert_eq!(fourth, third);
    let (_, l5) = go();
    assert!(l5.contains("cache hit"), "{l5}");
}

#[test]
fn export_entities_mentions_timeline_and_notes() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("data/crossread/state.toml");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    std::fs::write(
        &state,
        "[articles.\"001_b2008785d766f160.txt\"]\nstar = true\n[[articles.\"001_b2008785d766f160.txt\".notes]]\ntext = \"check, \\\"quoted\\\" | piped\"\nquote = \"A meeting location is to be determined.\"\noffset = 10\n",
    )
    .unwrap();
    let out = run(&["export", "--format", "json", "seeds"], home.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for t in ["entities", "mentions", "timeline", "notes"] {
        assert!(!v[t].as_array().unwrap().is_empty(), "{t}");
    }
    assert_eq!(v["notes"][0]["starred"], "true");
    let out = run(
        &["export", "--format", "csv", "--what", "notes", "seeds"],
        home.path(),
    );
    let csv = text(&out.stdout);
    assert!(csv.starts_with("article,note,on,starred,read\n"), "{csv}");
    assert!(
        csv.contains("\"check, \"\"quoted\"\" | piped\""),
        "CSV quoting: {csv}"
    );
    let out = run(
        &["export", "--format", "md", "--what", "mentions", "seeds"],
        home.path(),
    );
    let md = text(&out.stdout);
    assert!(
        md.starts_with("## mentions") && md.contains("Zelenskiy | volodymyr-zelenskiy"),
        "{}",
        &md[..300.min(md.len())]
    );
    // the user's file is read, never moved
    assert!(state.exists());
}

/// No command prints a control character raw, whatever the articles, file
/// names and user files hold: text output shows them as symbols, JSON
/// escapes them (the same value), stderr's messages too.
#[test]
fn nothing_raw_reaches_the_terminal_from_any_command() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let hostile = "Angela Merkel\x1b]0;owned\x07 met Emmanuel Macron\u{9b}31m in Paris \
        \x1b]52;c;ZXZpbA==\x07on 16 October 2025.\u{202e} \"We agree\x01,\" Merkel said.\n";
    std::fs::write(dir.join("a.txt"), hostile).unwrap();
    std::fs::write(dir.join("b\x1b[31mred\u{202e}.txt"), hostile).unwrap();
    std::fs::write(dir.join("c\x07.txt"), "").unwrap();
    let cfg = home.path().join("config/crossread");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("aliases.toml"),
        "[[ignore]]\nnme = \"\x1b]0;x\x07\"\n",
    )
    .unwrap();
    let d = dir.to_str().unwrap();
    let raw = |b: &[u8]| -> bool {
        let s = String::from_utf8_lossy(b);
        s.chars().any(|c| {
            (c < ' ' && c != '\n' && c != '\t')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
        })
    };
    for args in [
        vec!["extract", d],
        vec!["extract", "--json", d],
        vec!["entities", d],
        vec!["entities", "--json", d],
        vec!["mentions", "Merkel", d],
        vec!["mentions", "Merkel", "--json", d],
        vec!["timeline", d],
        vec!["timeline", "--json", d],
        vec!["search", "Paris", d],
        vec!["search", "Paris", "--json", d],
        vec!["export", "--format", "md", d],
        vec!["export", "--format", "csv", d],
        vec!["export", "--format", "json", d],
        vec!["compare", "a.txt", "b", d],
    ] {
        let out = run(&args, home.path());
        assert!(!raw(&out.stdout), "{args:?}: raw on stdout");
        assert!(!raw(&out.stderr), "{args:?}: raw on stderr");
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {:?} {}",
            out.status,
            text(&out.stderr)
        );
        if args.contains(&"--json") || args.contains(&"json") {
            let v: serde_json::Value =
                serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            // the JSON keeps the text exactly
            if args[0] == "extract" {
                let docs = v["documents"].as_array().unwrap();
                assert!(docs.iter().any(|d| d["title"]
                    .as_str()
                    .is_some_and(|t| t.contains("Merkel\x1b]0;owned\x07"))));
            }
        }
    }
    // the warnings name the files, shown safely
    let out = run(&["entities", d], home.path());
    let err = text(&out.stderr);
    assert!(
        err.contains("c␇.txt") && err.contains("aliases.toml"),
        "{err}"
    );
}

/// A folder named relatively and absolutely is one corpus with one cache.
#[test]
fn a_relative_and_an_absolute_path_share_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("log");
    let last = |args: &[&str]| {
        let mut a = vec!["--log-file", log.to_str().unwrap()];
        a.extend_from_slice(args);
        let out = run(&a, home.path());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        std::fs::read_to_string(&log)
            .unwrap()
            .lines()
            .rev()
            .find(|x| x.contains("cache hit") || x.contains("cache miss"))
            .unwrap_or("")
            .to_string()
    };
    assert!(last(&["entities", "seeds"]).contains("Absent"));
    let abs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let l = last(&["entities", abs.to_str().unwrap()]);
    assert!(l.contains("cache hit"), "{l}");
    let l = last(&["entities", "./seeds/"]);
    assert!(l.contains("cache hit"), "{l}");
}

/// A FIFO, a link to /dev/zero and a socket in the folder, with the cache
/// on and off: nothing hangs (the command ends on its own), each is named
/// in a warning, and the articles load.
#[test]
fn pipes_devices_and_sockets_are_skipped_not_waited_on() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "Angela Merkel spoke in Berlin.").unwrap();
    let fifo = std::ffi::CString::new(dir.join("pipe.txt").to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", dir.join("random.md")).unwrap();
    let _sock = std::os::unix::net::UnixListener::bind(dir.join("sock.txt")).unwrap();
    for extra in [None, Some("--no-cache")] {
        let mut args: Vec<String> = extra.into_iter().map(String::from).collect();
        args.extend(["entities".into(), dir.to_str().unwrap().into()]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
            .args(&args)
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let t0 = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if t0.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                panic!("{args:?}: still running after 60 s (waiting on a pipe or a device?)");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let err = text(&out.stderr);
        for name in ["pipe.txt", "zero.txt", "random.md", "sock.txt"] {
            assert!(
                err.lines()
                    .any(|l| l.contains(name) && l.contains("not a file")),
                "{name}: {err}"
            );
        }
        assert!(text(&out.stdout).contains("Angela Merkel"));
    }
}

/// `mentions` finds an entity by any word or spelling of its names; a name
/// that matches none exits 1 and names the closest.
#[test]
fn mentions_by_any_word_or_spelling_and_the_closest_when_none() {
    let home = tempfile::tempdir().unwrap();
    for (q, name) in [
        ("Melania", "Melania Trump"),
        ("zelensky", "Volodymyr Zelenskiy"),
        ("Kiev", "Kyiv"),
        ("Vladmir", "Vladimir Putin"),
    ] {
        let out = run(&["mentions", q, "seeds"], home.path());
        assert_eq!(out.status.code(), Some(0), "{q}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).starts_with(name),
            "{q}: {}",
            text(&out.stdout)
        );
    }
    let out = run(&["mentions", "Zelinsky", "seeds"], home.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("no entity named \"Zelinsky\"; closest: Volodymyr Zelenskiy"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    // one mention, one article: no "1 articles"
    let out = run(&["mentions", "Melania", "seeds"], home.path());
    assert!(text(&out.stdout).contains("1 mention in 1 article;"));
}

#[test]
fn the_entities_table_keeps_its_columns_apart_for_long_names() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Officials of the United States Fish and Wildlife Service met. \
         Then the Massachusetts Institute of Technology Computer Science Laboratory agreed.\n",
    )
    .unwrap();
    let out = run(&["entities", dir.path().to_str().unwrap()], home.path());
    let s = text(&out.stdout);
    let head = s.lines().next().unwrap();
    let at = head.find("type").unwrap();
    for line in s.lines().skip(1) {
        // every line's type starts under the header's, after a space
        let cut: String = line.chars().take(at).collect();
        assert!(cut.ends_with(' '), "{s}");
        let rest: String = line.chars().skip(at).collect();
        assert!(
            ["PERSON", "ORG", "PLACE", "OTHER"]
                .iter()
                .any(|t| rest.starts_with(t)),
            "{s}"
        );
    }
    // a name longer than the column is cut, whole among the aliases
    assert!(s.contains('…'), "{s}");
}
