#![no_main]
//! The time-expression normalizer on arbitrary text and reference dates.
use chrono::Datelike;
use crossread::nlp::{text, timex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    // a reference date anywhere in chrono's range, its edges included
    let n = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let (lo, hi) = (
        chrono::NaiveDate::MIN.num_days_from_ce(),
        chrono::NaiveDate::MAX.num_days_from_ce(),
    );
    let day = match n % 4 {
        0 => lo + (n / 4).rem_euclid(8),
        1 => hi - (n / 4).rem_euclid(8),
        _ => lo + (n as i64).rem_euclid((hi - lo) as i64) as i32,
    };
    let reference = chrono::NaiveDate::from_num_days_from_ce_opt(day);
    let s = String::from_utf8_lossy(&data[4..]);
    let sents = text::sentences(&s);
    for t in timex::extract(&s, &sents, reference) {
        assert!(t.range.end <= s.len() && s.is_char_boundary(t.range.start));
        let _ = t.days();
    }
});
