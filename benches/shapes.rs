//! `cargo bench --bench shapes`: the analysis on input shapes made to hurt
//! it, beside normal news, in MB/s. Every stage must stay linear (or
//! n log n) in an article's size, whatever its shape; the bar is a third of
//! normal text's speed. Normal text: the first stories of Reuters-21578 as
//! articles (all cores), and the same text as one article (one core).

use crossread::corpus::{Article, Corpus};
use crossread::index::Index;
use std::time::{Duration, Instant};

fn article(id: &str, text: String) -> Article {
    Article {
        id: id.into(),
        title: id.into(),
        body: 0..text.len(),
        text,
        ..Default::default()
    }
}

/// Median of `runs` analyses of the corpus, with its size in bytes.
fn analyze(runs: usize, make: &dyn Fn() -> Vec<Article>) -> (Duration, usize) {
    let bytes: usize = make().iter().map(|a| a.text.len()).sum();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let articles = make();
            let t = Instant::now();
            let ix = Index::build(
                Corpus {
                    articles,
                    warnings: vec![],
                },
                2025,
            );
            let d = t.elapsed();
            std::hint::black_box(ix.entities.len());
            d
        })
        .collect();
    times.sort();
    (times[runs / 2], bytes)
}

/// A little generator of pseudo-random words, the same in every run.
struct Words(u64);

impl Words {
    fn word(&mut self, len: usize) -> String {
        (0..len)
            .map(|i| {
                self.0 = self
                    .0
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let c = b'a' + ((self.0 >> 33) % 26) as u8;
                if i == 0 {
                    c.to_ascii_uppercase() as char
                } else {
                    c as char
                }
            })
            .collect()
    }
}

fn main() {
    let reuters = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/reuters21578.jsonl");
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let normal: Vec<Article> = if reuters.exists() {
        let mut c = crossread::corpus::load(&[reuters]).unwrap().articles;
        let mut n = 0;
        c.retain(|a| {
            n += a.text.len();
            n <= 8_000_000
        });
        c
    } else {
        println!("skipped: ../shared/corpora/reuters21578.jsonl not found");
        return;
    };
    crossread::nlp::warm_up(&crossread::corpus::SAMPLE_TEXTS);
    let joined = normal
        .iter()
        .map(|a| a.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let (dn, bn) = analyze(runs, &|| normal.clone());
    let base = bn as f64 / 1e6 / dn.as_secs_f64();
    println!(
        "{:<46} {:>7} {:>9} {:>8} {:>6}",
        "shape", "MB", "time", "MB/s", "ratio"
    );
    // SHAPES=a,b: only the shapes whose name holds one of these
    let only: Vec<String> = std::env::var("SHAPES")
        .map(|v| v.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let wanted = |what: &str| only.is_empty() || only.iter().any(|o| what.contains(o.as_str()));
    let report = |what: &str, make: &dyn Fn() -> Vec<Article>| {
        if !wanted(what) {
            return;
        }
        let (d, b) = analyze(runs, make);
        let rate = b as f64 / 1e6 / d.as_secs_f64();
        let ratio = rate / base;
        println!(
            "{what:<46} {:>7.1} {:>7.0}ms {rate:>8.1} {ratio:>6.2}{}",
            b as f64 / 1e6,
            d.as_secs_f64() * 1e3,
            if ratio < 1.0 / 3.0 { "  < 1/3" } else { "" }
        );
    };
    println!(
        "{:<46} {:>7.1} {:>7.0}ms {base:>8.1} {:>6.2}",
        "normal: Reuters stories (articles, all cores)",
        bn as f64 / 1e6,
        dn.as_secs_f64() * 1e3,
        1.0
    );
    report("normal: the same text as one article", &|| {
        vec![article("one", joined.clone())]
    });
    let words = [
        "the",
        "minister",
        "said",
        "that",
        "talks",
        "would",
        "continue",
        "in",
        "Berlin",
        "and",
        "Paris",
        "on",
        "Monday",
        "with",
        "officials",
        "from",
        "Germany",
    ];
    report("one sentence of a million words", &|| {
        let mut w = Words(1);
        let text: Vec<&str> = (0..1_000_000)
            .map(|_| words[(w.word(1).as_bytes()[0] as usize) % words.len()])
            .collect();
        vec![article("sentence", text.join(" "))]
    });
    report("one name repeated a million times", &|| {
        vec![article("name", "Olaf Scholz ".repeat(1_000_000))]
    });
    report("one name, a sentence each, half a million", &|| {
        vec![article("names", "Olaf Scholz spoke. ".repeat(500_000))]
    });
    report("a million distinct names", &|| {
        let mut w = Words(7);
        let names: Vec<String> = (0..1_000_000)
            .map(|_| format!("{} {}", w.word(6), w.word(7)))
            .collect();
        vec![article("distinct", names.join(", "))]
    });
    report("a 10 MB token", &|| {
        vec![article("token", "a".repeat(10_000_000))]
    });
    report("a million numbers (years, clock times)", &|| {
        let text: Vec<String> = (0..1_000_000)
            .map(|i| format!("{}", 1000 + i % 9000))
            .collect();
        vec![article("numbers", text.join(" "))]
    });
    report("a million quote marks", &|| {
        vec![article("quotes", "\"a\" ".repeat(1_000_000))]
    });
}
