//! The mention model shipped in `assets/ner/model.tsv` is what the training
//! command in this repository makes from `../shared/train/` (deterministic:
//! the same files give the same weights), so anyone can rebuild it and see
//! how it was made. Skipped, with a message, where ../shared is absent.

use crossread::nlp::entities::train;
use std::path::PathBuf;

#[test]
fn the_shipped_model_is_the_one_the_training_command_makes() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("../shared/train");
    let files = ["gum-train.json", "uner-ewt-dev.json"];
    if !files.iter().all(|f| dir.join(f).exists()) {
        eprintln!("skipped: ../shared/train is absent");
        return;
    }
    let mut examples = Vec::new();
    let mut docs = 0;
    for f in files {
        let src = std::fs::read_to_string(dir.join(f)).unwrap();
        let gold: serde_json::Value = serde_json::from_str(&src).unwrap();
        examples.extend(train::examples(&gold, docs));
        docs += gold["documents"].as_array().map_or(0, Vec::len);
    }
    assert!(examples.len() > 5000, "{} candidates", examples.len());
    let made = train::model_file(&examples, &files);
    let shipped = std::fs::read_to_string(root.join("assets/ner/model.tsv")).unwrap();
    assert!(
        made == shipped,
        "assets/ner/model.tsv is not what the training makes: run\n  \
         cargo run --release --example train_ner -- ../shared/train/gum-train.json \
         ../shared/train/uner-ewt-dev.json > assets/ner/model.tsv"
    );
}
