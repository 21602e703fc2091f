//! Headless output of the analysis: JSON for scripts, text for people.

use crate::app::counted;
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
    // one document at a time: the whole corpus as JSON values would take
    // several times the memory of the index
    let docs = ix
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
        });
    if json_out {
        let mut out = String::from("{\"documents\":[");
        for (i, d) in docs.enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(&d).unwrap_or_default());
        }
        out.push_str("]}\n");
        return out;
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
    // the name column as wide as the longest name, 32 to 48 characters; a
    // longer name is cut with "…" (whole in --json and among the aliases),
    // so the columns stay apart ("United States Fish and Wildlife Service")
    let width = order
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(32, 48);
    let mut s = format!(
        "{:<width$} {:<7} {:>8} {:>8}  aliases\n",
        "entity", "type", "articles", "mentions"
    );
    // as "{:<width$} {:<7} {:>8} {:>8}  {aliases}", written piece by piece
    // (a line per entity: tens of thousands on a large corpus), blocks of
    // lines on all cores
    use rayon::prelude::*;
    let blocks: Vec<String> = order
        .par_chunks(2048)
        .map(|block| {
            let mut s = String::new();
            for e in block {
                let n = e.name.chars().count();
                if n > width {
                    s.extend(e.name.chars().take(width - 1));
                    s.push('…');
                } else {
                    s.push_str(&e.name);
                    s.extend(std::iter::repeat_n(' ', width - n));
                }
                let _ = write!(
                    s,
                    " {:<7} {:>8} {:>8}  ",
                    e.ty.as_str(),
                    e.articles.len(),
                    e.mentions.len()
                );
                for (i, a) in e.aliases.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(a);
                }
                s.push('\n');
            }
            s
        })
        .collect();
    s.reserve(blocks.iter().map(String::len).sum());
    for b in blocks {
        s.push_str(&b);
    }
    s
}

/// `crossread mentions NAME`.
/// `crossread mentions NAME`: a name that matches no entity, by any of its
/// words or spellings, is an error naming the closest ones (exit 1).
pub fn mentions(ix: &Index, name: &str, json_out: bool) -> Result<String, String> {
    let Some(e) = ix.find_entity(name) else {
        let near: Vec<String> = ix
            .closest_entities(name, 3)
            .into_iter()
            .map(|e| e.name.clone())
            .collect();
        return Err(if near.is_empty() {
            format!("no entity named {name:?}")
        } else {
            format!("no entity named {name:?}; closest: {}", near.join(", "))
        });
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
        return Ok(serde_json::to_string_pretty(&json!({"entity": {"name": e.name, "type": e.ty.as_str(), "aliases": e.aliases}, "mentions": v})).unwrap_or_default() + "\n");
    }
    let mut s = format!(
        "{} ({}), {} in {}; aliases: {}\n",
        e.name,
        e.ty.label(),
        counted(e.mentions.len(), "mention"),
        counted(e.articles.len(), "article"),
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
    Ok(s)
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
                        json!({"article": a.id, "kind": "event",
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
            let text = one_line(&a.text[it.sentence.clone()]);
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
pub fn search(ix: &Index, query: &str, json_out: bool, by_date: bool) -> String {
    let p = search::Prepared::new(ix, search::parse(query));
    let mut hits = search::search_from(ix, &p, 0, usize::MAX).0;
    if !by_date {
        search::by_relevance(&mut hits);
    }
    let also = p.also_note(ix);
    if json_out {
        let v: Vec<Value> = hits
            .iter()
            .map(|h| {
                let a = &ix.articles[h.article as usize];
                let first = h.ranges.first().map(|r| one_line(&a.text[search::sentence_of(ix, h.article as usize, r.start)])).unwrap_or_default();
                json!({"article": a.id, "title": a.title, "date": a.date.map(|d| d.to_string()), "hits": h.ranges.len(), "score": h.score, "sentence": first,
                       "ranges": h.ranges.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>()})
            })
            .collect();
        let also: Vec<Value> = p
            .also_names(ix)
            .into_iter()
            .map(|(w, e)| json!({"word": w, "also": e}))
            .collect();
        return serde_json::to_string_pretty(&json!({"query": query, "order": if by_date { "date" } else { "relevance" }, "also": also, "results": v}))
            .unwrap_or_default()
            + "\n";
    }
    let mut s = format!(
        "{} match {query:?}{}, {}\n",
        counted(hits.len(), "article"),
        also.map(|n| format!(" ({n})")).unwrap_or_default(),
        if by_date {
            "by date"
        } else {
            "the most relevant first"
        }
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
            "{}  {}  {} ({})\n    {}",
            a.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            a.id,
            one_line(&a.title),
            counted(h.ranges.len(), "hit"),
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

/// What `crossread export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportWhat {
    All,
    Entities,
    Mentions,
    Timeline,
    Notes,
}

/// A table to export: its name, column names and rows.
type Table = (&'static str, Vec<&'static str>, Vec<Vec<String>>);

fn csv_field(s: &str) -> String {
    let s = one_line(s);
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// `crossread export`: entities, mentions, the timeline and the user's notes
/// as Markdown, CSV or JSON. Rows are (table, columns...).
pub fn export(
    ix: &Index,
    user: &crate::app::userdata::UserData,
    format: ExportFormat,
    what: ExportWhat,
) -> String {
    let mut tables: Vec<Table> = Vec::new();
    let want = |w: ExportWhat| what == ExportWhat::All || what == w;
    if want(ExportWhat::Entities) {
        let rows = ix
            .entities
            .iter()
            .map(|e| {
                vec![
                    entity_key(ix, e.id),
                    e.name.clone(),
                    e.ty.as_str().to_string(),
                    e.articles.len().to_string(),
                    e.mentions.len().to_string(),
                    e.aliases.join("; "),
                ]
            })
            .collect();
        tables.push((
            "entities",
            vec!["id", "name", "type", "articles", "mentions", "aliases"],
            rows,
        ));
    }
    if want(ExportWhat::Mentions) {
        let mut rows = Vec::new();
        for (ai, an) in ix.analyses.iter().enumerate() {
            let a = &ix.articles[ai];
            for (mi, m) in an.mentions.iter().enumerate() {
                let e = ix.mention_entity[ai][mi];
                rows.push(vec![
                    a.id.clone(),
                    m.range.start.to_string(),
                    m.range.end.to_string(),
                    a.text[m.range.clone()].to_string(),
                    entity_key(ix, e),
                    a.text[search::sentence_of(ix, ai, m.range.start)].to_string(),
                ]);
            }
        }
        tables.push((
            "mentions",
            vec!["article", "start", "end", "text", "entity", "sentence"],
            rows,
        ));
    }
    if want(ExportWhat::Timeline) {
        let tl = &ix.timeline;
        let rows = tl
            .items
            .iter()
            .map(|it| {
                let a = &ix.articles[it.article as usize];
                vec![
                    it.value.to_string(),
                    a.id.clone(),
                    "event".to_string(),
                    tl.events[it.event as usize].articles.len().to_string(),
                    tl.events[it.event as usize].conflict.to_string(),
                    a.text[it.sentence.clone()].to_string(),
                ]
            })
            .collect();
        tables.push((
            "timeline",
            vec!["date", "article", "kind", "sources", "conflict", "text"],
            rows,
        ));
    }
    if want(ExportWhat::Notes) {
        let mut rows = Vec::new();
        for (id, st) in &user.articles {
            for n in &st.notes {
                rows.push(vec![
                    id.clone(),
                    n.text.clone(),
                    n.quote.clone().unwrap_or_default(),
                    st.star.to_string(),
                    st.read.to_string(),
                ]);
            }
        }
        tables.push((
            "notes",
            vec!["article", "note", "on", "starred", "read"],
            rows,
        ));
    }
    match format {
        ExportFormat::Json => {
            let mut obj = serde_json::Map::new();
            for (name, cols, rows) in &tables {
                let v: Vec<Value> = rows
                    .iter()
                    .map(|r| {
                        Value::Object(
                            cols.iter()
                                .zip(r)
                                .map(|(c, x)| (c.to_string(), Value::String(x.clone())))
                                .collect(),
                        )
                    })
                    .collect();
                obj.insert(name.to_string(), Value::Array(v));
            }
            serde_json::to_string_pretty(&Value::Object(obj)).unwrap_or_default() + "\n"
        }
        ExportFormat::Csv => {
            let mut s = String::new();
            for (k, (name, cols, rows)) in tables.iter().enumerate() {
                if tables.len() > 1 {
                    if k > 0 {
                        s.push('\n');
                    }
                    let _ = writeln!(s, "# {name}");
                }
                let _ = writeln!(s, "{}", cols.join(","));
                for r in rows {
                    let _ = writeln!(
                        s,
                        "{}",
                        r.iter().map(|x| csv_field(x)).collect::<Vec<_>>().join(",")
                    );
                }
            }
            s
        }
        ExportFormat::Md => {
            let mut s = String::new();
            for (name, cols, rows) in &tables {
                let _ = writeln!(s, "## {name}\n");
                let _ = writeln!(s, "| {} |", cols.join(" | "));
                let _ = writeln!(s, "|{}", "---|".repeat(cols.len()));
                for r in rows {
                    let cells: Vec<String> =
                        r.iter().map(|x| one_line(x).replace('|', "\\|")).collect();
                    let _ = writeln!(s, "| {} |", cells.join(" | "));
                }
                s.push('\n');
            }
            s
        }
    }
}
