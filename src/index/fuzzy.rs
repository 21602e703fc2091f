//! Fuzzy matching for finding an entity as you type: the query's letters in
//! order, scored higher when they start words and run together.

/// The score of `query` against `name` (case-insensitive), None when the
/// letters are not all there in order. Higher is better.
pub fn score(query: &str, name: &str) -> Option<i32> {
    let mut q = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .peekable();
    if q.peek().is_none() {
        return Some(0);
    }
    let mut score = 0;
    let mut prev_matched = false;
    let mut prev_alnum = false;
    let mut len = 0i32;
    for (i, ch) in name.chars().enumerate() {
        len += 1;
        let word_start = !prev_alnum;
        prev_alnum = ch.is_alphanumeric();
        let Some(&want) = q.peek() else {
            continue;
        };
        // compare case-insensitively without allocating
        let same = ch == want || ch.to_lowercase().eq(std::iter::once(want));
        if same {
            score += 1;
            if word_start {
                score += 8;
            }
            if prev_matched {
                score += 5;
            }
            if i == 0 {
                score += 3;
            }
            q.next();
        }
        prev_matched = same;
    }
    if q.peek().is_some() {
        return None;
    }
    // shorter names are better matches for the same letters
    Some(score * 4 - len / 4)
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
        assert_eq!(score("", "anything"), Some(0));
    }
}
