//! Property tests: the text model and the date resolver hold their promises
//! on any input, not only on the news we tried.

use chrono::NaiveDate;
use crossread::nlp::{self, text, timex, TimexType};
use crossread::ui::wrap;
use proptest::prelude::*;
use std::ops::Range;

/// Text that looks like news often enough to reach the interesting paths:
/// words, names, numbers, dates, punctuation, quotes, line breaks, and any
/// character now and then.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the ".to_string()),
        Just("on Thursday ".to_string()),
        Just("next week, ".to_string()),
        Just("two days ago. ".to_string()),
        Just("October 16".to_string()),
        Just("Oct. 16, 2025 ".to_string()),
        Just("the 1990s ".to_string()),
        Just("U.S. ".to_string()),
        Just("Vladimir Putin ".to_string()),
        Just("\u{201c}quoted\u{201d} ".to_string()),
        Just("\"".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\r".to_string()),
        Just("Zelenskyy's ".to_string()),
        // a full name whose surname is a common word, and a lower-case word
        // of the same length in bytes that starts with a letter of two
        Just("Ben Player ".to_string()),
        Just("éplay ".to_string()),
        Just("30-day ".to_string()),
        Just("every week ".to_string()),
        "[0-9]{1,5}".prop_map(|s| s + " "),
        "[A-Z][a-z]{0,8} ",
        "[a-z]{1,8} ",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_ranges(text: &str, rs: &[Range<usize>], what: &str) {
    let mut last = 0;
    for r in rs {
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "{what} {r:?} out of bounds"
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{what} {r:?} not on a character boundary"
        );
        assert!(r.start >= last, "{what} {r:?} overlaps or goes back");
        last = r.end;
    }
}

/// TIMEX3 values as TimeML writes them.
fn well_formed(ty: TimexType, v: &str) -> bool {
    let date = regex_lite(v);
    match ty {
        TimexType::Duration => v.starts_with('P') && v.len() >= 3,
        TimexType::Set => v.starts_with('P') || date,
        TimexType::Date | TimexType::Time => {
            date || matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF")
        }
    }
}

/// A date value: a year (or decade/century prefix), then month, week,
/// quarter, half or season parts, then an optional time.
fn regex_lite(v: &str) -> bool {
    let (d, t) = v.split_once('T').unwrap_or((v, ""));
    let mut parts = d.split('-');
    let year = parts.next().unwrap_or("");
    let year_ok =
        (2..=4).contains(&year.len()) && year.chars().all(|c| c.is_ascii_digit() || c == 'X');
    let rest_ok = parts.all(|p| {
        !p.is_empty()
            && p.len() <= 3
            && p.chars().all(|c| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        'W' | 'Q' | 'H' | 'X' | 'S' | 'U' | 'I' | 'P' | 'F' | 'A' | 'E'
                    )
            })
    });
    let t_ok = t.chars().all(|c| c.is_ascii_alphanumeric() || c == ':');
    year_ok && rest_ok && t_ok
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tokens_and_sentences_are_ordered_ranges_on_char_boundaries(s in newsish()) {
        let toks: Vec<Range<usize>> = text::tokens(&s).iter().map(|t| t.start..t.end).collect();
        check_ranges(&s, &toks, "token");
        let sents = text::sentences(&s);
        check_ranges(&s, &sents, "sentence");
        for r in &sents {
            prop_assert!(!s[r.clone()].trim().is_empty());
        }
    }

    #[test]
    fn analysis_never_panics_and_stays_in_bounds(s in newsish(), y in 1990i32..2040, d in 0u32..365) {
        let p = nlp::prepare(&s);
        let mut lex = nlp::Lexicon::default();
        lex.observe(&s, &p.tokens, &p.sentences);
        let date = NaiveDate::from_yo_opt(y, d + 1);
        let a = nlp::analyze(&s, &p, &lex, date);
        let ms: Vec<Range<usize>> = a.mentions.iter().map(|m| m.range.clone()).collect();
        check_ranges(&s, &ms, "mention");
        for q in &a.quotes {
            check_ranges(&s, std::slice::from_ref(q), "quote");
        }
    }

    #[test]
    fn resolved_values_are_well_formed(s in newsish(), y in 1900i32..2100, d in 0u32..365) {
        let sents = text::sentences(&s);
        let reference = NaiveDate::from_yo_opt(y, d + 1);
        for t in timex::extract(&s, &sents, reference) {
            prop_assert!(t.range.end <= s.len() && s.is_char_boundary(t.range.start) && s.is_char_boundary(t.range.end));
            if let Some(v) = &t.value {
                prop_assert!(well_formed(t.ty, v), "{:?} {v:?} for {:?}", t.ty, &s[t.range.clone()]);
                if let Some((a, b)) = t.days() {
                    prop_assert!(a <= b, "{v}: span backwards");
                }
            }
        }
        // no reference date: types stay, nothing relative gets a calendar value
        for t in timex::extract(&s, &sents, None) {
            if let Some(v) = &t.value {
                prop_assert!(well_formed(t.ty, v), "{v:?}");
            }
        }
    }

    #[test]
    fn relative_days_move_with_the_reference(y in 1950i32..2090, d in 0u32..360) {
        let r = NaiveDate::from_yo_opt(y, d + 1).unwrap();
        let s = "He left yesterday and returns tomorrow.";
        let t = timex::extract(s, &text::sentences(s), Some(r));
        let v: Vec<String> = t.iter().filter_map(|t| t.value.clone()).collect();
        let day = |k: i64| (r + chrono::Duration::days(k)).format("%Y-%m-%d").to_string();
        prop_assert_eq!(v, vec![day(-1), day(1)]);
    }

    #[test]
    fn wrapping_covers_the_text_within_the_width(s in newsish(), w in 1usize..120) {
        let lines = wrap::wrap(&s, 0..s.len(), w);
        check_ranges(&s, &lines, "line");
        for l in &lines {
            let shown = wrap::sanitize(&s[l.clone()]);
            let width: usize = shown.chars().map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(1)).sum();
            prop_assert!(width <= w.max(2), "line {:?} is {width} wide for {w}", shown);
            prop_assert!(!shown.chars().any(|c| c.is_control()), "control character shown raw");
        }
    }
}
