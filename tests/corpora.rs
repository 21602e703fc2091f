//! The shared real corpora load (skipped with a message when ../shared is absent).

use crossread::corpus;
use std::path::PathBuf;

fn shared(p: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(p);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} not found", path.display());
        None
    }
}

#[test]
fn reuters_jsonl_loads() {
    let Some(p) = shared("reuters21578.jsonl") else {
        return;
    };
    let c = corpus::load(&[p]).unwrap();
    assert_eq!(c.articles.len(), 19_043);
    assert!(c.articles.iter().all(|a| a.date.is_some()));
    assert!(c
        .articles
        .iter()
        .any(|a| a.meta("places").is_some_and(|p| p.contains("usa"))));
}

#[test]
fn bbc_folder_loads_with_one_warning() {
    let Some(p) = shared("bbc") else { return };
    let c = corpus::load(&[p]).unwrap();
    // 2,225 articles plus the README.TXT of the folder
    assert!(c.articles.len() >= 2_225, "{}", c.articles.len());
    let w: Vec<String> = c.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter()
            .any(|w| w.contains("199.txt") && w.contains("UTF-8")),
        "{w:?}"
    );
}

/// ECB+ reports each event by several outlets, and pairs two similar events
/// per topic (two rehab stories, two earthquakes): a strict test of telling
/// the same event from a merely similar one.
#[test]
fn ecbplus_compare_tells_same_events_from_similar_ones() {
    use crossread::index::{compare, Index};
    let Some(p) = shared("ecbplus_multisource.jsonl") else {
        return;
    };
    let ix = Index::build(corpus::load(&[p]).unwrap(), 2025);
    let event = |i: usize| ix.articles[i].meta("event").unwrap_or_default();
    let topic = |i: usize| ix.articles[i].meta("topic").unwrap_or_default();
    // a deterministic sample of pairs of each kind
    let n = ix.articles.len();
    let (mut same, mut similar, mut other) = (vec![], vec![], vec![]);
    for i in (0..n).step_by(3) {
        for j in (i + 1..n).step_by(7) {
            let v = if event(i) == event(j) {
                &mut same
            } else if topic(i) == topic(j) {
                &mut similar
            } else {
                &mut other
            };
            if v.len() < 150 {
                v.push((i, j));
            }
        }
    }
    let rate = |pairs: &[(usize, usize)]| {
        let k = pairs
            .iter()
            .filter(|&&(a, b)| compare::compare(&ix, a, b).relation == compare::Relation::SameEvent)
            .count();
        k as f64 / pairs.len().max(1) as f64
    };
    let (rs, rm, ro) = (rate(&same), rate(&similar), rate(&other));
    eprintln!(
        "called the same event: same event {:.2} ({} pairs), similar event {:.2} ({}), other topic {:.2} ({})",
        rs,
        same.len(),
        rm,
        similar.len(),
        ro,
        other.len()
    );
    assert!(same.len() >= 50 && similar.len() >= 50);
    // floors measured on this sample (see the note on issue 5)
    assert!(rs >= 0.65, "same-event pairs recognized: {rs:.2}");
    assert!(rm <= 0.2, "similar events confused: {rm:.2}");
    assert!(ro <= 0.02, "unrelated called the same: {ro:.2}");
}

/// Stories on ECB+: pairs of articles about the same event should share a
/// group; articles about the topic's other, similar event should not.
#[test]
fn ecbplus_story_groups() {
    use crossread::index::{story, Index};
    let Some(p) = shared("ecbplus_multisource.jsonl") else {
        return;
    };
    let ix = Index::build(corpus::load(&[p]).unwrap(), 2025);
    let groups = story::groups(&ix);
    let mut group_of = vec![0; ix.articles.len()];
    for (g, members) in groups.iter().enumerate() {
        for &a in members {
            group_of[a] = g;
        }
    }
    let event = |i: usize| ix.articles[i].meta("event").unwrap_or_default().to_string();
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    let n = ix.articles.len();
    for i in 0..n {
        for j in i + 1..n {
            let same = event(i) == event(j);
            let together = group_of[i] == group_of[j];
            match (same, together) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "ECB+ story groups: {} groups for {n} articles; pairwise precision {p:.2}, recall {r:.2}",
        groups.len()
    );
    // floors measured (see the note on issue 5)
    assert!(p >= 0.7 && r >= 0.55, "precision {p:.2} recall {r:.2}");
}

/// The Reuters editors' own tags (places, people, orgs) as a weak but
/// independent check of the entities: for the 20 most frequent tags, the
/// share of the tagged stories in which crossread finds the matching entity.
/// Datelines and topic tags mean a story can carry "usa" without naming the
/// country, so the floors are what was measured, not 100%.
#[test]
fn reuters_editors_tags_are_found() {
    use crossread::index::Index;
    use std::collections::HashMap;
    let Some(p) = shared("reuters21578.jsonl") else {
        return;
    };
    let mut c = corpus::load(&[p]).unwrap();
    // the first 6,000 stories keep the debug-build test quick
    let n = std::env::var("CROSSREAD_REUTERS_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6000usize);
    c.articles.truncate(n);
    let ix = Index::build(c, 1987);
    let mut tagged: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in ix.articles.iter().enumerate() {
        for key in ["places", "people", "orgs"] {
            for t in a.meta(key).unwrap_or_default().split([' ', ',', ';']) {
                let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if !t.is_empty() {
                    tagged.entry(t.to_string()).or_default().push(i);
                }
            }
        }
    }
    let mut tags: Vec<(&String, &Vec<usize>)> = tagged.iter().collect();
    tags.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let mut report = Vec::new();
    let mut found_all = 0.0;
    for (tag, stories) in tags.into_iter().take(20) {
        let name = tag.replace('-', " ");
        let e = ix.find_entity(&name);
        let hit = e.map_or(0, |e| {
            stories
                .iter()
                .filter(|&&s| {
                    e.articles.binary_search_by_key(&s, |&a| a as usize).is_ok()
                        || e.articles.contains(&(s as u32))
                })
                .count()
        });
        let r = hit as f64 / stories.len() as f64;
        found_all += r;
        report.push(format!(
            "{tag:<14} -> {:<24} {hit:>5}/{:<5} {r:.2}",
            e.map_or("(none)".to_string(), |e| e.name.clone()),
            stories.len()
        ));
    }
    let mean = found_all / 20.0;
    eprintln!(
        "Reuters tags (first {n} stories), mean {mean:.2}:\n{}",
        report.join("\n")
    );
    // floor measured on these stories (see the note on issue 3)
    assert!(mean >= 0.5, "mean {mean:.2}");
}

/// Compare's alignment against sentence pairs marked by hand in 11 pairs of
/// ECB+ articles (tests/data/compare_gold.tsv): precision and recall of the
/// pairs it proposes (each sentence's counterpart, both ways). Printed with
/// `cargo test --release --test corpora -- --nocapture compare`; the floors
/// are those measured when the set was made, less a margin.
#[test]
fn compare_alignment_against_hand_marked_pairs() {
    let Some(p) = shared("ecbplus_multisource.jsonl") else {
        return;
    };
    let gold_src = include_str!("data/compare_gold.tsv");
    let gold: Vec<[&str; 4]> = gold_src
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            [f[0], f[1], f[2], f[3]]
        })
        .collect();
    let ids: std::collections::BTreeSet<(&str, &str)> = gold.iter().map(|g| (g[0], g[1])).collect();
    let c = corpus::load(&[p]).unwrap();
    let keep: std::collections::HashSet<&str> = ids.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let articles: Vec<_> = c
        .articles
        .into_iter()
        .filter(|a| keep.contains(a.id.as_str()))
        .collect();
    let ix = crossread::index::Index::build(
        corpus::Corpus {
            articles,
            warnings: vec![],
        },
        2009,
    );
    let (mut tp, mut predicted, mut marked) = (0usize, 0usize, 0usize);
    for (a, b) in &ids {
        let (x, y) = (ix.find_article(a).unwrap(), ix.find_article(b).unwrap());
        let cmp = crossread::index::compare::compare(&ix, x, y);
        let (ta, tb) = (&ix.articles[x].text, &ix.articles[y].text);
        let mut pred = std::collections::BTreeSet::new();
        for (i, s) in cmp.a_sents.iter().enumerate() {
            if let Some(j) = s.counterpart {
                pred.insert((i, j));
            }
        }
        for (j, s) in cmp.b_sents.iter().enumerate() {
            if let Some(i) = s.counterpart {
                pred.insert((i, j));
            }
        }
        let find = |sents: &[crossread::index::compare::Sent], text: &str, start: &str| {
            sents
                .iter()
                .position(|s| text[s.range.clone()].starts_with(start))
                .unwrap_or_else(|| panic!("{a} {b}: no sentence starts {start:?}"))
        };
        let want: std::collections::BTreeSet<(usize, usize)> = gold
            .iter()
            .filter(|g| (g[0], g[1]) == (*a, *b))
            .map(|g| (find(&cmp.a_sents, ta, g[2]), find(&cmp.b_sents, tb, g[3])))
            .collect();
        if std::env::var_os("CROSSREAD_SHOW_ALIGNMENT").is_some() {
            let short = |t: &str| t.chars().take(70).collect::<String>();
            for &(i, j) in pred.difference(&want) {
                println!(
                    "  extra: {:?} | {:?}",
                    short(&ta[cmp.a_sents[i].range.clone()]),
                    short(&tb[cmp.b_sents[j].range.clone()])
                );
            }
            for &(i, j) in want.difference(&pred) {
                println!(
                    "  missed: {:?} | {:?}",
                    short(&ta[cmp.a_sents[i].range.clone()]),
                    short(&tb[cmp.b_sents[j].range.clone()])
                );
            }
        }
        tp += pred.intersection(&want).count();
        predicted += pred.len();
        marked += want.len();
    }
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / marked.max(1) as f64;
    println!(
        "compare alignment on {} hand-marked pairs: precision {p:.2} ({tp}/{predicted}), recall {r:.2} ({tp}/{marked})",
        marked
    );
    // measured when the set was made: 1.00 / 0.16 before (weighted Dice of
    // words and names, threshold 0.3), 0.86 / 0.70 after (numbers as
    // facts, cosine, threshold 0.2, order and lead)
    assert!(p >= 0.8, "precision {p:.2}");
    assert!(r >= 0.6, "recall {r:.2}");
}

/// On real corpora, no timeline item is made from a quantity: an item
/// whose time expression is a bare four-digit number has no unit, code or
/// street after it and is no side of a dimension. And no undated article of
/// BBC (which has no dated article to bound a year) gets a date but from a
/// full date it writes itself.
#[test]
fn no_event_is_made_from_a_quantity_nor_a_date_from_a_weekday() {
    use crossread::index::Index;
    for name in ["ecbplus_multisource.jsonl", "bbc"] {
        let Some(p) = shared(name) else { return };
        let ix = Index::build(corpus::load(&[p]).unwrap(), 2026);
        let mut bare = 0;
        for it in &ix.timeline.items {
            let text = &ix.articles[it.article as usize].text;
            let Some(t) = it.timex.clone() else { continue };
            let expr = &text[t.clone()];
            if !(expr.len() == 4 && expr.bytes().all(|b| b.is_ascii_digit())) {
                continue;
            }
            bare += 1;
            let end = it.sentence.end.max(t.end);
            let after: Vec<&str> = text[t.end..end].split_whitespace().take(3).collect();
            let before: Vec<&str> = text[..t.start].split_whitespace().rev().take(2).collect();
            let next = after
                .first()
                .map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
            // a code of a unit, a currency or a time zone ("HKT", "MHz")
            let g = crossread::nlp::gazetteer::Gazetteer::get();
            let titled = next.chars().skip(1).all(|c| c.is_ascii_lowercase());
            let code = g.not_names.contains(next) && !titled;
            let unit = ["pixels", "x", "×", "GHz", "MHz", "km", "mph"].contains(&next);
            let side = before
                .first()
                .is_some_and(|w| ["x", "×", "base"].contains(w));
            // "1800 Pitkin Ave." (not "In 2004, Coronation Street ...")
            let year_word = before
                .first()
                .is_some_and(|w| ["in", "In", "since", "of", "from", "until"].contains(w));
            let street = !year_word
                && after
                    .first()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
                && after
                    .iter()
                    .skip(1)
                    .any(|w| ["Ave.", "Avenue", "Street", "St.", "Road", "Blvd."].contains(w));
            assert!(
                !(code || unit || side || street),
                "{name}: a quantity made an event: {expr} in {:?}",
                &text[it.sentence.clone()]
            );
        }
        assert!(bare > 100, "{name}: {bare} years");
        if name == "bbc" {
            for a in ix
                .articles
                .iter()
                .filter(|a| a.date_source.label() == "inferred")
            {
                let y = a.date.map(|d| chrono::Datelike::year(&d)).unwrap_or(0);
                let near = (y - 1..=y + 1).any(|y| a.text.contains(&y.to_string()));
                assert!(near, "{}: {:?} from a weekday alone", a.id, a.date);
            }
        }
    }
}

/// One name is one thing in one text: on ECB+, the mentions of a name the
/// rules typed by its form alone are typed by the model all alike or not
/// at all (one odd context does not type one of them apart).
#[test]
fn a_name_the_model_types_is_one_type_in_its_text() {
    use crossread::nlp::{self, entities, Evidence, Lexicon};
    use std::collections::HashMap;
    let Some(p) = shared("ecbplus_multisource.jsonl") else {
        return;
    };
    let c = corpus::load(&[p]).unwrap();
    let mut model_typed = 0;
    for a in c.articles.iter().take(400) {
        let t = &a.text;
        let pr = nlp::prepare(t);
        let mut lex = Lexicon::default();
        lex.observe(t, &pr.tokens, &pr.sentences);
        let ms = entities::mentions(t, &pr.tokens, &pr.sentences, &lex);
        let mut seen: HashMap<&str, Vec<Option<nlp::EntityType>>> = HashMap::new();
        for m in &ms {
            let word = match m.evidence {
                Evidence::Model(_) => Some(m.ty),
                Evidence::Default => None,
                _ => continue,
            };
            seen.entry(&t[m.range.clone()]).or_default().push(word);
        }
        for (name, words) in seen {
            model_typed += words.iter().flatten().count();
            assert!(
                words.windows(2).all(|w| w[0] == w[1]),
                "{}: {name}: {words:?}",
                a.path.display()
            );
        }
    }
    assert!(model_typed > 100, "{model_typed}");
}
