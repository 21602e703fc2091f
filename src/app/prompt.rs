//! The prompts: a line typed for a new name, a note, the sources' filter.

use super::state::{Overlay, PromptFor, State};
use super::{edit_of, line, userdata, Action, Effect};
use crate::index::aliases::{self, Correction};
use crate::index::Index;

/// The keys of a prompt.
pub fn update(s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    let Overlay::Prompt(p) = &mut s.overlay else {
        return;
    };
    let kind = p.purpose.kind();
    match action {
        Action::Input(_) | Action::Backspace | Action::Edit(_) | Action::Up | Action::Down => {
            // a prompt has no list: up and down walk its history
            let e = match action {
                Action::Up => Some(line::Edit::HistoryPrev),
                Action::Down => Some(line::Edit::HistoryNext),
                a => edit_of(a, false),
            };
            let Some(e) = e else { return };
            if p.input.edit(e, s.history.of(kind)) {
                if let PromptFor::Filter(_) = p.purpose {
                    s.sources.filter = p.input.text.clone();
                    s.refresh_sources(ix);
                }
            }
        }
        Action::Back => {
            let t = p.input.text.clone();
            if let PromptFor::Filter(before) = &p.purpose {
                s.sources.filter = before.clone();
                s.refresh_sources(ix);
            }
            s.overlay = Overlay::None;
            s.remember(kind, &t, fx);
        }
        Action::Enter => {
            let text = p
                .input
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let purpose = p.purpose.clone();
            s.overlay = Overlay::None;
            s.remember(kind, &text, fx);
            entered(s, ix, purpose, text, fx);
        }
        _ => {}
    }
}

/// What a line entered at a prompt does.
fn entered(s: &mut State, ix: &Index, purpose: PromptFor, text: String, fx: &mut Vec<Effect>) {
    match purpose {
        PromptFor::Filter(_) => {
            s.message = Some(format!(
                "{} of {} articles match",
                s.sources.order.len(),
                ix.articles.len()
            ));
        }
        PromptFor::Rename(from) => {
            if !text.is_empty() && text != from {
                let r = aliases::Rename { from, to: text };
                fx.push(Effect::Correct(Correction::Rename(r)));
            }
        }
        PromptFor::Note { article, on } => {
            if !text.is_empty() {
                let a = &ix.articles[article];
                let note = userdata::Note {
                    text,
                    quote: on.as_ref().map(|r| a.text[r.clone()].to_string()),
                    offset: on.map(|r| r.start),
                };
                s.user.add_note(&a.id, note);
                fx.push(Effect::SaveUser);
                s.message = Some("note saved".into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::seeds;
    use super::super::update;
    use super::*;

    #[test]
    fn a_rename_is_a_correction_and_esc_keeps_the_line() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        update(&mut s, &ix, Action::RenameEntity);
        let Overlay::Prompt(p) = &s.overlay else {
            panic!("{:?}", s.overlay)
        };
        let from = p.input.text.clone();
        update(&mut s, &ix, Action::Edit(line::Edit::KillToStart));
        for c in "X Y".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        let fx = update(&mut s, &ix, Action::Enter);
        assert_eq!(
            fx,
            vec![
                Effect::SaveHistory(line::Kind::Rename, "X Y".into()),
                Effect::Correct(Correction::Rename(aliases::Rename {
                    from,
                    to: "X Y".into()
                }))
            ]
        );
        update(&mut s, &ix, Action::AddNote);
        update(&mut s, &ix, Action::Input('z'));
        let fx = update(&mut s, &ix, Action::Back);
        assert_eq!(fx, vec![Effect::SaveHistory(line::Kind::Note, "z".into())]);
        assert!(s.user.notes(&ix.articles[s.reader.article].id).is_empty());
    }
}
