//! A linear model over hashed features: the scores of a few classes as the
//! sum of the weights of the features present, and its training, an
//! averaged perceptron (Collins 2002). Deterministic: the same examples in
//! the same order give the same weights.
//!
//! The weights are text (`feature<TAB>w0 w1 ...`, one line a feature), so a
//! reader can see what the model learned ("next=said" votes for a person).

use crate::fx::FxHashMap as HashMap;

/// The hash a feature's name is looked up by.
pub fn hash(feature: &str) -> u64 {
    use std::hash::Hasher;
    // (its bytes alone: no end mark, as `str` hashing adds, a multiply
    // less for forty names a mention)
    let mut h = crate::fx::FxHasher::default();
    h.write(feature.as_bytes());
    h.finish()
}

/// A model of `K` classes.
pub struct Model<const K: usize> {
    /// A feature's hash -> its number.
    numbers: crate::fx::PremixedMap<u32>,
    /// The features' weights by number.
    weights: Vec<[f32; K]>,
    /// The features' names by number.
    names: Vec<Box<str>>,
}

impl<const K: usize> Model<K> {
    /// Reads the weights from their text form; the lines that are blank or
    /// start with `#` are comments.
    pub fn parse(src: &str) -> Result<Model<K>, String> {
        let mut numbers = crate::fx::PremixedMap::default();
        let lines = src.bytes().filter(|&b| b == b'\n').count();
        numbers.reserve(lines);
        let mut weights = Vec::with_capacity(lines);
        let mut names = Vec::with_capacity(lines);
        for (n, line) in src.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("line {}: want a feature, a tab and {K} weights", n + 1);
            let (name, ws) = line.rsplit_once('\t').ok_or_else(bad)?;
            let mut w = [0f32; K];
            let mut it = ws.split(' ');
            for x in w.iter_mut() {
                *x = it.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
            }
            if it.next().is_some() {
                return Err(bad());
            }
            numbers.insert(hash(name), names.len() as u32);
            weights.push(w);
            names.push(name.into());
        }
        Ok(Model {
            numbers,
            weights,
            names,
        })
    }

    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }

    /// A feature's weights, if the model knows it.
    pub fn weights(&self, feature: u64) -> Option<&[f32; K]> {
        self.numbers
            .get(&feature)
            .map(|&n| &self.weights[n as usize])
    }

    /// A known feature's weights by its number.
    pub fn weights_at(&self, number: u32) -> &[f32; K] {
        &self.weights[number as usize]
    }

    pub fn name(&self, number: u32) -> Option<&str> {
        self.names.get(number as usize).map(|n| &**n)
    }

    /// The score of each class for these features.
    pub fn scores(&self, features: &[u64]) -> [f32; K] {
        self.scores_known(features, &mut Vec::new())
    }

    /// `scores`, with the numbers of the features the model knows.
    pub fn scores_known(&self, features: &[u64], known: &mut Vec<u32>) -> [f32; K] {
        known.clear();
        let mut s = [0f32; K];
        for f in features {
            if let Some(&n) = self.numbers.get(f) {
                known.push(n);
                for (s, w) in s.iter_mut().zip(&self.weights[n as usize]) {
                    *s += w;
                }
            }
        }
        s
    }
}

/// The best class of these scores (the first on a tie).
pub fn best<const K: usize>(scores: &[f32; K]) -> usize {
    let mut b = 0;
    for k in 1..K {
        if scores[k] > scores[b] {
            b = k;
        }
    }
    b
}

/// Trains a model of `K` classes, one example at a time.
pub struct Trainer<const K: usize> {
    /// Current weights, and the sum of each update times the step it was
    /// made at (the average is `w - u / steps`).
    w: HashMap<u64, ([f32; K], [f32; K])>,
    names: HashMap<u64, String>,
    steps: u32,
}

impl<const K: usize> Default for Trainer<K> {
    fn default() -> Self {
        Trainer {
            w: HashMap::default(),
            names: HashMap::default(),
            steps: 1,
        }
    }
}

impl<const K: usize> Trainer<K> {
    /// Learns from one example: its features by name, and the classes that
    /// are right for it (more than one where the annotation does not tell
    /// them apart). Returns whether the model already had it right.
    pub fn learn(&mut self, features: &[&str], right: &[bool; K]) -> bool {
        let hashes: Vec<u64> = features.iter().map(|f| hash(f)).collect();
        let mut s = [0f32; K];
        for h in &hashes {
            if let Some((w, _)) = self.w.get(h) {
                for (s, w) in s.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
        let guess = best(&s);
        let ok = right[guess];
        if !ok {
            // the right class the model likes best
            let Some(truth) = (0..K)
                .filter(|&k| right[k])
                .max_by(|&a, &b| s[a].total_cmp(&s[b]).then(b.cmp(&a)))
            else {
                return true;
            };
            let c = self.steps as f32;
            for (h, name) in hashes.iter().zip(features) {
                let (w, u) = self.w.entry(*h).or_insert(([0.0; K], [0.0; K]));
                w[truth] += 1.0;
                u[truth] += c;
                w[guess] -= 1.0;
                u[guess] -= c;
                self.names.entry(*h).or_insert_with(|| name.to_string());
            }
        }
        self.steps += 1;
        ok
    }

    /// The averaged weights, by feature name.
    pub fn averaged(&self) -> impl Iterator<Item = (&str, [f32; K])> {
        let c = self.steps as f32;
        self.w.iter().map(move |(h, (w, u))| {
            let mut avg = [0f32; K];
            for (a, (w, u)) in avg.iter_mut().zip(w.iter().zip(u)) {
                *a = w - u / c;
            }
            (self.names[h].as_str(), avg)
        })
    }

    /// The averaged weights in their text form (`write`).
    pub fn finish(&self) -> String {
        write(self.averaged())
    }
}

/// Weights in their text form, features sorted by name, dropping those
/// whose weights all round to zero.
pub fn write<'a, const K: usize>(weights: impl Iterator<Item = (&'a str, [f32; K])>) -> String {
    let mut lines: Vec<String> = weights
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= 0.0005))
        .map(|(name, w)| {
            let ws: Vec<String> = w.iter().map(|x| format!("{x:.3}")).collect();
            format!("{name}\t{}", ws.join(" "))
        })
        .collect();
    lines.sort();
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The perceptron learns a rule it is shown, and what it writes reads
    /// back as the same scores.
    #[test]
    fn learns_a_separable_rule_and_reads_back() {
        let mut t = Trainer::<2>::default();
        let data: Vec<(Vec<&str>, usize)> = vec![
            (vec!["next=said", "shape=Xx"], 0),
            (vec!["last=street", "shape=Xx"], 1),
            (vec!["next=said", "shape=XX"], 0),
            (vec!["last=street", "shape=XX"], 1),
        ];
        for _ in 0..5 {
            for (f, k) in &data {
                let mut right = [false; 2];
                right[*k] = true;
                t.learn(f, &right);
            }
        }
        let m = Model::<2>::parse(&t.finish()).unwrap();
        for (f, k) in &data {
            let h: Vec<u64> = f.iter().map(|f| hash(f)).collect();
            assert_eq!(best(&m.scores(&h)), *k, "{f:?}");
        }
        // a class both right: no update when either is guessed
        let mut t = Trainer::<3>::default();
        assert!(t.learn(&["a"], &[true, true, false]));
        assert!(!t.learn(&["a"], &[false, false, true]));
    }

    #[test]
    fn a_malformed_line_is_named() {
        let e = Model::<2>::parse("# c\nx\t1 2\ny\t1\n").err().unwrap();
        assert!(e.contains("line 3"), "{e}");
        assert!(Model::<2>::parse("x\t1 2 3\n").is_err());
        assert_eq!(Model::<2>::parse("x\t1 2\n").unwrap().len(), 1);
    }
}
