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
