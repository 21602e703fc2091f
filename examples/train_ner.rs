//! Trains the mention model from annotated text in the gold format of
//! `../shared/eval` (GUM, Universal NER); see assets/ner/README.md:
//!
//!     cargo run --release --example train_ner -- \
//!         ../shared/train/gum-train.json ../shared/train/uner-ewt-dev.json \
//!         > assets/ner/model.tsv
//!
//! `--cv K` instead cross-validates by document (K folds); `--test
//! GOLD.json` trains on the files and scores the candidates of GOLD.json
//! (mention types only, before the corpus-wide linking). With
//! TRAIN_NER_DUMP=FILE every candidate is also written as a line of JSON.

use crossread::nlp::entities::train::{self, Example};
use serde_json::Value;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut option = |name: &str| {
        let i = args.iter().position(|a| a == name)?;
        let v = args.get(i + 1).cloned();
        args.drain(i..(i + 2).min(args.len()));
        v
    };
    let cv: Option<usize> = option("--cv").and_then(|k| k.parse().ok());
    let test = option("--test");
    if args.is_empty() {
        eprintln!(
            "usage: train_ner [--cv K | --test GOLD.json] GOLD.json... > assets/ner/model.tsv"
        );
        std::process::exit(2);
    }
    let t0 = std::time::Instant::now();
    let mut examples = Vec::new();
    let mut docs = 0;
    for path in &args {
        let gold = read(path);
        let n0 = examples.len();
        examples.extend(train::examples(&gold, docs));
        docs += gold["documents"].as_array().map_or(0, Vec::len);
        eprintln!("{path}: {} candidates", examples.len() - n0);
    }
    if let Some(k) = cv {
        dump(&examples);
        print!("{}", train::cross_validate(&examples, k));
    } else if let Some(test) = test {
        let n = examples.len();
        examples.extend(train::examples(&read(&test), docs));
        dump(&examples);
        print!(
            "{}",
            train::score(
                &examples,
                &[((0..n).collect(), (n..examples.len()).collect())]
            )
        );
    } else {
        dump(&examples);
        let names: Vec<&str> = args
            .iter()
            .map(|f| f.rsplit('/').next().unwrap_or(f))
            .collect();
        print!("{}", train::model_file(&examples, &names));
    }
    eprintln!("done in {:.1?}", t0.elapsed());
}

fn read(path: &str) -> Value {
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&src).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dump(examples: &[Example]) {
    let Some(path) = std::env::var_os("TRAIN_NER_DUMP") else {
        return;
    };
    let lines: Vec<String> = examples
        .iter()
        .map(|e| {
            serde_json::json!({"doc": e.doc, "rule": e.rule, "right": e.right, "features": e.features,
                "name": e.name, "range": [e.range.start, e.range.end]})
            .to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n")).expect("dump");
}
