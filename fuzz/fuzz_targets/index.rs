#![no_main]
//! The whole corpus layer on arbitrary articles: text cut into articles at
//! NUL bytes, each with a date from two bytes over chrono's whole range,
//! then every command's output, which must carry no raw control character
//! once sanitized as the CLI prints it.
use crossread::corpus::{Article, Corpus};
use crossread::index::Index;
use crossread::{output, safe};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let articles: Vec<Article> = s
        .split('\0')
        .take(8)
        .enumerate()
        .map(|(i, t)| {
            let k = t.bytes().take(2).fold(0i32, |a, b| a * 256 + b as i32);
            let date = chrono::NaiveDate::from_num_days_from_ce_opt(k * 4001 - 131_000_000);
            Article {
                id: format!("a{i}"),
                title: t.chars().take(30).collect(),
                body: 0..t.len(),
                text: t.to_string(),
                date,
                ..Default::default()
            }
        })
        .collect();
    let ix = Index::build(
        Corpus {
            articles,
            warnings: vec![],
        },
        2025,
    );
    for (out, json) in [
        (output::extract(&ix, true), true),
        (output::extract(&ix, false), false),
        (output::entities(&ix, false), false),
        (output::timeline(&ix, false), false),
        (output::timeline(&ix, true), true),
        (output::search(&ix, "a", false, false), false),
    ] {
        let safe = if json {
            safe::escape_json(&out).into_owned()
        } else {
            safe::sanitize_lines(&out).into_owned()
        };
        assert!(!safe
            .chars()
            .any(|c| (c < ' ' && c != '\n' && c != '\t') || ('\u{7f}'..='\u{9f}').contains(&c)));
    }
});
