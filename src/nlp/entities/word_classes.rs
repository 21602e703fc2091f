//! Classes of words by the words written before and after them, learned
//! from unannotated text (the exchange algorithm: Kneser and Ney 1993;
//! Martin, Liermann and Ney 1998): the classes that make a class bigram
//! model of the text most likely. `examples/word_clusters.rs` makes
//! `assets/ner/word_classes.tsv` with it from news; the mention model reads
//! a word's classes, so that what it learns of "Volcker" carries to
//! "Greenspan", a word of the same class no annotated text holds.

/// A text's bigram counts, by word number: who follows each word and who
/// precedes it, and how often each is the first and the second of a pair.
pub struct Bigrams {
    pub succ: Vec<Vec<(u32, u64)>>,
    pub pred: Vec<Vec<(u32, u64)>>,
    pub left: Vec<u64>,
    pub right: Vec<u64>,
}

impl Bigrams {
    /// The bigrams of a text written as word numbers below `v`.
    pub fn new(seq: &[u32], v: usize) -> Bigrams {
        let mut pairs: std::collections::HashMap<(u32, u32), u64> = Default::default();
        for p in seq.windows(2) {
            *pairs.entry((p[0], p[1])).or_default() += 1;
        }
        let mut succ: Vec<Vec<(u32, u64)>> = vec![Vec::new(); v];
        let mut pred: Vec<Vec<(u32, u64)>> = vec![Vec::new(); v];
        let mut pairs: Vec<_> = pairs.into_iter().collect();
        pairs.sort_unstable();
        for ((a, b), n) in pairs {
            succ[a as usize].push((b, n));
            pred[b as usize].push((a, n));
        }
        let left = succ.iter().map(|s| s.iter().map(|x| x.1).sum()).collect();
        let right = pred.iter().map(|s| s.iter().map(|x| x.1).sum()).collect();
        Bigrams {
            succ,
            pred,
            left,
            right,
        }
    }
}

/// The words' classes (`k` of them), by the words' numbers. Word `w`
/// starts in class `w % k`; the words are visited in their numbers' order
/// (number them from the most frequent), each moved to the class where the
/// model is most likely, until a pass moves fewer than one word in a
/// thousand (at most 20 passes). `log` hears each pass: its number, the
/// words moved, the log-likelihood (up to a constant). Deterministic.
pub fn exchange(k: usize, bigrams: &Bigrams, mut log: impl FnMut(usize, usize, f64)) -> Vec<usize> {
    let Bigrams {
        succ,
        pred,
        left,
        right,
    } = bigrams;
    let v = succ.len();
    // start: the most frequent words in classes of their own, the rest in turn
    let mut class: Vec<usize> = (0..v).map(|w| w % k).collect();
    let mut n = vec![0f64; k * k];
    let mut nl = vec![0f64; k];
    let mut nr = vec![0f64; k];
    for w in 0..v {
        nl[class[w]] += left[w] as f64;
        nr[class[w]] += right[w] as f64;
        for &(x, c) in &succ[w] {
            n[class[w] * k + class[x as usize]] += c as f64;
        }
    }
    let f = |x: f64| if x > 0.0 { x * x.ln() } else { 0.0 };
    let mut sc = vec![0f64; k];
    let mut pc = vec![0f64; k];
    let mut sc_keys: Vec<usize> = Vec::new();
    let mut pc_keys: Vec<usize> = Vec::new();
    for pass in 0..20 {
        let mut moved = 0;
        for w in 0..v {
            let a = class[w];
            // w's neighbours by class (itself apart)
            let mut own = 0f64;
            for &(x, c) in &succ[w] {
                if x as usize == w {
                    own += c as f64;
                    continue;
                }
                let d = class[x as usize];
                if sc[d] == 0.0 {
                    sc_keys.push(d);
                }
                sc[d] += c as f64;
            }
            for &(x, c) in &pred[w] {
                if x as usize == w {
                    continue;
                }
                let d = class[x as usize];
                if pc[d] == 0.0 {
                    pc_keys.push(d);
                }
                pc[d] += c as f64;
            }
            let (lw, rw) = (left[w] as f64, right[w] as f64);
            // take w out of its class
            for &d in &sc_keys {
                n[a * k + d] -= sc[d];
            }
            for &d in &pc_keys {
                n[d * k + a] -= pc[d];
            }
            n[a * k + a] -= own;
            nl[a] -= lw;
            nr[a] -= rw;
            // the gain of putting it in each class
            let mut best = (f64::NEG_INFINITY, a);
            for b in 0..k {
                let mut g = 0.0;
                for &d in &sc_keys {
                    if d != b {
                        let x = n[b * k + d];
                        g += f(x + sc[d]) - f(x);
                    }
                }
                for &d in &pc_keys {
                    if d != b {
                        let x = n[d * k + b];
                        g += f(x + pc[d]) - f(x);
                    }
                }
                let x = n[b * k + b];
                g += f(x + sc[b] + pc[b] + own) - f(x);
                g -= f(nl[b] + lw) - f(nl[b]);
                g -= f(nr[b] + rw) - f(nr[b]);
                if g > best.0 + 1e-9 || (b == a && g >= best.0 - 1e-9) {
                    best = (g, b);
                }
            }
            let b = best.1;
            for &d in &sc_keys {
                n[b * k + d] += sc[d];
            }
            for &d in &pc_keys {
                n[d * k + b] += pc[d];
            }
            n[b * k + b] += own;
            nl[b] += lw;
            nr[b] += rw;
            if b != a {
                class[w] = b;
                moved += 1;
            }
            for d in sc_keys.drain(..) {
                sc[d] = 0.0;
            }
            for d in pc_keys.drain(..) {
                pc[d] = 0.0;
            }
        }
        let ll: f64 = n.iter().map(|&x| f(x)).sum::<f64>()
            - nl.iter().map(|&x| f(x)).sum::<f64>()
            - nr.iter().map(|&x| f(x)).sum::<f64>();
        log(pass + 1, moved, ll);
        if moved * 1000 < v {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_written_alike_share_a_class() {
        // two kinds of words in the same frames: cities after "in", verbs
        // after a name; the classes find the kinds from the text alone
        let cities = ["Paris", "London", "Tokyo", "Berlin"];
        let verbs = ["said", "added", "noted", "warned"];
        let names = ["Smith", "Jones", "Brown"];
        let mut words: Vec<&str> = vec!["<s>", "in", "."];
        words.extend(cities);
        words.extend(verbs);
        words.extend(names);
        let id = |w: &str| words.iter().position(|x| *x == w).unwrap() as u32;
        let mut seq = vec![0];
        for i in 0..48 {
            // "Smith said in Paris ." and the like, in every mix
            for w in [
                names[i % 3],
                verbs[i % 4],
                "in",
                cities[(i / 4) % 4],
                ".",
                "<s>",
            ] {
                seq.push(id(w));
            }
        }
        let b = Bigrams::new(&seq, words.len());
        let mut passes = 0;
        let class = exchange(5, &b, |_, _, _| passes += 1);
        assert!(passes >= 1);
        let of = |w: &str| class[id(w) as usize];
        for kind in [&cities[..], &verbs[..], &names[..]] {
            for w in kind {
                assert_eq!(of(w), of(kind[0]), "{w} and {}", kind[0]);
            }
        }
        assert_ne!(of("Paris"), of("said"));
        assert_ne!(of("Paris"), of("Smith"));
        assert_ne!(of("said"), of("Smith"));
        // and again: the same classes
        assert_eq!(exchange(5, &b, |_, _, _| ()), class);
    }
}
