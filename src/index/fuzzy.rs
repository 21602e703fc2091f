//! Fuzzy matching for finding an entity as you type: the query's letters in
//! order, scored higher when they start words and run together.

/// The score of `query` against `name` (case-insensitive), None when the
/// letters are not all there in order. Higher is better.
pub fn score(query: &str, name: &str) -> Option<i32> {
    let q: Vec<char> = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if q.is_empty() {
        return Some(0);
    }
    let n: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
    let orig: Vec<char> = name.chars().collect();
    let mut score = 0;
    let mut qi = 0;
    let mut prev: Option<usize> = None;
    for (i, &c) in n.iter().enumerate() {
        if qi < q.len() && c == q[qi] {
            let word_start = i == 0 || !orig.get(i - 1).is_some_and(|p| p.is_alphanumeric());
            score += 1;
            if word_start {
                score += 8;
            }
            if prev == Some(i.wrapping_sub(1)) {
                score += 5;
            }
            if i == 0 {
                score += 3;
            }
            prev = Some(i);
            qi += 1;
        }
    }
    if qi < q.len() {
        return None;
    }
    // shorter names are better matches for the same letters
    Some(score * 4 - n.len() as i32 / 4)
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
