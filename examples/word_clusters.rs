//! Groups the words of unannotated text into classes by the words written
//! before and after them (the exchange algorithm of Kneser and Ney 1993,
//! Martin, Liermann and Ney 1998: the classes that make a class bigram
//! model of the text most likely), for `assets/ner/word_classes.tsv`; see
//! assets/ner/README.md:
//!
//!     cargo run --release --example word_clusters -- 64,256,1000 5 \
//!         ../shared/corpora/reuters21578.jsonl ../shared/corpora/bbc.jsonl \
//!         > assets/ner/word_classes.tsv
//!
//! Each input is JSON Lines with a "text" field, or a gold file of
//! `../shared/eval`'s format (its documents' texts). Words are taken as
//! crossread's tokenizer cuts them, case kept, every digit written 0; a
//! word seen fewer than MIN_COUNT times is one "<rare>" word. The words
//! are visited from the most frequent, each moved to the class that gains
//! most, until a pass moves fewer than one in a thousand (at most 20
//! passes). Deterministic: no seed, no threads.

use crossread::nlp::entities::word_classes::{exchange, Bigrams};
use crossread::nlp::text::{sentences, tokens};
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!(
            "usage: word_clusters CLASSES[,CLASSES...] MIN_COUNT TEXTS... > word_classes.tsv"
        );
        std::process::exit(2);
    }
    let ks: Vec<usize> = args[0]
        .split(',')
        .map(|k| k.parse().expect("CLASSES: numbers, as 64,256,1000"))
        .collect();
    let min: u64 = args[1].parse().expect("MIN_COUNT: a number");
    let t0 = std::time::Instant::now();
    // the text as word numbers, sentence ends as word 0
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = vec!["<s>".into()];
    ids.insert("<s>".into(), 0);
    let mut seq: Vec<u32> = vec![0];
    let mut docs = 0;
    for path in &args[2..] {
        for text in texts(path) {
            docs += 1;
            let toks = tokens(&text);
            let mut ti = 0;
            for s in sentences(&text) {
                while ti < toks.len() && toks[ti].start < s.end {
                    let t = toks[ti];
                    ti += 1;
                    if t.start < s.start {
                        continue;
                    }
                    let w: String = text[t.start..t.end]
                        .chars()
                        .map(|c| if c.is_ascii_digit() { '0' } else { c })
                        .collect();
                    let id = *ids.entry(w.clone()).or_insert_with(|| {
                        names.push(w);
                        names.len() as u32 - 1
                    });
                    seq.push(id);
                }
                seq.push(0);
            }
        }
    }
    // rare words as one
    let mut count = vec![0u64; names.len()];
    for &w in &seq {
        count[w as usize] += 1;
    }
    let mut order: Vec<u32> = (0..names.len() as u32)
        .filter(|&w| w == 0 || count[w as usize] >= min)
        .collect();
    order.sort_by(|&a, &b| count[b as usize].cmp(&count[a as usize]).then(a.cmp(&b)));
    let rare = order.len() as u32;
    let mut renum = vec![rare; names.len()];
    for (i, &w) in order.iter().enumerate() {
        renum[w as usize] = i as u32;
    }
    let v = order.len() + 1;
    let seq: Vec<u32> = seq.iter().map(|&w| renum[w as usize]).collect();
    eprintln!(
        "{docs} texts, {} tokens, {} words of {} kept ({:.1?})",
        seq.len(),
        v - 1,
        names.len(),
        t0.elapsed()
    );
    let bigrams = Bigrams::new(&seq, v);
    let runs: Vec<Vec<usize>> = ks
        .iter()
        .map(|&k| {
            exchange(k, &bigrams, |pass, moved, ll| {
                eprintln!(
                    "{k} classes, pass {pass}: {moved} moved, objective {ll:.0} ({:.1?})",
                    t0.elapsed()
                )
            })
        })
        .collect();
    // the words, most frequent first, and their classes
    let sizes: Vec<String> = ks.iter().map(usize::to_string).collect();
    println!(
        "# word<TAB>its class among {} (words seen {min} times or more; made by examples/word_clusters.rs)",
        sizes.join(", then among ")
    );
    for (i, &w) in order.iter().enumerate() {
        if w != 0 {
            let cs: Vec<String> = runs.iter().map(|r| r[i].to_string()).collect();
            println!("{}\t{}", names[w as usize], cs.join(" "));
        }
    }
}

/// The texts of a JSON Lines file or of a gold file's documents.
fn texts(path: &str) -> Vec<String> {
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let field = |v: &serde_json::Value| v["text"].as_str().map(str::to_string);
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&src) {
        if let Some(docs) = v["documents"].as_array() {
            return docs.iter().filter_map(field).collect();
        }
    }
    src.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| field(&v))
        .collect()
}
