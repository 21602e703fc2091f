//! What the learned model sees of a mention: its words, their shapes and
//! affixes, the words around it, what the tables and the corpus know of
//! them, and the rules' own type and evidence. The model (weights in
//! `assets/ner/model.tsv`, trained by `cargo run --release --example
//! train_ner`) then decides the mention's type, or that it is no name.

use super::{is_all_caps, is_cap, Ctx, Evidence, Mention};
use crate::nlp::model::{self, Model};
use crate::nlp::text::with_lower;
use crate::nlp::words::Table;
use crate::nlp::EntityType;
use std::fmt::Write;
use std::sync::{LazyLock, OnceLock};

/// The model's classes: the four types, then "no name".
pub const CLASSES: usize = 5;
pub const NONE: usize = 4;

pub fn class_of(ty: EntityType) -> usize {
    ty as usize
}

pub fn type_of(k: usize) -> Option<EntityType> {
    EntityType::ALL.get(k).copied()
}

/// The embedded model, read once (none when the file is empty: the rules
/// alone then decide).
pub fn model() -> Option<&'static Model<CLASSES>> {
    static M: OnceLock<Option<Model<CLASSES>>> = OnceLock::new();
    M.get_or_init(|| {
        let src = include_str!("../../../assets/ner/model.tsv");
        match Model::parse_static(src) {
            Ok(m) if !m.is_empty() => Some(m),
            Ok(_) => None,
            Err(e) => {
                crate::log!("assets/ner/model.tsv: {e}");
                None
            }
        }
    })
    .as_ref()
}

/// How much more the model must score a type than the rules' type to
/// change it, and "no name" than any type to drop the mention: chosen by
/// cross-validation on the training files (`train_ner --cv 5`, on the mean
/// of a name's scores in its text, as crossread decides), the drop's
/// margin high because a name lost costs a reader more than a name too many.
pub const CHANGE_MARGIN: f32 = 0.0;
pub const DROP_MARGIN: f32 = f32::INFINITY;

/// The model's class for a mention, where it is sure: its best class
/// leads every other by CHANGE_MARGIN ("no name" by DROP_MARGIN); none
/// where it is not (the rules' type then stands). A name the text also
/// writes in full ("Jobs" after "Steve Jobs") is a name.
pub fn decide(scores: &[f32; CLASSES], shortened: bool) -> Option<usize> {
    decide_with(scores, shortened, CHANGE_MARGIN, DROP_MARGIN)
}

/// How much more the model must score its best type than "no name" to
/// admit a name the rules doubt (`Evidence::Proposed`): chosen by
/// cross-validation on the training files (`train_ner --cv 5`).
pub const ADMIT_MARGIN: f32 = 0.5;

/// The type the model gives a name the rules doubt, where it admits it.
pub fn admit(scores: &[f32; CLASSES]) -> Option<usize> {
    admit_with(scores, ADMIT_MARGIN)
}

/// `admit` with another margin.
pub fn admit_with(scores: &[f32; CLASSES], margin: f32) -> Option<usize> {
    let best = (0..NONE).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))?;
    (scores[best] - scores[NONE] >= margin).then_some(best)
}

/// `decide` with other margins (the trainer's cross-validation tries some).
pub fn decide_with(
    scores: &[f32; CLASSES],
    shortened: bool,
    change: f32,
    drop: f32,
) -> Option<usize> {
    let mut order: smallvec::SmallVec<[usize; CLASSES]> = (0..CLASSES)
        .filter(|&k| !(shortened && k == NONE))
        .collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let (best, second) = (order[0], order[1]);
    // (a tie decides nothing, whatever the margin)
    let lead = scores[best] - scores[second];
    if lead <= 0.0 {
        None
    } else if best == NONE {
        (lead >= drop).then_some(NONE)
    } else {
        (lead >= change).then_some(best)
    }
}

/// The features of one mention, by their hashes (and by name, where the
/// names are kept: for training and explaining).
#[derive(Default)]
pub struct Features {
    buf: String,
    ends: Vec<usize>,
    pub hashes: Vec<u64>,
    /// The numbers of those the model knows (after `score`).
    known: Vec<u32>,
    /// Whether the names are kept (the model itself reads the hashes only).
    keep: bool,
}

impl Features {
    /// Features that keep their names (`names`).
    pub fn with_names() -> Features {
        Features {
            keep: true,
            ..Default::default()
        }
    }

    fn clear(&mut self) {
        self.buf.clear();
        self.ends.clear();
        self.hashes.clear();
    }

    /// Adds the feature whose name is these pieces written one after another.
    fn add(&mut self, pieces: &[&dyn Piece]) {
        let start = if self.keep {
            self.ends.last().copied().unwrap_or(0)
        } else {
            self.buf.clear();
            0
        };
        for p in pieces {
            p.put(&mut self.buf);
        }
        if self.keep {
            self.ends.push(self.buf.len());
        }
        self.hashes.push(model::hash(&self.buf[start..]));
    }

    /// Adds a feature whose name and hash were made before the text.
    fn add_known(&mut self, k: &Known) {
        if self.keep {
            self.buf.push_str(&k.0);
            self.ends.push(self.buf.len());
        }
        self.hashes.push(k.1);
    }

    /// The model's scores of these features.
    pub fn score(&mut self, m: &Model<CLASSES>) -> [f32; CLASSES] {
        m.scores_known(&self.hashes, &mut self.known)
    }

    /// The features by name (kept only by `with_names`).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let mut start = 0;
        self.ends.iter().map(move |&e| {
            let s = &self.buf[start..e];
            start = e;
            s
        })
    }
}

/// A feature whose name is made of the rules' own words and small counts
/// (the type, the evidence, the length in words): named and hashed once.
struct Known(Box<str>, u64);

impl Known {
    fn new(name: String) -> Known {
        let h = model::hash(&name);
        Known(name.into(), h)
    }
}

/// The evidence kinds as the features name them, by `kind`'s number.
const EVIDENCE: [&str; 15] = [
    "alias",
    "gazetteer",
    "title",
    "orgword",
    "placeword",
    "eventword",
    "firstname",
    "acronym",
    "context",
    "default",
    "user",
    "company",
    "says",
    "model",
    "proposed",
];

/// How often the corpus capitalizes a word, as `capitalized` numbers it.
const CAPS: [&str; 12] = [
    "unseen",
    "always",
    "never",
    "mostly",
    "often",
    "rarely",
    "unseen-common",
    "always-common",
    "never-common",
    "mostly-common",
    "often-common",
    "rarely-common",
];

/// The features known before the text, by the numbers of their parts.
struct Fixed {
    bias: Known,
    start: Known,
    /// by type
    rule: Vec<Known>,
    /// by evidence kind
    ev: Vec<Known>,
    /// by type and evidence kind
    rule_ev: Vec<Known>,
    /// by length in words (1 to 4)
    n: Vec<Known>,
    /// by type and length
    rule_n: Vec<Known>,
    start_n: Vec<Known>,
    caps_n: Vec<Known>,
    firstname_n: Vec<Known>,
    /// by first (0) or last (1) word and `CAPS` number
    cap: Vec<Known>,
    common: [Known; 2],
    /// by `MARKS` number
    has: Vec<Known>,
    lastname_is_first: Known,
    orgword_last: Known,
    orgword_first: Known,
    placeword_last: Known,
    placeword_first: Known,
    eventword_last: Known,
    company: Known,
    demonym: Known,
    has_place_word: Known,
    digit: Known,
    town: Known,
    firstname_thing: Known,
    firstname_town: Known,
    surname_only: Known,
    surname_last: Known,
}

/// The marks a name may hold, and the feature each gives.
const MARKS: [(&str, &str); 4] = [("&", "amp"), ("-", "hyphen"), (".", "dot"), ("'", "apos")];

fn fixed() -> &'static Fixed {
    static F: OnceLock<Fixed> = OnceLock::new();
    F.get_or_init(|| {
        let k = |s: &str| Known::new(s.to_string());
        let types: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
        let by_n = |prefix: &str| {
            (0..=4)
                .map(|n| Known::new(format!("{prefix}{n}")))
                .collect()
        };
        Fixed {
            bias: k("bias"),
            start: k("start"),
            rule: types
                .iter()
                .map(|t| Known::new(format!("rule={t}")))
                .collect(),
            ev: EVIDENCE
                .iter()
                .map(|e| Known::new(format!("ev={e}")))
                .collect(),
            rule_ev: types
                .iter()
                .flat_map(|t| {
                    EVIDENCE
                        .iter()
                        .map(move |e| Known::new(format!("rule+ev={t}|{e}")))
                })
                .collect(),
            n: by_n("n="),
            rule_n: types
                .iter()
                .flat_map(|t| (0..=4).map(move |n| Known::new(format!("rule+n={t}|{n}"))))
                .collect(),
            start_n: by_n("start+n="),
            caps_n: by_n("caps+n="),
            firstname_n: by_n("firstname+n="),
            cap: ["first", "last"]
                .iter()
                .flat_map(|p| CAPS.iter().map(move |c| Known::new(format!("cap-{p}={c}"))))
                .collect(),
            common: [k("common-first"), k("common-last")],
            has: MARKS
                .iter()
                .map(|(_, w)| Known::new(format!("has-{w}")))
                .collect(),
            lastname_is_first: k("lastname-is-first"),
            orgword_last: k("orgword-last"),
            orgword_first: k("orgword-first"),
            placeword_last: k("placeword-last"),
            placeword_first: k("placeword-first"),
            eventword_last: k("eventword-last"),
            company: k("company"),
            demonym: k("demonym"),
            has_place_word: k("has-place-word"),
            digit: k("digit"),
            town: k("town"),
            firstname_thing: k("firstname+thing"),
            firstname_town: k("firstname+town"),
            surname_only: k("surname-only"),
            surname_last: k("surname-last"),
        }
    })
}

/// A word's shape: `Xx` capitalized, `X` in capitals, `x` lower case, `d`
/// digits, `X.` an initial, `-` anything else.
fn shape(w: &str) -> &'static str {
    let mut cs = w.chars();
    let Some(c) = cs.next() else { return "-" };
    if w.len() <= 3 && w.ends_with('.') && c.is_uppercase() {
        "X."
    } else if c.is_ascii_digit() {
        "d"
    } else if is_all_caps(w) {
        "X"
    } else if c.is_uppercase() {
        if w.chars().skip(1).any(|c| c.is_uppercase()) {
            "XxX"
        } else {
            "Xx"
        }
    } else if c.is_lowercase() {
        if w.chars().any(|c| c.is_uppercase()) {
            "xX"
        } else {
            "x"
        }
    } else {
        "-"
    }
}

/// How often the corpus capitalizes a word in mid-sentence, against writing
/// it in lower case, in five steps (and whether it is a common word): its
/// number in `CAPS`.
fn capitalized(cx: &Ctx, w: &str) -> (usize, bool) {
    let (c, l, common) = cx.stats(w);
    let base = match (c, l) {
        (0, 0) => 0,
        _ if l == 0 => 1,
        _ if c == 0 => 2,
        _ if c > 3 * l => 3,
        _ if c >= l => 4,
        _ => 5,
    };
    (base + if common { 6 } else { 0 }, common)
}

/// An evidence's kind, by its number in `EVIDENCE`, and its word.
fn kind(e: &Evidence) -> (usize, Option<&str>) {
    match e {
        Evidence::Alias => (0, None),
        Evidence::Gazetteer => (1, None),
        Evidence::Title(t) => (2, Some(t)),
        Evidence::OrgWord(w) => (3, Some(w)),
        Evidence::PlaceWord(w) => (4, Some(w)),
        Evidence::EventWord(w) => (5, Some(w)),
        Evidence::FirstName(_) => (6, None),
        Evidence::Acronym => (7, None),
        Evidence::Context(_) => (8, None),
        Evidence::Default => (9, None),
        Evidence::User => (10, None),
        Evidence::Company => (11, None),
        Evidence::Says(_) => (12, None),
        Evidence::Model(_) => (13, None),
        Evidence::Proposed => (14, None),
    }
}

/// A piece of a feature's name, written into the name being made (no
/// formatting machinery: the model reads forty names a mention).
trait Piece {
    fn put(&self, buf: &mut String);
}

impl Piece for &str {
    fn put(&self, buf: &mut String) {
        buf.push_str(self);
    }
}

impl Piece for usize {
    fn put(&self, buf: &mut String) {
        match char::from_digit(*self as u32, 10) {
            Some(d) if *self < 10 => buf.push(d),
            _ => {
                let _ = write!(buf, "{self}");
            }
        }
    }
}

impl Piece for u8 {
    fn put(&self, buf: &mut String) {
        (*self as usize).put(buf);
    }
}

impl Piece for Low<'_> {
    fn put(&self, buf: &mut String) {
        if self.0.is_ascii() {
            let start = buf.len();
            buf.push_str(self.0);
            buf[start..].make_ascii_lowercase();
        } else {
            buf.extend(self.0.chars().flat_map(char::to_lowercase));
        }
    }
}

impl Piece for Shapes<'_> {
    fn put(&self, buf: &mut String) {
        for (k, w) in self.0.iter().take(4).enumerate() {
            if k > 0 {
                buf.push('_');
            }
            buf.push_str(shape(w));
        }
    }
}

/// A word written in lower case, with no copy made.
struct Low<'a>(&'a str);

/// The token next to `i` in a direction, inside the sentence `a..b`.
fn neighbour<'a>(cx: &'a Ctx, a: usize, b: usize, i: isize) -> Low<'a> {
    if i < a as isize {
        Low("<s>")
    } else if i >= b as isize {
        Low("</s>")
    } else {
        let w = cx.w(i as usize);
        Low(if w.len() > 20 { "<long>" } else { w })
    }
}

/// Towns of 15,000 to 100,000 people and the usual surnames
/// (`assets/gazetteer/towns.txt`, `surnames.txt`): what the model weighs
/// as evidence, never a rule (many are also words or first names).
static TOWNS: LazyLock<Table> =
    LazyLock::new(|| Table::parse(include_str!("../../../assets/gazetteer/towns.txt")));
/// Every country's first-level divisions (`assets/gazetteer/provinces.tsv`:
/// "Andhra Pradesh", "Waikato"): the model weighs them as it weighs the
/// towns (many are also firms' or clubs' names: "Southland", "Bayern").
static PROVINCES: LazyLock<Table> =
    LazyLock::new(|| Table::parse(include_str!("../../../assets/gazetteer/provinces.tsv")));
static SURNAMES: LazyLock<Table> =
    LazyLock::new(|| Table::parse(include_str!("../../../assets/gazetteer/surnames.txt")));

/// Whether a table of towns or of provinces lists the name ("Cannes").
pub(super) fn a_town_or_province(name: &str) -> bool {
    TOWNS.contains(name) || PROVINCES.contains(name)
}

/// Whether WordNet knows the name only as something that is no place: a
/// person, a group, a work ("God", "Genesis"), no location nor object
/// (continents, islands and rivers are WordNet's objects).
pub fn proper_no_place(name: &str) -> bool {
    proper_as_place(name) == Some(false)
}

/// Whether WordNet knows the name as a place: a location or an object
/// (continents, islands and rivers are WordNet's objects): "Yorkshire".
pub(super) fn proper_place(name: &str) -> bool {
    proper_as_place(name) == Some(true)
}

/// Whether one of the senses WordNet gives a proper name is a place's;
/// none where WordNet does not know the name.
fn proper_as_place(name: &str) -> Option<bool> {
    PROPER_CLASSES
        .get(name)
        .map(|c| c.split(',').any(|c| matches!(c, "location" | "object")))
}

/// Whether a word is one of the usual surnames (`surnames.txt`).
pub fn usual_surname(w: &str) -> bool {
    SURNAMES.contains(w)
}

/// A surname borne by one person in 10,000 or more ("Hall", "Field",
/// "Stone"; not "Creek", "Rink", "Dock"): a common noun that names a
/// thing is more likely that thing than a rarer surname.
const COMMON_SURNAME_SHARE: u32 = 10;

/// Whether a word is a surname of at least `COMMON_SURNAME_SHARE` (in
/// units of 0.001% of people, `surnames.txt`'s second column).
fn common_surname(w: &str) -> bool {
    SURNAMES
        .get(w)
        .and_then(|share| share.parse::<u32>().ok())
        .is_some_and(|share| share >= COMMON_SURNAME_SHARE)
}

/// The WordNet classes of common English nouns (`assets/ner/noun_classes.tsv`,
/// made by `assets/build_noun_classes.py`): a noun -> the classes of its
/// first senses, most frequent first, joined by ",".
static NOUN_CLASSES: LazyLock<Table> =
    LazyLock::new(|| Table::parse(include_str!("../../../assets/ner/noun_classes.tsv")));

/// The WordNet classes of the proper names WordNet holds
/// (`assets/ner/proper_classes.tsv`, made by `assets/build_noun_classes.py`):
/// a name -> the classes of its senses ("Lincoln": location, person).
static PROPER_CLASSES: LazyLock<Table> =
    LazyLock::new(|| Table::parse(include_str!("../../../assets/ner/proper_classes.tsv")));

/// The classes of the words of unannotated news
/// (`assets/ner/word_classes.tsv`, made by `examples/word_clusters.rs` from
/// the words written before and after each word): a word, case kept and
/// every digit written 0 -> its class. Words used alike share a class
/// ("Baker", "Volcker", "Greenspan"; "Texaco", "Chrysler", "Moody").
static WORD_CLASSES: LazyLock<Table> =
    LazyLock::new(|| Table::parse(include_str!("../../../assets/ner/word_classes.tsv")));

/// A word's classes in `WORD_CLASSES`, coarse to fine, "-" for a word
/// too rare to have them.
pub(super) fn word_class(w: &str) -> &'static str {
    let t = &*WORD_CLASSES;
    if w.bytes().any(|c| c.is_ascii_digit()) {
        let d: String = w
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        t.get(&d).unwrap_or("-")
    } else {
        t.get(w).unwrap_or("-")
    }
}

/// The features of a word's classes: one for each of its classes, coarse
/// to fine ("wc-only=0:12", "wc-only=1:140"...).
fn add_word_classes(f: &mut Features, key: &str, classes: &str) {
    for (k, c) in classes.split(' ').enumerate() {
        f.add(&[&key, &k, &":", &c]);
    }
}

/// A word's noun classes (in lower case), and whether they are those of
/// its singular ("Rangers": ranger, a person). None for a word no common
/// noun is written as.
fn noun_classes(w: &str) -> Option<(&'static str, bool)> {
    if !w.starts_with(|c: char| c.is_alphabetic()) || w.len() < 3 {
        return None;
    }
    with_lower(w, |l| {
        let t = &*NOUN_CLASSES;
        if let Some(c) = t.get(l) {
            return Some((c, false));
        }
        let singular = if let Some(stem) = l.strip_suffix("ies") {
            t.get(format!("{stem}y").as_str())
        } else {
            l.strip_suffix('s').and_then(|stem| {
                t.get(stem)
                    .or_else(|| stem.strip_suffix('e').and_then(|s| t.get(s)))
            })
        };
        singular.map(|c| (c, true))
    })
}

/// Whether a word, as a common noun, names first one of `classes` (its
/// most frequent sense's WordNet class); a plural only where `plurals`.
fn first_class_in(w: &str, classes: &[&str], plurals: bool) -> bool {
    noun_classes(w).is_some_and(|(c, plural)| {
        (plurals || !plural) && c.split(',').next().is_some_and(|c| classes.contains(&c))
    })
}

/// Whether a word, as a common noun, names a person first ("general",
/// "undersecretary"; not a plural: "the Boy Scouts" name a body).
pub(super) fn names_a_person(w: &str) -> bool {
    first_class_in(w, &["person"], false)
}

/// Whether a mention the rules typed by its first name ends in a word that
/// names a thing, a place or a body as a common noun (in one of its first
/// senses, by WordNet: an artifact, a location, a natural object, a group;
/// not a person first; not a plural) and is no common surname: "Lincoln
/// Reservoir", "Davis Gym", "Clarence Dock", "Sandy Creek" are no persons
/// by that alone ("Bill Gates", "Victoria Field" stay ones). The model
/// types such a name.
pub(super) fn first_name_before_a_thing(m: &Mention, name: &str) -> bool {
    matches!(m.evidence, Evidence::FirstName(_))
        && name
            .rsplit_once(' ')
            .is_some_and(|(_, last)| names_a_thing(last))
}

/// Whether a mention the rules typed by its first name is that name alone
/// and a listed town ("Harrison", "Clifton"): a person or a place, as its
/// context tells; the model types it.
pub(super) fn first_name_a_town(m: &Mention, name: &str) -> bool {
    matches!(m.evidence, Evidence::FirstName(_)) && TOWNS.contains(name)
}

fn names_a_thing(w: &str) -> bool {
    !common_surname(w)
        && noun_classes(w).is_some_and(|(c, plural)| {
            !plural
                && c.split(',').next() != Some("person")
                && c.split(',')
                    .any(|c| matches!(c, "artifact" | "location" | "object" | "group"))
        })
}

/// Whether a word, as a common noun, names a body of people or a place
/// first (WordNet: a group, a location): "Empire", "League", "Legion".
pub(super) fn names_a_body_or_place(w: &str) -> bool {
    first_class_in(w, &["group", "location"], true)
}

/// Whether a word, as a common noun, names a quantity first ("one",
/// "dozen").
pub(super) fn names_a_quantity(w: &str) -> bool {
    first_class_in(w, &["quantity"], true)
}

/// Whether a word is written so as a common noun (or its plural).
pub(super) fn is_noun(w: &str) -> bool {
    noun_classes(w).is_some()
}

/// Whether a word is the plural of a noun that names a person first
/// ("Friends", "Knights", "Sisters"): persons of one cause, a body.
pub(super) fn names_persons(w: &str) -> bool {
    noun_classes(w).is_some_and(|(c, plural)| plural && c.split(',').next() == Some("person"))
}

/// Whether a word, as a common noun, names a body of people or a place in
/// any of its first senses (WordNet: a group, a location): "House",
/// "Army", "West"; not "Rings", "Christ", "Pops".
pub(super) fn names_a_body_or_place_in_any_sense(w: &str) -> bool {
    noun_classes(w).is_some_and(|(c, _)| c.split(',').any(|c| matches!(c, "group" | "location")))
}

/// Whether a capitalized word, as a common noun, names a body, a place or
/// a building first (WordNet: a group, a location, an artifact; not a
/// plural: "Fans of ..."): "Hall" of Fame, "Organization" of the Scout
/// Movement.
pub(super) fn names_a_body_place_or_building(w: &str) -> bool {
    first_class_in(w, &["group", "location", "artifact"], false)
}

/// The features of a word's noun classes: every class of its first senses
/// under `key`, the first under `key1` (or `keypl` when they are its
/// singular's).
fn add_noun_classes(f: &mut Features, w: &str, key: &str, all: bool) {
    let Some((classes, plural)) = noun_classes(w) else {
        return;
    };
    let mut cs = classes.split(',');
    let first = cs.next().unwrap_or(classes);
    f.add(&[&key, &if plural { "-ncpl=" } else { "-nc1=" }, &first]);
    if all {
        for c in std::iter::once(first).chain(cs) {
            f.add(&[&key, &"-nc=", &c]);
        }
    }
}

/// The words that end the phrase saying what a name is
/// (`assets/ner/definition_ends.txt`).
static DEFINITION_ENDS: LazyLock<super::List> =
    LazyLock::new(|| super::List::parse(include_str!("../../../assets/ner/definition_ends.txt")));

/// The head noun of what the words after a name say it is, in the
/// sentence ending before token `b`: "is a village", ", an American rock
/// band formed in", "was the largest airline of": the last word in lower
/// case of the phrase after a comma or a copula and an article, up to a
/// word that starts a clause or a phrase of its own.
fn defining_noun<'a>(cx: &'a Ctx, tj: usize, b: usize) -> Option<&'a str> {
    let mut i = tj;
    let at = |i: usize| (i < b).then(|| cx.w(i));
    let mut joined = false;
    if matches!(at(i), Some("," | "(")) {
        joined = true;
        i += 1;
    }
    if matches!(at(i), Some("is" | "was" | "are" | "were")) {
        joined = true;
        i += 1;
    }
    if !joined || !matches!(at(i), Some("a" | "an" | "the")) {
        return None;
    }
    i += 1;
    let mut head = None;
    for _ in 0..6 {
        let Some(w) = at(i) else { break };
        if !cx.toks[i].word {
            if w == "-" {
                i += 1;
                continue;
            }
            break;
        }
        if DEFINITION_ENDS.contains(&w) {
            break;
        }
        if lower_word(w) {
            head = Some(w);
        }
        i += 1;
    }
    head.filter(|w| noun_classes(w).is_some())
}

/// Whether the token is a word written in lower case.
fn lower_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
}

/// The shapes of a name's first four words, joined by `_`.
struct Shapes<'a>(&'a [&'a str]);

/// What the rules found in the whole text, for each mention to be read
/// against: a name is written in full once and shortened after ("Steve
/// Jobs" ... "Jobs").
#[derive(Default)]
pub struct Doc<'t> {
    /// A word of a longer name -> that name's type and where the word
    /// stands in it (0 first, 1 last, 2 inside), strongest evidence first.
    in_longer: crate::fx::FxHashMap<&'t str, (EntityType, u8, u8)>,
    /// A name as written -> its type by the strongest evidence found for it.
    same: crate::fx::FxHashMap<&'t str, (EntityType, u8, &'static str)>,
    /// A mention (by where it starts) -> the type of a name listed beside
    /// it ("Heydour and Aisby", "Korn, Linkin Park and Sevendust") that
    /// more than its form typed, the strongest such.
    listed_with: crate::fx::FxHashMap<usize, (EntityType, u8)>,
}

impl<'t> Doc<'t> {
    /// Whether the text also writes this one-word name inside a longer one.
    pub fn shortened(&self, name: &str) -> bool {
        !self.in_longer.is_empty()
            && !name.contains(char::is_whitespace)
            && self.in_longer.contains_key(name)
    }

    /// The name table of a text's mentions. Only what a mention may ask is
    /// kept: a name's strongest evidence where it is stronger than the form
    /// alone (the model reads names typed by form), the words of longer
    /// names that are written alone too.
    pub(super) fn new(cx: &Ctx<'t>, mentions: &[Mention]) -> Doc<'t> {
        let text = cx.text;
        let mut d = Doc::default();
        let mut alone: crate::fx::FxHashSet<&str> = Default::default();
        // the names alone and the names typed by more than their form (found
        // on all cores in a long text: in a list of a million new names of
        // two words, none)
        let asks = |m: &&Mention| {
            m.evidence.strength() > 0 || !text[m.range.clone()].contains(char::is_whitespace)
        };
        let asking: Vec<&Mention> = if mentions.len() >= 1 << 16 {
            use rayon::prelude::*;
            mentions.par_iter().filter(asks).collect()
        } else {
            mentions.iter().filter(asks).collect()
        };
        for m in asking {
            let name = &text[m.range.clone()];
            if !name.contains(char::is_whitespace) {
                alone.insert(name);
                // and its words ("Jobs" of "Jobs'")
                let ti = cx.toks.partition_point(|t| t.start < m.range.start);
                for t in cx.toks[ti..].iter().take_while(|t| t.start < m.range.end) {
                    if t.word {
                        alone.insert(&text[t.start..t.end]);
                    }
                }
            }
            let st = m.evidence.strength();
            if st == 0 {
                continue;
            }
            let e = d
                .same
                .entry(name)
                .or_insert((m.ty, st, EVIDENCE[kind(&m.evidence).0]));
            if st > e.1 {
                *e = (m.ty, st, EVIDENCE[kind(&m.evidence).0]);
            }
        }
        d.listed_with = listed_with(text, mentions);
        if alone.is_empty() {
            return d;
        }
        for m in mentions {
            let name = &text[m.range.clone()];
            let words: smallvec::SmallVec<[&str; 6]> = name
                .split(|c: char| c.is_whitespace())
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            if words.len() < 2 {
                continue;
            }
            let st = m.evidence.strength();
            for (k, w) in words.iter().enumerate() {
                if !alone.contains(w) {
                    continue;
                }
                let pos = if k == 0 {
                    0
                } else if k + 1 == words.len() {
                    1
                } else {
                    2
                };
                let e = d.in_longer.entry(w).or_insert((m.ty, pos, st));
                if st > e.2 {
                    *e = (m.ty, pos, st);
                }
            }
        }
        d
    }
}

/// The names written in a list ("A, B and C"), each with the type of the
/// strongest other name of the list where the rules typed that one by
/// more than its form: names listed together are mostly of one kind.
fn listed_with(text: &str, mentions: &[Mention]) -> crate::fx::FxHashMap<usize, (EntityType, u8)> {
    let mut order: Vec<&Mention> = mentions.iter().collect();
    order.sort_by_key(|m| m.range.start);
    let mut out: crate::fx::FxHashMap<usize, (EntityType, u8)> = Default::default();
    // the lists: runs of names each parted from the next by a list's mark
    let listed = |x: &Mention, y: &Mention| {
        y.range.start >= x.range.end
            && matches!(
                &text[x.range.end..y.range.start],
                ", " | " and " | ", and " | " or " | ", or " | "; "
            )
    };
    let strength = |k: usize| order[k].evidence.strength();
    let mut i = 0;
    while i < order.len() {
        let mut j = i + 1;
        while j < order.len() && listed(order[j - 1], order[j]) {
            j += 1;
        }
        // each name reads the strongest other one (the two strongest
        // found once: a list may be long), where more than a guess typed
        // it (the model's word is one: strength 1)
        let mut top: [Option<usize>; 2] = [None, None];
        for k in i..j {
            if top[0].is_none_or(|t| strength(k) > strength(t)) {
                top = [Some(k), top[0]];
            } else if top[1].is_none_or(|t| strength(k) > strength(t)) {
                top[1] = Some(k);
            }
        }
        for k in i..j {
            let other = if top[0] == Some(k) { top[1] } else { top[0] };
            if let Some(o) = other.filter(|&o| strength(o) >= 2) {
                out.insert(order[k].range.start, (order[o].ty, strength(o)));
            }
        }
        i = j;
    }
    out
}

/// The features of the mention `m`, whose tokens are `ti..tj` in the
/// sentence of tokens `a..b`, in the text the rules read as `doc`.
pub(super) fn features(
    cx: &Ctx,
    doc: &Doc,
    m: &Mention,
    (ti, tj): (usize, usize),
    (a, b): (usize, usize),
    f: &mut Features,
) {
    f.clear();
    let g = cx.g;
    let name = &cx.text[m.range.clone()];
    let words: smallvec::SmallVec<[&str; 6]> = (ti..tj)
        .filter(|&i| cx.toks[i].word)
        .map(|i| cx.w(i))
        .collect();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return;
    };
    let fx = fixed();
    let ty = m.ty.as_str();
    let t = class_of(m.ty);
    let (e, ev_word) = kind(&m.evidence);
    f.add_known(&fx.bias);
    f.add_known(&fx.rule[t]);
    f.add_known(&fx.ev[e]);
    f.add_known(&fx.rule_ev[t * EVIDENCE.len() + e]);
    if let Some(w) = ev_word {
        f.add(&[&"evword=", &EVIDENCE[e], &":", &Low(w)]);
    }
    let n = words.len().min(4);
    f.add_known(&fx.n[n]);
    f.add_known(&fx.rule_n[t * 5 + n]);
    // the words, the first and the last
    for w in &words {
        f.add(&[&"w=", &Low(w)]);
    }
    if words.len() == 1 {
        f.add(&[&"only=", &Low(first)]);
    } else {
        f.add(&[&"first=", &Low(first)]);
        f.add(&[&"last=", &Low(last)]);
    }
    f.add(&[&"shape=", &Shapes(&words)]);
    // the classes of its words in unannotated news
    if words.len() == 1 {
        add_word_classes(f, "wc-only=", word_class(first));
    } else {
        add_word_classes(f, "wc-first=", word_class(first));
        add_word_classes(f, "wc-last=", word_class(last));
    }
    // what kind of thing its head noun names (WordNet's classes)
    if words.len() == 1 {
        add_noun_classes(f, first, "only", false);
    } else {
        add_noun_classes(f, last, "last", true);
    }
    // the last word's endings and beginning, counted in characters
    let starts: smallvec::SmallVec<[usize; 24]> = last.char_indices().map(|(i, _)| i).collect();
    let nc = starts.len();
    for k in [2, 3, 4] {
        if nc > k {
            f.add(&[&"suf", &k, &"=", &Low(&last[starts[nc - k]..])]);
        }
    }
    if nc > 3 {
        f.add(&[&"pre3=", &Low(&last[..starts[3]])]);
    }
    // the words around
    let (p1, p2) = (
        neighbour(cx, a, b, ti as isize - 1),
        neighbour(cx, a, b, ti as isize - 2),
    );
    let (n1, n2) = (
        neighbour(cx, a, b, tj as isize),
        neighbour(cx, a, b, tj as isize + 1),
    );
    f.add(&[&"p1=", &p1]);
    f.add(&[&"p2=", &p2, &"|", &p1]);
    f.add(&[&"n1=", &n1]);
    f.add(&[&"n2=", &n1, &"|", &n2]);
    for (key, i) in [("wc-p1=", ti as isize - 1), ("wc-n1=", tj as isize)] {
        let c = if i < a as isize || i >= b as isize {
            "s"
        } else {
            word_class(cx.w(i as usize))
        };
        add_word_classes(f, key, c);
    }
    f.add(&[&"p1+rule=", &p1, &"|", &ty]);
    f.add(&[&"n1+rule=", &n1, &"|", &ty]);
    // the kind of thing a noun beside it names ("the band Korn")
    for (w, key) in [(p1.0, "p1"), (n1.0, "n1")] {
        if lower_word(w) {
            add_noun_classes(f, w, key, false);
        }
    }
    // the noun that says what it is ("Aisby is a village", "Korn, an
    // American band") and the one it is "of" ("the village of Aisby")
    if let Some(head) = defining_noun(cx, tj, b) {
        f.add(&[&"def=", &Low(head)]);
        add_noun_classes(f, head, "def", true);
    }
    if p1.0 == "of" && lower_word(p2.0) {
        add_noun_classes(f, p2.0, "of", false);
    }
    let start = ti == a
        || (a..ti).all(|i| !cx.toks[i].word)
        || matches!(cx.w(ti - 1), "\"" | "“" | ":" | "(" | "—" | "–");
    if start {
        f.add_known(&fx.start);
        f.add_known(&fx.start_n[n]);
    }
    // what the rest of the text says of the name
    if words.len() == 1 {
        if let Some((t, pos, _)) = doc.in_longer.get(first) {
            let t = t.as_str();
            f.add(&[&"in-longer=", &t, &"|", pos]);
            f.add(&[&"in-longer+rule=", &t, &"|", pos, &"|", &ty]);
        }
    }
    if let Some((t, _)) = doc.listed_with.get(&m.range.start) {
        f.add(&[&"listed-with=", &t.as_str()]);
        f.add(&[&"listed-with+rule=", &t.as_str(), &"|", &ty]);
    }
    if let Some((t, st, k)) = doc.same.get(name) {
        if *st > m.evidence.strength() {
            f.add(&[&"same-name=", &t.as_str(), &"|", k]);
        }
    }
    // what the tables know
    if let Some((t, _)) = g.lookup(name) {
        f.add(&[&"table=", &t.as_str()]);
    }
    if a_town_or_province(name) {
        f.add_known(&fx.town);
    }
    // what WordNet says the name (or else its last word) is the name of
    let proper = if words.len() == 1 {
        PROPER_CLASSES.get(first).map(|c| ("pn=", c))
    } else {
        let joined = words.join(" ");
        PROPER_CLASSES
            .get(joined.as_str())
            .map(|c| ("pn=", c))
            .or_else(|| PROPER_CLASSES.get(last).map(|c| ("pn-last=", c)))
    };
    if let Some((key, classes)) = proper {
        for c in classes.split(',') {
            f.add(&[&key, &c]);
        }
    }
    if SURNAMES.contains(last) {
        f.add_known(if words.len() == 1 {
            &fx.surname_only
        } else {
            &fx.surname_last
        });
    }
    if g.first_names.contains(first) {
        f.add_known(&fx.firstname_n[n]);
    }
    if first_name_before_a_thing(m, name) {
        f.add_known(&fx.firstname_thing);
    }
    if first_name_a_town(m, name) {
        f.add_known(&fx.firstname_town);
    }
    if words.len() > 1 && g.first_names.contains(last) {
        f.add_known(&fx.lastname_is_first);
    }
    if g.is_org_word_or_plural(last) {
        f.add_known(&fx.orgword_last);
    }
    if g.org_words.contains(first) {
        f.add_known(&fx.orgword_first);
    }
    if g.place_words.contains(last) {
        f.add_known(&fx.placeword_last);
    }
    if g.place_words.contains(first) {
        f.add_known(&fx.placeword_first);
    }
    if g.event_words.contains(last) {
        f.add_known(&fx.eventword_last);
    }
    if g.companies.contains_key(name) {
        f.add_known(&fx.company);
    }
    if words.iter().any(|w| g.demonyms.contains(w)) {
        f.add_known(&fx.demonym);
    }
    if words
        .iter()
        .any(|w| g.places.contains_key(w) && !g.first_names.contains(w))
    {
        f.add_known(&fx.has_place_word);
    }
    for (pos, w) in [first, last].into_iter().enumerate() {
        if pos == 1 && words.len() == 1 {
            break;
        }
        let (cap, common) = capitalized(cx, w);
        f.add_known(&fx.cap[pos * CAPS.len() + cap]);
        if common {
            f.add_known(&fx.common[pos]);
        }
    }
    // the form of the whole
    if is_all_caps(name) {
        f.add_known(&fx.caps_n[n]);
    }
    if name.bytes().any(|c| c.is_ascii_digit()) {
        f.add_known(&fx.digit);
    }
    for (k, (mark, _)) in MARKS.iter().enumerate() {
        if name.contains(mark) {
            f.add_known(&fx.has[k]);
        }
    }
    for w in &words {
        if !is_cap(w) && !w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            f.add(&[&"lower-inside=", &Low(w)]);
        }
    }
}

/// The three features that weighed most for class `k` against the
/// runner-up, by their numbers in the model (`u32::MAX`: none), of the
/// features `Features::score` scored.
pub fn reasons(f: &Features, m: &Model<CLASSES>, s: &[f32; CLASSES], ty: EntityType) -> [u32; 3] {
    let k = class_of(ty);
    let second = (0..CLASSES)
        .filter(|&j| j != k)
        .max_by(|&a, &b| s[a].total_cmp(&s[b]))
        .unwrap_or(k);
    // which features are telling, once for the embedded model (a mention's
    // reasons are read on every mention the model types)
    static TELLING: OnceLock<Vec<bool>> = OnceLock::new();
    let embedded = model().is_some_and(|e| std::ptr::eq(e, m));
    let table = embedded.then(|| {
        TELLING.get_or_init(|| {
            (0..m.len() as u32)
                .map(|n| m.name(n).is_some_and(telling))
                .collect()
        })
    });
    let is_telling = |n: u32| match table {
        Some(t) => t
            .get(n as usize)
            .copied()
            .unwrap_or_else(|| m.name(n).is_some_and(telling)),
        None => m.name(n).is_some_and(telling),
    };
    // the three that weigh most (ties: the lower number first), in one pass
    let mut best: [(f32, u32); 3] = [(f32::NEG_INFINITY, u32::MAX); 3];
    let before = |a: (f32, u32), b: (f32, u32)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
    for &n in &f.known {
        let w = m.weights_at(n);
        let d = w[k] - w[second];
        if d.is_nan() || d <= 0.0 || !is_telling(n) {
            continue;
        }
        let mut x = (d, n);
        for slot in best.iter_mut() {
            if before(x, *slot) {
                std::mem::swap(slot, &mut x);
            }
        }
    }
    best.map(|(_, n)| n)
}

/// A feature a reader can check in the text: not the rules' own guess, the
/// bias or the name's length in words.
fn telling(name: &str) -> bool {
    let kind = name.split('=').next().unwrap_or(name);
    !matches!(kind, "bias" | "rule" | "ev" | "rule+ev" | "rule+n" | "n")
}

/// The reasons `reasons` gave, as words for the entity panel.
pub fn describe(reasons: &[u32; 3]) -> String {
    let Some(m) = model() else {
        return "the model".into();
    };
    let mut named: Vec<String> = Vec::new();
    for w in reasons.iter().filter_map(|&n| m.name(n)).map(feature_words) {
        // ("p1=on" and "p1+rule=on|ORG" read alike)
        if !named.contains(&w) {
            named.push(w);
        }
    }
    if named.is_empty() {
        "the model".into()
    } else {
        format!("the model: {}", named.join("; "))
    }
}

/// A WordNet noun class as words ("artifact" -> "a made thing").
fn kind_words(class: &str) -> String {
    match class {
        "person" => "a person".into(),
        "group" => "a group".into(),
        "location" => "a place".into(),
        "artifact" => "a made thing".into(),
        "object" => "a natural thing".into(),
        "animal" => "an animal".into(),
        "act" => "an act".into(),
        "event" => "an event".into(),
        "communication" => "a work or message".into(),
        c => format!("a kind of {c}"),
    }
}

/// A feature's name as words ("n1=said" -> `"said" after it`).
pub(super) fn feature_words(f: &str) -> String {
    let (k, v) = f.split_once('=').unwrap_or((f, ""));
    let v = v.replace("</s>", "(end)").replace("<s>", "(start)");
    let v = v.as_str();
    let v1 = v.split('|').next().unwrap_or(v);
    let v2 = v.split('|').nth(1).unwrap_or(v);
    match k {
        "w" | "only" => format!("the word \"{v}\""),
        "first" => format!("first word \"{v}\""),
        "last" => format!("last word \"{v}\""),
        "p1" => format!("\"{v}\" before it"),
        "n1" => format!("\"{v}\" after it"),
        "p2" => format!("\"{}\" before it", v.replace('|', " ")),
        "n2" => format!("\"{}\" after it", v.replace('|', " ")),
        "p1+rule" => format!("\"{v1}\" before it"),
        "n1+rule" => format!("\"{v1}\" after it"),
        "shape" => format!("written {}", v.replace('_', " ")),
        "suf2" | "suf3" | "suf4" => format!("ends in \"-{v}\""),
        "pre3" => format!("starts with \"{v}-\""),
        "in-longer" | "in-longer+rule" => {
            format!("part of a longer {} name here", v1.to_lowercase())
        }
        "same-name" => format!("typed {} elsewhere here", v1.to_lowercase()),
        "table" => format!("a listed {}", v.to_lowercase()),
        "cap-first" | "cap-last" => match v.strip_suffix("-common") {
            Some(how) => format!("a common word capitalized {how} in the corpus"),
            None => format!("capitalized {v} in the corpus"),
        },
        "has-place-word" => "holds a place's name".into(),
        "orgword-last" | "orgword-first" => "an organization word".into(),
        "placeword-last" | "placeword-first" => "a place word".into(),
        "common-first" | "common-last" => "a common word".into(),
        "start" | "start+n" => "at a sentence start".into(),
        "firstname+n" => "a first name starts it".into(),
        "n" => format!("{v} words"),
        "rule+n" => format!("{v2} words"),
        "rule" | "ev" | "rule+ev" => "the rules' guess".into(),
        "eventword-last" => "an event word".into(),
        "town" => "a listed town or province".into(),
        "pn" => format!("WordNet's name of {}", kind_words(v)),
        "pn-last" => format!("its last word WordNet's name of {}", kind_words(v)),
        "firstname+thing" => "a first name before a thing's noun".into(),
        "firstname+town" => "a first name that is also a town".into(),
        "listed-with" | "listed-with+rule" => {
            format!("listed with {} name", a_kind(v1))
        }
        "surname-only" | "surname-last" => "a usual surname".into(),
        "lastname-is-first" => "its last word a first name".into(),
        "lower-inside" => format!("\"{v}\" inside it"),
        "evword" => format!(
            "the rules' word \"{}\"",
            v.split_once(':').map_or(v, |(_, w)| w)
        ),
        "caps+n" => "written in capitals".into(),
        "company" => "a listed company".into(),
        "demonym" => "holds a demonym".into(),
        "digit" => "holds a digit".into(),
        "has-amp" => "holds \"&\"".into(),
        "has-hyphen" => "holds a hyphen".into(),
        "has-dot" => "holds a dot".into(),
        "has-apos" => "holds an apostrophe".into(),
        "last-nc" | "last-nc1" | "last-ncpl" => format!("its last word names {}", kind_words(v)),
        "only-nc1" | "only-ncpl" => format!("the word names {}", kind_words(v)),
        "p1-nc1" | "p1-ncpl" => format!("a word for {} before it", kind_words(v)),
        "n1-nc1" | "n1-ncpl" => format!("a word for {} after it", kind_words(v)),
        "def" => format!("said to be a \"{v}\""),
        "def-nc" | "def-nc1" | "def-ncpl" => format!("said to be {}", kind_words(v)),
        "of-nc1" | "of-ncpl" => format!("\"of\" a word for {}", kind_words(v)),
        "wc-only" | "wc-first" | "wc-last" | "wc-p1" | "wc-n1" => {
            let like = class_members(v);
            let whose = match k {
                "wc-only" => "used",
                "wc-first" => "its first word used",
                "wc-last" => "its last word used",
                "wc-p1" => "after a word used",
                _ => "before a word used",
            };
            match (v.rsplit(':').next(), like.is_empty()) {
                (Some("-"), _) => match k {
                    "wc-only" => "a word news rarely uses".into(),
                    _ => format!("{whose} rarely in news"),
                },
                (Some("s"), _) => match k {
                    "wc-p1" => "at a sentence start".into(),
                    _ => "at a sentence end".into(),
                },
                _ => format!("{whose} as news uses {}", like.join(", ")),
            }
        }
        _ => f.to_string(),
    }
}

/// The three most frequent words of a word class ("1:228": the second
/// size's class 228 -> "Baker", "Brown", "Blair"), read from the table
/// when a panel asks.
fn class_members(v: &str) -> Vec<&'static str> {
    let Some((k, c)) = v.split_once(':') else {
        return Vec::new();
    };
    let Ok(k) = k.parse::<usize>() else {
        return Vec::new();
    };
    let src = include_str!("../../../assets/ner/word_classes.tsv");
    src.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, cs)| cs.split(' ').nth(k) == Some(c))
        .map(|(w, _)| w)
        .take(3)
        .collect()
}

/// A type as words with its article ("a person's", "an organization's").
fn a_kind(ty: &str) -> &'static str {
    match ty {
        "PERSON" => "a person's",
        "ORG" => "an organization's",
        "PLACE" => "a place's",
        _ => "another kind of",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name listed beside another ("Heydour and Aisby") reads the type
    /// of its neighbour where more than the form typed that one; never
    /// across other words, nor from a name typed by form alone.
    #[test]
    fn names_in_a_list_read_their_neighbours_types() {
        // the mention of the word `w` of `text`
        fn m(text: &str, w: &str, ty: EntityType, evidence: Evidence) -> Mention {
            let at = text.find(w).unwrap();
            Mention {
                range: at..at + w.len(),
                ty,
                evidence,
                canonical: None,
            }
        }
        let text = "Both Heydour and Aisby lie near Grantham, said Smith Jones.";
        let at = |w: &str| text.find(w).unwrap();
        let ms = [
            m(text, "Heydour", EntityType::Person, Evidence::Default),
            m(text, "Aisby", EntityType::Place, Evidence::Gazetteer),
            m(text, "Grantham", EntityType::Place, Evidence::Gazetteer),
            m(text, "Smith Jones", EntityType::Person, Evidence::Default),
        ];
        let l = listed_with(text, &ms);
        assert_eq!(l.get(&at("Heydour")), Some(&(EntityType::Place, 6)));
        // "Heydour" was typed by its form alone: it tells "Aisby" nothing
        assert_eq!(l.get(&at("Aisby")), None);
        // ", said" is no list
        assert_eq!(l.get(&at("Smith Jones")), None);
        assert_eq!(l.get(&at("Grantham")), None);
        // a list of three: each name reads the strongest other one
        let text = "Korn, Sevendust and Linkin Park played.";
        let at = |w: &str| text.find(w).unwrap();
        let park = Evidence::PlaceWord("Park".into());
        let ms = [
            m(text, "Korn", EntityType::Org, Evidence::Company),
            m(text, "Sevendust", EntityType::Person, Evidence::Default),
            m(text, "Linkin Park", EntityType::Place, park),
        ];
        let l = listed_with(text, &ms);
        assert_eq!(l.get(&at("Korn")), Some(&(EntityType::Place, 5)));
        assert_eq!(l.get(&at("Sevendust")), Some(&(EntityType::Place, 5)));
        assert_eq!(l.get(&at("Linkin Park")), Some(&(EntityType::Org, 3)));
    }

    #[test]
    fn the_model_decides_only_by_its_margin() {
        let m = CHANGE_MARGIN;
        // a type ahead by the margin
        assert_eq!(decide(&[m + 1.0, 0.0, 0.0, 0.0, 0.0], false), Some(0));
        assert_eq!(
            decide_with(&[0.5, 0.0, 0.0, 0.0, 0.0], false, 1.0, 1.0),
            None
        );
        // two types alike: no word, whatever the margin
        assert_eq!(decide(&[m + 1.0, m + 1.0, 0.0, 0.0, 0.0], false), None);
        // "no name" first: the model is not sure it is a name; the rules stand
        assert_eq!(decide(&[0.0, 0.0, 0.0, 0.0, 50.0], false), None);
        // a short form of a name the text writes in full: "no name" is no
        // choice, the best type against the third
        assert_eq!(decide(&[m + 1.0, 0.0, 0.0, 0.0, 50.0], true), Some(0));
    }

    #[test]
    fn the_long_tables_are_read_whole() {
        for (name, t, src) in [
            (
                "towns",
                &*TOWNS,
                include_str!("../../../assets/gazetteer/towns.txt"),
            ),
            (
                "provinces",
                &*PROVINCES,
                include_str!("../../../assets/gazetteer/provinces.tsv"),
            ),
            (
                "surnames",
                &*SURNAMES,
                include_str!("../../../assets/gazetteer/surnames.txt"),
            ),
            (
                "noun classes",
                &*NOUN_CLASSES,
                include_str!("../../../assets/ner/noun_classes.tsv"),
            ),
            (
                "proper classes",
                &*PROPER_CLASSES,
                include_str!("../../../assets/ner/proper_classes.tsv"),
            ),
            (
                "word classes",
                &*WORD_CLASSES,
                include_str!("../../../assets/ner/word_classes.tsv"),
            ),
        ] {
            // every line its own entry: no two keys of one hash
            let lines = src.lines().filter(|l| !l.starts_with('#')).count();
            assert!(t.len() > 1_000 && t.len() == lines, "{name}");
        }
        assert_eq!(
            noun_classes("Reservoirs"),
            Some(("quantity,artifact", true))
        );
        assert_eq!(noun_classes("band"), Some(("group,attribute", false)));
        assert_eq!(noun_classes("Okonkwo"), None);
    }

    #[test]
    fn reasons_read_as_words() {
        assert_eq!(feature_words("n1=said"), "\"said\" after it");
        assert_eq!(feature_words("p1=<s>"), "\"(start)\" before it");
        assert_eq!(feature_words("rule+n=PERSON|2"), "2 words");
        assert_eq!(
            feature_words("cap-first=always-common"),
            "a common word capitalized always in the corpus"
        );
        assert_eq!(
            feature_words("in-longer=PERSON|1"),
            "part of a longer person name here"
        );
        assert_eq!(
            feature_words("listed-with+rule=ORG|OTHER"),
            "listed with an organization's name"
        );
        assert_eq!(
            feature_words("firstname+town"),
            "a first name that is also a town"
        );
        // every feature the shipped model knows reads as words
        let raw: Vec<&str> = include_str!("../../../assets/ner/model.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t').map(|(f, _)| f))
            .filter(|f| telling(f) && feature_words(f) == *f)
            .collect();
        assert!(raw.is_empty(), "{raw:?}");
    }
}
