//! The seed articles, end to end through the corpus, analysis and index.

use crossread::corpus;
use crossread::index::Index;
use std::path::PathBuf;

fn seeds() -> Index {
    let c = corpus::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")]).unwrap();
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    Index::build(c, 2025)
}

fn art<'a>(ix: &'a Index, prefix: &str) -> &'a corpus::Article {
    ix.articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap()
}

#[test]
fn titles_dates_and_bylines() {
    let ix = seeds();
    assert_eq!(ix.articles.len(), 5);
    let d = |p: &str| art(&ix, p).date.map(|d| d.to_string());
    assert_eq!(d("001").as_deref(), Some("2025-10-16"));
    assert_eq!(d("003").as_deref(), Some("2025-10-17"));
    for p in ["000", "002", "004"] {
        assert_ne!(
            art(&ix, p).date_source,
            corpus::DateSource::Header,
            "{p} has no header date"
        );
    }
    assert_eq!(
        art(&ix, "000").date_source,
        corpus::DateSource::Inferred,
        "Thursday (October 16)"
    );
    assert_eq!(d("002"), None);
    assert_eq!(d("004"), None);
    assert_eq!(art(&ix, "004").author.as_deref(), Some("Garry"));
    assert_eq!(
        art(&ix, "004").title,
        "Trump and Putin Expected to Discuss Ukraine Ceasefire"
    );
    assert_eq!(art(&ix, "002").title, "Fresh Ukraine talks to begin in the Middle East following Trump-Putin call, White House announces");
    assert!(art(&ix, "001").title_derived);
    for a in &ix.articles {
        assert!(
            !a.text[a.body.clone()].contains(" date 2025"),
            "{}: marker in body",
            a.id
        );
        assert!(!a.title.contains("date 2025"));
    }
    let b = art(&ix, "004");
    let dimmed: Vec<&str> = b.boilerplate.iter().map(|r| &b.text[r.clone()]).collect();
    assert!(dimmed.contains(&"Photo of author"));
    assert_eq!(
        dimmed.iter().filter(|l| **l == b.title).count(),
        2,
        "repeated titles dimmed: {dimmed:?}"
    );
}

#[test]
fn variant_spellings_link_and_namesakes_do_not() {
    let ix = seeds();
    let z = ix.find_entity("Zelenskiy").unwrap();
    assert!(
        z.aliases.iter().any(|a| a.contains("Zelenskyy")),
        "{:?}",
        z.aliases
    );
    let p = ix.find_entity("Vladmir Putin").unwrap();
    assert_eq!(p.name, "Vladimir Putin");
    assert_eq!(p.articles.len(), 5);
    let kyiv = ix.find_entity("Kiev").unwrap();
    assert_eq!(kyiv.name, "Kyiv");
    assert_eq!(kyiv.articles.len(), 2);
    let trump = ix.find_entity("Trump").unwrap();
    let melania = ix.find_entity("Melania Trump").unwrap();
    assert_ne!(trump.id, melania.id);
    assert_eq!(trump.name, "Donald Trump");
    assert_eq!(melania.articles.len(), 1);
    let us = ix.find_entity("U.S.").unwrap();
    assert_eq!(us.name, "United States");
    assert_eq!(us.articles.len(), 5);
}

#[test]
fn timeline_groups_the_events() {
    let ix = seeds();
    let tl = &ix.timeline;
    let id = |a: u32| ix.articles[a as usize].id[..3].to_string();
    let sources = |value: &str| -> Vec<Vec<String>> {
        tl.events
            .iter()
            .filter(|e| e.value == value && tl.items[e.items[0] as usize].timex.is_some())
            .map(|e| e.articles.iter().map(|&a| id(a)).collect())
            .collect()
    };
    // the call of 16 October told by 000 and 003; the Oval Office meeting of 17 October by 000, 001, 003
    assert!(
        sources("2025-10-16")
            .iter()
            .any(|s| s.contains(&"000".to_string()) && s.contains(&"003".to_string())),
        "{:?}",
        sources("2025-10-16")
    );
    assert!(
        sources("2025-10-17").iter().any(|s| s.len() == 3),
        "{:?}",
        sources("2025-10-17")
    );
    assert!(
        sources("2025-W43")
            .iter()
            .any(|s| s.contains(&"000".to_string()) && s.contains(&"001".to_string())),
        "{:?}",
        sources("2025-W43")
    );
    let undated: Vec<String> = tl.undated.iter().map(|&a| id(a)).collect();
    assert_eq!(undated, vec!["002", "004"]);
}

#[test]
fn quoted_tomorrow_resolves_against_the_day_it_was_said() {
    let ix = seeds();
    let (ai, a) = ix
        .articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.id.starts_with("003"))
        .unwrap();
    let t = ix.analyses[ai]
        .timexes
        .iter()
        .find(|t| &a.text[t.range.clone()] == "tomorrow")
        .unwrap();
    assert_eq!(t.value.as_deref(), Some("2025-10-17"));
}

#[test]
fn extract_json_follows_the_contract() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args([
            "extract",
            "--json",
            concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for d in docs {
        let name = d["id"].as_str().unwrap();
        let text = std::fs::read(format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        for e in d["entities"]
            .as_array()
            .unwrap()
            .iter()
            .chain(d["timex"].as_array().unwrap())
        {
            let (s, en) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&text[s..en]).unwrap(),
                e["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn missing_path_is_a_usage_error() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["extract", "/no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
}

#[test]
fn compare_001_with_003_shares_the_statement_and_differs_in_the_rest() {
    use crossread::index::compare::{compare, Mark, Relation};
    let ix = seeds();
    let (a, b) = (
        ix.find_article("001").unwrap(),
        ix.find_article("003").unwrap(),
    );
    let c = compare(&ix, a, b);
    let (ta, tb) = (&ix.articles[a].text, &ix.articles[b].text);
    assert_eq!(c.relation, Relation::SameEvent);
    // Trump's Truth Social statement: quoted in 003, set off as a block in 001
    assert!(
        c.quotes
            .iter()
            .any(|q| tb[q.b.clone()].contains("Budapest, Hungary")
                && ta[q.a.clone()].contains("Budapest, Hungary")),
        "{:?}",
        c.quotes
    );
    let names = |v: &[u32]| -> Vec<String> {
        v.iter()
            .map(|&e| ix.entities[e as usize].name.clone())
            .collect()
    };
    let shared = names(&c.shared_entities);
    for n in ["Budapest", "Hungary", "Marco Rubio", "Oval Office"] {
        assert!(shared.iter().any(|s| s == n), "{n} not shared: {shared:?}");
    }
    assert!(names(&c.only_a).iter().any(|n| n == "NATO"));
    let mark_of = |sents: &[crossread::index::compare::Sent], text: &str, needle: &str| {
        sents
            .iter()
            .find(|s| text[s.range.clone()].contains(needle))
            .map(|s| s.mark)
    };
    assert_eq!(
        mark_of(&c.b_sents, tb, "within two weeks or later"),
        Some(Mark::Only)
    );
    assert_eq!(mark_of(&c.a_sents, ta, "NATO"), Some(Mark::Only));
    assert_eq!(
        mark_of(&c.a_sents, ta, "A meeting location is to be determined"),
        Some(Mark::Shared)
    );
    // rows keep both sides in reading order
    let left: Vec<usize> = c.rows.iter().filter_map(|r| r.a).collect();
    let right: Vec<usize> = c.rows.iter().filter_map(|r| r.b).collect();
    assert_eq!(left, (0..c.a_sents.len()).collect::<Vec<_>>());
    assert_eq!(right, (0..c.b_sents.len()).collect::<Vec<_>>());
}

#[test]
fn compare_000_with_002_are_different_events() {
    use crossread::index::compare::{compare, Relation};
    let ix = seeds();
    let (a, b) = (
        ix.find_article("000").unwrap(),
        ix.find_article("002").unwrap(),
    );
    let c = compare(&ix, a, b);
    assert_eq!(c.relation, Relation::DifferentEvents);
    assert!(c.aligned < 0.15, "{}", c.aligned);
    assert!(c.quotes.is_empty());
}

#[test]
fn the_users_corrections_apply_everywhere() {
    use crossread::index::aliases::Aliases;
    use crossread::nlp::EntityType;
    let al = Aliases::parse(
        r#"
[[merge]]
names = ["Kremlin", "Dmitry Peskov"]
[[split]]
name = "Trump"
article = "003"
[[rename]]
from = "Zelenskyy"
to = "Volodymyr Zelensky"
[[retype]]
name = "Truth Social"
type = "org"
[[ignore]]
name = "Tomahawk"
"#,
    )
    .unwrap();
    let c = corpus::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")]).unwrap();
    let base = seeds();
    let ix = Index::build_with(c, 2025, &al);
    // ignored: gone from the entities and from every article's mentions
    assert!(ix.find_entity("Tomahawk").is_none());
    let count = |ix: &Index| ix.analyses.iter().map(|a| a.mentions.len()).sum::<usize>();
    assert_eq!(
        count(&ix) + base.find_entity("Tomahawk").unwrap().mentions.len(),
        count(&base)
    );
    let e = ix.find_entity("Truth Social").unwrap();
    assert_eq!(e.ty, EntityType::Org);
    assert!(e.evidence.describe().contains("you"));
    assert_eq!(
        ix.find_entity("Zelenskyy").unwrap().name,
        "Volodymyr Zelensky"
    );
    let k = ix.find_entity("Kremlin").unwrap();
    assert!(
        k.aliases.iter().any(|a| a.contains("Peskov")),
        "{:?}",
        k.aliases
    );
    // the bare "Trump" of 003 is on its own; elsewhere it is still Donald Trump
    let a003 = ix.find_article("003").unwrap() as u32;
    let donald = ix
        .entities
        .iter()
        .find(|e| e.name == "Donald Trump")
        .unwrap();
    let alone = ix
        .entities
        .iter()
        .find(|e| e.name == "Trump")
        .expect("split off");
    assert_eq!(alone.articles.as_slice(), [a003]);
    assert_eq!(donald.articles.len(), 5, "Donald Trump is still in 003");
    // every mention still has an entity that lists it
    for (a, ms) in ix.mention_entity.iter().enumerate() {
        for (m, &e) in ms.iter().enumerate() {
            assert!(ix.entities[e as usize]
                .mentions
                .contains(&(a as u32, m as u32)));
        }
    }
}

#[test]
fn sources_that_date_the_same_telling_differently_are_flagged() {
    let seeds = seeds();
    assert!(
        seeds.timeline.conflicts.is_empty(),
        "the seeds agree on their dates"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        " date 2025-10-16 Donald Trump and Vladimir Putin spoke by phone on Thursday about the war in Ukraine and a summit in Budapest.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        " date 2025-10-17 Donald Trump and Vladimir Putin spoke by phone on Wednesday about the war in Ukraine and a summit in Budapest.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        " date 2025-10-17 Markets rose on Wednesday as oil prices fell in Asia and Europe.\n",
    )
    .unwrap();
    let ix = Index::build(corpus::load(&[dir.path().to_path_buf()]).unwrap(), 2025);
    let tl = &ix.timeline;
    assert_eq!(tl.conflicts.len(), 1, "{:?}", tl.conflicts);
    let (x, y) = tl.conflicts[0];
    let values: Vec<&str> = [x, y]
        .iter()
        .map(|&i| tl.items[i as usize].value.as_str())
        .collect();
    assert_eq!(values, ["2025-10-15", "2025-10-16"]);
    assert!(tl.events[tl.items[x as usize].event as usize].conflict);
}

#[test]
fn stories_group_the_october_call_apart_from_the_march_ones() {
    use crossread::index::story;
    let ix = seeds();
    let ids = |g: &Vec<usize>| -> Vec<String> {
        g.iter()
            .map(|&a| ix.articles[a].id[..3].to_string())
            .collect()
    };
    let groups: Vec<Vec<String>> = story::groups(&ix).iter().map(ids).collect();
    assert_eq!(groups[0], ["000", "001", "003"], "{groups:?}");
    assert!(groups[1..].iter().all(|g| g.len() == 1), "{groups:?}");
}

/// A corpus of small texts in a temporary folder.
fn texts(files: &[(&str, &str)]) -> Index {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let c = corpus::load(&[dir.path().to_path_buf()]).unwrap();
    Index::build(c, 2025)
}

fn entity<'a>(ix: &'a Index, name: &str) -> &'a crossread::index::Entity {
    ix.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}"))
}

#[test]
fn a_surname_that_is_also_a_city_is_the_person_where_it_links_to_him() {
    let ix = texts(&[(
        "a.txt",
        "Jackson arrested on DUI charge\n\nReceiver Vincent Jackson was held. Jackson was freed on bail.\n",
    )]);
    let e = entity(&ix, "Vincent Jackson");
    assert_eq!(e.ty, crossread::nlp::EntityType::Person);
    assert!(e.aliases.iter().any(|a| a == "Jackson"), "{:?}", e.aliases);
}

#[test]
fn a_model_links_to_its_maker_s_name_and_to_its_own_name() {
    let ix = texts(&[
        (
            "a.txt",
            "Airbus A380 flew on Monday. Boeing 787 Dreamliner orders rose.\n",
        ),
        (
            "b.txt",
            "The A380 landed in Sydney. The Dreamliner was late.\n",
        ),
    ]);
    let a380 = entity(&ix, "Airbus A380");
    assert_eq!(a380.articles.len(), 2, "{:?}", a380.aliases);
    let b787 = entity(&ix, "Boeing 787");
    assert!(
        b787.aliases.iter().any(|a| a == "Dreamliner"),
        "{:?}",
        b787.aliases
    );
    assert_eq!(b787.articles.len(), 2);
}

#[test]
fn a_type_from_context_outweighs_types_from_form_alone() {
    let ix = texts(&[
        (
            "a.txt",
            "The Irish low cost airline Zephyrair ordered jets.\n",
        ),
        (
            "b.txt",
            "Zephyrair flew. Later Zephyrair said Zephyrair was late.\n",
        ),
    ]);
    let e = entity(&ix, "Zephyrair");
    assert_eq!(e.articles.len(), 2);
    assert_eq!(e.ty, crossread::nlp::EntityType::Org, "{:?}", e.evidence);
}

#[test]
fn a_full_name_s_form_outweighs_its_short_form_s() {
    // two words and no other evidence: a person's name; the surname alone,
    // written more often, says nothing of its own
    let ix = texts(&[
        (
            "a.txt",
            "Witnesses say Vrinda Kolhatkar was hit. Kolhatkar died. Kolhatkar was 59.\n",
        ),
        (
            "b.txt",
            "Police found Kolhatkar on the road. Kolhatkar lived nearby.\n",
        ),
    ]);
    let e = entity(&ix, "Vrinda Kolhatkar");
    assert_eq!(e.articles.len(), 2);
    assert_eq!(e.ty, crossread::nlp::EntityType::Person, "{:?}", e.evidence);
}

#[test]
fn a_common_word_is_no_misspelt_surname() {
    // "Tories" is one edit from "Torres", but the plural of "Tory"
    let ix = texts(&[
        ("a.txt", "Fernando Torres scored twice. Torres was happy.\n"),
        ("b.txt", "The Tories said the plan was bad. He is a Tory.\n"),
    ]);
    let e = entity(&ix, "Fernando Torres");
    assert_eq!(e.articles.len(), 1, "{:?}", e.aliases);
}

/// The dates of files written in `dir`, as crossread reads them.
fn dated(files: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let c = corpus::load(&[dir.path().to_path_buf()]).unwrap();
    let ix = Index::build(c, 2026);
    let mut out: Vec<(String, Option<String>)> = ix
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.date.map(|d| d.to_string())))
        .collect();
    out.sort();
    out
}

/// "Sunday, 27 February" fits 2011, 2016, 2022...: a weekday that fits a
/// day and a month never dates an article alone.
#[test]
fn a_weekday_alone_dates_no_article() {
    let d = dated(&[(
        "a.txt",
        "Preview: Ireland v England\n\nThe match on Sunday, 27 February was sold out.\n",
    )]);
    assert_eq!(d[0].1, None, "{d:?}");
}

/// A full date the article writes bounds the year: the one fit within a
/// year of it.
#[test]
fn a_full_date_in_the_text_bounds_the_year() {
    let d = dated(&[(
        "a.txt",
        "Tickets went on sale on 3 January 2011. The match on Sunday, 27 February was sold out.\n",
    )]);
    assert_eq!(d[0].1.as_deref(), Some("2011-02-27"), "{d:?}");
}

/// The corpus's own dates bound it too, when one day fits between a year
/// before the earliest and the latest; over a span where several fit, none
/// is taken.
#[test]
fn the_corpus_s_dates_bound_the_year_when_one_day_fits() {
    let undated = ("u.txt", "The match on Sunday, 27 February was sold out.\n");
    let near = [
        ("a.txt", " date 2022-03-01 Ireland won.\n"),
        ("b.txt", " date 2022-03-02 England lost.\n"),
        undated,
    ];
    let d = dated(&near);
    assert_eq!(d[2].1.as_deref(), Some("2022-02-27"), "{d:?}");
    let wide = [
        ("a.txt", " date 2005-03-01 Ireland won.\n"),
        ("b.txt", " date 2022-03-02 England lost.\n"),
        undated,
    ];
    let d = dated(&wide);
    assert_eq!(d[2].1, None, "2011, 2016 and 2022 fit: {d:?}");
    // never after the corpus's latest date
    let before = [("a.txt", " date 2022-02-20 Ireland won.\n"), undated];
    assert_eq!(dated(&before)[1].1, None);
}

/// An undated article that carries a quote a dated article carries: the
/// quote's first publication bounds the year, and the article's own time
/// expressions are read against the date found.
#[test]
fn a_dated_quote_bounds_the_year() {
    let quote = "\"We will never accept the terms of this agreement while I am in office,\" the minister said.";
    let a = format!(" date 2022-03-01 Talks failed. {quote}\n");
    let b = format!("On Sunday, 27 February the talks failed. {quote} The next day he left.\n");
    let d = dated(&[
        ("a.txt", &a),
        ("b.txt", &b),
        ("c.txt", " date 2005-01-01 An old story.\n"),
    ]);
    assert_eq!(d[1].1.as_deref(), Some("2022-02-27"), "{d:?}");
}

/// An event across sources needs a day or a week and a shared distinctive
/// name: "March 2021" in two stories about Acme is two events, "5 March
/// 2021" is one; and a story joins an event only through a name of the
/// event's first item, not through a name of another member.
#[test]
fn events_group_on_a_fine_date_and_a_shared_name() {
    let events_of = |ix: &Index, value: &str| -> Vec<usize> {
        ix.timeline
            .events
            .iter()
            .filter(|e| e.value.as_str() == value)
            .map(|e| e.articles.len())
            .collect()
    };
    let ix = texts(&[
        ("a.txt", "In March 2021, Acme Corp cut jobs in Ohio.\n"),
        ("b.txt", "In March 2021, Acme Corp opened a plant.\n"),
        ("c.txt", "On 5 March 2021, Acme Corp cut jobs in Ohio.\n"),
        ("d.txt", "On 5 March 2021, Acme Corp opened a plant.\n"),
    ]);
    assert_eq!(
        events_of(&ix, "2021-03"),
        [1, 1],
        "a month holds many events"
    );
    assert_eq!(events_of(&ix, "2021-03-05"), [2]);
    let ix = texts(&[
        ("a.txt", "On 5 March 2021, Acme Corp met Zenith Ltd.\n"),
        ("b.txt", "On 5 March 2021, Zenith Ltd met Borg Inc.\n"),
        ("c.txt", "On 5 March 2021, Borg Inc bought a farm.\n"),
    ]);
    let mut sizes = events_of(&ix, "2021-03-05");
    sizes.sort();
    assert_eq!(sizes, [1, 2], "no chain from Acme through Zenith to Borg");
}

/// The words after a date marker start a sentence, as they would without
/// it: " date 2022-03-01 On Monday..." has no name "On".
#[test]
fn the_words_after_a_date_marker_start_a_sentence() {
    let ix = texts(&[(
        "a.txt",
        " date 2022-03-01 On Monday, Acme Corp cut jobs in Ohio.\n",
    )]);
    let names: Vec<&str> = ix.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"On"), "{names:?}");
    assert!(names.contains(&"Acme"), "{names:?}");
}

/// A place the tables know takes a near spelling only as a slip of the
/// keys: "Morrocco" is Morocco, "Franca" (a city in Brazil) is not France.
#[test]
fn a_known_place_takes_slips_not_other_names() {
    let ix = texts(&[
        ("a.txt", "Exports from France rose. France said so.\n"),
        (
            "b.txt",
            "The mayor of Franca said the plant in Franca will close.\n",
        ),
        (
            "c.txt",
            "Morocco signed the deal. Officials in Morocco agreed.\n",
        ),
        ("d.txt", "The deal was signed in Morrocco on Monday.\n"),
    ]);
    let france = entity(&ix, "France");
    assert!(
        !france.aliases.iter().any(|a| a == "Franca"),
        "{:?}",
        france.aliases
    );
    let morocco = entity(&ix, "Morocco");
    assert!(
        morocco.aliases.iter().any(|a| a == "Morrocco"),
        "{:?}",
        morocco.aliases
    );
}

/// A clock's marks after a time and a month or a day written out in
/// capitals are no names: "8:13 AM PDT", "07:05 PM ET EDT", "9 p.m. ET",
/// "WEDNESDAY, MARCH 18".
#[test]
fn clock_marks_and_capital_dates_are_no_names() {
    let ix = texts(&[(
        "a.txt",
        "POSTED: 8:13 AM PDT Friday. It ended at 10 PM EST.\n06/06/13 07:05 PM ET EDT\nThe show airs at 9 p.m. ET on Sundays.\n\nWEDNESDAY, MARCH 18: Lindsay Lohan left the court.\n",
    )]);
    let names: Vec<&str> = ix.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Lindsay Lohan"], "{names:?}");
}

/// The AP style's abbreviations of US states are the states.
#[test]
fn state_abbreviations_are_the_states() {
    let ix = texts(&[
        (
            "a.txt",
            "He died at his home in Santa Rosa, Calif., on Thursday.\n",
        ),
        (
            "b.txt",
            "California passed the law. Voters in California agreed.\n",
        ),
    ]);
    let ca = entity(&ix, "California");
    assert_eq!(ca.articles.len(), 2, "{:?}", ca.aliases);
}

/// A surname that no full name of its article explains goes to the person
/// whose other articles name what this one names: "Bush" beside the
/// Saints and New Orleans is Reggie; beside Congress and Washington,
/// George W.
#[test]
fn an_ambiguous_surname_follows_its_context() {
    let george = "George W. Bush spoke to Congress in Washington about the budget.\n";
    let reggie = "Reggie Bush scored twice for the Saints in New Orleans.\n";
    let ix = texts(&[
        ("a1.txt", george),
        ("a2.txt", george),
        ("a3.txt", george),
        ("b1.txt", reggie),
        ("b2.txt", reggie),
        ("b3.txt", reggie),
        (
            "c.txt",
            "The Saints won in New Orleans after Bush scored late.\n",
        ),
        (
            "d.txt",
            "Congress met in Washington to debate the plan Bush sent.\n",
        ),
    ]);
    let id = |a: &str| ix.find_article(a).unwrap() as u32;
    let reggie = entity(&ix, "Reggie Bush");
    let george = entity(&ix, "George W. Bush");
    assert!(reggie.articles.contains(&id("c")), "{:?}", reggie.articles);
    assert!(george.articles.contains(&id("d")), "{:?}", george.articles);
}
