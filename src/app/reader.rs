//! The reader: the article shown, its names, quotes and marks; what is done
//! to the article itself (read, star, note, link, copy) works from any pane.

use super::entities::{correct, panel_of};
use super::state::{Overlay, Prompt, PromptFor, State};
use super::{nav, search, Action, Effect, Pane};
use crate::index::{search as find, Index};

/// The keys for the reader and the article in it.
pub fn update(s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    if let Some(d) = nav::delta(action, s.view.reader_height) {
        // scrolling: the last line stays at the bottom
        let v = &s.view;
        let max = v
            .reader_lines
            .saturating_sub(v.reader_height.min(v.reader_lines).max(1));
        let r = &mut s.reader;
        r.scroll = (r.scroll as isize).saturating_add(d).clamp(0, max as isize) as usize;
        return;
    }
    match action {
        Action::Back => {
            s.reader.marks.clear();
            s.reader.mention = None;
        }
        Action::Enter => enter(s, ix),
        Action::NextMention | Action::PrevMention => next_mention(s, ix, action),
        Action::NextHit | Action::PrevHit => {
            let forward = action == Action::NextHit;
            if s.reader.mention.is_none() && !s.reader.hits.is_empty() {
                search::next_hit(s, forward)
            } else {
                next_of_entity(s, ix, forward)
            }
        }
        Action::ClickText { offset } => {
            s.focus = Pane::Reader;
            let hit = ix.analyses.get(s.reader.article).and_then(|an| {
                an.mentions
                    .iter()
                    .position(|m| m.range.start <= offset && offset < m.range.end)
            });
            match hit {
                // the focused name clicked again: its panel, as enter
                Some(m) if s.reader.mention == Some(m) => enter(s, ix),
                Some(m) => {
                    s.reader.mention = Some(m);
                    s.reader.quote = None;
                }
                None => {}
            }
        }
        Action::NextQuote => next_quote(s, ix),
        Action::MergeEntity
        | Action::SplitMention
        | Action::RenameEntity
        | Action::RetypeEntity
        | Action::IgnoreEntity => match s.reader.mention {
            Some(m) => correct(s, ix, action, (s.reader.article, m), fx),
            None => s.message = Some("focus a name first (] or [)".into()),
        },
        Action::ToggleRead | Action::ToggleStar => toggle(s, ix, action, fx),
        Action::AddNote => add_note(s, ix),
        Action::OpenUrl => match ix
            .articles
            .get(s.reader.article)
            .and_then(|a| a.url.clone())
        {
            Some(u) => fx.push(Effect::OpenUrl(u)),
            None => s.message = Some("this article has no URL".into()),
        },
        Action::Copy => copy(s, ix, fx),
        _ => {}
    }
}

/// Enter in the reader: the focused name's entity panel; on a quote, the
/// first other article that carries it.
fn enter(s: &mut State, ix: &Index) {
    let r = &s.reader;
    match (r.mention, r.quote) {
        (Some(m), _) => s.overlay = panel_of(ix, r.article, m),
        (None, Some(q)) => to_quote_elsewhere(s, ix, q),
        (None, None) => s.message = Some("no mention selected: ] or [ moves between names".into()),
    }
}

/// The quote's first carrier (by date), at the quote.
fn to_quote_elsewhere(s: &mut State, ix: &Index, qi: usize) {
    let here = s.reader.article;
    let carriers = ix
        .quote_carriers
        .get(here)
        .and_then(|q| q.get(qi))
        .cloned()
        .unwrap_or_default();
    let first = carriers.iter().copied().min_by_key(|&a| {
        let d = ix.articles[a as usize].date;
        (d.is_none(), d, a)
    });
    let Some(b) = first else {
        s.message = Some("no other article carries this quote".into());
        return;
    };
    let q = ix.analyses[here].quotes[qi].clone();
    let at = locate(&ix.articles[here].text[q], &ix.articles[b as usize].text);
    s.jump_to(b as usize, at);
    s.message = Some("the same quote here; Ctrl-o goes back".into());
}

/// Where the words of `quote` are in `text` (punctuation and case aside).
fn locate(quote: &str, text: &str) -> Option<std::ops::Range<usize>> {
    let words: Vec<String> = quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(regex::escape)
        .collect();
    if words.is_empty() {
        return None;
    }
    let re = regex::RegexBuilder::new(&words.join(r"\W+"))
        .case_insensitive(true)
        .build()
        .ok()?;
    re.find(text).map(|m| m.range())
}

/// ] and [: the next or previous name in the text.
fn next_mention(s: &mut State, ix: &Index, action: Action) {
    let r = &mut s.reader;
    let n = ix.analyses.get(r.article).map_or(0, |a| a.mentions.len());
    if n == 0 {
        s.message = Some("no names in this article".into());
        return;
    }
    let next = match (r.mention, action == Action::NextMention) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(m), true) => (m + 1) % n,
        (Some(m), false) => (m + n - 1) % n,
    };
    r.mention = Some(next);
    r.quote = None;
    r.reveal = Some(ix.analyses[r.article].mentions[next].range.start);
    s.focus = Pane::Reader;
}

/// n / N on a name: the next mention of its entity across the corpus, in
/// date order.
fn next_of_entity(s: &mut State, ix: &Index, forward: bool) {
    let Some(m) = s.reader.mention else {
        s.message = Some("focus a name first (] or [)".into());
        return;
    };
    let here = s.reader.article;
    let e = &ix.entities[ix.mention_entity[here][m] as usize];
    // an entity's mentions are kept in date order by the index
    let all = &e.mentions;
    let cur = all
        .iter()
        .position(|&(a, mm)| a as usize == here && mm as usize == m)
        .unwrap_or(0);
    let k = if forward {
        (cur + 1) % all.len()
    } else {
        (cur + all.len() - 1) % all.len()
    };
    let (a, mm) = all[k];
    if a as usize != here {
        s.push_jump();
    }
    s.open(a as usize, None);
    s.reader.mention = Some(mm as usize);
    s.reader.reveal = Some(ix.analyses[a as usize].mentions[mm as usize].range.start);
    s.message = Some(format!("{} {}/{}", e.name, k + 1, all.len()));
}

/// The next quotation, with who else carries it.
fn next_quote(s: &mut State, ix: &Index) {
    let a = s.reader.article;
    let quotes = ix
        .analyses
        .get(a)
        .map_or(&[][..], |an| an.quotes.as_slice());
    if quotes.is_empty() {
        s.message = Some("no quotations in this article".into());
        return;
    }
    let k = s.reader.quote.map_or(0, |q| (q + 1) % quotes.len());
    let r = &mut s.reader;
    r.quote = Some(k);
    r.mention = None;
    r.marks = vec![quotes[k].clone()];
    r.reveal = Some(quotes[k].start);
    s.focus = Pane::Reader;
    let carriers = &ix.quote_carriers[a][k];
    let of = format!("quote {}/{}", k + 1, quotes.len());
    if carriers.is_empty() {
        s.message = Some(format!("{of}: in no other article"));
        return;
    }
    let own = ix.articles[a].date;
    let first = carriers
        .iter()
        .map(|&a| &ix.articles[a as usize])
        .filter(|a| a.date.is_some())
        .min_by_key(|a| a.date);
    let who = match first {
        Some(f) if own.is_none_or(|d| f.date < Some(d)) => format!(
            "first carried by {} on {}",
            f.outlet.clone().unwrap_or_else(|| f.id.clone()),
            f.date.map(|d| d.to_string()).unwrap_or_default()
        ),
        _ => "this article carried it first".into(),
    };
    let others = super::counted(carriers.len(), "other article");
    s.message = Some(format!("{of}: also in {others}, {who}; Enter goes there"));
}

/// m and *: read or unread, starred or not.
fn toggle(s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    let Some(a) = ix.articles.get(s.reader.article) else {
        return;
    };
    let msg = if action == Action::ToggleRead {
        let now = !s.user.is_read(&a.id);
        s.user.set_read(&a.id, now);
        if now {
            "marked read"
        } else {
            "marked unread"
        }
    } else if s.user.toggle_star(&a.id) {
        "starred"
    } else {
        "unstarred"
    };
    fx.push(Effect::SaveUser);
    s.message = Some(msg.into());
}

/// The prompt for a note on the focused sentence (or the article).
fn add_note(s: &mut State, ix: &Index) {
    let a = s.reader.article;
    // anchored to the whole sentence: it finds its place again better
    let on = s.passage(ix).map(|r| find::sentence_of(ix, a, r.start));
    let label = match &on {
        Some(r) => {
            let start: String = ix.articles[a].text[r.clone()].chars().take(40).collect();
            format!("note on \"{start}\"")
        }
        None => "note on this article".into(),
    };
    s.overlay = Overlay::Prompt(Prompt {
        label,
        input: Default::default(),
        purpose: PromptFor::Note { article: a, on },
    });
}

/// The focused sentence with its source, for the clipboard.
fn copy(s: &mut State, ix: &Index, fx: &mut Vec<Effect>) {
    let Some(a) = ix.articles.get(s.reader.article) else {
        return;
    };
    let text = match s.passage(ix) {
        Some(r) => {
            let sent = find::sentence_of(ix, s.reader.article, r.start);
            a.text[sent]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        }
        None => a.title.clone(),
    };
    let mut source = vec![a.outlet.clone().unwrap_or_else(|| a.id.clone())];
    if let Some(d) = a.date {
        source.push(d.to_string());
    }
    if let Some(u) = &a.url {
        source.push(u.clone());
    }
    fx.push(Effect::Copy(format!("\"{text}\" ({})", source.join(", "))));
    s.message = Some("copied the sentence with its source".into());
}

#[cfg(test)]
mod tests {
    use super::super::tests::{click_article, seeds};
    use super::super::update;
    use super::*;

    #[test]
    fn read_star_and_notes_change_the_user_data() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let id = ix.articles[s.reader.article].id.clone();
        assert!(!s.user.is_read(&id), "moving in the list reads nothing");
        let fx = update(&mut s, &ix, Action::Enter);
        assert!(s.user.is_read(&id), "reading it does");
        assert_eq!(fx, vec![Effect::SaveUser]);
        update(&mut s, &ix, Action::ToggleRead);
        assert!(
            !s.user.is_read(&id),
            "m marks it unread, even in the reader"
        );
        let fx = update(&mut s, &ix, Action::ToggleStar);
        assert!(s.user.is_starred(&id) && fx == vec![Effect::SaveUser]);
        // a note on the focused name is anchored to its sentence
        update(&mut s, &ix, Action::NextMention);
        update(&mut s, &ix, Action::AddNote);
        for c in "see 003".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        let fx = update(&mut s, &ix, Action::Enter);
        assert!(fx.contains(&Effect::SaveUser), "{fx:?}");
        let notes = s.user.notes(&id);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "see 003");
        let q = notes[0].quote.as_deref().unwrap();
        assert!(q.len() > 20 && ix.articles[s.reader.article].text.contains(q));
        // Esc on a prompt writes nothing
        update(&mut s, &ix, Action::AddNote);
        update(&mut s, &ix, Action::Input('x'));
        let fx = update(&mut s, &ix, Action::Back);
        assert!(!fx.contains(&Effect::SaveUser));
        assert_eq!(s.user.notes(&id).len(), 1);
    }

    #[test]
    fn copy_and_open_are_effects_for_the_loop() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        let fx = update(&mut s, &ix, Action::Copy);
        let [Effect::Copy(t)] = fx.as_slice() else {
            panic!("{fx:?}")
        };
        assert!(t.starts_with('"') && t.contains("2025-10-16"), "{t}");
        let fx = update(&mut s, &ix, Action::OpenUrl);
        assert!(fx.is_empty(), "the seeds have no URL");
        assert!(s.message.as_deref().unwrap().contains("no URL"));
    }

    #[test]
    fn a_quote_shows_who_else_carries_it_and_enter_goes_there() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let a = ix.find_article("003").unwrap();
        click_article(&mut s, &ix, a);
        // to the quote that 001 carries too
        let mut found = false;
        for _ in 0..ix.analyses[a].quotes.len() {
            update(&mut s, &ix, Action::NextQuote);
            if s.message.as_deref().is_some_and(|m| m.contains("also in")) {
                found = true;
                break;
            }
        }
        assert!(found, "{:?}", s.message);
        let msg = s.message.clone().unwrap();
        assert!(
            msg.contains("first carried by") && msg.contains("2025-10-16"),
            "{msg}"
        );
        update(&mut s, &ix, Action::Enter);
        let here = &ix.articles[s.reader.article].id;
        assert!(here.starts_with("001") || here.starts_with("000"), "{here}");
        assert_eq!(s.reader.marks.len(), 1, "the quote is marked where it is");
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(s.reader.article, a);
    }

    #[test]
    fn the_wheel_and_the_keys_scroll_within_the_text() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::FocusReader);
        s.view.reader_lines = 30;
        s.view.reader_height = 10;
        update(&mut s, &ix, Action::PageDown);
        assert_eq!(s.reader.scroll, 10);
        update(&mut s, &ix, Action::Bottom);
        assert_eq!(s.reader.scroll, 20, "the last line at the bottom");
        let wheel = Action::Scroll {
            pane: Pane::Reader,
            down: false,
        };
        update(&mut s, &ix, wheel);
        assert_eq!(s.reader.scroll, 17);
    }
}
