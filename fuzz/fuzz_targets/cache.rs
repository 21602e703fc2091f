#![no_main]
//! The cache decoder on arbitrary bytes: a miss or an index whose every
//! command's output can be made; never a panic. (A real cache, made by
//! `fuzz/run.sh` from the seeds, seeds the corpus so that mutations reach
//! past the checksums too.)
use crossread::index::cache;
use crossread::output;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(ix) = cache::load_any(data) {
        let _ = output::extract(&ix, true);
        let _ = output::entities(&ix, false);
        let _ = output::timeline(&ix, true);
        let _ = output::search(&ix, "Trump", false, false);
        if ix.articles.len() >= 2 {
            let _ = output::compare(&ix, 0, 1, false);
        }
    }
});
