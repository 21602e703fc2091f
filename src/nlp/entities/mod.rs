//! Named-entity mentions in one text: capitalized name sequences, cleaned of
//! titles, sentence-initial words and demonyms, typed by gazetteers and
//! rules; then a learned model (`features`) confirms or changes each type,
//! or finds that a candidate is no name.

pub mod features;
pub mod train;
pub mod word_classes;

use super::gazetteer::Gazetteer;
use super::text::{with_lower, Token};
use super::words::Words as List;
use super::EntityType;
use crate::fx::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

/// Why a mention got its type, strongest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The alias table names it.
    Alias,
    /// A GeoNames place.
    Gazetteer,
    /// A title or role stands before it ("Secretary of State").
    Title(String),
    /// An organization word ends or heads it ("Court").
    OrgWord(String),
    /// A place word ends or heads it ("Sea").
    PlaceWord(String),
    /// An event, award or law word ends it ("Olympics", "Cup", "Act").
    EventWord(String),
    /// It starts with a known first name.
    FirstName(String),
    /// All capitals: an acronym.
    Acronym,
    /// Its context: "in X" for a place, "X said" for a person.
    Context(String),
    /// Nothing more than its form.
    Default,
    /// The user said so (aliases file).
    User,
    /// A listed company (stock index lists).
    Company,
    /// "X said": a person, or a body speaking.
    Says(String),
    /// The learned model decided, for the reasons given: the numbers of
    /// its strongest features in `assets/ner/model.tsv`.
    Model([u32; 3]),
    /// Capitalized common words the rules doubt are a name ("Weather
    /// Report", "Hockey Hall of Fame"): a candidate the model admits or
    /// drops, never a mention as it stands.
    Proposed,
}

impl Evidence {
    pub fn strength(&self) -> u8 {
        match self {
            Evidence::User => 10,
            Evidence::Alias => 9,
            Evidence::Title(_) => 7,
            Evidence::Gazetteer => 6,
            Evidence::OrgWord(_) => 6,
            Evidence::PlaceWord(_) | Evidence::EventWord(_) => 5,
            Evidence::FirstName(_) => 4,
            Evidence::Company => 3,
            Evidence::Acronym => 2,
            Evidence::Context(_) | Evidence::Says(_) | Evidence::Model(_) => 1,
            Evidence::Default | Evidence::Proposed => 0,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Evidence::Alias => "in the alias table".into(),
            Evidence::Gazetteer => "a GeoNames place".into(),
            Evidence::Title(t) => format!("after the title \"{t}\""),
            Evidence::OrgWord(w) => format!("organization word \"{w}\""),
            Evidence::PlaceWord(w) => format!("place word \"{w}\""),
            Evidence::EventWord(w) => format!("an event, award or law, \"{w}\""),
            Evidence::FirstName(n) => format!("first name \"{n}\""),
            Evidence::Acronym => "an acronym".into(),
            Evidence::Context(c) | Evidence::Says(c) => format!("context: {c}"),
            Evidence::Default => "no evidence (default)".into(),
            Evidence::User => "set by you (aliases.toml)".into(),
            Evidence::Company => "a listed company".into(),
            Evidence::Model(r) => features::describe(r),
            Evidence::Proposed => "capitalized common words (a candidate)".into(),
        }
    }
}

/// One named mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub range: Range<usize>,
    pub ty: EntityType,
    pub evidence: Evidence,
    /// The canonical name when a table gives it ("U.S." -> "United States").
    pub canonical: Option<String>,
}

static CONNECTORS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/connectors.txt")));
/// Small words that join a town's name only where the tables know the
/// whole ("Newcastle upon Tyne", "Frankfurt am Main").
static PLACE_CONNECTORS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/place_connectors.txt")));
static CALENDAR: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/calendar.txt")));
/// A month or a day ("March", "Mon").
fn is_calendar(w: &str) -> bool {
    CALENDAR.contains(&w)
}

/// Days of a week in the plural ("on Sundays"): no name alone, but a
/// word of one ("Happy Mondays").
fn is_weekdays(w: &str) -> bool {
    w.strip_suffix('s')
        .is_some_and(|d| d.ends_with("day") && CALENDAR.contains(&d))
}

/// Lower-case role words before a name that make it a person.
static ROLE_WORDS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/role_words.txt")));
static ROLE_ADJECTIVES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/role_adjectives.txt")));
static AUXILIARIES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/auxiliaries.txt")));
/// The Associated Press's abbreviations of US states, a state only after a
/// town and a comma (`assets/gazetteer/state_abbreviations.tsv`).
static STATE_ABBREVIATIONS: LazyLock<super::words::Table> = LazyLock::new(|| {
    super::words::Table::parse(include_str!(
        "../../../assets/gazetteer/state_abbreviations.tsv"
    ))
});
/// Roles firms have in a deal, as persons do (`assets/ner/firm_roles.txt`).
static FIRM_ROLES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/firm_roles.txt")));
static SAY_WORDS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/say_words.txt")));
/// Words that start sentences and are also someone's first name ("In", "So"):
/// never a first name before another name.
static FUNCTION_WORDS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/function_words.txt")));
/// Abbreviations that start places' names, written with a dot ("St. Louis",
/// "Mt. Everest", "Ft. Worth").
/// The marks of a calendar's era ("3000 BC", "AD 79").
static ERAS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/eras.txt")));
/// The Arabic article glued to a name by a hyphen ("al-Sadr").
/// Prefixes glued by a hyphen to a word in lower case ("Co-operation").
static HYPHEN_PREFIXES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/hyphen_prefixes.txt")));
static HYPHEN_ARTICLES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/hyphen_articles.txt")));
static SAINT_FORT_MOUNT: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/saint_fort_mount.txt")));
/// Words after a place's name that say someone lives there ("a Queens man").
/// An elected member's titles before "for" and the seat ("the MP for Sedgefield").
static SEAT_TITLES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/seat_titles.txt")));
/// The last words of a partnership's name, a firm's as its suffix is
/// ("Johnson and Sons", "Salomon Brothers").
pub const PARTNERSHIP_WORDS: [&str; 4] = ["Brothers", "Sons", "Partners", "Associates"];

/// A government office's title whose "of" names a field ("Minister of
/// Energy"), by its last word.
static PORTFOLIO_TITLES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/portfolio_titles.txt")));
/// Nouns of a kind of place before "of" and a name ("the town of Sebago").
static PLACE_KINDS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/place_kinds.txt")));
static RESIDENTS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/residents.txt")));
static PLACE_PREPS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/place_preps.txt")));

fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// A brand written in camel case: "iPhone", "iTunes", "eBay" (not "mRNA").
fn is_camel(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 3
        || !b[0].is_ascii_lowercase()
        || !b[1].is_ascii_uppercase()
        || !b.iter().all(|c| c.is_ascii_alphanumeric())
    {
        return false;
    }
    // "iPhone", "eBay"; an i- or e- brand may end in capitals ("iOS"), a
    // unit or a term may not ("mRNA", "kWh")
    b.len() >= 4 && b[2..].iter().filter(|c| c.is_ascii_lowercase()).count() >= 2
        || matches!(b[0], b'i' | b'e') && b[2..].iter().all(|c| c.is_ascii_uppercase())
}

/// A brand written with a capital inside: "MacBook", "PlayStation",
/// "WorldCom", "JetBlue"; not a surname with its particle ("McDonald",
/// "MacArthur", "DeGeneres", "LeBron"), unless what follows the particle is a
/// common word ("MacBook"); nor a first name ("LuAnn").
fn is_pascal_brand(s: &str, g: &Gazetteer) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[0].is_ascii_uppercase() || !b.iter().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let Some(k) =
        (2..b.len() - 1).find(|&k| b[k].is_ascii_uppercase() && b[k - 1].is_ascii_lowercase())
    else {
        return false;
    };
    if !b[k + 1].is_ascii_lowercase() {
        return false;
    }
    let (particle, rest) = s.split_at(k);
    static PARTICLES: LazyLock<List> =
        LazyLock::new(|| List::parse(include_str!("../../../assets/ner/particles.txt")));
    // (nor a first name written so: "LuAnn", "JoAnne", "DeShawn")
    if g.first_names.contains(s) || g.first_names.contains(rest) && !g.is_common(rest) {
        return false;
    }
    // (and "Mc" always a surname's: "McBride", "McQueen")
    particle != "Mc" && (!PARTICLES.contains(&particle) || g.is_common(rest) && rest.len() >= 4)
}

/// Words a short number follows in a name ("Channel 4", "Radio 4", "Apollo 11").
static NUMBERED: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/numbered.txt")));

/// A word of capitals inside a name that no person's name has: not an
/// initial ("J.R."), nor a regnal number ("John Paul II"): "Mac OS X",
/// "Windows XP".
fn is_acronym_word(w: &str) -> bool {
    static REGNAL: LazyLock<List> =
        LazyLock::new(|| List::parse(include_str!("../../../assets/ner/regnal.txt")));
    // letters after a person's name: "Guy Mansfield QC", "William Haughey OBE"
    static POST_NOMINAL: LazyLock<List> =
        LazyLock::new(|| List::parse(include_str!("../../../assets/ner/post_nominal.txt")));
    is_all_caps(w)
        && !w.contains('.')
        && !REGNAL.contains(&w)
        && !POST_NOMINAL.contains(&w)
        && !is_club_suffix(w)
}

/// The capitals that end the name of a club, a station or an association:
/// "Egypt FA", "Graz AK", "Classic FM", "Chelsea FC".
fn is_club_suffix(w: &str) -> bool {
    matches!(w, "FC" | "AFC" | "RFC" | "CF" | "AC" | "SC" | "AK" | "FA" | "FM")
        // and a firm's, in capitals: "Citibank NA", "Ticaret Bankasi AS"
        || matches!(
            w,
            "NA" | "AS" | "AB" | "ASA" | "SPA" | "KK" | "BV" | "LP" | "LLP" | "NL" | "FSB"
        )
        || is_corporate_end(w)
}

/// A model designation after a name: "A380", "737s", "76ers", "7e7"; plain
/// numbers only of three digits ("Boeing 787") or after a camel-case brand
/// ("iPhone 4"), never a year.
fn is_model(s: &str, after_camel: bool) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 6 || !b.iter().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    if digits == 0 || !(b[0].is_ascii_digit() || b[0].is_ascii_uppercase()) {
        return false;
    }
    if digits == b.len() {
        return b.len() == 3 || (after_camel && b.len() <= 2);
    }
    true
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// One of the small words of three letters or more, in any case.
fn is_small(w: &str) -> bool {
    const SMALL: [&str; 11] = [
        "and", "the", "for", "with", "from", "but", "into", "over", "after", "about", "amid",
    ];
    // three to five letters, compared without a lower-case copy
    (3..=5).contains(&w.len())
        && SMALL
            .iter()
            .any(|s| s.len() == w.len() && s.eq_ignore_ascii_case(w))
}

/// Headline case: at least three content words, seven in ten capitalized,
/// or a short line ("Leave a Comment") with every content word capitalized.
fn title_case<'a>(words: impl IntoIterator<Item = &'a str>) -> bool {
    Form::of(words).title_case()
}

/// The form of a line's words: how many, how many are not all capitals,
/// how many are content words and how many of those are capitalized.
#[derive(Default, Clone, Copy)]
struct Form {
    words: usize,
    not_caps: usize,
    content: usize,
    caps: usize,
}

impl Form {
    fn word(w: &str) -> Form {
        let content = w.len() >= 3 && !is_small(w);
        Form {
            words: 1,
            not_caps: !is_all_caps(w) as usize,
            content: content as usize,
            caps: (content && is_cap(w)) as usize,
        }
    }

    fn add(self, o: Form) -> Form {
        Form {
            words: self.words + o.words,
            not_caps: self.not_caps + o.not_caps,
            content: self.content + o.content,
            caps: self.caps + o.caps,
        }
    }

    fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Form {
        words
            .into_iter()
            .map(Form::word)
            .fold(Form::default(), Form::add)
    }

    /// Four in five words in capitals.
    fn all_caps(&self) -> bool {
        self.words >= 3 && self.not_caps <= self.words * 2 / 10
    }

    fn title_case(&self) -> bool {
        let (content, caps) = (self.content, self.caps);
        (content >= 3 && caps * 10 >= content * 7) || (self.words <= 4 && content == 2 && caps == 2)
    }
}

/// The marks that key the kinds of word pairs the `Lexicon` counts: two
/// capitalized words one after the other inside a sentence, joined by "&",
/// the first two of a firm's name before its suffix.
const INSIDE: char = '\u{1}';
const AMPERSAND: char = '&';
const FIRM_STEM: char = '\u{2}';

/// Corpus-level word evidence passed in by the caller (pure: no I/O): for each
/// lower-cased word, how often it was seen capitalized in mid-sentence and
/// how often in lower case. Words are kept as 64-bit hashes (no copy of a
/// word, no comparison of words; words of up to seven bytes never collide,
/// longer ones once in 2^64 pairs).
#[derive(Default, Debug, Clone)]
pub struct Lexicon {
    counts: hashbrown::HashMap<u64, (u32, u32), crate::fx::FxBuild>,
}

impl Lexicon {
    /// Adds the word evidence of one text.
    pub fn observe(&mut self, text: &str, tokens: &[Token], sentences: &[Range<usize>]) {
        let mut si = 0;
        let mut first = true;
        // capitals in a headline-case sentence prove nothing
        // the words of each sentence as the mention finder sees them
        let mut ti = 0;
        let headline: Vec<bool> = sentences
            .iter()
            .map(|r| {
                while ti < tokens.len() && tokens[ti].start < r.start {
                    ti += 1;
                }
                let a = ti;
                while ti < tokens.len() && tokens[ti].end <= r.end {
                    ti += 1;
                }
                title_case(
                    tokens[a..ti]
                        .iter()
                        .filter(|t| t.word)
                        .map(|t| t.text(text)),
                )
            })
            .collect();
        // two capitalized words joined by "&" ("Pratt & Whitney")
        for w in tokens.windows(3) {
            let (a, b) = (w[0].text(text), w[2].text(text));
            if w[1].text(text) == "&" && w[0].word && w[2].word && is_cap(a) && is_cap(b) {
                self.add_pair(a, AMPERSAND, b);
            }
        }
        // the first two words of a firm's name written with its suffix
        // ("Merrill Lynch and Co", "Dean Witter Reynolds Inc")
        for (k, t) in tokens.iter().enumerate() {
            if !t.word {
                continue;
            }
            let w = t.text(text);
            if !(is_cap(w) || w == "plc") || !is_corporate_end(w) {
                continue;
            }
            let joins = |u: &Token| {
                let w = u.text(text);
                // (no comma: "said Tony Oates, First Boston Corp")
                u.word && is_cap(w) || matches!(w, "and" | "&")
            };
            let mut s = k;
            while s > 0 && k - s < 7 && joins(&tokens[s - 1]) {
                s -= 1;
            }
            while s < k && matches!(tokens[s].text(text), "The" | "and" | "&") {
                s += 1;
            }
            if s + 1 < k {
                let (a, b) = (&tokens[s], &tokens[s + 1]);
                let (x, y) = (a.text(text), b.text(text));
                if a.word && b.word && is_cap(x) && is_cap(y) && !is_corporate_end(y) {
                    self.add_pair(x, FIRM_STEM, y);
                }
            }
        }
        let g = Gazetteer::get();
        // the capitalized common word just before, inside a sentence ("the
        // Royal Mail"), for the pairs it starts
        let mut before: Option<&Token> = None;
        for t in tokens {
            while si < sentences.len() && sentences[si].end <= t.start {
                si += 1;
                first = true;
            }
            if headline.get(si).copied().unwrap_or(false) {
                before = None;
                continue;
            }
            if !t.word {
                if !matches!(t.text(text), "," | "-" | "'s" | "’s") {
                    first = true;
                }
                before = None;
                continue;
            }
            let w = t.text(text);
            let prev = before.take();
            if is_cap(w) {
                if !first && !is_all_caps(w) {
                    with_lower(w, |l| self.count(l).0 += 1);
                    if let Some(p) = prev.filter(|p| p.end + 1 == t.start) {
                        self.add_pair(p.text(text), INSIDE, w);
                    }
                    // (a content word: no article, pronoun, preposition or
                    // conjunction, "The Bundesbank", "If I")
                    let closed = |l: &str| {
                        l.len() == 1
                            || FUNCTION_WORDS.contains(&l)
                            || CONNECTORS.contains(&l)
                            || POSSESSIVES.contains(&l)
                            || PLACE_PREPS.contains(&l)
                    };
                    if g.is_common(w) && !with_lower(w, closed) {
                        before = Some(t);
                    }
                }
            } else if w.chars().next().is_some_and(|c| c.is_lowercase()) {
                self.count(w).1 += 1;
            }
            first = false;
        }
    }

    /// Whether the corpus writes these two capitalized words, the first a
    /// common word, one after the other inside a sentence ("Royal Mail",
    /// "Northern Rock"): a name they make together even at a sentence's
    /// start.
    fn pair_inside(&self, a: &str, b: &str) -> bool {
        self.has_pair(a, INSIDE, b)
    }

    /// Whether the corpus writes these two capitalized words joined by
    /// "&" ("Pratt & Whitney"): one name, where it joins them by "and" too.
    fn ampersand_pair(&self, a: &str, b: &str) -> bool {
        self.has_pair(a, AMPERSAND, b)
    }

    /// Whether the corpus writes these two capitalized words as the first
    /// two of a firm's name before its suffix ("Merrill Lynch and Co Inc",
    /// "Dean Witter Reynolds Inc"): where a first name starts them, they
    /// name the firm, not a person.
    fn firm_stem(&self, a: &str, b: &str) -> bool {
        self.has_pair(a, FIRM_STEM, b)
    }

    /// Counts two words seen together so (`INSIDE`, `AMPERSAND`,
    /// `FIRM_STEM`: each kind of pair keyed with its own mark).
    fn add_pair(&mut self, a: &str, kind: char, b: &str) {
        self.counts
            .entry(Self::pair_key(a, kind, b))
            .or_insert((0, 0))
            .0 += 1;
    }

    /// Whether the corpus wrote the two words together so.
    fn has_pair(&self, a: &str, kind: char, b: &str) -> bool {
        self.counts
            .get(&Self::pair_key(a, kind, b))
            .is_some_and(|c| c.0 > 0)
    }

    fn pair_key(a: &str, kind: char, b: &str) -> u64 {
        use std::hash::BuildHasher;
        crate::fx::FxBuild::default().hash_one((a, kind, b))
    }

    pub fn merge(&mut self, other: Lexicon) {
        for (k, (c, l)) in other.counts {
            let e = self.counts.entry(k).or_default();
            e.0 += c;
            e.1 += l;
        }
    }

    /// The counts of a lower-case word, made on first sight.
    fn count(&mut self, lower: &str) -> &mut (u32, u32) {
        self.counts.entry(Self::key(lower)).or_insert((0, 0))
    }

    /// The counts of a word as given (already in lower case).
    fn counts_of(&self, lower: &str) -> (u32, u32) {
        self.counts
            .get(&Self::key(lower))
            .copied()
            .unwrap_or_default()
    }

    fn key(word: &str) -> u64 {
        use std::hash::BuildHasher;
        crate::fx::FxBuild::default().hash_one(word)
    }
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    g: &'a Gazetteer,
    lex: &'a Lexicon,
    /// From how many tokens a text's sentences, or a sentence's runs, are
    /// read on all cores (PAR_TOKENS; tests set it low).
    par_tokens: usize,
    /// Whether names of capitalized common words the rules doubt are kept
    /// as candidates (`Evidence::Proposed`) for the model to admit or drop.
    propose: bool,
    /// The text's own surnames (see `own_surnames`).
    surnames: hashbrown::HashSet<&'a str, crate::fx::FxBuild>,
    /// The pairs of words the text writes inside a sentence (see
    /// `pairs_inside_sentences`).
    inside_pairs: hashbrown::HashSet<&'a str, crate::fx::FxBuild>,
    /// The hashes of the capitalized words the text writes without a
    /// possessive after them, made on the first question (`firm_possessive`).
    written_alone: std::sync::OnceLock<crate::fx::FxHashSet<u64>>,
    /// The hashes of the capitalized words the text writes with no hyphen
    /// glued to them, made on the first question (`split_hyphens`).
    written_unglued: std::sync::OnceLock<crate::fx::FxHashSet<u64>>,
    /// The hashes of the capitalized words the text writes with no hyphen
    /// after them, glued or spaced (`spaced_hyphen_in_name`).
    written_without_hyphen: std::sync::OnceLock<crate::fx::FxHashSet<u64>>,
    /// Whether the text spaces its hyphens, as text split into tokens does
    /// (`spaces_hyphens`), found on the first question.
    spaces_hyphens: std::sync::OnceLock<bool>,
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, toks: &'a [Token], lex: &'a Lexicon, par_tokens: usize) -> Ctx<'a> {
        Ctx {
            text,
            toks,
            g: Gazetteer::get(),
            lex,
            par_tokens,
            propose: false,
            surnames: own_surnames(text, toks, Gazetteer::get(), lex),
            inside_pairs: pairs_inside_sentences(text, toks),
            written_alone: std::sync::OnceLock::new(),
            written_unglued: std::sync::OnceLock::new(),
            written_without_hyphen: std::sync::OnceLock::new(),
            spaces_hyphens: std::sync::OnceLock::new(),
        }
    }

    /// Whether the text writes this capitalized word with no hyphen glued
    /// before or after it: as a name of its own, not only as a piece of a
    /// double name ("Anhalt" of "Saxony-Anhalt"). A word of the same hash
    /// counts too (the answer errs towards "yes": the pieces split).
    fn written_unglued(&self, word: &str) -> bool {
        let toks = self.toks;
        let glued_hyphen = |k: usize, j: Option<usize>| {
            j.and_then(|j| toks.get(j)).is_some_and(|n| {
                n.text(self.text) == "-" && (n.end == toks[k].start || n.start == toks[k].end)
            })
        };
        self.capitalized_where(&self.written_unglued, word, |k| {
            !glued_hyphen(k, k.checked_sub(1)) && !glued_hyphen(k, Some(k + 1))
        })
    }

    /// Whether the text writes this capitalized word anywhere without a
    /// hyphen after it ("Wal" of "Wal - Mart" never is).
    fn written_without_hyphen(&self, word: &str) -> bool {
        let toks = self.toks;
        self.capitalized_where(&self.written_without_hyphen, word, |k| {
            toks.get(k + 1).is_none_or(|n| n.text(self.text) != "-")
        })
    }

    /// Whether the text spaces the hyphens of its compounds ("a low -
    /// cost airline", "a 61 - year - old man"), as text split into tokens
    /// and joined again writes them: more compounds of words in lower case
    /// or numbers with a hyphen between spaces than glued. (A dash between
    /// clauses is written so too, but before a word like "which" or "and".)
    fn spaces_hyphens(&self) -> bool {
        *self.spaces_hyphens.get_or_init(|| {
            let toks = self.toks;
            let part = |k: usize| {
                toks[k].word
                    && self
                        .w(k)
                        .chars()
                        .all(|c| c.is_lowercase() || c.is_ascii_digit())
                    && !FUNCTION_WORDS.contains(&self.w(k))
            };
            let (mut spaced, mut glued) = (0usize, 0usize);
            for j in 1..toks.len().saturating_sub(1) {
                if toks[j].word || self.w(j) != "-" || !part(j - 1) || !part(j + 1) {
                    continue;
                }
                let before = &self.text[toks[j - 1].end..toks[j].start];
                let after = &self.text[toks[j].end..toks[j + 1].start];
                match (before, after) {
                    ("", "") => glued += 1,
                    (" ", " ") => spaced += 1,
                    _ => {}
                }
            }
            spaced > glued
        })
    }

    /// Whether the text writes this capitalized word without a possessive
    /// after it (`possessive_at`; a word of the same hash counts too: the
    /// answer errs towards "yes", which joins nothing).
    fn written_alone(&self, word: &str) -> bool {
        self.capitalized_where(&self.written_alone, word, |k| !self.possessive_at(k + 1))
    }

    /// Whether the text writes this word capitalized at a token `keep`
    /// takes: the hashes of all such words, made in `cell` on the first
    /// question.
    fn capitalized_where(
        &self,
        cell: &std::sync::OnceLock<crate::fx::FxHashSet<u64>>,
        word: &str,
        keep: impl Fn(usize) -> bool,
    ) -> bool {
        let hash = |w: &str| {
            use std::hash::BuildHasher;
            crate::fx::FxBuild::default().hash_one(w)
        };
        cell.get_or_init(|| {
            (0..self.toks.len())
                .filter(|&k| self.toks[k].word && is_cap(self.w(k)) && keep(k))
                .map(|k| hash(self.w(k)))
                .collect()
        })
        .contains(&hash(word))
    }

    fn w(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }

    /// A capitalized word that is known to be a name.
    fn known(&self, w: &str) -> bool {
        self.g.is_known_name(w) || self.seen_as_name(self.stats(w))
    }

    /// Whether token `j` is a possessive "'s" that belongs to the word
    /// before it: glued ("McDonald's"), or one space apart as text split
    /// into tokens writes it ("People 's Republic", WikiGold, CoNLL).
    fn possessive_at(&self, j: usize) -> bool {
        let toks = self.toks;
        j > 0
            && toks.get(j).is_some_and(|t| {
                matches!(t.text(self.text), "'s" | "’s")
                    && toks[j - 1].word
                    && matches!(&self.text[toks[j - 1].end..t.start], "" | " ")
            })
    }

    /// An English word that no table knows as a name ("Study", not "Paris").
    fn plain_common(&self, w: &str) -> bool {
        self.g.is_common(w) && !self.g.is_known_name(w)
    }

    /// A capitalized word that may be only a capitalized common word.
    fn doubtful(&self, w: &str) -> bool {
        if self.g.is_known_name(w) {
            // a place's name that is also a common word the corpus mostly
            // writes in lower case ("Mobile phone sales rose")
            let place_only = !self.g.aliases.contains_key(w) && !self.g.first_names.contains(w);
            if !place_only || !self.g.is_common(w) {
                return false;
            }
            let st = self.stats(w);
            return st.1 > 2 * st.0.max(1);
        }
        let st = self.stats(w);
        !self.seen_as_name(st) && (st.2 || st.1 > 0)
    }

    /// How often the corpus capitalizes a word mid-sentence and writes it in
    /// lower case, and whether it is a common word: one lower-case copy.
    /// `doubtful` for a word alone at a sentence's start: a town's name
    /// that is also a first name and a common word the corpus mostly
    /// writes in lower case ("Man charged with murder"; not "Man United").
    fn doubtful_alone(&self, w: &str) -> bool {
        self.g.first_names.contains(w)
            && self.g.is_place(w)
            && self.g.is_common(w)
            && !self.g.aliases.contains_key(w)
            && {
                let st = self.stats(w);
                st.1 > 2 * st.0.max(1)
            }
    }

    fn stats(&self, w: &str) -> (u32, u32, bool) {
        with_lower(w, |l| {
            let (c, lo) = self.lex.counts_of(l);
            (c, lo, self.g.common.contains(l))
        })
    }

    /// Capitalized more often than not (twice as often for a common word).
    fn seen_as_name(&self, (c, l, common): (u32, u32, bool)) -> bool {
        if common {
            c >= 2 && c > 2 * l
        } else {
            c > l
        }
    }

    fn title_at(&self, idx: &[usize], k: usize) -> usize {
        let first = self.w(idx[k]);
        let starts = |w: &str| self.g.title_first.contains(w);
        // a plural title ("Presidents Obama and Sarkozy"), unless the word is a
        // place's name ("Queens Hit & Run" in a headline)
        let plural = || {
            first.ends_with('s')
                && starts(&first[..first.len() - 1])
                && self.g.lookup(first).is_none()
        };
        if !(starts(first) || plural()) {
            return self.person_noun_before_full_name(idx, k) as usize;
        }
        // the words joined once; each title candidate is a prefix
        let mut joined = String::new();
        let mut ends = Vec::with_capacity(idx.len() - k);
        for &i in &idx[k..] {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(self.w(i));
            ends.push(joined.len());
        }
        // no title starts a place the tables know: "Prince Edward Island",
        // "General Santos"
        if self.g.is_place(&joined) {
            return 0;
        }
        let max = self.g.longest_title.min(idx.len() - k);
        for len in (1..=max).rev() {
            let s = &joined[..ends[len - 1]];
            if self.g.titles.contains(s)
                || (s.ends_with('s') && self.g.titles.contains(&s[..s.len() - 1]))
            {
                // "General Motors" is not a title: a title must be followed by a name
                // (nor one a place's word no surname ends: "King County", "Lord
                // Howe Island", "Prince Edward Theatre"; not "Mr Park", nor a
                // role of a place: "Minister of State")
                let rest = &idx[k + len..];
                let place = rest.first().is_some_and(|&i| is_cap(self.w(i)))
                    && rest.last().is_some_and(|&i| {
                        let w = self.w(i);
                        self.g.place_words.contains(w) && !features::usual_surname(w)
                    });
                return if place { 0 } else { len };
            }
        }
        self.person_noun_before_full_name(idx, k) as usize
    }

    /// A common noun that names a person first (WordNet), before a first
    /// name and one more capitalized word, is a title: "Engineer John
    /// Greiner", "Mathematician Hermann Weyl", "Coroner William McLaughlin".
    /// Not a first name itself ("Dean Smith"), nor before a single name.
    fn person_noun_before_full_name(&self, idx: &[usize], k: usize) -> bool {
        let [w, first, next] = match idx.get(k..k + 3) {
            Some(&[a, b, c]) => [a, b, c],
            _ => return false,
        };
        let word = |i: usize| self.toks[i].word && is_cap(self.w(i));
        // (nor the end of a known name: "Liberal Democrat Charles Kennedy")
        let ends_known = || {
            (1..=2.min(k)).any(|n| {
                let s = &self.text[self.toks[idx[k - n]].start..self.toks[w].end];
                self.g.lookup(s).is_some()
            })
        };
        let f = self.w(first);
        word(w)
            && word(first)
            && word(next)
            && !self.g.first_names.contains(self.w(w))
            && !with_lower(f, |l| {
                PLACE_PREPS.contains(&l) || FUNCTION_WORDS.contains(&l)
            })
            && (self.g.first_names.contains(f)
                || !(self.g.is_common(f) || self.g.lookup(f).is_some()))
            && features::names_a_person(self.w(w))
            && !ends_known()
    }
}

/// The surnames of the full names a text writes (a first name, its
/// initials and one more capitalized word, on one line: "Ben Player",
/// "George W. Bush"; no word of a kind of place, body or event: "Ann
/// Street") that the text itself never writes in lower case. Alone, such a
/// word is that person's name in this text even where the rest of the
/// corpus writes it as a common word ("Player", "Baker", "Bush"): one sense
/// per discourse.
fn own_surnames<'a>(
    text: &'a str,
    toks: &[Token],
    g: &Gazetteer,
    lex: &Lexicon,
) -> hashbrown::HashSet<&'a str, crate::fx::FxBuild> {
    let mut out = hashbrown::HashSet::default();
    let cap = |t: &Token| t.word && is_cap(t.text(text)) && !is_all_caps(t.text(text));
    // the next token on the same line, one space (or nothing) away
    let next = |j: usize| {
        let (a, b) = (&toks[j - 1], toks.get(j)?);
        matches!(&text[a.end..b.start], "" | " ").then_some(b)
    };
    for (i, tok) in toks.iter().enumerate() {
        // (a first name that is no place, no month and that the corpus
        // writes in lower case less often than capitalized: not "Star Wars",
        // "Kenya Vision", "May Time")
        let first = tok.text(text);
        if !(cap(tok) && g.first_names.contains(first))
            || g.lookup(first).is_some()
            || is_calendar(first)
            || with_lower(first, |l| {
                let (c, l) = lex.counts_of(l);
                l >= c.max(1)
            })
        {
            continue;
        }
        // a first name, its initials ("W."), one more word and no other
        let mut j = i + 1;
        while next(j).is_some_and(|t| is_initial(t.text(text))) {
            j += 1;
            if next(j).is_some_and(|t| t.text(text) == ".") {
                j += 1;
            }
        }
        let Some(t) = next(j).filter(|t| cap(t)) else {
            continue;
        };
        let w = t.text(text);
        let last = next(j + 1).is_none_or(|u| !(u.word && is_cap(u.text(text))));
        let kind_word = g.org_words.contains(w)
            || g.place_words.contains(w)
            || g.event_words.contains(w)
            || g.titles.contains(w)
            || g.not_names.contains(w);
        if last && g.is_common(w) && !g.first_names.contains(w) && !kind_word {
            out.insert(w);
        }
    }
    if !out.is_empty() {
        // never in lower case in this text: each lower-case word of a
        // surname's length looked up once
        let mut lower: hashbrown::HashMap<String, &str, crate::fx::FxBuild> =
            out.iter().map(|w| (w.to_lowercase(), *w)).collect();
        let lengths = lower.keys().fold(0u64, |m, k| m | 1 << k.len().min(63));
        for t in toks {
            let w = t.text(text);
            if t.word
                && lengths & 1 << w.len().min(63) != 0
                && w.starts_with(|c: char| c.is_lowercase())
            {
                if let Some(s) = with_lower(w, |l| lower.remove(l)) {
                    out.remove(s);
                    if lower.is_empty() {
                        break;
                    }
                }
            }
        }
    }
    out
}

/// Finds the named mentions of a text.
pub fn mentions(
    text: &str,
    toks: &[Token],
    sentences: &[Range<usize>],
    lex: &Lexicon,
) -> Vec<Mention> {
    let model = features::model();
    let mut cx = Ctx::new(text, toks, lex, PAR_TOKENS);
    cx.propose = model.is_some();
    let mut out = rules(&cx, sentences);
    if let Some(m) = model {
        retype(&cx, sentences, &mut out, m);
    }
    out
}

/// The rules' mentions of a text, each with the names of the features the
/// model sees of it: what the model is trained on.
pub fn candidates(
    text: &str,
    toks: &[Token],
    sentences: &[Range<usize>],
    lex: &Lexicon,
) -> Vec<(Mention, Vec<String>)> {
    let mut cx = Ctx::new(text, toks, lex, PAR_TOKENS);
    cx.propose = true;
    let out = rules(&cx, sentences);
    let mut f = features::Features::with_names();
    let doc = features::Doc::new(&cx, &out);
    let mut places = Places::new(&cx, sentences);
    out.iter()
        .map(|m| {
            let (t, s) = places.of(m);
            features::features(&cx, &doc, m, t, s, &mut f);
            let names = f.names().map(str::to_string).collect();
            (m.clone(), names)
        })
        .collect()
}

/// The first token from `from` on for which `ahead` no longer holds (it
/// holds for a first part of the tokens), by galloping: a few steps when
/// it is near, a search when it is far (a sentence of a million tokens is
/// not walked a token at a time).
fn gallop(toks: &[Token], from: usize, ahead: impl Fn(&Token) -> bool) -> usize {
    let mut step = 1;
    let mut lo = from;
    while lo + step <= toks.len() && ahead(&toks[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(toks.len());
    lo + toks[lo..hi].partition_point(ahead)
}

/// Where the mentions of a text stand: each one's tokens and its
/// sentence's, found by walking forward from the last mention asked about
/// (the mentions come in the text's order; a search when they do not).
struct Places<'a> {
    cx: &'a Ctx<'a>,
    sentences: &'a [Range<usize>],
    /// the first token at or after the last mention's start
    ti: usize,
    /// the last sentence asked about, and its tokens
    sentence: Option<(usize, (usize, usize))>,
}

impl<'a> Places<'a> {
    fn new(cx: &'a Ctx<'a>, sentences: &'a [Range<usize>]) -> Places<'a> {
        Places {
            cx,
            sentences,
            ti: 0,
            sentence: None,
        }
    }

    /// The first token that starts at or after `pos`, from `from` on.
    fn token_at(&self, from: usize, pos: usize) -> usize {
        let toks = self.cx.toks;
        if from > 0 && toks.get(from - 1).is_some_and(|t| t.start >= pos) {
            return toks.partition_point(|t| t.start < pos);
        }
        gallop(toks, from, |t| t.start < pos)
    }

    /// A mention's tokens, and its sentence's.
    fn of(&mut self, m: &Mention) -> ((usize, usize), (usize, usize)) {
        let ti = self.token_at(self.ti, m.range.start);
        let tj = self.token_at(ti, m.range.end).max(ti);
        self.ti = ti;
        let (a, b) = match super::sentence_at(self.sentences, m.range.start) {
            Some(k) => match self.sentence {
                Some((j, span)) if j == k => span,
                _ => {
                    let s = &self.sentences[k];
                    let a = self.token_at(0, s.start);
                    let span = (a, self.token_at(a, s.end));
                    self.sentence = Some((k, span));
                    span
                }
            },
            None => (ti, tj),
        };
        ((ti, tj), (a.min(ti), b.max(tj)))
    }
}

/// The rules' evidence the model may overrule: nothing but the name's form.
/// Where a table, a title, a head word, a context word or an acronym's form
/// typed the name, held-out text shows the rules as right as the model or
/// better (`cargo run --release --example train_ner -- --cv 5 ...`).
fn model_decides(cx: &Ctx, m: &Mention) -> bool {
    match &m.evidence {
        Evidence::Default | Evidence::Proposed => true,
        // a first name before a thing's noun: "Lincoln Reservoir"; two
        // names joined by "and" or "&" ("Belle and Sebastian": no one
        // person, the model's to type)
        Evidence::FirstName(_) => {
            let name = &cx.text[m.range.clone()];
            features::first_name_before_a_thing(m, name)
                || features::first_name_a_town(m, name)
                || joins_names(name)
        }
        _ => false,
    }
}

/// The model's word on each mention the rules found: the type it scores
/// best, or none (the mention is dropped). A name from the alias tables or
/// the user keeps the table's type. One name is one thing in one text
/// ("one sense per discourse"): the model decides on the mean of its scores
/// over every mention of the name the rules typed by form alone, so one
/// odd context ("of this House") cannot type the name on its own.
fn retype(
    cx: &Ctx,
    sentences: &[Range<usize>],
    out: &mut Vec<Mention>,
    model: &crate::nlp::model::Model<{ features::CLASSES }>,
) {
    type Scores = [f32; features::CLASSES];
    /// The model's word on a mention: its type and the three reasons.
    type Word = Option<(EntityType, [u32; 3])>;
    /// A mention the model scored: its scores, the name's hash, and what
    /// the model decides (on these scores alone, then on its name's mean).
    struct Scored {
        scores: Scores,
        hash: u64,
        alone: Word,
    }
    let doc = features::Doc::new(cx, out);
    let score = |m: &Mention, places: &mut Places, f: &mut features::Features| {
        let (t, s) = places.of(m);
        features::features(cx, &doc, m, t, s, f);
        f.score(model)
    };
    let decide = |m: &Mention, s: &Scores| {
        let name = &cx.text[m.range.clone()];
        // names joined by "&" or "and" are no one person ("Pratt &
        // Whitney", "Procter and Gamble"): a firm's, a group's, a place's
        // or a work's
        let mut s = *s;
        if joins_names(name) {
            s[features::class_of(EntityType::Person)] = f32::NEG_INFINITY;
        }
        let s = &s;
        if m.evidence == Evidence::Proposed {
            // a name the rules doubt: the model admits it, or it is dropped
            features::admit(s).and_then(features::type_of)
        } else {
            // (the model drops no mention: "no name" leaves the rules' word)
            features::decide(s, doc.shortened(name)).and_then(features::type_of)
        }
    };
    let scored = |ms: &[Mention]| -> Vec<Option<Scored>> {
        let (mut f, mut places) = (features::Features::default(), Places::new(cx, sentences));
        ms.iter()
            .map(|m| {
                if !model_decides(cx, m) {
                    return None;
                }
                let name = &cx.text[m.range.clone()];
                let scores = score(m, &mut places, &mut f);
                let alone =
                    decide(m, &scores).map(|ty| (ty, features::reasons(&f, model, &scores, ty)));
                Some(Scored {
                    scores,
                    hash: with_lower(name, crate::nlp::model::hash),
                    alone,
                })
            })
            .collect()
    };
    let par = cx.toks.len() >= cx.par_tokens;
    let mut own: Vec<Option<Scored>> = if par {
        use rayon::prelude::*;
        out.par_chunks(1024).flat_map_iter(scored).collect()
    } else {
        scored(out)
    };
    // the names scored more than once, found by their hashes: each such
    // mention with the mean of its name's scores
    let mut by_hash: Vec<(u64, usize)> = own
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s.as_ref()?.hash, i)))
        .collect();
    if par {
        use rayon::slice::ParallelSliceMut;
        by_hash.par_sort_unstable();
    } else {
        by_hash.sort_unstable();
    }
    let mut means: Vec<(usize, Scores)> = Vec::new();
    for run in by_hash.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        // (one name in any case, as hashed: "MacBook", "Macbook")
        let mut run: Vec<(String, usize)> = run
            .iter()
            .map(|&(_, i)| (with_lower(&cx.text[out[i].range.clone()], str::to_owned), i))
            .collect();
        run.sort_unstable();
        for group in run.chunk_by(|a, b| a.0 == b.0) {
            let mut mean = Scores::default();
            for &(_, i) in group {
                let s = own[i].as_ref().map_or(Scores::default(), |s| s.scores);
                for (m, s) in mean.iter_mut().zip(s) {
                    *m += s / group.len() as f32;
                }
            }
            means.extend(group.iter().map(|&(_, i)| (i, mean)));
        }
    }
    // a name written more than once: the word on the mean, its reasons read
    // from each mention's own features (on all cores in a long text: half a
    // million sentences may name one name)
    let words = |ms: &[(usize, Scores)]| -> Vec<(usize, Word)> {
        let (mut f, mut places) = (features::Features::default(), Places::new(cx, sentences));
        ms.iter()
            .map(|&(i, mean)| {
                let m = &out[i];
                let word = decide(m, &mean).map(|ty| {
                    score(m, &mut places, &mut f);
                    (ty, features::reasons(&f, model, &mean, ty))
                });
                (i, word)
            })
            .collect()
    };
    let words = if par {
        use rayon::prelude::*;
        means.par_chunks(1024).flat_map_iter(words).collect()
    } else {
        words(&means)
    };
    for (i, word) in words {
        if let Some(s) = own[i].as_mut() {
            s.alone = word;
        }
    }
    for (m, s) in out.iter_mut().zip(&own) {
        match s.as_ref().map(|s| s.alone) {
            Some(Some((ty, reasons))) => {
                m.ty = ty;
                m.evidence = Evidence::Model(reasons);
            }
            // a first name the rules left to the model, which is not sure
            // ("Venice", a first name and a town): the rules' type stands
            // as a guess, no evidence to outweigh the readings of the
            // name's other mentions in the corpus
            Some(None) if matches!(m.evidence, Evidence::FirstName(_)) => {
                m.evidence = Evidence::Default;
            }
            _ => {}
        }
    }
    // the candidates the model did not admit
    out.retain(|m| m.evidence != Evidence::Proposed);
}

/// The rules' mentions, reading a text of `par_tokens` tokens or more on
/// all cores (the tests set it low).
#[cfg(test)]
fn mentions_with(
    text: &str,
    toks: &[Token],
    sentences: &[Range<usize>],
    lex: &Lexicon,
    par_tokens: usize,
) -> Vec<Mention> {
    rules(&Ctx::new(text, toks, lex, par_tokens), sentences)
}

/// The rules' mentions of the text `cx` reads.
fn rules(cx: &Ctx, sentences: &[Range<usize>]) -> Vec<Mention> {
    let toks = cx.toks;
    // each sentence's tokens
    let mut spans = Vec::with_capacity(sentences.len());
    let mut ti = 0;
    for s in sentences {
        let a = gallop(toks, ti, |t| t.start < s.start);
        ti = gallop(toks, a, |t| t.end <= s.end);
        spans.push((a, ti));
    }
    let mut out = Vec::new();
    if toks.len() < cx.par_tokens {
        let mut scratch = Scratch::default();
        for &(a, b) in &spans {
            sentence(cx, a, b, &mut scratch, &mut out);
        }
    } else {
        // a very long text (a book, a dump of a site as one file): its
        // sentences in blocks on all cores, the mentions kept in order
        use rayon::prelude::*;
        let blocks: Vec<Vec<Mention>> = spans
            .par_chunks(256)
            .map(|block| {
                let (mut scratch, mut out) = (Scratch::default(), Vec::new());
                for &(a, b) in block {
                    sentence(cx, a, b, &mut scratch, &mut out);
                }
                out
            })
            .collect();
        out = blocks.concat();
    }
    bare_models(cx, &mut out);
    numbered_streets(cx, &mut out);
    defined_acronyms(cx, &mut out);
    lower_case_places(cx, sentences, &mut out);
    nicknames(cx, &mut out);
    storms_and_ships(cx, &mut out);
    out.retain(|m| !holds_a_code(&cx.text[m.range.clone()]));
    out
}

/// Whether a name holds a word that is a code, not a name's: a key, a hash
/// or a blob of base64 pasted into the text ("AAAAB3NzaC1yc2E..."), a word
/// of more than 20 characters with a digit in it, or of more than 60.
fn holds_a_code(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| {
            let n = w.chars().count();
            n > 60 || n > 20 && w.bytes().any(|c| c.is_ascii_digit())
        })
}

/// Words that name a storm before a name (`assets/ner/storm_words.txt`:
/// "Hurricane", "Tropical Storm"), each as its words.
static STORM_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    include_str!("../../../assets/ner/storm_words.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split(' ').collect())
        .collect()
});

/// A storm's name: "Hurricane Katrina", "Cyclone Phailin", "Tropical Storm
/// Rita" are events, with the storm's words in the name (the rules may have
/// left a sentence's first word out, or the whole name: "Hurricane" and
/// "Tropical" are English words); "the hurricane Katrina" names it too. A
/// storm's or a ship's name alone in the same text is the storm or the
/// ship ("Katrina" after "Hurricane Katrina", "Cole" after "USS Cole"),
/// though it is a person's name too.
fn storms_and_ships(cx: &Ctx, out: &mut Vec<Mention>) {
    let toks = cx.toks;
    // (a name alone, the whole name)
    let mut names: Vec<(String, String)> = Vec::new();
    for m in out.iter() {
        if m.ty == EntityType::Other {
            let text = &cx.text[m.range.clone()];
            if let Some((prefix, name)) = text.split_once(' ') {
                if SHIP_PREFIXES.contains(&prefix) {
                    names.push((name.to_string(), text.to_string()));
                }
            }
        }
    }
    // the storms: the storm's words, then one capitalized word that is no
    // English word but a first name ("Sandy"), no month or day ("the
    // hurricane Monday"), one space apart
    let mut storms: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // (most words start no entry)
        let w = cx.w(i);
        if !STORM_WORDS
            .iter()
            .any(|e| e[0].len() == w.len() && e[0].eq_ignore_ascii_case(w))
        {
            i += 1;
            continue;
        }
        // (the longest entry, as listed or in lower case)
        let found = STORM_WORDS
            .iter()
            .filter(|e| i + e.len() < toks.len())
            .filter_map(|e| {
                let listed = (0..e.len()).all(|q| cx.w(i + q) == e[q]);
                let lower = (0..e.len()).all(|q| with_lower(e[q], |l| cx.w(i + q) == l));
                let spaced =
                    (i..i + e.len()).all(|t| cx.text[toks[t].end..toks[t + 1].start] == *" ");
                ((listed || lower) && spaced).then_some((e.len(), listed))
            })
            .max();
        let Some((k, listed)) = found else {
            i += 1;
            continue;
        };
        let n = i + k;
        let name = cx.w(n);
        let ok = toks[n].word
            && is_cap(name)
            && !is_all_caps(name)
            && !is_calendar(name)
            && (!cx.g.is_common(name) || cx.g.first_names.contains(name))
            // (not a body's name: "the National Hurricane Center")
            && !out
                .iter()
                .any(|m| m.range.start < toks[i].start && toks[i].start < m.range.end);
        if ok {
            let start = if listed { toks[i].start } else { toks[n].start };
            let words = &cx.text[toks[i].start..toks[n - 1].end];
            names.push((name.to_string(), cx.text[start..toks[n].end].to_string()));
            storms.push(Mention {
                range: start..toks[n].end,
                ty: EntityType::Other,
                evidence: Evidence::Context(format!("a storm, \"{words}\"")),
                canonical: None,
            });
        }
        i = n + 1;
    }
    if names.is_empty() {
        return;
    }
    if !storms.is_empty() {
        replace_overlapping(out, storms);
    }
    for m in out.iter_mut() {
        // (not a name a table or a title types: "Arizona" beside "USS Arizona")
        if matches!(
            m.evidence,
            Evidence::Alias
                | Evidence::Gazetteer
                | Evidence::Company
                | Evidence::User
                | Evidence::Title(_)
                | Evidence::OrgWord(_)
                | Evidence::PlaceWord(_)
        ) {
            continue;
        }
        let text = &cx.text[m.range.clone()];
        if let Some((_, whole)) = names.iter().find(|(n, w)| n == text && w != text) {
            m.ty = EntityType::Other;
            m.evidence = Evidence::Context(format!("the name of \"{whole}\""));
            m.canonical = Some(whole.clone());
        }
    }
}

/// The quoted nickname between a first name and a surname makes one name
/// of the three: `Harold "Junior" Theriault`, `William ‘Bill’ Smith`. The
/// first part ends in a first name; the nickname is one to three words in
/// quotes, each capitalized but "the" ("Sammy the Bull"); the last part is one or two capitalized
/// words, the last a usual surname or no English word. The name links as
/// the first name and the surname.
fn nicknames(cx: &Ctx, out: &mut Vec<Mention>) {
    let text = cx.text;
    // the quoted nickname right after byte `at` and the byte after it
    let quoted = |at: usize| -> Option<usize> {
        let rest = &text[at..];
        let body = rest.strip_prefix(' ')?;
        let (open, close) = match body.chars().next()? {
            '"' => ('"', '"'),
            '“' => ('“', '”'),
            '‘' => ('‘', '’'),
            _ => return None,
        };
        let inner = &body[open.len_utf8()..];
        // (the close within 60 characters: a quote never closed in a long
        // text is not read to its end again for each first name)
        let end = inner
            .char_indices()
            .take(60)
            .find(|&(_, c)| c == close)
            .map(|(i, _)| i)?;
        let nick = inner[..end].trim();
        let words: Vec<&str> = nick.split(' ').collect();
        let ok = (1..=3).contains(&words.len())
            && words[0].starts_with(|c: char| c.is_uppercase())
            && words.iter().all(|w| {
                (is_cap(w) || w == &"the")
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
            });
        let after = &inner[end + close.len_utf8()..];
        (ok && after.starts_with(' ')).then(|| text.len() - after.len() + 1)
    };
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for i in 0..out.len() {
        let a = &out[i];
        let first_part = &text[a.range.clone()];
        let words: smallvec::SmallVec<[&str; 4]> = first_part.split(' ').collect();
        // a first name, or a first name and a middle name ("William Mailes
        // \"Cowboy\" Cowley")
        let first_names = match words[..] {
            [.., last] if cx.g.first_names.contains(last) => true,
            [first, middle] => cx.g.first_names.contains(first) && is_cap(middle),
            _ => false,
        };
        if !(matches!(a.ty, EntityType::Person) || matches!(a.evidence, Evidence::FirstName(_)))
            || !first_names
        {
            continue;
        }
        let Some(b_start) = quoted(a.range.end) else {
            continue;
        };
        let Some(k) = out[i + 1..]
            .iter()
            .position(|m| m.range.start >= b_start)
            .map(|k| k + i + 1)
        else {
            continue;
        };
        let b = &out[k];
        let surname = &text[b.range.clone()];
        let words: Vec<&str> = surname.split(' ').collect();
        let last = words[words.len() - 1];
        if b.range.start == b_start
            && words.len() <= 2
            && words.iter().all(|w| is_cap(w))
            && (features::usual_surname(last) || !cx.g.is_common(last))
            && cx.g.lookup(surname).is_none()
        {
            joined.push((i, k));
        }
    }
    if joined.is_empty() {
        return;
    }
    let mut drop = vec![false; out.len()];
    for &(i, k) in &joined {
        let first = text[out[i].range.clone()]
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_string();
        let canonical = format!(
            "{} {}",
            &text[out[i].range.clone()],
            &text[out[k].range.clone()]
        );
        let end = out[k].range.end;
        for d in &mut drop[i + 1..=k] {
            *d = true;
        }
        let m = &mut out[i];
        m.range.end = end;
        m.ty = EntityType::Person;
        if !matches!(m.evidence, Evidence::FirstName(_)) && m.evidence.strength() < 3 {
            m.evidence = Evidence::FirstName(first);
        }
        m.canonical = Some(canonical);
    }
    let mut dropped = drop.iter();
    out.retain(|_| !dropped.next().copied().unwrap_or(false));
}

/// Whether a text writes without capitals where English wants them: a
/// sentence that starts in lower case, or "i" for the pronoun (web text,
/// mail, forums).
fn writes_in_lower_case(cx: &Ctx, sentences: &[Range<usize>]) -> bool {
    sentences.iter().any(|s| {
        cx.text[s.clone()]
            .trim_start()
            .starts_with(|c: char| c.is_lowercase())
    }) || cx.toks.iter().any(|t| t.word && t.text(cx.text) == "i")
}

/// "we flew to kerala", "in san francisco": in a text that writes without
/// capitals, a place the gazetteer knows, written in lower case. One word
/// must be no English word ("bath", "nice", "reading" are), and the name no
/// part of an address ("france.com", "@delaware").
fn lower_case_places(cx: &Ctx, sentences: &[Range<usize>], out: &mut Vec<Mention>) {
    if !writes_in_lower_case(cx, sentences) {
        return;
    }
    let lower = |i: usize| {
        let t = cx.toks[i];
        t.word && t.text(cx.text).chars().all(|c| c.is_lowercase())
    };
    let glued = |a: usize, b: usize| cx.toks[a].end == cx.toks[b].start;
    // what may follow a name glued: a comma, or a mark of punctuation
    // that no word follows glued ("france.com" is an address; "kerala..",
    // "kerala,help" are how mail and forums write), or a possessive
    let ends_clean = |last: usize| {
        let n = last + 1;
        if n >= cx.toks.len() || !glued(last, n) {
            return true;
        }
        let after = cx.toks.get(n + 1).filter(|_| glued(n, n + 1));
        match cx.toks[n].text(cx.text) {
            "'" | "’" => after.is_none_or(|a| a.text(cx.text) == "s"),
            "," | ";" | ")" => true,
            "." | "!" | "?" | ":" => after.is_none_or(|a| !a.word),
            _ => false,
        }
    };
    // the rules' mentions in the text's order, each with the furthest end
    // of those up to it: whether a place found overlaps one, by a search
    let mut spans: Vec<(usize, usize)> = out.iter().map(|m| (m.range.start, m.range.end)).collect();
    spans.sort_unstable();
    let mut reach = 0;
    for s in &mut spans {
        reach = reach.max(s.1);
        s.1 = reach;
    }
    let taken = |r: &Range<usize>| {
        let k = spans.partition_point(|s| s.0 < r.end);
        k > 0 && spans[k - 1].1 > r.start
    };
    let mut added: Vec<Mention> = Vec::new();
    let mut name = String::new();
    let mut i = 0;
    while i < cx.toks.len() {
        if !lower(i) || (i > 0 && glued(i - 1, i)) {
            i += 1;
            continue;
        }
        let mut found = None;
        for n in (1..=3).rev() {
            let last = i + n - 1;
            if last >= cx.toks.len()
                || !(i..=last).all(lower)
                || (i..last).any(|k| {
                    let gap = &cx.text[cx.toks[k].end..cx.toks[k + 1].start];
                    gap.is_empty() || !gap.chars().all(char::is_whitespace)
                })
                || !ends_clean(last)
            {
                continue;
            }
            let words: Vec<&str> = (i..=last).map(|k| cx.w(k)).collect();
            let foreign = |w: &str| w.chars().count() >= 4 && !cx.g.is_common(w);
            if !words.iter().any(|w| foreign(w))
                || FUNCTION_WORDS.contains(&words[0])
                || PLACE_PREPS.contains(&words[0])
            {
                continue;
            }
            name.clear();
            for (k, w) in words.iter().enumerate() {
                if k > 0 {
                    name.push(' ');
                }
                name.push_str(&titlecase(w));
            }
            // one word: the place's own name, not a variant ("shal" is
            // Quetta's), after no article ("a chihuahua" is a dog)
            let article = || {
                i > 0
                    && cx.toks[i - 1].word
                    && matches!(cx.w(i - 1), "a" | "an" | "the" | "A" | "An" | "The")
                    || i > 0 && with_lower(cx.w(i - 1), |l| POSSESSIVES.contains(&l))
            };
            match cx.g.lookup(&name) {
                Some((EntityType::Place, canonical))
                    if n > 1 || (canonical == name && !article()) =>
                {
                    found = Some((last, canonical.to_string()));
                    break;
                }
                _ => {}
            }
        }
        let Some((last, canonical)) = found else {
            i += 1;
            continue;
        };
        let range = cx.toks[i].start..cx.toks[last].end;
        if !taken(&range) {
            added.push(Mention {
                range,
                ty: EntityType::Place,
                evidence: Evidence::Gazetteer,
                canonical: Some(canonical),
            });
        }
        i = last + 1;
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.range.start);
    }
}

/// Ordinal numbers as words ("Fourth Air Force", "Fifth Avenue").
static ORDINALS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/ordinals.txt")));

/// Compass words that start a place's name ("South Richmond Hill").
static COMPASS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/compass.txt")));

/// "117th Street", "East 5th Avenue", "42nd St.", "Route 94": a numbered
/// street or road is a place (its number starts no name of its own).
fn numbered_streets(cx: &Ctx, out: &mut Vec<Mention>) {
    let ordinal = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && digits <= 4 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
    };
    let short = |w: &str| matches!(w, "St" | "Ave" | "Rd" | "Blvd");
    let street = |w: &str| {
        short(w)
            || matches!(
                w,
                "Street" | "Avenue" | "Road" | "Boulevard" | "Highway" | "Route" | "Square"
            )
    };
    // "Route 94", "Highway 1", "Interstate 95": a road by its number
    let road = |w: &str| matches!(w, "Route" | "Highway" | "Interstate");
    let road_number = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        (1..=4).contains(&digits) && w.len() - digits <= 1
    };
    let mut added = Vec::new();
    for i in 0..cx.toks.len().saturating_sub(1) {
        let (t, n) = (cx.toks[i], cx.toks[i + 1]);
        if t.word && n.word && t.end < n.start && road(cx.w(i)) && road_number(cx.w(i + 1)) {
            added.push(Mention {
                range: t.start..n.end,
                ty: EntityType::Place,
                evidence: Evidence::PlaceWord(cx.w(i).to_string()),
                canonical: None,
            });
            continue;
        }
        if !(t.word && n.word && t.end < n.start && ordinal(cx.w(i)) && street(cx.w(i + 1))) {
            continue;
        }
        let mut start = t.start;
        if i > 0
            && cx.toks[i - 1].word
            && cx.toks[i - 1].end < t.start
            && COMPASS.contains(&cx.w(i - 1))
        {
            start = cx.toks[i - 1].start;
        }
        let mut end = n.end;
        if short(cx.w(i + 1)) && cx.text[end..].starts_with('.') {
            end += 1;
        }
        added.push(Mention {
            range: start..end,
            ty: EntityType::Place,
            evidence: Evidence::PlaceWord(cx.w(i + 1).to_string()),
            canonical: None,
        });
    }
    if added.is_empty() {
        return;
    }
    replace_overlapping(out, added);
}

/// The mentions `added` in the place of those they overlap, in order.
fn replace_overlapping(out: &mut Vec<Mention>, added: Vec<Mention>) {
    out.retain(|m| {
        !added
            .iter()
            .any(|a| a.range.start < m.range.end && m.range.start < a.range.end)
    });
    out.extend(added);
    out.sort_by_key(|m| m.range.start);
}

/// "Singapore Airlines (SIA)": an acronym defined in parentheses after a
/// name is that name, there and wherever else the article uses it, and of
/// its type where only its form typed it. One whose letters are the first
/// letters of common words ("sea surface salinity (SSS)") is a term, no
/// name, wherever the article uses it.
fn defined_acronyms(cx: &Ctx, out: &mut Vec<Mention>) {
    let mut defs: HashMap<String, String> = HashMap::default();
    // acronyms of a name ("the Geographic Information Systems (GIS)": the
    // acronym is what its definition is) and of common words ("sea surface
    // salinity (SSS)", "gross domestic product (GDP)": a term, no name)
    let mut typed: HashMap<String, Option<EntityType>> = HashMap::default();
    for (i, acr) in out.iter().enumerate() {
        let short = &cx.text[acr.range.clone()];
        if !(2..=6).contains(&short.len())
            || !is_all_caps(short)
            // (brackets glued, or spaced as text split into tokens writes
            // them: "Velmara Airlines ( VLA )")
            || !cx.text[acr.range.end..].trim_start_matches(' ').starts_with(')')
        {
            continue;
        }
        let Some(before) = cx.text[..acr.range.start].trim_end().strip_suffix('(') else {
            continue;
        };
        let before = before.trim_end();
        let name = i
            .checked_sub(1)
            .map(|j| &out[j])
            .filter(|name| name.range.end == before.len());
        if let Some(name) = name {
            let full = &cx.text[name.range.clone()];
            if full.contains(' ') {
                // as written: the linker cleans a name of several words
                let canon = name.canonical.clone().unwrap_or_else(|| full.to_string());
                defs.insert(short.to_string(), canon);
            }
            // (a person's name with an acronym after it is most often a
            // firm's or a body's the rules took for a person's: the
            // acronym's own form then has its say in the linker's vote)
            if name.ty != EntityType::Person {
                typed.insert(short.to_string(), Some(name.ty));
            }
        } else if let Some(words) = spelled_by(before, short) {
            let words = &before[before.len() - words..];
            if !words
                .split(|c: char| c.is_whitespace() || c == '-')
                .any(is_cap)
            {
                typed.insert(short.to_string(), None);
            }
        }
    }
    if typed.is_empty() && defs.is_empty() {
        return;
    }
    out.retain_mut(|m| {
        let text = &cx.text[m.range.clone()];
        if let Some(c) = defs.get(text) {
            if m.canonical.is_none() || m.evidence == Evidence::Acronym {
                m.canonical = Some(c.clone());
            }
        }
        match typed.get(text) {
            Some(Some(ty)) if m.evidence == Evidence::Acronym => {
                m.ty = *ty;
                true
            }
            Some(None) => m.evidence != Evidence::Acronym,
            _ => true,
        }
    });
}

/// How many bytes at the end of `text` are the words whose first letters
/// spell the acronym `short` ("sea surface salinity" for "SSS", "Bank of
/// England" for "BoE"), small joining words skipped; none when no such
/// words end the text.
fn spelled_by(text: &str, short: &str) -> Option<usize> {
    let mut letters = short.chars().filter(|c| c.is_alphabetic()).rev().peekable();
    let mut from = text.len();
    let mut words = text
        .char_indices()
        .rev()
        .filter(|&(i, c)| {
            !(c.is_whitespace() || c == '-')
                && text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| p.is_whitespace() || p == '-')
        })
        .map(|(i, _)| i);
    while letters.peek().is_some() {
        let start = words.next()?;
        let word = text[start..from].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
        let first = word.chars().next()?;
        if first.is_alphabetic() && first.to_lowercase().eq(letters.peek()?.to_lowercase()) {
            letters.next();
        } else if !(CONNECTORS.contains(&word) || matches!(word, "a" | "on" | "in" | "to")) {
            return None;
        }
        from = start;
    }
    Some(text.len() - from)
}

/// "the 737", "787s": once an article names a model with its maker ("Boeing
/// 737"), the bare number is that model too, wherever the article uses it.
fn bare_models(cx: &Ctx, out: &mut Vec<Mention>) {
    let models: HashMap<&str, &str> = out
        .iter()
        .filter(|m| m.ty == EntityType::Other)
        .filter_map(|m| {
            let name = &cx.text[m.range.clone()];
            let last = name.rsplit(' ').next()?;
            let digits = last.split('-').next().unwrap_or(last).trim_end_matches('s');
            // (three digits at least: a bare "4" is no "iPhone 4")
            (name.contains(' ') && digits.len() >= 3 && digits.bytes().all(|c| c.is_ascii_digit()))
                .then_some((digits, name))
        })
        .collect();
    if models.is_empty() {
        return;
    }
    let mut covered: Vec<Range<usize>> = out.iter().map(|m| m.range.clone()).collect();
    covered.sort_by_key(|r| r.start);
    let inside = |pos: usize| {
        let i = covered.partition_point(|r| r.end <= pos);
        i < covered.len() && covered[i].start <= pos
    };
    let mut added = Vec::new();
    for t in cx.toks.iter().filter(|t| t.word) {
        let w = t.text(cx.text);
        let base = w.strip_suffix('s').unwrap_or(w);
        if let Some(full) = models.get(base) {
            if !inside(t.start) {
                // named as the full model, so it links to it (the linker
                // cleans the name: "Boeing 787s" is the Boeing 787)
                let canon = full.to_string();
                added.push(Mention {
                    range: t.start..t.end,
                    ty: EntityType::Other,
                    evidence: Evidence::Context(format!("the model of \"{full}\"")),
                    canonical: Some(canon),
                });
            }
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.range.start);
    }
}

/// A part of a run: its tokens, the title before it, the company title after it.
type Part<'p> = (&'p [usize], Option<String>, Option<String>);

/// Pieces of a run of capitalized words, on the stack.
type Pieces<'p> = smallvec::SmallVec<[&'p [usize]; 4]>;

/// The words of a name, on the stack.
type Words<'a> = smallvec::SmallVec<[&'a str; 6]>;

/// Buffers reused from one sentence to the next.
#[derive(Default)]
struct Scratch {
    initial: Vec<bool>,
    run: Vec<usize>,
}

/// Texts of at least this many tokens have their sentences (and a sentence
/// of at least this many, its runs of capitals) read on all cores.
const PAR_TOKENS: usize = 200_000;

/// The most tokens a run of capitalized words may have before it is cut:
/// the longest names of bodies ("Royal Society for the Prevention of
/// Cruelty to Animals") have a dozen.
const MAX_RUN: usize = 24;

/// Whether the word `i` starts a line after what ends a sentence (a
/// closing bracket or quote, a full stop): "... arrest." [16]\nWhile
/// Poisson's report", where the sentence's end was not seen.
fn new_line_after_an_end(cx: &Ctx, a: usize, i: usize) -> bool {
    i > a && {
        let p = cx.toks[i - 1];
        !p.word
            && cx.text[p.end..cx.toks[i].start].contains('\n')
            && matches!(p.text(cx.text), "]" | ")" | "\"" | "”" | "." | "!" | "?")
    }
}

/// Whether the straight quote `i` opens a quotation: a space before it and
/// a word glued after it ("say, 'Hey Frank, ...'").
fn opening_quote(cx: &Ctx, i: usize) -> bool {
    let t = cx.toks[i];
    i > 0
        && cx.toks[i - 1].end < t.start
        && cx
            .toks
            .get(i + 1)
            .is_some_and(|n| n.word && n.start == t.end)
}

/// Whether the double quote `i` opens a title: two to eight words up to
/// the closing quote, each capitalized but the small words of a title ("of",
/// "the", "to"...), a mark only at the end or a possessive between
/// ("\"Million Dollar Mermaid,\"", "\"Jupiter's Darling\""). The title's
/// last word.
fn quoted_title(cx: &Ctx, i: usize) -> Option<usize> {
    if !matches!(cx.w(i), "\"" | "“") {
        return None;
    }
    let closing = |j: usize| {
        cx.toks
            .get(j)
            .is_some_and(|n| matches!(n.text(cx.text), "\"" | "”"))
    };
    let (mut caps, mut words, mut last) = (0, 0, i);
    let mut j = i + 1;
    while j < cx.toks.len() && j <= i + 12 {
        let t = cx.toks[j];
        let w = t.text(cx.text);
        if closing(j) {
            // (the close glued to the title, or after its mark and a
            // space: "\"Million Dollar Mermaid, \"whose")
            let closed = cx.toks[j - 1].end == t.start
                || matches!(cx.w(j - 1), "," | "." | "!" | "?") && !cx.toks[j - 1].word;
            let title = caps >= 2 && words <= 8 && closed;
            return (title && !names_inside(cx, i + 1, j)).then_some(last);
        }
        if t.word {
            words += 1;
            last = j;
            if w.starts_with(|c: char| c.is_uppercase()) {
                caps += 1;
            } else if !(j > i + 1
                && (is_small(w)
                    || matches!(
                        w,
                        "of" | "to" | "a" | "an" | "in" | "on" | "at" | "by" | "or" | "s"
                    )))
            {
                return None;
            }
        } else {
            // a possessive or a hyphen between, a mark before the close
            let inside = matches!(w, "'" | "’" | "'s" | "’s" | "-");
            let at_end = matches!(w, "," | "." | "!" | "?") && closing(j + 1);
            if !inside && !at_end {
                return None;
            }
        }
        j += 1;
    }
    None
}

/// Whether the tokens `i..j` hold a name the tables know: one word that is
/// no English word ("Ukraine"), or two or three ("Middle East"). A quote
/// in capitals that names them is a phrase quoted, not a work's title
/// ("the \"Great Accomplishment of Peace in the Middle East\"").
fn names_inside(cx: &Ctx, i: usize, j: usize) -> bool {
    let words: smallvec::SmallVec<[usize; 8]> = (i..j).filter(|&k| cx.toks[k].word).collect();
    words.iter().enumerate().any(|(n, &k)| {
        let w = cx.w(k);
        (cx.g.is_known_name(w) && !cx.g.is_common(w))
            || (2..=3).any(|len| {
                words.get(n + len - 1).is_some_and(|&end| {
                    (k..=end).all(|q| cx.toks[q].word || cx.w(q) == "'s")
                        && cx
                            .g
                            .lookup(&cx.text[cx.toks[k].start..cx.toks[end].end])
                            .is_some()
                })
            })
    })
}

/// Whether the tokens `p` are a whole title in quotes (`quoted_title`).
fn is_quoted_title(cx: &Ctx, p: &[usize]) -> bool {
    p.first().is_some_and(|&f| f > 0)
        && p.last()
            .is_some_and(|&l| quoted_title(cx, p[0] - 1) == Some(l))
}

fn sentence(cx: &Ctx, a: usize, b: usize, scratch: &mut Scratch, out: &mut Vec<Mention>) {
    if a >= b {
        return;
    }
    // a quoted headline is still a headline: look past closing marks
    let ends_like_prose = cx.text[cx.toks[a].start..cx.toks[b - 1].end]
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with(['.', '?', '!', ',', ';', ')']);
    let long = b - a >= cx.par_tokens;
    let form = if long {
        // a sentence of a million words: its words counted on all cores
        use rayon::prelude::*;
        (a..b)
            .into_par_iter()
            .filter(|&i| cx.toks[i].word)
            .map(|i| Form::word(cx.w(i)))
            .reduce(Form::default, Form::add)
    } else {
        Form::of((a..b).filter(|&i| cx.toks[i].word).map(|i| cx.w(i)))
    };
    let all_caps_line = form.all_caps();
    let headline = all_caps_line || (!ends_like_prose && form.title_case());
    // positions where a capital proves nothing: the sentence start, after a
    // quote or colon; in a headline, every word
    let initial = &mut scratch.initial;
    initial.clear();
    initial.resize(b - a, false);
    if headline {
        let toks = &cx.toks[a..b];
        if long {
            use rayon::prelude::*;
            initial
                .par_iter_mut()
                .zip(toks)
                .for_each(|(x, t)| *x = t.word);
        } else {
            initial.iter_mut().zip(toks).for_each(|(x, t)| *x = t.word);
        }
    } else {
        let mut first = true;
        for i in a..b {
            let t = cx.toks[i];
            if t.word {
                initial[i - a] = first || new_line_after_an_end(cx, a, i);
                first = false;
            } else if quoted_title(cx, i).is_some() {
                // a title in quotes: its first capital is the title's
                // ("starred in \"Million Dollar Mermaid\"")
                first = false;
            } else if matches!(
                t.text(cx.text),
                "\"" | "“" | "‘" | ":" | "(" | "—" | "–" | "["
            ) || (t.text(cx.text) == "'" && (first || opening_quote(cx, i)))
                // a dash between spaces, as after a dateline ("WASHINGTON, March 1 - The ...")
                || (matches!(t.text(cx.text), "-" | "--")
                    && i > a
                    && cx.toks[i - 1].end < t.start
                    && cx.toks.get(i + 1).is_some_and(|n| n.start > t.end)
                    // (not a hyphen spaced inside a name: "Wal - Mart")
                    && !spaced_hyphen_in_name(cx, i, b, all_caps_line))
            {
                first = true;
            }
        }
    }
    let initial = &scratch.initial[..];
    if b - a < cx.par_tokens {
        let run = &mut scratch.run;
        scan_runs(cx, (a, b), (a, b), all_caps_line, run, |run| {
            process_run(cx, a, b, run, initial, headline, all_caps_line, out)
        });
        return;
    }
    // a sentence of a million words: cut at its commas, the blocks read on
    // all cores, in order
    use rayon::prelude::*;
    // (blocks of some 16,000 tokens; the tests set par_tokens low, and the
    // blocks small with it)
    let found: Vec<Vec<Mention>> = blocks(cx, a, b, (cx.par_tokens / 12).max(1))
        .par_iter()
        .map(|&block| {
            let (mut run, mut o) = (Vec::new(), Vec::new());
            scan_runs(cx, (a, b), block, all_caps_line, &mut run, |run| {
                process_run(cx, a, b, run, initial, headline, all_caps_line, &mut o)
            });
            o
        })
        .collect();
    out.reserve(found.iter().map(Vec::len).sum());
    for f in found {
        out.extend(f);
    }
}

/// The runs of capitalized words (with their connectors) that start in
/// the tokens `x..y` of the sentence of tokens `a..b`, each handed to `emit`.
#[allow(clippy::too_many_arguments)]
fn scan_runs(
    cx: &Ctx,
    (a, b): (usize, usize),
    (x, y): (usize, usize),
    all_caps_line: bool,
    run: &mut Vec<usize>,
    mut emit: impl FnMut(&[usize]),
) {
    let mut i = x;
    while i < y {
        if !cand_word(cx, i, all_caps_line) {
            i += 1;
            continue;
        }
        // grow a run of capitalized words with connectors and glued hyphens
        run.clear();
        // "T-Mobile", "X-Men", "E-Trade": one capital glued before a hyphen
        // starts the name
        if i >= a + 2
            && cx.w(i - 1) == "-"
            && cx.toks[i - 1].start == cx.toks[i - 2].end
            && cx.toks[i].start == cx.toks[i - 1].end
            && cx.toks[i - 2].word
            && is_initial(cx.w(i - 2))
            && (i < a + 3
                || cx.toks[i - 3].end < cx.toks[i - 2].start && !matches!(cx.w(i - 3), "(" | ","))
        {
            run.extend([i - 2, i - 1]);
        } else if i >= a + 2
            && glued_article(cx, i - 2, b, all_caps_line)
            && (i == a + 2 || cx.toks[i - 3].end < cx.toks[i - 2].start)
        {
            // "al-Qaeda": the article glued to it starts the name
            run.extend([i - 2, i - 1]);
        }
        run.push(i);
        let mut j = i + 1;
        // a name has at most MAX_RUN tokens: a longer run of capitals is a
        // list or a headline, read a piece at a time (and the work on a run,
        // which grows with its length squared, stays bounded per token)
        while j < b && run.len() < MAX_RUN {
            let t = cx.toks[j];
            if t.word && cand_word(cx, j, all_caps_line) && cx.toks[j - 1].end < t.start {
                run.push(j);
                j += 1;
            } else if t.word
                && cx.toks[j - 1].word
                && cx.toks[j - 1].end < t.start
                && is_camel(cx.w(j - 1))
                && matches!(cx.w(j), "nano" | "mini" | "touch" | "shuffle" | "classic")
            {
                // "iPod nano", "iPad mini": a camel-case brand's model in lower case
                run.push(j);
                j += 1;
                break;
            } else if t.word
                && cx.toks[j - 1].word
                && cx.toks[j - 1].end < t.start
                // (an airline's plane is no name of it: "American Airlines 777")
                && !cx.g.org_words.contains(cx.w(j - 1))
                && is_model(
                    cx.w(j),
                    is_camel(cx.w(j - 1)) || NUMBERED.contains(&cx.w(j - 1)),
                )
                && !score_like(cx, j, b)
            {
                run.push(j);
                j += 1;
                // "737-800"
                if j + 1 < b
                    && cx.w(j) == "-"
                    && cx.toks[j].start == cx.toks[j - 1].end
                    && cx.toks[j + 1].start == cx.toks[j].end
                    && cx.w(j + 1).bytes().all(|c| c.is_ascii_alphanumeric())
                {
                    run.push(j);
                    run.push(j + 1);
                    j += 2;
                }
                break;
            } else if !t.word
                && j + 1 < b
                && (cx.w(j) == "-"
                    && t.start == cx.toks[j - 1].end
                    && cx.toks[j + 1].start == t.end
                    || cx.w(j) == "&" && !cited(cx, j + 1, b)
                    // "St. Louis", "Mt. Everest"
                    || cx.w(j) == "."
                        && t.start == cx.toks[j - 1].end
                        && (SAINT_FORT_MOUNT.contains(&cx.w(j - 1))
                            // a middle initial: "George W. Bush", "Regina M. Benjamin",
                            // after a title too ("President George W. Bush")
                            || run.len() >= 2
                                && is_initial(cx.w(j - 1))
                                && (cx.g.first_names.contains(cx.w(run[run.len() - 2]))
                                    // or between two words that are no
                                    // English words: "Raj K. Chohan"
                                    || unknown_around_initial(cx, run[run.len() - 2], j + 1))
                            // a first initial before a first name: "K. Michael
                            // Stevens", "F. Scott Fitzgerald"
                            || run.len() == 1
                                && is_initial(cx.w(j - 1))
                                && cx.g.first_names.contains(cx.w(j + 1))
                            // two initials or more: "T. S. Eliot", "W. W. Rouse Ball"
                            || initials_before_a_name(cx, run, j, b))
                        && cx.toks[j + 1].start == t.end + 1)
                && cand_word(cx, j + 1, all_caps_line)
            {
                run.push(j);
                run.push(j + 1);
                j += 2;
            } else if run[..] == [j - 1] && spaced_hyphen_in_name(cx, j, b, all_caps_line) {
                // "Wal - Mart": text split into tokens spaces a hyphen
                run.push(j);
                run.push(j + 1);
                j += 2;
            } else if glued_hyphen(cx, j, b)
                && is_cap(cx.w(j - 1))
                && cx.g.lookup(cx.w(j - 1)).is_none()
                && cx.toks[j + 1].word
                && cx.w(j + 1).chars().all(char::is_lowercase)
                && !cx.g.is_common(cx.w(j + 1))
                && cx
                    .toks
                    .get(j + 2)
                    .is_none_or(|n| n.start > cx.toks[j + 1].end)
            {
                // "Tung Chee-hwa", "Kim Jong-un": a glued piece in lower case
                // that is no English word is the name's
                run.push(j);
                run.push(j + 1);
                j += 2;
            } else if glued_hyphen(cx, j, b)
                && HYPHEN_PREFIXES.contains(&cx.w(j - 1))
                && cx.toks[j + 1].word
                && cx.w(j + 1).chars().all(char::is_lowercase)
                && cx
                    .toks
                    .get(j + 2)
                    .is_none_or(|n| n.start > cx.toks[j + 1].end)
                && (in_bodys_aim(cx, run)
                    || j + 2 < b
                        && cand_word(cx, j + 2, all_caps_line)
                        // (a role before a person's name: "Co-founder Bill
                        // Gates", "Co-star Richard Gere")
                        && !cx.g.first_names.contains(cx.w(j + 2)))
            {
                // "Gulf Co-operation Council", "Anti-corruption Commission":
                // a capitalized prefix glued to a word in lower case is one
                // word of the name that goes on after it (or of a body's aim:
                // "Organization for Security and Co-operation")
                run.push(j);
                run.push(j + 1);
                j += 2;
            } else if glued_hyphen(cx, j, b)
                && cx.w(j - 1).len() >= 2
                // (capitals, or a capital inside: "MiG")
                && cx.w(j - 1).chars().skip(1).any(char::is_uppercase)
                && cx.w(j + 1).bytes().next().is_some_and(|c| c.is_ascii_digit())
                && cx.w(j + 1).bytes().all(|c| c.is_ascii_alphanumeric())
            {
                // "AK-47", "MiG-29", "SS-20": letters glued to a number by a
                // hyphen are a model's designation, one name with it
                run.push(j);
                run.push(j + 1);
                j += 2;
                break;
            } else if let Some(end) = (run.len() == 1 && cx.w(j) == ",")
                .then(|| partners_after_comma(cx, run[0], j, b))
                .flatten()
            {
                // "Goldman, Sachs and Co", "Smith, Barney, Harris Upham and Co"
                run.extend(j..end);
                j = end;
                break;
            } else if cx.possessive_at(j)
                && j + 1 < b
                && cx.toks[j + 1].start > t.end
                && cand_word(cx, j + 1, all_caps_line)
                && (firm_possessive(cx, j, b)
                    // "\"Jupiter's Darling\"": inside a title in quotes
                    || run[0] > 0 && quoted_title(cx, run[0] - 1).is_some_and(|l| l > j))
            {
                // "McDonald's Corp", "Moody's Investors Service Inc"
                run.push(j);
                run.push(j + 1);
                j += 2;
            } else if !t.word
                && (t.start == cx.toks[j - 1].end || cx.possessive_at(j))
                && j + 1 < b
                && cx.toks[j + 1].start > t.end
                && is_group_possessive(cx.w(j - 1), cx.w(j))
                && cand_word(cx, j + 1, all_caps_line)
            {
                // "People's Republic of China", "Women's World Cup", "Workers' Party"
                run.push(j);
                run.push(j + 1);
                j += 2;
            } else if cx.toks[j - 1].end < t.start && glued_article(cx, j, b, all_caps_line) {
                // "Muqtada al-Sadr"
                run.extend([j, j + 1, j + 2]);
                j += 3;
            } else if t.word
                && (CONNECTORS.contains(&cx.w(j)) || PLACE_CONNECTORS.contains(&cx.w(j)))
                && j + 1 < b
                && (cand_word(cx, j + 1, all_caps_line)
                    // "the World Organization of the Scout Movement",
                    // "Institute for the Study of War"
                    || (cx.w(j) == "of" || cx.w(j) == "for" && bodys_aim_after(cx, j + 2, b))
                        && cx.w(j + 1) == "the"
                        && j + 2 < b
                        && cand_word(cx, j + 2, all_caps_line))
                && connector_ok(cx, run, j, b)
            {
                run.push(j);
                if matches!(cx.w(j), "of" | "for")
                    && j + 2 < b
                    && cx.w(j + 1) == "the"
                    && cand_word(cx, j + 2, all_caps_line)
                {
                    run.push(j + 1);
                    j += 1;
                }
                run.push(j + 1);
                j += 2;
            } else {
                break;
            }
        }
        // "Obama to Name Dr. Sanjay Gupta": a title with its stop after
        // other capitalized words is the title of the name after it, no end
        // of theirs (read again, it starts a run of its own)
        if let [.., l] = run[..] {
            if run.len() >= 2
                && l + 2 < b
                && cx.w(l + 1) == "."
                && cx.toks[l + 1].start == cx.toks[l].end
                && cx.w(l).len() <= 4
                && cx.g.titles.contains(format!("{}.", cx.w(l)).as_str())
                && cand_word(cx, l + 2, all_caps_line)
                // (not "on Oak Dr. Police said": a street's, before a word)
                && !cx.g.is_common(cx.w(l + 2))
            {
                run.pop();
                j = l;
            }
        }
        // "the 65th Air Division", "the 9th Circuit": an ordinal in digits
        // before a body's or a place's name starts it
        if let Some(&f) = run.first() {
            if f > a
                && cx.toks[f - 1].word
                && is_digit_ordinal(cx.w(f - 1))
                && cx.toks[f - 1].end < cx.toks[f].start
                && run.last().is_some_and(|&l| {
                    let w = cx.w(l);
                    cx.g.org_words.contains(w) || features::names_a_body_or_place(w)
                })
            {
                run.insert(0, f - 1);
            }
        }
        // a run as long as MAX_RUN names nothing: it is a list of capitals
        // or a run of names written back to back, no one name
        if run.len() < MAX_RUN {
            emit(run);
        }
        i = j;
    }
}

/// A hyphen at token `j` with one space on each side, in a text that
/// spaces its hyphens (`Ctx::spaces_hyphens`), inside a name ("Comcast -
/// Spectacor", "Hewlett - Packard"): between two capitalized words, the
/// first of which is no English word, no name the tables know (nor a
/// town: "at Cannes - Nair has become"), and never
/// written in the text without a hyphen after it. ("Trump - Putin" are
/// names standing alone; a dash before a word in lower case starts no
/// name; a text that glues its hyphens writes " - " as a dash: "Jonathan
/// Kaplan - England".)
fn spaced_hyphen_in_name(cx: &Ctx, j: usize, b: usize, all_caps_line: bool) -> bool {
    let t = cx.toks[j];
    if t.word || cx.w(j) != "-" || j + 1 >= b || !cx.toks[j - 1].word {
        return false;
    }
    let x = cx.w(j - 1);
    &cx.text[cx.toks[j - 1].end..t.start] == " "
        && &cx.text[t.end..cx.toks[j + 1].start] == " "
        && cx.toks[j + 1].word
        && is_cap(x)
        && !is_all_caps(x)
        && cand_word(cx, j + 1, all_caps_line)
        && !cx.g.is_common(x)
        && !cx.g.is_known_name(x)
        && !features::a_town_or_province(x)
        && !cx.written_without_hyphen(x)
        && cx.spaces_hyphens()
}

/// A hyphen at token `j` glued to a word before it and to a token after it,
/// inside the sentence that ends at `b` ("Chee-hwa", "AK-47").
fn glued_hyphen(cx: &Ctx, j: usize, b: usize) -> bool {
    let t = cx.toks[j];
    !t.word
        && cx.w(j) == "-"
        && j + 1 < b
        && t.start == cx.toks[j - 1].end
        && cx.toks[j + 1].start == t.end
        && cx.toks[j - 1].word
}

/// Where a sentence of tokens `a..b` may be cut into blocks of about `size`
/// tokens: at a comma or a semicolon, which no run of a name goes over.
fn blocks(cx: &Ctx, a: usize, b: usize, size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = a;
    let mut k = a + size;
    while k < b {
        if !cx.toks[k].word && matches!(cx.w(k), "," | ";") {
            out.push((from, k));
            from = k;
            k += size;
        } else {
            k += 1;
        }
    }
    out.push((from, b));
    out
}

/// The end of a partnership's name whose first partner `i` the comma `j`
/// follows: capitalized names (with commas between) up to "and Co" or
/// "& Co" ("Goldman, Sachs and Co", "Smith, Barney, Harris Upham and Co").
/// Not after a place, a known name, a common word, a firm's suffix or a
/// word in capitals ("In London, Smith and Co", "Ltd, Kidder, Peabody and
/// Co", "AZT, Merck and Co" are lists).
fn partners_after_comma(cx: &Ctx, i: usize, j: usize, b: usize) -> Option<usize> {
    let first = cx.w(i);
    if !cx.toks[i].word
        || cx.toks[j].start != cx.toks[i].end
        || !is_cap(first)
        || is_all_caps(first)
        || cx.doubtful(first)
        || cx.g.lookup(first).is_some()
        || is_corporate_end(first)
    {
        return None;
    }
    let mut k = j;
    let mut names = 0;
    while k + 1 < b && k < j + 8 {
        match cx.w(k) {
            "," if cx.toks[k + 1].word && is_cap(cx.w(k + 1)) => k += 1,
            "and" | "&" if names > 0 => {
                if !matches!(cx.w(k + 1), "Co" | "Cos" | "Company") {
                    return None;
                }
                // ("Kidder, Peabody and Co Inc")
                let mut end = k + 2;
                while end < b && cx.toks[end].word && is_corporate_end(cx.w(end)) {
                    end += 1;
                }
                return Some(end);
            }
            w if cx.toks[k].word && is_cap(w) && !is_corporate_end(w) => {
                names += 1;
                k += 1;
            }
            _ => return None,
        }
    }
    None
}

/// Whether the possessive at token `j` is part of a firm's name: "McDonald's
/// Corp", "Heck's Inc" (a firm's suffix right after it), or "Moody's
/// Investors Service Inc", "St Mary's Hospital" (capitalized words after
/// it with a firm's suffix or an institution's or a place's word, where
/// the text never writes "Moody" or "Mary" without its possessive). Not
/// after a place, a demonym or a body ("Japan's Toshiba Corp", "Chrysler
/// Corp's Jeep Corp"), a person, a listed firm or an acronym, nor after an
/// owner the text also names alone ("Rupert Murdoch ... Murdoch's News
/// Corp Ltd"), unless the owner is an office's holder ("Sheriff Robert
/// Pickell ... the County Sheriff's Office").
fn firm_possessive(cx: &Ctx, j: usize, b: usize) -> bool {
    let owner = cx.w(j - 1);
    // (a saint's name is no place: "St Mary's", though Mary is a city)
    let saint = j >= 2 && {
        let w = cx.w(j - 2);
        SAINT_FORT_MOUNT.contains(&w.trim_end_matches('.')) || w == "Saint"
    };
    // (an owner of several words the tables know: "United Kingdom's")
    let known_owner = (1..=3.min(j)).any(|n| {
        let (s, e) = (cx.toks[j - n].start, cx.toks[j - 1].end);
        cx.toks[j - n].word && cx.g.lookup(&cx.text[s..e]).is_some()
    });
    // (nor a person's, a listed firm's or an acronym's: "Harold Wilson's
    // Labour Party", "Tesco's Cromwell Road", "BBC One's Fame Academy")
    let person_owner = !saint && j >= 2 && cx.g.first_names.contains(cx.w(j - 2));
    if !cx.toks[j - 1].word
        || !is_cap(owner)
        || !saint && known_owner
        || person_owner
        || is_all_caps(owner)
        || cx.g.companies.contains_key(owner)
        || cx.g.demonyms.contains(owner)
        || is_corporate_end(owner)
        || cx.g.is_org_word_or_plural(owner)
    {
        return false;
    }
    if is_corporate_end(cx.w(j + 1)) {
        return true;
    }
    // the capitalized words after it: a firm's suffix among them, or an
    // institution's or a place's word ("St Mary's Hospital", "Guy's
    // Hospital Medical School")
    let firm_after = (j + 1..b)
        .take(5)
        .take_while(|&k| cx.toks[k].word && is_cap(cx.w(k)))
        .any(|k| {
            let w = cx.w(k);
            is_corporate_end(w) || cx.g.is_org_word_or_plural(w) || cx.g.place_words.contains(w)
        });
    // (an office's holder written alone elsewhere is no name of its own:
    // "Sheriff Robert Pickell ... the Marion County Sheriff's Office")
    firm_after && (!cx.written_alone(owner) || is_title_or_role(cx, owner))
}

/// A title ("Governor") or a lower-case role word ("sheriff") in any case.
fn is_title_or_role(cx: &Ctx, w: &str) -> bool {
    cx.g.titles.contains(w) || with_lower(w, |l| ROLE_WORDS.contains(&l))
}

/// A group of people in the possessive, which starts the name after it
/// ("People's Republic", "Children's Hospital", "Workers' Party").
fn is_group_possessive(w: &str, mark: &str) -> bool {
    match mark {
        "'s" | "’s" => matches!(w, "People" | "Children" | "Women" | "Men"),
        "'" | "’" => matches!(
            w,
            "Workers" | "Veterans" | "Farmers" | "Teachers" | "Citizens" | "Nurses" | "Miners"
        ),
        _ => false,
    }
}

/// A title or role word that teams, firms and bodies have as well as people
/// ("host", "leader", "star": "Bolton host Arsenal", "market leader Nintendo").
pub fn is_role_of_bodies_too(t: &str) -> bool {
    with_lower(t, |t| {
        matches!(
            t,
            "host"
                | "hosts"
                | "leader"
                | "leaders"
                | "star"
                | "stars"
                | "player"
                | "players"
                | "head"
                | "chief"
                | "king"
                | "kings"
                | "premier"
                | "executive"
        )
    })
}

/// A role firms have in a deal ("lead manager Salomon Brothers", "financial
/// adviser Smith Barney", "analysts Gartner"): a person's title only before a
/// first name, and even then weak evidence ("lead manager Morgan Stanley").
pub fn is_firm_role(t: &str) -> bool {
    with_lower(t, |t| FIRM_ROLES.contains(&t))
}

/// The words that end a firm's name and are none alone ("Corp", "Inc").
fn is_corporate_end(w: &str) -> bool {
    super::gazetteer::Gazetteer::get().company_ends.contains(w)
}

/// "North", "South", "East", "West": alone, a direction or a region ("the
/// West"), seldom a firm's or a person's name.
pub fn is_compass_point(w: &str) -> bool {
    matches!(w, "North" | "South" | "East" | "West")
}

/// Whether the words `before` and `after` a middle initial are both
/// capitalized and no English word, nor a name the tables know as a place
/// or a body: a person's first name and surname ("Raj K. Chohan", "Newell
/// H. Beaty"), where "World War I. Then" and "Plan B. Smith" are not.
fn unknown_around_initial(cx: &Ctx, before: usize, after: usize) -> bool {
    let unknown = |i: usize| {
        let w = cx.w(i);
        cx.toks[i].word
            && is_cap(w)
            && !is_all_caps(w)
            && !cx.g.is_common(w)
            && cx.g.lookup(w).is_none()
    };
    after < cx.toks.len() && unknown(before) && unknown(after)
}

/// Whether the full stop `j` ends one of two initials or more, each with
/// its stop and a space, that a capitalized word follows ("T. S. Eliot",
/// "C. H. Douglas"): the run so far holds only those initials.
fn initials_before_a_name(cx: &Ctx, run: &[usize], j: usize, b: usize) -> bool {
    let initial = |k: usize| cx.toks[k].word && is_initial(cx.w(k));
    if !run.iter().all(|&r| initial(r) || cx.w(r) == ".") {
        return false;
    }
    // the initials, each with its stop: "U.S."
    let mut letters: String = run
        .iter()
        .filter(|&&r| initial(r))
        .map(|&r| format!("{}.", cx.w(r)))
        .collect();
    // the initials after this stop
    let mut k = j + 1;
    while k + 2 < b && initial_with_stop(cx, k) && cx.toks[k + 2].start == cx.toks[k + 1].end + 1 {
        letters.push_str(cx.w(k));
        letters.push('.');
        k += 2;
    }
    // (not an abbreviation the tables know, "U. S.", nor a clock's "P. M."
    // or a degree before more capitals: "M. B. A", "A. M. FEB")
    let w = cx.w(k.min(b - 1));
    letters.len() >= 4
        && k < b
        && cx.toks[k].word
        && is_cap(w)
        && w.len() > 1
        && !is_all_caps(w)
        && cx.g.lookup(&letters).is_none()
}

/// One capital letter with a full stop glued after it: "T." of "T. S. Eliot".
fn initial_with_stop(cx: &Ctx, i: usize) -> bool {
    is_initial(cx.w(i))
        && cx
            .toks
            .get(i + 1)
            .is_some_and(|t| t.start == cx.toks[i].end && t.text(cx.text) == ".")
}

/// Whether `initial` and `word` read as a person's initial and surname
/// ("S Jones", "T Wynne"): one capital letter (not the words "A" and
/// "I"), then a capitalized word of letters that no table knows (no place,
/// town, body or company), that is no common English word and no place's,
/// body's or event's word ("S Africa", "X Factor", "V Festival" are not; "D
/// Bell" is left to the model).
fn initial_and_surname(g: &Gazetteer, initial: &str, word: &str) -> bool {
    is_initial(initial)
        && !matches!(initial, "A" | "I")
        && word.chars().count() >= 2
        && is_cap(word)
        && !is_all_caps(word)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && !g.is_common(word)
        && g.lookup(word).is_none()
        && !g.companies.contains_key(word)
        && !features::a_town_or_province(word)
        && !features::proper_place(word)
        && !g.is_org_word_or_plural(word)
        && !g.event_words.contains(word)
        && !g.place_words.contains(word)
}

/// One capital letter: an initial.
pub fn is_initial(w: &str) -> bool {
    w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase())
}

/// "AM", "PM" or a time zone's code right after a time of day ("8:13 AM
/// PDT"): part of the time, no name.
fn is_clock_mark(cx: &Ctx, i: usize) -> bool {
    let w = cx.w(i);
    // (in lower case only before a zone: "9 p.m. ET")
    let mark = |w: &str| {
        matches!(
            w,
            "AM" | "PM" | "A.M." | "P.M." | "a.m." | "p.m." | "am" | "pm"
        )
    };
    let zone = |w: &str| cx.g.not_names.contains(w) && is_all_caps(w) || CLOCK_ZONES.contains(&w);
    if !(mark(w) || zone(w)) {
        return false;
    }
    // the word before, across spaces: a time ("8:13", "10"), a mark, or a
    // zone that is one ("07:05 PM ET EDT")
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    let p = cx.w(prev);
    let time = !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || b == b':');
    time && p.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || mark(p)
        || zone(p) && is_clock_mark(cx, prev)
}

/// Time zones' codes that are other names elsewhere ("CT"), zones only
/// after a time (`assets/ner/clock_zones.txt`).
static CLOCK_ZONES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/clock_zones.txt")));

fn cand_word(cx: &Ctx, i: usize, all_caps_line: bool) -> bool {
    let t = cx.toks[i];
    if !t.word {
        return false;
    }
    let w = cx.w(i);
    if is_camel(w) && !all_caps_line {
        return true;
    }
    // "I'm", "I've", "I'd": the pronoun
    if w.starts_with("I'") || w.starts_with("I’") {
        return false;
    }
    if !is_cap(w) || is_calendar(w) {
        return false;
    }
    if is_weekdays(w) {
        let cap_word = |j: usize| cx.toks[j].word && is_cap(cx.w(j));
        let name_before = i > 0 && cap_word(i - 1) && cx.toks[i - 1].end < t.start;
        let name_after = i + 1 < cx.toks.len() && cap_word(i + 1) && t.end < cx.toks[i + 1].start;
        if !name_before && !name_after {
            return false;
        }
    }
    // a month or a day written out in capitals ("WEDNESDAY, MARCH 18"; not
    // "DEC" or "SUN", as often a company's code)
    if w.len() >= 4 && is_all_caps(w) && is_calendar(&titlecase(w)) {
        return false;
    }
    // a clock's marks after a time: "8:13 AM PDT", "10 PM EST"
    if is_clock_mark(cx, i) {
        return false;
    }
    if all_caps_line {
        // in all-caps text only known names count
        return cx.g.aliases.contains_key(w)
            || cx.g.places.contains_key(&titlecase(w))
            || cx.g.aliases_lower.contains_key(&w.to_lowercase()) && w.len() <= 4;
    }
    true
}

/// A number that is a score or a count, not a model: "Sixers 104, Blazers 98",
/// "95-91", "Boeing 100 percent".
fn score_like(cx: &Ctx, j: usize, b: usize) -> bool {
    let next = (j + 1 < b).then(|| cx.w(j + 1));
    let after = (j + 2 < b).then(|| cx.w(j + 2));
    match next {
        // "95-91" is a score, "737-800" a model (two numbers of three digits, glued)
        Some("-") | Some("–") => after.is_some_and(|w| {
            w.bytes().all(|c| c.is_ascii_digit())
                && !(w.len() >= 3 && cx.w(j).len() >= 3 && cx.w(j + 1) == "-")
        }),
        Some(",") => {
            after.is_some_and(is_cap)
                && (j + 3 < b && cx.w(j + 3).bytes().all(|c| c.is_ascii_digit()))
        }
        Some(w) => COUNT_WORDS.contains(&w.to_ascii_lowercase().as_str()),
        None => false,
    }
}

/// A number or a word that counts before a unit ("7.15", "billion", "mln").
fn counted(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || COUNT_WORDS.contains(&w.to_ascii_lowercase().as_str())
}

/// Currencies in the plural (`assets/ner/currency_units.txt`).
static CURRENCY_UNITS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/currency_units.txt")));

static COUNT_WORDS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/count_words.txt")));

fn titlecase(w: &str) -> std::borrow::Cow<'_, str> {
    let mut c = w.chars();
    match c.next() {
        // most words are written so already: no copy
        Some(f) if f.is_uppercase() && !c.as_str().chars().any(char::is_uppercase) => w.into(),
        Some(f) => (f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase()).into(),
        None => w.into(),
    }
}

static OF_HEADS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/of_heads.txt")));

/// Whether a run of capitalized English words goes on over "of the" and
/// the capitalized words after it as one name: a work's, an award's or a
/// show's title ("Passion of the Christ", "Eternal Sunshine of the
/// Spotless Mind", "Top of the Pops", "Player of the Year"), not pieces of
/// it ("Passion" and "Christ"). Not where the word after "the" names a
/// body or a place ("Speaker of the House", "Head of the Army"), a people
/// ("King of the Belgians") or is a name the tables know ("Pirates of the
/// Caribbean" stays as it was); nor after an office's title.
fn title_phrase(cx: &Ctx, run: &[usize], j: usize, b: usize) -> bool {
    if j + 2 >= b || cx.w(j + 1) != "the" || !cx.toks[j + 2].word {
        return false;
    }
    let words: smallvec::SmallVec<[&str; 4]> = run
        .iter()
        .filter(|&&i| cx.toks[i].word)
        .map(|&i| cx.w(i))
        .collect();
    let tail: smallvec::SmallVec<[&str; 4]> = (j + 2..b.min(j + 6))
        .take_while(|&i| cx.toks[i].word && is_cap(cx.w(i)))
        .map(|i| cx.w(i))
        .collect();
    title_phrase_words(cx.g, &words, &tail)
}

/// Whether the tokens hold "of the" (before `of_the_title`, which reads
/// their words).
fn has_of_the(cx: &Ctx, p: &[usize]) -> bool {
    p.windows(2)
        .any(|w| cx.w(w[0]) == "of" && cx.w(w[1]) == "the")
}

/// The evidence that a name's words are a title joined by "of the"
/// (`title_phrase`): "Passion of the Christ".
fn of_the_title(g: &Gazetteer, words: &[&str]) -> Option<Evidence> {
    let k = words.windows(2).position(|w| w == ["of", "the"])?;
    if k == 0 || k + 2 >= words.len() {
        return None;
    }
    let tail: smallvec::SmallVec<[&str; 4]> = words[k + 2..]
        .iter()
        .copied()
        .take_while(|w| is_cap(w))
        .collect();
    title_phrase_words(g, &words[..k], &tail)
        .then(|| Evidence::Context(format!("a title: \"... of the {}\"", words[k + 2])))
}

/// `title_phrase` on the words before "of the" and the capitalized words
/// after it.
fn title_phrase_words(g: &Gazetteer, before: &[&str], tail: &[&str]) -> bool {
    let words = before
        .iter()
        .filter(|w| !matches!(**w, "The" | "the" | "A" | "An"));
    let (Some(&last), Some(&next)) = (words.clone().next_back(), tail.first()) else {
        return false;
    };
    // what comes after "the": no body, place or people, no name the tables
    // know ("Charter of the United Nations", "Fellow of the Royal Society")
    let known_after = || {
        (1..=tail.len().min(3)).any(|n| g.lookup(&tail[..n].join(" ")).is_some())
            || tail
                .iter()
                .any(|w| g.is_org_word_or_plural(w) || g.place_words.contains(*w))
            || g.demonyms.contains(next)
            || features::names_a_body_or_place_in_any_sense(next)
    };
    // before "of": English words, the last a noun that names no body, place
    // or building ("Office of the Mayor", "Temple of the Moon"), no count
    // ("One of the"), no office's title ("Leader of the Opposition"), no
    // persons of a cause ("Friends of the Earth")
    words.clone().all(|w| is_cap(w) && g.is_common(w))
        && features::is_noun(last)
        && !features::names_a_quantity(last)
        && !features::names_a_body_place_or_building(last)
        && !g.is_org_word_or_plural(last)
        && with_lower(last, |l| {
            !COUNT_WORDS.contains(&l) && !ORDINALS.contains(&l) && !FUNCTION_WORDS.contains(&l)
        })
        && (!g.titles.contains(last) || ROYAL.contains(&last))
        && !PORTFOLIO_TITLES.contains(&last)
        && !features::names_persons(last)
        && !known_after()
}

/// May the lower-case connector at `j` join the run to the capitalized word after it?
fn connector_ok(cx: &Ctx, run: &[usize], j: usize, b: usize) -> bool {
    let last = cx.w(*run.last().unwrap());
    let c = cx.w(j);
    if !CONNECTORS.contains(&c) {
        // a town's small word: the tables name the whole ("Newcastle upon
        // Tyne"), from the run's first word after an article
        let Some(&from) = run.iter().find(|&&i| !matches!(cx.w(i), "The" | "the")) else {
            return false;
        };
        return j + 1 < b
            && cx.toks[j + 1].word
            && cx
                .g
                .is_place(&cx.text[cx.toks[from].start..cx.toks[j + 1].end]);
    }
    match c {
        "of" | "for" | "the" => {
            // (a plural head too: "Royal Courts of Justice")
            let head = cx.g.is_org_word_or_plural(last)
                || cx.g.place_words.contains(last)
                || cx.g.titles.contains(last)
                || OF_HEADS.contains(&last)
                || features::names_a_body_place_or_building(last)
                // what a body is for goes on ("Institute for the Study of
                // War", "Centre for Control of Iodine Deficiency Disorders")
                || c == "of" && in_bodys_aim(cx, run)
                || c == "of" && title_phrase(cx, run, j, b);
            c != "the" && head
        }
        "and" | "&" => {
            // "Minister of Trade and Industry Lee Hsien Loong", "Secretary
            // of Health and Human Services": a government office's field
            // goes on past "and"
            if c == "and" && j + 1 < b && cx.toks[j + 1].word && in_portfolio(cx, run) {
                return true;
            }
            // "Pratt and Whitney", where the corpus writes "Pratt & Whitney":
            // one name (one word before "and": "U.S. Standard and Poor's"
            // is a place, then the firm)
            let one_word = run
                .iter()
                .filter(|&&i| cx.toks[i].word && !matches!(cx.w(i), "The" | "the"))
                .count()
                == 1;
            if c == "and"
                && one_word
                && j + 1 < b
                && cx.toks[j + 1].word
                && cx.lex.ampersand_pair(last, cx.w(j + 1))
            {
                return true;
            }
            // the run's first word after an article
            let lead = run
                .iter()
                .position(|&i| !matches!(cx.w(i), "The" | "the"))
                .unwrap_or(0);
            // "Trinidad and Tobago", "Bosnia and Herzegovina": the tables name
            // the whole
            if j + 1 < b && cx.toks[j + 1].word && lead < run.len() {
                let whole = &cx.text[cx.toks[run[lead]].start..cx.toks[j + 1].end];
                if cx.g.lookup(whole).is_some() {
                    return true;
                }
            }
            // "Securities and Exchange Commission": the name goes on to an org
            // word; "Shanghai Airlines and Xiamen Airlines" are two names
            let words = run
                .iter()
                .filter(|&&i| cx.toks[i].word && !matches!(cx.w(i), "The" | "A" | "An"))
                .count();
            if words >= 2 && cx.g.org_words.contains(last) {
                return false;
            }
            // "Bank of England and Treasury": a body of a place ends its name
            // (but "Hong Kong and Shanghai Banking", "British and Commonwealth
            // Shipping" name firms after places)
            let place = |s: &str| cx.g.is_place(s);
            if run.len() - lead >= 3 && place(last) && cx.g.is_org_word_or_plural(cx.w(run[lead])) {
                return false;
            }
            // "Merrill Lynch and Co", "Johnson and Sons": a firm's name goes on
            if j + 1 < b
                && (matches!(cx.w(j + 1), "Co" | "Company")
                    || PARTNERSHIP_WORDS.contains(&cx.w(j + 1)))
            {
                return true;
            }
            // "Ford and General Motors", "IMF and World Bank": a listed firm or
            // an acronym before "and" is a name of its own where another
            // name of two words or more, or one the tables know, follows
            // ("Rohm and Haas" is one firm)
            if lead < run.len() && j + 1 < b && cx.toks[j + 1].word {
                let so_far = &cx.text[cx.toks[run[lead]].start..cx.toks[run[run.len() - 1]].end];
                let acronym = run.len() - lead == 1 && so_far.len() >= 3 && is_all_caps(so_far);
                // (the words after "and", a firm's suffix left off: "Rohm and
                // Haas Co", "Tokio Marine and Fire Insurance Co" are one firm)
                let mut k = j + 1;
                while k < b && cx.toks[k].word && is_cap(cx.w(k)) {
                    k += 1;
                }
                if k > j + 2 && is_corporate_end(cx.w(k - 1)) {
                    k -= 1;
                }
                let named_after = k > j + 1 && {
                    let after = &cx.text[cx.toks[j + 1].start..cx.toks[k - 1].end];
                    cx.g.lookup(after).is_some()
                        || if k - j > 2 {
                            !(j + 1..k).all(|i| cx.g.is_common(cx.w(i)))
                        } else {
                            cx.g.companies.contains_key(after)
                                || after.len() >= 2 && is_all_caps(after)
                        }
                };
                if (acronym || cx.g.companies.contains_key(so_far)) && named_after {
                    return false;
                }
            }
            // "Standard and Poor's": two common words, the second possessed,
            // name one firm ("Britain and France's", "Chrysler and AMC's" are two)
            if words == 1
                && j + 2 < b
                && cx.possessive_at(j + 2)
                && cx.plain_common(last)
                && cx.plain_common(cx.w(j + 1))
            {
                return true;
            }
            // "Heather Mills and Manchester United": a person's full name ends
            // before "and"
            let first = run
                .iter()
                .map(|&i| cx.w(i))
                .find(|w| !matches!(*w, "The" | "A" | "An"));
            if words >= 2 && first.is_some_and(|f| cx.g.first_names.contains(f)) {
                return false;
            }
            // what a body is for, of two common words ("American College
            // of Obstetricians and Gynecologists", "Organization for
            // Security and Co-operation"; not "Bank of England and France",
            // "Ministry of Defence and Foreign Office")
            if in_bodys_aim(cx, run)
                && j + 1 < b
                && cx.toks[j + 1].word
                && is_cap(cx.w(j + 1))
                && cx.plain_common(cx.w(j + 1))
                && !(j + 2 < b && cx.toks[j + 2].word && is_cap(cx.w(j + 2)))
            {
                return true;
            }
            let mut k = j + 1;
            while k < b && cx.toks[k].word && is_cap(cx.w(k)) {
                // (a firm's own last word is no body both names are in:
                // "Goldman Sachs and Shearson Lehman Brothers")
                if cx.g.org_words.contains(cx.w(k)) && cx.w(k) != "Brothers" {
                    return true;
                }
                k += 1;
            }
            false
        }
        // "Rio Grande do Sul", "Dar es Salaam", "Punta del Este" (not "What
        // do Americans": a common word or a demonym after it)
        "do" | "dos" | "das" | "del" | "es" => {
            !run.is_empty()
                && run.len() <= 3
                && j + 1 < b
                && !(c == "do" && cx.g.is_common(cx.w(j + 1)))
                && !cx.g.demonyms.contains(cx.w(j + 1))
        }
        _ => !run.is_empty() && run.len() <= 3,
    }
}

/// Whether the run is past the head of a body's name and the "for" or
/// "of" that says what the body is for ("Institute for", "College of",
/// "Society for the"): the words after it are the body's aim, capitalized
/// words joined as a title joins them.
fn in_bodys_aim(cx: &Ctx, run: &[usize]) -> bool {
    run.windows(2)
        .any(|w| matches!(cx.w(w[1]), "for" | "of") && cx.g.is_org_word_or_plural(cx.w(w[0])))
}

/// Whether the capitalized words from token `k` on say what a body is
/// for ("Institute for the Study of War", "Society for the Prevention of
/// Cruelty"), not whom it works for ("the National Hockey League for the
/// St. Louis Eagles", "Constituency for the National Federation Party"):
/// the first a common word no table knows, none a body's word.
fn bodys_aim_after(cx: &Ctx, k: usize, b: usize) -> bool {
    k < b
        && cx.plain_common(cx.w(k))
        && (k..b)
            .take_while(|&i| cx.toks[i].word && (is_cap(cx.w(i)) || cx.w(i) == "of"))
            .all(|i| !cx.g.is_org_word_or_plural(cx.w(i)))
}

#[allow(clippy::too_many_arguments)]
fn process_run(
    cx: &Ctx,
    a: usize,
    b: usize,
    run: &[usize],
    initial: &[bool],
    headline: bool,
    all_caps: bool,
    out: &mut Vec<Mention>,
) {
    // 0. a currency counted after a number is no part of the name before it
    // ("7.15 billion N.Z. Dlrs", "five billion Ecus")
    let run = match run.split_last() {
        Some((&last, rest))
            if CURRENCY_UNITS.contains(&cx.w(last)) && run[0] > a && counted(cx.w(run[0] - 1)) =>
        {
            rest
        }
        _ => run,
    };
    if !run.last().is_some_and(|&i| cx.toks[i].word) {
        return;
    }
    // 1. split at titles; the part after a title is a person, the part before a
    // company title is its company ("Ryanair CEO Michael O'Leary")
    // the parts are slices of the run: `cur` is run[from..k]
    let mut parts: smallvec::SmallVec<[Part; 2]> = Default::default();
    let mut from = 0;
    let mut pending_title: Option<String> =
        preceding_role(cx, a, run[0]).filter(|r| !role_describes_a_thing(cx, r, run));
    let mut k = 0;
    // "Lord of the Rings", "Return of the King": a work's title of the form
    // "A of the B" holds no office's title
    if has_of_the(cx, run) && of_the_title(cx.g, &words_of(cx, run)).is_some() {
        k = run.len();
    }
    while k < run.len() {
        let n = if cx.toks[run[k]].word {
            cx.title_at(run, k)
        } else {
            0
        };
        if n == 0 {
            k += 1;
            continue;
        }
        let t = join_words(cx, &run[k..k + n]);
        let company_title = COMPANY_TITLES.contains(&t.as_str()) && from < k;
        // a title must be followed by more of the run to count as one; one
        // before "of" is a role of the body after it, whatever the body's
        // last word ("Chief Operating Officer of AirTran Airways")
        let role_of = k + n < run.len() && cx.w(run[k + n]) == "of";
        if (k + n < run.len() || company_title) && (role_of || !org_ending(cx, &run[k..])) {
            // "Deputy Treasury Secretary": the words before a title are part
            // of it when a rank word starts them and only common words follow
            // (and so is one common word that names a field, no body, place
            // or building by WordNet: a portfolio, "Agriculture Secretary",
            // "Finance Minister"; not "Navy Secretary", "White House Chief
            // of Staff", nor a name the tables know: "Apple President")
            let portfolio = from + 1 == k && {
                let w = cx.w(run[from]);
                cx.toks[run[from]].word
                    && cx.g.is_common(w)
                    && !cx.g.is_known_name(w)
                    && !cx.g.is_org_word_or_plural(w)
                    && !features::names_a_body_place_or_building(w)
                    && !features::names_a_person(w)
            };
            let rank = from < k
                && !company_title
                && (portfolio
                    || with_lower(cx.w(run[from]), |w| TITLE_RANKS.contains(&w))
                        && run[from + 1..k]
                            .iter()
                            .all(|&i| !cx.toks[i].word || cx.g.is_common(cx.w(i)))
                    // ("Civilian Deputy Undersecretary": a common word before
                    // the rank)
                    || run[from..k]
                        .iter()
                        .any(|&i| with_lower(cx.w(i), |w| TITLE_RANKS.contains(&w)))
                        && run[from..k].iter().all(|&i| {
                            !cx.toks[i].word
                                || cx.g.is_common(cx.w(i)) && !cx.g.is_known_name(cx.w(i))
                        }));
            // "U.S. Trade Representative", "British Foreign Secretary", "EC
            // Farm Commissioner": a place or a known body, then common words
            // that belong to the title
            let place_then_common = (!rank && !company_title && from + 1 < k)
                .then(|| {
                    (from + 1..k).find(|&j| {
                        cx.toks[run[j]].word
                            && run[j..k]
                                .iter()
                                .all(|&i| !cx.toks[i].word || cx.doubtful(cx.w(i)))
                            && {
                                let w = join_words(cx, &run[from..j]);
                                // (or a body the tables know: "EC Farm Commissioner")
                                cx.g.demonyms.contains(w.as_str()) || cx.g.lookup(&w).is_some()
                            }
                    })
                })
                .flatten();
            let keep_to = place_then_common.unwrap_or(k);
            if from < keep_to && !rank {
                let owner = company_title.then(|| t.clone());
                parts.push((&run[from..keep_to], pending_title.take(), owner));
            }
            let t = if rank {
                format!("{} {t}", join_words(cx, &run[from..k]))
            } else if keep_to < k {
                format!("{} {t}", join_words(cx, &run[keep_to..k]))
            } else {
                t
            };
            // "MP for West Ham", "Minister for Europe", "President of Boeing":
            // what follows is the seat's or the body's name, no person's
            let for_seat = run.get(k + n).is_some_and(|&i| cx.w(i) == "for");
            k += n;
            from = k;
            if role_of || for_seat {
                // but "Secretary of Commerce Malcolm Baldrige", "Minister of
                // State for Finance Tom Hockin": the office's common words, then
                // a person's first name: the title's, and the person's name
                // (a first name that is also a common word before a name that is
                // not one: "Tom Hockin")
                let person = (k + 1..run.len()).find(|&q| {
                    let w = cx.w(run[q]);
                    let next_name = run.get(q + 1).is_some_and(|&j| {
                        cx.toks[j].word && is_cap(cx.w(j)) && !cx.g.is_common(cx.w(j))
                    });
                    cx.toks[run[q]].word
                        && cx.g.first_names.contains(w)
                        && (!cx.g.is_common(w) || next_name)
                });
                // an office's word: a common word, a connector, a mark
                let office_word = |&i: &usize| office_word(cx, i);
                let office = person.filter(|&q| run[k..q].iter().all(office_word));
                match office {
                    Some(q) => {
                        pending_title = Some(format!("{t} {}", join_words(cx, &run[k..q])));
                        k = q;
                        from = q;
                    }
                    // "President of Boeing", "Minister for Europe": a body's or a
                    // place's name; "Minister of State for Foreign Affairs Rashid
                    // Abdulla": an office's words, then the person
                    None if role_of && portfolio_title(&t) => {
                        match portfolio_holder(cx, run, k) {
                            // "Minister of Energy and Mines Subroto": the
                            // holder, by a name no table knows
                            Some(q) => {
                                pending_title = Some(format!("{t} {}", join_words(cx, &run[k..q])));
                                k = q;
                                from = q;
                            }
                            // "the Secretary of Defense", "Secretary of
                            // State": the field, no name
                            None if run[k..].iter().all(office_word)
                                && run.get(k + 1).is_some_and(|&i| cx.w(i) != "the") =>
                            {
                                pending_title = None;
                                k = run.len();
                                from = k;
                            }
                            None => pending_title = None,
                        }
                    }
                    None => {
                        let proper = run[k..]
                            .iter()
                            .find(|&&i| cx.toks[i].word && !CONNECTORS.contains(&cx.w(i)))
                            .is_some_and(|&i| {
                                // ("MP for West Ham": a seat)
                                !cx.g.is_common(cx.w(i)) || COMPASS.contains(&cx.w(i))
                            });
                        // (nothing but the office's common words: no one
                        // holds the title here, "He Kang, Minister of
                        // Agriculture, said", "the Secretary of Agriculture")
                        let office_only = run[k..].iter().all(office_word);
                        pending_title = (!proper && !office_only).then_some(t);
                    }
                }
            } else {
                pending_title = Some(t);
            }
            continue;
        }
        k += 1;
    }
    let mut cur = &run[from..];
    // a title that ends the run has no name after it: "the US President
    // added" names the country; "said Ryanair CEO" the company
    let mut owner = None;
    if cur.len() >= 2 && cx.toks[cur[0]].word {
        if let Some(k) =
            (1..cur.len()).find(|&k| cx.toks[cur[k]].word && cx.title_at(cur, k) == cur.len() - k)
        {
            let t = join_words(cx, &cur[k..]);
            let rest = &cx.text[cx.toks[cur[0]].start..cx.toks[cur[k - 1]].end];
            // only where what is left is a known place or company, or the title
            // a company's ("Billy King", "Gordon Advisors" are names)
            let known = cx.g.lookup(rest).is_some() || cx.g.companies.contains_key(rest);
            let company_title = COMPANY_TITLES.contains(&t.as_str());
            if !org_ending(cx, cur) && (known || company_title) {
                owner = company_title.then_some(t);
                cur = &cur[..k];
            }
        }
    }
    if !cur.is_empty() {
        parts.push((cur, pending_title.take(), owner));
    }
    let mut pieces = Pieces::new();
    let mut doubted = smallvec::SmallVec::<[usize; 2]>::new();
    for (part, title, owner) in parts {
        pieces.clear();
        doubted.clear();
        clean(
            cx,
            a,
            part,
            initial,
            (headline, all_caps),
            &mut pieces,
            &mut doubted,
        );
        for piece in &pieces {
            if let Some(mut m) =
                make_mention(cx, a, b, piece, title.clone(), owner.clone(), all_caps)
            {
                // a title in quotes that only common words make: a work's
                // ("\"Million Dollar Mermaid\"", "\"A Beautiful Mind\"")
                if doubted.contains(&piece[0]) {
                    if is_quoted_title(cx, piece) {
                        m.ty = EntityType::Other;
                        m.evidence = Evidence::Context("a title in quotes".into());
                    } else {
                        m.evidence = Evidence::Proposed;
                    }
                }
                out.push(m);
            }
        }
    }
}

/// The words among a piece's tokens (no marks: "U.S." and "-" apart).
fn words_of<'a>(cx: &'a Ctx, p: &[usize]) -> Words<'a> {
    p.iter()
        .filter(|&&i| cx.toks[i].word)
        .map(|&i| cx.w(i))
        .collect()
}

/// A piece's words with one space between: as written, most often (no
/// copy then).
fn spaced_name<'a>(cx: &'a Ctx, p: &[usize], words: &[&str]) -> std::borrow::Cow<'a, str> {
    let written = &cx.text[cx.toks[p[0]].start..cx.toks[p[p.len() - 1]].end];
    if written.split(' ').eq(words.iter().copied()) {
        written.into()
    } else {
        words.join(" ").into()
    }
}

/// The words of tokens joined by one space ("Chief Executive").
fn join_words(cx: &Ctx, idx: &[usize]) -> String {
    let mut s = String::new();
    for &i in idx {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(cx.w(i));
    }
    s
}

/// Titles of nobility that take "of" and a place ("Duke of Edinburgh").
static ROYAL: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/royal.txt")));

/// Prefixes of ships' names ("INS Sukanya", "USS Cole").
static SHIP_PREFIXES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/ship_prefixes.txt")));

/// Lower-case roles in a team after its name ("Chelsea boss Jose Mourinho").
static TEAM_ROLES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/team_roles.txt")));

/// Roles in a firm or a body, between its name and a person's: "WorldCom
/// chief Bernard Ebbers", "FBI director James Comey" (not a person's
/// helpers: "Putin spokesman Dmitry Peskov").
static BODY_ROLES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/body_roles.txt")));

/// Words of rank that start a longer title ("Deputy Treasury Secretary").
static TITLE_RANKS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/title_ranks.txt")));

/// Titles whose holder works for the name before them ("Apple CEO").
static COMPANY_TITLES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/company_titles.txt")));

/// Does the run end with an organization word ("Treasury Department")?
fn org_ending(cx: &Ctx, run: &[usize]) -> bool {
    run.last()
        .is_some_and(|&i| cx.g.org_words.contains(cx.w(i)))
}

/// A lower-case word naming a kind of organization just before the name
/// ("airline Aer Lingus", "engine maker Europrop", "the band the Beatles").
fn org_cue_before(cx: &Ctx, a: usize, first: usize) -> Option<String> {
    let mut p = first.checked_sub(1).filter(|&p| p >= a)?;
    for skip in [",", "the"] {
        if cx.w(p) == skip {
            p = p.checked_sub(1).filter(|&p| p >= a)?;
        }
    }
    let w = cx.w(p);
    (cx.toks[p].word && ORG_CUES.contains(&w)).then(|| w.to_string())
}

static ORG_CUES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/org_cues.txt")));

/// "Philadelphia 76ers", "San Diego Chargers": a place, then a plural nickname.
fn is_team(cx: &Ctx, name: &str, words: &[&str]) -> bool {
    let last = words[words.len() - 1];
    if last.ends_with("ers") && last.bytes().next().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    // or a known place and place words: "Queens Park Rangers" (the place
    // joined only for a name that may be a team's)
    let n = words.len();
    // (the place as written too: "St. Louis Eagles")
    let written = name
        .rsplit_once(' ')
        .map_or("", |(head, _)| head.trim_end_matches(','));
    let placed = || {
        cx.g.places.contains_key(words[..n - 1].join(" ").as_str())
            || cx.g.places.contains_key(written)
            || n >= 3
                && cx.g.places.contains_key(words[0])
                && words[1..n - 1].iter().all(|w| cx.g.place_words.contains(w))
    };
    // (or a people's plural: "Cleveland Indians", "Houston Texans"; or
    // the plural of a word that is no name a person or a place has:
    // "New York Yankees", "Pittsburgh Steelers"; not "Austin Rogers")
    let one = last.strip_suffix('s').unwrap_or("");
    // (the place no first name: "Paris Kyriakides", "Nancy O'Higgins")
    let unnamed_plural = || {
        !cx.g.first_names.contains(words[0])
            && last.chars().all(|c| c.is_ascii_alphabetic())
            && !features::usual_surname(last)
            && !features::usual_surname(one)
            && !cx.g.first_names.contains(one)
            && !cx.g.first_names.contains(last)
            && cx.g.lookup(last).is_none()
            && cx.g.lookup(one).is_none()
    };
    last.len() > 3
        && !last.ends_with("ss")
        && !one.is_empty()
        && (cx.g.is_common(one) || cx.g.demonyms.contains(one) || unnamed_plural())
        && placed()
}

/// A lower-case role word just before the name ("spokesman Dmitry Peskov").
fn preceding_role(cx: &Ctx, a: usize, first: usize) -> Option<String> {
    if first == a {
        return None;
    }
    let mut p = first - 1;
    if !cx.toks[p].word && cx.w(p) == "," && p > a {
        p -= 1;
    }
    // a title abbreviated with a full stop: "Dr. Okonkwo", "Sgt. Hoyt
    // Teasley" (the stop ends the run of capitalized words)
    if !cx.toks[p].word && cx.w(p) == "." && p > a && cx.toks[p - 1].word {
        let t = cx.w(p - 1);
        if cx.g.titles.contains(format!("{t}.").as_str()) {
            return Some(t.to_string());
        }
    }
    // "to host Arsenal", "will head Barclays": the role word is a verb
    let verb = p > a
        && matches!(
            cx.w(p - 1),
            "to" | "will" | "would" | "can" | "could" | "may"
        );
    (cx.toks[p].word && !verb && with_lower(cx.w(p), |w| ROLE_WORDS.contains(&w)))
        .then(|| cx.w(p).to_string())
}

/// Whether a role word that is an adjective too describes the thing a
/// one-word name and a lower-case word after it name ("the official Tanjug
/// news agency", "its official Web site"), where no verb follows the name
/// ("official Xu said", "official Xu, who").
fn role_describes_a_thing(cx: &Ctx, role: &str, run: &[usize]) -> bool {
    let [only] = run else {
        return false;
    };
    let Some(next) = cx.toks.get(only + 1).filter(|t| t.word) else {
        return false;
    };
    let w = next.text(cx.text);
    let verb_like = SAY_WORDS.contains(&w)
        || AUXILIARIES.contains(&w)
        || w.ends_with("n't")
        || w.len() > 4 && w.ends_with("ed");
    with_lower(role, |r| ROLE_ADJECTIVES.contains(&r))
        && w.starts_with(char::is_lowercase)
        && !verb_like
}

/// Splits a run into the pieces that are really names (slices of it);
/// where the context proposes them, the pieces of common words the rules
/// doubt too, their first tokens in `doubted`.
fn clean<'p>(
    cx: &Ctx,
    a: usize,
    part: &'p [usize],
    initial: &[bool],
    (headline, all_caps): (bool, bool),
    out: &mut Pieces<'p>,
    doubted: &mut smallvec::SmallVec<[usize; 2]>,
) {
    // "Lord of the Rings", "Return of the King": a work's title of the form
    // "A of the B" is one piece, not cut at its title's or common words (not
    // in a headline, which capitalizes every word); `classify` types it,
    // or the quotes do ("a title in quotes", below)
    if !headline
        && !all_caps
        && has_of_the(cx, part)
        && of_the_title(cx.g, &words_of(cx, part)).is_some()
    {
        if keep_piece(cx, a, part) != Keep::No {
            if is_quoted_title(cx, part) {
                doubted.push(part[0]);
            }
            out.push(part);
        }
        return;
    }
    let mut pieces = Pieces::new();
    // lone first names at a sentence's start, proposed to the model
    let mut lone_first = smallvec::SmallVec::<[usize; 2]>::new();
    // the piece being grown is part[from..pos]
    let mut from = 0;
    for (pos, &i) in part.iter().enumerate() {
        let t = cx.toks[i];
        let w = cx.w(i);
        if !t.word || CONNECTORS.contains(&w) {
            continue;
        }
        let at_initial = initial[i - a];
        // "Saudi Arabia", "South Korea", "New Zealand", "General Motors": a
        // demonym or a common word that starts a known name
        let starts_place = || {
            (2..=3).any(|k| {
                pos + k <= part.len() && {
                    let s = &cx.text[cx.toks[i].start..cx.toks[part[pos + k - 1]].end];
                    cx.g.lookup(s).is_some() || cx.g.companies.contains_key(s)
                }
            })
        };
        // "Mark Papermaster", "Bill Gates": a first name that is also a common
        // word, before a name that is not one
        // (not before an acronym or a model: "Many BT customers", "So MP3")
        let first_name_of = || {
            cx.g.first_names.contains(w)
                && !with_lower(w, |l| {
                    PLACE_PREPS.contains(&l) || FUNCTION_WORDS.contains(&l)
                })
                && part.get(pos + 1).is_some_and(|&j| {
                    let n = cx.w(j);
                    cx.toks[j].word
                        && is_cap(n)
                        && !cx.g.is_common(n)
                        && !is_all_caps(n)
                        && !n.bytes().any(|c| c.is_ascii_digit())
                })
        };
        let ampersand_start = || {
            let then = |and: bool| {
                part.get(pos + 2).is_some_and(|&j| {
                    cx.toks[j].word && (!and || cx.lex.ampersand_pair(w, cx.w(j)))
                })
            };
            match part.get(pos + 1).map(|&j| cx.w(j)) {
                Some("&") => then(false),
                Some("and") => then(true),
                _ => false,
            }
        };
        // "Liberal Democrats": the tables name the whole
        let whole_known = || {
            part.len() > 1 && {
                let s = &cx.text[cx.toks[part[0]].start..cx.toks[part[part.len() - 1]].end];
                cx.g.lookup(s).is_some()
            }
        };
        // "Liberal Democrat Charles Kennedy": a known name the word ends
        let ends_known = || {
            (1..=2).any(|k| {
                pos >= k && {
                    let s = &cx.text[cx.toks[part[pos - k]].start..cx.toks[i].end];
                    cx.g.lookup(s).is_some()
                }
            })
        };
        // "Russian Foreign Ministry", "Saudi Arabia", "Liberal Democrats";
        // "the Russian Empire", "the Canadian League of Rights": the name's
        // head noun (before "of") names a body or a place, by WordNet
        let demonym_kept = || {
            let head = || {
                part[pos + 1..]
                    .iter()
                    .map(|&j| cx.w(j))
                    .take_while(|&w| w != "of")
                    .filter(|w| is_cap(w))
                    .last()
            };
            pos + 1 < part.len() && cx.g.org_words.contains(cx.w(*part.last().unwrap()))
                // "Cleveland Indians", "Royal Scots": a people's plural after
                // another capitalized word of the name ends a team's or a
                // regiment's name
                || pos > 0
                    && w.ends_with('s')
                    && part[..pos]
                        .iter()
                        .any(|&j| {
                            cx.toks[j].word
                                && is_cap(cx.w(j))
                                && !initial[j - a]
                                && !is_compass_point(cx.w(j))
                        })
                || starts_place()
                || whole_known()
                || ends_known()
                || head().is_some_and(|h| {
                    cx.g.org_words.contains(h) || features::names_a_body_or_place(h)
                })
        };
        // "Versatile Corp", "Archive Inc": a common word before a firm's suffix
        // ("Heck's Inc": with a possessive between)
        let firm_name = (part.len() == pos + 2 && is_corporate_end(cx.w(part[pos + 1]))
            || part.len() == pos + 3
                && matches!(cx.w(part[pos + 1]), "'s" | "’s")
                && is_corporate_end(cx.w(part[pos + 2])))
            && w.len() > 3
            && !is_small(w);
        // "Mario J. Lucero", "George W. Bush" in a headline: a middle
        // initial after a first name is the name's, and so is the word after
        let after_first = |k: usize| {
            k > 0 && is_initial(cx.w(part[k])) && cx.g.first_names.contains(cx.w(part[k - 1]))
        };
        let word_before = (0..pos).rev().find(|&q| cx.toks[part[q]].word);
        let middle_initial =
            pos + 1 < part.len() && after_first(pos) || word_before.is_some_and(after_first);
        // (an initial with its stop: "C. H. Douglas"; or without it before
        // a surname, as team sheets write: "G Thomas, S Jones")
        let dotted_initial = is_initial(w)
            && part.get(pos + 1).is_some_and(|&j| {
                cx.w(j) == "." || cx.toks[j].start > t.end && initial_and_surname(cx.g, w, cx.w(j))
            });
        // "South Bridgton", "West Bengal", "South African Airways" at a
        // sentence start: a compass word before a name that is no English
        // word, nor a demonym alone ("North Korean officials")
        let compass_part = is_compass_point(w)
            && part.get(pos + 1).is_some_and(|&j| {
                let n = cx.w(j);
                cx.toks[j].word
                    && is_cap(n)
                    && !cx.doubtful(n)
                    && (!cx.g.demonyms.contains(n) || part.len() > pos + 2)
                    && n.chars().all(char::is_alphabetic)
            });
        // "Fourth Air Force", "Fifth Avenue" at a sentence start: an ordinal
        // before a name that a body's or a place's word ends
        let ordinal_part = ORDINALS.contains(&w)
            && part.len() > pos + 1
            && part[pos + 1..]
                .iter()
                .all(|&j| cx.toks[j].word && is_cap(cx.w(j)))
            && part.last().is_some_and(|&j| {
                let l = cx.w(j);
                cx.g.is_org_word_or_plural(l) || cx.g.place_words.contains(l)
            });
        // "Twin Lake had a stop", "Security Pacific said": the text writes
        // the same two words capitalized mid-sentence too (a title or a
        // person's noun stays off: "Deputy Ortiz")
        let written_inside = at_initial
            && !headline
            && !cx.g.title_first.contains(w)
            && !features::names_a_person(w)
            && part.get(pos + 1).is_some_and(|&j| {
                cx.toks[j].word
                    && is_cap(cx.w(j))
                    && cx.toks[i].end + 1 == cx.toks[j].start
                    && (cx
                        .inside_pairs
                        .contains(&cx.text[cx.toks[i].start..cx.toks[j].end])
                        || cx.lex.pair_inside(w, cx.w(j)))
            });
        let kept = firm_name
            || middle_initial
            || dotted_initial
            || compass_part
            || ordinal_part
            || written_inside;
        // "Latin American debt", "West German banks": the two words are a
        // demonym of a place the tables know ("Latin America", "West
        // Germany"), no name, where nothing follows them
        let place_demonym = part.len() == pos + 2
            && cx.toks[part[pos + 1]].word
            && cx.g.demonyms.contains(cx.w(part[pos + 1]))
            && {
                let d = cx.w(part[pos + 1]);
                let stems = [
                    d.strip_suffix('n').map(str::to_string),
                    Some(format!("{d}y")),
                ];
                stems
                    .into_iter()
                    .flatten()
                    .any(|stem| cx.g.is_place(&format!("{w} {stem}")))
            };
        let drop = place_demonym
            || (at_initial || headline)
                && !all_caps
                && !kept
                && (cx.doubtful(w) || part.len() == 1 && cx.doubtful_alone(w))
                && !cx.surnames.contains(w)
                && !cx.g.org_words.contains(w)
                && !starts_place()
                && !first_name_of()
                // ("Marks & Spencer said"; "Marks and Spencer said", where
                // the corpus writes "Marks & Spencer": the name's first word;
                // not in a headline, where every word has a capital: "Hit &
                // Run")
                && (headline || !ampersand_start())
            || cx.g.demonyms.contains(w) && !demonym_kept();
        // "President of Boeing Alan Mulally": a first name after a listed
        // company starts the person's name
        // (a surname after it, no model: "Rolls-Royce Trent 900" is an engine)
        let surname_next = || {
            part.get(pos + 1).is_some_and(|&j| {
                cx.toks[j].word && is_cap(cx.w(j)) && cx.w(j).chars().all(char::is_alphabetic)
            })
        };
        if from < pos && cx.g.first_names.contains(w) && surname_next() {
            let lead = (from..pos)
                .find(|&q| cx.toks[part[q]].word && !CONNECTORS.contains(&cx.w(part[q])));
            if let Some(lead) = lead {
                let before = &cx.text[cx.toks[part[lead]].start..cx.toks[part[pos - 1]].end];
                let company =
                    (!cx.g.is_common(w) || first_name_of()) && cx.g.companies.contains_key(before);
                if company || word_before_a_person(cx, &part[lead..], pos - lead) {
                    // (a place's resident is no name: "Londoner | John Smith")
                    if company || !resident_of_a_place(cx, cx.w(part[lead])) {
                        pieces.push(&part[from..pos]);
                    }
                    from = pos;
                }
            }
        }
        // "UK iTunes", "Apple iPhone": a camel-case brand starts its own name
        if is_camel(w) && from < pos {
            pieces.push(&part[from..pos]);
            from = pos;
        }
        // headline words that are only capitalized common words split the run
        if drop {
            if from < pos {
                pieces.push(&part[from..pos]);
            }
            // "Bill does a great job", "Thanks,\nMike": a first name that is
            // also a common word, alone at a sentence's start, is the
            // model's to admit (by the words around it)
            let alone = part[pos + 1..]
                .first()
                .is_none_or(|&j| !cx.toks[j].word || CONNECTORS.contains(&cx.w(j)));
            if at_initial
                && !headline
                && !all_caps
                && alone
                && cx.g.first_names.contains(w)
                && !place_demonym
                && !cx.g.demonyms.contains(w)
            {
                pieces.push(&part[pos..=pos]);
                lone_first.push(i);
            }
            from = pos + 1;
        } else if cx.g.demonyms.contains(w) && pos + 1 < part.len() && ends_known() {
            // the party's name ends there: "Liberal Democrat | Charles Kennedy"
            pieces.push(&part[from..=pos]);
            from = pos + 1;
        }
    }
    if from < part.len() {
        pieces.push(&part[from..]);
    }
    let joiner = |i: &usize| !cx.toks[*i].word || CONNECTORS.contains(&cx.w(*i));
    for mut p in pieces {
        // no leading or trailing connectors or punctuation (but the article
        // glued to the name: "al-Qaeda")
        while p.first().is_some_and(joiner)
            && !(p.len() > 2 && glued_article(cx, p[0], p[2] + 1, all_caps))
        {
            p = &p[1..];
        }
        while p.last().is_some_and(joiner) {
            p = &p[..p.len() - 1];
        }
        // "Esther Williams Dies", "John Smith Dead": in a headline, a common
        // word after a person's first name and surname is the headline's
        // verb or adjective, no part of the name (not a surname: "George
        // Bush"; not a body's or a place's word: "John Paul Jones Arena")
        if headline && !all_caps && p.len() >= 3 && cx.g.first_names.contains(cx.w(p[0])) {
            let last = cx.w(p[p.len() - 1]);
            if cx.toks[p[p.len() - 1]].word
                && cx.toks[p[p.len() - 2]].word
                && cx.g.is_common(last)
                && !features::usual_surname(last)
                && !cx.g.first_names.contains(last)
                && !cx.g.is_org_word_or_plural(last)
                && !cx.g.place_words.contains(last)
                && !cx.g.event_words.contains(last)
                && !cx.g.titles.contains(last)
            {
                p = &p[..p.len() - 1];
            }
        }
        // "the East Midlands MEP", "the Labour MP": a title in capitals that
        // ends a name, with no name after it, is the role of someone the
        // name describes, no word of the name
        if p.len() >= 2 {
            let last = cx.w(p[p.len() - 1]);
            let next = p[p.len() - 1] + 1;
            let name_after = next < cx.toks.len() && {
                let gap = &cx.text[cx.toks[p[p.len() - 1]].end..cx.toks[next].start];
                gap == " " && is_cap(cx.w(next))
            };
            if is_all_caps(last) && last.len() >= 2 && cx.g.titles.contains(last) && !name_after {
                p = &p[..p.len() - 1];
            }
        }
        // "Adam Air Flight 574": the airline (a flight's number names no one)
        if let Some(f) = p.iter().rposition(|&i| cx.w(i) == "Flight") {
            if f > 0
                && p[f + 1..]
                    .iter()
                    .all(|&i| cx.w(i).bytes().all(|c| c.is_ascii_digit()))
            {
                p = &p[..f];
            }
        }
        // "the NASA Director", "the State Department Spokesperson", "the
        // Treasury Secretary": a known body or place, then a title or a
        // role, is the body's or the place's name ("Invisible Man" stays:
        // nothing known before the noun)
        if p.len() >= 2 && cx.toks[p[p.len() - 1]].word {
            let last = cx.w(p[p.len() - 1]);
            let rest = &p[..p.len() - 1];
            let known_rest = || {
                let words = words_of(cx, rest);
                let name = spaced_name(cx, rest, &words);
                words.len() == 1 && is_all_caps(words[0]) && words[0].len() >= 2
                    || cx.g.lookup(&name).is_some()
                    || cx.g.companies.contains_key(name.as_ref())
                    || words.last().is_some_and(|w| cx.g.org_words.contains(*w))
            };
            // (a title or a role word that names a person first, by
            // WordNet: "Plymouth Voyager", "Ford Explorer" name cars by other
            // person's nouns; a "Star" is a paper first)
            let role = features::names_a_person(last) && is_title_or_role(cx, last);
            if cx.toks[rest[rest.len() - 1]].word
                && role
                && !cx.g.first_names.contains(last)
                && known_rest()
            {
                p = rest;
            }
        }
        if p.is_empty() {
            continue;
        }
        // "the U.S. Currency", "U.K. TRADE": a place, then a word the corpus
        // writes in lower case, that names nothing with it
        if p.len() == 2 && cx.toks[p[0]].word && cx.toks[p[1]].word {
            let (w0, w1) = (cx.w(p[0]), titlecase(cx.w(p[1])));
            let w1 = w1.as_ref();
            let place = |w: &str| cx.g.is_place(w);
            // in lower case more than twice as often as not, and no word of a name
            let plain = || {
                cx.g.is_common(w1)
                    && {
                        let (c, l, _) = cx.stats(w1);
                        l > 2 * c
                    }
                    && !cx.g.org_words.contains(w1)
                    && !cx.g.place_words.contains(w1)
                    && !cx.g.event_words.contains(w1)
                    && !cx.g.titles.contains(w1)
            };
            let known_whole = || {
                let written = &cx.text[cx.toks[p[0]].start..cx.toks[p[1]].end];
                cx.g.lookup(&format!("{} {w1}", titlecase(w0))).is_some()
                    || cx.g.companies.contains_key(written)
            };
            let w0t = titlecase(w0);
            if (place(w0) || (w0t != w0 && place(&w0t))) && plain() && !known_whole() {
                p = &p[..1];
            }
        }
        // a word in capitals amid words that are not, which is an English
        // word or a demonym: emphasis, no acronym ("THEREFORE", "an
        // AUSTRALIAN climber")
        if !all_caps && p.len() == 1 && shouted(cx, cx.w(p[0])) {
            continue;
        }
        if p.len() == 1 && lone_first.contains(&p[0]) {
            if cx.propose && keep_piece(cx, a, p) == Keep::Yes {
                doubted.push(p[0]);
                out.push(p);
            }
            continue;
        }
        split_hyphens(cx, p, &mut |q| match keep_piece(cx, a, q) {
            Keep::Yes => split_places(cx, q, out),
            // a title in quotes is a work's, whatever its words
            Keep::Doubted if is_quoted_title(cx, q) => {
                doubted.push(q[0]);
                out.push(q);
            }
            // (a headline capitalizes every word: no proposal there; nor
            // after "our", "their": "our High Level Advisors")
            // nor a title or a role ("Surgeon General": a person's noun
            // ends it, by WordNet)
            Keep::Doubted
                if cx.propose
                    && !headline
                    && !after_possessive(cx, a, q[0])
                    && cx.title_at(q, 0) == 0
                    && !features::names_a_person(cx.w(q[q.len() - 1])) =>
            {
                doubted.push(q[0]);
                out.push(q);
            }
            _ => {}
        });
    }
}

/// Whether a word names a place's residents by the place's name and
/// "-er" ("Londoner", "Queenslander", "Berliner"): the place's name one
/// the tables know.
fn resident_of_a_place(cx: &Ctx, w: &str) -> bool {
    w.strip_suffix("er")
        .is_some_and(|stem| stem.len() >= 4 && cx.g.is_place(stem))
}

/// Whether the one word that starts `part` is no word of the person's
/// name that the first name at `at` and one more word make, and end:
/// "Rangers | John Smith", "Blairite | Alan Milburn", "Manhattan | Rudolph
/// Giuliani" (a team, an English word, a place). The word is an English
/// word or its plural, a demonym, a place's resident or a place the tables
/// know, and no first name ("Johann Sebastian Bach", "Iain Duncan Smith"
/// keep theirs: names of other lands than the Census's); nor a word that
/// may start a name of its own kind (a title, a saint's, a fort's or a
/// compass word, a body's, a place's or a building's word: "Fort William
/// Henry"). The tables know no two of the words together ("San Antonio
/// Spurs"); the last is no body's, place's or event's word ("Santa Maria
/// Hospital"); and neither the first name nor the last word is an English
/// word the corpus writes in lower case too ("Drive My Car", "Liquid
/// Crystal Display").
fn word_before_a_person(cx: &Ctx, part: &[usize], at: usize) -> bool {
    if at != 1 || part.len() != 3 || !part.iter().all(|&i| cx.toks[i].word) {
        return false;
    }
    let (w, first, last) = (cx.w(part[0]), cx.w(part[1]), cx.w(part[2]));
    let known = |to: usize| {
        let s = &cx.text[cx.toks[part[0]].start..cx.toks[part[to]].end];
        cx.g.lookup(s).is_some() || cx.g.companies.contains_key(s)
    };
    // (an English word the corpus writes in lower case too)
    let written_lower = |w: &str| cx.g.is_common(w) && cx.stats(w).1 > 0;
    let english = |w: &str| {
        cx.g.is_common(w)
            || w.strip_suffix('s')
                .is_some_and(|one| one.len() >= 3 && cx.g.is_common(one))
    };
    let kind =
        english(w) || cx.g.demonyms.contains(w) || resident_of_a_place(cx, w) || cx.g.is_place(w);
    kind && is_cap(w)
        && w.len() >= 3
        && w.chars().all(char::is_alphabetic)
        && !is_all_caps(w)
        && !cx.g.first_names.contains(w)
        && !cx.g.titles.contains(w)
        && !cx.g.title_first.contains(w)
        && !cx.g.is_org_word_or_plural(w)
        && !cx.g.place_words.contains(w)
        && !SAINT_FORT_MOUNT.contains(&w)
        && !COMPASS.contains(&w)
        && !features::names_a_body_place_or_building(w)
        && !written_lower(first)
        && !written_lower(last)
        && !cx.g.is_org_word_or_plural(last)
        && !cx.g.place_words.contains(last)
        && !cx.g.event_words.contains(last)
        && !known(1)
        && !known(2)
}

/// "Budapest Hungary", "Paris France": two known places written together
/// (a comma dropped) are two names, unless the whole is known ("Papua New
/// Guinea").
fn split_places<'p>(cx: &Ctx, p: &'p [usize], out: &mut Pieces<'p>) {
    let place = |q: &[usize]| -> bool {
        if q.iter().any(|&i| !cx.toks[i].word) {
            return false;
        }
        let s = &cx.text[cx.toks[q[0]].start..cx.toks[q[q.len() - 1]].end];
        cx.g.is_place(s)
    };
    if p.len() >= 2 && !p.iter().any(|&i| !cx.toks[i].word) && !place(p) {
        for k in 1..p.len() {
            if place(&p[..k]) && place(&p[k..]) {
                out.push(&p[..k]);
                out.push(&p[k..]);
                return;
            }
        }
    }
    out.push(p);
}

/// Whether the token `i` is the Arabic article glued by a hyphen to a
/// capitalized word: "al-" of "al-Sadr".
fn glued_article(cx: &Ctx, i: usize, b: usize, all_caps_line: bool) -> bool {
    i + 2 < b
        && cx.toks[i].word
        && HYPHEN_ARTICLES.contains(&cx.w(i))
        && cx.w(i + 1) == "-"
        && cx.toks[i + 1].start == cx.toks[i].end
        && cx.toks[i + 2].start == cx.toks[i + 1].end
        && cand_word(cx, i + 2, all_caps_line)
}

/// Whether a word in capitals is a shouted English word of six letters or
/// more ("THEREFORE", "BREAKING") or a demonym ("AUSTRALIAN"), or a
/// shorter one the corpus also writes in lower case ("FREE", "VERY"), and
/// no name the tables know.
fn shouted(cx: &Ctx, w: &str) -> bool {
    let n = w.chars().count();
    is_all_caps(w)
        && n >= 3
        && w.chars().all(char::is_alphabetic)
        && !cx.g.is_known_name(w)
        && if n >= 6 {
            let t = titlecase(w);
            cx.g.is_common(w) || cx.g.demonyms.contains(t.as_ref())
        } else {
            // a short one ("FREE", "VERY", "NOT") only where the corpus
            // also writes it as a word, in lower case (a body's initials
            // may be lost so: "UPS")
            let (_, lower, common) = cx.stats(w);
            common && lower >= 2
        }
}

/// The pairs of words, one character apart, the second capitalized, that
/// `text` writes after a word of the same sentence (a lower-case letter, a
/// digit or a comma before them), each as written: one pass over the
/// tokens, where searching the text for each pair asked about took a time
/// that grows with the square of a long text's sentences.
fn pairs_inside_sentences<'t>(
    text: &'t str,
    toks: &[Token],
) -> hashbrown::HashSet<&'t str, crate::fx::FxBuild> {
    toks.windows(2)
        .filter(|p| {
            let (a, b) = (&p[0], &p[1]);
            a.word
                && b.word
                && a.end + 1 == b.start
                && is_cap(b.text(text))
                && !text[b.end..].starts_with(char::is_alphanumeric)
                && text[..a.start]
                    .trim_end_matches([' ', '\t'])
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == ',')
        })
        .map(|p| &text[p[0].start..p[1].end])
        .collect()
}

/// Whether `text` writes `phrase`, two words, after a word of the same
/// sentence.
#[cfg(test)]
fn inside_sentence_elsewhere(text: &str, phrase: &str) -> bool {
    pairs_inside_sentences(text, &super::text::tokens(text)).contains(phrase)
}

/// "65th", "101st", "2nd", "3rd": an ordinal written in digits.
fn is_digit_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// Whether the word `i` is the last of authors cited with their year or
/// a reference's number: "Marsden & Mackey (2014)", "Smith & Jones, 2010",
/// "Heidenreich & Turano 2011", "Carrano & Biewener [7]" (two persons,
/// where "Procter & Gamble" is one firm).
fn cited(cx: &Ctx, i: usize, b: usize) -> bool {
    let year = |k: usize| {
        k < b && {
            let w = cx.w(k);
            w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit())
        }
    };
    // ("&" with spaces around it: "AT&T" is one name whatever follows)
    if i == 0 || i >= b || cx.toks[i].start == cx.toks[i - 1].end {
        return false;
    }
    // (past the glued pieces of a double name: "Morgan-Short")
    let mut i = i;
    while i + 2 < b && cx.w(i + 1) == "-" && cx.toks[i + 1].start == cx.toks[i].end {
        i += 2;
    }
    // (a year right after it only inside a citation's brackets: "Procter
    // & Gamble 2010 sales" is the firm's)
    year(i + 1) && i + 2 < b && matches!(cx.w(i + 2), ";" | ")")
        || i + 2 < b && matches!(cx.w(i + 1), "(" | ",") && year(i + 2)
        // a numbered reference: "Carrano & Biewener [7]"
        || i + 2 < b
            && cx.w(i + 1) == "["
            && cx.w(i + 2).bytes().all(|c| c.is_ascii_digit())
}

/// "Trump-Putin", "US-Russia": glued names that stand alone elsewhere split.
fn split_hyphens<'p>(cx: &Ctx, p: &'p [usize], each: &mut impl FnMut(&'p [usize])) {
    let hyphen = |i: &usize| cx.w(*i) == "-";
    // (one capital is no name of its own: "T-Mobile"; but a party and a
    // state in brackets are two: "(D-Tex.)")
    let affiliation = p[0] > 0 && matches!(cx.w(p[0] - 1), "(" | ",");
    // "(D-Tex.)", "D-R.I.", "R-Kan.": a party's letter before a state's
    // abbreviation is no name; the state is one (see `is_party_state`)
    if let [party, dash, rest @ ..] = p {
        if affiliation && cx.w(*dash) == "-" && is_party_state(cx, *party, rest) {
            each(rest);
            return;
        }
    }
    let standalone = p.iter().any(hyphen)
        && (affiliation
            || !p
                .split(hyphen)
                .any(|s| s.len() == 1 && is_initial(cx.w(s[0]))))
        && p.split(hyphen).all(|s| {
            let name = join_words(cx, s);
            // (a piece the text writes only in the double name is none of
            // its own: "Saxony-Anhalt", "Waldorf-Astoria"; but a party and a
            // state are two, "(D-Tex.)")
            cx.g.is_known_name(&name)
                || cx.known(&name)
                    && (affiliation
                        || s.len() > 1
                        // (and not only before a spaced one: "Wal - Mart")
                        || cx.written_unglued(&name) && cx.written_without_hyphen(&name))
        });
    if standalone {
        p.split(hyphen).filter(|s| !s.is_empty()).for_each(each);
    } else {
        each(p);
    }
}

/// A party's letter glued by a hyphen to a US state's abbreviation ("D-R.I.",
/// "R-Kan."): the tokens `party` and `state`.
fn is_party_state(cx: &Ctx, party: usize, state: &[usize]) -> bool {
    is_party_letter(cx.w(party))
        && !state.is_empty()
        && STATE_ABBREVIATIONS.contains(join_words(cx, state).trim_end_matches('.'))
}

static RATING_GRADES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/rating_grades.txt")));
static RATING_CUES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/rating_cues.txt")));

/// Whether the word `i` (in the sentence from `a`) is a credit rating's
/// grade: one of the scales' grades (`rating_grades.txt`) with a modifier
/// glued to it ("Baa-1", "Aa3", "BB-plus") or a word of ratings near it
/// (`rating_cues.txt`: "rated", "debt"), and no acronym in brackets ("the
/// American Arbitration Association (AAA)").
fn is_rating_grade(cx: &Ctx, a: usize, i: usize, w: &str) -> bool {
    let grade = w.trim_end_matches(['1', '2', '3']);
    if !RATING_GRADES.contains(&grade) {
        return false;
    }
    let n = cx.toks.len();
    let glued = |x: usize| x < n && cx.toks[x].start == cx.toks[x - 1].end;
    if i > a && cx.w(i - 1) == "(" && i + 1 < n && cx.w(i + 1) == ")" {
        return false;
    }
    let modifier = grade.len() < w.len()
        || glued(i + 1)
            && cx.w(i + 1) == "-"
            && glued(i + 2)
            && (matches!(cx.w(i + 2), "plus" | "minus")
                || cx.w(i + 2).bytes().all(|c| c.is_ascii_digit()));
    let cue = |k: &usize| cx.toks[*k].word && with_lower(cx.w(*k), |l| RATING_CUES.contains(&l));
    modifier
        || (a.max(i.saturating_sub(20))..i).any(|k| cue(&k))
        || (i + 1..(i + 20).min(n))
            .take_while(|&k| cx.w(k) != ".")
            .any(|k| cue(&k))
}

static GREETINGS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/greetings.txt")));
static SIGN_OFFS: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/sign_offs.txt")));

/// Whether the name starting at token `i` follows a letter's greeting
/// ("Dear", "Hi": `greetings.txt`) or its sign-off and a comma ("Cheers,",
/// "Regards,": `sign_offs.txt`, the name then ending its line or the text).
fn letter_name(cx: &Ctx, i: usize) -> bool {
    let word =
        |k: usize, list: &List| cx.toks[k].word && with_lower(cx.w(k), |l| list.contains(&l));
    if i >= 1 && word(i - 1, &GREETINGS) {
        return true;
    }
    // (the sign-off, past its comma)
    let before = match i.checked_sub(1) {
        Some(k) if cx.w(k) == "," => k.checked_sub(1),
        k => k,
    };
    before.is_some_and(|b| {
        word(b, &SIGN_OFFS) && cx.text[cx.toks[b].end..cx.toks[i].start].contains('\n')
    })
}

/// Whether a name joins two names by "&" or "and" ("Pratt & Whitney",
/// "AT&T", "Procter and Gamble").
fn joins_names(name: &str) -> bool {
    (name.contains('&') && name.split('&').filter(|p| !p.trim().is_empty()).count() >= 2)
        || name.contains("and") && name.split_whitespace().skip(1).any(|w| w == "and")
}

/// Whether a title is a government office's that names its field after
/// "of" ("Minister", "Deputy Finance Secretary").
fn portfolio_title(t: &str) -> bool {
    t.rsplit(' ')
        .next()
        .is_some_and(|w| PORTFOLIO_TITLES.contains(&w))
}

/// Whether a run ends in a government office's field: a portfolio title,
/// "of" or "for", then common words ("Minister of Trade", "Secretary of
/// State for Trade"; not "Secretary of the Navy", "Minister of Japan").
fn in_portfolio(cx: &Ctx, run: &[usize]) -> bool {
    let Some(p) = run
        .iter()
        .position(|&i| PORTFOLIO_TITLES.contains(&cx.w(i)))
    else {
        return false;
    };
    let field = &run[p + 1..];
    field.len() >= 2
        && matches!(cx.w(field[0]), "of" | "for")
        && cx.w(field[1]) != "the"
        && field[1..].iter().all(|&i| office_word(cx, i))
}

/// Whether token `i` may be an office's word: a common word, a connector,
/// a mark ("of Energy and Mines").
fn office_word(cx: &Ctx, i: usize) -> bool {
    let w = cx.w(i);
    !cx.toks[i].word || CONNECTORS.contains(&w) || cx.g.is_common(w)
}

/// After a portfolio title's "of" at `run[k]`: where the holder's name
/// starts, if the run ends in one or two capitalized words that are no
/// common word, after the field's common words, and no table knows them
/// as a place, a body or a firm ("of Energy and Mines Subroto", "of
/// Agriculture Lyng"; not "of the Interior", "of Texas").
fn portfolio_holder(cx: &Ctx, run: &[usize], k: usize) -> Option<usize> {
    let q = (k + 1..run.len())
        .rev()
        .take_while(|&q| !office_word(cx, run[q]))
        .last()?;
    let field = &run[k + 1..q];
    let name = &cx.text[cx.toks[run[q]].start..cx.toks[run[run.len() - 1]].end];
    (run.len() - q <= 2
        && field
            .iter()
            .any(|&i| cx.toks[i].word && !CONNECTORS.contains(&cx.w(i)))
        && field.iter().all(|&i| office_word(cx, i))
        && cx.w(run[k + 1]) != "the"
        && cx.g.lookup(name).is_none()
        && !cx.g.companies.contains_key(name)
        && !run[q..].iter().any(|&i| {
            let w = cx.w(i);
            is_all_caps(w) || cx.g.is_org_word_or_plural(w) || cx.g.place_words.contains(w)
        }))
    .then_some(q)
}

/// A party's letter before a lawmaker's state: Democrat, Republican,
/// independent.
fn is_party_letter(w: &str) -> bool {
    matches!(w, "D" | "R" | "I")
}

fn is_ticker_part(cx: &Ctx, i: usize) -> bool {
    let glued = |x: usize, y: usize| cx.toks[x].end == cx.toks[y].start;
    let caps = |x: usize| cx.toks[x].word && cx.w(x).bytes().all(|c| c.is_ascii_uppercase());
    let code = |x: usize| caps(x) && cx.w(x).len() <= 2;
    let dot = |x: usize| cx.w(x) == ".";
    let n = cx.toks.len();
    // the company's part, before the dot
    let before = i + 2 < n
        && dot(i + 1)
        && glued(i, i + 1)
        && glued(i + 1, i + 2)
        && code(i + 2)
        && !(i + 3 < n && glued(i + 2, i + 3) && cx.toks[i + 3].word);
    // the exchange's code, after it
    let after =
        i >= 2 && code(i) && dot(i - 1) && glued(i - 2, i - 1) && glued(i - 1, i) && caps(i - 2);
    caps(i) && (before || after)
}

static POSSESSIVES: LazyLock<List> =
    LazyLock::new(|| List::parse(include_str!("../../../assets/ner/possessives.txt")));

/// Whether the word before token `i` (in the sentence from `a`) is a
/// possessive determiner ("our", "their").
fn after_possessive(cx: &Ctx, a: usize, i: usize) -> bool {
    i > a && cx.toks[i - 1].word && with_lower(cx.w(i - 1), |w| POSSESSIVES.contains(&w))
}

/// What the rules make of a piece of a run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// No name.
    No,
    /// A name.
    Yes,
    /// Several capitalized words, most of them common words the text
    /// writes in lower case too: a name the rules doubt.
    Doubted,
}

impl From<bool> for Keep {
    fn from(yes: bool) -> Keep {
        if yes {
            Keep::Yes
        } else {
            Keep::No
        }
    }
}

fn keep_piece(cx: &Ctx, a: usize, p: &[usize]) -> Keep {
    let words = words_of(cx, p);
    if words.is_empty()
        || words[0].bytes().next().is_some_and(|c| c.is_ascii_digit())
            && !(words.len() > 1 && is_digit_ordinal(words[0]))
    {
        return Keep::No;
    }
    if words.len() == 1 {
        let w = words[0];
        // a stock ticker ("<PGLO.AS>", "KLM.AS", "(AAPL.O)"): capitals, a dot
        // and an exchange's code of one or two capitals, all glued
        if is_ticker_part(cx, p[0]) {
            return Keep::No;
        }
        // an era's mark beside a year: "3000 BC", "AD 79"
        let number = |k: Option<usize>| {
            k.and_then(|k| cx.toks.get(k))
                .is_some_and(|t| cx.text[t.start..t.end].bytes().all(|c| c.is_ascii_digit()))
        };
        if ERAS.contains(&w) && (number(p[0].checked_sub(1)) || number(Some(p[p.len() - 1] + 1))) {
            return Keep::No;
        }
        // a credit rating's grade: "rated Aa-2 by Moody's", "cut to BB-plus
        // from BBB", "a top-flight AAA"
        if is_rating_grade(cx, a, p[0], w) {
            return Keep::No;
        }
        // one letter is a name only where a kind of organization introduces
        // it ("social media platform X")
        if w.chars().count() == 1 || w == "I" {
            return Keep::from(
                w != "I"
                    && w.chars().all(|c| c.is_ascii_uppercase())
                    && org_cue_before(cx, a, p[0]).is_some(),
            );
        }
        // a capitalized common word that is also written in lower case ("War", "Trade")
        let st = cx.stats(w);
        if !cx.g.is_known_name(w)
            && !cx.seen_as_name(st)
            && st.2
            && st.1 > 0
            && !is_all_caps(w)
            && !cx.surnames.contains(w)
        {
            return Keep::No;
        }
        // and their plurals in capitals ("SUVs", "DVDs")
        let plural_of = |w: &str| {
            w.strip_suffix('s')
                .is_some_and(|s| s.len() >= 2 && is_all_caps(s) && cx.g.not_names.contains(s))
        };
        if cx.g.titles.contains(w)
            || cx.g.not_names.contains(w)
            || plural_of(w)
            || is_corporate_end(w)
        {
            return Keep::No;
        }
        // "US$ 40 billion", "HK$": a currency, not the place
        let end = cx.toks[p[p.len() - 1]].end;
        return Keep::from(!cx.text[end..].starts_with('$'));
    }
    // several capitalized common words ("High Level Advisors"), unless a table,
    // a head word or a camel-case brand ("iTunes Music Store") vouches
    // "Billy King", "Mark Price": a first name before one or two more words
    if words.len() <= 3 && cx.g.first_names.contains(words[0]) {
        return Keep::Yes;
    }
    let name = spaced_name(cx, p, &words);
    // a title alone names no one: "the Prime Minister said", "the
    // Secretary of State arrived" (one holder in one story, another in
    // the next)
    if cx.g.titles.contains(name.as_ref()) {
        return Keep::No;
    }
    if cx.g.lookup(&name).is_some()
        || cx.g.companies.contains_key(name.as_ref())
        || words.iter().any(|w| is_camel(w))
        || words
            .iter()
            .any(|w| cx.g.is_org_word_or_plural(w) || cx.g.place_words.contains(*w))
        // "the World Cup", "the Cold War": an event's word ends it
        || cx.g.event_words.contains(words[words.len() - 1])
    {
        return Keep::Yes;
    }
    // "South Richmond Hill": a compass word before a known place
    if COMPASS.contains(&words[0]) && words[1..].iter().any(|w| cx.g.is_known_name(w)) {
        return Keep::Yes;
    }
    // (an initial with its stop is a name's, not a common word: "T. S. Eliot")
    // (the small words that join a name's words count neither way: "Marks
    // and Spencer" is as sure as "Marks Spencer")
    let doubtful = p
        .iter()
        .filter(|&&i| {
            let w = cx.w(i);
            cx.toks[i].word
                && !CONNECTORS.contains(&w)
                && cx.doubtful(w)
                && !initial_with_stop(cx, i)
        })
        .count();
    let joined = words.iter().filter(|w| !CONNECTORS.contains(*w)).count();
    if doubtful * 2 <= joined {
        Keep::Yes
    } else {
        Keep::Doubted
    }
}

fn make_mention(
    cx: &Ctx,
    a: usize,
    b: usize,
    p: &[usize],
    title: Option<String>,
    owner_of: Option<String>,
    all_caps_line: bool,
) -> Option<Mention> {
    let start = cx.toks[p[0]].start;
    let end = cx.toks[*p.last()?].end;
    let name = &cx.text[start..end];
    let words = words_of(cx, p);
    let (ty, evidence, canonical) = match owner_of {
        Some(t) if cx.g.lookup(name).is_none() => (
            EntityType::Org,
            Evidence::Context(format!("\"{name} {t}\"")),
            None,
        ),
        _ => classify(cx, a, b, p, name, &words, title, all_caps_line),
    };
    Some(Mention {
        range: start..end,
        ty,
        evidence,
        canonical,
    })
}

/// Whether a name is its words with one space between each (no other
/// white space, none at its ends): then it is its own normal form.
fn single_spaced(name: &str) -> bool {
    if name.is_ascii() {
        let b = name.as_bytes();
        !b.is_empty()
            && b[0] != b' '
            && b[b.len() - 1] != b' '
            && !b.windows(2).any(|p| p == b"  ")
            && !b.iter().any(|&c| c != b' ' && (c as char).is_whitespace())
    } else {
        name.split(' ')
            .all(|w| !w.is_empty() && !w.contains(char::is_whitespace))
    }
}

#[allow(clippy::too_many_arguments)]
fn classify(
    cx: &Ctx,
    a: usize,
    b: usize,
    p: &[usize],
    name: &str,
    words: &[&str],
    title: Option<String>,
    all_caps_line: bool,
) -> (EntityType, Evidence, Option<String>) {
    let g = cx.g;
    // one space between words, borrowed where it is written so
    let spaced = single_spaced(name);
    let norm_buf: std::borrow::Cow<str> = if spaced {
        name.into()
    } else {
        name.split_whitespace().collect::<Vec<_>>().join(" ").into()
    };
    let norm: &str = &norm_buf;
    if let Some((ty, canon)) = g.lookup(norm) {
        let ev = if g.aliases.contains_key(norm) {
            Evidence::Alias
        } else {
            Evidence::Gazetteer
        };
        return (ty, ev, Some(canon.to_string()));
    }
    // "PITTSBURGH, Pa.", "Springfield, Ill.", "Albany, N.Y.": a state's
    // abbreviation right after a town and a comma
    if let (Some(state), Some(first)) = (
        STATE_ABBREVIATIONS.get(norm.trim_end_matches('.')),
        p.first(),
    ) {
        // (or after a party's letter: "(D-Tex.)", "Bob Dole, R-Kan.")
        // (the table knows the state: the letter before it is all to read)
        let party = *first >= a + 2
            && cx.w(first - 1) == "-"
            && cx.toks[first - 1].start == cx.toks[first - 2].end
            && is_party_letter(cx.w(first - 2));
        if party
            || *first >= a + 2
                && cx.w(first - 1) == ","
                && cx.toks[first - 2].word
                && cx.w(first - 2).starts_with(char::is_uppercase)
        {
            return (
                EntityType::Place,
                Evidence::Context(format!(
                    "\"{}{}{name}\": a state",
                    cx.w(first - 2),
                    if party { "-" } else { ", " }
                )),
                Some(state.to_string()),
            );
        }
    }
    if is_all_caps(norm) {
        if let Some(k) = g.aliases_lower.get(&norm.to_lowercase()) {
            let (c, t) = &g.aliases[k];
            return (*t, Evidence::Alias, Some(c.clone()));
        }
        // "SAUDI ARABIA" in a wire headline, "WASHINGTON, March 3 -" in a
        // dateline; but three capitals in ordinary text are an acronym ("GAO"
        // is not Gao, Mali)
        if all_caps_line || norm.len() > 3 {
            let each: String = norm.split(' ').map(titlecase).collect::<Vec<_>>().join(" ");
            if let Some(c) = g.places.get(each.as_str()) {
                return (EntityType::Place, Evidence::Gazetteer, Some(c.to_string()));
            }
        }
    }
    let last = *words.last().unwrap_or(&"");
    let firstw = words[0];
    // "Passion of the Christ", "Top of the Pops", "Player of the Year": a
    // work's, a show's or an award's title, of capitalized English words
    if let Some(ev) = of_the_title(g, words) {
        return (EntityType::Other, ev, None);
    }
    // "Dear Rudwell", "Hi Peder", "Cheers, Catriona": the name a letter or a
    // mail is written to, or signed with
    if words.len() <= 2
        && letter_name(cx, p[0])
        && !is_all_caps(norm)
        && !words.iter().any(|w| g.is_common(w))
    {
        return (
            EntityType::Person,
            Evidence::Context("a letter's greeting or signature".into()),
            None,
        );
    }
    // "Chelsea boss Jose Mourinho", "Arsenal striker Thierry Henry": a team
    // (before a title: "Former Chelsea striker Adrian Mutu")
    let after = p.last().map(|&i| i + 1).unwrap_or(b);
    // (not an event's: "World Cup captain")
    if words.len() <= 2 && !g.event_words.contains(last) {
        let role = (after < b
            && cx.toks[after].word
            && (TEAM_ROLES.contains(&cx.w(after)) || BODY_ROLES.contains(&cx.w(after))))
        .then_some(after);
        if let Some(r) = role {
            let then = (r + 1..b).find(|&i| cx.toks[i].word).map(|i| cx.w(i));
            // (a place's is its country's: "France coach Bernard Laporte")
            let place = g.is_place(norm);
            if then.is_some_and(is_cap) && !(place && BODY_ROLES.contains(&cx.w(r))) {
                let w = cx.w(r).to_string();
                let ev = if TEAM_ROLES.contains(&w.as_str()) {
                    Evidence::OrgWord(w)
                } else {
                    Evidence::Context(format!("\"{name} {w}\""))
                };
                return (EntityType::Org, ev, None);
            }
        }
    }
    // "former Chelsea chairman", "Former Chelsea captain Desailly": a role
    // of the name's follows it, so the name is the body the role is in
    if title.is_some()
        && words.len() <= 2
        && !g.event_words.contains(last)
        && after < b
        && cx.toks[after].word
    {
        let role = cx.w(after);
        if (ROLE_WORDS.contains(&role) || TEAM_ROLES.contains(&role))
            && !matches!(role, "mr" | "mrs" | "ms" | "dr")
        {
            return (
                EntityType::Org,
                Evidence::Context(format!("\"{name} {role}\"")),
                None,
            );
        }
    }
    // (not a body after a title and a comma: "Surgeon General, Department of
    // Health")
    // nor a body's word alone ("deputy Treasury Secretary", "executive Commission")
    // (nor a body's name whose head, before "of", is a body's word: "the
    // New Jersey Department of Public Safety")
    let head_before_of = words
        .iter()
        .position(|w| *w == "of")
        .and_then(|k| k.checked_sub(1))
        .map(|k| words[k]);
    // (or a body's word inside a name of three words or more: "lead manager
    // Merrill Lynch Capital Markets")
    let body = words.len() >= 2
        && (g.org_words.contains(last)
            || g.org_words.contains(firstw)
            || head_before_of.is_some_and(|h| g.org_words.contains(h)))
        || words.len() >= 3
            && words[1..words.len() - 1]
                .iter()
                .any(|w| g.org_words.contains(w))
        || words.len() == 1 && g.org_words.contains(firstw);
    // a role firms have in a deal ("lead manager Salomon Brothers",
    // "financial adviser Smith Barney", "analysts Gartner") makes a person
    // only of a first name
    let firm_role = |t: &str| is_firm_role(t) && !g.first_names.contains(firstw);
    // a role in lower case before English words and places alone, none a
    // first name or a usual surname, names a thing in that role: "Oscar
    // nominee Sideways", "nominee Hotel Rwanda", "winner Million Dollar
    // Baby" (but "President Bush", "coach Guus Hiddink")
    let thing_in_role = |t: &str| {
        t.starts_with(char::is_lowercase)
            && words.iter().all(|w| {
                matches!(*w, "The" | "the" | "of" | "and")
                    || (g.is_common(w) || g.is_place(w))
                        && !g.first_names.contains(w)
                        && !features::usual_surname(w)
            })
    };
    if let Some(t) = title.filter(|t| !body && !firm_role(t) && !thing_in_role(t)) {
        return (EntityType::Person, Evidence::Title(t), None);
    }
    if let Some(&c) = g.companies.get(norm) {
        let canonical = (c != norm).then(|| c.to_string());
        return (EntityType::Org, Evidence::Company, canonical);
    }
    // "INS Sukanya", "USS Cole", "HMS Belfast": a ship
    if words.len() >= 2 && SHIP_PREFIXES.contains(&firstw) {
        return (
            EntityType::Other,
            Evidence::Context(format!("a ship, \"{firstw}\"")),
            None,
        );
    }
    // "Paris Air Show", "Olympic Games", "Academy Awards", "Patriot Act"
    // (not the aim of a body: "Institute for the Study of War")
    let body_for = words
        .iter()
        .position(|w| matches!(*w, "of" | "for"))
        .and_then(|k| k.checked_sub(1))
        .is_some_and(|k| g.is_org_word_or_plural(words[k]));
    if words.len() >= 2 && g.event_words.contains(last) && !body_for {
        return (
            EntityType::Other,
            Evidence::EventWord(last.to_string()),
            None,
        );
    }
    // "EADS North America", "Toyota Europe": a company's branch in a place
    if words.len() >= 2
        && (g.companies.contains_key(firstw) || is_all_caps(firstw) && firstw.len() >= 2)
        && g.is_place(&words[1..].join(" "))
    {
        return (
            EntityType::Org,
            Evidence::Context(format!("\"{firstw}\" in a place")),
            None,
        );
    }
    if words.len() >= 2 && g.org_words.contains(last) {
        return (EntityType::Org, Evidence::OrgWord(last.to_string()), None);
    }
    // "UK RAF", "US NAVY": a place's body
    if words.len() == 2
        && last.len() >= 3
        && last.bytes().all(|c| c.is_ascii_uppercase())
        && g.is_place(firstw)
        && g.lookup(last).is_none()
    {
        return (
            EntityType::Org,
            Evidence::Context(format!("\"{last}\" of a place")),
            None,
        );
    }
    // "Islington South", "Ealing North": a place's part (or its constituency)
    if words.len() == 2 && COMPASS.contains(&last) && g.is_place(firstw) {
        return (
            EntityType::Place,
            Evidence::PlaceWord(last.to_string()),
            None,
        );
    }
    // "South Richmond Hill", "Eastern Europe"
    if words.len() >= 2 && COMPASS.contains(&firstw) && !g.first_names.contains(words[1]) {
        return (
            EntityType::Place,
            Evidence::PlaceWord(firstw.to_string()),
            None,
        );
    }
    if let Some(cue) = org_cue_before(cx, a, p[0]) {
        return (
            EntityType::Org,
            Evidence::Context(format!("\"{cue} {name}\"")),
            None,
        );
    }
    // "Air France", "Air Canada", "Aer Lingus": an airline
    // ("Adam Air", "Virgin Air")
    if words.len() >= 2 && (matches!(firstw, "Air" | "Aer") || last == "Air") {
        return (EntityType::Org, Evidence::OrgWord(firstw.to_string()), None);
    }
    // sports teams: "Philadelphia 76ers", "San Diego Chargers"
    if words.len() >= 2 && is_team(cx, name, words) {
        return (
            EntityType::Org,
            Evidence::Context(format!("a team, \"{last}\"")),
            None,
        );
    }
    if words.len() >= 2 {
        // "Tasman Glacier", "Mount Everest", "Aoraki Mount Cook"
        // (the last word, the first, then those between)
        if let Some(w) = [last, firstw]
            .into_iter()
            .chain(words[1..words.len() - 1].iter().copied())
            .find(|w| g.place_words.contains(w))
        {
            return (EntityType::Place, Evidence::PlaceWord(w.to_string()), None);
        }
    }
    // "iTunes Music Store", "iPod Nano", "MacBook Pro": a product of a
    // camel-case brand
    // (a first name before a capital inside makes a person: "Lomana LuaLua")
    if words.len() >= 2
        && words
            .iter()
            .any(|w| is_camel(w) || is_pascal_brand(w, g) && !g.first_names.contains(firstw))
        && !g.org_words.contains(last)
    {
        return (
            EntityType::Other,
            Evidence::Context("a brand in camel case".into()),
            None,
        );
    }
    // "BBC Sport", "BT Retail", "JP Morgan": an acronym's unit or brand
    // (two letters are as often initials: "JP McManus", "JK Rowling"; and a
    // shouted line makes no acronym, nor is one capital after it a word:
    // "NORTON I" is the emperor)
    if words.len() == 2
        && !all_caps_line
        && firstw.len() >= 3
        && firstw.bytes().all(|c| c.is_ascii_uppercase())
        && words[1].chars().count() > 1
        && !is_all_caps(words[1])
        && !words[1].bytes().any(|c| c.is_ascii_digit())
        && !g.is_place(firstw)
    {
        return (
            EntityType::Org,
            Evidence::Context(format!("after the acronym \"{firstw}\"")),
            None,
        );
    }
    // "St James", "St Mary's": a saint's name is a place's (a church, a
    // town); weak evidence, as surnames start so too ("Fernand St. Germain")
    if words.len() >= 2
        && (SAINT_FORT_MOUNT.contains(&firstw) || matches!(firstw, "St." | "Saint" | "Fort"))
    {
        return (
            EntityType::Place,
            Evidence::Context(format!("\"{firstw}\" starts it")),
            None,
        );
    }
    // "NV Philips": a firm's suffix in capitals before its name
    if words.len() >= 2 && is_all_caps(firstw) && is_corporate_end(firstw) {
        return (EntityType::Org, Evidence::OrgWord(firstw.to_string()), None);
    }
    // "Phillips Equipment Co West": a firm's suffix inside the name
    if words.len() >= 3 {
        if let Some(w) = words[1..words.len() - 1]
            .iter()
            .find(|w| is_corporate_end(w))
        {
            return (EntityType::Org, Evidence::OrgWord(w.to_string()), None);
        }
    }
    // "S Jones", "G. Thomas": an initial and a surname
    // (apart: "X-Box" and "T-Mobile" are no persons)
    let apart = p.len() >= 2 && (cx.w(p[1]) == "." || cx.toks[p[0]].end < cx.toks[p[1]].start);
    if words.len() == 2 && apart && initial_and_surname(g, firstw, last) {
        return (
            EntityType::Person,
            Evidence::Context("an initial and a surname".into()),
            None,
        );
    }
    // (a brand's or an acronym's word is no person's: "Mac OS X", "Jet MacBook";
    // nor is a first name glued by a hyphen to a word that is none: a
    // firm or a thing named for two people, "Harley-Davidson"; but
    // "Jean-Pierre Raffarin")
    let glued_to_other = p.len() >= 3
        && cx.w(p[1]) == "-"
        && cx.toks[p[1]].start == cx.toks[p[0]].end
        && !g.first_names.contains(words[1]);
    // "Merrill Lynch", "Dean Witter": a first name and a word the corpus
    // writes before a firm's suffix elsewhere ("Merrill Lynch and Co")
    if words.len() == 2 && g.first_names.contains(firstw) && cx.lex.firm_stem(firstw, words[1]) {
        return (
            EntityType::Org,
            Evidence::Context(format!("\"{name}\" starts a firm's name in the corpus")),
            None,
        );
    }
    if words.len() >= 2
        && !glued_to_other
        && g.first_names.contains(firstw)
        && !words.iter().any(|w| g.is_org_word_or_plural(w))
        && !words[1..]
            .iter()
            .any(|w| is_acronym_word(w) || is_pascal_brand(w, g))
    {
        return (
            EntityType::Person,
            Evidence::FirstName(firstw.to_string()),
            None,
        );
    }
    if let Some(w) = words
        .iter()
        .find(|w| g.is_org_word_or_plural(w) && w.len() > 3)
    {
        return (EntityType::Org, Evidence::OrgWord(w.to_string()), None);
    }
    // "Horn of Africa", "Gulf of Aden": a part of a known place
    if let Some(k) = words.iter().position(|&w| w == "of") {
        let rest = words[k + 1..].join(" ");
        if k > 0 && !g.title_first.contains(firstw) && !ROYAL.contains(&firstw) && g.is_place(&rest)
        {
            return (
                EntityType::Place,
                Evidence::Context(format!("part of \"{rest}\"")),
                None,
            );
        }
    }
    // "WCCO-TV Channel 4", "KQED-FM": a station's call sign
    if norm
        .split(' ')
        .any(|w| w.len() > 5 && (w.ends_with("-TV") || w.ends_with("-FM")))
    {
        return (
            EntityType::Org,
            Evidence::Context("a station's call sign".into()),
            None,
        );
    }
    // (an ordinal before a body's name is no model's number: "the 65th Air
    // Division")
    if words
        .iter()
        .enumerate()
        .any(|(k, w)| w.chars().any(|c| c.is_ascii_digit()) && !(k == 0 && is_digit_ordinal(w)))
    {
        return (
            EntityType::Other,
            Evidence::Context("contains a number".into()),
            None,
        );
    }
    if is_all_caps(norm) && words.len() == 1 {
        return (EntityType::Org, Evidence::Acronym, None);
    }
    if words.len() == 1 && is_camel(firstw) {
        return (
            EntityType::Other,
            Evidence::Context("a brand in camel case".into()),
            None,
        );
    }

    // context: "X said" (a person or a body), "in X" (a place)
    let next_word = (after..b).find(|&i| cx.toks[i].word).map(|i| cx.w(i));
    let before = p[0].checked_sub(1).filter(|&i| i >= a).map(|i| cx.w(i));
    // "an Oscar", "a Grammy": a thing, not a person (names take no "a")
    if words.len() == 1 && matches!(before, Some("a") | Some("an")) && !is_all_caps(firstw) {
        return (
            EntityType::Other,
            Evidence::Context(format!("\"{} {name}\"", before.unwrap_or("a"))),
            None,
        );
    }
    // "The Beatles" in a title: the same, with its article
    if words.len() == 2
        && firstw == "The"
        && last.len() > 4
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !is_all_caps(last)
    {
        return (
            EntityType::Org,
            Evidence::Context(format!("\"{name}\"")),
            None,
        );
    }
    // "the Chargers", "the Beatles": a team or a band (surnames take no article)
    if words.len() == 1
        && matches!(before, Some("the") | Some("The"))
        && firstw.len() > 4
        && firstw.ends_with('s')
        && !firstw.ends_with("ss")
        && !is_all_caps(firstw)
    {
        return (
            EntityType::Org,
            Evidence::Context(format!("\"the {name}\"")),
            None,
        );
    }
    // "LuAnn Marie Johnson, 66, of Burnsville", "a Schenectady man": where
    // someone lives
    let hometown = words.len() == 1
        && (before == Some("of")
            && p[0] >= a + 3
            && cx.w(p[0] - 2) == ","
            && cx.w(p[0] - 3).bytes().all(|c| c.is_ascii_digit())
            || next_word.is_some_and(|w| RESIDENTS.contains(&w))
                && !g.first_names.contains(firstw));
    // "Cupertino, California", "Schenectady, New York": a town, then its
    // state or province (a country follows teams and firms as often: "Juventus,
    // Italy")
    let town_of = || {
        words.len() <= 2
            && !g.first_names.contains(firstw)
            && after + 1 < b
            && cx.w(after) == ","
            && (1..=3).any(|k| {
                let end = after + k;
                end < b
                    && (after + 1..=end).all(|i| cx.toks[i].word && is_cap(cx.w(i)))
                    && matches!(
                        g.lookup(&cx.text[cx.toks[after + 1].start..cx.toks[end].end]),
                        Some((EntityType::Place, c)) if g.subdivisions.contains(c)
                    )
                    && !cx.text[cx.toks[end].end..].starts_with(['\'', '’'])
                    && cx
                        .toks
                        .get(end + 1)
                        .is_none_or(|t| !t.word || !is_cap(t.text(cx.text)))
            })
    };
    // "the town of Sebago", "the province of Ontario": what kind of place
    // the text says the name is
    let kind_of_place = words.len() <= 3
        && before == Some("of")
        && p[0] >= a + 2
        && PLACE_KINDS.contains(&cx.w(p[0] - 2));
    // "the MP for Sedgefield", "Senator for Ohio": the seat a member sits for
    let seat = words.len() <= 3
        && before == Some("for")
        && p[0] >= a + 2
        && SEAT_TITLES.contains(&cx.w(p[0] - 2))
        && !g.first_names.contains(firstw);
    if kind_of_place || seat {
        return (
            EntityType::Place,
            Evidence::Context(format!("\"{} {} {name}\"", cx.w(p[0] - 2), cx.w(p[0] - 1))),
            None,
        );
    }
    if hometown || town_of() {
        let why = if hometown {
            format!("where someone lives, \"{name}\"")
        } else {
            format!("\"{name}\", then its state")
        };
        return (EntityType::Place, Evidence::Context(why), None);
    }
    // two unknown words after "at", "to" or "from" are as often a person
    // ("look at Mo Cheeks", "a pass to John Smith"): a place only from form,
    // where nothing else tells
    // (and one unknown word after "to" or "from" is as often a product, a
    // disease or a singer: "switch to Linux", "a song from Eminem")
    let weak_prep = |pw: &str| {
        (words.len() == 2 && matches!(pw, "at" | "to" | "from" | "around")
            || words.len() == 1 && matches!(pw, "to" | "from"))
            && !g.is_place(firstw)
    };
    // "in Okonkwo's speech", "at Platt's Music Hall": the preposition's
    // object is what the name owns, not the name
    let possessive = after < b && cx.possessive_at(after);
    let owns_a_word = possessive && after + 1 < b && cx.toks[after + 1].word;
    // (nor is "in God" a place: a name WordNet knows only as a person, a
    // group or a work)
    let no_place = owns_a_word || features::proper_no_place(name);
    let weak_place =
        before.is_some_and(|pw| PLACE_PREPS.contains(&pw) && weak_prep(pw)) && !no_place;
    if let Some(pw) = before {
        if PLACE_PREPS.contains(&pw) && words.len() <= 2 && !weak_prep(pw) && !no_place {
            return (
                EntityType::Place,
                Evidence::Context(format!("\"{pw} {name}\"")),
                None,
            );
        }
    }
    // "Moody's said", "rated AA by Moody's and", "at Sotheby's.": a name
    // with a possessive that owns nothing (a verb follows it, or "and", or
    // the sentence goes on no further, after "by", "at"...) is a firm's, the
    // possessive its own ("Smith's been" says "Smith has been")
    if possessive {
        let then = (after + 1 < b).then(|| &cx.toks[after + 1]);
        let then_word = then.filter(|t| t.word).map(|t| t.text(cx.text));
        let verb = then_word.is_some_and(|w| {
            SAY_WORDS.contains(&w)
                || AUXILIARIES.contains(&w) && !matches!(w, "been" | "be" | "had" | "have")
        });
        let place_prep = matches!(before, Some("by" | "at"));
        let owns_nothing = then.is_none_or(|t| !t.word && !matches!(t.text(cx.text), "-" | "–"))
            || then_word.is_some_and(|w| matches!(w, "and" | "or"));
        if verb || place_prep && owns_nothing {
            let how = then_word.map_or(String::new(), |w| format!(" {w}"));
            return (
                EntityType::Org,
                Evidence::Context(format!("\"{name}'s{how}\"")),
                None,
            );
        }
    }
    if let Some(nw) = next_word {
        if SAY_WORDS.contains(&nw) && after < b && cx.toks[after].word {
            return (
                EntityType::Person,
                Evidence::Says(format!("\"{name} {nw}\"")),
                None,
            );
        }
    }
    if words.len() == 1 && g.first_names.contains(firstw) && !g.is_common(firstw) {
        return (
            EntityType::Person,
            Evidence::FirstName(firstw.to_string()),
            None,
        );
    }
    if words.len() >= 2 {
        // "Boeing Commercial Airplanes", "Intel Core": a listed company's unit
        // or product, not a person
        if g.companies.contains_key(firstw) {
            return (EntityType::Org, Evidence::Company, None);
        }
        if is_club_suffix(last) {
            return (EntityType::Org, Evidence::OrgWord(last.to_string()), None);
        }
        // "Yukos USA", "Universities UK": a body's branch in a country
        if is_all_caps(last) && g.is_place(last) {
            return (
                EntityType::Org,
                Evidence::Context(format!("a body in \"{last}\"")),
                None,
            );
        }
        // "Mac OS X", "Windows XP": capitals no person's name has (in a
        // name not all in capitals: "TERRE HAUTE" is a headline's)
        // (nor a firm's name with a connector or a hyphen: "Societe Francaise
        // de BP", "Thomson-CSF")
        if !is_all_caps(firstw)
            && !norm.contains('-')
            && !words.iter().any(|w| CONNECTORS.contains(w))
            && words[1..].iter().any(|w| is_acronym_word(w))
        {
            return (
                EntityType::Other,
                Evidence::Context("an acronym inside".into()),
                None,
            );
        }
        if weak_place {
            return (EntityType::Place, Evidence::Default, None);
        }
        if words.iter().all(|w| g.is_common(w)) {
            return (EntityType::Org, Evidence::Default, None);
        }
        return (EntityType::Person, Evidence::Default, None);
    }
    if weak_place {
        return (EntityType::Place, Evidence::Default, None);
    }
    (EntityType::Other, Evidence::Default, None)
}

#[cfg(test)]
mod tests {
    use super::super::text::{sentences, tokens};
    use super::*;

    /// The mentions of one text, with its own word evidence.
    fn analyzed(text: &str) -> Vec<Mention> {
        let toks = tokens(text);
        let sents = sentences(text);
        let mut lex = Lexicon::default();
        lex.observe(text, &toks, &sents);
        mentions(text, &toks, &sents, &lex)
    }

    fn found(text: &str) -> Vec<(String, EntityType)> {
        analyzed(text)
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.ty))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|x| x.0).collect()
    }

    /// A storm's and a ship's name alone is the whole name's, typed and
    /// linked so; the storm's words are the name's even where they start a
    /// sentence or the rules found no name.
    #[test]
    fn a_storm_s_or_a_ship_s_name_alone_is_the_whole_name_s() {
        let text = "Hurricane Delphine hit Tampico. Delphine killed nine. \
                    The hurricane Orvald formed later. The USS Cole sailed. Cole sank.";
        let got: Vec<(String, EntityType, Option<String>)> = analyzed(text)
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.ty, m.canonical))
            .collect();
        let other =
            |n: &str, c: Option<&str>| (n.to_string(), EntityType::Other, c.map(String::from));
        for want in [
            other("Hurricane Delphine", None),
            other("Delphine", Some("Hurricane Delphine")),
            other("Orvald", None),
            other("USS Cole", None),
            other("Cole", Some("USS Cole")),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // the storm's word inside a body's name names no storm
        assert_eq!(
            found("The National Hurricane Center in Miami warned of Hurricane Delphine."),
            vec![
                ("National Hurricane Center".to_string(), EntityType::Org),
                ("Miami".to_string(), EntityType::Place),
                ("Hurricane Delphine".to_string(), EntityType::Other),
            ]
        );
    }

    /// A long text read on all cores, sentence blocks and the blocks of a
    /// long sentence (cut at its commas) alike, finds the same mentions in
    /// the same order.
    #[test]
    fn read_on_all_cores_a_text_gives_the_same_mentions() {
        let mut text = crate::corpus::SAMPLE_TEXTS.join("\n\n");
        // and one long sentence of names
        let list: Vec<String> = (0..300).map(|i| format!("Olaf Scholz{i}")).collect();
        text.push_str(&format!("\n\nThey met {} in Berlin.", list.join(", ")));
        let toks = tokens(&text);
        let sents = sentences(&text);
        let mut lex = Lexicon::default();
        lex.observe(&text, &toks, &sents);
        let one = mentions_with(&text, &toks, &sents, &lex, usize::MAX);
        assert!(one.len() > 300);
        for par in [1, 50, 700] {
            assert_eq!(mentions_with(&text, &toks, &sents, &lex, par), one, "{par}");
        }
    }

    /// A run of capitals is read at most MAX_RUN tokens at a time (the
    /// work on a run grows with its length squared: "Olaf Scholz " written
    /// 40,000 times took 8 s), and such a run names nothing.
    #[test]
    fn a_run_of_capitals_longer_than_any_name_names_nothing() {
        let text = "Olaf Scholz ".repeat(5000);
        let m = analyzed(&text);
        let longest = m
            .iter()
            .map(|m| text[m.range.clone()].split_whitespace().count())
            .max()
            .unwrap_or(0);
        assert!(longest < MAX_RUN, "{longest} words");
        // a long list of names separated by commas still has its names
        let list: Vec<String> = (0..50).map(|i| format!("Olaf Scholz{i}")).collect();
        assert!(names(&format!("They met {}.", list.join(", "))).len() >= 25);
    }

    #[test]
    fn capitals_joined_by_an_ampersand_are_one_name() {
        assert_eq!(
            found("Buyers overwhelmed Apple and AT&T. The R&D budget and P&G's rose."),
            vec![
                ("Apple".into(), EntityType::Org),
                ("AT&T".into(), EntityType::Org),
                ("P&G".into(), EntityType::Org)
            ]
        );
    }

    #[test]
    fn a_role_before_of_is_the_body_s_role_not_its_name() {
        assert_eq!(
            found("\"It is good,\" said Joe Leonard, Chairman and Chief Operating Officer of AirTran Airways."),
            vec![
                ("Joe Leonard".into(), EntityType::Person),
                ("AirTran Airways".into(), EntityType::Org)
            ]
        );
    }

    #[test]
    fn plural_heads_possessive_groups_and_events_name_bodies() {
        assert_eq!(
            found("Hearings begin in the Royal Courts of Justice, located in London."),
            vec![
                ("Royal Courts of Justice".into(), EntityType::Org),
                ("London".into(), EntityType::Place)
            ]
        );
        let f = found("Officials of the People's Republic of China and the Workers' Party of Korea watched the World Cup.");
        assert_eq!(
            f.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            [
                "People's Republic of China",
                "Workers' Party of Korea",
                "World Cup"
            ]
        );
        assert_eq!(f[2].1, EntityType::Other);
        // a surname in the plural stays a person's
        assert_eq!(
            found("He met Tyra Banks in Paris."),
            vec![
                ("Tyra Banks".into(), EntityType::Person),
                ("Paris".into(), EntityType::Place)
            ]
        );
    }

    #[test]
    fn products_by_their_brand_s_form_are_no_persons() {
        let f = found("The iPod nano, the iPod touch and the new MacBook Pro run Mac OS X Lion, said Tom McGee.");
        assert_eq!(
            f,
            vec![
                ("iPod nano".into(), EntityType::Other),
                ("iPod touch".into(), EntityType::Other),
                ("MacBook Pro".into(), EntityType::Other),
                ("Mac OS X Lion".into(), EntityType::Other),
                ("Tom McGee".into(), EntityType::Person)
            ]
        );
        // letters after a person's name, and a club's or a firm's
        let f =
            found("He met Guy Mansfield QC, of Classic FM and Yukos USA, and Pope John Paul II.");
        assert!(
            f.contains(&("Guy Mansfield QC".into(), EntityType::Person)),
            "{f:?}"
        );
        assert!(f.contains(&("Classic FM".into(), EntityType::Org)), "{f:?}");
        assert!(f.contains(&("Yukos USA".into(), EntityType::Org)), "{f:?}");
        assert!(
            f.iter()
                .any(|(n, t)| n.ends_with("John Paul II") && *t == EntityType::Person),
            "{f:?}"
        );
    }

    #[test]
    fn flights_roads_channels_and_an_airline_s_plane() {
        let f = found("Adam Air Flight 574 crashed. An American Airlines 777 landed on state Route 94, said WCCO-TV Channel 4, after the iPhone 4 launch.");
        assert!(f.contains(&("Adam Air".into(), EntityType::Org)), "{f:?}");
        assert!(
            f.contains(&("American Airlines".into(), EntityType::Org)),
            "{f:?}"
        );
        assert!(f.contains(&("Route 94".into(), EntityType::Place)), "{f:?}");
        assert!(
            f.contains(&("WCCO-TV Channel 4".into(), EntityType::Org)),
            "{f:?}"
        );
        // a short number alone is no model's name
        assert!(!f.iter().any(|(n, _)| n == "4"), "{f:?}");
    }

    #[test]
    fn stock_tickers_and_a_title_s_abbreviation_are_no_names() {
        assert_eq!(
            found("NV Philips <PGLO.AS> and AT&T <T.N> agreed, said Rep. John Dingell."),
            vec![
                ("NV Philips".into(), EntityType::Org),
                ("AT&T".into(), EntityType::Org),
                ("John Dingell".into(), EntityType::Person)
            ]
        );
    }

    #[test]
    fn a_band_with_its_article_and_a_community_are_bodies() {
        let f = found("He sang a song of The Beatles. The Caribbean Community met in Georgetown.");
        assert!(
            f.contains(&("The Beatles".into(), EntityType::Org)),
            "{f:?}"
        );
        assert!(
            f.contains(&("Caribbean Community".into(), EntityType::Org)),
            "{f:?}"
        );
    }

    #[test]
    fn and_joins_a_known_whole_not_a_place_to_a_body() {
        assert_eq!(
            found("Trinidad and Tobago met British and Commonwealth Shipping Co and the Bank of England and Treasury."),
            vec![
                ("Trinidad and Tobago".into(), EntityType::Place),
                ("British and Commonwealth Shipping Co".into(), EntityType::Org),
                ("Bank of England".into(), EntityType::Org),
                ("Treasury".into(), EntityType::Org)
            ]
        );
        assert_eq!(
            names("The Securities and Exchange Commission said."),
            ["Securities and Exchange Commission"]
        );
    }

    #[test]
    fn offices_seats_parties_and_a_firm_s_head() {
        let f = found("He met Secretary of Commerce Malcolm Baldrige, Minister of State for Finance Tom Hockin, the MP for Sedgefield and President of Boeing Alan Mulally.");
        assert!(
            f.contains(&("Malcolm Baldrige".into(), EntityType::Person)),
            "{f:?}"
        );
        assert!(
            f.contains(&("Tom Hockin".into(), EntityType::Person)),
            "{f:?}"
        );
        assert!(f.contains(&("Boeing".into(), EntityType::Org)), "{f:?}");
        assert!(
            f.contains(&("Alan Mulally".into(), EntityType::Person)),
            "{f:?}"
        );
        // a seat after "MP for" is no person
        assert!(
            !f.iter()
                .any(|(n, t)| n == "Sedgefield" && *t == EntityType::Person),
            "{f:?}"
        );
        // an office of nothing but common words has no holder here: no
        // person "Agriculture", "Commerce" or "House"
        let f = found(
            "He Kang, Minister of Agriculture, said output fell, and the Secretary of \
             Commerce agreed, as did the Chairman of the House.",
        );
        for office in ["Agriculture", "Commerce", "House"] {
            assert!(
                !f.iter()
                    .any(|(n, t)| n == office && *t == EntityType::Person),
                "{office}: {f:?}"
            );
        }
        // a party's member: the party, then the person
        assert_eq!(
            found("Labour MP Christine Russell and Liberal Democrat Charles Kennedy spoke of Rolls-Royce Trent 900 engines and the fight against Aids."),
            vec![
                ("Labour".into(), EntityType::Org),
                ("Christine Russell".into(), EntityType::Person),
                ("Liberal Democrat".into(), EntityType::Org),
                ("Charles Kennedy".into(), EntityType::Person),
                ("Rolls-Royce Trent 900".into(), EntityType::Other)
            ]
        );
    }

    #[test]
    fn a_place_s_name_is_no_plural_title() {
        let t = "Driver Charged In Fatal Queens Hit & Run\nA woman was killed in Queens.";
        assert_eq!(
            found(t),
            vec![
                ("Queens".into(), EntityType::Place),
                ("Queens".into(), EntityType::Place)
            ]
        );
    }

    #[test]
    fn where_someone_lives_is_a_place() {
        assert_eq!(
            found("LuAnn Marie Johnson, 66, of Burnsville was struck. A Schenectady man was held."),
            vec![
                ("LuAnn Marie Johnson".into(), EntityType::Person),
                ("Burnsville".into(), EntityType::Place),
                ("Schenectady".into(), EntityType::Place)
            ]
        );
    }

    #[test]
    fn a_place_then_common_words_before_a_title_are_the_title_s() {
        assert_eq!(
            found("He met U.S. Trade Representative Clayton Yeutter and British Foreign Secretary John Major."),
            vec![
                ("U.S.".into(), EntityType::Place),
                ("Clayton Yeutter".into(), EntityType::Person),
                ("John Major".into(), EntityType::Person)
            ]
        );
        assert_eq!(
            found("He met EC Farm Commissioner Frans Andriessen."),
            vec![
                ("EC".into(), EntityType::Org),
                ("Frans Andriessen".into(), EntityType::Person)
            ]
        );
    }

    #[test]
    fn acronym_units_saints_and_plural_abbreviations() {
        let f = found("It was shown on BBC Sport. He lives near St Albans, sold by JP McManus. Sales of SUVs rose.");
        assert!(f.contains(&("BBC Sport".into(), EntityType::Org)), "{f:?}");
        assert!(
            f.contains(&("St Albans".into(), EntityType::Place)),
            "{f:?}"
        );
        // two capitals are as often initials
        assert!(
            !f.iter()
                .any(|(n, t)| n == "JP McManus" && *t == EntityType::Org),
            "{f:?}"
        );
        assert!(!f.iter().any(|(n, _)| n == "SUVs"), "{f:?}");
        assert_eq!(
            found("He flew to St. Louis and Mt. Everest."),
            vec![
                ("St. Louis".into(), EntityType::Place),
                ("Mt. Everest".into(), EntityType::Place)
            ]
        );
        // a sentence's first word that is also a first name ("In")
        assert_eq!(
            found("In California, a suit was filed."),
            vec![("California".into(), EntityType::Place)]
        );
        assert_eq!(
            found("It joined the UK RAF."),
            vec![("UK RAF".into(), EntityType::Org)]
        );
        assert_eq!(
            found("Rio Grande do Sul and Dar es Salaam. What do Americans think?"),
            vec![
                ("Rio Grande do Sul".into(), EntityType::Place),
                ("Dar es Salaam".into(), EntityType::Place)
            ]
        );
        assert_eq!(
            found("President George W. Bush spoke."),
            vec![("George W. Bush".into(), EntityType::Person)]
        );
        assert_eq!(
            found("Michael J. Fox met Regina M. Benjamin, Surgeon General, Department of Health."),
            vec![
                ("Michael J. Fox".into(), EntityType::Person),
                ("Regina M. Benjamin".into(), EntityType::Person),
                ("Department of Health".into(), EntityType::Org)
            ]
        );
        assert_eq!(
            found("He joined Queens Park Rangers."),
            vec![("Queens Park Rangers".into(), EntityType::Org)]
        );
        // after a title, a body whose head before "of" is a body's word
        assert_eq!(
            found("Hoyt, Secretary of the New Jersey Department of Public Safety, left."),
            vec![
                ("Hoyt".into(), EntityType::Person),
                (
                    "New Jersey Department of Public Safety".into(),
                    EntityType::Org
                )
            ]
        );
        // the place as written, its stop kept: a team, not a saint's place
        assert_eq!(
            found("He joined the St. Louis Eagles."),
            vec![("St. Louis Eagles".into(), EntityType::Org)]
        );
        // a role after the name: its body; a role word after "to": a verb
        let m = analyzed("Former Chelsea captain Desailly left. They will host Arsenal or Leeds.");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[0].ty, EntityType::Org, "{m:?}");
        assert!(!matches!(m[2].evidence, Evidence::Title(_)), "{m:?}");
        assert_eq!(
            found("Officials said Cupertino, California, would vote."),
            vec![
                ("Cupertino".into(), EntityType::Place),
                ("California".into(), EntityType::Place)
            ]
        );
    }

    #[test]
    fn two_unknown_words_after_to_are_no_place_by_that_alone() {
        // a place from form only, which any other evidence outweighs
        let m = by_rules("He passed to Kieron Dyer in the second half.");
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].ty, m[0].evidence.strength()), (EntityType::Place, 0));
        // the model's word on it is no stronger than a context's
        let m = analyzed("He passed to Kieron Dyer in the second half.");
        assert!(m[0].evidence.strength() <= 1, "{m:?}");
        // "in" still tells
        let m = analyzed("The plane landed in Ouadi Doum.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].ty, EntityType::Place);
        assert!(m[0].evidence.strength() > 0);
    }

    #[test]
    fn titles_are_not_part_of_names() {
        assert_eq!(
            found(
                "In a call, US President Donald Trump and Russian President Vladimir Putin spoke."
            ),
            vec![
                ("US".into(), EntityType::Place),
                ("Donald Trump".into(), EntityType::Person),
                ("Vladimir Putin".into(), EntityType::Person)
            ]
        );
        assert_eq!(
            names("It was led by Secretary of State Marco Rubio today."),
            vec!["Marco Rubio"]
        );
        assert_eq!(
            names("He thanked First Lady Melania Trump for it."),
            vec!["Melania Trump"]
        );
    }

    #[test]
    fn possessives_compounds_and_abbreviations() {
        assert_eq!(
            names("They discussed Trump's plan and US-Russia trade."),
            vec!["Trump", "US", "Russia"]
        );
        assert_eq!(
            names("The War with Russia/Ukraine ended. The war was long."),
            vec!["Russia", "Ukraine"]
        );
        assert_eq!(
            found("Officials at the U.S. Treasury Department said no.")[0],
            ("U.S. Treasury Department".into(), EntityType::Org)
        );
    }

    #[test]
    fn a_possessive_split_off_by_a_space_is_the_word_s() {
        // text split into tokens (WikiGold, CoNLL) writes " 's"
        for text in [
            "The People's Republic of China said so.",
            "The People 's Republic of China said so.",
        ] {
            let name = &text[4..text.find(" said").unwrap()];
            assert_eq!(found(text), vec![(name.into(), EntityType::Place)]);
        }
        assert_eq!(
            names("Analysts said Velmaro 's said it would cut the rating."),
            vec!["Velmaro"]
        );
        // a quote is no possessive: "'s" after a word written apart
        assert_eq!(names("The man said ' so what ' to Ruiz."), vec!["Ruiz"]);
    }

    #[test]
    fn a_hyphen_spaced_in_a_name_of_text_split_into_tokens_joins_it() {
        let n = names("Shares of the low - cost Wal - Mart rose. Wal - Mart said sales fell.");
        assert_eq!(n, vec!["Wal - Mart", "Wal - Mart"]);
        // a text that glues its hyphens writes a dash so
        let n = names("The low-cost Wal - Mart rose.");
        assert!(!n.iter().any(|x| x.contains(" - ")), "{n:?}");
        // names that stand alone, or a word the text writes alone, split
        let n = names("The long - awaited Trump - Putin call ended. Trump said so.");
        assert!(
            n.contains(&"Trump".into()) && n.contains(&"Putin".into()),
            "{n:?}"
        );
        let n =
            names("The Velmoro - Tanz deal fell through. Velmoro said so in a one - line note.");
        assert!(!n.iter().any(|x| x.contains(" - ")), "{n:?}");
        // a dash before a word in lower case starts no name
        let n = names("Jarvik - who had left - said no to the 61 - year - old.");
        assert!(!n.iter().any(|x| x.contains(" - ")), "{n:?}");
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        assert_eq!(
            names("During the call, Putin spoke. Despite that, Witkoff left."),
            vec!["Putin", "Witkoff"]
        );
        assert_eq!(
            names("Trump and Putin Expected to Discuss Ukraine Ceasefire\nA ceasefire is expected by Trump and Putin, says Trump."),
            vec!["Trump", "Putin", "Ukraine", "Trump", "Putin", "Trump"]
        );
    }

    #[test]
    fn roles_before_names() {
        assert_eq!(
            found("Kremlin spokesman Dmitry Peskov said so.")[1],
            ("Dmitry Peskov".into(), EntityType::Person)
        );
        assert_eq!(
            found("Kremlin spokesman Dmitry Peskov said so.")[0].1,
            EntityType::Org
        );
    }

    #[test]
    fn org_words_and_acronyms() {
        // a body's word in the singular as in the plural, before a place's
        // word inside the name
        assert_eq!(
            found("She worked at the Cold Spring Harbor Laboratory then.")[0].1,
            EntityType::Org
        );
        let f = found("He faces an International Criminal Court warrant, said AFP.");
        assert_eq!(
            f[0],
            ("International Criminal Court".into(), EntityType::Org)
        );
        assert_eq!(f[1].0, "AFP");
    }

    #[test]
    fn brands_and_models() {
        let f = found("Apple unveiled the iPhone 4 and a new iPod on Monday.");
        let got: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(got, ["Apple", "iPhone 4", "iPod"]);
        assert_eq!((f[1].1, f[2].1), (EntityType::Other, EntityType::Other));
        // a brand vouches for the common words after it; i- brands may end in capitals
        assert_eq!(
            found("Sales at the iTunes Music Store rose, and iOS 5 shipped.")[..],
            [
                ("iTunes Music Store".into(), EntityType::Other),
                ("iOS 5".into(), EntityType::Other)
            ]
        );
        assert_eq!(
            names("Scientists studied mRNA vaccines in Boston."),
            ["Boston"]
        );
        assert_eq!(
            found("The airline ordered five Boeing 737s and an Airbus A380.")[..],
            [
                ("Boeing 737s".into(), EntityType::Other),
                ("Airbus A380".into(), EntityType::Other)
            ]
        );
        // a score or a count is not a model
        assert_eq!(
            names("Portland beat Philadelphia 104-98 on Sunday."),
            vec!["Portland", "Philadelphia"]
        );
        assert_eq!(names("Shares of Boeing 100 percent up."), vec!["Boeing"]);
        assert_eq!(
            names("They bought a UK iTunes voucher."),
            vec!["UK", "iTunes"]
        );
        assert_eq!(
            found("The Boeing 737-800 flew.")[0],
            ("Boeing 737-800".into(), EntityType::Other)
        );
        // the bare model, once the article names it with its maker
        let f = found("Qantas flies the Boeing 787 now. Its 787s seat 236, and 300 more are due.");
        let got: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(got, ["Qantas", "Boeing 787", "787s"]);
    }

    #[test]
    fn acronyms_defined_in_parentheses() {
        // (and the brackets spaced, as text split into tokens writes them)
        for t in [
            "Singapore Airlines (SIA) ordered jets. SIA said so.",
            "Singapore Airlines ( SIA ) ordered jets . SIA said so .",
        ] {
            let m = analyzed(t);
            let sia: Vec<_> = m.iter().filter(|m| &t[m.range.clone()] == "SIA").collect();
            assert_eq!(sia.len(), 2, "{t}");
            assert!(
                sia.iter()
                    .all(|m| m.canonical.as_deref() == Some("Singapore Airlines")),
                "{t}"
            );
        }
    }

    #[test]
    fn an_acronym_is_what_its_definition_is() {
        // a term's acronym, its letters the first letters of the words
        // before it (small joining words skipped)
        for t in [
            "They measured sea surface salinity (SSS) from space. The SSS fell.",
            "U.S. gross domestic product (GDP) rose. GDP is watched.",
            "It is the ratio of debt to income (DI), said Mr. Smith.",
        ] {
            let f = found(t);
            assert!(
                f.iter()
                    .all(|(n, _)| !n.chars().all(|c| c.is_ascii_uppercase())),
                "{t}: {f:?}"
            );
        }
        // a name's acronym takes the name's type, a place's or another
        // name's (not a person's: see defined_acronyms)
        for (t, ty) in [
            (
                "Apple released the iPhone Software Development Kit (SDK). The SDK is free.",
                EntityType::Other,
            ),
            (
                "Trade with the United Arab Emirates (UAE) grew. The UAE agreed.",
                EntityType::Place,
            ),
        ] {
            let short = t[t.find('(').unwrap() + 1..t.find(')').unwrap()].to_string();
            let got: Vec<EntityType> = found(t)
                .into_iter()
                .filter(|x| x.0 == short)
                .map(|x| x.1)
                .collect();
            assert_eq!(got, [ty, ty], "{t}");
        }
        // an acronym whose letters the words before do not spell stays
        assert!(names("He met the head of NATO (NATO) and the EU.").contains(&"EU".to_string()));
    }

    #[test]
    fn names_written_together_split() {
        assert_eq!(
            names("Jets came from Shanghai Airlines and Xiamen Airlines."),
            vec!["Shanghai Airlines", "Xiamen Airlines"]
        );
        assert_eq!(
            names("They met in Budapest Hungary last week."),
            vec!["Budapest", "Hungary"]
        );
        assert_eq!(
            names("The Securities and Exchange Commission sued."),
            vec!["Securities and Exchange Commission"]
        );
    }

    #[test]
    fn a_title_that_ends_a_name_is_not_part_of_it() {
        assert_eq!(
            found("It was a good call, the US President added.")[..],
            [("US".into(), EntityType::Place)]
        );
        assert_eq!(
            found("Prices rose, said Ryanair CEO on Monday.")[..],
            [("Ryanair".into(), EntityType::Org)]
        );
        assert_eq!(names("He met Billy King on Monday."), ["Billy King"]);
    }

    /// Two capitalized words the corpus writes inside a sentence, the first
    /// a common word, are one name at another text's sentence start ("Whole
    /// Foods said"); not after an article or a conjunction ("The", "If").
    #[test]
    fn a_pair_the_corpus_writes_inside_a_sentence_is_one_name_at_a_start() {
        let names_with = |text: &str, other: &str| -> Vec<String> {
            let mut lex = Lexicon::default();
            for t in [other, text] {
                lex.observe(t, &tokens(t), &sentences(t));
            }
            mentions(text, &tokens(text), &sentences(text), &lex)
                .into_iter()
                .map(|m| text[m.range].to_string())
                .collect()
        };
        let text = "Whole Foods said sales rose.";
        assert_eq!(names_with(text, "Rain fell."), ["Foods"]);
        let other = "Shares in the Whole Foods chain fell.";
        assert_eq!(names_with(text, other), ["Whole Foods"]);
        let text = "The Mail said profits rose.";
        let other = "He reads The Mail daily.";
        assert_eq!(names_with(text, other), ["Mail"]);
    }

    /// Ranks of armed forces are titles, written out or shortened: no name
    /// of their own ("Brigadier", "Cpl"), the person after them a person.
    #[test]
    fn military_ranks_are_titles() {
        for (text, person) in [
            (
                "Command passed to Brigadier General Okonkwo Adebayo in 1943.",
                "Okonkwo Adebayo",
            ),
            (
                "Reporters met Maj. Gen. Okonkwo Adebayo there.",
                "Okonkwo Adebayo",
            ),
            (
                "Reporters met Cpl. Okonkwo Adebayo there.",
                "Okonkwo Adebayo",
            ),
            (
                "Reporters met Field Marshal Okonkwo Adebayo there.",
                "Okonkwo Adebayo",
            ),
            (
                "Reporters met Staff Sergeant Okonkwo Adebayo there.",
                "Okonkwo Adebayo",
            ),
        ] {
            assert_eq!(found(text), [(person.into(), EntityType::Person)], "{text}");
        }
    }

    /// A title that starts a place's name is part of it: a place the tables
    /// know ("Prince Edward Island") or one a place's word ends that is no
    /// surname ("King County"). Not a surname ("Mr Park"), nor a role of a
    /// place ("the Minister of State").
    #[test]
    fn a_title_that_starts_a_place_s_name_is_part_of_it() {
        for (text, place) in [
            (
                "He flew to Prince Edward Island on Monday.",
                "Prince Edward Island",
            ),
            ("He flew to General Santos on Monday.", "General Santos"),
            ("Officials in King County said so.", "King County"),
            (
                "They sailed to Lord Howe Island in May.",
                "Lord Howe Island",
            ),
        ] {
            assert!(
                found(text).contains(&(place.into(), EntityType::Place)),
                "{text}: {:?}",
                found(text)
            );
        }
        assert_eq!(
            found("Reporters met Mr Park at the gate."),
            [("Park".into(), EntityType::Person)]
        );
        assert_eq!(
            found("Reporters met Chairman James C. Lane at the gate."),
            [("James C. Lane".into(), EntityType::Person)]
        );
        assert!(!names("He met the Minister of State on Monday.")
            .iter()
            .any(|n| n.contains("Minister")),);
    }

    #[test]
    fn units_currencies_and_time_zones_are_no_names() {
        assert!(
            names("The chip runs at 2 GHz with 4 GB, for 1.2 billion USD, at 10:00 GMT.")
                .is_empty()
        );
        assert!(names("He was charged with DUI in 2008.").is_empty());
        // "US$" is a currency; "US" alone still the country
        assert!(names("a contract worth US$ 40 billion was signed.").is_empty());
        assert_eq!(names("He said the US would sign."), ["US"]);
        // days of a week in the plural are no name, but a word of one
        assert!(names("Sundays are quiet; the shop shuts on Mondays.").is_empty());
        assert_eq!(
            names("The Happy Mondays played on Sundays."),
            ["Happy Mondays"]
        );
        // zones after a time, one after another
        assert!(names("Posted 06/06/13 07:05 PM ET EDT by the desk.").is_empty());
    }

    #[test]
    fn events_awards_and_company_branches() {
        let f = found("Crowds came to the Paris Air Show and watched the Beijing Olympic Games.");
        assert_eq!(f[0], ("Paris Air Show".into(), EntityType::Other));
        assert_eq!(f[1], ("Beijing Olympic Games".into(), EntityType::Other));
        let f =
            found("Later, EADS North America bid for it and Boeing Commercial Airplanes said no.");
        assert_eq!(f[0], ("EADS North America".into(), EntityType::Org));
        assert_eq!(
            f[1],
            ("Boeing Commercial Airplanes".into(), EntityType::Org)
        );
        // at a sentence start too
        assert_eq!(
            found("Boeing Commercial Airplanes said it would deliver.")[0],
            ("Boeing Commercial Airplanes".into(), EntityType::Org)
        );
    }

    #[test]
    fn one_word_in_capitals_is_an_acronym_not_a_place_of_that_name() {
        // Gao is a city in Mali; "GAO" in ordinary text is an acronym
        let f = analyzed(
            "The Government Accountability Office (GAO) said so. The GAO report came out.",
        );
        let gao: Vec<_> = f.iter().filter(|m| m.range.len() == 3).collect();
        assert_eq!(gao.len(), 2);
        for m in gao {
            assert_eq!(m.ty, EntityType::Org);
            assert_eq!(
                m.canonical.as_deref(),
                Some("Government Accountability Office")
            );
        }
        // a wire headline in capitals still names its places
        assert_eq!(
            found("PRICES FALL IN CHINA AND JAPAN")[0].1,
            EntityType::Place
        );
    }

    #[test]
    fn a_rank_word_starts_a_title_not_a_name() {
        let f = found("The aide, Deputy Treasury Secretary Richard Darman, will go.");
        assert_eq!(f[..], [("Richard Darman".into(), EntityType::Person)]);
        // a name before a title is still one
        let f = found("He met US Secretary of State Marco Rubio there.");
        assert_eq!(f[0], ("US".into(), EntityType::Place));
        assert_eq!(f[1], ("Marco Rubio".into(), EntityType::Person));
    }

    #[test]
    fn numbered_streets_and_compass_places() {
        let f = found(
            "She was hit on 117th Street in South Richmond Hill near 40 East 5th Ave. today.",
        );
        assert_eq!(
            f[..],
            [
                ("117th Street".into(), EntityType::Place),
                ("South Richmond Hill".into(), EntityType::Place),
                ("East 5th Ave.".into(), EntityType::Place),
            ]
        );
        // an organization word still makes an organization
        assert_eq!(
            found("He sent it by Western Union on Monday.")[..],
            [("Western Union".into(), EntityType::Org)]
        );
    }

    #[test]
    fn pronouns_awards_and_sentence_starts_before_acronyms() {
        assert!(
            names("\"I'm not sure,\" he said. \"Because I’m tired, I've stopped.\"").is_empty()
        );
        assert_eq!(
            found("He won an Oscar for the film.")[..],
            [("Oscar".into(), EntityType::Other)]
        );
        assert_eq!(
            names("Many BT customers complained. So MP3 players sold."),
            ["BT", "MP3"]
        );
        // a first name that is a common word before a surname stays
        assert_eq!(
            names("Mark Papermaster, an engineer, left."),
            ["Mark Papermaster"]
        );
    }

    #[test]
    fn and_ends_a_person_s_name() {
        assert_eq!(
            names("Fans of Heather Mills and Manchester United met."),
            ["Heather Mills", "Manchester United"]
        );
        assert_eq!(
            names("He sued the Securities and Exchange Commission."),
            ["Securities and Exchange Commission"]
        );
        assert_eq!(
            names("He works for Merrill Lynch and Co now."),
            ["Merrill Lynch and Co"]
        );
    }

    #[test]
    fn former_is_no_title_and_a_firm_s_role_makes_it_a_body() {
        let f = found(
            "Former Wimbledon champion Pat Cash lost. Later WorldCom chief Bernard Ebbers spoke.",
        );
        assert!(
            f.iter()
                .any(|(n, t)| n == "Wimbledon" && *t != EntityType::Person),
            "{f:?}"
        );
        assert!(f.contains(&("WorldCom".into(), EntityType::Org)), "{f:?}");
        // a person's helpers are no body's
        let f = found("He met Putin spokesman Dmitry Peskov on Monday.");
        assert!(!f.iter().any(|(_, t)| *t == EntityType::Org), "{f:?}");
    }

    #[test]
    fn an_event_word_outweighs_a_first_name() {
        let m = analyzed("She won at the Sydney Olympics, and he is an Olympic champion.");
        let f: Vec<(&str, EntityType, u8)> = m
            .iter()
            .map(|m| {
                (
                    &"She won at the Sydney Olympics, and he is an Olympic champion."
                        [m.range.clone()],
                    m.ty,
                    m.evidence.strength(),
                )
            })
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Sydney Olympics");
        assert_eq!(f[0].1, EntityType::Other);
        // stronger than "Sydney", a first name, elsewhere in the entity
        assert!(f[0].2 > Evidence::FirstName(String::new()).strength());
    }

    #[test]
    fn a_people_in_the_plural_is_no_name_but_ends_a_team_s() {
        // "Iraqis", "Spaniards", "Swedes": peoples, no names
        let n = names("Two Spaniards beat the Swedes, and Iraqis and Saudis cheered.");
        assert!(n.is_empty(), "{n:?}");
        // after another capitalized word of the name: a team, a regiment
        let f = found("Fans of the Cleveland Indians cheered.");
        assert!(
            f.iter()
                .any(|(n, t)| n == "Cleveland Indians" && *t == EntityType::Org),
            "{f:?}"
        );
    }

    #[test]
    fn a_party_s_letter_before_a_state_is_no_name_the_state_is() {
        let f = found(
            "Chairman Fernand St Germain, D-R.I., and Sen. Bob Dole, R-Kan., spoke with Lloyd Bentsen (D-Tex.).",
        );
        for state in ["R.I.", "Kan", "Tex"] {
            assert!(
                f.iter().any(|(n, t)| n == state && *t == EntityType::Place),
                "{state}: {f:?}"
            );
        }
        assert!(
            !f.iter()
                .any(|(n, _)| n.starts_with("D-") || n.starts_with("R-")),
            "{f:?}"
        );
    }

    #[test]
    fn one_capital_and_a_hyphen_start_a_name() {
        let f = found(
            "Vodafone and T-Mobile cut prices, said Senator Lloyd Bentsen (D-Tex.) on Monday.",
        );
        assert!(f.iter().any(|(n, _)| n == "T-Mobile"), "{f:?}");
        assert!(!f.iter().any(|(n, _)| n.starts_with("D-")), "{f:?}");
    }

    /// A double name splits into its pieces only where each is a name of
    /// its own: one the tables know, or one the text also writes with no
    /// hyphen glued to it ("Trump-Putin" beside "Putin said"); a piece
    /// written only in the double name is none ("Saxony-Anhalt",
    /// "Borg-Warner"). A first name glued to a word that is no first name
    /// makes no person of the whole ("Harley-Davidson").
    #[test]
    fn a_double_name_splits_only_into_names_of_their_own() {
        let n = names_by_rules(
            "He moved to Saxony-Anhalt and bought Borg-Warner shares. Later the \
             Trump-Putin call ended. Putin said Trump and Saxony agreed.",
        );
        for want in ["Saxony-Anhalt", "Borg-Warner", "Trump", "Putin"] {
            assert!(n.contains(&want.to_string()), "{want}: {n:?}");
        }
        for not in ["Anhalt", "Borg", "Warner", "Trump-Putin"] {
            assert!(!n.contains(&not.to_string()), "{not}: {n:?}");
        }
        let text = "He rode a Harley-Davidson home. Jean-Pierre Raffarin smiled.";
        let m = by_rules(text);
        let of = |name: &str| {
            m.iter()
                .find(|x| &text[x.range.clone()] == name)
                .map(|x| x.evidence.clone())
        };
        let first = |e: Option<Evidence>| matches!(e, Some(Evidence::FirstName(_)));
        assert!(!first(of("Harley-Davidson")), "{m:?}");
        assert!(first(of("Jean-Pierre Raffarin")), "{m:?}");
    }

    /// A glued piece in lower case that is no English word is the name's
    /// ("Chee-hwa"); one that is a word is not ("Obama-era"), nor one after
    /// a name known on its own ("Iran-contra").
    #[test]
    fn a_glued_piece_in_lower_case_ends_a_name_when_it_is_no_word() {
        let n = names(
            "Tung Chee-hwa met Kim Jong-un in the Obama-era talks on the Iran-contra affair.",
        );
        assert!(n.contains(&"Tung Chee-hwa".into()), "{n:?}");
        assert!(n.contains(&"Kim Jong-un".into()), "{n:?}");
        // nor after a name known on its own
        assert!(
            !n.iter().any(|x| x.contains("era") || x.contains("contra")),
            "{n:?}"
        );
    }

    /// The Arabic article glued by a hyphen is the name's ("al-Sadr",
    /// "al-Qaeda"); an ordinal in digits starts a body's name ("the 65th
    /// Air Division"), not another ("the 3rd of May").
    #[test]
    fn a_glued_article_and_an_ordinal_start_a_name() {
        let n = names(
            "Muqtada al-Sadr denounced al-Qaeda. The 65th Air Division and the 101st Airborne Division left on the 3rd of May.",
        );
        for want in [
            "Muqtada al-Sadr",
            "al-Qaeda",
            "65th Air Division",
            "101st Airborne Division",
        ] {
            assert!(n.contains(&want.into()), "{want}: {n:?}");
        }
        assert!(!n.iter().any(|x| x.starts_with("3rd")), "{n:?}");
        assert!(is_digit_ordinal("65th") && is_digit_ordinal("2nd") && !is_digit_ordinal("65"));
    }

    /// A middle initial after a first name, and the word after it, stay
    /// in the name in a headline, where capitals prove nothing.
    #[test]
    fn a_middle_initial_holds_a_headline_s_name_together() {
        let t = "Wikinews interviews George W. Bush and Mario J. Lucero\n\nThe rest is here.";
        let n = names(t);
        assert!(n.contains(&"George W. Bush".into()), "{n:?}");
        assert!(n.contains(&"Mario J. Lucero".into()), "{n:?}");
    }

    /// A title in quotes is one name, a work's, even when only common words
    /// make it; a quote that names a known place is a phrase quoted.
    #[test]
    fn a_title_in_quotes_is_a_work_s_name() {
        let f = found(
            "She starred in such films as \"Bathing Beauty\" and \"A Beautiful Mind,\" both hits.",
        );
        for want in ["Bathing Beauty", "A Beautiful Mind"] {
            assert!(
                f.contains(&(want.into(), EntityType::Other)),
                "{want}: {f:?}"
            );
        }
        // (a possessive inside it)
        let f = found("She starred in \"Jupiter's Darling\" that year.");
        assert!(f.iter().any(|(n, _)| n == "Jupiter's Darling"), "{f:?}");
        // (a close set off by a space after the title's mark)
        let f = found(
            "The self-described \"Million Dollar Mermaid, \"whose beauty launched a genre, died.",
        );
        assert!(
            f.contains(&("Million Dollar Mermaid".into(), EntityType::Other)),
            "{f:?}"
        );
        let n = names(
            "Putin praised the \"Great Accomplishment of Peace in the Middle East\" on Monday.",
        );
        assert!(!n.iter().any(|x| x.contains("Great")), "{n:?}");
        assert!(n.contains(&"Middle East".into()), "{n:?}");
    }

    /// In a headline, a common word after a person's name is the
    /// headline's verb or adjective.
    #[test]
    fn a_headline_s_verb_after_a_person_is_no_part_of_the_name() {
        for (t, want) in [
            (
                "Esther Williams Dead: Star Dies At Age 91\n\nThe rest is here.",
                "Esther Williams",
            ),
            ("Karen Walsh Dies At 91\n\nThe rest is here.", "Karen Walsh"),
            (
                "Nancy Reagan Visits Texas\n\nThe rest is here.",
                "Nancy Reagan",
            ),
        ] {
            let n = names(t);
            assert_eq!(n.first().map(String::as_str), Some(want), "{t}: {n:?}");
        }
    }

    /// A title or a role after a known body or place is no part of its
    /// name; another person's noun is ("Plymouth Voyager").
    #[test]
    fn a_person_s_noun_after_a_known_name_ends_it() {
        let n = names(
            "The NASA Director and the State Department Spokesperson met the Treasury Secretary. It looks like the Invisible Man in a Plymouth Voyager.",
        );
        for want in [
            "NASA",
            "State Department",
            "Treasury",
            "Invisible Man",
            "Plymouth Voyager",
        ] {
            assert!(n.contains(&want.into()), "{want}: {n:?}");
        }
    }

    /// A first initial before a first name starts the name.
    #[test]
    fn a_first_initial_before_a_first_name_starts_the_name() {
        let n =
            names("The letter was signed by K. Michael Stevens and read by F. Scott Fitzgerald.");
        assert!(n.contains(&"K. Michael Stevens".into()), "{n:?}");
        assert!(n.contains(&"F. Scott Fitzgerald".into()), "{n:?}");
    }

    /// A text that writes without capitals names places in lower case:
    /// those the gazetteer knows are found, by their own name, and not as
    /// a common word, after an article or in an address.
    #[test]
    fn a_place_in_lower_case_in_a_text_without_capitals() {
        let f = found(
            "i went to kerala and then to new\nyork last year. we ate in nice weather \
             near a bath. why would you want a chihuahua? see www.france.com or shal.",
        );
        let has = |n: &str| f.iter().any(|(x, t)| x == n && *t == EntityType::Place);
        assert!(has("kerala") && has("new\nyork"), "{f:?}");
        // marks glued as mail and forums write them: a comma, an ellipsis
        let f = found("i need help..in kerala..in which places in mumbai,help pls");
        let has = |n: &str| {
            f.iter()
                .filter(|(x, t)| x == n && *t == EntityType::Place)
                .count()
        };
        assert_eq!((has("kerala"), has("mumbai")), (1, 1), "{f:?}");
        for not in ["nice", "bath", "chihuahua", "france", "shal", "york"] {
            assert!(!f.iter().any(|(x, _)| x == not), "{not}: {f:?}");
        }
        // a text that capitalizes: lower case is no name there
        let n = names("The fees rose in kerala terms. Officials met on Monday.");
        assert!(n.is_empty(), "{n:?}");
    }

    /// A middle initial between two capitalized words that are no English
    /// words holds a person's name together ("Raj K. Chohan").
    #[test]
    fn a_middle_initial_between_two_unknown_words_holds_a_name() {
        let n = names("The firm hired Raj K. Chohan and Newell H. Beaty last year.");
        assert!(n.contains(&"Raj K. Chohan".into()), "{n:?}");
        assert!(n.contains(&"Newell H. Beaty".into()), "{n:?}");
        let n = names("It was the last of World War I. Then peace came to Plan B. Smith.");
        assert!(!n.iter().any(|x| x.contains("I. Then")), "{n:?}");
    }

    /// Two initials or more, each with its stop, start the name after them;
    /// an abbreviation the tables know or a clock's mark does not.
    #[test]
    fn two_initials_or_more_start_a_name() {
        let n = names(
            "C. H. Douglas wrote it. Critics like T. S. Eliot and W. W. Rouse Ball agreed. \
             The U. S. Supreme Court met at 10 A. M. FEB 3.",
        );
        for want in ["C. H. Douglas", "T. S. Eliot", "W. W. Rouse Ball"] {
            assert!(n.contains(&want.into()), "{want}: {n:?}");
        }
        // (initials are no common words that make a name doubtful, "A" no
        // article: "general manager A. J. Smith said")
        for (text, want) in [
            ("The general manager A. J. Smith said so.", "A. J. Smith"),
            ("He met B. J. Smith there.", "B. J. Smith"),
        ] {
            assert_eq!(names_by_rules(text), [want], "{text}");
        }
        assert!(
            !n.iter()
                .any(|x| x.starts_with("U. S.") || x.starts_with("A. M.")),
            "{n:?}"
        );
    }

    /// Each text's organization, found whole (the text, the name).
    fn bodies_found(cases: &[(&str, &str)]) {
        for &(text, want) in cases {
            let f = found(text);
            assert!(f.contains(&(want.into(), EntityType::Org)), "{text}: {f:?}");
        }
    }

    /// A capitalized prefix glued to a word in lower case ("Co-operation")
    /// is one word of the name it starts or continues; not a role before a
    /// person's name ("Co-founder Bill Gates").
    #[test]
    fn a_prefix_glued_by_a_hyphen_is_a_word_of_the_name() {
        bodies_found(&[
            (
                "The Gulf Co-operation Council met in Riyadh.",
                "Gulf Co-operation Council",
            ),
            (
                "The Co-operative Bank said profits rose.",
                "Co-operative Bank",
            ),
            (
                "The Anti-corruption Commission opened an inquiry.",
                "Anti-corruption Commission",
            ),
            (
                "Officials of the Organization for Security and Co-operation in Europe came.",
                "Organization for Security and Co-operation",
            ),
        ]);
        let n = names("Co-founder Bill Gates left. Co-star Richard Gere said so.");
        assert!(
            n.contains(&"Bill Gates".into()) && n.contains(&"Richard Gere".into()),
            "{n:?}"
        );
    }

    /// What a body is for, after its head and "for" or "of", is part of
    /// its name, through "the", "of" and two common words joined by "and";
    /// not whom it works for, nor a second name after "and".
    #[test]
    fn a_body_s_aim_is_part_of_its_name() {
        bodies_found(&[
            (
                "A report by the Institute for the Study of War said so.",
                "Institute for the Study of War",
            ),
            (
                "The National Association for the Advancement of Colored People sued.",
                "National Association for the Advancement of Colored People",
            ),
            (
                "The American College of Obstetricians and Gynecologists agreed.",
                "American College of Obstetricians and Gynecologists",
            ),
            (
                "Experts at the Centre for Control of Iodine Deficiency Disorders agreed.",
                "Centre for Control of Iodine Deficiency Disorders",
            ),
            (
                "The Ministry of International Trade and Industry said so.",
                "Ministry of International Trade and Industry",
            ),
        ]);
        for (text, not) in [
            (
                "He played in the National Hockey League for the St. Louis Eagles.",
                "National Hockey League for the St. Louis Eagles",
            ),
            (
                "She ran in the Labasa Constituency for the National Federation Party.",
                "Labasa Constituency for the National Federation Party",
            ),
            (
                "Officials of the Bank of England and France met.",
                "Bank of England and France",
            ),
        ] {
            assert!(
                !names(text).contains(&not.into()),
                "{text}: {:?}",
                names(text)
            );
        }
    }

    /// A quoted nickname between a first name and a surname is part of
    /// one person's name, which links as the first name and the surname.
    #[test]
    fn a_quoted_nickname_joins_first_name_and_surname() {
        let text = "Boxer Marvin \"Hurricane\" Okafor won. Later Okafor said \
                    Sarah ‘Sally’ Mbeki and Marvin Okafor left. Then \
                    William Mailes \" Cowboy \" Cowley came.";
        let m = analyzed(text);
        let got: Vec<(&str, EntityType)> =
            m.iter().map(|m| (&text[m.range.clone()], m.ty)).collect();
        assert!(
            got.contains(&("Marvin \"Hurricane\" Okafor", EntityType::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Sarah ‘Sally’ Mbeki", EntityType::Person)),
            "{got:?}"
        );
        // after a middle name, in quotes spaced as text split into tokens
        assert!(
            got.contains(&("William Mailes \" Cowboy \" Cowley", EntityType::Person)),
            "{got:?}"
        );
        let full = m
            .iter()
            .find(|m| text[m.range.clone()].contains("Hurricane"));
        assert_eq!(
            full.and_then(|m| m.canonical.as_deref()),
            Some("Marvin Okafor")
        );
        // no nickname: a word in lower case, a quote of a sentence, a
        // known place after it
        for text in [
            "Then Marvin \"said\" Okafor was gone.",
            "Ask Marvin \"Is it late\" Okafor asked.",
            "Fans of Marvin \"Boom\" Paris cheered.",
            // (a quote never closed)
            "Then Marvin “Hurricane Okafor won. Okafor left.",
        ] {
            assert!(
                !names(text).iter().any(|n| n.contains(['"', '“'])),
                "{text}: {:?}",
                names(text)
            );
        }
    }

    /// A common noun that names a person, before a full name, is a title
    /// ("Engineer John Greiner"); not when a known name ends with it
    /// ("Liberal Democrat Charles Kennedy") or a first name is a function
    /// word ("Dancer In The Dark").
    #[test]
    fn a_person_s_noun_before_a_full_name_is_a_title() {
        let f = found(
            "Later Engineer John Greiner and Mathematician Hermann Weyl came. \
             It was backed by Liberal Democrat Charles Kennedy.",
        );
        let has = |n: &str| f.iter().any(|(x, _)| x == n);
        for want in [
            "John Greiner",
            "Hermann Weyl",
            "Liberal Democrat",
            "Charles Kennedy",
        ] {
            assert!(has(want), "{want}: {f:?}");
        }
        assert!(
            !has("Engineer John Greiner") && !has("Mathematician Hermann Weyl"),
            "{f:?}"
        );
        let n = names("They watched Dancer In The Dark twice.");
        assert!(!n.iter().any(|x| x == "In The Dark"), "{n:?}");
    }

    /// A line that starts after a sentence's end the splitter did not see
    /// (a reference, a quote) starts a sentence; so does an opening quote.
    #[test]
    fn a_new_line_after_a_reference_and_an_opening_quote_start_sentences() {
        let n = names(
            "He wrote it down.\" [6]\nIn Byron's later memoirs, she is kind.\n\
             They say, 'Hey Frank, my name is John,' and laugh.",
        );
        assert!(
            n.contains(&"Byron".into()) && n.contains(&"Frank".into()),
            "{n:?}"
        );
        assert!(
            !n.iter()
                .any(|x| x.starts_with("In ") || x.starts_with("Hey ")),
            "{n:?}"
        );
    }

    /// A shouted word or demonym amid lower case is no acronym; a short
    /// one or a name in capitals stays.
    #[test]
    fn a_shouted_word_is_no_name() {
        let n = names("THEREFORE the AUSTRALIAN climber met NASA and the WHO in Paris.");
        assert!(
            !n.iter().any(|x| x == "THEREFORE" || x == "AUSTRALIAN"),
            "{n:?}"
        );
        assert!(
            n.contains(&"NASA".into()) && n.contains(&"WHO".into()),
            "{n:?}"
        );
        // a short word only where the text also writes it in lower case
        let text = "Get it FREE today. The gift is free and the offer is free. \
                    Ask the AIM desk, it is VERY kind.";
        let n = names(text);
        assert!(!n.iter().any(|x| x == "FREE"), "{n:?}");
        assert!(
            n.contains(&"AIM".into()) && n.contains(&"VERY".into()),
            "{n:?}"
        );
    }

    /// An era's mark beside a year is no name; alone it may be one.
    #[test]
    fn an_era_beside_a_year_is_no_name() {
        let n =
            names("Settlers came in 3000 BC and Vesuvius erupted in AD 79. He moved to BC in May.");
        assert!(!n.iter().any(|x| x == "AD"), "{n:?}");
        assert_eq!(n.iter().filter(|x| *x == "BC").count(), 1, "{n:?}");
    }

    /// Authors cited with their year are two persons; a firm's "&" joins.
    #[test]
    fn authors_cited_with_a_year_are_two_names() {
        let n = names(
            "As Marsden & Mackey (2014) and Smith & Jones, 2010, found, Procter & Gamble grew.",
        );
        for want in ["Marsden", "Mackey", "Smith", "Jones", "Procter & Gamble"] {
            assert!(n.contains(&want.into()), "{want}: {n:?}");
        }
        let n = names("Procter & Gamble 2010 sales and AT&T 2011 results rose.");
        assert!(
            n.contains(&"Procter & Gamble".into()) && n.contains(&"AT&T".into()),
            "{n:?}"
        );
        let n = names("Past work (Heidenreich & Turano 2011; Faretta-Stutenberg & Morgan-Short, 2011) and Carrano & Biewener [7] agree.");
        for want in [
            "Heidenreich",
            "Turano",
            "Faretta-Stutenberg",
            "Morgan-Short",
            "Carrano",
            "Biewener",
        ] {
            assert!(n.contains(&want.into()), "{want}: {n:?}");
        }
    }

    #[test]
    fn a_place_s_name_the_text_writes_as_a_word_starts_no_name() {
        let t = "Mobile phone sales rose. Sales of mobile phones, mobile games and mobile TV grew. He lives in Mobile now.";
        let f = found(t);
        assert_eq!(f, [("Mobile".to_string(), EntityType::Place)], "{f:?}");
        assert_eq!(analyzed(t)[0].range.start, t.rfind("Mobile").unwrap());
    }

    /// The rules' mentions alone, before the model's word.
    fn by_rules(text: &str) -> Vec<Mention> {
        let toks = tokens(text);
        let sents = sentences(text);
        let mut lex = Lexicon::default();
        lex.observe(text, &toks, &sents);
        mentions_with(text, &toks, &sents, &lex, PAR_TOKENS)
    }

    /// A title of capitalized English words joined by "of the" is one
    /// work's, show's or award's name, not its pieces ("Rings" an
    /// organization, "Shaun" a person); an office's title keeps its field,
    /// and a body, a place, a people or a known name after "the" stays
    /// what it is.
    #[test]
    fn a_title_joined_by_of_the_is_one_name() {
        for (text, name) in [
            (
                "He loved the Lord of the Rings trilogy.",
                "Lord of the Rings",
            ),
            (
                "He saw The Return of the King last week.",
                "The Return of the King",
            ),
            (
                "He said Eternal Sunshine of the Spotless Mind won.",
                "Eternal Sunshine of the Spotless Mind",
            ),
            (
                "He was named Player of the Year again.",
                "Player of the Year",
            ),
        ] {
            let m = by_rules(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(&text[m[0].range.clone()], name);
            assert_eq!(m[0].ty, EntityType::Other, "{text}: {m:?}");
        }
        for (text, name) in [
            (
                "He met the Speaker of the House on Monday.",
                "Speaker of the House",
            ),
            ("He met the Head of the Army on Monday.", "Head of the Army"),
            (
                "He met the King of the Belgians on Monday.",
                "King of the Belgians",
            ),
            (
                "He saw Pirates of the Caribbean last week.",
                "Pirates of the Caribbean",
            ),
            (
                "He joined Friends of the Earth in 1990.",
                "Friends of the Earth",
            ),
            (
                "He is the Leader of the Opposition now.",
                "Leader of the Opposition",
            ),
            ("He met One of the Wesleys there.", "One of the Wesleys"),
            (
                "He climbed the Temple of the Moon there.",
                "Temple of the Moon",
            ),
        ] {
            assert!(
                by_rules_as(text, name).is_none(),
                "{text}: {:?}",
                by_rules(text)
            );
        }
    }

    /// The rules' mention of a text written as `name`.
    fn by_rules_as(text: &str, name: &str) -> Option<Mention> {
        by_rules(text)
            .into_iter()
            .find(|m| &text[m.range.clone()] == name)
    }

    /// A possessive that owns nothing makes a firm's name ("Velmaro's
    /// said", "by Velmaro's and"); one that owns a thing, or a contraction
    /// ("Velmaro's injured knee", "Velmaro's been"), does not.
    #[test]
    fn a_possessive_that_owns_nothing_is_a_firm_s() {
        let ty_of = |text: &str| by_rules_as(text, "Velmaro").map(|m| m.ty);
        for text in [
            "Analysts said Velmaro's said it would cut the rating.",
            "The notes are rated AA by Velmaro's and A by others.",
            "Shoppers queued at dawn by Velmaro's.",
        ] {
            assert_eq!(ty_of(text), Some(EntityType::Org), "{text}");
        }
        for text in [
            "The fans said Velmaro's injured knee was healing.",
            "The fans said Velmaro's been there before.",
            "They compared his pace with Velmaro's, and lost.",
        ] {
            assert_ne!(ty_of(text), Some(EntityType::Org), "{text}");
        }
    }

    /// What the rules make of "Velmaro" in a text, and whether it is a
    /// place by a context.
    fn velmaro(text: &str) -> Option<(EntityType, Evidence)> {
        by_rules_as(text, "Velmaro").map(|m| (m.ty, m.evidence))
    }

    fn velmaro_place(text: &str) -> bool {
        matches!(
            velmaro(text),
            Some((EntityType::Place, Evidence::Context(_)))
        )
    }

    /// Asserts that "Velmaro" is (or is not) a place by a context in each text.
    fn velmaro_places(texts: &[&str], want: bool) {
        for text in texts {
            assert_eq!(velmaro_place(text), want, "{text}: {:?}", velmaro(text));
        }
    }

    /// A kind of place before "of" ("the village of Velmaro") and an
    /// elected member's title before "for" ("the MP for Velmaro") say the
    /// name is a place; another noun before "of" says nothing.
    #[test]
    fn a_kind_of_place_before_of_and_a_member_s_seat_name_places() {
        velmaro_places(
            &[
                "Farmers gathered in the village of Velmaro last week.",
                "The station lies outside the town of Velmaro, near the coast.",
                "Most of the provinces of Velmaro voted no.",
                // the seat an elected member sits for
                "She was elected the MP for Velmaro in 2019.",
            ],
            true,
        );
        // (another noun before "of" says nothing of what the name is)
        velmaro_places(
            &[
                "The president of Velmaro spoke on Tuesday.",
                "Shares of Velmaro rose on Tuesday.",
            ],
            false,
        );
    }

    /// A place preposition before a name with a possessive governs what the
    /// name owns ("in Velmaro's speech"): no evidence of a place; without
    /// the possessive it is ("in Velmaro"). Nor is a name WordNet knows
    /// only as a person or a work a place after one ("believe in God").
    #[test]
    fn a_place_preposition_governs_what_a_possessive_owns() {
        velmaro_places(
            &[
                "Critics found little new in Velmaro's speech on Tuesday.",
                "The crowd gathered at Velmaro's music hall.",
                "Investors lost money in Velmaro’s fund.",
            ],
            false,
        );
        velmaro_places(
            &[
                "The delegates met in Velmaro on Tuesday.",
                "Investors lost money in Velmaro.",
            ],
            true,
        );
        // nor a name WordNet knows only as no place: a person, a work
        for (text, name) in [
            ("Most of them believe in God, the survey found.", "God"),
            ("The story is told in Genesis and elsewhere.", "Genesis"),
        ] {
            let m = by_rules_as(text, name);
            assert!(
                m.as_ref().is_none_or(|m| m.ty != EntityType::Place),
                "{text}: {m:?}"
            );
        }
        // (but one it knows as a place too is one: "in Lincoln")
        let text = "The delegates met in Lincoln on Tuesday.";
        assert!(by_rules(text)
            .iter()
            .any(|m| &text[m.range.clone()] == "Lincoln" && m.ty == EntityType::Place));
    }

    /// A role word that is an adjective too ("official") makes no person
    /// of one name a noun follows ("the official Velmar news agency"); a
    /// verb after the name keeps the title ("official Velmar said").
    #[test]
    fn an_adjective_role_before_a_thing_s_name_is_no_title() {
        let title_of = |text: &str, name: &str| {
            by_rules(text)
                .into_iter()
                .find(|m| &text[m.range.clone()] == name)
                .map(|m| matches!(m.evidence, Evidence::Title(_)))
        };
        for text in [
            "It was reported by the official Velmar news agency on Monday.",
            "Details are on its official Web site.",
        ] {
            let name = if text.contains("Web") {
                "Web"
            } else {
                "Velmar"
            };
            assert_eq!(title_of(text, name), Some(false), "{text}");
        }
        for text in [
            "The official Velmar said the talks were over.",
            "The official Velmar was not at the talks.",
            "The official Velmar, who spoke in Rome, left.",
            "The spokesman Velmar news was wrong.",
        ] {
            assert_eq!(title_of(text, "Velmar"), Some(true), "{text}");
        }
    }

    /// The names the rules find in a text, as written.
    fn names_by_rules(text: &str) -> Vec<String> {
        by_rules(text)
            .iter()
            .map(|m| text[m.range.clone()].to_string())
            .collect()
    }

    /// The rules' mentions, then a model's word on them.
    fn retyped(text: &str, model: &str) -> Vec<Mention> {
        let toks = tokens(text);
        let sents = sentences(text);
        let mut lex = Lexicon::default();
        lex.observe(text, &toks, &sents);
        let mut cx = Ctx::new(text, &toks, &lex, PAR_TOKENS);
        cx.propose = true;
        let mut out = rules(&cx, &sents);
        let m = crate::nlp::model::Model::parse(model).unwrap();
        retype(&cx, &sents, &mut out, &m);
        out
    }

    /// A partnership's name holds its commas: "Goldman, Sachs and Co";
    /// a place or a firm before a comma starts a list.
    #[test]
    fn a_partnerships_name_holds_its_commas() {
        assert_eq!(
            names_by_rules("Shares were bought by Goldman, Sachs and Co Inc for clients."),
            ["Goldman, Sachs and Co Inc"]
        );
        assert_eq!(
            names_by_rules("Analysts at Loewen, Ondaatje, McCutcheon and Co agreed."),
            ["Loewen, Ondaatje, McCutcheon and Co"]
        );
        assert_eq!(
            names_by_rules("In London, Peabody and Co said nothing."),
            ["London", "Peabody and Co"]
        );
        assert_eq!(
            names_by_rules("Buyers were Texaco Inc, Peabody and Co and others."),
            ["Texaco Inc", "Peabody and Co"]
        );
    }

    /// A possessive is part of a firm's name before the firm's suffix
    /// ("McDonald's Corp"), or before more capitalized words and the
    /// suffix where the text never names the owner alone; not after a
    /// place or a person the text names alone.
    #[test]
    fn a_possessive_inside_a_firms_name_is_the_names() {
        assert_eq!(
            names_by_rules("Shares of McDonald's Corp rose."),
            ["McDonald's Corp"]
        );
        assert_eq!(
            names_by_rules("Heck's Inc said it would close."),
            ["Heck's Inc"]
        );
        assert_eq!(
            names_by_rules("Then Moody's Investors Service Inc cut the rating."),
            ["Moody's Investors Service Inc"]
        );
        assert_eq!(
            names_by_rules("Analysts said Japan's Toshiba Corp would gain."),
            ["Japan", "Toshiba Corp"]
        );
        let text = "Rupert Murdoch said Murdoch's News Corp Ltd bought it.";
        assert_eq!(
            names_by_rules(text),
            ["Rupert Murdoch", "Murdoch", "News Corp Ltd"]
        );
        // (but an office's holder written alone elsewhere owns the office
        // as part of its name)
        let text = "Attorney Ann Velmaro spoke. The Velmaro City Attorney's Office agreed.";
        assert_eq!(
            names_by_rules(text),
            ["Ann Velmaro", "Velmaro City Attorney's Office"]
        );
    }

    /// A possessive before an institution's or a place's word is part of
    /// its name ("St Mary's Hospital", though Mary is a city too); not
    /// after a place, a person, a listed firm or an acronym that owns it.
    #[test]
    fn a_possessive_before_an_institution_s_word_is_the_names() {
        for (text, names) in [
            (
                "He was taken to St Mary's Hospital.",
                &["St Mary's Hospital"][..],
            ),
            ("He studied at Velmar's College.", &["Velmar's College"]),
            (
                "The report by Velmar's Investors Service was brief.",
                &["Velmar's Investors Service"],
            ),
            (
                "The United Kingdom's Royal Air Force flew.",
                &["United Kingdom", "Royal Air Force"],
            ),
            (
                "Harold Velmar's Labour Party won.",
                &["Harold Velmar", "Labour Party"],
            ),
            (
                "The BBC's Velmar Academy opened.",
                &["BBC", "Velmar Academy"],
            ),
        ] {
            assert_eq!(names_by_rules(text), names, "{text}");
        }
    }

    /// At a sentence start a capital proves nothing, so a common word
    /// there is dropped; but where the text writes the same two words
    /// capitalized inside a sentence, they are one name there too. Not a
    /// title or a person's noun ("Deputy Ortiz"), nor in a headline.
    #[test]
    fn a_name_written_inside_a_sentence_keeps_its_first_word_at_the_start() {
        let text = "Security Pacific said profits rose. Analysts expect Security Pacific to grow.";
        assert_eq!(
            names_by_rules(text),
            ["Security Pacific", "Security Pacific"]
        );
        // written so only at the start: the common word stays off
        let text = "Security Pacific said profits rose. Analysts expect more.";
        assert_eq!(names_by_rules(text), ["Pacific"]);
        // only after a word of the same sentence, and as whole words
        let inside = |text, phrase| inside_sentence_elsewhere(text, phrase);
        assert!(inside(
            "Shares of Security Pacific rose.",
            "Security Pacific"
        ));
        assert!(inside(
            "In 1987, Security Pacific rose.",
            "Security Pacific"
        ));
        assert!(!inside("Yes. Security Pacific rose.", "Security Pacific"));
        assert!(!inside("The Security Pacifica rose.", "Security Pacific"));
        assert!(!inside("Security Pacific rose.", "Security Pacific"));
        let text = "Deputy Ortiz arrived late. The sheriff thanked Deputy Ortiz.";
        assert_eq!(names_by_rules(text)[0], "Ortiz");
    }

    /// A word the corpus writes as a common word is a name in a text that
    /// names someone with it in full and never writes it in lower case
    /// (one sense per discourse): "Player" after "Ben Player". Not where
    /// the text also writes it in lower case, after a first name that is
    /// a place or a month, or where it is a kind of place ("Ann Street").
    #[test]
    fn a_texts_own_surname_is_a_name_alone_whatever_the_corpus_says() {
        let other = "Each player was paid. The player said so. A player left. \
                     The street was closed and the time was late.";
        let alone = |text: &str, word: &str| -> bool {
            let mut lex = Lexicon::default();
            for t in [other, text] {
                lex.observe(t, &tokens(t), &sentences(t));
            }
            let (toks, sents) = (tokens(text), sentences(text));
            let at = text.rfind(word).unwrap();
            mentions_with(text, &toks, &sents, &lex, PAR_TOKENS)
                .iter()
                .any(|m| m.range == (at..at + word.len()))
        };
        let t = "The title went to Ben Player in 2006. The judges then gave Player the points.";
        assert!(alone(t, "Player"));
        // the text writes it in lower case too: a common word
        let t = "Ben Player won. Each player cheered, and the fans cheered Player too.";
        assert!(!alone(t, "Player"));
        // no full name with it in this text
        assert!(!alone("The judges then gave Player the points.", "Player"));
        // a kind of place after a first name
        let t = "They lived on Ann Street for years. The fans cheered Street too.";
        assert!(!alone(t, "Street"));
        // a month before it
        let t = "They wrote May Time in 1950. The band played Time too.";
        assert!(!alone(t, "Time"));
        // the initials of a full name are skipped
        let t = "It went to Ben W. Player in 2006. The judges then gave Player the points.";
        assert!(alone(t, "Player"));
    }

    #[test]
    fn a_name_is_single_spaced_as_its_words_split_at_spaces_say() {
        let slow = |n: &str| {
            n.split(' ')
                .all(|w| !w.is_empty() && !w.contains(char::is_whitespace))
        };
        for n in [
            "",
            " ",
            "Olaf Scholz",
            "Olaf  Scholz",
            " Olaf",
            "Olaf ",
            "Olaf\tScholz",
            "Olaf\u{b}Scholz",
            "Olaf\u{c}Scholz",
            "Olaf\nScholz",
            "Olaf\u{a0}Scholz",
            "Zoë Ball",
            "Zoë  Ball",
            "A",
            "A B C",
        ] {
            assert_eq!(single_spaced(n), slow(n), "{n:?}");
        }
    }

    /// A name alone on the line after a letter's sign-off and its comma is
    /// the writer's.
    #[test]
    fn a_letter_s_signature_is_a_person() {
        let m = by_rules("The parcel left on Monday.\n\nRegards,\nOrlaith\n");
        assert!(
            m.iter()
                .any(|m| m.ty == EntityType::Person && m.evidence.describe().contains("signature")),
            "{:?}",
            m.iter()
                .map(|m| (m.range.clone(), m.ty))
                .collect::<Vec<_>>()
        );
        // (a sign-off word inside a line signs nothing: "Thanks Google")
        let m = by_rules("We said thanks Orlaith for the parcel on Monday.");
        assert!(!m
            .iter()
            .any(|m| m.evidence.describe().contains("signature")));
    }

    /// Each rule's examples and counter-examples, a table in
    /// `assets/ner/rules.tsv`: the rules alone find the name with its type
    /// and say why, or find no name written so.
    #[test]
    fn every_rule_holds_its_examples() {
        let table = include_str!("../../../assets/ner/rules.tsv");
        let mut rows = 0;
        let mut failed = Vec::new();
        for l in table
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let f: Vec<&str> = l.split('\t').collect();
            let [id, text, name, ty, why] =
                [0, 1, 2, 3, 4].map(|i| f.get(i).copied().unwrap_or(""));
            rows += 1;
            let m = by_rules(text);
            let hit = m.iter().find(|m| &text[m.range.clone()] == name);
            let ok = match (ty, hit) {
                ("-", None) => true,
                ("-", Some(_)) => false,
                (t, Some(m)) => {
                    Some(m.ty) == EntityType::parse(t) && m.evidence.describe().contains(why)
                }
                (_, None) => false,
            };
            if !ok {
                let got: Vec<String> = m
                    .iter()
                    .map(|m| {
                        format!(
                            "{} {} ({})",
                            &text[m.range.clone()],
                            m.ty.as_str(),
                            m.evidence.describe()
                        )
                    })
                    .collect();
                failed.push(format!("{id}: want {name} {ty} ({why}); got {got:?}"));
            }
        }
        assert!(rows >= 20, "{rows} rows");
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    /// The model decides where the rules had only the name's form, and
    /// only where it is sure; what a table, a title or a context typed stays.
    #[test]
    fn the_model_types_what_the_rules_knew_only_by_form() {
        let text = "The report was written by Okonkwo, who lives in Paris.";
        let rules = by_rules(text);
        assert_eq!(rules[0].evidence, Evidence::Default, "{rules:?}");
        // a model that takes "by" before a name for a person's mark
        let sure = "p1=by\t10 0 0 0 0\np1=in\t0 0 0 10 0\n";
        let m = retyped(text, sure);
        assert_eq!(m[0].ty, EntityType::Person, "{m:?}");
        assert!(matches!(m[0].evidence, Evidence::Model(_)), "{m:?}");
        // Paris, a listed place, keeps the table's type and evidence
        assert_eq!(m[1], rules[1]);
        // a model that cannot tell a person from a place: the rules' type
        // stands
        let unsure = "p1=by\t1 0 1 0 0\n";
        assert_eq!(retyped(text, unsure), rules);
        // "no name" best: still a name (the model drops nothing)
        let none = "p1=by\t0 0 0 0 20\n";
        assert_eq!(retyped(text, none), rules);
    }

    /// The model reads what kind of thing a name's head noun names
    /// (WordNet's classes), and a noun beside it, so what it learned of
    /// one head word carries to every noun of its class; and it weighs a
    /// listed town or a usual surname as evidence, never as a rule.
    /// The model's features of the candidate `name` in `text`.
    fn features(text: &str, name: &str) -> Vec<String> {
        let toks = tokens(text);
        let sents = sentences(text);
        let mut lex = Lexicon::default();
        lex.observe(text, &toks, &sents);
        candidates(text, &toks, &sents, &lex)
            .into_iter()
            .find(|(m, _)| &text[m.range.clone()] == name)
            .map(|(_, f)| f)
            .unwrap_or_else(|| panic!("{name} not found in {text}"))
    }

    /// The model reads the classes unannotated news puts a name's words
    /// in, and the words beside it, so what it learned of one surname
    /// ("Volcker") carries to another of the same class ("Greenspan").
    #[test]
    fn the_model_reads_the_classes_news_puts_words_in() {
        let has = |f: &[String], want: &str| f.iter().any(|x| x == want);
        let class = |w: &str| -> String {
            let cs = features::word_class(w);
            assert_ne!(cs, "-", "{w} has classes");
            cs.split(' ').nth(1).unwrap().to_string()
        };
        // news writes these two alike
        assert_eq!(class("Volcker"), class("Greenspan"));
        assert_ne!(class("Volcker"), class("Tokyo"));
        let f = features("Then Greenspan spoke.", "Greenspan");
        let only = format!("wc-only=1:{}", class("Greenspan"));
        assert!(has(&f, &only), "{f:?}");
        assert!(has(&f, &format!("wc-n1=1:{}", class("spoke"))), "{f:?}");
        let f = features("Then Alan Greenspan spoke.", "Alan Greenspan");
        let last = format!("wc-last=1:{}", class("Greenspan"));
        assert!(has(&f, &last), "{f:?}");
        // a word news never wrote, and a sentence's start
        let f = features("Okonkwo spoke.", "Okonkwo");
        assert!(has(&f, "wc-only=0:-") && has(&f, "wc-p1=0:s"), "{f:?}");
        // a model that learned the class of "Volcker" is a person's types
        // an unknown name of that class so
        let text = "Reporters asked Greenspan about it.";
        assert_eq!(by_rules(text)[0].evidence, Evidence::Default);
        let weights = format!("wc-only=1:{}\t0 0 0 10 0\n", class("Volcker"));
        let m = retyped(text, &weights);
        assert_eq!(m[0].ty, EntityType::Other, "{m:?}");
        // and the panel says so, with the class's most frequent words
        let why = features::feature_words(&only);
        assert!(why.starts_with("used as news uses "), "{why}");
    }

    /// One name in any case is one name in a text: the model decides on
    /// the mean of the scores of "Velmaro" and "VelMaro" together.
    #[test]
    fn the_model_reads_one_name_in_any_case_as_one() {
        let text = "Buyers liked the VelMaro at once.\n\nThen Velmaro fell.";
        let rules = by_rules(text);
        assert_eq!(rules.len(), 2, "{rules:?}");
        assert!(
            rules.iter().all(|m| m.evidence == Evidence::Default),
            "{rules:?}"
        );
        // a model sure of the name after "the", silent after "Then"
        let m = retyped(text, "p1=the\t0 0 10 0 0\n");
        assert!(m.iter().all(|m| m.ty == EntityType::Place), "{m:?}");
    }

    #[test]
    fn the_model_reads_the_kind_a_head_noun_names_and_the_lists() {
        let has = |f: &[String], want: &str| f.iter().any(|x| x == want);
        let f = features("The water of Okonkwo Reservoir rose.", "Okonkwo Reservoir");
        assert!(has(&f, "last-nc=artifact"), "{f:?}");
        // a plural head: its singular's classes ("rangers": persons)
        let f = features("The Okonkwo Rangers won.", "Okonkwo Rangers");
        assert!(has(&f, "last-ncpl=person"), "{f:?}");
        let f = features("He joined the band Okonkwo in May.", "Okonkwo");
        assert!(has(&f, "p1-nc1=group"), "{f:?}");
        // a name itself no noun: no class
        assert!(!f.iter().any(|x| x.starts_with("only-nc")), "{f:?}");
        // what the text says it is: after a copula or a comma and an
        // article, the phrase's last noun before a clause or a phrase of
        // its own; and the noun it is "of"
        let f = features("Okonkwo is a small village in Kent.", "Okonkwo");
        assert!(
            has(&f, "def=village") && has(&f, "def-nc=location"),
            "{f:?}"
        );
        let f = features(
            "Okonkwo, an English rock band formed in 1990, split.",
            "Okonkwo",
        );
        assert!(has(&f, "def=band") && has(&f, "def-nc=group"), "{f:?}");
        let f = features("Okonkwo said a village was poor.", "Okonkwo");
        assert!(!f.iter().any(|x| x.starts_with("def")), "{f:?}");
        let f = features("We reached the town of Okonkwo at noon.", "Okonkwo");
        assert!(has(&f, "of-nc1=location"), "{f:?}");
        let f = features("He moved to Wittenberg and met Mr. Okonkwo.", "Wittenberg");
        assert!(has(&f, "town"), "{f:?}");
        let f = features("Then Hofmann spoke.", "Hofmann");
        assert!(has(&f, "surname-only"), "{f:?}");
        // WordNet's proper names: every class of the name's senses, or of
        // its last word's where the whole is none of them
        let f = features("Then Lincoln spoke.", "Lincoln");
        assert!(has(&f, "pn=person") && has(&f, "pn=location"), "{f:?}");
        let f = features(
            "We sailed on past Cape of Good Hope at dawn.",
            "Cape of Good Hope",
        );
        assert!(has(&f, "pn=location"), "{f:?}");
        let f = features("Then Okonkwo Fatah spoke.", "Okonkwo Fatah");
        assert!(has(&f, "pn-last=group") && !has(&f, "pn=group"), "{f:?}");
        let f = features("Then Okonkwo spoke.", "Okonkwo");
        assert!(!f.iter().any(|x| x.starts_with("pn")), "{f:?}");
        // a model that learned "artifact" heads are places types the
        // unknown name so; without the class it had nothing to go by
        let text = "The water of Okonkwo Reservoir rose.";
        assert_eq!(by_rules(text)[0].evidence, Evidence::Default);
        let m = retyped(text, "last-nc=artifact\t0 0 10 0 0\n");
        assert_eq!(m[0].ty, EntityType::Place, "{m:?}");
        let m = retyped(
            "He joined the band Okonkwo in May.",
            "p1-nc1=group\t0 10 0 0 0\n",
        );
        assert_eq!(m[0].ty, EntityType::Org, "{m:?}");
    }

    /// "of", and "of the", join a name whose head noun names a body, a
    /// place or a building by WordNet ("the Hockey Hall of Fame", "the
    /// Cathedral of the Immaculate Conception"); not after a plural ("Fans
    /// of Heather Mills") or a person's word.
    #[test]
    fn of_and_of_the_go_on_after_a_body_s_or_a_building_s_noun() {
        for (text, name) in [
            (
                "She entered the Hockey Hall of Fame in May.",
                "Hockey Hall of Fame",
            ),
            (
                "Mass was said at the Cathedral of the Immaculate Conception.",
                "Cathedral of the Immaculate Conception",
            ),
            (
                "He led the World Organization of the Scout Movement.",
                "World Organization of the Scout Movement",
            ),
        ] {
            let f = found(text);
            assert!(f.iter().any(|(n, _)| n == name), "{text}: {f:?}");
        }
        let f = found("Fans of Heather Mills and Manchester United met.");
        assert!(f.iter().any(|(n, _)| n == "Heather Mills"), "{f:?}");
    }

    /// A demonym starts a name whose head noun (before "of") names a body
    /// or a place by WordNet ("the Russian Empire", "the Canadian League
    /// of Rights"); before a title or a person it stays apart.
    #[test]
    fn a_demonym_starts_a_body_s_or_a_place_s_name() {
        let f = found("The Russian Empire fell, and the Canadian League of Rights met.");
        assert!(f.iter().any(|(n, _)| n == "Russian Empire"), "{f:?}");
        assert!(
            f.iter().any(|(n, _)| n == "Canadian League of Rights"),
            "{f:?}"
        );
        let f = found("Russian President Vladimir Putin met French troops.");
        assert_eq!(f, vec![("Vladimir Putin".into(), EntityType::Person)]);
        // a religion's adjective or its people, as a nation's: no name
        let f = found("Sunni and Shiite clerics met Hindu and Sikh leaders in Delhi.");
        assert_eq!(f, vec![("Delhi".into(), EntityType::Place)]);
    }

    /// The rules' mentions of a text whose first one they typed by its
    /// first name.
    fn by_first_name(text: &str) -> Vec<Mention> {
        let rules = by_rules(text);
        assert!(
            matches!(rules[0].evidence, Evidence::FirstName(_)),
            "{rules:?}"
        );
        rules
    }

    /// A first name before a noun that names a thing, a place or a body
    /// ("Lincoln Reservoir", by WordNet) is no person's name by that alone:
    /// the model types it; before a person's noun ("John Baker") the first
    /// name stands.
    #[test]
    fn a_first_name_before_a_thing_s_noun_is_the_model_s_to_type() {
        let place = "firstname+thing\t0 0 10 0 0\nfirstname+n=2\t0 0 10 0 0\n";
        let text = "The water of Lincoln Reservoir rose.";
        let rules = by_first_name(text);
        assert_eq!(rules[0].ty, EntityType::Person);
        let m = retyped(text, place);
        assert_eq!(m[0].ty, EntityType::Place, "{m:?}");
        let text = "The bread of John Baker rose.";
        assert_eq!(retyped(text, place), by_rules(text));
        // a rare surname that is a thing's noun first ("Creek", borne by
        // one person in 100,000; a natural object, and a person second)
        // is the thing's; a common one ("Field", one in 10,000) the person's
        let text = "The water of Sandy Creek rose.";
        by_first_name(text);
        let m = retyped(text, place);
        assert_eq!(m[0].ty, EntityType::Place, "{m:?}");
        let text = "The water of Victoria Field rose.";
        by_first_name(text);
        assert_eq!(retyped(text, place), by_rules(text));
    }

    /// A first name alone that is also a listed town ("Harrison") is the
    /// model's to type, by its context; a first name that is no town
    /// ("Bernard") stays the rules' person.
    #[test]
    fn a_first_name_that_is_a_town_is_the_model_s_to_type() {
        let place = "firstname+town\t0 0 10 0 0\n";
        let text = "Trains ran daily from Harrison to the coast.";
        by_first_name(text);
        let m = retyped(text, place);
        assert_eq!(m[0].ty, EntityType::Place, "{m:?}");
        let text = "Trains ran daily from Bernard to the coast.";
        let rules = by_first_name(text);
        assert_eq!(retyped(text, place), rules);
        // a model not sure of it ("no name" first) leaves the rules' type
        // as a guess: no first name's evidence, which would outweigh every
        // other reading of the name in the corpus
        let text = "Trains ran daily from Harrison to the coast.";
        let m = retyped(text, "firstname+town\t0 0 0 0 10\n");
        assert_eq!(m[0].ty, EntityType::Person, "{m:?}");
        assert_eq!(m[0].evidence, Evidence::Default, "{m:?}");
    }

    /// Capitalized common words the text also writes in lower case are a
    /// name the rules doubt ("Weather Report" beside "the weather report"):
    /// Two capitalized words the text joins by "&" are one name where it
    /// joins them by "and" too (one word before "and"), and a name that
    /// joins names by "&" or "and" is no one person, whatever the model
    /// says.
    #[test]
    fn names_joined_by_and_where_the_text_writes_an_ampersand() {
        let text = "Pratt & Whitney makes engines. A maker said its Pratt and Whitney unit grew. \
                    Then Smith and Jones met.";
        let names = names_by_rules(text);
        assert!(
            names.contains(&"Pratt and Whitney".to_string()),
            "{names:?}"
        );
        assert!(!names.contains(&"Smith and Jones".to_string()), "{names:?}");
        // at a sentence's start too: "and" no doubtful word of the name
        let start = "Marks & Spencer opened. Marks and Spencer said sales rose.";
        assert_eq!(
            names_by_rules(start),
            ["Marks & Spencer", "Marks and Spencer"]
        );
        let start = "Belle & Sebastian won the prize.";
        assert_eq!(names_by_rules(start), ["Belle & Sebastian"]);
        // (a person by the model: no person for the joined names)
        let m = retyped(text, "ev=default\t10 0 0 5 0\n");
        for m in &m {
            let name = &text[m.range.clone()];
            if name.starts_with("Pratt") {
                assert_ne!(m.ty, EntityType::Person, "{name}");
            }
        }
    }

    /// A first name and a word the corpus writes before a firm's suffix
    /// ("Dean Witter Reynolds Inc", "Merrill Lynch and Co") name the firm
    /// wherever they stand alone; not across a comma ("said Tony Oates,
    /// First Boston Corp"), and a person's name the corpus gives no firm
    /// stays a person's.
    #[test]
    fn a_first_name_that_starts_a_firm_s_name_is_the_firm() {
        let text = "Dean Witter Reynolds Inc bought it. Later Dean Witter said so. \
                    Merrill Lynch and Co Inc sold. Merrill Lynch agreed. \
                    The deal pleased Tony Oates, First Boston Corp, and Tony Oates smiled.";
        let rules = by_rules(text);
        let of = |name: &str| {
            let types: Vec<_> = rules
                .iter()
                .filter(|m| &text[m.range.clone()] == name)
                .map(|m| m.ty)
                .collect();
            assert!(!types.is_empty(), "{name}: {rules:?}");
            types
        };
        assert!(of("Dean Witter").iter().all(|&t| t == EntityType::Org));
        assert!(of("Merrill Lynch").iter().all(|&t| t == EntityType::Org));
        assert!(of("Tony Oates").iter().all(|&t| t == EntityType::Person));
    }

    /// A first name that is also a common word, alone at a sentence's
    /// start ("Barb does", "Thanks,\nMike"), is proposed to the model: by
    /// the rules alone no name; the model admits it or not. Not before a
    /// name ("Mark Papermaster" is the rules' own), nor in a headline.
    #[test]
    fn a_lone_first_name_at_a_sentence_start_is_the_model_s_to_admit() {
        let text = "Barb does an amazing job. Mark Papermaster spoke.\nThanks,\nMike";
        let names = |m: &[Mention]| -> Vec<String> {
            m.iter()
                .map(|m| text[m.range.clone()].to_string())
                .collect()
        };
        assert_eq!(names(&by_rules(text)), ["Mark Papermaster"]);
        let admit = retyped(text, "ev=proposed\t10 0 0 0 0\n");
        assert_eq!(names(&admit), ["Barb", "Mark Papermaster", "Mike"]);
        assert!(admit.iter().all(|m| m.ty == EntityType::Person));
        assert_eq!(
            names(&retyped(text, "ev=proposed\t0 0 0 0 10\n")),
            ["Mark Papermaster"]
        );
        // (a common word that is no first name stays out: "Still, ...")
        let plain = "Still does an amazing job.";
        assert!(retyped(plain, "ev=proposed\t10 0 0 0 0\n").is_empty());
        // (a headline's words are no proposal)
        let head = "Barb Does Amazing Job\nShe said so.";
        assert!(retyped(head, "ev=proposed\t10 0 0 0 0\n")
            .iter()
            .all(|m| &head[m.range.clone()] != "Barb"));
    }

    /// the model admits them, or they are dropped. Never after "our", nor a
    /// role (a person's noun ends it), nor in a headline.
    #[test]
    fn the_model_admits_or_drops_the_names_the_rules_doubt() {
        let text = "She loved the band Weather Report. The weather report was bad.";
        let named = |m: &[Mention]| -> Vec<String> {
            m.iter()
                .map(|m| text[m.range.clone()].to_string())
                .collect()
        };
        assert!(!named(&by_rules(text)).contains(&"Weather Report".into()));
        let m = retyped(text, "ev=proposed\t0 10 0 0 0\n");
        let wr = m
            .iter()
            .find(|m| &text[m.range.clone()] == "Weather Report");
        assert!(
            wr.is_some_and(|m| m.ty == EntityType::Org && matches!(m.evidence, Evidence::Model(_))),
            "{m:?}"
        );
        // not sure enough, or "no name" best: dropped
        assert_eq!(
            named(&retyped(text, "ev=proposed\t0 0.3 0 0 0\n")),
            named(&by_rules(text))
        );
        assert_eq!(
            named(&retyped(text, "ev=proposed\t0 0 0 0 10\n")),
            named(&by_rules(text))
        );
        // what is never proposed, however sure the model
        for t in [
            "We met our Weather Report. The weather report was bad.",
            "She met the Deputy Surgeon. The surgeon and the deputy left.",
        ] {
            assert_eq!(retyped(t, "ev=proposed\t0 10 0 0 0\n"), by_rules(t), "{t}");
        }
    }

    /// One name is one thing in one text: the model decides on the mean of
    /// its mentions' scores, so one context cannot type one mention apart.
    #[test]
    fn the_model_decides_on_a_name_s_mean_in_its_text() {
        let text = "The report was written by Okonkwo. Later Okonkwo left, and Okonkwo was gone.";
        let rules = by_rules(text);
        assert!(
            rules.iter().all(|m| m.evidence == Evidence::Default),
            "{rules:?}"
        );
        let name = |m: &[Mention]| -> Vec<EntityType> { m.iter().map(|m| m.ty).collect() };
        // "by" says a person, "later" and "and" a place: on the mean
        // neither leads, and each mention keeps the rules' type
        let split = "p1=by\t6 0 0 0 0\np1=later\t0 0 3 0 0\np1=and\t0 0 3 0 0\n";
        assert_eq!(retyped(text, split), rules);
        // "by" sure enough for the three: all three persons
        let sure = "p1=by\t12 0 0 0 0\np1=later\t0 0 2 0 0\n";
        assert_eq!(name(&retyped(text, sure)), [EntityType::Person; 3]);
    }

    /// The shipped model: every mention keeps its place, and a type from a
    /// table, a title, a head word or a context is never changed.
    #[test]
    fn the_shipped_model_changes_only_types_the_rules_took_from_form() {
        assert!(features::model().is_some_and(|m| m.len() > 1000));
        for text in crate::corpus::SAMPLE_TEXTS {
            let rules = by_rules(text);
            let model = analyzed(text);
            // a name the rules doubted comes in only by the model's word
            let (kept, admitted): (Vec<&Mention>, Vec<&Mention>) = model
                .iter()
                .partition(|m| rules.iter().any(|r| r.range == m.range));
            assert!(
                admitted
                    .iter()
                    .all(|m| matches!(m.evidence, Evidence::Model(_))),
                "{admitted:?}"
            );
            assert_eq!(rules.len(), kept.len());
            for (r, m) in rules.iter().zip(kept) {
                assert_eq!(r.range, m.range);
                if matches!(r.evidence, Evidence::FirstName(_)) {
                    // a first name before a thing's noun is the model's to
                    // type ("Donald Trump": a trump is a card); the seeds'
                    // persons stay persons
                    assert_eq!(r.ty, m.ty, "{m:?}");
                } else if r.evidence != Evidence::Default {
                    assert_eq!(r, m);
                } else if r.ty != m.ty {
                    assert!(matches!(m.evidence, Evidence::Model(_)), "{m:?}");
                }
            }
        }
    }

    #[test]
    fn one_unknown_word_after_to_is_no_place_by_that_alone() {
        // (the rules' word; the learned model may still weigh "to")
        let analyzed = by_rules;
        let m = analyzed("Banks will switch to Linux soon.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].evidence, Evidence::Default, "{m:?}");
        // "in" still tells (of a name WordNet does not know as no place)
        let m = analyzed("They met in Velmaro soon.");
        assert!(matches!(m[0].evidence, Evidence::Context(_)), "{m:?}");
    }

    #[test]
    fn a_body_s_word_alone_is_no_person_after_a_role() {
        let f = found("He met the deputy Treasury Secretary. The Treasury said so.");
        assert!(
            f.iter()
                .all(|(n, t)| n != "Treasury" || *t == EntityType::Org),
            "{f:?}"
        );
        assert!(f.iter().any(|(n, _)| n == "Treasury"), "{f:?}");
    }

    #[test]
    fn firms_in_a_deal_and_two_common_words_naming_one() {
        let t = "The lead manager is Salomon Brothers, and the adviser Smith Barney. Fund manager John Smith agreed. It is rated by Standard and Poor's, said the Standard and Poor's analyst.";
        let f = found(t);
        assert!(
            f.contains(&("Salomon Brothers".into(), EntityType::Org)),
            "{f:?}"
        );
        // one name of two common words; the rules, knowing no firm of the
        // name, call it no person (the model may: "the adviser" before it)
        assert!(f.iter().any(|(n, _)| n == "Smith Barney"), "{f:?}");
        assert!(
            by_rules(t)
                .iter()
                .any(|m| &t[m.range.clone()] == "Smith Barney" && m.ty != EntityType::Person),
            "{f:?}"
        );
        assert!(
            f.contains(&("John Smith".into(), EntityType::Person)),
            "{f:?}"
        );
        assert!(f.iter().any(|(n, _)| n == "Standard and Poor"), "{f:?}");
        // two names each its own
        let f = found("Britain and France's leaders met.");
        assert!(f.contains(&("Britain".into(), EntityType::Place)), "{f:?}");
    }

    #[test]
    fn a_place_then_a_word_written_in_lower_case_is_the_place() {
        let t = "The dollar rose against the U.S. Currency again. The currency, a currency and our currency fell. He met Nottingham Forest fans.";
        let f = found(t);
        assert!(f.contains(&("U.S.".into(), EntityType::Place)), "{f:?}");
        assert!(!f.iter().any(|(n, _)| n == "U.S. Currency"), "{f:?}");
        assert!(f.iter().any(|(n, _)| n == "Nottingham Forest"), "{f:?}");
    }

    #[test]
    fn a_firm_s_suffix_keeps_its_common_word_and_is_no_name_alone() {
        let f = found("Shares of the versatile firm rose. Later Versatile Corp said it would buy Archive Inc shares.");
        assert!(f.iter().any(|(n, _)| n == "Versatile Corp"), "{f:?}");
        assert!(!f.iter().any(|(n, _)| n == "Corp" || n == "Inc"), "{f:?}");
    }

    #[test]
    fn a_suffix_inside_makes_a_firm_and_a_compass_word_a_place_s_part() {
        let f = found(
            "They signed with Hoechst AG of Frankfurt on Monday. He won Islington South again.",
        );
        assert!(
            f.contains(&("Hoechst AG of Frankfurt".into(), EntityType::Org)),
            "{f:?}"
        );
        assert!(
            f.contains(&("Islington South".into(), EntityType::Place)),
            "{f:?}"
        );
    }

    #[test]
    fn a_dash_after_a_dateline_starts_the_text() {
        let f = found("WASHINGTON, March 1 - The U.S. and Japan agreed.");
        assert!(f.contains(&("U.S.".into(), EntityType::Place)), "{f:?}");
        assert!(!f.iter().any(|(n, _)| n.starts_with("The")), "{f:?}");
    }

    #[test]
    fn a_team_before_a_player_s_role() {
        assert_eq!(
            found("He said Chelsea boss Jose Mourinho was right.")[..],
            [
                ("Chelsea".into(), EntityType::Org),
                ("Jose Mourinho".into(), EntityType::Person)
            ]
        );
    }

    #[test]
    fn ships_and_parts_of_places() {
        let f = found("Pirates fled from INS Sukanya near the Horn of Africa on Friday.");
        assert_eq!(f[0], ("INS Sukanya".into(), EntityType::Other));
        // a title of nobility before "of" and a place is no place
        assert!(
            found("He met the Duke of Edinburgh. The Duke of Edinburgh smiled.")
                .iter()
                .all(|(n, t)| !(n.starts_with("Duke") && *t == EntityType::Place))
        );
    }

    #[test]
    fn party_names() {
        assert_eq!(
            found("It is between Labour and the Liberal Democrats.")[..],
            [
                ("Labour".into(), EntityType::Org),
                ("Liberal Democrats".into(), EntityType::Org)
            ]
        );
        // a party's adjective alone is evidence, not a mention
        assert!(names("A Democrat senator spoke.").is_empty());
    }

    #[test]
    fn organizations_by_context() {
        assert_eq!(
            found("She wrote on social media platform X that talks went well.")[..],
            [("X".into(), EntityType::Org)]
        );
        assert!(found("Plan B failed, and I left at point A.").is_empty());
        let f = found("German airline Lufthansa said Ryanair CEO Michael O'Leary was wrong.");
        assert_eq!(f[0], ("Lufthansa".into(), EntityType::Org));
        assert_eq!(f[1], ("Ryanair".into(), EntityType::Org));
        assert_eq!(f[2], ("Michael O'Leary".into(), EntityType::Person));
        assert_eq!(
            found("He played for the San Diego Chargers in 2008.")[0],
            ("San Diego Chargers".into(), EntityType::Org)
        );
        assert_eq!(
            found("He told reporters the Chargers would win.")[0],
            ("Chargers".into(), EntityType::Org)
        );
        assert_eq!(
            found("He flew with Air Canada to Toronto.")[0],
            ("Air Canada".into(), EntityType::Org)
        );
        assert_eq!(
            found("Climbers died on Aoraki Mount Cook this week.")[0],
            ("Aoraki Mount Cook".into(), EntityType::Place)
        );
        assert_eq!(
            found("He flew Aer Lingus to Dublin.")[0],
            ("Aer Lingus".into(), EntityType::Org)
        );
    }

    #[test]
    fn a_reference_to_a_part_of_a_text_or_a_law_holds_its_number() {
        // "Chapter 11" is one name (a law's part), no "Chapter"
        let f = found("The firm filed for Chapter 11 protection under Section 301 rules.");
        let got: Vec<&str> = f.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(got, ["Chapter 11", "Section 301"], "{f:?}");
        assert!(f.iter().all(|(_, t)| *t == EntityType::Other), "{f:?}");
    }

    #[test]
    fn letters_glued_to_a_number_are_a_model_s_designation() {
        let f = found("They seized seven AK-47s. The MiG-29 and a DC-10 crashed.");
        let got: Vec<&str> = f.iter().map(|(n, _)| n.as_str()).collect();
        assert!(got.contains(&"AK-47s") && got.contains(&"MiG-29"), "{f:?}");
        assert!(got.contains(&"DC-10"), "{f:?}");
        // no body named by the letters alone
        assert!(!f.iter().any(|(_, t)| *t == EntityType::Org), "{f:?}");
        // one letter is no designation's name: no "F-16" person
        assert!(names("Two F-16 jets flew over.").is_empty());
    }

    #[test]
    fn a_title_with_its_stop_is_the_next_name_s() {
        // after other capitalized words, "Dr." and "Lt." start the name after
        // them, as they do after a word in lower case
        let n = names("Barack Obama to Name Dr. Sanjay Gupta Surgeon General: Onion headline?");
        assert!(!n.iter().any(|x| x.contains("Dr")), "{n:?}");
        let n = names("He said Troy Police Lt. Zakaria Mahdi saw it.");
        assert!(!n.iter().any(|x| x.ends_with("Lt")), "{n:?}");
        assert!(n.iter().any(|x| x == "Zakaria Mahdi"), "{n:?}");
        // a street's abbreviation before a common word stays the street's
        let n = names("He lives on Kelso Dr. Police said so.");
        assert!(n.iter().any(|x| x == "Kelso Dr"), "{n:?}");
    }

    #[test]
    fn listed_companies_and_known_names_at_a_sentence_start() {
        let f = found("Shares of Lockheed Martin and Cisco rose while Northrop Grumman fell.");
        assert!(f.iter().all(|(_, t)| *t == EntityType::Org), "{f:?}");
        // a common word that starts a known name is kept at a sentence start
        assert_eq!(
            found("New Zealand police said two climbers died.")[0],
            ("New Zealand".into(), EntityType::Place)
        );
        assert_eq!(
            found("General Motors said it would cut jobs.")[0],
            ("General Motors".into(), EntityType::Org)
        );
        // but not one that only looks like a start of one
        assert_eq!(
            names("New rules apply in Texas."),
            vec!["Texas".to_string()]
        );
        assert_eq!(
            found("Best Buy said sales rose.")[0],
            ("Best Buy".into(), EntityType::Org)
        );
        // a first name that is a common word, before a name
        assert_eq!(
            found("Mark Papermaster, an executive, left.")[0],
            ("Mark Papermaster".into(), EntityType::Person)
        );
        assert!(names("Will they come?").is_empty());
        let ford = analyzed("Sales at Ford Motor Company rose.");
        assert_eq!(ford[0].canonical.as_deref(), Some("Ford Motor"));
        assert_eq!(ford[0].evidence, Evidence::Company);
    }
}
