#![no_main]
//! The whole analysis of one text (tokens, sentences, mentions, time, quotes).
use crossread::nlp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let p = nlp::prepare(&s);
    let mut lex = nlp::Lexicon::default();
    lex.observe(&s, &p.tokens, &p.sentences);
    let a = nlp::analyze(&s, &p, &lex, chrono::NaiveDate::from_ymd_opt(2025, 10, 16));
    for m in &a.mentions {
        assert!(m.range.end <= s.len() && s.is_char_boundary(m.range.start));
    }
});
