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
        Err(e) => {
            if let Some(enc) = declared_charset(head) {
                let (text, _, _) = enc.decode(bytes);
                let note = format!(
                    "not UTF-8; read as {}, the charset it declares; offsets refer to the decoded text",
                    enc.name()
                );
                return Decoded::Text(text.into_owned().into(), Some(note));
            }
            if single_byte(bytes) {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                let note =
                    "not UTF-8; read as Windows-1252 (Latin-1); offsets refer to the decoded text";
                return Decoded::Text(text.into_owned().into(), Some(note.into()));
            }
            Decoded::Text(
                String::from_utf8_lossy(bytes),
                Some(format!(
                    "not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                    e.valid_up_to()
                )),
            )
        }
    }
}

/// The charset a file declares in its head (`<meta charset="iso-8859-1">`,
/// `<?xml ... encoding="windows-1252"?>`, `Content-Type: text/plain;
/// charset=gbk`), where it is one other than UTF-8 that WHATWG knows.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &head[..head.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let label_after = |key: &[u8]| {
        let at = lower.windows(key.len()).position(|w| w == key)? + key.len();
        let rest = &lower[at..];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.')))
            .unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest[..end])
    };
    label_after(b"charset=")
        .or_else(|| label_after(b"encoding="))
        // (any charset that writes ASCII as ASCII, so the head was read
        // right: Latin-1, Cyrillic, GBK, Shift_JIS, EUC-KR; not UTF-16)
        .filter(|e| *e != encoding_rs::UTF_8 && e.is_ascii_compatible())
}

/// Whether bytes that are not UTF-8 are more likely a single-byte encoding:
/// their bytes above ASCII fail as UTF-8 more often than they make
/// characters ("Caf\xe9", not "Café" with one stray byte).
fn single_byte(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    bad > good
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

/// Decodes the common named entities and numeric character references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // an entity is short: look for its ';' within 12 bytes (on a char boundary)
        let mut lim = rest.len().min(12);
        while !rest.is_char_boundary(lim) {
            lim -= 1;
        }
        let end = rest[..lim].find(';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "hellip" => Some('…'),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => {
                    name[1..].parse::<u32>().ok().and_then(char::from_u32)
                }
                _ => None,
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
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
        // UTF-8 with one stray byte: the characters stand, the byte is lost
        match decode_bytes("Zelenskyy’s café: price \u{a3}5 \u{fffd}".as_bytes()) {
            Decoded::Text(_, None) => {}
            _ => panic!("valid text"),
        }
        let mut b = "Zelenskyy’s café, ".as_bytes().to_vec();
        let at = b.len() + "price ".len();
        b.extend(b"price \xa3 5");
        match decode_bytes(&b) {
            Decoded::Text(t, Some(n)) => {
                assert!(t.contains('\u{FFFD}') && t.contains("café"), "{t}");
                assert!(n.contains(&format!("offset {at}")), "{n}");
            }
            _ => panic!("not decoded"),
        }
    }

    /// Text in a single-byte encoding reads as Windows-1252 (Latin-1), or
    /// as the charset it declares.
    #[test]
    fn single_byte_text_is_read_as_latin1_or_its_charset() {
        match decode_bytes(b"Caf\xe9 in K\xf6ln, \x93quoted\x94 \x80 5") {
            Decoded::Text(t, Some(n)) => {
                assert_eq!(t, "Café in Köln, “quoted” € 5");
                assert!(n.contains("Windows-1252"), "{n}");
            }
            _ => panic!("not decoded"),
        }
        // ISO-8859-5 declared: Cyrillic, not Latin letters
        let html = b"<html><head><meta charset=\"iso-8859-5\"></head><p>\xba\xd8\xd5\xd2</p>";
        match decode_bytes(html) {
            Decoded::Text(t, Some(n)) => {
                assert!(t.contains("Киев"), "{t}");
                assert!(n.contains("ISO-8859-5"), "{n}");
            }
            _ => panic!("not decoded"),
        }
    }

    /// A page in a multi-byte charset it declares reads as its words.
    #[test]
    fn declared_multibyte_charsets_are_read() {
        let gbk = b"<html><head><meta charset=\"gbk\"></head><p>\xb1\xb1\xbe\xa9</p>";
        let sjis = b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><p>\x93\x8c\x8b\x9e</p>";
        for (bytes, word, name) in [(&gbk[..], "北京", "GBK"), (&sjis[..], "東京", "Shift_JIS")]
        {
            match decode_bytes(bytes) {
                Decoded::Text(t, Some(n)) => {
                    assert!(t.contains(word), "{t}");
                    assert!(n.contains(name), "{n}");
                }
                _ => panic!("not decoded"),
            }
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
