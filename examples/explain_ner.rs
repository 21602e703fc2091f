//! Shows what the mention model makes of each candidate of a text file:
//! the rules' type and evidence, the model's scores and its strongest
//! features. `cargo run --release --example explain_ner -- FILE [NAME]`
//! (with NAME, only the candidates written so; TOP=N shows N features).
//! `--corpus DIR` first lets every file of DIR inform the corpus's casing
//! evidence, as a folder opened in crossread does.

use crossread::nlp::entities::{self, features};
use crossread::nlp::model;
use crossread::nlp::{self, Lexicon};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut corpus = Vec::new();
    if args.first().is_some_and(|a| a == "--corpus") && args.len() > 1 {
        let dir = args.remove(1);
        args.remove(0);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        corpus = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
    }
    let Some(path) = args.first() else {
        eprintln!("usage: explain_ner FILE [NAME]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let p = nlp::prepare(&text);
    let mut lex = Lexicon::default();
    for other in &corpus {
        let q = nlp::prepare(other);
        lex.observe(other, &q.tokens, &q.sentences);
    }
    if corpus.is_empty() {
        lex.observe(&text, &p.tokens, &p.sentences);
    }
    let top = std::env::var("TOP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let Some(m) = features::model() else {
        eprintln!("no model in assets/ner/model.tsv");
        std::process::exit(1);
    };
    for (c, names) in entities::candidates(&text, &p.tokens, &p.sentences, &lex) {
        let name = &text[c.range.clone()];
        if args.get(1).is_some_and(|n| n != name) {
            continue;
        }
        let hashes: Vec<u64> = names.iter().map(|f| model::hash(f)).collect();
        let s = m.scores(&hashes);
        let mut contrib: Vec<(f32, &str)> = names
            .iter()
            .zip(&hashes)
            .filter_map(|(n, h)| m.weights(*h).map(|w| (w[model::best(&s)], n.as_str())))
            .collect();
        contrib.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
        println!(
            "{name:30} rules {:6} {:12} scores {:?}\n    {:?}",
            c.ty.as_str(),
            c.evidence.describe(),
            s.map(|x| (x * 10.0).round() / 10.0),
            &contrib[..contrib.len().min(top)]
        );
    }
}
