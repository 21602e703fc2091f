//! The training of the mention model (`assets/ner/model.tsv`) from
//! annotated text in the gold format of `../shared/eval` (GUM, Universal
//! NER): the rules find the candidates, each is labelled with the type of
//! the named gold mention it overlaps most (none: no name), and a
//! multinomial logistic regression learns from them (`model::logistic`: a
//! convex objective, so the same files always give the same weights). Run by
//! `cargo run --release --example train_ner` (see assets/ner/README.md).

use super::features::{self, CLASSES as K, NONE};
use crate::nlp::model::{self, Model};
use crate::nlp::{self, EntityType, Lexicon};
use serde_json::Value;
use std::fmt::Write;
use std::ops::Range;

/// The features of a first name before a thing's noun and of a first name
/// alone that is a town, which the model types.
const FIRST_THING: [&str; 2] = ["firstname+thing", "firstname+town"];

/// The L2 penalty on the weights (their squared length times half this),
/// chosen by cross-validation (`train_ner --cv 5`: 1, 2, 3, 5, 10 and 30
/// tried).
pub const L2: f64 = 3.0;
/// The most L-BFGS steps (it stops before, when the objective is still).
pub const ITERATIONS: usize = 500;
/// The fewest training candidates a feature must be seen in to be learned.
pub const MIN_COUNT: usize = 2;

/// One candidate of the rules, with what the annotation says of it.
pub struct Example {
    pub features: Vec<String>,
    /// The classes right for it (both "other" and "none" where the
    /// annotation marks no other names).
    pub right: [bool; K],
    /// The rules' class.
    pub rule: usize,
    /// Its document, numbered across all files read.
    pub doc: usize,
    pub name: String,
    pub range: Range<usize>,
}

impl Example {
    /// The rules' evidence for it, as its features name it.
    fn evidence(&self) -> &str {
        self.features
            .iter()
            .find_map(|f| f.strip_prefix("ev="))
            .unwrap_or("?")
    }

    /// Whether crossread lets the model type it, as `model_decides` does:
    /// what the rules knew by form, and a first name before a thing's
    /// noun ("Lincoln Reservoir").
    fn typed_by_model(&self) -> bool {
        self.evidence() == "default"
            || self
                .features
                .iter()
                .any(|f| FIRST_THING.contains(&f.as_str()))
    }
}

/// The candidates of one gold file (one corpus: its own word evidence, as
/// crossread reads a folder), their documents numbered from `first_doc`.
pub fn examples(gold: &Value, first_doc: usize) -> Vec<Example> {
    let docs = gold["documents"].as_array().map_or(&[][..], |d| &d[..]);
    // a corpus that types no OTHER (Universal NER): a candidate that is no
    // person, organization or place may be an unmarked other name
    let has_other = docs.iter().any(|d| {
        d["entities"]
            .as_array()
            .is_some_and(|es| es.iter().any(|e| e["type"] == "OTHER"))
    });
    let texts: Vec<&str> = docs
        .iter()
        .map(|d| d["text"].as_str().unwrap_or(""))
        .collect();
    let prepared: Vec<nlp::Prepared> = texts.iter().map(|t| nlp::prepare(t)).collect();
    let mut lex = Lexicon::default();
    for (t, p) in texts.iter().zip(&prepared) {
        lex.observe(t, &p.tokens, &p.sentences);
    }
    let mut out = Vec::new();
    for (n, ((d, text), p)) in docs.iter().zip(&texts).zip(&prepared).enumerate() {
        // gold offsets count characters; crossread's count bytes
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let golds: Vec<(usize, usize, Option<EntityType>)> = d["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["named"].as_bool().unwrap_or(true))
            .filter_map(|e| {
                let s = bytes.get(e["start"].as_u64()? as usize).copied()?;
                let t = bytes.get(e["end"].as_u64()? as usize).copied()?;
                Some((s, t, EntityType::parse(e["type"].as_str()?)))
            })
            .collect();
        for (m, features) in super::candidates(text, &p.tokens, &p.sentences, &lex) {
            let best = golds
                .iter()
                .map(|&(s, t, ty)| {
                    let ov = t.min(m.range.end) as isize - s.max(m.range.start) as isize;
                    (ov, ty)
                })
                .filter(|(ov, _)| *ov > 0)
                .max_by_key(|(ov, _)| *ov);
            let mut right = [false; K];
            match best {
                Some((_, Some(ty))) => right[features::class_of(ty)] = true,
                _ => {
                    right[NONE] = true;
                    if !has_other {
                        right[features::class_of(EntityType::Other)] = true;
                    }
                }
            }
            out.push(Example {
                name: text[m.range.clone()].to_string(),
                range: m.range.clone(),
                rule: features::class_of(m.ty),
                doc: first_doc + n,
                features,
                right,
            });
        }
    }
    out
}

/// The weights learned from the examples `which`, in their text form (no
/// header). TRAIN_NER_L2 sets another penalty than `L2`, to try one.
pub fn train(examples: &[Example], which: &[usize]) -> String {
    // a feature seen fewer than MIN_COUNT times is noise to the model
    let mut counts: crate::fx::FxHashMap<&str, usize> = Default::default();
    for &i in which {
        for f in &examples[i].features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let l2 = std::env::var("TRAIN_NER_L2")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(L2);
    // the examples trained on, each with the features kept
    let rows: Vec<(Vec<&str>, [bool; K])> = which
        .iter()
        .map(|&i| {
            let e = &examples[i];
            let kept = e
                .features
                .iter()
                .map(String::as_str)
                .filter(|f| counts.get(f).is_some_and(|&n| n >= MIN_COUNT))
                .collect();
            (kept, e.right)
        })
        .collect();
    let w = model::logistic(&rows, l2, ITERATIONS);
    model::write(w.iter().map(|(name, w)| (name.as_str(), *w)))
}

/// The model file: a header naming what it was trained on, then the weights.
pub fn model_file(examples: &[Example], files: &[&str]) -> String {
    let all: Vec<usize> = (0..examples.len()).collect();
    format!(
        "# crossread's mention model: logistic regression (L2 {L2}) over {} candidates\n\
         # of {} (see assets/ner/README.md). Classes: PERSON ORG PLACE OTHER NONE.\n{}",
        examples.len(),
        files.join(", "),
        train(examples, &all)
    )
}

/// Typed F1 on held-out document folds, scored as `evaluate.py` scores GUM:
/// persons, organizations and places count; a candidate whose gold is
/// another name is neither right nor wrong. For the rules alone and for the
/// model at a few margins, applied as crossread applies it.
pub fn cross_validate(examples: &[Example], k: usize) -> String {
    let folds: Vec<(Vec<usize>, Vec<usize>)> = (0..k)
        .map(|fold| {
            let (held, train): (Vec<usize>, Vec<usize>) =
                (0..examples.len()).partition(|&i| examples[i].doc % k == fold);
            (train, held)
        })
        .collect();
    score(examples, &folds)
}

/// `cross_validate` for given parts: (trained on, scored on).
pub fn score(examples: &[Example], folds: &[(Vec<usize>, Vec<usize>)]) -> String {
    // (the margin to change a type, the margin to drop a candidate)
    // (crossread's own, `features::CHANGE_MARGIN` and `DROP_MARGIN`, first)
    const MARGINS: [(f32, f32); 12] = [
        (features::CHANGE_MARGIN, features::DROP_MARGIN),
        (0.0, 0.0),
        (0.0, f32::INFINITY),
        (0.25, 0.25),
        (0.25, f32::INFINITY),
        (0.5, 0.5),
        (0.5, f32::INFINITY),
        (1.0, f32::INFINITY),
        (2.0, f32::INFINITY),
        (1.0, 8.0),
        (8.0, 8.0),
        (f32::INFINITY, f32::INFINITY),
    ];
    let counted = |c: usize| c < 3;
    let mut found = [[0usize; 2]; MARGINS.len()];
    // names the rules doubt, admitted at these margins (the others at
    // crossread's own)
    const ADMIT: [f32; 8] = [0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, f32::INFINITY];
    let mut admitted = [[0usize; 2]; ADMIT.len()];
    let mut gold = 0;
    let mut by_ev: std::collections::BTreeMap<&str, [usize; 5]> = Default::default();
    // the model (margin CHANGE_MARGIN) given each other evidence besides
    // "default": (right, found) of persons, organizations and places
    let mut also: std::collections::BTreeMap<&str, [isize; 2]> = Default::default();
    let mut base = [0isize; 2];
    for (train_idx, held) in folds {
        let m = Model::<K>::parse(&train(examples, train_idx)).expect("weights");
        let own = |e: &Example| {
            let h: Vec<u64> = e.features.iter().map(|f| model::hash(f)).collect();
            m.scores(&h)
        };
        // one name, one thing in a document: the mean of the scores of its
        // mentions the rules typed by form alone, as crossread decides
        // (a name in any case: "MacBook", "Macbook", "MACBOOK")
        let mut mean: std::collections::HashMap<(usize, String), ([f32; K], f32)> =
            Default::default();
        for e in held.iter().map(|&i| &examples[i]) {
            if !(e.typed_by_model() || e.evidence() == "proposed") {
                continue;
            }
            let s = own(e);
            let g = mean.entry((e.doc, e.name.to_lowercase())).or_default();
            for (g, s) in g.0.iter_mut().zip(s) {
                *g += s;
            }
            g.1 += 1.0;
        }
        for e in held.iter().map(|&i| &examples[i]) {
            let truth = (0..K).find(|&c| e.right[c]).unwrap_or(0);
            if truth == 3 && !e.right[NONE] {
                continue; // another name: neither right nor wrong
            }
            gold += counted(truth) as usize;
            let s = match mean.get(&(e.doc, e.name.to_lowercase())) {
                Some((sum, n)) => sum.map(|x| x / n),
                None => own(e),
            };
            let ev = e.evidence();
            let shortened = e.features.iter().any(|f| f.starts_with("in-longer="));
            let proposed = ev == "proposed";
            let decided = e.typed_by_model();
            // what the rules alone make of it: a doubted name is none
            let rule = if proposed { NONE } else { e.rule };
            for (j, &(change, drop)) in MARGINS.iter().enumerate() {
                let pick = if proposed {
                    if change.is_finite() {
                        features::admit(&s).unwrap_or(NONE)
                    } else {
                        NONE
                    }
                } else {
                    match features::decide_with(&s, shortened, change, drop) {
                        Some(k) if decided => k,
                        _ => e.rule,
                    }
                };
                if counted(pick) {
                    found[j][1] += 1;
                    found[j][0] += (pick == truth) as usize;
                }
            }
            for (j, &margin) in ADMIT.iter().enumerate() {
                let pick = if proposed {
                    features::admit_with(&s, margin).unwrap_or(NONE)
                } else if decided {
                    features::decide(&s, shortened).unwrap_or(e.rule)
                } else {
                    e.rule
                };
                if counted(pick) {
                    admitted[j][1] += 1;
                    admitted[j][0] += (pick == truth) as usize;
                }
            }
            // at crossread's own margins
            let own_pick = if proposed {
                Some(features::admit(&s).unwrap_or(NONE))
            } else {
                features::decide(&s, shortened)
            };
            let mine = |pick: usize| {
                [
                    (counted(pick) && pick == truth) as isize,
                    counted(pick) as isize,
                ]
            };
            let rule_pick = mine(rule);
            let model_pick = mine(own_pick.unwrap_or(rule));
            let b0 = if decided || proposed {
                model_pick
            } else {
                rule_pick
            };
            base[0] += b0[0];
            base[1] += b0[1];
            if !decided && !proposed {
                let a = also.entry(ev).or_default();
                a[0] += model_pick[0] - rule_pick[0];
                a[1] += model_pick[1] - rule_pick[1];
            }
            let b = model::best(&s);
            let c = by_ev.entry(ev).or_default();
            c[0] += counted(truth) as usize;
            c[1] += counted(rule) as usize;
            c[2] += (counted(rule) && rule == truth) as usize;
            c[3] += counted(b) as usize;
            c[4] += (counted(b) && b == truth) as usize;
        }
    }
    let f1 = |[r, f]: [usize; 2]| {
        let (p, rc) = (r as f64 / f.max(1) as f64, r as f64 / gold.max(1) as f64);
        2.0 * p * rc / (p + rc).max(1e-9)
    };
    let mut out = String::new();
    let held: usize = folds.iter().map(|f| f.1.len()).sum();
    let _ = writeln!(
        out,
        "held-out candidates: {held}; persons, organizations and places among them: {gold}"
    );
    let mut row = |what: String, [right, found]: [usize; 2]| {
        let f = f1([right, found]);
        let _ = writeln!(
            out,
            "{what}: typed F1 {f:.3} ({right} right of {found} found)"
        );
    };
    for (j, (change, drop)) in MARGINS.iter().enumerate() {
        let what = if change.is_infinite() {
            "rules alone".to_string()
        } else {
            format!("model, margins {change} (type) {drop} (no name)")
        };
        row(what, found[j]);
    }
    for (j, margin) in ADMIT.iter().enumerate() {
        row(
            format!("doubted names admitted at margin {margin}"),
            admitted[j],
        );
    }
    let f1i = |[r, f]: [isize; 2]| f1([r.max(0) as usize, f.max(0) as usize]);
    for (ev, d) in &also {
        let _ = writeln!(
            out,
            "model (margin {}) also on \"{ev}\": typed F1 {:.3} -> {:.3}",
            features::CHANGE_MARGIN,
            f1i(base),
            f1i([base[0] + d[0], base[1] + d[1]])
        );
    }
    let _ = writeln!(
        out,
        "by the rules' evidence, the model's best class in every case:"
    );
    for (ev, [g, rf, rr, mf, mr]) in &by_ev {
        let _ = writeln!(
            out,
            "  {ev}: gold {g}; rules {rr} right of {rf} found; model {mr} right of {mf}"
        );
    }
    out
}
