#![no_main]
//! The time-expression normalizer on arbitrary text and reference dates.
use crossread::nlp::{text, timex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let day = u16::from_le_bytes([data[0], data[1]]);
    let reference = chrono::NaiveDate::from_num_days_from_ce_opt(700_000 + day as i32);
    let s = String::from_utf8_lossy(&data[2..]);
    let sents = text::sentences(&s);
    for t in timex::extract(&s, &sents, reference) {
        assert!(t.range.end <= s.len() && s.is_char_boundary(t.range.start));
        let _ = t.days();
    }
});
