//! Fuzzy matching for finding an entity as you type: the query's letters in
//! order, scored higher when they start words and run together.

/// A query prepared once for many names: its letters, lower-cased.
pub struct Pattern {
    letters: Vec<char>,
    ascii: bool,
}

impl Pattern {
    pub fn new(query: &str) -> Pattern {
        let letters: Vec<char> = query
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        let ascii = letters.iter().all(char::is_ascii);
        Pattern { letters, ascii }
    }

    /// The score against `name` (case-insensitive), None when the letters
    /// are not all there in order. Higher is better.
    pub fn score(&self, name: &str) -> Option<i32> {
        if self.letters.is_empty() {
            return Some(0);
        }
        // ASCII names (most) compare byte by byte, without Unicode case tables
        if self.ascii && name.is_ascii() {
            let chars = name.bytes().map(char::from);
            let score = self.letters_score(chars, |c, want| c.to_ascii_lowercase() == want)?;
            return Some(score * 4 - name.len() as i32 / 4 + self.whole_ascii(name.as_bytes()));
        }
        let len = name.chars().count() as i32;
        let score = self.letters_score(name.chars(), |c, want| {
            c == want || c.to_lowercase().eq(std::iter::once(want))
        })?;
        // shorter names are better matches for the same letters
        let whole: String = self.letters.iter().collect();
        let lower = name.to_lowercase();
        let bonus = match lower.find(&whole) {
            _ if self.letters.len() < 2 => 0,
            Some(i) if i == 0 || !lower[..i].ends_with(char::is_alphanumeric) => WHOLE_AT_WORD,
            Some(_) => WHOLE,
            None => 0,
        };
        Some(score * 4 - len / 4 + bonus)
    }
}

impl Pattern {
    /// The letters in order: a point each, more at a word's start, after
    /// the letter before, and at the very start; None when some are missing.
    fn letters_score(
        &self,
        name: impl Iterator<Item = char>,
        same: impl Fn(char, char) -> bool,
    ) -> Option<i32> {
        let mut k = 0;
        let mut score = 0;
        let mut prev_matched = false;
        let mut prev_alnum = false;
        for (i, ch) in name.enumerate() {
            let Some(&want) = self.letters.get(k) else {
                break;
            };
            let word_start = !prev_alnum;
            prev_alnum = ch.is_alphanumeric();
            let matched = same(ch, want);
            if matched {
                score += 1 + 8 * word_start as i32 + 5 * prev_matched as i32 + 3 * (i == 0) as i32;
                k += 1;
            }
            prev_matched = matched;
        }
        (k == self.letters.len()).then_some(score)
    }

    /// The letters typed together, as a word's start ("reag" in "Ronald
    /// Reagan") or inside one, weigh more than the same letters scattered
    /// ("Reichhold Chemie AG").
    fn whole_ascii(&self, name: &[u8]) -> i32 {
        let n = self.letters.len();
        if n < 2 || name.len() < n {
            return 0;
        }
        let mut best = 0;
        for i in 0..=name.len() - n {
            let hit = name[i..i + n]
                .iter()
                .zip(&self.letters)
                .all(|(c, l)| c.to_ascii_lowercase() == *l as u8);
            if hit {
                let word_start = i == 0 || !name[i - 1].is_ascii_alphanumeric();
                best = best.max(if word_start { WHOLE_AT_WORD } else { WHOLE });
            }
        }
        best
    }
}

/// Bonuses for the query found whole: at a word's start, anywhere.
const WHOLE_AT_WORD: i32 = 60;
const WHOLE: i32 = 25;

/// `Pattern::new(query).score(name)`, for one-off use.
pub fn score(query: &str, name: &str) -> Option<i32> {
    Pattern::new(query).score(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_in_order_and_word_starts_win() {
        assert!(score("zel", "Volodymyr Zelenskiy").is_some());
        assert!(score("vz", "Volodymyr Zelenskiy").is_some());
        assert!(score("zv", "Volodymyr Zelenskiy").is_none());
        assert!(score("mr", "Marco Rubio") > score("mr", "Kremlin"));
        assert!(score("trump", "Donald Trump") > score("trump", "Tatar Rumpus"));
        // the letters typed together beat the same letters scattered
        assert!(score("reag", "Reagan") > score("reag", "Reichhold Chemie AG"));
        assert!(score("reag", "Ronald Reagan") > score("reag", "Reichhold Chemie AG"));
        assert_eq!(score("", "anything"), Some(0));
    }

    #[test]
    fn ascii_and_unicode_names_score_alike() {
        // the same letters, one name with a non-ASCII character at its end
        // (same length in characters): the fast path must agree
        let a = score("zel", "Volodymyr Zelenskix").unwrap();
        let b = score("zel", "Volodymyr Zelenskiï").unwrap();
        assert_eq!(a, b);
        assert_eq!(score("kiï", "Kiïv"), score("KIÏ", "kiïv"));
        assert!(score("zi", "Volodymyr Zelenskiy").is_some());
    }
}
