//! Word helpers below everything else in `nlp` (the gazetteer and the
//! tokenizer both use them).

/// Calls `f` with the word in lower case, without allocating for short ASCII words.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    if b.len() <= 48 && b.is_ascii() {
        let mut buf = [0u8; 48];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        // SAFETY: ASCII in, ASCII out: every byte is below 0x80, valid UTF-8
        f(unsafe { std::str::from_utf8_unchecked(&buf[..b.len()]) })
    } else {
        f(&w.to_lowercase())
    }
}
