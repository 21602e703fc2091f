//! A linear model over hashed features: the scores of a few classes as the
//! sum of the weights of the features present, and its training,
//! multinomial logistic regression (maximum likelihood with an L2 penalty,
//! by L-BFGS). The objective is convex: the same examples give the same
//! weights, whatever their order.
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
    /// The text the weights were read from, and where each feature's line
    /// starts in it, by number (a feature's name is read there when asked,
    /// for the reasons the entity panel shows: no copy of the names kept).
    src: std::borrow::Cow<'static, str>,
    starts: Vec<u32>,
}

impl<const K: usize> Model<K> {
    /// Reads the weights from their text form; the lines that are blank or
    /// start with `#` are comments.
    pub fn parse(src: &str) -> Result<Model<K>, String> {
        Self::parse_text(src.to_string().into())
    }

    /// `parse` of a text that lives as long as the program (the embedded
    /// model): read in place.
    pub fn parse_static(src: &'static str) -> Result<Model<K>, String> {
        Self::parse_text(src.into())
    }

    fn parse_text(src: std::borrow::Cow<'static, str>) -> Result<Model<K>, String> {
        let mut numbers = crate::fx::PremixedMap::default();
        let lines = src.bytes().filter(|&b| b == b'\n').count();
        numbers.reserve(lines);
        let mut weights = Vec::with_capacity(lines);
        let mut starts = Vec::with_capacity(lines);
        let mut at = 0usize;
        for (n, line) in src.split('\n').enumerate() {
            let start = at;
            at += line.len() + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
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
            numbers.insert(hash(name), starts.len() as u32);
            weights.push(w);
            starts.push(u32::try_from(start).map_err(|_| "the weights are over 4 GB".to_string())?);
        }
        Ok(Model {
            numbers,
            weights,
            src,
            starts,
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
        let start = *self.starts.get(number as usize)? as usize;
        let line = self.src[start..].split('\n').next()?;
        let line = line.strip_suffix('\r').unwrap_or(line);
        line.rsplit_once('\t').map(|(name, _)| name)
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

/// Trains a model of `K` classes by maximum likelihood: multinomial
/// logistic regression with an L2 penalty of `l2` (the weights' squared
/// length times `l2 / 2`), minimized over all examples at once by L-BFGS
/// for at most `iterations` steps. The objective is convex, so the weights
/// do not depend on the order of the examples or on a seed. An example
/// lists its features by name and the classes right for it; where more
/// than one is, the likelihood is that of any of them. Returns the weights
/// by feature name.
pub fn logistic<const K: usize>(
    examples: &[(Vec<&str>, [bool; K])],
    l2: f64,
    iterations: usize,
) -> Vec<(String, [f32; K])> {
    // the features by number, in the order first seen
    let mut number: HashMap<&str, usize> = HashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let rows: Vec<(Vec<usize>, [bool; K])> = examples
        .iter()
        .map(|(fs, right)| {
            let mut ix: Vec<usize> = fs
                .iter()
                .map(|f| {
                    *number.entry(f).or_insert_with(|| {
                        names.push(f);
                        names.len() - 1
                    })
                })
                .collect();
            ix.sort_unstable();
            ix.dedup();
            (ix, *right)
        })
        .filter(|(_, right)| right.iter().any(|&r| r))
        .collect();
    let n = names.len() * K;
    let objective = |w: &[f64], grad: &mut [f64]| -> f64 {
        let mut loss = 0.0;
        for (g, w) in grad.iter_mut().zip(w) {
            *g = l2 * w;
            loss += 0.5 * l2 * w * w;
        }
        for (ix, right) in &rows {
            let mut s = [0f64; K];
            for &f in ix {
                for (s, w) in s.iter_mut().zip(&w[f * K..f * K + K]) {
                    *s += w;
                }
            }
            let top = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let mut p = s.map(|x| (x - top).exp());
            let z: f64 = p.iter().sum();
            p.iter_mut().for_each(|x| *x /= z);
            let pr: f64 = (0..K).filter(|&k| right[k]).map(|k| p[k]).sum();
            loss -= pr.max(1e-300).ln();
            let d: [f64; K] =
                std::array::from_fn(|k| p[k] - if right[k] { p[k] / pr.max(1e-300) } else { 0.0 });
            for &f in ix {
                for (g, d) in grad[f * K..f * K + K].iter_mut().zip(&d) {
                    *g += d;
                }
            }
        }
        loss
    };
    let w = lbfgs(n, iterations, objective);
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            (
                name.to_string(),
                std::array::from_fn(|k| w[i * K + k] as f32),
            )
        })
        .collect()
}

/// Minimizes a smooth convex function of `n` variables from zero by
/// limited-memory BFGS (Nocedal and Wright, algorithm 7.4, ten pairs kept)
/// with a backtracking line search; `f` writes the gradient and returns
/// the value. Stops after `iterations` steps or when a step no longer
/// lowers the value by one part in ten million.
pub fn lbfgs(n: usize, iterations: usize, f: impl Fn(&[f64], &mut [f64]) -> f64) -> Vec<f64> {
    const PAIRS: usize = 10;
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut x = vec![0.0; n];
    let mut g = vec![0.0; n];
    let mut fx = f(&x, &mut g);
    let mut pairs: std::collections::VecDeque<(Vec<f64>, Vec<f64>, f64)> = Default::default();
    let (mut x2, mut g2) = (vec![0.0; n], vec![0.0; n]);
    for _ in 0..iterations {
        // the direction: minus the inverse Hessian estimate times g
        let mut q = g.clone();
        let mut alpha = Vec::with_capacity(pairs.len());
        for (s, y, rho) in pairs.iter().rev() {
            let a = rho * dot(s, &q);
            q.iter_mut().zip(y).for_each(|(q, y)| *q -= a * y);
            alpha.push(a);
        }
        let gamma = match pairs.back() {
            Some((s, y, _)) => dot(s, y) / dot(y, y),
            None => 1.0 / dot(&g, &g).sqrt().max(1e-12),
        };
        q.iter_mut().for_each(|q| *q *= gamma);
        for ((s, y, rho), a) in pairs.iter().zip(alpha.iter().rev()) {
            let b = rho * dot(y, &q);
            q.iter_mut().zip(s).for_each(|(q, s)| *q += (a - b) * s);
        }
        let d: Vec<f64> = q.iter().map(|q| -q).collect();
        let slope = dot(&g, &d);
        if slope >= 0.0 {
            break;
        }
        // backtracking until the value falls enough (Armijo)
        let mut step = 1.0;
        let fx2 = loop {
            x2.iter_mut()
                .zip(&x)
                .zip(&d)
                .for_each(|((x2, x), d)| *x2 = x + step * d);
            let v = f(&x2, &mut g2);
            if v <= fx + 1e-4 * step * slope || step < 1e-10 {
                break v;
            }
            step *= 0.5;
        };
        let s: Vec<f64> = x2.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g2.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        let done = fx - fx2 <= 1e-7 * fx.abs().max(1.0);
        std::mem::swap(&mut x, &mut x2);
        std::mem::swap(&mut g, &mut g2);
        fx = fx2;
        if done {
            break;
        }
        if sy > 1e-12 {
            if pairs.len() == PAIRS {
                pairs.pop_front();
            }
            pairs.push_back((s, y, 1.0 / sy));
        }
    }
    x
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

    fn trained<const K: usize>(data: &[(Vec<&str>, [bool; K])]) -> Model<K> {
        let w = logistic(data, 0.1, 200);
        Model::parse(&write(w.iter().map(|(n, w)| (n.as_str(), *w)))).unwrap()
    }

    fn scores<const K: usize>(m: &Model<K>, f: &[&str]) -> [f32; K] {
        let h: Vec<u64> = f.iter().map(|f| hash(f)).collect();
        m.scores(&h)
    }

    /// The model learns a rule it is shown, and what it writes reads back
    /// as the same scores.
    #[test]
    fn learns_a_separable_rule_and_reads_back() {
        let data = vec![
            (vec!["next=said", "shape=Xx"], [true, false]),
            (vec!["last=street", "shape=Xx"], [false, true]),
            (vec!["next=said", "shape=XX"], [true, false]),
            (vec!["last=street", "shape=XX"], [false, true]),
        ];
        let m = trained(&data);
        for (f, right) in &data {
            let k = best(&scores(&m, f));
            assert!(right[k], "{f:?}");
        }
        // a feature seen with both classes alike weighs for neither
        let w = scores(&m, &["shape=Xx"]);
        assert!((w[0] - w[1]).abs() < 1e-3, "{w:?}");
    }

    /// Where two classes are right, the model is pushed toward the pair and
    /// away from the third, and not made to choose between the two.
    #[test]
    fn two_right_classes_share_the_likelihood() {
        let data = vec![
            (vec!["a"], [true, true, false]),
            (vec!["b"], [false, false, true]),
        ];
        let s = scores(&trained(&data), &["a"]);
        assert!(s[0] > s[2] + 1.0 && s[1] > s[2] + 1.0, "{s:?}");
        assert!((s[0] - s[1]).abs() < 1e-3, "{s:?}");
    }

    /// The weights do not depend on the order of the examples.
    #[test]
    fn the_order_of_the_examples_does_not_matter() {
        let mut data = vec![
            (vec!["x", "y"], [true, false]),
            (vec!["y"], [false, true]),
            (vec!["x", "z"], [true, false]),
            (vec!["z"], [true, false]),
            (vec!["y", "z"], [false, true]),
        ];
        let a = logistic(&data, 1.0, 300);
        data.reverse();
        let b: HashMap<String, [f32; 2]> = logistic(&data, 1.0, 300).into_iter().collect();
        for (name, w) in a {
            for (x, y) in w.iter().zip(&b[&name]) {
                assert!((x - y).abs() < 1e-4, "{name}: {w:?} {:?}", b[&name]);
            }
        }
    }

    /// L-BFGS finds the minimum of a badly scaled quadratic.
    #[test]
    fn lbfgs_finds_a_quadratic_s_minimum() {
        let scale = [1.0, 100.0, 0.01];
        let at = [3.0, -2.0, 0.5];
        let x = lbfgs(3, 200, |x, g| {
            let mut v = 0.0;
            for i in 0..3 {
                v += scale[i] * (x[i] - at[i]).powi(2);
                g[i] = 2.0 * scale[i] * (x[i] - at[i]);
            }
            v
        });
        for i in 0..3 {
            assert!((x[i] - at[i]).abs() < 1e-3, "{x:?}");
        }
    }

    /// A feature's name is read back from the text by its number.
    #[test]
    fn names_are_read_back_by_number() {
        let src = "# c\r\nx y\t1 2\r\n\nz\t3 4\n";
        for m in [
            Model::<2>::parse(src).unwrap(),
            Model::<2>::parse_static(src).unwrap(),
        ] {
            let n = |f: &str| m.numbers.get(&hash(f)).copied().unwrap();
            assert_eq!(m.name(n("x y")), Some("x y"));
            assert_eq!(m.name(n("z")), Some("z"));
            assert_eq!(m.weights(hash("z")), Some(&[3.0, 4.0]));
            assert_eq!(m.name(9), None);
        }
    }

    #[test]
    fn a_malformed_line_is_named() {
        let e = Model::<2>::parse("# c\nx\t1 2\ny\t1\n").err().unwrap();
        assert!(e.contains("line 3"), "{e}");
        assert!(Model::<2>::parse("x\t1 2 3\n").is_err());
        assert_eq!(Model::<2>::parse("x\t1 2\n").unwrap().len(), 1);
    }
}
