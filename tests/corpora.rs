//! The shared real corpora load (skipped with a message when ../shared is absent).

use crossread::corpus;
use std::path::PathBuf;

fn shared(p: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(p);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} not found", path.display());
        None
    }
}

#[test]
fn reuters_jsonl_loads() {
    let Some(p) = shared("reuters21578.jsonl") else {
        return;
    };
    let c = corpus::load(&[p]).unwrap();
    assert_eq!(c.articles.len(), 19_043);
    assert!(c.articles.iter().all(|a| a.date.is_some()));
    assert!(c
        .articles
        .iter()
        .any(|a| a.meta("places").is_some_and(|p| p.contains("usa"))));
}

#[test]
fn bbc_folder_loads_with_one_warning() {
    let Some(p) = shared("bbc") else { return };
    let c = corpus::load(&[p]).unwrap();
    // 2,225 articles plus the README.TXT of the folder
    assert!(c.articles.len() >= 2_225, "{}", c.articles.len());
    let w: Vec<String> = c.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter()
            .any(|w| w.contains("199.txt") && w.contains("UTF-8")),
        "{w:?}"
    );
}
