//! `cargo bench`: the parts of crossread, timed in process on the Reuters
//! corpus (or CROSSREAD_BENCH_CORPUS), medians of several runs. No harness
//! crate: plain timing, printed as a table; throughput in MB/s where the
//! input size means something.

use crossread::app::{keymap::Keymap, update, Action, State};
use crossread::corpus;
use crossread::index::{cache, search, Index};
use crossread::nlp;
use crossread::ui::{theme::Theme, wrap::Wrapped};
use ratatui::{backend::TestBackend, Terminal};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn row(what: &str, d: Duration, bytes: Option<usize>) {
    let rate = bytes
        .map(|b| format!("{:>8.1} MB/s", b as f64 / 1e6 / d.as_secs_f64()))
        .unwrap_or_default();
    println!("{what:<44} {:>10.2} ms {rate}", d.as_secs_f64() * 1e3);
}

fn main() {
    let path = std::env::var("CROSSREAD_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/reuters21578.jsonl")
        });
    if !path.exists() {
        println!("skipped: {} not found", path.display());
        return;
    }
    // start-up costs paid once per process, before any analysis
    let t = Instant::now();
    let _ = crossread::nlp::gazetteer::Gazetteer::get();
    row(
        "first use: gazetteers (embedded, parsed)",
        t.elapsed(),
        None,
    );
    let t = Instant::now();
    let one = vec![std::ops::Range { start: 0, end: 9 }];
    let _ = crossread::nlp::timex::extract("on Monday", &one, None);
    row(
        "first use: time-expression patterns compiled",
        t.elapsed(),
        None,
    );
    let bytes = std::fs::metadata(&path)
        .map(|m| m.len() as usize)
        .unwrap_or(0);
    println!(
        "corpus: {} ({:.1} MB), {} threads",
        path.display(),
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
    let load = time(3, || corpus::load(std::slice::from_ref(&path)).unwrap());
    row("read and parse (JSON Lines)", load, Some(bytes));
    let c = corpus::load(std::slice::from_ref(&path)).unwrap();
    let text_bytes: usize = c.articles.iter().map(|a| a.text.len()).sum();
    // one core, article by article: the per-part cost
    let sample: Vec<&str> = c
        .articles
        .iter()
        .take(3000)
        .map(|a| a.text.as_str())
        .collect();
    let sample_bytes: usize = sample.iter().map(|t| t.len()).sum();
    let prep = time(3, || {
        sample
            .iter()
            .map(|t| nlp::prepare(t).tokens.len())
            .sum::<usize>()
    });
    row(
        "tokens and sentences (3,000 articles, 1 core)",
        prep,
        Some(sample_bytes),
    );
    let prepared: Vec<nlp::Prepared> = sample.iter().map(|t| nlp::prepare(t)).collect();
    let mut lex = nlp::Lexicon::default();
    for (t, p) in sample.iter().zip(&prepared) {
        lex.observe(t, &p.tokens, &p.sentences);
    }
    let ents = time(3, || {
        sample
            .iter()
            .zip(&prepared)
            .map(|(t, p)| nlp::entities::mentions(t, &p.tokens, &p.sentences, &lex).len())
            .sum::<usize>()
    });
    row(
        "entity mentions (3,000 articles, 1 core)",
        ents,
        Some(sample_bytes),
    );
    let d = chrono::NaiveDate::from_ymd_opt(1987, 3, 1);
    let tx = time(3, || {
        sample
            .iter()
            .zip(&prepared)
            .map(|(t, p)| nlp::timex::extract(t, &p.sentences, d).len())
            .sum::<usize>()
    });
    row(
        "time expressions (3,000 articles, 1 core)",
        tx,
        Some(sample_bytes),
    );
    let build = time(1, || {
        Index::build(corpus::load(std::slice::from_ref(&path)).unwrap(), 1987)
    });
    row(
        "whole index: read, analyze, link, timeline",
        build,
        Some(bytes),
    );
    let mut ix = Index::build(c, 1987);
    let relink = time(1, || ix.relink(&Default::default()));
    row("linking and timeline (relink)", relink, Some(text_bytes));
    // the cache
    let dir = tempfile::tempdir().unwrap();
    let files = vec![path.clone()];
    let key = cache::key(&files, &Default::default(), 1987);
    let cp = dir.path().join("ix.postcard");
    let save = time(1, || cache::save(&cp, &key, &ix, usize::MAX).unwrap());
    row("cache save", save, None);
    let keyt = time(3, || cache::key(&files, &Default::default(), 1987));
    row("cache key (stat and hash the input)", keyt, Some(bytes));
    let loadc = time(3, || {
        cache::load(&cp, &key).ok().map(|ix| ix.articles.len())
    });
    row("cache load", loadc, None);
    // search, as typed
    for q in [
        "oil",
        "entity:Reagan",
        "\"interest rates\" -source:x",
        "date:1987-03-01..1987-03-31 type:person",
    ] {
        let parsed = search::parse(q);
        let t = time(5, || search::search(&ix, &parsed).len());
        row(&format!("search {q:?}"), t, None);
    }
    for q in ["r", "re", "reag"] {
        let t = time(5, || {
            let mut l = crossread::app::EntityList::new(&ix);
            l.query = crossread::app::line::TextLine::new(q);
            l.refresh(&ix);
            l.ids.len()
        });
        row(&format!("entities view, find {q:?}"), t, None);
    }
    // frames: first frame, and key presses at this size
    let km = Keymap::default_map();
    let th = Theme::dark();
    let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let mut s = State::new(&ix);
    let mut wrap = Wrapped::default();
    let mut frame = |s: &mut State, wrap: &mut Wrapped| {
        crossread::ui::frame(&mut term, s, &ix, (&km, &th), wrap).unwrap();
    };
    let first = time(1, || frame(&mut s, &mut wrap));
    row("first frame (160x48)", first, None);
    let mut keys: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    let mut searches: Vec<Duration> = Vec::new();
    let us = ix.find_entity("United States").map(|e| e.id);
    let script = [
        Action::Down,
        Action::Down,
        Action::FocusReader,
        Action::NextMention,
        Action::Enter,
        Action::Down,
        Action::Back,
        Action::NextHit,
        Action::FocusTimeline,
        Action::PageDown,
        Action::TimelineZoom,
        Action::Entities,
        Action::Input('r'),
        Action::Input('e'),
        Action::Back,
        Action::Search,
        Action::Input('o'),
        Action::Input('i'),
        Action::Input('l'),
        Action::Back,
        Action::CompareRelated,
        Action::Down,
        Action::Back,
    ];
    for _ in 0..5 {
        for a in script {
            let t = Instant::now();
            update(&mut s, &ix, a);
            frame(&mut s, &mut wrap);
            keys.push(t.elapsed());
            slowest.push((t.elapsed(), format!("{a:?}")));
            // a search goes on a step per frame between keys: each step is a
            // frame a key may have to wait for
            while crossread::app::has_work(&s, &ix) {
                let t2 = Instant::now();
                crossread::app::work(&mut s, &ix);
                frame(&mut s, &mut wrap);
                keys.push(t2.elapsed());
                slowest.push((t2.elapsed(), "search step".into()));
            }
            if crossread::app::has_work(&s, &ix) || matches!(a, Action::Input(_)) {
                searches.push(t.elapsed());
            }
        }
        if let Some(e) = us {
            let t = Instant::now();
            s.overlay = crossread::app::Overlay::Entity { entity: e, row: 0 };
            frame(&mut s, &mut wrap);
            update(&mut s, &ix, Action::PageDown);
            frame(&mut s, &mut wrap);
            keys.push(t.elapsed());
            s.overlay = crossread::app::Overlay::None;
        }
    }
    keys.sort();
    slowest.sort_by_key(|a| std::cmp::Reverse(a.0));
    slowest.dedup_by(|a, b| a.1 == b.1);
    for (d, a) in slowest.iter().take(5) {
        row(&format!("  slowest: {a}"), *d, None);
    }
    let p = |q: f64| keys[((keys.len() as f64 - 1.0) * q) as usize];
    row("key press + frame, median", p(0.5), None);
    row("key press + frame, 99th percentile", p(0.99), None);
    row("key press + frame, max", p(1.0), None);
    searches.sort();
    if !searches.is_empty() {
        row(
            "typed letter to complete results, median",
            searches[searches.len() / 2],
            None,
        );
    }
}
