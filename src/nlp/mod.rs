//! Pure analysis of one text: sentences, tokens, entity mentions, time
//! expressions, quotes. No I/O and no clock: the reference date is a parameter.

pub mod entities;
pub mod gazetteer;
pub mod model;
pub mod quotes;
pub mod text;
pub mod timex;
pub mod words;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use entities::{Evidence, Lexicon, Mention};
pub use timex::{Timex, TimexType};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "PLACE")]
    Place,
    #[serde(rename = "OTHER")]
    Other,
}

impl EntityType {
    /// Every type, in the order ties between them are broken (the first wins).
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Other,
    ];

    pub fn parse(s: &str) -> Option<EntityType> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => Some(EntityType::Person),
            "ORG" | "ORGANIZATION" => Some(EntityType::Org),
            "PLACE" | "LOC" | "GPE" | "LOCATION" => Some(EntityType::Place),
            "OTHER" | "MISC" => Some(EntityType::Other),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Other => "OTHER",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Org => "organization",
            EntityType::Place => "place",
            EntityType::Other => "other",
        }
    }
}

/// Everything found in one text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<Mention>,
    pub timexes: Vec<Timex>,
    pub quotes: Vec<Range<usize>>,
}

/// Tokens, sentences and the lexicon evidence of one text, before mentions.
pub struct Prepared {
    pub tokens: Vec<text::Token>,
    pub sentences: Vec<Range<usize>>,
}

pub fn prepare(text: &str) -> Prepared {
    Prepared {
        tokens: text::tokens(text),
        sentences: text::sentences(text),
    }
}

/// `prepare` for a text whose body starts at `body` (after a header such as
/// " date 2025-10-16 "): the body's first words start a sentence, as they
/// would without the header ("On 5 March..." is no name "On").
pub fn prepare_body(text: &str, body: usize) -> Prepared {
    let mut p = prepare(text);
    if let Some(i) = p
        .sentences
        .iter()
        .position(|s| s.start < body && body < s.end)
    {
        let s = p.sentences[i].clone();
        let head_end = s.start + text[s.start..body].trim_end().len();
        if head_end > s.start {
            p.sentences[i] = s.start..head_end;
            p.sentences.insert(i + 1, body..s.end);
        } else {
            p.sentences[i] = body..s.end;
        }
    }
    p
}

/// The mentions of a person, a body or a place that no time expression
/// holds: "ET" of "8 p.m. ET" is its zone. (A holiday's name may be a
/// name of another kind: "Christmas", "Thanksgiving Day" stay; and so does
/// the surname of a person the text names in full: "Noon" of "Jamie Noon".)
fn outside_times(text: &str, mut mentions: Vec<Mention>, timexes: &[Timex]) -> Vec<Mention> {
    let inside = |m: &Mention| {
        // the time expressions are in text order, and do not overlap
        let i = timexes.partition_point(|t| t.range.end <= m.range.start);
        timexes
            .get(i)
            .is_some_and(|t| t.range.start <= m.range.start && m.range.end <= t.range.end)
    };
    let held: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].ty != EntityType::Other && inside(&mentions[i]))
        .collect();
    if held.is_empty() {
        return mentions;
    }
    let surname = |m: &Mention| {
        let w = &text[m.range.clone()];
        mentions.iter().any(|o| {
            o.ty == EntityType::Person
                && text[o.range.clone()]
                    .strip_suffix(w)
                    .is_some_and(|head| head.ends_with(' '))
        })
    };
    let drop: Vec<usize> = held
        .into_iter()
        .filter(|&i| !surname(&mentions[i]))
        .collect();
    let mut k = 0;
    mentions.retain(|_| {
        k += 1;
        drop.binary_search(&(k - 1)).is_err()
    });
    mentions
}

/// The time expressions outside the names of persons, bodies and places:
/// "Daily" of "China Daily", "Tonight" of "World News Tonight", "20th
/// Century" of "20th Century Fox" name no time.
fn outside_names(mut timexes: Vec<Timex>, mentions: &[Mention]) -> Vec<Timex> {
    let names: Vec<&Range<usize>> = mentions
        .iter()
        .filter(|m| m.ty != EntityType::Other)
        .map(|m| &m.range)
        .collect();
    if names.is_empty() {
        return timexes;
    }
    // the mentions are in text order and do not overlap
    timexes.retain(|t| {
        let i = names.partition_point(|r| r.end <= t.range.start);
        names.get(i).is_none_or(|r| {
            !(r.start <= t.range.start && t.range.end <= r.end && r.len() > t.range.len())
        })
    });
    timexes
}

/// Analyzes one text against a reference date (the article's date, if any).
pub fn analyze(
    text: &str,
    prepared: &Prepared,
    lex: &Lexicon,
    reference: Option<NaiveDate>,
) -> Analysis {
    // a very long text: its names and its times on two cores at once
    let ((mentions, timexes), quotes) = if text.len() >= 1 << 20 {
        rayon::join(
            || {
                rayon::join(
                    || entities::mentions(text, &prepared.tokens, &prepared.sentences, lex),
                    || timex::extract(text, &prepared.sentences, reference),
                )
            },
            || quotes::quotes(text),
        )
    } else {
        (
            (
                entities::mentions(text, &prepared.tokens, &prepared.sentences, lex),
                timex::extract(text, &prepared.sentences, reference),
            ),
            quotes::quotes(text),
        )
    };
    let mentions = outside_times(text, mentions, &timexes);
    let timexes = outside_names(timexes, &mentions);
    Analysis {
        sentences: prepared.sentences.clone(),
        mentions,
        timexes,
        quotes,
    }
}

/// Loads the tables and compiles the patterns the analysis needs, on threads
/// of their own: called early, it overlaps their start-up cost (some 20 ms)
/// with reading the files.
pub fn warm_up(samples: &'static [&'static str]) {
    std::thread::spawn(|| {
        gazetteer::Gazetteer::get();
    });
    std::thread::spawn(move || {
        timex::warm_cache(samples);
    });
}

/// The sentence containing byte `pos`.
pub fn sentence_at(sentences: &[Range<usize>], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= pos);
    (i < sentences.len() && sentences[i].start <= pos).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analysis of one text, read as a corpus of its own.
    fn analyzed(text: &str) -> Analysis {
        let p = prepare(text);
        let mut lex = Lexicon::default();
        lex.observe(text, &p.tokens, &p.sentences);
        analyze(text, &p, &lex, NaiveDate::from_ymd_opt(2013, 8, 2))
    }

    fn names(text: &str) -> Vec<(String, EntityType)> {
        analyzed(text)
            .mentions
            .iter()
            .map(|m| (text[m.range.clone()].to_string(), m.ty))
            .collect()
    }

    /// A time expression inside a longer name is the name's: "Daily" of
    /// "China Daily", "Tonight" of "World News Tonight" name no time.
    #[test]
    fn a_time_inside_a_name_is_none() {
        let text = "The China Daily said on Monday that World News Tonight had aired it.";
        let a = analyzed(text);
        let times: Vec<&str> = a.timexes.iter().map(|t| &text[t.range.clone()]).collect();
        assert_eq!(times, ["Monday"], "{:?}", a.mentions);
    }

    /// A time zone after a clock time is part of the time, no name ("8
    /// p.m. ET"); the surname of a person the text names in full stays one
    /// where a time expression reads it ("Noon" of "Jamie Noon").
    #[test]
    fn a_name_inside_a_time_expression_is_none() {
        let text = "The vote closed at 8 p.m. ET on Friday, Pat Kessler said.";
        let found = names(text);
        assert!(!found.iter().any(|(n, _)| n == "ET"), "{found:?}");
        assert!(found.iter().any(|(n, _)| n == "Pat Kessler"), "{found:?}");
        let text = "Jamie Noon scored twice for Gloucester.\n\nNoon said the team played well.";
        let found = names(text);
        assert!(found.iter().any(|(n, _)| n == "Noon"), "{found:?}");
    }
}
