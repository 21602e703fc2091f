//! Time expressions: found in running text and normalized TIMEX3 style
//! against a reference date given by the caller (never the clock).

use crate::days::YEARS;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimexType {
    #[serde(rename = "DATE")]
    Date,
    #[serde(rename = "TIME")]
    Time,
    #[serde(rename = "DURATION")]
    Duration,
    #[serde(rename = "SET")]
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One time expression; `value` is None when it needs a reference date that
/// the article does not have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    pub range: Range<usize>,
    pub ty: TimexType,
    pub value: Option<String>,
}

impl Timex {
    /// The calendar span a resolved DATE/TIME value covers (first and last day).
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        value_days(self.value.as_deref()?)
    }
}

/// First and last day of a TIMEX3 date value ("2025-10-16", "2025-W43", "2025-10", "2025").
pub fn value_days(v: &str) -> Option<(NaiveDate, NaiveDate)> {
    let v = v.split('T').next()?;
    let year: i32 = v.get(..4)?.parse().ok()?;
    let rest = &v[4..];
    if rest.is_empty() {
        return Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        ));
    }
    if let Some(w) = rest.strip_prefix("-W") {
        let w: u32 = w.get(..2).unwrap_or(w).parse().ok()?;
        let s = NaiveDate::from_isoywd_opt(year, w, Weekday::Mon)?;
        return Some((s, s + Duration::days(6)));
    }
    if let Some(q) = rest.strip_prefix("-Q") {
        let q: u32 = q.parse().ok()?;
        let s = NaiveDate::from_ymd_opt(year, 3 * q.checked_sub(1)? + 1, 1)?;
        return Some((s, last_of_month(year, 3 * q)?));
    }
    let m: u32 = rest.get(1..3)?.parse().ok()?;
    if rest.len() == 3 {
        return Some((
            NaiveDate::from_ymd_opt(year, m, 1)?,
            last_of_month(year, m)?,
        ));
    }
    let d: u32 = rest.get(4..6)?.parse().ok()?;
    let day = NaiveDate::from_ymd_opt(year, m, d)?;
    Some((day, day))
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
}

const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.|t)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?";

/// The pieces of a written number, shared by the patterns below.
macro_rules! compound_number {
    () => {
        "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)"
    };
}
macro_rules! number_words {
    () => {
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
    };
}

/// A count: a number written in words or digits, or a vague one.
const NUM: &str = concat!(
    "(?:",
    compound_number!(),
    r"|\d+(?:\.\d+)?(?: 1/2)?|",
    number_words!(),
    "|a hundred|twenty[- ]four|a couple of|a few|few|several|many|some|a|an)"
);
/// A number a definite duration starts with ("the nine months", TimeML's
/// extent holds the article): not one of four digits, a year's ("the 1988
/// quarter" is a date).
const THE_NUM: &str = concat!(
    "(?:",
    compound_number!(),
    r"|\d{1,3}(?:\.\d+)?(?: 1/2)?|",
    number_words!(),
    "|few|several)"
);
/// The decades named by a word, from the twenties (the first is the 20s).
const DECADE_WORDS: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

const UNIT: &str = r"(?:second|minute|hour|day|week|month|year|decade|century|centurie|quarter)";

struct Patterns {
    /// One pattern per kind, searched together: a match says which kind it
    /// is without capture groups (the slow engines never run).
    all: regex_automata::meta::Regex,
    kinds: Vec<&'static str>,
    future: Regex,
}

#[allow(clippy::useless_format)] // one uniform list of patterns
fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let d = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?";
        let y = r"(?:1[5-9]\d\d|20\d\d)";
        // white space with one line break at most: a year never comes after a
        // blank line ("Sunday, 27 February\n\n1500 GMT" is no 1500)
        let sp = r"(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)";
        let decade_word = DECADE_WORDS.join("|");
        let alts = [
            // explicit dates
            format!(r"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"),
            format!(r"(?P<mdy>\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{d},?{sp}{y}\b)"),
            format!(r"(?P<dmy>\b(?:{WEEKDAY},?\s+)?{d}\s+(?:of\s+)?{MONTH},?{sp}{y}\b)"),
            // (a weekday before a date is of the date: "Saturday, April 25")
            // ("last Oct. 23", "next Jan. 3": the one before or after the article)
            format!(r"(?P<md>\b(?:(?i:last|next)\s+)?(?:{WEEKDAY},?\s+)?{MONTH}\s+{d}\b(?:\s*\(\s*{WEEKDAY}\s*\))?)"),
            format!(r"(?P<dm>\b(?:{WEEKDAY},?\s+)?{d}\s+(?:of\s+)?{MONTH}\b)"),
            // years said as words in transcripts: "nineteen ninety-six",
            // "January nineteen ninety-seven", "the year two thousand"
            format!(r"(?P<spyear>\b(?:{MONTH}\s+)?(?i:nineteen|twenty)[- ](?i:{SP_TENS})(?:[- ](?i:{SP_UNITS}))?\b|\b(?i:the\s+year\s+two\s+thousand)(?:\s+(?i:and\s+)?(?i:{SP_UNITS}))?\b)"),
            format!(r"(?P<holiday>\b(?:(?i:last|next|this)\s+)?(?:{})\b)", holiday_names()),
            format!(r"(?P<season>\b(?i:the\s+)?(?i:(?:early|late)\s+)?(?i:spring|summer|fall|autumn|winter)\s+(?i:of\s+)?{y}\b)"),
            format!(r"(?P<mrel>\b{MONTH}\s+(?i:this|last|next)\s+year\b)"),
            format!(r"(?P<my>\b(?:(?:early|mid|late)[- ])?{MONTH},?{sp}(?:of\s+)?{y}\b)"),
            format!(r"(?P<mmod>\b(?i:last|next|this|early|late|mid|earlier this|later this)[- ]{MONTH}\b)"),
            format!(r"(?P<month>\b{MONTH}\b)"),
            format!(r"(?P<quarter>\b(?i:(?:this|next|last)\s+year(?:'|’)s\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final)[- ])?quarter|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|latest|last|current|final)[- ]quarter(?:\s+of\s+{y}|,?\s+{y})?|the\s+quarter|the\s+{y}\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final)[- ])?(?:quarter|period))\b)"),
            // "the year-ago quarter", "the year-earlier third quarter",
            // "year-earlier" (results): the period a report compares with
            format!(r"(?P<yago>\b(?:(?i:the)\s+(?:(?i:comparable|corresponding)\s+)?(?i:year-(?:ago|earlier))\s+(?:(?i:first|second|third|fourth)\s+)?(?i:quarter|period)|(?i:year-(?:ago|earlier)))\b)"),
            // a report's own periods named by the article: "the year", "the
            // fiscal year", "the latest period", "that quarter"
            format!(r"(?P<theyear>\b(?i:year-end|year\s+end|year(?:'|’)s\s+end|the\s+(?:(?:current|latest|full)\s+)?(?:fiscal\s+)?year(?:\s+{y})?|the\s+latest\s+period|(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?:year|quarter|month|week|day)|the\s+week(?:\s+of\s+{MONTH}\s+{d})?)\b)"),
            format!(r"(?P<half>\b(?i:(?:the\s+)?(?:{y}\s+)?(?:first|second)\s+half(?:\s+of\s+(?:the\s+year|{y}))?|(?:the\s+)?(?:last|latter)\s+half\s+of\s+(?:the\s+year|{y}))\b)"),
            // "the 1980s", "the 1980's", "the '80s", "the nineties" (not "the
            // 80s", as often a price, a temperature or an age: "the mid 30s")
            format!(r"(?P<decade>\b(?i:the\s+)?(?i:(?:early|mid|late)[- ])?(?:(?:1[5-9]|20)\d0(?:'|’)?s|'\d0s)\b|\b(?i:the\s+(?:(?:early|mid|late)[- ])?(?:{decade_word}))\b)"),
            format!(r"(?P<century>\b(?i:the\s+)?(?:(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))\s+(?i:century)\b)"),
            format!(r"(?P<fiscal>\b(?i:fiscal|calendar)\s+{y}\b)"),
            format!(r"(?P<year>\b(?i:early|mid|late)[- ]{y}\b)"),
            format!(r"(?P<year>\b{y}\b)"),
            // relative
            format!(r"(?P<ago>\b(?i:(?:about|nearly|almost|some|more than|less than)\s+)?(?i:{NUM})\s+(?i:{UNIT})s?\s+(?i:ago|earlier|later)\b)"),
            format!(r"(?P<rday>\b(?i:(?:late|early)\s+)?(?i:today|tonight|yesterday|tomorrow)\b(?:\s+(?i:morning|afternoon|evening|night))?|\b(?i:(?:mid-|mid\s+|late\s+|early\s+)?(?:morning|afternoon|evening)\s+(?:yesterday|today|tomorrow))\b)"),
            format!(r"(?P<anchor>\b(?i:the\s+(?:following|next|previous|preceding|same)\s+(?:day|week|month|year|morning|evening)|the\s+day\s+(?:before|after))\b)"),
            // (and "the summer", "the early winter": this year's; the season
            // in lower case, so "the Summer Olympics" is no time)
            format!(r"(?P<rel>\b(?i:(?:earlier|later|early|late)\s+)?(?i:this\s+past|this|next|last|past|coming|previous|the\s+coming|the\s+past)\s+(?i:week|month|year|quarter|weekend|spring|summer|fall|autumn|winter|decade|century)\b|\b(?i:the)\s+(?:(?:early|late)\s+)?(?:summer|winter|autumn)\b)"),
            format!(r"(?P<wknd>\b(?i:the|this|last|next)\s+weekend\b)"),
            format!(r"(?P<daypart>\b(?i:this|last)\s+(?i:morning|afternoon|evening|night)\b|\b(?i:mid-|mid\s+|late\s+|early\s+)(?i:morning|afternoon|evening)\b)"),
            format!(r"(?P<wday>\b(?:(?i:last|next|this\s+coming|coming|this|early|late)\s+)?{WEEKDAY}(?:\s+(?i:morning|afternoon|evening|night)s?)?\b)"),
            // a clock time holds its zone and the day after it: "5 p.m. EST
            // Nov. 9", "4 a.m. EDT Thursday"
            format!(r"(?P<clock>\b(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|(?i:am|pm)\b)|(?i:noon|midnight|midday)|(?:[01]?\d|2[0-3])(?:\s+(?i:o(?:'|’)clock))?\s+(?i:in\s+the\s+(?:morning|afternoon|evening))\b|(?:[01]?\d|2[0-3])\s+(?i:o(?:'|’)clock))(?:\s+(?:{})\b)?(?:,?\s+(?:{WEEKDAY}\b|{MONTH}\s+{d}\b))?)", zone_names()),
            // durations and sets
            format!(r"(?P<spand>\b(?i:the\s+(?:first|last|past|next|latest|coming|previous)\s+)(?i:{NUM})\s+(?i:{UNIT})s?\b)"),
            format!(r"(?P<hyph>\b(?i:{NUM})-(?i:{UNIT})(?:s?-old|-long)?\b)"),
            format!(r"(?P<dur>\b(?:(?i:the)\s+(?i:{THE_NUM})|(?i:(?:nearly|almost|more than|less than|at least|up to)\s+)?(?i:{NUM}))(?i:\s+and\s+a\s+half)?\s+(?i:(?:{})\s+)?(?i:{UNIT})s?(?i:\s+and\s+a\s+half)?\b)", DURATION_ADJECTIVES.join("|")),
            format!(r"(?P<vague>\b(?i:(?:for|in|over)\s+)(?i:centuries|decades|years|months|weeks)\b)"),
            format!(r"(?P<recent>\b(?i:recent|coming)\s+(?i:days|weeks|months|years|decades)\b)"),
            format!(r"(?P<set>\b(?i:every|each)\s+(?:(?i:day|week|month|year|morning|night|evening|quarter)|{WEEKDAY}|{MONTH})\b|\b(?i:hourly|daily|weekly|monthly|annually|yearly)\b)"),
            format!(r"(?P<ref>\b(?i:now|currently|nowadays|these days|at present|recently|lately|soon|the past|the(?:\s+near)?\s+future|the\s+(?:near|short|long)\s+term|as soon as possible)\b)"),
        ];
        Patterns {
            // ASCII classes and word boundaries: the words are English, and
            // the fast engines keep working on text with curly quotes or accents
            // only where each match is and which pattern it is: no capture
            // groups and none of the engines that fill them (smaller, and
            // no memory per thread for them)
            all: regex_automata::meta::Builder::new()
                .configure(
                    regex_automata::meta::Config::new()
                        .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
                        .onepass(false)
                        .backtrack(false),
                )
                .build_many(&alts.iter().map(|a| format!("(?-u){a}")).collect::<Vec<_>>())
                .expect("time patterns compile"),
            kinds: alts
                .iter()
                .map(|a| {
                    let name = a.split_once("(?P<").and_then(|(_, r)| r.split_once('>'));
                    let name = name.map_or("", |(n, _)| n);
                    KINDS.iter().copied().find(|k| *k == name).unwrap_or("")
                })
                .collect(),
            future: Regex::new(r"(?-u)(?i)\b(will|'ll|shall|going to|plans? to|planning to|expected to|scheduled|set to|is to|are to|would|next|upcoming|due to|payable)\b").expect("compiles"),
        }
    })
}

/// A day written "2025-10-16" as chrono's "%Y-%m-%d" writes it, without its
/// formatter (slow enough to show where every date is written).
pub struct Ymd(pub NaiveDate);

impl Ymd {
    /// The ten bytes, for years 0 to 9999 (chrono's own format beyond).
    pub fn bytes(d: NaiveDate) -> Option<[u8; 10]> {
        if !(0..=9999).contains(&d.year()) {
            return None;
        }
        let (y, m, dd) = (d.year() as u32, d.month(), d.day());
        let digit = |v: u32| b'0' + (v % 10) as u8;
        Some([
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(dd / 10),
            digit(dd),
        ])
    }
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match Ymd::bytes(self.0) {
            Some(b) => f.write_str(std::str::from_utf8(&b).unwrap_or_default()),
            None => write!(f, "{}", self.0.format("%Y-%m-%d")),
        }
    }
}

fn month_num(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    let m = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    m.iter()
        .position(|p| l.starts_with(p))
        .map(|i| i as u32 + 1)
}

fn weekday_of(s: &str) -> Option<Weekday> {
    let l = s.to_ascii_lowercase();
    let names = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    names.iter().find(|(n, _)| l.contains(n)).map(|x| x.1)
}

fn number(s: &str) -> Option<f64> {
    let l = s.to_ascii_lowercase().replace('-', " ");
    if let Ok(n) = l.parse::<f64>() {
        return Some(n);
    }
    // "twenty four", "2 1/2"
    if let Some((tens, ones)) = l.split_once(' ') {
        if let Some(t) = ones.strip_suffix("1/2").map(str::trim) {
            return number(tens).filter(|_| t.is_empty()).map(|n| n + 0.5);
        }
        if let (Some(t), Some(o)) = (number(tens), number(ones)) {
            if t >= 20.0 && t % 10.0 == 0.0 && o < 10.0 {
                return Some(t + o);
            }
        }
    }
    let v = match l.as_str() {
        "a" | "an" | "one" => 1.0,
        "two" | "a couple of" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" | "a hundred" => 100.0,
        _ => return None,
    };
    Some(v)
}

/// "two weeks" -> ("2", "W", time-unit?)
fn unit_code(u: &str) -> (&'static str, bool, f64) {
    let l = u.to_ascii_lowercase();
    if l.starts_with("second") {
        ("S", true, 1.0)
    } else if l.starts_with("minute") {
        ("M", true, 1.0)
    } else if l.starts_with("hour") {
        ("H", true, 1.0)
    } else if l.starts_with("day") {
        ("D", false, 1.0)
    } else if l.starts_with("week") {
        ("W", false, 1.0)
    } else if l.starts_with("month") {
        ("M", false, 1.0)
    } else if l.starts_with("quarter") {
        ("M", false, 3.0)
    } else if l.starts_with("decade") {
        ("Y", false, 10.0)
    } else if l.starts_with("centur") {
        ("C", false, 1.0)
    } else {
        ("Y", false, 1.0)
    }
}

/// Splits "about two weeks" into (number word, unit word).
/// The words between a count and its unit ("two more weeks", "eight
/// trading days", "three consecutive years"); the `dur` pattern's list.
const DURATION_ADJECTIVES: [&str; 9] = [
    "more",
    "additional",
    "full",
    "consecutive",
    "straight",
    "successive",
    "trading",
    "business",
    "working",
];

fn num_unit(s: &str) -> Option<(Option<f64>, &str)> {
    let re_unit = [
        "second", "minute", "hour", "day", "week", "month", "year", "decade", "centur", "quarter",
    ];
    let lower = s.to_ascii_lowercase();
    // "a minute and a half", "two and a half years"
    if let Some(at) = lower.find(" and a half") {
        let rest = format!("{}{}", &s[..at], &s[at + " and a half".len()..]);
        let (n, _) = num_unit(&rest)?;
        let upos = re_unit.iter().filter_map(|u| lower.rfind(u)).max()?;
        return Some((n.map(|n| n + 0.5), &s[upos..]));
    }
    let upos = re_unit.iter().filter_map(|u| lower.rfind(u)).max()?;
    let before = lower[..upos].trim_end_matches(['-', ' ']).trim();
    // "two more weeks", "eight trading days": the count before the word
    // that says which units
    let before = DURATION_ADJECTIVES
        .iter()
        .find_map(|a| before.strip_suffix(a)?.strip_suffix(' '))
        .unwrap_or(before);
    let words: Vec<&str> = before.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    // the number is the longest tail of words that parses ("twenty four")
    for k in 0..words.len() {
        let cand = words[k..].join(" ");
        if let Some(n) = number(&cand) {
            return Some((Some(n), &s[upos..]));
        }
        if matches!(cand.as_str(), "a few" | "few" | "several" | "many" | "some") {
            return Some((None, &s[upos..]));
        }
    }
    Some((None, &s[upos..]))
}

fn duration_value(n: Option<f64>, unit: &str) -> String {
    let (code, time, mult) = unit_code(unit);
    let p = if time { "PT" } else { "P" };
    match n {
        Some(n) => {
            let v = n * mult;
            if v.fract() == 0.0 {
                format!("{p}{}{code}", v as i64)
            } else if code == "Y" && (v * 2.0).fract() == 0.0 {
                format!("P{}Y6M", v as i64)
            } else if code == "H" && (v * 2.0).fract() == 0.0 {
                format!("PT{}H30M", v as i64)
            } else if code == "M" && time && (v * 2.0).fract() == 0.0 {
                format!("PT{}M30S", v as i64)
            } else if code == "D" && (v * 2.0).fract() == 0.0 {
                format!("P{}DT12H", v as i64)
            } else {
                format!("{p}{v}{code}")
            }
        }
        None => format!("{p}X{code}"),
    }
}

fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// `d` moved by whole months (the day kept up to the 28th); None outside
/// the years 1 to 9999.
fn shift_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = (d.year() as i64 * 12 + d.month0() as i64).checked_add(months as i64)?;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    NaiveDate::from_ymd_opt(in_years(y)?, m, d.day().min(28))
}

fn in_years(y: i64) -> Option<i32> {
    i32::try_from(y).ok().filter(|y| YEARS.contains(y))
}

/// `d` moved by `n` days, checked: None past the years 1 to 9999, never a
/// panic, whatever number the text holds.
fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
        .filter(|d| YEARS.contains(&d.year()))
}

/// The resolution state as the text is read.
struct Resolver<'a> {
    text: &'a str,
    /// Where the expression being resolved starts.
    at: usize,
    reference: Option<NaiveDate>,
    /// The last resolved day-precision date, for "the following day".
    last_day: Option<NaiveDate>,
    /// The last date value the text gave, at its own precision ("1989-Q3",
    /// "1988-11-02"), for "a year earlier".
    last_date: Option<String>,
    /// The last quarter the text named, whatever dates came after it.
    quarter_named: Option<String>,
    /// The year each month (1 to 12) had when the text last dated it.
    month_year: [Option<i32>; 13],
}

/// A date value at any precision ("1989", "1989-Q3", "1989-11", "1989-W44",
/// "1989-11-02") moved by whole years; None if it is no such value.
fn shift_value_years(v: &str, years: i64) -> Option<String> {
    let y: i64 = v.get(..4)?.parse().ok()?;
    let rest = &v[4..];
    if !(rest.is_empty() || rest.starts_with('-')) {
        return None;
    }
    let y = in_years(y.checked_add(years)?)?;
    // the 29th of February of a year that has none: the 28th
    if rest == "-02-29" && NaiveDate::from_ymd_opt(y, 2, 29).is_none() {
        return Some(format!("{y:04}-02-28"));
    }
    Some(format!("{y:04}{rest}"))
}

/// The words of a sentence that tell of what is to come ("will", "plans
/// to", "next"), "next to" a place apart.
fn future_marks(s: &str) -> impl Iterator<Item = regex::Match<'_>> {
    patterns().future.find_iter(s).filter(|m| {
        // (three bytes read, not the rest of the sentence copied: a
        // sentence of a million words may say "next" often)
        !(m.as_str().eq_ignore_ascii_case("next")
            && s[m.end()..]
                .trim_start()
                .as_bytes()
                .get(..3)
                .is_some_and(|t| t.eq_ignore_ascii_case(b"to ")))
    })
}

/// Where the sentence's verbs in the past stand: `tense.tsv`'s past
/// words, and words in "-ed".
fn past_words(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    let mut before = String::new();
    s.split_whitespace().filter_map(move |raw| {
        let start = from + s[from..].find(raw).unwrap_or(0);
        from = start + raw.len();
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let l = w.to_ascii_lowercase();
        // (a participle after "be" is no past: "will be named", "are
        // expected"; nor one after an article, an adjective: "the increased
        // dividend"; "unspecified" is one too, and "succeed", "need" end so
        // without being past)
        let is_past = !w.starts_with(char::is_uppercase)
            && !matches!(
                before.as_str(),
                "be" | "been"
                    | "being"
                    | "is"
                    | "are"
                    | "am"
                    | "a"
                    | "an"
                    | "the"
                    | "its"
                    | "their"
            )
            && match tense_of(&l) {
                Some(t) => !t,
                None => {
                    l.len() > 4 && l.ends_with("ed") && !l.ends_with("eed") && !l.starts_with("un")
                }
            };
        before = l;
        is_past.then(|| start..start + raw.len())
    })
}

/// The year of a day written without one: the nearest, but news tells
/// of the past: with nothing in the sentence to say it is to come, a day
/// more than four months ahead is last year's.
fn year_near(reference: NaiveDate, m: u32, d: u32, future: bool) -> Option<NaiveDate> {
    let y = reference.year();
    let cand = NaiveDate::from_ymd_opt(y, m, d)?;
    let diff = (cand - reference).num_days();
    if diff > 120 && !future {
        NaiveDate::from_ymd_opt(y - 1, m, d)
    } else if diff < -183 && future {
        NaiveDate::from_ymd_opt(y + 1, m, d)
    } else {
        Some(cand)
    }
}

fn daypart(s: &str) -> &'static str {
    let l = s.to_ascii_lowercase();
    if l.contains("morning") {
        "TMO"
    } else if l.contains("afternoon") {
        "TAF"
    } else if l.contains("evening") {
        "TEV"
    } else if l.contains("night") || l.contains("tonight") {
        "TNI"
    } else {
        ""
    }
}

impl Resolver<'_> {
    /// The last date the text gave, if it was a quarter ("1989-Q3").
    fn last_quarter(&self) -> Option<&str> {
        self.last_date
            .as_deref()
            .filter(|v| v.len() == 7 && v.as_bytes()[5] == b'Q')
    }

    /// Whether the sentence tells of what is to come ("will", "plans
    /// to", "next"), "next to" a place apart.
    fn future(&self, sentence: &Range<usize>) -> bool {
        future_marks(&self.text[sentence.clone()]).next().is_some()
    }

    /// The tense the words right before the expression give (up to four,
    /// nearest first: "said on Thursday" past, "will meet on Thursday" to
    /// come), by `assets/timex/tense.tsv`; None when none tells.
    fn local_future(&self, sentence: &Range<usize>) -> Option<bool> {
        let from = sentence.start.min(self.at);
        let before = &self.text[from..self.at];
        let word = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_ascii_lowercase()
        };
        let mut words = before.split_whitespace().rev();
        for raw in words.by_ref().take(4) {
            let w = word(raw);
            // (a name's word is no verb: "the United States Thursday")
            let verb_like = !raw
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase);
            match tense_of(&w) {
                // a plan told in the past is of the past: "had been due to
                // expire Friday", "was scheduled to open Monday"
                // "Until Thursday, they had not called him a suspect": a
                // deadline told in the past perfect is past
                Some(true)
                    if matches!(w.as_str(), "until" | "till")
                        && self.past_perfect_after(sentence) =>
                {
                    return Some(false);
                }
                Some(true) => {
                    let prev = words.next().map(word);
                    return Some(!matches!(prev.as_deref(), Some("been" | "was" | "were")));
                }
                Some(t) => return Some(t),
                None if verb_like && w.len() > 4 && w.ends_with("ed") => return Some(false),
                None => {}
            }
        }
        None
    }

    /// Whether the rest of the sentence after the expression tells in the
    /// past perfect ("had not called", "had been").
    fn past_perfect_after(&self, sentence: &Range<usize>) -> bool {
        let rest = &self.text[self.at.min(sentence.end)..sentence.end];
        rest.split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("had"))
            && !self.future(sentence)
    }

    /// Whether a weekday is to come: by the words right before it ("will
    /// meet on Thursday", "until Tuesday morning"), else by the sentence.
    fn to_come(&self, sentence: &Range<usize>) -> bool {
        self.local_future(sentence)
            .unwrap_or_else(|| self.future(sentence))
    }

    /// Whether a day or a month named without its year is to come: a
    /// deadline or a start right before it ("by February", "effective Feb.
    /// 1", "until March 6"), or a sentence of what is to come. (Not the
    /// nearest verb, as for a weekday: a month is said further from its
    /// verb, "will succeed Daniel P. Davison Feb. 1".)
    fn month_to_come(&self, sentence: &Range<usize>) -> bool {
        let before = &self.text[sentence.start.min(self.at)..self.at];
        let word = before.split_whitespace().next_back().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        });
        // "loans through January": a deadline, unless a span ("from
        // January through March")
        let through = word.as_deref() == Some("through")
            && !before
                .split_whitespace()
                .rev()
                .take(8)
                .any(|w| w.eq_ignore_ascii_case("from") || w.eq_ignore_ascii_case("between"))
            // (nor told in the past: "the strike lasted through January")
            && self.local_future(sentence) != Some(false);
        matches!(word.as_deref(), Some("by" | "until" | "till" | "effective"))
            || through
            || self.future_nearer_than_past(sentence)
    }

    /// Whether the sentence says something is to come (`future`), and no
    /// verb in the past stands nearer the expression than every word of
    /// the future: "it will begin the process ... since he was rescued in
    /// late November" tells of a November past.
    fn future_nearer_than_past(&self, sentence: &Range<usize>) -> bool {
        let s = &self.text[sentence.clone()];
        let at = self.at.saturating_sub(sentence.start);
        let dist = |a: usize, b: usize| if a > at { a - at } else { at - b.min(at) };
        let Some(fut) = future_marks(s).map(|m| dist(m.start(), m.end())).min() else {
            return false;
        };
        let past = past_words(s).map(|r| dist(r.start, r.end)).min();
        past.is_none_or(|p| p >= fut)
    }

    /// Whether the sentence tells its tense at all: a word of the future
    /// or a verb in the past.
    fn tells_tense(&self, sentence: &Range<usize>) -> bool {
        let s = &self.text[sentence.clone()];
        future_marks(s).next().is_some() || past_words(s).next().is_some()
    }

    /// The text right after the expression of `len` bytes being resolved.
    fn after(&self, len: usize) -> &str {
        &self.text[(self.at + len).min(self.text.len())..]
    }

    /// The day a weekday names, from the reference day `r`: "last" /
    /// "next" before it, else the tense around it (the nearest such day to
    /// come, or the nearest one past, the reference day itself included).
    /// `len`: the expression's length, for a possessive after it.
    fn weekday_date(
        &self,
        wd: Weekday,
        r: NaiveDate,
        l: &str,
        len: usize,
        sentence: &Range<usize>,
    ) -> Option<NaiveDate> {
        let fwd = (wd.num_days_from_monday() as i64 - r.weekday().num_days_from_monday() as i64)
            .rem_euclid(7);
        let back = (r.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64)
            .rem_euclid(7);
        // "Friday's close", "Wednesday's ruling": an event the
        // report names by its day, one that has taken place
        let possessive = {
            let after = self.after(len);
            after.starts_with("'s") || after.starts_with("’s")
        };
        // "next Sunday", "this coming Sunday": the one after the day
        let d = if l.starts_with("next") || l.starts_with("this coming") || l.starts_with("coming")
        {
            shift_days(r, if fwd == 0 { 7 } else { fwd })?
        } else if l.starts_with("last") {
            shift_days(r, -(if back == 0 { 7 } else { back }))?
        } else if !possessive && self.to_come(sentence) && fwd != 0 {
            shift_days(r, fwd)?
        } else {
            shift_days(r, -back)?
        };
        Some(d)
    }

    fn resolve(
        &mut self,
        kind: &str,
        s: &str,
        sentence: &Range<usize>,
    ) -> Option<(TimexType, Option<String>)> {
        use TimexType::*;
        // a reference outside the years 1 to 9999 is none (it would put
        // "tomorrow" past what a date can hold)
        let r = self.reference.filter(|d| YEARS.contains(&d.year()));
        self.last_day = self.last_day.filter(|d| YEARS.contains(&d.year()));
        let day = |d: NaiveDate| Some(Ymd(d).to_string());
        let res = match kind {
            "iso" => {
                let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
                self.last_day = Some(d);
                (Date, day(d))
            }
            "mdy" | "dmy" => {
                let m = month_in(s)?;
                let y: i32 = s
                    .split(|c: char| !c.is_ascii_digit())
                    .rfind(|w| w.len() == 4)?
                    .parse()
                    .ok()?;
                let dnum = day_in(s)?;
                let d = NaiveDate::from_ymd_opt(y, m, dnum)?;
                self.last_day = Some(d);
                (Date, day(d))
            }
            "md" | "dm" => {
                let m = month_in(s)?;
                let dnum = day_in(s)?;
                let l = s.to_ascii_lowercase();
                let v = r.and_then(|r| {
                    let this = NaiveDate::from_ymd_opt(r.year(), m, dnum)?;
                    if l.starts_with("last") {
                        // the last such day before the article
                        if this < r {
                            Some(this)
                        } else {
                            NaiveDate::from_ymd_opt(r.year() - 1, m, dnum)
                        }
                    } else if l.starts_with("next") {
                        if this > r {
                            Some(this)
                        } else {
                            NaiveDate::from_ymd_opt(r.year() + 1, m, dnum)
                        }
                    } else {
                        year_near(r, m, dnum, self.month_to_come(sentence))
                    }
                });
                if let Some(d) = v {
                    self.last_day = Some(d);
                }
                (Date, v.and_then(day))
            }
            "season" => {
                let l = s.to_ascii_lowercase();
                (Date, Some(format!("{}-{}", year_in(&l)?, season_code(&l))))
            }
            "spyear" => {
                let (y, m) = spoken_year(s)?;
                in_years(y as i64)?;
                match m {
                    Some(m) => (Date, Some(format!("{y}-{m:02}"))),
                    None => (Date, Some(format!("{y}"))),
                }
            }
            "my" | "fiscal" | "year" => {
                let y = year_in(s)?;
                match month_in(s) {
                    Some(m) if kind == "my" => (Date, Some(format!("{y}-{m:02}"))),
                    _ => (Date, Some(format!("{y}"))),
                }
            }
            "mmod" | "month" => {
                let m = month_in(s)?;
                let l = s.to_ascii_lowercase();
                let v = r.map(|r| {
                    let y = if l.starts_with("last") {
                        if m >= r.month() {
                            r.year() - 1
                        } else {
                            r.year()
                        }
                    } else if l.starts_with("next") {
                        if m <= r.month() {
                            r.year() + 1
                        } else {
                            r.year()
                        }
                    } else if l.starts_with("this") || l.contains("this") {
                        r.year()
                    } else {
                        let diff = m as i32 - r.month() as i32;
                        let fut = self.month_to_come(sentence);
                        // a sentence that tells no tense: the month the
                        // text dated before ("expected to join in April ...
                        // they can plan the summit in April")
                        let known = self.month_year.get(m as usize).copied().flatten();
                        // (more than four months ahead and not said to
                        // come: last year's, as for a day)
                        if let Some(y) = known.filter(|_| !fut && !self.tells_tense(sentence)) {
                            y
                        } else if diff > 4 && !fut {
                            r.year() - 1
                        } else if diff < -6 && fut {
                            r.year() + 1
                        } else {
                            r.year()
                        }
                    };
                    format!("{y}-{m:02}")
                });
                (Date, v)
            }
            "quarter" => {
                let l = s.to_ascii_lowercase();
                let q = quarter_number(&l);
                // "this year's third quarter", "next year's first quarter"
                let of_year = [("this year", 0), ("next year", 1), ("last year", -1)]
                    .into_iter()
                    .find(|(p, _)| l.starts_with(p))
                    .and_then(|(_, k)| r.map(|r| r.year() + k));
                // "the last quarter of 1989": its fourth
                let q = q.or((l.contains("last") && year_in(s).is_some()).then_some(4));
                let y = year_in(s).or(of_year);
                let v = match (q, y, r) {
                    (Some(q), Some(y), _) => Some(format!("{y}-Q{q}")),
                    (Some(q), None, Some(r)) => {
                        let cur = (r.month0() / 3 + 1) as i32;
                        let y = if q > cur && !self.future(sentence) {
                            r.year() - 1
                        } else {
                            r.year()
                        };
                        Some(format!("{y}-Q{q}"))
                    }
                    // "the 1988 period", "the 1988 quarter": the quarter the
                    // report speaks of, in that year
                    (None, Some(y), _) => Some(
                        self.last_quarter()
                            .map_or(format!("{y}"), |v| format!("{y}{}", &v[4..])),
                    ),
                    // "the quarter" of a report: the quarter it last named
                    (None, _, _)
                        if !l.contains("latest")
                            && !l.contains("last")
                            && !l.contains("current")
                            && self.last_quarter().is_some() =>
                    {
                        self.last_quarter().map(str::to_string)
                    }
                    // "the current quarter": the one running
                    (None, _, Some(r)) if l.contains("current") => {
                        Some(format!("{}-Q{}", r.year(), r.month0() / 3 + 1))
                    }
                    (None, _, Some(r)) => {
                        // "the latest quarter", "the quarter": the last finished one
                        let cur = (r.month0() / 3) as i32;
                        let (y, q) = if cur == 0 {
                            (r.year() - 1, 4)
                        } else {
                            (r.year(), cur)
                        };
                        Some(format!("{y}-Q{q}"))
                    }
                    _ => None,
                };
                (Date, v)
            }
            "yago" => {
                let l = s.to_ascii_lowercase();
                let q = quarter_number(&l);
                // the quarter the report speaks of, or the one named, a year
                // before; else the year before
                let v = match (q, self.last_quarter(), r) {
                    (Some(q), Some(v), _) => v
                        .get(..4)
                        .and_then(|y| y.parse::<i32>().ok())
                        .map(|y| format!("{}-Q{q}", y - 1)),
                    (Some(q), None, Some(r)) => Some(format!("{}-Q{q}", r.year() - 1)),
                    (None, Some(v), _) => shift_value_years(v, -1),
                    (None, None, Some(r)) => Some(format!("{}", r.year() - 1)),
                    (_, _, None) => None,
                };
                (Date, v)
            }
            "theyear" => {
                let l = s.to_ascii_lowercase();
                // "the year ended March 31": twelve months to a day, a length
                let after = self.after(s.len());
                let next = after.split_whitespace().next().unwrap_or("");
                if l.ends_with("year") && matches!(next, "ended" | "ending") {
                    return Some((Duration, Some("P1Y".into())));
                }
                // the year (or quarter) the text speaks of, else the article's
                let spoken = self.last_date.as_deref().and_then(|v| v.get(..4));
                let year = spoken
                    .and_then(|y| y.parse::<i32>().ok())
                    .or(r.map(|r| r.year()));
                let v = if let Some(y) = year_in(&l) {
                    Some(y.to_string())
                } else if l.contains("current") && l.ends_with("year") {
                    // "the current (fiscal) year": the article's, whatever
                    // year the text spoke of before
                    r.map(|r| r.year().to_string())
                } else if l.ends_with("quarter") || l.ends_with("period") {
                    // the quarter the text speaks of; "the latest period"
                    // with none: the last one ended
                    self.quarter_named.clone().or_else(|| {
                        r.map(|r| {
                            let q = r.month0() / 3 + 1;
                            match (l.contains("latest"), q) {
                                (true, 1) => format!("{}-Q4", r.year() - 1),
                                (true, q) => format!("{}-Q{}", r.year(), q - 1),
                                (false, q) => format!("{}-Q{q}", r.year()),
                            }
                        })
                    })
                } else if l.ends_with("day") {
                    // "that day", "earlier that day": the day the text speaks of;
                    // a day of the month it last named, where that came after
                    // ("last October ... crossed out that same day")
                    let month = self
                        .last_date
                        .as_deref()
                        .filter(|v| v.len() == 7 && year_month(v).is_some());
                    match month {
                        Some(m) => Some(format!("{m}-XX")),
                        None => self.last_day.or(r).map(|d| Ymd(d).to_string()),
                    }
                } else if l.ends_with("month") {
                    self.last_day
                        .or(r)
                        .map(|d| format!("{:04}-{:02}", d.year(), d.month()))
                } else if l.contains("week") {
                    // "the week of March 6": that day's week
                    let of = match (month_in(&l), day_in(&l), r) {
                        (Some(m), Some(d), Some(r)) => year_near(r, m, d, self.future(sentence)),
                        _ => None,
                    };
                    of.or(self.last_day).or(r).map(week_value)
                } else if l.contains("latest") {
                    // the last one finished
                    r.map(|r| format!("{}", r.year() - 1))
                } else {
                    year.map(|y| y.to_string())
                };
                (Date, v)
            }
            "half" => {
                let h = if s.to_ascii_lowercase().contains("first") {
                    1
                } else {
                    2
                };
                let y = year_in(s).or(r.map(|r| r.year()));
                (Date, y.map(|y| format!("{y}-H{h}")))
            }
            "century" => {
                // "the 20th century": 19; "the eleventh century": 10
                let l = s.to_ascii_lowercase();
                let digits: String = l.chars().filter(|c| c.is_ascii_digit()).collect();
                const ORD: [&str; 21] = [
                    "first",
                    "second",
                    "third",
                    "fourth",
                    "fifth",
                    "sixth",
                    "seventh",
                    "eighth",
                    "ninth",
                    "tenth",
                    "eleventh",
                    "twelfth",
                    "thirteenth",
                    "fourteenth",
                    "fifteenth",
                    "sixteenth",
                    "seventeenth",
                    "eighteenth",
                    "nineteenth",
                    "twentieth",
                    "twenty-first",
                ];
                let n: i32 = if digits.is_empty() {
                    let w = l.trim_start_matches("the ").split(' ').next()?;
                    ORD.iter().position(|o| *o == w)? as i32 + 1
                } else {
                    digits.parse().ok()?
                };
                (Date, Some(format!("{:02}", n - 1)))
            }
            "holiday" => {
                let l = s.to_ascii_lowercase();
                let name = l
                    .trim_start_matches("last ")
                    .trim_start_matches("next ")
                    .trim_start_matches("this ");
                let rule = holidays()
                    .iter()
                    .find(|(n, _)| {
                        n.to_ascii_lowercase().replace('’', "'") == name.replace('’', "'")
                    })?
                    .1;
                let r = r?;
                let days: Vec<NaiveDate> = (r.year() - 1..=r.year() + 1)
                    .filter_map(|y| holiday_in(rule, y))
                    .collect();
                let d = if l.starts_with("last ") {
                    days.into_iter().filter(|d| *d < r).max()
                } else if l.starts_with("next ") {
                    days.into_iter().find(|d| *d > r)
                } else {
                    days.into_iter()
                        .min_by_key(|d| ((*d - r).num_days().abs(), *d > r))
                }?;
                self.last_day = Some(d);
                (Date, day(d))
            }
            "mrel" => {
                // "January this year", "June last year"
                let m = month_in(s)?;
                let l = s.to_ascii_lowercase();
                let off = if l.contains(" last ") {
                    -1
                } else if l.contains(" next ") {
                    1
                } else {
                    0
                };
                (Date, r.map(|r| format!("{}-{m:02}", r.year() + off)))
            }
            "decade" => {
                let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
                let v = if digits.len() == 4 {
                    digits[..3].to_string()
                } else {
                    // "the '90s", "the nineties": the latest such decade
                    // that has begun by the reference date (in 2025 the
                    // nineties are the 1990s, the twenties the 2020s)
                    let tens = match digits.as_bytes().first() {
                        Some(d) => (d - b'0') as i32,
                        None => {
                            let l = s.to_ascii_lowercase();
                            DECADE_WORDS.iter().position(|w| l.ends_with(w))? as i32 + 2
                        }
                    };
                    let year = r.map(|r| r.year()).unwrap_or(1999);
                    let mut start = year.div_euclid(100) * 100 + tens * 10;
                    if start > year {
                        start -= 100;
                    }
                    format!("{}", start.div_euclid(10))
                };
                (Date, Some(v))
            }
            "ago" => {
                let l = s.to_ascii_lowercase();
                let (n, unit) = num_unit(s)?;
                if l.ends_with("earlier") || l.ends_with("later") {
                    // anaphoric: a date that far from the last date the
                    // text gave, at its precision ("third quarter ... a year
                    // earlier": the third quarter of the year before);
                    // TimeML's DATE, not a length
                    let back = l.ends_with("earlier");
                    let (code, _, mult) = unit_code(unit);
                    return Some(match (n, code) {
                        (Some(n), "Y") => {
                            let years = (n * mult) as i64;
                            let v = self
                                .last_date
                                .as_deref()
                                .and_then(|v| {
                                    shift_value_years(v, if back { -years } else { years })
                                })
                                .or_else(|| {
                                    r.and_then(|r| {
                                        in_years(
                                            r.year() as i64 + if back { -years } else { years },
                                        )
                                        .map(|y| y.to_string())
                                    })
                                });
                            (Date, v)
                        }
                        _ => (Duration, Some(duration_value(n, unit))),
                    });
                }
                if l.ends_with("before") || l.ends_with("after") {
                    return Some((Duration, Some(duration_value(n, unit))));
                }
                let Some(r) = r else {
                    return Some((Date, None));
                };
                let Some(n) = n else {
                    return Some((Date, Some("PAST_REF".into())));
                };
                let n = n as i64;
                let (code, time, mult) = unit_code(unit);
                let v = match (code, time) {
                    ("D", false) => day(shift_days(r, n.checked_neg()?)?),
                    ("W", false) => Some(week_value(shift_days(r, n.checked_mul(-7)?)?)),
                    ("M", false) => Some(
                        shift_months(r, -i32::try_from(n).ok()?.checked_mul(mult as i32)?)?
                            .format("%Y-%m")
                            .to_string(),
                    ),
                    // in a report of a quarter's results, "a year ago" is that
                    // quarter a year before (the comparison such reports make)
                    ("Y", false) if mult == 1.0 && self.last_quarter().is_some() => {
                        self.last_quarter().and_then(|v| shift_value_years(v, -n))
                    }
                    ("Y", false) => Some(format!(
                        "{}",
                        in_years(r.year() as i64 - (n as f64 * mult) as i64)?
                    )),
                    _ => day(r),
                };
                (Date, v)
            }
            "rday" => {
                let l = s.to_ascii_lowercase();
                let Some(r) = r else {
                    return Some((Date, None));
                };
                let d = if l.contains("yesterday") {
                    shift_days(r, -1)?
                } else if l.contains("tomorrow") {
                    shift_days(r, 1)?
                } else {
                    r
                };
                self.last_day = Some(d);
                let part = daypart(&l);
                if part.is_empty() {
                    (Date, day(d))
                } else {
                    (Time, Some(format!("{}{part}", Ymd(d))))
                }
            }
            "anchor" => {
                let l = s.to_ascii_lowercase();
                // "later in the day before returning home", "the day after
                // the vote": "before" and "after" lead a phrase of their own
                if l.starts_with("the day ")
                    && self
                        .after(s.len())
                        .trim_start()
                        .starts_with(|c: char| c.is_alphanumeric())
                {
                    return None;
                }
                let base = self.last_day.or(r);
                let Some(b) = base else {
                    return Some((Date, None));
                };
                let back =
                    l.contains("previous") || l.contains("preceding") || l.contains("before");
                let same = l.contains("same");
                let sign = if same {
                    0
                } else if back {
                    -1
                } else {
                    1
                };
                let v = if l.contains("week") {
                    Some(week_value(shift_days(b, 7 * sign)?))
                } else if l.contains("month") {
                    Some(shift_months(b, sign as i32)?.format("%Y-%m").to_string())
                } else if l.contains("year") {
                    Some(format!("{}", b.year() + sign as i32))
                } else {
                    let d = shift_days(b, sign)?;
                    self.last_day = Some(d);
                    day(d)
                };
                (Date, v)
            }
            "rel" | "wknd" => {
                let l = s.to_ascii_lowercase();
                let duration_like = l.starts_with("the past")
                    || l.starts_with("past")
                    || l.starts_with("the coming")
                    || l.starts_with("coming");
                let unit = [
                    "weekend", "week", "month", "year", "quarter", "decade", "century", "spring",
                    "summer", "fall", "autumn", "winter",
                ]
                .into_iter()
                .find(|u| l.contains(u))?;
                if duration_like
                    && !matches!(
                        unit,
                        "weekend" | "spring" | "summer" | "fall" | "autumn" | "winter"
                    )
                {
                    return Some((Duration, Some(duration_value(Some(1.0), unit))));
                }
                let Some(r) = r else {
                    return Some((Date, None));
                };
                let off: i64 = if l.contains("next") || l.contains("coming") {
                    1
                } else if l.contains("last") || l.contains("previous") || l.contains("past") {
                    -1
                } else {
                    0
                };
                let v = match unit {
                    "week" => week_value(shift_days(r, 7 * off)?),
                    "weekend" => {
                        // the weekend of the week meant; "last weekend" from a Monday is two days back
                        let base = if off == 0
                            && !self.future(sentence)
                            && r.weekday().num_days_from_monday() < 5
                        {
                            shift_days(r, -7)?
                        } else {
                            shift_days(r, 7 * off)?
                        };
                        format!("{}-WE", week_value(base))
                    }
                    "month" => shift_months(r, off as i32)?.format("%Y-%m").to_string(),
                    "quarter" => {
                        let q = r.month0() as i64 / 3 + off;
                        let (y, q) = (r.year() as i64 + q.div_euclid(4), q.rem_euclid(4) + 1);
                        format!("{y}-Q{q}")
                    }
                    "decade" => format!("{}", (r.year() as i64 / 10 + off)),
                    "century" => format!("{}", (r.year() as i64 / 100 + off)),
                    "year" => format!("{}", r.year() as i64 + off),
                    // "this past spring": the last one that has ended (in
                    // October, this year's; in April, last year's)
                    season if l.contains("this past") && season != "winter" => {
                        let end = match season {
                            "spring" => 5,
                            "summer" => 8,
                            _ => 11,
                        };
                        let y = r.year() as i64 - i64::from(r.month() <= end);
                        format!("{y}-{}", season_code(season))
                    }
                    season => format!("{}-{}", r.year() as i64 + off, season_code(season)),
                };
                (Date, Some(v))
            }
            "daypart" => {
                let Some(r) = r else {
                    return Some((Time, None));
                };
                let l = s.to_ascii_lowercase();
                let d = if l.starts_with("last") {
                    shift_days(r, -1)?
                } else {
                    r
                };
                (Time, Some(format!("{}{}", Ymd(d), daypart(&l))))
            }
            "wday" => {
                let wd = weekday_of(s)?;
                // "Tuesdays", "Tuesday nights": every such day
                if s.ends_with('s') || s.ends_with('S') {
                    let d = wd.number_from_monday();
                    return Some((Set, Some(format!("XXXX-WXX-{d}{}", daypart(s)))));
                }
                let Some(r) = r else {
                    return Some((Date, None));
                };
                let l = s.to_ascii_lowercase();
                let d = self.weekday_date(wd, r, &l, s.len(), sentence)?;
                self.last_day = Some(d);
                let part = daypart(&l);
                if part.is_empty() {
                    (Date, day(d))
                } else {
                    (Time, Some(format!("{}{part}", Ymd(d))))
                }
            }
            "clock" => {
                let l = s.to_ascii_lowercase();
                // the time ("10:30 a.m.", "noon"), then its zone and day
                let cut = l.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(l.len());
                let end = l[cut..]
                    .find(char::is_whitespace)
                    .map_or(l.len(), |e| cut + e);
                let (time, tail) = l.split_at(end);
                let (h, m) = if time.starts_with("noon") || time.starts_with("midday") {
                    (12, 0)
                } else if time.starts_with("midnight") {
                    (0, 0)
                } else {
                    let digits: Vec<u32> = time
                        .split(|c: char| !c.is_ascii_digit())
                        .filter(|x| !x.is_empty())
                        .filter_map(|x| x.parse().ok())
                        .collect();
                    let mut h = *digits.first()?;
                    let m = digits.get(1).copied().unwrap_or(0);
                    // "4 in the afternoon", "9 in the evening"
                    let later = tail.contains("afternoon") || tail.contains("evening");
                    if (time[cut..].starts_with('p') || later) && h < 12 {
                        h += 12;
                    }
                    if time[cut..].starts_with('a') && h == 12 {
                        h = 0;
                    }
                    (h, m)
                };
                let day = match (weekday_of(tail), month_in(tail), day_in(tail)) {
                    (Some(wd), _, _) => {
                        r.and_then(|r| self.weekday_date(wd, r, "", s.len(), sentence))
                    }
                    (None, Some(mo), Some(d)) => {
                        r.and_then(|r| year_near(r, mo, d, self.future(sentence)))
                    }
                    _ => None,
                };
                if day.is_some() {
                    self.last_day = day;
                }
                let base = day.or(self.last_day).or(r);
                (Time, base.map(|b| format!("{}T{h:02}:{m:02}", Ymd(b))))
            }
            "spand" | "dur" | "hyph" => {
                let (n, unit) = num_unit(s)?;
                let l = s.to_ascii_lowercase();
                if n.is_none()
                    && !(l.contains("few")
                        || l.contains("several")
                        || l.contains("many")
                        || l.contains("some"))
                {
                    return None;
                }
                // "a second term", "a second time": the ordinal, no second
                // of time (that one is "a second later", "for a second.")
                if kind == "dur" && matches!(l.as_str(), "a second" | "one second") {
                    let after = self.after(s.len());
                    let next = after.split_whitespace().next().unwrap_or("");
                    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
                    if after.starts_with(' ')
                        && next.starts_with(|c: char| c.is_alphabetic())
                        && !matches!(
                            next.to_ascii_lowercase().as_str(),
                            "later" | "ago" | "earlier" | "before" | "after" | "or" | "and"
                        )
                    {
                        return None;
                    }
                }
                (Duration, Some(duration_value(n, unit)))
            }
            "vague" | "recent" => {
                let l = s.to_ascii_lowercase();
                let unit = l.split_whitespace().last()?;
                (Duration, Some(duration_value(None, unit)))
            }
            "set" => {
                let l = s.to_ascii_lowercase();
                let v = if let Some(wd) = weekday_of(&l) {
                    format!("XXXX-WXX-{}", wd.number_from_monday())
                } else if let Some(m) = month_in(&l) {
                    format!("XXXX-{m:02}")
                } else if l.contains("day")
                    || l.contains("daily")
                    || l.contains("night")
                    || l.contains("morning")
                    || l.contains("evening")
                {
                    "P1D".to_string()
                } else if l.contains("week") {
                    "P1W".into()
                } else if l.contains("month") {
                    "P1M".into()
                } else if l.contains("quarter") {
                    "P3M".into()
                } else if l.contains("hour") {
                    "PT1H".into()
                } else {
                    "P1Y".into()
                };
                (Set, Some(v))
            }
            "ref" => {
                let l = s.to_ascii_lowercase();
                // "Now, he says, ...": a sentence opened by "now" and a
                // comma turns the talk; it names no time
                let after = self.after(s.len());
                let before = &self.text[sentence.start.min(self.at)..self.at];
                if l == "now"
                    && after.starts_with(',')
                    && before.chars().all(|c| !c.is_alphanumeric())
                {
                    return None;
                }
                // "as soon as he arrives", "soon after being captured": a
                // conjunction's or a preposition's word, no time of its own
                // ("as soon as Tuesday" is Tuesday; "as soon as possible"
                // is one)
                let next = after.split_whitespace().next().unwrap_or("");
                if l == "soon"
                    && (next.eq_ignore_ascii_case("after")
                        || (next.eq_ignore_ascii_case("as")
                            && before
                                .split_whitespace()
                                .next_back()
                                .is_some_and(|w| w.eq_ignore_ascii_case("as"))))
                {
                    return None;
                }
                // "the past three summers": a span the patterns do not read,
                // no "past" of its own
                if (l.ends_with("past") || l.ends_with("future"))
                    && (next.starts_with(|c: char| c.is_ascii_digit()) || number(next).is_some())
                {
                    return None;
                }
                let v = if l.contains("soon") || l.contains("future") || l.ends_with("term") {
                    "FUTURE_REF"
                } else if l.contains("recent") || l.contains("lately") || l.contains("past") {
                    "PAST_REF"
                } else {
                    "PRESENT_REF"
                };
                (Date, Some(v.to_string()))
            }
            _ => return None,
        };
        Some(res)
    }
}

/// The first year written in digits in a match ("the 1988 period").
fn year_in(s: &str) -> Option<i32> {
    s.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)?
        .parse()
        .ok()
}

/// TimeML's code of a season named in a match.
fn season_code(s: &str) -> &'static str {
    if s.contains("spring") {
        "SP"
    } else if s.contains("summer") {
        "SU"
    } else if s.contains("winter") {
        "WI"
    } else {
        "FA"
    }
}

/// The quarter an ordinal in a match names ("third", "3rd", "final").
fn quarter_number(l: &str) -> Option<i32> {
    if l.contains("first") || l.contains("1st") {
        Some(1)
    } else if l.contains("second") || l.contains("2nd") {
        Some(2)
    } else if l.contains("third") || l.contains("3rd") {
        Some(3)
    } else if l.contains("fourth") || l.contains("4th") || l.contains("final") {
        Some(4)
    } else {
        None
    }
}

fn month_in(s: &str) -> Option<u32> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
        .find_map(|w| {
            let m = month_num(w)?;
            let full = [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ][m as usize - 1];
            let lw = w.to_ascii_lowercase();
            (full.starts_with(&lw) || lw == "sept").then_some(m)
        })
}

fn day_in(s: &str) -> Option<u32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty() && w.len() <= 2)
        .find_map(|w| w.parse().ok())
}

/// A word's tense by `assets/timex/tense.tsv`: Some(true) to come, Some(false) past.
fn tense_of(w: &str) -> Option<bool> {
    static T: OnceLock<std::collections::HashMap<&'static str, bool>> = OnceLock::new();
    T.get_or_init(|| {
        include_str!("../../assets/timex/tense.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, t)| (w, t == "future"))
            .collect()
    })
    .get(w)
    .copied()
}

/// The holidays of `assets/timex/holidays.tsv`: (name, rule).
fn holidays() -> &'static [(&'static str, &'static str)] {
    static H: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    H.get_or_init(|| {
        include_str!("../../assets/timex/holidays.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The time zones a clock time may be followed by ("5 p.m. EST"): the
/// section "time zones" of `assets/gazetteer/not_names.txt`, and the zones
/// that are names elsewhere too (`assets/timex/clock_zones.txt`: "8 p.m. ET").
fn zone_names() -> String {
    include_str!("../../assets/gazetteer/not_names.txt")
        .lines()
        .skip_while(|l| *l != "# time zones")
        .skip(1)
        .take_while(|l| !l.starts_with('#'))
        .chain(
            include_str!("../../assets/timex/clock_zones.txt")
                .lines()
                .filter(|l| !l.starts_with('#')),
        )
        .filter(|l| !l.is_empty())
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join("|")
}

/// The names as one alternation, the longest first ("Christmas Day" before
/// "Christmas"), an apostrophe written either way.
fn holiday_names() -> String {
    let mut names: Vec<&str> = holidays().iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n).replace('\'', "(?:'|’)"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Western Easter Sunday of a year (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// A holiday's day in a year, by its rule.
fn holiday_in(rule: &str, y: i32) -> Option<NaiveDate> {
    if let Some(off) = rule.strip_prefix("easter") {
        let n: i64 = off.parse().ok()?;
        return shift_days(easter(y)?, n);
    }
    let (rule, plus) = match rule.split_once('+') {
        Some((r, p)) => (r, p.parse::<i64>().ok()?),
        None => (rule, 0),
    };
    let parts: Vec<&str> = rule.split('-').collect();
    let d = match parts.as_slice() {
        [m, d] => NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)?,
        [n, wd, m] => {
            const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
            let w = Weekday::try_from(DAYS.iter().position(|d| d == wd)? as u8).ok()?;
            let m: u32 = m.parse().ok()?;
            if *n == "L" {
                let last = last_of_month(y, m)?;
                let back =
                    (last.weekday().num_days_from_monday() + 7 - w.num_days_from_monday()) % 7;
                shift_days(last, -(back as i64))?
            } else {
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let ahead =
                    (w.num_days_from_monday() + 7 - first.weekday().num_days_from_monday()) % 7;
                shift_days(first, ahead as i64 + 7 * (n.parse::<i64>().ok()? - 1))?
            }
        }
        _ => return None,
    };
    shift_days(d, plus)
}

/// The words of a year said aloud: its tens ("ninety", "eleven"), then
/// its units.
const SP_TENS: &str = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const SP_UNITS: &str = "one|two|three|four|five|six|seven|eight|nine";

/// A year said aloud ("nineteen ninety-six" 1996, "the year two thousand
/// and one" 2001), with the month before it if any.
fn spoken_year(s: &str) -> Option<(i32, Option<u32>)> {
    let l = s.to_ascii_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| c == ' ' || c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let tens: Vec<&str> = SP_TENS.split('|').collect();
    let units: Vec<&str> = SP_UNITS.split('|').collect();
    let value = |w: &str| -> Option<i32> {
        if let Some(i) = tens.iter().position(|t| *t == w) {
            // ten..nineteen are 10..19; twenty..ninety 20..90
            return Some(if i < 10 {
                10 + i as i32
            } else {
                20 + 10 * (i as i32 - 10)
            });
        }
        units.iter().position(|u| *u == w).map(|i| i as i32 + 1)
    };
    let month = month_in(s);
    if let Some(k) = words.iter().position(|w| *w == "thousand") {
        let unit = words
            .get(k + 1..)
            .and_then(|r| r.iter().rev().find_map(|w| value(w)));
        return Some((2000 + unit.unwrap_or(0), month));
    }
    // the century word (the first of "nineteen nineteen"; a month's name
    // may come before it), then the rest
    let k = words
        .iter()
        .position(|w| *w == "nineteen" || *w == "twenty")?;
    let century = if words[k] == "nineteen" { 19 } else { 20 };
    let rest: i32 = words[k + 1..].iter().filter_map(|w| value(w)).sum();
    Some((century * 100 + rest, month))
}

const KINDS: &[&str] = &[
    "iso", "mdy", "dmy", "md", "dm", "spyear", "season", "my", "mmod", "month", "quarter", "yago",
    "theyear", "half", "decade", "century", "mrel", "holiday", "fiscal", "year", "ago", "rday",
    "anchor", "rel", "wknd", "daypart", "wday", "clock", "spand", "hyph", "dur", "vague", "recent",
    "set", "ref",
];

/// Words before a bare month name that make it a month ("in May"), since
/// The last `n` bytes of `s` or a few more (to a character boundary).
fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[i..]
}

/// "May" and "March" are also a verb.
fn month_context_ok(text: &str, start: usize, word: &str) -> bool {
    // a month's short form without its full stop, before a capitalized
    // word, is a first name: "Jan Kavan"
    if word.len() <= 4 && !matches!(word, "May" | "June" | "July") {
        let after = &text[(start + word.len()).min(text.len())..];
        if !after.starts_with('.')
            && after.starts_with(' ')
            && after.trim_start().starts_with(|c: char| c.is_uppercase())
        {
            return false;
        }
    }
    if !matches!(word, "May" | "March") {
        return true;
    }
    let before = text[..start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        prev.as_str(),
        "in" | "since"
            | "until"
            | "by"
            | "of"
            | "from"
            | "through"
            | "during"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "last"
            | "next"
            | "this"
            | "and"
            | "to"
    ) || prev == "the" && {
        // "the March accession", "the May contract": the month before a
        // noun it dates (not "the March on Washington", "the March of
        // Dimes": a march, a name)
        let next = text[(start + word.len()).min(text.len())..]
            .strip_prefix(' ')
            .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
            .unwrap_or("");
        next.starts_with(|c: char| c.is_ascii_lowercase())
            && !matches!(
                next,
                "on" | "of"
                    | "for"
                    | "to"
                    | "toward"
                    | "towards"
                    | "through"
                    | "from"
                    | "in"
                    | "into"
                    | "across"
                    | "against"
                    | "past"
                    | "at"
                    | "by"
                    | "and"
                    | "or"
                    | "was"
                    | "is"
                    | "were"
            )
    }
}

/// The matches of the time patterns, with this thread's search cache (a copy
/// of one already warmed, so the threads do not each build the same states).
fn find_all(text: &str) -> Vec<regex_automata::Match> {
    thread_local! {
        static CACHE: std::cell::RefCell<Option<regex_automata::meta::Cache>> =
            const { std::cell::RefCell::new(None) };
    }
    let (re, kinds) = (&patterns().all, &patterns().kinds);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let cache = c.get_or_insert_with(|| warm_cache(&[]).clone());
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let input = regex_automata::Input::new(text).range(at..);
            let Some(m) = re.search_with(cache, &input) else {
                break;
            };
            // "the year" of a compound ("the year-ago results", "the
            // year-end"): the compound's own word is looked for inside it
            if kinds.get(m.pattern().as_usize()) == Some(&"theyear")
                && text[m.end()..].starts_with('-')
            {
                at = m.start() + 1;
                continue;
            }
            at = m.end().max(at + 1);
            out.push(m);
        }
        out
    })
}

/// A search cache warmed on sample texts (given by the first caller): the
/// lazy automaton's states for the common paths through English, built once.
pub fn warm_cache(samples: &[&str]) -> &'static regex_automata::meta::Cache {
    static WARM: OnceLock<regex_automata::meta::Cache> = OnceLock::new();
    WARM.get_or_init(|| {
        let re = &patterns().all;
        let mut cache = re.create_cache();
        for s in samples {
            let mut at = 0;
            while let Some(m) =
                re.search_with(&mut cache, &regex_automata::Input::new(s).range(at..))
            {
                at = m.end().max(at + 1);
                if at > s.len() {
                    break;
                }
            }
        }
        cache
    })
}

/// Finds and resolves the time expressions of a text, in order.
pub fn extract(text: &str, sentences: &[Range<usize>], reference: Option<NaiveDate>) -> Vec<Timex> {
    let p = patterns();
    let mut out = Vec::new();
    let mut res = Resolver {
        text,
        at: 0,
        reference,
        last_day: None,
        last_date: None,
        quarter_named: None,
        month_year: [None; 13],
    };
    for m in find_all(text) {
        let kind = p.kinds[m.pattern().as_usize()];
        let s = &text[m.range()];
        let mut range = m.range();
        if kind == "month" && !month_context_ok(text, m.start(), s) {
            continue;
        }
        if kind == "year" {
            let before = &text[..m.start()];
            let after = &text[m.end()..];
            if before.ends_with(['$', '#', '-', '/', '.', ','])
                || after.starts_with(['%', '-', '/', ','])
                    && after[1..].starts_with(|c: char| c.is_ascii_digit())
                || after.trim_start().starts_with('%')
                || after.starts_with(".") && after[1..].starts_with(|c: char| c.is_ascii_digit())
                || after.trim_start().starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let prev = before
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let next = after
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let unit_after = matches!(
                next.as_str(),
                "tonnes"
                    | "tons"
                    | "shares"
                    | "dlrs"
                    | "barrels"
                    | "bags"
                    | "pct"
                    | "percent"
                    | "mln"
                    | "billion"
                    | "million"
                    | "people"
                    | "ounces"
                    | "units"
                    | "cars"
                    | "acres"
                    | "feet"
                    | "miles"
                    | "workers"
                    | "employees"
                    | "points"
                    | "cents"
                    | "marks"
                    | "yen"
                    | "francs"
                    | "pounds"
                    | "metres"
                    | "meters"
                    | "kilometres"
                    | "troops"
                    | "mark"
                    | "model"
            );
            // "the 1840 level", "a closing figure of 1841", "a high of 1757":
            // an index's points ("the 1987 level" is a year's)
            let measure_of = prev == "of"
                && before
                    .trim_end()
                    .strip_suffix("of")
                    .map(|b| {
                        b.trim_end()
                            .rsplit(' ')
                            .next()
                            .unwrap_or("")
                            .to_ascii_lowercase()
                    })
                    .is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "figure"
                                | "high"
                                | "low"
                                | "level"
                                | "close"
                                | "record"
                                | "total"
                                | "average"
                                | "reading"
                                | "peak"
                                | "value"
                                | "price"
                        )
                    });
            let index_level = measure_of
                || matches!(next.as_str(), "level" | "levels")
                    && s.parse::<i32>().is_ok_and(|y| y < 1900);
            // "CYBER 1809", "(NRKI 1821)": a product or a wire code
            let code_before = before
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()));
            // "1500 cst", "0930 GMT": a time of day on the wire
            let clock_after = matches!(
                next.as_str(),
                "gmt"
                    | "utc"
                    | "est"
                    | "edt"
                    | "cst"
                    | "cdt"
                    | "pst"
                    | "pdt"
                    | "mst"
                    | "mdt"
                    | "bst"
                    | "cet"
                    | "hrs"
                    | "hours"
                    | "local"
            );
            // a measure, not a time: a code after it ("1852 HKT", "2000 MHz"),
            // a dimension ("1920 x 1200", "2880 pixels by 1800"), an address
            // ("1800 Pitkin Ave."), an index's base ("(base 1980)")
            let not_a_time = measure_not_time(before, after, &prev);
            // "MAY7 1920H 1920L 1907": a row of prices, each with its
            // letter (high, low, bid, asked), no year among them
            let flagged = |w: &str| {
                w.len() >= 2
                    && w.ends_with(|c: char| c.is_ascii_alphabetic())
                    && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
            };
            let quote_row = flagged(&prev) || flagged(&next);
            // a year long past is written "in 1492", "since 1776"; a bare "1500"
            // or "(1519)" is a count, a time or a code
            let long_past = s.parse::<i32>().is_ok_and(|y| y < 1800)
                && (!matches!(prev.as_str(), "in" | "since")
                    || after.trim_start().starts_with('('));
            // "from 1800 to 2100 local time": a range whose other end is no year
            let clock_range = {
                let rest = after.trim_start();
                let rest = ["to ", "and ", "-", "through "]
                    .iter()
                    .find_map(|p| rest.strip_prefix(p))
                    .map(str::trim_start);
                rest.is_some_and(|r| {
                    let digits: String = r.chars().take_while(char::is_ascii_digit).collect();
                    digits.len() == 4
                        && digits
                            .parse::<u32>()
                            .is_ok_and(|v| !(1800..2100).contains(&v))
                })
            };
            // "from 1991 to 1997", "dating to 1994", "back to 1956": a year
            // after "to" where a year or a word of dating comes before it
            let to_year = prev == "to" && {
                let bt = before.trim_end();
                let head = bt[..bt.len().saturating_sub(2)].trim_end();
                let w = head
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                matches!(w.as_str(), "dating" | "dates" | "dated" | "date" | "back")
                    || w.len() == 4 && w.parse::<u32>().is_ok_and(|v| (1800..=2100).contains(&v))
            };
            if unit_after
                || not_a_time
                || quote_row
                || clock_after
                || long_past
                || clock_range
                || code_before
                || index_level
                || !to_year
                    && matches!(
                        prev.as_str(),
                        "at" | "about"
                            | "to"
                            | "over"
                            | "than"
                            | "some"
                            | "nearly"
                            | "around"
                            | "approximately"
                            | "rose"
                            | "fell"
                            | "only"
                    )
                    && !matches!(next.as_str(), "and" | "when")
            {
                continue;
            }
        }
        let bare_quarter = {
            let l = s.to_ascii_lowercase();
            l.starts_with("the")
                && l.ends_with("quarter")
                && l.len() > 10
                && l[3..l.len() - 7].trim().is_empty()
        };
        if kind == "quarter" && bare_quarter {
            // "the quarter-point cut", "the quarter of a century": no quarter of a year
            let after = &text[m.end()..];
            if after.starts_with('-') || after.trim_start().starts_with("of ") {
                continue;
            }
        }
        if kind == "md" {
            // "Oct. 16" with a following time-of-day or a number range is still a date
            let after = &text[m.end()..];
            // (a colon as punctuation ends the date: "on Monday, Oct. 26:")
            let clock = after
                .strip_prefix(':')
                .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
            if after.starts_with(|c: char| c.is_ascii_digit()) || clock {
                continue;
            }
            // "(Thursday)" glued after the date belongs to another expression
            if let Some(p) = s.find('(') {
                range.end = range.start + s[..p].trim_end().len();
            }
        }
        // an age ("a 6-year-old boy", "six years old") is no time
        if matches!(kind, "dur" | "hyph") {
            let after = &text[m.end()..];
            let age = after
                .strip_prefix('-')
                .or_else(|| after.strip_prefix(' '))
                .is_some_and(|a| {
                    a.starts_with("old") && !a[3..].starts_with(char::is_alphanumeric)
                });
            if age || s.to_ascii_lowercase().ends_with("-old") {
                continue;
            }
        }
        // "60 Minutes", "48 Hours", ABC's "This Week": a unit written with a
        // capital (not in a shouted line) makes a title, no time
        if matches!(kind, "dur" | "hyph" | "rel") {
            let unit = s.rsplit([' ', '-']).next().unwrap_or("");
            if unit.starts_with(|c: char| c.is_ascii_uppercase())
                && unit.chars().any(|c| c.is_ascii_lowercase())
            {
                continue;
            }
        }
        let l = s.to_ascii_lowercase();
        if kind == "dur" && (l.starts_with("a ") || l.starts_with("an ")) {
            // "twice a year", "once a week": a set
            // (the last few bytes only: a copy of all the text before would
            // make a long article's time quadratic)
            let before = tail(text[..m.start()].trim_end(), 8).to_ascii_lowercase();
            if before.ends_with("twice") || before.ends_with("once") || before.ends_with("times") {
                out.push(Timex {
                    range: range.clone(),
                    ty: TimexType::Set,
                    value: Some(duration_value(Some(1.0), l[2..].trim_start_matches("n "))),
                });
                continue;
            }
        }
        if kind == "vague" {
            // "for centuries": the expression is the noun
            let sp = s.rfind(' ').map(|p| p + 1).unwrap_or(0);
            range.start += sp;
        }
        let sent = super::sentence_at(sentences, m.start())
            .map(|i| sentences[i].clone())
            .unwrap_or(0..text.len());
        let s = &text[range.clone()];
        res.at = range.start;
        if let Some((ty, value)) = res.resolve(kind, s, &sent) {
            // "the end of 1990", "the beginning of October": one expression
            // (TimeML's point of a period, its value the period's)
            let mut range = range;
            if ty == TimexType::Date {
                range.start -= part_of_before(&text[..range.start]);
            }
            // (a comparison, "a year earlier", "the year-ago quarter", is
            // read against the date the text speaks of and leaves it so: the
            // next "a year earlier" is the same year)
            if ty == TimexType::Date
                && !matches!(kind, "ago" | "yago")
                && value
                    .as_deref()
                    .is_some_and(|v| v.len() >= 4 && v[..4].bytes().all(|b| b.is_ascii_digit()))
            {
                res.last_date = value.clone();
                if let Some((y, m)) = value.as_deref().and_then(year_month) {
                    res.month_year[m as usize] = Some(y);
                }
                if res.last_quarter().is_some() {
                    res.quarter_named = value.clone();
                }
            }
            let second = (kind == "md" && ty == TimexType::Date)
                .then(|| second_day(text, range.end, value.as_deref()?))
                .flatten();
            out.push(Timex { range, ty, value });
            if let Some((range, value)) = second {
                out.push(Timex {
                    range,
                    ty: TimexType::Date,
                    value: Some(value),
                });
            }
        }
    }
    out
}

/// "April 24 and 25", "May 5-6", "March 3 to 5": the second day after a
/// day of a month, of the same month, where the number ends the phrase
/// (a mark or the text's end after it: not "June 3 and 25 people").
fn second_day(text: &str, end: usize, value: &str) -> Option<(Range<usize>, String)> {
    let d = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()?;
    let after = &text[end..];
    let rest = after.trim_start_matches([' ', '\t']);
    let rest = ["and ", "or ", "to ", "through ", "-", "–"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?
        .trim_start_matches([' ', '\t']);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let next = rest[digits..].chars().next();
    if !next.is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '\n' | '\r')) {
        return None;
    }
    let day: u32 = rest[..digits].parse().ok()?;
    let d2 = NaiveDate::from_ymd_opt(d.year(), d.month(), day).filter(|d2| *d2 > d)?;
    let start = text.len() - rest.len();
    Some((start..start + digits, Ymd(d2).to_string()))
}

/// The year and month of a value dated to its month or day ("1999-04",
/// "1999-04-05").
fn year_month(v: &str) -> Option<(i32, u32)> {
    let b = v.as_bytes();
    if !(b.len() == 7 || (b.len() == 10 && b[7] == b'-')) || b[4] != b'-' {
        return None;
    }
    let y = v.get(..4)?.parse().ok()?;
    let m = v.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((y, m))
}

/// The length of "the end of " (or beginning, start, middle; "the" and a
/// following "the" optional) that ends `before`, else 0.
fn part_of_before(before: &str) -> usize {
    let l = tail(before, 32).to_ascii_lowercase();
    // read back from the end: "[the ]" "of " "end|beginning|start|middle " "[the ]"
    let t = l.strip_suffix("the ").unwrap_or(&l);
    let Some(t) = t.strip_suffix(" of ") else {
        return 0;
    };
    let Some(t) = ["end", "beginning", "start", "middle"]
        .iter()
        .find_map(|p| t.strip_suffix(p))
    else {
        return 0;
    };
    // a word of its own: "the end of", not "dividend of" (nor "bathe" as "the")
    let own = |t: &str| {
        let at = before.len() - (l.len() - t.len());
        at == 0 || !before.as_bytes()[at - 1].is_ascii_alphanumeric()
    };
    let start = [t.strip_suffix("the "), Some(t)]
        .into_iter()
        .flatten()
        .find(|t| own(t));
    start.map_or(0, |t| l.len() - t.len())
}

/// Units of length a dimension is written in ("2880 pixels by 1800").
const LENGTH_UNITS: &[&str] = &[
    "pixels", "pixel", "px", "inches", "inch", "feet", "foot", "ft", "cm", "mm", "m", "metres",
    "meters", "km", "miles", "yards",
];

/// Is the four-digit number between `before` and `after` a measure rather
/// than a year: a code of a unit, a currency or a time zone after it (not
/// after "in", "since"...), a side of a dimension, a street number, or an
/// index's base?
fn measure_not_time(before: &str, after: &str, prev: &str) -> bool {
    let g = super::gazetteer::Gazetteer::get();
    let rest = after.trim_start();
    let words = |s: &'_ str| -> Vec<String> {
        s.split_whitespace()
            .take(3)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .collect()
    };
    let next = words(rest);
    let first = next.first().map(String::as_str).unwrap_or("");
    let year_word = matches!(
        prev,
        "in" | "since" | "until" | "till" | "during" | "from" | "before" | "after" | "of"
    );
    // (a code: "HKT", "MHz", "km"; not a word of the list written as a
    // name's, "1996 Olympic bombing")
    let titled = first.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && first.starts_with(|c: char| c.is_ascii_uppercase());
    let code_after = !year_word && !titled && !first.is_empty() && g.not_names.contains(first);
    // "1920 x 1200", "2880 × 1800"
    let times = |w: &str| w == "x" || w == "×";
    let side = times(prev)
        || before.trim_end().ends_with('×')
        || rest
            .strip_prefix(['x', '×'])
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            && !rest.starts_with("xx");
    // "2880 by 1800", "2880 pixels by 1800"
    let by_side = prev == "by" && {
        let back: Vec<&str> = before
            .trim_end()
            .rsplitn(4, char::is_whitespace)
            .skip(1)
            .collect();
        let number = |w: &&str| w.chars().all(|c| c.is_ascii_digit() || c == ',') && !w.is_empty();
        back.first().is_some_and(number)
            || back.first().is_some_and(|u| LENGTH_UNITS.contains(u))
                && back.get(1).is_some_and(number)
    };
    // "1800 Pitkin Ave.", "1600 Pennsylvania Avenue", "1800 Broadway"
    let address = first.starts_with(|c: char| c.is_ascii_uppercase())
        && next
            .iter()
            .take(3)
            .any(|w| g.street_words.contains(w.as_str()))
        && !year_word;
    code_after || side || by_side || address || prev == "base"
}

/// Evidence for an undated article's date: "Thursday (October 16)",
/// "Thursday, October 16": (month, day, weekday, byte range).
pub fn weekday_date_pairs(text: &str) -> Vec<(u32, u32, Weekday, Range<usize>)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?-u)\b(?P<w1>{WEEKDAY})\s*(?:\(\s*|,\s*)(?P<d1>{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})\b|\b(?P<d2>{MONTH}\s+\d{{1,2}})\s*\(\s*(?P<w2>{WEEKDAY})\s*\)"
        ))
        .expect("compiles")
    });
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let w = c
            .name("w1")
            .or(c.name("w2"))
            .and_then(|m| weekday_of(m.as_str()));
        let d = c.name("d1").or(c.name("d2")).map(|m| m.as_str());
        if let (Some(w), Some(d)) = (w, d) {
            if let (Some(m), Some(day)) = (month_in(d), day_in(d)) {
                out.push((m, day, w, c.get(0).map(|m| m.range()).unwrap_or(0..0)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// Reference dates at and past the edges of what a date can hold, with
    /// every kind of relative expression: values or none, never a panic.
    #[test]
    fn references_at_the_calendar_s_edges_never_panic() {
        let text = "Yesterday, tomorrow and today. Last week, next month, next year, \
            the following day, the previous week, the weekend. On Monday, next \
            Friday, last Sunday at 9 a.m. Tuesday at noon, 5 days ago, 3 weeks ago, \
            99999999999999 days ago, 4000000000 months ago, 1e300 years ago, \
            last night, this morning, next quarter, the next decade, March 3.";
        let sentences = crate::nlp::text::sentences(text);
        let edges = [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(-262143, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(262142, 12, 31).unwrap(),
        ];
        for r in edges {
            for t in extract(text, &sentences, Some(r)) {
                if let Some(v) = &t.value {
                    // every value written is a date within the years 1 to 9999
                    // (an ISO week of 9999 may end in the year after)
                    if let Some((a, _)) = value_days(v) {
                        assert!(YEARS.contains(&a.year()), "{v}");
                    }
                }
            }
        }
    }

    use super::*;

    fn run(text: &str, dct: Option<&str>) -> Vec<(String, &'static str, Option<String>)> {
        let r = dct.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        let sents = super::super::text::sentences(text);
        extract(text, &sents, r)
            .into_iter()
            .map(|t| (text[t.range].to_string(), t.ty.as_str(), t.value))
            .collect()
    }

    /// The value of the expression written `t` among these.
    fn value_of(v: &[(String, &'static str, Option<String>)], t: &str) -> Option<String> {
        v.iter().find(|x| x.0 == t).and_then(|x| x.2.clone())
    }

    /// The text holds one time expression, written `want`, of this value.
    fn one_is(text: &str, dct: &str, want: &str, value: &str) {
        let v = run(text, Some(dct));
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        assert_eq!(
            (v[0].0.as_str(), v[0].2.as_deref()),
            (want, Some(value)),
            "{text}"
        );
    }

    /// The expression `want` is among those found, with `value`.
    fn has_value(text: &str, dct: &str, want: &str, value: &str) {
        let v = run(text, Some(dct));
        let t = v.iter().find(|t| t.0 == want);
        assert_eq!(t.and_then(|t| t.2.as_deref()), Some(value), "{text}: {v:?}");
    }

    fn one(text: &str, dct: &str) -> (String, Option<String>) {
        let v = run(text, Some(dct));
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].0.clone(), v[0].2.clone())
    }

    /// "The end of 1990", "the beginning of October": one expression.
    #[test]
    fn the_end_of_a_period_is_one_expression() {
        let v = run(
            "Sales fell by the end of 1990 and at the beginning of October.",
            Some("1991-03-01"),
        );
        let got: Vec<&str> = v.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(got, ["the end of 1990", "the beginning of October"]);
        assert_eq!(v[0].2.as_deref(), Some("1990"));
        // a word that only ends so is no part: "dividend of"
        let v = run("The dividend of March 3 was paid.", Some("1991-03-10"));
        assert_eq!(v[0].0, "March 3");
        // and a multi-byte character before it is no trouble
        let v = run("«é» end of 1990", Some("1991-03-01"));
        assert_eq!(v[0].0, "end of 1990");
    }

    /// "The quarter" of a report is the quarter it last named, else the
    /// last finished one; "the quarter-point cut" is none.
    #[test]
    fn the_quarter_of_a_report() {
        let v = run(
            "Profit rose in the third quarter. Sales in the quarter fell.",
            Some("1990-02-01"),
        );
        let got: Vec<(&str, Option<&str>)> =
            v.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("the third quarter", Some("1989-Q3")),
                ("the quarter", Some("1989-Q3"))
            ]
        );
        assert_eq!(
            one("Sales in the quarter fell.", "1989-11-01"),
            ("the quarter".into(), Some("1989-Q3".into()))
        );
        assert!(run("They made the quarter-point cut.", Some("1989-11-01")).is_empty());
        assert!(
            !run("It took the quarter of a century.", Some("1989-11-01"))
                .iter()
                .any(|x| x.0.contains("quarter"))
        );
    }

    /// In a report of a quarter's results "a year ago" is that quarter a
    /// year before; elsewhere a year before the article's.
    #[test]
    fn a_year_ago_in_a_report_of_a_quarter() {
        let v = run(
            "Net income rose in the third quarter from $5 million a year ago.",
            Some("1989-11-01"),
        );
        assert_eq!(v[1].0, "a year ago");
        assert_eq!(v[1].2.as_deref(), Some("1988-Q3"));
        assert_eq!(
            one("He left a year ago.", "1989-11-01"),
            ("a year ago".into(), Some("1988".into()))
        );
    }

    /// A month's short form before a capitalized word is a first name.
    #[test]
    fn jan_before_a_name_is_no_month() {
        assert!(run("Foreign Minister Jan Kavan said so.", Some("1999-03-01")).is_empty());
        assert_eq!(
            run("It fell in Jan. and rose.", Some("1999-03-01")).len(),
            1
        );
    }

    /// "May" and "March" after "the" are months before a noun they date
    /// ("the March accession", "the May contract"), not before a
    /// preposition ("the March on Washington") or in lower case.
    #[test]
    fn the_month_before_a_noun() {
        has_value(
            "The March accession will enable them to sign.",
            "1999-02-10",
            "March",
            "1999-03",
        );
        has_value(
            "Prices for the May contract rose.",
            "1999-02-10",
            "May",
            "1999-05",
        );
        for text in [
            "He joined the March on Washington.",
            "The march was long.",
            "She walked in the March for Life.",
        ] {
            assert!(run(text, Some("1999-02-10")).is_empty(), "{text}");
        }
    }

    /// A year said aloud, as transcripts write it.
    #[test]
    fn a_year_said_aloud() {
        for (text, want, value) in [
            (
                "It began in nineteen ninety-six.",
                "nineteen ninety-six",
                "1996",
            ),
            (
                "In January nineteen ninety-seven it fell.",
                "January nineteen ninety-seven",
                "1997-01",
            ),
            (
                "By the year two thousand it was over.",
                "the year two thousand",
                "2000",
            ),
            ("Back in nineteen eleven.", "nineteen eleven", "1911"),
        ] {
            let v = run(text, Some("1998-03-01"));
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(
                (v[0].0.as_str(), v[0].2.as_deref()),
                (want, Some(value)),
                "{text}"
            );
        }
    }

    /// "Previously" is no time expression (TimeML marks it almost never:
    /// it orders events, it dates none).
    #[test]
    fn previously_dates_nothing() {
        assert!(run("He had previously said so.", Some("1998-10-01")).is_empty());
    }

    /// An age is no time: "a 6-year-old boy", "she is 44 years old".
    #[test]
    fn an_age_is_no_time() {
        assert!(run(
            "A 6-year-old boy and a six-year-old girl.",
            Some("1998-10-01")
        )
        .is_empty());
        assert!(run("She is 44 years old.", Some("1998-10-01")).is_empty());
        // a length stays one
        assert_eq!(run("A 24-hour strike.", Some("1998-10-01")).len(), 1);
    }

    /// "A year earlier" is a date a year before the last date the text
    /// gave, at that date's precision (TimeML's anaphoric DATE); with no
    /// date before it, a year before the article's.
    #[test]
    fn a_year_earlier_is_a_date_before_the_last_one_given() {
        let v = run(
            "Profit rose 5% in the third quarter. A year earlier, it fell.",
            Some("1989-11-01"),
        );
        let got: Vec<(&str, Option<&str>)> =
            v.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("the third quarter", Some("1989-Q3")),
                ("A year earlier", Some("1988-Q3"))
            ]
        );
        assert_eq!(
            one("A year earlier, it fell.", "1989-11-01"),
            ("A year earlier".into(), Some("1988".into()))
        );
        // later too; the 29th of February of a year without one: the 28th
        let v = run(
            "On Feb. 29, 2024 it rose; two years later it fell.",
            Some("2026-03-01"),
        );
        assert_eq!(v[1].0, "two years later");
        assert_eq!(v[1].2.as_deref(), Some("2026-02-28"));
    }

    #[test]
    fn relative_weeks_and_days() {
        assert_eq!(
            one("They will meet next week.", "2025-10-16"),
            ("next week".into(), Some("2025-W43".into()))
        );
        assert_eq!(
            one("We meet tomorrow.", "2025-10-16").1.as_deref(),
            Some("2025-10-17")
        );
        assert_eq!(
            one("It happened yesterday.", "2025-10-16").1.as_deref(),
            Some("2025-10-15")
        );
        assert_eq!(
            one("Sales fell last year.", "1989-10-27").1.as_deref(),
            Some("1988")
        );
        assert_eq!(
            one("It rose 5% two days ago.", "2025-10-16").1.as_deref(),
            Some("2025-10-14")
        );
    }

    #[test]
    fn days_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (2025, 10, 16),
            (1987, 2, 26),
            (5, 1, 9),
            (9999, 12, 31),
            (-44, 3, 15),
            (12000, 1, 1),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(Ymd(day).to_string(), day.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn a_year_never_follows_a_blank_line() {
        let d = NaiveDate::from_ymd_opt(2005, 2, 20);
        let text = "Lansdowne Road, Dublin\n\nSunday, 27 February\n\n1500 GMT\n\nIreland play.";
        let v: Vec<_> = extract(text, &crate::nlp::text::sentences(text), d)
            .into_iter()
            .filter_map(|t| t.value)
            .collect();
        assert!(v.iter().all(|v| !v.starts_with("1500")), "{v:?}");
        assert!(v.iter().any(|v| v == "2005-02-27"), "{v:?}");
        // a date wrapped at one line end keeps its year
        let text = "They met on March 3,\n1987 in Paris.";
        let v: Vec<_> = extract(text, &crate::nlp::text::sentences(text), d)
            .into_iter()
            .filter_map(|t| t.value)
            .collect();
        assert_eq!(v, ["1987-03-03"]);
    }

    /// TimeML's forms: compound and half numbers, a year or a decade with
    /// its modifier, centuries, a month of the year before or after.
    #[test]
    fn compound_numbers_halves_modifiers_and_centuries() {
        let dct = "1998-02-19";
        for (text, expr, value) in [
            (
                "in the last twenty four hours",
                "the last twenty four hours",
                "PT24H",
            ),
            (
                "It took a minute and a half.",
                "a minute and a half",
                "PT1M30S",
            ),
            ("after 2 1/2 years of talks", "2 1/2 years", "P2Y6M"),
            ("prices peaked in mid-1996 and fell", "mid-1996", "1996"),
            ("the boom of the late 1970s ended", "the late 1970s", "197"),
            // a decade with an apostrophe, as often written
            (
                "it goes back to the mid 1930's then",
                "the mid 1930's",
                "193",
            ),
            ("from the 1960’s on", "the 1960’s", "196"),
            // a decade by its word, the latest begun by the article's date
            ("numbers fell through the nineties", "the nineties", "199"),
            ("it began in the late sixties", "the late sixties", "196"),
            ("since the 20th century began", "the 20th century", "19"),
            (
                "a church of the eleventh century stood",
                "the eleventh century",
                "10",
            ),
            (
                "sales rose in January this year",
                "January this year",
                "1998-01",
            ),
            ("as they did in June last year", "June last year", "1997-06"),
        ] {
            let v = run(text, Some(dct));
            assert!(
                v.iter()
                    .any(|t| t.0 == expr && t.2.as_deref() == Some(value)),
                "{text}: {v:?}"
            );
        }
    }

    /// Holidays resolve to their day in the year nearest the article's
    /// date, by the rules of assets/timex/holidays.tsv.
    #[test]
    fn holidays_by_their_rules() {
        for (text, dct, expr, value) in [
            (
                "Sales fell over Thanksgiving Day.",
                "2000-01-07",
                "Thanksgiving Day",
                "1999-11-25",
            ),
            (
                "Voters go to the polls on Election Day.",
                "1998-10-26",
                "Election Day",
                "1998-11-03",
            ),
            (
                "He spoke on Christmas Eve.",
                "2024-12-20",
                "Christmas Eve",
                "2024-12-24",
            ),
            (
                "The attack came last Easter.",
                "2019-06-01",
                "last Easter",
                "2019-04-21",
            ),
            (
                "It opens on Memorial Day.",
                "2025-05-01",
                "Memorial Day",
                "2025-05-26",
            ),
            (
                "They met on New Year’s Day.",
                "2025-01-03",
                "New Year’s Day",
                "2025-01-01",
            ),
        ] {
            let v = run(text, Some(dct));
            assert!(
                v.iter()
                    .any(|t| t.0 == expr && t.2.as_deref() == Some(value)),
                "{text}: {v:?}"
            );
        }
        for y in [2000, 2019, 2024, 2025] {
            assert_eq!(easter(y).map(|d| d.weekday()), Some(Weekday::Sun));
        }
    }

    /// A weekday takes the tense of the words right before it: "said
    /// Thursday" is the Thursday before, even in a sentence that goes on
    /// with "would"; "will meet on Thursday" the one after.
    #[test]
    fn a_weekday_takes_the_tense_of_the_words_before_it() {
        // 1998-03-06 is a Friday
        for (text, value) in [
            (
                "A spokesman said Thursday that the troops would stay.",
                "1998-03-05",
            ),
            (
                "The ambassador said on Tuesday that Iraq would retaliate.",
                "1998-03-03",
            ),
            (
                "The company announced Monday it would cut jobs.",
                "1998-03-02",
            ),
            (
                "The king will meet Bush on Thursday in Maine.",
                "1998-03-12",
            ),
            // an event named by its day has taken place, even in a
            // sentence about what is to come
            (
                "They said they would look for ways around Wednesday's ruling.",
                "1998-03-04",
            ),
            // "to" before a day says nothing of its own ("in contrast to")
            (
                "In contrast to Thursday, when a crowd was dispersed, the city was calm.",
                "1998-03-05",
            ),
            // a plan told in the past is of the past; told now, to come
            ("The offer had been due to expire Tuesday.", "1998-03-03"),
            (
                "The talks were scheduled to end at noon Wednesday.",
                "1998-03-04T12:00",
            ),
            ("The offer is due to expire Tuesday.", "1998-03-10"),
            ("The group could leave as soon as Tuesday.", "1998-03-10"),
        ] {
            let v = run(text, Some("1998-03-06"));
            assert!(
                v.iter().any(|t| t.2.as_deref() == Some(value)),
                "{text}: {v:?}"
            );
        }
    }

    /// A weekday written before a date is of that date: one expression,
    /// its value the date's (the weekday alone would be the nearest one);
    /// a colon after it is punctuation, not a clock's.
    #[test]
    fn a_weekday_before_a_date_is_of_the_date() {
        for (text, dct, want, day) in [
            (
                "The vote is set for Saturday, April 25, officials said.",
                "1998-04-20",
                "Saturday, April 25",
                "1998-04-25",
            ),
            (
                "The Times said in an editorial on Monday, Oct. 26:\n\nThe",
                "1998-10-27",
                "Monday, Oct. 26",
                "1998-10-26",
            ),
            (
                "It ends on Sunday, 25 April at the latest.",
                "1998-04-20",
                "Sunday, 25 April",
                "1998-04-25",
            ),
        ] {
            one_is(text, dct, want, day);
        }
    }

    /// A year before "quarter" or "period" names that year's quarter: the
    /// one the report speaks of ("the 1988 period" beside "the third
    /// quarter"), else the year.
    #[test]
    fn a_year_s_period_is_one_expression() {
        for (text, want, value) in [
            (
                "Profit rose from the 1988 second quarter.",
                "the 1988 second quarter",
                "1988-Q2",
            ),
            (
                "Net for the third quarter rose 5% from the 1988 period.",
                "the 1988 period",
                "1988-Q3",
            ),
            (
                "Sales fell from the 1988 period.",
                "the 1988 period",
                "1988",
            ),
            (
                "Costs rose in the 1988 first half.",
                "the 1988 first half",
                "1988-H1",
            ),
            // a year's quarter by a year said relative to the article's
            (
                "Profit fell in this year's third quarter.",
                "this year's third quarter",
                "1989-Q3",
            ),
            (
                "It will rise in next year's first quarter.",
                "next year's first quarter",
                "1990-Q1",
            ),
            // "last" of a year's halves and quarters: its second, its fourth
            (
                "Sales slowed in the last half of 1989.",
                "the last half of 1989",
                "1989-H2",
            ),
            (
                "Costs rose in the last quarter of 1988.",
                "the last quarter of 1988",
                "1988-Q4",
            ),
        ] {
            has_value(text, "1989-11-02", want, value);
        }
    }

    /// What recurs: "each July", "each Thursday", "Tuesday nights", and a
    /// season of a year ("the winter of 1994"); "the past" before a count
    /// is no past of its own.
    #[test]
    fn sets_and_seasons_are_read_whole() {
        for (text, want, value) in [
            ("They visit each July.", "each July", "XXXX-07"),
            ("He calls each Thursday.", "each Thursday", "XXXX-WXX-4"),
            (
                "The show airs Tuesday nights.",
                "Tuesday nights",
                "XXXX-WXX-2TNI",
            ),
            ("The shop opens Sundays.", "Sundays", "XXXX-WXX-7"),
            (
                "It froze in the winter of 1994.",
                "the winter of 1994",
                "1994-WI",
            ),
        ] {
            one_is(text, "1998-03-06", want, value);
        }
        // "this coming Sunday": the Sunday to come, whatever the tense
        one_is(
            "Women's Day was this coming Sunday.",
            "1998-03-05",
            "this coming Sunday",
            "1998-03-08",
        );
        // "this past spring": the last spring that has ended
        one_is(
            "Sales slowed this past spring.",
            "1989-10-30",
            "this past spring",
            "1989-SP",
        );
        one_is(
            "Sales slowed this past summer.",
            "1989-07-30",
            "this past summer",
            "1988-SU",
        );
        one_is(
            "Sales slowed last spring.",
            "1989-10-30",
            "last spring",
            "1988-SP",
        );
        let v = run("The camp ran the past three summers.", Some("1998-03-06"));
        assert!(v.iter().all(|t| t.0 != "the past"), "{v:?}");
    }

    /// "the current year" is the article's, whatever year the text named
    /// before it.
    #[test]
    fn the_current_year_is_the_article_s() {
        for (text, dct, want) in [
            (
                "In 1988 it sold 41% of all beer, and expects 42% in the current year.",
                "1989-10-26",
                "the current year",
            ),
            (
                "Sales in fiscal 1990 will rise; in the current fiscal year they fell.",
                "1989-11-02",
                "the current fiscal year",
            ),
        ] {
            has_value(text, dct, want, "1989");
        }
        // and its current quarter the one running, not the last finished
        has_value(
            "The current quarter has begun slowly.",
            "1989-11-01",
            "The current quarter",
            "1989-Q4",
        );
    }

    /// TimeML's other ways to say a length, a year's end and a time to
    /// come: a word between the count and its unit ("eight trading days",
    /// "an additional year"), "year-end", "the near term", "these days".
    #[test]
    fn lengths_ends_and_terms() {
        for (text, want, value) in [
            (
                "Stocks fell for eight trading days.",
                "eight trading days",
                "P8D",
            ),
            (
                "He won an additional year of pay.",
                "an additional year",
                "P1Y",
            ),
            (
                "Sales rose three consecutive years.",
                "three consecutive years",
                "P3Y",
            ),
            ("Debt at year-end was high.", "year-end", "1989"),
            ("It should rise by year's end.", "year's end", "1989"),
            (
                "Risks will grow in the near term.",
                "the near term",
                "FUTURE_REF",
            ),
            (
                "It may fall in the near future.",
                "the near future",
                "FUTURE_REF",
            ),
            ("These days few buy bonds.", "These days", "PRESENT_REF"),
        ] {
            has_value(text, "1989-10-30", want, value);
        }
        // a unit with a capital makes a title: "60 Minutes", "This Week"
        // are programmes
        for text in [
            "He told 60 Minutes about the deal.",
            "He said so on ABC's This Week on Sunday.",
        ] {
            let v = run(text, Some("1989-10-30"));
            assert!(
                v.iter()
                    .all(|t| !t.0.contains("Week") && !t.0.contains("Minutes")),
                "{v:?}"
            );
        }
        has_value(
            "Talks resume this week.",
            "1989-10-30",
            "this week",
            "1989-W44",
        );
        has_value(
            "The talk took 60 minutes.",
            "1989-10-30",
            "60 minutes",
            "PT60M",
        );
    }

    /// "the summer", "the early winter": the article's year's season; in
    /// capitals it names something else ("the Summer Olympics").
    #[test]
    fn the_season_is_this_year_s() {
        has_value(
            "Sales slowed in the summer.",
            "1989-10-26",
            "the summer",
            "1989-SU",
        );
        has_value(
            "He sold the shares in the early winter.",
            "1990-03-02",
            "the early winter",
            "1990-WI",
        );
        let v = run("The Summer Olympics opened.", Some("1989-10-26"));
        assert!(v.is_empty(), "{v:?}");
    }

    /// A report's own periods by the article: "the fiscal year", "the year
    /// 2000", "the latest period" (the quarter it speaks of), "that year"
    /// (the year it last named), "the week of March 6" (that day's week).
    #[test]
    fn the_periods_a_report_names_by_the_article() {
        let text = "Net rose in the third quarter. The latest period included a gain. \
            For the fiscal year, sales rose. Sales fell in 1987. That year was bad. \
            The plan runs to the year 2000. Talks will resume the week of March 6.";
        let v = run(text, Some("1989-11-02"));
        assert_eq!(
            value_of(&v, "The latest period").as_deref(),
            Some("1989-Q3"),
            "{v:?}"
        );
        assert_eq!(
            value_of(&v, "the fiscal year").as_deref(),
            Some("1989"),
            "{v:?}"
        );
        assert_eq!(value_of(&v, "That year").as_deref(), Some("1987"), "{v:?}");
        assert_eq!(
            value_of(&v, "the year 2000").as_deref(),
            Some("2000"),
            "{v:?}"
        );
        assert_eq!(
            value_of(&v, "the week of March 6").as_deref(),
            Some("1990-W10"),
            "{v:?}"
        );
        // the day the text spoke of last
        let v = run(
            "He was shot on Oct. 23. Earlier that day, the family had called.",
            Some("1998-10-25"),
        );
        assert_eq!(
            value_of(&v, "Earlier that day").as_deref(),
            Some("1998-10-23"),
            "{v:?}"
        );
        // a year to a day: a length
        let v = run(
            "In the year ended March 31, sales rose.",
            Some("1989-11-02"),
        );
        assert_eq!(v[0].0, "the year", "{v:?}");
        assert_eq!(
            (v[0].1, v[0].2.as_deref()),
            ("DURATION", Some("P1Y")),
            "{v:?}"
        );
    }

    /// A clock time said in words: "4 in the morning", "9 in the evening",
    /// "10 o'clock".
    #[test]
    fn a_clock_time_in_words() {
        for (text, want, value) in [
            (
                "The shooting began at 4 in the morning.",
                "4 in the morning",
                "T04:00",
            ),
            (
                "She called at 9 in the evening.",
                "9 in the evening",
                "T21:00",
            ),
            ("They met at 10 o'clock.", "10 o'clock", "T10:00"),
            (
                "It ended at 3 o'clock in the afternoon.",
                "3 o'clock in the afternoon",
                "T15:00",
            ),
        ] {
            one_is(text, "2000-04-05", want, &format!("2000-04-05{value}"));
        }
    }

    /// "last" or "next" before a month and day: the one before or after
    /// the article, not the month alone.
    #[test]
    fn last_or_next_before_a_month_and_day() {
        for (text, want, value) in [
            (
                "He was shot last Oct. 23 at home.",
                "last Oct. 23",
                "1998-10-23",
            ),
            ("She left last April 25.", "last April 25", "1998-04-25"),
            ("It opens next Jan. 3.", "next Jan. 3", "2000-01-03"),
        ] {
            one_is(text, "1999-04-19", want, value);
        }
    }

    /// "that day" is the day the text speaks of; after a month named
    /// without its day, a day of that month.
    #[test]
    fn that_day_is_of_the_last_date_named() {
        has_value(
            "He was killed last October. His name was crossed out that same day.",
            "1999-02-06",
            "that same day",
            "1998-10-XX",
        );
        has_value(
            "He arrived on Oct. 5. Later that day he spoke.",
            "1999-02-06",
            "Later that day",
            "1998-10-05",
        );
    }

    /// "the latest period" is the quarter the text last named, though other
    /// dates came after it; with none named, the last quarter ended.
    #[test]
    fn the_latest_period_is_the_quarter_last_named() {
        let text = "It earned $8.6 million in the fiscal second-quarter. Sales rose from \
                    $623.5 million a year ago. The latest period includes gains.";
        has_value(text, "1989-10-26", "The latest period", "1989-Q2");
        let v = run("The latest period includes gains.", Some("1989-10-26"));
        assert_eq!(
            v.first().and_then(|t| t.2.as_deref()),
            Some("1989-Q3"),
            "{v:?}"
        );
    }

    /// A month's year by the tense nearest it: a verb in the past nearer
    /// than every word of the future makes it the last such month.
    #[test]
    fn a_month_takes_the_nearest_tense() {
        for (text, dct, want, value) in [
            (
                "It will begin the transfer, since he was rescued in late November.",
                "2000-04-05",
                "late November",
                "1999-11",
            ),
            (
                "In January, the firm brought in a new chief, who will remain.",
                "1989-10-27",
                "January",
                "1989-01",
            ),
            // a participle after "be", an adjective, "-eed": no past
            (
                "She will be named commander for a mission in December.",
                "1998-03-04",
                "December",
                "1998-12",
            ),
            (
                "It would be paid on a still unspecified date in January.",
                "1989-10-26",
                "January",
                "1990-01",
            ),
            (
                "Mr. Schwarz will succeed him in February.",
                "1989-10-26",
                "February",
                "1990-02",
            ),
        ] {
            one_is(text, dct, want, value);
        }
    }

    /// A part of the day with "mid", "late" or "early" is a time of the
    /// day it names ("mid-afternoon yesterday") or of the article's.
    #[test]
    fn a_part_of_the_day_with_its_modifier() {
        for (text, want, value) in [
            (
                "Trading halted in mid-afternoon yesterday.",
                "mid-afternoon yesterday",
                "2000-04-04TAF",
            ),
            (
                "Shares fell by mid afternoon.",
                "mid afternoon",
                "2000-04-05TAF",
            ),
            (
                "It rained in the late evening.",
                "late evening",
                "2000-04-05TEV",
            ),
        ] {
            one_is(text, "2000-04-05", want, value);
        }
    }

    /// A day or month written without its year, and not said to come, is
    /// the last one where the next is more than four months ahead.
    #[test]
    fn a_day_without_its_year_is_of_the_past_unless_to_come() {
        for (text, want) in [
            ("The crash happened on Oct. 23, police said.", "1998-10-23"),
            ("The vote was set on Aug. 3.", "1999-08-03"),
            ("The plant will open on Oct. 23.", "1999-10-23"),
            ("Prices rose in November, the report said.", "1998-11"),
            ("The plant will open in November.", "1999-11"),
        ] {
            let v = run(text, Some("1999-05-06"));
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].2.as_deref(), Some(want), "{text}");
        }
    }

    /// A dividend's payment date is to come: "payable Jan. 2" in a November
    /// report is the next January.
    #[test]
    fn a_payable_date_is_to_come() {
        let v = run(
            "The reduced dividend is payable Jan. 2 to stock of record Dec. 1.",
            Some("1989-11-02"),
        );
        assert_eq!(
            value_of(&v, "Jan. 2").as_deref(),
            Some("1990-01-02"),
            "{v:?}"
        );
        assert_eq!(
            value_of(&v, "Dec. 1").as_deref(),
            Some("1989-12-01"),
            "{v:?}"
        );
    }

    /// A deadline or a start is to come: "by February", "effective Feb. 1",
    /// "loans through January" in an October report are the next year's; "until Tuesday morning"
    /// is the coming Tuesday. Without such a word, the month is this year's.
    #[test]
    fn a_deadline_or_a_start_is_to_come() {
        for (text, want, value) in [
            ("It must repay the loan by February.", "February", "1990-02"),
            (
                "He becomes chairman, effective Feb. 1.",
                "Feb. 1",
                "1990-02-01",
            ),
            ("They signed the deal in February.", "February", "1989-02"),
            // "through" a month: a deadline, but not in a span or the past
            (
                "Lenders gave it up to $90 million in revolving loans through January.",
                "January",
                "1990-01",
            ),
            ("The strike lasted through January.", "January", "1989-01"),
            (
                "The board met Feb. 1 to approve it.",
                "Feb. 1",
                "1989-02-01",
            ),
        ] {
            one_is(text, "1989-10-30", want, value);
        }
        has_value(
            "Prices rose from January through March.",
            "1989-10-30",
            "January",
            "1989-01",
        );
        // 2000-03-30 is a Thursday
        for (text, value) in [
            (
                "Officials postponed until Tuesday morning any action.",
                "2000-04-04TMO",
            ),
            (
                "Officials acted on Tuesday morning, he said.",
                "2000-03-28TMO",
            ),
        ] {
            one_is(text, "2000-03-30", "Tuesday morning", value);
        }
    }

    /// A month in a sentence that tells no tense is the month the text
    /// dated before; a sentence that tells its tense decides alone.
    #[test]
    fn a_month_without_tense_is_the_one_dated_before() {
        let run2 = |second: &str| {
            let text = format!("The three are expected to join in April. {second}");
            run(&text, Some("1998-12-05"))
                .into_iter()
                .filter(|t| t.0 == "April")
                .map(|t| t.2.unwrap_or_default())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            run2("They can plan the summit in April."),
            ["1999-04", "1999-04"]
        );
        // told in the past: April of this year
        assert_eq!(
            run2("They signed the treaty in April."),
            ["1999-04", "1998-04"]
        );
        // with no April dated before, the nearest
        one_is(
            "They can plan the summit in April.",
            "1998-12-05",
            "April",
            "1998-04",
        );
    }

    /// A second day after a day of a month is of the same month ("April
    /// 24 and 25", "May 5-6"); not a number that goes on ("25 people").
    #[test]
    fn a_second_day_of_the_same_month() {
        for (text, want) in [
            ("The summit is on April 24 and 25.", "25"),
            ("Talks are set for May 5-6, officials said.", "6"),
        ] {
            let v = run(text, Some("1999-02-10"));
            assert_eq!(v.len(), 2, "{text}: {v:?}");
            assert_eq!(v[1].0, want, "{text}: {v:?}");
        }
        has_value(
            "The summit is on April 24 and 25.",
            "1999-02-10",
            "25",
            "1999-04-25",
        );
        let v = run("On June 3 and 25 people died.", Some("1999-02-10"));
        assert_eq!(v.len(), 1, "{v:?}");
        // a day before the first is no second day
        let v = run("It ran on April 24 and 3.", Some("1999-02-10"));
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// "Soon" in "as soon as" before a clause, or before "after", is part
    /// of a conjunction and names no time; "as soon as possible" does, and
    /// "as soon as Tuesday" is Tuesday.
    #[test]
    fn soon_in_a_conjunction_is_no_time() {
        for text in [
            "He was killed soon after being captured.",
            "Return the boy as soon as his father arrives.",
        ] {
            assert!(run(text, Some("2000-04-03")).is_empty(), "{text}");
        }
        assert_eq!(
            one("Sell it as soon as possible.", "2000-04-03")
                .1
                .as_deref(),
            Some("FUTURE_REF")
        );
        assert_eq!(
            one("They may leave as soon as Tuesday.", "2000-04-03"),
            ("Tuesday".into(), Some("2000-04-04".into()))
        );
    }

    /// "A second term" is an ordinal; "a second later" a second of time;
    /// "hourly", "weekly", "monthly" recur as "daily" does.
    #[test]
    fn a_second_before_a_noun_is_an_ordinal() {
        assert!(run("He won a second term in 1996.", Some("1998-03-06"))
            .iter()
            .all(|t| t.0 != "a second"));
        let v = run("It blew up a second later.", Some("1998-03-06"));
        assert!(v.iter().any(|t| t.2.as_deref() == Some("PT1S")), "{v:?}");
        for (w, value) in [("hourly", "PT1H"), ("weekly", "P1W"), ("monthly", "P1M")] {
            let v = run(
                &format!("Prices are set {w} by the board."),
                Some("1998-03-06"),
            );
            assert_eq!(v.len(), 1, "{w}: {v:?}");
            assert_eq!((v[0].1, v[0].2.as_deref()), ("SET", Some(value)), "{w}");
        }
    }

    /// A report's comparison: "the year-ago quarter", "the year-earlier
    /// third quarter", "year-earlier" results are the period the report
    /// speaks of, a year before; and a comparison leaves that period the
    /// anchor ("a year earlier" twice is the same year).
    #[test]
    fn a_report_s_comparison_is_the_year_before() {
        let text = "Net income rose 5% in the third quarter from the year-ago quarter. \
            Sales fell from the year-earlier third quarter. Revenue was up from \
            year-earlier levels. A year earlier, profit was flat. A year earlier, \
            sales had fallen.";
        let v = run(text, Some("1989-11-02"));
        let value = |t: &str| {
            v.iter()
                .filter(|x| x.0 == t)
                .map(|x| x.2.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        assert_eq!(value("the year-ago quarter"), ["1988-Q3"], "{v:?}");
        assert_eq!(
            value("the year-earlier third quarter"),
            ["1988-Q3"],
            "{v:?}"
        );
        assert_eq!(value("year-earlier"), ["1988-Q3"], "{v:?}");
        assert_eq!(value("A year earlier"), ["1988-Q3", "1988-Q3"], "{v:?}");
        // no quarter named: the year before
        let v = run("Profit doubled from year-ago levels.", Some("1989-11-02"));
        assert_eq!(v[0].2.as_deref(), Some("1988"), "{v:?}");
        // "The year" of a compound is no year of its own
        let v = run("The year-ago results were restated.", Some("1989-11-02"));
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            (v[0].0.as_str(), v[0].2.as_deref()),
            ("year-ago", Some("1988"))
        );
    }

    /// "Now" opening a sentence before a comma turns the talk ("Now, he
    /// says, ..."): no time; "now" elsewhere is the present.
    #[test]
    fn now_and_a_comma_opening_a_sentence_is_no_time() {
        let v = run("Now, he says, the plan has failed.", Some("1998-03-06"));
        assert!(v.is_empty(), "{v:?}");
        for text in [
            "Now the court is to rule.",
            "The fund now holds cash.",
            "It is over now, he said.",
        ] {
            let v = run(text, Some("1998-03-06"));
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].2.as_deref(), Some("PRESENT_REF"), "{text}");
        }
    }

    /// A clock time holds its zone and the day written after it, and that
    /// day is read as a weekday alone would be (by the tense around it);
    /// a zone's letters are no "p.m." ("9 a.m. PST" is 09:00).
    #[test]
    fn a_clock_time_holds_its_zone_and_its_day() {
        for (text, dct, want, value) in [
            (
                "The offer expires at 5 p.m. EST Nov. 9, the company said.",
                "1989-11-02",
                "5 p.m. EST Nov. 9",
                "1989-11-09T17:00",
            ),
            (
                "The rocket lifted off at 4 a.m. EDT Thursday.",
                "2000-04-07",
                "4 a.m. EDT Thursday",
                "2000-04-06T04:00",
            ),
            (
                "The court will meet at 9 a.m. Tuesday to hear the case.",
                "2000-04-03",
                "9 a.m. Tuesday",
                "2000-04-04T09:00",
            ),
            (
                "Trading opens at 9 a.m. PST.",
                "2000-04-03",
                "9 a.m. PST",
                "2000-04-03T09:00",
            ),
        ] {
            one_is(text, dct, want, value);
        }
    }

    /// TimeML's extent of a definite duration holds its article ("the nine
    /// months"); a year after "the" stays a year ("the 1988 second
    /// quarter").
    #[test]
    fn a_definite_duration_holds_its_article() {
        assert_eq!(
            one(
                "Sales rose in the nine months, the company said.",
                "1989-11-02"
            ),
            ("the nine months".to_string(), Some("P9M".to_string()))
        );
        let v = run(
            "Profit fell from the 1988 second quarter.",
            Some("1989-11-02"),
        );
        assert!(v.iter().all(|t| t.1 != "DURATION"), "{v:?}");
        assert!(v.iter().any(|t| t.2.as_deref() == Some("1988-Q2")), "{v:?}");
    }

    #[test]
    fn measures_are_not_years() {
        for text in [
            "The screen is 2880 pixels by 1800, four times the old one.",
            "A display of 1920 x 1200 with more pixels.",
            "They live inside 1800 Pitkin Ave., the same building.",
            "POSTED: 1052 GMT (1852 HKT), in the morning.",
            "The index rose to 164.1 (base 1980) in the month.",
            "It runs at 2000 MHz now.",
            "The index climbed to 1950 on Friday.",
            // a row of prices, each with its letter
            "Cocoa MAY7 1920H 1920L 1907 JUL7 1955H 1940L 1941",
        ] {
            let v = run(text, Some("2007-04-10"));
            assert!(
                v.iter()
                    .all(|t| !t.0.contains("18") && !t.0.contains("19") && !t.0.contains("20")),
                "{text}: {v:?}"
            );
        }
        // the same numbers with a year's evidence stay years
        for (text, year) in [
            ("He was born in 1800 in a village.", "1800"),
            ("The city had grown by 1920.", "1920"),
            ("The 1996 Olympic bombing killed one person.", "1996"),
            ("Emissions fall 40 percent by 2030.", "2030"),
            // after "to": the end of a range of years, or a case's age
            (
                "He was convicted twice from 1991 to 1997, records show.",
                "1997",
            ),
            ("The shootings date to 1994, police said.", "1994"),
        ] {
            let v = run(text, Some("2007-04-10"));
            assert!(v.iter().any(|t| t.0 == year), "{text}: {v:?}");
        }
    }

    #[test]
    fn wire_times_and_counts_are_not_years() {
        for text in [
            "Trading resumes at 1500 cst today.",
            "The index closed at 0930 GMT.",
            "Prices were quoted (XYJN 1519) late.",
            "Shipments reached 1650 in all.",
            "Trading extends until 1500 (1400 GMT) today.",
            "The session runs from 1800 to 2100 local time.",
            "The index hit a high of 1757 from 1753.",
            "It sells the CYBER 1809 model 930.",
            "The Dow touched the 1840 level.",
            "It recovered to a preliminary closing figure of 1841.",
            "The index hit a record high of 2722 points.",
        ] {
            let v = run(text, Some("1987-03-02"));
            assert!(
                v.iter()
                    .all(|t| !t.0.starts_with('1') && !t.0.starts_with('0')),
                "{text}: {v:?}"
            );
        }
        assert_eq!(
            one("The city was founded in 1521.", "1987-03-02")
                .1
                .as_deref(),
            Some("1521")
        );
        assert_eq!(
            one("Profits peaked in 1985.", "1987-03-02").1.as_deref(),
            Some("1985")
        );
    }

    #[test]
    fn weekdays_by_tense() {
        assert_eq!(
            one(
                "During the call on Thursday, Putin told Trump.",
                "2025-10-17"
            )
            .1
            .as_deref(),
            Some("2025-10-16")
        );
        assert_eq!(
            one("They will meet on Thursday.", "2025-10-17")
                .1
                .as_deref(),
            Some("2025-10-23")
        );
        assert_eq!(
            one("He spoke Friday.", "2025-10-17").1.as_deref(),
            Some("2025-10-17")
        );
        // the present of a scheduled event is to come
        assert_eq!(
            one(
                "Arafat and Netanyahu meet separately Monday with Albright.",
                "1998-05-01"
            )
            .1
            .as_deref(),
            Some("1998-05-04")
        );
        // a deadline told in the past perfect is past
        assert_eq!(
            one(
                "Until Thursday, they had not called him a suspect.",
                "1999-05-07"
            )
            .1
            .as_deref(),
            Some("1999-05-06")
        );
        assert_eq!(
            one("The offer stays open until Thursday.", "1999-05-07")
                .1
                .as_deref(),
            Some("1999-05-13")
        );
        // a name's "-ed" is no past tense
        assert_eq!(
            one(
                "He said the father would be traveling to the United States Thursday.",
                "2000-04-05"
            )
            .1
            .as_deref(),
            Some("2000-04-06")
        );
        // "next to" names a place, not a time to come
        assert_eq!(
            one(
                "Many were hurt in the blasts next to the embassy on Friday.",
                "1998-08-08"
            )
            .1
            .as_deref(),
            Some("1998-08-07")
        );
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            one("On Oct. 16, 2025 it rained.", "2024-01-01")
                .1
                .as_deref(),
            Some("2025-10-16")
        );
        assert_eq!(
            one("Due Nov. 16 this is.", "1989-10-30").1.as_deref(),
            Some("1989-11-16")
        );
        assert_eq!(
            one("Sales in December were up.", "1998-02-06").1.as_deref(),
            Some("1997-12")
        );
        assert_eq!(
            one("It was founded in 1987.", "2025-01-01").1.as_deref(),
            Some("1987")
        );
        // a decade; of two digits or a word, the latest begun by then
        for (text, dct, expr, value) in [
            ("Music of the 1990s.", "2025-01-01", "the 1990s", "199"),
            ("Music of the '90s.", "2025-01-01", "the '90s", "199"),
            (
                "Prices of the twenties.",
                "2025-01-01",
                "the twenties",
                "202",
            ),
            ("Jazz of the twenties.", "1998-01-01", "the twenties", "192"),
        ] {
            assert_eq!(one(text, dct), (expr.into(), Some(value.into())));
        }
        // an age, a price or a temperature is no decade
        for text in [
            "a man in his sixties",
            "the stock can go to the mid 30s",
            "highs in the 70s",
        ] {
            assert!(run(text, Some("2025-01-01")).is_empty(), "{text}");
        }
        assert_eq!(
            one("The third-quarter results.", "1989-10-26").1.as_deref(),
            Some("1989-Q3")
        );
        assert_eq!(
            one("On 16 October the talks began.", "2025-10-20")
                .1
                .as_deref(),
            Some("2025-10-16")
        );
    }

    /// A duration's "about" stays outside it, as "over" does (both TimeBank
    /// and AQUAINT mostly annotate "about [five hours]"); a modifier that
    /// bounds the length ("nearly", "at least", "up to") is inside.
    #[test]
    fn about_stays_outside_a_duration_a_bound_inside() {
        for (text, want, value) in [
            ("It took about five hours.", "five hours", "PT5H"),
            (
                "The trip lasts about 5 1/2 hours.",
                "5 1/2 hours",
                "PT5H30M",
            ),
            ("He waited nearly two years.", "nearly two years", "P2Y"),
            ("It must wait at least 30 days.", "at least 30 days", "P30D"),
            // "more" between the count and the unit
            ("He will stay two more weeks.", "two more weeks", "P2W"),
            ("It may hold him up to 180 days.", "up to 180 days", "P180D"),
            (
                "He left about two years ago.",
                "about two years ago",
                "1987",
            ),
        ] {
            assert_eq!(
                one(text, "1989-10-26"),
                (want.into(), Some(value.into())),
                "{text}"
            );
        }
    }

    #[test]
    fn durations_sets_and_vague() {
        assert_eq!(
            one("The call lasted over two hours.", "2025-10-16"),
            ("two hours".into(), Some("PT2H".into()))
        );
        assert_eq!(
            one("A 30-day ceasefire.", "2025-10-16").1.as_deref(),
            Some("P30D")
        );
        assert_eq!(
            one("It could take two weeks.", "2025-10-16").1.as_deref(),
            Some("P2W")
        );
        assert_eq!(
            one("Sought for centuries.", "2025-10-16").1.as_deref(),
            Some("PXC")
        );
        assert_eq!(
            one("They meet every week.", "2025-10-16"),
            ("every week".into(), Some("P1W".into()))
        );
        assert_eq!(
            one("He will travel soon.", "2025-10-16").1.as_deref(),
            Some("FUTURE_REF")
        );
        assert_eq!(
            one("It is now clear.", "2025-10-16").1.as_deref(),
            Some("PRESENT_REF")
        );
        assert_eq!(
            one("It was recently found.", "2025-10-16").1.as_deref(),
            Some("PAST_REF")
        );
    }

    #[test]
    fn anchored_to_the_last_date() {
        let v = run(
            "On October 16 they spoke, and met the following day.",
            Some("2025-10-20"),
        );
        assert_eq!(v[1].2.as_deref(), Some("2025-10-17"));
        // "the day before" ends its phrase, or "before" leads another
        let v = run(
            "On October 16 they spoke; they had met the day before.",
            Some("2025-10-20"),
        );
        assert_eq!(v[1].2.as_deref(), Some("2025-10-15"));
        let v = run(
            "On October 16 they spoke, later in the day before returning home.",
            Some("2025-10-20"),
        );
        assert_eq!(v.len(), 1, "{v:?}");
    }

    #[test]
    fn without_reference_values_stay_unresolved() {
        let v = run("He will call this week; talks were last week.", None);
        assert_eq!(v.len(), 2);
        assert!(v.iter().all(|x| x.2.is_none() && x.1 == "DATE"));
        let v = run("A 30-day plan.", None);
        assert_eq!(v[0].2.as_deref(), Some("P30D"));
    }

    #[test]
    fn weekday_pairs_for_inference() {
        let p = weekday_date_pairs("In a call on Thursday (October 16), they spoke.");
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].0, p[0].1, p[0].2), (10, 16, Weekday::Thu));
    }

    #[test]
    fn value_days_of_values() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            value_days("2025-W43"),
            Some((d("2025-10-20"), d("2025-10-26")))
        );
        assert_eq!(
            value_days("2025-10"),
            Some((d("2025-10-01"), d("2025-10-31")))
        );
        assert_eq!(
            value_days("2025-10-16T14:00"),
            Some((d("2025-10-16"), d("2025-10-16")))
        );
        assert_eq!(value_days("PRESENT_REF"), None);
    }
}
