#![no_main]
//! The Text reader on arbitrary bytes: never panics, every article's
//! text non-empty and its ranges inside the text.
use crossread::corpus::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut w = Vec::new();
    for a in read_bytes(std::path::Path::new("fuzz.txt"), Format::Text, data, &mut w) {
        assert!(!a.text.trim().is_empty());
        assert!(a.body.end <= a.text.len() && a.body.start <= a.body.end);
        for b in &a.boilerplate {
            assert!(b.end <= a.text.len());
        }
    }
});
