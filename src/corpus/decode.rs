//! Bytes to text: UTF-8 (lossy with a warning), UTF-16 with a BOM, binary detection.

pub enum Decoded<'a> {
    /// The text (borrowed where the bytes were clean UTF-8), and a note for
    /// the user when they were not.
    Text(std::borrow::Cow<'a, str>, Option<String>),
    Binary,
}

pub fn decode_bytes(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)))
        .count();
    if head.contains(&0) || controls * 10 > head.len().max(1) {
        return Decoded::Binary;
    }
    if utf8_in_pieces(bytes) {
        // SAFETY: every piece was checked, and pieces end after a '\n' (one
        // byte, never inside a character), so the whole is valid UTF-8
        return Decoded::Text(unsafe { std::str::from_utf8_unchecked(bytes) }.into(), None);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded::Text(s.into(), None),
        Err(e) => Decoded::Text(
            String::from_utf8_lossy(bytes),
            Some(format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                e.valid_up_to()
            )),
        ),
    }
}

/// A large file checked for UTF-8 on all cores, a megabyte-sized piece at a
/// time, cut after line ends; false where a piece is not valid (or the file
/// is small: the caller checks it whole).
fn utf8_in_pieces(bytes: &[u8]) -> bool {
    use rayon::prelude::*;
    const PIECE: usize = 1 << 20;
    if bytes.len() < 4 * PIECE {
        return false;
    }
    let mut cuts = vec![0];
    let mut at = 0;
    while at + PIECE < bytes.len() {
        match memchr::memchr(b'\n', &bytes[at + PIECE..]) {
            Some(p) => at += PIECE + p + 1,
            None => break,
        }
        cuts.push(at);
    }
    cuts.push(bytes.len());
    cuts.par_windows(2)
        .all(|w| std::str::from_utf8(&bytes[w[0]..w[1]]).is_ok())
}

fn utf16(rest: &[u8], f: fn([u8; 2]) -> u16) -> Decoded<'static> {
    let units: Vec<u16> = rest.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    let text = String::from_utf16_lossy(&units);
    Decoded::Text(
        text.into(),
        Some("decoded from UTF-16; offsets refer to the decoded text".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Kyiv".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        match decode_bytes(&b) {
            Decoded::Text(t, Some(_)) => assert_eq!(t, "Kyiv"),
            _ => panic!("not decoded"),
        }
    }

    #[test]
    fn large_files_checked_in_pieces() {
        let line = "Zelenskyy’s café in Kyiv — “quoted” €5\n";
        let big = line.repeat(6 << 20 >> 6);
        assert!(big.len() > 4 << 20);
        match decode_bytes(big.as_bytes()) {
            Decoded::Text(t, None) => assert_eq!(t.len(), big.len()),
            _ => panic!("valid text"),
        }
        // one bad byte deep inside: the same note as a whole-file check
        let mut bad = big.into_bytes();
        let at = 3 * (1 << 20) + 17;
        bad[at] = 0xFF;
        let want = std::str::from_utf8(&bad).unwrap_err().valid_up_to();
        match decode_bytes(&bad) {
            Decoded::Text(t, Some(n)) => {
                assert!(t.contains('\u{FFFD}'));
                assert!(n.contains(&format!("offset {want}")), "{n}");
            }
            _ => panic!("lossy text with a note"),
        }
    }

    #[test]
    fn invalid_utf8_is_lossy_with_a_note() {
        match decode_bytes(b"price \xa3 5") {
            Decoded::Text(t, Some(n)) => {
                assert!(t.contains('\u{FFFD}'));
                assert!(n.contains("offset 6"));
            }
            _ => panic!("not decoded"),
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode_bytes(b"PK\x03\x04\x00\x00"),
            Decoded::Binary
        ));
    }
}
