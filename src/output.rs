//! Headless output of the analysis: JSON for scripts, text for people.

use crate::index::{compare, search, Index};
use serde_json::{json, Value};
use std::fmt::Write;

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

/// A stable id for an entity: its canonical name as a slug, with the entity
/// number when two entities share a name.
pub fn entity_key(ix: &Index, id: u32) -> String {
    let e = &ix.entities[id as usize];
    format!("{}-{}", slug(&e.name), e.id)
}

/// One line of text for display: whitespace folded.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `crossread extract`: the evaluation contract.
pub fn extract(ix: &Index, json_out: bool) -> String {
    let docs: Vec<Value> = ix
        .articles
        .iter()
        .enumerate()
        .map(|(ai, a)| {
            let an = &ix.analyses[ai];
            let ents: Vec<Value> = an
                .mentions
                .iter()
                .enumerate()
                .map(|(mi, m)| {
                    let e = &ix.entities[ix.mention_entity[ai][mi] as usize];
                    json!({"start": m.range.start, "end": m.range.end, "text": &a.text[m.range.clone()],
                           "type": e.ty.as_str(), "entity": entity_key(ix, e.id)})
                })
                .collect();
            let tx: Vec<Value> = an
                .timexes
                .iter()
                .map(|t| json!({"start": t.range.start, "end": t.range.end, "text": &a.text[t.range.clone()], "type": t.ty.as_str(), "value": t.value}))
                .collect();
            json!({"id": a.id, "title": a.title, "date": a.date.map(|d| d.to_string()),
                   "date_source": a.date_source.label(), "entities": ents, "timex": tx})
        })
        .collect();
    if json_out {
        return serde_json::to_string(&json!({"documents": docs})).unwrap_or_default() + "\n";
    }
    let mut s = String::new();
    for (ai, a) in ix.articles.iter().enumerate() {
        let _ = writeln!(
            s,
            "{}  {}  {}",
            a.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            a.id,
            one_line(&a.title)
        );
        for (mi, m) in ix.analyses[ai].mentions.iter().enumerate() {
            let e = &ix.entities[ix.mention_entity[ai][mi] as usize];
            let _ = writeln!(
                s,
                "  {:>6}  {:<7} {:<30} -> {}",
                m.range.start,
                e.ty.as_str(),
                &a.text[m.range.clone()],
                e.name
            );
        }
        for t in &ix.analyses[ai].timexes {
            let _ = writeln!(
                s,
                "  {:>6}  {:<8} {:<30} = {}",
                t.range.start,
                t.ty.as_str(),
                &a.text[t.range.clone()],
                t.value.as_deref().unwrap_or("?")
            );
        }
    }
    s
}

/// `crossread entities`: most-mentioned first.
pub fn entities(ix: &Index, json_out: bool) -> String {
    let mut order: Vec<&crate::index::Entity> = ix.entities.iter().collect();
    order.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then(a.name.cmp(&b.name))
    });
    if json_out {
        let v: Vec<Value> = order
            .iter()
            .map(|e| json!({"id": entity_key(ix, e.id), "name": e.name, "type": e.ty.as_str(), "why": e.evidence.describe(),
                            "aliases": e.aliases, "articles": e.articles.len(), "mentions": e.mentions.len()}))
            .collect();
        return serde_json::to_string_pretty(&json!({"entities": v})).unwrap_or_default() + "\n";
    }
    let mut s = format!(
        "{:<32} {:<7} {:>8} {:>8}  aliases\n",
        "entity", "type", "articles", "mentions"
    );
    for e in order {
        let _ = writeln!(
            s,
            "{:<32} {:<7} {:>8} {:>8}  {}",
            e.name,
            e.ty.as_str(),
            e.articles.len(),
            e.mentions.len(),
            e.aliases.join(", ")
        );
    }
    s
}

/// `crossread mentions NAME`.
pub fn mentions(ix: &Index, name: &str, json_out: bool) -> String {
    let Some(e) = ix.find_entity(name) else {
        return if json_out {
            "{\"entity\": null, \"mentions\": []}\n".into()
        } else {
            format!("no entity named {name:?}\n")
        };
    };
    let rows: Vec<(usize, std::ops::Range<usize>, std::ops::Range<usize>)> = e
        .mentions
        .iter()
        .map(|&(a, m)| {
            let r = ix.analyses[a as usize].mentions[m as usize].range.clone();
            let sent = search::sentence_of(ix, a as usize, r.start);
            (a as usize, r, sent)
        })
        .collect();
    if json_out {
        let v: Vec<Value> = rows
            .iter()
            .map(|(a, r, s)| {
                let art = &ix.articles[*a];
                json!({"article": art.id, "title": art.title, "date": art.date.map(|d| d.to_string()), "start": r.start, "end": r.end,
                       "text": &art.text[r.clone()], "sentence": one_line(&art.text[s.clone()])})
            })
            .collect();
        return serde_json::to_string_pretty(&json!({"entity": {"name": e.name, "type": e.ty.as_str(), "aliases": e.aliases}, "mentions": v})).unwrap_or_default() + "\n";
    }
    let mut s = format!(
        "{} ({}), {} mentions in {} articles; aliases: {}\n",
        e.name,
        e.ty.label(),
        e.mentions.len(),
        e.articles.len(),
        e.aliases.join(", ")
    );
    for (a, r, sent) in rows {
        let art = &ix.articles[a];
        let _ = writeln!(
            s,
            "{}  {}  [{}] {}",
            art.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            art.id,
            &art.text[r],
            one_line(&art.text[sent])
        );
    }
    s
}

/// `crossread timeline`.
pub fn timeline(ix: &Index, json_out: bool) -> String {
    let tl = &ix.timeline;
    if json_out {
        let events: Vec<Value> = tl
            .events
            .iter()
            .map(|ev| {
                let items: Vec<Value> = ev
                    .items
                    .iter()
                    .map(|&i| {
                        let it = &tl.items[i as usize];
                        let a = &ix.articles[it.article as usize];
                        json!({"article": a.id, "kind": if it.timex.is_some() { "event" } else { "published" },
                               "text": one_line(&a.text[it.sentence.clone()]), "precision": it.precision})
                    })
                    .collect();
                json!({"value": ev.value, "start": ev.start.to_string(), "conflict": ev.conflict, "articles": ev.articles.iter().map(|&a| ix.articles[a as usize].id.clone()).collect::<Vec<_>>(),
                       "entities": ev.entities.iter().map(|&e| ix.entities[e as usize].name.clone()).collect::<Vec<_>>(), "items": items})
            })
            .collect();
        let undated: Vec<&str> = tl
            .undated
            .iter()
            .map(|&a| ix.articles[a as usize].id.as_str())
            .collect();
        let conflicts: Vec<Value> = tl
            .conflicts
            .iter()
            .map(|&(x, y)| {
                let side = |i: u32| {
                    let it = &tl.items[i as usize];
                    let a = &ix.articles[it.article as usize];
                    json!({"article": a.id, "value": it.value, "text": one_line(&a.text[it.sentence.clone()])})
                };
                json!([side(x), side(y)])
            })
            .collect();
        return serde_json::to_string_pretty(
            &json!({"events": events, "undated": undated, "conflicts": conflicts}),
        )
        .unwrap_or_default()
            + "\n";
    }
    let mut order: Vec<usize> = (0..tl.events.len()).collect();
    order.sort_by_key(|&e| (tl.events[e].start, tl.events[e].value.len()));
    let mut s = String::new();
    for e in order {
        let ev = &tl.events[e];
        let srcs: Vec<&str> = ev
            .articles
            .iter()
            .map(|&a| ix.articles[a as usize].id.as_str())
            .collect();
        let _ = writeln!(
            s,
            "{:<11} [{} source{}] {}{}",
            ev.value,
            srcs.len(),
            if srcs.len() == 1 { "" } else { "s" },
            srcs.join(", "),
            if ev.conflict {
                "  ⚠ sources disagree on the date"
            } else {
                ""
            }
        );
        for &i in &ev.items {
            let it = &tl.items[i as usize];
            let a = &ix.articles[it.article as usize];
            let text = if it.timex.is_some() {
                one_line(&a.text[it.sentence.clone()])
            } else {
                format!("published: {}", one_line(&a.title))
            };
            let _ = writeln!(s, "    {}: {}", a.id, text);
        }
    }
    for &(x, y) in &tl.conflicts {
        let (a, b) = (&tl.items[x as usize], &tl.items[y as usize]);
        let _ = writeln!(
            s,
            "⚠ dates disagree: {} says {}, {} says {}: {}",
            ix.articles[a.article as usize].id,
            a.value,
            ix.articles[b.article as usize].id,
            b.value,
            one_line(&ix.articles[a.article as usize].text[a.sentence.clone()])
        );
    }
    if !tl.undated.is_empty() {
        let _ = writeln!(s, "undated");
        for &a in &tl.undated {
            let _ = writeln!(
                s,
                "    {}: {}",
                ix.articles[a as usize].id,
                one_line(&ix.articles[a as usize].title)
            );
        }
    }
    s
}

/// `crossread search QUERY`.
pub fn search(ix: &Index, query: &str, json_out: bool) -> String {
    let q = search::parse(query);
    let hits = search::search(ix, &q);
    if json_out {
        let v: Vec<Value> = hits
            .iter()
            .map(|h| {
                let a = &ix.articles[h.article as usize];
                let first = h.ranges.first().map(|r| one_line(&a.text[search::sentence_of(ix, h.article as usize, r.start)])).unwrap_or_default();
                json!({"article": a.id, "title": a.title, "date": a.date.map(|d| d.to_string()), "hits": h.ranges.len(), "sentence": first,
                       "ranges": h.ranges.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>()})
            })
            .collect();
        return serde_json::to_string_pretty(&json!({"query": query, "results": v}))
            .unwrap_or_default()
            + "\n";
    }
    let mut s = format!(
        "{} article{} match {query:?}\n",
        hits.len(),
        if hits.len() == 1 { "" } else { "s" }
    );
    for h in hits {
        let a = &ix.articles[h.article as usize];
        let first = h
            .ranges
            .first()
            .map(|r| one_line(&a.text[search::sentence_of(ix, h.article as usize, r.start)]))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "{}  {}  {} ({} hits)\n    {}",
            a.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            a.id,
            one_line(&a.title),
            h.ranges.len(),
            first
        );
    }
    s
}

/// `crossread compare A B`: the alignment of two articles.
pub fn compare(ix: &Index, a: usize, b: usize, json_out: bool) -> String {
    let c = compare::compare(ix, a, b);
    let (xa, xb) = (&ix.articles[a], &ix.articles[b]);
    let names = |v: &[u32]| -> Vec<String> {
        v.iter()
            .map(|&e| ix.entities[e as usize].name.clone())
            .collect()
    };
    let text =
        |x: &crate::corpus::Article, r: &std::ops::Range<usize>| one_line(&x.text[r.clone()]);
    if json_out {
        let side = |x: &crate::corpus::Article, sents: &[compare::Sent]| -> Vec<Value> {
            sents
                .iter()
                .map(|s| json!({"start": s.range.start, "end": s.range.end, "text": text(x, &s.range),
                                "mark": s.mark, "counterpart": s.counterpart, "score": (s.score * 100.0).round() / 100.0}))
                .collect()
        };
        let art = |x: &crate::corpus::Article| json!({"id": x.id, "title": x.title, "outlet": x.outlet, "date": x.date.map(|d| d.to_string())});
        let v = json!({
            "a": art(xa), "b": art(xb),
            "relation": c.relation, "aligned": (c.aligned * 100.0).round() / 100.0, "overlap": (c.overlap * 100.0).round() / 100.0,
            "shared_entities": names(&c.shared_entities), "only_a": names(&c.only_a), "only_b": names(&c.only_b),
            "quotes": c.quotes.iter().map(|q| json!({"a": [q.a.start, q.a.end], "b": [q.b.start, q.b.end], "text": text(xa, &q.a)})).collect::<Vec<_>>(),
            "date_differences": c.date_diffs.iter().map(|d| json!({"a_sentence": d.a_sentence, "b_sentence": d.b_sentence, "a": d.a_values, "b": d.b_values})).collect::<Vec<_>>(),
            "a_sentences": side(xa, &c.a_sents), "b_sentences": side(xb, &c.b_sents),
            "rows": c.rows,
        });
        return serde_json::to_string_pretty(&v).unwrap_or_default() + "\n";
    }
    let mut s = String::new();
    for (l, x) in [("A", xa), ("B", xb)] {
        let _ = writeln!(
            s,
            "{l}  {}  {}  {}",
            match x.date {
                Some(d) => format!("{d} ({})", x.date_source.label()),
                None => "undated".into(),
            },
            x.id,
            one_line(&x.title)
        );
    }
    let _ = writeln!(
        s,
        "{}: {:.0}% of sentences have a counterpart, {} shared quote{}",
        c.relation.label(),
        c.aligned * 100.0,
        c.quotes.len(),
        if c.quotes.len() == 1 { "" } else { "s" }
    );
    let _ = writeln!(s, "shared:  {}", names(&c.shared_entities).join(", "));
    let _ = writeln!(s, "only A:  {}", names(&c.only_a).join(", "));
    let _ = writeln!(s, "only B:  {}", names(&c.only_b).join(", "));
    for q in &c.quotes {
        let _ = writeln!(s, "quote:   \"{}\"", text(xa, &q.a));
    }
    for d in &c.date_diffs {
        let _ = writeln!(
            s,
            "dates differ: A{} gives {}, B{} gives {}",
            d.a_sentence + 1,
            d.a_values.join(", "),
            d.b_sentence + 1,
            d.b_values.join(", ")
        );
    }
    s.push_str("\n= shared  ~ reworded  + only in this article\n\n");
    for r in &c.rows {
        for (k, x, sents, label) in [(r.a, xa, &c.a_sents, "A"), (r.b, xb, &c.b_sents, "B")] {
            if let Some(k) = k {
                let st = &sents[k];
                let _ = writeln!(
                    s,
                    "{} {label}{:<3} {}",
                    st.mark.symbol(),
                    k + 1,
                    text(x, &st.range)
                );
            }
        }
        s.push('\n');
    }
    s
}
